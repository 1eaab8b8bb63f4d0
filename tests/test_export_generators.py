"""Each generator's syntax, written by a guest, comes out as text that generator shows as is.

Jekyll and Hugo are also run on it (tests/test_export_hostile.py); Zola is not
packaged here, so its cases follow its grammar (``content.pest``) and the
examples of its own lexer tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jeudis.export import generators, mkdocs_links
from jeudis.export.cleaning import clean_markdown, inert_braces

ZWSP = "\u200b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ site.time }}", '{{ "{{" }} site.time }}'),
        ("{% include x.html %}", '{{ "{%" }} include x.html %}'),
        ("{{{", '{{ "{{" }}{'),
        ("plain } and %}", "plain } and %}"),
    ],
)
def test_jekyll_writes_liquid_delimiters_as_liquid_strings(text: str, expected: str) -> None:
    assert generators.jekyll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{< youtube x >}}", "{{</* youtube x */>}}"),
        ("{{% param title %}}", "{{%/* param title */%}}"),
        ("a {{< x\ny >}} b", "a {{</* x\ny */>}} b"),
        # Hugo's own escape, written by a guest, is shown as written.
        ("{{</* x */>}}", "{{</*/* x */*/>}}"),
        # No closer: Hugo would refuse the opener, a zero-width space breaks it.
        ("love {{<3", f"love {{{{{ZWSP}<3"),
        ("{{< a %}}", f"{{{{{ZWSP}< a %}}}}"),
        ("{{< a {{< b >}}", "{{</* a {{< b */>}}"),
    ],
)
def test_hugo_writes_shortcodes_as_comment_shortcodes(text: str, expected: str) -> None:
    assert generators.hugo(text) == expected


def hugo_shows(written: str) -> str:
    """What Hugo shows: comment shortcodes as their text; any other opener fails the build."""
    out, pos = [], 0
    while opener := re.compile(r"\{\{[<%]").search(written, pos):
        at, kind = opener.start(), opener.group()[2]
        assert written.startswith("/*", at + 3), f"Hugo would run {written[at:]!r}"
        closer = "*/" + (">" if kind == "<" else "%") + "}}"
        end = written.index(closer, at + 5)
        out += [written[pos:at], "{{" + kind, written[at + 5 : end], closer[2:]]
        pos = end + len(closer)
    out.append(written[pos:])
    return "".join(out).replace(ZWSP, "")


@given(st.lists(st.sampled_from(["{{<", "{{%", ">}}", "%}}", "/*", "*/", " x ", "{", "}"])))
def test_hugo_shows_what_the_guest_wrote(parts: list[str]) -> None:
    text = "".join(parts)
    assert hugo_shows(generators.hugo(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ youtube() }}", "{{/* youtube() */}}"),
        (
            "{{ youtube(id=1, autoplay=true, url='hey') }}",
            "{{/* youtube(id=1, autoplay=true, url='hey') */}}",
        ),
        (
            "{{ youtube(id=1, \nautoplay=true, url='hey', multi=[[]]) }}",
            "{{/* youtube(id=1, \nautoplay=true, url='hey', multi=[[]]) */}}",
        ),
        (
            "{% quote(author='Bobby', array=[[true]]) %}DROP TABLES;{% end %}",
            "{%/* quote(author='Bobby', array=[[true]]) */%}DROP TABLES;{%/* end */%}",
        ),
        # Not shortcodes to Zola: left as they are.
        ("{{ variable }}", "{{ variable }}"),
        ("{{ f(1) }}", "{{ f(1) }}"),
        ("{% raw %} {% x %}", "{% raw %} {% x %}"),
        # A start or an end left unpaired, which Zola stops at, parted; a start inside
        # another's body leaves both unpaired.
        ("{% quote() %} with no end", f"{{%{ZWSP} quote() %}} with no end"),
        ("an end alone {% end %}", f"an end alone {{%{ZWSP} end %}}"),
        (
            "{% a() %} x {% b() %} y {% end %}",
            f"{{%{ZWSP} a() %}} x {{%/* b() */%}} y {{%/* end */%}}",
        ),
        # Zola's own escape, written by a guest: Zola would drop its comment marks.
        ("{{/* youtube() */}}", f"{{{{{ZWSP}/* youtube() */}}}}"),
    ],
)
def test_zola_writes_shortcode_calls_in_its_ignored_form(text: str, expected: str) -> None:
    assert generators.zola(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a {b}", "a \\{b}\u200b"),
        ("a \\{b", "a \\{b"),  # escaped already
        ("a \\\\{b", "a \\\\\\{b"),  # an escaped backslash, then a brace
        ("p\n{: onclick=x}", "p\n\\{: onclick=x}\u200b"),
        ("{{< x >}}", "\\{\\{< x >}}\u200b"),
        # A "}" ending a line, a heading's too, takes a zero-width space: Zola took the
        # braces ending a heading for its attributes, escaped or not ("## Titre \\").
        ("## a {b} ##", "## a \\{b}\u200b ##"),
        ("a {b\\}\nc", "a \\{b\\}\u200b\nc"),
        ("a {b} c", "a \\{b} c"),
    ],
)
def test_braces_in_text_are_escaped(text: str, expected: str) -> None:
    assert inert_braces(text) == expected


def test_braces_in_code_are_left_to_the_generators() -> None:
    assert clean_markdown("`{{ x }}` et {y}\n\n```\n{: z}\n```", str) == (
        "`{{ x }}` et \\{y}\u200b\n\n```\n{: z}\n```"
    )


@given(st.lists(st.sampled_from(["-", "--", "8", "<", ";", " ", '"f.md"', "[start:x]", "\n"])))
def test_no_snippets_marker_is_left_for_python_markdown(parts: list[str]) -> None:
    """No line PyMdown's Snippets would read as its own, and the text as written."""
    snippets = pytest.importorskip("pymdownx.snippets").SnippetPreprocessor
    text = "".join(parts)
    written = generators.python_markdown(text)
    assert written.replace(ZWSP, "") == text
    for line in written.split("\n"):
        assert not snippets.RE_ALL_SNIPPETS.match(line), line
        assert not snippets.RE_SNIPPET_SECTION.match(line), line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Plain links only (held by the quick path), and among others.
        ("[a](https://x.example/?q={b})", "[a](https://x.example/?q=%7Bb%7D)"),
        ("[a](https://x.example/{b}) `c`", "[a](https://x.example/%7Bb%7D) `c`"),
        ("![i]({static}/x.png)", "![i](%7Bstatic%7D/x.png)"),
        ("[a](|filename|/x.md)", "[a](%7Cfilename%7C/x.md)"),
        ("[a][r]\n\n[r]: {filename}/x.md", "[a][r]\n\n[r]: %7Bfilename%7D/x.md"),
        # A brace after the URL is text, escaped.
        ("[a](https://x.example/) {b}", "[a](https://x.example/) \\{b}\u200b"),
    ],
)
def test_braces_and_bars_in_a_link_target_are_percent_encoded(text: str, expected: str) -> None:
    assert clean_markdown(text, str) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a](page.html)", '<a href="page.html">a</a>'),
        ('![p](p.png "Titre")', '<img src="p.png" alt="p" title="Titre" />'),
        ("[a **b** [c]](../x.md)", '<a href="../x.md">a **b** [c]</a>'),
        ('[q](a"b.html)', '<a href="a%22b.html">q</a>'),
        ("[r][n] [n]\n\n[n]: n.html", '<a href="n.html">r</a> <a href="n.html">n</a>\n\n'),
        # Left to MkDocs: links it leaves alone, and what is no link.
        ("[a](https://x.org/a.html) [b](#c) [d](/e) [f](?g) [h](//i.org/j)", None),
        ("\\[a](page.html) `[b](page.html)`", None),
        ("```\n[a](page.html)\n```", None),
        ("    [a](page.html)", None),
        ("[a]\n\n[b](page.html)", '[a]\n\n<a href="page.html">b</a>'),
        # A backtick escaped opens no code span (the cleaning escapes a lone one so).
        ("a \\` [b](page.md) \\`\\`", 'a \\` <a href="page.md">b</a> \\`\\`'),
        # A span as Python-Markdown reads it: "```a``" holds "`a", the link is text.
        ("```a`` [b](c.md) `` d", '```a`` <a href="c.md">b</a> `` d'),
        ("`a\n[b](c.md)` d", None),  # a span across the paragraph's lines
        ("`a\n- [b](c.md)` d", None),  # a list item's marker, no list after a paragraph
        ("- `a\n- [b](c.md)` d", '- `a\n- <a href="c.md">b</a>` d'),  # not into the next item
        ("`a\n> [b](c.md)` d", '`a\n> <a href="c.md">b</a>` d'),  # nor into a quote
        ("``a` [b](c.md) `` ```", None),  # "``" closes "``"
        ("```a` [b](c.md) ``", None),  # the longest shorter run, wanting "```"
        ("```a [b](c.md) ````", '```a <a href="c.md">b</a> ````'),  # "```" text: no shorter run
        # A title follows a blank: "(> )" is none, the target no target.
        ("[a]((> ))", "[a]\\((> ))"),
        # A definition on the next line, in a quote, that only Python-Markdown reads.
        ("[r]:\n> \t[r]:[a]\\(", "[r]:\n> \t\\[r]:[a]\\("),
        # A reference in a link's address is none ("[r]" is the address).
        ("[a]([r])\n[r]: p.md", '<a href="&#91;r&#93;">a</a>\n'),
        # A link holds no link: CommonMark reads the outer one as text.
        ("[a [b](c.md) d](e.md)", '[a <a href="c.md">b</a> d]\\(e.md)'),
        ("[a [b](https://x.org) d](e.md)", "[a [b](https://x.org) d]\\(e.md)"),
        # What CommonMark reads as text is no link to Python-Markdown either.
        ("[a](une page.html)", "[a]\\(une page.html)"),
        ("[a](\tx y\nz) [b](https://x.org)", "[a]\\(\tx y\nz) [b](https://x.org)"),
        # What CommonMark reads: an address with brackets, parentheses in pairs, a title.
        ("[a]([b](https://x.org))", '<a href="&#91;b&#93;(https://x.org)">a</a>'),
        (
            "[w](https://x.org/T_(r)) [a](p(1).md (t))",
            '[w](https://x.org/T_(r)) <a href="p(1).md" title="t">a</a>',
        ),
        ('[a][r]\n\n[r]: p.md\n  "t"', '<a href="p.md" title="t">a</a>\n\n'),
        ('![i](x.png "t](y z)")', '<img src="x.png" alt="i" title="t&#93;(y z)" />'),
        ("`[a](b c)` ```\n[g](h i)\n```", None),
        # The address as Markdown reads it: a browser took "page\\_1" for "page/_1".
        ("[a](page\\_1.html) [b](\\*)", '<a href="page_1.html">a</a> <a href="*">b</a>'),
        ("[a](\\/x)", None),  # "/x", from the site's root
        # An address in angle brackets (a fediverse handle's link is written so): a
        # target, its "(" not escaped (the page showed "[@ines@piaille.fr](" round a link).
        ("[@ines@piaille.fr](<https://piaille.fr/@ines>)", None),
        ('[a](<https://x.org/a b> "t") [b](<>)', None),
        ('[a](<une page.html> "t")', '<a href="une%20page.html" title="t">a</a>'),
        ("[a](<p\\>q.md>)", '<a href="p&#62;q.md">a</a>'),
        ("[a](<p\nq.md>)", "[a]\\(<p\nq.md>)"),  # no line break in brackets
    ],
)
def test_mkdocs_gets_a_guests_relative_links_as_html(text: str, expected: str | None) -> None:
    """MkDocs takes a relative link for one to its own docs (and aborts ``--strict`` on
    one it does not find): written as HTML, which it leaves alone. Python-Markdown reads
    a link where CommonMark reads text: left text. Code is code."""
    assert mkdocs_links.guest_links_for_mkdocs(text) == (text if expected is None else expected)


LINK_PIECES = ["[a](", "](", "[", "]", "(", ")", "p.md", " ", "\n", "\n\n", "`", "``", "```"]
LINK_PIECES += ["\\", "<", ">", '"', "!", "https://x.org", ":", "- ", "    ", "{filename}", "*"]
LINK_PIECES += ["[r]", "\n[r]: p.md", "'", "~~~", "> ", "1. ", "\t", "<p.md>", "&amp;"]
LINK_PIECES += ["\n> ", "\n# ", "\n---\n", "\n- ", "\n1. ", "\n===", "![i](", "\n    ", "\n```\n"]
LINK_PIECES += ["\\`", "\\\\", "p q", "[r][r]", "[r]:"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=25))
def test_python_markdown_reads_no_relative_link_in_a_guests_text_for_mkdocs(
    parts: list[str],
) -> None:
    """Every link to a relative address Python-Markdown reads in a guest's text, which
    MkDocs would take for one to its own docs (``--strict`` stops on one not found),
    was written as HTML, which it leaves alone; whatever the text."""
    markdown = pytest.importorskip("markdown")
    from markdown.treeprocessors import Treeprocessor

    found: list[str] = []

    class Links(Treeprocessor):
        def run(self, root: object) -> None:
            for element in root.iter():  # type: ignore[attr-defined]
                url = element.get({"a": "href", "img": "src"}.get(element.tag, ""), "")
                found.append(url.strip())

    reader = markdown.Markdown(extensions=["toc", "tables", "fenced_code", "attr_list"])
    reader.treeprocessors.register(Links(reader), "links", 0)
    reader.convert(mkdocs_links.guest_links_for_mkdocs(clean_markdown("".join(parts), str)))
    assert not [url for url in found if url and mkdocs_links._relative(url)], found
