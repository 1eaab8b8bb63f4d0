"""The session's screens laid out in the cells the terminal said it draws emoji in:
the boxes, the questions' lines, the review's table and choices, the last screen.

prompt_toolkit counts 👩‍💻 four cells, rich two; a terminal draws it in two (kitty),
or as tmux 3.3 does. How the terminal draws them is set here as if it had said so
(see :class:`jeudis.terminal._EmojiProbe`).
"""

from __future__ import annotations

import io
import itertools
import re
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.cells import cell_len
from rich.console import Console

from jeudis import graphemes
from jeudis.graphemes import EmojiWidths
from jeudis.interview import Interview
from jeudis.paths import series_at
from jeudis.prompt_layout import STYLE, shortened
from jeudis.prompter import TerminalPrompter
from jeudis.prompts import prompt_for
from jeudis.questionnaire import find_questionnaire
from jeudis.screen import Screen, wrap_text

TIMEOUT = 10  # seconds: a loaded machine's

JOINING = EmojiWidths(selected=2, toned=2, joined=2, flag=2, half_flag=2)  # kitty, WezTerm
TMUX_3_3 = EmojiWidths(selected=1, toned=4, joined=2, flag=2, half_flag=1)
GUEST = "Nina 👩\u200d💻 Roy ❤\ufe0f 👍🏽 🇫🇷"
cells = graphemes.width
# The stand-ins' code points (see jeudis.rich_cells, jeudis.softwrap_cells).
RIGHT = "\x1b[C"
STAND_INS = re.compile("[\U00032400-\U0003fffd\U0010e000-\U0010fffd\U000f0000-\U000ffffd]")


@pytest.fixture
def terminal_draws() -> Iterator[Callable[[EmojiWidths | None], None]]:
    """Sets how the terminal draws emoji (as it said), for the test only."""
    yield graphemes.use_emoji_widths
    graphemes.use_emoji_widths(None)


def interview(guest: str = GUEST) -> Interview:
    return Interview(questionnaire="twitter", guest=guest, slug="nina", title="T", register="tu")


@pytest.mark.parametrize("widths", [None, JOINING, TMUX_3_3])
def test_a_box_around_an_emoji_has_its_border_where_the_others_are(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths | None
) -> None:
    terminal_draws(widths)
    out = io.StringIO()
    screen = Screen(STYLE, file=out, width=60)
    screen.box(f"Bienvenue, {GUEST} !", [f"Interview de {GUEST}", "", GUEST * 4], "guest", 1)
    lines = out.getvalue().splitlines()
    assert GUEST in lines[0] and any(f"de {GUEST}" in line for line in lines)
    assert [cells(line) for line in lines] == [60] * len(lines)


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_a_line_is_wrapped_in_the_terminal_s_cells(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths
) -> None:
    """Counted as prompt_toolkit counts them, ❤️ (one cell, two in kitty) went past the
    edge, and a line of 👩‍💻 (four, two in both) was cut with room left."""
    terminal_draws(widths)
    hearts, coders = " ".join(["❤\ufe0f"] * 12), " ".join(["👩\u200d💻"] * 12)
    for text, width in ((hearts, 15), (coders, 35)):
        lines = wrap_text(text, width)
        assert " ".join(lines) == text
        assert all(cells(line) <= width for line in lines), lines
        for line, after in itertools.pairwise(lines):  # the next word had no room
            assert cells(f"{line} {after.split()[0]}") > width


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_a_choice_is_shortened_between_characters_to_the_terminal_s_cells(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths
) -> None:
    terminal_draws(widths)
    for emoji in ("❤\ufe0f", "👍🏽", "👩\u200d💻", "🇫🇷"):
        short = shortened("Q " + emoji * 40, 21)
        assert short.endswith("…") and cells(short) <= 21
        assert cells(short) > 21 - cells(emoji) - 1  # no room left for one more
        body = short[2:-1]
        assert body == emoji * (len(body) // len(emoji))  # never inside one


REVIEW = [
    ("mot", "1. Un mot ?", f"Code {GUEST} fin"),
    ("suite", f"2. Tu as dit « Code {GUEST} fin » : pourquoi ?", "Parce que ❤\ufe0f " * 6),
]


def reviewed(widths: int = 60) -> list[str]:
    """The review's table as the console got it (the choice then picked: all good)."""
    out = io.StringIO()
    prompter = TerminalPrompter("fr", console=Console(file=out, width=widths, color_system=None))
    prompter.screen = Screen(STYLE, file=io.StringIO(), width=widths)
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text("\r")
        assert prompter.review(interview(), REVIEW) is None
    return [line for line in out.getvalue().splitlines() if line]


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_the_review_s_table_has_its_borders_where_the_terminal_draws_them(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths
) -> None:
    """rich counts 👍🏽 two cells, ❤️ two: tmux draws them in four and one, and the
    row holding one was drawn wider than the others, its border taken to the next row."""
    terminal_draws(widths)
    table = reviewed()[1:]  # under its title
    assert [cells(line) for line in table] == [60] * len(table)
    assert not any(STAND_INS.search(line) for line in table)
    shown = "".join(table)
    assert all(emoji in shown for emoji in ("👩\u200d💻", "❤\ufe0f", "👍🏽", "🇫🇷"))


def test_where_the_terminal_has_not_said_rich_counts_as_it_does() -> None:
    from jeudis.rich_cells import laid_out

    table = reviewed()[1:]
    assert [cell_len(line) for line in table] == [60] * len(table)
    assert laid_out(GUEST) == GUEST


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_the_last_screen_s_box_has_its_border_where_the_terminal_draws_it(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths
) -> None:
    terminal_draws(widths)
    out = io.StringIO()
    prompter = TerminalPrompter("fr", console=Console(file=out, width=80, color_system=None))
    prompter.screen = Screen(STYLE, file=io.StringIO(), width=60)
    prompter.thanks(interview())
    box = [line for line in out.getvalue().splitlines() if line]
    assert GUEST in box[0]
    assert [cells(line) for line in box] == [60] * len(box)


def test_a_stand_in_rich_cut_leaves_blanks_in_its_cells(
    terminal_draws: Callable[[EmojiWidths | None], None],
) -> None:
    """A word wider than its column is cut at its edge, a stand-in with it."""
    from jeudis.rich_cells import laid_out, put_back

    terminal_draws(TMUX_3_3)
    laid = laid_out("👍🏽")  # four cells: two stand-ins of two
    assert laid != "👍🏽" and cell_len(laid) == 4
    assert put_back(f"a{laid}b") == "a👍🏽b"
    assert put_back(f"a{laid[0]}|\n{laid[1]}b") == "a  |\n  b"


class _Output(DummyOutput):
    """A terminal 60 columns wide, that notes when it is cleared."""

    def __init__(self) -> None:
        self.cleared = 0

    def get_size(self) -> Size:
        return Size(rows=30, columns=60)

    def erase_screen(self) -> None:
        self.cleared += 1


@pytest.mark.parametrize(("widths", "cleared"), [(JOINING, 1), (graphemes.PER_CODE_POINT, 0)])
def test_the_host_s_box_is_drawn_anew_once_the_terminal_says_how_it_draws_emoji(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths, cleared: int
) -> None:
    """Drawn before the first prompt asked the terminal, in prompt_toolkit's count: its
    border two cells left of the others' on the guest's row. Not when the terminal
    draws them as counted."""
    out = io.StringIO()
    output = _Output()
    prompter = TerminalPrompter("fr", console=Console(file=out, width=60, color_system=None))
    prompter.screen = Screen(STYLE, file=out, width=60)
    questionnaire = find_questionnaire(series_at(), "twitter")
    field = questionnaire.fields[0]
    guest = "Nina 👩\u200d💻 Roy"
    prompter.host_part(interview(guest), questionnaire)

    # The terminal's answer comes as keys do (see jeudis.terminal._EmojiProbe): then a key.
    # In this order, however loaded the machine (three timers did not keep it), and
    # Enter once the box is drawn anew (or, when it should not be, a while after).
    def terminal_answers_then_keys() -> None:
        terminal_draws(widths)
        keys.send_text(RIGHT)
        deadline = time.monotonic() + (TIMEOUT if cleared else 0.3)
        while output.cleared < cleared and time.monotonic() < deadline:
            time.sleep(0.01)
        keys.send_text("\r")

    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        answer = threading.Timer(0.2, terminal_answers_then_keys)
        answer.start()
        prompter.ask(prompt_for(field, "Site ?", counter="[1/4]"))
        answer.join()
    assert output.cleared == cleared
    boxes = out.getvalue().split("╭─ ")[1:]
    assert len(boxes) == 1 + cleared
    last = [line for line in ("╭─ " + boxes[-1]).splitlines() if line.startswith(("╭", "│", "╰"))]
    assert guest in "".join(last)
    assert [cells(line) for line in last] == [60] * len(last)


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_the_review_s_choices_are_drawn_with_their_emoji_in_the_terminal_s_cells(
    terminal_draws: Callable[[EmojiWidths | None], None], widths: EmojiWidths
) -> None:
    """prompt_toolkit lays them out with stand-ins of the terminal's cells: what reaches
    the terminal is the emoji, whole, the choice shortened to fit in those cells."""
    from prompt_toolkit.output.vt100 import Vt100_Output

    terminal_draws(widths)
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=30, columns=60), term="xterm")
    prompter = TerminalPrompter("fr", console=Console(file=io.StringIO(), width=60))
    prompter.screen = Screen(STYLE, file=io.StringIO(), width=60)
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text("\x1b[B\x1b[B\r")  # the second question, quoting the answer
        assert prompter.review(interview(), REVIEW) == "suite"
    drawn = written.getvalue()
    assert not STAND_INS.search(drawn)
    label = shortened(REVIEW[1][1], 56)
    assert "Code " + GUEST in label and label in drawn
