"""The tokens of a guest's Markdown: what cleaning must hold as written, or make harmless.

Code every Markdown reads as code (a fence, a span, an indented block), link
targets and reference definitions, autolinks and any other ``<``, character
references: each is found in place by a scanner of its own and given its
replacement, the token as written where every parser reads it alike and it is
safe, or made harmless (an unsafe URL dropped, a ``<`` escaped).
:func:`hold_tokens` sets them aside, a mark (:data:`HOLD`) in the place of each,
for :mod:`jeudis.export.cleaning`, which sets typography on the text around them
and puts them back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from jeudis.export.markdown_code import (
    AMBIGUOUS,
    block_start,
    code_span,
    fenced_block,
    indented_code,
)
from jeudis.export.markup import safe_url, url_scheme

# What must not be touched (code), and what must be looked at (links, autolinks,
# tags). Candidates are found by a character class (the regex engine skips to
# them in C), then each is matched in place.
_CANDIDATE_CHARS = "`~]<&["


@cache
def _candidates(chars: str) -> re.Pattern[str]:
    """A scan for any of ``chars``: a character class, or a literal when there is one.

    The regex engine finds a literal ten times faster than one of a class of
    characters, and most answers hold only links (``]``).
    """
    return re.compile(re.escape(chars) if len(chars) == 1 else f"[{re.escape(chars)}]")


# Link targets are checked as widely as any parser may read them (kramdown reads
# past a space), and dropped when unsafe; a safe one is held as written only when
# its URL holds nothing that could open markup in a parser that does not read it as
# a URL (braces and bars are written percent-encoded: see target_url): otherwise it
# is left as text, and checked.
_DEST = re.compile(r"\]\((?P<url>[^)\s]*)(?P<title>[^)]*)\)")
_URL = r"[^\s()\[\]{}<>`]"
_DEST_URL = re.compile(r"\]\([^\s()\[\]<>`]*(?=[\s)])")
# What follows any "]:": the URL a parser may take (maybe on the next line), and the
# rest of its line. Overlapping: the URL may itself hold the next "]:".
_DEFINITION_COLON = re.compile(r"\](?=:[ \t]*\n?[ \t]*(?P<url>\S+)(?P<rest>[^\n]*))")
# One held as written: a plain label, a URL holding nothing that opens markup.
_ABBREVIATION = re.compile(r"\[[^\]\n]*\] ?:")  # after a "*": Python-Markdown's abbreviation
_DEFINITION = re.compile(r"\[[^\[\]\n<>&{}`]+\]:[ \t]*\n?[ \t]*(?P<url>[^\s\[\]<>`]+)(?!\S)")
_LINE_PREFIX = " \t>*+-0123456789.)"  # indentation, block quote and list markers
# An autolink held as written holds nothing another parser reads first: Python-Markdown
# finds links, code and escapes inside one ("<http://x[j](javascript:…)>") before it.
_AUTO = re.compile(r"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s\[\]`\\]*)>")
_AUTOLINKED = ("https://", "http://", "mailto:")  # what every parser reads as an autolink
_ENTITY = re.compile(r"&#?\w+;")


def _present(text: str) -> str:
    """The candidate characters the text holds (a substring test is C speed).

    "[" starts a token only in a reference definition, which holds "]:", and in an
    abbreviation's (``*[x] : y`` too).
    """
    return "".join(
        c for c in _CANDIDATE_CHARS if c in text and (c != "[" or "]:" in text or "] :" in text)
    )


def _safe_destination(target: str) -> bool:
    """A link's whole destination, title included, is safe however a parser splits it.

    CommonMark ends a destination at a space; kramdown (Jekyll) reads
    ``[y](java<TAB>script:alert(1))`` as one URL, and browsers drop tabs from URLs.
    """
    return safe_url(target.strip().lstrip("<"))


def _tokens(
    text: str, chars: str, code: list[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int, str]]:
    """Each token as (start, end, its harmless replacement), in order; ``chars``:
    :func:`_present`, ``code``: :func:`indented_code` (found here when not given).
    """
    code = indented_code(text) if code is None else code
    if not chars and not code:
        return
    candidates = _candidates(chars) if chars else None
    pos = block = 0
    fences = True  # until a fence parsers read differently: then no line is trusted as code
    while True:
        found = candidates.search(text, pos) if candidates else None
        while block < len(code) and code[block][0] < pos:
            block += 1  # inside a fence or a span already taken
        if fences and block < len(code) and (found is None or code[block][0] < found.start()):
            start, end = code[block]
            yield start, end, text[start:end]
            pos = end
            continue
        if found is None:
            return
        at = found.start()
        char = text[at]
        token: tuple[int, int, str] | None = None
        if fences and char in "`~" and block_start(text, at):
            fence = fenced_block(text, at)
            fences = fence != AMBIGUOUS
            token = (at, *fence) if fence and fence != AMBIGUOUS else None
        if token is None:
            token = _TOKEN_AT[char](text, at)
        if token is None:
            pos = at + 1
            continue
        yield token
        pos = token[1]


def _link(text: str, at: int) -> tuple[int, int, str] | None:
    """``](url title)``: the URL held; dropped with what follows when unsafe read either way.

    A title, or what only looks like one, is left as text, so it is checked too. A link
    leads to ``#`` (the page itself) when its URL is dropped, or was left out
    (``[a]()``, ``[a](<>)``): Zola stops its build at a link with no URL. An image's
    is left empty, which browsers fetch nothing for.
    """
    if (m := _DEST.match(text, at)) is None:
        return None
    if not _safe_destination(m.group("url") + m.group("title")):
        return at, _balanced_end(text, m), "]()" if _ends_image_text(text, at) else "](#)"
    if _no_url(m) and not _ends_image_text(text, at):
        return at, at + 2 + len(m.group("url")), "](#"
    held = _DEST_URL.match(text, at)
    return (at, held.end(), "](" + target_url(held.group()[2:])) if held else None


def _no_url(target: re.Match[str]) -> bool:
    """Whether a link's target (:data:`_DEST`) is empty, or a title alone: ``[a]()``,
    ``[a](<>)``, ``[a]( "t")``; not ``[a]( x)``, a link to ``x``."""
    if target.group("url") not in ("", "<>"):
        return False
    title = target.group("title").strip()
    return not title or (len(title) > 1 and title[0] in "\"'" and title[-1] == title[0])


def _ends_image_text(text: str, at: int) -> bool:
    """Whether the "]" at ``at`` ends an image's text (``![alt]``): the "[" pairing with
    it, escaped brackets left out, has a "!" before it. Looked for among the 16 brackets
    and 500 characters before it (a link's text is shorter), so that a text of many
    links is read in a time in proportion to it.
    """
    low = max(at - 500, 0)
    depth = 0
    pos = at
    for _ in range(16):
        pos = max(text.rfind("[", low, pos), text.rfind("]", low, pos))
        if pos < 0:
            return False
        if escaped(text, pos):
            continue
        if text[pos] == "]":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return pos > 0 and text[pos - 1] == "!" and not escaped(text, pos - 1)
    return False


def escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes."""
    run = at
    while run > 0 and text[run - 1] == "\\":
        run -= 1
    return (at - run) % 2 == 1


def _balanced_end(text: str, m: re.Match[str]) -> int:
    """Where a link's target ends when the parentheses of its URL pair up (on its line).

    ``](javascript:alert(1))``: the first ")" closes ``alert(``, as parsers read it;
    dropped up to that one only, the last ")" was left in the text. Only the URL's
    count: a "(" in a title (``"("``) opens nothing.
    """
    depth = m.group("url").count("(")  # the URL holds no ")": the match ends at the first
    end = pos = m.end()
    while depth > 0 and pos < len(text) and text[pos] != "\n":
        depth += {"(": 1, ")": -1}.get(text[pos], 0)
        pos += 1
    return pos if depth == 0 else end


def web_address(url: str) -> str:
    """``www.site.fr`` as the address it means: a site, not a page beside the post."""
    return "https://" + url if url.startswith("www.") else url


def target_url(url: str) -> str:
    """A link's URL as a post writes it: :func:`web_address`, braces and bars
    percent-encoded (the same URL to a browser).

    A brace escaped the Markdown way (``\\{``) keeps its backslash in kramdown's
    URL (Jekyll linked ``?q=\\{x}``), and Pelican rewrites a URL opening on
    ``{filename}``, ``{static}`` or ``|filename|`` into a link to its own site's files.
    """
    url = web_address(url)
    if "{" in url or "}" in url or "|" in url:
        url = url.replace("{", "%7B").replace("}", "%7D").replace("|", "%7C")
    return url


def _definition(text: str, at: int) -> tuple[int, int, str] | None:
    """``[label]: url`` held whole (typography would part ``]:``), when plainly one.

    Unsafe ones were made text before (:func:`drop_unsafe_definitions`). After a
    "*", Python-Markdown's abbreviation (``*[HTML]: HyperText…``, anywhere in a
    paragraph), its "[" is escaped: Python-Markdown 3.4 (Debian's, Pelican's) makes a
    regex of the label as written, and ``*[^1]: note`` one matching every character,
    on which the build looped for ever; a guest never means one.
    """
    if at and text[at - 1] == "*" and _ABBREVIATION.match(text, at):
        return at, at + 1, "\\["
    begin = text.rfind("\n", 0, at) + 1
    if text[begin:at].strip(_LINE_PREFIX) or (m := _DEFINITION.match(text, at)) is None:
        return None
    return at, m.end(), text[at : m.start("url")] + target_url(m.group("url"))


def drop_unsafe_definitions(text: str) -> str:
    """Each ``]:`` any parser could read as a link definition's, made text (``]\\:``)
    when the URL after it is unsafe.

    Read with what follows it on the line, as kramdown reads it. Wherever it
    stands, not only at a line's start: definition lists, footnotes and labels
    holding escapes (``[a\\]b]:``) or line breaks put definitions elsewhere for
    some parser. A definition left without its URL would take the next line's.
    """
    out: list[str] = []
    last = 0
    for found in _DEFINITION_COLON.finditer(text):
        target = found.group("url") + found.group("rest")
        if _footnote(text, found.start()) and url_scheme(target.strip()) not in _RUNNING:
            continue  # "[^1]: Source: INSEE" is a note; a link to it would run nothing
        if not _safe_destination(target):
            out += [text[last : found.start() + 1], "\\"]
            last = found.start() + 1
    out.append(text[last:])
    return "".join(out)


_RUNNING = ("javascript", "vbscript", "data", "file")  # schemes a link to runs or reads


def _footnote(text: str, at: int) -> bool:
    """Whether the "]" at ``at`` closes a footnote's label (``[^1]``) on its line."""
    start = text.rfind("[", 0, at)
    return start >= 0 and text.startswith("[^", start) and "\n" not in text[start:at]


def _angle(text: str, at: int) -> tuple[int, int, str] | None:
    """An autolink every parser reads as one, held; any other ``<`` escaped.

    Python-Markdown reads only ``<http(s)://…>`` and ``<…@…>`` as autolinks: to
    it ``<tel:1/onclick=…>`` is a tag, and kramdown may open an HTML block on a
    ``<`` no tag name follows. What follows an escaped ``<`` is text, checked.
    """
    m = _AUTO.match(text, at)
    url = m.group("url") if m else ""
    if url.startswith(_AUTOLINKED) and ("://" in url or "@" in url) and safe_url(url):
        return at, at + len(url) + 2, f"<{url}>"
    return at, at + 1, "&lt;"


def _entity(text: str, at: int) -> tuple[int, int, str] | None:
    m = _ENTITY.match(text, at)
    return (at, m.end(), m.group()) if m else None


_TOKEN_AT: dict[str, Callable[[str, int], tuple[int, int, str] | None]] = {
    "`": code_span,
    "~": lambda text, at: None,  # a tilde starts a token only as a fence
    "]": _link,
    "[": _definition,
    "<": _angle,
    "&": _entity,
}


HOLD = "\ue000"  # stands for a token while the text around it is fixed


# What _link holds of a safe link: "](" and its URL, where a ")" closes the target.
_LINK_TARGET = re.compile(rf"\]\({_URL}*(?=\)|\s[^)]*\))")
# A link target not spelt with a plain scheme, wherever it starts: none found, every
# target _LINK_TARGET finds is plain.
_UNPLAIN_TARGET = re.compile(r"\]\((?!https://|http://|mailto:)[^)]*\)")
# A reference definition's "]:" (an abbreviation's "] :" too), or a link target
# _UNPLAIN_TARGET finds: one scan of a post's answers for both, 7 µs where the two
# took 23.
_DEFINITION_OR_UNPLAIN_TARGET = re.compile(r"\](?: ?:|\((?!https://|http://|mailto:)[^)]*\))")
# A line indented four spaces (code, maybe). The regex engine finds it in half the time
# `"\n    " in text` takes on a post's answers (15 µs), whose spaces are each a false start.
_INDENTED_LINE = re.compile("\n {4}")


def hold_links_apart(joined: str, apart: str) -> tuple[str, list[str]] | None:
    """:func:`hold_tokens` over texts joined by breaks holding ``apart`` (a mark no text
    holds), in one pass, when each text's tokens are links to plain URLs alone (the
    common case); None when any text may hold more, or anything else.

    A link's target ends before a break (its URL stops at a space, and what looks
    like its title stops at ``apart``), so each text's links are found as alone.
    """
    if (
        # No candidate but "]" (see _present): a "[" starts one only in a definition.
        any(char in joined for char in "`~<&{")
        or _DEFINITION_OR_UNPLAIN_TARGET.search(joined)
        or _INDENTED_LINE.search(joined)
        or ("\t" in joined and "\n\t" in joined)
        or joined.startswith(("    ", "\t"))
    ):
        return None
    # One pass: the text between the targets, and the targets (captured), in turn.
    parts = _apart_target(apart).split(joined)
    held = HOLD.join(parts[0::2])
    # One character first (memchr speed): no ":", no "://"; no "w", no "www.".
    if "@" in held or (":" in held and "://" in held) or ("w" in held and "www." in held):
        return None  # bare addresses to hold too: each text alone
    return held, parts[1::2]


@cache
def _apart_target(apart: str) -> re.Pattern[str]:
    """:data:`_LINK_TARGET`, a title's look-ahead stopped by ``apart``, captured."""
    return re.compile(rf"(\]\({_URL}*(?=\)|\s[^){re.escape(apart)}]*\)))")


def hold_tokens(text: str, opening: bool = False) -> tuple[str, list[str], list[str]]:
    """The text with each token replaced by :data:`HOLD`, and the tokens' replacements:
    for Markdown posts, and for the HTML (the same but for bare web addresses: see
    :mod:`jeudis.export.addresses`). ``opening``: code opening the text is code too.
    """
    held, tokens = _markup_held(text, opening)
    if "://" in held or "www." in held or "@" in held:
        from jeudis.export.addresses import hold_bare

        return hold_bare(held, tokens, HOLD)
    return held, tokens, tokens


def _markup_held(text: str, opening: bool = False) -> tuple[str, list[str]]:
    """:func:`hold_tokens` for the tokens of Markdown's own syntax (not bare addresses)."""
    chars = _present(text)
    code = indented_code(text, opening)
    if chars == "]" and "{" not in text and not _UNPLAIN_TARGET.search(text) and not code:
        # Links alone, each to a plain URL (the common case): kept as written, so they
        # are found and set aside by C scans, not one Python step each.
        return _LINK_TARGET.sub(HOLD, text), _LINK_TARGET.findall(text)
    tokens: list[str] = []
    out: list[str] = []
    last = 0
    for start, end, replacement in _tokens(text, chars, code):
        out.append(text[last:start])
        out.append(HOLD)
        tokens.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out), tokens
