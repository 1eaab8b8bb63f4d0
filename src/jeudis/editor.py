"""The host's $EDITOR: which command it is, a text opened in it, and the documents
``jeudis edit --fields`` and ``--notes`` open there, read back.

A document that does not read opens again with its problem above it: nothing the
host wrote is lost (:func:`edit_fields`). The temporary copy the editor is given is
removed however it ends, even by a signal: it may hold the private notes.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import tomli_w

from jeudis import answers as answer_rules
from jeudis.errors import FileProblem, UsageError, stop_signals
from jeudis.interview import Interview
from jeudis.questionnaire import Questionnaire
from jeudis.tomlio import parse_toml

FIELDS_HEADER = """\
# The host's fields of {guest}'s interview: edit the values, save and close.
# Multi-line values go between triple quotes. A field left out keeps its value.
"""
NOTES_HEADER = "# Private notes on {guest}'s interview, never exported. This line is dropped.\n"


def editor_command() -> list[str]:
    windows = sys.platform == "win32"
    command = (
        os.environ.get("VISUAL") or os.environ.get("EDITOR") or ("notepad" if windows else "vi")
    )
    try:
        words = _windows_words(command) if windows else shlex.split(command)
    except ValueError:  # an unclosed quote
        words = []
    if not words:
        name = "VISUAL" if os.environ.get("VISUAL") else "EDITOR"
        raise UsageError(f"${name} is not a command: {command!r}", hint=_editor_hint(""))
    return words


def cannot_start(error: OSError) -> UsageError:
    """The editor could not be run (not installed, its interpreter missing...)."""
    failed = editor_command()[0]
    return UsageError(
        f"cannot start the editor {failed!r}: {error.strerror}", hint=_editor_hint(failed)
    )


# Editors a terminal may have, the simplest first.
_EDITORS = ("nano", "micro", "vim", "vi", "emacs", "notepad")


def _editor_hint(failed: str) -> str:
    """What to set, naming the variable the editor was taken from and an editor this
    machine has: "EDITOR=nano" when nano is what could not start helps no one."""
    import shutil

    name = "VISUAL" if os.environ.get("VISUAL") else "EDITOR"
    found = next((e for e in _EDITORS if e != failed and shutil.which(e)), None)
    if found is None:
        return f"install an editor, or set ${name} to the command of one"
    return f"set ${name} to an editor this machine has (e.g. {name}={found})"


def _windows_words(command: str) -> list[str]:
    """$EDITOR's words as Windows writes them: a backslash is a path's, not an escape
    (``C:\\Program Files\\Notepad++\\notepad++.exe``, quoted or not), and a program is
    found as the shell finds it (``code --wait`` runs ``code.cmd``)."""
    import shutil

    whole = command.strip().strip('"')
    words = [whole] if Path(whole).is_file() else shlex.split(command, posix=False)
    words = [word.strip('"') for word in words]
    return [shutil.which(words[0]) or words[0], *words[1:]] if words else []


# An editor handing the file to a window of its already open (VS Code's `code`, Sublime
# Text's `subl`, TextMate's `mate`, Notepad++, macOS's `open -e`) returns at once, and
# what the host then writes there is never read back: no one reads and closes a file
# faster than this, in seconds.
AT_ONCE = 1.0


def returned_at_once(elapsed: float, unchanged: bool) -> UsageError | None:
    """Why an editor that returned ``elapsed`` seconds after it started, the file
    ``unchanged``, was no editor waited for; None when it was."""
    if elapsed >= AT_ONCE or not unchanged:
        return None
    return UsageError(
        "the editor returned at once, the file unchanged; nothing was changed",
        hint="an editor opening files in a window already open must wait for it to be"
        ' closed: EDITOR="code --wait" (subl -w, mate -w, notepad++ -multiInst -nosession)',
    )


def edit_text(text: str, suffix: str) -> str:
    """Open ``text`` in the host's editor; return what they saved.

    On a terminal, a line says what jeudis waits for while the editor is open (as
    git's does), for an editor opening a window of its own: it seemed to hang."""
    handle, name = tempfile.mkstemp(prefix="jeudis-", suffix=suffix)
    path = Path(name)
    # Killed while the editor is open (SIGTERM, the terminal closed), jeudis still
    # removes the temporary copy: it may hold the host's private notes.
    previous = {sig: signal.signal(sig, _leave) for sig in stop_signals()}
    waiting = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        if waiting:
            sys.stderr.write("Waiting for the editor to close the file…\r")
            sys.stderr.flush()
        started = time.monotonic()
        try:
            result = subprocess.run([*editor_command(), str(path)], check=False)
        except OSError as exc:
            raise cannot_start(exc) from None
        finally:
            if waiting:  # cleared: a terminal's editor drew over it, a window's is closed
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            raise UsageError(
                f"the editor exited with status {result.returncode}; nothing was changed"
            )
        try:
            if not path.is_file():  # a FIFO or a folder in its place (read, a FIFO would block)
                raise FileNotFoundError(path)
            saved = path.read_text(encoding="utf-8-sig")  # -sig: less a BOM the editor added
        except UnicodeDecodeError:
            raise UsageError(
                "the editor saved text that is not UTF-8; nothing was changed"
            ) from None
        except OSError:
            raise UsageError(
                "the editor removed the file it was given; nothing was changed"
            ) from None
        if at_once := returned_at_once(elapsed, saved == text):
            raise at_once
        return saved
    finally:
        try:
            path.unlink(missing_ok=True)
        except OSError:  # a folder an editor left in its place
            with contextlib.suppress(OSError):
                path.rmdir()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _leave(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def fields_document(interview: Interview, questionnaire: Questionnaire | None) -> str:
    """The fields as TOML to edit: every field the questionnaire declares, in its order."""
    values: dict[str, Any] = {}
    for spec in questionnaire.fields if questionnaire is not None else ():
        values[spec.id] = interview.fields.get(spec.id, "")
    for key, value in interview.fields.items():
        values.setdefault(key, value)
    body = tomli_w.dumps(values, multiline_strings=True)
    return FIELDS_HEADER.format(guest=interview.guest) + "\n" + body


def apply_fields(
    interview: Interview, questionnaire: Questionnaire | None, text: str, source: Path
) -> list[str]:
    """Read the edited fields back; return the ids that changed."""
    data = parse_toml(text, source)
    problems = []
    updates: dict[str, Any] = {}  # applied only when every field reads
    for key, raw in data.items():
        spec = questionnaire.field(key) if questionnaire is not None else None
        if spec is None and key not in interview.fields and key != "closing":
            problems.append(f"{key}: not a field of this questionnaire")
            continue
        value: Any = raw
        if spec is not None:
            try:
                value = answer_rules.coerce(spec, raw)
            except answer_rules.InvalidAnswer as exc:
                problems.append(f"{key}: {exc}")
                continue
            value = "" if value is None else value
        if interview.fields.get(key) != value:
            updates[key] = value
    if problems:
        raise FileProblem(
            source,
            "; ".join(problems),
            hint="run the command again and correct the fields; nothing was changed",
        )
    from jeudis.edit import requoting  # it rewords a question quoting a field

    with requoting(questionnaire, interview):
        interview.fields.update(updates)
    changed = list(updates)
    photo = interview.fields.get("photo")
    if "photo" in changed and isinstance(photo, str) and photo:
        from jeudis import photos  # an image file elsewhere is copied into the series

        interview.fields["photo"] = photos.adopt_for(interview, photo)[0]
    return changed


_PROBLEM = "# ! "  # the lines a problem is shown on, above the fields, in the editor


def edit_fields(
    interview: Interview,
    questionnaire: Questionnaire | None,
    name: str,
    typed: dict[str, str] | None = None,
) -> list[str]:
    """The fields in the host's editor until they read; return the ids that changed.

    A problem (a TOML slip, an address refused) is shown above the fields and the
    editor opens again on what the host wrote, as ``git commit`` and ``kubectl
    edit`` do: nothing typed is lost. Saved unchanged, it stops there, with the
    problem, and nothing is changed. ``typed["fields.toml"]``: as the host wrote them.
    """
    shown = fields_document(interview, questionnaire)
    tried = None  # the fields last read, the problem lines aside
    while True:
        edited = edit_text(shown, ".toml")
        text = _without_problem(edited)
        if typed is not None:
            typed["fields.toml"] = text
        try:
            return apply_fields(interview, questionnaire, text, Path(name))
        except FileProblem as problem:
            if text == tried:  # the same fields again, problem lines kept or not: given up
                raise FileProblem(
                    problem.path,
                    problem.reason,
                    line=problem.line,
                    column=problem.column,
                    hint="nothing was changed; `jeudis edit "
                    f"{interview.slug or problem.path.stem} --fields` opens them again",
                ) from None
            tried, shown = text, _with_problem(text, problem)


def _without_problem(text: str) -> str:
    lines = text.split("\n")
    while lines and lines[0].startswith(_PROBLEM.rstrip()):
        lines.pop(0)
    return "\n".join(lines)


def _with_problem(text: str, problem: FileProblem) -> str:
    head = [
        f"{_PROBLEM}jeudis could not read these fields; nothing is saved yet:",
        "",  # the problem, below: its line counts these lines
        f"{_PROBLEM}correct them and save; or save this unchanged to give up",
    ]
    where = f"line {problem.line + len(head)}: " if problem.line is not None else ""
    head[1] = _PROBLEM + where + " ".join(problem.reason.split())
    return "\n".join([*head, text])


def notes_document(interview: Interview) -> str:
    return NOTES_HEADER.format(guest=interview.guest) + interview.notes + "\n"


def apply_notes(interview: Interview, text: str) -> bool:
    """The notes as edited, less the header line :func:`notes_document` put first, only:
    notes hold guest text too (an answer set aside, what was typed at a pause), whose
    ``#hashtag`` and ``# Heading`` lines a rule dropping lines with # took away."""
    header = NOTES_HEADER.format(guest=interview.guest)
    text = text.replace("\r\n", "\n")
    if text.startswith(header) or text == header.rstrip("\n"):
        text = text[len(header) :]
    notes = text.strip()
    changed = notes != interview.notes
    interview.notes = notes
    return changed
