"""An answer's value as a post writes it: a date in the post's language, yes or no
in its words, a list as Markdown's items, bullets pasted with a text made the list
they were; and guest text without its control characters.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from jeudis.answers import PASTED_BULLETS
from jeudis.dates import date_formatter
from jeudis.interview import Answer
from jeudis.textsafe import without_escapes
from jeudis.wording import as_text, yes_or_no_word

# Control characters (C0 but tab and newline, DEL, C1): invalid in HTML and XML, and
# invisible; a pasted terminal colour code is noise, not content.
_CONTROLS = re.compile("\r\n?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The same characters as one class: a scan for a class runs twice as fast as for an
# alternation, and most text has none of them.
_ANY_CONTROL = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Guest text without control characters (CR+LF and CR become LF)."""
    # Printable once line feeds are spaces: no control character (a C loop, three
    # times quicker than the regex scan; text with a no-break space takes the scan).
    if text.replace("\n", " ").isprintable() or not _ANY_CONTROL.search(text):
        return text
    text = without_escapes(text)
    return _CONTROLS.sub(lambda m: "\n" if m.group().startswith("\r") else "", text)


def value_markdown(answer: Answer, language: str = "fr") -> str:
    """An answer's value as Markdown text, whatever its type."""
    text = value_text(answer, language)
    if isinstance(answer.value, dt.date):  # "4. März 1953" opened a list numbered from 4
        return _LIST_NUMBER.sub(r"\1\\.", text)
    return bullets_as_items(text)


# A line a word processor, a web page or a mail program starts with a bullet, copied
# with the text: "• ", "◦\t". Up to three spaces before it, as before a list's "-".
_BULLET = re.compile(f"^( {{0,3}})[{PASTED_BULLETS}][ \t\u00a0]+", re.MULTILINE)
_ITEM_START = re.compile(r" {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def bullets_as_items(text: str) -> str:
    """Lines pasted with their bullets ("• la veille") made the list they were: Markdown
    knows no "•", and ran them into one paragraph, "• la veille • le partage".

    A line in a code block is left as it is. A blank line is put before the first
    item under a paragraph's line, which Python-Markdown (MkDocs) needs to see a list.
    """
    # Looked for one by one first: 0.7 µs on a long answer, where a regular expression
    # looking for any of them (or for the line) took 5 to 10 µs, every answer of a site.
    if not any(bullet in text for bullet in PASTED_BULLETS) or not _BULLET.search(text):
        return text
    lines = text.split("\n")
    fence = ""
    in_list = False  # since the last blank line, an item (its lines run on after it)
    for index, line in enumerate(lines):
        if fence:
            if line.lstrip(" ").startswith(fence):
                fence = ""
            continue
        if opening := _FENCE.match(line):
            fence, in_list = opening.group(1), False
            continue
        bullet = _BULLET.match(line)
        if bullet is not None:
            lines[index] = bullet.group(1) + "- " + line[bullet.end() :]
            if not in_list and index and lines[index - 1].strip():
                lines[index] = "\n" + lines[index]
        in_list = bool(line.strip()) and (
            in_list or bullet is not None or bool(_ITEM_START.match(line))
        )
    return "\n".join(lines)


def value_text(answer: Answer, language: str = "fr") -> str:
    """An answer's value as a person reads it: :func:`value_markdown` with no Markdown
    escape ("4. März 1953", not "4\\. März 1953")."""
    return plain_value(answer.value, language)


def plain_value(value: Any, language: str = "fr") -> str:
    """A value an answer holds, as a person reads it (:func:`value_text`)."""
    return clean(_value_text(value, language))


_LIST_NUMBER = re.compile(r"^([0-9]+)\.")


def _value_text(value: Any, language: str) -> str:
    if isinstance(value, dt.date):  # as the post's own date reads: "1er mai 2009", "4. Mai 2009"
        return date_formatter(language)(value)
    if isinstance(value, bool):
        return yes_or_no_word(value, language)
    if isinstance(value, int | float):
        return as_text(value, language)
    if isinstance(value, list):
        return "\n".join(f"- {v}" for v in value)
    if isinstance(value, dict):
        return "\n".join(f"- {k} : {v}" for k, v in value.items())
    return str(value)
