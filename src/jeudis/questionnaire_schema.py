"""The questionnaire file's schema: every key checked, every problem kept with its place.

:class:`SchemaReader` turns parsed TOML into the models of :mod:`jeudis.questionnaire`,
collecting problems (unknown keys, duplicate ids, a missing wording, a condition on
an unknown question, ...) instead of stopping at the first, so ``jeudis check`` can
list them all. A question's own rules (validation, condition, choices, default) are
read by :mod:`jeudis.questionnaire_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from jeudis import wording
from jeudis.errors import describe
from jeudis.interview import ID_PATTERN, STYLES
from jeudis.paths import LANGUAGE_HINT, canonical_language, not_a_language
from jeudis.questionnaire import Question, Questionnaire, pick
from jeudis.questionnaire_rules import RuleReader
from jeudis.tomlio import kind_name

QUESTION_TYPES = ("text", "long", "number", "date", "choice", "multi", "yesno", "url")
# The languages of the session's screens and messages: those jeudis writes posts in.
SPOKEN = ("fr", "en", "de", "es", "it", "nl", "pt")


def unspoken(language: str) -> str | None:
    """Why a series in ``language`` (a tag as BCP 47 writes it) is shown in English, or
    None when jeudis speaks it."""
    if language.split("-")[0] in SPOKEN:
        return None
    spoken = ", ".join(SPOKEN[:-1]) + " and " + SPOKEN[-1]
    return (
        f"jeudis speaks {spoken}, not {describe(language)}: the guest's screen,"
        " its messages and the words around the post will be in English"
    )


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
    "inclusive",
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
    "former_ids",
}
# Control characters but tab and line feed (C0, DEL, C1). A carriage return too: TOML
# reads a file's CR+LF line ends as LF, so one in a text was written "\r" on purpose,
# and it sends the cursor back over what a line shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class SchemaReader(RuleReader):
    """Turns parsed TOML into models, collecting problems instead of stopping at the first."""

    places: dict[str, list[int]]  # "questions", "fields": each kept one's index in the file
    ids: dict[str, set[str]]  # "questions", "fields": the ids the file gives

    def build(
        self, data: dict[str, Any], *, bundled: bool, language: str | Callable[[], str] = "fr"
    ) -> Questionnaire | None:
        """The questionnaire ``data`` says; ``language`` is the one it is in when it says
        none (:func:`jeudis.questionnaire.load_questionnaire`)."""
        self.places = {"questions": [], "fields": []}
        self.ids = {
            kind: {q["id"] for q in entries if isinstance(q, dict) and isinstance(q.get("id"), str)}
            for kind in ("questions", "fields")
            if isinstance(entries := data.get(kind), list)
        }
        self._controls(data, [])
        self._unknown(data, TOP_KEYS, ())
        qid = self._string(data, "id", ())
        if qid is not None and not ID_PATTERN.fullmatch(qid):
            self.problem(
                ["id"], f"{describe(qid)} is not a valid id (lowercase letters, digits, - and _)"
            )
        title = self._string(data, "title", ()) or ""
        language = self._language(data, language)
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
        elif (isinstance(version, int) and version < 1) or version == "":
            # Compared with an interview's, written by each: 0 or "" reads as none.
            self.problem(
                ["version"], f"version ({version!r}) must be 1 or more", hint="version = 1"
            )
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
            inclusive=self._inclusive(data),
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
        """The forms of address declared; none: French's tu and vous, English's you (an
        English interview recorded and showed "tu", and its sheet said register=tu)."""
        english = wording.primary_language(self.language) == "en"
        value = data.get("registers", ["you"] if english else ["tu", "vous"])
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

    def _language(self, data: Mapping[str, Any], default: str | Callable[[], str]) -> str:
        """The questionnaire's language tag in the case BCP 47 writes it (``fr_ca`` is ``fr-CA``);
        ``default`` when it says none (asked for only then: a series' reads its settings)."""
        written = self._string(data, "language", (), default="")
        if not written:  # none, or "" (a value not a string is said)
            return default if isinstance(default, str) else default()
        language = canonical_language(written)
        if language is None:
            self.problem(["language"], not_a_language(written), hint=LANGUAGE_HINT)
            return "fr"
        if said := unspoken(language):
            self.warn(["language"], said)
        return language

    def _inclusive(self, data: Mapping[str, Any]) -> str | None:
        """The sign writing both genders in a word ("·", "/", "*", ":"), "" for both words
        whole; None when the questionnaire says none (its language's)."""
        if "inclusive" not in data:
            return None
        mark = self._string(data, "inclusive", ())
        if mark is None:  # not a string: said
            return None
        if len(mark) > 3 or any(c.isalnum() or c.isspace() or c in "{}|" for c in mark):
            self.problem(
                ["inclusive"],
                f"inclusive is the sign between a word and its feminine ending, not {describe(mark)}",
                hint='inclusive = "·" (suivi·e), "/" (madrugador/a), "*" (Autor*in), or "" (both words whole)',
            )
            return None
        return mark

    def _greeted(
        self, greeting: Mapping[str, str], questions: list[Question], fields: list[Question]
    ) -> list[Question]:
        """The greeting opens the first question: "Bonjour Laurent ! Tu viens de publier…"."""
        if not greeting:
            return questions
        field_ids = {f.id for f in fields}
        for inner, kind, ref in wording.references(*greeting.values()):
            if kind == "answer":
                self.problem(["greeting"], f"{{{inner}}}: the greeting comes before any answer")
                return questions
            if ref not in field_ids:
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
        if not first.required or first.when is not None:
            self.warn(
                ["greeting"],
                f"the greeting opens the first question, {first.id!r}, which may not be"
                " answered: skipped, the post has no greeting",
                hint="make that question required and always asked, or greet in the intro",
            )
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
        former: dict[str, int] = {}  # each former id, and the question that had it
        result: list[Question] = []
        # Where each one kept is in the file: one left out (a duplicate id, no table)
        # must not move the line a later one's problem is said at.
        self.places[key] = places = []
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
            for place, named in enumerate(question.former_ids):
                if named in former:
                    self.problem(
                        [*at, "former_ids", place],
                        f"former_ids holds {describe(named)}, which {key}[{former[named]}]"
                        " names too: an answer under it would be both questions'",
                        hint="leave it to the question that had that id",
                    )
                former.setdefault(named, index)
            result.append(question)
            places.append(index)
        return result

    def _former_ids(self, item: Mapping[str, Any], at: list[str | int]) -> tuple[str, ...]:
        """The ids a question had before it was renamed: an interview's answer under one
        is its answer. Each a question's id, none another question's id now, each once."""
        raw = item.get("former_ids", [])
        if not isinstance(raw, list) or not all(isinstance(named, str) for named in raw):
            self.problem(
                [*at, "former_ids"],
                "former_ids must be a list of the ids the question had, e.g."
                ' former_ids = ["premier-tweet"]',
            )
            return ()
        if at[0] == "fields" and raw:
            self.problem(
                [*at, "former_ids"],
                "a field is matched by its id alone: former_ids applies to questions only",
                hint="rename the field back, or edit the interviews' fields",
            )
            return ()
        current = self.ids.get("questions", set())
        kept: list[str] = []
        for index, named in enumerate(raw):
            where = [*at, "former_ids", index]
            if not ID_PATTERN.fullmatch(named):
                self.problem(
                    where,
                    f"former_ids holds no question id: {describe(named)}"
                    " (lowercase letters, digits, - and _)",
                )
            elif named == item.get("id"):
                self.problem(where, f"former_ids holds the question's own id {describe(named)}")
            elif named in current:
                self.problem(
                    where,
                    f"former_ids holds {describe(named)}, another question's id: an answer"
                    " under it is that question's",
                    hint="a former id is one no question has now",
                )
            elif named in kept:
                self.problem(where, f"former_ids holds {describe(named)} twice")
            else:
                kept.append(named)
        return tuple(kept)

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
            # Read on as the type it most likely misspells, for no error to follow from the
            # guess: "choise" with its choices was also told "choices only apply to ...".
            qtype = "choice" if item.get("choices") else "text"
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
        self._template([*at, "placeholder"], placeholder)
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
            former_ids=self._former_ids(item, at),
        )
        self._usable_choices(question, at)
        self._usable_default(question, at)
        self._checked_rules(item, question, at)
        return question

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
            where = [*at, key] if register == "*" else [*at, key, register]
            if required and not template.strip():
                self.problem(where, "empty wording: the guest would read nothing")
            self._template(where, template)
        return variants

    def _template(self, at: Sequence[str | int], template: str) -> None:
        """A wording's braces and placeholders: each one renders, none reaches a guest as typed."""
        if stray := wording.stray_brace(template):
            self.problem(at, stray)
        for inner in wording.placeholders(template):
            reason = wording.problem(inner)
            if reason:
                self.problem(at, reason, hint=self._meant(inner))
            elif "|" in inner and inner != "|".join(part.strip() for part in inner.split("|")):
                # "{un | une} lecteur" read "un  lecteur" and " une lecteur".
                tight = "|".join(part.strip() for part in inner.split("|"))
                self.warn(
                    at,
                    f"{{{inner}}}: the spaces inside the braces are written too, beside the"
                    " text's own",
                    hint=f"write {{{tight}}}",
                )

    def _meant(self, inner: str) -> str | None:
        """``{netz}`` named a question or a field: how to quote it."""
        for kind, prefix in (("questions", "answer"), ("fields", "field")):
            if inner in self.ids.get(kind, ()):
                what = "the answer to" if kind == "questions" else "the field"
                return f"to quote {what} {inner}, write {{{prefix}:{inner}}}"
        return None

    def _field_references(self, fields: list[Question]) -> None:
        """The host fills the fields in, in order, before the guest answers anything: a
        field's wording quotes no answer and no later field, and no condition holds on it."""
        earlier: set[str] = set()
        for index, spec in zip(self.places["fields"], fields, strict=True):
            at: list[str | int] = ["fields", index]
            if spec.when is not None:
                self.problem(
                    [*at, "when"],
                    "a field is always asked: when applies to questions only",
                    hint="make the field optional (required = false): the host leaves it empty",
                )
            for inner, kind, ref in wording.references(*spec.text.values(), *spec.help.values()):
                if kind == "answer":
                    self.problem(
                        [*at, "text"],
                        f"{{{inner}}}: the host's fields are filled in before any answer",
                    )
                elif ref not in earlier:
                    self.problem(
                        [*at, "text"], f"{{{inner}}} quotes a field not filled in before this one"
                    )
            earlier.add(spec.id)

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
        self._field_references(fields)
        self._template(["closing"], closing)
        question_ids = {q.id for q in questions}
        for inner, kind, ref in wording.references(closing):
            if kind == "answer" and ref not in question_ids:
                self.problem(["closing"], f"{{{inner}}} quotes an unknown question")
            if kind == "field" and ref not in field_ids:
                self.problem(["closing"], f"{{{inner}}} refers to an unknown field")
        earlier: dict[str, Question] = {}
        for index, question in zip(self.places["questions"], questions, strict=True):
            at: list[str | int] = ["questions", index]
            if question.when is not None and question.when.question not in earlier:
                known = question.when.question in {q.id for q in questions}
                itself = question.when.question == question.id
                reason = (
                    "itself," if itself else "a later question" if known else "an unknown question"
                )
                self.problem(
                    [*at, "when"],
                    f"condition on {reason} {describe(question.when.question)}",
                    hint="a condition can only look at questions asked before this one",
                )
            elif question.when is not None:
                self._condition_values(question.when, questions, [*at, "when"])
            for inner, kind, ref in wording.references(
                *question.text.values(), *question.help.values()
            ):
                if kind == "answer" and ref not in earlier:
                    self.problem(
                        [*at, "text"], f"{{{inner}}} quotes a question not asked before this one"
                    )
                elif kind == "answer" and (hole := _may_be_unanswered(earlier[ref], question)):
                    self.warn(
                        [*at, "text"],
                        f"{{{inner}}} quotes an answer that may not be given ({hole}):"
                        " the question would read with a hole",
                        hint=f"ask it only then: when = {{ question = {ref!r}, answered = true }}".replace(
                            "'", '"'
                        ),
                    )
                if kind == "field" and ref not in field_ids:
                    self.problem([*at, "text"], f"{{{inner}}} refers to an unknown field")
            earlier[question.id] = question


def _may_be_unanswered(quoted: Question, quoting: Question) -> str:
    """Why the answer to ``quoted`` may be missing when ``quoting`` is asked ("optional",
    "asked only under a condition"); "" when it is always there: required and always
    asked, or ``quoting``'s own condition asks for it."""
    when = quoting.when
    asks_for_it = when is not None and (
        when.answered or when.equals not in (None, "", False) or bool(when.one_of)
    )
    if asks_for_it and when is not None and when.question == quoted.id:
        return ""
    if quoted.when is not None:
        return "asked only under a condition"
    return "" if quoted.required else "optional"
