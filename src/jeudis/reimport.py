"""A sheet imported for a guest who has an interview from it already.

The same sheet imported twice, the guest's second sheet with more answers, a
corrected one: a second interview beside the first would split the guest's
answers, and writing over the first would lose what it holds. So the import
refuses, saying how the two differ; the host then updates the interview with
the sheet (``--update``), answer by answer, each change said and what it
replaced kept in the interview's private notes, or makes it another interview
on purpose (``--new``).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from jeudis import conditions, listing, storage
from jeudis.answers import as_input
from jeudis.errors import JeudisError, UsageError
from jeudis.followups import complete, place
from jeudis.interview import Interview, holds_something, typed_text
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from jeudis.questionnaire import Questionnaire
from jeudis.wording import counted


def same_guest(one: str, other: str) -> bool:
    """Whether two spellings name the same guest (case, spaces, composed accents aside)."""

    def key(name: str) -> str:
        return " ".join(unicodedata.normalize("NFC", name).casefold().split())

    return key(one) == key(other)


def twins(
    series: Series,
    questionnaire: str,
    guest: str,
    *,
    named: str = "",
    refused: list[listing.Summary] | None = None,
) -> list[listing.Summary]:
    """The interviews ``guest`` has from ``questionnaire`` already.

    ``named``: only those whose file is named after the guest (the slug ``named``, or
    ``named-2``...), as a session names them: a live session looks before its first
    question, where reading a thousand interviews' summaries was 50 ms.
    ``refused``: given, the files looked at that lead out of the series folder through a
    link (:mod:`jeudis.links`) are added to it: never read, whoever their guest is.
    """
    if named:
        own = re.compile(re.escape(named) + r"(-[0-9]+)?")
        rows = [
            listing.summary_in(series, path)
            for path in storage.interview_files(series)
            if own.fullmatch(path.stem)
        ]
    else:
        rows = listing.summaries(series)
    if refused is not None:
        refused += [summary for summary in rows if summary.status == "refused"]
    return [
        summary
        for summary in rows
        if summary.questionnaire == questionnaire and same_guest(summary.guest, guest)
    ]


@dataclass
class Changes:
    """How a sheet's answers differ from an interview's: question ids, in order."""

    added: list[str] = field(default_factory=list)  # answered on the sheet only
    changed: list[str] = field(default_factory=list)  # answered on both, differently
    kept: list[str] = field(default_factory=list)  # answered in the interview only
    # Answered on the sheet, for a question it does not ask, in words the interview
    # does not keep aside already.
    aside: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.aside)

    def said(self) -> str:
        parts = [
            f"{len(ids)} {what}"
            for ids, what in (
                (self.added, "new"),
                (self.changed, "different"),
                (self.kept, "left empty that it has"),
                (self.aside, "for a question not asked"),
            )
            if ids
        ]
        return ", ".join(parts) or "the same answers"


def changes(interview: Interview, sheet: Interview) -> Changes:
    """What importing ``sheet`` (an interview made from a sheet, not saved) into
    ``interview`` would change."""
    found = Changes()
    theirs = {answer.id: answer for answer in sheet.given_answers()}
    for qid, new in theirs.items():
        old = interview.answer(qid)
        if old is None or not old.given:
            found.added.append(qid)
        elif old.value != new.value:
            found.changed.append(qid)
    found.kept = [a.id for a in interview.given_answers() if a.id not in theirs and not a.followup]
    for new in sheet.set_aside:
        kept = conditions.kept_aside(interview, new.id)
        old = interview.answer(new.id)
        if (kept is None or kept.value != new.value) and (old is None or old.value != new.value):
            found.aside.append(new.id)
    return found


def refusal(
    others: list[listing.Summary], sheet: Interview, sheet_name: str, argument: str
) -> JeudisError:
    """Why ``sheet`` (an interview made from a sheet, not saved) is not imported for a
    guest who has ``others`` from it, and what the host can do: said of the one it is
    the same as, if any, else of the newest. ``argument``: the sheet, as typed.

    An error (1), as an export refusing to write over a file is: the command is right,
    what is there already stops it until an option (--update, --new) says what to do."""
    readable = []
    for other in others:
        with contextlib.suppress(JeudisError):
            readable.append(load_interview(Path(other.path)))
    if not readable:
        return JeudisError(
            f"{sheet_name}: {sheet.guest} already has an interview from {sheet.questionnaire}"
            f" ({', '.join(other.slug for other in others)}), which cannot be read;"
            " nothing was written",
            hint="`jeudis check` says what is wrong with it",
        )
    found = [(changes(other, sheet), other) for other in readable]
    differences, interview = next(((c, other) for c, other in found if not c), found[0])
    return _refusal(sheet_name, argument, interview, differences)


def _refusal(sheet_name: str, argument: str, interview: Interview, found: Changes) -> JeudisError:
    answered = sum(1 for _ in interview.given_answers())
    where = f"{interview.slug} ({interview.status}, {counted(answered, 'answer')})"
    if not found:
        said = (
            f"already imported, as {where}: this sheet has the same answers"
            if not found.kept
            else f"nothing new for {interview.guest}'s interview {where}: it has every"
            f" answer on this sheet, and {len(found.kept)} the sheet leaves empty"
        )
        return JeudisError(
            f"{sheet_name}: {said}; nothing was written",
            hint=f"`jeudis show {interview.slug}`; to import it as another interview,"
            f" `jeudis import {argument} --new`",
        )
    return JeudisError(
        f"{sheet_name}: {interview.guest} already has an interview from"
        f" {interview.questionnaire}, {where}; this sheet's answers: {found.said()};"
        " nothing was written",
        hint=f"to take them into it: `jeudis import {argument} --update {interview.slug}`"
        " (what they replace is kept in its notes); to make another interview: --new",
    )


def update(
    questionnaire: Questionnaire,
    interview: Interview,
    sheet: Interview,
    sheet_name: str,
    missing: list[str],
) -> tuple[Changes, list[str], list[str]]:
    """Take ``sheet``'s answers into ``interview``: each new one in its place, each
    different one replacing the interview's, whose text goes to its private notes.

    The interview's other answers, follow-ups, rewordings, fields and notes stay.
    ``missing``: what the sheet alone lacks. Returns the changes, warnings, and what
    the interview still lacks (it is complete when nothing).
    """
    if interview.questionnaire != questionnaire.id or not same_guest(interview.guest, sheet.guest):
        raise UsageError(
            f"{interview.slug} is {interview.guest}'s interview from"
            f" {interview.questionnaire}, and the sheet {sheet.guest}'s from {questionnaire.id}",
            hint="--update names an interview of the sheet's guest, from its questionnaire",
        )
    # A questionnaire worded one way only words its questions the same for any form of
    # address: an English interview made in "tu", before such a questionnaire had "you".
    keys = ("register", "gender") if len(questionnaire.registers) > 1 else ("gender",)
    for key in keys:
        if getattr(interview, key) != getattr(sheet, key):
            raise UsageError(
                f"{sheet_name}: {key}={getattr(sheet, key) or '(none)'} on the sheet's first"
                f" line, {getattr(interview, key) or '(none)'} in {interview.slug}:"
                " its questions were not worded the same; nothing was written",
                hint="import it as another interview (--new), or put back the first line"
                " of the sheet you sent",
            )
    found = changes(interview, sheet)
    asked = conditions.asked(questionnaire, interview)
    replaced: list[str] = []
    for answer in sheet.given_answers():
        old = interview.answer(answer.id)
        if old is not None and old.given and old.value == answer.value:
            continue
        interview.rewordings.pop(answer.id, None)  # worded for the guest: the answer has it
        if old is not None:  # given differently, or skipped: answered now
            if old.given:
                replaced.append(f"[{answer.id}] {as_input(old.value, interview.language)}")
            old.value, old.skipped, old.answered_at = answer.value, False, answer.answered_at
            continue
        place(questionnaire, interview, answer)  # in the questionnaire's order
    warnings = [
        f"{interview.slug}: [{qid}] replaced by the sheet's answer (the one it had is in its notes)"
        for qid in found.changed
    ]
    warnings += _set_aside(questionnaire, interview, asked, found.kept, replaced)
    # The sheet's answers its conditions leave out (the import said so): kept to come
    # back, in place of any the interview kept for the same question (its notes keep that).
    conditions.keep_aside(interview, sheet.set_aside)
    if back := conditions.bring_back(questionnaire, interview):
        warnings.append(
            f"{interview.slug}: asked again, as the sheet answers: "
            + ", ".join(f"[{qid}]" for qid in back)
            + " (back in the post as answered before, out of its notes)"
        )
    still = _still_missing(questionnaire, interview, missing, asked)
    if conditions.reopen(interview, still):
        warnings.append(
            f"{interview.slug}: a draft again, as the sheet's answers ask what it lacks: "
            + ", ".join(f"[{qid}]" for qid in still)
        )
    completed = not still and interview.status != "complete"
    replaced += _typed_over(interview, sheet, completed)
    if completed:
        complete(questionnaire, interview)
    if replaced:
        block = "\n".join([conditions.heading(f"Before the import of {sheet_name}"), *replaced])
        interview.add_notes(block)
    if sheet.notes:  # what the guest wrote for a question the sheet does not ask
        interview.add_notes(sheet.notes)
    return found, warnings, still


def _typed_over(interview: Interview, sheet: Interview, completed: bool) -> list[str]:
    """What a paused session kept being typed, each text taken out once the sheet has
    answered its question, or the interview is complete (no session asks it again):
    the lines the notes keep of them. The others stay, for ``jeudis resume``."""
    lines = []
    for where, text in list(interview.pending.items()):
        typed = sheet.answer(where)
        if completed or (typed is not None and typed.given):
            if holds_something(text):
                lines.append(f"[{where}] (being typed in a paused session) {typed_text(text)}")
            del interview.pending[where]
    return lines


def _set_aside(
    questionnaire: Questionnaire,
    interview: Interview,
    asked: set[str],
    kept: list[str],
    replaced: list[str],
) -> list[str]:
    """The interview's answers the sheet's leave out ("Non" where it said "Oui", and
    an opinion on the book) go, out of the post, to ``replaced`` (what the notes keep
    of the interview before the import); the warnings saying so, and what it keeps
    that the sheet left empty (``kept``)."""
    warnings = []
    if gone := conditions.not_asked(questionnaire, interview, asked):
        aside = conditions.set_aside(questionnaire, interview, gone, "", noted=False)
        replaced += aside.lines()
        warnings.append(
            f"{interview.slug}: not asked any more, as the sheet answers: "
            + ", ".join(f"[{qid}]" for qid in gone)
            + " (kept in its notes, out of the post)"
        )
    if kept := [qid for qid in kept if qid not in gone]:
        warnings.append(
            f"{interview.slug}: kept, left empty on the sheet: "
            + ", ".join(f"[{qid}]" for qid in kept)
        )
    return warnings


def _still_missing(
    questionnaire: Questionnaire, interview: Interview, missing: list[str], asked: set[str]
) -> list[str]:
    """What the sheet lacked (``missing``) that the interview lacks too and still asks,
    and what the sheet's answers ask that was not asked before (``asked``) and has no
    answer ("Oui" where it said "Non": the opinion on the book)."""
    now_asked = conditions.asked(questionnaire, interview)

    def lacks(key: str) -> bool:
        if key.startswith("fields."):
            return key.removeprefix("fields.") not in interview.fields
        found = interview.answer(key)
        return key in now_asked and (found is None or not found.given)

    still = [key for key in missing if lacks(key)]
    since = conditions.unanswered(questionnaire, interview, now_asked - asked)
    return [*[qid for qid in since if qid not in still], *still]
