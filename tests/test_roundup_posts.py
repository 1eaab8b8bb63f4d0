"""Roundup posts (``jeudis compare --format``): a title apart from how many answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import Invoke

# ---- a series asking choices ----------------------------------------------------

CHOICES = """id = "reseaux"
title = "{guest}"
series = "Les Jeudis"
language = "LANG"
registers = ["vous"]

[[questions]]
id = "prefere"
type = "choice"
text = "PREFERE"
choices = ["Twitter", "Facebook", "LinkedIn", "Mastodon"]

[[questions]]
id = "outils"
type = "multi"
text = "OUTILS"
choices = ["TweetDeck", "Hootsuite", "Buffer", "Aucun | rien"]
"""
ASKED = {
    "fr": ("Quel réseau préférez-vous ?", "Quels outils utilisez-vous ?"),
    "en": ("Which network do you prefer?", "Which tools do you use?"),
}
GUESTS = [  # name, date, network, tools
    ("Ann Lee", "2011-01-13", "Twitter", "TweetDeck, Buffer"),
    ("Bo Chen", "2011-01-20", "Twitter", "Buffer"),
    ("Cy Roe", "2011-01-27", "Mastodon", "TweetDeck, Hootsuite, Buffer"),
]


@pytest.fixture(params=["fr", "en"])
def choices(request: pytest.FixtureRequest, series: Path, invoke: Invoke, tmp_path: Path) -> str:
    """A series whose questionnaire asks a choice and a multiple choice, answered by three
    guests; its language."""
    language: str = request.param
    prefere, outils = ASKED[language]
    text = CHOICES.replace("LANG", language).replace("PREFERE", prefere)
    (series / "questionnaires").mkdir(exist_ok=True)
    (series / "questionnaires" / "reseaux.toml").write_text(
        text.replace("OUTILS", outils), encoding="utf-8"
    )
    for guest, date, network, tools in GUESTS:
        data = tmp_path / f"{guest}.toml"
        data.write_text(f'[answers]\nprefere = "{network}"\noutils = "{tools}"\n', encoding="utf-8")
        made = invoke("new", "reseaux", "--guest", guest, "--date", date, "--data-file", data)
        assert made.exit_code == 0, made
    return language


# ---- the title and how many answer ------------------------------------------------


def test_the_title_and_how_many_answer_are_apart(invoke: Invoke, choices: str) -> None:
    """ "Quel réseau préférez-vous ? 3 invités répondent" ran the two together: the
    page's heading and a subtitle under it; a dash where one line holds both."""
    asked, count = {
        "fr": ("Quel réseau préférez-vous\u202f?", "3 invités répondent"),
        "en": ("Which network do you prefer?", "3 guests answer"),
    }[choices]
    page = invoke("compare", "reseaux", "-q", "prefere", "-f", "html").stdout
    assert f'<hgroup>\n<h1>{asked}</h1>\n<p class="subtitle">{count}</p>\n</hgroup>' in page
    assert f"<title>{asked} – {count} – Les Jeudis</title>" in page
    post = invoke("compare", "reseaux", "-q", "prefere", "-f", "md").stdout
    assert post.startswith(f"# {asked} – {count}\n")
    terminal = invoke("compare", "reseaux", "-q", "prefere").stdout
    assert terminal.startswith(f"{asked.replace(chr(0x202F), ' ')}\n{count}\n")
    titled = invoke("compare", "reseaux", "-q", "prefere", "-f", "html", "--title", "Réseaux")
    assert "<h1>Réseaux</h1>" in titled.stdout and 'class="subtitle"' not in titled.stdout
