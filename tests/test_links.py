"""Files of a series folder that are symbolic links: one leading out of the series is
never published from it nor written into, and ``check`` names it; a link to another
interview of the series is no second post."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from export_helpers import make_interview
from jeudis.errors import FileProblem
from jeudis.export.site import export_site
from jeudis.paths import Series
from support import Invoke, fill_sheet, write

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


@pytest.mark.parametrize("command", ["resume", "edit", "import"])
def test_jeudis_writes_into_no_interview_of_elsewhere(
    series: Path, tmp_path: Path, invoke: Invoke, command: str
) -> None:
    """resume and edit on a link out of the series saved into the file it leads to:
    another series' interview, changed from this one."""
    other = tmp_path / "other-series"
    target = make_interview(other, "bea", guest="Bea Ng", status="draft")
    before = target.read_bytes()
    (series / "interviews" / "bea.toml").symlink_to(target)
    sheet = series / "bea.md"
    invoke(
        "sheet",
        "livre",
        "--guest",
        "Bea Ng",
        "--host",
        "Stéphane",
        "-F",
        "book_title=N",
        "-o",
        sheet,
    )
    write(sheet, fill_sheet(sheet.read_text("utf-8"), {"motivation": "Changed."}))

    args = {
        "resume": ["bea"],
        "edit": ["bea", "--question", "motivation", "--answer-file", "-"],
        "import": [sheet, "--update", "bea"],
    }[command]
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


def _said(series: Path, target: Path) -> str:
    """What every command says of interviews/claire.toml leading to ``target``."""
    return (
        f"{series / 'interviews' / 'claire.toml'}: a link to a file out of the series folder"
        f" ({target}): never read as this series' interview"
    )


@pytest.mark.parametrize("named", ["claire", "interviews/claire.toml"])
def test_show_refuses_an_interview_leading_out_of_the_series(
    series: Path, elsewhere: Path, invoke: Invoke, named: str
) -> None:
    """show claire read another series' interview, its guest, answers and private notes,
    as this series' own, without a word."""
    make_interview(series, "ann", guest="Ann Lee")
    (series / "interviews" / "claire.toml").symlink_to(elsewhere)

    shown = invoke("show", series / named if "/" in named else named)

    assert shown.exit_code == 4, shown
    assert _said(series, elsewhere) in " ".join(shown.stderr.split())
    assert "replace the link by a copy of the file; else delete the link" in shown.stderr
    assert SECRET not in shown.stdout and "Bea Ng" not in shown.stdout


def test_list_shows_an_interview_leading_out_of_the_series_refused(
    series: Path, elsewhere: Path, invoke: Invoke
) -> None:
    """list showed another series' guest and answers as a row of this series."""
    make_interview(series, "ann", guest="Ann Lee", date=dt.date(2011, 1, 6))
    (series / "interviews" / "claire.toml").symlink_to(elsewhere)

    listed = invoke("list")
    recent = invoke("list", "-n", "1")
    as_json = invoke("list", "--json")

    assert listed.exit_code == 0, listed
    rows = {line.split()[0]: line.split() for line in listed.stdout.splitlines()[1:3]}
    assert rows["ann"][1:3] == ["Ann", "Lee"]
    assert rows["claire"][1:] == ["?", "?", "refused", "0/0"], listed.stdout
    assert "Bea Ng" not in listed.stdout
    said = f"claire: claire.toml: a link to a file out of the series folder ({elsewhere})"
    assert said in " ".join(listed.stdout.split())
    assert "never read as this series' interview" in listed.stdout
    assert "claire" in recent.stdout  # whatever -n says, as a broken file
    row = next(r for r in json.loads(as_json.stdout) if r["slug"] == "claire")
    assert (row["status"], row["guest"], row["questionnaire"]) == ("refused", None, None)
    assert str(elsewhere) in row["problem"]
    assert row["published"] is None  # never published, though not withdrawn: said true
    picked = invoke("list", "--status", "refused", "--json")  # a status the table shows
    assert [r["slug"] for r in json.loads(picked.stdout)] == ["claire"], picked


def test_an_answer_sheet_numbers_no_question_of_another_series(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """sheet numbered the host's questions after those of the guest's interview in
    another series, read through a link as hers in this one."""
    other = tmp_path / "other-series"
    target = make_interview(
        other, "bea", guest="Bea Ng", answers=[("question-1", "Et avant ?", SECRET)]
    )
    (series / "interviews" / "claire.toml").symlink_to(target)
    sheet = series / "bea.md"

    made = invoke(
        "sheet", "livre", "--guest", "Bea Ng", "--host", "Stéphane", "-F", "book_title=Nuit",
        "--question", "Et la suite ?", "-o", sheet,
    )  # fmt: skip

    assert made.exit_code == 0, made
    assert "## Q2 [question-1]\n\n**Et la suite ?**" in sheet.read_text("utf-8")
    assert f"warning: {_said(series, target)}" in " ".join(made.stderr.split())


def test_an_imported_sheet_is_never_taken_for_another_series_interview(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """import refused Bea Ng's answer sheet as a second interview of hers, naming another
    series' interview, read through a link, as hers in this one, and how her sheet
    differed from its answers."""
    other = tmp_path / "other-series"
    target = make_interview(other, "bea", guest="Bea Ng", answers=[("motivation", "Q ?", SECRET)])
    (series / "interviews" / "claire.toml").symlink_to(target)
    sheet = series / "bea.md"
    made = invoke(
        "sheet", "livre", "--guest", "Bea Ng", "--host", "Stéphane", "-F", "book_title=Nuit",
        "--register", "tu", "--gender", "f", "-o", sheet,
    )  # fmt: skip
    assert made.exit_code == 0, made
    write(sheet, fill_sheet(sheet.read_text("utf-8"), {"motivation": "Le train."}))

    imported = invoke("import", sheet)

    assert imported.exit_code == 0, imported
    assert f"warning: {_said(series, target)}" in " ".join(imported.stderr.split())
    assert SECRET not in imported.output and "claire" not in imported.stdout
    assert "Le train." in (series / "interviews" / "bea-ng.toml").read_text("utf-8")


def test_a_new_interview_names_no_guest_of_another_series_as_its_own(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """new said Bea Ng had an interview from livre already: another series', read
    through interviews/bea-ng.toml, a link."""
    other = tmp_path / "other-series"
    target = make_interview(other, "bea", guest="Bea Ng")
    (series / "interviews" / "bea-ng.toml").symlink_to(target)
    data = write(
        tmp_path / "answers.toml",
        'fields = { book_title = "Nuit", book_url = "https://nuit.example" }\nanswers = { motivation = "Le train." }\n',
    )

    made = invoke(
        "new", "livre", "--guest", "Bea Ng", "--host", "Stéphane", "--register", "tu",
        "--gender", "f", "--data-file", data,
    )  # fmt: skip

    assert made.exit_code == 0, made
    assert "has an interview from livre already" not in made.stderr
    link = series / "interviews" / "bea-ng.toml"
    assert (
        f"warning: {link}: a link to a file out of the series folder ({target}):"
        " never read as this series' interview"
    ) in " ".join(made.stderr.split())
    assert (series / "interviews" / "bea-ng-2.toml").is_file()


def test_resume_takes_no_draft_of_another_series_for_this_ones(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """resume, no draft named, took another series' draft, read through a link, for this
    series' most recent one; the series has none of its own."""
    other = tmp_path / "other-series"
    target = make_interview(other, "bea", guest="Bea Ng", status="draft")
    before = target.read_bytes()
    make_interview(series, "ann", guest="Ann Lee")
    (series / "interviews" / "claire.toml").symlink_to(target)

    result = invoke("resume")

    assert result.exit_code == 3, result
    assert "no draft to resume" in result.stderr
    assert f"warning: {_said(series, target)}" in " ".join(result.stderr.split())
    assert target.read_bytes() == before
