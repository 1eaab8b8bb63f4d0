"""Guest text is data: make it safe to show in a terminal."""

from __future__ import annotations

import re

# The pieces of a terminal's escape sequences: a control sequence (CSI, 7-bit or
# 8-bit), a string's start (OSC, then DCS/SOS/PM/APC) and body, and its end (BEL, ST).
_CSI = r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
_OSC, _STRING = r"\x1b\][^\x07\x1b\x9c]*", r"\x1b[PX^_][^\x1b\x9c]*"
_OSC_END, _STRING_END = r"(?:\x07|\x1b\\|\x9c)", r"(?:\x1b\\|\x9c)"
# What a terminal is shown less of: each sequence, a string up to its end if it has one
# (to the text's end if not), and two-byte ESC sequences.
_ESCAPES = re.compile(f"{_CSI}|{_OSC}{_OSC_END}?|{_STRING}{_STRING_END}?|\\x1b[@-Z\\\\-_]")
# Every other control character but tab and newline, C1 controls included.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The bidirectional embeddings, overrides and isolates: one left open in a name turns
# the text after it around wherever the name is shown ("Trojan Source"): a page's title,
# a terminal's table. A name in Arabic or Hebrew needs none of them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Any control character, tab and line breaks included: what one line of text never holds.
_ANY_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")
_NOT_SPACE_CONTROL = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_BIDI}]")


def control_in(text: str, *, lines: bool = False) -> str | None:
    """The first control character in ``text`` (C0, DEL, C1, a bidirectional override),
    or None. A name is one line of plain text: a tab or a line break counts, unless
    ``lines`` (a wording, which folds them into spaces)."""
    found = (_NOT_SPACE_CONTROL if lines else _ANY_CONTROL).search(text)
    return found.group() if found else None


def one_line_name(value: str, option: str) -> None:
    """Refuse a name typed for ``option`` (``--guest``) that holds a control character:
    a terminal escape, a tab, a newline. A name is one line of plain text; stored, it
    would reach the interview file, and the answer sheet sent to the guest, as it is."""
    from jeudis.errors import UsageError

    if control_in(value):
        raise UsageError(
            f"{option}: a control character in the name",
            hint=f'pass {option} "First Last", on one line',
        )


# What a post drops whole: a control sequence, and a string that ends (an unended one,
# a stray ESC before text, ran to the end of the answer).
_WHOLE_ESCAPES = re.compile(f"{_CSI}|{_OSC}{_OSC_END}|{_STRING}{_STRING_END}")


def without_escapes(text: str) -> str:
    """``text`` less its terminal escape sequences, each whole: a colour's ``[31m``, a
    title's ``]0;…`` stayed in a post where only their control characters went. A
    stray ESC is left to go alone, the text after it kept ("2010\x1bPar hasard")."""
    return _WHOLE_ESCAPES.sub("", text) if "\x1b" in text or "\x9b" in text else text


def for_terminal(text: str) -> str:
    """Drop terminal escape sequences and control characters; keep tabs and newlines.

    A carriage return would let text overwrite what was printed before it on the
    same line, so CRLF becomes LF and a lone CR a visible symbol. A byte of a file
    name that was not UTF-8 is shown escaped (``caf\\udce9``) here, where widths
    are measured, not only when written out.
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    text = text.replace("\r\n", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub(
        lambda m: "\N{SYMBOL FOR CARRIAGE RETURN}" if m.group() == "\r" else "", text
    )


# What rich reads as a tag, with the backslashes before it (rich.markup's own pattern).
_MARKUP_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def markup_escape(text: str) -> str:
    """``text`` as rich markup that shows it as it is, alone or between a style's tags,
    where ``rich.markup.escape`` falls short: rich reads ``\\[`` outside a tag as
    ``[`` ("a \\[ b" showed "a [ b"), and its escape doubles a backslash at the end
    for the tag that may follow (``[/dim]``), which showed two when none did."""
    parts, last = [], 0
    for tag in _MARKUP_TAG.finditer(text):
        backslashes, bracket = tag.groups()
        parts += [_plain(text[last : tag.start()]), backslashes * 2, "\\", bracket]
        last = tag.end()
    tail = text[last:]
    kept = tail.rstrip("\\")
    parts.append(_plain(kept))
    if ending := len(tail) - len(kept):
        # Doubled, they are backslashes before a tag: an empty one, so that what
        # follows (nothing, or "[/dim]") is read as it would be without them.
        parts.append("\\" * (2 * ending) + "[dim][/dim]")
    return "".join(parts)


def _plain(text: str) -> str:
    return text.replace("\\[", "\\\\[")


# A space before a French closing mark ("travail ?", "oui »") or after « ("« oui"):
# rich may break a line there, and a line then starts on "?" alone.
_FRENCH_SPACE = re.compile(r"(?<=\S) (?=[?!;:»](?:\s|$))|(?<=«) ")
_GLUE = "\ue000"  # one cell, no space: what rich sees there while it chooses where to break


def french_line_breaks() -> None:
    """Have rich wrap French text as French typography does: never a line starting on
    "?", "!", ";", ":" or "»", nor ending on "«" (``jeudis show``, ``compare``, the review).

    rich breaks lines at any space, and offers no hook: its line-breaking function
    is wrapped, the text it measures having those spaces replaced by a character of
    the same width that is no space. The offsets it returns hold for the text
    itself. Does nothing should rich no longer have that function.
    """
    from rich import text as rich_text

    divide = getattr(rich_text, "divide_line", None)
    if divide is None or getattr(divide, "french", False):
        return

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        return list(divide(_FRENCH_SPACE.sub(_GLUE, text), width, fold))

    divide_line.french = True  # type: ignore[attr-defined]
    setattr(rich_text, "divide_line", divide_line)  # noqa: B010 - not a name rich exports
