"""Characters as the guest sees them, and the cells the terminal draws them in.

A character typed may be several code points: a letter and its accents, a flag
(two regional indicators), an emoji with its skin tone (👍🏽), its emoji selector
(❤️) or keycap (1️⃣), emoji joined by zero-width joiners (👩‍💻). The cursor goes
over each whole (:func:`cluster_end`), as a question's length counts them
(:mod:`jeudis.characters`, which cuts them).

prompt_toolkit draws each code point in its own cells, as wcwidth counts them:
👩‍💻 in four, 🇫🇷 in four, ❤️ in one. Terminals draw these emoji each their own way
(kitty, WezTerm, foot, iTerm2: each in two cells; tmux 3.3: 👩‍💻 and 🇫🇷 in two, ❤️
in one, 👍🏽 in four; xterm: as prompt_toolkit), and where theirs is not
prompt_toolkit's count, the cursor was drawn cells away from the text and a letter
typed mid-line was drawn over its neighbour. The terminal is asked how it draws
them (:class:`jeudis.terminal._EmojiProbe`); :func:`width` says it, for
the rows the answer is laid out in and for the cells it is drawn in.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from prompt_toolkit.layout.screen import Char
from prompt_toolkit.utils import get_cwidth

from jeudis import characters
from jeudis.characters import JOINER as _JOINER
from jeudis.characters import flag_half as _flag_half
from jeudis.characters import skin_tone as _skin_tone

# The cells a tab is drawn in, as blanks (see :func:`jeudis.softwrap.drawn`): four, the
# tab stop Markdown reads tabs with, so a line indented with tabs is drawn as indented.
TAB_CELLS = 4


class _Cells(dict[str, int]):
    """The cells prompt_toolkit draws a code point in: emoji and CJK two, an accent
    that combines none, another control character two (it is drawn "^A"); a tab
    :data:`TAB_CELLS`, as the answer being typed draws it."""

    def __missing__(self, char: str) -> int:
        if char == "\t":
            self[char] = TAB_CELLS
            return TAB_CELLS
        self[char] = size = get_cwidth(Char.display_mappings.get(char, char))
        return size


CELLS = _Cells()

_EMOJI_SELECTOR = "\ufe0f"  # variation selector 16: ❤ + it is ❤️
# Scanned back at most this far for where a character starts: a word may be very long.
_SCAN = 64


def _pictographic(char: str) -> bool:
    """An emoji, or a symbol an emoji selector makes one (near enough Unicode's
    Extended_Pictographic, without its tables): the characters terminals join."""
    return char >= "\U0001f000" or "\u2190" <= char <= "\u2bff" or char in "©®‼⁉™ℹ〰〽㊗㊙"


def cluster_end(text: str, at: int) -> int:
    """Where the character that starts at ``at`` ends, as the guest sees characters: a
    letter and its accents, a flag (🇫🇷: two regional indicators), an emoji with its skin
    tone (👍🏽), its variation selector (❤️) or keycap (1️⃣), emoji joined by zero-width
    joiners (👩‍💻, 👨‍👩‍👧). A cursor between their code points would split the one
    character drawn into others, or into a stray joiner no one can see."""
    return characters.cluster_end(text, at, _drawn_in_no_cell)


def _drawn_in_no_cell(char: str) -> bool:
    return not CELLS[char]


def _scan_start(text: str, at: int) -> int:
    """A place at or before ``at`` where a character starts: a space, a line's start."""
    space = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), 0)
    return max(space, at - _SCAN)


def previous_boundary(text: str, at: int) -> int:
    """Where the character before ``at`` starts (see :func:`cluster_end`)."""
    place = last = _scan_start(text, at)
    while place < at:
        last, place = place, cluster_end(text, place)
    return last


def next_boundary(text: str, at: int) -> int:
    """Where the character after ``at`` ends (see :func:`cluster_end`)."""
    if at >= len(text):
        return len(text)
    place = _scan_start(text, at)
    while place <= at:
        place = cluster_end(text, place)
    return place


# One of each kind of emoji terminals draw in cells of their own, as
# :class:`EmojiWidths` lists them: the terminal is asked how wide it draws these.
PROBES = ("❤\ufe0f", "👍🏽", "👩\u200d💻", "🇫🇷", "🇫")


@dataclass(frozen=True, slots=True)
class EmojiWidths:
    """The cells a terminal draws each of :data:`PROBES` in: how it draws the emoji
    made of several code points."""

    selected: int  # ❤️: a character an emoji selector makes an emoji (1️⃣ too)
    toned: int  # 👍🏽: an emoji and its skin tone
    joined: int  # 👩‍💻: emoji joined by zero-width joiners
    flag: int  # 🇫🇷: two regional indicators
    half_flag: int  # 🇫: one alone


# As prompt_toolkit draws them: the sum of their code points' cells.
PER_CODE_POINT = EmojiWidths(*(sum(CELLS[char] for char in probe) for probe in PROBES))

_widths = PER_CODE_POINT
_said = False  # whether the terminal said how it draws them (else prompt_toolkit's count)
# The cells the terminal draws each character of several code points met in.
_sizes: dict[str, int] = {}


def use_emoji_widths(widths: EmojiWidths | None) -> None:
    """Emoji are drawn as ``widths`` says from now on (the terminal's answer); None:
    the terminal has not said, they are counted as prompt_toolkit counts them."""
    global _widths, _said
    _widths, _said = widths or PER_CODE_POINT, widths is not None
    _sizes.clear()
    _odd_characters.cache_clear()
    _characters.cache_clear()


def emoji_widths() -> EmojiWidths:
    """How the terminal draws emoji, as :func:`use_emoji_widths` was last told."""
    return _widths


def widths_said() -> bool:
    """Whether the terminal said how it draws emoji (see :func:`use_emoji_widths`)."""
    return _said


def _size(character: str) -> int:
    """The cells the terminal draws ``character`` in (as :func:`cluster_end` cuts them)."""
    size = _sizes.get(character)
    if size is None:
        parts = character.split(_JOINER)
        sizes = [_part(part) for part in parts]
        joins = _widths.joined < sum(CELLS[char] for char in PROBES[2])
        if len(parts) > 1 and joins and all(p and _pictographic(p[0]) for p in parts):
            size = sizes[0]  # drawn as the first: 👨‍👩‍👧 as 👨
        else:
            size = sum(sizes)
        _sizes[character] = size
    return size


def _part(part: str) -> int:
    """The cells of one emoji of a character joined (or the whole character)."""
    if not part:
        return 0
    base, rest = part[0], part[1:]
    if _flag_half(base):
        if rest and _flag_half(rest[0]):
            return _widths.flag + sum(CELLS[char] for char in rest[1:])
        return _widths.half_flag + sum(CELLS[char] for char in rest)
    size = CELLS[base]
    emoji = _pictographic(base) or base in "0123456789#*"  # keycaps: 1️⃣
    if emoji and size == 1 and _EMOJI_SELECTOR in rest:
        size = _widths.selected
    tone = _widths.toned - CELLS[PROBES[1][0]]  # what a skin tone adds to its emoji
    for char in rest:
        size += tone if emoji and _skin_tone(char) else CELLS[char]
    return size


# The code points that make a character the terminal may draw in other cells than
# prompt_toolkit counts: an emoji selector, a joiner, a skin tone, a regional indicator.
_ODD = re.compile("[\ufe0f\u200d\U0001f3fb-\U0001f3ff\U0001f1e6-\U0001f1ff]")


def odd_characters(text: str) -> tuple[tuple[int, int, int], ...]:
    """The characters of ``text`` the terminal draws in other cells than prompt_toolkit
    counts (the sum of their code points'), as (start, end, cells). ``text`` starts
    between two characters."""
    if _widths == PER_CODE_POINT or not _ODD.search(text):
        return ()
    return _odd_characters(text)


@functools.lru_cache(maxsize=16)  # a line is drawn twice a key press, and the rows laid out
def _odd_characters(text: str) -> tuple[tuple[int, int, int], ...]:
    return tuple(
        (start, end, cells)
        for start, end, cells in _characters(text)
        if cells != sum(CELLS[char] for char in text[start:end])
    )


def drawn_characters(text: str) -> tuple[tuple[int, int, int], ...]:
    """The characters of ``text`` made of several code points that terminals draw each
    their own way (those of :func:`odd_characters`, and those the terminal draws as
    prompt_toolkit counts), as (start, end, cells): the cells the terminal said it
    draws them in; none where it has not said. ``text`` starts between two characters."""
    if not _said or not _ODD.search(text):
        return ()
    return _characters(text)


@functools.lru_cache(maxsize=16)
def _characters(text: str) -> tuple[tuple[int, int, int], ...]:
    found: list[tuple[int, int, int]] = []
    done = 0  # where the last character looked at ends: a character starts there
    for match in _ODD.finditer(text):
        at = match.start()
        if at < done:
            continue
        # A character starts at a space too: from the last one before, to the one at ``at``.
        start = max(done, text.rfind(" ", done, at), text.rfind("\n", done, at))
        while (done := cluster_end(text, start)) <= at:
            start = done
        found.append((start, done, _size(text[start:done])))
    return tuple(found)


def unsure(text: str) -> bool:
    """Whether ``text`` holds a character terminals draw each their own way (see
    :func:`drawn_characters`) while the terminal has not said how it draws them."""
    return not _said and _ODD.search(text) is not None


def width(text: str) -> int:
    """The cells ``text`` takes on the terminal; it starts and ends between characters."""
    size = sum(CELLS[char] for char in text)
    for start, end, cells in odd_characters(text):
        size += cells - sum(CELLS[char] for char in text[start:end])
    return size


def answered(replies: list[int]) -> EmojiWidths | None:
    """The widths the terminal said, from the columns it put the cursor at: before the
    probes, then after each (see :class:`jeudis.terminal._EmojiProbe`). None for
    an answer that is none: a probe unanswered, drawn in no cell, or in more than two
    a code point."""
    if len(replies) != len(PROBES) + 1:
        return None
    widths = [column - replies[0] for column in replies[1:]]
    if not all(0 < size <= 2 * len(probe) for size, probe in zip(widths, PROBES, strict=True)):
        return None
    return EmojiWidths(*widths)
