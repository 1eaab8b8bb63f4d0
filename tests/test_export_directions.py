"""Answers written from right to left (Arabic, Hebrew) in a post written from the left.

A French post laid every answer out from the left: a paragraph in Arabic ragged on
the wrong side, "سارة!" shown with its "!" on the right of the word, the French
spaces put before its marks ("كثيرا\u202f!"). An answer's block that reads the other
way from the post takes ``dir="auto"``, and French spacing is never put against a
word written from right to left.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from export_helpers import make_interview
from jeudis.export.typography import fix_text
from support import Invoke

NNBSP, NBSP = "\u202f", "\u00a0"
WXR, CONTENT = "{http://wordpress.org/export/1.2/}", "{http://purl.org/rss/1.0/modules/content/}"
ATOM = "{http://www.w3.org/2005/Atom}"
MIXED = [
    ("depuis", "Depuis quand ?", "سارة!"),
    (
        "blog",
        "Ton blog ?",
        (
            "أكتب مدونة عن التكنولوجيا كثيرا!\n\n- שלום! אני כותבת בלוג.\n- العربية: نعم\n"
            "- Le français : oui !\n\n> اقتباس؟ نعم؛ هكذا.\n\n## عنوان!"
        ),
    ),
    ("langues", "Tes langues ?", "J'écris en arabe : العربية ! Vraiment ? Oui : «مرحبا»."),
]
# Each block of those answers as the post writes it: its element, its dir, its text.
MIXED_BLOCKS = [
    ("p", "auto", "سارة!"),
    ("p", "auto", "أكتب مدونة عن التكنولوجيا كثيرا!"),
    ("ul", "auto", None),
    ("li", None, "שלום! אני כותבת בלוג."),
    ("li", None, "العربية: نعم"),
    ("li", "auto", f"Le français{NBSP}: oui{NNBSP}!"),  # French, in a list read from the right
    ("blockquote", "auto", None),
    ("p", None, "اقتباس؟ نعم؛ هكذا."),
    ("h3", "auto", "عنوان!"),
    # French around an Arabic word: a French sentence, its marks spaced as French spaces them.
    (
        "p",
        None,
        f"J’écris en arabe{NBSP}: العربية{NNBSP}! Vraiment{NNBSP}? Oui{NBSP}: «{NBSP}مرحبا{NBSP}».",
    ),
]
_BLOCKS = {"p", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}


def answer_blocks(html: str) -> list[tuple[str, str | None, str | None]]:
    """The blocks of the answers in ``html`` as a browser reads it: each element, its
    ``dir``, and the text of a block holding no other (None for one that holds some)."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    found: list[tuple[str, str | None, str | None]] = []

    def walk(element: Any) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag not in _BLOCKS:
                continue
            holds_blocks = any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in child)
            text = None if holds_blocks else "".join(child.itertext()).strip()
            found.append((child.tag, child.get("dir"), text))
            walk(child)

    for turn in tree.iter():
        if "question" in (turn.get("class") or "").split():
            walk(turn)
    return [block for block in found if block[0] != "h2" or block[1]]  # not the questions


def mixed_interview(series: Path, **options: Any) -> None:
    make_interview(series, "sara", guest="Sara Haddad", answers=MIXED, **options)


@pytest.mark.parametrize(
    ("typed", "set_as"),
    [
        ("سارة!", "سارة!"),
        ("أكتب مدونة عن التكنولوجيا كثيرا!", "أكتب مدونة عن التكنولوجيا كثيرا!"),
        ("שלום! אני כותבת בלוג.", "שלום! אני כותבת בלוג."),
        ("العربية: نعم", "العربية: نعم"),
        ("نعم; لا? حسنا", "نعم; لا? حسنا"),
        ("العربية 200!", "العربية 200!"),  # the nearest letter, past the digits
        ("**سارة**!", "**سارة**!"),
        ("قال «مرحبا» ثم", "قال «مرحبا» ثم"),
        ('قال "مرحبا" ثم', "قال «مرحبا» ثم"),  # paired as French pairs them, unspaced
        ("العربية ! « سارة »", "العربية ! « سارة »"),  # a space typed there stays as typed
        ("שלום!?", "שלום!?"),
    ],
)
def test_a_mark_next_to_a_word_written_from_right_to_left_takes_no_french_space(
    typed: str, set_as: str
) -> None:
    for variant in ("fr", "fr-CH"):
        assert fix_text(typed, variant) == set_as


@pytest.mark.parametrize(
    ("typed", "set_as"),
    [
        (
            "J'écris en arabe : العربية ! Vraiment ? Oui.",
            f"J’écris en arabe{NBSP}: العربية{NNBSP}! Vraiment{NNBSP}? Oui.",
        ),
        ("Elle dit « سارة », oui !", f"Elle dit «{NBSP}سارة{NBSP}», oui{NNBSP}!"),
        ("Que veut dire سلام ?", f"Que veut dire سلام{NNBSP}?"),  # a French sentence
        ("J'ai appris l'arabe (العربية) !", f"J’ai appris l’arabe (العربية){NNBSP}!"),
        ("سارة!\nBonjour !", f"سارة!\nBonjour{NNBSP}!"),  # a line of its own
        (
            'Il a dit "bonjour" à سارة; ok ?',
            f"Il a dit «{NBSP}bonjour{NBSP}» à سارة{NNBSP}; ok{NNBSP}?",
        ),
        ("J'en ai 200 !", f"J’en ai 200{NNBSP}!"),
        ("voir https://x.fr ?", f"voir https://x.fr{NNBSP}?"),
    ],
)
def test_french_next_to_a_word_written_from_right_to_left_keeps_its_spaces(
    typed: str, set_as: str
) -> None:
    assert fix_text(typed, "fr") == set_as


def test_no_letter_of_a_script_written_from_right_to_left_takes_a_french_space() -> None:
    """Every letter Unicode says is read from the right (Arabic, Hebrew, Syriac, Thaana,
    N'Ko, Adlam...), each on a line of its own before a "!", in a French text."""
    letters = [
        chr(code)
        for code in range(0x110000)
        if unicodedata.bidirectional(chr(code)) in ("R", "AL")
        and unicodedata.category(chr(code))[0] == "L"
    ]
    assert len(letters) > 1000
    typed = "Oui !\n" + "\n".join(f"{letter}!" for letter in letters)
    assert fix_text(typed, "fr") == f"Oui{NNBSP}!\n" + "\n".join(f"{letter}!" for letter in letters)


def sara_exported(series: Path, invoke: Invoke) -> dict[str, str]:
    """Sara's post as the page, the fragment, the WordPress block and the WXR body (a
    series with a base_url), and the whole series exported into site/ for its feed."""
    (series / "jeudis.toml").write_text('base_url = "https://blog.example.org"\n', "utf-8")
    outputs = {kind: invoke("export", "sara", *flags).stdout for kind, flags in (
        ("page", ()), ("fragment", ("--fragment",)), ("wordpress", ("--wordpress",)),
    )}  # fmt: skip
    wxr = ET.fromstring(invoke("export", "sara", "-f", "wxr", "-o", "-").stdout.encode())
    outputs["wxr"] = next(wxr.iter("item")).findtext(f"{CONTENT}encoded") or ""
    assert invoke("export", "--all").exit_code == 0
    return outputs


def test_an_answer_in_arabic_or_hebrew_reads_from_the_right_in_a_french_post(
    series: Path, invoke: Invoke
) -> None:
    """The page, the fragment, the WordPress block, the WXR body and the feed entry: each
    block of an answer that reads from the right says so; the French ones do not."""
    mixed_interview(series)
    outputs = sara_exported(series, invoke)
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    outputs["feed"] = feed.findtext(f"{ATOM}entry/{ATOM}content") or ""
    for kind, html in outputs.items():
        assert answer_blocks(html) == MIXED_BLOCKS, kind
        assert '<article lang="fr" class=' in html, kind  # the post itself reads from the left


def test_a_french_answer_in_an_arabic_post_reads_from_the_left(
    series: Path, invoke: Invoke
) -> None:
    answers = [
        ("q", "ما الذي دفعك إلى التدوين؟", "الرغبة في **المشاركة**.\n\nBonjour ! Merci.\n\n42"),
        ("d", "متى؟", "Twitter هو شبكة"),  # opens on a Latin word: read as that word is
    ]
    make_interview(series, "salma", guest="Salma", language="ar", answers=answers)
    page = invoke("export", "salma").stdout
    assert answer_blocks(page) == [
        ("p", None, "الرغبة في المشاركة."),
        ("p", "auto", "Bonjour ! Merci."),  # an Arabic post's typography is none
        ("p", None, "42"),  # no letter: the post's direction
        ("p", "auto", "Twitter هو شبكة"),
    ]


def test_a_dialogue_turn_in_arabic_reads_from_the_right_after_the_guests_name(
    series: Path, invoke: Invoke
) -> None:
    """The guest's name goes in front of the first paragraph; the paragraph's direction
    is its answer's, not the name's (a paragraph opening on "Sara" read from the left)."""
    mixed_interview(series, style="dialogue")
    page = invoke("export", "sara").stdout
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    turns = [p for p in tree.iter("p") if p.find("strong") is not None]  # the guest's
    said = [(p.get("dir"), p.find("strong").get("dir"), "".join(p.itertext())) for p in turns]
    assert said[0] == ("auto", "auto", f"Sara{NBSP}: سارة!")
    assert said[-1] == (
        None,
        None,
        (
            f"Sara{NBSP}: J’écris en arabe{NBSP}: العربية{NNBSP}! Vraiment{NNBSP}?"
            f" Oui{NBSP}: «{NBSP}مرحبا{NBSP}»."
        ),
    )


def test_a_guests_name_written_from_right_to_left_reads_so_under_the_photo(
    series: Path, invoke: Invoke
) -> None:
    for slug, guest in (("sara", "سارة حداد"), ("paul", "Paul Martin")):
        make_interview(series, slug, guest=guest, fields={"photo": "https://x.fr/p.jpg"})
    captions = {
        slug: html5lib.parse(invoke("export", slug).stdout, namespaceHTMLElements=False).find(
            ".//figcaption"
        )
        for slug in ("sara", "paul")
    }
    assert captions["sara"].get("dir") == "auto" and captions["sara"].text == "سارة حداد"
    assert captions["paul"].get("dir") is None


def test_a_roundups_answer_in_arabic_reads_from_the_right(series: Path, invoke: Invoke) -> None:
    for slug, guest, said, day in (
        ("sara", "سارة حداد", "سارة!", 1),
        ("paul", "Paul Martin", "Depuis 2009 !", 2),
    ):
        make_interview(
            series, slug, guest=guest, questionnaire="twitter", date=dt.date(2011, 6, day),
            answers=[("depuis-quand", "Depuis quand ?", said)],
        )  # fmt: skip
    html = invoke("compare", "twitter", "-q", "depuis-quand", "-f", "html").stdout
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    sections = {"".join(section.find("h2").itertext()): section for section in tree.iter("section")}
    assert {guest: section.find("h2").get("dir") for guest, section in sections.items()} == {
        "سارة حداد": "auto",
        "Paul Martin": None,
    }
    said = {
        guest: [(p.get("dir"), p.text) for p in section.iter("p") if not p.get("class")]
        for guest, section in sections.items()
    }
    assert said == {
        "سارة حداد": [("auto", "سارة!")],
        "Paul Martin": [(None, f"Depuis 2009{NNBSP}!")],
    }


def test_a_markdown_post_sets_no_french_space_against_arabic(series: Path, invoke: Invoke) -> None:
    """Its generator lays it out (see docs/publishing.md): the marks, at least, are right."""
    mixed_interview(series)
    post = invoke("export", "sara", "--format", "md").stdout
    assert "سارة!" in post and "- العربية: نعم" in post
    assert f"J’écris en arabe{NBSP}: العربية{NNBSP}! Vraiment{NNBSP}?" in post


def directions(html: str) -> list[tuple[str, str | None, str]]:
    """Every element of ``html`` with its ``dir`` and its text (its runs of ASCII blanks as
    one, as they show)."""
    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    return [
        (
            element.tag,
            element.get("dir"),
            re.sub(r"[ \t\n\r\f]+", " ", "".join(element.itertext())).strip(),
        )
        for element in tree.iter()
        if isinstance(element.tag, str) and element.tag != "DOCUMENT_FRAGMENT"
    ]


@pytest.mark.parametrize("style", ["numbered", "dialogue"])
def test_wordpress_keeps_the_direction_of_each_block(
    series: Path, invoke: Invoke, style: str
) -> None:
    """What WordPress does with the post, as tests/test_wordpress.py runs its code: wpautop
    and its content filters showing it, kses when an author without unfiltered_html saves
    it. Every block keeps its ``dir`` (the guest's name before a turn too), every mark its
    space or none."""
    from test_wordpress import html_block, wordpress_runner

    run = wordpress_runner()
    mixed_interview(series, style=style)
    fragment = invoke("export", "sara", "--fragment").stdout
    block = html_block(invoke("export", "sara", "--wordpress").stdout)
    assert 'dir="auto"' in fragment and 'dir="auto"' in block
    for function in ("wpautop", "the_content", "wp_kses_post", "save"):
        for text, shown in zip((fragment, block), run(function, [fragment, block]), strict=True):
            assert directions(str(shown)) == directions(text), function


# Typed with plain spaces only: a no-break space typed before a mark stays as typed.
_MIXED_ALPHABET = st.sampled_from([*"ab س ש;:!?«»\n", "  ", "1", '"', " https://x.fr ", "**"])


@given(
    st.lists(_MIXED_ALPHABET, max_size=16).map("".join), st.sampled_from(["fr", "fr-CA", "fr-CH"])
)
def test_typography_next_to_right_to_left_words_is_idempotent_and_leaves_them_unspaced(
    text: str, variant: str
) -> None:
    once = fix_text(text, variant)
    assert fix_text(once, variant) == once
    spaced = re.compile(f"[سש](?:\\*\\*)?[{NBSP}{NNBSP}][;:!?»]|«[{NBSP}{NNBSP}](?:\\*\\*)?[سש]")
    for line in once.split("\n"):  # a line read from the right, its first letter so written
        first = next((c for c in line if unicodedata.bidirectional(c) in ("L", "R", "AL")), "")
        if first in "سש" and first:
            assert not spaced.search(line), once


SARA, DANA = "سارة الخطيب", "דנה לוי"
INTRO, CLOSING = "مرحبا بكم في هذه المقابلة مع سارة!", "شكرا جزيلا لكم، إلى اللقاء."


def names_interviews(series: Path) -> None:
    """Three posts in a row, the middle one's guest named in Arabic, its host in Hebrew,
    its intro and closing words in Arabic; the next one's guest named in Hebrew."""
    for slug, guest, day, title in (
        ("paul", "Paul Martin", 1, "Interview Twitter de Paul Martin"),
        ("sara", SARA, 7, f"Interview Twitter de {SARA} · 7 avril 2011"),
        ("dana", DANA, 14, f"Interview Twitter de {DANA} (2011)"),
    ):
        sara = slug == "sara"
        make_interview(
            series, slug, guest=guest, title=title, date=dt.date(2011, 4, day),
            host=DANA if sara else "Stéphane",
            fields={"intro": INTRO, "closing": CLOSING} if sara else {},
        )  # fmt: skip


def isolated(element: Any) -> list[str]:
    """The text of each ``<bdi>`` in ``element``."""
    return ["".join(bdi.itertext()) for bdi in element.iter("bdi")]


def test_a_name_in_arabic_or_hebrew_is_set_apart_in_a_line_of_french(
    series: Path, invoke: Invoke
) -> None:
    """ "de سارة الخطيب · 7 avril 2011" took "7 ·" into the name's direction, shown on its
    left: the name is in a <bdi> in the title, the byline, the links to the posts
    around it and the index's entries. A Latin name is written as before."""
    names_interviews(series)
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    pages = {
        page.stem: html5lib.parse(page.read_text("utf-8"), namespaceHTMLElements=False)
        for page in site.glob("*.html")
    }
    sara = pages["sara"]
    h1 = sara.find(".//h1")
    assert isolated(h1) == [SARA]
    assert "".join(h1.itertext()) == f"Interview Twitter de {SARA} · 7 avril 2011"
    assert isolated(sara.find(".//p[@class='meta']")) == [DANA]  # par דנה לוי
    assert [isolated(a) for a in sara.iter("a") if a.get("rel")] == [[], [DANA]]
    assert [isolated(a) for a in pages["dana"].iter("a") if a.get("rel")] == [[SARA]]
    entries = {
        "".join(li.find(".//h2").itertext()): (isolated(li.find(".//h2")), isolated(li))
        for li in pages["index"].iter("li")
        if li.find(".//h2") is not None
    }
    assert entries == {
        f"Interview Twitter de {DANA} (2011)": ([DANA], [DANA, DANA]),
        f"Interview Twitter de {SARA} · 7 avril 2011": ([SARA], [SARA, SARA]),
        "Interview Twitter de Paul Martin": ([], []),
    }
    assert isolated(pages["paul"].find(".//header")) == []  # Paul Martin, as before


def intro_and_closing(html: str) -> list[tuple[str, str | None, str]]:
    """The intro's and the closing words' paragraphs: their class, dir and text."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return [
        (div.get("class"), p.get("dir"), "".join(p.itertext()))
        for div in tree.iter("div")
        if div.get("class") in ("intro", "closing")
        for p in div.iter("p")
    ]


def test_an_intro_and_closing_words_in_arabic_read_from_the_right_in_a_french_post(
    series: Path, invoke: Invoke
) -> None:
    """In the page, the fragment, the WordPress block, the WXR body, the feed entry and
    the index's entry (its description, taken from the intro)."""
    names_interviews(series)
    outputs = sara_exported(series, invoke)
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    titles = {entry.findtext(f"{ATOM}title"): entry for entry in feed.iter(f"{ATOM}entry")}
    entry = titles[f"Interview Twitter de \u2068{SARA}\u2069 · 7 avril 2011"]
    outputs["feed"] = entry.findtext(f"{ATOM}content") or ""
    for kind, html in outputs.items():
        said = intro_and_closing(html)
        assert said == [("intro", "auto", INTRO), ("closing", "auto", CLOSING)], kind
    index = html5lib.parse(
        (series / "site" / "index.html").read_text("utf-8"), namespaceHTMLElements=False
    )
    described = [
        (p.get("dir"), p.text)
        for li in index.iter("li")
        for p in li.iter("p")
        if not p.get("class")
    ]
    assert described == [  # the description, the intro's or else the first answer's
        (None, f"L’envie de partager. Et toi{NNBSP}?"),
        ("auto", INTRO),
        (None, f"L’envie de partager. Et toi{NNBSP}?"),
    ]


def test_a_name_in_arabic_is_set_apart_in_a_roundups_chart(series: Path, invoke: Invoke) -> None:
    for slug, guest, followers, day in (
        ("sara", SARA, "9 200", 1),
        ("paul", "Paul Martin", "120", 2),
    ):
        make_interview(
            series, slug, guest=guest, questionnaire="twitter", date=dt.date(2011, 6, day),
            answers=[("followers", "Combien de followers ?", followers)],
        )  # fmt: skip
    html = invoke("compare", "twitter", "-q", "followers", "-f", "html").stdout
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    rows = [(isolated(th), "".join(th.itertext())) for th in tree.iter("th")]
    assert rows == [([SARA], SARA), ([], "Paul Martin")]


def test_a_name_in_latin_letters_is_set_apart_in_a_line_of_arabic(
    series: Path, invoke: Invoke
) -> None:
    """The other way round: "مقابلة مع Sara Martin (2011)" in an Arabic post."""
    make_interview(
        series, "sara", guest="Sara Martin", title="مقابلة مع Sara Martin (2011)", language="ar",
        host="سلمى",
    )  # fmt: skip
    page = html5lib.parse(invoke("export", "sara").stdout, namespaceHTMLElements=False)
    assert isolated(page.find(".//h1")) == ["Sara Martin"]
    assert isolated(page.find(".//p[@class='meta']")) == []  # سلمى reads the post's way


def plain_titles(series: Path, invoke: Invoke, slug: str) -> dict[str, str]:
    """The title of post ``slug`` wherever no markup can be: the page's <title>, its Open
    Graph and JSON-LD titles, the index's JSON-LD, the feed entry's, the WXR item's and
    each generator's front matter (MkDocs's heading too)."""
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    page = html5lib.parse((site / f"{slug}.html").read_text("utf-8"), namespaceHTMLElements=False)
    index = html5lib.parse((site / "index.html").read_text("utf-8"), namespaceHTMLElements=False)
    listed = json.loads(index.find(".//script").text)["mainEntity"]["itemListElement"]
    feed = ET.parse(site / "feed.xml").getroot()
    wxr = ET.fromstring(invoke("export", slug, "-f", "wxr", "-o", "-").stdout.encode())
    titles = {
        "title": page.find(".//title").text,
        "og:title": page.find(".//meta[@property='og:title']").get("content"),
        "json-ld": json.loads(page.find(".//script").text)["headline"],
        "index json-ld": next(i["name"] for i in listed if i["url"].endswith(f"/{slug}.html")),
        "feed": next(
            e.findtext(f"{ATOM}title")
            for e in feed.iter(f"{ATOM}entry")
            if (e.find(f"{ATOM}link").get("href") or "").endswith(f"{slug}.html")
        ),
        "wxr": next(wxr.iter("item")).findtext("title"),
    }
    for flavor in ("hugo", "jekyll", "zola", "pelican", "mkdocs"):
        post = invoke("export", slug, "--flavor", flavor).stdout
        line = next(line for line in post.splitlines() if line.lower().startswith("title"))
        value = line.partition(":" if flavor in ("jekyll", "pelican", "mkdocs") else "=")[2]
        # A double-quoted string, which YAML and TOML read alike; Pelican's as it is.
        quoted = flavor != "pelican"
        titles[flavor] = tomllib.loads(f"v = {value}")["v"] if quoted else value.strip()
        if flavor == "mkdocs":
            titles["mkdocs heading"] = next(
                line[2:] for line in post.splitlines() if line.startswith("# ")
            )
    return titles


def test_a_name_in_arabic_is_set_apart_by_unicodes_isolates_where_no_markup_can_be(
    series: Path, invoke: Invoke
) -> None:
    """A page's <title>, a share's title, a feed reader's, WordPress's, a generator's
    theme's showed "7 ·" of "Interview Twitter de سارة الخطيب · 7 avril 2011" on the
    name's left, as the page's <h1> did before its <bdi>: the name is between FSI and
    PDI there. A Latin name in a French post is written as before."""
    names_interviews(series)
    (series / "jeudis.toml").write_text('base_url = "https://blog.example.org"\n', "utf-8")
    isolated_title = f"Interview Twitter de \u2068{SARA}\u2069 · 7 avril 2011"
    sara = plain_titles(series, invoke, "sara")
    assert sara == dict.fromkeys(sara, isolated_title), sara
    assert len(sara) == 12
    paul = plain_titles(series, invoke, "paul")
    assert paul == dict.fromkeys(paul, "Interview Twitter de Paul Martin"), paul


def test_a_name_in_latin_letters_is_set_apart_by_isolates_in_an_arabic_posts_titles(
    series: Path, invoke: Invoke
) -> None:
    make_interview(
        series, "sara", guest="Sara Martin", title="مقابلة مع Sara Martin (2011)", language="ar",
    )  # fmt: skip
    (series / "jeudis.toml").write_text('base_url = "https://blog.example.org"\n', "utf-8")
    titles = plain_titles(series, invoke, "sara")
    assert titles == dict.fromkeys(titles, "مقابلة مع \u2068Sara Martin\u2069 (2011)"), titles
