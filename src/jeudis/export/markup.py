"""Guest Markdown rendered to safe HTML, for pages, feeds and WordPress.

Answers are rendered by cmark-gfm (``cmarkgfm``): measured on a long answer
(four paragraphs, a list, links) it takes about 60 µs where markdown-it-py takes
about 2 ms, and 13,000 answers are the difference between one second and half a
minute. cmark's safe mode already drops raw HTML and ``javascript:`` links; on
top of it only ``http``, ``https``, ``mailto``, ``tel`` and relative URLs are
kept, so ``data:`` links and images are refused too.

What the text goes through before (typography, and for Markdown posts what a
static site generator would run) is :mod:`jeudis.export.cleaning`'s.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_PLAIN_SCHEMES = ("https://", "http://", "mailto:")  # safe as written: nothing to decode
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
# A link's or an image's URL as cmark writes them; an image's alt and the tag's end too.
_URL_ATTR = re.compile(r'<(a|img)\b([^>]*?)\s(href|src)="([^"]*)"(?: alt="([^"]*)"[^>]*>)?')
_OMITTED = "<!-- raw HTML omitted -->"


def safe_url(url: str) -> bool:
    """True for http(s), mailto, tel and relative URLs; False for any other scheme."""
    if url.startswith(_PLAIN_SCHEMES):
        return True  # the scheme is spelt out plainly: nothing to decode
    scheme = url_scheme(url)
    return not scheme or scheme in SAFE_SCHEMES


def url_scheme(url: str) -> str:
    """A URL's scheme, lowercased, as a browser reads it ("" for a relative URL).

    As parsers hand it over: entities decoded, invisible characters and backslash
    escapes dropped ("javascript\\:x" is javascript:x to CommonMark).
    """
    plain = _INVISIBLE.sub("", html.unescape(url)).replace("\\", "")
    match = _SCHEME.match(plain)
    return match.group(1).lower() if match else ""


# A URL attribute cmark wrote whose value is not spelt with a plain scheme. The scan
# opens on the literal '="' (searched at memchr speed), then looks behind for the name.
_UNPLAIN_URL = re.compile(r'="(?:(?<=href=")|(?<=src="))(?!https://|http://|mailto:)')


def _plain_urls_only(rendered: str) -> bool:
    """True when every ``href``/``src`` value starts with ``https://``, ``http://`` or ``mailto:``.

    Then :func:`_drop_bad_urls` has nothing to change, and one scan (C speed)
    replaces a regex substitution calling back into Python for each link.
    cmark escapes quotes in text, so ``href="`` appears only in the tags it writes.
    """
    return _UNPLAIN_URL.search(rendered) is None


def _drop_bad_urls(rendered: str) -> str:
    if _plain_urls_only(rendered):
        return rendered

    def fix(match: re.Match[str]) -> str:
        tag, before, _attr, url, alt = match.groups()
        if url and safe_url(url):
            return match.group()
        if tag == "img":
            # What a browser shows of an image it cannot load: its text. An <img>
            # without a source is not HTML (the validator's "src must be non-empty").
            return alt or ""
        return f"<a{before}"  # an <a> without href is not a link

    return _URL_ATTR.sub(fix, rendered)


_EXTENSIONS = (b"autolink", b"strikethrough", b"table")


def _cmark(extra: int = 0) -> Callable[[str], str]:
    """cmark-gfm with the autolink, strikethrough and table extensions, safe mode
    (``extra``: options added, such as the blocks' source positions).

    cmarkgfm's own wrapper frees neither the parsed document nor the HTML string
    (about 30 KB lost per long answer: 200 MB over a thousand interviews), so the
    C functions are called here directly and both are freed.
    """
    from cmarkgfm import _cmark as native  # type: ignore[import-untyped]

    lib, ffi = native.lib, native.ffi
    lib.cmark_gfm_core_extensions_ensure_registered()
    extensions = [lib.cmark_find_syntax_extension(name) for name in _EXTENSIONS]
    # Straight quotes stay straight (a guest's "..." is theirs); no raw HTML. No UTF-8
    # validation either: the bytes come from str.encode, valid by construction.
    options = lib.CMARK_OPT_DEFAULT | extra
    release = _releaser(native.__file__, ffi)

    def render(text: str) -> str:
        data = text.encode("utf-8")
        parser = lib.cmark_parser_new(options)
        try:
            for extension in extensions:
                lib.cmark_parser_attach_syntax_extension(parser, extension)
            lib.cmark_parser_feed(parser, data, len(data))
            root = lib.cmark_parser_finish(parser)
            html = lib.cmark_render_html(
                root, options, lib.cmark_parser_get_syntax_extensions(parser)
            )
            try:
                return str(ffi.string(html).decode("utf-8"))
            finally:
                release(root, html)
        finally:
            lib.cmark_parser_free(parser)

    return render


def _releaser(library: str, ffi: Any) -> Callable[[Any, Any], None]:
    """A function freeing a cmark document and a rendered string (a no-op if impossible).

    ctypes rather than a second cffi interface: ``cffi.FFI().cdef`` imports and runs
    pycparser, some 50 ms before the first page.
    """
    try:
        import ctypes

        node_free = ctypes.CDLL(library).cmark_node_free
        free = ctypes.CDLL(None).free
    except (OSError, AttributeError):  # pragma: no cover - leak rather than fail
        return lambda root, html: None
    node_free.argtypes = free.argtypes = [ctypes.c_void_p]
    node_free.restype = free.restype = None
    address = ffi.cast

    def release(root: Any, html: Any) -> None:
        free(int(address("uintptr_t", html)))
        node_free(int(address("uintptr_t", root)))

    return release


_renderer: Callable[[str], str] | None = None

# A line that may make a heading: "# …" (in a quote too), or a setext underline.
_MAY_HEAD = re.compile(
    r"^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)",
    re.MULTILINE,
)
HEADING_TAG = re.compile(r"<h[1-6]>")  # one cmark writes: no attribute
_HEADING_AT = re.compile(r'<h([1-6]) data-sourcepos="(\d+):(\d+)-')
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$")  # in a quote or a list item too
_QUOTED = re.compile(r"^[ \t>]*")  # a line's quote marks and indent
# A guest's highest heading under a question (an h2): an h3; under a follow-up (h3): an h4.


def headings_below(markdown: str, top: int = 3) -> str:
    """A guest's Markdown with its headings under the post's own: its highest an h``top``
    (a question's h2 over it), the others each a level lower in their order, h6 at
    most, written as ATX headings ("### Titre").

    An answer's "# Titre" was an h1 inside the post, a second one, and its "##" one
    of the questions' level: a screen reader's list of headings, a theme's or Hugo's
    table of contents, mixed them with the questions. Levels follow one another, as
    the Nu checker asks (an h2 question, then a guest's h5, skipped two). cmark says
    which lines are headings (their source positions), so that code, a list's "-"
    line or a thematic break are never taken for one; the text rewritten is rendered
    again, and must read as the guest's did but for its headings' levels: else its
    setext headings ("Titre" over "===") are left as written (an odd indent, a line
    break inside), and else the whole text.
    """
    if _MAY_HEAD.search(markdown) is None:
        return markdown
    global _positions, _renderer
    if _positions is None:
        _positions = _cmark(2)  # CMARK_OPT_SOURCEPOS
    if _renderer is None:
        _renderer = _cmark()
    text = to_lf(markdown)
    found = [(int(level), int(row) - 1, int(col) - 1) for level, row, col in
             _HEADING_AT.findall(_positions(text))]  # fmt: skip
    if not found:
        return markdown
    used = sorted({level for level, _, _ in found})
    levels = {level: min(6, top + rank) for rank, level in enumerate(used)}
    meant = _read(_renderer(text))
    for setext in (True, False):
        lowered = _lowered(text.split("\n"), found, levels, setext=setext)
        if _read(_renderer(lowered)) == meant:
            return lowered
    return markdown


_LEVEL = re.compile(r"<(/?)h[1-6]>")


def _read(rendered: str) -> str:
    """What HTML says but for its headings' levels and its spaces."""
    return " ".join(_LEVEL.sub(r"<\1h>", rendered).split())


def _lowered(
    lines: list[str], found: list[tuple[int, int, int]], levels: dict[int, int], *, setext: bool
) -> str:
    """``lines`` with the headings ``found`` (level, row, byte column) at ``levels``."""
    for level, row, col in reversed(found):
        line = lines[row]
        before = line.encode("utf-8")[:col].decode("utf-8", "replace")
        rest = line[len(before) :]
        if _ATX.match(rest):  # not a setext heading's text "#pas un titre"
            lines[row] = before + "#" * levels[level] + rest[level:]
            continue
        under = next((i for i in range(row + 1, len(lines)) if _UNDERLINE.match(lines[i])), None)
        if not setext or under is None:
            continue
        rows = [rest, *(_QUOTED.sub("", part) for part in lines[row + 1 : under])]
        words = " ".join(part.strip() for part in rows)
        lines[row : under + 1] = [f"{before}{'#' * levels[level]} {words}"]
    return "\n".join(lines)


_positions: Callable[[str], str] | None = None


def to_lf(text: str) -> str:
    """CR+LF as LF (looking for one character first is ten times quicker than replacing)."""
    return text.replace("\r\n", "\n") if "\r" in text else text


def to_html(markdown: str) -> str:
    """Render guest Markdown to an HTML fragment, with no raw HTML and no unsafe URL."""
    global _renderer
    if _renderer is None:
        _renderer = _cmark()
    markdown = to_lf(markdown)
    rendered = _escaped_percents(_mark_addresses(_unnested(markdown, _renderer(markdown))))
    return _drop_bad_urls(_aligned(rendered).replace(_OMITTED, "")).strip()


# A table column's alignment as cmark writes it on each cell: an attribute HTML5 made
# obsolete (the Nu checker says so of every page), and which a theme's ``text-align``
# on cells overrides. As Hugo writes it: a style of the cell's own, kept by WordPress.
_ALIGN = re.compile(r'(<t[hd]) align="(left|center|right)"')


def _aligned(rendered: str) -> str:
    if ' align="' not in rendered:  # cmark escapes quotes in text: only its tags hold it
        return rendered
    return _ALIGN.sub(r'\1 style="text-align:\2"', rendered)


# A table of a guest's answer, as cmark writes it (and bidi.auto_dir marks it): a
# roundup's chart, a table of jeudis's own, is ``<table class="chart"``.
_ANSWER_TABLE = re.compile(r'<table(?= dir="auto">|>)')


def keyboard_scrolled(page: str) -> str:
    """A page of the built-in style (style.css) with each answer's table focusable.

    The style makes a table a box scrolling sideways when wider than the screen (a
    phone's), and Safari's keyboard scrolls no box it cannot focus (axe's
    scrollable-region-focusable): a reader with no mouse saw half of it. A page's table
    takes ``tabindex="0"``, a stop of the tab order where the arrows scroll it. Not a
    fragment's (a WordPress post, the WordPress file, the feed): its table scrolls as
    the blog's theme says, most not at all, where a stop leading nowhere would be one
    more on each keyboard's way through the post, and WordPress drops the attribute
    from an author who may not post HTML anyway.
    """
    return _ANSWER_TABLE.sub('<table tabindex="0"', page)


# A "[" opened inside brackets already open: what a link inside a link's text needs.
# One scan of the Markdown, a third of the time one of the HTML takes.
_OPEN_IN_OPEN = re.compile(r"\[[^\]\[]*\[")
_LINK_TAG = re.compile(r"<a [^>]*>|</a>")
_HREF = re.compile(r' href="([^"]*)"')


def _unnested(markdown: str, rendered: str) -> str:
    """cmark's HTML with no link inside a link: each link holding another is text.

    cmark (0.31) links the whole of ``[a [b](u) [c[x]] d](v)``, around the link to
    ``u``, where CommonMark reads text around one link, and nested ``<a>`` are not
    HTML. As CommonMark reads it: the outer brackets and target shown as text.
    """
    if "](" not in markdown or _OPEN_IN_OPEN.search(markdown) is None:
        return rendered
    tags = list(_LINK_TAG.finditer(rendered))
    opened: list[int] = []
    shown: dict[int, str] = {}  # a tag of a link holding another: its text
    for index, tag in enumerate(tags):
        if tag.group() != "</a>":
            shown.update((outer, "[") for outer in opened if outer not in shown)
            opened.append(index)
        elif opened and (start := opened.pop()) in shown:
            href = _HREF.search(tags[start].group())
            shown[index] = f"]({href.group(1) if href else ''})"
    if not shown:
        return rendered
    parts: list[str] = []
    last = 0
    for index, tag in enumerate(tags):
        if index in shown:
            parts += [rendered[last : tag.start()], shown[index]]
            last = tag.end()
    parts.append(rendered[last:])
    return "".join(parts)


# A URL's "%" that starts no escape ("https://x.fr/promo-50%"): browsers keep it as it
# is, the URL standard calls it an error (the Nu HTML Checker refuses the page), and a
# server may refuse the request. Written %25: the "%" the guest meant.
_PERCENT_URL = re.compile(r'(\s(?:href|src)=")([^"]*%[^"]*)"')
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _escaped_percents(rendered: str) -> str:
    if "%" not in rendered:
        return rendered
    return _PERCENT_URL.sub(
        lambda m: m.group(1) + _LONE_PERCENT.sub("%25", m.group(2)) + '"', rendered
    )


# A link whose text is its own web address (an autolink, "www.x.fr" leading to
# http://www.x.fr): classed "url", so a printed page, which writes each link's
# address after it, does not write this one twice.
_ADDRESS_LINK = re.compile(r'<a href="((?:https?://)?)([^"]+)">(?:\1)?\2</a>')


# Where such a link's text starts: one regex scan (12 us on a post's HTML, where the
# two substring tests took 17: every '">' of a tag is a false start for them).
_ADDRESS_TEXT = re.compile(r'">(?:http|www\.)')


def _mark_addresses(rendered: str) -> str:
    if _ADDRESS_TEXT.search(rendered) is None:
        return rendered
    return _ADDRESS_LINK.sub(_marked, rendered)


def _marked(link: re.Match[str]) -> str:
    """The link classed "url"; "www.x.fr" leads to https://www.x.fr, as in a Markdown
    post (and as :func:`jeudis.export.tokens.web_address` writes it), not cmark's http.
    """
    scheme, address = link.groups()
    if (
        scheme == "http://"
        and address.startswith("www.")
        and link.group().endswith(f">{address}</a>")
    ):
        scheme = "https://"
    return f'<a class="url" href="{scheme}{address}">{link.group()[link.group().index(">") + 1 :]}'


# "]:", as a link reference definition holds it. Searched for by the regex engine: in
# a text with many links (each "]" a false start), 11 us on a post's answers, where
# `"]:" in text` takes 17.
DEFINITION_MARK = re.compile(r"\]:")

_SPLIT = "jeudis-answer-break-7f3a9c"
_SPLIT_HTML = f"<p>{_SPLIT}</p>\n"


def to_html_many(sources: list[str]) -> list[str]:
    """Render several answers in one cmark call (a third of the time of one call each).

    The answers are joined by a marker paragraph and the HTML is cut there. Should
    an answer swallow the marker (an unclosed code fence) or define a reference
    link the others could use, each answer is rendered on its own instead.
    """
    global _renderer
    if _renderer is None:
        _renderer = _cmark()
    texts = [to_lf(s) for s in sources]
    joined = f"\n\n{_SPLIT}\n\n".join(texts) + "\n"
    # A link reference definition ("[x]: /url", its URL maybe on the next line)
    # would reach every answer of a joint render: when an answer holds "]:" at
    # all, each is rendered on its own, which is rare and always right. (Tests on
    # the joined text: one scan each, not one per answer.)
    if len(texts) < 2 or DEFINITION_MARK.search(joined) or joined.count(_SPLIT) != len(texts) - 1:
        return [to_html(t) for t in texts]
    rendered = _escaped_percents(_mark_addresses(_unnested(joined, _renderer(joined))))
    rendered = _aligned(rendered)
    parts = rendered.split(_SPLIT_HTML)
    if len(parts) != len(texts) or rendered.count(_SPLIT) != len(texts) - 1:
        return [to_html(t) for t in texts]
    # Checked once on the whole: with no omitted HTML and plain URLs only, no part changes.
    if _OMITTED not in rendered and _plain_urls_only(rendered):
        return [part.strip() for part in parts]
    return [_drop_bad_urls(part.replace(_OMITTED, "")).strip() for part in parts]
