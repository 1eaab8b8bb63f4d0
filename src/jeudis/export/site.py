"""``jeudis export --all``: the whole series as a folder.

HTML: a page per interview (``SLUG.html``), an index newest first
(``index.html``; with several questionnaires, also ``index-ID.html`` for each),
an Atom feed (``feed.xml``). Links are relative, so the folder works from
``file://`` and from a web server alike. Markdown: each post where its
generator expects it. WXR: one ``wordpress.xml``.

A manifest (``.jeudis-manifest.json``) records what every output was made
from: each interview file's size and modification time, the templates', the
settings' and the options'. A second export with nothing changed reads the
manifest, checks the stamps and writes nothing: this module decides, and
imports the rendering machinery (:mod:`jeudis.export.sitebuild`: Jinja, cmark,
worker processes) only when there is something to write. The manifest and its
stamps are :mod:`jeudis.export.manifest`'s, the interviews it lists
:mod:`jeudis.export.entries`'s.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from jeudis.errors import JeudisError
from jeudis.export.entries import (
    Entry,
    entries_to_export,
    former_leads,
    neighbours,
    neighbours_as_named,
)
from jeudis.export.manifest import (
    MANIFEST,
    META_TEXTS,
    WXR_FILE,
    as_recorded,
    claim,
    export_kind,
    global_stamp,
    manifest_outputs,
    photo_records,
    photo_stamp,
    questionnaire_stamps,
    read_manifest,
    refuse_another_kind,
    write_file,
    written_stamps,
)
from jeudis.export.written import (
    Written,
    changed,
    refuse_foreign_folder,
    refuse_others,
    roundups_linking,
)
from jeudis.paths import SETTINGS_FILE, Series
from jeudis.wording import counted

if TYPE_CHECKING:
    from jeudis.export.wpknown import Imported

FEED_SIZE = 20
Progress = Callable[[int, int], None]


@dataclass
class SiteResult:
    folder: Path
    written: list[Path] = field(default_factory=list)
    skipped: int = 0
    unchanged: bool = False
    outputs: set[str] = field(default_factory=set)  # every file of the export, as it now is
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the host: what was left out, and why


def index_files(questionnaires: Iterable[str]) -> dict[str, str]:
    """Each questionnaire's index page: its own (``index-ID.html``) when there are several.

    With one questionnaire, ``index.html`` lists them all. A questionnaire id is a
    plain identifier (``[a-z0-9_-]``): the file name is its link too.
    """
    found = set(questionnaires)
    if len(found) < 2:
        return dict.fromkeys(found, "index.html")
    return {qid: f"index-{qid}.html" for qid in sorted(found)}


# A post file a generator reads as something else (see :func:`refuse_site_names`).
_NOT_POSTS = {
    ("hugo", "index"): "as the folder's own page (a bundle), every other post hidden in it",
    ("hugo", "_index"): "as the page listing the posts, not as a post",
    ("zola", "index"): "as a page bundle, which it refuses beside the site's home page",
    ("zola", "_index"): "as the site's home page, not as a post",
}


def refuse_site_names(entries: list[Entry], fmt: str, flavor: str | None) -> None:
    """Stop before an interview whose post would be a page the site itself has.

    ``interviews/index.toml`` (named by hand) had its page, ``index.html``, written
    over by the series' index, without a word: the post gone, its neighbours linking
    the index. The same for a questionnaire's index (``index-ID.html``), and for a
    file Hugo or Zola reads as no post (``index.md``, ``_index.md``). Refused rather
    than given another name: a page is named after its file, in every link to it,
    the roundup's and the host's own, so a renamed file is a name the host knows.
    Compared lowercase: a file system that ignores case (macOS, Windows) takes
    ``Index.html`` for ``index.html``. ``jeudis new`` never makes such a name
    (:func:`jeudis.storage.site_names`).
    """
    if fmt == "html":
        own = {"index": "the series' index"}
        indexes = index_files(e.questionnaire for e in entries)
        for qid, name in indexes.items():
            if name != "index.html":
                own[name.removesuffix(".html").lower()] = f"the index of questionnaire {qid}"
    elif fmt == "md" and flavor in ("hugo", "zola"):
        own = {slug: what for (kind, slug), what in _NOT_POSTS.items() if kind == flavor}
    else:
        return
    for entry in entries:
        what = own.get(entry.slug.lower())
        if what is None:
            continue
        if fmt == "html":
            said = f"its page would be {entry.slug}.html, named as {what} is: one would be lost"
        else:
            label = "Hugo" if flavor == "hugo" else "Zola"
            said = f"{label} reads {post_file(entry, fmt, flavor)} {what}"
        from jeudis.storage import unreserved

        there = {path.stem.lower() for path in entry.folder.glob("*.toml")}
        other = unreserved(entry.slug, frozenset(own) | there)
        raise JeudisError(
            f"{entry.path}: {said}",
            hint=f"rename the file ({other}.toml, say): the post's address goes with its name",
        )


def export_site(
    series: Series,
    folder: Path,
    *,
    fmt: str = "html",
    flavor: str | None = None,
    include_drafts: bool = False,
    include_future: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
    today: dt.date | None = None,
) -> SiteResult:
    """Export every interview of the series into ``folder``; skip what has not changed.

    Files an earlier export wrote there and this one does not (a deleted
    interview's page, a draft no longer included, one withdrawn, a renamed post) are removed:
    a folder uploaded as it is must not publish what the series no longer holds.
    Only files listed in the manifest are ever removed. A file of the same name
    as an output that no export wrote (a post of the host's own, in a generator's
    site), or one changed since an export wrote it, stops the export before
    anything is written, unless ``overwrite``.

    An interview dated after ``today`` waits for its day (see :func:`_scheduled`)
    unless ``include_future``.
    """
    series.refuse_output(folder)
    if not overwrite:
        refuse_foreign_folder(folder, flavor if fmt == "md" else None, series)
    previous = read_manifest(folder)
    if not overwrite:
        refuse_another_kind(folder, previous, export_kind(fmt, flavor))
    stamp = global_stamp(series, fmt, flavor, include_drafts)
    old = previous if previous.get("stamp") == stamp else {}
    drafts: list[str] = []
    copies: list[tuple[str, str]] = []
    restamped: dict[str, str] = {}
    withdrawn: list[str] = []
    entries = entries_to_export(series, include_drafts, old, drafts, copies, restamped, withdrawn)
    for slug, now in restamped.items():  # the same bytes: its post is as it was
        old["entries"][slug]["stamp"] = now
    waiting: list[Entry] = []
    if not (include_future or _scheduled(fmt, flavor)):
        due = today or dt.date.today()
        waiting = [e for e in entries if e.date > due]
        entries = [e for e in entries if e.date <= due]
    refuse_site_names(entries, fmt, flavor)
    result = _export(
        series,
        folder,
        fmt,
        flavor,
        entries,
        previous,
        old,
        stamp,
        progress,
        overwrite,
        bool(restamped),
    )
    result.notes[:0] = [
        f"note: {e.slug}: dated {e.date.isoformat()}, left out until that day"
        " (--include-future publishes it now)"
        for e in reversed(waiting)  # the next one first
    ]
    result.notes += (
        _drafts_note(drafts) + copies_notes(series, copies) + clash_notes(entries, fmt, flavor)
    )
    result.notes += _taken_down(withdrawn, previous)
    if fmt == "md" and flavor is not None:  # the site's own address, first: every photo
        from jeudis.export.siteconfig import mismatch

        base_url = str(series.settings.get("base_url") or "")
        said = mismatch(folder, flavor, base_url, series.root / SETTINGS_FILE)
        result.notes[:0] = [said] if said else []
    return result


def clash_notes(entries: list[Entry], fmt: str, flavor: str | None) -> list[str]:
    """A warning for each post's former name that leads elsewhere: another interview's
    address now (a series made before ``jeudis new`` kept them, a hand edit), or another's
    former name too. Its old links, shares and search results land on the other post."""
    if fmt not in ("html", "md"):
        return []
    if fmt == "html":
        left = "no page there leads to it"
    elif flavor in ("hugo", "zola"):
        left = "its aliases leave it out"
    else:
        left = "make no redirect from it"
    notes = []
    for clash in former_leads(entries)[1]:
        if clash.live:
            said = f"is {clash.holder}'s address now: {left}, and its old links land on {clash.holder}'s post"
        else:
            said = f"is {clash.holder}'s former address too: {left}, its old links land on {clash.holder}'s post"
        notes.append(
            f"warning: {clash.post}: its former address {clash.name} {said} (`jeudis check` says more)"
        )
    return notes


def _taken_down(withdrawn: list[str], previous: dict[str, Any]) -> list[str]:
    """A note for each interview withdrawn since the last export published it: said once,
    as its pages go; an interview withdrawn for good is no note at every export."""
    published = previous.get("entries", {})
    return [
        f"note: {slug}: withdrawn (`jeudis edit {slug} --publish` publishes it), its post taken down"
        for slug in sorted(withdrawn)
        if slug in published
    ]


def copies_notes(series: Series, copies: list[tuple[str, str]]) -> list[str]:
    """A warning for each interview file left out as a copy of another (a sync conflict);
    a note for each left out as a link to another (``latest.toml``), which is published."""
    from jeudis.links import alias_of

    return [
        f"note: {copy}.toml left out: a link to {original}.toml, published once, at its name"
        if alias_of(series.interviews_dir / f"{copy}.toml") == original
        else f"warning: {copy}.toml left out: a copy of {original}.toml (the same interview,"
        f" by its name a sync tool's or a file manager's); keep in {original}.toml what"
        " it holds of its own, then delete it"
        for copy, original in copies
    ]


def _drafts_note(drafts: list[str]) -> list[str]:
    if not drafts:
        return []
    named = ", ".join(sorted(drafts)[:3]) + (", …" if len(drafts) > 3 else "")
    left_out = counted(len(drafts), "draft")
    return [f"note: {left_out} left out ({named}): --include-drafts exports them, marked"]


def series_wxr(
    series: Series,
    *,
    include_drafts: bool = False,
    progress: Progress | None = None,
    imported: Imported | None = None,
    into: Path | None = None,
) -> tuple[Iterator[str], list[str]]:
    """The whole series as one WordPress import file's text, in pieces to write as
    they come, with the notes to show; ``progress`` is told of each post written.

    What ``export --all --format wxr`` writes into a folder, for a file named
    by the host (``-o all.xml``) or standard output: the same posts (WordPress
    schedules those to come), with no manifest, since no folder is the export's.
    The notes say first the posts WordPress's importer would take for new ones
    (:mod:`jeudis.export.wpknown`), put first once the last piece is through, as the
    file gives their titles and dates; ``imported`` takes them, to be saved once the
    file (``into``; None for a stream) is written.
    """
    from jeudis.export import sitebuild
    from jeudis.export.wpknown import Given, Imported, read_back

    drafts: list[str] = []
    copies: list[tuple[str, str]] = []
    entries = entries_to_export(series, include_drafts, {}, drafts, copies)
    slugs: dict[str, str] = {}
    pieces, notes = sitebuild.wxr_text(series, entries, progress=progress, slugs=slugs)
    said = notes + _drafts_note(drafts) + copies_notes(series, copies)
    record = imported or Imported(series)

    def retitled(given: Given) -> None:
        said[:0] = record.see(given, into)

    return read_back(pieces, slugs, retitled), said


def _scheduled(fmt: str, flavor: str | None) -> bool:
    """Whether the blog itself holds a post dated in the future until its day.

    WordPress schedules an imported post whose date is to come; Hugo and Jekyll
    build none (``buildFuture`` and ``future`` are off by default). The others
    publish it at once (Zola, Pelican, MkDocs), as a page of the site would be:
    those posts wait, left out of the export until their day.
    """
    return fmt == "wxr" or (fmt == "md" and flavor in ("hugo", "jekyll"))


def _export(
    series: Series,
    folder: Path,
    fmt: str,
    flavor: str | None,
    entries: list[Entry],
    previous: dict[str, Any],
    old: dict[str, Any],
    stamp: str,
    progress: Progress | None,
    overwrite: bool,
    restamped: bool = False,
) -> SiteResult:
    """``restamped``: some interview's file was written again the same (its stamp in
    ``old`` is the new one): the manifest is written, so that the next export needs
    no hash, even when nothing else is. So is it when a photo's was."""
    result = SiteResult(folder=folder)
    if fmt == "wxr":
        stamps = {e.slug: e.stamp for e in entries}
        if (folder / WXR_FILE).is_file() and (now := _wxr_as_was(series, entries, old)):
            result.unchanged = True
            result.skipped = len(entries)
            result.notes = [str(note) for note in old.get("notes", [])]
            if now != (old["wxr"], old.get("photos", {})):  # the same bytes: as they are now
                old["wxr"], old["photos"] = now
                write_file(folder / MANIFEST, json.dumps(old, ensure_ascii=False))
            return result
        if not overwrite:
            _refuse_others(series, folder, [WXR_FILE], previous)
        claim(folder, previous, {}, [WXR_FILE], "wxr", stamp)
        from jeudis.export import sitebuild

        photos = photo_records(previous)
        result = sitebuild.export_wxr(
            series, folder, entries, stamps, stamp, result, progress, photos
        )
        return _remove_stale(folder, previous, result)
    links = neighbours(entries)
    indexes = index_files(e.questionnaire for e in entries)
    by_slug = {e.slug: e for e in entries}
    known = old.get("entries", {})
    todo = []
    try:
        present = {entry.name for entry in os.scandir(folder)}
    except FileNotFoundError:
        present = set()
    # A post leading its former names to it writes them again when the interviews change:
    # one may take such a name (its page, there), or give it back (deleted).
    renamed_anew = set(known) != set(by_slug)
    for entry in entries:
        cached = known.get(entry.slug)
        nav = list(links[entry.slug])
        if (
            cached
            and cached.get("stamp") == entry.stamp
            and not (renamed_anew and _leads_former_names(cached))
            and cached.get("nav") == nav
            and neighbours_as_named(nav, known, by_slug)
            and all(key in cached for key in META_TEXTS)  # an older export's: one missing
            and cached.get("index") == indexes[entry.questionnaire]  # one index, or one each
            and all(
                out in present if "/" not in out else (folder / out).is_file()
                for out in cached["outputs"]
            )
            and (photo := _photo_as_was(series, cached)) is not None
        ):
            if photo != cached.get("photo_stamp", ""):  # the same bytes: recorded as it is now
                cached["photo_stamp"] = photo
                restamped = True
            continue
        todo.append(entry)
    result.skipped = len(entries) - len(todo)
    # An index tells its questionnaire's description: changed, the indexes are made again.
    described = questionnaire_stamps(series) if fmt == "html" else {}
    listing_changed = set(known) != set(by_slug) or old.get("questionnaires", {}) != described
    if not todo and not listing_changed and old:
        result.unchanged = True
        result.notes = entry_notes(entries, known)
        if restamped:
            write_file(folder / MANIFEST, json.dumps(previous, ensure_ascii=False))
        return result
    planned = _planned(series, entries, todo, fmt, flavor)
    if not overwrite:
        owned: frozenset[str] | None = frozenset(_refuse_others(series, folder, planned, previous))
    else:
        owned = None
    posts = {e.slug: post_file(e, fmt, flavor) for e in todo}
    claim(folder, previous, posts, planned, export_kind(fmt, flavor), stamp)
    from jeudis.export import sitebuild

    result = sitebuild.render(
        series,
        folder,
        entries,
        todo,
        links,
        known,
        stamp,
        fmt,
        flavor,
        result,
        progress,
        owned,
        written_stamps(previous),
        described,
        photo_records(previous),
    )
    result = _remove_stale(folder, previous, result)
    result.notes += roundups_linking(series, result.removed, folder)
    result.unchanged = not result.written and not result.removed  # every file read the same
    return result


def _wxr_as_was(
    series: Series, entries: list[Entry], old: dict[str, Any]
) -> tuple[dict[str, str], dict[str, str]] | None:
    """The stamps of the interviews and photos a WordPress file is made from, now, if
    the file is as they would make it: each of its recorded stamp, or of the same
    bytes under a new one (a ``git checkout``); None when one changed, or came, or went.
    """
    recorded = old.get("wxr")
    if recorded is None or set(recorded) != {entry.slug for entry in entries}:
        return None
    hashes = old.get("hashes", {})
    for entry in entries:
        if not as_recorded(
            entry.path, entry.stamp, recorded[entry.slug], hashes.get(entry.slug, "")
        ):
            return None
    photos, photo_hashes = {}, old.get("photo_hashes", {})
    for photo, was in old.get("photos", {}).items():
        now = photo_stamp(series.root, photo)
        if not as_recorded(series.root / photo, now, was, photo_hashes.get(photo, "")):
            return None
        photos[photo] = now
    return {entry.slug: entry.stamp for entry in entries}, photos


def _photo_as_was(series: Series, cached: dict[str, Any]) -> str | None:
    """The stamp of a post's photo file now, if it is as the post was rendered with
    (its stamp, or the same bytes under a new one: a ``git checkout``, ``rsync``
    without ``-t``); None when it changed."""
    photo = cached.get("photo_source", "")
    now = photo_stamp(series.root, photo)
    recorded = cached.get("photo_stamp", "")
    if as_recorded(series.root / photo, now, recorded, cached.get("photo_hash", "")):
        return now
    return None


def _leads_former_names(cached: dict[str, Any]) -> bool:
    """Whether the post leads former names to it (one another interview has, or had)."""
    return bool(cached.get("former"))


def _planned(
    series: Series, entries: list[Entry], todo: list[Entry], fmt: str, flavor: str | None
) -> list[str]:
    """The files an export is about to write, relative to its folder (photos aside)."""
    posts = [post_file(e, fmt, flavor) for e in todo]
    if fmt == "md":
        return posts
    fixed = ["index.html", "feed.xml"]
    fixed += sorted(set(index_files(e.questionnaire for e in entries).values()) - {"index.html"})
    if series.settings.get("base_url"):
        fixed.append("sitemap.xml")
    return posts + fixed


def post_file(entry: Entry, fmt: str, flavor: str | None) -> str:
    """Where an interview's post goes in the folder: ``SLUG.html``, or its generator's place."""
    if fmt != "md":
        return f"{entry.slug}.html"
    from jeudis.export.frontmatter import flavor as get_flavor

    spec = get_flavor(flavor)
    name = spec.file_name(entry)
    return f"{spec.folder}/{name}" if spec.folder else name


def _refuse_others(
    series: Series, folder: Path, planned: list[str], previous: dict[str, Any]
) -> set[str]:
    """Stop before writing over a file no export wrote (see :func:`refuse_others`);
    return the files of ``planned`` an export wrote, this folder's or a single one's.

    A post written by ``export -o`` into the same folder is jeudis's too (recorded in
    the series' cache): ``--all`` was refusing it as "not written by jeudis". Not a
    roundup ``compare -o`` wrote there, which an interview's page named as it is
    (a guest's file made since) would replace without a word: refused, even in the
    place of a page this folder's export once wrote, since the roundup is there now.
    Once ``--overwrite`` gave the place to the page, what is there is no longer the
    roundup jeudis wrote (:meth:`Written.roundup_at`), and the page is the export's.
    """
    owned, recorded = manifest_outputs(previous), written_stamps(previous)
    singles = Written(series)
    if singles.stamps:
        roundups = []
        for name in _maybe_recorded(singles, folder, planned):
            stamp = singles.stamp_of(folder / name)
            if stamp is None:
                continue
            if singles.roundup_at(folder / name):
                roundups.append(name)
            elif name not in owned:
                owned.add(name)
                recorded[name] = stamp  # changed since by hand: still refused
        if roundups:
            first = folder / roundups[0]
            more = f" (and {len(roundups) - 1} more)" if len(roundups) > 1 else ""
            raise JeudisError(
                f"{first}: a roundup jeudis wrote (jeudis compare){more}; nothing written",
                hint=f"move it away (to {first.stem}-roundup{first.suffix}, say) or export"
                " elsewhere; --overwrite replaces it",
            )
    refuse_others(folder, planned, owned, recorded)
    return owned


def _maybe_recorded(singles: Written, folder: Path, planned: list[str]) -> list[str]:
    """The names of ``planned`` the record of single exports may hold: those named as a
    file it records (in any case: Windows' resolved paths take the disk's), and links,
    which may lead to one. Each is found in it by its resolved path, and resolving a
    thousand names (a few system calls each) was most of this check's 80 ms."""
    recorded = {PurePath(key).name.casefold() for key in singles.stamps}
    return [
        name
        for name in planned
        if name.rpartition("/")[2].casefold() in recorded or (folder / name).is_symlink()
    ]


def entry_notes(entries: list[Entry], metas: dict[str, Any]) -> list[str]:
    """What the host is told about the posts, newest first: each note until it is fixed."""
    return [note for e in entries if (note := metas.get(e.slug, {}).get("note"))]


def _remove_stale(folder: Path, previous: dict[str, Any], result: SiteResult) -> SiteResult:
    """Remove what the previous export wrote and this one did not (see :func:`export_site`)."""
    inside = folder.resolve()
    recorded = written_stamps(previous)
    for name in sorted(manifest_outputs(previous) - result.outputs - {MANIFEST}):
        path = folder / name
        if not (path.resolve().is_relative_to(inside) and path.is_file()):
            continue
        if name in recorded and changed(path, recorded[name]):
            result.notes.append(f"warning: {path}: kept, changed by hand since jeudis wrote it")
            continue
        path.unlink()
        result.removed.append(path)
    return result
