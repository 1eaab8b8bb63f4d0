"""Web addresses a guest typed bare, made links every static site generator reads.

A fediverse handle typed bare ("@ines@piaille.fr") is one too: a link to the profile.

GFM, Hugo and jeudis's own HTML make "voir https://example.org/x." a link;
kramdown (Jekyll), Python-Markdown (Pelican, MkDocs) and Zola leave it as text.
Written as an autolink (``<https://example.org/x>``), it is a link to all.

The text comes with its tokens (code, link targets, definitions...) already set
aside by :mod:`jeudis.export.tokens`, each replaced by a mark; addresses are
set aside the same way, among them and in order, so typography leaves them be.
For the HTML, cmark gets a ``www.`` address as the link text it was typed as.
"""

from __future__ import annotations

import re

# An address runs to a space or a character none holds as typed: quotes (but an
# apostrophe between letters: "wiki/L'Envie"), guillemets,
# and what opens Markdown of its own: brackets (links, footnotes), braces (attribute
# lists), "|" (a table's cell), "\" (an escape), "<" and ">" (an autolink's ends).
# Then, as GFM does, trailing punctuation and an unbalanced ")" are left out.
# One in quotes ("https://x.fr", typed as often as in brackets) is an address too, not
# one an attribute quotes (href="https://x.fr"): left to cmark, the closing quote that
# typography curls was taken into the link (https://x.fr%E2%80%9D).
_BARE = re.compile(
    r"(?<![\w/@<\[=.:\\-])(?<![=\w][\"'])(?:https?://|www\.)"
    r"(?:[^\s<>\"'`«»“”‘’\[\]{}|\\\ue000\ue001]|'(?=\w))+"
    # A fediverse handle, "@ines@piaille.fr": a link to the profile, as Mastodon
    # shows it (left to GFM, "ines@piaille.fr" was a mailto: link after a stray "@").
    r"|(?<![\w@/.:-])@(?P<user>\w(?:[\w.-]*\w)?)@(?P<host>\w[\w-]*(?:\.\w[\w-]*)+)"
)
# GFM's, then the marks that end a clause typed with no space before them, which GFM
# took in: an ellipsis an autocorrect made of "...", dashes, full-width marks.
TRAILING = "?!.,:;*_~…—–‽。、，：；！？"
# What a host holds (IDN letters too); anything else ends the address: "https://x.fr—oui",
# "(https://x.fr)…" linked to hosts no browser could find.
_HOST = re.compile(r"[\w.\-~%:@]*")


def hold_bare(held: str, tokens: list[str], hold: str) -> tuple[str, list[str], list[str]]:
    """The text with its bare addresses set aside too: the text, the tokens for
    Markdown posts (addresses as autolinks), and for the HTML (see :func:`_for_cmark`).

    Not one inside a link's text (``[voir https://x.fr](…)``: a link in a link) or
    title, in an indented line (code, maybe), or without a dot in its host.
    """
    pieces = held.split(hold)
    woven: list[str] = []
    linked: list[str] = []
    typed: list[str] = []
    depth = 0  # "[" still open in the paragraph: what follows is a link's text
    for index, piece in enumerate(pieces):
        skip_to = 0
        if index:
            token = tokens[index - 1]
            linked.append(token)
            typed.append(token)
            depth, skip_to = _after_token(token, piece, depth)
        last = seen = 0
        for match in _BARE.finditer(piece):
            depth = _depth(piece[seen : match.start()], depth)
            seen = match.start()
            address = match.group() if match["user"] else _trimmed(match.group())
            if depth or match.start() < skip_to or not _linkable(piece, match.start(), address):
                continue
            woven += [piece[last : match.start()], hold]
            if match["user"]:
                handle = _handle_link(address, match["user"], match["host"])
                linked.append(handle)
                typed.append(handle)
            else:
                linked.append(
                    f"<https://{address}>" if address.startswith("www.") else f"<{address}>"
                )
                typed.append(_for_cmark(address))
            last = match.start() + len(address)
        depth = _depth(piece[seen:], depth)
        woven.append(piece[last:])
        if index < len(tokens):
            woven.append(hold)
    return "".join(woven), linked, typed


def _handle_link(handle: str, user: str, host: str) -> str:
    """A fediverse handle as a link to its profile page: ``[@ines@piaille.fr](…/@ines)``."""
    from jeudis.export.cleaning import inline_text

    return f"[{inline_text(handle)}](<https://{host}/@{user}>)"


def _for_cmark(address: str) -> str:
    """The link cmark renders for the HTML: ``<https://…>``; a ``www.`` address shown as
    typed. Left bare, cmark's own linking took in the no-break space typography puts
    before "!" or "»" (``https://x.fr%E2%80%AF``). cmark's HTML is sanitized after it,
    so the ``)`` this form closes with lends nothing to a guest's half-written link.
    """
    from jeudis.export.cleaning import inline_text

    if not address.startswith("www."):
        return f"<{address}>"
    return f"[{inline_text(address)}](<https://{address}>)"


def _after_token(token: str, piece: str, depth: int) -> tuple[int, int]:
    """The bracket depth after a token, and where in the text after it addresses may start.

    A link's target (``](url``) closes a "[", and the title after it runs to its
    ")"; a definition's title runs to the end of its line.
    """
    if token.startswith("]"):
        depth = max(0, depth - 1)
        if token.startswith("](") and not token.endswith(")"):
            return depth, piece.find(")") + 1 if ")" in piece else len(piece)
    elif token.startswith("[") and "]:" in token:
        return depth, piece.find("\n") if "\n" in piece else len(piece)
    return depth, 0


def _depth(text: str, depth: int) -> int:
    """How many "[" stay open after ``text``; a blank line ends a paragraph, and them."""
    if "\n\n" in text:
        depth, text = 0, text[text.rfind("\n\n") :]
    return max(0, depth + text.count("[") - text.count("]"))


def _linkable(piece: str, at: int, address: str) -> bool:
    """A host with a dot, not on an indented line, not a link's target left as text."""
    if "." not in address.split("//", 1)[-1].strip("."):
        return False
    line = piece[piece.rfind("\n", 0, at) + 1 :]
    return not line.startswith(("    ", "\t")) and not piece.endswith("](", 0, at)


def _trimmed(address: str) -> str:
    """An address without the punctuation ending the sentence around it, and its host
    without what no host holds."""
    start = address.find("//") + 2 if "//" in address else 0
    host = _HOST.match(address, start)  # always, if only nothing
    end = host.end() if host else start
    if end < len(address) and address[end] not in "/?#":
        address = address[:end]
    while address:
        unbalanced = address[-1] == ")" and address.count(")") > address.count("(")
        if address[-1] not in TRAILING and not unbalanced:
            break
        address = address[:-1]
    return address
