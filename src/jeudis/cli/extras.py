"""Beyond the live script: ``compare`` and ``init``."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jeudis.cli import (
    DirOption,
    FragmentOption,
    QuestionnaireArgument,
    SinceOption,
    UntilOption,
    WordPressOption,
    app,
    date_span,
    given_output,
)
from jeudis.cli.completion import complete_flavors, complete_formats, complete_questions
from jeudis.cli.output import console, trimmed, unpadded, write_output
from jeudis.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.panel import Panel
    from rich.segment import SegmentLines

    from jeudis.roundup import Entry
    from jeudis.roundup_chart import Chart
    from jeudis.selection import Span


@app.command()
def compare(
    questionnaire: QuestionnaireArgument,
    question: Annotated[
        str | None,
        typer.Argument(
            help="The question to compare: its id, or its number (or --question).",
            autocompletion=complete_questions,
            show_default=False,
        ),
    ] = None,
    question_option: Annotated[
        str | None,
        typer.Option(
            "--question",
            "-q",
            help="The question to compare: its id, or its number.",
            autocompletion=complete_questions,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="Write a roundup post: md or html.",
            autocompletion=complete_formats,
        ),
    ] = None,
    flavor: Annotated[
        str | None,
        typer.Option(
            help="A Markdown post for hugo, jekyll, zola, pelican or mkdocs, beside the"
            " interviews' (export --flavor): its front matter, links to their posts.",
            show_default=False,
            autocompletion=complete_flavors,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The roundup post's title.")] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="The roundup post's date, YYYY-MM-DD or written out (default: today); it quotes the"
            " interviews out by then.",
            show_default=False,
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            help="Only the n most recent guests (0: all).",
            metavar="<n>",
            show_default=False,
        ),
    ] = 0,
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
            parser=given_output,
        ),
    ] = None,
    directory: DirOption = None,
) -> None:
    """Every guest's answer to one question, side by side; or a roundup post."""
    import os

    from jeudis import roundup, roundup_post
    from jeudis.cli import parse_date
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
    day = parse_date(date, series.language)
    span = date_span(since, until, limit, series.language)
    if day is not None and fmt is None:
        raise UsageError(
            "--date is the roundup post's", hint="add --format md or --format html, or --flavor"
        )
    if question is not None and question_option not in (None, question):
        raise UsageError(
            f"two questions: {question!r} and --question {question_option!r}",
            hint="compare one at a time",
        )
    question = question_option if question is None else question
    form = find_questionnaire(series, questionnaire)
    if question is None and fmt is None and title is None:
        _compare_every_question(series, form, span)
        return
    if question is None:
        raise UsageError(
            "which question? a roundup post is of one: name it after the questionnaire,"
            " its id or its number",
            hint=f"`jeudis compare {form.id} ID`; the questions of {form.id}:"
            f" {roundup.question_list(form)}",
        )
    import datetime as dt

    from jeudis.textsafe import for_terminal

    # For the host (no --format): every answer given, whatever its interview's date.
    due = None if fmt is None else day or dt.date.today()
    data = roundup.collect(series, form, question, title=title, due=due, span=span)
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
            f"no interview{span.said()} {out} answers {form.id} [{question}]{waiting}",
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


def _compare_every_question(series: Any, form: Any, span: "Span") -> None:
    """Every question of the questionnaire in turn, each with every guest's answer:
    ``jeudis compare QUESTIONNAIRE`` alone, as design.md has it (it asked which one)."""
    from jeudis import roundup
    from jeudis.textsafe import for_terminal

    unread: list[str] = []
    for number, question in enumerate(form.questions):
        data = roundup.collect(series, form, question.id, title=None, due=None, span=span)
        unread += [problem for problem in data.unread if problem not in unread]
        if number:
            console().print()
        _draw_comparison(data)
    for problem in unread:
        sys.stderr.write(for_terminal(f"warning: {problem} (left out; `jeudis check`)") + "\n")


def _draw_comparison(data: Any) -> None:
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
    # As many side by side as fit at 32 cells or more, sharing the width (60 at most).
    across = max(1, min(len(data.entries), out.width // 32))
    width = max(30, min(60, (out.width - across + 1) // across))
    # Under each the date and the interview's slug; the date alone under all of them when
    # one would not fit (rich cut it mid-word), not the slug under some only.
    slugged = all(len(f"{e.date.isoformat()} · {e.slug}") <= width - 6 for e in data.entries)
    # A row at a time, each printed once drawn: all of them laid out before the first line
    # was printed was, for thousands of guests, a minute of nothing, then everything at
    # once, and a gigabyte held in between.
    for start in range(0, len(data.entries), across):
        row = [
            _panel(entry, width, slugged=slugged) for entry in data.entries[start : start + across]
        ]
        out.print(_side_by_side(out, row, width))


def _panel(entry: "Entry", width: int, *, slugged: bool) -> "Panel":
    """One guest's answer, in a box ``width`` cells wide: their name above, its date
    (and the interview's slug, when ``slugged``) below."""
    from rich.panel import Panel

    from jeudis.export.values import plain_value
    from jeudis.textsafe import for_terminal
    from jeudis.textsafe import markup_escape as escape

    # As the guest wrote it, as `show` has it: not the post's Markdown ("1\\. März").
    text = for_terminal(plain_value(entry.value, entry.language))
    if len(text) > _SHOWN_AT_MOST:  # side by side with others: its beginning, and where
        space = text.rfind(" ", 0, _SHOWN_AT_MOST)
        cut = text[: space if space > _SHOWN_AT_MOST // 2 else _SHOWN_AT_MOST]
        text = f"{cut.rstrip()}… (all of it: jeudis show {for_terminal(entry.slug)})"
    body = escape(text)
    if entry.reworded:
        body = f"[dim italic]{escape(for_terminal(entry.asked))}[/dim italic]\n\n{body}"
    below = entry.date.isoformat()
    if slugged:
        below += f" · {for_terminal(entry.slug)}"
    return Panel(
        body,
        title=f"[bold]{escape(for_terminal(entry.guest))}[/bold]",
        subtitle=f"[dim]{escape(below)}[/dim]",
        title_align="left",
        width=width,
    )


def _side_by_side(out: "Console", panels: "list[Panel]", width: int) -> "SegmentLines":
    """Panels ``width`` cells wide in a row, a space between them, each as tall as it is:
    the lines rich's ``Columns`` draws of them (and :func:`unpadded`), without its
    table's layers around each panel, which laid every line out again: a third faster."""
    from rich.segment import Segment, SegmentLines

    width = min(width, out.width)
    # As a column of a table has it: a word longer than the panel cut with "…".
    inside = out.options.update(width=width, justify="left", overflow="ellipsis", no_wrap=False)
    cells = [out.render_lines(panel, inside) for panel in panels]
    under = [Segment(" " * width)]  # below a shorter panel, beside a taller one
    lines = []
    for number in range(max(len(cell) for cell in cells)):
        line: list[Segment] = []
        for place, cell in enumerate(cells):
            if place:
                line.append(Segment(" "))
            line += cell[number] if number < len(cell) else under
        lines.append(trimmed(line))
    return SegmentLines(lines, new_lines=True)


# The characters of an answer `compare` shows beside the others: a megabyte pasted took
# minutes to lay out in its panel, and would have pushed the others off the screen.
_SHOWN_AT_MOST = 3_000


def _draw_chart(chart: "Chart") -> None:
    """The roundup's chart (:mod:`jeudis.roundup_chart`): a row a guest or a choice, its
    bar, its value."""
    from rich.cells import cell_len
    from rich.table import Table

    from jeudis.textsafe import for_terminal
    from jeudis.textsafe import markup_escape as escape

    out = console()
    names = [for_terminal(row.named) for row in chart.rows]
    # The values whole, the names as they fit in a third of the row, and the bars in what
    # is left (40 cells at most): a narrow terminal cut the values off, the chart's point.
    values = max((cell_len(row.shown) for row in chart.rows), default=1)
    name_room = min(max((cell_len(name) for name in names), default=1), max(6, out.width // 3))
    # A returning guest's name cut before its year, which tells their rows apart, keeping it.
    names = [
        _cut_before(for_terminal(row.label), f" ({for_terminal(row.mark)})", name_room)
        if row.mark and cell_len(name) > name_room
        else name
        for row, name in zip(chart.rows, names, strict=True)
    ]
    longest = max(1, min(40, out.width - name_room - values - 6))
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, max_width=name_room)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True, min_width=values)
    for row, name in zip(chart.rows, names, strict=True):
        table.add_row(escape(name), "█" * chart.blocks(row, longest), row.shown)
    out.print(unpadded(out, table))


def _cut_before(name: str, mark: str, room: int) -> str:
    """``name`` cut with "…" so that it fits in ``room`` cells with ``mark`` after it, whole."""
    from rich.cells import cell_len, set_cell_size

    kept = max(1, room - cell_len(mark) - 1)
    return set_cell_size(name, kept).rstrip() + "…" + mark


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="The new series folder (default: the current folder).")
    ] = Path(),
    blog: Annotated[str, typer.Option(help="The blog's name (default: the folder's).")] = "",
    host: Annotated[str, typer.Option(help="Your name, as the host.")] = "",
    base_url: Annotated[str, typer.Option(help="The blog's address, https://...")] = "",
    language: Annotated[
        str | None,
        typer.Option(help="The series' language, its posts' (default: fr): en, de, es, it..."),
    ] = None,
    questionnaire: Annotated[
        str,
        typer.Option(
            help="The starter questionnaire's id (default: from the blog's name);"
            " a bundled one's (twitter, livre) copies it, to be made your own."
        ),
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
        language="fr" if language is None else language,
        questionnaire=questionnaire,
    )
    import os

    from jeudis.series_init import language_name, locale_language
    from jeudis.textsafe import for_terminal

    out = console()
    out.print(
        f"New series in [bold]{escape(for_terminal(str(created.root)))}[/bold]:", soft_wrap=True
    )
    for path in created.files:
        out.print(f"  {escape(for_terminal(str(path)))}", soft_wrap=True)
    # French unless told: said, with the way to another, an English host's series was
    # French (its index, its feed) without a word.
    said = f'Posts in {language_name(created.language)} (language = "{created.language}")'
    if language is None:
        other = locale_language(os.environ)
        other = other if other and other != "fr" else "en"
        said += (
            f"; for posts in {language_name(other)}, init an empty folder with --language {other}"
        )
    out.print("\n" + escape(said), soft_wrap=True)
    from jeudis.shellwords import editor_typed, quoted

    qid = created.questionnaire
    # Left empty, the posts name no author, and have no address of their own (canonical
    # links, the feed's); jeudis.toml says what each is.
    unsaid = [key for key, given in (("host", host), ("base_url", base_url)) if not given]
    editor = editor_typed()
    steps = [(f"{editor} jeudis.toml", f"set {' and '.join(unsaid)}")] if unsaid else []
    steps += [
        (f"{editor} questionnaires/{qid}.toml", "your questions"),
        (f"jeudis inspect {qid}", "read them as a guest will"),
        (f'jeudis new {qid} --guest "First Last"', "the first interview"),
    ]
    width = max(len(command) for command, _ in steps) + 3  # the comments in a column
    lines = [] if folder == Path() else [f"cd {quoted(str(folder))}"]
    lines += [f"{command:<{width}}# {why}" for command, why in steps]
    # Whole lines, never wrapped: pasted, a comment wrapped onto a line of its own would run.
    lines = [for_terminal(line) for line in lines]
    out.print("\nNext:\n" + "\n".join(f"  {escape(line)}" for line in lines), soft_wrap=True)
    for warning in created.warnings:
        sys.stderr.write(f"warning: {for_terminal(warning)}\n")
