"""A guest's lists and line breaks read by Python-Markdown (Pelican, MkDocs) as jeudis's
own HTML shows them (CommonMark, by cmark-gfm): see :mod:`jeudis.export.pymd_lists`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from export_helpers import built_page, export_and_build, make_interview
from jeudis.export.markup import to_html
from jeudis.export.pymd_lists import SEPARATOR, for_python_markdown
from support import Invoke

markdown = pytest.importorskip("markdown")

# What each generator reads a post with: Pelican's MARKDOWN setting by default, and
# MkDocs's own extensions with those a Material site turns on first.
READERS = {
    "pelican": ["codehilite", "extra", "meta"],
    "mkdocs": ["toc", "tables", "fenced_code", "attr_list"],
}
_STRUCTURE = re.compile(r"<(/?)(ul|ol|li|br)\b")


def structure(html: str) -> list[str]:
    """The lists, their items and the line breaks of ``html``, in their order."""
    return [closing + tag for closing, tag in _STRUCTURE.findall(html)]


CASES = {
    "a list under its line": "J’utilise Twitter pour :\n- la veille ;\n- le partage",
    "a list nested by 2 spaces": "- le partage\n  - en direct\n  - en différé\n- la veille",
    "a list of 1)": "Mes étapes :\n\n1) ouvrir un compte\n2) tweeter",
    "a numbered list under a bulleted one": "- un\n- deux\n3. trois\n4. quatre",
    "a backslash break": "Mon adresse :\\\n12 rue des Lilas",
}


@pytest.mark.parametrize("flavor", READERS)
@pytest.mark.parametrize("answer", CASES.values(), ids=CASES)
def test_python_markdown_reads_an_answers_lists_and_breaks_as_the_html_shows_them(
    invoke: Invoke, series: Path, flavor: str, answer: str
) -> None:
    make_interview(series, "laurent", answers=[("outils", "Tes outils ?", answer)])
    written = invoke("export", "laurent", "--flavor", flavor, "-o", "-")
    assert written.exit_code == 0, written
    body = written.stdout.split("Tes outils", 1)[1]
    shown = markdown.markdown(body, extensions=READERS[flavor])
    expected = structure(invoke("export", "laurent", "--fragment").stdout)
    assert "ul" in expected or "ol" in expected or "br" in expected
    assert structure(shown) == expected


@pytest.mark.generators
@pytest.mark.parametrize("flavor", READERS)
def test_the_built_post_shows_the_answers_lists_and_breaks(
    invoke: Invoke, series: Path, tmp_path: Path, flavor: str
) -> None:
    """The five cases in one answer, built by Pelican and by Material for MkDocs."""
    make_interview(
        series, "laurent", answers=[("outils", "Tes outils ?", "\n\n".join(CASES.values()))]
    )
    expected = structure(invoke("export", "laurent", "--fragment").stdout)
    out = export_and_build(invoke, tmp_path, flavor)
    page = built_page(out, flavor, "laurent").read_text(encoding="utf-8")
    assert structure(page[page.index("<p>J’utilise") : page.index("Lilas")]) == expected


def test_the_intro_and_the_closing_words_are_written_for_python_markdown_too(
    invoke: Invoke, series: Path
) -> None:
    make_interview(
        series,
        "laurent",
        fields={"intro": "Au menu\n- un\n- deux", "closing": "Merci à\n- toi\n- moi"},
    )
    body = invoke("export", "laurent", "--flavor", "pelican", "-o", "-").stdout
    assert "Au menu\n\n- un" in body
    assert "Merci à\n\n- toi" in body


def test_the_other_generators_get_the_answer_as_written(invoke: Invoke, series: Path) -> None:
    answer = CASES["a list nested by 2 spaces"]
    make_interview(series, "laurent", answers=[("outils", "Tes outils ?", answer)])
    for flavor in ("hugo", "jekyll", "zola"):
        assert answer in invoke("export", "laurent", "--flavor", flavor, "-o", "-").stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une phrase, sans liste.", "Une phrase, sans liste."),
        ("- un\n- deux", "- un\n- deux"),  # nothing Python-Markdown reads otherwise
        ("Texte\n- un", "Texte\n\n- un"),
        ("- a\n  - b\n    - c", "- a\n    - b\n        - c"),
        ("1) un\n2) deux", "1. un\n2. deux"),
        ("- a\n1. b", f"- a\n\n{SEPARATOR}\n\n1. b"),
        ("- a\n- b\n\n* c", f"- a\n- b\n\n{SEPARATOR}\n\n* c"),
        ("ligne\\\nsuite", "ligne  \nsuite"),
        ("ligne\\\\\nsuite", "ligne\\\\\nsuite"),  # an escaped backslash, no break
        # A loose list: each item and nested block after a blank line, as Python-Markdown
        # reads one.
        ("- a\n\n  para\n  - b\n- c", "- a\n\n    para\n\n    - b\n\n- c"),
        # Code is never read for a list or a break.
        ("```\n- a\n1) b\nc\\\nd\n```", "```\n- a\n1) b\nc\\\nd\n```"),
        ("Texte\n\n    1) code\\\n    - code", "Texte\n\n    1) code\\\n    - code"),
        ("a `code\\\nsuite`", "a `code\\\nsuite`"),
        # A list in a quote is left as it is (its lines' marks would move).
        ("> Texte\n> - a", "> Texte\n> - a"),
        # Rewritten, an indented code block in an item would read otherwise: kept.
        ("1. a\n\n       code", "1. a\n\n       code"),
    ],
)
def test_the_rewrite_for_python_markdown(text: str, expected: str) -> None:
    assert for_python_markdown(text) == expected


LINES = ["Texte", "suite\\", "- a", "* b", "+ c", "1. d", "2) e", "10. f", "", "```", "> q"]
INDENTS = ["", " ", "  ", "   ", "    ", "      ", "\t"]


@settings(max_examples=500)
@given(st.lists(st.tuples(st.sampled_from(INDENTS), st.sampled_from(LINES)), max_size=12))
@example([("", "Texte"), ("", "- a"), ("  ", "- a"), ("", "2) e"), ("", "suite\\"), ("", "b")])
def test_the_rewrite_never_changes_what_commonmark_reads(lines: list[tuple[str, str]]) -> None:
    """jeudis's HTML of the text rewritten is the text's (but for the line left where
    it leaves the separator out)."""
    text = "\n".join(indent + line for indent, line in lines)
    rewritten = for_python_markdown(text)
    assert to_html(rewritten).replace("\n\n", "\n") == to_html(text).replace("\n\n", "\n")
