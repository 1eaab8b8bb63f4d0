"""The pieces under the exporters: typography, dates, safe Markdown, quoting."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from urllib.parse import unquote

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from jeudis.dates import french_date
from jeudis.errors import UsageError
from jeudis.export import tokens
from jeudis.export.cleaning import clean_markdown, clean_markdown_both, clean_markdown_many
from jeudis.export.excerpt import excerpt
from jeudis.export.frontmatter import one_line, quote
from jeudis.export.markup import headings_below, safe_url, to_html, to_html_many
from jeudis.export.render import nicename
from jeudis.export.typography import fix_html, fix_text, label_colon, variant_for

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("fr", f"Bonjour Laurent{NNBSP}! Quoi{NNBSP}?! Note{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}; fin"),
        ("fr-CA", f"Bonjour Laurent! Quoi?! Note{NBSP}: «{NBSP}oui{NBSP}»; fin"),
        (
            "fr-CH",
            f"Bonjour Laurent{NNBSP}! Quoi{NNBSP}?! Note{NNBSP}: «{NNBSP}oui{NNBSP}»{NNBSP}; fin",
        ),
        ("off", "Bonjour Laurent ! Quoi?! Note: « oui » ; fin"),
    ],
)
def test_typography_variants(variant: str, expected: str) -> None:
    assert fix_text("Bonjour Laurent ! Quoi?! Note: « oui » ; fin", variant) == expected


@pytest.mark.parametrize(
    "text",
    ["http://example.org/?a=1;b=2", "mailto:x@example.org", "10:30", "a;b", "www.x.fr/?q"],
)
def test_typography_leaves_urls_times_and_codes(text: str) -> None:
    assert fix_text(text, "fr") == text


@pytest.mark.parametrize(
    ("text", "variant", "expected"),
    [
        ("voir https://priya.dev/maps... Elle", "en", "voir https://priya.dev/maps… Elle"),
        ("Vous connaissez https://x.fr?", "fr", "Vous connaissez https://x.fr\u202f?"),
        ("Sur @ines@piaille.fr!", "fr", "Sur @ines@piaille.fr\u202f!"),
        ('lu sur http://x.fr: "oui"', "fr", "lu sur http://x.fr\u00a0: «\u00a0oui\u00a0»"),
        ("https://x.fr/?q=1;b=2...", "fr", "https://x.fr/?q=1;b=2…"),
    ],
)
def test_the_marks_after_an_address_are_set_in_text_as_in_a_post(
    text: str, variant: str, expected: str
) -> None:
    """A description or a title is plain text: the marks ending the sentence after an
    address are not the address's (its link leaves them out), and are set as the
    post's Markdown sets them."""
    assert fix_text(text, variant) == expected
    post = clean_markdown(text, lambda t: fix_text(t, variant))
    links = re.sub(r"<(https?://[^>]+)>|\[([^]]+)\]\([^)]+\)", lambda m: m[1] or m[2], post)
    assert links == expected


def test_a_link_whose_text_is_an_address_keeps_it_as_typed() -> None:
    """A roundup's HTML is set as text: a link's text that is its address keeps its
    dots (they are the address's), the same dots after it are a sentence's."""
    html = '<p><a href="https://x.fr/a...">https://x.fr/a...</a>... voir www.y.fr?</p>'
    assert fix_html(html, "fr") == (
        '<p><a href="https://x.fr/a...">https://x.fr/a...</a>… voir www.y.fr\u202f?</p>'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 350 abonnés", f"4{NNBSP}350 abonnés"),
        ("Presque 8 000. Surtout", f"Presque 8{NNBSP}000. Surtout"),
        ("1 234 567", f"1{NNBSP}234{NNBSP}567"),
        ("12 345,5 km", f"12{NNBSP}345,5 km"),
        ("en 2011 200 personnes", "en 2011 200 personnes"),  # a year, then a number
        ("06 12 34 56 78", "06 12 34 56 78"),  # a phone number
        ("le 14 juillet 1789", "le 14 juillet 1789"),
        ("3 1234", "3 1234"),
        ("https://x.fr/a?n=4 350", "https://x.fr/a?n=4 350"),  # a URL is never joined
        # A long text (a whole post's answers), looked through for a digit first.
        ("mot " * 300 + "4 350", "mot " * 300 + f"4{NNBSP}350"),
        ("mot " * 300 + "9 8 000", "mot " * 300 + f"9 8{NNBSP}000"),
    ],
)
def test_a_numbers_digit_groups_stay_together(text: str, expected: str) -> None:
    """The space a guest typed in "4 350" does not break the number at a line's end."""
    assert fix_text(text, "fr") == expected
    assert fix_text(text, "fr-CA") == expected
    assert fix_text(text, "off") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'envie d'écrire", "L’envie d’écrire"),
        ("aujourd'hui", "aujourd’hui"),
        ("'oui' ou 'non'", "'oui' ou 'non'"),  # quotes around a word are not apostrophes
        ("5'30 au chrono", "5'30 au chrono"),
        ("https://x.fr/l'a", "https://x.fr/l'a"),  # an address is never touched
    ],
)
def test_an_apostrophe_typed_between_letters_is_the_typographic_one(
    text: str, expected: str
) -> None:
    assert fix_text(text, "fr") == expected
    assert fix_text(text, "off") == text
    source = f"{text} `l'eau` [l'a](https://x.fr/l'a)"
    cleaned = clean_markdown(source, lambda t: fix_text(t, "fr"))
    assert cleaned.endswith(" `l'eau` [l’a](https://x.fr/l'a)")  # code and targets as typed


def test_digit_groups_in_code_are_left_alone() -> None:
    html = "<p>4 350</p><pre><code>x = 4 350</code></pre>"
    assert fix_html(html, "fr") == f"<p>4{NNBSP}350</p><pre><code>x = 4 350</code></pre>"


def test_typography_in_html_skips_tags_code_and_entities() -> None:
    html = '<p title="a ?">Toi &amp; moi ; <code>a ; b ?</code> <a href="x?y">lien ?</a></p>'
    assert fix_html(html, "fr") == (
        f'<p title="a ?">Toi &amp; moi{NNBSP}; <code>a ; b ?</code> <a href="x?y">lien{NNBSP}?</a></p>'
    )


@pytest.mark.parametrize(
    ("variant", "quoted"), [("fr", f"«{NBSP}oui{NBSP}»{NNBSP};"), ("en", "“oui” ;")]
)
def test_quotes_in_html_are_paired_in_text_and_left_in_code(variant: str, quoted: str) -> None:
    """cmark writes a quote in text as &quot;: a quote to pair all the same."""
    html = "<p>Tu dis &quot;oui&quot; ; <code>&quot;a&quot;</code> 6&quot;</p>"
    assert fix_html(html, variant) == f"<p>Tu dis {quoted} <code>&quot;a&quot;</code> 6&quot;</p>"


def test_typography_in_markdown_skips_code_and_link_targets() -> None:
    source = "Voir [le site ?](https://x.fr/?a=1) : `a ; b` !\n\n```\nx ; y ?\n```\n"
    fixed = clean_markdown(source, lambda t: fix_text(t, "fr"))
    assert fixed == (
        f"Voir [le site{NNBSP}?](https://x.fr/?a=1){NBSP}: `a ; b`{NNBSP}!\n\n```\nx ; y ?\n```\n"
    )


_TYPO_ALPHABET = st.sampled_from(
    [
        *"ab ;:!?«»\u00a0\u202f\t\n).,*_\"'-(—",
        *("10:30", "www.x.fr/?a;b", "x@y.fr", "1", "200", "2011", "..."),
    ]
)


@given(
    st.lists(_TYPO_ALPHABET, max_size=16).map("".join),
    st.sampled_from(["fr", "fr-CA", "fr-CH", "en", "de", "de-CH", "nl"]),
)
@example('x@y.fr,b—";).', "fr")  # the quote set, the address ended there the second time
def test_typography_is_idempotent(text: str, variant: str) -> None:
    once = fix_text(text, variant)
    assert fix_text(once, variant) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quoi?!", f"Quoi{NNBSP}?!"),  # a run of marks takes one space, before it
        ("Quoi ?!!  fin", f"Quoi{NNBSP}?!!  fin"),
        ("Vraiment ?: non", f"Vraiment{NNBSP}?: non"),
        ("a: ?", f"a{NBSP}:{NNBSP}?"),
        ("(oui ?)", f"(oui{NNBSP}?)"),
        ("« oui ? »", f"«{NBSP}oui{NNBSP}?{NBSP}»"),
        ("«?»", f"«{NBSP}?{NBSP}»"),  # one space inside each guillemet, no more
        ("Note :»", f"Note{NBSP}:{NBSP}»"),
        ("? fin", "? fin"),  # nothing before: left alone
        ("a;b 10:30 x?y", "a;b 10:30 x?y"),
        ("fin\n?", "fin\n?"),
    ],
)
def test_typography_runs_and_edges(text: str, expected: str) -> None:
    assert fix_text(text, "fr") == expected


_MD_ALPHABET = st.sampled_from(
    [*"ab ;:!?«»\n`<>&[]()*", "```", "](https://x.fr/?a=1) ", "[x]: /u", "http://y.fr ?", "\u00a0"]
)


@given(st.lists(st.lists(_MD_ALPHABET, max_size=12).map("".join), max_size=5))
@example(["ahttp://y.fr ?", "<"])  # an address that is no link, and a mark after it
def test_answers_cleaned_together_as_if_alone(texts: list[str]) -> None:
    def fix(text: str) -> str:
        return fix_text(text, "fr")

    assert clean_markdown_many(texts, fix) == [clean_markdown(t, fix) for t in texts]


def test_a_link_left_open_ends_with_its_answer_when_answers_are_cleaned_together() -> None:
    """Were the answers one text, what follows the open link would read as its title up
    to the next answer's ")": alone, it is no link, and "?" takes no space."""
    texts = ["[a](mailto:ab ?", "x)"]

    def fix(text: str) -> str:
        return fix_text(text, "fr")

    assert clean_markdown_many(texts, fix) == [clean_markdown(t, fix) for t in texts]


_LINKS_ALPHABET = st.sampled_from(
    [
        *'ab ;:!?]()\n"',
        "](https://x.fr/?a=1)",
        "](http://y.fr ?)",
        "](mailto:a@b.fr)",
        "](data:x)",
        "](https://z.fr",  # no closing parenthesis: no link
        '](https://w.fr "t" [j](javascript:x)',  # a link hidden in what looks like a title
    ]
)


@given(st.lists(_LINKS_ALPHABET, max_size=16).map("".join))
def test_links_set_aside_quickly_as_one_by_one(text: str) -> None:
    """Text whose only tokens are links takes a shortcut: the same tokens, the same holes."""
    found = list(tokens._tokens(text, tokens._present(text)))
    holes, last = [], 0
    for start, end, _ in found:
        holes += [text[last:start], tokens.HOLD]
        last = end
    expected = "".join(holes) + text[last:]
    assert tokens._markup_held(text) == (expected, [t[2] for t in found])


@given(
    st.lists(
        st.lists(
            _LINKS_ALPHABET
            | st.sampled_from(["[x]: /u", "[x]:", "\n    ", "\n\n    a", "\n\t", "    ", "\t"]),
            max_size=10,
        ).map("".join),
        min_size=1,
        max_size=4,
    )
)
def test_the_links_of_answers_joined_are_set_aside_as_in_each_alone(texts: list[str]) -> None:
    """The shortcut over a post's answers joined takes only answers whose tokens are
    plain links (no definition, no other target, no indented code), each as alone."""
    apart = "\ue001"
    found = tokens.hold_links_apart(f"\n\n{apart}\n\n".join(texts), apart)
    if found is None:
        return
    alone = [tokens._markup_held(text) for text in texts]
    assert all(
        held == tokens._LINK_TARGET.sub(tokens.HOLD, text)
        for text, (held, _) in zip(texts, alone, strict=True)
    )
    assert found == (
        f"\n\n{apart}\n\n".join(held for held, _ in alone),
        [token for _, held_tokens in alone for token in held_tokens],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voir https://example.org/x.", "Voir <https://example.org/x>."),
        (
            "(https://example.org/a) et https://w.fr/(b) !",
            "(<https://example.org/a>) et <https://w.fr/(b)> !",
        ),
        ("« https://g.fr » ?", "« <https://g.fr> » ?"),
        # In quotes, as in brackets; not one an attribute quotes.
        (
            "Voir \"https://g.fr/a\" et 'www.h.fr'.",
            "Voir \"<https://g.fr/a>\" et '<https://www.h.fr>'.",
        ),
        ('<a href="https://g.fr">', '&lt;a href="https://g.fr">'),
        ("www.site.fr/a_b, fin", "<https://www.site.fr/a_b>, fin"),
        # An apostrophe between letters is the address's; a quote after it is not.
        (
            "https://fr.wikipedia.org/wiki/L'Envie !",
            "<https://fr.wikipedia.org/wiki/L'Envie> !",
        ),
        ("https://x.fr/a' et 'oui'", "<https://x.fr/a>' et 'oui'"),
        ("https://x.fr/'onclick='x", "<https://x.fr/'onclick='x>"),
        # It ends where Markdown of its own opens: a link, a table's cell, a brace.
        ("www.x.fr/a)[y](javascript:x", "<https://www.x.fr/a>)[y](javascript:x"),
        ("| www.x.fr|y |", "| <https://www.x.fr>|y |"),
        ("{https://x.fr} et https://x.fr/a\\", "\\{<https://x.fr>} et <https://x.fr/a>\\"),
        # Not in a link's text or title, across code and entities too.
        ("[voir www.x.fr][ref]", "[voir www.x.fr][ref]"),
        ("[a `c` https://x.fr](https://y.fr)", "[a `c` https://x.fr](https://y.fr)"),
        ('[a](https://x.fr "t www.y.fr")', '[a](https://x.fr "t www.y.fr")'),
        ('https://x.fr/"onmouseover="alert(1)', '<https://x.fr/>"onmouseover="alert(1)'),
        # Left as written: already a link, in a link's text, in code, not an address.
        ("<https://a.fr> [t](https://b.fr)", "<https://a.fr> [t](https://b.fr)"),
        ("[voir https://x.fr](https://x.fr)", "[voir https://x.fr](https://x.fr)"),
        ("`https://code.fr` ici", "`https://code.fr` ici"),
        ("    https://indented.fr", "    https://indented.fr"),
        ("http://localhost et a@b.fr", "http://localhost et a@b.fr"),
        ("javascript:alert(1)//https://x.fr", "javascript:alert(1)//https://x.fr"),
        # The marks ending a clause typed with no space before them (an autocorrect's
        # ellipsis, dashes, full-width marks) are not the address's, nor in its host.
        ("voir https://x.fr… et https://x.fr/a…", "voir <https://x.fr>… et <https://x.fr/a>…"),
        ("(https://y.fr)… puis https://x.fr—oui", "(<https://y.fr>)… puis <https://x.fr>—oui"),
        ("www.x.fr–, https://x.fr。", "<https://www.x.fr>–, <https://x.fr>。"),
        ("https://x.fr.)…", "<https://x.fr>.)…"),
        # In the path, a dash is the address's (Wikipedia's titles hold them).
        ("https://w.org/wiki/Michelson–Morley", "<https://w.org/wiki/Michelson–Morley>"),
        ("https://café.fr:8080/a", "<https://café.fr:8080/a>"),
    ],
)
def test_a_bare_web_address_becomes_a_link_in_markdown_posts(text: str, expected: str) -> None:
    """Kramdown, Python-Markdown and Zola leave a bare address as text: an autolink is one."""
    assert clean_markdown(text, str) == expected


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "Voir https://a.fr/x et www.b.fr !",
            (
                '<p>Voir <a class="url" href="https://a.fr/x">https://a.fr/x</a> et '
                '<a class="url" href="https://www.b.fr">www.b.fr</a>\u202f!</p>'
            ),
        ),
        (
            "Voir https://a.fr… (https://b.fr)…",
            (
                '<p>Voir <a class="url" href="https://a.fr">https://a.fr</a>… '
                '(<a class="url" href="https://b.fr">https://b.fr</a>)…</p>'
            ),
        ),
        # Typed in straight quotes, which typography curls: the closing one is not the
        # address's (https://a.fr%C2%A0%C2%BB).
        (
            'Il a dit "https://a.fr/x" ; fin',
            (
                '<p>Il a dit «\u00a0<a class="url" href="https://a.fr/x">https://a.fr/x</a>\u00a0»'
                "\u202f; fin</p>"
            ),
        ),
        # The no-break spaces typography sets around it stay out of the link.
        (
            "« https://exemple.fr » (www.x.fr/a_b) ; fin",
            (
                '<p>«\u00a0<a class="url" href="https://exemple.fr">https://exemple.fr</a>\u00a0» '
                '(<a class="url" href="https://www.x.fr/a_b">www.x.fr/a_b</a>)\u202f; fin</p>'
            ),
        ),
    ],
)
def test_a_bare_address_is_a_link_in_the_html_without_the_spaces_around_it(
    text: str, html: str
) -> None:
    _, (for_html,) = clean_markdown_both([text], lambda t: fix_text(t, "fr"))
    assert to_html(for_html) == html


@pytest.mark.parametrize(
    ("text", "markdown", "html"),
    [
        (
            "Sur Mastodon : @ines_b@piaille.fr.",
            "Sur Mastodon : [@ines\\_b@piaille.fr](<https://piaille.fr/@ines_b>).",
            '<p>Sur Mastodon\u00a0: <a href="https://piaille.fr/@ines_b">@ines_b@piaille.fr</a>.</p>',
        ),
        # An email stays an email; a handle with no dot in its host, or one in code,
        # in a link's text, or glued to a word, is left as written.
        ("ines@piaille.fr", "ines@piaille.fr", None),
        ("@ines@localhost", "@ines@localhost", None),
        ("`@a@b.fr`", "`@a@b.fr`", None),
        ("[@a@b.fr](https://b.fr/@a)", "[@a@b.fr](https://b.fr/@a)", None),
        ("x@a@b.fr", "x@a@b.fr", None),
    ],
)
def test_a_fediverse_handle_is_a_link_to_its_profile(
    text: str, markdown: str, html: str | None
) -> None:
    """Left to GFM, "@ines@piaille.fr" was a stray "@" and a mailto: link."""
    _, (for_html,) = clean_markdown_both([text], lambda t: fix_text(t, "fr"))
    assert clean_markdown(text, str) == markdown
    if html is not None:
        assert to_html(for_html) == html


def test_an_indented_code_block_is_code_as_written() -> None:
    """Not "&lt;" in the code the reader sees, nor typography, nor a link."""
    text = "Mon code :\n\n    if a<b: go()\n    https://x.fr ?\n\nEt voilà !"
    (markdown,), (for_html,) = clean_markdown_both([text], lambda t: fix_text(t, "fr"))
    assert markdown == (
        "Mon code\u00a0:\n\n    if a<b: go()\n    https://x.fr ?\n\nEt voilà\u202f!"
    )
    assert "<pre><code>if a&lt;b: go()\nhttps://x.fr ?\n</code></pre>" in to_html(for_html)


def test_code_opening_an_answer_is_code_in_the_html_and_escaped_in_a_post() -> None:
    """cmark renders each answer as a block of its own; a post's template may not."""
    (markdown, _), (for_html, _) = clean_markdown_both(["    if a<b: go()\n\nFin !", "x"], str)
    assert markdown == "    if a&lt;b: go()\n\nFin !"
    assert to_html_many([for_html, "x"])[0] == (
        "<pre><code>if a&lt;b: go()\n</code></pre>\n<p>Fin !</p>"
    )


@pytest.mark.parametrize(
    "text",
    [
        "- un point\n\n    <b>suite du point</b>",  # a list item's second paragraph
        "> cité\n\n    <b>x</b>",
        "[^1]: une note\n\n    <b>x</b>",  # kramdown's and Python-Markdown's footnotes
        "    <b>au début</b>",  # a template may write a label before it on its line
    ],
)
def test_an_indented_line_that_may_not_be_code_stays_escaped(text: str) -> None:
    assert "<b>" not in clean_markdown(text, str)


def test_a_link_whose_text_is_its_address_is_marked_and_no_other() -> None:
    """Print writes each link's address after it: not for one that shows it already."""
    html = to_html("https://a.fr/x, www.b.fr, [https://b.fr](https://c.fr), [a](https://a.fr)")
    assert html == (
        '<p><a class="url" href="https://a.fr/x">https://a.fr/x</a>, '
        '<a class="url" href="https://www.b.fr">www.b.fr</a>, '
        '<a href="https://c.fr">https://b.fr</a>, <a href="https://a.fr">a</a></p>'
    )
    assert to_html_many(["https://a.fr", "x"])[0] == (
        '<p><a class="url" href="https://a.fr">https://a.fr</a></p>'
    )


# Each slug as WordPress 6.1's sanitize_title makes it (run with php-cli), for a site
# in French, or in the locale whose letters WordPress spells out.
@pytest.mark.parametrize(
    ("name", "language", "slug"),
    [
        ("Les Jeudis Twitter", "fr", "les-jeudis-twitter"),
        # Quotes and apostrophes go: "l-interview" was another category than the blog's.
        ("L'interview du jeudi", "fr", "linterview-du-jeudi"),
        ("Jean-Édouard O’Neil", "fr", "jean-edouard-oneil"),
        ("Les Jeudis d’Été", "fr", "les-jeudis-dete"),
        ("«\u00a0x\u00a0» a…b — c", "fr", "x-ab-c"),
        ("3×4 a_b a.b", "fr", "3x4-a_b-a-b"),
        ("Tom & Jerry", "fr", "tom-jerry"),
        ("AT&amp;T", "fr", "att"),
        ("100 % sûr", "fr", "100-sur"),
        ("Zoë d’Été & <Co>", "fr", "zoe-dete"),  # what reads as a tag goes
        ("Œuvre & Straße", "fr", "oeuvre-strase"),
        ("Œuvre & Straße", "de", "oeuvre-strasse"),
        ("Müller", "fr", "muller"),
        ("Müller", "de-CH", "mueller"),
        ("Ærø Åse", "fr", "aero-ase"),
        ("Ærø Åse", "da", "aeroe-aase"),
        ("Col·lecció", "fr", "col%c2%b7leccio"),
        ("Col·lecció", "ca", "colleccio"),
        ("Đorđe", "fr", "dorde"),
        ("Đorđe", "sr", "djordje"),
        ("ﬁn ı", "fr", "%ef%ac%81n-i"),  # a ligature is no accent to WordPress
        ("Ελένη", "fr", "%ce%b5%ce%bb%ce%ad%ce%bd%ce%b7"),
        ("がき", "fr", "%e3%81%8c%e3%81%8d"),  # not "かき"'s: the mark makes another letter
        ("かき", "fr", "%e3%81%8b%e3%81%8d"),
        ("हिंदी", "fr", "%e0%a4%b9%e0%a4%bf%e0%a4%82%e0%a4%a6%e0%a5%80"),  # vowel signs kept
        ("한국", "fr", "%ed%95%9c%ea%b5%ad"),  # a syllable, as WordPress encodes it
        ("🎉", "fr", "%f0%9f%8e%89"),
        ("???", "fr", "invite"),  # WordPress would number it: a slug all the same
    ],
)
def test_a_wordpress_slug_is_the_one_wordpress_makes(name: str, language: str, slug: str) -> None:
    assert nicename(name, language) == slug


def test_a_long_wordpress_slug_is_cut_between_characters() -> None:
    slug = nicename("ab" + "Б" * 40)
    assert len(slug) == 200 and unquote(slug, errors="strict") == "ab" + "б" * 33


def test_typography_setting() -> None:
    # English posts take English marks, whatever French variant the series sets.
    assert variant_for("en", "fr") == variant_for("en-GB", None) == "en"
    assert variant_for("de-AT", None) == "de" and variant_for("de_ch", None) == "de-CH"
    assert variant_for("en", "off") == variant_for("ja", None) == "off"
    assert variant_for("fr", None) == "fr"
    assert variant_for("fr-CA", None) == "fr-CA"
    with pytest.raises(UsageError):
        variant_for("fr", "fr-BE")


@pytest.mark.parametrize(
    ("language", "variant", "expected"),
    [
        ("fr", "fr", f"{NBSP}:"),
        ("fr-CA", "fr-CA", f"{NBSP}:"),
        ("fr", "fr-CH", f"{NNBSP}:"),
        ("fr", "off", " :"),  # jeudis's own words keep French spacing
        ("en", "off", ":"),
        ("de", "off", ":"),
    ],
)
def test_a_label_colon_is_spaced_in_french_only(language: str, variant: str, expected: str) -> None:
    assert label_colon(language, variant) == expected


@pytest.mark.parametrize(
    ("language", "previous", "next_one", "index"),
    [("de-AT", "Vorheriges Interview", "Nächstes Interview", "Alle Interviews"),
     ("es-MX", "Entrevista anterior", "Entrevista siguiente", "Todas las entrevistas"),
     ("it", "Intervista precedente", "Intervista successiva", "Tutte le interviste"),
     ("nl-BE", "Vorig interview", "Volgend interview", "Alle interviews"),
     ("pt_BR", "Entrevista anterior", "Entrevista seguinte", "Todas as entrevistas"),
     ("sv", "Previous interview", "Next interview", "All interviews")],
)  # fmt: skip
def test_the_words_around_a_post_are_in_its_language(
    language: str, previous: str, next_one: str, index: str
) -> None:
    """A German, Spanish, Italian, Dutch or Portuguese post read "Previous interview",
    as a Swedish one still does; each language has every word English has."""
    from jeudis.export.render import WORDS, words_for
    from jeudis.wording import POST_LANGUAGES

    words = words_for(language)
    assert (words["previous"], words["next"], words["index"]) == (previous, next_one, index)
    assert words["colon"] == ":"
    assert list(WORDS) == list(POST_LANGUAGES)
    assert all(words.keys() == WORDS["en"].keys() for words in WORDS.values())


def test_french_dates() -> None:
    assert french_date(dt.date(2011, 4, 7)) == "7 avril 2011"
    assert french_date(dt.date(2011, 2, 1)) == "1er février 2011"
    assert french_date(dt.date(2011, 8, 15)) == "15 août 2011"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVa&#115;cript:x",
        " java\tscript:x",
        "data:text/html,x",
        "vbscript:x",
        "data:image/png;base64,AA",
    ],
)
def test_unsafe_urls(url: str) -> None:
    assert not safe_url(url)


@pytest.mark.parametrize("url", ["https://x.fr", "mailto:a@b.fr", "images/a.jpg", "#q-1", "/p?a=b"])
def test_safe_urls(url: str) -> None:
    assert safe_url(url)


def test_markdown_has_no_raw_html_and_no_bad_links() -> None:
    html = to_html(
        "<script>x</script>\n\n[a](javascript:alert(1)) ![i](data:image/png;base64,AA) <b>b</b>"
    )
    assert "<script" not in html and "<b>" not in html
    assert "javascript" not in html and "data:" not in html
    assert "<a>a</a>" in html


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("*[^1]: note*", "*\\[^1]: note*"),
        ("x *[HTML] : HyperText", "x *\\[HTML] : HyperText"),
        ("`*[^1]: note`", "`*[^1]: note`"),  # code, as written
        ("[^1]: une note", "[^1]: une note"),  # a footnote's definition, no abbreviation
        ("**[x]**: y", "**[x]**: y"),
    ],
)
def test_an_abbreviation_definition_is_text(written: str, cleaned: str) -> None:
    """Python-Markdown 3.4 made a regex of an abbreviation's label as written ("^1":
    every character) and looped on it for ever: a guest never means one."""
    assert clean_markdown(written, str) == cleaned
    assert clean_markdown_many([written, "x"], str)[0] == cleaned


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("https://x.fr/promo-50%", "https://x.fr/promo-50%25"),
        ("[a](https://x.fr/a%20b%) à 50 %", "https://x.fr/a%20b%25"),
        ("www.x.fr/%zz?q=%C3%A9", "https://www.x.fr/%25zz?q=%C3%A9"),
        ("![i](https://x.fr/100%.png)", "https://x.fr/100%25.png"),
    ],
)
def test_a_percent_sign_in_an_address_is_written_as_one(written: str, href: str) -> None:
    """A "%" that starts no escape is an error in a URL (the Nu validator refused the
    page; a server may refuse the request): it is ``%25``, the "%" the guest meant.
    The text shows the address as written."""
    for html in (to_html(written), to_html_many([written, "x"])[0]):
        assert re.findall(r'(?:href|src)="([^"]*)"', html) == [href], html
        assert "%25" not in re.sub(r"<[^>]+>", "", html), html  # the text as written


@pytest.mark.parametrize(
    ("written", "html"),
    [
        ("[a [b](u) [c[x]] d](v)", '<p>[a <a href="u">b</a> [c[x]] d](v)</p>'),
        (
            '[a [b](https://x.fr "t") ![c[x]]> d](https://y.fr)',
            '<p>[a <a href="https://x.fr" title="t">b</a> ![c[x]]&gt; d](https://y.fr)</p>',
        ),
        # Two deep: only the innermost is a link.
        (
            "[a [b [c](w) [e[f]] ](x) [g[h]] z](v)",
            '<p>[a [b <a href="w">c</a> [e[f]] ](x) [g[h]] z](v)</p>',
        ),
        ("[[a](u)] [b](v)", '<p>[<a href="u">a</a>] <a href="v">b</a></p>'),
    ],
)
def test_no_link_is_rendered_inside_a_link(written: str, html: str) -> None:
    """cmark linked the whole of ``[a [b](u) [c[x]] d](v)`` around the link to ``u``
    (tests/fuzz: the Nu HTML Checker refused the page: "an a element already open").
    CommonMark reads text around one link, and so does the page."""
    assert to_html(written) == html
    assert to_html_many([written, "x"])[0] == html


@pytest.mark.parametrize(
    ("written", "html"),
    [
        ("![i](data:image/png;base64,AA) x", "<p>i x</p>"),
        ('![a "b" & c](javascript:alert(1) "t")', "<p>a &quot;b&quot; &amp; c</p>"),
        ("[![inner](data:x)](https://x.fr)", '<p><a href="https://x.fr">inner</a></p>'),
        ("![](data:x) y", "<p> y</p>"),
        # A safe image is left as cmark wrote it.
        (
            '![ok](https://x.fr/a.png "T")',
            '<p><img src="https://x.fr/a.png" alt="ok" title="T" /></p>',
        ),
    ],
)
def test_a_refused_image_shows_its_text(written: str, html: str) -> None:
    """As a browser shows an image it cannot load; ``<img src="">`` was not HTML
    (the Nu validator: "Bad value for attribute src: must be non-empty")."""
    assert to_html(written) == html
    assert to_html_many([written, "x"])[0] == html


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        # A tag's "<" is escaped alone: the link after it is still checked.
        ("<b>[a](javascript:x)", "&lt;b>[a](#)"),
        ("<b [a](javascript:x)", "&lt;b [a](#)"),
        # Backtick runs of different lengths make no code span: the link is text.
        ("`[b](javascript:x)``", "`[b](#)``"),
        # A run left open on its line: parsers pair the runs differently.
        ("x ```y\n```[j]( javascript:z)```", "x ```y\n\\```[j](#)```"),
        # A definition's URL on the next line, or inside a block quote.
        ("[r]:\n  javascript:x", "[r]\\:\n  javascript:x"),
        ("> [r]: javascript:x", "> [r]\\: javascript:x"),
        # Made text, not left without its URL: the next line would lend it one.
        (
            "[r]: javascript:x\njavascript:y\n\n[a][r]",
            "[r]\\: javascript:x\njavascript:y\n\n[a][r]",
        ),
        # A definition on the line a safe one takes as its URL is checked too.
        ("[r]:\n[r]: javascript:x\n\n[a][r]", "[r]:\n[r]\\: javascript:x\n\n[a][r]"),
        # Wherever a parser may read one: a definition list, a label with an escape.
        ("terme\n: [x]:javascript:y\n\n[a][x]", "terme\n: [x]\\:javascript:y\n\n[a][x]"),
        ("[a\\]b]:javascript:y\n\n[x][a\\]b]", "[a\\]b]\\:javascript:y\n\n[x][a\\]b]"),
        ("[a](javascript\\:alert(1))", "[a](#)"),  # an escape in the scheme
        # A link with no URL leads to the page itself: Zola stops its build at one.
        # An image's is left empty, which browsers fetch nothing for.
        ('[a]() [b](<>) [c]( "t") ![d]() \\![e]()', '[a](#) [b](#) [c](# "t") ![d]() \\![e](#)'),
        ("![i](javascript:x) [a ![i](x.png) [b]](javascript:x)", "![i]() [a ![i](x.png) [b]](#)"),
        ("![a \\] b](javascript:x) ![[a] \\[b](javascript:x)", "![a \\] b]() ![[a] \\[b]()"),
        # Backticks inside a span: text for every parser, cleaned as text.
        ("` ``[](jav&#x61;script:x)`", "\\` \\`\\`[](#)\\`"),
        ("``a ` b`` ici", "``a ` b`` ici"),
        # A footnote stays one: its text is no link a parser could follow to a script.
        ("x[^1]\n\n[^1]: Source: INSEE, 2020.", "x[^1]\n\n[^1]: Source: INSEE, 2020."),
        ("[^1]: javascript:x\n\n[a][^1]", "[^1]\\: javascript:x\n\n[a][^1]"),
        ("[[<b>x [^1]: note", "[[&lt;b>x [^1]: note"),  # a label cannot hold "["
        ("[<b>]: javascript:x\n\n[<b>]", "[&lt;b>]\\: javascript:x\n\n[&lt;b>]"),  # nor raw
        ('[x]: https://a.fr "T"', '[x]: https://a.fr "T"'),  # a plain one is kept whole
        # "www." means a site, not a page beside the post.
        (
            "[s](www.a.fr) [t]\n\n[t]: www.b.fr",
            "[s](https://www.a.fr) [t]\n\n[t]: https://www.b.fr",
        ),
        # A title that is not one hides no link.
        ('[a](https://x.fr "t" [j](javascript:x)', '[a](https://x.fr "t" [j](#)'),
        # An unsafe target is dropped up to the ")" parsers end it at, not the first one.
        ("[js](javascript:alert(1)) fin", "[js](#) fin"),
        ('[js](javascript:a((1)) "t") fin', "[js](#) fin"),
        ("[js](javascript:alert(1) fin", "[js](#) fin"),
        ('[a](javascript:x "(") more text) end', "[a](#) more text) end"),
        # A target with parentheses is kept as written, not made an autolink.
        ("[a](https://x.fr/a_(b)) fin", "[a](https://x.fr/a_(b)) fin"),
        # Code right under a line of text is code to every parser.
        ("Voici :\n```py\n<b>{x}\n```", "Voici :\n```py\n<b>{x}\n```"),
        # A fence each parser closes elsewhere: nothing after it is trusted as code,
        # and a fence left as text opens none (a backslash before it).
        ("```\nc\n````\n[e](javascript:x)\n```", "\\```\nc\n\\````\n[e](#)\n\\```"),
        # A fence right under a list item is the item's to kramdown, and ends with it.
        ("- item\n```\n\n[a](javascript:x)", "- item\n\\```\n\n[a](#)"),
        # An unclosed fence is closed with its answer; info strings keep a language.
        ("```js title\ncode", "```js\ncode\n```"),
        ('> ```x"onclick="y\n> c', '> \\```x"onclick="y\n> c'),  # a fence to none, as written
    ],
)
def test_markdown_tokens_agree_with_every_parser(written: str, cleaned: str) -> None:
    assert clean_markdown(written, str) == cleaned


def test_what_keeps_generators_inert_stays_out_of_the_html() -> None:
    """Braces and fences are escaped for Markdown posts; cmark's HTML keeps the code as written."""
    answer = "- étape :\n  ```\n  x = {1}\n  ```\n\n{: .c} fin"
    markdown, for_html = clean_markdown_both([answer, "rien"], str)
    assert markdown[0] == "- étape :\n  \\```\n  x = \\{1}\u200b\n  \\```\n\n\\{: .c} fin"
    assert to_html(for_html[0]) == (
        "<ul>\n<li>étape :\n<pre><code>x = {1}\n</code></pre>\n</li>\n</ul>\n<p>{: .c} fin</p>"
    )
    assert markdown[1] == for_html[1] == "rien"


def test_many_answers_render_like_one_each() -> None:
    answers = ["Un *deux*", "- a\n- b", "> cité", "```\ncode\n", "fin"]
    assert to_html_many(answers) == [to_html(a) for a in answers]


@pytest.mark.parametrize("definition", ["[x]: /ici", "[x]:\n/ici", "  [x]:\n  </ici>"])
def test_a_link_definition_stays_in_its_own_answer(definition: str) -> None:
    answers = [f"Voir [x].\n\n{definition}", "Et [x] ici ?", "fin"]
    rendered = to_html_many(answers)
    assert rendered == [to_html(a) for a in answers]
    assert '<a href="/ici">x</a>' in rendered[0]
    assert "<a" not in rendered[1]


@given(st.text())
@example("Ligne\r\nsuivante\rfin\n")  # a title pasted from Windows: each break as typed
@example("\u2028\u0085\ufeff\x00")
def test_quoted_strings_read_back_in_yaml_and_toml(text: str) -> None:
    quoted = quote(text)
    assert tomllib.loads(f"v = {quoted}")["v"] == text
    assert yaml.safe_load(f"v: {quoted}")["v"] == text


def test_pelican_values_are_one_line() -> None:
    assert one_line("a\nTitle: b\r\n\tc\u2028d") == "a Title: b c d"


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        ("1.5 million, roughly.", "**Anne:** 1.5 million, roughly."),
        ("*Never*: too hard.", "**Anne:** *Never*: too hard."),
        ("#jeudis, every week.", "**Anne:** #jeudis, every week."),
        ("-3 °C that day.", "**Anne:** -3 °C that day."),
        ("- a stall\n- a shop", "**Anne:**\n\n- a stall\n- a shop"),
        ("1. a stall\n2. a shop", "**Anne:**\n\n1. a stall\n2. a shop"),
        ("> quoted", "**Anne:**\n\n> quoted"),
        ("## Part one\n\nText.", "**Anne:**\n\n## Part one\n\nText."),
    ],
)
def test_a_dialogue_answer_takes_the_speaker_in_front_unless_it_opens_a_block(
    answer: str, shown: str
) -> None:
    from jeudis.export.templating import _speaker_md

    assert _speaker_md(answer, "Anne:") == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fr", "1er mai 2009"), ("fr-CA", "1er mai 2009"), ("en", "May 1, 2009")],
)
def test_a_date_answer_reads_as_the_post_writes_dates(language: str, shown: str) -> None:
    from jeudis.export.values import value_markdown
    from jeudis.interview import Answer

    opened = Answer(id="d", type="date", question="Since when?", value=dt.date(2009, 5, 1))
    assert value_markdown(opened, language) == shown


@pytest.mark.parametrize("language", ["fr", "FR", "fr-ca", "Fr-CA"])
def test_yes_no_and_numbers_read_french_whatever_the_case_of_the_language_tag(
    language: str,
) -> None:
    """An interview file's language is taken as written: with "FR", its post's dates and
    colons were French and its yes/no and numbers English ("Yes", "9,200")."""
    from jeudis.export.values import value_markdown
    from jeudis.interview import Answer

    yes = Answer(id="y", type="yesno", question="Still blogging?", value=True)
    number = Answer(id="n", type="number", question="Followers?", value=9200)
    assert value_markdown(yes, language) == "Oui"
    assert value_markdown(number, language) == "9\u202f200"


@pytest.mark.parametrize("language", ["frr", "fra", "frp", "en"])
def test_a_language_whose_tag_only_starts_with_fr_is_not_french(language: str) -> None:
    """North Frisian ("frr"), which ``check`` warns will be in English, read its dates,
    yes/no, numbers and typography the French way: any tag starting "fr" did."""
    from jeudis.export.values import value_markdown
    from jeudis.interview import Answer

    yes = Answer(id="y", type="yesno", question="Still blogging?", value=True)
    number = Answer(id="n", type="number", question="Followers?", value=9200)
    assert value_markdown(yes, language) == "Yes"
    assert value_markdown(number, language) == "9,200"
    assert variant_for(language, "fr") == ("en" if language == "en" else "off")
    assert label_colon(language, "fr") == ":"


@pytest.mark.parametrize(
    ("language", "locale"),
    [("fr", "fr_FR"), ("FR", "fr_FR"), ("fr-CA", "fr_CA"), ("fr_ch", "fr_CH"),
     ("en", "en_US"), ("en-GB", "en_GB"), ("de-AT", "de_AT"), ("de", "de_DE"), ("frr", ""),
     ("es", "es_ES"), ("es-MX", "es_MX"), ("it", "it_IT"), ("nl", "nl_NL"), ("nl-BE", "nl_BE"),
     ("pt", "pt_BR"), ("pt-PT", "pt_PT"), ("sv", ""), ("ja", "")],
)  # fmt: skip
def test_og_locale_names_the_tags_territory_or_the_likeliest(language: str, locale: str) -> None:
    """A post in German said og:locale fr_FR, and one in British English en_US; then a
    German, Spanish, Italian, Dutch or Portuguese one with no region named none, where a
    French or English one named France or the United States. A language jeudis writes
    no posts in has none guessed."""
    from jeudis.export.model import og_locale

    assert og_locale(language) == locale


@pytest.mark.parametrize("language", ["fr-CA", "fr-ca", "fr_CA"])
def test_canadian_french_is_read_however_its_tag_is_written(language: str) -> None:
    """An interview file saying fr_CA got France's spaces before ; ! ?."""
    assert variant_for(language, None) == "fr-CA"


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "March 4, 2011"), ("en-US", "March 4, 2011"), ("en-CA", "March 4, 2011"),
     ("en-GB", "4 March 2011"), ("en_gb", "4 March 2011"), ("en-AU", "4 March 2011"),
     ("en-IE", "4 March 2011"), ("fr", "4 mars 2011"), ("fr-CA", "4 mars 2011"),
     ("de", "4. März 2011"), ("de-CH", "4. März 2011"), ("es", "4 de marzo de 2011"),
     ("es-MX", "4 de marzo de 2011"), ("it", "4 marzo 2011"), ("nl", "4 maart 2011"),
     ("nl-BE", "4 maart 2011"), ("pt", "4 de março de 2011"), ("pt-BR", "4 de março de 2011"),
     ("ja", "March 4, 2011"), ("sv", "March 4, 2011")],
)  # fmt: skip
def test_a_date_answer_reads_as_its_language_writes_dates(language: str, written: str) -> None:
    """A British interview wrote its dates the American way, "March 4, 2011"; a German,
    Spanish, Italian, Dutch or Portuguese one too, in English. A language jeudis writes
    no posts in still does."""
    from jeudis.export.values import value_text
    from jeudis.interview import Answer

    started = Answer(id="d", type="date", question="Since when?", value=dt.date(2011, 3, 4))
    assert value_text(started, language) == written


@pytest.mark.parametrize(
    ("language", "day", "written"),
    [("de", (2011, 1, 1), "1. Januar 2011"), ("de-AT", (2011, 1, 1), "1. Jänner 2011"),
     ("de-at", (2011, 2, 1), "1. Februar 2011"), ("es-PE", (2011, 9, 1), "1 de setiembre de 2011"),
     ("es-UY", (2011, 9, 1), "1 de setiembre de 2011"),
     ("es", (2011, 9, 1), "1 de septiembre de 2011"), ("it", (2011, 12, 25), "25 dicembre 2011"),
     ("nl", (2011, 5, 17), "17 mei 2011"), ("pt-PT", (2011, 6, 10), "10 de junho de 2011"),
     ("es-419", (2011, 8, 2), "2 de agosto de 2011")],
)  # fmt: skip
def test_a_region_names_the_months_as_cldr_says_it_does(
    language: str, day: tuple[int, int, int], written: str
) -> None:
    """Austria's January is "Jänner", Peru's and Uruguay's September "setiembre"."""
    from jeudis.dates import date_formatter

    assert date_formatter(language)(dt.date(*day)) == written


def test_a_german_date_answer_is_a_paragraph_not_a_list() -> None:
    """ "4. März 1953" opens a list numbered from 4 in Markdown: a post's date answer is
    written "4\\. März 1953" there, and reads as a date in its HTML and in the session's
    review, which shows text."""
    from jeudis.export.values import value_markdown
    from jeudis.followups import review_cell
    from jeudis.interview import Answer

    since = Answer(id="d", type="date", question="Seit wann?", value=dt.date(1953, 3, 4))
    written = value_markdown(since, "de")
    assert written == "4\\. März 1953"
    assert to_html(written) == "<p>4. März 1953</p>"
    assert value_markdown(since, "fr") == "4 mars 1953"
    assert review_cell(since, "de") == "4. März 1953"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Also:</p>\n<ul>\n<li>COBOL</li>\n<li>the <em>Navy</em></li>\n</ul>\n<p>Next</p>",
         "Also: COBOL, the Navy. Next"),
        ("<p>J’aime :</p><ul><li>la presse ;</li><li>les blogs.</li></ul>",
         "J’aime : la presse ; les blogs."),
        ("<p>« Test. »</p><p>Deux<br>lignes</p><h2>Titre</h2><p>fin (voir)</p>",
         "« Test. » Deux lignes. Titre. fin (voir)"),
        ("<p>x &amp; <strong>y</strong></p>", "x & y"),
        ("un mot", "un mot"),
    ],
)  # fmt: skip
def test_an_excerpt_runs_blocks_on_as_sentences(html: str, text: str) -> None:
    assert excerpt(html) == text


def test_an_excerpt_is_cut_on_a_word() -> None:
    assert excerpt("<p>" + "mot " * 100 + "</p>", 20) == "mot mot mot mot mot…"


@pytest.mark.parametrize(
    ("typed", "markdown"),
    [
        ("• la veille\n• le partage", "- la veille\n- le partage"),
        (
            "Trois usages :\n•\tla veille\n◦ le partage",
            "Trois usages :\n\n- la veille\n- le partage",
        ),
        ("  ▪\u00a0un\n  ▪\u00a0deux", "  - un\n  - deux"),
        ("• un,\nqui continue\n• deux", "- un,\nqui continue\n- deux"),
        ("- un\n• deux", "- un\n- deux"),
        ("Texte.\n\n● un", "Texte.\n\n- un"),
        ("```\n• dans le code\n```\n• après", "```\n• dans le code\n```\n\n- après"),
        ("    • du code", "    • du code"),
        ("•sans espace", "•sans espace"),
        ("Le point • au milieu", "Le point • au milieu"),
    ],
)
def test_lines_pasted_with_their_bullets_are_a_list(typed: str, markdown: str) -> None:
    from jeudis.export.values import bullets_as_items

    assert bullets_as_items(typed) == markdown


def test_a_table_columns_alignment_is_a_style_of_its_cells() -> None:
    """cmark wrote ``align="right"``, obsolete in HTML5 (the Nu checker said so of each
    page with one) and overridden by any theme's ``text-align`` on cells; as Hugo writes
    it, alone and among other answers, and text reading ``align="right"`` left as text."""
    table = '| Année | Tweets |\n|:--|--:|\n| 2010 | 4500 |\n\nalign="right" est du texte.'
    alone = to_html(table)
    assert '<th style="text-align:left">Année</th>' in alone
    assert '<td style="text-align:right">4500</td>' in alone
    assert "align=&quot;right&quot; est du texte." in alone
    assert ' align="' not in alone
    assert to_html_many([table, "Et ensuite."])[0] == alone


_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def _lowered(rendered: str) -> str:
    """HTML with its headings' levels under an h2 (the highest an h3, the others each
    a level lower in their order, h6 at most), spaces folded."""
    used = sorted({int(level) for _, level in _HEADING_TAG.findall(rendered)})
    levels = {level: min(6, 3 + rank) for rank, level in enumerate(used)}
    shifted = _HEADING_TAG.sub(lambda m: f"<{m[1]}h{levels[int(m[2])]}>", rendered)
    return " ".join(shifted.split())


_MARKDOWN_LINES = ["# Titre", "## Sous-titre", "Texte", "Suite", "===", "---", "- item", "",
                   "```", "    code", "> # Cité", "> cité", "#pas un titre", "1. un"]  # fmt: skip


@given(st.lists(st.sampled_from(_MARKDOWN_LINES), max_size=12))
@example(["Ab", "cd", "==="])
def test_a_guests_headings_go_three_levels_down_and_nothing_else_changes(lines: list[str]) -> None:
    """A guest's "# Titre" was a second h1 in the post, "## Sous-titre" one of the
    questions' level: every heading, ATX or setext, goes under the question's, levels
    following one another; code, lists and thematic breaks are as they were."""
    text = "\n".join(lines)
    lowered = headings_below(text)
    assert " ".join(to_html(lowered).split()) == _lowered(to_html(text))


def test_a_guests_headings_are_written_as_the_markdown_post_writes_them() -> None:
    assert headings_below("# Titre\n\nTexte\n\nDeux\nlignes\n---\n\nFin") == (
        "### Titre\n\nTexte\n\n#### Deux lignes\n\nFin"
    )
    # A "##" alone is the highest: under a follow-up's h3, an h4; no level skipped.
    assert headings_below("## Un\n\n#### Deux", 4) == "#### Un\n\n##### Deux"
    assert headings_below("Rien\n\n- a\n\n```\n# code\n```") == "Rien\n\n- a\n\n```\n# code\n```"
    # A setext heading that would not read the same as one line (its line break) is
    # left as written; the other headings go down all the same.
    broken = "# Un\n\nTitre\\\nSous\n==="
    assert headings_below(broken) == "### Un\n\nTitre\\\nSous\n==="
