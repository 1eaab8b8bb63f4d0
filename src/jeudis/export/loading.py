"""Reading interviews fast enough for a thousand-post site.

Whole interviews are read by :func:`jeudis.interview.load_interview` (toml-rs,
with tomllib for the messages).

Ordering a series (newest first, previous/next) needs only each file's head:
the keys before the first table, parsed alone.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem
from jeudis.interview import load_interview
from jeudis.tomlio import read_text

_FIRST_TABLE = re.compile(r"^\[", re.MULTILINE)


def head(path: Path) -> dict[str, Any]:
    """The top-level keys of an interview file (title, guest, date, status...)."""
    text = read_text(path)
    match = _FIRST_TABLE.search(text)
    top = text[: match.start()] if match else text
    data = _parse_head(top)
    if not isinstance(data.get("date"), dt.date) or "status" not in data:
        interview = load_interview(path)  # an unusual layout: read it whole
        return {
            "questionnaire": interview.questionnaire,
            "guest": interview.guest,
            "title": interview.title,
            "date": interview.date,
            "status": interview.status,
            "updated": interview.updated,
        }
    return data


def _parse_head(top: str) -> dict[str, Any]:
    """The head's keys, or nothing if it does not parse alone (toml-rs: 14 µs, tomllib: 130)."""
    import toml_rs

    try:
        data: dict[str, Any] = toml_rs.loads(top, toml_version="1.0.0")
    except Exception:  # noqa: BLE001 - any refusal: the caller reads the whole file
        return {}
    return data


def check_head(data: dict[str, Any], path: Path) -> None:
    for key in ("questionnaire", "guest", "title"):
        if not isinstance(data.get(key), str):
            raise FileProblem(path, f"missing required key {key!r}")
