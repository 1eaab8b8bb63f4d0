"""Plain drawing for the live session: styled lines and boxes through prompt_toolkit.

The session already loads prompt_toolkit (questionary is built on it); drawing
the first screens with it rather than rich keeps rich's import off the way to
the first question. Given a file instead (tests), it writes the same text,
unstyled.
"""

from __future__ import annotations

import shutil
import sys
from typing import IO

from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.shortcuts import clear
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

Fragments = list[tuple[str, str]]
MAX_WIDTH = 100


class Screen:
    def __init__(self, style: Style, file: IO[str] | None = None, width: int | None = None) -> None:
        self.style = style
        self.file = file
        self.width = width or min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)

    @property
    def is_terminal(self) -> bool:
        return self.file is None and sys.stdout.isatty()

    def line(self, fragments: Fragments | str = "") -> None:
        if isinstance(fragments, str):
            fragments = [("", fragments)]
        if self.file is not None:
            self.file.write("".join(text for _, text in fragments) + "\n")
        else:
            print_formatted_text(FormattedText(fragments), style=self.style)

    def clear(self) -> None:
        if self.file is None:
            clear()

    def box(self, title: str, lines: list[Fragments | str], border: str, padding: int = 0) -> None:
        """A rounded box, its title in the top border, its lines wrapped to fit."""
        inner = self.width - 4 - 2 * padding
        edge = f"class:{border}"
        top = f"╭─ {title} "
        self.line([(edge, top), (edge, "─" * max(self.width - get_cwidth(top) - 1, 0) + "╮")])
        body: list[Fragments] = [[]] * padding
        for line in lines:
            body.extend(_wrap([("", line)] if isinstance(line, str) else line, inner))
        body.extend([[]] * padding)
        for fragments in body:
            used = sum(get_cwidth(text) for _, text in fragments)
            pad = " " * padding
            self.line(
                [
                    (edge, "│ "),
                    ("", pad),
                    *fragments,
                    ("", " " * (inner - used) + pad),
                    (edge, " │"),
                ]
            )
        self.line([(edge, "╰" + "─" * (self.width - 2) + "╯")])


def _wrap(fragments: Fragments, width: int) -> list[Fragments]:
    """Word-wrap styled text to ``width`` terminal cells (emoji count double)."""
    words: list[tuple[str, str]] = []
    for style, text in fragments:
        leading = len(text) - len(text.lstrip(" "))
        if leading and not words:
            words.append((style, " " * leading))
        words.extend((style, word) for word in text.split())
    lines: list[Fragments] = [[]]
    used = 0
    for style, word in words:
        size = get_cwidth(word)
        gap = 1 if used and not word.isspace() and not lines[-1][-1][1].isspace() else 0
        if used and used + gap + size > width:
            lines.append([])
            used, gap = 0, 0
        if gap:
            lines[-1].append(("", " "))
        lines[-1].append((style, word))
        used += gap + size
    return lines
