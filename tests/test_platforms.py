"""jeudis on Windows, checked on Linux: the session lock, signals, files, names, output, $EDITOR.

Windows is not at hand where the tests run. What the code relies on is played here:
the modules and functions Windows lacks are taken away (``fcntl``, ``termios``,
``os.pread``, ``signal.SIGHUP``...), and :class:`FakeWindows` plays the rest
(``msvcrt``'s byte locks, which another process can neither take nor read through,
and a file that cannot be removed while it is open).
"""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from export_helpers import copy_example
from jeudis import files, storage
from jeudis.errors import FileProblem, InterviewLocked, stop_signals
from jeudis.interview_reading import load_interview
from jeudis.prompts import Paused
from support import AGAIN_TOML, ANSWERS_TOML, Invoke, write


class FakeWindows:
    """``sys.platform`` said to be ``win32``, with what Windows does that jeudis relies on.

    Installed as the ``msvcrt`` module: :meth:`locking` locks bytes per open file,
    as ``msvcrt.locking`` does per handle. A read through another descriptor of a
    locked byte fails, and so does removing a file that is open, as on Windows.
    """

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.locks: dict[tuple[int, int, int], int] = {}  # (device, inode, offset): its fd
        self.files: dict[int, tuple[int, int]] = {}  # each open fd: (device, inode)
        self.unlocked: list[int] = []  # the fds whose bytes were unlocked before closing
        real_open, real_close, real_read = os.open, os.close, os.read
        real_unlink = os.unlink

        def fake_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
            fd = real_open(path, flags, mode, **kwargs)
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode):
                self.files[fd] = (info.st_dev, info.st_ino)
            return fd

        def fake_close(fd: int) -> None:
            self.files.pop(fd, None)
            # Windows drops a handle's locks when it closes, some time after.
            self.locks = {key: owner for key, owner in self.locks.items() if owner != fd}
            real_close(fd)

        def fake_read(fd: int, size: int) -> bytes:
            if fd in self.files:
                start = os.lseek(fd, 0, os.SEEK_CUR)
                for (device, inode, offset), owner in self.locks.items():
                    same = (device, inode) == self.files[fd]
                    if same and owner != fd and start <= offset < start + size:
                        raise PermissionError(13, "Permission denied")
            return real_read(fd, size)

        def fake_unlink(path: Any, **kwargs: Any) -> None:
            info = Path(path).lstat()
            if (info.st_dev, info.st_ino) in self.files.values():
                raise PermissionError(13, "The process cannot access the file", str(path))
            real_unlink(path, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "close", fake_close)
        monkeypatch.setattr(os, "read", fake_read)
        monkeypatch.setattr(os, "unlink", fake_unlink)
        without_posix(monkeypatch)
        monkeypatch.setitem(sys.modules, "msvcrt", self)
        monkeypatch.setattr(sys, "platform", "win32")

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1 and fd in self.files
        key = (*self.files[fd], os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_NBLCK:
            if self.locks.get(key, fd) != fd:
                raise PermissionError(13, "Permission denied")
            self.locks[key] = fd
        elif mode == self.LK_UNLCK:
            if self.locks.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.locks[key]
            self.unlocked.append(fd)
        else:
            raise AssertionError(f"a lock that waits: mode {mode}")


def without_posix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take away what Windows lacks: importing ``fcntl`` or ``termios`` fails, and
    ``os`` and ``signal`` have no ``pread``, ``pwrite``, ``fchmod`` or ``SIGHUP``."""
    for module in ("fcntl", "termios", "tty"):
        monkeypatch.setitem(sys.modules, module, None)
    for name in ("pread", "pwrite", "fchmod"):
        monkeypatch.delattr(os, name)
    monkeypatch.delattr("signal.SIGHUP")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeWindows]:
    yield FakeWindows(monkeypatch)


# -- the session lock ---------------------------------------------------------------------


def test_windows_lock_refuses_a_second_session_and_names_its_process(
    series: Path, windows: FakeWindows
) -> None:
    path = series / "interviews" / "gilles-klein.toml"
    path.touch()
    with storage.session_lock(path):
        assert len(windows.locks) == 1, "a byte of the lock file is locked"
        with pytest.raises(InterviewLocked) as refused, storage.session_lock(path):
            pass  # pragma: no cover - never entered
    # The process id is read past no locked byte: Windows would refuse the read.
    assert "gilles-klein.toml is open in another jeudis session" in refused.value.message
    assert f"(process {os.getpid()})" in refused.value.message


def test_windows_lock_is_released_and_its_file_removed(series: Path, windows: FakeWindows) -> None:
    """Windows removes no open file: closed first, then removed; unlocked before closing
    (Windows drops a closed handle's locks only some time after)."""
    path = series / "interviews" / "gilles-klein.toml"
    path.touch()
    for _ in range(2):  # released: a new session may start
        with storage.session_lock(path):
            pass
    assert windows.locks == {} and len(windows.unlocked) == 2
    assert windows.files == {}
    assert [p.name for p in path.parent.iterdir()] == ["gilles-klein.toml"]


def test_windows_lock_is_released_when_the_session_fails(
    series: Path, windows: FakeWindows
) -> None:
    path = series / "interviews" / "gilles-klein.toml"
    path.touch()
    with pytest.raises(OSError, match="disk full"), storage.session_lock(path):
        raise OSError("disk full")
    assert windows.locks == {} and windows.files == {}
    with storage.session_lock(path):
        pass


def test_an_answer_is_changed_under_the_windows_lock(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy_example(series)
    answer = write(tmp_path / "a.md", "Depuis toujours 🙂\n")
    command = ("edit", "amelie-roux", "--question", "depuis-quand", "--answer-file", answer)
    # Run once as on Linux first: a module imported while sys.platform says win32 (rich)
    # would take itself for Windows's for the rest of the test run.
    assert invoke(*command).exit_code == 0
    windows = FakeWindows(monkeypatch)
    write(answer, "Depuis toujours, ou presque 🙂\n")
    result = invoke(*command)
    assert result.exit_code == 0, result
    changed = load_interview(series / "interviews" / "amelie-roux.toml")
    assert changed.answer("depuis-quand").value == "Depuis toujours, ou presque 🙂"  # type: ignore[union-attr]
    assert windows.locks == {} and windows.unlocked
    assert not list((series / "interviews").glob(".*"))


# -- signals: Windows has no SIGHUP -------------------------------------------------------


@pytest.fixture
def sigbreak(monkeypatch: pytest.MonkeyPatch) -> signal.Signals:
    """Signals as on Windows: no SIGHUP, and a SIGBREAK (SIGUSR1 stands in for it)."""
    monkeypatch.delattr("signal.SIGHUP")
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    return signal.SIGUSR1


def test_a_session_pauses_on_the_signals_windows_has(sigbreak: signal.Signals) -> None:
    from jeudis.session import _signals_raise_pause

    assert stop_signals() == [signal.SIGTERM, sigbreak]
    previous = signal.getsignal(sigbreak)
    with pytest.raises(Paused) as stopped, _signals_raise_pause():
        os.kill(os.getpid(), sigbreak)
    assert stopped.value.signal_name == sigbreak.name
    assert signal.getsignal(sigbreak) == previous, "the handler is put back"


def test_a_prompt_runs_where_there_is_no_sighup(sigbreak: signal.Signals) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from jeudis import terminal
    from jeudis.prompt_keys import ready_question

    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text("D")
        assert terminal.ask(ready_question(lambda: "Prêt ?")) == "D"


def test_the_editor_runs_where_there_is_no_sighup(
    sigbreak: signal.Signals, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from jeudis.editor import edit_text

    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\n"
        "path.write_text(path.read_text(encoding='utf-8') + 'vu', encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    assert edit_text("Notes : ", ".txt") == "Notes : vu"


# -- names Windows cannot give a file ------------------------------------------------------


@pytest.mark.parametrize(
    ("guest", "slug"),
    [
        ("Con", "con-1"),
        ("NUL", "nul-1"),
        ("Aux", "aux-1"),
        ("prn", "prn-1"),
        ("COM1", "com1-1"),
        ("LPT9", "lpt9-1"),
        ("Lpt 9", "lpt-9"),
        ("Côn", "con-1"),
        ("Con Rad", "con-rad"),
        ("Conrad", "conrad"),
        ("Com 10", "com-10"),
        ("Nul?", "nul-1"),
        ("Ana: B?", "ana-b"),
    ],
)
def test_a_slug_is_a_name_windows_can_give_a_file(guest: str, slug: str) -> None:
    assert storage.slugify(guest) == slug


WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {
    f"{port}{n}" for port in ("com", "lpt") for n in range(10)
}


@given(st.text())
def test_any_name_gives_a_slug_windows_can_give_a_file(name: str) -> None:
    slug = storage.slugify(name)
    assert slug not in WINDOWS_DEVICES
    assert not set(slug) & set('<>:"/\\|?*') and not slug.endswith((".", " "))


@given(st.text())
def test_any_slug_makes_a_file_name_check_finds_nothing_wrong_with(name: str) -> None:
    assert storage.windows_refusal(f"{storage.slugify(name)}.toml") is None


@pytest.mark.parametrize(
    "name",
    [*(f"{d}.toml" for d in sorted(WINDOWS_DEVICES)), "CoN", "nul.tar.gz", "aux .toml", "a\x1bb"],
)
def test_check_knows_a_name_windows_cannot_give_a_file(name: str) -> None:
    assert storage.windows_refusal(name) is not None


def test_a_guest_named_as_a_windows_device_gets_a_file_windows_can_hold(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    for answers in (ANSWERS_TOML, AGAIN_TOML):
        result = invoke("new", "twitter", "--guest", "Aux", "--data-file", "-", input=answers)
        assert result.exit_code == 0, result
    assert sorted(p.name for p in (series / "interviews").iterdir()) == [
        "aux-1-2.toml",
        "aux-1.toml",
    ]


@pytest.fixture
def windows_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """``sys.platform`` says win32, and the programs found on its PATH are these."""
    import shutil

    found = {"code": r"C:\Users\ana\AppData\Local\Programs\VS Code\bin\code.cmd"}
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(shutil, "which", found.get)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


@pytest.mark.parametrize(
    ("editor", "words"),
    [
        (None, ["notepad"]),
        (r"C:\Windows\notepad.exe", [r"C:\Windows\notepad.exe"]),
        (
            r'"C:\Program Files\Notepad++\notepad++.exe" -multiInst -nosession',
            [r"C:\Program Files\Notepad++\notepad++.exe", "-multiInst", "-nosession"],
        ),
        ("code --wait", [r"C:\Users\ana\AppData\Local\Programs\VS Code\bin\code.cmd", "--wait"]),
    ],
)
def test_the_editor_command_as_windows_writes_it(
    windows_editor: None, monkeypatch: pytest.MonkeyPatch, editor: str | None, words: list[str]
) -> None:
    """No vi on Windows; a backslash there is a path's, which POSIX quoting took for an
    escape ("C:Windowsnotepad.exe"); and code is code.cmd, which Windows runs only by
    its whole name."""
    from jeudis.editor import editor_command

    if editor is not None:
        monkeypatch.setenv("EDITOR", editor)
    assert editor_command() == words


def test_an_editor_path_with_spaces_unquoted_is_one_word(
    windows_editor: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from jeudis.editor import editor_command

    program = write(tmp_path / "Program Files" / "Sublime Text" / "subl.exe", "")
    monkeypatch.setenv("EDITOR", str(program))
    assert editor_command() == [str(program)]


@pytest.fixture
def keys() -> Iterator[Any]:
    """Keys typed to the prompts, made as on Linux before ``sys.platform`` says win32 (a
    pipe and asyncio, made then, would want Windows's own modules)."""
    import asyncio  # noqa: F401

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    import jeudis.prompter  # noqa: F401

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.mark.parametrize("editor", [None, r"C:\Windows\notepad.exe"])
def test_ctrl_x_ctrl_e_opens_the_editor_jeudis_edit_opens(
    keys: Any, windows_editor: None, monkeypatch: pytest.MonkeyPatch, editor: str | None
) -> None:
    """prompt_toolkit's own choice, with no $EDITOR, is POSIX paths only: on Windows
    the key did nothing. A path in $EDITOR kept its backslashes."""
    from rich.console import Console

    from jeudis.paths import series_at
    from jeudis.prompter import TerminalPrompter
    from jeudis.prompts import prompt_for
    from jeudis.questionnaire import find_questionnaire

    if editor is not None:
        monkeypatch.setenv("EDITOR", editor)
    question = find_questionnaire(series_at(), "twitter").question("depuis-quand")
    assert question is not None
    ran: list[list[str]] = []

    class Editor:  # writes the answer, then Entrée
        def __init__(self, command: list[str]) -> None:
            ran.append(command[:-1])
            Path(command[-1]).write_text("Depuis 2008.\n", encoding="utf-8")
            keys.send_text("\r")

        def wait(self) -> int:
            return 0

        def poll(self) -> int:
            return 0

    monkeypatch.setattr(subprocess, "Popen", Editor)
    prompter = TerminalPrompter("fr", console=Console(file=io.StringIO(), color_system=None))
    keys.send_text("\x18\x05")
    answer = prompter.ask(prompt_for(question, "Depuis quand ?", counter="[1/4]"))
    assert ran == [[editor or "notepad"]]
    assert answer == "Depuis 2008."


# -- files --------------------------------------------------------------------------------


@pytest.fixture
def replace_refused(monkeypatch: pytest.MonkeyPatch) -> tuple[list[OSError], list[float]]:
    """Windows, where a rename over a file another process has open is refused: the
    refusals to come, and the waits slept (not slept: recorded)."""
    monkeypatch.setattr(sys, "platform", "win32")
    refusals: list[OSError] = []
    real = Path.replace

    def replace(self: Path, target: Path) -> Path:
        if refusals:
            raise refusals.pop()
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    return refusals, waits


def test_a_save_waits_for_a_file_another_process_has_open(
    tmp_path: Path, replace_refused: tuple[list[OSError], list[float]]
) -> None:
    """An antivirus scanning the file just saved, a second jeudis listing the series."""
    refusals, waits = replace_refused
    path = tmp_path / "here" / "gilles-klein.toml"
    files.write_atomic(path, "guest = 'Gilles'\n")
    refusals.extend([PermissionError(13, "Access is denied")] * 2)
    files.write_atomic(path, "guest = 'Gilles Klein'\n")
    assert path.read_text(encoding="utf-8") == "guest = 'Gilles Klein'\n"
    assert len(waits) == 2
    assert [p.name for p in path.parent.iterdir()] == ["gilles-klein.toml"]


def test_a_save_gives_up_on_a_file_held_open_and_keeps_it(
    tmp_path: Path, replace_refused: tuple[list[OSError], list[float]]
) -> None:
    refusals, waits = replace_refused
    path = tmp_path / "here" / "gilles-klein.toml"
    files.write_atomic(path, "guest = 'Gilles'\n")
    refusals.extend([PermissionError(13, "Access is denied")] * 100)
    with pytest.raises(PermissionError):
        files.write_atomic(path, "guest = 'Gilles Klein'\n")
    assert 1 < sum(waits) < 5
    assert path.read_text(encoding="utf-8") == "guest = 'Gilles'\n"
    assert [p.name for p in path.parent.iterdir()] == ["gilles-klein.toml"]


def test_a_folder_read_as_a_file_is_said_a_folder_where_it_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows opens no folder: "cannot be read (Permission denied)" said nothing useful."""
    real_open = os.open

    def windows_open(path: Any, flags: int, *args: Any) -> int:
        if Path(path).is_dir():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", windows_open)
    with pytest.raises(FileProblem) as problem:
        files.read_text(tmp_path)
    assert problem.value.reason == "is a folder, not a file"


# -- standard output ----------------------------------------------------------------------


def test_an_export_sent_to_a_file_on_windows_is_what_o_writes(
    invoke: Invoke, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``jeudis export > post.html``: Python writes standard output in the ANSI code page
    there, with "\\r\\n"; the post must be the UTF-8 file ``-o`` writes."""
    from jeudis.cli import main

    copy_example(series)
    assert invoke("export", "amelie-roux", "-o", tmp_path / "post.html").exit_code == 0
    written = io.BytesIO()
    redirected = io.TextIOWrapper(written, encoding="cp1252", newline="\r\n")
    monkeypatch.setattr(sys, "stdout", redirected)
    monkeypatch.setattr(sys, "argv", ["jeudis", "export", "amelie-roux"])
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(SystemExit) as ended:
        main()
    assert ended.value.code in (None, 0)
    redirected.flush()
    assert written.getvalue() == (tmp_path / "post.html").read_bytes()


# -- the commands, in a process without what Windows lacks ----------------------------------

# Run before jeudis is imported: fcntl, termios and tty cannot be imported, os and signal
# lack what they lack on Windows, and os has an O_BINARY (Windows opens descriptors in
# text mode without it). Every os.open jeudis makes is checked for it, then run without
# it (the bit means something else to Linux).
AS_ON_WINDOWS = """
import os, signal, sys
for module in ("fcntl", "termios", "tty"):
    sys.modules[module] = None
for name in ("pread", "pwrite", "fchmod"):
    delattr(os, name)
del signal.SIGHUP
os.O_BINARY = 1 << 30
real_open = os.open

def checked_open(path, flags, *args, **kwargs):
    caller = sys._getframe(1).f_globals.get("__name__", "")
    if caller.startswith("jeudis") and not flags & os.O_BINARY and not os.path.isdir(path):
        print("TEXT MODE", caller, path, file=sys.stderr)
    return real_open(path, flags & ~os.O_BINARY, *args, **kwargs)

os.open = checked_open
sys.argv = ["jeudis", *sys.argv[1:]]
from jeudis.cli import main
main()
"""


COMMANDS = {
    "help": (["--help"], "Usage: jeudis"),
    "list": (["list"], "amelie-roux"),
    "questionnaires": (["questionnaires"], "twitter"),
    "inspect": (["inspect", "twitter", "--register", "vous"], "utilisez-vous Twitter ?"),
    "show": (["show", "amelie-roux"], "Amélie Roux"),
    "check": (["check"], ""),
    "export": (["export", "amelie-roux"], "Amélie Roux"),
    "export html": (["export", "amelie-roux", "--format", "html", "-o", "amelie.html"], ""),
    "export site": (["export", "--all", "-o", "site"], ""),
    "compare": (["compare", "twitter", "--question", "followers"], "Amélie Roux"),
    "new": (["new", "twitter", "--guest", "Gilles Klein", "--data-file", "answers.toml"], ""),
    "sheet": (["sheet", "twitter", "--guest", "Gilles Klein", "-o", "sheet.txt"], ""),
    "init": (["init", "autre", "--blog", "Autre blog"], ""),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_the_commands_run_without_what_windows_lacks(series: Path, name: str) -> None:
    copy_example(series)
    write(series / "answers.toml", ANSWERS_TOML)
    args, said = COMMANDS[name]
    done = subprocess.run(
        [sys.executable, "-c", AS_ON_WINDOWS, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=series,
        env={**os.environ, "JEUDIS_DIR": str(series)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "TEXT MODE" not in done.stderr, done.stderr
    assert said in done.stdout


@pytest.mark.parametrize(
    ("word", "typed"),
    [
        (r"C:\Users\ana\Dropbox\jeudis\feuille.md", r"C:\Users\ana\Dropbox\jeudis\feuille.md"),
        (r"C:\Users\Ana Lopes\feuille ana.md", r'"C:\Users\Ana Lopes\feuille ana.md"'),
        ("mes interviews", '"mes interviews"'),
        ("l'interview", "'l''interview'"),  # PowerShell's literal quotes; cmd has no ' in a name
        (r"C:\$work\a b", r"'C:\$work\a b'"),  # in double quotes, PowerShell reads $work
        ("claire-fontaine", "claire-fontaine"),
        ("@ana.md", '"@ana.md"'),  # bare, PowerShell reads @ana as a splatted variable
    ],
)
def test_a_command_to_type_is_quoted_for_windows_shells(
    monkeypatch: pytest.MonkeyPatch, word: str, typed: str
) -> None:
    """A POSIX shell's quoting is no word to cmd ('mes and interviews'), and PowerShell
    took shlex's '"'"' for text: a hint to paste failed there."""
    from jeudis.shellwords import editor_typed, quoted

    monkeypatch.setattr(sys, "platform", "win32")
    assert quoted(word) == typed
    monkeypatch.setenv("EDITOR", "vim")  # $EDITOR typed is read by neither shell
    assert editor_typed() == "notepad"


def test_a_sheet_hint_on_windows_is_a_command_windows_runs(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``jeudis sheet`` says how to import the sheet when it comes back; on Windows, a
    folder with a space in its name was single-quoted, which cmd does not read."""
    monkeypatch.setattr(sys, "platform", "win32")
    import shutil

    from support import TWITTER

    shutil.copy(TWITTER, series / "questionnaires" / "twitter.toml")
    folder = series / "feuilles ana"
    folder.mkdir()
    result = invoke("sheet", "twitter", "--guest", "Ana", "-o", str(folder / "ana.md"))
    assert result.exit_code == 0, result
    assert f'jeudis import "{folder / "ana.md"}"' in " ".join(result.stderr.split())


@pytest.mark.parametrize("supported", [True, False])
def test_a_save_on_macos_reaches_the_drive_not_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, supported: bool
) -> None:
    """macOS's fsync leaves the bytes in the drive's cache, where a power cut loses an
    answer just saved: F_FULLFSYNC asks the drive to write them, before the rename.
    A file system without it (a network share) is fsynced as before."""
    import types

    synced: list[tuple[str, int, bool]] = []
    target = tmp_path / "ana.toml"

    def full_sync(fd: int, command: int) -> int:
        assert command == 51
        if not supported:
            raise OSError(45, "Operation not supported")
        synced.append(("F_FULLFSYNC", os.fstat(fd).st_size, target.exists()))
        return 0

    def fsync(fd: int) -> None:
        synced.append(("fsync", os.fstat(fd).st_size, target.exists()))

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setitem(
        sys.modules, "fcntl", types.SimpleNamespace(F_FULLFSYNC=51, fcntl=full_sync)
    )
    monkeypatch.setattr(os, "fsync", fsync)
    files.write_atomic(target, 'guest = "Ana"\n')
    kind = "F_FULLFSYNC" if supported else "fsync"
    # The whole text synced in the temporary file before it is renamed; then the folder.
    assert synced[0] == (kind, len('guest = "Ana"\n'), False)
    assert target.read_text() == 'guest = "Ana"\n'
