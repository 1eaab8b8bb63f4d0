"""What rich draws in the session (the review's table, the last screen), laid out in
the cells the terminal draws each character in, not rich's count.

rich counts the cells of an emoji of several code points its own way (its version's):
👩‍💻, 🇫🇷, 👍🏽 and ❤️ in two each. Terminals draw them each their own way (tmux 3.3:
👍🏽 in four, ❤️ in one; see :mod:`jeudis.graphemes`): a row of the review's table
holding one was drawn wider than rich laid it out, the terminal took its border to
the next row, or narrower, its border cells left of the others. Once the terminal
has said how it draws them, such a character is given to rich as a stand-in rich
counts as many cells as the terminal draws it in (:func:`laid_out`), and put back
in the text rich drew (:func:`put_back`). Where the terminal has not said, rich
counts as it does.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from jeudis.graphemes import drawn_characters

if TYPE_CHECKING:
    from rich.console import Console

# Stand-ins, each for one character: unassigned code points of plane 3, which rich
# counts two cells each, and private ones of plane 16, one cell each (no font draws
# them; icon fonts use plane 15's).
_WIDE, _WIDE_END = 0x3FFFD, 0x32400  # taken downwards
_NARROW, _NARROW_END = 0x10FFFD, 0x10E000
_STAND_IN = re.compile(f"[{chr(_WIDE_END)}-{chr(_WIDE)}{chr(_NARROW_END)}-{chr(_NARROW)}]+")

_stand_ins: dict[tuple[str, int], str] = {}  # (character, cells): its stand-in
_standing: dict[str, tuple[str, str]] = {}  # a stand-in's code point: (character, stand-in)


def _stand_in(character: str, cells: int) -> str | None:
    """The text standing in for ``character`` drawn in ``cells`` cells, rich counting
    as many; None when all are taken."""
    one = _stand_ins.get((character, cells))
    if one is None:
        count = len(_stand_ins)
        if _WIDE - count < _WIDE_END or _NARROW - count < _NARROW_END:
            return None
        wide, narrow = chr(_WIDE - count), chr(_NARROW - count)
        one = _stand_ins[character, cells] = wide * (cells // 2) + narrow * (cells % 2)
        _standing[wide] = _standing[narrow] = (character, one)
    return one


@functools.cache
def _counted() -> bool:
    """Whether rich counts the stand-ins' cells as they are meant (its version's tables)."""
    return cell_len(chr(_WIDE)) == 2 and cell_len(chr(_NARROW)) == 1


def laid_out(text: str) -> str:
    """``text`` for rich to lay out: each character the terminal draws in other cells
    than rich counts, as its stand-in. As it is where the terminal has not said how
    it draws them, or where ``text`` holds a stand-in's code point itself."""
    found = drawn_characters(text)
    if not found or _STAND_IN.search(text) or not _counted():
        return text
    pieces: list[str] = []
    done = 0
    for start, end, cells in found:
        character = text[start:end]
        one = _stand_in(character, cells) if cell_len(character) != cells else None
        if one is not None:
            pieces.extend((text[done:start], one))
            done = end
    return "".join(pieces) + text[done:] if pieces else text


def put_back(drawn: str) -> str:
    """The text rich drew from text :func:`laid_out`, the characters in place of their
    stand-ins. A stand-in rich cut (a word wider than its column, cut at its edge)
    leaves blanks in its cells: the character, wider, would push the row's end
    past the column."""

    def characters(found: re.Match[str]) -> str:
        run, at, back = found.group(), 0, []
        while at < len(run):
            character, one = _standing.get(run[at], ("", ""))
            if one and run.startswith(one, at):
                back.append(character)
                at += len(one)
            else:
                back.append(" " * cell_len(run[at]) if one else run[at])
                at += 1
        return "".join(back)

    return _STAND_IN.sub(characters, drawn) if _standing else drawn


def print_laid_out(console: Console, renderable: Any) -> None:
    """``renderable`` printed by ``console``, its text given by :func:`laid_out`."""
    if not _standing:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    console.file.write(put_back(captured.get()))
    console.file.flush()
