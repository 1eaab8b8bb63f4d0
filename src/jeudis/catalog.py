"""What can be run and how it will be asked: data for ``questionnaires`` and ``inspect``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jeudis.errors import FileProblem, FileProblems
from jeudis.paths import Series
from jeudis.questionnaire import Question, Questionnaire, load_questionnaire, series_language
from jeudis.wording import WordingContext, format_number

if TYPE_CHECKING:
    from jeudis.listing import Summary


@dataclass(frozen=True)
class QuestionnaireInfo:
    id: str
    title: str
    series: str
    version: int | str
    language: str
    style: str
    questions: int | None  # None: the file does not read
    path: str
    bundled: bool
    problem: str = ""
    description: str = ""  # the questionnaire's own words about it
    open: bool = False  # the host writes questions live, after these


def loaded(series: Series) -> Iterator[tuple[str, Path, bool, Questionnaire | str]]:
    """Each questionnaire the series runs, by id: its file, whether it is bundled, and
    the questionnaire read, or what is wrong with it."""
    language = series_language(series)  # for those that say none
    for qid, (path, bundled) in sorted(series.questionnaire_files().items()):
        try:
            yield qid, path, bundled, load_questionnaire(path, bundled=bundled, language=language)
        except (FileProblem, FileProblems) as exc:
            yield qid, path, bundled, exc.message


def questionnaires(series: Series) -> list[QuestionnaireInfo]:
    infos = []
    for qid, path, bundled, form in loaded(series):
        if isinstance(form, str):
            infos.append(QuestionnaireInfo(qid, "", "", "", "", "", None, str(path), bundled, form))
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
                open=form.open,
            )
        )
    return infos


@dataclass(frozen=True)
class DraftTotal:
    """How many questions a draft may be asked in all, for ``jeudis list``'s progress."""

    total: int | None = None  # None: the host writes more questions live, or it is not known
    problem: str = ""  # what keeps it from being known: its questionnaire "is not found"...


def draft_totals(series: Series, drafts: Sequence[Summary]) -> dict[str, DraftTotal]:
    """Each draft's total by slug: the ``N`` of the ``[n/N]`` its session would show, its
    answers' conditions and its follow-ups counted, so a question its answers leave out
    is not waited for."""
    from jeudis.former_ids import adopt
    from jeudis.interview_reading import load_interview
    from jeudis.numbering import expected_total

    forms = {qid: form for qid, _, _, form in loaded(series)}
    totals = {}
    for draft in drafts:
        form = forms.get(draft.questionnaire)
        if form is None:
            totals[draft.slug] = DraftTotal(problem="is not found")
        elif isinstance(form, str):
            totals[draft.slug] = DraftTotal(problem="does not read")
        elif form.open:
            totals[draft.slug] = DraftTotal()
        else:
            try:
                interview = load_interview(Path(draft.path))
            except FileProblem:  # listed all the same; `check` says what is wrong
                totals[draft.slug] = DraftTotal(max(len(form.questions), draft.asked))
                continue
            adopt(form, interview)  # an answer under a former id is its question's
            followups = sum(1 for answer in interview.answers if answer.followup)
            totals[draft.slug] = DraftTotal(expected_total(form, interview) + followups)
    return totals


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
    rules: tuple[str, ...] = ()  # what the answer is checked against, in the host's words
    default: str = ""  # what the input offers, Entrée giving it: "Oui", "2011-04-07"
    placeholder: str = ""  # the greyed hint in the input
    # The questionnaire's own ``when`` and ``validation`` tables, their keys as the file
    # writes them (``in``), for a script: ``condition`` and ``rules`` are for a reader.
    when: dict[str, Any] | None = None
    validation: dict[str, Any] | None = None


def asked(
    form: Questionnaire,
    register: str,
    gender: str | None,
    guest: str = "",
    host: str = "",
    *,
    fields: bool = False,
) -> list[AskedQuestion]:
    """The questions exactly as a guest with this register and gender will read them;
    ``fields``: the host's part before them, the fields as the host reads them."""
    from jeudis.answers import as_input

    # What the host fills in before the session, and the guest's answers to earlier
    # questions, show as their placeholders: "{book_title}", "« {livre} »".
    filled = {f.id: f"{{{f.id}}}" for f in form.fields}
    answers = {q.id: f"{{{q.id}}}" for q in form.questions}
    context = _shown(form, guest, host, gender, answers, filled)
    result = []
    for number, question in enumerate(form.fields if fields else form.questions, 1):
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
                rules=rules(question),
                default=""
                if question.default is None
                else as_input(question.default, form.language),
                placeholder=question.placeholder_text(context),
                when=_written(when, {"one_of": "in"}),
                validation=_written(question.validation, {}) or None,
            )
        )
    return result


def _written(table: Any, renamed: dict[str, str]) -> dict[str, Any] | None:
    """A condition's or a validation's keys given, as a questionnaire writes them."""
    if table is None:
        return None
    from dataclasses import fields as keys

    given = {renamed.get(k.name, k.name): getattr(table, k.name) for k in keys(table)}
    return {
        key: list(v) if isinstance(v, tuple) else v for key, v in given.items() if v is not None
    }


# The rules each type checks (docs/questionnaire-format.md): the others are never applied.
_COUNTED = {"text": "length words", "long": "length words", "url": "length words",
            "choice": "length words", "number": "value", "multi": "choices"}  # fmt: skip


def rules(question: Question) -> tuple[str, ...]:
    """The validation an answer must pass, as a host reads it: "at least 2 choices",
    "20 to 300 words", "matches @?[A-Za-z0-9_]{1,15}"; the rules its type never checks
    are left out (``check`` warns of them)."""
    rule = question.validation
    checked = _COUNTED.get(question.type, "").split()
    described = []
    if rule.pattern and "length" in checked:
        described.append(f"matches {rule.pattern}")
    if "length" in checked:
        described.append(_span(rule.min_length, rule.max_length, "character"))
        described.append(_span(rule.min_words, rule.max_words, "word"))
    if "value" in checked:
        described.append(_span(rule.min, rule.max, ""))
    if "choices" in checked:
        described.append(_span(rule.min, rule.max, "choice"))
    return tuple(text for text in described if text)


def _span(low: float | None, high: float | None, unit: str) -> str:
    """ "at least 2 choices", "at most 300 words", "20 to 300 words"; for a number, its
    bounds alone: "≥ 0", "≤ 1000000", "1 to 10"."""
    if low is None and high is None:
        return ""
    counted = high if high is not None else low
    units = f" {unit}{'' if counted == 1 else 's'}" if unit else ""
    shown = [_number(n) for n in (low, high)]
    if low is not None and high is not None:
        return f"{shown[0]} to {shown[1]}{units}"
    if low is not None:
        return f"at least {shown[0]}{units}" if unit else f"≥ {shown[0]}"
    return f"at most {shown[1]}{units}" if unit else f"≤ {shown[1]}"


def _number(value: float | None) -> str:
    """A bound in the host's words: "1,000,000", grouped as English groups it."""
    return "" if value is None else format_number(value, "en")


def condition_words(form: Questionnaire, question_id: str) -> str:
    """A question's condition as ``inspect`` shows it to the host, its values as the
    questionnaire's language words them: "teach = yes" ("oui" in French, however the
    file writes it), "format = "Paper" or "E-reader"", "count ≠ 9,200"; empty with none.
    ``--json`` keeps the condition as written (:attr:`AskedQuestion.condition`)."""
    from jeudis.questionnaire import yes_or_no
    from jeudis.wording import as_text

    question = form.question(question_id)
    when = question.when if question is not None else None
    if when is None:
        return ""
    looked_at = form.question(when.question)
    yesno = looked_at is not None and looked_at.type == "yesno"

    def said(value: Any) -> str:
        if yesno and yes_or_no(value) is not None:
            # `equals = true`, "Oui" or "Yes": "yes" in English, "oui" in French
            return as_text(yes_or_no(value), form.language)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return as_text(value, form.language)  # 9,200 in English, 9 200 in French
        return _as_written(value)  # a choice in quotes, a date, as the host wrote them

    parts = []
    if when.equals is not None:
        parts.append(f"= {said(when.equals)}")
    if when.one_of is not None:
        parts.append("= " + " or ".join(said(value) for value in when.one_of))
    if when.not_equals is not None:
        parts.append(f"≠ {said(when.not_equals)}")
    if when.answered is not None:
        parts.append("answered" if when.answered else "not answered")
    return " and ".join(f"{when.question} {part}" for part in parts)


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
    """The post's title for ``guest``; with no guest, their names as placeholders."""
    return form.title_for(_shown(form, guest, host, gender))


def _shown(
    form: Questionnaire,
    guest: str,
    host: str,
    gender: str | None,
    answers: dict[str, str] | None = None,
    fields: dict[str, str] | None = None,
) -> WordingContext:
    """The context ``inspect`` words the questions with: a name not given shows as its
    placeholder, ``{first_name}`` as itself too (not the first word of "{guest}")."""
    from dataclasses import replace

    from jeudis.session import context_for  # a session's: not imported for a listing

    context = context_for(form, guest or "{guest}", host or "{host}", gender, answers, fields)
    if guest:
        return context
    return replace(context, names={**context.names, "first_name": "{first_name}"})


def as_json(items: list[Any]) -> list[dict[str, Any]]:
    """Rows of ``--json``: a text there is none of is null, as in every ``--json``
    (jq's ``select(.problem)`` takes an empty string for one)."""
    from dataclasses import asdict

    return [nulled(asdict(item)) for item in items]


def nulled(row: dict[str, Any]) -> dict[str, Any]:
    return {key: None if value == "" else value for key, value in row.items()}
