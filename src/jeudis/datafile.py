"""An interview filled from a TOML file of answers (``jeudis new --data-file``), no session.

For a guest who sent their answers some other way, or a script: the same checks
as the live session (required answers, validation, conditions), all at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jeudis import answers as answer_rules
from jeudis import followups
from jeudis.errors import MissingAnswers
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Questionnaire
from jeudis.session import asked_text, interview_context
from jeudis.tomlio import locate
from jeudis.wording import counted


def fill_from_data(
    questionnaire: Questionnaire,
    interview: Interview,
    data: Mapping[str, Any],
    source: Path,
    text: str = "",
) -> Interview:
    """Fill an interview from a TOML file of answers (``--data-file``), all at once.

    Every problem (a missing required answer, a value that does not validate, an
    unknown id) is collected and reported together, one to a line, with the line
    of the file it is on when ``text`` (the file's) is given.
    """
    problems: list[tuple[tuple[str, ...], str]] = []  # the key it is on, what is wrong
    missing: list[str] = []
    raw_fields = data.get("fields", {})
    raw_answers = data.get("answers", {})
    if not isinstance(raw_fields, dict) or not isinstance(raw_answers, dict):
        raise MissingAnswers(  # as an unknown key is, below
            f"{source}: expected [fields] and [answers] tables",
            hint="fix the data file and run the command again; no interview was written",
        )
    problems += [
        ((key,), _misplaced(questionnaire, data, key)) for key in data if key not in TABLES
    ]
    problems += [
        (("answers", key), f"no such question in {questionnaire.id}")
        for key in raw_answers
        if questionnaire.question(key) is None
    ]
    problems += [
        (("fields", key), f"no such field in {questionnaire.id}")
        for key in raw_fields
        if questionnaire.field(key) is None
    ]
    missing_fields: list[str] = []
    for spec in questionnaire.fields:
        raw = raw_fields.get(spec.id)
        try:
            value = answer_rules.coerce(spec, raw)
        except answer_rules.InvalidAnswer as exc:
            if not answer_rules.is_empty(raw):
                problems.append((("fields", spec.id), str(exc)))
            elif spec.id not in data:  # one written outside [fields] is said so
                missing_fields.append(spec.id)
            continue
        interview.fields[spec.id] = "" if value is None else value
    session_values: dict[str, Any] = {}
    # Answers refused, and the questions waiting on them: whether those are asked is not
    # known until the answer is mended ("Myspace" refused, "pourquoi" is not "not asked").
    unknown: set[str] = set()
    for question in questionnaire.questions:
        if question.when is not None and question.when.question in unknown:
            unknown.add(question.id)
            continue
        if question.when is not None and not question.when.holds(session_values):
            if not answer_rules.is_empty(raw_answers.get(question.id)):
                # Written, then dropped without a word: the guest's answer lost.
                condition = question.when.question
                said = f"not asked, as its condition on {condition} does not hold"
                problems.append(
                    (("answers", question.id), f"{said}: remove it, or change answers.{condition}")
                )
            continue
        raw = raw_answers.get(question.id)
        try:
            value = answer_rules.coerce(question, raw)
        except answer_rules.InvalidAnswer as exc:
            if answer_rules.is_empty(raw):
                if question.id not in data:  # one written outside [answers] is said so
                    missing.append(question.id)
            else:
                problems.append((("answers", question.id), str(exc)))
                unknown.add(question.id)
            continue
        session_values[question.id] = value
        context = interview_context(questionnaire, interview)
        asked = asked_text(question, interview, context)
        reworded = interview.rewordings.pop(question.id, None) is not None
        interview.set_answer(
            Answer.given_now(question.id, question.type, asked, value, reworded=reworded)
        )
    if problems or missing or missing_fields:
        raise MissingAnswers(
            _said(source, text, problems, {"field": missing_fields, "answer": missing}),
            hint="fix the data file and run the command again; no interview was written",
        )
    followups.complete(questionnaire, interview)
    return interview


TABLES = ("fields", "answers")


def _misplaced(questionnaire: Questionnaire, data: Mapping[str, Any], key: str) -> str:
    """A key outside the two tables: an answer or a field written before them, or none."""
    for table, what, known in (
        ("answers", "an answer", questionnaire.question(key)),
        ("fields", "a field", questionnaire.field(key)),
    ):
        if known is not None:
            # A second [answers] line would make the file TOML no longer reads.
            fix = f"move it under [{table}]" if table in data else f"put a line [{table}] above it"
            return f"{what} outside [{table}], where {table} are read: {fix}"
    return "unknown key: a data file holds [fields] and [answers]"


def _said(
    source: Path,
    text: str,
    problems: list[tuple[tuple[str, ...], str]],
    missing: Mapping[str, list[str]],
) -> str:
    """The problems one to a line, each at its line of the file (``data.toml:3: ...``),
    in the file's order as ``jeudis check`` says them (one found nowhere first); the
    fields and the answers missing (``missing``, by what they are), on no line of it,
    each together on a last line. One problem alone is one line."""
    located = []
    for keys, what in problems:
        line = locate(text, keys) if text and keys[0] in text else None
        located.append((line or 0, f"{source}:{line}" if line else str(source), keys, what))
    located.sort(key=lambda problem: problem[0])  # stable: the same line keeps its order
    lines = [f"{where}: {'.'.join(keys)}: {what}" for _, where, keys, what in located]
    for what, ids in missing.items():
        if ids:
            lines.append(f"{source}: {counted(len(ids), what)} missing: {', '.join(ids)}")
    if len(lines) == 1:
        return lines[0]
    count = len(problems) + sum(len(ids) for ids in missing.values())
    return f"{source}: {counted(count, 'problem')}:\n" + "\n".join(f"  {line}" for line in lines)
