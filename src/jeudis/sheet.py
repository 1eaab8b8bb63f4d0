"""Email interviews: an answer sheet in Markdown, and reading it back.

The sheet is a plain Markdown file a guest fills in with any editor or mail
client. Each question sits under a marker line, ``## Q3 [utilisations]``: the
number is for the guest, the id in brackets is what the import trusts. The
first line records who the sheet is for, so importing needs nothing else.

Reading tolerates what mail does to a text: ``> `` quoting (the whole sheet, or
only the questions with answers typed in between), a reply header above and a
signature below. What it cannot safely guess (a marker damaged, doubled or
removed) is refused with a message naming the question and what to do.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
import shlex
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeudis import answers as answer_rules
from jeudis import conditions
from jeudis.errors import FileProblem, UsageError, clip
from jeudis.followups import complete
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Condition, Question, Questionnaire, yes_or_no
from jeudis.session import context_for
from jeudis.wording import (
    WordingContext,
    as_text,
    counted,
    first_name,
    placeholders,
    primary_language,
)

HEADER_TAG = "jeudis-sheet"
END_MARKER = "## FIN"
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
# "Le jeu. 26 nov., Stéphane a écrit :" is a mail program's only above the lines it quotes.
REPLY_HEADER = re.compile(r"^(Le|On)\b.*(a écrit|wrote)\s*:\s*$", re.IGNORECASE)
# A header line of a message a mail program quoted or forwarded: "De : Stéphane <s@x.fr>"
# ("**De :**" from an HTML email, where the name of the field is bold).
MAIL_HEADER_FIELD = re.compile(
    r"^\**(De|From|Envoyé|Sent|Date|À|To|Cc|Objet|Subject)[ \t\u00a0]*:", re.IGNORECASE
)
# What a phone or a mail app signs with: "Envoyé de mon iPhone", "Sent from Outlook for iOS".
MOBILE_SIGNATURE = re.compile(
    r"^((Envoyé|Envoye|Sent|Expédié)\s+(de|depuis|à partir de|from|with|using)\s+"
    r"(mon |ma |my |l.application |the )?\S.{0,60}|(Get|Obtenir|Télécharger) Outlook\b.{0,40})$",
    re.IGNORECASE,
)
DEVICE = re.compile(
    r"\b(iPhone|iPad|Android|iOS|mobile|smartphone|Galaxy|Samsung|Outlook|Mail|Gmail|Yahoo|"
    r"BlackBerry|Huawei|Xiaomi|Pixel|tablette|tablet|appareil|device|Proton)",
    re.IGNORECASE,
)
# Outlook's header of the message replied to: "De : …" then "Envoyé : …" (or "From:", "Sent:").
OUTLOOK_FROM = re.compile(r"^\**(De|From)[ \t\u00a0]*:", re.IGNORECASE)
OUTLOOK_SENT = re.compile(r"^\**(Envoyé|Sent|Date)[ \t\u00a0]*:", re.IGNORECASE)
RULE = re.compile(r"^(_{5,}|-{5,}|={5,})$")
FORWARD_HEADER = re.compile(
    r"^-{2,}\s*(Original Message|Message d.origine|Forwarded message)", re.IGNORECASE
)

# Any control character, a tab too: a name is one line of plain text.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

TEXT = {
    "fr": {
        "hello": "Bonjour {guest},",
        "intro": (
            "Merci d’avoir accepté de répondre à ces questions ! Écrivez chaque réponse "
            "sous sa question, dans l’espace laissé libre, avec le logiciel de votre choix "
            "(ou directement dans votre réponse à l’e-mail)."
        ),
        "rules": [
            (
                "Ne modifiez pas les lignes qui commencent par `## Q` (par exemple `## Q1 [{first}]`) "
                "ni la première ligne : elles permettent de retrouver chaque réponse."
            ),
            (
                "Vos réponses peuvent faire plusieurs paragraphes, des listes (une ligne par point, "
                "qui commence par « - »), des liens et des emoji."
            ),
            "Une question sans réponse ? Laissez simplement l’espace vide.",
            (
                "Renvoyez la feuille en pièce jointe, ou dans le corps de votre réponse : "
                "les « > » ajoutés par la messagerie ne gênent pas."
            ),
        ],
        "optional": "(facultatif)",
        "choices": "Choisir parmi : {choices}",
        "yesno": "Répondre par oui ou par non.",
        "number": "Un nombre, par exemple 9 200.",
        "when": "(Seulement si vous avez répondu {value} à la question {number}.)",
        "when_not": "(Seulement si vous n’avez pas répondu {value} à la question {number}.)",
        "when_answered": "(Seulement si vous avez répondu à la question {number}.)",
        "when_unanswered": "(Seulement si vous n’avez pas répondu à la question {number}.)",
        "quote": "« {} »",
        "or": " ou ",
        "quoted": "votre réponse à la question {number}",
        "end": "Fin des questions : merci beaucoup !",
    },
    "fr-tu": {
        "hello": "Bonjour {guest},",
        "intro": (
            "Merci d’avoir accepté de répondre à ces questions ! Écris chaque réponse "
            "sous sa question, dans l’espace laissé libre, avec le logiciel de ton choix "
            "(ou directement dans ta réponse à l’e-mail)."
        ),
        "rules": [
            (
                "Ne modifie pas les lignes qui commencent par `## Q` (par exemple `## Q1 [{first}]`) "
                "ni la première ligne : elles permettent de retrouver chaque réponse."
            ),
            (
                "Tes réponses peuvent faire plusieurs paragraphes, des listes (une ligne par point, "
                "qui commence par « - »), des liens et des emoji."
            ),
            "Une question sans réponse ? Laisse simplement l’espace vide.",
            (
                "Renvoie la feuille en pièce jointe, ou dans le corps de ta réponse : "
                "les « > » ajoutés par la messagerie ne gênent pas."
            ),
        ],
        "optional": "(facultatif)",
        "choices": "Choisir parmi : {choices}",
        "yesno": "Répondre par oui ou par non.",
        "number": "Un nombre, par exemple 9 200.",
        "when": "(Seulement si tu as répondu {value} à la question {number}.)",
        "when_not": "(Seulement si tu n’as pas répondu {value} à la question {number}.)",
        "when_answered": "(Seulement si tu as répondu à la question {number}.)",
        "when_unanswered": "(Seulement si tu n’as pas répondu à la question {number}.)",
        "quote": "« {} »",
        "or": " ou ",
        "quoted": "ta réponse à la question {number}",
        "end": "Fin des questions : merci beaucoup !",
    },
    "en": {
        "hello": "Hello {guest},",
        "intro": (
            "Thank you for answering these questions! Write each answer below its question, "
            "in the empty space, with any editor (or right in your reply to the email)."
        ),
        "rules": [
            (
                "Please leave the lines starting with `## Q` (e.g. `## Q1 [{first}]`) and the first "
                "line as they are: they tell which answer is which."
            ),
            (
                "Answers may have several paragraphs, lists (one line per item, starting with "
                "“- ”), links and emoji."
            ),
            "No answer to a question? Just leave its space empty.",
            (
                "Send the sheet back as an attachment or in the body of your reply: the “>” your "
                "mail program adds are fine."
            ),
        ],
        "optional": "(optional)",
        "choices": "Pick from: {choices}",
        "yesno": "Answer yes or no.",
        "number": "A number, e.g. 9,200.",
        "when": "(Only if you answered {value} to question {number}.)",
        "when_not": "(Only if you did not answer {value} to question {number}.)",
        "when_answered": "(Only if you answered question {number}.)",
        "when_unanswered": "(Only if you did not answer question {number}.)",
        "quote": "“{}”",
        "or": " or ",
        "quoted": "your answer to question {number}",
        "end": "End of the questions: thank you!",
    },
}


def _text(language: str, register: str = "vous") -> dict[str, Any]:
    base = primary_language(language)
    return TEXT.get(f"{base}-{register}", TEXT.get(base, TEXT["en"]))


# -- writing ----------------------------------------------------------------------------


def marker(number: int, question_id: str) -> str:
    return f"## Q{number} [{question_id}]"


def render_sheet(questionnaire: Questionnaire, interview: Interview) -> str:
    """The answer sheet for ``interview`` (prepared, not yet saved) as Markdown."""
    words = _text(questionnaire.language, interview.register)
    numbers = {q.id: n for n, q in enumerate(questionnaire.questions, 1)}
    context = _sheet_context(questionnaire, interview, words, numbers)
    meta = {
        "questionnaire": questionnaire.id,
        "version": str(questionnaire.version),
        "guest": interview.guest,
        "register": interview.register,
        "gender": interview.gender or "",
        "host": interview.host,
    }
    # The host's fields its questions quote: the import words them as the sheet did.
    meta |= {
        f"field.{key}": as_text(interview.fields[key], questionnaire.language)
        for key in quoted_fields(questionnaire, interview.register)
        if interview.fields.get(key) not in (None, "")
    }
    header = " ".join(f"{key}={shlex.quote(value)}" for key, value in meta.items() if value)
    lines = [f"<!-- {HEADER_TAG} {header} -->", "", f"# {interview.title}", ""]
    # "Bonjour Nina," to a guest one says tu to; "Bonjour Nina Petit," otherwise.
    name = first_name(interview.guest) if interview.register == "tu" else interview.guest
    lines += [words["hello"].format(guest=name or interview.guest), "", words["intro"], ""]
    first = questionnaire.questions[0].id if questionnaire.questions else "id"
    lines += [f"- {rule.format(first=first)}" for rule in words["rules"]]
    lines += [""]
    for number, question in enumerate(questionnaire.questions, 1):
        lines += ["", marker(number, question.id), ""]
        wording = question.wording(interview.register, context)
        if not question.required:
            wording += " " + words["optional"]
        lines += [f"**{wording}**"]
        notes = _notes(question, interview, questionnaire, words, numbers, context)
        if notes:
            lines += ["", *(f"_{note}_" for note in notes)]
        lines += ["", "", "", ""]
    lines += ["", END_MARKER, "", words["end"], ""]
    return "\n".join(lines)


def _sheet_context(
    questionnaire: Questionnaire,
    interview: Interview,
    words: Mapping[str, Any],
    numbers: Mapping[str, int],
) -> WordingContext:
    """How the sheet words its questions: written before any answer, one quoting an
    earlier answer says which ("« votre réponse à la question 1 »"), not «  »."""
    quoted = {qid: words["quoted"].format(number=number) for qid, number in numbers.items()}
    return context_for(
        questionnaire, interview.guest, interview.host, interview.gender, quoted, interview.fields
    )


def _notes(
    question: Question,
    interview: Interview,
    questionnaire: Questionnaire,
    words: Mapping[str, Any],
    numbers: Mapping[str, int],
    context: WordingContext,
) -> list[str]:
    """The notes under a question on the sheet (``context``: :func:`_sheet_context`)."""
    notes = []
    if question.help:
        notes.append(question.help_text(interview.register, context))
    if question.type in ("choice", "multi"):
        notes.append(words["choices"].format(choices=", ".join(question.choices)))
    elif question.type == "yesno":
        notes.append(words["yesno"])
    elif question.type == "number":
        notes.append(words["number"])
    if question.when is not None:
        notes += _condition_notes(question.when, questionnaire, words, numbers)
    return notes


def _condition_notes(
    when: Condition,
    questionnaire: Questionnaire,
    words: Mapping[str, Any],
    numbers: Mapping[str, int],
) -> list[str]:
    """What the condition asks, as the guest answers: "(Only if you answered “yes” to
    question 2.)"; every test it makes (equals, not_equals, in, answered)."""
    looked_at = questionnaire.question(when.question)
    number = numbers.get(when.question, "?")

    def said(value: Any) -> str:
        if looked_at is not None and looked_at.type == "yesno" and yes_or_no(value) is not None:
            value = yes_or_no(value)  # "yes" on an English sheet, "oui" on a French one
        return str(words["quote"]).format(as_text(value, questionnaire.language))

    notes = []
    if when.equals is not None:
        notes.append(words["when"].format(value=said(when.equals), number=number))
    if when.one_of is not None:
        value = str(words["or"]).join(said(one) for one in when.one_of)
        notes.append(words["when"].format(value=value, number=number))
    if when.not_equals is not None:
        notes.append(words["when_not"].format(value=said(when.not_equals), number=number))
    if when.answered is not None:
        notes.append(
            words["when_answered" if when.answered else "when_unanswered"].format(number=number)
        )
    return notes


# -- reading ----------------------------------------------------------------------------


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
    # question id → the answer's first line, written on the marker's own line
    inline: dict[str, str] = field(default_factory=dict)
    # (line, number, text) of the headings like "## Q3 ..." with no [id]: answer text, or
    # a marker that lost its id (said when that question is missing)
    headings: list[tuple[int, int, str]] = field(default_factory=list)
    # question id → {line of the answer: that line as typed}: a line quoted as the
    # sheet is, where the guest typed answers unquoted, may be their own quotation
    quoted: dict[str, dict[int, str]] = field(default_factory=dict)


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
    (:func:`_as_typed`).
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
    """Split a returned sheet into raw answers by question id; refuse damaged markers."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    depth = _mail_depth(raw)
    lines = _join_header([_unquoted(line, depth) for line in raw])
    meta: dict[str, str] | None = None
    meta_line = 1
    sections: list[tuple[str, int, int, list[int]]] = []  # id, number, line, body's lines
    current: list[int] | None = None
    cuts: dict[str, tuple[int, str]] = {}
    above: list[tuple[int, str]] = []
    inline: dict[str, str] = {}
    headings: list[tuple[int, int, str]] = []
    last_marker = max((n for n, line in enumerate(lines, 1) if _marker(line)), default=0)
    # The sheet's own end line, exactly as written, below the last question: a guest's
    # heading "## Fin" in an answer is the answer's.
    end = max(
        (n for n, line in enumerate(lines, 1) if line.strip() == END_MARKER and n > last_marker),
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
        inline=inline,
        headings=headings,
    )
    _fill_answers(sheet, sections, raw, lines, depth, path)
    return sheet


def _fill_answers(
    sheet: Sheet,
    sections: list[tuple[str, int, int, list[int]]],
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


def _as_saved(word: str) -> str:
    """A word of the sheet as an editor saving in an encoding older than UTF-8 writes it:
    a sign the encoding has not (an emoji, a typographic quote) becomes "?"."""
    return re.sub(r"\?+", "?", "".join(char if char <= "\xff" else "?" for char in word))


def _word(word: str) -> str:
    """A word of the sheet's own text as a pattern: as sent, or as an older editor saved it."""
    return "".join(
        re.escape(char) if char <= "\xff" else f"(?:{re.escape(char)}|\\?{{1,2}})" for char in word
    )


def strip_question(raw: str, asked: str, notes: list[str] | None = None) -> str:
    """The guest's answer: the section without the question (however it was re-wrapped)."""
    body = raw.strip("\n")
    words = [_word(w) for w in asked.split()]
    if words:
        question = r"(\*\*)?\s*" + r"\s+".join(words) + r"\s*(\*\*)?"
        stripped = re.sub(r"\A\s*" + question + r"[ \t]*(\n|\Z)", "", body, count=1)
        if stripped == body:
            # The answer begun on the question's own line ("**… ?** Depuis 2009."), or
            # written above the question: the question's line goes, the answer stays.
            stripped = re.sub(
                r"\A\s*\*\*\s*" + r"\s+".join(words) + r"\s*\*\*[ \t]+", "", body, count=1
            )
        if stripped == body:
            stripped = re.sub(r"(?m)^[ \t]*" + question + r"[ \t]*(?:\n|\Z)", "", body, count=1)
        body = stripped
    # The notes printed under a question (help, choices) may end up above or below the
    # answer, and a mail program may have wrapped a long one over several lines.
    for note in notes or []:
        # In italics, "_…_", or "*…*" once an HTML page's (a sheet saved as one).
        text = r"\s+".join(_word(w) for w in note.split())
        note_lines = r"(?m)^[ \t]*[_*]" + text + r"[_*][ \t]*(?:\n|\Z)"
        body = re.sub(note_lines, "", body, count=1)
    return _tidy(body.split("\n"))


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _tidy(lines: list[str]) -> str:
    """The lines without blank ones at either end, and each run of blank lines (the
    room the sheet left) made one, except inside a fenced code block."""
    out: list[str] = []
    fence = ""
    for line in lines:
        opening = FENCE.match(line)
        if opening and not fence:
            fence = opening.group(1)[0] * 3
        elif opening and line.strip().startswith(fence):
            fence = ""
        if not fence and not line.strip() and (not out or not out[-1]):
            continue
        out.append("" if not fence and not line.strip() else line.rstrip())
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


@dataclass
class Imported:
    interview: Interview
    missing: list[str]
    warnings: list[str] = field(default_factory=list)


def import_sheet(
    questionnaire: Questionnaire,
    interview: Interview,
    sheet: Sheet,
    path: Path,
    known: Mapping[str, Any] | None = None,
) -> Imported:
    """Fill ``interview`` from ``sheet``: complete when every required answer is there.

    ``known``: the answers of the interview the sheet updates (``--update``), which
    its conditions and quoted answers read where the sheet leaves a question empty:
    a second sheet holding the opinion alone asks it of a guest who said "oui" on
    the first.

    When the sheet was made from the questionnaire's current version, a marker
    that is unknown or missing is an error; from an older version, questions
    added since are simply unanswered (the draft asks them on ``resume``).
    """
    words = _text(questionnaire.language, interview.register)
    expected = {q.id: n for n, q in enumerate(questionnaire.questions, 1)}
    same_version = sheet.meta.get("version", "") == str(questionnaire.version)
    warnings = _check_markers(sheet, expected, same_version, path)
    warnings += _cut_warnings(sheet, expected)
    warnings += _unread_warnings(sheet, render_sheet(questionnaire, interview).split())
    problems: list[str] = []
    missing: list[str] = []
    values: dict[str, Any] = {}  # the sheet's answers
    seen = dict(known or {})  # and the interview's, as conditions and wordings read them
    fields = interview.fields  # the host's, as the sheet's first line gave them
    blank = _sheet_context(questionnaire, interview, words, expected)

    def answer_text(question: Question) -> str:
        # The sheet was written before any answer: its wording quoted none.
        shown = question.wording(interview.register, blank)
        shown += " " + words["optional"] if not question.required else ""
        notes = _notes(question, interview, questionnaire, words, expected, blank)
        own = [f"**{shown}**", *(f"_{note}_" for note in notes)]
        below = strip_question(_as_typed(sheet, question.id, own), shown, notes)
        first = sheet.inline.get(question.id, "")
        return "\n\n".join(part for part in (first, below) if part)

    left_out: list[str] = []
    for question in questionnaire.questions:
        if question.when is not None and not question.when.holds(seen):
            seen.pop(question.id, None)  # counts for none: not asked
            # As a live session sets such an answer aside: out of the post, in the notes.
            if question.id in sheet.answers and (text := answer_text(question)):
                why = conditions.why_not_asked(questionnaire, question, seen)
                warnings.append(_not_asked(questionnaire, question, sheet, expected, seen))
                asked = question.wording(interview.register, blank)
                left_out.append(conditions.note_line(question.id, asked, why, text))
            continue
        if question.id not in sheet.answers:
            missing.append(question.id)
            continue
        context = context_for(
            questionnaire, interview.guest, interview.host, interview.gender, seen, fields
        )
        asked = question.wording(interview.register, context)
        raw = answer_text(question)
        if not raw and question.required:
            missing.append(question.id)
            continue
        try:
            value = answer_rules.coerce(question, _listish(question, raw))
        except answer_rules.InvalidAnswer as exc:
            where = f"{path}:{sheet.lines[question.id]}: Q{expected[question.id]} [{question.id}]"
            problems.append(f"{where}: {exc}")
            continue
        values[question.id] = seen[question.id] = value
        interview.set_answer(Answer.given_now(question.id, question.type, asked, value))
    if problems:
        # One to a line, each at its line of the sheet: one alone is the error's line.
        said = f"{path}: {counted(len(problems), 'answer')} cannot be read:\n  "
        raise UsageError(
            said + "\n  ".join(problems) if len(problems) > 1 else problems[0],
            hint="correct those answers in the sheet and import it again; nothing was written",
        )
    if left_out:
        heading = conditions.heading(f"Written on the sheet {path.name}, not asked")
        interview.notes = "\n".join([heading, *left_out])
    warnings += _written_above_a_marker(sheet, expected, set(values))
    for spec in questionnaire.fields:
        if not spec.required:
            interview.fields.setdefault(spec.id, "")
        elif spec.id not in interview.fields:
            missing.append(f"fields.{spec.id}")
    if not missing:
        complete(questionnaire, interview)
    return Imported(interview, missing, warnings)


def _as_typed(sheet: Sheet, qid: str, own: list[str]) -> str:
    """The section of ``qid``, where the guest typed answers unquoted between the quoted
    questions, with their own quotations quoted: a quoted line that is not the sheet's
    (``own``: the question and its notes, which a mail program may have wrapped), and
    a quoted empty line between two of them."""
    lines = sheet.answers[qid].split("\n")
    typed = sheet.quoted.get(qid, {})
    sheets = _as_saved(unicodedata.normalize("NFC", " ".join(" ".join(own).split())))
    theirs = {
        at
        for at in typed
        if lines[at].strip()
        and _as_saved(unicodedata.normalize("NFC", " ".join(lines[at].split()))) not in sheets
    }
    theirs |= {at for at in typed if not lines[at].strip() and {at - 1, at + 1} <= theirs}
    return "\n".join(typed[at] if at in theirs else line for at, line in enumerate(lines))


def _check_markers(
    sheet: Sheet, expected: Mapping[str, int], same_version: bool, path: Path
) -> list[str]:
    """Refuse a marker unknown or missing from the current version; warn for an older one."""
    warnings: list[str] = []
    unknown = [qid for qid in sheet.answers if qid not in expected]
    if unknown and same_version:
        qid = unknown[0]
        close = difflib.get_close_matches(qid, list(expected), n=1)
        hint = (
            f"restore it as `{marker(expected[close[0]], close[0])}`"
            if close
            else "restore the marker line from the sheet you sent"
        )
        raise FileProblem(
            path, f"unknown question id [{qid}] in a marker", line=sheet.lines[qid], hint=hint
        )
    if unknown:
        warnings.append("no longer in the questionnaire, not imported: " + ", ".join(unknown))
    removed = [qid for qid in expected if qid not in sheet.answers]
    if removed and same_version:
        qid = removed[0]
        number = expected[qid]
        for line, heading, text in sheet.headings:
            if heading == number:
                raise FileProblem(
                    path,
                    f"this line looks like a damaged question marker: {text!r}",
                    line=line,
                    hint=f"a marker reads exactly `{marker(number, qid)}`; "
                    "restore it from the sheet you sent",
                )
        more = f" (and {len(removed) - 1} more)" if len(removed) > 1 else ""
        raise FileProblem(
            path,
            f"question {number} [{qid}] is missing: its marker line was removed or changed{more}",
            hint=f"put the line `{marker(number, qid)}` back above its answer "
            "(an empty answer is fine)",
        )
    return warnings


# The room a sheet leaves for an answer: two blank lines or more.
_ROOM = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _written_above_a_marker(
    sheet: Sheet, numbers: Mapping[str, int], answered: set[str]
) -> list[str]:
    """Text written right above a question's marker, past the room left for the answer
    before it, while that question has no answer: likely its answer, written above it.

    It stays where the sheet puts it, in the answer before (moving a guest's words on
    a guess could be wrong too); the host is told, to move it if it is the next one's.
    """
    warnings: list[str] = []
    order = list(sheet.answers)
    for qid, following in itertools.pairwise(order):
        body = sheet.answers[qid]
        if following in answered or qid not in numbers or following not in numbers:
            continue
        if re.search(r"\n[ \t]*\n[ \t]*\Z", body):
            continue  # blank lines below the text: the room the sheet left, unused
        blocks = _ROOM.split(body.strip())
        if len(blocks) < 2 or not blocks[-1].strip():
            continue
        words = " ".join(blocks[-1].split()[:8])
        warnings.append(
            f"Q{numbers[qid]} [{qid}] (line {sheet.lines[qid]}): « {words} » is written right"
            f" above the marker of Q{numbers[following]} [{following}], which has no answer:"
            f" kept in Q{numbers[qid]}; if it answers Q{numbers[following]}, move it under"
            " that question and import again"
        )
    return warnings


def _not_asked(
    questionnaire: Questionnaire,
    question: Question,
    sheet: Sheet,
    numbers: Mapping[str, int],
    values: Mapping[str, Any],
) -> str:
    where = f"Q{numbers[question.id]} [{question.id}] (line {sheet.lines[question.id]})"
    why = conditions.why_not_asked(
        questionnaire, question, values, lambda qid: f"Q{numbers.get(qid, '?')} [{qid}]"
    )
    return f"{where}: answered, but {why}: kept in the interview's private notes, out of the post"


def _cut_warnings(sheet: Sheet, numbers: Mapping[str, int]) -> list[str]:
    """Say where a mail program's addition ended an answer: the guest may have meant it."""
    return [
        f"Q{numbers[qid]} [{qid}]: {what} at line {line} ends the answer; "
        "what follows it was left out"
        for qid, (line, what) in sheet.cuts.items()
        if qid in numbers
    ]


def _unread_warnings(sheet: Sheet, own: list[str]) -> list[str]:
    """Say what the guest wrote outside the questions: above the first, below the end."""
    warnings = []
    for where, region in (
        ("above the first question", sheet.above),
        (f"below the end line ({END_MARKER})", sheet.below),
    ):
        if unread := _guest_text(region, own):
            line, text = unread
            warnings.append(f"line {line}: text {where}, not imported: {text}")
    return warnings


def _guest_text(region: list[tuple[int, str]], own: list[str]) -> tuple[int, str] | None:
    """The first words in ``region`` the guest wrote, with their line: not the sheet's own
    text (``own``, its words), a reply header, the mail quoted or a signature."""
    words: list[tuple[int, str]] = []
    signature = skip = False
    for at, (number, line) in enumerate(region):
        stripped = line.strip()
        # A reply header a mail program wrapped: "Le jeu., Alexis <" / "a@b.fr> a écrit :".
        joined = " ".join(text.strip() for _, text in region[at : at + 2])
        if skip or (REPLY_HEADER.match(joined) and not REPLY_HEADER.match(stripped)):
            skip = not skip
            continue
        if HEADER.match(stripped) or QUOTE.match(line) or REPLY_HEADER.match(stripped):
            signature = False
            continue
        if SIGNATURE.match(stripped):
            signature = True  # until the quoted mail, or to the end
        if signature or RULE.match(stripped) or MAIL_HEADER_FIELD.match(stripped):
            continue
        if MOBILE_SIGNATURE.match(stripped) and DEVICE.search(stripped):
            continue
        if FORWARD_HEADER.match(stripped):
            continue
        words += [(number, unicodedata.normalize("NFC", word)) for word in line.split()]
    theirs = [word for _, word in words]
    own = [_as_saved(unicodedata.normalize("NFC", word)) for word in own]
    matcher = difflib.SequenceMatcher(
        None, [_as_saved(word) for word in theirs], own, autojunk=False
    )
    runs = [
        (start, stop)
        for tag, start, stop, own_start, own_stop in matcher.get_opcodes()
        if tag in ("replace", "delete")
        # A word a mail program cut in two ("sou" "s") is still the sheet's.
        and _as_saved("".join(theirs[start:stop])) != "".join(own[own_start:own_stop])
    ]
    if not runs:
        return None
    start, stop = runs[0]
    text = " ".join(theirs[start : min(stop, start + 12)]) + (" …" if stop > start + 12 else "")
    more = f" (and {counted(len(runs) - 1, 'more passage')} further down)" if len(runs) > 1 else ""
    return words[start][0], f"« {text} »{more}"


def _listish(question: Question, raw: str) -> Any:
    """A multi-choice answer written as a Markdown list reads like "a, b"."""
    if question.type != "multi":
        return raw
    items = [re.sub(r"^\s*[-*+]\s*", "", line).strip() for line in raw.split("\n")]
    return [item for item in items if item] if "\n" in raw else raw


def quoted_fields(questionnaire: Questionnaire, register: str) -> dict[str, str]:
    """The host's fields a sheet's questions quote (``{field:book_title}``, in a question
    or its help): field id, with the marker of the first question quoting it."""
    quoted: dict[str, str] = {}
    for number, question in enumerate(questionnaire.questions, 1):
        for template in question.templates(register):
            for inner in placeholders(template):
                kind, _, ref = inner.partition(":")
                if kind == "field" and ref:
                    quoted.setdefault(ref, marker(number, question.id).lstrip("# "))
    return quoted


def sheet_fields(
    questionnaire: Questionnaire, register: str, given: Mapping[str, str]
) -> dict[str, Any]:
    """For ``jeudis sheet``: the fields its questions quote, given as ``ID=VALUE`` text.

    Each is checked as in a live session, and every one quoted is needed: a sheet
    would go to the guest with a hole in a question. Only those: the others (the
    intro, the photo) are the host's to fill after the import, not the sheet's.
    Raises :class:`UsageError` for anything else.
    """
    quoted = quoted_fields(questionnaire, register)
    fields: dict[str, Any] = {}
    for key, raw in given.items():
        if questionnaire.field(key) is None:
            known = ", ".join(f.id for f in questionnaire.fields) or "none"
            raise UsageError(
                f"{questionnaire.id} has no field {key!r}", hint=f"its fields: {known}"
            )
        if key not in quoted:
            raise UsageError(
                f"no question of the sheet quotes the field {key!r}",
                hint="fill it in after the import: `jeudis edit SLUG --fields`",
            )
        if "\n" in raw or "\r" in raw or "-->" in raw:
            raise UsageError(f"field {key}: one line, without -->, to fit the sheet's first line")
        fields[key] = _field_value(questionnaire, key, raw)
    for key, where in quoted.items():
        if fields.get(key) in (None, ""):
            raise UsageError(
                f"{where} quotes the field {key!r}, not given",
                hint=f'give it: --field {key}="..."',
            )
    return fields


def _field_value(questionnaire: Questionnaire, key: str, raw: str) -> Any:
    spec = questionnaire.field(key)
    assert spec is not None
    try:
        value = answer_rules.coerce(spec, raw)
    except answer_rules.InvalidAnswer as exc:
        raise UsageError(f"field {key}: {exc}") from None
    return "" if value is None else value


def imported_fields(
    questionnaire: Questionnaire, register: str, sheet: Sheet
) -> tuple[dict[str, Any], list[str]]:
    """For ``jeudis import``: the fields the sheet's first line records, and warnings.

    Only those its questions quote are taken, each checked again: the first line
    comes back from the guest, who could set any field there (the photo, the
    intro) as easily as the host's. A field the questionnaire no longer quotes,
    or no longer accepts, is left out with a warning, as a question removed is.
    """
    quoted = quoted_fields(questionnaire, register)
    recorded = {
        k.removeprefix("field."): v for k, v in sheet.meta.items() if k.startswith("field.")
    }
    fields: dict[str, Any] = {}
    warnings: list[str] = []
    for key, raw in recorded.items():
        if key not in quoted:
            warnings.append(
                f"field {key} on the sheet's first line: no question quotes it, not imported"
            )
            continue
        try:
            fields[key] = _field_value(questionnaire, key, raw)
        except UsageError as problem:
            warnings.append(f"{problem.message}: not imported")
    return fields, warnings


def sheet_options(sheet: Sheet, questionnaire: Questionnaire, path: Path) -> dict[str, Any]:
    """The session options the sheet's first line records, each checked as its option is.

    The first line comes back from the guest, who can edit it like any other: a value
    no option would take is refused here, named as the sheet's line (the user typed
    no ``--gender``), before anything is written. An empty value is no value.
    """
    meta = sheet.meta

    def refuse(key: str, reason: str) -> UsageError:
        return UsageError(
            f"{path}:{sheet.meta_line}: {key}={clip(meta[key], 40)}: {reason}",
            hint="put back the first line, copied from the sheet you sent",
        )

    if not meta["guest"].strip():  # else said as "pass --guest", an option not typed
        raise refuse("guest", "the guest's name is empty")
    for key in ("guest", "host"):
        if _CONTROL.search(meta.get(key, "")):
            raise UsageError(
                f"{path}:{sheet.meta_line}: {key}: a control character in the name",
                hint="put back the first line, copied from the sheet you sent",
            )
    gender = meta.get("gender") or None
    if gender not in (None, "f", "m"):
        raise refuse("gender", "use f or m")
    register = meta.get("register") or None
    if register is not None and register not in questionnaire.registers:
        raise refuse("register", f"{questionnaire.id} knows {', '.join(questionnaire.registers)}")
    date = None
    if "date" in meta:
        try:
            date = dt.date.fromisoformat(meta["date"])
        except ValueError:
            raise refuse("date", "not a date (YYYY-MM-DD)") from None
    return {
        "guest": meta["guest"],
        "register": register,
        "gender": gender,
        "host": meta.get("host"),
        "date": date,
    }
