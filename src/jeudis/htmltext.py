"""An HTML email as the text its writer typed, in Markdown: for a sheet sent back so.

Some webmails send only HTML. What the guest typed is in it as lines (a
``<div>`` each, as Gmail writes them, or ``<br>``), paragraphs, lists, links,
bold and italic; the message they reply to is a ``<blockquote>``. Each becomes
what a plain-text reply would hold: lines, ``- `` items, ``[text](address)``,
``**bold**``, ``*italic*``, and ``> `` before every quoted line, so that the
sheet reads as any other. Styles, scripts and whatever is not text are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that begin and end a line of their own.
_LINES = frozenset({
    "address", "article", "aside", "center", "dd", "details", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "legend",
    "main", "nav", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
})  # fmt: skip
# Elements with a blank line above and below.
_PARAGRAPHS = frozenset({
    "p", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
})  # fmt: skip
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite"})
# Elements whose content is not text to read.
_HIDDEN = frozenset({"style", "script", "title", "template", "noscript", "head"})
# Elements with no end tag.
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip
# What opens and closes bold and italic, put where the text is; whitespace is moved
# out of them, and an empty pair dropped, once the line is whole.
_OPEN = {"bold": "\ue000", "italic": "\ue002"}
_CLOSE = {"bold": "\ue001", "italic": "\ue003"}
_SENTINELS = str.maketrans(dict.fromkeys("\ue000\ue001\ue002\ue003"))  # none in the text
_MARKDOWN = str.maketrans({"\ue000": "**", "\ue001": "**", "\ue002": "*", "\ue003": "*"})
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace: not the no-break space
_LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
# A link whose text is an address: the guest typed the address (the mail program
# linked it, Outlook through its "safe links" service): the address is what stays.
_ADDRESS = re.compile(r"^(https?://|www\.)\S+$|^[^@\s]+@[^@\s]+\.\w+$", re.IGNORECASE)


@dataclass
class HtmlText:
    text: str
    images: int  # pictures left out (an emoji drawn as one is its character)


def html_to_text(html: str, keep_comment: str = "") -> HtmlText:
    """``html`` as the text it shows, in Markdown; a comment that opens with
    ``keep_comment`` (the sheet's first line) is kept as a line of its own."""
    reader = _Reader(keep_comment)
    reader.feed(html)
    reader.close()
    return HtmlText(reader.result(), reader.images)


class _Reader(HTMLParser):
    def __init__(self, keep_comment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_comment = keep_comment
        self.lines: list[str] = []
        self.line = ""  # the line being written, without its prefix
        self.prefix = ""  # its list marker or indent, taken when its first text came
        self.quote = 0  # blockquote depth
        self.lists: list[list[int | str]] = []  # [kind, next number] of each open list
        self.item = ""  # what the line of a list item not its first begins with
        self.marker = ""  # the marker of a list item whose text has not come yet
        self.styles: list[tuple[str, str]] = []  # (tag, bold or italic), open
        self.link: tuple[str, list[str]] | None = None  # its address, its text so far
        self.hidden: list[str] = []  # the open elements whose text is not read
        self.pre = 0
        self.pre_start = False
        self.blocks: list[tuple[str, bool]] = []  # each open, and whether it is a line only
        self.images = 0

    # -- the parser's events ------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden.clear()  # a head never closed ends here
        if tag in _HIDDEN:
            self.hidden.append(tag)
            return
        if self.hidden:
            return
        given = {name: value or "" for name, value in attrs}
        if tag == "br":
            self._end_line(blank=True)
        elif tag == "img":
            self._image(given)
        elif tag == "hr":
            self._paragraph()
            self._write("-----")
            self._paragraph()
        elif tag in _PARAGRAPHS:
            self.blocks.append((tag, self._line_only(tag, given)))
            if self.blocks[-1][1]:
                self._end_line()
            else:
                self._paragraph()
            self._open_block(tag)
        elif tag in _LINES:
            self._end_line()
        elif tag == "li":
            self._item()
        elif tag in ("td", "th") and self.line.strip():
            self._write(" ")
        elif tag == "a":
            self.link = (given.get("href", "").strip(), [])
        elif (style := self._style(tag, given)) is not None:
            self.styles.append((tag, style))
            if self.line or self.link is not None:  # else it opens with the line's text
                self._write(_OPEN[style])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag in self.hidden:
                del self.hidden[self.hidden.index(tag) :]
            return
        if tag in _PARAGRAPHS:
            self._end_line()
            self.marker = ""
            opened = [at for at, (name, _) in enumerate(self.blocks) if name == tag]
            if opened:  # (a stray end tag ends the line, no more)
                while len(self.blocks) > opened[-1]:
                    self._close_block(*self.blocks.pop())
        elif tag in _LINES or tag == "li":
            self._end_line()
            self.marker = ""
        elif tag == "a" and self.link is not None:
            address, text = self.link
            self.link = None
            self._write(_link("".join(text), address))
        elif any(open_tag == tag for open_tag, _ in self.styles):
            while self.styles:
                open_tag, style = self.styles.pop()
                if self.line or self.link is not None:  # else it never opened on this line
                    self._write(_CLOSE[style])
                if open_tag == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        data = data.translate(_SENTINELS)
        if self.pre:
            if self.pre_start:  # as a browser shows it: not the line break right after <pre>
                data = data.removeprefix("\n")
            self.pre_start = False
            first, *rest = data.split("\n")
            self._write(first)
            for line in rest:
                self._end_line(blank=True)
                self._write(line)
            return
        self._write(_SPACE.sub(" ", data))

    def handle_comment(self, data: str) -> None:
        if self.keep_comment and data.strip().startswith(self.keep_comment) and not self.hidden:
            self._end_line()
            self._write(f"<!--{_SPACE.sub(' ', data)}-->")
            self._end_line()

    # -- writing ------------------------------------------------------------------

    def _write(self, text: str) -> None:
        if self.link is not None:
            self.link[1].append(text)
            return
        if not self.line and not self.pre:
            text = text.lstrip(" ")
        if text and not self.line:
            self.prefix = self.marker or self.item
            self.marker = ""
            text = "".join(_OPEN[style] for _, style in self.styles) + text
        self.line += text

    def _end_line(self, blank: bool = False) -> None:
        """End the line being written; ``blank``: even if it holds nothing (a ``<br>``)."""
        if self.link is not None:  # a link over two lines: its text, as text
            address, text = self.link
            self.link = None
            self._write(_link("".join(text), address))
            self.link = (address, [])
        # Bold over several lines: each line is bold (the next opens it with its text).
        closes = "".join(_CLOSE[style] for _, style in reversed(self.styles))
        line = _tidy(self.line + closes, self.pre > 0) if self.line else ""
        written, prefix = self.line, self.prefix
        self.line = self.prefix = ""
        if not written and not blank:  # (a line of a no-break space is an empty line)
            return
        quote = "> " * self.quote
        self.lines.append((quote + prefix + line).rstrip() if line else quote.rstrip())

    def _paragraph(self) -> None:
        """A blank line, unless one is there already."""
        self._end_line()
        blank = ("> " * self.quote).rstrip()
        if self.lines and self.lines[-1].strip("> "):
            self.lines.append(blank)
        elif self.lines:  # the blank line a blockquote ended on, now out of it
            self.lines[-1] = blank

    def _line_only(self, tag: str, given: dict[str, str]) -> bool:
        """Whether ``tag`` only begins and ends a line, not a paragraph: Outlook writes
        each line as a paragraph ``MsoNormal``; a list's paragraphs are its items."""
        if tag == "p" and given.get("class", "").startswith("Mso"):
            return True
        return tag in ("p", "ul", "ol") and bool(self.lists)

    def _close_block(self, tag: str, line_only: bool) -> None:
        if tag == "blockquote":
            self.quote -= 1
        elif tag in ("ul", "ol"):
            self.lists.pop()
            self.item = self._indent()
        elif tag == "pre":
            self.pre -= 1
        if not line_only:
            self._paragraph()

    def _open_block(self, tag: str) -> None:
        if tag == "blockquote":
            self.quote += 1
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 1])
        elif tag == "pre":
            self.pre += 1
            self.pre_start = True
        elif tag[0] == "h" and tag[1:].isdigit():
            self.marker = "#" * int(tag[1:]) + " "

    def _item(self) -> None:
        self._end_line()
        if not self.lists:
            self.lists.append(["ul", 1])
        kind, number = self.lists[-1]
        if kind == "ol":
            mark = f"{number}. "
            self.lists[-1][1] = int(number) + 1
        else:
            mark = "- "
        indent = self._indent(outer=True)
        self.marker = indent + mark
        self.item = indent + " " * len(mark)

    def _indent(self, outer: bool = False) -> str:
        """The indent of a list item's lines: two spaces a level ("1. " needs three)."""
        levels = self.lists[:-1] if outer else self.lists
        return "".join("   " if kind == "ol" else "  " for kind, _ in levels)

    def _image(self, given: dict[str, str]) -> None:
        alt = given.get("alt", "").strip()
        # Gmail draws an emoji as a picture of it, with the emoji as its text.
        if alt and ("data-emoji" in given or not any(char.isalnum() for char in alt)):
            self._write(alt)
        else:
            self.images += 1

    @staticmethod
    def _style(tag: str, given: dict[str, str]) -> str | None:
        style = given.get("style", "").replace(" ", "").lower()
        if tag in _BOLD or re.search(r"font-weight:(bold|[6-9]00)", style):
            return "bold"
        if tag in _ITALIC or "font-style:italic" in style:
            return "italic"
        return None

    def result(self) -> str:
        self._end_line()
        while self.lines and not self.lines[-1].strip("> "):
            self.lines.pop()
        while self.lines and not self.lines[0].strip("> "):
            self.lines.pop(0)
        return "\n".join(self.lines)


def _tidy(line: str, pre: bool) -> str:
    """A line's text as Markdown: bold and italic around words, not around the spaces
    next to them; no-break spaces kept only between two signs ("Oui ?", "9 200")."""
    for style in ("bold", "italic"):
        opening, closing = _OPEN[style], _CLOSE[style]
        line = re.sub(f"{opening}([ \u00a0]+)", rf"\1{opening}", line)
        line = re.sub(f"([ \u00a0]+){closing}", rf"{closing}\1", line)
        line = line.replace(opening + closing, "")
    if not pre:
        line = re.sub(r"[ \u00a0]{2,}", " ", line).strip(" \u00a0")
    return line.translate(_MARKDOWN)


def _link(text: str, address: str) -> str:
    """A link as Markdown: ``[text](address)``, or what the guest typed when the mail
    program made the link (its text is an address)."""
    shown = _SPACE.sub(" ", text).strip()
    if not address.lower().startswith(_LINK_SCHEMES):
        return text  # a link to nowhere, or to a script: its text alone
    if not shown:
        return address
    if _ADDRESS.match(shown) or _bare(shown) == _bare(address):
        return text
    label = shown.replace("[", r"\[").replace("]", r"\]")
    target = f"<{address}>" if re.search(r"[\s()<>]", address) else address
    return f"[{label}]({target})"


def _bare(address: str) -> str:
    address = re.sub(r"^(mailto:|https?://)(www\.)?", "", address.strip(), flags=re.IGNORECASE)
    return address.rstrip("/").lower()
