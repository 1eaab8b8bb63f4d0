"""Turning what a guest typed into a checked answer value. Pure functions, no terminal."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from jeudis import characters
from jeudis.dates import date_formatter, month_first, month_named, weekday_name, weekday_named
from jeudis.errors import clip
from jeudis.questionnaire import Question, yes_or_no
from jeudis.refusals import message, template
from jeudis.textsafe import for_terminal
from jeudis.wording import number_signs, primary_language, yes_or_no_word

# The bullets a list copied from a word processor, a web page or a mail keeps ("• ",
# "◦\t"): published as Markdown's items, and Entrée after one goes to the next line.
PASTED_BULLETS = "•◦▪▫‣●○■□⁃∙"
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")
# American English puts the month first: 3/4/2011 is March 4.
_MONTH_FIRST_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y")


class InvalidAnswer(ValueError):
    """The text cannot be this question's answer; the message says why, for the guest."""


class _Problem(InvalidAnswer):
    """What is wrong, by key; :func:`coerce` words it in the questionnaire's language."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(message(key, "fr", params))
        self.key = key
        self.params = params


# The bounds each type checks (as _check_bounds does), as a sheet tells them.
_BOUNDS = {
    "text": ("min_length", "max_length", "min_words", "max_words"),
    "long": ("min_length", "max_length", "min_words", "max_words"),
    "url": ("min_length", "max_length", "min_words", "max_words"),
    "choice": ("min_length", "max_length", "min_words", "max_words"),
    "number": ("min", "max"),
}


def rules_note(question: Question) -> str:
    """The rules an answer must pass, told before it is given, as an answer sheet does:
    its bounds (:func:`limits_said`), or the question's own message for its pattern. ""
    when there are none to tell: a pattern is told by its message, unless the
    question's help says what to write (twitter's followers: "Un nombre (par exemple
    9 200)…"); a multiple choice's bounds by its choices' note."""
    rules = question.validation
    said = limits_said(question)
    if not said and rules.message and rules.pattern and not question.help:
        return rules.message
    return " ".join(said)


def limits_said(question: Question) -> list[str]:
    """The bounds an answer keeps within, told before it is given (on the answer sheet,
    in the live session): each as a refusal says it, without the count ("At least 10
    words.", "Au plus 280 caractères."), or the question's own message when it has one.
    Otherwise a long answer's 300 words at most were heard of once 400 were written."""
    rules = question.validation
    bounds = [
        (key, value)
        for key in _BOUNDS.get(question.type, ())
        if (value := getattr(rules, key)) is not None
    ]
    if rules.message and bounds:
        return [rules.message]
    said = (message(key, question.language, {"n": value, "count": 0}) for key, value in bounds)
    # "At least 10 words (0 so far)." in every language: the count is in brackets at the end.
    return [re.sub(r"\s*\([^()]*\)(?=\.?$)", "", text) for text in said]


def too_large(language: str) -> str:
    """Why a text is refused that would make the interview's file too large to read back."""
    return template("too_large", language)


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def coerce(question: Question, raw: Any) -> Any:
    """Check ``raw`` against the question's type and validation; return the value to store.

    Raises :class:`InvalidAnswer` with the message to show, in the questionnaire's
    language; the question's own ``validation.message`` wins when it has one. An
    empty answer to an optional question returns None (skipped).
    """
    try:
        return _coerce(question, raw)
    except _Problem as problem:
        custom = question.validation.message
        if custom and problem.key != "required":
            raise InvalidAnswer(custom) from None
        raise InvalidAnswer(message(problem.key, question.language, problem.params)) from None


def _coerce(question: Question, raw: Any) -> Any:
    if is_empty(raw):
        least = question.validation.min
        if question.required and question.type == "multi" and least is not None and least > 1:
            # Nothing ticked where several must be: how many, as one ticked hears it.
            raise _Problem("min_choices", n=least, count=0)
        if question.required:
            raise _Problem("required")
        return None
    kind = question.type
    if kind in ("text", "long", "url"):
        if isinstance(raw, bool | list | dict):  # from a data file: never print a Python repr
            raise _Problem("text")
        value: Any = _text(question, str(raw))
    elif kind == "number":
        # A data file's 1.125 is typed as the language writes it: "1,125" in German.
        typed = as_input(raw, question.language) if isinstance(raw, float) else str(raw)
        value = parse_number(typed, question.language)
    elif kind == "date":
        value = parse_date(str(raw), question.language)
    elif kind == "yesno":
        value = parse_yesno(raw)
    elif kind == "choice":
        value = _as_choice(str(raw), question.choices)
        if value not in question.choices:
            raise _Problem("choice", choices=listed(question.choices))
    elif kind == "multi":
        if not isinstance(raw, str | list) or not all(isinstance(v, str) for v in raw):
            # A table, a number or a date from a data file: never print a Python repr.
            raise _Problem("choice", choices=listed(question.choices))
        value = list(raw) if isinstance(raw, list) else _split_choices(raw, question.choices)
        value = [_as_choice(v, question.choices) for v in value]
        unknown = [v for v in value if v not in question.choices]
        if unknown:
            raise _Problem(
                "unknown_choice",
                unknown=clip(", ".join(unknown)),
                choices=listed(question.choices),
            )
        # Each once, in the questionnaire's order, as the live session's boxes give them:
        # a sheet's "Technik, Kultur, technik" was published with Technik twice.
        value = [choice for choice in question.choices if choice in value]
    else:  # pragma: no cover - the questionnaire loader rejects other types
        value = raw
    _check_bounds(question, value)
    return value


_TRAILING_SPACES = re.compile(r"[ \t]+(?=\n[ \t]*\n)|^[ \t]+$", re.MULTILINE)


def _text(question: Question, raw: str) -> str:
    # Blank lines before the answer, trailing blank lines and spaces are an artefact of
    # typing, not part of it (a first line's indent is: it may be code).
    if question.type == "long":
        value = raw.rstrip()
        blank = re.match(r"(?:[ \t]*\n)+", value)
        value = value[blank.end() :] if blank else value
        # Spaces ending a paragraph, or alone on a blank line (before a line of the same
        # paragraph, two spaces are Markdown's line break, and stay).
        value = _TRAILING_SPACES.sub("", value)
    else:
        value = raw.strip()
    if question.type == "url":
        value = site_address(value)
        check_url(value)
    return value


# A site named as people say it ("nina.example", "www.jardin.fr/blog").
_BARE_SITE = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,}(?:[/?#]\S*)?")


# Characters no one types into an address on purpose, and no one sees: pasted with it.
_UNSEEN = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def site_address(value: str) -> str:
    """A site named without its scheme (``nina.example``) as its https address; else as
    is. One followed by a mark (``nina.example…``) too, for :func:`check_url` to name
    the mark (it said a full address was expected, of what the docs call a site's
    name); invisible characters pasted with it (a zero-width space) left out, as the
    guest cannot see them to take them out."""
    value = _UNSEEN.sub("", value)
    bare = _BARE_SITE.match(value)
    if bare is not None and not re.search(r"[\w\s]", value[bare.end() :]):
        return "https://" + value
    return value


def check_url(value: str) -> None:
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1": no address at all
        raise _Problem("url") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _Problem("url")
    if re.search(r"\s", value):  # it starts with https://, as the message said it must
        raise _Problem("url_space")
    # A host of letters, digits, dots and hyphens (an IDN's letters too), or an IPv6
    # address: "https://nina.example…" (an ellipsis typed after it) leads nowhere.
    if not _HOST.fullmatch(parts.hostname or ""):
        host = for_terminal(parts.hostname or parts.netloc)
        raise _Problem("url_host", host=clip(host, 40))


_HOST = re.compile(r"[\w.-]+|[0-9a-f:.]*:[0-9a-f:.]*")


# Thousands grouped by commas, as English writes them ("9,200", "1,500.5"), or by dots,
# as German, Spanish or Italian do ("9.200", "1.500,5").
_GROUPED = {
    ",": re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"),
    ".": re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"),
}


def parse_number(raw: str, language: str = "fr") -> int | float:
    """A number as people write one in ``language``: "9 200", "9 200" (narrow no-break
    space), "8 572", "1,5" and "1.5" all read. Where the language groups thousands by
    commas (English) "9,200" is 9200; where by dots (German, Spanish, Italian, Dutch...)
    "9.200" is 9200 and "9,5" is 9.5. Elsewhere (French, Polish, Russian...) a comma or
    a dot is a decimal sign: "9.200" is 9.2, as a French guest means it."""
    decimal, group = number_signs(language)
    spaces = r"[\s\u00a0\u202f_'\u2019]" if group == "\u2019" else r"[\s\u00a0\u202f_']"
    text = re.sub(spaces, "", raw.strip())
    grouped = _GROUPED.get(group)
    if grouped is not None and grouped.fullmatch(text):
        text = text.replace(group, "").replace(decimal, ".")
    if re.fullmatch(r"[+-]?\d{1,300}", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d*[.,]\d+", text):
        return float(text.replace(",", "."))
    raise _Problem("number", example=9200)


def parse_date(raw: str, language: str = "fr") -> dt.date:
    """A date as people write one: 2011-03-04, or with slashes in the order of the
    language: 04/03/2011 is the 4th of March in French or British English, and
    March 4 in American English (``en``, ``en-US``), where 03/04/2011 is."""
    text = raw.strip()
    american = month_first(language)
    for fmt in _MONTH_FIRST_FORMATS if american else _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if (date := _date_in_words(text, language)) is not None:
        return date
    raise _Problem("date", short=short_date(language))


# Words around a date written out: "le 4 mars", "4 de marzo de 2011", "the 4th of March".
# And the second half of Portuguese's days of the week ("terça-feira").
_AROUND_A_DATE = frozenset(
    ("am", "de", "del", "dem", "den", "el", "em", "feira", "il", "le", "of", "the")
)
# A day and its ordinal's ending: 1er, 1st, 2nd, 3rd, 4th, 1º (and 4., whose dot is left out).
_DAY_OR_YEAR = re.compile(r"(\d{1,4})(?:er|st|nd|rd|th|º|ª|o)?")


def _date_in_words(text: str, language: str) -> dt.date | None:
    """A date written as a post writes one, in any of its languages: "4 mars 2011",
    "1er mai 2009", "March 4, 2011", "4. März 2011", "4 de março de 2011", "4 Mar 2011";
    after its day of the week too ("mardi 4 mars 2011"), when that is the right one."""
    day = month = year = weekday = None
    for word in re.findall(r"\w+", text.casefold()):
        if word in _AROUND_A_DATE:
            continue
        if weekday is None and day is None and (named_day := weekday_named(word)) is not None:
            weekday = named_day
            continue
        if figures := _DAY_OR_YEAR.fullmatch(word):
            number = figures.group(1)
            if len(number) == 4 and year is None:
                year = int(number)
            elif len(number) <= 2 and day is None:
                day = int(number)
            else:
                return None
        elif month is None and (named := month_named(word)) is not None:
            month = named
        else:
            return None
    if day is None or month is None or year is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:  # the 30th of February
        return None
    if weekday is not None and weekday != date.weekday():  # a slip, in the day or the week's
        raise _Problem(
            "weekday",
            date=date_formatter(language)(date),
            weekday=weekday_name(date, language),
            day=date,
        )
    return date


# Languages whose dates in figures are written with dots (4.3.2009) or dashes (4-3-2009),
# as CLDR's short date patterns write them: the others' with slashes.
_DOTTED = frozenset((
    "be", "cs", "da", "de", "et", "fi", "is", "kk", "lv", "nb", "nn", "no", "pl", "ro", "ru",
    "tr", "uk",
))  # fmt: skip
_DASHED = frozenset(("nl", "fy"))


def short_date(language: str) -> str:
    """How a date in figures is typed in ``language``, for a message: "MM/DD/YYYY" in
    American English, "DD.MM.YYYY" in German (every way is read: :func:`parse_date`)."""
    if month_first(language):
        return "MM/DD/YYYY"
    primary = primary_language(language)
    return (
        "DD.MM.YYYY" if primary in _DOTTED else "DD-MM-YYYY" if primary in _DASHED else "DD/MM/YYYY"
    )


_DATE_HINTS = {
    "fr": "Une date, au format AAAA-MM-JJ ou JJ/MM/AAAA.",
    "en": "A date, as YYYY-MM-DD or {short}.",
    "de": "Ein Datum, als JJJJ-MM-TT oder TT.MM.JJJJ.",
    "es": "Una fecha, en formato AAAA-MM-DD o DD/MM/AAAA.",
    "it": "Una data, nel formato AAAA-MM-GG o GG/MM/AAAA.",
    "nl": "Een datum, als JJJJ-MM-DD of DD-MM-JJJJ.",
    "pt": "Uma data, no formato AAAA-MM-DD ou DD/MM/AAAA.",
}


def date_hint(language: str) -> str:
    """How a date is typed, said before it is asked (on the answer sheet, in the live
    session): "A date, as YYYY-MM-DD or MM/DD/YYYY." in American English."""
    hint = _DATE_HINTS.get(primary_language(language), _DATE_HINTS["en"])
    return hint.format(short=short_date(language))


def choices_hint(question: Question, language: str | None = None) -> str:
    """How many choices a multiple choice takes, said before it is asked (on the answer
    sheet, in the live session) when its validation says: "Au moins 2 choix." ("" when
    any number will do); otherwise the guest heard of it only from a refusal. In the
    question's language, or in ``language``."""
    if question.type != "multi":
        return ""
    language = language or question.language
    low, high = question.validation.min, question.validation.max
    if low is not None and low <= 1:
        low = None  # one at least: as any answer given, nothing to say
    if low is not None and high is not None:
        return message("span_choices", language, {"low": low, "high": high})
    if low is not None:
        return message("min_choices", language, {"n": low})
    if high is not None:
        return message("max_choices", language, {"n": high})
    return ""


def parse_yesno(raw: Any) -> bool:
    value = yes_or_no(raw)
    if value is None:
        raise _Problem("yesno")
    return value


def _as_choice(typed: str, choices: tuple[str, ...]) -> str:
    """The choice ``typed`` names, as the questionnaire writes it: a guest typing on a
    sheet or in a data file writes "mastodon" or " Mastodon" for "Mastodon". Another
    text is returned as typed, to be refused with the choices."""
    if typed in choices:
        return typed
    folded = unicodedata.normalize("NFC", typed).strip().casefold()
    named = [c for c in choices if unicodedata.normalize("NFC", c).strip().casefold() == folded]
    return named[0] if len(named) == 1 else typed


def listed(choices: tuple[str, ...]) -> str:
    """The choices, as a message or a sheet lists them: apart with "; " when one holds a
    comma ("Music, arts; Tech; Other"), which ", " would read as two."""
    return ("; " if any("," in choice for choice in choices) else ", ").join(choices)


def _split_choices(raw: str, choices: tuple[str, ...]) -> list[str]:
    """The choices typed on a line, apart with commas: a choice holding one ("Music, arts")
    taken whole, the longest first, however its comma is spaced or its case typed."""
    parts = [part.strip() for part in raw.split(",")]
    with_comma = {_comma_folded(choice): choice for choice in choices if "," in choice}
    found: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start + 1, -1) if with_comma else ():
            if whole := with_comma.get(_comma_folded(",".join(parts[start:end]))):
                found.append(whole)
                start = end
                break
        else:
            found.append(parts[start])
            start += 1
    return [part for part in found if part]


def _comma_folded(text: str) -> str:
    return re.sub(r"\s*,\s*", ",", unicodedata.normalize("NFC", text).strip().casefold())


def _check_bounds(question: Question, value: Any) -> None:
    rules = question.validation
    if isinstance(value, str):
        # The length first: max_length caps what the pattern is tried on (one slow on a
        # long answer, quadratic, took seconds on a paste of ten thousand characters).
        if rules.min_length is not None or rules.max_length is not None:
            # As the guest sees characters: "é" typed as e and its accent, 🇫🇷, 👍🏽 one each.
            _within(characters.count(value), rules.min_length, rules.max_length, "length")
        # "." takes a line break too: a long answer of paragraphs is matched whole.
        if rules.pattern and not re.fullmatch(rules.pattern, value, re.DOTALL):
            raise _Problem("pattern")
        _within(word_count(value), rules.min_words, rules.max_words, "words")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if rules.min is not None and value < rules.min:
            raise _Problem("min", n=rules.min)
        if rules.max is not None and value > rules.max:
            raise _Problem("max", n=rules.max)
    if isinstance(value, list):
        _within(len(value), rules.min, rules.max, "choices")


def word_count(text: str) -> int:
    """The words a reader counts: a French "!" or ":" standing apart, a list's "-", a
    dash, an emoji alone are none; "l'an", "2011" and "https://…" are one each. Chinese
    and Japanese, written without spaces, count each ideograph and kana a word, as word
    processors count them: "東京に住んでいます" is 9 (it was one, and a minimum of words
    refused every answer in them). Korean is written with spaces, and counted by them."""
    return sum(
        1
        for part in _WORD_PARTS.finditer(text)
        if part["ideograph"] or (part["run"] and _LETTER_OR_DIGIT.search(part["run"]))
    )


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# Han ideographs (and 々, 〇), hiragana and katakana, full and half width: a word each.
_IDEOGRAPHS = (
    "\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa"
    "\u30fd-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff6f"
    "\uff71-\uff9d\U00020000-\U0003134f"
)
# Kana's marks: a sound lengthened (ー), voiced (゛): on the kana before, no word.
_KANA_MARKS = "\u3099-\u309c\u30fc\uff70\uff9e\uff9f"
_WORD_PARTS = re.compile(
    f"(?P<ideograph>[{_IDEOGRAPHS}])|[{_KANA_MARKS}]+|(?P<run>[^\\s{_IDEOGRAPHS}{_KANA_MARKS}]+)"
)


def _within(count: int, low: float | None, high: float | None, what: str) -> None:
    if low is not None and count < low:
        raise _Problem(f"min_{what}", n=low, count=count)
    if high is not None and count > high:
        raise _Problem(f"max_{what}", n=high, count=count)


def as_input(value: Any, language: str) -> str:
    """An answer value as text to prefill an input with, or to quote in a line of the
    notes or a message; a yes or no as the guest's screen offers it ("Oui", "Yes", "Ja")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_or_no_word(value, language)
    if isinstance(value, dt.date):  # as the review and the post write it, and read back
        return date_formatter(language)(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and number_signs(language)[1] == ".":
        return str(value).replace(".", ",")  # 9.125 in German: "9.125" would read 9125
    return str(value)
