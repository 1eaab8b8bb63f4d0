"""A returned sheet's first line: the session options and the host's fields it records.

The first line comes back from the guest, who can edit it like any other: each
value is checked again, as its option or field is, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jeudis.errors import FileProblem, UsageError, clip
from jeudis.questionnaire import Questionnaire
from jeudis.sheet import field_value, quoted_fields
from jeudis.sheet_reading import Sheet
from jeudis.textsafe import control_in
from jeudis.wording import worded_for


def imported_fields(
    questionnaire: Questionnaire, register: str, sheet: Sheet, path: Path
) -> tuple[dict[str, Any], list[str]]:
    """For ``jeudis import``: the fields the sheet's first line records, and warnings.

    Only those its questions quote are taken, each checked again: the first line
    comes back from the guest, who could set any field there (the photo, the
    intro) as easily as the host's. A field the questionnaire no longer quotes,
    or no longer accepts, is left out with a warning at the sheet's first line, as
    a question removed is.
    """
    quoted = quoted_fields(questionnaire, register)
    recorded = {
        k.removeprefix("field."): v for k, v in sheet.meta.items() if k.startswith("field.")
    }
    fields: dict[str, Any] = {}
    warnings: list[str] = []
    at = f"{path}:{sheet.meta_line}"
    for key, raw in recorded.items():
        if key not in quoted:
            warnings.append(f"{at}: field {key}: no question quotes it, not imported")
            continue
        try:
            fields[key] = field_value(questionnaire, key, raw)
        except UsageError as problem:
            warnings.append(f"{at}: {problem.message}: not imported")
    return fields, warnings


def sheet_options(
    sheet: Sheet, questionnaire: Questionnaire, path: Path
) -> tuple[dict[str, Any], list[str]]:
    """The session options the sheet's first line records, each checked as its option
    is, and warnings.

    The first line comes back from the guest, who can edit it like any other: a value
    no option would take is refused here, named as the sheet's line (the user typed
    no ``--gender``), before anything is written. An empty value is no value. A form
    of address a questionnaire worded one way only does not declare is read as that
    one, with a warning: its questions read the same whatever it says, and the sheet
    is the guest's work (an English sheet written when a questionnaire declaring no
    forms of address took French's, and said register=tu).
    """
    meta = sheet.meta
    warnings: list[str] = []

    def refuse(key: str, reason: str, *, quoted: bool = True) -> FileProblem:
        # A value of the file that does not read, as a questionnaire's or an interview's
        # is: an invalid file, at its line.
        return FileProblem(
            path,
            f"{key}={clip(meta[key], 40)}: {reason}" if quoted else f"{key}: {reason}",
            line=sheet.meta_line,
            hint="put back the first line, copied from the sheet you sent",
        )

    if not meta["guest"].strip():  # else said as "pass --guest", an option not typed
        raise refuse("guest", "the guest's name is empty")
    for key in ("guest", "first_name", "host"):
        if control_in(meta.get(key, "")):  # not quoted: the character is what is wrong
            raise refuse(key, "a control character in the name", quoted=False)
    gender = meta.get("gender") or None
    if gender not in (None, "f", "m"):
        raise refuse("gender", "use f or m")
    register = meta.get("register") or None
    if register is not None and register not in questionnaire.registers:
        worded = f"{questionnaire.id} is worded for {worded_for(questionnaire.registers)}"
        if len(questionnaire.registers) > 1:  # which one the guest was asked in is unknown
            raise refuse("register", worded)
        register = questionnaire.registers[0]
        warnings.append(
            f"{path}:{sheet.meta_line}: register={clip(meta['register'], 40)}: {worded};"
            f' read as "{register}", its one form of address'
        )
    date = None
    if "date" in meta:
        try:
            date = dt.date.fromisoformat(meta["date"])
        except ValueError:
            raise refuse("date", "not a date (YYYY-MM-DD)") from None
    options = {
        "guest": meta["guest"],
        "first_name": meta.get("first_name", ""),
        "register": register,
        "gender": gender,
        "host": meta.get("host"),
        "date": date,
    }
    return options, warnings


def reworded_questions(sheet: Sheet, questionnaire: Questionnaire) -> dict[str, str]:
    """The questions the host worded otherwise for the guest (``sheet --reword``), by id,
    as the sheet's first line records them (``reword.ID='...'``): each a question of the
    questionnaire, one line of text; any other is not taken, as a field no question
    quotes is not (the first line comes back from the guest)."""
    from jeudis.sheet import REWORD

    rewordings = {}
    for key, text in sheet.meta.items():
        qid, one_line = key.removeprefix(REWORD), " ".join(text.split())
        known = qid != key and questionnaire.question(qid) is not None
        if known and one_line and not control_in(text):
            rewordings[qid] = one_line
    return rewordings


def asked_questions(sheet: Sheet, path: Path) -> dict[str, str]:
    """The questions the host wrote for an open questionnaire's sheet, by id, as its
    first line records them (``asked.question-1='...'``), in their order. Each is one
    line of text, as a live question is: the first line comes back from the guest."""
    from jeudis.sheet import ASKED

    asked: dict[str, str] = {}
    for key, text in sheet.meta.items():
        if not key.startswith(ASKED):
            continue
        if control_in(text, lines=True):
            raise FileProblem(
                path,
                f"{key}: a control character in the question",
                line=sheet.meta_line,
                hint="put back the first line, copied from the sheet you sent",
            )
        if one_line := " ".join(text.split()):
            asked[key.removeprefix(ASKED)] = one_line
    return asked
