"""Plain drawing for the live session: styled lines and boxes through prompt_toolkit.

The session already loads prompt_toolkit (questionary is built on it); drawing
the first screens with it rather than rich keeps rich's import off the way to
the first question. Given a file instead (tests), it writes the same text,
unstyled.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
from collections.abc import Iterator
from typing import IO

from prompt_toolkit import print_formatted_text
from prompt_toolkit.application import get_app_or_none, get_app_session
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.output import Output
from prompt_toolkit.renderer import print_formatted_text as print_now
from prompt_toolkit.shortcuts import clear
from prompt_toolkit.styles import (
    BaseStyle,
    Style,
    default_pygments_style,
    default_ui_style,
    merge_styles,
)

from jeudis.graphemes import unsure, widths_said
from jeudis.graphemes import width as cells

Fragments = list[tuple[str, str]]
MAX_WIDTH = 100


class Screen:
    def __init__(self, style: Style, file: IO[str] | None = None, width: int | None = None) -> None:
        self.style = style
        self.file = file
        self.fixed_width = width
        # While a prompt runs (see :meth:`drawing_to`): its output, written to at once,
        # and how many lines were drawn on it.
        self.output: Output | None = None
        self.lines_drawn = 0
        # The lines drawn holding an emoji the terminal may draw in other cells than they
        # were laid out in (it had not said how it draws them: see :func:`unsure`), and
        # their cells then: see :meth:`misdrawn`.
        self.unsure: list[tuple[str, int]] = []
        # The style prompt_toolkit's print_formatted_text draws with, merged once: it
        # merges it anew at each line, a millisecond each on the way to the first question.
        self._merged: BaseStyle = merge_styles(
            [default_ui_style(), default_pygments_style(), style]
        )

    @property
    def width(self) -> int:
        """The terminal's width now (up to :data:`MAX_WIDTH`): a window resized during
        the session is drawn to its new size, not wrapped by the terminal mid-word."""
        if self.fixed_width:
            return self.fixed_width
        if self.output is not None:
            return min(self.output.get_size().columns, MAX_WIDTH)
        return min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)

    def misdrawn(self) -> bool:
        """Whether a line drawn before the terminal said how it draws emoji takes other
        cells than it was laid out in, now it has said (those that do not are let go)."""
        if not self.unsure or not widths_said():
            return False
        if any(cells(text) != counted for text, counted in self.unsure):
            return True
        self.unsure = []
        return False

    @property
    def is_terminal(self) -> bool:
        return self.file is None and sys.stdout.isatty()

    def line(self, fragments: Fragments | str = "") -> None:
        if isinstance(fragments, str):
            fragments = [("", fragments)]
        drawn = "".join(text for _, text in fragments)
        if unsure(drawn):
            self.unsure.append((drawn, cells(drawn)))
        if self.file is not None:
            self.file.write("".join(text for _, text in fragments) + "\n")
        elif self.output is not None:
            print_now(self.output, FormattedText([*fragments, ("", "\n")]), self.style)
            self.lines_drawn += 1
        elif get_app_or_none() is None:
            print_now(
                get_app_session().output, FormattedText([*fragments, ("", "\n")]), self._merged
            )
        else:  # printed above the prompt running
            print_formatted_text(FormattedText(fragments), style=self.style)

    def wrapped(self, fragments: Fragments, hang: int | None = None) -> None:
        """A line word-wrapped to the screen (the terminal would cut words), ``hang``
        cells of indent under it (default: under a bullet's text, else none)."""
        paragraphs: list[Fragments] = [[]]
        for style, text in fragments:  # a line break of the text is kept
            first, *others = text.split("\n")
            paragraphs[-1].append((style, first))
            paragraphs.extend([(style, other)] for other in others)
        for paragraph in paragraphs:
            for line in _wrap(paragraph, self.width, hang):
                self.line(line)

    @contextlib.contextmanager
    def drawing_to(self, output: Output) -> Iterator[None]:
        """Lines drawn on ``output`` where its cursor is, at once: from inside a running
        prompt, prompt_toolkit would print them above it, once it has drawn itself."""
        self.output, self.lines_drawn = output, 0
        try:
            yield
        finally:
            self.output = None

    def clear(self) -> None:
        if self.file is None:
            clear()
            self.unsure = []

    def box(self, title: str, lines: list[Fragments | str], border: str, padding: int = 0) -> None:
        """A rounded box, its title in the top border, its lines wrapped to fit."""
        inner = self.width - 4 - 2 * padding
        edge = f"class:{border}"
        top = f"╭─ {title} "
        self.line(
            [
                (edge, "╭─ "),
                (f"{edge}.title", title),
                (edge, " " + "─" * max(self.width - cells(top) - 1, 0) + "╮"),
            ]
        )
        body: list[Fragments] = [[]] * padding
        for line in lines:
            body.extend(_wrap([("", line)] if isinstance(line, str) else line, inner))
        body.extend([[]] * padding)
        for fragments in body:
            used = cells("".join(text for _, text in fragments))
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


_BULLETS = ("•", "-", "*", "·")


# Spaces a line may break at: not the no-break ones ("10 000", "M. Dupont").
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def wrap_text(text: str, width: int) -> list[str]:
    """Plain text word-wrapped to ``width`` cells, as :meth:`Screen.wrapped` does."""
    return ["".join(part for _, part in line) for line in _wrap([("", text)], width)]


def glued(before: str, word: str) -> bool:
    """Whether ``word`` stays on the line of the word ``before`` it ("travail ?", "« oui",
    "• Entrée"): no line starts on a French mark, none ends on an opening one."""
    if before.isspace():
        return False
    return (word[0] in "?!;:»" and len(word) <= 3) or before in ("«", "•")


def _wrap(fragments: Fragments, width: int, hang: int | None = None) -> list[Fragments]:
    """Word-wrap styled text to ``width`` terminal cells, each character in the cells the
    terminal draws it in (:func:`jeudis.graphemes.width`).

    Lines after the first start ``hang`` cells in; by default, a line opening on
    spaces and a bullet ("  • Entrée : ...") hangs under its text.
    """
    words: list[tuple[str, str]] = []
    for style, text in fragments:
        leading = len(text) - len(text.lstrip(" "))
        if leading and not words:
            words.append((style, " " * leading))
        for word in _SPACES.split(text):
            if not word:
                continue
            if words and words[-1][0] == style and glued(words[-1][1], word):
                # French spaces "travail ?" and "« oui »": no line starts on the mark.
                words[-1] = (words[-1][0], f"{words[-1][1]} {word}")
            else:
                words.append((style, word))
    if hang is None:
        hang = 0
        if len(words) > 1 and words[0][1].isspace():
            bullet = words[1][1].split(" ", 1)[0] in _BULLETS  # glued to its first word
            hang = len(words[0][1]) + (2 if bullet else 0)
    if hang > width // 2:
        hang = 0
    lines: list[Fragments] = [[]]
    used = 0
    bare = True  # nothing but an indent on the line yet: a word too long goes on it anyway
    for style, word in words:
        size = cells(word)
        gap = 1 if used and not word.isspace() and not lines[-1][-1][1].isspace() else 0
        if not bare and used + gap + size > width:
            lines.append([("", " " * hang)] if hang else [])
            used, gap = hang, 0
        bare = bare and word.isspace()
        line = lines[-1]
        if line and line[-1][0] == style:  # one fragment for a run of one style
            line[-1] = (style, line[-1][1] + " " * gap + word)
        else:
            line.extend([("", " ")] * gap + [(style, word)])
        used += gap + size
    return lines
