"""The installed ``jeudis`` driven in a pseudo-terminal, keys and all.

These tests type what a host and a guest type: the host's fields, the hand-over,
thirteen answers (one of several paragraphs and a bullet list), a step back with
Page Up, the review, and they interrupt sessions the ways sessions get
interrupted (Ctrl-C, ``kill -9``, SIGTERM, SIGHUP). Before typing, each step
waits for its ``[n/N]`` counter and then for the prompt's mark, so nothing is
typed before the prompt reads the keyboard.

``JEUDIS_PTY_TIMEOUT`` (seconds, default 15) bounds every wait.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path

import pexpect
import pyte
import pytest
from wcwidth import wcwidth

from export_helpers import check_snapshot
from jeudis import storage
from jeudis.files import MAX_FILE_SIZE
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import series_at
from jeudis.questionnaire import find_questionnaire
from jeudis.session import interview_context
from jeudis.starting import Options, create, prepare
from support import LU, PORTRAITS_V1, PORTRAITS_V2, REPO, Invoke, interview_files

pytestmark = pytest.mark.pty

JEUDIS = Path(sys.executable).parent / "jeudis"
TIMEOUT = float(os.environ.get("JEUDIS_PTY_TIMEOUT", "15"))
ROWS, COLUMNS = 40, 120
PROMPT_MARK = "›"  # the mark every prompt draws when it is ready for keys


class Keyboard(StrEnum):
    ENTER = "\r"
    ESC_ENTER = "\x1b\r"  # finishes a long answer
    ESC = "\x1b"  # then Enter, however long after, finishes it too
    PAGE_UP = "\x1b[5~"  # previous question
    SHIFT_TAB = "\x1b[Z"  # previous question too, on a keyboard with no Page Up
    UP = "\x1b[A"
    LEFT = "\x1b[D"
    BACKSPACE = "\x7f"
    DOWN = "\x1b[B"
    HOME = "\x1b[H"
    END = "\x1b[F"
    CTRL_C = "\x03"
    CTRL_D = "\x04"
    CTRL_U = "\x15"  # clear what is before the cursor
    CTRL_F = "\x06"  # the host's follow-up question
    CTRL_X_CTRL_E = "\x18\x05"  # open $EDITOR


GUEST = "Gilles Klein"
FIELDS = ["https://www.arretsurimages.net", "@gillesklein", "", "Gilles Klein, journaliste."]
MULTI_PARAGRAPH = (
    "Trois usages, surtout :\n"
    "\n"
    "- la veille ;\n"
    "- le partage de liens (https://www.arretsurimages.net) ;\n"
    "- les rencontres 😉\n"
    "\n"
    "Et un peu de « bavardage », aussi."
)
ANSWERS = [
    "Depuis mars 2007.",
    "9 200",
    MULTI_PARAGRAPH,
    "Une veille permanente.",
    "« Hello world »",
    "Bonne nuit 😉",
    "Une soirée à Paris…",
    "Écouter avant de parler.",
    "Radieux.",
    "Twitter, sans hésiter.",
    "Non, je tweete simplement.",
    "Barack Obama",
    "Les robots.",
]
LONG = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}  # question numbers with long answers


@pytest.fixture(autouse=True)
def _installed() -> None:
    if not JEUDIS.is_file():  # pragma: no cover - a broken install
        pytest.fail(f"no jeudis console script next to {sys.executable}")


class _Terminal(pyte.Screen):  # type: ignore[misc]
    """The screen of the pseudo-terminal, fed everything the process writes.

    Given the process, it answers what a terminal answers (where the cursor is).
    """

    def __init__(self, columns: int, rows: int, process: pexpect.spawn | None) -> None:
        super().__init__(columns, rows)
        self.stream = pyte.Stream(self)
        self.process = process

    def write(self, data: str) -> None:  # pexpect's logfile_read
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def write_process_input(self, data: str) -> None:
        if self.process is not None:
            self.process.send(data)

    def reflowed(self, columns: int) -> None:
        """Made ``columns`` wide as a terminal that reflows its lines (tmux, GNOME
        Terminal, kitty...) is made narrower: a line wider than that goes on as many
        rows as it needs, the rows above it go up, the cursor stays on its letter."""
        lines: list[list[object]] = []
        at = (0, 0)
        for y in range(self.lines):
            row = [self.buffer[y][x] for x in range(self.columns)]
            while row and row[-1].data == " " and (y != self.cursor.y or len(row) > self.cursor.x):
                row.pop()
            if y == self.cursor.y:
                at = (len(lines) + self.cursor.x // columns, self.cursor.x % columns)
            lines.extend(row[start : start + columns] for start in range(0, len(row) or 1, columns))
        while len(lines) > self.lines and lines[-1] == [] and len(lines) - 1 > at[0]:
            lines.pop()  # blank rows at the bottom go first
        top = max(len(lines) - self.lines, 0)
        self.resize(self.lines, columns)
        self.buffer.clear()
        for y, row in enumerate(lines[top:]):
            for x, char in enumerate(row):
                self.buffer[y][x] = char
        self.cursor.y, self.cursor.x = at[0] - top, at[1]


class _EmojiTerminal(_Terminal):
    """A terminal that draws an emoji of several code points as one character, two
    cells wide, as kitty, WezTerm, foot or iTerm2 do (pyte draws each code point on
    its own, and drops what follows a joiner): a flag, an emoji and its skin tone, one
    an emoji selector makes (❤️ in two cells), emoji joined by zero-width joiners."""

    def __init__(self, columns: int, rows: int, process: pexpect.spawn | None) -> None:
        super().__init__(columns, rows, process)
        self.last: tuple[int, int, int] | None = None  # the last character's row, column, cells
        self.joining = False  # a joiner was the last code point

    def draw(self, data: str) -> None:
        for char in data:
            last = self.last
            if last is None or (self.cursor.y, self.cursor.x) != (last[0], last[1] + last[2]):
                last = self.last = None  # the cursor moved since: nothing to join
            cell = None if last is None else self.buffer[last[0]][last[1]]
            if last is None or cell is None or not self._joins(cell.data, char):
                self.joining = False
                x = self.cursor.x
                super().draw(char)
                if self.cursor.x > x:
                    self.last = (self.cursor.y, x, self.cursor.x - x)
                continue
            self.joining = char == "\u200d"
            self.buffer[last[0]][last[1]] = cell._replace(data=cell.data + char)
            if char == "\ufe0f" and last[2] == 1:  # an emoji now: two cells
                self.buffer[last[0]][last[1] + 1] = cell._replace(data="")
                self.cursor.x += 1
                self.last = (last[0], last[1], 2)

    def _joins(self, drawn: str, char: str) -> bool:
        """Whether ``char`` is drawn in the cell of the character ``drawn``."""
        flag = "\U0001f1e6" <= char <= "\U0001f1ff"
        return (
            self.joining
            or char in "\u200d\ufe0f"
            or ("\U0001f3fb" <= char <= "\U0001f3ff" and drawn >= "\U0001f000")
            or (flag and len(drawn) == 1 and "\U0001f1e6" <= drawn <= "\U0001f1ff")
            or (not flag and wcwidth(char) == 0)
        )

    @property
    def display(self) -> list[str]:
        """The rows as shown (pyte's own takes a character for one code point)."""
        return [
            "".join(self.buffer[y][x].data for x in range(self.columns)) for y in range(self.lines)
        ]

    def cursor_at_end_of(self, y: int) -> int:
        """The column after the last character drawn on row ``y``."""
        row = self.buffer[y]
        used = [x for x in range(self.columns) if row[x].data not in ("", " ")]
        if not used:
            return 0
        return used[-1] + (2 if used[-1] + 1 < self.columns and row[used[-1] + 1].data == "" else 1)


def _as_from_a_terminal() -> None:
    """Ctrl-C interrupts, as in a terminal: a suite run in the background (``nohup
    pytest &``) ignores SIGINT, and an ignored signal stays ignored in a child, so
    Python set no handler and Ctrl-C left an export running to its end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Jeudis:
    """One ``jeudis`` process in a pseudo-terminal."""

    def __init__(
        self,
        series: Path,
        *args: str,
        program: Path | str = JEUDIS,
        columns: int = COLUMNS,
        rows: int = ROWS,
        cpr: bool = False,
        terminal: type[_Terminal] = _Terminal,
        encoding: str = "utf-8",  # the terminal's: what it sends, how it reads what it gets
        **extra_env: str,
    ) -> None:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("NO_COLOR", "COLUMNS", "LINES", "FORCE_COLOR")
        }
        env.update(
            TERM="xterm-256color",
            JEUDIS_DIR=str(series),
            PROMPT_TOOLKIT_NO_CPR="1",  # nobody answers cursor-position requests here
            LANG="C.UTF-8",
        )
        if cpr:  # the emulated screen answers them, as a terminal does
            del env["PROMPT_TOOLKIT_NO_CPR"]
        env.update(extra_env)
        self.child = pexpect.spawn(
            str(program),
            list(args),
            env=env,
            cwd=str(series),
            dimensions=(rows, columns),
            encoding=encoding,
            codec_errors="replace",
            timeout=TIMEOUT,
            preexec_fn=_as_from_a_terminal,
        )
        self.seen = ""
        self.terminal = terminal(columns, rows, self.child if cpr else None)
        self.child.logfile_read = self.terminal

    def screen(self) -> list[str]:
        """The terminal's screen as the guest sees it now, line by line (pyte emulates it)."""
        lines = [line.rstrip() for line in self.terminal.display]
        while lines and not lines[-1]:
            lines.pop()
        return lines

    def on_screen(self, text: str) -> list[str]:
        """Read until ``text`` is on the screen (not merely in the stream); the screen."""
        deadline = time.monotonic() + TIMEOUT
        shown = self.screen()
        while not any(text in line for line in shown):
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} never on the screen:\n" + "\n".join(shown))
            with contextlib.suppress(pexpect.TIMEOUT):
                self.seen += self.child.read_nonblocking(4096, timeout=0.1)
            shown = self.screen()
        return shown

    def until(self, check: Callable[[], bool], what: str) -> None:
        """Read until ``check()`` holds of the screen (``what`` it waits for, if never)."""
        deadline = time.monotonic() + TIMEOUT
        while not check():
            if time.monotonic() > deadline:
                pytest.fail(f"never {what}:\n" + "\n".join(self.screen()))
            with contextlib.suppress(pexpect.TIMEOUT):
                self.seen += self.child.read_nonblocking(4096, timeout=0.1)

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)
        self.seen += (self.child.before or "") + text

    def expect_prompt(self, marker: str) -> None:
        """Wait for ``marker`` (a counter, a title), then for the prompt to be ready."""
        self.expect(marker)
        self.expect(PROMPT_MARK)

    def type(self, text: str) -> None:
        # In a long answer, Enter is a new line; the pty turns "\n" into nothing useful.
        self.child.send(text.replace("\n", Keyboard.ENTER.value))

    def press(self, key: Keyboard) -> None:
        self.child.send(key.value)

    def answer(self, number: int, text: str, total: int = 13) -> None:
        self.expect_prompt(f"[{number}/{total}]")
        self.type(text)
        self.press(Keyboard.ESC_ENTER if number in LONG else Keyboard.ENTER)

    def wait(self) -> int:
        """Read to the end; return the exit code (128 + n when killed by signal n)."""
        self.child.expect(pexpect.EOF)
        self.seen += self.child.before or ""
        self.child.close()
        if self.child.signalstatus is not None:
            return 128 + int(self.child.signalstatus)
        return int(self.child.exitstatus)

    def terminate(self) -> None:
        if self.child.isalive():
            self.child.kill(signal.SIGKILL)
            self.child.close(force=True)


@pytest.fixture
def sessions() -> Iterator[list[Jeudis]]:
    started: list[Jeudis] = []
    yield started
    for session in started:
        session.terminate()


@pytest.fixture
def jeudis(series: Path, sessions: list[Jeudis]) -> type[Jeudis]:
    class Tracked(Jeudis):
        def __init__(
            self,
            *args: str,
            columns: int = COLUMNS,
            rows: int = ROWS,
            cpr: bool = False,
            terminal: type[_Terminal] = _Terminal,
            **extra_env: str,
        ) -> None:
            super().__init__(
                series, *args, columns=columns, rows=rows, cpr=cpr, terminal=terminal, **extra_env
            )
            sessions.append(self)

    return Tracked  # type: ignore[return-value]


def host_part(session: Jeudis, fields: list[str] = FIELDS) -> None:
    for number, value in enumerate(fields, 1):
        session.expect_prompt(f"[{number}/4]")
        session.type(value)
        session.press(Keyboard.ESC_ENTER if number == 4 else Keyboard.ENTER)


def hand_over(session: Jeudis, guest: str = GUEST, *, then: str = "commencer") -> None:
    session.expect(f"Bienvenue, {guest} !")
    session.expect("13 questions")
    session.expect(f"Entrée pour {then}")
    session.press(Keyboard.ENTER)


def welcome_back(session: Jeudis) -> None:
    """The welcome of `jeudis resume`, to a guest who had begun: "pour reprendre"."""
    hand_over(session, then="reprendre")


def answer_each(session: Jeudis, numbers: range) -> None:
    """The questions ``numbers`` answered in turn, each with its answer of ``ANSWERS``."""
    for number in numbers:
        session.answer(number, ANSWERS[number - 1])


def finish_review(session: Jeudis) -> None:
    session.expect("Relecture")
    session.expect("Modifier une réponse ?")  # drawn by the running prompt itself
    session.press(Keyboard.ENTER)  # the first choice: all good, finish


def start(jeudis: type[Jeudis], guest: str = GUEST) -> Jeudis:
    return jeudis("new", "twitter", "--guest", guest, "--register", "vous", "--gender", "m")


def typing_at(jeudis: type[Jeudis], question: int, text: str) -> Jeudis:
    """A session with the answers before ``question`` given, ``text`` typed at it."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, question))
    session.expect_prompt(f"[{question}/13]")
    session.type(text)
    session.expect(text.rsplit("\n", 1)[-1])
    return session


def the_interview(series: Path) -> Interview:
    [path] = interview_files(series)
    return load_interview(path)


def values(interview: Interview) -> list[object]:
    return [a.value for a in interview.answers]


EXPECTED = ANSWERS  # as typed: the followers answer is text


# -- (a) a whole interview, typed live --------------------------------------------------


def test_a_whole_interview_typed_live(jeudis: type[Jeudis], series: Path) -> None:
    session = start(jeudis)
    session.expect("Partie de l’hôte")
    host_part(session)
    hand_over(session)

    answer_each(session, range(1, 5))
    # One step back from question 5: question 4 comes back with its answer prefilled.
    session.expect_prompt("[5/13]")
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[4/13]")
    session.expect(ANSWERS[3])
    session.type(" Et quotidienne.")
    session.press(Keyboard.ESC_ENTER)
    answer_each(session, range(5, 14))

    finish_review(session)
    session.expect("Merci, Gilles Klein !")
    session.expect("Saved:")
    session.expect("jeudis export gilles-klein")
    assert session.wait() == 0

    interview = the_interview(series)
    assert interview.status == "complete"
    assert interview.fields == {
        "site": FIELDS[0],
        "twitter": FIELDS[1],
        "photo": "",
        "intro": FIELDS[3],
    }
    expected = list(EXPECTED)
    expected[3] = "Une veille permanente. Et quotidienne."
    assert values(interview) == expected
    assert interview.answers[10].question == "Vous considérez-vous comme un twittos influent ?"
    text = (series / "interviews" / "gilles-klein.toml").read_text(encoding="utf-8")
    assert 'answer = """\nTrois usages, surtout :\n\n- la veille ;\n' in text
    assert '- les rencontres 😉\n\nEt un peu de « bavardage », aussi."""' in text
    assert not list((series / "interviews").glob(".*"))  # no lock or temporary file left


CURSOR_POSITION_REQUEST = "\x1b[6n"


def test_a_terminal_that_never_answers_where_the_cursor_is_is_asked_once(
    jeudis: type[Jeudis],
) -> None:
    """Each prompt would ask again, then wait a second for the answer when it ends."""
    # The terminal is asked (prompt_toolkit's switch is off) and never answers.
    session = jeudis(
        "new", "twitter", "--guest", GUEST, "--register", "vous", PROMPT_TOOLKIT_NO_CPR=""
    )
    session.expect_prompt("[1/4]")
    assert CURSOR_POSITION_REQUEST in session.seen  # the first prompt asks
    session.type(FIELDS[0])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/4]")
    first = len(session.seen)
    session.type(FIELDS[1])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/4]")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[4/4]")
    session.type(FIELDS[3])
    session.press(Keyboard.ESC_ENTER)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    assert CURSOR_POSITION_REQUEST not in session.seen[first:]
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_keys_typed_ahead_of_a_question_leave_the_keys_shown_on_the_next(
    jeudis: type[Jeudis],
) -> None:
    """A prompt that starts with keys already typed does not ask where the cursor is
    (prompt_toolkit's way), and that was taken for a terminal that never answers: the
    session stopped asking, and no question after it showed the keys at the bottom."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", cpr=True)
    session.expect_prompt("[1/4]")
    session.type(FIELDS[0] + Keyboard.ENTER + FIELDS[1] + Keyboard.ENTER)  # [2/4]'s typed ahead
    session.expect_prompt("[3/4]")
    shown = session.on_screen(" Entrée : valider")
    assert shown[-1].startswith(" Entrée : valider") and len(shown) == ROWS, "\n".join(shown)
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_the_first_question_is_asked_without_rich_json_or_the_export_machinery(
    series: Path, sessions: list[Jeudis]
) -> None:
    """The host waits for the first question: it is drawn with prompt_toolkit, which the
    prompts need anyway, and nothing else is loaded on the way (rich comes with the
    review, json with a listing's cache or ``--json``)."""
    code = (
        "import sys\n"
        "sys.argv = ['jeudis', 'new', 'twitter', '--guest', 'Eve']\n"
        "from jeudis.prompter import TerminalPrompter\n"
        "def ask(self, prompt):\n"
        "    bad = ('rich', 'json', 'jinja2', 'jeudis.export', 'jeudis.prompt_review')\n"
        "    print('LOADED', prompt.counter, [m for m in bad if m in sys.modules])\n"
        "    raise SystemExit(0)\n"
        "TerminalPrompter.ask = ask\n"
        "from jeudis.cli import main\n"
        "main()\n"
    )
    session = Jeudis(series, "-c", code, program=sys.executable)
    sessions.append(session)
    session.expect("LOADED")
    assert session.wait() == 0
    said = session.seen.split("LOADED", 1)[1].splitlines()[0]
    assert said == " [1/4] []", said


# -- (b) Ctrl-C at question 5, then resume --------------------------------------------------


def test_ctrl_c_then_resume_continues_at_question_5(jeudis: type[Jeudis], series: Path) -> None:
    session = typing_at(jeudis, 5, "Mon premier tweet")
    session.press(Keyboard.CTRL_C)
    # Said to the guest in the questionnaire's language, where to resume to the host.
    session.expect("En pause : 4 réponses enregistrées. On reprendra où l’on s’est arrêté.")
    session.expect("Saved: ")
    session.expect("Continue with:")
    session.expect("jeudis resume gilles-klein")
    assert session.wait() == 130
    assert "Paused" not in session.seen

    draft = the_interview(series)
    assert draft.status == "draft"
    assert values(draft) == EXPECTED[:4]
    assert draft.pending == {"premier-tweet": "Mon premier tweet"}

    resumed = jeudis("resume", "gilles-klein")
    welcome_back(resumed)
    resumed.expect_prompt("[5/13]")
    resumed.expect("Mon premier tweet")  # what was being typed is back
    resumed.type(" : « Hello world »")
    resumed.press(Keyboard.ESC_ENTER)
    answer_each(resumed, range(6, 14))
    finish_review(resumed)
    assert resumed.wait() == 0

    done = the_interview(series)
    assert done.status == "complete"
    assert values(done)[:4] == EXPECTED[:4]
    assert values(done)[4] == "Mon premier tweet : « Hello world »"
    assert done.pending == {}
    assert done.fields["site"] == FIELDS[0]


def test_ctrl_d_pauses_too(jeudis: type[Jeudis], series: Path) -> None:
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_D)
    assert session.wait() == 130
    assert values(the_interview(series)) == EXPECTED[:1]


def test_what_reads_as_a_mouse_report_is_dropped(jeudis: type[Jeudis], series: Path) -> None:
    """prompt_toolkit reads any ``ESC [ digits m`` as a mouse report, and its handler
    failed on one it could not read: a colour code pasted where the terminal does not
    mark pastes, too many numbers, a button it does not know. The session stopped in
    a traceback, waiting for Entrée."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    session.expect_prompt("[1/13]")
    session.type("Depuis \x1b[31mmars\x1b[0m 2007\x1b[1;2;3;4M\x1b[;M\x1b[M\x7f!!\x1b[<999;1;1M")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert "Unhandled exception" not in session.seen
    assert values(the_interview(series)) == ["Depuis mars 2007"]


PLANTED_FAULT = """
from prompt_toolkit.keys import Keys
import jeudis.terminal

@jeudis.terminal._NO_MOUSE.add(Keys.ControlT)
def _planted(event):
    raise {raised}
"""


def planted(jeudis: type[Jeudis], tmp_path: Path, raised: str, question: int) -> Jeudis:
    """A session at ``question`` whose Ctrl-T raises ``raised`` (a ``sitecustomize`` on
    ``PYTHONPATH`` plants it), "9 200" typed there; its temporary folder ``tmp_path``."""
    folder = tmp_path / "planted"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(PLANTED_FAULT.format(raised=raised), "utf-8")
    arguments = ("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m")
    session = jeudis(*arguments, PYTHONPATH=str(folder), TMPDIR=str(tmp_path))
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, question))
    session.expect_prompt(f"[{question}/13]")
    session.type("9 200")
    session.expect("9 200")
    session.child.send("\x14")  # Ctrl-T
    return session


def test_a_fault_inside_a_prompt_pauses_the_session_what_was_typed_kept(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """A fault of jeudis's own in a key's handler (planted here, on Ctrl-T) pauses the
    session as Ctrl-C does, and says where its details are. prompt_toolkit printed
    "Unhandled exception in event loop" and a traceback, and waited for Entrée."""
    session = planted(jeudis, tmp_path, 'RuntimeError("a fault planted by the test")', 2)
    session.expect("En pause : 1 réponse enregistrée.")
    session.expect("a fault in jeudis stopped the prompt; nothing given is lost")
    session.expect("Continue with:")
    assert session.wait() == 1
    assert "Unhandled exception" not in session.seen
    assert "Traceback" not in session.seen

    [report] = tmp_path.glob("jeudis-fault-*.txt")
    assert str(report) in session.seen.replace("\r\n", "")
    assert "RuntimeError: a fault planted by the test" in report.read_text(encoding="utf-8")
    draft = the_interview(series)
    assert values(draft) == EXPECTED[:1]
    assert draft.pending == {"followers": "9 200"}


def test_a_closed_terminal_met_inside_a_prompt_is_no_fault(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """The terminal gone under a redraw (EIO) is said as a closed terminal, not a fault."""
    session = planted(jeudis, tmp_path, "OSError(5, 'EIO')", 1)
    session.expect("Stopped by SIGHUP.")
    assert session.wait() == 129
    assert "fault" not in session.seen
    assert not list(tmp_path.glob("jeudis-fault-*.txt"))
    assert the_interview(series).pending == {"depuis-quand": "9 200"}


def test_an_error_not_the_terminal_s_inside_a_prompt_is_a_fault(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """A file a key's handler could not read was said as a closed terminal: "Stopped by
    SIGHUP", though the terminal was there and no signal came."""
    session = planted(jeudis, tmp_path, "FileNotFoundError(2, 'No such file', 'x')", 2)
    session.expect("a fault in jeudis stopped the prompt; nothing given is lost")
    assert session.wait() == 1
    assert "SIGHUP" not in session.seen
    assert the_interview(series).pending == {"followers": "9 200"}


# -- (c) kill -9 mid-session ----------------------------------------------------------------


def test_kill_9_then_resume_keeps_every_answer(jeudis: type[Jeudis], series: Path) -> None:
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, 8))
    session.expect_prompt("[8/13]")
    session.type("Écouter")
    session.child.kill(signal.SIGKILL)
    assert session.wait() == 128 + signal.SIGKILL

    draft = the_interview(series)
    assert draft.status == "draft"
    assert values(draft) == EXPECTED[:7]

    resumed = jeudis("resume")
    welcome_back(resumed)
    answer_each(resumed, range(8, 14))
    finish_review(resumed)
    assert resumed.wait() == 0
    assert values(the_interview(series)) == EXPECTED


def test_a_lock_another_machine_left_is_said_and_the_session_goes_on(
    jeudis: type[Jeudis], series: Path
) -> None:
    """A series in a synced folder, or on a USB stick, brings the lock of a session on
    the other machine (open there still, or stopped with it): it locks nothing here, and
    resume went on without a word. Now the host is told which machine had it open, and
    the session goes on; this machine's own lock left by a crash is said nothing of."""
    session = typing_at(jeudis, 3, "Veille")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    lock = series / "interviews" / ".gilles-klein.lock"
    lock.write_text("4242 atelier-imac", encoding="utf-8")

    resumed = jeudis("resume", "gilles-klein")
    resumed.expect("warning: gilles-klein was open in a session on atelier-imac (process 4242)")
    welcome_back(resumed)
    resumed.expect_prompt("[3/13]")
    resumed.press(Keyboard.CTRL_C)
    assert resumed.wait() == 130
    assert not lock.exists()

    lock.write_text(f"4242 {socket.gethostname()}", encoding="utf-8")  # this machine's
    again = jeudis("resume", "gilles-klein")
    welcome_back(again)
    again.expect_prompt("[3/13]")
    again.press(Keyboard.CTRL_C)
    assert again.wait() == 130
    assert "warning" not in again.seen


def test_what_is_being_typed_is_saved_while_it_is_typed(jeudis: type[Jeudis], series: Path) -> None:
    """``kill -9`` (a crash, a power cut) lost the whole answer being typed: minutes
    of a long one. It is saved a moment after the guest stops typing."""
    session = typing_at(jeudis, 3, "Surtout de la veille, et des conversations.")
    deadline = time.monotonic() + TIMEOUT
    while the_interview(series).pending == {}:
        assert time.monotonic() < deadline, "what was typed never reached the file"
        time.sleep(0.1)
    session.child.kill(signal.SIGKILL)
    assert session.wait() == 128 + signal.SIGKILL

    draft = the_interview(series)
    assert values(draft) == EXPECTED[:2]
    assert draft.pending == {
        "utilisations": "Surtout de la veille, et des conversations.",
    }
    resumed = jeudis("resume")
    welcome_back(resumed)
    resumed.expect_prompt("[3/13]")
    resumed.expect("conversations.")
    resumed.press(Keyboard.CTRL_C)
    assert resumed.wait() == 130


# -- (d) SIGTERM and SIGHUP -------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_leave_a_resumable_draft(
    jeudis: type[Jeudis], series: Path, signum: int, code: int
) -> None:
    session = typing_at(jeudis, 3, "Un brouillon")
    session.child.kill(signum)
    assert session.wait() == code
    if signum == signal.SIGTERM:  # the host's doing, said to the host; no pause said
        said = re.sub(r"\x1b\[[0-9;]*m", "", session.seen)
        assert "Stopped by SIGTERM. 2 answers saved in " in said
        assert "En pause" not in said
    assert "Traceback" not in session.seen
    assert "Unhandled exception" not in session.seen

    draft = the_interview(series)
    assert (draft.status, values(draft)) == ("draft", EXPECTED[:2])
    assert draft.pending == {"utilisations": "Un brouillon"}
    assert not list((series / "interviews").glob(".*.lock")), "the lock is released"

    resumes_at_the_third_with(jeudis, "Un brouillon")


def at_a_yes_or_no(jeudis: type[Jeudis], series: Path) -> Jeudis:
    """A session of questionnaire p, its first answer given, at its yes or no."""
    (series / "questionnaires" / "p.toml").write_text(PORTRAITS_V1, encoding="utf-8")
    session = jeudis("new", "p", "--guest", GUEST)
    session.expect("Entrée pour commencer")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/2]")
    session.type("Un carnet.")
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[2/2]")
    return session


def at_the_review(jeudis: type[Jeudis], series: Path) -> Jeudis:
    every_answer_given(series)
    session = jeudis("resume", "gilles-klein")
    welcome_back(session)
    session.expect_prompt("Modifier une réponse ?")
    return session


@pytest.mark.parametrize("at", ["text", "yes or no", "review"])
def test_a_sigint_from_outside_pauses_as_ctrl_c_does_at_every_prompt(
    jeudis: type[Jeudis], series: Path, at: str
) -> None:
    """`kill -INT` (a host's script, `timeout -s INT`, a multiplexer closing its pane)
    was ignored at a choice, a yes or no and the review, where Ctrl-C pauses: the
    session waited on. It pauses as Ctrl-C does, what was being typed kept."""
    if at == "text":
        session = typing_at(jeudis, 3, "Un brouillon")
    elif at == "yes or no":
        session = at_a_yes_or_no(jeudis, series)
    else:
        session = at_the_review(jeudis, series)
    session.child.kill(signal.SIGINT)
    session.expect("En pause")
    session.expect("Continue with:")
    assert session.wait() == 130
    assert "Traceback" not in session.seen
    draft = the_interview(series)
    assert draft.status == "draft"
    if at == "text":
        assert values(draft) == EXPECTED[:2]
        assert draft.pending == {"utilisations": "Un brouillon"}
        resumes_at_the_third_with(jeudis, "Un brouillon")
    elif at == "yes or no":
        assert values(draft) == ["Un carnet."]
    else:
        assert values(draft) == EXPECTED


def resumes_at_the_third_with(jeudis: type[Jeudis], text: str) -> None:
    """``resume`` of Gilles Klein's draft asks the third question, ``text`` in its answer
    (what the pause kept of it); Ctrl-C then pauses again."""
    resumed = jeudis("resume", "gilles-klein")
    welcome_back(resumed)
    resumed.expect_prompt("[3/13]")
    resumed.expect(text)
    resumed.press(Keyboard.CTRL_C)
    assert resumed.wait() == 130


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_never_leaves_the_session_hanging(
    jeudis: type[Jeudis], series: Path, signum: int
) -> None:
    """A signal used to land inside prompt_toolkit's event loop now and then, which
    printed "Unhandled exception in event loop" and waited for Enter forever."""
    for attempt in range(4):  # it hung about one time in three: a key, then the signal
        session = start(jeudis, f"Invité {attempt}")
        host_part(session)
        hand_over(session, f"Invité {attempt}")
        session.expect_prompt("[1/13]")
        session.type("x")
        session.expect("x")
        session.child.kill(signum)
        assert session.wait() == 128 + signum, session.seen[-500:]
        assert "Unhandled exception" not in session.seen


SLOW_SAVES = """
import os, pathlib, time
_fsync = os.fsync
def fsync(fd):
    if pathlib.Path({marker!r}).exists():  # a slow disk: a save takes seconds
        time.sleep(1.5)
    return _fsync(fd)
os.fsync = fsync
"""


def saving_slowly(jeudis: type[Jeudis], tmp_path: Path) -> tuple[Jeudis, Path]:
    """A session at the second question, its saves slowed once ``marker`` is there (a
    ``sitecustomize`` on ``PYTHONPATH``): a stop that lands inside a save."""
    folder, marker = tmp_path / "slow", tmp_path / "slow-now"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SLOW_SAVES.format(marker=str(marker)), "utf-8")
    arguments = ("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m")
    session = jeudis(*arguments, PYTHONPATH=str(folder))
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    return session, marker


@pytest.mark.parametrize(("stop", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("Ctrl-C", 130)])
def test_a_stop_inside_the_save_of_an_answer_keeps_the_answer(
    jeudis: type[Jeudis], series: Path, tmp_path: Path, stop: str, code: int
) -> None:
    """The save was rolled back, and the stop said "2 answers saved": the file had one."""
    session, marker = saving_slowly(jeudis, tmp_path)
    session.type(ANSWERS[1])
    session.expect(ANSWERS[1])
    marker.touch()
    session.press(Keyboard.ENTER)
    time.sleep(0.5)  # inside the answer's save
    if stop == "Ctrl-C":
        session.press(Keyboard.CTRL_C)
    else:
        session.child.kill(getattr(signal, stop))
    assert session.wait() == code, session.seen[-500:]
    marker.unlink()

    assert "a fault" not in session.seen and "Traceback" not in session.seen
    assert values(the_interview(series)) == EXPECTED[:2]


def test_the_terminals_sighup_while_a_pause_is_saved_is_no_fault(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """A closed terminal: its end of file paused the session, and its SIGHUP, come while
    the pause saved what was being typed, raised a second pause inside the save: "a
    fault in jeudis stopped it", the text lost."""
    session, marker = saving_slowly(jeudis, tmp_path)
    session.type("Depuis peu")
    session.expect("Depuis peu")
    time.sleep(1.5)  # saved as typed, before the saves slow down
    session.type(" de temps")
    session.expect("de temps")
    marker.touch()
    session.press(Keyboard.CTRL_C)
    time.sleep(0.5)  # inside the pause's save
    session.child.kill(signal.SIGHUP)
    assert session.wait() == 129, session.seen[-500:]
    marker.unlink()

    assert "a fault" not in session.seen and "Traceback" not in session.seen
    draft = the_interview(series)
    assert draft.pending == {"followers": "Depuis peu de temps"}


def test_the_terminal_closing_leaves_a_resumable_draft(jeudis: type[Jeudis], series: Path) -> None:
    session = typing_at(jeudis, 3, "Suivre peu de monde.\nLire avant de tweeter.")
    pid = session.child.pid
    # What closing a terminal window does: its side of the pty goes. Closed through
    # the file object that owns the descriptor, and marked closed: a bare os.close
    # left that object to close the number again when collected, by then another
    # test's new pty (a later spawn failed with EBADF, depending on when GC ran).
    session.child.ptyproc.fileobj.close()
    session.child.ptyproc.closed = session.child.closed = True
    _, status = os.waitpid(pid, 0)
    session.child.isalive = lambda: False  # type: ignore[method-assign]

    # Saved, then gone as a closed terminal's program goes: the prompt's last redraw
    # onto the closed terminal failed (EIO) and lost what was being typed.
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 129
    draft = the_interview(series)
    assert (draft.status, values(draft)) == ("draft", EXPECTED[:2])
    assert draft.pending == {
        "utilisations": "Suivre peu de monde.\n\nLire avant de tweeter.",  # Entrée: a paragraph
    }

    resumes_at_the_third_with(jeudis, "tweeter.")


# -- (e) two sessions on one interview ----------------------------------------------------------


def test_a_second_session_is_refused(jeudis: type[Jeudis], series: Path) -> None:
    first = start(jeudis)
    host_part(first)
    hand_over(first)
    first.answer(1, ANSWERS[0])
    first.expect_prompt("[2/13]")

    second = jeudis("resume", "gilles-klein")
    second.expect("gilles-klein.toml is open in another jeudis session")
    assert second.wait() == 6
    assert "Traceback" not in second.seen

    # The first session is unharmed and carries on.
    first.type("9 200")
    first.press(Keyboard.ENTER)
    first.expect_prompt("[3/13]")
    first.press(Keyboard.CTRL_C)
    assert first.wait() == 130
    assert values(the_interview(series)) == EXPECTED[:2]


# -- (f) hostile guest names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("guest", "file_name"),
    [
        ("../../etc", "etc.toml"),
        ("<script>alert(1)</script>", "script-alert-1-script.toml"),
        ("🎉🎉", "invite.toml"),
        (
            ("Jean-Baptiste Grenouille " * 13)[:300],  # cut on a word, under 60 characters
            "jean-baptiste-grenouille-jean-baptiste-grenouille-jean.toml",
        ),
    ],
    ids=["dot-dot", "script", "emoji", "300-characters"],
)
def test_hostile_guest_names(
    jeudis: type[Jeudis], series: Path, tmp_path: Path, guest: str, file_name: str
) -> None:
    session = jeudis("new", "twitter", "--guest", guest, "--register", "tu", "--gender", "f")
    host_part(session, ["", "", "", ""])
    session.expect("Entrée pour commencer")
    session.press(Keyboard.ENTER)
    session.answer(1, "Depuis toujours.")
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    assert "pwned" not in session.seen
    assert "\x07" not in session.seen
    [path] = interview_files(series)
    assert path.parent == series / "interviews"
    assert path.name == file_name
    draft = load_interview(path)
    assert draft.guest == " ".join(guest.split())
    assert values(draft) == ["Depuis toujours."]
    outside = sorted(p.name for p in tmp_path.iterdir())
    assert outside == ["series"], "nothing written outside the series folder"


def test_a_guest_name_with_escape_sequences_is_refused_before_anything(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Taken as typed, it was stored, the terminal stripping it only when it showed it,
    and went raw onto an answer sheet. Refused at once: the sequences never run."""
    session = jeudis("new", "twitter", "--guest", "\x1b]0;pwned\x07Eve \x1b[31mRouge")

    assert session.wait() == 2
    assert "--guest: a control character in the name" in session.seen
    assert "pwned" not in session.seen
    assert "\x07" not in session.seen and "\x1b]" not in session.seen
    assert interview_files(series) == []


# -- validation, the editor, the review, Ctrl-C at the hand-over ---------------------------


def test_a_validation_failure_says_why_and_lets_the_guest_fix_it(
    jeudis: type[Jeudis], series: Path
) -> None:
    session = start(jeudis)
    session.expect_prompt("[1/4]")
    session.type("Arrêt sur images")  # a name, not an address
    session.press(Keyboard.ENTER)
    session.expect("Une adresse complète est attendue, qui commence par https://")
    session.press(Keyboard.CTRL_U)
    session.type(FIELDS[0] + "…")  # an autocorrect's ellipsis after the host
    session.press(Keyboard.ENTER)
    session.expect("n’est pas un nom de site : un signe en trop ?")
    session.press(Keyboard.CTRL_U)
    session.type(FIELDS[0])
    session.press(Keyboard.ENTER)
    host_part_from_2 = FIELDS[1:]
    for number, value in enumerate(host_part_from_2, 2):
        session.expect_prompt(f"[{number}/4]")
        session.type(value)
        session.press(Keyboard.ESC_ENTER if number == 4 else Keyboard.ENTER)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    session.type("beaucoup")
    session.press(Keyboard.ENTER)
    session.expect("Un nombre de followers, par exemple 9 200.")
    session.press(Keyboard.CTRL_U)
    session.type("9 200")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    draft = the_interview(series)
    assert draft.fields["site"] == FIELDS[0]
    assert values(draft) == EXPECTED[:2]


def test_a_long_answer_written_in_the_editor(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    editor = tmp_path / "editor"
    editor.write_text(
        "#!/bin/sh\nprintf 'Écrit dans l’éditeur :\\n\\n- un\\n- deux 😉\\n' > \"$1\"\n",
        encoding="utf-8",
    )
    editor.chmod(0o755)
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     EDITOR=str(editor), VISUAL=str(editor))  # fmt: skip
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    session.press(Keyboard.CTRL_X_CTRL_E)
    session.expect("deux 😉")  # back from the editor, the text is in the prompt, not sent
    session.type("\n\nEt voilà.")  # the guest reads it over and goes on
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    assert values(the_interview(series))[2] == (
        "Écrit dans l’éditeur :\n\n- un\n- deux 😉\n\nEt voilà."
    )


def in_the_editor(jeudis: type[Jeudis], editor: Path) -> Jeudis:
    """A session whose guest typed "Depuis 2008" at the first question, then Ctrl-X
    Ctrl-E, with ``editor`` as $EDITOR."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     EDITOR=str(editor), VISUAL="")  # fmt: skip
    host_part(session)
    hand_over(session)
    session.expect_prompt("[1/13]")
    session.type("Depuis 2008")
    session.expect("Depuis 2008")
    session.press(Keyboard.CTRL_X_CTRL_E)
    return session


def test_an_editor_that_cannot_start_is_said_under_the_answer(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """$EDITOR names a program this machine lacks: Ctrl-X Ctrl-E seemed to do nothing.
    It says why where a refused answer is, and the text typed stays, to go on with."""
    session = in_the_editor(jeudis, tmp_path / "no-such-editor")
    session.expect("Ctrl-X Ctrl-E: cannot start the editor")
    session.expect("No such file or directory;")  # then which editor to set, if any
    session.expect("$EDITOR")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    assert values(the_interview(series))[0] == "Depuis 2008"


def every_answer_given(series: Path) -> None:
    """A draft with every answer: resume goes to the review."""
    form = find_questionnaire(series_at(), "twitter")
    draft = prepare(series_at(), form, Options(guest=GUEST, register="vous", gender="m"))
    draft.fields = dict(zip(("site", "twitter", "photo", "intro"), FIELDS, strict=True))
    context = interview_context(form, draft)
    for question, value in zip(form.questions, EXPECTED, strict=True):
        asked = question.wording("vous", context)
        draft.answers.append(Answer(question.id, question.type, asked, value))
    create(series_at(), draft)


def test_a_complete_interview_lacking_required_answers_is_resumed_at_them(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Questions added to a questionnaire without a new version: `check` said the
    complete interviews lacked them, `resume` said "already complete", and `edit
    --question` changes only an answer given. Resume asks them."""
    every_answer_given(series)
    path = interview_files(series)[0]
    head, *answers = path.read_text(encoding="utf-8").split("\n[[answers]]\n")
    done = head.replace('status = "draft"', 'status = "complete"')
    path.write_text("\n[[answers]]\n".join([done, *answers[:12]]) + "\n", encoding="utf-8")
    assert the_interview(series).status == "complete"

    session = jeudis("resume", "gilles-klein")
    session.expect("note: gilles-klein was complete, but twitter asks 1 required question")
    session.expect("it has no answer to (pas-suivi): asked now")
    welcome_back(session)
    session.answer(13, "Et vous ?")
    finish_review(session)
    assert session.wait() == 0

    done_again = the_interview(series)
    assert done_again.status == "complete"
    assert values(done_again) == [*EXPECTED[:12], "Et vous ?"]


def test_a_draft_resumed_under_a_new_version_says_what_it_set_aside(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Version 2 asks [apport] only of some: the draft of version 1, resumed and
    finished, kept the guest's answer in the notes, out of the post, with no word."""
    every_answer_given(series)
    form = series / "questionnaires" / "twitter.toml"
    text = form.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    text = text.replace(
        'id = "apport"\n', 'id = "apport"\nwhen = { question = "followers", equals = "aucun" }\n'
    )
    form.write_text(text, encoding="utf-8")

    session = jeudis("resume", "gilles-klein")
    session.expect("Entrée pour reprendre")  # 12 questions now: not welcome_back's 13
    session.press(Keyboard.ENTER)
    finish_review(session)
    assert session.wait() == 0

    said = re.sub(r"\s+", " ", re.sub(r"\x1b\[[0-9;]*m", "", session.seen))
    assert (
        "warning: gilles-klein: [apport] not asked any more: kept in the private notes, out of"
        " the post (`jeudis edit gilles-klein --notes`)"
    ) in said
    assert the_interview(series).answer("apport") is None


@pytest.mark.parametrize("begun", ["2024-12-05 09:00:00+00:00", None])
def test_a_draft_finished_long_after_its_day_says_how_to_date_it_today(
    jeudis: type[Jeudis], series: Path, begun: str | None
) -> None:
    """Begun in December 2024, finished two years later: its post was published as of
    then, deep in the index and the feed, with no word. Dated so on purpose (begun
    today, `new --date`), it is said nothing."""
    every_answer_given(series)
    path = interview_files(series)[0]
    text = re.sub(r"(?m)^date = .*$", "date = 2024-12-05", path.read_text(encoding="utf-8"))
    if begun:
        text = re.sub(r"(?m)^created = .*$", f"created = {begun}", text)
    path.write_text(text, encoding="utf-8")

    session = jeudis("resume", "gilles-klein")
    welcome_back(session)
    finish_review(session)
    assert session.wait() == 0

    said = re.sub(r"\s+", " ", session.seen)
    today = dt.date.today().isoformat()
    note = (
        "note: gilles-klein is dated 2024-12-05, the day it was begun: its post is published"
        f" as of then; `jeudis edit gilles-klein --date {today}` dates it today"
    )
    assert (note in said) == bool(begun)


def test_edit_asks_what_an_answer_changed_in_an_older_versions_interview_left_unasked(
    jeudis: type[Jeudis], series: Path, invoke: Invoke
) -> None:
    """``edit`` leaves a question version 2 asks after the change unasked, and says how
    to ask it: it said `resume` would, which said "already complete"."""
    form = series / "questionnaires" / "p.toml"
    form.write_text(PORTRAITS_V1, encoding="utf-8")
    data = '[answers]\noutils = "Un carnet."\ntwitter = false\n'
    assert (
        invoke("new", "p", "--guest", "Hugo Lambert", "--data-file", "-", input=data).exit_code == 0
    )
    form.write_text(PORTRAITS_V2, encoding="utf-8")
    edited = invoke("edit", "hugo-lambert", "-q", "twitter", "--answer-file", "-", input="Oui")
    assert "`jeudis edit hugo-lambert -q pourquoi` asks it" in edited.stderr
    assert invoke("resume", "hugo-lambert").stderr.startswith(
        "error: hugo-lambert is already complete"
    )

    session = jeudis("edit", "hugo-lambert", "-q", "pourquoi")
    session.expect("Qu’y trouvez-vous")
    session.type("La veille.")
    session.expect("La veille.")
    session.press(Keyboard.ENTER)
    session.expect("hugo-lambert: answer pourquoi given")
    assert session.wait() == 0

    done = load_interview(series / "interviews" / "hugo-lambert.toml")
    assert done.is_complete and done.values()["pourquoi"] == "La veille."


def test_edit_of_an_answer_that_makes_an_older_versions_interview_the_new_ones_says_so(
    jeudis: type[Jeudis], series: Path, invoke: Invoke
) -> None:
    """Off Twitter, Hugo answers all version 2 asks him: it stayed made with version 1."""
    form = series / "questionnaires" / "p.toml"
    form.write_text(PORTRAITS_V1, encoding="utf-8")
    data = '[answers]\noutils = "Un carnet."\ntwitter = true\n'
    assert (
        invoke("new", "p", "--guest", "Hugo Lambert", "--data-file", "-", input=data).exit_code == 0
    )
    form.write_text(PORTRAITS_V2, encoding="utf-8")

    session = jeudis("edit", "hugo-lambert", "-q", "twitter")
    session.expect("Êtes-vous sur Twitter")
    session.press(Keyboard.DOWN)  # from Oui to Non
    session.press(Keyboard.ENTER)
    session.expect(
        "hugo-lambert: answer twitter saved; made with version 2 of p now: it answers all that"
        " version asks it"
    )
    assert session.wait() == 0
    assert load_interview(series / "interviews" / "hugo-lambert.toml").questionnaire_version == 2
    assert invoke("check").stdout == "All good.\n"


def test_a_terminal_resized_at_the_review_draws_the_table_and_choices_anew(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The review's table was left as the terminal reflowed it, each row cut at the new
    edge, and its choices, shortened to the old width, ran past the new one."""
    every_answer_given(series)
    session = jeudis("resume", "gilles-klein", columns=80, cpr=True)
    welcome_back(session)
    session.on_screen("13. Question inverse")

    def fitted(columns: int) -> bool:
        shown = session.screen()
        asked = [i for i, line in enumerate(shown) if line == "Modifier une réponse ?"]
        if len(asked) != 1 or not shown[asked[0] - 1].startswith("└"):
            return False  # the question twice, or not under the table's bottom
        table = [line for line in shown[: asked[0]] if line.startswith(("│", "├", "└", "┏"))]
        # The rows under the question, down to the keys' toolbar at the bottom.
        choices = [line for line in shown[asked[0] + 1 :] if line.startswith((" » ", "   "))]
        return (
            all(len(line) == columns for line in table)  # each row whole, to the edge
            and len(choices) == 14
            and choices[-1].startswith("   13. Question inverse")
            and all(len(line) <= columns for line in choices)
        )

    session.until(lambda: fitted(80), "the review at 80 columns")
    time.sleep(0.3)  # the terminal has said where the cursor is
    session.child.setwinsize(ROWS, 50)
    session.terminal.reflowed(50)
    session.until(lambda: fitted(50), "the review drawn anew at 50 columns")
    session.press(Keyboard.DOWN)
    session.press(Keyboard.DOWN)  # to question 2, as the choices read
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_ctrl_c_as_the_review_is_drawn_says_the_pause_on_a_line_of_its_own(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Ctrl-C while the review's table is written (a long interview, a slow terminal)
    left the pause's words on the row the table was cut at, after half its cells, in
    the table's colours. They start on a line of their own, in the terminal's own
    colours, its cursor shown. The table (120 follow-ups, some 140 kB drawn) is longer
    than a pseudo-terminal holds unread (Linux: 64 kB at most): the session is still
    writing it, blocked, when Ctrl-C comes."""
    every_answer_given(series)
    [path] = interview_files(series)
    said = "Une réponse de relance, assez longue pour tenir plusieurs lignes du tableau. " * 4
    path.write_text(
        path.read_text(encoding="utf-8")
        + "".join(
            f'\n[[answers]]\nid = "question-{n}"\ntype = "long"\nquestion = "Relance {n} ?"\n'
            f'answer = "{said.strip()}"\nanswered_at = 2011-03-24 09:30:00+00:00\n'
            "followup = true\n"
            for n in range(1, 121)
        ),
        encoding="utf-8",
    )
    session = jeudis("resume", "gilles-klein", columns=100)
    welcome_back(session)
    session.expect("Relecture")
    session.press(Keyboard.CTRL_C)  # the table unread: the session is still writing it
    shown = session.on_screen("En pause")
    assert session.wait() == 130
    at = next(y for y, line in enumerate(shown) if "En pause" in line)
    # Apart from the table cut, as a pause is said after a question: a blank line above.
    assert shown[at].startswith("En pause : 133 réponses enregistrées"), shown[at - 2 : at + 1]
    assert shown[at - 1] == "" and shown[at - 2].startswith(("│", "├")), shown[at - 2 : at + 1]
    terminal = session.terminal
    row = next(y for y in range(terminal.lines) if "En pause" in terminal.display[y])
    cells = [terminal.buffer[row][x] for x in range(len("En pause"))]
    # In the pause's own style (bold), nothing of the table's left on.
    assert {(c.fg, c.bg, c.bold, c.italics, c.reverse, c.underscore) for c in cells} == {
        ("default", "default", True, False, False, False)
    }, cells
    assert not terminal.cursor.hidden
    assert "Traceback" not in session.seen
    assert len(the_interview(series).answers) == 133


def test_the_review_changes_an_answer(jeudis: type[Jeudis], series: Path) -> None:
    every_answer_given(series)
    session = jeudis("resume", "gilles-klein")
    welcome_back(session)
    session.expect("Relecture")
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.DOWN)  # past "all good, finish"
    session.press(Keyboard.DOWN)  # to question 2
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.expect("9 200")  # prefilled
    session.press(Keyboard.CTRL_U)
    session.type("9 300")
    session.press(Keyboard.ENTER)
    finish_review(session)
    session.expect("Merci, Gilles Klein !")
    assert session.wait() == 0

    done = the_interview(series)
    assert done.status == "complete"
    assert values(done) == [*EXPECTED[:1], "9 300", *EXPECTED[2:]]


def test_the_question_picked_at_the_review_is_shown_whole_words_on_its_line(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Shown after "›", under "Modifier une réponse ?", the question picked ran past the
    terminal's edge, cut mid-word: "… de tweeter vous appo" / "rte ? Qu’est-ce que cela…";
    it is shown whole, without the space aligning its number in the list."""
    every_answer_given(series)
    session = jeudis("resume", "gilles-klein", columns=70)
    welcome_back(session)
    session.expect("Modifier une réponse ?")
    # The numbers right-aligned, as `inspect` has them: " 9." above "10.".
    session.until(lambda: "   13. Question inverse" in "\n".join(session.screen()), "the list")
    listed = session.screen()
    picks = listed[listed.index(" » ✔ Tout est bon, terminer") + 1 :][:13]
    assert [line[:6] for line in picks] == [f"   {n:>2}." for n in range(1, 14)]
    session.type(Keyboard.DOWN * 4)  # to question 4
    session.press(Keyboard.ENTER)
    session.expect_prompt("[4/13]")
    shown = session.on_screen("[4/13]")
    at = next(i for i, line in enumerate(shown) if line.startswith("›  4."))
    assert shown[at - 2 : at] == ["Modifier une réponse ?", "↑↓ puis Entrée"]
    assert shown[at] == "›  4. Qu’est-ce que le fait de tweeter vous apporte ? Qu’est-ce que…"
    assert shown[at + 1] == ""
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_ctrl_c_at_the_hand_over_says_how_to_resume(jeudis: type[Jeudis], series: Path) -> None:
    session = start(jeudis)
    host_part(session)
    session.expect("Entrée pour commencer")
    session.press(Keyboard.CTRL_C)
    session.expect("En pause. On reprendra où l’on s’est arrêté.")
    session.expect("jeudis resume gilles-klein")
    assert session.wait() == 130
    assert the_interview(series).fields["site"] == FIELDS[0]


def test_ctrl_c_at_the_first_field_of_a_new_interview_keeps_no_empty_draft(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The host sees a misspelt name at the first field and stops: nothing was given,
    and the next `new` made gilles-klein-2 beside an empty draft."""
    session = start(jeudis)
    session.expect_prompt("[1/4]")
    session.press(Keyboard.CTRL_C)
    session.expect("no draft kept")
    assert session.wait() == 130
    said = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", session.seen).split())
    assert "Paused before anything was given: no draft kept" in said, said
    assert "Start it again with jeudis new." in said and "resume" not in said
    assert "En pause" not in said  # no "we'll pick up where we left off"
    assert list((series / "interviews").glob("*.toml")) == []


def test_an_answer_typed_at_the_hand_over_keeps_its_first_letter(
    jeudis: type[Jeudis], series: Path
) -> None:
    """A guest who starts typing without pressing Enter: the key that starts is kept."""
    session = start(jeudis)
    host_part(session)
    session.expect("Entrée pour commencer")
    session.type("Depuis 2009.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series)) == ["Depuis 2009."]


def test_the_screen_on_an_80_column_terminal(jeudis: type[Jeudis], series: Path) -> None:
    """What the host and the guest see, cell for cell: words wrapped whole, keys in full.

    A placeholder ("@pseudo") is dimmed while the answer is empty and gone once it
    is skipped; the toolbar takes two lines rather than lose "Ctrl-C : pause". A
    pause is said in the guest's language, where to resume in the host's (the CLI's).
    """
    guest = "Zoé Martin"
    session = jeudis(
        "new",
        "twitter",
        "--guest",
        guest,
        "--register",
        "tu",
        "--gender",
        "f",
        columns=80,
        cpr=True,
    )
    session.expect_prompt("[1/4]")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/4]")
    session.expect("@pseudo")  # the example, in the empty answer
    session.press(Keyboard.ENTER)  # skipped
    session.expect_prompt("[3/4]")
    host = session.screen()
    asked = next(i for i, line in enumerate(host) if line.startswith("[2/4]"))
    assert host[asked + 2] == "›", host  # not "›  @pseudo": it was not the answer
    session.press(Keyboard.ENTER)
    session.expect_prompt("[4/4]")
    session.type("Zoé tient un blog.")
    session.press(Keyboard.ESC_ENTER)
    hand_over(session, guest)
    for number, text in enumerate(["Depuis 2009.", "1 200", "La veille."], 1):
        session.answer(number, text)
    session.expect_prompt("[4/13]")
    shown = session.on_screen("relance · Ctrl-C : pause")  # the toolbar's second line
    assert all(len(line) <= 80 for line in shown)
    check_snapshot("80-columns.txt", "\n".join(shown) + "\n", REPO / "tests/snapshots/session")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    paused = session.screen()
    paused = paused[next(i for i, line in enumerate(paused) if line.startswith("[4/13]")) :]
    lines: list[str] = []  # a line the terminal wrapped (its rows full), one line again
    for row in paused:
        if lines and lines[-1] and len(lines[-1]) % 80 == 0:
            lines[-1] += row
        else:
            lines.append(row)
    said = "\n".join(lines).replace(str(series), "SERIES") + "\n"
    check_snapshot("80-columns-paused.txt", said, REPO / "tests/snapshots/session")


def in_other_colours(session: Jeudis, text: str) -> list[str]:
    """The characters of the screen's words (``text`` on it first) drawn in a colour
    other than the terminal's own, each with the colour it is drawn in."""
    session.on_screen(text)
    terminal = session.terminal
    return [
        f"{cell.data}:{cell.fg}"
        for y in range(terminal.lines)
        for cell in terminal.buffer[y].values()
        if cell.data.isalnum() and cell.fg != "default"
    ]


def test_every_word_on_the_screen_is_in_the_terminal_s_own_colour(
    jeudis: type[Jeudis],
) -> None:
    """Each of a terminal's sixteen colours is faint on some palette: the keys said in
    bright black ("Échap puis Entrée : terminer", a placeholder) were not there at all
    in Solarized Dark, whose background it is; the guest's answers in green, the
    host's lines and the notices in yellow, faint on a white background. The words
    are in the terminal's own colour, told apart by weight and slant; colour is left
    to the lines of the boxes and rules."""
    session = start(jeudis)
    session.expect_prompt("[1/4]")
    assert in_other_colours(session, "https://") == []  # the host's box, a placeholder
    session.type(FIELDS[0])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/4]")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/4]")
    session.type("absente.jpg")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[4/4]")
    assert in_other_colours(session, "Pas de fichier") == []  # a notice, answers given
    session.press(Keyboard.ESC_ENTER)
    assert in_other_colours(session, "Entrée pour commencer") == []  # the welcome box
    session.press(Keyboard.ENTER)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    assert in_other_colours(session, "Un nombre") == []  # a question's help
    session.type(ANSWERS[1])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/13]")
    session.type("Trois usages.")
    assert in_other_colours(session, "Échap puis Entrée : terminer") == []
    session.press(Keyboard.CTRL_F)
    assert in_other_colours(session, "Relance") == []  # the host's rule
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert in_other_colours(session, "En pause") == []


@pytest.mark.parametrize("command", [["list"], ["show", "gilles-klein"]])
def test_list_and_show_write_their_words_in_the_terminal_s_own_colour(
    jeudis: type[Jeudis], command: list[str]
) -> None:
    """A draft's status in yellow, the questions `show` heads its answers with in cyan:
    faint on a white background. In the terminal's own colour, the draft in bold."""
    every_answer_given(series_at())
    session = jeudis(*command, rows=120)
    assert session.wait() == 0
    assert in_other_colours(session, "draft") == []


def narrow_session(jeudis: type[Jeudis]) -> Jeudis:
    """A session for Zoé (tu, f) on a terminal 40 columns wide, the host's part done."""
    session = jeudis("new", "twitter", "--guest", "Zoé", "--register", "tu", "--gender", "f",
                     columns=40)  # fmt: skip
    host_part(session)
    return session


def narrow_session_at_question_2(jeudis: type[Jeudis]) -> Jeudis:
    """:func:`narrow_session`, started and its first question answered."""
    session = narrow_session(jeudis)
    session.expect("commencer.")
    session.press(Keyboard.ENTER)
    session.answer(1, ANSWERS[0])
    return session


def test_the_start_key_line_fits_a_narrow_terminal(jeudis: type[Jeudis]) -> None:
    """prompt_toolkit cut it at the edge: "Entrée pour commence" / "r."."""
    session = narrow_session(jeudis)
    shown = session.on_screen("commencer.")
    assert shown[-2:] == [" Prête ? Appuie sur Entrée pour", " commencer."]
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_why_an_answer_is_refused_is_read_whole_on_a_narrow_terminal(
    jeudis: type[Jeudis],
) -> None:
    """prompt_toolkit gives the message one line: "Un nombre de followers, par exemple 9 20"."""
    session = narrow_session_at_question_2(jeudis)
    session.expect_prompt("[2/13]")
    session.type("beaucoup")
    session.press(Keyboard.ENTER)
    shown = session.on_screen("200.")  # cut, it never came
    at = shown.index("›  beaucoup") + 1
    assert shown[at : at + 2] == ["Un nombre de followers, par exemple 9", "200."]
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_why_an_answer_is_refused_is_right_under_it_with_room_on_the_screen(
    jeudis: type[Jeudis],
) -> None:
    """Given the lines it needs, the message took its share of the blank rows below the
    first question too: it was drawn halfway down the screen, far from the answer.
    (A terminal that says where its cursor is: prompt_toolkit then keeps the rows
    below the prompt to the screen's bottom, where it puts the keys.)"""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     cpr=True)  # fmt: skip
    session.expect_prompt("[1/4]")
    session.type("Arrêt sur images")  # a name, not an address
    session.press(Keyboard.ENTER)
    shown = session.on_screen("Une adresse complète est attendue")
    at = shown.index("›  Arrêt sur images")
    assert shown[at + 1].startswith("Une adresse complète est attendue"), "\n".join(shown)
    assert shown[-1].startswith(" Entrée : valider") and len(shown) == ROWS  # at the bottom
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_an_answer_taller_than_the_screen_reaches_the_keys(jeudis: type[Jeudis]) -> None:
    """The row under it is the refusal's, which takes no row while there is none."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     columns=40, cpr=True)  # fmt: skip
    session.expect_prompt("[1/4]")
    session.type("https://example.org/" + "long/" * 400 + "fin")
    shown = session.on_screen("/fin")
    assert shown[-2].endswith("/fin") and len(shown) == ROWS, "\n".join(shown)
    assert shown[-1].startswith(" Entrée : valider")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_an_answer_taller_than_the_screen_is_left_on_it_as_far_as_its_end(
    jeudis: type[Jeudis], series: Path
) -> None:
    """prompt_toolkit leaves on the screen the rows around the cursor: an answer finished
    with the cursor near its start was left cut mid-sentence, as if the rest was lost."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     columns=40)  # fmt: skip
    host_part(session)
    session.expect("commencer.")
    session.press(Keyboard.ENTER)
    session.answer(1, ANSWERS[0])
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    typed = " ".join(f"Phrase {n} d’une longue réponse." for n in range(60)) + " Fin."
    session.type(typed)
    session.on_screen("Fin.")
    session.press(Keyboard.UP)  # finished from the start of the answer, after a look back
    session.type(Keyboard.HOME * 2)
    session.until(lambda: session.terminal.cursor.y < 5, "the answer's start shown")
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    shown = session.on_screen("[4/13]")
    at = next(i for i, line in enumerate(shown) if line.startswith("[4/13]"))
    assert shown[at - 2].endswith("Fin."), "\n".join(shown)
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[2] == typed


def test_a_terminal_made_narrower_during_the_session_gets_lines_that_fit(
    jeudis: type[Jeudis],
) -> None:
    """The width was taken once, at the start: after a resize the terminal cut the
    next questions mid-word, and their lines no longer hung under the counter."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    session.child.setwinsize(ROWS, 40)
    session.terminal.resize(ROWS, 40)
    session.type(ANSWERS[1])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/13]")
    shown = session.on_screen("[3/13]")
    at = next(i for i, line in enumerate(shown) if line.startswith("[3/13]"))
    assert shown[at : at + 2] == [
        "[3/13] Quelle(s) utilisation(s)",
        "       faites-vous de Twitter ?",
    ]
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_a_terminal_resized_while_an_answer_is_typed_is_drawn_anew(
    jeudis: type[Jeudis], series: Path
) -> None:
    """A terminal that reflows its lines had cut the rows of the answer at the new
    edge, making more of them than prompt_toolkit erased: the rows of the old layout
    were left above the new one, the answer and the keys twice."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     columns=60, cpr=True)  # fmt: skip
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    session.type(WRAPPED)
    session.on_screen("repartie.")

    def drawn_once(columns: int, asked: list[str]) -> bool:
        shown = session.screen()
        if sum(line.startswith(PROMPT_MARK) for line in shown) != 1:
            return False  # the answer twice, or not drawn yet
        rows = answer_rows(shown)
        return (
            shown[: len(asked)] == asked  # the question, laid out anew at the top
            and sum("Échap Entrée : terminer" in line for line in shown) == 1
            and rows[-1].endswith("repartie.")
            and all(len(line) <= columns for line in shown)
            and (session.terminal.cursor.y, session.terminal.cursor.x)
            == (shown.index(rows[-1]), len(rows[-1]))  # after the last letter
        )

    session.child.setwinsize(ROWS, 40)
    session.terminal.reflowed(40)
    asked = ["[3/13] Quelle(s) utilisation(s)", "       faites-vous de Twitter ?"]
    session.until(lambda: drawn_once(40, asked), "the screen drawn anew at 40 columns")
    assert_word_wrapped(answer_rows(session.screen()), WRAPPED, 40)

    session.child.setwinsize(ROWS, 90)  # wider: the question takes one line again
    session.terminal.resize(ROWS, 90)
    asked = ["[3/13] Quelle(s) utilisation(s) faites-vous de Twitter ?"]
    session.until(lambda: drawn_once(90, asked), "the screen drawn anew at 90 columns")
    assert_word_wrapped(answer_rows(session.screen()), WRAPPED, 90)
    session.until(  # where a terminal that says where its cursor is has them
        lambda: len(session.screen()) == ROWS and session.screen()[-1].endswith("pause"),
        "the keys at the bottom of the screen",
    )
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[2] == WRAPPED


@pytest.mark.parametrize("key", [Keyboard.CTRL_C, Keyboard.CTRL_D])
def test_a_pause_at_the_welcome_is_a_pause(jeudis: type[Jeudis], series: Path, key: str) -> None:
    """Ctrl-D at "Appuyez sur Entrée pour commencer" said "Stopped by SIGHUP", as if the
    terminal had closed, and exited 129."""
    session = start(jeudis)
    host_part(session)
    session.expect("Entrée pour commencer")
    session.press(key)
    session.expect("Continue with:")
    assert session.wait() == 130
    said = re.sub(r"\x1b\[[0-9;]*m", "", session.seen)
    assert "En pause. On reprendra" in said and "SIGHUP" not in said


def test_a_terminal_resized_at_the_welcome_draws_the_box_anew(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The welcome box, drawn before the guest presses Entrée, was left as the terminal
    reflowed it: each row cut at the new edge, its right border a row below it."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     columns=80, cpr=True)  # fmt: skip
    host_part(session)
    session.on_screen("Entrée pour commencer")

    def boxed(columns: int) -> bool:
        shown = session.screen()
        if not shown or not shown[0].startswith(f"╭─ Bienvenue, {GUEST} !"):
            return False  # the box's top at the screen's, not scrolled off
        bottom = next((i for i, line in enumerate(shown) if line.startswith("╰")), None)
        return (
            bottom is not None
            and all(len(line) == columns and line[-1] in "╮│╯" for line in shown[: bottom + 1])
            and bottom + 1 < len(shown)  # the line under it not drawn yet: look again
            and shown[bottom + 1].startswith(" Prêt ? Appuyez sur Entrée")
        )

    session.until(lambda: boxed(80), "the welcome box at 80 columns")
    time.sleep(0.3)  # the terminal has said where the cursor is: a new question is asked
    session.child.setwinsize(ROWS, 50)
    session.terminal.reflowed(50)
    session.until(lambda: boxed(50), "the welcome box drawn anew at 50 columns")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


WRAPPED = (
    "Depuis 2007, quand une amie m'a parlé de cette drôle de conversation "
    "permanente entre inconnus, et je n'en suis jamais vraiment repartie."
)


def answer_rows(shown: list[str]) -> list[str]:
    """The rows of the answer being typed: from the last prompt's mark to a blank (none
    while the screen is drawn anew, the question drawn, not the prompt yet)."""
    marks = [i for i, line in enumerate(shown) if line.startswith(PROMPT_MARK)]
    if not marks:
        return []
    at = marks[-1]
    rows = [shown[at]]
    for line in shown[at + 1 :]:
        if not line.startswith("   ") or not line.strip():
            break
        rows.append(line)
    return rows


def assert_word_wrapped(rows: list[str], typed: str, columns: int) -> None:
    words = [row[3:].split() for row in rows]
    assert [word for row in words for word in row] == typed.split(), rows
    for row, below in itertools.pairwise(words):  # "conver" / "sation" or not
        # The word below did not fit, and a cell for the cursor, at the end of the row.
        assert 3 + len(" ".join([*row, below[0]])) > columns - 1, rows


def test_a_short_answer_wrapped_goes_on_under_its_first_row(jeudis: type[Jeudis]) -> None:
    """A one-line answer's rows started at the screen's edge, under the "›" mark, where a
    long answer's are under its text."""
    session = narrow_session(jeudis)
    session.expect("commencer.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/13]")
    session.type(WRAPPED)
    rows = answer_rows(session.on_screen("repartie."))
    assert len(rows) > 2 and all(row.startswith("   ") for row in rows[1:]), rows
    assert_word_wrapped(rows, WRAPPED, 40)
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


def test_the_answer_being_typed_is_word_wrapped_and_the_cursor_follows(
    jeudis: type[Jeudis], series: Path
) -> None:
    """prompt_toolkit cut the answer at the edge, mid-word: "perma" / "nente"."""
    session = narrow_session_at_question_2(jeudis)
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    session.type(WRAPPED)
    rows = answer_rows(session.on_screen("repartie."))
    assert_word_wrapped(rows, WRAPPED, 40)
    bottom = session.screen().index(rows[-1])
    session.until(
        lambda: (session.terminal.cursor.y, session.terminal.cursor.x) == (bottom, len(rows[-1])),
        "the cursor after the last letter",
    )

    session.press(Keyboard.UP)  # the row above, at the same column or its end
    session.until(lambda: session.terminal.cursor.y == bottom - 1, "the cursor a row up")
    assert session.terminal.cursor.x == min(len(rows[-1]), len(rows[-2]))
    session.press(Keyboard.HOME)  # the start of that row, where a letter typed goes
    session.until(lambda: session.terminal.cursor.x == 3, "the cursor at the row's start")
    session.type("X")
    session.press(Keyboard.END)  # after the last word of that row
    session.until(
        lambda: session.terminal.cursor.x == len(session.screen()[bottom - 1]),
        "the cursor at the row's end",
    )
    session.type("!")
    typed = WRAPPED.replace("permanente", "Xpermanente").replace(" je ", " je! ")
    session.until(lambda: "je!" in session.screen()[bottom - 1], "the ! after the row's last word")

    session.child.setwinsize(ROWS, 30)  # narrower while typing: the rows are laid anew
    session.terminal.resize(ROWS, 30)
    session.until(lambda: len(answer_rows(session.screen())) > len(rows), "the answer rewrapped")
    assert_word_wrapped(answer_rows(session.screen()), typed, 30)
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[2] == typed  # as typed: the wrapping is drawn only


def test_the_arrows_and_backspace_take_an_emoji_whole(jeudis: type[Jeudis], series: Path) -> None:
    """Flags and skin tones at the ends of rows: moved over by code point, a letter typed
    went inside them, and Backspace left half a flag. (Emoji joined by zero-width
    joiners, keycaps and ❤️ are in the unit tests: the emulated screen cannot draw them.)"""
    session = narrow_session_at_question_2(jeudis)
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    session.type("Vive la France 🇫🇷🇫🇷🇫🇷🇫🇷 et bravo 👍🏽👍🏽 ! 🇫🇷")
    session.on_screen("! 🇫🇷")
    session.press(Keyboard.BACKSPACE)  # the last flag, whole
    session.type(Keyboard.LEFT * 5 + "X")  # " ", "!", " ", 👍🏽, 👍🏽: before the emoji
    session.press(Keyboard.UP)  # among the flags of the row above
    session.type("Y")
    session.until(lambda: "Y" in "".join(session.screen()), "the Y typed")
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    given = values(the_interview(series))[2]
    assert isinstance(given, str)
    assert (
        given.replace("Y", "", 1) == "Vive la France 🇫🇷🇫🇷🇫🇷🇫🇷 et bravo X👍🏽👍🏽 !"
    )  # trimmed, as every answer
    assert given.count("🇫🇷") == 4, given  # the Y between two flags, not inside one


# Characters of several code points: prompt_toolkit counts 👩‍💻 four cells, 🇫🇷 and 👍🏽
# four, ❤️ one; a terminal that joins them draws each in two.
JOINED = (
    "Au bureau 👩\u200d💻, en vacances 🇫🇷, un été (e\u0301te\u0301) à 東京 ❤\ufe0f "
    "avec la famille 👨\u200d👩\u200d👧 👍🏽 👍🏽 🇫🇷🇫🇷 et voilà."
)


def test_emoji_are_drawn_where_a_terminal_that_joins_them_draws_them(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The cursor was drawn cells right of the text (prompt_toolkit counting what the
    terminal draws of 👩‍💻 in two cells as four), and a letter typed in the middle
    of a row after an emoji was drawn over the wrong letters. Decomposed accents, a
    joiner, an emoji selector are saved as typed."""
    session = jeudis("new", "twitter", "--guest", "Zoé", "--register", "tu", "--gender", "f",
                     columns=40, cpr=True, terminal=_EmojiTerminal)  # fmt: skip
    terminal = session.terminal
    assert isinstance(terminal, _EmojiTerminal)
    host_part(session)
    session.expect("commencer.")
    session.press(Keyboard.ENTER)
    session.answer(1, ANSWERS[0])
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    session.type(JOINED)
    rows = answer_rows(session.on_screen("voilà."))
    assert [word for row in rows for word in row.split()][1:] == JOINED.split(), rows
    bottom = session.screen().index(rows[-1])
    session.until(
        lambda: (
            (terminal.cursor.y, terminal.cursor.x) == (bottom, terminal.cursor_at_end_of(bottom))
        ),
        "the cursor after the last letter",
    )

    session.type(Keyboard.LEFT * 11 + "X")  # "voilà.", " ", "et", " ", 🇫🇷: between the flags
    typed = JOINED.replace("🇫🇷🇫🇷 et", "🇫🇷X🇫🇷 et")
    session.until(lambda: "X" in "".join(answer_rows(session.screen())), "the X typed")
    rows = answer_rows(session.screen())
    assert [word for row in rows for word in row.split()][1:] == typed.split(), rows
    y = session.screen().index(rows[-1])
    [x] = [x for x in range(terminal.columns) if terminal.buffer[y][x].data == "X"]
    session.until(
        lambda: (terminal.cursor.y, terminal.cursor.x) == (y, x + 1), "the cursor after the X"
    )
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[2] == typed  # as typed, code point for code point


def test_boxes_around_a_guest_s_emoji_are_drawn_in_the_terminal_s_cells(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The host's box and the welcome box around a guest named with an emoji the
    terminal draws in two cells (prompt_toolkit counts 👩‍💻 four): laid out in
    prompt_toolkit's count, their right border on that row was drawn two cells left
    of the others'. Drawn before the terminal said how it draws emoji, they are
    drawn anew once it has."""
    guest = "Nina 👩\u200d💻 Roy"
    session = jeudis("new", "twitter", "--guest", guest, "--register", "tu", "--gender", "f",
                     columns=60, cpr=True, terminal=_EmojiTerminal)  # fmt: skip
    terminal = session.terminal

    def boxed(top: str) -> bool:
        shown = session.screen()
        rows = [y for y, line in enumerate(shown) if line.startswith(top)]
        if not rows:
            return False
        bottom = next((y for y in range(rows[0], len(shown)) if shown[y].startswith("╰")), None)
        if bottom is None or not any(guest in line for line in shown[rows[0] : bottom]):
            return False
        edges = {terminal.cursor_at_end_of(y) for y in range(rows[0], bottom + 1)}
        return edges == {60}

    session.expect_prompt("[1/4]")
    session.until(lambda: boxed("╭─ Partie de l’hôte"), "the host's box whole at 60 columns")
    host_part(session)
    session.expect("commencer.")
    session.until(lambda: boxed(f"╭─ Bienvenue, {guest} !"), "the welcome box whole")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


# pyte stops drawing at an emoji selector or a joiner: ❤️ and 👩‍💻 for _EmojiTerminal only.
SHOWN = (
    "Au bureau 👍🏽👍🏽 en vacances 🇫🇷 avec la famille 👍🏽 et les amis {} pour de bon 👍🏽 "
    "à Paris 🇫🇷🇫🇷 et ailleurs 👍🏽👍🏽👍🏽 voilà."
)


def answered_first(series: Path, answer: str) -> None:
    """An interview, ``emoji``, whose first answer is ``answer``."""
    example = (REPO / "interviews" / "mathieu-durand.toml").read_text(encoding="utf-8")
    example = example.replace('"Septembre 2008, un soir de match."', f'"{answer}"', 1)
    (series / "interviews" / "emoji.toml").write_text(example, encoding="utf-8")


@pytest.mark.parametrize("terminal", [_Terminal, _EmojiTerminal])
@pytest.mark.parametrize("columns", [40, 60, 80])
def test_show_lays_an_answer_s_emoji_out_in_the_terminal_s_cells(
    series: Path, sessions: list[Jeudis], terminal: type[_Terminal], columns: int
) -> None:
    """rich counted 👍🏽 two cells, which xterm and tmux draw in four (pyte too): a line of
    ``jeudis show`` rich wrapped at the edge was wider than that, the terminal took its
    end to a row of its own, out of the answer's indent ("et m" / "es collègues")."""
    shown = SHOWN.format("❤\ufe0f❤\ufe0f 👩\u200d💻" if terminal is _EmojiTerminal else "tous")
    answered_first(series, shown)
    session = Jeudis(
        series, "show", "emoji", columns=columns, rows=200, cpr=True, terminal=terminal
    )
    sessions.append(session)
    assert session.wait() == 0
    screen = session.screen()
    first = next(y for y, line in enumerate(screen) if line.startswith("  Au bureau"))
    rows = list(itertools.takewhile(str.strip, screen[first:]))
    assert all(row.startswith("  ") and row[2] != " " for row in rows), rows
    assert " ".join(rows).split() == shown.split(), rows
    # Each row as full as the next word lets it be: laid out in the cells drawn.
    buffer = session.terminal.buffer
    for y, below in zip(range(first, first + len(rows)), rows[1:], strict=False):
        used = 1 + max(x for x in range(columns) if buffer[y][x].data != " ")
        assert used + 1 + len(below.split()[0]) > columns, rows


def test_show_on_a_terminal_that_never_answers_prints_the_interview_as_rich_counts(
    series: Path, sessions: list[Jeudis]
) -> None:
    """Asked how it draws emoji, a terminal that never answers leaves ``jeudis show``
    to rich's count, after a wait: the interview printed whole, the command ended."""
    shown = SHOWN.format("tous")
    answered_first(series, shown)
    session = Jeudis(series, "show", "emoji", rows=200, PROMPT_TOOLKIT_NO_CPR="")
    sessions.append(session)
    assert session.wait() == 0
    assert "\x1b[6n" in session.seen  # asked
    assert any(line.startswith("  Au bureau 👍🏽👍🏽") for line in session.screen())
    assert "voilà." in "".join(session.screen())


def test_a_photo_dropped_on_the_terminal_is_copied_into_the_series(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    dropped = tmp_path / "Mes photos" / "Gilles Klein.jpg"
    dropped.parent.mkdir()
    dropped.write_bytes(b"jpeg")
    session = start(jeudis)
    host_part(session, FIELDS[:2])  # the site and the handle: [1/4], [2/4]
    session.expect_prompt("[3/4]")
    # A file dropped on a terminal arrives as its quoted path, with a space after it.
    session.type(f"'{dropped}' ")
    session.press(Keyboard.ENTER)
    session.expect("Photo copiée dans la série : images/gilles-klein.jpg")
    session.expect_prompt("[4/4]")  # shown while the host writes the intro
    session.type(FIELDS[3])
    session.press(Keyboard.ESC_ENTER)
    session.expect("Entrée pour commencer")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert the_interview(series).fields["photo"] == "images/gilles-klein.jpg"
    assert (series / "images" / "gilles-klein.jpg").read_bytes() == b"jpeg"


def test_a_pasted_answer_keeps_its_lines(jeudis: type[Jeudis], series: Path) -> None:
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.answer(2, ANSWERS[1])
    session.expect_prompt("[3/13]")
    pasted = "Collé depuis un mail :\r\n\r\n- la veille ;\r\n- le partage.\r\n"
    session.child.send("\x1b[200~" + pasted + "\x1b[201~")  # a bracketed paste
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    assert values(the_interview(series))[2] == (
        "Collé depuis un mail :\n\n- la veille ;\n- le partage."
    )


def nearly_10_mb(room: int) -> Interview:
    """Gilles Klein's draft, the host's fields and two answers given, the first so long
    that the file is ``room`` bytes short of the most jeudis reads."""
    form = find_questionnaire(series_at(None), "twitter")
    interview = prepare(series_at(None), form, Options(GUEST, register="vous", gender="m"))
    interview.fields.update(zip(("site", "twitter", "photo", "intro"), FIELDS, strict=True))
    create(series_at(None), interview)
    context = interview_context(form, interview)
    for question, value in zip(form.questions, ["", ANSWERS[1]], strict=False):
        asked = question.wording("vous", context)
        interview.answers.append(Answer.given_now(question.id, question.type, asked, value))
    path = storage.save(interview)
    interview.answers[0].value = "x" * (MAX_FILE_SIZE - path.stat().st_size - room)
    storage.save(interview)
    assert path.stat().st_size == MAX_FILE_SIZE - room
    return interview


def test_an_answer_that_would_make_the_file_too_large_is_refused_left_to_shorten(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Over 10 MB, the interview would be read by no command: the answer pasted that would
    make it so is refused as a wrong one is, left as it was to shorten, and the session
    goes on."""
    made = nearly_10_mb(room=3000)
    assert made.path is not None
    before = made.path.read_bytes()
    session = jeudis("resume", "gilles-klein")
    welcome_back(session)
    session.expect_prompt("[3/13]")
    pasted = "Trois usages : " + "y" * 4000
    session.child.send("\x1b[200~" + pasted + "\x1b[201~")  # a bracketed paste
    session.press(Keyboard.ESC_ENTER)
    session.on_screen("Trop long : l’entretien dépasserait 10 Mo. À raccourcir.")
    assert made.path.read_bytes() == before  # not kept as typed either: it is too large

    session.type(Keyboard.BACKSPACE * 3990)  # what is left of it, given
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    assert values(the_interview(series)) == [*values(made), "Trois usages : " + "y" * 10]
    assert made.path.stat().st_size <= MAX_FILE_SIZE


def test_a_follow_up_that_would_make_the_file_too_large_is_refused_left_to_shorten(
    jeudis: type[Jeudis], series: Path
) -> None:
    made = nearly_10_mb(room=3000)
    session = jeudis("resume", "gilles-klein")
    welcome_back(session)
    session.expect_prompt("[3/13]")
    session.type("Trois usages.")
    session.press(Keyboard.CTRL_F)
    session.expect("Question de relance")
    session.child.send("\x1b[200~" + "Pourquoi " * 400 + "\x1b[201~")
    session.press(Keyboard.ENTER)
    session.on_screen("Trop long : l’entretien dépasserait 10 Mo. À raccourcir.")
    session.type(Keyboard.BACKSPACE * (9 * 399 + 1) + " ?")
    session.press(Keyboard.ENTER)
    session.expect_prompt("Facultatif : laisser vide pour passer")
    session.on_screen("↳ Pourquoi ?")  # asked of the guest
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    draft = the_interview(series)
    assert values(draft) == [*values(made), "Trois usages.", ""]
    assert draft.answers[-1].question == "Pourquoi ?"


@pytest.mark.parametrize(
    ("kept", "said"),
    [
        ("Trois usages", "Seule sa dernière version plus courte est gardée."),
        ("", "Il n’est pas gardé."),
    ],
    ids=["kept-before", "none-kept"],
)
def test_a_pause_says_the_text_too_large_to_keep_was_not_kept(
    jeudis: type[Jeudis], series: Path, kept: str, said: str
) -> None:
    """The draft keeps the last text typed that fitted (or none): paused on megabytes
    pasted, the guest had been told all was kept."""
    made = nearly_10_mb(room=3000)
    assert made.path is not None
    if kept:  # typed before, and kept: the prompt opens on it
        made.pending["utilisations"] = kept
        storage.save(made)
    session = jeudis("resume", "gilles-klein")
    welcome_back(session)
    session.expect_prompt("[3/13]")
    session.child.send("\x1b[200~" + " et " + "y" * 4000 + "\x1b[201~")  # a bracketed paste
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130

    assert the_interview(series).pending == ({"utilisations": kept} if kept else {})
    assert (
        "En pause : 2 réponses enregistrées. On reprendra où l’on s’est arrêté."
        f" Texte en cours trop long : l’entretien dépasserait 10 Mo. {said} Saved:"
    ) in " ".join(plain(session.seen).split())


def pasted_past_the_file(session: Jeudis, series: Path) -> tuple[Path, str]:
    """Some 20,000 characters pasted after "Dune" and given: they fit the answer's room,
    not the file once the question quoting it is worded again. The session stops; the
    file they are kept in, and what was said."""
    pasted = " et " + "y" * 20_000
    session.child.send("\x1b[200~" + pasted + "\x1b[201~")  # a bracketed paste
    session.press(Keyboard.ESC_ENTER)
    assert session.wait() == 1
    kept = series / "interviews" / ".gilles-klein.not-saved.txt"
    assert kept.read_text(encoding="utf-8") == f"[livre] Quel livre lisez-vous ?\nDune{pasted}\n"
    return kept, plain(session.seen)


def plain(said: str) -> str:
    """What the process wrote, less its escape sequences (colours, the cursor's moves)."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", said.replace("\r\n", "\n"))


LECTURES = """\
id = "lectures"
title = "Les lectures de {guest}"
registers = ["vous"]

[[questions]]
id = "parcours"
type = "long"
text = "Votre parcours ?"

[[questions]]
id = "livre"
type = "long"
text = "Quel livre lisez-vous ?"

[[questions]]
id = "liseuse"
text = "« {answer:livre} », sur liseuse ?"

[[questions]]
id = "fin"
text = "Un mot pour finir ?"
"""


def quoting_draft(series: Path, room: int) -> Interview:
    """A draft of three answers, the third's question quoting the second ("Dune"), the
    first so long that the file is ``room`` bytes short of the most jeudis reads."""
    (series / "questionnaires" / "lectures.toml").write_text(LECTURES, encoding="utf-8")
    form = find_questionnaire(series_at(None), "lectures")
    interview = prepare(series_at(None), form, Options(GUEST, register="vous", gender="m"))
    create(series_at(None), interview)
    for question, value in zip(form.questions, ["", "Dune", "Oui"], strict=False):
        asked = question.wording("vous", interview_context(form, interview))
        interview.answers.append(Answer.given_now(question.id, question.type, asked, value))
    path = storage.save(interview)
    interview.answers[0].value = "x" * (MAX_FILE_SIZE - path.stat().st_size - room)
    storage.save(interview)
    assert interview.answers[2].question == "« Dune », sur liseuse ?"
    assert path.stat().st_size == MAX_FILE_SIZE - room
    return interview


def test_an_answer_too_long_to_print_that_a_save_refused_is_kept_in_a_file(
    jeudis: type[Jeudis], series: Path
) -> None:
    """An answer quoted by a later question fits its own room, and the question quoting
    it, worded again, makes the file too large: the session stops, and prints what was
    not saved, for the host to copy. Megabytes of it would flood the terminal: a text
    too long to print is kept in a file, which is named."""
    made = quoting_draft(series, room=30_000)
    assert made.path is not None
    before = made.path.read_bytes()
    session = jeudis("resume", "gilles-klein")
    session.expect("Entrée pour reprendre")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[4/4]")
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[3/4]")
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[2/4]")
    kept, said = pasted_past_the_file(session, series)
    assert (
        f"not saved, as given (too long to print): kept in {kept}; copy it before"
        " `jeudis resume` asks again\n"
        f"error: {made.path}: not saved (too large: it would be more than 10 MB, the most"
        " jeudis reads)\n"
    ) in said
    assert "y" * 100 not in said.split("not saved, as given")[1]  # not printed as well
    assert made.path.read_bytes() == before


def test_the_keys_say_enter_finishes_once_escape_is_pressed(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Échap alone changed nothing on the screen: a guest pressing it for the first
    time could not tell it was taken. The keys then say Entrée finishes, until the
    answer or the cursor moves."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     cpr=True)  # fmt: skip
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, 3))
    session.expect_prompt("[3/13]")
    session.type("Trois usages.")
    session.on_screen(" Échap Entrée : terminer · ")

    def keys() -> str:  # the first row of the keys at the bottom, under the blank ones
        shown = session.screen()
        return shown[max(i for i, line in enumerate(shown) if not line.strip()) + 1]

    session.press(Keyboard.ESC)
    session.until(lambda: keys().startswith(" Entrée : terminer · "), "told")
    session.press(Keyboard.LEFT)  # Entrée is a new paragraph again
    session.until(lambda: keys().startswith(" Échap Entrée : terminer"), "undone")
    session.press(Keyboard.ESC)
    session.until(lambda: keys().startswith(" Entrée : terminer · "), "told")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[2] == "Trois usages."


def test_page_up_keeps_what_was_being_typed(jeudis: type[Jeudis], series: Path) -> None:
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, 5))
    session.expect_prompt("[5/13]")
    session.type("Un long brouillon")
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[5/13]")
    session.press(Keyboard.CTRL_C)  # whatever the prompt holds is saved as pending
    assert session.wait() == 130
    assert the_interview(series).pending == {"premier-tweet": "Un long brouillon"}


def changing_on_the_way_back(jeudis: type[Jeudis]) -> Jeudis:
    """A session at question 5, text typed there, Page↑, a change typed at question 4."""
    session = typing_at(jeudis, 5, "Mon premier tweet")
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[4/13]")
    session.expect(ANSWERS[3])
    session.type(" Et quotidienne.")
    session.expect("quotidienne.")
    return session


def meets_the_texts_kept(session: Jeudis) -> None:
    """Question 4 with the change typed at it, given, then question 5 with its text."""
    session.expect_prompt("[4/13]")
    session.expect("quotidienne.")
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[5/13]")
    session.expect("Mon premier tweet")


def test_kill_9_after_a_change_typed_on_the_way_back_keeps_every_text(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Text typed at question 5, Page↑, a change typed at question 4, `kill -9`: the
    draft kept the change, and what was typed at question 5 was lost. Each comes back
    at its own question."""
    session = changing_on_the_way_back(jeudis)
    deadline = time.monotonic() + TIMEOUT
    [path] = interview_files(series)
    while "quotidienne." not in path.read_text(encoding="utf-8"):  # a moment after the keys
        assert time.monotonic() < deadline, "the change typed never reached the file"
        time.sleep(0.1)
    session.child.kill(signal.SIGKILL)
    assert session.wait() == 128 + signal.SIGKILL

    changed = ANSWERS[3] + " Et quotidienne."
    draft = the_interview(series)
    assert draft.pending == {"premier-tweet": "Mon premier tweet", "apport": changed}
    assert values(draft) == EXPECTED[:4]

    resumed = jeudis("resume")
    welcome_back(resumed)
    meets_the_texts_kept(resumed)
    resumed.type(" : « Hello world »")
    resumed.press(Keyboard.ESC_ENTER)
    answer_each(resumed, range(6, 14))
    finish_review(resumed)
    assert resumed.wait() == 0
    done = the_interview(series)
    assert values(done)[3:5] == [changed, "Mon premier tweet : « Hello world »"]
    assert done.pending == {} and not done.notes


def test_enter_after_page_up_goes_on_to_the_change_typed_further_on(
    jeudis: type[Jeudis], series: Path
) -> None:
    """A change typed at question 4, Page↑ to question 3, given as it was: the session
    went on at question 5, past the change, which was never given. It goes on to
    question 4, the change there, then to question 5, what was typed there too."""
    session = changing_on_the_way_back(jeudis)
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[3/13]")
    session.expect("aussi.")  # its answer, prefilled
    session.press(Keyboard.ESC_ENTER)
    meets_the_texts_kept(session)
    session.press(Keyboard.ESC_ENTER)
    answer_each(session, range(6, 14))
    finish_review(session)
    assert session.wait() == 0
    done = the_interview(series)
    expected = [*EXPECTED[:3], ANSWERS[3] + " Et quotidienne.", "Mon premier tweet"]
    assert values(done) == [*expected, *EXPECTED[5:]]
    assert done.pending == {}


def test_new_with_its_output_piped_says_so(series: Path, sessions: list[Jeudis]) -> None:
    script = f"set -o pipefail; '{JEUDIS}' new twitter --guest 'Gilles Klein' | cat; echo status=$?"
    shell = Jeudis(series, "-c", script, program="bash")
    sessions.append(shell)
    shell.expect("the live session needs a terminal (standard output is not one)")
    shell.expect("--data-file")
    shell.expect("status=7")
    assert shell.wait() == 0
    assert interview_files(series) == []


@pytest.mark.parametrize(
    ("closed", "which"), [("<&-", "standard input"), (">&-", "standard output")]
)
def test_new_with_its_input_or_output_closed_says_so(
    series: Path, sessions: list[Jeudis], closed: str, which: str
) -> None:
    """Closed, the stream is None in Python: "'NoneType' object has no attribute
    'isatty'", in a traceback."""
    script = f"'{JEUDIS}' new twitter --guest 'Gilles Klein' {closed}; echo status=$?"
    shell = Jeudis(series, "-c", script, program="bash")
    sessions.append(shell)
    shell.expect(f"the live session needs a terminal ({which} is not one)")
    shell.expect("status=7")
    assert shell.wait() == 0
    assert "Traceback" not in shell.seen
    assert interview_files(series) == []


@pytest.mark.parametrize("command", [["new", "twitter", "--guest", GUEST], ["resume"]])
def test_a_dumb_terminal_is_refused_as_no_terminal_is(
    jeudis: type[Jeudis], series: Path, command: list[str]
) -> None:
    """Emacs's M-x shell, a CI's console (TERM=dumb) draw no screen: the session's
    clearing and cursor moves were printed there as they are, the questions lost among
    them. It is refused, before anything is written, with what to run it in instead."""
    if command == ["resume"]:
        every_answer_given(series)
    before = {path: path.read_bytes() for path in interview_files(series)}
    session = jeudis(*command, TERM="dumb")
    assert session.wait() == 7
    said = " ".join(session.seen.split())
    assert "error: the live session needs a terminal that draws a screen (TERM=dumb" in said
    assert "hint: run it in a terminal emulator (in Emacs, M-x term, not M-x shell);" in said
    assert "jeudis sheet" in said
    assert "\x1b" not in session.seen  # nothing drawn
    assert {path: path.read_bytes() for path in interview_files(series)} == before


# -- publishing ---------------------------------------------------------------------------


def many_interviews(series: Path, count: int) -> None:
    """``count`` copies of an example interview: an export long enough to watch, or stop."""
    example = (REPO / "interviews" / "mathieu-durand.toml").read_text(encoding="utf-8")
    for n in range(count):
        (series / "interviews" / f"invite-{n:03d}.toml").write_text(example, encoding="utf-8")


def test_a_large_export_shows_a_progress_bar_on_a_terminal(
    series: Path, sessions: list[Jeudis]
) -> None:
    many_interviews(series, 150)
    session = Jeudis(series, "export", "--all", "-o", "site")
    sessions.append(session)
    session.expect("Exporting")
    session.expect("/150")
    session.expect("site: 152 files written")  # the pages, the index, the feed
    assert session.wait() == 0
    assert len(list((series / "site").glob("invite-*.html"))) == 150


def _sigint_pending(pid: int) -> bool:
    """SIGINT waits for the stopped process ``pid`` (Linux's /proc: its pending masks)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines()
    masks = [int(line.split()[1], 16) for line in status if line.startswith(("SigPnd", "ShdPnd"))]
    return any(mask & 1 << (signal.SIGINT - 1) for mask in masks)


def test_ctrl_c_stops_a_large_export_cleanly_and_the_next_one_finishes_it(
    series: Path, sessions: list[Jeudis]
) -> None:
    many_interviews(series, 800)
    session = Jeudis(series, "export", "--all", "-o", "site")
    sessions.append(session)
    _ctrl_c_once_drawn(session)
    session.expect("site: stopped; what is written stays, and the next export finishes it")
    assert session.wait() == 130
    assert "Traceback" not in session.seen and "KeyboardInterrupt" not in session.seen
    assert len(list((series / "site").glob("invite-*.html"))) < 800

    again = Jeudis(series, "export", "--all", "-o", "site")
    sessions.append(again)
    # Not refused as files of someone else's; those the first wrote whole, and whose
    # workers said so before the stop, are as this one writes them.
    again.child.expect(r"site: (\d+) files written")
    written = int(again.child.match.group(1))
    assert again.wait() == 0
    assert 0 < written <= 802
    assert len(list((series / "site").glob("invite-*.html"))) == 800


@pytest.mark.parametrize(
    ("output", "written"),
    [(["-o", "all.xml"], "Written: all.xml"), (["-o", "site"], "site: 1 file written")],
)
def test_a_wordpress_file_of_the_series_shows_a_progress_bar_on_a_terminal(
    series: Path, sessions: list[Jeudis], output: list[str], written: str
) -> None:
    """A WordPress file of five thousand interviews took a minute, the screen blank."""
    many_interviews(series, 150)
    session = Jeudis(series, "export", "--all", "--format", "wxr", *output)
    sessions.append(session)
    session.expect("Exporting")
    session.expect("/150")
    session.expect(written)
    assert session.wait() == 0
    made = series / "all.xml" if output[1] == "all.xml" else series / "site" / "wordpress.xml"
    assert made.read_text(encoding="utf-8").count("<item>") == 150


def _ctrl_c_once_drawn(session: Jeudis) -> None:
    """Ctrl-C, as a terminal sends it, to an export that has drawn its bar."""
    session.expect("Exporting")
    # Held still while the key travels, so the export cannot finish before it arrives.
    os.killpg(session.child.pid, signal.SIGSTOP)
    session.press(Keyboard.CTRL_C)  # to the whole process group, as a terminal sends it
    # The terminal turns the key into SIGINT on its own time: held until it is pending.
    deadline = time.monotonic() + TIMEOUT
    while not _sigint_pending(session.child.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(session.child.pid, signal.SIGCONT)


@pytest.mark.parametrize(
    ("output", "target", "said"),
    [
        (["-o", "all.xml"], "all.xml", "all.xml: stopped; nothing written"),
        (["-o", "site"], "site/wordpress.xml", "site/wordpress.xml: stopped; nothing written"),
    ],
)
@pytest.mark.parametrize("there", [True, False])
def test_ctrl_c_stops_a_wordpress_file_of_the_series_leaving_the_old_one(
    series: Path,
    sessions: list[Jeudis],
    output: list[str],
    target: str,
    said: str,
    there: bool,
) -> None:
    """Stopped, the export of one WordPress file said nothing (exit 130): the file is
    written aside, put in its place once whole; the one there stays as it was."""
    file = series / target
    if there:
        first = Jeudis(series, "export", "--all", "--format", "wxr", *output)
        sessions.append(first)
        assert first.wait() == 0
    before = file.read_bytes() if there else None
    many_interviews(series, 800)
    session = Jeudis(series, "export", "--all", "--format", "wxr", *output)
    sessions.append(session)
    _ctrl_c_once_drawn(session)
    session.expect(said + (", the file is as it was" if there else ""))
    assert session.wait() == 130
    assert "Traceback" not in session.seen and "KeyboardInterrupt" not in session.seen
    assert (file.read_bytes() if file.exists() else None) == before
    assert not [p.name for p in file.parent.iterdir() if p.name.endswith(".tmp")]


def test_an_export_killed_half_way_is_finished_by_the_next(series: Path) -> None:
    """kill -9 (or a power cut) mid-export: the files it wrote are still the export's."""
    many_interviews(series, 800)
    site = series / "site"
    command = [str(JEUDIS), "export", "--all", "-C", str(series), "-o", str(site)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not list(site.glob("invite-*.html")) and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert 0 < len(list(site.glob("invite-*.html"))) < 800

    again = subprocess.run(command, capture_output=True, text=True, check=False)

    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[0] == f"{site}: 802 files written, 0 unchanged"


@pytest.mark.parametrize("output", ["all.xml", "site"])
def test_a_wordpress_file_killed_half_made_leaves_no_half_file(series: Path, output: str) -> None:
    """kill (SIGTERM) while the WordPress file is made, beside the one it replaces: it
    was left there, up to the size of the whole file (160 MB for ten thousand posts)."""
    many_interviews(series, 800)
    command = [str(JEUDIS), "export", "--all", "-f", "wxr", "-C", str(series), "-o", output]
    process = subprocess.Popen(
        command,
        cwd=series,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    folder = series / output if output == "site" else series

    def half_made() -> list[Path]:
        return list(folder.glob(".*.tmp")) if folder.is_dir() else []

    deadline = time.monotonic() + TIMEOUT
    while not half_made() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert half_made()
    process.terminate()
    _, said = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 128 + signal.SIGTERM, said
    # Not "`jeudis export --all` again finishes it": that would make the HTML site.
    assert said.splitlines()[-2:] == [
        "error: export stopped by SIGTERM",
        (
            "hint: the WordPress file there is as it was (the new one goes in place once"
            " whole); the same export run again writes it"
        ),
    ]
    assert not half_made()
    assert not (folder / ("wordpress.xml" if output == "site" else output)).exists()


def test_ctrl_c_at_the_edit_review_leaves_it_without_a_traceback(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Ctrl-C at `jeudis edit`'s review screen printed a traceback ending in "Paused"."""
    example = REPO / "interviews" / "amelie-roux.toml"
    (series / "interviews" / example.name).write_bytes(example.read_bytes())
    session = jeudis("edit", "amelie-roux", columns=100, cpr=True)
    # Its mark: the prompt reads the keys (the question above it is drawn before).
    session.expect_prompt("Modifier une réponse ?")
    session.press(Keyboard.CTRL_C)
    session.expect("amelie-roux: 0 answers changed")
    assert session.wait() == 0
    assert "Traceback" not in session.seen
    assert (series / "interviews" / example.name).read_bytes() == example.read_bytes()


def test_ctrl_c_as_the_edit_review_is_drawn_says_what_changed(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Ctrl-C before the review's prompt reads the keys (its table, its question being
    drawn: on a loaded machine, a tenth of a second) is the terminal's interrupt, not
    the prompt's key: `jeudis edit` ended with 130 and not a word of what it kept.
    The table here (120 follow-ups, 140 kB drawn) is longer than a pseudo-terminal holds
    unread (Linux: 64 kB at most), so the edit is still writing it, blocked, when Ctrl-C
    comes: no prompt can be reading the keys yet, however loaded the machine."""
    example = REPO / "interviews" / "amelie-roux.toml"
    said = "Une réponse de relance, assez longue pour tenir plusieurs lignes du tableau. " * 4
    followups = "".join(
        f'\n[[answers]]\nid = "question-{n}"\ntype = "long"\nquestion = "Relance {n} ?"\n'
        f'answer = "{said.strip()}"\nanswered_at = 2011-03-24 09:30:00+00:00\nfollowup = true\n'
        for n in range(1, 121)
    )
    path = series / "interviews" / example.name
    path.write_text(example.read_text(encoding="utf-8") + followups, encoding="utf-8")
    before = path.read_bytes()
    session = jeudis("edit", "amelie-roux", columns=100, cpr=True)
    session.expect("Relecture")
    session.press(Keyboard.CTRL_C)  # the table unread: the edit is still writing it
    session.expect("amelie-roux: 0 answers changed")
    assert session.wait() == 0
    assert "Traceback" not in session.seen
    assert path.read_bytes() == before


def test_edit_says_its_keys_cancel_and_ctrl_c_does(jeudis: type[Jeudis], series: Path) -> None:
    """Changing an answer is not a session: Ctrl-C cancels the change, as the keys say."""
    example = REPO / "interviews" / "amelie-roux.toml"
    (series / "interviews" / example.name).write_bytes(example.read_bytes())
    session = jeudis("edit", "amelie-roux", "--question", "depuis-quand", columns=100, cpr=True)
    session.expect("un peu par hasard")  # prefilled
    shown = session.on_screen("Ctrl-C, Page↑ ou Maj-Tab : annuler, rien n’est changé")
    assert not any("Ctrl-C : pause" in line for line in shown)
    session.type(" Et pour de bon.")
    session.press(Keyboard.CTRL_C)
    session.expect("nothing changed")
    assert session.wait() == 0
    assert the_interview(series).answer("depuis-quand").value == (  # type: ignore[union-attr]
        "Juin 2010, un peu par hasard."
    )


def test_an_answer_edit_could_not_save_is_kept_in_a_file_it_names(
    jeudis: type[Jeudis], series: Path
) -> None:
    """`jeudis edit -q ID`: the answer typed anew, which the save refused (the question
    quoting it, worded again, would make the file too large), was gone with an error
    only. It is kept as the session keeps it, and the message says the command that
    asks it again: not `resume`, which a complete interview refuses."""
    made = quoting_draft(series, room=30_000)
    assert made.path is not None
    before = made.path.read_bytes()
    session = jeudis("edit", "gilles-klein", "--question", "livre")
    session.expect_prompt("Quel livre lisez-vous ?")
    session.expect("Dune")  # prefilled
    kept, said = pasted_past_the_file(session, series)
    assert (
        f"not saved, as given (too long to print): kept in {kept}; copy it before"
        " `jeudis edit gilles-klein --question livre` asks again\n"
        f"error: {made.path}: not saved (too large: it would be more than 10 MB, the most"
        " jeudis reads)\n"
        "hint: shorten what is added to it, then run the command again\n"
    ) in said
    assert "resume" not in said
    assert made.path.read_bytes() == before  # nothing of the change written


# A full disk from the second answer given on (its save fails), in `jeudis edit`'s own
# process: the answer is given, then the disk has no room for it.
FULL_AT_THE_SECOND_ANSWER = """\
import errno, os, sys
sys.argv = ["jeudis", *sys.argv[1:]]
from jeudis.prompter import TerminalPrompter
asked = TerminalPrompter.ask
given = []
def full(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
def ask(self, prompt):
    answer = asked(self, prompt)
    given.append(answer)
    if len(given) == 2:
        os.fsync = full
    return answer
TerminalPrompter.ask = ask
from jeudis.cli import main
main()
"""


def test_an_answer_the_edit_review_could_not_save_is_printed_to_copy(
    series: Path, sessions: list[Jeudis]
) -> None:
    """At `jeudis edit`'s review, a first answer changed and saved, a second that the
    full disk refused: it was gone, an error said. It is printed for the host to copy,
    and the file holds the first change whole, nothing of the second."""
    example = REPO / "interviews" / "amelie-roux.toml"
    path = series / "interviews" / example.name
    path.write_bytes(example.read_bytes())
    session = Jeudis(
        series, "-c", FULL_AT_THE_SECOND_ANSWER, "edit", "amelie-roux", program=sys.executable
    )
    sessions.append(session)
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.DOWN)  # past "all good, finish"
    session.press(Keyboard.DOWN)  # to question 2
    session.press(Keyboard.ENTER)
    session.expect_prompt("Combien as-tu de followers ?")
    session.expect("2 980")  # prefilled
    session.type(" (et 12 en plus)")
    session.press(Keyboard.ENTER)
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.DOWN)  # to question 1
    session.press(Keyboard.ENTER)
    session.expect_prompt("Depuis combien de temps utilises-tu Twitter ?")
    session.expect("un peu par hasard")
    session.type(" Et pour de bon.")
    session.press(Keyboard.ENTER)
    assert session.wait() == 1

    said = plain(session.seen)
    assert (
        "not saved, as given (copy it before `jeudis edit amelie-roux` asks again):\n"
        "[depuis-quand] Depuis combien de temps utilises-tu Twitter ?\n"
        "Juin 2010, un peu par hasard. Et pour de bon.\n"
        f"error: {path}: not saved ({os.strerror(errno.ENOSPC)})\n"
        "hint: free some space on the disk, then run the command again\n"
    ) in said
    assert "resume" not in said
    saved = {answer.id: answer.value for answer in load_interview(path).answers}
    assert saved["followers"] == "2 980 (et 12 en plus)"
    assert saved["depuis-quand"] == "Juin 2010, un peu par hasard."
    assert sorted(p.name for p in path.parent.iterdir()) == [example.name]  # no temporary left


def test_what_the_edit_review_saved_is_said_before_a_save_it_could_not_make(
    series: Path, sessions: list[Jeudis], invoke: Invoke
) -> None:
    """At the review, a first answer changed and saved ("Non": the opinion set aside in
    the notes), a second that the full disk refused: only the error was said, never
    that the first change was in the file, nor that the opinion had gone to the notes.
    Both are said before what was not saved."""
    (series / "questionnaires" / "lu.toml").write_text(LU, encoding="utf-8")
    data = series.parent / "data.toml"
    data.write_text('[answers]\nlu = "oui"\navis = "Un beau livre."\nfin = "Merci"\n')
    assert invoke("new", "lu", "--guest", "Anne Roux", "--data-file", data).exit_code == 0
    path = series / "interviews" / "anne-roux.toml"
    session = Jeudis(
        series, "-c", FULL_AT_THE_SECOND_ANSWER, "edit", "anne-roux", program=sys.executable
    )
    sessions.append(session)
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.DOWN)  # past "all good, finish", to question 1
    session.press(Keyboard.ENTER)
    session.expect_prompt("As-tu lu le livre ?")
    session.press(Keyboard.DOWN)
    session.press(Keyboard.ENTER)  # Non: saved
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.DOWN)
    session.press(Keyboard.DOWN)  # to question 2, the last word now
    session.press(Keyboard.ENTER)
    session.expect_prompt("Un dernier mot ?")
    session.type(" !")
    session.press(Keyboard.ENTER)  # the disk is full
    assert session.wait() == 1

    said = plain(session.seen)
    assert (
        "anne-roux: 1 answer changed\n"
        "warning: anne-roux: [avis] not asked any more: kept in the private notes, out of the"
        " post (`jeudis edit anne-roux --notes`)\n"
        "not saved, as given (copy it before `jeudis edit anne-roux` asks again):\n"
        "[fin] Un dernier mot ?\n"
        "Merci !\n"
        f"error: {path}: not saved ({os.strerror(errno.ENOSPC)})\n"
    ) in said
    saved = load_interview(path)
    assert [(a.id, a.value) for a in saved.answers] == [("lu", False), ("fin", "Merci")]
    assert "Un beau livre." in saved.notes


def test_an_answer_set_aside_before_a_pause_comes_back_on_resume(
    jeudis: type[Jeudis], series: Path
) -> None:
    """An opinion given after "Oui", "Non" at the review, Ctrl-C, `jeudis resume`, "Oui"
    again: the opinion was asked again, empty, its text in the notes to type anew."""
    (series / "questionnaires" / "lu.toml").write_text(LU, encoding="utf-8")
    opinion = "Un beau livre, très fort."
    session = jeudis("new", "lu", "--guest", "Anne Roux")
    session.expect("Bienvenue, Anne Roux !")
    session.expect("Entrée pour commencer")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/3]")
    session.press(Keyboard.ENTER)  # Oui, the first choice
    session.expect_prompt("[2/3]")
    session.type(opinion)
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[3/3]")
    session.type("Merci")
    session.press(Keyboard.ENTER)
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.DOWN)  # past "all good, finish", to question 1
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/3]")
    session.press(Keyboard.DOWN)
    session.press(Keyboard.ENTER)  # Non
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.CTRL_C)
    session.expect("jeudis resume anne-roux")
    assert session.wait() == 130
    paused = the_interview(series)
    assert [a.id for a in paused.answers] == ["lu", "fin"]
    assert opinion in paused.notes

    resumed = jeudis("resume", "anne-roux")
    resumed.expect("Entrée pour reprendre")
    resumed.press(Keyboard.ENTER)
    resumed.expect("Modifier une réponse ?")
    resumed.press(Keyboard.DOWN)
    resumed.press(Keyboard.ENTER)
    resumed.expect_prompt("[1/2]")
    resumed.press(Keyboard.UP)
    resumed.press(Keyboard.ENTER)  # Oui again: the opinion is back, not asked
    resumed.expect("Modifier une réponse ?")  # the review, drawn anew
    assert any(opinion in line for line in resumed.on_screen("3. Un dernier mot ?"))
    resumed.press(Keyboard.ENTER)  # all good, finish
    resumed.expect("Merci, Anne Roux !")
    assert resumed.wait() == 0

    done = the_interview(series)
    assert [(a.id, a.value) for a in done.answers] == [
        ("lu", True),
        ("avis", opinion),
        ("fin", "Merci"),
    ]
    assert done.status == "complete"
    assert done.notes == "" and done.set_aside == []


# -- (j) the boxes ticked at a multiple choice, kept as a text typed is ---------------------

OUTILS = """
id = "outils"
title = "Les outils de {guest}"
registers = ["tu"]

[[questions]]
id = "depuis"
type = "text"
text = "Depuis quand blogues-tu ?"

[[questions]]
id = "reseaux"
type = "multi"
text = "Sur quels réseaux es-tu ?"
choices = ["Twitter", "Mastodon", "LinkedIn", "Facebook"]

[[questions]]
id = "fin"
type = "text"
text = "Un dernier mot ?"
"""
TICKED = ["Twitter", "LinkedIn"]


def ticked(session: Jeudis) -> list[str]:
    """The choices the running multiple choice shows ticked ("● Twitter")."""
    return [line.split("●", 1)[1].strip() for line in session.screen() if "●" in line]


def shows_ticked(session: Jeudis, choices: list[str]) -> None:
    session.until(lambda: ticked(session) == choices, f"{choices} ticked")


def at_the_choices(jeudis: type[Jeudis], series: Path) -> Jeudis:
    """A session of a questionnaire of three questions, the first answered, Twitter and
    LinkedIn ticked at the second, a multiple choice, and not given."""
    (series / "questionnaires" / "outils.toml").write_text(OUTILS, encoding="utf-8")
    session = jeudis("new", "outils", "--guest", "Anne Roux")
    session.expect("Entrée pour commencer")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/3]")
    session.type("Depuis 2009.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/3]")
    session.type(" " + Keyboard.DOWN * 2 + " ")
    shows_ticked(session, TICKED)
    return session


def resumed_at(jeudis: type[Jeudis], counter: str) -> Jeudis:
    resumed = jeudis("resume", "anne-roux")
    resumed.expect("Entrée pour reprendre")
    resumed.press(Keyboard.ENTER)
    resumed.expect_prompt(counter)
    return resumed


def test_page_up_keeps_the_boxes_ticked_and_resume_ticks_them_again(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Boxes ticked, then Page↑: the question came back with none ticked, and a pause
    kept none. They are the question's pending choices, ticked again when it comes back,
    in the session or resumed, but for a choice the questionnaire no longer offers."""
    session = at_the_choices(jeudis, series)
    session.press(Keyboard.PAGE_UP)
    session.expect_prompt("[1/3]")
    assert the_interview(series).pending == {"reseaux": TICKED}
    session.press(Keyboard.ENTER)  # the answer, as it was
    session.expect_prompt("[2/3]")
    shows_ticked(session, TICKED)
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    draft = the_interview(series)
    assert draft.pending == {"reseaux": TICKED} and draft.answer("reseaux") is None

    outils = series / "questionnaires" / "outils.toml"
    outils.write_text(OUTILS.replace('"LinkedIn", ', ""), encoding="utf-8")
    resumed = resumed_at(jeudis, "[2/3]")
    shows_ticked(resumed, ["Twitter"])
    resumed.press(Keyboard.ENTER)
    resumed.expect_prompt("[3/3]")
    resumed.type("Merci")
    resumed.press(Keyboard.ENTER)
    resumed.expect("Modifier une réponse ?")
    resumed.press(Keyboard.ENTER)  # all good, finish
    assert resumed.wait() == 0
    done = the_interview(series)
    assert done.answer("reseaux").value == ["Twitter"]  # type: ignore[union-attr]
    assert done.pending == {} and done.status == "complete" and not done.notes


def test_shift_tab_goes_back_as_page_up_does(jeudis: type[Jeudis], series: Path) -> None:
    """A Mac's laptop has no Page↑ (Terminal.app scrolls its window on fn-↑): Shift-Tab,
    a form's key for the field before, goes back too, from a choice as from a text
    typed, and from the review to the last question and back."""
    session = at_the_choices(jeudis, series)
    session.press(Keyboard.SHIFT_TAB)
    session.expect_prompt("[1/3]")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/3]")
    shows_ticked(session, TICKED)
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/3]")
    session.type("Merci")
    session.press(Keyboard.SHIFT_TAB)
    session.expect_prompt("[2/3]")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/3]")
    session.expect("Merci")  # kept, and nothing typed for the key
    session.press(Keyboard.ENTER)
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.SHIFT_TAB)  # the last question, to change
    session.expect_prompt("[3/3]")
    session.type(" beaucoup")
    session.press(Keyboard.SHIFT_TAB)  # back to the review, the answer unchanged
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.ENTER)  # all good, finish
    assert session.wait() == 0
    done = the_interview(series)
    assert [(a.id, a.value) for a in done.answers] == [
        ("depuis", "Depuis 2009."),
        ("reseaux", TICKED),
        ("fin", "Merci"),
    ]


@pytest.mark.parametrize(
    ("stop", "code"),
    [(Keyboard.CTRL_C, 130), (Keyboard.CTRL_D, 130), (signal.SIGHUP, 129),
     (signal.SIGTERM, 143), (signal.SIGINT, 130)],
)  # fmt: skip
def test_a_pause_or_a_signal_keeps_the_boxes_ticked(
    jeudis: type[Jeudis], series: Path, stop: Keyboard | int, code: int
) -> None:
    session = at_the_choices(jeudis, series)
    if isinstance(stop, Keyboard):
        session.press(stop)
    else:
        session.child.kill(stop)
    assert session.wait() == code
    assert "Traceback" not in session.seen
    draft = the_interview(series)
    assert draft.pending == {"reseaux": TICKED} and draft.answer("reseaux") is None
    assert 'ticked = [\n    "Twitter",\n    "LinkedIn",\n]' in draft.to_toml()


def test_the_boxes_ticked_are_saved_as_they_are_ticked(jeudis: type[Jeudis], series: Path) -> None:
    """As a text being typed: a `kill -9` (a crash, a power cut) loses a second of it."""
    session = at_the_choices(jeudis, series)
    deadline = time.monotonic() + TIMEOUT
    while the_interview(series).pending == {}:
        assert time.monotonic() < deadline, "the boxes ticked never reached the file"
        time.sleep(0.1)
    session.child.kill(signal.SIGKILL)
    assert session.wait() == 128 + signal.SIGKILL
    assert the_interview(series).pending == {"reseaux": TICKED}


def test_boxes_ticked_changing_an_answer_at_the_review_are_kept_by_a_pause(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Picked at the review, ticked otherwise, Ctrl-C: resumed, the question is asked
    first, its new boxes ticked, as if picked at the review again."""
    session = at_the_choices(jeudis, series)
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/3]")
    session.type("Merci")
    session.press(Keyboard.ENTER)
    session.expect("Modifier une réponse ?")
    session.type(Keyboard.DOWN * 2)  # past "all good, finish" and question 1
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/3]")
    shows_ticked(session, TICKED)
    session.type(" " + Keyboard.DOWN * 3 + " ")  # Twitter unticked, Facebook ticked
    shows_ticked(session, ["LinkedIn", "Facebook"])
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    draft = the_interview(series)
    assert draft.pending == {"reseaux": ["LinkedIn", "Facebook"]}
    assert draft.answer("reseaux").value == TICKED  # type: ignore[union-attr]

    resumed = resumed_at(jeudis, "[2/3]")
    shows_ticked(resumed, ["LinkedIn", "Facebook"])
    resumed.press(Keyboard.ENTER)
    resumed.expect("Modifier une réponse ?")
    resumed.press(Keyboard.ENTER)
    assert resumed.wait() == 0
    done = the_interview(series)
    assert done.answer("reseaux").value == ["LinkedIn", "Facebook"]  # type: ignore[union-attr]
    assert done.pending == {} and done.status == "complete"


# -- (k) a terminal of 40 × 12 ------------------------------------------------------------------


def test_a_40_by_12_terminal_says_page_up_on_its_one_row_of_keys(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The keys took one row, which left Page↑ out: the guest could not know how to go
    back. It says it, in fewer words, from the second question on."""
    session = jeudis("new", "twitter", "--guest", "Zoé", "--register", "tu", "--gender", "f",
                     columns=40, rows=12, cpr=True)  # fmt: skip
    host_part(session)
    session.expect("commencer.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/13]")
    assert session.on_screen("Ctrl-C")[-1] == " Entrée : valider · Ctrl-C : pause"
    session.type(ANSWERS[0])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    shown = session.on_screen("Page↑")
    assert shown[-1] == " Entrée OK · Page↑ préc. · Ctrl-C pause" and len(shown) == 12
    check_snapshot("40x12.txt", "\n".join(shown) + "\n", REPO / "tests/snapshots/session")
    session.press(Keyboard.PAGE_UP)  # as it says
    session.expect_prompt("[1/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


# -- (l) terminals that are no UTF-8 xterm --------------------------------------------------------


def test_keys_a_latin_1_terminal_sends_are_kept_as_the_letters_typed(
    jeudis: type[Jeudis], series: Path
) -> None:
    """A terminal set to Latin-1 where the system says UTF-8 (``LANG=C``, an old PuTTY)
    sends "é" as one byte UTF-8 cannot read. prompt_toolkit kept a stand-in no file can
    hold: the save made while typing said "Unhandled exception in event loop" and waited
    for Entrée, the answer's own ended the session in a traceback, the answer lost."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    session.expect_prompt("[1/13]")
    os.write(session.child.child_fd, "Mon cœur, l’été : 5 €".encode("cp1252"))
    session.on_screen("5 €")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.type("Déjà")  # UTF-8 still reads as UTF-8
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert "Traceback" not in session.seen and "Unhandled exception" not in session.seen
    draft = the_interview(series)
    assert values(draft) == ["Mon cœur, l’été : 5 €"]
    assert draft.pending == {"followers": "Déjà"}


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ('rm "$1"', "the editor removed the file it was given; nothing was changed"),
        ('echo Ajout >> "$1"; exit 3', "the editor exited with status 3; nothing was changed"),
        ('rm "$1"; mkdir "$1"', "the editor removed the file it was given; nothing was changed"),
    ],
)
def test_an_editor_that_fails_leaves_the_answer_as_it_was(
    jeudis: type[Jeudis], series: Path, tmp_path: Path, script: str, said: str
) -> None:
    """An editor that removed its file (``EDITOR=rm``) ended the session as a closed
    terminal does ("Stopped by SIGHUP"); one that failed seemed to do nothing. The
    guest stays at the question, the text as it was, told so in their language and
    why for the host under it; what a failing editor saved is kept, and named."""
    editor = tmp_path / "editor"
    editor.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    editor.chmod(0o755)
    session = in_the_editor(jeudis, editor)
    session.on_screen("la réponse est inchangée")
    session.until(lambda: "nothing was changed" in " ".join(session.screen()), said)
    shown = " ".join(line.strip() for line in session.screen())
    assert f"L’éditeur n’a rien rendu : la réponse est inchangée. (Ctrl-X Ctrl-E: {said}" in shown
    kept = re.search(r"what it saved is in (\S+?)\)", shown)
    assert (kept is not None) == ("Ajout" in script)
    if kept is not None:
        assert Path(kept.group(1)).read_text(encoding="utf-8") == "Depuis 2008Ajout\n"
        Path(kept.group(1)).unlink()
    session.type(", et avant.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert "SIGHUP" not in session.seen and "Traceback" not in session.seen
    assert values(the_interview(series)) == ["Depuis 2008, et avant."]


# An editor the guest has saved in, still open: it waits on the terminal. As vim, it
# keeps what is typed since in a swap file beside the file, which it leaves when killed.
SAVED_STILL_OPEN = """#!/bin/sh
printf '%s\\n\\nAjout dans l’éditeur.\\n' "$(cat "$1")" > "$1"
printf 'Ajout non enregistré' > "$(dirname "$1")/.$(basename "$1").swp"
printf 'Enregistré, éditeur ouvert.\\n'
read line
"""


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), ("closed", 129), (signal.SIGINT, 130)])  # fmt: skip
def test_a_stop_while_the_editor_is_open_keeps_what_was_saved_there(
    jeudis: type[Jeudis], series: Path, tmp_path: Path, stop: int | str, code: int
) -> None:
    """SIGTERM, SIGHUP or the terminal closed while the guest is in the editor, having
    saved there: the text kept was the one before the editor, what was saved in it lost
    (its file removed), and the session waited for the guest to quit the editor."""
    editor = tmp_path / "editor"
    editor.write_text(SAVED_STILL_OPEN, encoding="utf-8")
    editor.chmod(0o755)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     EDITOR=str(editor), VISUAL="", TMPDIR=str(temporary))  # fmt: skip
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, 3))
    session.expect_prompt("[3/13]")
    session.type("Texte avant l’éditeur.")
    session.expect("l’éditeur.")
    session.press(Keyboard.CTRL_X_CTRL_E)
    session.expect("Enregistré, éditeur ouvert.")
    if stop == "closed":  # as in test_the_terminal_closing_leaves_a_resumable_draft
        pid = session.child.pid
        session.child.ptyproc.fileobj.close()
        session.child.ptyproc.closed = session.child.closed = True
        _, status = os.waitpid(pid, 0)
        session.child.isalive = lambda: False  # type: ignore[method-assign]
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == code
    else:
        assert isinstance(stop, signal.Signals)
        session.child.kill(stop)
        assert session.wait() == code  # not waiting for the guest to quit the editor
        assert "Traceback" not in session.seen and "Unhandled exception" not in session.seen

    draft = the_interview(series)
    assert values(draft) == EXPECTED[:2]
    assert draft.pending == {"utilisations": "Texte avant l’éditeur.\n\nAjout dans l’éditeur."}
    assert not list(temporary.iterdir())  # the editor's file removed
    resumes_at_the_third_with(jeudis, "Ajout dans l’éditeur.")


def test_an_answer_written_in_an_editor_set_to_latin_1_comes_back_whole(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """An editor in a Latin-1 locale saves "é" as one byte: prompt_toolkit, reading the
    file back as UTF-8, said "Unhandled exception in event loop", and what the guest
    had written there was lost."""
    editor = tmp_path / "editor"
    editor.write_bytes(
        b"#!/bin/sh\nprintf '\\311crit dans l\\222\\351diteur :\\r\\n\\r\\n- c\\234ur\\r\\n' > \"$1\"\n"
    )
    editor.chmod(0o755)
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     EDITOR=str(editor), VISUAL=str(editor))  # fmt: skip
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, 3))
    session.expect_prompt("[3/13]")
    session.press(Keyboard.CTRL_X_CTRL_E)
    session.expect("- cœur")
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[4/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert "Unhandled exception" not in session.seen
    assert values(the_interview(series))[2] == "Écrit dans l’éditeur :\n\n- cœur"


# Copied from a terminal, a mail: tabs, CRLF, a window title, colours, cursor moves.
PASTED_WITH_ESCAPES = (
    "Premier\tparagraphe \x1b]0;pwned\x07copié.\r\n\r\n"
    "Un \x1b[31mmot rouge\x1b[0m, \x1b[2J\x1b[Hpuis\r\n\x1b[1A\x1b[Kla fin."
)


@pytest.mark.parametrize(
    ("number", "kept"),
    [
        (1, "Premier\tparagraphe copié. Un mot rouge, puis la fin."),  # one line
        (3, "Premier\tparagraphe copié.\n\nUn mot rouge, puis\nla fin."),
    ],
    ids=["one-line", "long"],
)
def test_an_answer_pasted_keeps_no_escape_sequence(
    jeudis: type[Jeudis], series: Path, number: int, kept: str
) -> None:
    """The answer was saved with them (for every command that shows it after), and
    the prompt showed them as "^[[31m"."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, number))
    session.expect_prompt(f"[{number}/13]")
    session.child.send("\x1b[200~" + PASTED_WITH_ESCAPES + "\x1b[201~")  # a bracketed paste
    shown = session.on_screen("la fin.")
    assert not any("^[" in line or "pwned" in line for line in shown), "\n".join(shown)
    session.press(Keyboard.ESC_ENTER if number in LONG else Keyboard.ENTER)
    session.expect_prompt(f"[{number + 1}/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[number - 1] == kept


def test_text_pasted_at_the_welcome_keeps_no_escape_sequence(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Pasted instead of Entrée, it starts the first answer: with its escapes, as above."""
    session = start(jeudis)
    host_part(session)
    session.expect("Entrée pour commencer")
    session.child.send("\x1b[200~" + PASTED_WITH_ESCAPES + "\x1b[201~")
    session.expect_prompt("[1/13]")
    session.on_screen("la fin.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series)) == [
        "Premier\tparagraphe copié. Un mot rouge, puis la fin."
    ]


def test_the_file_removed_during_the_session_is_written_again_whole(
    jeudis: type[Jeudis], series: Path
) -> None:
    """Another program (a sync client, a host tidying up) removes the interview's file:
    the next answer saved writes it again, with everything the session holds."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    session.answer(1, ANSWERS[0])
    session.expect_prompt("[2/13]")
    (series / "interviews" / "gilles-klein.toml").unlink()
    session.type(ANSWERS[1])
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    draft = the_interview(series)
    assert values(draft) == EXPECTED[:2]
    assert draft.fields["intro"] == FIELDS[3]


def test_a_latin_1_terminal_is_sent_the_characters_it_has(
    series: Path, sessions: list[Jeudis]
) -> None:
    """A terminal set to Latin-1 (LC_ALL=fr_FR.ISO-8859-1, which gives Python's standard
    streams the encoding PYTHONIOENCODING gives them here) was sent "?" for each
    character Latin-1 lacks: "Page? : question précédente", "?? puis Entrée" at the
    review, "C?est", "l?hôte"; and rich's "\\u2019" ran the last box's border out."""
    session = Jeudis(series, "new", "twitter", "--guest", GUEST, "--register", "vous",
                     encoding="iso8859-1", PYTHONIOENCODING="iso8859-1")  # fmt: skip
    sessions.append(session)

    def answer(counter: str, text: str, key: Keyboard = Keyboard.ENTER) -> None:
        session.expect(counter)
        session.expect(">")  # the prompt's mark, in Latin-1
        session.type(text)
        session.press(key)

    for number, text in enumerate(["", "", "", "Il écrit là-bas."], 1):
        answer(f"[{number}/4]", text, Keyboard.ESC_ENTER if number == 4 else Keyboard.ENTER)
    shown = session.on_screen("Page^ ou Maj-Tab : question précédente")
    assert "|  C'est à vous : 13 questions. Chaque réponse est enregistrée dès qu'elle" in (
        "\n".join(shown)
    )
    assert not any("?" in line for line in shown if line.startswith(("+", "|    *"))), shown
    session.press(Keyboard.ENTER)
    answer("[1/13]", "L'été 2007, à Paris.")
    answer("[2/13]", "9 200")
    for number in range(3, 14):
        answer(f"[{number}/13]", "Oui.", Keyboard.ESC_ENTER)
    session.on_screen("^v puis Entrée")
    session.press(Keyboard.ENTER)
    shown = session.on_screen("clavier à votre hôte.")
    thanks = shown[next(i for i, line in enumerate(shown) if "Merci" in line) :][:5]
    assert thanks[0].startswith("+- Merci, Gilles Klein ! ---"), thanks
    assert all(len(line) == len(thanks[0]) and line[-1] in "|+" for line in thanks), thanks
    assert "L'interview est complète." in thanks[2]
    assert session.wait() == 0
    done = the_interview(series)
    assert done.fields["intro"] == "Il écrit là-bas."
    assert values(done)[0] == "L'été 2007, à Paris."


def test_a_whole_interview_on_a_20_by_6_terminal_made_10_columns_wide_mid_answer(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The smallest terminal a session is run in, and narrower still for a moment: every
    answer is kept as typed, however few cells it is drawn in."""
    session = jeudis("new", "twitter", "--guest", GUEST, "--register", "vous", "--gender", "m",
                     columns=20, rows=6)  # fmt: skip
    host_part(session)
    session.expect("commencer")
    session.press(Keyboard.ENTER)
    answer_each(session, range(1, 3))
    session.expect_prompt("[3/13]")
    session.type(MULTI_PARAGRAPH[:40])
    session.child.setwinsize(6, 10)
    session.terminal.resize(6, 10)
    session.type(MULTI_PARAGRAPH[40:])
    session.child.setwinsize(6, 20)
    session.terminal.resize(6, 20)
    session.press(Keyboard.ESC_ENTER)
    answer_each(session, range(4, 14))
    session.expect("Relecture")
    session.expect(PROMPT_MARK)
    session.press(Keyboard.ENTER)
    session.expect("Merci")
    assert session.wait() == 0
    done = the_interview(series)
    assert done.status == "complete" and values(done) == EXPECTED


def test_an_interview_changed_by_hand_during_a_session_is_not_written_over(
    jeudis: type[Jeudis], series: Path
) -> None:
    """The host corrects the intro in a text editor while the guest answers: the next
    save wrote the session's copy over it, the correction gone. The session stops
    instead, the answer it could not save printed, and `resume` goes on from the file."""
    session = start(jeudis)
    host_part(session)
    hand_over(session)
    answer_each(session, range(1, 3))
    session.expect_prompt("[3/13]")
    [path] = interview_files(series)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("journaliste.", "journaliste et blogueur."), encoding="utf-8")
    session.type("Veille")
    session.press(Keyboard.ESC_ENTER)

    assert session.wait() == 1
    said = plain(session.seen)
    assert f"error: {path}: not saved (changed since jeudis read it: saved meanwhile by" in said
    assert "Veille" in said.split("not saved, as given")[1]
    draft = the_interview(series)
    assert draft.fields["intro"] == "Gilles Klein, journaliste et blogueur."
    assert values(draft) == EXPECTED[:2]

    resumed = jeudis("resume", "gilles-klein")
    welcome_back(resumed)
    resumed.expect_prompt("[3/13]")
    resumed.terminate()


def test_a_text_pasted_at_a_multiple_choice_is_not_drawn_as_taken(
    jeudis: type[Jeudis], series: Path
) -> None:
    """It was drawn after "›" as if it were the answer, then dropped when Entrée gave
    the boxes ticked: the guest saw a text of theirs taken that no file kept."""
    session = at_the_choices(jeudis, series)
    session.child.send("\x1b[200~Je préfère aucun des deux.\x1b[201~")
    session.type("x")  # a key after the paste: once drawn, the paste would be too
    time.sleep(0.5)
    session.press(Keyboard.ENTER)
    session.expect_prompt("[3/3]")
    assert not [line for line in session.screen() if "préfère" in line]
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert the_interview(series).answer("reseaux").value == TICKED  # type: ignore[union-attr]


@pytest.mark.parametrize("at", ["welcome", "question"])
def test_ctrl_l_draws_the_screen_anew(jeudis: type[Jeudis], series: Path, at: str) -> None:
    """As a shell's Ctrl-L: prompt_toolkit's own cleared the screen and drew the prompt
    alone, the question, or the welcome box, gone until the terminal was resized."""
    session = start(jeudis)
    host_part(session)
    if at == "welcome":
        session.expect("Entrée pour commencer")
        shown = "Bienvenue, Gilles Klein !"
    else:
        hand_over(session)
        session.expect_prompt("[1/13]")
        session.type("Depuis")
        session.on_screen("Depuis")
        shown = "[1/13] Depuis combien de temps utilisez-vous Twitter ?"
    session.child.send("\x0c")  # Ctrl-L
    deadline = time.monotonic() + 1  # what the key drew read onto the screen
    while time.monotonic() < deadline:
        with contextlib.suppress(pexpect.TIMEOUT):
            session.seen += session.child.read_nonblocking(65536, timeout=0.2)
    session.until(lambda: session.screen()[:1] != [] and shown in session.screen()[0], shown)
    assert not [line for line in session.screen() if "[2/13]" in line or "Fields" in line]
    if at == "welcome":  # still waiting for Entrée, not started by Ctrl-L
        assert not [line for line in session.screen() if "[1/13]" in line]
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130


MIKROFON = """
id = "technik"
title = "Die Technik von {guest}"
language = "de"
registers = ["du"]

[[questions]]
id = "mikro"
type = "choice"
text = "Welches Mikrofon nimmst du?"
choices = ["Dynamisch", "Kondensator", "Headset", "Übrigens: keins"]

[[questions]]
id = "fin"
type = "text"
text = "Ein letztes Wort?"
"""


@pytest.mark.parametrize(
    ("typed", "picked"),
    [("k", "Kondensator"), ("K", "Kondensator"), ("hj", "Headset"), ("dü", "Übrigens: keins")],
)
def test_a_letter_picks_the_choice_it_starts_j_and_k_too(
    jeudis: type[Jeudis], series: Path, typed: str, picked: str
) -> None:
    """A German guest typing k for "Kondensator" saw the pointer go up to "Headset"
    (questionary's vim keys: k up, j down), and Enter gave it; K did nothing, and the
    hint under the question no longer said that a letter picks. Every letter goes to
    the choice it starts, whatever its case; one that starts none (j here) does nothing."""
    (series / "questionnaires" / "technik.toml").write_text(MIKROFON, encoding="utf-8")
    session = jeudis("new", "technik", "--guest", "Jonas Weber")
    session.expect("Enter, um zu beginnen")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/2]")
    shown = session.on_screen("Anfangsbuchstabe")
    asked = next(i for i, line in enumerate(shown) if "[1/2]" in line)
    assert shown[asked + 1] == "↑↓ oder der Anfangsbuchstabe einer Option, dann Enter"
    session.type(Keyboard.DOWN * 3)  # at the last: k moved up from here, to Headset
    session.until(lambda: any("» Übrigens" in line for line in session.screen()), "at the last")
    session.type(typed)
    session.until(lambda: any(f"» {picked}" in line for line in session.screen()), f"at {picked}")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/2]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert the_interview(series).answer("mikro").value == picked  # type: ignore[union-attr]


def test_j_and_k_move_nothing_in_a_multiple_choice_as_at_a_choice(
    jeudis: type[Jeudis], series: Path
) -> None:
    """At a choice a letter goes to its choice, j and k too; at a multiple choice j and
    k were still vim's moves, a guest's "k" for a choice moving the pointer up, his
    Space then ticking another."""
    (series / "questionnaires" / "outils.toml").write_text(OUTILS, encoding="utf-8")
    session = jeudis("new", "outils", "--guest", "Anne Roux")
    session.expect("Entrée pour commencer")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/3]")
    session.type("Depuis 2009.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/3]")
    session.type(Keyboard.DOWN * 2 + "jkjj ")  # at LinkedIn, then j and k, then Space
    shows_ticked(session, ["LinkedIn"])
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
