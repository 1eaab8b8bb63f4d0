"""What a static site generator would run in a post's body, written so it shows as text.

Text is inert already: :func:`jeudis.export.markup.inert_braces` escapes the
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
  is written ``{{/* name(key=value) */}}``; anything else is text to Zola already.
"""

from __future__ import annotations

import re

ZWSP = "\u200b"


def jekyll(body: str) -> str:
    """Liquid's delimiters written as Liquid string outputs."""
    if "{{" not in body and "{%" not in body:
        return body
    return _LIQUID.sub(lambda m: '{{ "' + m.group() + '" }}', body)


_LIQUID = re.compile(r"\{[{%]")
_HUGO_OPEN = re.compile(r"\{\{([<%])")


def hugo(body: str) -> str:
    """Each ``{{<``…``>}}`` and ``{{%``…``%}}`` as a comment shortcode, shown as written."""
    if "{{<" not in body and "{{%" not in body:
        return body
    out: list[str] = []
    pos = 0
    while found := _HUGO_OPEN.search(body, pos):
        kind = found.group(1)
        closer = (">" if kind == "<" else "%") + "}}"
        out.append(body[pos : found.start()])
        close = body.find(closer, found.end())
        if close == -1:
            out.append("{{" + ZWSP + kind)
            pos = found.end()
            continue
        # Hugo shows "{{<" + what lies between "/*" and the first "*/>}}" + ">}}".
        out.append("{{" + kind + "/*" + body[found.end() : close] + "*/" + closer)
        pos = close + len(closer)
    out.append(body[pos:])
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
_ZOLA_INLINE = re.compile(rf"\{{\{{({_WS}{_CALL}{_WS})\}}\}}")
_ZOLA_START = re.compile(rf"\{{%({_WS}{_CALL}{_WS})%\}}")
_ZOLA_END = re.compile(rf"\{{%({_WS}end{_WS})%\}}")
_ZOLA_OPEN = re.compile(r"\{[{%]")


def zola(body: str) -> str:
    """Each shortcode call in Zola's own ignored form, which Zola shows as written."""
    if "{{" not in body and "{%" not in body:
        return body
    out: list[str] = []
    pos = 0
    while found := _ZOLA_OPEN.search(body, pos):
        at = found.start()
        out.append(body[pos:at])
        if body.startswith(("{{/*", "{%/*"), at):
            # Already in the ignored form: Zola would drop the comment marks.
            out.append(body[at : at + 2] + ZWSP)
            pos = at + 2
        elif call := _ZOLA_INLINE.match(body, at):
            out.append("{{/*" + call.group(1) + "*/}}")
            pos = call.end()
        elif (start := _ZOLA_START.match(body, at)) and (
            end := _ZOLA_END.search(body, start.end())
        ):
            out.append("{%/*" + start.group(1) + "*/%}")
            out.append(body[start.end() : end.start()])
            out.append("{%/*" + end.group(1) + "*/%}")
            pos = end.end()
        else:
            out.append(body[at : at + 2])
            pos = at + 2
    out.append(body[pos:])
    return "".join(out)
