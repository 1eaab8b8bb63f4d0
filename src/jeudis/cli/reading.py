"""Commands that read: ``list``, ``show``, ``questionnaires``, ``inspect``."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import re
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jeudis.cli import (
    DirOption,
    QuestionnaireArgument,
    SinceOption,
    UntilOption,
    app,
    check_gender,
    date_span,
)
from jeudis.cli.completion import (
    STATUSES,
    complete_genders,
    complete_interviews,
    complete_questionnaires,
    complete_registers,
    complete_statuses,
)
from jeudis.cli.output import (
    RENDERED_AT_MOST,
    AsWritten,
    console,
    print_columns,
    print_dim,
    print_json,
    terminal_markdown,
    unpadded,
    wrapped,
)
from jeudis.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console, RenderableType

    from jeudis.catalog import DraftTotal
    from jeudis.interview import Interview
    from jeudis.listing import Summary


@app.command("list")
def list_(
    questionnaire: Annotated[
        str | None,
        typer.Option(
            "--questionnaire",
            "-q",
            help="Only this questionnaire's interviews.",
            autocompletion=complete_questionnaires,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only drafts, complete ones, those withdrawn, or files that do not read"
            " (broken) or lead out of the series (refused):"
            " draft|complete|withdrawn|broken|refused.",
            autocompletion=complete_statuses,
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", help="Only the n newest (0: all).", metavar="<n>", show_default=False
        ),
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    directory: DirOption = None,
) -> None:
    """The interviews of the series, newest first, with status and progress."""
    from jeudis import listing
    from jeudis.paths import series_at

    if status is not None and status not in STATUSES:
        raise UsageError(f"--status {status!r}: use {', '.join(STATUSES[:-1])} or {STATUSES[-1]}")
    from jeudis.selection import selected

    series = series_at(directory)
    span = date_span(since, until, limit, series.language)
    every = listing.summaries(series)
    rows, older = selected(
        [
            s
            for s in every
            if (questionnaire is None or s.questionnaire == questionnaire)
            and (status is None or s.shown_status == status)
        ],
        span,
    )
    if not rows and not series.interviews_dir.is_dir():
        from jeudis.errors import NotFoundError

        series.refuse_misplaced("interviews")

        raise NotFoundError(
            f"{series.root} is not a series folder: no interviews/ in it",
            hint="run it from a series folder, or give --dir; `jeudis init` makes one",
        )
    totals = {}
    if drafts := [s for s in rows if s.status == "draft"]:
        # Only then: reading the questionnaires is a fifth of a long series' first list.
        from jeudis.catalog import draft_totals

        totals = draft_totals(series, drafts)
    if as_json:
        print_json([_listed(s, totals.get(s.slug)) for s in rows])
        return
    from jeudis.textsafe import for_terminal

    if not rows and every:  # there are some, and the filter left none
        console().print(
            f"No interview matches ({len(every)} in all: `jeudis list` shows them).", soft_wrap=True
        )
        return
    if not rows:
        console().print(
            "No interviews yet. Start one with [bold]jeudis new QUESTIONNAIRE --guest NAME[/bold].",
            soft_wrap=True,
        )
        return
    cells = []
    problems = []  # under the table: one long message would widen every row
    for s in rows:
        status_text = s.shown_status
        look = {"complete": "", "draft": "bold", "withdrawn": "dim"}.get(status_text, "red")
        if s.problem:
            problems.append(f"{for_terminal(s.slug)}: {for_terminal(s.problem)}")
        # A complete interview was asked what it holds (follow-ups, live questions
        # included); a draft still has questions ahead, those its answers do not leave out.
        draft = totals.get(s.slug)
        if draft is None:
            progress = f"{s.answered}/{s.asked}"
        elif draft.problem:  # its questionnaire not there, or not read: what is left is unknown
            progress = f"{s.answered}/?"
            problems.append(
                f"{for_terminal(s.slug)}: a draft whose questionnaire"
                f" '{for_terminal(s.questionnaire)}' {draft.problem}:"
                " resume cannot go on (`jeudis check` says more)"
            )
        elif draft.total is None:  # the host writes more: no total, as the session's "[3]"
            progress = str(s.answered)
        else:
            progress = f"{s.answered}/{draft.total}"
        cells.append(
            [
                (for_terminal(s.slug), ""),
                (for_terminal(s.guest), ""),
                (for_terminal(s.questionnaire), ""),
                (s.date, ""),
                (status_text, look),
                (progress, ""),
            ]
        )
    # Too narrow for them all: the guest's name cut, then the questionnaire, the answers'
    # count and the date left out; never the slug, the name a command is given.
    print_columns(
        ["Interview", "Guest", "Questionnaire", "Date", "Status", "Answers"],
        cells,
        flexible={1: 12},
        optional=(2, 5, 3),
    )
    if problems:  # rich only then: a listing imports none of it
        from jeudis.textsafe import markup_escape as escape

        for problem in problems:
            console().print(f"[red]{escape(problem)}[/red]", soft_wrap=True)
    if older:  # the table's rows are whole lines, for grep and awk: this one apart, last
        print_dim(f"… and {older:,} older (`-n 0` lists them all)")


def _listed(summary: "Summary", draft: "DraftTotal | None") -> dict[str, Any]:
    """A row of ``list --json``: the summary, and ``total``, the table's "N" of "n/N" (a
    draft's questions its answers may still ask; null when it is not known, or the host
    writes more), with the reason a draft's is not known as its ``problem``.

    Its ``status`` is the table's, the one ``--status`` picks ("withdrawn" for one
    withdrawn, whatever its answers); ``complete`` says whether its answers are finished
    (the file's ``status = "complete"``), withdrawn or not; ``published``, whether it is
    published: false when withdrawn, null when it is neither (a draft, a file that does
    not read), as its status says."""
    from jeudis.catalog import nulled

    row = nulled(asdict(summary))  # a broken file's guest, dates, title: null
    # A withdrawn one said "complete" here, which `--status complete` leaves out: a script's
    # select(.status == "complete") counted it among those export --all publishes.
    row["status"] = summary.shown_status
    row["complete"] = summary.status == "complete"
    if summary.unread:  # not known
        row.update(guest=None, questionnaire=None, answered=None, asked=None, complete=None)
    if summary.published and summary.status != "complete":
        # Never published, but not withdrawn either: it said true of a draft.
        row["published"] = None
    row["total"] = summary.asked if summary.status == "complete" else None
    if draft is not None:
        row["total"] = draft.total
        if draft.problem and not summary.problem:
            row["problem"] = f"its questionnaire {summary.questionnaire!r} {draft.problem}"
    return row


_MARKDOWN_FIELDS = ("intro", "closing", "outro")  # the fields a post renders as Markdown


@app.command()
def show(
    interview: Annotated[
        str,
        typer.Argument(help="Slug or path of the interview.", autocompletion=complete_interviews),
    ],
    directory: DirOption = None,
) -> None:
    """Read an interview in the terminal, answers' Markdown rendered."""
    from jeudis import storage
    from jeudis.interview_reading import load_interview
    from jeudis.paths import series_at

    loaded = load_interview(storage.resolve(series_at(directory), interview))
    out = console()
    if out.is_terminal:
        _show_drawn(out, loaded)
        return
    # Piped or redirected: the same text, without the spaces rich pads lines with.
    with out.capture() as captured:
        _show(out, loaded)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


# The code points of the emoji terminals draw each their own way (those of
# jeudis.graphemes): an emoji selector, a joiner, a skin tone, a regional indicator.
_DRAWN_OWN_WAY = re.compile("[\ufe0f\u200d\U0001f3fb-\U0001f3ff\U0001f1e6-\U0001f1ff]")


def _show_drawn(out: "Console", loaded: "Interview") -> None:
    """The interview shown on a terminal, laid out in the cells the terminal draws its
    emoji in, not rich's count: 👍🏽 in four (tmux, xterm) made a line rich wrapped two
    cells wider than it counted, the terminal took its end to a row of its own, out
    of the answer's indent. The terminal is asked how it draws them as the session
    asks it, before rich lays anything out, by an interview that holds one only
    (the question, and prompt_toolkit's count, cost the others nothing)."""
    from jeudis.textsafe import for_terminal

    met: list[str] = []  # the texts holding one

    def drawn(text: str) -> str:
        shown = for_terminal(text)
        if not _DRAWN_OWN_WAY.search(shown):
            return shown
        from jeudis.rich_cells import laid_out
        from jeudis.terminal import ask_emoji_widths

        ask_emoji_widths()
        met.append(shown)
        return laid_out(shown)

    with out.capture() as captured:
        _show(out, loaded, drawn)
    printed = captured.get()
    if met:
        from jeudis.rich_cells import put_back

        printed = put_back(printed)
    out.file.write(printed)
    out.file.flush()


def _question_heading(label: str, question: str) -> "RenderableType":
    """A question as its post heads it, its lines past the first under its words, not
    under its number ("4. Qu’est-ce que… / ···que cela a changé…")."""
    from rich.table import Table
    from rich.text import Text

    if not label:
        return Text(question, style="bold")
    heading = Table.grid()
    heading.add_column(no_wrap=True)
    heading.add_column()
    heading.add_row(Text(label, style="bold"), Text(question, style="bold"))
    return heading


def _status(loaded: "Interview", safe: "Callable[[str], str]") -> str:
    """The interview's status, as rich markup: a draft's, and one withdrawn's, in bold."""
    from jeudis.textsafe import markup_escape as escape

    status = loaded.status if loaded.is_complete else f"[bold]{loaded.status}[/bold]"
    if not loaded.published:
        slug = loaded.path.stem if loaded.path else loaded.slug
        status += " · [bold]withdrawn[/bold]" + escape(
            f": left out of exports (`jeudis edit {safe(slug)} --publish` publishes it)"
        )
    return status


def _show(out: "Console", loaded: "Interview", safe: "Callable[[str], str] | None" = None) -> None:
    """``loaded`` printed by ``out``, each text of the file given by ``safe``: stripped of
    terminal escapes (and laid out in the terminal's cells, by :func:`_show_drawn`)."""
    from rich.padding import Padding
    from rich.rule import Rule

    from jeudis.export.values import bullets_as_items, value_markdown
    from jeudis.interview import typed_text
    from jeudis.textsafe import for_terminal
    from jeudis.textsafe import markup_escape as escape
    from jeudis.wording import as_text

    safe = safe or for_terminal

    def markdown(text: str) -> "Padding | AsWritten":
        # Links show their address, which a reader or a pipe needs; lines are not
        # padded with spaces to the terminal's width.
        if len(text) > RENDERED_AT_MOST:
            return AsWritten(text, indent=2)
        return Padding(terminal_markdown(text), (0, 0, 0, 2), expand=False)

    out.print(Rule(escape(safe(loaded.title)), style="cyan"))
    meta = f"{safe(loaded.guest)} · {loaded.date.isoformat()} · {safe(loaded.register)}"
    if loaded.host:
        meta += f" · host: {safe(loaded.host)}"
    out.print(f"[dim]{escape(meta)}[/dim] · {_status(loaded, safe)}")
    for key, value in loaded.fields.items():
        if value in ("", None):
            continue
        text = safe(as_text(value, loaded.language))
        if key in _MARKDOWN_FIELDS:  # paragraphs of their own, under their name
            out.print(f"[dim]{escape(safe(key))}:[/dim]")
            out.print(markdown(bullets_as_items(text)))
        else:
            out.print(f"[dim]{escape(safe(key))}:[/dim] {escape(text)}")
    # What was being typed (the choices ticked: "fr, en"), each under its question if stored.
    typing = {where: typed_text(typed) for where, typed in loaded.pending.items()}
    numbers = loaded.numbers() if loaded.style == "numbered" else {}
    for answer in loaded.answers:
        label = f"{numbers[answer.id]}. " if answer.id in numbers else ""
        out.print()
        out.print(_question_heading(label, safe(answer.question)))
        if answer.skipped:
            out.print(Padding("[dim](skipped)[/dim]", (0, 0, 0, 2), expand=False))
        elif answer.given and isinstance(answer.value, str):
            # As stored (a control shown, not dropped), a list pasted with bullets a list.
            out.print(markdown(bullets_as_items(safe(answer.value))))
        elif answer.given:  # as its post reads it: "Non", "1er mai 2009", a list as one
            out.print(markdown(safe(value_markdown(answer, loaded.language))))
        elif typing.get(answer.id):
            out.print(Padding("[bold](being typed when the session paused)[/bold]", (0, 0, 0, 2)))
            out.print(markdown(safe(typing.pop(answer.id))))  # shown in its place
        else:
            out.print(Padding("[dim](not answered yet)[/dim]", (0, 0, 0, 2), expand=False))
    for where, text in typing.items():  # at a question to come, a change, a field...
        out.print()
        said = f"being typed when the session paused ({safe(where)})"
        out.print(Rule(escape(said), style="yellow"))
        out.print(markdown(safe(text)))
    if loaded.notes:
        out.print()
        out.print(Rule("private notes (never exported)", style="dim"))
        notes = safe(loaded.notes)
        out.print(AsWritten(notes) if len(notes) > RENDERED_AT_MOST else escape(notes))
    if not loaded.is_complete:  # the questions still to ask are not in the file: say how
        from jeudis.shellwords import quoted
        from jeudis.wording import counted

        given = sum(1 for a in loaded.answers if a.given)
        name = quoted(loaded.path.stem if loaded.path else loaded.slug)
        out.print()
        out.print(
            f"[bold]A draft[/bold], {counted(given, 'answer')} given: the rest is asked by"
            f" [bold]jeudis resume {escape(safe(name))}[/bold]",
            soft_wrap=True,
        )


@app.command("questionnaires")
def questionnaires_(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    directory: DirOption = None,
) -> None:
    """The questionnaires that can be run, and the file each comes from."""
    from jeudis import catalog
    from jeudis.paths import series_at

    infos = catalog.questionnaires(series_at(directory))
    if as_json:
        print_json(catalog.as_json(infos))
        return
    from jeudis.textsafe import for_terminal

    root = series_at(directory).root
    rows = []
    problems = []  # under the table: one long message would widen every row
    for info in infos:
        path = Path(info.path)
        where = "bundled with jeudis" if info.bundled else _relative(path, root)
        if info.problem:
            rows.append([(info.id, ""), ("unreadable", "red"), ("", ""), ("", ""),
                         (where, "")])  # fmt: skip
            problems.append(for_terminal(info.problem))
            continue
        rows.append(
            [(info.id, ""), (for_terminal(info.title), ""), (f"{info.questions}{' + live' if info.open else ''}", ""),
             (info.style, ""), (where, "")]
        )  # fmt: skip
    print_columns(
        ["Id", "Title", "Questions", "Style", "File"],
        rows,
        flexible={1: 16, 4: 16},
        optional=(3, 2, 4),
        paths=(4,),
    )
    # Under the table, as the problems: a sentence in a cell would widen every row.
    described = [
        f"{info.id}: {for_terminal(info.description)}" for info in infos if info.description
    ]
    if described:
        print("", *wrapped(described), sep="\n")
    if problems:
        from jeudis.textsafe import markup_escape as escape

        for problem in problems:
            console().print(f"[red]{escape(problem)}[/red]", soft_wrap=True)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


@app.command()
def inspect(
    questionnaire: QuestionnaireArgument,
    register: Annotated[
        str | None,
        typer.Option(
            help="The questionnaire's form of address, e.g. tu/vous, du/Sie (default: its own).",
            autocompletion=complete_registers,
        ),
    ] = None,
    gender: Annotated[
        str | None,
        typer.Option(
            help="f or m (default: both forms shown).",
            callback=check_gender,
            autocompletion=complete_genders,
        ),
    ] = None,
    guest: Annotated[str, typer.Option(help="A guest's name, for wordings that quote it.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    directory: DirOption = None,
) -> None:
    """The questions exactly as they will be asked, for a form of address and a gender."""
    from jeudis import catalog
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.wording import declared, worded_for

    series = series_at(directory)
    form = find_questionnaire(series, questionnaire)
    given = register or form.default_register
    chosen = declared(given, form.registers)
    if chosen is None:
        raise UsageError(
            f"--register {given}: {form.id} is worded for {worded_for(form.registers)}"
        )
    host = str(series.settings.get("host") or "")  # a wording may name them: "{host}" else
    questions = catalog.asked(form, chosen, gender, guest, host)
    fields = catalog.asked(form, chosen, gender, guest, host, fields=True)
    title = catalog.title_for(form, guest, gender, host)
    if as_json:
        print_json(
            {
                "id": form.id,
                "version": form.version,
                "title": title,
                "register": chosen,
                "gender": gender,
                "style": form.style,
                "open": form.open,
                "fields": catalog.as_json(fields),
                "questions": catalog.as_json(questions),
            }
        )
        return
    from rich.table import Table

    from jeudis.textsafe import for_terminal as safe
    from jeudis.textsafe import markup_escape as escape

    out = console()
    out.print(
        f"[bold]{escape(safe(title))}[/bold]  [dim]({form.id} v{form.version}, {chosen}"
        f"{', ' + gender if gender else ''})[/dim]"
    )
    if fields:  # the host's part, before the guest's: what a post's intro, photo... read
        out.print("\n[dim]The host's part, before the guest's:[/dim]")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for f in fields:
            flags = [f.type] + ([] if f.required else ["optional"]) + list(f.rules)
            said = f"{escape(safe(f.text))}  [dim]{escape(safe(' · '.join(flags)))}[/dim]"
            grid.add_row(f"  {escape(f.id)}", said)
        out.print(unpadded(out, grid))
    numbers = len(f"{questions[-1].number}.") if questions else 2
    for q in questions:
        flags = [q.type] + ([] if q.required else ["optional"]) + list(q.rules)
        if q.default:
            flags.append(f"default {q.default}")
        if q.condition:
            flags.append(f"if {catalog.condition_words(form, q.id)}")
        lines = [
            f"[bold]{escape(safe(q.text))}[/bold]  [dim]{escape(safe(' · '.join(flags)))}[/dim]"
        ]
        if q.help:
            lines.append(f"[dim]{escape(safe(q.help))}[/dim]")
        if q.choices:
            lines.append(escape(safe(" / ".join(q.choices))))
        # The number in a column of its own: a long question wraps under its text.
        row = Table.grid(padding=(0, 1))
        row.add_column(width=numbers, justify="right")
        row.add_column()
        row.add_row(f"[bold]{q.number}.[/bold]", "\n".join(lines))
        out.print()
        out.print(unpadded(out, row))
    if form.open:  # open = true: a livre's one fixed question read as the whole interview
        then = "Then the" if questions else "The"
        out.print(f"\n[dim]{then} host writes each question live (open = true).[/dim]")
