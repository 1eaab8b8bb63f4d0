"""The review at the end of the live session: every answer in a table, then the
question to change picked (or none: all good), laid out anew when the terminal is
resized. Imported with :mod:`jeudis.prompter`, by the commands that run a session.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.key_binding import merge_key_bindings
from prompt_toolkit.utils import get_cwidth

from jeudis import terminal
from jeudis.prompt_keys import keys_for
from jeudis.prompt_layout import STYLE, picked_fitted, redrawn_when_resized, shortened
from jeudis.prompt_toolbar import Key, toolbar_under_choices
from jeudis.prompt_toolbar import fitted as fitted_keys
from jeudis.prompts import BACK
from jeudis.rich_cells import laid_out, print_laid_out, put_back
from jeudis.screen import Screen
from jeudis.softwrap_cells import drawn_whole
from jeudis.textsafe import for_terminal

if TYPE_CHECKING:
    from rich.console import Console


# The characters of an answer the review's table shows: a dozen long answers in full
# would push the first ones out of a terminal's history before the guest reads them.
_SHOWN_AT_MOST = 280


def pick_to_change(
    console: Console,
    screen: Screen,
    text: dict[str, str],
    rows: list[tuple[str, str, str]],
    keys: Sequence[Key] = (),
) -> str | None:
    """The review: every answer in a table (``rows``: id, label, answer as shown), then
    the question to change picked, or None for "all good"; Page↑ picks the last.
    ``keys``: its toolbar's."""
    from rich.table import Table  # the review only: not on the way to the first question

    from jeudis.textsafe import markup_escape as escape

    table = Table(title=text["review_title"], show_lines=True, expand=True)
    table.add_column(text["question_col"], ratio=2)
    table.add_column(text["answer_col"], ratio=3)
    for _, label, shown in rows:
        answer = for_terminal(shown) or text["skipped"]
        if len(answer) > _SHOWN_AT_MOST:
            # Cut between words, and said: the guest reads the rest by picking it.
            cut = answer[: _SHOWN_AT_MOST - 1]
            cut = cut[: cut.rfind(" ")] if cut.rfind(" ") > _SHOWN_AT_MOST // 2 else cut
            answer = f"{cut.rstrip()}…\n{text['review_more']}"
        # Laid out in the cells the terminal draws emoji in: see jeudis.rich_cells.
        table.add_row(escape(laid_out(for_terminal(label))), escape(laid_out(answer)))
    console.print()
    try:
        print_laid_out(console, table)
    except KeyboardInterrupt:
        _cut_short(console)
        raise

    def asking() -> None:
        """The question and its keys above the choices, as every choice's: wrapped
        between words to the terminal, and left as they are on a pause."""
        screen.wrapped([("class:question", text["review_change"])])
        screen.wrapped([("class:instruction", text["keys_select"])])

    asking()
    done = questionary.Choice(text["review_done"], value="")
    # Picked by its question's id: two follow-ups may read alike once shortened.
    written = [for_terminal(label) for _, label, _ in rows]
    labels = aligned(written)
    picks = [
        questionary.Choice(label, value=qid)
        for (qid, _, _), label in zip(rows, labels, strict=True)
    ]
    # On questionary's line, the keys read as an answer given once paused, and
    # the terminal broke them mid-word ("pu" / "is Entrée") where it was narrow.
    question = questionary.select(
        "", choices=[done, *picks], style=STYLE, qmark="›", instruction=" "
    )
    app: Application[Any] = question.application
    app.key_bindings = merge_key_bindings(
        [b for b in (app.key_bindings, keys_for(None)) if b is not None]
    )
    # The choices quote answers: their emoji drawn in the terminal's cells, not
    # prompt_toolkit's count (see jeudis.softwrap_cells), shortened to fit in them.
    stand_ins = drawn_whole(app)
    if keys:
        toolbar_under_choices(app, fitted_keys(keys))
    given = dict(zip(picks, written, strict=True))
    app.before_render += lambda _: _unaligned(app, given, stand_ins.laid)
    picked_fitted(app, get_cwidth("›  "))  # after: shortens what the line above gives

    def fitted() -> None:
        """A choice wider than the terminal was cut at its edge, mid-word: shortened."""
        room = screen.width - 4  # " » " before it
        for pick, label in zip(picks, labels, strict=True):
            pick.title = stand_ins.laid(shortened(label, room))

    def reviewing() -> None:
        """The table and the choices laid out anew, to the terminal's new width."""
        _draw(console, screen, table, app.output.get_size().columns)
        asking()
        fitted()

    fitted()
    redrawn_when_resized(app, screen, reviewing)
    picked = terminal.ask(question)
    if picked is BACK:  # Page↑ from the review: the last question again
        return rows[-1][0] if rows else None
    return str(picked) if picked else None


def _cut_short(console: Console) -> None:
    """The table's row Ctrl-C cut as it was drawn (a long interview, a slow terminal)
    ended, in the terminal's own colours, its cursor shown: the pause said after was
    written under half a row, in whatever the cut left on."""
    with contextlib.suppress(OSError, ValueError):  # the terminal gone: nothing to end
        if console.is_terminal:
            console.file.write("\x1b[0m\x1b[?25h")
        console.file.write("\n")
        console.file.flush()


_NUMBERED = re.compile(r"[0-9]+(?=\. )")


def aligned(labels: list[str]) -> list[str]:
    """The questions' numbers right-aligned, as `inspect` has them: " 9." above "10."."""
    numbers = [_NUMBERED.match(label) for label in labels]
    width = max((len(number.group()) for number in numbers if number), default=0)
    return [
        label.rjust(len(label) + width - len(number.group())) if number else label
        for label, number in zip(labels, numbers, strict=True)
    ]


def _unaligned(app: Application[Any], given: dict[Any, str], laid: Callable[[str], str]) -> None:
    """The question picked, once picked, whole and without the spaces aligning it."""
    from questionary.prompts.common import InquirerControl

    if not app.is_done:
        return
    for window in app.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            picked = window.content.get_pointed_at()
            if picked in given:
                picked.title = laid(given[picked])


def _draw(console: Console, screen: Screen, renderable: Any, width: int) -> None:
    """Something rich draws (the review's table), ``width`` cells wide, drawn through
    the screen: from inside a running prompt, on its output, its lines counted."""
    import io

    from prompt_toolkit.formatted_text import ANSI, to_formatted_text
    from rich.console import Console as RichConsole

    drawn = io.StringIO()
    colours = console.color_system  # as the rest of the review: NO_COLOR holds
    RichConsole(
        file=drawn, width=width, force_terminal=colours is not None, highlight=False, emoji=False
    ).print(renderable)
    for line in put_back(drawn.getvalue()).splitlines():
        screen.line([(style, text) for style, text, *_ in to_formatted_text(ANSI(line))])
