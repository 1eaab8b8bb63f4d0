"""A returned answer sheet made from an older version of its questionnaire: its answers
to questions the new version dropped, kept; the questions and notes it printed in
other words than this version's. Split from :mod:`jeudis.sheet_import`, which reads
the sheet whole."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jeudis.errors import clip
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Questionnaire
from jeudis.session import asked_text
from jeudis.sheet import bold, note_templates, optional_mark, unescaped
from jeudis.sheet_answers import dropped_section
from jeudis.sheet_reading import Sheet
from jeudis.wording import WordingContext


def keep_dropped(
    questionnaire: Questionnaire,
    interview: Interview,
    sheet: Sheet,
    path: Path,
    words: Mapping[str, Any],
) -> list[str]:
    """The answers on a sheet of an older version to questions this one dropped, kept
    in the interview in the sheet's order, as a draft resumed keeps those it has: as
    the guest wrote them, under the question as the sheet printed it. The post
    publishes them; the warnings say so, and what the host may want to look at."""
    printed_notes = note_templates(words, questionnaire.language)
    order = list(sheet.answers)
    kept: list[str] = []
    warnings: list[str] = []
    for qid in order:
        if questionnaire.question(qid) is not None:
            continue
        printed, text, italics = dropped_section(sheet, qid, printed_notes)
        if not text:
            continue  # left empty: nothing the guest wrote
        where = f"{path}:{sheet.lines[qid]}: [{qid}]"
        asked = printed.removesuffix(" " + words["optional"]) or qid
        if not printed:
            warnings.append(
                f"{where}: its question is not on the sheet any more: asked as {qid!r} in"
                " the interview; `jeudis edit` with --reword words it"
            )
        if italics:
            said = clip(" ".join(italics), 60)
            warnings.append(
                f"{where}: “{said}”, in italics, may be a help the sheet printed under the"
                " question: kept in the answer (`jeudis edit` takes it out)"
            )
        answer = Answer.given_now(qid, "long", asked, text)
        anchor = next((a for a in reversed(order[: order.index(qid)]) if interview.answer(a)), None)
        if anchor is None:
            interview.answers.insert(0, answer)
        else:
            interview.set_answer(answer, after=anchor)
        kept.append(qid)
    if kept:
        warnings.insert(
            0,
            f"{path}: no longer in the questionnaire, kept as the sheet asked them (the post"
            f" publishes them, as a draft's that `jeudis resume` finishes): {', '.join(kept)}",
        )
    return warnings


def worded_otherwise(
    sheet: Sheet,
    questionnaire: Questionnaire,
    interview: Interview,
    words: Mapping[str, Any],
    blank: WordingContext,
) -> dict[str, str]:
    """The questions a sheet of an older version printed in other words than this
    version's (the bold line opening their section, however a mail program wrapped it),
    by id: the guest answered those words, and they are not the answer's."""
    worded: dict[str, str] = {}
    for question in questionnaire.questions:
        body = sheet.answers.get(question.id, "").strip()
        opening = " ".join(re.split(r"\n[ \t]*\n", body, maxsplit=1)[0].split())
        if not re.fullmatch(r"\*\*[^*].*\*\*", opening):
            continue
        printed = unescaped(opening[2:-2].strip())  # "Autor*in", as asked
        shown = asked_text(question, interview, blank) + optional_mark(question, words)
        # Not when the section holds this version's line too: the bold words above it
        # are the guest's, written above the question.
        if printed and printed != shown and bold(shown) not in " ".join(body.split()):
            worded[question.id] = printed
    return worded


def noted_otherwise(sheet: Sheet, qid: str, notes: list[str], same_version: bool) -> list[str]:
    """The notes an older version's sheet printed under a question (a paragraph in
    italics) in other words than this version's: each close to one of ``notes`` (its
    help reworded since), and not the answer's. Italics of the guest's own read otherwise."""
    if same_version or not notes:
        return []
    found: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", sheet.answers.get(qid, "").strip())[1:]:
        below = " ".join(paragraph.replace("*", "_").split())
        printed = re.findall(r"_([^_]+)_", below)
        if not printed or " ".join(f"_{p}_" for p in printed) != below:
            continue  # not wholly in italics: the guest's
        found += [
            note
            for note in printed
            if note not in notes
            and any(difflib.SequenceMatcher(None, note, ours).ratio() >= 0.6 for ours in notes)
        ]
    return found
