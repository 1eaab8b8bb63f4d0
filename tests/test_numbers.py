"""Numbers typed and written as the questionnaire's language does: "9.200" and "9,5" in
German, "9,200" and "9.5" in English, "9 200" and "9,5" in French."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jeudis.answers import InvalidAnswer, as_input, coerce, parse_number
from jeudis.interview_reading import load_interview
from jeudis.questionnaire import Question, Validation
from jeudis.roundup import Entry
from jeudis.wording import as_text, format_number
from support import Invoke, write


def asked(language: str, **rules: float) -> Question:
    return Question(
        id="n", type="number", text={"*": "?"}, language=language, validation=Validation(**rules)
    )


# Languages grouping thousands by dots, a comma their decimal sign (CLDR).
DOT_GROUPED = ["de", "es", "it", "pt-BR", "nl", "de-AT", "es-AR", "tr", "id", "vi"]


@pytest.mark.parametrize("language", DOT_GROUPED)
@pytest.mark.parametrize(
    ("typed", "value"),
    [("9.200", 9200), ("9,5", 9.5), ("1.500,5", 1500.5), ("-12.345.678", -12345678),
     ("9 200", 9200), ("9\u00a0200", 9200), ("9,200", 9.2), ("9.5", 9.5), ("0,25", 0.25),
     ("1,500", 1.5), ("1.500", 1500)],
)  # fmt: skip
def test_a_dot_groups_and_a_comma_is_the_decimal_sign(
    language: str, typed: str, value: float
) -> None:
    """A German guest typing 9.200 had 9.2 stored, and 1,500 (one and a half) 1500."""
    read = parse_number(typed, language)
    assert read == value
    assert type(read) is type(value)


@pytest.mark.parametrize("language", DOT_GROUPED)
@pytest.mark.parametrize("typed", ["1,500.5", "1.2.3", "9,200,000", "viel"])
def test_what_a_dot_grouped_language_does_not_write_is_refused(language: str, typed: str) -> None:
    with pytest.raises(InvalidAnswer):
        parse_number(typed, language)


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [  # Spaces group, a comma or a dot is the decimal sign: read as French reads them.
     ("pl", "9 200", 9200), ("pl", "9,5", 9.5), ("pl", "9.200", 9.2), ("ru", "9\u00a0200,5", 9200.5),
     ("pt-PT", "9,200", 9.2), ("sv", "1.5", 1.5),
     # Swiss German and Italian: a point, and an apostrophe grouping.
     ("de-CH", "9’200", 9200), ("de-CH", "9'200.5", 9200.5), ("it-CH", "9.200", 9.2),
     # Languages writing numbers as English does: Spanish in Mexico, Japanese, Hebrew.
     ("es-MX", "9,200", 9200), ("es-419", "1,500.5", 1500.5), ("ja", "9,200", 9200),
     ("he", "9.5", 9.5), ("zh", "1,5", 1.5)],
)  # fmt: skip
def test_other_languages_read_numbers_as_they_write_them(
    language: str, typed: str, value: float
) -> None:
    assert parse_number(typed, language) == value


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [("fr", "9 200", 9200), ("fr", "9.200", 9.2), ("fr", "9,200", 9.2), ("fr", "1,5", 1.5),
     ("fr-CA", "9\u00a0200", 9200), ("en", "9,200", 9200), ("en", "9.200", 9.2),
     ("en", "1,5", 1.5), ("en-GB", "1,500.5", 1500.5), ("en-DE", "9.200", 9.2)],
)  # fmt: skip
def test_french_and_english_read_as_before(language: str, typed: str, value: float) -> None:
    assert parse_number(typed, language) == value


@pytest.mark.parametrize(
    ("language", "typed"),
    [("fr", "1.500,5"), ("fr", "9’200"), ("en", "1.500,5"), ("en", "9’200"), ("en-DE", "1.500,5")],
)
def test_french_and_english_refuse_as_before(language: str, typed: str) -> None:
    with pytest.raises(InvalidAnswer):
        parse_number(typed, language)


@pytest.mark.parametrize(
    ("language", "written"),
    [("fr", "1\u202f234\u202f567,5"), ("fr-CA", "1\u202f234\u202f567,5"),
     ("en", "1,234,567.5"), ("en-GB", "1,234,567.5"), ("en-DE", "1,234,567.5"),
     ("de", "1.234.567,5"), ("es", "1.234.567,5"), ("it", "1.234.567,5"),
     ("pt-BR", "1.234.567,5"), ("nl", "1.234.567,5"), ("es-MX", "1,234,567.5"),
     ("pt-PT", "1\u00a0234\u00a0567,5"), ("pl", "1\u00a0234\u00a0567,5"),
     ("de-CH", "1’234’567.5"), ("ja", "1,234,567.5")],
)  # fmt: skip
def test_a_number_is_written_as_its_language_writes_it(language: str, written: str) -> None:
    """9200 was "9,200" in a German post, which a German reader reads as 9.2."""
    assert format_number(1234567.5, language) == written
    assert as_text(1234567.5, language) == written
    assert parse_number(written, language) == 1234567.5  # and it reads back
    assert parse_number(format_number(9200, language), language) == 9200


@pytest.mark.parametrize("language", ["de", "es", "it", "pt-BR", "nl", "fr", "en", "pl"])
@pytest.mark.parametrize("value", [9.125, 1.5, 9200, 1234.875])
def test_a_prefilled_answer_reads_back_as_the_same_value(language: str, value: float) -> None:
    """9.125 prefilled as "9.125" in German read back as 9125."""
    assert coerce(asked(language), as_input(value, language)) == value
    assert coerce(asked(language), value) == value  # a data file's TOML number


def test_as_input_is_unchanged_in_french_and_english() -> None:
    assert [as_input(9.125, "fr"), as_input(9.125, "en"), as_input(9200, "de")] == [
        "9.125",
        "9.125",
        "9200",
    ]
    assert as_input(9.125, "de") == "9,125"


@pytest.mark.parametrize(
    ("language", "said"),
    [("de", "Eine Zahl wird erwartet (zum Beispiel 9.200)."),
     ("pt-BR", "Espera-se um número (por exemplo 9.200)."),
     ("pt-PT", "Espera-se um número (por exemplo 9\u00a0200)."),
     ("pl", "A number is expected (for example 9\u00a0200)."),
     ("en", "A number is expected (for example 9,200)."),
     ("fr", "Un nombre est attendu (par exemple 9 200).")],
)  # fmt: skip
def test_the_example_in_the_message_reads_as_the_number_it_shows(language: str, said: str) -> None:
    """A German guest was told "for example 9,200", which reads 9.2 in German."""
    with pytest.raises(InvalidAnswer) as refused:
        coerce(asked(language), "viel")
    assert str(refused.value) == said


def test_a_bound_is_said_as_the_language_writes_it() -> None:
    with pytest.raises(InvalidAnswer, match=r"^Höchstens 2\.000\.$"):
        coerce(asked("de", max=2000), "2.500")
    assert coerce(asked("de", max=2000), "1.999,5") == 1999.5


GERMAN = (
    'id = "kurz"\nlanguage = "de"\nregisters = ["Sie"]\ntitle = "Kurz gefragt: {guest}"\n\n'
    '[[questions]]\nid = "follower"\ntype = "number"\ntext = "Wie viele Follower?"\n\n'
    '[[questions]]\nid = "stunden"\ntype = "number"\ntext = "Wie viele Stunden am Tag?"\n\n'
    '[[questions]]\nid = "tasse"\ntype = "number"\ntext = "Wie viele Tassen?"\n'
)


def test_a_german_guest_s_numbers_are_stored_and_posted_as_they_mean_them(
    series: Path, invoke: Invoke
) -> None:
    """9.200 typed in a German questionnaire was stored as 9.2, 1,500 (one and a half) as
    1500, and a number was posted as English writes it."""
    write(series / "questionnaires" / "kurz.toml", GERMAN)
    data = write(
        series.parent / "antworten.toml",
        '[answers]\nfollower = "9.200"\nstunden = "1,500"\ntasse = 2.125\n',
    )

    made = invoke("new", "kurz", "--guest", "Ada Lovelace", "--data-file", data)

    assert made.exit_code == 0, made
    saved = load_interview(series / "interviews" / "ada-lovelace.toml")
    assert [a.value for a in saved.answers] == [9200, 1.5, 2.125]
    post = invoke("export", "ada-lovelace", "-o", "-")
    assert post.exit_code == 0, post
    assert "<p>9.200</p>" in post.stdout
    assert "<p>1,5</p>" in post.stdout
    assert "<p>2,125</p>" in post.stdout
    assert "9,200" not in post.stdout


def test_a_german_sheet_gives_its_example_as_german_writes_it(series: Path, invoke: Invoke) -> None:
    """The sheet said "A number, e.g. 9,200." to a German guest: 9.2 as they read it."""
    write(series / "questionnaires" / "kurz.toml", GERMAN)
    sheet = invoke("sheet", "kurz", "--guest", "Ada Lovelace", "-o", "-")
    assert sheet.exit_code == 0, sheet
    assert sheet.stdout.count("_Eine Zahl, zum Beispiel 9.200._") == 3
    assert "9,200" not in sheet.stdout


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [("de", "etwa 9.200 Follower", 9200), ("de", "1.500,5 Stunden", 1500.5),
     ("de", "1,5 Stunden", 1.5), ("it", "circa 1.234.567", 1234567),
     ("en", "about 9,200 followers", 9200), ("fr", "environ 9 200 followers", 9200),
     ("fr", "9.200", 9.2)],
)  # fmt: skip
def test_a_roundup_reads_a_number_in_a_text_answer_as_its_language_writes_it(
    language: str, text: str, number: float
) -> None:
    """A roundup's chart read "etwa 9.200 Follower" as 9.2 followers."""
    entry = Entry("Ada", "ada", dt.date(2011, 3, 10), "?", text, text, language=language)
    assert entry.number == number
