"""Hostile answers and names: no script runs, no markup breaks out, front matter holds."""

from __future__ import annotations

import html
import json
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
import yaml

from export_helpers import build, built_page, export_and_build, make_interview, need_generator
from jeudis.export.typography import fix_text
from support import Invoke

NAME = 'Eve "</script><script>alert(1)</script>" O\'Hara\n---\n+++'
TITLE = 'Titre : "quotes" ]]> </title><script>alert(2)</script>\n---\ntitle: pirate'
# The title as a post sets it: on one line, with French typography (« », —, spaces).
TITLE_SET = fix_text(" ".join(TITLE.split()), "fr")
# What Jekyll (Liquid), Hugo and Zola (shortcodes) would run, written by a guest.
GENERATOR_SYNTAX = [
    "{{ site.time }}",
    "{% include x.html %}",
    "{{< param title >}}",
    "{{% param title %}}",
    "{{ youtube(id=1) }}",
    "{% quote(author=1) %}corps{% end %}",
]
# Each hides a link from a tokenizer that reads Markdown otherwise than the
# generators do: inside a tag, an unbalanced code span, a definition whose URL is on
# the next line or inside a quote, fences in containers or right under one, a fence
# closed differently (after which no fence is trusted: it comes last but one).
PARSER_TRAPS = [
    # kramdown puts this fence in the list item, which ends at the blank line.
    "- item\n~~~\n\n![i](data:text/html,alert(29))",
    # Code to every parser, unless the fence above pairs with this one's opener.
    "~~~\n<a href=javascript:alert(32)>x</a>\n~~~",
    "<b [a](javascript:alert(22))",  # a tag left open: it ran to the line's end
    "`[b](javascript:alert(23))``",
    # kramdown pairs the first run with the one on the next line: the link is text.
    "x ```y\n```[j]( javascript:alert(30))```",
    "[r2]:\n  javascript:alert(24)\n\n[c][r2]",
    "> [r3]: javascript:alert(25)\n>\n> [d][r3]",
    "[[<a href=javascript:alert(31)>x</a> [^1]: note",  # no definition: its label holds "["
    "- ```x {onclick=alert(26)}\n  code\n  ```",
    '> ```x"onclick="alert(28)\n> code\n> ```',
    "```\ncode\n````\n[e](javascript:alert(27))\n```",
    "```\nnever closed",
]
# Where some parser reads a definition, an autolink, a tag or a code span that
# another does not.
READER_TRAPS = [
    "[a](javascript\\:alert(45))",
    "[a\\]b]:javascript:alert(46)\n\n[x][a\\]b]",
    "[a\nb]:javascript:alert(47)\n\n[x][a b]",
    "[]:javascript:alert(48)\n\n[][]",
    "terme\n: [x]:javascript:alert(49)\n\n[a][x]",
    "[^]:[y]:javascript:alert(50)\n[y]",
    "<tel:1/onclick=alert(51)>",
    "<http:/x/onclick=alert(52)//>",
    'a ` <b onclick="alert(53)">x</b> `',
    "~~```~~[x](javascript:alert(54))```",
    "``[x](javascript:alert(55))|``\n-|-",
    "<mailto:x>\n\n`<script>alert(56)</script>`",
    "x`` ` ``<script>alert(57)</script>`` ` ``z",  # spans of one backtick, as written
    "` ``[](jav&#x61;script:alert(59))`",  # kramdown ends the span at the first "`"
    # cmark linked the whole around the link to x.org: a link in a link.
    "[a [b](https://x.org) [c[x]] d](javascript:alert(73))",
]
ANSWERS = [
    (
        "script",
        "<script>alert('q')</script> ?",
        "<script>alert(3)</script>\n\n<img src=x onerror=alert(4)>",
    ),
    (
        "js",
        "Liens ?",
        "[clic](javascript:alert(5)) et [data](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/png;base64,AAAA) <javascript:alert(6)>",
    ),
    ("close", "JSON-LD ?", "</script><script>alert(7)</script> and ]]> and ]]]]><![CDATA[>"),
    ("fm", "Front matter ?", '---\ntitle: pirate\n---\n+++\ntitle = "pirate"\n+++'),
    (
        "attr",
        'Attr " onmouseover="alert(8)',
        'x" onmouseover="alert(9)" \' <a href="javascript:alert(10)">a</a>',
    ),
    ("ctrl", "Contrôles ?", "nul\x00 bell\x07 esc\x1b[31m sep\u2028 nel\u0085 bom\ufeff fin"),
    (
        "generators",
        "Gabarits {{ site.title }} {% raw %} {: onclick=alert(19)} ?",
        "Gabarits : "
        + " et ".join(GENERATOR_SYNTAX)
        + " et {{<3\n"
        + '{: onmouseover="alert(15)"}\n\n'
        + 'Un *mot*{: onclick="alert(16)"} et la fin {: onclick="alert(17)" }\n\n'
        + '## Titre {onclick="alert(18)"}\n\n'
        + "Un [lien][ref].\n\n[ref]: java\tscript:alert(20)\n\n"
        + '```js"onmouseover="alert(21)\ncode\n```\n\n'
        + f"En code : `{GENERATOR_SYNTAX[2]}` et\n\n```\n"
        + "\n".join(GENERATOR_SYNTAX)
        + "\n```",
    ),
    (
        "parsers",
        "Ce que chaque parseur lit ?",
        "\n\n".join(PARSER_TRAPS),
    ),
    (
        "addresses",
        "Des adresses ?",
        # A bare address must not lend a ")" or "]" to a half-written link around it.
        (
            "www.x.fr/a)[y](javascript:alert%2837%29\n\n"
            "www.x.fr/)![i](data:text/html,x\n\n"
            "https://x.fr/a)[z](javascript:alert%2838%29 et www.x.fr/[w](javascript:alert(39)\n\n"
            # An unsafe definition dropped must not hand its line to the next one.
            "[x]: javascript:alert(40)\njavascript:alert(41)\n\n[y][x]\n\n"
            "[v]:\n[v]: javascript:alert(42)\n\n[u][v]\n\n"
            # Python-Markdown reads a link inside an autolink before the autolink.
            "<http://x.org/a?b[j](javascript:alert(43))>"
        ),
    ),
    ("opening", "Du code d’abord ?", "    <script>alert(44)</script>\n\n<b>fin</b>"),
    # To kramdown (Jekyll), a fence under a definition is the definition's text.
    ("defined", "Un terme ?", "terme\n: définition\n```\n[j](javascript:alert(58))\n```"),
    (
        "definitions",
        "Des définitions ?",
        "\n\n".join(READER_TRAPS),
    ),
    (
        "indented",
        "Du code indenté ?",
        # Code to every parser (held as written), then lines that only look like code.
        (
            "Voici :\n\n    <script>alert(33)</script>\n\n\t<img src=x onerror=alert(34)>\n\n"
            "Suite\n    <script>alert(35)</script>\n\n"
            "x\n\n   \n    <iframe src=//evil></iframe>\n\n"
            "1) un point\n\n    <script>alert(36)</script>"
        ),
    ),
]


@pytest.fixture
def hostile(series: Path) -> str:
    make_interview(
        series,
        "hostile",
        guest=NAME,
        title=TITLE,
        host='Host "<b>',
        answers=ANSWERS,
        fields={
            "intro": "<iframe src=//evil></iframe> [x](JaVaScRiPt:alert(11)) [y](java\tscript:alert(12)) fin ]]> ici",
            "photo": "javascript:alert(13)",
            "site": "javascript:alert(14)",
        },
    )
    return "hostile"


def scripts(document: object) -> list[object]:
    return list(document.iter("script"))  # type: ignore[attr-defined]


def assert_safe_html(text: str, *, fragment: bool = False) -> None:
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    doc = parser.parseFragment(text) if fragment else parser.parse(text)
    found = scripts(doc)
    # The only script is the JSON-LD block, and it is valid JSON.
    assert all(s.get("type") == "application/ld+json" for s in found)  # type: ignore[attr-defined]
    for s in found:
        data = json.loads(s.text)  # type: ignore[attr-defined]
        # A post's; an index's lists the posts, each by its title.
        assert data["about"]["name"] == NAME if data["@type"] == "BlogPosting" else data["name"]
    for element in doc.iter():
        for attr, value in element.attrib.items():
            assert not attr.lower().startswith("on"), (element.tag, attr)
            if attr in ("href", "src", "content"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE), value
        assert element.tag != "iframe"
        assert (
            element.tag != "img"
            or element.get("src") == ""
            or element.get("src", "").startswith("https://")
        ), element.attrib
    if not fragment:
        assert parser.errors == [], parser.errors


def test_html_page(invoke: Invoke, hostile: str) -> None:
    result = invoke("export", hostile)
    assert result.exit_code == 0, result
    assert_safe_html(result.stdout)
    assert '<img src=""' not in result.stdout  # a refused image is its text, as in a browser
    assert "alert(7)</script>" not in result.stdout.split("<style>")[0].split('ld+json">')[1]


@pytest.mark.parametrize("args", [["--fragment"], ["--wordpress"]])
def test_fragment(invoke: Invoke, hostile: str, args: list[str]) -> None:
    result = invoke("export", hostile, *args)
    assert result.exit_code == 0, result
    assert_safe_html(result.stdout, fragment=True)
    assert '<img src=""' not in result.stdout
    assert result.stdout.count("<!-- /wp:html -->") == (1 if "--wordpress" in args else 0)


def test_site(invoke: Invoke, hostile: str, series: Path) -> None:
    """The post, the index and the page at the guest's former name (renamed once), which
    leads to the post under its title: the title's ``</title><script>`` is text there."""
    path = series / "interviews" / f"{hostile}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status = ", 'former_slugs = ["eve"]\nstatus = ', 1), "utf-8")

    assert invoke("export", "--all").exit_code == 0

    pages = sorted(page.name for page in (series / "site").glob("*.html"))
    assert pages == ["eve.html", "hostile.html", "index.html"]
    for name in pages:
        assert_safe_html((series / "site" / name).read_text(encoding="utf-8"))
    redirect = html5lib.parse((series / "site" / "eve.html").read_text(encoding="utf-8"))
    shown = "".join(redirect.itertext())  # type: ignore[attr-defined]
    assert shown.count(TITLE_SET) == 2  # in the window's title, and as the link's text
    ET.parse(series / "site" / "feed.xml")


def assert_inert_markdown(body: str) -> None:
    """Rendered with raw HTML allowed and every URL taken as written, the body holds no
    live markup: by a CommonMark parser (Hugo's, Zola's) and by Python-Markdown
    (Pelican's, MkDocs's), which read links and definitions differently.
    """
    import markdown
    from markdown_it import MarkdownIt

    commonmark = MarkdownIt("commonmark", {"html": True})
    commonmark.validateLink = lambda url: True  # as pulldown-cmark: no URL filtering
    python_markdown = markdown.Markdown(extensions=["extra"])
    for rendered in (commonmark.render(body), python_markdown.convert(body)):
        assert_safe_html(rendered, fragment=True)
        assert "<script" not in rendered and '<a href="javascript' not in rendered


def split_front(text: str, mark: str) -> tuple[str, str]:
    assert text.startswith(mark + "\n")
    end = text.index("\n" + mark + "\n", len(mark))
    return text[len(mark) + 1 : end], text[end + len(mark) + 2 :]


@pytest.mark.parametrize("flavor", [None, "jekyll", "mkdocs"])
def test_yaml_front_matter(invoke: Invoke, hostile: str, flavor: str | None) -> None:
    args = ["-f", "md"] + (["--flavor", flavor] if flavor else [])
    result = invoke("export", hostile, *args)
    head, body = split_front(result.stdout, "---")
    data = yaml.safe_load(head)
    # MkDocs's themes write the title as HTML: it is escaped, and reads back the same.
    title = html.unescape(data["title"]) if flavor == "mkdocs" else data["title"]
    assert title == TITLE_SET
    if flavor != "mkdocs":
        assert data["guest"] == NAME
    assert_inert_markdown(body)


def test_mkdocs_front_matter_escapes_a_quote_left_as_typed(invoke: Invoke, series: Path) -> None:
    """MkDocs's themes put the title and the description in attributes too (Material's
    ``<meta name="description" content="...">``): with typography off, a ``"`` is left as
    typed, and unescaped it ended the attribute, the rest of the text an attribute of
    its own. It is ``&quot;``, and reads back as typed."""
    (series / "jeudis.toml").write_text('typography = "off"\n', encoding="utf-8")
    typed = {"title": 'Zoé "Z" Brun x" onmouseover="alert(1)', "intro": 'Elle dit "oui" x" a="'}
    make_interview(
        series, "zoe", guest='Zoé "Z" Brun', title=typed["title"],
        fields={"intro": typed["intro"]},
    )  # fmt: skip
    result = invoke("export", "zoe", "-f", "md", "--flavor", "mkdocs")
    head, _ = split_front(result.stdout, "---")

    data = yaml.safe_load(head)
    for key, value in (("title", typed["title"]), ("description", typed["intro"])):
        assert '"' not in data[key] and "&quot;" in data[key], data[key]
        assert html.unescape(data[key]) == value
    assert html.unescape(data["tags"][0]) == 'Zoé "Z" Brun' and '"' not in data["tags"][0]


@pytest.mark.parametrize("flavor", ["hugo", "zola"])
def test_toml_front_matter(invoke: Invoke, hostile: str, flavor: str) -> None:
    result = invoke("export", hostile, "-f", "md", "--flavor", flavor)
    head, body = split_front(result.stdout, "+++")
    assert_inert_markdown(body)
    data = tomllib.loads(head)
    assert data["title"] == TITLE_SET
    guest = data["guest"] if flavor == "hugo" else data["extra"]["guest"]
    assert guest == NAME


def test_pelican_metadata_stays_on_its_lines(invoke: Invoke, hostile: str) -> None:
    text = invoke("export", hostile, "-f", "md", "--flavor", "pelican").stdout
    head = text.split("\n\n", 1)[0].splitlines()
    assert all(re.match(r"^[A-Z][a-z]+: ", line) for line in head), head


def test_wxr(invoke: Invoke, hostile: str) -> None:
    result = invoke("export", hostile, "-f", "wxr")
    root = ET.fromstring(result.stdout.encode())
    item = root.find("channel/item")
    assert item is not None
    # A title and an excerpt are HTML to WordPress (its own exports write them so):
    # the guest's markup is text there, escaped, and reads back whole.
    title = item.findtext("title") or ""
    assert "<" not in title
    assert html.unescape(title) == TITLE_SET
    body = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert body and "]]&gt;" in body  # the answer's ]]>, escaped in HTML
    excerpt = item.findtext("{http://wordpress.org/export/1.2/excerpt/}encoded") or ""
    assert "<" not in excerpt
    assert "fin ]]> ici" in html.unescape(excerpt)
    assert_safe_html(body, fragment=True)


def test_wxr_names_read_back_whole(invoke: Invoke, hostile: str, series: Path) -> None:
    """WordPress keeps a category's, a tag's and an author's name as HTML: it strips
    what reads as a tag (``sanitize_text_field``), so "Zoë & <Co>" was "Zoë &amp;"."""
    path = series / "interviews" / f"{hostile}.toml"
    text = path.read_text(encoding="utf-8").replace(
        'series = "Interviews"', 'series = "Les Jeudis & <Amis> ]]> 3 < 4"'
    )
    path.write_text(text, encoding="utf-8")
    wp = "{http://wordpress.org/export/1.2/}"

    root = ET.fromstring(invoke("export", hostile, "-f", "wxr").stdout.encode())

    channel = root.find("channel")
    assert channel is not None
    names = {
        "category": [c.findtext(f"{wp}cat_name") for c in channel.iter(f"{wp}category")],
        "tag": [t.findtext(f"{wp}tag_name") for t in channel.iter(f"{wp}tag")],
        "author": [a.findtext(f"{wp}author_display_name") for a in channel.iter(f"{wp}author")],
        "post's terms": [c.text for c in channel.iter("category")],
    }
    for kind, found in names.items():
        assert all("<" not in (name or "") for name in found), (kind, found)
        names[kind] = [html.unescape(name or "") for name in found]
    assert names["category"] == ["Les Jeudis & <Amis> ]]> 3 < 4"]
    assert NAME in names["tag"] and names["author"] == ['Host "<b>']
    assert sorted(names["post's terms"]) == sorted(names["category"] + names["tag"])


@pytest.mark.parametrize("command", [["zoe"], ["--all", "-o", "all.xml"]])
def test_wxr_is_xml_whatever_characters_a_guest_typed(
    invoke: Invoke, series: Path, command: list[str]
) -> None:
    """U+FFFE and a vertical tab are no characters of XML: an answer or an intro
    holding them made a WordPress file its importer refuses whole ("not well-formed").
    They are left out; the rest of the text is there."""
    make_interview(
        series, "zoe", answers=[("a", "Un aveu ?", "un\x0bdeux\ufffetrois\uffff fin")],
        fields={"intro": "Notre\x0b invitée\ufffe du jour"},
    )  # fmt: skip
    result = invoke("export", *command, "-f", "wxr")
    assert result.exit_code == 0, result
    written = result.stdout if command == ["zoe"] else Path("all.xml").read_text("utf-8")

    parser = ET.XMLParser()  # expat: strict, it stops at the first character not XML's
    parser.feed(written.encode())
    item = parser.close().find("channel/item")

    assert item is not None
    body = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    assert "<p>undeuxtrois fin</p>" in body
    assert "Notre invitée du jour" in body
    excerpt = item.findtext("{http://wordpress.org/export/1.2/excerpt/}encoded")
    assert excerpt == "Notre invitée du jour"


def assert_nothing_ran(page: str) -> None:
    """No guest's ``alert(N)`` became a script, an event handler or a link."""
    doc = html5lib.HTMLParser(namespaceHTMLElements=False).parse(page)
    for element in doc.iter():
        if element.tag == "script":
            assert "alert" not in (element.text or "")
        for attr, value in element.attrib.items():
            # Text in a description is text; a handler would run, and so would a link
            # to a script (read as browsers read URLs: tabs and newlines dropped).
            assert not (attr.startswith("on") and "alert" in value), (element.tag, attr)
            if attr in ("href", "src", "action", "formaction"):
                url = re.sub(r"^[\x00-\x20]+", "", re.sub(r"[\t\n\r]", "", value))
                assert not re.match(r"(javascript|data|vbscript):", url, re.IGNORECASE), value


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola", "pelican", "mkdocs"])
def test_generators_run_nothing_a_guest_wrote(
    invoke: Invoke, hostile: str, tmp_path: Path, flavor: str
) -> None:
    """Built by the real generator: the build passes, nothing runs, the guest's text shows."""
    out = export_and_build(invoke, tmp_path, flavor)
    page = built_page(out, flavor, hostile).read_text(encoding="utf-8")
    assert_nothing_ran(page)
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    for written in GENERATOR_SYNTAX:
        # Once in the text, once in the code block (a third time in the code span).
        assert shown.count(written) >= 2, (written, flavor)
    assert "{{<3" in shown
    for number in (15, 16, 17, 18, 19):  # attribute lists, shown as the text they are
        assert f"alert({number})" in shown, number
    if flavor == "pelican":  # its index shows the intro's HTML, through Markdown again
        index = (out / "index.html").read_text(encoding="utf-8")
        assert_nothing_ran(index)
        listed = html.unescape(re.sub(r"<[^>]+>", "", index))
        assert "<iframe src=//evil></iframe>" in listed and "fin ]]> ici" in listed


# A guest's code holding the excerpt dividers, in a first answer (no intro: the excerpt
# ends after it), a note it refers to; and, after the excerpt, code holding definitions
# of that note and of a link (in a list item too).
DIVIDED = "~~~\n[j](javascript:alert(61)) <!--more--> <!-- more -->\n~~~\n\nSuite[^1], [là][x]."
DEFINED = (
    "```\n[^1]: [j](javascript:alert(62))\n[x]: javascript:alert(63)\n```\n\n"
    "- ~~~\n  [x]: javascript:alert(64)\n  ~~~\n\nFin."
)


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola"])
def test_a_divider_in_a_guests_code_cuts_no_excerpt(
    invoke: Invoke, series: Path, tmp_path: Path, flavor: str
) -> None:
    """Jekyll cuts a post's excerpt at the first divider of its Markdown, code included,
    and renders the cut apart: the code block left open, a link shown as code was a link
    to a script on the list of posts (tests/fuzz_generators.py found it). Hugo cut its
    summary there, the code gone. The excerpt is the first answer, whole. Jekyll adds to
    it each line after it that reads as a definition, code included, where a note's
    link to a script was live (the fuzzer again): code's keep a zero-width space."""
    need_generator(flavor)
    make_interview(series, "cut", answers=[("code", "Du code ?", DIVIDED), ("b", "B ?", DEFINED)])
    site, out = tmp_path / flavor, tmp_path / "public"
    assert invoke("export", "--all", "-f", "md", "--flavor", flavor, "-o", site).exit_code == 0
    listed = out / "excerpts.html"
    if flavor == "hugo":  # the posts' list, with their summaries
        (site / "layouts" / "posts").mkdir(parents=True)
        summaries = "{{ range .Pages }}<div>{{ .Summary }}</div>{{ end }}"
        (site / "layouts" / "posts" / "list.html").write_text(summaries, encoding="utf-8")
        listed = out / "posts" / "index.html"
    if flavor == "zola":  # the home page lists the posts with their summaries
        listed = out / "index.html"
    done = build(site, out, flavor)
    assert done.returncode == 0, done.stderr[-3000:]

    page = listed.read_text(encoding="utf-8")
    assert_nothing_ran(page)
    shown = html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\u200b", "")
    assert "[j](javascript:alert(61)) <!--more--> <!-- more -->" in shown
    assert "Suite" in shown and "Fin." not in shown


@pytest.mark.generators
def test_material_lists_a_title_as_written_not_as_markdown(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Material's blog puts the front matter's title at the head of each excerpt it
    lists, as Markdown (tests/fuzz_generators.py found it on a roundup): a link in a
    guest's name was a link to a script on the blog's index, an attribute list a
    handler. The title stands first in the post, inert, as the post's own heading."""
    guest = "Zoé [j](javascript:alert(71)) *Brun* {: onclick=alert(72) }"
    make_interview(series, "zoe", guest=guest, title=f"Interview de {guest}")
    out = export_and_build(invoke, tmp_path, "mkdocs")
    post = built_page(out, "mkdocs", "zoe").read_text(encoding="utf-8")
    listing = (out / "blog" / "index.html").read_text(encoding="utf-8")
    for page in (post, listing):
        assert_nothing_ran(page)
        shown = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert "Interview de Zoé [j](javascript:alert(71)) *Brun* {\xa0: onclick" in shown
    assert post.count("<h1") == 1


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["pelican", "mkdocs"])
def test_an_abbreviation_a_guest_wrote_is_text(
    invoke: Invoke, series: Path, tmp_path: Path, flavor: str
) -> None:
    """``*[^1]: note`` is an abbreviation's definition to Python-Markdown, whose 3.4
    (Debian's, Pelican's here) makes a regex of the label as written: one matching
    every character, and Pelican's build looped for ever (tests/fuzz_generators.py
    found it). It is text, as written."""
    written = "*[^1]: note*\n\nVoir *[HTML] : HyperText"
    make_interview(series, "abbr", answers=[("abbr", "Des sigles ?", written)])
    out = export_and_build(invoke, tmp_path, flavor)
    page = built_page(out, flavor, "abbr").read_text(encoding="utf-8")
    assert "<abbr" not in page
    shown = html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\xa0", " ")
    assert "[^1] : note" in shown and "Voir *[HTML] : HyperText" in shown


# PyMdown's Snippets markers, in code: a file of the site named, escaped, a section.
SNIPPETS = (
    'Mon fichier :\n\n```\n--8<-- "mkdocs.yml"\n```\n\n'
    '```\n;--8<-- "mkdocs.yml"\n-8<-8<- "mkdocs.yml"\n```\n\n'
    "```\nx --8<-- [start:cle]\n```"
)


@pytest.mark.generators
def test_mkdocs_snippets_include_no_file_a_guest_names(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Snippets, on in many Material sites, reads each ``--8<--`` line before Markdown
    does, code included: a guest's code naming a file showed that file of the site
    (its mkdocs.yml here), a ``[start:x]`` marker vanished, an escaped one lost its ``;``.
    """
    make_interview(series, "snip", answers=[("code", "Du code ?", SNIPPETS)])
    out = export_and_build(invoke, tmp_path, "mkdocs")
    page = built_page(out, "mkdocs", "snip").read_text(encoding="utf-8")
    shown = html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\u200b", "")
    assert "site_name" not in shown
    for typed in (
        '\n--8<-- "mkdocs.yml"',
        ';--8<-- "mkdocs.yml"',
        "-8<-8<-",
        "x --8<-- [start:cle]",
    ):
        assert typed in shown, typed


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["mkdocs", "pelican"])
def test_a_marked_section_in_a_guests_code_breaks_no_build(
    invoke: Invoke, series: Path, tmp_path: Path, flavor: str
) -> None:
    """MkDocs reads the whole body with Python's html.parser, code included, which
    stopped on a ``<![`` opening no CDATA section: the site's build failed with a
    traceback (tests/fuzz_generators.py found it). It builds, the code as written."""
    code = "Du code :\n\n    x = '<![i](y)'\n\n```\n<![ z ]>\n```"
    make_interview(series, "cdata", answers=[("code", "Du code ?", code)])
    out = export_and_build(invoke, tmp_path, flavor)
    page = built_page(out, flavor, "cdata").read_text(encoding="utf-8")
    shown = html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\u200b", "")
    assert "x = '<![i](y)'" in shown and "<![ z ]>" in shown


# Parts of Zola's shortcodes with a body, unpaired (in text and in code), and braces
# ending a heading, which Zola reads as the heading's attributes.
UNPAIRED = (
    "{% a() %} seul\n\n{% end %} seule\n\n{% b() %} x {% c() %} y {% end %}\n\n"
    "```\n{% a() %}\n{% end %} {% end %}\n```\n\n## Titre {.c}\n\nFin {x}"
)


@pytest.mark.generators
def test_zola_builds_unpaired_shortcode_parts_and_braces_ending_a_heading(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Zola stops its build at a shortcode's start with no end of its own, at an end
    with no start, and at a start inside another's body; it paired the first start
    here with the last end, over another start, and failed (tests/fuzz_generators.py
    found it, over two guests' names in a roundup). It read ``## Titre {.c}`` and a
    question ending in braces as headings with attributes: "Titre \\". All show as
    written."""
    question = "Quel emoji {x}"
    make_interview(series, "paires", answers=[("p", question, UNPAIRED)])
    out = export_and_build(invoke, tmp_path, "zola")
    page = built_page(out, "zola", "paires").read_text(encoding="utf-8")
    shown = html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\u200b", "")
    for typed in (
        "{% a() %} seul",
        "{% end %} seule",
        "{% b() %} x {% c() %} y {% end %}",
        "{% a() %}\n{% end %} {% end %}",
        "Titre {.c}",
        "Fin {x}",
        f"1. {question}",
    ):
        assert typed in shown, typed
    assert 'class="c"' not in page


# Link targets Pelican would take for its own (another post, a file of the site), and
# a URL with braces, whose Markdown escape (\{) kramdown keeps in the URL.
TEMPLATED_LINKS = (
    "[son article]({filename}/autre.md), ![photo]({static}/images/autre.svg), "
    "[la liste](|filename|/autre.md), [une recherche](https://ex.example/?q={mot}) "
    "et [une note][n].\n\n[n]: {filename}/autre.md"
)


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["pelican", "jekyll"])
def test_a_link_target_with_braces_leads_where_the_guest_wrote(
    invoke: Invoke, series: Path, tmp_path: Path, flavor: str
) -> None:
    """Pelican rewrote a guest's link opening on ``{filename}`` or ``|filename|`` into a
    link to its own post (here the other interview) and ``{static}`` to a file of the
    site; Jekyll linked ``?q=\\{mot}``. Braces and bars are percent-encoded instead."""
    make_interview(series, "autre", guest="Paul Autre")
    make_interview(series, "liens", answers=[("liens", "Des liens ?", TEMPLATED_LINKS)])
    out = export_and_build(invoke, tmp_path, flavor)
    page = built_page(out, flavor, "liens").read_text(encoding="utf-8")
    for target in (
        'href="%7Bfilename%7D/autre.md"',
        'src="%7Bstatic%7D/images/autre.svg"',
        'href="%7Cfilename%7C/autre.md"',
        'href="https://ex.example/?q=%7Bmot%7D"',
    ):
        assert target in page, target
    assert page.count('href="%7Bfilename%7D/autre.md"') == 2  # the definition's link too


SIGNS = "Zoé <3 ~~x~~ a|b *c* [d] #e {f} _g_ `h` \\ >"


def post_body(text: str, flavor: str) -> str:
    """A ``flavor`` post's Markdown, its front matter (Pelican's head) left out."""
    if flavor == "pelican":
        return text.split("\n\n", 1)[1]
    return text.split("\n+++\n" if flavor in ("hugo", "zola") else "\n---\n", 1)[-1]


@pytest.mark.parametrize("flavor", ["pelican", "mkdocs", "hugo", "jekyll", "zola"])
def test_a_name_and_a_question_read_as_written_in_every_markdown(
    invoke: Invoke, series: Path, flavor: str
) -> None:
    """Markup characters in a name or a question are escaped so each Markdown shows them
    as written: "\\<" and "\\~", no escapes to Python-Markdown, showed their backslash
    in Pelican and MkDocs ("Zoé \\<3")."""
    import markdown
    from markdown_it import MarkdownIt

    make_interview(
        series, "signes", guest=SIGNS, fields={"photo": "https://example.org/z.jpg"},
        answers=[("motivation", f"Et {SIGNS}", "Oui.")],
    )  # fmt: skip
    text = invoke("export", "signes", "-f", "md", "--flavor", flavor).stdout
    body = post_body(text, flavor)
    if flavor in ("pelican", "mkdocs"):
        rendered = markdown.markdown(body, extensions=["extra"])
    else:
        rendered = MarkdownIt("commonmark").enable("strikethrough").render(body)
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert f"\n{SIGNS}\n" in shown  # the photo's caption
    assert f"Et {SIGNS}" in shown  # the question
    alt = re.search(r'alt="([^"]*)"', rendered)
    assert alt and html.unescape(alt.group(1)) == SIGNS


@pytest.mark.parametrize("flavor", ["pelican", "mkdocs", "hugo", "jekyll", "zola"])
def test_a_name_shaped_like_an_autolink_links_nowhere(
    invoke: Invoke, series: Path, flavor: str
) -> None:
    """A guest named "Zoé <javascript:alert(1)>", under her photo and in a question:
    to CommonMark (Hugo's, Zola's) ``<javascript:...>`` is a link, and to every
    Markdown a tag. It is text, in every flavour, as written."""
    from markdown_it import MarkdownIt

    guest = "Zoé <javascript:alert(1)>"
    make_interview(
        series, "zoe", guest=guest, fields={"photo": "https://example.org/z.jpg"},
        answers=[("motivation", f"Et {guest} ?", "Oui.")],
    )  # fmt: skip
    text = invoke("export", "zoe", "-f", "md", "--flavor", flavor).stdout
    body = post_body(text, flavor)

    assert_inert_markdown(body)
    shown = html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(body)))
    assert f"\n{guest}\n" in shown  # the photo's caption
