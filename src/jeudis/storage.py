"""Interview files on disk: names, atomic saves, locks and lookup.

What a listing reads of each (its summary, and their cache) is :mod:`jeudis.listing`'s.

Every save goes through :func:`save`, which writes atomically; a new interview
reserves its file name with ``O_EXCL`` so that two guests of the same name, or
two sessions started at once, never share (or overwrite) a file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import stat
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from jeudis.errors import (
    ChangedMeanwhile,
    FileProblem,
    InterviewLocked,
    JeudisError,
    NotFoundError,
    NotSaved,
    UsageError,
    describe,
)
from jeudis.files import (
    BINARY,
    SLUG_SHAPED,
    changed_since,
    interview_entries,
    make_folders,
    not_a_file,
    read_text,
    stamp_of,
    write_readable,
)
from jeudis.interview import Interview, now
from jeudis.paths import Series
from jeudis.textsafe import for_terminal
from jeudis.wording import primary_language, spelled_out

MAX_SLUG = 60
FALLBACK_SLUG = "invite"
SHORTEN = "shorten what is added to it"  # an interview that would be too large to read


# Letters NFKD does not decompose into ASCII, both cases ("Œuvre" is not "uvre").
_FOLD = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    # A typographic apostrophe is the apostrophe: "d’Ormesson" is "d'Ormesson".
    "’": "'", "‘": "'", "ʼ": "'",
})  # fmt: skip


# Cyrillic and Greek letters in Latin ones, as their scripts' common romanizations write
# them (BGN/PCGN, ELOT 743): "Олена Зеленська" is ``olena-zelenska``, "Γιώργος" is
# ``giorgos``, where every such name was ``invite``. The letters NFKD would take apart
# first (й is not и), then the others with their accents off (ά is α), Greek's ου as ou.
_ROMAN = {
    **dict(zip("абвгдезиклмнопрстуфыэ", "abvgdeziklmnoprstufye", strict=True)),
    "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
    "ё": "yo", "ю": "yu", "я": "ya", "й": "y",
    "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u",  # Ukrainian, Belarusian
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",  # Serbian
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",  # Macedonian
    **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo", strict=True)),
    "θ": "th", "χ": "ch", "ψ": "ps",
}  # fmt: skip
_ROMANIZE = str.maketrans({**_ROMAN, **{letter.upper(): latin for letter, latin in _ROMAN.items()}})
_WHOLE = str.maketrans({c: _ROMAN[c.lower()] for c in "йЙёЁїЇўЎѓЃќЌ"})
_OU = re.compile("[οΟ][υΥ]")


# Names Windows keeps for its devices, whatever the extension: no file "con.toml" can be
# made there, nor checked out of a series folder kept in git.
_DEVICE_NAMES = frozenset(
    [
        "con",
        "prn",
        "aux",
        "nul",
        *(f"{port}{n}" for port in ("com", "lpt") for n in "0123456789¹²³"),
    ]
)
# And the characters no name holds there (controls too).
_NOT_IN_NAMES = frozenset('<>:"/\\|?*') | {chr(n) for n in range(32)}


def windows_refusal(name: str) -> str | None:
    """Why Windows cannot give a file ``name``, or None when it can (``jeudis check``:
    a series folder kept in git, cloned there, would lack the file)."""
    device = name.split(".", 1)[0].rstrip(" ").lower()  # "CON.toml", "nul .tar.gz"
    if device in _DEVICE_NAMES:
        return f"{device.upper()} is a device's name there, whatever the extension"
    if found := sorted(set(name) & _NOT_IN_NAMES):
        return f"no name holds {' or '.join(repr(char) for char in found)} there"
    if name.endswith((".", " ")):
        return "no name ends in a dot or a space there"
    return None


# An apostrophe inside a word is part of it in English, German or Dutch ("O’Neill",
# "Andrea’s": ``oneill``, ``andreas``, as WordPress and Hugo make them); French, Italian
# and Catalan elide a word with it ("d’Ormesson": two words, ``d-ormesson``, as Le Monde
# or Corriere della Sera write theirs).
_ELIDING = frozenset({"fr", "it", "ca", "oc"})
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z0-9])'(?=[a-z0-9])")


def slugify(name: str, language: str = "") -> str:
    """A file-name-safe slug: accents folded, lowercase ASCII, words joined by ``-``;
    the letters ``language`` spells out spelled (German's "Müller": ``mueller``), and
    an apostrophe inside a word dropped where the language writes one there (English's
    "O’Neill": ``oneill``; French's "d’Ormesson" is ``d-ormesson``).

    Safe for any input: path separators and dots cannot survive, an empty result
    (a name of emoji only, or in Chinese) falls back to ``invite``, and the length is
    capped. Cyrillic and Greek letters are romanized (``Алексей``: ``aleksey``).
    A name Windows keeps for a device (``con``, ``nul``, ``com1``...) gets ``-1``.
    """
    slug = _letters(name, language)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG] else slug[:MAX_SLUG]
    slug = slug.strip("-") or FALLBACK_SLUG
    return f"{slug}-1" if slug in _DEVICE_NAMES else slug


def _letters(name: str, language: str) -> str:
    """The words of ``name`` a slug is made of, in ASCII, joined by ``-`` (maybe none)."""
    ascii_only = folded(spelled_out(name, language)).encode("ascii", "ignore").decode("ascii")
    ascii_only = ascii_only.lower()
    if language and primary_language(language) not in _ELIDING:
        ascii_only = _INNER_APOSTROPHE.sub("", ascii_only)
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def nameless(name: str, language: str = "") -> bool:
    """Whether ``name`` gives a slug no letter of its own (张伟, سارة, an emoji): its
    interview is ``invite``, ``invite-2``..., as its post's address."""
    return not _letters(name, language)


def given_slug(slug: str) -> str:
    """A slug the host chose (``--slug``), as jeudis would make one: lowercase ASCII
    letters and digits, words joined by ``-``; a device name of Windows refused."""
    if not SLUG_SHAPED.fullmatch(slug) or len(slug) > MAX_SLUG or slug in _DEVICE_NAMES:
        raise UsageError(
            f"--slug {describe(slug)}: a slug is lowercase letters a-z and digits, words"
            f" joined by - (at most {MAX_SLUG} characters, no device name of Windows)",
            hint="zhang-wei, say: it names the interview's file and its post's address",
        )
    return slug


def folded(name: str) -> str:
    """The name with its accents folded off (NFKD, and ``_FOLD`` for œ, ß...), in
    Latin letters (``_ROMANIZE``: Cyrillic's and Greek's).

    Escape sequences are not part of the name a person sees: "\x1b[31mEve" is "Eve".
    """
    decomposed = unicodedata.normalize("NFKD", for_terminal(name).translate(_WHOLE))
    return _OU.sub("ou", decomposed).translate(_ROMANIZE).translate(_FOLD)


def site_names(series: Series, *questionnaires: str) -> frozenset[str]:
    """The slugs no interview is given: its post would be a page the site itself has.

    ``export --all`` writes the series' index as ``index.html`` and, with several
    questionnaires, each one's as ``index-ID.html``; Hugo and Zola read a folder's
    ``index.md`` and ``_index.md`` as its own page, not as a post. Every questionnaire
    the series can run counts (``questionnaires``: those of interviews besides), for
    a second one makes each its own index. Lowercase: compare ``slug.lower()``, as a
    file system that ignores case takes ``Index.html`` for ``index.html``.
    """
    try:
        known = set(series.questionnaire_files())
    except JeudisError:  # its folder is something else: said by the command that reads it
        known = set()
    ids = {qid.lower() for qid in (*known, *questionnaires)}
    return frozenset(["index", "_index", *(f"index-{qid}" for qid in ids)])


def unreserved(slug: str, reserved: frozenset[str]) -> str:
    """``slug``, or the first of ``slug-2``, ``slug-3``... that is not in ``reserved``
    (:func:`site_names`): a guest called "Index" gets ``index-2``, as a second guest of a
    name taken does."""
    n = 1
    while (found := slug if n == 1 else f"{slug}-{n}").lower() in reserved:
        n += 1
    return found


def names_before(slug: str, found: str) -> list[str]:
    """The names :func:`unreserved` and :func:`reserve_path` passed over to give ``found``
    (``slug``, ``slug-2``... before it)."""
    passed: list[str] = []
    while (name := slug if not passed else f"{slug}-{len(passed) + 1}") != found:
        if len(passed) >= 10_000:
            return []
        passed.append(name)
    return passed


def reserve_path(series: Series, slug: str, reserved: frozenset[str] = frozenset()) -> Path:
    """Claim a new, unused file for ``slug`` (``slug.toml``, then ``slug-2.toml``, ...),
    never named as one of ``reserved`` (:func:`site_names`)."""
    folder = series.interviews_dir
    make_folders(folder)
    for n in range(1, 10_000):
        stem = slug if n == 1 else f"{slug}-{n}"
        if stem.lower() in reserved:
            continue
        path = folder / f"{stem}.toml"
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | BINARY, 0o644)
        except FileExistsError:
            continue
        os.close(fd)
        return path
    raise UsageError(f"too many interviews named {slug!r} in {folder}")


def save(interview: Interview, *, touch: bool = True) -> Path:
    """Write the interview to its file, atomically. Returns the path.

    Never larger than jeudis reads: refused then (:class:`~jeudis.errors.NotSaved`,
    of a :class:`~jeudis.errors.TooLarge`), the file keeps what was saved before,
    which every command still reads."""
    if interview.path is None:
        raise ValueError("interview has no path")
    if interview.read_from is not None and changed_since(interview.path, *interview.read_from):
        # Saved by another since this was read (its lock was not held then): its
        # changes would be lost. A file gone is made again, with all this one has.
        raise NotSaved(interview.path, ChangedMeanwhile(interview.path))
    if touch:
        interview.updated = now()
    text = interview.to_toml()
    try:
        write_readable(interview.path, text, hint=SHORTEN)
    except (OSError, FileProblem) as error:  # a full disk; a folder where the file was
        raise NotSaved(interview.path, error) from None
    interview.read_from = (stamp_of(interview.path), text)
    return interview.path


@contextlib.contextmanager
def session_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on an interview for the length of a session.

    The lock is on a hidden file beside the interview, which holds the process id
    for the message another session shows: an ``flock`` on POSIX, a locked byte
    (``msvcrt.locking``) on Windows. The system drops either when the process dies,
    even by ``kill -9`` (or the Task Manager), so a crash never leaves an interview
    locked.
    """
    lock_path = path.with_name(f".{path.stem}.lock")
    # A session letting go removes the file it locked: one opened just before, then
    # locked, is no one's lock (a third session makes and locks a new one). Taken
    # again, then, from the file there now.
    for _ in range(_ATTEMPTS):
        fd = _open_lock(lock_path, path)
        try:
            _refuse_opened(fd, lock_path)
            if _lock_or_refuse(fd, path, lock_path):
                break
        except OSError as error:  # the process id written on a full disk
            os.close(fd)
            raise NotSaved(path, error) from None
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    else:  # pragma: no cover - a lock file removed under each of a hundred tries
        raise InterviewLocked(
            f"{path.name} is being opened and closed by other jeudis sessions",
            hint="run the command again in a moment",
        )
    try:
        yield
    finally:
        _let_go(fd, lock_path)


def _say_left_elsewhere(path: Path, machine: str, pid: str) -> None:
    """A lock another machine's session left (a synced folder, a USB stick), taken here
    (:func:`session_lock`): said, for that session may be open there still; the command
    here goes on. Whatever command takes the interview (edit, import --update, a
    rename...): said by resume alone, the lock was taken over, and removed, by any
    other without a word. Said once it is taken: a session holding it on this machine
    under another name (a container) is refused, not told of."""
    sys.stderr.write(
        for_terminal(
            f"warning: {path.stem} was open in a session on {machine} (process {pid}), which"
            " shares this folder: if it is open there still, pause it there, for of two"
            " sessions on one interview the second to save is refused; going on here"
        )
        + "\n"
    )


def in_session(path: Path) -> bool:
    """Whether another jeudis session has the interview at ``path`` open now. A lock
    another machine's session left is none here, and is left as it is: the session
    that takes the interview says it."""
    if left_elsewhere(path) is not None:
        return False
    try:
        with session_lock(path):
            return False
    except InterviewLocked:
        return True
    except JeudisError:  # a lock that cannot be taken here: no session's either
        return False


# The lock file is opened and written (the process id) where it is: through a link
# there (a clone can hold one, to ~/.bashrc), it would write over a file outside the
# series. Windows has no O_NOFOLLOW: there the link is refused before the open.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _refuse_planted(lock_path: Path) -> None:
    """Refuse a lock path that holds something other than a file jeudis can lock: a
    link (to a file outside the series, which the lock would write over), a folder,
    a pipe. None there, or a file (a lock left by a crash), is taken."""
    try:
        mode = lock_path.lstat().st_mode
    except OSError:  # none there; anything else (a name too long) is said by the open
        return
    if not stat.S_ISREG(mode):
        raise _not_a_lock(lock_path, mode)


def _refuse_opened(fd: int, lock_path: Path) -> None:
    """:func:`_refuse_planted`, of what was opened: something else put there meanwhile."""
    if not stat.S_ISREG(mode := os.fstat(fd).st_mode):
        raise _not_a_lock(lock_path, mode)


def _not_a_lock(lock_path: Path, mode: int) -> FileProblem:
    return FileProblem(
        lock_path,
        f"is {not_a_file(mode)}, not the interview's lock file: nothing is written through it",
        hint="remove it, then run the command again",
    )


_ATTEMPTS = 100


def _open_lock(lock_path: Path, path: Path) -> int:
    _refuse_planted(lock_path)
    try:
        return os.open(lock_path, os.O_CREAT | os.O_RDWR | BINARY | _NO_FOLLOW, 0o644)
    except OSError as error:  # a read-only folder: a session could save nothing
        _refuse_planted(lock_path)  # made a link since: the open refused to follow it
        raise NotSaved(path, error) from None


def _lock_or_refuse(fd: int, path: Path, lock_path: Path) -> bool:
    """Lock the lock file ``fd`` and write the process id in it, or say who holds it.
    False when the file locked is no longer the one at ``lock_path``: a session let
    go of it (and removed it) between its opening and its locking here."""
    if not _take(fd):
        os.lseek(fd, 0, os.SEEK_SET)
        holder = os.read(fd, 64).decode(errors="replace").strip().partition(" ")[0]
        who = f" (process {holder})" if holder else ""
        raise InterviewLocked(
            f"{path.name} is open in another jeudis session{who}",
            hint="finish or pause that session first; only one session per interview",
        )
    if not _still_there(fd, lock_path):
        return False
    os.lseek(fd, 0, os.SEEK_SET)
    left = _elsewhere(os.read(fd, 256))  # locked now: another machine's, said
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, f"{os.getpid()} {_this_machine()}".encode(errors="replace"))
    if left is not None:
        _say_left_elsewhere(path, *left)
    return True


def _this_machine() -> str:
    import socket  # a session's start alone

    return socket.gethostname()


def left_elsewhere(path: Path) -> tuple[str, str] | None:
    """The machine, and the process there, whose session left the lock file of the
    interview at ``path``: a series kept in a synced folder or on a USB stick carries
    it from a session open on that machine now, or stopped with it (its battery
    flat). This machine's lock means nothing there, nor that machine's here: the host
    is told, and goes on. None when there is none, or it is this machine's."""
    lock_path = path.with_name(f".{path.stem}.lock")
    try:
        if not stat.S_ISREG(lock_path.lstat().st_mode):
            return None  # a link or a pipe: the session refuses it
        with lock_path.open("rb") as lock:
            return _elsewhere(lock.read(256))
    except OSError:
        return None


def _elsewhere(written: bytes) -> tuple[str, str] | None:
    """The machine and process a lock file's ``written`` names, when not this machine."""
    pid, _, machine = written.decode(errors="replace").strip().partition(" ")
    if not machine or machine == _this_machine():
        return None
    return machine, pid


def _still_there(fd: int, lock_path: Path) -> bool:
    """Whether ``fd`` is the file at ``lock_path`` (Windows removes no open file)."""
    if sys.platform == "win32":
        return True
    try:
        there = os.lstat(lock_path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


# Windows locks are mandatory: no other process can read a locked byte. The byte
# locked is far past the process id, which a refused session reads to name the holder.
_LOCKED_BYTE = 2**16


def _take(fd: int) -> bool:
    """Lock the open lock file ``fd`` at once, or return False: another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # EACCES: locked by another process
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _let_go(fd: int, lock_path: Path) -> None:
    """Release the lock taken by :func:`_take`, close ``fd`` and remove the lock file.

    On POSIX the file goes while still locked, so that no session locks it between
    its removal and the unlock. Windows removes no open file: there the byte is
    unlocked and the file closed first (a file another session has open just now,
    trying the lock, stays: harmless, it is locked by its byte, not by being there).
    """
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)
        with contextlib.suppress(OSError):
            lock_path.unlink()
        return
    with contextlib.suppress(OSError):
        lock_path.unlink()
    os.close(fd)


def interview_files(series: Series) -> list[Path]:
    """The interview files of a series, by name."""
    folder = series.interviews_dir
    return [folder / entry.name for entry in interview_entries(folder)]


def resolve(series: Series, ref: str, *, writable: bool = False) -> Path:
    """Find an interview by slug (``gilles-klein``) or by path: one of the series that is
    a link leading out of it is refused (:func:`for_reading`, :func:`for_writing`)."""
    candidate = Path(ref)
    if ref.endswith(".toml") or "/" in ref or os.sep in ref:
        if not candidate.is_file():
            _refuse_a_name_that_is_no_file(candidate)
            raise NotFoundError(f"no interview file {ref}")
        if writable and not _inside(candidate, series.interviews_dir):
            raise UsageError(
                f"{ref} is not in this series' interviews/ folder ({series.interviews_dir})",
                hint="run the command from the interview's series folder, or pass --dir",
            )
        candidate = as_named(candidate)
        return for_writing(series, candidate) if writable else for_reading(series, candidate)
    path = as_named(series.interviews_dir / f"{ref}.toml")
    if path.is_file():
        return for_writing(series, path) if writable else for_reading(series, path)
    _refuse_a_name_that_is_no_file(path)
    slugs = [p.stem for p in interview_files(series)]
    import difflib

    # The guest's first name typed ("priya" for priya-natarajan), or a name misspelt.
    begun = sorted(slug for slug in slugs if slug.startswith(slugify(ref) + "-"))
    close = (begun or difflib.get_close_matches(slugify(ref), slugs, n=3))[:3]
    hint = (
        ("did you mean " + ", ".join(close) + "?")
        if close
        else "`jeudis list` shows the interviews"
    )
    raise NotFoundError(f"no interview {ref!r} in {series.interviews_dir}", hint=hint)


def as_named(path: Path) -> Path:
    """``path`` as its folder names the file: the slug is the file's name, and so the
    post's address. A name typed in other capitals or another Unicode form
    ("Claire-Fontaine") is the file's own (``claire-fontaine.toml``): macOS's and
    Windows's file systems open it by either name, and the typed one became the
    post's slug, its address and, on a rename, the file's name; on Linux it was "no
    interview". The name as typed when no file, or more than one, answers to it."""
    try:  # the names alone: a thousand in a millisecond or two
        with os.scandir(path.parent) as scan:
            names = [entry.name for entry in scan]
    except OSError:
        return path
    if path.name in names:
        return path

    def folded(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()

    wanted = folded(path.name)
    found = [name for name in names if folded(name) == wanted]
    return path.with_name(found[0]) if len(found) == 1 else path


def for_reading(series: Series, path: Path) -> Path:
    """An interview to read as the series': not one that leads out of the series folder
    through a link, another series' interview or a file of the host's (:mod:`jeudis.links`)."""
    from jeudis.links import READ, refuse_out

    refuse_out(series.root, path, READ)
    return path


def for_writing(series: Series, path: Path) -> Path:
    """An interview to write into: not one that leads out of the series folder through a
    link (a series received from someone else may hold ``interviews/claire.toml`` leading
    to another series' interview), whose save would change that file; nor a read-only one."""
    from jeudis.links import WRITTEN, refuse_out

    refuse_out(series.root, path, WRITTEN)
    return refuse_read_only(path)


def refuse_read_only(path: Path) -> Path:
    """An interview its owner made read-only (``chmod a-w``, a finished one kept as
    published) is not written over: the atomic save replaced it, mode and all, as
    the folder allowed (and root passes every permission)."""
    if not path.stat().st_mode & stat.S_IWUSR:
        raise JeudisError(
            f"{path} is read-only: jeudis writes over no file made so",
            hint=f"make it writable to change it: chmod u+w {shlex.quote(str(path))}"
            if os.name != "nt"
            else "clear its read-only attribute (attrib -r) to change it",
        )
    return path


def _refuse_a_name_that_is_no_file(path: Path) -> None:
    """An interview's name that is there, but no file to read (a folder, a pipe, a link
    in a loop or to nowhere): said as it is. It was "no interview", and a loop's hint
    was "did you mean" the very name typed."""
    if os.path.lexists(path):
        read_text(path)  # raises what the reader makes of it


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
