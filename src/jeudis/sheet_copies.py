"""A returned sheet whose questions are there twice: filled in above the mail that
quotes the sheet as it was sent ("> " lines under "Le … a écrit :", or Outlook's
header of the message replied to), or pasted twice.

Where each copy starts, :func:`copy_starts` says, and each is read alone
(:func:`jeudis.sheet_reading.parse_sheet`): its own quoting, its own end line.
The import keeps the one copy that holds answers, and says which it left out;
copies whose answers are the same (the filled sheet pasted twice) lose nothing to
one of them, read as the first. Two copies with answers that differ are refused,
each named by its line: which the guest meant, or how to bring them together, is
for the host to say.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jeudis.errors import FileProblem

if TYPE_CHECKING:
    from jeudis.sheet_reading import Sheet

# A section of the sheet as read: question id, number, its marker's line, its lines.
Section = tuple[str, int, int, list[int]]


def copy_starts(
    sections: Sequence[Section], start: Callable[[int, int], int], path: Path
) -> list[int] | None:
    """The line each copy of the sheet's questions starts at; None when they are there
    once (or one marker twice: a marker damaged, said as such).

    A copy starts again where the markers' numbers do, its first line
    ``start(after, first)``: its question ``first`` (a line) or above, not above the
    last question of the copy before (``after``). Questions there again in no such
    order are refused at once, saying where.
    """
    seen: dict[str, int] = {}
    again = [(seen[qid], at) for qid, _, at, _ in sections if seen.setdefault(qid, at) != at]
    if len(again) < 2:
        return None
    runs: list[list[Section]] = []
    for section in sections:
        if not runs or section[1] < runs[-1][-1][1]:
            runs.append([])
        runs[-1].append(section)
    if len(runs) < 2 or any(len({s[0] for s in run}) < len(run) for run in runs):
        raise FileProblem(
            path,
            f"the sheet's questions are there twice ({len(again)} of them):"
            f" from line {again[0][0]}, and again from line {again[0][1]}",
            line=again[0][1],
            hint="keep the copy that holds the answers, delete the other one whole"
            " (from its first question to its end line), and import again",
        )
    return [1] + [start(one[-1][2], two[0][2]) for one, two in itertools.pairwise(runs)]


def one_copy(
    sheet: Sheet, answered: Callable[[Sheet], dict[str, tuple[str, ...]]], path: Path
) -> tuple[Sheet, list[Sheet], str]:
    """The copy of ``sheet`` that holds answers (``answered``: the questions a copy
    answers, named, each with what the import reads of it), the others, and the
    warning that says they were left out.

    Refused when more than one holds answers and what they hold differs in any way:
    each copy is named, with the questions it answers. The same answers in each
    (what is read of them, not only which questions): the first copy is read.
    """
    named = [(copy, answered(copy)) for copy in sheet.copies]
    filled = [(copy, said) for copy, said in named if said]
    times = "twice" if len(named) == 2 else f"{len(named)} times"
    if any(said != filled[0][1] for _, said in filled):
        where = ", and again ".join(
            f"from line {_first_marker(copy)} ({_questions(list(said))})" for copy, said in filled
        )
        hold = "both copies hold" if len(filled) == 2 else f"{len(filled)} copies hold"
        raise FileProblem(
            path,
            f"the sheet's questions are there {times}, and {hold} answers: {where}",
            line=_first_marker(filled[1][0]),
            hint="keep one copy, with every answer to import (move into it any the other alone"
            " holds), delete the other one whole (from its first question to its end line),"
            " and import again",
        )
    kept = filled[0][0] if filled else sheet.copies[0]
    blank = [copy for copy, said in named if copy is not kept and not said]
    alike = [copy for copy, said in named if copy is not kept and said]
    parts = [
        _copies(group, what)
        for group, what in (
            (blank, "no answer (the sheet as it was sent)"),
            (alike, "the same answers"),
        )
        if group
    ]
    left = [copy for copy in sheet.copies if copy is not kept]
    said = (
        f"{path}:{left[0].span[0]}: the sheet's questions are there {times}: "
        + ", and ".join(parts)
        + ", left out; "
        + (
            f"the answers are read from the copy at line {_first_marker(kept)}"
            if filled
            else f"neither does the copy at line {_first_marker(kept)}, which is read"
        )
    )
    return kept, left, said


def _copies(group: list[Sheet], what: str) -> str:
    """Copies left out, by their lines, and what they hold: "the copy from line 3 to 9
    holds no answer"."""
    spans = " and ".join(f"from line {copy.span[0]} to {copy.span[1]}" for copy in group)
    which, holds = ("the copy", "holds") if len(group) == 1 else ("the copies", "hold")
    return f"{which} {spans} {holds} {what}"


def _first_marker(copy: Sheet) -> int:
    return min(copy.lines.values())


def _questions(said: list[str]) -> str:
    """The questions a copy answers, the first four named: "Q1, Q2, Q8 and Q13"."""
    if len(said) > 4:
        return f"answers to {', '.join(said[:4])} and {len(said) - 4} more"
    return "answers to " + (f"{', '.join(said[:-1])} and {said[-1]}" if len(said) > 1 else said[0])
