"""Roundup posts (``jeudis compare --format``): a post of the site the interviews' posts
are in (``--flavor``), a tally of a choice's answers, a title apart from how many answer.

The generators building a roundup beside the exported interviews are in
tests/test_export_tools.py.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import html5lib
import pytest
import yaml

from export_helpers import SNAPSHOTS, check_snapshot, chromium, copy_example
from jeudis.roundup import Entry, Roundup
from support import Invoke

ROUNDUPS = SNAPSHOTS.parent / "roundup"
DAY = "2011-06-01"  # a roundup's date, after the example interviews'
FLAVORS = [None, "hugo", "jekyll", "zola", "pelican", "mkdocs"]


def front_matter(text: str, flavor: str | None) -> dict[str, Any]:
    """A Markdown post's front matter, read as its generator reads it."""
    if flavor == "pelican":
        head = text.split("\n\n", 1)[0]
        return dict(line.split(": ", 1) for line in head.splitlines())
    mark = "+++" if flavor in ("hugo", "zola") else "---"
    assert text.startswith(f"{mark}\n"), text[:200]
    head = text.split(f"\n{mark}\n", 1)[0].removeprefix(f"{mark}\n")
    data = tomllib.loads(head) if mark == "+++" else yaml.safe_load(head)
    assert isinstance(data, dict)
    return data


def roundup_post(invoke: Invoke, flavor: str | None, *args: str) -> str:
    kind = ["--flavor", flavor] if flavor else ["--format", "md"]
    result = invoke("compare", "twitter", "-q", "followers", *kind, "--date", DAY, *args)
    assert result.exit_code == 0, result
    return result.stdout


# ---- a post of the site -----------------------------------------------------------


@pytest.mark.parametrize("flavor", FLAVORS, ids=[f or "plain" for f in FLAVORS])
def test_a_markdown_roundup_snapshot(series: Path, invoke: Invoke, flavor: str | None) -> None:
    copy_example(series)
    text = roundup_post(invoke, flavor)
    check_snapshot(f"twitter-followers.{flavor or 'plain'}.md", text, ROUNDUPS)


@pytest.mark.parametrize("flavor", FLAVORS, ids=[f or "plain" for f in FLAVORS])
def test_a_markdown_roundup_has_the_front_matter_of_a_post(
    series: Path, invoke: Invoke, flavor: str | None
) -> None:
    """It had none: Hugo showed no title and the date 0001-01-01. Its fields are the
    interviews' posts', in their generator's names and formats."""
    copy_example(series)
    data = front_matter(roundup_post(invoke, flavor), flavor)
    lower = {key.lower(): value for key, value in data.items()}
    assert lower["title"] == "Combien avez-vous de followers\u202f? – 3 invités répondent"
    assert str(lower["date"]).startswith(DAY)
    assert lower["slug"] == "twitter-followers"
    if flavor == "zola":
        categories = data["taxonomies"]["categories"]
    elif flavor == "pelican":
        categories = [lower["category"]]
    else:
        categories = lower["categories"]
    assert categories == ["Les Jeudis Twitter"]  # the series, as the interviews'
    described = lower["summary"] if flavor == "pelican" else lower["description"]
    assert described == "Combien avez-vous de followers\u202f?"


def test_a_roundup_is_dated_today_unless_told(series: Path, invoke: Invoke) -> None:
    copy_example(series)
    text = invoke("compare", "twitter", "-q", "followers", "--flavor", "zola").stdout
    assert front_matter(text, "zola")["date"].date() == dt.date.today()


# How each generator resolves a link to the interview's post (the example series'
# Amélie Roux), wherever its configuration puts the page; without a flavor, the page
# of the site `export --all` writes, at the series' base_url.
LINKS = {
    None: "## [Amélie Roux](https://blog.example.org/amelie-roux.html)\n",
    "hugo": '## [Amélie Roux]({{< relref "amelie-roux.md" >}}) {#amelie-roux}\n',
    "jekyll": "## [Amélie Roux]({% post_url 2011-03-24-amelie-roux %})\n",
    "zola": "## [Amélie Roux](@/amelie-roux.md)\n",
    "pelican": "## [Amélie Roux]({filename}/amelie-roux.md)\n",
    "mkdocs": "## [Amélie Roux](amelie-roux.md)\n",
}


@pytest.mark.parametrize("flavor", FLAVORS, ids=[f or "plain" for f in FLAVORS])
def test_a_roundup_links_each_interview_as_its_generator_does(
    series: Path, invoke: Invoke, flavor: str | None
) -> None:
    """It linked amelie-roux.html, which no static site has: each generator's own link
    to a post's file, which it resolves to the page and checks when it builds."""
    copy_example(series)
    text = roundup_post(invoke, flavor)
    assert LINKS[flavor] in text
    assert text.count("## [") == 3


GUARDED = {  # a guest's text holding the generator's syntax: shown as written
    "hugo": '{{</* relref "elise-garnier.md" */>}}',
    "jekyll": '{{ "{%" }} include autre.html %}',
    "zola": "{{ x }}",  # no shortcode call: text to Zola already
}


@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola"])
def test_a_guests_text_in_a_roundup_is_inert_to_the_generator(
    series: Path, invoke: Invoke, flavor: str
) -> None:
    """As in the interviews' posts: braces made text, the generator's syntax in code
    written so that it shows; a run of dashes escaped, which Hugo's and Jekyll's
    typographers made a dash (a guest named "---" read "—"). Only jeudis's own
    links are live."""
    copy_example(series)
    path = series / "interviews" / "amelie-roux.toml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace('guest = "Amélie Roux"', 'guest = "---"')
        .replace('answer = "2 980"', f"answer = '2 980 `{_typed(flavor)}`'"),
        encoding="utf-8",
    )
    text = roundup_post(invoke, flavor)
    assert "## [\\-\\-\\-](" in text and "| \\-\\-\\- |" in text
    assert GUARDED[flavor] in text
    live = {"hugo": "{{< relref", "jekyll": "{% post_url", "zola": "](@/"}[flavor]
    assert text.count(live) == 3


def _typed(flavor: str) -> str:
    return {
        "hugo": '{{< relref "elise-garnier.md" >}}',
        "jekyll": "{% include autre.html %}",
        "zola": "{{ x }}",
    }[flavor]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["--flavor", "jekyll"], "2011-06-01-twitter-followers.md"),  # Jekyll's posts: dated
        (["--flavor", "hugo"], "twitter-followers.md"),
        (["--format", "md"], "twitter-followers.md"),
        (["--format", "html"], "twitter-followers.html"),
    ],
)
def test_a_roundup_written_into_a_folder_is_named_as_a_post_of_it(
    series: Path, invoke: Invoke, tmp_path: Path, args: list[str], name: str
) -> None:
    copy_example(series)
    folder = tmp_path / "posts"
    command = ("compare", "twitter", "-q", "followers", *args, "--date", DAY)
    result = invoke(*command, "-o", f"{folder}/")
    assert result.exit_code == 0, result
    assert [p.name for p in folder.iterdir()] == [name]
    assert invoke(*command, "-o", str(folder)).exit_code == 0  # a folder there: the same
    assert [p.name for p in folder.iterdir()] == [name]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--flavor", "gatsby"], "--flavor 'gatsby': use hugo, jekyll, zola, pelican, mkdocs"),
        (["--flavor", "hugo", "--fragment"], "--flavor and --fragment: one or the other"),
        (["--flavor", "hugo", "-f", "html"], "--flavor is for Markdown posts"),
        (["-o", "posts/"], "posts: which format? a folder's name says none"),
        (["-f", "md", "--date", "2011-13-01"], "--date '2011-13-01' is not a date"),
        (["--date", DAY], "--date is the roundup post's"),  # the terminal's view has none
    ],
)
def test_a_roundups_options_that_do_not_go_together(
    series: Path, invoke: Invoke, args: list[str], said: str
) -> None:
    copy_example(series)
    result = invoke("compare", "twitter", "-q", "followers", *args)
    assert result.exit_code == 2, result
    assert result.stderr.startswith(f"error: {said}\n"), result.stderr
    assert result.stdout == ""
    assert not (series / "posts").exists()


def test_a_roundup_quotes_the_interviews_out_by_its_date(series: Path, invoke: Invoke) -> None:
    """As ``export --all`` publishes them: a roundup dated 31 March quotes no guest whose
    interview comes out in April, nor links a page not there yet."""
    copy_example(series)
    result = invoke(
        "compare", "twitter", "-q", "followers", "--flavor", "hugo", "--date", "2011-03-31"
    )
    assert result.exit_code == 0, result
    assert "Claire Fontaine" in result.stdout and "Mathieu Durand" not in result.stdout
    assert "– 2 invités répondent" in result.stdout
    assert "note: mathieu-durand: dated 2011-04-07, left out until that day" in result.stderr
    none = invoke("compare", "twitter", "-q", "followers", "-f", "md", "--date", "2011-03-01")
    assert none.exit_code == 3
    assert none.stderr.startswith(
        "error: no interview out by 2011-03-01 answers twitter [followers] (3 dated after"
        " 2011-03-01)\nhint: a roundup quotes complete interviews dated 2011-03-01 or before\n"
    )


@pytest.mark.parametrize("flavor", ["hugo", "jekyll"])
def test_an_export_removing_a_post_a_roundup_links_says_so(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """A guest renamed: the export removed the old post the roundup linked, and the
    site's next build failed on its relref (Jekyll's post_url), at the next deploy."""
    copy_example(series)
    site = tmp_path / "blog"
    assert invoke("export", "--all", "--flavor", flavor, "-o", site).exit_code == 0
    posts = site / ("content/posts" if flavor == "hugo" else "_posts")
    roundup = posts / "twitter-followers.md"
    made = invoke("compare", "twitter", "-q", "followers", "--flavor", flavor, "-o", roundup)
    assert made.exit_code == 0, made
    assert invoke("edit", "claire-fontaine", "--guest", "Claire Fontan").exit_code == 0

    again = invoke("export", "--all", "--flavor", flavor, "-o", site)

    assert again.exit_code == 0, again
    said = [line for line in again.stderr.splitlines() if "roundup" in line]
    name = "claire-fontaine" if flavor == "hugo" else "2011-03-31-claire-fontaine"
    assert said == [
        (
            f"warning: {roundup.resolve()}: this roundup links {name}, which this export"
            " removed; the site's generator fails to build it: make it again with"
            " `jeudis compare`, or remove it"
        )
    ]
    made = invoke("compare", "twitter", "-q", "followers", "--flavor", flavor, "-o", roundup)
    assert made.exit_code == 0, made
    assert invoke("export", "--all", "--flavor", flavor, "-o", site).stderr.count("roundup") == 0


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
    result = invoke("compare", "reseaux", "-q", "prefere", "-f", "html", "--date", DAY)
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


def numbers_roundup(language: str) -> Roundup:
    """A roundup of a numeric question, its posts written in ``language``."""
    entries = [
        Entry(
            guest=guest, slug=guest.lower(), date=dt.date(2011, 1, 1), asked="?", value=n, text=""
        )
        for guest, n in (("Amal", 3), ("Yosef", 5))
    ]
    return Roundup(
        questionnaire="q",
        series="",
        question_id="followers",
        question="?",
        title="?",
        language=language,
        entries=entries,
    )


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [
        ("ar", "right", "left"),
        ("he-IL", "right", "left"),
        ("fr", "left", "right"),
        ("en", "left", "right"),
    ],
)
def test_a_pasted_chart_s_bars_start_where_the_roundup_s_lines_start(
    language: str, start: str, end: str
) -> None:
    """Beside the names, as the text runs: floated left, an Arabic or a Hebrew roundup's
    bars went to the far side of their cells, away from the names, and the names to
    the far side of theirs."""
    from jeudis.roundup_chart import bar_chart

    chart = bar_chart(numbers_roundup(language), styled=True)
    bars = re.findall(r'<span class="bar" style="([^"]+)"', chart)
    assert len(bars) == 2
    for bar in bars:
        assert f"float:{start};" in bar and f"margin-{end}:.4em;" in bar, bar
        assert f"float:{end}" not in bar and f"margin-{start}" not in bar, bar
    names = re.findall(r'<th scope="row" style="([^"]+)"', chart)
    assert len(names) == 2
    assert all(f"text-align:{end};" in name for name in names), names


def test_a_choice_is_tallied_in_the_markdown_roundup(invoke: Invoke, choices: str) -> None:
    """A table every generator reads: the choice, then its bar and count as text."""
    result = invoke("compare", "reseaux", "-q", "outils", "-f", "md", "--date", DAY)
    assert result.exit_code == 0, result
    check_snapshot(f"reseaux-outils.{choices}.md", result.stdout, ROUNDUPS)
    head = "| Réponse | Invités |" if choices == "fr" else "| Answer | Guests |"
    assert f"\n\n{head}\n| ---: | :--- |\n" in result.stdout
    assert "| Buffer | ████████████████████ 3 |" in result.stdout
    assert "| Aucun \\| rien | 0 |" in result.stdout  # a "|" does not end the cell


def test_a_numeric_question_has_its_chart_in_markdown_too(series: Path, invoke: Invoke) -> None:
    copy_example(series)
    text = roundup_post(invoke, "pelican")
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
    yes_no = [entry(False), entry(False), entry("oui")]  # a text: none of the two
    assert Roundup(**{**roundup.__dict__, "kind": "yesno", "entries": yes_no}).tally == [
        ("Oui", 0),
        ("Non", 2),
    ]


YESNO = """id = "blogs"
title = "{guest}"
language = "LANG"
registers = ["vous"]

[[questions]]
id = "blog"
type = "yesno"
text = "BLOG"
"""


@pytest.mark.parametrize(
    ("language", "asked", "yes", "no"),
    [("fr", "Avez-vous un blog ?", "Oui", "Non"), ("en", "Do you blog?", "Yes", "No")],
)
def test_a_yes_no_question_is_tallied_as_a_choice_is(
    invoke: Invoke, series: Path, tmp_path: Path, language: str, asked: str, yes: str, no: str
) -> None:
    """Two guests of three said yes: a chart of "Oui" and "Non" (as the posts word them)
    in the terminal, the HTML and the Markdown roundup; it had none."""
    form = YESNO.replace("LANG", language).replace("BLOG", asked)
    (series / "questionnaires" / "blogs.toml").write_text(form, encoding="utf-8")
    for guest, blog in (("Ann Lee", "oui"), ("Bo Chen", "non"), ("Cy Roe", "oui")):
        data = tmp_path / f"{guest}.toml"
        data.write_text(f'[answers]\nblog = "{blog}"\n', encoding="utf-8")
        made = invoke("new", "blogs", "--guest", guest, "--data-file", data)
        assert made.exit_code == 0, made

    terminal = invoke("compare", "blogs", "-q", "blog", env={"COLUMNS": "80"})
    assert terminal.exit_code == 0, terminal
    rows = re.findall(r"^ *(\S.*?)  (█*) *(\d+)$", terminal.stdout, re.MULTILINE)
    assert rows == [(yes, "█" * 27, "2"), (no, "█" * 13, "1")]
    page = invoke("compare", "blogs", "-q", "blog", "-f", "html").stdout
    chart = page[page.index('<table class="chart"') : page.index("</table>")]
    assert re.findall(r'<th scope="row">([^<]+)</th><td>.*?(\d)</td>', chart) == [
        (yes, "2"),
        (no, "1"),
    ]
    post = invoke("compare", "blogs", "-q", "blog", "-f", "md").stdout
    assert f"| {yes} | {'█' * 13} 2 |\n| {no} | {'█' * 7} 1 |\n" in post


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
    post = invoke("compare", "reseaux", "-q", "prefere", "--flavor", "hugo").stdout
    assert front_matter(post, "hugo")["title"] == f"{asked} – {count}"
    terminal = invoke("compare", "reseaux", "-q", "prefere").stdout
    assert terminal.startswith(f"{asked.replace(chr(0x202F), ' ')}\n{count}\n")
    titled = invoke("compare", "reseaux", "-q", "prefere", "-f", "html", "--title", "Réseaux")
    assert "<h1>Réseaux</h1>" in titled.stdout and 'class="subtitle"' not in titled.stdout


def test_an_export_says_nothing_of_another_sites_roundup(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """A Pelican export, removing a renamed guest's post, said an MkDocs site's roundup
    linking it would fail to build: that site still held the post."""
    copy_example(series)
    pelican, mkdocs = tmp_path / "pelican", tmp_path / "mkdocs"
    for flavor, site in (("pelican", pelican), ("mkdocs", mkdocs)):
        assert invoke("export", "--all", "--flavor", flavor, "-o", site).exit_code == 0
    roundup = mkdocs / "docs" / "blog" / "posts" / "twitter-followers.md"
    made = invoke("compare", "twitter", "-q", "followers", "--flavor", "mkdocs", "-o", roundup)
    assert made.exit_code == 0, made
    assert invoke("edit", "claire-fontaine", "--guest", "Claire Fontan").exit_code == 0

    again = invoke("export", "--all", "--flavor", "pelican", "-o", pelican)

    assert again.exit_code == 0 and "removed (content/claire-fontaine.md)" in again.stderr, again
    assert "roundup" not in again.stderr
    assert (
        "this roundup links" in invoke("export", "--all", "--flavor", "mkdocs", "-o", mkdocs).stderr
    )


def test_an_mkdocs_roundup_is_no_whole_post_on_the_blogs_index(
    series: Path, invoke: Invoke
) -> None:
    """Its question in its title and no chart: no excerpt's end, and Material's blog
    index showed it whole, every guest's answer, each heading's link inside its own."""
    copy_example(series)
    post = invoke("compare", "twitter", "-q", "conseils", "--flavor", "mkdocs", "-o", "-").stdout
    heading = post.index("\n# ")
    assert post.index("<!-- more -->") > heading
    assert post.index("<!-- more -->") < post.index("\n## [")


# ---- a returning guest ------------------------------------------------------------------


def _returns(series: Path, slug: str, date: str, followers: str) -> None:
    """Claire Fontaine interviewed again: the example's file under ``slug``, dated ``date``."""
    text = (series / "interviews" / "claire-fontaine.toml").read_text(encoding="utf-8")
    again = (
        text.replace('slug = "claire-fontaine"', f'slug = "{slug}"')
        .replace("date = 2011-03-31", f"date = {date}")
        .replace('answer = "6 120, surtout', f'answer = "{followers}, surtout')
    )
    assert again.count(slug) == 1 and again.count(date) == 1 and followers in again
    (series / "interviews" / f"{slug}.toml").write_text(again, encoding="utf-8")


def _chart_rows(out: str) -> list[str]:
    """The names of a chart's rows (a value's digits grouped by a narrow space)."""
    return re.findall(r"^ *(\S.*?)  █+ +[\d\u202f]+$", out, re.MULTILINE)


def test_a_returning_guests_rows_tell_themselves_apart_in_the_terminal(
    series: Path, invoke: Invoke
) -> None:
    """Interviewed in 2011 and again in 2013, Claire Fontaine's two rows of the chart
    read the same: each says its year, cut names too; the others' rows are as before."""
    copy_example(series)
    _returns(series, "claire-fontaine-2", "2013-05-02", "9 400")
    result = invoke("compare", "twitter", "-q", "followers", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    check_snapshot("twitter-followers.returning.txt", result.stdout, ROUNDUPS)
    assert _chart_rows(result.stdout) == [
        "Amélie Roux",
        "Claire Fontaine (2011)",
        "Mathieu Durand",
        "Claire Fontaine (2013)",
    ]
    narrow = invoke("compare", "twitter", "-q", "followers", env={"COLUMNS": "40"})
    assert _chart_rows(narrow.stdout) == [
        "Amélie Roux",
        "Clair… (2011)",
        "Mathieu Dura…",  # cut as any name is
        "Clair… (2013)",
    ]


def test_a_returning_guests_rows_and_headings_tell_themselves_apart_in_a_post(
    series: Path, invoke: Invoke
) -> None:
    """In the chart and in the headings over each answer, the year after the name; the
    date where both interviews are of one year, written as the post writes one."""
    copy_example(series)
    _returns(series, "claire-fontaine-2", "2013-05-02", "9 400")
    text = roundup_post(invoke, None, "--date", "2014-01-01")
    check_snapshot("twitter-followers.returning.md", text, ROUNDUPS)
    assert re.findall(r"^\| (Claire[^|]*) \|", text, re.MULTILINE) == [
        "Claire Fontaine (2011)",
        "Claire Fontaine (2013)",
    ]
    assert re.findall(r"^## \[(Claire[^]]*)\]", text, re.MULTILINE) == [
        "Claire Fontaine (2011)",
        "Claire Fontaine (2013)",
    ]
    assert "| Amélie Roux |" in text and "## [Amélie Roux]" in text

    _returns(series, "claire-fontaine-2", "2011-09-01", "9 400")
    result = invoke("compare", "twitter", "-q", "followers", "--wordpress", "--date", "2014-01-01")
    assert result.exit_code == 0, result
    check_snapshot("twitter-followers.returning.wordpress.html", result.stdout, ROUNDUPS)
    html5lib.HTMLParser(strict=True).parseFragment(result.stdout.split("\n", 1)[1])
    said = [
        re.sub(r"<[^>]+>", "", name)
        for name in re.findall(r"<th scope=\"row\"[^>]*>(.*?)</th>|<h2>(.*?)</h2>", result.stdout)
        for name in name
        if name
    ]
    assert [name for name in said if name.startswith("Claire")] == [
        "Claire Fontaine (31 mars 2011)",
        "Claire Fontaine (1er septembre 2011)",
    ] * 2


# ---- a guest answering in another language ------------------------------------------


def _languages(fragment: str) -> dict[str, str]:
    """Each paragraph's text, by the language it is read in: its nearest ``lang``."""
    tree = html5lib.parseFragment(fragment, namespaceHTMLElements=False)
    said: dict[str, str] = {}

    def walk(element: Any, language: str) -> None:
        language = element.get("lang", language)
        if element.tag in ("p", "h2"):
            said["".join(element.itertext()).strip()] = language
        for child in element:
            walk(child, language)

    for child in tree:
        walk(child, "")
    return said


def test_an_answer_in_another_language_than_the_roundups_says_so(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """An English guest's interview in a French series: what they were asked and what they
    wrote read as English (``lang="en"``) and are set as English (no space before "?"),
    the roundup's own words as French; a yes or no is the roundup's word, French."""
    copy_example(series)
    settings = series / "jeudis.toml"  # typography: each post's language's
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('typography = "fr"\n', ""), encoding="utf-8"
    )
    claire = series / "interviews" / "claire-fontaine.toml"
    text = claire.read_text(encoding="utf-8").replace('language = "fr"', 'language = "en"')
    text = text.replace(
        'question = "Depuis combien de temps utilises-tu Twitter ?"\n'
        'answer = "Depuis mars 2009. Deux ans déjà 🎉"',
        'question = "How long have you been on Twitter?"\nanswer = "Since March 2009."',
    )
    claire.write_text(text, encoding="utf-8")
    for args in (["-f", "html"], ["--wordpress"]):
        result = invoke("compare", "twitter", "-q", "depuis-quand", *args, "--date", DAY)
        assert result.exit_code == 0, result
        out = result.stdout
        body = out[out.index("<article") : out.index("</article>") + len("</article>")]
        said = _languages(body)
        assert said["How long have you been on Twitter?"] == "en"
        assert said["Since March 2009."] == "en"
        assert said["Claire Fontaine"] == "fr"
        assert said["Lire l’interview"] == "fr"
        assert [p for p, language in said.items() if language != "fr"] == [
            "How long have you been on Twitter?",
            "Since March 2009.",
        ]

    form = YESNO.replace("LANG", "fr").replace("BLOG", "Avez-vous un blog ?")
    (series / "questionnaires" / "blogs.toml").write_text(form, encoding="utf-8")
    data = tmp_path / "blog.toml"
    data.write_text('[answers]\nblog = "oui"\n', encoding="utf-8")
    assert invoke("new", "blogs", "--guest", "Ann Lee", "--data-file", data).exit_code == 0
    ann = series / "interviews" / "ann-lee.toml"
    ann.write_text(ann.read_text(encoding="utf-8").replace('"fr"', '"en"'), encoding="utf-8")
    page = invoke("compare", "blogs", "-q", "blog", "-f", "html").stdout
    assert _languages(page[page.index("<article") :])["Oui"] == "fr"


@pytest.mark.parametrize(
    ("questionnaire", "claire", "marked"),
    [("fr-CA", "fr", ""), ("fr", "fr-CA", "fr-CA"), ("fr-FR", "fr-CA", "fr-CA")],
    ids=["fr in fr-CA", "fr-CA in fr", "fr-CA in fr-FR"],
)
def test_an_answer_in_a_region_of_the_roundups_language_is_marked_when_it_names_one(
    series: Path, invoke: Invoke, questionnaire: str, claire: str, marked: str
) -> None:
    """A questionnaire's "fr" made "fr-CA" after its interviews: every answer of its roundup
    was in a <div lang="fr"> inside the <article lang="fr-CA">, French read as French. An
    answer is marked where its region is one the roundup's tag does not name; each is set
    as its post sets it all the same."""
    copy_example(series)
    form = series / "questionnaires" / "twitter.toml"
    text = form.read_text(encoding="utf-8")
    form.write_text(text.replace('language = "fr"', f'language = "{questionnaire}"'), "utf-8")
    path = series / "interviews" / "claire-fontaine.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('language = "fr"', f'language = "{claire}"'), "utf-8")

    result = invoke("compare", "twitter", "twitter-ou-facebook", "-f", "html", "--fragment")

    assert result.exit_code == 0, result
    out = result.stdout
    said = _languages(out[out.index("<article") :])
    assert out.startswith(f'<article lang="{questionnaire}"')
    own = {
        slug: _languages(invoke("export", slug, "--fragment").stdout)
        for slug in ("amelie-roux", "claire-fontaine", "mathieu-durand")
    }
    for slug, paragraphs in own.items():
        answer = next(p for p in paragraphs if p.startswith("Twitter"))  # as its post sets it
        assert said[answer] == (marked if slug == "claire-fontaine" and marked else questionnaire)
    assert set(said.values()) == {questionnaire, marked} - {""}
