"""A question's id renamed: ``former_ids`` keeps the interviews made before with it."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from jeudis import starting
from jeudis.errors import SessionInterrupted
from jeudis.interview import Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from jeudis.questionnaire import Questionnaire, load_questionnaire
from jeudis.session import Session
from support import Invoke, Scripted, findings, write

V1 = """
id = "saison"
version = 1
title = "Saison : {guest}"

[[questions]]
id = "debut"
text = "Comment as-tu commencé ?"

[[questions]]
id = "premier"
type = "long"
text.tu = "Quel a été ton premier tweet ?"
text.vous = "Quel a été votre premier tweet ?"

[[questions]]
id = "outil"
text = "Ton outil préféré ?"
"""

RENAMED = V1.replace('id = "premier"', 'id = "tout-premier"').replace("version = 1", "version = 2")
# The same, its former id said.
KEPT = RENAMED.replace('id = "tout-premier"', 'id = "tout-premier"\nformer_ids = ["premier"]')


def questionnaire(series: Path, text: str) -> Questionnaire:
    return load_questionnaire(write(series / "questionnaires" / "saison.toml", text))


def interview_of(series: Path, guest: str, answers: list[str], register: str = "tu") -> Interview:
    """An interview of version 1: complete with three answers, else a draft paused at
    the question after them."""
    form = questionnaire(series, V1)
    options = starting.Options(guest=guest, register=register)
    interview = starting.prepare(Series(series), form, options)
    starting.create(Series(series), interview)
    pause = None if len(answers) == 3 else form.questions[len(answers)].id
    with contextlib.suppress(SessionInterrupted):
        Session(form, interview, Scripted(answers, pause_at=pause)).run()
    assert interview.path is not None
    return load_interview(interview.path)


def test_a_draft_resumed_after_a_rename_is_not_asked_the_question_again(
    series: Path, invoke: Invoke
) -> None:
    """Renamed, the question was asked again, empty, and the post held it twice: the
    new answer at its place, the old one at the end."""
    draft = interview_of(series, "Zoé Lambert", ["En 2009.", "Un RT."])
    form = questionnaire(series, KEPT)
    prompter = Scripted(["Un carnet."])
    assert draft.path is not None

    Session(form, load_interview(draft.path), prompter).run()

    assert prompter.asked == ["outil"]
    done = load_interview(draft.path)
    assert [(a.id, a.question, a.value) for a in done.answers] == [
        ("debut", "Comment as-tu commencé ?", "En 2009."),
        # Saved under its id now, its wording as it was asked.
        ("tout-premier", "Quel a été ton premier tweet ?", "Un RT."),
        ("outil", "Ton outil préféré ?", "Un carnet."),
    ]
    post = invoke("export", "zoe-lambert", "--format", "md").stdout.replace("\u202f", " ")
    assert [line for line in post.splitlines() if line.startswith("## ")] == [
        "## 1. Comment as-tu commencé ?",
        "## 2. Quel a été ton premier tweet ?",
        "## 3. Ton outil préféré ?",
    ]


def test_list_counts_a_draft_s_answer_under_a_former_id_once(series: Path, invoke: Invoke) -> None:
    interview_of(series, "Zoé Lambert", ["En 2009.", "Un RT."])
    questionnaire(series, KEPT)

    listed = invoke("list")

    row = next(line for line in listed.stdout.splitlines() if line.startswith("zoe-lambert"))
    assert row.split()[-1] == "2/3"


def test_resume_finds_nothing_missing_in_a_complete_interview_renamed_without_a_new_version(
    series: Path, invoke: Invoke
) -> None:
    """Without a new version, resume said the complete interview lacked the renamed
    question, made it a draft again and asked it; check said it an error."""
    interview_of(series, "Camille Petit", ["En 2009.", "Un RT.", "Un carnet."])
    questionnaire(series, KEPT.replace("version = 2", "version = 1"))

    resumed = invoke("resume", "camille-petit")

    assert resumed.exit_code == 2, resumed
    assert "camille-petit is already complete" in resumed.stderr
    assert load_interview(series / "interviews" / "camille-petit.toml").is_complete
    checked = invoke("check")
    assert checked.exit_code == 0, checked
    assert "missing" not in checked.output


@pytest.mark.parametrize("named", ["tout-premier", "premier", "2"])
def test_edit_replaces_the_answer_under_a_former_id(
    series: Path, invoke: Invoke, named: str
) -> None:
    """`edit -q tout-premier --answer-file -` on an interview of version 1 added the
    question a second time: it replaces the answer, by its id, its former one or its
    number."""
    interview_of(series, "Camille Petit", ["En 2009.", "Un RT.", "Un carnet."])
    questionnaire(series, KEPT)

    edited = invoke("edit", "camille-petit", "-q", named, "--answer-file", "-", input="Un mot.")

    assert edited.exit_code == 0, edited
    assert "answer tout-premier replaced" in edited.stdout
    done = load_interview(series / "interviews" / "camille-petit.toml")
    assert [(a.id, a.question, a.value) for a in done.answers] == [
        ("debut", "Comment as-tu commencé ?", "En 2009."),
        ("tout-premier", "Quel a été ton premier tweet ?", "Un mot."),
        ("outil", "Ton outil préféré ?", "Un carnet."),
    ]


@pytest.mark.parametrize("named", ["premier", "tout-premier"])
def test_compare_by_either_id_gathers_every_guest(series: Path, invoke: Invoke, named: str) -> None:
    """Half the guests answered under the former id, half under the new one: each
    compare showed one half."""
    interview_of(series, "Camille Petit", ["En 2009.", "Un RT.", "Un carnet."])
    questionnaire(series, KEPT)
    newer = interview_of(series, "Zoé Lambert", ["En 2010.", "Bonjour !", "Vim."])
    assert newer.answer("premier") is not None  # made with version 1: rename it by hand
    assert newer.path is not None
    text = newer.path.read_text("utf-8").replace('id = "premier"', 'id = "tout-premier"')
    write(newer.path, text.replace("questionnaire_version = 1", "questionnaire_version = 2"))
    questionnaire(series, KEPT)

    compared = invoke("compare", "saison", named)

    assert compared.exit_code == 0, compared
    assert "2 invités répondent" in compared.stdout
    assert "Un RT." in compared.stdout and "Bonjour !" in compared.stdout


def test_check_says_a_question_with_former_ids_renamed_not_dropped_and_new(
    series: Path, invoke: Invoke
) -> None:
    interview_of(series, "Camille Petit", ["En 2009.", "Un RT.", "Un carnet."])
    questionnaire(series, KEPT)

    checked = invoke("check")

    line = next(ln for ln in checked.output.splitlines() if "camille-petit.toml" in ln)
    assert "made with saison version 1, now version 2 (renamed: tout-premier (was premier))" in line
    assert "dropped" not in checked.output and "new" not in checked.output


def test_check_asks_whether_a_dropped_and_a_new_question_reading_the_same_are_one(
    series: Path, invoke: Invoke
) -> None:
    """Renamed without former_ids, check said "new: tout-premier… dropped: premier", and
    never that the two read the same. Asked in "vous", the interview's own words."""
    interview_of(series, "Camille Petit", ["En 2009.", "Un RT.", "Un carnet."], "vous")
    interview_of(series, "Zoé Lambert", ["En 2010.", "Un RT."])
    path = write(series / "questionnaires" / "saison.toml", RENAMED)

    checked = invoke("check")

    line = RENAMED.splitlines().index('id = "tout-premier"') + 1
    said = [ln for ln in findings(checked.output) if "saison.toml" in ln]
    expected = (
        f"{path}:{line}: warning: premier dropped and tout-premier new read the same: a"
        ' renamed id? add former_ids = ["premier"] to it'
    )
    assert said == [expected]


def test_check_does_not_take_a_question_worded_otherwise_for_a_renamed_one(
    series: Path, invoke: Invoke
) -> None:
    interview_of(series, "Camille Petit", ["En 2009.", "Un RT.", "Un carnet."])
    questionnaire(series, RENAMED.replace("ton premier tweet", "ton tout premier message"))

    checked = invoke("check")

    assert "read the same" not in checked.output
    assert "dropped: premier" in checked.output


@pytest.mark.parametrize(
    ("former", "said"),
    [
        ('"premier"', "former_ids must be a list of the ids the question had"),
        ('["Premier Tweet"]', "former_ids holds no question id: 'Premier Tweet'"),
        ('["outil"]', "former_ids holds 'outil', another question's id"),
        ('["tout-premier"]', "former_ids holds the question's own id 'tout-premier'"),
        ('["premier", "premier"]', "former_ids holds 'premier' twice"),
    ],
)
def test_a_former_id_that_cannot_be_one_is_refused_at_its_line(
    series: Path, invoke: Invoke, former: str, said: str
) -> None:
    text = RENAMED.replace('id = "tout-premier"', f'id = "tout-premier"\nformer_ids = {former}')
    path = write(series / "questionnaires" / "saison.toml", text)
    line = text.splitlines().index(f"former_ids = {former}") + 1

    refused = invoke("inspect", "saison")

    assert refused.exit_code != 0
    assert "Traceback" not in refused.output
    error = refused.stderr.splitlines()[0]
    assert error.startswith(f"error: {path}:{line}:") and said in error


def test_a_former_id_two_questions_say_and_one_of_a_field_are_refused(
    series: Path, invoke: Invoke
) -> None:
    text = KEPT.replace('id = "outil"', 'id = "outil"\nformer_ids = ["premier"]')
    text += '\n[[fields]]\nid = "site"\ntext = "Site ?"\nformer_ids = ["web"]\n'
    path = write(series / "questionnaires" / "saison.toml", text)
    lines = text.splitlines()

    checked = invoke("check", path)

    said = findings(checked.output)
    twice = len(lines) - lines[::-1].index('former_ids = ["premier"]')
    field = lines.index('former_ids = ["web"]') + 1
    assert any(
        s.startswith(f"{path}:{twice}: error:") and "which questions[1] names too" in s
        for s in said
    ), said
    assert any(
        s.startswith(f"{path}:{field}: error:") and "former_ids applies to questions only" in s
        for s in said
    ), said


def test_a_sheet_sent_before_the_rename_is_imported_under_the_id_now(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """A sheet mailed with ``[premier]``, back after the question was renamed: its answer
    was kept as a question no longer asked, and the renamed one left unanswered (a
    draft, "1 answer missing: tout-premier")."""
    questionnaire(series, V1)
    sheet = tmp_path / "ana.md"
    made = invoke("sheet", "saison", "--guest", "Ana Bel", "--register", "tu", "-o", str(sheet))
    assert made.exit_code == 0, made
    answers = iter(["En 2009.", "Un RT.", "Un carnet."])
    text = re.sub(
        r"(## Q\d \[[a-z-]+\]\n\n\*\*[^\n]*\*\*\n)",
        lambda question: f"{question.group()}\n{next(answers)}\n",
        sheet.read_text("utf-8"),
    )
    assert "[premier]" in text and next(answers, None) is None
    sheet.write_text(text, "utf-8")
    questionnaire(series, KEPT)

    result = invoke("import", str(sheet))

    assert result.exit_code == 0, result
    assert "missing" not in result.output and "no longer" not in result.output
    imported = load_interview(series / "interviews" / "ana-bel.toml")
    assert imported.is_complete
    assert [(a.id, a.value) for a in imported.answers] == [
        ("debut", "En 2009."),
        ("tout-premier", "Un RT."),
        ("outil", "Un carnet."),
    ]
