"""The interview file: any text a guest types reads back identical, and the file stays readable."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from export_helpers import copy_example
from jeudis import storage
from jeudis.errors import ExitCode
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import interview_from_toml, load_interview
from support import Invoke

# Pieces that have broken TOML writers before, mixed with any Unicode text.
TRICKY = st.sampled_from(
    [
        '"',
        "'",
        '"""',
        "'''",
        '\\"""',
        "\\",
        "\\n",
        "\\u00e9",
        "\r\n",
        "\r",
        "\n",
        "\t",
        "\x00",
        "\x1b[31m",
        "\x1b]0;pwned\x07",
        "\x7f",
        "\x85",
        "\u2028",
        "\ufeff",
        "🎉",
        "👩🏽‍💻",
        "’",
        "…",
        "=",
        "[[answers]]",
        "# not a comment",
    ]
)
ANY_TEXT = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))) | TRICKY, max_size=12
).map("".join)


def interview_with(text: str) -> Interview:
    interview = Interview(
        questionnaire="twitter",
        guest="Gilles Klein",
        slug="gilles-klein",
        title="Interview Twitter de Gilles Klein [Les Jeudis Twitter]",
        register="vous",
        gender="m",
        date=dt.date(2011, 3, 10),
    )
    interview.fields["intro"] = text
    interview.notes = text
    interview.answers = [
        Answer("depuis-quand", "text", "Depuis quand ?", text),
        Answer("utilisations", "long", "Quelle(s) utilisation(s) ?", text, answered_at=None),
        Answer("reseaux", "multi", "Lesquels ?", [text, "Twitter"]),
    ]
    interview.pending = {"apport": text}
    return interview


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(ANY_TEXT)
@example("")
@example('fin sur des guillemets """')
@example("a\r\nb\rc\n")
@example("\\")
@example("ligne 1\n\n- puce\n- puce 2\n")
def test_any_answer_text_reads_back_identical(text: str) -> None:
    written = interview_with(text)
    back = interview_from_toml(written.to_toml(), Path("gilles-klein.toml"))

    assert back.answers[0].value == text
    assert back.answers[1].value == text
    assert back.answers[2].value == [text, "Twitter"]
    assert back.fields["intro"] == text
    assert back.notes == text
    assert back.pending == ({"apport": text} if text.strip() else {})  # a blank one holds nothing
    assert [a.id for a in back.answers] == ["depuis-quand", "utilisations", "reseaux"]


@settings(max_examples=50, deadline=None)
@given(ANY_TEXT)
def test_any_answer_text_survives_a_save_on_disk(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    written = interview_with(text)
    written.path = folder / "gilles-klein.toml"
    storage.save(written)

    back = load_interview(written.path)
    assert back.answers[0].value == text
    assert back.fields["intro"] == text


def test_short_answers_stay_in_their_own_tables() -> None:
    # tomli-w writes a short table inline (`answers = [{...}]`); after [fields] that
    # line would belong to [fields], and two of them would repeat a key.
    interview = interview_with("x")
    interview.answers = [Answer("a", "yesno", "A ?", True), Answer("b", "text", "B ?", "c")]
    text = interview.to_toml()

    data = tomllib.loads(text)
    assert [a["id"] for a in data["answers"]] == ["a", "b"]
    assert "answers" not in data["fields"]
    assert text.count("[[answers]]") == 2


def test_long_answers_are_written_as_multiline_strings() -> None:
    answer = "Trois usages :\n\n- la veille ;\n- le partage ;\n- les rencontres 😉"
    interview = interview_with("x")
    interview.answers = [Answer("utilisations", "long", "Quelle(s) utilisation(s) ?", answer)]
    text = interview.to_toml()

    assert 'answer = """\nTrois usages :\n\n- la veille ;\n- le partage ;\n' in text
    assert interview_from_toml(text, Path("x.toml")).answers[0].value == answer


def test_skipped_answers_and_timestamps_round_trip() -> None:
    when = dt.datetime(2011, 3, 10, 9, 30, tzinfo=dt.UTC)
    interview = interview_with("x")
    interview.answers = [
        Answer("site", "url", "Votre site ?", None, skipped=True, answered_at=when),
        Answer("followers", "number", "Combien ?", 9200, answered_at=when),
        Answer("relance-1", "long", "Et après ?", "Rien.", followup=True, reworded=True),
    ]
    back = interview_from_toml(interview.to_toml(), Path("x.toml"))
    assert back.answers == interview.answers


@pytest.mark.parametrize("key", ["status", "gender", "questionnaire"])
def test_a_huge_value_is_quoted_short_in_its_message(key: str, tmp_path: Path) -> None:
    """A megabyte where a word was expected: the message stays one readable line."""
    from jeudis.errors import FileProblem

    text = interview_with("x").to_toml()
    lines = [
        f'{key} = "{"A" * 100_000}"' if line.startswith(f"{key} =") else line
        for line in text.splitlines()
    ]
    if not any(line.startswith(f"{key} =") for line in text.splitlines()):
        lines.insert(1, f'{key} = "{"A" * 100_000}"')

    with pytest.raises(FileProblem) as refused:
        interview_from_toml("\n".join(lines), tmp_path / "x.toml")

    assert len(refused.value.reason) < 150, refused.value.reason[:300]
    assert refused.value.reason.endswith("AAAA…'")


def test_each_text_typed_is_kept_at_its_own_question() -> None:
    """A draft kept one text being typed: a change typed at question 4 after Page↑
    took the place of what was typed at question 5. Each has its own [[pending]]
    table now, a long one between triple quotes as the answers are."""
    interview = interview_with("x")
    interview.pending = {
        "premier-tweet": "Mon premier tweet disait",
        "apport": "Beaucoup.\n\n- la veille ;\n- le partage.",
        "@followup:apport": "Et ensuite ?",
    }
    text = interview.to_toml()

    assert text.startswith("format = 3\n")  # an older jeudis says to upgrade, reading it
    assert text.count("\n[[pending]]\n") == 3
    assert '[[pending]]\nid = "apport"\ntext = """\nBeaucoup.\n\n- la veille ;\n' in text
    back = interview_from_toml(text, Path("gilles-klein.toml"))
    assert back.pending == interview.pending
    assert list(back.pending) == list(interview.pending)  # in the order they were typed
    interview.pending = {}
    assert "pending" not in interview.to_toml()


def test_the_choices_ticked_and_not_given_read_back_as_they_were_ticked() -> None:
    """At a multiple choice, a pause keeps the choices ticked: a list, as the answer's,
    read back whole, a choice with a comma in it too. None ticked holds nothing."""
    from jeudis.interview_reading import looks_sound

    interview = interview_with("x")
    ticked = ["Lire, écrire", 'Le "blog"', "Twitter"]
    interview.pending = {"premier-tweet": "Mon premier", "reseaux": ticked}
    text = interview.to_toml()

    assert '[[pending]]\nid = "reseaux"\nticked = [\n    "Lire, écrire",\n' in text
    back = interview_from_toml(text, Path("gilles-klein.toml"))
    assert back.pending == {"premier-tweet": "Mon premier", "reseaux": ticked}
    assert looks_sound(tomllib.loads(text))  # `jeudis list` reads it fast, as sound
    none = re.sub(r"ticked = \[\n[^]]*\]", "ticked = []", text)
    assert interview_from_toml(none, Path("gilles-klein.toml")).pending == {
        "premier-tweet": "Mon premier"
    }


def test_the_single_pending_table_of_an_earlier_jeudis_still_reads() -> None:
    """A draft written before kept one text, as a [pending] table: it reads as that
    text at its question, and is written anew as [[pending]]."""
    written = interview_with("x")
    written.pending = {}
    text = re.sub(r'^format = 3\nid = "[-0-9a-f]+"\n', "format = 1\n", written.to_toml()).replace(
        "[fields]", '[pending]\nid = "apport"\ntext = """\nBeaucoup,\nvraiment."""\n\n[fields]'
    )
    assert text.startswith("format = 1\nquestionnaire = ")  # as an earlier jeudis wrote it

    back = interview_from_toml(text, Path("gilles-klein.toml"))
    assert back.pending == {"apport": "Beaucoup,\nvraiment."}
    again = back.to_toml()
    assert '[[pending]]\nid = "apport"\n' in again
    assert interview_from_toml(again, Path("gilles-klein.toml")).pending == back.pending


@pytest.mark.parametrize(
    ("pending", "said"),
    [
        (
            '[[pending]]\nid = "apport"\ntexte = "Beau"',
            "3: pending[0].texte: unknown key 'texte' in a pending text (did you mean 'text'?)",
        ),
        ('[[pending]]\nid = "apport"', "1: pending[0].text: missing required key 'text'"),
        (
            '[[pending]]\nid = 3\ntext = "Beau"',
            "2: pending[0].id: 'id' must be a string, not an integer",
        ),
        (
            '[[pending]]\nid = "apport"\ntext = "A"\n[[pending]]\nid = "apport"\ntext = "B"',
            "5: pending[1].id: duplicate pending id 'apport'",
        ),
        ('pending = ["apport"]', "1: pending[0]: each [[pending]] entry must be a table"),
        ('pending = "apport"', "1: pending: 'pending' must be an array or a table, not a string"),
        (
            '[pending]\nid = "apport"\nquestion = "B"',
            "3: pending.question: unknown key 'question' in a pending text",
        ),
        (
            '[[pending]]\nid = "reseaux"\nticked = "Twitter"',
            "3: pending[0].ticked: 'ticked' must be an array, not a string",
        ),
        (
            '[[pending]]\nid = "reseaux"\nticked = ["Twitter", 3]',
            "3: pending[0].ticked: 'ticked' must be an array of strings",
        ),
        (
            '[[pending]]\nid = "reseaux"\ntext = "Twitter"\nticked = ["Twitter"]',
            "4: pending[0].ticked: a pending entry holds a text or the choices ticked, not both",
        ),
    ],
)
def test_a_pending_text_edited_wrong_is_refused_at_its_line(
    pending: str, said: str, tmp_path: Path
) -> None:
    from jeudis.errors import FileProblem

    written = interview_with("x")
    written.pending = {}
    head, rest = written.to_toml().split("[fields]", 1)
    with pytest.raises(FileProblem) as refused:
        interview_from_toml(f"{head}{pending}\n\n[fields]{rest}", tmp_path / "x.toml")
    line, _, message = said.partition(": ")
    assert str(refused.value).startswith(
        f"{tmp_path / 'x.toml'}:{head.count(chr(10)) + int(line)}: {message}"
    ), str(refused.value)


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        (
            "guest",
            '"Claire\\u001b]0;PWNED\\u0007Fontaine"',
            "the guest's name holds a control character",
        ),
        ("guest", '"Claire\\nFontaine"', "the guest's name holds a control character"),
        ("guest", '"   "', "the guest's name is blank"),
        ("host", '"Alexis\\tB"', "the host's name holds a control character"),
    ],
)
def test_a_name_edited_by_hand_is_held_to_the_rules_of_guest(
    series: Path, invoke: Invoke, key: str, value: str, said: str
) -> None:
    """``new --guest`` refuses them; edited in by hand, check said "All good." and a
    post's tags published what a terminal escape left: "Claire]0;PWNED[31mFontaine".
    The file still reads (its posts escape it), as any a check finds fault with."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(rf"(?m)^{key} = .*$", lambda _: f"{key} = {value}", text)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key} ="))

    checked = invoke("check")

    assert checked.exit_code == ExitCode.CHECK_FAILED
    assert f"claire-fontaine.toml:{line}: error: {key}: {said}" in checked.stdout
    assert f'hint: write it on one line of plain text: {key} = "First Last"' in checked.stdout
    assert invoke("export", "--all").exit_code == 0


@pytest.mark.parametrize("former", ["../../etc/x", ".hidden", "a/b", "", 3])
def test_a_former_name_that_is_no_posts_name_is_said_at_its_line(
    tmp_path: Path, former: object
) -> None:
    """Written by hand: a site would write its redirect page through it."""
    from jeudis.errors import FileProblem
    from jeudis.interview_reading import load_interview

    path = copy_example(tmp_path) / "interviews" / "claire-fontaine.toml"
    text = path.read_text(encoding="utf-8")
    value = f'"{former}"' if isinstance(former, str) else str(former)
    path.write_text(text.replace("status = ", f"former_slugs = [{value}]\nstatus = ", 1), "utf-8")
    line = path.read_text("utf-8").splitlines().index(f"former_slugs = [{value}]") + 1

    with pytest.raises(FileProblem) as refused:
        load_interview(path)

    assert refused.value.line == line and "former_slugs" in str(refused.value)
