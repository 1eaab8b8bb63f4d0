"""The manifest of an exported folder (``.jeudis-manifest.json``), and the stamps it keeps.

What each output of ``jeudis export --all`` was made from: each interview file's
size and modification time, and the hash of its bytes (a file written again the
same, by ``git checkout``, a restored backup or a sync tool, is known as the same),
its photo's likewise, and one stamp for all the rest (jeudis's version and code,
the content of the settings and of the series' templates, the options); and the
content stamp of each file written, so that one changed by hand since is known.
The manifest is claimed before an export writes anything, so that one stopped
half-way is finished by the next; a file of any other shape (edited by hand) is no
manifest. What an export must write, from these, is :mod:`jeudis.export.site`'s to
decide.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from jeudis import __version__
from jeudis.errors import JeudisError
from jeudis.export.written import content_stamp, file_stamp
from jeudis.files import BINARY, interview_entries, of_the_system, temporary_beside, time_stamp
from jeudis.paths import BUNDLED_TEMPLATES, SETTINGS_FILE, Series

MANIFEST = ".jeudis-manifest.json"
WXR_FILE = "wordpress.xml"


def photo_stamp(root: Path, photo: str) -> str:
    """A post's photo file as it is now ("" when there is none, or it is missing)."""
    if not photo:
        return ""
    try:
        return time_stamp((root / photo).stat())
    except OSError:
        return ""


def content_hash(path: Path) -> str:
    """A hash of the file's bytes ("" when it does not read): asked only of an interview
    or a photo whose size or time changed, to tell one written again the same (``git
    checkout``, a backup restored, a sync tool) from one edited. Not the content stamp:
    a CRC's collision would leave an edited interview's page as it was, with no word."""
    import hashlib  # not on an up-to-date export: a tenth of its time

    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=16)).hexdigest()
    except OSError:
        return ""


def bytes_hash(data: bytes) -> str:
    """:func:`content_hash` of a file whose bytes are ``data``: those of an interview as
    it was read to be rendered."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def as_recorded(path: Path, stamp: str, recorded_stamp: str, recorded_hash: str) -> bool:
    """Whether a file of ``stamp`` now is as an export recorded it: of the same stamp,
    or, its stamp changed, of the same bytes. Hashed only then: an up-to-date export
    hashes nothing. A file with no hash recorded (an older export's), or none to
    read, is changed."""
    if stamp == recorded_stamp:
        return True
    if not recorded_hash or not stamp or stamp == "unreadable":
        return False
    return content_hash(path) == recorded_hash


PhotoRecords = dict[str, tuple[str, str]]


def photo_records(manifest: dict[str, Any]) -> PhotoRecords:
    """Each photo file of the series a manifest's export saw, with its stamp and hash then."""
    records: PhotoRecords = {}
    hashes = manifest.get("photo_hashes", {})
    for photo, stamp in manifest.get("photos", {}).items():
        records[photo] = (stamp, hashes.get(photo, ""))
    for meta in manifest.get("entries", {}).values():
        if photo := meta.get("photo_source"):
            records[photo] = (meta.get("photo_stamp", ""), meta.get("photo_hash", ""))
    return records


def photo_record(root: Path, photo: str, before: PhotoRecords) -> tuple[str, str]:
    """A photo file's stamp and hash now (both "" when there is none, or it is missing).

    The hash ``before`` recorded is kept for a file of the same stamp: a photo of a
    few megabytes takes as long to hash as a post to render, and a whole site
    rendered again (a template changed) would hash every one.
    """
    stamp = photo_stamp(root, photo)
    if not stamp:
        return "", ""
    was_stamp, was_hash = before.get(photo, ("", ""))
    if was_stamp == stamp and was_hash:
        return stamp, was_hash
    return stamp, content_hash(root / photo)


def questionnaire_stamps(series: Series) -> dict[str, str]:
    """The series' questionnaire files as they are now, by name: an index tells its
    questionnaire's description. Their ids are not read (a TOML parser's import would
    be a tenth of an up-to-date export's time): a file changed, the indexes are made
    again, the posts left as they are. By their content (a few small files): touched,
    written again the same, they were made again. Bundled ones change with jeudis's
    version."""
    stamps = {}
    with contextlib.suppress(OSError):  # none, or none to read: said where they are needed
        for entry in os.scandir(series.questionnaires_dir):
            if entry.name.endswith(".toml"):
                with contextlib.suppress(OSError):
                    if entry.is_file():  # not a FIFO, which would wait for a writer
                        stamps[entry.name] = file_stamp(Path(entry.path))
    return stamps


def global_stamp(series: Series, fmt: str, flavor: str | None, drafts: bool) -> str:
    settings = series.root / SETTINGS_FILE
    parts = [
        __version__,
        code_stamp(),
        template_stamp(series.root),
        # By its content, as the series' templates: touched, the whole site was made again.
        content_stamp(settings.read_bytes()) if settings.is_file() else "-",
        json.dumps(series.overrides, sort_keys=True, default=str),
        fmt,
        flavor or "",
        str(drafts),
    ]
    # A change detector, as a file's content stamp is: hashlib's import (OpenSSL)
    # would be a tenth of an up-to-date export's own time.
    return content_stamp("\n".join(parts).encode())


def template_stamp(series_root: Path | None) -> str:
    """What the templates in use look like on disk, for the incremental export.

    By their content (a few small files): the series' own touched, or written again
    the same (``git checkout``, a sync tool), made the whole site again, and so did
    jeudis's own, the same jeudis installed again or on another machine. Here, not
    with the templates' environment: an export with nothing to do reads their stamp
    alone, and would import Jinja's markupsafe and the bidi filters for nothing."""
    parts = []
    folders = [BUNDLED_TEMPLATES]
    if series_root is not None and (series_root / "templates").is_dir():
        folders.insert(0, series_root / "templates")
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not of_the_system(path.name):
                # By its place in the folder: moved into a subfolder (an override put
                # aside, ``templates/old/post.html``), the same, it is no longer the one
                # in use.
                named = path.relative_to(folder).as_posix()
                parts.append(f"{named}:{file_stamp(path)}")
    return "|".join(parts)


def code_stamp(package: Path = Path(__file__).parents[1]) -> str:
    """jeudis's own code as it is now: every module of the package, not the export's
    alone (a date written otherwise, in dates.py, or a word in wording.py, changes
    posts too: a site said up to date kept the old ones). A release changes the
    version as well; this is for a copy of jeudis's source, changed by hand or pulled.

    By their content, not their times (3 ms for the package's 1.5 MB): the same jeudis
    installed again, or on the other machine of a series kept in a synced folder,
    made the whole site again at each switch."""
    stamps = []
    folders = [package]
    for folder in folders:
        with os.scandir(folder) as found:
            for entry in found:
                if entry.name.endswith(".py"):
                    # Not where it is installed, nor by the system's way of naming it
                    # (cli\\running.py on Windows): one series, a Mac and a PC.
                    name = Path(os.path.relpath(entry.path, package)).as_posix()
                    stamps.append(f"{name}={file_stamp(Path(entry.path))}")
                elif folder == package and entry.is_dir() and entry.name[0] not in "_.":
                    folders.append(Path(entry.path))  # cli/, export/
    return "|".join(sorted(stamps))


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY | getattr(os, "O_CLOEXEC", 0)


def write_file(path: Path, text: str | bytes) -> str:
    """Write an output file, encoded as is (no newline translation); return its content stamp.

    ``text`` may come encoded already (UTF-8): a page whose stamp was taken to
    compare it with the file there is not encoded twice.

    The site is regenerated from the interviews, so there is no fsync. A file
    that exists is replaced by a rename, so a reader never sees half a page; a
    new one, which nobody can be reading, is written in place: two system calls
    fewer, a tenth of the cost of a page on a thousand-page first export.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        _write(path, data)
    except OSError as error:  # a full disk: said of the page, not of no file
        if not error.errno:
            raise
        raise OSError(error.errno, error.strerror, str(path)) from None
    return content_stamp(data)


def _created(path: Path) -> int:
    """``path`` made new, and its folder if it is not there yet."""
    try:
        return os.open(path, _NEW_FILE, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, _NEW_FILE, 0o666)


def _write(path: Path, data: bytes) -> None:
    temporary = None
    try:
        # Made by another export between the folder and the file (two at once into a
        # new folder): replaced as any file there is, not "File exists".
        fd = _created(path)
    except FileExistsError:
        # Through a new file of the process's own, made exclusively: two exports at once
        # into one folder each renamed the other's (the second rename found no file),
        # and a name known ahead could be a link planted there, which led the page out
        # of the folder.
        fd, temporary = temporary_beside(path)
    try:
        # A write may take only part of the page (the disk filling up as it goes): the
        # rest is written on, so that a full disk is an error, not a page cut short.
        with open(fd, "wb", buffering=0) as out:  # noqa: PTH123 - a descriptor, not a path
            view = memoryview(data)
            while view:
                view = view[out.write(view) :]
        if temporary is not None:
            temporary.replace(path)
    except BaseException:  # a full disk, Ctrl-C, a kill (raised by the export's stop)
        with contextlib.suppress(OSError):  # half a page is no page: the next export writes it
            (temporary or path).unlink()
        raise


def read_manifest(folder: Path) -> dict[str, Any]:
    """The folder's manifest; none (``{}``) when missing, unreadable or not of its shape."""
    try:
        data = json.loads((folder / MANIFEST).read_bytes())  # UTF-8, told by its first bytes
    except (OSError, ValueError):
        return {}
    return data if _manifest_shaped(data) else {}


def _manifest_shaped(data: Any) -> bool:
    """True for what an export writes (a file edited by hand may hold anything).

    Plain loops: a thousand entries are checked at every export, up to date or not.
    """
    if not isinstance(data, dict):
        return False
    entries = data.get("entries", {})
    if not isinstance(entries, dict):
        return False
    if not (
        _texts_table(data.get("written", {}))
        and _texts_table(data.get("wxr", {}))
        and _texts_table(data.get("questionnaires", {}))
        and _texts_table(data.get("photos", {}))
        and _texts_table(data.get("photo_hashes", {}))
        and _texts_table(data.get("hashes", {}))
        and _texts_list(data.get("files", []))
        and _texts_list(data.get("notes", []))
    ):
        return False
    for meta in entries.values():
        if not (
            isinstance(meta, dict)
            and _meta_shaped(meta)
            and _texts_table(meta.get("written", {}))
            and _texts_list(meta.get("outputs", []))
            and _texts_list(meta.get("former", []))
        ):
            return False
    return True


# Loops, not all(): a generator per one-item table, a thousand times, is a third of the check.
def _texts_table(table: Any) -> bool:
    if not isinstance(table, dict):
        return False
    for value in table.values():  # noqa: SIM110
        if type(value) is not str:
            return False
    return True


def _texts_list(items: Any) -> bool:
    if not isinstance(items, list):
        return False
    for value in items:  # noqa: SIM110
        if type(value) is not str:
            return False
    return True


META_TEXTS = (
    "stamp",
    "hash",
    "questionnaire",
    "updated",
    "created",
    "guest",
    "guest_text",
    "title",
    "title_text",
    "date_text",
    "description",
    "description_text",
    "photo",
    "photo_source",
    "photo_stamp",
    "series",
    "index",
    "language",
)


def _meta_shaped(meta: dict[str, Any]) -> bool:
    """One interview's entry in the manifest, as an export writes it."""
    for key in META_TEXTS:
        if type(meta.get(key, "")) is not str:
            return False
    if type(meta.get("photo_hash", "")) is not str:  # not required: an older export's has none
        return False
    if "date" in meta:  # an entry claimed before its post was written has none yet
        try:
            dt.date.fromisoformat(meta["date"])
        except (TypeError, ValueError):
            return False
    nav = meta.get("nav", [None, None])
    return (
        isinstance(meta.get("note"), str | None)
        and isinstance(meta.get("draft", False), bool)
        and isinstance(meta.get("published", True), bool)
        and isinstance(meta.get("description_english", False), bool)
        and isinstance(nav, list)
        and len(nav) == 2
        and all(slug is None or type(slug) is str for slug in nav)
    )


def interview_stamps(folder: Path) -> list[tuple[str, str]]:
    """Every interview's slug with its file's stamp (one ``scandir``: a thousand files in ms)."""
    stamps = []
    for entry in interview_entries(folder):
        try:
            st = entry.stat()
        except OSError:  # a link that leads nowhere: no stamp, so read, which says why
            stamps.append((entry.name.removesuffix(".toml"), "unreadable"))
            continue
        stamps.append((entry.name.removesuffix(".toml"), time_stamp(st)))
    return stamps


def export_kind(fmt: str, flavor: str | None) -> str:
    """What an export into a folder writes, as its manifest records it:
    ``html``, ``wxr``, ``md``, or ``md/`` and the flavor (``md/hugo``)."""
    return f"{fmt}/{flavor}" if fmt == "md" and flavor else fmt


def kind_of(manifest: dict[str, Any]) -> str | None:
    """What the export that wrote ``manifest`` wrote (see :func:`export_kind`).

    An older export's manifest records none: its WordPress file and its HTML site
    (an index) are told from its outputs; Markdown of its flavor is not (None).
    """
    kind = manifest.get("kind")
    if isinstance(kind, str):
        return kind
    if "wxr" in manifest:
        return "wxr"
    if "index.html" in manifest.get("files", []):
        return "html"
    return None


def claim(
    folder: Path,
    previous: dict[str, Any],
    posts: dict[str, str],
    planned: list[str],
    kind: str,
    stamp: str,
) -> None:
    """Before writing: a manifest naming every file the export is about to write.

    Should the export stop half-way (a broken interview, Ctrl-C, a kill, a power
    cut), the next one owns what this one wrote, and finishes it: the posts about to
    be written lose their stamps (and their files their content stamps: they were
    checked just before), so they are rendered again, and so are the indexes and the
    feed, whose record goes. The export's own ``stamp`` (templates, settings) stays:
    the posts it did not touch are as it would write them. It was blanked, and a
    typo in one of five thousand interviews, mended, cost a whole site rendered again.
    """
    entries = dict(previous.get("entries", {}))
    for slug, name in posts.items():
        # What else it recorded stays: its neighbours' links are checked against it.
        # Its hash goes with its stamp: the same bytes are no longer a post written.
        was = entries.get(slug, {}).items()
        kept = {key: value for key, value in was if key not in ("written", "hash")}
        before = kept.get("outputs", [])
        entries[slug] = {**kept, "stamp": "", "outputs": sorted({*before, name})}
    others = set(planned) - set(posts.values())
    manifest: dict[str, Any] = {
        "stamp": stamp,
        "kind": kind,
        "entries": entries,
        "files": sorted({*previous.get("files", []), *(others - {WXR_FILE})}),
        "written": {k: v for k, v in previous.get("written", {}).items() if k not in others},
    }
    if WXR_FILE in others or "wxr" in previous:
        manifest["wxr"] = {}
    write_file(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False))


def written_stamps(manifest: dict[str, Any]) -> dict[str, str]:
    """Each file a manifest's export wrote, with its content stamp then."""
    stamps = {str(k): str(v) for k, v in manifest.get("written", {}).items()}
    for meta in manifest.get("entries", {}).values():
        stamps.update((str(k), str(v)) for k, v in meta.get("written", {}).items())
    return stamps


def manifest_outputs(manifest: dict[str, Any]) -> set[str]:
    """The files a manifest says its export wrote, relative to the folder."""
    files = {str(name) for name in manifest.get("files", [])}
    if "wxr" in manifest:
        files.add(WXR_FILE)
    for meta in manifest.get("entries", {}).values():
        files.update(str(name) for name in meta.get("outputs", []))
    return files


def refuse_another_kind(folder: Path, previous: dict[str, Any], kind: str) -> None:
    """Stop before an export of another kind replaces the one the folder holds.

    ``export --all --flavor hugo`` into ``site/``, the HTML site's folder, removed
    the whole site and said "10 removed": a host trying another format had taken
    down the site they upload. Each export keeps to its folder; ``--overwrite``
    replaces one with the other. A folder whose files have all gone is free.
    """
    before = kind_of(previous)
    if before is None or before == kind:
        return
    if not any((folder / name).is_file() for name in manifest_outputs(previous)):
        return
    them = "them" if kind.startswith("md") else "it"
    raise JeudisError(
        f"{folder}: holds {_described(before)} an earlier export wrote; nothing written",
        hint=f"write {_described(kind)} into another folder (-o FOLDER);"
        f" --overwrite replaces {_described(before)} with {them}",
    )


def _described(kind: str) -> str:
    fmt, _, flavor = kind.partition("/")
    if fmt == "html":
        return "the HTML site"
    if fmt == "wxr":
        return "the WordPress import file"
    from jeudis.export.frontmatter import FLAVOR_TABLE

    known = FLAVOR_TABLE.get(flavor) if flavor else None
    return f"the {known.label} posts" if known and known.label else "the Markdown posts"
