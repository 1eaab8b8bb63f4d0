"""The interview: one guest's answers, as one self-contained TOML file.

The file records every question as it was asked, so rewording the questionnaire
later never changes an interview already given. It is written by tomli-w with
multi-line strings, so long answers read (and diff) as the guest typed them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from jeudis.errors import FileProblem, describe, unknown_key
from jeudis.tomlio import kind_name, locate, parse_toml, read_text

FORMAT = 2
"""The newest file format jeudis reads. 2 adds the ``[[set_aside]]`` answers; a file
without any is written as format 1, which an older jeudis reads."""
STATUSES = ("draft", "complete")
HEADER_KEYS = (
    "format",
    "questionnaire",
    "questionnaire_version",
    "title",
    "slug",
    "guest",
    "register",
    "gender",
    "host",
    "language",
    "style",
    "series",
    "date",
    "status",
    "created",
    "updated",
    "completed",
    "notes",
    "pending",
)
_ANSWER_TYPES: dict[str, type] = {
    "id": str,
    "type": str,
    "question": str,
    "skipped": bool,
    "answered_at": dt.datetime,
    "followup": bool,
    "reworded": bool,
}
ANSWER_KEYS = ("id", "type", "question", "answer", "skipped", "answered_at", "followup", "reworded")
_ANSWER_KEY_SET = frozenset(ANSWER_KEYS)
TOP_KEYS = frozenset({*HEADER_KEYS, "fields", "answers", "set_aside"})
# Written above the answers a condition left out, for whoever opens the file.
SET_ASIDE_COMMENT = (
    "# Answers a condition leaves out now (the notes say which, and why): never published,\n"
    "# each comes back as it is once its condition holds again."
)


def answer_kind_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` cannot be the answer to a question of type ``kind``, or None.

    Only what no answer of that type can be, whatever its questionnaire's rules (those
    are ``jeudis check``'s): a table never; a list only for ``multi``, of strings; true or
    false only for ``yesno``. Edited in by hand, an export would publish it as junk (a
    table as the list "a : 1").
    """
    if type(value) is str or value is None:  # the common case, first
        return None
    if kind == "multi":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return None
        return None if isinstance(value, str) else "an array of strings"
    if isinstance(value, dict | list) or (isinstance(value, bool) and kind != "yesno"):
        return "true or false" if kind == "yesno" else "a string"
    return None


def looks_sound(data: Mapping[str, Any]) -> bool:
    """A quick look at a parsed interview for what the full reader refuses in its answers
    (an unknown key, an id twice, an answer of no kind its type takes) and at the top.

    For ``jeudis list``, which reads no answer in full: False sends the file to the
    full reader, which says what is wrong. Cheap: set operations, and a look at the
    answers that are not text.
    """
    if not data.keys() <= TOP_KEYS:
        return False
    return _sound_answers(data.get("answers", [])) and _sound_answers(data.get("set_aside", []))


def _sound_answers(answers: Any) -> bool:
    if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
        return False
    if len({a.get("id") for a in answers}) != len(answers):
        return False
    if not set().union(*answers) <= _ANSWER_KEY_SET:  # every answer's keys at once
        return False
    return all(
        answer_kind_problem(str(a.get("type", "text")), a.get("answer")) is None
        for a in answers
        if type(a.get("answer")) is not str  # text, the common case, is always sound
    )


# A questionnaire's id, as ``questionnaires/ID.toml`` is named (and a question's id).
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")


def aware(moment: dt.datetime) -> dt.datetime:
    """A timestamp with its offset: one without (a hand edit) is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class Answer:
    """One question as it was asked, and the guest's answer to it."""

    id: str
    type: str
    question: str
    value: Any = None
    skipped: bool = False
    answered_at: dt.datetime | None = None
    followup: bool = False
    reworded: bool = False

    @classmethod
    def given_now(
        cls, question_id: str, kind: str, asked: str, value: Any, **flags: bool
    ) -> Answer:
        """An answer just given (None: the question was skipped), stamped now."""
        return cls(
            id=question_id,
            type=kind,
            question=asked,
            value=value,
            skipped=value is None,
            answered_at=now(),
            **flags,
        )

    @property
    def given(self) -> bool:
        return not self.skipped and self.value not in (None, "", [])

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "question": self.question}
        if self.skipped:
            data["skipped"] = True
        elif self.value is not None:
            data["answer"] = self.value
        if self.answered_at is not None:
            data["answered_at"] = self.answered_at
        if self.followup:
            data["followup"] = True
        if self.reworded:
            data["reworded"] = True
        return data


@dataclass
class Interview:
    questionnaire: str
    guest: str
    slug: str
    title: str
    register: str
    questionnaire_version: int | str = 1
    gender: str | None = None
    host: str = ""
    language: str = "fr"
    style: str = "numbered"
    series: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    status: str = "draft"
    created: dt.datetime = field(default_factory=now)
    updated: dt.datetime = field(default_factory=now)
    completed: dt.datetime | None = None
    notes: str = ""
    pending: dict[str, str] | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    answers: list[Answer] = field(default_factory=list)
    # Answers a condition left out, each with its follow-ups after it, as they were
    # (:mod:`jeudis.conditions`): never published, put back if it holds again.
    set_aside: list[Answer] = field(default_factory=list)
    path: Path | None = None

    # -- answers ---------------------------------------------------------------
    def answer(self, answer_id: str) -> Answer | None:
        for answer in self.answers:
            if answer.id == answer_id:
                return answer
        return None

    def add_notes(self, block: str) -> None:
        """A block of text at the end of the private notes, a blank line before it."""
        self.notes = f"{self.notes.rstrip()}\n\n{block}".lstrip()

    def values(self) -> dict[str, Any]:
        """Answer values by question id (what conditions and wordings look at)."""
        return {a.id: a.value for a in self.answers if not a.skipped}

    def set_answer(self, new: Answer, *, after: str | None = None) -> None:
        """Record an answer, replacing the one with the same id or inserting it in place."""
        for index, old in enumerate(self.answers):
            if old.id == new.id:
                self.answers[index] = new
                return
        if after is not None:
            for index, old in enumerate(self.answers):
                if old.id == after:
                    self.answers.insert(index + 1, new)
                    return
        self.answers.append(new)

    def given_answers(self) -> Iterator[Answer]:
        return (a for a in self.answers if a.given)

    def numbers(self) -> dict[str, int]:
        """The questions' numbers, as the post numbers them: follow-ups and skipped
        questions have none (a question not answered yet has its place)."""
        numbered = (a.id for a in self.answers if not a.followup and not a.skipped)
        return {answer_id: number for number, answer_id in enumerate(numbered, 1)}

    @property
    def pending_id(self) -> str:
        """Where the text kept as ``pending`` was being typed ("" when none is kept)."""
        return str((self.pending or {}).get("id") or "")

    @property
    def is_complete(self) -> bool:
        return self.status == "complete"

    # -- TOML ----------------------------------------------------------------------
    def to_toml(self) -> str:
        head: dict[str, Any] = {
            "format": FORMAT if self.set_aside else 1,
            "questionnaire": self.questionnaire,
            "questionnaire_version": self.questionnaire_version,
            "title": self.title,
            "slug": self.slug,
            "guest": self.guest,
            "register": self.register,
        }
        if self.gender:
            head["gender"] = self.gender
        head.update(
            host=self.host,
            language=self.language,
            style=self.style,
            series=self.series,
            date=self.date,
            status=self.status,
            created=self.created,
            updated=self.updated,
        )
        if self.completed is not None:
            head["completed"] = self.completed
        if self.notes:
            head["notes"] = self.notes
        if self.pending:
            head["pending"] = self.pending
        chunks = [_dump(head)]
        if self.fields:
            chunks.append(_dump({"fields": self.fields}))
        # Each answer under its own [[answers]] header: left to itself, tomli-w
        # writes a short answer as an inline `answers = [...]`, which would land
        # inside the [fields] table (or repeat the key) and break the file.
        chunks.extend("[[answers]]\n" + _dump(a.to_dict()) for a in self.answers)
        if self.set_aside:
            chunks.append(SET_ASIDE_COMMENT)
            chunks.extend("[[set_aside]]\n" + _dump(a.to_dict()) for a in self.set_aside)
        return "\n".join(chunks)


def _dump(data: Mapping[str, Any]) -> str:
    # tomli-w folds CRLF to LF in multi-line strings; keep a pasted "\r" by
    # writing that table's strings on one line, escaped.
    return tomli_w.dumps(data, multiline_strings=not _has_cr(data))


def _has_cr(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, Mapping):
        return any(_has_cr(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_cr(v) for v in value)
    return False


def load_interview(path: Path) -> Interview:
    check_name(path)
    text = read_text(path)
    return interview_from_toml(text, path)


def check_name(path: Path) -> None:
    """Refuse a file whose name is not UTF-8 (copied from an old Latin-1 system, say).

    Its name becomes the page's name and its address: it could be written nowhere.
    """
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise FileProblem(
            path, "its name is not UTF-8", hint="rename the file: its name becomes the page's"
        ) from None


def interview_from_toml(text: str, path: Path) -> Interview:
    data = parse_toml(text, path, fast=True)
    return _Reader(path, text).read(data)


# jeudis writes a value two deep at most (a list of choices); one nested deeper was
# edited by hand, and past a few hundred levels showing or saving it would recurse
# beyond Python's limit.
_DEPTH = 32
_TOO_DEEP = f"values nested more than {_DEPTH} deep"


def _too_deep(value: Any) -> bool:
    """Whether lists and tables nest past :data:`_DEPTH` in ``value`` (a stack, not recursion)."""
    if not isinstance(value, list | dict):
        return False  # the common case: a text
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, list | dict):
            if depth == _DEPTH:
                return True
            stack.extend((child, depth + 1) for child in _children(item))
    return False


def _children(value: list[Any] | dict[str, Any]) -> Iterable[Any]:
    return value.values() if isinstance(value, dict) else value


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, keys: list[str | int], reason: str, hint: str | None = None) -> FileProblem:
        key = ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in keys).replace(".[", "[")
        return FileProblem(self.path, reason, line=locate(self.text, keys), key=key, hint=hint)

    def get(
        self,
        data: Mapping[str, Any],
        key: str,
        kind: type | tuple[type, ...],
        at: list[str | int],
        *,
        required: bool = True,
        default: Any = None,
    ) -> Any:
        if key not in data:
            if required:
                raise self.fail([*at, key], f"missing required key {key!r}")
            return default
        value = data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, str))):
            kinds = (kind,) if isinstance(kind, type) else kind
            names = " or ".join(kind_name(k) for k in kinds)
            raise self.fail([*at, key], f"{key!r} must be {names}, not {kind_name(type(value))}")
        return value

    def moment(
        self, data: Mapping[str, Any], key: str, at: list[str | int], *, required: bool = True
    ) -> Any:
        """A timestamp; one written without its offset (edited by hand) is taken as UTC."""
        value = self.get(data, key, dt.datetime, at, required=required)
        return self.in_range(value, [*at, key]) if value is not None else None

    def in_range(self, moment: dt.datetime, keys: list[str | int]) -> dt.datetime:
        try:
            moment.astimezone(dt.UTC)  # feeds and WXR write it in UTC
        except OverflowError:  # 9999-12-31 23:00:00-05:00, edited by hand
            raise self.fail(keys, "timestamp out of range once in UTC") from None
        return aware(moment)

    def read(self, data: dict[str, Any]) -> Interview:
        allowed = TOP_KEYS
        for key in data:
            if key not in allowed:
                raise self.fail(
                    [key], unknown_key(key, allowed), hint="allowed: " + ", ".join(sorted(allowed))
                )
        fmt = self.get(data, "format", int, [], required=False, default=FORMAT)
        if fmt > FORMAT:
            raise self.fail(
                ["format"], f"written by a newer jeudis (format {fmt})", hint="upgrade jeudis"
            )
        status = self.get(data, "status", str, [])
        if status not in STATUSES:
            raise self.fail(
                ["status"], f"status must be one of {', '.join(STATUSES)}, not {describe(status)}"
            )
        date = self.get(data, "date", dt.date, [])
        if isinstance(date, dt.datetime):
            date = date.date()
        gender = self.get(data, "gender", str, [], required=False)
        if gender is not None and gender not in ("f", "m"):
            raise self.fail(["gender"], f"gender must be 'f' or 'm', not {describe(gender)}")
        pending = self.get(data, "pending", dict, [], required=False)
        fields = self.get(data, "fields", dict, [], required=False, default={})
        for key, value in fields.items():
            if _too_deep(value):
                raise self.fail(["fields", key], _TOO_DEEP)
        answers = self.answers(data, "answers")
        set_aside = self.answers(data, "set_aside")
        questionnaire = self.get(data, "questionnaire", str, [])
        if not ID_PATTERN.fullmatch(questionnaire):
            raise self.fail(
                ["questionnaire"],
                f"questionnaire must be a questionnaire's id (a-z, 0-9, - and _), not {describe(questionnaire)}",
            )
        return Interview(
            questionnaire=questionnaire,
            questionnaire_version=self.get(
                data, "questionnaire_version", (int, str), [], required=False, default=1
            ),
            title=self.get(data, "title", str, []),
            slug=self.get(data, "slug", str, []),
            guest=self.get(data, "guest", str, []),
            register=self.get(data, "register", str, []),
            gender=gender,
            host=self.get(data, "host", str, [], required=False, default=""),
            language=self.get(data, "language", str, [], required=False, default="fr"),
            style=self.get(data, "style", str, [], required=False, default="numbered"),
            series=self.get(data, "series", str, [], required=False, default=""),
            date=date,
            status=status,
            created=self.moment(data, "created", []),
            updated=self.moment(data, "updated", [], required=False)
            or self.moment(data, "created", []),
            completed=self.moment(data, "completed", [], required=False),
            notes=self.get(data, "notes", str, [], required=False, default=""),
            pending={str(k): str(v) for k, v in pending.items()} if pending else None,
            fields=fields,
            answers=answers,
            set_aside=set_aside,
            path=self.path,
        )

    def answers(self, data: Mapping[str, Any], table: str) -> list[Answer]:
        """The answers of ``table`` ("answers", or "set_aside": the same tables), each
        id once."""
        raw_answers = self.get(data, table, list, [], required=False, default=[])
        answers = [self.answer(raw, [table, index]) for index, raw in enumerate(raw_answers)]
        seen: set[str] = set()
        for index, answer in enumerate(answers):
            if answer.id in seen:
                raise self.fail([table, index, "id"], f"duplicate answer id {describe(answer.id)}")
            seen.add(answer.id)
        return answers

    def answer(self, raw: Any, at: list[str | int]) -> Answer:
        # One pass over the table's keys: an interview has many answers, and
        # listing a thousand interviews reads every one of them.
        if not isinstance(raw, dict):
            raise self.fail(at, f"each [[{at[0]}]] entry must be a table")
        for key, value in raw.items():
            expected = _ANSWER_TYPES.get(key)
            if expected is None:
                if key != "answer":
                    raise self.fail(
                        [*at, key],
                        unknown_key(key, ANSWER_KEYS, " in an answer"),
                        hint="allowed: " + ", ".join(ANSWER_KEYS),
                    )
            elif not isinstance(value, expected):
                raise self.fail(
                    [*at, key],
                    f"{key!r} must be {kind_name(expected)}, not {kind_name(type(value))}",
                )
        for key in ("id", "question"):
            if key not in raw:
                raise self.fail([*at, key], f"missing required key {key!r}")
        if _too_deep(raw.get("answer")):
            raise self.fail([*at, "answer"], _TOO_DEEP)
        if wanted := answer_kind_problem(raw.get("type", "text"), raw.get("answer")):
            got = kind_name(type(raw["answer"]))
            raise self.fail([*at, "answer"], f"'answer' must be {wanted}, not {got}")
        skipped = raw.get("skipped", False)
        if not skipped and "answer" not in raw:
            raise self.fail(
                at, f"answer {describe(raw['id'])} has neither 'answer' nor 'skipped = true'"
            )
        return Answer(
            id=raw["id"],
            type=raw.get("type", "text"),
            question=raw["question"],
            value=raw.get("answer"),
            skipped=skipped,
            answered_at=(
                self.in_range(raw["answered_at"], [*at, "answered_at"])
                if "answered_at" in raw
                else None
            ),
            followup=raw.get("followup", False),
            reworded=raw.get("reworded", False),
        )
