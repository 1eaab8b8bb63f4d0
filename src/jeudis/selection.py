"""Which interviews a command takes by their date: ``--since``, ``--until`` and
``--limit`` (``-n``), as ``git log`` takes commits.

A series of fifteen years holds thousands of interviews; ``list`` and ``compare`` take
the recent ones without reading the others: the listing's summaries say each date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jeudis.errors import UsageError

if TYPE_CHECKING:
    from jeudis.listing import Summary


@dataclass(frozen=True)
class Span:
    """The interviews dated ``since`` to ``until``, both days included (None: no
    bound), and of them the ``limit`` most recent (0: all)."""

    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 0

    def __post_init__(self) -> None:
        if self.limit < 0:
            raise UsageError(
                f"--limit {self.limit}: give how many, or 0 for all", hint="-n 20: the 20 newest"
            )
        if self.since and self.until and self.since > self.until:
            raise UsageError(
                f"--since {self.since.isoformat()} is after --until {self.until.isoformat()}",
                hint="the interviews dated from --since to --until, both days included",
            )

    @property
    def dated(self) -> bool:
        """Whether it leaves out interviews by their date."""
        return self.since is not None or self.until is not None

    def holds(self, date: dt.date | str) -> bool:
        """Whether an interview of that date (a summary's text, "" when it has none) is
        one of the span's; an undated one is, unless the span is bounded."""
        if not date:
            return not self.dated
        day = dt.date.fromisoformat(date) if isinstance(date, str) else date
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def said(self) -> str:
        """The dates, as a message says them: " dated 2020-01-01 to 2020-12-31"."""
        since, until = (d.isoformat() if d else "" for d in (self.since, self.until))
        if since and until:
            return f" dated {since} to {until}"
        if since or until:
            return f" dated {since or until} or {'after' if since else 'before'}"
        return ""


def selected(summaries: Sequence[Summary], span: Span) -> tuple[list[Summary], int]:
    """Of ``summaries`` (newest first, as :func:`jeudis.listing.summaries` gives them),
    those ``span`` takes; and how many more its limit left out, older ones.

    A file that does not read is always taken, last: it has no date to be left out by,
    and a host who lists the recent ones only (``-n 20``) would never see it, nor why.
    """
    broken = [s for s in summaries if s.unread]
    dated = [s for s in summaries if not s.unread]
    within = [s for s in dated if span.holds(s.date)] if span.dated else dated
    if not span.limit:
        return within + broken, 0
    return within[: span.limit] + broken, max(0, len(within) - span.limit)
