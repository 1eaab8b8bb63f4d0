"""A question's rules, checked as its file is read: validation, condition, choices, default.

Each is held to what the guest's answer will be checked with (:mod:`jeudis.answers`),
so that a rule no guest can meet, or one never looked at, is said by ``jeudis check``
rather than found mid-session. :class:`RuleReader` keeps every problem with its place;
:class:`jeudis.questionnaire_schema.SchemaReader` reads the rest of the file on it.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jeudis.backtracking import RISKS, backtracking_risk
from jeudis.errors import FileProblem, describe, unknown_key
from jeudis.questionnaire import Condition, Question, Validation, yes_or_no
from jeudis.tomlio import locate
from jeudis.wording import YES_NO, placeholders, primary_language

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


class RuleReader:
    """Problems (the file cannot be used) and warnings (it runs), each with its line."""

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

    def _compile(self, pattern: str, at: Sequence[str | int]) -> None:
        """Compile a host's pattern; what Python would warn of (printed with its own source
        line, to the host's screen) is a warning of ``jeudis check`` instead."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            re.compile(pattern, re.DOTALL)  # kept in re's cache: the answers are checked so
        for warning in caught:
            said = str(warning.message)
            self.warn(
                at,
                f"regular expression: {said[:1].lower()}{said[1:]}",
                hint="inside [...], a [ is escaped with a backslash"
                " ([[:alpha:]] is no class in Python)",
            )

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
        seen: dict[str, str] = {}  # by its case folded
        for number, choice in enumerate(question.choices, 1):
            folded = choice.strip().casefold()
            if not choice.strip():
                self.warn(
                    where,
                    f"an empty choice (the {_ordinal(number)}): the guest would see a blank line",
                )
            elif choice in seen.values():
                self.warn(where, f"choice {describe(choice)} is listed twice")
            elif folded in seen:
                self.warn(
                    where,
                    f"choices {describe(seen[folded])} and {describe(choice)} differ only in"
                    " case: on a sheet or in a data file, where case is not read, neither can"
                    " be told from the other",
                    hint="keep one, or word them apart",
                )
            seen.setdefault(folded, choice)
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
            value = coerce(question, question.default)
        except InvalidAnswer as error:
            self.warn(
                [*at, "default"],
                f"default {describe(question.default)} is not a valid answer: {error}",
            )
            return
        if question.type == "multi" and value != question.default:  # ["vim"] ticks no "Vim"
            self.warn([*at, "default"], f"default {describe(question.default)} is not a choice")

    def _validation(self, item: Mapping[str, Any], at: list[str | int]) -> Validation:
        raw = item.get("validation")
        if raw is None:
            return Validation()
        where = [*at, "validation"]
        if not isinstance(raw, dict):
            self.problem(where, "validation must be a table")
            return Validation()
        self._unknown(raw, VALIDATION_KEYS, where)
        pattern = self._pattern(raw.get("pattern"), where)
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
            elif isinstance(numbers[key], float) and not numbers[key].is_integer():
                self.problem([*where, key], f"{key} ({numbers[key]}) is no whole number")
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
        return Validation(
            pattern=pattern, message=self._message(raw.get("message"), where), **numbers
        )

    def _pattern(self, pattern: Any, where: list[str | int]) -> str | None:
        if pattern is None:
            return None
        if not isinstance(pattern, str):
            self.problem([*where, "pattern"], "pattern must be a string")
            return None
        try:
            self._compile(pattern, [*where, "pattern"])
        except re.error as exc:
            self.problem([*where, "pattern"], f"invalid regular expression: {exc}")
            return None
        except (OverflowError, RecursionError):  # a{4294967296}, a thousand "("
            self.problem([*where, "pattern"], "invalid regular expression: too large")
            return None
        risk = _risk(pattern)
        if risk:  # Python's re has no timeout: the guest's answer would never be checked
            reason, hint = RISKS[risk]
            self.problem([*where, "pattern"], f"regular expression: {reason}", hint=hint)
            return None
        return pattern

    def _message(self, message: Any, where: list[str | int]) -> str | None:
        if message is None:
            return None
        if not isinstance(message, str):
            self.problem([*where, "message"], "message must be a string")
            return None
        if message and next(placeholders(message), None) is not None:
            # Shown as written, in any form of address: "{first_name}" read as typed.
            self.warn(
                [*where, "message"],
                "a validation message is shown as written: its placeholders are not filled in",
                hint="write it for every guest, without {...}",
            )
        return message

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

    def _condition_values(
        self, when: Condition, questions: list[Question], at: list[str | int]
    ) -> None:
        """A value the condition compares with that no choice of the question it looks at
        has: it never matches (an ``equals`` is never asked, a ``not_equals`` always is)."""
        looked_at = next(q for q in questions if q.id == when.question)
        values = [when.equals, when.not_equals, *(when.one_of or ())]
        if looked_at.type == "yesno":
            said = YES_NO.get(primary_language(self.language), YES_NO["en"])
            for value in values:
                if value is not None and yes_or_no(value) is None:
                    self.warn(
                        at,
                        f"{describe(value)} is not a yes/no answer of"
                        f" {describe(looked_at.id)}: it never matches",
                        hint='write true or false (or "{}", "{}")'.format(*map(str.lower, said)),
                    )
            return
        if looked_at.type in _STORED_AS:
            kind, example = _STORED_AS[looked_at.type]
            for value in values:
                if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
                    self.warn(
                        at,
                        f"{describe(value)} is not a {looked_at.type}, as the answer to"
                        f" {describe(looked_at.id)} is: it never matches",
                        hint="write it without quotes, as TOML does: "
                        + _unquoted(value, looked_at.type, example, self.language),
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


# What a number's or a date's answer is stored as, and how a condition writes one.
_STORED_AS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "number": ((int, float), "5"),
    "date": (dt.date, "2011-03-10"),
}


def _unquoted(value: Any, kind: str, example: str, language: str) -> str:
    """``equals = 30`` for "30" written in quotes: the value as a condition compares it
    (read as the questionnaire's language reads it: "9,200" is 9200 in English)."""
    from jeudis.answers import InvalidAnswer, parse_date, parse_number

    try:
        read = parse_number(value, language) if kind == "number" else parse_date(value, language)
    except (InvalidAnswer, TypeError, AttributeError):
        return f"equals = {example}"
    return f"equals = {read.isoformat() if isinstance(read, dt.date) else read}"


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


def _risk(pattern: str) -> str | None:
    """The backtracking risk of a pattern Python compiles. The test reads Python's own
    parse, and is a linter: should it fail on a pattern (a shape it does not know, a
    later Python's parse, nesting deeper than it walks), the pattern is taken as it
    was before the test existed, never the questionnaire refused for it."""
    with warnings.catch_warnings():  # said once already, by _compile, as check's warning
        warnings.simplefilter("ignore")
        try:
            return backtracking_risk(pattern, re.DOTALL)
        except Exception:  # noqa: BLE001
            return None
