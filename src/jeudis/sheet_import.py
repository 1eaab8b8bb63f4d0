"""A returned sheet made an interview, with the checks on what came back.

The markers must be the sheet's (a question unknown or missing is refused when
the sheet is of the questionnaire's current version), and each answer is
checked as a live session checks it; one its condition leaves out is set aside,
as a live session sets one aside: out of the post, kept to come back once the
question is asked again, its text in the private notes. What the import
leaves out, or keeps where the guest may not have meant it, is said as a
warning: what follows a mail program's addition, words outside the questions,
an answer written above its marker. (The first line, which comes back from the
guest too, is checked by :mod:`jeudis.sheet_header`.)
"""

from __future__ import annotations

import copy
import difflib
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from jeudis import answers as answer_rules
from jeudis import conditions
from jeudis.answers import as_input
from jeudis.errors import FileProblem, MissingAnswers
from jeudis.followups import complete
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Question, Questionnaire
from jeudis.session import asked_text, context_for
from jeudis.sheet import (
    HostQuestion,
    bold,
    earlier_notes,
    marker,
    note_templates,
    optional_mark,
    question_notes,
    render_sheet,
    sheet_context,
)
from jeudis.sheet_answers import (
    as_typed,
    as_written,
    dropped_section,
    guest_text,
    sheet_words,
    strip_question,
)
from jeudis.sheet_copies import one_copy
from jeudis.sheet_reading import Sheet
from jeudis.sheet_versions import keep_dropped, noted_otherwise, worded_otherwise
from jeudis.wording import WordingContext, counted


@dataclass
class Imported:
    interview: Interview
    missing: list[str]
    warnings: list[str] = field(default_factory=list)


def _under_current_ids(questionnaire: Questionnaire, sheet: Sheet) -> Sheet:
    """``sheet`` with each answer under a question's former id (a sheet sent before the
    question was renamed: ``[premier-tweet]`` for ``tout-premier-tweet``) under its id
    now: it was kept as a question no longer asked, and the question left unanswered."""
    import dataclasses

    from jeudis.former_ids import renames

    taken = renames(questionnaire, sheet.answers.keys())
    if not taken:
        return sheet

    def renamed(by_id: dict[str, Any]) -> dict[str, Any]:
        return {taken.get(key, key): value for key, value in by_id.items()}

    return dataclasses.replace(
        sheet,
        answers=renamed(sheet.answers),
        lines=renamed(sheet.lines),
        cuts=renamed(sheet.cuts),
        inline=renamed(sheet.inline),
        quoted=renamed(sheet.quoted),
        copies=[_under_current_ids(questionnaire, copy) for copy in sheet.copies],
    )


def import_sheet(
    questionnaire: Questionnaire,
    interview: Interview,
    sheet: Sheet,
    path: Path,
    known: Mapping[str, Any] | None = None,
) -> Imported:
    """Fill ``interview`` from ``sheet``: complete when every required answer is there.

    ``known``: the answers of the interview the sheet updates (``--update``), which
    its conditions and quoted answers read where the sheet leaves a question empty:
    a second sheet holding the opinion alone asks it of a guest who said "oui" on
    the first.

    When the sheet was made from the questionnaire's current version, a marker
    that is unknown or missing is an error; from an older version, questions
    added since are simply unanswered (the draft asks them on ``resume``).
    """
    sheet = _under_current_ids(questionnaire, sheet)
    # The sheet's own words: the questionnaire's language's, or English's on an older sheet.
    words = sheet_words(sheet, questionnaire.language, interview.register)
    expected = {q.id: n for n, q in enumerate(questionnaire.questions, 1)}
    same_version = sheet.meta.get("version", "") == str(questionnaire.version)
    printed = _as_printed(interview, sheet, questionnaire)
    blank = sheet_context(questionnaire, printed, words, expected)
    reading = partial(_reading, questionnaire, printed, words, expected, blank)
    sheet, said_first = _one_copy(questionnaire, sheet, printed, words, reading, path)
    warnings = _check_markers(sheet, expected, same_version, path) + said_first
    problems: list[str] = []
    missing: list[str] = []
    values: dict[str, Any] = {}  # the sheet's answers
    seen = dict(known or {})  # and the interview's, as conditions and wordings read them
    fields = interview.fields  # the host's, as the sheet's first line gave them
    worded, answer_text = reading(sheet)
    left_out: list[str] = []
    for question in questionnaire.questions:
        context = context_for(
            questionnaire,
            interview.guest,
            interview.host,
            interview.gender,
            seen,
            fields,
            interview.first_name,
        )
        asked = asked_text(question, interview, context)
        read = worded.get(question.id, "").removesuffix(" " + words["optional"])
        if read and not question.asks(read, interview.register, blank):
            asked = read  # as the guest read it
        if question.when is not None and not question.when.holds(seen):
            seen.pop(question.id, None)  # counts for none: not asked
            if question.id in sheet.answers and (text := answer_text(question)):
                line, said = _set_aside(questionnaire, interview, question, asked, text, seen)
                left_out.append(line)
                where = f"{path}:{sheet.lines[question.id]}: Q{expected[question.id]}"
                why = conditions.why_not_asked(
                    questionnaire, question, seen, lambda q: f"Q{expected.get(q, '?')} [{q}]"
                )
                warnings.append(f"{where} [{question.id}]: answered, but {why}: {said}")
            continue
        if question.id not in sheet.answers:
            missing.append(question.id)
            continue
        raw = answer_text(question)
        if not raw and question.required:
            missing.append(question.id)
            continue
        try:
            value = answer_rules.coerce(question, _listish(question, raw))
        except answer_rules.InvalidAnswer as exc:
            where = f"{path}:{sheet.lines[question.id]}: Q{expected[question.id]} [{question.id}]"
            # Answered by the rules an older version's sheet printed, kept as written.
            if same_version or (value := as_written(question, _listish(question, raw))) is None:
                problems.append(f"{where}: {exc}")
                continue
            sent = sheet.meta.get("version", "?")
            warnings.append(
                f"{where}: {exc} (a rule of version {questionnaire.version}, which the"
                f" sheet, of version {sent}, did not print): kept as written"
            )
            # Of the sheet's version, then, as a draft begun under it is: check says
            # how the versions differ, not that the answer breaks this one's rule.
            interview.questionnaire_version = int(sent) if sent.isdecimal() else sent
        values[question.id] = seen[question.id] = value
        reworded = interview.rewordings.pop(question.id, None) is not None
        answer = Answer.given_now(question.id, question.type, asked, value, reworded=reworded)
        interview.set_answer(answer)
    if problems:
        # One to a line, each at its line of the sheet: one alone is the error's line.
        said = f"{path}: {counted(len(problems), 'answer')} cannot be read:\n  "
        raise MissingAnswers(  # as a data file's answers that do not validate are
            said + "\n  ".join(problems) if len(problems) > 1 else problems[0],
            hint="correct those answers in the sheet and import it again; nothing was written",
        )
    if left_out:
        heading = conditions.heading(f"Written on the sheet {path.name}, not asked")
        interview.notes = "\n".join([heading, *left_out])
    # A sheet of the current version has none: their markers were refused.
    warnings += keep_dropped(questionnaire, interview, sheet, path, words)
    above = _written_above_a_marker(sheet, expected, set(values), path)
    warnings += above or _left_empty(questionnaire, interview, expected, path)
    for spec in questionnaire.fields:
        if not spec.required:
            interview.fields.setdefault(spec.id, "")
        elif spec.id not in interview.fields:
            missing.append(f"fields.{spec.id}")
    if not missing:
        complete(questionnaire, interview)
    return Imported(interview, missing, warnings)


def _reading(
    questionnaire: Questionnaire,
    printed: Interview,
    words: Mapping[str, Any],
    expected: Mapping[str, int],
    blank: WordingContext,
    sheet: Sheet,
) -> tuple[dict[str, str], Callable[[Question], str]]:
    """How ``sheet`` words the questions it printed otherwise (an older version's), by
    id, and what the guest wrote for a question: its section without the question
    and the notes the sheet printed (``blank``: the sheet's wording, before any answer)."""
    same_version = sheet.meta.get("version", "") == str(questionnaire.version)
    # An older version's sheet may word a question otherwise: as it printed it.
    worded = {} if same_version else worded_otherwise(sheet, questionnaire, printed, words, blank)

    def answer_text(question: Question) -> str:
        # The sheet was written before any answer: its wording quoted none.
        shown = asked_text(question, printed, blank) + optional_mark(question, words)
        shown = worded.get(question.id, shown)
        notes = question_notes(question, printed, questionnaire, words, expected, blank)
        notes += earlier_notes(question, questionnaire, words)
        notes += noted_otherwise(sheet, question.id, notes, same_version)
        own = [bold(shown), *(f"_{note}_" for note in notes)]
        below = strip_question(as_typed(sheet, question.id, own), shown, notes)
        first = sheet.inline.get(question.id, "")
        return "\n\n".join(part for part in (first, below) if part)

    return worded, answer_text


def _one_copy(
    questionnaire: Questionnaire,
    sheet: Sheet,
    printed: Interview,
    words: Mapping[str, Any],
    reading: Callable[[Sheet], tuple[dict[str, str], Callable[[Question], str]]],
    path: Path,
) -> tuple[Sheet, list[str]]:
    """The copy of the sheet's questions that holds the answers, when they are there
    twice (:mod:`jeudis.sheet_copies`), and the warnings of what the import leaves out:
    the copies without answers, what follows a mail program's addition, and what the
    guest wrote outside the questions, in each copy (a P.S. below a quoted one)."""
    warnings: list[str] = []
    left: list[Sheet] = []
    if sheet.copies:
        sheet, left, said = one_copy(sheet, partial(_answered, questionnaire, words, reading), path)
        warnings.append(said)
    numbers = {q.id: n for n, q in enumerate(questionnaire.questions, 1)}
    own = render_sheet(questionnaire, printed, words).split()
    for one in (sheet, *left):
        warnings += _cut_warnings(one, numbers, path)
        warnings += _unread_warnings(one, own, path)
    return sheet, warnings


def _answered(
    questionnaire: Questionnaire,
    words: Mapping[str, Any],
    reading: Callable[[Sheet], tuple[dict[str, str], Callable[[Question], str]]],
    sheet: Sheet,
) -> dict[str, tuple[str, ...]]:
    """The questions a copy of the sheet holds an answer to, named as the sheet does
    ("Q3"; one a later version dropped by its id), each with what the import reads of
    it: the wording as the sheet gives it, and the answer. None when the copy holds
    only what the sheet printed, its questions and their notes."""
    worded, answer_text = reading(sheet)
    numbers = {q.id: n for n, q in enumerate(questionnaire.questions, 1)}
    printed_notes = note_templates(words, questionnaire.language)
    said: dict[str, tuple[str, ...]] = {}
    for qid in sheet.answers:
        question = questionnaire.question(qid)
        if question is not None and (text := answer_text(question)):
            said[f"Q{numbers[qid]}"] = (worded.get(qid, ""), text)
        elif question is None:
            printed, answer, notes = dropped_section(sheet, qid, printed_notes)
            if answer:
                said[f"[{qid}]"] = (printed, answer, *notes)
    return said


def _check_markers(
    sheet: Sheet, expected: Mapping[str, int], same_version: bool, path: Path
) -> list[str]:
    """Refuse a marker unknown or missing from the current version; warn for an older one."""
    warnings: list[str] = []
    unknown = [qid for qid in sheet.answers if qid not in expected]
    if unknown and same_version:
        qid = unknown[0]
        close = difflib.get_close_matches(qid, list(expected), n=1)
        hint = (
            f"restore it as `{marker(expected[close[0]], close[0])}`"
            if close
            else "restore the marker line from the sheet you sent"
        )
        raise FileProblem(
            path, f"unknown question id [{qid}] in a marker", line=sheet.lines[qid], hint=hint
        )
    removed = [qid for qid in expected if qid not in sheet.answers]
    if removed and same_version:
        qid = removed[0]
        number = expected[qid]
        for line, heading, text in sheet.headings:
            if heading == number:
                raise FileProblem(
                    path,
                    f"this line looks like a damaged question marker: {text!r}",
                    line=line,
                    hint=f"a marker reads exactly `{marker(number, qid)}`; "
                    "restore it from the sheet you sent",
                )
        more = f" (and {len(removed) - 1} more)" if len(removed) > 1 else ""
        # Where it goes back: between the questions around it that the sheet still has
        # (its answer, if the guest kept it, is at the end of the one before), at the line
        # of the one after it, or of the end line.
        kept = sorted((n, other) for other, n in expected.items() if other in sheet.answers)
        before = [f"after Q{n}'s answer" for n, _ in kept if n < number][-1:]
        after = [(n, other) for n, other in kept if n > number][:1]
        bounds = before + [f"before `{marker(*after[0])}`" for _ in after]
        if not after and sheet.end_line:
            bounds.append(f"before `{sheet.end_marker}`")
        raise FileProblem(
            path,
            f"question {number} [{qid}] is missing: its marker line was removed or changed{more}",
            line=sheet.lines[after[0][1]] if after else sheet.end_line or None,
            hint=f"put the line `{marker(number, qid)}` back above its answer"
            + (", " + " and ".join(bounds) if bounds else "")
            + " (an empty answer is fine)",
        )
    return warnings


# The room a sheet leaves for an answer: two blank lines or more.
_ROOM = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _left_empty(
    questionnaire: Questionnaire, interview: Interview, numbers: Mapping[str, int], path: Path
) -> list[str]:
    """The host's own questions (an open questionnaire's) the guest left empty, said: a
    post leaves them out, and an answer written above its question's marker, read as
    the one before's, is found so. The questionnaire's optional ones are marked so on
    the sheet, and skipping one is the guest's to decide; a required one left empty
    makes a draft, which says it already."""
    empty = [
        f"Q{numbers[answer.id]} [{answer.id}]"
        for answer in interview.answers
        if answer.skipped
        and answer.id in numbers
        and isinstance(questionnaire.question(answer.id), HostQuestion)
    ]
    if not empty:
        return []
    said = f"{path}: {counted(len(empty), 'question')} left empty, out of the post:"
    said += f" {', '.join(empty)} (an answer written above its question's `## Q` line is"
    return [said + " read as the question before's)"]


def _written_above_a_marker(
    sheet: Sheet, numbers: Mapping[str, int], answered: set[str], path: Path
) -> list[str]:
    """Text written right above a question's marker, past the room left for the answer
    before it, while that question has no answer: likely its answer, written above it.

    It stays where the sheet puts it, in the answer before (moving a guest's words on
    a guess could be wrong too); the host is told, to move it if it is the next one's.
    """
    warnings: list[str] = []
    order = list(sheet.answers)
    for qid, following in itertools.pairwise(order):
        body = sheet.answers[qid]
        if following in answered or qid not in numbers or following not in numbers:
            continue
        if re.search(r"\n[ \t]*\n[ \t]*\Z", body):
            continue  # blank lines below the text: the room the sheet left, unused
        blocks = _ROOM.split(body.strip())
        if len(blocks) < 2 or not blocks[-1].strip():
            continue
        words = " ".join(blocks[-1].split()[:8])
        warnings.append(
            f"{path}:{sheet.lines[qid]}: Q{numbers[qid]} [{qid}]: “{words}” is written right"
            f" above the marker of Q{numbers[following]} [{following}], which has no answer:"
            f" kept in Q{numbers[qid]}; if it answers Q{numbers[following]}, move it under"
            " that question and import again"
        )
    return warnings


def _set_aside(
    questionnaire: Questionnaire,
    interview: Interview,
    question: Question,
    asked: str,
    text: str,
    values: Mapping[str, Any],
) -> tuple[str, str]:
    """An answer on the sheet to a question its conditions leave out, as a live session
    sets one aside: out of the post, into the interview's ``set_aside`` answers (back as
    written once the question is asked again: ``edit``, ``resume``, ``import --update``),
    and its text into the notes. Returns the line of the notes, and what the warning says
    became of it. One that does not read as an answer to the question (a choice it does
    not offer) has the notes alone: nothing could put it back."""
    why = conditions.why_not_asked(questionnaire, question, values)
    alone = "kept in the interview's private notes alone, out of the post"
    try:
        value = answer_rules.coerce(question, _listish(question, text))
    except answer_rules.InvalidAnswer as exc:
        problem = f"{alone} (as written, it does not answer the question: {exc})"
        return conditions.note_line(question.id, asked, why, text), problem
    answer = Answer.given_now(question.id, question.type, asked, value)
    if not answer.given:  # a list of empty items: nothing to put back
        return conditions.note_line(question.id, asked, why, text), alone
    interview.set_aside.append(answer)
    line = conditions.note_line(question.id, asked, why, as_input(value, interview.language))
    return line, (
        "set aside, out of the post, and kept in the interview's private notes; back in the"
        " post as written if the question is asked again"
    )


def _cut_warnings(sheet: Sheet, numbers: Mapping[str, int], path: Path) -> list[str]:
    """Say where a mail program's addition ended an answer: the guest may have meant it."""
    # A question a later version dropped is named by its id: its answer is kept too.
    return [
        f"{path}:{line}: {f'Q{numbers[qid]} ' if qid in numbers else ''}[{qid}]: {what}"
        " ends the answer; what follows it was left out"
        for qid, (line, what) in sheet.cuts.items()
    ]


def _unread_warnings(sheet: Sheet, own: list[str], path: Path) -> list[str]:
    """Say what the guest wrote outside the questions: above the first, below the end."""
    warnings = []
    for where, region in (
        ("above the first question", sheet.above),
        (f"below the end line ({sheet.end_marker})", sheet.below),
    ):
        if unread := guest_text(region, own):
            line, text = unread
            warnings.append(f"{path}:{line}: text {where}, not imported: {text}")
    return warnings


def _listish(question: Question, raw: str) -> Any:
    """A multi-choice answer written as a Markdown list reads like "a, b"."""
    if question.type != "multi":
        return raw
    items = [re.sub(r"^\s*[-*+]\s*", "", line).strip() for line in raw.split("\n")]
    return [item for item in items if item] if "\n" in raw else raw


def _as_printed(interview: Interview, sheet: Sheet, questionnaire: Questionnaire) -> Interview:
    """The interview as the sheet printed its questions, to tell the sheet's words from
    the guest's: a field its first line records and the import leaves out (a value
    the field's type no longer takes) quoted as it was printed, as written there."""
    fields = dict(interview.fields)
    for key, raw in sheet.meta.items():
        name = key.removeprefix("field.")
        if name != key and name not in fields and questionnaire.field(name) is not None:
            fields[name] = raw
    printed = copy.copy(interview)
    printed.fields = fields
    printed.rewordings = dict(interview.rewordings)  # the import takes them out of its own
    return printed
