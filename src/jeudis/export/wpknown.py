"""What WordPress's importer knows each post by, as the last WordPress file gave it.

The importer never updates a post: it looks a post up by its title and date
(``post_exists``), not by its ``guid``, and skips one it finds. A post retitled
since the blog imported it (a guest's name corrected, a questionnaire's title
changed) or dated anew is found by neither, and imported again: a second post
beside the first, which the host learnt of on the blog. So every WordPress file
jeudis writes, of one interview or of the series, records each post's title and
date in the series' cache, by the interview's id (which a new name leaves as it
was); the next one that gives a post another title or date says so.

A record missing, unreadable or of another shape is taken for none: nothing is
said, and the next file written records afresh.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jeudis.errors import FileProblem
from jeudis.files import write_atomic

if TYPE_CHECKING:
    from jeudis.export.model import Post
    from jeudis.paths import Series

RECORD = "wordpress.json"
SAID_APART = 3  # posts retitled or dated anew, each said in its line; more are one line


@dataclass(frozen=True)
class Known:
    """A post as the importer looks it up: its title and its date as the file gives it."""

    slug: str  # for the host, who knows the interview by it (not recorded)
    title: str
    date: str  # wp:post_date, "2011-06-30 08:00:00"

    @classmethod
    def of(cls, post: Post) -> Known:
        """As ``wxr.xml`` writes the post's title and date."""
        return cls(post.slug, post.title_text, post.published.strftime("%Y-%m-%d %H:%M:%S"))


class Imported:
    """The titles and dates the last WordPress files gave the series' posts, by id."""

    def __init__(self, series: Series) -> None:
        self.series = series
        self.known: dict[str, tuple[str, str]] = {}
        folder = series.cache_dir()
        if folder is None:
            return
        try:
            data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep
            return
        posts = data.get("posts") if isinstance(data, dict) else None
        if not isinstance(posts, dict):
            return
        for key, value in posts.items():
            if (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, str) for v in value)
            ):
                self.known[key] = (value[0], value[1])

    def see(self, posts: Mapping[str, Known]) -> list[str]:
        """What to tell the host of ``posts`` (by id) the importer would take for new
        ones; their titles and dates are taken, to be saved once the file is written."""
        moved = []
        for key, post in posts.items():
            was = self.known.get(key)
            if was is not None and was != (post.title, post.date):
                moved.append((post, *was))
        self.known.update((key, (post.title, post.date)) for key, post in posts.items())
        if len(moved) > SAID_APART:
            return [_many(moved)]
        return [_one(post, title, date) for post, title, date in moved]

    def save(self) -> None:
        """Best effort: without the record, the next WordPress file says nothing."""
        folder = self.series.cache_dir(make=True)
        if folder is None:
            return
        with contextlib.suppress(OSError, FileProblem):
            data = json.dumps({"posts": {k: list(v) for k, v in self.known.items()}})
            write_atomic(folder / RECORD, data, follow_links=False)


WHY = (
    "WordPress's importer, which finds a post by its title and date, would add {}"
    " as a second post beside the first"
)


def _one(post: Known, title: str, date: str) -> str:
    now, was = [], []
    if post.title != title:
        now.append(f"titled “{post.title}”")
        was.append(f"“{title}”")
    if post.date != date:
        shown = _dates(post.date, date)
        now.append(f"dated {shown[0]}")
        was.append(shown[1])
    what = " and ".join(["title"] * (post.title != title) + ["date"] * (post.date != date))
    return (
        f"warning: {post.slug}: {' and '.join(now)} in this WordPress file,"
        f" {' and '.join(was)} in the last one; {WHY.format('it')}: before importing, give the post"
        f" on the blog its new {what}, or delete it there"
    )


def _many(moved: list[tuple[Known, str, str]]) -> str:
    first, title, date = moved[0]
    if first.title != title:
        example = f"“{title}” now “{first.title}”"
    else:
        example = "dated {1}, now {0}".format(*_dates(first.date, date))
    others = ", ".join(post.slug for post, _, _ in moved[1:SAID_APART])
    return (
        f"warning: {len(moved)} posts have another title or date than in the last"
        f" WordPress file ({first.slug}: {example}; {others}, …); {WHY.format('each')}:"
        " before importing, give those posts on the blog their new titles and dates,"
        " or delete them there"
    )


def _dates(now: str, was: str) -> tuple[str, str]:
    """The two dates as the host would write them: the day, or the time too if that
    is all that differs (a post finished early on its day is dated then)."""
    if now[:10] != was[:10]:
        return now[:10], was[:10]
    return now[:16], was[:16]
