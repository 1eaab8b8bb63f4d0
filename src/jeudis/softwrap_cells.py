"""Characters drawn in the cells the terminal draws them in, not prompt_toolkit's count.

prompt_toolkit lays out and draws each code point on its own, in the cells wcwidth
gives it: 👩‍💻 in four (three writes), where a terminal that joins emoji draws it in
two (see :mod:`jeudis.graphemes`). Its cursor, and all it drew after the character
on the row, were then cells off what the terminal shows. Such a character is drawn
by prompt_toolkit as a stand-in taking the cells the terminal draws it in, laid out
and moved over as one (:mod:`jeudis.softwrap` draws it so); then, on the screen
drawn, the character is put in the stand-in's place, one cell that wide:
prompt_toolkit writes it whole, and moves on by the cells the terminal does.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.layout.containers import Window
from prompt_toolkit.layout.mouse_handlers import MouseHandlers
from prompt_toolkit.layout.screen import Char, Screen, WritePosition

from jeudis.graphemes import odd_characters

# Stand-ins are code points of plane 15's private use area, one for each character.
_STAND_IN, _STAND_INS = 0xF0000, 0xFFFE


class StandIns:
    """The characters of a prompt's text the terminal draws in other cells than
    prompt_toolkit counts, and their stand-ins."""

    def __init__(self) -> None:
        self.characters: dict[tuple[str, int], str] = {}  # (character, cells): stand-in
        self.standing: dict[str, tuple[str, int]] = {}  # the other way
        self.lines: set[int] = set()  # the numbers of the lines drawn with stand-ins
        self.everywhere = False  # or on any line (see drawn_whole)

    def stand_in(self, character: str, cells: int) -> str:
        """The text standing in for ``character`` of ``cells`` cells: as many cells."""
        one = self.characters.get((character, cells))
        if one is None:
            if len(self.characters) >= _STAND_INS:
                return character  # all taken: drawn as prompt_toolkit does
            one = self.characters[character, cells] = chr(_STAND_IN + len(self.characters))
            self.standing[one] = (character, cells)
        return one * cells

    def laid(self, text: str) -> str:
        """``text`` with each character the terminal draws in other cells than
        prompt_toolkit counts as its stand-in (for a window of :func:`drawn_whole`)."""
        pieces: list[str] = []
        done = 0
        for start, end, cells in odd_characters(text):
            pieces.extend((text[done:start], self.stand_in(text[start:end], cells)))
            done = end
        return "".join(pieces) + text[done:] if pieces else text

    def put_back(self, screen: Screen, window: Window) -> None:
        """The characters in place of their stand-ins on ``window``'s part of ``screen``."""
        position = screen.visible_windows_to_write_positions.get(window)
        if not self.standing or position is None:
            return
        left, right = position.xpos, position.xpos + position.width
        placed: list[tuple[int, int, int]] = []  # (y, x, cells)
        info = window.render_info  # this drawing's: the window was drawn
        shown = {} if info is None else info.visible_line_to_row_col  # its rows' lines
        for y, (lineno, _) in shown.items():
            if not (self.everywhere or lineno in self.lines) or not 0 <= y < position.height:
                continue
            y += position.ypos
            row = screen.data_buffer[y]
            standing = sorted(
                x for x, cell in row.items() if cell.char in self.standing and left <= x < right
            )
            at = 0
            while at < len(standing):
                x, cell = standing[at], row[standing[at]]
                character, cells = self.standing[cell.char]
                run = 1  # fewer than its cells only on a row narrower than the character
                while (
                    run < cells
                    and at + run < len(standing)
                    and standing[at + run] == x + run
                    and row[x + run].char == cell.char
                ):
                    run += 1
                row[x] = _wide(character, cell.style, run)
                for after in range(x + 1, x + run):
                    row[after] = Char("", cell.style)  # covered, as by a wide character
                placed.append((y, x, run))
                at += run
        if placed:
            _kept_wide(screen, placed)


def put_back_when_drawn(window: Window, stand_ins: StandIns) -> None:
    """``window``, once drawn, has the characters of the stand-ins it drew: there is
    no other place between its drawing and the terminal's."""
    draw = window.write_to_screen

    def write_to_screen(
        screen: Screen,
        mouse_handlers: MouseHandlers,
        write_position: WritePosition,
        parent_style: str,
        erase_bg: bool,
        z_index: int | None,
    ) -> None:
        draw(screen, mouse_handlers, write_position, parent_style, erase_bg, z_index)
        z_index = z_index if window.z_index is None else window.z_index
        if z_index is None or z_index <= 0:  # drawn now, else later: as the window does
            stand_ins.put_back(screen, window)
        else:
            screen.draw_with_z_index(z_index, lambda: stand_ins.put_back(screen, window))

    window.write_to_screen = write_to_screen  # type: ignore[method-assign]


def drawn_whole(app: Application[Any]) -> StandIns:
    """Stand-ins ``app``'s windows draw the characters of, wherever they draw them: text
    of the prompt's own given as :meth:`StandIns.laid` has it (the review's choices,
    which quote the answers), drawn in the cells the terminal draws it in."""
    stand_ins = StandIns()
    stand_ins.everywhere = True
    for window in app.layout.find_all_windows():
        put_back_when_drawn(window, stand_ins)
    return stand_ins


def _wide(character: str, style: str, cells: int) -> Char:
    """A cell of ``character`` that prompt_toolkit moves ``cells`` over once written."""
    char = Char(character, style)  # made, not prompt_toolkit's cached one: its width is set
    char.width = cells
    return char


def _kept_wide(screen: Screen, placed: list[tuple[int, int, int]]) -> None:
    """The characters ``placed`` on ``screen`` keep their cells once the answer is given.

    prompt_toolkit then styles the whole screen ("class:accepted"), each cell made
    anew, as wide as it counts its code points: the answer left on the screen was
    drawn cells off, letters over its emoji."""
    restyle = screen.append_style_to_content

    def append_style_to_content(style_str: str) -> None:
        restyle(style_str)
        for y, x, cells in placed:
            cell = screen.data_buffer[y][x]
            screen.data_buffer[y][x] = _wide(cell.char, cell.style, cells)

    screen.append_style_to_content = append_style_to_content  # type: ignore[method-assign]
