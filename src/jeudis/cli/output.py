"""Consoles, small drawing helpers and the writing of an output, shared by the commands."""

from __future__ import annotations

import contextlib
import io
import re
import sys
from typing import TYPE_CHECKING, Any

from jeudis.cli import safe
from jeudis.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from rich.console import Console
    from rich.segment import Segment

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


class _Closed(io.RawIOBase):
    """A standard stream the shell closed (``jeudis list >&-``), which Python leaves as
    None: whatever reads or writes it is refused, in one line; a command that needs it
    not (``export -o post.md >&-``) runs as usual."""

    def __init__(self, name: str, hint: str) -> None:
        self._name = name
        self._hint = hint

    def _refused(self) -> UsageError:
        return UsageError(f"{self._name} is closed", hint=self._hint)

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise self._refused()

    def write(self, data: Any) -> int:
        raise self._refused()


def closed_streams() -> None:
    """Standard input and output the shell closed stand in as :class:`_Closed`, which
    refuses them in one line: their None faulted at the first use, in AttributeError."""
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(
            _Closed("standard output", "send it somewhere: to a file (> out.txt), or a pipe"),
            encoding="utf-8",
            write_through=True,
        )
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(
            _Closed("standard input", "name a file in place of -, or send one in (< file)"),
            encoding="utf-8",
        )


# What JSON leaves as it is and a terminal acts on: the 8-bit controls (U+009B opens a
# control sequence in xterm, as ESC [ does), and the line and paragraph separators.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def print_json(data: Any) -> None:
    """``data`` as JSON, each character beyond ASCII as it is, but for those a terminal
    acts on, escaped (``\\u009b``): the same JSON to a program, inert on a screen."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    print_file(_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def print_file(text: str | Iterable[str]) -> None:
    """A file's text (a post, a sheet, JSON), or its pieces in turn, to standard output,
    in UTF-8 whatever the terminal's or the locale's encoding, as ``-o`` writes it: in
    ASCII (``PYTHONIOENCODING=ascii``) a post held "num\\xe9rique" and the JSON was no
    JSON; in Latin-1 an HTML page said charset=utf-8 of text that was not."""
    stream = sys.stdout
    with contextlib.suppress(ValueError):  # closed: said by the write
        if isinstance(stream, io.TextIOWrapper):
            # A file name that is not UTF-8 ("caf\udce9.toml") written escaped, as the
            # terminal's text shows it: JSON reads the escape, as no byte that is not UTF-8.
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    stream.writelines((text,) if isinstance(text, str) else text)


# A character whose width may not be one column: combining marks (from U+0300),
# wide and fullwidth ones, and everything above them. Below, Latin's accents ("Invité")
# are one column each, found with one scan (a thousand names: 15 ms, one character at
# a time).
_NOT_ONE_COLUMN = re.compile("[^\x00-\u02ff]")


def _width(text: str) -> int:
    if text.isascii() or _NOT_ONE_COLUMN.search(text) is None:
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


COLOURS = {"red": "31", "bold": "1", "dim": "2"}


def terminal_columns() -> int | None:
    """The terminal's width when standard output is one (``COLUMNS`` first, as rich and
    shutil read it); None for a pipe or a file, which get whole lines for grep and awk."""
    if not sys.stdout.isatty():
        return None
    import os

    try:
        return int(os.environ["COLUMNS"]) or None
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or None
    except (OSError, ValueError):
        return None


def fit_columns(
    headers: list[str],
    widths: list[int],
    width: int,
    flexible: Mapping[int, int] | None = None,
    optional: tuple[int, ...] = (),
) -> tuple[list[int], dict[int, int]]:
    """Which columns to show, and how wide, in ``width`` cells: the ``flexible`` ones
    (a name, a title: column → the fewest cells it is cut to) cut down in that order,
    then, while that is not enough, the ``optional`` ones left out in that order. As
    narrow as it goes when nothing fits: the terminal wraps what is left."""
    kept = list(range(len(widths)))
    sized: dict[int, int] = {}
    for dropped in (None, *optional):
        if dropped is not None:
            kept.remove(dropped)
        sized = {index: widths[index] for index in kept}
        excess = sum(sized.values()) + 2 * (len(kept) - 1) - width
        for index, least in (flexible or {}).items():
            if index in sized and excess > 0:
                cut = min(excess, sized[index] - max(least, _width(headers[index])))
                if cut > 0:
                    sized[index] -= cut
                    excess -= cut
        if excess <= 0:
            break
    return kept, sized


def wrapped(lines: list[str]) -> list[str]:
    """Sentences under a table, wrapped between words on a terminal (it cut them in the
    middle of one); whole lines in a pipe or a file."""
    room = terminal_columns()
    if not room:
        return lines
    import textwrap

    return [textwrap.fill(line, room, break_on_hyphens=False) for line in lines]


def _cut(text: str, width: int, *, at_start: bool = False) -> str:
    """``text`` in ``width`` cells at most, with "…" where it was cut: at its end, or at
    its start (``at_start``: a path, whose file name tells it)."""
    if _width(text) <= width:
        return text
    kept = ""
    for char in reversed(text) if at_start else text:
        if _width(kept + char) > width - 1:
            break
        kept = char + kept if at_start else kept + char
    return "…" + kept if at_start else kept + "…"


def print_columns(
    headers: list[str],
    rows: list[list[tuple[str, str]]],
    *,
    flexible: Mapping[int, int] | None = None,
    optional: tuple[int, ...] = (),
    paths: tuple[int, ...] = (),
) -> None:
    """Print aligned columns; each cell is (text, colour name or "").

    A plain formatter rather than a rich table: a rich table of a thousand
    interviews takes most of a second to lay out, this takes milliseconds. On a
    terminal too narrow for them, the ``flexible`` columns are cut and the
    ``optional`` ones left out (:func:`fit_columns`): the terminal cut each row in
    the middle of a word, and the next one began under the first column. A column of
    ``paths`` is cut at its start.
    """
    colour = use_colour()
    widths = [_width(h) for h in headers]
    for row in rows:
        for index, (text, _) in enumerate(row):
            widths[index] = max(widths[index], _width(text))
    room = terminal_columns()
    kept, sized = (
        fit_columns(headers, widths, room, flexible, optional)
        if room
        else (
            list(range(len(widths))),
            dict(enumerate(widths)),
        )
    )

    def paint(text: str, name: str) -> str:
        return f"\x1b[{COLOURS[name]}m{text}\x1b[0m" if colour and name else text

    def line(cells: list[tuple[str, str]]) -> str:
        parts = []
        for place, index in enumerate(kept):
            text, name = cells[index]
            text = _cut(text, sized[index], at_start=index in paths)
            pad = "" if place == len(kept) - 1 else " " * (sized[index] - _width(text) + 2)
            parts.append(paint(text, name) + pad)
        return "".join(parts).rstrip()

    out = [line([(h, "bold") for h in headers])]
    out.extend(line(row) for row in rows)
    sys.stdout.write("\n".join(out) + "\n")


def print_dim(text: str) -> None:
    """A line said beside what was asked for (what a ``--limit`` left out), dim as
    :func:`print_columns` paints, without rich."""
    dim = use_colour()
    sys.stdout.write(f"\x1b[{COLOURS['dim']}m{text}\x1b[0m\n" if dim else f"{text}\n")


def unpadded(out: Console, renderable: Any) -> Any:
    """``renderable`` as ``out`` draws it, each line without the spaces rich pads it with.

    A cell of a rich table is as wide as its longest line: the shorter ones end
    in spaces, which a terminal does not show but a file or a pipe keeps.
    """
    from rich.segment import SegmentLines

    lines = [trimmed(line) for line in out.render_lines(renderable, pad=False)]
    return SegmentLines(lines, new_lines=True)


def trimmed(line: list[Segment]) -> list[Segment]:
    """A line of segments without the spaces at its end (:func:`unpadded`)."""
    from rich.segment import Segment

    while line and not line[-1].control and not line[-1].text.rstrip(" "):
        line.pop()
    if line and not line[-1].control:
        line[-1] = Segment(line[-1].text.rstrip(" "), line[-1].style)
    return line


# Past this, rich's Markdown takes minutes (a pasted text of 200,000 short paragraphs),
# and so does its plain text: such a text is shown as written, wrapped between words.
RENDERED_AT_MOST = 100_000


class AsWritten:
    """A text shown as written, its Markdown unread, each line wrapped between words to
    the width and indented by ``indent``: drawn in a second however long it is."""

    def __init__(self, text: str, indent: int = 0) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: Any) -> Any:
        import textwrap

        from rich.segment import Segment

        width = max(options.max_width - self.indent, 10)
        pad = " " * self.indent
        for line in self.text.split("\n"):
            for part in textwrap.wrap(line, width, break_on_hyphens=False) or [""]:
                yield Segment(f"{pad}{part}" if part else "")
                yield Segment.line()


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
    markdown.parsed = [*_html_as_text(markdown.parsed)]
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
            elif token.type == "html_inline":  # text, as the post shows it (raw HTML is off)
                inline.append(Token("text", "", 0, content=token.content))
            else:
                inline.append(token)
        block.children = inline
    return _FromItsFirstLine(markdown)


def _html_as_text(tokens: list[Any]) -> Any:
    """A block of HTML a guest wrote as a paragraph of its text: rich left it out, where
    the post shows it as written (``<script>`` and all, inert)."""
    from markdown_it.token import Token

    for token in tokens:
        if token.type != "html_block":
            yield token
            continue
        text = Token("text", "", 0, content=token.content.rstrip("\n"))
        yield Token("paragraph_open", "p", 1, block=True)
        yield Token("inline", "", 0, content=text.content, children=[text])
        yield Token("paragraph_close", "p", -1, block=True)


class _FromItsFirstLine:
    """A renderable drawn without the blank lines rich puts above it: a list (an
    answer of several choices) came a line below its question, a paragraph right under."""

    def __init__(self, renderable: Any) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment

        lines = console.render_lines(self.renderable, options, pad=False)
        while lines and not any(segment.text.strip() for segment in lines[0]):
            del lines[0]
        for line in lines:
            yield from line
            yield Segment.line()


def write_output(text: str, output: Path | None, series: Series, *, roundup: bool = False) -> bool:
    """To standard output, or to a file: never over one jeudis did not write, or changed since.

    Returns whether a file was written (not standard output, nor a pipe or a device).
    ``roundup``: the text is a roundup's post, which may replace the one written before.

    A sheet that came back filled in, saved under the name it went out with, is
    the guest's answers; a roundup post touched up by hand is the host's.
    """
    from jeudis.export.written import Written
    from jeudis.files import is_stream, write_atomic

    if output is None or str(output) == "-":
        print_file(text if text.endswith("\n") else text + "\n")
        return False
    series.refuse_output(output)
    stream = is_stream(output)  # -o /dev/stdout: nothing to check or record
    record = Written(series)
    if not stream:
        record.check(
            output, hint="pick another name with -o, or move that file away", roundup=roundup
        )
    write_atomic(output, text)
    if not stream:
        record.record(output, text, roundup=roundup)
        record.save()
    err_console().print(f"Written: [bold]{safe(str(output))}[/bold]", soft_wrap=True)
    return not stream
