"""The errors a user can meet, and the exit codes they map to.

Every error a person can cause (a bad option, a broken TOML file, a name that
matches nothing) is a :class:`JeudisError`. The CLI's single handler prints its
message and hint on one or two lines and exits with its code; nothing else in
the package decides how the process ends.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import signal


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    NOT_FOUND = 3
    INVALID_FILE = 4
    CHECK_FAILED = 5
    LOCKED = 6
    NO_TERMINAL = 7
    MISSING_ANSWERS = 8
    HANGUP = 129
    INTERRUPTED = 130
    TERMINATED = 143


class JeudisError(Exception):
    """Base class: a message for a person, an optional hint, an exit code."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(JeudisError):
    exit_code = ExitCode.USAGE


class NotFoundError(JeudisError):
    exit_code = ExitCode.NOT_FOUND


class FileProblem(JeudisError):
    """A file that cannot be read, parsed or trusted, with where it went wrong."""

    exit_code = ExitCode.INVALID_FILE

    def __init__(
        self,
        path: Path | str,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.line = line
        self.column = column
        self.key = key
        super().__init__(self.location() + ": " + reason, hint=hint)

    def location(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.key:
            where += f": {self.key}"
        return where


class MissingFile(FileProblem):
    """A file named that is not there: not found (3), as a missing interview is, not an
    invalid file; still a :class:`FileProblem`, so ``check`` lists it with the others."""

    exit_code = ExitCode.NOT_FOUND


class TooLarge(FileProblem):
    """A file jeudis would write larger than it reads (:data:`jeudis.files.MAX_FILE_SIZE`):
    not written, so that every command can still read the one there, as it was."""

    exit_code = ExitCode.ERROR


class ChangedMeanwhile(FileProblem):
    """An interview another command saved since this one read it (a session, an edit, a
    hand in an editor): not written over, and what this one has to save is not lost."""

    exit_code = ExitCode.ERROR

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "changed since jeudis read it: saved meanwhile by another command, or by hand",
            hint=f"see it as it is now (jeudis show {path.stem})",
        )


class FileProblems(JeudisError):
    """Several problems found at once (a questionnaire with three bad questions)."""

    exit_code = ExitCode.INVALID_FILE

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more: run `jeudis check`)" if len(problems) > 1 else ""
        super().__init__(first.message + more, hint=first.hint)


class InterviewLocked(JeudisError):
    exit_code = ExitCode.LOCKED


class NoTerminal(JeudisError):
    exit_code = ExitCode.NO_TERMINAL


class MissingAnswers(JeudisError):
    """Answers that cannot be taken, all said at once: missing from a data file, or
    not valid there or on an answer sheet. Nothing is written."""

    exit_code = ExitCode.MISSING_ANSWERS


class NotSaved(JeudisError):
    """An interview the machine would not let jeudis write (a full disk, a read-only
    folder), whose place is taken (a folder where its file was, a file where its
    folder was), or that would be too large to read back (:class:`TooLarge`): the
    file, where it is still there, keeps what was saved before."""

    def __init__(
        self, path: Path, error: OSError | FileProblem, *, then: str = "run the command again"
    ) -> None:
        self.path = path
        self.error = error
        if isinstance(error, FileProblem):  # said of the file, or of the folder in the way
            reason = error.reason if error.path == path else error.message
            action = error.hint
        else:
            reason = str(error.strerror or error)
            action = room(error)
        super().__init__(
            f"{path}: not saved ({reason})",
            hint=f"{action}, then {then}" if action else None,
        )


def room(error: OSError) -> str | None:
    """What to do about a write the machine refused, when its reason says."""
    import errno

    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "free some space on the disk"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "make its folder writable"
    return None


def write_fault(error: BaseException | None, what: str = "") -> Path | None:
    """A fault of jeudis's own (a bug) written down for a bug report: the version, the
    system, the traceback, in a temporary file of the user's alone (None: not written)."""
    import platform
    import tempfile
    import traceback

    from jeudis import __version__

    details = traceback.format_exception(error) if error is not None else [f"{what}\n"]
    header = f"jeudis {__version__}, Python {platform.python_version()}, {platform.platform()}\n\n"
    try:
        descriptor, name = tempfile.mkstemp(prefix="jeudis-fault-", suffix=".txt")
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace") as report:
            report.write(header + "".join(details))
    except OSError:
        return None
    return Path(name)


def fault_hint(report: Path | None) -> str | None:
    return f"the details, to report it: {report}" if report is not None else None


class SessionInterrupted(Exception):
    """The session stopped early (Ctrl-C, Ctrl-D, SIGHUP, SIGTERM).

    Every answer given so far is already on disk; this carries what the CLI needs
    to tell the host how to resume.
    """

    def __init__(
        self, interview_path: Path, answered: int, *, signal_name: str = "", dropped: bool = False
    ) -> None:
        super().__init__(signal_name or "interrupted")
        self.interview_path = interview_path
        self.answered = answered
        self.signal_name = signal_name
        self.dropped = dropped  # nothing was given: the file begun is gone

    @property
    def exit_code(self) -> ExitCode:
        """128 + the signal's number, as shells report a process ended by a signal."""
        return {"SIGTERM": ExitCode.TERMINATED, "SIGHUP": ExitCode.HANGUP}.get(
            self.signal_name, ExitCode.INTERRUPTED
        )


def stop_signals() -> list[signal.Signals]:
    """The signals that end a session as a pause does: SIGTERM, and the terminal closed.

    The terminal closed is SIGHUP on POSIX. Windows has no SIGHUP: its console raises
    SIGBREAK for Ctrl-Break and for its window closed.
    """
    import signal

    names = ("SIGTERM", "SIGHUP", "SIGBREAK")
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


def clip(text: str, limit: int = 80) -> str:
    """Text as a message shows it, cut short: a hand-edited value may be a megabyte."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: its repr, cut short (a hand-edited file may
    hold a megabyte where a word was expected, and a message is one line)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 2]}…{text[-1]}"


def unknown_key(key: str, allowed: Iterable[str], where: str = "") -> str:
    """ "unknown key 'requird' (did you mean 'required'?)": a typo named with its fix."""
    import difflib

    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.75)
    guess = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {describe(key)}{where}{guess}"
