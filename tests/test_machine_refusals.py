"""When the machine says no: a full disk, a file too large for the system, a folder
jeudis may not read. Each is one line naming the file, never a traceback, and never
a file left behind half written or empty."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jeudis.interview import Interview
from jeudis.questionnaire import Questionnaire
from support import ANSWERS_TOML, EXAMPLES, REPO, Invoke, interview_files, write


def disk_full_from_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fsync from now on fails as on a full disk (the write before it went to a cache)."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)


def test_an_interview_the_disk_has_no_room_for_is_named_and_no_empty_file_is_left(
    invoke: Invoke, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    disk_full_from_now(monkeypatch)

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code != 0
    assert "Traceback" not in result.output
    path = series / "interviews" / "gilles-klein.toml"
    assert result.stderr.splitlines() == [
        f"error: {path}: not saved ({os.strerror(errno.ENOSPC)})",
        "hint: free some space on the disk, then run the command again",
    ]
    # The file reserved for it, empty, would be listed as a broken interview.
    assert interview_files(series) == []


def test_an_export_the_disk_has_no_room_for_names_its_file(
    invoke: Invoke, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    disk_full_from_now(monkeypatch)

    result = invoke("export", "gilles-klein", "-o", tmp_path / "post.html")

    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[0] == (
        f"error: {os.strerror(errno.ENOSPC)}: {tmp_path / 'post.html'}"
    )
    assert not (tmp_path / "post.html").exists()


class _FullAfterFirstAnswer:
    """A guest who answers, as the disk fills up: the save of that answer fails."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch

    def ask(self, prompt: Any) -> Any:
        disk_full_from_now(self.monkeypatch)
        return ""

    def host_part(self, interview: Interview, questionnaire: Questionnaire) -> None:
        pass

    def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None:
        pass

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        return None

    def thanks(self, interview: Interview) -> None:
        pass


def live_session(invoke: Invoke, monkeypatch: pytest.MonkeyPatch, prompter: Any) -> Any:
    """``jeudis new`` with ``prompter`` answering for the terminal's."""
    import jeudis.cli.running
    import jeudis.prompter

    monkeypatch.setattr(jeudis.cli.running, "_require_terminal", lambda **_: None)
    monkeypatch.setattr(jeudis.prompter, "TerminalPrompter", lambda language: prompter)
    return invoke("new", "twitter", "--guest", "Gilles Klein")


def test_a_session_the_disk_fills_up_under_says_how_to_go_on(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = live_session(invoke, monkeypatch, _FullAfterFirstAnswer(monkeypatch))

    assert result.exit_code != 0
    assert "Traceback" not in result.output
    path = series / "interviews" / "gilles-klein.toml"
    assert result.stderr.splitlines() == [
        f"error: {path}: not saved ({os.strerror(errno.ENOSPC)})",
        "hint: free some space on the disk, then `jeudis resume gilles-klein`",
    ]
    assert interview_files(series) == [path]  # the draft, as saved before


class _FullAtTheSecondAnswer(_FullAfterFirstAnswer):
    """Two of the host's fields given; the disk fills up before the second is saved."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__(monkeypatch)
        self.asked: list[str] = []

    def ask(self, prompt: Any) -> Any:
        self.asked.append(prompt.id)
        if len(self.asked) == 2:
            disk_full_from_now(self.monkeypatch)
        return {"site": "https://www.example.com/gilles", "twitter": "@gillesklein"}[prompt.id]


def test_what_a_full_disk_refused_is_printed_for_the_host_to_copy(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer whose save failed was in the session only: gone when it stopped."""
    result = live_session(invoke, monkeypatch, _FullAtTheSecondAnswer(monkeypatch))

    assert result.exit_code != 0
    assert result.stderr.splitlines()[:3] == [
        "not saved, as given (copy it before `jeudis resume` asks again):",
        "[twitter]",
        "@gillesklein",
    ]  # the site, saved, is not said again
    assert result.stderr.splitlines()[3].endswith(f"not saved ({os.strerror(errno.ENOSPC)})")


class _FullAtALongIntro(_FullAfterFirstAnswer):
    """The host's fields given, the intro too long to print (a paste), as the disk fills up."""

    def ask(self, prompt: Any) -> Any:
        if prompt.id == "intro":
            disk_full_from_now(self.monkeypatch)
            return "Gilles " * 3000
        return {"site": "https://www.example.com/gilles", "twitter": "@gillesklein"}.get(
            prompt.id, ""
        )


def test_what_a_full_disk_refused_is_printed_however_long_when_no_file_takes_it(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Too long to print, it goes to a file; the disk full, none takes it: printed."""
    prompter = _FullAtALongIntro(monkeypatch)
    result = live_session(invoke, monkeypatch, prompter)

    assert result.exit_code != 0
    assert result.stderr.splitlines()[:3] == [
        "not saved, as given (copy it before `jeudis resume` asks again):",
        "[intro]",
        ("Gilles " * 3000).strip(),
    ]
    assert sorted(p.name for p in (series / "interviews").iterdir()) == ["gilles-klein.toml"]


class _FullWhileTyping(_FullAfterFirstAnswer):
    """The host types the site; the disk fills up, the save of the text typed (made a
    second after the last key) fails, and the host pauses."""

    autosave: Any = None  # the session's, as the terminal prompter's

    def ask(self, prompt: Any) -> Any:
        from jeudis.errors import JeudisError
        from jeudis.prompts import Paused

        self.current_id = prompt.id  # as the terminal prompter's: where a pause keeps it
        disk_full_from_now(self.monkeypatch)
        with contextlib.suppress(OSError, JeudisError):  # as the prompter's timer does
            self.autosave(prompt.id, "https://www.example.com/gilles")
        raise Paused("https://www.example.com/gilles")


def test_a_text_typed_the_disk_had_no_room_for_is_not_said_saved_at_a_pause(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save made while it was typed failed, in silence; the pause, seeing the same
    text kept, did not save it again, and said "Saved:": the text was nowhere."""
    result = live_session(invoke, monkeypatch, _FullWhileTyping(monkeypatch))

    assert result.exit_code != 0
    assert "Saved:" not in result.output
    assert result.stderr.splitlines()[:3] == [
        "not saved, as given (copy it before `jeudis resume` asks again):",
        "[site]",
        "https://www.example.com/gilles",
    ]
    assert result.stderr.splitlines()[3].endswith(f"not saved ({os.strerror(errno.ENOSPC)})")


class _FileGoneAtTheSecondAnswer(_FullAfterFirstAnswer):
    """Two of the host's fields given; before the second is saved, something else takes
    the place of the interview's file (with ``folder``: of its folder), by hand or by a
    sync client: the save is refused, as on a full disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path, *, folder: bool) -> None:
        super().__init__(monkeypatch)
        self.path, self.folder, self.asked = path, folder, 0

    def ask(self, prompt: Any) -> Any:
        import shutil

        self.asked += 1
        if self.asked == 2 and self.folder:  # interviews/ is a file now
            shutil.rmtree(self.path.parent)
            self.path.parent.write_text("not a folder\n", encoding="utf-8")
        elif self.asked == 2:  # gilles-klein.toml is a folder now
            self.path.unlink()
            self.path.mkdir()
        return {"site": "https://www.example.com/gilles", "twitter": "@gillesklein"}[prompt.id]


@pytest.mark.parametrize("folder", [False, True], ids=["file-a-folder", "folder-a-file"])
def test_an_interview_file_gone_in_a_session_prints_what_was_not_saved(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch, folder: bool
) -> None:
    """The error was said, and the answers with it: the host had nothing to copy."""
    path = series / "interviews" / "gilles-klein.toml"
    prompter = _FileGoneAtTheSecondAnswer(monkeypatch, path, folder=folder)

    result = live_session(invoke, monkeypatch, prompter)

    assert result.exit_code != 0
    assert "Traceback" not in result.output
    # The file gone, the site saved in it is gone too: both are said.
    assert result.stderr.splitlines() == [
        "not saved, as given (copy it before `jeudis resume` asks again):",
        "[site]",
        "https://www.example.com/gilles",
        "[twitter]",
        "@gillesklein",
        f"error: {path}: not saved ("
        + (f"{path.parent}: is a file, not a folder)" if folder else "is a folder, not a file)"),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limits")
def test_a_page_the_system_cuts_short_is_an_error_not_a_shorter_page(
    series: Path, tmp_path: Path
) -> None:
    """A write may take only part of a page (a disk filling up as it goes; here, a
    limit on a file's size): the page was left cut short and the export said it
    had written it."""
    import resource
    import shutil

    for example in EXAMPLES:
        shutil.copy(example, series / "interviews")
    shutil.copytree(REPO / "images", series / "images")
    limit = 6000  # past the head of a page, short of its end

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a signal, past it
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    jeudis = Path(sys.executable).with_name("jeudis")
    env = {**os.environ, "JEUDIS_DIR": str(series)}
    done = subprocess.run(
        [str(jeudis), "export", "--all", "-o", str(tmp_path / "site")],
        env=env,
        preexec_fn=limited,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {os.strerror(errno.EFBIG)}: {tmp_path / 'site'}/")
    pages = [p for p in (tmp_path / "site").rglob("*.html")]
    assert all(p.stat().st_size < limit for p in pages), "a page cut short was left"


def refuse_to_list(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``folder`` may not be read (chmod 000, a network share): as tests run as root too,
    where every folder reads, the refusal is the system call's."""
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)


def test_check_says_a_folder_it_may_not_read_and_is_not_all_good(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_to_list(monkeypatch, series / "interviews")

    result = invoke("check")

    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "All good" not in result.output
    assert f"{series / 'interviews'}: error: cannot be read (Permission denied)" in result.stdout


def test_a_questionnaires_folder_it_may_not_read_is_said_not_replaced_by_the_bundled_ones(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The series' own twitter.toml unseen, the bundled twitter ran in its place."""
    refuse_to_list(monkeypatch, series / "questionnaires")

    for args in (["questionnaires"], ["inspect", "twitter"]):
        result = invoke(*args)
        assert result.exit_code != 0, result
        assert "Traceback" not in result.output
        assert result.stderr.splitlines() == [
            f"error: {series / 'questionnaires'}: cannot be read (Permission denied)"
        ]


@pytest.mark.parametrize(
    ("args", "closed"),
    [
        (["list"], 1),
        (["list", "--json"], 1),
        (["export", "amelie-roux"], 1),
        (["new", "twitter", "--guest", "Zed", "--data-file", "-"], 0),
        (["import", "-"], 0),
    ],
    ids=["list", "list-json", "export", "data-file", "import"],
)
@pytest.mark.skipif(sys.platform == "win32", reason="a descriptor closed before the start")
def test_a_standard_stream_the_shell_closed_is_said_in_one_line(
    series: Path, args: list[str], closed: int
) -> None:
    """``jeudis list >&-``, ``jeudis import - <&-``: Python leaves the stream None, and
    its first use was a fault (AttributeError), with a report to send."""
    for example in EXAMPLES:
        shutil.copy(example, series / "interviews")

    done = subprocess.run(
        [Path(sys.executable).with_name("jeudis"), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "JEUDIS_DIR": str(series)},
        preexec_fn=lambda: os.close(closed),
        timeout=60,
        check=False,
    )

    stream = "output" if closed else "input"
    assert done.stderr.splitlines()[0] == f"error: standard {stream} is closed", done.stderr
    assert "fault" not in done.stderr
    assert done.returncode == 2
    assert sorted(p.name for p in (series / "interviews").iterdir()) == sorted(
        p.name for p in EXAMPLES
    )


@pytest.mark.skipif(sys.platform == "win32", reason="a descriptor closed before the start")
def test_a_command_that_needs_no_standard_output_runs_without_it(
    series: Path, tmp_path: Path
) -> None:
    for example in EXAMPLES:
        shutil.copy(example, series / "interviews")

    done = subprocess.run(
        [Path(sys.executable).with_name("jeudis"), "export", "amelie-roux", "-o", "post.md"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "JEUDIS_DIR": str(series)},
        preexec_fn=lambda: os.close(1),
        timeout=60,
        check=False,
    )

    assert (done.returncode, done.stderr) == (0, "Written: post.md\n")
    assert (tmp_path / "post.md").read_text(encoding="utf-8").startswith("---\n")


def test_an_interview_unreadable_as_the_wordpress_file_reaches_it_is_named(
    invoke: Invoke, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The WordPress file reads each interview again as it writes its post: one made
    unreadable meanwhile was said as "Permission denied: all.xml", the file the host
    could write to. It is named, and no file is left half made."""
    from jeudis.export import sitebuild

    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    load, read = sitebuild.load_interview, sitebuild.read_interview
    reads: list[Path] = []

    def unreadable_the_second_time(path: Path) -> None:
        reads.append(path)
        if reads.count(path) == 2:  # the post's turn, its head read
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    def loaded(path: Path) -> Interview:
        unreadable_the_second_time(path)
        return load(path)

    def read_whole(path: Path) -> tuple[Interview, bytes]:
        unreadable_the_second_time(path)
        return read(path)

    monkeypatch.setattr(sitebuild, "load_interview", loaded)
    monkeypatch.setattr(sitebuild, "read_interview", read_whole)

    result = invoke("export", "--all", "-f", "wxr", "-o", tmp_path / "all.xml")

    path = series / "interviews" / "gilles-klein.toml"
    assert result.stderr.splitlines()[0] == f"error: {os.strerror(errno.EACCES)}: {path}"
    assert not list(tmp_path.glob("*all.xml*"))  # nor a temporary one beside it


@pytest.mark.parametrize("refused", [errno.EACCES, errno.EROFS])
def test_a_folder_no_file_can_be_made_in_is_named_not_the_file(
    invoke: Invoke,
    series: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    refused: int,
) -> None:
    """The WordPress file is made beside the one it replaces: a folder where no file can
    be made (read-only, not the host's) was said as "Permission denied: all.xml", sending
    the host to a file that was not there, or that they could write to."""
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    out = tmp_path / "out"
    out.mkdir()
    (out / "all.xml").write_text("old", encoding="utf-8")
    opened = os.open

    def refusing(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).parent == out and flags & os.O_CREAT:
            raise OSError(refused, os.strerror(refused), str(path))
        return opened(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)

    result = invoke("export", "--all", "-f", "wxr", "-o", out / "all.xml", "--overwrite")

    assert result.stderr.splitlines()[0] == (
        f"error: {os.strerror(refused)}: {out} (no file can be made in it, all.xml among them)"
    )
    assert (out / "all.xml").read_text(encoding="utf-8") == "old"
