"""The guest's questions one after another: Page↑ back to any, Entrée on again.

After Page↑ the session goes forward one question at a time, each answer
prefilled, up to the question Page↑ left, then on to those not answered yet.
On resume, the answers a pause left half-changed are asked again first, with
what was typed. These are :class:`~jeudis.session.Session`'s steps, written as
functions of it, as :mod:`jeudis.followups` does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from jeudis import followups, storage
from jeudis.numbering import expected_total, in_order
from jeudis.prompts import BACK
from jeudis.questionnaire import Question

if TYPE_CHECKING:
    from jeudis.session import Session


def ask_unanswered(session: Session, start: int | None = None, ahead: str | None = None) -> None:
    """Ask each question not answered yet, in order, Page↑ going back to any;
    from question ``start`` when given (answered or not).

    After Page↑, Entrée goes on to the next question, its answer prefilled (with the
    change typed at it, if any), as a form's Next does, until the question Page↑
    left (``ahead``, the furthest): a change typed on the way back is seen again,
    never passed over. From there on, only the questions not answered yet."""
    index = first_unanswered(session) if start is None else start
    while True:
        questions = in_order(session.questionnaire, session.interview)
        if index >= len(questions):
            return
        question = questions[index]
        total = expected_total(session.questionnaire, session.interview)
        raw = session.prompter.ask(session._prompt(question, index, total))
        if raw is BACK:
            if position(session, ahead) < index:
                ahead = question.id
            index = max(0, index - 1)
            continue
        session._record(question, raw)
        followups.after(session, question.id)
        if position(session, ahead) > index:
            index += 1
            continue
        # Answers kept from an earlier run (a resumed draft, a new questionnaire
        # version) are not asked again: go on to the next question without one.
        ahead = None
        index = first_unanswered(session, index + 1)


def position(session: Session, question_id: str | None) -> int:
    """Where the question ``question_id`` is asked now (-1: not asked, or None)."""
    questions = in_order(session.questionnaire, session.interview)
    return next((i for i, q in enumerate(questions) if q.id == question_id), -1)


def changing(session: Session) -> tuple[int | None, str | None]:
    """Answers being changed when the session paused (at the review, or after Page↑)
    are asked again first, with what was typed: otherwise the review showed the old
    answers, and finishing dropped the new texts. Changed after Page↑, before the
    review, the questions go on from the first of them, or the first question not
    answered if it comes before, one by one up to the last changed (returned:
    where to start, and that question's id; else None, None): Page↑ there is the
    previous question, as it was before the pause, and Entrée the next, as after Page↑."""
    typed = session.interview.pending
    live = followups.unanswered_live(session.interview)
    for stored in [a for a in session.interview.answers if a.followup and a.id in typed]:
        if stored not in live:  # an answer given, being changed at the review
            counter = followups.counter(session.interview, stored)
            followups.ask_live(session, stored, counter=counter, from_review=True)
    questions = in_order(session.questionnaire, session.interview)
    changed = [q.id for q in questions if q.id in typed and session.interview.answer(q.id)]
    if not changed:
        return None, None  # not answered yet: each asked in its turn, with its text
    first = first_unanswered(session)
    if first < len(questions):  # the review is not reached
        return min(first, position(session, changed[0])), changed[-1]
    for question_id in changed:  # each as if picked at the review
        questions = in_order(session.questionnaire, session.interview)
        index = position(session, question_id)
        if index >= 0 and question_id in session.interview.pending:
            change(session, questions[index], index, len(questions))
    return None, None


def change(session: Session, question: Question, index: int, total: int) -> None:
    """Ask an answer given again (from the review); Page↑ gives the change up,
    what was typed of it too (it came back on resume), the first question's too."""
    prompt = replace(session._prompt(question, index, total), from_review=True, can_go_back=True)
    raw = session.prompter.ask(prompt)
    if raw is BACK:
        if session.interview.pending.pop(question.id, None) is not None:
            storage.save(session.interview)
        return
    session._record(question, raw)
    followups.after(session, question.id)  # Ctrl-F works here too


def first_unanswered(session: Session, start: int = 0) -> int:
    questions = in_order(session.questionnaire, session.interview)
    for index, question in enumerate(questions):
        if index >= start and session.interview.answer(question.id) is None:
            return index
    return len(questions)
