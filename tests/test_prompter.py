"""The terminal prompter's keys, in process: prompt_toolkit reads a pipe, draws nowhere.

The pseudo-terminal tests drive the real executable; these check each key of
:class:`~jeudis.prompter.TerminalPrompter` quickly, one prompt at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyte
import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.utils import get_cwidth
from rich.console import Console

from jeudis.paths import series_at
from jeudis.prompt_layout import STYLE, shortened
from jeudis.prompt_toolbar import Key, fit_keys, toolbar_keys
from jeudis.prompter import TerminalPrompter
from jeudis.prompter_text import MESSAGES
from jeudis.prompts import BACK, Paused, prompt_for
from jeudis.questionnaire import Question, Validation, find_questionnaire
from jeudis.screen import Screen
from jeudis.terminal import typeahead_kept

ENTER, ESC_ENTER, PAGE_UP, CTRL_C, CTRL_D, DOWN = (
    "\r",
    "\x1b\r",
    "\x1b[5~",
    "\x03",
    "\x04",
    "\x1b[B",
)


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.fixture
def screen() -> io.StringIO:
    return io.StringIO()


@pytest.fixture
def prompter(screen: io.StringIO) -> TerminalPrompter:
    return TerminalPrompter("fr", console=Console(file=screen, width=100, color_system=None))


def twitter(question_id: str) -> Question:
    question = find_questionnaire(series_at(), "twitter").question(question_id)
    assert question is not None
    return question


def ask(
    prompter: TerminalPrompter, keys: PipeInput, typed: str, question: Question, **kw: Any
) -> Any:
    keys.send_text(typed)
    return prompter.ask(prompt_for(question, "Question ?", counter="[3/13]", **kw))


def test_enter_submits_a_one_line_answer(prompter: TerminalPrompter, keys: PipeInput) -> None:
    assert ask(prompter, keys, "Depuis 2007" + ENTER, twitter("depuis-quand")) == "Depuis 2007"


def test_a_long_answer_takes_paragraphs_until_esc_enter(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    typed = "Trois usages :" + ENTER + ENTER + "- la veille" + ENTER + "- le partage" + ESC_ENTER
    answer = ask(prompter, keys, typed, twitter("utilisations"))
    assert answer == "Trois usages :\n\n- la veille\n- le partage"


def test_a_line_typed_under_a_list_is_a_paragraph_of_its_own(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """Entrée after an item goes to the next line only; a line that is no item was
    run into the item above by Markdown, and published as part of it."""
    typed = (
        "Surtout :"
        + ENTER
        + "- la veille"
        + ENTER
        + "- le partage"
        + ENTER
        + "Et mon blog."
        + ESC_ENTER
    )
    answer = ask(prompter, keys, typed, twitter("utilisations"))
    assert answer == "Surtout :\n\n- la veille\n- le partage\n\nEt mon blog."


def test_entree_after_a_bullet_typed_goes_to_the_next_line(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """As after "- ": a "•" (Option-8 on a Mac) starts an item the post lists."""
    typed = (
        "Surtout :" + ENTER + "• la veille" + ENTER + "• le partage" + ENTER + "Fin." + ESC_ENTER
    )
    answer = ask(prompter, keys, typed, twitter("utilisations"))
    assert answer == "Surtout :\n\n• la veille\n• le partage\n\nFin."


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ("- a\n- b\nc", "- a\n- b\n\nc"),
        ("1. a\nc", "1. a\n\nc"),
        ("> une citation\nmoi", "> une citation\n\nmoi"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\nFin", "| a | b |\n|---|---|\n| 1 | 2 |\n\nFin"),
        # Left as typed: an item's indented line, the next item, a blank line there
        # already, code (fenced or indented), and a line under a paragraph.
        ("- a\n  suite\n- b", "- a\n  suite\n- b"),
        ("- a\n\nc", "- a\n\nc"),
        ("```\n- a\nb\n```", "```\n- a\nb\n```"),
        ("    code\nFin", "    code\nFin"),
        ("Ligne\nautre", "Ligne\nautre"),
        ("- a\n```\n- b\nc\n```", "- a\n\n```\n- b\nc\n```"),
        # A bullet typed or pasted (published as an item), but not "-" and a no-break
        # space, which Markdown takes for no item.
        ("• a\n•\u00a0b\nc", "• a\n•\u00a0b\n\nc"),
        ("-\u00a0a\nc", "-\u00a0a\nc"),
    ],
)
def test_paragraphs_as_typed(typed: str, published: str) -> None:
    from jeudis.prompt_keys import paragraphs_as_typed

    assert paragraphs_as_typed(typed) == published


def test_an_answer_edited_keeps_its_lines_as_they_were(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """In ``jeudis edit``, an answer given on a sheet may wrap an item's text on the
    next line: it is not cut there."""
    prompter.editing = True
    answer = ask(prompter, keys, ESC_ENTER, twitter("apport"), previous="- un item\nlong")
    assert answer == "- un item\nlong"


def test_a_new_line_starts_at_the_margin_after_an_indented_one(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """Indented as the line above, prose after a line of code would read as code."""
    typed = "Mon code :" + ENTER + ENTER + "    if a < b:" + ENTER + ENTER + "Voilà !" + ESC_ENTER
    answer = ask(prompter, keys, typed, twitter("apport"))
    assert answer == "Mon code :\n\n    if a < b:\n\nVoilà !"


def test_the_earlier_answer_is_prefilled(prompter: TerminalPrompter, keys: PipeInput) -> None:
    answer = ask(prompter, keys, " et plus" + ESC_ENTER, twitter("apport"), previous="Beaucoup")
    assert answer == "Beaucoup et plus"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [(ENTER, ""), ("D", "D"), ("é", "é"), ("\x1b[200~Depuis\r\n2007\x1b[201~", "Depuis\n2007")],
)
def test_the_key_that_starts_the_interview_is_kept_when_it_is_text(
    keys: PipeInput, typed: str, kept: str
) -> None:
    from jeudis import terminal
    from jeudis.prompt_keys import ready_question

    keys.send_text(typed)
    assert terminal.ask(ready_question(lambda: "Prêt ? Appuyez sur Entrée pour commencer.")) == kept


def test_text_typed_at_the_start_begins_the_first_answer(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    prompter.typed_ahead = "D"  # what the start prompt returned
    assert ask(prompter, keys, "epuis 2007" + ENTER, twitter("depuis-quand")) == "Depuis 2007"
    assert ask(prompter, keys, "Mai" + ENTER, twitter("depuis-quand")) == "Mai"  # once only


def test_lines_pasted_at_the_start_begin_a_one_line_answer_joined(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """As lines pasted into the answer itself: kept, the first answer was stored on two."""
    prompter.typed_ahead = "Depuis 2009.\n  Et avant sur Jaiku."
    assert ask(prompter, keys, ENTER, twitter("depuis-quand")) == "Depuis 2009. Et avant sur Jaiku."
    prompter.typed_ahead = "Un.\nDeux."
    assert (
        ask(prompter, keys, ESC_ENTER, twitter("apport")) == "Un.\nDeux."
    )  # a long one keeps them


def test_text_typed_at_the_start_begins_the_question_the_host_writes_first(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    from jeudis.interview import Interview

    prompter.typed_ahead = "Q"
    keys.send_text("uel livre ?" + ENTER)
    interview = Interview(questionnaire="livre", guest="Ana", slug="ana", title="T", register="tu")
    assert prompter.write_question(interview, 1) == "Quel livre ?"
    assert prompter.typed_ahead == ""


def test_page_up_goes_back(prompter: TerminalPrompter, keys: PipeInput) -> None:
    assert ask(prompter, keys, "brouillon" + PAGE_UP, twitter("apport")) is BACK


def test_page_up_on_the_first_question_does_nothing(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    answer = ask(prompter, keys, PAGE_UP + "2007" + ENTER, twitter("depuis-quand"),
                 can_go_back=False)  # fmt: skip
    assert answer == "2007"


def test_page_up_keeps_the_text_for_when_the_question_comes_back(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    assert ask(prompter, keys, "un brouillon" + PAGE_UP, twitter("apport"), previous="") is BACK
    answer = ask(prompter, keys, " fini" + ESC_ENTER, twitter("apport"), previous="")
    assert answer == "un brouillon fini"
    # Once answered, the draft is gone: the stored answer is what comes back.
    assert ask(prompter, keys, ESC_ENTER, twitter("apport"), previous="Autre") == "Autre"


def test_the_text_left_with_page_up_is_saved_then_and_when_it_comes_back(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """It was saved a second after the last key, not when Page↑ left it; and another
    question's text saved since (an answer changed, back there) took its place: a
    ``kill -9`` once the question was back lost what the guest had typed of it."""
    saved: list[tuple[str, str]] = []
    prompter.autosave = lambda question_id, text: saved.append((question_id, text))
    assert ask(prompter, keys, "un brouillon" + PAGE_UP, twitter("apport")) is BACK
    assert saved == [("apport", "un brouillon")]
    saved.clear()
    with pytest.raises(Paused):
        ask(prompter, keys, CTRL_C, twitter("apport"))
    assert saved == [("apport", "un brouillon")]


@pytest.mark.parametrize("editing", [False, True])
def test_a_change_given_up_at_the_review_is_not_offered_again(
    prompter: TerminalPrompter, keys: PipeInput, editing: bool
) -> None:
    """Page↑ said "back to the review, unchanged" (in ``jeudis edit``: "cancel"), and
    the answer picked again came with the change given up in it, not the answer given."""
    prompter.editing = editing
    changed = prompt_for(twitter("apport"), "Q ?", previous="Beaucoup.")
    changed = replace(changed, from_review=not editing)
    keys.send_text(" Et plus." + PAGE_UP)
    assert prompter.ask(changed) is BACK
    keys.send_text(ESC_ENTER)
    assert prompter.ask(changed) == "Beaucoup."


def test_page_up_on_the_review_changes_the_last_answer(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    from jeudis.interview import Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    rows = [("depuis-quand", "1. Depuis ?", "2007"), ("followers", "2. Combien ?", "12")]
    keys.send_text(PAGE_UP)
    assert prompter.review(interview, rows) == "followers"
    keys.send_text(ENTER)
    assert prompter.review(interview, rows) is None


def test_esc_enter_on_the_review_picks_the_question_pointed_at(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """It gave the review an empty answer, "Tout est bon": the interview ended, the
    answer the guest meant to change unchanged."""
    from jeudis.interview import Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    rows = [("depuis-quand", "1. Depuis ?", "2007"), ("followers", "2. Combien ?", "12")]
    keys.send_text(DOWN * 2 + ESC_ENTER)
    assert prompter.review(interview, rows) == "followers"
    keys.send_text(ESC_ENTER)
    assert prompter.review(interview, rows) is None


def test_the_review_picks_the_question_chosen_when_two_read_alike_once_shortened(
    keys: PipeInput,
) -> None:
    from jeudis.interview import Interview

    narrow = TerminalPrompter("fr", console=Console(file=io.StringIO(), width=40))
    narrow.screen = Screen(STYLE, file=io.StringIO(), width=40)
    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    alike = "↳ Et pour revenir sur ce que tu disais tout à l’heure"
    rows = [("q1", "1. Depuis ?", "2007"), ("r1", f"{alike} : ?", "a"), ("r2", f"{alike} ?", "b")]
    keys.send_text(DOWN * 3 + ENTER)  # the last follow-up
    assert narrow.review(interview, rows) == "r2"
    keys.send_text(DOWN * 2 + ENTER)
    assert narrow.review(interview, rows) == "r1"


def test_ctrl_c_pauses_with_the_partial_text(prompter: TerminalPrompter, keys: PipeInput) -> None:
    with pytest.raises(Paused) as paused:
        ask(prompter, keys, "Mon premier" + CTRL_C, twitter("premier-tweet"))
    assert paused.value.partial == "Mon premier"
    assert prompter.current_id == "premier-tweet"


@pytest.mark.parametrize("question", ["premier-tweet", "apport"])
def test_ctrl_d_deletes_forward_in_a_text_and_pauses_at_none(
    prompter: TerminalPrompter, keys: PipeInput, question: str
) -> None:
    """As a Mac's text fields and a shell's line have it: a guest deleting the next
    character paused the interview. On an empty answer, a shell's end of file: a pause."""
    home = "\x1b[H"
    typed = "Mon premier" + home + CTRL_D + ESC_ENTER
    assert ask(prompter, keys, typed, twitter(question)) == "on premier"
    with pytest.raises(Paused) as paused:
        ask(prompter, keys, CTRL_D, twitter(question))
    assert paused.value.partial == ""


def test_an_invalid_answer_is_refused_until_fixed(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    backspaces = "\x7f" * len("beaucoup")
    answer = ask(prompter, keys, "beaucoup" + ENTER + backspaces + "9 200" + ENTER,
                 twitter("followers"))  # fmt: skip
    assert answer == "9 200"


def test_choices_with_the_arrow_keys(prompter: TerminalPrompter, keys: PipeInput) -> None:
    question = Question(
        id="reseau",
        type="choice",
        text={"*": "Twitter ou Facebook ?"},
        choices=("Twitter", "Facebook"),
        required=False,
        validation=Validation(),
    )
    assert ask(prompter, keys, DOWN + ENTER, question) == "Facebook"


def a_choice(kind: str, *choices: str, language: str = "fr", required: bool = True) -> Question:
    return Question(
        id="q", type=kind, text={"*": "Lequel ?"}, choices=choices, required=required,
        language=language, validation=Validation(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("language", "typed", "answer"),
    [("fr", "n" + ENTER, "Non"), ("fr", DOWN + "o" + ENTER, "Oui"), ("fr", "N" + ENTER, "Non"),
     ("fr", "non" + ENTER, "Non"), ("fr", "oui" + ENTER, "Oui"),
     ("en", "n" + ENTER, "No"), ("en", "nY" + ENTER, "Yes"), ("en", "no" + ENTER, "No"),
     ("fr", "n" + "\x1b[A" + ENTER, "Oui"), ("fr", "j" + ENTER, "Oui"),
     ("de", "n" + "j" + ENTER, "Ja"), ("de", "nJ" + ENTER, "Ja")],
)  # fmt: skip
def test_a_yes_or_no_is_picked_by_its_first_letter_and_given_with_enter(
    prompter: TerminalPrompter, keys: PipeInput, language: str, typed: str, answer: str
) -> None:
    """ "o" and "n" did nothing ("j" and "k" moved). The letter picks, Entrée gives, as
    for every other answer: "non" and Entrée typed as any answer is ends on "Non"; had
    "n" given it, "on" and Entrée went to the next question. A letter no choice starts
    does nothing, j and k as any other (they moved, as vim's keys)."""
    assert ask(prompter, keys, typed, a_choice("yesno", language=language)) == answer


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("t" + ENTER, "Tumblr"), ("tt" + ENTER, "Twitter"), ("m" + ENTER, "Mastodon"),
     ("E" + ENTER, "École"), ("é" + ENTER, "École"), ("j" + ENTER, "Twitter"),
     ("mk" + ENTER, "Mastodon"), ("x" + ENTER, "Twitter"), ("m" + DOWN + ENTER, "École")],
)  # fmt: skip
def test_a_letter_goes_to_the_next_choice_it_starts(
    prompter: TerminalPrompter, keys: PipeInput, typed: str, answer: str
) -> None:
    question = a_choice("choice", "Twitter", "Tumblr", "Mastodon", "École")
    assert ask(prompter, keys, typed, question) == answer


@pytest.mark.parametrize(
    ("question", "typed", "answer"),
    [(a_choice("yesno"), "n" + ESC_ENTER, "Non"),
     (a_choice("choice", "Twitter", "Tumblr"), DOWN + ESC_ENTER, "Tumblr"),
     (a_choice("multi", "Vim", "Emacs"), DOWN + " " + ESC_ENTER, ["Emacs"]),
     (a_choice("multi", "Vim", "Emacs"), ESC_ENTER + " " + ENTER, ["Vim"])],
)  # fmt: skip
def test_esc_enter_on_a_list_gives_its_answer_as_enter_does(
    prompter: TerminalPrompter, keys: PipeInput, question: Question, typed: str, answer: Any
) -> None:
    """Échap Entrée, which ends a long answer, gave a list an empty answer, and the
    session stopped on a traceback. A multiple choice with nothing ticked says so."""
    assert ask(prompter, keys, typed, question) == answer


@pytest.mark.parametrize(
    ("question", "hint"),
    [(a_choice("yesno"), "O/N ou ↑↓, puis Entrée"),
     (a_choice("yesno", required=False), "O/N ou ↑↓, puis Entrée"),
     (a_choice("yesno", language="en"), "Y/N or ↑↓, then Enter"),
     (a_choice("choice", "Vim", "Emacs", required=False),
      "↑↓ ou l’initiale d’un choix, puis Entrée"),
     (a_choice("choice", "Vim", "Emacs", language="en"), "↑↓ or a choice’s first letter, then Enter"),
     (a_choice("choice", "Java", "Python", "Kotlin"), "↑↓ ou l’initiale d’un choix, puis Entrée"),
     (a_choice("choice", "Vim", "« Nano »"), "↑↓ puis Entrée")],
)  # fmt: skip
def test_the_keys_of_a_choice_say_its_letters_where_they_work(
    keys: PipeInput, question: Question, hint: str
) -> None:
    out = io.StringIO()
    prompter = TerminalPrompter(question.language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    keys.send_text(ENTER)
    prompter.ask(prompt_for(question, "Lequel ?", counter="[2/5]"))
    shown = out.getvalue().splitlines()
    assert shown[shown.index("[2/5] Lequel ?") + 1] == hint


def test_the_question_is_on_screen_with_its_counter(
    prompter: TerminalPrompter, keys: PipeInput, screen: io.StringIO
) -> None:
    question = twitter("apport")
    keys.send_text("x" + ESC_ENTER)
    message = "Qu’est-ce que le fait de tweeter vous apporte ? Dans votre travail ?"
    prompter.ask(prompt_for(question, message, counter="[4/13]"))
    shown = " ".join(screen.getvalue().split())
    assert f"[4/13] {message}" in shown
    assert "Échap puis Entrée" in shown


@pytest.mark.parametrize(
    ("language", "required", "hint"),
    [("fr", True, "Une date, au format AAAA-MM-JJ ou JJ/MM/AAAA"),
     ("fr", False, "Une date, au format AAAA-MM-JJ ou JJ/MM/AAAA · Facultatif : laisser vide"),
     ("en", True, "A date, as YYYY-MM-DD or MM/DD/YYYY"),
     ("en-GB", True, "A date, as YYYY-MM-DD or DD/MM/YYYY"),
     ("de", True, "Ein Datum, als JJJJ-MM-TT oder TT.MM.JJJJ")],
)  # fmt: skip
def test_a_date_question_says_how_a_date_is_typed_before_any_is_refused(
    keys: PipeInput, language: str, required: bool, hint: str
) -> None:
    """The format came only with a refusal ("Une date est attendue, au format…"); the
    answer sheet says it under the question."""
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    question = Question(
        id="depuis", type="date", text={"*": "Depuis quand ?"}, required=required,
        language=language, validation=Validation(),
    )  # fmt: skip
    keys.send_text("2011-03-04" + ENTER)
    assert str(prompter.ask(prompt_for(question, "Depuis quand ?", counter="[2/5]"))) == (
        "2011-03-04"
    )
    shown = out.getvalue().splitlines()
    assert shown[shown.index("[2/5] Depuis quand ?") + 1].startswith(hint)


@pytest.mark.parametrize(
    ("language", "typed", "hint"),
    [("fr", "9 200", "Un nombre, par exemple 9 200"),
     ("en", "9,200", "A number, e.g. 9,200 · Optional, empty to skip"),
     ("de", "9.200", "Eine Zahl, zum Beispiel 9.200"),
     ("pt-BR", "9.200", "Um número, por exemplo 9.200")],
)  # fmt: skip
def test_a_number_question_says_how_a_number_is_typed(
    keys: PipeInput, language: str, typed: str, hint: str
) -> None:
    """As the answer sheet says it: a German guest's "1,200", English's way, was 1.2,
    and nothing said so."""
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    question = Question(
        id="abonnes", type="number", text={"*": "Combien ?"}, required=language != "en",
        language=language, validation=Validation(),
    )  # fmt: skip
    keys.send_text(typed + ENTER)
    assert prompter.ask(prompt_for(question, "Combien ?", counter="[2/5]")) == typed
    shown = out.getvalue().splitlines()
    assert shown[shown.index("[2/5] Combien ?") + 1] == hint


@pytest.mark.parametrize(
    ("language", "low", "high", "hint"),
    [("fr", 2, None, "↑↓, Espace pour cocher, Entrée pour valider · Au moins 2 choix"),
     ("fr", 2, 3, "↑↓, Espace pour cocher, Entrée pour valider · De 2 à 3 choix"),
     ("fr", 1, None, "↑↓, Espace pour cocher, Entrée pour valider"),
     ("en", None, 3, "↑↓, Space to tick, Enter to confirm · At most 3 choices")],
)  # fmt: skip
def test_a_multiple_choice_says_how_many_it_takes_before_any_is_refused(
    keys: PipeInput, language: str, low: int | None, high: int | None, hint: str
) -> None:
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    question = Question(
        id="reseaux", type="multi", text={"*": "Réseaux ?"}, choices=("A", "B", "C"),
        language=language, validation=Validation(min=low, max=high),
    )  # fmt: skip
    keys.send_text(" \x1b[B \r")  # tick A, down, tick B, Enter
    assert prompter.ask(prompt_for(question, "Réseaux ?", counter="[1/5]")) == ["A", "B"]
    shown = out.getvalue().splitlines()
    assert shown[shown.index("[1/5] Réseaux ?") + 1].rstrip() == hint


@pytest.mark.parametrize(
    ("language", "kind", "rules", "hint"),
    [("fr", "long", {"min_words": 20, "max_words": 300},
      "Entrée : nouveau paragraphe · Échap puis Entrée : terminer · Au moins 20 mots · Au plus 300 mots"),
     ("fr", "text", {"max_length": 10}, "Au plus 10 caractères"),
     ("en", "long", {"max_words": 1000},
      "Enter: new paragraph · Esc then Enter: finish · At most 1,000 words"),
     ("de", "text", {"min_length": 2, "max_length": 280}, "Mindestens 2 Zeichen · Höchstens 280 Zeichen"),
     ("es", "text", {"max_words": 1}, "Como máximo 1 palabra"),
     ("it", "url", {"max_length": 200}, "Al massimo 200 caratteri"),
     ("nl", "text", {"min_words": 2}, "Minstens 2 woorden"),
     ("pt", "text", {"max_length": 1, "required": False},
      "No máximo 1 caractere · Opcional: deixar em branco para pular"),
     ("fr", "long", {"max_words": 300, "message": "Trois cents mots au plus."},
      "Entrée : nouveau paragraphe · Échap puis Entrée : terminer · Trois cents mots au plus")],
)  # fmt: skip
def test_a_limit_of_words_or_characters_is_said_before_the_answer(
    keys: PipeInput, language: str, kind: str, rules: dict[str, Any], hint: str
) -> None:
    """A long answer's max_words = 300 was heard of once 400 words were written, as the
    refusal; a multiple choice said its "Au plus 3 choix" before. Said as the sheet says it."""
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=200))
    prompter.screen = Screen(STYLE, file=out, width=200)
    required = rules.pop("required", True)
    question = Question(
        id="q", type=kind, text={"*": "Q ?"}, language=language, required=required,
        validation=Validation(**rules),
    )  # fmt: skip
    keys.send_text(CTRL_C)  # the hint is said: pause
    with pytest.raises(Paused):
        prompter.ask(prompt_for(question, "Q ?", counter="[1/5]"))
    shown = out.getvalue().splitlines()
    assert shown[shown.index("[1/5] Q ?") + 1].rstrip() == hint


@pytest.mark.parametrize(
    ("language", "kind", "typed", "hint"),
    [("fr", "text", ENTER, "Question retirée du questionnaire, réponse gardée : laisser vide pour l’enlever"),
     ("fr", "multi", ENTER, "↑↓, Espace pour cocher, Entrée pour valider · Question retirée du questionnaire, réponse gardée"),
     ("en", "long", ESC_ENTER, "Enter: new paragraph · Esc then Enter: finish · No longer in the questionnaire, answer kept: empty to remove it")],
)  # fmt: skip
def test_an_answer_to_a_question_dropped_since_is_said_kept_not_optional(
    keys: PipeInput, language: str, kind: str, typed: str, hint: str
) -> None:
    """A question a later version dropped, asked again (Page↑, the review, jeudis edit),
    read "facultatif : laisser vide pour passer", as if it were never answered."""
    from jeudis.interview import Answer
    from jeudis.numbering import question_for

    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=200))
    prompter.screen = Screen(STYLE, file=out, width=200)
    given = ["Vim"] if kind == "multi" else "Un carnet."
    question = question_for(None, Answer("outil", kind, "Ton outil ?", given), language)
    keys.send_text(typed)
    prompt = prompt_for(question, "Ton outil ?", counter="[2/5]", previous=given, dropped=True)
    assert prompter.ask(prompt) == given
    shown = out.getvalue().splitlines()
    assert shown[shown.index("[2/5] Ton outil ?") + 1] == hint


@pytest.mark.parametrize("language", ["fr", "en", "de", "es", "it", "nl", "pt"])
def test_the_pieces_of_a_hint_start_alike_with_a_capital(language: str) -> None:
    """A hint read "Une date, au format AAAA-MM-JJ ou JJ/MM/AAAA · facultatif : laisser
    vide pour passer", "↑↓, Space to tick, Enter to confirm · At least 2 choices" next to
    "… · no longer in the questionnaire, answer kept": each piece is said as a key's
    ("Entrée : valider") or a rule's ("Au moins 2 choix", as the sheet says it) is."""
    prompter = TerminalPrompter(language, console=Console(file=io.StringIO()))

    def question(kind: str, required: bool = True, low: int | None = None) -> Question:
        return Question(
            id="q", type=kind, text={"*": "Q ?"}, required=required, language=language,
            choices=("A", "B", "C") if kind == "multi" else (), validation=Validation(min=low),
        )  # fmt: skip

    prompts = [
        prompt_for(question("date", required=False), "Q ?"),  # the format, optional
        prompt_for(question("long", required=False), "Q ?"),  # two keys, optional
        prompt_for(question("multi", low=2), "Q ?"),  # the keys, "at least 2 choices"
        prompt_for(question("multi", low=2), "Q ?", previous=["A", "B"], dropped=True),
        prompt_for(question("text"), "Q ?", previous="x", dropped=True),
    ]
    hints = [prompter._hint(prompt) for prompt in prompts]
    pieces = [piece for hint in hints for piece in hint.split(" · ")]
    assert len(pieces) == 11, hints
    assert [piece for piece in pieces if piece[0].islower()] == [], hints


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, int]]:
    """A pseudo-terminal whose far side is standard input: (what is typed, what reads it)."""
    import os
    import pty

    typed, stdin = pty.openpty()
    with os.fdopen(stdin, "rb", buffering=0, closefd=False) as file:
        monkeypatch.setattr("sys.stdin", file)
        yield typed, stdin
    os.close(typed)
    os.close(stdin)


def test_keys_typed_ahead_of_a_question_arrive_as_typed(terminal: tuple[int, int]) -> None:
    """Between two prompts the terminal neither echoes nor turns Enter into a line feed.

    Typed (or pasted) in cooked mode, "Esc then Enter" would read as Esc then
    Ctrl-J, which adds a line to a long answer instead of finishing it.
    """
    import os
    import select
    import termios

    typed, stdin = terminal
    cooked = termios.tcgetattr(stdin)

    with typeahead_kept():
        os.write(typed, ("une réponse" + ESC_ENTER).encode())
        arrived = os.read(stdin, 100)  # at once: no line to wait for
        echoed, _, _ = select.select([typed], [], [], 0.2)

    assert arrived == ("une réponse" + ESC_ENTER).encode()
    assert not echoed, "typed-ahead keys were drawn over the screen"
    assert termios.tcgetattr(stdin) == cooked  # the terminal's own mode is given back


def test_the_terminal_mode_is_given_back_when_the_session_stops(
    terminal: tuple[int, int],
) -> None:
    import termios

    _, stdin = terminal
    cooked = termios.tcgetattr(stdin)

    with pytest.raises(Paused), typeahead_kept():
        raise Paused("à moitié")

    assert termios.tcgetattr(stdin) == cooked


def said(keys: list[Key]) -> str:
    """The keys of a toolbar as a wide terminal shows them."""
    return " · ".join(key.said[0] for key in keys)


@pytest.mark.parametrize("width", [80, 100, 200])
def test_the_keys_toolbar_wraps_between_keys_never_inside_one(width: int) -> None:
    text = TerminalPrompter("fr").text
    toolbar = said(toolbar_keys(text, prompt_for(twitter("apport"), "Q ?")))
    lines = fit_keys(toolbar_keys(text, prompt_for(twitter("apport"), "Q ?")), width, 30)
    assert all(len(line) < width - 1 for line in lines), lines
    assert [item for line in lines for item in line.split(" · ")] == toolbar.split(" · ")
    for line, after in itertools.pairwise(lines):  # each line as full as it can be
        assert len(line) + len(" · " + after.split(" · ")[0]) >= width - 2


@pytest.mark.parametrize("width", [40, 70, 100])
def test_the_keys_above_an_answer_wrap_between_keys(keys: PipeInput, width: int) -> None:
    """Wrapped word by word, a line of a narrow terminal read "Entrée : terminer · …"
    (after "Échap puis" ended the line above): the wrong key to finish."""
    out = io.StringIO()
    narrow = TerminalPrompter("fr", console=Console(file=out, width=width))
    narrow.screen = Screen(STYLE, file=out, width=width)
    question = Question(
        id="intro", type="long", text={"*": "Chapeau ?"}, required=False, validation=Validation()
    )
    keys.send_text("x" + ESC_ENTER)
    narrow.ask(prompt_for(question, "Chapeau ?", counter="[4/4]"))
    shown = out.getvalue().splitlines()
    at = shown.index("[4/4] Chapeau ?") + 1
    hint = shown[at:]
    items = ["Entrée : nouveau paragraphe", "Échap puis Entrée : terminer"]
    items.append("Facultatif : laisser vide pour passer")
    assert [item for line in hint for item in line.split(" · ")] == items, hint
    assert all(get_cwidth(line) < width for line in hint), hint


def test_a_screen_line_is_written_as_prompt_toolkit_prints_it() -> None:
    """Drawn on the terminal, a line is what prompt_toolkit's print_formatted_text writes,
    its default styles and ours (merged once, not at each line as it merges them)."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.output.color_depth import ColorDepth
    from prompt_toolkit.output.vt100 import Vt100_Output

    line = [("class:counter", "[1/4]"), ("", " "), ("class:question", "Site ou blog ?")]
    screen = Screen(STYLE)
    size = Size(rows=10, columns=60)
    written = []
    for draw in (
        lambda: screen.line(line),
        lambda: print_formatted_text(FormattedText(line), style=STYLE),
    ):
        out = io.StringIO()
        output = Vt100_Output(out, lambda: size, default_color_depth=ColorDepth.DEPTH_8_BIT)
        with create_app_session(output=output):
            draw()
            draw()
        written.append(out.getvalue())
    assert written[0] == written[1]
    assert "\x1b[0m[1/4] " in written[0]  # in the terminal's own colour
    assert "\x1b[0;1mSite ou blog ?" in written[0]


def test_a_wrapped_line_keeps_french_marks_with_their_word_and_bullets_hanging() -> None:
    out = io.StringIO()
    screen = Screen(STYLE, file=out, width=30)
    screen.wrapped([("", "[4/13] "), ("", "Dans ta vie de tous les jours ? Dans ton travail ?")], 7)
    screen.wrapped([("", "  • Entrée : valider · Ctrl-C : pause (tout est gardé)")])
    screen.wrapped([("", "« Bonjour » dit-il,\nsur deux lignes")])
    screen.wrapped([("", "Le prix est de 10\u00a0000 euros, M.\u00a0Dupont")])  # no-break
    screen.wrapped([("", "  • https://example.org/un/bien/long/chemin et la suite")])
    assert out.getvalue().splitlines() == [
        "[4/13] Dans ta vie de tous les",
        "       jours ? Dans ton",
        "       travail ?",
        "  • Entrée : valider ·",
        "    Ctrl-C : pause (tout est",
        "    gardé)",
        "« Bonjour » dit-il,",
        "sur deux lignes",
        "Le prix est de 10\u00a0000 euros,",
        "M.\u00a0Dupont",
        "  • https://example.org/un/bien/long/chemin",  # too long: on its bullet's line
        "    et la suite",
    ]


@pytest.mark.parametrize("width", [20, 40, 76])
def test_a_review_choice_wider_than_the_terminal_is_cut_after_a_word(width: int) -> None:
    label = "1. Bonjour Anne ! Tu viens de publier « Le Grand Large ». Qu’est-ce qui t’a motivée ?"
    short = shortened(label, width)
    assert get_cwidth(short) <= width and short.endswith("…")
    assert label.startswith(short[:-1]) and label[len(short) - 1] == " "  # a whole word
    assert shortened("😀" * 50, width) == "😀" * ((width - 1) // 2) + "…"  # two cells each
    assert shortened(label, 200) == label


def test_the_welcome_lists_only_the_keys_the_questions_need() -> None:
    """No "optional question" line for a questionnaire whose every question is required."""
    from jeudis.interview import Interview

    form = find_questionnaire(series_at(), "twitter")
    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    shown = {}
    optional = replace(form.questions[-1], required=False)
    for name, questions in (
        ("all", (*form.questions[:-1], optional)),
        ("short", tuple(replace(q, type="text", required=True) for q in form.questions)),
    ):
        out = io.StringIO()
        prompter = TerminalPrompter("fr", console=Console(file=out, width=100))
        prompter.screen = Screen(STYLE, file=out, width=100)
        prompter.hand_over(interview, replace(form, questions=questions, open=False), 13)
        shown[name] = out.getvalue()
    assert "Réponse longue" in shown["all"] and "Question facultative" in shown["all"]
    assert "Réponse longue" not in shown["short"] and "Question facultative" not in shown["short"]
    assert "Ctrl-C : pause" in shown["short"]


# A word naming a key, in any language: a line of keys ends on none of them.
_KEY_LABEL = re.compile(r"(Ctrl|Strg)-.|Tab$|↑$|^(Entrée|Enter|Intro|Invio|Échap|Esc)$")


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_the_welcome_never_breaks_a_key_from_what_it_does(language: str) -> None:
    """ "Ctrl-C :" at a line's end and "pause (tout est gardé)" on the next: at no width
    does a line of the welcome's keys end on a key, nor on the colon after it; a key
    and what it does that fit on a line are on one ("Ctrl-C : pause (tout est gardé)")."""
    from jeudis.interview import Interview

    form = find_questionnaire(series_at(), "twitter")
    optional = replace(form.questions[-1], required=False)  # its keys said too
    form = replace(form, questions=(*form.questions[:-1], optional), open=False)
    interview = Interview(
        questionnaire="twitter", guest="Ann Test", slug="ann", title="T", register="tu"
    )
    prompter = TerminalPrompter(language)
    for width in range(40, 201):
        out = io.StringIO()
        prompter.screen = Screen(STYLE, file=out, width=width)
        prompter.hand_over(interview, form, 13)
        box = [line.strip("│ ") for line in out.getvalue().splitlines() if line.startswith("│")]
        keys = box[next(i for i, line in enumerate(box) if line.startswith("• ")) :]
        for line in filter(None, keys):
            last = line.split()[-1].strip(",")
            assert not last.endswith(":"), (width, line)
            assert not _KEY_LABEL.search(last), (width, line)
        for pair in prompter.text["keys_line"].split(" · "):
            if get_cwidth(pair) <= width - 12:  # the box's edges and margins, • and ·
                assert any(pair in line for line in keys), (width, pair)


def test_the_welcome_back_counts_the_answers_as_the_pause_did() -> None:
    """ "En pause : 4 réponses enregistrées" then "4 réponses déjà enregistrées": follow-ups count,
    a question skipped does not."""
    from jeudis.interview import Answer, Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    interview.answers = [
        Answer.given_now("depuis-quand", "text", "Depuis ?", "2007"),
        Answer.given_now("relance-1", "long", "Vraiment ?", "Oui.", followup=True),
        Answer.given_now("followers", "text", "Combien ?", "12"),
        Answer.given_now("relance-2", "long", "Tant que ça ?", "Oui.", followup=True),
        Answer(id="utilisations", type="long", question="Quoi ?", value=None, skipped=True),
    ]
    out = io.StringIO()
    prompter = TerminalPrompter("fr", console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    prompter.hand_over(interview, find_questionnaire(series_at(), "twitter"), 13)
    shown = " ".join(out.getvalue().replace("│", "").split())
    assert "4 réponses déjà enregistrées, dont 2 aux relances." in shown
    assert sum(1 for a in interview.answers if a.given) == 4  # what the pause says


def test_the_welcome_back_of_an_open_interview_counts_the_host_s_questions_as_questions() -> None:
    """The questions the host writes are kept as follow-ups: "2 réponses déjà
    enregistrées, dont 1 à une relance", for a second question the guest saw asked as
    any other. With no count of questions to tell them from, they are not told apart."""
    from jeudis.interview import Answer, Interview

    interview = Interview(questionnaire="livre", guest="Ada", slug="ada", title="T", register="tu")
    interview.answers = [
        Answer.given_now("motivation", "long", "Pourquoi ?", "Parce que."),
        Answer.given_now("question-1", "long", "Pour qui ?", "Tous.", followup=True),
    ]
    out = io.StringIO()
    prompter = TerminalPrompter("fr", console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    prompter.hand_over(interview, find_questionnaire(series_at(), "livre"), 1)
    shown = " ".join(out.getvalue().replace("│", "").split())
    assert "On reprend où l’on s’était arrêté : 2 réponses déjà enregistrées." in shown


@pytest.mark.parametrize(
    ("language", "given", "said"),
    [("fr", 1, "1 réponse déjà enregistrée."), ("fr", 3, "3 réponses déjà enregistrées."),
     ("en", 1, "1 answer already saved."), ("en", 2, "2 answers already saved.")],
)  # fmt: skip
def test_the_welcome_back_says_its_count_as_a_person_would(
    language: str, given: int, said: str
) -> None:
    """The guest read "3 réponse(s) déjà enregistrée(s)", a form for a log, not a person."""
    from jeudis.interview import Answer, Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    interview.answers = [
        Answer.given_now(f"q{n}", "text", "Depuis ?", "2007") for n in range(given)
    ]
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    prompter.hand_over(interview, find_questionnaire(series_at(), "twitter"), 13)
    assert said in " ".join(out.getvalue().replace("│", "").split())


@pytest.mark.parametrize(
    ("language", "given", "said"),
    [("fr", 0, "En pause. On reprendra où l’on s’est arrêté."),
     ("fr", 1, "En pause : 1 réponse enregistrée. On reprendra où l’on s’est arrêté."),
     ("fr", 4, "En pause : 4 réponses enregistrées. On reprendra où l’on s’est arrêté."),
     ("en", 1, "Paused: 1 answer saved. We’ll pick up where we left off."),
     ("en", 2, "Paused: 2 answers saved. We’ll pick up where we left off.")],
)  # fmt: skip
def test_a_pause_is_said_in_the_language_of_the_session(
    language: str, given: int, said: str
) -> None:
    """Ctrl-C under a French question printed "Paused. 4 answers saved in …": the
    guest who paused reads it in the questionnaire's language, as every screen of
    the session; where the draft is and how to resume are the host's (the CLI's)."""
    from jeudis.interview import Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    prompter.paused(interview, given)
    assert out.getvalue().splitlines()[-1] == said


TOO_LONG_EN = "The text being typed is too long: the interview would be over 10 MB."


@pytest.mark.parametrize(
    ("language", "before", "said"),
    [("en", "Three uses", f"{TOO_LONG_EN} Only its last shorter version is kept."),
     ("en", None, f"{TOO_LONG_EN} It is not kept."),
     ("fr", None, "Texte en cours trop long : l’entretien dépasserait 10 Mo. Il n’est pas gardé.")],
)  # fmt: skip
def test_a_pause_says_a_text_too_large_to_keep_was_not_kept(
    language: str, before: str | None, said: str
) -> None:
    """The draft keeps the text kept before it grew too large, if any: said, under the
    pause's line, rather than "everything is kept"."""
    from jeudis.interview import Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    if before is not None:
        interview.pending["utilisations"] = before
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=200))
    prompter.screen = Screen(STYLE, file=out, width=200)
    prompter.current_id = "utilisations"
    prompter.paused(interview, 2, too_large=True)
    assert out.getvalue().splitlines()[-2:] == [
        prompter.text["paused"].format(done=2, plural="s"),
        said,
    ]


@pytest.mark.parametrize(
    ("language", "total", "followups", "said"),
    [("en", 1, 0, "Over to you: 1 question. Each"), ("en", 3, 0, "Over to you: 3 questions."),
     ("fr", 1, 0, "C’est à toi : 1 question. Chaque"),
     ("en", 3, 1, "3 answers already saved, 1 of them to a follow-up."),
     ("en", 4, 2, "4 answers already saved, 2 of them to follow-ups."),
     ("fr", 3, 1, "3 réponses déjà enregistrées, dont 1 à une relance.")],
)  # fmt: skip
def test_the_welcome_counts_one_question_and_one_follow_up_in_the_singular(
    language: str, total: int, followups: int, said: str
) -> None:
    """A questionnaire of one question said "Over to you: 1 questions.", a pause after
    one follow-up "3 answers already saved, 1 of them to follow-ups."."""
    from jeudis.interview import Answer, Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    if followups:
        interview.answers = [
            Answer.given_now(f"q{n}", "text", "Q?", "A.") for n in range(total - followups)
        ] + [
            Answer.given_now(f"relance-{n}", "long", "F?", "A.", followup=True)
            for n in range(followups)
        ]
    out = io.StringIO()
    prompter = TerminalPrompter(language, console=Console(file=out, width=100))
    prompter.screen = Screen(STYLE, file=out, width=100)
    prompter.hand_over(interview, find_questionnaire(series_at(), "twitter"), total)
    assert said in " ".join(out.getvalue().replace("│", "").split())


@pytest.mark.parametrize(
    ("language", "register", "begun", "said"),
    [("fr", "tu", "answer", "Prête ? Appuie sur Entrée pour reprendre."),
     ("fr", "vous", "typed", "Prête ? Appuyez sur Entrée pour reprendre."),
     ("en", "tu", "answer", "Ready? Press Enter to continue."),
     ("fr", "tu", "", "Prête ? Appuie sur Entrée pour commencer."),
     ("fr", "tu", "field", "Prête ? Appuie sur Entrée pour commencer."),
     ("en", "vous", "", "Ready? Press Enter to start.")],
)  # fmt: skip
def test_the_welcome_back_invites_to_go_on_not_to_start(
    monkeypatch: pytest.MonkeyPatch, language: str, register: str, begun: str, said: str
) -> None:
    """A guest who had answered, or typed at a question before the pause, read "Appuie sur
    Entrée pour commencer" on `jeudis resume`; a pause in the host's part, before the
    guest saw anything, still starts."""
    from jeudis.interview import Answer, Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register=register,
        gender="f",
    )  # fmt: skip
    if begun == "answer":
        interview.answers = [Answer.given_now("depuis-quand", "text", "Depuis ?", "2007")]
    elif begun:  # text kept at a question of the guest's, or at a field of the host's
        interview.pending = {"depuis-quand" if begun == "typed" else "site": "Dep"}
    invited: list[str] = []

    def asked(question: Any, *_: Any, **__: Any) -> str:
        invited.append(" ".join(" ".join(_drawn(question.application, rows=3)).split()))
        return ""

    monkeypatch.setattr(Screen, "is_terminal", property(lambda _: True))
    monkeypatch.setattr("jeudis.prompter.terminal.ask", asked)
    prompter = TerminalPrompter(language, console=Console(file=io.StringIO(), width=100))
    prompter.screen = Screen(STYLE, file=io.StringIO(), width=100)
    prompter.hand_over(interview, find_questionnaire(series_at(), "twitter"), 13)
    assert invited == [said]


def test_page_up_where_the_host_writes_a_question_does_nothing(
    prompter: TerminalPrompter, keys: PipeInput, screen: io.StringIO
) -> None:
    from jeudis.interview import Interview

    interview = Interview(questionnaire="livre", guest="Ada", slug="ada", title="T", register="tu")
    keys.send_text(PAGE_UP + "Et ensuite ?" + PAGE_UP + ENTER)
    assert prompter.write_question(interview, 2) == "Et ensuite ?"
    assert screen.getvalue().count("Question suivante (2)") == 1  # not drawn again


def test_page_up_cancels_on_any_question_when_editing(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """`jeudis edit` says Page↑ cancels: on the first question too (no previous one)."""
    prompter.editing = True
    # ("x" and Enter after it: were Page↑ ignored, the answer would be "x", not a hang.)
    typed = PAGE_UP + "x" + ENTER
    assert ask(prompter, keys, typed, twitter("depuis-quand"), can_go_back=False) is BACK


@pytest.mark.parametrize(
    ("before", "after", "result"),
    [
        ("Bonjour.", "", "Bonjour.\n\n"),  # a paragraph, as the welcome says
        ("Bonjour.\n\n", "", "Bonjour.\n\n"),  # a second Entrée: one blank line only
        ("", "", ""),  # no blank line opens an answer
        ("Avant le milieu", " et après", "Avant le milieu\n\n"),
        ("Trois :\n\n- la veille", "", "Trois :\n\n- la veille\n"),  # the next item
        ("- un\n1. deux", "", "- un\n1. deux\n"),
        ("- un\n", "", "- un\n\n"),  # an empty line after a list: the list ends
        ("> Une citation", "", "> Une citation\n"),
        ("| a | b |", "", "| a | b |\n"),
        ("Code :\n\n    if a:", "", "Code :\n\n    if a:\n"),
        ("```\nprint(1)", "", "```\nprint(1)\n"),  # inside a fence
        ("```\nx = 1\n", "", "```\nx = 1\n\n"),  # a blank line of code is kept
        ("```\nx\n```\nFin.", "", "```\nx\n```\nFin.\n\n"),  # after it
    ],
)
def test_enter_in_a_long_answer_starts_a_paragraph(before: str, after: str, result: str) -> None:
    """A single line break is no break in Markdown: lines written one under the
    other were published run together."""
    from prompt_toolkit.buffer import Buffer
    from prompt_toolkit.document import Document

    from jeudis.prompt_keys import new_paragraph

    buffer = Buffer(multiline=True)
    buffer.document = Document(before + after, cursor_position=len(before))
    new_paragraph(buffer)
    assert buffer.text == result + after
    assert buffer.document.text_before_cursor == result


@contextlib.contextmanager
def sent_later(keys: PipeInput, *timed: tuple[float, str]) -> Iterator[None]:
    """Keys sent while a prompt runs: each text after its delay (in seconds)."""
    timers = [threading.Timer(delay, keys.send_text, args=[text]) for delay, text in timed]
    for timer in timers:
        timer.start()
    try:
        yield
    finally:
        for timer in timers:
            timer.cancel()


def test_esc_then_enter_finishes_however_long_between_them(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """prompt_toolkit took Échap then Entrée as one key within a second only: a guest
    who took longer got a new line, and the prompt stayed open."""
    with sent_later(keys, (1.6, ENTER), (4, ESC_ENTER)):  # the last: no hang if it fails
        answer = ask(prompter, keys, "Lentement." + "\x1b", twitter("apport"))
    assert answer == "Lentement."


def test_esc_then_typing_then_enter_goes_on_with_the_answer(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    # Échap, then more text: Entrée is a new paragraph again.
    with sent_later(keys, (1.3, "Et puis." + ENTER + "Fin." + ESC_ENTER)):
        answer = ask(prompter, keys, "Début." + "\x1b", twitter("apport"))
    assert answer == "Début.Et puis.\n\nFin."


def test_esc_then_a_key_that_leaves_the_text_as_it_was_then_enter_goes_on(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """Échap, "x" and its erasing, then Entrée: the text was the same, and the answer
    ended. Any key between them makes Entrée a new paragraph again."""
    backspace = "\x7f"
    with sent_later(keys, (1.3, "x" + backspace + ENTER + "Fin." + ESC_ENTER)):
        answer = ask(prompter, keys, "Début." + "\x1b", twitter("apport"))
    assert answer == "Début.\n\nFin."


@pytest.mark.parametrize(
    ("after", "kind", "question"),
    [
        ("c'est la mer.", "long", "apport"),  # was "C'est": Emacs's capitalize-word
        ("3x de plus.", "long", "apport"),  # was "xxx de plus.": a count, then x three times
        ("<br> compris", "long", "apport"),  # was the first answer in the history
        ("l'an dernier", "text", "depuis-quand"),  # was "l'": lowercase-word, on a line
    ],
)
def test_a_key_typed_right_after_esc_is_typed(
    prompter: TerminalPrompter, keys: PipeInput, after: str, kind: str, question: str
) -> None:
    """Échap, meant to finish, then typing on within a second: prompt_toolkit read the
    key after Échap as an Emacs command that changed the answer (Échap "c" capitalised
    the next word). The key is typed, and Échap Entrée still finishes."""
    asked = twitter(question)
    assert asked.type == kind
    finish = ESC_ENTER if kind == "long" else ENTER
    answer = ask(prompter, keys, "Début " + "\x1b" + after + finish, asked)
    assert answer == "Début " + after


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("un deux" + "\x1bb" + "[" + "\x1bf" + "]", "un [deux]"),  # Option ← and → on a Mac
        ("un deux trois" + "\x1b\x7f", "un deux "),  # Option Backspace: a word erased
    ],
)
def test_keys_after_esc_that_move_or_erase_a_word_still_do(
    prompter: TerminalPrompter, keys: PipeInput, typed: str, answer: str
) -> None:
    assert ask(prompter, keys, typed + ESC_ENTER, twitter("apport")) == answer


def test_the_toolbar_offers_only_the_keys_that_work_there(prompter: TerminalPrompter) -> None:
    """Page↑ did nothing on a first question or a follow-up, and Ctrl-F in the host's
    part only validated the field."""
    question = twitter("apport")
    assert "Page↑" in said(prompter._toolbar(prompt_for(question, "Q ?", can_go_back=True)))
    first = said(prompter._toolbar(prompt_for(question, "Q ?", can_go_back=False)))
    assert "Page↑" not in first and "Ctrl-F : relance" in first and "Ctrl-C : pause" in first
    prompter.hosting = True
    assert "Ctrl-F" not in said(prompter._toolbar(prompt_for(question, "Q ?", can_go_back=True)))


def test_ctrl_f_in_the_hosts_part_does_not_validate(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    prompter.hosting = True
    answer = ask(prompter, keys, "@zoe" + "\x06" + "x" + ENTER, twitter("depuis-quand"))
    assert answer == "@zoex" and not prompter.followup_wanted


@pytest.mark.parametrize(("kind", "picked"), [("choice", "Twitter"), ("multi", ["Twitter"])])
def test_ctrl_f_on_a_choice_gives_the_answer_as_on_a_text(
    prompter: TerminalPrompter, keys: PipeInput, kind: str, picked: Any
) -> None:
    """It waited for Entrée, nothing shown: the host who pressed it, as the welcome
    says ("valider la réponse puis ajouter une question de relance"), saw nothing."""
    question = Question(
        id="reseau",
        type=kind,
        text={"*": "Twitter ou Facebook ?"},
        choices=("Twitter", "Facebook"),
        validation=Validation(),
    )
    tick = " " if kind == "multi" else ""
    assert ask(prompter, keys, tick + "\x06" + DOWN + tick + ENTER, question) == picked
    assert prompter.followup_wanted


def test_the_hand_over_says_tu_to_a_guest_one_says_tu_to() -> None:
    from jeudis.interview import Interview

    out = io.StringIO()
    prompter = TerminalPrompter("fr", console=Console(file=out, width=100, color_system=None))
    prompter.screen = Screen(STYLE, file=out, width=100)
    interview = Interview(questionnaire="livre", guest="Ada", slug="ada", title="T", register="tu")
    prompter.hand_over(interview, find_questionnaire(series_at(), "livre"), 1)
    prompter.thanks(interview)
    shown = " ".join(out.getvalue().split())
    assert "ton hôte pose les questions" in shown and "rendre le clavier à ton hôte" in shown
    assert "votre" not in shown


def test_lines_pasted_into_a_one_line_answer_are_joined(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """Kept, they were drawn out of the prompt and stored as lines."""
    pasted = "\x1b[200~Depuis 2008.\r\n  Et avant sur Jaiku.\r\n\x1b[201~"
    assert ask(prompter, keys, pasted + ENTER, twitter("depuis-quand")) == (
        "Depuis 2008. Et avant sur Jaiku."
    )


def test_lines_pasted_into_a_long_answer_are_kept(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    pasted = "\x1b[200~Un.\r\nDeux.\x1b[201~"
    assert ask(prompter, keys, pasted + ESC_ENTER, twitter("apport")) == "Un.\nDeux."


@pytest.mark.parametrize("question", ["depuis-quand", "apport"])
def test_ctrl_z_undoes_as_in_other_programs(
    prompter: TerminalPrompter, keys: PipeInput, question: str
) -> None:
    """prompt_toolkit typed it into the answer, a "^Z" the guest had to find and delete;
    then it did nothing. A guest who pressed Échap then "d" (Échap to finish, then a
    word) saw the word after the cursor deleted, with no way back."""
    finish = ESC_ENTER if question == "apport" else ENTER
    typed = "Depuis 2008\x01\x1bd"  # Ctrl-A, then Échap "d": " 2008" left
    assert ask(prompter, keys, typed + "\x1a" + finish, twitter(question)) == "Depuis 2008"
    assert ask(prompter, keys, "Depuis 2008\x1a" + finish, twitter(question)) == "Depuis 200"


@pytest.mark.parametrize(
    ("key", "kept"),
    [
        ("\x13", ""),  # Ctrl-S: a search took what was typed next
        ("\x12", ""),  # Ctrl-R: the same search, backwards
        ("\x0f", ""),  # Ctrl-O: the answer given half written, the rest typed on
        ("\x11\x1b", ""),  # Ctrl-Q, then Échap: "\x1b" in the answer
        ("\x00", " "),  # Ctrl-Space: a mark, then every key dropped; a space, as meant
        ("\x1d", ""),  # Ctrl-] (telnet's escape): the next key taken for a search
        ("\x1b\x1d", ""),  # Alt-Ctrl-]: the same, backwards
    ],
)
@pytest.mark.parametrize("question", ["depuis-quand", "apport"])
def test_keys_pressed_as_other_programs_use_them_lose_nothing(
    prompter: TerminalPrompter, keys: PipeInput, question: str, key: str, kept: str
) -> None:
    """Keys a guest presses to save, quit or open, which prompt_toolkit's Emacs bindings
    took for commands of a shell's line: what was typed after them was lost, typed into
    the next question, or held a control character."""
    finish = ESC_ENTER if question == "apport" else ENTER
    typed = f"Depuis 2008{key}, et avant sur Jaiku."
    # Ctrl-C last: a prompt still open (in its search) pauses rather than waits.
    assert ask(prompter, keys, typed + finish + "\x03", twitter(question)) == (
        f"Depuis 2008{kept}, et avant sur Jaiku."
    )


def test_lines_written_in_the_editor_for_a_one_line_answer_are_joined(
    prompter: TerminalPrompter, keys: PipeInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As lines pasted there: kept, a one-line answer was stored on two lines."""
    editor = tmp_path / "editor"
    editor.write_text("#!/bin/sh\nprintf 'Depuis 2008.\\n  Et avant sur Jaiku.\\n' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    with sent_later(keys, (1, ENTER)):
        assert ask(prompter, keys, "\x18\x05", twitter("depuis-quand")) == (
            "Depuis 2008. Et avant sur Jaiku."
        )


@contextlib.contextmanager
def sent_once_made(keys: PipeInput, made: Path, text: str) -> Iterator[None]:
    """``text`` sent once the file ``made`` is there: an editor the prompt runs made it
    (keys sent while it runs are read when the prompt is back)."""

    def send() -> None:
        deadline = time.monotonic() + 15
        while not made.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        keys.send_text(text)

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        yield
    finally:
        sender.join()


def test_what_an_editor_ended_by_the_terminal_closing_had_saved_is_taken(
    prompter: TerminalPrompter, keys: PipeInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal closed under the editor (SIGHUP): it ends, failing, having saved.
    What it saved is the answer's text, for the pause the closed terminal makes."""
    from jeudis import prompt_editor

    editor = tmp_path / "editor"
    made = tmp_path / "made"
    editor.write_text(f"#!/bin/sh\nprintf 'Enregistré.\\n' > \"$1\"\ntouch '{made}'\nexit 1\n")
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    monkeypatch.setattr(prompt_editor, "terminal_closed", lambda: True)
    with sent_once_made(keys, made, ENTER):
        assert ask(prompter, keys, "Avant." + "\x18\x05", twitter("depuis-quand")) == (
            "Enregistré."
        )


def test_a_terminal_closed_under_the_prompt_pauses_with_what_was_typed(
    prompter: TerminalPrompter,
) -> None:
    """prompt_toolkit ends with EOFError when its input closes (a terminal window shut
    before SIGHUP arrives): the text typed was lost with it."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("Une heure par jour.")
        pipe.close()
        with pytest.raises(Paused) as stopped:
            prompter.ask(prompt_for(twitter("apport"), "Question ?", counter="[4/13]"))
    assert (stopped.value.partial, stopped.value.signal_name) == ("Une heure par jour.", "SIGHUP")


def test_a_long_answer_in_the_review_is_cut_between_words_saying_where_the_rest_is(
    keys: PipeInput,
) -> None:
    """It was cut at its 277th character, mid-word ("- jama…"), and the guest, reading
    back, could not tell how to read the rest: picking the question shows it all."""
    from jeudis.interview import Interview

    out = io.StringIO()
    review = TerminalPrompter("fr", console=Console(file=out, width=200, color_system=None))
    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    long = "Et parfois un peu d’humour, jamais trop. " * 10
    rows = [("apport", "4. Qu’est-ce que ça t’apporte ?", long), ("court", "5. Et ?", "Rien.")]
    keys.send_text(ENTER)
    assert review.review(interview, rows) is None
    shown = " ".join(
        part.strip() for line in out.getvalue().splitlines() for part in line.split("│")
    )
    kept = long[: long.rindex(" ", 0, 279)].rstrip()
    assert f"{kept}… (la suite : choisir la question ci-dessous)" in " ".join(shown.split())
    assert "Rien. (la suite" not in shown


@pytest.mark.parametrize("width", [42, 50, 70, 76, 86])
def test_the_review_table_never_starts_a_line_on_a_french_mark(keys: PipeInput, width: int) -> None:
    import re

    from jeudis.interview import Interview

    out = io.StringIO()
    narrow = TerminalPrompter("fr", console=Console(file=out, width=width, color_system=None))
    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    label = "4. Qu’est-ce que le fait de tweeter t’apporte ? Qu’est-ce que cela a changé ?"
    rows = [("apport", label, "Du temps, et « une salle de rédaction » ouverte !")]
    keys.send_text(ENTER)
    assert narrow.review(interview, rows) is None
    cells = [part.strip() for line in out.getvalue().splitlines() for part in line.split("│")]
    assert cells and not [cell for cell in cells if re.match(r"[?!;:»]", cell)]


def test_two_hangups_in_a_row_pause_once_and_never_hang(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """A closed terminal's SIGHUP, then the shell's: the second, raised inside the event
    loop winding down, was swallowed there, and the program hung holding its lock."""
    import os
    import signal

    def hang_up_twice() -> None:
        os.kill(os.getpid(), signal.SIGHUP)
        os.kill(os.getpid(), signal.SIGHUP)

    previous = signal.signal(signal.SIGHUP, lambda *_: None)  # when the prompt is over
    output = _Drawn()
    try:
        with create_app_session(input=keys, output=output):
            keys.send_text("Une heure")
            # Were the signals lost: an answer, no hang.
            hangup = in_turn(lambda: output.until_drawn("Une heure"), hang_up_twice)
            with sent_later(keys, (10, ESC_ENTER)), pytest.raises(Paused) as stopped:
                prompter.ask(prompt_for(twitter("apport"), "Question ?", counter="[4/13]"))
            hangup.join()
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert (stopped.value.partial, stopped.value.signal_name) == ("Une heure", "SIGHUP")


def test_a_followup_the_host_was_writing_comes_back_in_the_prompt(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    from jeudis.interview import Answer, Interview

    interview = Interview(
        questionnaire="twitter", guest="Ada", slug="ada", title="T", register="tu"
    )
    after = Answer.given_now("utilisations", "long", "Quoi ?", "Je lis.")
    keys.send_text("Tu lis quoi" + CTRL_C)
    with pytest.raises(Paused) as stopped:  # Ctrl-C while writing it: kept, under its id
        prompter.followup_wanted = True
        prompter.followup(interview, after)
    assert (prompter.current_id, stopped.value.partial) == ("@followup:utilisations", "Tu lis quoi")
    interview.pending = {"@followup:utilisations": "Tu lis quoi"}
    keys.send_text(" exactement ?" + ENTER)
    assert prompter.followup(interview, after) == "Tu lis quoi exactement ?"


def test_page_up_says_it_goes_back_to_the_review_there(prompter: TerminalPrompter) -> None:

    prompt = prompt_for(twitter("apport"), "Q ?", can_go_back=True)
    shown = said(prompter._toolbar(replace(prompt, from_review=True)))
    assert "Page↑ ou Maj-Tab : retour à la relecture, sans changement" in shown
    assert "précédente" not in shown


UP, HOME, END = "\x1b[A", "\x1b[H", "\x1b[F"
SENTENCE = (
    "Depuis mars 2007, quand une amie m'a parlé de cette drôle de "
    "conversation permanente entre inconnus."
)


def test_the_arrow_keys_follow_the_rows_of_a_long_answer(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    """80 columns, "›  " before the rows: the sentence takes two, broken after
    "conversation". Up from the end of the second goes to the first, at the same
    column; End to the end of that row, not of the paragraph. Without the rows, Up
    on a paragraph's first line did nothing, and End went to its end."""
    typed = SENTENCE + UP + "X" + END + "Y" + ESC_ENTER
    assert ask(prompter, keys, typed, twitter("apport")) == (
        "Depuis mars 2007, quand unXe amie m'a parlé de cette drôle de "
        "conversationY permanente entre inconnus."
    )


def test_home_goes_to_the_row_s_start_then_the_paragraph_s_in_a_one_line_answer(
    prompter: TerminalPrompter, keys: PipeInput
) -> None:
    typed = SENTENCE + HOME + "X" + HOME + HOME + "Y" + ENTER
    assert ask(prompter, keys, typed, twitter("depuis-quand")) == (
        "YDepuis mars 2007, quand une amie m'a parlé de cette drôle de "
        "conversation Xpermanente entre inconnus."
    )


@pytest.mark.parametrize(("language", "word"), [("fr", "enregistrer"), ("en", "save")])
def test_the_line_above_a_long_answer_says_what_the_keys_say_in_edit(
    language: str, word: str
) -> None:
    """In `jeudis edit` the keys said "Échap Entrée : enregistrer" and the line above the
    answer "Échap puis Entrée : terminer"."""
    from jeudis.prompter import TerminalPrompter
    from jeudis.prompts import Prompt

    prompter = TerminalPrompter(language)
    prompt = Prompt(id="q", kind="long", message="?")
    assert not prompter._hint(prompt).endswith(word)
    prompter.editing = True
    assert prompter._hint(prompt).endswith(word)


class _Drawn(DummyOutput):
    """A terminal that keeps what prompt_toolkit writes, for a test to wait on."""

    def __init__(self) -> None:
        self.written: list[str] = []  # the text, a character a write; no escape sequences

    def write(self, data: str) -> None:
        self.written.append(data)

    def until_drawn(self, text: str, timeout: float = 10) -> None:
        """Wait until ``text`` has been drawn, however slow the machine; fail if it never is."""
        deadline = time.monotonic() + timeout
        while text not in "".join(list(self.written)):
            if time.monotonic() > deadline:
                drawn = "".join(list(self.written))[-200:]
                raise AssertionError(
                    f"{text!r} not drawn in {timeout} s; the last drawn: {drawn!r}"
                )
            time.sleep(0.01)


class _Resized(_Drawn):
    """A terminal whose width the test sets, that notes when it is cleared."""

    def __init__(self, columns: int) -> None:
        super().__init__()
        self.columns, self.cleared = columns, 0

    def get_size(self) -> Size:
        return Size(rows=30, columns=self.columns)

    def erase_screen(self) -> None:
        self.cleared += 1


class _Beside(threading.Thread):
    """Steps run one after the other beside the prompt; ``join`` raises the first that failed.

    A step that fails (a text never drawn) does not stop the ones after it: the keys
    that end the prompt are still sent, and the test fails on that step, not on a hang
    or on an assertion about the answer.
    """

    def __init__(self, steps: tuple[Any, ...]) -> None:
        super().__init__(daemon=True)
        self.steps, self.failed = steps, list[BaseException]()

    def run(self) -> None:
        for step in self.steps:
            try:
                step()
            except Exception as error:  # noqa: BLE001 - raised again in the test, by join
                self.failed.append(error)

    def join(self, timeout: float | None = None) -> None:
        super().join(timeout)
        if self.failed:
            raise self.failed[0]


def in_turn(*steps: Any) -> _Beside:
    """Run ``steps`` (functions) one after the other beside the prompt; join it to check them."""
    thread = _Beside(steps)
    thread.start()
    return thread


def test_a_resized_terminal_is_cleared_and_the_question_drawn_again_to_its_width(
    screen: io.StringIO,
) -> None:
    """A terminal that reflows its lines had left rows of the old layout above the new."""
    output = _Resized(60)
    prompter = TerminalPrompter("fr", console=Console(file=screen, width=100, color_system=None))
    question = prompt_for(twitter("utilisations"), "Quelle(s) utilisation(s) faites-vous de Twitter ?",
                          counter="[3/13]")  # fmt: skip
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text("Depuis 2007")
        resizing = in_turn(
            lambda: output.until_drawn("Depuis 2007"),  # at 60 columns
            lambda: setattr(output, "columns", 40),
            lambda: keys.send_text(" encore"),
            lambda: output.until_drawn("encore"),
            lambda: keys.send_text(ESC_ENTER),
        )
        answer = prompter.ask(question)
        resizing.join()
        assert answer == "Depuis 2007 encore"
    assert output.cleared == 1  # at the width change, not at each key after it
    asked = screen.getvalue().split("\n")
    first = asked.index("[3/13] Quelle(s) utilisation(s) faites-vous de Twitter ?")
    again = asked.index("[3/13] Quelle(s) utilisation(s)", first)
    assert asked[again + 1] == "       faites-vous de Twitter ?"


LEFT, RIGHT, BACKSPACE, DELETE = "\x1b[D", "\x1b[C", "\x7f", "\x1b[3~"
SHOWN_AS_ONE = ["🇫🇷", "👍🏽", "👩\u200d💻", "👨\u200d👩\u200d👧", "1\ufe0f\u20e3", "❤\ufe0f"]


@pytest.mark.parametrize("emoji", SHOWN_AS_ONE)
def test_the_arrows_and_deleting_keys_take_an_emoji_whole(
    prompter: TerminalPrompter, keys: PipeInput, emoji: str
) -> None:
    """By code point, ← went into a flag and a letter typed there made two letters in
    boxes of it; Backspace left half a flag, or a joiner no one sees."""
    typed = f"Vive {emoji}{emoji} !" + LEFT * 3 + "X"  # between the two
    typed += RIGHT + BACKSPACE  # the second goes
    typed += LEFT * 2 + DELETE  # and the first
    assert ask(prompter, keys, typed + ESC_ENTER, twitter("apport")) == "Vive X !"


@pytest.mark.parametrize("language", ["fr", "FR", "fr-CA", "fr_CH"])
def test_the_keys_and_messages_speak_french_whatever_the_case_of_the_tag(language: str) -> None:
    """``jeudis edit`` takes the interview file's language as written: "FR", edited in
    by hand, gave an English edit screen in a French interview."""
    assert TerminalPrompter(language).messages is MESSAGES["fr"]
    assert TerminalPrompter("frr").messages is MESSAGES["en"]


def _drawn(app: Any, rows: int, columns: int = 60) -> list[str]:
    """The rows ``app``'s layout draws when the terminal has ``rows`` free under it."""
    from prompt_toolkit.application.current import set_app
    from prompt_toolkit.layout.mouse_handlers import MouseHandlers
    from prompt_toolkit.layout.screen import Screen as Drawn
    from prompt_toolkit.layout.screen import WritePosition

    drawn = Drawn()

    async def draw() -> None:  # in a loop: a prompt's buffer loads its history as a task
        with set_app(app):
            app.layout.container.write_to_screen(
                drawn, MouseHandlers(), WritePosition(0, 0, columns, rows), "", True, None
            )

    asyncio.run(draw())
    buffer = drawn.data_buffer
    return ["".join(buffer[y][x].char for x in range(columns)).rstrip() for y in range(rows)]


@pytest.mark.parametrize(
    ("kind", "choices", "shown"),
    [("yesno", (), ["›", " » Yes", "   No"]),
     ("choice", ("Vim", "Emacs"), ["›", " » Vim", "   Emacs"]),
     ("multi", ("Vim", "Emacs"), ["›", " » ○ Vim", "   ○ Emacs"])],
)  # fmt: skip
def test_the_choices_are_right_under_their_question_whatever_the_room_below(
    monkeypatch: pytest.MonkeyPatch, keys: PipeInput, kind: str, choices: tuple[str, ...],
    shown: list[str],
) -> None:  # fmt: skip
    """With rows free under the question (in jeudis edit, after the review), the
    choices were drawn rows below it: the line kept for a typed answer's refusal
    took the room between them."""
    drawn: list[str] = []

    def asked(question: Any, prompt: Any = None, **_: Any) -> Any:
        drawn.extend(_drawn(question.application, rows=20))
        return None

    monkeypatch.setattr("jeudis.prompter.terminal.ask", asked)
    question = Question(
        id="q", type=kind, text={"*": "Read it?"}, choices=choices, language="en",
        validation=Validation(),
    )  # fmt: skip
    TerminalPrompter("en", console=Console(file=io.StringIO(), width=60)).ask(
        prompt_for(question, "Read it?", counter="[5/10]")
    )
    assert drawn[:3] == shown


@pytest.mark.parametrize("busy", [False, True])
@pytest.mark.parametrize(
    ("language", "typed", "answered"),
    [("en", " " + DOWN + " " + ENTER, "›  Vim, Pen and paper"),
     ("fr", DOWN + " " + ENTER, "›  Pen and paper"),
     ("fr", ENTER, "›")],
)  # fmt: skip
def test_a_multiple_choice_once_given_shows_the_choices_ticked(
    monkeypatch: pytest.MonkeyPatch, language: str, typed: str, answered: str, busy: bool
) -> None:
    """It showed questionary's "done (2 selections)", in English whatever the guest's
    language, and one choice in brackets ("[Pen and paper]"), none as "done".

    ``busy``: the machine too busy for prompt_toolkit to put off the redraw the keys
    asked for (it waits 10 ms at most) until the prompt's last one. Drawn once more
    after the answer was given, the line showed "›" alone, no choice ticked."""
    from prompt_toolkit.output.vt100 import Vt100_Output

    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=10, columns=60), term="xterm")
    question = Question(
        id="tools", type="multi", text={"*": "Tools?"}, choices=("Vim", "Pen and paper"),
        required=False, language=language, validation=Validation(),
    )  # fmt: skip
    prompter = TerminalPrompter(language, console=Console(file=io.StringIO(), width=60))
    made = prompter._question

    def unpostponed(prompt: Any) -> Any:
        asked = made(prompt)
        if busy:  # each redraw runs in turn: the keys' one before the last one
            asked.application.max_render_postpone_time = None
        return asked

    monkeypatch.setattr(prompter, "_question", unpostponed)
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text(typed)
        ticked = prompter.ask(prompt_for(question, "Tools?", counter="[10/10]"))
    assert ", ".join(ticked) == answered[3:]
    screen = pyte.Screen(60, 10)
    pyte.Stream(screen).feed(written.getvalue())
    assert answered in [line.rstrip() for line in screen.display]
    assert not any("done" in line or "[" in line for line in screen.display)


@pytest.mark.parametrize("rows_known", [False, True])
@pytest.mark.parametrize(("rows", "columns"), [(24, 80), (12, 40)])
def test_a_multiple_choice_refused_says_why_right_under_its_choices(
    monkeypatch: pytest.MonkeyPatch, rows: int, columns: int, rows_known: bool
) -> None:
    """Too few choices ticked: the refusal was drawn on the terminal's bottom row, far
    from the choices, where the text prompts draw it right under the answer. On a
    terminal that says where its cursor is (the rows below the prompt known, the keys
    drawn on the bottom rows), it was drawn halfway down the rows left blank: the
    choices' list took half of them."""
    from prompt_toolkit.output.vt100 import Vt100_Output

    class Terminal(Vt100_Output):
        def get_rows_below_cursor_position(self) -> int:
            if not rows_known:
                raise NotImplementedError
            return rows

    written = io.StringIO()
    output = Terminal(written, lambda: Size(rows=rows, columns=columns), term="xterm")
    question = Question(
        id="tools", type="multi", text={"*": "Tes outils ?"}, choices=("Vim", "Emacs", "Papier"),
        validation=Validation(min=2), language="fr",
    )  # fmt: skip
    prompter = TerminalPrompter("fr", console=Console(file=io.StringIO(), width=columns))
    refused: list[str] = []
    made = prompter._question

    def watched(prompt: Any) -> Any:
        from questionary.prompts.common import InquirerControl

        asked = made(prompt)
        [choices] = [
            w.content
            for w in asked.application.layout.find_all_windows()
            if isinstance(w.content, InquirerControl)
        ]

        def drawn(_: object) -> None:  # drawn refused: look, then tick two
            if not refused and choices.error_message is not None:
                refused.append(written.getvalue())
                keys.send_text(" " + DOWN + " " + ENTER)

        asked.application.after_render += drawn
        return asked

    monkeypatch.setattr(prompter, "_question", watched)
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text(ENTER)
        ticked = prompter.ask(prompt_for(question, "Tes outils ?", counter="[3/5]"))
    assert ticked == ["Vim", "Emacs"]
    screen = pyte.Screen(columns, rows)
    pyte.Stream(screen).feed(refused[0])
    shown = [line.rstrip() for line in screen.display]
    assert shown[shown.index("   ○ Papier") + 1] == "Au moins 2 choix."


def test_a_save_of_the_text_being_typed_that_fails_is_said_under_it(keys: PipeInput) -> None:
    """A folder made read-only, a full disk: the text being typed was not saved, and
    nothing said so until the answer was given, minutes of typing later. It is said
    under the text, tried again at the next save, and taken away once saved."""
    from types import SimpleNamespace

    from prompt_toolkit.buffer import Buffer

    from jeudis.prompt_typing import Autosave

    buffer = Buffer()
    app: Any = SimpleNamespace(current_buffer=buffer, is_done=False, loop=None, invalidate=dict)
    disk: list[str] = []

    def save(question_id: str, text: Any) -> None:
        if refusing:
            raise OSError(28, "No space left on device")
        disk.append(text)

    warning = "Attention : ce texte n’a pas pu être enregistré (le disque le refuse)."
    saving = Autosave(app, prompt_for(twitter("apport"), "Q ?"), save, unsaved=warning)
    refusing = True
    buffer.text = "Un texte"
    saving.flush()
    assert buffer.validation_error is not None
    assert " ".join(buffer.validation_error.message.split()) == warning
    assert disk == []
    refusing = False
    saving.flush()  # the same text: tried again, not taken for saved
    assert disk == ["Un texte"] and buffer.validation_error is None


def test_a_text_too_large_to_keep_while_typed_is_said_under_it(keys: PipeInput) -> None:
    """Megabytes pasted: the save kept the text kept before (False), and the autosave
    took it for saved, saying nothing; the refusal came when the answer was given."""
    from types import SimpleNamespace

    from prompt_toolkit.buffer import Buffer

    from jeudis.prompt_typing import Autosave

    buffer = Buffer()
    app: Any = SimpleNamespace(current_buffer=buffer, is_done=False, loop=None, invalidate=dict)
    kept: list[str] = []

    def save(question_id: str, text: Any) -> bool:
        if len(text) > 20:
            return False
        kept.append(text)
        return True

    warning = "Attention : ce texte n’a pas pu être enregistré."
    saving = Autosave(app, prompt_for(twitter("apport"), "Q ?"), save, unsaved=warning)
    buffer.text = "x" * 30
    saving.flush()
    assert buffer.validation_error is not None and kept == []
    buffer.text = "Plus court."
    saving.flush()
    assert kept == ["Plus court."] and buffer.validation_error is None
