"""Question wording: one template per form of address, agreeing with the guest's gender.

A wording is a small template. ``{guest}``, ``{first_name}`` and ``{host}`` name
people; ``{answer:ID}`` quotes an earlier answer and ``{field:ID}`` a field the
host filled in; ``{un|une}`` picks the masculine or the feminine form, so that
"être suivi{|e}" reads "suivi" for a man and "suivie" for a woman. ``{{`` and
``}}`` are literal braces. With no gender given, both forms are shown the way the
language's inclusive writing does: "suivi·e" in French, "madrugador/a" in Spanish,
"Autor*in" in German, "actor/actress" whole in English (see :func:`inclusive_mark`).

In French, a name or an answer put after "de" or "que" elides it when it opens
on a vowel: "Interview Twitter de {guest}" reads "d’Amélie Roux", not "de Amélie".

Numbers are written here as each language writes them ("9 200", "9,200"), for a
question quoting an answer and for the posts; dates, in :mod:`jeudis.dates`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jeudis.dates import date_formatter

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
NAMES = ("guest", "first_name", "host", "series")
GENDERS = ("f", "m")
REGISTERS = ("tu", "vous")


@dataclass(frozen=True)
class WordingContext:
    """What a wording may refer to when it is rendered."""

    gender: str | None = None
    names: Mapping[str, str] = field(default_factory=dict)
    answers: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)
    language: str = ""  # the wording's: French elides "de" before a vowel ("d’Amélie")
    inclusive: str | None = None  # the questionnaire's own, else the language's (inclusive_mark)


def placeholders(template: str) -> Iterator[str]:
    """Yield the inside of every ``{...}`` placeholder in ``template``."""
    for match in PLACEHOLDER.finditer(template):
        if match.group(1) is not None:
            yield match.group(1)


def references(*templates: str) -> Iterator[tuple[str, str, str]]:
    """Yield each ``{answer:ID}`` and ``{field:ID}`` of ``templates``: the placeholder's
    inside, its kind ("answer" or "field") and the ID it quotes."""
    for template in templates:
        for inner in placeholders(template):
            kind, _, ref = inner.partition(":")
            if ref and kind in ("answer", "field"):
                yield inner, kind, ref


def stray_brace(template: str) -> str | None:
    """Why a brace of ``template`` is neither a placeholder nor written ``{{``/``}}``, or None.

    "{premier|première tweet ?" (a placeholder never closed) would reach the guest
    as typed.
    """
    covered = [False] * len(template)
    for match in PLACEHOLDER.finditer(template):
        covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    for at, char in enumerate(template):
        if char in "{}" and not covered[at]:
            return (
                f"a {char!r} that closes or opens no placeholder, near {template[at : at + 20]!r}"
                " (write {{ or }} for a brace)"
            )
    return None


def problem(inner: str) -> str | None:
    """Why a placeholder cannot be rendered, or None when it is well formed."""
    if "|" in inner:
        if inner.count("|") > 1:
            return f"{{{inner}}} has more than two gender forms (write {{masculine|feminine}})"
        return None
    kind, _, ref = inner.partition(":")
    if ref:
        if kind not in ("answer", "field"):
            return f"{{{inner}}}: unknown reference {kind!r} (use answer:ID or field:ID)"
        return None
    if inner not in NAMES:
        known = ", ".join(f"{{{n}}}" for n in NAMES)
        return f"{{{inner}}} is not a known placeholder (known: {known}, {{answer:ID}}, {{field:ID}}, {{masculine|feminine}})"
    return None


def render(template: str, context: WordingContext) -> str:
    french = is_french(context.language)
    mark = context.inclusive
    if mark is None:
        mark = inclusive_mark(context.language)
    out: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(template):
        out.append(template[last : match.start()])
        last = match.end()
        whole, inner = match.group(0), match.group(1)
        if inner is None:
            out.append(whole[0])
            continue
        if "|" in inner:  # the author wrote both forms: elided as they wish
            masculine, feminine = inner.split("|", 1)
            out.append(agree(masculine, feminine, context.gender, mark, context.language))
            continue
        kind, _, ref = inner.partition(":")
        if ref:
            source = context.answers if kind == "answer" else context.fields
            value = _quoted(source.get(ref, ""), context.language or "fr")
        else:
            value = str(context.names.get(inner, ""))
        if french and out and _elides(value):
            out[-1] = _ELIDED.sub("\\1’", out[-1])
        out.append(value)
    out.append(template[last:])
    return "".join(out)


# "de", "que" (and "lorsque", "puisque", "jusque") right before a placeholder.
_ELIDED = re.compile(r"(?<![^\W\d_])((?:[Dd]|[Qq]u|[Ll]orsqu|[Pp]uisqu|[Jj]usqu))e (?=$)")
# Words that open on a vowel and still take "de": "de oui", "de onze".
_NOT_ELIDING = frozenset({"oui", "ouis", "onze", "onzième", "onzièmes"})


def _elides(value: str) -> bool:
    """Whether "de" elides before ``value``: it opens on a vowel (accents aside).

    Not before an h, which names take both ways ("de Hugo", "d’Hélène"), nor a y
    before a vowel ("de Yasmine", "de YouTube"); "d’Yves" elides.
    """
    letters = unicodedata.normalize("NFD", value[:2]).lower()
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    if not letters or value.split(" ", 1)[0].lower() in _NOT_ELIDING:
        return False
    if letters[0] == "y":
        return len(letters) > 1 and letters[1].isalpha() and letters[1] not in "aeiouy"
    return letters[0] in "aeiouæœø"


def agree(
    masculine: str, feminine: str, gender: str | None, mark: str = "·", language: str = ""
) -> str:
    """The form for ``gender``; for none, both: the feminine's ending after ``mark``
    where the feminine extends the masculine ("suivi·e", "madrugador/a"), or, in a
    language swapping -o for -a (:data:`_O_TO_A`), replaces its -o or -os
    ("bienvenido/a", "nuevos/as"); else the two whole ("beau/belle", "el/la"), as they
    are too where ``mark`` is empty."""
    if gender == "m":
        return masculine
    if gender == "f":
        return feminine
    if feminine == masculine:  # "{|}", "{élève|élève}": nothing to mark
        return masculine
    if mark and feminine.startswith(masculine):
        return masculine + mark + feminine[len(masculine) :]
    if mark and primary_language(language) in _O_TO_A:
        for his, hers in (("o", "a"), ("os", "as")):
            stem = masculine[: -len(his)]
            if masculine.endswith(his) and stem and feminine == stem + hers:
                return masculine + mark + hers
    return f"{masculine}/{feminine}"


# The languages whose feminine swaps the masculine's -o for -a, as their screens greet
# a guest both ways ("¡Bienvenido/a"): "bienvenido/a", "nuevos/as", where "el/la" and
# Italian's "benvenuti/benvenute" stay whole.
_O_TO_A = frozenset({"es", "pt", "it", "ca", "gl"})


# How a language writes both genders in one word, where the feminine extends the
# masculine: French's middle dot ("suivi·e"); the slash of Spanish, Portuguese, Italian
# and Catalan ("madrugador/a", "un/a"), as their guests' screens greet them
# ("¡Bienvenido/a"); German's gender star ("Autor*in"), the form most widely written,
# and the one the German federation of the blind advises for screen readers, which read
# its colon variant as a pause. Any other language (English: "host/hostess", not
# "host/ess") writes the two words whole.
_INCLUSIVE_MARKS = {"fr": "·", "es": "/", "pt": "/", "it": "/", "ca": "/", "gl": "/", "de": "*"}


def inclusive_mark(language: str) -> str:
    """The sign between a word and its feminine ending in ``language``, or "" where the
    two forms are written whole: see :data:`_INCLUSIVE_MARKS`. French's when no language
    is said, as jeudis's own default."""
    return _INCLUSIVE_MARKS.get(primary_language(language) or "fr", "")


def primary_language(language: str) -> str:
    """A language tag's language, lowercased: "fr" for "fr-CA", "FR" or "fr_CH"."""
    return language.lower().replace("_", "-").partition("-")[0]


def post_language(language: str, series: str) -> str:
    """The language a post in ``language`` (its questionnaire's) is written in, in a
    series whose ``language`` (jeudis.toml's) is ``series``.

    A questionnaire saying a language alone (``fr``, as the bundled ones do) in a series
    naming the same with a region (``fr-CA``) is written as that region writes, and says
    so: a Quebec host's French questionnaires took France's typography, a space before
    each ``;!?``, beside an index without, and their pages, feed entries and front matter
    said ``fr`` (``og:locale`` ``fr_FR``). A questionnaire naming a region of its own
    (``fr-FR``) keeps it.
    """
    alone = "-" not in language.replace("_", "-")
    regional = "-" in series.replace("_", "-")  # else the tag as the questionnaire writes it
    if alone and regional and primary_language(series) == primary_language(language):
        return series
    return language


def is_french(language: str) -> bool:
    """Whether text in ``language`` (a tag as written: "fr", "fr-CA", "FR") reads the French way.

    Its language only: North Frisian ("frr") is not French, as ``check`` says it.
    """
    return primary_language(language) == "fr"


def _quoted(value: Any, language: str) -> str:
    """An answer or a field as a wording quotes it: a date as the post writes one
    ("depuis le 4 mars 1953", "since March 4, 1953"), not as its file stores it, and
    yes or no in the post's words ("ja", "sí")."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return date_formatter(language)(value)
    if isinstance(value, bool):  # "vous avez dit oui", "Sie sagten ja"
        return yes_or_no_word(value, language).lower()
    return as_text(value, language)


# Yes and no as a post writes the answer to a yes/no question, in each language a post
# is written in (English's in any other), and as the guest's screen offers them.
YES_NO = {
    "fr": ("Oui", "Non"),
    "en": ("Yes", "No"),
    "de": ("Ja", "Nein"),
    "es": ("Sí", "No"),
    "it": ("Sì", "No"),
    "nl": ("Ja", "Nee"),
    "pt": ("Sim", "Não"),
}


def yes_or_no_word(value: bool, language: str) -> str:
    """A yes/no answer as its post writes it: "Oui", "Yes", "Ja", "Sí"..."""
    yes, no = YES_NO.get(primary_language(language), YES_NO["en"])
    return yes if value else no


def as_text(value: Any, language: str = "fr") -> str:
    """An answer as a person reads it: lists joined, booleans in words, numbers grouped.

    Yes and no in French or English words ("oui", "yes"), as the answer sheet and the
    host's commands say them: the guest's screen's and a post's are :func:`yes_or_no_word`.
    """
    if value is None:
        return ""
    french = is_french(language)
    if isinstance(value, bool):
        if french:
            return "oui" if value else "non"
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(as_text(v, language) for v in value)
    if isinstance(value, int | float):
        return format_number(value, language)
    return str(value)


# How a language writes 9200.5, from CLDR's decimal and grouping symbols (for its Latin
# digits): "9.200,5" in German, Spanish, Italian, Brazilian Portuguese, Dutch, Turkish,
# Indonesian, Vietnamese...; "9 200,5" (a no-break space) in Polish, Russian, Czech,
# Swedish, European Portuguese...; "9’200.5" in Swiss German and Italian. Any other
# language writes "9,200.5" as English does: Chinese, Japanese, Korean, Hebrew, Thai,
# Hindi, Arabic, and Spanish in Mexico, the United States, Central America and Peru
# (``es-419``). A table, not Babel (over 30 MB installed, for five pairs of signs).
# English and French keep their own ways whatever the region ("en-DE" still writes
# "9,200", "fr-CA" "9 200" with a narrow no-break space). Scripts are not read: Azerbaijani
# in Cyrillic ("az-Cyrl") writes as Azerbaijani does, in Latin letters.
_WRITTEN = {
    # Decimal sign, grouping sign: the languages (and regions, where their language
    # writes otherwise) writing numbers so.
    (",", "."): "ast az bs ca da de dsb el es eu fo fy gl hr hsb ia id is it jgo jv kgp kkj"
    " kl km ku lb ln lo lu mgh mk mua nl nnh ps pt rn ro rw sc seh sg sl sr su tr vi wo yrl"
    " ar-dz ar-lb ar-ly ar-ma ar-mr ar-tn ms-bn ms-id qu-bo sw-cd",
    (",", "\u00a0"): "af agq bas be bg br cs dua dyo eo et ewo ff fi hu hy ka kab kea kk ksf"
    " ky lt lv nb nmg nn no pl ru sah se shi sk smn sq sv tg tk tt tzm uk uz yav zgh"
    " es-cr pt-ao pt-ch pt-cv pt-gq pt-gw pt-lu pt-mo pt-mz pt-pt pt-st pt-tl",
    (".", "\u00a0"): "dje khq mfe ses twq xh",
    (".", "\u2019"): "gsw rm de-ch de-li it-ch",
    (".", ","): "es-419 es-br es-bz es-cu es-do es-gt es-hn es-mx es-ni es-pa es-pe es-pr"
    " es-sv es-us",
}
_NUMBER_SIGNS = {tag: signs for signs, tags in _WRITTEN.items() for tag in tags.split()}


def number_signs(language: str) -> tuple[str, str]:
    """The decimal sign and the sign grouping thousands in ``language``: (",", ".") in
    German, (".", ",") in English and Mexican Spanish ("es-MX"), (",", "\u202f") in French."""
    primary, *rest = language.lower().replace("_", "-").split("-")
    if primary == "fr":
        return ",", "\u202f"
    if primary == "en":
        return ".", ","
    region = next((part for part in rest if re.fullmatch(r"[a-z]{2}|[0-9]{3}", part)), "")
    return _NUMBER_SIGNS.get(f"{primary}-{region}") or _NUMBER_SIGNS.get(primary, (".", ","))


def format_number(value: float, language: str = "fr") -> str:
    """9200.5 as "9 200,5" (narrow no-break space) in French, "9,200.5" in English,
    "9.200,5" in German: as :func:`number_signs` says ``language`` writes it."""
    whole = not isinstance(value, float) or value.is_integer()
    text = f"{int(value):,}" if whole else f"{value:,}"
    decimal, group = number_signs(language)
    return text.translate({ord(","): group, ord("."): decimal})


def first_name(full_name: str, given: str = "") -> str:
    """The guest's first name: ``given``, the one the host said (``new --first-name``),
    else the first word of ``full_name`` that is no title: "Jane" of "Dr. Jane Smith",
    "Anna" of "Prof. Dr. med. Anna Schmidt" or "Dr.-Ing. Anna Schmidt", "María" of
    "Doña María López". The rule cannot know "María José" of "María José Ibáñez": the
    host says it. A title before one name alone is kept with it: "Dr. Smith", "Herr
    Müller", "Dr. med. Schmidt", as one greets them."""
    if given.strip():
        return given.strip()
    parts = full_name.split()
    titled = 0
    while titled < len(parts) and _is_title(parts[titled], after_title=titled > 0):
        titled += 1
    if titled and len(parts) - titled < 2:  # "Dr. Smith", "Herr Müller": no first name
        return full_name.strip()
    return parts[titled] if parts else full_name


# Titles and honorifics before a name, in the languages jeudis speaks: read with their
# dot or without ("Dr", "Mme"), as these are no one's first name; the words written
# whole too ("Madame", "Señora", "Doña": Spanish writes it without a dot).
_TITLES = frozenset(
    [
        "dr",
        "dra",
        "drs",
        "prof",
        "profa",
        "pr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "herr",
        "frau",
        "sr",
        "sra",
        "srta",
        "dña",
        "sig",
        "sigra",
        "dott",
        "dottssa",
        "ing",
        "mag",
        "dipl",
        "dhr",
        "mevr",
        "mw",
        "sir",
        "dame",
        "rev",
        "madame",
        "mesdames",
        "mademoiselle",
        "monsieur",
        "messieurs",
        "señor",
        "señora",
        "señorita",
        "doña",
        "signor",
        "signora",
        "signorina",
        "senhor",
        "senhora",
        "senyor",
        "senyora",
        "meneer",
        "mevrouw",
    ]
)
# ... and those read only with their dot: "Don" and "M" are names or initials alone too.
_TITLES_DOTTED = frozenset(["m", "mm", "don", "dom"])


def _is_title(word: str, after_title: bool = False) -> bool:
    """Whether ``word`` is a title, or part of one: a German degree joined to it
    ("Dr.-Ing.", "Dipl.-Ing."), or, ``after_title``, its field in lowercase ("Dr. med.",
    "Dr. rer. nat.", "Dr. h.c.")."""
    bare = word.rstrip(".").casefold()
    if bare in _TITLES or (word.endswith(".") and bare in _TITLES_DOTTED):
        return True
    head, joined, _ = word.partition(".-")
    if joined and head.casefold() in _TITLES:  # "J.-P." is a name's initials
        return True
    return after_title and word.endswith(".") and word[:1].islower()


def declared(register: str, registers: Sequence[str]) -> str | None:
    """``register`` as the questionnaire declares it: itself, or the one register it
    names in another case ("sie" for "Sie"); None when it names none, or several."""
    if register in registers:
        return register
    alike = [r for r in registers if r.casefold() == register.casefold()]
    return alike[0] if len(alike) == 1 else None


def worded_for(registers: Sequence[str]) -> str:
    """The forms of address a questionnaire is worded for, as a message says them:
    '"tu" and "vous"', '"you" only' (said bare, "knows you" read as a remark)."""
    quoted = [f'"{register}"' for register in registers]
    if len(quoted) == 1:
        return f"{quoted[0]} only"
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count and its noun, for the host's messages: "1 answer", "0 answers", "3 passages"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


@dataclass(frozen=True)
class Plural:
    """Whether a count takes the plural, for ``str.format``: ``{plural}`` is "s" or ""
    (French, English, Spanish, Portuguese), ``{plural:Frage|Fragen}`` the singular or
    the plural written whole, for a language whose plural is not an s ("1 Frage",
    "2 Fragen"; "1 risposta salvata", "3 risposte salvate")."""

    many: bool

    def __format__(self, forms: str) -> str:
        one, _, many = forms.partition("|") if forms else ("", "", "s")
        return many if self.many else one


def plural(count: float, language: str) -> Plural:
    """Whether ``count`` takes the plural in ``language``: 1 does not, nor 0 in French
    and Brazil's Portuguese ("0 réponse"), as CLDR's plural rules say; Portugal's
    counts 0 in the plural ("0 convidados")."""
    zero_is_one = primary_language(language) in ("fr", "pt") and not _PORTUGAL.fullmatch(language)
    return Plural(count != 1 and not (count == 0 and zero_is_one))


_PORTUGAL = re.compile(r"pt[-_]pt\b.*", re.IGNORECASE)


def could_word(template: str, text: str) -> bool:
    """Whether ``template`` could have worded ``text``, for any guest and any gender:
    its placeholders read as anything, its other words as written."""
    pattern = ""
    last = 0
    for match in PLACEHOLDER.finditer(template):
        pattern += re.escape(template[last : match.start()])
        pattern += re.escape(match.group(0)[0]) if match.group(1) is None else ".*?"
        last = match.end()
    pattern += re.escape(template[last:])
    return re.fullmatch(pattern, text, re.DOTALL) is not None


# Letters a language spells out in a name made of plain letters (a slug, an address)
# where dropping their marks would change the name: German's "Müller" is "mueller",
# not "muller". As WordPress's remove_accents spells them on a site in that locale.
SPELLED_OUT = {
    "de": {"Ä": "Ae", "ä": "ae", "Ö": "Oe", "ö": "oe", "Ü": "Ue", "ü": "ue", "ß": "ss"},
    "da": {"Æ": "Ae", "æ": "ae", "Ø": "Oe", "ø": "oe", "Å": "Aa", "å": "aa"},
    "ca": {"l·l": "ll"},
    "sr": {"Đ": "DJ", "đ": "dj"},
    "bs": {"Đ": "DJ", "đ": "dj"},
}


def spelled_out(text: str, language: str) -> str:
    """``text`` with the letters ``language`` spells out spelled (see :data:`SPELLED_OUT`)."""
    spelled = SPELLED_OUT.get(primary_language(language))
    if not spelled or text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    for letter, letters in spelled.items():
        text = text.replace(letter, letters)
    return text


# Scripts written from right to left (ISO 15924), and the languages written in one of
# them when their tag names no script ("az-Arab" and "pa-Arab" are; "ku" alone, Kurmanji
# in Latin letters, is not).
_RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"})
_RTL_LANGUAGES = frozenset(
    [
        "ar",
        "arc",
        "azb",
        "bal",
        "ckb",
        "dv",
        "fa",
        "glk",
        "he",
        "iw",
        "ks",
        "lrc",
        "mzn",
        "pnb",
        "prs",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
    ]
)


# Asked of a post's language by each of its answers' blocks, names and links.
@lru_cache(maxsize=64)
def right_to_left(language: str) -> bool:
    """Whether ``language`` is written from right to left: Arabic, Hebrew, Persian, Urdu..."""
    primary, *rest = language.lower().replace("_", "-").split("-")
    script = next((part for part in rest if len(part) == 4 and part.isalpha()), "")
    return script in _RTL_SCRIPTS if script else primary in _RTL_LANGUAGES


# The languages a post is written in, whatever the region: the words around it, its
# dates, its yes and no, a roundup's words. A post in any other is written in English.
POST_LANGUAGES = ("fr", "en", "de", "es", "it", "nl", "pt")


def english_instead(language: str) -> bool:
    """Whether a post in ``language`` is written with English's words, dates, yes and no
    in place of its own: a language jeudis writes no posts in (Polish, Japanese, Arabic)."""
    return primary_language(language) not in POST_LANGUAGES
