"""What users see first, snapshotted: a change to it shows up as a diff in review.

Regenerate after an intended change with ``JEUDIS_UPDATE_SNAPSHOTS=1 pytest tests``
and commit the files under ``tests/snapshots/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
        (["list", "--help"], "list-help.txt"),
        (["compare", "--help"], "compare-help.txt"),
        (["import", "--help"], "import-help.txt"),
        (["edit", "--help"], "edit-help.txt"),
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


def _run_fresh(*args: str) -> subprocess.CompletedProcess[str]:
    """``jeudis ARGS`` in a fresh interpreter, printing the command modules it loaded."""
    code = (
        "import sys\n"
        f"sys.argv = ['jeudis', *{list(args)!r}]\n"
        "from jeudis.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith('jeudis.cli.')))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)


def test_a_command_typed_loads_its_own_module_alone() -> None:
    """Each command answers with only its module loaded: one named wrongly in
    COMMAND_MODULES would be "No such command"."""
    from jeudis.cli import COMMAND_MODULES, COMMANDS

    assert sorted(COMMAND_MODULES) == sorted(COMMANDS)
    for name, module in COMMAND_MODULES.items():
        done = _run_fresh(name, "--help")
        assert f"Usage: jeudis {name} " in done.stdout, (name, done.stderr)
        loaded = {m.removeprefix("jeudis.cli.") for m in done.stdout.splitlines()[-1].split("'")}
        assert loaded & set(COMMAND_MODULES.values()) == {module}, name


def test_a_command_after_the_series_folder_loads_its_own_module_alone() -> None:
    from jeudis.cli import COMMAND_MODULES

    done = _run_fresh("-C", ".", "export", "--help")
    assert "Usage: jeudis export " in done.stdout, done.stderr
    loaded = {m.removeprefix("jeudis.cli.") for m in done.stdout.splitlines()[-1].split("'")}
    assert loaded & set(COMMAND_MODULES.values()) == {"publishing"}


def test_a_mistyped_command_is_still_told_the_nearest() -> None:
    done = _run_fresh("exprot")
    assert "No such command 'exprot'" in done.stderr
    assert "Did you mean 'export'?" in done.stderr
