"""Commands jeudis tells the host to type, written for the shell they will be typed in.

A hint such as ``jeudis import 'Ann Smith.md'`` is copied into a terminal. On Windows
that terminal runs PowerShell or cmd, neither of which reads a POSIX shell's quoting:
cmd takes ``'Ann`` and ``Smith.md'`` for two words, and PowerShell takes
``'"'"'`` (how :func:`shlex.quote` writes a quote) for text.
"""

from __future__ import annotations

import os
import re
import shlex
import sys

# What needs no quoting in PowerShell or cmd: a path's letters, separators and drive.
_PLAIN_ON_WINDOWS = re.compile(r"[\w@%+=:,./\\-]+")


def quoted(word: str) -> str:
    """``word`` as one word of the host's shell: a path with spaces, a guest's name."""
    if sys.platform != "win32":
        return shlex.quote(word)
    if _PLAIN_ON_WINDOWS.fullmatch(word) and not word.startswith("@"):  # PowerShell's splat
        return word
    if "$" in word or "`" in word or "'" in word:
        # PowerShell would read a variable in double quotes; its single quotes are
        # literal, a quote in them doubled (a Windows name never holds a double quote).
        return "'" + word.replace("'", "''") + "'"
    return f'"{word}"'  # both shells' quotes


def editor_typed() -> str:
    """The command that opens a file in the host's editor, as they would type it:
    ``$EDITOR`` where the variable is set, else an editor the machine has (an unset
    ``$EDITOR`` typed runs the file's name as a command; cmd and PowerShell read no
    ``$EDITOR``, and every Windows has Notepad)."""
    import shutil

    if sys.platform == "win32":
        return "notepad"
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name, "").strip():
            return f"${name}"
    return next((e for e in ("nano", "micro", "vim") if shutil.which(e)), "vi")
