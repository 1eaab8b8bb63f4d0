"""Reading TOML with errors that point at a line, and finding a key's line in the text."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem
from jeudis.files import read_text

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
        _refuse_a_sheet(text, path)
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


def _refuse_a_sheet(text: str, path: Path) -> None:
    """An answer sheet (``jeudis sheet``) read as TOML, saved among the interviews or
    given to ``check``: said as what it is, not as a TOML slip at its first line."""
    from jeudis.sheet import HEADER_TAG
    from jeudis.shellwords import quoted

    if text.lstrip("\ufeff \t\r\n").startswith(f"<!-- {HEADER_TAG}"):
        raise FileProblem(
            path,
            "an answer sheet, not TOML: jeudis reads it with jeudis import",
            line=1,
            hint=f"jeudis import {quoted(str(path))}, once the guest has filled it in",
        )


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
    if reason == "Invalid value" and re.match(r"(?i)(true|false)\b", value):
        # Python's True, or YAML's: TOML has them lowercase alone.
        return f"true and false are written lowercase in TOML: {value[:5].lower().rstrip()}"
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
        if header is None and i + 1 == len(keys):
            # An array of tables where a key is wrong as a whole: `[[question]]`.
            header = _find_header(lines, f"[{dotted}]", start, end)
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
