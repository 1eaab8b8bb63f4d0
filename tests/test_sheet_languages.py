"""The answer sheet in each language jeudis speaks, and back: the same answers.

A German questionnaire's sheet speaks German around its German questions, in
the questionnaire's form of address (du or Sie), and its own lines, read back,
are never taken for the guest's: a guest's "Ja" is theirs, the sheet's
"Mit Ja oder Nein antworten." is not.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from jeudis.questionnaire import yes_or_no
from jeudis.sheet import END_MARKERS, TEXT
from support import Invoke, fill_sheet, only_interview

_invoke: Invoke | None = None


@pytest.fixture(autouse=True)
def _cli(invoke: Invoke) -> Iterator[None]:
    global _invoke
    _invoke = invoke
    yield
    _invoke = None


def run(*args: str) -> tuple[int, str]:
    assert _invoke is not None
    result = _invoke(*args)
    return result.exit_code, result.output


def _fields(template: str) -> set[str | None]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_each_languages_sheet_text_has_frenchs_keys_and_placeholders() -> None:
    """A key missing in one language would be a KeyError on its guest's sheet; a
    placeholder missing, a hole ("{count}" not said) or a crash."""
    french = TEXT["fr"]
    assert set(TEXT) >= {
        f"{lang}{tu}" for lang in ("de", "es", "it", "nl", "pt") for tu in ("", "-tu")
    }
    for key, words in TEXT.items():
        assert set(words) == set(french), key
        assert len(words["rules"]) == len(french["rules"]), key
        for name, text in words.items():
            if name in ("rules", "number"):  # French's number says 9 200 as it writes it
                continue
            assert _fields(text) == _fields(french[name]), (key, name)
        assert [_fields(rule) for rule in words["rules"]] == [
            _fields(rule) for rule in french["rules"]
        ], key
        assert words["end_marker"] in END_MARKERS
        assert yes_or_no(words["yes"]) is True and yes_or_no(words["no"]) is False, key


# Per language: its forms of address (familiar, polite) as `jeudis init` names them,
# yes in its words as a guest types it, a date in its short form, and words of the
# sheet only that language's sheet has.
LANGUAGES = {
    "fr": (("tu", "vous"), "oui", "04/03/2011", ("## FIN", "(facultatif)")),
    "en": (("you",), "yes", "03/04/2011", ("## END", "(optional)")),
    "de": (("du", "Sie"), "Ja", "04.03.2011", ("## ENDE", "(freiwillig)")),
    "es": (("tú", "usted"), "Sí", "04/03/2011", ("## FIN", "(opcional)")),
    "it": (("tu", "Lei"), "sì", "04/03/2011", ("## FINE", "(facoltativa)")),
    "nl": (("je", "u"), "ja", "04-03-2011", ("## EINDE", "(optioneel)")),
    "pt": (("tu", "você"), "sim", "04/03/2011", ("## FIM", "(opcional)")),
}

FORM = """
id = "blog"
title = "Blog: {guest}"
language = "LANG"
registers = REGISTERS

[[questions]]
id = "name"
type = "text"
text = "Name?"

[[questions]]
id = "blogs"
type = "yesno"
text = "Blog?"

[[questions]]
id = "since"
type = "date"
text = "Since?"
when = { question = "blogs", equals = "yes" }

[[questions]]
id = "networks"
type = "multi"
text = "Networks?"
choices = ["Mastodon", "Bluesky", "YES", "NO"]
validation = { min = 2 }

[[questions]]
id = "favourite"
type = "choice"
text = "Favourite?"
choices = ["Mastodon", "Bluesky"]

[[questions]]
id = "readers"
type = "number"
text = "Readers?"
required = false
"""


def _questionnaire(series: Path, language: str, registers: tuple[str, ...]) -> None:
    yes, no = TEXT[language]["yes"], TEXT[language]["no"]
    text = FORM.replace("LANG", language).replace("REGISTERS", repr(list(registers)))
    # A choice named as the sheet's yes and no: the guest's, never the sheet's.
    text = text.replace('"YES", "NO"', f'"{yes.capitalize()}", "{no.capitalize()}"')
    (series / "questionnaires" / "blog.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("register_at", [0, -1])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_sheet_in_each_language_comes_back_as_the_same_answers(
    series: Path, language: str, register_at: int
) -> None:
    registers, yes, typed_date, own = LANGUAGES[language]
    register = registers[register_at]
    _questionnaire(series, language, registers)
    code, out = run(
        "sheet", "blog", "--guest", "Nina Petit", "--register", register, "--gender", "f",
        "--host", "Stefan", "-o", str(series / "sheet.md"),
    )  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    words = TEXT[language if register_at or language == "en" else f"{language}-tu"]
    assert f"\n{words['end_marker']}\n\n{words['end']}\n" in sheet
    assert all(word in sheet for word in own), own
    assert f"_{words['yesno']}_" in sheet
    if language not in ("en",):  # in its language only: no English around its questions
        assert not re.search(r"\(optional\)|Pick |## END\n|Answer yes or no", sheet)
    first = (
        "Nina" if (register_at == 0 and len(registers) > 1) or language == "en" else "Nina Petit"
    )
    assert "\n" + words["hello"].format(guest=first) + "\n" in sheet

    chosen = f"Mastodon, {TEXT[language]['yes'].capitalize()}"
    answers = {
        "name": f"Nina\n\n{words['yesno']}",  # the guest's own words, as the sheet's line
        "blogs": yes,
        "since": typed_date,
        "networks": chosen,
        "favourite": "bluesky",
    }
    (series / "filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert "warning" not in out
    interview = only_interview(series)
    assert interview.status == "complete"
    assert interview.values() == {
        "name": f"Nina\n\n{words['yesno']}",
        "blogs": True,
        "since": dt.date(2011, 3, 4),
        "networks": ["Mastodon", TEXT[language]["yes"].capitalize()],
        "favourite": "Bluesky",
    }
    assert interview.answer("readers").skipped  # type: ignore[union-attr]


@pytest.mark.parametrize("hints", ["german", "english"])
def test_a_german_sheet_printed_in_english_before_still_comes_back_whole(
    series: Path, monkeypatch: pytest.MonkeyPatch, hints: str
) -> None:
    """A German questionnaire's sheet spoke English around its questions ("(optional)",
    "Answer yes or no.", "## END"), its date and choices hints in German since the
    guest's screen spoke German, in English before: sent then, it comes back now, its
    lines told from the guest's as they were."""
    registers, _, typed_date, _ = LANGUAGES["de"]
    _questionnaire(series, "de", registers)
    with monkeypatch.context() as patch:
        patch.setattr("jeudis.sheet.sheet_text", lambda *_: TEXT["en"])
        code, out = run("sheet", "blog", "--guest", "Nina Petit", "--register", "Sie",
                        "-o", str(series / "sheet.md"))  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert "**Readers? (optional)**" in sheet and "\n## END\n" in sheet
    german = ("_Ein Datum, als JJJJ-MM-TT oder TT.MM.JJJJ._", "_Mindestens 2 Optionen,")
    assert all(hint in sheet for hint in german)
    if hints == "english":
        sheet = sheet.replace(german[0], "_A date, as YYYY-MM-DD or DD.MM.YYYY._")
        sheet = sheet.replace(german[1], "_At least 2 choices,")
    answers = {"name": "Nina", "blogs": "yes", "since": typed_date, "networks": "Mastodon, Ja",
               "favourite": "Bluesky", "readers": "9.200"}  # fmt: skip
    (series / "filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert "warning" not in out
    assert only_interview(series).values() == {
        "name": "Nina", "blogs": True, "since": dt.date(2011, 3, 4),
        "networks": ["Mastodon", "Ja"], "favourite": "Bluesky", "readers": 9200,
    }  # fmt: skip


def test_a_spanish_sheet_ending_as_a_french_one_reads_as_spanish(series: Path) -> None:
    """A Spanish sheet ends on "## FIN", as a French one: in a Spanish series whose
    questionnaire says no language, it was read as one printed in French (from when
    French was the default), its "(opcional)" taken for the guest's answer. A French
    sheet there still reads as French."""
    (series / "jeudis.toml").write_text('language = "es"\n', encoding="utf-8")
    _questionnaire(series, "es", ("tú", "usted"))
    form = series / "questionnaires" / "blog.toml"
    form.write_text(form.read_text(encoding="utf-8").replace('language = "es"\n', ""), "utf-8")
    code, out = run("sheet", "blog", "--guest", "Nina Petit", "--register", "usted",
                    "-o", str(series / "sheet.md"))  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    assert "\n## FIN\n" in sheet and "**Readers? (opcional)**" in sheet
    answers = {"name": "Nina", "blogs": "no", "networks": "Mastodon, Sí", "favourite": "Bluesky"}
    (series / "filled.md").write_text(fill_sheet(sheet, answers), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    interview = only_interview(series)
    assert interview.language == "es" and "warning" not in out
    assert interview.values() == {
        "name": "Nina",
        "blogs": False,
        "networks": ["Mastodon", "Sí"],
        "favourite": "Bluesky",
    }

    (series / "interviews" / "nina-petit.toml").unlink()
    (series / "jeudis.toml").unlink()  # French then, as a series without a language was
    code, out = run("sheet", "blog", "--guest", "Nina Petit", "--register", "usted",
                    "-o", str(series / "sheet.md"))  # fmt: skip
    assert code == 0, out
    french = (series / "sheet.md").read_text(encoding="utf-8")
    assert "\n## FIN\n" in french and "**Readers? (facultatif)**" in french
    (series / "jeudis.toml").write_text('language = "es"\n', encoding="utf-8")
    (series / "filled.md").write_text(fill_sheet(french, answers), encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    assert only_interview(series).language == "fr" and "warning" not in out


# A mail program's lines around a sheet, in each language: the reply header above
# the sheet it quotes, as Gmail, Apple Mail or Thunderbird words it, and a phone's signature.
MAIL_LINES = {
    "de": ("Am Fr., 27. Nov. 2026 um 10:00 Uhr schrieb Stefan <s@x.de>:",
           "Von meinem iPhone gesendet"),
    "es": ("El vie, 27 nov 2026 a las 10:00, Stefan (<s@x.de>) escribió:",
           "Enviado desde mi iPhone"),
    "it": ("Il giorno ven 27 nov 2026 alle ore 10:00 Stefan <s@x.de> ha scritto:",
           "Inviato da iPhone"),
    "nl": ("Op 27 nov. 2026 om 10:00 heeft Stefan <s@x.de> het volgende geschreven:",
           "Verstuurd vanaf mijn iPhone"),
    "pt": ("Em sex., 27 de nov. de 2026 às 10:00, Stefan <s@x.de> escreveu:",
           "Enviado do meu iPhone"),
}  # fmt: skip


@pytest.mark.parametrize("end_line", ["kept", "deleted"])
@pytest.mark.parametrize("language", list(MAIL_LINES))
def test_a_mail_programs_lines_in_the_guests_language_are_not_the_guests(
    series: Path, language: str, end_line: str
) -> None:
    """A German reply header above the quoted sheet was said as text the guest wrote
    above the first question, and "Von meinem iPhone gesendet" below the last answer,
    its end line deleted, was taken for the answer: "12 Von meinem…" is no number."""
    registers = LANGUAGES[language][0]
    _questionnaire(series, language, registers)
    code, out = run("sheet", "blog", "--guest", "Nina Petit", "--register", registers[-1],
                    "-o", str(series / "sheet.md"))  # fmt: skip
    assert code == 0, out
    sheet = (series / "sheet.md").read_text(encoding="utf-8")
    if end_line == "deleted":
        words = TEXT[language]
        sheet = sheet.replace(f"\n{words['end_marker']}\n\n{words['end']}\n", "\n")
    answers = {"name": "Nina", "blogs": "no", "networks": "Mastodon, Bluesky",
               "favourite": "Bluesky", "readers": "12"}  # fmt: skip
    header, signature = MAIL_LINES[language]
    quoted = "\n".join(f"> {line}".rstrip() for line in fill_sheet(sheet, answers).split("\n"))
    (series / "filled.md").write_text(f"{header}\n{quoted}\n\n{signature}\n", encoding="utf-8")
    code, out = run("import", str(series / "filled.md"))
    assert code == 0, out
    said = " ".join(out.split())
    assert "above the first question" not in said and "below the end line" not in said
    if end_line == "deleted":
        assert "a mail program's signature ends the answer" in said
    assert only_interview(series).values() == {
        "name": "Nina", "blogs": False, "networks": ["Mastodon", "Bluesky"],
        "favourite": "Bluesky", "readers": 12,
    }  # fmt: skip
