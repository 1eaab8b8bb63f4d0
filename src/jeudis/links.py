"""Files of a series folder that are symbolic links: which lead out of it, and which
name another interview of it.

A series received from someone else (a zip, a co-host's git repository: git stores
links) may hold ``interviews/claire.toml`` leading to
``../../other-series/interviews/x.toml`` or to ``/home/host/private/notes.toml``, and so
may its ``templates/``, its questionnaires or its ``jeudis.toml``. Read through the link,
that file was published as this series' own: another series' guest and answers as a
post of this one, a file of the host's in every page. As for a photo
(:func:`jeudis.photos.refusal`), what leads out of the series folder is never published
from it: ``export`` refuses an interview or a template that does, ``resume`` and
``edit`` write into no file of elsewhere, ``show`` refuses it, ``list`` lists it
refused, the commands that look through the interviews (``sheet``, ``import``,
``new``, ``compare``) read no guest nor answer of it and say so, and ``check``
names each such link. A link
within the series works as any file (``interviews/latest.toml`` leading to
``claire-fontaine.toml``), but is no second post of the interview it names.
"""

from __future__ import annotations

import os
from pathlib import Path

from jeudis.errors import FileProblem

OUT = "a link to a file out of the series folder"


def leads_out(root: Path, path: Path) -> Path | None:
    """Where ``path``, a file of the series folder ``root``, leads when it is a link
    out of the series folder (and out of the folder it is in); None for any other file,
    one that is not there or leads into a loop (reading it says so), or a path that is
    no file of the series (``jeudis check /elsewhere/q.toml``).

    A folder of the series that is itself a link (``interviews/`` kept in a synced
    folder, ``templates/`` shared by the host's series) is the host's own set-up: its
    files are the series', reached by the names jeudis gives them; a file that is a
    link may name any file at all.
    """
    try:
        if not path.is_symlink():
            return None
        inside = Path(os.path.normpath(root.absolute()))
        if not Path(os.path.normpath(path.absolute())).is_relative_to(inside):
            return None
        target = path.resolve(strict=True)
        homes = (root.resolve(), path.parent.resolve())
    except (OSError, RuntimeError):
        return None
    return None if any(target.is_relative_to(home) for home in homes) else target


def out_problem(root: Path, path: Path, refused: str) -> FileProblem | None:
    """The refusal of ``path`` when it leads out of the series folder (see
    :func:`leads_out`), saying where, and ``refused``: what jeudis does not do with it."""
    target = leads_out(root, path)
    if target is None:
        return None
    return FileProblem(
        path,
        f"{OUT} ({target}): {refused}",
        hint="if it is this series' own, replace the link by a copy of the file;"
        " else delete the link",
    )


def refuse_out(root: Path, path: Path, refused: str) -> None:
    """Stop at ``path`` when it leads out of the series folder (:func:`out_problem`)."""
    if problem := out_problem(root, path, refused):
        raise problem


def alias_of(path: Path) -> str | None:
    """The slug of the interview of the same folder that the file ``path`` is a link to
    (``interviews/latest.toml`` leading to ``claire-fontaine.toml``); None for any other
    file. Published, the link would be a second post of that interview, at its name."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
        folder = path.parent.resolve()
    except (OSError, RuntimeError):  # nothing there, a loop: reading it says so
        return None
    if target.parent != folder or target.suffix != ".toml" or target.name.startswith("."):
        return None
    return target.stem if target.name != path.name else None


def interview_links(root: Path, folder: Path) -> tuple[dict[str, FileProblem], dict[str, str]]:
    """The interview files of ``folder`` that lead out of the series folder ``root``, by
    slug with the refusal to export each; and those that are links to another of them,
    by slug with that one's. Only links cost a look: a scan of the folder's names."""
    from jeudis.files import interview_entries

    out: dict[str, FileProblem] = {}
    aliases: dict[str, str] = {}
    entries = interview_entries(folder)
    names = {entry.name for entry in entries}
    for entry in entries:
        if not entry.is_symlink():
            continue
        slug, path = entry.name.removesuffix(".toml"), folder / entry.name
        if problem := out_problem(root, path, PUBLISHED):
            out[slug] = problem
        elif (original := alias_of(path)) is not None and f"{original}.toml" in names:
            aliases[slug] = original
    return out, aliases


PUBLISHED = "never published as this series' post"
READ = "never read as this series' interview"
WRITTEN = "jeudis writes into no file of elsewhere"
TEMPLATE = "never used for this series' pages"
