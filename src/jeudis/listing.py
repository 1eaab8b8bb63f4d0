"""What `jeudis list` and the commands that pick an interview read of each: its summary,
cheap to cache.

The summaries are read straight from each file's header (the full reader only for one
that looks amiss), and kept in the series' cache folder, keyed by each file's size and
modification time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, replace
from dataclasses import fields as dataclasses_fields
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem, NotFoundError
from jeudis.files import interview_entries, read_text, time_stamp, write_atomic
from jeudis.interview import STATUSES, Interview
from jeudis.interview_reading import check_name, former_names, load_interview, looks_sound
from jeudis.paths import Series
from jeudis.storage import interview_files
from jeudis.tomlio import parse_toml

# 2: a summary says "broken" of answers no reader takes; 3: of no file with answers
# set aside, which an older jeudis took for broken; 4: of a header no reader takes (an
# id, a format, a style, a gender, the texts a pause kept); 5: when it was begun
# (created), which orders a day's interviews; 7: its former names (a guest renamed);
# 8: published (false: withdrawn)
CACHE_VERSION = 8
CACHE_FILE = "summaries.json"  # in the series' cache folder


@dataclass(frozen=True)
class Summary:
    """What ``jeudis list`` shows of an interview, cheap to cache."""

    slug: str
    path: str
    guest: str
    questionnaire: str
    title: str
    status: str
    date: str
    updated: str
    created: str  # in UTC: it orders the interviews of a day
    answered: int
    asked: int
    problem: str = ""
    # Its post's names before a rename (``former_slugs``): addresses no other interview takes.
    former_slugs: tuple[str, ...] = ()
    published: bool = True  # False: withdrawn (``edit --unpublish``), never exported

    @property
    def shown_status(self) -> str:
        """The status ``jeudis list`` shows (and ``--status`` picks): withdrawn, draft or
        not, else its own (draft, complete, broken; refused: a link leading out of the
        series folder, never read as its interview)."""
        return self.status if self.published else "withdrawn"

    @property
    def unread(self) -> bool:
        """Whether its file was not read as an interview: broken, or refused."""
        return self.status in ("broken", "refused")

    @property
    def exported(self) -> bool:
        """Whether ``export --all`` publishes it: complete, and not withdrawn."""
        return self.status == "complete" and self.published


def utc_text(moment: dt.datetime) -> str:
    """A moment as text that sorts as the moments do, whatever their offsets."""
    return moment.astimezone(dt.UTC).isoformat()


def summarize(interview: Interview, path: Path) -> Summary:
    return Summary(
        slug=path.stem,
        path=str(path),
        guest=interview.guest,
        questionnaire=interview.questionnaire,
        title=interview.title,
        status=interview.status,
        date=interview.date.isoformat(),
        updated=interview.updated.isoformat(),
        created=utc_text(interview.created),
        answered=sum(1 for a in interview.answers if a.given),
        asked=len(interview.answers),
        former_slugs=tuple(interview.former_slugs),
        published=interview.published,
    )


def _quick_summary(path: Path) -> Summary | None:
    """A summary read straight from the parsed TOML, without building every answer.

    Listing needs a few header keys and two counts; checking each answer's keys
    and types is ``jeudis check``'s job (and ``show``'s). Anything unexpected here
    returns None, and the full reader says what is wrong.
    """
    data = parse_toml(read_text(path), path, fast=True)
    head: dict[str, Any] = {
        key: data.get(key) for key in ("guest", "questionnaire", "title", "status")
    }
    date, updated = data.get("date"), data.get("updated", data.get("created"))
    created = data.get("created", updated)
    answers = data.get("answers", [])
    former = data.get("former_slugs", [])
    if (
        not all(isinstance(value, str) for value in head.values())
        or head["status"] not in STATUSES
        or not isinstance(date, dt.date)
        or not isinstance(updated, dt.datetime)
        or not isinstance(created, dt.datetime)
        or not looks_sound(data)  # the full reader says what is wrong
    ):
        return None
    if isinstance(date, dt.datetime):
        date = date.date()
    return Summary(
        slug=path.stem,
        path=str(path),
        guest=str(head["guest"]),
        questionnaire=str(head["questionnaire"]),
        title=str(head["title"]),
        status=str(head["status"]),
        date=date.isoformat(),
        updated=updated.isoformat(),
        created=utc_text(created),
        answered=sum(
            1 for a in answers if not a.get("skipped") and a.get("answer") not in (None, "", [])
        ),
        asked=len(answers),
        former_slugs=tuple(former),
        published=data.get("published", True),  # a boolean: looks_sound saw to it
    )


def summaries(series: Series) -> list[Summary]:
    """Summaries of every interview, newest first, read through a cache.

    Parsing a thousand long interviews takes over a second; the cache (kept in
    the series folder, keyed by each file's size and modification time) brings
    a listing back to a directory scan.
    """
    cache_dir = series.cache_dir()
    cache = _read_cache(cache_dir / CACHE_FILE) if cache_dir else {}
    fresh: dict[str, Any] = {}
    result: list[Summary] = []
    folder = series.interviews_dir
    for item in interview_entries(folder):
        path = folder / item.name
        if item.is_symlink() and (refused := _refused(series, path)):  # never cached
            result.append(refused)
            continue
        try:
            stat = item.stat()
        except OSError:  # a link that leads nowhere: listed broken, never cached
            result.append(summary_of(path))
            continue
        key = _key(stat)
        summary = _cached(cache.get(item.name), key, path) or summary_of(path)
        fresh[item.name] = {"key": key, "summary": dict(vars(summary))}
        result.append(summary)
    if fresh != cache and (cache_dir := series.cache_dir(make=True)):
        _write_cache(cache_dir / CACHE_FILE, fresh)
    # Newest first; a day's interviews as they were begun, whatever was edited since.
    result.sort(key=lambda s: (s.date, s.created, s.slug), reverse=True)
    return result


def _key(stat: os.stat_result) -> str:
    """A file's key in the cache: with what no copy keeps (inode, change time), for a
    cache that came with a series (a zip) said what the files do not, and named files
    outside it as theirs; one written just now, never the same twice (see
    :func:`~jeudis.files.time_stamp`)."""
    return f"{time_stamp(stat)}:{stat.st_ino}:{stat.st_ctime_ns}"


def _cached(entry: Any, key: str, path: Path) -> Summary | None:
    """The cached summary of the file at ``path`` when it is for the file as it is now,
    of its shape, and names that very file; else None.

    A cache edited or damaged by hand is read as no cache: it costs time, never a listing.
    """
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    try:
        summary = Summary(**entry["summary"])
    except (KeyError, TypeError):
        return None
    if not former_names(summary.former_slugs):  # a list in JSON
        return None
    summary = replace(summary, former_slugs=tuple(summary.former_slugs))
    kinds = {"int": int, "str": str, "bool": bool, "tuple[str, ...]": tuple}
    shaped = all(
        type(getattr(summary, f.name)) is kinds[str(f.type)] for f in dataclasses_fields(Summary)
    )
    named = summary.path == str(path) and summary.slug == path.stem
    return summary if shaped and named else None


def summary_in(series: Series, path: Path) -> Summary:
    """:func:`summary_of` an interview file of ``series``: one that leads out of the
    series folder through a link is refused, unread (:func:`_refused`)."""
    return _refused(series, path) or summary_of(path)


def _refused(series: Series, path: Path) -> Summary | None:
    """The summary of an interview file that is a link leading out of the series folder
    (:mod:`jeudis.links`): status "refused", its guest and answers unread, for they are
    another series' or the host's own file's, never this series' interview. None for
    any other file."""
    from jeudis.links import READ, out_problem

    problem = out_problem(series.root, path, READ)
    return None if problem is None else _unread(path, problem, "refused")


def summary_of(path: Path) -> Summary:
    try:
        check_name(path)  # a page and links are made of it: a broken interview
        return _quick_summary(path) or summarize(load_interview(path), path)
    except FileProblem as exc:
        return _unread(path, exc, "broken")


def _unread(path: Path, problem: FileProblem, status: str) -> Summary:
    """The summary of a file whose interview is not read: ``status`` and ``problem``."""
    return Summary(
        slug=path.stem,
        path=str(path),
        guest="?",
        questionnaire="?",
        title="",
        status=status,
        date="",
        updated="",
        created="",
        answered=0,
        asked=0,
        # Said of the file's name: the listing names its folder already.
        problem=problem.message.replace(str(path), path.name, 1),
    )


def _read_cache(path: Path) -> dict[str, Any]:
    try:
        import json

        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _write_cache(path: Path, entries: dict[str, Any]) -> None:
    # A cache is a convenience: a read-only series folder must still list.
    with contextlib.suppress(OSError, FileProblem):
        import json

        data = json.dumps({"version": CACHE_VERSION, "entries": entries})
        write_atomic(path, data, follow_links=False)


def latest(series: Series) -> Path:
    return Path(by_recency(series)[0].path)


def by_recency(series: Series) -> list[Summary]:
    """The interviews' summaries, the most recently changed first; an error when there
    are none."""
    files = interview_files(series)
    if not files:
        raise NotFoundError(
            f"no interviews in {series.interviews_dir}",
            hint="start one with `jeudis new QUESTIONNAIRE --guest NAME`",
        )
    return sorted(summaries(series), key=lambda s: s.updated, reverse=True)


def former_addresses(series: Series, but: str = "") -> dict[str, Summary]:
    """Each name an interview's post had before its guest was renamed (lowercase: a file
    system that ignores case takes one for the other), with that interview's summary.

    Its site leads the old address to it (a page, Hugo's and Zola's aliases): a new
    interview given the name would take over every old link, share and search result.
    ``but``: the slug of an interview whose own are left out (renamed back to a former
    name, it takes it again).

    Read from the listing's cache alone when it holds every file as it is now (a
    ``jeudis new`` among thousands of interviews builds no summary but of those renamed);
    else through :func:`summaries`, which brings the cache up to date.
    """
    cache_dir = series.cache_dir()
    cache = _read_cache(cache_dir / CACHE_FILE) if cache_dir else {}
    folder = series.interviews_dir
    rows: list[Summary] = []
    for item in interview_entries(folder):
        entry: Any = cache.get(item.name)
        try:
            key = _key(item.stat())
        except OSError:  # a link that leads nowhere: no former name
            continue
        fresh = isinstance(entry, dict) and entry.get("key") == key
        cached = entry.get("summary") if fresh else None
        if not isinstance(cached, dict):
            rows = summaries(series)
            break
        if cached.get("former_slugs"):
            summary = _cached(entry, key, folder / item.name)
            if summary is None:
                rows = summaries(series)
                break
            rows.append(summary)
    found: dict[str, Summary] = {}
    for summary in rows:
        # A link to an interview (``latest.toml``) is that one, whose names they are.
        if summary.slug != but and not Path(summary.path).is_symlink():
            for name in summary.former_slugs:
                found.setdefault(name.lower(), summary)
    return found
