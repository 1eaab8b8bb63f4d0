"""What a static site generator would run in a post's body, written so it shows as text.

Text is inert already: :func:`jeudis.export.cleaning.inert_braces` escapes the
braces that open Liquid, shortcodes and attribute lists. Code is shown as
written, so it cannot be escaped the Markdown way; yet Jekyll runs Liquid, and
Hugo and Zola run shortcodes, over the whole body before Markdown is read, code
included. A guest's ``{{< youtube x >}}`` in a code block would stop Hugo's
build; a ``{% include %}`` would run in Jekyll. Each generator has its own way
of writing its syntax as text, used here on everything but the front matter:

- Jekyll (Liquid): ``{{`` and ``{%`` are written as Liquid strings, ``{{ "{{" }}``.
- Hugo: a shortcode is written as a comment shortcode, ``{{</* x */>}}``, which
  Hugo shows as ``{{< x >}}``. An opener with no closer after it takes a
  zero-width space (``{{\u200b<``), for Hugo rejects any ``{{<`` it cannot read.
- Zola: a shortcode call, ``{{ name(key=value) }}`` or ``{% name() %}…{% end %}``,
  is written ``{{/* name(key=value) */}}``. A start or an end left unpaired takes a
  zero-width space (``{%\u200b end %}``): Zola stops its build at one. Anything else
  is text to Zola already.
- MkDocs and Pelican (Python-Markdown): PyMdown's Snippets, when a site turns it
  on, reads each line holding a ``--8<--`` marker first, code included; the
  marker takes a zero-width space (``--8\u200b<--``). A heading's no-break spaces
  are written as character references, which its table of contents keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

ZWSP = "\u200b"


def jekyll(body: str) -> str:
    """Liquid's delimiters written as Liquid string outputs."""
    if "{{" not in body and "{%" not in body:
        return body
    return _LIQUID_OR_ZOLA.sub(lambda m: '{{ "' + m.group() + '" }}', body)


_LIQUID_OR_ZOLA = re.compile(r"\{[{%]")  # what opens Liquid, and Zola's shortcodes


def jekyll_after_excerpt(body: str) -> str:
    """The part of a post after its excerpt divider, each line of its code blocks that
    Jekyll would take for a link's definition parted by a zero-width space before its colon.

    Jekyll adds to the excerpt it renders apart every line after the divider that reads
    as a definition to it (its ``MKDWN_LINK_REF_REGEX``), code included, where it is
    Markdown again: a guest's ``[^1]: [j](javascript:…)`` shown as code became a live
    link on the list of posts. In text the cleaning has escaped such a line already.
    """
    if "]:" not in body:
        return body
    return ANY_FENCE.sub(lambda block: _KRAMDOWN_REF.sub(r"\1" + ZWSP, block.group()), body)


_KRAMDOWN_REF = re.compile(r"^( {0,3}\[[^\]]+\])(?=:.)", re.MULTILINE)  # Jekyll's, to ":"
# A fenced code block wherever a generator may read one: in a list item, a block quote.
ANY_FENCE = re.compile(
    r"^[ \t>*+0-9.)-]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t>]*\1[ \t]*$", re.MULTILINE | re.DOTALL
)
_HUGO_OPEN = re.compile(r"\{\{([<%])")


def hugo(body: str) -> str:
    """Each ``{{<``…``>}}`` and ``{{%``…``%}}`` as a comment shortcode, shown as written."""
    if "{{<" not in body and "{{%" not in body:
        return body
    return _rewrite(body, _HUGO_OPEN, _hugo_shortcode)


def _hugo_shortcode(body: str, found: re.Match[str]) -> tuple[str, int]:
    kind = found.group(1)
    closer = (">" if kind == "<" else "%") + "}}"
    close = body.find(closer, found.end())
    if close == -1:
        return "{{" + ZWSP + kind, found.end()
    # Hugo shows "{{<" + what lies between "/*" and the first "*/>}}" + ">}}".
    return "{{" + kind + "/*" + body[found.end() : close] + "*/" + closer, close + len(closer)


def _rewrite(
    body: str, opener: re.Pattern[str], step: Callable[[str, re.Match[str]], tuple[str, int]]
) -> str:
    """``body`` with what starts at each ``opener`` rewritten by ``step``.

    ``step`` returns what to write instead, and where in ``body`` to go on from.
    """
    out: list[str] = []
    pos = 0
    while found := opener.search(body, pos):
        written, end = step(body, found)
        out += [body[pos : found.start()], written]
        pos = end
    out.append(body[pos:])
    return "".join(out)


def python_markdown(body: str) -> str:
    """Each Snippets marker (``-8<-``, any run of dashes) broken, shown as written;
    so is each ``<![``; the no-break spaces of a heading as ``&#8239;`` and ``&#160;``.

    Snippets replaces a ``--8<-- "file"`` line with that file of the site, drops a
    ``--8<-- [start:name]`` marker and the ``;`` escaping one. MkDocs reads the whole
    body with Python's ``html.parser`` for its anchors, code included, which stops
    on a ``<![`` that opens no CDATA section (``AssertionError: unknown status
    keyword``: the site's build fails). In text a ``<`` is ``&lt;`` already: only
    code holds either. The table of contents (MkDocs's side bar) names each heading
    with its spaces folded (``str.split``), French typography's no-break spaces too:
    ``Twitter ?`` broke before its ``?`` there.
    """
    if "8<-" in body:
        body = _SNIPPET_MARKER.sub(ZWSP + "<", body)
    if "<![" in body:
        body = body.replace("<![", "<!" + ZWSP + "[")
    if "\u202f" in body or "\xa0" in body:
        body = _outside_fences(body, _HEADING, _referenced)
    return body


_SNIPPET_MARKER = re.compile(r"(?<=-8)<(?=-)")
_HEADING = re.compile(r"^#{1,6}[ \t][^\n]*", re.MULTILINE)
# A fenced code block as a post writes one: closed by the same marks, at a line's start.
_FENCED = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)


def _referenced(heading: re.Match[str]) -> str:
    return heading.group().replace("\u202f", "&#8239;").replace("\xa0", "&#160;")


def _outside_fences(
    body: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> str:
    """``pattern`` replaced in ``body`` but in its fenced code blocks."""
    out: list[str] = []
    pos = 0
    for fence in _FENCED.finditer(body):
        out += [pattern.sub(replace, body[pos : fence.start()]), fence.group()]
        pos = fence.end()
    out.append(pattern.sub(replace, body[pos:]))
    return "".join(out)


# Zola's shortcode grammar (its content.pest): keyword arguments only, literals
# being strings, booleans, numbers and arrays of literals (nested arrays: one level).
_WS = r"[ \t\r\n]*"
_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_SCALAR = r"""(?:"[^"]*"|'[^']*'|`[^`]*`|true|false|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"""
_INNER_ARRAY = rf"\[{_WS}(?:{_SCALAR}{_WS},{_WS})*(?:{_SCALAR})?{_WS}\]"
_LITERAL = rf"(?:{_SCALAR}|\[{_WS}(?:(?:{_SCALAR}|{_INNER_ARRAY}){_WS},{_WS})*(?:{_SCALAR}|{_INNER_ARRAY})?{_WS}\])"
_KWARG = rf"{_IDENT}{_WS}={_WS}{_LITERAL}"
_CALL = rf"{_IDENT}{_WS}\({_WS}(?:{_KWARG}(?:{_WS},{_WS}{_KWARG})*)?{_WS}\)"


@cache
def _zola_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Zola's inline call, a body's start and its end: compiled when a Zola post needs
    them (15 ms, which every export paid at start-up, HTML included)."""
    return (
        re.compile(rf"\{{\{{({_WS}{_CALL}{_WS})\}}\}}"),
        re.compile(rf"\{{%({_WS}{_CALL}{_WS})%\}}"),
        re.compile(rf"\{{%({_WS}end{_WS})%\}}"),
    )


def zola(body: str) -> str:
    """Each shortcode call in Zola's own ignored form, which Zola shows as written."""
    if "{{" not in body and "{%" not in body:
        return body
    return _rewrite(body, _LIQUID_OR_ZOLA, _zola_shortcode)


def _zola_shortcode(body: str, found: re.Match[str]) -> tuple[str, int]:
    at = found.start()
    if body.startswith(("{{/*", "{%/*"), at):
        # Already in the ignored form: Zola would drop the comment marks.
        return body[at : at + 2] + ZWSP, at + 2
    inline, opening, ending = _zola_patterns()
    if call := inline.match(body, at):
        return "{{/*" + call.group(1) + "*/}}", call.end()
    start = opening.match(body, at)
    end = ending.search(body, start.end()) if start else None
    if start and end and "{%" not in body[start.end() : end.start()]:
        # A shortcode with a body: its start and its end, both ignored.
        inner = body[start.end() : end.start()]
        return f"{{%/*{start.group(1)}*/%}}{inner}{{%/*{end.group(1)}*/%}}", end.end()
    if start or ending.match(body, at):
        # A start with no end of its own, an end with no start: Zola stops at either
        # (and at a start inside another's body), but not once "{%" is parted.
        return body[at : at + 2] + ZWSP, at + 2
    return body[at : at + 2], at + 2
