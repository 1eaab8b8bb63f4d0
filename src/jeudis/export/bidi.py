"""Which way a guest's text reads: Arabic or Hebrew in a French post.

A page is laid out in its language's direction (``dir="rtl"`` on an Arabic post's
``<article>``). A guest's paragraph in Arabic in a French post read from the left,
ragged on the wrong side, "سارة!" shown with its ``!`` on the word's right. As
GitHub and Mastodon do, a block of guest text takes ``dir="auto"``: the browser lays
it out the way its first letter reads (Unicode's rule for a paragraph of plain text).
The attribute is written only where it changes something, on a block whose first
letter reads the other way from the block around it: a French post of French answers
is written as before.

Typography asks the same of a mark: French spaces go before ``!`` after a French
word, never after an Arabic one (:mod:`jeudis.export.typography`).
"""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup, escape

# Where letters written from right to left may be, looked for in UTF-8 at C speed (a
# scan of the text for a class of characters took 60 us on a long answer, 15% of its
# typography): Hebrew, Arabic, Syriac, Thaana and N'Ko start with a byte of their own
# (U+0580 to U+07FF: 0xD6 to 0xDF); Samaritan, Mandaic and Arabic's extensions
# (U+0800 to U+08FF), the presentation forms (U+FB1D to U+FEFE) and the scripts of
# plane 1 (U+10800 to U+10FFF, U+1E800 to U+1EFFF) with a byte each search opens on.
# Which of these is a letter read from the right is unicodedata's to say.
_LEADS = bytes(range(0xD6, 0xE0))
# Each looked for only where its first byte is (found by memchr; rare in a Latin text).
_E0, _EF, _F0 = (
    re.compile(pattern)
    for pattern in (rb"\xe0[\xa0-\xa3]", rb"\xef[\xac-\xbb]", rb"\xf0[\x90\x9e]")
)


def may_rtl(text: str) -> bool:
    """Whether ``text`` may hold a letter written from right to left (never False when it does)."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _LEADS)) != len(data) or "\u200f" in text:  # the RLM
        return True
    return (
        (b"\xe0" in data and _E0.search(data) is not None)
        or (b"\xef" in data and _EF.search(data) is not None)
        or (b"\xf0" in data and _F0.search(data) is not None)
    )


LTR, RTL = "ltr", "rtl"
_STRONG = {"L": LTR, "R": RTL, "AL": RTL}
# A private-use character a pass puts in the text (a token held, answers kept apart):
# no letter of the guest's.
_PLACEHOLDERS = frozenset("\ue000\ue001")


def strong(char: str) -> str | None:
    """``ltr`` or ``rtl`` for a letter read that way (a strong character), else None."""
    if char in _PLACEHOLDERS:
        return None
    return _STRONG.get(unicodedata.bidirectional(char))


def first_strong(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The direction of the first letter of ``text[start:end]`` read one way, or None."""
    for char in text[start:end]:
        if (found := strong(char)) is not None:
            return found
    return None


def last_strong(text: str, start: int, end: int) -> str | None:
    """The direction of the last letter of ``text[start:end]`` read one way, or None."""
    for index in range(end - 1, start - 1, -1):
        if (found := strong(text[index])) is not None:
            return found
    return None


def against(text: str, language_rtl: bool) -> bool:
    """Whether ``text`` opens on a letter read the other way from a page in a language
    written so (from the right when ``language_rtl``)."""
    if not language_rtl and not may_rtl(text):
        return False
    found = first_strong(text)
    return found is not None and found != (RTL if language_rtl else LTR)


def holds_other(text: str, language_rtl: bool) -> bool:
    """Whether ``text`` holds a letter read the other way from a page in a language
    written so: a name to set apart in a line of the page's (see :func:`isolated`)."""
    if not language_rtl and not may_rtl(text):
        return False
    other = LTR if language_rtl else RTL
    return any(strong(char) == other for char in text)


def isolated(text: str, name: str, language_rtl: bool) -> Markup:
    """``text`` as HTML, each ``name`` in it in a ``<bdi>`` when the name holds a letter
    read the other way from the page (:func:`holds_other`); else escaped as it is.

    A name in Arabic in a line of French took the marks and digits after it into
    its own direction: "de سارة الخطيب · 7 avril 2011" showed its "7 ·" on the
    name's left. The HTML standard sets a user's name apart so, the ``<bdi>`` laid
    out the way its first letter reads, the line around it as it was.
    """
    if not name or name not in text or not holds_other(name, language_rtl):
        return escape(text)
    return Markup("<bdi>{}</bdi>").format(name).join(escape(part) for part in text.split(name))


# Unicode's isolates (UAX #9): FIRST STRONG ISOLATE opens a span laid out the way its
# first letter reads, POP DIRECTIONAL ISOLATE closes it; the text around is laid out
# as if the span were one neutral character. Plain text's <bdi>.
FSI, PDI = "\u2068", "\u2069"


def isolated_text(text: str, name: str, language_rtl: bool) -> str:
    """``text`` as plain text, each ``name`` in it between :data:`FSI` and :data:`PDI`
    when the name holds a letter read the other way from a post in a language written
    so (:func:`holds_other`); else ``text`` as it is, to the byte.

    Where no markup can be: a page's ``<title>``, Open Graph's and JSON-LD's title, a
    feed entry's ``<title>``, a WordPress post's title, a generator's front matter
    (whose theme puts it in ``<title>``). "Interview de سارة الخطيب · 7 avril 2011"
    showed its "7 ·" on the name's left there, as it did in the page's ``<h1>`` before
    its ``<bdi>`` (:func:`isolated`). The isolates are invisible, and are characters
    XML, HTML and JSON take as any other. A title that is the name alone has nothing
    around it to set it apart from: it is left as it is.
    """
    if not name or name not in text or text.strip() == name or not holds_other(name, language_rtl):
        return text
    return text.replace(name, f"{FSI}{name}{PDI}")


# The blocks of a guest's HTML (cmark's) that take a direction of their own, and the
# elements whose text the browser leaves out of a block's (HTML's "auto directionality").
_BLOCKS = frozenset(
    ("p", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "th", "td")
)
_ISOLATED = frozenset(("bdi", "script", "style", "textarea"))
_VOID = frozenset(("area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"))
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>", re.DOTALL)
# A tag's attributes, each name with its value (a value may hold " dir=": a link's title).
_ATTRIBUTE = re.compile(r"""\s*([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


class _Block:
    """A block open in the HTML being read: where its tag's name ends in the output,
    the direction around it, and its own once its first letter is met."""

    __slots__ = ("around", "at", "own")

    def __init__(self, at: int, around: str | None) -> None:
        self.at = at
        self.around = around
        self.own: str | None = None


def directed(rendered: str, language_rtl: bool) -> str:
    """A guest's HTML with ``dir="auto"`` on each block whose first letter reads the
    other way from the block around it (from the page, read from the right when
    ``language_rtl``): the direction the browser then gives it is that letter's.

    The first letter of a block is found as a browser finds it for ``dir="auto"``:
    in its text, code included, but that of an element with a ``dir`` of its own (a
    block given one here, jeudis's English words in a ``<span lang="en" dir="ltr">``)
    or a ``<bdi>``. A block holding no such letter keeps the direction around it.
    """
    if not language_rtl and not may_rtl(rendered):
        return rendered  # a left-to-right page of left-to-right text: nothing reads otherwise
    page = RTL if language_rtl else LTR
    out: list[str] = []
    open_elements: list[tuple[str, _Block | None, bool]] = []  # name, block, isolated
    isolated = 0
    last = 0

    def read(text: str) -> None:
        undecided = [block for _, block, _ in open_elements if block and block.own is None]
        if not undecided or isolated:
            return
        found = first_strong(html.unescape(text) if "&" in text else text)
        if found is None:
            return
        for block in undecided:
            block.own = found
        # The outermost block still open without a direction takes the letter's; the
        # blocks inside it, the same, need no attribute.
        outer = undecided[0]
        if outer.around is not None and found != outer.around:
            out[outer.at] += ' dir="auto"'

    for tag in _TAG.finditer(rendered):
        read(rendered[last : tag.start()])
        out.append(rendered[last : tag.start()])
        last = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if not name:  # a comment
            out.append(tag.group())
            continue
        if closing:
            while open_elements:
                opened, _, was_isolated = open_elements.pop()
                isolated -= was_isolated
                if opened == name:
                    break
            out.append(tag.group())
            continue
        attributes = tag.group(3)
        if name in _VOID or attributes.endswith("/"):
            out.append(tag.group())
            continue
        own_direction = name in _ISOLATED or _has_dir(attributes)
        block = None
        if name in _BLOCKS and not isolated and not own_direction:
            around = _around(open_elements, page)
            out.append(f"<{tag.group(2)}")
            block = _Block(len(out) - 1, around)
            out.append(f"{attributes}>")
        else:
            out.append(tag.group())
        open_elements.append((name, block, own_direction))
        isolated += own_direction
    read(rendered[last:])
    out.append(rendered[last:])
    return "".join(out)


def _has_dir(attributes: str) -> bool:
    if "dir" not in attributes.lower():
        return False
    return any(name.lower() == "dir" for name in _ATTRIBUTE.findall(attributes))


def _around(open_elements: list[tuple[str, _Block | None, bool]], page: str) -> str | None:
    """The direction of the innermost block open (the page's when none is), None while
    that block's first letter is still to come."""
    for _, block, _ in reversed(open_elements):
        if block is not None:
            return block.own
    return page
