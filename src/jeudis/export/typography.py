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


_PUNCT = re.compile(
    # The lookahead lets the engine skip, at once, every position that cannot match.
    rf"(?=[;:!?«»]|{_SP}+[;:!?»])(?:"
    rf"(?<=\S){_SP}*(?P<high>[;!?]+)(?=\s|$|[)»\"”’.,<*_\ue000])"
    rf"|(?<=[^\s:]){_SP}*:(?=\s|$)"
    rf"|«{_SP}*"
    rf"|{_SP}*»)"
)
_TRIGGER = re.compile("[;:!?«»]")


@cache
def _replacer(variant: str) -> Callable[[re.Match[str]], str]:
    high = "" if variant == "fr-CA" else NNBSP
    colon = NNBSP if variant == "fr-CH" else NBSP
    quote = NNBSP if variant == "fr-CH" else NBSP

    def replace(match: re.Match[str]) -> str:
        marks = match.group("high")
        if marks:
            return high + marks
        token = match.group()
        if token.endswith(":"):
            return colon + ":"
        if token.startswith("«"):
            return "«" + quote
        return quote + "»"

    return replace


def fix_text(text: str, variant: str) -> str:
    """Apply French typography to plain text (no markup), URLs left as they are."""
    if variant == "off" or not _TRIGGER.search(text):
        return text
    replace = _replacer(variant)
    if "://" not in text and "www." not in text and "@" not in text and "mailto:" not in text:
        return _PUNCT.sub(replace, text)
    parts = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(_PUNCT.sub(replace, text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(_PUNCT.sub(replace, text[last:]))
    return "".join(parts)


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
