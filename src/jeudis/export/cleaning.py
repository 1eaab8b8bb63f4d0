"""Guest Markdown cleaned: typography on its text, and nothing a generator would run.

For Markdown posts the guest's text is kept as written, except what a static
site generator would turn into live markup: raw HTML tags are escaped,
dangerous link destinations are emptied, braces are made inert. The same pass
sets French typography on the text around code and links, for the HTML that
:mod:`jeudis.export.markup` renders from it too. The tokens held as written or
made harmless are found by :mod:`jeudis.export.tokens`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jeudis.export.generators import ZWSP
from jeudis.export.markdown_code import FENCE_START
from jeudis.export.markup import to_lf
from jeudis.export.tokens import HOLD, drop_unsafe_definitions, hold_links_apart, hold_tokens

# Between two answers while their typography is done in one call: a paragraph break
# on each side, so no rule sees across it (a mark before it ends its clause, one
# after it has no word before it), as if each answer were fixed alone.
_APART_MARK = "\ue001"
_APART = f"\n\n{_APART_MARK}\n\n"


def clean_markdown(text: str, fix_text: Callable[[str], str]) -> str:
    """Guest Markdown for a Markdown post: typography on text, no raw HTML, no bad URL.

    Tokens (code, link targets, autolinks, tags, character references) are set
    aside and a private-use mark holds their place, so typography sees the text
    around them whole (``[lien](url) : ...``) and never touches them.
    """
    return clean_markdown_many([text], fix_text)[0]


def clean_markdown_many(texts: list[str], fix_text: Callable[[str], str]) -> list[str]:
    """:func:`clean_markdown` on several texts, with one typography call for all of them.

    Code fences and the other tokens are still found in each text alone (an
    unclosed fence ends with its answer); only the pass over the plain text is
    shared, which saves its fixed cost fifteen times a post.
    """
    return clean_markdown_both(texts, fix_text)[0]


def clean_markdown_both(
    texts: list[str], fix_text: Callable[[str], str]
) -> tuple[list[str], list[str]]:
    """The texts cleaned for Markdown posts, and for cmark (which renders the HTML).

    What makes a post inert to every static site generator (braces escaped, fences
    left as text opening none) is written for Markdown posts only: cmark reads no
    attribute list, Liquid or shortcode, and its HTML is sanitized after it, so a
    code block inside a list keeps its braces and stays a code block in HTML.
    The second typography pass this needs runs only for texts holding such things.
    """
    both = _links_only(texts, fix_text)
    if both is not None:
        return both, both
    held: list[list[str]] = []
    held_html: list[list[str]] = []
    plain: list[str] = []
    plain_html: list[str] = []
    for text in texts:
        text = to_lf(text)
        if HOLD in text or _APART_MARK in text:
            text = text.replace(HOLD, "").replace(_APART_MARK, "")
        if "]:" in text:
            text = drop_unsafe_definitions(text)
        held_text, tokens, tokens_html = hold_tokens(text)
        for_html = held_text
        if text.startswith(("    ", "\t")):  # code for cmark; maybe not in a post
            for_html, _, tokens_html = hold_tokens(text, opening=True)
        plain_html.append(for_html)
        held_html.append(tokens_html)
        text = held_text
        if "```" in text or "~~~" in text:
            # A fence left as text must not open one in any parser either: one that
            # pairs fences across the whole post (Python-Markdown) would pair it with
            # another answer's, and read their code as text and text as code.
            text = FENCE_START.sub("\\1\\\\", text)
        held.append(tokens)
        plain.append(text)
    fixed = _fixed(plain, fix_text, inert_braces)
    markdown = _restore(held, fixed)
    if plain == plain_html and not any("{" in text for text in plain):
        return markdown, markdown if held_html == held else _restore(held_html, fixed)
    return markdown, _restore(held_html, _fixed(plain_html, fix_text, str))


def _links_only(texts: list[str], fix_text: Callable[[str], str]) -> list[str] | None:
    """The texts cleaned, when links to plain URLs are all they hold that a token is
    (most answers): set aside, fixed and put back in one pass over all of them, not
    one a text; the same for Markdown posts and for cmark. None for any other text.
    """
    joined = _APART.join(texts)
    if (
        "\r" in joined
        or HOLD in joined
        or joined.count(_APART_MARK) != len(texts) - 1
        or (found := hold_links_apart(joined, _APART_MARK)) is None
    ):
        return None
    held, tokens = found
    pieces = fix_text(held).split(HOLD)
    if len(pieces) != len(tokens) + 1:  # pragma: no cover - typography keeps the marks
        return None
    woven = [""] * (2 * len(tokens) + 1)
    woven[0::2] = pieces
    woven[1::2] = tokens
    cleaned = "".join(woven).split(_APART)
    return cleaned if len(cleaned) == len(texts) else None


def _fixed(
    plain: list[str], fix_text: Callable[[str], str], inert: Callable[[str], str]
) -> list[str]:
    """Typography over the texts in one call (apart, as if each were fixed alone)."""
    fixed = fix_text(inert(_APART.join(plain))).split(_APART)
    if len(fixed) != len(plain):  # pragma: no cover - typography never touches the breaks
        fixed = [fix_text(inert(one)) for one in plain]
    return fixed


def _restore(held: list[list[str]], fixed: list[str]) -> list[str]:
    """Each text with its held tokens back in their places."""
    cleaned = []
    for tokens, text in zip(held, fixed, strict=True):
        if tokens:
            # Pieces and tokens interleaved by two slice assignments (C loops), each
            # raising ValueError should their counts ever disagree.
            woven = [""] * (2 * len(tokens) + 1)
            woven[0::2] = text.split(HOLD)
            woven[1::2] = tokens
            text = "".join(woven)
        cleaned.append(text)
    return cleaned


# An opening brace not already escaped (after an even run of backslashes, or none).
_OPEN_BRACE = re.compile(r"(?<!\\)((?:\\\\)*)\{")


# A closing brace ending its line (an ATX heading's closing "#"s may follow).
_LINE_END_BRACE = re.compile(r"\}(?=[ \t#]*$)", re.MULTILINE)


def inert_braces(text: str) -> str:
    """Every ``{`` of text escaped (``\\{``, which every Markdown reads as ``{``).

    A brace opens what static site generators run inside a post's text: kramdown's
    and Python-Markdown's attribute lists (``{: onclick="..."}`` on a paragraph,
    read by Jekyll, Pelican, MkDocs), Liquid (``{{ }}``, ``{% %}``), Hugo's and
    Zola's shortcodes. Code is not text: :mod:`jeudis.export.generators` guards it.
    A ``}`` ending a line takes a zero-width space after it: Zola reads the braces
    ending a heading as its attributes, escaped or not, and showed ``## Titre {x}``
    as "Titre \\".
    """
    if "{" not in text:
        return text
    return _LINE_END_BRACE.sub("}" + ZWSP, _OPEN_BRACE.sub(r"\1\\{", text))


_INLINE_MARKUP = re.compile(r"[\\`*_\[\]>#|{]")
_DASHES = re.compile(r"-{2,}")


def inline_text(text: str) -> str:
    """Plain text made inert inside Markdown (a question, a name): no markup survives.

    ``<`` and ``~`` are character references, not backslash escapes: Python-Markdown
    (Pelican's, MkDocs's) knows no ``\\<`` nor ``\\~``, and showed the backslash
    ("Zoé \\<3"); every Markdown reads ``&lt;`` and ``&#126;`` as the characters.
    """
    escaped = _INLINE_MARKUP.sub(r"\\\g<0>", text)
    escaped = escaped.replace("<", "&lt;").replace("~", "&#126;")
    # A run of dashes, each escaped: Hugo's and Jekyll's typographers make a dash of it
    # (a guest named "---" read "—").
    escaped = _DASHES.sub(lambda run: "\\-" * len(run.group()), escaped)
    # Only ASCII whitespace folds: no-break spaces are typography, kept.
    folded = re.sub(r"[ \t\r\n]+", " ", escaped).strip(" ")
    if folded.endswith("}") and "{" in folded:  # a question's heading: see inert_braces
        return folded + ZWSP
    return folded
