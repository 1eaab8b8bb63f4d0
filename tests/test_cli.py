"""The command line in process: what each reading command prints, and how it exits."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from export_helpers import copy_example
from jeudis.errors import ExitCode
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from support import AGAIN_TOML, ANSWERS_TOML, REPO, Invoke, interview_files, write

GILLES_KLEIN = [
    "Depuis combien de temps utilisez-vous Twitter ?",
    "Combien avez-vous de followers ?",
    "Quelle(s) utilisation(s) faites-vous de Twitter ?",
    "Qu’est-ce que le fait de tweeter vous apporte ? Qu’est-ce que cela a changé dans votre organisation ? Dans votre vie de tous les jours ? Dans votre travail ?",
    "Quel a été votre premier tweet ?",
    "Quel sera votre dernier tweet 😉 ?",
    "Quel est votre meilleur souvenir sur twitter (une rencontre, un événement, autre…) ?",
    "Quel(s) conseil(s) donneriez-vous à ceux qui démarrent ?",
    "Comment voyez-vous l’avenir de Twitter ?",
    "Préférez-vous Twitter ou Facebook ?",
    "Vous considérez-vous comme un twittos influent ?",
    "Si vous deviez choisir une personne qui ne vous suit pas encore mais que vous adoreriez avoir parmi vos followers, ce serait qui ?",
    "Question inverse, par qui ne souhaiteriez-vous surtout pas être suivi ?",
]

FADHILA_BRAHIMI = [
    "Depuis combien de temps utilises-tu Twitter ?",
    "Combien as-tu de followers ?",
    "Quelle(s) utilisation(s) fais-tu de Twitter ?",
    "Qu’est-ce que le fait de tweeter t’apporte ? Qu’est-ce que cela a changé dans ton organisation ? Dans ta vie de tous les jours ? Dans ton travail ?",
    "Quel a été ton premier tweet ?",
    "Quel sera ton dernier tweet 😉 ?",
    "Quel est ton meilleur souvenir sur twitter (une rencontre, un événement, autre…) ?",
    "Quel(s) conseil(s) donnerais-tu à ceux qui démarrent ?",
    "Comment vois-tu l’avenir de Twitter ?",
    "Préfères-tu Twitter ou Facebook ?",
    "Te considères-tu comme une twittos influente ?",
    "Si tu devais choisir une personne qui ne te suit pas encore mais que tu adorerais avoir parmi tes followers, ce serait qui ?",
    "Question inverse, par qui ne souhaiterais-tu surtout pas être suivie ?",
]


# -- inspect -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("register", "gender", "expected"),
    [("vous", "m", GILLES_KLEIN), ("tu", "f", FADHILA_BRAHIMI)],
    ids=["gilles-klein", "fadhila-brahimi"],
)
def test_inspect_json_is_the_seed_word_for_word(
    invoke: Invoke, register: str, gender: str, expected: list[str]
) -> None:
    result = invoke("inspect", "twitter", "--register", register, "--gender", gender, "--json")

    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert [q["text"] for q in data["questions"]] == expected
    assert [q["number"] for q in data["questions"]] == list(range(1, 14))
    assert (data["id"], data["register"], data["gender"]) == ("twitter", register, gender)


def test_inspect_with_a_guest_gives_the_post_title(invoke: Invoke) -> None:
    result = invoke("inspect", "twitter", "--register", "vous", "--gender", "m", "--guest",
                    "Gilles Klein", "--json")  # fmt: skip
    assert json.loads(result.stdout)["title"] == (
        "Interview Twitter de Gilles Klein [Les Jeudis Twitter]"
    )


def test_inspect_in_the_terminal(invoke: Invoke) -> None:
    result = invoke("inspect", "twitter", "--register", "tu", "--gender", "f")

    assert result.exit_code == 0, result
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "Interview Twitter de {guest} [Les Jeudis Twitter]  (twitter v1, tu, f)"
    assert " 1. Depuis combien de temps utilises-tu Twitter ?  text" in lines
    assert " 2. Combien as-tu de followers ?  text · matches (?s).*[0-9].*" in lines
    assert "    Un nombre (par exemple 9 200), avec quelques mots autour si tu veux." in lines
    assert "11. Te considères-tu comme une twittos influente ?  long" in lines


def test_inspect_wraps_a_long_question_under_its_text(invoke: Invoke) -> None:
    out = invoke("inspect", "twitter", "--register", "tu", env={"COLUMNS": "80"}).stdout
    lines = [line.rstrip() for line in out.splitlines()]
    start = lines.index(
        " 4. Qu’est-ce que le fait de tweeter t’apporte ? Qu’est-ce que cela a changé"
    )
    assert lines[start + 1].startswith("    dans ton organisation ?")  # under the text


def test_inspect_ends_no_line_in_spaces(invoke: Invoke, series: Path) -> None:
    """A choice's line and a help's are shorter than their question: rich padded them."""
    write(
        series / "questionnaires" / "outils.toml",
        'id = "outils"\nversion = 1\ntitle = "Outils : {guest}"\n'
        '[[questions]]\nid = "editeur"\ntype = "choice"\ntext = "Quel éditeur utilises-tu ?"\n'
        'help = "Un seul."\nchoices = ["Vim", "Emacs"]\n'
        '[[questions]]\nid = "langages"\ntype = "multi"\ntext = "Quels langages ?"\n'
        'choices = ["C", "Rust"]\n',
    )
    out = invoke("inspect", "outils").stdout

    assert "\n   Vim / Emacs\n" in out and "\n   C / Rust\n" in out
    assert "\n   Un seul.\n" in out
    assert [line for line in out.splitlines() if line != line.rstrip()] == []
    data = json.loads(invoke("inspect", "outils", "--json").stdout)
    assert [q["choices"] for q in data["questions"]] == [["Vim", "Emacs"], ["C", "Rust"]]


def test_inspect_shows_the_hosts_part_and_what_entree_gives(invoke: Invoke, series: Path) -> None:
    """An author reviewing a questionnaire saw neither its fields (the host's part, which
    the post's intro and photo come from) nor a question's default or placeholder."""
    write(
        series / "questionnaires" / "podcast.toml",
        'id = "podcast"\ntitle = "{guest}"\nregisters = ["you"]\nlanguage = "en"\n'
        '[[fields]]\nid = "site"\ntype = "url"\ntext = "{guest}\'s site"\nrequired = false\n'
        '[[questions]]\nid = "mic"\ntype = "yesno"\ntext = "A mic of your own?"\n'
        "default = true\n"
        '[[questions]]\nid = "show"\ntext = "Your show?"\nplaceholder = "{first_name}\'s show"\n',
    )
    out = invoke("inspect", "podcast", "--guest", "Kim Lee", env={"COLUMNS": "100"}).stdout
    data = json.loads(invoke("inspect", "podcast", "--guest", "Kim Lee", "--json").stdout)

    assert "The host's part, before the guest's:\n  site Kim Lee's site  url · optional\n" in out
    assert "1. A mic of your own?  yesno · default Yes\n" in out
    assert [f["id"] for f in data["fields"]] == ["site"]
    assert data["questions"][0]["default"] == "Yes"
    assert data["questions"][1]["placeholder"] == "Kim's show"


def test_inspect_names_the_rules_an_answer_must_pass(invoke: Invoke, series: Path) -> None:
    """The host reads what a guest's answer is checked against, as each type checks it:
    a rule its type never applies (``min`` on a ``long``) is not shown as if it were."""
    write(
        series / "questionnaires" / "regles.toml",
        'id = "regles"\nversion = 1\ntitle = "Règles : {guest}"\n'
        '[[questions]]\nid = "reseaux"\ntype = "multi"\ntext = "Quels réseaux ?"\n'
        'choices = ["A", "B", "C"]\nvalidation = { min = 2 }\n'
        '[[questions]]\nid = "bio"\ntype = "long"\ntext = "Qui es-tu ?"\n'
        "validation = { min_words = 20, max_words = 300, min = 10 }\n"
        '[[questions]]\nid = "pseudo"\ntype = "text"\ntext = "Ton pseudo ?"\n'
        'validation = { pattern = "@?[a-z]+", max_length = 1 }\n'
        '[[questions]]\nid = "age"\ntype = "number"\ntext = "Ton âge ?"\n'
        "validation = { min = 0 }\n"
        '[[questions]]\nid = "un"\ntype = "multi"\ntext = "Un seul ?"\nrequired = false\n'
        'choices = ["A", "B"]\nvalidation = { max = 1 }\n'
        '[[questions]]\nid = "abonnes"\ntype = "number"\ntext = "Tes abonnés ?"\n'
        "validation = { min = 0, max = 1000000 }\n",
    )
    out = invoke("inspect", "regles", env={"COLUMNS": "100"}).stdout
    data = json.loads(invoke("inspect", "regles", "--json").stdout)

    assert "1. Quels réseaux ?  multi · at least 2 choices" in out
    assert "2. Qui es-tu ?  long · 20 to 300 words\n" in out
    assert "3. Ton pseudo ?  text · matches @?[a-z]+ · at most 1 character\n" in out
    assert "4. Ton âge ?  number · ≥ 0\n" in out
    assert "5. Un seul ?  multi · optional · at most 1 choice\n" in out
    assert "6. Tes abonnés ?  number · 0 to 1,000,000\n" in out  # was 1000000
    assert data["questions"][1]["rules"] == ["20 to 300 words"]
    # A script reads the file's own table, the rule no type applies too.
    assert data["questions"][1]["validation"] == {"min_words": 20, "max_words": 300, "min": 10}
    assert data["questions"][2]["validation"] == {"pattern": "@?[a-z]+", "max_length": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--gender", "x"], "error: --gender 'x': use f or m"),
        (["--register", "il"], 'error: --register il: twitter is worded for "tu" and "vous"'),
    ],
)
def test_inspect_refuses_bad_options(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("inspect", "twitter", *args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == message


def test_inspect_an_unknown_questionnaire(invoke: Invoke) -> None:
    result = invoke("inspect", "twiter")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.startswith("error: no questionnaire 'twiter' (known: ")
    assert result.stderr.splitlines()[1] == "hint: did you mean twitter?"
    assert "Traceback" not in result.output


def test_an_unknown_questionnaire_like_none_says_where_they_are(invoke: Invoke) -> None:
    result = invoke("new", "podcast", "--guest", "Gilles Klein")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.splitlines() == [
        "error: no questionnaire 'podcast' (known: livre, twitter)",
        "hint: `jeudis questionnaires` lists them; add yours to questionnaires/",
    ]


# -- questionnaires ------------------------------------------------------------------


def test_questionnaires_json(invoke: Invoke, series: Path) -> None:
    result = invoke("questionnaires", "--json")

    assert result.exit_code == 0, result
    by_id = {q["id"]: q for q in json.loads(result.stdout)}
    twitter = by_id["twitter"]
    assert twitter["path"] == str(series / "questionnaires" / "twitter.toml")
    assert not twitter["bundled"]
    assert (twitter["questions"], twitter["style"], twitter["problem"]) == (13, "numbered", None)
    assert twitter["title"] == "Interview Twitter de {guest} [Les Jeudis Twitter]"


def test_questionnaires_table(invoke: Invoke) -> None:
    result = invoke("questionnaires")
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[0].split() == ["Id", "Title", "Questions", "Style", "File"]
    assert any(line.startswith("twitter ") for line in result.stdout.splitlines())


def test_a_questionnaire_whose_questions_are_written_live_says_so(invoke: Invoke) -> None:
    """livre asks one question, then the host writes the others: "1" question, and
    `inspect` showing that one alone, read as an interview of one question."""
    table = invoke("questionnaires").stdout.splitlines()
    assert " 1 + live  " in next(line for line in table if line.startswith("livre "))
    assert " 13  " in next(line for line in table if line.startswith("twitter "))
    shown = invoke("inspect", "livre").stdout.splitlines()
    assert shown[-2:] == ["", "Then the host writes each question live (open = true)."]
    assert "live" not in invoke("inspect", "twitter").stdout
    assert json.loads(invoke("inspect", "livre", "--json").stdout)["open"] is True
    listed = json.loads(invoke("questionnaires", "--json").stdout)
    assert [(q["id"], q["open"]) for q in listed] == [("livre", True), ("twitter", False)]


# -- new: --data-file, and no terminal ----------------------------------------------------


def test_new_with_a_data_file(invoke: Invoke, series: Path, tmp_path: Path) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--register", "vous",
                    "--gender", "m", "--host", "Stéphane", "--date", "2011-03-10",
                    "--data-file", data)  # fmt: skip

    assert result.exit_code == 0, result
    path = series / "interviews" / "gilles-klein.toml"
    assert result.stdout.splitlines() == [  # no blank line first: no session screen above
        f"Saved: {path}",
        "Publish it: jeudis export gilles-klein -o gilles-klein.md",
    ]
    saved = load_interview(path)
    assert saved.status == "complete"
    assert (saved.guest, saved.host, saved.date.isoformat()) == ("Gilles Klein", "Stéphane",
                                                                 "2011-03-10")  # fmt: skip
    assert [a.question for a in saved.answers] == GILLES_KLEIN
    assert saved.answer("followers").value == "9 200"  # type: ignore[union-attr]
    assert saved.answer("utilisations").value == (  # type: ignore[union-attr]
        "Trois usages :\n\n- la veille ;\n- le partage ;\n- les rencontres 😉"
    )
    text = path.read_text(encoding="utf-8")
    assert 'answer = """\nTrois usages :\n\n- la veille ;\n' in text

    # The same answers again (a script run twice, a CI job): nothing written, where
    # gilles-klein-2 was made and published beside it. Another answer is another interview.
    again = ["new", "twitter", "--guest", "Gilles Klein", "--register", "vous", "--gender", "m"]
    same = invoke(*again, "--data-file", data)
    assert same.exit_code == 0, same
    assert same.stdout == "gilles-klein holds these answers already; nothing was written\n"
    assert [p.name for p in interview_files(series)] == ["gilles-klein.toml"]
    other = write(tmp_path / "other.toml", ANSWERS_TOML.replace("9 200", "9 300"))
    assert invoke(*again, "--data-file", other).exit_code == 0
    assert [p.name for p in interview_files(series)] == [
        "gilles-klein-2.toml",
        "gilles-klein.toml",
    ]
    assert load_interview(path).host == "Stéphane", "the first interview is untouched"


def test_the_command_to_publish_a_long_named_guest_is_one_line(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Cut at the terminal's width, its second half pasted alone ran as a command."""
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    guest = "Marie-Christine de La Tour d’Auvergne-Lauraguais"

    result = invoke("new", "twitter", "--guest", guest, "--data-file", data)

    assert result.exit_code == 0, result
    slug = "marie-christine-de-la-tour-d-auvergne-lauraguais"
    assert result.stdout.splitlines()[-2:] == [
        f"Saved: {series / 'interviews' / slug}.toml",
        f"Publish it: jeudis export {slug} -o {slug}.md",
    ]


def test_new_with_a_data_file_naming_a_photo_file(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    (tmp_path / "gilles.png").write_bytes(b"png")
    data = write(
        tmp_path / "answers.toml",
        ANSWERS_TOML.replace("[answers]", f'photo = "{tmp_path / "gilles.png"}"\n\n[answers]'),
    )

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code == 0, result
    assert result.stderr == "photo copied into the series: images/gilles-klein.png\n"
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.fields["photo"] == "images/gilles-klein.png"
    assert (series / "images" / "gilles-klein.png").read_bytes() == b"png"


@pytest.mark.parametrize(
    ("photo", "why"),
    [("{tmp}/typo/gilles.png", "no such file"), ("images/nosuch.png", "no such file")],
)
def test_new_with_a_data_file_naming_no_photo_there_says_so(
    invoke: Invoke, series: Path, tmp_path: Path, photo: str, why: str
) -> None:
    """A mistyped path was kept without a word, and the post published with no photo:
    the host learnt of it at the next export, or never."""
    given = photo.format(tmp=tmp_path)
    data = write(
        tmp_path / "answers.toml",
        ANSWERS_TOML.replace("[answers]", f'photo = "{given}"\n\n[answers]'),
    )
    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)
    assert result.exit_code == 0, result
    assert result.stderr == (
        f"warning: gilles-klein: photo {given}: {why}; a post shows none"
        " (`jeudis edit gilles-klein --fields` to mend it)\n"
    )


@pytest.mark.parametrize("tables", ["", '[answers]\nfollowers = "9 200"\n'])
def test_answers_and_fields_written_outside_their_table_are_said_so(
    invoke: Invoke, series: Path, tmp_path: Path, tables: str
) -> None:
    """Each was "unknown key", and said again among the answers missing."""
    data = write(
        tmp_path / "answers.toml",
        'depuis-quand = "2007"\nsite = "https://gilles.example"\nguest = "G"\n' + tables,
    )

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code == ExitCode.MISSING_ANSWERS
    said = result.stderr.splitlines()
    fix = "move it under [answers]" if tables else "put a line [answers] above it"
    assert said[1:4] == [
        f"  {data}:1: depuis-quand: an answer outside [answers], where answers are read: {fix}",
        (
            f"  {data}:2: site: a field outside [fields], where fields are read:"
            " put a line [fields] above it"
        ),
        f"  {data}:3: guest: unknown key: a data file holds [fields] and [answers]",
    ]
    missing = said[4].removeprefix(f"  {data}: ").split(": ")[1].split(", ")
    assert "depuis-quand" not in missing and missing[0] == (
        "utilisations" if tables else "followers"
    )
    assert not (series / "interviews" / "gilles-klein.toml").exists()


def test_a_data_file_s_problems_are_said_one_to_a_line_in_the_file_s_order(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = write(
        tmp_path / "answers.toml",
        'guest = "Gilles Klein"\n\n[fields]\nsite = "pas une adresse"\n\n[answers]\n'
        'depuis-quand = "2007"\nfollowers = "beaucoup"\ninconnue = "?"\n',
    )

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code == ExitCode.MISSING_ANSWERS
    said = result.stderr.splitlines()
    assert said[:5] == [
        f"error: {data}: 15 problems:",
        f"  {data}:1: guest: unknown key: a data file holds [fields] and [answers]",
        f"  {data}:4: fields.site: Une adresse complète est attendue, qui commence par https://",
        f"  {data}:8: answers.followers: Un nombre de followers, par exemple 9 200.",
        f"  {data}:9: answers.inconnue: no such question in twitter",
    ]  # in the file's order, as `jeudis check` says them (line 9 came before 4 and 8)
    assert said[5].startswith(f"  {data}: 11 answers missing: utilisations, apport,")
    assert said[6:] == [
        "hint: fix the data file and run the command again; no interview was written"
    ]
    assert interview_files(series) == []


def test_fields_missing_from_a_data_file_are_listed_as_answers_missing_are(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Each was "fields.book_title: Une réponse est nécessaire.", at no line of the file."""
    data = write(tmp_path / "answers.toml", '[fields]\nbook_url = ""\n\n[answers]\n')

    result = invoke("new", "livre", "--guest", "Ann Lee", "--host", "Bob", "--data-file", data)

    assert result.exit_code == ExitCode.MISSING_ANSWERS
    assert result.stderr.splitlines()[:3] == [
        f"error: {data}: 3 problems:",
        f"  {data}: 2 fields missing: book_title, book_url",
        f"  {data}: 1 answer missing: motivation",
    ]
    wrong = write(tmp_path / "wrong.toml", '[fields]\nbook_title = "T"\nbook_url = "x y"\n')
    said = invoke("new", "livre", "--guest", "Ann Lee", "--host", "Bob", "--data-file", wrong)
    assert said.stderr.splitlines()[1].startswith(f"  {wrong}:3: fields.book_url: ")
    assert interview_files(series) == []


def test_new_with_missing_answers_lists_them_all_in_one_error(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = write(
        tmp_path / "answers.toml", '[answers]\ndepuis-quand = "2007"\nfollowers = "9 200"\n'
    )

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code == ExitCode.MISSING_ANSWERS
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    missing = (
        "utilisations, apport, premier-tweet, dernier-tweet, meilleur-souvenir, conseils,"
        " avenir, twitter-ou-facebook, influence, follower-reve, pas-suivi"
    )
    assert errors == [f"error: {data}: 11 answers missing: {missing}"]
    assert "hint: fix the data file and run the command again; no interview was written" in (
        result.stderr
    )
    assert interview_files(series) == []


@pytest.mark.parametrize(
    ("content", "message", "code"),
    [
        ("[answers\n", ("error: {data}:1:9: invalid TOML: Expected ']' at the end of a table "
                       "declaration"), ExitCode.INVALID_FILE),
        # As an unknown key in it is (8), not a usage error (2).
        ("answers = 3\n", "error: {data}: expected [fields] and [answers] tables",
         ExitCode.MISSING_ANSWERS),
    ],
)  # fmt: skip
def test_new_with_a_broken_data_file(
    invoke: Invoke, series: Path, tmp_path: Path, content: str, message: str, code: int
) -> None:
    data = write(tmp_path / "answers.toml", content)
    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)
    assert result.exit_code == code
    assert result.stderr.splitlines()[0] == message.format(data=data)
    assert "jeudis check" not in result.stderr  # it lints the series' files, not this one
    assert interview_files(series) == []


def test_new_with_a_missing_data_file(invoke: Invoke, tmp_path: Path) -> None:
    """Not found (3), as a missing interview is; no hint about fixing a line."""
    missing = tmp_path / "nope.toml"
    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", missing)
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr == f"error: {missing}: no such file\n"


def test_new_reads_the_data_file_from_standard_input(invoke: Invoke, series: Path) -> None:
    """``--data-file -`` is standard input, as for any file option (it said '-: no such file')."""
    result = invoke(
        "new", "twitter", "--guest", "Gilles Klein", "--data-file", "-", input=ANSWERS_TOML
    )
    assert result.exit_code == 0, result
    [path] = interview_files(series)
    assert load_interview(path).answer("followers").value == "9 200"  # type: ignore[union-attr]

    broken = invoke(
        "new", "twitter", "--guest", "Gilles Klein", "--data-file", "-", input="[answers\n"
    )
    assert broken.exit_code == ExitCode.INVALID_FILE
    assert broken.stderr.startswith("error: <stdin>:1:9: invalid TOML")
    assert interview_files(series) == [path]


def test_new_without_a_terminal_points_to_data_file(invoke: Invoke, series: Path) -> None:
    result = invoke("new", "twitter", "--guest", "Gilles Klein", input="Depuis 2007\n")

    assert result.exit_code == ExitCode.NO_TERMINAL
    assert result.stderr.splitlines() == [
        "error: the live session needs a terminal (standard input is not one)",
        (
            "hint: to fill an interview without a terminal, pass --data-file answers.toml,"
            " or send the guest an answer sheet by email (`jeudis sheet`)"
        ),
    ]
    assert interview_files(series) == []


@pytest.mark.parametrize(
    ("command", "hint"),
    [
        (
            ["resume", "brouillon"],
            (
                "hint: answer the rest in a terminal, or by email: an answer sheet (`jeudis sheet`)"
                " taken in with `jeudis import SHEET --update brouillon`"
            ),
        ),
        (["edit", "brouillon"], "hint: without a terminal: --question ID --answer-file FILE"),
    ],
)
def test_resume_and_edit_without_a_terminal_say_what_they_take(
    invoke: Invoke, series: Path, command: list[str], hint: str
) -> None:
    """Not --data-file, which only `new` takes."""
    copy_example(series)
    draft = (series / "interviews" / "amelie-roux.toml").read_text(encoding="utf-8")
    (series / "interviews" / "brouillon.toml").write_text(
        draft.replace('status = "complete"', 'status = "draft"'), encoding="utf-8"
    )
    result = invoke(*command, input="x\n")
    assert result.exit_code == ExitCode.NO_TERMINAL, result
    assert result.stderr.splitlines()[1] == hint


@pytest.mark.parametrize("command", ["inspect", "new", "sheet"])
def test_a_register_an_english_questionnaire_has_not_is_said_plainly(
    invoke: Invoke, series: Path, command: str
) -> None:
    """It said "this questionnaire knows you", which reads as a remark to the host."""
    write(
        series / "questionnaires" / "books.toml",
        'id = "books"\ntitle = "Books: {guest}"\nlanguage = "en"\nregisters = ["you"]\n\n'
        '[[questions]]\nid = "about"\ntype = "text"\ntext = "Who are you?"\n',
    )
    guest = [] if command == "inspect" else ["--guest", "Ann Lee"]
    result = invoke(command, "books", *guest, "--register", "tu")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == 'error: --register tu: books is worded for "you" only'
    assert interview_files(series) == []


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["--guest", "  "], "error: the guest's name is empty"),
        (["--guest", "X", "--gender", "n"], "error: --gender 'n': use f or m"),
        (["--guest", "X", "--register", "il"],
         'error: --register il: twitter is worded for "tu" and "vous"'),
        (["--guest", "X", "--date", "31/02/2011"], "error: --date '31/02/2011' is not a date"),
        # In the host's words: it said "8 avril 2011 was a vendredi".
        (["--guest", "X", "--date", "jeudi 8 avril 2011"],
         "error: --date 'jeudi 8 avril 2011': April 8, 2011 was a Friday"),
    ],
)  # fmt: skip
def test_new_refuses_bad_options_before_anything_is_written(
    invoke: Invoke, series: Path, args: list[str], first_line: str
) -> None:
    result = invoke("new", "twitter", *args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == first_line
    assert interview_files(series) == []


# A colour, a terminal's title, C1's CSI, DEL; a tab and line breaks: a name is one line.
# A right-to-left override or isolate left open turns the page's title around after it.
CONTROLLED_NAMES = ["Zoé\x1b[31m", "Zoé\x1b]0;titre\x07", "Zoé\x9b31m", "Zo\x7fé", "Zoé\tMartin",
                    "Zoé\nMartin", "Zoé\rMartin", "Zoé\u202eMartin", "Zoé \u2067Martin"]  # fmt: skip


@pytest.mark.parametrize("name", CONTROLLED_NAMES)
@pytest.mark.parametrize("option", ["--guest", "--host"])
@pytest.mark.parametrize("command", ["new", "sheet"])
def test_a_name_with_a_control_character_is_refused_never_stored(
    invoke: Invoke, series: Path, tmp_path: Path, command: str, option: str, name: str
) -> None:
    """It was stored as typed: the terminal and the exports strip it when they show it,
    the answer sheet sent to the guest had it raw, and a newline broke its first line."""
    names = {"--guest": "Zoé Martin", "--host": "Stéphane", option: name}
    args = [arg for pair in names.items() for arg in pair]
    sheet = tmp_path / "zoe.md"
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    more = ["--data-file", str(data)] if command == "new" else ["-o", str(sheet)]

    result = invoke(command, "twitter", *args, *more)

    assert result.exit_code == ExitCode.USAGE, result
    assert result.stderr.splitlines() == [
        f"error: {option}: a control character in the name",
        f'hint: pass {option} "First Last", on one line',
    ]
    assert interview_files(series) == []
    assert not sheet.exists()


def test_init_refuses_a_name_with_a_control_character(invoke: Invoke, tmp_path: Path) -> None:
    """A host's name in jeudis.toml reaches every interview; the blog's was written raw
    into the starter questionnaire, which then did not read."""
    for option in ("--host", "--blog"):
        result = invoke("init", tmp_path / "mardis", option, "Les Mardis\x1b[1m")

        assert result.exit_code == ExitCode.USAGE, result
        assert result.stderr.splitlines()[0] == f"error: {option}: a control character in the name"
        assert not (tmp_path / "mardis").exists()


def test_a_reworded_question_with_a_control_character_is_refused(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    assert invoke("new", "twitter", "--guest", "Zoé", "--data-file", data).exit_code == 0
    [path] = interview_files(series)
    text = path.read_bytes()

    refused = invoke("edit", "zoe", "-q", "avenir", "--reword", "Et \x1b[31mdemain ?")

    assert refused.exit_code == ExitCode.USAGE, refused
    assert refused.stderr == "error: --reword: a control character in the wording\n"
    assert path.read_bytes() == text
    folded = invoke("edit", "zoe", "-q", "avenir", "--reword", "Et\r\n\tdemain ?")
    assert folded.exit_code == 0, folded  # line breaks and tabs are spaces in a wording
    assert load_interview(path).answer("avenir").question == "Et demain ?"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("guest", "slug"),
    [
        ("../../etc", "etc"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("🎉🎉", "invite"),
        ("Jean " * 60, "jean-" * 11 + "jean"),
    ],
)
def test_hostile_guest_names_make_safe_files(
    invoke: Invoke, series: Path, tmp_path: Path, guest: str, slug: str
) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    result = invoke("new", "twitter", "--guest", guest, "--data-file", data)

    assert result.exit_code == 0, result
    [path] = interview_files(series)
    assert path.name == f"{slug}.toml"
    assert load_interview(path).guest == " ".join(guest.split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.toml", "series"]


# -- list ----------------------------------------------------------------------------


@pytest.fixture
def three(invoke: Invoke, series: Path, tmp_path: Path) -> None:
    """Two complete interviews and a draft, of two questionnaires."""
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    for guest, date in (("Gilles Klein", "2011-03-10"), ("Fadhila Brahimi", "2011-03-17")):
        assert invoke("new", "twitter", "--guest", guest, "--date", date,
                      "--data-file", data).exit_code == 0  # fmt: skip
    write(
        series / "interviews" / "laurent-flores.toml",
        """format = 1
questionnaire = "livre"
title = "Un livre, un auteur : Laurent Florès"
slug = "laurent-flores"
guest = "Laurent Florès"
register = "tu"
date = 2011-03-24
status = "draft"
created = 2011-03-24 09:00:00+00:00

[[answers]]
id = "motivation"
type = "long"
question = "Qu’est-ce qui t’a motivé ?"
answer = "L’envie."
""",
    )


@pytest.mark.usefixtures("three")
def test_list_json_filters(invoke: Invoke) -> None:
    everything = json.loads(invoke("list", "--json").stdout)
    assert [(s["slug"], s["status"], s["answered"]) for s in everything] == [
        ("laurent-flores", "draft", 1),
        ("fadhila-brahimi", "complete", 13),
        ("gilles-klein", "complete", 13),
    ]
    drafts = json.loads(invoke("list", "--status", "draft", "--json").stdout)
    assert [s["slug"] for s in drafts] == ["laurent-flores"]
    complete = json.loads(invoke("list", "--status", "complete", "--json").stdout)
    assert [s["slug"] for s in complete] == ["fadhila-brahimi", "gilles-klein"]
    twitter = json.loads(invoke("list", "--questionnaire", "twitter", "--json").stdout)
    assert [s["guest"] for s in twitter] == ["Fadhila Brahimi", "Gilles Klein"]
    assert json.loads(invoke("list", "-q", "livre", "--status", "complete", "--json").stdout) == []


def test_json_escapes_what_a_terminal_acts_on_and_reads_the_same(
    series: Path, invoke: Invoke
) -> None:
    """U+009B opens a control sequence in xterm as ESC [ does: JSON left it raw, where
    it escapes the 7-bit controls, so `list --json` on a screen ran a guest's sequence."""
    from export_helpers import make_interview

    guest = "Eve\x9b2J\x85Nuit\u2028Jour é 🙂"
    make_interview(series, "eve", guest=guest)

    result = invoke("list", "--json")

    assert result.exit_code == 0, result
    assert not set(result.stdout) & {"\x9b", "\x85", "\u2028"}
    assert "\\u009b2J\\u0085Nuit\\u2028Jour é 🙂" in result.stdout
    assert [s["guest"] for s in json.loads(result.stdout)] == [guest]


@pytest.mark.usefixtures("three")
def test_list_table(invoke: Invoke) -> None:
    result = invoke("list")
    assert result.exit_code == 0, result
    rows = [line.split("  ") for line in result.stdout.splitlines()]
    cells = [[c.strip() for c in row if c.strip()] for row in rows]
    assert cells == [
        ["Interview", "Guest", "Questionnaire", "Date", "Status", "Answers"],
        ["laurent-flores", "Laurent Florès", "livre", "2011-03-24", "draft", "1"],  # and more
        ["fadhila-brahimi", "Fadhila Brahimi", "twitter", "2011-03-17", "complete", "13/13"],
        ["gilles-klein", "Gilles Klein", "twitter", "2011-03-10", "complete", "13/13"],
    ]


@pytest.mark.pty
@pytest.mark.usefixtures("three")
@pytest.mark.parametrize("columns", [80, 60, 40])
def test_list_and_questionnaires_fit_a_narrow_terminal(series: Path, columns: int) -> None:
    """On a terminal, rows as wide as the longest title or name were cut by the terminal
    in the middle of a word (twitter's title made `questionnaires` 110 cells wide): a
    name or title is cut with "…", then the least needed columns left out; a slug or
    an id never. A pipe still gets whole lines (test_list_table)."""
    import pexpect

    def shown(command: str) -> list[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        child = pexpect.spawn(
            str(Path(sys.executable).parent / "jeudis"), [command], env=env,
            dimensions=(40, columns), encoding="utf-8", timeout=15,
        )  # fmt: skip
        out = child.read()
        child.close()
        assert child.exitstatus == 0, out
        return out.replace("\r\n", "\n").splitlines()

    listed, forms = shown("list"), shown("questionnaires")

    assert all(len(line) <= columns for line in listed + forms), listed + forms
    assert [row.split()[0] for row in listed[1:]] == [
        "laurent-flores", "fadhila-brahimi", "gilles-klein"]  # fmt: skip
    assert [row.split()[0] for row in forms[1:3]] == ["livre", "twitter"]
    assert ("Questionnaire" in listed[0]) == (columns >= 80)
    assert ("[Les Jeudis Twitter]" in forms[2]) == (columns > 100)
    # The descriptions under the table are wrapped between words.
    assert "twitter:" in " ".join(forms) and not any(line.endswith("Twi") for line in forms)


def test_list_empty_and_bad_status(invoke: Invoke) -> None:
    empty = invoke("list")
    assert empty.exit_code == 0
    assert empty.stdout == (
        "No interviews yet. Start one with jeudis new QUESTIONNAIRE --guest NAME.\n"
    )
    bad = invoke("list", "--status", "published")
    assert bad.exit_code == ExitCode.USAGE
    assert bad.stderr.splitlines()[0] == (
        "error: --status 'published': use draft, complete, withdrawn, broken or refused"
    )


# -- show ----------------------------------------------------------------------------

HOSTILE = r'''format = 1
questionnaire = "twitter"
series = "Les Jeudis \u001b]0;pwned-series\u0007Twitter"
title = "Interview \u001b]0;pwned-title\u0007de Gilles"
slug = "hostile"
guest = "\u001b]0;pwned\u0007Gilles \u001b[31mKlein\u001b[0m"
register = "vous\u001b[5m"
host = "Stéphane\u001b[2J"
date = 2011-03-10
status = "complete"
created = 2011-03-10 09:00:00+00:00
notes = "note \u001b[31mprivée"

[fields]
"site\u001b[31m" = "https://example.org\u001b[31m"
intro = "Chapeau \u001b]8;;https://evil.example\u001b\\lien\u001b]8;;\u001b\\ fin"

[[answers]]
id = "depuis-quand"
type = "text"
question = "Depuis \u001b[31mquand ?"
answer = "Rouge \u001b[31mvif\u001b[0m, C1 \u009b31m, cloche \u0007, retour\rchariot"

[[answers]]
id = "utilisations"
type = "long"
question = "Quelle(s) utilisation(s) faites-vous de Twitter ?"
answer = """
Trois usages :

- la **veille** ;
- le partage ;
- les rencontres 😉
"""
'''


def test_show_neutralizes_terminal_escapes(invoke: Invoke, series: Path) -> None:
    write(series / "interviews" / "hostile.toml", HOSTILE)

    result = invoke("show", "hostile")

    assert result.exit_code == 0, result
    out = result.stdout
    for forbidden in ("\x1b", "\x07", "\x9b", "\r", "pwned"):
        assert forbidden not in out, repr(forbidden)
    assert "Gilles Klein · 2011-03-10 · vous · host: Stéphane" in out
    assert "Rouge vif, C1 , cloche , retour\N{SYMBOL FOR CARRIAGE RETURN}chariot" in out
    assert "1. Depuis quand ?" in out
    assert "site: https://example.org" in out
    assert "note privée" in out
    list_out = invoke("list").stdout
    assert "\x1b" not in list_out
    assert "\x07" not in list_out


def test_show_prints_a_guests_brackets_backslashes_and_colons_as_written(
    invoke: Invoke, series: Path
) -> None:
    """Rich read ":fire:" in a name as an emoji code (🔥) and "\\[" outside a tag as "[":
    the header said "Emma 🔥 Roy" of a guest whose name the file says otherwise."""
    hostile = re.sub(r"(?m)^guest = .*$", r"guest = 'Emma :fire: \\[Roy]'", HOSTILE)
    write(series / "interviews" / "hostile.toml", hostile)

    out = invoke("show", "hostile").stdout

    assert "Emma :fire: \\[Roy] · 2011-03-10" in out
    assert "🔥" not in out


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30))
@example("a \\[ b")
@example("\\\\[b]x[/b] \\[/dim]")
@example("C:\\temp\\")
@example("[bold]x[/bold] [#f00]y :fire:")
@example("\\\\")
def test_markup_escape_shows_any_text_as_it_is(text: str) -> None:
    """Alone, or inside a style's tags as the commands print guest text."""
    from rich.console import Console

    from jeudis.textsafe import markup_escape

    console = Console(emoji=False)
    assert console.render_str(markup_escape(text)).plain == text
    assert console.render_str(f"[dim]{markup_escape(text)}[/dim]").plain == text


def test_a_questionnaire_id_holding_escapes_is_refused_safely(invoke: Invoke, series: Path) -> None:
    """Not a questionnaire's id (it names files): refused, and the message is inert."""
    write(
        series / "interviews" / "hostile.toml",
        HOSTILE.replace(
            'questionnaire = "twitter"', 'questionnaire = "twitter\\u001b]0;pwned\\u0007"'
        ),
    )

    for command in (["show", "hostile"], ["export", "hostile"], ["check"]):
        result = invoke(*command)
        assert result.exit_code in (4, 5), (command, result)
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "questionnaire must be a questionnaire's id" in result.output
        assert "Traceback" not in result.output


def test_show_renders_markdown(invoke: Invoke, series: Path) -> None:
    write(series / "interviews" / "hostile.toml", HOSTILE)
    out = invoke("show", "hostile").stdout
    assert "2. Quelle(s) utilisation(s) faites-vous de Twitter ?" in out
    assert "Trois usages :" in out
    assert "• la veille ;" in out
    assert "• les rencontres 😉" in out
    assert "**" not in out


def test_show_prints_the_html_a_guest_wrote_as_the_post_does(invoke: Invoke, series: Path) -> None:
    """``show`` printed "Nina alert(1)" and left a ``<div>`` line out: the host proof-read
    what the post does not show, the post printing them as text (raw HTML is off)."""
    copy_example(series)
    answer = "Nina <script>alert(1)</script> et <b>gras</b>.\n\n<div>bloc</div>\n\nFin."
    edited = invoke("edit", "amelie-roux", "-q", "apport", "--answer-file", "-", input=answer)
    assert edited.exit_code == 0, edited

    out = invoke("show", "amelie-roux", env={"COLUMNS": "120"}).stdout

    assert "Nina <script>alert(1)</script> et <b>gras</b>." in out
    assert "<div>bloc</div>" in out and "Fin." in out
    post = invoke("export", "amelie-roux", "--fragment").stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in post and "&lt;div&gt;bloc&lt;/div&gt;" in post


def test_show_and_compare_print_an_answer_of_a_megabyte_as_written(
    invoke: Invoke, series: Path
) -> None:
    """A megabyte of short paragraphs pasted: rich laid them out for minutes, in `show` and in
    `compare`'s panel. `show` prints such an answer as written, wrapped between words
    and indented, its Markdown unread; `compare` its beginning, and where the rest is."""
    pasted = "\n\n".join(f"**mot** {n}" for n in range(12_000))  # 150 kB
    interview = Interview(
        questionnaire="twitter", guest="Anne", slug="anne", title="Anne", register="tu",
        status="complete",
        answers=[Answer.given_now("apport", "long", "Ça t’apporte ?", pasted)],
    )  # fmt: skip
    write(series / "interviews" / "anne.toml", interview.to_toml())

    shown = invoke("show", "anne", env={"COLUMNS": "60"}).stdout.splitlines()

    at = shown.index("1. Ça t’apporte ?")
    assert shown[at + 1 : at + 4] == ["  **mot** 0", "", "  **mot** 1"]
    assert "  **mot** 11999" in shown
    compared = invoke("compare", "twitter", "apport", env={"COLUMNS": "80"}).stdout
    assert "(all of it: jeudis show anne)" in " ".join(compared.replace("│", " ").split())
    assert "11999" not in compared


def test_show_lists_what_was_pasted_with_its_bullets(invoke: Invoke, series: Path) -> None:
    """As the post lists it: shown as stored, the lines ran into one."""
    interview = Interview(
        questionnaire="twitter", guest="Anne", slug="anne", title="Anne", register="tu",
        fields={"intro": "Au menu :\n• un\n• deux"},
        answers=[Answer.given_now("usages", "long", "Tes usages ?", "Trois :\n•\tla veille\n◦ le partage")],
    )  # fmt: skip
    write(series / "interviews" / "anne.toml", interview.to_toml())
    lines = [line.strip() for line in invoke("show", "anne").stdout.splitlines() if line.strip()]
    at = lines.index("1. Tes usages ?")
    assert lines[at + 1 : at + 4] == ["Trois :", "• la veille", "• le partage"]
    assert lines[lines.index("Au menu :") + 1 :][:2] == ["• un", "• deux"]


def test_show_reads_an_answer_as_its_post_does(invoke: Invoke, series: Path) -> None:
    """A yes/no read "non", a date "2009-05-01", a list "a, b": the post says "Non",
    "1er mai 2009" and lists it."""
    interview = Interview(
        questionnaire="twitter", guest="Anne", slug="anne", title="Anne", register="tu",
        answers=[
            Answer.given_now("lu", "yesno", "As-tu lu le livre ?", False),
            Answer.given_now("depuis", "date", "Depuis quand ?", dt.date(2009, 5, 1)),
            Answer.given_now("reseaux", "multi", "Tes réseaux ?", ["Twitter", "Mastodon"]),
        ],
    )  # fmt: skip
    write(series / "interviews" / "anne.toml", interview.to_toml())
    out = invoke("show", "anne").stdout
    shown = [line.strip() for line in out.splitlines() if line.strip()]
    assert shown[shown.index("1. As-tu lu le livre ?") + 1] == "Non"
    assert shown[shown.index("2. Depuis quand ?") + 1] == "1er mai 2009"
    lines = out.splitlines()
    at = lines.index("3. Tes réseaux ?")  # the list right under it, as a paragraph is
    assert [line.strip() for line in lines[at + 1 : at + 3]] == ["• Twitter", "• Mastodon"]


def test_show_a_draft_says_how_the_rest_is_asked(invoke: Invoke, series: Path) -> None:
    """A draft showed its answers and stopped: the questions still to ask are not in
    the file, and nothing said the interview was not all there."""
    interview = Interview(
        questionnaire="twitter", guest="Anne", slug="anne", title="Anne", register="tu",
        answers=[Answer.given_now("depuis-quand", "text", "Depuis quand ?", "2009")],
    )  # fmt: skip
    write(series / "interviews" / "Anne Roux.toml", interview.to_toml())
    out = invoke("show", "Anne Roux").stdout
    assert out.splitlines()[-1] == (
        "A draft, 1 answer given: the rest is asked by jeudis resume 'Anne Roux'"
    )
    interview.status = "complete"
    write(series / "interviews" / "Anne Roux.toml", interview.to_toml())
    assert "A draft" not in invoke("show", "Anne Roux").stdout


def test_show_wraps_the_intro_and_closing_words_whole_under_their_names(
    invoke: Invoke, series: Path
) -> None:
    copy_example(series)
    out = invoke("show", "elise-garnier", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    intro = lines.index("intro:")
    assert lines[intro + 1].startswith("  Le premier livre d’Élise Garnier")
    assert lines[intro + 1].rstrip().endswith(" aux")  # a word is not cut at the edge
    assert "closing:" in lines and "  https://www.example.com/vendre-sans-vitrine" in out
    assert "book_title: Vendre sans vitrine" in lines  # a short field stays on its line


def complete(invoke: Invoke, line: str, shell: str = "bash", **env: str) -> list[str]:
    """What the shell is offered for the last word of ``line``, one per line."""
    words = line.split(" ")
    variables = {"_JEUDIS_COMPLETE": f"complete_{shell}", **env}
    if shell == "bash":
        variables |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        variables |= {"_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = invoke(env=variables)
    assert result.exit_code == 0 and "Traceback" not in result.stderr, result
    return [line for line in result.stdout.splitlines() if line]


def test_the_shell_completes_slugs_drafts_and_questionnaire_ids(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    copy_example(series)
    draft = series / "interviews" / "brouillon.toml"
    draft.write_text(
        (series / "interviews" / "amelie-roux.toml")
        .read_text(encoding="utf-8")
        .replace('status = "complete"', 'status = "draft"')
        .replace('guest = "Amélie Roux"', 'guest = "Eve\\u001b[31m\\nRouge"'),
        encoding="utf-8",
    )
    assert complete(invoke, "jeudis export cl") == ["claire-fontaine"]
    assert complete(invoke, "jeudis show m") == ["mathieu-durand"]
    assert complete(invoke, "jeudis resume ") == ["brouillon"]  # drafts only
    assert complete(invoke, "jeudis new ") == ["livre", "twitter"]
    assert complete(invoke, "jeudis inspect t") == ["twitter"]
    # With a name for each (fish, zsh): the guest's, made one safe line.
    offered = complete(invoke, "jeudis edit b", shell="fish")
    assert offered == ["brouillon\tEve Rouge"]  # no escape sequence, no line break
    # Another series with --dir; none at all: nothing offered, no error.
    other = tmp_path / "other"
    (other / "interviews").mkdir(parents=True)
    (other / "interviews" / "zoe.toml").write_bytes(draft.read_bytes())
    assert complete(invoke, f"jeudis export -C {other} ") == ["zoe"]
    assert complete(invoke, f"jeudis export -C {tmp_path / 'none'} ") == []
    # A name the shell would split, or a terminal would run, is not offered.
    (other / "interviews" / "deux\nfaux.toml").write_bytes(draft.read_bytes())
    (other / "interviews" / "a b.toml").write_bytes(draft.read_bytes())
    (other / "interviews" / "x;touch$(id).toml").write_bytes(draft.read_bytes())
    (other / "interviews" / "*.toml").write_bytes(draft.read_bytes())
    (other / "interviews" / "élise.toml").write_bytes(draft.read_bytes())
    questionnaire = (series / "questionnaires" / "twitter.toml").read_text(encoding="utf-8")
    (other / "questionnaires").mkdir()
    (other / "questionnaires" / "x\x1b]0;titre\x07.toml").write_text(questionnaire)
    assert complete(invoke, f"jeudis export -C {other} ") == ["élise", "zoe"]  # begun together
    assert complete(invoke, f"jeudis new -C {other} ") == ["livre", "twitter"]  # bundled ones


def test_the_shell_offers_no_interview_the_commands_refuse(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """A link leading out of the series was offered as any interview, and show, edit and
    resume then refused it; a file that does not read is offered, for naming it is how
    a command says what is wrong with it."""
    copy_example(series)
    interviews = series / "interviews"
    draft = (interviews / "amelie-roux.toml").read_text(encoding="utf-8")
    draft = draft.replace('status = "complete"', 'status = "draft"')
    (interviews / "brouillon.toml").write_text(draft, encoding="utf-8")
    elsewhere = tmp_path / "other" / "interviews" / "ailleurs.toml"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_text(draft, encoding="utf-8")
    (interviews / "ailleurs.toml").symlink_to(elsewhere)
    (interviews / "abime.toml").write_text("guest = \n", encoding="utf-8")
    assert "refused" in invoke("list").stdout  # as list shows it
    for command in ("show", "edit", "export"):
        assert sorted(complete(invoke, f"jeudis {command} a")) == ["abime", "amelie-roux"]
    assert sorted(complete(invoke, "jeudis resume ")) == ["abime", "brouillon"]
    assert invoke("show", "ailleurs").exit_code == ExitCode.INVALID_FILE


def test_the_shell_completes_template_names(invoke: Invoke, series: Path) -> None:
    assert complete(invoke, "jeudis templates po") == ["post.html", "post.md"]
    assert complete(invoke, "jeudis templates post.html po") == ["post.md"]  # not twice
    assert complete(invoke, "jeudis templates --copy s") == ["sitemap.xml", "style.css"]


def test_the_shell_completes_the_question_to_compare(invoke: Invoke, series: Path) -> None:
    copy_example(series)
    assert complete(invoke, "jeudis compare twitter ")[:3] == [
        "depuis-quand", "followers", "utilisations"
    ]  # fmt: skip
    assert complete(invoke, "jeudis compare livre ") == ["motivation"]  # the rest asked live
    assert complete(invoke, "jeudis compare twitter --question fo") == [
        "followers", "follower-reve"
    ]  # fmt: skip
    offered = complete(invoke, "jeudis compare twitter -q depuis", shell="fish")
    assert offered == ["depuis-quand\tDepuis combien de temps utilises-tu Twitter ?"]
    assert complete(invoke, "jeudis compare inconnu ") == []  # no questionnaire: nothing
    # edit --question: the interview's answers, each with its question as asked, one
    # short line (typer wrapped a long one onto a line the shell took for a candidate).
    assert complete(invoke, "jeudis edit amelie-roux -q follower", shell="fish") == [
        "followers\tCombien as-tu de followers ?",
        "follower-reve\tSi tu devais choisir une personne qui ne te suit pas encore…",
    ]
    assert complete(invoke, "jeudis edit elise-garnier --question q") == [
        "question-1", "question-2", "question-3"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "offered"),
    [("jeudis export --flavor ", ["hugo", "jekyll", "zola", "pelican", "mkdocs"]),
     ("jeudis export --flavor j", ["jekyll"]), ("jeudis export -f ", ["md", "html", "wxr"]),
     ("jeudis compare twitter -f ", ["md", "html"]), ("jeudis compare twitter --flavor p", ["pelican"]),
     ("jeudis list --status ", ["draft", "complete", "withdrawn", "broken", "refused"]), ("jeudis list -q ", ["livre", "twitter"]),
     ("jeudis new twitter --gender ", ["f", "m"]), ("jeudis new twitter --register ", ["tu", "vous"]),
     ("jeudis sheet livre --register v", ["vous"]), ("jeudis inspect twitter --register ", ["tu", "vous"]),
     ("jeudis edit amelie-roux --register ", ["tu", "vous"]), ("jeudis new --register ", []),
     ("jeudis edit nobody --register ", [])],
)  # fmt: skip
def test_the_shell_completes_an_options_values(
    invoke: Invoke, series: Path, line: str, offered: list[str]
) -> None:
    """Tab after --flavor offered the folder's files."""
    copy_example(series)
    assert complete(invoke, line) == offered


def test_a_description_the_shell_is_offered_is_shown_as_written(
    invoke: Invoke, series: Path
) -> None:
    """typer renders it as rich markup: a guest named "Ana [/b] Roux" stopped completion
    in a MarkupError, and "[bold]" vanished."""
    copy_example(series)
    path = series / "interviews" / "amelie-roux.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Amélie Roux"', '"Ana [/b] Roux [bold]x"'), encoding="utf-8")
    for shell, said in (("fish", "amelie-roux\tAna [/b] Roux [bold]x"),
                        ("zsh", '"amelie-roux":"Ana [/b] Roux [bold]x"')):  # fmt: skip
        assert said in "".join(complete(invoke, "jeudis show am", shell=shell))


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_set_up_by_python_m_jeudis_completes_jeudis(shell: str, tmp_path: Path) -> None:
    """`python -m jeudis --install-completion` set completion up for "python -m jeudis":
    bash's script registered the commands python, -m and jeudis, each Tab then running
    `env ... _PYTHON _M JEUDIS_COMPLETE=...` (env: '_PYTHON': No such file)."""
    env = {**os.environ, "HOME": str(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    command = [sys.executable, "-m", "jeudis", "--show-completion", shell]
    shown = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert "_JEUDIS_COMPLETE" in shown.stdout
    assert "python" not in shown.stdout.lower()
    assert "_M " not in shown.stdout
    if shell == "bash":
        assert shown.stdout.rstrip().endswith("complete -o default -F _jeudis_completion jeudis")
    command = [sys.executable, "-m", "jeudis", "--install-completion", shell]
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    assert written
    for path in written:
        assert "python" not in str(path)
        assert "python" not in (tmp_path / path).read_text(encoding="utf-8").lower()


def test_a_commands_completion_option_refused_names_the_program_as_it_was_run() -> None:
    """Jeudis's completion options after a command are refused, by click, under the name
    it was run by: "Usage: jeudis list", printed for `python -m jeudis list`, was no
    command to type."""
    command = [sys.executable, "-m", "jeudis", "list", "--show-completion"]
    refused = subprocess.run(command, capture_output=True, text=True, check=False)
    assert refused.returncode == 2
    assert refused.stderr.startswith("Usage: python -m jeudis list [OPTIONS]\n"), refused.stderr


def test_compare_takes_the_question_as_its_second_word(invoke: Invoke, series: Path) -> None:
    """`jeudis compare twitter followers` said "Got unexpected extra argument"."""
    copy_example(series)
    by_option = invoke("compare", "twitter", "-q", "followers")
    for typed in (["followers"], ["2"], ["followers", "-q", "followers"]):
        result = invoke("compare", "twitter", *typed)
        assert result.exit_code == 0, result
        assert result.stdout == by_option.stdout
    both = invoke("compare", "twitter", "followers", "-q", "depuis")
    assert both.exit_code == 2
    assert both.stderr.splitlines() == [
        "error: two questions: 'followers' and --question 'depuis'",
        "hint: compare one at a time",
    ]


def test_show_an_unknown_interview_suggests(invoke: Invoke, tmp_path: Path) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    result = invoke("show", "gilles-klien")

    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.splitlines()[1] == "hint: did you mean gilles-klein?"
    # The first name alone, as a host thinks of a guest: nothing was suggested.
    for answers in (ANSWERS_TOML, AGAIN_TOML):
        invoke("new", "twitter", "--guest", "Priya Natarajan", "--data-file", "-", input=answers)
    result = invoke("export", "priya")
    assert result.stderr.splitlines()[1] == "hint: did you mean priya-natarajan, priya-natarajan-2?"


def test_show_a_broken_interview_says_where(invoke: Invoke, series: Path) -> None:
    write(series / "interviews" / "broken.toml", 'guest = "Gilles\n')
    result = invoke("show", "broken")
    assert result.exit_code == ExitCode.INVALID_FILE
    assert result.stderr.startswith(f"error: {series / 'interviews' / 'broken.toml'}:1:")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["show", "deep"], ["edit", "deep", "--fields"]])
def test_a_field_nested_hundreds_deep_is_a_message(
    invoke: Invoke, series: Path, command: list[str]
) -> None:
    """Edited by hand 900 deep: showing or saving it would recurse past Python's limit."""
    invoke(
        "new", "twitter", "--guest", "Deep", "--data-file", write(series / "a.toml", ANSWERS_TOML)
    )
    path = series / "interviews" / "deep.toml"
    text = path.read_text(encoding="utf-8")
    deep = "liens = " + "[" * 900 + "]" * 900 + "\n"
    path.write_text(text.replace("[fields]\n", "[fields]\n" + deep), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(deep.strip()) + 1

    result = invoke(*command, env={"EDITOR": "true"})

    assert result.exit_code == ExitCode.INVALID_FILE, result
    assert result.stderr == f"error: {path}:{line}: fields.liens: values nested more than 32 deep\n"


# -- resume --------------------------------------------------------------------------


def test_resume_with_nothing_to_resume(invoke: Invoke) -> None:
    result = invoke("resume")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.splitlines()[0] == "error: no draft to resume"


def test_resume_with_only_a_draft_that_does_not_read_says_so(invoke: Invoke, series: Path) -> None:
    """The host's only draft, edited by hand, no longer reads: "no draft to resume"
    sent them to `jeudis list` to look for one; it is named, with where to look."""
    write(series / "interviews" / "lea-martin.toml", 'status = "draft"\nregister = tu\n')
    result = invoke("resume")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr == (
        "error: no draft to resume\n"
        "hint: 1 interview file does not read (lea-martin): `jeudis check` says why\n"
    )


def test_resume_a_complete_interview_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)
    result = invoke("resume", "gilles-klein")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == "error: gilles-klein is already complete"


def test_resume_a_draft_without_a_terminal(invoke: Invoke, series: Path) -> None:
    write(series / "interviews" / "draft.toml", HOSTILE.replace('"complete"', '"draft"')
          .replace("twitter\\u001b]0;pwned-id\\u0007", "twitter"))  # fmt: skip
    result = invoke("resume")
    assert result.exit_code == ExitCode.NO_TERMINAL, result
    assert "--update draft" in result.stderr and "--data-file" not in result.stderr


def test_version(invoke: Invoke) -> None:
    from jeudis import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"jeudis {__version__}\n"


@pytest.mark.parametrize("folder", ["Blogs [perso]", "jeudis [/x]"])
def test_a_series_folder_with_brackets_in_its_name(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    series = tmp_path / folder
    series.mkdir(parents=True)
    monkeypatch.setenv("JEUDIS_DIR", str(series))
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code == 0, result
    path = series / "interviews" / "gilles-klein.toml"
    assert f"Saved: {path}\n" in result.stdout
    assert path.is_file()


def test_a_series_folder_that_does_not_exist_is_not_made(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo in --dir or JEUDIS_DIR would have started a series of its own."""
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    typo = tmp_path / "seires"
    for how in (["--dir", str(typo)], []):
        if not how:
            monkeypatch.setenv("JEUDIS_DIR", str(typo))
        result = invoke("new", "twitter", *how, "--guest", "Gilles Klein", "--data-file", data)
        assert result.exit_code == 3, result
        assert f"no folder {typo}" in result.stderr
    assert not typo.exists()


def test_a_series_folder_that_is_a_file_is_said_alike_from_dir_and_jeudis_dir(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--dir at a file got click's "Invalid value for '--dir' / '-C': Directory ... is
    a file." and its usage lines; JEUDIS_DIR at it, jeudis's own line and hint."""
    afile = write(tmp_path / "notes.txt", "x\n")
    said = []
    for how in (["--dir", str(afile)], []):
        if not how:
            monkeypatch.setenv("JEUDIS_DIR", str(afile))
        result = invoke("list", *how)
        assert result.exit_code != 0
        said.append(result.stderr)
    assert said[0] == said[1]
    assert said[0].splitlines()[0] == f"error: {afile} is not a folder"


def test_an_argument_typed_in_a_latin1_terminal_is_a_message(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Bytes that are not UTF-8 reach Python as stand-ins no file can hold."""
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    latin1 = b"H\xe9l\xe8ne Martin".decode("utf-8", "surrogateescape")  # as sys.argv carries it
    shown = "'H\\udce9l\\udce8ne Martin'"

    for command, told in (
        (["new", "twitter", "--guest", latin1, "--data-file", data], f"--guest {shown}"),
        (["sheet", "twitter", "--guest", latin1], f"--guest {shown}"),
        (["sheet", "twitter", "--guest", "Ana", "--host", latin1], f"--host {shown}"),
        (["compare", "twitter", "-f", "md", "--title", latin1, "-o", "r.md"], f"--title {shown}"),
        (["edit", "gilles-klein", "-q", "followers", "--reword", latin1], f"--reword {shown}"),
        (["export", "gilles-klein", "-o", f"{latin1}.html"], f"-o {shown[:-1]}.html'"),
        (["init", str(tmp_path / latin1)], repr(str(tmp_path / latin1))),
        (["check", f"{latin1}.toml"], f"{shown[:-1]}.toml'"),
    ):
        result = invoke(*command)
        assert result.exit_code == 2, result
        assert result.stderr.startswith(f"error: {told}: not UTF-8 text\n"), command
        assert "hint: set the terminal to UTF-8 (LANG=fr_FR.UTF-8)" in result.stderr
        assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written
    # A file copied from a Latin-1 system, named on the command line: renamed, not retyped.
    old_file = write(series / "interviews" / f"{latin1}.toml", "")
    renamed = invoke("show", str(old_file))
    assert renamed.exit_code == 2, renamed
    assert "hint: rename the file: jeudis reads and writes UTF-8 names" in renamed.stderr


def test_an_argument_in_utf8_that_python_could_not_read_is_read_as_utf8(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """In a locale that is not UTF-8 (LC_ALL=C, PYTHONUTF8=0), "Zoé" typed in a UTF-8
    terminal reaches Python as stand-ins, as Latin-1 does: it was refused as no UTF-8."""
    zoe = "Zoé".encode().decode("ascii", "surrogateescape")  # as sys.argv carries it there
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)

    sheet = invoke("sheet", "twitter", "--guest", zoe)
    made = invoke("new", "twitter", "--guest", zoe, "--data-file", data)

    assert sheet.exit_code == 0, sheet
    assert "guest='Zoé'" in sheet.stdout.splitlines()[0]
    assert made.exit_code == 0, made
    assert load_interview(series / "interviews" / "zoe.toml").guest == "Zoé"


@pytest.mark.skipif(sys.platform != "linux", reason="macOS names files in UTF-8 in any locale")
def test_a_file_named_in_utf8_in_a_c_locale_is_a_message(series: Path, tmp_path: Path) -> None:
    """Read as UTF-8, a name the system's encoding (ASCII) cannot hold names no file: a
    fault (UnicodeEncodeError) at the first use of the file, now said as the locale's."""
    copy_example(series)
    env = {**os.environ, "JEUDIS_DIR": str(series), "PYTHONUTF8": "0", "LC_ALL": "C"}
    jeudis = Path(sys.executable).with_name("jeudis")

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        command = [jeudis, *(a.encode() for a in args)]
        return subprocess.run(
            command, capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False
        )

    sheet = run("sheet", "twitter", "--guest", "Zoé")
    named = run("export", "claire-fontaine", "-o", "Zoé.html")

    assert (sheet.returncode, sheet.stderr) == (0, b"")
    assert "guest='Zoé'" in sheet.stdout.decode("utf-8")
    assert named.returncode == 2
    assert named.stderr.decode() == (
        "error: 'Zo\\xe9.html': no file name in this system's encoding (ascii)\n"
        "hint: set the terminal to UTF-8 (LANG=fr_FR.UTF-8)\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["series"]  # no page written


def test_list_puts_what_does_not_read_under_the_table(invoke: Invoke, series: Path) -> None:
    """One long message in a cell widened every row of a thousand-interview table."""
    copy_example(series)
    write(series / "interviews" / "cassee.toml", "guest = [\n")
    lines = invoke("list", env={"COLUMNS": "80"}).stdout.splitlines()
    assert all(len(line) <= 80 for line in lines[:-1])
    assert lines[-2].split()[-2:] == ["broken", "0/0"]
    assert lines[-1].startswith("cassee: ") and "invalid TOML" in lines[-1]
    # For a script, what the file does not say is null, not "?", "" nor 0.
    rows = {row["slug"]: row for row in json.loads(invoke("list", "--json").stdout)}
    unknown = ("guest", "questionnaire", "title", "date", "answered", "total")
    assert [rows["cassee"][key] for key in unknown] == [None] * len(unknown)
    assert rows["cassee"]["problem"].startswith("cassee.toml:1: invalid TOML")
    assert rows["claire-fontaine"]["problem"] is None


def test_list_outside_a_series_folder_says_so(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("list", "-C", tmp_path)
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.startswith(f"error: {tmp_path} is not a series folder")


@pytest.mark.parametrize("given", [["-C"], ["--dir"]])
def test_the_series_folder_may_be_named_before_the_command(
    invoke: Invoke, series: Path, tmp_path: Path, given: list[str]
) -> None:
    """`jeudis -C ~/blog list`, as git and make take it, was "No such option: -C"; the
    command's own -C still names the folder it is given."""
    copy_example(series)
    other = tmp_path / "elsewhere"
    (other / "interviews").mkdir(parents=True)
    env = {"JEUDIS_DIR": None}

    before = invoke(*given, series, "list", env=env)
    assert before.exit_code == 0, before
    assert "mathieu-durand" in before.stdout
    assert invoke(*given, other, "list", "-C", series, env=env).stdout == before.stdout
    assert invoke(f"{given[0]}={series}" if given == ["--dir"] else f"-C{series}", "list",
                  env=env).stdout == before.stdout  # fmt: skip
    outside = invoke(*given, other, "list", env=env)
    assert outside.exit_code == 0 and "mathieu-durand" not in outside.stdout


def test_inspect_shows_a_quoted_field_as_its_placeholder(invoke: Invoke, series: Path) -> None:
    """The book's title is the host's to give: shown "« {book_title} »", not "«  »"."""
    out = invoke("inspect", "livre", "--register", "tu").stdout
    assert "Tu viens de publier « {book_title} »." in " ".join(out.split())


def test_inspect_shows_the_first_name_as_its_placeholder(invoke: Invoke, series: Path) -> None:
    """A wording naming {first_name} is shown so, not as "{guest}" (the first word of the
    guest's placeholder), which the host did not write; with --guest, the first name."""
    write(
        series / "questionnaires" / "makers.toml",
        """id = "makers"
title = "Maker Mondays: {first_name}"
language = "en-GB"

[[questions]]
id = "where"
text = "Where do you teach, {first_name}? And {guest}'s pupils?"
""",
    )

    shown = invoke("inspect", "makers").stdout.splitlines()
    named = invoke("inspect", "makers", "--guest", "Hedy Lamarr", "--json").stdout

    assert shown[0].startswith("Maker Mondays: {first_name}  (makers v1, you)")
    assert "1. Where do you teach, {first_name}? And {guest}'s pupils?  text" in shown
    assert json.loads(named)["title"] == "Maker Mondays: Hedy"
    assert json.loads(named)["questions"][0]["text"] == (
        "Where do you teach, Hedy? And Hedy Lamarr's pupils?"
    )


def test_list_imports_neither_rich_nor_the_export_machinery(series: Path) -> None:
    """A listing of a thousand interviews is printed plainly: rich would cost its import,
    and the session's machinery (the questionnaires' totals came with it) its own."""
    copy_example(series)
    code = (
        "import sys\n"
        "sys.argv = ['jeudis', 'list']\n"
        "from jeudis.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = ('rich', 'jinja2', 'questionary', 'jeudis.export', 'jeudis.session')\n"
        "print('LOADED', [m for m in bad if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=series
    )
    assert "LOADED []" in done.stdout, done.stdout


def test_list_reads_the_questionnaires_only_for_a_drafts_progress(
    invoke: Invoke, series: Path
) -> None:
    """A complete interview's progress is what it was asked; a draft's counts the
    questions still ahead, from its questionnaire, which is read then only (a fifth
    of a thousand interviews' first listing)."""
    copy_example(series)
    code = (
        "import sys\n"
        "sys.argv = ['jeudis', 'list']\n"
        "from jeudis.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', 'jeudis.questionnaire' in sys.modules)\n"
    )
    run = [sys.executable, "-c", code]
    complete = subprocess.run(run, capture_output=True, text=True, check=True, cwd=series)
    path = series / "interviews" / "amelie-roux.toml"
    head, *answers = path.read_text(encoding="utf-8").split("\n[[answers]]\n")
    draft = head.replace('status = "complete"', 'status = "draft"')
    path.write_text("\n[[answers]]\n".join([draft, *answers[:2]]) + "\n", encoding="utf-8")
    with_draft = subprocess.run(run, capture_output=True, text=True, check=True, cwd=series)

    assert "LOADED False" in complete.stdout, complete.stdout
    assert "LOADED True" in with_draft.stdout, with_draft.stdout
    row = next(line for line in with_draft.stdout.splitlines() if "amelie-roux" in line)
    assert row.split()[-2:] == ["draft", "2/13"], row


def test_list_of_a_draft_of_an_open_questionnaire_gives_no_total(
    invoke: Invoke, series: Path
) -> None:
    """livre's draft with five answers read "5/5", as if done: the host writes more."""
    copy_example(series)
    path = series / "interviews" / "elise-garnier.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('status = "complete"', 'status = "draft"'), encoding="utf-8")

    lines = invoke("list", env={"COLUMNS": "100"}).stdout.splitlines()

    row = next(line for line in lines if line.startswith("elise-garnier"))
    assert row.split()[-2:] == ["draft", "5"], row


@pytest.mark.parametrize(
    ("questionnaire", "said"), [("", "is not found"), ("x = [\n", "does not read")]
)
def test_list_of_a_draft_whose_questionnaire_is_gone(
    invoke: Invoke, series: Path, questionnaire: str, said: str
) -> None:
    """Its progress was what it holds, "2/2", as if it were done."""
    copy_example(series)
    path = series / "interviews" / "amelie-roux.toml"
    head, *answers = path.read_text(encoding="utf-8").split("\n[[answers]]\n")
    draft = head.replace('status = "complete"', 'status = "draft"').replace(
        'questionnaire = "twitter"', 'questionnaire = "disparu"'
    )
    path.write_text("\n[[answers]]\n".join([draft, *answers[:2]]) + "\n", encoding="utf-8")
    if questionnaire:
        write(series / "questionnaires" / "disparu.toml", questionnaire)

    lines = invoke("list", env={"COLUMNS": "100"}).stdout.splitlines()

    row = next(line for line in lines if line.startswith("amelie-roux"))
    assert row.split()[-2:] == ["draft", "2/?"], row
    assert lines[-1] == (
        f"amelie-roux: a draft whose questionnaire 'disparu' {said}:"
        " resume cannot go on (`jeudis check` says more)"
    )
    assert all(line.split()[-1] == "13/13" for line in lines[2:4])  # the others as they were
    rows = {row["slug"]: row for row in json.loads(invoke("list", "--json").stdout)}
    assert (rows["amelie-roux"]["total"], rows["amelie-roux"]["problem"]) == (
        None,
        f"its questionnaire 'disparu' {said}",
    )
    assert rows["claire-fontaine"]["total"] == 13


def test_list_json_outside_a_series_folder_says_so_too(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("list", "--json", "-C", tmp_path)
    assert result.exit_code == ExitCode.NOT_FOUND and result.stdout == ""


@pytest.mark.parametrize("command", ["new", "sheet"])
def test_a_dialogue_needs_the_hosts_name(invoke: Invoke, series: Path, command: str) -> None:
    """Each question of a dialogue goes under the host's name: posts read "? : ..."."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires")
    args = [command, "livre", "--guest", "Anne Morel", "--gender", "f", "-F", "book_title=Mer"]
    if command == "new":
        args = [*args[:-2], "--data-file", str(series / "none.toml")]
    result = invoke(*args)
    assert result.exit_code == 2, result
    assert result.stderr.splitlines() == [
        (
            "error: livre is written as a dialogue, each question under the host's name,"
            " and no host is named"
        ),
        'hint: pass --host "First Last", or set host = "..." in jeudis.toml',
    ]
    assert interview_files(series) == []


BOOKS_BY_THE_HOST = """
id = "books"
title = "Books: {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "about"
type = "text"
text = "Who are you?"

[[questions]]
id = "read"
type = "yesno"
text = "Have you read {host}'s latest book?"
"""


@pytest.mark.parametrize("command", ["new", "sheet"])
def test_a_questionnaire_quoting_the_host_needs_the_hosts_name(
    invoke: Invoke, series: Path, command: str
) -> None:
    """With no host named, the guest was asked "Have you read 's latest book?"."""
    write(series / "questionnaires" / "books.toml", BOOKS_BY_THE_HOST)
    write(series / "answers.toml", '[answers]\nabout = "Ann"\nread = true\n')
    args = [command, "books", "--guest", "Ann Lee"]
    args += ["--data-file", str(series / "answers.toml")] if command == "new" else []
    result = invoke(*args)
    assert result.exit_code == 2, result
    assert result.stderr.splitlines() == [
        "error: books names the host ({host}, in question 2 [read]), and no host is named",
        'hint: pass --host "First Last", or set host = "..." in jeudis.toml',
    ]
    assert interview_files(series) == [] and result.stdout == ""  # no sheet either
    result = invoke(*args, "--host", "Alex Smith")
    assert result.exit_code == 0, result
    if command == "new":
        [path] = interview_files(series)
        asked = load_interview(path).answer("read")
        assert asked is not None and asked.question == "Have you read Alex Smith's latest book?"


def test_a_byte_order_mark_at_the_start_of_a_file_is_ignored(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Windows Notepad saves UTF-8 with a BOM: every file jeudis reads may start with one."""

    def with_bom(path: Path) -> Path:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        return path

    write(series / "jeudis.toml", 'blog = "Le blog"\n')
    with_bom(series / "jeudis.toml")
    with_bom(series / "questionnaires" / "twitter.toml")
    data = with_bom(write(tmp_path / "answers.toml", ANSWERS_TOML))
    made = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)
    assert made.exit_code == 0, made
    interview = with_bom(series / "interviews" / "gilles-klein.toml")

    for command in (["questionnaires"], ["list"], ["show", "gilles-klein"], ["export", "--all"]):
        result = invoke(*command)
        assert result.exit_code == 0, result
        assert "broken" not in result.stdout and "Invalid" not in result.output
    assert invoke("check").exit_code == 0
    assert "Le blog" in (series / "site" / "index.html").read_text(encoding="utf-8")
    listed = invoke("questionnaires", "--json").stdout
    assert '"id": "twitter"' in listed

    sheet = tmp_path / "sheet.md"
    assert invoke("sheet", "twitter", "--guest", "Léa Martin", "-o", sheet).exit_code == 0
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace("## Q2 ", "Mai 2009.\n\n## Q2 ", 1), "utf-8"
    )
    with_bom(sheet)
    imported = invoke("import", sheet)
    assert imported.exit_code == 0, imported
    assert interview.is_file()


def test_list_with_no_interview_matching_the_filter_says_so(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    for options in (["--questionnaire", "nope"], ["--status", "draft"]):
        result = invoke("list", *options)
        assert result.exit_code == 0, result
        assert result.stdout == "No interview matches (1 in all: `jeudis list` shows them).\n"


def test_an_output_under_a_file_says_it_is_not_a_folder(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    afile = write(tmp_path / "afile", "mine\n")
    result = invoke("export", "gilles-klein", "-o", afile / "out.html")
    assert result.exit_code != 0
    assert result.stderr.splitlines()[0] == f"error: {afile}: is a file, not a folder"
    assert afile.read_text(encoding="utf-8") == "mine\n"


def test_show_piped_gives_link_addresses_and_no_padding(invoke: Invoke, series: Path) -> None:
    """Piped, every line was padded with spaces to 80 columns, and "[son blog](url)"
    read "son blog": the address was lost."""
    copy_example(series)
    out = invoke("show", "claire-fontaine", env={"COLUMNS": "80"}).stdout
    assert not [line for line in out.splitlines() if line.endswith(" ")]
    assert "son blog\n  (https://blog.example.net/claire)." in out


def test_show_writes_an_image_in_its_place_and_an_address_once(
    invoke: Invoke, series: Path
) -> None:
    """rich drew an image before its paragraph, which then ran past the edge and lost
    its end ("et <https://…> ou" was gone); an address in <> was shown twice."""
    from export_helpers import make_interview

    path = make_interview(series, "images")
    interview = load_interview(path)
    interview.answers[0].value = (
        "Voir ![mon chat](https://ex.org/chat.jpg) et <https://ex.org/auto> ou"
        " https://ex.org/nu, ![](https://ex.org/sans-titre.png) et <zoe@example.org>."
    )
    path.write_text(interview.to_toml(), encoding="utf-8")
    for width in (60, 80, 120):
        out = invoke("show", "images", env={"COLUMNS": str(width)}).stdout
        shown = " ".join(out.split())  # unwrapped
        assert (
            "Voir [image: mon chat] (https://ex.org/chat.jpg) et https://ex.org/auto ou"
            " https://ex.org/nu, [image] (https://ex.org/sans-titre.png) et zoe@example.org."
        ) in shown, (width, out)


def test_show_a_draft_says_what_was_being_typed(invoke: Invoke, series: Path) -> None:
    from export_helpers import make_interview

    path = make_interview(series, "brouillon", status="draft")
    interview = load_interview(path)
    interview.answers[1].value = ""
    interview.pending = {"definition": "La promotion des"}
    path.write_text(interview.to_toml(), encoding="utf-8")
    out = invoke("show", "brouillon", env={"COLUMNS": "80"}).stdout.split("\nA draft, ")[0]
    assert out.endswith(  # under its question
        "C’est quoi le marketing digital ?\n"
        "  (being typed when the session paused)\n"
        "  La promotion des\n"
    )
    interview.answers[1].value = "La promotion."
    interview.pending = {"conseils": "Écouter"}  # a question not reached
    path.write_text(interview.to_toml(), encoding="utf-8")
    out = invoke("show", "brouillon", env={"COLUMNS": "80"}).stdout.split("\nA draft, ")[0]
    assert out.endswith(" being typed when the session paused (conseils) " + "─" * 16 + "\n"
                        "  Écouter\n")  # fmt: skip
    # One text a question: each shown once, in its place or under its own rule.
    interview.answers[1].value = ""
    interview.pending = {"conseils": "Écouter", "definition": "La promotion des", "avenir": "Rad"}
    path.write_text(interview.to_toml(), encoding="utf-8")
    out = invoke("show", "brouillon", env={"COLUMNS": "80"}).stdout.split("\nA draft, ")[0]
    assert out.count("La promotion des") == out.count("Écouter") == out.count("Rad") == 1
    assert "  (being typed when the session paused)\n  La promotion des\n" in out
    rule = "─" * 17 + " being typed when the session paused (avenir) " + "─" * 17
    assert out.endswith(" being typed when the session paused (conseils) " + "─" * 16 + "\n"
                        "  Écouter\n\n" + rule + "\n  Rad\n")  # fmt: skip


@pytest.mark.parametrize("width", [40, 52, 61, 72, 80])
def test_show_never_starts_a_line_on_a_french_mark(
    invoke: Invoke, series: Path, width: int
) -> None:
    """rich broke lines at the space before "?": "...dans votre organisation" / "? Dans"."""
    import re

    copy_example(series)
    for slug in ("mathieu-durand", "claire-fontaine", "elise-garnier"):
        lines = invoke("show", slug, env={"COLUMNS": str(width)}).stdout.splitlines()
        assert not [line for line in lines if re.match(r"\s*[?!;:»]", line)], slug
        assert not [line for line in lines if line.rstrip().endswith("«")], slug
        if slug == "mathieu-durand" and width == 52:
            # A question's lines past its first go under its words, not its number.
            assert "dans votre\n   organisation ? Dans votre" in "\n".join(lines)


# -- files too large, or no files at all --------------------------------------------------

TOO_LARGE = "too large (more than 10 MB, the most jeudis reads)"


def _in_a_process(series: Path, *args: str) -> tuple[int, str, str]:
    """``jeudis ARGS`` in a process of its own, with a time and a memory limit: a read
    that never ends (``/dev/zero``) fails the test instead of the machine."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    done = subprocess.run(
        [Path(sys.executable).parent / "jeudis", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
        cwd=series,
        env={**os.environ, "JEUDIS_DIR": str(series)},
        preexec_fn=limit,
    )
    return (
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
    )


@pytest.mark.parametrize(
    "args",
    [
        ["edit", "amelie-roux", "-q", "followers", "--answer-file", "/dev/zero"],
        ["import", "/dev/zero"],
        ["new", "twitter", "--guest", "Zed", "--data-file", "/dev/zero"],
    ],
    ids=["answer-file", "import", "data-file"],
)
def test_a_device_given_as_a_file_is_refused_not_read_for_ever(
    series: Path, args: list[str]
) -> None:
    copy_example(series)
    before = (series / "interviews" / "amelie-roux.toml").read_bytes()

    code, _, stderr = _in_a_process(series, *args)

    assert (code, stderr) == (ExitCode.INVALID_FILE, "error: /dev/zero: is a device, not a file\n")
    assert (series / "interviews" / "amelie-roux.toml").read_bytes() == before


def test_check_of_a_series_folder_checks_the_series(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """`jeudis check "$SERIES"`, a CI's step, said "All good." with exit 0 of a series with
    errors: it read the folder's own *.toml (a data file among them, as a questionnaire)
    and never its questionnaires/, interviews/ or templates/."""
    write(series / "interviews" / "zz.toml", "guest = \n")
    write(series / "data.toml", '[answers]\ndepuis-quand = "2009"\n')
    inside = invoke("check")

    given = invoke("check", str(series), env={"JEUDIS_DIR": str(tmp_path)})

    assert given.exit_code == inside.exit_code == ExitCode.CHECK_FAILED
    assert given.stdout == inside.stdout
    assert f"{series / 'interviews' / 'zz.toml'}:1:" in given.stdout
    assert "data.toml" not in given.stdout


@pytest.mark.parametrize(
    "args", [["compare", "twitter", "apport"], ["export", "amelie-roux"], ["list"]]
)
def test_a_reader_leaving_the_pipe_is_no_error(series: Path, args: list[str]) -> None:
    """`jeudis compare twitter apport | head -1` exited 1, with nothing said (rich's own
    handling of a pipe closed), where export and list exit 0: `set -o pipefail` failed."""
    copy_example(series)
    process = subprocess.Popen(
        [Path(sys.executable).parent / "jeudis", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    said = process.stderr.read()
    assert (process.wait(timeout=60), said) == (0, b"")


def test_check_outside_a_series_folder_says_so(invoke: Invoke, tmp_path: Path) -> None:
    """It said "…/questionnaires: error: no such file" and the same of interviews/, exit
    5, as if a series had those errors; `list` said where it was."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = invoke("check", env={"JEUDIS_DIR": str(elsewhere)})
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.splitlines()[0] == (
        f"error: {elsewhere} is not a series folder: no questionnaires/ nor interviews/ in it"
    )


def test_check_says_a_device_is_no_file(series: Path) -> None:
    code, stdout, _ = _in_a_process(series, "check", "/dev/zero")
    assert code == ExitCode.CHECK_FAILED
    assert stdout.splitlines()[0] == "/dev/zero: error: is a device, not a file"


@pytest.mark.parametrize(
    "args",
    [
        ["edit", "amelie-roux", "-q", "followers", "--answer-file", "big.md"],
        ["import", "big.md"],
        ["new", "twitter", "--guest", "Zed", "--data-file", "big.md"],
        ["check", "big.md"],
    ],
    ids=["answer-file", "import", "data-file", "check"],
)
def test_a_file_larger_than_jeudis_reads_is_refused(
    invoke: Invoke, series: Path, tmp_path: Path, args: list[str]
) -> None:
    copy_example(series)
    with (tmp_path / "big.md").open("wb") as big:
        big.truncate(10 * 2**20 + 1)  # sparse: no time spent writing it

    result = invoke(*args)

    if args[0] == "check":
        assert result.stdout.splitlines()[0] == f"big.md: error: {TOO_LARGE}"
        assert result.exit_code == ExitCode.CHECK_FAILED
    else:
        assert result.stderr == f"error: big.md: {TOO_LARGE}\n"
        assert result.exit_code == ExitCode.INVALID_FILE


def test_standard_input_larger_than_jeudis_reads_is_refused(invoke: Invoke, series: Path) -> None:
    copy_example(series)
    result = invoke(
        "edit", "amelie-roux", "-q", "followers", "--answer-file", "-", input="9" * (10 * 2**20 + 1)
    )
    assert result.stderr == f"error: <stdin>: {TOO_LARGE}\n"
    assert result.exit_code == ExitCode.INVALID_FILE


@pytest.mark.parametrize(
    "args",
    [["import", "{folder}"], ["new", "twitter", "--guest", "Zed", "--data-file", "{folder}"]],
    ids=["import", "data-file"],
)
def test_a_folder_given_as_a_file_says_so(series: Path, tmp_path: Path, args: list[str]) -> None:
    """It said "error: Is a directory: 3" (the descriptor's number), exit 1."""
    folder = tmp_path / "réponses"
    folder.mkdir()
    result = _in_a_process(series, *(a.format(folder=folder) for a in args))
    assert result[0::2] == (ExitCode.INVALID_FILE, f"error: {folder}: is a folder, not a file\n")


def test_inspect_shows_quoted_answers_the_host_and_conditions_as_written(
    invoke: Invoke, series: Path
) -> None:
    """An answer quoted reads "« {livre} »" (not "«  »"), the host is the series' own, and
    a condition is shown as the guest's language words it ("oui", not TOML's true: it
    read "if liseuse = true"), and as the questionnaire writes it in --json."""
    write(series / "jeudis.toml", 'host = "Alexis"\n')
    write(
        series / "questionnaires" / "lectures.toml",
        """id = "lectures"
title = "Les lectures de {guest}, par {host}"
registers = ["vous"]

[[questions]]
id = "livre"
text = "Quel livre lisez-vous ?"

[[questions]]
id = "liseuse"
type = "yesno"
text = "« {answer:livre} », sur liseuse ?"

[[questions]]
id = "laquelle"
text = "Laquelle ? {host} hésite."
when = { question = "liseuse", equals = true }

[[questions]]
id = "format"
type = "choice"
text = "Et d’habitude ?"
choices = ["Papier", "Liseuse"]

[[questions]]
id = "pourquoi"
text = "Pourquoi ?"
when = { question = "format", in = ["Papier"], not_equals = "Liseuse" }
""",
    )

    out = " ".join(invoke("inspect", "lectures", env={"COLUMNS": "200"}).stdout.split())
    data = json.loads(invoke("inspect", "lectures", "--json").stdout)

    assert "Les lectures de {guest}, par Alexis" in out
    assert "2. « {livre} », sur liseuse ?" in out
    assert "3. Laquelle ? Alexis hésite. text · if liseuse = oui" in out
    assert '5. Pourquoi ? text · if format = "Papier" and format ≠ "Liseuse"' in out
    assert [q["condition"] for q in data["questions"]] == [
        None, None, "liseuse = true", None, 'format ≠ "Liseuse" and in ["Papier"]',
    ]  # fmt: skip
    # For a script, the questionnaire's own keys: ``in`` as the file writes it.
    assert [q["when"] for q in data["questions"]] == [
        None,
        None,
        {"question": "liseuse", "equals": True},
        None,
        {"question": "format", "not_equals": "Liseuse", "in": ["Papier"]},
    ]


def test_inspect_words_conditions_in_the_questionnaires_language(
    invoke: Invoke, series: Path
) -> None:
    """An English questionnaire's yes reads "yes" however the file writes it ("Oui",
    true), its numbers as English writes them, `in` as alternatives, `answered` as is."""
    write(
        series / "questionnaires" / "teaching.toml",
        """id = "teaching"
title = "{guest} teaches"
language = "en"

[[questions]]
id = "teach"
type = "yesno"
text = "Do you teach?"

[[questions]]
id = "where"
text = "Where?"
when = { question = "teach", equals = "Oui" }

[[questions]]
id = "pupils"
type = "number"
text = "How many pupils?"
when = { question = "teach", not_equals = false }

[[questions]]
id = "level"
type = "choice"
text = "Which level?"
choices = ["School", "University"]
when = { question = "pupils", in = [9200, 12.5] }

[[questions]]
id = "why"
text = "Why there?"
when = { question = "level", answered = false }
""",
    )

    out = " ".join(invoke("inspect", "teaching", env={"COLUMNS": "200"}).stdout.split())
    data = json.loads(invoke("inspect", "teaching", "--json").stdout)

    assert "2. Where? text · if teach = yes" in out
    assert "3. How many pupils? number · if teach ≠ no" in out
    assert "4. Which level? choice · if pupils = 9,200 or 12.5" in out
    assert "5. Why there? text · if level not answered" in out
    assert [q["condition"] for q in data["questions"]][1:] == [
        'teach = "Oui"', "teach ≠ false", "pupils in [9200, 12.5]", "level not answered",
    ]  # fmt: skip


def test_questionnaires_say_what_each_is_for(invoke: Invoke, series: Path) -> None:
    """`description` is the questionnaire's own sentence about it: listed under the table."""
    out = invoke("questionnaires").stdout.splitlines()
    data = {q["id"]: q for q in json.loads(invoke("questionnaires", "--json").stdout)}

    said = "Chaque jeudi, un·e twittos raconte son usage de Twitter en 13 questions."
    assert data["twitter"]["description"] == said
    assert f"twitter: {said}" in out
    blank = out.index("")  # the table, then the descriptions
    assert out[blank - 1].startswith("twitter ") and out.index(f"twitter: {said}") > blank


def test_a_series_folder_that_is_something_else_is_said(series: Path, invoke: Invoke) -> None:
    """A file, or a link to nothing, in a folder's place: taken for no folder, the bundled
    questionnaire ran in place of the series' own, and check said "All good."."""
    shutil.rmtree(series / "questionnaires")
    (series / "questionnaires").write_text('id = "twitter"\n', encoding="utf-8")
    (series / "images").write_text("", encoding="utf-8")

    checked = invoke("check")

    assert checked.stdout.splitlines() == [
        f"{series / 'questionnaires'}: error: is a file, not a folder",
        "  hint: the series' own questionnaires go in a folder of this name",
        f"{series / 'images'}: warning: is a file, not a folder",
        "  hint: photos given as files elsewhere are copied into a folder of this name",
        "1 error, 1 warning",
    ]
    started = invoke("new", "twitter", "--guest", "Nina")
    assert started.stderr.startswith(
        f"error: {series / 'questionnaires'}: is a file, not a folder\n"
    )
    assert started.exit_code == ExitCode.INVALID_FILE
    shutil.rmtree(series / "interviews")
    (series / "interviews").symlink_to("gone")
    exported = invoke("export", "--all")
    assert exported.stderr.splitlines()[0] == (
        f"error: {series / 'interviews'}: a link to gone, which is not there"
    )


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Invité", 6),
        ("Zoë Ørsted Łukasz", 17),
        ("e\u0301", 1),  # a combining accent takes no column
        ("東京", 4),  # wide characters take two
        ("Ｊ", 2),  # fullwidth
        ("Nadia 🐦", 8),
    ],
)
def test_a_cell_is_as_wide_as_the_terminal_shows_it(text: str, columns: int) -> None:
    from jeudis.cli.output import _width

    assert _width(text) == columns


def test_every_character_before_the_combining_marks_takes_one_column() -> None:
    """What the quick path of the width takes for granted, checked against Unicode's data."""
    import unicodedata

    from jeudis.cli.output import _width

    for code in range(0x20, 0x300):
        char = chr(code)
        assert not unicodedata.combining(char), hex(code)
        assert unicodedata.east_asian_width(char) not in "WF", hex(code)
        assert _width(char) == 1, hex(code)


def test_a_fault_of_jeudis_is_said_in_one_line_its_details_written_down(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A bug (here planted in `list`) is no traceback: one error line, exit 1, and
    a report of the details in the temporary folder, to send with a bug report."""
    import tempfile

    import jeudis.cli
    import jeudis.errors
    from jeudis import listing

    def planted(*_: object) -> None:
        raise RuntimeError("a fault planted by the test")

    monkeypatch.setattr(listing, "summaries", planted)
    monkeypatch.setattr(jeudis.cli, "write_fault", jeudis.errors.write_fault)  # the real one
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    result = invoke("list")

    assert result.exit_code == 1
    [report] = tmp_path.glob("jeudis-fault-*.txt")
    assert result.stderr == (
        "error: a fault in jeudis stopped it (RuntimeError)\n"
        f"hint: the details, to report it: {report}\n"
    )
    details = report.read_text(encoding="utf-8")
    assert details.startswith("jeudis 0.1.0, Python ")
    assert "Traceback" in details
    assert details.endswith("RuntimeError: a fault planted by the test\n")
    assert oct(report.stat().st_mode & 0o777) == "0o600"  # the user's alone


def test_a_fault_in_a_test_is_raised_on_not_taken_for_a_refusal(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jeudis import listing

    def planted(*_: object) -> None:
        raise RuntimeError("a fault planted by the test")

    monkeypatch.setattr(listing, "summaries", planted)
    with pytest.raises(RuntimeError, match="planted"):
        invoke("list")


# A Ctrl-C (SIGINT, as the terminal sends it) while the module named is being loaded:
# loaded by Python's site before jeudis starts, as an installed sitecustomize is. Its
# handler is Python's own, as started from a terminal: a test run started in the
# background (`pytest &`) ignores SIGINT, and so would jeudis, inheriting that.
INTERRUPTED_LOADING = """
import signal
import sys

signal.signal(signal.SIGINT, signal.default_int_handler)


class Interrupting:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None


sys.meta_path.insert(0, Interrupting())
"""


@pytest.mark.parametrize("module", ["typer", "jeudis.cli.publishing"])
@pytest.mark.parametrize("start", ["script", "module"])
def test_a_ctrl_c_while_jeudis_loads_ends_it_quietly(
    series: Path, tmp_path: Path, module: str, start: str
) -> None:
    """The CLI's modules (typer's first) are loaded before :func:`jeudis.cli.main` can
    catch anything: a Ctrl-C then, as soon as the command was typed, printed a
    traceback ending in KeyboardInterrupt. It ends jeudis as a later one does."""
    copy_example(series)
    write(tmp_path / "hooks" / "sitecustomize.py", INTERRUPTED_LOADING.format(module=module))
    command = {
        "script": [Path(sys.executable).with_name("jeudis")],
        "module": [sys.executable, "-m", "jeudis"],
    }[start]

    done = subprocess.run(
        [*command, "export", "--all", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "hooks"), "JEUDIS_DIR": str(series)},
        timeout=60,
        check=False,
    )

    assert (done.returncode, done.stderr, done.stdout) == (ExitCode.INTERRUPTED, "", "")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["export", "claire-fontaine", "--format", "md"], "communication numérique"),
        (["export", "claire-fontaine", "--format", "html"], "communication numérique"),
        (["export", "--all", "--format", "wxr", "-o", "-"], "communication numérique"),
        (["sheet", "twitter", "--guest", "Zoé"], "Zoé"),
        (["compare", "twitter", "followers", "--format", "md"], "Amélie Roux"),
    ],
    ids=["md", "html", "wxr", "sheet", "roundup"],
)
def test_a_file_sent_to_standard_output_is_utf8_whatever_its_encoding(
    series: Path, args: list[str], text: str, encoding: str
) -> None:
    """A post or a sheet is a file's text, whatever it is sent into: in ASCII it held
    "num\\xe9rique", in Latin-1 a page that said charset=utf-8 was not."""
    copy_example(series)
    done = subprocess.run(
        [Path(sys.executable).with_name("jeudis"), *args],
        capture_output=True,
        env={**os.environ, "JEUDIS_DIR": str(series), "PYTHONIOENCODING": encoding},
        timeout=60,
        check=True,
    )
    assert text in done.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["list", "--json"], "Élise Garnier"),
        (["questionnaires", "--json"], "Un livre, un auteur : {guest}"),
        (["inspect", "twitter", "--json"], "Quel sera ton dernier tweet 😉 ?"),
        (["check", "--json", "interviews/réponse.toml"], "réponse.toml"),
    ],
    ids=["list", "questionnaires", "inspect", "check"],
)
def test_json_sent_to_standard_output_is_utf8_whatever_its_encoding(
    series: Path, args: list[str], text: str, encoding: str
) -> None:
    """In ASCII, "\\xc9lise" was no JSON escape: no reader took the whole."""
    copy_example(series)
    (series / "interviews" / "réponse.toml").write_text("x = [\n", encoding="utf-8")
    done = subprocess.run(
        [Path(sys.executable).with_name("jeudis"), *args],
        capture_output=True,
        env={**os.environ, "JEUDIS_DIR": str(series), "PYTHONIOENCODING": encoding},
        cwd=series,
        timeout=60,
        check=False,
    )
    assert text in json.dumps(json.loads(done.stdout.decode("utf-8")), ensure_ascii=False)


@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "elise-garnier"], ["inspect", "livre"], ["questionnaires"]],
    ids=["list", "show", "inspect", "questionnaires"],
)
def test_text_a_c_locale_cannot_hold_is_shown_degraded_not_a_fault(
    series: Path, args: list[str]
) -> None:
    """Python's standard output in a C locale writes ASCII with "surrogateescape",
    which holds no "É": the listing ended in a fault (UnicodeEncodeError)."""
    copy_example(series)
    done = subprocess.run(
        [Path(sys.executable).with_name("jeudis"), *args],
        capture_output=True,
        env={**os.environ, "JEUDIS_DIR": str(series), "PYTHONUTF8": "0", "LC_ALL": "C"},
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    if args == ["list"]:
        header, *rows = done.stdout.splitlines()
        row = next(line for line in rows if b"elise-garnier" in line)
        assert row.index(b"?lise Garnier  ") == header.index(b"Guest")  # in its column


def test_new_for_a_guest_interviewed_already_says_so(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """A second interview was made without a word: a host who meant `resume` split the
    guest's answers in two, and found out in `list`."""
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    first = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)
    assert first.exit_code == 0 and "note:" not in first.stderr, first
    draft = series / "interviews" / "gilles-klein.toml"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace('status = "complete"', 'status = "draft"'),
        encoding="utf-8",
    )
    again = invoke("new", "twitter", "--guest", "gilles  klein", "--data-file", data)
    assert again.exit_code == 0, again
    assert again.stderr.startswith(
        "note: gilles klein has an interview from twitter already: gilles-klein (draft);"
        " to go on with it instead: `jeudis resume gilles-klein`\n"
    )
    assert (series / "interviews" / "gilles-klein-2.toml").is_file()
    # The draft open in a session now (another terminal): resume would be refused.
    from jeudis.storage import session_lock

    with session_lock(draft):
        third = invoke(
            "new", "twitter", "--guest", "Gilles Klein", "--data-file", "-", input=AGAIN_TOML
        )
    assert third.exit_code == 0, third
    assert third.stderr.splitlines()[0].endswith(
        "to go on with it instead: `jeudis resume gilles-klein`, once its session open now is over"
    )


@pytest.mark.parametrize("columns", ["0", "-3", "99999999999999999999", "80x"])
def test_a_columns_no_terminal_has_is_left_to_the_terminal(series: Path, columns: str) -> None:
    """COLUMNS=0 printed nothing, errors as listings: ``check`` exited 5 naming no problem,
    ``new --data-file`` 8 naming no answer; a width past what an int holds stopped
    ``show`` in a fault (OverflowError)."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('status = "complete"\n', ""), "utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "JEUDIS_DIR": str(series), "COLUMNS": columns}
        return subprocess.run(
            [Path(sys.executable).with_name("jeudis"), *args],
            capture_output=True, text=True, env=env, timeout=60, check=False,
        )  # fmt: skip

    checked = run("check")
    shown = run("show", "amelie-roux")
    assert checked.returncode == ExitCode.CHECK_FAILED
    assert "claire-fontaine.toml" in checked.stdout and "1 error" in checked.stdout
    assert shown.returncode == 0 and "Amélie Roux" in shown.stdout, shown.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["export", "amelie-roux"],
        ["export", "--all"],
        ["compare", "twitter", "-q", "followers"],
        ["sheet", "twitter", "--guest", "Zoé"],
    ],
    ids=["export", "export-all", "compare", "sheet"],
)
def test_an_empty_output_is_refused_not_taken_for_here(
    series: Path, invoke: Invoke, args: list[str]
) -> None:
    """``-o "$OUT"`` with OUT unset: a path of no name is "." to Python, and the export
    went into the current folder ("1 file written in .")."""
    copy_example(series)
    before = sorted(p.name for p in series.iterdir())
    result = invoke(*args, "-o", "")
    assert result.exit_code == ExitCode.USAGE
    assert (
        result.stderr == "error: -o: empty\nhint: give a file, a folder, or - for standard output\n"
    )
    assert sorted(p.name for p in series.iterdir()) == before
