"""Email interviews: ``sheet`` writes an answer sheet, ``import`` makes an interview of it.

The sheet goes to the guest, who fills it in with any editor or mail client;
back, filled in, it becomes an interview (a draft when answers are missing), or
updates the guest's interview it answers again (``--update``).
"""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from jeudis.cli import (
    DirOption,
    FirstNameOption,
    GenderOption,
    GuestOption,
    HostOption,
    OutputOption,
    QuestionnaireArgument,
    RegisterOption,
    RewordOption,
    SlugOption,
    app,
    pairs,
    safe,
)
from jeudis.cli.completion import complete_interviews
from jeudis.cli.output import console, err_console, write_output
from jeudis.errors import UsageError

if TYPE_CHECKING:
    from jeudis.interview import Interview
    from jeudis.listing import Summary
    from jeudis.paths import Series
    from jeudis.questionnaire import Questionnaire
    from jeudis.sheet_reading import Sheet


@app.command()
def sheet(
    questionnaire: QuestionnaireArgument,
    guest: GuestOption,
    register: RegisterOption = None,
    gender: GenderOption = None,
    host: HostOption = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            "-F",
            metavar="ID=VALUE",
            help="A host's field the questions quote (the book's title...); repeatable.",
            show_default=False,
        ),
    ] = None,
    asked: Annotated[
        list[str] | None,
        typer.Option(
            "--question",
            "-q",
            metavar="TEXT",
            help="An open questionnaire's (livre): a question of yours, after its fixed"
            " ones, as you would write it live; repeatable.",
            show_default=False,
        ),
    ] = None,
    reword: RewordOption = None,
    first_name: FirstNameOption = None,
    output: OutputOption = None,
    directory: DirOption = None,
) -> None:
    """Write an answer sheet (Markdown) for a guest who answers by email."""
    from jeudis import starting
    from jeudis.errors import JeudisError
    from jeudis.files import MAX_FILE_SIZE, byte_size
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.sheet import render_sheet, sheet_fields

    series = series_at(directory)
    form = find_questionnaire(series, questionnaire)
    texts = _asked(form, asked or [])
    if not form.questions and not texts:
        raise UsageError(
            f"{form.id} has no fixed questions to put on a sheet",
            hint=f'write yours: --question "..." (repeatable), or run it live:'
            f" `jeudis new {form.id} --guest NAME`",
        )
    options = starting.Options(
        guest=guest,
        register=register,
        gender=gender,
        host=host,
        rewordings=pairs(reword, "--reword", '12="..."'),
        first_name=first_name or "",
    )
    interview = starting.prepare(series, form, options)
    starting.require_host(form, interview)
    given = pairs(field, "--field", 'book_title="..."')
    interview.fields.update(sheet_fields(form, interview.register, given))
    text = render_sheet(
        form,
        interview,
        asked=texts,
        # The guest's other interviews are read only for the host's questions.
        asked_from=_after_asked(series, form, interview) if texts else 1,
    )
    if byte_size(text) > MAX_FILE_SIZE:  # `jeudis import` would refuse it back
        raise JeudisError(
            "the answer sheet would be more than 10 MB, the most `jeudis import` reads;"
            " nothing was written",
            hint="shorten its questions, or the --field values they quote",
        )
    if form.open and not texts:  # livre's sheet alone asks its one fixed question
        err_console().print(
            f"note: {form.id} is open: the questions you would write live go on the sheet"
            ' with --question "..." (repeatable)',
            soft_wrap=True,
        )
    if write_output(text, output, series):
        from jeudis.shellwords import quoted

        err_console().print(
            f"When it comes back: [bold]jeudis import {safe(quoted(str(output)))}[/bold]",
            soft_wrap=True,
        )


def _after_asked(series: "Series", form: "Questionnaire", interview: "Interview") -> int:
    """The number of the sheet's first question of the host's: after those of the
    guest's interview from the questionnaire, which ``import --update`` takes it into
    (its question-1 would have been taken for a new answer to their question-1)."""
    from jeudis import reimport
    from jeudis.cli.running import note_refused
    from jeudis.errors import JeudisError
    from jeudis.followups import OPEN_PREFIX, next_number, taken_ids
    from jeudis.interview_reading import load_interview

    taken = {q.id for q in form.questions}  # a questionnaire may name one "question-1"
    refused: list[Summary] = []
    found = reimport.twins(series, form.id, interview.guest, refused=refused)
    note_refused(series, refused)
    for twin in found:
        try:
            taken |= taken_ids(load_interview(Path(twin.path)))
        except JeudisError:  # one that does not read: `import` says so
            continue
    return next_number(taken, OPEN_PREFIX)


def host_fields(form: "Questionnaire", given: list[str]) -> dict[str, Any]:
    """``import --field``: the host's own values, for any field of the questionnaire (the
    guest's first line carries only those the questions quote), checked as live."""
    from jeudis.sheet import field_value

    fields = {}
    for key, raw in pairs(given, "--field", 'book_title="..."').items():
        if form.field(key) is None:
            known = ", ".join(f.id for f in form.fields) or "none"
            raise UsageError(f"{form.id} has no field {key!r}", hint=f"its fields: {known}")
        fields[key] = field_value(form, key, raw)
    return fields


def _asked(form: "Questionnaire", typed: list[str]) -> list[str]:
    """The questions the host wrote for the sheet, each one line as a live one is."""
    from jeudis.textsafe import control_in

    if typed and not form.open:
        raise UsageError(
            f"--question: {form.id} asks its own questions",
            hint="only an open questionnaire (open = true) takes the host's: add them to"
            f" {form.id}'s file, or ask one live with Ctrl-F in a session",
        )
    texts = []
    for text in typed:
        if control_in(text, lines=True):
            raise UsageError("--question: a control character in the question")
        if not (one_line := " ".join(text.split())):
            raise UsageError("--question: the question is empty")
        texts.append(one_line)
    return texts


@app.command("import")
def import_(
    sheet_file: Annotated[
        Path,
        typer.Argument(
            metavar="SHEET",
            help="The filled-in answer sheet (.md, or an email; - for standard input).",
        ),
    ],
    update: Annotated[
        str | None,
        typer.Option(
            "--update",
            metavar="INTERVIEW",
            help="Take the sheet's answers into this interview of the guest's, which"
            " exists (each change is said; what it replaces is kept in its notes).",
            autocompletion=complete_interviews,
        ),
    ] = None,
    new: Annotated[
        bool,
        typer.Option(
            "--new", help="Import it as another interview, though the guest has one from it."
        ),
    ] = False,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            "-F",
            metavar="ID=VALUE",
            help="A host's field the sheet does not carry (a required link, the photo);"
            " repeatable.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="The interview's date: YYYY-MM-DD, or written out (default: the sheet's,"
            " else today).",
            show_default=False,
        ),
    ] = None,
    slug: SlugOption = None,
    directory: DirOption = None,
) -> None:
    """Turn a filled-in answer sheet into an interview (a draft when answers are missing).

    A guest who has an interview from the questionnaire already: refused, saying
    how the sheet differs; --update INTERVIEW or --new says what to do with it.
    """
    from jeudis import reimport, starting
    from jeudis.cli.running import note_nameless, note_passed, note_refused, take_photo
    from jeudis.mailtext import read_sheet
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.sheet import with_asked
    from jeudis.sheet_header import (
        asked_questions,
        imported_fields,
        reworded_questions,
        sheet_options,
    )
    from jeudis.sheet_import import import_sheet
    from jeudis.sheet_reading import parse_sheet
    from jeudis.shellwords import quoted

    if update is not None and new:
        raise UsageError("--update and --new: one or the other")
    if update is not None and date is not None:
        raise UsageError(
            "--date is a new interview's: the one updated keeps its own",
            hint=f"change it with `jeudis edit {update} --date {date}`",
        )
    if update is not None and slug is not None:
        raise UsageError(
            "--slug names a new interview: the one updated keeps its own",
            hint=f"its file and its post's address stay {update}'s",
        )
    series = series_at(directory)
    argument = quoted(str(sheet_file))
    received = read_sheet(sheet_file)  # `-`: standard input
    sheet_file = received.path
    parsed = parse_sheet(received.text, sheet_file)
    form = find_questionnaire(
        series, parsed.meta["questionnaire"], made_in=_made_in(series, parsed)
    )
    asked = asked_questions(parsed, sheet_file)  # the host's own, on an open one's sheet
    form = with_asked(form, asked)
    options, option_warnings = sheet_options(parsed, form, sheet_file)
    if date is not None:  # the day it is published, as `new --date` (Jekyll's file name)
        from jeudis.cli import parse_date

        options["date"] = parse_date(date, form.language)
    interview = starting.prepare(series, form, starting.Options(**options, slug=slug))
    interview.rewordings = reworded_questions(parsed, form)
    starting.require_host(
        form,
        interview,
        hint='add host="First Last" to the sheet\'s first line, or set host in jeudis.toml',
    )
    fields, field_warnings = imported_fields(form, interview.register, parsed, sheet_file)
    field_warnings[:0] = option_warnings
    interview.fields.update(fields)
    given = host_fields(form, field or [])
    interview.fields.update(given)
    if update is not None:
        _update(
            series,
            form,
            update,
            interview,
            parsed,
            sheet_file,
            received.warnings + field_warnings,
            set(asked),
            given,
            argument,
        )
        return
    result = import_sheet(form, interview, parsed, sheet_file)
    _as_live(result.interview, set(asked))
    result.warnings[:0] = received.warnings + field_warnings
    refused: list[Summary] = []
    twins = reimport.twins(series, form.id, interview.guest, refused=refused)
    note_refused(series, refused)
    if twins and not new:  # the same sheet again, or another: never a second one unasked
        raise reimport.refusal(twins, interview, str(sheet_file), argument)
    if not any(answer.given for answer in result.interview.answers):
        _nothing_answered(result.warnings, sheet_file)
    passed: list[starting.Passed] = []
    starting.create(series, interview, passed)
    assert interview.path is not None
    take_photo(interview)
    note_passed(passed, interview)
    note_nameless(interview, chosen=slug is not None)
    if twins:
        result.warnings.append(
            f"{interview.guest} has another interview from {form.id}"
            f" ({', '.join(t.slug for t in twins)}); this sheet is a new one, {interview.slug}"
        )
    _imported(result.warnings, result.missing, interview, "Imported", argument, sheet_file)


def _nothing_answered(warnings: list[str], sheet_file: Path) -> NoReturn:
    """A sheet with no answer under its questions (written below its end line, in another
    file, or not yet): an interview made of it would be empty, and the guest's sheet,
    once it comes, would need ``--update``."""
    from jeudis.errors import MissingAnswers

    _warn(warnings)
    raise MissingAnswers(
        f"{sheet_file}: no answer under its questions; nothing was written",
        hint="each answer goes under its question, above the next `## Q` line",
    )


def _update(
    series: "Series",
    form: "Questionnaire",
    ref: str,
    taken: "Interview",
    parsed: "Sheet",
    sheet_file: Path,
    read_warnings: list[str],
    asked: set[str],
    given: dict[str, Any],
    argument: str,
) -> None:
    """``import --update INTERVIEW``: the sheet's answers into that interview, said, and
    the host's fields ``given`` with ``--field`` (the book's address an import lacked).
    ``argument``: the sheet as typed, for the command said next.

    The sheet is read against the interview's answers (``taken``: what it holds
    alone), for the questions it leaves empty that a condition reads.
    """
    from jeudis import reimport, storage
    from jeudis.cli.running import take_photo
    from jeudis.former_ids import adopt
    from jeudis.interview_reading import load_interview
    from jeudis.sheet_import import import_sheet

    path = storage.resolve(series, ref, writable=True)
    with storage.session_lock(path):
        interview = load_interview(path)
        adopt(form, interview)  # an answer under a question's former id is its answer
        set_now = sorted(key for key, value in given.items() if interview.fields.get(key) != value)
        interview.fields.update(given)
        result = import_sheet(form, taken, parsed, sheet_file, known=interview.values())
        _as_live(result.interview, asked)
        result.warnings[:0] = read_warnings
        before = {answer.id for answer in interview.answers}
        found, warnings, missing = reimport.update(
            form, interview, result.interview, str(sheet_file), result.missing
        )
        # The host's new questions after every answer, as a live session adds them
        # (the questionnaire's order put them after its fixed questions, before the
        # questions of the sheet before).
        new = {a.id for a in interview.answers if a.id in asked and a.id not in before}
        interview.answers = [a for a in interview.answers if a.id not in new] + [
            a for a in interview.answers if a.id in new
        ]
        if not found and not set_now:
            err_console().print(
                f"{interview.slug} holds all this sheet's answers already; nothing was written",
                soft_wrap=True,
            )
            return
        storage.save(interview)
    take_photo(interview)
    _imported(result.warnings + warnings, missing, interview, "Updated", argument, sheet_file)


def _as_live(interview: "Interview", asked: set[str]) -> None:
    """The answers to the host's own questions, recorded as a live session records an
    open interview's: the interview file is their questions' only record."""
    for answer in interview.answers:
        if answer.id in asked:
            answer.followup = True


def _made_in(series: "Series", parsed: "Sheet") -> str | None:
    """French for a sheet in French (its end line, "## FIN") in a series that is not: printed
    from a questionnaire that says no language when that was French, as it was before the
    series' language was, it is read as it was printed, and its interview made so. (In
    a Spanish series, whose sheets end on "## FIN" too, one whose lines read as French.)"""
    from jeudis.sheet_answers import reads_as_french
    from jeudis.wording import is_french

    if parsed.end_marker != "## FIN" or is_french(series.language):
        return None
    return "fr" if reads_as_french(parsed, series.language) else None


def _imported(
    warnings: list[str],
    missing: list[str],
    interview: "Interview",
    done: str,
    sheet: str,
    sheet_file: Path,
) -> None:
    """Said at the end of an import: the interview, complete or a draft, and what next.
    ``sheet``: the sheet's path as a command line quotes it; ``sheet_file``: the file read."""
    from jeudis.wording import counted

    out = console()
    _warn(warnings)
    if missing:
        out.print(
            f"{done} as a draft ({counted(len(missing), 'answer')} missing: "
            f"{', '.join(missing)}): [bold]{safe(str(interview.path))}[/bold]",
            soft_wrap=True,
        )
        fields = [key.removeprefix("fields.") for key in missing if key.startswith("fields.")]
        if len(fields) == len(missing):  # the host's to give: no session needed
            given = " ".join(f"--field {key}=..." for key in fields)
            then = f"jeudis import {sheet} --update {interview.slug} {given}"
            said = f"Give {'it' if len(fields) == 1 else 'them'}: [bold]{safe(then)}[/bold]"
            out.print(said, soft_wrap=True)
            return
        out.print(f"Complete it live: [bold]jeudis resume {interview.slug}[/bold]", soft_wrap=True)
    else:
        out.print(f"{done}: [bold]{safe(str(interview.path))}[/bold]", soft_wrap=True)
        post = Path(f"{interview.slug}.md")  # as a session says
        if post.is_file() and sheet_file.is_file() and post.samefile(sheet_file):
            post = Path("posts", post.name)  # the sheet saved as SLUG.md: never over it
        publish = f"jeudis export {interview.slug} -o {post.as_posix()}"
        out.print(f"Publish it: [bold]{publish}[/bold]", soft_wrap=True)


def _warn(warnings: list[str]) -> None:
    """What an import says of the sheet before its result, one warning to a line."""
    for warning in warnings:
        err_console().print(f"[bold]warning:[/bold] {safe(warning)}", soft_wrap=True)
