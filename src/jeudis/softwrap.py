"""The answer being typed, word-wrapped as it is typed: a text editor's soft wrap.

prompt_toolkit wraps a line too long for the terminal at the character: a word
typed across the right edge was split over two rows ("conver" / "sation"),
while every other line of the session is word-wrapped. Here a processor pads the
row with blanks before a word that would cross the edge, so that the window's
own wrapping falls between words; the spaces at a break stay at the end of the
row (those past the edge are not drawn), and a word longer than a row is cut.
Words keep off a row's last cell: the cursor after the last one is drawn there.
Up, Down, Home and End follow the rows drawn. Display only: what is stored is
what was typed. Where the rows break is :mod:`jeudis.softwrap_rows`'s to say;
here they are drawn in the prompt's window, and its keys follow them. An emoji
the terminal draws in other cells than prompt_toolkit counts (👩‍💻, 🇫🇷) is laid
out, drawn and moved over in the terminal's (:mod:`jeudis.softwrap_cells`).

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.filters import Filter, has_focus, has_selection
from prompt_toolkit.formatted_text import StyleAndTextTuples, to_formatted_text
from prompt_toolkit.formatted_text.utils import fragment_list_width
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout.containers import Window
from prompt_toolkit.layout.controls import BufferControl
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.layout.screen import Char
from prompt_toolkit.layout.utils import explode_text_fragments

from jeudis.graphemes import (
    TAB_CELLS,
    EmojiWidths,
    emoji_widths,
    next_boundary,
    odd_characters,
    previous_boundary,
)
from jeudis.softwrap_cells import StandIns, put_back_when_drawn
from jeudis.softwrap_rows import (
    Row,
    cells_of,
    column_at,
    holds_cursor,
    relaid,
    row_end,
    row_of,
    row_start,
    rows,
)

# The characters the window draws as text of their own ("^A"; a tab "^I", drawn here as blanks).
_CONTROL = re.compile(
    "[" + "".join(re.escape(c) for c in Char.display_mappings if c != "\xa0") + "]"
)


def drawn(
    fragments: StyleAndTextTuples,
    laid: list[Row],
    room: Callable[[int], int],
    stand_ins: StandIns,
) -> Transformation:
    """The line's fragments as the rows ``laid`` (of ``room`` cells) draw them, with
    the maps between the line's positions and those drawn (the cursor's and a mouse
    click's). A character the terminal draws in other cells than prompt_toolkit
    counts is drawn as its stand-in (see :class:`StandIns`), in the cells its row
    has at most: one wider than a row, alone on its own, is cut off at the edge (the
    window would draw the rest of the stand-in on a row of its own, not laid out)."""
    text = "".join(fragment[1] for fragment in fragments)
    odd = odd_characters(text)
    if _CONTROL.search(text):
        return _drawn_by_character(fragments, laid, room, odd, stand_ins)
    shown: StyleAndTextTuples = []
    to_display: list[int] = []
    to_source: list[int] = []
    take = _slicer(fragments)

    def plain(start: int, end: int) -> None:
        shown.extend(take(start, end))
        to_display.extend(range(len(to_source), len(to_source) + end - start))
        to_source.extend(range(start, end))

    waiting = list(reversed(odd))  # taken from the end, in the line's order
    for index, row in enumerate(laid):
        at = row.start
        while waiting and waiting[-1][0] < row.end:
            start, end, cells = waiting.pop()
            cells = min(cells, max(room(index), 1))
            plain(at, start)
            shown.append(_restyled(take(start, end)[0], stand_ins.stand_in(text[start:end], cells)))
            to_display.extend([len(to_source)] * (end - start))
            to_source.extend([start] * cells)
            at = end
        plain(at, row.end)
        if row.pad:
            shown.append(("", " " * row.pad))
            to_source.extend([row.next] * row.pad)
        # A cursor on a space past the edge is drawn where the next row starts.
        to_display.extend([len(to_source)] * (row.next - row.end))
    return _transformation(shown, to_display, to_source)


def _restyled(fragment: tuple[Any, ...], text: str) -> tuple[Any, ...]:
    """``text`` in the style (and with the mouse handler) of ``fragment``."""
    return (fragment[0], text, *fragment[2:])


def _slicer(fragments: StyleAndTextTuples) -> Callable[[int, int], StyleAndTextTuples]:
    """A function giving the fragments of the line from ``start`` to ``end``."""
    ends = list(accumulate(len(fragment[1]) for fragment in fragments))

    def take(start: int, end: int) -> StyleAndTextTuples:
        pieces: StyleAndTextTuples = []
        index = bisect_right(ends, start)
        while start < end and index < len(fragments):
            fragment = fragments[index]
            begins, stop = ends[index] - len(fragment[1]), min(end, ends[index])
            piece = fragment[1][start - begins : stop - begins]
            if len(fragment) == 3:  # with its mouse handler
                pieces.append((fragment[0], piece, fragment[2]))
            else:
                pieces.append((fragment[0], piece))
            start, index = stop, index + 1
        return pieces

    return take


def _drawn_by_character(
    fragments: StyleAndTextTuples,
    laid: list[Row],
    room: Callable[[int], int],
    odd: tuple[tuple[int, int, int], ...],
    stand_ins: StandIns,
) -> Transformation:
    """:func:`drawn`, for a line with control characters: the window draws them "^A",
    two cells, which the height it gives the line counts as none (the last row would
    be left out). Drawn as that text, both count the same. A tab is drawn as blanks
    (:data:`TAB_CELLS`, fewer on a row narrower), as editors draw it: a list or code
    pasted with tabs reads as indented, not "^I"; what is stored keeps the tab."""
    chars = explode_text_fragments(fragments)
    text = "".join(char[1] for char in chars)
    odd_ends = {start: (end, cells) for start, end, cells in odd}
    shown: StyleAndTextTuples = []
    to_display: list[int] = []
    to_source: list[int] = []
    for index, row in enumerate(laid):
        at = row.start
        while at < row.end:
            style, char = chars[at][0], chars[at][1]
            to_display.append(len(to_source))
            control = Char.display_mappings.get(char, "")
            if at in odd_ends:
                end, cells = odd_ends[at]
                cells = min(cells, max(room(index), 1))
                shown.append((style, stand_ins.stand_in(text[at:end], cells)))
                to_display.extend([to_display[-1]] * (end - at - 1))
                to_source.extend([at] * cells)
                at = end
                continue
            if char == "\t":  # blanks, as an editor draws it: the text keeps the tab
                cells = min(TAB_CELLS, max(room(index), 1))
                shown.append((style, " " * cells))
                to_source.extend([at] * cells)
            elif len(control) > 1:
                shown.append((style + " class:control-character", control))
                to_source.extend([at] * len(control))
            else:
                shown.append((style, char))
                to_source.append(at)
            at += 1
        if row.pad:
            shown.append(("", " " * row.pad))
            to_source.extend([row.next] * row.pad)
        to_display.extend([len(to_source)] * (row.next - row.end))
    return _transformation(shown, to_display, to_source)


def _transformation(
    shown: StyleAndTextTuples, to_display: list[int], to_source: list[int]
) -> Transformation:
    length, size = len(to_display), len(to_source)
    to_display.append(size)  # the place after the line

    def source_to_display(at: int) -> int:
        return to_display[at] if at <= length else size + at - length

    def display_to_source(at: int) -> int:
        return to_source[at] if at < size else length + at - size

    return Transformation(shown, source_to_display, display_to_source)


class _WordWrap(Processor):
    def __init__(self, wrap: SoftWrap) -> None:
        self.wrap = wrap
        # The line last drawn, by line number: a key press draws it twice (the window
        # asks its height, then draws it), the same: (fragments, rows, drawn).
        self.last: dict[int, tuple[StyleAndTextTuples, list[Row], Transformation]] = {}

    def apply_transformation(self, ti: TransformationInput) -> Transformation:
        if not self.wrap.window.wrap_lines():
            return Transformation(ti.fragments)
        line = "".join(fragment[1] for fragment in ti.fragments)
        laid = self.wrap.laid(line, ti.lineno, ti.width)
        last = self.last.get(ti.lineno)
        if last is not None and last[1] is laid and last[0] == ti.fragments:
            return last[2]
        if odd_characters(line):
            self.wrap.stand_ins.lines.add(ti.lineno)
        else:
            self.wrap.stand_ins.lines.discard(ti.lineno)
        room = self.wrap.room(ti.lineno, ti.width)
        shown = drawn(ti.fragments, laid, room, self.wrap.stand_ins)
        count = self.wrap.buffer.document.line_count
        if len(self.last) > count:  # lines deleted: theirs go
            self.last = {n: kept for n, kept in self.last.items() if n < count}
        self.last[ti.lineno] = (ti.fragments, laid, shown)
        return shown


class SoftWrap:
    """Word wrap for the text typed in ``window``, and the keys that follow its rows."""

    def __init__(self, window: Window, buffer: Buffer) -> None:
        self.window, self.buffer = window, buffer
        self.processor = _WordWrap(self)
        self.stand_ins = StandIns()
        put_back_when_drawn(window, self.stand_ins)
        # Up and Down keep to the column they started from, through shorter rows:
        # (text, cursor, column) after the last of them.
        self.goal: tuple[str, int, int] | None = None
        # Each line's rows as last laid out, by line number: (line, width, the
        # terminal's emoji widths, rows).
        self._laid: dict[int, tuple[str, int, EmojiWidths, list[Row]]] = {}

    def prefix(self, lineno: int) -> Callable[[int], int]:
        """The cells the prompt draws left of each row of line ``lineno``."""
        get_prefix = self.window.get_line_prefix
        if get_prefix is None:
            return lambda row: 0
        return lambda row: fragment_list_width(to_formatted_text(get_prefix(lineno, row)))

    def room(self, lineno: int, width: int) -> Callable[[int], int]:
        prefix = self.prefix(lineno)
        return lambda row: width - prefix(row)

    def laid(self, line: str, lineno: int, width: int) -> list[Row]:
        """:func:`rows` of line ``lineno``, at ``width``. Kept for each line: a key press
        draws every line twice (the window asks their height, then draws them), and
        changes one, mostly; in an answer of many paragraphs, laying them all out
        again made each key press twice as slow. The line changed is laid out again
        from where it changed (see :func:`relaid`)."""
        kept = self._laid.get(lineno)
        cells = emoji_widths()  # the terminal's answer may come while the prompt runs
        if kept is None or kept[:3] != (line, width, cells):
            count = self.buffer.document.line_count
            if len(self._laid) > count:  # lines deleted: theirs go
                self._laid = {n: k for n, k in self._laid.items() if n < count}
            room = self.room(lineno, width)
            if kept is None or kept[1:3] != (width, cells):
                laid = rows(line, room)
            else:  # the line changed: from where it did
                laid = relaid(kept[0], kept[3], line, room)
            kept = self._laid[lineno] = (line, width, cells, laid)
        return kept[3]

    def _rows(self, lineno: int) -> list[Row] | None:
        """Line ``lineno``'s rows as last drawn; None before it was, or without wrapping."""
        info = self.window.render_info
        if info is None or not info.wrap_lines:
            return None
        return self.laid(self.buffer.document.lines[lineno], lineno, info.window_width)

    def vertically(self, step: int) -> bool:
        """The cursor one row up (-1) or down (1), at the column it started from or
        the nearest before; False on the first (last) row, or before any drawing."""
        document = self.buffer.document
        lineno, col = document.cursor_position_row, document.cursor_position_col
        laid = self._rows(lineno)
        if laid is None:
            return False
        line, row = document.current_line, row_of(laid, col)
        column = self.prefix(lineno)(row) + cells_of(line, laid[row].start, col)
        if self.goal is not None and self.goal[:2] == (document.text, document.cursor_position):
            column = self.goal[2]
        row += step
        while 0 <= row < len(laid) and not holds_cursor(line, laid, row):
            row += step  # inside a character drawn over rows: on to its start, or end
        if not 0 <= row < len(laid):
            lineno += step
            if not 0 <= lineno < document.line_count:
                return False
            laid = self._rows(lineno)
            if laid is None:
                return False
            row = 0 if step > 0 else len(laid) - 1
            line = document.lines[lineno]
        at = column_at(line, laid, row, column - self.prefix(lineno)(row))
        self.buffer.cursor_position = document.translate_row_col_to_index(lineno, at)
        self.goal = (document.text, self.buffer.cursor_position, column)
        return True

    def home(self) -> None:
        """To the start of the row; there already, to the start of the paragraph."""
        document = self.buffer.document
        line, col = document.current_line, document.cursor_position_col
        laid = self._rows(document.cursor_position_row)
        target = row_start(line, laid[row_of(laid, col)]) if laid else 0
        self.buffer.cursor_position += (0 if target == col else target) - col

    def end(self) -> None:
        """To the end of the row; there already, to the end of the paragraph."""
        document = self.buffer.document
        line, col = document.current_line, document.cursor_position_col
        laid = self._rows(document.cursor_position_row)
        target = row_end(line, laid, row_of(laid, col)) if laid else len(line)
        self.buffer.cursor_position += (len(line) if target == col else target) - col

    def key_bindings(self) -> KeyBindings:
        bindings = KeyBindings()
        here = has_focus(self.buffer) & ~has_selection

        @bindings.add(Keys.Up, filter=here)
        def _up(event: KeyPressEvent) -> None:
            for _ in range(event.arg):
                if not self.vertically(-1):
                    self.buffer.auto_up()  # the first row: what prompt_toolkit does there
                    break

        @bindings.add(Keys.Down, filter=here)
        def _down(event: KeyPressEvent) -> None:
            for _ in range(event.arg):
                if not self.vertically(1):
                    self.buffer.auto_down()
                    break

        bindings.add(Keys.Home, filter=here)(lambda event: self.home())
        bindings.add(Keys.End, filter=here)(lambda event: self.end())
        by_character(bindings, here)
        return bindings


def by_character(bindings: KeyBindings, here: Filter) -> None:
    """←, →, Backspace and Delete over a whole character as drawn (see
    :func:`cluster_end`): by code point, ← went into a flag and a letter typed there
    split it in two letters in boxes; Backspace left half a flag, a stray joiner."""

    @bindings.add(Keys.Left, filter=here)
    def _left(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        for _ in range(event.arg):
            text, at = buffer.text, buffer.cursor_position
            if at == 0 or text[at - 1] == "\n":  # as prompt_toolkit: not to the line above
                break
            buffer.cursor_position = previous_boundary(text, at)

    @bindings.add(Keys.Right, filter=here)
    def _right(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        for _ in range(event.arg):
            text, at = buffer.text, buffer.cursor_position
            if at == len(text) or text[at] == "\n":
                break
            buffer.cursor_position = next_boundary(text, at)

    @bindings.add(Keys.Backspace, filter=here)
    def _backspace(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        for _ in range(event.arg):
            at = buffer.cursor_position
            if not at:
                break
            buffer.delete_before_cursor(at - previous_boundary(buffer.text, at))

    @bindings.add(Keys.Delete, filter=here)
    def _delete(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        for _ in range(event.arg):
            at = buffer.cursor_position
            if at == len(buffer.text):
                break
            buffer.delete(next_boundary(buffer.text, at) - at)


def install(app: Application[Any]) -> None:
    """Word wrap for the text typed in ``app``'s prompt (questionary's text and long
    answers, the questions the host writes)."""
    window = app.layout.current_window
    control = window.content
    if not isinstance(control, BufferControl):
        return
    wrap = SoftWrap(window, control.buffer)
    # Last, after the placeholder's processor: an example shown is wrapped too.
    control.input_processors = [*(control.input_processors or []), wrap.processor]
    app.key_bindings = merge_key_bindings(
        [b for b in (app.key_bindings, wrap.key_bindings()) if b is not None]
    )
