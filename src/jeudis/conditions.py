"""Answers a question's condition leaves out, or asks for, once another answer changes.

"Qu'en as-tu pensé ?" is asked only when "As-tu lu le livre ?" says yes. When
that answer becomes no (Page↑ or the review in a session, ``jeudis edit``,
``jeudis import --update``), the opinion is not asked any more: it leaves the
interview's answers, so no post reads "Non" and then an opinion on the book, and
its text goes to the private notes, never exported, so nothing the guest wrote
is lost. The answer itself, with its follow-ups, is kept as it was in the file's
``[[set_aside]]`` tables (never exported either): once the condition holds again,
in this run or any later one, it comes back from there, out of the notes.

The other way round, a question a changed answer now asks is asked (live), or
missing: a complete interview lacking it is a draft again, for ``jeudis resume``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from jeudis.answers import as_input
from jeudis.followups import WRITING_FOLLOWUP, follows, followup_prefix, next_id, place
from jeudis.interview import Answer, Interview, holds_something, now, typed_text
from jeudis.questionnaire import Question, Questionnaire


def asked(questionnaire: Questionnaire, interview: Interview) -> set[str]:
    """The ids of the questions the interview asks, its answers as they are."""
    return {q.id for q in questionnaire.asked(interview.values())}


def not_asked(
    questionnaire: Questionnaire, interview: Interview, before: Collection[str] | None = None
) -> list[str]:
    """The questions answered in ``interview`` that its conditions leave out; with
    ``before`` (what was asked before a change), only those the change left out."""
    now_asked = asked(questionnaire, interview)
    return [
        a.id
        for a in interview.answers
        if not a.followup
        and questionnaire.question(a.id) is not None
        and a.id not in now_asked
        and (before is None or a.id in before)
    ]


def unanswered(
    questionnaire: Questionnaire, interview: Interview, among: Collection[str] | None = None
) -> list[str]:
    """The questions the interview asks and has no answer to (a required one left
    empty counts); with ``among``, only those of these ids."""
    result = []
    for question in questionnaire.asked(interview.values()):
        if among is not None and question.id not in among:
            continue
        answer = interview.answer(question.id)
        if answer is None or (question.required and not answer.given):
            result.append(question.id)
    return result


def gaps(questionnaire: Questionnaire, interview: Interview) -> tuple[list[str], list[str]]:
    """What a complete interview's file gets wrong against its questionnaire (an edited
    file's, or one an older jeudis wrote): the required questions it asks and does not
    answer, and the answers it holds that its conditions leave out (a post would
    publish "Non", then an opinion on the book). None when it was made with another
    version of the questionnaire, whose questions may differ."""
    if str(interview.questionnaire_version) != str(questionnaire.version):
        return [], []
    missing = [
        qid
        for qid in unanswered(questionnaire, interview)
        if (question := questionnaire.question(qid)) is not None and question.required
    ]
    return missing, not_asked(questionnaire, interview)


def heading(what: str) -> str:
    """A notes block's first line: what happened, and when."""
    return f"{what} ({now().strftime('%Y-%m-%d %H:%M')} UTC):"


@dataclass
class Aside:
    """Answers taken out of an interview, kept as one block of its notes.

    ``kept`` maps each question left out to its answer and follow-ups, and the
    lines of the notes that keep their text (none for an answer skipped);
    ``typed``, what a pause kept being typed at them, which stays in the notes.
    """

    heading: str
    kept: dict[str, tuple[list[Answer], list[str]]] = field(default_factory=dict)
    typed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [line for _, said in self.kept.values() for line in said] + self.typed

    def block(self) -> str:
        lines = self.lines()
        return "\n".join([self.heading, *lines]) if lines else ""


def set_aside(
    questionnaire: Questionnaire,
    interview: Interview,
    ids: Collection[str],
    what: str,
    *,
    noted: bool = True,
) -> Aside:
    """Take the answers to ``ids`` (questions not asked any more) out of the interview,
    each with the follow-ups that follow it and what was being typed at them, into
    its ``set_aside`` answers, and keep their text in its notes, under a line saying
    ``what`` happened (``noted=False``: the caller writes the lines into a block of
    its own)."""
    aside = Aside(heading(what))
    taken: dict[str, list[Answer]] = {}
    for qid in ids:
        answer = interview.answer(qid)
        if answer is None:
            continue
        start = interview.answers.index(answer)
        end = _followed(interview.answers, start)  # the post would ask them about nothing
        taken[qid] = interview.answers[start:end]
        del interview.answers[start:end]
    values = interview.values()  # as they are now: a reason reads what is left
    for qid, answers in taken.items():
        lines = [
            _line(one, _why(questionnaire, qid, values, one), interview.language) for one in answers
        ]
        aside.kept[qid] = (answers, [line for line in lines if line])
        if typing := _typed(interview, {one.id for one in answers}):
            aside.typed.append(typing)
        _unstore(interview, qid)  # one kept before, given anew since: this one is newer
        interview.set_aside.extend(answers)
    if noted and (block := aside.block()):
        interview.add_notes(block)
    return aside


def keep_aside(interview: Interview, answers: list[Answer]) -> None:
    """Add ``answers`` (each followed by its follow-ups) to the interview's set-aside
    answers, each in place of one kept for its question: the newer words come back."""
    for answer in answers:
        if not follows(answer):
            _unstore(interview, answer.id)
    interview.set_aside.extend(answers)


def kept_aside(interview: Interview, qid: str) -> Answer | None:
    """The answer to ``qid`` among the interview's set-aside answers, if any."""
    where = _stored(interview, qid)
    return interview.set_aside[where][0] if where is not None else None


def set_aside_since(
    questionnaire: Questionnaire, interview: Interview, before: Collection[str]
) -> list[str]:
    """After an answer changed: the answers asked ``before`` it that its conditions
    leave out now, set aside; the questions left out."""
    gone = not_asked(questionnaire, interview, before)
    if gone:
        set_aside(questionnaire, interview, gone, "No longer asked, an answer changed")
    return gone


def bring_back(questionnaire: Questionnaire, interview: Interview) -> list[str]:
    """Put back, as they were, the answers set aside whose question is asked again and
    not answered (one back may ask another: the "why" of the opinion); the questions
    back. One answered anew meanwhile leaves the set-aside answers (the notes keep it)."""
    back: list[str] = []
    while True:
        for answer in [a for a in interview.set_aside if interview.answer(a.id) is not None]:
            if not follows(answer):
                _unstore(interview, answer.id)
        ready = [
            q.id
            for q in questionnaire.asked(interview.values())
            if _stored(interview, q.id) is not None
        ]
        if not ready:
            return back
        for qid in ready:
            _restore(questionnaire, interview, qid)
        back += ready


def _restore(questionnaire: Questionnaire, interview: Interview, qid: str) -> None:
    """Put back the answer to ``qid`` set aside, with its follow-ups, in the
    questionnaire's order; the lines that kept them leave the notes."""
    answers = _unstore(interview, qid)
    _unnote(interview, answers)
    place(questionnaire, interview, answers[0])
    previous = answers[0].id
    for followup in answers[1:]:
        if interview.answer(followup.id) is not None:  # its id given to another since
            followup = replace(followup, id=next_id(interview, followup_prefix(interview)))
        interview.set_answer(followup, after=previous)
        previous = followup.id


@dataclass
class Moves:
    """What the changes of one run set aside and brought back, to say at its end: an
    answer set aside then back in the same run is neither."""

    aside: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)

    def took(self, ids: Collection[str]) -> None:
        self.back = [qid for qid in self.back if qid not in ids]
        self.aside += [qid for qid in ids if qid not in self.aside]

    def gave_back(self, ids: Collection[str]) -> None:
        self.back += [qid for qid in ids if qid not in self.aside and qid not in self.back]
        self.aside = [qid for qid in self.aside if qid not in ids]


def _followed(answers: list[Answer], start: int) -> int:
    """Where the answer at ``start`` and the follow-ups that follow it end."""
    end = start + 1
    while end < len(answers) and follows(answers[end]):
        end += 1
    return end


def _stored(interview: Interview, qid: str) -> slice | None:
    """Where the answer to ``qid`` and its follow-ups are among the set-aside answers."""
    for start, answer in enumerate(interview.set_aside):
        if answer.id == qid and not follows(answer):
            return slice(start, _followed(interview.set_aside, start))
    return None


def _unstore(interview: Interview, qid: str) -> list[Answer]:
    """Take the answer to ``qid`` and its follow-ups out of the set-aside answers."""
    where = _stored(interview, qid)
    if where is None:
        return []
    answers = interview.set_aside[where]
    del interview.set_aside[where]
    return answers


_WHY = "\0"  # where a line of the notes says why, in :func:`_unnote`'s patterns
_HEADING = re.compile(r".* \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\):")


def _unnote(interview: Interview, answers: list[Answer]) -> None:
    """Take the lines :func:`set_aside` wrote of ``answers`` out of the notes (the last
    such, whatever reason they give), and their block's first line if none is left
    under it. Lines the host has changed stay, and the notes say the answer is back."""
    lines = [line for line in (_line(one, _WHY, interview.language) for one in answers) if line]
    if not lines:
        return  # skipped: the notes kept nothing
    said = "\n".join(r"[^\n]*".join(map(re.escape, line.split(_WHY, 1))) for line in lines)
    notes = interview.notes
    found = list(re.finditer(rf"(?m)^{said}(?=\n|\Z)", notes))
    if not found:
        back = f"[{answers[0].id}] {answers[0].question}"
        interview.add_notes(f"{heading('Back in the post, asked again')}\n{back}")
        return
    start, end = found[-1].span()
    before, after = notes[: max(start - 1, 0)], notes[end:]
    block_start = before.rfind("\n\n") + 2 if "\n\n" in before else 0
    if _HEADING.fullmatch(before[block_start:]) and after[:2] in ("", "\n\n"):
        before = before[: max(block_start - 2, 0)]  # the block's heading, bare now
    interview.notes = (before + after).strip("\n")


def reopen(interview: Interview, missing: Collection[str]) -> bool:
    """A complete interview that lacks ``missing`` (asked since an answer changed) is a
    draft again, which ``jeudis resume`` finishes; True when it was complete."""
    if not missing or not interview.is_complete:
        return False
    interview.status = "draft"  # its first completion kept: its post changes when finished again
    return True


def _why(questionnaire: Questionnaire, qid: str, values: Mapping[str, Any], answer: Answer) -> str:
    if answer.id != qid:
        return f"a follow-up to [{qid}]"
    question = questionnaire.question(qid)
    return why_not_asked(questionnaire, question, values) if question is not None else "not asked"


def why_not_asked(
    questionnaire: Questionnaire,
    question: Question,
    values: Mapping[str, Any],
    name: Callable[[str], str] = "[{}]".format,
) -> str:
    """Why ``question`` is not asked, the answers being ``values``: "not asked since [lu]
    is 'non'", or "since [avis] is not asked" (its answer counts for none, as in
    :meth:`Questionnaire.asked`). ``name``: how a question is named ("Q1 [lu]")."""
    when = question.when
    if when is None:  # pragma: no cover - only a condition leaves a question out
        return "not asked"
    since = f"not asked since {name(when.question)} is "
    if when.question not in {q.id for q in questionnaire.asked(values)}:
        return since + "not asked"
    given = as_input(values.get(when.question), questionnaire.language)
    return since + (repr(given) if given else "unanswered")


def note_line(qid: str, asked: str, why: str, text: str) -> str:
    """How the notes keep an answer taken out: its id, question and why, then its text."""
    return f"[{qid}] {asked} ({why})" + (f"\n{text}" if text else "")


def _line(answer: Answer, why: str, language: str) -> str:
    text = "" if answer.skipped else as_input(answer.value, language)
    if not text and not answer.followup:
        return ""  # skipped: nothing the guest wrote
    return note_line(answer.id, answer.question, why, text)


def _typed(interview: Interview, ids: set[str]) -> str:
    """What a pause kept being typed at one of ``ids`` (or a follow-up to it), taken
    out with them: no prompt will ask it again."""
    return "\n".join(typed_out(interview, lambda where: where in ids))


def typed_out(
    interview: Interview, at: Callable[[str], bool], said: str = "being typed in a paused session"
) -> list[str]:
    """The texts kept being typed where ``at`` holds (a question's id, or a follow-up
    being written to it), taken out of the interview: the notes' lines keeping them,
    each saying its place and ``said``."""
    lines = []
    for where in [where for where in interview.pending if at(where.removeprefix(WRITING_FOLLOWUP))]:
        typed = interview.pending.pop(where)
        if holds_something(typed):  # the choices ticked at a multiple choice: "fr, en"
            lines.append(f"[{where}] ({said})\n{typed_text(typed)}")
    return lines
