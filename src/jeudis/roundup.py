"""Roundups: every guest's answer to one question, side by side, and as a post.

:func:`collect` returns data (what the terminal view and the posts are drawn
from). :func:`jeudis.roundup_post.render` writes the roundup post in Markdown or HTML through the
export layer: the same Markdown renderer, typography and Jinja environment as
the interviews' posts, with a series' ``templates/roundup.*`` overriding the
bundled ones. A numeric question gets a bar chart, a table of names and values
with a bar beside each value: no script, no image, text a screen reader reads.
So does a text question every guest answered with one number among their words
("Presque 8 000, surtout des Français."): a date beside it ("Au 30 mars 2011 :
8 572") makes it no number, and the roundup shows the answers without a chart.
A choice or a multiple choice gets a tally: how many guests picked each choice
(:mod:`jeudis.roundup_chart`); so does a yes/no question, how many said each.

A Markdown roundup is a post of the site the interviews' posts are in: front
matter for ``--flavor``'s generator, as ``export`` writes theirs, and a link to
each interview that generator resolves (:attr:`Flavor.ref`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jeudis import listing, storage, wording
from jeudis.answers import InvalidAnswer, parse_number
from jeudis.errors import JeudisError, NotFoundError, UsageError
from jeudis.former_ids import adopt
from jeudis.interview import Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from jeudis.questionnaire import Questionnaire
from jeudis.selection import Span
from jeudis.session import context_for, interview_context

if TYPE_CHECKING:
    from jeudis.listing import Summary

FORMATS = ("md", "html")


@dataclass(frozen=True)
class Entry:
    guest: str
    slug: str
    date: dt.date
    asked: str  # the question as this guest read it
    value: Any
    text: str  # the answer as Markdown
    href: str = ""
    # Asked in other words than the roundup's question: reworded by the host for this
    # guest, or by a version of the questionnaire since (the post shows what was asked).
    reworded: bool = False
    language: str = "fr"  # the questionnaire's: "9,200" is 9200 in English, 9.2 in French
    # The interview's, as its post is written in: what the guest read and wrote, which
    # may be another ("en", an English guest's interview in a French series).
    said_in: str = ""

    @property
    def number(self) -> float | None:
        """The answer as a number: a number, or a text holding one number and words."""
        if isinstance(self.value, int | float) and not isinstance(self.value, bool):
            return float(self.value)
        if isinstance(self.value, str):
            group = wording.number_signs(self.language)[1]
            found = _NUMBERS.get(group, _NUMBER).findall(self.value)
            if len(found) == 1 and not _a_month_before(self.value, found[0]):
                try:
                    return float(parse_number(found[0], self.language))
                except InvalidAnswer:  # hundreds of digits: no number a chart can draw
                    return None
        return None


def _a_month_before(text: str, number: str) -> bool:
    """Whether ``number`` is a date's year (or day): "Juin 2010", "Depuis mars 2009",
    whose chart drew years as quantities, "2 010" beside "2 009"."""
    from jeudis.dates import month_named

    before = text[: text.find(number)].split()
    after = text[text.find(number) + len(number) :].split()
    near = [*before[-1:], *after[:1]]
    return any(month_named(word.strip(".,;:()")) for word in near)


# A number as people write one: "8 572" (grouped by spaces), "9200", "1,5"; in
# English, grouped by commas too: "9,200"; in German, Spanish, Italian..., by dots: "9.200".
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")
_NUMBERS = {
    ",": re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|" + _NUMBER.pattern),
    ".": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|" + _NUMBER.pattern),
}


@dataclass(frozen=True)
class Roundup:
    questionnaire: str
    series: str
    question_id: str
    question: str  # the question as the series asks it
    title: str
    language: str
    entries: list[Entry] = field(default_factory=list)
    waiting: list[Entry] = field(default_factory=list)  # dated after the roundup's day
    unread: list[str] = field(default_factory=list)  # interview files that do not read
    subtitle: str = ""  # under the title: how many answer, when the title is the question
    kind: str = ""  # the question's type ("choice", "multi", "long"...)
    choices: tuple[str, ...] = ()  # a choice's, in the questionnaire's order
    date: dt.date = field(default_factory=dt.date.today)  # the day it is published
    host: str = ""

    @property
    def numeric(self) -> bool:
        return bool(self.entries) and all(e.number is not None for e in self.entries)

    @property
    def heading(self) -> str:
        """The title and the subtitle on one line, where only one fits (a page's
        ``<title>``, a post's front matter): "Twitter ou Facebook ? – 3 invités répondent"."""
        return f"{self.title} – {self.subtitle}" if self.subtitle else self.title

    @property
    def slug(self) -> str:
        """The roundup's address in a site: its questionnaire's and its question's ids,
        which no rewording changes (a roundup made again is the same post)."""
        return storage.slugify(f"{self.questionnaire}-{self.question_id}")

    def marks(self, date_text: Callable[[dt.date], str] = dt.date.isoformat) -> list[str]:
        """What tells each entry's guest apart in the roundup's rows and headings: nothing
        ("") but where two entries bear the same name (a returning guest, a namesake),
        which read as one: then each interview's year, its date (as ``date_text`` writes
        it) where they share the year too, and its file's name where they share the day."""
        same: dict[str, list[Entry]] = {}
        for entry in self.entries:
            same.setdefault(_name_key(entry.guest), []).append(entry)
        marks = []
        for entry in self.entries:
            namesakes = same[_name_key(entry.guest)]
            if len(namesakes) == 1:
                marks.append("")
            elif len({e.date.year for e in namesakes}) == len(namesakes):
                marks.append(str(entry.date.year))
            elif len({e.date for e in namesakes}) == len(namesakes):
                marks.append(date_text(entry.date))
            else:
                marks.append(f"{date_text(entry.date)}, {entry.slug}")
        return marks

    def names(self, date_text: Callable[[dt.date], str] = dt.date.isoformat) -> list[str]:
        """Each entry's guest as the roundup names them: "Camille Petit", and "Camille
        Petit (2011)" where the name is another's too (:meth:`marks`)."""
        return [
            named(entry.guest, mark)
            for entry, mark in zip(self.entries, self.marks(date_text), strict=True)
        ]

    @property
    def tally(self) -> list[tuple[str, int]]:
        """How many guests picked each choice, in the questionnaire's order (a choice
        none picked too), then any other an answer holds (a choice dropped since); each
        answer of a yes/no question, as the posts word it ("Oui", "Non"); empty for a
        question of another type."""
        if self.kind == "yesno":
            words = {value: wording.yes_or_no_word(value, self.language) for value in (True, False)}
            choices = tuple(words.values())
            picks = [[words[e.value]] if isinstance(e.value, bool) else [] for e in self.entries]
        elif self.kind in ("choice", "multi"):
            choices = self.choices
            picks = [e.value if isinstance(e.value, list) else [e.value] for e in self.entries]
        else:
            return []
        counts = dict.fromkeys(choices, 0)
        for picked in picks:
            for choice in dict.fromkeys(p for p in picked if isinstance(p, str)):
                counts[choice] = counts.get(choice, 0) + 1
        return list(counts.items())


def named(name: str, mark: str) -> str:
    """A guest's name with what tells it apart (:meth:`Roundup.marks`) after it."""
    return f"{name} ({mark})" if mark else name


def _name_key(name: str) -> str:
    """A name as a reader tells it from another: "Camille  Petit" and "camille petit"
    read as one."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


# How many guests answer, under a roundup's title: one, and any other count, in each
# language a post is written in (English in any other).
ANSWERED = {
    "fr": ("{} invité répond", "{} invités répondent"),
    "en": ("{} guest answers", "{} guests answer"),
    "de": ("{} Gast antwortet", "{} Gäste antworten"),
    "es": ("{} invitado responde", "{} invitados responden"),
    "it": ("{} ospite risponde", "{} ospiti rispondono"),
    "nl": ("{} gast antwoordt", "{} gasten antwoorden"),
    "pt": ("{} convidado responde", "{} convidados respondem"),
}


def answered(count: int, language: str = "fr") -> str:
    """How many guests answer, as a roundup's title says it: "3 invités répondent"."""
    one, several = ANSWERED.get(wording.primary_language(language), ANSWERED["en"])
    # 0 takes the singular in French ("0 invité répond"), as in CLDR's plural rules.
    return (several if wording.plural(count, language).many else one).format(count)


def question_list(form: Questionnaire) -> str:
    """The questions by number and id, for a hint: "1. depuis-quand, 2. followers"."""
    return ", ".join(f"{n}. {q.id}" for n, q in enumerate(form.questions, 1)) or "none"


def collect(
    series: Series,
    form: Questionnaire,
    question_id: str,
    *,
    title: str | None = None,
    due: dt.date | None = None,
    span: Span | None = None,
) -> Roundup:
    """Every complete interview's answer to ``question_id``, oldest first.

    A question the questionnaire no longer has (a later version dropped it) is one
    still, when interviews of it answered it: headed by the wording they were asked.

    ``due``: a roundup to publish that day leaves out (into ``waiting``) the
    interviews dated after it, as ``export --all`` does: it would quote a guest
    before their interview is out, and link a page not there yet.

    ``span``: only the interviews dated within it, and of their answers the most recent
    it says (``compare -n 20``: the latest 20 guests, those ``due`` leaves out aside).
    The interviews are chosen by the listing's summaries, and only the chosen ones read:
    a series of thousands held every one in memory, 400 MB for 5,000.
    """
    # A page's link as export --all names it; an answer as the interview's post reads it.
    from jeudis.export.model import page_href
    from jeudis.export.values import clean, value_markdown

    question = form.named(question_id)  # or by an id it had (former_ids)
    if question is None and question_id.isdecimal() and 0 < int(question_id) <= len(form.questions):
        question = form.questions[int(question_id) - 1]  # its number, as `inspect` shows it
    span = span or Span()
    # Written in the language the series' posts of this questionnaire are (fr-CA's).
    series_language = str(series.settings.get("language") or "")
    language = wording.post_language(form.language, series_language)
    listed, unread = _listed(series, form)
    register = "vous" if "vous" in form.registers else form.default_register
    asked_before: dict[str, str] = {}  # a question dropped since: how it was asked
    if question is not None:
        question_id = question.id
        chosen = _read(
            [s for s in listed if s.status == "complete" and span.holds(s.date)], unread, form
        )
    else:  # worded as most of its interviews asked it, whatever the span
        interviews = list(_read(listed, unread, form))
        asked_before = _asked_before(interviews, question_id, register)
        if not asked_before:
            raise NotFoundError(
                f"{form.id} has no question {question_id!r}",
                hint=f"its questions: {question_list(form)}" + _dropped_list(form, interviews),
            )
        chosen = iter([(p, i) for p, i in interviews if span.holds(i.date)])
    # A question naming each guest's own (their name, a field, an answer) heads the
    # roundup with "…" in their place, each answer under the words it was asked in:
    # worded for no one, it read "Bonjour  ! Vous venez de publier «  »".
    personal = question is not None and _personal(question.templates(register)[0])
    base_url = str(series.settings.get("base_url") or "").rstrip("/")
    entries = []
    hosts: set[str] = set()  # who asked it: the heading names the host as they did
    kinds: set[str] = set()  # the types it was answered as (a version may have changed it)
    out_by_due = 0  # the entries not waiting: those ``span.limit`` counts
    for path, interview in chosen:  # the most recent first
        if span.limit and out_by_due == span.limit:
            break
        answer = interview.answer(question_id)
        if not interview.is_complete or answer is None or not answer.given or answer.followup:
            continue
        out_by_due += due is None or interview.date <= due
        href = page_href(path.stem)
        hosts.add(interview.host)
        kinds.add(answer.type)
        if question is not None:
            context = interview_context(form, interview)
            usual = question.asks(answer.question, interview.register, context)
        else:  # as the others asked in its form of address were
            usual = answer.question == asked_before.get(interview.register)
        entries.append(
            Entry(
                # No control character, as the interview's post (an escape sequence
                # typed into `new --guest` went into the page and the Markdown file).
                guest=clean(interview.guest),
                slug=path.stem,
                date=interview.date,
                asked=clean(answer.question),
                value=answer.value,
                text=value_markdown(answer, language),
                href=f"{base_url}/{href}" if base_url else href,
                reworded=answer.reworded or not usual or personal,
                language=language,
                # As its post says it (export.model.build_post).
                said_in=wording.post_language(
                    interview.language or series_language or "fr", series_language or "fr"
                ),
            )
        )
    entries.sort(key=lambda e: (e.date, e.slug))
    waiting = [e for e in entries if due is not None and e.date > due]
    entries = [e for e in entries if e not in waiting]
    host = str(series.settings.get("host") or "") or (hosts.pop() if len(hosts) == 1 else "")
    if question is not None:
        template = question.templates(register)[0]
        unknown = {(kind, ref): "…" for _, kind, ref in wording.references(template)}
        context = context_for(
            form,
            "…" if personal else "",
            host,
            None,
            answers={ref: text for (kind, ref), text in unknown.items() if kind == "answer"},
            fields={ref: text for (kind, ref), text in unknown.items() if kind == "field"},
        )
        asked = question.wording(register, context)
    else:
        asked = clean(asked_before[""])
    kind = question.type if question is not None else ""
    if kinds and kinds != {kind}:  # answered as another type (a version changed it)
        kind = kinds.pop() if len(kinds) == 1 else ""
    return Roundup(
        questionnaire=form.id,
        series=form.series,
        question_id=question_id,
        question=asked,
        title=title or asked,
        subtitle="" if title else answered(len(entries), language),
        language=language,
        entries=entries,
        waiting=waiting,
        unread=unread,
        kind=kind,
        choices=question.choices if question is not None else (),
        date=due or dt.date.today(),
        host=host,
    )


def _personal(template: str) -> bool:
    """Whether a wording names what is each guest's own: their name, a field, an answer."""
    return any(
        inner in ("guest", "first_name") or ":" in inner for inner in wording.placeholders(template)
    )


def _listed(series: Series, form: Questionnaire) -> tuple[list[Summary], list[str]]:
    """The summaries of the series' interviews of ``form``, the most recent first; and
    the problems of the files that do not read (left out, and said: their answer may be
    the one), or lead out of the series through a link (:mod:`jeudis.links`). A link to
    another of them (``latest.toml``) is that one, once."""
    from jeudis.links import interview_links

    mine = []
    unread = []
    out, aliases = interview_links(series.root, series.interviews_dir)
    for summary in listing.summaries(series):
        slug = Path(summary.path).stem
        if slug in out:
            unread.append(out[slug].message)
        elif slug in aliases or not summary.published:  # withdrawn: no roundup quotes it
            continue
        elif summary.status == "broken":
            unread.append(_problem(Path(summary.path)) or summary.problem)
        elif summary.questionnaire == form.id:
            mine.append(summary)
    return mine, unread


def _problem(path: Path) -> str | None:
    """What is wrong with the file at ``path``, as reading it says (naming it whole)."""
    try:
        load_interview(path)
    except JeudisError as problem:
        return problem.message
    return None


def _read(
    chosen: list[Summary], unread: list[str], form: Questionnaire
) -> Iterator[tuple[Path, Interview]]:
    """The interviews ``chosen`` names, with their files, each read as it is taken: those
    that do not read said in ``unread``. An answer under a question's former id is its
    answer (:func:`jeudis.former_ids.adopt`)."""
    for summary in chosen:
        path = Path(summary.path)
        try:
            interview = load_interview(path)
        except JeudisError as problem:
            unread.append(problem.message)
            continue
        adopt(form, interview)
        yield path, interview


def _asked_before(
    interviews: list[tuple[Path, Interview]], question_id: str, register: str
) -> dict[str, str]:
    """How interviews asked ``question_id``, a question their questionnaire no longer
    has: by form of address, the wording most of them were asked (the latest among as
    many; one the host reworded for a guest counts for none), and under "" the
    roundup's, in ``register`` when one was asked in it. Empty when no interview has
    an answer to it (a follow-up's id names no question)."""
    held = [
        (interview, answer)
        for _, interview in interviews
        if (answer := interview.answer(question_id)) is not None and not answer.followup
    ]
    if not held:
        return {}
    asked: dict[tuple[str, str], list[dt.date]] = {}
    for interview, answer in [pair for pair in held if not pair[1].reworded] or held:
        asked.setdefault((interview.register, answer.question), []).append(interview.date)

    def usual(keys: list[tuple[str, str]]) -> str:
        return max(keys, key=lambda key: (len(asked[key]), max(asked[key])))[1]

    by_register = {
        form_of_address: usual([key for key in asked if key[0] == form_of_address])
        for form_of_address in dict.fromkeys(key[0] for key in asked)
    }
    by_register[""] = by_register.get(register) or usual(list(asked))
    return by_register


def _dropped_list(form: Questionnaire, interviews: list[tuple[Path, Interview]]) -> str:
    """The questions interviews of ``form`` answered that it no longer has, for a hint."""
    held = dict.fromkeys(
        answer.id
        for _, interview in interviews
        for answer in interview.answers
        if not answer.followup and form.question(answer.id) is None
    )
    return f"; asked by an earlier version: {', '.join(held)}" if held else ""


# -- the post -----------------------------------------------------------------------------


_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def choose_format(
    given: str | None,
    output: Path | None,
    fragment: str | None = None,
    flavor: str | None = None,
    *,
    folder: bool = False,
) -> str | None:
    """``--format`` when given; else what ``--flavor`` or the ``-o`` file's suffix says,
    as ``export`` reads them.

    None (no file, or ``-o -``) is the side by side view in the terminal. A file
    of another suffix is refused rather than guessed: ``-o roundup.txt`` would
    otherwise print to the terminal and write nothing; so is a ``folder`` (the
    roundup named in it as its post), which says no format. ``fragment``: the
    option typed for one (``--fragment``, ``--wordpress``), which is HTML.
    ``flavor``: Markdown for a static site generator.
    """
    if flavor is not None:
        from jeudis.export.frontmatter import FLAVORS

        if flavor not in FLAVORS:
            raise UsageError(f"--flavor {flavor!r}: use " + ", ".join(FLAVORS))
        if fragment:
            raise UsageError(
                f"--flavor and {fragment}: one or the other",
                hint=f"--flavor writes a Markdown post for a static site generator,"
                f" {fragment} the HTML of a post to paste into WordPress",
            )
    if given or flavor or output is None or str(output) == "-":
        fmt = given or ("md" if flavor else "html" if fragment else None)
    elif folder:
        raise UsageError(
            f"{output}: which format? a folder's name says none",
            hint="pass --format md or --format html, or --flavor",
        )
    else:
        fmt = _SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise UsageError(
                f"{output}: which format? its name ends in neither .md nor .html",
                hint="pass --format md or --format html",
            )
    if fragment and fmt != "html":
        raise UsageError(f"{fragment} is for HTML", hint="use --format html")
    if flavor and fmt != "md":
        raise UsageError("--flavor is for Markdown posts", hint="use --format md")
    return fmt


def file_name(roundup: Roundup, fmt: str, flavor: str | None) -> str:
    """The roundup's file in a folder: named as its generator names a post (Jekyll's
    is dated), or as an interview's page for HTML."""
    if fmt == "html":
        return f"{roundup.slug}.html"
    from jeudis.export.frontmatter import flavor as flavor_for

    return flavor_for(flavor).file_name(roundup)


def fragment_note(series: Series) -> str | None:
    """What the host must know of a roundup pasted into a CMS: without the series'
    ``base_url``, its links to the interviews (``SLUG.html``) lead nowhere there."""
    if series.settings.get("base_url"):
        return None
    return (
        "warning: the roundup links each interview as SLUG.html, which a blog pasted into"
        " does not have: set base_url in jeudis.toml to link the published site"
    )
