"""What the host typed and a save refused, kept in a file for them to copy.

A save can fail after the host has written something jeudis holds nowhere else:
fields or notes edited in $EDITOR, an answer a session could not save (a full disk,
a read-only folder, an interview that would be too large to read back). As
``git commit`` and ``kubectl edit`` do, the text is then kept in a file, and the
error names it.

The file is beside the interview, hidden (``.SLUG.fields.toml``): no command lists
it, checks it or exports it as an interview. Where that folder refuses it, it goes
to the series' cache folder. It is as private as the interview (the notes are), and
never written over: a second failure keeps its text in a file of its own.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from jeudis.files import BINARY
from jeudis.paths import Series

PRIVATE = 0o600  # an interview that is not there to take the mode of
# What :func:`keep` names its files: ".gilles-klein.notes.txt", "gilles-klein.fields-2.toml".
_KEPT = re.compile(r"\.?.+\.(?:fields|notes|answer|not-saved)(?:-[0-9]+)?\.(?:toml|txt)")


def keep(series: Series, interview: Path, what: str, text: str) -> Path | None:
    """``text`` written in a new file named after the ``interview`` and ``what``
    (``fields.toml``, ``notes.txt``); its path, or None where no folder took it
    (a disk full)."""
    try:
        mode = interview.stat().st_mode & 0o666  # its reading and writing, never running
    except OSError:
        mode = PRIVATE
    data = text.encode("utf-8", "replace")  # a lone surrogate: not worth losing the rest
    stem, dot, suffix = what.partition(".")
    cache = series.cache_dir(make=True)
    for folder, hidden in ((interview.parent, "."), (cache, "")):
        if folder is None:
            continue
        for n in range(1, 100):
            name = f"{hidden}{interview.stem}.{stem}{'' if n == 1 else f'-{n}'}{dot}{suffix}"
            written = _write_new(folder / name, data, mode)
            if written is None:  # the folder refuses it, or the disk
                break
            if written:
                return folder / name
    return None


def _write_new(path: Path, data: bytes, mode: int) -> bool | None:
    """Whether ``data`` went into the new file ``path``: False when a file (or a link)
    is there already, None when the folder or the disk refused it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, mode)
    except FileExistsError:
        return False
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return True


def kept_files(series: Series) -> list[Path]:
    """The files :func:`keep` wrote and the host has not deleted yet, beside the
    interviews or in the cache folder: ``jeudis check`` reminds of them."""
    found = []
    for folder, hidden in ((series.interviews_dir, True), (series.cache_dir(), False)):
        if folder is None:
            continue
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.name.startswith(".") == hidden and _KEPT.fullmatch(entry.name):
                    found.append(Path(entry.path))
    return sorted(found)
