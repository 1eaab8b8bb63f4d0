"""A guest's links in a post for MkDocs, which checks none it should not.

MkDocs reads every relative link of a page as one to a file of its own docs: it
rewrites ``x.md`` to that page's address, and warns of one it does not find, which
aborts ``mkdocs build --strict``. A guest's ``[mon article](page.html)`` names no
file of the host's site (on every generator it leads where it was written, nowhere
much): it is written as an HTML ``<a>`` (``<img>``), which MkDocs leaves as it is,
so the page links it as Hugo's, Jekyll's or Pelican's does.

Python-Markdown, which MkDocs reads with, reads a link wherever "](" has a ")" to
match later in the paragraph (``[a](une page.html)``: spaces, lines and brackets in
its target), and a definition in the middle of a paragraph, where CommonMark reads
text. Such text is kept text, its ``(`` or ``[`` escaped. Where code is, Python-Markdown's
reading is followed: its code spans pair backticks their own way.

Each function runs in a time in proportion to the text: an answer of a thousand
links is a long answer, not a stalled export.
"""

from __future__ import annotations

import bisect
import html as html_module
import itertools
import re
from collections.abc import Iterable

from jeudis.export.generators import ANY_FENCE
from jeudis.export.tokens import escaped as _escaped

# A link target as CommonMark reads one: "](", an address (its parentheses escaped
# or in pairs, two deep; or any in angle brackets, on its line), maybe a title, ")";
# spaces and a line break around them.
_URL_CHAR = r"(?:[^\s()\\]|\\[!-/:-@\[-`{-~]|\\(?![!-/:-@\[-`{-~]))"
_URL = rf"(?!<)(?:{_URL_CHAR}|\((?:{_URL_CHAR}|\((?:{_URL_CHAR})*\))*\))+"
_ANGLED = r"<(?P<angled>(?:[^<>\n\\]|\\[^\n])*)>"
_TITLE = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)"
_SPACE = r"[ \t]*\n?[ \t]*"
_TARGET = re.compile(
    rf"\]\({_SPACE}(?:(?P<url>{_URL})|{_ANGLED})?"
    rf"(?:{_SPACE}(?<=\s)(?P<title>{_TITLE}))?{_SPACE}\)"
)
# A quote's or a list item's marker before a definition, which both read inside them.
_CONTAINERS = r"(?:[ \t]*(?:>[ \t]?|(?:[-+*]|[0-9]{1,9}[.)])[ \t]+))*"
# A reference definition on a line of its own (its title maybe on the next one).
_DEFINITION = re.compile(
    rf"^{_CONTAINERS} {{0,3}}\[(?P<label>[^\[\]\n]+)\]:{_SPACE}(?P<url>{_URL})"
    rf"(?:{_SPACE}(?<=\s)(?P<title>{_TITLE}))?[ \t]*(?:\n|$)",
    re.MULTILINE,
)
# A definition as Python-Markdown reads one, in the middle of a paragraph too, and
# where CommonMark reads none: "[r]: p.md[a](". Taken widely (indented, in a list in a
# quote): its "[" escaped in text is text still. Its address is looked ahead at: the
# next line may be a definition too.
_LOOSE_DEFINITION = re.compile(
    rf"^{_CONTAINERS}[ \t]*(?P<open>\[)[^\[\]\n]*\]:(?=[ \t]*\n?[ \t]*(?P<url>\S+))", re.MULTILINE
)
# A reference to a definition: ``[text]``, ``[text][label]``, an image's.
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
    targets = _Ranges(t.span() for t in _TARGET.finditer(markdown))
    out: list[str] = []
    pos = 0
    for found in re.finditer(r"\]\(", markdown):
        at = found.start()
        if at in targets or at in code or _escaped(markdown, at):
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
    targets = [t for t in _TARGET.finditer(markdown) if _relative(_unescaped(_address(t)))]
    if not targets:
        return markdown
    code = _code_ranges(markdown)
    paragraphs = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(markdown)]
    out: list[str] = []
    pos = 0
    for target in targets:
        if target.start() < pos or target.start() in code:
            continue
        # Its "[", after the links written already (a link's text holds no link).
        paragraph = paragraphs[bisect.bisect_right(paragraphs, target.start()) - 1]
        opening = _opening_bracket(markdown, target.start(), code, max(pos, paragraph))
        if opening is None and pos <= paragraph:  # no "[" in its paragraph: text as it is
            continue
        text = markdown[opening + 1 : target.start()] if opening is not None else ""
        if opening is None or _TARGET.search(text):  # no link to CommonMark: text, its
            out += [markdown[pos : target.start() + 1], "\\"]  # "(" escaped for Python-Markdown
            pos = target.start() + 1
            continue
        image = opening > pos and markdown[opening - 1] == "!"
        image = image and not _escaped(markdown, opening - 1)
        start = opening - 1 if image else opening
        out += [markdown[pos:start], _html(text, _address(target), target["title"], image)]
        pos = target.end()
    out.append(markdown[pos:])
    return "".join(out)


def _address(target: re.Match[str]) -> str:
    """A target's address as written, but for its angle brackets ("" for none)."""
    return target["url"] or target["angled"] or ""


# What Python-Markdown would read in an attribute before it reads the tag (a span, an
# escape, a link), as character references.
_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "[]`\\<>"})


def _html(text: str, url: str, title: str | None, image: bool) -> str:
    """A link (an image) to ``url`` as HTML, its text Markdown still (an image's, its alt)."""
    titled = f' title="{_attribute(_unescaped(title[1:-1]))}"' if title else ""
    # As Markdown reads it ("page\\_1.html" is "page_1.html"); "&amp;" stays an entity.
    href = _unescaped(url).replace('"', "%22").replace(" ", "%20").translate(_INERT)
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
        if _relative(_unescaped(d.group("url"))) and d.start() not in blocks
    ]
    if not relative:
        return _loose_definitions_as_text(markdown)
    targets: dict[str, tuple[str, str | None]] = {}
    for definition in relative:  # the first of a label is the one Markdown reads
        targets.setdefault(_label(definition["label"]), (definition["url"], definition["title"]))
    spans = [d.span() for d in relative]
    kept = "".join(markdown[start:end] for start, end in _between(spans, len(markdown)))
    code = _code_ranges(kept)
    inline_targets = _Ranges(t.span() for t in _TARGET.finditer(kept))  # "[a]([r])": no reference

    def inline(found: re.Match[str]) -> str:
        target = targets.get(_label(found.group("label") or found.group("text")))
        at = found.start("text") - 1
        if target is None or at in code or at in inline_targets or _escaped(kept, at):
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
        if _relative(d["url"].lstrip("<").rstrip(">")) and d.start() not in blocks
    ]
    if not starts:
        return markdown
    return "\\".join(markdown[start:end] for start, end in itertools.pairwise([0, *starts, None]))


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


def _code_ranges(markdown: str, spans: bool = True) -> _Ranges:
    """Where code is, or may be, which no link rewriting touches: fences, indented
    blocks, and spans (not where a definition is read: ``spans=False``)."""
    container = _CONTAINER.search(markdown)
    fences = [m.span() for m in ANY_FENCE.finditer(markdown)]
    ranges = fences + [
        span
        for start, end in (_between(fences, len(markdown)) if spans else [])
        for span in _code_spans(markdown, start, end)
    ]
    ranges += [
        m.span()
        for m in _INDENTED.finditer(markdown, 0, container.start() if container else len(markdown))
    ]
    return _Ranges(ranges)


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


class _Ranges:
    """Ranges of a text (maybe overlapping), asked whether a position is in one: ``at in
    ranges``, in a time that grows with the log of their number."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def __contains__(self, at: int) -> bool:
        before = bisect.bisect_right(self._starts, at)
        return before > 0 and self._reach[before - 1] > at


def _opening_bracket(text: str, close: int, code: _Ranges, floor: int) -> int | None:
    """The ``[`` that the ``]`` at ``close`` closes, from ``floor`` on (None: not found)."""
    depth = 0
    brackets = [m.start() for m in _BRACKET.finditer(text, floor, close)]
    for at in reversed(brackets):
        if _escaped(text, at) or at in code:
            continue
        if text[at] == "]":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return at
    return None


_BRACKET = re.compile(r"[\[\]]")
