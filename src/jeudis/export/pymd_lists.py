"""A guest's lists and line breaks written as Python-Markdown reads them (Pelican, MkDocs).

Answers are written as typed, in CommonMark, which cmark-gfm renders for the HTML
outputs. Python-Markdown, which Pelican and MkDocs read posts with, reads lists and
breaks otherwise, and showed what guests write most as something else:

- a list right under a line of text, with no blank line (as the answer sheet has
  guests write one), as that paragraph's text, dashes and all: a blank line is put
  before a list following another block;
- a list inside an item indented by 2 spaces, as the item's text: Python-Markdown
  reads an item's blocks indented by 4 spaces a level, as they are written here;
- ``1)`` as text: its items are written ``1.``;
- a numbered list right under a bulleted one (or any list under another) as more
  items of that one: an HTML comment, which shows nothing, stands between them;
- ``ligne\\`` at a line's end as a backslash, not a break: two spaces end it instead.

cmark says where each list, item and paragraph is (its source positions), so a
``1)`` or a backslash in code, or a dash in a paragraph, is never taken for one. The
text rewritten is rendered again and must read to CommonMark as the guest's did:
else it is left as written. Lists in a quote are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from jeudis.export import markup

# What may need a rewrite, in a text after a line break: a list marker opening a line, a
# backslash ending one. Looked for after each "\n", twice as quick as at each "^" (4 µs
# on an answer of four paragraphs).
_MAY_REWRITE = re.compile(r"\n[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t\n]|\Z)|\\\n")
_BLOCK_TAG = re.compile(
    r'<(/?)(p|ul|ol|li|blockquote|pre|h[1-6]|table|hr)\b(?:[^>]*? data-sourcepos="(\d+):(\d+)-(\d+):)?'
)
_SOURCEPOS = re.compile(r' data-sourcepos="[^"]*"')
_MARKER = re.compile(r"([-+*]|\d{1,9}[.)])( *)")
_PAREN = re.compile(r"\d{1,9}\)")
_OMITTED = "<!-- raw HTML omitted -->\n"
# Between two lists, so that Python-Markdown does not read the second as more items.
SEPARATOR = "<!-- -->"
_TAB = 4  # Python-Markdown's indent of a nested block


@dataclass
class _Block:
    """A block as cmark wrote it: its tag, its first line, column (both from 0) and
    last line, and its blocks."""

    tag: str
    row: int = -1
    col: int = 0
    last: int = -1
    parent: _Block | None = None
    children: list[_Block] = field(default_factory=list)


def for_python_markdown(markdown: str) -> str:
    """``markdown`` (an answer, an intro) written so that Python-Markdown reads its lists
    and line breaks as CommonMark does; unchanged when it holds none, or when the
    rewrite would read otherwise to CommonMark."""
    if _MAY_REWRITE.search("\n" + markdown) is None:
        return markdown
    global _positions, _renderer
    if _positions is None:
        _positions = markup._cmark(2)  # CMARK_OPT_SOURCEPOS
    if _renderer is None:
        _renderer = markup._cmark()
    text = markup.to_lf(markdown)
    placed = _positions(text)
    rewritten = _rewritten(text.split("\n"), _tree(placed))
    if rewritten == text:
        return markdown
    meant = _SOURCEPOS.sub("", placed).replace(_OMITTED, "")
    return rewritten if _renderer(rewritten).replace(_OMITTED, "") == meant else markdown


_positions: Callable[[str], str] | None = None
_renderer: Callable[[str], str] | None = None


def _tree(rendered: str) -> _Block:
    """The blocks of cmark's HTML with source positions (its text escapes every ``<``)."""
    root = _Block("")
    open_ = root
    for closing, tag, row, col, last in _BLOCK_TAG.findall(rendered):
        if closing:
            open_ = open_.parent or root
            continue
        block = _Block(tag, int(row or 0) - 1, int(col or 1) - 1, int(last or 0) - 1, open_)
        open_.children.append(block)
        if tag != "hr":
            open_ = block
    return root


def _rewritten(lines: list[str], root: _Block) -> str:
    edits: dict[int, str] = {}
    before: dict[int, list[str]] = {}  # lines put before a line
    _walk(root, lines, edits, before, depth=0, quoted=False)
    out: list[str] = []
    for index, line in enumerate(lines):
        out += before.get(index, [])
        out.append(edits.get(index, line))
    return "\n".join(out)


def _walk(
    block: _Block,
    lines: list[str],
    edits: dict[int, str],
    before: dict[int, list[str]],
    *,
    depth: int,
    quoted: bool,
) -> None:
    """The edits of ``block``'s blocks: ``depth`` items around them, ``quoted`` in a quote."""
    previous: _Block | None = None
    for child in block.children:
        if not quoted and child.row > 0:
            if child.tag in ("ul", "ol") and (block.tag == "" or _loose(block.parent)):
                _parted(child, previous, lines, before, depth)
            elif child.tag == "li" and previous is not None and _loose(block):
                _parted(child, None, lines, before, depth)
        if child.tag == "li":
            if not quoted:
                _indented(child, lines, edits, depth + 1)
            if block.tag == "ol":
                _dotted(child, lines, edits)
        if child.tag in ("p", "li"):
            _broken(child, lines, edits)
        _walk(
            child,
            lines,
            edits,
            before,
            depth=depth + (child.tag == "li"),
            quoted=quoted or child.tag == "blockquote",
        )
        previous = child


def _loose(listed: _Block | None) -> bool:
    """True for a list whose items are paragraphs (a blank line parts two of its blocks)."""
    return listed is not None and any(
        child.tag == "p" for item in listed.children for child in item.children
    )


def _parted(
    block: _Block,
    previous: _Block | None,
    lines: list[str],
    before: dict[int, list[str]],
    depth: int,
) -> None:
    """A blank line before a block under another block's line, which Python-Markdown
    reads as that block's text (a list under a paragraph, an item of a loose list under
    its last paragraph); a separator before a list under another list, which it
    reads as more items of that one."""
    blank = [""] if lines[block.row - 1].strip() else []
    if previous is not None and previous.tag in ("ul", "ol"):
        before[block.row] = [*blank, " " * (_TAB * depth) + SEPARATOR, ""]
    elif blank:
        before[block.row] = blank


def _dotted(item: _Block, lines: list[str], edits: dict[int, str]) -> None:
    """An ordered item's ``1)`` written ``1.``."""
    line = edits.get(item.row, lines[item.row])
    at = item.col + len(line) - len(lines[item.row])  # its indent may have changed
    marker = _PAREN.match(line, at)
    if marker is not None:
        edits[item.row] = line[: marker.end() - 1] + "." + line[marker.end() :]


def _indented(item: _Block, lines: list[str], edits: dict[int, str], depth: int) -> None:
    """The item's marker at 4 spaces a level, its blocks at 4 more (not the lines
    continuing a paragraph: Python-Markdown reads them in it at any indent).

    Items are met outside in: an item's lines are written again from the guest's, as
    its own level says, over what the item around it made of them.
    """
    first = lines[item.row]
    marker = _MARKER.match(first, item.col)
    if marker is None:  # pragma: no cover - cmark's items start on their marker
        return
    if first[: item.col].strip(" ") == "":  # not after another's marker ("- - a")
        edits[item.row] = " " * (_TAB * (depth - 1)) + first[item.col :]
    spaces = len(marker.group(2))
    content = item.col + len(marker.group(1)) + (spaces if 0 < spaces <= 4 else 1)
    continuing = _continuing(item)
    for row in range(item.row + 1, item.last + 1):
        line = lines[row]
        if row not in continuing and line.strip() and line[:content].strip(" ") == "":
            edits[row] = " " * (_TAB * depth) + line[content:]


def _continuing(item: _Block) -> set[int]:
    """The lines of ``item`` continuing a paragraph of its own (not in a quote)."""
    rows = set(range(item.row + 1, _text_end(item) + 1))
    for child in item.children:
        if child.tag == "p":
            rows.update(range(child.row + 1, child.last + 1))
    return rows


def _text_end(item: _Block) -> int:
    """The last line of a tight item's text (before its first block), else of its first line."""
    if any(child.tag == "p" for child in item.children):
        return item.row
    if item.children:
        return item.children[0].row - 1
    return item.last


def _broken(block: _Block, lines: list[str], edits: dict[int, str]) -> None:
    """Each backslash break of a paragraph (or a tight item's text) as two spaces."""
    end = block.last if block.tag == "p" else _text_end(block)
    for row in range(block.row, end):
        line = edits.get(row, lines[row])
        if line.endswith("\\") and lines[row + 1].strip():
            run = len(line) - len(line.rstrip("\\"))
            if run % 2:
                edits[row] = line[:-1] + "  "
