"""Shell completion (``jeudis --install-completion``): the series' interviews and
questionnaires, offered as the shell will take them.

Imported with the command line: nothing here imports what the command line has
not loaded already, until a shell asks.
"""

# No `from __future__ import annotations`: typer reads these functions' annotations
# to know what to give them (the context, the word being completed).
import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from jeudis.errors import JeudisError

if TYPE_CHECKING:
    from jeudis.interview import Interview
    from jeudis.paths import Series


def _completed_series(ctx: typer.Context) -> "Series":
    from jeudis.paths import series_at

    given = ctx.params.get("directory")  # as typed: completion converts nothing
    return series_at(Path(given) if given else None)


def complete_interviews(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of INTERVIEW: the series' slugs, each with its guest's name."""
    return _interviews(ctx, incomplete, drafts_only=False)


def complete_drafts(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for ``resume``: the drafts only, not those withdrawn."""
    return _interviews(ctx, incomplete, drafts_only=True)


def _interviews(ctx: typer.Context, incomplete: str, drafts_only: bool) -> list[tuple[str, str]]:
    """The slugs the command takes. Not a link leading out of the series (``refused``),
    which every command refuses; a file that does not read (``broken``) is offered, for
    naming it is how ``show``, ``edit`` or ``resume`` says what is wrong with it."""
    from jeudis.listing import summaries

    try:
        found = summaries(_completed_series(ctx))
    except (JeudisError, OSError):
        return []  # a shell completing: no message, no traceback
    return [
        (s.slug, _described(s.guest))
        for s in found
        if s.slug.startswith(incomplete)
        and _plain(s.slug)
        and s.status != "refused"
        and not (drafts_only and (s.status == "complete" or not s.published))
    ]


def _described(text: str) -> str:
    """A candidate's description, as typer hands it to fish or zsh: rendered as rich
    markup (a guest named "Ana [/b]" stopped completion in a MarkupError), and wrapped
    at the console's width (a line break, which the shell reads as another candidate).
    So its brackets escaped, on one line, cut short."""
    from jeudis.errors import clip
    from jeudis.textsafe import for_terminal, markup_escape

    return markup_escape(clip(" ".join(for_terminal(text).split()), 60))


def _plain(word: str) -> bool:
    """A candidate the shell takes as one word, as it is: letters (accents too), digits
    and ``. _ - + @ , : = %``. Not a space, a control character or a character the
    shell reads (a file named ``x;touch$(id).toml`` would run, ``*`` would glob)."""
    return bool(_PLAIN.fullmatch(word))


_PLAIN = re.compile(r"[\w.@+,:=%-]+")


def complete_questionnaires(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of QUESTIONNAIRE: the series' ids and the bundled ones."""
    try:
        ids = _completed_series(ctx).questionnaire_files()
    except (JeudisError, OSError):
        return []
    return [qid for qid in sorted(ids) if qid.startswith(incomplete) and _plain(qid)]


def complete_templates(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of ``templates NAME``: the templates jeudis bundles, those
    already on the line left out."""
    from jeudis.paths import BUNDLED_TEMPLATES

    given = set(ctx.params.get("names") or ())
    try:
        names = sorted(path.name for path in BUNDLED_TEMPLATES.iterdir() if path.is_file())
    except OSError:
        return []
    return [name for name in names if name.startswith(incomplete) and name not in given]


def _named(ctx: typer.Context, key: str) -> str | None:
    """The command's argument ``key`` as typed. Completing an option's value, click stops
    parsing at that option: the words before it are left unread, the argument among them."""
    named = ctx.params.get(key) or next(iter(ctx.args), None)
    return str(named) if named else None


def _interview(ctx: typer.Context) -> "Interview | None":
    """The interview the command names, read; None when there is none to read."""
    from jeudis.interview_reading import load_interview
    from jeudis.storage import resolve

    named = _named(ctx, "interview")
    if named is None:
        return None
    try:
        return load_interview(resolve(_completed_series(ctx), named))
    except (JeudisError, OSError):
        return None


def complete_questions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of the question to compare: the questionnaire's ids, each with
    its wording."""
    from jeudis.questionnaire import find_questionnaire

    named = _named(ctx, "questionnaire")
    if named is None:
        return []
    try:
        form = find_questionnaire(_completed_series(ctx), named)
    except (JeudisError, OSError):
        return []
    return [
        (q.id, _described(q.templates(form.default_register)[0]))
        for q in form.questions
        if q.id.startswith(incomplete) and _plain(q.id)
    ]


def complete_answers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of ``edit --question``: the interview's answers' ids, each with
    the question as it was asked."""
    interview = _interview(ctx)
    answers = interview.answers if interview is not None else []
    return [
        (a.id, _described(a.question))
        for a in answers
        if a.id.startswith(incomplete) and _plain(a.id)
    ]


def _words(words: tuple[str, ...], incomplete: str) -> list[str]:
    return [word for word in words if word.startswith(incomplete.lower())]


def complete_formats(ctx: typer.Context, incomplete: str) -> list[str]:
    """``export --format``; ``compare --format`` writes no WordPress file."""
    return _words(
        ("md", "html") if ctx.info_name == "compare" else ("md", "html", "wxr"), incomplete
    )


def complete_flavors(ctx: typer.Context, incomplete: str) -> list[str]:
    from jeudis.export.frontmatter import FLAVORS

    return _words(FLAVORS, incomplete)


# What list --status picks: the statuses its table shows.
STATUSES = ("draft", "complete", "withdrawn", "broken", "refused")


def complete_statuses(ctx: typer.Context, incomplete: str) -> list[str]:
    return _words(STATUSES, incomplete)


def complete_genders(ctx: typer.Context, incomplete: str) -> list[str]:
    return _words(("f", "m"), incomplete)


def complete_registers(ctx: typer.Context, incomplete: str) -> list[str]:
    """``--register``: the forms of address of the questionnaire named (``new``,
    ``sheet``, ``inspect``) or of the interview's (``edit``)."""
    from jeudis.questionnaire import find_questionnaire

    language = None
    if ctx.info_name == "edit":
        made = _interview(ctx)
        named, language = (made.questionnaire, made.language) if made else (None, None)
    else:
        named = _named(ctx, "questionnaire")
    if named is None:
        return []
    try:
        form = find_questionnaire(_completed_series(ctx), named, made_in=language)
    except (JeudisError, OSError):
        return []
    return [word for word in form.registers if word.startswith(incomplete) and _plain(word)]
