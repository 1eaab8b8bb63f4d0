"""``jeudis check``: lint questionnaires, interviews, the series settings and templates."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import os
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from jeudis.cli import DirOption, app
from jeudis.cli.output import console, print_json
from jeudis.errors import ExitCode


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
    failed = bool(errors) or (strict and bool(findings))
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
            out.print(f"[red]{said}[/red]" if finding.severity == "error" else said, soft_wrap=True)
            if finding.hint:  # under its finding, which stays one line (file:line: ...)
                out.print(
                    f"  [dim]hint:[/dim] {escape(for_terminal(finding.hint))}", soft_wrap=True
                )
        warnings = len(findings) - len(errors)
        if findings:
            out.print(f"{counted(len(errors), 'error')}, {counted(warnings, 'warning')}")
        else:
            out.print("[bold]All good.[/bold]")
    if failed:
        raise typer.Exit(int(ExitCode.CHECK_FAILED))
