"""A new interview made ready for its session: the command's options checked (the
guest's name, the form of address, the questions worded otherwise for this guest), the
host's name where the questionnaire quotes it, and a file of its own reserved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field

from jeudis import storage, wording
from jeudis.errors import JeudisError, NotSaved, UsageError
from jeudis.interview import Interview, new_id
from jeudis.listing import Summary, former_addresses
from jeudis.paths import Series
from jeudis.questionnaire import Questionnaire
from jeudis.session import context_for
from jeudis.textsafe import control_in, one_line_name


@dataclass
class Options:
    guest: str
    register: str | None = None
    gender: str | None = None
    host: str | None = None
    date: dt.date | None = None
    # ``--reword ID=TEXT``: a question worded otherwise for this guest, by id or number.
    rewordings: Mapping[str, str] = field(default_factory=dict)
    slug: str | None = None  # ``--slug``: the file's and the post's name, else the guest's
    first_name: str = ""  # ``--first-name``: as greetings say it, else read from the name


def one_line_wording(text: str) -> str:
    """A question's wording the host typed (``--reword``), as one line of text; a
    control character or an empty wording refused."""
    if control_in(text, lines=True):  # a line break is a space here: as a paste brings it
        raise UsageError("--reword: a control character in the wording")
    if not (wording_ := " ".join(text.split())):
        raise UsageError("--reword: the new wording is empty")
    return wording_


def rewordings_for(questionnaire: Questionnaire, given: Mapping[str, str]) -> dict[str, str]:
    """``--reword`` options by question id: each names a question of ``questionnaire``
    by its id or its number (``12``, as ``jeudis inspect`` numbers them)."""
    by_number = {str(n): q.id for n, q in enumerate(questionnaire.questions, 1)}
    rewordings = {}
    for key, text in given.items():
        qid = key if questionnaire.question(key) is not None else by_number.get(key)
        if qid is None:
            known = ", ".join(f"{n}. {q}" for n, q in by_number.items())
            raise UsageError(
                f"--reword {key}: {questionnaire.id} has no such question",
                hint=f"its questions: {known or 'none'} (`jeudis inspect {questionnaire.id}`)",
            )
        rewordings[qid] = one_line_wording(text)
    return rewordings


def prepare(series: Series, questionnaire: Questionnaire, options: Options) -> Interview:
    """A new interview for a guest, in memory: not yet on disk, no path."""
    one_line_name(options.guest, "--guest")
    one_line_name(options.first_name, "--first-name")
    if options.host is not None:
        one_line_name(options.host, "--host")
    if not options.guest.strip():
        raise UsageError("the guest's name is empty", hint='pass --guest "First Last"')
    given = options.register or questionnaire.default_register
    register = wording.declared(given, questionnaire.registers)
    if register is None:
        raise UsageError(
            f"--register {given}: {questionnaire.id} is worded for"
            f" {wording.worded_for(questionnaire.registers)}"
        )
    guest = " ".join(options.guest.split())
    host = options.host if options.host is not None else str(series.settings.get("host", ""))
    first = " ".join(options.first_name.split())
    context = context_for(questionnaire, guest, host, options.gender, first=first)
    if options.slug is not None:
        slug = storage.given_slug(options.slug)
        refuse_former(series, slug)
    else:
        slug = storage.slugify(guest, questionnaire.language)
    return Interview(
        questionnaire=questionnaire.id,
        questionnaire_version=questionnaire.version,
        title=questionnaire.title_for(context),
        slug=slug,
        guest=guest,
        register=register,
        gender=options.gender,
        first_name=first,
        host=host,
        language=questionnaire.language,
        style=questionnaire.style,
        series=questionnaire.series,
        date=options.date or dt.date.today(),
        rewordings=rewordings_for(questionnaire, options.rewordings),
    )


def require_host(
    questionnaire: Questionnaire,
    interview: Interview,
    hint: str = 'pass --host "First Last", or set host = "..." in jeudis.toml',
) -> None:
    """A dialogue puts each question under the host's name ("Stéphane : ..."): without
    a name its posts read "? : ...". A wording quoting ``{host}`` would read "Have you
    read 's latest book?". Refused before anything is written."""
    if interview.host.strip():
        return
    if questionnaire.style == "dialogue":
        raise UsageError(
            f"{questionnaire.id} is written as a dialogue, each question under the host's"
            " name, and no host is named",
            hint=hint,
        )
    if quoting := _quoting_host(questionnaire, interview.register):
        raise UsageError(
            f"{questionnaire.id} names the host ({{host}}, in {quoting}), and no host is named",
            hint=hint,
        )


def _quoting_host(questionnaire: Questionnaire, register: str) -> str:
    """Where the questionnaire first quotes ``{host}`` (``"question 5 [read-book]"``), or ""."""
    places: list[tuple[str, tuple[str, ...]]] = [("the title", (questionnaire.title,))]
    places += [(f"field [{f.id}]", f.templates(register)) for f in questionnaire.fields]
    places += [
        (f"question {n} [{q.id}]", q.templates(register))
        for n, q in enumerate(questionnaire.questions, 1)
    ]
    places += [("the closing", (questionnaire.closing,))]
    for where, templates in places:
        if any("host" in wording.placeholders(template) for template in templates):
            return where
    return ""


def refuse_former(series: Series, slug: str) -> None:
    """A slug the host chose (``--slug``) that was another interview's before its guest
    was renamed: refused, for its old links lead there (see :func:`create`)."""
    owner = former_addresses(series).get(slug.lower())
    if owner is None:
        return
    raise JeudisError(
        f"--slug {slug}: {former_owner(owner)}; nothing was written",
        hint=f"choose another slug ({storage.unreserved(slug, _taken(series))}, say):"
        " the post's address goes with it",
    )


def former_owner(owner: Summary) -> str:
    """Whose former address a name is, as said of it: ``the former address of Camille
    Petit-Roux's interview (camille-petit-roux), whose old links lead there``."""
    return (
        f"the former address of {owner.guest}'s interview ({owner.slug}, renamed since),"
        " where its site leads old links"
    )


def _taken(series: Series) -> frozenset[str]:
    names = {path.stem.lower() for path in storage.interview_files(series)}
    return frozenset(names | former_addresses(series).keys())


@dataclass
class Passed:
    """A name a new interview was not given: another interview's former address."""

    name: str
    owner: Summary


def create(series: Series, interview: Interview, passed: list[Passed] | None = None) -> Interview:
    """Give the interview a file of its own (never another's, nor a name the site's own
    pages have: see :func:`jeudis.storage.site_names`, nor one another interview had
    before its guest was renamed), and an id, and save it. ``passed`` gets the former
    addresses passed over: ``camille-petit``, Camille Petit-Roux's, gives ``camille-petit-2``."""
    formers = former_addresses(series)
    reserved = storage.site_names(series, interview.questionnaire) | formers.keys()
    wanted = interview.slug
    path = storage.reserve_path(series, wanted, reserved)
    if passed is not None:
        passed += [
            Passed(name, formers[name.lower()])
            for name in storage.names_before(wanted, path.stem)
            if name.lower() in formers
        ]
    interview.path = path
    interview.slug = path.stem
    interview.id = interview.id or new_id()
    try:
        storage.save(interview)
    except NotSaved:
        # The file reserved is empty: left, it would be listed as a broken interview.
        with suppress(OSError):
            path.unlink()
        raise
    return interview
