"""What the guest wrote on a returned sheet, told from the sheet's own text.

A section holds the question and its notes as well as the answer, re-wrapped by
a mail program, in italics turned to stars, an emoji turned to "?" by an older
editor; above the first question and below the end line are the sheet's own
instructions, a reply header, a signature. Only what the guest wrote is kept
as the answer, or said as written where nothing imports it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from jeudis import answers as answer_rules
from jeudis.questionnaire import Question, Validation
from jeudis.sheet import MARKUP, TEXT, sheet_text, unescaped
from jeudis.sheet_reading import (
    DEVICE,
    FORWARD_HEADER,
    HEADER,
    MAIL_HEADER_FIELD,
    MOBILE_SIGNATURE,
    QUOTE,
    REPLY_HEADER,
    RULE,
    SIGNATURE,
    Sheet,
)
from jeudis.wording import counted, primary_language


def _as_saved(word: str) -> str:
    """A word of the sheet as an editor saving in an encoding older than UTF-8 writes it:
    a sign the encoding has not (an emoji, a typographic quote) becomes "?"."""
    return re.sub(r"\?+", "?", "".join(char if char <= "\xff" else "?" for char in word))


def _word(word: str) -> str:
    """A word of the sheet's own text as a pattern: as sent, its markup escaped or not
    (:func:`jeudis.sheet.bold`: "Autor\\*in"), or as an older editor saved it."""
    return "".join(
        (r"\\?" + re.escape(char) if char in MARKUP else re.escape(char))
        if char <= "\xff"
        else f"(?:{re.escape(char)}|\\?{{1,2}})"
        for char in word
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
        stripped = re.sub(note_lines, "", body, count=1)
        if stripped == body:
            # The answer typed on the note's line, after it or before it.
            stripped = re.sub(r"(?m)^[ \t]*[_*]" + text + r"[_*][ \t]+", "", body, count=1)
        if stripped == body:
            stripped = re.sub(r"(?m)[ \t]+[_*]" + text + r"[_*][ \t]*$", "", body, count=1)
        body = stripped
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


def as_typed(sheet: Sheet, qid: str, own: list[str]) -> str:
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


def guest_text(region: list[tuple[int, str]], own: list[str]) -> tuple[int, str] | None:
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
    # A word or two of the guest's that the sheet also has ("en", "de la") does not
    # cut their passage in two.
    passages: list[tuple[int, int]] = []
    for start, stop in runs:
        if passages and start - passages[-1][1] <= 3:
            start = passages.pop()[0]
        passages.append((start, stop))
    runs = passages
    # The longest passage quoted, the others named by their lines: a greeting above an
    # answer typed in the wrong place hid the answer in a count, "and 2 more passages".
    start, stop = max(runs, key=lambda run: run[1] - run[0])
    text = " ".join(theirs[start : min(stop, start + 12)]) + (" …" if stop > start + 12 else "")
    others = list(dict.fromkeys(words[at][0] for at, _ in runs if at != start))
    lines = ", ".join(str(line) for line in others[:5]) + (", …" if len(others) > 5 else "")
    more = (
        f" (and {counted(len(runs) - 1, 'more passage')}: line{'s' * (len(others) > 1)} {lines})"
        if len(runs) > 1
        else ""
    )
    return words[start][0], f"“{text}”{more}"


def _italics(paragraph: str) -> list[str]:
    """The notes a paragraph wholly in italics holds ("_…_", or "*…*" once an HTML
    page's), each as its words; none when any of it is not in italics."""
    joined = _joined(paragraph.replace("*", "_"))
    found = re.findall(r"_([^_]+)_", joined)
    return found if found and " ".join(f"_{note}_" for note in found) == joined else []


def dropped_section(sheet: Sheet, qid: str, printed_notes: list[str]) -> tuple[str, str, list[str]]:
    """The section of a question the questionnaire no longer has, a sheet sent before a
    version dropped it: the wording the sheet printed (its first paragraph wholly in
    bold, "" when none is left), the guest's answer, and the notes in italics it keeps
    (paragraphs wholly in italics) that the sheet may have printed.

    What the sheet printed under the question is not known any more: a note of the
    kinds every sheet prints (``printed_notes``, their templates: "Choisir parmi :
    {choices}") is the sheet's, and leaves the answer; another in italics may be a
    help the sheet printed as well as the guest's own words, and stays, to be said.
    """
    paragraphs = re.split(r"\n[ \t]*\n", sheet.answers[qid].strip())
    bold = (_joined(p) for p in paragraphs if re.fullmatch(r"\*\*[^*].*\*\*", _joined(p)))
    printed = next(bold, "****")[2:-2].strip()  # as printed: "Autor\\*in"
    kinds = [
        re.compile(
            "".join(
                ".+" if part.startswith("{") else re.escape(part)
                for part in re.split(r"(\{\w*\})", template)
            )
        )
        for template in printed_notes
    ]
    notes = [note for paragraph in paragraphs for note in _italics(paragraph)]
    sheets = [note for note in notes if any(kind.fullmatch(note) for kind in kinds)]
    own = [f"**{printed}**", *(f"_{note}_" for note in sheets)] if printed else sheets
    asked = unescaped(printed)  # as asked: "Autor*in"
    below = strip_question(as_typed(sheet, qid, own), asked, sheets)
    answer = "\n\n".join(part for part in (sheet.inline.get(qid, ""), below) if part)
    return asked, answer, [note for note in notes if note not in sheets]


def _joined(paragraph: str) -> str:
    return " ".join(paragraph.split())


def sheet_words(sheet: Sheet, language: str, register: str) -> Mapping[str, Any]:
    """The words ``sheet`` was printed in (:data:`jeudis.sheet.TEXT`), to tell them from
    the guest's: the questionnaire's language's, or English's, as a sheet of a language
    that had none of its own yet was printed (German, Spanish...: "(optional)" after a
    German question). Told by its own lines, as many as a mail program left: the one
    whose lines the sheet holds more of; the language's on a tie."""
    ours = sheet_text(language, register)
    if ours is TEXT["en"] or primary_language(language) == "fr":
        return ours
    return max((ours, TEXT["en"]), key=lambda words: lines_held(sheet, words))


def reads_as_french(sheet: Sheet, language: str) -> bool:
    """Whether ``sheet``, ending on "## FIN" in a series in ``language``, is French's
    rather than the language's own (Spanish's, which ends on "## FIN" too)."""
    own = sheet_text(language)
    if own["end_marker"] != sheet.end_marker:
        return True
    french = max(lines_held(sheet, TEXT["fr"]), lines_held(sheet, TEXT["fr-tu"]))
    return french > max(lines_held(sheet, own), lines_held(sheet, sheet_text(language, "tu")))


def lines_held(sheet: Sheet, words: Mapping[str, Any]) -> int:
    """How many of ``words``' lines ``sheet`` holds, however a mail program wrapped them,
    each piece of a line between its placeholders and code spans on its own ("Pick
    from:", "No answer to a question?"...), its end line counting for two."""
    said = [line for _, line in sheet.above + sheet.below] + list(sheet.answers.values())
    text = _as_saved(unicodedata.normalize("NFC", " ".join(" ".join(said).split())))
    kinds = ["intro", "optional", "yesno", "end", "choices", "choices_multi", "number"]
    kinds += ["choices_counted", "when", "when_not", "when_answered", "when_unanswered"]
    lines = [*(str(words[kind]) for kind in kinds), *words["rules"]]
    pieces = {
        _as_saved(unicodedata.normalize("NFC", " ".join(piece.split())))
        for line in lines
        for piece in re.split(r"\{\w*\}|`[^`]*`", line)
    }
    held = sum(1 for piece in pieces if len(piece) > 6 and piece in text)
    return held + 2 * (sheet.end_marker == str(words["end_marker"]))


def as_written(question: Question, raw: Any) -> Any:
    """An answer as the guest wrote it on a sheet of an older version, the rules this
    version added set aside (a ``min_words`` since, a choice renamed since: the guest
    answered by what the sheet printed); None when it reads as no answer of its type
    (a number, a date)."""
    choices = question.choices
    if question.type == "multi":  # each choice written, offered or not ("Facebook, Mastodon")
        written = raw if isinstance(raw, list) else str(raw).split(",")
        choices += tuple(c for c in (str(w).strip() for w in written) if c and c not in choices)
    loose = replace(
        question,
        type="text" if question.type == "choice" else question.type,
        choices=choices,
        validation=Validation(),
        required=False,
    )
    try:
        return answer_rules.coerce(loose, raw)
    except answer_rules.InvalidAnswer:
        return None
