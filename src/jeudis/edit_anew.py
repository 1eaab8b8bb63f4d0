"""``jeudis edit SLUG -q ID`` of a question a complete interview has no answer to: one
its questionnaire asks now, often a newer version's, which the interview was not made
with (a changed answer asks it, left unasked: :func:`jeudis.edit._missing`).

The answer is judged by that version's conditions, as a session of it would judge it:
a question they leave out is refused, saying which answer leaves it out; the answers
the interview has to questions the new answer leaves out go to the notes, as when an
answer changes; those it asks are asked next. An interview that then answers all the
version asks it, and holds nothing it leaves out, is recorded as made with it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from jeudis import answers as answer_rules
from jeudis import conditions, storage
from jeudis.edit import Aftermath, _ask_since, _missing, record_version
from jeudis.errors import MissingAnswers, NotFoundError
from jeudis.interview import Interview
from jeudis.numbering import in_order
from jeudis.questionnaire import Question, Questionnaire


def unanswered_question(
    questionnaire: Questionnaire | None, interview: Interview, named: str
) -> Question | None:
    """The question ``named`` (its id) that the questionnaire asks a complete interview
    now and that it has no answer to. None when it has no such question; refused when
    its conditions leave it out, saying which answer does."""
    if questionnaire is None or not interview.is_complete or interview.answer(named) is not None:
        return None  # a draft's missing answers are resume's (or a sheet's, imported again)
    question = questionnaire.question(named)
    if question is None or question.when is None:
        return question
    if named not in conditions.asked(questionnaire, interview):
        # Answered all the same, it would publish "Non" then an answer to a question
        # the guest was never to be asked; it used to say there was no such question.
        why = conditions.why_not_asked(questionnaire, question, interview.values())
        read = question.when.question
        does = "changes" if interview.answer(read) is not None else "asks"
        raise NotFoundError(
            f"{interview.slug}: [{named}] is {why}",
            hint=f"`jeudis edit {interview.slug} -q {read}` {does} [{read}]",
        )
    return question


def waiting_on(questionnaire: Questionnaire, question_id: str) -> set[str]:
    """The questions whose condition reads ``question_id``, or reads one of those: what
    an answer to it decides."""
    waiting = {question_id}
    for question in questionnaire.questions:  # a condition reads an earlier question
        if question.when is not None and question.when.question in waiting:
            waiting.add(question.id)
    return waiting - {question_id}


def answer_anew(
    questionnaire: Questionnaire,
    interview: Interview,
    question: Question,
    prompter: Any,
    raw: str | None = None,
    source: Path | None = None,
) -> Aftermath | None:
    """Give ``question`` an answer: ``raw`` (from a file), else asked live, placed in
    the post's order and saved; what it did to the questions its answer decides
    (:class:`Aftermath`). None when the host gives it up (Ctrl-C, Page↑)."""
    from jeudis.prompts import BACK, Paused
    from jeudis.session import Session

    assert interview.path is not None
    aftermath = Aftermath()
    session = Session(questionnaire, interview, prompter, moves=aftermath.moves)
    with storage.session_lock(interview.path):
        if raw is None:
            questions = in_order(questionnaire, interview)
            index = next((i for i, q in enumerate(questions) if q.id == question.id), 0)
            try:
                raw = prompter.ask(session._prompt(question, index, len(questions)))
            except Paused:
                return None
            if raw is BACK:
                return None
            live = True
        else:
            live = False
        before = conditions.asked(questionnaire, interview)
        was_complete, completed = interview.is_complete, interview.completed
        # Undecided until now: an answer the interview has to one of these that the new
        # answer leaves out goes to the notes, as when an answer changes.
        deciding = waiting_on(questionnaire, question.id)
        try:
            aftermath.changed += session._record(question, raw, deciding)
        except answer_rules.InvalidAnswer as exc:  # as an answer file's refused (8)
            where = f"{source}: " if source is not None else ""
            raise MissingAnswers(f"{where}{question.id}: {exc}") from None
        if live:
            with contextlib.suppress(Paused):  # Ctrl-C: the ones left are said left unasked
                _ask_since(session, before)
        _missing(questionnaire, interview, before, aftermath, complete=was_complete)
        changed = False
        if was_complete and not interview.is_complete and not aftermath.missing:
            interview.status, interview.completed = "complete", completed
            changed = True
        if record_version(questionnaire, interview, aftermath):
            changed = True
        if changed:
            storage.save(interview)
    return aftermath
