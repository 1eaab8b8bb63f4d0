"""What a guest types, turned into a checked value: pure functions, no terminal."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from jeudis.answers import (
    InvalidAnswer,
    as_input,
    coerce,
    parse_date,
    parse_number,
    rules_note,
    word_count,
)
from jeudis.graphemes import cluster_end
from jeudis.questionnaire import Condition, Question, Validation


def question(type_: str = "text", *, required: bool = True, **rules: Any) -> Question:
    choices = tuple(rules.pop("choices", ()))
    return Question(
        id="q",
        type=type_,
        text={"*": "Q ?"},
        required=required,
        choices=choices,
        validation=Validation(**rules),
    )


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("9 200", 9200),
        ("9\u00a0200", 9200),
        ("9\u202f200", 9200),
        ("8 572 ", 8572),
        ("1_000", 1000),
        ("0", 0),
        ("-3", -3),
        ("1,5", 1.5),
        ("1.5", 1.5),
    ],
)
def test_numbers_as_people_write_them(typed: str, value: float) -> None:
    result = parse_number(typed)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize("typed", ["beaucoup", "9k", "1.2.3", "", "--1"])
def test_not_a_number(typed: str) -> None:
    with pytest.raises(InvalidAnswer, match="Un nombre est attendu"):
        parse_number(typed)


@pytest.mark.parametrize(
    "typed", ["2011-03-10", "10/03/2011", "10.03.2011", "10-03-2011", " 2011-03-10 "]
)
def test_dates(typed: str) -> None:
    assert parse_date(typed) == dt.date(2011, 3, 10)


@pytest.mark.parametrize(
    "typed",
    ["2011-02-30", "hier", "mars 2011", "10 mars", "10 mars 11", "10 3 2011", "30 février 2011",
     "10 jui 2011", "10 mars 2011 hier", "10 10 mars 2011", "10 mars mai 2011", "0 mars 2011"],
)  # fmt: skip
def test_not_a_date(typed: str) -> None:
    with pytest.raises(InvalidAnswer, match="Une date est attendue"):
        parse_date(typed)


@pytest.mark.parametrize(
    ("language", "typed"),
    [("fr", "10 mars 2011"), ("fr", "le 10 mars 2011"), ("fr", "10 Mars 2011"),
     ("en", "March 10, 2011"), ("en", "10 March 2011"), ("en-GB", "the 10th of March, 2011"),
     ("en", "Mar 10 2011"), ("de", "10. März 2011"), ("de", "10. Marz 2011"),
     ("es", "10 de marzo de 2011"), ("it", "10 marzo 2011"), ("nl", "10 maart 2011"),
     ("pt-BR", "10 de março de 2011"), ("fr", "10 march 2011"), ("de-AT", "10. Mär. 2011")],
)  # fmt: skip
def test_a_date_written_as_a_post_writes_one_reads(language: str, typed: str) -> None:
    """A guest answering "since when?" writes the date in words, as the post will: it
    was refused, asking for 2011-03-10."""
    asked = replace(question("date"), language=language)
    assert coerce(asked, typed) == dt.date(2011, 3, 10)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1er mai 2009", dt.date(2009, 5, 1)), ("1st May 2009", dt.date(2009, 5, 1)),
     ("1º de enero de 2020", dt.date(2020, 1, 1)), ("4 juil. 2011", dt.date(2011, 7, 4)),
     ("4 juin 2011", dt.date(2011, 6, 4)), ("4 Jänner 2011", dt.date(2011, 1, 4)),
     ("4 setiembre 2011", dt.date(2011, 9, 4)), ("4 sept. 2011", dt.date(2011, 9, 4)),
     ("4 août 2011", dt.date(2011, 8, 4)), ("4 aout 2011", dt.date(2011, 8, 4)),
     ("29 février 2012", dt.date(2012, 2, 29)), ("2011, 4 décembre", dt.date(2011, 12, 4))],
)  # fmt: skip
def test_a_date_in_words_reads_its_day_and_month(typed: str, value: dt.date) -> None:
    assert parse_date(typed) == value


@pytest.mark.parametrize(
    ("language", "typed"),
    [("fr", "vendredi 4 mars 2011"), ("fr", "le vendredi 4 mars 2011"),
     ("en", "Friday, March 4, 2011"), ("en", "Fri, 4 Mar 2011"), ("en", "Fri. March 4th, 2011"),
     ("de", "Freitag, den 4. März 2011"), ("es", "viernes, 4 de marzo de 2011"),
     ("it", "venerdì 4 marzo 2011"), ("it", "venerdi 4 marzo 2011"), ("nl", "vrijdag 4 maart 2011"),
     ("pt-BR", "sexta-feira, 4 de março de 2011"), ("fr", "Friday 4 mars 2011")],
)  # fmt: skip
def test_a_date_after_its_day_of_the_week_reads(language: str, typed: str) -> None:
    """ "mardi 4 mars 2011", as a guest copies it from a calendar, was refused."""
    asked = replace(question("date"), language=language)
    assert coerce(asked, typed) == dt.date(2011, 3, 4)


@pytest.mark.parametrize(
    ("language", "typed", "said"),
    [("fr", "mardi 4 mars 2011", "Le 4 mars 2011 était un vendredi."),
     ("fr", "mercredi 1er mars 2011", "Le 1er mars 2011 était un mardi."),
     ("en", "Tuesday, March 4, 2011", "March 4, 2011 was a Friday."),
     ("en-GB", "Tue 4 March 2011", "4 March 2011 was a Friday."),
     ("de", "Dienstag, 4. März 2011", "Der 4. März 2011 war ein Freitag."),
     ("es", "martes 4 de marzo de 2011", "El 4 de marzo de 2011 fue viernes."),
     ("it", "martedì 4 marzo 2011", "Il giorno 4 marzo 2011 era venerdì."),
     ("nl", "dinsdag 4 maart 2011", "4 maart 2011 was een vrijdag."),
     ("pt", "terça-feira, 4 de março de 2011", "O dia 4 de março de 2011 foi sexta-feira."),
     ("fr", "Tuesday 4 mars 2011", "Le 4 mars 2011 était un vendredi.")],
)  # fmt: skip
def test_a_date_after_the_wrong_day_of_the_week_says_which_it_was(
    language: str, typed: str, said: str
) -> None:
    """Which of the two was a slip, the day of the week or of the month, only the guest
    knows: the answer is refused, saying what day that date was."""
    asked = replace(question("date"), language=language)
    with pytest.raises(InvalidAnswer) as refused:
        coerce(asked, typed)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [("en", "03/04/2011", dt.date(2011, 3, 4)), ("en-US", "3/4/2011", dt.date(2011, 3, 4)),
     ("en", "11/27/2026", dt.date(2026, 11, 27)), ("en", "03-04-2011", dt.date(2011, 3, 4)),
     ("en-GB", "03/04/2011", dt.date(2011, 4, 3)), ("en-AU", "27/11/2026", dt.date(2026, 11, 27)),
     ("fr", "03/04/2011", dt.date(2011, 4, 3)), ("de", "03.04.2011", dt.date(2011, 4, 3)),
     ("nl", "3-4-2011", dt.date(2011, 4, 3)),
     ("en", "2011-03-04", dt.date(2011, 3, 4)), ("en-GB", "2011-03-04", dt.date(2011, 3, 4))],
)  # fmt: skip
def test_a_date_with_slashes_reads_in_the_languages_order(
    language: str, typed: str, value: dt.date
) -> None:
    """An American guest's 03/04/2011 was taken for the 3rd of April, and 11/27/2026
    refused, asking for DD/MM/YYYY."""
    asked = replace(question("date"), language=language)
    assert coerce(asked, typed) == value


@pytest.mark.parametrize(
    ("language", "typed", "said"),
    [("en", "27/11/2026", "A date is expected, as YYYY-MM-DD or MM/DD/YYYY."),
     ("en-GB", "11/27/2026", "A date is expected, as YYYY-MM-DD or DD/MM/YYYY."),
     ("en", "03.04.2011", "A date is expected, as YYYY-MM-DD or MM/DD/YYYY."),
     ("fr", "11/27/2026", "Une date est attendue, au format AAAA-MM-JJ ou JJ/MM/AAAA."),
     # As each writes dates in figures (4.3.2009, 4-3-2009); every way is read.
     # In its own letters: German's Tag and Jahr, Italian's giorno, Spanish's año.
     ("de-AT", "4/13/2009", "Ein Datum wird erwartet, als JJJJ-MM-TT oder TT.MM.JJJJ."),
     ("nl", "4.13.2009", "Er wordt een datum verwacht, als JJJJ-MM-DD of DD-MM-JJJJ."),
     ("es", "4.13.2009", "Se espera una fecha, en formato AAAA-MM-DD o DD/MM/AAAA."),
     ("it", "4.13.2009", "È attesa una data, nel formato AAAA-MM-GG o GG/MM/AAAA."),
     ("pt-BR", "4.13.2009", "Espera-se uma data, no formato AAAA-MM-DD ou DD/MM/AAAA."),
     ("pl", "4.13.2009", "A date is expected, as YYYY-MM-DD or DD.MM.YYYY.")],
)  # fmt: skip
def test_a_date_refused_says_the_order_its_language_reads(
    language: str, typed: str, said: str
) -> None:
    asked = replace(question("date"), language=language)
    with pytest.raises(InvalidAnswer) as refused:
        coerce(asked, typed)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    "url",
    [
        "https://www.arretsurimages.net",
        "http://example.org/a?b=c#d",
        " https://x.fr ",
        "https://café.fr:8080/a…",  # a path may end so; a host may hold an IDN's letters
        "https://nina@x.fr/",
        "http://[::1]/",
    ],
)
def test_urls(url: str) -> None:
    assert coerce(question("url"), url) == url.strip()


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("nina.example", "https://nina.example"),
        (" www.jardin-de-nina.fr/blog ", "https://www.jardin-de-nina.fr/blog"),
        ("café-de-nina.fr", "https://café-de-nina.fr"),
        ("nina.example/?p=12#fin", "https://nina.example/?p=12#fin"),
    ],
)
def test_a_site_named_without_its_scheme_is_its_https_address(typed: str, address: str) -> None:
    """What a host types for "Site ou blog": the bare name, as people say it."""
    assert coerce(question("url"), typed) == address


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org",
        "https://",
        "example",
        "1.5",
        "nina@example.org",
        "nina.example is my site",
        "http://[::1",  # urlsplit raises on it
    ],
)
def test_not_urls(url: str) -> None:
    with pytest.raises(InvalidAnswer, match="https://"):
        coerce(question("url"), url)


@pytest.mark.parametrize(
    ("language", "typed", "said"),
    [
        (
            "fr",
            "https://nina.example…",
            "« nina.example… » n’est pas un nom de site : un signe en trop ?",
        ),
        ("fr", "https://x.fr—oui", "« x.fr—oui » n’est pas un nom de site : un signe en trop ?"),
        # A site named bare, as the docs have it, then a mark: the mark is named (it said
        # a full address, starting with https://, was expected).
        ("fr", "nina.example…", "« nina.example… » n’est pas un nom de site : un signe en trop ?"),
        ("en", "https://X.fr)/a", "“x.fr)” is not a site’s name: a mark too many?"),
        (
            "de",
            "https://x\x07.fr",
            "„x.fr“ ist kein Name einer Website: ein Zeichen zu viel?",
        ),
        (
            "en",
            "https://" + "x" * 60 + "!",
            "“" + "x" * 39 + "…” is not a site’s name: a mark too many?",
        ),
    ],
)
def test_a_mark_typed_after_the_host_is_named(language: str, typed: str, said: str) -> None:
    """A mark typed after the host leaves an address no browser finds; the address
    starts with https:// already, so the message names the host, not the scheme."""
    with pytest.raises(InvalidAnswer) as refused:
        coerce(replace(question("url"), language=language), typed)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("language", "typed", "said"),
    [("fr", "https://zoe.example/un chemin",
      "Une adresse ne contient pas d’espace : l’enlever, ou écrire %20 à sa place."),
     ("en", "https://a b.fr", "An address holds no space: take it out, or write %20 in its place."),
     ("de", "http://x.fr/a\tb",
      "Eine Adresse enthält keine Leerzeichen: entfernen oder stattdessen %20 schreiben."),
     ("es", "https://x.fr/a\u00a0b",
      "Una dirección no lleva espacios: quitarlos o escribir %20 en su lugar."),
     ("it", "https://x.fr/a b",
      "Un indirizzo non contiene spazi: toglierli o scrivere %20 al loro posto."),
     ("nl", "https://x.fr/a b", "Een adres bevat geen spaties: weghalen of %20 in de plaats schrijven."),
     ("pt", "https://x.fr/a b",
      "Um endereço não tem espaços: tirá-los ou escrever %20 no lugar deles.")],
)  # fmt: skip
def test_an_address_with_a_space_is_told_so(language: str, typed: str, said: str) -> None:
    """ "https://zoe.example/un chemin" was told a full address starting with https://
    was expected: it starts so. The space is what is wrong."""
    with pytest.raises(InvalidAnswer) as refused:
        coerce(replace(question("url"), language=language), typed)
    assert str(refused.value) == said
    assert coerce(question("url"), "https://zoe.example/un%20chemin") == (
        "https://zoe.example/un%20chemin"
    )


def test_an_invisible_character_pasted_in_an_address_is_left_out() -> None:
    """A zero-width space pasted with it: refused as "a mark too many" the guest could
    not see, to take it out."""
    assert (
        coerce(question("url"), "https://bo\u200blin.example/a\u00ad") == "https://bolin.example/a"
    )
    assert coerce(question("url"), "\ufeffnina.example") == "https://nina.example"


def test_number_bounds_and_message() -> None:
    assert coerce(question("number", min=0, max=10), "10") == 10
    with pytest.raises(InvalidAnswer, match=r"^Au moins 0\.$"):
        coerce(question("number", min=0), "-1")
    with pytest.raises(InvalidAnswer, match=r"^Au plus 10\.$"):
        coerce(question("number", max=10), "11")
    with pytest.raises(InvalidAnswer, match=r"^Un nombre de followers\.$"):
        coerce(question("number", min=0, message="Un nombre de followers."), "-5")


def test_word_and_length_limits() -> None:
    short = question("long", min_words=3, max_words=5)
    assert coerce(short, "un deux trois") == "un deux trois"
    with pytest.raises(InvalidAnswer, match=r"Au moins 3 mots"):
        coerce(short, "un deux")
    with pytest.raises(InvalidAnswer, match=r"Au plus 5 mots \(il y en a 6\)"):
        coerce(short, "un deux trois quatre cinq six")
    tweet = question("text", max_length=5)
    with pytest.raises(InvalidAnswer, match=r"Au plus 5 caractères \(il y en a 6\)"):
        coerce(tweet, "abcdef")
    with pytest.raises(InvalidAnswer, match=r"Au moins 2 caractères"):
        coerce(question("text", min_length=2), "a")


def test_words_are_counted_as_a_reader_counts_them() -> None:
    """ "Oui ! Merci : 🙏 — bien sûr" was six words, and a list's "-" one each: a French
    answer typed with its spaces before ! and : met a minimum with signs."""
    short = question("long", min_words=4)
    with pytest.raises(InvalidAnswer, match=r"Au moins 4 mots \(il y en a 3\)"):
        coerce(short, "Oui ! Merci : 🙏 — bien")
    listed = "- Twitter\n- LinkedIn\n- l’an 2011 : 🎉"
    assert coerce(short, listed) == listed
    assert word_count(listed) == 4
    assert word_count("voir https://example.org/a_b, 👍") == 2


@pytest.mark.parametrize(
    ("typed", "characters"),
    [("Zoé 👨\u200d👩\u200d👧\u200d👦 🇫🇷", 7),
     ("Zoe\u0301", 3),  # an é typed as e and its accent (a Mac's file names, some pastes)
     ("👍🏽 ❤️ 1️⃣", 5),
     ("कि", 1),  # a Devanagari letter and its vowel sign
     ("\u1100\u1161\u11a8", 1),  # a Korean syllable spelled in its letters: 각
     ("東京", 2)],
)  # fmt: skip
def test_a_length_counts_characters_as_the_guest_sees_them(typed: str, characters: int) -> None:
    """ "Zoé 👨‍👩‍👧‍👦 🇫🇷", 7 characters, was refused by max_length = 10: "(il y en a 14)"."""
    assert coerce(question("text", max_length=characters), typed) == typed
    assert coerce(question("text", min_length=characters), typed) == typed
    with pytest.raises(InvalidAnswer) as refused:
        coerce(question("text", min_length=characters + 1), typed)
    assert str(refused.value) == f"Au moins {characters + 1} caractères (il y en a {characters})."


def test_a_length_refused_says_the_characters_the_guest_sees() -> None:
    with pytest.raises(InvalidAnswer) as refused:
        coerce(question("text", max_length=6), "Zoé 👨\u200d👩\u200d👧\u200d👦 🇫🇷")
    assert str(refused.value) == "Au plus 6 caractères (il y en a 7)."


# Code points that make characters of several, and some that never do, mixed.
_PIECES = [
    "a", "é", "e", "\u0301", "\u0302", "\u200d", "👩", "💻", "🇫", "🇷", "🏽", "\ufe0f", "1",
    "\u20e3", " ", "\n", "東", "ゾ", "。", "ー", "각", "\u1100", "\u1161", "\u11a8", "क",
    "\u093f", "\u00ad", "\u0601", "\u200b", "ไ", "\u0e48", "\u0301",
]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16).map("".join))
@example("Zoé 👨\u200d👩\u200d👧\u200d👦 🇫🇷🇩🇪 e\u0301\u0302 👍🏽 ❤️ 1️⃣ 👩\u200d💻 \u200d a\u200d b")
@example("कि ক্ষ 각 ไก่ 東京 \u00adx \u200b y\u200d \u0601\u0661\u0662")
def test_a_length_counts_the_characters_the_cursor_steps_over(text: str) -> None:
    """The guest may count them with → in the live session: the same characters."""
    text = text.strip()  # as an answer is taken
    assume(text)
    steps, at = 0, 0
    while at < len(text):
        at = cluster_end(text, at)
        steps += 1
    assert coerce(question("text", max_length=steps), text) == text
    with pytest.raises(InvalidAnswer, match=rf"\(il y en a {steps}\)"):
        coerce(question("text", min_length=steps + 1), text)


@pytest.mark.parametrize(
    ("typed", "words"),
    [("私はゾエです。東京に住んでいます。", 15),  # each ideograph and kana a word
     ("我住在东京。", 5),
     ("コーヒーが好き", 5),  # ー lengthens the kana before: no word
     ("ｺｰﾋｰ", 2),  # half-width kana
     ("私はAIが好き、2011年から。", 10),  # "AI" and "2011" a word each
     ("나는 도쿄에 산다", 3),  # Korean: by its spaces
     ("Oui ! Merci : 🙏 — bien", 3)],
)  # fmt: skip
def test_chinese_and_japanese_words_are_counted_as_word_processors_count_them(
    typed: str, words: int
) -> None:
    """ "私はゾエです。東京に住んでいます。" was one word: a min_words refused every answer
    in Chinese or Japanese, written without spaces."""
    assert word_count(typed) == words
    assert coerce(question("long", min_words=words), typed) == typed
    with pytest.raises(InvalidAnswer, match=rf"\(il y en a {words}\)"):
        coerce(question("long", min_words=words + 1), typed)


def test_a_pattern_matches_an_answer_of_several_paragraphs_whole() -> None:
    """ ".*[0-9]{4}.*" refused "I started in 2009.\n\nThen I stopped." with the author's
    message: "." took no line break. Twitter's questionnaire wrote "(?s)" for it."""
    year = question("long", pattern=".*[0-9]{4}.*", message="Say a year.")
    assert coerce(year, "I started in 2009.\n\nThen I stopped.") == (
        "I started in 2009.\n\nThen I stopped."
    )
    with pytest.raises(InvalidAnswer, match=r"^Say a year\.$"):
        coerce(year, "Long ago.\n\nThen I stopped.")


def test_a_choice_holding_a_comma_is_taken_whole_on_a_line_of_choices() -> None:
    """A sheet's "Music, arts, Tech" was refused: "Unknown choice: Music, arts (Music,
    arts, Tech, Other)", a list naming the choice refused, read as two."""
    topics = question("multi", choices=["Music, arts", "Music, arts, crafts", "Tech", "Other"])
    assert coerce(topics, "Music, arts, Tech") == ["Music, arts", "Tech"]
    assert coerce(topics, "tech,music ,ARTS") == ["Music, arts", "Tech"]
    assert coerce(topics, "Music, arts, crafts") == ["Music, arts, crafts"]  # the longest
    with pytest.raises(InvalidAnswer) as refused:
        coerce(topics, "Music, Tech")
    assert str(refused.value) == (
        "Choix inconnu : Music (Music, arts; Music, arts, crafts; Tech; Other)"
    )


def test_pattern_must_match_the_whole_answer() -> None:
    handle = question("text", pattern="@?[A-Za-z0-9_]{1,15}", message="Un pseudo Twitter.")
    assert coerce(handle, "@gillesklein") == "@gillesklein"
    with pytest.raises(InvalidAnswer, match=r"^Un pseudo Twitter\.$"):
        coerce(handle, "@gilles klein")


def test_max_length_is_checked_before_the_pattern_and_caps_what_it_is_tried_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pattern slow on a long answer (two repetitions side by side: quadratic) was
    tried on the whole of a paste ten thousand characters long before max_length
    refused it: seconds, the session frozen. The length is checked first."""
    handle = question("text", pattern=r"@?\w*\w*x", max_length=16)
    tried: list[str] = []
    real = re.fullmatch

    def fullmatch(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        tried.append(text)
        return real(pattern, text, flags)

    monkeypatch.setattr("jeudis.answers.re.fullmatch", fullmatch)
    with pytest.raises(InvalidAnswer, match=r"^Au plus 16 caractères \(il y en a 10\s000\)\.$"):
        coerce(handle, "a" * 10_000)
    assert tried == []
    with pytest.raises(InvalidAnswer, match=r"^La réponse n’a pas la forme attendue\.$"):
        coerce(handle, "@gilles klein")
    assert coerce(handle, "@gillesx") == "@gillesx"


def test_required_and_optional() -> None:
    with pytest.raises(InvalidAnswer, match="Une réponse est nécessaire"):
        coerce(question("long"), "  \n\n ")
    assert coerce(question("long", required=False), "  \n ") is None
    assert coerce(question("multi", required=False, choices=["a"]), []) is None


@pytest.mark.parametrize("ticked", [[], ["a"]])
def test_too_few_choices_ticked_says_how_many_are_needed(ticked: list[str]) -> None:
    """Nothing ticked said "Une réponse est nécessaire.", as if one would do."""
    several = question("multi", choices=["a", "b", "c"], min=2)
    with pytest.raises(InvalidAnswer, match=r"^Au moins 2 choix\.$"):
        coerce(several, ticked)
    english = replace(several, language="en")
    with pytest.raises(InvalidAnswer, match=r"^At least 2 choices\.$"):
        coerce(english, ticked)
    assert coerce(replace(several, required=False), []) is None  # optional: skipped
    with pytest.raises(InvalidAnswer, match=r"^Une réponse est nécessaire\.$"):
        coerce(question("multi", choices=["a", "b"], min=1), [])


def test_long_answers_keep_their_shape() -> None:
    typed = "  Trois usages :\n\n- veille\n- partage  \n\n"
    assert coerce(question("long"), typed) == "  Trois usages :\n\n- veille\n- partage"
    assert coerce(question("text"), "  Depuis 2007 ") == "Depuis 2007"


def test_choices_and_yes_no() -> None:
    pick = question("choice", choices=["Twitter", "Facebook"])
    assert coerce(pick, "Twitter") == "Twitter"
    with pytest.raises(InvalidAnswer, match="Choisir parmi : Twitter, Facebook"):
        coerce(pick, "Mastodon")
    several = question("multi", choices=["a", "b", "c"], min=1, max=2)
    assert coerce(several, ["a", "c"]) == ["a", "c"]
    assert coerce(several, "a, b") == ["a", "b"]
    with pytest.raises(InvalidAnswer, match="Choix inconnu : z"):
        coerce(several, ["a", "z"])
    with pytest.raises(InvalidAnswer, match=r"Au plus 2 choix"):
        coerce(several, ["a", "b", "c"])
    with pytest.raises(InvalidAnswer) as long_one:  # a data file's megabyte: cut short
        coerce(several, ["z" * 100_000])
    assert str(long_one.value) == "Choix inconnu : " + "z" * 79 + "… (a, b, c)"
    # A data file's table, number or date in a list: the choices, never a Python repr.
    for raw in ([{"a": 1}], [1], [float("nan"), dt.date(2024, 1, 1)], {"a": 1}, 3):
        with pytest.raises(InvalidAnswer, match=r"^Choisir parmi : a, b, c$"):
            coerce(several, raw)
    yesno = question("yesno")
    assert coerce(yesno, "Oui") is True
    assert coerce(yesno, "non") is False
    assert coerce(yesno, False) is False
    with pytest.raises(InvalidAnswer, match="oui ou par non"):
        coerce(yesno, "peut-être")


def test_a_choice_is_named_in_any_case_and_stored_as_the_questionnaire_writes_it() -> None:
    pick = question("choice", choices=["Twitter", "Facebook"])
    assert coerce(pick, "twitter ") == "Twitter"
    several = question("multi", choices=["Vim", "VS Code"])
    assert coerce(several, "vim, vs code") == ["Vim", "VS Code"]
    assert coerce(several, ["VIM"]) == ["Vim"]
    with pytest.raises(InvalidAnswer, match="Choix inconnu : emacs"):
        coerce(several, "vim, emacs")
    # Two choices told apart by their case alone: each must be written as it is.
    both = question("choice", choices=["Go", "GO"])
    assert coerce(both, "GO") == "GO"
    with pytest.raises(InvalidAnswer):
        coerce(both, "go")


def test_a_multiple_choice_is_kept_in_the_questionnaires_order_each_once() -> None:
    """As the live session's boxes give it: a sheet's "Technik, Kultur, technik" was
    published with Technik twice, and counted three choices against at most two."""
    several = question("multi", choices=["Kultur", "Technik", "Sport"], max=2)
    assert coerce(several, "Technik, Kultur, technik") == ["Kultur", "Technik"]
    assert coerce(several, ["Sport", "Kultur"]) == ["Kultur", "Sport"]
    assert coerce(several, "sport, Sport") == ["Sport"]


def test_as_input_prefills_what_was_given() -> None:
    assert as_input(None, "fr") == ""
    assert as_input(9200, "fr") == "9200"
    assert as_input(dt.date(2011, 3, 10), "fr") == "10 mars 2011"  # as the review has it
    assert as_input(["a", "b"], "fr") == "a, b"
    # What is prefilled must read back as the same value.
    assert coerce(question("number"), as_input(9200, "fr")) == 9200
    assert coerce(question("date"), as_input(dt.date(2011, 3, 10), "fr")) == dt.date(2011, 3, 10)


@pytest.mark.parametrize(
    "language", ["fr", "en", "en-GB", "de", "de-AT", "es", "es-PE", "it", "nl", "pt-BR", "ja"]
)
def test_a_date_prefilled_as_the_review_writes_it_reads_back(language: str) -> None:
    """A date was prefilled "2011-03-10" where the review and the post read it in words:
    now in words too, each day of a year read back as itself."""
    asked = replace(question("date"), language=language)
    day = dt.date(2024, 1, 1)
    while day.year == 2024:
        assert coerce(asked, as_input(day, language)) == day
        day += dt.timedelta(days=1)
    assert as_input(dt.date(2011, 1, 4), "de-AT") == "4. Jänner 2011"


def test_a_yes_or_no_reads_as_its_post_says_it() -> None:
    """The notes and messages said 'oui' and 'non', in English too, where the post says
    "Oui" and "Non", "Yes" and "No"."""
    from jeudis.export.values import value_markdown
    from jeudis.interview import Answer

    for said, language in ((True, "fr"), (False, "fr-CA"), (True, "en"), (False, "en")):
        post = value_markdown(Answer("lu", "yesno", "As-tu lu le livre ?", said), language)
        assert as_input(said, language) == post
        assert coerce(question("yesno"), as_input(said, language)) is said
    assert (as_input(True, "fr"), as_input(False, "en")) == ("Oui", "No")
    # As the guest's screen offers them, in each language it speaks.
    assert [as_input(True, language) for language in ("de", "es", "it", "nl", "pt-BR")] == [
        "Ja", "Sí", "Sì", "Ja", "Sim"
    ]  # fmt: skip
    assert [as_input(False, language) for language in ("de", "nl", "pt", "sv")] == [
        "Nein", "Nee", "Não", "No"
    ]  # fmt: skip


def test_conditions() -> None:
    assert Condition("blog", equals=True).holds({"blog": True})
    assert not Condition("blog", equals=True).holds({"blog": False})
    assert not Condition("blog", equals=True).holds({})
    assert Condition("prefere", not_equals="Twitter").holds({"prefere": "Facebook"})
    assert Condition("reseaux", one_of=("Facebook",)).holds({"reseaux": ["Twitter", "Facebook"]})
    assert not Condition("reseaux", one_of=("Facebook",)).holds({"reseaux": ["Twitter"]})
    assert Condition("site", answered=True).holds({"site": "https://x.fr"})
    assert Condition("site", answered=False).holds({"site": ""})


@pytest.mark.parametrize(("word", "answer"), [("Oui", True), ("non", False), ("yes", True)])
def test_a_condition_on_a_yes_no_answer_may_be_written_in_words(word: str, answer: bool) -> None:
    # when = { question = "blog", equals = "Oui" }: the answer is stored as true.
    assert Condition("blog", equals=word).holds({"blog": answer})
    assert not Condition("blog", equals=word).holds({"blog": not answer})
    assert Condition("blog", not_equals=word).holds({"blog": not answer})
    assert Condition("blog", one_of=(word,)).holds({"blog": answer})
    assert not Condition("blog", equals="Peut-être").holds({"blog": answer})


@pytest.mark.parametrize("raw", [["la veille", "le partage"], {"a": 1}, True])
def test_a_text_answer_is_text(raw: object) -> None:
    # A data file can hold any TOML value; a Python repr must never become an answer.
    for kind in ("text", "long", "url"):
        with pytest.raises(InvalidAnswer, match=r"^Un texte est attendu\.$"):
            coerce(question(kind), raw)
    assert coerce(question("text"), 2007) == "2007"


def test_messages_speak_the_questionnaire_language() -> None:
    question = Question(id="n", type="number", text={"*": "How many?"}, language="en")
    with pytest.raises(InvalidAnswer, match=r"^A number is expected \(for example 9,200\)\.$"):
        coerce(question, "lots")
    with pytest.raises(InvalidAnswer, match=r"^An answer is needed\.$"):
        coerce(question, "  ")


def test_the_questionnaire_message_wins_over_the_built_in_one() -> None:
    rules = Validation(min=0, message="Un nombre de followers, par exemple 9 200.")
    question = Question(id="n", type="number", text={"*": "Combien ?"}, validation=rules)
    for typed in ("beaucoup", "-3"):  # a type error and a bound alike
        with pytest.raises(InvalidAnswer, match=r"^Un nombre de followers, par exemple 9 200\.$"):
            coerce(question, typed)
    with pytest.raises(InvalidAnswer, match=r"^Une réponse est nécessaire\.$"):
        coerce(question, "")  # "required" keeps its own words


@pytest.mark.parametrize(
    ("type_", "typed", "stored"),
    [
        ("text", "  @zoe \n", "@zoe"),
        ("long", "\n\n   \nTexte.\n\n", "Texte."),  # blank lines typed before it
        ("long", "\n    code()\n\nTexte.", "    code()\n\nTexte."),  # an indent may be code
        ("long", "Un.\n\nDeux.  ", "Un.\n\nDeux."),
        # Spaces left at a paragraph's end, or on a blank line, are not part of the text.
        ("long", "Un. \n  \nDeux.\t\n\n- a\n- b", "Un.\n\nDeux.\n\n- a\n- b"),
        # Two spaces before a line of the same paragraph are Markdown's line break: kept.
        ("long", "Adresse :  \n12 rue du Port", "Adresse :  \n12 rue du Port"),
    ],
)
def test_text_is_stored_without_the_artefacts_of_typing(
    type_: str, typed: str, stored: str
) -> None:
    """Blank lines typed before a long answer were stored with it."""
    assert coerce(question(type_), typed) == stored


@pytest.mark.parametrize(
    ("typed", "value"),
    [("9,200", 9200), ("1,500.5", 1500.5), ("-12,345,678", -12345678), ("1,5", 1.5)],
)
def test_english_groups_thousands_with_commas(typed: str, value: float) -> None:
    """The English message asks for "a number (for example 9,200)": so it reads."""
    english = Question(id="n", type="number", text={"*": "?"}, language="en")
    assert coerce(english, typed) == value
    assert parse_number("9,200") == 9.2  # French: a decimal comma


def test_english_bounds_read_a_grouped_number() -> None:
    hours = Question(
        id="n", type="number", text={"*": "?"}, language="en", validation=Validation(max=2000)
    )
    with pytest.raises(InvalidAnswer, match=r"^At most 2,000\.$"):
        coerce(hours, "2,500")


@pytest.mark.parametrize(
    ("language", "typed", "said"),
    [("en", "20,000,000", "At most 10,000,000."), ("en", "-1", "At least 0.5."),
     ("fr", "20 000 000", "Au plus 10\u202f000\u202f000."), ("fr", "-1", "Au moins 0,5.")],
)  # fmt: skip
def test_a_bound_reads_as_the_language_writes_numbers(language: str, typed: str, said: str) -> None:
    """max = 10000000 was said "At most 1e+07." to the guest, and min = 0.5 "Au moins 0.5."."""
    followers = Question(
        id="n", type="number", text={"*": "?"}, language=language,
        validation=Validation(min=0.5, max=10_000_000),
    )  # fmt: skip
    with pytest.raises(InvalidAnswer) as refused:
        coerce(followers, typed)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("language", "rules", "typed", "said"),
    [("en", {"max": 1}, ["a", "b"], "At most 1 choice."),
     ("en", {"min": 2}, ["a"], "At least 2 choices."),
     ("en", {"max_length": 1}, "ab", "At most 1 character (there are 2)."),
     ("en", {"max_words": 1}, "two words", "At most 1 word (there are 2)."),
     ("fr", {"max_words": 1}, "deux mots", "Au plus 1 mot (il y en a 2)."),
     ("fr", {"max_length": 1}, "ab", "Au plus 1 caractère (il y en a 2)."),
     # Said to a guest in tu as in vous ("s’il vous plaît" was), with the count as above.
     ("fr", {"min_length": 3}, "ab", "Au moins 3 caractères (il y en a 2)."),
     ("fr", {"min_words": 3}, "un mot", "Au moins 3 mots (il y en a 2)."),
     ("en", {"min_words": 2}, "one", "At least 2 words (1 so far)."),
     # Where the plural is not an s, each form is written whole: not "1 Wörter".
     ("de", {"max_words": 1}, "zwei Wörter", "Höchstens 1 Wort (es sind 2)."),
     ("de", {"min_words": 3}, "ein Wort", "Mindestens 3 Wörter (bisher 2)."),
     ("de", {"max": 1}, ["a", "b"], "Höchstens 1 Option."),
     ("it", {"max_words": 1}, "due parole", "Al massimo 1 parola (ce ne sono 2)."),
     ("it", {"min": 2}, ["a"], "Almeno 2 scelte."),
     ("nl", {"max_length": 1}, "ab", "Hoogstens 1 teken (het zijn er 2)."),
     ("nl", {"min_words": 2}, "een", "Minstens 2 woorden (nu 1)."),
     ("es", {"max_length": 1}, "ab", "Como máximo 1 carácter (hay 2)."),
     ("es", {"min_length": 3}, "ab", "Al menos 3 caracteres (hay 2)."),
     ("pt", {"min_words": 3}, "duas palavras", "Pelo menos 3 palavras (há 2)."),
     ("pt", {"max": 1}, ["a", "b"], "No máximo 1 opção.")],
)  # fmt: skip
def test_a_limit_of_one_says_its_noun_in_the_singular(
    language: str, rules: dict[str, int], typed: Any, said: str
) -> None:
    """A multiple choice with max = 1 said "At most 1 choices." to the guest."""
    kind = "multi" if isinstance(typed, list) else "text"
    asked = Question(
        id="q", type=kind, text={"*": "?"}, language=language, choices=("a", "b"),
        validation=Validation(**rules),
    )  # fmt: skip
    with pytest.raises(InvalidAnswer) as refused:
        coerce(asked, typed)
    assert str(refused.value) == said


def test_a_count_reads_as_the_language_writes_numbers() -> None:
    essay = Question(
        id="e", type="long", text={"*": "?"}, language="en", validation=Validation(max_words=1000)
    )
    with pytest.raises(InvalidAnswer, match=r"^At most 1,000 words \(there are 1,200\)\.$"):
        coerce(essay, "word " * 1200)


@pytest.mark.parametrize("language", ["fr", "en", "de", "es", "it", "nl", "pt"])
def test_the_rules_told_before_an_answer_are_the_refusals_without_their_count(
    language: str,
) -> None:
    long = Question(
        id="a", type="long", text={"tu": "?"}, language=language,
        validation=Validation(min_words=10, max_length=2000),
    )  # fmt: skip
    number = Question(
        id="b", type="number", text={"tu": "?"}, language=language,
        validation=Validation(min=1, max=13),
    )  # fmt: skip
    for question, bounds in ((long, ["2", "000", "10"]), (number, ["1", "13"])):
        told = rules_note(question)
        assert re.findall(r"\d+", told) == bounds, told  # each bound, and no count
        assert "(" not in told and "{" not in told and told.endswith(".")
        with pytest.raises(InvalidAnswer) as refused:
            coerce(question, "un" if question is long else "0")
        assert str(refused.value).split(" (")[0].rstrip(".") in told  # the refusal's words
    assert rules_note(replace(long, validation=Validation())) == ""
