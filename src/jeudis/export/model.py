"""What templates receive: an interview turned into a post, text made safe.

A :class:`Post` holds plain strings (escaped later by Jinja's autoescape, or
quoted by the front matter writers) and HTML fragments already rendered and
sanitized (``Markup``). Private host notes are never copied into it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from jeudis.answers import site_address
from jeudis.dates import date_formatter
from jeudis.errors import clip
from jeudis.export import cleaning, markup
from jeudis.export.excerpt import excerpt
from jeudis.export.typography import fix_text, label_colon, series_variant
from jeudis.export.values import bullets_as_items, clean, value_markdown
from jeudis.followups import stands_alone
from jeudis.interview import Answer, Interview
from jeudis.photos import IMAGE_SUFFIXES, as_on_disk, refusal
from jeudis.profiles import NETWORKS, Profile
from jeudis.wording import english_instead, first_name, post_language, right_to_left

# A post's og:locale, for a tag with no region, in a language jeudis writes posts in:
# its most likely territory, as CLDR's likely subtags say (Portuguese is Brazil's).
DEFAULT_LOCALES = {
    "fr": "fr_FR",
    "en": "en_US",
    "de": "de_DE",
    "es": "es_ES",
    "it": "it_IT",
    "nl": "nl_NL",
    "pt": "pt_BR",
}


@dataclass
class Item:
    """One question and its answer, ready for a template."""

    id: str
    anchor: str
    number: int | None
    followup: bool
    question: str  # plain text, typography applied
    question_raw: str
    html: str  # sanitized HTML, typography applied
    markdown: str  # cleaned Markdown, typography applied


@dataclass
class Link:
    """A post's link to an older or newer one: its title and guest's name as written, and
    with typography (``title_text``, ``guest_text``), as the linking post sets its text."""

    slug: str
    title: str
    guest: str
    href: str
    title_text: str = ""
    guest_text: str = ""


@dataclass
class Post:
    id: str  # the interview's, which never changes (the feed's entry, WordPress's guid)
    slug: str
    title: str
    title_text: str  # the title with typography, for element text
    guest: str
    guest_first: str
    host: str
    host_first: str
    guest_text: str  # the guest's name with typography, for element text
    host_text: str  # the host's name with typography, for element text
    questionnaire: str
    series: str  # as typed: a category's name, from which generators make its address
    series_text: str  # with typography, for element text
    style: str
    language: str
    locale: str
    date: dt.date
    date_text: str
    published: dt.datetime
    updated: dt.datetime
    draft: bool
    description: str
    description_text: str  # the description with typography, for element text
    intro_html: str
    intro_markdown: str
    closing_html: str
    closing_markdown: str
    photo: str
    photo_alt: str
    site: str
    twitter: str  # the guest's handles, each without its first @ ("" without one)
    tags: list[str]
    items: list[Item]
    href: str = ""
    url: str = ""
    index_href: str = "index.html"  # its index: its questionnaire's, when there are several
    photo_url: str = ""  # the photo's absolute URL when the site's base URL is known
    photo_source: str = ""  # a site's: the photo file in the series, even if missing
    prev: Link | None = None
    next: Link | None = None
    typography: str = "off"
    host_label: str = ""
    guest_label: str = ""
    note: str | None = None  # for the host: what the export left out, and why
    # The description is an answer jeudis writes in English (a date, yes or no) in a
    # post of a language it has no words for: never now that a description is taken
    # from an answer in words; kept false for the templates (a series' own) that ask.
    description_english: bool = False
    former_slugs: tuple[str, ...] = ()  # its names before a rename: its site leads them here
    mastodon: str = ""  # ines@piaille.fr: any fediverse account
    mastodon_url: str = ""
    bluesky: str = ""  # ines.bsky.social
    bluesky_url: str = ""

    @property
    def page_file(self) -> str:
        """The post's page in a site folder; its link is :attr:`href` (the same, URL-quoted)."""
        return f"{self.slug}.html"

    @property
    def twitter_url(self) -> str:
        """The guest's Twitter (X) profile, from the handle (empty without one)."""
        return f"https://x.com/{self.twitter}" if self.twitter else ""

    @property
    def profiles(self) -> list[tuple[str, str, str]]:
        """The guest's profiles: each network's name, the handle as shown, the address."""
        found = [
            ("Twitter", self.twitter, self.twitter_url),
            ("Mastodon", self.mastodon, self.mastodon_url),
            ("Bluesky", self.bluesky, self.bluesky_url),
        ]
        return [(network, f"@{handle}", url) for network, handle, url in found if handle]

    @property
    def local_photo(self) -> str:
        """The photo when it is a file of the series (a path, not a URL), else ""."""
        return self.photo if "://" not in self.photo else ""

    @property
    def photo_href(self) -> str:
        """The link to :attr:`photo` from the post's page (see :func:`photo_href`)."""
        return photo_href(self.photo)

    def keep_photo_in(self, root: Path) -> str | None:
        """Leave out a photo the series cannot publish; say why (None when it is kept).

        A photo is a web address or an image file of the series folder, named from
        it (``images/gilles-klein.jpg``). A path leaving the folder (``/home/...``,
        ``../``, ``~``) or naming another kind of file (an interview, with its
        private notes) is never copied into a site, for an interview file may come
        from someone else (an imported answer sheet); a link to it would be broken.
        Nor is an SVG that could run script on the blog (:func:`jeudis.photos.svg_hazard`),
        nor a file that is not there: a post must not show a broken image.
        """
        local = self.local_photo
        if local and (spelt := as_on_disk(root, local)) != local:
            self.photo = local = spelt
        why = refusal(root, local) if local else None
        if why is None:
            if not local or (root / local).is_file():
                return None
            self.photo = self.photo_url = ""
            return f"warning: {self.slug}: photo {clip(local)} left out: no such file"
        if why == "not in the series folder":
            name = clip(PurePath(local).name)
            why = f'it is {why} (copy it to images/{name} there and write photo = "images/{name}")'
        elif why == "not an image":
            why += " (" + ", ".join(sorted(IMAGE_SUFFIXES)) + ")"
        elif why.startswith("a link"):  # copied as it is, the link would lead there again
            why += " (put the image itself in its place)"
        elif not why.startswith("out of reach"):  # an SVG that could act when opened on its own
            why += "; save it as PNG, JPEG or WebP"
        self.photo = self.photo_url = ""
        return f"warning: {self.slug}: photo {clip(local)} left out: {why}"

    @property
    def html_body(self) -> str:
        """The answers' HTML, joined (what a feed or an excerpt uses)."""
        return "\n".join(item.html for item in self.items)


def page_href(slug: str) -> str:
    """The link to an interview's page: its file name, quoted for a URL.

    A slug comes from the interview's file name, which a host may have given by
    hand ("Gilles Klein.toml", "Q&A #2.toml"): a space, "#" or "?" would break it.
    """
    return quote(f"{slug}.html")


def photo_href(photo: str) -> str:
    """The link to a photo: a file of the series quoted for a URL, as a page's is
    (``images/Paul #2.jpg`` would end at its "#"); a web address as it was written."""
    return photo if "://" in photo else quote(photo)


def link_to(slug: str, title: str, guest: str, variant: str) -> Link:
    """The link to the post ``slug``, from a post whose typography is ``variant``."""
    title_text = fix_text(" ".join(clean(title).split()), variant)
    return Link(slug, title, guest, page_href(slug), title_text, fix_text(clean(guest), variant))


def og_locale(language: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a language tag: "fr_CA" for "fr-CA", "fr_FR"
    for "fr", "de_DE" for "de"; "" when it cannot be told ("sv": no territory to name, and
    none is guessed for a language jeudis writes no posts in)."""
    primary, *rest = language.replace("_", "-").split("-")
    region = next((part for part in rest if len(part) == 2 and part.isalpha()), "")
    if region:
        return f"{primary.lower()}_{region.upper()}"
    return DEFAULT_LOCALES.get(primary.lower(), "")


def english_marks(language: str) -> str:
    """The attributes marking jeudis's own English (its words around a post, a date, yes
    or no) in the HTML of a post in ``language``, a language it has no words for (see
    :func:`jeudis.wording.english_instead`): ``lang="en"``, so that a screen reader reads
    "Previous interview" as English, not with Polish's or Japanese's sounds, and
    ``dir="ltr"`` in a page written from right to left, so that "Previous interview:"
    keeps its colon at its end. None in a language jeudis writes posts in."""
    if not english_instead(language):
        return ""
    return ' lang="en" dir="ltr"' if right_to_left(language) else ' lang="en"'


def in_english(text: str, language: str) -> Markup:
    """``text``, jeudis's English in a post in ``language``, as HTML: in a ``<span>``
    marked as English where :func:`english_marks` says so, else as it is (escaped).
    The ``english`` filter of the templates."""
    marks = english_marks(language)
    return Markup(f"<span{marks}>{{}}</span>").format(text) if marks else escape(text)


def english_answer(html: Markup, value: Any, language: str) -> Markup:
    """An answer's HTML, a date or yes or no jeudis writes in English marked so
    (:func:`english_marks`): the words of the answer's one paragraph in a ``<span>``."""
    found = _ONE_PARAGRAPH.fullmatch(html) if english_value(value, language) else None
    if found is None:
        return html
    return Markup(f"{found[1]}<span{english_marks(language)}>{found[2]}</span>{found[3]}")


# The answers a description may be taken from: written in words.
PROSE = ("long", "text")


def english_value(value: Any, language: str) -> bool:
    """Whether jeudis writes an answer ``value`` in English in a post in ``language``:
    a date or yes or no, in a language it has no words for."""
    return isinstance(value, bool | dt.date) and english_instead(language)


_ONE_PARAGRAPH = re.compile(r"(<p>)([^<]+)(</p>\s*)")


def _field(interview: Interview, key: str) -> str:
    value = interview.fields.get(key)
    return clean(value).strip() if isinstance(value, str) else ""


def _under(answer: Answer) -> int:
    """The level of a guest's highest heading in ``answer``: under its question's."""
    return 4 if answer.followup and not stands_alone(answer) else 3


def build_post(interview: Interview, settings: dict[str, Any]) -> Post:
    """The post for one interview; ``settings`` are the series' (``jeudis.toml``)."""
    series_language = str(settings.get("language") or "fr")
    language = post_language(interview.language or series_language, series_language)
    variant = series_variant(language, settings)

    def text(value: str) -> str:
        return fix_text(value, variant)

    host = clean(interview.host or str(settings.get("host") or ""))
    guest = clean(interview.guest)
    title = " ".join(clean(interview.title).split())
    given = [a for a in interview.answers if a.given]
    intro = bullets_as_items(_field(interview, "intro"))
    closing = bullets_as_items(_field(interview, "closing") or _field(interview, "outro"))
    # Typography goes into the Markdown (code and URLs left alone), then one
    # cmark call renders every answer, the intro, the closing words, and the text
    # the description is taken from: as written, for typography is for element
    # text, not for attributes.
    sources = [*(value_markdown(a, language) for a in given), intro, closing]
    cleaned, for_html = cleaning.clean_markdown_both(sources, text)
    described = _field(interview, "description")
    # The first answer in words, not a date, a number, a yes or a choice: a post's
    # description ("March 3, 1999") said nothing of it, in search results and shares.
    prose = next((index for index, a in enumerate(given) if a.type in PROSE), None)
    first = "" if described else intro or (sources[prose] if prose is not None else "")
    first_source = cleaning.clean_markdown_both([first], str)[1]
    *parts, first_html = markup.to_html_many([*for_html, *first_source])
    # A guest's headings go under the questions' (markup.headings_below): an h2 over an
    # answer (h3 over a follow-up's), none over the intro, the closing, nor a dialogue's
    # turns in Markdown, whose host's line is a bold one (in HTML, a heading).
    # Looked for in the HTML made (1.6 µs an answer), the rare one holding one made again.
    for index, html in enumerate(parts):
        if markup.HEADING_TAG.search(html):
            top = _under(given[index]) if index < len(given) else 2
            lowered = markup.headings_below(sources[index], top)
            again, again_html = cleaning.clean_markdown_both([lowered], text)
            cleaned[index], parts[index] = again[0], markup.to_html(again_html[0])
            if interview.style == "dialogue" and index < len(given):
                lowered = markup.headings_below(sources[index], 2)
                cleaned[index] = cleaning.clean_markdown_both([lowered], text)[0][0]
    rendered = [Markup(h) for h in parts]  # sanitized by cmark
    items: list[Item] = []
    number = 0
    for answer, source, html in zip(given, cleaned, rendered, strict=False):
        html = english_answer(html, answer.value, language)
        # A follow-up goes with the answer before it; an open interview's question
        # (question-N), written live too, stands alone: numbered as a fixed one is.
        in_place = answer.followup and not stands_alone(answer)
        if not in_place:
            number += 1
        question, question_text = _question(answer.question, variant)
        items.append(
            Item(
                id=answer.id,
                anchor=_anchor(answer.id),
                number=None if in_place else number,
                followup=in_place,
                question=question_text,
                question_raw=question,
                html=html,
                markdown=source,
            )
        )
    intro_html, closing_html = rendered[-2], rendered[-1]
    # None in words and no intro: the title, which says whose interview it is.
    description = described or excerpt(first_html, 160) or title
    photo = _field(interview, "photo")
    site = _field(interview, "site")
    mastodon, bluesky = _profile(interview, "mastodon"), _profile(interview, "bluesky")
    published = _published(interview)
    slug = interview.path.stem if interview.path else interview.slug
    series = interview.series or str(settings.get("blog") or "")
    host_text, host_first, host_label = _host_words(host, language, variant)
    return Post(
        id=interview.key,
        slug=slug,
        title=title,
        title_text=text(title),
        guest=guest,
        guest_first=first_name(guest, clean(interview.first_name)),
        host=host,
        host_first=host_first,
        guest_text=text(guest),
        host_text=host_text,
        questionnaire=interview.questionnaire,
        series=series,
        series_text=_same_text(series, variant),
        style=interview.style,
        language=language,
        locale=og_locale(language),
        date=interview.date,
        date_text=date_formatter(language)(interview.date),
        published=published,
        updated=_updated(interview, published),
        draft=not interview.is_complete,
        description=description,
        description_text=text(description),
        intro_html=intro_html,
        intro_markdown=cleaned[-2],
        closing_html=closing_html,
        closing_markdown=cleaned[-1],
        photo=photo if photo and markup.safe_url(photo) else "",
        note=(
            f"warning: {slug}: photo {clip(photo)} left out: not a web address nor a file of the series"
            if photo and not markup.safe_url(photo)
            else None
        ),
        photo_alt=guest,
        site=site_address(site) if markup.safe_url(site) else "",
        twitter=_profile(interview, "twitter").handle,
        former_slugs=tuple(s for s in interview.former_slugs if s != slug),
        mastodon=mastodon.handle,
        mastodon_url=mastodon.url,
        bluesky=bluesky.handle,
        bluesky_url=bluesky.url,
        tags=[t for t in (guest, interview.questionnaire) if t],
        items=items,
        typography=variant,
        host_label=host_label,
        guest_label=text(first_name(guest, clean(interview.first_name)))
        + label_colon(language, variant),
    )


def _published(interview: Interview) -> dt.datetime:
    """When a post is published: 08:00 UTC on its date (the same day from San Francisco
    to Tokyo), or when the interview was finished that day (in UTC), if earlier. A post
    finished at 7:30 and built at once was, to Hugo and Jekyll, one to come: left out.
    East of Japan, a post finished early on its day is one to come for some hours: its
    day in UTC began after it was finished, and dated then, a site built in UTC (Jekyll
    on a CI) showed it the day before.
    """
    published = dt.datetime.combine(interview.date, dt.time(8, 0), tzinfo=dt.UTC)
    done = interview.completed
    if done is not None and done.tzinfo is not None:
        done = done.astimezone(dt.UTC)
        if done.date() == interview.date and done < published:
            return done.replace(microsecond=0)
    return published


def _updated(interview: Interview, published: dt.datetime) -> dt.datetime:
    """When the post last changed: its interview's last change, if a later day than it
    was finished; else when it was published. An interview of 2011 entered today
    (``import``, ``new --date``) was finished today, and was changed then: its post
    said it updated today (Pelican's ``Modified``, Hugo's ``lastmod``, the feed's
    ``updated``), every post of a series moved into jeudis."""
    done = interview.completed
    # Days where it was finished (its offset recorded): a correction the same morning in
    # Sydney is on another day in UTC.
    if done is not None and interview.updated.astimezone(done.tzinfo).date() <= done.date():
        return published
    return max(interview.updated, published)


def _profile(interview: Interview, network: str) -> Profile:
    """The guest's profile on ``network``, blank for what no handle is (a hand edit's)."""
    return NETWORKS[network][1](_field(interview, network)) or Profile("", "")


# The host and the series are named alike on every post of a site: their typography and
# the host's first name are worked out once, not once a post.
@lru_cache(maxsize=256)
def _host_words(host: str, language: str, variant: str) -> tuple[str, str, str]:
    """The host's name with typography, first name, and label ("Gilles :")."""
    first = first_name(host)
    label = fix_text(first or "?", variant) + label_colon(language, variant)
    return fix_text(host, variant), first, label


@lru_cache(maxsize=256)
def _same_text(text: str, variant: str) -> str:
    """:func:`fix_text` of a text many posts share (the series' name)."""
    return fix_text(text, variant)


# Every interview of a questionnaire asks the same questions, with the same ids: a
# thousand-post site fixes and slugs each question once, not once per post.
@lru_cache(maxsize=4096)
def _question(question: str, variant: str) -> tuple[str, str]:
    """A question on one line, and the same with typography."""
    plain = " ".join(clean(question).split())
    return plain, fix_text(plain, variant)


@lru_cache(maxsize=4096)
def _anchor(answer_id: str) -> str:
    return "q-" + (re.sub(r"[^a-zA-Z0-9_-]+", "-", answer_id).strip("-") or "x")
