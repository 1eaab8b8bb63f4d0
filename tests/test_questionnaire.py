"""The questionnaire model: loading, problems collected with their place, wording."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from jeudis.errors import ExitCode, FileProblem, FileProblems
from jeudis.interview_reading import load_interview
from jeudis.paths import BUNDLED_QUESTIONNAIRES, series_at
from jeudis.questionnaire import Condition, find_questionnaire, load_questionnaire
from jeudis.session import context_for
from jeudis.tomlio import parse_toml
from jeudis.wording import YES_NO, WordingContext, agree, as_text, counted, first_name, render
from support import REPO, TWITTER, Invoke, findings, only_interview, write


def test_the_twitter_questionnaire_loads() -> None:
    form = load_questionnaire(TWITTER)

    assert (form.id, form.version, form.style, form.language) == ("twitter", 1, "numbered", "fr")
    assert form.series == "Les Jeudis Twitter"
    assert form.registers == ("tu", "vous")
    assert len(form.questions) == 13
    assert [f.id for f in form.fields] == ["site", "twitter", "photo", "intro"]
    assert all(q.required for q in form.questions)
    assert not any(f.required for f in form.fields)
    assert form.question("followers") is not None
    assert form.question("followers").type == "text"  # type: ignore[union-attr]
    assert form.question("nope") is None


def test_the_bundled_copy_is_the_repository_copy() -> None:
    bundled = BUNDLED_QUESTIONNAIRES / "twitter.toml"
    assert bundled.read_text(encoding="utf-8") == TWITTER.read_text(encoding="utf-8")


def test_title_template() -> None:
    form = load_questionnaire(TWITTER)
    context = context_for(form, "Gilles Klein", "", "m")
    assert form.title_for(context) == "Interview Twitter de Gilles Klein [Les Jeudis Twitter]"


def test_series_folder_overrides_bundled(series: Path) -> None:
    text = TWITTER.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    write(series / "questionnaires" / "twitter.toml", text)

    form = find_questionnaire(series_at(), "twitter")

    assert form.version == 2
    assert form.path == series / "questionnaires" / "twitter.toml"
    assert not form.bundled


@pytest.mark.parametrize("command", ["sheet", "new"])
def test_a_series_questionnaire_with_an_id_that_does_not_read_is_no_bundled_one(
    command: str, series: Path, invoke: Invoke
) -> None:
    """questionnaires/twitter.toml holding `id = "Twitter"` was known by that id, one
    no one can type: `jeudis new twitter` and `jeudis sheet twitter` ran the bundled
    questionnaire of that name instead of the host's file, and said nothing."""
    own = series / "questionnaires" / "twitter.toml"
    text = own.read_text(encoding="utf-8").replace('id = "twitter"', 'id = "Twitter"', 1)
    own.write_text(text, encoding="utf-8")
    line = text.splitlines().index('id = "Twitter"') + 1

    output = ["-o", str(series / "sheet.md")] if command == "sheet" else []
    result = invoke(command, "twitter", "--guest", "Ana Bel", *output)

    assert result.exit_code == ExitCode.INVALID_FILE, result
    assert result.stderr.startswith(f"error: {own}:{line}: id: 'Twitter' is not a valid id")
    assert "Traceback" not in result.output
    assert not (series / "sheet.md").exists()
    assert not list((series / "interviews").iterdir())


def test_a_series_questionnaire_that_is_no_file_is_no_bundled_one(
    series: Path, invoke: Invoke
) -> None:
    """A FIFO (or a folder) named questionnaires/twitter.toml is not read, but it is
    the host's: it is said, where the bundled twitter questionnaire was used."""
    own = series / "questionnaires" / "twitter.toml"
    own.unlink()
    own.mkdir()

    result = invoke("new", "twitter", "--guest", "Ana Bel")

    assert result.exit_code == ExitCode.INVALID_FILE, result
    assert result.stderr.startswith(f"error: {own}: is a folder, not a file")
    assert not list((series / "interviews").iterdir())


def test_a_copy_that_kept_its_id_is_said_by_check_and_by_its_name(
    series: Path, invoke: Invoke
) -> None:
    """questionnaires/podcast.toml copied from twitter.toml, its id left "twitter": one of
    the two never ran (which, nothing said), check said "All good." and `jeudis new
    podcast` "no questionnaire 'podcast'", with the file right there."""
    own = series / "questionnaires" / "twitter.toml"
    copy = write(series / "questionnaires" / "podcast.toml", own.read_text(encoding="utf-8"))
    line = own.read_text(encoding="utf-8").splitlines().index('id = "twitter"') + 1

    checked = invoke("check")
    assert checked.exit_code == ExitCode.CHECK_FAILED, checked
    assert findings(checked.stdout) == [
        (
            f"{copy}:{line}: error: id: 'twitter' is twitter.toml's id too:"
            " `jeudis new twitter` runs twitter.toml, never this file"
        ),
        "1 error, 0 warnings",
    ]

    for command in ("new", "inspect"):
        result = invoke(command, "podcast", "--guest", "Ana Bel")
        assert result.exit_code == ExitCode.NOT_FOUND, result
        assert "Traceback" not in result.output
        assert result.stderr.splitlines() == [
            (
                f"error: no questionnaire 'podcast': {copy} has the id 'twitter'"
                " (twitter.toml has that id too)"
            ),
            'hint: give it id = "podcast"',
        ]
    assert not list((series / "interviews").iterdir())


def test_a_file_named_otherwise_than_its_id_is_found_by_its_id(
    series: Path, invoke: Invoke
) -> None:
    own = series / "questionnaires" / "twitter.toml"
    renamed = own.rename(own.with_name("jeudis-twitter.toml"))

    assert invoke("check").stdout == "All good.\n"
    assert find_questionnaire(series_at(), "twitter").path == renamed
    result = invoke("inspect", "jeudis-twitter")
    assert result.exit_code == ExitCode.NOT_FOUND, result
    assert result.stderr.splitlines() == [
        f"error: no questionnaire 'jeudis-twitter': {renamed} has the id 'twitter'",
        'hint: give it id = "jeudis-twitter", or call it twitter',
    ]


def test_a_questionnaire_whose_id_is_changed_is_found_by_its_new_id(series: Path) -> None:
    """Ids are remembered by the file's text (a questionnaire is looked for twice by
    ``jeudis new``): a file changed, at the same path and length, is read again."""
    own = series / "questionnaires" / "twitter.toml"
    copy = own.with_name("podcast.toml")
    text = own.read_text(encoding="utf-8")
    copy.write_text(text.replace('id = "twitter"', 'id = "abcdefg"', 1), encoding="utf-8")
    assert "abcdefg" in series_at().questionnaire_files()

    copy.write_text(text.replace('id = "twitter"', 'id = "podcast"', 1), encoding="utf-8")

    files = series_at().questionnaire_files()
    assert files["podcast"] == (copy, False)
    assert "abcdefg" not in files


def test_bundled_questionnaire_found_from_an_empty_folder(series: Path) -> None:
    (series / "questionnaires" / "twitter.toml").unlink()

    form = find_questionnaire(series_at(), "twitter")

    assert form.bundled
    assert form.path == BUNDLED_QUESTIONNAIRES / "twitter.toml"


def test_every_problem_is_collected_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "many.toml",
        """id = "many"
title = "De {guest}"
colour = "blue"

[[questions]]
id = "a"
type = "integer"
text = "A ?"

[[questions]]
id = "a"
text = "Encore A ?"

[[questions]]
id = "c"
type = "choice"
text.tu = "C ?"
""",
    )

    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)

    found = sorted((p.line, p.key, p.reason) for p in caught.value.problems)
    assert found == [
        (3, "colour", "unknown key 'colour'"),
        (
            7,
            "questions[0].type",
            "unknown type 'integer' (use text, long, number, date, choice, multi, yesno, url)",
        ),
        (11, "questions[1].id", "duplicate id 'a' (also questions[0])"),
        (14, "questions[2].choices", "a 'choice' question needs a non-empty 'choices' list"),
        (17, "questions[2].text", "missing wording for the form of address 'vous'"),
    ]
    assert "(and 4 more: run `jeudis check`)" in caught.value.message


def test_a_plain_text_is_every_register(tmp_path: Path) -> None:
    path = write(
        tmp_path / "plain.toml",
        'id = "plain"\ntitle = "{guest}"\n[[questions]]\nid = "q"\ntext = "Pourquoi ?"\n',
    )
    form = load_questionnaire(path)
    question = form.questions[0]
    assert question.wording("tu", WordingContext()) == "Pourquoi ?"
    assert question.wording("vous", WordingContext()) == "Pourquoi ?"


# -- wording -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gender", "expected"),
    [
        ("m", "Te considères-tu comme un twittos influent ? Pas suivi ?"),
        ("f", "Te considères-tu comme une twittos influente ? Pas suivie ?"),
        (None, "Te considères-tu comme un·e twittos influent·e ? Pas suivi·e ?"),
    ],
)
def test_gender_agreement_and_inclusive_forms(gender: str | None, expected: str) -> None:
    template = "Te considères-tu comme {un|une} twittos {influent|influente} ? Pas suivi{|e} ?"
    assert render(template, WordingContext(gender=gender)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "un·a autor·a, el/la"),
        ("es", "un/a autor/a, el/la"),
        ("pt-BR", "un/a autor/a, el/la"),
        ("de", "un*a autor*a, el/la"),
        ("en", "un/una autor/autora, el/la"),  # "host/hostess", not "host/ess"
        ("nl", "un/una autor/autora, el/la"),
    ],
)
def test_both_genders_are_written_as_the_language_writes_them(language: str, expected: str) -> None:
    template = "{un|una} {autor|autora}, {el|la}"
    assert render(template, WordingContext(language=language)) == expected
    assert render(template, WordingContext(gender="f", language=language)) == "una autora, la"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "¿Bienvenido/a? ¿Nuevos/as? ¿El/La madrugador/a?"),
        ("pt-BR", "¿Bienvenido/a? ¿Nuevos/as? ¿El/La madrugador/a?"),
        ("it", "¿Bienvenido/a? ¿Nuevos/as? ¿El/La madrugador/a?"),
        # Shortened only where an -o swaps for an -a, as the screen says "¡Bienvenido/a".
        ("fr", "¿Bienvenido/Bienvenida? ¿Nuevos/Nuevas? ¿El/La madrugador·a?"),
        ("de", "¿Bienvenido/Bienvenida? ¿Nuevos/Nuevas? ¿El/La madrugador*a?"),
    ],
)
def test_an_o_swapped_for_an_a_is_shortened_in_its_languages(language: str, expected: str) -> None:
    template = "¿{Bienvenido|Bienvenida}? ¿{Nuevos|Nuevas}? ¿{El|La} {madrugador|madrugadora}?"
    assert render(template, WordingContext(language=language)) == expected


_SPANISH = """\
id = "c"
title = "Entrevista a {guest}"
language = "es"
registers = ["tu", "usted"]

[[questions]]
id = "m"
type = "yesno"
text.tu = "¿Eres {madrugador|madrugadora}?"
text.usted = "¿Es usted {madrugador|madrugadora}?"

[[questions]]
id = "a"
type = "long"
text.tu = "¿Eres {un|una} {autor|autora} feliz?"
text.usted = "¿Es usted {un|una} {autor|autora} feliz?"
"""


def test_a_spanish_guest_of_no_gender_reads_the_slash_everywhere(
    series: Path, invoke: Invoke
) -> None:
    write(series / "questionnaires" / "c.toml", _SPANISH)
    made = invoke(
        "new", "c", "--guest", "Alex Ruiz", "--host", "Íñigo", "--data-file", "-",
        input='[answers]\nm = "sí"\na = "Sí."\n',
    )  # fmt: skip
    assert made.exit_code == 0, made
    post = invoke("export", "alex-ruiz", "--format", "md", "-o", "-")
    headings = [line for line in post.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## 1. ¿Eres madrugador/a?", "## 2. ¿Eres un/a autor/a feliz?"]
    shown = invoke("inspect", "c")
    assert "1. ¿Eres madrugador/a?" in shown.stdout, shown
    assert "2. ¿Eres un/a autor/a feliz?" in shown.stdout, shown
    sheet = invoke("sheet", "c", "--guest", "Alex Ruiz", "--host", "Íñigo")
    assert "**¿Eres madrugador/a?**" in sheet.stdout, sheet


@pytest.mark.parametrize(
    ("mark", "expected"),
    [(":", "un:a autor:a"), ("·", "un·a autor·a"), ("", "un/una autor/autora")],
)
def test_a_questionnaire_says_its_own_inclusive_form(
    series: Path, invoke: Invoke, mark: str, expected: str
) -> None:
    write(series / "questionnaires" / "c.toml", f'inclusive = "{mark}"\n' + _SPANISH)
    shown = invoke("inspect", "c")
    assert f"2. ¿Eres {expected} feliz?" in shown.stdout, shown
    checked = invoke("check", str(series / "questionnaires" / "c.toml"))
    assert checked.exit_code == 0, checked


def test_an_inclusive_form_that_is_a_word_is_refused(series: Path, invoke: Invoke) -> None:
    write(series / "questionnaires" / "c.toml", 'inclusive = "or"\n' + _SPANISH)
    checked = invoke("check", str(series / "questionnaires" / "c.toml"))
    assert checked.exit_code == ExitCode.CHECK_FAILED, checked
    assert "c.toml:1:" in checked.stdout and "inclusive is the sign" in checked.stdout, checked


@pytest.mark.parametrize(
    ("template", "names", "expected"),
    [
        (
            "Interview Twitter de {guest}",
            {"guest": "Amélie Roux"},
            "Interview Twitter d’Amélie Roux",
        ),
        ("De {guest}", {"guest": "Yves"}, "D’Yves"),
        ("Le livre de {guest}", {"guest": "Œdipe"}, "Le livre d’Œdipe"),
        ("Le livre de {guest}", {"guest": "Åsa Berg"}, "Le livre d’Åsa Berg"),
        ("ce que {host} en dit", {"host": "Ugo"}, "ce qu’Ugo en dit"),
        ("Lorsque {host} parle", {"host": "Anne"}, "Lorsqu’Anne parle"),
        # Not elided: a consonant, a word ending in "de", no space, a digit.
        (
            "Interview Twitter de {guest}",
            {"guest": "Gilles Klein"},
            "Interview Twitter de Gilles Klein",
        ),
        ("Une aide {guest}", {"guest": "Amélie"}, "Une aide Amélie"),
        ("de{guest}", {"guest": "Amélie"}, "deAmélie"),
        ("de {guest}", {"guest": "2 amis"}, "de 2 amis"),
        # An h names take both ways; a y before a vowel; words that keep "de".
        ("Le livre de {guest}", {"guest": "Harry Holt"}, "Le livre de Harry Holt"),
        ("Vidéos de {guest}", {"guest": "YouTube"}, "Vidéos de YouTube"),
        ("de {guest}", {"guest": "Yasmine"}, "de Yasmine"),
        ("Que {host}", {"host": "Ugo"}, "Qu’Ugo"),
    ],
)
def test_french_elides_de_and_que_before_a_vowel(
    template: str, names: dict[str, str], expected: str
) -> None:
    assert render(template, WordingContext(names=names, language="fr")) == expected


def test_a_yes_or_no_answer_keeps_its_de() -> None:
    context = WordingContext(answers={"ok": True}, language="fr")
    assert render("Tu as répondu que {answer:ok}", context) == "Tu as répondu que oui"


def test_elision_is_french_only_and_follows_answers_too() -> None:
    spanish = WordingContext(names={"guest": "Ana"}, language="es")
    assert render("La entrevista de {guest}", spanish) == "La entrevista de Ana"
    french = WordingContext(answers={"tool": "Instagram"}, language="fr-CA")
    assert render("Depuis quand te sers-tu de {answer:tool} ?", french) == (
        "Depuis quand te sers-tu d’Instagram ?"
    )
    # Forms the author wrote are theirs: "de {un|une}" stays as written.
    assert render("de {un|une}", WordingContext(gender="f", language="fr")) == "de une"


def test_the_bundled_title_elides_for_a_guest_named_with_a_vowel(tmp_path: Path) -> None:
    form = find_questionnaire(series_at(tmp_path), "twitter")
    assert form.title_for(context_for(form, "Amélie Roux", "", "f")) == (
        "Interview Twitter d’Amélie Roux [Les Jeudis Twitter]"
    )


def test_agree() -> None:
    assert agree("acteur", "actrice", None) == "acteur/actrice"
    assert agree("ami", "amie", None) == "ami·e"
    assert agree("", "e", None) == "·e"
    assert agree("il", "elle", "f") == "elle"
    # The same word both ways has no inclusive form to show: "élève", not "élève·".
    assert agree("élève", "élève", None) == "élève"
    assert agree("", "", None) == ""


def test_names_answers_fields_and_literal_braces() -> None:
    context = WordingContext(
        gender="f",
        names={"guest": "Fadhila Brahimi", "first_name": "Fadhila", "host": "Stéphane"},
        answers={"followers": 9200, "reseaux": ["Twitter", "Facebook"], "blog": True},
        fields={"site": "https://example.org"},
    )
    template = (
        "{first_name} ({guest}), {answer:followers} followers, {answer:reseaux}, "
        "blog : {answer:blog}, site {field:site}, {{pas un champ}}, {answer:absent}."
    )
    assert render(template, context) == (
        "Fadhila (Fadhila Brahimi), 9\u202f200 followers, Twitter, Facebook, "
        "blog : oui, site https://example.org, {pas un champ}, ."
    )


def test_an_english_wording_quotes_answers_in_english() -> None:
    context = WordingContext(answers={"hours": 9200, "remote": False}, language="en")
    assert render("{answer:hours} hours, remote: {answer:remote}?", context) == (
        "9,200 hours, remote: no?"
    )


def test_a_date_answer_is_quoted_as_the_post_writes_a_date() -> None:
    """It read "since 1953-03-04?", as the file stores it, where the post says the
    answer is "March 4, 1953"."""
    day = dt.date(1953, 3, 4)
    wording = "{answer:since} ?"
    for language, expected in [
        ("fr", "4 mars 1953 ?"),
        ("en", "March 4, 1953 ?"),
        ("en-GB", "4 March 1953 ?"),
        ("de", "4. März 1953 ?"),
        ("es-MX", "4 de marzo de 1953 ?"),
        ("it", "4 marzo 1953 ?"),
        ("nl", "4 maart 1953 ?"),
        ("pt-BR", "4 de março de 1953 ?"),
        ("ja", "March 4, 1953 ?"),
    ]:
        assert render(wording, WordingContext(answers={"since": day}, language=language)) == (
            expected
        )


@pytest.mark.parametrize(
    ("language", "said"),
    [("fr", "oui"), ("en", "yes"), ("de", "ja"), ("es", "sí"), ("it-CH", "sì"), ("nl", "ja"),
     ("pt", "sim"), ("sv", "yes")],
)  # fmt: skip
def test_a_yes_no_answer_is_quoted_in_the_words_of_the_post(language: str, said: str) -> None:
    """A German question quoting a yes said "yes", where its post says "Ja"."""
    context = WordingContext(answers={"blog": True}, language=language)
    assert render("({answer:blog})", context) == f"({said})"


def test_as_text_and_first_name() -> None:
    assert as_text(None) == ""
    assert as_text(False) == "non"
    assert as_text(1.5) == "1,5"
    assert as_text(1234567) == "1\u202f234\u202f567"
    assert as_text(1234.5, "en") == "1,234.5"
    assert as_text([True, 9200], "en") == "yes, 9,200"
    assert first_name("  Gilles   Klein ") == "Gilles"
    assert first_name("") == ""


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Dr. Jane Smith", "Jane"),
        ("Prof. Dr. Anna Schmidt", "Anna"),
        ("Mme Claire Fontaine", "Claire"),
        ("Sra. Ana Pérez", "Ana"),
        ("M. Gilles Klein", "Gilles"),
        ("Mx. Sam Lee", "Sam"),
        # A degree's field, or a degree joined to the title, is the title's.
        ("Prof. Dr. med. Anna Schmidt", "Anna"),
        ("Dr. rer. nat. Anna Schmidt", "Anna"),
        ("Dr.-Ing. Anna Schmidt", "Anna"),
        ("Dipl.-Ing. Anna Schmidt", "Anna"),
        # Titles written whole; Spanish writes "Doña" without a dot.
        ("Doña María López", "María"),
        ("Madame Anne Roy", "Anne"),
        ("Señora Ana Ruiz", "Ana"),
        ("Rev. John Smith", "John"),
        ("J.-P. Sartre", "J.-P."),  # initials, not a title
        # "Don" and "M" are names and initials too, without a dot.
        ("Don Draper", "Don"),
        ("M Ward", "M"),
        # A title before one name alone: as one greets them.
        ("Dr. Smith", "Dr. Smith"),
        ("Herr Müller", "Herr Müller"),
        ("Dr. med. Schmidt", "Dr. med. Schmidt"),
        ("Doña Pérez", "Doña Pérez"),
    ],
)
def test_a_first_name_is_no_title(name: str, first: str) -> None:
    assert first_name(name) == first
    assert first_name(name, "María José") == "María José"


_DIALOGUE_DE = """\
id = "d"
title = "Interview mit {guest}"
language = "de"
registers = ["du", "Sie"]
style = "dialogue"

[[questions]]
id = "a"
type = "long"
text.du = "Hallo {first_name}! Was schreibst du?"
text.Sie = "Guten Tag {guest}! Was schreiben Sie?"
"""


@pytest.mark.parametrize(
    ("options", "first"),
    [([], "Anna"), (["--first-name", "Anna Lena"], "Anna Lena")],
)
def test_a_guest_is_greeted_and_labelled_by_first_name(
    series: Path, invoke: Invoke, options: list[str], first: str
) -> None:
    write(series / "questionnaires" / "d.toml", _DIALOGUE_DE)
    guest = "Prof. Dr. Anna Lena Schmidt"
    made = invoke(
        "new", "d", "--guest", guest, "--register", "du", "--host", "Dr. Íñigo Ruiz",
        *options, "--data-file", "-", input='[answers]\na = "Romane."\n',
    )  # fmt: skip
    assert made.exit_code == 0, made
    interview = only_interview(series)
    post = invoke("export", interview.slug, "--format", "md", "-o", "-")
    assert f"**Íñigo:** Hallo {first}! Was schreibst du?" in post.stdout, post
    assert f"**{first}:** Romane." in post.stdout, post
    # Read back as it was written; a file of before --first-name reads by the rule.
    assert load_interview(interview.path).first_name == (first if options else "")  # type: ignore[arg-type]


def test_a_first_name_given_goes_with_the_name_it_was_given_for(
    series: Path, invoke: Invoke
) -> None:
    """edit --guest keeps the first name the host said while the new name holds it (its
    surname corrected), and reads it from the new name once it does not."""
    write(series / "questionnaires" / "d.toml", _DIALOGUE_DE)
    made = invoke(
        "new", "d", "--guest", "Anna Lena Schmidt", "--register", "du", "--host", "Ute",
        "--first-name", "Anna Lena", "--data-file", "-", input='[answers]\na = "Romane."\n',
    )  # fmt: skip
    assert made.exit_code == 0, made

    def label_after(guest: str) -> str:
        edited = invoke("edit", only_interview(series).slug, "--guest", guest)
        assert edited.exit_code == 0, edited
        post = invoke("export", only_interview(series).slug, "--format", "md", "-o", "-")
        return next(line for line in post.stdout.splitlines() if line.endswith(" Romane."))

    assert label_after("Anna Lena Schmidt-Weber") == "**Anna Lena:** Romane."
    assert label_after("Jana Berg") == "**Jana:** Romane."


def test_a_sheet_greets_a_doctor_by_her_first_name(series: Path, invoke: Invoke) -> None:
    write(series / "questionnaires" / "d.toml", _DIALOGUE_DE)
    sheet = invoke("sheet", "d", "--guest", "Dr. Jane Smith", "--register", "du", "--host", "Ute")
    assert sheet.exit_code == 0, sheet
    assert "Jane," in sheet.stdout and "Dr.," not in sheet.stdout, sheet
    assert "**Hallo Jane! Was schreibst du?**" in sheet.stdout, sheet
    sheet = invoke(
        "sheet", "d", "--guest", "Dr. med. Schmidt", "--register", "du", "--host", "Ute"
    )  # fmt: skip
    assert "**Hallo Dr. med. Schmidt! Was schreibst du?**" in sheet.stdout, sheet


@pytest.mark.parametrize(
    ("count", "noun", "plural", "said"),
    [
        (0, "answer", None, "0 answers"),
        (1, "answer", None, "1 answer"),
        (2, "file", None, "2 files"),
        (1, "more passage", None, "1 more passage"),
        (3, "child", "children", "3 children"),
    ],
)
def test_counted_says_a_count_with_its_noun_agreed(
    count: int, noun: str, plural: str | None, said: str
) -> None:
    assert counted(count, noun, plural) == said


@pytest.mark.parametrize(
    ("register", "gender", "influence", "pas_suivi"),
    [
        (
            "vous",
            "m",
            "Vous considérez-vous comme un twittos influent ?",
            "Question inverse, par qui ne souhaiteriez-vous surtout pas être suivi ?",
        ),
        (
            "vous",
            "f",
            "Vous considérez-vous comme une twittos influente ?",
            "Question inverse, par qui ne souhaiteriez-vous surtout pas être suivie ?",
        ),
        (
            "tu",
            "f",
            "Te considères-tu comme une twittos influente ?",
            "Question inverse, par qui ne souhaiterais-tu surtout pas être suivie ?",
        ),
        (
            "tu",
            None,
            "Te considères-tu comme un·e twittos influent·e ?",
            "Question inverse, par qui ne souhaiterais-tu surtout pas être suivi·e ?",
        ),
    ],
)
def test_twitter_wording_by_register_and_gender(
    register: str, gender: str | None, influence: str, pas_suivi: str
) -> None:
    form = load_questionnaire(TWITTER)
    context = context_for(form, "Camille Martin", "", gender)
    assert form.question("influence").wording(register, context) == influence  # type: ignore[union-attr]
    assert form.question("pas-suivi").wording(register, context) == pas_suivi  # type: ignore[union-attr]


@pytest.mark.parametrize("pattern", ["a{4294967296}", "(" * 1000 + ")" * 1000])
def test_a_pattern_too_large_to_compile_is_a_message(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "q.toml"
    path.write_text(
        'id = "q"\ntitle = "Q"\n[[questions]]\nid = "a"\ntype = "text"\ntext = "A ?"\n'
        f"validation = {{ pattern = '{pattern}' }}\n",
        encoding="utf-8",
    )
    with pytest.raises(FileProblems) as raised:
        load_questionnaire(path)
    assert "invalid regular expression: too large" in str(raised.value.problems[0])


def test_a_pattern_python_warns_of_is_a_warning_of_check_not_python_s_own(
    series: Path, invoke: Invoke
) -> None:
    """[[:alpha:]] (a POSIX class, which Python reads as a set holding "[") compiles with
    a FutureWarning, which Python printed with a line of jeudis's own source under it."""
    own = series / "questionnaires" / "twitter.toml"
    text = own.read_text(encoding="utf-8")
    text = re.sub(r"pattern = '[^']+'", 'pattern = "[[:alpha:]_]+"', text, count=1)
    own.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "[[:alpha:]_]" in row)

    result = invoke("check", own)

    assert result.exit_code == 0, result
    assert result.stderr == ""
    assert findings(result.stdout) == [
        (
            f"{own}:{line}: warning: fields[1].validation.pattern:"
            " regular expression: possible nested set at position 1"
        ),
        "0 errors, 1 warning",
    ]


@pytest.mark.parametrize(
    "control", ["\\u001b[31m", "\\u001b]0;titre\\u0007", "\\u009b2J", "tout\\rRIEN"]
)
def test_a_control_character_in_a_questionnaire_is_refused_with_its_line(
    tmp_path: Path, control: str
) -> None:
    """Shown by inspect or asked in a session, an escape sequence would run in the terminal."""
    source = TWITTER.read_text(encoding="utf-8")
    text = source.replace('help.tu = "Un nombre', f'help.tu = "{control}Un nombre', 1)
    path = write(tmp_path / "twitter.toml", text)
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    [problem] = caught.value.problems
    assert problem.line == text[: text.index(control)].count("\n") + 1
    assert problem.key == "questions[1].help.tu" and "control character" in problem.message
    # A tab or a line break is text, as in any TOML file (CR+LF line ends read as LF).
    tabbed = source.replace('help.tu = "Un nombre', 'help.tu = "Un\\tnombre\\n', 1)
    assert tabbed != source
    form = load_questionnaire(write(tmp_path / "ok.toml", tabbed.replace("\n", "\r\n")))
    followers = form.question("followers")
    assert followers is not None and followers.help["tu"].startswith("Un\tnombre\n (par")


@pytest.mark.parametrize(
    ("wrong", "key", "near"),
    [
        (
            'text.vous = "Quel a été votre {premier|première tweet ?"',
            "questions[4].text.vous",
            "{premier|première tw",
        ),
        ('text.vous = "Quel a été votre premier} tweet ?"', "questions[4].text.vous", "} tweet ?"),
        (
            'text.vous = "{first_name}, votre {premier tweet ?"',  # after a placeholder
            "questions[4].text.vous",
            "{premier tweet ?",
        ),
        (
            'title = "Interview Twitter de {guest [Les Jeudis Twitter]"',
            "title",
            "{guest [Les Jeudi",
        ),
    ],
)
def test_a_placeholder_never_closed_is_refused(
    tmp_path: Path, wrong: str, key: str, near: str
) -> None:
    """It would reach the guest as typed: "{premier|première tweet ?"."""
    source = TWITTER.read_text(encoding="utf-8")
    line = next(
        line
        for line in source.splitlines()
        if line.startswith(wrong.split(" = ")[0] + " = ")
        and ("premier" in line or "title" in wrong)
    )
    path = write(tmp_path / "twitter.toml", source.replace(line, wrong, 1))
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    [problem] = caught.value.problems
    assert problem.key == key and "opens no placeholder" in problem.message
    assert f"near '{near}" in problem.message  # the stray brace itself, not the first one
    braces = source.replace(line, line.replace("premier tweet", "{{premier}} tweet"), 1)
    load_questionnaire(write(tmp_path / "ok.toml", braces))  # written {{ }}: a brace, fine


@pytest.mark.parametrize(
    ("inner", "hint"),
    [
        ("reseau", "to quote the answer to reseau, write {answer:reseau}"),
        ("site", "to quote the field site, write {field:site}"),
        ("nothing", None),
    ],
)
def test_an_unknown_placeholder_is_said_at_each_wordings_line(
    tmp_path: Path, inner: str, hint: str | None
) -> None:
    """Each form of address at its own line (both were at the first), and ``{reseau}``,
    a question's id, told how to quote its answer."""
    path = write(
        tmp_path / "q.toml",
        'id = "q"\ntitle = "{guest}"\n\n'
        '[[fields]]\nid = "site"\ntype = "url"\ntext = "Site"\n\n'
        '[[questions]]\nid = "reseau"\ntype = "choice"\nchoices = ["Mastodon", "Bluesky"]\n'
        'text = "Quel réseau ?"\n\n'
        f'[[questions]]\nid = "pourquoi"\ntext.tu = "Pourquoi {{{inner}}} ?"\n'
        f'text.vous = "Et pourquoi {{{inner}}} ?"\n',
    )
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    assert [(p.line, p.key, p.hint) for p in caught.value.problems] == [
        (17, "questions[1].text.tu", hint),
        (18, "questions[1].text.vous", hint),
    ]
    assert all(
        f"{{{inner}}} is not a known placeholder" in p.message for p in caught.value.problems
    )


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ('id = "t"\ntitle = """Un titre\n\n[[questions]]\nid = "a"\n', 2, 'opened with """'),
        ("id = 't'\nnote = '''ok'''\nhelp = '''\nsans fin\n", 3, "opened with '''"),
        ('id = "t"\ntags = [\n  "a",\n  "b"\n', 2, "array"),
        ('id = "t"\nlong = """un # pas un commentaire\n"""\nx = {a = 1', 4, "inline table"),
        ('id = "t"\nx = ', 2, "the file ends"),
    ],
    ids=["basic", "literal", "array", "inline-table", "no-opening"],
)
def test_a_toml_error_at_the_end_of_the_file_names_the_line_where_it_opened(
    tmp_path: Path, text: str, line: int, hint: str
) -> None:
    path = tmp_path / "t.toml"
    with pytest.raises(FileProblem) as caught:
        parse_toml(text, path)
    assert caught.value.line == line
    assert "end of document" not in caught.value.message
    assert caught.value.hint is not None and hint in caught.value.hint


SHOWS_JUNK = """id = "junk"
title = "Interview de {guest}"

[[questions]]
id = "reseau"
type = "choice"
text = "Quel réseau ?"
choices = ["Twitter", "Twitter", "", "  ", "Mastodon"]
default = "Facebook"

[[questions]]
id = "outils"
type = "multi"
text = "Quels outils ?"
choices = ["a", "b"]
default = ["a", "z"]

[[questions]]
id = "followers"
type = "number"
text = "Combien de followers ?"
default = "abc"

[[questions]]
id = "blog"
type = "yesno"
text = "Un blog ?"
default = "maybe"

[[questions]]
id = "pourquoi"
type = "long"
text = "Pourquoi Facebook ?"
when = { question = "reseau", equals = "Facebook" }

[[questions]]
id = "lesquels"
type = "text"
text = "Lesquels ?"
when = { question = "outils", in = ["a", "c"] }

[[questions]]
id = "quel-blog"
type = "text"
text = "Quel blog ?"
when = { question = "blog", equals = "Peut-être" }
"""


QUOTES_WHAT_MAY_BE_EMPTY = """
id = "lectures"
title = "Lectures de {guest}"
registers = ["you"]
language = "en"
closing = "Go read {answer:book}, {first_name}!"

[[questions]]
id = "book"
text = "Which book are you reading?"
required = false

[[questions]]
id = "opinion"
text = "And what do you think of “{answer:book}”?"

[[questions]]
id = "why"
type = "long"
text = "Why “{answer:book}”?"
when = { question = "book", answered = true }

[[questions]]
id = "podcast"
type = "yesno"
text = "A podcast too?"

[[questions]]
id = "which"
text = "Which one?"
when = { question = "podcast", equals = true }

[[questions]]
id = "end"
text = "Anything after “{answer:which}”?"
"""


def test_check_warns_of_a_question_quoting_an_answer_that_may_not_be_given(
    series: Path, invoke: Invoke
) -> None:
    """ "And what do you think of “”?" was asked and published when the guest skipped the
    book, and `check` said "All good"; a question whose condition asks for the answer
    reads it whole. The closing quoting an answer not given is left out, as one quoting
    an empty field is: "Go read , Kim!" was published."""
    path = write(series / "questionnaires" / "lectures.toml", QUOTES_WHAT_MAY_BE_EMPTY)

    result = invoke("check", path)

    quotes = "quotes an answer that may not be given"
    hole = "the question would read with a hole"
    assert findings(result.stdout) == [
        f"{path}:15: warning: questions[1].text: {{answer:book}} {quotes} (optional): {hole}",
        f"{path}:35: warning: questions[5].text: {{answer:which}} {quotes}"
        + f" (asked only under a condition): {hole}",
        "0 errors, 2 warnings",
    ]
    assert 'hint: ask it only then: when = { question = "book", answered = true }' in result.stdout
    data = write(
        series / "data.toml", '[answers]\nopinion = "Fine."\npodcast = false\nend = "No."\n'
    )
    made = invoke("new", "lectures", "--guest", "Kim Lee", "--data-file", data)
    assert made.exit_code == 0, made
    done = only_interview(series)
    assert done.status == "complete" and "closing" not in done.fields


def checked(series: Path, invoke: Invoke, name: str, questions: str) -> tuple[Path, list[str]]:
    """``jeudis check`` of a questionnaire in "tu" of these ``questions`` (its line 5 on):
    its file, and the findings said."""
    head = f'id = "{name}"\ntitle = "{{guest}}"\nregisters = ["tu"]\n\n'
    path = write(series / "questionnaires" / f"{name}.toml", head + questions)
    return path, findings(invoke("check", path).stdout)


def test_check_warns_of_spaces_inside_a_gender_form(series: Path, invoke: Invoke) -> None:
    """ "Es-tu {un | une} lecteur assidu ?" passed check, and read "Es-tu un  lecteur" and
    "Es-tu  une lecteur"."""
    path, said = checked(
        series, invoke, "lecteurs",
        '[[questions]]\nid = "lu"\ntext = "Es-tu {un | une} lecteur{|rice} assidu{|e} ?"\n',
    )  # fmt: skip

    spaces = "the spaces inside the braces are written too, beside the text's own"
    assert said == [
        f"{path}:7: warning: questions[0].text: {{un | une}}: {spaces}",
        "0 errors, 1 warning",
    ]
    assert "  hint: write {un|une}" in invoke("check", path).stdout


def test_check_warns_of_choices_told_apart_by_case_alone(series: Path, invoke: Invoke) -> None:
    """ "Solo" and "solo": a sheet's "SOLO", read in any case, was refused as no choice."""
    path, said = checked(
        series, invoke, "format",
        '[[questions]]\nid = "f"\ntype = "choice"\ntext = "Seul ?"\nchoices = ["Solo", "Duo", "solo"]\n',
    )  # fmt: skip

    assert said == [
        f"{path}:9: warning: questions[0].choices: choices 'Solo' and 'solo' differ only in"
        + " case: on a sheet or in a data file, where case is not read, neither can be told"
        + " from the other",
        "0 errors, 1 warning",
    ]


def test_a_placeholder_is_filled_in_and_checked_as_a_help_is(series: Path, invoke: Invoke) -> None:
    """The greyed hint in the input showed "{first_name}" as typed, and "{nope}" passed
    check, where a help's is an error."""
    question = '[[questions]]\nid = "site"\ntext = "Ton site ?"\nplaceholder = "le blog de {first_name}, {ravi|ravie}"\n'
    path, _ = checked(series, invoke, "indice", question)
    form = load_questionnaire(path)
    context = context_for(form, "Léa Martin", "", "f")
    assert form.questions[0].placeholder_text(context) == "le blog de Léa, ravie"
    path, said = checked(series, invoke, "indice", question.replace("{ravi|ravie}", "{nope}"))
    assert said[0].startswith(
        f"{path}:8: error: questions[0].placeholder: {{nope}} is not a known placeholder"
    )


def test_check_warns_of_a_validation_message_with_placeholders(
    series: Path, invoke: Invoke
) -> None:
    """ "Merci {first_name}, un nombre {entier|entière}" passed check, and every guest read
    the braces as typed, live and on the sheet."""
    path, said = checked(
        series, invoke, "nombre",
        '[[questions]]\nid = "n"\ntype = "number"\ntext = "Combien ?"\n'
        'validation = { min = 0, message = "Merci {first_name} !" }\n',
    )  # fmt: skip
    assert said == [
        f"{path}:9: warning: questions[0].validation.message: a validation message is shown"
        + " as written: its placeholders are not filled in",
        "0 errors, 1 warning",
    ]


BLANK = "the guest would see a blank line"
INVALID = "is not a valid answer: "
NEVER = "it never matches"


def test_check_warns_of_choices_defaults_and_conditions_no_guest_can_use(
    series: Path, invoke: Invoke
) -> None:
    """Junk a guest would be shown, a default never taken, a question never asked: the
    questionnaire still runs (the guest can answer), so these are warnings."""
    write(series / "questionnaires" / "junk.toml", SHOWS_JUNK)

    result = invoke("check", series / "questionnaires" / "junk.toml")

    where = f"{series / 'questionnaires' / 'junk.toml'}"
    assert findings(result.stdout) == [
        f"{where}:8: warning: questions[0].choices: choice 'Twitter' is listed twice",
        f"{where}:8: warning: questions[0].choices: an empty choice (the 3rd): {BLANK}",
        f"{where}:8: warning: questions[0].choices: an empty choice (the 4th): {BLANK}",
        f"{where}:9: warning: questions[0].default: default 'Facebook' is not a choice",
        f"{where}:16: warning: questions[1].default: default ['a', 'z'] {INVALID}"
        + "Choix inconnu : z (a, b)",
        f"{where}:22: warning: questions[2].default: default 'abc' {INVALID}"
        + "Un nombre est attendu (par exemple 9 200).",
        f"{where}:28: warning: questions[3].default: default 'maybe' {INVALID}"
        + "Répondre par oui ou par non.",
        f"{where}:34: warning: questions[4].when: 'Facebook' is not a choice of 'reseau': {NEVER}",
        f"{where}:40: warning: questions[5].when: 'c' is not a choice of 'outils': {NEVER}",
        f"{where}:46: warning: questions[6].when: 'Peut-être' is not a yes/no answer of 'blog': "
        + NEVER,
        "0 errors, 10 warnings",
    ]
    assert result.exit_code == 0
    assert invoke("check", "--strict", where).exit_code == ExitCode.CHECK_FAILED
    load_questionnaire(series / "questionnaires" / "junk.toml")  # it still runs


AFTER_A_DUPLICATE = """id = "mini"
title = "Interview de {guest}"

[[fields]]
id = "site"
text = "Site ?"

[[fields]]
id = "site"
text = "Site encore ?"

[[fields]]
id = "intro"
text = "Chapeau, après {field:suivant} ?"

[[questions]]
id = "depuis"
text = "Depuis quand ?"

[[questions]]
id = "depuis"
text = "Depuis combien de temps ?"

[[questions]]
id = "pourquoi"
text = "Pourquoi ?"
when = { question = "inconnue", equals = "x" }
"""


def test_a_problem_after_a_duplicate_id_is_said_at_its_own_line(
    series: Path, invoke: Invoke
) -> None:
    """A question left out for its duplicate id moved the next ones' problems up one:
    the condition of the third question was said at the second's line, as questions[1]."""
    path = write(series / "questionnaires" / "mini.toml", AFTER_A_DUPLICATE)

    result = invoke("check", path)

    assert findings(result.stdout) == [
        f"{path}:9: error: fields[1].id: duplicate id 'site' (also fields[0])",
        f"{path}:14: error: fields[2].text: {{field:suivant}} quotes a field not filled in"
        + " before this one",
        f"{path}:21: error: questions[1].id: duplicate id 'depuis' (also questions[0])",
        f"{path}:27: error: questions[2].when: condition on an unknown question 'inconnue'",
        "4 errors, 0 warnings",
    ]


CASED = """id = "cased"
title = "Interview de {guest}"

[[questions]]
id = "reseau"
type = "choice"
text = "Quel réseau ?"
choices = ["Twitter", "Mastodon"]

[[questions]]
id = "outils"
type = "multi"
text = "Quels outils ?"
choices = ["Vim", "Emacs"]
default = ["vim"]
"""


def test_check_holds_a_choice_to_the_questionnaires_case(series: Path, invoke: Invoke) -> None:
    """A guest's "mastodon" is read as "Mastodon", and stored so; written by hand into a
    file (or a default), it must be written as the questionnaire does: a condition on
    "Mastodon", a roundup, the session's ticks read the text as written."""
    write(series / "questionnaires" / "cased.toml", CASED)
    data = series / "answers.toml"
    data.write_text('[answers]\nreseau = "mastodon"\noutils = ["EMACS"]\n', encoding="utf-8")
    made = invoke("new", "cased", "--guest", "Ada", "--data-file", str(data))
    assert made.exit_code == 0, made.output
    path = series / "interviews" / "ada.toml"
    interview = load_interview(path)
    assert interview.values() == {"reseau": "Mastodon", "outils": ["Emacs"]}
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Mastodon"', '"mastodon"'), encoding="utf-8")

    result = invoke("check")

    line = text[: text.index('"Mastodon"')].count("\n") + 1
    assert findings(result.stdout) == [
        f"{series / 'questionnaires' / 'cased.toml'}:15: warning: questions[1].default:"
        + " default ['vim'] is not a choice",
        f"{path}:{line}: error: answers.reseau: 'mastodon' is written 'Mastodon' in cased",
        "1 error, 1 warning",
    ]


@pytest.mark.parametrize(
    ("language", "hint"),
    [("en", 'write true or false (or "yes", "no")'),
     ("en-GB", 'write true or false (or "yes", "no")'),
     ("fr", 'write true or false (or "oui", "non")'),
     ("de", 'write true or false (or "ja", "nein")'),
     ("pt-BR", 'write true or false (or "sim", "não")'),
     ("pl", 'write true or false (or "yes", "no")')],
)  # fmt: skip
def test_a_yes_or_no_condition_is_hinted_in_the_questionnaires_language(
    series: Path, invoke: Invoke, language: str, hint: str
) -> None:
    """An English questionnaire was told to write "oui" or "non"; a German one is told
    "ja" or "nein", and a condition so written matches (see the next test)."""
    path = write(
        series / "questionnaires" / "books.toml",
        f'id = "books"\ntitle = "Books: {{guest}}"\nlanguage = "{language}"\n'
        'registers = ["you"]\n\n[[questions]]\nid = "read"\ntype = "yesno"\n'
        'text = "Read it?"\n\n[[questions]]\nid = "why"\ntype = "text"\ntext = "Why?"\n'
        'when = { question = "read", equals = "Yess" }\n',
    )
    result = invoke("check", path)
    assert f"'Yess' is not a yes/no answer of 'read': {NEVER}\n  hint: {hint}\n" in result.stdout


@pytest.mark.parametrize("language", sorted(YES_NO))
def test_a_condition_on_a_yes_or_no_is_written_in_the_questionnaires_words(
    language: str,
) -> None:
    """``equals = "Ja"`` in a German questionnaire was refused, never matching: the
    screen offers "Ja" and "Nein", a condition may say them, and their initials."""
    yes, no = YES_NO[language]
    for word in (yes, yes.lower(), yes[0]):
        assert Condition("read", equals=word).holds({"read": True}), word
        assert not Condition("read", equals=word).holds({"read": False}), word
    for word in (no, no.upper(), no[0]):
        assert Condition("read", equals=word).holds({"read": False}), word
        assert not Condition("read", equals=word).holds({"read": True}), word


def test_choices_that_are_all_blank_leave_nothing_to_pick(tmp_path: Path) -> None:
    path = write(
        tmp_path / "blank.toml",
        'id = "blank"\ntitle = "De {guest}"\n\n[[questions]]\nid = "r"\ntype = "choice"\n'
        'text = "R ?"\nchoices = ["", " "]\n',
    )
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    assert [(p.line, p.reason) for p in caught.value.problems] == [
        (8, "a 'choice' question needs a non-empty 'choices' list")
    ]


def test_sound_choices_defaults_and_conditions_are_all_good(series: Path, invoke: Invoke) -> None:
    sound = (
        SHOWS_JUNK.replace(
            '["Twitter", "Twitter", "", "  ", "Mastodon"]', '["Twitter", "Facebook"]'
        )
        .replace('["a", "z"]', '["a"]')
        .replace('"abc"', '"9 200"')
        .replace('"maybe"', '"oui"')
        .replace('["a", "c"]', '["a", "b"]')
        .replace('"Peut-être"', '"Oui"')
    )
    write(series / "questionnaires" / "junk.toml", sound)

    result = invoke("check", series / "questionnaires" / "junk.toml")

    assert result.stdout == "All good.\n" and result.exit_code == 0


PODCAST = """
id = "podcast"
title = "Au micro : {guest}"
style = "dialogue"
greeting.tu = "Salut {first_name}, merci d’être {venu|venue} !"
greeting.vous = "Bonjour {guest}, merci d’être {venu|venue} !"

[[questions]]
id = "parcours"
text.tu = "Comment es-tu {devenu|devenue} podcasteu{r|se} ?"
text.vous = "Comment êtes-vous {devenu|devenue} podcasteu{r|se} ?"

[[questions]]
id = "micro"
text = "Quel micro ?"
"""


def test_the_greeting_opens_the_first_question_in_each_register(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    write(series / "questionnaires" / "podcast.toml", PODCAST)

    shown = invoke(
        "inspect", "podcast", "--register", "vous", "--gender", "f", "--guest", "Inès Martin"
    )

    assert (
        "Bonjour Inès Martin, merci d’être venue ! Comment êtes-vous devenue podcasteuse ?"
        in " ".join(shown.stdout.split())
    )
    data = write(tmp_path / "a.toml", '[answers]\nparcours = "Par hasard."\nmicro = "Un SM7B."\n')
    made = invoke(
        "new", "podcast", "--guest", "Inès Martin", "--gender", "f", "--register", "tu",
        "--host", "Alexis", "--data-file", data,
    )  # fmt: skip
    assert made.exit_code == 0, made
    post = invoke("export", "ines-martin", "--format", "md").stdout
    post = post.replace("\u202f", " ").replace("\xa0", " ")  # French typography aside
    assert (
        "**Alexis :** Salut Inès, merci d’être venue ! Comment es-tu devenue podcasteuse ?" in post
    )
    assert "**Alexis :** Quel micro ?" in post


def test_a_greeting_opening_a_question_that_may_be_skipped_is_a_warning(
    series: Path, invoke: Invoke
) -> None:
    """Its first question optional and skipped, the post had no greeting, unsaid."""
    path = write(
        series / "questionnaires" / "salut.toml",
        'id = "salut"\ntitle = "{guest}"\ngreeting = "Bonjour !"\n\n[[questions]]\nid = "un"\n'
        'text = "Ça va ?"\nrequired = false\n',
    )
    result = invoke("check", path)
    assert findings(result.stdout) == [
        f"{path}:3: warning: greeting: the greeting opens the first question, 'un', which may"
        + " not be answered: skipped, the post has no greeting",
        "0 errors, 1 warning",
    ]


def test_a_greeting_with_no_question_to_open_is_a_warning(series: Path, invoke: Invoke) -> None:
    path = write(
        series / "questionnaires" / "ouvert.toml",
        'id = "ouvert"\ntitle = "{guest}"\nopen = true\ngreeting = "Bonjour !"\n',
    )
    result = invoke("check", path)
    assert result.stdout.splitlines()[0] == (
        f"{path}:4: warning: greeting: the greeting opens the first question, and there is"
        " none: it is never said"
    )
    assert result.exit_code == 0


RULES = """
id = "rules"
title = "{guest}"
language = "%s"

[[questions]]
id = "conseil"
type = "long"
text = "Un conseil ?"
validation = { min = 10, max_words = 50 }

[[questions]]
id = "episodes"
type = "number"
text = "Combien d’épisodes ?"
validation = { pattern = "[0-9]+", min = 1 }

[[questions]]
id = "outils"
type = "multi"
text = "Tes outils ?"
choices = ["Audacity", "Reaper"]
validation = { min_length = 1 }

[[questions]]
id = "depuis"
type = "date"
text = "Depuis quand ?"
validation = { max = 2020 }
"""


def test_a_rule_the_type_never_checks_is_a_warning_that_says_what_would(
    series: Path, invoke: Invoke
) -> None:
    path = write(series / "questionnaires" / "rules.toml", RULES % "fr")

    result = invoke("check", "--json", path)

    import json

    found = [(f["line"], f["key"], f["message"]) for f in json.loads(result.stdout)]
    assert found == [
        (10, "questions[0].validation.min", "min is never checked on a 'long' question"),
        (16, "questions[1].validation.pattern", "pattern is never checked on a 'number' question"),
        (
            23,
            "questions[2].validation.min_length",
            "min_length is never checked on a 'multi' question",
        ),
        (29, "questions[3].validation.max", "max is never checked on a 'date' question"),
    ]
    text = invoke("check", path).stdout
    assert "min_words and max_words words" in text  # what the host meant, likely
    assert "min and max bound a number" in text
    assert "a date question checks no rule" in text
    assert result.exit_code == 0


def test_a_language_is_a_tag_written_in_any_case_and_one_jeudis_does_not_speak_is_said(
    series: Path, invoke: Invoke
) -> None:
    upper = load_questionnaire(write(series / "questionnaires" / "rules.toml", RULES % "FR-ca"))
    assert upper.language == "fr-CA"
    assert upper.questions[0].language == "fr-CA"  # its messages are French ones

    path = write(series / "questionnaires" / "rules.toml", RULES % "sv")
    result = invoke("check", path)
    assert (
        f"{path}:4: warning: language: jeudis speaks fr, en, de, es, it, nl and pt, not 'sv':"
        " the guest's screen, its messages and the words around the post will be in English"
    ) in result.stdout


@pytest.mark.parametrize("language", ["de", "es-MX", "it", "nl-BE", "pt-BR"])
def test_a_language_posts_are_written_in_has_its_screen_in_it_too(
    series: Path, invoke: Invoke, language: str
) -> None:
    """A German questionnaire was warned that the guest's screen would be in English."""
    path = write(series / "questionnaires" / "rules.toml", RULES % language)
    result = invoke("check", path)
    assert result.exit_code == 0, result.stdout
    assert "warning: language" not in result.stdout


def test_a_questionnaires_language_reaches_the_interview_as_bcp_47_writes_it(
    series: Path, invoke: Invoke
) -> None:
    """``fr_ca`` is read as ``fr-CA``: the interview file says that, the host's file is kept."""
    text = (
        'id = "court"\ntitle = "{guest}"\nlanguage = "fr_ca"\n'
        '[[questions]]\nid = "q"\ntext = "Une question ?"\n'
    )
    path = write(series / "questionnaires" / "court.toml", text)
    data = write(series.parent / "data.toml", '[answers]\nq = "Oui."\n')

    assert invoke("check").stdout == "All good.\n"
    result = invoke("new", "court", "--guest", "Ann Lee", "--data-file", data)

    assert result.exit_code == 0, result
    assert load_interview(series / "interviews" / "ann-lee.toml").language == "fr-CA"
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("language", ["fr fr", "123", "fr_", "en--GB"])
def test_a_language_that_is_not_a_tag_is_refused_with_a_hint(
    series: Path, invoke: Invoke, language: str
) -> None:
    path = write(series / "questionnaires" / "rules.toml", RULES % language)

    result = invoke("check", path)

    assert result.exit_code == ExitCode.CHECK_FAILED
    assert result.stdout.splitlines()[:2] == [
        (
            f"{path}:4: error: language: language must be a language tag such as fr, fr-CA or en,"
            f" not {language!r}"
        ),
        "  hint: a language, then a country if need be: fr, fr-CA, en-GB",
    ]


def test_a_length_below_zero_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "neg.toml",
        'id = "neg"\ntitle = "{guest}"\n[[questions]]\nid = "q"\ntext = "Q ?"\n'
        "validation = { min_length = -5 }\n",
    )
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    assert [(p.line, p.key, p.reason) for p in caught.value.problems] == [
        (6, "questions[0].validation.min_length", "min_length (-5) is below 0")
    ]


SLIPS = {
    "an apostrophe in a '...' string": (
        "text = 'Pourquoi l'as-tu choisi ?'",
        "an apostrophe ends a '...' string: put this text between double quotes",
    ),
    'quotes inside a "..." string': ('text = "As-tu lu "Dune" ?"', 'write \\" for a quote'),
    "an apostrophe escaped": ('text = "Pourquoi l\\\'as-tu ?"', "an apostrophe needs none"),
    "a Windows path": ('text = "Dans C:\\Users ?"', "write \\\\ for a backslash"),
    "curly quotes": ("text = “Pourquoi ?”", "“ is not a TOML quote"),
    "guillemets": ("text = « Pourquoi ? »", "« is not a TOML quote"),
    "no quotes": ("text = Pourquoi ?", 'a text goes between double quotes: key = "text"'),
    # Python's: it was told "a text goes between double quotes".
    "True": ('text = "A ?"\nrequired = False', "true and false are written lowercase in TOML"),
    'a "..." string over two lines': ('text = "Pourquoi\nas-tu ?"', "ends on its own line"),
    "a key twice": ('text = "A ?"\ntext = "B ?"', "this key is set a second time in its table"),
    "[questions] then [[questions]]": (
        'text = "A ?"\n\n[[questions]]\nid = "b"\ntext = "B ?"',
        "[questions] above makes a single table: write [[questions]] there too",
    ),
}


@pytest.mark.parametrize("slip", list(SLIPS), ids=list(SLIPS))
def test_a_toml_slip_made_by_hand_says_what_to_write_instead(
    series: Path, invoke: Invoke, slip: str
) -> None:
    line, hint = SLIPS[slip]
    header = "[questions]" if slip.startswith("[questions]") else "[[questions]]"
    text = f'id = "slip"\ntitle = "{{guest}}"\n\n{header}\nid = "a"\n{line}\n'
    path = write(series / "questionnaires" / "slip.toml", text)

    checked = invoke("check", path)
    started = invoke("new", "slip", "--guest", "Inès Martin")

    finding, said = checked.stdout.splitlines()[:2]
    assert finding.startswith(f"{path}:") and "error: invalid TOML" in finding
    assert said.startswith("  hint: ") and hint in said, said
    assert started.exit_code == ExitCode.INVALID_FILE
    assert f"hint: {said[8:]}" in started.stderr


DATE_HINT = "a date is written YYYY-MM-DD, a day that exists, without quotes: 2026-12-03"


@pytest.mark.parametrize(
    ("date", "hint"),
    [("2011-13-10", DATE_HINT), ("2011-02-30", DATE_HINT), ("2011-3-10", DATE_HINT),
     ("10/03/2011", DATE_HINT), ("2011-03-10 x", "fix the syntax at that line")],
    ids=["month-13", "february-30", "one-digit-month", "french-order", "a-date-then-a-slip"],
)  # fmt: skip
def test_a_date_edited_by_hand_says_how_a_date_is_written(
    series: Path, invoke: Invoke, date: str, hint: str
) -> None:
    """A post moved to next Thursday by hand: TOML's own message ("Expected newline or
    end of document after a statement") said nothing of a date."""
    interview = (REPO / "interviews" / "amelie-roux.toml").read_text(encoding="utf-8")
    assert "\ndate = 2011-03-24\n" in interview
    path = write(series / "interviews" / "amelie-roux.toml",
                 interview.replace("\ndate = 2011-03-24\n", f"\ndate = {date}\n"))  # fmt: skip

    checked = invoke("check", path)

    assert checked.exit_code == ExitCode.CHECK_FAILED
    finding, said = checked.stdout.splitlines()[:2]
    assert finding.startswith(f"{path}:") and "error: invalid TOML" in finding
    assert said == f"  hint: {hint}"


def test_a_slip_in_a_data_file_is_said_with_it(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    data = write(tmp_path / "answers.toml", "[answers]\ndepuis-quand = 'Depuis l'été 2007'\n")

    result = invoke("new", "twitter", "--guest", "Inès Martin", "--data-file", data)

    assert result.exit_code == ExitCode.INVALID_FILE
    assert result.stderr.splitlines()[1] == (
        "hint: an apostrophe ends a '...' string: put this text between double quotes"
        ' ("l\'as-tu"), or type ’; fix that line of the data file; nothing was written'
    )


def test_a_condition_on_a_number_or_a_date_written_in_quotes_never_matches(
    series: Path, invoke: Invoke
) -> None:
    path = write(
        series / "questionnaires" / "quoted.toml",
        """id = "quoted"
title = "{guest}"

[[questions]]
id = "age"
type = "number"
text = "Quel âge ?"

[[questions]]
id = "depuis"
type = "date"
text = "Depuis quand ?"

[[questions]]
id = "trente"
text = "Et alors ?"
when = { question = "age", equals = "30" }

[[questions]]
id = "anniversaire"
text = "Et ce jour-là ?"
when = { question = "depuis", in = ["2011-03-10", 2012-01-01] }
""",
    )

    result = invoke("check", path)

    assert result.stdout.splitlines() == [
        (
            f"{path}:17: warning: questions[2].when: '30' is not a number, as the answer to"
            " 'age' is: it never matches"
        ),
        "  hint: write it without quotes, as TOML does: equals = 30",
        (
            f"{path}:22: warning: questions[3].when: '2011-03-10' is not a date, as the answer"
            " to 'depuis' is: it never matches"
        ),
        "  hint: write it without quotes, as TOML does: equals = 2011-03-10",
        "0 errors, 2 warnings",
    ]


def test_a_quoted_number_is_read_in_the_questionnaires_language(
    series: Path, invoke: Invoke
) -> None:
    """In English "9,200" is 9200: the hint said equals = 9.2."""
    path = write(
        series / "questionnaires" / "reach.toml",
        'id = "reach"\ntitle = "{guest}"\nlanguage = "en"\nregisters = ["you"]\n\n'
        '[[questions]]\nid = "followers"\ntype = "number"\ntext = "How many?"\n\n'
        '[[questions]]\nid = "wow"\ntext = "Wow?"\n'
        'when = { question = "followers", equals = "9,200" }\n',
    )
    result = invoke("check", path)
    assert "  hint: write it without quotes, as TOML does: equals = 9200" in result.stdout


@pytest.mark.parametrize(
    ("language", "registers"),
    [("en", ("you",)), ("en-GB", ("you",)), ("fr", ("tu", "vous")), ("fr-CA", ("tu", "vous"))],
)
def test_an_english_questionnaire_declaring_no_register_says_you(
    series: Path, invoke: Invoke, language: str, registers: tuple[str, ...]
) -> None:
    """It was asked in French's "tu": the interview file, show and the sheet said so."""
    path = write(
        series / "questionnaires" / "q.toml",
        f'id = "q"\ntitle = "Q: {{guest}}"\nlanguage = "{language}"\n\n'
        '[[questions]]\nid = "a"\ntype = "text"\ntext = "Who are you?"\n',
    )
    form = load_questionnaire(path)
    assert (form.registers, form.default_register) == (registers, registers[0])
    write(series / "answers.toml", '[answers]\na = "Bo"\n')
    result = invoke("new", "q", "--guest", "Bo", "--data-file", str(series / "answers.toml"))
    assert result.exit_code == 0, result
    assert f'register = "{registers[0]}"' in (series / "interviews" / "bo.toml").read_text()


def test_an_english_questionnaire_worded_for_tu_and_vous_declares_them(tmp_path: Path) -> None:
    path = write(
        tmp_path / "q.toml",
        'id = "q"\ntitle = "Q"\nlanguage = "en"\n\n[[questions]]\nid = "a"\ntype = "text"\n'
        'text.tu = "Who are you?"\ntext.vous = "Who are you?"\n',
    )
    with pytest.raises(FileProblems) as refused:
        load_questionnaire(path)
    assert "'tu' is not a declared register (you)" in str(refused.value)
    write(path, 'registers = ["tu", "vous"]\n' + path.read_text(encoding="utf-8"))
    assert load_questionnaire(path).registers == ("tu", "vous")


def test_a_misspelt_type_is_the_one_error_it_makes(tmp_path: Path) -> None:
    """A type "choise" with its choices was also told "choices only apply to 'choice' and
    'multi', not 'text'": a 'text' the file nowhere says."""
    path = write(
        tmp_path / "typo.toml",
        'id = "typo"\ntitle = "{guest}"\n[[questions]]\nid = "q"\ntype = "choise"\n'
        'text = "Lequel ?"\nchoices = ["a", "b"]\n',
    )
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    assert [(p.line, p.key) for p in caught.value.problems] == [(5, "questions[0].type")]


@pytest.mark.parametrize(
    ("questions", "said"),
    [
        (
            '[[questions]]\nid = "bio"\ntype = "long"\ntext = "Qui ?"\nvalidation = { min_words = 1.5 }\n',
            "9: error: questions[0].validation.min_words: min_words (1.5) is no whole number",
        ),
        (
            '[[questions]]\nid = "a"\ntext = "A ?"\nwhen = { question = "a", answered = true }\n',
            "8: error: questions[0].when: condition on itself, 'a'",
        ),
    ],
    ids=["fraction", "itself"],
)
def test_check_refuses_a_fractional_count_and_a_condition_on_itself(
    series: Path, invoke: Invoke, questions: str, said: str
) -> None:
    """``min_words = 1.5`` passed, where a count is a whole number; a question looking
    at its own answer was said to look at "a later question"."""
    path, found = checked(series, invoke, "regles", questions)
    assert found[0] == f"{path}:{said}"


@pytest.mark.parametrize(("version", "shown"), [("0", "0"), ("-1", "-1"), ('""', "''")])
def test_check_refuses_a_version_below_one(
    series: Path, invoke: Invoke, version: str, shown: str
) -> None:
    """0 or "": an interview made with it compares as made with none."""
    head = f'id = "v"\ntitle = "{{guest}}"\nregisters = ["tu"]\nversion = {version}\n'
    path = write(
        series / "questionnaires" / "v.toml", head + '[[questions]]\nid = "a"\ntext = "A ?"\n'
    )
    said = findings(invoke("check", path).stdout)
    assert said[0] == f"{path}:4: error: version: version ({shown}) must be 1 or more"


def test_a_register_typed_in_another_case_is_the_questionnaire_s(
    series: Path, invoke: Invoke
) -> None:
    write(series / "questionnaires" / "d.toml", _DIALOGUE_DE)
    shown = invoke("inspect", "d", "--register", "sie")
    assert shown.exit_code == 0, shown
    assert "Guten Tag {guest}! Was schreiben Sie?" in shown.stdout, shown
    made = invoke(
        "new", "d", "--guest", "Anna Schmidt", "--register", "sie", "--host", "Ute",
        "--data-file", "-", input='[answers]\na = "Romane."\n',
    )  # fmt: skip
    assert made.exit_code == 0, made
    assert only_interview(series).register == "Sie"
    post = invoke("export", "anna-schmidt", "--format", "md", "-o", "-")
    assert "**Ute:** Guten Tag Anna Schmidt! Was schreiben Sie?" in post.stdout, post
    edited = invoke("edit", "anna-schmidt", "--register", "DU")
    assert edited.exit_code == 0, edited
    assert only_interview(series).register == "du"
    refused = invoke("edit", "anna-schmidt", "--register", "ihr")
    assert refused.exit_code == ExitCode.USAGE, refused
    assert 'd is worded for "du" and "Sie"' in refused.output, refused


def test_a_register_whose_case_names_two_is_refused(series: Path, invoke: Invoke) -> None:
    """A questionnaire worded for "du" and "Du" (the letter's capital): "DU" names
    neither, and is refused, not taken for the first."""
    both = _DIALOGUE_DE.replace('["du", "Sie"]', '["du", "Du"]').replace("text.Sie", "text.Du")
    write(series / "questionnaires" / "d.toml", both)
    assert invoke("inspect", "d", "--register", "Du").exit_code == 0
    for command in (["inspect", "d"], ["new", "d", "--guest", "Anna Schmidt", "--host", "Ute"]):
        refused = invoke(*command, "--register", "DU")
        assert refused.exit_code == ExitCode.USAGE, refused
        assert '--register DU: d is worded for "du" and "Du"' in refused.output, refused
