"""What a static site generator would run in a post's body, written so it shows as text.

Text is inert already: :func:`jeudis.export.cleaning.inert_braces` escapes the
braces that open Liquid, shortcodes and attribute lists. Code is shown as
written, so it cannot be escaped the Markdown way; yet Jekyll runs Liquid, and
Hugo and Zola run shortcodes, over the whole body before Markdown is read, code
included. A guest's ``{{< youtube x >}}`` in a code block would stop Hugo's
build; a ``{% include %}`` would run in Jekyll. Each generator has its own way
of writing its syntax as text, used here on everything but the front matter:

- Jekyll (Liquid): ``{{`` and ``{%`` are written as Liquid strings, ``{{ "{{" }}``.
- Hugo: a shortcode is written as a comment shortcode, ``{{</* x */>}}``, which
  Hugo shows as ``{{< x >}}``. An opener with no closer after it takes a
  zero-width space (``{{\u200b<``), for Hugo rejects any ``{{<`` it cannot read.
- Zola: a shortcode call, ``{{ name(key=value) }}`` or ``{% name() %}…{% end %}``,
  is written ``{{/* name(key=value) */}}``; anything else is text to Zola already.
- MkDocs and Pelican (Python-Markdown): PyMdown's Snippets, when a site turns it
  on, reads each line holding a ``--8<--`` marker first, code included; the
  marker takes a zero-width space (``--8\u200b<--``). A heading's no-break spaces
  are written as character references, which its table of contents keeps.
"""

from __future__ import annotations

import html as html_module
import itertools
import re
from collections.abc import Callable
from functools import cache

ZWSP = "\u200b"


def jekyll(body: str) -> str:
    """Liquid's delimiters written as Liquid string outputs."""
    if "{{" not in body and "{%" not in body:
        return body
    return _LIQUID_OR_ZOLA.sub(lambda m: '{{ "' + m.group() + '" }}', body)


_LIQUID_OR_ZOLA = re.compile(r"\{[{%]")  # what opens Liquid, and Zola's shortcodes
_HUGO_OPEN = re.compile(r"\{\{([<%])")


def hugo(body: str) -> str:
    """Each ``{{<``…``>}}`` and ``{{%``…``%}}`` as a comment shortcode, shown as written."""
    if "{{<" not in body and "{{%" not in body:
        return body
    return _rewrite(body, _HUGO_OPEN, _hugo_shortcode)


def _hugo_shortcode(body: str, found: re.Match[str]) -> tuple[str, int]:
    kind = found.group(1)
    closer = (">" if kind == "<" else "%") + "}}"
    close = body.find(closer, found.end())
    if close == -1:
        return "{{" + ZWSP + kind, found.end()
    # Hugo shows "{{<" + what lies between "/*" and the first "*/>}}" + ">}}".
    return "{{" + kind + "/*" + body[found.end() : close] + "*/" + closer, close + len(closer)


def _rewrite(
    body: str, opener: re.Pattern[str], step: Callable[[str, re.Match[str]], tuple[str, int]]
) -> str:
    """``body`` with what starts at each ``opener`` rewritten by ``step``.

    ``step`` returns what to write instead, and where in ``body`` to go on from.
    """
    out: list[str] = []
    pos = 0
    while found := opener.search(body, pos):
        written, end = step(body, found)
        out += [body[pos : found.start()], written]
        pos = end
    out.append(body[pos:])
    return "".join(out)


def python_markdown(body: str) -> str:
    """Each Snippets marker (``-8<-``, any run of dashes) broken, shown as written;
    so is each ``<![``; the no-break spaces of a heading as ``&#8239;`` and ``&#160;``.

    Snippets replaces a ``--8<-- "file"`` line with that file of the site, drops a
    ``--8<-- [start:name]`` marker and the ``;`` escaping one. MkDocs reads the whole
    body with Python's ``html.parser`` for its anchors, code included, which stops
    on a ``<![`` that opens no CDATA section (``AssertionError: unknown status
    keyword``: the site's build fails). In text a ``<`` is ``&lt;`` already: only
    code holds either. The table of contents (MkDocs's side bar) names each heading
    with its spaces folded (``str.split``), French typography's no-break spaces too:
    ``Twitter ?`` broke before its ``?`` there.
    """
    if "8<-" in body:
        body = _SNIPPET_MARKER.sub(ZWSP + "<", body)
    if "<![" in body:
        body = body.replace("<![", "<!" + ZWSP + "[")
    if "\u202f" in body or "\xa0" in body:
        body = _outside_fences(body, _HEADING, _referenced)
    return body


_SNIPPET_MARKER = re.compile(r"(?<=-8)<(?=-)")
_HEADING = re.compile(r"^#{1,6}[ \t][^\n]*", re.MULTILINE)
# A fenced code block as a post writes one: closed by the same marks, at a line's start.
_FENCED = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)


def _referenced(heading: re.Match[str]) -> str:
    return heading.group().replace("\u202f", "&#8239;").replace("\xa0", "&#160;")


def _outside_fences(
    body: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> str:
    """``pattern`` replaced in ``body`` but in its fenced code blocks."""
    out: list[str] = []
    pos = 0
    for fence in _FENCED.finditer(body):
        out += [pattern.sub(replace, body[pos : fence.start()]), fence.group()]
        pos = fence.end()
    out.append(pattern.sub(replace, body[pos:]))
    return "".join(out)


# Zola's shortcode grammar (its content.pest): keyword arguments only, literals
# being strings, booleans, numbers and arrays of literals (nested arrays: one level).
_WS = r"[ \t\r\n]*"
_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_SCALAR = r"""(?:"[^"]*"|'[^']*'|`[^`]*`|true|false|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"""
_INNER_ARRAY = rf"\[{_WS}(?:{_SCALAR}{_WS},{_WS})*(?:{_SCALAR})?{_WS}\]"
_LITERAL = rf"(?:{_SCALAR}|\[{_WS}(?:(?:{_SCALAR}|{_INNER_ARRAY}){_WS},{_WS})*(?:{_SCALAR}|{_INNER_ARRAY})?{_WS}\])"
_KWARG = rf"{_IDENT}{_WS}={_WS}{_LITERAL}"
_CALL = rf"{_IDENT}{_WS}\({_WS}(?:{_KWARG}(?:{_WS},{_WS}{_KWARG})*)?{_WS}\)"


@cache
def _zola_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Zola's inline call, a body's start and its end: compiled when a Zola post needs
    them (15 ms, which every export paid at start-up, HTML included)."""
    return (
        re.compile(rf"\{{\{{({_WS}{_CALL}{_WS})\}}\}}"),
        re.compile(rf"\{{%({_WS}{_CALL}{_WS})%\}}"),
        re.compile(rf"\{{%({_WS}end{_WS})%\}}"),
    )


def zola(body: str) -> str:
    """Each shortcode call in Zola's own ignored form, which Zola shows as written."""
    if "{{" not in body and "{%" not in body:
        return body
    return _rewrite(body, _LIQUID_OR_ZOLA, _zola_shortcode)


def _zola_shortcode(body: str, found: re.Match[str]) -> tuple[str, int]:
    at = found.start()
    if body.startswith(("{{/*", "{%/*"), at):
        # Already in the ignored form: Zola would drop the comment marks.
        return body[at : at + 2] + ZWSP, at + 2
    inline, opening, ending = _zola_patterns()
    if call := inline.match(body, at):
        return "{{/*" + call.group(1) + "*/}}", call.end()
    start = opening.match(body, at)
    end = ending.search(body, start.end()) if start else None
    if start and end:  # a shortcode with a body: its start and its end, both ignored
        inner = body[start.end() : end.start()]
        return f"{{%/*{start.group(1)}*/%}}{inner}{{%/*{end.group(1)}*/%}}", end.end()
    return body[at : at + 2], at + 2


# ---- MkDocs: a guest's relative links ---------------------------------------------
#
# MkDocs reads every relative link of a page as one to a file of its own docs: it
# rewrites ``x.md`` to that page's address, and warns of one it does not find, which
# aborts ``mkdocs build --strict``. A guest's ``[mon article](page.html)`` names no
# file of the host's site (on every generator it leads where it was written, nowhere
# much): it is written as an HTML ``<a>`` (``<img>``), which MkDocs leaves as it is,
# so the page links it as Hugo's, Jekyll's or Pelican's does.
#
# Python-Markdown reads a link wherever "](" has a ")" to match later in the paragraph:
# ``[a](une page.html)``, spaces, lines and brackets in its target, which CommonMark
# reads as text. A guest's such text is kept text: its "(" is escaped.

# A link target as CommonMark reads one: "](", an address (its parentheses escaped
# or in pairs, two deep), maybe a title, ")"; spaces and a line break around them.
_URL_CHAR = r"(?:[^\s()\\]|\\[!-/:-@\[-`{-~]|\\(?![!-/:-@\[-`{-~]))"
_URL = rf"(?!<)(?:{_URL_CHAR}|\((?:{_URL_CHAR}|\((?:{_URL_CHAR})*\))*\))+"
_TITLE = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)"
_SPACE = r"[ \t]*\n?[ \t]*"
_TARGET = re.compile(
    rf"\]\({_SPACE}(?P<url>{_URL})?(?:{_SPACE}(?<=[\s(])(?P<title>{_TITLE}))?{_SPACE}\)"
)
# A reference definition on a line of its own, and a reference to one.
# A quote's or a list item's marker before a definition, which both read inside them.
_CONTAINERS = r"(?:[ \t]*(?:>[ \t]?|(?:[-+*]|[0-9]{1,9}[.)])[ \t]+))*"
_DEFINITION = re.compile(
    rf"^{_CONTAINERS} {{0,3}}\[(?P<label>[^\[\]\n]+)\]:{_SPACE}(?P<url>{_URL})"
    rf"(?:{_SPACE}(?<=\s)(?P<title>{_TITLE}))?[ \t]*(?:\n|$)",
    re.MULTILINE,
)
# A definition as Python-Markdown reads one, in the middle of a paragraph too, and
# where CommonMark reads none: "[r]: p.md[a](". Taken widely (indented, in a list in a
# quote): its "[" escaped in text is text still.
_LOOSE_DEFINITION = re.compile(
    rf"^{_CONTAINERS}[ \t]*(?P<open>\[)[^\[\]\n]*\]:[ \t]*\n?[ \t]*(?P<url>\S+)", re.MULTILINE
)
_REFERENCE = re.compile(
    r"(?P<bang>!)?\[(?P<text>[^\[\]\n]*)\](?:\[(?P<label>[^\[\]\n]*)\])?(?![(:\[])"
)
# Where Python-Markdown ends the text it reads code spans in: a blank line, a quote, a
# heading, a rule or a heading's underline, a link's definition (read before any span).
_BLOCK_END = re.compile(
    r"\n(?=[ \t]*(?:\n|$|>|#|\[[^\]\n]*\]:)|[ ]{0,3}(?:[-_*][ ]{0,2}){3,}$|[=-]+[ ]*$)",
    re.MULTILINE,
)
# In a list, its next item too.
_ITEM = re.compile(r"[ \t]*(?:[-+*]|[0-9]+\.)[ \t]")
_ITEM_END = re.compile(r"\n(?=[ \t]*(?:[-+*]|[0-9]+\.)[ \t])")
# A fence anywhere a superfences extension reads one: in a list item, a block quote.
_ANY_FENCE = re.compile(
    r"^[ \t>*+0-9.)-]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t>]*\1[ \t]*$", re.MULTILINE | re.DOTALL
)
# Indented code: lines of four spaces or a tab after a blank line (or opening the
# text), before any list item, block quote or footnote, after which they may be text.
_INDENTED = re.compile(r"(?:\A|(?<=\n)[ \t]*\n)(?: {4}|\t)[^\n]*(?:\n(?: {4}|\t)[^\n]*)*")
_CONTAINER = re.compile(
    r"^[ \t]{0,3}(?:(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)|>|:|\[\^)", re.MULTILINE
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def guest_links_for_mkdocs(markdown: str) -> str:
    """A guest's Markdown, its links as MkDocs would check none: relative ones as HTML
    (:func:`relative_links_as_html`), and no link but those CommonMark reads."""
    return relative_links_as_html(loose_targets_as_text(markdown))


def loose_targets_as_text(markdown: str) -> str:
    """Each "](" that opens no link target as a cleaned post writes one (``](url)``,
    ``](url "title")``) written ``]\\(``, outside code: text to every parser, where
    Python-Markdown took ``[a](une page.html)`` for a link to "une page.html"."""
    if "](" not in markdown:
        return markdown
    code = _code_ranges(markdown)
    targets = [t.span() for t in _TARGET.finditer(markdown)]
    out: list[str] = []
    pos = 0
    for found in re.finditer(r"\]\(", markdown):
        at = found.start()
        if _inside(targets, at) or _inside(code, at) or _escaped(markdown, at):
            continue
        out += [markdown[pos : at + 1], "\\"]
        pos = at + 1
    out.append(markdown[pos:])
    return "".join(out)


def relative_links_as_html(markdown: str) -> str:
    """A guest's links to a relative address (``page.html``, ``../x.md``, ``img.png``)
    as HTML, which MkDocs neither checks nor rewrites; the others as they are.

    Code is left as written (fences, spans, indented lines). A link by reference to
    a relative address is written in place, its definition dropped.
    """
    if "]:" in markdown:
        markdown = _references_inline(markdown)
    targets = [t for t in _TARGET.finditer(markdown) if _relative(_unescaped(t["url"] or ""))]
    if not targets:
        return markdown
    code = _code_ranges(markdown)
    out: list[str] = []
    pos = 0
    for target in targets:
        if target.start() < pos or _inside(code, target.start()):
            continue
        opening = _opening_bracket(markdown, target.start(), code)
        if opening is None:
            continue
        text = markdown[opening + 1 : target.start()]
        if opening < pos or _TARGET.search(text):  # a link's text holds a link: no link
            out += [markdown[pos : target.start() + 1], "\\"]  # to Python-Markdown either
            pos = target.start() + 1
            continue
        image = opening > pos and markdown[opening - 1] == "!"
        image = image and not _escaped(markdown, opening - 1)
        start = opening - 1 if image else opening
        out += [markdown[pos:start], _html(text, target["url"], target["title"], image)]
        pos = target.end()
    out.append(markdown[pos:])
    return "".join(out)


# What Python-Markdown would read in an attribute before it reads the tag (a span, an
# escape, a link), as character references.
_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "[]`\\<>"})


def _html(text: str, url: str, title: str | None, image: bool) -> str:
    """A link (an image) to ``url`` as HTML, its text Markdown still (an image's, its alt)."""
    titled = f' title="{_attribute(_unescaped(title[1:-1]))}"' if title else ""
    # As Markdown reads it ("page\\_1.html" is "page_1.html"); "&amp;" stays an entity.
    href = _unescaped(url).replace('"', "%22").translate(_INERT)
    if image:
        return f'<img src="{href}" alt="{_attribute(_unescaped(text))}"{titled} />'
    return f'<a href="{href}"{titled}>{text}</a>'


def _attribute(text: str) -> str:
    return html_module.escape(text).translate(_INERT)


_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(text: str) -> str:
    """``text`` with its Markdown backslash escapes read: ``\\*`` is ``*``."""
    return _BACKSLASH_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _relative(url: str) -> bool:
    """A URL naming a path from the page: no scheme, no host, not from the site's root
    (``/x``, which MkDocs leaves alone), not the page itself (``#x``, ``?q``)."""
    from jeudis.export.markup import url_scheme

    return bool(url) and not url.startswith(("/", "#", "?", "\\")) and not url_scheme(url)


def _references_inline(markdown: str) -> str:
    """Each link by reference to a relative address written as HTML in its place, the
    definitions of those addresses dropped."""
    blocks = _code_ranges(markdown, spans=False)
    relative = [
        d
        for d in _DEFINITION.finditer(markdown)
        if _relative(_unescaped(d.group("url"))) and not _inside(blocks, d.start())
    ]
    if not relative:
        return _loose_definitions_as_text(markdown)
    targets: dict[str, tuple[str, str | None]] = {}
    for definition in relative:  # the first of a label is the one Markdown reads
        targets.setdefault(_label(definition["label"]), (definition["url"], definition["title"]))
    spans = [d.span() for d in relative]
    kept = "".join(markdown[start:end] for start, end in _between(spans, len(markdown)))
    code = _code_ranges(kept)

    def inline(found: re.Match[str]) -> str:
        target = targets.get(_label(found.group("label") or found.group("text")))
        at = found.start("text") - 1
        if target is None or _inside(code, at) or _escaped(kept, at):
            return found.group()
        bang = found["bang"] or ""
        if bang and _escaped(kept, found.start()):  # "\\!": text, the link after it
            return bang + _html(found["text"], *target, image=False)
        return _html(found["text"], *target, image=bool(bang))

    return _loose_definitions_as_text(_REFERENCE.sub(inline, kept))


def _loose_definitions_as_text(markdown: str) -> str:
    """Each definition of a relative address that only Python-Markdown reads as one
    (none is left that CommonMark reads) written as text, its ``[`` escaped."""
    blocks = _code_ranges(markdown, spans=False)
    starts = [
        d.start("open")
        for d in _LOOSE_DEFINITION.finditer(markdown)
        if _relative(d["url"].lstrip("<").rstrip(">")) and not _inside(blocks, d.start())
    ]
    for at in reversed(starts):
        markdown = f"{markdown[:at]}\\{markdown[at:]}"
    return markdown


def _between(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The parts of a text of ``length`` outside ``spans``."""
    parts, pos = [], 0
    for start, end in sorted(spans):
        parts.append((pos, start))
        pos = end
    parts.append((pos, length))
    return parts


def _label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _code_ranges(markdown: str, spans: bool = True) -> list[tuple[int, int]]:
    """Where code is, or may be, which no link rewriting touches: fences, indented
    blocks, and spans (not where a definition is read: ``spans=False``)."""
    container = _CONTAINER.search(markdown)
    fences = [m.span() for m in _ANY_FENCE.finditer(markdown)]
    ranges = fences + [
        span
        for start, end in (_between(fences, len(markdown)) if spans else [])
        for span in _code_spans(markdown, start, end)
    ]
    ranges += [
        m.span()
        for m in _INDENTED.finditer(markdown, 0, container.start() if container else len(markdown))
    ]
    return ranges


def _code_spans(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    """The code spans between ``start`` and ``end`` (no fence there), block by block."""
    spans = []
    for block_start, block_end in _blocks(markdown, start, end):
        spans += _block_code_spans(markdown, block_start, block_end)
    return spans


def _blocks(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    """The blocks between ``start`` and ``end`` as Python-Markdown splits them, near enough."""
    edges = [start]
    for cut in [m.start() for m in _BLOCK_END.finditer(markdown, start, end)] + [end]:
        first = edges[-1] + markdown.startswith("\n", edges[-1])
        if _ITEM.match(markdown, first, cut):
            edges += [m.start() for m in _ITEM_END.finditer(markdown, first, cut)]
        edges.append(cut)
    return list(itertools.pairwise(edges))


_TICKS = re.compile(r"`+")


def _block_code_spans(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    """The code spans of one block, as Python-Markdown 3.11 reads them: a run of
    backticks not escaped (the cleaning writes one so: "\\`") opens one, which the next
    run as long closes or, where none is, the longest shorter one; with neither, the
    run is text."""
    spans = []
    pos = start
    while (tick := markdown.find("`", pos, end)) != -1:
        if _escaped(markdown, tick):  # the next backtick of its run may open one
            pos = tick + 1
            continue
        run = _TICKS.match(markdown, tick, end)
        opened = run.end() if run else tick + 1  # always a run: a backtick is there
        ticks, longest, fallback, close = opened - tick, 0, 0, None
        for closing in _TICKS.finditer(markdown, opened, end):
            if len(closing.group()) == ticks:
                close = closing.end()
                break
            if len(closing.group()) > longest:
                longest, fallback = len(closing.group()), closing.end()
        if close is None and 0 < longest < ticks:
            close = fallback
        if close is None:
            pos = opened
        else:
            spans.append((tick, close))
            pos = close
    return spans


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    return any(start <= at < end for start, end in ranges)


def _escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes."""
    run = len(text[:at]) - len(text[:at].rstrip("\\"))
    return run % 2 == 1


def _opening_bracket(text: str, close: int, code: list[tuple[int, int]]) -> int | None:
    """The ``[`` that the ``]`` at ``close`` closes, in its paragraph (None: not found)."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, close)]
    start = breaks[-1] if breaks else 0
    depth = 0
    for at in range(close - 1, start - 1, -1):
        char = text[at]
        if char not in "[]" or _escaped(text, at) or _inside(code, at):
            continue
        if char == "]":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return at
    return None
