"""``jeudis edit``: an answer asked again or replaced, a question reworded, the fields and
notes in $EDITOR, the guest's name and particulars; what a failed save would lose, kept."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from jeudis.cli import DirOption, GenderOption, app, safe
from jeudis.cli.completion import complete_answers, complete_interviews, complete_registers
from jeudis.cli.output import console, err_console
from jeudis.errors import UsageError

if TYPE_CHECKING:
    from jeudis.edit import Aftermath
    from jeudis.interview import Interview
    from jeudis.paths import Series
    from jeudis.questionnaire import Question, Questionnaire

Given = TypeVar("Given")  # what a question asked live gives back


@app.command()
def edit(
    interview: Annotated[
        str,
        typer.Argument(help="Slug or path of the interview.", autocompletion=complete_interviews),
    ],
    question: Annotated[
        str | None,
        typer.Option(
            "--question",
            "-q",
            help="The answer to change: its question id, or its number; or a field"
            " of the host's part (intro).",
            autocompletion=complete_answers,
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
        str | None,
        typer.Option(
            help="Form of address: the questions are worded again.",
            autocompletion=complete_registers,
        ),
    ] = None,
    host: Annotated[
        str | None, typer.Option(help="The host's name: the questions naming them follow.")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The interview's date: YYYY-MM-DD, or written out.")
    ] = None,
    first_name: Annotated[
        str | None,
        typer.Option(
            "--first-name",
            help="The guest's first name, as {first_name} and a dialogue say it: the"
            ' questions naming it follow ("" reads it from the name again).',
        ),
    ] = None,
    published: Annotated[
        bool | None,
        typer.Option(
            "--publish/--unpublish",
            help="Publish the interview again, or withdraw it (its guest's wish): kept,"
            " never exported, its post taken down.",
            show_default=False,
        ),
    ] = None,
    directory: DirOption = None,
) -> None:
    """Change an interview: re-ask an answer (prefilled), reword a question, fields, notes,
    the guest's name and particulars; withdraw it, or publish it again.

    With only INTERVIEW, the review screen opens: pick the answers to change.
    """
    from jeudis import edit as editing
    from jeudis import rename, storage
    from jeudis.cli import parse_date
    from jeudis.cli.running import _require_terminal, note_passed
    from jeudis.interview_reading import load_interview
    from jeudis.listing import former_addresses
    from jeudis.paths import series_at
    from jeudis.starting import Passed

    series = series_at(directory)
    path = storage.resolve(series, interview, writable=True)
    loaded = load_interview(path)
    form = _questionnaire_of(series, loaded)
    if form is not None and question is not None and (named := form.named(question)):
        question = named.id  # by an id it had (former_ids), as the host knew it
    if (answer_file is not None or reword is not None) and question is None:
        raise UsageError("--answer-file and --reword need --question ID")
    others = any(o for o in [fields, notes, guest, gender, register, host, date, reword])
    others = others or published is not None or first_name is not None
    if question is not None and _edited_apart(series, loaded, form, question, answer_file, others):
        return
    if question is not None:  # an id, or the question's number: the id from here on
        question = editing.find_answer(loaded, question).id
    change = rename.Particulars(
        guest=rename.name(guest, "--guest") if guest is not None else None,
        gender=gender,
        register=register,
        host=rename.name(host, "--host") if host is not None else None,
        date=parse_date(date, loaded.language),
        first_name=_first_name(first_name),
    )
    apart = [*(["--fields"] if fields else []), *(["--notes"] if notes else []), *change.given()]
    apart += _publish_option(published)
    if question is not None and answer_file is None and reword is None and apart:
        # It would be left out silently: the editor runs, the answer is never asked.
        raise UsageError(
            f"--question {question} asks the answer again, live, on its own",
            hint=f"run it apart from {', '.join(apart)}, or give the answer with --answer-file",
        )
    reserved = storage.site_names(series, loaded.questionnaire)
    formers = former_addresses(series, but=path.stem) if guest is not None else {}
    recast = rename.recast(loaded, form, change, reserved | formers.keys())  # before any editor
    rename.free(loaded, recast.slug)
    if fields or notes:  # checked before any change: an editor that cannot run loses none
        _require_terminal(
            hint="run it in a terminal; without one, --question ID --answer-file FILE"
            " changes an answer",
            what=f"{'--fields' if fields else '--notes'} opens $EDITOR, which",
            drawn=False,
        )
    out = console()
    done: list[str] = list(recast.done)
    kept = _publish(loaded, published, path.stem, done)  # so already: said, nothing written
    if question is not None and reword is not None:
        editing.reword(loaded, question, reword)
        done.append(f"question {question} reworded")
    aftermath = editing.Aftermath()
    # Written in $EDITOR, or read from standard input (typed there, or from a command that
    # may not give it twice): kept in a file if the save fails. A file given is there still.
    typed: dict[str, str] = {}
    if question is not None and answer_file is not None:
        aftermath = _answer_from(answer_file, series, loaded, form, question, typed)
        if not aftermath.unchanged:  # the same answer again, from a script: nothing written
            done += [f"answer {question} replaced", *_made_with(aftermath, form)]
    # The answer given on standard input is kept if the editor then stops the command (the
    # host gives up on fields that do not read, the editor fails): not what the editor had.
    with _kept_if_not_saved(series, path, dict(typed)):
        unchanged = _in_editor(loaded, form, path, typed, done, fields=fields, notes=notes)
    if not done and unchanged:
        # Opened and closed as they were: said so, and the file left as it is (rewritten
        # and stamped updated, a page and the feed were written again, for no change).
        out.print(safe(f"{path.stem}: " + "; ".join(kept + unchanged)), soft_wrap=True)
        return
    done += unchanged
    if done:
        photo = loaded.fields.get("photo")
        with _kept_if_not_saved(series, path, typed):
            saved = rename.save(loaded, recast.slug)
        out.print(safe(f"{path.stem}: " + "; ".join(done + kept)), soft_wrap=True)
        if saved != path:
            out.print(
                safe(f"{path.name} renamed {saved.name}: `jeudis export --all` replaces its page"),
                soft_wrap=True,
            )
            passed = [
                Passed(name, formers[name.lower()])
                for name in recast.passed
                if name.lower() in formers
            ]
            note_passed(passed, loaded)
        if loaded.fields.get("photo") != photo:
            out.print(safe(f"{photo} renamed {loaded.fields['photo']}"), soft_wrap=True)
        _said(aftermath, saved.stem, recast.left)
        return
    if kept or change.given() or aftermath.unchanged:  # each as it was: nothing to change
        out.print(safe(f"{path.stem}: " + "; ".join(kept or ["unchanged"])), soft_wrap=True)
        return
    _require_terminal(hint="without a terminal: --question ID --answer-file FILE")
    _edit_live(series, loaded, form, question, aftermath)


def _first_name(typed: str | None) -> str | None:
    """``--first-name`` as given: tidied, "" (the rule's again) when empty, None when not."""
    from jeudis import rename

    if typed is None:
        return None
    if not typed.strip():
        return ""
    return rename.name(typed, "--first-name")


def _publish_option(published: bool | None) -> list[str]:
    """``--publish`` or ``--unpublish``, as given (or neither)."""
    return [] if published is None else ["--publish" if published else "--unpublish"]


def _publish(
    interview: "Interview", published: bool | None, slug: str, done: list[str]
) -> list[str]:
    """``--unpublish`` or ``--publish`` applied, what it did put into ``done``; what was
    so already returned, to be said (a withdrawn interview withdrawn again is no save)."""
    if published is None:
        return []
    if published == interview.published:
        return ["already published" if published else "already withdrawn"]
    interview.published = published
    if not published and not interview.is_complete:  # a draft has no post to take down
        done.append(
            "withdrawn: left out of every export from now on, of drafts too"
            " (--include-drafts), and once it is finished"
        )
    elif not published:
        done.append(
            "withdrawn: left out of every export from now on, the next `jeudis export --all`"
            " takes its post down"
        )
    elif not interview.is_complete:
        done.append(f"published again, once finished (`jeudis resume {slug}`)")
    else:
        done.append("published again: the next `jeudis export --all` puts its post back")
    return []


def _a_field(interview: "Interview", form: "Questionnaire | None", named: str) -> "Question | None":
    """The field ``--question`` names (``intro``), when it names no answer."""
    from jeudis import edit as editing

    if interview.answer(named) is not None or named.isdecimal():
        return None
    return editing.field_spec(form, interview, named)


def _questionnaire_of(series: "Series", interview: "Interview") -> "Questionnaire | None":
    """The interview's questionnaire, its answers under a question's former id taken as
    that question's (saved so); None when it is not at hand: the interview is
    self-contained, and is edited anyway."""
    from jeudis.errors import JeudisError
    from jeudis.former_ids import adopt
    from jeudis.questionnaire import find_questionnaire

    try:
        form = find_questionnaire(series, interview.questionnaire, made_in=interview.language)
    except JeudisError:
        return None
    adopt(form, interview)
    return form


def _edited_apart(
    series: "Series",
    interview: "Interview",
    form: "Questionnaire | None",
    named: str,
    answer_file: Path | None,
    others: bool,
) -> bool:
    """``--question`` naming no answer: a field (``intro``), or a question asked now and
    not answered. True when it was one, and was edited."""
    from jeudis import edit_anew

    if (spec := _a_field(interview, form, named)) is not None:
        _edit_field(series, interview, form, spec, answer_file, others)
        return True
    if form is not None and (asked := edit_anew.unanswered_question(form, interview, named)):
        _answer_anew(series, interview, form, asked, answer_file, others)
        return True
    return False


def _answer_anew(
    series: "Series",
    interview: "Interview",
    form: "Questionnaire",
    question: "Question",
    answer_file: Path | None,
    others: bool,
) -> None:
    """``--question ID`` of a question the interview has no answer to, that its
    questionnaire asks now (one an answer changed in an older version's interview asks,
    left unasked): asked live, or answered from ``--answer-file``."""
    from jeudis import edit_anew

    assert interview.path is not None
    slug = interview.path.stem
    if others:
        raise UsageError(
            f"--question {question.id} gives it an answer on its own",
            hint="run it apart from the other options",
        )
    if answer_file is not None:
        with _answer_read(series, interview.path, answer_file) as (text, source):
            given = edit_anew.answer_anew(form, interview, question, None, text, source)
    else:
        given = _asked_live(
            interview,
            question.id,
            lambda live: edit_anew.answer_anew(form, interview, question, live),
        )
    if given is None:
        console().print(safe(f"{slug}: answer {question.id} left unasked"), soft_wrap=True)
        return
    said = [f"answer {question.id} given", *_made_with(given, form)]
    console().print(safe(f"{slug}: " + "; ".join(said)), soft_wrap=True)
    _said(given, slug)


def _made_with(aftermath: "Aftermath", form: "Questionnaire | None") -> list[str]:
    """That the interview is recorded as made with the questionnaire's version now,
    said after the change that made it one (or nothing)."""
    if not aftermath.recorded or form is None:
        return []
    version = aftermath.recorded
    return [f"made with version {version} of {form.id} now: it answers all that version asks it"]


def _edit_field(
    series: "Series",
    interview: "Interview",
    form: "Questionnaire | None",
    spec: "Question",
    answer_file: Path | None,
    others: bool,
) -> None:
    """``--question intro``: the field asked again, prefilled, as in the host's part;
    or replaced from ``--answer-file``."""
    from jeudis import edit as editing
    from jeudis import rename

    assert interview.path is not None
    slug = interview.path.stem
    if others:
        raise UsageError(
            f"--question {spec.id} changes the field {spec.id} on its own",
            hint=f"run it apart from the other options, or `jeudis edit {slug} --fields`",
        )
    if answer_file is not None:
        with _answer_read(series, interview.path, answer_file) as (text, source):
            changed = editing.set_field(interview, form, spec, text, source=source)
            if changed:
                rename.save(interview, slug)
    else:
        changed = _asked_live(
            interview, spec.id, lambda live: editing.reask_field(form, interview, spec, live)
        )
    said = f"field {spec.id} replaced" if changed else f"field {spec.id} unchanged"
    console().print(safe(f"{slug}: {said}"), soft_wrap=True)


@contextlib.contextmanager
def _answer_read(
    series: "Series", path: Path, answer_file: Path
) -> Iterator[tuple[str, Path | None]]:
    """``--answer-file``'s text (Windows' line endings made the answer's) and where it
    was read from; read from standard input, kept in a file if what it is for fails."""
    from jeudis.files import STDIN, read_input

    text, source = read_input(answer_file)
    text = text.replace("\r\n", "\n")
    typed = {"answer.txt": text} if source == STDIN and text.strip() else {}
    with _kept_if_not_saved(series, path, {} if _reads_a_file(sys.stdin) else typed):
        yield text, source


def _asked_live(interview: "Interview", named: str, ask: Callable[[Any], Given]) -> Given:
    """``ask`` a terminal's prompter, as `edit` asks: its keys say Ctrl-C and Page↑
    cancel a change."""
    from jeudis.cli.running import _require_terminal
    from jeudis.prompter import TerminalPrompter
    from jeudis.terminal import typeahead_kept

    _require_terminal(hint=f"without a terminal: --question {named} --answer-file FILE")
    prompter = TerminalPrompter(interview.language)
    prompter.editing = True
    with typeahead_kept():
        return ask(prompter)


def _in_editor(
    interview: "Interview",
    form: "Questionnaire | None",
    path: Path,
    typed: dict[str, str],
    done: list[str],
    *,
    fields: bool,
    notes: bool,
) -> list[str]:
    """``--fields`` and ``--notes`` in $EDITOR: each change said in ``done``; returns
    those closed as they were."""
    from jeudis import editor

    unchanged: list[str] = []
    if fields:
        changed = editor.edit_fields(interview, form, f"{path.stem}-fields.toml", typed)
        (done if changed else unchanged).append("fields " + (", ".join(changed) or "unchanged"))
    if notes:
        typed["notes.txt"] = editor.edit_text(editor.notes_document(interview), ".txt")
        if editor.apply_notes(interview, typed["notes.txt"]):
            done.append("notes changed")
        else:
            unchanged.append("notes unchanged")
    return unchanged


def _answer_from(
    answer_file: Path,
    series: "Series",
    interview: "Interview",
    form: "Questionnaire | None",
    question: str,
    typed: dict[str, str],
) -> "Aftermath":
    """``--answer-file``: the answer to ``question`` replaced with the file's text; read
    from standard input, the text goes into ``typed``, kept if the save fails."""
    from jeudis import edit as editing
    from jeudis.files import STDIN, read_input

    text, source = read_input(answer_file)  # `-`: standard input
    text = text.replace("\r\n", "\n")  # a file's line endings (Windows'), not the answer's
    if source == STDIN and text.strip():  # an empty one holds nothing to keep
        typed["answer.txt"] = text
    # Refused ("beaucoup" for a number), it is kept too; not read from a file
    # (`< answer.md`), which has it still.
    assert interview.path is not None
    kept = {} if _reads_a_file(sys.stdin) else typed
    with _kept_if_not_saved(series, interview.path, kept):
        return editing.set_answer(interview, form, question, text, source=source)


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
    prompter = TerminalPrompter(interview.language)
    prompter.editing = True  # its keys say so: Ctrl-C and Page↑ cancel a change
    again = f"`jeudis edit {slug}" + (f" --question {question}`" if question else "`")
    with (
        _shown_if_not_saved(
            series, interview, again, lambda: _changed(aftermath, slug, question, form)
        ),
        typeahead_kept(),
    ):
        if question is not None:
            editing.reask(form, interview, question, prompter, aftermath)
        else:
            editing.review(form, interview, prompter, aftermath)
    _changed(aftermath, slug, question, form)


def _changed(
    aftermath: "Aftermath", slug: str, question: str | None, form: "Questionnaire | None"
) -> None:
    """What the answers changed live did, each saved as it was given: said at the end,
    and before the error when a save fails, for the host to know what the file holds."""
    from jeudis.wording import counted

    if question is not None:
        said = f"answer {question} saved" if aftermath.changed else "nothing changed"
    else:
        said = f"{counted(aftermath.changed, 'answer')} changed"
    said = "; ".join([said, *_made_with(aftermath, form)])
    console().print(safe(f"{slug}: {said}"), soft_wrap=True)
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
    session holding it) or the answer is refused, and the file named in the error's hint:
    deleted with the editor's, or read from standard input only, it was gone."""
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


def _reads_a_file(stream: "TextIO | None") -> bool:
    """Whether ``stream`` reads a file (``< answer.md``): not a terminal, nor a pipe
    from a command that may not give its text twice (and `cat answer.md |` looks the
    same)."""
    try:
        return stream is not None and stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError):  # closed, or no file at all (a test's)
        return False


@contextlib.contextmanager
def _shown_if_not_saved(
    series: "Series", interview: "Interview", again: str, saved: "Callable[[], None]"
) -> Iterator[None]:
    """An answer typed anew (and what it asked next) that the save refused, printed for
    the host to copy, or kept in a file too long to print, as a session does; ``again``:
    the command that asks it again. The file keeps what was saved before, whole: said
    first, by ``saved``."""
    from jeudis.errors import NotSaved

    try:
        yield
    except NotSaved:
        from jeudis.cli.running import _say_unsaved

        saved()
        _say_unsaved(series, interview, interview.language, again)
        raise


def _said(aftermath: "Aftermath", slug: str, left: list[str] | None = None) -> None:
    """What a changed answer did to the questions whose condition reads it; what a
    change of the guest's name or particulars ``left`` as it was."""
    for line in [*(left or []), *aftermath.said(slug)]:
        err_console().print(f"[bold]warning:[/bold] {safe(f'{slug}: {line}')}", soft_wrap=True)
