"""The questionnaire file's schema: every key checked, every problem kept with its place.

:class:`SchemaReader` turns parsed TOML into the models of :mod:`jeudis.questionnaire`,
collecting problems (unknown keys, duplicate ids, a missing wording, a condition on
an unknown question, ...) instead of stopping at the first, so ``jeudis check`` can
list them all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from jeudis import wording
from jeudis.errors import FileProblem, describe, unknown_key
from jeudis.interview import ID_PATTERN
from jeudis.paths import LANGUAGE_TAG
from jeudis.questionnaire import (
    Condition,
    Question,
    Questionnaire,
    Validation,
    pick,
    yes_or_no,
)
from jeudis.tomlio import kind_name, locate

QUESTION_TYPES = ("text", "long", "number", "date", "choice", "multi", "yesno", "url")
STYLES = ("numbered", "dialogue", "plain")
SPOKEN = ("fr", "en")  # the languages of the session's screens and messages, and of posts
TOP_KEYS = {
    "id",
    "version",
    "title",
    "series",
    "language",
    "style",
    "description",
    "registers",
    "default_register",
    "greeting",
    "closing",
    "open",
    "fields",
    "questions",
}
QUESTION_KEYS = {
    "id",
    "type",
    "text",
    "help",
    "placeholder",
    "required",
    "choices",
    "validation",
    "when",
    "default",
}
VALIDATION_KEYS = {
    "pattern",
    "min",
    "max",
    "min_length",
    "max_length",
    "min_words",
    "max_words",
    "message",
}
CONDITION_KEYS = {"question", "equals", "not_equals", "in", "answered"}
# The validation rules each type of answer is checked with (the others are never looked at).
TEXT_TYPES = ("text", "long", "url")
_TEXT_RULES = ("pattern", "min_length", "max_length", "min_words", "max_words")
RULES_BY_TYPE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(TEXT_TYPES, _TEXT_RULES),
    "choice": _TEXT_RULES,
    "number": ("min", "max"),
    "multi": ("min", "max"),
}
# What the host likely meant by a rule the question's type never checks.
_COUNTS = "on a text, min_length and max_length count characters, min_words and max_words words"
RULE_INSTEAD = {
    **{(rule, kind): _COUNTS for rule in ("min", "max") for kind in (*TEXT_TYPES, "choice")},
    **{(rule, "number"): "min and max bound a number" for rule in _TEXT_RULES},
    **{(rule, "multi"): "min and max count the choices ticked" for rule in _TEXT_RULES},
}


# Control characters but tab and line feed (C0, DEL, C1). A carriage return too: TOML
# reads a file's CR+LF line ends as LF, so one in a text was written "\r" on purpose,
# and it sends the cursor back over what a line shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class SchemaReader:
    """Turns parsed TOML into models, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[FileProblem] = []
        self.warnings: list[FileProblem] = []  # for `jeudis check`: the file still loads
        self.language = "fr"

    def problem(self, keys: Sequence[str | int], reason: str, hint: str | None = None) -> None:
        key = _dotted(keys)
        self.problems.append(
            FileProblem(self.path, reason, line=locate(self.text, keys), key=key, hint=hint)
        )

    def warn(self, keys: Sequence[str | int], reason: str, hint: str | None = None) -> None:
        """Something a guest would see as junk, or a setting never used: the guest can still
        answer, so the questionnaire loads, and only ``jeudis check`` says it."""
        self.warnings.append(
            FileProblem(
                self.path, reason, line=locate(self.text, keys), key=_dotted(keys), hint=hint
            )
        )

    def build(self, data: dict[str, Any], *, bundled: bool) -> Questionnaire | None:
        self._controls(data, [])
        self._unknown(data, TOP_KEYS, ())
        qid = self._string(data, "id", ())
        if qid is not None and not ID_PATTERN.fullmatch(qid):
            self.problem(
                ["id"], f"{describe(qid)} is not a valid id (lowercase letters, digits, - and _)"
            )
        title = self._string(data, "title", ()) or ""
        language = self._language(data)
        self.language = language
        style = self._string(data, "style", (), default="numbered") or "numbered"
        if style not in STYLES:
            self.problem(["style"], f"unknown style {describe(style)} (use {', '.join(STYLES)})")
        registers = self._registers(data)
        default_register = self._string(data, "default_register", (), default=registers[0])
        if default_register not in registers:
            self.problem(
                ["default_register"],
                f"{describe(default_register)} is not one of the declared registers ({', '.join(registers)})",
            )
        version = data.get("version", 1)
        if not isinstance(version, int | str) or isinstance(version, bool):
            self.problem(["version"], "version must be an integer or a string")
            version = 1
        fields = self._questions(data, "fields", registers, require=False)
        questions = self._questions(data, "questions", registers, require=False)
        greeting = self._variants(data, "greeting", [], registers, required=False)
        questions = self._greeted(greeting, questions, fields)
        closing = self._string(data, "closing", (), default="") or ""
        self._check_references(title, closing, fields, questions)
        if qid is None:
            return None
        return Questionnaire(
            id=qid,
            version=version,
            title=title,
            series=self._string(data, "series", (), default="") or "",
            language=language,
            style=style,
            questions=tuple(questions),
            fields=tuple(fields),
            registers=registers,
            default_register=default_register or registers[0],
            description=self._string(data, "description", (), default="") or "",
            closing=closing,
            open=self._flag(data, "open") or not questions,
            path=self.path,
            bundled=bundled,
        )

    def _controls(self, value: Any, at: list[str | int]) -> None:
        """A control character in any text: shown by ``inspect`` or asked in a session, a
        terminal would run it (colours, its title, worse). Tabs and line feeds are text."""
        if isinstance(value, str):
            if found := _CONTROL.search(value):
                self.problem(
                    at,
                    f"control character U+{ord(found.group()):04X} in the text",
                    hint="a terminal would run it: remove it (an escape sequence pasted by mistake?)",
                )
        elif isinstance(value, dict):
            for key, inner in value.items():
                self._controls(inner, [*at, key])
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                self._controls(inner, [*at, index])

    def _unknown(
        self, table: Mapping[str, Any], allowed: set[str], at: Sequence[str | int]
    ) -> None:
        for key in table:
            if key not in allowed:
                self.problem(
                    [*at, key],
                    unknown_key(key, allowed),
                    hint="allowed here: " + ", ".join(sorted(allowed)),
                )

    def _string(
        self,
        table: Mapping[str, Any],
        key: str,
        at: Sequence[str | int],
        default: str | None = None,
    ) -> str | None:
        if key not in table:
            if default is None:
                self.problem([*at, key], f"missing required key {key!r}")
            return default
        value = table[key]
        if not isinstance(value, str):
            self.problem([*at, key], f"{key!r} must be a string, not {kind_name(type(value))}")
            return default
        return value

    def _flag(self, data: Mapping[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem([key], f"{key} must be true or false")
            return False
        return value

    def _registers(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        value = data.get("registers", ["tu", "vous"])
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v for v in value)
        ):
            self.problem(
                ["registers"], 'registers must be a list of forms of address, e.g. ["tu", "vous"]'
            )
            return ("tu", "vous")
        return tuple(value)

    def _language(self, data: Mapping[str, Any]) -> str:
        """The questionnaire's language tag, its case made the usual one (``fr-CA``)."""
        language = self._string(data, "language", (), default="fr") or "fr"
        if not LANGUAGE_TAG.fullmatch(language):
            self.problem(
                ["language"],
                f"language must be a language tag such as fr, fr-CA or en, not {describe(language)}",
            )
            return "fr"
        primary, *rest = language.split("-")
        language = "-".join([primary.lower(), *(p.upper() if len(p) == 2 else p for p in rest)])
        if primary.lower() not in SPOKEN:
            self.warn(
                ["language"],
                f"jeudis speaks {' and '.join(SPOKEN)}, not {describe(language)}: the guest's"
                " screen, its messages and the words around the post will be in English",
            )
        return language

    def _greeted(
        self, greeting: Mapping[str, str], questions: list[Question], fields: list[Question]
    ) -> list[Question]:
        """The greeting opens the first question: "Bonjour Laurent ! Tu viens de publier…"."""
        if not greeting:
            return questions
        field_ids = {f.id for f in fields}
        for template in greeting.values():
            for inner in wording.placeholders(template):
                kind, _, ref = inner.partition(":")
                if kind == "answer" and ref:
                    self.problem(["greeting"], f"{{{inner}}}: the greeting comes before any answer")
                    return questions
                if kind == "field" and ref and ref not in field_ids:
                    self.problem(["greeting"], f"{{{inner}}} refers to an unknown field")
                    return questions
        if not questions:
            self.warn(
                ["greeting"],
                "the greeting opens the first question, and there is none: it is never said",
                hint="write it into the first question the host asks",
            )
            return questions
        first = questions[0]
        text = {
            register: f"{pick(greeting, register)} {pick(first.text, register)}"
            for register in {*greeting, *first.text}
        }
        return [replace(first, text=text), *questions[1:]]

    def _questions(
        self, data: Mapping[str, Any], key: str, registers: tuple[str, ...], *, require: bool
    ) -> list[Question]:
        raw = data.get(key, [])
        if not isinstance(raw, list):
            self.problem([key], f"{key!r} must be an array of tables ([[{key}]])")
            return []
        seen: dict[str, int] = {}
        result: list[Question] = []
        for index, item in enumerate(raw):
            at: list[str | int] = [key, index]
            if not isinstance(item, dict):
                self.problem(at, f"{key}[{index}] must be a table")
                continue
            question = self._question(item, at, registers)
            if question is None:
                continue
            if question.id in seen:
                self.problem(
                    [*at, "id"],
                    f"duplicate id {describe(question.id)} (also {key}[{seen[question.id]}])",
                    hint="every question needs its own stable id",
                )
                continue
            seen[question.id] = index
            result.append(question)
        return result

    def _question(
        self, item: dict[str, Any], at: list[str | int], registers: tuple[str, ...]
    ) -> Question | None:
        self._unknown(item, QUESTION_KEYS, at)
        qid = self._string(item, "id", at)
        if qid is None:
            return None
        if not ID_PATTERN.fullmatch(qid):
            self.problem(
                [*at, "id"],
                f"{describe(qid)} is not a valid id (lowercase letters, digits, - and _)",
            )
        qtype = self._string(item, "type", at, default="text") or "text"
        if qtype not in QUESTION_TYPES:
            self.problem(
                [*at, "type"], f"unknown type {describe(qtype)} (use {', '.join(QUESTION_TYPES)})"
            )
            qtype = "text"
        text = self._variants(item, "text", at, registers, required=True)
        help_ = self._variants(item, "help", at, registers, required=False)
        required = item.get("required", True)
        if not isinstance(required, bool):
            self.problem([*at, "required"], "required must be true or false")
            required = True
        choices = item.get("choices", [])
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            self.problem([*at, "choices"], "choices must be a list of strings")
            choices = []
        if qtype in ("choice", "multi") and not any(c.strip() for c in choices):
            self.problem(
                [*at, "choices"], f"a {describe(qtype)} question needs a non-empty 'choices' list"
            )
        if choices and qtype not in ("choice", "multi"):
            self.problem(
                [*at, "choices"],
                f"choices only apply to 'choice' and 'multi', not {describe(qtype)}",
            )
        placeholder = self._string(item, "placeholder", at, default="") or ""
        question = Question(
            id=qid,
            type=qtype,
            text=text,
            help=help_,
            placeholder=placeholder,
            required=required,
            choices=tuple(choices),
            validation=self._validation(item, at),
            when=self._condition(item, at),
            default=item.get("default"),
            language=self.language,
        )
        self._usable_choices(question, at)
        self._usable_default(question, at)
        self._checked_rules(item, question, at)
        return question

    def _checked_rules(
        self, item: Mapping[str, Any], question: Question, at: list[str | int]
    ) -> None:
        """A rule the question's type never checks (``min`` on a text, a pattern on a number):
        the guest's answer is taken without it, and the host believes it is checked."""
        raw = item.get("validation")
        if not isinstance(raw, dict):
            return
        applies = RULES_BY_TYPE.get(question.type, ())
        for key in raw:
            if key in VALIDATION_KEYS and key != "message" and key not in applies:
                checks = ", ".join(applies) if applies else "no rule"
                self.warn(
                    [*at, "validation", key],
                    f"{key} is never checked on a {describe(question.type)} question",
                    hint=RULE_INSTEAD.get((key, question.type))
                    or f"a {question.type} question checks {checks}",
                )

    def _usable_choices(self, question: Question, at: list[str | int]) -> None:
        """Choices a guest would see as junk (twice the same, a blank line), and a ``multi``
        that asks for more ticks than it offers: that one nobody can answer."""
        where = [*at, "choices"]
        seen: set[str] = set()
        for number, choice in enumerate(question.choices, 1):
            if not choice.strip():
                self.warn(
                    where,
                    f"an empty choice (the {_ordinal(number)}): the guest would see a blank line",
                )
            elif choice in seen:
                self.warn(where, f"choice {describe(choice)} is listed twice")
            seen.add(choice)
        offered = len({c for c in question.choices if c.strip()})
        least = question.validation.min
        if question.type == "multi" and offered and least is not None and least > offered:
            self.problem(
                [*at, "validation", "min"],
                f"min ({least:g}) asks for more choices than the {offered} offered:"
                " no guest can answer",
                hint="lower min, or add choices",
            )

    def _usable_default(self, question: Question, at: list[str | int]) -> None:
        """A default is checked as the guest's answer would be (the same parsing): one that
        is not a choice, or not a number for a number, would be refused or never used."""
        from jeudis.answers import InvalidAnswer, coerce, is_empty

        if is_empty(question.default):
            return
        if question.type == "choice" and question.default not in question.choices:
            self.warn([*at, "default"], f"default {describe(question.default)} is not a choice")
            return
        try:
            coerce(question, question.default)
        except InvalidAnswer as error:
            self.warn(
                [*at, "default"],
                f"default {describe(question.default)} is not a valid answer: {error}",
            )

    def _variants(
        self,
        item: Mapping[str, Any],
        key: str,
        at: list[str | int],
        registers: tuple[str, ...],
        *,
        required: bool,
    ) -> dict[str, str]:
        value = item.get(key)
        if value is None:
            if required:
                self.problem([*at, key], f"missing required key {key!r}")
            return {}
        if isinstance(value, str):
            variants = {"*": value}
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            variants = dict(value)
            for register in variants:
                if register != "*" and register not in registers:
                    self.problem(
                        [*at, key, register],
                        f"{describe(register)} is not a declared register ({', '.join(registers)})",
                    )
            if "*" not in variants:
                for register in registers:
                    if register not in variants:
                        self.problem(
                            [*at, key],
                            f"missing wording for the form of address {describe(register)}",
                            hint=f'add {key}.{register} = "..." (or a plain {key} for all)',
                        )
        else:
            self.problem(
                [*at, key], f"{key} must be a string or a table of strings by register (tu, vous)"
            )
            return {}
        for register, template in variants.items():
            if required and not template.strip():
                where = [*at, key] if register == "*" else [*at, key, register]
                self.problem(where, "empty wording: the guest would read nothing")
            self._template([*at, key], template)
        return variants

    def _template(self, at: Sequence[str | int], template: str) -> None:
        """A wording's braces and placeholders: each one renders, none reaches a guest as typed."""
        if stray := wording.stray_brace(template):
            self.problem(at, stray)
        for inner in wording.placeholders(template):
            reason = wording.problem(inner)
            if reason:
                self.problem(at, reason)

    def _validation(self, item: Mapping[str, Any], at: list[str | int]) -> Validation:
        raw = item.get("validation")
        if raw is None:
            return Validation()
        where = [*at, "validation"]
        if not isinstance(raw, dict):
            self.problem(where, "validation must be a table")
            return Validation()
        self._unknown(raw, VALIDATION_KEYS, where)
        pattern = raw.get("pattern")
        if pattern is not None:
            if not isinstance(pattern, str):
                self.problem([*where, "pattern"], "pattern must be a string")
                pattern = None
            else:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    self.problem([*where, "pattern"], f"invalid regular expression: {exc}")
                    pattern = None
                except (OverflowError, RecursionError):  # a{4294967296}, a thousand "("
                    self.problem([*where, "pattern"], "invalid regular expression: too large")
                    pattern = None
        numbers: dict[str, Any] = {}
        for key in ("min", "max", "min_length", "max_length", "min_words", "max_words"):
            value = raw.get(key)
            if value is not None and (
                not isinstance(value, int | float) or isinstance(value, bool)
            ):
                self.problem([*where, key], f"{key} must be a number")
                value = None
            numbers[key] = value
        for key in ("min_length", "max_length", "min_words", "max_words"):
            if numbers[key] is not None and numbers[key] < 0:
                self.problem([*where, key], f"{key} ({numbers[key]}) is below 0")
                numbers[key] = None
            elif key.startswith("max") and numbers[key] == 0:
                self.problem(
                    [*where, key], f"{key} is 0: no guest can answer", hint="raise it, or remove it"
                )
        for low, high in (("min", "max"), ("min_length", "max_length"), ("min_words", "max_words")):
            if (
                numbers[low] is not None
                and numbers[high] is not None
                and numbers[low] > numbers[high]
            ):
                self.problem(
                    [*where, low],
                    f"{low} ({numbers[low]}) is greater than {high} ({numbers[high]})",
                )
        message = raw.get("message")
        if message is not None and not isinstance(message, str):
            self.problem([*where, "message"], "message must be a string")
            message = None
        return Validation(pattern=pattern, message=message, **numbers)

    def _condition(self, item: Mapping[str, Any], at: list[str | int]) -> Condition | None:
        raw = item.get("when")
        if raw is None:
            return None
        where = [*at, "when"]
        if not isinstance(raw, dict) or not isinstance(raw.get("question"), str):
            self.problem(
                where,
                'when must be a table with a \'question\' key, e.g. when = { question = "id", equals = "Oui" }',
            )
            return None
        self._unknown(raw, CONDITION_KEYS, where)
        one_of = raw.get("in")
        if one_of is not None and not isinstance(one_of, list):
            self.problem([*where, "in"], "'in' must be a list")
            one_of = None
        answered = raw.get("answered")
        if answered is not None and not isinstance(answered, bool):
            self.problem([*where, "answered"], "'answered' must be true or false")
            answered = None
        if not any(key in raw for key in ("equals", "not_equals", "in", "answered")):
            self.problem(
                where,
                f"when names the question {describe(raw['question'])} but no test:"
                " the question would always be asked",
                hint="add equals, not_equals, in or answered, e.g."
                f' when = {{ question = "{raw["question"]}", answered = true }}',
            )
        return Condition(
            question=raw["question"],
            equals=raw.get("equals"),
            not_equals=raw.get("not_equals"),
            one_of=tuple(one_of) if one_of is not None else None,
            answered=answered,
        )

    def _check_references(
        self, title: str, closing: str, fields: list[Question], questions: list[Question]
    ) -> None:
        field_ids = {f.id for f in fields}
        self._template(["title"], title)
        for inner in wording.placeholders(title):
            if inner.partition(":")[0] in ("answer", "field") and ":" in inner:
                self.problem(
                    ["title"],
                    f"{{{inner}}}: the title is set before anything is answered or filled in,"
                    " and would read empty there",
                    hint="a title names {guest}, {first_name}, {host} or {series}; for more,"
                    " edit one interview's title in its file",
                )
        self._template(["closing"], closing)
        question_ids = {q.id for q in questions}
        for inner in wording.placeholders(closing):
            kind, _, ref = inner.partition(":")
            if kind == "answer" and ref and ref not in question_ids:
                self.problem(["closing"], f"{{{inner}}} quotes an unknown question")
            if kind == "field" and ref and ref not in field_ids:
                self.problem(["closing"], f"{{{inner}}} refers to an unknown field")
        earlier: set[str] = set()
        for index, question in enumerate(questions):
            at: list[str | int] = ["questions", index]
            if question.when is not None and question.when.question not in earlier:
                known = question.when.question in {q.id for q in questions}
                reason = "a later question" if known else "an unknown question"
                self.problem(
                    [*at, "when"],
                    f"condition on {reason} {describe(question.when.question)}",
                    hint="a condition can only look at questions asked before this one",
                )
            elif question.when is not None:
                self._condition_values(question.when, questions, [*at, "when"])
            for template in [*question.text.values(), *question.help.values()]:
                for inner in wording.placeholders(template):
                    kind, _, ref = inner.partition(":")
                    if kind == "answer" and ref and ref not in earlier:
                        self.problem(
                            [*at, "text"],
                            f"{{{inner}}} quotes a question not asked before this one",
                        )
                    if kind == "field" and ref and ref not in field_ids:
                        self.problem([*at, "text"], f"{{{inner}}} refers to an unknown field")
            earlier.add(question.id)

    def _condition_values(
        self, when: Condition, questions: list[Question], at: list[str | int]
    ) -> None:
        """A value the condition compares with that no choice of the question it looks at
        has: it never matches (an ``equals`` is never asked, a ``not_equals`` always is)."""
        looked_at = next(q for q in questions if q.id == when.question)
        values = [when.equals, when.not_equals, *(when.one_of or ())]
        if looked_at.type == "yesno":
            for value in values:
                if value is not None and yes_or_no(value) is None:
                    self.warn(
                        at,
                        f"{describe(value)} is not a yes/no answer of"
                        f" {describe(looked_at.id)}: it never matches",
                        hint='write true or false (or "oui", "non")',
                    )
            return
        if looked_at.type not in ("choice", "multi"):
            return
        for value in values:
            if value is not None and value not in looked_at.choices:
                self.warn(
                    at,
                    f"{describe(value)} is not a choice of {describe(looked_at.id)}:"
                    " it never matches",
                    hint="choices: " + ", ".join(looked_at.choices),
                )


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _dotted(keys: Sequence[str | int]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out
