"""Files of a series folder that are symbolic links: one leading out of the series is
never published from it nor written into, and ``check`` names it; a link to another
interview of the series is no second post."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from export_helpers import make_interview
from jeudis.errors import FileProblem
from jeudis.export.site import export_site
from jeudis.paths import Series
from support import Invoke, write

SECRET = "SECRET, of another series"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """Another series of the host's, beside this one: its interview of Bea Ng."""
    other = tmp_path / "other-series"
    make_interview(other, "bea", guest="Bea Ng", notes=SECRET, answers=[("a", "Q ?", SECRET)])
    return other / "interviews" / "bea.toml"


def _published(folder: Path) -> str:
    return "".join(p.read_text("utf-8") for p in folder.rglob("*") if p.is_file())


def test_an_interview_leading_out_of_the_series_stops_export_all(
    series: Path, elsewhere: Path, invoke: Invoke
) -> None:
    """A series received from someone else held interviews/claire.toml leading to another
    series' interview: export --all published that guest and her answers as a post of
    this series, and check said nothing."""
    make_interview(series, "ann", guest="Ann Lee", date=dt.date(2011, 1, 6))
    (series / "interviews" / "claire.toml").symlink_to(elsewhere)

    checked = invoke("check")
    exported = invoke("export", "--all")
    wxr = invoke("export", "--all", "-f", "wxr", "-o", "-")

    link = series / "interviews" / "claire.toml"
    said = f"{link}: a link to a file out of the series folder ({elsewhere})"
    assert checked.exit_code == 5, checked
    assert f"{link}: error: a link to a file out of the series folder ({elsewhere})" in (
        checked.stdout
    )
    assert "never published as this series' post" in checked.stdout
    assert "replace the link by a copy of the file; else delete the link" in checked.stdout
    assert exported.exit_code == 4, exported
    assert said in exported.stderr
    assert not (series / "site").exists()
    assert wxr.exit_code == 4, wxr
    assert said in wxr.stderr
    assert SECRET not in wxr.stdout


def test_the_library_refuses_it_before_writing_anything(
    series: Path, elsewhere: Path, tmp_path: Path
) -> None:
    make_interview(series, "ann", guest="Ann Lee")
    (series / "interviews" / "claire.toml").symlink_to(elsewhere)

    with pytest.raises(FileProblem, match="out of the series folder"):
        export_site(Series(series), tmp_path / "site")

    assert not (tmp_path / "site").exists()


def test_a_draft_leading_out_is_refused_only_when_drafts_are_published(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    other = tmp_path / "other-series"
    make_interview(other, "bea", guest="Bea Ng", status="draft")
    make_interview(series, "ann", guest="Ann Lee")
    (series / "interviews" / "bea.toml").symlink_to(other / "interviews" / "bea.toml")

    assert invoke("export", "--all").exit_code == 0
    assert invoke("export", "--all", "--include-drafts", "-o", "drafts/").exit_code == 4


def test_an_interview_named_that_leads_out_is_not_exported(
    series: Path, elsewhere: Path, invoke: Invoke
) -> None:
    make_interview(series, "ann", guest="Ann Lee", date=dt.date(2011, 1, 6))
    (series / "interviews" / "claire.toml").symlink_to(elsewhere)

    named = invoke("export", "claire", "-o", "-")
    other = invoke("export", "ann", "-o", "-")

    assert named.exit_code == 4, named
    assert "a link to a file out of the series folder" in named.stderr
    assert SECRET not in named.stdout
    assert other.exit_code == 0, other
    assert "claire" not in other.stdout  # no link to it as the next interview


def test_a_folder_of_the_series_kept_elsewhere_is_the_series_own(
    series: Path, elsewhere: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """interviews/ itself a link (kept in a synced folder, shared between machines) is
    the host's set-up: its interviews are the series'. A file in it that is a link
    leading out of it and of the series is refused as anywhere."""
    (series / "interviews").rmdir()
    (series / "interviews").symlink_to(elsewhere.parent)

    checked = invoke("check")
    exported = invoke("export", "--all")

    assert "link" not in checked.stdout, checked  # its other findings are the fixture's
    assert exported.exit_code == 0, exported
    assert (series / "site" / "bea.html").is_file()

    private = tmp_path / "private"
    make_interview(private, "cy", guest="Cy Oz", answers=[("a", "Q ?", SECRET)])
    (elsewhere.parent / "cy.toml").symlink_to(private / "interviews" / "cy.toml")
    again = invoke("export", "--all")
    assert again.exit_code == 4, again
    assert f"{series / 'interviews' / 'cy.toml'}: a link to a file out of the series" in (
        " ".join(again.stderr.split())
    )


@pytest.mark.parametrize("command", ["resume", "edit"])
def test_jeudis_writes_into_no_interview_of_elsewhere(
    series: Path, tmp_path: Path, invoke: Invoke, command: str
) -> None:
    """resume and edit on a link out of the series saved into the file it leads to:
    another series' interview, changed from this one."""
    other = tmp_path / "other-series"
    target = make_interview(other, "bea", guest="Bea Ng", status="draft")
    before = target.read_bytes()
    (series / "interviews" / "bea.toml").symlink_to(target)

    # resume: the most recent draft, as none is named
    args = ["bea", "--question", "motivation", "--answer-file", "-"] if command == "edit" else []
    result = invoke(command, *args, input="Changed.\n")

    assert result.exit_code == 4, result
    assert (
        f"{series / 'interviews' / 'bea.toml'}: a link to a file out of the series folder"
        f" ({target}): jeudis writes into no file of elsewhere" in result.stderr
    )
    assert target.read_bytes() == before


def test_a_link_to_another_interview_of_the_series_is_one_post(
    series: Path, invoke: Invoke
) -> None:
    """interviews/latest.toml leading to claire-fontaine.toml: export --all published the
    interview twice, at both names, and check warned of the same id."""
    make_interview(series, "ann", guest="Ann Lee", date=dt.date(2011, 1, 6))
    make_interview(series, "claire-fontaine", guest="Claire Fontaine")
    (series / "interviews" / "latest.toml").symlink_to("claire-fontaine.toml")

    checked = invoke("check")
    exported = invoke("export", "--all")
    alone = invoke("export", "latest", "-o", "posts/")
    listed = invoke("list")

    assert checked.stdout == "All good.\n", checked
    assert exported.exit_code == 0, exported
    assert sorted(p.name for p in (series / "site").glob("*.html") if "index" not in p.name) == [
        "ann.html",
        "claire-fontaine.html",
    ]
    assert "latest" not in _published(series / "site")
    assert (
        "note: latest.toml left out: a link to claire-fontaine.toml, published once, at its name"
        in exported.stderr
    )
    assert alone.exit_code == 0, alone
    assert [p.name for p in (series.parent / "posts").iterdir()] == ["claire-fontaine.html"]
    assert "latest" in listed.stdout  # a name for it, as before


def test_a_template_leading_out_of_the_series_is_never_published(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """templates/post.html leading to a file of the host's elsewhere: every page
    published it."""
    make_interview(series, "ann", guest="Ann Lee")
    secret = write(tmp_path / "private" / "notes.txt", SECRET)
    (series / "templates").mkdir()
    (series / "templates" / "post.html").symlink_to(secret)

    checked = invoke("check")
    exported = invoke("export", "--all")
    alone = invoke("export", "ann", "-o", "-")

    said = f"{series / 'templates' / 'post.html'}: a link to a file out of the series folder"
    assert checked.exit_code == 5, checked
    assert f"{series / 'templates' / 'post.html'}: error: a link" in checked.stdout
    assert "never used for this series' pages" in checked.stdout
    for run in (exported, alone):
        assert run.exit_code == 4, run
        assert said in run.stderr
        assert SECRET not in run.stdout
    assert SECRET not in _published(series / "site")


def test_settings_and_a_questionnaire_read_from_elsewhere_are_said(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    shared = tmp_path / "shared"
    write(shared / "jeudis.toml", 'blog = "Elsewhere"\n')
    (series / "questionnaires" / "twitter.toml").rename(shared / "twitter.toml")
    (series / "jeudis.toml").symlink_to(shared / "jeudis.toml")
    (series / "questionnaires" / "twitter.toml").symlink_to(shared / "twitter.toml")
    (series / "questionnaires" / "inside.toml").symlink_to("../questionnaires-kept.toml")
    write(series / "questionnaires-kept.toml", "")  # a link within the series: not said

    checked = invoke("check", series / "questionnaires" / "twitter.toml", series / "jeudis.toml")
    whole = invoke("check")

    for run in (checked, whole):
        assert (
            f"{series / 'jeudis.toml'}: warning: a link to a file out of the series folder"
            f" ({shared / 'jeudis.toml'}): read as this series' settings" in run.stdout
        ), run
        assert (
            f"{series / 'questionnaires' / 'twitter.toml'}: warning: a link to a file out of"
            f" the series folder ({shared / 'twitter.toml'}): read as this series' own"
            in run.stdout
        ), run
    assert "inside.toml: warning: a link" not in whole.stdout


def test_a_roundup_holds_each_guest_of_the_series_once(
    series: Path, elsewhere: Path, invoke: Invoke
) -> None:
    """compare quoted another series' guest from a link out of the series, and a guest
    twice through a link to her interview."""
    make_interview(series, "ann", guest="Ann Lee", date=dt.date(2011, 1, 6))
    make_interview(
        series, "claire", guest="Claire Fontaine", answers=[("motivation", "Q ?", "Moi.")]
    )
    (series / "interviews" / "latest.toml").symlink_to("claire.toml")
    (series / "interviews" / "bea.toml").symlink_to(elsewhere)
    make_interview(
        elsewhere.parent.parent, "bea", guest="Bea Ng", answers=[("motivation", "Q ?", SECRET)]
    )

    result = invoke("compare", "livre", "motivation", "--format", "md", "-o", "-")

    assert result.exit_code == 0, result
    assert SECRET not in result.stdout
    assert "Bea Ng" not in result.stdout
    assert result.stdout.count("Moi.") == 1
    assert "bea.toml: a link to a file out of the series folder" in result.stderr
