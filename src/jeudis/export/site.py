"""``jeudis export --all``: the whole series as a folder.

HTML: a page per interview (``SLUG.html``), an index newest first
(``index.html``; with several questionnaires, also ``index-ID.html`` for each),
an Atom feed (``feed.xml``). Links are relative, so the folder works from
``file://`` and from a web server alike. Markdown: each post where its
generator expects it. WXR: one ``wordpress.xml``.

A manifest (``.jeudis-manifest.json``) records what every output was made
from: each interview file's size and modification time, the templates', the
settings' and the options'. A second export with nothing changed reads the
manifest, checks the stamps and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import multiprocessing as mp
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeudis import __version__
from jeudis.errors import ExitCode, JeudisError
from jeudis.export import loading
from jeudis.export.frontmatter import flavor as get_flavor
from jeudis.export.model import Link, Post, build_post
from jeudis.export.render import SiteInfo, fragment, markdown, page, wxr
from jeudis.paths import SETTINGS_FILE, Series

MANIFEST = ".jeudis-manifest.json"
FEED_SIZE = 20
Progress = Callable[[int, int], None]


@dataclass
class SiteResult:
    folder: Path
    written: list[Path] = field(default_factory=list)
    skipped: int = 0
    unchanged: bool = False


@dataclass
class _Entry:
    path: Path
    slug: str
    stamp: str
    questionnaire: str
    date: dt.date
    updated: str
    draft: bool
    guest: str
    title: str


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _global_stamp(series: Series, fmt: str, flavor: str | None, drafts: bool) -> str:
    from jeudis.export.templating import template_stamp

    settings = series.root / SETTINGS_FILE
    parts = [
        __version__,
        _code_stamp(),
        template_stamp(series.root),
        _stamp(settings) if settings.is_file() else "-",
        json.dumps(series.overrides, sort_keys=True, default=str),
        fmt,
        flavor or "",
        str(drafts),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _code_stamp() -> str:
    here = Path(__file__).parent
    return "|".join(_stamp(p) for p in sorted(here.glob("*.py")))


def _write(path: Path, text: str) -> None:
    # The site is regenerated from the interviews: a rename keeps readers from
    # seeing half a page, fsync would only slow a thousand-page export down.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _entries(series: Series, drafts: bool, old: dict[str, Any]) -> list[_Entry]:
    """Every interview to export, from the manifest when its file has not changed."""
    entries = []
    known = old.get("entries", {})
    for path, stamp in _interview_stamps(series):
        cached = known.get(path.stem)
        if cached and cached.get("stamp") == stamp:
            head = dict(cached)
            head["date"] = dt.date.fromisoformat(head["date"])
        else:
            head = loading.head(path)
            loading.check_head(head, path)
            head["draft"] = head.get("status") != "complete"
            head["updated"] = str(head.get("updated", ""))
        if head["draft"] and not drafts:
            continue
        entries.append(
            _Entry(
                path=path,
                slug=path.stem,
                stamp=stamp,
                questionnaire=head["questionnaire"],
                date=head["date"],
                updated=head["updated"],
                draft=head["draft"],
                guest=head["guest"],
                title=head["title"],
            )
        )
    # Newest first; a stable order for interviews of the same day.
    entries.sort(key=lambda e: (e.date, e.updated, e.slug), reverse=True)
    return entries


def _interview_stamps(series: Series) -> list[tuple[Path, str]]:
    """Every interview file with its stamp (one ``scandir``: a thousand files in ms)."""
    folder = series.interviews_dir
    try:
        found = [
            (entry.name, entry.stat())
            for entry in os.scandir(folder)
            if entry.name.endswith(".toml") and not entry.name.startswith(".")
        ]
    except FileNotFoundError:
        return []
    found.sort(key=lambda item: item[0])
    return [(folder / name, f"{st.st_size}:{st.st_mtime_ns}") for name, st in found]


def _neighbours(entries: list[_Entry]) -> dict[str, tuple[str | None, str | None]]:
    """Previous (older) and next (newer) interview of the same questionnaire."""
    by_q: dict[str, list[_Entry]] = {}
    for entry in entries:
        by_q.setdefault(entry.questionnaire, []).append(entry)
    links: dict[str, tuple[str | None, str | None]] = {}
    for group in by_q.values():
        for index, entry in enumerate(group):
            newer = group[index - 1].slug if index > 0 else None
            older = group[index + 1].slug if index + 1 < len(group) else None
            links[entry.slug] = (older, newer)
    return links


def export_site(
    series: Series,
    folder: Path,
    *,
    fmt: str = "html",
    flavor: str | None = None,
    include_drafts: bool = False,
    progress: Progress | None = None,
) -> SiteResult:
    """Export every interview of the series into ``folder``; skip what has not changed."""
    old = _read_manifest(folder)
    stamp = _global_stamp(series, fmt, flavor, include_drafts)
    if old.get("stamp") != stamp:
        old = {}
    entries = _entries(series, include_drafts, old)
    result = SiteResult(folder=folder)
    site = SiteInfo.from_settings(series.root, series.settings)
    if fmt == "wxr":
        return _export_wxr(series, folder, entries, site, old, stamp, result)
    links = _neighbours(entries)
    by_slug = {e.slug: e for e in entries}
    known = old.get("entries", {})
    todo = []
    try:
        present = {entry.name for entry in os.scandir(folder)}
    except FileNotFoundError:
        present = set()
    for entry in entries:
        cached = known.get(entry.slug)
        nav = list(links[entry.slug])
        if (
            cached
            and cached.get("stamp") == entry.stamp
            and cached.get("nav") == nav
            and all(
                out in present if "/" not in out else (folder / out).is_file()
                for out in cached["outputs"]
            )
        ):
            continue
        todo.append(entry)
    result.skipped = len(entries) - len(todo)
    listing_changed = set(known) != set(by_slug)
    if not todo and not listing_changed and old:
        result.unchanged = True
        return result
    posts: dict[str, tuple[Post, str]] = {}
    metas: dict[str, dict[str, Any]] = {}
    feed = frozenset(e.slug for e in entries[:FEED_SIZE]) if fmt == "html" else frozenset()
    job = _Job(series, folder, site, fmt, flavor, links, by_slug, feed)
    for done, (slug, meta, rendered) in enumerate(_run(job, todo), 1):
        metas[slug] = meta
        if rendered is not None:
            posts[slug] = rendered
        result.written.extend(folder / o for o in meta["outputs"])
        if progress is not None:
            progress(done, len(todo))
    for entry in entries:
        if entry.slug not in metas:
            metas[entry.slug] = known[entry.slug]
    if fmt == "html":
        result.written.extend(_indexes(series, folder, entries, metas, posts, site, links, by_slug))
    manifest = {"stamp": stamp, "entries": metas}
    _write(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False))
    return result


@dataclass
class _Job:
    """Everything a worker needs to render a share of the posts."""

    series: Series
    folder: Path
    site: SiteInfo
    fmt: str
    flavor: str | None
    links: dict[str, tuple[str | None, str | None]]
    by_slug: dict[str, _Entry]
    feed: frozenset[str] = frozenset()  # posts the feed shows in full: sent back with their HTML

    def do(self, entry: _Entry) -> _Done:
        post = _post(self.series, entry, self.site, self.links, self.by_slug)
        outputs = _write_post(self.folder, post, self.site, self.fmt, self.flavor, self.series)
        rendered = None
        if entry.slug in self.feed:
            rendered = (_sendable(post), fragment(post, self.site))
        return entry.slug, _meta(entry, post, self.links, outputs), rendered

    def do_chunk(self, chunk: list[_Entry]) -> list[_Done]:
        return [self.do(entry) for entry in chunk]


def _sendable(post: Post) -> Post:
    """The post with a time zone pickle can carry back to the parent process.

    rtoml's own time zone class does not pickle; ``datetime.timezone`` with the
    same offset prints the same (``isoformat``, ``str``, ``%z``, ``%Z``).
    """
    offset = post.updated.utcoffset()
    if offset is not None and type(post.updated.tzinfo) is not dt.timezone:
        post.updated = post.updated.replace(tzinfo=dt.timezone(offset))
    return post


# A rendered post: its slug, its manifest entry, and for a feed post the post and its HTML.
_Done = tuple[str, dict[str, Any], tuple[Post, str] | None]


_JOB: _Job | None = None
PARALLEL_FROM = 64  # below this, starting processes costs more than it saves
CHUNK = 16


class _Failed(Exception):
    """A user-facing error raised in a worker, in a form that crosses the process boundary."""

    def __init__(self, message: str, hint: str | None, code: int) -> None:
        super().__init__(message, hint, code)
        self.message, self.hint, self.code = message, hint, code


def _chunk_in_worker(chunk: list[_Entry]) -> list[_Done]:
    assert _JOB is not None
    try:
        return _JOB.do_chunk(chunk)
    except JeudisError as error:
        raise _Failed(error.message, error.hint, int(error.exit_code)) from None


def _warm_up(job: _Job) -> None:
    """Compile the templates and load cmark once, before the workers fork.

    Only the templates of the format: compiling one costs tens of milliseconds,
    and a template the workers do not use would be compiled for nothing.
    """
    from jeudis.export import markup
    from jeudis.export.templating import environment

    env = environment(job.series.root)
    names = ("post.md",) if job.fmt == "md" else ("post.html", "article.html", "style.css")
    for name in names + (("fragment.html",) if job.feed else ()):
        env.get_template(name)
    markup.to_html("")


def _run(job: _Job, todo: list[_Entry]) -> Iterator[_Done]:
    """Render the posts, on every core when there are many (fork: nothing to pickle)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        for entry in todo:
            yield job.do(entry)
        return
    global _JOB
    _JOB = job
    _warm_up(job)
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    # Frozen objects are left out of the workers' garbage collections: a collection
    # touching every object inherited from the parent would copy their pages.
    gc.freeze()
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for done in pool.imap_unordered(_chunk_in_worker, chunks):
                yield from done
    except _Failed as failed:
        error = JeudisError(failed.message, hint=failed.hint)
        error.exit_code = ExitCode(failed.code)
        raise error from None
    finally:
        gc.unfreeze()
        _JOB = None


def _post(
    series: Series,
    entry: _Entry,
    site: SiteInfo,
    links: dict[str, tuple[str | None, str | None]],
    by_slug: dict[str, _Entry],
) -> Post:
    post = build_post(loading.load(entry.path), series.settings)
    if post.photo and "://" not in post.photo and not (series.root / post.photo).is_file():
        post.photo = ""  # a photo the site cannot show would be a broken image
    post.href = f"{post.slug}.html"
    post.url = site.url(post.href)
    older, newer = links.get(entry.slug, (None, None))
    if older:
        other = by_slug[older]
        post.prev = Link(older, other.title, other.guest, f"{older}.html")
    if newer:
        other = by_slug[newer]
        post.next = Link(newer, other.title, other.guest, f"{newer}.html")
    return post


def _write_post(
    folder: Path, post: Post, site: SiteInfo, fmt: str, flavor: str | None, series: Series
) -> list[str]:
    if fmt == "md":
        spec = get_flavor(flavor)
        relative = (
            str(Path(spec.folder, spec.file_name(post))) if spec.folder else spec.file_name(post)
        )
        _write(folder / relative, markdown(post, site, flavor))
        return [relative]
    outputs = [post.href]
    site.index_href = "index.html"
    site.feed_href = "feed.xml"
    _write(folder / post.href, page(post, site))
    if post.photo and "://" not in post.photo:
        source = (series.root / post.photo).resolve()
        target = (folder / post.photo).resolve()
        if (
            source.is_file()
            and source.is_relative_to(series.root)
            and target.is_relative_to(folder.resolve())
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            outputs.append(post.photo)
    return outputs


def _meta(
    entry: _Entry, post: Post, links: dict[str, tuple[str | None, str | None]], outputs: list[str]
) -> dict[str, Any]:
    return {
        "stamp": entry.stamp,
        "nav": list(links.get(entry.slug, (None, None))),
        "outputs": outputs,
        "questionnaire": entry.questionnaire,
        "date": entry.date.isoformat(),
        "updated": entry.updated,
        "draft": entry.draft,
        "guest": entry.guest,
        "title": entry.title,
        "title_text": post.title_text,
        "date_text": post.date_text,
        "description": post.description,
        "photo": post.photo,
        "series": post.series,
    }


class _IndexPost:
    """What an index lists of a post (from the manifest, not from the interview)."""

    def __init__(self, slug: str, meta: dict[str, Any]) -> None:
        self.slug = slug
        self.href = f"{slug}.html"
        self.title = meta["title"]
        self.title_text = meta["title_text"]
        self.guest = meta["guest"]
        self.date = dt.date.fromisoformat(meta["date"])
        self.date_text = meta["date_text"]
        self.description = meta["description"]
        self.photo = meta["photo"]
        self.draft = meta["draft"]
        self.series = meta["series"]


def _indexes(
    series: Series,
    folder: Path,
    entries: list[_Entry],
    metas: dict[str, dict[str, Any]],
    posts: dict[str, tuple[Post, str]],
    site: SiteInfo,
    links: dict[str, tuple[str | None, str | None]],
    by_slug: dict[str, _Entry],
) -> list[Path]:
    from jeudis.export.templating import render

    site.index_href = "index.html"
    site.feed_href = "feed.xml"
    listed = [_IndexPost(e.slug, metas[e.slug]) for e in entries]
    groups: dict[str, list[_IndexPost]] = {}
    for entry, item in zip(entries, listed, strict=True):
        groups.setdefault(entry.questionnaire, []).append(item)
    blog = site.blog or (listed[0].series if listed else "") or site.words["interviews"]
    written = []
    others: list[dict[str, Any]] = []
    pages: list[tuple[str, str, list[_IndexPost]]] = [("index.html", blog, listed)]
    if len(groups) > 1:
        for qid, items in groups.items():
            title = items[0].series or qid
            others.append({"href": f"index-{qid}.html", "title": title, "count": len(items)})
            pages.append((f"index-{qid}.html", title, items))
    for name, title, items in pages:
        text = render(
            series.root,
            "index.html",
            site=site,
            title=title,
            description=site.description,
            canonical=site.url(name),
            posts=items,
            others=others,
        )
        _write(folder / name, text)
        written.append(folder / name)
    # The feed: the newest posts, full content (as the workers rendered it, when they did).
    rendered = [
        posts.get(entry.slug) or _with_fragment(_post(series, entry, site, links, by_slug), site)
        for entry in entries[:FEED_SIZE]
    ]
    feed_posts = [post for post, _ in rendered]
    feed_entries = [
        {"post": post, "html": html, "id": _entry_id(post, site)} for post, html in rendered
    ]
    updated = max((p.updated for p in feed_posts), default=dt.datetime.now(dt.UTC))
    text = render(
        series.root,
        "feed.atom",
        site=site,
        title=blog,
        description=site.description,
        entries=feed_entries,
        updated=updated,
        self_href="feed.xml",
        feed_id=site.url("feed.xml") or f"urn:jeudis:{_root_id(series)}",
    )
    from jeudis.export.render import xml_clean

    _write(folder / "feed.xml", xml_clean(text))
    written.append(folder / "feed.xml")
    return written


def _with_fragment(post: Post, site: SiteInfo) -> tuple[Post, str]:
    return post, fragment(post, site)


def _entry_id(post: Post, site: SiteInfo) -> str:
    return post.url or f"tag:jeudis,{post.date.isoformat()}:{post.questionnaire}/{post.slug}"


def _root_id(series: Series) -> str:
    return hashlib.sha1(str(series.root.name).encode(), usedforsecurity=False).hexdigest()[:16]


def _export_wxr(
    series: Series,
    folder: Path,
    entries: list[_Entry],
    site: SiteInfo,
    old: dict[str, Any],
    stamp: str,
    result: SiteResult,
) -> SiteResult:
    stamps = {e.slug: e.stamp for e in entries}
    target = folder / "wordpress.xml"
    if old.get("wxr") == stamps and target.is_file():
        result.unchanged = True
        result.skipped = len(entries)
        return result
    posts = []
    for entry in reversed(entries):  # oldest first: WordPress ids grow with time
        post = build_post(loading.load(entry.path), series.settings)
        post.url = site.url(f"{post.slug}.html")
        posts.append(post)
    _write(target, wxr(posts, site))
    result.written.append(target)
    _write(folder / MANIFEST, json.dumps({"stamp": stamp, "wxr": stamps}))
    return result
