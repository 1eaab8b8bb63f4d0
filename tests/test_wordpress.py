"""What WordPress makes of the posts jeudis writes for it: a fragment pasted in the
classic editor, a ``wp:html`` block, a WXR body, a roundup's fragment.

WordPress runs its own filters on a post: ``wpautop``, ``wptexturize``, smilies,
shortcodes and embeds when it shows one (``the_content``), ``wp_kses_post`` when an
author without ``unfiltered_html`` saves one. The first tests here run everywhere, on
what WordPress 6.1 was seen to do (recorded with the function that did it). The
others run WordPress's code itself, through ``tests/wordpress.php``, when php and
WordPress are on the machine: Debian's ``wordpress`` and ``wordpress-l10n`` packages,
installed or unpacked into one folder (``apt-get download``, then ``dpkg-deb -x``);
JEUDIS_WORDPRESS names its ``usr/share/wordpress`` when it is not installed there.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import html5lib
import pytest

from export_helpers import copy_example, make_interview, need_binary
from jeudis.roundup_chart import bar_chart
from support import Invoke
from test_export_hostile import ANSWERS, NAME, TITLE
from test_roundup_posts import numbers_roundup

NNBSP, NBSP = "\u202f", "\u00a0"
WXR, CONTENT = "{http://wordpress.org/export/1.2/}", "{http://purl.org/rss/1.0/modules/content/}"
# Answers with what WordPress's filters read: addresses, code, quotes, smileys, brackets.
PROBES = [
    (
        "code",
        "Du code ?",
        (
            "Voici :\n\n```python\nprint(\"Bonjour -- le monde...\")\nx = 'a'  # 2x3\n\n\n"
            "https://www.youtube.com/watch?v=abc\nhttp://localhost:8000/\n:) ;)\n```\n\n"
            'Et en ligne : `l\'eau "x" -- y...` et `https://x.fr/a`.'
        ),
    ),
    (
        "addresses",
        "Des adresses (www.x.fr/q--r....s/4x5) ?",
        (
            "Voir https://fr.wikipedia.org/wiki/L'Envie et www.x.fr/a--b/c...d/2x3 !\n\n"
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
            "[https://x.fr/a--b](https://x.fr/a--b) et <https://x.fr/``x''> et https://x.fr/a---b ou https://x.fr/b--"
        ),
    ),
    (
        "quotes",
        "Des guillemets ?",
        "Il a dit \"bonjour\" et 'salut'. « Oui », dit-elle ; « vraiment ? » -- l'an 2x3...",
    ),
    ("smileys", "Des smileys ?", "Super :) vraiment ;) et :D fin\n\n:)"),
    (
        "brackets",
        "Des crochets ?",
        (
            '[gallery ids="1,2"] [caption]x[/caption] [embed]https://youtu.be/x[/embed] [[gallery]]'
            "\n\n```\n[gallery]\n[embed]https://youtu.be/x[/embed]\n```"
        ),
    ),
]


def post_outputs(invoke: Invoke, series: Path) -> dict[str, str]:
    """Every output of the example series, a hostile and a probing interview that goes
    to WordPress, by name: ``SLUG.fragment``, ``SLUG.wordpress``, ``SLUG.wxr`` (the WXR
    body), ``roundup-Q.fragment``, ``roundup-Q.wordpress``."""
    copy_example(series)
    make_interview(series, "hostile", guest=NAME, title=TITLE, answers=ANSWERS)
    make_interview(series, "probe", answers=PROBES, fields={"intro": "Un « mot » -- [gallery]"})
    make_interview(series, "probe-dialogue", style="dialogue", answers=PROBES[:2])
    outputs: dict[str, str] = {}
    slugs = sorted(path.stem for path in (series / "interviews").glob("*.toml"))
    for slug in slugs:
        for kind in ("fragment", "wordpress"):
            result = invoke("export", slug, f"--{kind}")
            assert result.exit_code == 0, result
            outputs[f"{slug}.{kind}"] = result.stdout
    wxr = invoke("export", *slugs, "-f", "wxr", "-o", "-")
    assert wxr.exit_code == 0, wxr
    for item in ET.fromstring(wxr.stdout.encode()).iter("item"):
        slug = item.findtext(f"{WXR}post_name")
        outputs[f"{slug}.wxr"] = item.findtext(f"{CONTENT}encoded") or ""
    assert sum(name.endswith(".wxr") for name in outputs) == len(slugs)
    for question in ("followers", "depuis-quand", "conseils"):
        for kind in ("fragment", "wordpress"):
            result = invoke("compare", "twitter", "-q", question, "-f", "html", f"--{kind}")
            assert result.exit_code == 0, result
            outputs[f"roundup-{question}.{kind}"] = result.stdout
    return outputs


def classic(outputs: dict[str, str]) -> dict[str, str]:
    """The outputs WordPress shows as classic content: fragments and WXR bodies."""
    return {name: text for name, text in outputs.items() if not name.endswith(".wordpress")}


def html_block(text: str) -> str:
    return text.split("<!-- wp:html -->", 1)[1].rsplit("<!-- /wp:html -->", 1)[0]


def layout(html: str) -> list[str]:
    """The tree a browser builds of ``html``, one line a node: elements with their
    attributes, text with its runs of ASCII blanks as one (as they show), but in ``<pre>``."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(html)
    lines: list[str] = []

    def text(value: str | None, depth: int, pre: bool) -> None:
        shown = value if pre else re.sub(r"[ \t\n\r\f]+", " ", value or "").strip(" ")
        if shown:
            lines.append("  " * depth + repr(shown))

    def walk(element: object, depth: int, pre: bool) -> None:
        tag = getattr(element, "tag", "")
        tag = tag if isinstance(tag, str) else "!--"
        pre = pre or tag == "pre"
        attributes = sorted(getattr(element, "attrib", {}).items())
        lines.append("  " * depth + f"<{tag} {attributes}>")
        text(getattr(element, "text", None), depth + 1, pre)
        for child in element:  # type: ignore[attr-defined]
            walk(child, depth + 1, pre)
            text(child.tail, depth + 1, pre)

    walk(tree, 0, False)
    return lines


# ---- What WordPress 6.1 was seen to do ---------------------------------------------------

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


# WP_Embed::autoembed (wp-includes/class-wp-embed.php, WordPress 6.1) on the_content,
# before do_blocks: an address alone on its line, or alone in a paragraph, is embedded
# (a YouTube video's iframe, else a link). It embedded a guest's code line.
_EMBED_LINE = re.compile(r'^(\s*)(https?://[^\s<>"]+)(\s*)$', re.IGNORECASE | re.MULTILINE)
_EMBED_PARAGRAPH = re.compile(r'(<p(?: [^>]*)?>\s*)(https?://[^\s<>"]+)(\s*</p>)', re.IGNORECASE)


def embedded(html: str) -> str | None:
    """The first address autoembed finds alone in ``html``, or None."""
    flat = re.sub(r"<[^>]*>", lambda tag: tag.group().replace("\n", " "), html)
    found = _EMBED_LINE.search(flat) or _EMBED_PARAGRAPH.search(html)
    return found.group(2) if found else None


def test_no_address_in_a_post_is_embedded(invoke: Invoke, series: Path) -> None:
    for name, text in post_outputs(invoke, series).items():
        assert embedded(text) is None, (name, embedded(text))


# wptexturize (WordPress 6.1.9, a French site) on text outside code, pre, kbd and tt:
# what it made of each, which in an address shown is no longer the address.
TEXTURIZED = {
    "L'Envie": "L&rsquo;Envie",
    "a--b": "a&#8211;b",
    "a---b": "a&#8212;b",
    "c...d": "c&#8230;d",
    "2x3": "2&#215;3",
    "``x''": "&laquo;&nbsp;x&nbsp;&raquo;",
    "-": "&#8211;",
}
# What it sets so, in each text between two tags or comments (a text of its own): a
# quote wherever it stands (but before a few signs an address seldom holds).
_TEXTURIZING = [
    (re.compile(r"---"), "\u2014"),
    (re.compile(r"--|^-$"), "\u2013"),
    (re.compile(r"\.\.\."), "\u2026"),
    (re.compile(r"``|''"), "\u201d"),
    (re.compile(r"'"), "\u2019"),
    (re.compile(r"(?<=\d)x(?=\d)"), "\u00d7"),
]
_SPLIT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_UNTEXTURIZED = re.compile(r"<(/?)(?:pre|code|kbd|tt|style|script)[\s>]", re.IGNORECASE)


def texturized(html: str) -> str:
    """``html`` with what wptexturize sets in its text set so, as the list above."""
    parts, inside = _SPLIT.split(html), 0
    for index, part in enumerate(parts):
        if index % 2:
            if tag := _UNTEXTURIZED.match(part):
                inside = max(inside - 1, 0) if tag.group(1) else inside + 1
        elif not inside:
            for pattern, sign in _TEXTURIZING:
                part = pattern.sub(sign, part)
            parts[index] = part
    return "".join(parts)


def shown(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


# What the probing interview's guest and host typed: each address as it must read.
ADDRESSES = (
    "https://www.youtube.com/watch?v=abc",  # alone on a line of code
    "http://localhost:8000/",
    "https://x.fr/a",  # in code
    "https://fr.wikipedia.org/wiki/L'Envie",  # a link's text, as the others
    "www.x.fr/a--b/c...d/2x3",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",  # alone in its paragraph
    "https://x.fr/a--b",
    "https://x.fr/a---b",
    "https://x.fr/b--",
    "www.x.fr/q--r....s/4x5",  # in a question: no link
)


def test_an_address_shown_holds_nothing_wptexturize_changes(invoke: Invoke, series: Path) -> None:
    for written in TEXTURIZED:
        assert texturized(written) != written, written
    outputs = post_outputs(invoke, series)
    for name in ("probe.fragment", "probe-dialogue.wordpress", "probe.wxr"):
        for address in ADDRESSES:
            assert address in shown(texturized(outputs[name])), (name, address)


# ---- WordPress's own code -----------------------------------------------------------------


def wordpress_root() -> Path:
    """WordPress's folder (``usr/share/wordpress``); skips without it, fails under CI."""
    root = Path(os.environ.get("JEUDIS_WORDPRESS") or "/usr/share/wordpress")
    if not (root / "wp-includes" / "formatting.php").is_file():
        missing = f"no WordPress in {root}: set JEUDIS_WORDPRESS (see this module's docstring)"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, under CI (.ci/run unpacks it)")
        pytest.skip(missing)
    return root


Run = Callable[[str, list[str]], list[object]]


def wordpress_runner() -> Run:
    """``run(function, texts)``: each text through WordPress's ``function``, as
    ``tests/wordpress.php`` runs it. Skips without php or WordPress."""
    php = need_binary("php", "WordPress's filters cannot run")
    root = wordpress_root()
    harness = Path(__file__).with_name("wordpress.php")

    def run(function: str, texts: list[str]) -> list[object]:
        calls = json.dumps([[function, text] for text in texts])
        done = subprocess.run(
            [php, str(harness), str(root)], input=calls, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0 and not done.stderr, done.stderr
        results: list[object] = json.loads(done.stdout)
        return results

    return run


@pytest.fixture(scope="module")
def wordpress() -> Iterator[Run]:
    yield wordpress_runner()


@pytest.fixture
def outputs(invoke: Invoke, series: Path) -> dict[str, str]:
    return post_outputs(invoke, series)


def test_wpautop_adds_no_paragraph_or_line_break(wordpress: Run, outputs: dict[str, str]) -> None:
    """The classic editor's content, a WXR body: wpautop leaves the layout as it was,
    a ``<pre>`` to its last blank."""
    posts = classic(outputs)
    shown_all = wordpress("wpautop", list(posts.values()))
    for (name, text), shown in zip(posts.items(), shown_all, strict=True):
        assert layout(str(shown)) == layout(text), name


def test_wp_kses_post_keeps_all_of_a_post(wordpress: Run, outputs: dict[str, str]) -> None:
    """What an author without unfiltered_html keeps: every element, class, id, style; a
    dialogue's host's line saying it is a heading (``role``), not at which level
    (``aria-level``, which WordPress knows not): a level-2 heading then, as most are."""
    texts = list(outputs.values())
    for function in ("wp_kses_post", "save"):
        for (name, text), kept in zip(outputs.items(), wordpress(function, texts), strict=True):
            assert layout(str(kept)) == layout(_LEVEL.sub("", text)), (function, name)
    assert any('role="heading" aria-level="3"' in text for text in texts)


_LEVEL = re.compile(r' aria-level="[0-9]"')


def test_wp_kses_post_keeps_a_right_to_left_chart_s_sides(wordpress: Run) -> None:
    """The bars of an Arabic roundup float right, a French one's left: sides WordPress
    keeps in a post an author without unfiltered_html saves, style for style."""
    charts = [bar_chart(numbers_roundup(language), styled=True) for language in ("ar", "fr")]
    for function in ("wp_kses_post", "save"):
        kept = [str(text) for text in wordpress(function, charts)]
        for chart, text in zip(charts, kept, strict=True):
            assert re.findall(r'style="([^"]*)"', text) == re.findall(r'style="([^"]*)"', chart)
        assert "float:right;" in kept[0] and "float:left;" in kept[1], kept


def test_the_wordpress_output_is_one_html_block(wordpress: Run, outputs: dict[str, str]) -> None:
    blocks = {name: text for name, text in outputs.items() if name.endswith(".wordpress")}
    parsed_all = wordpress("parse_blocks", list(blocks.values()))
    for (name, text), parsed in zip(blocks.items(), parsed_all, strict=True):
        first, *rest = parsed  # type: ignore[misc]
        assert first["blockName"] == "core/html", name
        assert first["innerHTML"] == html_block(text), name
        assert all(b["blockName"] is None and not b["innerHTML"].strip() for b in rest), name


def test_no_shortcode_or_embed_runs_on_a_post(wordpress: Run, outputs: dict[str, str]) -> None:
    texts = list(outputs.values())
    for function in ("shortcodes", "the_content"):
        for (name, _), shown in zip(outputs.items(), wordpress(function, texts), strict=True):
            assert "{{ran" not in str(shown) and "{{embed" not in str(shown), (function, name)


# An address in a text, as a link's text shows it.
_ADDRESS_TEXT = re.compile(r"(?i)(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>]+")


def _texts(html: str) -> Iterator[tuple[str, str]]:
    """Each text of ``html`` with what it is: ``code`` (WordPress leaves it), ``address``
    (a link's text naming its address), or ``text``."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(html)

    def walk(element: object, kind: str) -> Iterator[tuple[str, str]]:
        tag = getattr(element, "tag", "")
        if tag in ("code", "pre", "kbd", "tt"):
            kind = "code"
        elif tag == "a" and _ADDRESS_TEXT.match(getattr(element, "text", None) or ""):
            kind = "address"
        yield kind, getattr(element, "text", None) or ""
        for child in element:  # type: ignore[attr-defined]
            yield from walk(child, kind)
            yield kind if kind != "address" else "text", child.tail or ""

    yield from walk(tree, "text")


def test_wptexturize_leaves_code_addresses_and_french_spacing(
    wordpress: Run, outputs: dict[str, str]
) -> None:
    """WordPress's typographer curls the guest's quotes and sets dashes, as in every
    post of the blog; it leaves code, the addresses shown, and the French spaces."""
    posts = classic(outputs)
    filtered = wordpress("the_content", list(posts.values()))
    for (name, text), result in zip(posts.items(), filtered, strict=True):
        # As the reader sees them: no comment parts a text.
        before, after = (
            list(_texts(re.sub(r"<!--.*?-->", "", t, flags=re.DOTALL))) for t in (text, str(result))
        )
        assert [kind for kind, _ in before] == [kind for kind, _ in after], name
        for (kind, was), (_, now) in zip(before, after, strict=True):
            if kind in ("code", "address"):
                assert now == was, (name, kind, was, now)
            french = "".join(re.findall(f"[{NBSP}{NNBSP}«»]", was))
            assert "".join(re.findall(f"[{NBSP}{NNBSP}«»]", now)) == french or "``" in was, name
        if name.startswith("probe."):
            for address in ADDRESSES:
                assert address in shown(str(result)), (name, address)


def test_the_recorded_wptexturize_is_wordpresss(wordpress: Run) -> None:
    assert wordpress("wptexturize", list(TEXTURIZED)) == list(TEXTURIZED.values())
