"""Writing a site: the posts (on every core when there are many), the indexes, the feed.

:mod:`jeudis.export.site` decides what must be written and imports this module
only then, so an up-to-date site costs no import of Jinja, cmark or multiprocessing.
Posts are rendered by forked worker processes when there are many
(:mod:`jeudis.export.workers`); the feed's posts come back from them with their
HTML, so the feed renders nothing twice, and the indexes are then rendered by
them while the feed is made here.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jeudis.export import workers
from jeudis.export.entries import Entry, former_leads
from jeudis.export.frontmatter import flavor as get_flavor
from jeudis.export.listings import (
    IndexPost,
    feed_page,
    index_page,
    previous_entry_ids,
    previous_feed_id,
    site_title,
    sitemap_page,
)
from jeudis.export.manifest import (
    MANIFEST,
    WXR_FILE,
    PhotoRecords,
    bytes_hash,
    export_kind,
    manifest_outputs,
    photo_record,
    read_manifest,
    write_file,
)
from jeudis.export.model import Post, build_post, link_to
from jeudis.export.render import (
    PostsBuilt,
    SiteInfo,
    UnreachablePhotos,
    WxrHead,
    fragment,
    markdown,
    page,
    redirect_page,
    wxr_pieces,
)
from jeudis.export.site import FEED_SIZE, Progress, SiteResult, entry_notes, index_files
from jeudis.export.stopping import FILE_LEFT, stopping
from jeudis.export.templating import pinned
from jeudis.export.typography import fix_text
from jeudis.export.wpknown import Given, Imported, read_back
from jeudis.export.written import Stamped, changed, content_stamp
from jeudis.interview import Interview
from jeudis.interview_reading import load_interview, read_interview
from jeudis.paths import Series, outside
from jeudis.photos import copy_to, of_the_series


# The site's templates found once for all its pages (see templating.pinned).
@pinned()
def render(
    series: Series,
    folder: Path,
    entries: list[Entry],
    todo: list[Entry],
    links: dict[str, tuple[str | None, str | None]],
    known: dict[str, Any],
    stamp: str,
    fmt: str,
    flavor: str | None,
    result: SiteResult,
    progress: Progress | None,
    owned: frozenset[str] | None = None,
    recorded: Mapping[str, str] | None = None,
    questionnaires: Mapping[str, str] | None = None,
    photos: PhotoRecords | None = None,
) -> SiteResult:
    """Render the posts in ``todo``, then (HTML) the indexes and the feed, then the manifest.

    ``owned``: the files of the folder an export wrote, which it may write over
    (None: any file, as with ``--overwrite``). ``recorded``: the content stamps an
    earlier export wrote them with: an index, the feed or the sitemap that reads as
    it did, and is still so on disk, is not written again. ``questionnaires``: the
    stamps of those the indexes describe. ``photos``: the photo files an earlier export
    saw (:func:`jeudis.export.manifest.photo_records`), whose hashes are kept for those
    of the same stamp.
    """
    site = SiteInfo.from_settings(series.root, series.settings)
    site.indexes = index_files(e.questionnaire for e in entries)
    by_slug = {e.slug: e for e in entries}
    leads = former_leads(entries)[0]
    posts: dict[str, tuple[Post, str]] = {}
    metas: dict[str, dict[str, Any]] = {}
    made: dict[Path, str] = {}
    feed = frozenset(e.slug for e in _in_feed(entries)) if fmt == "html" else frozenset()
    job = _Job(series, folder, site, fmt, flavor, links, by_slug, feed, owned, recorded or {})
    job.leads = leads
    job.photos = photos or {}
    try:
        with workers.team(job, todo) as team:
            for done, (slug, meta, rendered) in enumerate(team.posts(), 1):
                kept = meta.pop(_KEPT)
                metas[slug] = meta
                if rendered is not None:
                    posts[slug] = rendered
                result.written.extend(folder / o for o in meta["outputs"] if o not in kept)
                result.skipped += all(o in kept for o in meta["outputs"])  # an interview unchanged
                if progress is not None:
                    progress(done, len(todo))
            for entry in entries:
                if entry.slug not in metas:
                    metas[entry.slug] = known[entry.slug]
            if fmt == "html":
                kept = _indexes(
                    series, folder, entries, metas, posts, site, job, made, recorded or {}, team
                )
                result.written.extend(path for path in made if path not in kept)
    except BaseException:
        if len(metas) < len(todo):  # else the indexes, left to write, are made again whole
            _keep_done(folder, metas)
        raise
    result.notes = entry_notes(entries, metas)
    manifest = {
        "stamp": stamp,
        "kind": export_kind(fmt, flavor),
        "entries": metas,
        "files": [path.name for path in made],
        "written": {path.name: written for path, written in made.items()},
        "questionnaires": dict(questionnaires or {}),  # their stamps: the indexes tell them
    }
    write_file(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False))
    result.outputs = manifest_outputs(manifest)
    return result


def _keep_done(folder: Path, metas: dict[str, dict[str, Any]]) -> None:
    """Stopped half-way (Ctrl-C, an interview that does not read): the posts rendered so
    far are recorded in the folder's manifest as written, so that the next export
    renders only the others (and then the indexes and the feed). Every one of them was
    rendered again. Stopped once every post was rendered, before the indexes, none is
    recorded: recorded, the next export found nothing to do, the indexes left stale."""
    claimed = read_manifest(folder)
    if not claimed or not metas:
        return
    claimed["entries"] = {**claimed.get("entries", {}), **metas}
    with contextlib.suppress(OSError):
        write_file(folder / MANIFEST, json.dumps(claimed, ensure_ascii=False))


@dataclass
class _Job:
    """Everything a worker needs to render a share of the posts."""

    series: Series
    folder: Path
    site: SiteInfo
    fmt: str
    flavor: str | None
    links: dict[str, tuple[str | None, str | None]]
    by_slug: dict[str, Entry]
    feed: frozenset[str] = frozenset()  # posts the feed shows in full: sent back with their HTML
    owned: frozenset[str] | None = None  # files of the folder an export wrote (None: any)
    recorded: Mapping[str, str] | None = None  # their content stamps then
    # Each former name (lowercase), and the post it leads to (entries.former_leads).
    leads: Mapping[str, str] = field(default_factory=dict)
    # Each photo file an earlier export saw, with its stamp and hash then.
    photos: PhotoRecords = field(default_factory=dict)

    def led(self, post: Post) -> tuple[str, ...]:
        """The post's former names that lead to it: not another interview's address now,
        nor a newer one's former name too (said by the export, as ``jeudis check`` does)."""
        return tuple(
            name for name in post.former_slugs if self.leads.get(name.lower()) == post.slug
        )

    def do(self, entry: Entry) -> _Done:
        # Of the bytes rendered: edited since, the next export renders it again.
        interview, data = read_interview(entry.path)
        read = bytes_hash(data)
        post = _post(self.series, entry, interview, self.site, self.links, self.by_slug)
        # Before the photo is copied, for the same reason.
        photo = photo_record(self.series.root, post.photo_source, self.photos)
        outputs, written, kept = _write_post(self, post)
        rendered = None
        if entry.slug in self.feed:
            rendered = (post, fragment(post, self.site, feed=True))
        meta = _meta(entry, post, self.links, outputs, self.by_slug)
        meta["written"] = written
        meta["hash"] = read  # written again the same, it is known as the same
        meta["photo_stamp"], meta["photo_hash"] = photo  # so is the photo
        meta[_KEPT] = kept  # not the manifest's: what the count of files written leaves out
        return entry.slug, meta, rendered

    def do_chunk(self, chunk: list[Entry]) -> list[_Done]:
        return [self.do(entry) for entry in chunk]


_KEPT = "kept"  # a rendered post's outputs left as they were, until they are counted

# A rendered post: its slug, its manifest entry, and for a feed post the post and its HTML.
_Done = tuple[str, dict[str, Any], tuple[Post, str] | None]


def _post(
    series: Series,
    entry: Entry,
    interview: Interview,
    site: SiteInfo,
    links: dict[str, tuple[str | None, str | None]],
    by_slug: dict[str, Entry],
) -> Post:
    post = build_post(interview, series.settings)
    if local := post.local_photo:
        post.note = post.keep_photo_in(series.root)
        # Watched: a photo added, changed, or cleaned of its script shows next time.
        post.photo_source = post.photo or ("" if outside(series.root, local) else local)
    site.place(post)
    older, newer = links.get(entry.slug, (None, None))
    if older:
        other = by_slug[older]
        post.prev = link_to(older, other.title, other.guest, post.typography)
    if newer:
        other = by_slug[newer]
        post.next = link_to(newer, other.title, other.guest, post.typography)
    return post


def _write_post(job: _Job, post: Post) -> tuple[list[str], dict[str, str], list[str]]:
    """Write a post (and copy its photo); return every output, the post's content stamp,
    and the outputs left as they were: the same as an earlier export wrote them (a
    setting only the indexes show, such as the blog's description, changed)."""
    kept: list[str] = []
    if job.fmt == "md":
        spec = get_flavor(job.flavor)
        relative = (
            str(Path(spec.folder, spec.file_name(post))) if spec.folder else spec.file_name(post)
        )
        outputs = [relative]
        if post.local_photo:
            stored = spec.photo_file(post.photo)
            if _copy_photo(job, post, stored, kept):
                outputs.append(stored)
            post.note = post.note or spec.photo_warning(post.slug, post.photo)
        text = markdown(replace(post, former_slugs=job.led(post)), job.site, job.flavor)
    else:
        relative = post.page_file
        outputs = [relative]
        job.site.index_href = "index.html"
        job.site.feed_href = "feed.xml"
        if post.local_photo and _copy_photo(job, post, post.photo, kept):
            outputs.append(post.photo)
        outputs += _redirects(job, post, kept)
        text = page(post, job.site)
    data = text.encode("utf-8")
    stamp = content_stamp(data)
    if (job.recorded or {}).get(relative) == stamp and not changed(job.folder / relative, stamp):
        kept.append(relative)
    else:
        stamp = write_file(job.folder / relative, data)
    return outputs, {relative: stamp}, kept


def _redirects(job: _Job, post: Post, kept: list[str]) -> list[str]:
    """A page at each of the post's former names (a guest renamed), leading to it: the
    old address, linked from other sites, shared, listed by search engines, was a 404.
    Not where another interview's page is (a warning says so: see :meth:`_Job.led`),
    nor over a file no export wrote."""
    written = []
    for former in job.led(post):
        name = f"{former}.html"
        target = job.folder / name
        if job.owned is not None and name not in job.owned and os.path.lexists(target):
            continue
        data = redirect_page(post, job.site).encode("utf-8")
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            kept.append(name)
        else:
            write_file(target, data)
        written.append(name)
    return written


def _copy_photo(job: _Job, post: Post, stored: str, kept: list[str]) -> bool:
    """Copy the post's photo into the output folder, at ``stored``; True when it is the copy's.

    Only a file inside the series, only to a place inside the output folder; never
    over a different file that no export wrote (the host's own, of the same name):
    the post then shows that one, and the host is told. A copy that is there
    already, the same, is left as it is (into ``kept``).
    """
    root, folder = job.series.root, job.folder
    source = (root / post.photo).resolve()
    target = (folder / stored).resolve()
    if not (
        source.is_file()
        and of_the_series(root, post.photo)  # images/ kept elsewhere through a link: its own
        and target.is_relative_to(folder.resolve())
    ):
        return False
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        kept.append(stored)
        return True
    theirs = job.owned is not None and stored not in job.owned
    if not copy_to(source, target, replace=not theirs):
        post.note = f"warning: {post.slug}: photo not copied: {folder / stored} is already there"
        return False
    return True


def _meta(
    entry: Entry,
    post: Post,
    links: dict[str, tuple[str | None, str | None]],
    outputs: list[str],
    by_slug: dict[str, Entry],
) -> dict[str, Any]:
    nav = list(links.get(entry.slug, (None, None)))
    return {
        "stamp": entry.stamp,
        "nav": nav,
        "outputs": outputs,
        "questionnaire": entry.questionnaire,
        "date": entry.date.isoformat(),
        "updated": entry.updated,
        "created": entry.created,
        "draft": entry.draft,
        "published": entry.published,
        "guest": entry.guest,
        "guest_text": post.guest_text,
        "title": entry.title,
        "title_text": post.title_text,
        "date_text": post.date_text,
        "description": post.description,
        "description_text": post.description_text,
        "description_english": post.description_english,
        "photo": post.photo,
        "photo_source": post.photo_source,
        "series": post.series,
        "language": post.language,
        "index": post.index_href,
        "note": post.note,  # for the host, at every export until it is fixed
        "former": list(post.former_slugs),  # its pages there are written again as names change
    }


def _indexes(
    series: Series,
    folder: Path,
    entries: list[Entry],
    metas: dict[str, dict[str, Any]],
    posts: dict[str, tuple[Post, str]],
    site: SiteInfo,
    job: _Job,
    written: dict[Path, str],
    recorded: Mapping[str, str],
    team: workers.Team,
) -> set[Path]:
    """Write the indexes, the feed and the sitemap; each file goes into ``written``, stamped.

    Returns those left as they were: each reads as ``recorded`` says an earlier
    export wrote it, and is so on disk (a change to one post leaves an index whose
    line for it reads the same; an upload by date need not send it again).
    """
    kept: set[Path] = set()

    def put(name: str, text: str) -> None:
        path = folder / name
        data = text.encode("utf-8")
        stamp = content_stamp(data)
        if recorded.get(name) == stamp and not changed(path, stamp):
            written[path] = stamp
            kept.add(path)
        else:
            written[path] = write_file(path, data)

    site.index_href = "index.html"
    site.feed_href = "feed.xml"
    listed = [IndexPost(e.slug, metas[e.slug], site.language) for e in entries]
    groups: dict[str, list[IndexPost]] = {}
    for entry, item in zip(entries, listed, strict=True):
        groups.setdefault(entry.questionnaire, []).append(item)
    blog = site_title(site, listed)
    others: list[dict[str, Any]] = []
    described = {qid: _described(series, qid) for qid in groups}
    # The site's index tells the blog, else the one questionnaire it lists.
    alone = next(iter(described.values())) if len(groups) == 1 else ""
    pages: list[tuple[str, str, list[IndexPost], str]] = [("index.html", blog, listed, alone)]
    if len(groups) > 1:
        titles = [items[0].series or qid for qid, items in groups.items()]
        for (qid, items), title in zip(groups.items(), titles, strict=True):
            if titles.count(title) > 1:  # two questionnaires of one series: told apart
                title = f"{title} – {qid}"
            name = site.indexes[qid]
            shown = fix_text(title, site.typography)  # a series' name, as the titles beside it
            others.append({"href": name, "title": title, "title_text": shown, "count": len(items)})
            pages.append((name, title, items, described[qid]))
    calls = [
        (series, site, name, title, items, others, site.description or description)
        if name == "index.html"
        else (series, site, name, title, items, others, description)
        for name, title, items, description in pages
    ]
    indexes = team.spread(index_page, calls)  # by the workers, while the feed is made here
    # The feed: the newest posts, full content (as the workers rendered it, when they did).
    rendered = [
        posts.get(entry.slug)
        or _with_fragment(
            _post(series, entry, load_interview(entry.path), site, job.links, job.by_slug), site
        )
        for entry in _in_feed(entries)
    ]
    # The id of the feed written before, which a blog renamed keeps (listings.feed_id).
    # And its entries' ids, which an entry keeps when an older jeudis made it (entry_id).
    previous, earlier = None, frozenset[str]()
    if "feed.xml" in recorded:
        previous = previous_feed_id(folder / "feed.xml")
        earlier = previous_entry_ids(folder / "feed.xml")
    feed = feed_page(series, site, blog, rendered, previous, earlier)
    sitemap = (
        sitemap_page(series, site, [name for name, *_ in pages], listed) if site.base_url else ""
    )
    for (name, *_), text in zip(pages, indexes(), strict=True):
        put(name, text)
    put("feed.xml", feed)
    if site.base_url:
        put("sitemap.xml", sitemap)
    return kept


def _described(series: Series, qid: str) -> str:
    """A questionnaire's ``description``, for its index: "" when it has none, or its
    file is not there to read (an export needs none)."""
    from jeudis.errors import JeudisError
    from jeudis.questionnaire import load_questionnaire

    try:
        path, bundled = series.questionnaire_path(qid)
        return load_questionnaire(path, bundled=bundled).description
    except JeudisError:
        return ""


def index_item(series: Series, post: Post, site: SiteInfo) -> IndexPost:
    """What an index lists of ``post`` (a post of no site yet: the trial of a template)."""
    entry = Entry(
        folder=series.interviews_dir,
        slug=post.slug,
        stamp="",
        questionnaire=post.questionnaire,
        date=post.date,
        updated=post.updated.isoformat(),
        created="",
        draft=post.draft,
        guest=post.guest,
        title=post.title,
    )
    return IndexPost(post.slug, _meta(entry, post, {}, [], {}), site.language)


def _in_feed(entries: list[Entry]) -> list[Entry]:
    """The feed's posts: the newest published ones. A draft (``--include-drafts``) is
    not news: a reader would keep it, by its final id, as the post.
    """
    return [entry for entry in entries if not entry.draft][:FEED_SIZE]


def _with_fragment(post: Post, site: SiteInfo) -> tuple[Post, str]:
    return post, fragment(post, site, feed=True)


@dataclass
class WxrSources:
    """What a WordPress file was made from, for its manifest: each interview's hash
    (``hashes``), and each photo file of the series a post names, with its stamp and
    hash (``photos``: one added, changed or cleaned of its script makes the file
    again). ``before``: the photos an earlier export saw, whose hashes are kept for
    those of the same stamp."""

    before: PhotoRecords = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    photos: PhotoRecords = field(default_factory=dict)


def wxr_text(
    series: Series,
    entries: list[Entry],
    sources: WxrSources | None = None,
    progress: Progress | None = None,
    slugs: dict[str, str] | None = None,
) -> tuple[Iterator[str], list[str]]:
    """The WordPress import file of ``entries``, piece by piece, and what it had to
    leave out; ``sources`` gets what it is made from. ``slugs`` gets each post's slug
    by the interview's id, to read back the title and date the file gives it, by which
    WordPress's importer finds it (:mod:`jeudis.export.wpknown`).

    Each post is built and rendered as the file reaches it, and let go (a thousand
    held at once took a quarter of a gigabyte). The file's head names every post's
    category, tags and author: they are read first, with the notes and photos,
    from the posts built without their answers (a seventh of the cost).
    """
    site = SiteInfo.from_settings(series.root, series.settings)
    oldest = entries[::-1]  # oldest first: WordPress ids grow with time
    head = WxrHead()
    notes: list[str] = []
    unreachable = UnreachablePhotos(site)
    if progress is not None and oldest:
        progress(0, len(oldest))  # the bar drawn while the head is read
    for entry in oldest:
        # Of the bytes read here, before the post is: edited since, it is made again.
        interview, data = read_interview(entry.path)
        if sources is not None:
            sources.hashes[entry.slug] = bytes_hash(data)
        post = build_post(replace(interview, answers=[]), series.settings)
        if slugs is not None:
            slugs[post.id] = post.slug
        local = post.local_photo
        if sources is not None and local and not outside(series.root, local):
            sources.photos[local] = photo_record(series.root, local, sources.before)
        if left_out := post.keep_photo_in(series.root) or post.note:
            notes.append(left_out)
        site.place(post)
        unreachable.see(post)
        head.add(post, site)
    notes += unreachable.notes()

    def build(index: int) -> Post:
        post = build_post(load_interview(oldest[index].path), series.settings)
        post.keep_photo_in(series.root)
        site.place(post)
        UnreachablePhotos(site).see(post)  # left out as above, said above
        if progress is not None:
            progress(index + 1, len(oldest))
        return post

    posts = PostsBuilt([entry.slug for entry in oldest], build)
    return wxr_pieces(posts, site, head), notes


def export_wxr(
    series: Series,
    folder: Path,
    entries: list[Entry],
    stamps: dict[str, str],
    stamp: str,
    result: SiteResult,
    progress: Progress | None = None,
    photos: PhotoRecords | None = None,
) -> SiteResult:
    """The whole series as one WordPress import file, written as it is made: the
    file there is replaced once the new one is whole (stopped before, it is as it was).
    ``photos``: as in :func:`render`."""
    from jeudis.files import write_atomic

    target = folder / WXR_FILE
    sources = WxrSources(before=photos or {})
    slugs: dict[str, str] = {}
    pieces, notes = wxr_text(series, entries, sources, progress, slugs)
    result.notes += notes
    imported = Imported(series)
    imported.replacing(target)
    given: list[Given] = []  # each post's title and date, as the file writes them
    text = Stamped(read_back(pieces, slugs, given.append))
    with stopping(FILE_LEFT):  # not through a link there: the folder's files are the export's
        write_atomic(target, text, follow_links=False)
    result.written.append(target)
    retitled = imported.see(given[0], target)
    imported.save()
    manifest = {
        "stamp": stamp,
        "kind": "wxr",
        "wxr": stamps,
        "hashes": sources.hashes,  # written again the same, an interview is known as the same
        "photos": {photo: taken for photo, (taken, _) in sources.photos.items()},
        "photo_hashes": {photo: hashed for photo, (_, hashed) in sources.photos.items()},
        "notes": result.notes,  # shown again by an export with nothing to write
        "written": {WXR_FILE: text.stamp},
    }
    write_file(folder / MANIFEST, json.dumps(manifest))
    result.outputs = manifest_outputs(manifest)
    result.notes[:0] = retitled  # said once: the next file is no news to the importer
    return result
