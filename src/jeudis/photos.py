"""The guest's photo, given as a file: brought into the series folder.

A post can show a photo only from a web address or from a file of the series
folder (``images/gilles-klein.jpg``): exports never publish a file from
elsewhere on the host's machine. A host who types, or drops on the terminal,
the path of an image elsewhere (``~/Téléchargements/gilles.jpg``) gets it copied
into ``images/`` under the interview's name, and the field names the copy.
"""

from __future__ import annotations

import contextlib
import filecmp
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from jeudis.files import copy_atomic
from jeudis.paths import looped, outside

if TYPE_CHECKING:
    from jeudis.interview import Interview

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})
FOLDER = "images"


def refusal(root: Path, photo: str) -> str | None:
    """Why a photo that is a path cannot be published from the series; None when it can.

    The one rule every export and ``jeudis check`` follow: only an image file of
    the series folder goes online (never another interview, with its private
    notes, nor a file elsewhere on the host's machine). Whether it exists yet is
    another matter.
    """
    if not of_the_series(root, photo):
        return _left(root, photo)
    suffix = PurePath(photo).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        return "not an image"
    try:
        (root / photo).is_file()  # missing is no refusal; a name too long is
    except OSError as error:
        return f"out of reach ({error.strerror or error})"
    if linked := _linked_to(root, photo):
        return linked
    if suffix == ".svg":
        return svg_hazard(root / photo)
    return None


def of_the_series(root: Path, photo: str) -> bool:
    """Whether ``photo``, a path, names a file of the series folder: one in it, or in a
    folder of it that is a link (:func:`_left`)."""
    return not outside(root, photo) or _left(root, photo) is None


def _left(root: Path, photo: str) -> str | None:
    """Why a photo that resolves out of the series folder is none of its files; None
    when it is one all the same.

    A folder of the series that is itself a link (``images/`` kept in a synced folder,
    shared by the host's series) is the host's own set-up, as ``interviews/`` and
    ``templates/`` are (:mod:`jeudis.links`): its files are the series'. A photo that is
    itself a link leading out of the series and of its folder is not, nor a path that
    leaves the folder as written (absolute, from ``~``, climbing out with ``..``).
    """
    if photo.startswith(("/", "\\", "~")) or ".." in photo.replace("\\", "/").split("/"):
        return "not in the series folder"
    path = root / photo
    try:
        target = path.resolve()
        homes = (root.resolve(), path.parent.resolve())
        linked = path.is_symlink()
    except (OSError, RuntimeError):  # a loop, a name too long
        return "not in the series folder"
    if looped(target):  # a loop that Python 3.13 left as it is, where 3.11 and 3.12 raised
        return "not in the series folder"
    if linked and not any(target.is_relative_to(home) for home in homes):
        return "a link to a file out of the series folder"
    return None


def _linked_to(root: Path, photo: str) -> str | None:
    """Why the file a photo's link leads to is none to publish: a series received from
    someone else (a git repository, a zip) may hold ``images/me.jpg`` leading to
    ``../.git/config`` (the host's token to their repository, once cloned) or to an
    interview, its private notes with it. Only an image's name, out of hidden folders,
    is published through a link; None for a photo that is no link. (In a folder that is
    a link, ``images/`` kept elsewhere, hidden folders are those under it.)"""
    folder = root.resolve()
    path = folder / photo
    try:
        target = path.resolve()
        if target == path or target == path.absolute():
            return None
        home = next(
            (home for home in (folder, path.parent.resolve()) if target.is_relative_to(home)),
            None,
        )
    except (OSError, RuntimeError):  # said by outside(), or missing
        return None
    if home is None:  # said by _left()
        return None
    parts = target.relative_to(home).parts
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        return "a link to a file that is not an image"
    if any(part.startswith(".") for part in parts):
        return "a link to a hidden file"
    return None


_XHTML = "http://www.w3.org/1999/xhtml"
# SVG elements that run script, embed a document, or change the drawing as time
# passes (an animation can set a link to ``javascript:``). A portrait needs none.
_SVG_ACTIVE = frozenset(
    {
        "script",
        "foreignobject",
        "handler",
        "listener",
        "animate",
        "animatemotion",
        "animatetransform",
        "animatecolor",
        "set",
        "discard",
        "iframe",
        "embed",
        "object",
    }
)
_INERT_DATA = tuple(f"data:image/{kind}" for kind in ("png", "jpeg", "jpg", "gif", "webp"))


class _Hazard(Exception):
    """What makes an SVG unsafe to publish (raised from a parser's handler, to stop it)."""


class _SvgCheck:
    """expat's handlers for :func:`svg_hazard`: each raises :class:`_Hazard` at the first."""

    def __init__(self) -> None:
        self.seen_root = False

    def element(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        local = local.lower()
        if not self.seen_root and local != "svg":
            raise _Hazard("not an SVG drawing")
        self.seen_root = True
        if local in _SVG_ACTIVE:
            raise _Hazard(f"an SVG with a <{local}> element")
        if namespace == _XHTML:
            raise _Hazard("an SVG holding HTML")
        for key, value in attributes.items():
            attribute = key.rpartition(" ")[2].lower()
            if attribute.startswith("on"):
                raise _Hazard(f"an SVG with an {attribute} handler")
            if attribute == "href" and not value.strip().startswith(("#", *_INERT_DATA)):
                raise _Hazard("an SVG linking to another file")

    def doctype(self, _name: str, _system: str | None, _public: str | None, internal: bool) -> None:
        if internal:
            raise _Hazard("an SVG with DTD declarations")

    def instruction(self, target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            raise _Hazard("an SVG calling a style sheet")


def as_on_disk(root: Path, photo: str) -> str:
    """``photo`` as the file system spells it: a name written in one Unicode form
    ("Hélène.jpg", é one character) and stored in the other (é as e and an accent,
    as a Mac wrote it, copied to Linux by a zip or git) names the same file, which
    macOS finds either way and Linux does not. Else ``photo`` as it is."""
    import unicodedata

    for form in ("NFC", "NFD"):
        spelt = unicodedata.normalize(form, photo)
        if spelt != photo:
            with contextlib.suppress(OSError, ValueError):
                if not (root / photo).is_file() and (root / spelt).is_file():
                    return spelt
    return photo


def svg_hazard(path: Path) -> str | None:
    """What in an SVG file could act when a reader opens it; None when nothing can.

    Shown through ``<img>``, an SVG runs no script and loads nothing; opened on
    its own (its link, "open image in new tab"), it is a document of the blog's
    site, and its script runs there. A guest may send their photo as an SVG, so
    a published one holds drawing only: no script, event handler, embedded HTML,
    animation, link to another file (only ``#fragment`` and raster ``data:``
    images), style sheet instruction or DTD declarations (entities, default
    attributes). A file that cannot be read is missing to the caller, not refused.
    """
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    check = _SvgCheck()
    parser.StartElementHandler = check.element
    parser.StartDoctypeDeclHandler = check.doctype
    parser.ProcessingInstructionHandler = check.instruction
    try:
        if not path.is_file():  # a FIFO would never end; missing is the caller's to say
            return None
        data = path.read_bytes()
        # Whole, not in chunks: expat rescans a token cut across chunks from its
        # start, and a drawing's embedded image (megabytes in one attribute) took
        # seconds so.
        parser.Parse(data, True)
    except OSError:
        return None
    except _Hazard as hazard:
        return str(hazard)
    except expat.ExpatError as error:
        return f"an SVG that is not well-formed (line {error.lineno})"
    except (LookupError, ValueError):  # an encoding Python does not know
        return "an SVG in an unknown encoding"
    return None


def copy_to(source: Path, target: Path, *, replace: bool = False) -> bool:
    """Copy an image to ``target``; False, copying nothing, when a different file is there.

    ``replace``: write over a different file (one an earlier export wrote).
    """
    if not replace and target.exists() and not filecmp.cmp(source, target, shallow=False):
        return False
    _copy(source, target)
    return True


def adopt_for(interview: Interview, given: str) -> tuple[str, bool]:
    """:func:`adopt` for an interview file of a series (``SERIES/interviews/SLUG.toml``)."""
    path = interview.path
    if path is None:
        return given, False
    return adopt(path.parent.parent, path.stem, given)


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
    kept = (folder / FOLDER).resolve()  # images/ a link, kept in a synced folder: the series'
    if kept != folder / FOLDER and found.is_relative_to(kept):
        return (PurePath(FOLDER) / found.relative_to(kept)).as_posix(), False
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

    try:
        return unquote(urlsplit(uri).path)
    except ValueError:  # "file://[x/x.png": no address, kept as written (check says so)
        return uri


def missing(interview: Interview, photo: str) -> bool:
    """Whether the photo field names a file of the machine that is not there (yet)."""
    if not photo or "://" in photo or interview.path is None:
        return False
    return _file(interview.path.parent.parent, photo) is None


def _file(root: Path, text: str) -> Path | None:
    """The file a path names (from the series folder when relative), resolved; else None."""
    for candidate in dict.fromkeys((text, text.replace("\\ ", " "))):
        try:
            path = Path(candidate).expanduser()
        except RuntimeError:  # "~nosuchuser/x.png": no such home folder, so no file
            continue
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
        try:
            if not target.exists() or filecmp.cmp(target, source, shallow=False):
                return target
        except OSError:
            pass  # unreadable: not the same image
        number += 1


def _copy(source: Path, target: Path) -> None:
    """Copy through a temporary file renamed into place: never half an image."""
    target.parent.mkdir(parents=True, exist_ok=True)
    copy_atomic(source, target)
