"""Consoles, small drawing helpers and the writing of an output, shared by the commands."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from jeudis.cli import safe

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from jeudis.paths import Series


def console() -> Console:
    # rich is imported on first use, not at start-up: `jeudis --help` never needs it.
    from rich.console import Console

    from jeudis.textsafe import french_line_breaks

    french_line_breaks()
    return Console(highlight=False, emoji=False)


def err_console() -> Console:
    from rich.console import Console

    from jeudis.textsafe import french_line_breaks

    french_line_breaks()
    return Console(stderr=True, highlight=False, emoji=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def use_colour() -> bool:
    import os

    return (
        sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )


COLOURS = {"green": "32", "yellow": "33", "red": "31", "bold": "1", "dim": "2"}


def print_columns(headers: list[str], rows: list[list[tuple[str, str]]]) -> None:
    """Print aligned columns; each cell is (text, colour name or "").

    A plain formatter rather than a rich table: a rich table of a thousand
    interviews takes most of a second to lay out, this takes milliseconds.
    """
    colour = use_colour()
    widths = [_width(h) for h in headers]
    for row in rows:
        for index, (text, _) in enumerate(row):
            widths[index] = max(widths[index], _width(text))

    def paint(text: str, name: str) -> str:
        return f"\x1b[{COLOURS[name]}m{text}\x1b[0m" if colour and name else text

    def line(cells: list[tuple[str, str]]) -> str:
        parts = []
        for index, (text, name) in enumerate(cells):
            pad = "" if index == len(cells) - 1 else " " * (widths[index] - _width(text) + 2)
            parts.append(paint(text, name) + pad)
        return "".join(parts).rstrip()

    out = [line([(h, "bold") for h in headers])]
    out.extend(line(row) for row in rows)
    sys.stdout.write("\n".join(out) + "\n")


def unpadded(out: Console, renderable: Any) -> Any:
    """``renderable`` as ``out`` draws it, each line without the spaces rich pads it with.

    A cell of a rich table is as wide as its longest line: the shorter ones end
    in spaces, which a terminal does not show but a file or a pipe keeps.
    """
    from rich.segment import Segment, SegmentLines

    lines = []
    for line in out.render_lines(renderable, pad=False):
        while line and not line[-1].control and not line[-1].text.rstrip(" "):
            line.pop()
        if line and not line[-1].control:
            line[-1] = Segment(line[-1].text.rstrip(" "), line[-1].style)
        lines.append(line)
    return SegmentLines(lines, new_lines=True)


def terminal_markdown(text: str) -> Any:
    """rich's Markdown of ``text``, links followed by their address in brackets.

    Two of rich's renderings are mended: an image was drawn before its paragraph,
    which then ran past the right edge and lost its end; it is written in its
    place in the text, as its description and address. An address written as a
    link (``<https://…>``) was shown twice; once is enough.
    """
    from markdown_it.token import Token
    from rich.markdown import Markdown

    markdown = Markdown(text, hyperlinks=False)
    for block in markdown.parsed:
        if not block.children:
            continue
        inline: list[Token] = []
        bare = False
        for token in block.children:
            if token.type == "image":
                described = f"[image: {token.content}]" if token.content else "[image]"
                said = f"{described} ({token.attrs.get('src', '')})"
                inline.append(Token("text", "", 0, content=said))
            elif token.type == "link_open" and token.markup == "autolink":
                bare = True
            elif token.type == "link_close" and bare:
                bare = False
            else:
                inline.append(token)
        block.children = inline
    return markdown


def write_output(text: str, output: Path | None, series: Series) -> bool:
    """To standard output, or to a file: never over one jeudis did not write, or changed since.

    Returns whether a file was written (not standard output, nor a pipe or a device).

    A sheet that came back filled in, saved under the name it went out with, is
    the guest's answers; a roundup post touched up by hand is the host's.
    """
    from jeudis.export.written import Written
    from jeudis.files import is_stream, write_atomic

    if output is None or str(output) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return False
    series.refuse_output(output)
    stream = is_stream(output)  # -o /dev/stdout: nothing to check or record
    record = Written(series)
    if not stream:
        record.check(output, hint="pick another name with -o, or move that file away")
    write_atomic(output, text)
    if not stream:
        record.record(output, text)
        record.save()
    err_console().print(f"Written: [bold]{safe(str(output))}[/bold]", soft_wrap=True)
    return not stream
