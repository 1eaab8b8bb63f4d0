"""``jeudis check``'s word on interviews made with an older version of their questionnaire.

One finding a version, naming the questions that differ, rather than a line an
interview (see :func:`drift_finding`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jeudis.errors import JeudisError
from jeudis.findings import Finding
from jeudis.former_ids import Lookalike
from jeudis.interview import Interview
from jeudis.questionnaire import Questionnaire


@dataclass(frozen=True)
class Drift:
    """An interview made with another version of its questionnaire, and the question
    ids that differ: asked now and not answered in it, answered in it and gone, and
    worded otherwise now."""

    path: Path
    # The version it was made with: not the interview, whose answers a series of older
    # interviews kept in memory to the end (600 MB for ten thousand).
    version: str
    form: Questionnaire
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    reworded: tuple[str, ...]
    # Answered with a choice the question no longer offers (renamed since): a roundup
    # tallies it apart, an empty bar beside the new name.
    unoffered: tuple[str, ...] = ()
    # A draft has answered what it has: what it lacks is still ahead (resume asks it),
    # so it says nothing of which questions are new.
    complete: bool = True
    # Answered under an id the question had (its former_ids): former id, id now.
    renamed: tuple[tuple[str, str], ...] = ()


def version_drift(
    path: Path, interview: Interview, form: Questionnaire, renamed: Mapping[str, str]
) -> Drift | None:
    """An interview made with an older version of its questionnaire: what differs.
    ``renamed``: the former ids its answers were under, and the ids they took
    (:func:`jeudis.former_ids.adopt`, done): neither dropped nor new."""
    from jeudis.session import interview_context

    if str(interview.questionnaire_version) == str(form.version):
        return None
    answered = {a.id: a for a in interview.answers if not a.followup}
    current = {q.id: q for q in form.questions}
    context = interview_context(form, interview)
    # Asked now, its answers as they are: a question its conditions leave out (an
    # opinion of the book, after "Non") is not new for lacking an answer, nor one still
    # ahead of a draft (resume asks it).
    asked = form.asked(interview.values()) if interview.is_complete else []
    return Drift(
        path,
        str(interview.questionnaire_version),
        form,
        added=tuple(q.id for q in asked if q.id not in answered),
        dropped=tuple(qid for qid in answered if qid not in current),
        reworded=tuple(
            qid
            for qid, answer in answered.items()
            if qid in current
            and not answer.reworded
            and not current[qid].asks(answer.question, interview.register, context)
        ),
        unoffered=tuple(
            qid
            for qid, answer in answered.items()
            if qid in current
            and current[qid].type in ("choice", "multi")
            and _not_offered(answer.value, current[qid].choices)
        ),
        complete=interview.is_complete,
        renamed=tuple(renamed.items()),
    )


def _not_offered(value: object, choices: tuple[str, ...]) -> bool:
    picked = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return any(choice not in choices for choice in picked)


def lookalike_finding(form: Questionnaire, found: Lookalike) -> Finding:
    """A question dropped, answered in interviews in the words a new question asks: its
    id renamed, most likely, which without ``former_ids`` leaves those answers apart (a
    draft asked it again, a roundup split in two). Said at the new question."""
    from jeudis.files import read_text
    from jeudis.tomlio import locate

    assert form.path is not None
    index = [q.id for q in form.questions].index(found.new)
    try:
        line = locate(read_text(form.path), ["questions", index, "id"])
    except JeudisError:  # read a moment ago; said of its own file if it no longer reads
        line = None
    return Finding(
        str(form.path),
        f"{found.dropped} dropped and {found.new} new read the same: a renamed id?"
        f' add former_ids = ["{found.dropped}"] to it',
        line=line,
        severity="warning",
    )


# How many interviews a version's finding names, before "…".
NAMED_DRIFTS = 3


def drift_finding(drifts: list[Drift]) -> Finding:
    """One finding for the interviews made with one older version of a questionnaire:
    after a new version, a line each buried the errors (332 in a big series). It says
    how many, the questions that differ for any of them (new: those none answers), and
    names the first few; an interview alone is said as itself, with its own file."""
    first = drifts[0]
    made = f"made with {first.form.id} version {first.version}, now version {first.form.version}"
    questions = [q.id for q in first.form.questions]
    # Of the complete ones: a draft among them made every question "new to some".
    judged = [d for d in drifts if d.complete]
    added = [qid for qid in questions if judged and all(qid in d.added for d in judged)]
    # Unanswered by some only: added after some of them were made, with no new version.
    new_to_some = [
        qid for qid in questions if qid not in added and any(qid in d.added for d in judged)
    ]
    dropped = list(dict.fromkeys(qid for d in drifts for qid in d.dropped))
    reworded = [qid for qid in questions if any(qid in d.reworded for d in drifts)]
    unoffered = [qid for qid in questions if any(qid in d.unoffered for d in drifts)]
    pairs = dict.fromkeys(pair for d in drifts for pair in d.renamed)
    renamed = [f"{now} (was {former})" for former, now in pairs]
    parts = [
        f"{what}: {', '.join(ids)}"
        for what, ids in (
            ("new", added),
            ("new to some", new_to_some),
            ("dropped", dropped),
            ("renamed", renamed),
            ("reworded", reworded),
            ("answered with a choice no longer offered", unoffered),
        )
        if ids
    ]
    detail = "; ".join(parts) or "no question differs"
    if len(drifts) == 1:
        return Finding(
            str(first.path), f"{made} ({detail})", key="questionnaire_version", severity="warning"
        )
    names = [d.path.stem for d in drifts[:NAMED_DRIFTS]]
    names += ["…"] if len(drifts) > NAMED_DRIFTS else []
    try:
        folder = os.path.commonpath([d.path.parent for d in drifts])
    except ValueError:  # named one absolute and one relative, or on two drives
        folder = str(first.path.parent)
    return Finding(
        folder,
        f"{len(drifts)} interviews {made} ({detail}): {', '.join(names)}",
        key="questionnaire_version",
        severity="warning",
        hint=f"`jeudis check {first.path}` says what differs for one of them",
    )
