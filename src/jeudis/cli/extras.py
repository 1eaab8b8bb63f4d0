"""Beyond the live script: ``edit``, ``compare`` and ``init``."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jeudis.cli import (
    DirOption,
    FragmentOption,
    GenderOption,
    QuestionnaireArgument,
    WordPressOption,
    app,
    safe,
)
from jeudis.cli.completion import complete_interviews
from jeudis.cli.output import console, err_console, unpadded, write_output
from jeudis.errors import UsageError

if TYPE_CHECKING:
    from jeudis.edit import Aftermath
    from jeudis.interview import Interview
    from jeudis.paths import Series
    from jeudis.questionnaire import Questionnaire
    from jeudis.roundup_chart import Chart


@app.command()
def edit(
    interview: Annotated[
        str,
        typer.Argument(help="Slug or path of the interview.", autocompletion=complete_interviews),
    ],
    question: Annotated[
        str | None,
        typer.Option(
            "--question", "-q", help="The answer to change: its question id, or its number."
        ),
    ] = None,
    answer_file: Annotated[
        Path | None,
        typer.Option(
            "--answer-file",
            help="With --question: the new answer, read from this file (- for standard input).",
        ),
    ] = None,
    reword: Annotated[
        str | None,
        typer.Option(help="With --question: a new wording of the question, for this guest only."),
    ] = None,
    fields: Annotated[
        bool, typer.Option("--fields", help="Edit the intro and the guest's fields in $EDITOR.")
    ] = False,
    notes: Annotated[
        bool, typer.Option("--notes", help="Edit the private notes (never exported) in $EDITOR.")
    ] = False,
    guest: Annotated[
        str | None,
        typer.Option(
            "--guest",
            "-g",
            help="The guest's name, corrected: the title, the questions and the file's name"
            " follow.",
        ),
    ] = None,
    gender: GenderOption = None,
    register: Annotated[
        str | None, typer.Option(help="Form of address: the questions are worded again.")
    ] = None,
    host: Annotated[
        str | None, typer.Option(help="The host's name: the questions naming them follow.")
    ] = None,
    date: Annotated[str | None, typer.Option(help="The interview's date, YYYY-MM-DD.")] = None,
    directory: DirOption = None,
) -> None:
    """Change an interview: re-ask an answer (prefilled), reword a question, fields, notes,
    the guest's name and particulars.

    With only INTERVIEW, the review screen opens: pick the answers to change.
    """
    from jeudis import edit as editing
    from jeudis import rename, storage
    from jeudis.cli.running import _parse_date, _require_terminal
    from jeudis.errors import JeudisError
    from jeudis.files import STDIN, read_input
    from jeudis.interview_reading import load_interview
    from jeudis.paths import series_at
    from jeudis.questionnaire import Questionnaire, find_questionnaire

    series = series_at(directory)
    path = storage.resolve(series, interview, writable=True)
    loaded = load_interview(path)
    form: Questionnaire | None
    try:
        form = find_questionnaire(series, loaded.questionnaire, made_in=loaded.language)
    except JeudisError:
        form = None  # the interview is self-contained: edit it anyway
    if (answer_file is not None or reword is not None) and question is None:
        raise UsageError("--answer-file and --reword need --question ID")
    if question is not None:  # an id, or the question's number: the id from here on
        question = editing.find_answer(loaded, question).id
    change = rename.Particulars(
        guest=rename.name(guest, "--guest") if guest is not None else None,
        gender=gender,
        register=register,
        host=rename.name(host, "--host") if host is not None else None,
        date=_parse_date(date),
    )
    apart = [*(["--fields"] if fields else []), *(["--notes"] if notes else []), *change.given()]
    if question is not None and answer_file is None and reword is None and apart:
        # It would be left out silently: the editor runs, the answer is never asked.
        raise UsageError(
            f"--question {question} asks the answer again, live, on its own",
            hint=f"run it apart from {', '.join(apart)}, or give the answer with --answer-file",
        )
    reserved = storage.site_names(series, loaded.questionnaire)
    recast = rename.recast(loaded, form, change, reserved)  # in memory, before any editor opens
    rename.free(loaded, recast.slug)
    if fields or notes:  # checked before any change: an editor that cannot run loses none
        _require_terminal(
            hint="run it in a terminal; without one, --question ID --answer-file FILE"
            " changes an answer",
            what=f"{'--fields' if fields else '--notes'} opens $EDITOR, which",
        )
    out = console()
    done: list[str] = list(recast.done)
    if question is not None and reword is not None:
        editing.reword(loaded, question, reword)
        done.append(f"question {question} reworded")
    aftermath = editing.Aftermath()
    # Written in $EDITOR, or read from standard input (typed there, or from a command that
    # may not give it twice): kept in a file if the save fails. A file given is there still.
    typed: dict[str, str] = {}
    if question is not None and answer_file is not None:
        text, source = read_input(answer_file)  # `-`: standard input
        aftermath = editing.set_answer(loaded, form, question, text, source=source)
        if source == STDIN:
            typed["answer.txt"] = text
        done.append(f"answer {question} replaced")
    if fields:
        changed = editing.edit_fields(loaded, form, f"{path.stem}-fields.toml", typed)
        done.append("fields " + (", ".join(changed) if changed else "unchanged"))
    if notes:
        typed["notes.txt"] = editing.edit_text(editing.notes_document(loaded), ".txt")
        changed_notes = editing.apply_notes(loaded, typed["notes.txt"])
        done.append("notes " + ("changed" if changed_notes else "unchanged"))
    if done:
        photo = loaded.fields.get("photo")
        with _kept_if_not_saved(series, path, typed):
            saved = rename.save(loaded, recast.slug)
        out.print(safe(f"{path.stem}: " + "; ".join(done)), soft_wrap=True)
        if saved != path:
            out.print(
                safe(f"{path.name} renamed {saved.name}: `jeudis export --all` replaces its page"),
                soft_wrap=True,
            )
        if loaded.fields.get("photo") != photo:
            out.print(safe(f"{photo} renamed {loaded.fields['photo']}"), soft_wrap=True)
        _said(aftermath, saved.stem, recast.left)
        return
    if change.given():  # each as it was: nothing to change, no review screen
        out.print(safe(f"{path.stem}: unchanged"), soft_wrap=True)
        return
    _require_terminal(hint="without a terminal: --question ID --answer-file FILE")
    _edit_live(series, loaded, form, question, aftermath)


def _edit_live(
    series: "Series",
    interview: "Interview",
    form: "Questionnaire | None",
    question: str | None,
    aftermath: "Aftermath",
) -> None:
    """The answer ``question`` asked again, prefilled; without one, the review screen.
    An answer typed that a save refused is printed to copy, or kept in a file."""
    from jeudis import edit as editing
    from jeudis.prompter import TerminalPrompter
    from jeudis.terminal import typeahead_kept

    assert interview.path is not None
    slug = interview.path.stem
    out = console()
    prompter = TerminalPrompter(interview.language)
    prompter.editing = True  # its keys say so: Ctrl-C and Page↑ cancel a change
    if question is not None:
        again = f"`jeudis edit {slug} --question {question}`"
        with _shown_if_not_saved(series, interview, again), typeahead_kept():
            changed_one = editing.reask(form, interview, question, prompter, aftermath)
        said = f"answer {question} saved" if changed_one else "nothing changed"
        out.print(safe(f"{slug}: {said}"), soft_wrap=True)
        _said(aftermath, slug)
        return
    with _shown_if_not_saved(series, interview, f"`jeudis edit {slug}`"), typeahead_kept():
        count = editing.review(form, interview, prompter, aftermath)
    from jeudis.wording import counted

    out.print(safe(f"{slug}: {counted(count, 'answer')} changed"), soft_wrap=True)
    _said(aftermath, slug)


# What the host gave that a failed save keeps, as the messages say it: kept in a file, or
# printed to copy.
_TYPED = {
    "fields": ("the fields you edited are", "the fields as you edited them (copy them)"),
    "notes": ("the notes you edited are", "the notes as you edited them (copy them)"),
    "answer": ("the answer read from standard input is", "the answer as read (copy it)"),
}


@contextlib.contextmanager
def _kept_if_not_saved(series: "Series", path: Path, typed: dict[str, str]) -> Iterator[None]:
    """What the host wrote in $EDITOR (or gave on standard input), kept in a file when the
    save fails (a full disk, a read-only folder, an interview too large to read back, a
    session holding it), and the file named in the error's hint: deleted with the
    editor's, it was gone."""
    from jeudis.errors import JeudisError

    try:
        yield
    except (JeudisError, OSError) as error:
        if not typed:
            raise
        from jeudis import unsaved
        from jeudis.textsafe import for_terminal

        said = []
        for what, text in typed.items():
            name = what.partition(".")[0]
            kept = unsaved.keep(series, path, what, text)
            if kept is not None:
                said.append(f"{_TYPED[name][0]} kept in {kept}")
                continue
            # Not even a file could take them (a full disk): shown, for the host to copy.
            sys.stderr.write(f"not saved, {_TYPED[name][1]}:\n")
            sys.stderr.write(for_terminal(text.rstrip("\n")) + "\n")
        if isinstance(error, OSError):  # said as the CLI says it (cli.main)
            where = f": {error.filename}" if error.filename else ""
            error = JeudisError(f"{error.strerror or error}{where}")
        if said:
            error.hint = "; ".join([*([error.hint] if error.hint else []), *said])
        raise error from None


@contextlib.contextmanager
def _shown_if_not_saved(series: "Series", interview: "Interview", again: str) -> Iterator[None]:
    """An answer typed anew (and what it asked next) that the save refused, printed for
    the host to copy, or kept in a file too long to print, as a session does; ``again``:
    the command that asks it again. The file keeps what was saved before, whole."""
    from jeudis.errors import NotSaved

    try:
        yield
    except NotSaved:
        from jeudis.cli.running import _say_unsaved

        _say_unsaved(series, interview, interview.language, again)
        raise


def _said(aftermath: "Aftermath", slug: str, left: list[str] | None = None) -> None:
    """What a changed answer did to the questions whose condition reads it; what a
    change of the guest's name or particulars ``left`` as it was."""
    for line in [*(left or []), *aftermath.said(slug)]:
        err_console().print(f"[yellow]warning:[/yellow] {safe(f'{slug}: {line}')}", soft_wrap=True)


@app.command()
def compare(
    questionnaire: QuestionnaireArgument,
    question: Annotated[
        str | None,
        typer.Option("--question", "-q", help="The question to compare: its id, or its number."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Write a roundup post: md or html."),
    ] = None,
    flavor: Annotated[
        str | None,
        typer.Option(
            help="A Markdown post for hugo, jekyll, zola, pelican or mkdocs, beside the"
            " interviews' (export --flavor): its front matter, links to their posts.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The roundup post's title.")] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="The roundup post's date, YYYY-MM-DD (default: today); it quotes the"
            " interviews out by then.",
            show_default=False,
        ),
    ] = None,
    fragment: FragmentOption = False,
    wordpress: WordPressOption = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="A file, a folder (the post named in it as its generator names posts),"
            " or - for standard output.",
            show_default=False,
        ),
    ] = None,
    directory: DirOption = None,
) -> None:
    """Every guest's answer to one question, side by side; or a roundup post."""
    import os

    from jeudis import roundup, roundup_post
    from jeudis.cli.running import _parse_date
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire

    series = series_at(directory)
    typed = "--wordpress" if wordpress else "--fragment" if fragment else None
    flavor = flavor.lower() if flavor else None
    target = Path(output) if output is not None else None
    folder = output not in (None, "-") and (
        output.endswith(("/", os.sep)) or (target is not None and target.is_dir())
    )
    fmt = roundup.choose_format(fmt, target, typed, flavor, folder=folder)
    day = _parse_date(date)
    if day is not None and fmt is None:
        raise UsageError(
            "--date is the roundup post's", hint="add --format md or --format html, or --flavor"
        )
    form = find_questionnaire(series, questionnaire)
    if question is None:
        raise UsageError(
            "which question? pass --question ID (or its number)",
            hint=f"the questions of {form.id}: {roundup.question_list(form)}",
        )
    import datetime as dt

    from jeudis.textsafe import for_terminal

    # For the host (no --format): every answer given, whatever its interview's date.
    due = None if fmt is None else day or dt.date.today()
    data = roundup.collect(series, form, question, title=title, due=due)
    for problem in data.unread:
        sys.stderr.write(for_terminal(f"warning: {problem} (left out; `jeudis check`)") + "\n")
    if fmt is None:
        _draw_comparison(data)
        return
    if not data.entries:  # a post of no answer is nothing to publish
        from jeudis.errors import NotFoundError

        when = "today" if day is None else day.isoformat()
        waiting = f" ({len(data.waiting)} dated after {when})" if data.waiting else ""
        out = "out yet" if day is None else f"out by {when}"
        raise NotFoundError(
            f"no interview {out} answers {form.id} [{question}]{waiting}",
            hint=f"a roundup quotes complete interviews dated {when} or before",
        )
    text = roundup_post.render(
        series, data, fmt, fragment=fragment, wordpress=wordpress, flavor=flavor
    )
    if folder and target is not None:
        target /= roundup.file_name(data, fmt, flavor)
    from jeudis.export.written import refuse_interview_place

    refuse_interview_place(series, data.slug, None if str(output) == "-" else target, fmt)
    write_output(text, target, series, roundup=True)
    if typed and (note := roundup.fragment_note(series)):
        sys.stderr.write(note + "\n")
    for entry in data.waiting:
        note = f"note: {entry.slug}: dated {entry.date.isoformat()}, left out until that day"
        sys.stderr.write(for_terminal(note) + "\n")


def _draw_comparison(data: Any) -> None:
    from rich.columns import Columns
    from rich.panel import Panel

    from jeudis.roundup import answered
    from jeudis.roundup_chart import rows
    from jeudis.textsafe import for_terminal
    from jeudis.textsafe import markup_escape as escape
    from jeudis.wording import is_french

    out = console()
    out.print(unpadded(out, f"[bold]{escape(for_terminal(data.question))}[/bold]"))
    # How many answer: a line of its own, whole (rich cut it inside the question's), in the
    # screen's French or English, whatever language the post is in.
    screen = "fr" if is_french(data.language) else "en"
    out.print(f"[dim]{answered(len(data.entries), screen)}[/dim]\n")
    if not data.entries:
        out.print("No complete interview answers this question yet.")
        return
    chart = rows(data)
    if chart is not None:
        _draw_chart(chart)
        # Answers that hold words around their number are shown whole below the chart;
        # a tally's, for who picked what.
        if chart.kind == "numbers" and not any(
            isinstance(e.value, str) and any(c.isalpha() for c in e.value) for e in data.entries
        ):
            return
        out.print()
    panels = []
    # As many side by side as fit at 32 cells or more, sharing the width (60 at most).
    across = max(1, min(len(data.entries), out.width // 32))
    width = max(30, min(60, (out.width - across + 1) // across))
    # Under each the date and the interview's slug; the date alone under all of them when
    # one would not fit (rich cut it mid-word), not the slug under some only.
    slugged = all(len(f"{e.date.isoformat()} · {e.slug}") <= width - 6 for e in data.entries)
    for entry in data.entries:
        body = escape(for_terminal(entry.text))
        if entry.reworded:
            body = f"[dim italic]{escape(for_terminal(entry.asked))}[/dim italic]\n\n{body}"
        below = entry.date.isoformat()
        if slugged:
            below += f" · {for_terminal(entry.slug)}"
        panels.append(
            Panel(
                body,
                title=f"[bold]{escape(for_terminal(entry.guest))}[/bold]",
                subtitle=f"[dim]{escape(below)}[/dim]",
                title_align="left",
                width=width,
            )
        )
    out.print(unpadded(out, Columns(panels, equal=True, expand=False)))


def _draw_chart(chart: "Chart") -> None:
    """The roundup's chart (:mod:`jeudis.roundup_chart`): a row a guest or a choice, its
    bar, its value."""
    from rich.cells import cell_len
    from rich.table import Table

    from jeudis.textsafe import for_terminal
    from jeudis.textsafe import markup_escape as escape

    out = console()
    names = [for_terminal(row.label) for row in chart.rows]
    # The values whole, the names as they fit in a third of the row, and the bars in what
    # is left (40 cells at most): a narrow terminal cut the values off, the chart's point.
    values = max((cell_len(row.shown) for row in chart.rows), default=1)
    name_room = min(max((cell_len(name) for name in names), default=1), max(6, out.width // 3))
    longest = max(1, min(40, out.width - name_room - values - 6))
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, max_width=name_room)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True, min_width=values)
    for row, name in zip(chart.rows, names, strict=True):
        table.add_row(escape(name), "█" * chart.blocks(row, longest), row.shown)
    out.print(unpadded(out, table))


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="The new series folder (default: the current folder).")
    ] = Path(),
    blog: Annotated[str, typer.Option(help="The blog's name (default: the folder's).")] = "",
    host: Annotated[str, typer.Option(help="Your name, as the host.")] = "",
    base_url: Annotated[str, typer.Option(help="The blog's address, https://...")] = "",
    language: Annotated[str, typer.Option(help="The series' language.")] = "fr",
    questionnaire: Annotated[
        str, typer.Option(help="The starter questionnaire's id (default: from the blog's name).")
    ] = "",
) -> None:
    """Create a series folder: a starter questionnaire, jeudis.toml, interviews/."""
    from jeudis.series_init import init_series
    from jeudis.textsafe import markup_escape as escape
    from jeudis.textsafe import one_line_name

    one_line_name(blog, "--blog")  # jeudis.toml's, each post's; the host's in each interview
    one_line_name(host, "--host")
    if base_url and not base_url.startswith(("https://", "http://")):
        raise UsageError(
            f"--base-url {base_url!r} is not an address", hint="start it with https://"
        )
    created = init_series(
        folder,
        blog=blog,
        host=host,
        base_url=base_url,
        language=language,
        questionnaire=questionnaire,
    )
    from jeudis.textsafe import for_terminal

    out = console()
    out.print(
        f"New series in [bold]{escape(for_terminal(str(created.root)))}[/bold]:", soft_wrap=True
    )
    for path in created.files:
        out.print(f"  {escape(for_terminal(str(path)))}", soft_wrap=True)
    import shlex

    qid = created.questionnaire
    steps = [
        (f"$EDITOR questionnaires/{qid}.toml", "your questions"),
        (f"jeudis inspect {qid}", "read them as a guest will"),
        (f'jeudis new {qid} --guest "First Last"', "the first interview"),
    ]
    width = max(len(command) for command, _ in steps) + 3  # the comments in a column
    lines = [] if folder == Path() else [f"cd {shlex.quote(str(folder))}"]
    lines += [f"{command:<{width}}# {why}" for command, why in steps]
    # Whole lines, never wrapped: pasted, a comment wrapped onto a line of its own would run.
    lines = [for_terminal(line) for line in lines]
    out.print("\nNext:\n" + "\n".join(f"  {escape(line)}" for line in lines), soft_wrap=True)
