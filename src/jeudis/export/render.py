"""One post, or several, rendered: a standalone HTML page, a fragment, Markdown, WXR."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, overload
from urllib.parse import urlsplit

from markupsafe import escape

from jeudis.errors import clip
from jeudis.export import generators
from jeudis.export.bidi import isolated_text
from jeudis.export.frontmatter import Flavor
from jeudis.export.frontmatter import flavor as get_flavor
from jeudis.export.markup import keyboard_scrolled
from jeudis.export.model import Post, page_href
from jeudis.export.typography import fix_text, label_colon, variant_for
from jeudis.wording import primary_language, right_to_left

# The words around an interview, in each language a post is written in: French,
# English, German, Spanish, Italian, Dutch, Portuguese (any region). Any other
# language's post reads English's.
WORDS = {
    "fr": {
        "draft": "Brouillon",
        "previous": "Interview précédente",
        "next": "Interview suivante",
        "index": "Toutes les interviews",
        "read": "Lire l’interview",
        "by": "par",
        "site": "Site",
        "feed": "Flux Atom",
        "interviews": "Interviews",
        "none": "Aucune interview publiée pour l’instant.",
        "twitter": "Twitter",
    },
    "en": {
        "draft": "Draft",
        "previous": "Previous interview",
        "next": "Next interview",
        "index": "All interviews",
        "read": "Read the interview",
        "by": "by",
        "site": "Website",
        "feed": "Atom feed",
        "interviews": "Interviews",
        "none": "No interview published yet.",
        "twitter": "Twitter",
    },
    "de": {
        "draft": "Entwurf",
        "previous": "Vorheriges Interview",
        "next": "Nächstes Interview",
        "index": "Alle Interviews",
        "read": "Zum Interview",
        "by": "von",
        "site": "Website",
        "feed": "Atom-Feed",
        "interviews": "Interviews",
        "none": "Noch kein Interview veröffentlicht.",
        "twitter": "Twitter",
    },
    "es": {
        "draft": "Borrador",
        "previous": "Entrevista anterior",
        "next": "Entrevista siguiente",
        "index": "Todas las entrevistas",
        "read": "Leer la entrevista",
        "by": "por",
        "site": "Sitio web",
        "feed": "Feed Atom",
        "interviews": "Entrevistas",
        "none": "Todavía no hay ninguna entrevista publicada.",
        "twitter": "Twitter",
    },
    "it": {
        "draft": "Bozza",
        "previous": "Intervista precedente",
        "next": "Intervista successiva",
        "index": "Tutte le interviste",
        "read": "Leggi l’intervista",
        "by": "di",
        "site": "Sito web",
        "feed": "Feed Atom",
        "interviews": "Interviste",
        "none": "Ancora nessuna intervista pubblicata.",
        "twitter": "Twitter",
    },
    "nl": {
        "draft": "Concept",
        "previous": "Vorig interview",
        "next": "Volgend interview",
        "index": "Alle interviews",
        "read": "Lees het interview",
        "by": "door",
        "site": "Website",
        "feed": "Atom-feed",
        "interviews": "Interviews",
        "none": "Nog geen interview gepubliceerd.",
        "twitter": "Twitter",
    },
    "pt": {
        "draft": "Rascunho",
        "previous": "Entrevista anterior",
        "next": "Entrevista seguinte",
        "index": "Todas as entrevistas",
        "read": "Ler a entrevista",
        "by": "por",
        "site": "Site",
        "feed": "Feed Atom",
        "interviews": "Entrevistas",
        "none": "Ainda não há entrevistas publicadas.",
        "twitter": "Twitter",
    },
}
# Characters XML 1.0 forbids anywhere, CDATA included.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK_END = re.compile(
    r"(</(?:p|h[1-6]|section|ul|ol|li|blockquote|figure|header|footer|div|table|tr|nav)>)"
)
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)
_FENCE = re.compile(r"(^(?:```|~~~).*?^(?:```|~~~)[ \t]*$)", re.MULTILINE | re.DOTALL)


@dataclass
class SiteInfo:
    """Series-wide values every template receives as ``site``."""

    root: Path | None
    blog: str = ""
    base_url: str = ""
    description: str = ""
    language: str = "fr"
    host: str = ""
    host_text: str = ""  # the host's name with typography: the feed's author
    typography: str = "off"  # the site's: fr, fr-CA, fr-CH, off
    author_url: str = ""
    index_href: str = "index.html"
    feed_href: str = ""
    # Each questionnaire's index page, when the site has one per questionnaire.
    indexes: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=lambda: words_for("fr"))

    @classmethod
    def from_settings(cls, root: Path | None, settings: dict[str, Any]) -> SiteInfo:
        language = str(settings.get("language") or "fr")
        variant = variant_for(language, settings.get("typography"))
        return cls(
            root=root,
            blog=str(settings.get("blog") or ""),
            base_url=str(settings.get("base_url") or "").rstrip("/"),
            description=str(settings.get("description") or ""),
            language=language,
            host=str(settings.get("host") or ""),
            host_text=fix_text(str(settings.get("host") or ""), variant),
            typography=variant,
            author_url=str(settings.get("author_url") or ""),
            words=words_for(language, variant),
        )

    def url(self, href: str) -> str:
        """``href``'s address at base_url; the site's index is the folder's own
        (``…/blog/``, as servers give it and search engines list it, not ``…/index.html``)."""
        if not self.base_url:
            return ""
        return f"{self.base_url}/" if href == "index.html" else f"{self.base_url}/{href}"

    def place(self, post: Post) -> None:
        """Where the post's page lives in the site, its index, and its photo's URL from anywhere.

        Open Graph, JSON-LD and a fragment pasted into a CMS need the photo's
        absolute URL; the site's own pages keep the relative path (``file://``).
        The index a post links is the one listing its questionnaire's interviews.
        """
        post.href = page_href(post.slug)
        post.url = self.url(post.href)
        post.index_href = self.indexes.get(post.questionnaire, self.index_href)
        href = post.photo_href
        post.photo_url = (self.url(href) or href) if post.local_photo else post.photo


def words_for(language: str, variant: str = "off") -> dict[str, str]:
    """The words around an interview in a language (English for one jeudis writes no posts in).

    ``colon`` follows a label (``Site :``, ``Website:``), spaced as ``variant`` says.
    """
    words = dict(WORDS.get(primary_language(language), WORDS["en"]))
    words["colon"] = label_colon(language, variant)
    return words


def post_words(post: Post) -> dict[str, str]:
    """A post's page speaks the post's language, whatever the series' is."""
    return words_for(post.language, post.typography)


def json_ld(post: Post, site: SiteInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": isolated_text(post.title, post.guest, right_to_left(post.language)),
        "description": post.description,
        "inLanguage": post.language,
        "datePublished": post.published.isoformat(),
        "dateModified": post.updated.isoformat(),
        "about": {"@type": "Person", "name": post.guest},
        "isPartOf": {"@type": "CreativeWorkSeries", "name": post.series or site.blog},
    }
    if post.site:
        data["about"]["url"] = post.site
    if post.profiles:
        data["about"]["sameAs"] = [url for _, _, url in post.profiles]
    if post.host:
        data["author"] = {"@type": "Person", "name": post.host}
        if site.author_url:
            data["author"]["url"] = site.author_url
    if post.photo:
        data["image"] = post.photo_url or post.photo_href
    if post.url:
        data["url"] = post.url
        data["mainEntityOfPage"] = post.url
    return data


def one_line_paragraphs(html: str) -> str:
    """No line break inside a paragraph (WordPress's wpautop would add ``<br>``).

    Lines end only after block elements; ``<pre>`` keeps its own.
    """
    parts = _PRE.split(html)
    for index in range(0, len(parts), 2):
        flat = " ".join(parts[index].split("\n"))
        flat = re.sub(r">\s+<", "> <", flat)
        parts[index] = _BLOCK_END.sub("\\1\n", flat).replace("\n ", "\n")
    return "".join(parts).strip() + "\n"


def xml_clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def page(post: Post, site: SiteInfo, *, template: str = "post.html") -> str:
    from jeudis.export.templating import render

    return keyboard_scrolled(
        render(
            site.root,
            template,
            post=post,
            site=site,
            words=post_words(post),
            jsonld=json_ld(post, site),
        )
    )


def redirect_page(post: Post, site: SiteInfo) -> str:
    """A page at a post's former address, leading to the post: at once (a refresh, which
    search engines take for a move), or by its link."""
    href = escape(post.href or post.page_file)
    canonical = escape(post.url or post.href or post.page_file)
    title = escape(isolated_text(post.title_text, post.guest_text, right_to_left(post.language)))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(post.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'</head>\n<body>\n<p><a href="{href}">{title}</a></p>\n</body>\n</html>\n'
    )


def fragment(post: Post, site: SiteInfo, *, wordpress: bool = False, feed: bool = False) -> str:
    """The post's body for a CMS (``--fragment``, ``--wordpress``, WXR) or a feed.

    Pasted into a CMS, its ids are its own (``amelie-roux-q-3``): a blog's home or
    category page shows several posts in full, and two ``q-3`` there would send a
    question's link to another post's. A feed entry's links lead to the site's
    page (its ``xml:base``), whose ids are the plain ``q-3``. A feed keeps its
    ``[`` (see :func:`for_cms`).
    """
    from jeudis.export.templating import render
    from jeudis.storage import slugify

    prefix = "" if feed else f"{slugify(post.slug)}-"
    html = one_line_paragraphs(
        render(
            site.root,
            "fragment.html",
            post=post,
            site=site,
            words=post_words(post),
            id_prefix=prefix,
        )
    )
    return html if feed else for_cms(html, wordpress=wordpress)


def for_cms(html: str, *, wordpress: bool = False) -> str:
    """HTML to paste into a CMS (a fragment, a roundup's): in a ``wp:html`` block for
    ``--wordpress``, every ``[`` written ``&#91;`` (and in the text, but before a blank
    or ``]``, followed by a comment ``<!-- -->``), and the addresses of its text written
    so that WordPress shows them as they are (see :mod:`jeudis.export.wptext`).

    WordPress runs a shortcode wherever a ``[`` opens one (``[gallery]``, ``[embed]``,
    ``[caption]``, a plugin's), in code too, and a guest's brackets are text. Its
    editors write ``&#91;`` back as ``[`` once the post is edited; the comment stays.
    """
    from jeudis.export.wptext import inert_text

    html = inert_text(html)
    if wordpress:
        return f"<!-- wp:html -->\n{html}<!-- /wp:html -->\n"
    return html


def markdown(post: Post, site: SiteInfo, flavor_name: str | None) -> str:
    """The post as Markdown for ``flavor_name``'s generator (None: YAML front matter).

    A photo of the series comes as its path in the series; the post links it here.
    """
    from jeudis.export.templating import render

    flavor = get_flavor(flavor_name)
    post = _footnotes_apart(post)
    if flavor.dialect is not str:
        post = _in_dialect(post, flavor.dialect)
    if flavor.name == "mkdocs":
        post = _guest_links_for_mkdocs(post)
    if post.local_photo:
        # A file of the series, linked where the generator serves it and quoted for a
        # URL (``images/Paul #2.jpg`` ended at its "#"), in the body and the front matter
        # alike: a theme or Hugo's own templates put the field in a page as an address.
        post, front = _photo_linked(post, flavor, site.base_url)
    else:
        front = post
    front_matter = flavor.render(front)
    text = render(
        site.root,
        "post.md",
        post=post,
        site=site,
        front_matter=front_matter,
        divider=DIVIDER if flavor.divider else "",
        flavor=flavor.name,
        words=post_words(post),
    )
    return tidy(guarded(flavor, text, front_matter, lambda divider: flavor.render(front, divider)))


def _photo_linked(post: Post, flavor: Flavor, base_url: str) -> tuple[Post, Post]:
    """The post with its photo's address, for its body and for its front matter.

    From the site's root, the address is under base_url's path: a site served from
    https://example.org/blog/ has its photo at /blog/images/… (it was /images/…, a 404),
    and so has Hugo's front matter; Jekyll's and Zola's themes add that path themselves.
    """
    if flavor.link != "/":
        linked = replace(post, photo=flavor.link + post.photo_href)
        return linked, linked
    under = urlsplit(base_url).path.rstrip("/") + "/"
    body = replace(post, photo=under + post.photo_href)
    return body, replace(post, photo="/" + post.photo_href) if flavor.front_from_root else body


def guarded(flavor: Flavor, text: str, front_matter: str, front_for: Callable[[str], str]) -> str:
    """A Markdown post as a template made it (``front_matter`` in it, :data:`DIVIDER`
    where its excerpt ends) written for ``flavor``'s generator: the front matter is
    data, read as such; the rest is what the generator runs, made inert to it, with
    the flavor's excerpt divider. ``front_for``: the front matter for another divider.
    """
    head, front, tail = text.partition(front_matter)
    divider = flavor.divider
    if divider and (divider in head or divider in tail):
        # A guest's, in code (text escapes its "<"): the generator would cut the excerpt
        # there, mid-block, and Jekyll renders that cut apart, where a link shown as code
        # becomes a link. Jekyll is told another divider; the others' is fixed: the
        # guest's takes a zero-width space, as a generator's syntax does in code.
        if flavor.name == "jekyll":
            divider = _unused_divider(head + tail)
            front = front_for(divider)
        else:
            inert = divider.replace("--", "-" + generators.ZWSP + "-", 1)
            head, tail = head.replace(divider, inert), tail.replace(divider, inert)
    if flavor.name == "jekyll" and DIVIDER in tail:  # Jekyll adds definitions found after it
        before, _, after = tail.partition(DIVIDER)
        tail = before + DIVIDER + generators.jekyll_after_excerpt(after)
    body = flavor.guard(head) + front + flavor.guard(tail)
    return body.replace(DIVIDER, divider)


# Where the template puts the excerpt divider, until the one the post can use is known:
# drawn at random, for no guest to write it (a divider in a guest's code cut the excerpt).
DIVIDER = f"jeudis-excerpt-divider-{secrets.token_hex(8)}"


def _unused_divider(body: str) -> str:
    """An excerpt separator for Jekyll that ``body`` does not hold."""
    return next(d for n in itertools.count(1) if (d := f"<!--more {n}-->") not in body)


def tidy(markdown: str) -> str:
    """A Markdown post as a template made it, without the blank lines its tags left:
    one between two blocks, none around it (code blocks keep theirs)."""
    parts = _FENCE.split(markdown)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(r"\n{3,}", "\n\n", parts[index])
    return "".join(parts).strip("\n") + "\n"


# Code (a fence, a span: left as written), or a footnote's label, referred to or defined.
# A code span ends in its paragraph: a lone backtick is text, and a note after it was
# taken for code, left unlabelled while its definition was labelled (the note lost).
_FOOTNOTE_OR_CODE = re.compile(
    r"(?m)^(`{3,}|~{3,})[\s\S]*?^\1|(`+)(?:[^\n]|\n(?![ \t]*\n))*?\2|\[\^([^\]\s]+)\]"
)


_FOOTNOTE_DEFINED = re.compile(r"(?m)^ {0,3}\[\^([^\]\s]+)\]:")


def _footnotes_apart(post: Post) -> Post:
    """Each answer's footnotes labelled by its place: every answer is Markdown of its
    own, and two with a ``[^1]`` were one note in the post (Hugo's, Pelican's, Jekyll's
    footnotes), the other guest's note lost."""

    def apart(text: str, place: str) -> str:
        if "[^" not in text:
            return text
        # Only a note the answer defines (``[^1]:`` opening a line): text that reads as
        # one elsewhere ("*[^1]: note*") is shown as the guest wrote it.
        defined = set(_FOOTNOTE_DEFINED.findall(text))
        return _FOOTNOTE_OR_CODE.sub(
            lambda m: f"[^{place}-{m.group(3)}]" if m.group(3) in defined else m.group(), text
        )

    items = [
        replace(item, markdown=apart(item.markdown, f"q{n}"))
        for n, item in enumerate(post.items, 1)
    ]
    return replace(
        post,
        items=items,
        intro_markdown=apart(post.intro_markdown, "intro"),
        closing_markdown=apart(post.closing_markdown, "fin"),
    )


def _in_dialect(post: Post, dialect: Callable[[str], str]) -> Post:
    """The post with each answer, its intro and its closing words written by ``dialect``:
    each is Markdown of its own."""
    return replace(
        post,
        items=[replace(item, markdown=dialect(item.markdown)) for item in post.items],
        intro_markdown=dialect(post.intro_markdown),
        closing_markdown=dialect(post.closing_markdown),
    )


def _guest_links_for_mkdocs(post: Post) -> Post:
    """The post with its guest's relative links written as HTML, which MkDocs neither
    checks nor takes for its own files, and no link but CommonMark's left to Python-Markdown
    (see :func:`mkdocs_links.guest_links_for_mkdocs`).
    The host's intro and closing words are the host's: MkDocs reads their links."""
    from jeudis.export.mkdocs_links import guest_links_for_mkdocs

    items = [replace(item, markdown=guest_links_for_mkdocs(item.markdown)) for item in post.items]
    return replace(post, items=items)


def nicename(name: str, language: str = "fr") -> str:
    """The slug WordPress makes of a category's or a tag's name on a site in ``language``
    (``sanitize_title``, see :mod:`jeudis.export.wpslug`): the importer finds the blog's
    own category by it. "Иван" and "李小龙" keep slugs of their own, percent-encoded; a
    name with nothing left ("???") gets ``invite``.
    """
    from jeudis.export.wpslug import sanitize_title
    from jeudis.storage import FALLBACK_SLUG

    return sanitize_title(name, language) or FALLBACK_SLUG


def _login(name: str, language: str = "fr") -> str:
    """A WordPress user name: ASCII letters, digits, ``_`` and dashes only, 60 at most."""
    return nicename(name, language).replace("%", "")[:60].strip("-")


def leave_out_unreachable_photos(
    posts: Iterable[Post], site: SiteInfo, into: str = "the WordPress file"
) -> list[str]:
    """Photos of the series a blog's own CMS cannot show: left out, the host told why.

    WordPress (a WXR import, a pasted fragment) gets the posts' HTML, not the
    series' files: a photo of the series shows only from the site jeudis publishes
    (its address is ``base_url``). With none, the post would link ``images/x.jpg``
    beside its own address: a broken image.
    """
    photos = UnreachablePhotos(site, into)
    for post in posts:
        photos.see(post)
    return photos.notes()


class UnreachablePhotos:
    """:func:`leave_out_unreachable_photos`, a post at a time (:meth:`see`), then what
    to tell the host of them all (:meth:`notes`)."""

    def __init__(self, site: SiteInfo, into: str = "the WordPress file") -> None:
        self.site, self.into = site, into
        self.left_out: list[str] = []
        self.linked = 0
        self.first: Post | None = None

    def see(self, post: Post) -> None:
        if not (photo := post.local_photo):
            return
        if self.site.base_url:
            self.linked += 1
            self.first = self.first or post
            return
        post.photo = post.photo_url = ""
        self.left_out.append(
            f"warning: {post.slug}: photo {clip(photo)} left out of {self.into}: "
            "upload it to the blog's media library, or set base_url in jeudis.toml "
            "to link it from the published site"
        )

    def notes(self) -> list[str]:
        """Where the photos of the series are linked from WordPress: at the base URL,
        where the host may not have thought of putting them (a blog at that address has
        its own media library); or each one left out, and why."""
        first = self.first
        if first is None:
            return self.left_out
        if self.linked == 1:
            said = (
                f"note: {first.slug}: its photo is linked at {first.photo_url}, where it shows"
                f" once {clip(first.local_photo)} is there (with the series site, or uploaded)"
            )
        else:
            said = (
                f"note: {self.linked} photos are linked at the base URL ({first.photo_url}, ...),"
                " where they show once the series' files are there (with its site, or uploaded)"
            )
        return [said]


@dataclass
class WxrHead:
    """What a WordPress file names before its posts: their categories, tags and
    authors, and its date, the last change of one. Gathered from every post before
    the first is written, as the file's head comes first."""

    categories: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    now: dt.datetime | None = None

    def add(self, post: Post, site: SiteInfo) -> None:
        if post.series:
            self.categories.add(post.series)
        self.tags.update(post.tags)
        self.hosts.add(post.host or site.host or "admin")
        self.now = post.updated if self.now is None else max(self.now, post.updated)


def wxr(posts: list[Post], site: SiteInfo) -> str:
    return "".join(wxr_pieces(posts, site))


WXR_PIECE = 1 << 16  # characters: the file is cleaned and written so much at a time


def wxr_pieces(posts: Sequence[Post], site: SiteInfo, head: WxrHead | None = None) -> Iterator[str]:
    """The WordPress file of ``posts``, piece by piece: a post's body is rendered as
    the file reaches it, and held no longer (``posts`` may build each post then
    too), so that a series of ten thousand interviews takes no more memory than
    one of ten. ``head``: what :class:`WxrHead` gathered of them (else gathered here).
    """
    from functools import partial

    from jeudis.export.templating import load, template_errors

    if head is None:
        head = WxrHead()
        for post in posts:
            head.add(post, site)
    template = load(site.root, "wxr.xml")
    named: dict[str, str] = {}  # each name's slug, made once for the head and its posts

    def nice(name: str) -> str:
        if (slug := named.get(name)) is None:
            slug = named[name] = nicename(name, site.language)
        return slug

    context = {
        "posts": posts,
        "bodies": _Bodies(posts, site),
        "site": site,
        "categories": [(c, nice(c)) for c in sorted(head.categories)],
        "tags": [(t, nice(t)) for t in sorted(head.tags)],
        "authors": [(_login(h, site.language), h) for h in sorted(head.hosts)],
        "nicename": nice,
        "login": partial(_login, language=site.language),
        "now": head.now or dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        "rfc822": rfc822,
    }
    pieces: list[str] = []
    size = 0
    with template_errors(site.root, "wxr.xml"):
        for piece in template.generate(**context):
            pieces.append(piece)
            size += len(piece)
            if size >= WXR_PIECE:
                yield xml_clean("".join(pieces))
                pieces, size = [], 0
    yield xml_clean("".join(pieces))


class PostsBuilt(Sequence[Post]):
    """Posts built as they are asked for, by ``build`` (from the index), the last one
    held: a file of every post, written as it reaches each one, holds one at a time."""

    def __init__(self, slugs: list[str], build: Callable[[int], Post]) -> None:
        self.slugs, self.build = slugs, build
        self.last: tuple[int, Post] | None = None
        self._places: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.slugs)

    @overload
    def __getitem__(self, index: int) -> Post: ...
    @overload
    def __getitem__(self, index: slice) -> list[Post]: ...
    def __getitem__(self, index: int | slice) -> Post | list[Post]:
        if isinstance(index, slice):
            return [self[n] for n in range(len(self))[index]]
        index = range(len(self))[index]  # an IndexError past the end, as a list's
        if self.last is None or self.last[0] != index:
            self.last = index, self.build(index)
        return self.last[1]

    def find(self, slug: str) -> Post:
        if self._places is None:
            self._places = {slug: n for n, slug in enumerate(self.slugs)}
        return self[self._places[slug]]


class _Bodies(Mapping[str, str]):
    """``bodies`` of ``wxr.xml``: each post's body by its slug, rendered when the
    template asks for it, and kept until it asks for another's."""

    def __init__(self, posts: Sequence[Post], site: SiteInfo) -> None:
        self.site = site
        self.find: Callable[[str], Post]
        if isinstance(posts, PostsBuilt):
            self.slugs, self.find = posts.slugs, posts.find
        else:
            self.slugs = [post.slug for post in posts]
            self.find = {post.slug: post for post in posts}.__getitem__
        self.last: tuple[str, str] | None = None

    def __getitem__(self, slug: str) -> str:
        if self.last is None or self.last[0] != slug:
            # A draft is one by its status: no "draft" banner left in the body once published.
            self.last = slug, fragment(replace(self.find(slug), draft=False), self.site)
        return self.last[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.slugs)

    def __len__(self) -> int:
        return len(self.slugs)


def rfc822(moment: dt.datetime) -> str:
    from email.utils import format_datetime

    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)
