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
from jeudis.errors import MissingAnswers, UsageError
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Questionnaire
from jeudis.session import interview_context
from jeudis.wording import counted


def fill_from_data(
    questionnaire: Questionnaire, interview: Interview, data: Mapping[str, Any], source: Path
) -> Interview:
    """Fill an interview from a TOML file of answers (``--data-file``), all at once.

    Every problem (a missing required answer, a value that does not validate, an
    unknown id) is collected and reported together.
    """
    problems: list[str] = []
    raw_fields = data.get("fields", {})
    raw_answers = data.get("answers", {})
    if not isinstance(raw_fields, dict) or not isinstance(raw_answers, dict):
        raise UsageError(f"{source}: expected [fields] and [answers] tables")
    unknown = [k for k in data if k not in ("fields", "answers")]
    unknown += [f"answers.{k}" for k in raw_answers if questionnaire.question(k) is None]
    unknown += [f"fields.{k}" for k in raw_fields if questionnaire.field(k) is None]
    if unknown:
        problems.append("unknown: " + ", ".join(unknown))
    for spec in questionnaire.fields:
        try:
            value = answer_rules.coerce(spec, raw_fields.get(spec.id))
        except answer_rules.InvalidAnswer as exc:
            problems.append(f"fields.{spec.id}: {exc}")
            continue
        interview.fields[spec.id] = "" if value is None else value
    session_values: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.when is not None and not question.when.holds(session_values):
            if not answer_rules.is_empty(raw_answers.get(question.id)):
                # Written, then dropped without a word: the guest's answer lost.
                problems.append(
                    f"answers.{question.id}: not asked, as its condition on"
                    f" {question.when.question} does not hold: remove it, or change"
                    f" answers.{question.when.question}"
                )
            continue
        raw = raw_answers.get(question.id)
        try:
            value = answer_rules.coerce(question, raw)
        except answer_rules.InvalidAnswer as exc:
            label = "missing" if answer_rules.is_empty(raw) else str(exc)
            problems.append(f"answers.{question.id}: {label}")
            continue
        session_values[question.id] = value
        context = interview_context(questionnaire, interview)
        interview.set_answer(
            Answer.given_now(
                question.id, question.type, question.wording(interview.register, context), value
            )
        )
    if problems:
        raise MissingAnswers(
            f"{source}: {counted(len(problems), 'problem')}: " + "; ".join(problems),
            hint="fix the data file and run the command again; no interview was written",
        )
    followups.complete(questionnaire, interview)
    return interview
