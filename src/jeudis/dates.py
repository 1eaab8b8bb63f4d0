"""Dates in words: how a post writes a date in each language it is written in
("7 avril 2011", "April 7, 2011", "7. April 2011"), and the months and days of the
week a date typed in words names ("mardi 4 mars", "Tue, March 4").
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

# Where English writes a date month first ("March 4, 2011", 3/4/2011): the United
# States and its territories, Canada and the Philippines. The rest of the English-speaking
# world (en-GB, en-IE, en-AU, en-IN...) writes "4 March 2011", 4/3/2011.
_MONTH_FIRST_REGIONS = ("", "us", "ca", "ph", "as", "gu", "mp", "pr", "um", "vi")


def month_first(language: str) -> bool:
    """Whether dates in ``language`` put the month before the day: American English,
    which ``en`` alone means; not British English (``en-GB``) nor any other language."""
    primary, *rest = language.lower().replace("_", "-").split("-")
    region = next((part for part in rest if len(part) == 2 and part.isalpha()), "")
    return primary == "en" and region in _MONTH_FIRST_REGIONS


# How a post writes a date in running text: CLDR's long date format ("d MMMM y",
# "d 'de' MMMM 'de' y"...) and its months in the format (not stand-alone) form, spelled
# out here, not strftime's %B: that one is the process's locale's. English and French
# have their own ways below (American English puts the month first, French says "1er").
# German capitalises its months; Spanish, Italian, Dutch and Portuguese do not.
_DATES = {
    # Language: how it writes the 4th of a month (day, month, year).
    "de": "{day}. {month} {year}",
    "es": "{day} de {month} de {year}",
    "it": "{day} {month} {year}",
    "nl": "{day} {month} {year}",
    "pt": "{day} de {month} de {year}",
}
_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
# A month a region names otherwise, as CLDR has it: Austria's "Jänner", Peru's and
# Uruguay's "setiembre".
_REGIONAL_MONTHS = {"de-at": {1: "Jänner"}, "es-pe": {9: "setiembre"}, "es-uy": {9: "setiembre"}}

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(date: dt.date) -> str:
    """``7 avril 2011``; the first of the month is ``1er``."""
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {FRENCH_MONTHS[date.month - 1]} {date.year}"


ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def folded_word(word: str) -> str:
    """``Märzo`` as ``marzo``: lower case, without accents (a month, a first name...)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTH_WORDS: dict[str, int] = {}


def month_named(word: str) -> int | None:
    """The month a word names in one of the languages posts are written in (1 to 12):
    ``mars``, ``March``, ``März``, ``marzo``, ``maart``, ``março``; with or without its
    accents; or the first three letters or more of one (``Mar``, ``sept.``, ``juil``),
    when they start no other month's name (``jui``: juin or juillet)."""
    if not _MONTH_WORDS:
        names = [FRENCH_MONTHS, ENGLISH_MONTHS, *(months.split() for months in _MONTHS.values())]
        regional = [
            (number, name) for by in _REGIONAL_MONTHS.values() for number, name in by.items()
        ]
        months: dict[str, set[int]] = {}
        for number, name in [*(p for n in names for p in enumerate(n, 1)), *regional]:
            folded = folded_word(name)
            for end in range(3, len(folded) + 1):
                months.setdefault(folded[:end], set()).add(number)
        _MONTH_WORDS.update(
            (word, min(numbers)) for word, numbers in months.items() if len(numbers) == 1
        )
    return _MONTH_WORDS.get(folded_word(word).rstrip("."))


# The days of the week, Monday first, as a date in words may begin with one ("mardi
# 4 mars 2011", "Tuesday, March 4, 2011"); in English, their short forms too.
_WEEKDAYS = {
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
}
_OTHER_WEEKDAYS = (
    ("mon", 0), ("tue", 1), ("tues", 1), ("wed", 2), ("thu", 3), ("thur", 3), ("thurs", 3),
    ("fri", 4), ("sat", 5), ("sun", 6), ("sonnabend", 5),
)  # fmt: skip
_WEEKDAY_WORDS: dict[str, int] = {}


def weekday_named(word: str) -> int | None:
    """The day of the week a word names (0 for Monday), in any language posts are
    written in, with or without accents: ``mardi``, ``Tuesday``, ``Tue``, ``Dienstag``,
    ``martedi``; Portuguese's ``terça`` (of ``terça-feira``)."""
    if not _WEEKDAY_WORDS:
        for names in _WEEKDAYS.values():
            for number, name in enumerate(names.split()):
                _WEEKDAY_WORDS[folded_word(name.removesuffix("-feira"))] = number
        _WEEKDAY_WORDS.update(_OTHER_WEEKDAYS)
    return _WEEKDAY_WORDS.get(folded_word(word).rstrip("."))


def weekday_name(date: dt.date, language: str) -> str:
    """The day of the week of ``date`` in ``language``: ``vendredi``, ``Friday``."""
    names = _WEEKDAYS.get(language.lower().replace("_", "-").split("-")[0], _WEEKDAYS["en"])
    return names.split()[date.weekday()]


def date_formatter(language: str) -> Callable[[dt.date], str]:
    """How a post in ``language`` writes a date: ``7 avril 2011``, ``April 7, 2011``,
    and ``7 April 2011`` in British English (``en-GB``), as in Ireland or Australia;
    ``7. April 2011`` in German, ``7 de abril de 2011`` in Spanish and Portuguese,
    ``7 aprile 2011`` in Italian, ``7 april 2011`` in Dutch. American English in any
    other language (Japanese, Swedish...)."""
    primary, *rest = language.lower().replace("_", "-").split("-")
    if primary == "fr":
        return french_date
    if primary in _DATES:
        pattern, months = _DATES[primary], _MONTHS[primary].split()
        region = next((part for part in rest if len(part) == 2 and part.isalpha()), "")
        for number, name in _REGIONAL_MONTHS.get(f"{primary}-{region}", {}).items():
            months[number - 1] = name
        return lambda date: pattern.format(
            day=date.day, month=months[date.month - 1], year=date.year
        )
    if primary == "en" and not month_first(language):
        return lambda date: f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"
    return lambda date: f"{ENGLISH_MONTHS[date.month - 1]} {date.day}, {date.year}"
