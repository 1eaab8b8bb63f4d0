"""Changing an interview after the fact: an answer (replaced, or asked again live, alone
or from the review screen), a question's wording. The fields and notes, written in the
host's $EDITOR, are :mod:`jeudis.editor`'s.

Every change is explicit (a command the host types) and stamps ``updated``;
nothing here runs on its own, so a published interview never changes unless the
host changes it. A reworded question is marked ``reworded = true``: it was
changed for this guest only, and ``jeudis check`` does not report it as drift.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from jeudis import answers as answer_rules
from jeudis import conditions, storage
from jeudis.errors import MissingAnswers, NotFoundError, NotSaved
from jeudis.interview import Answer, Interview, now
from jeudis.numbering import expected_total, in_order, post_counter, question_for
from jeudis.questionnaire import Question, Questionnaire


def find_answer(interview: Interview, question_id: str) -> Answer:
    """The answer to the question ``question_id`` names: its id, or its number in the post
    (``3``, as ``jeudis show`` numbers it)."""
    answer = interview.answer(question_id)
    numbers = interview.numbers()
    if answer is None and question_id.isdecimal():
        by_number = {number: id_ for id_, number in numbers.items()}
        found = by_number.get(int(question_id))
        answer = interview.answer(found) if found else None
    if answer is None:
        known = ", ".join(
            f"{numbers[a.id]}. {a.id}" if a.id in numbers else a.id for a in interview.answers
        )
        fields = ", ".join(interview.fields)
        raise NotFoundError(
            f"{interview.slug} has no answer {question_id!r}",
            hint=f"its questions: {known or 'none'}"
            + (f"; its fields: {fields}" if fields else ""),
        )
    return answer


@dataclass
class Aftermath:
    """What changing answers did to the questions whose condition reads them, and how
    many changed. After a save refused, it says what the file holds: what the change
    refused did is none of it (:func:`reask`)."""

    # Set aside (in the notes), and back from there: a change at the review that asks
    # one set aside again puts it back, as a live session does ("Non", then "Oui").
    moves: conditions.Moves = field(default_factory=conditions.Moves)
    missing: list[str] = field(default_factory=list)  # asked now, and not answered
    unchanged: bool = False  # the answer given is the one there: nothing to write
    reopened: bool = False  # complete before, a draft again for lack of ``missing``
    asked: set[str] | None = None  # the questions asked before the first change
    changed: int = 0  # the answers changed (or followed up), each saved
    # Asked now by the questionnaire's version, not by the earlier one a complete
    # interview was made with: left unasked, the interview complete as it was.
    unasked: list[str] = field(default_factory=list)
    versions: tuple[str, str] = ("", "")  # the interview's, the questionnaire's
    # The version of the questionnaire the interview is recorded as made with now: it
    # answers all that version asks it (:func:`record_version`).
    recorded: str = ""

    def back_to(self, saved: Aftermath) -> None:
        """As it was at ``saved`` (a copy made after a save)."""
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(saved, name))

    @property
    def aside(self) -> list[str]:
        return self.moves.aside

    def said(self, slug: str) -> list[str]:
        lines = []
        if self.aside:
            lines.append(
                f"{_ids(self.aside)} not asked any more: kept in the private notes, out of"
                f" the post (`jeudis edit {slug} --notes`)"
            )
        if self.moves.back:
            lines.append(
                f"{_ids(self.moves.back)} asked again: back in the post as answered before,"
                " out of the private notes"
            )
        if self.unasked:
            made, now = self.versions
            lines.append(
                f"{_ids(self.unasked)} asked now by version {now} of the questionnaire, not by"
                f" version {made}, which this interview was made with: left unasked, the"
                f" interview complete as it was (`jeudis edit {slug} -q {self.unasked[0]}`"
                f" asks {'each' if len(self.unasked) > 1 else 'it'})"
            )
        if self.missing:
            again = "; a draft again" if self.reopened else ""
            lines.append(
                f"{_ids(self.missing)} asked now, and not answered{again}:"
                f" `jeudis resume {slug}` asks {'them' if len(self.missing) > 1 else 'it'}"
            )
        return lines


def _ids(ids: list[str]) -> str:
    return ", ".join(f"[{qid}]" for qid in ids)


def set_answer(
    interview: Interview,
    questionnaire: Questionnaire | None,
    question_id: str,
    raw: str,
    *,
    source: Path | None = None,
) -> Aftermath:
    """Replace one answer with ``raw`` (checked like a live answer); the wording stays,
    and a later question quoting the answer is worded with the new one. An answer
    that a condition on it leaves out now goes to the notes; a question it asks now
    is missing (:mod:`jeudis.conditions`). ``source``: the file ``raw`` was read
    from, which a refusal names."""
    answer = find_answer(interview, question_id)
    question = question_for(questionnaire, answer, interview.language)
    try:
        value = answer_rules.coerce(question, raw)
    except answer_rules.InvalidAnswer as exc:  # as a data file's or a sheet's refused (8)
        where = f"{source}: " if source is not None else ""
        raise MissingAnswers(f"{where}{question_id}: {exc}") from None
    if value == answer.value and (value is None) == answer.skipped:
        return Aftermath(unchanged=True)  # nothing to write: its time, the post, the feed stay
    before = conditions.asked(questionnaire, interview) if questionnaire else set()
    with requoting(questionnaire, interview):
        answer.value = value
        answer.skipped = value is None
        answer.answered_at = now()
    if questionnaire is None:
        return Aftermath()
    aftermath = Aftermath()
    aftermath.moves.took(conditions.set_aside_since(questionnaire, interview, before))
    aftermath.moves.gave_back(conditions.bring_back(questionnaire, interview))
    _missing(questionnaire, interview, before, aftermath)
    record_version(questionnaire, interview, aftermath)  # saved with the answer
    return aftermath


def _missing(
    questionnaire: Questionnaire,
    interview: Interview,
    before: set[str],
    aftermath: Aftermath,
    *,
    complete: bool | None = None,
) -> Aftermath:
    """The questions asked since the change (not ``before``) that have no answer; a
    complete interview (``complete``: it was, before the change) lacking one is a
    draft again. Not one made with another version of the questionnaire: what this
    one asks now, that one may never have asked (a question added since, asked when
    the answer changed is "Oui": a "Non" then "Oui" unpublished a post of two years,
    and its resume asked every question added since)."""
    if aftermath.asked is None:
        aftermath.asked = before
    since = conditions.asked(questionnaire, interview) - aftermath.asked
    aftermath.missing = conditions.unanswered(questionnaire, interview, since)
    made, now = str(interview.questionnaire_version), str(questionnaire.version)
    was_complete = interview.is_complete if complete is None else complete
    if aftermath.missing and was_complete and made != now:
        aftermath.unasked += [qid for qid in aftermath.missing if qid not in aftermath.unasked]
        aftermath.versions = (made, now)
        aftermath.missing = []
    aftermath.unasked = [qid for qid in aftermath.unasked if not interview.answer(qid)]
    aftermath.reopened = conditions.reopen(interview, aftermath.missing) or aftermath.reopened
    return aftermath


def record_version(
    questionnaire: Questionnaire, interview: Interview, aftermath: Aftermath
) -> bool:
    """Record a complete interview made with another version of ``questionnaire`` as
    made with it, once a change makes it one (said by ``aftermath.recorded``); False
    when it is not one, and nothing changed."""
    if not _made_with_it(questionnaire, interview):
        return False
    aftermath.recorded = str(questionnaire.version)
    interview.questionnaire_version = questionnaire.version
    return True


def _made_with_it(questionnaire: Questionnaire, interview: Interview) -> bool:
    """Whether a complete interview made with another version of ``questionnaire`` is
    now one made with it: it answers each question it asks, holds no answer its
    conditions leave out nor one to a question it dropped (its post publishes it, which
    that version never asks), has each field it requires, and each answer reads as the
    question takes it now."""
    if str(interview.questionnaire_version) == str(questionnaire.version):
        return False
    if not interview.is_complete or conditions.unanswered(questionnaire, interview):
        return False
    if conditions.not_asked(questionnaire, interview):
        return False
    if any(
        field.required and interview.fields.get(field.id) in (None, "", [])
        for field in questionnaire.fields
    ):
        return False
    for answer in interview.answers:
        if answer.followup or not answer.given:
            continue
        question = questionnaire.question(answer.id)
        if question is None:  # dropped since: the post still asks it
            return False
        try:
            if answer_rules.coerce(question, answer.value) != answer.value:
                return False
        except answer_rules.InvalidAnswer:
            return False
    return True


@contextlib.contextmanager
def requoting(questionnaire: Questionnaire | None, interview: Interview) -> Iterator[None]:
    """Questions quoting an answer or a field changed in the block are worded again,
    and so are the closing words jeudis wrote."""
    if questionnaire is None:
        yield
        return
    from jeudis.followups import closing_of, renew_closing
    from jeudis.session import interview_context, requote

    before = interview_context(questionnaire, interview)
    was = closing_of(questionnaire, interview)
    yield
    requote(questionnaire, interview, before)
    renew_closing(questionnaire, interview, was)


def reword(interview: Interview, question_id: str, text: str) -> Answer:
    """Change how one question reads in this interview only."""
    from jeudis.starting import one_line_wording

    answer = find_answer(interview, question_id)
    wording = one_line_wording(text)
    if wording != answer.question:
        answer.question = wording
        answer.reworded = True
    return answer


# -- live ---------------------------------------------------------------------------------


def reask(
    questionnaire: Questionnaire | None,
    interview: Interview,
    question_id: str,
    prompter: Any,
    aftermath: Aftermath | None = None,
) -> bool:
    """Ask one question again, prefilled with the answer given; False when cancelled.

    A question the new answer asks now is asked next (Page↑ leaves it, and the rest,
    for ``jeudis resume``), unless an answer to it was set aside: that one comes back;
    ``aftermath`` gathers what the change did to the others, and counts it. When a save
    fails, ``aftermath`` is left as the file holds it: the answer changed counted if
    its own save went through before a later one (a question it asks now) failed.
    """
    answer = find_answer(interview, question_id)
    assert interview.path is not None
    aftermath = aftermath if aftermath is not None else Aftermath()
    saved = [copy.deepcopy(aftermath)]  # as the file holds it, the last one
    with storage.session_lock(interview.path):
        try:
            return _reask(questionnaire, interview, answer, prompter, aftermath, saved)
        except NotSaved:
            aftermath.back_to(saved[-1])
            raise


def _reask(
    questionnaire: Questionnaire | None,
    interview: Interview,
    answer: Answer,
    prompter: Any,
    aftermath: Aftermath,
    saved: list[Aftermath],
) -> bool:
    """:func:`reask`, under the lock; ``saved`` ends with a copy of ``aftermath`` as the
    file holds it, made after each save that changed the answer."""
    from jeudis import followups
    from jeudis.prompts import BACK, Paused
    from jeudis.session import Session

    question_id = answer.id  # given by its number in the post, as `show` numbers it
    form = questionnaire
    question = form.question(question_id) if form is not None else None
    # Its number in the post, as `show` and the review say it; a follow-up has none.
    counter = "✎" if answer.followup else post_counter(interview, answer.id)
    if answer.followup:
        session = Session(form or _stand_in(interview), interview, prompter)
        try:
            changed = followups.ask_live(session, answer, counter=counter)
        except Paused:
            return False
        aftermath.changed += changed
        return changed
    form = form or _stand_in(interview)
    # Not the questionnaire's (any more): asked as its type, its answer kept.
    question = question or question_for(None, answer, interview.language)
    session = Session(form, interview, prompter, moves=aftermath.moves)
    before = conditions.asked(form, interview)
    was_complete, completed = interview.is_complete, interview.completed
    changed = False
    try:
        questions = in_order(form, interview)
        index = next((i for i, q in enumerate(questions) if q.id == question_id), 0)
        prompt = session._prompt(question, index, len(questions))
        raw = prompter.ask(replace(prompt, counter=counter))
        if raw is BACK:
            return False
        changed = session._record(question, raw)  # False: the answer as it was
        count = len(interview.answers)
        if changed:
            aftermath.changed += 1
            saved.append(copy.deepcopy(aftermath))
        followups.after(session, question_id)  # Ctrl-F works here as in a session
        if not changed and len(interview.answers) != count:  # a follow-up added
            changed = True
            aftermath.changed += 1
            saved.append(copy.deepcopy(aftermath))
        _ask_since(session, before)
    except Paused:
        pass
    _missing(form, interview, before, aftermath, complete=was_complete)
    save = aftermath.reopened
    if was_complete and not interview.is_complete:
        # Saved a draft with the change (Session._record) while the questions it asks
        # now were asked: complete again, as it was, once each one is answered.
        if aftermath.missing:
            aftermath.reopened = True
        else:
            interview.status, interview.completed = "complete", completed
        save = True
    if changed and record_version(form, interview, aftermath):
        save = True
    if save:
        storage.save(interview)
    return changed


def _ask_since(session: Any, before: set[str]) -> None:
    """Ask the questions a changed answer asks now (not ``before``), in order, until
    none is left or the host leaves one with Page↑."""
    from jeudis import followups
    from jeudis.prompts import BACK

    form, interview = session.questionnaire, session.interview
    while since := conditions.unanswered(
        form, interview, conditions.asked(form, interview) - before
    ):
        questions = in_order(form, interview)
        index = next(i for i, q in enumerate(questions) if q.id == since[0])
        total = expected_total(form, interview)
        raw = session.prompter.ask(session._prompt(questions[index], index, total))
        if raw is BACK:
            return
        session._record(questions[index], raw)
        followups.after(session, questions[index].id)


def review(
    questionnaire: Questionnaire | None,
    interview: Interview,
    prompter: Any,
    aftermath: Aftermath | None = None,
) -> int:
    """The review screen on a saved interview: pick answers to change until done; how
    many changed. ``aftermath`` counts them as they are saved: a save that fails leaves
    it saying what the file holds (:func:`reask`), for the host to be told."""
    from jeudis import followups
    from jeudis.prompts import Paused

    aftermath = aftermath if aftermath is not None else Aftermath()
    before = aftermath.changed
    while True:
        numbers = interview.numbers()  # as the post and `show` number them
        rows = [
            (
                a.id,
                f"{numbers[a.id]}. {a.question}" if a.id in numbers else a.question,
                followups.review_cell(a, interview.language),
            )
            for a in interview.answers
            if not a.followup
        ]
        rows = followups.review_rows(interview, rows)
        try:
            choice = prompter.review(interview, rows)
        except Paused:  # Ctrl-C: the changes made are saved already
            return aftermath.changed - before
        if choice is None:
            return aftermath.changed - before
        reask(questionnaire, interview, choice, prompter, aftermath)


def _stand_in(interview: Interview) -> Questionnaire:
    """A questionnaire-shaped stand-in when the interview's own is gone."""
    return Questionnaire(
        id=interview.questionnaire,
        version=interview.questionnaire_version,
        title=interview.title,
        series=interview.series,
        language=interview.language,
        style=interview.style,
        questions=(),
    )


def field_spec(
    questionnaire: Questionnaire | None, interview: Interview, field_id: str
) -> Question | None:
    """The field ``field_id`` of the interview (``intro``...), as its questionnaire asks
    it; one the questionnaire no longer has, or none is there, as a text of several
    lines. None when it is no field of either."""
    found = questionnaire.field(field_id) if questionnaire is not None else None
    if found is not None or field_id not in interview.fields:
        return found
    return Question(
        id=field_id, type="long", text={"*": field_id}, required=False, language=interview.language
    )


def set_field(
    interview: Interview,
    questionnaire: Questionnaire | None,
    spec: Question,
    raw: str,
    *,
    source: Path | None = None,
) -> bool:
    """Replace the field ``spec`` names with ``raw``, checked as the host's part checks
    it; what quotes it (a question, the closing words) is worded again. False when it
    is the value there already."""
    try:
        value = answer_rules.coerce(spec, raw)
    except answer_rules.InvalidAnswer as exc:  # as a refused answer file's (8)
        where = f"{source}: " if source is not None else ""
        raise MissingAnswers(f"{where}{spec.id}: {exc}") from None
    return _give_field(interview, questionnaire, spec.id, value)


def _give_field(
    interview: Interview, questionnaire: Questionnaire | None, field_id: str, value: Any
) -> bool:
    value = "" if value is None else value
    if interview.fields.get(field_id, "") == value:
        return False
    if field_id == "photo" and isinstance(value, str) and value:
        from jeudis import photos

        value = photos.adopt_for(interview, value)[0]
    with requoting(questionnaire, interview):
        interview.fields[field_id] = value
    return True


def reask_field(
    questionnaire: Questionnaire | None, interview: Interview, spec: Question, prompter: Any
) -> bool:
    """The field ``spec`` asked again, live, prefilled with its value: as in the host's
    part, checked as it is typed. Saved; False when it is left as it was (Ctrl-C or
    Page↑ give the change up)."""
    from jeudis.prompts import BACK, Paused, prompt_for
    from jeudis.session import Session, interview_context

    form = questionnaire or _stand_in(interview)
    context = interview_context(form, interview)
    prompt = prompt_for(
        spec,
        spec.wording(interview.register, context),
        counter="✎",
        help_text=spec.help_text(interview.register, context),
        previous=interview.fields.get(spec.id),
        placeholder=spec.placeholder_text(context),
    )
    assert interview.path is not None
    with storage.session_lock(interview.path):
        try:
            raw = prompter.ask(prompt)
        except Paused:
            return False
        if raw is BACK:
            return False
        value = Session(form, interview, prompter)._accept(spec, raw)
        if not _give_field(interview, questionnaire, spec.id, value):
            return False
        storage.save(interview)
    return True
