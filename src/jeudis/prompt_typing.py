"""What a running prompt holds and was not given: the text typed, or the boxes ticked.

Page↑, a pause (Ctrl-C, Ctrl-D) and a signal (SIGHUP, SIGTERM) take it from the
prompt as it is (:func:`held`), and the session keeps it as the draft's pending
text of that question; while the prompt runs, :class:`Autosave` saves it as it
changes, for a ``kill -9``. A multiple choice keeps the choices ticked, a list.
While the answer is open in the editor (:class:`InEditor`), the prompt holds what
the editor saved.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from jeudis.errors import JeudisError
from jeudis.interview import Typed

if TYPE_CHECKING:
    import subprocess
    from pathlib import Path

    from prompt_toolkit.application import Application
    from prompt_toolkit.buffer import Buffer

    from jeudis.prompts import Prompt

# What is being typed reaches the file this long after the last key, and at least
# this often while the keys go on: a crash or a `kill -9` loses seconds, not an answer.
AUTOSAVE_IDLE = 1.0
AUTOSAVE_EVERY = 5.0


def keeps_text(prompt: Prompt | None, typed: bool = False) -> bool:
    """Whether ``prompt`` is typed in (``typed``: a question the host writes, no prompt)."""
    return typed or (prompt is not None and prompt.kind in ("text", "long"))


def held(app: Application[Any], prompt: Prompt | None, *, typed: bool = False) -> Typed | None:
    """What ``app``, asking ``prompt``, holds for a pause to keep: the text typed, or
    the choices ticked at a multiple choice (none ticked: ``[]``) once they are not
    those it showed; else None (a choice, or boxes as they were)."""
    if keeps_text(prompt, typed):
        editing = _in_editor
        if editing is not None and editing.buffer is app.current_buffer:
            saved = editing.text()
            if saved is not None:
                return saved
        return app.current_buffer.text
    if prompt is None or prompt.kind != "checkbox":
        return None
    ticks = ticked(app)
    return ticks if set(ticks) != set(prompt.default or ()) else None


def kept_by_a_pause(app: Application[Any], prompt: Prompt | None, *, typed: bool = False) -> Typed:
    """What a pause keeps of ``app`` (:class:`~jeudis.prompts.Paused`'s ``partial``):
    what it :func:`held`, else ""."""
    kept = held(app, prompt, typed=typed)
    return "" if kept is None else kept


class InEditor:
    """An answer open in the editor (Ctrl-X Ctrl-E), from the key until what the editor
    saved is back in the prompt: till then the prompt holds what its file holds
    (:func:`held`). A stop meanwhile (SIGTERM, the terminal closed) kept the text as
    it was before the editor, and waited for the guest to quit an editor whose file
    was gone: what they had saved there was lost.

    ``read``: the file's text as the prompt takes it back, None when it cannot be read.
    Set from the thread the editor is waited for in: ``process``, then ``saved`` (what
    it saved, to be taken; None: the answer stays as it was, ``problem`` says why),
    then ``ended``.
    """

    def __init__(self, buffer: Buffer, path: Path, read: Callable[[Path], str | None]) -> None:
        self.buffer, self.path, self.read = buffer, path, read
        self.process: subprocess.Popen[bytes] | None = None
        self.saved: str | None = None
        self.problem = ""
        self.failed = False  # exited in failure (vim's :cq): what it saved is not taken
        self.ended = False
        self.stopped = False  # the session stopped: the editor is ended as it starts

    def text(self) -> str | None:
        """What the editor saved so far, read now while it runs."""
        return self.saved if self.ended else self.read(self.path)

    def stop(self) -> None:
        """The session stops: the editor is ended, not waited for (the file it saves
        to is removed as the prompt ends)."""
        self.stopped = True
        process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.terminate()


_in_editor: InEditor | None = None  # the answer open in the editor now, if one is


@contextlib.contextmanager
def in_editor(editing: InEditor) -> Iterator[None]:
    """``editing`` is the answer open in the editor, while the block runs."""
    global _in_editor
    _in_editor = editing
    try:
        yield
    finally:
        _in_editor = None


def stop_editor() -> None:
    """The editor open now, if one is, ended: the session stops (:meth:`InEditor.stop`)."""
    if _in_editor is not None:
        _in_editor.stop()


def ticked(app: Application[Any]) -> list[str]:
    """The choices ticked in ``app``, a multiple choice, in the order it lists them."""
    from questionary.prompts.common import InquirerControl

    [control] = [
        w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)
    ]
    return [str(choice.value) for choice in control.get_selected_values()]


class Autosave:
    """Saves what a running prompt holds (:func:`held`) as it changes: :data:`AUTOSAVE_IDLE`
    seconds after the last key, or at once when :data:`AUTOSAVE_EVERY` have passed since
    the last save. A save that fails is tried again at the next change, and said under
    the text being typed (``unsaved``, in the guest's language): it was said only when
    the answer was given, minutes of typing later, none of it on disk meanwhile. The
    answer's own save says why, to the host."""

    def __init__(
        self,
        app: Application[Any],
        prompt: Prompt,
        save: Callable[[str, Typed], bool | None],
        unsaved: str = "",
    ) -> None:
        self.app, self.prompt, self.save, self.unsaved = app, prompt, save, unsaved
        self.warned: Any = None  # the warning shown, while it is
        self.saved = held(app, prompt)
        self.last = time.monotonic()
        self.waiting: Any = None  # the timer of the next save
        if keeps_text(prompt):
            app.current_buffer.on_text_changed += self.changed
        else:  # a box ticked, or not: a key pressed
            app.key_processor.after_key_press += self.changed

    def changed(self, _: object) -> None:
        if self.waiting is not None:
            self.waiting.cancel()
            self.waiting = None
        if time.monotonic() - self.last >= AUTOSAVE_EVERY:
            self.flush()
        elif self.app.loop is not None:
            self.waiting = self.app.loop.call_later(AUTOSAVE_IDLE, self.flush)

    def flush(self) -> None:
        self.waiting = None
        typed = held(self.app, self.prompt)
        if self.app.is_done or typed == self.saved:
            return
        before, self.saved, self.last = self.saved, typed, time.monotonic()
        shown = self.prompt.default or []  # ticked back as they were shown: nothing kept
        try:
            kept = self.save(self.prompt.id, shown if typed is None else typed)
        except (OSError, JeudisError):
            self.saved = before  # not on disk: tried again at the next change
            self._said(self.unsaved)
        else:
            # False: too large to keep (megabytes pasted), the draft keeping the text
            # kept before; said, as a save the disk refused is (tried again once changed).
            self._said(self.unsaved if kept is False else "")

    def _said(self, warning: str) -> None:
        """The warning under the text being typed, or none (the last one, once saved)."""
        if not keeps_text(self.prompt) or not self.unsaved:
            return
        from prompt_toolkit.validation import ValidationError

        from jeudis.prompt_layout import fitted_refusal

        buffer = self.app.current_buffer
        if warning:
            buffer.validation_error = self.warned = ValidationError(
                message=str(fitted_refusal(warning))
            )
        elif buffer.validation_error is not None and buffer.validation_error is self.warned:
            buffer.validation_error = None
        else:
            return
        self.app.invalidate()
