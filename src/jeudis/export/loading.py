"""Reading interviews fast enough for a thousand-post site.

Whole interviews are read by :func:`jeudis.interview_reading.load_interview` (toml-rs,
with tomllib for the messages).

Ordering a series (newest first, previous/next) needs only each file's head:
the keys before the first table, parsed alone.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from jeudis.files import BINARY, read_text
from jeudis.interview import ID_PATTERN, STATUSES
from jeudis.interview_reading import check_name, load_interview
from jeudis.tomlio import rs_safe

_FIRST_TABLE = re.compile(r"^\[", re.MULTILINE)
_HEAD_BYTES = 8192  # an interview's head is a few hundred bytes; its answers, tens of KB


def head(path: Path) -> dict[str, Any]:
    """The top-level keys of an interview file (title, guest, date, status...).

    Only the start of the file is read when the first table header is there: a
    thousand-interview series is ordered without reading its answers.
    """
    check_name(path)
    top = _head_text(path)
    data = _parse_head(top) if top is not None else {}
    if (
        type(data.get("date")) is not dt.date  # a timestamp, or no date: the reader says
        or data.get("status") not in STATUSES  # a typo is no draft: the reader says so
        or not isinstance(data.get("questionnaire"), str)  # its problem, at its line: the reader's
        or not ID_PATTERN.fullmatch(data["questionnaire"])
        or not isinstance(data.get("guest"), str)
        or not isinstance(data.get("title"), str)
        or type(data.get("published", True)) is not bool  # "no": the reader refuses it
    ):
        interview = load_interview(path)  # an unusual layout: read it whole
        return {
            "questionnaire": interview.questionnaire,
            "guest": interview.guest,
            "title": interview.title,
            "date": interview.date,
            "status": interview.status,
            "published": interview.published,
            "updated": interview.updated,
            "created": interview.created,
            "former_slugs": interview.former_slugs,
        }
    return data


def _parse_head(top: str) -> dict[str, Any]:
    """The head's keys, or nothing if it does not parse alone (toml-rs: 14 µs, tomllib: 130)."""
    import toml_rs

    if not rs_safe(top):
        return {}
    try:
        data: dict[str, Any] = toml_rs.loads(top, toml_version="1.0.0")
    except Exception:  # noqa: BLE001 - any refusal: the caller reads the whole file
        return {}
    return data


def _head_text(path: Path) -> str | None:
    """The text before the first table header, or None when it cannot be cut out."""
    try:
        # A descriptor, not a file object: a thousand heads are read before any post.
        fd = os.open(path, os.O_RDONLY | BINARY)
        try:
            read = os.read(fd, _HEAD_BYTES)
        finally:
            os.close(fd)
        start = read.removeprefix(codecs.BOM_UTF8)  # a BOM (Notepad): no TOML
    except OSError:
        return None  # the whole-file read says what is wrong
    if start.startswith(b"["):
        cut = 0
    elif (at := start.find(b"\n[")) != -1:
        cut = at + 1
    elif len(read) < _HEAD_BYTES:
        cut = len(start)  # a file with no table at all
    else:
        text = read_text(path)  # a head longer than what was read: read it all
        match = _FIRST_TABLE.search(text)
        return text[: match.start()] if match else text
    try:
        return start[:cut].decode("utf-8")  # ends on a line feed: a character boundary
    except UnicodeDecodeError:
        return None
