"""The files ``jeudis export -o`` wrote: none is written over once changed by hand.

A host exports a post into their blog, touches it up there, and exports again
after fixing a typo in the interview: the second export must not silently
replace the touched-up post. Each file an export writes with ``-o`` is recorded
in the series' cache folder with its content stamp; a file that is already
there and is not, as recorded, what an export wrote (the host's own, or one
changed since) is written over only with ``--overwrite``. ``export --all``
keeps the same record in its folder's manifest (:mod:`jeudis.export.site`).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from jeudis.errors import JeudisError
from jeudis.export.site import content_stamp
from jeudis.paths import Series

RECORD = "exports.json"


class Written:
    """The record of a series' single exports, read once, saved after writing."""

    def __init__(self, series: Series, *, overwrite: bool = False) -> None:
        self.path = series.cache_dir / RECORD
        self.overwrite = overwrite
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.stamps: dict[str, str] = data if isinstance(data, dict) else {}

    def check(self, target: Path) -> None:
        """Refuse a file there that no export wrote, or that changed since one did."""
        if self.overwrite:
            return
        try:
            now = content_stamp(target.read_bytes())
        except FileNotFoundError:
            return
        except OSError:
            return  # not readable (a folder...): writing it says why
        recorded = self.stamps.get(_key(target))
        if recorded == now:
            return
        why = "changed by hand since jeudis wrote it" if recorded else "already there"
        raise JeudisError(
            f"{target}: {why}; not written over",
            hint="pass --overwrite to replace it, or write elsewhere with -o",
        )

    def record(self, target: Path, text: str) -> None:
        self.stamps[_key(target)] = content_stamp(text.encode("utf-8"))

    def save(self) -> None:
        """Best effort: without the record, the next export asks for --overwrite."""
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(exist_ok=True)
            self.path.write_text(json.dumps(self.stamps, ensure_ascii=False), encoding="utf-8")


def _key(target: Path) -> str:
    return str(target.resolve())
