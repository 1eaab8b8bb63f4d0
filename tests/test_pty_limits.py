"""A question's limits in a real terminal: said before the guest answers, counted as the
guest sees characters and words, and an address's space said as such."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jeudis.interview_reading import load_interview
from support import interview_files
from test_pty import Jeudis, Keyboard

pytestmark = pytest.mark.pty

QUESTIONNAIRE = """\
id = "limites"
title = "Q de {guest}"
language = "fr"

[[questions]]
id = "nom"
type = "text"
text = "Ton surnom ?"
validation = { max_length = 10 }

[[questions]]
id = "bio"
type = "long"
text = "Parle-nous de toi."
validation = { min_words = 3, max_words = 300 }

[[questions]]
id = "site"
type = "url"
text = "Ton site ?"
"""
NICKNAME = "Zoé 👨\u200d👩\u200d👧\u200d👦 🇫🇷"  # 7 characters, 14 code points
BIO = "私はゾエです。東京に住んでいます。"  # 15 words, no space between them


@pytest.fixture
def session(series: Path) -> Iterator[Jeudis]:
    (series / "questionnaires" / "limites.toml").write_text(QUESTIONNAIRE, encoding="utf-8")
    started = Jeudis(series, "new", "limites", "--guest", "Zoé Martin")
    yield started
    started.terminate()


def test_limits_are_said_before_the_answer_and_counted_as_the_guest_sees(
    session: Jeudis, series: Path
) -> None:
    session.expect("Bienvenue, Zoé Martin !")
    session.expect("Entrée pour commencer")
    session.press(Keyboard.ENTER)
    session.expect_prompt("[1/3]")
    screen = session.on_screen("[1/3] Ton surnom ?")
    assert screen[screen.index("[1/3] Ton surnom ?") + 1] == "Au plus 10 caractères"
    session.type(NICKNAME)
    session.press(Keyboard.ENTER)
    session.expect_prompt("[2/3]")
    screen = session.on_screen("[2/3] Parle-nous de toi.")
    said = screen[screen.index("[2/3] Parle-nous de toi.") + 1]
    assert said.endswith("· Au moins 3 mots · Au plus 300 mots"), said
    session.type(BIO)
    session.press(Keyboard.ESC_ENTER)
    session.expect_prompt("[3/3]")
    session.type("https://zoe.example/un chemin")
    session.press(Keyboard.ENTER)
    session.on_screen("Une adresse ne contient pas d’espace : l’enlever, ou écrire %20 à sa place.")
    session.press(Keyboard.CTRL_U)
    session.type("https://zoe.example/un%20chemin")
    session.press(Keyboard.ENTER)
    session.expect("Relecture")
    session.expect("Modifier une réponse ?")
    session.press(Keyboard.ENTER)
    assert session.wait() == 0

    [path] = interview_files(series)
    answers = {answer.id: answer.value for answer in load_interview(path).answers}
    assert answers == {"nom": NICKNAME, "bio": BIO, "site": "https://zoe.example/un%20chemin"}
