"""Reading TOML with errors that point at a line, and writing files atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import sys
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem, MissingFile

# Windows opens a descriptor in text mode unless told otherwise: written, "\n" became
# "\r\n" whatever Python's newline said, and a read stopped at the first Ctrl-Z.
BINARY = getattr(os, "O_BINARY", 0)
BOM = "\ufeff"  # Notepad's UTF-8 starts with it; TOML and the sheet's first line do not
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# toml-rs recurses on nested arrays and inline tables, and its stack ends (a
# segfault, not an error) some 4,500 inline tables deep: a text that could nest
# even a quarter as deep is left to tomllib, which says so. An interview holds a
# few dozen brackets.
_RS_BRACKETS = 1024


def rs_safe(text: str) -> bool:
    """Whether toml-rs may parse ``text``: too few brackets to nest them past its stack."""
    return text.count("[") + text.count("{") < _RS_BRACKETS


_KINDS = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "an array",
    dict: "a table",
    dt.datetime: "a date and time",
    dt.date: "a date",
    dt.time: "a time",
}


def kind_name(kind: type) -> str:
    """A TOML value's kind as the file's author knows it ("a table", not ``dict``)."""
    return _KINDS.get(kind, kind.__name__)


def parse_toml(text: str, path: Path, *, fast: bool = False) -> dict[str, Any]:
    """Parse TOML text, turning a syntax error into a :class:`FileProblem` with line:column.

    ``fast`` reads with toml-rs (compiled: on a long interview about 170 µs where
    tomllib takes 1.9 ms and rtoml 280 µs), held to TOML 1.0 as tomllib is;
    anything it refuses is parsed again by tomllib, whose messages say where
    the problem is.
    """
    if fast and rs_safe(text):
        import toml_rs

        try:
            return toml_rs.loads(text, toml_version="1.0.0")
        except Exception:  # noqa: BLE001, S110 - tomllib below gives the real message
            pass
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise FileProblem(path, "invalid TOML: values nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _POSITION.search(message)
        reason = _POSITION.sub("", message).replace(_AT_END, "").strip() or "invalid TOML"
        line = int(match.group(1)) if match else None
        column = int(match.group(2)) if match else None
        hint = SYNTAX_HINT
        if match is None and _AT_END in message:
            line, hint = _end_of_document(text)
        elif line is not None and column is not None:
            hint = _slip(text.splitlines()[line - 1 : line], column, reason) or hint
        raise FileProblem(
            path, f"invalid TOML: {reason}", line=line, column=column, hint=hint
        ) from None


SYNTAX_HINT = "fix the syntax at that line"  # when no slip a person makes is recognised
_CURLY = "“”„‟«»‘’‚‛"  # quotes an editor or a keyboard types that TOML does not know
_ESCAPE_HINT = (
    'a backslash starts an escape in "...": an apostrophe needs none'
    r" (l\'as-tu is l'as-tu); write \\ for a backslash, or put the text between single quotes"
)


def _slip(lines: list[str], column: int, reason: str) -> str | None:
    """What to write instead, for a slip people make in TOML by hand: a quote that ends a
    string too early, a backslash, curly quotes, a line break in a one-line string..."""
    if not lines:
        return None
    row = lines[0]
    here, before = row[column - 1 : column], row[column - 2 : column - 1] if column > 1 else ""
    value = row.partition("=")[2].lstrip()
    if reason.startswith("Expected newline or end of document") and before and value[:1] == before:
        if before == "'":
            return (
                "an apostrophe ends a '...' string: put this text between double quotes"
                ' ("l\'as-tu"), or type ’'
            )
        if before == '"':
            return 'a " ends a "..." string: write \\" for a quote inside it, or « »'
    typed = _DATE_TYPED.match(value)
    if typed and not _is_date(typed.group()):  # 2026-13-01, 2026-12-3, 03/12/2026
        return "a date is written YYYY-MM-DD, a day that exists, without quotes: 2026-12-03"
    if reason.startswith(("Unescaped '\\'", "Invalid hex value", "Unknown escape")):
        return _ESCAPE_HINT
    if reason == "Invalid value" and here and here in _CURLY:
        return (
            f'{here} is not a TOML quote: put the text between straight quotes, "..."'
            " (an editor may curl them as you type)"
        )
    if reason == "Invalid value" and here.isalpha() and value[:5] not in ("true", "false"):
        return 'a text goes between double quotes: key = "text"'
    if reason.startswith("Illegal character '\\n'"):
        return (
            'a "..." string ends on its own line: close it with ", or put a text of several'
            ' lines between """ and """'
        )
    if reason == "Cannot overwrite a value" and row.lstrip().startswith("[["):
        header = row.strip()
        return f"{header[1:-1]} above makes a single table: write {header} there too"
    if reason == "Cannot overwrite a value":
        return "this key is set a second time in its table: keep one"
    return None


_DATE_TYPED = re.compile(r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}")


def _is_date(text: str) -> bool:
    """Whether TOML reads ``text`` as a date: YYYY-MM-DD, a day of the calendar."""
    try:
        return len(text) == 10 and dt.date.fromisoformat(text) is not None
    except ValueError:
        return False


_AT_END = "(at end of document)"
_CLOSERS = {'"""': '"""', "'''": "'''", "[": "]", "{": "}"}
_OPENED = {'"""': 'a string opened with """', "'''": "a string opened with '''"}
_OPENED |= {"[": "an array", "{": "an inline table"}


def _end_of_document(text: str) -> tuple[int, str]:
    """Where a file that ends too early went wrong, and a hint: tomllib says only "at the end".

    Usually a multi-line string, an array or an inline table opened and never
    closed: its opening line, found by following strings and brackets line by
    line; else the last line.
    """
    opened = _unclosed(text)
    if opened is None:
        last = text.count("\n") + (0 if text.endswith("\n") else 1)
        return max(last, 1), "the file ends in the middle of a value: complete or remove it"
    line, token = opened
    return line, f"{_OPENED[token]} at this line is never closed: close it with {_CLOSERS[token]}"


def _unclosed(text: str) -> tuple[int, str] | None:
    """The line and opening (triple quotes, ``[`` or ``{``) of the innermost value left open."""
    brackets: list[tuple[int, str]] = []
    line, i, in_value = 1, 0, False  # in_value: after "=", where "[" opens an array
    while i < len(text):
        char = text[i]
        if char == "\n":
            line += 1
            in_value = bool(brackets)
        elif char == "#":
            i = _line_end(text, i) - 1
        elif text.startswith(('"""', "'''"), i):
            quotes = text[i : i + 3]
            end = _string_end(text, i + 3, quotes)
            if end is None:
                return line, quotes
            line += text.count("\n", i, end)
            i = end - 1
        elif char in "\"'":
            end_of_line = _line_end(text, i)
            i = (_string_end(text, i + 1, char, end_of_line) or end_of_line) - 1
        elif char == "=":
            in_value = True
        elif in_value and char in "[{":
            brackets.append((line, char))
        elif in_value and char in "]}" and brackets:
            brackets.pop()
        i += 1
    return brackets[-1] if brackets else None


def _string_end(text: str, start: int, quotes: str, stop: int | None = None) -> int | None:
    """Just past the string closed by ``quotes`` that starts at ``start``; None if never closed."""
    i, stop = start, len(text) if stop is None else stop
    while i < stop:
        if text.startswith(quotes, i):
            return i + len(quotes)
        i += 2 if text[i] == "\\" and quotes[0] == '"' else 1
    return None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


MAX_FILE_SIZE = 10 * 2**20
"""The most jeudis reads of a file (10 MB): an interview or a sheet is some kilobytes, and a
bigger file given by mistake (an image, a disk image, ``/dev/zero``) would fill the memory."""
TOO_LARGE = "too large (more than 10 MB, the most jeudis reads)"


def read_text(path: Path) -> str:
    """A text file as UTF-8, less the byte-order mark Windows editors put at its start.

    Only a regular file, and only up to :data:`MAX_FILE_SIZE` (see :func:`read_bytes`).
    """
    return text_of(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """A file's bytes: only a regular file's, and only up to :data:`MAX_FILE_SIZE`; a
    device or a pipe may never end (``/dev/zero``), so it is refused before a byte is read.
    """
    try:
        # Non-blocking: opening a pipe with no writer would wait for ever.
        fd = os.open(path, os.O_RDONLY | BINARY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if path.is_symlink():
            # The link is there, broken: an invalid file (a series' interview, say).
            raise FileProblem(path, f"a link to {path.readlink()}, which is not there") from None
        raise MissingFile(path, "no such file") from None
    except OSError as exc:
        if path.is_dir():  # Windows opens no folder: "Permission denied" said of it
            raise FileProblem(path, "is a folder, not a file") from None
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    info = os.fstat(fd)
    if kind := _not_a_file(info.st_mode):  # before fdopen, which refuses a folder itself
        os.close(fd)
        raise FileProblem(path, f"is {kind}, not a file")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_FILE_SIZE:
            raise FileProblem(path, TOO_LARGE)
        try:
            # A size to read at most makes Python allocate that much first: 10 MB for
            # every interview a listing reads. A file that says its size is read whole.
            data = handle.read() if info.st_size else handle.read(MAX_FILE_SIZE + 1)
        except OSError as exc:
            raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_FILE_SIZE:
        raise FileProblem(path, TOO_LARGE)
    return data


def _not_a_file(mode: int) -> str | None:
    """What a path that is no regular file is, as a message says it."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def text_of(data: bytes, source: Path) -> str:
    """Bytes read from ``source`` as UTF-8 text, less a byte-order mark."""
    if len(data) > MAX_FILE_SIZE:
        raise FileProblem(source, TOO_LARGE)
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileProblem(
            source,
            "not UTF-8 text",
            line=line,
            hint="save it again as UTF-8 (an editor's 'Save as', encoding UTF-8)",
        ) from None


STDIN = Path("<stdin>")  # how a message names standard input


def read_input(path: Path) -> tuple[str, Path]:
    """The text a file option names, and the name messages give it: ``-`` is standard
    input, as for any command-line tool (``./-`` is a file named so)."""
    data, name = read_input_bytes(path)
    return text_of(data, name), name


def read_input_bytes(path: Path) -> tuple[bytes, Path]:
    """:func:`read_input`'s bytes, not yet decoded (an email says how it is encoded)."""
    if str(path) != "-":
        return read_bytes(path), path
    import sys

    data = sys.stdin.buffer.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise FileProblem(STDIN, TOO_LARGE)
    return data, STDIN


def load_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file; return the data and the text (for locating keys)."""
    text = read_text(path)
    return parse_toml(text, path), text


def locate(text: str, keys: Sequence[str | int]) -> int | None:
    """Best-effort line number (1-based) of a key path such as ``("questions", 3, "id")``.

    Good enough to send a person to the right place in a hand-written file: it
    follows ``[table]`` and ``[[array]]`` headers and ``key =`` lines.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    i = 0
    header_path: list[str] = []
    dotted_keys: list[str] = []
    while i < len(keys):
        key = keys[i]
        if isinstance(key, int):
            i += 1
            continue
        nxt = keys[i + 1] if i + 1 < len(keys) else None
        dotted = ".".join([*header_path, key])
        if isinstance(nxt, int):
            # An array of tables: find the nxt-th [[dotted]] header.
            count = -1
            found = None
            for n in range(start, end):
                if lines[n].strip().startswith(f"[[{dotted}]]"):
                    count += 1
                    if count == nxt:
                        found = n
                        break
            if found is None:
                return _find_key(lines, [key], start, end)
            start = found
            end = _next_same_level(lines, found + 1, end, dotted)
            header_path.append(key)
            i += 2
            continue
        header = _find_header(lines, dotted, start, end)
        if header is not None and i + 1 < len(keys):
            start, end = header, _next_header(lines, header + 1, end)
            header_path.append(key)
            i += 1
            continue
        # Only the current table's own lines: a key missing at the top must not
        # be "found" in the first [[questions]] table below.
        own_end = _next_header(lines, start + 1 if header_path else start, end)
        found_key = _find_key(lines, [*dotted_keys, key], start, own_end)
        if found_key is not None:
            if i + 1 == len(keys):
                return found_key
            start = found_key - 1  # found_key is 1-based, start an index
            dotted_keys.append(key)  # the next key may follow it: text.tu = ...
            i += 1
            continue
        return header + 1 if header is not None else (start + 1 if start else None)
    return start + 1


def _find_header(lines: list[str], dotted: str, start: int, end: int) -> int | None:
    for n in range(start, end):
        if lines[n].strip().startswith(f"[{dotted}]"):
            return n
    return None


def _find_key(lines: list[str], keys: list[str], start: int, end: int) -> int | None:
    dotted = r"\s*\.\s*".join(rf"\"?{re.escape(key)}\"?" for key in keys)
    pattern = re.compile(rf"^\s*{dotted}\s*(=|\.)")
    for n in range(start, end):
        if pattern.match(lines[n]):
            return n + 1
    return None


def _next_header(lines: list[str], start: int, end: int) -> int:
    for n in range(start, end):
        if lines[n].lstrip().startswith("["):
            return n
    return end


def _next_same_level(lines: list[str], start: int, end: int, dotted: str) -> int:
    for n in range(start, end):
        stripped = lines[n].strip()
        if stripped.startswith("[") and not stripped.startswith(
            (f"[{dotted}.", f"[[{dotted}."),
        ):
            return n
    return end


def write_atomic(path: Path, data: str, *, follow_links: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one.

    The text goes to a temporary file in the same folder, is flushed and fsynced,
    then renamed over the target; the folder is fsynced so the rename survives a
    power cut. A link keeps naming its file, which is the one replaced; a pipe or
    a device (:func:`is_stream`) is written into. Without ``follow_links`` (a
    cache file: jeudis's own, never a place the host chose) a link is replaced
    by the file, so that nothing is written where it led.
    """
    if not follow_links and path.is_symlink():
        _replace(path, data)
        return
    if not path.name or path.is_dir():  # -o "" is the current folder
        raise FileProblem(path, "is a folder, not a file")
    if is_stream(path):
        # A pipe or a device (-o /dev/stdout, -o >(gzip > post.gz)): a stream to
        # write into, never a file to replace (renamed over, /dev/null would be one).
        try:
            with path.open("w", encoding="utf-8", newline="\n") as stream:
                stream.write(data)
        except OSError as error:  # -o /dev/full: said of the file
            raise OSError(error.errno, error.strerror, str(path)) from None
        return
    if path.is_symlink():
        with contextlib.suppress(OSError, RuntimeError):  # a loop: the link is replaced
            path = path.resolve()  # the link stays; the file it names is replaced
    _make_folders(path.parent)
    _replace(path, data)


def _make_folders(folder: Path) -> None:
    """``folder`` and those above it; a file in the way is named ("File exists" was not clear)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        files = (p for p in (folder, *folder.parents) if p.exists() and not p.is_dir())
        blocking = next(files, None)
        if blocking is None:
            raise
        raise FileProblem(blocking, "is a file, not a folder") from None


def _replace(path: Path, data: str) -> None:
    """A temporary file beside ``path``, written, fsynced and renamed over it."""
    fd, tmp = _temporary(path)
    try:
        # A new file gets the usual mode (0666 less the umask); a rewritten one keeps its own.
        # Windows has no fchmod before Python 3.13 (its files are read-only or not).
        if hasattr(os, "fchmod"):
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(fd, path.stat().st_mode & 0o777)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _rename(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


# On Windows a file another process has open (jeudis listing the series, an antivirus
# scanning the file just written, a sync client) cannot be replaced until it is closed.
_RETRIES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)  # seconds: about two in all


def _rename(tmp: Path, path: Path) -> None:
    """``tmp`` renamed over ``path``; on Windows, tried again while another process has
    ``path`` open, for a couple of seconds before saying so."""
    if sys.platform == "win32":
        for wait in _RETRIES:
            try:
                tmp.replace(path)
            except PermissionError:
                time.sleep(wait)
            else:
                return
    tmp.replace(path)


def is_stream(path: Path) -> bool:
    """A pipe or a device, written into as standard output is: not a file to replace.

    A link under /dev/ is one, whatever it leads to: ``-o /dev/stdout > post.html``
    writes into the shell's file, which is not jeudis's to replace or record (a
    file of /dev/shm is a file).
    """
    if path.as_posix().startswith("/dev/") and path.is_symlink():
        return True
    try:
        mode = path.stat().st_mode
    except OSError:  # none yet; anything else is said when the file is made
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _temporary(path: Path) -> tuple[int, Path]:
    """A new hidden file beside ``path``, created exclusively (no tempfile: it costs
    the random module's import on the way to the first question)."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as error:  # said of the file asked for: the temporary is ours
            raise OSError(error.errno, error.strerror, str(path)) from None
    raise FileExistsError(f"cannot create a temporary file beside {path}")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
