"""The keys of the live session's prompts, beyond questionary's own.

Ctrl-C and Ctrl-D pause, keeping what was typed (or ticked); Page↑ or Shift-Tab goes
back a question;
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

import re
import weakref
from collections.abc import Callable

import questionary
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.key_binding import KeyBindings, KeyPress, KeyPressEvent
from prompt_toolkit.keys import Keys

from jeudis.answers import PASTED_BULLETS
from jeudis.prompt_editor import editor_key
from jeudis.prompt_layout import STYLE, redraw
from jeudis.prompt_typing import keeps_text, kept_by_a_pause
from jeudis.prompts import BACK, Paused, Prompt
from jeudis.storage import folded
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
    """Pause, Page↑ (and Shift-Tab) and Enter; ``typed``: a pause keeps the text typed (a question the
    host writes, which has no prompt of a guest's). ``unedited``: what the guest is
    told, in their language, when the editor gives nothing back."""
    bindings = KeyBindings()

    _pause_keys(bindings, prompt, typed=typed)

    for key in _NOT_A_SHELL:
        undoes = key == "c-z" and keeps_text(prompt, typed)
        bindings.add(key, eager=True)(_undo if undoes else _nothing)
    bindings.add("escape", "c-]", eager=True)(_nothing)  # the search backwards

    # Shift-Tab too, a form's key for the field before: a Mac's laptop has no Page↑,
    # and Terminal.app scrolls its own window on fn-↑.
    @bindings.add(Keys.PageUp, eager=True)
    @bindings.add(Keys.BackTab, eager=True)
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
        editor_key(bindings, one_row=prompt.kind == "text", unedited=unedited)

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
        _initial_keys(bindings, prompt.choices)

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


def initials(choices: tuple[str, ...]) -> list[str]:
    """The key that picks each choice: its first character, a letter or a digit, case
    and accents aside ("o" for "Oui", "e" for "École", "k" for "Kondensator"); "" for
    a choice no key picks ("— passer —")."""
    keys = []
    for choice in choices:
        key = folded(choice[:1])[:1].lower()  # "É", "Œ": e, o
        keys.append(key if key.isalnum() else "")
    return keys


def _initial_keys(bindings: KeyBindings, choices: tuple[str, ...]) -> None:
    """A letter typed moves the selection to the next choice it starts, as in a file
    manager's list: "o" or "n" picks "Oui" or "Non". Entrée still gives the answer:
    "non" and Entrée, typed as any answer is, ends on "Non"; had "n" given it, the
    "on" and Entrée typed on would have gone to the next question. Every letter so,
    j and k too: questionary's vim keys are off (:meth:`TerminalPrompter._question`)."""
    from questionary.prompts.common import InquirerControl

    keys = initials(choices)

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


# The long answers whose last key was Échap: Entrée finishes them now, as their
# toolbar then says (:func:`finishing`).
_ESCAPED: weakref.WeakSet[Buffer] = weakref.WeakSet()


def finishing(buffer: Buffer) -> bool:
    """Whether Entrée finishes the answer ``buffer`` holds, Échap pressed just before."""
    return buffer in _ESCAPED


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
        _ESCAPED.add(buffer)

    def disarm(self, _: object = None) -> None:
        if self.buffer is not None:
            _ESCAPED.discard(self.buffer)
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
        # Its toolbar then says Entrée finishes: drawn anew, as prompt_toolkit does not
        # after Échap alone, a second after it (a key that may start another).
        event.app.invalidate()

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
