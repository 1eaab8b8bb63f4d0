"""``jeudis check``: lint a series, every problem with its place.

Questionnaires, interviews, ``jeudis.toml`` and the series' own templates.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from jeudis.check_interviews import check_interview
from jeudis.check_versions import Drift, drift_finding
from jeudis.errors import FileProblem, JeudisError, unknown_key
from jeudis.files import read_text
from jeudis.findings import Finding, finding_of
from jeudis.links import PUBLISHED, alias_of, out_problem
from jeudis.listing import Summary, summaries
from jeudis.paths import (
    SETTINGS_FILE,
    Series,
    questionnaire_id,
    settings_problems,
)
from jeudis.questionnaire import (
    Questionnaire,
    check_questionnaire,
    series_language,
)
from jeudis.storage import site_names, unreserved, windows_refusal
from jeudis.tomlio import locate, parse_toml
from jeudis.wording import primary_language


def _kind(path: Path) -> str:
    """Tell an interview from a questionnaire by where it sits, then by its keys."""
    if path.parent.name == "interviews":
        return "interview"
    if path.parent.name == "questionnaires":
        return "questionnaire"
    if not path.is_file():  # a device would never end: the questionnaire check says so
        return "questionnaire"
    try:
        with path.open("rb") as file:
            head = file.read(4000).decode("utf-8-sig", errors="ignore")
    except OSError:
        return "questionnaire"
    return "interview" if "\nguest =" in "\n" + head or "[[answers]]" in head else "questionnaire"


def check_paths(series: Series, paths: list[Path]) -> list[Finding]:
    """Check the given files and folders, or the whole series when none is given."""
    files: list[Path] = []
    refused: list[Finding] = []  # the folders that could not be read, or are no folders
    given = bool(paths)
    if not paths:
        misplaced = series.misplaced()
        refused += [finding_of(p, "error" if fatal else "warning") for p, fatal in misplaced]
        wrong = {problem.path for problem, _ in misplaced}
        paths = [series.questionnaires_dir, series.interviews_dir]
        if series.templates_dir.is_dir():
            paths.append(series.templates_dir)
        # A series may run on the bundled questionnaires alone: no folder of its own is
        # none to check (it was checked as a file, "no such file", and check failed).
        paths = [
            path
            for path in paths
            if path not in wrong and (path != series.questionnaires_dir or os.path.lexists(path))
        ]
        if os.path.lexists(series.root / SETTINGS_FILE):  # a folder there is said too
            files.append(series.root / SETTINGS_FILE)
    templates = series.templates_dir.resolve()
    shown: Path | None = None  # the templates' folder, as the paths given name it
    only: set[str] | None = set()  # the templates named one by one (None: all of them)
    wholes: list[Path] = []  # series folders given: each checked whole
    for path in paths:
        if path.is_dir() and is_series_folder(path):
            wholes.append(path)
        elif path.is_dir() and path.resolve() == templates:
            shown, only = path, None
        elif path.exists() and path.resolve().is_relative_to(templates):
            # A template, or a folder of them: its folder's check, told of it alone.
            name = path.resolve().relative_to(templates)
            shown = shown or Path(*path.parts[: len(path.parts) - len(name.parts)])
            if only is not None:
                inside = [path, *path.rglob("*")] if path.is_dir() else [path]
                only.update(p.resolve().relative_to(templates).as_posix() for p in inside)
        elif path.is_dir():
            if refusal := _unreadable(path):  # glob finds nothing there, and says nothing
                refused.append(refusal)
                continue
            files.extend(sorted(p for p in path.glob("*.toml") if not p.name.startswith(".")))
        else:
            files.append(path)
    languages: set[tuple[str, str]] = set()  # each interview's questionnaire and language
    findings = refused + _check_files(series, files, languages)
    if not given:
        findings += _kept_texts(series) + _language_apart(series, languages)
    if shown is not None:  # a settings' mistake the templates' check says too is said once
        findings += [f for f in _check_templates(series, shown, only) if f not in findings]
    for folder in wholes:
        findings += check_paths(Series(folder.resolve()), [])
    return findings


def is_series_folder(path: Path) -> bool:
    """A series' folder, given to ``check`` (``jeudis check .`` in CI): its questionnaires,
    interviews, templates and settings are checked, as ``check`` there does. Its own
    ``*.toml`` were read as questionnaires (a data file among them), and its folders
    never: a series with errors passed, "All good"."""
    return (
        any((path / name).is_dir() for name in ("questionnaires", "interviews"))
        or (path / SETTINGS_FILE).is_file()
    )


def _kept_texts(series: Series) -> list[Finding]:
    """The texts a failed save kept in a file, until the host deletes them: told once,
    in an error's hint, they were easily left there, what they hold never saved."""
    from jeudis.unsaved import kept_files

    return [
        Finding(
            str(path),
            "kept from a save that failed: what it holds is in no interview",
            severity="warning",
            hint="copy what you need into the interview (jeudis edit), then delete the file",
        )
        for path in kept_files(series)
    ]


def _language_apart(series: Series, made: set[tuple[str, str]]) -> list[Finding]:
    """The series' language that none of its interviews (``made``: the questionnaire and
    language of each) is in, nor any of its own questionnaires they were made with (an
    English guest's in a French series; not one no interview was made with, as the
    one `init` wrote, put aside for another, which silenced it):
    the index, the feed and the words around the posts are in the series' language
    (French when jeudis.toml says none), each post in its interview's. A series `jeudis
    init` made French, its questionnaire rewritten in English, published English posts
    in a French site (lang="fr", "Flux Atom"), and check said "All good"."""
    ours = primary_language(series.language)
    interviews = {language for _, language in made}
    used = {questionnaire for questionnaire, _ in made}
    if not interviews or any(primary_language(other) == ours for other in interviews):
        return []
    settings = series.root / SETTINGS_FILE
    try:
        for path in sorted(series.questionnaires_dir.glob("*.toml")):
            form = parse_toml(read_text(path), path)
            if form.get("id", path.stem) not in used:
                continue
            said = form.get("language")
            if not isinstance(said, str) or primary_language(said) == ours:
                return []  # one in the series' language (saying none is so)
        text = read_text(settings) if os.path.lexists(settings) else ""
    except (OSError, JeudisError):  # said of the file, or of its folder, already
        return []
    theirs = sorted(interviews)
    line = locate(text, ["language"]) if text else None
    language = series.language
    where = f'language = "{language}"' if line else f"no language, so {language},"
    message = (
        f"{where} but the series' interviews are in {' and '.join(theirs)}: its index and"
        " feed are in the series' language, around posts in their interview's"
    )
    verb = "set" if text else "write"
    if len(theirs) == 1:
        hint = f'{verb} language = "{theirs[0]}" in {SETTINGS_FILE}'
    else:  # each named, not the first in the alphabet: the host knows which most are in
        choices = " or ".join(f'"{language}"' for language in theirs)
        hint = f"{verb} language in {SETTINGS_FILE} to that of most posts: {choices}"
    return [Finding(str(settings), message, line=line, severity="warning", hint=hint)]


def _unreadable(folder: Path) -> Finding | None:
    """A folder jeudis may not list, as a finding: "All good" would say its files were."""
    try:
        os.scandir(folder).close()
    except OSError as error:
        return Finding(str(folder), f"cannot be read ({error.strerror})")
    return None


def _check_files(
    series: Series, files: list[Path], languages: set[tuple[str, str]]
) -> list[Finding]:
    """Every problem of these files, in their order. The interviews an older version of
    their questionnaire made are said one group a version, where its first one is.
    ``languages`` is given the questionnaire and language of the interviews that read."""
    findings: list[Finding | list[Drift]] = []
    drifts: dict[tuple[str, str], list[Drift]] = {}
    # By id and interview's language; a str says why none reads.
    forms: dict[tuple[str, str], Questionnaire | str] = {}
    ids: dict[str, Path] = {}  # each interview's id, and the first file that has it
    reserved = site_names(series)
    checked = {file.resolve() for file in files if not file.is_symlink()}
    for file in files:
        kind = "settings" if file.name == SETTINGS_FILE else _kind(file)
        if out := _link_out(series, file, kind):
            findings.append(out)
            continue  # another series' file, or the host's: not this one's to check
        if kind == "interview" and alias_of(file) and file.resolve() in checked:
            continue  # the interview it links to, checked at its own name
        if kind == "settings":
            findings.extend(finding_of(p) for p in _check_settings(file))
            continue
        findings.extend(_windows_name(file, kind))
        if kind == "interview":
            findings.extend(_site_name(file, reserved))
        if kind == "questionnaire":
            errors, warnings = check_questionnaire(file, language=series_language(series))
            said = [finding_of(p) for p in errors] + [finding_of(p, "warning") for p in warnings]
            said += _shadowed(series, file)
            said.sort(key=lambda f: f.line or 0)
            findings.extend(said)
        else:
            found, drift, of_form = check_interview(series, file, forms, ids)
            findings.extend(f for f in of_form if f not in findings)
            if drift is not None:
                key = (drift.form.id, drift.version)
                if key not in drifts:
                    findings.append(drifts.setdefault(key, []))
                drifts[key].append(drift)
            findings.extend(found)
    languages.update(forms)
    interviews = [
        file for file in files if file.name != SETTINGS_FILE and _kind(file) == "interview"
    ]
    findings.extend(_former_addresses(series, interviews))
    return [f if isinstance(f, Finding) else drift_finding(f) for f in findings]


def _link_out(series: Series, path: Path, kind: str) -> Finding | None:
    """A file of the series that leads out of it through a link (:mod:`jeudis.links`): an
    interview so is an error, as export refuses it; a questionnaire or the settings read
    from elsewhere, a warning."""
    said = {
        "interview": (PUBLISHED, "error"),
        "questionnaire": ("read as this series' own", "warning"),
        "settings": ("read as this series' settings", "warning"),
    }
    refused, severity = said[kind]
    problem = out_problem(series.root, path, refused)
    return None if problem is None else finding_of(problem, severity)


def _former_addresses(series: Series, files: list[Path]) -> list[Finding]:
    """An interview named as another's former address (made before ``jeudis new`` kept
    them, or by hand), or two interviews leading the same former name: old links, shares
    and search results of the one land on the other's post. Said of the files checked,
    each with the other file of the series it clashes with."""
    if not files:
        return []
    checked = {os.path.realpath(file): file for file in files}  # a link in a loop too
    # Newest first; a link to an interview (latest.toml) is that one, published once.
    every = [r for r in summaries(series) if r.status != "broken" and not Path(r.path).is_symlink()]
    taken = frozenset(
        {row.slug.lower() for row in every}
        | {name.lower() for row in every for name in row.former_slugs}
    )
    # What export --all publishes: a draft or an interview withdrawn leads no address.
    rows = [row for row in every if row.exported]
    live = {row.slug.lower(): row for row in rows}
    leads: dict[str, str] = {}
    findings = []
    for row in rows:
        for name in row.former_slugs:
            holder = live.get(name.lower(), row)
            if holder is not row:
                said = (
                    f"named as {row.slug}.toml's former address ({row.guest}, renamed):"
                    f" `export --all` gives {holder.slug}.html, and a generator's"
                    f" /{holder.slug}/, to this post, and leads none of them to {row.slug}'s"
                    f" (no page there, no alias): old links to {row.guest}'s interview land here"
                )
                hint = (
                    f"before this post is published, rename {holder.slug}.toml"
                    f" ({unreserved(holder.slug, taken)}.toml,"
                    f" say); or give the address up: remove {name} from former_slugs in"
                    f" {row.slug}.toml"
                )
                findings += _said_of(checked, holder, said, hint)
            elif (first := leads.setdefault(name.lower(), row.slug)) != row.slug:
                said = (
                    f"former_slugs: {name} is {first}.toml's former address too:"
                    f" `export --all` leads it to {first}'s post (the newer) and not to this"
                    " one's: its old links land there"
                )
                hint = f"keep {name} in one interview's former_slugs only"
                findings += _said_of(checked, row, said, hint)
    return findings


def _said_of(checked: dict[str, Path], row: Summary, said: str, hint: str) -> list[Finding]:
    """A warning of the interview ``row``, when it is one of the files checked."""
    file = checked.get(os.path.realpath(row.path))
    if file is None:
        return []
    return [Finding(str(file), said, severity="warning", hint=hint)]


def _shadowed(series: Series, path: Path) -> list[Finding]:
    """A questionnaire of the series whose id another of its files has too (copied, its id
    left as it was): only one of them runs, and nothing said which."""
    try:
        if path.parent.resolve() != series.questionnaires_dir.resolve():
            return []
        qid = questionnaire_id(path)
        runs, bundled = series.questionnaire_files().get(qid, (path, False))
        if bundled or runs.resolve() == path.resolve():
            return []
        line = locate(read_text(path), ["id"])
    except (OSError, JeudisError):  # said of the file, or of its folder, already
        return []
    return [
        Finding(
            str(path),
            f"{qid!r} is {runs.name}'s id too: `jeudis new {qid}` runs {runs.name}, never this file",
            line=line,
            key="id",
            hint="give each questionnaire an id of its own",
        )
    ]


def _windows_name(path: Path, kind: str) -> list[Finding]:
    """A file named as Windows names no file (``con.toml``, ``a:b.toml``): it works here,
    but a clone of the series' git repository there would lack it."""
    why = windows_refusal(path.name)
    if why is None:
        return []
    hint = "rename it: a copy of the series on Windows (a git clone) could not hold it"
    if kind == "interview":
        hint += "; the slug, and the post's address, go with the name"
    message = f"Windows cannot give a file this name: {why}"
    return [Finding(str(path), message, severity="warning", hint=hint)]


def _site_name(path: Path, reserved: frozenset[str]) -> list[Finding]:
    """An interview named as a page the site has (``index.toml``): ``export --all`` stops
    on it (:func:`jeudis.export.site.refuse_site_names`); ``jeudis new`` makes no such name."""
    if path.stem.lower() not in reserved:
        return []
    other = unreserved(path.stem, reserved | {p.stem.lower() for p in path.parent.glob("*.toml")})
    message = (
        "named as a page the site itself has (index.html; index-ID.html with several"
        " questionnaires; Hugo's and Zola's index.md, _index.md): `jeudis export --all` stops"
        " on it"
    )
    hint = f"rename it ({other}.toml, say): the post's address goes with its name"
    return [Finding(str(path), message, severity="warning", hint=hint)]


def _check_templates(series: Series, shown: Path, only: set[str] | None) -> list[Finding]:
    """A series' own templates (:mod:`jeudis.export.trial`): each one jeudis reads, each
    compiles and renders a post. ``shown`` is the folder as the user named it, ``only``
    the files of it named one by one (None: all of them).

    Settings that do not read are said, and the templates tried all the same, with
    the bundled defaults for those settings: a template's mistake was said only once
    the settings were mended, a second run later."""
    from jeudis.export.trial import bundled_names, check_templates, includers

    findings = []
    try:
        _ = series.settings  # read, or said why not
    except FileProblem as unread:
        findings.append(finding_of(unread))
        series = series.with_settings_that_read()
    found = check_templates(series)
    folder = series.templates_dir
    for problem in found.problems:
        finding = finding_of(problem)
        if problem.path.is_relative_to(folder):  # else a settings' mistake, said as it is
            name = problem.path.relative_to(folder).as_posix()
            if only is not None and name not in only:
                continue
            finding = replace(finding, path=str(shown / name))
        findings.append(finding)
    known = bundled_names()
    for path in found.unused:
        name = path.relative_to(folder).as_posix()
        if only is not None and name not in only:
            continue
        if name in known:  # a part of others (article.html) the series' own leave out
            *some, last = includers(name)
            which = f"{', '.join(some)} and {last}" if some else last
            reason = f"jeudis never uses it: the series' {which} "
            reason += "do not include it" if some else "does not include it"
            hint = f'{{% include "{name}" %}} where it goes, or delete the file'
        else:
            reason = unknown_key(name, known).replace("key", "template", 1)
            reason += ": jeudis never uses it"
            hint = f"jeudis reads {', '.join(known)}, and the files they include"
        findings.append(Finding(str(shown / name), reason, severity="warning", hint=hint))
    behind, unversioned = _copies(series, shown, only)
    return sorted(findings + behind, key=lambda f: (f.path, f.line or 0)) + unversioned


def _copies(
    series: Series, shown: Path, only: set[str] | None
) -> tuple[list[Finding], list[Finding]]:
    """The series' copies of jeudis's templates made from an older version of them
    (:mod:`jeudis.template_copies`), or by a newer jeudis than this one, each a warning
    at its first line; and those whose first line names no version, in one note. A
    copy made before jeudis said versions is such a copy: told as a warning, every
    series with one failed `check --strict` after an upgrade that changed no template
    of theirs."""
    from jeudis.template_copies import differences, templates

    behind: list[Finding] = []
    unversioned = []
    for template in templates(series):
        if template.copy is None or (only is not None and template.name not in only):
            continue
        copy = shown / template.name
        if template.state == "behind":
            message = (
                f"a copy of jeudis's {template.name} version {template.copied}, now version"
                f" {template.version}: what changed since is not in it"
            )
            hint = (
                f"see what differs ({differences(template, copy)}), bring in what you want,"
                f" then write version {template.version} on its first line"
            )
            behind.append(Finding(str(copy), message, line=1, severity="warning", hint=hint))
        elif template.state == "ahead":  # another machine's newer jeudis copied it
            message = (
                f"a copy of jeudis's {template.name} version {template.copied}, from a newer"
                f" jeudis than this one (version {template.version}): it may use what this"
                " jeudis does not give it"
            )
            hint = "upgrade jeudis where this series is exported"
            behind.append(Finding(str(copy), message, line=1, severity="warning", hint=hint))
        elif template.state == "unversioned" and template.copy.is_file():  # else said
            unversioned.append(template)
    if not unversioned:
        return behind, []
    names = ", ".join(template.name for template in unversioned)
    one = len(unversioned) == 1
    message = (
        f"{names} {'names' if one else 'name'} no version of jeudis's on {'its' if one else 'their'}"
        " first line: check cannot tell whether jeudis's changed since"
    )
    first = unversioned[0]
    hint = (
        "compare with jeudis's (`jeudis templates` says where they are), then write first"
        f" the version caught up with: {{# jeudis: {first.name}, version {first.version} #}}"
    )
    return behind, [Finding(str(shown), message, severity="note", hint=hint)]


def _check_settings(path: Path) -> list[FileProblem]:
    try:
        text = read_text(path)
        return settings_problems(parse_toml(text, path), text, path)
    except FileProblem as problem:
        return [problem]
