"""What can be run and how it will be asked: data for ``questionnaires`` and ``inspect``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jeudis.errors import FileProblem, FileProblems
from jeudis.paths import Series
from jeudis.questionnaire import Questionnaire, load_questionnaire
from jeudis.session import context_for


@dataclass(frozen=True)
class QuestionnaireInfo:
    id: str
    title: str
    series: str
    version: int | str
    language: str
    style: str
    questions: int
    path: str
    bundled: bool
    problem: str = ""
    description: str = ""  # the questionnaire's own words about it


def questionnaires(series: Series) -> list[QuestionnaireInfo]:
    infos = []
    for qid, (path, bundled) in sorted(series.questionnaire_files().items()):
        try:
            form = load_questionnaire(path, bundled=bundled)
        except (FileProblem, FileProblems) as exc:
            infos.append(
                QuestionnaireInfo(qid, "", "", "", "", "", 0, str(path), bundled, exc.message)
            )
            continue
        infos.append(
            QuestionnaireInfo(
                form.id,
                form.title,
                form.series,
                form.version,
                form.language,
                form.style,
                len(form.questions),
                str(path),
                bundled,
                description=form.description,
            )
        )
    return infos


@dataclass(frozen=True)
class AskedQuestion:
    number: int
    id: str
    type: str
    text: str
    help: str
    required: bool
    choices: tuple[str, ...]
    condition: str


def asked(
    form: Questionnaire, register: str, gender: str | None, guest: str = "", host: str = ""
) -> list[AskedQuestion]:
    """The questions exactly as a guest with this register and gender will read them."""
    # What the host fills in before the session, and the guest's answers to earlier
    # questions, show as their placeholders: "{book_title}", "« {livre} »".
    fields = {f.id: f"{{{f.id}}}" for f in form.fields}
    answers = {q.id: f"{{{q.id}}}" for q in form.questions}
    context = context_for(form, guest or "{guest}", host or "{host}", gender, answers, fields)
    result = []
    for number, question in enumerate(form.questions, 1):
        when = question.when
        condition = ""
        if when is not None:
            parts: list[str] = []
            if when.equals is not None:
                parts.append(f"= {_as_written(when.equals)}")
            if when.not_equals is not None:
                parts.append(f"≠ {_as_written(when.not_equals)}")
            if when.one_of is not None:
                parts.append(f"in {_as_written(list(when.one_of))}")
            if when.answered is not None:
                parts.append("answered" if when.answered else "not answered")
            condition = f"{when.question} " + " and ".join(parts)
        result.append(
            AskedQuestion(
                number=number,
                id=question.id,
                type=question.type,
                text=question.wording(register, context),
                help=question.help_text(register, context),
                required=question.required,
                choices=question.choices,
                condition=condition,
            )
        )
    return result


def _as_written(value: Any) -> str:
    """A value a condition compares with, as the questionnaire writes it (TOML, not Python:
    "Liseuse" in double quotes, true, [..])."""
    import json

    if isinstance(value, list):
        return "[" + ", ".join(_as_written(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if isinstance(value, bool | int | float) else str(value)


def title_for(form: Questionnaire, guest: str, gender: str | None, host: str = "") -> str:
    return form.title_for(context_for(form, guest, host or "{host}", gender))


def as_json(items: list[Any]) -> list[dict[str, Any]]:
    from dataclasses import asdict

    return [asdict(item) for item in items]
