"""Front matter for each static site generator, with every string quoted safely.

Strings are written as double-quoted scalars whose escapes both YAML and TOML
read the same way (``\\"``, ``\\\\``, ``\\n``, ``\\u`` with four hex digits), so a French title
with ``": "``, a name with quotes, or an answer holding ``---`` or ``+++`` lines
parses back to the same text and never closes the block early.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote as url_quote

from jeudis.errors import clip
from jeudis.export import generators
from jeudis.export.bidi import isolated_text
from jeudis.export.model import Post
from jeudis.export.pymd_lists import for_python_markdown
from jeudis.wording import right_to_left

FLAVORS = ("hugo", "jekyll", "zola", "pelican", "mkdocs")
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote(text: str) -> str:
    """A double-quoted string that YAML 1.1/1.2 and TOML 1.0 all read back unchanged."""
    out = ['"']
    for char in text:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif _needs_escape(char):
            code = ord(char)
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _needs_escape(char: str) -> bool:
    category = unicodedata.category(char)
    # Controls, line/paragraph separators, format characters (BOM, bidi marks):
    # invisible, or read as line breaks by some parsers.
    return category in ("Cc", "Zl", "Zp", "Cf", "Cs", "Co", "Cn")


def quote_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(quote(item) for item in items) + "]"


def one_line(text: str) -> str:
    """For Pelican's ``Key: value`` metadata: one line, no control characters.

    Only spaces fold: a no-break space is French typography (``auteur\u00a0:``). Unicode's
    isolates around a guest's name stay (:func:`jeudis.export.bidi.isolated_text`).
    """
    cleaned = "".join(" " if _needs_escape(c) and c not in _ISOLATES else c for c in text)
    return _SPACES.sub(" ", cleaned).strip(" ")


_SPACES = re.compile(" {2,}")
_ISOLATES = frozenset("\u2068\u2069")


def html_text(text: str) -> str:
    """Text for a generator whose themes put front matter into pages as HTML (MkDocs)."""
    return html.escape(text, quote=True)


_OPENING_QUOTE = re.compile(r'(^|[\s(\[{«\u2014\u2013-])"')


def pelican_text(text: str) -> str:
    """Text for Pelican's metadata, which its themes put into pages as HTML.

    Escaping is not enough there: the default theme also writes the title through
    ``striptags`` (in ``<title>`` and in a ``title="…"`` attribute), and that filter
    unescapes, so a ``"`` or a ``<`` would come back as markup. Straight quotes
    become curly ones and ``<`` becomes ``‹``; the rest is escaped.
    """
    curly = _OPENING_QUOTE.sub("\\1\u201c", text).replace('"', "\u201d")
    return one_line(html.escape(curly.replace("<", "\u2039"), quote=False))


@dataclass(frozen=True)
class Flavor:
    name: str
    head: Callable[[Page], str]  # the front matter of a post or a page
    divider: str  # the excerpt divider placed after the intro ("" for none)
    file_name: Callable[[Dated], str]
    folder: str  # where `--all` puts the posts, inside the output folder
    # The body written so the generator runs nothing in it (jeudis.export.generators).
    guard: Callable[[str], str] = str
    # Each answer, the intro and the closing words written as the generator reads
    # Markdown, where it reads CommonMark otherwise (jeudis.export.pymd_lists).
    dialect: Callable[[str], str] = str
    static: str = ""  # where `--all` copies a photo (its path kept), inside the output folder
    link: str = ""  # what a post puts before that path to show the photo
    # The front matter's photo from the site's root, which the generator's themes put
    # under the site's base address themselves (jekyll-seo-tag's absolute_url, Zola's
    # get_url); Hugo's absURL takes an address from the root as the host's.
    front_from_root: bool = False
    label: str = ""  # the generator's name, as its users write it
    # Where the generator writes a photo's address as its file is named, not quoted.
    unquoted: str = ""
    # A link from a post of the site (a roundup) to an interview's post, as the
    # generator resolves one to a file of its own: None, a page's address instead.
    ref: Callable[[Dated], str] | None = None

    def render(self, post: Post, divider: str = "<!--more-->") -> str:
        """An interview post's front matter; ``divider``: Jekyll's excerpt separator."""
        return self.head(page_of(post, divider))

    def photo_file(self, photo: str) -> str:
        """Where, inside the output folder, `--all` copies a photo from the series."""
        return f"{self.static}/{photo}" if self.static else photo

    def photo_warning(self, slug: str, photo: str) -> str | None:
        """Why a photo of the series, named with a "#" or a "?", will not show, or None.

        The post links it quoted for a URL (``Paul%20%232.jpg``); a generator that
        writes the address as the file is named again (:attr:`unquoted`) ends it at
        the "#", and no name jeudis could write gets round it: the file's can.
        """
        if not self.unquoted or not any(char in photo for char in "#?"):
            return None
        return (
            f'warning: {slug}: photo {clip(photo)}: {self.unquoted}, and a "#" or a "?"'
            " ends it: name the file without them for it to show"
        )


@dataclass(frozen=True)
class Page:
    """What a front matter says: of an interview's post (:func:`page_of`), or of a post
    of the site that is no interview (a roundup of their answers), in the same fields
    and formats."""

    title_text: str  # with typography, as a post's title_text
    date: dt.date
    published: dt.datetime
    slug: str
    series: str  # its category
    description: str  # with typography: themes and feeds show it, as the index does
    language: str
    host: str = ""
    tags: tuple[str, ...] = ()
    guest: str | None = None  # an interview's: a field of its own
    photo: str = ""
    draft: bool = False
    summary: str | None = None  # Pelican's; None: the description, its markup made inert
    excerpt_separator: str = ""  # Jekyll's, for a post with an excerpt
    locale: str = ""  # Open Graph's "fr_FR", which jekyll-seo-tag reads (else the bare "fr")
    # Changed a later day than published: the generator's sitemap and feeds say so.
    modified: dt.datetime | None = None
    former_slugs: tuple[str, ...] = ()  # its names before a rename: Hugo's and Zola's aliases


def page_of(post: Post, divider: str = "<!--more-->") -> Page:
    """An interview post's front matter."""
    return Page(
        # A theme puts it in <title>, where no <bdi> can set the guest's name apart.
        title_text=isolated_text(post.title_text, post.guest_text, right_to_left(post.language)),
        date=post.date,
        published=post.published,
        slug=post.slug,
        series=post.series,
        description=post.description_text,
        language=post.language,
        host=post.host,
        tags=tuple(post.tags),
        guest=post.guest,
        photo=post.photo,
        draft=post.draft,
        summary=_pelican_summary(post),
        excerpt_separator=divider,
        locale=post.locale,
        modified=post.updated if post.updated.date() > post.published.date() else None,
        former_slugs=post.former_slugs,
    )


def page_front_matter(name: str | None, page: Page) -> str:
    """The front matter of ``page`` for the flavor ``name`` (None: plain YAML)."""
    return flavor(name).head(page)


def _categories(page: Page) -> list[str]:
    return [page.series] if page.series else []


def _guest(page: Page, line: str) -> list[str]:
    return [line.format(quote(page.guest))] if page.guest is not None else []


def _author(page: Page, line: str) -> list[str]:
    """The host's line; none for a series with no host named, where ``author = ""``
    named no one (the generator's own setting, if any, names the author then)."""
    return [line.format(quote(page.host))] if page.host.strip() else []


def _utc(moment: dt.datetime, form: str) -> str:
    return moment.astimezone(dt.UTC).strftime(form)


def _modified(page: Page, line: str) -> list[str]:
    """Hugo's ``lastmod``, Zola's ``updated``: a post changed a later day than published."""
    return [line.format(_utc(page.modified, "%Y-%m-%dT%H:%M:%SZ"))] if page.modified else []


def _yaml(page: Page) -> str:
    lines = [
        "---",
        f"title: {quote(page.title_text)}",
        f"date: {page.date.isoformat()}",
        f"slug: {quote(page.slug)}",
        f"categories: {quote_list(_categories(page))}",
        f"tags: {quote_list(page.tags)}",
        f"description: {quote(page.description)}",
        *_author(page, "author: {}"),
        *_guest(page, "guest: {}"),
        f"lang: {quote(page.language)}",
    ]
    if page.photo:
        lines.append(f"image: {quote(page.photo)}")
    if page.draft:
        lines.append("draft: true")
    lines.append("---")
    return "\n".join(lines)


def _jekyll(page: Page) -> str:
    stamp = page.published.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S +0000")
    lines = [
        "---",
        "layout: post",
        f"title: {quote(page.title_text)}",
        f"date: {stamp}",
        f"slug: {quote(page.slug)}",
        f"categories: {quote_list(_categories(page))}",
        f"tags: {quote_list(page.tags)}",
        f"description: {quote(page.description)}",
        *_author(page, "author: {}"),
        *_guest(page, "guest: {}"),
        f"lang: {quote(page.language)}",
    ]
    if page.modified is not None:  # jekyll-seo-tag's and jekyll-sitemap's
        lines.append(f"last_modified_at: {_utc(page.modified, '%Y-%m-%d %H:%M:%S +0000')}")
    if page.locale:
        lines.append(f"locale: {quote(page.locale)}")
    if page.excerpt_separator:
        lines.append(f"excerpt_separator: {quote(page.excerpt_separator)}")
    if page.photo:
        lines.append(f"image: {quote(page.photo)}")
    if page.draft:
        lines.append("published: false")
    lines.append("---")
    return "\n".join(lines)


def _hugo(page: Page) -> str:
    lines = [
        "+++",
        f"title = {quote(page.title_text)}",
        f"date = {page.published.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%SZ}",
        *_modified(page, "lastmod = {}"),
        f"slug = {quote(page.slug)}",
        f"draft = {'true' if page.draft else 'false'}",
        f"categories = {quote_list(_categories(page))}",
        f"tags = {quote_list(page.tags)}",
        f"description = {quote(page.description)}",
        *_author(page, "author = {}"),
        *_guest(page, "guest = {}"),
    ]
    if page.photo:
        lines.append(f"images = {quote_list([page.photo])}")
    if page.former_slugs:
        # Relative: each an address beside the post's in its section (/posts/old-name/),
        # which Hugo makes a page leading to the post.
        lines.append(f"aliases = {quote_list(list(page.former_slugs))}")
    lines.append("+++")
    return "\n".join(lines)


def _zola(page: Page) -> str:
    # The host in `authors`, which Zola reads (its feed named every post's author
    # "Unknown"); in `[extra]` too, for the themes that read it there.
    lines = [
        "+++",
        f"title = {quote(page.title_text)}",
        f"date = {page.published.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%SZ}",
        *_modified(page, "updated = {}"),
        f"slug = {quote(page.slug)}",
        f"description = {quote(page.description)}",
        *_author(page, "authors = [{}]"),
        f"draft = {'true' if page.draft else 'false'}",
        *_zola_aliases(page),
        "",
        "[taxonomies]",
        f"categories = {quote_list(_categories(page))}",
        f"tags = {quote_list(page.tags)}",
        "",
        "[extra]",
        *_author(page, "author = {}"),
        *_guest(page, "guest = {}"),
    ]
    if page.photo:
        lines.append(f"image = {quote(page.photo)}")
    lines.append("+++")
    return "\n".join(lines)


def _zola_aliases(page: Page) -> list[str]:
    """Zola's ``aliases``, where it makes a page leading to the post: each from the site's
    root, where a post of ``content/`` is (``/old-name/``), as its ``@/`` links say."""
    if not page.former_slugs:
        return []
    return [f"aliases = {quote_list([f'{slug}/' for slug in page.former_slugs])}"]


def _pelican(page: Page) -> str:
    from jeudis.export.cleaning import inline_text

    text = pelican_text
    summary = page.summary
    if summary is None:
        summary = inline_text(pelican_text(page.description))
    lines = [
        f"Title: {text(page.title_text)}",
        # With its offset: Pelican reads a date without one in the site's time zone.
        f"Date: {page.published.astimezone(dt.UTC):%Y-%m-%d %H:%M}+00:00",
        *([f"Modified: {_utc(page.modified, '%Y-%m-%d %H:%M')}+00:00"] if page.modified else []),
        f"Slug: {one_line(page.slug)}",
        f"Category: {text(page.series)}",
        "Tags: " + ", ".join(text(t).replace(",", " ") for t in page.tags),
        *([f"Authors: {text(page.host).replace(',', ' ')}"] if page.host.strip() else []),
        f"Summary: {summary}",
        f"Lang: {one_line(page.language)}",
        f"Status: {'draft' if page.draft else 'published'}",
    ]
    if page.photo:
        # Pelican resolves {static} in the body only: a theme reads this field as a
        # path from the site's root ({{ SITEURL }}/{{ article.image }}).
        lines.append(f"Image: {one_line(page.photo.removeprefix('{static}/'))}")
    return "\n".join(lines)


# A quote in an intro's HTML, opening a quotation: after a space, a bracket, a dash or a tag.
_OPENING_QUOTE_REF = re.compile(r"(^|[\s(\[{«\u2014\u2013>-])&quot;")
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _pelican_summary(post: Post) -> str:
    """What Pelican's list pages show of a post: the intro, its bold and links kept, as
    Hugo, Jekyll and MkDocs show the text before the excerpt divider.

    Pelican renders ``Summary`` as Markdown, which keeps a line of HTML opening on a
    block element as it is: the intro's HTML (sanitized, with the post's typography),
    on one line. A line break after a tag is a space (text between two blocks would
    be a paragraph of Markdown), any other a character reference (``&#10;``, kept in
    code). Its
    quotes are curly, as in :func:`pelican_text`: a theme writing the summary into an
    attribute through ``striptags`` unescapes them. Without an intro, the description,
    its markup made inert.
    """
    from jeudis.export.cleaning import inline_text

    if not post.intro_html:
        return inline_text(pelican_text(post.description_text))
    curly = _OPENING_QUOTE_REF.sub("\\1\u201c", post.intro_html.strip()).replace("&quot;", "\u201d")
    line = curly.replace(">\n", "> ")
    return _LINE_BREAKING.sub(lambda m: f"&#{ord(m.group())};", line)


def _mkdocs(page: Page) -> str:
    # MkDocs's themes write titles and descriptions as HTML: escaped here.
    lines = [
        "---",
        f"title: {quote(html_text(page.title_text))}",
        f"description: {quote(html_text(page.description))}",
        *_material_date(page),
        f"slug: {quote(page.slug)}",
        f"categories: {quote_list([html_text(c) for c in _categories(page)])}",
        f"tags: {quote_list([html_text(t) for t in page.tags])}",
    ]
    if page.draft:
        lines.append("draft: true")
    lines.append("---")
    return "\n".join(lines)


def _material_date(page: Page) -> list[str]:
    """Material's ``date``; with its ``updated``, a post changed a later day than
    published (as Hugo's ``lastmod``), which its post page shows."""
    if page.modified is None:
        return [f"date: {page.date.isoformat()}"]
    return [
        "date:",
        f"  created: {page.date.isoformat()}",
        f"  updated: {page.modified.astimezone(dt.UTC).date().isoformat()}",
    ]


class Dated(Protocol):
    """What a post's file name is made of (a post, or a site's entry before it is read)."""

    @property
    def slug(self) -> str: ...

    @property
    def date(self) -> dt.date: ...


def _plain_name(post: Dated) -> str:
    return f"{post.slug}.md"


def _jekyll_name(post: Dated) -> str:
    return f"{post.date.isoformat()}-{post.slug}.md"


# Links to a post as each generator resolves them to the post's file, wherever its
# configuration puts the post's page (its permalinks), and checks them when it builds:
# a post exported with `--all` into the flavor's folder, from a post beside it.


def _hugo_ref(post: Dated) -> str:
    """Hugo's ``relref``: by the file's name, from the page's folder, else the site's;
    quoted for a URL, which it reads (a "#" would start an anchor)."""
    return '{{< relref "' + url_quote(_plain_name(post)) + '" >}}'


def _jekyll_ref(post: Dated) -> str:
    return "{% post_url " + _jekyll_name(post).removesuffix(".md") + " %}"


def _zola_ref(post: Dated) -> str:
    return "@/" + url_quote(_plain_name(post))  # from content/, where `--all` puts the posts


def _pelican_ref(post: Dated) -> str:
    return "{filename}/" + url_quote(_plain_name(post))  # from content/, as for Zola


def _mkdocs_ref(post: Dated) -> str:
    return url_quote(_plain_name(post))  # a file beside the linking one: blog/posts/


# Photos go where each generator copies static files as they are, and posts link to
# them from the site's root (Hugo, Jekyll, Zola: under base_url's path, a site served
# from https://example.org/blog/), with Pelican's {static} link, or relative to the
# post's own file (MkDocs checks those links).
FLAVOR_TABLE: dict[str | None, Flavor] = {
    None: Flavor("yaml", _yaml, "", _plain_name, ""),
    "hugo": Flavor(
        "hugo",
        _hugo,
        divider="<!--more-->",
        file_name=_plain_name,
        folder="content/posts",
        guard=generators.hugo,
        static="static",
        link="/",
        label="Hugo",
        ref=_hugo_ref,
    ),
    "jekyll": Flavor(
        "jekyll",
        _jekyll,
        divider="<!--more-->",
        file_name=_jekyll_name,
        folder="_posts",
        guard=generators.jekyll,
        static="",
        link="/",
        front_from_root=True,
        label="Jekyll",
        ref=_jekyll_ref,
        unquoted="jekyll-seo-tag unquotes its address in og:image, a share's picture",
    ),
    "zola": Flavor(
        "zola",
        _zola,
        divider="<!-- more -->",
        file_name=_plain_name,
        folder="content",
        guard=generators.zola,
        static="static",
        link="/",
        front_from_root=True,
        label="Zola",
        ref=_zola_ref,
    ),
    "pelican": Flavor(
        "pelican",
        _pelican,
        divider="",
        file_name=_plain_name,
        folder="content",
        guard=generators.python_markdown,
        dialect=for_python_markdown,
        static="content",
        link="{static}/",
        label="Pelican",
        ref=_pelican_ref,
        unquoted="Pelican writes the address of a {static} file unquoted",
    ),
    "mkdocs": Flavor(
        "mkdocs",
        _mkdocs,
        divider="<!-- more -->",
        file_name=_plain_name,
        folder="docs/blog/posts",
        guard=generators.python_markdown,
        dialect=for_python_markdown,
        static="docs",
        link="../../",
        label="MkDocs",
        ref=_mkdocs_ref,
    ),
}

_SLUG_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")


def flavor(name: str | None) -> Flavor:
    return FLAVOR_TABLE[name]
