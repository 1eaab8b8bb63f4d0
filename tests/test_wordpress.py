"""What WordPress makes of the posts jeudis writes for it: a fragment pasted in the
classic editor, a ``wp:html`` block, a WXR body, a roundup's fragment.

WordPress runs its own filters on a post: ``wp_kses_post`` when an author without
``unfiltered_html`` saves one. The tests here run everywhere, on what WordPress 6.1
was seen to do (recorded with the function that did it).
"""

from __future__ import annotations

import re
from pathlib import Path

from export_helpers import copy_example
from support import Invoke

# The CSS properties WordPress 6.1 keeps in a post saved without unfiltered_html
# (safecss_filter_attr in wp-includes/kses.php, the default of its safe_style_css
# filter), and a value it drops: one holding \ ( & = } or /* once var(), calc(),
# min(), max(), minmax() and clamp() are taken out. It dropped the chart's
# display:inline-block, white-space:nowrap and opacity:.55, and the bars with them.
SAFE_STYLE_CSS = frozenset(
    """
    background background-color background-image background-position background-size
    background-attachment background-blend-mode border border-radius border-width
    border-color border-style border-right border-right-color border-right-style
    border-right-width border-bottom border-bottom-color border-bottom-left-radius
    border-bottom-right-radius border-bottom-style border-bottom-width border-left
    border-left-color border-left-style border-left-width border-top border-top-color
    border-top-left-radius border-top-right-radius border-top-style border-top-width
    border-spacing border-collapse caption-side columns column-count column-fill
    column-gap column-rule column-span column-width color filter font font-family
    font-size font-style font-variant font-weight letter-spacing line-height text-align
    text-decoration text-indent text-transform height min-height max-height width
    min-width max-width margin margin-right margin-bottom margin-left margin-top
    margin-block-start margin-block-end margin-inline-start margin-inline-end padding
    padding-right padding-bottom padding-left padding-top padding-block-start
    padding-block-end padding-inline-start padding-inline-end flex flex-basis
    flex-direction flex-flow flex-grow flex-shrink flex-wrap gap row-gap
    grid-template-columns grid-auto-columns grid-column-start grid-column-end
    grid-column-gap grid-template-rows grid-auto-rows grid-row-start grid-row-end
    grid-row-gap grid-gap justify-content justify-items justify-self align-content
    align-items align-self clear cursor direction float list-style-type object-fit
    object-position overflow vertical-align
    """.split()  # noqa: SIM905 - the list as kses.php writes it
)
_CSS_DROPPED = re.compile(r"[\\(&=}]|/\*")
_CSS_FUNCTIONS = re.compile(r"\b(?:var|calc|min|max|minmax|clamp)\((?:[^()]|\([^()]*\))*\)")


def test_a_roundups_chart_keeps_its_style_when_an_author_saves_it(
    invoke: Invoke, series: Path
) -> None:
    """Saved by an author or an editor of a multisite (no unfiltered_html), every
    declaration of the chart's inline style is one WordPress keeps, and the bar is still
    drawn as a box (a span takes no width or height inline: it floats)."""
    copy_example(series)
    result = invoke("compare", "twitter", "-q", "followers", "--fragment")
    assert result.exit_code == 0, result
    styles = re.findall(r'<(\w+)[^>]* style="([^"]*)"', result.stdout)
    assert len(styles) >= 7  # the table, and a heading, a cell and a bar a row
    for tag, style in styles:
        for declaration in filter(None, (d.strip() for d in style.split(";"))):
            name, _, value = declaration.partition(":")
            assert name.strip() in SAFE_STYLE_CSS, (tag, declaration)
            assert not _CSS_DROPPED.search(_CSS_FUNCTIONS.sub("", value)), (tag, declaration)
    bars = re.findall(r'<span class="bar" style="([^"]*)"', result.stdout)
    assert len(bars) == 3
    for bar in bars:
        assert re.search(r"(?:^|;)float:(?:left|right)(?:;|$)", bar), bar
        assert "height:" in bar and "width:" in bar and "background:" in bar, bar
