"""The live session: ask the host's fields, hand over, ask the guest, review, finish.

The logic here talks to a :class:`~jeudis.prompts.Prompter`, never to the
terminal: the real one (``jeudis.prompter``) draws with questionary and rich,
tests pass a scripted fake. Every answer is saved, atomically, before the next
prompt. The way through the guest's questions (Page↑ back, Entrée on after it,
the changes a pause left) is :mod:`jeudis.session_paging`'s.
"""

from __future__ import annotations

import contextlib
import copy
import signal
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from jeudis import answers as answer_rules
from jeudis import conditions, followups, former_ids, storage, wording
from jeudis.errors import FileProblem, NotSaved, SessionInterrupted, TooLarge, stop_signals
from jeudis.files import read_text, stamp_of
from jeudis.interview import Answer, Interview, Typed, holds_something
from jeudis.numbering import expected_total, in_order
from jeudis.prompts import BACK, Paused, Prompt, Prompter, choice_words, prompt_for
from jeudis.questionnaire import Question, Questionnaire


def context_for(
    questionnaire: Questionnaire,
    guest: str,
    host: str,
    gender: str | None,
    answers: Mapping[str, Any] | None = None,
    fields: Mapping[str, Any] | None = None,
    first: str = "",
) -> wording.WordingContext:
    """What a wording for this guest may say; ``first``, their first name as the host
    said it (else read from ``guest``)."""
    return wording.WordingContext(
        gender=gender,
        names={
            "guest": guest,
            "first_name": wording.first_name(guest, first),
            "host": host,
            "series": questionnaire.series,
        },
        answers=answers or {},
        fields=fields or {},
        language=questionnaire.language,
        inclusive=questionnaire.inclusive,
    )


def asked_text(question: Question, interview: Interview, context: wording.WordingContext) -> str:
    """How ``question`` is put to this guest: as the host worded it for them before it
    was asked (``--reword``), else as the questionnaire words it."""
    return interview.rewordings.get(question.id) or question.wording(interview.register, context)


def interview_context(questionnaire: Questionnaire, interview: Interview) -> wording.WordingContext:
    return context_for(
        questionnaire,
        interview.guest,
        interview.host,
        interview.gender,
        interview.values(),
        dict(interview.fields),  # as they are now: a context kept stays as it was
        interview.first_name,
    )


def requote(
    questionnaire: Questionnaire, interview: Interview, before: wording.WordingContext
) -> None:
    """Word again the questions that quote an answer or a field that changed since ``before``.

    "Who wrote « {answer:book} »?" was asked with the book first given; once the
    guest changes it (Page↑, the review, ``jeudis edit``), the post must not ask
    about the other one. Only a wording as the questionnaire words it changes: one
    reworded for this guest, or asked with another version, stays as it is.
    """
    after = interview_context(questionnaire, interview)
    for answer in interview.answers:
        question = questionnaire.question(answer.id)
        if question is None or answer.followup or answer.reworded:
            continue
        if answer.question == question.wording(interview.register, before):
            answer.question = question.wording(interview.register, after)


class Session:
    """One live run over an interview file: fields, hand-over, questions, review."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        interview: Interview,
        prompter: Prompter,
        moves: conditions.Moves | None = None,
        *,
        begun_now: bool = False,
    ) -> None:
        self.questionnaire = questionnaire
        self.interview = interview
        # An answer under a question's former id (a draft made before it was renamed)
        # is its answer: not asked again, and saved under its id now.
        former_ids.adopt(questionnaire, interview)
        self.prompter = prompter
        # The answers the run's changes set aside and brought back (``jeudis edit``
        # says them; its review is one session a change).
        self.moves = moves if moves is not None else conditions.Moves()
        # Questions whose text, typed and never given, went to the notes at the end.
        self.typed_kept: list[str] = []
        # Whether the texts typed are on disk as kept here: a save made while typing
        # fails in silence (the disk full), and a pause must try it again.
        self._typing_saved = True
        # A text that would make the file too large to read back is refused as it is
        # given, as a wrong one is: in `jeudis edit` too, which asks without run().
        if hasattr(prompter, "room"):
            prompter.room = self._room
        # ``jeudis new``'s file, as it was made: paused before anything is given, it goes
        # (nothing in it but the command's options), so the guest's next `new` is not
        # "slug-2" beside an empty draft.
        self._begun_with = dict(interview.fields) if begun_now else None

    # -- entry point ---------------------------------------------------------------
    def run(self) -> Interview:
        path = self.interview.path
        assert path is not None
        with storage.session_lock(path), _signals_raise_pause():
            if not self.interview.is_complete:
                # A draft resumed after the questionnaire changed is finished with this version.
                self.interview.questionnaire_version = self.questionnaire.version
            if hasattr(self.prompter, "autosave"):
                self.prompter.autosave = self._keep_typing
            try:
                self._fields()
                total = expected_total(self.questionnaire, self.interview)
                self.prompter.hand_over(self.interview, self.questionnaire, total)
                self._questions()
                followups.open_questions(self)
                self._review()
                self._complete()
            except (Paused, KeyboardInterrupt) as stop:
                # Ctrl-C where no prompt of ours catches it (the hand-over screen) pauses too.
                pause = stop if isinstance(stop, Paused) else Paused()
                with _signals_held() as late:
                    # The terminal's end of file, then its SIGHUP: the signal, come
                    # while the pause is saved, is noted, not raised inside the save.
                    kept = self._keep_partial(pause.partial)
                    kept = self._save_unsaved() and kept
                if late and not pause.signal_name:
                    pause.signal_name = late[0]
                answered = sum(1 for a in self.interview.answers if a.given)
                said = getattr(self.prompter, "paused", None)
                # Said to whoever paused, in the session's language; a signal's stop
                # is the host's (the CLI says it), its terminal maybe gone. What was
                # being typed, too large to keep, is said not kept.
                dropped = self._drop_if_untouched()  # then no "we'll pick up" to the guest
                if said is not None and not pause.signal_name and not dropped:
                    with contextlib.suppress(OSError):
                        said(self.interview, answered, too_large=not kept)
                raise SessionInterrupted(
                    path, answered, signal_name=pause.signal_name, dropped=dropped
                ) from None
        # Saved complete, lock released, signals back to their own ways: a SIGTERM
        # now simply ends the program, with nothing left to lose.
        self.prompter.thanks(self.interview)
        return self.interview

    def _saved_as_is(self) -> bool:
        """Whether the file holds the interview as the session does."""
        interview = self.interview
        text = interview.to_toml()
        if interview.read_from is not None and interview.read_from[1] == text:
            return True
        if interview.path is not None and _holds(interview.path, text):
            # Written, and stopped before it was noted so: the file is the session's.
            interview.read_from = (stamp_of(interview.path), text)
            return True
        return False

    def _save_unsaved(self) -> bool:
        """Save what the session holds that its file does not: an answer whose save a
        signal or Ctrl-C stopped half-way (the file kept what it held before, and the
        stop said the answer saved). True when the file holds it all."""
        if self._saved_as_is():
            return True
        try:
            storage.save(self.interview, touch=False)
        except NotSaved as failed:
            if isinstance(failed.error, TooLarge):
                return False
            raise
        return True

    def _drop_if_untouched(self) -> bool:
        """The file ``jeudis new`` made removed when nothing was given in it: no field,
        no answer, nothing being typed, no note. True when it was."""
        interview = self.interview
        if (
            self._begun_with is None
            or interview.answers
            or interview.pending
            or interview.notes
            or interview.fields != self._begun_with
            or interview.path is None
        ):
            return False
        try:
            interview.path.unlink()
        except OSError:  # kept, then: an empty draft is no loss
            return False
        return True

    def _complete(self) -> None:
        """Completed and saved, or, stopped before the save was done, as it was: the
        pause saves what the session holds, and a completion half made (its closing
        words not written) is none."""
        before = copy.deepcopy(self.interview)
        try:
            gone, self.typed_kept = followups.complete(self.questionnaire, self.interview)
            self.moves.took(gone)
            storage.save(self.interview)
        except (Paused, KeyboardInterrupt):
            if not self._saved_as_is():
                vars(self.interview).update(vars(before))
            raise

    # -- the host's part -------------------------------------------------------------
    def _fields(self) -> None:
        """The host's part: each field not given yet, numbered among all the fields
        (a resumed draft's too), Page↑ going back to any, given before a pause or not.
        After Page↑, Entrée goes on to the next field, as a form's Next does, up to the
        one Page↑ left; a field whose change a pause kept is asked again, from the first."""
        fields = self.questionnaire.fields
        typed = [i for i, spec in enumerate(fields) if spec.id in self.interview.pending]
        index = min([self._next_field(0), *typed])
        if index == len(fields):
            return
        ahead = max(typed, default=-1)  # the furthest field to go on to, one by one
        self.prompter.host_part(self.interview, self.questionnaire)
        context = interview_context(self.questionnaire, self.interview)
        while index < len(fields):
            spec = fields[index]
            prompt = prompt_for(
                spec,
                spec.wording(self.interview.register, context),
                counter=f"[{index + 1}/{len(fields)}]",
                help_text=spec.help_text(self.interview.register, context),
                previous=self._pending_for(spec.id) or self.interview.fields.get(spec.id),
                can_go_back=index > 0,
                placeholder=spec.placeholder_text(context),
            )
            raw = self.prompter.ask(prompt)
            if raw is BACK:
                ahead = max(ahead, index)
                index = max(0, index - 1)
                continue
            value = self._accept(spec, raw)
            if spec.id == "photo" and isinstance(value, str) and value:
                value = self._photo(value)
            self.interview.fields[spec.id] = "" if value is None else value
            self.interview.pending.pop(spec.id, None)
            storage.save(self.interview)
            index = index + 1 if index < ahead else self._next_field(index + 1)

    def _next_field(self, start: int) -> int:
        """The first field from ``start`` not given yet (the count of fields: none)."""
        fields = self.questionnaire.fields
        return next(
            (i for i in range(start, len(fields)) if fields[i].id not in self.interview.fields),
            len(fields),
        )

    def _photo(self, given: str) -> str:
        """An image file elsewhere on the machine is copied into the series (:mod:`jeudis.photos`)."""
        from jeudis import photos

        value, copied = photos.adopt_for(self.interview, given)
        if copied:
            self.prompter.photo_copied(value)
        elif photos.missing(self.interview, value) and hasattr(self.prompter, "photo_missing"):
            self.prompter.photo_missing(value)  # kept: the file may come later
        return value

    # -- the guest's part ------------------------------------------------------------
    def _questions(self) -> None:
        from jeudis import session_paging  # here: `jeudis list` imports this module for context_for

        # An answer set aside whose question is asked again before any change (the
        # file edited by hand) is back before anything is asked.
        if back := conditions.bring_back(self.questionnaire, self.interview):
            self.moves.gave_back(back)
            storage.save(self.interview)
        start, ahead = session_paging.changing(self)
        followups.resume_live(self)
        session_paging.ask_unanswered(self, start, ahead)

    def _prompt(self, question: Question, index: int, total: int) -> Prompt:
        context = interview_context(self.questionnaire, self.interview)
        stored = self.interview.answer(question.id)
        # A question already answered keeps the wording it was asked with.
        message = stored.question if stored else asked_text(question, self.interview, context)
        previous = self._pending_for(question.id)
        if previous is None and stored is not None and not stored.skipped:
            previous = stored.value
        # Answered, and a later version dropped it: kept, not "optional" (a skipped
        # one is, as it was: it is in no post).
        kept = bool(stored and stored.given) and self.questionnaire.question(question.id) is None
        return prompt_for(
            question,
            message,
            # An open interview goes on past its fixed questions: no "[1/1]" to end it.
            counter=f"[{index + 1}]" if self.questionnaire.open else f"[{index + 1}/{total}]",
            help_text=question.help_text(self.interview.register, context),
            previous=previous,
            can_go_back=index > 0,
            dropped=kept,
            placeholder=question.placeholder_text(context),
        )

    def _record(self, question: Question, raw: Any, deciding: Collection[str] = ()) -> bool:
        """Save the answer; False when it is the one stored (Entrée on it, back from
        Page↑ or the review): nothing changes, its time stays. ``deciding``: questions
        whose condition the answer decides, counted as asked before it (an answer to
        one it leaves out goes to the notes; one it asks does not reopen the interview)."""
        value = self._accept(question, raw)
        stored = self.interview.answer(question.id)
        if stored is not None and value == stored.value and (value is None) == stored.skipped:
            if self.interview.pending.pop(question.id, None) is not None:  # typing was kept
                storage.save(self.interview)
            return False
        context = interview_context(self.questionnaire, self.interview)
        asked = stored.question if stored else asked_text(question, self.interview, context)
        # Worded for this guest before it was asked: the answer holds the wording now.
        reworded = stored.reworded if stored else question.id in self.interview.rewordings
        self.interview.rewordings.pop(question.id, None)
        before = conditions.asked(self.questionnaire, self.interview) | set(deciding)
        followups.place(
            self.questionnaire,
            self.interview,
            Answer.given_now(question.id, question.type, asked, value, reworded=reworded),
        )
        self._settle(before)
        if self.interview.is_complete:  # `jeudis edit`: a question it asks now is unanswered
            since = conditions.asked(self.questionnaire, self.interview) - before
            conditions.reopen(
                self.interview, conditions.unanswered(self.questionnaire, self.interview, since)
            )  # a draft in this same save: a crash while it is asked leaves the file true
        requote(self.questionnaire, self.interview, context)
        self.interview.pending.pop(question.id, None)  # the others' texts stay theirs
        storage.save(self.interview)
        return True

    def _settle(self, before: set[str]) -> None:
        """After an answer changed: the answers its conditions leave out now are set
        aside, and those set aside before (in this run or an earlier one) whose
        condition holds again come back, as they were (:mod:`jeudis.conditions`)."""
        self.moves.took(conditions.set_aside_since(self.questionnaire, self.interview, before))
        self.moves.gave_back(conditions.bring_back(self.questionnaire, self.interview))

    def _accept(self, question: Question, raw: Any) -> Any:
        yes, no, skip = choice_words(question.language)
        if raw == skip and question.type in ("choice", "yesno"):
            raw = None
        if question.type == "yesno" and raw in (yes, no):
            raw = raw == yes
        return answer_rules.coerce(question, raw)

    def _pending_for(self, question_id: str) -> Typed | None:
        return self.interview.pending.get(question_id) or None

    def _keep_typing(self, question_id: str, typed: Typed) -> bool:
        """Save what is being typed at ``question_id`` while it is typed (the prompter's
        ``autosave``): as a pause keeps it, the draft's pending text there (at a multiple
        choice, the choices ticked), beside those typed at other questions. An answer or
        a field given, shown as it was (looked at after Page↑), changes nothing: no text
        is kept for it, nor the boxes it ticked. False when the text is too large to
        keep: the draft keeps the one kept before."""
        stored = self.interview.answer(question_id)
        field = self.interview.fields.get(question_id)
        if stored and not stored.skipped and self._as_given(typed, stored.value):
            typed = ""
        if stored is None and field is not None and self._as_given(typed, field):
            typed = ""
        previous = self.interview.pending.get(question_id)
        if holds_something(typed):
            if self.interview.pending.get(question_id) == typed and self._typing_saved:
                return True
            self.interview.pending[question_id] = typed
        elif self.interview.pending.pop(question_id, None) is None and self._typing_saved:
            return True
        self._typing_saved = False
        try:
            storage.save(self.interview)
        except NotSaved as failed:
            if not isinstance(failed.error, TooLarge):
                raise
            # Megabytes pasted: the file keeps the text kept before, and so does the
            # interview, which stays one to save; the prompt holds it still, and
            # refuses it when it is given (:meth:`_room`). Saved again at a pause.
            if previous is None:
                self.interview.pending.pop(question_id, None)
            else:
                self.interview.pending[question_id] = previous
            return False
        self._typing_saved = True
        return True

    def _room(self, key: str, asked: str) -> int:
        """The bytes the text given at the question or field ``key`` (a question asked
        as ``asked``) may take in the file (the prompter's ``room``)."""
        field = self.questionnaire.field(key) is not None and self.interview.answer(key) is None
        return self.interview.room(key, asked, field=field)

    def _as_given(self, typed: Typed, given: Any) -> bool:
        """Whether ``typed`` is the answer ``given`` as a prompt shows it: its text, or
        the same boxes ticked."""
        if isinstance(typed, list) and isinstance(given, list):
            return set(typed) == set(given)
        return typed == answer_rules.as_input(given, self.interview.language)

    def _keep_partial(self, partial: Typed) -> bool:
        """Save what was being typed when the session paused, to prefill on resume: a
        text, or the choices ticked (none: the boxes of the answer given unticked).
        False when it is too large to keep (:meth:`_keep_typing`)."""
        current = getattr(self.prompter, "current_id", None)
        if current and (isinstance(partial, list) or partial.strip()):
            return self._keep_typing(current, partial)
        return True

    # -- the end ------------------------------------------------------------------
    def _review(self) -> None:
        from jeudis import session_paging

        while True:
            # The interview's own questions (one another version asked too), numbered as
            # its post numbers them: a skipped one has no number.
            questions = in_order(self.questionnaire, self.interview)
            stored = {q.id: self.interview.answer(q.id) for q in questions}
            numbered = [qid for qid, answer in stored.items() if not (answer and answer.skipped)]
            numbers = {qid: number for number, qid in enumerate(numbered, 1)}
            rows = []
            for qid, answer in stored.items():
                asked = answer.question if answer else qid
                shown = followups.review_cell(answer, self.interview.language) if answer else ""
                rows.append((qid, f"{numbers[qid]}. {asked}" if qid in numbers else asked, shown))
            rows = followups.review_rows(self.interview, rows)
            choice = self.prompter.review(self.interview, rows)
            if choice is None:
                return
            if followups.reask(self, choice):
                continue
            for index, question in enumerate(questions):
                if question.id == choice:
                    session_paging.change(self, question, index, len(questions))
            # A question the change asks now ("no" became "yes") is asked before the
            # review comes back: finishing must not leave it unanswered.
            session_paging.ask_unanswered(self)


def _holds(path: Path, text: str) -> bool:
    try:
        return read_text(path) == text
    except (OSError, FileProblem):
        return False


@contextmanager
def _signals_held() -> Iterator[list[str]]:
    """The stop signals noted, by name, not raised: the session is stopping already."""
    arrived: list[str] = []

    def note(signum: int, frame: FrameType | None) -> None:
        arrived.append(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, note) for sig in stop_signals()}
    try:
        yield arrived
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def _signals_raise_pause() -> Iterator[None]:
    """SIGTERM and the terminal closed (SIGHUP; SIGBREAK on Windows) end the session like a pause.

    Answers are saved as they are given; this only makes the exit orderly (locks
    released, terminal restored, a message and exit code) instead of abrupt.
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Paused(signal_name=signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in stop_signals()}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
