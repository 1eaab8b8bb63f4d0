"""The posts a series' templates are tried with (:mod:`jeudis.export.trial`).

The series' most recent post takes the branches it takes: a typo inside
``{% if post.next %}`` on the newest post, or ``{% if post.photo %}`` when it has
no photo, would wait for a later export to fail. So the trial renders the same
interview filled out too, every optional part there (an intro, a photo and its
caption, closing words, the guest's site and Twitter, a series, a follow-up, the
links to an older and a newer post, a site with a name, a description, an
address and a feed), in each style, once as a draft and once in another
language; and bare, with none of them, for the ``{% else %}`` of each. Every one
is a post as export makes it (:func:`build_post`, :meth:`SiteInfo.place`), so a
template right for every real post is right for these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from jeudis.export.model import Post, build_post, link_to, page_href
from jeudis.export.render import SiteInfo
from jeudis.interview import Answer, Interview
from jeudis.wording import primary_language

if TYPE_CHECKING:
    from jeudis.roundup import Roundup

# What the trial renders when the series has no interview yet: a little of everything
# a template may print (an intro, a site, a follow-up, a list, a number, a date).
SAMPLE = Interview(
    questionnaire="exemple",
    guest="Camille Exemple",
    slug="camille-exemple",
    title="Les jeudis de Camille Exemple",
    register="vous",
    host="Hôte",
    date=dt.date(2011, 4, 7),
    status="complete",
    fields={
        "intro": "Camille écrit *depuis longtemps*.",
        "site": "https://example.org",
        "twitter": "camille",
    },
    answers=[
        Answer("followers", "number", "Combien d'abonnés avez-vous ?", 8572),
        Answer("depuis", "date", "Depuis quand ?", dt.date(2009, 5, 1)),
        Answer("pourquoi", "long", "Pourquoi ?", "Pour lire :\n\n- des livres\n- la presse"),
        Answer("encore", "text", "Et encore ?", "Toujours.", followup=True),
    ],
)

# The host's fields an export prints, each given where the interview has none.
_FILLED = {
    "intro": "Camille écrit *depuis longtemps*.",
    "photo": "images/camille-exemple.jpg",
    "closing": "Son livre : [*Lire*](https://example.org/livre).",
    "site": "https://example.org",
    "twitter": "camille",
}
# Each style, a draft once, and a language other than the site's once.
_VARIANTS = (("numbered", False, False), ("dialogue", True, False), ("plain", False, True))


def filled_site(site: SiteInfo) -> SiteInfo:
    """``site`` with each setting a template may test given (its own kept where set)."""
    return replace(
        site,
        blog=site.blog or "Le blog",
        base_url=site.base_url or "https://example.org",
        description=site.description or "Les interviews du blog.",
        host=site.host or "Hôte",
        author_url=site.author_url or "https://example.org/hote",
        feed_href=site.feed_href or "feed.xml",
    )


def filled_posts(interview: Interview, settings: dict[str, Any], site: SiteInfo) -> list[Post]:
    """``interview`` filled out, as a post in each style, between an older and a newer one."""
    full = _filled(interview)
    other = "en" if primary_language(site.language) != "en" else "fr"
    posts = []
    for style, draft, foreign in _VARIANTS:
        post = build_post(
            replace(
                full,
                style=style,
                status="draft" if draft else "complete",
                language=other if foreign else full.language,
            ),
            settings,
        )
        post.slug = f"{post.slug}-{style}"  # three posts of one site: three pages
        site.place(post)
        post.prev = link_to("avant", "Les jeudis d’Alix Avant", "Alix Avant", post.typography)
        post.next = link_to("apres", "Les jeudis de Jo Après", "Jo Après", post.typography)
        posts.append(post)
    return posts


def bare_post(interview: Interview, settings: dict[str, Any], site: SiteInfo) -> Post:
    """``interview`` without the host's fields, its series, host or follow-ups: a post
    with none of the optional parts, alone in its series."""
    answers = [a for a in interview.answers if not a.followup] or [
        a for a in SAMPLE.answers if not a.followup
    ]
    bare = replace(interview, fields={}, series="", host="", status="complete", answers=answers)
    post = build_post(bare, {**settings, "blog": "", "host": ""})
    site.place(post)
    post.prev = post.next = None
    return post


def index_others(posts: list[Post]) -> list[dict[str, Any]]:
    """The other questionnaires' indexes a site of several lists on each index."""
    own = {"title": posts[0].series, "title_text": posts[0].series_text}
    other = {"title": "Autres interviews", "title_text": "Autres interviews"}
    return [
        {"href": f"index-{posts[0].questionnaire}.html", **own, "count": 3},
        {"href": "index-autre.html", **other, "count": 1},
    ]


def filled_roundup(posts: list[Post], site: SiteInfo, question: str) -> Roundup:
    """A roundup of ``posts`` as ``jeudis compare --title`` makes one: numbers (a chart),
    a question reworded for one guest, a title of its own, a series."""
    from jeudis import roundup

    entries = [
        roundup.Entry(
            guest=post.guest,
            slug=post.slug,
            date=post.date,
            asked=f"{question} (reformulée)" if index == 1 else question,
            value=value,
            text=str(value),
            href=site.url(page_href(post.slug)) or page_href(post.slug),
            reworded=index == 1,
            language=post.language,
        )
        for index, (post, value) in enumerate(zip(posts, (8572, 1200, 310), strict=False))
    ]
    language = posts[0].language
    return roundup.Roundup(
        questionnaire=posts[0].questionnaire,
        series=posts[0].series or site.blog,
        question_id="sample",
        question=question,
        title=roundup.answered(len(entries), language),
        language=language,
        entries=entries,
    )


def _filled(interview: Interview) -> Interview:
    """``interview`` with every host's field an export prints, a series, a host, an
    answer and a follow-up; what it has of them its own."""
    fields = dict(interview.fields)
    for key, value in _FILLED.items():
        if not (isinstance(fields.get(key), str) and fields[key].strip()):
            fields[key] = value
    answers = [a for a in interview.answers if a.given]
    if not any(not a.followup for a in answers):
        answers = [*SAMPLE.answers]
    if not any(a.followup for a in answers):
        answers.append(Answer("relance-essai", "long", "Et encore ?", "Toujours.", followup=True))
    return replace(
        interview,
        fields=fields,
        answers=answers,
        series=interview.series or "Les jeudis",
        host=interview.host or "Hôte",
    )
