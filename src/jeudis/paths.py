"""Where things are: the series folder, its questionnaires and interviews.

One rule for every command: an explicit ``--dir`` wins, then the ``JEUDIS_DIR``
environment variable, then the current folder. Questionnaires are looked up in
the series folder first, then among those bundled with the package.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem, NotFoundError, UsageError, describe, unknown_key
from jeudis.files import not_a_folder, read_text
from jeudis.textsafe import control_in

ENV_VAR = "JEUDIS_DIR"
BUNDLED_QUESTIONNAIRES = Path(__file__).parent / "questionnaires"
BUNDLED_TEMPLATES = Path(__file__).parent / "templates"
SETTINGS_FILE = "jeudis.toml"
CACHE_FOLDER = ".jeudis-cache"  # in a series folder: what jeudis can always rebuild
SETTINGS_KEYS = {
    "blog",
    "base_url",
    "host",
    "language",
    "typography",
    "author_url",
    "description",
    "feed_id",
}
TYPOGRAPHY_VARIANTS = ("fr", "fr-CA", "fr-CH", "off")
_URL_SETTINGS = {"base_url", "author_url"}
_WEB_URL = re.compile(r"https?://[^\s/?#]+[^\s]*")
# An Atom feed's id is an IRI: a scheme, then what it names (urn:uuid:…, tag:…, https://…).
_FEED_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"]+")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
LANGUAGE_HINT = "a language, then a country if need be: fr, fr-CA, en-GB"


def canonical_language(tag: str) -> str | None:
    """``tag`` in the case BCP 47 writes it (``fr-CA``, ``sr-Latn-RS``), ``_`` read as ``-``;
    None for what is not a language tag (``"fr fr"``, ``"123"``)."""
    tag = tag.replace("_", "-")
    if not LANGUAGE_TAG.fullmatch(tag):
        return None
    primary, *rest = tag.split("-")
    return "-".join([primary.lower(), *(_subtag_case(part) for part in rest)])


def _subtag_case(part: str) -> str:
    if len(part) == 2:  # a country: CA, GB
        return part.upper()
    if len(part) == 4 and part.isalpha():  # a script: Latn, Hant
        return part.title()
    return part.lower()  # a region in digits (419), a variant


def not_a_language(value: str) -> str:
    """Why ``value`` is refused as a language, as every reader of one says it."""
    return f"language must be a language tag such as fr, fr-CA or en, not {describe(value)}"


@dataclass(frozen=True)
class Series:
    """A series folder: ``questionnaires/``, ``interviews/``, ``templates/``, ``jeudis.toml``."""

    root: Path
    overrides: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def questionnaires_dir(self) -> Path:
        return self.root / "questionnaires"

    @property
    def interviews_dir(self) -> Path:
        return self.root / "interviews"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def misplaced(self) -> list[tuple[FileProblem, bool]]:
        """The series' folders that are something else (a file, a link to nothing), each
        with whether jeudis can go on without it (images/: a photo is then left where
        it is). Taken for no folder, they would have the bundled questionnaires and
        templates used in place of the series' own, without a word."""
        found = []
        for name, (hint, fatal) in _FOLDERS.items():
            if problem := not_a_folder(self.root / name, hint):
                found.append((problem, fatal))
        return found

    def refuse_misplaced(self, name: str) -> None:
        """Stop where the series' folder ``name`` is something else (a file, a link to
        nothing): not said, the bundled questionnaires or templates would be used."""
        if problem := not_a_folder(self.root / name, _FOLDERS[name][0]):
            raise problem

    def cache_dir(self, *, make: bool = False) -> Path | None:
        """The series' cache folder (made first with ``make``); None when it is not one.

        See :func:`real_folder`: a cache is a convenience, and jeudis works without it.
        """
        return real_folder(self.root / CACHE_FOLDER, make=make)

    @cached_property
    def settings(self) -> dict[str, Any]:
        """The series settings from ``jeudis.toml`` (blog name, base URL, host, language)."""
        path = self.root / SETTINGS_FILE
        if not os.path.lexists(path):
            return dict(self.overrides)
        from jeudis.tomlio import parse_toml  # not for a site up to date, which reads no settings

        # A folder, a link to nothing, a pipe in its place is said (read_text says which):
        # taken for none, a site would be published under another name and language.
        text = read_text(path)
        data = parse_toml(text, path)
        problems = settings_problems(data, text, path)
        if problems:
            raise problems[0]
        if "language" in data:  # a post's lang="en-GB" as BCP 47 writes it, whatever the case
            data["language"] = canonical_language(data["language"]) or data["language"]
        return {**data, **self.overrides}

    @cached_property
    def language(self) -> str:
        """The series' language: ``jeudis.toml``'s as BCP 47 writes it, else French. A
        questionnaire that says none is in it. When the settings do not read (another
        setting's mistake, said by what needs it and by ``check``), their language all
        the same if it reads; French if it does not."""
        try:
            settings = self.settings
        except FileProblem:
            settings = self.with_settings_that_read().settings
        return canonical_language(str(settings.get("language") or "fr")) or "fr"

    def with_settings_that_read(self) -> Series:
        """This series with the settings of ``jeudis.toml`` that read, the others left
        out (their defaults in their place): for ``check``, which says what is wrong and
        tries the templates all the same. None of them, when the file does not read."""
        path = self.root / SETTINGS_FILE
        from jeudis.tomlio import parse_toml

        try:
            text = read_text(path)
            data = parse_toml(text, path)
        except FileProblem:
            text, data = "", {}
        kept = {k: v for k, v in data.items() if not settings_problems({k: v}, text, path)}
        series = Series(self.root, self.overrides)
        series.__dict__["settings"] = {**kept, **self.overrides}  # the cached property's value
        return series

    def refuse_output(self, target: Path) -> None:
        """Refuse to write an export (a post, a site, a sheet) over the series' own data.

        An HTML page written over an interview file would replace the guest's
        answers, and any file in ``interviews/`` or ``questionnaires/`` is read
        as one by every command: ``--overwrite`` does not lift this. Paths are
        compared resolved, so a link or a ``..`` does not get round it.
        """
        try:
            where = target.resolve()
            kept = {
                "interviews/": self.interviews_dir.resolve(),
                "questionnaires/": self.questionnaires_dir.resolve(),
            }
            settings = (self.root / SETTINGS_FILE).resolve()
        except (OSError, RuntimeError):  # a symlink loop: writing it says so
            return
        found = next(
            (f"in {name}" for name, path in kept.items() if where.is_relative_to(path)), ""
        )
        if where == settings:
            found = f"the series' {SETTINGS_FILE}"
        if found:
            raise UsageError(
                f"{target}: {found}, among the series' own files; an export is never written there",
                hint="write it elsewhere with -o (a folder of its own, such as site/)",
            )

    def questionnaire_files(self) -> dict[str, tuple[Path, bool]]:
        """Every questionnaire id, with its file and whether it is the bundled one.

        A file in the series folder overrides a bundled one of the same name.
        """
        found: dict[str, tuple[Path, bool]] = {}
        self.refuse_misplaced("questionnaires")
        for folder, bundled in ((BUNDLED_QUESTIONNAIRES, True), (self.questionnaires_dir, False)):
            if folder.is_dir():
                if not bundled:  # glob finds nothing in a folder it may not read, and says nothing
                    _readable_folder(folder)
                for path in sorted(folder.glob("*.toml")):
                    if path.is_file():
                        found[questionnaire_id(path)] = (path, bundled)
                    elif not bundled:
                        # Not read (a FIFO would block for ever), but the series' own all
                        # the same: loading it says what it is, not the bundled one's.
                        found[path.stem] = (path, bundled)
        return found

    def questionnaire_path(self, name: str) -> tuple[Path, bool]:
        """Resolve a questionnaire given by id or by path."""
        if name.endswith(".toml") or os.sep in name or "/" in name:
            path = Path(name)
            if not path.is_file():
                raise NotFoundError(f"no questionnaire file {name}")
            return path, False
        files = self.questionnaire_files()
        if name not in files:
            named = self.questionnaires_dir / f"{name}.toml"
            if named.is_file():  # a copy whose id was left as it was
                qid = questionnaire_id(named)
                runs = files.get(qid, (named, False))[0]  # this file, or another of that id
                other = "" if runs == named else f" ({runs.name} has that id too)"
                raise NotFoundError(
                    f"no questionnaire {describe(name)}: {named} has the id {describe(qid)}{other}",
                    hint=f'give it id = "{name}"' + ("" if other else f", or call it {qid}"),
                )
            known = ", ".join(sorted(files)) or "none"
            import difflib

            close = difflib.get_close_matches(name, files, n=1)
            raise NotFoundError(
                f"no questionnaire {describe(name)} (known: {known})",
                hint=f"did you mean {close[0]}?"
                if close
                else "`jeudis questionnaires` lists them; add yours to questionnaires/",
            )
        return files[name]


# The folders a series may hold: what each is for, and whether jeudis stops without it.
_FOLDERS = {
    "questionnaires": ("the series' own questionnaires go in a folder of this name", True),
    "interviews": ("the interviews go in a folder of this name", True),
    "templates": ("the series' own templates go in a folder of this name", True),
    "images": ("photos given as files elsewhere are copied into a folder of this name", False),
}


def settings_problems(data: dict[str, Any], text: str, path: Path) -> list[FileProblem]:
    """What is wrong in a parsed ``jeudis.toml``: each problem with its line."""
    problems = []
    for key, value in data.items():
        if key not in SETTINGS_KEYS:
            reason = unknown_key(key, SETTINGS_KEYS).replace("key", "setting", 1)
            hint = "allowed: " + ", ".join(sorted(SETTINGS_KEYS))
        elif not isinstance(value, str):
            reason, hint = f"{key} must be a string (in quotes)", None
        elif control_in(value, lines=key == "description"):
            # The host's name reaches each interview file and answer sheet as it is.
            reason = f"a control character in {key}"
            hint = "a terminal escape or a line break pasted by mistake? remove it"
        elif key in _URL_SETTINGS and value and not _WEB_URL.fullmatch(value):
            reason = f"{key} must be a web address starting with https:// or http://"
            hint = f'for example {key} = "https://blog.example.org"'
        elif key == "feed_id" and not _FEED_ID.fullmatch(value):
            reason = "feed_id must be a URI, as an Atom feed's id is"
            hint = 'keep the one jeudis wrote, for example feed_id = "urn:uuid:…" or "tag:…"'
        elif key == "typography" and value not in TYPOGRAPHY_VARIANTS:
            reason = f"unknown typography {describe(value)}"
            hint = "use " + ", ".join(TYPOGRAPHY_VARIANTS)
        elif key == "language" and canonical_language(value) is None:
            reason, hint = not_a_language(value), LANGUAGE_HINT
        else:
            continue
        from jeudis.tomlio import locate

        problems.append(FileProblem(path, reason, line=locate(text, [key]), hint=hint))
    return problems


def real_folder(folder: Path, *, make: bool = False) -> Path | None:
    """``folder`` when it is a folder itself (made first with ``make``), else None.

    A link is not one: a cache folder linked elsewhere would have jeudis write
    wherever it leads, outside the series folder.
    """
    if make:
        with contextlib.suppress(OSError):
            folder.mkdir()
    try:
        mode = folder.lstat().st_mode
    except OSError:
        return None
    return folder if stat.S_ISDIR(mode) else None


def outside(root: Path, path: str) -> bool:
    """True for a path that leaves the series folder: absolute, from ``~``, or climbing out."""
    if path.startswith(("/", "\\", "~")):
        return True
    folder = root.resolve()
    try:
        target = (folder / path).resolve()
        return looped(target) or not target.is_relative_to(folder)
    except (OSError, ValueError, RuntimeError):  # a NUL, a name too long, a symlink loop
        return True


def looped(resolved: Path) -> bool:
    """Whether a path as ``Path.resolve()`` gave it is a symlink loop: Python 3.13 leaves
    a loop unresolved, a link still, where 3.11 and 3.12 raised RuntimeError (a resolved
    path is no link otherwise). A name too long to look at is no loop."""
    try:
        return resolved.is_symlink()
    except OSError:
        return False


def _readable_folder(folder: Path) -> None:
    """Refuse a folder jeudis may not list: the series' questionnaires unseen, the bundled
    ones of the same names would run in their place."""
    try:
        os.scandir(folder).close()
    except OSError as error:
        raise FileProblem(folder, f"cannot be read ({error.strerror})") from None


def questionnaire_id(path: Path) -> str:
    """A questionnaire's id: its ``id`` key when it reads as one, else the file's stem.

    A file whose id does not read ("Twitter", a number) is known by its name, so
    ``jeudis new twitter`` loads ``questionnaires/twitter.toml`` and says what is
    wrong with it, where: under an id no one can type, the bundled questionnaire of
    that name was used instead, silently.
    """
    try:
        text = read_text(path)
    except FileProblem:
        return path.stem
    return _id_in(text) or path.stem


@lru_cache(maxsize=64)
def _id_in(text: str) -> str | None:
    """The id a questionnaire's text gives, None where it gives none that reads. Kept by
    text: ``jeudis new`` looks through the questionnaires twice (for its own, then for
    the names its interview may not take), and a file unchanged is not parsed again."""
    import tomllib

    from jeudis.interview import ID_PATTERN

    try:
        head = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    value = head.get("id")
    return value if isinstance(value, str) and ID_PATTERN.fullmatch(value) else None


def series_at(option: Path | None = None) -> Series:
    """The series folder: ``--dir``, else ``$JEUDIS_DIR``, else the current folder."""
    if option is not None:
        root = option
    elif os.environ.get(ENV_VAR):
        root = Path(os.environ[ENV_VAR])
    else:
        root = Path.cwd()
    if not root.exists():  # a typo would have made a series of its own
        raise NotFoundError(
            f"no folder {root}",
            hint="--dir / JEUDIS_DIR name a series folder; `jeudis init` makes one",
        )
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder", hint="--dir / JEUDIS_DIR name a series folder")
    return Series(root.resolve())
