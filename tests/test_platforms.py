"""jeudis on Windows and macOS, checked on Linux: no POSIX-only call where Windows has none.

Windows is not at hand where the tests run. What the code relies on is played here:
the modules and functions Windows lacks are taken away (``fcntl``, ``termios``,
``os.pread``, ``signal.SIGHUP``...), and :class:`FakeWindows` plays the rest
(``msvcrt``'s byte locks, which another process can neither take nor read through,
and a file that cannot be removed while it is open).
"""

from __future__ import annotations

import os
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jeudis import storage
from jeudis.errors import InterviewLocked, stop_signals
from jeudis.prompts import Paused


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
    from jeudis.edit import edit_text

    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\n"
        "path.write_text(path.read_text(encoding='utf-8') + 'vu', encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    assert edit_text("Notes : ", ".txt") == "Notes : vu"
