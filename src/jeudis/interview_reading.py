"""Reading an interview file back: every key checked, a problem said with its place.

A file edited by hand may hold anything TOML does: an unknown key, an id twice, a
table where an answer goes, a format newer than this jeudis reads, a timestamp out
of range once in UTC, values nested deeper than jeudis ever writes. Each is refused
with the file, the line and the key (:class:`~jeudis.errors.FileProblem`), never a
traceback. :func:`looks_sound` is the quick look ``jeudis list`` takes instead,
which sends a file to the full reader only when something is amiss. What is read
is :mod:`jeudis.interview`'s model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem, describe, unknown_key
from jeudis.files import read_stamped, text_of
from jeudis.interview import (
    FORMAT,
    ID_FORM,
    ID_PATTERN,
    STATUSES,
    STYLES,
    Answer,
    Interview,
    Typed,
    derived_id,
    holds_something,
)
from jeudis.tomlio import kind_name, locate, parse_toml

HEADER_KEYS = (
    "format",
    "id",
    "questionnaire",
    "questionnaire_version",
    "title",
    "slug",
    "guest",
    "register",
    "gender",
    "first_name",
    "host",
    "language",
    "style",
    "series",
    "date",
    "status",
    "published",
    "created",
    "updated",
    "completed",
    "notes",
    "former_slugs",
    "pending",
)
# The header's keys a file must have, in the order they are read.
REQUIRED_KEYS = ("status", "date", "questionnaire", "slug", "created", "title", "guest", "register")
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
PENDING_KEYS = ("id", "text", "ticked")
TOP_KEYS = frozenset({*HEADER_KEYS, "fields", "rewordings", "answers", "set_aside"})


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
    if not data.keys() <= TOP_KEYS or not _sound_header(data):
        return False
    rewordings = data.get("rewordings", {})
    if not isinstance(rewordings, dict) or not _strings(list(rewordings.values())):
        return False
    return _sound_answers(data.get("answers", [])) and _sound_answers(data.get("set_aside", []))


def _sound_header(data: Mapping[str, Any]) -> bool:
    """The format, the id, the style and gender, the former names, published, and the
    texts a pause kept."""
    fmt, id_ = data.get("format", FORMAT), data.get("id", "")
    if type(fmt) is not int or fmt > FORMAT:
        return False
    if not former_names(data.get("former_slugs", [])):
        return False
    if not isinstance(id_, str) or (id_ and not ID_FORM.fullmatch(id_.lower())):
        return False
    if data.get("style", "numbered") not in STYLES or data.get("gender", "f") not in ("f", "m"):
        return False
    if type(data.get("published", True)) is not bool:
        return False
    pending = data.get("pending", [])
    entries = [pending] if isinstance(pending, dict) else pending
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        return False
    if not set().union(*entries) <= set(PENDING_KEYS):
        return False
    ids = [e.get("id") for e in entries]
    if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        return False
    return all(
        isinstance(e.get("text"), str)
        if "ticked" not in e
        else "text" not in e and _strings(e["ticked"])
        for e in entries
    )


def plain_name(value: Any, *, blank: bool = False) -> bool:
    """A name on one line with no control character; not blank, unless ``blank``."""
    from jeudis.textsafe import control_in

    return isinstance(value, str) and (blank or bool(value.strip())) and not control_in(value)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _sound_answers(answers: Any) -> bool:
    if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
        return False
    ids = [a.get("id") for a in answers]
    if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        return False
    if not set().union(*answers) <= _ANSWER_KEY_SET:  # every answer's keys at once
        return False
    return all(
        answer_kind_problem(str(a.get("type", "text")), a.get("answer")) is None
        for a in answers
        if type(a.get("answer")) is not str  # text, the common case, is always sound
    )


def aware(moment: dt.datetime) -> dt.datetime:
    """A timestamp with its offset: one without (a hand edit) is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def load_interview(path: Path) -> Interview:
    """The interview in ``path``, named by the file: a file the host renamed (every
    command finds it by its new name) still records the name it was made with."""
    return read_interview(path)[0]


def read_interview(path: Path) -> tuple[Interview, bytes]:
    """:func:`load_interview`, with the bytes it was read from (an export hashes them,
    not the file a second time)."""
    check_name(path)
    data, stamp = read_stamped(path)
    text = text_of(data, path)
    interview = interview_from_toml(text, path)
    interview.slug = path.stem
    interview.read_from = (stamp, text)
    return interview, data


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


# A post's name, as a file of a site holds it: no folder, no hidden file, no control.
def former_names(value: Any) -> bool:
    """Whether ``value`` reads as ``former_slugs``: a list of names a post can have."""
    return isinstance(value, list) and all(
        isinstance(name, str) and _FILE_NAME.fullmatch(name) for name in value
    )


_FILE_NAME = re.compile(r"[^./\\\x00-\x1f\x7f][^/\\\x00-\x1f\x7f]{0,199}")


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
        # All of them in one message: said one at a time, each run of `check` found another.
        missing = [key for key in REQUIRED_KEYS if key not in data]
        if len(missing) > 1:
            listed = ", ".join(repr(key) for key in missing)
            raise FileProblem(self.path, f"missing required keys {listed}")
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
        style = self.get(data, "style", str, [], required=False, default="numbered")
        if style not in STYLES:  # a slip ("dialog") was published as another style
            raise self.fail(
                ["style"], f"style must be one of {', '.join(STYLES)}, not {describe(style)}"
            )
        pending = self.pending(data)
        fields = self.get(data, "fields", dict, [], required=False, default={})
        for key, value in fields.items():
            if _too_deep(value):
                raise self.fail(["fields", key], _TOO_DEEP)
        rewordings = self.get(data, "rewordings", dict, [], required=False, default={})
        for key in rewordings:
            self.get(rewordings, key, str, ["rewordings"])
        answers = self.answers(data, "answers")
        set_aside = self.answers(data, "set_aside")
        questionnaire = self.get(data, "questionnaire", str, [])
        if not ID_PATTERN.fullmatch(questionnaire):
            raise self.fail(
                ["questionnaire"],
                f"questionnaire must be a questionnaire's id (a-z, 0-9, - and _), not {describe(questionnaire)}",
            )
        slug = self.get(data, "slug", str, [])
        created = self.moment(data, "created", [])
        return Interview(
            id=self.id(data) or derived_id(questionnaire, slug, created),
            questionnaire=questionnaire,
            questionnaire_version=self.get(
                data, "questionnaire_version", (int, str), [], required=False, default=1
            ),
            title=self.get(data, "title", str, []),
            slug=slug,
            guest=self.get(data, "guest", str, []),
            register=self.get(data, "register", str, []),
            gender=gender,
            first_name=self.get(data, "first_name", str, [], required=False, default=""),
            host=self.get(data, "host", str, [], required=False, default=""),
            language=self.get(data, "language", str, [], required=False, default="fr"),
            style=style,
            series=self.get(data, "series", str, [], required=False, default=""),
            date=date,
            status=status,
            published=self.get(data, "published", bool, [], required=False, default=True),
            created=created,
            updated=self.moment(data, "updated", [], required=False) or created,
            completed=self.moment(data, "completed", [], required=False),
            notes=self.get(data, "notes", str, [], required=False, default=""),
            former_slugs=self.former_slugs(data),
            pending=pending,
            fields=fields,
            rewordings=rewordings,
            answers=answers,
            set_aside=set_aside,
            path=self.path,
        )

    def former_slugs(self, data: Mapping[str, Any]) -> list[str]:
        """The names the interview's post had before its guest was renamed: its site
        leads them to the post's new address."""
        former = self.get(data, "former_slugs", list, [], required=False, default=[])
        for index, slug in enumerate(former):
            named = self.get({"s": slug}, "s", str, ["former_slugs", index])
            if not _FILE_NAME.fullmatch(named):
                raise self.fail(
                    ["former_slugs", index],
                    f"former_slugs holds no post's name: {describe(named)}",
                )
        return list(former)

    def pending(self, data: Mapping[str, Any]) -> dict[str, Typed]:
        """The texts typed and not given yet, by where they were typed: the ``[[pending]]``
        tables, or the one ``[pending]`` table of a file an earlier jeudis wrote (format 1
        or 2, one text for the whole interview). A table's ``ticked`` in place of its
        ``text``: the choices ticked at a multiple choice. A blank text holds nothing,
        nor ``ticked = []``."""
        raw = self.get(data, "pending", (list, dict), [], required=False, default=[])
        entries: list[tuple[Any, list[str | int]]] = (
            [(raw, ["pending"])]
            if isinstance(raw, dict)
            else [(entry, ["pending", index]) for index, entry in enumerate(raw)]
        )
        pending: dict[str, Typed] = {}
        seen: set[str] = set()
        for entry, at in entries:
            if not isinstance(entry, dict):
                raise self.fail(at, "each [[pending]] entry must be a table")
            for key in entry:
                if key not in PENDING_KEYS:
                    raise self.fail(
                        [*at, key],
                        unknown_key(key, PENDING_KEYS, " in a pending text"),
                        hint="allowed: " + ", ".join(PENDING_KEYS),
                    )
            where = self.get(entry, "id", str, at)
            typed = self.typed(entry, at)
            if where in seen:
                raise self.fail([*at, "id"], f"duplicate pending id {describe(where)}")
            seen.add(where)
            if holds_something(typed):
                pending[where] = typed
        return pending

    def typed(self, entry: Mapping[str, Any], at: list[str | int]) -> Typed:
        """A ``[[pending]]`` table's text, or the choices it says were ticked."""
        if "ticked" not in entry:
            return str(self.get(entry, "text", str, at))
        if "text" in entry:
            raise self.fail(
                [*at, "ticked"], "a pending entry holds a text or the choices ticked, not both"
            )
        ticked = self.get(entry, "ticked", list, at)
        if not _strings(ticked):
            raise self.fail([*at, "ticked"], "'ticked' must be an array of strings")
        return list(ticked)

    def id(self, data: Mapping[str, Any]) -> str:
        """The interview's id as the file records it; "" in a file from before ids were."""
        value = self.get(data, "id", str, [], required=False, default="")
        if value and not ID_FORM.fullmatch(value.lower()):
            raise self.fail(
                ["id"],
                f"id must be a UUID, as jeudis writes it, not {describe(value)}",
                hint="an interview's id never changes (a feed and WordPress know the post by"
                " it): put back the one jeudis wrote",
            )
        return str(value).lower()

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
