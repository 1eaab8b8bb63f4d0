"""Ctrl-X Ctrl-E in the live session: the answer written in the host's editor, then
back in the prompt to read over and finish. Split from :mod:`jeudis.prompt_keys`,
which binds the key."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from prompt_toolkit.application import get_app, run_in_terminal
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.validation import ValidationError

from jeudis.errors import UsageError
from jeudis.prompt_layout import fitted_refusal
from jeudis.prompt_typing import InEditor, in_editor
from jeudis.terminal import read_as_typed, terminal_closed
from jeudis.textsafe import for_terminal


def editor_key(bindings: KeyBindings, *, one_row: bool, unedited: str = "") -> None:
    @bindings.add(Keys.ControlX, Keys.ControlE, eager=True)
    def _editor(event: KeyPressEvent) -> None:
        """The answer in the editor, then back in the prompt to read and finish
        (its lines joined for a one-line answer, as lines pasted there).

        prompt_toolkit's own binding ("edit and execute", as in a shell) sent
        it the moment the editor closed, before the guest saw it.
        """
        task = _edited(event.current_buffer, one_row=one_row, unedited=unedited)
        event.app.create_background_task(task)


async def _edited(buffer: Buffer, *, one_row: bool, unedited: str = "") -> None:
    """``buffer``'s text in the editor, and what the editor saved back in ``buffer``.

    An editor that cannot start, fails or leaves no file to read back leaves the text
    as it was, and says so where a refused answer is: to the guest in their language
    (``unedited``; it was English on a French screen), then why, for the host. A file
    the editor changed and then failed on (vim's ``:cq``) is kept, and named: what the
    guest wrote there was removed with it. prompt_toolkit's own
    (``Buffer.open_in_editor``) ended the session as a closed terminal ("Stopped by
    SIGHUP") when the editor removed its file, and said nothing when it failed.
    """
    handle, name = tempfile.mkstemp(prefix="jeudis-", suffix=".txt")
    path = Path(name)
    with os.fdopen(handle, "wb") as out:
        out.write(buffer.text.encode("utf-8"))
    editing = InEditor(buffer, path, functools.partial(_read_back, one_row=one_row))
    try:
        with in_editor(editing):
            try:
                run = functools.partial(_run_editor, editing, buffer.text)
                await run_in_terminal(run, in_executor=True)
            finally:
                # Taken even when drawing the prompt again failed (the terminal closed
                # as the editor ended): the pause that follows keeps it.
                if editing.ended and editing.saved is not None:
                    saved = editing.saved
                    buffer.document = Document(saved, len(saved))
    finally:
        if editing.failed and _changed(path, buffer.text):
            editing.problem += f"; what it saved is in {path}"
        else:
            _removed(path)
    if editing.problem:
        said = f"Ctrl-X Ctrl-E: {editing.problem}"
        message = for_terminal(f"{unedited} ({said})" if unedited else said)
        buffer.validation_error = ValidationError(message=str(fitted_refusal(message)))
        get_app().invalidate()  # drawn already, without it


def _changed(path: Path, text: str) -> bool:
    """Whether the file given to the editor holds other than ``text``, as it was given."""
    try:
        return path.read_bytes() != text.encode("utf-8")
    except OSError:
        return False


# Where neither $VISUAL nor $EDITOR is set on POSIX, the first of these this machine
# has, as prompt_toolkit chose: friendlier to a guest than the vi `jeudis edit` opens.
_SESSION_EDITORS = (
    "/usr/bin/editor",
    "/usr/bin/nano",
    "/usr/bin/pico",
    "/usr/bin/vi",
    "/usr/bin/emacs",
)


def _run_editor(editing: InEditor, given: str) -> None:
    """The editor on ``editing``'s file, waited for (in a thread of its own), and what
    it saved read back, or why not. One that returned at once, the text ``given`` as it
    was, handed it to a window of its own (`code` without --wait): said, for what the
    guest writes there would never come back.

    It is the one ``jeudis edit`` opens (:func:`jeudis.editor.editor_command`): $VISUAL,
    $EDITOR, read as Windows writes them there, else notepad on Windows (prompt_toolkit
    had only POSIX paths, and took a backslash in $EDITOR for an escape). An editor
    that cannot start is said for the host (it is their $EDITOR): the key seemed to do
    nothing. One that fails as the terminal closes (SIGHUP) is read back all the same:
    what the guest saved in it is what the session keeps.
    """
    from jeudis.editor import cannot_start, returned_at_once  # as `jeudis edit`: when first used

    started = time.monotonic()
    try:
        process = _started(editing.path)
    except (UsageError, OSError) as error:
        said = cannot_start(error) if isinstance(error, OSError) else error
        editing.problem = f"{said.message}; {said.hint}" if said.hint else said.message
        editing.ended = True
        return
    editing.process = process
    if editing.stopped:  # the session stopped as it started
        editing.stop()
    status = process.wait()
    if status == 0 or terminal_closed():
        editing.saved = editing.read(editing.path)
        if editing.saved is None:
            editing.problem = "the editor removed the file it was given; nothing was changed"
        elif at_once := returned_at_once(
            time.monotonic() - started, not _changed(editing.path, given)
        ):
            editing.saved = None
            editing.problem = f"{at_once.message}; {at_once.hint}"
    elif status < 0:
        stopped_by = signal.Signals(-status).name if -status in signal.valid_signals() else -status
        editing.problem = f"the editor was stopped by {stopped_by}; nothing was changed"
    else:
        editing.problem = f"the editor exited with status {status}; nothing was changed"
        editing.failed = True
    editing.ended = True


def _started(path: Path) -> subprocess.Popen[bytes]:
    """The host's editor started on ``path`` (see :func:`_run_editor`)."""
    from jeudis.editor import editor_command

    if sys.platform == "win32" or os.environ.get("VISUAL") or os.environ.get("EDITOR"):
        return subprocess.Popen([*editor_command(), str(path)])
    for editor in _SESSION_EDITORS:
        with contextlib.suppress(OSError):
            return subprocess.Popen([editor, str(path)])
    return subprocess.Popen([*editor_command(), str(path)])  # vi, which says it is missing


def _read_back(path: Path, *, one_row: bool) -> str | None:
    """The text the editor saved in ``path``, as the prompt takes it: the bytes that
    are not UTF-8 read as the keys typed are (an editor in a Latin-1 locale saved "é"
    as a byte prompt_toolkit could not read: "Unhandled exception in event loop", and
    what was written there was lost), as it would be pasted (:func:`pasted`), less the
    line end an editor adds, on one line for a one-line answer. None: no file to read
    (removed, or a folder or a FIFO, whose reading would block, in its place)."""
    from jeudis.prompt_keys import one_line, pasted  # which binds the key with this module

    try:
        if not path.is_file():
            return None
        text = pasted(read_as_typed(path.read_bytes())).removesuffix("\n")
    except OSError:
        return None
    return one_line(text) if one_row and "\n" in text else text


def _removed(path: Path) -> None:
    """The editor's file removed, whatever the editor left in its place, and vim's swap
    files beside it: killed with the session (SIGTERM, SIGINT from outside), vim kept
    what the guest typed after saving in ``.jeudis-….txt.swp``, left in the temporary
    folder for anyone to read."""
    try:
        path.unlink(missing_ok=True)
    except OSError:  # a folder
        with contextlib.suppress(OSError):
            path.rmdir()
    for suffix in (".swp", ".swo", ".swn"):
        swap = path.with_name(f".{path.name}{suffix}")
        with contextlib.suppress(OSError):
            if swap.is_file() and not swap.is_symlink():
                swap.unlink()
