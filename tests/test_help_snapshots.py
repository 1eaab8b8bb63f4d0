"""What users see first, snapshotted: a change to it shows up as a diff in review.

Regenerate after an intended change with ``JEUDIS_UPDATE_SNAPSHOTS=1 pytest tests``
and commit the files under ``tests/snapshots/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import Invoke

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("JEUDIS_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {name}: run with JEUDIS_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, regenerate with JEUDIS_UPDATE_SNAPSHOTS=1"
    )


@pytest.mark.parametrize(
    ("args", "snapshot"),
    [
        (["--help"], "help.txt"),
        (["new", "--help"], "new-help.txt"),
        (["resume", "--help"], "resume-help.txt"),
        (["inspect", "--help"], "inspect-help.txt"),
    ],
)
def test_help(invoke: Invoke, args: list[str], snapshot: str) -> None:
    result = invoke(*args, env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result
    assert result.stderr == ""
    assert_snapshot(snapshot, result.stdout)


def test_no_arguments_shows_the_help(invoke: Invoke) -> None:
    result = invoke()
    assert "Usage: jeudis" in result.output
    assert "new" in result.output


def test_every_command_has_its_place_and_line_in_the_help(invoke: Invoke) -> None:
    """A command added without a line in COMMANDS would sit last, cut off by "…"."""
    from jeudis.cli import COMMANDS, _command_name, app

    invoke("--help")  # registers every command
    assert sorted(_command_name(info) for info in app.registered_commands) == sorted(COMMANDS)
    assert all(len(line) <= 60 for line in COMMANDS.values())
