"""Characters as the guest sees them, counted without a terminal.

A character typed may be several code points: a letter and its accents (an "é"
may come as "e" and an accent), a flag (two regional indicators), an
emoji with its skin tone (👍🏽), its emoji selector (❤️) or keycap (1️⃣), emoji
joined by zero-width joiners (👨‍👩‍👧‍👦). A question's ``min_length`` and
``max_length`` count each as one (:func:`count`), as the live session's cursor
goes over each whole (:func:`jeudis.graphemes.cluster_end`, which cuts them
here, told by prompt_toolkit which code points it draws in no cell). This module
needs no prompt_toolkit: ``check`` and ``import`` count without drawing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

JOINER = "\u200d"  # zero-width joiner: 👩 + it + 💻 is 👩‍💻

# Marks that combine (accents, a vowel sign, a keycap, an emoji selector) and the
# characters that format without being seen (a joiner): drawn on the character before.
_ON_THE_ONE_BEFORE = frozenset(("Mn", "Me", "Mc", "Cf"))


def flag_half(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"  # a regional indicator: two make a flag


def skin_tone(char: str) -> bool:
    return "\U0001f3fb" <= char <= "\U0001f3ff"


# Formats seen as characters of their own: the Arabic signs written before a number.
_SEEN_FORMATS = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)


def unseen(char: str) -> bool:
    """Whether ``char`` is seen on the character before it, not as one of its own: a
    mark that combines, a joiner, an emoji selector, a Korean syllable's vowel or final
    consonant spelled in jamo (as prompt_toolkit draws them: in no cell)."""
    if char < "\u0300":
        return False  # letters, signs, controls, and a soft hyphen, drawn in a cell
    if "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff":
        return True
    return unicodedata.category(char) in _ON_THE_ONE_BEFORE and char not in _SEEN_FORMATS


def cluster_end(text: str, at: int, unseen: Callable[[str], bool] = unseen) -> int:
    """Where the character that starts at ``at`` ends, as the guest sees characters: a
    letter and its accents, a flag (🇫🇷: two regional indicators), an emoji with its skin
    tone (👍🏽), its variation selector (❤️) or keycap (1️⃣), emoji joined by zero-width
    joiners (👩‍💻, 👨‍👩‍👧). ``unseen`` says which code points are drawn on the one before."""
    end = len(text)
    if at >= end:
        return end
    after = at + 1
    if flag_half(text[at]) and after < end and flag_half(text[after]):
        after += 1
    while after < end:
        char = text[after]
        if (
            char == JOINER
            and after + 1 < end
            and text[after + 1] > " "
            and not unseen(text[after + 1])
        ):
            after += 2  # the joiner and the emoji it joins
        elif unseen(char) or skin_tone(char):
            after += 1  # a mark, a selector, a keycap, a joiner ending the text
        else:
            break
    return after


# Code points that are characters of their own, none going on (but after a joiner): below
# the marks that combine; Chinese, Japanese and Korean signs, kana, ideographs, syllables.
_ALONE = (
    "\x00-\u02ff\u3000-\u3029\u3030-\u303f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7a3\uff01-\uffef"
)
# Where a character may be of several code points: the others, and what a joiner joins.
_MAYBE_JOINED = re.compile(f"(?:[^{_ALONE}]|(?<={JOINER}).)+", re.DOTALL)


def count(text: str) -> int:
    """The characters of ``text`` as the guest sees them: "Zoé 👨‍👩‍👧‍👦 🇫🇷" is 7,
    however its "é" was typed. Cut where it may be joined only: a long answer in
    Japanese is counted at once."""
    characters = len(text)
    for joined in _MAYBE_JOINED.finditer(text):
        at = max(joined.start() - 1, 0)  # the letter an accent goes on
        while at < joined.end():
            end = cluster_end(text, at)
            characters -= end - at - 1
            at = end
    return characters
