"""The series' copies of jeudis's templates, against jeudis's own.

A series overrides a bundled template by a file of the same name in its ``templates/``
(docs/templates.md). Each bundled template says its version on its first line, a
Jinja comment that renders nothing: ``{# jeudis: post.html, version 2 #}``. The
number goes up whenever the template changes (a test holds each one's content and
version), and a copy keeps the line it was made with: a copy of an older version
than jeudis's own lacks what changed since (a new meta tag, a fix), which nothing
else said, ever (WooCommerce's "outdated copies of template files").
``jeudis templates`` lists them and copies one in; ``jeudis check`` says which
copies are behind.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from jeudis.errors import JeudisError, UsageError, unknown_key
from jeudis.files import make_folders
from jeudis.paths import BUNDLED_TEMPLATES, Series
from jeudis.shellwords import quoted

# On a template's first line, alone: ``{# jeudis: post.html, version 2 #}``.
_VERSION_LINE = re.compile(
    r"\{#-?\s*jeudis:\s*(?P<name>[^\s,]+)\s*,\s*version\s+(?P<version>\d{1,9})\s*-?#\}\s*"
)


@dataclass(frozen=True)
class Template:
    """A template jeudis bundles, and the series' file of its name, if it has one."""

    name: str
    bundled: Path
    version: int  # the bundled template's
    copy: Path | None = None  # the series' file of that name
    copied: int | None = None  # the version of jeudis's its first line names (None: none)

    @property
    def state(self) -> str:
        """``bundled`` (the series has no file of its name), ``up to date``, ``behind``
        (a copy of an older version), ``ahead`` (of a newer jeudis than this one) or
        ``unversioned`` (a copy made before versions were said, or written from scratch)."""
        if self.copy is None:
            return "bundled"
        if self.copied is None:
            return "unversioned"
        if self.copied < self.version:
            return "behind"
        return "ahead" if self.copied > self.version else "up to date"


def version_of(path: Path, name: str) -> int | None:
    """The version of jeudis's ``name`` the first line of ``path`` names; None when it
    names none (or another template's), or the file does not read."""
    if not path.is_file():  # a pipe would never end
        return None
    try:
        with path.open("rb") as file:
            first = file.readline(500)
    except OSError:
        return None
    found = _VERSION_LINE.fullmatch(first.decode("utf-8", errors="replace").lstrip("\ufeff"))
    if found is None or found["name"] != name:
        return None
    return int(found["version"])


def templates(series: Series) -> list[Template]:
    """Every template jeudis bundles, by name, each with the series' file of that name."""
    found = []
    for bundled in sorted(BUNDLED_TEMPLATES.iterdir()):
        if not bundled.is_file():
            continue
        version = version_of(bundled, bundled.name) or 0
        copy = series.templates_dir / bundled.name
        if os.path.lexists(copy):
            found.append(
                Template(bundled.name, bundled, version, copy, version_of(copy, copy.name))
            )
        else:
            found.append(Template(bundled.name, bundled, version))
    return found


def named(series: Series, names: list[str]) -> list[Template]:
    """The templates ``names`` (all of them when none is given), a name jeudis bundles
    no template of refused."""
    bundled = {template.name: template for template in templates(series)}
    for name in names:
        if name not in bundled:
            raise UsageError(
                unknown_key(name, bundled).replace("key", "template", 1),
                hint=f"jeudis has {', '.join(bundled)}",
            )
    return [bundled[name] for name in dict.fromkeys(names)] if names else list(bundled.values())


def copy_templates(series: Series, names: list[str]) -> list[Path]:
    """Copy the bundled templates ``names`` into the series' ``templates/``, as they are
    (their version line with them). A file of the series is never written over: none
    is copied when one of them is there."""
    wanted = named(series, names)
    series.refuse_misplaced("templates")
    for template in wanted:
        if template.copy is not None:
            raise JeudisError(
                f"{template.copy} is there already; nothing was copied",
                hint="jeudis writes over no template of the series: move it aside to start"
                f" again from jeudis's; to see how they differ, {differences(template)}",
            )
    make_folders(series.templates_dir)
    written = []
    for template in wanted:
        target = series.templates_dir / template.name
        with target.open("xb") as copy:  # a file made meanwhile is not written over either
            copy.write(template.bundled.read_bytes())
        written.append(target)
    return written


def differences(template: Template, copy: Path | None = None) -> str:
    """The command that shows how the series' copy and jeudis's template differ, as the
    host types it (``copy`` as they named it)."""
    mine = copy or template.copy or Path("templates", template.name)
    if sys.platform == "win32":  # fc.exe: PowerShell's fc is another command
        return f"fc.exe {quoted(str(mine))} {quoted(str(template.bundled))}"
    return f"diff -u {quoted(str(template.bundled))} {quoted(str(mine))}"
