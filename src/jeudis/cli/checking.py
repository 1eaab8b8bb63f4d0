"""``jeudis check``: lint questionnaires, interviews, the series settings and templates."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from jeudis.cli import DirOption, app
from jeudis.cli.completion import complete_templates
from jeudis.cli.output import console, print_json
from jeudis.errors import ExitCode

if TYPE_CHECKING:
    from jeudis.template_copies import Template


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders, a series folder checked whole (default: the series'"
            " questionnaires, interviews, jeudis.toml and templates/)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    directory: DirOption = None,
) -> None:
    """Lint questionnaires, interviews, jeudis.toml, templates; exit non-zero on problems."""
    from jeudis.check import check_paths, is_series_folder
    from jeudis.paths import series_at

    series = series_at(directory)
    if not paths and not is_series_folder(series.root):
        from jeudis.errors import NotFoundError

        series.refuse_misplaced("interviews")  # a file there says so, as list does
        raise NotFoundError(
            f"{series.root} is not a series folder: no questionnaires/ nor interviews/ in it",
            hint="run it from a series folder, or give --dir or the files to check",
        )
    missing = [path for path in paths or [] if not os.path.lexists(path)]
    if missing:  # a path mistyped is not a finding: the check never ran on it
        from jeudis.errors import NotFoundError

        raise NotFoundError(f"{missing[0]}: no such file or folder")
    findings = check_paths(series, list(paths or []))
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    failed = bool(errors) or (strict and bool(warnings))
    if as_json:
        print_json([asdict(f) for f in findings])
    else:
        from jeudis.textsafe import for_terminal
        from jeudis.textsafe import markup_escape as escape
        from jeudis.wording import counted

        out = console()
        for finding in findings:
            # A warning in the terminal's own colour, as it says "warning:": yellow
            # fades on a white background.
            said = escape(for_terminal(finding.render()))
            if finding.severity == "error":
                said = f"[red]{said}[/red]"
            elif finding.severity == "note":  # no problem: quieter
                said = f"[dim]{said}[/dim]"
            out.print(said, soft_wrap=True)
            if finding.hint:  # under its finding, which stays one line (file:line: ...)
                out.print(
                    f"  [dim]hint:[/dim] {escape(for_terminal(finding.hint))}", soft_wrap=True
                )
        if errors or warnings:
            out.print(f"{counted(len(errors), 'error')}, {counted(len(warnings), 'warning')}")
        else:
            out.print("[bold]All good.[/bold]")
    if failed:
        raise typer.Exit(int(ExitCode.CHECK_FAILED))


@app.command()
def templates(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Templates by name, such as post.html (default: all of them).",
            show_default=False,
            autocompletion=complete_templates,
        ),
    ] = None,
    copy: Annotated[
        bool,
        typer.Option(
            "--copy",
            help="Copy those named into the series' templates/, to be made its own"
            " (never over a file there).",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    directory: DirOption = None,
) -> None:
    """The templates jeudis bundles, where they are, and the series' copies of them."""
    from jeudis.errors import UsageError
    from jeudis.paths import BUNDLED_TEMPLATES, series_at
    from jeudis.template_copies import copy_templates, named

    series = series_at(directory)
    if copy:
        if not names:
            raise UsageError(
                "--copy copies the templates named", hint="jeudis templates post.html --copy"
            )
        for path in copy_templates(series, names):
            print(f"Copied: {_shown(path, series.root)}")
        return
    found = named(series, names or [])
    if as_json:
        print_json([{**asdict(template), "state": template.state} for template in found])
        return
    from jeudis.cli.output import print_columns, print_dim

    rows = []
    for template in found:
        where = _shown(template.copy, series.root) if template.copy else ""
        rows.append(
            [(template.name, ""), (str(template.version), ""),
             (_state(template), "red" if template.state == "behind" else ""), (where, "")]
        )  # fmt: skip
    print_columns(["Template", "Version", "State", "File"], rows, optional=(3,), paths=(3,))
    print_dim(f"jeudis's are in {BUNDLED_TEMPLATES}")
    if any(template.state == "behind" for template in found):
        print_dim("jeudis check says how to see what changed in jeudis's since a copy")


def _state(template: "Template") -> str:
    """How the template in use stands to jeudis's: its own, or the series' copy."""
    if template.state == "bundled":
        return "bundled"
    said = {
        "up to date": "up to date",
        "behind": f"from version {template.copied}",
        "ahead": f"from version {template.copied}, of a newer jeudis",
        "unversioned": "no version said",
    }
    return f"overridden, {said[template.state]}"


def _shown(path: Path, root: Path) -> str:
    """A file of the series as the host finds it from its folder."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
