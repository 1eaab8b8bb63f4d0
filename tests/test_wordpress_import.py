"""A WordPress file giving a post another title or date than the last one: said.

WordPress's importer finds a post by its title and date, not by its guid: a post
retitled (a guest's name corrected) or dated anew since the blog imported it is
imported again, a second post beside the first. Every WordPress file jeudis writes,
of one interview or the whole series, records the titles and dates it gave; the
next one says which differ, once.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from export_helpers import make_interview
from support import Invoke

NBSP = "\u00a0"  # before a colon, in French typography
WHY = (
    "WordPress's importer, which finds a post by its title and date, would add it as a"
    " second post beside the first"
)
RETITLED = (
    f"warning: laurent: titled “Mesurer l’efficacité{NBSP}: Laurent Florès” in this WordPress"
    f" file, “Mesurer l’efficacité{NBSP}: Laurent Flores” in the last one; {WHY}: before"
    " importing, give the post on the blog its new title, or delete it there"
)
# Each way of writing a WordPress file, and the file it writes.
WAYS = {
    "one interview": (["laurent"], "one.xml"),
    "the series into a file": (["--all"], "all.xml"),
    "the series' site": (["--all"], "site"),
}


def retitle(series: Path, slug: str = "laurent", guest: str = "Laurent Florès") -> None:
    """The host corrects the guest's name in the title, as ``jeudis edit --guest`` asks."""
    path = series / "interviews" / f"{slug}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r'(?m)^title = "(.*): .*"$', rf'title = "\1: {guest}"', text), encoding="utf-8"
    )


def wordpress_file(invoke: Invoke, tmp_path: Path, way: str) -> list[str]:
    """What an export writing a WordPress file the ``way`` says, but for "Written"."""
    args, output = WAYS[way]
    result = invoke("export", *args, "-f", "wxr", "-o", tmp_path / output)
    assert result.exit_code == 0, result
    return [line for line in result.stderr.splitlines() if line.startswith("warning: ")]


@pytest.mark.parametrize("before", WAYS)
@pytest.mark.parametrize("after", WAYS)
def test_a_post_retitled_since_the_last_wordpress_file_is_said_once(
    series: Path, invoke: Invoke, tmp_path: Path, before: str, after: str
) -> None:
    """One record for the series: a host imports the one file or the other."""
    make_interview(series, "laurent")
    assert wordpress_file(invoke, tmp_path, before) == []
    retitle(series)

    assert wordpress_file(invoke, tmp_path, after) == [RETITLED]
    assert invoke("export", "laurent", "-f", "wxr", "-o", tmp_path / "again.xml").exit_code == 0
    assert wordpress_file(invoke, tmp_path, after) == []  # no news to the importer


@pytest.mark.parametrize("way", WAYS)
def test_a_post_dated_anew_is_said(series: Path, invoke: Invoke, tmp_path: Path, way: str) -> None:
    make_interview(series, "laurent")
    assert wordpress_file(invoke, tmp_path, way) == []
    assert invoke("edit", "laurent", "--date", "2011-07-07").exit_code == 0

    assert wordpress_file(invoke, tmp_path, way) == [
        (
            "warning: laurent: dated 2011-07-07 in this WordPress file, 2011-06-30 in the last"
            f" one; {WHY}: before importing, give the post on the blog its new date, or delete"
            " it there"
        )
    ]


def test_a_post_retitled_and_dated_anew_is_one_line(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    make_interview(series, "laurent")
    assert wordpress_file(invoke, tmp_path, "one interview") == []
    retitle(series)
    assert invoke("edit", "laurent", "--date", "2011-07-07").exit_code == 0

    assert wordpress_file(invoke, tmp_path, "one interview") == [
        (
            f"warning: laurent: titled “Mesurer l’efficacité{NBSP}: Laurent Florès” and dated"
            f" 2011-07-07 in this WordPress file, “Mesurer l’efficacité{NBSP}: Laurent Flores” and"
            f" 2011-06-30 in the last one; {WHY}: before importing, give the post on the blog"
            " its new title and date, or delete it there"
        )
    ]


def test_many_posts_retitled_are_one_line(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    """The typography turned off retitles every post: one line, not a screenful."""
    for slug in ("amelie", "bruno", "carole", "denis", "emma"):
        make_interview(series, slug, guest=slug.title())
    assert wordpress_file(invoke, tmp_path, "the series into a file") == []
    (series / "jeudis.toml").write_text('typography = "off"\n', encoding="utf-8")

    assert wordpress_file(invoke, tmp_path, "the series into a file") == [
        (
            "warning: 5 posts have another title or date than in the last WordPress file"
            f" (amelie: “Mesurer l’efficacité{NBSP}: Amelie” now “Mesurer l’efficacité : Amelie”;"
            " bruno, carole, …); WordPress's importer, which finds a post by its title and"
            " date, would add each as a second post beside the first: before importing, give"
            " those posts on the blog their new titles and dates, or delete them there"
        )
    ]


def test_a_post_unchanged_is_not_said(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    """Its answers changed, not its title nor its date: nothing to say of it (the
    importer skips it, as the docs say), and a post retitled beside it is said alone."""
    make_interview(series, "laurent")
    make_interview(series, "nina", guest="Nina Morel")
    assert wordpress_file(invoke, tmp_path, "the series into a file") == []
    answer = ("motivation", "Qu’est-ce qui t’a motivé ?", "L’envie d’apprendre.")
    make_interview(series, "nina", guest="Nina Morel", answers=[answer])
    assert wordpress_file(invoke, tmp_path, "the series into a file") == []
    retitle(series)
    assert wordpress_file(invoke, tmp_path, "the series into a file") == [RETITLED]


def test_a_post_only_shown_is_not_recorded(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    """A WordPress file on standard output says what differs from the last one written,
    but is no file written: the next one says it again."""
    make_interview(series, "laurent")
    assert wordpress_file(invoke, tmp_path, "one interview") == []
    retitle(series)
    for args in (["laurent"], ["--all", "-o", "-"]):
        shown = invoke("export", *args, "-f", "wxr")
        assert shown.exit_code == 0 and "<rss" in shown.stdout
        assert shown.stderr.splitlines() == [RETITLED]
    assert wordpress_file(invoke, tmp_path, "one interview") == [RETITLED]


@pytest.mark.parametrize(
    "record",
    ["", "{", "[1, 2]", '{"posts": [1]}', '{"posts": {"x": 3, "y": ["a"]}}', "\udcff", "[" * 10**5],
    ids=[
        "empty",
        "cut short",
        "a list",
        "posts a list",
        "entries of another shape",
        "not utf-8",
        "nested too deep",
    ],
)
def test_a_record_missing_or_unreadable_is_taken_for_none(
    series: Path, invoke: Invoke, tmp_path: Path, record: str
) -> None:
    """Nothing said of the posts it cannot tell of; the file written records afresh."""
    make_interview(series, "laurent")
    assert wordpress_file(invoke, tmp_path, "one interview") == []
    kept = series / ".jeudis-cache" / "wordpress.json"
    retitle(series)
    kept.write_bytes(record.encode("utf-8", "surrogateescape"))

    assert wordpress_file(invoke, tmp_path, "the series into a file") == []
    assert (tmp_path / "all.xml").is_file()
    retitle(series, guest="Laurent Flores")
    assert len(wordpress_file(invoke, tmp_path, "the series into a file")) == 1  # recorded again
    kept.unlink()
    assert wordpress_file(invoke, tmp_path, "the series' site") == []
