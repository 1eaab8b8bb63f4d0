"""Ctrl-X Ctrl-E in the live session, with an editor that does not wait: driven in a
pseudo-terminal as in :mod:`test_pty`, whose harness this reuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_pty import Jeudis, Keyboard, in_the_editor, jeudis, sessions, the_interview, values

__all__ = ["jeudis", "sessions"]  # the fixtures, for pytest to find here

pytestmark = pytest.mark.pty


def test_an_editor_returning_at_once_is_said_under_the_answer(
    jeudis: type[Jeudis], series: Path, tmp_path: Path
) -> None:
    """`code` without --wait hands the file to a window already open and returns: the
    text came back as it was, and what the guest then wrote in that window went nowhere,
    with no word. It is said under the answer, with how to make the editor wait."""
    editor = tmp_path / "editor"
    editor.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    editor.chmod(0o755)

    session = in_the_editor(jeudis, editor)

    session.expect("the editor returned at once, the file unchanged")
    session.expect("--wait")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/13]")
    session.press(Keyboard.CTRL_C)
    assert session.wait() == 130
    assert values(the_interview(series))[0] == "Depuis 2008"
