"""The questionnaire: a TOML file the host writes once, loaded into checked, typed models.

See ``docs/questionnaire-format.md`` for the format. Loading collects every
problem (unknown keys, duplicate ids, a missing wording, a condition on an
unknown question, ...) with its key and line, so ``jeudis check`` can list them
all and every other command can refuse a broken file with a precise message.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeudis import wording
from jeudis.errors import FileProblem, FileProblems
from jeudis.paths import Series
from jeudis.tomlio import load_toml
from jeudis.wording import WordingContext


@dataclass(frozen=True)
class Condition:
    """Ask a question only when an earlier answer says so."""

    question: str
    equals: Any = None
    not_equals: Any = None
    one_of: tuple[Any, ...] | None = None
    answered: bool | None = None

    def holds(self, answers: Mapping[str, Any]) -> bool:
        value = answers.get(self.question)
        given = value not in (None, "", [])
        if self.answered is not None and given != self.answered:
            return False
        if self.equals is not None and not _same(value, self.equals):
            return False
        if self.not_equals is not None and _same(value, self.not_equals):
            return False
        if self.one_of is not None:
            values = value if isinstance(value, list) else [value]
            return any(_same(v, o) for v in values for o in self.one_of)
        return True


# The words a yes/no answer is typed with, and a condition on one may be written with:
# in each language the screen speaks (an answer sheet in German asks for "Ja oder
# Nein"), their initials, and "si" and "nao" as a keyboard without accents types them.
YES = frozenset(
    {"oui", "o", "yes", "y", "true", "vrai", "1", "ja", "j", "sí", "sì", "si", "sim", "s"}
)
NO = frozenset({"non", "n", "no", "false", "faux", "0", "nein", "nee", "não", "nao"})


def yes_or_no(value: Any) -> bool | None:
    """True or False for a yes/no answer or word ("Oui", "non", true...); else None."""
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFC", str(value).strip().lower())
    return True if text in YES else False if text in NO else None


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, list):
        return expected in value
    if isinstance(value, bool):  # a yes/no answer: `equals = "Oui"` means true
        return value is yes_or_no(expected)
    return bool(value == expected)


@dataclass(frozen=True)
class Validation:
    pattern: str | None = None
    min: float | None = None
    max: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_words: int | None = None
    max_words: int | None = None
    message: str | None = None


@dataclass(frozen=True)
class Question:
    """A question of the guest's, or a field the host fills in (same shape)."""

    id: str
    type: str
    text: Mapping[str, str]
    help: Mapping[str, str] = field(default_factory=dict)
    placeholder: str = ""
    required: bool = True
    choices: tuple[str, ...] = ()
    validation: Validation = field(default_factory=Validation)
    when: Condition | None = None
    default: Any = None
    language: str = "fr"  # the questionnaire's: validation messages speak it
    # The ids it had before it was renamed: an interview's answer under one is its answer.
    former_ids: tuple[str, ...] = ()

    def wording(self, register: str, context: WordingContext) -> str:
        return wording.render(pick(self.text, register), context)

    def help_text(self, register: str, context: WordingContext) -> str:
        return wording.render(pick(self.help, register), context) if self.help else ""

    def placeholder_text(self, context: WordingContext) -> str:
        """The greyed hint in the input, its ``{guest}`` or ``{|e}`` filled in as a help's."""
        return wording.render(self.placeholder, context) if self.placeholder else ""

    def templates(self, register: str) -> tuple[str, str]:
        """The question's wording and help for ``register``, placeholders unfilled."""
        return pick(self.text, register), pick(self.help, register) if self.help else ""

    def asks(self, asked: str, register: str, context: WordingContext) -> bool:
        """Whether ``asked``, a question as an interview records it, reads as this one
        words it: with ``context`` (the guest's answers and fields as they are now), or
        with any answers and names. Not when another version worded it otherwise."""
        return asked == self.wording(register, context) or wording.could_word(
            pick(self.text, register), asked
        )

    @property
    def is_long(self) -> bool:
        return self.type == "long"


def pick(variants: Mapping[str, str], register: str) -> str:
    """The variant for ``register``: its own, else the one for all (``*``), else the first."""
    if register in variants:
        return variants[register]
    return variants.get("*", next(iter(variants.values()), ""))


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int | str
    title: str
    series: str
    language: str
    style: str
    questions: tuple[Question, ...]
    fields: tuple[Question, ...] = ()
    registers: tuple[str, ...] = ("tu", "vous")
    default_register: str = "tu"
    description: str = ""
    closing: str = ""
    open: bool = False
    """The host writes questions live, after the fixed ones (if any)."""
    inclusive: str | None = None
    """How both genders are written in one word, when the guest's is not given ("·"
    in "suivi·e"); None: as the language writes them (:func:`wording.inclusive_mark`)."""
    path: Path | None = None
    bundled: bool = False

    def question(self, question_id: str) -> Question | None:
        for q in self.questions:
            if q.id == question_id:
                return q
        return None

    def named(self, question_id: str) -> Question | None:
        """The question with this id, or the one that had it before a rename (its
        ``former_ids``): what a host types after ``--question`` or ``compare``."""
        found = self.question(question_id)
        return found or next((q for q in self.questions if question_id in q.former_ids), None)

    def asked(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions a guest with these ``answers`` is asked, in order: each whose
        condition holds on the answers to the questions asked before it. An answer to a
        question not asked counts for none (its condition left it out: so are those
        waiting on it)."""
        values: dict[str, Any] = {}
        result = []
        for question in self.questions:
            if question.when is None or question.when.holds(values):
                result.append(question)
                if question.id in answers:
                    values[question.id] = answers[question.id]
        return result

    def field(self, field_id: str) -> Question | None:
        for f in self.fields:
            if f.id == field_id:
                return f
        return None

    def title_for(self, context: WordingContext) -> str:
        return wording.render(self.title, context)


# What a questionnaire that says no language is in: a tag, or what gives one, asked for only
# when it says none (a series' language reads ``jeudis.toml``: see :func:`find_questionnaire`).
DefaultLanguage = str | Callable[[], str]


def load_questionnaire(
    path: Path, *, bundled: bool = False, language: DefaultLanguage = "fr"
) -> Questionnaire:
    """Load and check a questionnaire file; raise :class:`FileProblems` listing every problem.

    ``language`` is the one it is in when it says none: French, jeudis's own default,
    where no series is at hand."""
    result, problems, _ = _read(path, bundled=bundled, language=language)
    if problems or result is None:
        raise FileProblems(problems)
    return result


def check_questionnaire(
    path: Path, *, language: DefaultLanguage = "fr"
) -> tuple[list[FileProblem], list[FileProblem]]:
    """Every problem of a questionnaire file: the errors (it cannot be used) and the warnings
    (it runs, but a guest would see junk, or a setting is never used). ``language``: as
    :func:`load_questionnaire`'s, for it is checked as it will run (registers, yes and no)."""
    try:
        _, problems, warnings = _read(path, bundled=False, language=language)
    except FileProblem as exc:
        return [exc], []
    return problems, warnings


def _read(
    path: Path, *, bundled: bool, language: DefaultLanguage
) -> tuple[Questionnaire | None, list[FileProblem], list[FileProblem]]:
    # The schema reader builds these models, so it is imported here, not at the top.
    from jeudis.questionnaire_schema import SchemaReader

    data, text = load_toml(path)
    reader = SchemaReader(path, text)
    result = reader.build(data, bundled=bundled, language=language)
    return result, reader.problems, reader.warnings


def find_questionnaire(series: Series, name: str, *, made_in: str | None = None) -> Questionnaire:
    """Load a questionnaire by id (series folder first, then bundled) or by path.

    One that says no language is in the series' (:attr:`Series.language`), as every
    command reads it; for an interview made with it, ``made_in``, the interview's
    language: made before the series' was the default, it goes on as it began (its
    screens, its forms of address, the words quoting its answers)."""
    path, bundled = series.questionnaire_path(name)
    language = made_in or series_language(series)
    return load_questionnaire(path, bundled=bundled, language=language)


def series_language(series: Series) -> Callable[[], str]:
    """The series' language, read when a questionnaire says none: jeudis.toml is read then
    only (``jeudis questionnaires`` lists the bundled ones without it)."""
    return lambda: series.language
