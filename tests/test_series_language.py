"""A questionnaire that says no language is in the series' (``jeudis.toml``'s), French
when neither says one: every command reads it so. An interview keeps the language it
was made in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from jeudis.interview_reading import load_interview
from support import Invoke, findings, write

QUICK = (
    'id = "quick"\ntitle = "Quick chat: {guest}"\n\n'
    '[[questions]]\nid = "hello"\ntext = "How are you?"\n\n'
    '[[questions]]\nid = "since"\ntype = "date"\ntext = "Since when?"\n'
)
ANSWERS = '[answers]\nhello = "Fine"\nsince = 1953-03-04\n'


@pytest.fixture
def quick(series: Path) -> Path:
    """A questionnaire written by hand, saying no language, in a series in British English
    (its tag as a host may type it: the series' language is read as BCP 47 writes it)."""
    write(series / "jeudis.toml", 'blog = "Maker Mondays"\nlanguage = "en_gb"\nhost = "Ada"\n')
    return write(series / "questionnaires" / "quick.toml", QUICK)


def _made(series: Path, invoke: Invoke, guest: str, questionnaire: str = "quick") -> Path:
    """An interview made with ``jeudis new --data-file``: its file."""
    data = write(series.parent / "answers.toml", ANSWERS)
    made = invoke("new", questionnaire, "--guest", guest, "--data-file", data)
    assert made.exit_code == 0, made
    return series / "interviews" / f"{guest.lower().replace(' ', '-')}.toml"


def test_inspect_shows_a_questionnaire_with_no_language_in_the_series_language(
    quick: Path, invoke: Invoke
) -> None:
    """English takes one form of address, "you": French's were tu and vous."""
    shown = invoke("inspect", "quick", "--json")
    assert shown.exit_code == 0, shown
    assert json.loads(shown.stdout)["register"] == "you"
    assert "(quick v1, you)" in invoke("inspect", "quick").stdout

    listed = invoke("questionnaires", "--json")
    languages = {q["id"]: q["language"] for q in json.loads(listed.stdout)}
    assert languages == {"quick": "en-GB", "twitter": "fr", "livre": "fr"}


def test_a_sheet_of_a_questionnaire_with_no_language_is_in_the_series_language(
    quick: Path, invoke: Invoke
) -> None:
    sheet = invoke("sheet", "quick", "--guest", "Ada Lovelace", "-o", "-")
    assert sheet.exit_code == 0, sheet
    assert "\nHello Ada,\n" in sheet.stdout
    assert "Bonjour" not in sheet.stdout
    assert "register=you" in sheet.stdout.splitlines()[0]
    assert "\n## END\n" in sheet.stdout


def test_an_interview_records_the_series_language(
    series: Path, quick: Path, invoke: Invoke
) -> None:
    made = load_interview(_made(series, invoke, "Ada Lovelace"))
    assert (made.language, made.register) == ("en-GB", "you")

    post = invoke("export", "ada-lovelace", "-o", "-")
    assert post.exit_code == 0, post
    assert 'lang="en-GB"' in post.stdout
    assert "4 March 1953" in post.stdout


def test_a_questionnaire_that_says_its_language_keeps_it(
    series: Path, quick: Path, invoke: Invoke
) -> None:
    write(quick, 'language = "fr"\n' + QUICK)

    made = load_interview(_made(series, invoke, "Ada Lovelace"))
    assert (made.language, made.register) == ("fr", "tu")
    assert "\nBonjour Ada,\n" in invoke("sheet", "quick", "--guest", "Ada Lovelace").stdout
    assert json.loads(invoke("inspect", "quick", "--json").stdout)["register"] == "tu"


@pytest.mark.parametrize(
    "settings",
    [None, 'blog = "Les jeudis"\n'],
    ids=["no-settings", "no-language"],
)
def test_french_is_the_default_when_neither_says_a_language(
    settings: str | None, series: Path, invoke: Invoke
) -> None:
    if settings is not None:
        write(series / "jeudis.toml", settings)
    write(series / "questionnaires" / "quick.toml", QUICK)

    made = load_interview(_made(series, invoke, "Ada Lovelace"))
    assert (made.language, made.register) == ("fr", "tu")
    assert "\nBonjour Ada,\n" in invoke("sheet", "quick", "--guest", "Ada Lovelace").stdout


def test_settings_that_do_not_read_give_their_language_if_it_reads_else_french(
    series: Path, invoke: Invoke
) -> None:
    """Another setting's mistake is said where the settings are needed (and by check):
    not by a listing, which went on without them; the language is the one they give."""
    write(series / "questionnaires" / "quick.toml", QUICK)
    write(series / "jeudis.toml", 'language = "en-GB"\nbase_url = "blog.example.org"\n')
    listed = invoke("questionnaires", "--json")
    assert listed.exit_code == 0, listed
    assert {q["id"]: q["language"] for q in json.loads(listed.stdout)}["quick"] == "en-GB"

    for broken in ('language = "en-GB"\nblog = \n', 'language = "en GB"\n'):
        write(series / "jeudis.toml", broken)
        listed = invoke("questionnaires", "--json")
        assert listed.exit_code == 0, listed
        assert {q["id"]: q["language"] for q in json.loads(listed.stdout)}["quick"] == "fr"
        checked = invoke("check", series / "questionnaires")
        assert checked.exit_code == 0, checked  # jeudis.toml's mistake is its own file's
        made = invoke("new", "quick", "--guest", "Ada", "--host", "Bo", "--data-file", "-",
                      input=ANSWERS)  # fmt: skip
        assert made.exit_code == 0, made
        assert load_interview(series / "interviews" / "ada.toml").language == "fr"
        (series / "interviews" / "ada.toml").unlink()


def test_check_reads_a_questionnaire_with_no_language_in_the_series_language(
    series: Path, quick: Path, invoke: Invoke
) -> None:
    """Checked in French, an English questionnaire worded for "you" was wrong (French
    declares tu and vous); and one that says no language is no mistake to warn of."""
    write(quick, QUICK.replace('id = "hello"\n', 'id = "hello"\nhelp.you = "Be brief."\n'))
    write(series / "questionnaires" / "plain.toml", QUICK.replace("quick", "plain"))

    checked = invoke("check", "--strict")
    assert checked.exit_code == 0, checked
    assert findings(checked.stdout) == ["All good."]


def test_an_interview_keeps_the_language_it_was_made_in(series: Path, invoke: Invoke) -> None:
    """Made when a questionnaire that says no language was French, then the series is in
    American English: edit reads its answers in French (04/03 is the 4th of March), and
    check, export and its file leave it French."""
    write(series / "questionnaires" / "quick.toml", QUICK)
    path = _made(series, invoke, "Ada Lovelace")
    write(series / "jeudis.toml", 'blog = "Maker Mondays"\nlanguage = "en"\n')

    typed = write(series.parent / "since.txt", "04/03/1953\n")
    edited = invoke("edit", "ada-lovelace", "--question", "since", "--answer-file", typed)
    assert edited.exit_code == 0, edited
    interview = load_interview(path)
    assert (interview.language, interview.register) == ("fr", "tu")
    assert interview.values()["since"] == dt.date(1953, 3, 4)

    checked = invoke("check", "--strict")
    assert checked.exit_code == 0, checked
    assert "4 mars 1953" in invoke("export", "ada-lovelace", "-o", "-").stdout


def test_a_sheet_printed_in_french_before_is_imported_in_french(
    series: Path, quick: Path, invoke: Invoke
) -> None:
    """A sheet sent when a questionnaire that says no language was French, back once the
    series' language is the default: read as printed (its notes in French), and so is
    the interview made of it."""
    write(quick, 'language = "fr"\n' + QUICK)  # as it was printed then
    sheet = invoke("sheet", "quick", "--guest", "Ada Lovelace").stdout
    write(quick, QUICK)
    assert "## FIN" in sheet
    filled = sheet.replace("**How are you?**\n", "**How are you?**\n\nBien\n").replace(
        "JJ/MM/AAAA._\n", "JJ/MM/AAAA._\n\n04/03/1953\n"
    )
    returned = write(series.parent / "back.md", filled)

    imported = invoke("import", returned)
    assert imported.exit_code == 0, imported
    interview = load_interview(series / "interviews" / "ada-lovelace.toml")
    assert (interview.language, interview.register) == ("fr", "tu")
    assert interview.values() == {"hello": "Bien", "since": dt.date(1953, 3, 4)}
