"""The exported pages as people with a keyboard, a screen reader or low vision use them.

What the built-in style and templates promise every reader, whatever the colour
scheme: text that keeps WCAG AA contrast, a focus that shows, content reached
without a mouse. The browser tests use Debian's Chromium (``@pytest.mark.browser``).
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import re
from pathlib import Path
from typing import Any

import html5lib
import pytest

from export_helpers import chromium, copy_example, make_interview, need_binary
from support import Invoke

# The code blocks of a page, each as wide as it shows and as wide as its text.
CODE_PROBE = """<script>
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify(
  [...document.querySelectorAll('section pre')].map(pre => [pre.clientWidth, pre.scrollWidth]));
document.body.append(probe);
</script>"""


@pytest.mark.browser
def test_a_long_line_of_code_wraps_rather_than_scroll_out_of_a_keyboards_reach(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """A code block scrolled sideways, and a reader without a mouse could not scroll it:
    a ``<pre>`` takes no focus, so its end was out of reach (axe:
    scrollable-region-focusable). Its lines wrap now, on a phone as on a desktop."""
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    command = "curl -s https://api.example.org/1/statuses/user_timeline.json?count=200 | jq ."
    make_interview(series, "ada", guest="Ada", answers=[("how", "How?", f"```\n{command}\n```")])
    page = tmp_path / "ada.html"
    assert invoke("export", "ada", "-o", page).exit_code == 0
    probed = page.with_name("probed-ada.html")
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("</body>", CODE_PROBE + "</body>"), encoding="utf-8")

    for width in (360, 1200):
        window = f"--window-size={width},900"
        dom = chromium([window, "--dump-dom", probed.as_uri()], tmp_path / "profile")
        assert dom.returncode == 0, dom.stderr[-2000:]
        found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
        assert found, dom.stdout[-2000:]
        [(shown, wide)] = json.loads(html.unescape(found.group(1)))
        assert wide <= shown, width


# The page laid out 320 pixels wide (a window can be no narrower than 500): how far
# its elements reach beyond its sides, in pixels.
WIDTH_PROBE = """<script>
document.documentElement.style.width = '320px';
const page = document.documentElement.getBoundingClientRect();
const boxes = [...document.body.querySelectorAll('*')].map(e => e.getBoundingClientRect())
  .filter(box => box.width || box.height);
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify([
  Math.max(0, ...boxes.map(box => page.left - box.left)),
  Math.max(0, ...boxes.map(box => box.right - page.right))]);
document.body.append(probe);
</script>"""


@pytest.mark.browser
def test_a_long_name_in_the_link_to_the_next_post_wraps_on_a_phone(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """WCAG's reflow: a page read at 320 pixels wide never scrolls sideways. A guest's
    name of one long word in the link to the next post kept its link as wide as the
    word, and the page scrolled sideways on a phone, the link's start off the screen
    (in Arabic, its end). It wraps now, as the rest of the page does."""
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    make_interview(series, "ada", guest="Ada", date=dt.date(2011, 6, 2))
    make_interview(series, "bob", guest="Jean-" + "Baptiste" * 6, date=dt.date(2011, 6, 9))
    make_interview(series, "sara", guest="سارة", date=dt.date(2011, 6, 16), language="ar")
    assert invoke("export", "--all", "-o", tmp_path / "site").exit_code == 0

    for name in ("ada", "sara"):
        page = tmp_path / "site" / f"{name}.html"
        text = page.read_text(encoding="utf-8")
        assert "Baptiste" * 6 in text
        probed = page.with_name(f"probed-{name}.html")
        probed.write_text(text.replace("</body>", WIDTH_PROBE + "</body>"), encoding="utf-8")
        dom = chromium(["--dump-dom", probed.as_uri()], tmp_path / "p")
        assert dom.returncode == 0, dom.stderr[-2000:]
        found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
        assert found, dom.stdout[-2000:]
        assert json.loads(html.unescape(found.group(1))) == [0, 0], name


def stylesheet(invoke: Invoke, series: Path) -> str:
    """The style sheet a page carries (the built-in one, as exported)."""
    make_interview(series, "laurent")
    page = invoke("export", "laurent").stdout
    found = re.search(r"<style>\n(.*?)</style>", page, re.DOTALL)
    assert found, "the page holds its stylesheet"
    return found.group(1)


def blocks(css: str) -> list[tuple[str, str]]:
    """The style sheet's top-level blocks: (``@media`` query or "", the rules inside),
    the rules outside any ``@media`` given one by one."""
    found, index = [], 0
    while index < len(css):
        opening = css.index("{", index)
        head, depth, end = css[index:opening].strip(), 1, opening + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        query = head.removeprefix("@media").strip() if head.startswith("@media") else ""
        found.append((query, css[opening + 1 : end - 1] if query else css[index:end].strip()))
        index = end
        while index < len(css) and css[index].isspace():
            index += 1
    return found


def declarations(rules: str, selector: str) -> dict[str, str]:
    """The properties the rules for exactly ``selector`` set, the last one winning."""
    found: dict[str, str] = {}
    for head, body in re.findall(r"([^{}]+)\{([^{}]*)\}", rules):
        if selector in (part.strip() for part in head.split(",")):
            for declaration in body.split(";"):
                name, _, value = declaration.partition(":")
                if value:
                    found[name.strip()] = value.strip()
    return found


def schemes(css: str) -> dict[str, dict[str, str]]:
    """The custom properties of each colour scheme: light (the screen's rules), dark, print."""

    def variables(query: str) -> dict[str, str]:
        rules = "".join(inner for q, inner in blocks(css) if q == query)
        return {k: v for k, v in declarations(rules, ":root").items() if k.startswith("--")}

    light = variables("")
    return {
        "light": light,
        "dark": light | variables("(prefers-color-scheme:dark)"),
        "print": light | variables("print"),
    }


def luminance(colour: str) -> float:
    """WCAG's relative luminance of a ``#rgb`` or ``#rrggbb`` colour."""
    digits = colour.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def used(css: str, prop: str) -> set[str]:
    """The custom properties the style sheet uses as ``prop`` (color, background...)."""
    return set(re.findall(rf"(?<![-\w]){prop}:var\((--[\w-]+)\)", css))


def test_every_text_colour_reads_on_every_background_in_each_scheme(
    series: Path, invoke: Invoke
) -> None:
    """WCAG AA: 4.5:1 for the text of a page (the date line, the question numbers and
    the links are body-sized), light, dark and printed, on the page and in a code block.
    The colours are those the style sheet writes text in, whichever they become."""
    css = stylesheet(invoke, series)
    texts, grounds = used(css, "color"), used(css, "background")
    assert {"--fg", "--muted", "--accent"} <= texts and {"--bg", "--card"} <= grounds

    ratios = {
        (scheme, text, ground): contrast(colours[text], colours[ground])
        for scheme, colours in schemes(css).items()
        for text in sorted(texts)
        for ground in sorted(grounds)
    }
    assert len(ratios) == 3 * len(texts) * len(grounds)
    assert {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < 4.5} == {}


def test_a_focused_link_shows_a_ring_of_the_pages_own_in_each_scheme(
    series: Path, invoke: Invoke
) -> None:
    """Tabbing through a page, the link reached is ringed 2px wide in the accent colour,
    3:1 at least against the page and a code block (WCAG's contrast for a focus
    indicator), light and dark, in every browser: the browser's own ring is 1px in
    Chromium, blue in Safari whatever the page's colours."""
    css = stylesheet(invoke, series)
    screen = "".join(rules for query, rules in blocks(css) if not query)
    focus = declarations(screen, ":focus-visible")
    outline = re.fullmatch(r"(\d+)px solid var\((--[\w-]+)\)", focus.get("outline", ""))
    assert outline, focus
    width, colour = int(outline.group(1)), outline.group(2)
    assert width >= 2 and focus.get("outline-offset")

    for scheme in ("light", "dark"):
        colours = schemes(css)[scheme]
        for ground in ("--bg", "--card"):
            assert contrast(colours[colour], colours[ground]) >= 3, (scheme, ground)


def outline(root: Any) -> list[int]:
    """The levels of a page's headings, in reading order."""
    return [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]


def step_by_step(levels: list[int]) -> bool:
    """No heading skips a level going down (an h2 then an h4)."""
    return all(after <= before + 1 for before, after in itertools.pairwise(levels))


def test_every_page_reads_in_order_with_its_language_and_its_images_named(
    series: Path, invoke: Invoke
) -> None:
    """What a screen reader finds on each page of the example site (the two
    questionnaires' indexes, every post), a roundup page, and a fragment or roundup
    pasted into a page whose theme gives the h1: one h1 (none in a fragment), headings
    that go down one level at a time, the language said at the root, every image an
    ``alt`` (empty for a thumbnail beside the name it shows), one ``main``."""
    copy_example(series)
    assert invoke("export", "--all").exit_code == 0
    pages = {path.name: path.read_bytes() for path in (series / "site").glob("*.html")}
    assert {"index.html", "index-livre.html", "index-twitter.html"} < set(pages)
    roundup = invoke("compare", "twitter", "-q", "conseils", "-o", series / "roundup.html")
    assert roundup.exit_code == 0
    pages["roundup.html"] = (series / "roundup.html").read_bytes()
    pasted = {
        "fragment": invoke("export", "mathieu-durand", "--fragment").stdout,
        "roundup fragment": invoke("compare", "twitter", "-q", "conseils", "--fragment").stdout,
    }

    for name, page in pages.items():
        root = html5lib.parse(page, namespaceHTMLElements=False)
        levels = outline(root)
        assert levels.count(1) == 1 and levels[0] == 1, name
        assert step_by_step(levels), (name, levels)
        assert root.get("lang") == "fr", name
        assert len(list(root.iter("main"))) == 1, name
        assert all(img.get("alt") is not None for img in root.iter("img")), name
    for name, body in pasted.items():
        [root] = html5lib.parseFragment(body, namespaceHTMLElements=False)
        levels = outline(root)
        assert levels and 1 not in levels and levels[0] == 2, name
        assert step_by_step(levels), (name, levels)
        assert (root.tag, root.get("lang")) == ("article", "fr"), name
        assert all(img.get("alt") is not None for img in root.iter("img")), name


def test_the_guests_photo_is_read_once_with_its_caption(series: Path, invoke: Invoke) -> None:
    """A screen reader read the guest's name twice at the photo: the image's alt, then
    the caption under it. The caption says it alone now, on the page and in a fragment."""
    copy_example(series)
    page = invoke("export", "mathieu-durand").stdout
    pasted = invoke("export", "mathieu-durand", "--fragment").stdout
    for body in (page, pasted):
        root = html5lib.parse(body, namespaceHTMLElements=False)
        [figure] = root.iter("figure")
        [caption] = figure.iter("figcaption")
        [img] = figure.iter("img")
        assert "".join(caption.itertext()) == "Mathieu Durand"
        assert img.get("alt") == ""


def headings(root: Any) -> list[tuple[int, str]]:
    """What a screen reader lists as a page's headings, in reading order: each level and
    text, an element saying it is a heading (``role="heading"``) too."""
    found = []
    for element in root.iter():
        tag = str(element.tag)
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
        elif element.get("role") == "heading":
            level = int(element.get("aria-level", "2"))
        else:
            continue
        text = " ".join("".join(element.itertext()).split())
        found.append((level, text.replace("\xa0", " ").replace("\u202f", " ")))
    return found


def test_a_dialogues_questions_are_headings_a_screen_reader_goes_between(
    series: Path, invoke: Invoke
) -> None:
    """A dialogue had no heading under its title: a screen reader user could not go from
    question to question, as in a numbered or plain post. Each host's line is one now,
    an h2 (an h3 for a follow-up), on the page and in a fragment or WordPress's, where
    it is a paragraph saying it is one, so that a theme sets it as the text; a guest's
    own heading goes under it. The Markdown post is as it was."""
    copy_example(series)
    make_interview(
        series,
        "ada",
        guest="Ada",
        style="dialogue",
        answers=[
            ("pourquoi", "Pourquoi ?", "Pour partager.\n\n## Mes conseils\n\nÉcrire court."),
            ("relance", "Vraiment ?", "Oui."),
        ],
        followups=("relance",),
    )
    asked = [
        (2, "Alexis : Bonjour Élise ! Tu viens de publier « Vendre sans vitrine »."),
        (3, "Alexis : Quels conseils reviennent le plus souvent ?"),
        (2, "Alexis : À qui s’adresse le livre ?"),
        (2, "Alexis : Quelle erreur vois-tu le plus souvent ?"),
        (2, "Alexis : Un dernier mot pour nos lecteurs ?"),
    ]
    for args in ([], ["--fragment"], ["--wordpress"]):
        result = invoke("export", "elise-garnier", *args)
        assert result.exit_code == 0, result
        said = headings(html5lib.parse(result.stdout, namespaceHTMLElements=False))
        if not args:
            assert said[0] == (1, "Un livre, un auteur : Élise Garnier")
            said = said[1:]
        # The first question's heading is long: its first sentences.
        said = [(level, text.split(" Qu’est-ce")[0]) for level, text in said]
        assert said == asked, args
        ada = invoke("export", "ada", *args).stdout
        said = headings(html5lib.parse(ada, namespaceHTMLElements=False))
        assert [heading for heading in said if heading[0] > 1] == [
            (2, "Stéphane : Pourquoi ?"),
            (3, "Mes conseils"),
            (3, "Stéphane : Vraiment ?"),
        ], args

    markdown = invoke("export", "ada", "--format", "md").stdout
    assert "**Stéphane :** Pourquoi ?" in markdown.replace("\u202f", " ").replace("\xa0", " ")
    assert "\n## Mes conseils\n" in markdown


# The two lines opening a dialogue's first turn, the host's and the guest's: each one's
# element, size, weight, style, and the weight of its first bold words (the speaker's name).
TURN_PROBE = """<script>
const probe = document.createElement('pre');
probe.id = 'probe';
const lines = [...document.querySelector('.question').children].slice(0, 2);
probe.textContent = JSON.stringify(lines.map(e => {
  const [own, name] = [e, e.querySelector('strong')].map(n => getComputedStyle(n));
  return [e.tagName, own.fontSize, own.fontWeight, own.fontStyle, name.fontWeight];
}));
document.body.append(probe);
</script>"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1200])
def test_a_dialogues_question_reads_as_a_line_of_the_dialogue(
    series: Path, invoke: Invoke, tmp_path: Path, width: int
) -> None:
    """The host's line, a heading now, is set as the guest's line under it: the same
    size, the text not bold, the host's name in bold; a follow-up's not in italics."""
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    copy_example(series)
    page = tmp_path / "elise.html"
    assert invoke("export", "elise-garnier", "-o", page).exit_code == 0
    text = page.read_text(encoding="utf-8").replace("</body>", TURN_PROBE + "</body>")
    probed = page.with_name("probed-elise.html")
    probed.write_text(text, encoding="utf-8")
    dom = chromium([f"--window-size={width},900", "--dump-dom", probed.as_uri()], tmp_path / "p")
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    host, guest = json.loads(html.unescape(found.group(1)))
    assert host[0] == "H2" and guest[0] == "P"
    assert host[1:] == guest[1:] and host[2:] == ["400", "normal", "700"]
