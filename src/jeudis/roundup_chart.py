"""A roundup's chart: a bar per guest of a numeric question, a tally of a choice's.

:func:`rows` says what is drawn (the terminal's chart, the HTML table, the
Markdown table all draw it): for a question every guest answered with a number,
a row per guest; for a choice or a multiple choice, a row per choice in the
questionnaire's order with how many guests picked it (none too), each bar a
share of the guests who answered; for a yes/no question, the same of "Oui" and "Non".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from jeudis import wording

if TYPE_CHECKING:
    from collections.abc import Callable

    from jeudis.roundup import Roundup

BAR_SHARE = 75  # the longest bar's share of the row (percent): its value fits beside it
MARKDOWN_BAR = 20  # the longest bar of a Markdown table, in blocks
# What the page's style sheet gives a chart, for a fragment that goes without it: only
# properties WordPress keeps in a post saved without unfiltered_html (safecss_filter_attr
# drops display, white-space and opacity, and any value with parentheses but calc() and
# the like: no color-mix()). The bar floats, for a span takes no width inline, and is
# drawn in the text's color. {start} and {end}: the sides a line of the roundup's text
# starts and ends on; {padding}: the name's, room on its end side (see :func:`_styled`).
_STYLED = {
    "table": "width:100%;max-width:40rem;border-collapse:collapse",
    "th": "font-weight:normal;text-align:{end};padding:{padding}",
    "td": "width:100%;padding:.25em 0",
    "bar": "float:{start};height:1.1em;margin-{end}:.4em;border:1px solid;background:currentColor;",
}

# The heads of a Markdown chart's two columns (a Markdown table has a head): a guest's
# number, and a choice's tally, in each language a post is written in (English in any other).
_HEADS = {
    "fr": {"numbers": ("Invité", "Réponse"), "tally": ("Réponse", "Invités")},
    "en": {"numbers": ("Guest", "Answer"), "tally": ("Answer", "Guests")},
    "de": {"numbers": ("Gast", "Antwort"), "tally": ("Antwort", "Gäste")},
    "es": {"numbers": ("Invitado", "Respuesta"), "tally": ("Respuesta", "Invitados")},
    "it": {"numbers": ("Ospite", "Risposta"), "tally": ("Risposta", "Ospiti")},
    "nl": {"numbers": ("Gast", "Antwoord"), "tally": ("Antwoord", "Gasten")},
    "pt": {"numbers": ("Convidado", "Resposta"), "tally": ("Resposta", "Convidados")},
}


def _styled(language: str) -> dict[str, str]:
    """:data:`_STYLED` on the sides of the roundup's ``language``: the bar at the start
    of its cell, beside the names, as its text runs (floated left, it went to the far
    side of an Arabic or a Hebrew roundup's cells, away from the names). Sides named,
    not logical ones: WordPress keeps float:inline-start, but Chrome draws it since
    its version 118 (2023) only, and the roundup's language says its sides."""
    if wording.right_to_left(language):
        start, end, padding = "right", "left", ".25em 0 .25em .75em"
    else:
        start, end, padding = "left", "right", ".25em .75em .25em 0"
    return {
        part: css.format(start=start, end=end, padding=padding) for part, css in _STYLED.items()
    }


@dataclass(frozen=True)
class Row:
    label: str  # a guest's name, or a choice
    value: float
    shown: str  # the value as the chart writes it
    mark: str = ""  # what tells a guest's row from a namesake's: "2011" (Roundup.marks)

    @property
    def named(self) -> str:
        """The row's name as the chart writes it: "Camille Petit (2011)"."""
        from jeudis.roundup import named

        return named(self.label, self.mark)


@dataclass(frozen=True)
class Chart:
    kind: str  # "numbers" or "tally"
    rows: list[Row]
    top: float  # the value a whole bar stands for

    def share(self, row: Row, whole: float) -> float:
        """The bar of ``row`` in a row of ``whole``: 0 for a choice no guest picked;
        a sliver for a guest's 0, which is an answer."""
        if self.kind == "tally" and row.value <= 0:
            return 0.0
        return max(whole / 150, whole * row.value / self.top)

    def blocks(self, row: Row, longest: int) -> int:
        """The bar of ``row`` in whole blocks (text's bars: the terminal's, Markdown's)."""
        share = self.share(row, longest)
        return max(1, round(share)) if share else 0


def rows(roundup: Roundup, date_text: Callable[[dt.date], str] = dt.date.isoformat) -> Chart | None:
    """What the roundup's chart draws, or None: a question of words has no chart.

    A guest's row is marked as :meth:`Roundup.marks` says, a date written by
    ``date_text``: a returning guest's two rows read the same otherwise."""
    if roundup.numeric:
        numbers = [e.number or 0.0 for e in roundup.entries]
        marks = roundup.marks(date_text)
        return Chart(
            "numbers",
            [
                Row(e.guest, n, wording.format_number(n, roundup.language), mark)
                for e, n, mark in zip(roundup.entries, numbers, marks, strict=True)
            ],
            max(numbers) or 1.0,
        )
    tally = roundup.tally
    if not tally:
        return None
    return Chart(
        "tally",
        [
            Row(choice, count, wording.format_number(count, roundup.language))
            for choice, count in tally
        ],
        float(len(roundup.entries)) or 1.0,
    )


def bar_chart(roundup: Roundup, *, styled: bool = False, variant: str = "off") -> str:
    """A horizontal bar chart: an HTML table with a bar per row ("" for no chart).

    The names and values are table text (a screen reader reads the rows, a phone
    wraps a long name, WordPress keeps a table where it strips inline SVG); the
    bars are decoration, sized by an inline width. ``styled``: each element carries
    its own style, for a fragment pasted where the page's style sheet is not.
    ``variant``: the typography the names are set with, as the roundup's headings.
    """
    from jeudis.dates import date_formatter
    from jeudis.export.bidi import holds_other
    from jeudis.export.model import in_english
    from jeudis.export.typography import fix_text

    chart = rows(roundup, date_formatter(roundup.language))
    if chart is None:
        return ""
    sided = _styled(roundup.language)
    style = {part: f' style="{css}"' if styled else "" for part, css in sided.items()}
    bar_style = sided["bar"] if styled else ""
    lines = []
    rtl = wording.right_to_left(roundup.language)
    for row in chart.rows:
        share = chart.share(row, BAR_SHARE)
        bar = (
            f'<span class="bar" style="{bar_style}width:{share:.1f}%" aria-hidden="true"></span> '
            if share
            else ""
        )
        name = fix_text(row.named, variant)
        # A yes/no question's "Yes" and "No" are jeudis's: English's in some languages.
        shown = in_english(name, roundup.language) if roundup.kind == "yesno" else escape(name)
        if holds_other(name, rtl):  # a guest named in Arabic in a French roundup, as in its lines
            shown = f"<bdi>{shown}</bdi>"
        lines.append(
            f'<tr><th scope="row"{style["th"]}>{shown}</th>'
            f"<td{style['td']}>{bar}{escape(row.shown)}</td></tr>"
        )
    label = escape(roundup.question)
    head = f'<table class="chart" id="chart-{roundup.question_id}" aria-label="{label}"'
    return "\n".join([head + style["table"] + ">", *lines]) + "\n</table>"


def markdown_chart(roundup: Roundup, text: Callable[[str], str]) -> str:
    """The chart as a Markdown table, its bars drawn in blocks ("" for no chart).

    ``text`` makes a label inert in Markdown (a table's ``|`` too), with the
    roundup's typography. Every generator jeudis writes for reads a table.
    """
    from jeudis.dates import date_formatter

    chart = rows(roundup, date_formatter(roundup.language))
    if chart is None:
        return ""
    heads = _HEADS.get(wording.primary_language(roundup.language), _HEADS["en"])
    label, value = heads[chart.kind]
    lines = [f"| {label} | {value} |", "| ---: | :--- |"]
    for row in chart.rows:
        blocks = chart.blocks(row, MARKDOWN_BAR)
        bar = "█" * blocks + " " if blocks else ""
        lines.append(f"| {text(row.named)} | {bar}{text(row.shown)} |")
    return "\n".join(lines)
