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
    # What the host fills in before the session shows as its placeholder: "{book_title}".
    fields = {f.id: f"{{{f.id}}}" for f in form.fields}
    context = context_for(form, guest or "{guest}", host, gender, None, fields)
    result = []
    for number, question in enumerate(form.questions, 1):
        when = question.when
        condition = ""
        if when is not None:
            parts: list[str] = []
            if when.equals is not None:
                parts.append(f"= {when.equals!r}")
            if when.not_equals is not None:
                parts.append(f"≠ {when.not_equals!r}")
            if when.one_of is not None:
                parts.append(f"in {list(when.one_of)!r}")
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


def title_for(form: Questionnaire, guest: str, gender: str | None) -> str:
    return form.title_for(context_for(form, guest, "", gender))


def as_json(items: list[Any]) -> list[dict[str, Any]]:
    from dataclasses import asdict

    return [asdict(item) for item in items]
