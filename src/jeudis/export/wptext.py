"""The HTML of a post for WordPress, written so that its content filters read nothing
into it.

WordPress runs filters on a post's HTML when it shows it (``the_content``): shortcodes
wherever a ``[`` opens one, code included; ``WP_Embed::autoembed``, which embeds an
address alone on its line (a guest's code line) or alone in a paragraph; and
``wptexturize``, which sets the quotes, dashes and ellipses of the text outside code,
an address shown included (``L'Envie`` read ``L’Envie``, ``a--b`` ``a–b``). Each
character they would read is written as a character reference: the reader sees the
same text, and the filters find nothing.

WordPress's editors write the text back with its characters as they are, though: the
classic editor (TinyMCE, the Classic block a post imported without blocks opens in)
once the host edits it, the block editor once it saves the post's blocks again, and
"Convert to blocks". A ``[`` that could open a shortcode is followed by a comment as
well, ``<!-- -->``: every one of them keeps it (TinyMCE drops an empty ``<!---->``),
and the text shows, and copies, as it was.
"""

from __future__ import annotations

import re
from functools import partial

# Markup whose text is not text: comments, scripts and styles (no reference is read
# there), tags and their attributes.
_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)
# An address written in the text, as WordPress's filters find one.
_ADDRESS = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>]+", re.IGNORECASE)
# What wptexturize changes in an address: "--" and "---", "...", quotes and backticks,
# and an "x" between digits (2x3 is 2×3 to it).
_TEXTURIZED = re.compile(r"-{2,}|\.{3,}|['`]+|(?<=\d)x(?=\d)")
# The scheme's colon: autoembed looks for "http://" and "https://".
_SCHEME = re.compile(r"^(https?):", re.IGNORECASE)
_LINK = re.compile(r"</?a[\s>]", re.IGNORECASE)
# A "[" a shortcode's name (or a second "[") could follow: any but a blank or "]".
_OPENER = re.compile(r"\[(?![\s\]])")
# What follows it: a comment, which parts "[" from the name in any text an editor
# writes back, and which the reader does not see.
_PARTED = "&#91;<!-- -->"


def _references(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(character)};" for character in match.group())


def _inert_address(match: re.Match[str], *, linked: bool) -> str:
    address = _TEXTURIZED.sub(_references, match.group())
    return address if linked else _SCHEME.sub(r"\1&#58;", address)


def inert_text(html: str) -> str:
    """``html`` with every ``[`` written ``&#91;`` (``&#91;<!-- -->`` in the text but
    before a blank or ``]``) and each address of its text written so that wptexturize
    and autoembed leave it as it is; tags and attributes as given.

    A link's text is never alone on its line or in its paragraph: its scheme is left
    as written, as most addresses shown are.
    """
    parts, last, linked = [], 0, False
    for markup in _MARKUP.finditer(html):
        parts += [_inert(html[last : markup.start()], linked=linked), markup.group()]
        last = markup.end()
        if _LINK.match(markup.group()):
            linked = not markup.group().startswith("</")
    parts.append(_inert(html[last:], linked=linked))
    return "".join(parts).replace("[", "&#91;")


def _inert(text: str, *, linked: bool) -> str:
    if "://" in text or "www." in text.lower():
        text = _ADDRESS.sub(partial(_inert_address, linked=linked), text)
    return _OPENER.sub(_PARTED, text)
