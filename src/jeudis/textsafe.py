"""Guest text is data: make it safe to show in a terminal."""

from __future__ import annotations

import re

# CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC strings, and two-byte ESC sequences.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# Every other control character but tab and newline, C1 controls included.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
