"""Changing who an interview is with: the guest's name, gender and form of address,
the host, the date (``jeudis edit INTERVIEW --guest NAME``).

A typo in a name typed at ``jeudis new``, an accent the guest wants, the wrong
"tu": what jeudis made of them follows. The title and the questions, when the
questionnaire worded them, are worded again; a question the host reworded or
asked as a follow-up has the old name replaced by the new one; the file takes
the new name's slug when it had the old one's. What the host wrote by hand
otherwise (a title of their own, a field) stays as it is, and is said; the
guest's answers are theirs, never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from jeudis import storage
from jeudis.dates import folded_word
from jeudis.errors import JeudisError, UsageError
from jeudis.files import BINARY, move
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Questionnaire
from jeudis.wording import WordingContext, first_name


@dataclass
class Particulars:
    """What the host changes; None: left as it is."""

    guest: str | None = None
    gender: str | None = None
    register: str | None = None
    host: str | None = None
    date: dt.date | None = None
    first_name: str | None = None  # "": read from the name again, by the rule

    def given(self) -> list[str]:
        """The options given, as typed (``--guest``, ``--first-name``...)."""
        return [
            f"--{f.name.replace('_', '-')}"
            for f in fields(self)
            if getattr(self, f.name) is not None
        ]


@dataclass
class Recast:
    """What changing the particulars did: ``done`` and ``left`` (as the command says
    them), and the slug the file takes (its own when it keeps its name)."""

    slug: str
    done: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)  # the names reserved before ``slug``


def name(value: str, option: str) -> str:
    """A name typed for ``option`` (``--guest``), spaces tidied; refused when empty or
    when it holds a control character (a newline, a terminal escape)."""
    from jeudis.textsafe import one_line_name

    one_line_name(value, option)
    tidy = " ".join(value.split())
    if not tidy:
        raise UsageError(f"{option}: the name is empty", hint=f'pass {option} "First Last"')
    return tidy


def recast(
    interview: Interview,
    questionnaire: Questionnaire | None,
    change: Particulars,
    reserved: frozenset[str] = frozenset(),
) -> Recast:
    """Change the interview's particulars in memory, and what jeudis made of them.

    ``reserved``: the names a file taking the new name's slug is never given
    (:func:`jeudis.storage.site_names`, other interviews' former addresses): a guest
    renamed "Index" has ``index-2.toml``.
    """
    from jeudis.session import interview_context

    if questionnaire is not None and change.register is not None:
        from jeudis.wording import declared, worded_for

        named = declared(change.register, questionnaire.registers)
        if named is None:
            raise UsageError(
                f"--register {change.register}: {questionnaire.id} is worded for"
                f" {worded_for(questionnaire.registers)}"
            )
        change = replace(change, register=named)  # "sie": as declared, "Sie"
    from jeudis.followups import closing_of, renew_closing

    old = _names(interview)
    was = closing_of(questionnaire, interview) if questionnaire else ""
    register, gender = interview.register, interview.gender
    before = interview_context(questionnaire, interview) if questionnaire else None
    result = Recast(slug=interview.slug)
    _apply(interview, change, result.done)
    if not result.done:
        return result
    names = {was: now for was, now in zip(old, _names(interview), strict=True) if was != now}
    after = interview_context(questionnaire, interview) if questionnaire else None
    if change.guest is not None:
        names_of = (old[0], interview.guest, interview.language)
        result.slug = _slug(interview.slug, names_of, result, reserved)
    _retitle(interview, questionnaire, before, after, names, result)
    reform = register != interview.register or gender != interview.gender
    _requestion(interview, questionnaire, (register, reform), (before, after), names, result)
    renew_closing(questionnaire, interview, was)  # "Retrouvez Gilles sur…": the new name
    _fields_naming(interview, names, result)
    return result


def _names(interview: Interview) -> tuple[str, str, str, str]:
    guest, host = interview.guest, interview.host
    return guest, first_name(guest, interview.first_name), host, first_name(host)


def _apply(interview: Interview, change: Particulars, done: list[str]) -> None:
    renamed = change.guest is not None and change.guest != interview.guest
    for key in ("guest", "gender", "register", "host"):
        value = getattr(change, key)
        if value is not None and value != getattr(interview, key):
            setattr(interview, key, value)
            done.append(f"{key} {value}")
    if change.first_name is not None:
        if change.first_name != interview.first_name:
            interview.first_name = change.first_name
            done.append(f"first name {change.first_name or 'read from the name'}")
    elif renamed and interview.first_name:
        _follow_name(interview, done)
    if change.date is not None and change.date != interview.date:
        interview.date = change.date
        done.append(f"date {change.date.isoformat()}")


def _follow_name(interview: Interview, done: list[str]) -> None:
    """A first name the host gave goes with the name it was given for: kept while the
    new name holds it, accents and case aside ("María José" in "Maria José Ibáñez",
    then spelled as the new name spells it), else read from the new name; said either
    way, in the rename's line."""
    given, words = interview.first_name, interview.guest.split()
    wanted = [folded_word(word) for word in given.split()]
    for at in range(len(words) - len(wanted) + 1):
        if [folded_word(word) for word in words[at : at + len(wanted)]] == wanted:
            interview.first_name = " ".join(words[at : at + len(wanted)])
            spelled = "" if interview.first_name == given else f", as {interview.first_name}"
            done.append(f"first name {given} kept{spelled}")
            return
    interview.first_name = ""
    done.append(
        f"first name {given} dropped, not in the new name: read from it"
        f" ({first_name(interview.guest)}); --first-name gives it again"
    )


def _retitle(
    interview: Interview,
    questionnaire: Questionnaire | None,
    before: WordingContext | None,
    after: WordingContext | None,
    names: dict[str, str],
    result: Recast,
) -> None:
    """The title worded again when the questionnaire's title worded it; else left."""
    made = None  # the title the questionnaire words, before and after
    if questionnaire is not None and before is not None and after is not None:
        made = questionnaire.title_for(before), questionnaire.title_for(after)
    if made is not None and interview.title == made[0]:
        if made[1] != interview.title:
            interview.title = made[1]
            result.done.append("title worded again")
        return
    if named := _naming(interview.title, names):
        why = "not the questionnaire's" if questionnaire else "its questionnaire is not found"
        result.left.append(
            f"title left as it is ({why}): it still names {named}; edit `title` in the file"
        )


def _requestion(
    interview: Interview,
    questionnaire: Questionnaire | None,
    was: tuple[str, bool],
    contexts: tuple[WordingContext | None, WordingContext | None],
    names: dict[str, str],
    result: Recast,
) -> None:
    """Each question as the questionnaire words it now, when it worded it before; a
    question worded otherwise (by the host, a follow-up, an earlier version) has the
    old names replaced, and is said when the change of gender or form of address
    may not read in it. ``was``: the register before, and whether it or the gender changed."""
    (register, reform), (before, after) = was, contexts
    worded: list[str] = []
    kept: list[str] = []
    for answer in [*interview.answers, *interview.set_aside]:
        question = questionnaire.question(answer.id) if questionnaire else None
        ours = (
            question is not None
            and before is not None
            and after is not None
            and not answer.followup
            and not answer.reworded
            and answer.question == question.wording(register, before)
        )
        if ours:
            assert question is not None and after is not None
            text = question.wording(interview.register, after)
        else:
            text = _renamed(answer.question, names)
            if reform:
                kept.append(_label(answer))
        if text != answer.question:
            answer.question = text
            worded.append(_label(answer))
    if worded:
        result.done.append(f"{_questions(worded)} worded again")
    if kept:
        result.left.append(
            f"{_questions(kept)} left as asked (reworded by hand, a follow-up"
            f" or an earlier wording): read {'it' if len(kept) == 1 else 'them'} for the new gender"
            " or form of address"
        )


def _label(answer: Answer) -> str:
    return f"[{answer.id}]"


def _questions(labels: list[str]) -> str:
    """``question [a]``, ``questions [a], [b]``; past three, ``13 questions``."""
    if len(labels) > 3:
        return f"{len(labels)} questions"
    return ("question " if len(labels) == 1 else "questions ") + ", ".join(labels)


def _fields_naming(interview: Interview, names: dict[str, str], result: Recast) -> None:
    """The host's fields (the intro...) are their prose: said, not changed."""
    for key, value in interview.fields.items():
        if isinstance(value, str) and (named := _naming(value, names)):
            result.left.append(
                f"field {key} still names {named}: `jeudis edit {result.slug} -q {key}`"
            )


def _pattern(names: dict[str, str]) -> re.Pattern[str] | None:
    """The old names as words: "Jean" not in "Jeanne" nor in "Jean-Pierre"; longest first."""
    olds = sorted((was for was in names if was), key=len, reverse=True)
    if not olds:
        return None
    alternatives = "|".join(re.escape(was) for was in olds)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _renamed(text: str, names: dict[str, str]) -> str:
    pattern = _pattern(names)
    return pattern.sub(lambda m: names[m.group()], text) if pattern else text


def _naming(text: str, names: dict[str, str]) -> str:
    """The first old name ``text`` holds, quoted; "" when none."""
    pattern = _pattern(names)
    found = pattern.search(text) if pattern else None
    return f"“{found.group()}”" if found else ""


def _slug(
    current: str, names: tuple[str, str, str], result: Recast, reserved: frozenset[str]
) -> str:
    """The new name's slug, when the file had the old name's (``-2`` kept); else its own.
    Never one of ``reserved``: the next number is added (see :func:`recast`)."""
    old_guest, guest, language = names
    now = storage.slugify(guest, language)
    # The old name's slug, its letters spelled out as its language does, or not (as
    # jeudis made slugs before it did); or the slug of no letters, which a Cyrillic or
    # Greek name had before jeudis romanized them.
    was = {storage.slugify(old_guest, language), storage.slugify(old_guest), storage.FALLBACK_SLUG}
    found = re.fullmatch(rf"(?:{'|'.join(map(re.escape, was))})(-[0-9]+)?", current)
    if found is None:
        if current != now:
            result.left.append(f"the file keeps its name, {current}.toml: not the old name's")
        return current
    wanted = now + (found.group(1) or "")
    slug = storage.unreserved(wanted, reserved)
    result.passed = storage.names_before(wanted, slug)
    return slug


# -- on disk ------------------------------------------------------------------------------


def free(interview: Interview, slug: str) -> Path:
    """The file ``slug`` names beside the interview's; refused when another is there."""
    assert interview.path is not None
    target = interview.path.with_name(f"{slug}.toml")
    if slug != interview.path.stem and (target.exists() or target.is_symlink()):
        # Not a usage error (2): the option is fine, a file is in the way (1).
        raise JeudisError(
            f"{target.name} is another interview: not written over; nothing was changed",
            hint=f"rename {interview.path.name} by hand ({slug}-2.toml, say) and run the"
            " command again:"
            " a file not named after the guest keeps its name",
        )
    return target


def save(interview: Interview, slug: str) -> Path:
    """Save the change under the session lock (refused while a session runs), the file
    renamed to ``slug``: claimed first (never another's), then saved under its old
    name and moved over in one step. Returns the file's path."""
    assert interview.path is not None
    path = interview.path
    with storage.session_lock(path):
        if slug == path.stem:
            return storage.save(interview)
        target = free(interview, slug)
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY | BINARY, 0o644))
        except FileExistsError:  # there since free() looked: another's, just made
            free(interview, slug)
            raise
        photo = _photo_renamed(interview, path.stem, slug)
        former = interview.former_slugs
        if interview.is_complete:  # published, maybe: its old address leads to the new
            interview.former_slugs = [*(s for s in former if s not in (slug, path.stem)), path.stem]
        try:
            interview.slug = slug  # as the file records it
            storage.save(interview)
            move(path, target)
        except BaseException:
            interview.slug, interview.former_slugs = path.stem, former
            if path.exists():  # not moved: the claim goes
                with contextlib.suppress(OSError):
                    target.unlink()
            if photo is not None:  # the photo's new name goes too: the file names the old
                interview.fields["photo"] = photo[0]
                with contextlib.suppress(OSError):
                    photo[2].unlink()
            raise
        if photo is not None:
            with contextlib.suppress(OSError):
                photo[1].unlink()
    interview.path = target
    return target


def _photo_renamed(interview: Interview, was: str, slug: str) -> tuple[str, Path, Path] | None:
    """The photo jeudis copied in as ``images/WAS.jpg``, given the new slug's name too
    (a second link to it, the old one removed once the interview is saved): its address
    in a post named the guest as mistyped. None when it has another name, or the new
    one is taken: it keeps its own. Returns the field as it was, the old and new paths."""
    from jeudis.photos import FOLDER

    assert interview.path is not None
    value = str(interview.fields.get("photo") or "")
    old = Path(value)
    if old.parent != Path(FOLDER) or old.stem != was:
        return None
    root = interview.path.parent.parent
    new = old.with_stem(slug)
    try:
        os.link(root / old, root / new)  # never over another file: refused if there
    except OSError:
        return None
    interview.fields["photo"] = new.as_posix()
    return value, root / old, root / new
