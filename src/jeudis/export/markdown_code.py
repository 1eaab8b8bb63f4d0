"""Code in a guest's Markdown: the fences, spans and indented blocks every Markdown
reads as code, which :mod:`jeudis.export.tokens` holds as written.
"""

from __future__ import annotations

import re

# Code is held as written only where every Markdown reads it as code (CommonMark
# and GFM for Hugo, Zola and Jekyll's kramdown, Python-Markdown for Pelican and
# MkDocs): held text is not checked, so a span one parser reads as code and another
# as text could carry a live link. Anything less certain is treated as text.
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})([^\n]*)\n")
_FENCE_LINE = re.compile(r"^( {0,3})(`{3,}|~{3,})([ \t]*)$", re.MULTILINE)
# A code span: one line, opened and closed by backtick runs of the same length.
_CODE = re.compile(r"(?<![`\\])(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")


_INFO_WORD = re.compile(r"[ \t]*([A-Za-z0-9_+#.-]*)")


# Where a fence could open: at a line's start, after block quote or list markers.
FENCE_START = re.compile(r"^((?:[ \t]*(?:>|[-+*]|[0-9]{1,9}[.)]))*[ \t]*)(?=```|~~~)", re.MULTILINE)


AMBIGUOUS = (-1, "")  # a fence that parsers end at different lines


def fenced_block(text: str, at: int) -> tuple[int, str] | None:
    """A fenced code block opening at ``at``: where it ends, and what to write instead.

    Held only when every Markdown ends it at the same line: the first later line
    of the same fence character at least as long is exactly the opener's marks,
    at the start of the line (CommonMark also takes a longer or indented closer,
    Python-Markdown does not); where they differ, :data:`AMBIGUOUS`. An unclosed
    fence is closed at the end of its answer, so it cannot swallow the rest of
    the post. The info string keeps a plain language name only: generators copy
    it into a ``class`` attribute, and Hugo without escaping it
    (``js"onmouseover="...``). A fence not held is escaped (see ``FENCE_START``).
    """
    opener = _FENCE_OPEN.match(text, at)
    if opener is None:
        return None
    marks, info = opener.groups()
    if marks[0] == "`" and "`" in info:
        return None  # not a fence: an inline code span
    language = _INFO_WORD.match(info)
    head = marks + (language.group(1) if language else "") + "\n"
    for line in _FENCE_LINE.finditer(text, opener.end()):
        indent, run, trailing = line.groups()
        if run[0] != marks[0] or len(run) < len(marks):
            continue  # content to every parser
        if indent or len(run) != len(marks) or "\t" in trailing:
            return AMBIGUOUS  # a closer to some parsers only
        return line.end(), head + text[opener.end() : line.end()]
    body = text[opener.end() :]
    return len(text), head + body + ("" if body.endswith("\n") or not body else "\n") + marks


# An indented code block: lines of four spaces or a tab, after a blank line. Held as
# written (a "<" in it is code, not a tag to escape) only before any list item, block
# quote, definition or footnote: after one, an indented line may be its continuation.
_INDENTED = re.compile(r"(?<=\n)[ \t]*\n((?: {4}|\t)[^\n]*(?:\n(?: {4}|\t)[^\n]*)*)")
_LIST_OR_NOTE = re.compile(
    r"^[ \t]{0,3}(?:(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)|>|:|\[\^)", re.MULTILINE
)


def indented_code(text: str, opening: bool = False) -> list[tuple[int, int]]:
    """Where the indented code blocks every Markdown reads as code are (start, end).

    One opening the text only when ``opening``: for cmark, which renders each
    answer as a block of its own; not in a Markdown post, whose template may put a
    label before the answer on its line (a paragraph, then, not code).
    """
    first = _OPENING_CODE.match(text) if opening else None
    if "\n    " not in text and "\n\t" not in text and first is None:
        return []
    container = _LIST_OR_NOTE.search(text)
    end = container.start() if container else len(text)
    spans = [(block.start(1), block.end(1)) for block in _INDENTED.finditer(text, 0, end)]
    return [(0, first.end()), *spans] if first else spans


_OPENING_CODE = re.compile(r"(?: {4}|\t)[^\n]*(?:\n(?: {4}|\t)[^\n]*)*")


# A line a fence under it may belong to: indented, a block quote, a list item, or a
# definition (": ", kramdown's and Python-Markdown's definition lists).
_CONTAINER_LINE = re.compile(r"[ \t]|>|[-+*:](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$)")


def block_start(text: str, at: int) -> bool:
    """Whether a fence at ``at`` (a line's start) opens a block of its own to every parser.

    Not when a block quote, a list item or an indented line runs into it:
    kramdown (Jekyll) puts a fence under a list item into the item, where it
    ends with the item, and what follows the blank line is text again.
    """
    if at and text[at - 1] != "\n":
        return False
    paragraph_start = text.rfind("\n\n", 0, at)
    above = text[paragraph_start + 2 if paragraph_start >= 0 else 0 : at]
    return not any(_CONTAINER_LINE.match(line) for line in above.split("\n") if line)


def code_span(text: str, at: int) -> tuple[int, int, str] | None:
    """A code span every parser reads as one, held as written.

    Not one holding "|" (a GFM table cuts its cells there, code or not) or "~~"
    (kramdown's GFM reads a strikethrough across it), nor one whose code opens or
    ends on a space (kramdown reads those otherwise): such a span is text, checked.
    Unless its code holds a backtick: the scan would then find a span inside it,
    which no parser reads, and hold that one as written (``"`` ` ``"`` is the
    usual way to write one backtick as code).
    """
    m = _CODE.match(text, at)
    if m is None or not _spans_pair_by_line(text, at):
        return None
    code = m.group().strip("`")
    edge = code[:1].isspace() or code[-1:].isspace()
    if "`" not in code:
        return None if "|" in code or "~~" in code or edge else (at, m.end(), m.group())
    if any(c in code for c in "<&[]{"):
        # Backticks inside: kramdown ends the span at the first run that matches its
        # opener, even inside a longer one, and reads the rest as text. Made text for
        # every parser (each backtick escaped), and cleaned as text.
        from jeudis.export.cleaning import clean_markdown  # it imports this module

        return at, m.end(), clean_markdown(m.group().replace("`", "\\`"), str)
    return at, m.end(), m.group()


_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _spans_pair_by_line(text: str, at: int) -> bool:
    """Whether every backtick run of the paragraph around ``at`` closes on its own line.

    CommonMark and kramdown pair a run with the next one of the same length
    anywhere in the paragraph, Python-Markdown only on the same line: where a
    run is left open on its line they pair runs differently, and no span of that
    paragraph is trusted as code.
    """
    before = [m.end() for m in _BLANK_LINE.finditer(text, 0, at)]
    start = before[-1] if before else 0
    after = _BLANK_LINE.search(text, at)
    for line in text[start : after.start() if after else len(text)].split("\n"):
        runs = [len(run) for run in _BACKTICKS.findall(line)]
        while runs:
            first = runs.pop(0)
            if first not in runs:
                return False
            del runs[: runs.index(first) + 1]
    return True
