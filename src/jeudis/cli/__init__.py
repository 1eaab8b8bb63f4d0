"""The ``jeudis`` command line: options in, one library call, results drawn.

Each command module registers its commands on :data:`app`. The one error
handler lives in :func:`main`: a :class:`~jeudis.errors.JeudisError` becomes a
message (and a hint) on standard error and its exit code, never a traceback.
"""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import codecs
import contextlib
import errno
import gc
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from jeudis import __version__
from jeudis.cli.completion import complete_genders, complete_questionnaires, complete_registers
from jeudis.errors import (
    ExitCode,
    JeudisError,
    SessionInterrupted,
    UsageError,
    fault_hint,
    write_fault,
)

if TYPE_CHECKING:
    import datetime as dt

    from jeudis.selection import Span

app = typer.Typer(
    name="jeudis",
    help="Run interview series from the terminal: TOML questionnaires, live sessions, blog posts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir",
        "-C",
        help="The series folder (default: $JEUDIS_DIR, else the current folder).",
        metavar="<directory>",
        show_default=False,  # a file given is said as JEUDIS_DIR's is (series_at), not by click
    ),
]


def check_gender(value: str | None) -> str | None:
    if value is not None and value not in ("f", "m"):
        raise UsageError(f"--gender {value!r}: use f or m")
    return value


QuestionnaireArgument = Annotated[
    str,
    typer.Argument(
        help="Questionnaire id (or a .toml path).", autocompletion=complete_questionnaires
    ),
]
GuestOption = Annotated[str, typer.Option("--guest", "-g", help="The guest's name.")]
FirstNameOption = Annotated[
    str | None,
    typer.Option(
        "--first-name",
        help="The guest's first name, as {first_name} and a dialogue say it, where the"
        ' name does not tell it ("María José"); default: the first word that is no title.',
    ),
]
RegisterOption = Annotated[
    str | None,
    typer.Option(
        help="The questionnaire's form of address, e.g. tu/vous, du/Sie"
        " (default: the questionnaire's).",
        autocompletion=complete_registers,
    ),
]
GenderOption = Annotated[
    str | None,
    typer.Option(
        help="The guest's gender, for agreement: f or m.",
        callback=check_gender,
        autocompletion=complete_genders,
    ),
]
HostOption = Annotated[str | None, typer.Option(help="The host's name (default: jeudis.toml).")]
RewordOption = Annotated[
    list[str] | None,
    typer.Option(
        "--reword",
        metavar="ID=TEXT",
        help="Word a question otherwise for this guest (its id or number); repeatable.",
        show_default=False,
    ),
]

SlugOption = Annotated[
    str | None,
    typer.Option(
        help="The interview's file and post name (zhang-wei), when not the guest's"
        " name in Latin letters.",
    ),
]


def pairs(given: list[str] | None, option: str, example: str) -> dict[str, str]:
    """``--field ID=VALUE`` or ``--reword ID=TEXT`` options, by id; ``example`` is what
    the hint shows one as."""
    split = [item.partition("=") for item in given or []]
    if bad := [key for key, equals, _ in split if not equals or not key]:
        raise UsageError(f"{option} {bad[0]!r}: write ID=VALUE", hint=f"{option} {example}")
    return {key: value for key, _, value in split}


def given_output(value: str) -> str:
    """``-o``'s value, refused empty: ``-o "$OUT"`` with OUT unset wrote into the current
    folder (a path of no name is "." to Python)."""
    if value == "":
        raise UsageError("-o: empty", hint="give a file, a folder, or - for standard output")
    return value


def output_path(value: str) -> Path:
    return Path(given_output(value))


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (default: standard output).", parser=output_path
    ),
]
FragmentOption = Annotated[
    bool, typer.Option("--fragment", help="HTML body only, for pasting into a CMS.")
]
WordPressOption = Annotated[
    bool, typer.Option("--wordpress", help="A fragment wrapped in a wp:html block.")
]


SinceOption = Annotated[
    str | None,
    typer.Option(
        help="Only those dated this day or after: YYYY-MM-DD, or written out.",
        metavar="<date>",
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        help="Only those dated this day or before: YYYY-MM-DD, or written out.",
        metavar="<date>",
        show_default=False,
    ),
]


def parse_date(value: str | None, language: str = "en", option: str = "--date") -> "dt.date | None":
    """A date option (``--date``, ``--since``...): YYYY-MM-DD, or a date as an answer in
    ``language`` takes one (07/04/2011, 7 avril 2011, jeudi 7 avril 2011)."""
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    from jeudis.answers import InvalidAnswer
    from jeudis.answers import parse_date as parse_answer
    from jeudis.dates import date_formatter, weekday_name

    try:
        return parse_answer(value, language)
    except InvalidAnswer as problem:
        said = getattr(problem, "params", {})
        if getattr(problem, "key", "") == "weekday":  # "jeudi 8 avril 2011"
            # In the host's words, as the rest of the line: "8 avril 2011 was a vendredi"
            day = said["day"]
            written = date_formatter("en")(day)
            raise UsageError(
                f"{option} {value!r}: {written} was a {weekday_name(day, 'en')}",
                hint="correct the day, or leave the day of the week out",
            ) from None
        example = date_formatter(language)(dt.date(2011, 4, 7))
        raise UsageError(
            f"{option} {value!r} is not a date", hint=f"use YYYY-MM-DD, or write it out: {example}"
        ) from None


def date_span(since: str | None, until: str | None, limit: int, language: str) -> "Span":
    """``--since``, ``--until`` and ``--limit`` as the interviews they take."""
    from jeudis.selection import Span

    return Span(
        since=parse_date(since, language, "--since"),
        until=parse_date(until, language, "--until"),
        limit=limit,
    )


def safe(text: str) -> str:
    """Guest or file text made inert for rich: no markup, no terminal escapes."""
    from jeudis.textsafe import for_terminal
    from jeudis.textsafe import markup_escape as escape

    return escape(for_terminal(text))


def _version(value: bool) -> None:
    if value:
        print(f"jeudis {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    directory: DirOption = None,
) -> None:
    """jeudis: interview series, from questionnaire to blog post.

    A series folder holds questionnaires/, interviews/, optional templates/ and
    jeudis.toml. Start with `jeudis questionnaires`, then
    `jeudis new twitter --guest "Name"`.
    """
    if directory is not None:
        # `jeudis -C ~/blog list`, as git and make take it: the command's own -C is
        # given this folder, unless the command names one itself.
        context.default_map = {name: {"directory": directory} for name in COMMANDS}
        # `jeudis -C ~/blog init`: the folder to make a series of, which init names.
        context.default_map["init"] = {"folder": directory}


def _fault() -> JeudisError | None:
    """A fault of jeudis's own that paused a prompt (:mod:`jeudis.terminal`), for the host."""
    terminal = sys.modules.get("jeudis.terminal")
    if terminal is None or not terminal.faulted:
        return None
    return JeudisError(
        "a fault in jeudis stopped the prompt; nothing given is lost",
        hint=fault_hint(terminal.fault_report),
    )


def fail(error: JeudisError) -> int:
    from jeudis.cli.output import err_console

    console = err_console()
    console.print(f"[bold red]error:[/bold red] {safe(error.message)}", soft_wrap=True)
    if error.hint:
        console.print(f"[dim]hint:[/dim] {safe(error.hint)}", soft_wrap=True)
    return int(error.exit_code)


def _utf8_arguments(arguments: list[str]) -> None:
    """Refuse an argument whose bytes were not UTF-8, before it reaches a file.

    A terminal set to Latin-1 sends "Hélène" as bytes Python can only carry as
    stand-ins, which no file jeudis writes can hold (a guest's name, a title, an
    output's name): said at once, not as a traceback at the save.
    """
    for index, argument in enumerate(arguments):
        if not any("\udc80" <= char <= "\udcff" for char in argument):
            continue
        before = arguments[index - 1] if index else ""
        shown = f"{before} {argument!r}" if before.startswith("-") else repr(argument)
        named = Path(argument.partition("=")[2] or argument)
        raise UsageError(
            f"{shown}: not UTF-8 text",
            hint="rename the file: jeudis reads and writes UTF-8 names"
            if _exists(named)
            else "set the terminal to UTF-8 (LANG=fr_FR.UTF-8)",
        )


def _read_as_utf8(arguments: list[str]) -> list[str]:
    """The arguments Python could not read as UTF-8 that are: in a locale that is not
    UTF-8 (LC_ALL=C, PYTHONUTF8=0) "Zoé" came as stand-ins ("Zo\\udcc3\\udca9"), and
    was refused as no UTF-8. A file's name stays as the system gives it: in that
    locale, read as UTF-8, it would name no file Python can open."""
    read = []
    for argument in arguments:
        if not argument.isascii() and any("\udc80" <= c <= "\udcff" for c in argument):
            with contextlib.suppress(UnicodeError):
                if not _exists(Path(argument.partition("=")[2] or argument)):
                    argument = os.fsencode(argument).decode("utf-8")
        read.append(argument)
    return read


def _no_file_name(error: Exception) -> JeudisError | None:
    """An argument read as UTF-8 (:func:`_read_as_utf8`) that the system's encoding
    cannot name a file with (a C locale's ASCII: ``-o Zoé.html``), as a refusal."""
    if not isinstance(error, UnicodeEncodeError):
        return None
    try:
        system = codecs.lookup(sys.getfilesystemencoding()).name
        if codecs.lookup(error.encoding).name != system:
            return None
    except LookupError:
        return None
    return UsageError(
        f"{error.object!r}: no file name in this system's encoding ({system})",
        hint="set the terminal to UTF-8 (LANG=fr_FR.UTF-8)",
    )


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long
        return False


# The commands as `jeudis --help` lists them, in the order a host meets them, each
# with a line that fits an 80-column terminal (the docstring is the command's help).
COMMANDS = {
    "new": "A live interview: the host's part, then the guest's",
    "resume": "Continue a draft where it stopped",
    "edit": "Change answers, wordings, fields, notes, the guest's name",
    "list": "The interviews, newest first, with their progress",
    "show": "Read an interview in the terminal",
    "export": "Posts (Markdown, HTML, WordPress), or the whole site",
    "compare": "Every guest's answer to one question; a roundup post",
    "sheet": "An answer sheet, for a guest who answers by email",
    "import": "A filled-in answer sheet becomes an interview",
    "questionnaires": "The questionnaires that can be run, and their files",
    "inspect": "The questions exactly as a guest will read them",
    "check": "Lint the series' files; a non-zero exit on problems",
    "templates": "jeudis's templates, and the series' copies of them",
    "init": "A new series folder",
}


def _command_name(info: typer.models.CommandInfo) -> str:
    assert info.callback is not None
    return info.name or info.callback.__name__.replace("_", "-")


def _arrange() -> None:
    """Put the commands in :data:`COMMANDS`' order, with its short lines."""
    order = list(COMMANDS)
    app.registered_commands.sort(
        key=lambda info: order.index(name) if (name := _command_name(info)) in order else 99
    )
    for info in app.registered_commands:
        info.short_help = info.short_help or COMMANDS.get(_command_name(info))


def _utf8_output() -> None:
    """Standard output sent to a file or a pipe, on Windows: UTF-8 and "\\n", as ``-o`` writes.

    Python writes it in the ANSI code page there (cp1252: ``jeudis export > post.md``
    was no UTF-8, its emoji written "\\U0001f609") with "\\r\\n". A console is left as
    Python sets it: UTF-8 already.
    """
    stream = sys.stdout
    with contextlib.suppress(ValueError):  # closed
        if isinstance(stream, io.TextIOWrapper) and not stream.isatty():
            stream.reconfigure(encoding="utf-8", newline="\n")


def _degraded_output() -> None:
    """Text the terminal's encoding cannot hold shown as it can, rather than end a
    listing in UnicodeEncodeError: a file name that is not UTF-8 ("caf\\xe9.toml")
    escaped, as standard error always shows it; in an encoding that is not UTF-8 (a
    C locale, whose "surrogateescape" holds no "é"), a character it lacks as "?",
    one to a column, so that a table's columns stay in line."""
    stream = sys.stdout
    errors = getattr(stream, "errors", None)
    if errors not in ("strict", "surrogateescape"):
        return
    with contextlib.suppress(AttributeError, LookupError, ValueError):  # closed; no codec
        if codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        elif errors == "strict":  # "surrogateescape" writes every name back as it was
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _sane_size() -> None:
    """``COLUMNS`` or ``LINES`` that no terminal is (0, "-3", 10**20) are left to the
    terminal to say: rich took COLUMNS=0 for a width of none and printed nothing, an
    error as a listing (``check`` exited 5 naming no problem), and a width past what
    an int holds stopped ``show`` in a fault."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.isdecimal() and 0 < int(value[:6]) <= 10_000):
            del os.environ[name]


# The module that registers each command. A command typed is the only one loaded:
# the others' modules are a tenth of an up-to-date `jeudis export --all`. Help, a
# mistyped command (click suggests the nearest) and completion load them all.
COMMAND_MODULES = {
    "new": "running",
    "resume": "running",
    "edit": "editing",
    "list": "reading",
    "show": "reading",
    "export": "publishing",
    "compare": "extras",
    "sheet": "sheets",
    "import": "sheets",
    "questionnaires": "reading",
    "inspect": "reading",
    "check": "checking",
    "templates": "checking",
    "init": "extras",
}


def _register(arguments: list[str]) -> None:
    """Import the command modules ``arguments`` need: the command's own, or all."""
    import importlib
    import os

    typed = _command_typed(arguments)
    if typed in COMMAND_MODULES and not os.environ.get("_JEUDIS_COMPLETE"):
        modules = {COMMAND_MODULES[typed]}
    else:
        modules = set(COMMAND_MODULES.values())
    for module in sorted(modules):
        importlib.import_module(f"jeudis.cli.{module}")
    _arrange()


def _completed_name(arguments: list[str]) -> str | None:
    """The command that ``--install-completion`` and ``--show-completion`` complete:
    ``jeudis``, whatever ran them. Under ``python -m jeudis``, click named the program so,
    and the script set completion up for the commands ``python``, ``-m`` and ``jeudis``,
    each Tab after ``python`` or ``jeudis`` then an error of ``env``. None otherwise:
    click names the program as it was run (``Usage: python -m jeudis``)."""
    flags = [at for at, argument in enumerate(arguments) if argument in _COMPLETING]
    if not flags:
        return None
    # Jeudis's own options, not a command's: "jeudis list --show-completion" is refused
    # by click under the name it was run by ("Usage: python -m jeudis list").
    typed = _command_typed(arguments)
    return None if typed and arguments.index(typed) < flags[0] else "jeudis"


_COMPLETING = ("--install-completion", "--show-completion")


def _command_typed(arguments: list[str]) -> str:
    """The command named, after jeudis's own options (``jeudis -C DIR list``); "" if none."""
    rest = iter(arguments)
    for argument in rest:
        if argument in ("-C", "--dir"):
            next(rest, None)  # its folder
        elif not argument.startswith("-"):
            return argument
    return ""


def _leaving(leaving: SystemExit) -> int | str | None:
    """The exit code of a command that ended so: a fault's, when a prompt paused by it
    let the command go on to its end; 0 when rich or click ended it, with 1, for a pipe
    its reader closed (``jeudis compare ... | head``), as jeudis does (below)."""
    if fault := _fault():
        return fail(fault)
    cause = leaving.__context__
    if leaving.code == 1 and isinstance(cause, OSError) and cause.errno == errno.EPIPE:
        return int(ExitCode.OK)
    return leaving.code


def main() -> None:
    if sys.stdout is None or sys.stdin is None:  # closed by the shell (jeudis list >&-)
        from jeudis.cli.output import closed_streams

        closed_streams()
    sys.argv[1:] = _read_as_utf8(sys.argv[1:])
    _register(sys.argv[1:])

    if sys.platform == "win32":
        _utf8_output()
    _degraded_output()
    _sane_size()
    try:
        _utf8_arguments(sys.argv[1:])
        app(prog_name=_completed_name(sys.argv[1:]))
    except SystemExit as leaving:
        sys.exit(_leaving(leaving))
    except JeudisError as error:
        sys.exit(fail(error))
    except SessionInterrupted as stop:
        from jeudis.cli.output import err_console
        from jeudis.wording import counted

        code = stop.exit_code
        if fault := _fault():
            with contextlib.suppress(OSError):
                code = ExitCode(fail(fault))
        saved = safe(str(stop.interview_path))
        # A pause was said by the session, in its language, to whoever paused (the
        # guest, most often); the host is told where the draft is, as at the end. A
        # stop by a signal is the host's: said here.
        what = f"Saved: [bold]{saved}[/bold]"
        then = f"Continue with: [bold]jeudis resume {safe(stop.interview_path.stem)}[/bold]"
        if stop.signal_name:
            answered = counted(stop.answered, "answer")
            what = f"[bold]Stopped by {stop.signal_name}.[/bold] {answered} saved in {saved}"
        if stop.dropped:
            stopped = f"Stopped by {stop.signal_name}" if stop.signal_name else "Paused"
            what = f"{stopped} before anything was given: no draft kept."
            then = "Start it again with [bold]jeudis new[/bold]."
        # After SIGHUP the terminal is gone and writing to it fails: the answers
        # are on disk already, so the message is a courtesy.
        with contextlib.suppress(OSError):
            err_console().print(f"\n{what}\n{then}", soft_wrap=True)
        sys.exit(int(code))
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        # `jeudis export | head`: the reader left; that is not an error.
        sys.stderr.close()
        sys.exit(int(ExitCode.OK))
    except OSError as error:
        # The machine said no (permission denied, disk full, read-only folder):
        # say what and where, without a traceback.
        where = f": {error.filename}" if error.filename else ""
        sys.exit(fail(JeudisError(f"{error.strerror or error}{where}")))
    except Exception as error:  # noqa: BLE001 - a fault of jeudis's own: said, its details kept
        if unnamed := _no_file_name(error):
            sys.exit(fail(unnamed))
        report = write_fault(error)
        name = type(error).__name__
        sys.exit(
            fail(JeudisError(f"a fault in jeudis stopped it ({name})", hint=fault_hint(report)))
        )
    finally:
        # The command is done, its files closed: what it leaves is freed as the
        # process ends, not traced again by the collector's last passes on the way
        # out (5 ms: a tenth of an up-to-date `export --all`, of a `jeudis list`).
        gc.freeze()
