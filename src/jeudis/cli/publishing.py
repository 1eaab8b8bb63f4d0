"""``jeudis export``: options in, one call to :mod:`jeudis.export`, a line out."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from jeudis.cli import DirOption, FragmentOption, WordPressOption, app, given_output
from jeudis.cli.completion import complete_flavors, complete_formats, complete_interviews


@app.command()
def export(
    interviews: Annotated[
        list[str] | None,
        typer.Argument(
            help="Slugs or paths (default: the most recent interview).",
            show_default=False,
            autocompletion=complete_interviews,
        ),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="The whole series, into a folder (default site/).")
    ] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or wxr (default: from --flavor or the -o file's suffix, else html).",
            show_default=False,
            autocompletion=complete_formats,
        ),
    ] = None,
    flavor: Annotated[
        str | None,
        typer.Option(
            help="Markdown for hugo, jekyll, zola, pelican or mkdocs.",
            show_default=False,
            autocompletion=complete_flavors,
        ),
    ] = None,
    fragment: FragmentOption = False,
    wordpress: WordPressOption = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="A file, a folder, or - for standard output.",
            show_default=False,
            parser=given_output,
        ),
    ] = None,
    include_drafts: Annotated[
        bool, typer.Option("--include-drafts", help="Export drafts too, marked as drafts.")
    ] = False,
    include_future: Annotated[
        bool,
        typer.Option(
            "--include-future",
            help="With --all: publish now the interviews dated after today.",
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace files jeudis did not write, or changed by hand since it did.",
        ),
    ] = False,
    directory: DirOption = None,
) -> None:
    """Publish interviews: a Markdown post, an HTML page, a WordPress file, or a site."""
    from jeudis.errors import UsageError
    from jeudis.export import (
        SUFFIXES,
        Options,
        choose_format,
        export_file,
        export_files,
        export_text,
    )
    from jeudis.paths import series_at

    series = series_at(directory)
    options = Options(
        fmt=choose_format(fmt, flavor, output),
        flavor=flavor.lower() if flavor else None,
        fragment=fragment or wordpress,
        wordpress=wordpress,
        include_drafts=include_drafts,
    )
    options.check()
    if all_:
        if interviews:
            raise UsageError("--all exports every interview; name none, or drop --all")
        if output and options.fmt != "wxr":
            _refuse_a_file_name(output, "--all writes a folder")
        _export_all(series, options, output, overwrite, include_future)
        return
    if include_future:
        raise UsageError(
            "--include-future is for --all: an interview named is exported whatever its date"
        )
    refs = list(interviews or [])
    if output and len(refs) > 1 and options.fmt != "wxr":
        _refuse_a_file_name(output, "several interviews make several files")
    notes: list[str] = []
    if (
        output
        and not output.endswith(("/", os.sep))
        and not Path(output).is_dir()  # a file's name, not a folder's
        and (suffix := SUFFIXES.get(Path(output).suffix.lower())) not in (None, options.fmt)
    ):
        notes.append(f"warning: {output} is named as {suffix}, and holds {options.fmt} (--format)")
    from jeudis.wording import counted

    if output is None or output == "-":
        from jeudis.cli.output import print_file

        print_file(export_text(series, refs, options, notes))
    elif options.fmt == "wxr" and (
        (target := Path(output)).is_dir() or output.endswith(("/", os.sep))
    ):
        target /= "wordpress.xml"  # one WordPress file, whatever the interviews: in the folder
        export_file(series, refs, options, target, notes, overwrite=overwrite)
        _report(f"Written: {target}")
    elif (
        (target := Path(output)).is_dir()
        or output.endswith(("/", os.sep))  # a folder by its name: made if it is not there
        or (len(refs) > 1 and options.fmt != "wxr")
    ):
        from jeudis.files import file_in_the_way

        if blocking := file_in_the_way(target):  # "Not a directory: afile/amelie-roux.html"
            from jeudis.errors import FileProblem

            raise FileProblem(
                blocking,
                "is a file, not a folder",
                hint="several posts make several files: give -o FOLDER",
            )
        written = export_files(series, refs, options, target, notes, overwrite=overwrite)
        _report(f"{counted(len(written), 'file')} written in {target}")
    else:
        export_file(series, refs, options, target, notes, overwrite=overwrite)
        _report(f"Written: {target}")
    for note in notes:
        _report(note)


def _export_all(
    series: object, options: object, output: str | None, overwrite: bool, include_future: bool
) -> None:
    from jeudis.errors import JeudisError, UsageError
    from jeudis.export import Options
    from jeudis.export.manifest import WXR_FILE
    from jeudis.export.site import export_site
    from jeudis.files import file_in_the_way
    from jeudis.paths import Series
    from jeudis.wording import counted

    assert isinstance(series, Series) and isinstance(options, Options)
    if options.fragment:
        raise UsageError(
            f"--all writes whole pages; {options.fragment_option} is for one interview"
        )
    if options.fmt == "wxr" and output and _names_one_file(output):
        _export_all_wxr(series, output, options.include_drafts, overwrite)
        _copies_behind(series)
        return
    if output == "-":
        raise UsageError("--all writes a folder", hint="give -o FOLDER, or leave -o out for site/")
    series.refuse_misplaced("interviews")
    if not series.interviews_dir.is_dir():
        from jeudis.errors import NotFoundError

        raise NotFoundError(
            f"{series.root} is not a series folder: no interviews/ in it",
            hint="run it from a series folder, or give --dir; `jeudis init` makes one",
        )
    folder = Path(output) if output else series.root / "site"
    if blocking := file_in_the_way(folder):
        raise JeudisError(
            f"{blocking} is a file, not a folder; nothing was written",
            hint="--all writes a site into a folder: give -o FOLDER, or leave -o out for site/",
        )
    wxr = folder / WXR_FILE if options.fmt == "wxr" else None
    there = wxr is not None and wxr.exists()
    bar = _LazyBar()
    try:
        result = export_site(
            series,
            folder,
            fmt=options.fmt,
            flavor=options.flavor,
            include_drafts=options.include_drafts,
            include_future=include_future,
            # Drawn on a terminal only: in a pipe or a log it would be noise (and
            # rich, its import and its refresh thread, cost for nothing).
            progress=bar.update if sys.stderr.isatty() else None,
            overwrite=overwrite,
        )
    except KeyboardInterrupt:
        bar.close()
        if wxr is not None:
            _report(f"\n{_wxr_stopped(wxr, there)}")
        else:
            _report(f"\n{folder}: stopped; what is written stays, and the next export finishes it")
        raise
    finally:
        bar.close()
    if result.unchanged:
        _report(f"{folder}: up to date ({counted(result.skipped, 'interview')} unchanged)")
    else:
        removed = ""
        if result.removed:  # each a published address gone: which ones, not only how many
            removed = f", {len(result.removed)} removed ({_named(result.removed, result.folder)})"
        _report(
            f"{folder}: {counted(len(result.written), 'file')} written, {result.skipped} unchanged{removed}"
        )
    for note in result.notes[:NOTES_SHOWN]:
        _report(note)
    if len(result.notes) > NOTES_SHOWN:
        _report(f"... and {len(result.notes) - NOTES_SHOWN} more")
    _copies_behind(series)


def _copies_behind(series: object) -> None:
    """One line when the series' copy of a template of jeudis's is of an older version:
    the site is made without what jeudis changed in it since, up to date or not."""
    from jeudis.paths import Series
    from jeudis.template_copies import templates

    assert isinstance(series, Series)
    if not series.templates_dir.is_dir():
        return
    behind = [template.name for template in templates(series) if template.state == "behind"]
    if behind:
        which = (
            f"templates/{behind[0]} is a copy"
            if len(behind) == 1
            else (f"templates/ holds copies ({', '.join(behind)})")
        )
        _report(f"note: {which} of an older version of jeudis's: jeudis check says what to do")


NOTES_SHOWN = 10  # a thousand posts without their photo are not a thousand lines
REMOVED_NAMED = 3  # the files an export removed, named before "…"


def _named(removed: list[Path], folder: Path) -> str:
    """The first files an export removed, as the folder names them: each was an address."""
    names = [path.relative_to(folder).as_posix() for path in removed]
    return ", ".join(names[:REMOVED_NAMED] + (["…"] if len(names) > REMOVED_NAMED else []))


def _refuse_a_file_name(output: str, writes: str) -> None:
    """A folder is never made under a post's name: ``-o both.md`` meant one file.

    A folder there already, or a name ending in ``/``, is taken as it is.
    """
    from jeudis.errors import UsageError
    from jeudis.export import SUFFIXES

    path = Path(output)
    if output.endswith(("/", os.sep)) or path.suffix.lower() not in SUFFIXES or path.exists():
        return
    raise UsageError(
        f"{writes}, and {output} is named as a file ({path.suffix})",
        hint=f"give -o a folder, such as {path.with_suffix('')}/; or {output}/ for a folder of that name",
    )


def _names_one_file(output: str) -> bool:
    """``-o -`` or ``-o all.xml`` (not a folder): where the series' one WordPress file goes."""
    if output == "-":
        return True
    return (
        Path(output).suffix.lower() == ".xml"
        and not output.endswith(("/", os.sep))
        and not Path(output).is_dir()
    )


def _export_all_wxr(series: object, output: str, include_drafts: bool, overwrite: bool) -> None:
    from jeudis.export import export_series_wxr
    from jeudis.export.site import series_wxr
    from jeudis.paths import Series

    assert isinstance(series, Series)
    target = Path(output)
    there = output != "-" and target.exists()
    # No bar over the file itself, printed on the terminal.
    shown = sys.stderr.isatty() and not (output == "-" and sys.stdout.isatty())
    bar = _LazyBar()
    try:
        if output == "-":
            from jeudis.cli.output import print_file

            pieces, notes = series_wxr(
                series, include_drafts=include_drafts, progress=bar.update if shown else None
            )
            print_file(pieces)
        else:
            notes = export_series_wxr(
                series,
                target,
                include_drafts=include_drafts,
                overwrite=overwrite,
                progress=bar.update if shown else None,
            )
    except KeyboardInterrupt:
        bar.close()
        if output == "-":
            _report("\nstopped; the WordPress file on standard output is cut short")
        else:
            _report(f"\n{_wxr_stopped(target, there)}")
        raise
    finally:
        bar.close()
    if output != "-":
        _report(f"Written: {target}")
    for note in notes[:NOTES_SHOWN]:
        _report(note)
    if len(notes) > NOTES_SHOWN:
        _report(f"... and {len(notes) - NOTES_SHOWN} more")


def _wxr_stopped(target: Path, there: bool) -> str:
    """What a WordPress file's export stopped half-way left: nothing, for the file is
    written aside and put in place once whole."""
    return f"{target}: stopped; nothing written" + (", the file is as it was" if there else "")


class _LazyBar:
    """A progress bar drawn only once there is work: an up-to-date site costs no import."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            from jeudis.cli.output import err_console

            self.bar = Progress(
                TextColumn("Exporting"),
                BarColumn(),
                MofNCompleteColumn(),
                console=err_console(),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("export", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _report(message: str) -> None:
    from jeudis.textsafe import for_terminal

    sys.stderr.write(for_terminal(message) + "\n")
