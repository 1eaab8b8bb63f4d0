"""What WordPress's importer knows each post by, as the last WordPress file gave it.

The importer never updates a post: it looks a post up by its title and date
(``post_exists``), not by its ``guid``, and skips one it finds. A post retitled
since the blog imported it (a guest's name corrected, a questionnaire's title
changed) or dated anew is found by neither, and imported again: a second post
beside the first, which the host learnt of on the blog. So every WordPress file
jeudis writes, of one interview or of the series, records each post's title and
date in the series' cache, by the interview's id (which a new name leaves as it
was); the next one that gives a post another title or date says so.

A title and a date are recorded as the file writes them, read back from its
``<item>`` elements as it is written (:func:`read_back`): the title HTML, the
guest's name between Unicode's isolates where it reads the other way, those the
importer compares, invisible as they are; and as a series' own ``templates/wxr.xml``
writes them (a prefix, another field), which is what the importer reads. Two titles
differ when they differ once WordPress has stored them (:func:`as_stored`). A file
that is not well-formed XML (a series' template writing a bare ``&``) gives none: it
is said, and the record kept as it was.

A record missing, unreadable or of another shape (one of the titles as typed, not
as written: version 1) is taken for none, and the WordPress file the new one
replaces, read as the importer reads it, stands for it when jeudis wrote it
(:func:`_read_file`): the first file of a jeudis that records, written over one
of a jeudis that did not, says what the blog would take for new posts. Neither:
nothing is said, and the file written records afresh.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jeudis.errors import FileProblem
from jeudis.files import write_atomic

if TYPE_CHECKING:
    from pathlib import Path

    from jeudis.paths import Series

RECORD = "wordpress.json"
VERSION = 2  # titles as the file writes them; version 1 recorded them as typed
SAID_APART = 3  # posts retitled or dated anew, each said in its line; more are one line


@dataclass(frozen=True)
class Known:
    """A post as the importer looks it up: its title and its date as the file gives it."""

    slug: str  # for the host, who knows the interview by it (not recorded)
    title: str  # as the file writes it: HTML, maybe with isolates
    date: str  # wp:post_date, "2011-06-30 08:00:00"

    def differs(self, title: str, date: str) -> tuple[bool, bool]:
        """Whether the importer would find this post's title, and its date, other
        than ``title`` and ``date`` stored by an import of them."""
        return as_stored(self.title) != as_stored(title), self.date != date


_SLASHED = re.compile(r"\\(.?)", re.DOTALL)


def as_stored(title: str) -> str:
    """``title`` as WordPress stores it, and looks a post up by (``post_exists``):
    trimmed by ``title_save_pre``, then its backslashes taken for escapes
    (``wp_unslash``: ``\\x`` is x, ``\\0`` a NUL), as ``wp_insert_post`` does to the
    title the importer gives it. Nothing else the importer does to a title changes it."""
    trimmed = title.strip(" \t\n\r\0\x0b")  # PHP's trim
    return _SLASHED.sub(lambda m: "\0" if m[1] == "0" else m[1], trimmed)


@dataclass(frozen=True)
class Given:
    """What a WordPress file being written gives its posts: each one's title and
    date, by id (:class:`Known`); or, of a file that is not well-formed XML, where
    expat stopped reading it (``malformed``: "line 21, column 20: not well-formed
    (invalid token)"), and no post."""

    posts: dict[str, Known]
    malformed: str | None = None


class Imported:
    """The titles and dates the last WordPress files gave the series' posts, by id."""

    def __init__(self, series: Series) -> None:
        self.series = series
        self.known: dict[str, tuple[str, str]] = {}
        self.named: dict[str, tuple[str, str]] = {}  # by slug: a file's of before ids
        self.recorded = False
        folder = series.cache_dir()
        if folder is None:
            return
        try:
            data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep
            return
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return
        posts = data.get("posts")
        if not isinstance(posts, dict):
            return
        self.recorded = True
        for key, value in posts.items():
            if (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, str) for v in value)
            ):
                self.known[key] = (value[0], value[1])

    def replacing(self, path: Path) -> None:
        """``path`` is the WordPress file the new one replaces: with no record, what
        it gives the posts stands for one, if jeudis wrote it (:func:`_read_file`)."""
        if not self.recorded:
            self.known, self.named = _read_file(path)

    def see(self, given: Given, file: Path | None) -> list[str]:
        """What to tell the host of the posts ``given`` (by id) the importer would take
        for new ones; their titles and dates are taken, to be saved once the file
        (``file``, None for a stream) is written. Of a file that is not well-formed XML
        nothing is taken: the record stays as it was, and the host is told."""
        if given.malformed is not None:
            return [self._malformed(given.malformed, file)]
        posts = given.posts
        moved = []
        for key, post in posts.items():
            was = self.known.get(key) or self.named.get(post.slug)
            if was is not None and any(post.differs(*was)):
                moved.append((post, *was))
        self.known.update((key, (post.title, post.date)) for key, post in posts.items())
        if len(moved) > SAID_APART:
            return [_many(moved)]
        return [_one(post, title, date) for post, title, date in moved]

    def _malformed(self, where: str, file: Path | None) -> str:
        """The WordPress file, not well-formed XML at ``where``: its titles and dates
        are not known, the importer reads it all the same (by its regular expressions,
        its XML parsers refusing it), and a post retitled is a second one on the blog."""
        what = f"{file} is" if file is not None else "the WordPress file written is"
        own = self.series.templates_dir / "wxr.xml"
        fix = (
            f"; the series' {own.parent.name}/{own.name} wrote it: an & or a < in its own"
            " text is to be written &amp; or &lt;, a value given through | e"
            if own.is_file()
            else ""
        )
        return (
            f"warning: {what} not well-formed XML ({where}): WordPress's importer reads it"
            " all the same, by a looser reading of its own, and jeudis cannot say which"
            f" posts it would take for new ones (retitled or dated anew){fix}"
        )

    def save(self) -> None:
        """Best effort: without the record, the next WordPress file says nothing."""
        folder = self.series.cache_dir(make=True)
        if folder is None:
            return
        with contextlib.suppress(OSError, FileProblem):
            posts = {k: list(v) for k, v in self.known.items()}
            data = json.dumps({"version": VERSION, "posts": posts})
            write_atomic(folder / RECORD, data, follow_links=False)


WHY = (
    "WordPress's importer, which finds a post by its title and date, would add {}"
    " as a second post beside the first"
)


def _one(post: Known, title: str, date: str) -> str:
    now, was = [], []
    retitled, dated = post.differs(title, date)
    unseen = ""
    if retitled:
        shown, shown_was, unseen = _titles(post.title, title)
        now.append(f"titled “{shown}”")
        was.append(f"“{shown_was}”")
    if dated:
        day, day_was = _dates(post.date, date)
        now.append(f"dated {day}")
        was.append(day_was)
    what = " and ".join(["title"] * retitled + ["date"] * dated)
    return (
        f"warning: {post.slug}: {' and '.join(now)} in this WordPress file,"
        f" {' and '.join(was)} in the last one{unseen}; {WHY.format('it')}: before importing,"
        f" give the post on the blog its new {what}, or delete it there"
    )


def _many(moved: list[tuple[Known, str, str]]) -> str:
    first, title, date = moved[0]
    if first.differs(title, date)[0]:
        shown, shown_was, unseen = _titles(first.title, title)
        example = f"“{shown_was}” now “{shown}”{unseen}"
    else:
        example = "dated {1}, now {0}".format(*_dates(first.date, date))
    others = ", ".join(post.slug for post, _, _ in moved[1:SAID_APART])
    return (
        f"warning: {len(moved)} posts have another title or date than in the last"
        f" WordPress file ({first.slug}: {example}; {others}, …); {WHY.format('each')}:"
        " before importing, give those posts on the blog their new titles and dates,"
        " or delete them there"
    )


def _titles(now: str, was: str) -> tuple[str, str, str]:
    """The two titles as the host reads them, and what tells them apart when no eye
    can: the invisible characters only one has (Unicode's isolates, that a newer
    jeudis sets around a name written the other way)."""
    import html
    from collections import Counter

    shown, shown_was = html.unescape(now), html.unescape(was)
    if shown == shown_was:  # they differ in their HTML alone (&amp; and &): as written
        shown, shown_was = now, was
    if _seen(shown) != _seen(shown_was):
        return shown, shown_was, ""
    import unicodedata

    counts, counts_was = Counter(shown), Counter(shown_was)
    marks = sorted(((counts - counts_was) + (counts_was - counts)).keys())
    if not marks:  # the same characters, one moved
        return shown, shown_was, " (the same to the eye but for a space or an invisible mark moved)"
    if all(unicodedata.category(char) in ("Cf", "Cc") for char in marks):
        named = " and ".join(f"U+{ord(char):04X}" for char in marks)
        return shown, shown_was, f" (the same but for the invisible {named})"
    # A space of another kind (French typography turned off or on: "auteur : É").
    named = " and ".join(
        f"U+{ord(char):04X} {unicodedata.name(char, '').lower()}".rstrip() for char in marks
    )
    return shown, shown_was, f" (the same to the eye but for {named})"


def _seen(text: str) -> str:
    """``text`` as the eye reads it: without its invisible characters (format and
    control ones), every kind of space a space."""
    import unicodedata

    return "".join(
        " " if unicodedata.category(char) == "Zs" else char
        for char in text
        if unicodedata.category(char) not in ("Cf", "Cc")
    )


def _dates(now: str, was: str) -> tuple[str, str]:
    """The two dates as the host would write them: the day, or the time too if that
    is all that differs (a post finished early on its day is dated then)."""
    if now[:10] != was[:10]:
        return now[:10], was[:10]
    return now[:16], was[:16]


# The comment every WordPress file of jeudis's opens with, since the first.
_OURS = "A WordPress eXtended RSS (WXR 1.2) file, for Tools > Import > WordPress."
_WP = "http://wordpress.org/export/1.2/ "  # the namespace, as the parser names its elements
_ITEM_DEPTH = 3  # rss > channel > item


_READ = frozenset(("title", "guid", f"{_WP}post_date", f"{_WP}post_name"))  # of an item


class _NotOurs(Exception):
    """The file is no WordPress file of jeudis's: what it says of posts is not read."""


class _Items:
    """The title and date each ``<item>`` of a WordPress file gives its post, as the
    importer reads them, read as the file comes (:meth:`feed`): by the interview's id
    (its guid, ``urn:uuid:``), and by its name (``wp:post_name``) for an item of
    another guid (a file written before interviews had ids: ``jeudis:``).

    Read by expat, which expands no entity it is not given: a document type ends the
    reading before any is. ``ours``: only a file that opens as every WordPress file of
    jeudis's does (:data:`_OURS`); else any (one jeudis is writing, with a series' own
    template maybe)."""

    def __init__(self, *, ours: bool) -> None:
        from xml.parsers import expat

        self.by_id: dict[str, tuple[str, str]] = {}
        self.by_name: dict[str, tuple[str, str]] = {}
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.buffer_text = True
        self.parser.CommentHandler = self._comment
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._characters
        self.ours = not ours  # known to be one of jeudis's
        self.depth = 0
        self.item: dict[str, str] | None = None
        self.text: list[str] | None = None  # an item's field being read
        self.failed = False
        self.malformed: str | None = None  # where expat stopped, and why

    def _comment(self, data: str) -> None:
        self.ours = self.ours or (self.depth == 0 and data.strip().startswith(_OURS))

    def _doctype(self, *_: object) -> None:
        raise _NotOurs

    def _start(self, name: str, _attributes: object) -> None:
        self.depth += 1
        if self.depth == 1 and not (self.ours and name == "rss"):
            raise _NotOurs
        if self.depth == _ITEM_DEPTH and name == "item":
            self.item = {}
        elif self.depth == _ITEM_DEPTH + 1 and self.item is not None and name in _READ:
            self.text = []  # not a post's body: the fields it is found by alone

    def _end(self, name: str) -> None:
        if self.depth == _ITEM_DEPTH + 1 and self.item is not None and self.text is not None:
            self.item[name] = "".join(self.text)
            self.text = None
        elif self.depth == _ITEM_DEPTH and self.item is not None:
            self._keep(self.item)
            self.item = None
        self.depth -= 1

    def _characters(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def _keep(self, item: dict[str, str]) -> None:
        title, date = item.get("title"), item.get(f"{_WP}post_date")
        guid, name = item.get("guid", ""), item.get(f"{_WP}post_name")
        if title is None or date is None:
            return
        if guid.startswith("urn:uuid:"):
            self.by_id[guid.removeprefix("urn:uuid:")] = (title, date)
        elif name:
            self.by_name[name] = (title, date)

    def feed(self, data: bytes, *, last: bool = False) -> None:
        """Read on; what does not read as such a file reads as none (nothing kept)."""
        from xml.parsers import expat

        if self.failed:
            return
        try:
            self.parser.Parse(data, last)
        except expat.ExpatError as error:  # its line and column, as expat counts them
            self.malformed = f"line {error.lineno}, column {error.offset}"
            self.malformed += f": {expat.ErrorString(error.code)}"
            self.failed = True
            self.by_id, self.by_name = {}, {}
        except (_NotOurs, ValueError):
            self.failed = True
            self.by_id, self.by_name = {}, {}

    def posts(self, slugs: Mapping[str, str]) -> dict[str, Known]:
        """Each of the posts ``slugs`` names (the slug of each id) as the file gives it."""
        found = {}
        for key, slug in slugs.items():
            given = self.by_id.get(key) or self.by_name.get(slug)
            if given is not None:
                found[key] = Known(slug, *given)
        return found


def read_back(
    pieces: Iterable[str], slugs: Mapping[str, str], done: Callable[[Given], None]
) -> Iterator[str]:
    """The pieces of a WordPress file, passed on as they are written; once the last one
    is through, ``done`` is given the posts ``slugs`` names (the slug of each id) as
    the file gives their titles and dates: the title and date the importer will find
    each by, whatever template wrote them. A post the file gives none (a series' own
    template that leaves its guid and name out) is left out; of a file that is not
    well-formed XML, none is given, but where it is not."""
    items = _Items(ours=False)
    for piece in pieces:
        items.feed(piece.encode("utf-8"))
        yield piece
    items.feed(b"", last=True)
    done(Given(items.posts(slugs), items.malformed))


def written_posts(text: str, slugs: Mapping[str, str]) -> Given:
    """:func:`read_back` of a WordPress file's whole ``text``."""
    read: list[Given] = []
    for _ in read_back([text], slugs, read.append):
        pass
    return read[0]


def _read_file(path: Path) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """The title and date a WordPress file jeudis wrote gives each post, as the importer
    reads them (:class:`_Items`). Nothing of a file that is not one (not a file, of
    another maker, not XML, cut short, or declaring entities, which none of jeudis's
    does). Read as it streams: a series' file may be large."""
    import stat

    items = _Items(ours=True)
    try:
        # Not blocking on a pipe (-o a named pipe): anything but a file is let be.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return {}, {}
            while chunk := file.read(1 << 20):
                items.feed(chunk)
            items.feed(b"", last=True)
    except (OSError, ValueError):
        return {}, {}
    if items.failed:
        return {}, {}
    return items.by_id, items.by_name
