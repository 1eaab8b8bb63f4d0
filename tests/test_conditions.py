"""Answers a condition leaves out once another answer changes (:mod:`jeudis.conditions`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from jeudis import conditions, storage
from jeudis.followups import next_id
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import interview_from_toml, load_interview
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
    # A text typed at each of two questions set aside, and one at a question that stays.
    interview.pending = {"fin": "Au revoir", "pourquoi": "Parce que", "@followup:avis": "Et"}
    interview.answers.insert(2, Answer.given_now("pourquoi", "long", "Pourquoi ?", ""))

    aside = conditions.set_aside(chain, interview, ["avis", "pourquoi"], "No longer asked")

    assert [a.id for a in interview.answers] == ["lu", "fin"]
    assert interview.pending == {"fin": "Au revoir"}
    assert interview.notes.split("\n")[0] == "Relancer en juin."
    assert interview.notes.split("\n")[2].startswith("No longer asked (")
    assert interview.notes.split("\n")[3:] == [
        "[avis] avis ? (not asked since [lu] is 'Non')",
        "Beau.",
        "[@followup:avis] (being typed in a paused session)",
        "Et",
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
        " 'Non': its post publishes it all the same"
    ) in said
    status = (series / "interviews" / "paul-roy.toml").read_text(encoding="utf-8")
    line = status.splitlines().index('status = "complete"') + 1
    assert (
        f"paul-roy.toml:{line}: error: status: complete, but required answers are missing: pourquoi"
    ) in said
    assert (
        "hint: `jeudis resume paul-roy` asks them; or, if they were added to chain after this"
        " interview, raise its version: the interview keeps what it was asked"
    ) in said
    assert "anne-roux.toml: error" not in said  # its "pourquoi" is not asked
    # Resume asks what is missing (live: it needs a terminal), and refuses a whole one.
    resumed = invoke("resume", "paul-roy")
    assert resumed.exit_code == 7, resumed
    assert resumed.stderr.startswith(
        "note: paul-roy was complete, but chain asks 1 required question it has no answer"
        " to (pourquoi): asked now\nerror: the live session needs a terminal"
    )
    assert (series / "interviews" / "paul-roy.toml").read_text(encoding="utf-8") == status
    refused = invoke("resume", "anne-roux")
    assert refused.exit_code == 2 and "anne-roux is already complete" in refused.stderr
    for slug, warning in (
        ("anne-roux", "published, though its questionnaire's conditions leave them out: avis"),
        ("paul-roy", "complete, but required answers are missing: pourquoi"),
    ):
        exported = invoke("export", slug, "--format", "md")
        assert exported.exit_code == 0, exported
        assert f"warning: {slug}: {warning} (`jeudis check`)" in " ".join(exported.stderr.split())


def complete_file(series: Path, read: bool, *answers: tuple[str, object]) -> Path:
    """Anne Roux's complete interview of ``chain``, saying ``read`` to "lu"."""
    write(series / "questionnaires" / "chain.toml", CHAIN)
    interview = interview_of(*answers)
    interview.answers.insert(0, Answer.given_now("lu", "yesno", "As-tu lu le livre ?", read))
    interview.status, interview.date = "complete", dt.date(2011, 5, 12)
    return write(series / "interviews" / "anne-roux.toml", interview.to_toml())


def test_an_answer_changed_leaves_alone_what_it_did_not_leave_out(
    series: Path, invoke: Invoke
) -> None:
    """A file edited by hand keeps an opinion its "Non" leaves out (check says so). The
    last word changed, the edit took the opinion out of the post into the notes, and
    said it was "not asked any more" for a change that had nothing to do with it."""
    path = complete_file(series, False, ("avis", "Un roman superbe."), ("fin", "Merci !"))

    changed = invoke(
        "edit", "anne-roux", "-q", "fin", "--answer-file", "-", input="Merci, vraiment !"
    )

    assert changed.exit_code == 0, changed
    assert changed.output == "anne-roux: answer fin replaced\n"
    after = load_interview(path)
    assert [(a.id, a.value) for a in after.answers] == [
        ("lu", False),
        ("avis", "Un roman superbe."),
        ("fin", "Merci, vraiment !"),
    ]
    assert after.notes == "" and after.status == "complete"


def test_an_optional_answer_skipped_and_asked_again_leaves_the_interview_complete(
    series: Path, invoke: Invoke
) -> None:
    """The opinion is optional, and skipped: "lu" changed to "Non", then back to "Oui",
    the opinion came back skipped, as it was, and was counted unanswered: the post
    became a draft again, for `jeudis resume` to ask a question the guest passed."""
    path = complete_file(series, True, ("avis", None), ("fin", "Merci !"))

    for said in ("Non", "Oui"):
        changed = invoke("edit", "anne-roux", "-q", "lu", "--answer-file", "-", input=said)
        assert changed.exit_code == 0, changed

    assert "a draft again" not in changed.output and "resume" not in changed.output
    after = load_interview(path)
    assert [(a.id, a.skipped) for a in after.answers] == [
        ("lu", False),
        ("avis", True),
        ("fin", False),
    ]
    assert after.status == "complete"


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
    assert "[lu] is 'Non'" in said  # the opinion's own reason


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


# -- answers set aside, back in a later run ----------------------------------------------


def read(said: bool, *answers: tuple[str, object]) -> Interview:
    """An interview saying ``said`` to "As-tu lu le livre ?", then ``answers``."""
    interview = interview_of(*answers)
    interview.answers.insert(0, Answer.given_now("lu", "yesno", "As-tu lu le livre ?", said))
    return interview


def read_then_not(chain: Questionnaire, path: Path) -> Interview:
    """Anne Roux said "Oui", her opinion with a follow-up, then "Non": saved, and read
    again as a later run reads it."""
    interview = read(True, ("avis", "Beau.\n\nEt long."), ("fin", "Merci"))
    followup = Answer.given_now("relance-1", "long", "Pourquoi long ?", "Trop de pages.")
    interview.answers.insert(2, replace(followup, followup=True))
    interview.notes = "Relancer en juin."
    interview.path = path
    before = conditions.asked(chain, interview)
    interview.answers[0].value = False
    assert conditions.set_aside_since(chain, interview, before) == ["avis"]
    storage.save(interview)
    return load_interview(path)


def test_an_answer_set_aside_comes_back_in_a_later_run_as_it_was(
    chain: Questionnaire, tmp_path: Path
) -> None:
    """Set aside in one run, the opinion was only in the notes: a "Oui" in the next
    run (a resumed session, `jeudis edit`) asked it again, empty."""
    path = tmp_path / "anne-roux.toml"
    was = interview_of(("avis", "Beau.\n\nEt long."))
    later = read_then_not(chain, path)
    assert [a.id for a in later.answers] == ["lu", "fin"]
    assert [a.id for a in later.set_aside] == ["avis", "relance-1"]
    assert later.notes.startswith("Relancer en juin.\n\nNo longer asked, an answer changed (")
    assert "[avis] avis ? (not asked since [lu] is 'Non')\nBeau.\n\nEt long." in later.notes

    later.answers[0].value = True
    assert conditions.bring_back(chain, later) == ["avis"]

    assert [(a.id, a.value) for a in later.answers] == [
        ("lu", True),
        ("avis", "Beau.\n\nEt long."),
        ("relance-1", "Trop de pages."),
        ("fin", "Merci"),
    ]
    assert later.answers[1].answered_at == was.answers[0].answered_at  # as it was
    assert later.answers[2].followup
    assert later.set_aside == []
    assert later.notes == "Relancer en juin."


def test_the_file_keeps_answers_set_aside_apart_and_an_older_file_still_reads(
    chain: Questionnaire, tmp_path: Path
) -> None:
    path = tmp_path / "anne-roux.toml"
    read_then_not(chain, path)
    text = path.read_text(encoding="utf-8")

    assert text.startswith("format = 3\n")  # an older jeudis says to upgrade it
    answers, _, stored = text.partition("[[answers]]")[2].partition("[[set_aside]]")
    assert "Trop de pages." not in answers and "Trop de pages." in stored
    assert stored.count("[[set_aside]]") == 1 and 'id = "relance-1"' in stored

    older = text.split("\n# Answers a condition")[0].replace("format = 3", "format = 1")
    loaded = interview_from_toml(older, path)  # the notes only: as an older jeudis wrote it
    assert loaded.set_aside == [] and "Trop de pages." in loaded.notes


def test_notes_changed_by_the_host_stay_and_say_the_answer_is_back(
    chain: Questionnaire, tmp_path: Path
) -> None:
    later = read_then_not(chain, tmp_path / "anne-roux.toml")
    later.notes = "Relancer en juin. Son avis : beau, et long."  # rewritten in $EDITOR
    later.answers[0].value = True

    conditions.bring_back(chain, later)

    assert later.answer("avis") is not None
    first, back = later.notes.split("\n\n")
    assert first == "Relancer en juin. Son avis : beau, et long."
    assert back.startswith("Back in the post, asked again (")
    assert back.endswith(" UTC):\n[avis] avis ?")


def test_a_follow_up_set_aside_keeps_its_id_from_a_new_one(
    chain: Questionnaire, tmp_path: Path
) -> None:
    """A follow-up written while the opinion was set aside took "relance-1", the id of
    the one set aside with it; put back, it replaced the new one."""
    later = read_then_not(chain, tmp_path / "anne-roux.toml")
    assert next_id(later, "relance") == "relance-2"
    older = interview_from_toml(later.to_toml(), tmp_path / "x.toml")
    older.answers.append(Answer("relance-1", "long", "Et la fin ?", "Oui.", followup=True))
    older.answers[0].value = True

    conditions.bring_back(chain, older)

    assert [(a.id, a.value) for a in older.answers] == [
        ("lu", True),
        ("avis", "Beau.\n\nEt long."),
        ("relance-2", "Trop de pages."),
        ("fin", "Merci"),
        ("relance-1", "Oui."),
    ]


def test_an_answer_given_anew_leaves_the_one_set_aside(
    chain: Questionnaire, tmp_path: Path
) -> None:
    """Given anew (a sheet's opinion), the one set aside stays in the notes alone."""
    later = read_then_not(chain, tmp_path / "anne-roux.toml")
    later.answers[0].value = True
    later.answers.insert(1, Answer.given_now("avis", "long", "avis ?", "Finalement, superbe."))

    assert conditions.bring_back(chain, later) == []

    assert later.answer("avis").value == "Finalement, superbe."  # type: ignore[union-attr]
    assert later.answer("relance-1") is None
    assert later.set_aside == []
    assert "Beau.\n\nEt long." in later.notes


def test_a_skipped_answer_set_aside_comes_back_skipped(
    chain: Questionnaire, tmp_path: Path
) -> None:
    interview = read(True, ("avis", None), ("fin", "Merci"))
    interview.answers[1].skipped = True
    interview.path = tmp_path / "anne-roux.toml"
    interview.answers[0].value = False
    conditions.set_aside_since(chain, interview, {"lu", "avis", "fin"})
    storage.save(interview)
    later = load_interview(interview.path)
    later.answers[0].value = True

    assert conditions.bring_back(chain, later) == ["avis"]

    assert later.answer("avis").skipped  # type: ignore[union-attr]
    assert later.notes == ""


def test_list_counts_a_drafts_total_without_what_its_answers_leave_out(
    series: Path, invoke: Invoke
) -> None:
    """Anne said "Non": her opinion and its "Pourquoi ?" are never asked, and her draft's
    progress read "1/4" as if they were. Paul said "Oui" with a follow-up: all four may
    be asked, and the follow-up is one of his answers."""
    write(series / "questionnaires" / "chain.toml", CHAIN)
    anne = replace(interview_of(), status="draft")
    paul = replace(interview_of(), slug="paul-roy", guest="Paul Roy", status="draft")
    for interview, read in ((anne, False), (paul, True)):
        interview.answers.append(Answer.given_now("lu", "yesno", "As-tu lu le livre ?", read))
    followup = Answer.given_now("relance-1", "long", "Lequel ?", "Le dernier.")
    paul.answers.append(replace(followup, followup=True))
    for interview in (anne, paul):
        write(series / "interviews" / f"{interview.slug}.toml", interview.to_toml())

    listed = invoke("list", env={"COLUMNS": "100"})

    rows = {line.split()[0]: line.split()[-1] for line in listed.stdout.splitlines()[1:]}
    assert rows == {"anne-roux": "1/2", "paul-roy": "2/5"}, listed.stdout
    as_json = json.loads(invoke("list", "--json").stdout)  # the table's N, for a script
    assert {row["slug"]: (row["answered"], row["total"]) for row in as_json} == {
        "anne-roux": (1, 2),
        "paul-roy": (2, 5),
    }


def test_a_data_file_answer_refused_says_nothing_of_the_questions_waiting_on_it(
    series: Path, invoke: Invoke
) -> None:
    """ "lu" refused ("peut-être"): the opinion was said "not asked, as its condition on lu
    does not hold: remove it", and once removed, the next run said it missing."""
    write(series / "questionnaires" / "chain.toml", CHAIN)
    data = write(
        series / "data.toml",
        '[answers]\nlu = "peut-être"\navis = "Beau."\npourquoi = "Le style."\nfin = "Merci."\n',
    )
    result = invoke("new", "chain", "--guest", "Anne Roux", "--data-file", data)
    assert result.exit_code == 8, result
    assert "answers.lu: " in result.stderr
    assert "avis" not in result.stderr and "pourquoi" not in result.stderr
