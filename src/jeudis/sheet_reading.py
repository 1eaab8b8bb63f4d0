"""A returned answer sheet read back: its first line, and the raw answer under each marker.

Reading tolerates what mail does to a text: ``> `` quoting (the whole sheet, or
only the questions with answers typed in between), a reply header above and a
signature below; the sheet there twice, filled in above the mail quoting it
(each copy read alone: :mod:`jeudis.sheet_copies`). What it cannot safely guess
(a marker damaged, doubled or removed) is refused with a message naming the
question and what to do.
"""

from __future__ import annotations

import itertools
import re
import shlex
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from jeudis.errors import FileProblem, clip
from jeudis.interview import ID_PATTERN
from jeudis.sheet import END_MARKERS, HEADER_TAG, marker
from jeudis.sheet_copies import Section, copy_starts

# A marker; an answer begun on its line ("## Q4 [apport] Ça m'apporte…") is the answer's.
MARKER = re.compile(
    r"^#{1,6}[ \t]*Q[ \t]*(\d+)[ \t]*\[[ \t]*([^\]\s]*)[ \t]*\](?:[ \t]+(\S.*?))?[ \t]*$"
)
# What was meant to be a marker, with its [id]: "Q3 [x", "### Q 3 [utilisations".
LOOKS_LIKE_MARKER = re.compile(r"^(#{1,6}[ \t]*Q[ \t]*\d+[ \t]*\[|Q\d+[ \t]*\[)")
# Without an id, a guest's heading ("## Q1 2012"), or a marker that lost it ("## Q3 x").
NUMBERED_HEADING = re.compile(r"^#{1,6}[ \t]*Q[ \t]*(\d+)\b")
HEADER = re.compile(r"^<!--\s*" + HEADER_TAG + r"\s+(.*?)\s*-->\s*$")
QUOTE = re.compile(r"^[ \t]*>[ \t]?")
SIGNATURE = re.compile(r"^--[ \t]?$")
# "Le jeu. 26 nov., Stéphane a écrit :" is a mail program's only above the lines it quotes;
# "Am Fr., 27. Nov. 2026 um 10:00 Uhr schrieb Stefan <s@x.de>:", "El vie, 27 nov 2026,
# Ana escribió:", "Il giorno ven 27 nov … ha scritto:", "Op vr 27 nov … schreef Jan:" (or
# "heeft Jan het volgende geschreven:"), "Em sex., 27 de nov. … escreveu:" in the others.
REPLY_HEADER = re.compile(
    r"^(Le|On|Am|El|Il|Op|Em)\b.*((a écrit|wrote|escribió|ha scritto|escreveu|"
    r"het volgende geschreven)\s*|\b(schrieb|schreef)\b.*):\s*$",
    re.IGNORECASE,
)
# A header line of a message a mail program quoted or forwarded: "De : Stéphane <s@x.fr>"
# ("**De :**" from an HTML email, where the name of the field is bold), "Von:", "Betreff:"...
MAIL_HEADER_FIELD = re.compile(
    r"^\**(De|From|Envoyé|Sent|Date|À|To|Cc|Objet|Subject|Von|Gesendet|Datum|An|Betreff|"
    r"Enviado|Fecha|Para|Asunto|Da|Inviato|Data|A|Oggetto|Van|Verzonden|Aan|Onderwerp|"
    r"Assunto)[ \t\u00a0]*:",
    re.IGNORECASE,
)
# What a phone or a mail app signs with: "Envoyé de mon iPhone", "Sent from Outlook for iOS",
# "Von meinem iPhone gesendet", "Enviado desde mi iPhone", "Inviato da iPhone",
# "Verstuurd vanaf mijn iPhone", "Enviado do meu iPhone".
MOBILE_SIGNATURE = re.compile(
    r"^((Envoyé|Envoye|Sent|Expédié|Gesendet|Enviado|Inviato|Verstuurd|Verzonden)\s+"
    r"(de|depuis|à partir de|from|with|using|von|mit|desde|con|da|dal|vanaf|met|do|com)\s+"
    r"(mon |ma |my |l.application |the |meinem |mi |mio |il mio |mijn |meu |o meu )?\S.{0,60}"
    r"|Von meinem \S.{0,60} gesendet"
    r"|(Get|Obtenir|Télécharger) Outlook\b.{0,40})$",
    re.IGNORECASE,
)
DEVICE = re.compile(
    r"\b(iPhone|iPad|Android|iOS|mobile|smartphone|Galaxy|Samsung|Outlook|Mail|Gmail|Yahoo|"
    r"BlackBerry|Huawei|Xiaomi|Pixel|tablette|tablet|appareil|device|Proton)",
    re.IGNORECASE,
)
# Outlook's header of the message replied to: "De : …" then "Envoyé : …" (or "From:", "Sent:").
OUTLOOK_FROM = re.compile(r"^\**(De|From|Von|Da|Van)[ \t\u00a0]*:", re.IGNORECASE)
OUTLOOK_SENT = re.compile(
    r"^\**(Envoyé|Sent|Date|Gesendet|Datum|Enviado|Fecha|Inviato|Data|Verzonden)[ \t\u00a0]*:",
    re.IGNORECASE,
)
RULE = re.compile(r"^(_{5,}|-{5,}|={5,})$")
FORWARD_HEADER = re.compile(
    r"^-{2,}\s*(Original Message|Message d.origine|Forwarded message|Ursprüngliche Nachricht|"
    r"Weitergeleitete Nachricht|Mensaje original|Mensaje reenviado|Messaggio originale|"
    r"Messaggio inoltrato|Oorspronkelijk bericht|Doorgestuurd bericht|Mensagem original|"
    r"Mensagem encaminhada)",
    re.IGNORECASE,
)


@dataclass
class Sheet:
    """What a returned sheet says: who it is for, and the raw answer under each marker."""

    meta: dict[str, str]
    meta_line: int = 1  # where the first line is (a mail reply may put lines above it)
    answers: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    # question id → (line, what it was) where a mail program's addition cut the answer
    cuts: dict[str, tuple[int, str]] = field(default_factory=dict)
    # The lines read as no answer: above the first marker, and below the end line.
    above: list[tuple[int, str]] = field(default_factory=list)
    below: list[tuple[int, str]] = field(default_factory=list)
    end_marker: str = ""  # the end line as the sheet writes it ("## END"), if it has one
    end_line: int = 0  # and its line
    # question id → the answer's first line, written on the marker's own line
    inline: dict[str, str] = field(default_factory=dict)
    # (line, number, text) of the headings like "## Q3 ..." with no [id]: answer text, or
    # a marker that lost its id (said when that question is missing)
    headings: list[tuple[int, int, str]] = field(default_factory=list)
    # question id → {line of the answer: that line as typed}: a line quoted as the
    # sheet is, where the guest typed answers unquoted, may be their own quotation
    quoted: dict[str, dict[int, str]] = field(default_factory=dict)
    # The questions there twice or more (filled in above the mail quoting the sheet):
    # each copy read alone (:mod:`jeudis.sheet_copies`); and a copy's first and last lines.
    copies: list[Sheet] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)


def _marker(line: str) -> re.Match[str] | None:
    """The marker on ``line``, if it is one (no-break spaces read as spaces)."""
    return MARKER.match(_spaces(line.strip()))


def _spaces(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _mail_depth(lines: list[str]) -> int:
    """How many levels of mail quoting the markers carry (0: the sheet is not quoted)."""
    depths = []
    for line in lines:
        depth, rest = _quote_depth(line)
        if depth and (_marker(rest) or HEADER.match(rest.strip())):
            depths.append(depth)
    return max(set(depths), key=depths.count) if depths else 0


def _unquoted(line: str, depth: int) -> str:
    """``line`` without up to ``depth`` levels of quoting."""
    for _ in range(depth):
        match = QUOTE.match(line)
        if not match:
            break
        line = line[match.end() :]
    return line


def _guest_quoting(raw: list[str], depth: int) -> tuple[list[str], dict[int, str]]:
    """A section's lines without the mail's quoting, and the lines whose quoting may be
    the guest's own, each as the guest typed it.

    Quoted whole, the section's lines lose the mail's levels, and a guest's quotation
    (``> > Citation``) keeps its own. Where the guest typed the answers unquoted
    between the quoted questions, a line quoted as the sheet is, ``> Citation``, may
    be the sheet's or the guest's quotation: which, only the sheet's text can say
    (:func:`jeudis.sheet_answers.as_typed`).
    """
    depths = [_quote_depth(line) for line in raw]
    typed = [level for level, rest in depths if level < depth and rest.strip()]
    if not typed:
        return [_unquoted(line, depth) for line in raw], {}
    guest = min(typed)  # how deep the mail program quoted what the guest typed
    lines, theirs = [], {}
    for at, (line, (level, _)) in enumerate(zip(raw, depths, strict=True)):
        lines.append(_unquoted(line, depth if level == depth else guest))
        if level == depth:
            theirs[at] = _unquoted(line, guest)
    return lines, theirs


def _quote_depth(line: str) -> tuple[int, str]:
    depth = 0
    while True:
        match = QUOTE.match(line)
        if not match:
            return depth, line
        depth += 1
        line = line[match.end() :]


def parse_sheet(text: str, path: Path) -> Sheet:
    """Split a returned sheet into raw answers by question id; refuse damaged markers.

    A sheet whose questions are there twice or more is read copy by copy, each alone
    (its lines and no other's, its own quoting, its end line), in ``copies``: which
    holds the answers, only the questions' wording can tell.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    sheet, sections, lines, depth = _read(raw, path)
    starts = copy_starts(sections, partial(_copy_start, raw), path)
    if starts is None:
        _fill_answers(sheet, sections, raw, lines, depth, path)
        return sheet
    copies = []
    for first, stop in itertools.pairwise([*starts, len(raw) + 1]):
        # The other copies' lines left empty, so that line numbers stay true.
        piece = [line if first <= n < stop else "" for n, line in enumerate(raw, 1)]
        copy, sections, lines, depth = _read(piece, path, sheet)
        if copy.meta != sheet.meta:  # another sheet (another guest's, another version)
            raise FileProblem(
                path,
                "two answer sheets in one: their first lines differ"
                f" (lines {sheet.meta_line} and {copy.meta_line})",
                line=copy.meta_line,
                hint="import each sheet from a file of its own",
            )
        _fill_answers(copy, sections, piece, lines, depth, path)
        written = [n for n in range(first, stop) if _quote_depth(raw[n - 1])[1].strip()]
        copy.span = (written[0], written[-1])
        copies.append(copy)
    return replace(copies[0], copies=copies)


def _copy_start(raw: list[str], after: int, first: int) -> int:
    """The line a copy of the sheet's questions starts at, its first question at line
    ``first``: its own first line above it, if any, or the reply header right above
    it when it is quoted ("Le jeu. 26 nov., Stéphane a écrit :", or wrapped in two
    lines), the copy before's last question at line ``after``."""
    heads = [n for n in range(after + 1, first) if _is_head(raw[n - 1])]
    start = heads[-1] if heads else first
    level = _quote_depth(raw[first - 1])[0]
    above = [n for n in range(after + 1, start) if _quote_depth(raw[n - 1])[1].strip()][-2:]
    for at in reversed(range(len(above))):  # the line alone first: above it may be the guest's
        said = " ".join(_quote_depth(raw[n - 1])[1].strip() for n in above[at:])
        if REPLY_HEADER.match(said) and all(
            _quote_depth(raw[n - 1])[0] < level for n in above[at:]
        ):
            return above[at]
    return start


def _is_head(line: str) -> bool:
    """Whether ``line`` is a sheet's first line, or its start (a mail program wrapped it)."""
    return _spaces(_quote_depth(line)[1].strip()).startswith("<!-- " + HEADER_TAG)


def _read(
    raw: list[str], path: Path, whole: Sheet | None = None
) -> tuple[Sheet, list[Section], list[str], int]:
    """The sheet ``raw`` holds, its answers not yet filled in: with its sections,
    its lines without the mail's quoting, and how deep that was. A copy of the
    questions without a first line of its own is the ``whole`` sheet's."""
    depth = _mail_depth(raw)
    lines = _join_header([_unquoted(line, depth) for line in raw])
    meta: dict[str, str] | None = None
    meta_line = 1
    sections: list[Section] = []  # id, number, line, body's lines
    current: list[int] | None = None
    cuts: dict[str, tuple[int, str]] = {}
    above: list[tuple[int, str]] = []
    inline: dict[str, str] = {}
    headings: list[tuple[int, int, str]] = []
    last_marker = max((n for n, line in enumerate(lines, 1) if _marker(line)), default=0)
    # The sheet's own end line, exactly as written, below the last question: a guest's
    # heading "## Fin" in an answer is the answer's.
    end = max(
        (n for n, line in enumerate(lines, 1) if line.strip() in END_MARKERS and n > last_marker),
        default=0,
    )
    for index, line in enumerate(lines, 1):
        stripped = line.strip()
        head = HEADER.match(stripped)
        if head and meta is None:
            meta, meta_line = _meta(head.group(1), path, index), index
            continue
        found = _marker(line)
        if found:
            current = []
            sections.append((found.group(2), int(found.group(1)[:9]), index, current))
            if found.group(3):
                inline[found.group(2)] = found.group(3)
            continue
        if index == end:
            break
        if not sections:
            above.append((index, line))
        addition = _mail_addition(lines, index, last_marker, end) if current is not None else None
        if addition:
            cuts[sections[-1][0]] = (index, addition)
            current = None
            continue
        # (Not the instructions' example, "`## Q1 [depuis-quand]`", a mail program
        # may have wrapped so that a line opens on it: a marker is never in backticks.)
        if LOOKS_LIKE_MARKER.match(_spaces(stripped)) and "`" not in stripped:
            raise FileProblem(
                path,
                f"this line looks like a damaged question marker: {stripped!r}",
                line=index,
                hint="a marker reads exactly `## Q<number> [<question id>]`; "
                "restore it from the sheet you sent",
            )
        if heading := NUMBERED_HEADING.match(_spaces(stripped)):
            headings.append((index, int(heading.group(1)[:9]), stripped))
        if current is not None:
            current.append(index)
    if meta is None and whole is not None:
        meta, meta_line = whole.meta, whole.meta_line
    if meta is None:
        raise FileProblem(
            path,
            f"not a jeudis answer sheet: the first line (<!-- {HEADER_TAG} ... -->) is missing",
            hint="put back the sheet's first line, copied from the sheet you sent",
        )
    below = [(n, lines[n - 1]) for n in range(end + 1, len(lines) + 1)] if end else []
    sheet = Sheet(
        meta=meta,
        meta_line=meta_line,
        cuts=cuts,
        above=above,
        below=below,
        end_marker=lines[end - 1].strip() if end else "",
        end_line=end,
        inline=inline,
        headings=headings,
    )
    return sheet, sections, lines, depth


def _fill_answers(
    sheet: Sheet,
    sections: list[Section],
    raw: list[str],
    lines: list[str],
    depth: int,
    path: Path,
) -> None:
    """Each section's text, as the answer to its question; refuse a question twice."""
    for qid, number, at, body in sections:
        if qid in sheet.answers:
            raise FileProblem(
                path,
                f"question {number} [{qid}] appears twice (lines {sheet.lines[qid]} and {at})",
                line=at,
                hint=f"keep one `{marker(number, qid)}` line, with the answer below it",
            )
        if depth and all(lines[n - 1] == _unquoted(raw[n - 1], depth) for n in body):
            section, theirs = _guest_quoting([raw[n - 1] for n in body], depth)
            if theirs:
                sheet.quoted[qid] = theirs
        else:  # (a first line put back together, on lines it left empty)
            section = [lines[n - 1] for n in body]
        sheet.answers[qid] = "\n".join(section)
        sheet.lines[qid] = at


def _join_header(lines: list[str]) -> list[str]:
    """Put the first line back together when a mail program wrapped it.

    The lines it took are left empty, so that line numbers stay true.
    """
    out = list(lines)
    for index, line in enumerate(out):
        if line.strip().startswith("<!-- " + HEADER_TAG) and "-->" not in line:
            end = next((j for j in range(index + 1, len(out)) if "-->" in out[j]), None)
            if end is None or end - index > 10:
                return out
            out[index] = " ".join(part.strip() for part in out[index : end + 1])
            for j in range(index + 1, end + 1):
                out[j] = ""
            return out
    return out


def _mail_addition(lines: list[str], index: int, last_marker: int, end: int) -> str | None:
    """What a mail program added at line ``index`` (1-based) that ends the answer, if anything.

    A guest's answer may hold a line "--" or "Le poète a écrit :": only what is
    plainly a mail program's is cut. A signature comes after the last answer,
    a reply header above the lines it quotes: all that follows it in the answer
    (up to the next marker, or the end line ``end``) is quoted.
    """
    line = lines[index - 1].strip()
    if SIGNATURE.match(line):
        return "a signature" if index > last_marker else None
    if REPLY_HEADER.match(line):
        stop = end - 1 if end > index else len(lines)
        rest = []
        for text in lines[index:stop]:
            if _marker(text):
                break
            if text.strip():
                rest.append(text)
        quoted = bool(rest) and all(QUOTE.match(text) for text in rest)
        return "a reply header" if quoted else None
    if FORWARD_HEADER.match(line):
        return "a forwarded message"
    if index > last_marker:  # below the last answer, the end line deleted
        return _mail_tail(lines, index)
    return None


def _mail_tail(lines: list[str], index: int) -> str | None:
    """Outlook's header of the message replied to, or a phone's signature, at ``index``."""
    line = lines[index - 1].strip()
    if MOBILE_SIGNATURE.match(line) and DEVICE.search(line):
        return "a mail program's signature"
    after = [text.strip() for text in lines[index : index + 6] if text.strip()]
    if RULE.match(line) and after and OUTLOOK_FROM.match(after[0]):
        return "the header of the message replied to"
    if OUTLOOK_FROM.match(line) and any(OUTLOOK_SENT.match(text) for text in after[:3]):
        return "the header of the message replied to"
    return None


# A mail program's "smart quotes" may replace the quotes around a name with two spaces.
_SMART_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _meta(raw: str, path: Path, line: int) -> dict[str, str]:
    # As sent first: a name may hold a typographic apostrophe (d’Auvergne), which
    # straightened would open a quote the line never closes.
    parts = _words(raw)
    if parts is None or not _whole(parts):
        parts = _words(raw.translate(_SMART_QUOTES)) or []
    meta = dict(part.split("=", 1) for part in parts if "=" in part)
    if "questionnaire" not in meta or "guest" not in meta:
        raise FileProblem(
            path,
            "the sheet's first line is damaged (questionnaire or guest missing)",
            line=line,
            hint="put back the first line, copied from the sheet you sent",
        )
    if stray := [part for part in parts if "=" not in part]:
        # guest=Nina Petit, its quotes lost: "Petit" would be dropped from the name.
        raise FileProblem(
            path,
            f"the sheet's first line is damaged: {stray[0]!r} is no name=value",
            line=line,
            hint="put back the first line, copied from the sheet you sent",
        )
    if not ID_PATTERN.fullmatch(meta["questionnaire"]):
        # A sheet names its questionnaire by id, as jeudis wrote it: a path there (a
        # guest's doing) had jeudis read any file of the machine as the questionnaire.
        raise FileProblem(
            path,
            f"the sheet's first line is damaged: {clip(meta['questionnaire'])!r} is no"
            " questionnaire's id",
            line=line,
            hint="put back the first line, copied from the sheet you sent",
        )
    return meta


def _words(raw: str) -> list[str] | None:
    try:
        return shlex.split(raw)
    except ValueError:
        return None


def _whole(parts: list[str]) -> bool:
    """Whether the first line's words are all name=value, and name whom and what."""
    keys = {part.partition("=")[0] for part in parts}
    return all("=" in part for part in parts) and {"questionnaire", "guest"} <= keys
