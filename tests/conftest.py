"""Shared fixtures: a fresh series folder per test, and the CLI run in process.

Every test gets ``JEUDIS_DIR`` pointing at an empty series folder in ``tmp_path``
holding a copy of the repository's ``questionnaires/twitter.toml``, so no test
reads or writes the repository's own ``interviews/``.

``invoke`` runs the real entry point, :func:`jeudis.cli.main`, with its single
error handler, inside typer's ``CliRunner`` isolation: what a user's mistake
prints (and its exit code) is what the tests see.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

# Commands register on `app` when their modules are imported (as `main()` does).
import jeudis.cli
import jeudis.cli.checking
import jeudis.cli.publishing
import jeudis.cli.reading
import jeudis.cli.running
from jeudis.cli import main
from support import TWITTER, Invoke, Run

# Stable rendering for anything rich or typer draws.
STABLE_ENV = {"COLUMNS": "100", "LINES": "40", "NO_COLOR": "1", "TERM": "dumb"}


@pytest.fixture
def series(tmp_path: Path) -> Path:
    """The series folder of the current test (``JEUDIS_DIR``)."""
    return tmp_path / "series"


@pytest.fixture(autouse=True)
def _series_dir(series: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (series / "questionnaires").mkdir(parents=True)
    (series / "interviews").mkdir()
    shutil.copy(TWITTER, series / "questionnaires" / "twitter.toml")
    monkeypatch.setenv("JEUDIS_DIR", str(series))
    monkeypatch.chdir(series.parent)  # a relative -o lands in the test's folder, not the repo
    for name, value in STABLE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=STABLE_ENV)


@pytest.fixture
def invoke(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``jeudis ARGS...`` in process through :func:`jeudis.cli.main`.

    An exception other than ``SystemExit`` is a bug, which ``main`` says as a fault
    in one line: here it is raised on instead, and the test fails with it (a test
    of a refusal must not pass on a fault's exit code).
    """

    def raised_on(error: BaseException | None, what: str = "") -> None:
        raise error if error is not None else AssertionError(what)

    monkeypatch.setattr(jeudis.cli, "write_fault", raised_on)

    def run(
        *args: str | Path,
        input: str | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> Run:
        argv = ["jeudis", *(str(a) for a in args)]
        with runner.isolation(input=input, env=env) as (out, err, mixed):
            monkeypatch.setattr(sys, "argv", argv)
            code: int = 0
            try:
                main()
            except SystemExit as stop:
                code = _exit_code(stop.code)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            return Run(
                code,
                out.getvalue().decode("utf-8"),
                err.getvalue().decode("utf-8", errors="replace"),
                mixed.getvalue().decode("utf-8", errors="replace"),
            )

    return run


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1
