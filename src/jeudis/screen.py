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
from collections.abc import Collection, Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class KeysLine:
    """A line of keys and what they do, to be wrapped as :func:`keys_wrapped` does;
    ``names``: the words that name keys."""

    text: str
    names: frozenset[str] = frozenset()


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

    def box(
        self, title: str, lines: list[Fragments | str | KeysLine], border: str, padding: int = 0
    ) -> None:
        """A rounded box, its title in the top border, its lines wrapped to fit (a line
        of keys between its pairs first: :func:`keys_wrapped`)."""
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
            if isinstance(line, KeysLine):
                body.extend(keys_wrapped(line.text, inner, line.names))
            else:
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


def keys_wrapped(text: str, width: int, names: Collection[str] = ()) -> list[Fragments]:
    """A line of keys and what they do ("  • Entrée : valider · Ctrl-C : pause (tout
    est gardé)") word-wrapped to ``width`` cells as :func:`_wrap` does, but between its
    pairs first: a pair that fits on a line is not broken, the " · " before a break
    left at the line's end. A pair wider than a line is broken within it, never
    between a key and what it does: not after its colon ("Ctrl-C :"), nor within the
    keys before it ("Page↑ ou Maj-Tab :"), nor after a word of ``names``, the words
    naming keys ("Entrée pour un nouveau paragraphe"); words so held together that
    are wider than a line are broken between them still."""
    words = _words([("", text)])
    hang = _hang(words, width)
    units: list[tuple[str, str]] = []
    room = width  # the first pair's, its bullet in it: after the line's indent
    pair: list[str] = []
    for index, (_, word) in enumerate(words):
        if word.isspace():  # the line's indent
            units.append(("", word))
            room -= len(word)
            continue
        if word != "·":
            pair.append(word)
        if word == "·" or index == len(words) - 1:
            parted = word == "·"  # and " ·" left at its end
            units += [("", unit) for unit in _pair_units(pair, room - 2 * parted, names)]
            if parted and units:
                units[-1] = ("", units[-1][1] + " ·")
            pair, room = [], width - hang
    return _laid(units, width, hang)


def _pair_units(words: list[str], room: int, names: Collection[str]) -> list[str]:
    """The words of a pair (a key and what it does) as the units a line may break
    between: the whole pair if it fits in ``room`` cells, else its words, each held to
    the next where it names a key or is the key's colon (see :func:`keys_wrapped`).
    Held words wider than ``room`` are parted where it parts them least: within what
    names the keys first ("Ctrl-F (quien | entrevista): aceptar"), then after a word
    joining two keys ("Bild↑ oder | Umschalt-Tab: vorherige"), then anywhere."""
    if cells(" ".join(words)) <= room:
        return [" ".join(words)] if words else []
    colon = next((i for i, word in enumerate(words) if word.endswith(":")), -1)
    holds = []  # how strongly each word is held to the next, 0 for not at all
    for index, word in enumerate(words[:-1]):
        named = word.split(" ")[-1].strip(",")
        if index == colon or (named in names and not named[:1].islower()):
            holds.append(3)  # a key and what it does, a key and the next
        elif named in names:
            holds.append(2)  # "ou", "or": between two keys
        else:
            holds.append(1 if index < colon else 0)
    return [" ".join(unit) for unit in _parted(words, holds, room, 0)]


def _parted(words: list[str], holds: list[int], room: int, weakest: int) -> list[list[str]]:
    """``words`` parted where held no more than ``weakest``, each part wider than
    ``room`` parted again where held a little more."""
    parts: list[list[str]] = [[words[0]]]
    starts = [0]
    for index, word in enumerate(words[1:], 1):
        if holds[index - 1] <= weakest:
            parts.append([word])
            starts.append(index)
        else:
            parts[-1].append(word)
    if weakest >= 3:
        return parts
    return [
        piece
        for part, start in zip(parts, starts, strict=True)
        for piece in (
            _parted(part, holds[start : start + len(part) - 1], room, weakest + 1)
            if cells(" ".join(part)) > room
            else [part]
        )
    ]


def _words(fragments: Fragments) -> list[tuple[str, str]]:
    """The words of ``fragments``, each with its style, the line's indent the first;
    a French mark is one with the word before it ("travail ?", "• Entrée")."""
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
    return words


def _hang(words: list[tuple[str, str]], width: int) -> int:
    """The indent of the lines after the first: a line opening on spaces and a bullet
    ("  • Entrée : ...") hangs under its text."""
    hang = 0
    if len(words) > 1 and words[0][1].isspace():
        bullet = words[1][1].split(" ", 1)[0] in _BULLETS  # glued to its first word
        hang = len(words[0][1]) + (2 if bullet else 0)
    return 0 if hang > width // 2 else hang


def _wrap(fragments: Fragments, width: int, hang: int | None = None) -> list[Fragments]:
    """Word-wrap styled text to ``width`` terminal cells, each character in the cells the
    terminal draws it in (:func:`jeudis.graphemes.width`).

    Lines after the first start ``hang`` cells in; by default, a line opening on
    spaces and a bullet ("  • Entrée : ...") hangs under its text.
    """
    words = _words(fragments)
    return _laid(words, width, _hang(words, width) if hang is None else hang)


def _laid(words: list[tuple[str, str]], width: int, hang: int) -> list[Fragments]:
    """``words`` laid in lines of ``width`` cells, those after the first ``hang`` in."""
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
