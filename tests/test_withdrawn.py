"""An interview withdrawn at its guest's wish (``edit --unpublish``, ``published = false``):
kept, and never exported, whatever its status, until ``edit --publish``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from export_helpers import copy_example, make_interview
from jeudis.errors import ExitCode
from support import Invoke


def _withdraw(invoke: Invoke, slug: str) -> None:
    result = invoke("edit", slug, "--unpublish")
    assert result.exit_code == 0, result


def test_unpublish_and_publish_say_what_they_did_and_write_the_key_only_when_false(
    series: Path, invoke: Invoke
) -> None:
    path = make_interview(series, "hugo-bernard", guest="Hugo Bernard")
    result = invoke("edit", "hugo-bernard", "--unpublish")
    assert result.exit_code == 0, result
    assert result.stdout == (
        "hugo-bernard: withdrawn: left out of every export from now on,"
        " the next `jeudis export --all` takes its post down\n"
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    # Beside the status, among the top-level keys: not at the end, under a table.
    assert lines[lines.index('status = "complete"') + 1] == "published = false"
    withdrawn = path.read_bytes()

    again = invoke("edit", "hugo-bernard", "--unpublish")
    assert again.exit_code == 0, again
    assert again.stdout == "hugo-bernard: already withdrawn\n"
    assert path.read_bytes() == withdrawn  # nothing written

    back = invoke("edit", "hugo-bernard", "--publish")
    assert back.exit_code == 0, back
    assert back.stdout == (
        "hugo-bernard: published again: the next `jeudis export --all` puts its post back\n"
    )
    assert "published" not in path.read_text(encoding="utf-8")
    assert invoke("edit", "hugo-bernard", "--publish").stdout == "hugo-bernard: already published\n"


def test_unpublish_of_a_draft_says_what_holds_for_a_draft(series: Path, invoke: Invoke) -> None:
    """A draft withdrawn was said to have its post taken down by the next export: a
    draft has none, and is left out of the exports that take drafts, and once finished."""
    make_interview(series, "hugo-bernard", guest="Hugo Bernard", status="draft")

    result = invoke("edit", "hugo-bernard", "--unpublish")

    assert result.exit_code == 0, result
    assert result.stdout == (
        "hugo-bernard: withdrawn: left out of every export from now on, of drafts too"
        " (--include-drafts), and once it is finished\n"
    )
    site = invoke("export", "--all", "--include-drafts", "-o", series / "site")
    assert site.exit_code == 0, site
    assert not (series / "site" / "hugo-bernard.html").exists()


def test_show_says_it_is_withdrawn_at_the_top(series: Path, invoke: Invoke) -> None:
    make_interview(series, "hugo-bernard", guest="Hugo Bernard")
    _withdraw(invoke, "hugo-bernard")
    shown = invoke("show", "hugo-bernard", env={"COLUMNS": "200"}).stdout.splitlines()
    assert shown[1].endswith(
        "· complete · withdrawn: left out of exports (`jeudis edit hugo-bernard --publish` publishes it)"
    )


@pytest.mark.parametrize(
    ("options", "post"),
    [
        ((), "hugo-bernard.html"),
        (("--format", "md", "--flavor", "hugo"), "content/posts/hugo-bernard.md"),
        (("--format", "md", "--flavor", "jekyll"), "_posts/2011-06-30-hugo-bernard.md"),
        (("--format", "md"), "hugo-bernard.md"),
    ],
)
def test_export_all_takes_a_withdrawn_post_down_and_says_so_once(
    series: Path, invoke: Invoke, options: tuple[str, ...], post: str
) -> None:
    make_interview(series, "garde", guest="Garde", date=dt.date(2011, 6, 1))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard")
    out = series.parent / "out"
    assert invoke("export", "--all", *options, "-o", str(out)).exit_code == 0
    assert (out / post).is_file()

    _withdraw(invoke, "hugo-bernard")
    result = invoke("export", "--all", *options, "-o", str(out))
    assert result.exit_code == 0, result
    assert not (out / post).exists()
    assert f"removed ({post}" in result.stderr
    said = (
        "note: hugo-bernard: withdrawn (`jeudis edit hugo-bernard --publish` publishes it),"
        " its post taken down\n"
    )
    assert said in result.stderr
    assert "left out" not in result.stderr  # no draft, nor a note at every export
    # Its neighbour's page links it no longer, nor does any index or feed.
    for written in out.rglob("*"):
        if written.is_file() and written.name != ".jeudis-manifest.json":
            assert "Hugo Bernard" not in written.read_text(encoding="utf-8"), written

    quiet = invoke("export", "--all", *options, "-o", str(out))
    assert quiet.exit_code == 0, quiet
    assert "hugo-bernard" not in quiet.stderr  # said once, as its post went: not every time


def test_the_wordpress_file_leaves_it_out(series: Path, invoke: Invoke) -> None:
    make_interview(series, "garde", guest="Garde", date=dt.date(2011, 6, 1))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard")
    _withdraw(invoke, "hugo-bernard")
    for options in (("-o", "all.xml"), ("-o", "wxr-site")):
        assert invoke("export", "--all", "--format", "wxr", *options).exit_code == 0
    for written in (series.parent / "all.xml", series.parent / "wxr-site" / "wordpress.xml"):
        text = written.read_text(encoding="utf-8")
        assert "Garde" in text and "Hugo Bernard" not in text


def test_a_withdrawn_draft_is_no_draft_left_out_nor_exported_with_the_drafts(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "garde", guest="Garde", date=dt.date(2011, 6, 1))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard", status="draft")
    _withdraw(invoke, "hugo-bernard")
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    assert "note:" not in result.stderr and "hugo-bernard" not in result.stderr
    assert invoke("export", "--all", "--include-drafts", "-o", "preview").exit_code == 0
    assert not (series.parent / "preview" / "hugo-bernard.html").exists()


def test_exporting_it_alone_is_refused_and_export_alone_takes_the_one_before(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "garde", guest="Garde", date=dt.date(2011, 6, 1))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard")
    _withdraw(invoke, "hugo-bernard")  # the most recently changed
    result = invoke("export", "hugo-bernard")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "error: hugo-bernard is withdrawn: it is never exported\n"
        "hint: `jeudis edit hugo-bernard --publish` publishes it again\n"
    )
    alone = invoke("export", "--format", "md")
    assert alone.exit_code == 0, alone
    assert "Garde" in alone.stdout and "Hugo Bernard" not in alone.stdout


def test_resume_alone_never_picks_it_and_says_so_when_named(series: Path, invoke: Invoke) -> None:
    make_interview(series, "garde", guest="Garde", status="draft", date=dt.date(2011, 6, 1))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard", status="draft")
    _withdraw(invoke, "hugo-bernard")  # the most recent draft
    result = invoke("resume")
    assert result.exit_code == ExitCode.NO_TERMINAL, result
    assert "--update garde`" in result.stderr and "hugo-bernard" not in result.stderr

    (series / "interviews" / "garde.toml").unlink()
    nothing = invoke("resume")
    assert nothing.exit_code == ExitCode.NOT_FOUND
    assert nothing.stderr.splitlines() == [
        "error: no draft to resume",
        (
            "hint: 1 withdrawn draft (hugo-bernard): `jeudis resume hugo-bernard`;"
            " `jeudis list` shows the interviews"
        ),
    ]
    named = invoke("resume", "hugo-bernard")
    assert named.stderr.splitlines()[0] == (
        "note: hugo-bernard is withdrawn: finished, it stays unpublished"
        " (`jeudis edit hugo-bernard --publish` publishes it)"
    )


def test_list_shows_it_withdrawn_and_status_picks_it(series: Path, invoke: Invoke) -> None:
    make_interview(series, "garde", guest="Garde", date=dt.date(2011, 6, 1))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard")
    assert invoke("list").exit_code == 0  # cached as published, then changed
    _withdraw(invoke, "hugo-bernard")
    rows = invoke("list").stdout.splitlines()
    assert rows[1].split()[-2:] == ["withdrawn", "2/2"]
    assert rows[2].split()[-2:] == ["complete", "2/2"]
    picked = json.loads(invoke("list", "--status", "withdrawn", "--json").stdout)
    assert [(row["slug"], row["status"], row["published"], row["complete"]) for row in picked] == [
        ("hugo-bernard", "withdrawn", False, True)
    ]
    complete = json.loads(invoke("list", "--status", "complete", "--json").stdout)
    assert [(row["slug"], row["published"]) for row in complete] == [("garde", True)]


def test_list_json_says_the_status_its_filter_picks(series: Path, invoke: Invoke) -> None:
    """A script's select(.status == "complete") on `list --json` keeps what `list --status
    complete` lists: a withdrawn interview said "complete" there, and was counted among
    the posts export --all publishes. A draft is not published, nor withdrawn: it said
    published true."""
    make_interview(series, "garde", guest="Garde", date=dt.date(2011, 6, 1))
    make_interview(series, "brouillon", guest="Brouillon", status="draft", date=dt.date(2011, 6, 2))
    make_interview(series, "hugo-bernard", guest="Hugo Bernard", date=dt.date(2011, 6, 3))
    make_interview(series, "ines-roy", guest="Inès Roy", status="draft", date=dt.date(2011, 6, 4))
    _withdraw(invoke, "hugo-bernard")
    _withdraw(invoke, "ines-roy")
    every = json.loads(invoke("list", "--json").stdout)
    assert [(row["slug"], row["status"], row["complete"], row["published"]) for row in every] == [
        ("ines-roy", "withdrawn", False, False),
        ("hugo-bernard", "withdrawn", True, False),
        ("brouillon", "draft", False, None),
        ("garde", "complete", True, True),
    ]
    for status in ("draft", "complete", "withdrawn"):
        picked = json.loads(invoke("list", "--status", status, "--json").stdout)
        assert picked == [row for row in every if row["status"] == status], status


def test_compare_leaves_it_out(series: Path, invoke: Invoke) -> None:
    copy_example(series)
    _withdraw(invoke, "claire-fontaine")
    result = invoke("compare", "twitter", "--question", "twitter-ou-facebook")
    assert result.exit_code == 0, result
    assert result.stdout.startswith("Préférez-vous Twitter ou Facebook ?\n2 invités répondent\n")
    assert "Claire Fontaine" not in result.stdout


def test_check_takes_the_key_and_refuses_one_not_true_or_false(
    series: Path, invoke: Invoke
) -> None:
    path = make_interview(series, "hugo-bernard", guest="Hugo Bernard", questionnaire="twitter")
    _withdraw(invoke, "hugo-bernard")
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("published = false") + 1
    assert "published" not in invoke("check").stdout + invoke("check").stderr
    path.write_text(text.replace("published = false", 'published = "no"'), encoding="utf-8")
    checked = invoke("check")
    assert checked.exit_code == ExitCode.CHECK_FAILED, checked
    assert f"{path}:{line}: error: published: 'published' must be true or false" in checked.stdout
