"""The pages that list a site's posts: the indexes, the Atom feed, the sitemap.

:mod:`jeudis.export.sitebuild` writes them after the posts; ``jeudis check``
renders them from one post (:mod:`jeudis.export.trial`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from pathlib import Path
from typing import Any

from jeudis.export.bidi import isolated_text
from jeudis.export.model import Post, og_locale, page_href, photo_href
from jeudis.export.render import SiteInfo, words_for, xml_clean
from jeudis.export.typography import fix_text
from jeudis.interview import uuid_from
from jeudis.paths import Series
from jeudis.wording import right_to_left


class IndexPost:
    """What an index lists of a post (from the manifest, not from the interview).

    Its title, date and description are in the post's language, which may not be
    the index's: so are its words (``draft``), and the index marks its item's ``lang``.
    """

    def __init__(self, slug: str, meta: dict[str, Any], site_language: str) -> None:
        self.slug = slug
        self.href = page_href(slug)
        self.title = meta["title"]
        self.title_text = meta["title_text"]
        self.guest = meta["guest"]
        self.guest_text = meta["guest_text"]
        self.date = dt.date.fromisoformat(meta["date"])
        self.date_text = meta["date_text"]
        self.description = meta["description"]
        self.description_text = meta["description_text"]
        self.description_english = meta.get("description_english", False)
        self.photo = meta["photo"]
        self.photo_href = photo_href(self.photo)
        self.draft = meta["draft"]
        self.updated = w3c_date(meta["updated"], meta["date"])
        self.series = meta["series"]
        self.language = meta.get("language") or site_language
        self.words = words_for(self.language)


def site_title(site: SiteInfo, listed: list[IndexPost]) -> str:
    """The site's name, on its index and feed: the blog's, else its newest post's series'."""
    return site.blog or (listed[0].series if listed else "") or site.words["interviews"]


def index_page(
    series: Series,
    site: SiteInfo,
    name: str,
    title: str,
    posts: list[IndexPost],
    others: list[dict[str, Any]],
    description: str = "",
) -> str:
    """An index page (``name``: ``index.html``, or a questionnaire's ``index-ID.html``);
    ``description``, the questionnaire's, where the blog's is not the one to give."""
    from jeudis.export.templating import render

    description = description or site.description
    return render(
        series.root,
        "index.html",
        site=site,
        title=title,
        title_text=fix_text(title, site.typography),
        description=description,
        description_text=fix_text(description, site.typography),
        canonical=site.url(name),
        href=name,
        posts=posts,
        others=others,
        jsonld=index_jsonld(site, name, title, description, posts),
        locale=og_locale(site.language),
    )


def index_jsonld(
    site: SiteInfo, name: str, title: str, description: str, posts: list[IndexPost]
) -> dict[str, Any]:
    """An index's JSON-LD: a ``CollectionPage`` of the blog, listing its posts by
    address when the site has one (``base_url``), as search engines read a list."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": title,
        "inLanguage": site.language,
    }
    if description:
        data["description"] = description
    if site.base_url:
        data["url"] = site.url(name)
        published = [post for post in posts if not post.draft]
        data["mainEntity"] = {
            "@type": "ItemList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": n,
                    "url": site.url(post.href),
                    "name": _name(post),
                }
                for n, post in enumerate(published, start=1)
            ],
        }
    if site.blog and site.blog != title:
        data["isPartOf"] = {"@type": "Blog", "name": site.blog}
    return data


def _name(post: IndexPost) -> str:
    """A post's title as plain text, its guest's name set apart (see
    :func:`jeudis.export.bidi.isolated_text`)."""
    return isolated_text(post.title, post.guest, right_to_left(post.language))


def feed_page(
    series: Series,
    site: SiteInfo,
    title: str,
    rendered: list[tuple[Post, str]],
    previous: str | None = None,
    earlier: frozenset[str] = frozenset(),
) -> str:
    """The Atom feed of ``rendered``: each post with its fragment's HTML, newest first;
    ``previous``, the id of the feed an earlier export wrote (see :func:`feed_id`), and
    ``earlier``, the ids of its entries (see :func:`entry_id`)."""
    from jeudis.export.templating import render

    ids = entry_ids([post for post, _ in rendered], site, earlier)
    entries = [
        {"post": post, "html": html, "id": i} for (post, html), i in zip(rendered, ids, strict=True)
    ]
    updated = max((post.updated for post, _ in rendered), default=dt.datetime.now(dt.UTC))
    text = render(
        series.root,
        "feed.atom",
        site=site,
        title=title,
        description=site.description,
        entries=entries,
        updated=updated,
        self_href="feed.xml",
        feed_id=feed_id(series, previous),
    )
    return xml_clean(text)


def sitemap_page(
    series: Series, site: SiteInfo, indexes: list[str], listed: list[IndexPost]
) -> str:
    """``sitemap.xml``: the indexes and every published post, by absolute URL (base_url)."""
    from jeudis.export.templating import render

    published = [p for p in listed if not p.draft]
    newest = max((p.updated for p in published), default="")
    urls = [{"loc": site.url(name), "lastmod": newest} for name in indexes]
    urls += [{"loc": site.url(p.href), "lastmod": p.updated} for p in published]
    return xml_clean(render(series.root, "sitemap.xml", site=site, urls=urls))


# The feed's own <id>: the first, before any entry's.
_FEED_ID = re.compile(r"<id>([^<]+)</id>")
_FEED_HEAD = 64 * 1024


def previous_feed_id(path: Path) -> str | None:
    """The id of the feed jeudis wrote at ``path`` (None: none, or none that reads).
    Read in its head alone, before any entry: a feed holds twenty posts in full."""
    try:
        with path.open("rb") as file:
            head = file.read(_FEED_HEAD).decode("utf-8", "replace").partition("<entry")[0]
    except OSError:
        return None
    found = _FEED_ID.search(head)
    return html.unescape(found.group(1)).strip() or None if found else None


def previous_entry_ids(path: Path) -> frozenset[str]:
    """The ids of the entries of the feed jeudis wrote at ``path`` (none: no feed, or
    none that reads). An entry's content is escaped: every ``<id>`` is an element's."""
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return frozenset()
    entries = text.partition("<entry")[2]
    return frozenset(html.unescape(i).strip() for i in _FEED_ID.findall(entries))


def w3c_date(updated: str, date: str) -> str:
    """A sitemap's lastmod: the day the interview was last changed, not before its date."""
    changed = updated[:10] if len(updated) >= 10 and updated[4] == "-" else ""
    return max(changed, date)


def entry_id(post: Post) -> str:
    """A feed entry's id: the interview's, which never changes (RFC 4287 4.2.6): not its
    address, which a new ``base_url`` or a new name (``jeudis edit --guest``) changes,
    and a feed reader would show the post again as new."""
    return f"urn:uuid:{post.id}"


def entry_ids(posts: list[Post], site: SiteInfo, earlier: frozenset[str]) -> list[str]:
    """Each post's feed entry id (:func:`entry_id`), but for an entry the feed written
    before (``earlier``, its entries' ids) gave the id jeudis made before interviews had
    one: its address, or without a ``base_url`` a ``tag:`` URI. It keeps it, at its name
    or a former one (a guest renamed since), so that a reader does not show every post
    of the feed again as new on the upgrade. An id is one entry's: a post at its own
    name first, then one that had it."""
    ids: list[str | None] = [None] * len(posts)
    taken: set[str] = set()
    # A tag: URI by the name it ends with, whatever date and questionnaire it says: the
    # post dated anew since (edit --date), it was given a new id, and shown again as new.
    tags: dict[str, list[str]] = {}
    for earlier_id in sorted(earlier):
        if tagged := _OLD_TAG.fullmatch(earlier_id):
            tags.setdefault(tagged["slug"], []).append(earlier_id)
    for own in (True, False):
        for n, post in enumerate(posts):
            slugs = (post.slug,) if own else post.former_slugs
            older = [
                made for slug in slugs for made in (site.url(page_href(slug)), *tags.get(slug, ()))
            ]
            kept = next((i for i in older if i and i in earlier and i not in taken), None)
            if ids[n] is None and kept is not None:
                ids[n] = kept
                taken.add(kept)
    return [i or entry_id(post) for i, post in zip(ids, posts, strict=True)]


_OLD_TAG = re.compile(r"tag:jeudis,[^:]*:[^/]*/(?P<slug>.+)")


def feed_id(series: Series, previous: str | None = None) -> str:
    """The feed's own id, by which a feed reader knows the feed: ``feed_id`` in jeudis.toml
    when it says one (``jeudis init`` writes one); else the id of the feed an earlier
    export wrote (``previous``), so that a blog renamed keeps its feed; else one made of
    the blog's name (``blog``), else of the series folder's, as jeudis has always made
    it, so that a series' first export since keeps the id its readers know. Never the
    feed's address, which a new ``base_url`` changes: a reader took a new id for a new
    feed, and showed every entry again as new."""
    if told := str(series.settings.get("feed_id") or ""):
        return told
    if previous:
        return previous
    name = str(series.settings.get("blog") or "") or f"folder:{series.root.name}"
    digest = hashlib.sha1(f"jeudis feed/{name}".encode(), usedforsecurity=False).digest()
    return f"urn:uuid:{uuid_from(digest, 5)}"
