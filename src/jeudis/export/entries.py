"""The interviews a site export lists: each as the manifest recorded it while its
file is unchanged, else as its file's head says (the rest of the file is read only
to render it); newest first, and each one's older and newer neighbour.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem, FileProblems
from jeudis.export.manifest import content_hash, interview_stamps
from jeudis.files import SLUG_SHAPED, copy_named
from jeudis.paths import Series


@dataclass
class Entry:
    folder: Path
    slug: str  # the file is folder/SLUG.toml
    stamp: str
    questionnaire: str
    date: dt.date
    updated: str
    created: str  # in UTC (listing.utc_text)
    draft: bool
    guest: str
    title: str
    former: tuple[str, ...] = ()  # its post's names before a rename (its own left out)
    published: bool = True  # False: withdrawn, never exported

    @property
    def path(self) -> Path:
        # Made when a file is read, not for each of a thousand unchanged entries.
        return self.folder / f"{self.slug}.toml"


def entries_to_export(
    series: Series,
    drafts: bool,
    old: dict[str, Any],
    left_out: list[str] | None = None,
    copies: list[tuple[str, str]] | None = None,
    restamped: dict[str, str] | None = None,
    withdrawn: list[str] | None = None,
) -> list[Entry]:
    """Every interview to export, from the manifest when its file has not changed.

    ``left_out``: gets the slugs of the drafts left out (``drafts`` false); ``copies``:
    the files left out as a sync tool's or a file manager's copy of another (see
    :func:`copy_of`), or as a link to another (:func:`jeudis.links.alias_of`), each
    with the one it copies; ``restamped``: the interviews whose file's size or time
    changed, its bytes not (a ``git checkout``, a backup restored, a sync tool writing
    every file again), each with its stamp now, for the manifest; ``withdrawn``: the
    interviews withdrawn (``published = false``), left out, drafts or not. An interview that
    leads out of the series folder through a link (:mod:`jeudis.links`) stops the
    export, before anything is written.
    """
    from jeudis.links import interview_links

    entries = []
    known = old.get("entries", {})
    folder = series.interviews_dir
    stamps = interview_stamps(folder)
    slugs = {slug for slug, _ in stamps}
    out, aliases = interview_links(series.root, folder)
    refused: list[FileProblem] = []
    for slug, stamp in stamps:
        if (original := aliases.get(slug) or copy_of(folder, slug, slugs)) is not None:
            if copies is not None:
                copies.append((slug, original))
            continue
        cached = known.get(slug)
        entry = _recorded(folder, slug, stamp, cached, restamped) if cached else None
        if entry is None:
            entry = _read(folder, slug, stamp)
        if not entry.published:
            if withdrawn is not None:
                withdrawn.append(slug)
            continue
        if entry.draft and not drafts:
            if left_out is not None:
                left_out.append(slug)
            continue
        if slug in out:
            refused.append(out[slug])
        entries.append(entry)
    if refused:
        raise refused[0] if len(refused) == 1 else FileProblems(refused)
    # Newest first; a stable order for interviews of the same day.
    entries.sort(key=lambda e: (e.date, e.created, e.slug), reverse=True)
    return entries


def copy_of(folder: Path, name: str, names: set[str]) -> str | None:
    """The interview the file ``name`` is a copy of, made by a sync tool or a file manager
    (Dropbox's "claire-fontaine (Ann's conflicted copy 2024-03-01).toml"): named after
    it (:func:`jeudis.files.copy_named`) and recording its slug. Published, it would be
    a second post of the same interview, at that name; None for any other file.

    Only a name jeudis never gives is read, so a series of its own names reads nothing.
    """
    if SLUG_SHAPED.fullmatch(name):
        return None
    from jeudis.errors import JeudisError
    from jeudis.export import loading

    try:
        recorded = loading.head(folder / f"{name}.toml").get("slug")
    except (JeudisError, OSError):  # said when the file is read
        return None
    if isinstance(recorded, str) and recorded in names and copy_named(name, recorded):
        return recorded
    return None


def _recorded(
    folder: Path,
    slug: str,
    stamp: str,
    meta: dict[str, Any],
    restamped: dict[str, str] | None = None,
) -> Entry | None:
    """An interview as the manifest recorded it, if its file is as it was then: of the
    same stamp, or, its stamp changed, of the same bytes (then put into ``restamped``)."""
    same = meta.get("stamp") == stamp
    if not same:
        recorded = meta.get("hash")
        if restamped is None or not recorded or stamp == "unreadable":
            return None
        if content_hash(folder / f"{slug}.toml") != recorded:
            return None
    try:
        entry = Entry(
            folder=folder,
            slug=slug,
            stamp=stamp,
            questionnaire=meta["questionnaire"],
            date=dt.date.fromisoformat(meta["date"]),
            updated=meta["updated"],
            created=meta["created"],
            draft=meta["draft"],
            guest=meta["guest"],
            title=meta["title"],
            former=tuple(meta["former"]),
            published=meta["published"],
        )
    except KeyError:  # an entry of an older export, or edited by hand: the file says
        return None
    if not same and restamped is not None:
        restamped[slug] = stamp
    return entry


def _read(folder: Path, slug: str, stamp: str) -> Entry:
    """An interview as its file's head says."""
    from jeudis.export import loading

    path = folder / f"{slug}.toml"
    head = loading.head(path)
    return Entry(
        folder=folder,
        slug=slug,
        stamp=stamp,
        questionnaire=head["questionnaire"],
        date=head["date"],
        updated=str(head.get("updated", "")),
        created=_created(head),
        draft=head.get("status") != "complete",
        guest=head["guest"],
        title=head["title"],
        former=tuple(name for name in _former(head) if name != slug),
        published=head.get("published", True),
    )


def _former(head: dict[str, Any]) -> list[str]:
    """The head's ``former_slugs`` (none when they do not read: the reader says why,
    when the post is rendered)."""
    from jeudis.interview_reading import former_names

    former = head.get("former_slugs", [])
    return list(former) if former_names(former) else []


def _created(head: dict[str, Any]) -> str:
    from jeudis.listing import utc_text

    created = head.get("created", head.get("updated"))
    return utc_text(created) if isinstance(created, dt.datetime) else ""


def neighbours_as_named(
    nav: list[str | None], known: dict[str, Any], by_slug: dict[str, Entry]
) -> bool:
    """Whether a post's neighbours (``nav``) still have the guest and title its links show.

    ``known`` holds each as its page was last rendered, in the same export as the
    post's links: a neighbour renamed since has a new stamp, so a fresh head.
    """
    for slug in nav:
        if slug is None:
            continue
        was, now = known.get(slug, {}), by_slug[slug]
        if was.get("guest") != now.guest or was.get("title") != now.title:
            return False
    return True


def neighbours(entries: list[Entry]) -> dict[str, tuple[str | None, str | None]]:
    """Previous (older) and next (newer) interview of the same questionnaire."""
    by_q: dict[str, list[Entry]] = {}
    for entry in entries:
        by_q.setdefault(entry.questionnaire, []).append(entry)
    links: dict[str, tuple[str | None, str | None]] = {}
    for group in by_q.values():
        for index, entry in enumerate(group):
            newer = group[index - 1].slug if index > 0 else None
            older = group[index + 1].slug if index + 1 < len(group) else None
            links[entry.slug] = (older, newer)
    return links


@dataclass(frozen=True)
class Clash:
    """A post's former name (``name``, of the post ``post``) another interview has now:
    its own address (``live``), or its former one too."""

    name: str
    post: str
    holder: str
    live: bool


def former_leads(entries: list[Entry]) -> tuple[dict[str, str], list[Clash]]:
    """Which post each former name leads to (the name lowercase: the slug of the post),
    and the names no post is led from: another interview's address now (its page is
    there, and its post's in a generator's site), or another's former name too (the
    newest interview's leads, ``entries`` being newest first)."""
    live = {entry.slug.lower(): entry.slug for entry in entries}
    leads: dict[str, str] = {}
    clashes: list[Clash] = []
    for entry in entries:
        for name in entry.former:
            key = name.lower()
            if live.get(key, entry.slug) != entry.slug:
                clashes.append(Clash(name, entry.slug, live[key], live=True))
            elif leads.setdefault(key, entry.slug) != entry.slug:
                clashes.append(Clash(name, entry.slug, leads[key], live=False))
    return leads, clashes
