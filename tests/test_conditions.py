"""Answers a condition leaves out once another answer changes (:mod:`jeudis.conditions`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jeudis import conditions
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Questionnaire, load_questionnaire
from support import Invoke, write

CHAIN = """
id = "chain"
title = "Lectures de {guest}"
registers = ["tu"]

[[questions]]
id = "lu"
type = "yesno"
text = "As-tu lu le livre ?"

[[questions]]
id = "avis"
type = "long"
text = "Qu'en as-tu pensé ?"
when = { question = "lu", equals = true }
required = false

[[questions]]
id = "pourquoi"
type = "long"
text = "Pourquoi ?"
when = { question = "avis", answered = true }

[[questions]]
id = "fin"
type = "text"
text = "Un dernier mot ?"
"""


@pytest.fixture
def chain(tmp_path: Path) -> Questionnaire:
    return load_questionnaire(write(tmp_path / "chain.toml", CHAIN))


def interview_of(*answers: tuple[str, object]) -> Interview:
    return Interview(
        questionnaire="chain",
        questionnaire_version=1,
        title="Lectures d’Anne Roux",
        slug="anne-roux",
        guest="Anne Roux",
        register="tu",
        answers=[Answer.given_now(qid, "long", f"{qid} ?", value) for qid, value in answers],
    )


def test_a_question_waiting_on_an_answer_left_out_is_left_out_too(chain: Questionnaire) -> None:
    """A "Pourquoi ?" waiting on the opinion, which waits on "Oui": with "Non", neither is
    asked, though the opinion is still stored when the condition is read."""
    interview = interview_of(("lu", False), ("avis", "Beau."), ("pourquoi", "Le style."))

    assert [q.id for q in chain.asked(interview.values())] == ["lu", "fin"]
    assert conditions.not_asked(chain, interview) == ["avis", "pourquoi"]


def test_set_aside_keeps_the_text_and_what_was_being_typed(chain: Questionnaire) -> None:
    interview = interview_of(("lu", False), ("avis", "Beau."), ("fin", None))
    interview.answers[2].skipped = True
    interview.notes = "Relancer en juin."
    interview.pending = {"id": "pourquoi", "text": "Parce que"}
    interview.answers.insert(2, Answer.given_now("pourquoi", "long", "Pourquoi ?", ""))

    aside = conditions.set_aside(chain, interview, ["avis", "pourquoi"], "No longer asked")

    assert [a.id for a in interview.answers] == ["lu", "fin"]
    assert interview.pending is None
    assert interview.notes.split("\n")[0] == "Relancer en juin."
    assert interview.notes.split("\n")[2].startswith("No longer asked (")
    assert interview.notes.split("\n")[3:] == [
        "[avis] avis ? (not asked since [lu] is 'non')",
        "Beau.",
        "[pourquoi] (being typed in a paused session)",
        "Parce que",
    ]
    assert set(aside.kept) == {"avis", "pourquoi"}


def test_a_skipped_answer_set_aside_writes_no_note(chain: Questionnaire) -> None:
    interview = interview_of(("lu", False), ("avis", None))
    interview.answers[1].skipped = True

    conditions.set_aside(chain, interview, ["avis"], "No longer asked")

    assert [a.id for a in interview.answers] == ["lu"]
    assert interview.notes == ""


def test_reopen_only_a_complete_interview_that_lacks_an_answer() -> None:
    interview = interview_of(("lu", True))
    assert not conditions.reopen(interview, ["avis"])  # a draft already
    interview.status = "complete"
    assert not conditions.reopen(interview, [])
    assert interview.is_complete
    assert conditions.reopen(interview, ["avis"])
    assert interview.status == "draft" and interview.completed is None


def test_check_and_export_say_what_a_complete_file_gets_wrong_by_its_conditions(
    series: Path, invoke: Invoke
) -> None:
    """Files edited by hand (or written by an older jeudis): one says "Non" and keeps an
    opinion on the book, published unsaid; one gives the opinion and lacks "pourquoi",
    which that opinion asks, unsaid too: check and export left out every question with
    a condition."""
    write(series / "questionnaires" / "chain.toml", CHAIN)
    for slug, read, answers in (
        ("anne-roux", False, [("avis", "Un roman superbe."), ("fin", "Merci !")]),
        ("paul-roy", True, [("avis", "Trop long."), ("fin", "Au revoir.")]),
    ):
        interview = interview_of(*answers)
        interview.answers.insert(0, Answer.given_now("lu", "yesno", "As-tu lu le livre ?", read))
        interview.status, interview.slug, interview.date = "complete", slug, dt.date(2011, 5, 12)
        write(series / "interviews" / f"{slug}.toml", interview.to_toml())
    anne = series / "interviews" / "anne-roux.toml"

    checked = invoke("check", str(anne), str(series / "interviews" / "paul-roy.toml"))

    assert checked.exit_code == 5, checked  # problems found
    said = " ".join(checked.output.split())
    line = anne.read_text(encoding="utf-8").splitlines().index('id = "avis"') + 1
    assert (
        f"anne-roux.toml:{line}: warning: answers.avis: answered, but not asked since [lu] is"
        " 'non': its post publishes it all the same"
    ) in said
    assert (
        "paul-roy.toml: error: status: complete, but required answers are missing: pourquoi" in said
    )
    assert "anne-roux.toml: error" not in said  # its "pourquoi" is not asked
    for slug, warning in (
        ("anne-roux", "published, though its questionnaire's conditions leave them out: avis"),
        ("paul-roy", "complete, but required answers are missing: pourquoi"),
    ):
        exported = invoke("export", slug, "--format", "md")
        assert exported.exit_code == 0, exported
        assert f"warning: {slug}: {warning} (`jeudis check`)" in " ".join(exported.stderr.split())


def test_a_question_waiting_on_one_not_asked_says_so(
    chain: Questionnaire, series: Path, invoke: Invoke
) -> None:
    """A "Non", and an opinion and its "why" kept in the file: "pourquoi" is not asked
    because the opinion is not; check said "since [avis] is 'Beau.'", a reason that
    holds the question, and the notes "since [avis] is unanswered", though it was."""
    interview = interview_of(("lu", False), ("avis", "Beau."), ("pourquoi", "Le style."))

    assert conditions.why_not_asked(chain, chain.questions[2], interview.values()) == (
        "not asked since [avis] is not asked"
    )
    conditions.set_aside(chain, interview, ["avis", "pourquoi"], "No longer asked")
    assert "[pourquoi] pourquoi ? (not asked since [avis] is not asked)" in interview.notes

    write(series / "questionnaires" / "chain.toml", CHAIN)
    kept = interview_of(("avis", "Beau."), ("pourquoi", "Le style."), ("fin", "."))
    kept.answers.insert(0, Answer.given_now("lu", "yesno", "As-tu lu le livre ?", False))
    kept.status = "complete"
    path = write(series / "interviews" / "anne-roux.toml", kept.to_toml())
    said = " ".join(invoke("check", str(path)).output.split())
    assert "answers.pourquoi: answered, but not asked since [avis] is not asked:" in said
    assert "[lu] is 'non'" in said  # the opinion's own reason


def test_completing_sets_aside_by_the_questionnaire_the_interview_was_made_with(
    tmp_path: Path,
) -> None:
    """A draft of version 1, where the opinion was asked of everyone, completed by a
    sheet under version 2, which asks it only of readers: its opinion went to the notes."""
    from jeudis.followups import complete

    version_2 = CHAIN.replace('registers = ["tu"]', 'registers = ["tu"]\nversion = 2')
    later = load_questionnaire(write(tmp_path / "chain.toml", version_2))
    interview = interview_of(("avis", "Un roman superbe."), ("fin", "Merci !"))
    interview.answers.insert(0, Answer.given_now("lu", "yesno", "As-tu lu le livre ?", False))

    complete(later, interview)

    assert [a.id for a in interview.answers] == ["lu", "avis", "fin"]
    assert interview.notes == ""
    interview.questionnaire_version = 2
    interview.status = "draft"
    complete(later, interview)
    assert [a.id for a in interview.answers] == ["lu", "fin"]
    assert "Un roman superbe." in interview.notes
