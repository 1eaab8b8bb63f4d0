"""A question's former ids: its answers in the interviews made before it was renamed.

Answers are matched with their questions by id. A host who renames a question's id
(``premier-tweet`` to ``tout-premier-tweet``) says the one it had in ``former_ids``;
:func:`adopt` then gives an interview's answer under it the question's id, in memory,
before a command matches the answers with the questionnaire: ``resume`` does not ask
it again, ``edit`` finds it, ``compare`` gathers it, ``check`` says it was renamed.

A save writes the answer under the question's id now, its wording as it was asked:
the id is the questionnaire's key, which no guest read, and an interview holding it
matches its questionnaire by id alone from then on (its conditions, the wordings
quoting it, a sheet, a later version without the former id).

Without ``former_ids``, :func:`lookalikes` finds the answers to a question dropped
that read as a new question words it: ``jeudis check`` asks whether it was renamed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from jeudis.followups import WRITING_FOLLOWUP
from jeudis.interview import Interview
from jeudis.questionnaire import Questionnaire


def adopt(form: Questionnaire, interview: Interview) -> dict[str, str]:
    """Each answer of ``interview`` under a former id of a question of ``form`` takes
    that question's id, in memory, and so do its answer set aside, the text typed at it
    and not given, and the host's rewording of it. The ids taken, former to current.

    An answer under a former id of a question the interview has an answer to already
    (both given, the question asked again before it was said renamed) is left as it
    is: two answers, as the post publishes them, for the host to take one out."""
    held = {a.id for a in [*interview.answers, *interview.set_aside] if not a.followup}
    taken = renames(form, held)
    if not taken:
        return {}
    for answer in [*interview.answers, *interview.set_aside]:
        if not answer.followup and answer.id in taken:
            answer.id = taken[answer.id]
    interview.pending = {
        _current(where, taken): typed for where, typed in interview.pending.items()
    }
    interview.rewordings = {taken.get(key, key): text for key, text in interview.rewordings.items()}
    return taken


def renames(form: Questionnaire, held: Collection[str]) -> dict[str, str]:
    """Of the ids ``held`` (an interview's answers, a sheet's markers), each former id of a
    question of ``form`` that does not hold its id now, with that id: the first of its
    former ids held, when it has several."""
    taken: dict[str, str] = {}
    for question in form.questions:
        named = next((former for former in question.former_ids if former in held), None)
        if named is not None and question.id not in held:
            taken[named] = question.id
    return taken


def _current(where: str, taken: dict[str, str]) -> str:
    """Where a text was typed, a former id in it taken by its question's."""
    if where.startswith(WRITING_FOLLOWUP):
        answered = where.removeprefix(WRITING_FOLLOWUP)
        return WRITING_FOLLOWUP + taken.get(answered, answered)
    return taken.get(where, where)


@dataclass(frozen=True)
class Lookalike:
    """An answer to a question its questionnaire dropped that reads as a question the
    interview has no answer to: the id renamed, its ``former_ids`` not said."""

    dropped: str
    new: str


def lookalikes(form: Questionnaire, interview: Interview) -> list[Lookalike]:
    """The answers of ``interview`` (``adopt`` done) to questions ``form`` has not, nor
    had by name, each asked in the words a question it has no answer to words it for
    this guest (the guest's register, gender, names and answers), or could word it."""
    from jeudis.session import interview_context

    answered = {a.id for a in interview.answers if not a.followup}
    new = [q for q in form.questions if q.id not in answered]
    if not new:
        return []
    context = interview_context(form, interview)
    found = []
    for answer in interview.answers:
        if answer.followup or answer.reworded or form.named(answer.id) is not None:
            continue
        same = next((q for q in new if q.asks(answer.question, interview.register, context)), None)
        if same is not None:
            found.append(Lookalike(answer.id, same.id))
    return found
