"""A roundup as a post: Markdown or HTML, through the export layer (see :mod:`jeudis.roundup`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from jeudis import roundup_chart
from jeudis.errors import UsageError
from jeudis.roundup import FORMATS

if TYPE_CHECKING:
    from collections.abc import Callable

    from markupsafe import Markup

    from jeudis.paths import Series
    from jeudis.roundup import Entry, Roundup


def render(
    series: Series,
    roundup: Roundup,
    fmt: str,
    *,
    fragment: bool = False,
    wordpress: bool = False,
    flavor: str | None = None,
) -> str:
    """The roundup post, through the export layer's Markdown, typography and templates.

    ``fragment``: its HTML body alone, to paste into a CMS, as ``export --fragment``
    writes a post's (``wordpress``: in a ``wp:html`` block), shortcodes made text.
    ``flavor``: Markdown for that static site generator (see :func:`_markdown`).
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: use " + ", ".join(FORMATS))
    from markupsafe import Markup

    from jeudis.dates import date_formatter
    from jeudis.export import cleaning, markup, templating
    from jeudis.export.model import english_answer
    from jeudis.export.render import for_cms, one_line_paragraphs, words_for
    from jeudis.export.typography import fix_html, fix_text, series_variant

    variant = series_variant(roundup.language, series.settings)

    def text(value: str, variant: str = variant) -> str:
        return fix_text(value, variant)

    def md(value: str, variant: str = variant) -> str:
        """Text inert in Markdown, set as the HTML sets it."""
        return cleaning.inline_text(text(value, variant))

    def typeset(variant: str) -> Callable[[str], str]:
        return lambda value: fix_text(value, variant)

    items = []
    # A returning guest's two headings, and their rows of the chart, read the same else.
    names = roundup.names(date_formatter(roundup.language))
    for entry, name in zip(roundup.entries, names, strict=True):
        said = markup.headings_below(entry.text)  # under each guest's h2
        # What the guest read and wrote is set as their interview's post sets it.
        theirs = series_variant(entry.said_in, series.settings) if entry.said_in else variant
        own = _own_language(entry, roundup.language)
        answer = english_answer(
            Markup(fix_html(markup.to_html(said), theirs)), entry.value, roundup.language
        )
        items.append(
            {
                "guest": text(name),
                "guest_md": md(name),
                "name": text(entry.guest),
                "href": entry.href,
                "link": templating.md_url(entry.href),  # the Markdown link's target
                "attributes": "",  # the heading's, in Markdown
                "asked": text(entry.asked, theirs),
                "asked_md": md(entry.asked, theirs),
                "reworded": entry.reworded,
                "language": own,
                "html": _marked(answer, entry.value, own),
                "markdown": cleaning.clean_markdown(said, typeset(theirs)),
                "date": entry.date.isoformat(),
            }
        )
    fragment = fragment or wordpress
    chart = (
        "" if fmt == "md" else roundup_chart.bar_chart(roundup, styled=fragment, variant=variant)
    )
    context = {
        "roundup": roundup,
        "title": text(roundup.title),
        "title_md": md(roundup.title),
        "subtitle": text(roundup.subtitle),
        "heading": text(roundup.heading),
        "heading_md": md(roundup.heading),
        "question": text(roundup.question),
        "question_md": md(roundup.question),
        "items": items,
        "chart": Markup(chart),
        "blog": str(series.settings.get("blog") or roundup.series),
        "read": words_for(roundup.language)["read"],
    }
    if fmt == "md":
        context["chart_md"] = roundup_chart.markdown_chart(roundup, md)
        return _markdown(series, roundup, context, flavor)
    if not fragment:
        return markup.keyboard_scrolled(templating.render(series.root, "roundup.html", **context))
    html = one_line_paragraphs(templating.render(series.root, "roundup-fragment.html", **context))
    return for_cms(html, wordpress=wordpress)


def _own_language(entry: Entry, language: str) -> str:
    """The language of ``entry``'s interview where a reader hears it apart from the
    roundup's (``language``), as a post marks a part of it (English words in a post of
    another language): another language (an English guest's in a French series), or
    the same of a region or script the roundup's does not name (``fr-CA`` in an ``fr``
    roundup, or an ``fr-FR`` one). Else empty: French of no region reads as the ``fr-CA``
    roundup around it (a questionnaire's ``fr`` made ``fr-CA`` after its interviews)."""
    own, around = _subtags(entry.said_in), _subtags(language)
    return "" if own == around[: len(own)] else entry.said_in


def _subtags(tag: str) -> list[str]:
    return tag.lower().replace("_", "-").split("-")


def _marked(html: Markup, value: Any, language: str) -> Markup:
    """An answer's HTML marked as in ``language`` (``lang``), the interview's, where it is
    the guest's text: a date, a number, yes or no are written in the roundup's."""
    if not language or isinstance(value, bool | int | float | dt.date):
        return html
    from markupsafe import Markup

    return Markup('<div lang="{}">\n{}\n</div>').format(language, html.strip("\n"))


_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_-]+")


def _markdown(series: Series, roundup: Roundup, context: dict[str, Any], name: str | None) -> str:
    """The roundup as a post of ``name``'s generator, as ``export`` writes the interviews':
    its front matter, its guests' text inert to it, each link to an interview one it
    resolves to that interview's post (:attr:`Flavor.ref`).

    The links are put in after the body is made inert, each in the place of a mark no
    guest can write (drawn at random): the generator's own syntax, which is live.
    """
    import secrets
    from dataclasses import replace

    from jeudis.export import frontmatter, templating
    from jeudis.export.mkdocs_links import guest_links_for_mkdocs
    from jeudis.export.model import og_locale
    from jeudis.export.render import DIVIDER, guarded, tidy

    flavor = frontmatter.flavor(name)
    date = roundup.date
    published = dt.datetime.combine(date, dt.time(8), tzinfo=dt.UTC)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if now.date() == date and now < published:  # Hugo and Jekyll leave out a post to come
        published = now
    page = frontmatter.Page(
        title_text=context["heading"],
        date=date,
        published=published,
        slug=roundup.slug,
        series=roundup.series,
        description=context["question"],
        language=roundup.language,
        host=roundup.host,
        tags=(roundup.questionnaire,),
        locale=og_locale(roundup.language),
    )
    front_matter = frontmatter.page_front_matter(name, page)
    nonce = secrets.token_hex(8)
    links = {}
    for index, (item, entry) in enumerate(zip(context["items"], roundup.entries, strict=True)):
        if flavor.ref is not None:
            item["link"] = f"jeudis{nonce}x{index}x"
            links[item["link"]] = flavor.ref(entry)
        if flavor.name == "hugo":  # its own, from a heading holding a shortcode, is the
            # shortcode's placeholder: "amelie-rouxhahahugoshortcode0hbhb" (gohugoio/hugo#8962)
            item["attributes"] = " {#" + (_NOT_IN_ID.sub("-", entry.slug).strip("-") or "x") + "}"
        item["markdown"] = flavor.dialect(item["markdown"])
        if flavor.name == "mkdocs":  # a guest's relative link, which MkDocs would take for its own
            item["markdown"] = guest_links_for_mkdocs(item["markdown"])
    text = templating.render(
        series.root,
        "roundup.md",
        **context,
        front_matter=front_matter,
        flavor=flavor.name,
        divider=DIVIDER if flavor.divider else "",
    )

    def front_for(divider: str) -> str:
        return frontmatter.page_front_matter(name, replace(page, excerpt_separator=divider))

    if DIVIDER in text:  # Jekyll is told of the divider (its excerpt: else the first block)
        told = front_for(flavor.divider)
        text, front_matter = text.replace(front_matter, told, 1), told
    text = guarded(flavor, text, front_matter, front_for)
    for mark, link in links.items():
        text = text.replace(mark, link)
    return tidy(text)
