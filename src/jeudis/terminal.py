"""The terminal under the prompts: signals while a prompt runs, keys typed ahead, slow
terminals, keys that are not UTF-8, the cells it draws emoji in.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeGuard

from prompt_toolkit.key_binding import KeyBindings, KeyPress, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.renderer import CPR_Support

from jeudis.errors import stop_signals, write_fault
from jeudis.graphemes import CELLS, PROBES, answered, use_emoji_widths
from jeudis.prompt_typing import kept_by_a_pause, stop_editor
from jeudis.prompts import Paused, Prompt

if TYPE_CHECKING:
    import questionary
    from prompt_toolkit.application import Application


def ask(
    question: questionary.Question, prompt: Prompt | None = None, *, typed: bool = False
) -> Any:
    """Ask, with SIGTERM and SIGHUP ending the prompt the way Ctrl-C does.

    The session's own handler raises :class:`Paused` wherever the program is; inside
    prompt_toolkit's event loop that lands in one of its tasks, which prints
    "Unhandled exception in event loop" and waits for Enter: the process hangs.
    While a prompt runs, the signal asks the prompt to exit instead, from the loop.
    ``typed``: the text typed is kept then, as for a guest's text answer.
    """
    app: Application[Any] = question.application
    stopped: list[str] = []

    def leave(name: str) -> None:
        if app.future is None or app.future.done():
            return  # answered just now: the answer is kept as pending, below
        kept = kept_by_a_pause(app, prompt, typed=typed)  # with the editor open: what it saved
        stop_editor()  # else the session waited for the guest to quit it
        app.exit(exception=Paused(kept, signal_name=name))

    def stop(signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        stopped.append(name)
        if app.is_running and app.loop is not None:
            app.loop.call_soon_threadsafe(leave, name)
        # Else the prompt is not running yet (it leaves as it starts, below) or no longer
        # (the Paused after it): raised here, in the event loop winding down after a
        # closed terminal's SIGHUP and the shell's, it was swallowed and the program hung,
        # holding the interview's lock.

    app.pre_run_callables.append(lambda: leave(stopped[0]) if stopped else None)
    _faults_pause(app, lambda: leave(""))
    _keys_not_utf8_read(app)
    app.key_bindings = merge_key_bindings(
        [b for b in (app.key_bindings, _NO_MOUSE, _SIGINT_IS_CTRL_C) if b is not None]
    )
    asked = _cpr_asked(app)
    _emoji.ask()  # the first prompt: where it is drawn (see _EmojiProbe)
    _emoji.read_by(app)
    previous = {sig: signal.signal(sig, stop) for sig in stop_signals()}
    try:
        answer = question.unsafe_ask()
    except (OSError, EOFError):
        # The terminal closed under the prompt: drawing on it failed, or prompt_toolkit
        # found its input closed (EOFError), SIGHUP or not yet. What was being typed is
        # still in the buffer (the boxes ticked, in the list).
        kept = kept_by_a_pause(app, prompt, typed=typed)
        raise Paused(kept, signal_name=stopped[0] if stopped else "SIGHUP") from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _learn_cpr(app, asked)
    if stopped:  # the choices just ticked are a list
        raise Paused(answer if isinstance(answer, str | list) else "", signal_name=stopped[0])
    return answer


def _latin_letters(error: UnicodeError) -> tuple[str, int]:
    """The bytes UTF-8 could not read, read as Windows-1252 (Latin-1 and ``€``, ``œ``...):
    a codec error handler."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252", "replace"), error.end


_NOT_UTF8 = "jeudis-latin-letters"
codecs.register_error(_NOT_UTF8, _latin_letters)


def read_as_typed(data: bytes) -> str:
    """Bytes a guest wrote (an editor's file) as text: UTF-8 less a BOM, and the bytes
    that are not UTF-8 read as Latin-1 letters, as the keys typed are."""
    return data.decode("utf-8-sig", _NOT_UTF8)


def _keys_not_utf8_read(app: Application[Any]) -> None:
    """A terminal that sends Latin-1 where the system says UTF-8 (``LANG=C``, an old
    PuTTY, a console set to ISO-8859-1) sends "é" as one byte UTF-8 cannot read.
    prompt_toolkit kept it as a stand-in (a lone surrogate) that no file can hold:
    the save made as the guest typed failed with "Unhandled exception in event loop"
    and waited for Entrée, and the answer's own ended the session in a traceback,
    the answer lost. Read as the Latin-1 letter it is most likely, it is kept.
    """
    reader = getattr(app.input, "stdin_reader", None)  # none on Windows: its console is UTF-16
    decoder = getattr(reader, "_stdin_decoder", None)
    if decoder is not None and getattr(decoder, "errors", None) == "surrogateescape":
        decoder.errors = _NOT_UTF8


fault_report: Path | None = None  # where a fault inside a prompt was written down
faulted = False  # a fault stopped a prompt (its report may not have been written)


def _faults_pause(app: Application[Any], pause: Callable[[], None]) -> None:
    """A fault of jeudis's own inside a prompt (a key's handler, a redraw) pauses the
    session, as Ctrl-C does, what was being typed kept; the CLI says so, and where
    the details are. prompt_toolkit printed "Unhandled exception in event loop", a
    traceback, and waited for Entrée, the prompt then running on, broken."""

    def fault(_loop: object, context: dict[str, Any]) -> None:
        global fault_report, faulted
        error = context.get("exception")
        if isinstance(error, EOFError) or _the_terminal_s(error):  # closed: no fault of ours
            if app.future is not None and not app.future.done():
                app.exit(exception=error)  # said by ask() as a closed terminal is
            return
        if not faulted:  # one report: a redraw's fault comes again at each redraw
            fault_report = write_fault(error, str(context.get("message", "")))
        faulted = True
        pause()

    app._handle_exception = fault  # type: ignore[method-assign, assignment]  # its own


# What reading or drawing on a closed terminal fails with.
_CLOSED = (errno.EIO, errno.ENXIO, errno.EBADF, errno.EPIPE)


def _the_terminal_s(error: object) -> TypeGuard[OSError]:
    """Whether ``error`` is the terminal's, closed: any other OSError in a prompt (a
    file a key's handler could not read) is a fault. It was said as "Stopped by SIGHUP",
    the session ended. Windows' console says nothing of the kind: any OSError."""
    if not isinstance(error, OSError):
        return False
    return sys.platform == "win32" or error.errno in _CLOSED or terminal_closed()


_NO_MOUSE = KeyBindings()
_SIGINT_IS_CTRL_C = KeyBindings()


@_SIGINT_IS_CTRL_C.add(Keys.SIGINT, eager=True)
def _interrupted(event: KeyPressEvent) -> None:
    """A SIGINT from outside (``kill -INT``, ``timeout -s INT``, a multiplexer closing
    its pane) is Ctrl-C pressed, at every prompt. A prompt reads Ctrl-C as a key, and
    prompt_toolkit turns the signal into a key of its own, which a choice, a yes or no
    and the review bound to nothing: the signal was ignored there, and at a text it
    stopped the session without what was being typed. The editor open, if one is, is
    ended once the pause has taken what it saved (the key reaches the prompt, not the
    editor): else the session waited for the guest to quit it."""
    event.key_processor.feed(KeyPress(Keys.ControlC, "\x03"), first=True)
    if event.app.loop is not None:  # after the key, which is handled before this returns
        event.app.loop.call_soon(stop_editor)


@_NO_MOUSE.add(Keys.Vt100MouseEvent)
def _mouse_report(event: KeyPressEvent) -> None:
    """Dropped: no prompt asks the terminal for the mouse. prompt_toolkit reads any
    ``ESC [ digits m`` as a mouse report, and its own handler failed on one that is
    not (a colour code "\x1b[31m" pasted where the terminal does not mark pastes, a
    report of too many numbers, a button it does not know): "Unhandled exception in
    event loop", a traceback, and a wait for Entrée in the middle of the answer."""


# What a terminal whose encoding is not UTF-8 (a Latin-1 locale) is sent in place of the
# characters the session draws that its encoding lacks, each in as many cells: "?" said
# "Page? : question précédente" and "?? puis Entrée", and "C?est" for "C’est".
_STAND_INS = {
    **dict.fromkeys("’‘ʼ", "'"),
    **dict.fromkeys("“”„", '"'),
    **dict.fromkeys("—–", "-"),
    "…": ".",
    "•": "*",
    "›": ">",
    "‹": "<",
    "→": ">",
    "←": "<",
    "↑": "^",
    "↓": "v",
    "─": "-",
    "│": "|",
    **dict.fromkeys("╭╮╰╯", "+"),
    "✎": ">",
    "✔": "*",
    "●": "*",
    "○": "o",
}


def _stood_in(error: UnicodeError) -> tuple[str, int]:
    """What an encoding lacks, as :data:`_STAND_INS` says, else "?" in each of its
    cells (none for a joiner or an accent that combines): a codec error handler."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacked = error.object[error.start : error.end]
    return "".join(_STAND_INS.get(char) or "?" * CELLS[char] for char in lacked), error.end


_STOOD_IN = "jeudis-stood-in"
codecs.register_error(_STOOD_IN, _stood_in)
_DRAWN = "jeudis_drawn_"  # the codecs of _drawn_in: this and the terminal's own codec's name


def _drawn_in(name: str) -> codecs.CodecInfo | None:
    """The codec ``jeudis_drawn_`` + a codec's name: that codec, what it lacks stood in
    for whatever its caller says (prompt_toolkit: "replace"; rich: "backslashreplace",
    which broke a box's border with "\u2019")."""
    if not name.startswith(_DRAWN):
        return None
    own = codecs.lookup(name.removeprefix(_DRAWN))

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return own.encode(text, _STOOD_IN)

    class Encoder(codecs.IncrementalEncoder):
        def encode(self, text: str, final: bool = False) -> bytes:
            return own.encode(text, _STOOD_IN)[0]

    return codecs.CodecInfo(
        encode,
        own.decode,
        incrementalencoder=Encoder,
        incrementaldecoder=own.incrementaldecoder,
        name=_DRAWN + own.name,
    )


codecs.register(_drawn_in)


def drawn_in_utf8() -> bool:
    """Whether the session draws in UTF-8 (else in what :func:`_its_characters` leaves)."""
    return codecs.lookup(getattr(sys.stdout, "encoding", None) or "utf-8").name == "utf-8"


@contextlib.contextmanager
def _its_characters() -> Iterator[None]:
    """The session drawn in the characters the terminal's encoding has, when it is not
    UTF-8 (a Latin-1 locale): ' for ’, ^ for ↑, + for a box's corner (:data:`_STAND_INS`)."""
    stream = sys.stdout
    own = getattr(stream, "encoding", None)
    if drawn_in_utf8() or not isinstance(stream, io.TextIOWrapper) or own is None:
        yield
        return
    stream.reconfigure(encoding=_DRAWN + codecs.lookup(own).name)
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):  # closed, or the terminal gone
            stream.reconfigure(encoding=own)


_kept = False  # the terminal in the session's mode (see typeahead_kept)


@contextlib.contextmanager
def typeahead_kept() -> Iterator[None]:
    """Keys typed before a question appears reach it as they were typed.

    Each prompt puts the terminal in raw mode while it runs and gives back the
    mode it found. Between two prompts the terminal's usual mode would echo the
    keys typed ahead over the screen and turn Enter into a line feed: "Esc then
    Enter" typed (or pasted) before a long answer's prompt was drawn added a line
    to the answer instead of finishing it. For the whole session the terminal
    neither echoes nor edits lines (Ctrl-C still interrupts); its own mode is
    given back at the end, however the session ends. It is drawn in the characters
    its encoding has (:func:`_its_characters`).
    """
    global _kept
    saved = _terminal_mode()
    if sys.platform == "win32" or saved is None:  # not a terminal, or not a POSIX one
        yield
        return
    import termios

    fd = sys.stdin.fileno()
    mode = _unechoed(saved)
    mode[0] &= ~termios.ICRNL
    with contextlib.suppress(termios.error):
        termios.tcsetattr(fd, termios.TCSADRAIN, mode)
        _kept = True
    try:
        with _its_characters():
            yield
    finally:
        _kept = False
        with contextlib.suppress(termios.error, OSError):  # a closed terminal keeps nothing
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _unechoed(saved: list[Any]) -> list[Any]:
    """The terminal's mode ``saved``, echoing nothing and holding no line: each key is
    read as it comes."""
    if sys.platform == "win32":  # no termios, nor a mode to change
        return saved
    import termios

    mode = list(saved)
    mode[3] &= ~(termios.ECHO | termios.ICANON)
    mode[6] = list(saved[6])
    mode[6][termios.VMIN], mode[6][termios.VTIME] = 1, 0
    return mode


def _terminal_mode() -> list[Any] | None:
    """The terminal's mode (termios attributes) when standard input is one; else None."""
    if sys.platform == "win32":  # no termios
        return None
    try:
        import termios
    except ImportError:
        return None
    try:
        return termios.tcgetattr(sys.stdin.fileno())
    except (termios.error, OSError, ValueError, AttributeError):
        return None


def terminal_closed() -> bool:
    """Whether the terminal the session runs on has closed (its window shut: hung up).
    Windows says so by a signal only (SIGBREAK)."""
    if sys.platform == "win32":  # no termios
        return False
    import termios

    try:
        termios.tcgetattr(sys.stdin.fileno())
    except termios.error as error:
        return bool(error.args) and error.args[0] in (errno.EIO, errno.ENXIO, errno.EBADF)
    except (OSError, ValueError, AttributeError):  # no terminal: none to close
        return False
    return False


def _cpr_asked(app: Application[Any]) -> list[bool]:
    """Notes whether ``app`` asks the terminal where the cursor is (see :func:`_learn_cpr`)."""
    renderer = app.renderer
    asking = renderer.request_absolute_cursor_position
    asked: list[bool] = []

    def ask() -> None:
        asked.append(True)
        asking()

    renderer.request_absolute_cursor_position = ask  # type: ignore[method-assign]
    return asked


def _learn_cpr(app: Application[Any], asked: list[bool]) -> None:
    """Stop asking for the cursor's position once the terminal has not answered.

    Every prompt asks the terminal where the cursor is, then waits up to a second
    for the answer when it ends. A terminal that never answers (a serial console,
    some editors' shells) would add that second to every question of the session:
    after the first, the question is not asked again (prompt_toolkit's own switch).
    A prompt that started with keys typed ahead did not ask (prompt_toolkit asks
    only with no key waiting), which says nothing of the terminal: taken for no
    answer, it left every later question without its keys at the bottom.
    """
    if asked and app.renderer.cpr_support is not CPR_Support.SUPPORTED:
        os.environ["PROMPT_TOOLKIT_NO_CPR"] = "1"


class _EmojiProbe:
    """The terminal asked, once a session, how many cells it draws the emoji of
    several code points in (see :mod:`jeudis.graphemes`), and its answers so far.

    Each of :data:`jeudis.graphemes.PROBES` is drawn, concealed, where the first
    prompt is about to be drawn, the terminal is asked where its cursor went after
    each (as prompt_toolkit asks it for the row), the cursor is put back and the
    row cleared. Measured rather than guessed: terminals draw these each their own
    way, and a terminal's name says little (tmux draws them as its version does,
    whatever terminal it runs in). Nothing waits for the answers: they come in
    with the keys the prompt reads, as prompt_toolkit's own answer does (the first
    prompt or a later one), and the answer being typed is drawn anew once they
    are all in. A wait before the prompt would delay it, by a second on a terminal
    that never answers, and the keys typed meanwhile would have to be read apart
    from the prompt, then handed over to it.
    """

    def __init__(self) -> None:
        self.asked = False
        self.awaited = 0  # the answers still to come
        self.places: list[tuple[int, int]] = []  # (row, column): before the probes, after each

    def ask(self) -> None:
        """Ask the terminal, the first time: only in the session's mode (see
        :func:`typeahead_kept`), where its answers are never echoed on the screen."""
        if self.asked or not _kept or os.environ.get("PROMPT_TOOLKIT_NO_CPR") == "1":
            return
        self.asked = True
        if not _drawn_on_a_terminal():
            return
        with contextlib.suppress(OSError):  # a closed terminal: the prompt says so
            sys.stdout.flush()
            os.write(sys.stdout.fileno(), _PROBES)
            self.awaited = len(PROBES) + 1

    def read_by(self, app: Application[Any]) -> None:
        """``app`` takes the answers awaited (the first ones the terminal gives)."""
        if not self.awaited:
            return
        bindings = KeyBindings()
        bindings.add(Keys.CPRResponse, save_before=lambda event: False)(self._answered)
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, bindings) if b is not None]
        )

    def _answered(self, event: KeyPressEvent) -> None:
        row, column = map(int, event.data[2:-1].split(";"))  # ESC [ row ; column R
        if not self.awaited:  # prompt_toolkit's own question: its own key binding's work
            event.app.renderer.report_absolute_cursor_row(row)
            return
        self.places.append((row, column))
        self.awaited -= 1
        if self.awaited:
            return
        if _use_answers(self.places):
            event.app.invalidate()


_emoji = _EmojiProbe()

# Each of PROBES drawn, concealed, the terminal asked where the cursor went: before
# them, then after each. Saved again once restored: some terminals restore a saved
# cursor only once. The row is cleared after.
_PROBES = (
    "\x1b7\x1b[6n" + "".join(f"\x1b[8m{probe}\x1b[6n\x1b8\x1b7" for probe in PROBES) + "\x1b[K"
).encode()
_PLACE = re.compile(rb"\x1b\[(\d+);(\d+)R")  # a terminal's answer: ESC [ row ; column R


def _drawn_on_a_terminal() -> bool:
    """Whether the emoji are drawn on a terminal (none where its encoding has none)."""
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb" and drawn_in_utf8()


def _use_answers(places: list[tuple[int, int]]) -> bool:
    """The widths the terminal said, from where it put the cursor (row, column), used
    from now on: whether it said them, all on one row."""
    widths = answered([column for _, column in places])
    if widths is None or len({row for row, _ in places}) != 1:
        return False
    use_emoji_widths(widths)
    return True


def ask_emoji_widths(wait: float = 0.5) -> None:
    """The terminal asked how it draws emoji, by a command that prints and ends (``jeudis
    show``): its answers are waited for, ``wait`` seconds at most, before rich lays
    out what it prints (see :mod:`jeudis.rich_cells`). Asked once, only where they are
    drawn, and only by a command that has emoji of several code points to print: a
    terminal that never answers delays it by ``wait``. The keys typed meanwhile are
    lost: no one types at such a command."""
    if _emoji.asked or os.environ.get("PROMPT_TOOLKIT_NO_CPR") == "1":
        return
    _emoji.asked = True
    saved = _terminal_mode()
    # Windows: no termios to read the answers with; rich's count is used, as before.
    if sys.platform == "win32" or saved is None or not _drawn_on_a_terminal():
        return
    import select
    import termios

    fd = sys.stdin.fileno()
    mode = _unechoed(saved)  # the answers neither echoed nor held
    read = b""
    deadline = time.monotonic() + wait
    try:
        termios.tcsetattr(fd, termios.TCSADRAIN, mode)
        sys.stdout.flush()
        os.write(sys.stdout.fileno(), _PROBES)
        while len(_PLACE.findall(read)) <= len(PROBES):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                break
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            read += chunk
    except (termios.error, OSError):
        pass  # a closed terminal: what is printed says so, or rich counts as it does
    finally:
        # Answers part read are dropped, not left to the shell as if typed.
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSAFLUSH, saved)
    _use_answers([(int(row), int(column)) for row, column in _PLACE.findall(read)])
