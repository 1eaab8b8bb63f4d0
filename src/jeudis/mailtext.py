"""A returned answer sheet as text: the file a guest saved, or the email they sent.

A guest's editor or mail program decides how the sheet comes back: in UTF-8 or
UTF-16, or as a whole email (its text part quoted-printable, base64 or
``format=flowed``). This module undoes all that; :mod:`jeudis.sheet` reads the
text that results.
"""

from __future__ import annotations

import contextlib
import email.policy
import re
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from pathlib import Path

from jeudis.errors import FileProblem
from jeudis.sheet import HEADER_TAG
from jeudis.tomlio import read_input_bytes, text_of

# An email's first line: a header field ("From: …", "Return-Path: <…>"), or an mbox "From ".
EMAIL_START = re.compile(rb"^(From |[!-9;-~]+:[ \t])")
EMAIL_FIELDS = ("from", "to", "subject", "date", "content-type", "mime-version", "message-id")


def read_sheet(given: Path) -> tuple[str, Path]:
    """A returned sheet's text (the file, or, for an email, its plain-text part decoded),
    and the name messages give it: ``-`` is standard input."""
    data, path = read_input_bytes(given)
    return _sheet_text(data, path), path


def _sheet_text(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Windows Notepad saves "Unicode"
        with contextlib.suppress(UnicodeDecodeError):  # else read as UTF-8, which says where
            data = data.decode("utf-16").encode("utf-8")
    message = _email(data)
    if message is None:
        text = text_of(data, path)
        head = text.lstrip()[:300].lower()
        if "&lt;!-- " + HEADER_TAG in text or head.startswith(("<html", "<!doctype", "<div")):
            raise FileProblem(
                path,
                "this sheet was saved as HTML (a web page), not as text",
                hint="save it again as plain text (.txt or .md; in a mail program, "
                "'plain text'), then import that file",
            )
        return text
    body = message.get_body(preferencelist=("plain",))
    if body is None:
        raise FileProblem(
            path,
            "an email with no plain-text part (HTML only): its text cannot be read safely",
            hint="save the answer sheet it holds as plain text (or ask the guest to send "
            "it as an attachment), then import that file",
        )
    try:
        text = _decoded(body)
    except (LookupError, ValueError) as exc:
        raise FileProblem(path, f"the email's text cannot be decoded ({exc})") from None
    if str(body.get_param("format", "")).lower() == "flowed":
        text = _unflow(text, str(body.get_param("delsp", "")).lower() == "yes")
    return text.removeprefix("\ufeff")


def _decoded(part: MIMEPart) -> str:
    """A text part's text; with no charset given, UTF-8 when it reads as UTF-8 (not
    the ASCII mail assumes, which would turn every accent into "�")."""
    if part.get_content_charset() is None:
        raw = part.get_payload(decode=True)
        if isinstance(raw, bytes):
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                pass
    return str(part.get_content())


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
