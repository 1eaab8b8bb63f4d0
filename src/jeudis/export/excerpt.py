"""A post's excerpt: plain text from its HTML, its blocks run on as sentences and cut
on a word boundary (the description a post with none takes from its first answer).
"""

from __future__ import annotations

import re

_TAGS = re.compile(r"<(/?)([a-zA-Z0-9]*)[^>]*>")
_BLOCKS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "blockquote", "pre"}


def excerpt(html: str, limit: int = 220) -> str:
    """Plain text from HTML, cut on a word boundary.

    Blocks run on as sentences: an item of a list that ends with no punctuation
    is followed by a comma when another item follows, and any other block (the
    list's last item, a paragraph, a heading) by a full stop, so "Also:" and the
    items "COBOL" and "the Navy" read "Also: COBOL, the Navy." and not
    "Also: COBOL the Navy".
    """
    import html as html_module

    if "</" not in html:  # one line of text: nothing to run on
        return _cut(" ".join(html_module.unescape(_TAGS.sub("", html)).split()), limit)
    marked = _NEXT_ITEM.sub(_ITEM_BREAK, html)
    spaced = _TAGS.sub(lambda m: _block_break(m.group(2).lower()), marked)
    text = ""
    stop = ""  # what the text so far ends with, should more text follow
    for piece in _BREAKS.split(html_module.unescape(spaced)):
        if piece in (_ITEM_BREAK, _BLOCK_BREAK):
            stop = stop or ("," if piece == _ITEM_BREAK else ".")
        elif words := " ".join(piece.split()):
            if text:
                text += ("" if text.rstrip(_CLOSERS).endswith(_STOPS) else stop) + " "
            text, stop = text + words, ""
    return _cut(text, limit)


# An item's end where the list goes on; any other block's end; neither is text.
_ITEM_BREAK, _BLOCK_BREAK = "\x01", "\x02"
_NEXT_ITEM = re.compile(r"</li>\s*(?=<li[\s>])", re.IGNORECASE)
_BREAKS = re.compile("([\x01\x02])")
_STOPS = (".", "!", "?", ":", ";", ",", "…")
_CLOSERS = " \u00a0\u202f\"”»’')"  # after a full stop, a closing quote keeps it


def _block_break(tag: str) -> str:
    if tag == "br":
        return " "  # a line of a poem or an address goes on the same sentence
    return _BLOCK_BREAK if tag in _BLOCKS else ""


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
