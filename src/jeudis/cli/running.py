"""Commands that run a live session: ``new`` and ``resume``."""

# No `from __future__ import annotations` here: typer would eval every string
# annotation of every command at each start-up (about 10 ms of `jeudis list`).
import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from jeudis.cli import (
    DirOption,
    FirstNameOption,
    GenderOption,
    GuestOption,
    HostOption,
    QuestionnaireArgument,
    RegisterOption,
    RewordOption,
    SlugOption,
    app,
    pairs,
    parse_date,
)
from jeudis.cli.completion import complete_drafts
from jeudis.cli.output import console
from jeudis.errors import NoTerminal, NotFoundError, UsageError

if TYPE_CHECKING:
    from jeudis.interview import Interview
    from jeudis.listing import Summary
    from jeudis.paths import Series
    from jeudis.questionnaire import Questionnaire
    from jeudis.session import Session
    from jeudis.starting import Passed


def _require_terminal(
    hint: str = "to fill an interview without a terminal, pass --data-file answers.toml,"
    " or send the guest an answer sheet by email (`jeudis sheet`)",
    what: str = "the live session",
    *,
    drawn: bool = True,
) -> None:
    """Stop unless both ends are a terminal; ``hint``: what the command offers instead,
    ``what``: the part of the command that needs one, ``drawn``: which draws on its
    screen (the live session; not $EDITOR, which may be Emacs's own).

    A dumb terminal (``TERM=dumb``: Emacs's M-x shell, a CI's console) has no screen
    to draw on: the session's clearing and cursor moves were printed there as they
    are, and the questions lost among them."""
    if not (_a_terminal(sys.stdin) and _a_terminal(sys.stdout)):
        which = "standard input" if not _a_terminal(sys.stdin) else "standard output"
        raise NoTerminal(f"{what} needs a terminal ({which} is not one)", hint=hint)
    term = os.environ.get("TERM", "")
    if drawn and term.lower() in ("dumb", "unknown"):  # as prompt_toolkit reads it
        raise NoTerminal(
            f"{what} needs a terminal that draws a screen (TERM={term} draws none)",
            hint=f"run it in a terminal emulator (in Emacs, M-x term, not M-x shell); {hint}",
        )


def _a_terminal(stream: "TextIO | None") -> bool:
    """Whether ``stream`` is a terminal; one closed is not (``jeudis new <&-``: Python
    makes it None, and a traceback said "'NoneType' object has no attribute 'isatty'")."""
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed since
        return False


def _finished(path: Path, *, live: bool = True, withdrawn: bool = False) -> None:
    """Where the interview is, and how to publish it: below the session's last screen,
    a line apart (``live``); alone, from a data file. One ``withdrawn`` is not published:
    how to publish it again."""
    from jeudis.textsafe import markup_escape as escape

    out = console()
    gap = "\n" if live else ""
    # A folder may be named "Blogs [perso]": the path is text, not rich markup.
    out.print(f"{gap}Saved: [bold]{escape(str(path))}[/bold]", soft_wrap=True)
    if withdrawn:
        out.print(
            f"Withdrawn, never exported: [bold]jeudis edit {path.stem} --publish[/bold]"
            " publishes it",
            soft_wrap=True,
        )
        return
    out.print(
        f"Publish it: [bold]jeudis export {path.stem} -o {path.stem}.md[/bold]", soft_wrap=True
    )


@app.command()
def new(
    questionnaire: QuestionnaireArgument,
    guest: GuestOption,
    register: RegisterOption = None,
    gender: GenderOption = None,
    host: HostOption = None,
    date: Annotated[
        str | None,
        typer.Option(help="The interview's date: YYYY-MM-DD, or written out (default: today)."),
    ] = None,
    data_file: Annotated[
        Path | None,
        typer.Option(
            "--data-file",
            help="Fill the interview from a TOML file of answers (- reads standard input),"
            " no terminal needed.",
        ),
    ] = None,
    reword: RewordOption = None,
    slug: SlugOption = None,
    first_name: FirstNameOption = None,
    directory: DirOption = None,
) -> None:
    """Start an interview: the host's part, then the guest answers live."""
    from jeudis import starting
    from jeudis.files import read_input
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.tomlio import SYNTAX_HINT, parse_toml

    series = series_at(directory)
    form = find_questionnaire(series, questionnaire)
    options = starting.Options(
        guest=guest,
        register=register,
        gender=gender,
        host=host,
        date=parse_date(date, form.language),
        rewordings=pairs(reword, "--reword", '12="..."'),
        slug=slug,
        first_name=first_name or "",
    )
    interview = starting.prepare(series, form, options)
    starting.require_host(form, interview)
    if data_file is not None:
        from jeudis.errors import FileProblem

        try:
            text, source = read_input(data_file)  # `-`: standard input
            data = parse_toml(text, source)
        except FileProblem as problem:  # not `jeudis check`'s: it lints series files
            if problem.line is not None:
                slip = "" if problem.hint == SYNTAX_HINT else f"{problem.hint}; "
                problem.hint = f"{slip}fix that line of the data file; nothing was written"
            raise
        from jeudis.datafile import fill_from_data

        fill_from_data(form, interview, data, source, text)
        if same := _holding_the_same(series, form, interview):
            # A script run again (a CI job): nothing new to write, no slug-2 published.
            console().print(f"{same} holds these answers already; nothing was written")
            return
        _note_twins(series, form, interview)
        passed: list[Passed] = []
        starting.create(series, interview, passed)
        note_passed(passed, interview)
        assert interview.path is not None
        take_photo(interview)
        note_nameless(interview, chosen=slug is not None)
        _finished(interview.path, live=False)
        return
    _require_terminal()
    _note_twins(series, form, interview)
    passed = []
    starting.create(series, interview, passed)
    note_passed(passed, interview)
    note_nameless(interview, chosen=slug is not None)
    _run(series, form, interview, begun_now=True)


def note_nameless(interview: "Interview", *, chosen: bool) -> None:
    """A guest's name of no Latin letter (张伟, سارة) names the interview ``invite-3``,
    and so its post's address: said, with how to name it."""
    from jeudis.storage import nameless
    from jeudis.textsafe import for_terminal

    if chosen or not nameless(interview.guest, interview.language):
        return
    said = (
        f"note: {interview.guest}: no letter of the name goes into a file's name; the"
        f" interview is {interview.slug}, and so its post's address (--slug names a new"
        " one otherwise: --slug zhang-wei)"
    )
    sys.stderr.write(for_terminal(said) + "\n")


def note_refused(series: "Series", rows: "list[Summary]") -> None:
    """The interview files of ``rows`` that lead out of the series folder through a link,
    never read as the series' (:mod:`jeudis.links`): said, one line each, naming the link
    and where it leads, as export and check do."""
    from jeudis.links import READ, out_problem
    from jeudis.textsafe import for_terminal

    for row in rows:
        if row.status == "refused" and (problem := out_problem(series.root, Path(row.path), READ)):
            sys.stderr.write(for_terminal(f"warning: {problem.message}") + "\n")


def note_passed(passed: "list[Passed]", interview: "Interview") -> None:
    """The names a new interview was not given, another's former address each: said
    with the name it has, as a namesake's interview is (:func:`_note_twins`)."""
    from jeudis.starting import former_owner
    from jeudis.textsafe import for_terminal

    for each in passed:
        said = (
            f"note: {each.name} is {former_owner(each.owner)}: this interview is {interview.slug}"
        )
        sys.stderr.write(for_terminal(said) + "\n")


def _holding_the_same(series: "Series", form: "Questionnaire", interview: "Interview") -> str:
    """The slug of the guest's interview from ``form`` holding the answers and fields a data
    file gave ``interview`` (not saved), as given and addressed the same: the same file
    run again; else "". The photo is left out (the one kept is the copy of the file given,
    under another name), and the host's particulars (the date, the host's name)."""
    from jeudis import reimport
    from jeudis.errors import JeudisError
    from jeudis.interview_reading import load_interview

    given = {a.id: a.value for a in interview.given_answers()}
    for twin in reimport.twins(series, form.id, interview.guest, named=interview.slug):
        if twin.status != "complete":  # a draft's guest given the rest: a note, below
            continue
        try:
            other = load_interview(Path(twin.path))
        except JeudisError:
            continue
        answered = {a.id: a.value for a in other.given_answers()}
        addressed = (other.register, other.gender) == (interview.register, interview.gender)
        if answered == given and addressed and _filled(other) == _filled(interview):
            return twin.slug
    return ""


def _filled(interview: "Interview") -> dict[str, Any]:
    return {
        key: value
        for key, value in interview.fields.items()
        if value not in ("", None) and key != "photo"
    }


def _note_twins(series: "Series", form: "Questionnaire", interview: "Interview") -> None:
    """A guest interviewed from the questionnaire already, or begun: said before another
    interview is made, which a host who meant ``resume`` would split the answers into."""
    from jeudis import reimport
    from jeudis.textsafe import for_terminal

    refused: list[Summary] = []
    twins = reimport.twins(series, form.id, interview.guest, named=interview.slug, refused=refused)
    note_refused(series, refused)
    if not twins:
        return
    named = ", ".join(f"{twin.slug} ({twin.status})" for twin in twins)
    said = f"note: {interview.guest} has an interview from {form.id} already: {named}"
    if drafts := [twin for twin in twins if twin.status == "draft"]:
        from jeudis.storage import in_session

        said += f"; to go on with it instead: `jeudis resume {drafts[0].slug}`"
        if in_session(Path(drafts[0].path)):
            said += ", once its session open now is over"  # resume would be refused (exit 6)
    sys.stderr.write(for_terminal(said) + "\n")


def take_photo(interview: "Interview") -> None:
    """A photo given as an image file elsewhere is copied into the series (jeudis.photos)."""
    from jeudis import photos, storage

    given = interview.fields.get("photo")
    if not isinstance(given, str) or not given:
        return
    value, copied = photos.adopt_for(interview, given)
    if value != given:
        interview.fields["photo"] = value
        storage.save(interview)
    from jeudis.textsafe import for_terminal

    if copied:
        sys.stderr.write(f"photo copied into the series: {for_terminal(value)}\n")
    elif "://" not in value and interview.path is not None:
        # Said now, not at the next export: a mistyped path was kept without a word.
        root = interview.path.parent.parent
        there = (root / Path(value).expanduser()).is_file()
        why = photos.refusal(root, value) if there else "no such file"
        if why is not None:
            slug = interview.path.stem
            sys.stderr.write(
                f"warning: {slug}: photo {for_terminal(value)}: {why}; a post shows none"
                f" (`jeudis edit {slug} --fields` to mend it)\n"
            )


def _run(
    series: "Series", form: "Questionnaire", interview: "Interview", *, begun_now: bool = False
) -> None:
    from jeudis.errors import NotSaved
    from jeudis.prompter import TerminalPrompter
    from jeudis.session import Session
    from jeudis.terminal import typeahead_kept

    try:
        with typeahead_kept():
            prompter = TerminalPrompter(form.language)
            session = Session(form, interview, prompter, begun_now=begun_now)
            session.run()
    except NotSaved as failed:  # the answers given before are in the draft
        _say_unsaved(series, interview, form.language)
        raise NotSaved(
            failed.path, failed.error, then=f"`jeudis resume {failed.path.stem}`"
        ) from None
    assert interview.path is not None
    _moved(interview.path.stem, session)
    if not begun_now and interview.published:  # one withdrawn is published on no date
        _dated_long_ago(interview)
    _finished(interview.path, withdrawn=not interview.published)


# A draft finished this long after its date is said to be published as of then.
LONG_AGO = dt.timedelta(days=7)


def _dated_long_ago(interview: "Interview") -> None:
    """A draft finished long after its date (the day it was begun): its post is dated
    then, among the posts of that time, deep in the index and the feed, where a feed
    reader never shows it as new. Said, with the command that dates it today."""
    today = dt.date.today()
    done = interview.completed
    if (
        not interview.is_complete
        or today - interview.date < LONG_AGO
        or interview.path is None
        # Dated on purpose (`new --date`), or finished before, published then: left so.
        or interview.date != interview.created.astimezone().date()
        or (done is not None and today - done.astimezone().date() >= LONG_AGO)
    ):
        return
    from jeudis.textsafe import for_terminal

    slug = interview.path.stem
    sys.stderr.write(
        for_terminal(
            f"note: {slug} is dated {interview.date.isoformat()}, the day it was begun: its"
            f" post is published as of then; `jeudis edit {slug} --date {today.isoformat()}`"
            " dates it today"
        )
        + "\n"
    )


def _moved(slug: str, session: "Session") -> None:
    """What the session put in the private notes, out of the post, said to the host: a
    draft resumed after the questionnaire changed set aside an answer its conditions
    no longer ask (published before, gone from the post with no word)."""
    from jeudis.cli.editing import _said
    from jeudis.edit import Aftermath

    _said(Aftermath(moves=session.moves), slug)
    if session.typed_kept:
        ids = ", ".join(f"[{qid}]" for qid in session.typed_kept)
        kept = f"what was typed at {ids}, never given, is kept in the private notes, out of"
        _said(Aftermath(), slug, [f"{kept} the post (`jeudis edit {slug} --notes`)"])


# More than this is written to a file of the series for the host to copy, not printed:
# megabytes pasted would flood the terminal, and leave its history the poorer.
PRINTED_AT_MOST = (200, 16_000)  # lines, characters


def _say_unsaved(
    series: "Series", interview: "Interview", language: str, again: str = "`jeudis resume`"
) -> None:
    """What the session holds and its file does not (the answer whose save the disk
    refused), printed for the host to copy: the guest gave it, and ``again`` (the
    command, `resume`, `edit`) will ask for it again. Too long to print, it is kept in
    a file beside the interview (:mod:`jeudis.unsaved`), which is named; printed all
    the same when none takes it."""
    from jeudis.answers import as_input
    from jeudis.errors import JeudisError
    from jeudis.interview import typed_text
    from jeudis.interview_reading import load_interview
    from jeudis.textsafe import for_terminal

    saved = None
    if interview.path is not None:
        with contextlib.suppress(JeudisError, OSError):
            saved = load_interview(interview.path)
    lost: list[str] = []
    for key, value in interview.fields.items():
        if value not in ("", None) and (saved is None or saved.fields.get(key) != value):
            lost += [f"[{key}]", as_input(value, language)]
    for answer in interview.answers:
        kept = saved.answer(answer.id) if saved is not None else None
        if not answer.skipped and (kept is None or kept.value != answer.value):
            lost += [f"[{answer.id}] {answer.question}", as_input(answer.value, language)]
    for key, text in interview.pending.items():  # typed, not given yet: a pause keeps it
        if saved is None or saved.pending.get(key) != text:
            lost += [f"[{key}]", typed_text(text)]
    if not lost:
        return
    text = "".join(f"{line}\n" for line in lost)
    lines, characters = PRINTED_AT_MOST
    if interview.path is not None and (text.count("\n") > lines or len(text) > characters):
        from jeudis import unsaved

        place = unsaved.keep(series, interview.path, "not-saved.txt", text)
        if place is not None:
            said = f"kept in {place}; copy it before {again} asks again"
            sys.stderr.write(
                for_terminal(f"not saved, as given (too long to print): {said}") + "\n"
            )
            return
    said = f"not saved, as given (copy it before {again} asks again):"
    sys.stderr.write(for_terminal(said) + "\n")
    sys.stderr.write("".join(f"{for_terminal(line)}\n" for line in lost))


def _reopen_for_missing(series: "Series", interview: "Interview", slug: str) -> None:
    """A complete interview its questionnaire asks more of (questions added without a
    new version, a file edited by hand) is a draft again, and those are asked: nothing
    else could give them (``edit --question`` changes an answer given). Else it is done."""
    from jeudis.conditions import gaps, reopen
    from jeudis.errors import JeudisError
    from jeudis.former_ids import adopt
    from jeudis.questionnaire import find_questionnaire
    from jeudis.textsafe import for_terminal
    from jeudis.wording import counted

    try:
        form = find_questionnaire(series, interview.questionnaire, made_in=interview.language)
    except JeudisError:  # not at hand: nothing to ask
        missing = []
    else:
        adopt(form, interview)  # an answer under a question's former id is its answer
        missing = gaps(form, interview)[0]
    if not reopen(interview, missing):
        raise UsageError(
            f"{slug} is already complete",
            hint=f"change an answer with `jeudis edit {slug} --question ID`",
        )
    sys.stderr.write(
        for_terminal(
            f"note: {slug} was complete, but {form.id} asks"
            f" {counted(len(missing), 'required question')} it has no answer to"
            f" ({', '.join(missing)}): asked now"
        )
        + "\n"
    )


def _withdrawn_drafts(slugs: list[str]) -> str:
    """The drafts ``resume`` alone does not pick, withdrawn: named, as one is resumed."""
    from jeudis.wording import counted

    named = ", ".join(slugs[:3]) + (", ..." if len(slugs) > 3 else "")
    return f"{counted(len(slugs), 'withdrawn draft')} ({named}): `jeudis resume {slugs[0]}`"


@app.command()
def resume(
    interview: Annotated[
        str | None,
        typer.Argument(
            help="Slug or path (default: the most recent draft).", autocompletion=complete_drafts
        ),
    ] = None,
    directory: DirOption = None,
) -> None:
    """Continue a draft where it stopped."""
    from jeudis import listing, storage
    from jeudis.interview_reading import load_interview
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.textsafe import for_terminal
    from jeudis.wording import counted

    series = series_at(directory)
    if interview is None:
        summaries = listing.summaries(series)
        # Not one withdrawn (a guest's wish): finished, it would be no less withdrawn,
        # but it is no longer the host's work in hand.
        drafts = [s for s in summaries if s.status == "draft" and s.published]
        note_refused(series, summaries)  # another series' draft is none of this one's
        if not drafts:
            # One of them may be a draft the host edited by hand: say where to look.
            broken = [s.slug for s in summaries if s.unread]
            hint = "`jeudis list` shows the interviews"
            if broken:
                named = ", ".join(broken[:3]) + (", ..." if len(broken) > 3 else "")
                verb = "does" if len(broken) == 1 else "do"
                hint = f"{counted(len(broken), 'interview file')} {verb} not read ({named}):"
                hint += " `jeudis check` says why"
            if withdrawn := [s.slug for s in summaries if s.status == "draft"]:
                hint = f"{_withdrawn_drafts(withdrawn)}; {hint}"
            raise NotFoundError("no draft to resume", hint=hint)
        path = storage.for_writing(series, Path(max(drafts, key=lambda s: s.updated).path))
    else:
        path = storage.resolve(series, interview, writable=True)
    loaded = load_interview(path)
    if loaded.is_complete:
        _reopen_for_missing(series, loaded, path.stem)
    if not loaded.published:  # continued all the same: the host may finish it privately
        sys.stderr.write(
            for_terminal(
                f"note: {path.stem} is withdrawn: finished, it stays unpublished"
                f" (`jeudis edit {path.stem} --publish` publishes it)"
            )
            + "\n"
        )
    form = find_questionnaire(series, loaded.questionnaire, made_in=loaded.language)
    _require_terminal(
        # Not `edit --answer-file`: it changes an answer given, never one still missing.
        hint=f"answer the rest in a terminal, or by email: an answer sheet (`jeudis sheet`)"
        f" taken in with `jeudis import SHEET --update {path.stem}`"
    )
    _run(series, form, loaded)
