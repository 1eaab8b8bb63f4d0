"""The page around an interview: printed, pasted into a CMS, read aloud, browsed.

What the audit of the HTML pages asked for: the chrome of a page (the series
link, the previous and next interviews, the words around them) and of the
indexes, as a reader, a screen reader, a printer and a CMS get them. The
browser tests use Debian's Chromium (``@pytest.mark.browser``).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import html5lib
import pytest

from export_helpers import chromium, copy_example, make_interview, need_binary
from support import Invoke

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
# A link to another page of the site: leads nowhere once the HTML is pasted elsewhere.
RELATIVE_LINK = re.compile(r'href="(?!https?:|mailto:|tel:|#)')
LINKED = (
    "Sur [mon carnet](https://carnet.example/notes) et https://ailleurs.example.\n\n"
    "```\nprint('bonjour, et une ligne de code bien plus longue que la page imprimée')\n```"
)


def media_block(css: str, query: str) -> str:
    """Every rule of the ``@media QUERY{…}`` blocks of a stylesheet, one after the other."""
    found = []
    opening = f"@media {query}{{"
    start = css.find(opening)
    while start != -1:
        depth, index = 1, start + len(opening)
        while depth:
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
        found.append(css[start + len(opening) : index - 1])
        start = css.find(opening, index)
    return "".join(found)


def root_variables(rules: str) -> set[str]:
    """The custom properties the ``:root{…}`` rules set."""
    return {
        name
        for block in re.findall(r":root\{([^}]*)\}", rules)
        for name in re.findall(r"(--[\w-]+):", block)
    }


def page_css(page: str) -> str:
    found = re.search(r"<style>\n(.*?)</style>", page, re.DOTALL)
    assert found, "the page holds its stylesheet"
    return found.group(1)


def test_print_sets_every_colour_the_screen_sets(series: Path, invoke: Invoke) -> None:
    """On a dark system, a colour left to the screen's rules prints dark rules and blocks."""
    make_interview(series, "laurent")
    css = page_css(invoke("export", "laurent").stdout)
    printed = media_block(css, "print")
    dark = media_block(css, "(prefers-color-scheme:dark)")

    assert root_variables(css.split("\n", 1)[0]) == root_variables(dark)  # the screen's colours
    assert root_variables(dark) <= root_variables(printed)
    assert "color-scheme:light" in printed


# The print rules and the dark ones applied on screen (a browser prints with the
# system's colour scheme); the probe writes what the browser computed into the page.
PRINT_PROBE = """<script>
const style = (selector, pseudo) => getComputedStyle(document.querySelector(selector), pseudo);
const link = 'section a[href^="http"]';
const seen = {
  number: [style('h2 .anchor').display, style('h2 .anchor').textDecorationLine],
  link: [style(link).textDecorationLine, style(link, '::after').content],
  site: style('.guest-site a', '::after').content,
  bare: style('section a.url', '::after').content,
  rules: [style('section').borderTopColor, style('footer').borderTopColor],
  pre: [style('pre').color, style('pre').backgroundColor],
  sizes: [style('body').fontSize, style('.meta').fontSize, style('.intro').fontSize],
};
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify(seen);
document.body.append(probe);
</script>"""


def printed_on_a_dark_system(page: Path, profile: Path) -> dict[str, object]:
    """What Chromium computes for the page printed on a system set to dark colours."""
    text = page.read_text(encoding="utf-8")
    for query in ("(prefers-color-scheme:dark)", "print"):
        assert f"@media {query}{{" in text
        text = text.replace(f"@media {query}{{", "@media all{")
    forced = page.with_name("forced.html")
    forced.write_text(text.replace("</body>", PRINT_PROBE + "</body>"), encoding="utf-8")
    dom = chromium(["--dump-dom", forced.as_uri()], profile)
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    seen: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return seen


def lightness(colour: object) -> float:
    """0 for black, 1 for white, from a computed ``rgb(r, g, b)``."""
    red, green, blue = (int(n) for n in re.findall(r"\d+", str(colour))[:3])
    return (red + green + blue) / (3 * 255)


def pixels(size: object) -> float:
    return float(str(size).removesuffix("px"))


@pytest.mark.browser
def test_a_printed_page_keeps_numbers_links_and_light_colours(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    need_binary("/usr/bin/chromium", "prints the exported pages")
    make_interview(
        series,
        "laurent",
        answers=[("lire", "Où vous lire ?", LINKED), ("suite", "Et ensuite ?", "On verra.")],
        fields={"intro": "Laurent **écrit**.", "site": "https://laurent.example/"},
    )
    page = tmp_path / "laurent.html"
    assert invoke("export", "laurent", "-o", page).exit_code == 0

    seen = printed_on_a_dark_system(page, tmp_path / "profile")

    assert seen["number"] == ["inline", "none"]  # "1." printed, as text
    assert seen["link"] == ["underline", '" (https://carnet.example/notes)"']
    assert seen["site"] == "none"  # its address is its text: not printed twice
    assert seen["bare"] == "none"  # nor a link the guest typed as its address
    assert all(lightness(rule) > 0.6 for rule in seen["rules"])  # type: ignore[attr-defined]
    text, background = seen["pre"]  # type: ignore[misc]
    assert lightness(text) < 0.2 and lightness(background) > 0.9
    body, meta, intro = (pixels(size) for size in seen["sizes"])  # type: ignore[attr-defined]
    assert meta <= body and intro <= 1.1 * body  # no rem size above the 11pt body


def bodies_elsewhere(
    series: Path, invoke: Invoke, slug: str
) -> tuple[list[str], list[str], list[str]]:
    """The example series' bodies as they leave the site: ``slug`` pasted into a CMS
    (--fragment, --wordpress), every feed entry's content, every WXR post's content."""
    copy_example(series)
    pasted = [invoke("export", slug, flag).stdout for flag in ("--fragment", "--wordpress")]
    assert invoke("export", "--all").exit_code == 0
    assert invoke("export", "--all", "-f", "wxr", "-o", series / "wp").exit_code == 0
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    fed = [entry.findtext(f"{ATOM}content") or "" for entry in feed.iter(f"{ATOM}entry")]
    wxr = ET.parse(series / "wp" / "wordpress.xml").getroot()
    return pasted, fed, [item.findtext(CONTENT) or "" for item in wxr.iter("item")]


def test_a_fragment_and_the_feed_link_to_no_other_page_of_the_site(
    series: Path, invoke: Invoke
) -> None:
    """Pasted into a CMS or read in a feed, ``claire-fontaine.html`` leads nowhere.

    The CMS's theme links its posts; the standalone page keeps its navigation.
    """
    pasted, fed, imported = bodies_elsewhere(series, invoke, "mathieu-durand")
    assert len(fed) == len(imported) == 4
    for text in [*pasted, *fed, *imported]:
        assert "series-nav" not in text
        assert not RELATIVE_LINK.search(text), text
    page = (series / "site" / "mathieu-durand.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="claire-fontaine.html"' in page


def test_a_cms_or_a_feed_reader_shows_the_date_and_author_once(
    series: Path, invoke: Invoke
) -> None:
    """WordPress's theme prints a post's date and author from the post itself (the
    WXR file's post_date and dc:creator), a feed reader from the entry's: the body
    said them again ("7 avril 2011 · par Alexis"), as it would repeat the title."""
    pasted, fed, imported = bodies_elsewhere(series, invoke, "claire-fontaine")
    for body in [*pasted, *fed, *imported]:
        assert "<time" not in body and "par Alexis" not in body
        assert body.count("<header>") == body.count("</header>") <= 1
    assert "Cette semaine, nous recevons" in pasted[0]
    make_interview(series, "laurent")  # no intro, no photo: nothing heads its body
    assert "<header>" not in invoke("export", "laurent", "--fragment").stdout
    page = (series / "site" / "claire-fontaine.html").read_text(encoding="utf-8")
    assert (
        '<p class="meta"><time datetime="2011-03-31">31 mars 2011</time> · par Alexis</p>' in page
    )


def test_posts_shown_together_on_a_blog_page_keep_ids_of_their_own(
    series: Path, invoke: Invoke
) -> None:
    """A WordPress home or category page shows several posts in full (as the seed's does).

    Each pasted or imported post's question ids are its own, so a link to a question
    leads to that post's question. Their numbers link nothing: in a theme's colours, a
    number that is a link read as one, underlined; so in a feed entry.
    """
    copy_example(series)
    twitter = ("amelie-roux", "claire-fontaine", "mathieu-durand")
    pasted = [invoke("export", slug, "--wordpress").stdout for slug in twitter]
    assert invoke("export", "--all", "-f", "wxr", "-o", series / "wp").exit_code == 0
    wxr = ET.parse(series / "wp" / "wordpress.xml").getroot()
    imported = [item.findtext(CONTENT) or "" for item in wxr.iter("item")]
    for shown in (pasted, imported):
        blog_page = f"<!DOCTYPE html><title>Interview</title>{''.join(shown)}"
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        tree = parser.parse(blog_page)
        ids = [element.get("id") for element in tree.iter() if element.get("id")]
        assert len(ids) == len(set(ids)) > 13 * len(twitter) - 2, ids
        numbered = [a for a in tree.iter("article") if "style-numbered" in a.get("class", "")]
        assert len(numbered) == len(twitter)
        for article in numbered:
            own = {element.get("id") for element in article.iter()}
            links = [a.get("href", "") for a in article.iter("a")]
            inside = [href[1:] for href in links if href.startswith("#")]
            assert set(inside) <= own  # a link to a question is to its own post's
        assert 'class="anchor"' not in "".join(shown)
    assert 'id="amelie-roux-q-followers"' in pasted[0]
    assert invoke("export", "--all").exit_code == 0
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    fed = "".join(entry.findtext(f"{ATOM}content") or "" for entry in feed.iter(f"{ATOM}entry"))
    page = (series / "site" / "amelie-roux.html").read_text(encoding="utf-8")
    assert 'id="q-followers"' in fed and 'href="#q-followers"' in page
    assert 'class="anchor"' not in fed
    assert "amelie-roux-q-" not in fed + page


def series_link(page: str) -> str:
    found = re.search(r'<p class="series"><a href="([^"]*)">', page)
    assert found, "the page links its series"
    return found.group(1)


def test_a_post_links_the_index_of_its_own_questionnaire(series: Path, invoke: Invoke) -> None:
    """With several questionnaires, index.html lists them all: the post's is index-ID.html."""
    copy_example(series)
    single = invoke("export", "mathieu-durand").stdout

    assert invoke("export", "--all").exit_code == 0

    site = series / "site"
    # The page alone links the site's index where it is (the series has a base URL).
    assert series_link(single) == "https://blog.example.org/index-twitter.html"
    for slug, index in [
        ("mathieu-durand", "index-twitter.html"),
        ("elise-garnier", "index-livre.html"),
    ]:
        assert series_link((site / f"{slug}.html").read_text(encoding="utf-8")) == index
        assert (site / index).is_file()


def test_a_post_links_the_one_index_until_a_second_questionnaire_comes(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "paul", guest="Paul", questionnaire="livre")
    page = series / "site" / "paul.html"
    assert invoke("export", "--all").exit_code == 0
    assert series_link(page.read_text(encoding="utf-8")) == "index.html"
    assert series_link(invoke("export", "paul").stdout) == "index.html"

    anne = make_interview(series, "anne", guest="Anne", questionnaire="twitter")
    assert invoke("export", "--all").exit_code == 0
    assert series_link(page.read_text(encoding="utf-8")) == "index-livre.html"  # written again

    anne.unlink()
    assert invoke("export", "--all").exit_code == 0
    assert series_link(page.read_text(encoding="utf-8")) == "index.html"
    assert not (series / "site" / "index-livre.html").exists()


def example_site(series: Path, invoke: Invoke) -> Path:
    """The example series exported with ``--all``: the site's folder."""
    copy_example(series)
    assert invoke("export", "--all").exit_code == 0
    return series / "site"


def parsed(path: Path) -> Any:
    """The page as an element tree (html5lib, as a browser parses it)."""
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def nav_links(page: Any) -> dict[str, str | None]:
    """The index's links to the indexes, each with its aria-current."""
    return {a.get("href"): a.get("aria-current") for a in page.iterfind(".//header/nav//a")}


def test_an_index_of_one_questionnaire_links_back_and_is_marked_in_the_nav(
    series: Path, invoke: Invoke
) -> None:
    site = example_site(series, invoke)

    livre = parsed(site / "index-livre.html")
    assert livre.findtext(".//title") == "Interviews – Le carnet des Jeudis"  # as a post's title
    [feed] = livre.iterfind(".//link[@type='application/atom+xml']")
    assert feed.get("title") == "Le carnet des Jeudis"  # the feed is the whole blog's
    [back] = livre.iterfind(".//p[@class='series']/a")
    assert (back.get("href"), back.text) == ("index.html", "Le carnet des Jeudis")
    assert nav_links(livre) == {"index-livre.html": "page", "index-twitter.html": None}
    twitter = parsed(site / "index-twitter.html")
    assert nav_links(twitter) == {"index-livre.html": None, "index-twitter.html": "page"}
    main = parsed(site / "index.html")
    assert main.findtext(".//title") == "Le carnet des Jeudis"
    assert main.find(".//p[@class='series']") is None  # the blog's name is its h1
    assert set(nav_links(main).values()) == {None}
    css = page_css((site / "index.html").read_text(encoding="utf-8"))
    assert "nav a[aria-current]{" in css  # the current index shows as such


def test_without_a_blog_name_an_index_links_back_to_all_interviews(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "paul", guest="Paul", questionnaire="livre")
    make_interview(series, "anne", guest="Anne", questionnaire="twitter")
    assert invoke("export", "--all").exit_code == 0

    livre = parsed(series / "site" / "index-livre.html")
    [back] = livre.iterfind(".//p[@class='series']/a")
    assert (back.get("href"), back.text) == ("index.html", "Toutes les interviews")
    # No blog name to add; the series of both questionnaires, told apart by its id.
    assert livre.findtext(".//title") == "Interviews – livre"


def test_a_post_in_another_language_than_the_series_speaks_its_own(
    series: Path, invoke: Invoke
) -> None:
    """An English interview of a French series: "by", "Website:", "Next interview: ..."."""
    make_interview(series, "paul", guest="Paul", date=dt.date(2011, 6, 2))
    make_interview(
        series,
        "anne",
        guest="Anne",
        date=dt.date(2011, 6, 9),
        language="en",
        style="dialogue",
        title="Measuring it: Anne",
        answers=[("why", "Why did you start?", "To share: that is all.")],
        fields={"site": "https://anne.example/"},
    )
    make_interview(series, "zoe", guest="Zoé", date=dt.date(2011, 6, 16))
    (series / "jeudis.toml").write_text('language = "fr"\nblog = "Le carnet"\n', "utf-8")
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"

    english = (site / "anne.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english
    for said in (
        "June 9, 2011</time> · by Stéphane</p>",
        '<p class="guest-site">Website: <a class="url" href="https://anne.example/"',
        "Previous interview: Paul</a>",
        "Next interview: Zoé",
        '<h2 class="asked"><strong>Stéphane:</strong> Why',  # the dialogue's speakers
        "<p><strong>Anne:</strong> To share",
    ):
        assert said in english
    assert not re.search(r"\bpar\b|Site :|Interview (suivante|précédente)| :", english)
    french = (site / "paul.html").read_text(encoding="utf-8")
    assert "· par Stéphane</p>" in french and "Interview suivante\u00a0: Anne" in french

    index = parsed(site / "index.html")
    langs = {li.findtext(".//h2/a"): li.get("lang") for li in index.iterfind(".//ol/li")}
    assert langs == {
        "Mesurer l’efficacité\u00a0: Zoé": None,
        "Measuring it: Anne": "en",
        "Mesurer l’efficacité\u00a0: Paul": None,
    }
    feed = ET.parse(site / "feed.xml").getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [e.get(xml_lang) for e in feed.iter(f"{ATOM}entry")] == [None, "en", None]


def test_og_locale_follows_the_posts_language(series: Path, invoke: Invoke) -> None:
    """A German post said og:locale fr_FR (any language not known read as French), a
    British one en_US; with no territory to name, a German one its likeliest, as a French
    one does, and a Swedish one none."""
    make_interview(series, "anne", guest="Anne", language="en-GB", date=dt.date(2011, 6, 2))
    make_interview(series, "karl", guest="Karl", language="de", date=dt.date(2011, 6, 9))
    make_interview(series, "zoe", guest="Zoé", date=dt.date(2011, 6, 16))
    make_interview(series, "sven", guest="Sven", language="sv", date=dt.date(2011, 6, 23))
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"

    def locales(name: str) -> list[str | None]:
        page = parsed(site / name)
        return [m.get("content") for m in page.iterfind(".//meta[@property='og:locale']")]

    assert locales("anne.html") == ["en_GB"]
    assert locales("karl.html") == ["de_DE"]
    assert locales("zoe.html") == ["fr_FR"]
    assert locales("sven.html") == []


def test_a_british_post_and_its_index_entry_put_the_day_first(series: Path, invoke: Invoke) -> None:
    """en-GB wrote "June 2, 2011" as the United States does, in the page and the index."""
    make_interview(series, "anne", guest="Anne", language="en-GB", date=dt.date(2011, 6, 2))
    make_interview(series, "bill", guest="Bill", language="en", date=dt.date(2011, 6, 9))
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    assert '<time datetime="2011-06-02">2 June 2011</time>' in (site / "anne.html").read_text()
    assert '<time datetime="2011-06-09">June 9, 2011</time>' in (site / "bill.html").read_text()
    index = (site / "index.html").read_text()
    assert "2 June 2011" in index and "June 9, 2011" in index


def test_a_draft_in_another_language_is_marked_in_its_own(series: Path, invoke: Invoke) -> None:
    make_interview(series, "anne", guest="Anne", language="en", status="draft")
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    site = series / "site"
    assert '<p class="draft">Draft</p>' in (site / "anne.html").read_text(encoding="utf-8")
    [item] = parsed(site / "index.html").iterfind(".//ol/li")
    assert item.get("lang") == "en"
    assert item.findtext(".//span[@class='draft']") == "Draft"


def spoken(element: Any) -> str:
    """The text a screen reader reads of an element: none of what is aria-hidden."""
    if element.get("aria-hidden") == "true":
        return element.tail or ""
    inner = "".join(spoken(child) for child in element)
    return (element.text or "") + inner + (element.tail or "")


def test_the_series_navigation_reads_without_its_arrows(series: Path, invoke: Invoke) -> None:
    page = parsed(example_site(series, invoke) / "claire-fontaine.html")
    links = {a.get("rel"): a for a in page.iterfind(".//nav[@class='series-nav']/a")}
    assert {rel: spoken(a).strip() for rel, a in links.items()} == {
        "prev": "Interview précédente\u00a0: Amélie Roux",
        "next": "Interview suivante\u00a0: Mathieu Durand",
    }
    assert ["".join(a.itertext()) for a in links.values()] == [
        "← Interview précédente\u00a0: Amélie Roux",
        "Interview suivante\u00a0: Mathieu Durand →",
    ]


def test_the_portrait_loads_at_once_on_its_page_not_on_the_index(
    series: Path, invoke: Invoke
) -> None:
    """The portrait is at the top of its page; the index's thumbnails may wait their turn."""
    site = example_site(series, invoke)

    page = parsed(site / "mathieu-durand.html")
    [portrait] = page.iterfind(".//figure[@class='guest-photo']/img")
    assert portrait.get("loading") is None
    [thumbnail] = parsed(site / "index.html").iterfind(".//ol/li/img")
    assert thumbnail.get("loading") == "lazy"


def test_the_index_list_without_bullets_stays_a_list(series: Path, invoke: Invoke) -> None:
    """Safari drops the list semantics of a list styled without bullets but for role="list"."""
    make_interview(series, "paul", guest="Paul")
    assert invoke("export", "--all").exit_code == 0

    [listing] = parsed(series / "site" / "index.html").iterfind(".//ol")
    assert (listing.get("class"), listing.get("role")) == ("index-list", "list")


# Where the links of the series navigation sit, from the nav's right edge.
NAV_PROBE = """<script>
const nav = document.querySelector('.series-nav').getBoundingClientRect();
const gaps = {};
for (const a of document.querySelectorAll('.series-nav a')) {
  const box = a.getBoundingClientRect();
  gaps[a.rel] = [Math.round(nav.right - box.right), Math.round(box.top - nav.top)];
}
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify(gaps);
document.body.append(probe);
</script>"""


def nav_seen(page: Path, profile: Path, width: int) -> dict[str, list[int]]:
    forced = page.with_name(f"probed-{page.name}")
    text = page.read_text(encoding="utf-8").replace("</body>", NAV_PROBE + "</body>")
    forced.write_text(text, encoding="utf-8")
    dom = chromium([f"--window-size={width},900", "--dump-dom", forced.as_uri()], profile)
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    seen: dict[str, list[int]] = json.loads(html.unescape(found.group(1)))
    return seen


@pytest.mark.browser
def test_the_next_interview_sits_on_the_right_alone_or_wrapped(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    for n, guest in enumerate(["Paul", "Anne-Charlotte de La Tour du Pin", "Zoé"]):
        make_interview(series, f"i{n}", guest=guest, date=dt.date(2011, 6, 2 + 7 * n))
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"

    wrapped = nav_seen(site / "i1.html", tmp_path / "profile", 360)
    assert wrapped["next"][1] > wrapped["prev"][1]  # on a line of its own...
    assert wrapped["next"][0] == 0  # ...on the right
    alone = nav_seen(site / "i0.html", tmp_path / "profile", 1200)  # the oldest: next only
    assert list(alone) == ["next"] and alone["next"][0] == 0


@pytest.mark.parametrize(
    ("field", "typed", "shown", "profile"),
    [
        ("twitter", "@gklein", "@gklein", "https://x.com/gklein"),
        ("twitter", "gklein", "@gklein", "https://x.com/gklein"),
        ("twitter", "https://twitter.com/gklein/", "@gklein", "https://x.com/gklein"),
        ("mastodon", "@gklein@Piaille.fr", "@gklein@piaille.fr", "https://piaille.fr/@gklein"),
        (
            "mastodon",
            "https://piaille.fr/@gklein",
            "@gklein@piaille.fr",
            "https://piaille.fr/@gklein",
        ),
        (
            "bluesky",
            "@gklein.bsky.social",
            "@gklein.bsky.social",
            "https://bsky.app/profile/gklein.bsky.social",
        ),
        (
            "bluesky",
            "https://bsky.app/profile/gilles.example",
            "@gilles.example",
            "https://bsky.app/profile/gilles.example",
        ),
        ("twitter", 'x"><script>alert(1)</script>', None, None),
        ("mastodon", "@gklein", None, None),  # on which server?
        ("mastodon", 'g@x.fr"><script>alert(1)</script>', None, None),
        ("bluesky", "javascript:alert(1)//a.b", None, None),
    ],
)
def test_the_guests_profiles_reach_every_post(
    series: Path, invoke: Invoke, field: str, typed: str, shown: str | None, profile: str | None
) -> None:
    """The handle the host typed or the profile's address pasted, linked at the post's
    end as the handle; an edited file's non-handle, never."""
    make_interview(series, "gilles", guest="Gilles Klein", fields={field: typed})
    page = invoke("export", "gilles").stdout
    post = invoke("export", "gilles", "-f", "md", "--flavor", "hugo").stdout
    pasted = invoke("export", "gilles", "--fragment").stdout
    jsonld = json.loads(re.search(r'ld\+json">(.*?)</script>', page, re.DOTALL).group(1))  # type: ignore[union-attr]
    network = field.capitalize()
    if shown is None:
        assert "<script>alert" not in page + post + pasted and "alert(1)" not in post
        assert f"guest-{field}" not in page and f"{network}\u00a0:" not in post
        assert "sameAs" not in jsonld["about"]
        return
    link = f'<a href="{profile}" rel="noopener">{shown}</a>'
    assert f'<p class="guest-{field}">{network}\u00a0: {link}</p>' in page and link in pasted
    assert post.rstrip().endswith(f"{network}\u00a0: [{shown}]({profile})".replace("_", "\\_"))
    assert jsonld["about"]["sameAs"] == [profile]


def test_a_guest_with_every_profile_has_each_listed_in_order(series: Path, invoke: Invoke) -> None:
    fields = {"bluesky": "gk.bsky.social", "twitter": "gk", "mastodon": "gk@piaille.fr"}
    make_interview(series, "gilles", guest="Gilles Klein", fields=fields)
    page = invoke("export", "gilles").stdout
    post = invoke("export", "gilles", "-f", "md").stdout
    jsonld = json.loads(re.search(r'ld\+json">(.*?)</script>', page, re.DOTALL).group(1))  # type: ignore[union-attr]
    profiles = [
        "https://x.com/gk",
        "https://piaille.fr/@gk",
        "https://bsky.app/profile/gk.bsky.social",
    ]
    assert jsonld["about"]["sameAs"] == profiles
    assert [page.index(f'href="{url}"') for url in profiles] == sorted(
        page.index(f'href="{url}"') for url in profiles
    )
    # Each its own paragraph in Markdown: lines of one paragraph would run together.
    assert "\n\nMastodon\u00a0: [@gk@piaille.fr](https://piaille.fr/@gk)\n\nBluesky" in post


SHORTCODES = (
    'Mes photos [gallery ids="1,2"] et [embed]https://video.example/v[/embed] puis '
    "[audio src=https://son.example/a.mp3], [caption]x[/caption] et `[video]` en code.\n\n"
    "```\n[playlist]\n```"
)


def test_a_guests_brackets_open_no_wordpress_shortcode(series: Path, invoke: Invoke) -> None:
    """WordPress runs a registered shortcode wherever a ``[`` opens one, code included:
    a guest's ``[gallery]`` showed the blog's images, ``[embed]`` a player (or its own
    link escaped as text), ``[caption]x[/caption]`` lost its brackets, ``[video]`` in
    code vanished. Pasted or imported, the post holds no ``[``, and shows each one."""
    make_interview(
        series,
        "lea",
        guest="Léa [Studio]",
        answers=[("photos", "Tes [photos] ?", SHORTCODES)],
        fields={"intro": "Léa, dite [la photographe]."},
    )
    assert invoke("export", "--all", "-f", "wxr", "-o", series / "wp").exit_code == 0
    imported = [
        item.findtext(CONTENT) or ""
        for item in ET.parse(series / "wp" / "wordpress.xml").getroot().iter("item")
    ]
    pasted = [invoke("export", "lea", flag).stdout for flag in ("--fragment", "--wordpress")]
    for body in [*imported, *pasted]:
        assert "[" not in body
        shown = html.unescape(re.sub(r"<[^>]+>", "", body))
        for typed in ('[gallery ids="1,2"]', "[embed]", "[caption]x[/caption]", "[video]"):
            assert typed in shown
        assert "[playlist]" in shown and "[photos]" in shown and "[la photographe]" in shown
    # A feed reader runs no shortcode: the feed's entries keep their brackets as typed.
    assert invoke("export", "--all").exit_code == 0
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    assert "[gallery" in "".join(
        e.findtext(f"{ATOM}content") or "" for e in feed.iter(f"{ATOM}entry")
    )


WIDTH_PROBE = """<script>
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify([document.documentElement.scrollWidth, window.innerWidth]);
document.body.append(probe);
</script>"""


LONG_ADDRESS = (
    "https://www.example.com/very/long/path/that/keeps/going/and/going?with=query&and=more"
)
WIDE_TABLE = (
    "| Année | Followers | Abonnements | Tweets | Listes | Likes | Retweets |\n"
    "|---|---:|---:|---:|---:|---:|---:|\n"
    "| 2010 | 1200 | 300 | 4500 | 12 | 800 | 1500 |\n"
)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("answer", "intro", "page"),
    [
        (f"See {LONG_ADDRESS} and more.", "", "ada.html"),
        # The index's excerpt, in a flex row whose text kept the address's width.
        ("Why not.", f"Meet Ada: {LONG_ADDRESS}", "index.html"),
        ("Mes chiffres :\n\n" + WIDE_TABLE, "", "ada.html"),
    ],
    ids=["address-in-answer", "address-in-index-excerpt", "table"],
)
def test_nothing_pushes_a_page_wider_than_a_phone(
    series: Path, invoke: Invoke, tmp_path: Path, answer: str, intro: str, page: str
) -> None:
    """A web address longer than a phone's screen, in an answer or in the excerpt the
    index shows, or a table of many columns, pushed the page wider than it: the reader
    scrolled sideways to read every answer (WCAG's reflow)."""
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    fields = {"intro": intro} if intro else None
    make_interview(series, "ada", guest="Ada", answers=[("why", "Why?", answer)], fields=fields)
    assert invoke("export", "--all").exit_code == 0
    shown = series / "site" / page
    forced = shown.with_name(f"probed-{page}")
    forced.write_text(shown.read_text(encoding="utf-8").replace("</body>", WIDTH_PROBE + "</body>"))
    dom = chromium(["--window-size=360,900", "--dump-dom", forced.as_uri()], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    scrolled, screen = json.loads(html.unescape(found.group(1)))
    assert scrolled <= screen


@pytest.mark.parametrize("style", ["numbered", "plain"])
def test_a_guests_headings_stay_under_the_questions(
    series: Path, invoke: Invoke, style: str
) -> None:
    """An answer's "# Mon année" was a second h1 on the page, and its "##" at the
    questions' level in the headings a screen reader lists and in Hugo's table of
    contents; in the page, the fragment and the Markdown post alike, under the
    question's h2 (the plain style's bold question is one on a page)."""
    answer = "# Mon année\n\nBeaucoup de choses.\n\n## En bref\n\nTout va bien."
    make_interview(series, "ada", guest="Ada", style=style, answers=[("why", "Why?", answer)])
    page = invoke("export", "ada", "--format", "html").stdout
    fragment = invoke("export", "ada", "--format", "html", "--fragment").stdout
    post = invoke("export", "ada", "--format", "md").stdout

    assert page.count("<h1") == 1
    assert "<h3>Mon année</h3>" in page and "<h4>En bref</h4>" in page
    assert "<h1" not in fragment and "<h3>Mon année</h3>" in fragment
    assert "\n### Mon année\n" in post and "\n#### En bref\n" in post


def test_every_page_names_its_own_address_for_links_and_shares(
    series: Path, invoke: Invoke
) -> None:
    """With a base_url, each page of the site, an index as a post, says where it lives:
    its canonical link, and og:url for a share of it (the indexes had only the first)."""
    copy_example(series)  # two questionnaires: an index for all, and one for each
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    pages = sorted(site.glob("*.html"))
    assert {"index.html", "index-livre.html", "index-twitter.html"} <= {p.name for p in pages}
    for path in pages:
        head = parsed(path).find("head")
        canonical = [link.get("href") for link in head.iterfind("link[@rel='canonical']")]
        og_url = [meta.get("content") for meta in head.iterfind("meta[@property='og:url']")]
        # The index is the folder's own page: https://blog.example.org/, as servers
        # give it and search engines list it, not …/index.html.
        name = "" if path.name == "index.html" else path.name
        assert canonical == og_url == [f"https://blog.example.org/{name}"], path.name
    (series / "jeudis.toml").write_text('blog = "Le carnet"\n', encoding="utf-8")
    assert invoke("export", "--all").exit_code == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in index and "og:url" not in index  # no address to give


@pytest.mark.parametrize(
    ("language", "rtl"),
    [
        ("ar", True),
        ("he-IL", True),
        ("fa_IR", True),
        ("ur", True),
        ("pa-Arab", True),  # Punjabi in Arabic letters
        ("ku", False),  # Kurmanji, in Latin letters
        ("ar-Latn", False),
        ("fr", False),
        ("en-GB", False),
    ],
)
def test_a_language_written_from_right_to_left_is_told(language: str, rtl: bool) -> None:
    from jeudis.wording import right_to_left

    assert right_to_left(language) is rtl


def test_a_post_in_arabic_or_hebrew_reads_from_right_to_left(series: Path, invoke: Invoke) -> None:
    """A page with no dir laid an Arabic post out from the left: its paragraphs ragged
    on the wrong side, a question's mark at its start, the previous post's arrow
    pointing on, not back. A post in French among them keeps its own direction."""
    answers = [("q", "ما الذي دفعك إلى التدوين؟", "الرغبة في **المشاركة**. وأنت؟")]
    for slug, day in (("salma", 1), ("yasmin", 2)):
        make_interview(
            series, slug, guest=slug.title(), language="ar", answers=answers,
            date=dt.date(2011, 6, day), title=f"مقابلة مع {slug}",
        )  # fmt: skip
    make_interview(series, "paul", guest="Paul", date=dt.date(2011, 6, 3))
    (series / "jeudis.toml").write_text('language = "ar"\n', encoding="utf-8")

    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    page = (site / "salma.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert '<article lang="ar" dir="rtl" class="jeudis-post' in page
    assert '<span aria-hidden="true">←</span></a>' in page  # next, to the left
    fragment = invoke("export", "yasmin", "--fragment").stdout
    assert fragment.startswith('<article lang="ar" dir="rtl" ')
    assert '<span aria-hidden="true">→</span> ' in (site / "yasmin.html").read_text("utf-8")
    french = (site / "paul.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in french and "dir=" not in french
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in index
    assert '<li lang="fr" dir="ltr">' in index
    assert index.count("<li>") == 2


def test_the_built_in_styles_keep_to_no_side() -> None:
    """A right-to-left page (dir="rtl") is laid out from the right only where the style
    names no side: a roundup's chart kept its names aligned right, away from the bars."""
    from jeudis.paths import BUNDLED_TEMPLATES

    sided = re.compile(r"(?:text-align|float)\s*:\s*(?:left|right)|-(?:left|right)\s*:")
    for name in ("style.css", "roundup.html", "index.html", "post.html"):
        text = (BUNDLED_TEMPLATES / name).read_text(encoding="utf-8")
        assert not sided.findall(text), name


def test_a_list_pasted_with_its_bullets_is_a_list_in_every_format(
    series: Path, invoke: Invoke
) -> None:
    """Copied from a word processor or a web page, a list keeps its "•": Markdown ran
    the lines into one paragraph, "• la veille • le partage"."""
    import markdown

    pasted = "J’utilise Twitter pour :\n•\tla veille ;\n•\tle partage."
    make_interview(
        series,
        "invite",
        answers=[("usages", "Tes usages ?", pasted)],
        fields={"intro": "Au programme :\n• un ;\n• deux."},
    )

    page = invoke("export", "invite").stdout
    assert "<ul>\n<li>la veille\u202f;</li>\n<li>le partage.</li>\n</ul>" in page
    assert "<li>un\u202f;</li>" in page
    assert "•" not in page
    post = invoke("export", "invite", "--flavor", "mkdocs").stdout
    assert "\n\n- la veille" in post
    read = markdown.markdown(post.split("\n---\n", 1)[1])  # as MkDocs reads it
    assert read.count("<li>") == 4


def test_a_page_exported_alone_links_the_sites_pages_where_they_are(
    series: Path, invoke: Invoke
) -> None:
    """Written alone (``-o post.html``), a page linked its neighbours and its index beside
    it, where no such file is: with the site's base URL, the links are the site's."""
    copy_example(series)
    single = invoke("export", "claire-fontaine").stdout
    links = re.findall(r'<a rel="(prev|next)" href="([^"]*)"', single)
    assert links == [
        ("prev", "https://blog.example.org/amelie-roux.html"),
        ("next", "https://blog.example.org/mathieu-durand.html"),
    ]
    settings = series / "jeudis.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("base_url", "# base_url"), encoding="utf-8"
    )
    single = invoke("export", "claire-fontaine").stdout
    assert re.findall(r'<a rel="(?:prev|next)" href="([^"]*)"', single) == [
        "amelie-roux.html",  # as on the site's page: it may be written beside them
        "mathieu-durand.html",
    ]
    assert series_link(single) == "index-twitter.html"


ESCAPED = "Nina \x1b[31mROUGE\x1b[0m, \x1b]0;pwned\x07titre \x1b]8;;https://x.example\x1b\\lien\x1b]8;;\x9c et \x9b2J fin"


def test_a_terminal_escape_a_guest_pasted_leaves_nothing_in_a_post(
    series: Path, invoke: Invoke
) -> None:
    """Only the escapes' control characters went: a post published ``[31mROUGE[0m``
    and ``]0;pwned``, in the text, the description and the front matter."""
    make_interview(
        series,
        "nina",
        guest="Nina Ülker",
        answers=[("q1", "Depuis quand ?", ESCAPED)],
        fields={"intro": ESCAPED},
    )
    outputs = [
        invoke("export", "nina", *args).stdout
        for args in (
            [],
            ["--fragment"],
            ["-f", "md"],
            ["-f", "md", "--flavor", "hugo"],
            ["-f", "wxr"],
        )
    ]
    for output in outputs:
        assert "Nina ROUGE, titre lien et  fin" in output.replace("&#8239;", "\u202f"), output
        assert not re.search(r"\[(?:31|0)m|\]0;|\]8;|2J|pwned|x\.example", output)


def test_a_stray_escape_keeps_the_text_after_it_in_a_post(series: Path, invoke: Invoke) -> None:
    """An ESC with no sequence it ends: the rest of the answer went with it, in every
    output ("Juin 2010" alone), where only the control character is foreign."""
    answer = "Juin 2010\x1bPar hasard, sur le conseil de Paul. \x1b]0;sans fin"
    make_interview(series, "nina", answers=[("q1", "Depuis quand ?", answer)])
    for args in ([], ["-f", "md", "--flavor", "hugo"]):
        out = invoke("export", "nina", *args).stdout
        assert "Juin 2010Par hasard, sur le conseil de Paul." in out, args
        assert "]0;sans fin" in out


def test_a_terminal_shows_the_text_after_an_escape_its_8_bit_end_closes() -> None:
    from jeudis.textsafe import for_terminal

    assert for_terminal("Bonjour \x1b]0;titre\x9c le reste") == "Bonjour  le reste"
    assert for_terminal("a \x1bPq#0\x9c b") == "a  b"


@pytest.mark.parametrize(
    ("questionnaire", "said"),
    [
        ("fr", "Et toi?"),  # the series' region: Quebec's, no space before ? ! ;
        ("fr-FR", "Et toi\u202f?"),  # a questionnaire naming its own region keeps it
    ],
)
def test_a_french_questionnaire_takes_the_series_regions_typography(
    series: Path, invoke: Invoke, questionnaire: str, said: str
) -> None:
    """A Quebec host's series says language = "fr-CA"; its questionnaires, the bundled
    ones among them, say "fr": their posts were set as France sets French, a space before
    each "?", beside an index set as Quebec does."""
    (series / "jeudis.toml").write_text('language = "fr-CA"\n', encoding="utf-8")
    make_interview(series, "laurent", language=questionnaire)
    page = html5lib.parse(invoke("export", "laurent").stdout, namespaceHTMLElements=False)
    answers = ["".join(p.itertext()) for p in page.iter("p")]
    assert f"L’envie de partager. {said}" in answers
    hugo = invoke("export", "laurent", "--flavor", "hugo").stdout
    assert f"L’envie de **partager**. {said}" in hugo


def test_a_french_questionnaire_in_a_quebec_series_says_it_is_quebecs_french(
    series: Path, invoke: Invoke
) -> None:
    """Set as Quebec sets French, a Quebec series' post of a questionnaire saying "fr" said
    plain French to the browser, a share (og:locale fr_FR), a search engine, the feed,
    Jekyll and Pelican; one of a questionnaire naming its own region (fr-FR) says that region."""
    (series / "jeudis.toml").write_text('language = "fr-CA"\n', encoding="utf-8")
    make_interview(series, "laurent", guest="Laurent", date=dt.date(2011, 6, 2))
    make_interview(series, "zoe", guest="Zoé", language="fr-FR", date=dt.date(2011, 6, 9))
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"

    for name, tag, locale in (("laurent", "fr-CA", "fr_CA"), ("zoe", "fr-FR", "fr_FR")):
        page = parsed(site / f"{name}.html")
        assert page.get("lang") == tag
        assert page.find(".//meta[@property='og:locale']").get("content") == locale
        jsonld = json.loads(page.findtext(".//script[@type='application/ld+json']"))
        assert jsonld["inLanguage"] == tag

    index = parsed(site / "index.html")
    assert [li.get("lang") for li in index.iterfind(".//ol/li")] == ["fr-FR", None]
    feed = ET.parse(site / "feed.xml").getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert feed.get(xml_lang) == "fr-CA"
    assert [e.get(xml_lang) for e in feed.iter(f"{ATOM}entry")] == ["fr-FR", None]

    fragment = invoke("export", "laurent", "--fragment").stdout
    assert '<article lang="fr-CA"' in fragment
    jekyll = invoke("export", "laurent", "--flavor", "jekyll").stdout.split("---")[1]
    assert 'lang: "fr-CA"' in jekyll and 'locale: "fr_CA"' in jekyll
    pelican = invoke("export", "laurent", "--flavor", "pelican").stdout
    assert "Lang: fr-CA\n" in pelican
    roundup = invoke("compare", "livre", "-q", "motivation", "--format", "html").stdout
    assert html5lib.parse(roundup, namespaceHTMLElements=False).get("lang") == "fr-CA"


TABLES_PROBE = """<script>
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify([...document.querySelectorAll('table')].map(
    t => [t.scrollWidth > t.clientWidth, t.tabIndex]));
document.body.append(probe);
</script>"""


@pytest.mark.browser
def test_a_table_wider_than_a_phone_scrolls_by_keyboard(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """The built-in style makes a wide table a box scrolling sideways; Safari's keyboard
    scrolls none it cannot focus (axe's scrollable-region-focusable), and the table was
    not: a reader without a mouse saw its first columns only."""
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    answer = "Mes chiffres :\n\n" + WIDE_TABLE
    make_interview(series, "ada", guest="Ada", answers=[("why", "Why?", answer)])
    assert invoke("export", "--all").exit_code == 0
    shown = series / "site" / "ada.html"
    forced = shown.with_name("probed-ada.html")
    forced.write_text(
        shown.read_text(encoding="utf-8").replace("</body>", TABLES_PROBE + "</body>")
    )
    dom = chromium(["--window-size=360,900", "--dump-dom", forced.as_uri()], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    assert json.loads(html.unescape(found.group(1))) == [[True, 0]]


def test_only_a_page_of_the_built_in_style_makes_its_tables_a_tab_stop(
    series: Path, invoke: Invoke
) -> None:
    """A table scrolls as the built-in style says on a page; pasted into a blog (a
    fragment, WordPress, its file) or read in a feed, as the theme says, most not at
    all: a stop there would lead the keyboard nowhere."""
    answer = "Mes chiffres :\n\n" + WIDE_TABLE
    make_interview(series, "ada", guest="Ada", answers=[("why", "Why?", answer)])
    page = invoke("export", "ada", "--format", "html").stdout
    assert page.count('<table tabindex="0">') == page.count("<table") == 1
    for args in (["--fragment"], ["--wordpress"], ["--format", "wxr"]):
        text = invoke("export", "ada", *args).stdout
        assert "<table>" in text and "tabindex" not in text, args
    assert invoke("export", "--all").exit_code == 0
    feed = (series / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;table&gt;" in feed and "tabindex" not in feed


DATED_FIRST = (
    'id = "five"\nlanguage = "en"\ntitle = "Five questions for {guest}"\nregisters = ["you"]\n\n'
    '[[questions]]\nid = "since"\ntype = "date"\ntext = "Since when have you blogged?"\n\n'
    '[[questions]]\nid = "still"\ntype = "yesno"\ntext = "Still blogging?"\n\n'
    '[[questions]]\nid = "story"\ntype = "long"\ntext = "Your best memory?"\nrequired = false\n'
)


@pytest.mark.parametrize("story", ["A dinner with my readers in Lyon.", ""])
def test_a_post_is_described_by_its_first_answer_in_words(
    series: Path, invoke: Invoke, tmp_path: Path, story: str
) -> None:
    """No intro: a post's description was its first answer whatever it was, a date
    here (<meta name="description" content="March 3, 1999">, and so the feed's
    summary, the shares', the index's excerpt, WordPress's). It is the first answer
    written in words; with none, the post's title."""
    (series / "jeudis.toml").write_text('language = "en"\nblog = "Five"\n', encoding="utf-8")
    (series / "questionnaires" / "five.toml").write_text(DATED_FIRST, encoding="utf-8")
    data = tmp_path / "answers.toml"
    told = f'story = "{story}"\n' if story else ""
    data.write_text(f"[answers]\nsince = 1999-03-03\nstill = true\n{told}", encoding="utf-8")
    made = invoke("new", "five", "--guest", "Ada Lee", "--date", "2024-05-02", "--data-file", data)
    assert made.exit_code == 0, made
    described = story or "Five questions for Ada Lee"

    assert invoke("export", "--all").exit_code == 0
    page = (series / "site" / "ada-lee.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{described}">' in page
    assert f'<meta property="og:description" content="{described}">' in page
    index = (series / "site" / "index.html").read_text(encoding="utf-8")
    assert described in index and "March 3, 1999" not in index
    entry = ET.parse(series / "site" / "feed.xml").find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}summary") == described
    wxr = invoke("export", "ada-lee", "-f", "wxr", "-o", "-")
    excerpt = ET.fromstring(wxr.stdout).findtext(
        ".//{http://wordpress.org/export/1.2/excerpt/}encoded"
    )
    assert excerpt == described
    markdown = invoke("export", "ada-lee", "--flavor", "hugo", "-o", "-").stdout
    assert f'description = "{described}"' in markdown or f"description: {described}" in markdown
