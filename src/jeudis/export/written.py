"""Which files of an output folder are the export's: none of the host's is written over.

A host exports into their blog, touches a post up there, and exports again after
fixing a typo in the interview: the second export must not silently replace the
touched-up post, nor a post of the host's own that has an output's name. Every
file an export writes is recorded with its content stamp: ``export --all`` in
its folder's manifest (:mod:`jeudis.export.manifest`); ``export -o``, ``sheet -o`` and
``compare -o`` in the series' cache folder (:class:`Written`). A file that is
there and is not, as recorded, what jeudis wrote is written over only with
``--overwrite``.

A roundup's post, which jeudis writes too, never takes an interview's place
(:func:`refuse_interview_place`), nor an interview's post a roundup's: the record
says which files are roundups (:meth:`Written.check`), and a roundup an older jeudis
recorded as a plain file reads as one (:func:`reads_as_roundup`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from jeudis.errors import FileProblem, JeudisError
from jeudis.files import write_atomic
from jeudis.paths import CACHE_FOLDER, Series

RECORD = "exports.json"
ROUNDUPS = (
    "roundups"  # the record's key for the roundups' files (a file's starts ./ or is absolute)
)


def content_stamp(data: bytes) -> str:
    """What a file looked like when an export wrote it (a change detector, not a security hash)."""
    return f"{len(data)}:{zlib.crc32(data):08x}"


class Stamped:
    """A text written piece by piece, passed on as it goes (``for piece in stamped``),
    and its :func:`content_stamp` once the last piece is through (:attr:`stamp`)."""

    def __init__(self, text: str | Iterable[str]) -> None:
        self.pieces = (text,) if isinstance(text, str) else text
        self.size = self.crc = 0

    def __iter__(self) -> Iterator[str]:
        for piece in self.pieces:
            data = piece.encode("utf-8")
            self.size += len(data)
            self.crc = zlib.crc32(data, self.crc)
            yield piece

    @property
    def stamp(self) -> str:
        return f"{self.size}:{self.crc:08x}"


# An HTML roundup's article, page or fragment, as every jeudis's templates write it (the
# first without ``lang``); an interview's is ``class="jeudis-post ..."``.
_ROUNDUP_ARTICLE = re.compile(rb'<article (?:lang="[^"<>]*" )?class="roundup">')
# The front matter's tags, as each flavor writes them (YAML, TOML; Pelican's ``Tags:``).
_TAGS = re.compile(r"(?:tags ?[:=] ?\[(?P<listed>.*)\]|Tags: (?P<pelican>.*))")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def reads_as_roundup(data: bytes) -> bool:
    """Whether a file jeudis wrote (``data``) is a roundup's post, by its text alone.

    For a roundup an older jeudis recorded as a plain file, before the record said
    which are roundups. It is told apart only from jeudis's other outputs, which is
    all a recorded file can be: an interview's post and an answer sheet. An HTML
    roundup's article is ``class="roundup"`` (a guest's text writes no tag). A
    Markdown roundup's first heading of level 2 links an interview (``## [Guest](…)``:
    a sheet's are ``## Q1 [id]``, an interview's numbered ones ``## 1. …``), and its
    front matter has one tag, the questionnaire (an interview's has the guest's name
    too), or, the oldest's, no front matter but its ``# title`` line. A roundup made
    with a series' own templates (``templates/``) may read as neither.
    """
    if _ROUNDUP_ARTICLE.search(data):
        return True
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return False
    head = []
    for line in lines:
        if line.startswith("## "):
            if not line.startswith("## ["):
                return False
            break
        head.append(line)
    else:
        return False
    if head and head[0].startswith("# "):
        return True
    for line in head:
        if found := _TAGS.fullmatch(line):
            pelican = found["pelican"]  # a tag's commas made spaces
            tags = (
                len(_QUOTED.findall(found["listed"])) if pelican is None else pelican.count(",") + 1
            )
            return tags == 1
    return False


def changed(path: Path, stamp: str) -> bool:
    """True when the file is no longer what an export wrote (``stamp``)."""
    try:
        if not path.is_file():
            return True  # a FIFO or a folder in its place (read, a FIFO would block)
        return file_stamp(path) != stamp
    except OSError:
        return False  # unreadable: writing it will say why


def file_stamp(path: Path) -> str:
    """:func:`content_stamp` of a file, read a megabyte at a time: a WordPress file of
    ten thousand posts is 160 MB."""
    size = crc = 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            size += len(chunk)
            crc = zlib.crc32(chunk, crc)
    return f"{size}:{crc:08x}"


# The start of a file where a roundup's post tells itself (:func:`reads_as_roundup`): its
# article's tag, or its front matter and title before its first interview's heading.
ROUNDUP_HEAD = 1 << 20


def refuse_others(
    folder: Path, planned: list[str], owned: set[str], recorded: dict[str, str]
) -> None:
    """Stop before writing over a file no export wrote, or one changed since an export did.

    ``planned``: the files about to be written, relative to ``folder``; ``owned``:
    those an earlier export wrote; ``recorded``: their content stamps then.
    """
    there: dict[str, set[str]] = {}  # each folder's names, read once (a stat per file is slow)
    for parent in {name.rpartition("/")[0] for name in planned}:
        try:
            there[parent] = {entry.name for entry in os.scandir(folder / parent)}
        except (FileNotFoundError, NotADirectoryError):
            there[parent] = set()
    present = [n for n in planned if n.rpartition("/")[2] in there[n.rpartition("/")[0]]]
    theirs = [name for name in present if name not in owned]
    edited = [n for n in present if n in recorded and changed(folder / n, recorded[n])]
    for found, why in (
        (theirs, "already there, not written by jeudis"),
        (edited, "changed by hand since jeudis wrote it"),
    ):
        if found:
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            raise JeudisError(
                f"{folder / found[0]}: {why}{more}; nothing written",
                hint="move it away or export elsewhere; --overwrite replaces such files",
            )


def refuse_foreign_folder(folder: Path, flavor: str | None, series: Series | None = None) -> None:
    """Stop before an export's first files go into a folder that holds others.

    ``export --all -o ~`` (or ``-o /``, ``-o .`` in a folder of documents) would
    scatter a site among the host's files, and the next export would keep removing
    and adding its own among them. A new or empty folder, or one an earlier export
    wrote (its manifest), is the export's. So is a generator's site given to a
    flavor of Markdown: the folder holding its configuration file, or the folders
    where its posts or photos go. Files whose names start with a dot (``.git``, ``.DS_Store``) do not
    count: a clone of a site's repository is a fine place for it. Nor do the posts an
    ``export -o`` wrote there (recorded in the ``series``' cache), and the photos they brought.
    """
    from jeudis.export.manifest import MANIFEST

    if flavor is not None:
        refuse_inside_a_site(folder, flavor)
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except OSError:  # not there yet (made), or no folder (writing it says why)
        return
    others = sorted(name for name in names if not name.startswith("."))
    if MANIFEST in names or not others:
        return
    if series is not None:
        written = Written(series)
        others = [name for name in others if not written.wrote(folder / name)]
        if not others:
            return
    hint = "export into a new or empty folder (-o site, say), or give --overwrite to use this one"
    if flavor is not None:
        from jeudis.export import SITE_MARKERS  # not for an export's own folder: its model
        from jeudis.export.frontmatter import flavor as get_flavor

        spec = get_flavor(flavor)
        markers = SITE_MARKERS.get(flavor, ())
        theirs = [folder / spec.folder, *([folder / spec.static] if spec.static else [])]
        if any(name in names for name in markers) or any(p.is_dir() for p in theirs):
            return
        hint = (
            f"give -o the {spec.label} site's folder (where its {_either(markers)} is); or " + hint
        )
    more = f" and {len(others) - 1} more" if len(others) > 1 else ""
    raise JeudisError(
        f"{folder}: not empty, and no earlier export's (it holds {others[0]}{more});"
        " nothing written",
        hint=hint,
    )


def _either(names: tuple[str, ...]) -> str:
    return " or ".join(names[:2]) if len(names) < 3 else f"{', '.join(names[:2])}..."


def refuse_inside_a_site(folder: Path, flavor: str) -> None:
    """Stop a flavor's export given a folder inside that generator's site, where it
    would make the site's folders again: ``--all --flavor hugo -o blog/content/posts``
    wrote ``blog/content/posts/content/posts/``, and ``-o _posts`` a Jekyll site's
    ``_posts/_posts/``, which Jekyll publishes nothing of. The site is the folder
    above holding the generator's configuration; ``-o`` names it."""
    from jeudis.export import SITE_MARKERS
    from jeudis.export.frontmatter import flavor as get_flavor

    spec = get_flavor(flavor)
    markers = SITE_MARKERS.get(flavor, ())
    whole = folder.absolute()
    theirs = [Path(spec.folder).parts, *([Path(spec.static).parts] if spec.static else [])]
    for site in whole.parents:
        parts = whole.relative_to(site).parts
        inside = any(parts[: len(kept)] == kept[: len(parts)] for kept in theirs)
        found = next((name for name in markers if inside and (site / name).is_file()), None)
        if found is not None:
            raise JeudisError(
                f"{folder}: inside the {spec.label} site {site} (it holds {found});"
                " nothing written",
                hint=f"give -o the site's folder: -o {site}; the posts go in its {spec.folder}/",
            )


def refuse_interview_place(series: Series, slug: str, target: Path | None, fmt: str) -> None:
    """Stop before a roundup's post takes the place of an interview's of the series.

    Its slug (``QUESTIONNAIRE-QUESTION``) names its file in a folder (``compare -o
    FOLDER/``), and a Markdown post's front matter gives it to the generator, which
    makes it its address: an interview named so (a guest called "Twitter Followers")
    has its page there, which an ``export -o`` recorded as jeudis's and the roundup
    would replace without a word; or its post, whose address the roundup would take.
    Compared lowercase, as a file system that ignores case compares names.
    """
    from jeudis.storage import interview_files, unreserved

    stems = {path.stem.lower(): path for path in interview_files(series)}
    interview = stems.get(slug.lower())
    if interview is None:
        return
    where = f"interviews/{interview.name}"
    if fmt == "md":
        other = unreserved(interview.stem, frozenset(stems))
        written = f"{target}: " if target is not None else ""
        raise JeudisError(
            f"{written}the roundup's slug, {slug}, is the address of {where}'s post;"
            " nothing written",
            hint=f"rename {where} ({other}.toml, say): a roundup's slug is made of its"
            " questionnaire's and its question's ids",
        )
    if target is not None and target.name.lower() == f"{slug}.html".lower():
        raise JeudisError(
            f"{target}: {where}'s page has that name; nothing written",
            hint=f"write the roundup under another name (-o {target.with_name(slug)}-roundup.html,"
            " say)",
        )


def _site_holding(target: Path) -> tuple[Path, str | None] | None:
    """The site folder whose export wrote ``target``, with the file's content stamp then,
    if any: the folder itself, or up to three above it (a generator's ``content/posts/``,
    MkDocs's ``docs/blog/posts/``)."""
    from jeudis.export.manifest import MANIFEST, manifest_outputs, read_manifest, written_stamps

    for folder in list(target.parents)[:4]:
        if (folder / MANIFEST).is_file():
            manifest = read_manifest(folder)
            relative = target.relative_to(folder).as_posix()
            if relative not in manifest_outputs(manifest):
                return None
            return folder, written_stamps(manifest).get(relative)
    return None


def _is_sheet(head: bytes) -> bool:
    """Whether a file's first bytes hold an answer sheet (:mod:`jeudis.sheet`): the line
    naming it, quoted in a mail's reply maybe."""
    return _SHEET_LINE.search(head) is not None


_SHEET_LINE = re.compile(rb"^[> \t]*<!--\s*jeudis-sheet\s", re.MULTILINE)  # sheet.HEADER_TAG


class Written:
    """The files ``export -o`` wrote, in the series' cache: read once, saved after writing."""

    def __init__(self, series: Series, *, overwrite: bool = False) -> None:
        self.series = series
        self.overwrite = overwrite
        folder = series.cache_dir()
        try:
            data = json.loads((folder / RECORD).read_text(encoding="utf-8")) if folder else {}
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        self.root = series.root.resolve()
        roundups = data.pop(ROUNDUPS, [])
        listed = roundups if isinstance(roundups, list) else []
        self.roundups = {self._known(str(key)) for key in listed}
        self.stamps: dict[str, str] = {self._known(str(key)): stamp for key, stamp in data.items()}
        # The absolute keys, by file name: an older jeudis's of a file in the series
        # folder, which has moved since, is found by its name first (:meth:`_moved`).
        self.absolute: dict[str, list[str]] = {}
        for key in self.stamps:
            if Path(key).is_absolute():
                self.absolute.setdefault(Path(key).name, []).append(key)

    def _keys(self, target: Path) -> list[str]:
        """A file's keys in the record: its path from the series folder, so that the record
        follows the folder moved, renamed or copied to another machine (``./all.xml``;
        ``../blog/content/posts/claire.md``, the blog beside it, moved with it); and for a
        file out of the folder its absolute path too (the folder moved alone)."""
        where = target.resolve()
        if where.is_relative_to(self.root):
            return [f"./{where.relative_to(self.root).as_posix()}"]
        try:
            relative = Path(os.path.relpath(where, self.root)).as_posix()
        except ValueError:  # on another drive (Windows): no way there from the series
            return [str(where)]
        return [str(where), relative]

    def _key(self, target: Path) -> str | None:
        """The key ``target`` is recorded under (None: none)."""
        keys = self._keys(target)
        found = next((key for key in keys if key in self.stamps), None)
        if found is None and keys[0].startswith("./") and self.absolute:
            return self._moved(target, keys[0])
        return found

    def _moved(self, target: Path, key: str) -> str | None:
        """The key an older jeudis recorded ``target`` under, in the series folder
        (``key``, ``./all.xml``) before the folder was moved: its absolute path then,
        which ends as ``key`` does (``/home/ana/blog/jeudis/all.xml``), the file there now
        as it was recorded. A file of that name that is not what jeudis wrote is none of
        its own (None)."""
        tail = Path(key.removeprefix("./")).parts
        then = [
            recorded
            for recorded in self.absolute.get(tail[-1], [])
            if len(parts := Path(recorded).parts) > len(tail) and parts[-len(tail) :] == tail
        ]
        if not then:
            return None
        try:
            stamp = file_stamp(target) if target.is_file() else None
        except OSError:
            return None
        return next((recorded for recorded in then if self.stamps[recorded] == stamp), None)

    def _known(self, key: str) -> str:
        """A key as read: an older jeudis's, absolute for a file in the series folder
        too, as :meth:`_keys` makes it now."""
        path = Path(key)
        inside = path.is_absolute() and path.is_relative_to(self.root)
        return self._keys(path)[0] if inside else key

    def path_of(self, key: str) -> Path:
        """The file a key of the record names."""
        path = Path(key)
        return path if path.is_absolute() else Path(os.path.normpath(self.root / path))

    def check(
        self,
        target: Path,
        hint: str = "pass --overwrite to replace it, or write elsewhere with -o",
        *,
        roundup: bool = False,
    ) -> None:
        """Refuse a file there that jeudis did not write, or that changed since it did;
        a roundup's post too, unless what is written is a roundup (``roundup``): one
        recorded so, or one an older jeudis recorded as a plain file (:func:`reads_as_roundup`)."""
        if self.overwrite:
            return
        try:
            if not target.is_file():
                return  # nothing, a folder or a device (/dev/null): writing it says why
            stamp = file_stamp(target)  # not held whole: a WordPress file may be 160 MB
            with target.open("rb") as file:
                head = file.read(ROUNDUP_HEAD)
        except FileNotFoundError:
            return
        except OSError:
            return  # not readable (a folder...): writing it says why
        key = self._key(target)
        recorded = self.stamps.get(key) if key else None
        if recorded == stamp:
            if not roundup and self._roundup(target, head):
                raise JeudisError(
                    f"{target}: a roundup jeudis wrote (jeudis compare); not written over",
                    hint=hint,
                )
            return
        if _is_sheet(head):  # a guest's answers, maybe not imported yet: never --overwrite
            raise JeudisError(
                f"{target}: an answer sheet (jeudis sheet); not written over",
                hint=f"bring its answers in with jeudis import {target}; write elsewhere with -o",
            )
        site = _site_holding(target)
        if site is not None and site[1] in (None, stamp):  # --all's, as it wrote it
            raise JeudisError(
                f"{target}: a file of the site `jeudis export --all` wrote in {site[0]};"
                " not written over",
                hint=f"export the site again to bring it up to date (jeudis export --all -o {site[0]}),"
                " or write elsewhere with -o",
            )
        why = "changed by hand since jeudis wrote it" if recorded or site else "already there"
        cache = self.series.root / CACHE_FOLDER
        if not recorded and os.path.lexists(cache) and self.series.cache_dir() is None:
            # Its record of what it writes could not be kept: its own file looks a stranger's.
            hint = (
                f"{cache} is not a folder, so jeudis keeps no record of the files it writes:"
                " remove it; " + hint
            )
        raise JeudisError(f"{target}: {why}; not written over", hint=hint)

    def wrote(self, path: Path) -> bool:
        """Whether ``path`` is what an ``export -o`` wrote: a file it recorded, or an
        ``images/`` folder beside one, holding only copies of the series' photos (a
        page brings its photo there)."""
        import filecmp

        try:
            if path.is_file():
                return self._key(path) is not None
            beside = path.parent.resolve()
            if path.name != "images" or not any(
                self.path_of(key).parent == beside for key in self.stamps
            ):
                return False
            photos = self.series.root / "images"
            return all(
                photo.is_file() and filecmp.cmp(photo, photos / photo.name, shallow=False)
                for photo in path.iterdir()
            )
        except OSError:
            return False

    def roundup_at(self, target: Path) -> bool:
        """Whether ``target`` is a roundup's post, as jeudis wrote it (see :meth:`check`)."""
        recorded = self.stamp_of(target)
        if recorded is None:
            return False
        try:
            data = target.read_bytes() if target.is_file() else b""
        except OSError:
            return False  # not there, or unreadable: writing it says why
        return recorded == content_stamp(data) and self._roundup(target, data)

    def _roundup(self, target: Path, data: bytes) -> bool:
        """Recorded as a roundup, or one an older jeudis recorded as a plain file."""
        return self._key(target) in self.roundups or reads_as_roundup(data)

    def stamp_of(self, target: Path) -> str | None:
        """The content stamp recorded when an export wrote ``target`` (None: never)."""
        key = self._key(target)
        return self.stamps.get(key) if key else None

    def record(self, target: Path, text: str, *, roundup: bool = False) -> None:
        self.record_stamp(target, content_stamp(text.encode("utf-8")), roundup=roundup)

    def record_stamp(self, target: Path, stamp: str, *, roundup: bool = False) -> None:
        for key in self._keys(target):
            self.stamps[key] = stamp
            if roundup:
                self.roundups.add(key)
            else:
                self.roundups.discard(key)

    def save(self) -> None:
        """Best effort: without the record, the next export asks for --overwrite."""
        folder = self.series.cache_dir(make=True)
        if folder is None:
            return
        with contextlib.suppress(OSError, FileProblem):
            kept = (
                {**self.stamps, ROUNDUPS: sorted(self.roundups)} if self.roundups else self.stamps
            )
            data = json.dumps(kept, ensure_ascii=False)
            write_atomic(folder / RECORD, data, follow_links=False)


def roundups_linking(series: Series, removed: list[Path], folder: Path) -> list[str]:
    """Warnings for the roundups ``jeudis compare`` wrote into the site ``folder`` that
    link a post an export just removed there (a guest renamed, a date changed, an
    interview deleted): Hugo's ``relref`` and Jekyll's ``post_url`` stop the site's
    build on a post not there, which the host learnt of at the next deploy. Another
    site's roundups link that site's posts: they are not said (a Pelican export said
    an MkDocs site's roundup would fail, its post still there)."""
    stems = sorted({path.stem for path in removed if path.suffix in (".md", ".html")})
    if not stems:
        return []
    linked = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, stems))})(?![\w-])")
    inside = folder.resolve()
    said = []
    record = Written(series)
    for roundup in sorted({record.path_of(key) for key in record.roundups}):  # a file's keys
        if not roundup.is_relative_to(inside):
            continue
        try:
            text = roundup.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            continue  # moved or removed since: nothing links from it
        if found := linked.search(text):
            said.append(
                f"warning: {roundup}: this roundup links {found.group(1)}, which this export"
                " removed; the site's generator fails to build it: make it again with"
                " `jeudis compare`, or remove it"
            )
    return said
