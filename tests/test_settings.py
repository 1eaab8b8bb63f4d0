"""``jeudis.toml``, the series settings: a mistake is named with its line, before any export.

A base URL without its scheme would make every canonical link, feed entry and
sitemap address relative; a number where a name is expected would print as one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jeudis.errors import ExitCode
from jeudis.paths import Series
from support import ANSWERS_TOML, Invoke, findings, interview_files, write

GOOD = """\
blog = "Les Jeudis Twitter"
base_url = "https://blog.example.org/"
host = "Stéphane"
language = "fr"
typography = "fr-CH"
description = "Une interview chaque jeudi."
author_url = "http://example.org/stephane"
"""

BAD = {
    "base URL without its scheme": (
        'base_url = "blog.example.org"',
        "base_url must be a web address starting with https:// or http://",
    ),
    "base URL of another scheme": (
        'base_url = "javascript:alert(1)"',
        "base_url must be a web address starting with https:// or http://",
    ),
    "author URL with a space": (
        'author_url = "https://example.org/a b"',
        "author_url must be a web address starting with https:// or http://",
    ),
    "a number for a name": ("host = 3", "host must be a string (in quotes)"),
    "a list for the blog": ('blog = ["a"]', "blog must be a string (in quotes)"),
    "unknown typography": ('typography = "fr-BE"', "unknown typography 'fr-BE'"),
    "a language that is not a tag": (
        'language = "français"',
        "language must be a language tag such as fr, fr-CA or en, not 'français'",
    ),
    "a misspelt setting": ('blgo = "x"', "unknown setting 'blgo' (did you mean 'blog'?)"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_export_names_a_bad_setting_and_its_line(
    case: str, series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    line, reason = BAD[case]
    path = write(series / "jeudis.toml", f'# settings\ndescription = "Le blog"\n{line}\n')
    write(
        series / "interviews" / "x.toml",
        'questionnaire = "twitter"\ntitle = "T"\nguest = "G"\ndate = 2011-04-07\n'
        'status = "complete"\n',
    )

    result = invoke("export", "--all", "-o", str(tmp_path / "site"))

    assert result.exit_code == ExitCode.INVALID_FILE
    assert result.stderr.splitlines()[0] == f"error: {path}:3: {reason}"
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_check_lists_every_bad_setting_in_line_order(series: Path, invoke: Invoke) -> None:
    cases = list(BAD.values())[2:]  # one base URL case: a key may appear once
    path = write(series / "jeudis.toml", "".join(f"{line}\n" for line, _ in cases))

    result = invoke("check")

    expected = [f"{path}:{n}: error: {reason}" for n, (_, reason) in enumerate(cases, 1)]
    assert findings(result.stdout) == [*expected, f"{len(cases)} errors, 0 warnings"]
    assert result.exit_code == ExitCode.CHECK_FAILED


def test_good_settings_pass(series: Path, invoke: Invoke) -> None:
    write(series / "jeudis.toml", GOOD)

    assert invoke("check").stdout == "All good.\n"


def test_the_language_setting_is_read_in_its_usual_case(series: Path, invoke: Invoke) -> None:
    """A post says lang="en-GB" whatever case jeudis.toml wrote it in; the file is kept."""
    path = write(series / "jeudis.toml", 'language = "EN_gb"\n')

    assert invoke("check").stdout == "All good.\n"
    assert Series(series).settings["language"] == "en-GB"
    assert path.read_text(encoding="utf-8") == 'language = "EN_gb"\n'


def test_an_empty_base_url_means_none(series: Path, invoke: Invoke) -> None:
    """``base_url = ""``, a site not published yet: no page names an address of it (a
    canonical link to "/gilles-klein.html" would be relative), and no sitemap is made,
    as with no base_url at all."""
    write(series / "jeudis.toml", 'base_url = ""\n')
    made = invoke(
        "new", "twitter", "--guest", "Gilles Klein", "--data-file", "-", input=ANSWERS_TOML
    )
    assert made.exit_code == 0, made

    assert invoke("check").exit_code == 0
    assert invoke("export", "--all").exit_code == 0

    site = series / "site"
    assert sorted(path.name for path in site.iterdir() if not path.name.startswith(".")) == [
        "feed.xml",
        "gilles-klein.html",
        "index.html",
    ]
    for page in ("gilles-klein.html", "index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text and "og:url" not in text, page


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("a folder", "is a folder, not a file"),
        ("a link", "a link to gone.toml, which is not there"),
    ],
)
def test_settings_that_are_no_file_are_said_not_passed_over(
    series: Path, invoke: Invoke, kind: str, said: str
) -> None:
    """Taken for no settings, a site went out under no name and in French, without a word."""
    settings = series / "jeudis.toml"
    if kind == "a folder":
        settings.mkdir()
        write(settings / "blog.toml", 'blog = "Mon blog"\n')  # not read as a questionnaire
    else:
        settings.symlink_to("gone.toml")

    checked = invoke("check")
    exported = invoke("export", "--all", "-o", "site")

    assert findings(checked.stdout) == [f"{settings}: error: {said}", "1 error, 0 warnings"]
    assert exported.stderr == f"error: {settings}: {said}\n"
    assert exported.exit_code == ExitCode.INVALID_FILE


@pytest.mark.parametrize(
    "name", ["Sté\\u001b[31mphane", "Sté\\u009bphane", "Sté\\tphane", "Sté\\nphane"]
)
def test_a_host_named_with_a_control_character_is_refused_at_its_line(
    series: Path, invoke: Invoke, tmp_path: Path, name: str
) -> None:
    """The settings' host is every interview's and every answer sheet's: it was taken
    as written, a terminal escape or a line break with it."""
    path = write(series / "jeudis.toml", f'blog = "Les Jeudis"\nhost = "{name}"\n')
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)

    made = invoke("new", "twitter", "--guest", "Zoé", "--data-file", data)
    sheet = invoke("sheet", "twitter", "--guest", "Zoé", "-o", tmp_path / "zoe.md")

    for result in (made, sheet):
        assert result.exit_code == ExitCode.INVALID_FILE, result
        assert result.stderr.splitlines()[0] == f"error: {path}:2: a control character in host"
    assert interview_files(series) == []
    assert not (tmp_path / "zoe.md").exists()
    assert f"{path}:2: error: a control character in host" in invoke("check").stdout
