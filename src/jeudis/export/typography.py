"""French typography and French dates, applied to text and never to markup.

French puts a thin no-break space (U+202F) before ``;`` ``!`` ``?`` and a
no-break space (U+00A0) before ``:`` and inside « guillemets ». Hugo's and
WordPress's typographers do not, so the exporter does it, in HTML and in
Markdown alike, on text only: never in a URL, in code, in an attribute, or
inside an HTML character reference (``&amp;`` ends with a ``;``).

Variants (setting ``typography`` in ``jeudis.toml``):

- ``fr``: U+202F before ``;!?``, U+00A0 before ``:`` and inside « ».
- ``fr-CA``: no space before ``;!?``, U+00A0 before ``:`` and inside « ».
- ``fr-CH``: U+202F before ``;!?:`` and inside « ».
- ``off``: text left as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from jeudis.errors import UsageError

NNBSP = "\u202f"
NBSP = "\u00a0"
VARIANTS = ("fr", "fr-CA", "fr-CH", "off")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# Spaces a writer may have typed before punctuation (plain, no-break, thin ones).
_SP = "[ \t\u00a0\u202f\u2009]"
# A URL or an e-mail address in running text: left untouched.
_URL = re.compile(
    r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)[^\s<>\"]*|[\w.+-]+@[\w-]+\.[\w.-]+"
)


def variant_for(language: str, setting: object) -> str:
    """The typography variant for a post: the series setting, for French posts only."""
    if not language.lower().startswith("fr"):
        return "off"
    if setting is None:
        return "fr-CA" if language.lower() == "fr-ca" else "fr"
    if not isinstance(setting, str) or setting not in VARIANTS:
        raise UsageError(
            f"typography = {setting!r} in jeudis.toml", hint="use " + ", ".join(VARIANTS)
        )
    return setting


# The marks typography cares about; runs of ;:!? are one unit ("?!" gets one space).
# Patterns that open with a literal or a character class let the regex engine skip
# ahead in C: on a long answer that is ten times faster than a lookbehind pattern.
_MARKS = re.compile(r"[;:!?«»][;:!?]*")
_URL_HINT = re.compile(r"://|www\.|mailto:|@")
_SPACES = " \t\u00a0\u202f\u2009"
_URL_STOP = frozenset(" \t\n\r<>\"'()[]\u00a0\u202f")
_FOLLOW = frozenset(')»"”’.,<*_\ue000')


@cache
def _spaces(variant: str) -> tuple[str, str, str]:
    """The space before ;!?, before :, and inside « »."""
    high = "" if variant == "fr-CA" else NNBSP
    colon = NNBSP if variant == "fr-CH" else NBSP
    quote = NNBSP if variant == "fr-CH" else NBSP
    return high, colon, quote


def fix_text(text: str, variant: str) -> str:
    """Apply French typography to plain text (no markup), URLs left as they are."""
    if variant == "off" or not _MARKS.search(text):
        return text
    spans = _url_spans(text)
    if not spans:
        return _fix_plain(text, variant)
    parts = []
    last = 0
    for start, end in spans:
        parts.append(_fix_plain(text[last:start], variant))
        parts.append(text[start:end])
        last = end
    parts.append(_fix_plain(text[last:], variant))
    return "".join(parts)


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs, e-mail addresses and @handles are: from a hint out to the spaces."""
    spans: list[tuple[int, int]] = []
    # Substring tests (C speed) first: most text holds no URL at all.
    if "@" not in text and "://" not in text and "www." not in text and "mailto:" not in text:
        return spans
    for hint in _URL_HINT.finditer(text):
        start, end = hint.start(), hint.end()
        if spans and start < spans[-1][1]:
            continue
        while start > 0 and text[start - 1] not in _URL_STOP:
            start -= 1
        while end < len(text) and text[end] not in _URL_STOP:
            end += 1
        spans.append((start, end))
    return spans


def _fix_plain(text: str, variant: str) -> str:
    high, colon, quote = _spaces(variant)
    out: list[str] = []
    last = 0
    for match in _MARKS.finditer(text):
        start, end = match.span()
        if start < last:  # inside the spaces skipped after a «
            continue
        mark = match.group()
        if mark[0] in "«»":
            last = _guillemet(text, start, last, quote, out)
            if len(mark) == 1:
                continue
            start, mark = start + 1, mark[1:]
        before = text[last:start]
        trimmed = before.rstrip(_SPACES)
        at = start - (len(before) - len(trimmed)) - 1
        prev = text[at] if at >= 0 else ""
        after = text[end] if end < len(text) else ""
        ends = not after or after.isspace()
        if prev and not prev.isspace():
            if mark[0] in ";!?" and (ends or after in _FOLLOW):
                out.append(trimmed + high + mark)
                last = end
                continue
            if mark == ":" and ends and prev != ":":
                out.append(trimmed + colon + ":")
                last = end
                continue
        out.append(before + mark)
        last = end
    out.append(text[last:])
    return "".join(out)


def _guillemet(text: str, at: int, last: int, quote: str, out: list[str]) -> int:
    """A space inside « »; returns where the text resumes."""
    before = text[last:at]
    if text[at] == "«":
        out.append(before + "«" + quote)
        end = at + 1
        while end < len(text) and text[end] in _SPACES:
            end += 1
        return end
    out.append(before.rstrip(_SPACES) + quote + "»")
    return at + 1


# HTML: tags, comments and character references are copied; text between them is fixed;
# nothing inside <code>, <pre>, <script>, <style>, <kbd>, <samp> is touched.
_HTML_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;", re.DOTALL)
_RAW_ELEMENTS = re.compile(r"<(/?)(code|pre|script|style|kbd|samp)\b", re.IGNORECASE)
_ENTITY_MARK = "\ue000"


def fix_html(html: str, variant: str) -> str:
    """Apply French typography to the text of an HTML fragment (not tags, not code).

    Character references are replaced by a private-use mark for the time of the
    pass, so ``&quot;`` keeps its ``;`` and the text around it is still seen whole.
    """
    if variant == "off" or not html:
        return html
    out: list[str] = []
    text: list[str] = []
    entities: list[str] = []
    depth = 0
    last = 0

    def flush() -> None:
        if text:
            chunk = "".join(text)
            fixed = chunk if depth else fix_text(chunk, variant)
            if entities:
                pieces = fixed.split(_ENTITY_MARK)
                fixed = pieces[0] + "".join(
                    e + p for e, p in zip(entities, pieces[1:], strict=True)
                )
                entities.clear()
            out.append(fixed)
            text.clear()

    for match in _HTML_TOKEN.finditer(html):
        text.append(html[last : match.start()])
        token = match.group()
        last = match.end()
        if token.startswith("&"):
            text.append(_ENTITY_MARK)
            entities.append(token)
            continue
        flush()
        raw = _RAW_ELEMENTS.match(token)
        if raw:
            depth = max(0, depth + (-1 if raw.group(1) else 1))
        out.append(token)
    text.append(html[last:])
    flush()
    return "".join(out)


def french_date(date: dt.date) -> str:
    """``7 avril 2011``; the first of the month is ``1er``."""
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTHS[date.month - 1]} {date.year}"


def date_formatter(language: str) -> Callable[[dt.date], str]:
    if language.lower().startswith("fr"):
        return french_date
    return lambda date: f"{date:%B} {date.day}, {date.year}"
