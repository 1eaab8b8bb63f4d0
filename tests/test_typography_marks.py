"""Quotes, ellipses and dashes typed on a keyboard, set as print sets them.

WordPress's typographer sets them on display (a French blog's posts show « »,
… and –): jeudis sets them in every post it writes, for the static site
generators and its own pages, and leaves alone what would change what a Markdown
parser reads.
"""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jeudis.export.cleaning import clean_markdown, clean_markdown_both
from jeudis.export.markup import to_html
from jeudis.export.typography import fix_text, variant_for

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "french", "english"),
    [
        ('Il a dit "oui".', f"Il a dit «{NBSP}oui{NBSP}».", "Il a dit “oui”."),
        ('" espacé ", puis', f"«{NBSP}espacé{NBSP}», puis", "“ espacé ”, puis"),
        (
            # French: the space inside « » would keep "*" from opening emphasis.
            '"*gras*" et "[lien]" et *"cité"*',
            f'"*gras*" et «{NBSP}[lien]{NBSP}» et *«{NBSP}cité{NBSP}»*',
            "“*gras*” et “[lien]” et *“cité”*",
        ),
        ("Et puis...", "Et puis…", "Et puis…"),
        ("Quatre....", "Quatre....", "Quatre...."),
        ("oui - non", "oui – non", "oui – non"),
        ("oui -- non", "oui — non", "oui — non"),
        ("oui --- non", "oui — non", "oui — non"),
        ("2010--2011", "2010–2011", "2010–2011"),
        ("mot---mot", "mot—mot", "mot—mot"),
        (
            "I'm 'here' in the '90s, the dogs' bowls",
            None,
            "I’m ‘here’ in the ’90s, the dogs’ bowls",
        ),
    ],
)
def test_keyboard_marks_are_set_in_french_and_in_english(
    typed: str, french: str | None, english: str
) -> None:
    if french is not None:
        assert fix_text(typed, "fr") == french
    assert fix_text(typed, "en") == english


@pytest.mark.parametrize(
    "typed",
    [
        'Il mesure 6" de haut',  # inches: no quote open
        'x="a" et y',  # an attribute typed as text
        'un \\"mot\\" échappé',  # a backslash escape
        "--help et -v",  # options
        "xn--p1ai.example",  # punycode
        "- un\n- deux",  # a list
        "Titre\n---",  # a heading's underline
        "- - -",  # a rule
        "| a | b |\n| --- | - |",  # a table's
        "10-20 et -5",
        "off",
    ],
)
def test_what_is_not_a_mark_to_set_is_left_as_typed(typed: str) -> None:
    for variant in ("fr", "en"):
        assert _marks_of(fix_text(typed, variant)) == _marks_of(typed), variant


def _marks_of(text: str) -> str:
    return re.sub(r"[^\"'.\-—–«»“”‘’…]", "", text)


@pytest.mark.parametrize(
    ("language", "printed"),
    [
        ("de", "Er sagt „Hallo“… l’amico – ja"),
        ("de-AT", "Er sagt „Hallo“… l’amico – ja"),
        ("de-CH", "Er sagt «Hallo»… l’amico – ja"),
        ("en-GB", "Er sagt “Hallo”… l’amico – ja"),
        # Two usages each, « » and “ ”: the quotes typed are kept.
        ("es", 'Er sagt "Hallo"… l’amico – ja'),
        ("it", 'Er sagt "Hallo"… l’amico – ja'),
        ("nl", 'Er sagt "Hallo"… l’amico – ja'),
        ("pt-BR", 'Er sagt "Hallo"… l’amico – ja'),
        # A language jeudis writes no posts in: as typed.
        ("ja", 'Er sagt "Hallo"... l\'amico - ja'),
    ],
)
def test_each_language_takes_its_own_marks(language: str, printed: str) -> None:
    variant = variant_for(language, None)
    assert fix_text('Er sagt "Hallo"... l\'amico - ja', variant) == printed
    assert fix_text(printed, variant) == printed
    assert variant_for(language, "off") == "off"


@pytest.mark.parametrize(
    ("variant", "typed", "printed"),
    [
        # German prints single quotes low-high, Swiss German as single guillemets.
        ("de", "Er sagte 'Hallo' und \"Tschüss\".", "Er sagte ‚Hallo‘ und „Tschüss“."),
        ("de-CH", "Er sagte 'Hallo' und \"Tschüss\".", "Er sagte ‹Hallo› und «Tschüss»."),
        ("de", "\"Sie sagte 'Ton ist alles'\"", "„Sie sagte ‚Ton ist alles‘“"),
        # An elision's mark is an apostrophe, opening a word or closing one.
        (
            "de",
            "Hast du 'ne Idee? Wie geht's? 's ist Andreas' Buch, Rock 'n' Roll.",
            "Hast du ’ne Idee? Wie geht’s? ’s ist Andreas’ Buch, Rock ’n’ Roll.",
        ),
        (
            "de",
            "'Na, wie geht's', fragt sie. Sie hat 'nen Plan",
            "‚Na, wie geht’s‘, fragt sie. Sie hat ’nen Plan",
        ),
        ("de-CH", "Hast du 'ne Idee? 'Ja'", "Hast du ’ne Idee? ‹Ja›"),
        # English: a number's plural, the elided decade, "'n'" and wptexturize's words.
        ("en", "It's the 90's, rock 'n' roll.", "It’s the 90’s, rock ’n’ roll."),
        ("en", "the '80s and 1990's, 5'30 and 6'", "the ’80s and 1990’s, 5'30 and 6’"),
        ("en", "He said 'rock 'n' roll' twice", "He said ‘rock ’n’ roll’ twice"),
        ("en", "'Tis true, I told 'em 'no'", "’Tis true, I told ’em ‘no’"),
        # One opening none that closes in its paragraph is no quote.
        (
            "en",
            "Rock 'n roll, 'cause\n\n'Fine', she said",
            "Rock ’n roll, ’cause\n\n‘Fine’, she said",
        ),
        # A word no list names, its quote opening none that closes: at a paragraph's
        # end, and at the text's.
        (
            "en",
            "They call it 'Frisco\n\n'Fine', she said",
            "They call it ’Frisco\n\n‘Fine’, she said",
        ),
        ("de", "So sagt man's in 'Frisco", "So sagt man’s in ’Frisco"),
        # An elided word is no quote, though an apostrophe after it might close one.
        ("en", "Give 'em the players' shirts", "Give ’em the players’ shirts"),
        # French keeps its single quotes as typed: its second quotes are “ ” or ‹ ›.
        ("fr", "L'été 'oui'", "L’été 'oui'"),
    ],
)
def test_single_quotes_are_paired_and_apostrophes_are_apostrophes(
    variant: str, typed: str, printed: str
) -> None:
    assert fix_text(typed, variant) == printed
    assert fix_text(printed, variant) == printed


@pytest.mark.parametrize("variant", ["de", "de-CH", "en"])
def test_single_quotes_in_code_and_addresses_are_left_as_typed(variant: str) -> None:
    typed = "Tippe `echo 'ja'` und 'los', dann https://x.example/a'b'c ja"
    (cleaned,), (for_html,) = clean_markdown_both([typed], lambda text: fix_text(text, variant))
    assert "`echo 'ja'`" in cleaned and "<https://x.example/a'b'c>" in cleaned
    html = to_html(for_html)
    assert "<code>echo 'ja'</code>" in html
    assert 'href="https://x.example/a&#x27;b&#x27;c"' in html
    assert "'los'" not in html and html.count("'") == 4, html


def test_english_posts_take_english_marks_and_off_turns_them_off() -> None:
    assert fix_text('"Hi"...', "en") == "“Hi”…"
    assert fix_text('"Hi"...', "off") == '"Hi"...'


@pytest.mark.parametrize("variant", ["fr", "en", "de"])
@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ('[le site](https://x.example "Son titre") et "ici"', "Son titre"),
        ("[le site](https://x.example 'Son titre') et 'ici'", "Son titre"),
        ('[le site](https://x.example\n"Son titre") "ici"', "Son titre"),
        ('[a]: https://x.example "Son titre"\n\nVoir [a], "ici".', "Son titre"),
        ('![photo "ici"](https://x.example/a.png "Titre")', "Titre"),
    ],
)
def test_a_links_title_keeps_its_quotes_and_stays_a_title(
    typed: str, title: str, variant: str
) -> None:
    """Curly quotes around a title end the link: CommonMark reads it as text. The
    quotes around a word of the text are set (single ones but in French)."""
    cleaned = clean_markdown(typed, lambda text: fix_text(text, variant))
    assert f'title="{title}"' in to_html(cleaned)
    assert '"ici"' not in cleaned
    assert ("'ici'" in cleaned) == (variant == "fr" and "'ici'" in typed)


def test_a_quote_after_code_ending_its_line_is_no_title() -> None:
    """Only a link's or a definition's title keeps its quotes: held code is no link."""
    cleaned = clean_markdown('Tape `ls` "vite"\nensuite', lambda text: fix_text(text, "en"))
    assert cleaned == "Tape `ls` “vite”\nensuite"


@pytest.mark.parametrize("variant", ["fr", "fr-CA", "fr-CH"])
def test_a_line_opening_on_a_closing_quote_keeps_its_indentation(variant: str) -> None:
    """A list item's second paragraph, indented, opening on the » of a quotation that
    goes on: its indentation was taken for the space before the », and the paragraph
    left the list, a no-break space before its »."""
    typed = "- « Une citation\n\n    » qui continue », dit-il\n- Une autre"
    assert fix_text("a\n    » b", variant) == "a\n    » b"
    cleaned = clean_markdown(typed, lambda text: fix_text(text, variant))
    assert "\n\n    » qui continue" in cleaned
    html = to_html(cleaned)
    assert html.startswith("<ul>\n<li>\n<p>«") and html.count("<li>") == 2, html
    assert "<p>» qui continue" in html, html


_FRAGMENTS = st.sampled_from(
    [
        *"ab \n\"'.-|*_()[]>#",
        "...",
        "--",
        "---",
        " - ",
        "\n\n",
        "\n- ",
        "\n1. ",
        '`c"d`',
        '[l](https://x.example "t")',
        "[l](https://x.example 't')",
        '[r]: https://x.example "t"\n',
        "\n| a | b |\n| --- | - |\n",
        '\n```\nx "y" -- z\n```\n',
        '<b title="x">',
        '\\"',
        '6"',
        '="',
    ]
)


def _structure(html: str) -> list[str]:
    """The tags of rendered HTML, attributes included but for an image's text (``alt``)."""
    return [re.sub(r' alt="[^"]*"', "", tag) for tag in re.findall(r"<[^>]+>", html)]


@settings(max_examples=300)
@given(
    st.lists(_FRAGMENTS, max_size=24).map("".join),
    st.sampled_from(["fr", "fr-CH", "en", "de", "de-CH", "it"]),
)
def test_setting_the_marks_changes_no_markup_a_parser_reads(typed: str, variant: str) -> None:
    """Rendered by cmark (jeudis's pages, CommonMark generators) and by Python-Markdown
    (Pelican's, MkDocs's), a post with its marks set has the same elements, links,
    titles, lists, rules, headings, tables and code as with the marks as typed.

    Not a line opening on ``*[``: Python-Markdown reads an abbreviation's definition
    there, up to a colon French typography spaces (no mark of this test's).
    """
    assume("*[" not in typed)
    as_typed = clean_markdown(typed, lambda text: fix_text(text, "off"))
    marked = clean_markdown(typed, lambda text: fix_text(text, variant))
    assert _structure(to_html(marked)) == _structure(to_html(as_typed))
    python_markdown = markdown.Markdown(extensions=["extra"])
    before = _structure(python_markdown.reset().convert(as_typed))
    assert _structure(python_markdown.reset().convert(marked)) == before
