"""The keys of the live session's prompts, beyond questionary's own.

Ctrl-C and Ctrl-D pause, keeping what was typed (or ticked); Page↑ goes back a question;
Ctrl-Z does nothing (prompt_toolkit typed it into the answer); a key typed
right after Échap is typed, not an Emacs command that changes the text;
Ctrl-X Ctrl-E opens the answer in an editor, and comes back to it; lines pasted
into a one-line answer are joined; in a long answer Entrée starts a paragraph,
and Échap then Entrée finishes it, however long between the two. In a choice,
a letter goes to the choice it starts ("o" to "Oui"), Entrée giving it. The
welcome waits for Entrée, and takes a key typed instead as the first answer's start.
(Ctrl-F, the host's follow-up, is the prompter's own: it says what to ask next.)

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import questionary
from prompt_toolkit.application import get_app, run_in_terminal
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.key_binding import KeyBindings, KeyPress, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.validation import ValidationError

from jeudis.answers import PASTED_BULLETS
from jeudis.errors import UsageError
from jeudis.prompt_layout import STYLE, fitted_refusal, redraw
from jeudis.prompt_typing import InEditor, in_editor, keeps_text, kept_by_a_pause
from jeudis.prompts import BACK, Paused, Prompt
from jeudis.storage import folded
from jeudis.terminal import read_as_typed, terminal_closed
from jeudis.textsafe import for_terminal


def ready_question(message: Callable[[], str]) -> questionary.Question:
    """Wait for Enter; text typed instead starts too, and is returned, not lost.
    ``message``: the invitation, wrapped to the terminal as it is when drawn.

    A guest who starts on the first answer without reading the welcome would
    otherwise see its first letter taken as the key to start.
    """
    from prompt_toolkit import PromptSession

    bindings = KeyBindings()

    @bindings.add(Keys.Any)
    def _typed(event: KeyPressEvent) -> None:
        event.app.exit(result=event.data if event.data.isprintable() else "")

    @bindings.add(Keys.BracketedPaste)
    def _pasted(event: KeyPressEvent) -> None:
        event.app.exit(result=pasted(event.data))

    @bindings.add(Keys.Enter)
    def _start(event: KeyPressEvent) -> None:
        event.app.exit(result="")

    @bindings.add(Keys.ControlL, eager=True)
    def _redraw(event: KeyPressEvent) -> None:
        redraw(event.app)  # the welcome box, which prompt_toolkit's own Ctrl-L cleared

    @bindings.add(Keys.ControlC, eager=True)
    @bindings.add(Keys.ControlD, eager=True)  # a pause, as at any question
    def _pause(event: KeyPressEvent) -> None:
        event.app.exit(exception=Paused(""))

    session: PromptSession[str] = PromptSession(
        lambda: [("class:question", f" {message()} ")], key_bindings=bindings, style=STYLE
    )
    return questionary.Question(session.app)


# What the keys :func:`keys_for` makes do nothing did. Ctrl-Z typed "^Z" into the answer
# (a Python shell's end of file), for a guest pressing it to undo to find and delete: it
# undoes, where text is typed (:func:`_undo`). Ctrl-S, pressed to save, and Ctrl-R opened a search of a history no prompt has
# ("(i-search)"): what was typed next went into the search, and was lost. Ctrl-O
# ("operate and get next") gave the answer half written, the rest typed into the next
# question. Ctrl-Q, pressed to quit, typed the next key as it came: Échap or Entrée put
# a control character in the answer. Ctrl-] (telnet's escape key) searched the line for
# the next key typed, which was lost.
_NOT_A_SHELL = ("c-z", "c-s", "c-r", "c-o", "c-q", "c-]")


def _nothing(event: KeyPressEvent) -> None:
    """A key a guest presses as another program uses it (:data:`_NOT_A_SHELL`)."""


def _undo(event: KeyPressEvent) -> None:
    """Ctrl-Z, as other programs have it: the text as it was before the last change
    (a key typed, a word Échap "d" deleted, a paste). prompt_toolkit's own key for it,
    Ctrl-_, no guest knows."""
    event.current_buffer.undo()


def keys_for(prompt: Prompt | None, *, typed: bool = False, unedited: str = "") -> KeyBindings:
    """Pause, Page↑ and Enter; ``typed``: a pause keeps the text typed (a question the
    host writes, which has no prompt of a guest's). ``unedited``: what the guest is
    told, in their language, when the editor gives nothing back."""
    bindings = KeyBindings()

    _pause_keys(bindings, prompt, typed=typed)

    for key in _NOT_A_SHELL:
        undoes = key == "c-z" and keeps_text(prompt, typed)
        bindings.add(key, eager=True)(_undo if undoes else _nothing)
    bindings.add("escape", "c-]", eager=True)(_nothing)  # the search backwards

    @bindings.add(Keys.PageUp, eager=True)
    def _back(event: KeyPressEvent) -> None:
        if typed:  # a question the host writes: nothing to go back to, nothing redrawn
            return
        if prompt is None or prompt.can_go_back:
            event.app.exit(result=BACK)

    if keeps_text(prompt, typed):
        _typed_after_escape(bindings)

    # A list: a choice, a yes or no, a multiple choice, or the review (no prompt).
    if prompt.kind in ("select", "checkbox") if prompt is not None else not typed:
        # A text pasted was drawn after "›" as if taken, then dropped: nothing to take.
        bindings.add(Keys.BracketedPaste, eager=True)(_nothing)

        @bindings.add(Keys.Escape, Keys.ControlM, eager=True)
        def _enter_after_escape(event: KeyPressEvent) -> None:
            """Échap Entrée, which ends a long answer, gives a list's answer as Entrée
            does: prompt_toolkit's Emacs binding gave it an empty one, which the
            session refused with a traceback ("Une réponse est nécessaire."), and
            the review took for "Tout est bon", whatever question was picked."""
            event.key_processor.feed(KeyPress(Keys.ControlM, "\r"), first=True)

    if prompt is not None and prompt.kind in ("text", "long"):
        _editor_key(bindings, one_row=prompt.kind == "text", unedited=unedited)

    if keeps_text(prompt, typed):

        @bindings.add(Keys.ControlSpace, eager=True)
        def _space(event: KeyPressEvent) -> None:
            """A space, as the key was most likely meant: prompt_toolkit set a mark
            there (Emacs's), and every key typed after it, until Ctrl-G, was dropped."""
            event.current_buffer.insert_text(" ")

        @bindings.add(Keys.BracketedPaste)
        def _paste(event: KeyPressEvent) -> None:
            """What is pasted, less the terminal's escape sequences (:func:`pasted`).
            Lines pasted into a one-line answer are joined: kept, they were drawn
            out of the prompt, and stored as lines the question does not expect."""
            text = pasted(event.data)
            one_row = prompt is not None and prompt.kind == "text"
            event.current_buffer.insert_text(one_line(text) if one_row else text)

    if prompt is not None and prompt.kind == "long":
        _finish_keys(bindings)
    if prompt is not None and prompt.kind == "select":
        yes_no = prompt.question is not None and prompt.question.type == "yesno"
        _initial_keys(bindings, prompt.choices, yes_no=yes_no)

    return bindings


def _pause_keys(bindings: KeyBindings, prompt: Prompt | None, *, typed: bool) -> None:
    @bindings.add(Keys.ControlC, eager=True)
    @bindings.add(Keys.ControlD, eager=True)
    def _pause(event: KeyPressEvent) -> None:
        """A pause keeps what the prompt holds: the text typed, the boxes ticked.
        Ctrl-D in a text typed deletes the character after the cursor, as a Mac's
        text fields and a shell's line have it (a shell's end of file on an empty
        line only): a guest deleting forward paused the interview."""
        forward = event.key_sequence[0].key == Keys.ControlD and keeps_text(prompt, typed)
        if forward and event.current_buffer.text:
            event.current_buffer.delete(1)
            return
        event.app.exit(exception=Paused(kept_by_a_pause(event.app, prompt, typed=typed)))

    @bindings.add(Keys.ControlL, eager=True)
    def _redraw(event: KeyPressEvent) -> None:
        """The screen drawn anew, the question above the prompt (prompt_toolkit's own
        cleared it, leaving the prompt alone: the question, the welcome box or the
        review's table gone until the terminal was resized)."""
        redraw(event.app)


def _editor_key(bindings: KeyBindings, *, one_row: bool, unedited: str = "") -> None:
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
                await run_in_terminal(functools.partial(_run_editor, editing), in_executor=True)
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


def _run_editor(editing: InEditor) -> None:
    """The editor on ``editing``'s file, waited for (in a thread of its own), and what
    it saved read back, or why not.

    It is the one ``jeudis edit`` opens (:func:`jeudis.editor.editor_command`): $VISUAL,
    $EDITOR, read as Windows writes them there, else notepad on Windows (prompt_toolkit
    had only POSIX paths, and took a backslash in $EDITOR for an escape). An editor
    that cannot start is said for the host (it is their $EDITOR): the key seemed to do
    nothing. One that fails as the terminal closes (SIGHUP) is read back all the same:
    what the guest saved in it is what the session keeps.
    """
    from jeudis.editor import cannot_start  # with what `jeudis edit` needs: when first used

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
    try:
        if not path.is_file():
            return None
        text = pasted(read_as_typed(path.read_bytes())).removesuffix("\n")
    except OSError:
        return None
    return one_line(text) if one_row and "\n" in text else text


def _removed(path: Path) -> None:
    """The editor's file removed, whatever the editor left in its place."""
    try:
        path.unlink(missing_ok=True)
    except OSError:  # a folder
        with contextlib.suppress(OSError):
            path.rmdir()


def initials(choices: tuple[str, ...], *, yes_no: bool = False) -> list[str]:
    """The key that picks each choice: its first character, a letter or a digit, case
    and accents aside ("o" for "Oui", "e" for "École", "s" for "Sí"); "" for a choice
    no key picks ("— passer —", or one starting with j or k, which move the selection
    as they do in questionary). ``yes_no``: the choices are a yes and a no, whose j
    is German's and Dutch's "Ja" (k still moves)."""
    moving = "k" if yes_no else "jk"
    keys = []
    for choice in choices:
        key = folded(choice[:1])[:1].lower()  # "É", "Œ": e, o
        keys.append(key if key.isalnum() and key not in moving else "")
    return keys


def _initial_keys(bindings: KeyBindings, choices: tuple[str, ...], *, yes_no: bool) -> None:
    """A letter typed moves the selection to the next choice it starts, as in a file
    manager's list: "o" or "n" picks "Oui" or "Non". Entrée still gives the answer:
    "non" and Entrée, typed as any answer is, ends on "Non"; had "n" given it, the
    "on" and Entrée typed on would have gone to the next question."""
    from questionary.prompts.common import InquirerControl

    keys = initials(choices, yes_no=yes_no)

    def pick(event: KeyPressEvent) -> None:
        typed = folded(event.key_sequence[-1].data)[:1].lower()
        [control] = [
            window.content
            for window in event.app.layout.find_all_windows()
            if isinstance(window.content, InquirerControl)
        ]
        for step in range(1, len(keys) + 1):
            at = (control.pointed_at + step) % len(keys)
            if keys[at] == typed:
                control.pointed_at = at
                return

    typed_as = {
        typed
        for choice, key in zip(choices, keys, strict=True)
        if key
        for typed in (key, key.upper(), choice[0].lower(), choice[0].upper())
        if len(typed) == 1  # "ß".upper() is "SS": two keys
    }
    for typed in sorted(typed_as):
        # Eager, as questionary's j is: at a yes or no, "j" picks German's "Ja".
        bindings.add(typed, eager=True)(pick)


# Keys that prompt_toolkit's Emacs bindings read after Échap (within a second) as a
# command changing the text or putting back another: Échap "c" capitalised the next
# word, Échap "3" "x" typed "xxx", Échap "<" put back an earlier answer. A guest who
# pressed Échap to finish, then typed on, meant the key. Those that move or delete a
# word (b, f, d, Échap ←/→ and Échap Backspace) stay: a Mac's Option keys send them.
_TYPED_AFTER_ESCAPE = "acetluwy0123456789#*-./\\_<>"


def _typed_after_escape(bindings: KeyBindings) -> None:
    def typed(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text(event.key_sequence[-1].data)

    for key in _TYPED_AFTER_ESCAPE:
        bindings.add(Keys.Escape, key)(typed)


def pasted(text: str) -> str:
    """Text pasted, as an answer keeps it: its ends of line (CRLF, CR) made LF, and no
    escape sequence or control character but the tab. Text copied from a terminal or a
    mail may hold some (a colour, a window's title): prompt_toolkit showed them as
    "^[[31m", and the answer was saved with them, for every command to show after."""
    return for_terminal(text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """The lines of ``text`` on one line, each stripped, blank ones left out: what a
    one-line answer takes of lines pasted or written in the editor."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return " ".join(line.strip() for line in lines if line.strip())


class _Escaped:
    """Whether Échap was the last key of a long answer: any change since (an edit, even
    one undone, a cursor move) makes Entrée a new paragraph again."""

    def __init__(self) -> None:
        self.buffer: Buffer | None = None
        self.watched: set[int] = set()

    def arm(self, buffer: Buffer) -> None:
        if id(buffer) not in self.watched:
            buffer.on_text_changed += self.disarm
            buffer.on_cursor_position_changed += self.disarm
            self.watched.add(id(buffer))
        self.buffer = buffer

    def disarm(self, _: object = None) -> None:
        self.buffer = None


def _finish_keys(bindings: KeyBindings) -> None:
    """Entrée starts a paragraph (:func:`new_paragraph`); Échap, then Entrée whenever,
    finishes the answer.

    prompt_toolkit reads Échap then Entrée as one key only if Entrée comes within a
    second; a guest who took longer got a new line, and no answer.
    """
    escaped = _Escaped()

    @bindings.add(Keys.Escape)
    def _escape(event: KeyPressEvent) -> None:
        escaped.arm(event.current_buffer)

    @bindings.add(Keys.Enter)
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if escaped.buffer is buffer:
            escaped.disarm()
            buffer.validate_and_handle()
        else:
            new_paragraph(buffer)


# A line where Entrée goes to the next line only: a list item, a quote, a table row,
# indented code (four spaces or a tab).
_ITEM = rf"[ ]{{0,3}}(?:(?:[-*+]|[0-9]{{1,9}}[.)])(?:[ \t]|$)|[{PASTED_BULLETS}](?:[ \t\u00a0]|$))"
_LINE_BLOCK = re.compile(rf"{_ITEM}|[ ]{{0,3}}[>|]|[ ]{{4}}|\t")
# Of those, the lines Markdown runs a plain line under them into: a list item, a
# quote, a table row (indented code ends at a line at the margin).
_LAZY_BLOCK = re.compile(rf"{_ITEM}|[ ]{{0,3}}[>|]")
_FENCE = ("```", "~~~")


def paragraphs_as_typed(text: str) -> str:
    """A long answer typed live, each line begun at the margin under a list item, a
    quote or a table row made a paragraph of its own, as the guest saw it.

    Entrée after such a line goes to the next line only, for the next item; a line
    that is none, Markdown runs into the item (a quote, a table) above it: "- les
    coups de cœur" then "Et je partage mon blog" on the next line was published
    as one item. An indented line is left in its item, and code as it is.
    """
    if "\n" not in text:
        return text
    lines: list[str] = []
    fenced = False
    above = ""
    for line in text.split("\n"):
        if (
            not fenced
            and line[:1] not in ("", " ", "\t")
            and _LAZY_BLOCK.match(above)
            and not _LINE_BLOCK.match(line)
        ):
            lines.append("")
        if line.lstrip().startswith(_FENCE):
            fenced = not fenced
        lines.append(line)
        above = line
    return "\n".join(lines)


def new_paragraph(buffer: Buffer) -> None:
    """Entrée in a long answer: a new paragraph, as the welcome screen says.

    A single line break is no break in Markdown: the lines a guest wrote one
    under the other were published run together. So Entrée leaves a blank line,
    which the guest sees, except where a line of its own is meant (a list item,
    a quote, a table, code) or a blank line is there already. A new line starts
    at the margin, not under the line above's indent, which would make code of it.
    """
    before = buffer.document.text_before_cursor
    line = buffer.document.current_line_before_cursor
    fenced = sum(1 for row in before.split("\n") if row.lstrip().startswith(_FENCE)) % 2
    if fenced or (line.strip() and _LINE_BLOCK.match(line)):
        buffer.newline(copy_margin=False)
    elif not before.strip() or (before.endswith("\n\n") and not line):
        return  # no blank lines before the answer, nor two in a row
    elif not line.strip():
        buffer.newline(copy_margin=False)
    else:
        buffer.insert_text("\n\n")
