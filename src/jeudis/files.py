"""Reading and writing the files jeudis works on.

Reads take regular files only, up to :data:`MAX_FILE_SIZE`, as UTF-8 less a byte-order
mark, and name what is not a file; writes are atomic (a temporary file, fsynced,
renamed over the target) so that a crash leaves the old file or the new one. A file
jeudis reads back (an interview) is never written larger than it reads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from jeudis.errors import FileProblem, MissingFile, TooLarge

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

# Windows opens a descriptor in text mode unless told otherwise: written, "\n" became
# "\r\n" whatever Python's newline said, and a read stopped at the first Ctrl-Z.
BINARY = getattr(os, "O_BINARY", 0)
BOM = "\ufeff"  # Notepad's UTF-8 starts with it; TOML and the sheet's first line do not

MAX_FILE_SIZE = 10 * 2**20
"""The most jeudis reads of a file (10 MB): an interview or a sheet is some kilobytes, and a
bigger file given by mistake (an image, a disk image, ``/dev/zero``) would fill the memory."""
TOO_LARGE = "too large (more than 10 MB, the most jeudis reads)"
WOULD_BE_TOO_LARGE = "too large: it would be more than 10 MB, the most jeudis reads"


def read_text(path: Path) -> str:
    """A text file as UTF-8, less the byte-order mark Windows editors put at its start.

    Only a regular file, and only up to :data:`MAX_FILE_SIZE` (see :func:`read_bytes`).
    """
    return text_of(read_bytes(path), path)


Stamp = tuple[int, int, int, int]
"""What tells a file from the one read before: its inode, size and modification time.
A save replaces the file (a new inode), whoever makes it; a file written in the two
seconds before it is stamped may be written again in place keeping all three (see
:func:`time_stamp`), and its stamp holds the moment it was taken too (else 0), which
no later stamp equals: the file's text tells then."""


def read_bytes(path: Path) -> bytes:
    """A file's bytes: only a regular file's, and only up to :data:`MAX_FILE_SIZE`; a
    device or a pipe may never end (``/dev/zero``), so it is refused before a byte is read.
    """
    return read_stamped(path)[0]


def read_text_stamped(path: Path) -> tuple[str, Stamp]:
    """:func:`read_text`, with the stamp of the file read (see :func:`stamp_of`)."""
    data, stamp = read_stamped(path)
    return text_of(data, path), stamp


def stamp_of(path: Path) -> Stamp | None:
    """The file's :data:`Stamp` now; None when there is no file there (a folder neither)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return _stamp(info) if stat.S_ISREG(info.st_mode) else None


def changed_since(path: Path, stamp: Stamp | None, text: str) -> bool:
    """Whether another file than the one read (or written) as ``text`` is at ``path``
    now; not a file written the same again (a sync tool, a backup touching it), nor
    none at all."""
    there = stamp_of(path)
    if there is None or there == stamp:
        return False
    with contextlib.suppress(FileProblem, OSError):
        return read_text(path) != text
    return True


# A file's time tells a change only once the time has moved on: FAT (a USB stick, an SD
# card) keeps times to two seconds, other file systems to a clock tick or a second.
_SETTLING_NS = 2 * 10**9


def time_stamp(info: os.stat_result) -> str:
    """A file's size and modification time, by which the caches and the site's manifest
    tell it is unchanged without reading it.

    A file written in the last two seconds may be written again, of the same size,
    keeping its time (on FAT, an interview edited a second after an export, its new text
    never exported). Its stamp then holds the moment it was taken too, so that no stamp
    taken later equals it: the next look compares the file's bytes, or reads it again.
    """
    stamp = f"{info.st_size}:{info.st_mtime_ns}"
    now = time.time_ns()
    return f"{stamp}:{now}" if abs(now - info.st_mtime_ns) < _SETTLING_NS else stamp


def _stamp(info: os.stat_result) -> Stamp:
    now = time.time_ns()
    taken = now if abs(now - info.st_mtime_ns) < _SETTLING_NS else 0
    return (info.st_ino, info.st_size, info.st_mtime_ns, taken)


def read_stamped(path: Path) -> tuple[bytes, Stamp]:
    """:func:`read_bytes`, with the stamp of the file as it was read (the descriptor's)."""
    try:
        # Non-blocking: opening a pipe with no writer would wait for ever.
        fd = os.open(path, os.O_RDONLY | BINARY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if path.is_symlink():
            # The link is there, broken: an invalid file (a series' interview, say).
            raise FileProblem(path, f"a link to {path.readlink()}, which is not there") from None
        raise MissingFile(path, "no such file") from None
    except OSError as exc:
        if path.is_dir():  # Windows opens no folder: "Permission denied" said of it
            raise FileProblem(path, "is a folder, not a file") from None
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    info = os.fstat(fd)
    if kind := not_a_file(info.st_mode):  # before fdopen, which refuses a folder itself
        os.close(fd)
        raise FileProblem(path, f"is {kind}, not a file")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_FILE_SIZE:
            raise FileProblem(path, TOO_LARGE)
        try:
            # A size to read at most makes Python allocate that much first: 10 MB for
            # every interview a listing reads. A file that says its size is read whole.
            data = handle.read() if info.st_size else handle.read(MAX_FILE_SIZE + 1)
        except OSError as exc:
            raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_FILE_SIZE:
        raise FileProblem(path, TOO_LARGE)
    return data, _stamp(info)


def not_a_file(mode: int) -> str | None:
    """What a path that is no regular file is, as a message says it (``lstat``'s mode:
    a link)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def not_a_folder(path: Path, hint: str | None = None) -> FileProblem | None:
    """What stands where a folder of the series goes (a file, a link to nothing), as a
    problem; None when a folder is there, or nothing is."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if not path.is_symlink():
            return None
        return FileProblem(path, f"a link to {path.readlink()}, which is not there", hint=hint)
    except OSError:  # a link loop, a name too long: using it says why
        return None
    if stat.S_ISDIR(mode):
        return None
    kind = "a file" if stat.S_ISREG(mode) else not_a_file(mode)
    return FileProblem(path, f"is {kind}, not a folder", hint=hint)


def text_of(data: bytes, source: Path) -> str:
    """Bytes read from ``source`` as UTF-8 text, less a byte-order mark."""
    if len(data) > MAX_FILE_SIZE:
        raise FileProblem(source, TOO_LARGE)
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileProblem(
            source,
            "not UTF-8 text",
            line=line,
            hint="save it again as UTF-8 (an editor's 'Save as', encoding UTF-8)",
        ) from None


STDIN = Path("<stdin>")  # how a message names standard input


def read_input(path: Path) -> tuple[str, Path]:
    """The text a file option names, and the name messages give it: ``-`` is standard
    input, as for any command-line tool (``./-`` is a file named so)."""
    data, name = read_input_bytes(path)
    return text_of(data, name), name


def read_input_bytes(path: Path) -> tuple[bytes, Path]:
    """:func:`read_input`'s bytes, not yet decoded (an email says how it is encoded)."""
    if str(path) != "-":
        return read_bytes(path), path
    data = sys.stdin.buffer.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise FileProblem(STDIN, TOO_LARGE)
    return data, STDIN


def byte_size(text: str) -> int:
    """The bytes ``text`` takes written as UTF-8: what :data:`MAX_FILE_SIZE` counts."""
    if text.isascii():
        return len(text)
    # A lone surrogate is refused by the write, and said there: counted as it would be.
    return len(text.encode("utf-8", "surrogatepass"))


def readable(path: Path, data: str, hint: str | None = None) -> None:
    """Refuse ``data`` for ``path`` when jeudis could not read it back: more than
    :data:`MAX_FILE_SIZE` (a :class:`~jeudis.errors.TooLarge`, with ``hint``)."""
    # Four bytes at most to a character: a text that short is not measured.
    if len(data) > MAX_FILE_SIZE // 4 and byte_size(data) > MAX_FILE_SIZE:
        raise TooLarge(path, WOULD_BE_TOO_LARGE, hint=hint)


def write_readable(path: Path, data: str, hint: str | None = None) -> None:
    """:func:`write_atomic` for a file jeudis reads back (an interview, ``jeudis.toml``):
    refused before anything is written when it would be too large to read
    (:func:`readable`), so that the file there stays the one every command reads."""
    readable(path, data, hint)
    write_atomic(path, data)


def write_atomic(path: Path, data: str | Iterable[str], *, follow_links: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one.

    The text (or its pieces, in turn: a text too large to hold at once) goes to a
    temporary file in the same folder, is flushed and fsynced, then renamed over the
    target; the folder is fsynced so the rename survives a power cut. Stopped half-way
    (Ctrl-C, an error making a piece), the temporary file is removed: the old file
    stays as it was. A link keeps naming its file, which is the one replaced; a pipe or
    a device (:func:`is_stream`) is written into. Without ``follow_links`` (a
    cache file: jeudis's own, never a place the host chose) a link is replaced
    by the file, so that nothing is written where it led.
    """
    if not follow_links and path.is_symlink():
        _replace(path, data)
        return
    if not path.name or path.is_dir():  # -o "" is the current folder
        raise FileProblem(path, "is a folder, not a file")
    if is_stream(path):
        # A pipe or a device (-o /dev/stdout, -o >(gzip > post.gz)): a stream to
        # write into, never a file to replace (renamed over, /dev/null would be one).
        try:
            with path.open("w", encoding="utf-8", newline="\n") as stream:
                stream.writelines(_pieces(data))
        except OSError as error:  # -o /dev/full: said of the file
            raise OSError(error.errno, error.strerror, str(path)) from None
        return
    if path.is_symlink():
        with contextlib.suppress(OSError, RuntimeError):  # a loop: the link is replaced
            path = path.resolve()  # the link stays; the file it names is replaced
    make_folders(path.parent)
    _replace(path, data)


def make_folders(folder: Path) -> None:
    """``folder`` and those above it; a file in the way is named ("File exists" was not clear)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = file_in_the_way(folder)
        if blocking is None:
            raise
        raise FileProblem(blocking, "is a file, not a folder") from None


def file_in_the_way(folder: Path) -> Path | None:
    """What stands where ``folder``, or a folder above it, should be: a file (or None)."""
    return next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)


def _pieces(data: str | Iterable[str]) -> Iterable[str]:
    return (data,) if isinstance(data, str) else data


def _replace(path: Path, data: str | Iterable[str]) -> None:
    """A temporary file beside ``path``, written, fsynced and renamed over it."""
    fd, tmp = temporary_beside(path)
    try:
        # A new file gets the usual mode (0666 less the umask); a rewritten one keeps its own.
        # Windows has no fchmod before Python 3.13 (its files are read-only or not).
        if hasattr(os, "fchmod"):
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(fd, path.stat().st_mode & 0o777)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(_made(data))
            handle.flush()
            flush_to_disk(handle.fileno())
        _rename(tmp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(error, _PieceFailed):  # an interview that went unreadable: named
            raise error.error from None
        if isinstance(error, OSError) and error.errno:  # a full disk: said of the file
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise
    _fsync_dir(path.parent)


def flush_to_disk(fd: int) -> None:
    """What was written to ``fd`` made to last a power cut before the file is renamed.

    On macOS, ``fsync`` leaves it in the drive's own cache, where a power cut loses it:
    ``F_FULLFSYNC`` asks the drive to write it (as SQLite does). A file system without
    it (a network share, some USB drives) takes ``fsync``.
    """
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
        except OSError:
            pass
        else:
            return
    os.fsync(fd)


class _PieceFailed(Exception):
    """An error making a piece of the text, not writing it: said as it was raised."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def _made(data: str | Iterable[str]) -> Iterator[str]:
    """The pieces of ``data``, an error making one (an interview file read as the
    WordPress file reaches it, gone or unreadable since) told from one writing it:
    said of the written file, "Permission denied: all.xml" sent the host to the
    wrong file."""
    pieces = iter(_pieces(data))
    while True:
        try:
            piece = next(pieces)
        except StopIteration:
            return
        except OSError as error:
            raise _PieceFailed(error) from error
        yield piece


def copy_atomic(source: Path, target: Path) -> None:
    """``source``'s bytes copied to ``target`` as :func:`write_atomic` writes a text: into
    a new file beside it, created exclusively (a link planted under a fixed temporary
    name led the copy out of the folder), then renamed over ``target``, which replaces
    a link there rather than writing where it leads."""
    import shutil

    fd, tmp = temporary_beside(target)
    try:
        with source.open("rb") as original, os.fdopen(fd, "wb") as copy:
            shutil.copyfileobj(original, copy)
            copy.flush()
            flush_to_disk(copy.fileno())
        _rename(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


# On Windows a file another process has open (jeudis listing the series, an antivirus
# scanning the file just written, a sync client) cannot be replaced until it is closed.
_RETRIES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)  # seconds: about two in all


def _rename(tmp: Path, path: Path) -> None:
    """``tmp`` renamed over ``path``; on Windows, tried again while another process has
    ``path`` open, for a couple of seconds before saying so."""
    if sys.platform == "win32":
        for wait in _RETRIES:
            try:
                tmp.replace(path)
            except PermissionError:
                time.sleep(wait)
            else:
                return
    tmp.replace(path)


def move(source: Path, target: Path) -> None:
    """``source`` renamed to ``target`` (a file of the same folder) in one step, made
    to last: at no moment is the file in neither place, nor in both."""
    _rename(source, target)
    _fsync_dir(target.parent)


def is_stream(path: Path) -> bool:
    """A pipe or a device, written into as standard output is: not a file to replace.

    A link under /dev/ is one, whatever it leads to: ``-o /dev/stdout > post.html``
    writes into the shell's file, which is not jeudis's to replace or record (a
    file of /dev/shm is a file).
    """
    if path.as_posix().startswith("/dev/") and path.is_symlink():
        return True
    try:
        mode = path.stat().st_mode
    except OSError:  # none yet; anything else is said when the file is made
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def temporary_beside(path: Path) -> tuple[int, Path]:
    """A new hidden file beside ``path``, created exclusively (no tempfile: it costs
    the random module's import on the way to the first question)."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as error:  # said of the file asked for: the temporary is ours
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                # No file may be made in the folder: said of the folder, not of a file
                # that may not be there, or may be written to ("Permission denied: all.xml").
                raise OSError(error.errno, error.strerror, _no_file_in(path)) from None
            raise OSError(error.errno, error.strerror, str(path)) from None
    raise FileExistsError(f"cannot create a temporary file beside {path}")


def _no_file_in(path: Path) -> str:
    """Where no file could be made for ``path``: its folder, as the error names it."""
    return f"{path.parent.absolute()} (no file can be made in it, {path.name} among them)"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def interview_entries(folder: Path) -> list[os.DirEntry[str]]:
    """The interview files of ``folder``, by name: no hidden file, and no FIFO or
    folder named ``*.toml`` (reading a FIFO would wait for a writer for ever).

    Here rather than in :mod:`jeudis.storage`: an up-to-date ``export --all``
    stamps the files without importing what reads them."""
    # os.scandir rather than Path.glob: with a thousand interviews, sorting Path
    # objects and stat-ing them one by one is a noticeable part of a listing.
    try:
        with os.scandir(folder) as scan:
            found = [
                entry
                for entry in scan
                if entry.name.endswith(".toml")
                and not entry.name.startswith(".")
                and _listed(entry)
            ]
    except (FileNotFoundError, NotADirectoryError):
        return []
    found.sort(key=lambda entry: entry.name)
    return found


# What Windows's Explorer and macOS's Finder leave in a folder they showed (hidden
# files aside, which jeudis never reads): no file of the series.
_SYSTEM_FILES = frozenset({"desktop.ini", "thumbs.db", "ehthumbs.db", "ehthumbs_vista.db"})


def of_the_system(name: str) -> bool:
    """Whether a file named ``name`` is one a file manager left (``Thumbs.db``,
    ``desktop.ini``, a folder's custom icon ``Icon\\r``), not one of the series'."""
    return name.lower() in _SYSTEM_FILES or name == "Icon\r"


# The names jeudis gives interviews: lowercase ASCII words joined by "-" (storage.slugify).
SLUG_SHAPED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def copy_named(name: str, original: str) -> bool:
    """Whether an interview file named ``name`` (less ``.toml``) is named as a sync tool
    or a file manager names its copy of ``original``'s: after it, with a mark jeudis
    never puts in a name (Dropbox's " (Ann's conflicted copy 2024-03-01)", OneDrive's
    "-DESKTOP-4F2K1", Explorer's " - Copy", Finder's " copy 2", Syncthing's
    ".sync-conflict-…", Google Drive's " (1)")."""
    return (
        name != original
        and name.startswith(original)
        and not SLUG_SHAPED.fullmatch(name)
        and bool(SLUG_SHAPED.fullmatch(original))
    )


def _listed(entry: os.DirEntry[str]) -> bool:
    """A file, or a link that leads nowhere (a loop, a file deleted) to be said broken."""
    try:
        return entry.is_file() or (entry.is_symlink() and not Path(entry.path).exists())
    except OSError:  # a loop, on some systems: not a FIFO, nothing to wait on
        return entry.is_symlink()
