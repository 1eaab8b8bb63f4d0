"""The prompt on the terminal: its style, and what keeps it whole at any width.

prompt_toolkit draws a prompt for a terminal that neither narrows nor widens,
and cuts at its edge what is wider: a line of keys, a refusal's message, a
choice picked. These pieces, added to a questionary prompt's application,
wrap or shorten each to the room there is, draw the screen anew when the
terminal is resized, and leave a given answer on the screen as far as its end.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import to_filter
from prompt_toolkit.layout import ConditionalContainer, Dimension, Window, walk
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.styles import Style
from prompt_toolkit.validation import DynamicValidator

from jeudis.graphemes import cluster_end
from jeudis.graphemes import width as cells
from jeudis.screen import Fragments, Screen, wrap_text
from jeudis.textsafe import for_terminal

# Every text in the terminal's own colour, told apart by weight and slant: each of
# the sixteen colours is faint on some terminal's palette (bright black is Solarized
# Dark's background, where the keys said in it were not there at all; green and
# yellow fade on a white one). Colour is left to the lines of the boxes and rules,
# whose titles are in the terminal's colour too.
STYLE = Style.from_dict(
    {
        # questionary's own are in colours: its mark's blue, its answer's orange.
        "qmark": "fg:ansidefault bold",
        "question": "bold",
        "counter": "",
        "instruction": "italic",
        "answer": "fg:ansidefault nobold",
        "bottom-toolbar": "noreverse italic",
        "help": "",
        "placeholder": "italic dim",  # an example, not text typed
        "notice": "bold",
        "host": "fg:ansiyellow",
        "host.title": "fg:ansidefault bold",
        "guest": "fg:ansicyan",
        "guest.title": "fg:ansidefault bold",
    }
)


def shortened(text: str, width: int) -> str:
    """``text`` in ``width`` terminal cells at most, cut after a word with "…" if it must
    be (between two characters, as the terminal draws them: see :mod:`jeudis.graphemes`)."""
    if cells(text) <= width:
        return text
    used = end = 0
    while end < len(text):  # where the room ends
        after = cluster_end(text, end)
        used += cells(text[end:after])
        if used > width - 1:
            break
        end = after
    cut = text[:end]
    words = cut.rsplit(" ", 1)[0] if " " in cut[width // 2 :] else cut
    return words.rstrip(" ,;:") + "…"


def left_at_its_end(app: Application[Any]) -> None:
    """The text typed, once given, is left on the screen as far as its end.

    prompt_toolkit leaves the rows around the cursor, no more than the screen holds:
    an answer taller than the screen, finished with the cursor near its start, was
    left cut mid-sentence, as if the rest was lost.
    """
    buffer = app.current_buffer

    def to_the_end(_: object) -> None:
        if app.is_done:
            buffer.cursor_position = len(buffer.text)

    app.before_render += to_the_end


_REDRAWN: weakref.WeakSet[Application[Any]] = weakref.WeakSet()  # asked to, by Ctrl-L


def redraw(app: Application[Any]) -> None:
    """The screen drawn anew, as after a resize (:func:`redrawn_when_resized`)."""
    _REDRAWN.add(app)
    app.invalidate()


def redrawn_when_resized(app: Application[Any], screen: Screen, asking: Callable[[], None]) -> None:
    """A terminal made narrower or wider is cleared; ``asking`` draws the question again
    above the prompt, laid out to the new width, and the prompt is drawn under it.

    prompt_toolkit erases what it drew by going up as many rows as it drew them in.
    A terminal that reflows its lines on a resize (tmux, GNOME Terminal, iTerm2,
    kitty...) had made more rows of them, each cut at the new edge: the rows above
    were left on the screen over the prompt drawn again, the answer twice, the keys
    twice. Where the prompt now starts cannot be known (terminals reflow each their
    own way, some not at all), so the screen is drawn anew from its top. The rows
    above the question go (the review shows every answer again).

    So is it once the terminal has said how it draws emoji (see
    :class:`jeudis.terminal._EmojiProbe`), when the lines above held one the
    terminal had not said of yet (:meth:`Screen.misdrawn`): the welcome box around a
    guest named "Nina 👩‍💻 Roy" was laid out in prompt_toolkit's count, and its
    right border drawn cells off the others' where the terminal draws 👩‍💻 in two.

    The prompt's row is then known: it is the one under the lines drawn. The
    terminal's own answer is not waited for, and one to a question asked before
    the screen was drawn anew (prompt_toolkit asks on each resize, before it draws)
    is of a screen that is gone: the prompt took it for room below, and scrolled
    the top of the question off the screen.
    """
    drawn: list[int] = []  # the width last drawn at
    row: list[int] = []  # the prompt's row (1: the top one), once the screen is drawn anew
    renderer = app.renderer
    reported = renderer.report_absolute_cursor_row

    def report(answer: int) -> None:
        reported(row[0] if row else answer)

    def resized(_: object) -> None:
        width = app.output.get_size().columns
        asked = app in _REDRAWN
        _REDRAWN.discard(app)
        if drawn and (drawn[0] != width or screen.misdrawn() or asked) and not app.is_done:
            app.output.erase_screen()
            app.output.cursor_goto(0, 0)
            renderer.reset(leave_alternate_screen=False)  # drawn from here, whole
            screen.unsure = []
            with screen.drawing_to(app.output):
                asking()
                row[:] = [min(screen.lines_drawn + 1, app.output.get_size().rows)]
            # The rows left under the question, for the keys at the bottom of the screen.
            report(row[0])
        drawn[:] = [width]

    renderer.report_absolute_cursor_row = report  # type: ignore[method-assign,assignment]
    app.before_render += resized


def picked_fitted(app: Application[Any], before: int) -> None:
    """The choice picked, shown after the question once it is picked (``before``
    cells), shortened to the room left on the line: the terminal cut it at its edge
    ("… vous appo" / "rte ?")."""
    from questionary.prompts.common import InquirerControl

    [choices] = [
        w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)
    ]

    def shorten(_: object) -> None:
        picked = choices.get_pointed_at()
        if app.is_done and isinstance(picked.title, str):
            picked.title = shortened(picked.title, app.output.get_size().columns - before - 1)

    app.before_render += shorten


def ticked_shown(app: Application[Any], before: int) -> None:
    """A multiple choice, once given, shows the choices ticked after the question
    ("Vim, Pen and paper"; nothing when none is), shortened to the room left on the
    line (``before`` cells are the question's). questionary said "done (2 selections)",
    in English whatever the guest's language, one choice in brackets, none "done".

    The choices are replaced by that line once only. On a busy machine, prompt_toolkit
    runs the redraw the keys asked for after the answer is given, before its last one:
    replaced again, the line read as no choice ticked, and the answer was left as "›"
    alone."""
    from questionary import Choice
    from questionary.prompts.common import InquirerControl

    [choices] = [
        w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)
    ]
    given = choices.choices

    def show(_: object) -> None:
        if not (app.is_done and choices.is_answered) or choices.choices is not given:
            return
        ticked = [c.title for c in choices.choices if c.value in choices.selected_options]
        text = ", ".join(title for title in ticked if isinstance(title, str))
        room = app.output.get_size().columns - before - 1
        # questionary shows one choice's title as it is when it is a list of pieces.
        shown = Choice([("class:answer", shortened(text, room))], value=object())
        choices.choices, choices.selected_options = [shown], [shown.value]

    app.before_render += show


def fitted_refusal(message: str | None) -> str | bool:
    """A refused answer's message (questionary's validator returns it, or True when the
    answer is fine), word-wrapped to the terminal: see :func:`refusals_on_their_lines`."""
    if message is None:
        return True
    return "\n".join(wrap_text(message, get_app().output.get_size().columns - 1))


def refusals_on_their_lines(app: Application[Any]) -> None:
    """The line that says why an answer is refused takes the lines its message needs:
    prompt_toolkit gives it one, cut at a narrow terminal's edge ("Un nombre de
    followers, par exemple 9 20").

    And it is right under the answer. The window of the text typed took the blank
    rows down to the keys at the screen's bottom, and the message was drawn there,
    or halfway down once it could take rows too. The message's window takes them
    instead, its message at the top, and is kept while there is none, empty: it
    then takes no row the answer needs. A multiple choice's is right under its
    choices (:func:`_choice_refusal_under`).
    """
    typed = app.layout.current_window
    control = typed.content
    # The prompt's own refusals (a choice's are drawn below). A prompt session
    # wraps whatever it is given, None too: a choice's list, under the line kept for
    # a refusal, was pushed down the rows free below the question.
    validator = control.buffer.validator if isinstance(control, BufferControl) else None
    if isinstance(validator, DynamicValidator):
        validator = validator.get_validator()
    checked = validator is not None

    def rows() -> Dimension | None:
        refused = isinstance(control, BufferControl) and control.buffer.validation_error
        return None if refused else Dimension(preferred=0)

    _choice_refusal_under(app)
    for container in walk(app.layout.container):
        if not isinstance(container, ConditionalContainer):
            continue
        window = container.content
        shows = getattr(getattr(window, "content", None), "text", None)
        if isinstance(window, Window) and getattr(shows, "__qualname__", "").startswith(
            "ValidationToolbar."
        ):
            window.height = rows if checked else None
            if checked:
                container.filter = to_filter(True)
                typed.dont_extend_height = to_filter(True)


def _choice_refusal_under(app: Application[Any]) -> None:
    """A multiple choice's refusal ("Au moins 2 choix.") right under its choices, as
    a typed answer's is under it: questionary drew it as the toolbar of a prompt of
    its own, which took the rows down to the screen's bottom row, and showed it
    there, or not at all where the rows below were not known. The choices' list
    takes the rows it needs only: where the rows below are known, it took half of
    those left blank above the keys, and the refusal was drawn halfway down."""
    from questionary.prompts.common import InquirerControl

    lists = [w for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)]
    if not lists:
        return
    lists[0].dont_extend_height = to_filter(True)
    control = lists[0].content
    assert isinstance(control, InquirerControl)
    for container in getattr(app.layout.container, "children", ()):
        if isinstance(container, ConditionalContainer) and not isinstance(
            container.content, Window
        ):  # the refusal's prompt: the choices' and the search's are windows
            container.content = Window(
                FormattedTextControl(lambda: control.error_message or []),
                wrap_lines=True,
                dont_extend_height=True,
            )
            return  # questionary's last: a container added after it is not one


def packed(keys: str, width: int) -> list[str]:
    """The items of ``keys`` (``a · b · c``) packed into lines of fewer than ``width``
    cells, a line breaking between items only (an item wider than a line is alone on it)."""
    lines: list[str] = []
    for item in keys.split(" · ") if keys else []:
        if lines and cells(lines[-1]) + cells(item) + 3 < width:
            lines[-1] += " · " + item
        else:
            lines.append(item)
    return lines


def dimmed_placeholder(text: str) -> Callable[[], Fragments]:
    """The example shown in an empty answer, dimmed, and gone once the answer is given.

    prompt_toolkit draws it as typed text, and leaves it on the answered line:
    a question skipped read as answered "@pseudo".
    """
    shown: Fragments = [("class:placeholder", for_terminal(text))]
    return lambda: [] if get_app().is_done else shown
