"""The guest's photo, given as a file: brought into the series folder.

A post can show a photo only from a web address or from a file of the series
folder (``images/gilles-klein.jpg``): exports never publish a file from
elsewhere on the host's machine. A host who types, or drops on the terminal,
the path of an image elsewhere (``~/Téléchargements/gilles.jpg``) gets it copied
into ``images/`` under the interview's name, and the field names the copy.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})
FOLDER = "images"


def adopt(root: Path, slug: str, given: str) -> tuple[str, bool]:
    """The photo field's value for ``given``, and whether a file was copied for it.

    A web address, or a path that names no file, is kept as written (``jeudis
    check`` says when a path names nothing). A file inside the series folder is
    named from the folder. An image elsewhere is copied into ``images/SLUG.EXT``
    (a free name when another image is there already); any other file is left
    where it is, and out of every export.
    """
    text = _unquoted(given.strip())
    if text.startswith("file://"):  # some terminals drop a file as its URI
        text = _path_of(text)
    if not text or "://" in text:
        return text, False
    found = _file(root, text)
    if found is None:
        return text, False
    folder = root.resolve()
    if found.is_relative_to(folder):
        return found.relative_to(folder).as_posix(), False
    suffix = found.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        return text, False
    target = _free_name(folder / FOLDER, slug, suffix, found)
    try:
        if not target.exists():
            _copy(found, target)
    except OSError:
        return text, False  # unreadable, or no room: kept as written, and exports say so
    return target.relative_to(folder).as_posix(), True


def _unquoted(text: str) -> str:
    """A path as terminals paste a dropped file: in quotes, or with its spaces escaped."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _path_of(uri: str) -> str:
    """The path of a ``file://`` URI (``file:///home/a/Mes%20photos/g.jpg``)."""
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(uri).path)


def _file(root: Path, text: str) -> Path | None:
    """The file a path names (from the series folder when relative), resolved; else None."""
    for candidate in dict.fromkeys((text, text.replace("\\ ", " "))):
        path = Path(candidate).expanduser()
        path = path if path.is_absolute() else root / path
        with contextlib.suppress(OSError):
            if path.is_file():
                return path.resolve()
    return None


def _free_name(folder: Path, slug: str, suffix: str, source: Path) -> Path:
    """``SLUG.EXT`` in ``folder``, or ``SLUG-2.EXT``...: never another image written over."""
    number = 1
    while True:
        target = folder / (f"{slug}{suffix}" if number == 1 else f"{slug}-{number}{suffix}")
        if not target.exists() or _same(target, source):
            return target
        number += 1


def _same(one: Path, other: Path) -> bool:
    try:
        return one.stat().st_size == other.stat().st_size and one.read_bytes() == other.read_bytes()
    except OSError:
        return False


def _copy(source: Path, target: Path) -> None:
    """Copy through a temporary file renamed into place: never half an image."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copyfile(source, temporary)
        temporary.replace(target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
