"""The terminal asked, at the session's first prompt, how many cells it draws emoji in.

The prompt reads its keys from a pipe, as in :mod:`test_prompter`; standard input and
output are a pseudo-terminal, whose far side reads what the session asks the terminal.
The terminal's answers (ESC [ row ; column R) are typed into the prompt's keys, among
the guest's: they reach the prompt as keys do, whenever the terminal sends them.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from jeudis import graphemes, terminal
from jeudis.graphemes import PROBES, EmojiWidths
from jeudis.paths import series_at
from jeudis.prompter import TerminalPrompter
from jeudis.prompts import prompt_for
from jeudis.questionnaire import find_questionnaire
from jeudis.terminal import typeahead_kept

ENTER, ESC_ENTER = "\r", "\x1b\r"
ASKED = "\x1b[6n"  # where is the cursor?
# A terminal that draws ❤️, 👍🏽, 👩‍💻 and 🇫🇷 in two cells each (prompt_toolkit counts one,
# four, four and four), a half flag in one: the cursor before the probes, then after each.
JOINING = [(12, 5), (12, 7), (12, 7), (12, 7), (12, 7), (12, 6)]


def cursor_at(row: int, column: int) -> str:
    return f"\x1b[{row};{column}R"


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, PipeInput]]:
    """A session not asked yet: (the far side of its terminal, the prompt's keys)."""
    import pty

    monkeypatch.setattr(terminal, "_emoji", terminal._EmojiProbe())
    monkeypatch.delenv("PROMPT_TOOLKIT_NO_CPR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    far, near = pty.openpty()
    os.set_blocking(far, False)
    with (
        os.fdopen(near, "rb", buffering=0, closefd=False) as stdin,
        create_pipe_input() as keys,
        create_app_session(input=keys, output=DummyOutput()),
    ):
        monkeypatch.setattr("sys.stdin", stdin)
        yield far, keys
    graphemes.use_emoji_widths(None)
    os.close(far)
    os.close(near)


@contextlib.contextmanager
def drawn_on_the_terminal() -> Iterator[None]:
    """Standard output on the pseudo-terminal too (set in the test: pytest sets its own
    between a fixture and the test)."""
    saved = sys.stdout
    with os.fdopen(sys.stdin.fileno(), "w", encoding="utf-8", closefd=False) as out:
        sys.stdout = out
        try:
            yield
        finally:
            sys.stdout = saved


def asked(far: int) -> str:
    """What the session wrote to the terminal since last read."""
    written = b""
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(far, 4096):
            written += chunk
    return written.decode()


def answer(keys: PipeInput, typed: str, question: str = "apport") -> str:
    """The answer given at a question of the twitter questionnaire, ``typed`` sent first."""
    found = find_questionnaire(series_at(), "twitter").question(question)
    assert found is not None
    prompter = TerminalPrompter("fr", console=Console(file=io.StringIO(), width=100))
    keys.send_text(typed)
    with drawn_on_the_terminal():
        given = prompter.ask(prompt_for(found, "Question ?", counter="[3/13]"))
    assert isinstance(given, str)
    return given


def test_the_terminal_says_how_wide_it_draws_emoji_among_the_keys_typed(
    session: tuple[int, PipeInput],
) -> None:
    """Nothing waits for the terminal's answers: they come with the keys typed, which
    all reach the answer, in their order. Waiting for them before the prompt delayed
    it by a second on a terminal that never answers."""
    far, keys = session
    replies = [cursor_at(*place) for place in JOINING]
    typed = "é" + replies[0] + "👩\u200d💻" + "".join(replies[1:4]) + " o" + "".join(replies[4:])
    with typeahead_kept():
        given = answer(keys, typed + "k" + ESC_ENTER)
    assert given == "é👩\u200d💻 ok"
    written = asked(far)
    assert written.count(ASKED) == len(PROBES) + 1
    assert all(probe in written for probe in PROBES)
    assert written.endswith("\x1b[K")  # the row cleared of the probes
    assert graphemes.emoji_widths() == EmojiWidths(2, 2, 2, 2, 1)
    with typeahead_kept():
        assert answer(keys, "encore" + ESC_ENTER) == "encore"
    assert ASKED not in asked(far)  # once a session


def test_the_answers_that_come_after_the_prompt_reach_the_next(
    session: tuple[int, PipeInput],
) -> None:
    _, keys = session
    replies = [cursor_at(*place) for place in JOINING]
    with typeahead_kept():
        assert answer(keys, "Depuis 2007" + ENTER, "depuis-quand") == "Depuis 2007"
        assert graphemes.emoji_widths() == graphemes.PER_CODE_POINT  # not said yet
        assert answer(keys, "".join(replies) + "oui" + ESC_ENTER) == "oui"
    assert graphemes.emoji_widths() == EmojiWidths(2, 2, 2, 2, 1)


def test_a_terminal_that_does_not_say_keeps_prompt_toolkit_s_count(
    session: tuple[int, PipeInput],
) -> None:
    far, keys = session
    with typeahead_kept():
        assert answer(keys, "un" + ESC_ENTER) == "un"
        assert answer(keys, "deux" + ESC_ENTER) == "deux"
    assert asked(far).count(ASKED) == len(PROBES) + 1  # asked once
    assert graphemes.emoji_widths() == graphemes.PER_CODE_POINT


def test_probes_drawn_on_two_rows_are_no_answer(session: tuple[int, PipeInput]) -> None:
    """A probe that went on to the next row: its column says nothing of its cells."""
    _, keys = session
    # The cursor at column 1 before the probes: the third went on the next row (the
    # screen scrolled under it, say), the columns alone would read as two cells.
    places = [(12, 1), (12, 3), (12, 3), (13, 3), (13, 3), (13, 2)]
    with typeahead_kept():
        answer(keys, "".join(cursor_at(*place) for place in places) + "x" + ESC_ENTER)
    assert graphemes.emoji_widths() == graphemes.PER_CODE_POINT


def test_the_terminal_is_not_asked_outside_the_session_s_mode(
    session: tuple[int, PipeInput],
) -> None:
    """There the terminal would echo its answers over the screen."""
    far, keys = session
    assert answer(keys, "x" + ESC_ENTER) == "x"
    assert ASKED not in asked(far)


def test_a_fault_that_comes_again_is_written_down_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A redraw's fault comes again at each redraw, the prompt's last one too: one report."""
    import tempfile
    from types import SimpleNamespace

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(terminal, "faulted", False)
    monkeypatch.setattr(terminal, "fault_report", None)
    paused: list[bool] = []
    app = SimpleNamespace(future=None)
    terminal._faults_pause(app, lambda: paused.append(True))  # type: ignore[arg-type]

    for _ in range(3):
        app._handle_exception(None, {"exception": RuntimeError("drawn wrong")})

    [report] = tmp_path.glob("jeudis-fault-*.txt")
    assert terminal.faulted and terminal.fault_report == report
    assert "RuntimeError: drawn wrong" in report.read_text(encoding="utf-8")
    assert paused == [True, True, True]  # asked to pause each time; the prompt leaves once
