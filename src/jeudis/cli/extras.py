"""Beyond the live script: ``sheet``, ``import``, ``edit``, ``compare`` and ``init``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from jeudis.cli import DirOption, app
from jeudis.cli.output import console, err_console
from jeudis.errors import UsageError

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (default: standard output)."),
]


def _write(text: str, output: Path | None) -> None:
    from jeudis.tomlio import write_atomic

    if output is None or str(output) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    if output.exists():
        raise UsageError(f"{output} already exists", hint="pick another name with -o")
    write_atomic(output, text)
    err_console().print(f"Written: [bold]{output}[/bold]")


@app.command()
def sheet(
    questionnaire: Annotated[str, typer.Argument(help="Questionnaire id (or a .toml path).")],
    guest: Annotated[str, typer.Option("--guest", "-g", help="The guest's name.")],
    register: Annotated[
        str | None, typer.Option(help="Form of address: tu or vous (default: the questionnaire's).")
    ] = None,
    gender: Annotated[
        str | None, typer.Option(help="The guest's gender, for agreement: f or m.")
    ] = None,
    host: Annotated[
        str | None, typer.Option(help="The host's name (default: jeudis.toml).")
    ] = None,
    output: OutputOption = None,
    directory: DirOption = None,
) -> None:
    """Write an answer sheet (Markdown) for a guest who answers by email."""
    from jeudis import session
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.sheet import render_sheet

    if gender is not None and gender not in ("f", "m"):
        raise UsageError(f"--gender {gender!r}: use f or m")
    series = series_at(directory)
    form = find_questionnaire(series, questionnaire)
    if not form.questions:
        raise UsageError(
            f"{form.id} has no fixed questions to put on a sheet",
            hint="an open interview is written live: `jeudis new " + form.id + " --guest NAME`",
        )
    options = session.Options(guest=guest, register=register, gender=gender, host=host)
    interview = session.prepare(series, form, options)
    _write(render_sheet(form, interview), output)
    if output is not None:
        err_console().print(f"When it comes back: [bold]jeudis import {output}[/bold]")


@app.command("import")
def import_(
    sheet_file: Annotated[
        Path, typer.Argument(metavar="SHEET", help="The filled-in answer sheet (.md, or an email).")
    ],
    directory: DirOption = None,
) -> None:
    """Turn a filled-in answer sheet into an interview (a draft when answers are missing)."""
    from jeudis import session
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.sheet import import_sheet, parse_sheet, sheet_options
    from jeudis.tomlio import read_text

    series = series_at(directory)
    parsed = parse_sheet(read_text(sheet_file), sheet_file)
    form = find_questionnaire(series, parsed.meta["questionnaire"])
    interview = session.prepare(series, form, session.Options(**sheet_options(parsed)))
    result = import_sheet(form, interview, parsed, sheet_file)
    session.create(series, interview)
    assert interview.path is not None
    out = console()
    for warning in result.warnings:
        err_console().print(f"[yellow]warning:[/yellow] {warning}", markup=True)
    if result.missing:
        out.print(
            f"Imported as a draft ({len(result.missing)} answer(s) missing: "
            f"{', '.join(result.missing)}): [bold]{interview.path}[/bold]"
        )
        out.print(f"Complete it live: [bold]jeudis resume {interview.slug}[/bold]")
    else:
        out.print(f"Imported: [bold]{interview.path}[/bold]")
        out.print(f"Publish it: [bold]jeudis export {interview.slug}[/bold]")
