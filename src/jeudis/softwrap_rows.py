"""Where the rows of a line being typed break, word-wrapped (for :mod:`jeudis.softwrap`).

A row breaks at spaces only, and not before a mark no line starts on; words end a
cell before the edge; a word longer than a row is cut, never inside a character as
the guest sees it (a letter and its accents, a flag, emoji joined) but one wider
than a row itself, where the terminal draws it in pieces. A line changed
is laid out again from where the change can move its rows only. Where the cursor
goes on the rows (Up, Down, Home, End) is read from them here too. Pure functions
of the text, the room each row has and the cells each character takes (the
terminal's, see :mod:`jeudis.graphemes`): no window.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate

from jeudis.graphemes import (
    CELLS,
    cluster_end,
    next_boundary,
    odd_characters,
    previous_boundary,
    width,
)
from jeudis.screen import glued

# A word and the spaces after it, or the spaces a line starts with.
_UNIT = re.compile(r"[^ ]+ *|^ +")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a line on the screen, by index in the line."""

    start: int  # its first character
    end: int  # after the last character drawn on it
    next: int  # where the next row starts: spaces from ``end`` hang past the edge, not drawn
    pad: int  # blank cells drawn after ``end``, up to the edge: the next word did not fit


class _Rows:
    """The rows of one line, as they are laid out (see :func:`rows`), from ``start``,
    where the row after those ``done`` starts."""

    def __init__(self, line: str, room: Callable[[int], int], done: list[Row], start: int) -> None:
        self.line = line
        self.origin = start  # the widths and their sums are kept from there on
        self.widths = widths = [CELLS[char] for char in line[start:]]
        for first, end, cells in odd_characters(line[start:]):
            widths[first:end] = [cells] + [0] * (end - first - 1)
        self.sums = [0, *accumulate(self.widths)]
        self.room = room
        self.done = done
        self.start, self.used = start, 0
        self.space = max(room(len(done)), 1)

    def cells(self, start: int, end: int) -> int:
        return self.sums[end - self.origin] - self.sums[start - self.origin]

    def fits(self, cells: int) -> bool:
        """Whether ``cells`` more fit on the row before its last cell, which is kept for
        the space after the last word, or the cursor: after a word ending at the edge
        the cursor would be drawn nowhere (and an accent on its last letter, which the
        window draws only left of the edge, would be lost)."""
        return self.used + cells < self.space

    def text_room(self) -> int:
        """The cells of text the row a word that does not fit here goes to takes."""
        return (self.space if not self.used else max(self.room(len(self.done) + 1), 1)) - 1

    def wrap(self, end: int, start: int) -> None:
        """The row ends after ``end``; the next starts at ``start``."""
        self.done.append(Row(self.start, end, start, max(self.space - self.used, 0)))
        self.start, self.used = start, 0
        self.space = max(self.room(len(self.done)), 1)

    def place(self, start: int, text_end: int, end: int) -> None:
        """A word (``start`` to ``text_end``) and the spaces after it (to ``end``)."""
        size = self.cells(start, text_end)
        if self.used and not self.fits(size):
            self.wrap(start, start)  # the word moves whole to the next row
        if self.fits(size):
            self.used += size
        else:
            self.cut(start, text_end)
        if self.used + end - text_end <= self.space:
            self.used += end - text_end
        else:  # spaces up to the edge are drawn; the others hang past it
            shown = max(self.space - self.used, 0)
            self.used = self.space
            self.wrap(text_end + shown, end)

    def cut(self, start: int, end: int) -> None:
        """A word wider than a row, cut where the row ends (not inside a character:
        between a letter and its accents, the two halves of a flag, see
        :func:`cluster_end`), but in a character wider than a row itself."""
        at = start
        while at < end:
            after = min(cluster_end(self.line, at), end)
            for piece in self.pieces(at, after):
                if self.used and not self.fits(self.cells(at, piece)):
                    self.wrap(at, at)
                self.used += self.cells(at, piece)
                at = piece

    def pieces(self, start: int, end: int) -> list[int]:
        """Where the parts of the character from ``start`` to ``end`` end: the whole, or,
        when it is wider than the row it goes to, each code point the terminal draws in
        cells of its own (👍🏽 in tmux: 👍 and 🏽, two cells each), with the marks after
        it. The window would cut it there anyway, at its edge, and its rows would no
        longer be these: the cursor was drawn rows away from the text. A character the
        terminal draws as one (👩‍💻 in two cells in kitty) stays whole, past the edge
        (see :func:`jeudis.softwrap.drawn`)."""
        size = self.cells(start, end)
        room = self.space if not self.used or self.fits(size) else self.room(len(self.done) + 1)
        if size <= max(room, 1):
            return [end]
        origin = self.origin
        return [at for at in range(start + 1, end) if self.widths[at - origin]] + [end]


def rows(line: str, room: Callable[[int], int]) -> list[Row]:
    """``line`` word-wrapped: ``room(n)`` is the cells the n-th row has (the
    terminal's width, less what the prompt draws at its left).

    A row breaks at spaces only, and not before a mark no line starts on ("?",
    "»", as :func:`jeudis.screen.glued` says) unless the words so held together
    would not fit on any row. Words end a cell before the edge: the last cell is
    the space's after them, or the cursor's. A word too long for a row is cut there.
    When the last row is full (of spaces), an empty one follows: the cursor after
    the text is there.
    """
    return _lay_out(line, room, [], 0)


def _lay_out(line: str, room: Callable[[int], int], done: list[Row], start: int) -> list[Row]:
    """:func:`rows`, from ``start``: the rows ``done`` before it, and a unit there."""
    laid = _Rows(line, room, done, start)
    for unit in _units(line, start):
        first, text_end, end = unit[0][0], unit[-1][1], unit[-1][2]
        if len(unit) > 1 and laid.cells(first, text_end) > laid.text_room():
            for word in unit:
                laid.place(*word)
        else:
            laid.place(first, text_end, end)
    full = laid.used >= laid.space and laid.start < len(line)
    laid.done.append(Row(laid.start, len(line), len(line), 0))
    if full:
        laid.done.append(Row(len(line), len(line), len(line), 0))
    return laid.done


def relaid(old: str, laid: list[Row], line: str, room: Callable[[int], int]) -> list[Row]:
    """:func:`rows` of ``line``, changed from ``old`` whose rows were ``laid`` (at the
    same ``room``): the rows before the change are kept, and the line is laid out
    again from the last of them the change cannot move. Typing in a paragraph of
    5,000 characters, laying it all out again at each letter made a key press
    nearly twice as slow as without word wrap."""
    same = _common(old, line)
    # A row starting on a unit is laid out from there as from the line's start,
    # provided the unit, and the word after it that says where it ends, are unchanged.
    at = bisect_right([row.start for row in laid], same - _LOOKAHEAD) - 1
    for index in range(at, 0, -1):
        start = laid[index].start
        if _starts_unit(line, start):
            unit = next(_units(line, start))
            if unit[-1][2] + _LOOKAHEAD <= same:
                return _lay_out(line, room, laid[:index], start)
    return rows(line, room)


# The characters after a unit that say whether the next word belongs to it: its
# first (a mark, an accent that combines) and whether it has more than three
# (see :func:`jeudis.screen.glued`).
_LOOKAHEAD = 4


def _common(old: str, line: str) -> int:
    """The length of the start ``old`` and ``line`` share."""
    low, high = 0, min(len(old), len(line))
    while low < high:  # halving: slices compare in C, a loop by character would not
        middle = (low + high + 1) // 2
        if old[:middle] == line[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _starts_unit(line: str, at: int) -> bool:
    """Whether a unit of :func:`_units` starts at ``at`` (> 0) in ``line``: a character
    does too (a skin tone after a space is one with it, see :func:`cluster_end`)."""
    if at >= len(line) or line[at] == " " or line[at - 1] != " " or not CELLS[line[at]]:
        return False
    if cluster_end(line, at - 1) != at:
        return False
    end = len(line[:at].rstrip(" "))
    if not end:  # only spaces before: the line's first unit
        return True
    before = line[line.rfind(" ", 0, end) + 1 : end]
    word_end = line.find(" ", at)
    return not glued(before, line[at : word_end if word_end >= 0 else len(line)])


def _units(line: str, at: int = 0) -> Iterator[list[tuple[int, int, int]]]:
    """The words of ``line`` from ``at``, where a unit starts, as (start, end of the
    text, end of the spaces after it), in units a row does not break: "travail ?",
    "« oui »".

    An accent after a space belongs to the word before: the window would draw it
    past the edge of a row it started, and the cursor on it nowhere.
    """
    unit: list[tuple[int, int, int]] = []
    before = ""
    for match in _UNIT.finditer(line, at):
        start, end = match.span()
        word = match.group().rstrip(" ")
        text_end = start + len(word)
        if not unit or not word:
            if unit:
                yield unit
            unit = [(start, text_end, end)]
        elif not CELLS[word[0]]:
            last = unit[-1]
            unit[-1] = (last[0], text_end, end)
        elif before and glued(before, word):
            unit.append((start, text_end, end))
        else:
            yield unit
            unit = [(start, text_end, end)]
        before = word
    if unit:
        yield unit


def row_of(laid: list[Row], col: int) -> int:
    """The row the cursor at ``col`` is drawn on (past the edge: the next row's start)."""
    row = bisect_right([r.start for r in laid], col) - 1
    if col >= laid[row].end and row + 1 < len(laid):
        row += 1
    return row


def cells_of(line: str, start: int, end: int) -> int:
    """The cells ``line`` takes from ``start`` to ``end``, two places between characters."""
    return width(line[start:end])


def row_start(line: str, row: Row) -> int:
    """The first place on ``row`` a cursor is drawn: its start, or, on a row that
    starts inside a character wider than a row (see :meth:`_Rows.pieces`), the
    place after that character (not inside it: a letter typed there split it)."""
    if row.start >= len(line):
        return row.start
    end = next_boundary(line, row.start)
    return row.start if previous_boundary(line, end) == row.start else end


def _last(line: str, row: Row, last: bool) -> int:
    """The last place on ``row`` a cursor is drawn: the line's end on the last row,
    else before the last character (the place after it is the next row's start)."""
    if last:
        return row.end
    at = row_start(line, row)  # not inside a character: between a letter and its accent
    while (after := cluster_end(line, at)) < row.end:
        at = after
    return at


def holds_cursor(line: str, laid: list[Row], row: int) -> bool:
    """Whether a cursor is ever drawn on row ``row``: not on a row of a character wider
    than a row, between the rows of its start and of its end."""
    return row == len(laid) - 1 or row_start(line, laid[row]) < laid[row].end


def column_at(line: str, laid: list[Row], row: int, cells: int) -> int:
    """The place on row ``row`` at ``cells`` from its start, or the nearest before."""
    limit = _last(line, laid[row], row == len(laid) - 1)
    at = row_start(line, laid[row])
    used = cells_of(line, laid[row].start, at)
    while at < limit:
        after = min(cluster_end(line, at), limit)
        used += cells_of(line, at, after)
        if used > cells:
            break
        at = after
    return at


def row_end(line: str, laid: list[Row], row: int) -> int:
    """Where End puts the cursor on ``row``: after its last word, before the spaces;
    on a row that ends inside a word too long for it, on its last letter (the place
    after it is the next row's start)."""
    last = row == len(laid) - 1
    text = line[laid[row].start : laid[row].next]
    if not last and text.endswith(" "):
        return laid[row].start + len(text.rstrip(" "))
    return _last(line, laid[row], last)
