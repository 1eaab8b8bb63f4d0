"""Roundup posts (``jeudis compare --format``): a tally of a choice's answers, a title
apart from how many answer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import html5lib
import pytest

from export_helpers import SNAPSHOTS, check_snapshot, chromium, copy_example
from jeudis.roundup import Entry, Roundup
from support import Invoke

ROUNDUPS = SNAPSHOTS.parent / "roundup"

# ---- a choice's tally -------------------------------------------------------------

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


def test_a_choice_is_tallied_in_the_terminal(invoke: Invoke, choices: str) -> None:
    """Each choice in the questionnaire's order, one none picked too, with how many
    guests picked it; a bar a share of the guests who answered; who picked what below."""
    result = invoke("compare", "reseaux", "-q", "outils", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    check_snapshot(f"reseaux-outils.{choices}.txt", result.stdout, ROUNDUPS)
    rows = re.findall(r"^ *(\S.*?)  (█*) *(\d+)$", result.stdout, re.MULTILINE)
    assert rows == [
        ("TweetDeck", "█" * 27, "2"),
        ("Hootsuite", "█" * 13, "1"),
        ("Buffer", "█" * 40, "3"),
        ("Aucun | rien", "", "0"),
    ]
    assert "╭─ Cy Roe" in result.stdout  # each guest's answer


def test_a_choice_is_tallied_in_the_html_roundup(invoke: Invoke, choices: str) -> None:
    result = invoke("compare", "reseaux", "-q", "prefere", "-f", "html")
    assert result.exit_code == 0, result
    page = result.stdout
    check_snapshot(f"reseaux-prefere.{choices}.html", page, ROUNDUPS)
    html5lib.HTMLParser(strict=True).parse(page)
    chart = page[page.index('<table class="chart"') : page.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(.*?)</td></tr>', chart)
    assert rows == [
        ("Twitter", '<span class="bar" style="width:50.0%" aria-hidden="true"></span> 2'),
        ("Facebook", "0"),  # no bar: no guest
        ("LinkedIn", "0"),
        ("Mastodon", '<span class="bar" style="width:25.0%" aria-hidden="true"></span> 1'),
    ]


def test_a_choice_is_tallied_in_a_roundup_pasted_into_wordpress(
    invoke: Invoke, choices: str
) -> None:
    """Its bars carry their own style, of properties WordPress keeps in a post."""
    result = invoke("compare", "reseaux", "-q", "outils", "--wordpress")
    assert result.exit_code == 0, result
    check_snapshot(f"reseaux-outils.{choices}.wordpress.html", result.stdout, ROUNDUPS)
    bars = re.findall(r'<span class="bar" style="([^"]+)"', result.stdout)
    assert len(bars) == 3 and all("float:left" in bar for bar in bars)
    assert "color-mix" not in result.stdout and "display" not in result.stdout
    html5lib.HTMLParser(strict=True).parseFragment(result.stdout.split("\n", 1)[1])


def test_a_choice_is_tallied_in_the_markdown_roundup(invoke: Invoke, choices: str) -> None:
    """A table every generator reads: the choice, then its bar and count as text."""
    result = invoke("compare", "reseaux", "-q", "outils", "-f", "md")
    assert result.exit_code == 0, result
    check_snapshot(f"reseaux-outils.{choices}.md", result.stdout, ROUNDUPS)
    head = "| Réponse | Invités |" if choices == "fr" else "| Answer | Guests |"
    assert f"\n\n{head}\n| ---: | :--- |\n" in result.stdout
    assert "| Buffer | ████████████████████ 3 |" in result.stdout
    assert "| Aucun \\| rien | 0 |" in result.stdout  # a "|" does not end the cell


def test_a_numeric_question_has_its_chart_in_markdown_too(series: Path, invoke: Invoke) -> None:
    copy_example(series)
    text = invoke("compare", "twitter", "-q", "followers", "-f", "md").stdout
    assert "| Invité | Réponse |\n| ---: | :--- |\n| Amélie Roux | ██████████ 2\u202f980 |" in text


def test_a_tally_counts_each_guest_once_a_choice_and_keeps_the_questionnaires_order() -> None:
    """A multiple choice picked twice by one guest (a file edited by hand) counts once;
    a choice the questionnaire no longer has comes after its own."""

    def entry(value: object) -> Entry:
        return Entry(guest="G", slug="g", date=dt.date(2011, 1, 1), asked="?", value=value, text="")

    roundup = Roundup(
        questionnaire="q",
        series="",
        question_id="outils",
        question="?",
        title="?",
        language="fr",
        kind="multi",
        choices=("A", "B", "C"),
        entries=[entry(["B", "B"]), entry(["Z", "A"]), entry(["B"])],
    )
    assert roundup.tally == [("A", 1), ("B", 2), ("C", 0), ("Z", 1)]
    assert Roundup(**{**roundup.__dict__, "kind": "long"}).tally == []


@pytest.mark.browser
def test_a_tally_in_headless_chromium(invoke: Invoke, choices: str, tmp_path: Path) -> None:
    page = tmp_path / "roundup.html"
    assert invoke("compare", "reseaux", "-q", "outils", "-f", "html", "-o", page).exit_code == 0
    dom = chromium(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'class="chart"' in dom.stdout and "Hootsuite" in dom.stdout
    shot = tmp_path / "roundup.png"
    done = chromium(
        [f"--screenshot={shot}", "--window-size=800,900", page.as_uri()], tmp_path / "profile"
    )
    assert done.returncode == 0 and shot.stat().st_size > 10_000


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
