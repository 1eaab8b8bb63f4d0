"""Email interviews: sheet → filled in → import gives the answers the guest wrote."""

from __future__ import annotations

import datetime as dt
import email.policy
import html as html_lib
import quopri
import re
import shutil
import textwrap
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from export_helpers import make_interview
from jeudis import storage
from jeudis.errors import ExitCode
from jeudis.htmltext import html_to_text
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from jeudis.sheet_answers import strip_question
from support import LU, OPEN_LU, REPO, Invoke, fill_sheet, only_interview, write

LIST_ANSWER = "Surtout de la veille :\n\n- partage de liens 🔗\n- conversations\n- live-tweet 🎤"
ANSWERS: dict[str, Any] = {
    "depuis-quand": "Mai 2009",
    "followers": "4 250",
    "utilisations": LIST_ANSWER,
    "apport": "Des rencontres.\n\nEt beaucoup de lectures 📚.",
    "premier-tweet": "Je ne m’en souviens plus 😅",
    "dernier-tweet": "« À bientôt ailleurs »",
    "meilleur-souvenir": "Un apéro improvisé à Nantes.",
    "conseils": "Écouter avant de parler.",
    "avenir": "Incertain.",
    "twitter-ou-facebook": "Twitter, sans hésiter.",
    "influence": "Non.",
    "follower-reve": "Agnès Varda.",
    "pas-suivi": "Personne en particulier.",
}


@pytest.fixture(autouse=True)
def _cli(invoke: Invoke) -> Iterator[None]:
    """``run(*args)`` → (exit code, everything printed), through the real entry point."""
    global _invoke
    _invoke = invoke
    yield
    _invoke = None


_invoke: Invoke | None = None


def run(*args: str) -> tuple[int, str]:
    assert _invoke is not None
    result = _invoke(*args)
    return result.exit_code, result.output


def import_text(series: Path, sheet: str) -> tuple[int, str]:
    """Import ``sheet`` (a filled sheet's text) as the guest sent it back."""
    (series / "filled.md").write_text(sheet, encoding="utf-8")
    return run("import", str(series / "filled.md"))


def imported_answer(series: Path, question_id: str, answer: str) -> tuple[Any, str]:
    """The value stored for ``question_id`` once ``answer`` is written under it and the
    sheet imported, and what the import said."""
    code, out = import_text(
        series, fill_sheet(make_sheet(series), {**ANSWERS, question_id: answer})
    )
    assert code == 0, out
    return only_interview(series).answer(question_id).value, out  # type: ignore[union-attr]


def imported_both(series: Path, sent: Path, returned: Path) -> tuple[Interview, Interview]:
    """The interviews two files make when each is imported alone: the sheet as filled
    in, and the same as it came back (quoted, wrapped, in an email)."""
    made = series / "interviews" / "lea-martin.toml"
    assert run("import", str(sent))[0] == 0
    first = load_interview(made)
    made.unlink()
    code, out = run("import", str(returned))
    assert code == 0, out
    return first, load_interview(made)


def exported(path: str) -> str:
    """The Markdown post, without the lines that only say when it was written."""
    code, out = run("export", path, "--format", "md")
    assert code == 0, out
    return "\n".join(
        line for line in out.split("\n") if not line.startswith(("lastmod", "updated"))
    )


def make_sheet(series: Path) -> str:
    code, out = run(
        "sheet", "twitter", "--guest", "Léa Martin", "--register", "vous", "--gender", "f",
        "--host", "Stéphane", "-o", str(series / "sheet.md"),
    )  # fmt: skip
    assert code == 0, out
    return (series / "sheet.md").read_text(encoding="utf-8")


def answers_of(interview: Interview) -> list[tuple[str, str, Any]]:
    return [(a.id, a.question, a.value) for a in interview.answers]


def test_sheet_reads_like_the_questions_as_asked(series: Path) -> None:
    sheet = make_sheet(series)
    assert sheet.startswith("<!-- jeudis-sheet questionnaire=twitter ")
    assert "Bonjour Léa Martin," in sheet
    assert "## Q1 [depuis-quand]\n\n**Depuis combien de temps utilisez-vous Twitter ?**" in sheet
    assert "## Q13 [pas-suivi]" in sheet
    assert "Ne modifiez pas les lignes" in sheet
    assert sheet.rstrip().endswith("Fin des questions : merci beaucoup !")


def test_a_question_reworded_for_the_guest_on_the_sheet_comes_back_reworded(
    series: Path,
) -> None:
    """`sheet --reword`: the guest reads the question as the host worded it for them, and
    its answer records it so, marked reworded, her mail program's damage to the bold
    line aside. Left empty, it is not answered by its own bold line, and the draft keeps
    the wording to ask. A reword the first line names for no question is not taken."""
    reworded = "Qui rêveriez-vous d’avoir parmi vos followers, vous qui en avez tant ?"
    code, out = run(
        "sheet", "twitter", "--guest", "Léa Martin", "--register", "vous", "--gender", "f",
        "--host", "Stéphane", "--reword", f"follower-reve={reworded}", "--reword", "13=Et ?",
        "-o", str(series / "sheet.md"),
    )  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert f"## Q12 [follower-reve]\n\n**{reworded}**\n" in sheet
    assert "## Q13 [pas-suivi]\n\n**Et ?**\n" in sheet
    first = sheet.splitlines()[0]
    assert f" reword.follower-reve='{reworded}' reword.pas-suivi='Et ?' -->" in first, first
    answers = dict(ANSWERS, **{"pas-suivi": ""})
    filled = fill_sheet(sheet, answers).replace(f"**{reworded}**", "**Qui rêveriez-vous**")
    filled = filled.replace(" -->", " reword.inconnue='X' -->", 1)

    code, out = import_text(series, filled)

    assert code == 0, out
    interview = only_interview(series)
    reve = interview.answer("follower-reve")
    assert reve is not None and (reve.question, reve.reworded) == (reworded, True)
    assert interview.status == "draft" and interview.rewordings == {"pas-suivi": "Et ?"}
    assert interview.answer("pas-suivi") is None  # its draft asks it "Et ?"
    assert not any(a.reworded for a in interview.answers if a.id != "follower-reve")


_STAR = """\
id = "leser"
title = "Interview mit {guest}"
language = "de"
registers = ["du"]

[[questions]]
id = "wer"
type = "long"
text.du = "Bist du eher {Autor|Autorin} oder {Leser|Leserin}?"

[[questions]]
id = "dann"
type = "long"
text.du = "Und \\\\ dann?"
"""


@pytest.mark.parametrize("sent", ["escaped", "rendered"])
def test_a_question_with_a_gender_star_reads_as_written_and_comes_back_so(
    series: Path, sent: str
) -> None:
    """ "Autor*in oder Leser*in" in bold was read "Autor<em>in oder Leser</em>in" by any
    Markdown: escaped as the post escapes it, and asked as written once imported,
    from the sheet as sent or from a mail program's rendering of it."""
    import cmarkgfm

    write(series / "questionnaires" / "leser.toml", _STAR)
    code, out = run(
        "sheet", "leser", "--guest", "Jana Roth", "--host", "Ute", "-o", str(series / "s.md")
    )
    assert code == 0, out
    sheet = (series / "s.md").read_text(encoding="utf-8")
    assert "\n**Bist du eher Autor\\*in oder Leser\\*in?**\n" in sheet, sheet
    shown = cmarkgfm.github_flavored_markdown_to_html(sheet)
    assert "<strong>Bist du eher Autor*in oder Leser*in?</strong>" in shown, shown
    assert "<strong>Und \\ dann?</strong>" in shown, shown
    filled = fill_sheet(sheet, {"wer": "Leserin, klar.", "dann": "Schreiben."})
    if sent == "rendered":
        filled = filled.replace("\\*", "*").replace("\\\\", "\\")

    code, out = import_text(series, filled)

    assert code == 0, out
    assert "warning" not in out, out
    assert answers_of(only_interview(series)) == [
        ("wer", "Bist du eher Autor*in oder Leser*in?", "Leserin, klar."),
        ("dann", "Und \\ dann?", "Schreiben."),
    ]


def test_a_first_name_given_to_the_sheet_greets_the_guest_and_comes_back(series: Path) -> None:
    """sheet --first-name: the sheet's greeting and its questions say it, and the
    interview imported records it, as new --first-name does."""
    write(
        series / "questionnaires" / "hola.toml",
        'id = "hola"\ntitle = "Entrevista a {guest}"\nlanguage = "es"\nregisters = ["tu"]\n'
        '[[questions]]\nid = "a"\ntype = "long"\ntext = "¿Qué escribes, {first_name}?"\n',
    )
    code, out = run(
        "sheet", "hola", "--guest", "María José Ibáñez", "--first-name", "María José",
        "--host", "Íñigo", "-o", str(series / "s.md"),
    )  # fmt: skip
    assert code == 0, out
    sheet = (series / "s.md").read_text(encoding="utf-8")
    assert "\nHola, María José:\n" in sheet and "**¿Qué escribes, María José?**" in sheet, sheet

    code, out = import_text(series, fill_sheet(sheet, {"a": "Novelas."}))

    assert code == 0, out
    interview = only_interview(series)
    assert interview.first_name == "María José"
    assert answers_of(interview) == [("a", "¿Qué escribes, María José?", "Novelas.")]


def test_sheet_import_equals_data_file(series: Path, tmp_path: Path) -> None:
    sheet = make_sheet(series)
    (series / "filled.md").write_text(fill_sheet(sheet, ANSWERS), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert "Imported:" in out
    imported = only_interview(series)
    assert imported.status == "complete"
    assert imported.answer("utilisations").value == LIST_ANSWER  # type: ignore[union-attr]
    assert imported.answer("followers").value == "4 250"  # type: ignore[union-attr]

    other = tmp_path / "other"
    other.mkdir()
    data = tmp_path / "answers.toml"
    data.write_text(tomli_w.dumps({"answers": ANSWERS}), encoding="utf-8")
    code, out = run(
        "new", "twitter", "--guest", "Léa Martin", "--register", "vous", "--gender", "f",
        "--host", "Stéphane", "--data-file", str(data), "--dir", str(other),
    )  # fmt: skip
    assert code == 0, out
    given = load_interview(other / "interviews" / "lea-martin.toml")
    assert answers_of(imported) == answers_of(given)
    assert imported.fields == given.fields
    assert exported(str(imported.path)) == exported(str(given.path))
    post = exported(str(imported.path))
    assert "- partage de liens 🔗\n- conversations\n- live-tweet 🎤" in post
    assert "Je ne m’en souviens plus 😅" in post
    assert (imported.guest, imported.register, imported.gender, imported.host) == (
        "Léa Martin",
        "vous",
        "f",
        "Stéphane",
    )


def test_the_command_to_publish_an_import_never_writes_over_the_sheet(
    series: Path, tmp_path: Path
) -> None:
    """A sheet saved under the guest's slug (lea-martin.md, as a host names it) was
    named by "Publish it: jeudis export lea-martin -o lea-martin.md": refused as a file
    changed by hand, whose hint, --overwrite, would have lost the guest's answers."""
    sheet = tmp_path / "lea-martin.md"  # the folder commands run in
    filled = fill_sheet(make_sheet(series), ANSWERS)
    sheet.write_text(filled, encoding="utf-8")
    code, out = run("import", "lea-martin.md")
    assert code == 0, out
    said = next(line for line in out.splitlines() if line.startswith("Publish it: "))
    command = said.removeprefix("Publish it: jeudis ").split()
    assert command[:2] == ["export", "lea-martin"]

    code, out = run(*command)

    assert code == 0, out
    assert sheet.read_text(encoding="utf-8") == filled
    post = tmp_path / command[command.index("-o") + 1]
    assert "Un apéro improvisé à Nantes." in post.read_text(encoding="utf-8")


@pytest.mark.parametrize("reply", [False, True])
def test_an_export_over_an_answer_sheet_never_says_to_overwrite_it(
    series: Path, reply: bool
) -> None:
    """export -o over a sheet jeudis wrote, filled since: "changed by hand since jeudis
    wrote it", with --overwrite for a hint, which would lose the guest's answers."""
    sheet = series / "sheet.md"
    filled = fill_sheet(make_sheet(series), ANSWERS)
    sheet.write_text(quoted_reply(filled) if reply else filled, encoding="utf-8")
    make_interview(series, "laurent")

    code, out = run("export", "laurent", "-f", "md", "-o", str(sheet))

    assert code == 1, out
    assert out.splitlines() == [
        f"error: {sheet}: an answer sheet (jeudis sheet); not written over",
        f"hint: bring its answers in with jeudis import {sheet}; write elsewhere with -o",
    ]
    assert sheet.read_text(encoding="utf-8") == (quoted_reply(filled) if reply else filled)


def quoted_reply(filled: str) -> str:
    body = "\n".join(("> " + line).rstrip() for line in filled.split("\n"))
    return (
        "Bonjour Stéphane,\n\nVoici mes réponses, avec plaisir !\n\n"
        "Le jeu. 26 nov. 2026 à 09:12, Stéphane <stephane@example.com> a écrit :\n"
        f"{body}\n\n-- \nLéa Martin\nhttps://example.com\n"
    )


def test_sheet_quoted_in_an_email_reply_imports_identically(series: Path) -> None:
    sheet = make_sheet(series)
    filled = fill_sheet(sheet, ANSWERS)
    (series / "filled.md").write_text(filled, encoding="utf-8")
    (series / "reply.eml.txt").write_text(quoted_reply(filled), encoding="utf-8")
    assert run("import", str(series / "filled.md"))[0] == 0
    first = load_interview(series / "interviews" / "lea-martin.toml")
    # The same answers again: refused, not a second copy of the interview.
    code, out = run("import", str(series / "reply.eml.txt"))
    assert code == 1  # an error, as an export not written over a file; not a usage one
    said = " ".join(out.split())
    assert "already imported, as lea-martin (complete, 13 answers): this sheet has the same" in said
    (series / "interviews" / "lea-martin.toml").unlink()
    code, out = run("import", str(series / "reply.eml.txt"))
    assert code == 0, out
    second = load_interview(series / "interviews" / "lea-martin.toml")
    assert answers_of(first) == answers_of(second)


@pytest.mark.parametrize("width", [60, 66, 70, 72, 78])
def test_reply_wrapped_at_72_columns_by_the_mail_program(series: Path, width: int) -> None:
    sheet = make_sheet(series)
    filled = fill_sheet(sheet, ANSWERS)
    wrapped = []
    for line in filled.split("\n"):
        # What a mail program does to long lines before quoting them. (At some widths a
        # line of the instructions opens on their example marker, "Q1 [depuis-quand]`".)
        chunks = textwrap.wrap(line, width, break_long_words=False) if len(line) > width else [line]
        wrapped += [("> " + chunk).rstrip() for chunk in chunks or [""]]
    (series / "filled.md").write_text(filled, encoding="utf-8")
    (series / "wrapped.txt").write_text("\n".join(wrapped) + "\n-- \nLéa\n", encoding="utf-8")
    first, second = imported_both(series, series / "filled.md", series / "wrapped.txt")
    assert answers_of(first) == answers_of(second)


def test_answers_typed_between_quoted_questions(series: Path) -> None:
    """A guest who replies inline: the questions quoted, the answers not."""
    sheet = make_sheet(series)
    lines = []
    for line in quoted_reply(sheet).split("\n"):
        lines.append(line)
        if line.startswith("> **Depuis combien"):
            lines += ["", "Mai 2009", ""]
    (series / "reply.txt").write_text("\n".join(lines), encoding="utf-8")
    code, out = run("import", str(series / "reply.txt"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.status == "draft"
    assert interview.answer("depuis-quand").value == "Mai 2009"  # type: ignore[union-attr]
    assert "draft" in out
    assert "jeudis resume lea-martin" in out


QUOTING = "Comme l’écrivait Rilke :\n\n> Allez en vous-même.\n>\n> Et cherchez.\n\nC’est tout."


def answered_inline(reply: str, after: dict[str, str], width: int = 0) -> str:
    """``reply`` with an answer typed unquoted below each question ``after`` names (its
    first words), the way a guest answers between the quoted lines; ``width``: the mail
    program wrapped the quoted lines so."""
    lines = []
    for line in reply.split("\n"):
        if width and len(line) > width:
            lines += ["> " + chunk for chunk in textwrap.wrap(line[2:], width)]
        else:
            lines.append(line)
        for start, answer in after.items():
            if line.startswith(start):
                lines += ["", answer, ""]
    return "\n".join(lines)


@pytest.mark.parametrize("width", [0, 40])
def test_a_guests_own_quotation_between_quoted_questions_keeps_its_quote(
    series: Path, width: int
) -> None:
    """Answers typed unquoted between the quoted questions: a guest's quotation, quoted
    as the sheet is ("> Allez…"), lost its ">" with the mail's; the question and its
    help, quoted too (wrapped over several lines or not), are still the sheet's."""
    sheet = make_sheet(series)
    after = {
        "> **Depuis combien": "Mai 2009",
        "> _Un nombre (par exemple": "Environ 4 000.\n\n> « 4 250 » dit mon profil.",
        "> **Quel(s) conseil": QUOTING,
    }
    reply = answered_inline(quoted_reply(sheet), after, width)
    (series / "reply.txt").write_text(reply, encoding="utf-8")
    code, out = run("import", str(series / "reply.txt"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.values() == {
        "depuis-quand": "Mai 2009",
        "followers": "Environ 4 000.\n\n> « 4 250 » dit mon profil.",
        "conseils": QUOTING,
    }


@pytest.mark.parametrize("mail", ["quoted", "flowed", "quoted-twice"])
def test_a_guests_own_quotation_in_a_sheet_quoted_whole(series: Path, mail: str) -> None:
    """The whole sheet quoted (once, in a format=flowed email as ">>", or twice: a reply
    to a reply): the mail's levels go, the guest's own stays."""
    filled = fill_sheet(make_sheet(series), {**ANSWERS, "conseils": QUOTING})
    reply = quoted_reply(filled)
    if mail == "quoted-twice":
        reply = "Je renvoie, au cas où.\n\n" + quoted_reply(reply)
    if mail == "flowed":
        (series / "reply.eml").write_bytes(flowed(reply))
    else:
        (series / "reply.eml").write_text(reply, encoding="utf-8")
    code, out = run("import", str(series / "reply.eml"))
    assert code == 0, out
    assert only_interview(series).answer("conseils").value == QUOTING  # type: ignore[union-attr]


def test_a_guests_quotation_typed_in_a_reply_to_a_reply(series: Path) -> None:
    """The sheet quoted twice, the guest's answers once (typed in a first reply, sent
    again): their own quotation is one level below the sheet's."""
    sheet = make_sheet(series)
    first = answered_inline(quoted_reply(sheet), {"> **Quel(s) conseil": QUOTING})
    reply = "Je renvoie, au cas où.\n\n" + quoted_reply(first)
    (series / "reply.txt").write_text(reply, encoding="utf-8")
    code, out = run("import", str(series / "reply.txt"))
    assert code == 0, out
    assert only_interview(series).values() == {"conseils": QUOTING}


def test_missing_answers_make_a_draft(series: Path) -> None:
    sheet = make_sheet(series)
    partial = {k: v for k, v in ANSWERS.items() if k not in ("avenir", "influence")}
    (series / "filled.md").write_text(fill_sheet(sheet, partial), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.status == "draft"
    assert interview.answer("avenir") is None
    assert "2 answers missing: avenir, influence" in out.replace("\n", " ")


def test_a_sheet_sent_before_a_new_version_keeps_the_answers_to_questions_it_dropped(
    series: Path,
) -> None:
    """Version 2 drops two questions and a choice after the sheet went out. Their
    answers were left out with a warning, kept nowhere (not even in the notes); they
    are kept as a draft resumed keeps them: in the sheet's order, under the question
    as the sheet printed it, published. A note every sheet prints under a choice
    leaves the answer; a help in italics may be the guest's own words: it stays, said."""
    form = series / "questionnaires" / "twitter.toml"
    v1 = form.read_text(encoding="utf-8")
    outil = (
        '[[questions]]\nid = "outil"\ntype = "multi"\nchoices = ["TweetDeck", "Twitter"]\n'
        'text = "Votre outil ?"\nrequired = false\nvalidation = { min = 2 }\n\n'
    )
    form.write_text(
        v1.replace('[[questions]]\nid = "conseils"', outil + '[[questions]]\nid = "conseils"')
    )
    sheet = make_sheet(series)
    assert "_Au moins 2 choix, séparés par des virgules : TweetDeck, Twitter_" in sheet
    v2 = v1.replace("version = 1", "version = 2")
    for dropped in ("followers", "dernier-tweet"):
        block = re.search(rf'\[\[questions\]\]\nid = "{dropped}"\n.*?\n\n', v2, re.DOTALL)
        assert block is not None
        v2 = v2.replace(block.group(0), "")
    form.write_text(v2, encoding="utf-8")

    code, out = import_text(series, fill_sheet(sheet, {**ANSWERS, "outil": "TweetDeck, Twitter"}))

    assert code == 0, out
    interview = only_interview(series)
    assert [a.id for a in interview.answers][:7] == [
        "depuis-quand",
        "followers",
        "utilisations",
        "apport",
        "premier-tweet",
        "dernier-tweet",
        "meilleur-souvenir",
    ]
    assert answers_of(interview)[5] == (
        "dernier-tweet",
        "Quel sera votre dernier tweet 😉 ?",
        "« À bientôt ailleurs »",
    )
    outil_answer = interview.answer("outil")
    assert outil_answer is not None and outil_answer.value == "TweetDeck, Twitter"
    assert (outil_answer.question, outil_answer.type) == (
        "Votre outil ?",
        "long",
    )  # less "(facultatif)"
    help_text = "Un nombre (par exemple 9 200), avec quelques mots autour si vous voulez."
    assert interview.values()["followers"] == f"4 250\n\n_{help_text}_"
    assert interview.status == "complete"
    said = " ".join(out.split())
    assert (
        "no longer in the questionnaire, kept as the sheet asked them (the post publishes"
        " them, as a draft's that `jeudis resume` finishes): followers, dernier-tweet, outil"
    ) in said
    assert "[followers]: “Un nombre (par exemple 9 200), avec quelques" in said
    assert "”, in italics, may be a help the sheet printed under the question" in said
    assert "[outil]: “" not in said and "[dernier-tweet]: “" not in said
    post = exported("lea-martin")
    assert re.search(r"## 6\. Quel sera votre dernier tweet 😉\W+\n\n«\W+À bientôt ailleurs", post)


@pytest.mark.parametrize(
    ("rule", "typed", "refusal"),
    [
        # A word count set since: the guest answered as the sheet asked, in three words.
        ('id = "depuis-quand"\n', "Mai 2009, déjà.", "Au moins 5 mots"),
        # A choice renamed since: the guest wrote the one the sheet offered.
        ('id = "depuis-quand"\n', "Développeur", "Choisir parmi"),
        # Several choices, one renamed since.
        ('id = "depuis-quand"\n', "Développeur, Autre", "Choix inconnu"),
    ],
)
def test_a_sheet_sent_before_a_new_version_keeps_an_answer_its_new_rules_refuse(
    series: Path, rule: str, typed: str, refusal: str
) -> None:
    """The guest answered by the rules the sheet printed; version 2 set a word count,
    or renamed a choice: the import was refused (exit 8), and only rewriting the guest's
    words could get it in."""
    form = series / "questionnaires" / "twitter.toml"
    v1 = form.read_text(encoding="utf-8")
    choice = refusal in ("Choisir parmi", "Choix inconnu")
    if choice:  # a question of choices, in version 1 and 2
        kind = "multi" if "," in typed else "choice"
        v1 = v1.replace(
            'id = "depuis-quand"\ntype = "text"',
            f'id = "depuis-quand"\ntype = "{kind}"\nchoices = ["Développeur", "Autre"]',
        )
        form.write_text(v1, encoding="utf-8")
    sheet = make_sheet(series)
    v2 = v1.replace("version = 1", "version = 2")
    if choice:
        v2 = v2.replace('"Développeur", "Autre"', '"Développeur·se", "Autre"')
    else:
        v2 = v2.replace(rule, rule + "validation = { min_words = 5 }\n", 1)
    form.write_text(v2, encoding="utf-8")

    code, out = import_text(series, fill_sheet(sheet, {**ANSWERS, "depuis-quand": typed}))

    assert code == 0, out
    kept = only_interview(series).values()["depuis-quand"]
    # Several: the questionnaire's order, those it no longer offers after.
    assert kept == (["Autre", "Développeur"] if refusal == "Choix inconnu" else typed)
    # Of the sheet's version: check says how the versions differ, no error of version 2's.
    assert only_interview(series).questionnaire_version == 1
    code, checked = run("check")
    assert code == 0, checked
    said = " ".join(out.split())
    assert (
        refusal in said
        and "(a rule of version 2, which the sheet, of version 1, did not print): kept as written"
        in said
    )


def test_a_sheet_sent_before_a_new_version_keeps_the_questions_as_it_printed_them(
    series: Path,
) -> None:
    """The sheet went out with version 1; version 2 rewords a question and another's
    help, and adds one, before it comes back. The reworded question's line and the
    help, as the sheet printed them, were taken for the start of the guest's answer
    (published above it), and the interview recorded the new wording, which the guest
    never read: the sheet's is what they answered. A question the new version words
    as the sheet did (its number in the sheet differs) reads as before."""
    sheet = make_sheet(series)
    form = series / "questionnaires" / "twitter.toml"
    text = form.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    text = text.replace("avenir de Twitter ?", "avenir de Twitter, dans cinq ans ?")
    text = text.replace(
        "(par exemple 9 200), avec quelques mots", "(9 200, par exemple) et des mots"
    )
    text = text.replace(
        'id = "premier-tweet"',
        'id = "mastodon"\ntype = "yesno"\ntext = "Mastodon ?"\n\n[[questions]]\nid = "premier-tweet"',
    )
    form.write_text(text, encoding="utf-8")

    # Bold words of the guest's own above a question this version words as the sheet did.
    asked = "**Vous considérez-vous comme une twittos influente ?**"
    italics = {**ANSWERS, "premier-tweet": "_Je ne m’en souviens plus._"}  # the guest's
    filled = fill_sheet(sheet, italics).replace(asked, "**Oui !**\n\n" + asked)

    code, out = import_text(series, filled)

    assert code == 0, out
    interview = only_interview(series)
    influence = interview.answer("influence")
    assert influence is not None and influence.value == "**Oui !**\n\nNon."
    assert influence.question == asked.strip("*")
    avenir = interview.answer("avenir")
    assert avenir is not None and avenir.value == "Incertain."
    assert avenir.question == "Comment voyez-vous l’avenir de Twitter ?"
    assert interview.values()["followers"] == "4 250"  # without its help as printed
    assert interview.values()["premier-tweet"] == "_Je ne m’en souviens plus._"
    conseils = interview.answer("conseils")
    assert conseils is not None and conseils.value == "Écouter avant de parler."
    assert conseils.question == "Quel(s) conseil(s) donneriez-vous à ceux qui démarrent ?"
    assert interview.status == "draft" and "1 answer missing: mastodon" in " ".join(out.split())
    post = run("export", "lea-martin", "--format", "md", "--include-drafts")[1]
    assert "Incertain." in post and "dans cinq ans" not in post
    assert post.count("**") == 2  # the guest's "**Oui !**" alone


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            lambda s: s.replace("## Q3 [utilisations]\n", ""),
            "question 3 [utilisations] is missing: its marker line was removed or changed",
        ),
        (
            lambda s: s.replace("## Q3 [utilisations]", "## Q3 [utilisatons]"),
            "unknown question id [utilisatons]",
        ),
        (
            lambda s: s.replace("## Q3 [utilisations]", "## Q3 utilisations"),
            "looks like a damaged question marker: '## Q3 utilisations'",
        ),
        (
            lambda s: s.replace(
                "## Q4 [apport]", "## Q3 [utilisations]\n\nEncore.\n\n## Q4 [apport]"
            ),
            "question 3 [utilisations] appears twice",
        ),
        (lambda s: s.split("\n", 1)[1], "not a jeudis answer sheet"),
        # Told one marker at a time, the host deleted thirteen, one an import.
        (
            lambda s: s + "\n\n" + s.replace("Agnès Varda.", "Agnès Varda !"),
            (
                "the sheet's questions are there twice, and both copies hold answers: from line"
                " 15 (answers to Q1, Q2, Q3, Q4 and 9 more), and again from line 172 (answers to"
            ),
        ),
    ],
    ids=["removed", "renamed", "damaged", "duplicated", "no-header", "pasted-twice"],
)
def test_damaged_sheets_say_which_question_and_what_to_do(
    series: Path, damage: Any, expected: str
) -> None:
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    (series / "bad.md").write_text(damage(sheet), encoding="utf-8")
    code, out = run("import", str(series / "bad.md"))
    assert code == 4, out
    assert expected in out
    said, what_to_do = out.splitlines()  # the line at fault, then what to do of it
    assert said.startswith(f"error: {series / 'bad.md'}") and what_to_do.startswith("hint: ")
    assert not list((series / "interviews").glob("*.toml"))


GMAIL_HEADER = "Le jeu. 26 nov. 2026 à 09:12, Stéphane <stephane@example.com> a écrit :"
OUTLOOK_HEADER = (
    "De : Stéphane <stephane@example.com>\nEnvoyé : jeudi 26 novembre 2026 10:00\n"
    "À : Léa Martin\nObjet : Interview Twitter"
)


def quoting_below(filled: str, sent: str, mail: str) -> str:
    """A reply holding ``filled``, the sheet the guest filled in, above the sheet as it
    was sent (``sent``), which the mail program adds below as ``mail`` does."""
    if mail == "outlook":
        return f"{filled}\n\n-----Original Message-----\n{OUTLOOK_HEADER}\n\n{sent}"
    if mail == "outlook-fr":
        return f"{filled}\n\n{'_' * 32}\n{OUTLOOK_HEADER}\n\n{sent}"
    if mail == "wrapped":  # at 72 columns, the reply header in two lines
        sent = "\n".join(
            "\n".join(textwrap.wrap(line, 70, break_long_words=False) or [""])
            for line in sent.split("\n")
        )
        header = GMAIL_HEADER.replace("<", "<\n", 1)
        return f"{filled}\n\n-- \nLéa\n\n{header}\n" + quoted_lines(sent)
    if mail == "no-end-line":
        filled = filled.split("\n## FIN")[0]
    return f"Bonjour Stéphane,\n\n{filled}\n\n{GMAIL_HEADER}\n" + quoted_lines(sent)


def quoted_lines(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.split("\n"))


def line_of(text: str, start: str) -> int:
    """The line of ``text`` that starts with ``start`` last."""
    return text[: text.rindex("\n" + start) + 1].count("\n") + 1


@pytest.mark.parametrize("mail", ["gmail", "wrapped", "no-end-line", "outlook", "outlook-fr"])
def test_a_sheet_filled_in_above_the_blank_one_the_reply_quotes_imports_the_answers(
    series: Path, mail: str
) -> None:
    """The guest fills in the sheet, and the mail program adds it below as it was sent:
    the copy with no answer is left out, said in one line at its line; the answers
    (a guest's own quotation too) read as from the sheet alone. It was refused, the
    questions there twice."""
    sheet = make_sheet(series)
    partial = {k: v for k, v in ANSWERS.items() if k != "avenir"} | {"conseils": QUOTING}
    filled = fill_sheet(sheet, partial)
    reply = quoting_below(filled, sheet, mail)
    (series / "filled.md").write_text(filled, encoding="utf-8")
    (series / "reply.txt").write_text(reply, encoding="utf-8")
    first, second = imported_both(series, series / "filled.md", series / "reply.txt")
    assert answers_of(second) == answers_of(first)
    assert second.answer("conseils").value == QUOTING  # type: ignore[union-attr]
    assert second.status == "draft"  # the answer left empty in both is missing

    (series / "interviews" / "lea-martin.toml").unlink()
    code, out = run("import", str(series / "reply.txt"))
    assert code == 0, out
    said = " ".join(out.split())
    # The left-out copy starts at its first line, or the reply header right above it.
    start = line_of(reply, "<!-- jeudis-sheet" if mail.startswith("outlook") else "Le jeu. 26")
    end = reply.rstrip("\n> ").count("\n") + 1  # its last line of text
    filled_at = reply.index("\n## Q1 [") + 1
    assert (
        f"warning: {series / 'reply.txt'}:{start}: the sheet's questions are there twice: the"
        f" copy from line {start} to {end} holds no answer (the sheet as it was sent), left"
        f" out; the answers are read from the copy at line {reply[:filled_at].count(chr(10)) + 1}"
    ) in said
    assert said.count("twice") == 1


def test_a_sheet_filled_in_below_the_blank_one_or_in_part_is_read_from_its_answers(
    series: Path,
) -> None:
    """The other way round: the blank sheet above (pasted back), the one filled in quoted
    below it; and a sheet with a few answers only above the blank one quoted. The copy
    with answers is read, whichever it is, with what it leaves empty missing."""
    sheet = make_sheet(series)
    few = {"depuis-quand": "Mai 2009", "pas-suivi": "Personne en particulier."}
    reply = f"{sheet}\n\n{GMAIL_HEADER}\n" + quoted_lines(fill_sheet(sheet, {**ANSWERS, **few}))
    code, out = import_text(series, reply)
    assert code == 0, out
    assert only_interview(series).values() == {**ANSWERS, **few}
    assert "the copy from line 1 to 123 holds no answer" in " ".join(out.split())

    (series / "interviews" / "lea-martin.toml").unlink()
    code, out = import_text(series, quoting_below(fill_sheet(sheet, few), sheet, "gmail"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.values() == few
    assert interview.status == "draft"
    assert "holds no answer (the sheet as it was sent), left out" in " ".join(out.split())


@pytest.mark.parametrize("typed", ["quoted", "between", "other-answers"])
def test_answers_in_both_copies_of_the_sheet_are_refused_naming_each(
    series: Path, typed: str
) -> None:
    """An answer typed in the quoted copy as well (in its "> " lines, or between them),
    or two copies filled in otherwise: the guest's, each; which to keep is the host's
    to say. Refused, each copy named by its line with the answers it holds; nothing
    written, nothing lost."""
    sheet = make_sheet(series)
    question = "**Quel(s) conseil(s) donneriez-vous à ceux qui démarrent ?**"
    if typed == "quoted":  # the answer typed in the quoted lines, quoted as they are
        below = quoted_lines(sheet.replace(question, question + "\n\nSe taire, surtout."))
    elif typed == "between":
        below = quoted_lines(sheet).replace(question, question + "\n\nSe taire, surtout.\n")
    else:
        below = quoted_lines(
            fill_sheet(sheet, {"conseils": "Se taire, surtout.", "avenir": "Bleu."})
        )
    reply = f"{fill_sheet(sheet, ANSWERS)}\n\n{GMAIL_HEADER}\n{below}"
    code, out = import_text(series, reply)
    assert code == 4, out
    said = " ".join(out.split())
    second = line_of(reply, "> ## Q1 [")
    named = "Q8 and Q9" if typed == "other-answers" else "Q8"
    assert (
        f"filled.md:{second}: the sheet's questions are there twice, and both copies hold"
        f" answers: from line 15 (answers to Q1, Q2, Q3, Q4 and 9 more), and again from line"
        f" {second} (answers to {named})"
    ) in said
    assert "hint: keep one copy, with every answer to import" in said
    assert not list((series / "interviews").glob("*.toml"))


@pytest.mark.parametrize("mail", ["pasted", "quoted"])
def test_the_filled_sheet_there_twice_with_the_same_answers_imports_one_copy(
    series: Path, mail: str
) -> None:
    """The filled sheet pasted twice, or quoted whole below itself: the copies read the
    same, and taking one loses nothing. It was refused, both copies holding answers;
    one answer that differs by a character in the second copy still is."""
    filled = fill_sheet(make_sheet(series), ANSWERS)

    def twice(second: str) -> str:
        if mail == "pasted":
            return f"{filled}\n\n{second}"
        return f"{filled}\n\n{GMAIL_HEADER}\n{quoted_lines(second)}"

    code, out = import_text(series, twice(filled.replace("Agnès Varda.", "Agnès Varda !")))
    assert code == 4, out
    assert "both copies hold answers" in " ".join(out.split())
    assert not list((series / "interviews").glob("*.toml"))

    reply = twice(filled)
    code, out = import_text(series, reply)
    assert code == 0, out
    interview = only_interview(series)
    assert interview.values() == ANSWERS
    assert interview.status == "complete"
    said = " ".join(out.split())
    start = line_of(reply, "Le jeu. 26" if mail == "quoted" else "<!-- jeudis-sheet")
    end = reply.rstrip("\n> ").count("\n") + 1
    assert (
        f"warning: {series / 'filled.md'}:{start}: the sheet's questions are there twice: the"
        f" copy from line {start} to {end} holds the same answers, left out; the answers are"
        f" read from the copy at line {line_of(filled, '## Q1 [')}"
    ) in said
    assert said.count("twice") == 1


def test_what_the_guest_wrote_around_the_blank_copy_left_out_is_said(series: Path) -> None:
    """A P.S. typed below the sheet the reply quotes: that copy of the questions is left
    out, and what the guest wrote around it is still said, as for a sheet alone."""
    sheet = make_sheet(series)
    reply = quoting_below(fill_sheet(sheet, ANSWERS), sheet, "gmail")
    ps = "P.S. J'oubliais : mon premier tweet date de 2009."
    code, out = import_text(series, reply + f"\n\n{ps}\n")
    assert code == 0, out
    said = " ".join(out.split())
    assert f"filled.md:{line_of(reply + chr(10) * 2 + ps, 'P.S.')}: text below the end line" in said
    assert f"not imported: “{ps}”" in said
    assert only_interview(series).status == "complete"


def test_two_sheets_in_one_file_are_refused(series: Path) -> None:
    """Two guests' sheets, each filled in, pasted in one file: not two copies of one."""
    sheet = make_sheet(series)
    code, other = run("sheet", "twitter", "--guest", "Zoé Petit", "--host", "Stéphane", "-o", "-")
    assert code == 0, other
    text = fill_sheet(sheet, ANSWERS) + "\n\n" + fill_sheet(other, ANSWERS)
    code, out = import_text(series, text)
    assert code == 4, out
    second = line_of(text, "<!-- jeudis-sheet")
    assert (
        f"filled.md:{second}: two answer sheets in one: their first lines differ (lines 1 and"
        f" {second})"
    ) in " ".join(out.split())
    assert not list((series / "interviews").glob("*.toml"))


def test_a_question_deleted_from_the_sheet_is_said_at_the_line_it_goes_back_above(
    series: Path,
) -> None:
    """A guest who deleted a question (its marker, its words) is told where it was: the
    error had no line, and the hint no place to put it back."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    start, stop = sheet.index("## Q3 [utilisations]"), sheet.index("## Q4 [apport]")
    (series / "bad.md").write_text(sheet[:start] + sheet[stop:], encoding="utf-8")
    code, out = run("import", str(series / "bad.md"))
    assert code == 4, out
    assert f"bad.md:{sheet[:start].count(chr(10)) + 1}: question 3 [utilisations] is missing" in out
    assert (
        "put the line `## Q3 [utilisations]` back above its answer, after Q2's answer and"
        " before `## Q4 [apport]` (an empty answer is fine)"
    ) in " ".join(out.split())

    last = sheet.rindex("\n## Q") + 1
    marker = sheet[last:].split("\n", 1)[0]
    end = sheet.index("## FIN")
    (series / "bad.md").write_text(sheet[:last] + sheet[end:], encoding="utf-8")
    code, out = run("import", str(series / "bad.md"))
    assert code == 4, out
    assert f"bad.md:{sheet[:last].count(chr(10)) + 1}: question" in out
    assert f"`{marker}` back above its answer, after Q12's answer and before `## FIN`" in " ".join(
        out.split()
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("gender=f", "gender=x"), "bad.md:1: gender=x: use f or m"),
        (
            ("register=vous", "register=zz"),
            'bad.md:1: register=zz: twitter is worded for "tu" and "vous"',
        ),
        (("gender=f", "gender=f date=2030-13-45"), "bad.md:1: date=2030-13-45: not a date"),
        (("gender=f", "gender=f date="), "bad.md:1: date=: not a date"),
        (("host='Stéphane'", "host='St\x1b[31méphane'"), "bad.md:1: host: a control character"),
        (("guest='Léa Martin'", "guest='Léa\tMartin'"), "bad.md:1: guest: a control character"),
        (
            ("guest='Léa Martin'", "guest='Léa \u202eMartin'"),
            "bad.md:1: guest: a control character",
        ),
        (("guest='Léa Martin'", "guest=''"), "bad.md:1: guest=: the guest's name is empty"),
    ],
    ids=["gender", "register", "date", "empty-date", "host", "guest", "guest-bidi", "empty-guest"],
)
def test_the_first_line_a_guest_edited_is_checked_before_anything_is_written(
    series: Path, edit: tuple[str, str], expected: str
) -> None:
    """The sheet's first line comes back from the guest: each value is checked as the
    option it stands for would be, and named as a line of the sheet (no --option): an
    invalid file (4), as a damaged marker is, not a usage error."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    first, rest = sheet.split("\n", 1)
    assert edit[0] in first
    (series / "bad.md").write_text(first.replace(edit[0], edit[1]) + "\n" + rest, "utf-8")

    code, out = run("import", str(series / "bad.md"))

    assert code == 4, out  # an invalid file, at its line
    assert out.startswith("error: ") and expected in out.splitlines()[0], out
    assert "--" not in out.splitlines()[0]
    assert not list((series / "interviews").glob("*.toml"))


@pytest.mark.parametrize("name", ["Zoé --> Paris", "Zoé --!> Paris", "-->", "Zoé d’Arc -- >"])
def test_a_name_never_ends_the_sheets_first_line_early(series: Path, name: str) -> None:
    """The first line is an HTML comment: a Markdown viewer ended it at a name's "-->"
    (a browser at "--!>") and showed the guest the rest of the line. It reads back whole."""
    code, out = run("sheet", "twitter", "--guest", name, "--host", f"Hôte {name}",
                    "-o", str(series / "sheet.md"))  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    first = sheet.split("\n", 1)[0]

    inside = re.fullmatch(r"<!-- jeudis-sheet (.*) -->", first)
    assert inside is not None, first
    assert "-->" not in inside.group(1) and "--!>" not in inside.group(1), first
    assert f"# Interview Twitter de {name} [Les Jeudis Twitter]" in sheet  # shown as typed
    code, out = import_text(series, fill_sheet(sheet, ANSWERS))
    assert code == 0, out
    interview = only_interview(series)
    assert (interview.guest, interview.host) == (name, f"Hôte {name}")


def test_a_field_with_a_control_character_is_never_put_on_a_sheet(series: Path) -> None:
    """--field's value is quoted in a question and on the first line, as a name is."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    base = ["sheet", "livre", "--guest", "Anne Morel", "--register", "tu", "--gender", "f"]
    base += ["--host", "Stéphane", "-o", str(series / "anne.md")]

    code, out = run(*base, "--field", "book_title=La Mer\x1b[31m")

    assert code == 2, out
    assert out.splitlines()[0] == "error: field book_title: a control character in the value"
    assert not (series / "anne.md").exists()
    assert run(*base, "--field", "book_title=La Mer")[0] == 0
    sheet = (series / "anne.md").read_text(encoding="utf-8")
    # Edited on the way back: left out, said, as a field the questionnaire no longer takes.
    sheet = sheet.replace("field.book_title='La Mer'", "field.book_title='La Mer\x1b[31m'", 1)
    code, out = import_text(series, sheet)
    assert code == 0, out
    assert "field book_title: a control character in the value: not imported" in out
    assert "\x1b" not in out
    assert "\x1b" not in (series / "interviews" / "anne-morel.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("quoted", "code", "guest"),
    [("guest=‘Léa Martin’", 0, "Léa Martin"), ("guest=“Léa Martin”", 0, "Léa Martin"),
     ("guest=Léa Martin", 4, None)],
    ids=["smart-single", "smart-double", "lost"],
)  # fmt: skip
def test_a_first_line_whose_quotes_a_mail_program_changed(
    series: Path, quoted: str, code: int, guest: str | None
) -> None:
    """Smart quotes around the name were read as part of it and split it: the guest
    became "‘Léa", and "Martin’" was dropped without a word."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    (series / "mail.md").write_text(sheet.replace("guest='Léa Martin'", quoted, 1), "utf-8")
    done, out = run("import", str(series / "mail.md"))
    assert done == code, out
    if guest is None:
        assert "mail.md:1: the sheet's first line is damaged: 'Martin' is no name=value" in out
        assert not list((series / "interviews").glob("*.toml"))
    else:
        assert load_interview(series / "interviews" / "lea-martin.toml").guest == guest


@pytest.mark.parametrize("named", ["/etc/passwd", "../questionnaires/twitter.toml", "x.toml"])
def test_a_sheet_names_its_questionnaire_by_id_alone(series: Path, named: str) -> None:
    """A guest's file named any file of the machine as the questionnaire (a path, where
    jeudis wrote an id), and import read it: /etc/passwd said "invalid TOML"."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    first, rest = sheet.split("\n", 1)
    [id_part] = [part for part in first.split() if part.startswith("questionnaire=")]
    (series / "mail.md").write_text(
        first.replace(id_part, f"questionnaire={named}") + "\n" + rest, "utf-8"
    )

    done, out = run("import", str(series / "mail.md"))

    assert done == 4, out  # a file's problem, as a sheet's damaged first line is
    said = f"mail.md:1: the sheet's first line is damaged: {named!r} is no questionnaire's id"
    assert said in out and "passwd" not in out.replace(named, "")
    assert not list((series / "interviews").glob("*.toml"))


def test_a_typographic_apostrophe_in_a_name_or_a_field_comes_back_as_sent(
    series: Path,
) -> None:
    """guest='Marie d’Auvergne' was read with the apostrophe straightened, as a mail
    program's smart quote: it opened a quote the line never closes, and every sheet
    for such a guest (or book: « L’Écume des jours ») was refused as damaged."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    code, out = run(
        "sheet", "livre", "--guest", "Marie d’Auvergne", "--host", "Stéphane",
        "-F", "book_title=L’Écume des jours", "-o", str(series / "sheet.md"),
    )  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert "guest='Marie d’Auvergne'" in sheet.splitlines()[0]
    (series / "sheet.md").write_text(fill_sheet(sheet, {"motivation": "La mer."}), encoding="utf-8")
    code, out = run("import", str(series / "sheet.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert (interview.guest, interview.fields["book_title"]) == (
        "Marie d’Auvergne",
        "L’Écume des jours",
    )
    assert interview.answers[0].value == "La mer."


def test_a_missing_sheet_is_not_found(series: Path) -> None:
    """Exit 3, as any missing file the user names (it was 4, an invalid file)."""
    code, out = run("import", str(series / "nope.md"))
    assert (code, out) == (3, f"error: {series / 'nope.md'}: no such file\n")


def test_the_paths_and_commands_sheet_and_import_print_are_never_cut(series: Path) -> None:
    """Printed whole on their line, however long (a long name, a deep folder): the host
    copies the command or opens the file; rich cut them at the terminal's width."""
    guest = "Marie-Christine de La Tour d’Auvergne-Lauraguais"
    sheet = series / "la-feuille-de-marie-christine-de-la-tour-d-auvergne-lauraguais.md"
    code, out = run("sheet", "twitter", "--guest", guest, "--register", "vous", "-o", str(sheet))
    assert code == 0, out
    assert out.splitlines() == [f"Written: {sheet}", f"When it comes back: jeudis import {sheet}"]
    filled = fill_sheet(sheet.read_text(encoding="utf-8"), {"depuis-quand": "Mai 2009"})
    sheet.write_text(filled, encoding="utf-8")
    code, out = run("import", str(sheet))
    assert code == 0, out
    slug = "marie-christine-de-la-tour-d-auvergne-lauraguais"
    path = series / "interviews" / f"{slug}.toml"
    missing = "followers, utilisations, apport, premier-tweet, dernier-tweet, meilleur-souvenir"
    missing += ", conseils, avenir, twitter-ou-facebook, influence, follower-reve, pas-suivi"
    assert out.splitlines()[-2:] == [
        f"Imported as a draft (12 answers missing: {missing}): {path}",
        f"Complete it live: jeudis resume {slug}",
    ]


def test_the_command_a_sheet_names_to_import_it_runs_as_pasted(series: Path) -> None:
    """A sheet named with a space: `jeudis import la feuille.md` named two files."""
    sheet = series / "feuille de Léa.md"
    code, out = run("sheet", "twitter", "--guest", "Léa Martin", "-o", str(sheet))
    assert code == 0, out
    assert out.splitlines()[-1] == f"When it comes back: jeudis import '{sheet}'"


def test_a_draft_resumed_without_a_terminal_is_told_a_way_that_completes_it(
    series: Path,
) -> None:
    """The hint named `edit --question ID --answer-file`, which refuses an answer the
    draft does not have yet: the missing ones are what resume is for."""
    sheet = make_sheet(series)
    partial = {key: value for key, value in ANSWERS.items() if key != "avenir"}
    assert import_text(series, fill_sheet(sheet, partial))[0] == 0
    code, out = run("resume", "lea-martin")
    assert code == 7, out
    assert "`jeudis import SHEET --update lea-martin`" in out.splitlines()[1]
    (series / "avenir.md").write_text("Incertain.", encoding="utf-8")
    code, out = run(
        "edit", "lea-martin", "-q", "avenir", "--answer-file", str(series / "avenir.md")
    )
    assert (code, out.splitlines()[0]) == (3, "error: lea-martin has no answer 'avenir'")
    (series / "rest.md").write_text(fill_sheet(sheet, {"avenir": "Incertain."}), encoding="utf-8")
    code, out = run("import", str(series / "rest.md"), "--update", "lea-martin")
    assert code == 0, out
    assert only_interview(series).status == "complete"


def test_removed_marker_hint_names_the_line(series: Path) -> None:
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    (series / "bad.md").write_text(sheet.replace("## Q3 [utilisations]\n", ""), encoding="utf-8")
    _, out = run("import", str(series / "bad.md"))
    assert "put the line `## Q3 [utilisations]` back above its answer" in out


def test_unreadable_answer_names_the_question(series: Path) -> None:
    sheet = fill_sheet(make_sheet(series), {**ANSWERS, "followers": "beaucoup"})
    (series / "bad.md").write_text(sheet, encoding="utf-8")
    code, out = run("import", str(series / "bad.md"))
    assert code == 8  # as a data file's answers that do not validate
    line = sheet.splitlines().index("## Q2 [followers]") + 1
    assert f"error: {series / 'bad.md'}:{line}: Q2 [followers]: Un nombre de followers," in out


NUMBERS = """
id = "chiffres"
title = "{guest} en chiffres"
registers = ["vous"]

[[questions]]
id = "livres"
type = "number"
text = "Combien de livres avez-vous écrits ?"

[[questions]]
id = "lecteurs"
type = "number"
text = "Combien de lecteurs avez-vous ?"
"""


def test_unreadable_answers_are_said_one_to_a_line(series: Path) -> None:
    (series / "questionnaires" / "chiffres.toml").write_text(NUMBERS, encoding="utf-8")
    code, out = run("sheet", "chiffres", "--guest", "Léa Martin", "-o", str(series / "s.md"))
    assert code == 0, out
    sheet = fill_sheet(
        (series / "s.md").read_text(encoding="utf-8"), {"livres": "deux", "lecteurs": "?"}
    )
    (series / "bad.md").write_text(sheet, encoding="utf-8")
    code, out = run("import", str(series / "bad.md"))
    assert code == 8
    said = [line for line in out.splitlines() if line.startswith(("error:", "  "))]
    lines = [sheet.splitlines().index(f"## {q}") + 1 for q in ("Q1 [livres]", "Q2 [lecteurs]")]
    assert said[0] == f"error: {series / 'bad.md'}: 2 answers cannot be read:"
    assert said[1].startswith(f"  {series / 'bad.md'}:{lines[0]}: Q1 [livres]: ")
    assert said[2].startswith(f"  {series / 'bad.md'}:{lines[1]}: Q2 [lecteurs]: ")


def test_a_sheet_that_came_back_filled_in_is_never_written_over(series: Path) -> None:
    sheet = make_sheet(series)
    again = ("sheet", "twitter", "--guest", "X", "-o", str(series / "sheet.md"))
    assert run(*again)[0] == 0  # as jeudis wrote it: a new sheet may replace it
    (series / "sheet.md").write_text(fill_sheet(sheet, ANSWERS), encoding="utf-8")  # the guest's

    code, out = run(*again)

    assert code == 1
    assert f"{series / 'sheet.md'}: an answer sheet (jeudis sheet); not written over" in out
    assert "Stéphane" in (series / "sheet.md").read_text(encoding="utf-8")
    (series / "mine.md").write_text("mes notes\n", encoding="utf-8")
    code, out = run("sheet", "twitter", "--guest", "X", "-o", str(series / "mine.md"))
    assert code == 1 and "mine.md: already there; not written over" in out


KINDS = """
id = "kinds"
title = "Types : {guest}"

[[questions]]
id = "reseau"
type = "choice"
text = "Ton réseau ?"
choices = ["Twitter", "Facebook"]

[[questions]]
id = "usages"
type = "multi"
text = "Tes usages ?"
choices = ["veille", "conversation", "live"]

[[questions]]
id = "blog"
type = "yesno"
text = "As-tu un blog ?"
help = "Un site à toi, même ancien."

[[questions]]
id = "lien"
type = "url"
text = "Son adresse ?"
required = false
when = { question = "blog", equals = true }
"""


def test_choices_lists_yes_no_and_optional_questions(series: Path) -> None:
    (series / "questionnaires" / "kinds.toml").write_text(KINDS, encoding="utf-8")
    code, out = run("sheet", "kinds", "--guest", "Inès Roy", "-o", str(series / "k.md"))
    assert code == 0, out
    sheet = (series / "k.md").read_text(encoding="utf-8")
    assert "_Choisir parmi : Twitter, Facebook_" in sheet
    # A multiple choice says so: it read as the choice above, one to pick.
    assert "_Un ou plusieurs choix, séparés par des virgules : veille, conversation, live_" in sheet
    assert "_Un site à toi, même ancien._" in sheet
    assert "**Son adresse ? (facultatif)**" in sheet
    assert "_(Seulement si tu as répondu « oui » à la question 3.)_" in sheet
    assert "Écris chaque réponse" in sheet
    answers = {
        "reseau": "Twitter",
        "usages": "- veille\n- live",
        "blog": "Oui",
        "lien": "https://example.com",
    }
    (series / "k-filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "k-filled.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.values() == {
        "reseau": "Twitter",
        "usages": ["veille", "live"],
        "blog": True,
        "lien": "https://example.com",
    }
    assert interview.answer("lien").question == "Son adresse ?"  # type: ignore[union-attr]
    assert interview.status == "complete"


def test_a_choice_typed_in_another_case_is_the_questionnaires(series: Path) -> None:
    """A guest types "twitter" and "Veille" where the sheet lists Twitter and veille: the
    import refused them ("Choix inconnu"), and the host had to ask for a new email."""
    (series / "questionnaires" / "kinds.toml").write_text(KINDS, encoding="utf-8")
    assert run("sheet", "kinds", "--guest", "Inès Roy", "-o", str(series / "k.md"))[0] == 0
    sheet = (series / "k.md").read_text(encoding="utf-8")
    answers = {"reseau": " twitter", "usages": "Veille, LIVE", "blog": "non", "lien": ""}
    (series / "k-filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "k-filled.md"))
    assert code == 0, out
    values = only_interview(series).values()
    assert (values["reseau"], values["usages"]) == ("Twitter", ["veille", "live"])


def test_a_multiple_choice_says_how_many_it_takes(series: Path) -> None:
    """Told of it only by the import's refusal, the guest wrote a second email."""
    kinds = KINDS.replace('live"]\n', 'live"]\nvalidation = { min = 2 }\n', 1)
    (series / "questionnaires" / "kinds.toml").write_text(kinds, encoding="utf-8")
    assert run("sheet", "kinds", "--guest", "Inès Roy", "-o", str(series / "k.md"))[0] == 0
    sheet = (series / "k.md").read_text(encoding="utf-8")
    # One note, not "Un ou plusieurs choix" then "Au moins 2 choix.", which said two things.
    assert "_Au moins 2 choix, séparés par des virgules : veille, conversation, live_" in sheet
    assert "Un ou plusieurs" not in sheet
    answers = {"reseau": "Twitter", "usages": "veille, live", "blog": "Non", "lien": ""}
    (series / "k-filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "k-filled.md"))
    assert code == 0, out
    assert only_interview(series).values()["usages"] == ["veille", "live"]


BOOKS = """
id = "books"
title = "Five questions for {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "book"
type = "text"
text = "Which book are you reading?"

[[questions]]
id = "liked"
type = "yesno"
text = "Do you like « {answer:book} »?"
help = "Be honest about « {answer:book} »."

[[questions]]
id = "why"
type = "long"
text = "Why?"
when = { question = "liked", equals = "Oui" }
"""


def test_a_sheet_says_which_answer_a_question_quotes_and_its_conditions_in_its_language(
    series: Path,
) -> None:
    """Written before any answer, the sheet asked 'Do you like «  »?'; an English sheet
    said 'Only if you answered “oui”'."""
    (series / "questionnaires" / "books.toml").write_text(BOOKS, encoding="utf-8")
    code, out = run("sheet", "books", "--guest", "Ann Lee", "-o", str(series / "b.md"))
    assert code == 0, out
    sheet = (series / "b.md").read_text(encoding="utf-8")
    assert "**Do you like « your answer to question 1 »?**" in sheet
    assert "_Be honest about « your answer to question 1 »._" in sheet
    assert "_(Only if you answered “yes” to question 2.)_" in sheet
    # The import knows the question's line as the sheet wrote it: not taken for the answer.
    answers = {"book": "Dune", "liked": "yes"}
    (series / "b-filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "b-filled.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.answer("liked").question == "Do you like « Dune »?"  # type: ignore[union-attr]
    assert interview.values() == {"book": "Dune", "liked": True}
    assert interview.status == "draft"  # "why" is asked: the condition holds


def test_a_sheet_in_a_form_of_address_a_questionnaire_worded_one_way_lacks_is_read(
    series: Path,
) -> None:
    """An English questionnaire declaring no forms of address took French's, tu and
    vous: its sheets said register=tu. It has "you" alone now, and such a sheet, filled
    in by the guest, was refused; it is read as "you", with a warning at its line. So is
    an update of an interview made in "tu" then, which was refused as worded otherwise."""
    (series / "questionnaires" / "books.toml").write_text(
        BOOKS.replace('registers = ["you"]\n', ""), encoding="utf-8"
    )
    code, out = run("sheet", "books", "--guest", "Ann Lee", "-o", str(series / "b.md"))
    assert code == 0, out
    sheet = (series / "b.md").read_text(encoding="utf-8")
    first, rest = sheet.split("\n", 1)
    assert " register=you " in first
    older = first.replace(" register=you ", " register=tu ") + "\n" + rest

    code, out = import_text(series, fill_sheet(older, {"book": "Dune", "liked": "no"}))

    assert code == 0, out
    assert (
        f'warning: {series / "filled.md"}:1: register=tu: books is worded for "you" only;'
        ' read as "you", its one form of address'
    ) in " ".join(out.split())
    interview = only_interview(series)
    assert interview.register == "you" and interview.status == "complete"
    assert interview.values() == {"book": "Dune", "liked": False}

    path = series / "interviews" / "ann-lee.toml"  # as it was made in "tu"
    path.write_text(
        path.read_text(encoding="utf-8").replace('register = "you"', 'register = "tu"'), "utf-8"
    )
    (series / "second.md").write_text(
        fill_sheet(older, {"book": "Dune, again", "liked": "no"}), "utf-8"
    )
    code, out = run("import", str(series / "second.md"), "--update", "ann-lee")
    assert code == 0, out
    updated = load_interview(path)
    assert updated.register == "tu" and updated.answer("book").value == "Dune, again"  # type: ignore[union-attr]


def test_an_english_sheet_ends_on_an_english_end_line(series: Path) -> None:
    """An English sheet ended on "## FIN"; a P.S. below its end line is left out, and
    a sheet sent before, ending on "## FIN", still reads."""
    (series / "questionnaires" / "books.toml").write_text(BOOKS, encoding="utf-8")
    code, out = run("sheet", "books", "--guest", "Ann Lee", "-o", str(series / "b.md"))
    assert code == 0, out
    sheet = (series / "b.md").read_text(encoding="utf-8")
    assert "\nHello Ann,\n" in sheet  # as an email in English opens: "Hello Ann Lee," read stiff
    assert "\n## END\n\nEnd of the questions: thank you!\n" in sheet
    assert "FIN" not in sheet
    filled = fill_sheet(sheet, {"book": "Dune", "liked": "no"}) + "\nP.S. Dune is long.\n"
    code, out = import_text(series, filled)
    assert code == 0, out
    assert only_interview(series).values() == {"book": "Dune", "liked": False}
    said = " ".join(out.split())
    assert "text below the end line (## END), not imported: “P.S. Dune is long.”" in said
    assert "«" not in said

    (series / "interviews" / "ann-lee.toml").unlink()
    code, out = import_text(series, filled.replace("\n## END\n", "\n## FIN\n"))
    assert code == 0, out
    assert only_interview(series).values() == {"book": "Dune", "liked": False}
    assert "text below the end line (## FIN), not imported:" in " ".join(out.split())


def test_an_english_sheet_tells_a_multiple_choice_from_a_choice(series: Path) -> None:
    english = KINDS.replace("title = ", 'language = "en"\nregisters = ["you"]\ntitle = ', 1)
    (series / "questionnaires" / "kinds.toml").write_text(english, encoding="utf-8")
    code, out = run("sheet", "kinds", "--guest", "Ann Lee", "-o", str(series / "k.md"))
    assert code == 0, out
    sheet = (series / "k.md").read_text(encoding="utf-8")
    assert "_Pick from: Twitter, Facebook_" in sheet
    assert "_Pick one or more, separated by commas: veille, conversation, live_" in sheet
    answers = {"reseau": "Twitter", "usages": "veille, live", "blog": "no"}
    code, out = import_text(series, fill_sheet(sheet, answers))
    assert code == 0, out
    assert only_interview(series).values() == {
        "reseau": "Twitter", "usages": ["veille", "live"], "blog": False,
    }  # fmt: skip


BLOGGING = """
id = "blogging"
title = "Blogging: {guest}"
language = "LANG"
registers = ["you"]

[[questions]]
id = "started"
type = "date"
text = "When did you start blogging?"
"""


@pytest.mark.parametrize(
    ("language", "note", "read"),
    [("en", "_A date, as YYYY-MM-DD or MM/DD/YYYY._", dt.date(2011, 3, 4)),
     ("en-GB", "_A date, as YYYY-MM-DD or DD/MM/YYYY._", dt.date(2011, 4, 3))],
)  # fmt: skip
def test_a_sheet_says_how_to_write_a_date(
    series: Path, language: str, note: str, read: dt.date
) -> None:
    """A date question had no note, as a number has: a guest by email wrote "March 4,
    2011" and was refused, with no way to know what the sheet expected."""
    text = BLOGGING.replace("LANG", language)
    (series / "questionnaires" / "blogging.toml").write_text(text, encoding="utf-8")
    code, out = run("sheet", "blogging", "--guest", "Ann Lee", "-o", str(series / "b.md"))
    assert code == 0, out
    sheet = (series / "b.md").read_text(encoding="utf-8")
    assert f"**When did you start blogging?**\n\n{note}\n" in sheet
    code, out = import_text(series, fill_sheet(sheet, {"started": "03/04/2011"}))
    assert code == 0, out
    assert only_interview(series).values() == {"started": read}


FORMATS = """
id = "formats"
title = "Lectures : {guest}"

[[questions]]
id = "format"
type = "choice"
text = "Papier ou écran ?"
choices = ["Papier", "Liseuse", "Audio"]

[[questions]]
id = "ecran"
type = "text"
text = "Quel appareil ?"
when = { question = "format", in = ["Liseuse", "Audio"] }

[[questions]]
id = "papier"
type = "text"
text = "Pourquoi pas le papier ?"
when = { question = "format", not_equals = "Papier" }

[[questions]]
id = "encore"
type = "text"
text = "Et ensuite ?"
required = false
when = { question = "ecran", answered = true }
"""


def test_a_sheet_says_every_condition_a_question_has(series: Path) -> None:
    """Only a condition written with `equals` was said: the guest answered questions
    their other answers skip, and the import left them out."""
    (series / "questionnaires" / "formats.toml").write_text(FORMATS, encoding="utf-8")
    code, out = run("sheet", "formats", "--guest", "Inès Roy", "-o", str(series / "f.md"))
    assert code == 0, out
    notes = [line for line in (series / "f.md").read_text(encoding="utf-8").split("\n")
             if line.startswith("_(")]  # fmt: skip
    assert notes == [
        "_(Seulement si tu as répondu « Liseuse » ou « Audio » à la question 1.)_",
        "_(Seulement si tu n’as pas répondu « Papier » à la question 1.)_",
        "_(Seulement si tu as répondu à la question 2.)_",
    ]


def test_a_note_wrapped_by_the_mail_program_is_not_taken_for_the_answer() -> None:
    note = "Un nombre (par exemple 9 200), avec quelques mots autour si vous voulez."
    section = (
        "**Combien avez-vous de followers ?**\n\n"
        "_Un nombre (par exemple 9 200), avec quelques mots autour si\nvous voulez._\n\n"
        "Presque 8 000, surtout des Français.\n"
    )

    answer = strip_question(section, "Combien avez-vous de followers ?", [note])

    assert answer == "Presque 8 000, surtout des Français."


QUESTION_9200 = "Combien avez-vous de followers ?"
NOTE_9200 = "Un nombre (par exemple 9 200), avec quelques mots autour si vous voulez."


@pytest.mark.parametrize(
    "section",
    [
        f"**{QUESTION_9200}**\n\n_{NOTE_9200}_ Presque 8 000.\n",  # after the note, on its line
        f"**{QUESTION_9200}**\n\nPresque 8 000. _{NOTE_9200}_\n",  # before it
        f"**{QUESTION_9200}**\n\n_{NOTE_9200}_\tPresque 8 000.\n\n",
    ],
    ids=["after", "before", "tab"],
)
def test_an_answer_typed_on_its_notes_line_keeps_the_answer_alone(section: str) -> None:
    """Typed on the help's line, the answer was published with the help in italics
    before it, and a number answer was refused as no number."""
    assert strip_question(section, QUESTION_9200, [NOTE_9200]) == "Presque 8 000."


QUESTION = "Depuis combien de temps utilises-tu Twitter ?"


@pytest.mark.parametrize(
    "section",
    [
        f"\n**{QUESTION}** Depuis 2009.\n\n\n",  # begun on the question's line
        f"\nDepuis 2009.\n\n**{QUESTION}**\n\n\n",  # written above the question
        f"\n**{QUESTION}**\n\nDepuis 2009.\n",  # as the sheet asks
    ],
    ids=["same-line", "above", "below"],
)
def test_the_question_is_never_kept_in_the_answer(section: str) -> None:
    """Kept, it would have been published twice: as the question, and in the answer."""
    assert strip_question(section, QUESTION) == "Depuis 2009."


def test_a_sheet_quoting_a_hosts_field_needs_it_and_the_import_keeps_it(series: Path) -> None:
    """The book interview's question quotes the book's title: never sent with a hole in it."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    base = ["sheet", "livre", "--guest", "Anne Morel", "--register", "tu", "--gender", "f"]
    base += ["--host", "Stéphane"]
    code, out = run(*base)
    assert code == 2
    assert "error: Q1 [motivation] quotes the field 'book_title', not given" in out
    assert 'hint: give it: --field book_title="..."' in out
    for wrong, message in (
        (["--field", "titre=X"], "livre has no field 'titre'"),
        (["--field", "book_title"], "--field 'book_title': write ID=VALUE"),
        (["-F", "book_title=Mer", "-F", "book_url=x"], "no question of the sheet quotes the field"),
        (["-F", "book_title=Mer", "-F", "intro=Moi"], "'intro'"),  # the host's, after
        (["-F", "book_title=La\nMer"], "field book_title: one line, without -->"),
        (["-F", "book_title=A --> B"], "field book_title: one line, without -->"),
    ):
        code, out = run(*base, *wrong)
        assert code == 2 and message in out and "Traceback" not in out, out
    given = ["-F", "book_title=Le Grand Large"]
    code, out = run(*base, *given, "-o", str(series / "sheet.md"))
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert "Tu viens de publier « Le Grand Large »." in sheet
    assert "\nBonjour Anne,\n" in sheet  # tu: her first name
    assert sheet.splitlines()[0].endswith(" field.book_title='Le Grand Large' -->")
    # The first line comes back from the guest: what it sets beyond the fields its
    # questions quote (the photo, the intro) is not taken.
    header = sheet.splitlines()[0].replace(
        " -->", " field.photo=/etc/passwd field.intro='<script>x</script>' -->"
    )
    filled = fill_sheet(sheet, {"motivation": "L’envie de raconter la mer."})
    (series / "sheet.md").write_text(
        "\n".join([header, *filled.splitlines()[1:]]), encoding="utf-8"
    )
    code, out = run("import", str(series / "sheet.md"))
    assert code == 0, out
    at = f"{series / 'sheet.md'}:1"
    assert f"{at}: field photo: no question quotes it, not imported" in " ".join(out.split())
    interview = only_interview(series)
    assert interview.status == "draft"  # the book's address is the host's to give, live
    assert interview.fields["book_title"] == "Le Grand Large"
    assert not interview.fields.get("photo") and not interview.fields.get("intro")
    [answer] = interview.answers
    assert "« Le Grand Large »" in answer.question
    assert answer.value == "L’envie de raconter la mer."  # not the question with it


def test_the_host_gives_the_fields_no_question_quotes_on_import(series: Path) -> None:
    """The book's address, which the sheet does not carry (the guest could change it):
    every book interview by email was imported a draft, for `resume` to ask the host it
    with the guest's welcome screen."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    base = ["sheet", "livre", "--guest", "Anne Morel", "--host", "Stéphane"]
    code, out = run(*base, "-F", "book_title=Mer", "-F", "book_url=https://x.example/mer")
    assert code == 2
    assert (
        "hint: give it when the sheet comes back: `jeudis import SHEET --field book_url=...`" in out
    )
    assert run(*base, "-F", "book_title=Mer", "-o", str(series / "sheet.md"))[0] == 0
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    (series / "sheet.md").write_text(fill_sheet(sheet, {"motivation": "La mer."}), "utf-8")
    imported = ["import", str(series / "sheet.md")]
    for wrong, message in (
        (["-F", "titre=X"], "error: livre has no field 'titre'"),
        (["-F", "book_url=ftp://x"], "error: field book_url: "),
    ):
        code, out = run(*imported, *wrong)
        assert code == 2 and out.startswith(message), out
    code, out = run(*imported, "-F", "book_url=https://x.example/mer", "-F", "intro=Une *mer*.")
    assert code == 0, out
    interview = only_interview(series)
    assert interview.status == "complete"
    assert interview.fields["book_url"] == "https://x.example/mer"
    assert interview.fields["intro"] == "Une *mer*."


def test_a_field_an_import_lacked_is_given_with_update(series: Path) -> None:
    """Imported without the book's address, the draft said "Complete it live", and
    `import --update --field` was refused for `edit --fields`, which left it a draft:
    only `resume` finished it, with the guest's welcome screen and a live question."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    sheet = series / "sheet.md"
    base = ["sheet", "livre", "--guest", "Anne Morel", "--host", "Stéphane", "-F", "book_title=Mer"]
    assert run(*base, "-o", str(sheet))[0] == 0
    sheet.write_text(fill_sheet(sheet.read_text("utf-8"), {"motivation": "La mer."}), "utf-8")
    code, out = run("import", str(sheet))
    assert code == 0, out
    said = " ".join(out.split())
    assert "Imported as a draft (1 answer missing: fields.book_url)" in said
    assert f"Give it: jeudis import {sheet} --update anne-morel --field book_url=..." in said
    assert "resume" not in said
    before = only_interview(series)

    code, out = run("import", str(sheet), "--update", "anne-morel", "-F", "book_url=ftp://x")
    assert code == 2 and out.startswith("error: field book_url: "), out
    code, out = run(
        "import", str(sheet), "--update", "anne-morel", "-F", "book_url=https://x.example/mer"
    )

    assert code == 0, out
    assert "Updated: " in out and "Publish it: jeudis export anne-morel" in " ".join(out.split())
    after = only_interview(series)
    assert after.status == "complete" and after.fields["book_url"] == "https://x.example/mer"
    assert after.answers == before.answers
    code, out = run("import", str(sheet), "--update", "anne-morel")
    assert code == 0 and "holds all this sheet's answers already; nothing" in out, out


def test_a_field_quoted_in_a_help_or_no_longer_quoted(series: Path) -> None:
    """A help quoting a field needs it too; a field the questionnaire has since dropped
    is left out of the import with a warning, as a question dropped is."""
    source = (REPO / "questionnaires" / "livre.toml").read_text(encoding="utf-8")
    path = series / "questionnaires" / "livre.toml"
    path.write_text(
        source.replace('id = "motivation"', 'id = "motivation"\nhelp = "Chez {field:publisher}"'),
        encoding="utf-8",
    )
    base = ["sheet", "livre", "--guest", "Anne Morel", "-F", "book_title=Mer", "--host", "Paul"]
    code, out = run(*base)
    assert code == 2 and "quotes the field 'publisher', not given" in out
    code, out = run(*base, "-F", "publisher=0", "-o", str(series / "sheet.md"))
    assert code == 0, out  # "0" is a value, given
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert "\n_Chez 0_\n" in sheet  # the help, under its question
    path.write_text(source.replace('"{field:book_title}"', '"?"'), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("« {field:book_title} »", "ce livre"))
    (series / "sheet.md").write_text(fill_sheet(sheet, {"motivation": "La mer."}), encoding="utf-8")
    code, out = run("import", str(series / "sheet.md"))
    assert code == 0, out
    at = f"{series / 'sheet.md'}:1"
    assert f"{at}: field book_title: no question quotes it" in " ".join(out.split())
    assert "publisher" in out  # no question quotes it any more either


def test_a_field_its_type_no_longer_takes_is_left_out_at_its_line(series: Path) -> None:
    """A field's value its type no longer takes (the questionnaire changed since the
    sheet was sent) is left out, with a warning at the sheet's first line, as a
    field no question quotes is. The help quoting it, as the sheet printed it, is
    still the sheet's words, not the guest's answer."""
    path = series / "questionnaires" / "livre.toml"
    source = (REPO / "questionnaires" / "livre.toml").read_text(encoding="utf-8")
    path.write_text(
        source.replace(
            'id = "motivation"', 'id = "motivation"\nhelp = "Voir {field:book_url}"'
        ).replace('id = "book_url"\ntype = "url"', 'id = "book_url"\ntype = "text"'),
        encoding="utf-8",
    )
    code, out = run(
        *("sheet", "livre", "--guest", "Anne Morel", "--host", "Paul", "-F", "book_title=Mer"),
        *("-F", "book_url=bientôt en librairie", "-o", str(series / "sheet.md")),
    )
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert "\n_Voir bientôt en librairie_\n" in sheet
    path.write_text(
        source.replace('id = "motivation"', 'id = "motivation"\nhelp = "Voir {field:book_url}"'),
        encoding="utf-8",
    )
    filled = sheet.replace(
        "_Voir bientôt en librairie_\n\n", "_Voir bientôt en librairie_\n\nLa mer.\n"
    )
    (series / "sheet.md").write_text(filled, encoding="utf-8")
    code, out = run("import", str(series / "sheet.md"))
    assert code == 0, out
    said = " ".join(out.split())
    assert f"{series / 'sheet.md'}:1: field book_url: " in said
    assert said.count(": not imported") == 1
    interview = only_interview(series)
    assert "book_url" not in interview.fields
    assert interview.answers[0].value == "La mer."


def interview_files(series: Path) -> list[str]:
    return sorted(path.name for path in (series / "interviews").glob("*.toml"))


@pytest.mark.parametrize(
    ("answers", "status"),
    [({"depuis-quand": "Mai 2009"}, "draft, 1 answer"), (ANSWERS, "complete, 13 answers")],
    ids=["partly-filled", "filled"],
)  # fmt: skip
def test_the_same_sheet_imported_twice_is_refused(
    series: Path, answers: dict[str, str], status: str
) -> None:
    """Partly filled, the same sheet again made a second draft, silently but for a
    warning."""
    sheet = fill_sheet(make_sheet(series), answers)
    code, out = import_text(series, sheet)
    assert code == 0, out
    before = (series / "interviews" / "lea-martin.toml").read_bytes()
    # The guest's name as the guest retyped it in the first line is still theirs.
    (series / "again.md").write_text(sheet.replace("'Léa Martin'", "'léa  martin'", 1), "utf-8")
    code, out = run("import", str(series / "again.md"))
    assert code == 1, out
    said = " ".join(out.split())
    assert f"again.md: already imported, as lea-martin ({status}): this sheet has the same" in said
    assert "nothing was written" in said
    assert interview_files(series) == ["lea-martin.toml"]
    assert (series / "interviews" / "lea-martin.toml").read_bytes() == before


def test_an_empty_sheet_again_after_answers_given_live(series: Path) -> None:
    """A sheet imported, more answers then given live: the empty sheet brings nothing,
    and is said so, not imported as a second, empty draft."""
    sheet = make_sheet(series)
    assert import_text(series, fill_sheet(sheet, {"depuis-quand": "2009"}))[0] == 0
    path = series / "interviews" / "lea-martin.toml"
    interview = load_interview(path)
    interview.set_answer(Answer.given_now("followers", "text", "Combien ?", "9 200"))
    interview.path = path
    storage.save(interview)
    code, out = import_text(series, sheet)
    assert code == 1, out
    said = " ".join(out.split())
    assert (
        "filled.md: nothing new for Léa Martin's interview lea-martin (draft, 2 answers):"
        " it has every answer on this sheet, and 2 the sheet leaves empty; nothing was written"
    ) in said
    assert interview_files(series) == ["lea-martin.toml"]


def test_another_sheet_from_the_same_guest_is_refused_unless_new(series: Path) -> None:
    """Different answers: it became a second interview, the guest's answers split in
    two; it is refused, saying how it differs and what to do."""
    sheet = make_sheet(series)
    (series / "a.md").write_text(fill_sheet(sheet, ANSWERS), encoding="utf-8")
    other = {**ANSWERS, "avenir": "Radieux."}
    del other["influence"]
    (series / "b.md").write_text(fill_sheet(sheet, other), encoding="utf-8")
    assert run("import", str(series / "a.md"))[0] == 0
    code, out = run("import", str(series / "b.md"))
    assert code == 1, out
    said = " ".join(out.split())
    assert (
        "b.md: Léa Martin already has an interview from twitter, lea-martin (complete, 13"
        " answers); this sheet's answers: 1 different, 1 left empty that it has; nothing was"
        " written"
    ) in said
    assert (
        f"hint: to take them into it: `jeudis import {series / 'b.md'} --update lea-martin`" in said
    )
    assert interview_files(series) == ["lea-martin.toml"]
    code, out = run("import", str(series / "b.md"), "--new")
    assert code == 0, out
    assert (
        "Léa Martin has another interview from twitter (lea-martin); this sheet is a new one"
        in (" ".join(out.split()))
    )
    second = load_interview(series / "interviews" / "lea-martin-2.toml")
    assert second.answer("avenir").value == "Radieux."  # type: ignore[union-attr]
    code, out = run("import", str(series / "b.md"))  # the one it is the same as is named
    assert code == 1, out
    assert "b.md: already imported, as lea-martin-2 (draft, 12 answers)" in " ".join(out.split())


def test_a_second_sheet_updates_the_interview_when_asked(series: Path) -> None:
    """The guest sends a partial sheet, then the whole one, with an answer changed:
    --update takes the new answers in their places and the changed one, said, the
    answer it replaces kept in the notes; the host's notes, fields and the answers
    the sheet leaves empty stay."""
    sheet = make_sheet(series)
    partial = {k: v for k, v in ANSWERS.items() if k not in ("depuis-quand", "avenir")}
    code, out = import_text(series, fill_sheet(sheet, partial))
    assert code == 0, out
    path = series / "interviews" / "lea-martin.toml"
    first = load_interview(path)
    first.notes = "Relancer en juin."
    first.fields["intro"] = "Léa anime un blog."
    first.answer("conseils").value = "Écouter, d'abord."  # type: ignore[union-attr]
    first.path = path
    storage.save(first)
    whole = {**ANSWERS, "pas-suivi": ""}  # left empty this time
    (series / "whole.md").write_text(fill_sheet(sheet, whole), encoding="utf-8")

    code, out = run("import", str(series / "whole.md"), "--update", "lea-martin")

    assert code == 0, out
    said = " ".join(out.split())
    assert "lea-martin: [conseils] replaced by the sheet's answer" in said
    assert "lea-martin: kept, left empty on the sheet: [pas-suivi]" in said
    assert f"Updated: {path}" in said
    updated = load_interview(path)
    assert interview_files(series) == ["lea-martin.toml"]
    assert updated.values() == ANSWERS
    assert [a.id for a in updated.answers] == list(ANSWERS)  # each in its place
    assert updated.status == "complete" and updated.completed is not None
    assert updated.fields["intro"] == "Léa anime un blog."
    assert updated.notes.startswith("Relancer en juin.\n\nBefore the import of ")
    assert updated.notes.endswith("[conseils] Écouter, d'abord.")

    before = path.read_bytes()
    code, out = run("import", str(series / "whole.md"), "--update", "lea-martin")
    assert code == 0, out
    assert "lea-martin holds all this sheet's answers already; nothing was written" in out
    assert path.read_bytes() == before


def test_update_completing_the_interview_keeps_what_a_paused_session_was_typing(
    series: Path,
) -> None:
    """A live session paused while the guest changed an answer the sheet then leaves
    empty: the sheet completes the interview, and the text being typed went nowhere
    (a complete interview is not resumed) but stayed in the file as a stale draft."""
    sheet = make_sheet(series)
    partial = {k: v for k, v in ANSWERS.items() if k != "avenir"}
    assert import_text(series, fill_sheet(sheet, partial))[0] == 0
    path = series / "interviews" / "lea-martin.toml"
    first = load_interview(path)
    first.pending = {"conseils": "Écouter, puis"}
    first.path = path
    storage.save(first)
    (series / "last.md").write_text(fill_sheet(sheet, {"avenir": "Radieux."}), encoding="utf-8")

    code, out = run("import", str(series / "last.md"), "--update", "lea-martin")

    assert code == 0, out
    updated = load_interview(path)
    assert updated.status == "complete"
    assert updated.pending == {}
    assert "pending" not in path.read_text(encoding="utf-8")
    assert updated.notes.endswith("[conseils] (being typed in a paused session) Écouter, puis")
    assert updated.answer("conseils").value == ANSWERS["conseils"]  # type: ignore[union-attr]


def test_update_takes_out_only_the_texts_typed_at_the_questions_the_sheet_answers(
    series: Path,
) -> None:
    """A draft keeps a text typed at each of two questions; the sheet answers one: that
    text goes to the notes, the other stays for `jeudis resume` (the draft is not complete)."""
    sheet = make_sheet(series)
    partial = {k: v for k, v in ANSWERS.items() if k not in ("avenir", "pas-suivi")}
    assert import_text(series, fill_sheet(sheet, partial))[0] == 0
    path = series / "interviews" / "lea-martin.toml"
    first = load_interview(path)
    first.pending = {"avenir": "Radieux, je", "pas-suivi": "Les robots, et"}
    first.path = path
    storage.save(first)
    (series / "next.md").write_text(fill_sheet(sheet, {"avenir": "Radieux."}), encoding="utf-8")

    code, out = run("import", str(series / "next.md"), "--update", "lea-martin")

    assert code == 0, out
    updated = load_interview(path)
    assert updated.status == "draft"
    assert updated.pending == {"pas-suivi": "Les robots, et"}
    assert updated.notes.endswith("[avenir] (being typed in a paused session) Radieux, je")


def test_update_puts_an_answer_before_the_questions_the_host_wrote_after_it(
    series: Path,
) -> None:
    """An open interview: the host wrote a question live after [lu]; the sheet's [avis]
    went after that question too (every follow-up was skipped), and the post asked the
    host's question before the questionnaire's."""
    (series / "questionnaires" / "lu-ouvert.toml").write_text(OPEN_LU, encoding="utf-8")
    code, out = run(
        "sheet", "lu-ouvert", "--guest", "Léa Martin", "--register", "tu",
        "--host", "Stéphane", "-o", str(series / "sheet.md"),
    )  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    (series / "first.md").write_text(fill_sheet(sheet, {"lu": "Oui"}), encoding="utf-8")
    assert run("import", str(series / "first.md"))[0] == 0
    path = series / "interviews" / "lea-martin.toml"
    interview = load_interview(path)
    asked = Answer.given_now("question-1", "long", "Et le film ?", "Pas vu.")
    asked.followup = True
    interview.answers.append(asked)
    interview.path = path
    storage.save(interview)
    (series / "second.md").write_text(fill_sheet(sheet, {"avis": "Superbe."}), encoding="utf-8")

    code, out = run("import", str(series / "second.md"), "--update", "lea-martin")

    assert code == 0, out
    assert [a.id for a in load_interview(path).answers] == ["lu", "avis", "question-1"]


def test_update_refuses_what_is_not_the_sheets_interview(series: Path) -> None:
    sheet = make_sheet(series)
    (series / "lea.md").write_text(fill_sheet(sheet, ANSWERS), encoding="utf-8")
    assert run("import", str(series / "lea.md"))[0] == 0
    other = sheet.replace("'Léa Martin'", "'Paul Roy'", 1)
    (series / "paul.md").write_text(fill_sheet(other, ANSWERS), encoding="utf-8")
    code, out = run("import", str(series / "paul.md"), "--update", "lea-martin")
    assert code == 2, out
    assert "lea-martin is Léa Martin's interview from twitter, and the sheet Paul Roy's" in (
        " ".join(out.split())
    )
    tu = fill_sheet(sheet.replace("register=vous", "register=tu", 1), ANSWERS)
    (series / "tu.md").write_text(tu, encoding="utf-8")
    code, out = run("import", str(series / "tu.md"), "--update", "lea-martin")
    assert code == 2, out
    assert "register=tu on the sheet's first line, vous in lea-martin" in " ".join(out.split())
    code, out = run("import", str(series / "lea.md"), "--update", "nobody")
    assert code == 3, out
    code, out = run("import", str(series / "lea.md"), "--update", "lea-martin", "--new")
    assert code == 2 and "--update and --new: one or the other" in out
    assert interview_files(series) == ["lea-martin.toml"]


RILKE = "Relire Rilke.\nLe poète a écrit :\n« Allez en vous-même. »\nC'est tout."


@pytest.mark.parametrize(
    "answer",
    [RILKE, "On dit qu'il wrote:\nbeaucoup.", "Une ligne.\n--\nUne autre, après un tiret double."],
    ids=["le-a-ecrit", "on-wrote", "double-dash"],
)
def test_an_answer_that_reads_like_a_mail_addition_is_kept_whole(series: Path, answer: str) -> None:
    value, out = imported_answer(series, "conseils", answer)
    assert value == answer
    assert "warning" not in out


def test_a_reply_header_over_quoted_lines_is_cut_with_a_warning(series: Path) -> None:
    quoted = "Écouter avant de parler.\n\nLe lun. 3 mars, Stéphane a écrit :\n> Merci d'avance !"
    value, out = imported_answer(series, "conseils", quoted)
    assert value == "Écouter avant de parler."
    assert re.search(r"warning: \S+/filled\.md:\d+: Q8 \[conseils\]:", out)
    assert "left out" in out


def test_a_signature_after_the_last_answer_is_cut_with_a_warning(series: Path) -> None:
    sheet = fill_sheet(make_sheet(series), ANSWERS).split("\n## FIN")[0]
    (series / "filled.md").write_text(sheet + "\n-- \nLéa Martin\n", encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert only_interview(series).answer("pas-suivi").value == "Personne en particulier."  # type: ignore[union-attr]
    assert re.search(r"warning: \S+/filled\.md:\d+: Q13 \[pas-suivi\]:", out)


def test_a_dialogue_sheet_whose_host_was_removed_is_refused(series: Path) -> None:
    """Imported, the post would have read "? : " before each question."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    code, out = run("sheet", "livre", "--guest", "Anne Morel", "--host", "Paul", "-F",
                    "book_title=Mer", "-o", str(series / "livre.md"))  # fmt: skip
    assert code == 0, out
    sheet = (series / "livre.md").read_text(encoding="utf-8")
    (series / "livre.md").write_text(sheet.replace(" host=Paul", "", 1), encoding="utf-8")
    code, out = run("import", str(series / "livre.md"))
    assert code == 2, out
    assert "livre is written as a dialogue" in out and "sheet's first line" in out
    assert not list((series / "interviews").glob("*.toml"))


@pytest.mark.parametrize("where", ["conseils", "pas-suivi"])
def test_a_heading_fin_in_an_answer_does_not_end_the_sheet(series: Path, where: str) -> None:
    """Only the sheet's own end line ends it: a guest's "## Fin" heading is answer text."""
    answer = "Avant tout, écouter.\n\n## Fin\n\nEt puis se taire un peu."
    sheet = fill_sheet(make_sheet(series), {**ANSWERS, where: answer})
    code, out = import_text(series, sheet)
    assert code == 0, out
    interview = only_interview(series)
    assert interview.answer(where).value == answer  # type: ignore[union-attr]
    assert interview.status == "complete"
    assert "warning" not in out


def test_text_after_the_end_line_or_above_the_questions_is_said(series: Path) -> None:
    """A P.S. below the end line, an answer typed above the first question: not
    imported, but a warning quotes them; the sheet's own text, a reply header, the
    quoted mail and a signature are not the guest's text, and pass without one."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    top = "Bonjour Stéphane, j'ai commencé en 2009, au bureau.\n\n"
    ps = "\n\nP.S. J'oubliais : mon premier tweet date de 2009…\n\n-- \nLéa Martin\n"
    (series / "filled.md").write_text(top + sheet + ps, encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert only_interview(series).status == "complete"
    out = " ".join(out.split())
    assert (
        f"warning: {series / 'filled.md'}:1: text above the first question, not imported: " in out
    )
    assert "“Bonjour Stéphane, j'ai commencé en 2009, au bureau.”" in out
    assert "text below the end line (## FIN), not imported: “P.S. J'oubliais : mon premier" in out
    assert "Léa Martin”" not in out
    assert out.count("warning") == 2

    (series / "interviews" / "lea-martin.toml").unlink()
    (series / "reply.txt").write_text(quoted_reply(sheet), encoding="utf-8")
    code, out = run("import", str(series / "reply.txt"))
    assert code == 0, out
    assert "text above the first question, not imported: “Bonjour Stéphane, Voici" in out
    assert out.count("warning") == 1


def test_an_answer_typed_above_the_first_question_is_quoted_not_counted(series: Path) -> None:
    """The usual "Bonjour, voici mes réponses" above the quoted sheet, and the first answer
    typed above its question: the warning quoted the greeting, and the answer was "and
    2 more passages further down", with no line. It quotes the longest passage at its
    line, and names the others' lines."""
    sheet = fill_sheet(make_sheet(series), {**ANSWERS, "depuis-quand": ""})
    first = sheet.index("\n## Q1 [") + 1
    answer = "J'ai commencé en mai 2009, par curiosité, au bureau, avec deux collègues."
    reply = quoted_reply(sheet[:first] + answer + "\n\n" + sheet[first:])
    (series / "reply.txt").write_text(reply, encoding="utf-8")
    code, out = run("import", str(series / "reply.txt"))
    assert code == 0, out
    said = " ".join(out.split())
    line = reply[: reply.index(answer)].count("\n") + 1
    assert f"reply.txt:{line}: text above the first question, not imported: “J'ai commencé" in said
    assert "(and 1 more passage: line 1)" in said


def test_an_answer_to_a_question_not_asked_is_set_aside_with_a_warning(
    series: Path, tmp_path: Path
) -> None:
    """As a live session sets aside an answer whose condition no longer holds, the
    import leaves it out of the post, keeps it to come back and its text in the notes,
    and says so at its line: the guest wrote it. It went to the notes alone, and a
    "Oui" later (`jeudis edit`) asked the question again, empty."""
    (series / "questionnaires" / "kinds.toml").write_text(KINDS, encoding="utf-8")
    assert run("sheet", "kinds", "--guest", "Inès Roy", "-o", str(series / "k.md"))[0] == 0
    sheet = (series / "k.md").read_text(encoding="utf-8")
    answers = {"reseau": "Twitter", "usages": "veille", "blog": "Non", "lien": "https://x.fr"}
    (series / "k-filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "k-filled.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.answer("lien") is None
    assert interview.status == "complete"
    line = fill_sheet(sheet, answers).split("\n").index("## Q4 [lien]") + 1
    assert (
        f"warning: {series / 'k-filled.md'}:{line}: Q4 [lien]: answered, but not asked since"
        " Q3 [blog] is 'Non': set aside, out of the post, and kept in the interview's private"
        " notes; back in the post as written if the question is asked again"
    ) in " ".join(out.split())
    assert [(a.id, a.question, a.value) for a in interview.set_aside] == [
        ("lien", "Son adresse ?", "https://x.fr")
    ]
    assert interview.notes.splitlines()[0].startswith("Written on the sheet k-filled.md, not asked")
    assert interview.notes.splitlines()[1:] == [
        "[lien] Son adresse ? (not asked since [blog] is 'Non')",
        "https://x.fr",
    ]
    code, post = run("export", "ines-roy", "--format", "md")
    assert code == 0 and "x.fr" not in post

    (tmp_path / "yes").write_text("oui", encoding="utf-8")
    code, out = run("edit", "ines-roy", "-q", "blog", "--answer-file", str(tmp_path / "yes"))

    assert code == 0, out
    assert "[lien] asked again: back in the post as answered before" in " ".join(out.split())
    back = only_interview(series)
    assert [(a.id, a.value) for a in back.answers][2:] == [("blog", True), ("lien", "https://x.fr")]
    assert back.set_aside == [] and back.notes == "" and back.status == "complete"


def test_an_answer_not_asked_that_answers_nothing_the_question_takes_is_in_the_notes_alone(
    series: Path,
) -> None:
    """An address that is none: nothing could put it back as the question's answer, so
    the notes alone keep the guest's words, as written, and the warning says why."""
    (series / "questionnaires" / "kinds.toml").write_text(KINDS, encoding="utf-8")
    assert run("sheet", "kinds", "--guest", "Inès Roy", "-o", str(series / "k.md"))[0] == 0
    sheet = (series / "k.md").read_text(encoding="utf-8")
    answers = {"reseau": "Twitter", "usages": "veille", "blog": "Non", "lien": "pas encore"}
    code, out = import_text(series, fill_sheet(sheet, answers))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.set_aside == [] and interview.answer("lien") is None
    assert interview.notes.splitlines()[1:] == [
        "[lien] Son adresse ? (not asked since [blog] is 'Non')",
        "pas encore",
    ]
    assert (
        "Q4 [lien]: answered, but not asked since Q3 [blog] is 'Non': kept in the interview's"
        " private notes alone, out of the post (as written, it does not answer the question:"
        " Une adresse complète est attendue"
    ) in " ".join(out.split())


OUTLOOK_FR = (
    "________________________________\nDe : Stéphane <stephane@example.com>\n"
    "Envoyé : jeudi 26 novembre 2026 10:00\nÀ : Léa Martin\nObjet : Interview Twitter\n\n"
    "Bonjour Léa, voici la feuille."
)
OUTLOOK_EN = (
    "________________________________\nFrom: Stéphane <stephane@example.com>\n"
    "Sent: Thursday, November 26, 2026 10:00 AM\nTo: Léa Martin\nSubject: Interview\n\n"
    "Hello Léa, here is the sheet."
)


@pytest.mark.parametrize(
    "tail",
    [OUTLOOK_FR, OUTLOOK_EN, "Envoyé de mon iPhone", "Sent from my iPhone", "Get Outlook for iOS"],
    ids=["outlook-fr", "outlook-en", "envoye-iphone", "sent-iphone", "get-outlook"],
)
def test_a_mail_programs_tail_after_the_last_answer_is_cut_with_a_warning(
    series: Path, tail: str
) -> None:
    """The end line deleted: what Outlook or a phone adds below the last answer is not
    the answer (nor the host's address), and the cut is said."""
    sheet = fill_sheet(make_sheet(series), ANSWERS).split("\n## FIN")[0]
    (series / "filled.md").write_text(f"{sheet}\n\n{tail}\n", encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert only_interview(series).answer("pas-suivi").value == "Personne en particulier."  # type: ignore[union-attr]
    assert re.search(r"warning: \S+/filled\.md:\d+: Q13 \[pas-suivi\]:", out)
    assert "left out" in out


def test_a_reply_header_quoting_inside_an_answer_is_kept_whole(series: Path) -> None:
    """A reply header ends an answer only when all that follows in it is quoted: a guest
    quoting a tweet, then writing on, keeps the whole answer."""
    answer = (
        "Le 3 mars 2009, @jack a écrit :\n> just setting up my twttr\n\n"
        "Et j'ai répondu le lendemain."
    )
    value, out = imported_answer(series, "premier-tweet", answer)
    assert value == answer
    assert "warning" not in out


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda s: s.replace("## Q4 [apport]", "## Q4\xa0[apport]"), ANSWERS["apport"]),
        (lambda s: s.replace("## Q4 [apport]", "##\xa0Q4\xa0[apport]\xa0"), ANSWERS["apport"]),
        (
            lambda s: s.replace("## Q4 [apport]", "## Q4 [apport] Ça m'apporte de la veille."),
            "Ça m'apporte de la veille.\n\n" + ANSWERS["apport"],
        ),
    ],
    ids=["nbsp", "nbsp-everywhere", "answer-on-the-marker-line"],
)
def test_a_marker_as_a_person_reads_it(series: Path, edit: Any, expected: str) -> None:
    """No-break spaces in a marker, an answer begun on its line: still the marker."""
    sheet = edit(fill_sheet(make_sheet(series), ANSWERS))
    code, out = import_text(series, sheet)
    assert code == 0, out
    assert only_interview(series).answer("apport").value == expected  # type: ignore[union-attr]
    assert "warning" not in out


def test_a_heading_like_a_marker_without_an_id_is_answer_text(series: Path) -> None:
    """Only a line with an [id] is a marker: a guest's "## Q1 2012" heading is theirs."""
    answer = "## Q1 2012\n\nLes débuts.\n\n## Q3 2015\n\nLa maturité."
    value, _ = imported_answer(series, "meilleur-souvenir", answer)
    assert value == answer


def test_the_sheets_blank_lines_do_not_stay_in_an_answer(series: Path) -> None:
    """An answer written below the room left for it, or above the next marker: the
    sheet's blank lines between its parts become one (not inside a code block)."""
    code_block = "```\nfor x in tweets:\n\n\n    print(x)\n```"
    sheet = fill_sheet(
        make_sheet(series), {**ANSWERS, "followers": "Beaucoup.", "conseils": code_block}
    )
    sheet = sheet.replace("\n## Q3 [", "\n \nEnviron 8 000.\n\n\n\n## Q3 [")
    code, out = import_text(series, sheet)
    assert code == 0, out
    interview = only_interview(series)
    assert interview.answer("followers").value == "Beaucoup.\n\nEnviron 8 000."  # type: ignore[union-attr]
    assert interview.answer("conseils").value == code_block  # type: ignore[union-attr]


def as_email(body: str, cte: str, html: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Léa Martin <lea@example.com>"
    message["To"] = "stephane@example.com"
    message["Subject"] = "Re: Interview Twitter"
    message.set_content(body, cte=cte)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message.as_bytes(policy=email.policy.SMTP)


def flowed(text: str) -> bytes:
    """``text`` as a format=flowed email (RFC 3676): long lines broken after a space."""
    lines = []
    for line in text.split("\n"):
        quote, line = ("> ", line[1:].removeprefix(" ")) if line.startswith(">") else ("", line)
        chunks = textwrap.wrap(line, 50, drop_whitespace=False) or [""]
        lines += [(quote + chunk) if chunk else quote.rstrip() for chunk in chunks]
    head = "From: lea@example.com\nSubject: Re\nMIME-Version: 1.0\n"
    head += 'Content-Type: text/plain; charset="utf-8"; format=flowed\n\n'
    return (head + "\n".join(lines)).encode()


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit", "flowed", "no-charset"])
def test_an_email_is_read_from_its_text(series: Path, cte: str) -> None:
    """`jeudis import reply.eml`: the message's text part, decoded, is the sheet."""
    filled = fill_sheet(make_sheet(series), ANSWERS)
    long = "Écouter avant de parler, " * 8 + "toujours."
    filled = filled.replace(ANSWERS["conseils"], long)
    html = "<p>" + filled.replace("<", "&lt;").replace("\n", "<br>") + "</p>"
    (series / "filled.md").write_text(filled, encoding="utf-8")
    reply = quoted_reply(filled)
    if cte == "flowed":
        data = flowed(reply)
    elif cte == "no-charset":  # a reply saved with its headers: UTF-8, but not said
        data = f"From: lea@example.com\nSubject: Re\n\n{reply}".encode()
    else:
        data = as_email(reply, cte, html)
    (series / "reply.eml").write_bytes(data)
    first, second = imported_both(series, series / "filled.md", series / "reply.eml")
    assert answers_of(first) == answers_of(second)
    assert second.answer("conseils").value == long  # type: ignore[union-attr]


def html_email(html: str) -> bytes:
    message = EmailMessage()
    message["From"] = "lea@example.com"
    message["Subject"] = "Re"
    message.set_content(html, subtype="html")
    return message.as_bytes()


def test_an_html_only_email_or_a_sheet_saved_as_html_is_read(series: Path) -> None:
    """Both were refused ("save it as plain text"): the text the HTML shows is the sheet,
    and the host is told where it came from."""
    filled = fill_sheet(make_sheet(series), ANSWERS)
    (series / "filled.md").write_text(filled, encoding="utf-8")
    html = "<div>" + html_lib.escape(filled).replace("\n", "<br>\n") + "</div>"
    (series / "reply.eml").write_bytes(html_email(html))
    first, second = imported_both(series, series / "filled.md", series / "reply.eml")
    assert answers_of(first) == answers_of(second)
    (series / "interviews" / "lea-martin.toml").unlink()
    (series / "saved.html").write_text(html, encoding="utf-8")
    code, out = run("import", str(series / "saved.html"))
    assert code == 0, out
    assert answers_of(load_interview(series / "interviews" / "lea-martin.toml")) == answers_of(
        first
    )
    said = " ".join(out.split())
    assert (
        f"warning: {series / 'saved.html'}: saved as HTML (a web page): its text was read" in said
    )


def gmail_reply(sheet: str, answers: dict[str, str]) -> str:
    """The HTML of a webmail's reply to ``sheet``: the guest's lines a ``<div>`` each, the
    message replied to in ``<blockquote>``, split where the guest typed an answer (below
    the question line ``answers`` names by its first words)."""
    quote = '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid">'
    parts = [
        "<html><head><style>div { font-family: Arial }</style><title>Re</title></head><body>",
        '<div dir="ltr"><div>Bonjour Stéphane,</div><div><br></div>',
        "<div>Voici mes réponses&nbsp;!</div><br>",
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Le jeu. 26 nov. 2026 à',
        ' 09:12, Stéphane &lt;<a href="mailto:stephane@example.com">stephane@example.com',
        "</a>&gt; a écrit&nbsp;:<br></div>",
        quote,
    ]
    for line in sheet.split("\n"):
        parts.append(html_lib.escape(line) + "<br>\n")
        for start, answer in answers.items():
            if line.startswith(start):
                parts += ["</blockquote>", answer, quote]
    parts += [
        "</blockquote></div>",
        '<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>',
        '<div dir="ltr" class="gmail_signature">Léa Martin<br>',
        '<img src="cid:ii_logo" alt="Logo du blog" width="80"></div></div>',
        "<script>document.write('pas du texte')</script></body></html>",
    ]
    return "".join(parts)


GMAIL_ANSWERS = {
    "**Depuis combien": "<div>Mai 2009, à Nantes&nbsp;!</div>",
    "**Quelle(s) utilisation(s)": (
        "<div>Surtout de la <b>veille </b>:</div><ul><li>partage de liens "
        '<img data-emoji="🔗" class="an1" alt="🔗" src="https://fonts.example/1f517.png"></li>'
        "<li>conversations</li></ul>"
    ),
    "**Qu’est-ce que le fait": (
        "<div>Des rencontres.</div><div><br></div><div>Et <i>beaucoup</i> de lectures"
        ' : <a href="https://example.com/liste">ma liste</a>, et <a href="https://example.com'
        '/" target="_blank">https://example.com</a>.</div>'
    ),
    "**Quel(s) conseil": (
        "<div>Comme l’écrivait Rilke&nbsp;:</div>"
        '<blockquote class="gmail_quote" style="margin:0 0 0 40px">'
        '<div>Allez en vous-même.</div></blockquote><div>C’est <a href="javascript:x()">'
        "tout</a>.</div>"
    ),
}


def test_a_reply_from_a_webmail_in_html_only(series: Path) -> None:
    """Lines a ``<div>`` each, a list, bold, italic, links, an emoji drawn as a picture,
    a no-break space before "!", the guest's own quotation, the message replied to
    in ``<blockquote>``: the answers read as the guest typed them, in Markdown; what a
    style, a script or a picture holds is not text."""
    sheet = make_sheet(series)
    (series / "reply.eml").write_bytes(html_email(gmail_reply(sheet, GMAIL_ANSWERS)))
    code, out = run("import", str(series / "reply.eml"))
    assert code == 0, out
    assert only_interview(series).values() == {
        "depuis-quand": "Mai 2009, à Nantes\u00a0!",
        "utilisations": "Surtout de la **veille** :\n\n- partage de liens 🔗\n- conversations",
        "apport": (
            "Des rencontres.\n\nEt *beaucoup* de lectures : [ma liste](https://example.com/liste),"
            " et https://example.com."
        ),
        "conseils": "Comme l’écrivait Rilke\u00a0:\n\n> Allez en vous-même.\n\nC’est tout.",
    }
    said = " ".join(out.split())
    assert (
        f"warning: {series / 'reply.eml'}: an email with no plain text, only HTML: its text was"
        " read from the HTML; 1 picture in it left out; check the answers' layout"
    ) in said
    assert "text above the first question, not imported: “Bonjour Stéphane, Voici" in said
    assert "more passage" not in said and "pas du texte" not in said and "Arial" not in said


def outlook_reply(filled: str) -> str:
    """The HTML of Outlook's reply to the sheet: a paragraph ``MsoNormal`` a line, the
    message replied to below the header of it, in bold, not quoted."""

    def paragraph(line: str) -> str:
        text = html_lib.escape(line) if line.strip() else "<o:p>&nbsp;</o:p>"
        return f"<p class=MsoNormal>{text}<o:p></o:p></p>\n"

    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
        "<style><!-- p.MsoNormal {margin:0cm} --></style></head><body lang=FR><div class=WordSection1>"
        + paragraph("Bonjour Stéphane, mes réponses sont dans le texte.")
        + paragraph("")
        + "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
        "<p class=MsoNormal><b>De&nbsp;:</b> Stéphane &lt;stephane@example.com&gt;<br>"
        "<b>Envoyé&nbsp;:</b> jeudi 26 novembre 2026 10:00<br><b>À&nbsp;:</b> Léa Martin<br>"
        "<b>Objet&nbsp;:</b> Interview Twitter</p></div>"
        + "".join(paragraph(line) for line in filled.split("\n"))
        + "</div></body></html>"
    )


def test_a_reply_from_outlook_in_html_only(series: Path) -> None:
    """Each line a paragraph: lines, not paragraphs; the header of the message replied
    to ("**De :**", bold) is the mail program's, not the guest's text."""
    filled = fill_sheet(make_sheet(series), ANSWERS)
    (series / "filled.md").write_text(filled, encoding="utf-8")
    (series / "reply.eml").write_bytes(html_email(outlook_reply(filled)))
    first, second = imported_both(series, series / "filled.md", series / "reply.eml")
    assert answers_of(first) == answers_of(second)
    (series / "interviews" / "lea-martin.toml").unlink()
    code, out = run("import", str(series / "reply.eml"))
    assert code == 0, out
    said = " ".join(out.split())
    assert "“Bonjour Stéphane, mes réponses sont dans le texte.”" in said
    assert "more passage" not in said


def markdown_export(filled: str) -> str:
    """``filled`` as a Markdown editor exports it to HTML: headings, paragraphs, lists,
    bold, italics; the first line, an HTML comment, kept as one."""
    body = []
    items: list[str] = []
    for line in [*filled.split("\n"), ""]:
        if line.startswith("- "):
            items.append(f"<li>{html_lib.escape(line[2:])}</li>")
            continue
        if items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        if line.startswith("<!--") or not line.strip():
            body.append(line)
        elif heading := re.match(r"(#+) (.*)", line):
            level = len(heading.group(1))
            body.append(f"<h{level}>{html_lib.escape(heading.group(2))}</h{level}>")
        elif line.startswith("**"):
            body.append(f"<p><strong>{html_lib.escape(line.strip('*'))}</strong></p>")
        elif line.startswith("_"):
            body.append(f"<p><em>{html_lib.escape(line.strip('_'))}</em></p>")
        else:
            body.append(f"<p>{html_lib.escape(line)}</p>")
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>sheet</title></head>\n"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def test_a_sheet_a_markdown_editor_exported_as_html(series: Path) -> None:
    """The markers made headings, the questions bold and the notes italic: the same
    answers, without the question or its notes in them."""
    filled = fill_sheet(make_sheet(series), ANSWERS)
    (series / "filled.md").write_text(filled, encoding="utf-8")
    (series / "export.html").write_text(markdown_export(filled), encoding="utf-8")
    first, second = imported_both(series, series / "filled.md", series / "export.html")
    assert answers_of(first) == answers_of(second)


def test_an_html_email_that_holds_no_sheet_is_refused(series: Path) -> None:
    (series / "reply.eml").write_bytes(html_email("<p>Merci, je réponds demain !</p>"))
    code, out = run("import", str(series / "reply.eml"))
    assert code == 4, out
    assert "not a jeudis answer sheet" in out and "Traceback" not in out
    assert not list((series / "interviews").glob("*.toml"))


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<div>un</div><div><br></div><div>deux<br></div>", "un\n\ndeux"),
        ("<p>un</p><p>deux<br>trois</p>", "un\n\ndeux\ntrois"),
        ("<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>", "- a\n  - a1\n- b"),
        ("<ol><li>a<br>suite</li><li><p>b</p></li></ol>", "1. a\n   suite\n2. b"),
        ("<b>gras </b>puis <i> italique</i><strong> </strong>!", "**gras** puis *italique* !"),
        ("<b>un<br>deux</b>", "**un**\n**deux**"),
        ('<span style="font-weight: bold">fort</span>', "**fort**"),
        ('<a href="https://x.fr/a b">[1] lien</a>', "[\\[1\\] lien](<https://x.fr/a b>)"),
        ('<a href="https://safe.example/?u=x">https://x.fr</a>', "https://x.fr"),
        ('<a href="mailto:l@x.fr">l@x.fr</a> <a href="javascript:f()">ici</a>', "l@x.fr ici"),
        ("Oui&nbsp;? 9&nbsp;200 &nbsp; a&nbsp;&nbsp;b&nbsp;", "Oui\u00a0? 9\u00a0200 a b"),
        ("<p class=MsoNormal>a</p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>b</p>", "a\n\nb"),
        ("<blockquote>cité<blockquote>deux fois</blockquote></blockquote>après", "> cité\n>\n> > deux fois\n\naprès"),
        ("<pre>\n  un\n    deux</pre>", "  un\n    deux"),
        ("<h2>Titre</h2><hr><p>fin</p>", "## Titre\n\n-----\n\nfin"),
        ("<head><title>T</title><style>p{}</style><body>corps</body>", "corps"),
        ("<head><meta charset=utf-8><body>sans fin de head", "sans fin de head"),
        ("&lt;b&gt; &amp; &eacute;&#233;&#x1F600;", "<b> & éé😀"),
        ('<img alt="😅" data-emoji="😅" src="e.png"><img alt="Photo" src="p.jpg">', "😅"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("<ul><li>a</p><li>b</ul></blockquote>fin<hr></hr>", "- a\n- b\n\nfin\n\n-----"),
    ],
    ids=[
        "divs", "paragraphs", "nested-list", "ordered-list", "bold-italic-spaces",
        "bold-over-lines", "bold-style", "link", "safe-link", "mailto-script", "nbsp",
        "outlook", "blockquotes", "pre", "heading-rule", "head", "head-unclosed", "entities",
        "emoji-picture", "table", "stray-end-tags",
    ],
)  # fmt: skip
def test_html_is_read_as_the_text_it_shows(html: str, text: str) -> None:
    assert html_to_text(html).text == text


def with_attachment(body: str, data: bytes, name: str, kind: str = "text/markdown") -> bytes:
    """An email whose text is ``body``, with a file attached, as the sheet asks the guest
    to send it back."""
    message = EmailMessage()
    message["From"] = "lea@example.com"
    message["Subject"] = "Re: Interview Twitter"
    message.set_content(body)
    maintype, subtype = kind.split("/")
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def test_an_email_with_the_sheet_attached(series: Path) -> None:
    """The sheet asks for it ("Renvoyez la feuille en pièce jointe"): the email's text
    held no sheet, "not a jeudis answer sheet". The attached one is read, whatever
    its encoding, and said."""
    filled = fill_sheet(make_sheet(series), ANSWERS)
    (series / "filled.md").write_text(filled, encoding="utf-8")
    body = "Bonjour Stéphane,\n\nvoici la feuille remplie.\n\n-- \nLéa\n"
    (series / "reply.eml").write_bytes(with_attachment(body, filled.encode(), "feuille.md"))
    first, second = imported_both(series, series / "filled.md", series / "reply.eml")
    assert answers_of(first) == answers_of(second)
    (series / "interviews" / "lea-martin.toml").unlink()
    legacy = fill_sheet(make_sheet(series), LEGACY_ANSWERS).encode("cp1252", errors="replace")
    data = with_attachment(body, legacy, "feuille.txt", "application/octet-stream")
    (series / "reply.eml").write_bytes(data)
    code, out = run("import", str(series / "reply.eml"))
    assert code == 0, out
    assert only_interview(series).values() == LEGACY_ANSWERS
    said = " ".join(out.split())
    assert f"warning: {series / 'reply.eml'}, attachment feuille.txt: not UTF-8: read as" in said
    assert "reply.eml: the sheet is its attachment “feuille.txt”: line numbers are" in said


def test_an_email_with_two_sheets_or_an_attachment_not_a_sheet(series: Path) -> None:
    """The sheet quoted in the reply and another attached: which holds the answers is
    not guessed. A word processor's file attached is no sheet."""
    sheet = make_sheet(series)
    filled = fill_sheet(sheet, ANSWERS)
    data = with_attachment(quoted_reply(sheet), filled.encode(), "feuille.md")
    (series / "reply.eml").write_bytes(data)
    code, out = run("import", str(series / "reply.eml"))
    assert code == 4, out
    assert "the email holds 2 answer sheets: in its text and attached (“feuille.md”)" in (
        " ".join(out.split())
    )
    docx = b"PK\x03\x04" + bytes(range(256))
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    (series / "reply.eml").write_bytes(with_attachment("Voici.", docx, "feuille.docx", kind))
    code, out = run("import", str(series / "reply.eml"))
    assert code == 4 and "not a jeudis answer sheet" in out, out
    assert not list((series / "interviews").glob("*.toml"))


def test_a_sheet_read_from_standard_input(series: Path) -> None:
    """`jeudis import -`, as `--data-file -` and `--answer-file -` read it: "-: no such file"."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    assert _invoke is not None
    result = _invoke("import", "-", input=sheet)
    assert result.exit_code == 0, result.output
    assert only_interview(series).answer("conseils").value == ANSWERS["conseils"]  # type: ignore[union-attr]


def test_an_answer_written_above_its_question_is_said(series: Path) -> None:
    """Written above "## Q2", it went into Q1's answer without a word."""
    answers = {key: value for key, value in ANSWERS.items() if key != "followers"}
    sheet = fill_sheet(make_sheet(series), answers)
    above = "Environ 4 000 followers.\n\n## Q2 [followers]"
    code, out = import_text(series, sheet.replace("## Q2 [followers]", above, 1))
    assert code == 0, out
    said = " ".join(out.split())  # wrapped to the terminal's width
    line = sheet.splitlines().index("## Q1 [depuis-quand]") + 1
    assert said.startswith(f"warning: {series / 'filled.md'}:{line}: Q1 [depuis-quand]: ")
    assert "“Environ 4 000 followers.” is written right above the marker of Q2" in said
    assert only_interview(series).answer("depuis-quand").value == (  # type: ignore[union-attr]
        "Mai 2009\n\nEnviron 4 000 followers."
    )


def test_a_question_left_empty_after_an_answer_is_no_answer_above_it(series: Path) -> None:
    answers = {key: value for key, value in ANSWERS.items() if key != "followers"}
    code, out = import_text(series, fill_sheet(make_sheet(series), answers))
    assert code == 0, out
    assert "written right above" not in out


def test_a_sheet_saved_as_utf16(series: Path) -> None:
    """Windows Notepad saves "Unicode" as UTF-16: it was refused as "not UTF-8 text"."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    (series / "utf16.md").write_bytes(sheet.encode("utf-16"))
    code, out = run("import", str(series / "utf16.md"))
    assert code == 0, out
    assert only_interview(series).answer("conseils").value == ANSWERS["conseils"]  # type: ignore[union-attr]
    assert "warning" not in out


# What an older editor can write: no emoji, but accents, typographic quotes, œ and €.
LEGACY_ANSWERS = {
    **ANSWERS,
    "depuis-quand": "Mai 2009, à Nantes.",
    "utilisations": "Surtout de la veille :\n\n- partage de liens\n- conversations",
    "apport": "Des rencontres, de bon cœur.\n\nEt beaucoup de lectures.",
    "premier-tweet": "Je ne m’en souviens plus…",
    "dernier-tweet": "« À bientôt ailleurs »",
    "meilleur-souvenir": "Un apéro improvisé, 12 € à deux.",
    "conseils": "Écouter avant de parler ; être sûr de soi – et poli.",
    "avenir": "Incertain, même très.",
    "follower-reve": "Agnès Varda.",
}


@pytest.mark.parametrize(
    ("codec", "name"),
    [("cp1252", "Windows-1252"), ("iso8859_15", "ISO-8859-15"), ("mac_roman", "Mac OS Roman")],
)
def test_a_sheet_saved_in_an_older_editors_encoding_is_read_and_said(
    series: Path, codec: str, name: str
) -> None:
    """Windows' "ANSI" (Windows-1252), ISO-8859-15 or Mac OS Roman: guests do not save a
    file again for us. It was refused as "not UTF-8 text"; each is read, and said, for
    the host to check the accents. What the encoding lacks became "?" (the emoji in a
    question): the question is still the sheet's, not part of the answer."""
    answers = dict(LEGACY_ANSWERS)
    if codec == "iso8859_15":  # it has œ and €, but none of Windows' typographic quotes
        answers |= {"premier-tweet": "Je ne m'en souviens plus...", "conseils": "Écouter."}
    sheet = fill_sheet(make_sheet(series), answers)
    assert "tweet 😉 ?" in sheet
    (series / "ansi.md").write_bytes(sheet.encode(codec, errors="replace"))
    code, out = run("import", str(series / "ansi.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.guest == "Léa Martin"
    assert interview.values() == answers
    assert interview.status == "complete"
    said = " ".join(out.split())
    assert f"warning: {series / 'ansi.md'}: not UTF-8: read as {name}; check its accents" in said
    assert said.count("warning") == 1


@pytest.mark.parametrize(
    ("start", "said"),
    [
        (b"\x00\x06\x00\xff\xfe\x81", "binary.md:1: not UTF-8 text"),
        (b"{\\rtf1\\ansi\\ansicpg1252 ", "this is a rich-text document (RTF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "this is a word processor's document (Word .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "this is an Outlook message (.msg)"),
        (b"%PDF-1.7\n", "this is a PDF, not text"),
    ],
    ids=["binary", "rtf", "docx", "msg", "pdf"],
)
def test_a_file_that_is_no_text_is_refused(series: Path, start: bytes, said: str) -> None:
    """Bytes that read as text in no encoding: refused, naming the line, as before.
    What a guest's program saves instead of text (TextEdit's RTF, a Word document,
    an Outlook message, a PDF) is named, with how to save the sheet as text: an RTF,
    which is ASCII, was read as a damaged sheet; the others were "not UTF-8 text"."""
    sheet = fill_sheet(make_sheet(series), ANSWERS)
    (series / "binary.md").write_bytes(start + sheet.encode())
    code, out = run("import", str(series / "binary.md"))
    assert code == 4, out
    assert said in " ".join(out.split()) and "hint: " in out
    assert not list((series / "interviews").glob("*.toml"))


def test_a_sheet_partly_in_windows_1252_is_read_where_it_is_utf8_too(series: Path) -> None:
    """An editor that took the UTF-8 sheet for Windows-1252 writes its text back as it
    came, and the answers typed in it in Windows-1252: each part is read as what it
    is (the whole read as Windows-1252, each accent of the sheet would be two signs)."""
    sheet = fill_sheet(make_sheet(series), {**LEGACY_ANSWERS, "conseils": "@@"})
    data = sheet.encode().replace(b"@@", "Écouter, être sûr".encode("cp1252"))
    (series / "mixed.md").write_bytes(data)
    code, out = run("import", str(series / "mixed.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.values() == {**LEGACY_ANSWERS, "conseils": "Écouter, être sûr"}
    line = sheet.split("\n").index("@@") + 1
    said = " ".join(out.split())
    assert f"mixed.md: partly not UTF-8 (from line {line}): read there as Windows-1252" in said
    assert interview.guest == "Léa Martin" and "😉" in interview.answer("dernier-tweet").question  # type: ignore[union-attr]


def raw_email(body: bytes, charset: str | None, cte: str = "8bit") -> bytes:
    """An email whose text part is ``body``'s bytes, in the charset it declares (if any)."""
    if cte == "quoted-printable":
        body = quopri.encodestring(body)
    declared = f"; charset={charset}" if charset else ""
    head = (
        "From: Léa Martin <lea@example.com>\nTo: stephane@example.com\nSubject: Re\n"
        f"MIME-Version: 1.0\nContent-Type: text/plain{declared}\n"
        f"Content-Transfer-Encoding: {cte}\n\n"
    )
    return head.encode() + body


@pytest.mark.parametrize(
    ("charset", "codec", "warned"),
    [
        ("iso-8859-1", "cp1252", None),  # Outlook's: Windows' quotes in it
        ("windows-1252", "cp1252", None),
        ("iso-8859-15", "iso8859_15", None),
        (None, "cp1252", "says no encoding, and is not UTF-8: read as Windows-1252"),
        ("utf-8", "cp1252", "says it is utf-8, and is not UTF-8: read as Windows-1252"),
        ("us-ascii", "utf-8", None),  # UTF-8 in fact: read so, as it is
        ("x-unknown", "cp1252", "says it is x-unknown, and is not UTF-8: read as Windows-1252"),
        ("utf\x00-8", "cp1252", "says it is utf-8, and is not UTF-8: read as"),  # not a name
    ],
)
@pytest.mark.parametrize("cte", ["8bit", "quoted-printable"])
def test_an_emails_text_is_read_in_its_charset(
    series: Path, charset: str | None, codec: str, warned: str | None, cte: str
) -> None:
    """The charset an email declares decodes its text (ISO-8859-1 as Windows-1252, as
    browsers read it); one missing, wrong or unknown is guessed as a file's is, and
    said. Windows' quotes came out as control characters, accents as "�"."""
    answers = dict(LEGACY_ANSWERS)
    if codec == "iso8859_15":
        answers |= {"premier-tweet": "Je ne m'en souviens plus...", "conseils": "Écouter."}
    reply = quoted_reply(fill_sheet(make_sheet(series), answers))
    (series / "reply.eml").write_bytes(raw_email(reply.encode(codec, "replace"), charset, cte))
    code, out = run("import", str(series / "reply.eml"))
    assert code == 0, out
    assert only_interview(series).values() == answers
    said = " ".join(out.split())
    if warned:
        assert f"warning: {series / 'reply.eml'}: the email's text {warned}" in said
    assert said.count("warning") == (1 if warned else 0) + 1  # the reply's "Bonjour"


def test_an_email_whose_text_reads_in_no_charset_is_refused(series: Path) -> None:
    reply = quoted_reply(fill_sheet(make_sheet(series), ANSWERS)).encode()
    (series / "reply.eml").write_bytes(raw_email(b"\x00\x01\xff\xfe\x81" + reply, None))
    code, out = run("import", str(series / "reply.eml"))
    assert code == 4, out
    assert "reply.eml: the email's text says no encoding, and it reads neither as UTF-8" in out
    assert not list((series / "interviews").glob("*.toml"))


def lu_sheets(series: Path, first: dict[str, str], second: dict[str, str]) -> Path:
    """Anne Roux's interview imported from a first sheet; a second, filled, beside it."""
    (series / "questionnaires" / "lu.toml").write_text(LU, encoding="utf-8")
    assert run("sheet", "lu", "--guest", "Anne Roux", "-o", str(series / "lu.md"))[0] == 0
    sheet = (series / "lu.md").read_text(encoding="utf-8")
    (series / "second.md").write_text(fill_sheet(sheet, second), encoding="utf-8")
    code, out = import_text(series, fill_sheet(sheet, first))
    assert code == 0, out
    return series / "interviews" / "anne-roux.toml"


def test_an_update_with_only_the_missing_answer_reads_the_interviews_conditions(
    series: Path,
) -> None:
    """The first sheet says "Oui" and leaves the opinion empty; the second holds the
    opinion alone: judged on the second sheet alone ("lu" empty there), it was not
    asked, and went to the notes, the interview left a draft without it."""
    path = lu_sheets(series, {"lu": "Oui", "fin": "Merci"}, {"avis": "Un beau livre."})
    assert load_interview(path).status == "draft"

    code, out = run("import", str(series / "second.md"), "--update", "anne-roux")

    assert code == 0, out
    assert "not asked" not in out
    updated = load_interview(path)
    assert [a.id for a in updated.answers] == ["lu", "avis", "fin"]
    assert updated.answer("avis").value == "Un beau livre."  # type: ignore[union-attr]
    assert updated.status == "complete" and "Un beau livre" not in updated.notes


def test_an_update_saying_no_takes_the_answer_it_leaves_out_out_of_the_post(
    series: Path,
) -> None:
    """The interview says "Oui" and what she thought of the book; the second sheet says
    "Non": the opinion leaves the post (it read "Non", then an opinion on the book)
    for the notes."""
    path = lu_sheets(
        series,
        {"lu": "Oui", "avis": "Un beau livre, très fort.", "fin": "Merci"},
        {"lu": "Non", "fin": "Merci"},
    )

    code, out = run("import", str(series / "second.md"), "--update", "anne-roux")

    assert code == 0, out
    said = " ".join(out.split())
    assert "anne-roux: not asked any more, as the sheet answers: [avis]" in said
    assert "left empty on the sheet" not in said  # not asked, it was not left empty
    updated = load_interview(path)
    assert [(a.id, a.value) for a in updated.answers] == [("lu", False), ("fin", "Merci")]
    assert updated.status == "complete"
    assert "[avis] Qu'en as-tu pensé ? (not asked since [lu] is 'Non')\nUn beau livre" in (
        updated.notes
    )
    code, post = run("export", "anne-roux", "--format", "md")
    assert code == 0 and "beau livre" not in post


# A question on the answer to one asked on another: "conseil" quotes the book's title,
# asked only once "titre" is, which is asked only of who read it.
LU_TITRE = LU.replace(
    'id = "avis"\ntype = "long"\ntext = "Qu\'en as-tu pensé ?"',
    'id = "titre"\ntype = "text"\ntext = "Lequel ?"',
).replace(
    '[[questions]]\nid = "fin"',
    '[[questions]]\nid = "conseil"\ntype = "text"\ntext = "À qui conseilles-tu « {answer:titre} » ?"\n'
    'when = { question = "titre", answered = true }\n\n[[questions]]\nid = "fin"',
)


def test_an_update_saying_no_leaves_out_what_the_answer_left_out_asks_too(series: Path) -> None:
    """The interview read "Dune", and whom she would give it to; the second sheet says
    she did not read the book, and answers that question anyway ("À personne."): the
    title is not asked, so neither is the question on it. Its condition and its wording
    were judged on the title the update left out: the answer was taken as given to
    "À qui conseilles-tu « Dune » ?", and the import did not say it was not asked."""
    (series / "questionnaires" / "lu.toml").write_text(LU_TITRE, encoding="utf-8")
    assert run("sheet", "lu", "--guest", "Anne Roux", "-o", str(series / "lu.md"))[0] == 0
    sheet = (series / "lu.md").read_text(encoding="utf-8")
    first = {"lu": "Oui", "titre": "Dune", "conseil": "À ma sœur.", "fin": "Merci"}
    code, out = import_text(series, fill_sheet(sheet, first))
    assert code == 0, out
    path = series / "interviews" / "anne-roux.toml"
    assert load_interview(path).answer("conseil").question == "À qui conseilles-tu « Dune » ?"  # type: ignore[union-attr]
    second = fill_sheet(sheet, {"lu": "Non", "conseil": "À personne.", "fin": "Merci"})
    (series / "second.md").write_text(second, encoding="utf-8")

    code, out = run("import", str(series / "second.md"), "--update", "anne-roux")

    assert code == 0, out
    said = " ".join(out.split())
    line = line_of(second, "## Q3 [conseil]")
    assert (
        f"second.md:{line}: Q3 [conseil]: answered, but not asked since Q2 [titre] is not asked"
    ) in said
    assert "anne-roux: not asked any more, as the sheet answers: [titre], [conseil]" in said
    updated = load_interview(path)
    assert [(a.id, a.value) for a in updated.answers] == [("lu", False), ("fin", "Merci")]
    assert updated.status == "complete"
    written = updated.notes.split("Written on the sheet second.md, not asked", 1)[1]
    assert "\nÀ personne." in written and "Dune" not in written
    code, post = run("export", "anne-roux", "--format", "md")
    assert code == 0 and "Dune" not in post and "personne" not in post


def test_an_update_saying_yes_asks_for_what_it_now_lacks(series: Path) -> None:
    """The interview says "Non", complete; the second sheet says "Oui" and leaves the
    opinion empty: the interview is not complete without it."""
    path = lu_sheets(series, {"lu": "Non", "fin": "Merci"}, {"lu": "Oui", "fin": "Merci"})
    assert load_interview(path).status == "complete"

    code, out = run("import", str(series / "second.md"), "--update", "anne-roux")

    assert code == 0, out
    said = " ".join(out.split())
    assert "anne-roux: a draft again, as the sheet's answers ask what it lacks: [avis]" in said
    assert "Updated as a draft (1 answer missing: avis)" in said
    assert "jeudis resume anne-roux" in said
    assert load_interview(path).status == "draft"


def test_an_update_keeps_what_the_guest_wrote_for_a_question_not_asked(series: Path) -> None:
    path = lu_sheets(
        series,
        {"lu": "Oui", "avis": "Un beau livre.", "fin": "Merci"},
        {"lu": "Non", "avis": "Finalement, pas lu.", "fin": "Merci"},
    )

    code, out = run("import", str(series / "second.md"), "--update", "anne-roux")

    assert code == 0, out
    updated = load_interview(path)
    assert "Un beau livre." in updated.notes  # the interview's, set aside
    assert "[avis] Qu'en as-tu pensé ? (not asked since [lu] is 'Non')\nFinalement, pas lu." in (
        updated.notes
    )
    # The guest's newer words are those a "Oui" would bring back.
    assert [(a.id, a.value) for a in updated.set_aside] == [("avis", "Finalement, pas lu.")]


def test_an_update_with_only_an_answer_not_asked_keeps_it_aside(
    series: Path, tmp_path: Path
) -> None:
    """The interview says "Non", complete; a second sheet holds an opinion alone: not
    asked, it was said as kept in the notes, and the import said the interview held
    the sheet's answers already and wrote nothing. It is set aside, to come back."""
    path = lu_sheets(series, {"lu": "Non", "fin": "Merci"}, {"avis": "Lu en partie : dense."})

    code, out = run("import", str(series / "second.md"), "--update", "anne-roux")

    assert code == 0, out
    said = " ".join(out.split())
    assert "Q2 [avis]: answered, but not asked since Q1 [lu] is 'Non': set aside" in said
    assert f"Updated: {path}" in said
    updated = load_interview(path)
    assert [(a.id, a.value) for a in updated.set_aside] == [("avis", "Lu en partie : dense.")]
    assert "Lu en partie : dense." in updated.notes
    again = run("import", str(series / "second.md"), "--update", "anne-roux")
    assert "holds all this sheet's answers already" in " ".join(again[1].split())

    (tmp_path / "yes").write_text("oui", encoding="utf-8")
    assert run("edit", "anne-roux", "-q", "lu", "--answer-file", str(tmp_path / "yes"))[0] == 0
    back = load_interview(path)
    assert [(a.id, a.value) for a in back.answers] == [
        ("lu", True),
        ("avis", "Lu en partie : dense."),
        ("fin", "Merci"),
    ]
    assert back.set_aside == [] and "dense" not in back.notes


def test_an_update_saying_yes_again_brings_back_the_answer_an_earlier_one_set_aside(
    series: Path,
) -> None:
    """A first sheet says "Oui" and gives an opinion, a second "Non", a third "Oui", the
    opinion left empty: the opinion is back, as the guest wrote it; the interview was a draft
    again, lacking what its notes held."""
    path = lu_sheets(
        series,
        {"lu": "Oui", "avis": "Un beau livre, très fort.", "fin": "Merci"},
        {"lu": "Non", "fin": "Merci"},
    )
    assert run("import", str(series / "second.md"), "--update", "anne-roux")[0] == 0
    sheet = (series / "lu.md").read_text(encoding="utf-8")
    (series / "third.md").write_text(
        fill_sheet(sheet, {"lu": "Oui", "fin": "Merci"}), encoding="utf-8"
    )

    code, out = run("import", str(series / "third.md"), "--update", "anne-roux")

    assert code == 0, out
    said = " ".join(out.split())
    assert (
        "anne-roux: asked again, as the sheet answers: [avis] (back in the post as answered"
        " before, out of its notes)"
    ) in said
    assert "a draft again" not in said
    updated = load_interview(path)
    assert [(a.id, a.value) for a in updated.answers] == [
        ("lu", True),
        ("avis", "Un beau livre, très fort."),
        ("fin", "Merci"),
    ]
    assert updated.status == "complete" and updated.set_aside == []
    assert "beau livre" not in updated.notes
    # What each import replaced stays: the "Oui", then the "Non".
    assert [line for line in updated.notes.splitlines() if not line.startswith("Before")] == [
        "[lu] Oui",
        "",
        "[lu] Non",
    ]


def test_a_complete_import_names_the_command_that_publishes_it_to_a_file(series: Path) -> None:
    """It said `jeudis export lea-martin`, which pours the page's HTML into the
    terminal; a session's end says `-o lea-martin.md`."""
    code, out = import_text(series, fill_sheet(make_sheet(series), ANSWERS))
    assert code == 0, out
    assert out.splitlines()[-1] == "Publish it: jeudis export lea-martin -o lea-martin.md"


# -- an open questionnaire's sheet: the host's own questions -------------------------------


def livre_sheet(series: Path, *asked: str) -> tuple[int, str, str]:
    """A sheet of livre with the host's ``asked`` questions: exit code, output, the sheet."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires" / "livre.toml")
    out_file = series / "lou.md"
    asking = [part for text in asked for part in ("--question", text)]
    code, out = run(
        "sheet", "livre", "--guest", "Lou Martin", "--host", "Stéphane",
        "-F", "book_title=Trains {de} nuit", *asking, "-o", str(out_file),
    )  # fmt: skip
    return code, out, out_file.read_text(encoding="utf-8") if out_file.exists() else ""


def test_an_open_questionnaires_sheet_asks_the_hosts_questions(series: Path) -> None:
    """livre's sheet held its one fixed question: the questions the host writes live,
    the book interview's whole, could not be sent by email."""
    code, out, sheet = livre_sheet(
        series, "Quel est le pitch du livre ?", "Et  la suite,\npour toi ?", "Un mot {entre} nous ?"
    )
    assert code == 0, out
    assert "## Q2 [question-1]\n\n**Quel est le pitch du livre ?**\n" in sheet
    assert "## Q3 [question-2]\n\n**Et la suite, pour toi ?**\n" in sheet  # one line
    assert "## Q4 [question-3]\n\n**Un mot {entre} nous ?**\n" in sheet  # no placeholder
    assert "asked.question-1='Quel est le pitch du livre ?'" in sheet.splitlines()[0]
    assert "(facultatif)" not in sheet  # the host asks them for an answer

    filled = fill_sheet(
        sheet,
        {
            "motivation": "L’envie.",
            "question-1": "Dix nuits.\n\n- Paris–Vienne",
            "question-3": "Non.",
        },
    )
    code, out = import_text(series, filled)

    assert code == 0, out
    # The guest's to answer, not marked optional: left empty, it is out of the post, and
    # an answer typed above its marker went into the question before's, unsaid.
    assert (
        ": 1 question left empty, out of the post: Q3 [question-2] (an answer written above"
        " its question's `## Q` line is read as the question before's)"
    ) in " ".join(out.split())
    interview = only_interview(series)
    assert [(a.id, a.question, a.value, a.followup) for a in interview.answers] == [
        ("motivation", interview.answers[0].question, "L’envie.", False),
        ("question-1", "Quel est le pitch du livre ?", "Dix nuits.\n\n- Paris–Vienne", True),
        ("question-2", "Et la suite, pour toi ?", None, True),  # left empty: skipped
        ("question-3", "Un mot {entre} nous ?", "Non.", True),
    ]
    post = run("export", interview.slug, "--include-drafts", "-f", "md")[1]
    asked = "**Stéphane\u00a0:** Quel est le pitch du livre\u202f?\n\n**Lou\u00a0:** Dix nuits."
    assert asked in post
    assert "Et la suite" not in post


def test_the_first_line_writes_an_apostrophe_as_the_guest_reads_it(series: Path) -> None:
    """The guest's first sight of the sheet read asked.question-1='C'"'"'est quoi ?':
    single quotes around a French apostrophe. Double quotes read back the same."""
    asked = 'C\'est quoi, « le » \\ "marketing" ?'
    code, out, sheet = livre_sheet(series, asked, "Et --> toi ?")
    assert code == 0, out
    first = sheet.splitlines()[0]
    assert ' asked.question-1="C\'est quoi, « le » \\\\ \\"marketing\\" ?" ' in first, first
    assert " asked.question-2='Et --'\\>' toi ?' -->" in first, first
    code, out = import_text(series, fill_sheet(sheet, {"question-1": "Oui.", "question-2": "Non."}))
    assert code == 0, out
    questions = {a.id: a.question for a in only_interview(series).answers}
    assert (questions["question-1"], questions["question-2"]) == (asked, "Et --> toi ?")


def test_an_open_questionnaires_sheet_without_the_hosts_questions_says_how(
    series: Path,
) -> None:
    code, out, sheet = livre_sheet(series)
    assert "## Q2" not in sheet  # the fixed question alone
    assert code == 0, out
    assert out.splitlines()[0] == (
        "note: livre is open: the questions you would write live go on the sheet with"
        ' --question "..." (repeatable)'
    )
    assert "note:" not in livre_sheet(series, "Le pitch ?")[1]
    assert "note:" not in run("sheet", "twitter", "--guest", "Lou Martin")[1]


def test_the_hosts_questions_on_a_sheet_are_refused_where_they_cannot_be(series: Path) -> None:
    code, out = run("sheet", "twitter", "--guest", "Lou Martin", "--question", "Et toi ?")
    assert code == 2
    assert out.splitlines()[0] == "error: --question: twitter asks its own questions"
    for typed, said in (("Un\x1b[31m mot ?", "a control character"), ("  \n ", "empty")):
        code, out, _ = livre_sheet(series, typed)
        assert code == 2 and said in out.splitlines()[0], out
    # Edited on the way back: refused at the first line, nothing written.
    code, out, sheet = livre_sheet(series, "Le pitch ?")
    damaged = sheet.replace("asked.question-1='Le pitch ?'", "asked.question-1='Le\x07 pitch ?'")
    code, out = import_text(series, fill_sheet(damaged, {"question-1": "Dix nuits."}))
    assert code == 4, out
    assert "filled.md:1: asked.question-1: a control character in the question" in out
    assert not list((series / "interviews").glob("*.toml"))


def test_a_questionnaire_with_no_fixed_question_has_a_sheet_of_the_hosts(series: Path) -> None:
    write_questionnaire = series / "questionnaires" / "carte.toml"
    write_questionnaire.write_text(
        'id = "carte"\ntitle = "Carte blanche : {guest}"\nregisters = ["tu"]\n', encoding="utf-8"
    )
    code, out = run("sheet", "carte", "--guest", "Lou Martin", "--host", "Stéphane")
    assert code == 2 and "--question" in out, out
    code, out = run(
        "sheet", "carte", "--guest", "Lou Martin", "--host", "Stéphane", "-q", "Ton livre ?",
        "-o", str(series / "carte.md"),
    )  # fmt: skip
    assert code == 0, out
    sheet = (series / "carte.md").read_text(encoding="utf-8")
    code, out = import_text(series, fill_sheet(sheet, {"question-1": "Un roman."}))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.status == "complete"
    assert [(a.id, a.value, a.followup) for a in interview.answers] == [
        ("question-1", "Un roman.", True)
    ]


def test_a_second_sheet_of_the_hosts_questions_goes_on_after_the_first(series: Path) -> None:
    """A second sheet's question-1 would have been taken for a new answer to the
    interview's question-1: it is numbered after the guest's interview's, and its
    answers come after theirs."""
    code, out, sheet = livre_sheet(series, "Le pitch ?", "La suite ?")
    first = fill_sheet(sheet, {"motivation": "L’envie.", "question-1": "Dix nuits."})
    assert import_text(series, first)[0] == 0
    code, out, sheet = livre_sheet(series, "Et les ferries ?")
    assert code == 0, out
    assert "## Q2 [question-3]\n\n**Et les ferries ?**" in sheet

    (series / "second.md").write_text(fill_sheet(sheet, {"question-3": "Bientôt."}), "utf-8")
    code, out = run("import", str(series / "second.md"), "--update", "lou-martin")

    assert code == 0, out
    interview = only_interview(series)
    assert [(a.id, a.question, a.value, a.followup) for a in interview.answers[1:]] == [
        ("question-1", "Le pitch ?", "Dix nuits.", True),
        ("question-2", "La suite ?", None, True),
        ("question-3", "Et les ferries ?", "Bientôt.", True),
    ]


def test_the_hosts_questions_take_no_fixed_questions_id(series: Path) -> None:
    """A questionnaire naming a question "question-1": the host's first is question-2."""
    (series / "questionnaires" / "carte.toml").write_text(
        'id = "carte"\ntitle = "Carte : {guest}"\nregisters = ["tu"]\nopen = true\n\n'
        '[[questions]]\nid = "question-1"\ntext = "Ton livre ?"\n',
        encoding="utf-8",
    )
    out_file = series / "carte.md"
    code, out = run("sheet", "carte", "--guest", "Lou", "-q", "Et après ?", "-o", str(out_file))
    assert code == 0, out
    sheet = out_file.read_text(encoding="utf-8")
    assert "## Q1 [question-1]" in sheet and "## Q2 [question-2]\n\n**Et après ?**" in sheet
    code, out = import_text(
        series, fill_sheet(sheet, {"question-1": "Un roman.", "question-2": "Rien."})
    )
    assert code == 0, out
    assert [(a.id, a.followup) for a in only_interview(series).answers] == [
        ("question-1", False),
        ("question-2", True),
    ]


BOUNDED = """
id = "bornes"
title = "Bornes : {guest}"

[[questions]]
id = "conseil"
type = "long"
text = "Un conseil ?"
validation = { min_words = 5 }

[[questions]]
id = "annees"
type = "number"
text = "Depuis combien d’années ?"
validation = { min = 1, max = 60 }

[[questions]]
id = "pseudo"
type = "text"
text = "Ton pseudo ?"
validation = { pattern = "@?\\\\w{1,15}", message = "Un pseudo Twitter : 15 lettres au plus." }
"""


def test_a_sheet_tells_the_rules_an_answer_must_pass(series: Path) -> None:
    """An answer out of bounds is refused on import, and the import writes nothing: the
    sheet said nothing of a minimum of words, and the guest had to be written to again."""
    (series / "questionnaires" / "bornes.toml").write_text(BOUNDED, encoding="utf-8")
    assert run("sheet", "bornes", "--guest", "Inès Roy", "-o", str(series / "b.md"))[0] == 0
    sheet = (series / "b.md").read_text(encoding="utf-8")
    assert "_Au moins 5 mots._" in sheet
    assert "_Au moins 1. Au plus 60._" in sheet
    assert "_Un pseudo Twitter : 15 lettres au plus._" in sheet  # told by its message
    answers = {"conseil": "Écouter avant de parler, toujours.", "annees": "12", "pseudo": "@ines"}
    (series / "b-filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "b-filled.md"))
    assert code == 0, out
    assert only_interview(series).values() == {  # the notes are the sheet's, not the answers'
        "conseil": "Écouter avant de parler, toujours.",
        "annees": 12,
        "pseudo": "@ines",
    }


@pytest.mark.parametrize(
    "where",
    ["", "\n## FIN\n\nVoici mes réponses : 1. Depuis 2009.\n"],
    ids=["blank", "below-the-end"],
)
def test_a_sheet_with_no_answer_is_refused_not_imported_empty(series: Path, where: str) -> None:
    """Imported with exit 0 as an empty draft, the guest's answers (written below the end
    line) in a warning: the sheet as it should have come then needed --update."""
    sheet = make_sheet(series).replace("\n## FIN\n", where or "\n## FIN\n", 1)
    code, out = import_text(series, sheet)
    said = " ".join(out.split())
    assert code == 8, out
    assert "filled.md: no answer under its questions; nothing was written" in said
    assert ("“Voici mes réponses : 1. Depuis 2009.”" in said) == bool(where)  # said, still
    assert interview_files(series) == []


def test_import_dates_the_interview_as_new_does(series: Path) -> None:
    """An imported interview was dated the day of the import, another command away from
    its publication day (which names a Jekyll post's file)."""
    (series / "filled.md").write_text(fill_sheet(make_sheet(series), ANSWERS), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"), "--date", "jeudi 7 avril 2011")
    assert code == 0, out
    assert only_interview(series).date == dt.date(2011, 4, 7)
    assert run("import", str(series / "filled.md"), "--date", "2011-13-01", "--new")[0] == 2
    code, out = run(
        "import", str(series / "filled.md"), "--update", "lea-martin", "--date", "2011-04-08"
    )
    assert code == 2
    assert "jeudis edit lea-martin --date 2011-04-08" in out


def zhang_wei_sheet(series: Path) -> Path:
    """A sheet sent to 张伟, filled in, as it came back."""
    code, out = run(
        "sheet", "twitter", "--guest", "张伟", "--register", "vous", "--gender", "m",
        "--host", "Stéphane", "-o", str(series / "sheet.md"),
    )  # fmt: skip
    assert code == 0, out
    filled = series / "filled.md"
    filled.write_text(fill_sheet((series / "sheet.md").read_text("utf-8"), ANSWERS), "utf-8")
    return filled


def test_a_sheet_of_a_name_of_no_latin_letter_is_said_and_slug_names_it(
    series: Path, invoke: Invoke
) -> None:
    """张伟's sheet made invite.toml, its post invite.html, with no word of it and, unlike
    `new`, no --slug to name it otherwise."""
    filled = zhang_wei_sheet(series)
    result = invoke("import", str(filled))
    named = invoke("import", str(filled), "--new", "--slug", "zhang-wei")

    assert result.exit_code == 0, result
    assert (
        "note: 张伟: no letter of the name goes into a file's name; the interview is invite,"
        " and so its post's address (--slug names a new one otherwise: --slug zhang-wei)"
    ) in result.stderr.splitlines()
    assert named.exit_code == 0, named
    assert "no letter" not in named.stderr
    assert "jeudis export zhang-wei" in named.stdout
    assert load_interview(series / "interviews" / "zhang-wei.toml").guest == "张伟"
    assert interview_files(series) == ["invite.toml", "zhang-wei.toml"]


@pytest.mark.parametrize("slug", ["Zhang Wei", "zhang_wei", "../x", "con", "-x", "a" * 61])
def test_a_sheets_slug_jeudis_would_not_make_is_refused_as_news_is(
    series: Path, invoke: Invoke, slug: str
) -> None:
    filled = zhang_wei_sheet(series)
    result = invoke("import", str(filled), "--slug", slug)
    new = invoke("new", "twitter", "--guest", "张伟", "--slug", slug, "--data-file", "-")

    assert result.exit_code == ExitCode.USAGE, result
    assert result.stderr == new.stderr  # the same message and hint
    assert "a slug is lowercase letters a-z and digits, words joined by -" in result.stderr
    assert list((series / "interviews").glob("*.toml")) == []


def test_slug_is_refused_with_update(series: Path, invoke: Invoke) -> None:
    """The interview updated keeps its file's name, and its post's address."""
    filled = zhang_wei_sheet(series)
    assert invoke("import", str(filled), "--slug", "zhang-wei").exit_code == 0
    result = invoke("import", str(filled), "--update", "zhang-wei", "--slug", "wei")

    assert result.exit_code == ExitCode.USAGE, result
    assert "--slug names a new interview: the one updated keeps its own" in result.stderr
    assert interview_files(series) == ["zhang-wei.toml"]
