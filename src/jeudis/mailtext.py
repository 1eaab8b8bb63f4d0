"""A returned answer sheet as text: the file a guest saved, or the email they sent.

A guest's editor or mail program decides how the sheet comes back: in UTF-8 or
UTF-16, or as a whole email (its text part quoted-printable, base64 or
``format=flowed``). This module undoes all that; :mod:`jeudis.sheet_reading` reads
the text that results.
"""

from __future__ import annotations

import codecs
import contextlib
import email.policy
import itertools
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from functools import partial
from pathlib import Path

from jeudis.errors import FileProblem, JeudisError
from jeudis.files import read_input_bytes, text_of
from jeudis.sheet import HEADER_TAG
from jeudis.wording import counted

# An email's first line: a header field ("From: …", "Return-Path: <…>"), or an mbox "From ".
EMAIL_START = re.compile(rb"^(From |[!-9;-~]+:[ \t])")
EMAIL_FIELDS = ("from", "to", "subject", "date", "content-type", "mime-version", "message-id")


@dataclass
class Received:
    """A returned sheet's text, the name messages give it, and what reading it guessed."""

    text: str
    path: Path
    warnings: list[str] = field(default_factory=list)


def read_sheet(given: Path) -> Received:
    """A returned sheet's text (the file, or, for an email, its plain-text part decoded),
    and the name messages give it: ``-`` is standard input."""
    data, path = read_input_bytes(given)
    warnings: list[str] = []
    return Received(_sheet_text(data, path, warnings), path, warnings)


def _sheet_text(data: bytes, path: Path, warnings: list[str]) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Windows Notepad saves "Unicode"
        with contextlib.suppress(UnicodeDecodeError):  # else read as UTF-8, which says where
            data = data.decode("utf-16").encode("utf-8")
    message = _email(data)
    if message is None:
        text = _file_text(data, path, warnings)
        if _is_html(text):
            return _from_html(text, f"{path}: saved as HTML (a web page)", warnings)
        return text
    said: list[str] = []
    body = _body_text(message, path, said)
    attached = _attached_sheets(message, path)
    copies = len(attached) + (body is not None and HEADER_TAG in body)
    if copies > 1:
        names = ", ".join(f"“{name}”" for name, _, _ in attached)
        where = "in its text and attached" if copies > len(attached) else "attached"
        raise FileProblem(
            path,
            f"the email holds {copies} answer sheets: {where} ({names})",
            hint="save the one with the answers as a file, then import that file",
        )
    if attached:
        name, sheet, notes = attached[0]
        warnings += [
            *notes,
            f"{path}: the sheet is its attachment “{name}”: line numbers are that file's",
        ]
        return sheet
    if body is None:
        raise FileProblem(
            path,
            "an email with no text (neither plain text nor HTML)",
            hint="save the answer sheet it holds as plain text, then import that file",
        )
    warnings += said
    return body


def _body_text(message: EmailMessage, path: Path, warnings: list[str]) -> str | None:
    """The text of an email's body: its plain text, else its HTML's; None if it has none."""
    body = message.get_body(preferencelist=("plain",))
    if body is None and (html := message.get_body(preferencelist=("html",))) is not None:
        said = f"{path}: an email with no plain text, only HTML"
        return _from_html(_decoded(html, path, warnings), said, warnings)
    if body is None:
        return None
    text = _decoded(body, path, warnings)
    if str(body.get_param("format", "")).lower() == "flowed":
        text = _unflow(text, str(body.get_param("delsp", "")).lower() == "yes")
    return text.removeprefix("\ufeff")


# What an attached sheet is named, whatever type the mail program gave it.
_SHEET_FILES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")


def _attached_sheets(message: EmailMessage, path: Path) -> list[tuple[str, str, list[str]]]:
    """The answer sheets attached to an email (as the sheet asks the guest to send it
    back): each one's name, text, and what reading it guessed."""
    found = []
    for part in message.iter_attachments():
        name = str(part.get_filename() or "")
        if part.get_content_maintype() != "text" and not name.lower().endswith(_SHEET_FILES):
            continue
        raw = part.get_payload(decode=True)
        if not isinstance(raw, bytes):
            continue
        notes: list[str] = []
        where = Path(f"{path}, attachment {name or '(no name)'}")
        try:
            if part.get_content_charset() is not None:  # as declared (else guessed)
                raw = _decoded(part, where, notes).encode("utf-8")
            text = _sheet_text(raw, where, notes)
        except JeudisError:  # not text: not a sheet either
            continue
        if HEADER_TAG in text:
            found.append((name or "(no name)", text, notes))
    return found


# A marker a Markdown editor's "export as HTML" made a heading: <h2>Q3 [utilisations]</h2>.
_HTML_MARKER = re.compile(r"<h[1-6][^>]*>\s*Q\s*\d+\s*\[", re.IGNORECASE)


def _is_html(text: str) -> bool:
    """Whether a file holds a web page rather than the sheet's text: saved as HTML from
    a browser, a mail program, or a Markdown editor's export."""
    head = text.lstrip().removeprefix("\ufeff")[:300].lower()
    return (
        head.startswith(("<html", "<!doctype", "<head", "<body", "<meta", "<div", "<p>", "<p "))
        or "&lt;!-- " + HEADER_TAG in text
        or bool(_HTML_MARKER.search(text))
    )


def _from_html(html: str, said: str, warnings: list[str]) -> str:
    """The text an HTML page shows, as the sheet's; what was done is said in ``warnings``."""
    from jeudis.htmltext import html_to_text

    converted = html_to_text(html, keep_comment=HEADER_TAG)
    left = f"; {counted(converted.images, 'picture')} in it left out" if converted.images else ""
    warnings.append(f"{said}: its text was read from the HTML{left}; check the answers' layout")
    return converted.text


# What a guest may send instead of the sheet's text, by how its bytes begin: said as
# what it is, with how to save the sheet as text, not as "not UTF-8".
_NOT_A_TEXT_FILE = (
    (
        b"{\\rtf",
        "a rich-text document (RTF, as TextEdit and WordPad save), not plain text",
        (
            "save it again as plain text (TextEdit: Format > Make Plain Text; WordPad: "
            "Save as > Text Document), then import that file"
        ),
    ),
    (
        b"PK\x03\x04",
        "a word processor's document (Word .docx, LibreOffice .odt) or a zip, not text",
        "save it again as plain text (File > Save As > Plain Text, .txt), then import that file",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an Outlook message (.msg) or an older Word document (.doc), not text",
        (
            "save the email as a whole (.eml) or as text, or the sheet as a .txt file,"
            " then import that file"
        ),
    ),
    (b"%PDF-", "a PDF, not text", "ask the guest for the sheet as a text file"),
)


def _file_text(data: bytes, path: Path, warnings: list[str]) -> str:
    """A file's text: UTF-8, or else the encoding an older editor saves in, said."""
    for start, what, hint in _NOT_A_TEXT_FILE:
        if data.startswith(start):
            raise FileProblem(path, f"this is {what}", hint=hint)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if guessed := legacy_text(data):
            warnings.append(f"{path}: {guessed.said()}; check its accents")
            return guessed.text
    return text_of(data, path)  # UTF-8, or the error that says where it is not


# What a guest's editor saves in when it is not UTF-8, most likely first: Windows'
# "ANSI" (Notepad before 2019, Word's "Text only", most French users' older editors;
# ISO-8859-1 is the same but for a few quotes), ISO-8859-15 (older Linux editors: it
# has € and œ where Windows-1252 has ¤ and ½), Mac OS Roman (Mac editors before OS X).
LEGACY = (("cp1252", "Windows-1252"), ("iso8859_15", "ISO-8859-15"), ("mac_roman", "Mac OS Roman"))
# A control character no text holds (tab, line feed, carriage return and form feed
# are text's): a byte that decodes to one was not meant in that encoding.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# The characters beyond ASCII a Western European text is made of.
_LIKELY = frozenset(
    "àâäáãåçéèêëíìîïñóòôöõøúùûüýÿæœßÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝŸÆŒ«»‘’‚“”„…–—€£°·•§¡¿²\u00a0"
)
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
# The bytes UTF-8 could not read, as "surrogateescape" keeps them.
_NOT_UTF8 = re.compile("[\udc80-\udcff]+")


@dataclass
class Legacy:
    """A text not (all) UTF-8, read in the encoding it most likely is in."""

    text: str
    name: str  # that encoding's
    line: int  # the first line with a byte UTF-8 does not read
    partly: bool  # the rest in UTF-8: an editor read the sheet wrong, then saved it so

    def said(self) -> str:
        if self.partly:
            return f"partly not UTF-8 (from line {self.line}): read there as {self.name}"
        return f"not UTF-8: read as {self.name}"


def legacy_text(data: bytes) -> Legacy | None:
    """``data`` (not UTF-8) read in the single-byte encoding it most likely is in; None
    when it reads as text in none of them.

    Each decodes almost any bytes: the one whose accents read most like words wins
    (Windows-1252 on a tie). What reads as UTF-8 is UTF-8: an editor that took the
    sheet for Windows-1252 writes its text back as it came, and the guest's
    answers in Windows-1252.
    """
    loose = data.decode("utf-8", errors="surrogateescape")
    first = _NOT_UTF8.search(loose)
    if first is None:
        return None
    partly = bool(_BEYOND_ASCII.search(_NOT_UTF8.sub("", loose)))
    best: tuple[int, str, str] | None = None
    for codec, name in LEGACY:
        try:
            text = _NOT_UTF8.sub(partial(_read_as, codec), loose) if partly else data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _NOT_TEXT.search(text):
            continue
        score = _likeliness(text)
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or (best[0] <= 0 and best[2] != LEGACY[0][1]):
        return None
    line = loose.count("\n", 0, first.start()) + 1
    return Legacy(best[1], best[2], line, partly)


def _read_as(codec: str, escaped: re.Match[str]) -> str:
    """Bytes "surrogateescape" kept, read with ``codec``."""
    return bytes(ord(char) - 0xDC00 for char in escaped.group()).decode(codec)


def _likeliness(text: str) -> int:
    """How much ``text``'s characters beyond ASCII (the first ten thousand: enough to
    tell) look like Western European writing: a likely one counts one, any other
    minus one, and so does a capital inside a lower-case word ("ÈtÈ" is "été" read
    in the wrong encoding)."""
    score = 0
    for found in itertools.islice(_BEYOND_ASCII.finditer(text), 10_000):
        at, char = found.start(), found.group()
        around = text[max(at - 1, 0) : at] + text[at + 1 : at + 2]
        inside = char.isupper() and any(c.islower() and c <= "\x7f" for c in around)
        score += 1 if char in _LIKELY and not inside else -1
    return score


# A charset a mail program declares for Windows-1252 text: browsers read it as that too.
_WINDOWS_1252_LABEL = "iso8859-1"


def _decoded(part: MIMEPart, path: Path, warnings: list[str]) -> str:
    """A text part's text, in the charset it declares.

    Mail programs are not always right about it: "iso-8859-1" holds Windows-1252's
    quotes, "us-ascii" or "utf-8" may hold bytes of another encoding, and a
    charset may be missing or unknown here. Bytes that do not read as declared are
    read as UTF-8, else as the single-byte encoding they most likely are in, said.
    """
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        raw = str(part.get_payload()).encode("utf-8", errors="replace")
    declared = part.get_content_charset()
    codec = None
    with contextlib.suppress(LookupError, ValueError):  # unknown, or not a name ("a\0")
        codec = codecs.lookup(declared).name if declared else None
    if codec == "ascii":  # what a program says of a text it did not look at
        codec = None
    if codec == _WINDOWS_1252_LABEL:
        # Windows-1252 has a sign for all but five bytes, which ISO-8859-1 reads.
        return _decode(raw, "cp1252") or raw.decode("latin-1")
    if codec is not None and (text := _decode(raw, codec)) is not None:
        return text
    if (text := _decode(raw, "utf-8")) is not None:
        return text
    said = f"says it is {declared}" if declared else "says no encoding"
    guessed = legacy_text(raw)
    if guessed is not None:
        warnings.append(
            f"{path}: the email's text {said}, and is {guessed.said()}; check its accents"
        )
        return guessed.text
    if codec is not None and (text := _decode(raw, codec, "replace")) is not None:
        warnings.append(f"{path}: the email's text is not all {declared}: a few signs are lost")
        return text
    raise FileProblem(
        path,
        f"the email's text {said}, and it reads neither as UTF-8 nor as Windows-1252",
        hint="save the answer sheet it holds as UTF-8 text, then import that file",
    )


def _decode(raw: bytes, codec: str, errors: str = "strict") -> str | None:
    """``raw`` read with ``codec``; None when it does not read so (or ``codec`` is no
    text encoding, as "base64" is)."""
    try:
        return raw.decode(codec, errors)
    except (UnicodeDecodeError, LookupError):
        return None


def _email(data: bytes) -> EmailMessage | None:
    """``data`` as an email message, if it is one (its first line a header field)."""
    if not EMAIL_START.match(data):
        return None
    if data.startswith(b"From "):  # an mbox's envelope line
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    if not any(name in EMAIL_FIELDS for name in (key.lower() for key in message)):
        return None
    return message


def _unflow(text: str, delsp: bool) -> str:
    """Undo format=flowed (RFC 3676): a line ending in a space goes on on the next."""
    out: list[str] = []
    joining = False
    for line in text.split("\n"):
        line = line.removesuffix("\r")
        quotes = len(line) - len(line.lstrip(">"))
        prefix, rest = line[:quotes], line[quotes:].removeprefix(" ")
        if joining and out and out[-1].startswith(prefix) and _depth(out[-1]) == quotes:
            out[-1] = out[-1][:-1] + rest if delsp else out[-1] + rest
        else:
            out.append(f"{prefix} {rest}" if quotes and rest else prefix + rest)
        joining = line.endswith(" ") and line.rstrip() != "--" and line[quotes:].strip() != "--"
    return "\n".join(out)


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(">"))
