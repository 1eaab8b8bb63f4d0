"""The HTML of a post for WordPress, written so that its content filters read nothing
into it.

WordPress runs filters on a post's HTML when it shows it (``the_content``): shortcodes
wherever a ``[`` opens one, code included; ``WP_Embed::autoembed``, which embeds an
address alone on its line (a guest's code line) or alone in a paragraph; and
``wptexturize``, which sets the quotes, dashes and ellipses of the text outside code,
an address shown included (``L'Envie`` read ``L’Envie``, ``a--b`` ``a–b``); and, when a
theme adds it, ``make_clickable``, which links an address of the text (a part of it,
if that is all it finds). Each ``[`` is written ``&#91;``, and what they would read in
an address is parted by a comment or written as a character reference: the reader
sees the same text, and the filters find nothing.

WordPress's editors write the text back with its characters as they are, though: the
classic editor (TinyMCE, the Classic block a post imported without blocks opens in)
once the host edits it, the block editor once it saves the post's blocks again, and
"Convert to blocks". Every one of them keeps a comment, ``<!-- -->`` (TinyMCE drops an
empty ``<!---->``), which the reader neither sees nor copies, and which parts a text in
two for the filters: it follows a ``[`` that could open a shortcode, an address's
scheme (``https<!-- -->://``, never alone on a line then), and each of two signs
wptexturize would read as one (``a-<!-- -->-b``, ``c..<!-- -->.d``, ``2<!-- -->x3``).
A quote, three dashes or more, and two that end an address stay references: no comment
keeps wptexturize from them, and after an edit a link's text shows them set (its
address, an attribute, is as typed).
"""

from __future__ import annotations

import re
from functools import partial

# Markup whose text is not text: comments, scripts and styles (no reference is read
# there), tags and their attributes.
_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)
# An address written in the text, as WordPress's filters find one.
_ADDRESS = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>]+", re.IGNORECASE)
# What wptexturize changes in an address that no comment keeps from it: a quote (’ or
# ‘ wherever it stands), three dashes or more, and two that end it ("-" alone is "–").
_UNPARTED = re.compile(r"'+|-{3,}|--$")
# Where a comment parts what it reads, as a text between two tags: "--", "...", "``"
# and the "x" of 2x3 (2×3 to it).
_PARTED_AFTER = re.compile(r"-(?=-)|\.\.(?=\.)|`(?=`)|\d(?=x\d)")
# The scheme (autoembed looks for "http://" and "https://"), or "www" (make_clickable,
# which a theme may add to the_content, for "www." in a text).
_START = re.compile(r"^(?:(?:https?|ftp)(?=:)|www(?=\.))", re.IGNORECASE)
_EMBEDDED = re.compile(r"^https?:", re.IGNORECASE)
_LINK = re.compile(r"</?a[\s>]", re.IGNORECASE)
# Elements whose text wptexturize leaves as it is (its no_texturize_tags).
_CODE = re.compile(r"</?(?:pre|code|kbd|tt)[\s>]", re.IGNORECASE)
# A "[" a shortcode's name (or a second "[") could follow: any but a blank or "]".
_OPENER = re.compile(r"\[(?![\s\]])")
# A comment, which parts what is before it from what follows in any text an editor
# writes back, and which the reader does not see.
_COMMENT = "<!-- -->"
_PARTED = "&#91;" + _COMMENT


def _references(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(character)};" for character in match.group())


def _inert_address(match: re.Match[str], *, linked: bool, code: bool) -> str:
    typed = address = match.group()
    if not code:
        address = _PARTED_AFTER.sub(rf"\g<0>{_COMMENT}", _UNPARTED.sub(_references, address))
    if address != typed or (not linked and _EMBEDDED.match(address)):
        # Nor does make_clickable read a part of it as an address.
        return _START.sub(rf"\g<0>{_COMMENT}", address)
    return address


def inert_text(html: str) -> str:
    """``html`` with every ``[`` written ``&#91;`` (``&#91;<!-- -->`` in the text but
    before a blank or ``]``) and each address of its text written so that wptexturize,
    autoembed and make_clickable leave it as it is; tags and attributes as given.

    A link's text is never alone on its line or in its paragraph, and wptexturize
    leaves code: an address in either is as written, unless there is something to part
    in it (a part of it would be made a link of its own then).
    """
    parts, last, linked, code = [], 0, False, 0
    for markup in _MARKUP.finditer(html):
        parts += [_inert(html[last : markup.start()], linked=linked, code=code > 0), markup.group()]
        last = markup.end()
        tag = markup.group()
        if _LINK.match(tag):
            linked = not tag.startswith("</")
        elif _CODE.match(tag):
            code = max(code - 1, 0) if tag.startswith("</") else code + 1
    parts.append(_inert(html[last:], linked=linked, code=code > 0))
    return "".join(parts).replace("[", "&#91;")


def _inert(text: str, *, linked: bool, code: bool) -> str:
    if "://" in text or "www." in text.lower():
        text = _ADDRESS.sub(partial(_inert_address, linked=linked, code=code), text)
    return _OPENER.sub(_PARTED, text)
