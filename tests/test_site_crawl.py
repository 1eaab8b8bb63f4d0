"""A site from ``jeudis export --all``, crawled as browsers and feed readers meet it.

Every link of every page and of the feed leads to a file of the site, and its
``#anchor`` to an element of that page: from ``file://`` and from a web server
(Python's own, on the loopback), with and without a ``base_url`` (whose absolute
addresses, canonical, ``og:url``, the sitemap's, are taken as the site's). The
feed is Atom as RFC 4287 says, and feedparser (a dev dependency) reads it as a
feed reader would; the sitemap is one as sitemaps.org says.

The series is the example one (two questionnaires, so several indexes, and a
photo) with what a published site must also cope with: a draft exported with
``--include-drafts``, a post to come (left out, and linked by no page), and a
photo whose file name a URL must quote.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname, urlopen

import feedparser
import html5lib
import pytest

from export_helpers import copy_example, make_interview, tiny_png
from support import Invoke

BASE = "https://x.example/blog/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
FEED_TYPE = "application/atom+xml"
# A photo of the series whose name holds a space, a "#" (which would end an
# address left as it is), parentheses and an accent.
ODD_PHOTO = "images/Paul #2 (été).png"  # a share shows it: og:image (not an SVG)
# RFC 3339's date-time (section 5.6): what Atom's dates are (RFC 4287 3.3).
RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", re.IGNORECASE
)
# The W3C Datetime profile a sitemap's lastmod is written in: a year, a month, a day,
# or a day with its time and time zone.
W3C_DATETIME = re.compile(
    r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?"
)


def exported_site(series: Path, invoke: Invoke, base_url: str) -> Path:
    """The series described above, exported with its drafts; its folder."""
    copy_example(series)
    settings = series / "jeudis.toml"
    text = settings.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^base_url = .*\n", f'base_url = "{base_url}"\n' if base_url else "", text)
    settings.write_text(text, encoding="utf-8")
    (series / ODD_PHOTO).write_bytes(tiny_png())
    make_interview(
        series, "paul", guest="Paul", date=dt.date(2011, 6, 2), fields={"photo": ODD_PHOTO}
    )
    make_interview(series, "brouillon", guest="Brouillon", status="draft", date=dt.date(2011, 6, 9))
    later = dt.date.today() + dt.timedelta(days=30)
    make_interview(series, "a-venir", guest="À venir", date=later)
    result = invoke("export", "--all", "--include-drafts")
    assert result.exit_code == 0, result
    site = series / "site"
    assert {"brouillon.html", "paul.html", "index-livre.html"} <= {p.name for p in site.iterdir()}
    assert not (site / "a-venir.html").exists()
    return site


def parse_html(data: bytes | str) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(data)  # strict: raises on the first parse error


def html_links(tree: Any) -> list[tuple[str, str]]:
    """Every address an HTML tree links, each with what links it (``a rel=prev``, ``img``)."""
    found = []
    for element in tree.iter():
        tag = element.tag
        if tag in ("a", "link") and element.get("href") is not None:
            rel = element.get("rel")
            kind = f"{tag} rel={rel}" if rel else tag
            found.append((kind, element.get("href")))
        elif tag == "img":
            found.append(("img", element.get("src")))
        elif tag == "meta" and element.get("property") in ("og:url", "og:image"):
            found.append((f"meta {element.get('property')}", element.get("content")))
        elif tag == "script" and element.get("type") == "application/ld+json":
            data = json.loads(element.text)
            found += [(f"json-ld {key}", data[key]) for key in ("url", "image") if key in data]
    return found


def ids_of(tree: Any) -> set[str]:
    return {element.get("id") for element in tree.iter() if element.get("id")}


def feed_links(feed: ET.Element, document: str) -> list[tuple[str, str]]:
    """Every link of an Atom feed, absolute, as a reader fetching it from ``document``
    resolves it: each ``xml:base`` on the way applies (RFC 4287 2, XML Base)."""
    base = urljoin(document, feed.get(XML_BASE, ""))
    found = [
        (f"feed link rel={link.get('rel')}", urljoin(base, link.get("href", "")))
        for link in feed.findall(f"{ATOM}link")
    ]
    for entry in feed.findall(f"{ATOM}entry"):
        at = urljoin(base, entry.get(XML_BASE, ""))
        found += [
            (f"entry link rel={link.get('rel')}", urljoin(at, link.get("href", "")))
            for link in entry.findall(f"{ATOM}link")
        ]
        content = entry.find(f"{ATOM}content")
        assert content is not None and content.text
        inner = urljoin(at, content.get(XML_BASE, ""))
        tree = parse_html(f"<!DOCTYPE html><title>entry</title>{content.text}")
        found += [(f"content {kind}", urljoin(inner, url)) for kind, url in html_links(tree)]
    return found


@dataclass(frozen=True)
class Site:
    """Where a site is read (its folder's ``file://`` address, or a server's), and its
    ``base_url`` (the address it is published at)."""

    address: str
    base_url: str

    def local(self, url: str) -> str | None:
        """The site's own address for ``url``: one of the site, under its base URL or
        at its address; None for an address elsewhere (a guest's site)."""
        if self.base_url and url.startswith(self.base_url):
            url = self.address + url.removeprefix(self.base_url)
        return url if url.startswith(self.address) else None

    def file_of(self, url: str) -> Path:
        """The file a ``file://`` address of the site names (``index.html`` for the folder)."""
        path = Path(url2pathname(urlsplit(url).path))
        return path / "index.html" if path.is_dir() else path


def broken_links(site: Site, page: str, links: list[tuple[str, str]]) -> list[str]:
    """The links of ``page`` (on ``file://``) that lead to no file of the site, or to
    no element of it: an ``#anchor`` names an ``id`` of its page."""
    broken = []
    for kind, url in links:
        local = site.local(urljoin(page, url))
        if local is None:
            continue
        target = site.file_of(local)
        fragment = urlsplit(local).fragment
        if not target.is_file():
            broken.append(f"{page}: {kind} {url}: no such file")
        elif fragment and fragment not in ids_of(parse_html(target.read_bytes())):
            broken.append(f"{page}: {kind} {url}: no such anchor")
    return broken


@pytest.mark.parametrize("base_url", [BASE, ""], ids=["base_url", "no-base_url"])
def test_every_link_leads_to_a_file_of_the_site_and_its_anchor(
    series: Path, invoke: Invoke, base_url: str
) -> None:
    folder = exported_site(series, invoke, base_url)
    site = Site(folder.as_uri() + "/", base_url)
    broken, kinds = [], set()
    for path in sorted(folder.glob("*.html")):
        links = html_links(parse_html(path.read_bytes()))
        kinds |= {kind for kind, _ in links}
        if base_url:  # each page, an index as a post, names its own address, for a share too
            named = [url for kind, url in links if kind in ("link rel=canonical", "meta og:url")]
            own = "" if path.name == "index.html" else path.name  # the folder's own page
            assert named == [base_url + own] * 2, path.name
        broken += broken_links(site, path.as_uri(), links)
        # Every page names the feed to a browser or a feed reader's "subscribe".
        alternates = [
            element.get("href")
            for element in parse_html(path.read_bytes()).iter("link")
            if element.get("rel") == "alternate" and element.get("type") == FEED_TYPE
        ]
        assert alternates == ["feed.xml"], path.name
    feed = folder / "feed.xml"
    links = feed_links(ET.parse(feed).getroot(), feed.as_uri())
    kinds |= {kind for kind, _ in links}
    broken += broken_links(site, feed.as_uri(), links)
    assert broken == []
    # The crawl met each kind of link a site has (a crawl that met none proves nothing).
    expected = {
        "a rel=prev", "a rel=next", "a", "img", "link rel=alternate", "meta og:image",
        "content a", "content img", "feed link rel=self", "entry link rel=alternate",
    }  # fmt: skip
    if base_url:
        expected |= {"link rel=canonical", "meta og:url", "json-ld url", "json-ld image"}
    assert expected <= kinds, expected - kinds
    index = parse_html((folder / "index.html").read_bytes())
    assert "feed.xml" in [a.get("href") for a in index.iter("a")]  # a reader sees it too


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """The folder served over HTTP on the loopback, as a host's web server would; its address."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, b""


@pytest.mark.parametrize("base_url", [BASE, ""], ids=["base_url", "no-base_url"])
def test_a_web_server_serves_every_page_file_and_address_the_site_links(
    series: Path, invoke: Invoke, base_url: str
) -> None:
    """From the home page (and the sitemap, which no page links), a crawler reaches every
    file of the site, and no link, of a page, of the feed or of the sitemap, is a 404."""
    folder = exported_site(series, invoke, base_url)
    with served(folder) as address:
        site = Site(address, base_url)
        todo = [address, address + "sitemap.xml"] if base_url else [address]
        seen: set[str] = set()
        missing = []
        while todo and len(seen) < 200:  # the site has a few dozen addresses
            url = todo.pop()
            if url in seen:
                continue
            seen.add(url)
            status, body = fetch(url)
            if status != 200:
                missing.append(f"{url}: {status}")
                continue
            path = urlsplit(url).path
            if path.endswith(".xml"):
                root = ET.fromstring(body)
                links = feed_links(root, url) if root.tag == f"{ATOM}feed" else []
                links += [("loc", loc.text or "") for loc in root.iter(f"{SITEMAP}loc")]
            elif path.endswith(("/", ".html")):
                links = html_links(parse_html(body))
            else:
                links = []  # a photo
            for _, link in links:
                local = site.local(urljoin(url, link))
                if local is not None:
                    todo.append(local.partition("#")[0])
    assert missing == []
    assert not todo
    reached = {unquote(urlsplit(url).path.lstrip("/")) or "index.html" for url in seen}
    written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert reached == written - {".jeudis-manifest.json"}


def one(element: ET.Element, name: str) -> ET.Element:
    """The one child ``atom:NAME`` of ``element`` (RFC 4287 says which are one, no more)."""
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, (element.tag, name, len(found))
    return found[0]


def moment(element: ET.Element) -> dt.datetime:
    """An Atom date (RFC 4287 3.3): an RFC 3339 date-time, with its offset."""
    text = element.text or ""
    assert RFC3339.fullmatch(text), (element.tag, text)
    return dt.datetime.fromisoformat(text.upper())


# The posts the site publishes, newest first: not the draft, nor the one to come.
PUBLISHED = ("paul", "elise-garnier", "mathieu-durand", "claire-fontaine", "amelie-roux")


@pytest.mark.parametrize("base_url", [BASE, ""], ids=["base_url", "no-base_url"])
def test_the_feed_is_atom_as_rfc_4287_says(series: Path, invoke: Invoke, base_url: str) -> None:
    folder = exported_site(series, invoke, base_url)
    feed = ET.parse(folder / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(PUBLISHED)
    for element in [feed, *entries]:
        for name in ("id", "title", "updated"):
            assert (one(element, name).text or "").strip()
        assert urlsplit(one(element, "id").text).scheme == "urn"  # an IRI, absolute (4.2.6)
        for name in ("published", "rights", "summary", "content", "subtitle"):
            assert len(element.findall(f"{ATOM}{name}")) <= 1, name
    assert len({one(entry, "id").text for entry in entries}) == len(entries)
    # 4.1.1: the feed's author (see below), and each entry its own, with a name.
    for element in [feed, *entries]:
        names = [author.findtext(f"{ATOM}name") for author in element.findall(f"{ATOM}author")]
        assert len(names) == 1 and names[0], one(element, "title").text
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1  # 4.1.1: "SHOULD"
    for entry in entries:
        published, updated = moment(one(entry, "published")), moment(one(entry, "updated"))
        assert published <= updated <= moment(one(feed, "updated"))
        # One alternate link per type (4.1.1), to the post's page.
        [page] = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]  # fmt: skip
        assert page.get("type") == "text/html"
        content = one(entry, "content")
        assert content.get("type") == "html"
        # Escaped HTML (4.1.3.3) that parses as HTML once unescaped (ElementTree did that).
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        parser.parseFragment(content.text or "")
        assert "<article" in (content.text or "")
    if base_url:
        # Absolute once xml:base applies: the links read the same from wherever the
        # feed is read (an aggregator's copy), and the feed names its own address.
        assert feed_links(feed, "https://aggregator.example/x/feed") == feed_links(
            feed, (folder / "feed.xml").as_uri()
        )
        assert ("feed link rel=self", f"{BASE}feed.xml") in feed_links(feed, "about:blank")


def test_a_feed_with_no_entry_yet_names_its_author(series: Path, invoke: Invoke) -> None:
    """A new series whose first interview is to come: its feed has no entry to name an
    author, and RFC 4287 (4.1.1) wants the feed's own then: the W3C Feed Validation
    Service said "Missing feed element: author". The series' host, else its blog."""
    make_interview(series, "a-venir", date=dt.date.today() + dt.timedelta(days=30))
    settings = series / "jeudis.toml"
    names = []
    for text in ('blog = "Le carnet"\nhost = "Marc d\'Alembert"\n', 'blog = "Le carnet"\n'):
        settings.write_text(text, encoding="utf-8")
        assert invoke("export", "--all").exit_code == 0
        feed = ET.parse(series / "site" / "feed.xml").getroot()
        assert feed.findall(f"{ATOM}entry") == []
        names += [author.findtext(f"{ATOM}name") for author in feed.findall(f"{ATOM}author")]
    assert names == ["Marc d’Alembert", "Le carnet"]  # with the posts' typography


@pytest.mark.parametrize("base_url", [BASE, ""], ids=["base_url", "no-base_url"])
def test_a_feed_reader_reads_the_feed_whole(series: Path, invoke: Invoke, base_url: str) -> None:
    """feedparser, the feed library Python's readers use, fetches the feed from the web
    server: it reads it as Atom 1.0 with no "bozo" (its flag for a feed it had to guess
    at), each entry leading to its page, and the photo's link in the content to the
    site's. A question's number is plain text, as a fragment pasted in a blog has it."""
    folder = exported_site(series, invoke, base_url)
    with served(folder) as address:
        parsed = feedparser.parse(address + "feed.xml")
    home = base_url or address
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [home + "feed.xml"]
    assert [entry.link for entry in parsed.entries] == [f"{home}{slug}.html" for slug in PUBLISHED]
    for entry in parsed.entries:
        [content] = entry.content
        assert content.type == "text/html"
        assert 'class="anchor"' not in content.value and "#q-" not in content.value
    photo = f'src="{home}images/Paul%20%232%20%28%C3%A9t%C3%A9%29.png"'
    assert photo in parsed.entries[0].content[0].value


def test_the_sitemap_is_one_as_sitemaps_org_says(series: Path, invoke: Invoke) -> None:
    folder = exported_site(series, invoke, BASE)
    raw = (folder / "sitemap.xml").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="utf-8"?>')  # UTF-8, said so
    root = ET.fromstring(raw)
    assert root.tag == f"{SITEMAP}urlset"
    assert 0 < len(root) <= 50_000 and len(raw) <= 50 * 1024 * 1024
    locs = []
    for url in root:
        assert url.tag == f"{SITEMAP}url"
        assert {child.tag for child in url} <= {f"{SITEMAP}{name}" for name in ("loc", "lastmod")}
        loc = one_of(url, "loc")
        # Absolute, under the sitemap's own folder, escaped (ASCII), under 2,048 characters.
        assert loc.startswith(BASE) and urlsplit(loc).netloc, loc
        assert loc.isascii() and " " not in loc and len(loc) < 2048, loc
        lastmod = url.findall(f"{SITEMAP}lastmod")
        assert len(lastmod) <= 1
        for date in lastmod:
            assert W3C_DATETIME.fullmatch(date.text or ""), date.text
        locs.append(loc)
    assert len(set(locs)) == len(locs)
    indexes = ("", "index-livre.html", "index-twitter.html")  # index.html: the folder's
    assert set(locs) == {BASE + name for name in (*indexes, *(f"{s}.html" for s in PUBLISHED))}


def one_of(url: ET.Element, name: str) -> str:
    found = url.findall(f"{SITEMAP}{name}")
    assert len(found) == 1, (name, len(found))
    return found[0].text or ""
