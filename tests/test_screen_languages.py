"""The guest's screen in each language jeudis speaks: French, English, German, Spanish,
Italian, Dutch and Portuguese. Every message in each, worded for every form of
address and gender, its counts agreeing; yes and no picked by their initials; and
a German interview typed in a pseudo-terminal."""

from __future__ import annotations

import io
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from jeudis import answers, refusals
from jeudis.interview import Interview
from jeudis.interview_reading import load_interview
from jeudis.prompt_keys import initials
from jeudis.prompter import TerminalPrompter
from jeudis.prompter_text import MESSAGES, worded
from jeudis.prompts import CHOICE_WORDS, prompt_for
from jeudis.questionnaire import Question, Validation
from jeudis.questionnaire_schema import SPOKEN
from jeudis.series_init import STARTERS
from jeudis.wording import plural
from support import interview_files, write
from test_pty import Jeudis, Keyboard

ENTER = "\r"
# The toolbar's narrower wordings: a language has those its words need (English's
# are short enough without some of French's).
NARROW = ("_short", "_tight")


def test_the_screen_speaks_every_language_a_post_is_written_in() -> None:
    assert set(SPOKEN) == set(MESSAGES) == set(refusals.MESSAGES) == set(CHOICE_WORDS)
    assert set(SPOKEN) == set(answers._DATE_HINTS)


@pytest.mark.parametrize("language", SPOKEN)
def test_each_language_has_frenchs_messages(language: str) -> None:
    """Not one message missing (a KeyError mid-session) nor one no screen asks for."""
    french, own = set(MESSAGES["fr"]), set(MESSAGES[language])
    if language == "en":
        assert own <= french and {k for k in french - own if not k.endswith(NARROW)} == set()
    else:
        assert own == french
    assert set(refusals.MESSAGES[language]) == set(refusals.MESSAGES["fr"])


def fields(template: str) -> set[str]:
    """The names ``str.format`` fills in ``template``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", SPOKEN)
def test_each_message_fills_what_frenchs_fills(language: str) -> None:
    """Each message names what French's names: a {guest} left out would greet no one."""
    french = worded(MESSAGES["fr"], "vous", "f")
    for key, own in worded(MESSAGES[language], "vous", "f").items():
        assert fields(own) == fields(french[key]), (key, own)
    for key, template in refusals.MESSAGES["fr"].items():
        # French writes its example number and date formats out; English fills them in.
        # "{s}" is a count's noun agreeing: German's "Zeichen" needs none.
        own = refusals.MESSAGES[language][key]
        assert fields(own) - {"example", "short", "s"} == fields(template) - {"s"}, (key, own)


def registers(language: str) -> tuple[str, ...]:
    """The forms of address a questionnaire in ``language`` names: its starter's,
    and French's (a questionnaire that names none is worded for "tu" and "vous")."""
    starter = STARTERS.get(language, {}).get("registers", ())
    return (*starter, "tu", "vous")


@pytest.mark.parametrize("language", SPOKEN)
def test_every_message_is_worded_for_every_guest(language: str) -> None:
    """For each form of address and gender, counts of 1 and 2: nothing left in braces,
    no gender's two forms shown to a guest whose gender is known."""
    names = {"total": 1, "guest": "Ana", "host": "Al", "done": 1, "followups": "x", "path": "p"}
    for register in registers(language):
        for gender in ("f", "m", None):
            for count in (1, 2):
                count_agrees = {"plural": plural(count, language), "keys": "J/N"}
                for key, template in worded(MESSAGES[language], register, gender).items():
                    said = template.format(**names, **count_agrees)
                    assert "{" not in said and "}" not in said, (key, said)
                    assert gender is None or "/" not in said.replace("J/N", ""), (key, said)
                    assert "|" not in said, (key, said)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("fr", "1 question.", "2 questions."), ("en", "1 question.", "2 questions."),
     ("de", "1 Frage.", "2 Fragen."), ("es", "1 pregunta.", "2 preguntas."),
     ("it", "1 domanda.", "2 domande."), ("nl", "1 vraag.", "2 vragen."),
     ("pt", "1 pergunta.", "2 perguntas.")],
)  # fmt: skip
def test_the_number_of_questions_agrees_with_its_noun(language: str, one: str, two: str) -> None:
    """Not "1 Fragen", nor "2 Frages": German's, Italian's, Dutch's plurals are no s."""
    handover = worded(MESSAGES[language], "vous", None)["handover"]
    assert one in handover.format(total=1, plural=plural(1, language))
    assert two in handover.format(total=2, plural=plural(2, language))


@pytest.mark.parametrize(
    ("language", "done", "said"),
    [("de", 1, "Pause: 1 Antwort gespeichert."), ("de", 3, "Pause: 3 Antworten gespeichert."),
     ("it", 1, "In pausa: 1 risposta salvata."), ("it", 2, "In pausa: 2 risposte salvate."),
     ("nl", 2, "Gepauzeerd: 2 antwoorden opgeslagen."),
     ("es", 2, "En pausa: 2 respuestas guardadas."), ("pt", 1, "Em pausa: 1 resposta gravada.")],
)  # fmt: skip
def test_a_pause_counts_the_answers_in_the_guests_language(
    language: str, done: int, said: str
) -> None:
    screen = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=screen, width=200))
    interview = Interview(
        questionnaire="q", guest="Ana", slug="ana", title="T", register="vous", language=language
    )
    prompter.paused(interview, done)
    assert said in screen.getvalue()


@pytest.mark.parametrize(
    ("language", "register", "said"),
    [("de", "du", "Du bist dran"), ("de", "Sie", "Sie sind dran"), ("de", "tu", "Du bist dran"),
     ("de", "vous", "Sie sind dran"), ("es", "tu", "Te toca"), ("es", "usted", "Le toca"),
     ("it", "tu", "Tocca a te"), ("it", "Lei", "Tocca a Lei"), ("nl", "je", "Jij bent"),
     ("nl", "u", "U bent"), ("pt", "você", "É a sua vez"), ("pt", "tu", "É a tua vez")],
)  # fmt: skip
def test_each_form_of_address_is_the_familiar_or_the_polite_one(
    language: str, register: str, said: str
) -> None:
    """A German guest told "Sie" is not told "du": the starters' forms of address
    ("du"/"Sie", "tu"/"usted"...) and French's name the same two."""
    assert worded(MESSAGES[language], register, "f")["handover"].startswith(said)


@pytest.mark.parametrize("language", SPOKEN)
def test_yes_and_no_each_have_their_own_key(language: str) -> None:
    yes, no, skip = CHOICE_WORDS[language]
    keys = initials((yes, no, skip))
    assert keys[0] and keys[1] and keys[0] != keys[1] and keys[2] == ""
    prompter = TerminalPrompter(language)
    question = Question(
        id="q", type="yesno", text={"*": "?"}, language=language, validation=Validation()
    )
    hint = prompter._hint(prompt_for(question, "?"))
    assert hint.startswith(f"{keys[0].upper()}/{keys[1].upper()} "), hint


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.mark.parametrize(
    ("language", "typed", "answer"),
    [("de", "j", "Ja"), ("de", "n", "Nein"), ("de", "nj", "Ja"), ("nl", "j", "Ja"),
     ("nl", "n", "Nee"), ("es", "s", "Sí"), ("es", "n", "No"), ("it", "s", "Sì"),
     ("pt", "n", "Não"), ("pt", "ns", "Sim"), ("de", "nk", "Nein"), ("fr", "j", "Oui")],
)  # fmt: skip
def test_a_yes_or_no_is_picked_by_the_initial_of_its_language(
    keys: PipeInput, language: str, typed: str, answer: str
) -> None:
    """German's "j" picks "Ja": it moved down to "Nein", j moving as in questionary. A
    letter no choice starts does nothing (a French "j", a German "k": they moved)."""
    prompter = TerminalPrompter(language, console=Console(file=io.StringIO()))
    question = Question(
        id="q", type="yesno", text={"*": "?"}, language=language, validation=Validation()
    )
    keys.send_text(typed + ENTER)
    assert prompter.ask(prompt_for(question, "?", counter="[1/1]")) == answer


@pytest.mark.parametrize(
    ("language", "heads"),
    [("fr", ("Question", "Réponse")), ("en", ("Question", "Answer")), ("de", ("Frage", "Antwort")),
     ("es", ("Pregunta", "Respuesta")), ("it", ("Domanda", "Risposta")),
     ("nl", ("Vraag", "Antwoord")), ("pt", ("Pergunta", "Resposta"))],
)  # fmt: skip
def test_the_reviews_table_heads_its_columns_in_the_guests_language(
    keys: PipeInput, language: str, heads: tuple[str, str]
) -> None:
    """A German review's table read "Question" above the questions."""
    screen = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=screen, width=80))
    interview = Interview(
        questionnaire="q", guest="Ana", slug="ana", title="T", register="vous", language=language
    )
    keys.send_text(ENTER)
    assert prompter.review(interview, [("q", "1. ?", "x")]) is None
    lines = screen.getvalue().splitlines()
    assert any(set(heads) <= set(line.split()) for line in lines), lines


GERMAN = """\
id = "gespraech"
version = 1
title = "Gespräch mit {guest}"
language = "de"
registers = ["du", "Sie"]

[[questions]]
id = "beitraege"
type = "number"
text.du = "Wie viele Beiträge hast du geschrieben?"
text.Sie = "Wie viele Beiträge haben Sie geschrieben?"

[[questions]]
id = "gern"
type = "yesno"
text.du = "Schreibst du gern?"
text.Sie = "Schreiben Sie gern?"
"""


@pytest.fixture
def german(series: Path) -> Iterator[Jeudis]:
    write(series / "questionnaires" / "gespraech.toml", GERMAN)
    session = Jeudis(
        series, "new", "gespraech", "--guest", "Jana Berg", "--register", "Sie", "--gender", "f"
    )
    yield session
    session.terminate()


@pytest.mark.pty
def test_a_german_interview_speaks_german_on_screen(german: Jeudis, series: Path) -> None:
    session = german
    session.expect("Willkommen, Jana Berg!")
    session.expect("Sie sind dran: 2 Fragen.")
    session.expect("Strg-C: Pause")
    session.expect("Drücken Sie Enter, um zu beginnen.")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/2]")
    screen = session.on_screen("Enter: weiter")
    assert any("Strg-C: Pause" in line for line in screen), screen
    session.type("viele")
    session.press(Keyboard.ENTER)
    session.on_screen("Eine Zahl wird erwartet (zum Beispiel 9.200).")
    session.press(Keyboard.CTRL_U)
    session.type("1.200")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/2]")
    screen = session.on_screen("J/N oder ↑↓, dann Enter")
    assert any("Nein" in line for line in screen) and any("Ja" in line for line in screen)
    session.type("j")
    session.press(Keyboard.ENTER)
    session.on_screen("Durchsicht")
    session.on_screen("✔ Alles gut, beenden")
    session.press(Keyboard.ENTER)
    session.on_screen("Danke, Jana Berg!")
    assert session.wait() == 0
    [path] = interview_files(series)
    assert [a.value for a in load_interview(path).answers] == [1200, True]
