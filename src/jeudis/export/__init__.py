"""Publishing: interviews to Markdown posts, HTML pages, WordPress imports, a site.

The CLI (``jeudis export``) calls :func:`export_text` for one or a few
interviews and :func:`jeudis.export.site.export_site` for ``--all``. Jinja2 and
the Markdown renderer are imported here, never when the CLI starts; and the
modules that render are imported by the functions that render, so that
``export --all`` on an up-to-date site imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from jeudis.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from jeudis import listing
    from jeudis.export.model import Link, Post
    from jeudis.export.render import SiteInfo
    from jeudis.export.site import Progress
    from jeudis.export.wpknown import Imported
    from jeudis.interview import Interview
    from jeudis.paths import Series

FORMATS = ("md", "html", "wxr")


@dataclass(frozen=True)
class Options:
    fmt: str = "html"
    flavor: str | None = None
    fragment: bool = False
    wordpress: bool = False
    include_drafts: bool = False

    def check(self) -> None:
        if self.fmt not in FORMATS:
            raise UsageError(f"--format {self.fmt!r}: use " + ", ".join(FORMATS))
        if self.flavor is not None and (self.fragment or self.wordpress):
            # Each alone sent to the other's format: a hint for one, an error for the other.
            raise UsageError(
                f"--flavor and {self.fragment_option}: one or the other",
                hint=f"--flavor writes a Markdown post for a static site generator,"
                f" {self.fragment_option} the HTML of a post to paste into WordPress",
            )
        if self.flavor is not None:
            from jeudis.export.frontmatter import FLAVORS

            if self.flavor not in FLAVORS:
                raise UsageError(f"--flavor {self.flavor!r}: use " + ", ".join(FLAVORS))
            if self.fmt != "md":
                raise UsageError("--flavor is for Markdown posts", hint="add --format md")
        if (self.fragment or self.wordpress) and self.fmt != "html":
            raise UsageError(f"{self.fragment_option} is for HTML", hint="use --format html")

    @property
    def fragment_option(self) -> str:
        """The option the user typed for a fragment: --wordpress implies --fragment, and a
        message about it must name what was typed."""
        return "--wordpress" if self.wordpress else "--fragment"


SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xml": "wxr"}


def choose_format(given: str | None, flavor: str | None, output: str | None) -> str:
    """``--format`` when given; else what ``--flavor`` or the ``-o`` file's suffix says.

    ``jeudis export gilles-klein -o gilles-klein.md`` writes Markdown and
    ``--flavor hugo`` implies Markdown, as a person would expect; HTML otherwise.
    """
    if given:
        return given.lower()
    if flavor:
        return "md"
    if output and output != "-":
        return SUFFIXES.get(Path(output).suffix.lower(), "html")
    return "html"


def interview_paths(series: Series, refs: list[str], include_drafts: bool) -> list[Path]:
    """The files to export: the ones named, else the most recent interview."""
    from jeudis import listing, storage
    from jeudis.links import alias_of

    if refs:
        paths = [storage.resolve(series, ref) for ref in refs]
    else:
        # One withdrawn is never exported: the most recent of the others.
        rows = [row for row in listing.by_recency(series) if row.published]
        if not rows:
            raise UsageError(
                "every interview of the series is withdrawn",
                hint="`jeudis edit INTERVIEW --publish` publishes one again",
            )
        if rows[0].status == "draft" and not include_drafts:
            _refuse_a_draft(rows)
        paths = [Path(rows[0].path)]
    # A link to another interview of the series (latest.toml) is that one's post.
    return [path.with_name(f"{alias_of(path) or path.stem}.toml") for path in paths]


def _refuse_a_draft(rows: list[listing.Summary]) -> NoReturn:
    """A host in the middle of an interview types ``jeudis export`` for the last one
    they finished: the refusal names it, so that it is one command away."""
    draft = rows[0]
    done = next((row.slug for row in rows if row.status == "complete"), None)
    ways = (
        f", pass --include-drafts, or export the last one finished: `jeudis export {done}`"
        if done
        else ", or pass --include-drafts"
    )
    raise UsageError(
        f"{draft.slug}, the most recent interview, is a draft ({_answers(draft.answered)})",
        hint=f"finish it with `jeudis resume {draft.slug}`{ways}",
    )


def posts_for(
    series: Series, paths: list[Path], include_drafts: bool, notes: list[str] | None = None
) -> list[Post]:
    from jeudis.export.model import build_post
    from jeudis.export.render import SiteInfo
    from jeudis.export.site import index_files
    from jeudis.interview_reading import load_interview
    from jeudis.links import PUBLISHED, refuse_out

    site = SiteInfo.from_settings(series.root, series.settings)
    # Linked as they are in the site export --all writes: previous, next, and index.
    rows = _exported(series, include_drafts, named={path.stem for path in paths})
    neighbours = _neighbours(rows)
    site.indexes = index_files(row.questionnaire for row in rows)
    posts = []
    for path in paths:
        refuse_out(series.root, path, PUBLISHED)
        interview = load_interview(path)
        if not interview.published:
            raise UsageError(
                f"{path.stem} is withdrawn: it is never exported",
                hint=f"`jeudis edit {path.stem} --publish` publishes it again",
            )
        if not interview.is_complete and not include_drafts:
            raise UsageError(
                f"{path.stem} is a draft ({_answers(sum(1 for _ in interview.given_answers()))})",
                hint=f"finish it with `jeudis resume {path.stem}`, or pass --include-drafts",
            )
        post = build_post(interview, series.settings)
        left_out = post.keep_photo_in(series.root) or post.note
        if left_out and notes is not None:
            notes.append(left_out)
        if notes is not None and interview.is_complete:
            notes += _gaps(series, interview, path.stem)
        site.place(post)
        older, newer = neighbours.get(path.stem, (None, None))
        post.prev, post.next = _link(older, post.typography), _link(newer, post.typography)
        if site.base_url:
            # A page alone, wherever it is written, links the site's pages where they are.
            post.index_href = site.url(post.index_href)
            for link in (post.prev, post.next):
                if link is not None:
                    link.href = site.url(link.href)
        posts.append(post)
    return posts


def _gaps(series: Series, interview: Interview, slug: str) -> list[str]:
    """What ``jeudis check`` finds wrong with a complete interview's answers (an edited
    file's), for the host; nothing when its questionnaire is not at hand."""
    from jeudis.conditions import gaps
    from jeudis.errors import JeudisError
    from jeudis.former_ids import adopt
    from jeudis.questionnaire import find_questionnaire

    try:
        form = find_questionnaire(series, interview.questionnaire, made_in=interview.language)
    except JeudisError:
        return []
    adopt(form, interview)  # its post is made already, of the file as it is
    missing, not_asked = gaps(form, interview)
    said = [f"complete, but required answers are missing: {', '.join(missing)}"] if missing else []
    if not_asked:
        said.append(
            "published, though its questionnaire's conditions leave them out: "
            + ", ".join(not_asked)
        )
    return [f"warning: {slug}: {line} (`jeudis check`)" for line in said]


def _answers(count: int) -> str:
    return f"{count} answer" + ("" if count == 1 else "s")


def _exported(
    series: Series, include_drafts: bool, named: Collection[str] = ()
) -> list[listing.Summary]:
    """The interviews a site of the series holds, newest first.

    Not those dated after today, which ``export --all`` leaves out until their day
    (a page must not link one that is not there), but for the ones ``named``.
    """
    import datetime as dt

    from jeudis import listing
    from jeudis.links import interview_links

    today = dt.date.today().isoformat()
    out, aliases = interview_links(series.root, series.interviews_dir)  # no page of their own
    return [
        s
        for s in listing.summaries(series)
        if (s.status == "complete" or (include_drafts and s.status == "draft"))
        and s.published
        and (s.date <= today or s.slug in named)
        and s.slug not in out
        and s.slug not in aliases
    ]


def _neighbours(
    rows: list[listing.Summary],
) -> dict[str, tuple[listing.Summary | None, listing.Summary | None]]:
    result: dict[str, tuple[listing.Summary | None, listing.Summary | None]] = {}
    by_q: dict[str, list[listing.Summary]] = {}
    for row in rows:  # newest first
        by_q.setdefault(row.questionnaire, []).append(row)
    for group in by_q.values():
        for index, row in enumerate(group):
            newer = group[index - 1] if index > 0 else None
            older = group[index + 1] if index + 1 < len(group) else None
            result[row.slug] = (older, newer)
    return result


def _link(row: listing.Summary | None, variant: str) -> Link | None:
    from jeudis.export.model import link_to

    return None if row is None else link_to(row.slug, row.title, row.guest, variant)


def export_text(
    series: Series,
    refs: list[str],
    options: Options,
    notes: list[str] | None = None,
    destination: Path | None = None,
    imported: Imported | None = None,
) -> str:
    """One or several interviews rendered as one text (a page, a post, a WXR file).

    ``notes`` receives what the host should know for the post to show whole (where a
    Markdown post's photo goes in the generator's site, or went: ``destination``,
    the file the text is for, inside the site), and of a WordPress file, each post
    WordPress's importer would take for a new one (``imported`` takes the posts'
    titles and dates, to be saved once the file is written).
    """
    from jeudis.export.render import SiteInfo, leave_out_unreachable_photos, wxr

    options.check()
    paths = interview_paths(series, refs, options.include_drafts)
    posts = posts_for(series, paths, options.include_drafts, notes)
    site = SiteInfo.from_settings(series.root, series.settings)
    if options.fmt == "md" and destination is not None and notes is not None:
        notes += address_notes(series, options.flavor, destination)
    if options.fmt == "wxr":
        left_out = leave_out_unreachable_photos(posts, site)
        text = wxr(posts, site)
        if notes is not None:
            notes.extend(left_out)
            notes.extend(_retitled(series, posts, imported, text, destination))
        return text
    if len(posts) > 1:
        raise UsageError(
            "several interviews make several files",
            hint="give -o FOLDER, use --all, or --format wxr for one WordPress file",
        )
    return render_one(posts[0], site, options, notes, series, destination)


def _retitled(
    series: Series, posts: list[Post], imported: Imported | None, text: str, file: Path | None
) -> list[str]:
    """What WordPress's importer would take for new posts, of ``posts`` in the WordPress
    file ``text`` (into ``file``, or a stream): those the last one gave another title or
    date, as each file writes them. ``imported`` takes them."""
    from jeudis.export.wpknown import Imported, written_posts

    given = written_posts(text, {post.id: post.slug for post in posts})
    return (imported or Imported(series)).see(given, file)


def render_one(
    post: Post,
    site: SiteInfo,
    options: Options,
    notes: list[str] | None = None,
    series: Series | None = None,
    destination: Path | None = None,
    siblings: frozenset[str] = frozenset(),
) -> str:
    """One post in its format, for the file ``destination`` (None: standard output),
    written with the files named ``siblings``, beside it.

    A Markdown post written into a generator's site, or a page written anywhere,
    gets its photo where it links it.
    """
    from jeudis.export.render import fragment, leave_out_unreachable_photos, markdown, page

    if options.fmt == "md":
        _link_photo(post, options.flavor, notes, series, destination)
        return markdown(post, site, options.flavor)
    if options.fragment or options.wordpress:
        left_out = leave_out_unreachable_photos([post], site, "the fragment")
        if notes is not None:
            notes.extend(left_out)
        return fragment(post, site, wordpress=options.wordpress)
    if destination is not None and series is not None and post.local_photo:
        source, target = series.root / post.photo, destination.parent / post.photo
        if not (target.exists() and target.resolve() == source.resolve()):
            note = _copy_into_site(source, target)
            if notes is not None:
                notes.append(f"{post.slug}: {note}")
    if destination is not None and not site.base_url:
        _unlinked(post, destination.parent, siblings)
    return page(post, site)


def _unlinked(post: Post, folder: Path, siblings: frozenset[str]) -> None:
    """A page written alone, with no base_url to link the site's pages at: its links to
    the index and to the previous and next interviews are left out where ``folder``
    holds no such page, nor will (``siblings``, written with it). They led nowhere."""

    def there(href: str) -> bool:
        return href in siblings or (folder / href).is_file()

    if not there(post.index_href):
        post.index_href = ""
    if post.prev is not None and not there(post.prev.href):
        post.prev = None
    if post.next is not None and not there(post.next.href):
        post.next = None


# What shows a folder is the root of a generator's site (its configuration file).
SITE_MARKERS = {
    "hugo": ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml"),
    "jekyll": ("_config.yml", "_config.yaml"),
    "zola": ("config.toml",),
    "pelican": ("pelicanconf.py",),
    "mkdocs": ("mkdocs.yml", "mkdocs.yaml"),
}


def _link_photo(
    post: Post,
    flavor_name: str | None,
    notes: list[str] | None,
    series: Series | None = None,
    destination: Path | None = None,
) -> None:
    """A generator's post links its photo the generator's way, and the photo gets there.

    Written (``destination``) inside the generator's site, the post has its photo
    copied where the generator serves it; elsewhere, the host is told where it
    goes. (``export --all`` copies the photos itself.)
    """
    from jeudis.export.frontmatter import flavor as get_flavor

    if flavor_name is None or not post.local_photo:
        return
    spec = get_flavor(flavor_name)
    if notes is not None and (warning := spec.photo_warning(post.slug, post.photo)):
        notes.append(warning)
    stored = spec.photo_file(post.photo)
    root = _site_root(flavor_name, spec.folder, destination) if destination else None
    if root is not None and series is not None:
        note = _copy_into_site(series.root / post.photo, root / stored)
        if notes is not None:
            notes.append(f"{post.slug}: {note}")
    elif notes is not None:
        notes.append(
            f"{post.slug}: copy the photo {post.photo} to {stored} in your {spec.label} site"
        )


def address_notes(series: Series, flavor_name: str | None, post_file: Path) -> list[str]:
    """A warning when the generator's site a post is written into (``post_file``) is
    served under another path than base_url's: the photos the post links are not there."""
    from jeudis.export.frontmatter import flavor as get_flavor
    from jeudis.export.siteconfig import mismatch
    from jeudis.paths import SETTINGS_FILE

    if flavor_name is None:
        return []
    root = _site_root(flavor_name, get_flavor(flavor_name).folder, post_file)
    if root is None:
        return []
    base_url = str(series.settings.get("base_url") or "")
    said = mismatch(root, flavor_name, base_url, series.root / SETTINGS_FILE)
    return [said] if said else []


def _site_root(flavor_name: str, posts: str, destination: Path) -> Path | None:
    """The generator's site a post is written into: its configuration above, in its posts.

    ``posts`` is where the generator reads posts (``content/posts``): the file must
    be under its first folder (``content/``), so a stray configuration file in a
    folder above is not taken for a site.
    """
    path = destination.absolute()
    for folder in path.parents:
        if any((folder / name).is_file() for name in SITE_MARKERS.get(flavor_name, ())):
            return folder if path.is_relative_to(folder / posts.split("/")[0]) else None
    return None


def _copy_into_site(source: Path, target: Path) -> str:
    """Copy a photo of the series where a post links it; never over another file."""
    from jeudis.photos import copy_to

    if not source.is_file():
        return f"photo {source} not found: not copied"
    if not copy_to(source, target):
        return f"photo not copied: {target} is already there"
    return f"photo copied to {target}"


def export_file(
    series: Series,
    refs: list[str],
    options: Options,
    target: Path,
    notes: list[str] | None = None,
    *,
    overwrite: bool = False,
) -> None:
    """One text (:func:`export_text`) into the file ``target``, atomically.

    Never over a file that no export wrote, or one changed by hand since an
    export wrote it, unless ``overwrite`` (:mod:`jeudis.export.written`).
    """

    from jeudis.export.stopping import stopping
    from jeudis.export.wpknown import Imported

    imported = Imported(series) if options.fmt == "wxr" else None
    into: list[Path] = []  # the file, not a stream: what it gives WordPress is recorded

    def render(destination: Path | None) -> str:
        into.extend([destination] if destination else [])
        if imported is not None and destination:
            imported.replacing(destination)
        return export_text(series, refs, options, notes, destination, imported)

    # Killed (SIGTERM, the terminal closed) as it wrote, the file half made was left
    # beside the one it replaces: cleaned up as on Ctrl-C.
    with stopping(f"{_left(target)}; the same export run again writes it"):
        _write_recorded(series, target, render, overwrite=overwrite)
    if imported is not None and into:
        imported.save()


def _left(target: Path) -> str:
    """What an export into the file ``target`` stopped half-way leaves there."""
    from jeudis.files import is_stream

    if is_stream(target):
        return f"{target} has what was written before the stop"
    if target.exists():
        return f"{target.name} is as it was (the new one goes in place once whole)"
    return f"no {target.name} was written"


def export_series_wxr(
    series: Series,
    target: Path,
    *,
    include_drafts: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> list[str]:
    """The whole series as one WordPress file ``target`` (``export --all -o all.xml``).

    Checked and recorded as :func:`export_file` does, and written as it is made:
    ``target`` is replaced once the file is whole (stopped before, it is as it
    was). Returns the notes to show; ``progress`` is told of each post written.
    """
    from jeudis.export.site import series_wxr
    from jeudis.export.wpknown import Imported

    # The notes of the file made: those of the posts WordPress would take for new ones
    # come first, once it is written whole.
    notes: list[list[str]] = [[]]
    imported = Imported(series)
    into: list[Path] = []  # the file, not a stream: what it gives WordPress is recorded

    def render(destination: Path | None) -> Iterable[str]:
        into.extend([destination] if destination else [])
        if destination:
            imported.replacing(destination)
        pieces, notes[0] = series_wxr(
            series,
            include_drafts=include_drafts,
            progress=progress,
            imported=imported,
            into=destination,
        )
        return pieces

    from jeudis.export.stopping import FILE_LEFT, stopping

    with stopping(FILE_LEFT):  # a kill cleans up the file half made, as Ctrl-C does
        _write_recorded(series, target, render, overwrite=overwrite)
    if into:
        imported.save()
    return notes[0]


def _write_recorded(
    series: Series,
    target: Path,
    render: Callable[[Path | None], str | Iterable[str]],
    *,
    overwrite: bool,
) -> None:
    """``render``'s text into ``target`` atomically, never over a file jeudis did not write.

    ``render`` gets the file the text goes to, or None for a pipe or a device
    (-o /dev/stdout): a stream, as standard output is, with no folder to bring
    a photo into, nor a file to keep a record of. It may give the text in pieces,
    written as they come.
    """
    from jeudis.export.written import Stamped, Written
    from jeudis.files import is_stream, write_atomic

    series.refuse_output(target)
    stream = is_stream(target)
    record = Written(series, overwrite=overwrite)
    if not stream:
        record.check(target)
    text = Stamped(render(None if stream else target))
    write_atomic(target, text)
    if not stream:
        record.record_stamp(target, text.stamp)
        record.save()


def export_files(
    series: Series,
    refs: list[str],
    options: Options,
    folder: Path,
    notes: list[str] | None = None,
    *,
    overwrite: bool = False,
) -> list[Path]:
    """Several interviews, one file each, into ``folder`` (named with ``-o``).

    Every file is checked before any is written, as :func:`export_file` checks one.
    """
    from jeudis.export.frontmatter import flavor as get_flavor
    from jeudis.export.manifest import write_file
    from jeudis.export.render import SiteInfo
    from jeudis.export.written import Written

    options.check()
    series.refuse_output(folder)

    paths = interview_paths(series, refs, options.include_drafts)
    posts = posts_for(series, paths, options.include_drafts, notes)
    site = SiteInfo.from_settings(series.root, series.settings)
    names = [
        get_flavor(options.flavor).file_name(post) if options.fmt == "md" else f"{post.slug}.html"
        for post in posts
    ]
    if options.fmt == "md" and notes is not None:
        notes += address_notes(series, options.flavor, folder / names[0])
    record = Written(series, overwrite=overwrite)
    for name in names:
        series.refuse_output(folder / name)
        record.check(folder / name)
    from jeudis.export.stopping import SITE_LEFT, stopping

    written = []
    # Killed (SIGTERM, the terminal closed), a file half made is cleaned up as on Ctrl-C.
    with stopping(SITE_LEFT):
        try:
            for post, name in zip(posts, names, strict=True):
                text = render_one(
                    post, site, options, notes, series, folder / name, frozenset(names)
                )
                write_file(folder / name, text)
                record.record(folder / name, text)
                written.append(folder / name)
        finally:
            record.save()
    return written
