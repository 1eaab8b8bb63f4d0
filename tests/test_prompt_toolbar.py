"""The keys' toolbar under each prompt, in process: prompt_toolkit reads a pipe and draws
on a terminal pyte emulates, of the size each test says."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pyte
import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from export_helpers import check_snapshot
from jeudis import terminal
from jeudis.graphemes import width as cells
from jeudis.interview import Interview
from jeudis.prompt_layout import STYLE
from jeudis.prompt_toolbar import fit_keys, toolbar_keys
from jeudis.prompter import TerminalPrompter
from jeudis.prompts import BACK, Paused, Prompt, prompt_for
from jeudis.questionnaire import Question, Validation
from jeudis.screen import Screen
from support import REPO

ENTER, ESC_ENTER, PAGE_UP, CTRL_C = "\r", "\x1b\r", "\x1b[5~", "\x03"
SPOKEN = ["fr", "en", "de", "es", "it", "nl", "pt"]  # the languages of the guest's screen
SESSION_SNAPSHOTS = REPO / "tests" / "snapshots" / "session"


class _Terminal(Vt100_Output):
    """A terminal that knows the rows under the prompt, as one that says where its
    cursor is: prompt_toolkit draws a toolbar only then, on the bottom rows."""

    def get_rows_below_cursor_position(self) -> int:
        return self.get_size().rows


def asked(kind: str, language: str = "fr") -> Question:
    choices = ("Vim", "Emacs") if kind in ("choice", "multi") else ()
    return Question(
        id="q", type=kind, text={"*": "Lequel ?"}, choices=choices, language=language,
        validation=Validation(),
    )  # fmt: skip


# What gives each kind of answer, once the toolbar is drawn.
GIVEN = {"text": "x" + ENTER, "long": "x" + ESC_ENTER, "yesno": ENTER, "choice": ENTER,
         "multi": " " + ENTER}  # fmt: skip
ROWS = [("[1/5] Depuis ?", "1. Depuis ?", "2007"), ("q", "2. Combien ?", "12")]


def toolbar(
    monkeypatch: pytest.MonkeyPatch,
    asking: Callable[[TerminalPrompter], Any],
    typed: str,
    columns: int,
    rows: int = 30,
    *,
    editing: bool = False,
) -> list[str]:
    """The toolbar ``asking`` draws on a terminal of ``columns`` × ``rows``: the rows at
    its bottom, up to a blank one. ``typed`` is sent once it is drawn."""
    written = io.StringIO()
    output = _Terminal(written, lambda: Size(rows=rows, columns=columns), term="xterm")
    prompter = TerminalPrompter("fr", console=Console(file=io.StringIO(), width=columns))
    prompter.editing = editing
    seen: list[str] = []
    ask = terminal.ask

    def watched(question: Any, *args: Any, **kwargs: Any) -> Any:
        def drawn(_: object) -> None:
            if not seen:
                seen.append(written.getvalue())
                keys.send_text(typed)

        question.application.after_render += drawn
        return ask(question, *args, **kwargs)

    monkeypatch.setattr(terminal, "ask", watched)
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        asking(prompter)
    screen = pyte.Screen(columns, rows)
    pyte.Stream(screen).feed(seen[0])
    shown = [line.rstrip() for line in screen.display]
    bottom: list[str] = []
    while shown and shown[-1]:
        bottom.insert(0, shown.pop())
    assert all(line.startswith(" ") for line in bottom), bottom  # one cell in, as the answer
    return [line[1:] for line in bottom]


def question(kind: str, *, first: bool = False) -> Callable[[TerminalPrompter], Any]:
    """A question of ``kind``, the second (Page↑ goes back), or the ``first``."""
    counter = "[1/5]" if first else "[2/5]"
    return lambda prompter: prompter.ask(
        prompt_for(asked(kind), "Lequel ?", counter=counter, can_go_back=not first)
    )


def review(prompter: TerminalPrompter) -> Any:
    interview = Interview(questionnaire="q", guest="Ada", slug="ada", title="T", register="tu")
    return prompter.review(interview, ROWS)


WIDE = (
    "Entrée : valider · Page↑ ou Maj-Tab : question précédente · Ctrl-F : relance · Ctrl-C : pause"
)
LONG = "Échap Entrée : terminer · Page↑ ou Maj-Tab : question précédente · Ctrl-X Ctrl-E : éditeur"
NARROW = ["Entrée : valider · Page↑ : précédente", "Ctrl-F : relance · Ctrl-C : pause"]


@pytest.mark.parametrize(
    ("kind", "columns", "shown"),
    [("yesno", 100, [WIDE]), ("choice", 100, [WIDE]), ("multi", 100, [WIDE]),
     ("text", 100, [WIDE]),
     ("long", 100, [LONG, "Ctrl-F : relance · Ctrl-C : pause"]),
     ("yesno", 40, NARROW), ("choice", 40, NARROW), ("multi", 40, NARROW), ("text", 40, NARROW),
     ("long", 60, ["Échap Entrée : terminer · Page↑ ou Maj-Tab : précédente",
                   "Ctrl-F : relance · Ctrl-C : pause"]),
     ("long", 40, ["Échap Entrée : terminer", "Page↑ : précédente · Ctrl-C : pause"])],
)  # fmt: skip
def test_every_kind_of_question_shows_its_keys(
    monkeypatch: pytest.MonkeyPatch, kind: str, columns: int, shown: list[str]
) -> None:
    """A choice showed no keys: a guest was never told that Page↑ goes back there, nor
    the host that Ctrl-F adds a follow-up, nor that Ctrl-C pauses. At 40 columns, the
    shorter wordings, and a long answer leaves out the editor and the follow-up: its
    toolbar took four rows of the twelve of a small terminal. Shift-Tab, which goes back
    as Page↑ does, is named beside it; at 40 columns it is left unsaid first, and a long
    answer at 60, its editor left out, names it again."""
    assert toolbar(monkeypatch, question(kind), GIVEN[kind], columns) == shown


@pytest.mark.parametrize(
    ("columns", "shown"),
    [(100, ["Entrée : valider · Page↑ ou Maj-Tab : question précédente · Ctrl-C : pause"]),
     (40, ["Entrée : valider · Page↑ : précédente", "Ctrl-C : pause"])],
)  # fmt: skip
def test_the_review_shows_its_keys(
    monkeypatch: pytest.MonkeyPatch, columns: int, shown: list[str]
) -> None:
    assert toolbar(monkeypatch, review, ENTER, columns) == shown


def test_the_english_review_says_enter_chooses_an_answer() -> None:
    """Enter on the review's list opens the answer chosen, or finishes: it said "next"."""
    text = TerminalPrompter("en").text

    said = [key.said for key in toolbar_keys(text, None)]

    assert said[0] == ("Enter: choose", "Enter: OK")
    assert toolbar_keys(text, prompt_for(asked("text"), "?"))[0].said[0] == "Enter: next"


TIGHT = ["Entrée OK · Page↑ préc. · Ctrl-C pause"]


@pytest.mark.parametrize(
    ("asking", "typed", "shown"),
    [(question("text"), GIVEN["text"], TIGHT),
     (question("choice"), ENTER, TIGHT),
     (question("multi"), GIVEN["multi"], TIGHT),
     (review, ENTER, TIGHT),
     (question("text", first=True), GIVEN["text"], ["Entrée : valider · Ctrl-C : pause"]),
     (question("choice", first=True), ENTER, ["Entrée : valider · Ctrl-C : pause"]),
     (question("long"), GIVEN["long"],
      ["Échap Entrée : terminer", "Page↑ : précédente · Ctrl-C : pause"])],
)  # fmt: skip
def test_a_short_terminal_keeps_its_rows_for_the_answer(
    monkeypatch: pytest.MonkeyPatch,
    asking: Callable[[TerminalPrompter], Any],
    typed: str,
    shown: list[str],
) -> None:
    """On a terminal of 12 rows, one row where the keys to finish and to pause fit on
    it; else the rows they need, and what fits beside them. Page↑ was left out of the
    one row, at 40 columns: the guest could not know how to go back. Said there in the
    fewest words, the others' too, where there is an earlier question."""
    assert toolbar(monkeypatch, asking, typed, 40, 12) == shown


@pytest.mark.parametrize(
    ("asking", "typed", "columns", "shown"),
    [(question("choice"), ENTER, 100,
      ["Entrée : enregistrer · Ctrl-F : relance · Ctrl-C, Page↑ ou Maj-Tab : annuler, rien n’est changé"]),
     (question("choice"), ENTER, 40, ["Entrée : enregistrer", "Ctrl-C, Page↑ ou Maj-Tab : annuler"]),
     (question("choice"), ENTER, 30, ["Entrée : enregistrer", "Ctrl-C ou Page↑ : annuler"]),
     (question("long"), GIVEN["long"], 100,
      ["Échap Entrée : enregistrer · Ctrl-X Ctrl-E : éditeur · Ctrl-F : relance",
       "Ctrl-C, Page↑ ou Maj-Tab : annuler, rien n’est changé"]),
     (review, ENTER, 100, ["Entrée : valider · Ctrl-C : quitter"])],
)  # fmt: skip
def test_in_edit_the_keys_say_they_save_or_cancel(
    monkeypatch: pytest.MonkeyPatch,
    asking: Callable[[TerminalPrompter], Any],
    typed: str,
    columns: int,
    shown: list[str],
) -> None:
    """`jeudis edit`: Ctrl-C, Page↑ and Shift-Tab cancel a change (at 30 columns, the keys
    in two rows, Shift-Tab is left unsaid); at its review, Ctrl-C ends it."""
    assert toolbar(monkeypatch, asking, typed, columns, editing=True) == shown


@pytest.mark.parametrize(("editing", "pause"), [(False, "pause"), (True, "annuler")])
def test_the_question_the_host_writes_shows_its_keys(
    monkeypatch: pytest.MonkeyPatch, editing: bool, pause: str
) -> None:
    """No Page↑ there, no follow-up to a follow-up: how to finish, how to pause (in
    jeudis edit, Ctrl-C gives the follow-up up)."""
    interview = Interview(questionnaire="q", guest="Ada", slug="ada", title="T", register="tu")
    writing = lambda prompter: prompter.write_question(interview, 1)
    shown = toolbar(monkeypatch, writing, "Et ensuite ?" + ENTER, 100, editing=editing)
    assert shown == [f"Entrée : valider · Ctrl-C : {pause}"]


@pytest.mark.parametrize("kind", ["yesno", "choice", "multi"])
@pytest.mark.parametrize(("key", "result"), [(PAGE_UP, BACK), (CTRL_C, Paused)])
def test_the_keys_a_choice_shows_work_there(kind: str, key: str, result: Any) -> None:
    prompter = TerminalPrompter("fr", console=Console(file=io.StringIO(), width=100))
    prompt = prompt_for(asked(kind), "Lequel ?", counter="[2/5]")
    with create_pipe_input() as keys, create_app_session(input=keys, output=_Terminal(
        io.StringIO(), lambda: Size(rows=30, columns=100), term="xterm")):  # fmt: skip
        keys.send_text(key)
        if result is Paused:
            with pytest.raises(Paused):
                prompter.ask(prompt)
        else:
            assert prompter.ask(prompt) is result


def test_page_up_back_to_the_review_is_said_so_as_short_as_it_must(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def changed(prompter: TerminalPrompter) -> Any:
        prompt = prompt_for(asked("yesno"), "Lequel ?", counter="[2/5]")
        return prompter.ask(replace(prompt, from_review=True))

    wide = toolbar(monkeypatch, changed, ENTER, 100)
    assert wide == [
        "Entrée : valider · Page↑ ou Maj-Tab : retour à la relecture, sans changement · Ctrl-F : relance",
        "Ctrl-C : pause",
    ]
    assert toolbar(monkeypatch, changed, ENTER, 70) == [
        "Entrée : valider · Page↑ ou Maj-Tab : retour à la relecture",
        "Ctrl-F : relance · Ctrl-C : pause",
    ]
    assert toolbar(monkeypatch, changed, ENTER, 60) == [
        "Entrée : valider · Page↑ ou Maj-Tab : relecture",
        "Ctrl-F : relance · Ctrl-C : pause",
    ]
    assert toolbar(monkeypatch, changed, ENTER, 40) == [
        "Entrée : valider · Page↑ : relecture",
        "Ctrl-F : relance · Ctrl-C : pause",
    ]


def prompts() -> list[Prompt | None]:
    made: list[Prompt | None] = [None]
    for kind in ("text", "long", "yesno", "multi"):
        for back, from_review in ((False, False), (True, False), (True, True)):
            prompt = prompt_for(asked(kind), "?", can_go_back=back)
            made.append(replace(prompt, from_review=from_review))
    return made


@pytest.mark.parametrize("language", SPOKEN)
@pytest.mark.parametrize("editing", [False, True])
@pytest.mark.parametrize("rows", [12, 30])
def test_the_toolbar_always_says_how_to_finish_and_to_pause_and_cuts_no_word(
    language: str, editing: bool, rows: int
) -> None:
    text = TerminalPrompter(language).text
    for prompt in prompts():
        for hosting in (False, True):
            keys = toolbar_keys(text, prompt, editing=editing, hosting=hosting)
            words = {w for key in keys for form in key.said for w in form.split()} | {"·"}
            for columns in range(16, 130):
                lines = fit_keys(keys, columns, rows)
                shown = " ".join(lines)
                assert all(cells(line) < columns - 1 for line in lines), (columns, lines)
                assert all(word in words for line in lines for word in line.split()), lines
                for kept in (keys[0], keys[-1]):  # how to finish, how to pause
                    assert any(form in shown for form in kept.said), (columns, lines)
                if columns >= 40:  # no key parted from what it does ("Ctrl-C :", "pause")
                    assert not any(line.endswith(":") for line in lines), (columns, lines)
                if columns >= 100 and rows == 30:  # every key, in full
                    assert " · ".join(lines) == " · ".join(key.said[0] for key in keys)


@pytest.mark.parametrize("language", SPOKEN)
@pytest.mark.parametrize("editing", [False, True])
def test_once_escape_is_pressed_the_keys_say_enter_alone_finishes(
    language: str, editing: bool
) -> None:
    """In every language, each wording of how to finish a long answer, Échap pressed:
    the key that gives it ("Entrée"), and what it does ("terminer"), no Échap."""
    text = TerminalPrompter(language).text
    escape, enter = text["toolbar_finish"].split()[:2]  # "Échap", "Entrée" (or "Enter:")
    enter = enter.rstrip(":")
    [finish, *others] = toolbar_keys(text, prompt_for(asked("long"), "?"), editing=editing)
    told = finish.escaped()
    assert len(told.said) == len(finish.said)
    for before, after in zip(finish.said, told.said, strict=True):
        assert before == f"{escape} {after}" and after.startswith(enter), (before, after)
    assert [key.escaped() for key in others] == others  # the other keys as they were


@pytest.mark.parametrize("language", SPOKEN)
@pytest.mark.parametrize("hosting", [False, True])
def test_on_a_short_terminal_page_up_is_said_from_40_columns(language: str, hosting: bool) -> None:
    """The one row of a one-line answer, a choice's, the review's, an answer picked at
    the review (where Page↑ goes back to it: "Entrée : valider · Ctrl-C : pause" was all
    it said at 40 columns), says Page↑ at 40 columns and wider; at the first question,
    where it does nothing, it does not."""
    text = TerminalPrompter(language).text
    back = text["toolbar_back"].split()[0].rstrip(":")  # "Page↑", "PgUp", "Bild↑"

    def said(line: str) -> list[str]:
        return [word.rstrip(":") for word in line.split()]

    one_line = [prompt_for(asked(kind, language), "?") for kind in ("text", "yesno", "multi")]
    picked = [replace(prompt, from_review=True) for prompt in one_line]
    for prompt in [None, *one_line, *picked]:
        keys = toolbar_keys(text, prompt, hosting=hosting)
        for columns in range(40, 130):
            [line] = fit_keys(keys, columns, 12)
            assert back in said(line), (columns, line)
    for prompt in one_line:
        first = toolbar_keys(text, replace(prompt, can_go_back=False), hosting=hosting)
        assert back not in said(fit_keys(first, 40, 12)[0])
    assert fit_keys(toolbar_keys(text, None), 40, 12) == [
        {
            "fr": TIGHT[0],
            "en": "Enter: OK · PgUp: back · Ctrl-C: pause",
            "de": "Enter OK · Bild↑ zurück · Strg-C Pause",
            "es": "Intro OK · RePág atrás · Ctrl-C pausa",
            "it": "Invio OK · Pag↑ prec. · Ctrl-C pausa",
            "nl": "Enter OK · PgUp terug · Ctrl-C pauze",
            "pt": "Enter OK · PgUp voltar · Ctrl-C pausa",
        }[language]
    ]


# Page↑ and Shift-Tab as each language's keyboards name them (Microsoft's and Apple's
# guides: "Maj+Tab", "Umschalt+Tab", "Mayús+Tab", "Maiusc+Tab").
BACK_KEYS = {"fr": "Page↑ ou Maj-Tab", "en": "PgUp or Shift-Tab", "de": "Bild↑ oder Umschalt-Tab",
             "es": "RePág o Mayús-Tab", "it": "Pag↑ o Maiusc-Tab", "nl": "PgUp of Shift-Tab",
             "pt": "PgUp ou Shift-Tab"}  # fmt: skip


@pytest.mark.parametrize("language", SPOKEN)
@pytest.mark.parametrize("editing", [False, True])
def test_shift_tab_is_named_beside_page_up_in_every_language(language: str, editing: bool) -> None:
    """A Mac laptop has no Page↑: its guest was told only "Page↑ : question précédente",
    and could not know that Shift-Tab goes back too (in jeudis edit, cancels). The
    welcome's keys name it, and the keys at the bottom wherever they name Page↑, from
    66 columns on, in the language's own name for it."""
    text = TerminalPrompter(language).text
    back, shift_tab = BACK_KEYS[language].split()[0], BACK_KEYS[language]
    assert shift_tab in text["keys_line"]
    for prompt in prompts():
        for hosting in (False, True):
            keys = toolbar_keys(text, prompt, editing=editing, hosting=hosting)
            if not any(back in form for key in keys for form in key.said):
                continue  # the first question, a follow-up: no going back
            for columns in range(66, 130):
                shown = " · ".join(fit_keys(keys, columns, 30))
                assert shift_tab in shown, (columns, shown)


def left_on_screen(
    asking: Callable[[TerminalPrompter], Any], typed: str, columns: int
) -> list[str]:
    """The lines ``asking`` leaves on a terminal ``columns`` wide once ``typed`` ends it,
    the prompt's and those drawn above it alike, blank ones aside."""
    written = io.StringIO()
    # No rows known under the prompt: no toolbar, which would scroll the lines off.
    output = Vt100_Output(written, lambda: Size(rows=60, columns=columns), term="xterm")
    prompter = TerminalPrompter("fr", console=Console(file=written, width=columns))
    prompter.screen = Screen(STYLE, file=written, width=columns)
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text(typed)
        with contextlib.suppress(Paused):
            asking(prompter)
    screen = pyte.Screen(columns, 60)
    screen.set_mode(pyte.modes.LNM)  # the lines drawn above end in "\n" alone
    pyte.Stream(screen).feed(written.getvalue())
    return [line.rstrip() for line in screen.display if line.strip()]


@pytest.mark.parametrize("columns", [100, 30])
def test_the_review_paused_leaves_its_question_as_a_choice_paused_does(columns: int) -> None:
    """Paused at the review, "› Modifier une réponse ? ↑↓ puis Entrée" was left, its
    keys read as the answer given; at 30 columns, broken mid-word ("pu" / "is Entrée").
    The question and its keys are above the list, as a choice's are, wrapped between
    words: paused, the prompt's line is left empty."""
    choice = left_on_screen(question("choice"), CTRL_C, columns)
    assert choice[-2].endswith("puis Entrée") and choice[-1] == "›"  # its keys, no answer
    shown = left_on_screen(review, CTRL_C, columns)
    assert shown[-3:] == ["Modifier une réponse ?", "↑↓ puis Entrée", "›"]


def test_the_review_given_shows_the_answer_after_the_prompt_mark() -> None:
    shown = left_on_screen(review, ENTER, 30)
    assert shown[-3:] == ["Modifier une réponse ?", "↑↓ puis Entrée", "›  ✔ Tout est bon, terminer"]


def test_the_review_as_the_guest_sees_it_at_80_columns() -> None:
    """The review whole, as it is left once given: the table of answers (a long one
    wrapped, a list, a skipped one), then its question, keys and the choice made."""
    rows = [
        ("depuis", "1. Depuis quand utilises-tu Twitter ?", "Mai 2007, un peu par hasard."),
        (
            "usages",
            "2. Quelle(s) utilisation(s) fais-tu de Twitter ?",
            "De la veille, surtout :\n\n- la presse ;\n- les blogs 😉\n\nEt un peu de « bavardage ».",
        ),
        ("conseils", "3. Un conseil pour débuter ?", ""),
    ]
    interview = Interview(questionnaire="q", guest="Ada", slug="ada", title="T", register="tu")

    shown = left_on_screen(lambda prompter: prompter.review(interview, rows), ENTER, 80)

    check_snapshot("review-80-columns.txt", "\n".join(shown) + "\n", SESSION_SNAPSHOTS)
