"""``jeudis compare``: one question, every guest's answer; roundup posts with a chart."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import html5lib
import pytest

from jeudis.cli import main
from jeudis.export.frontmatter import FLAVORS
from jeudis.export.written import reads_as_roundup
from jeudis.roundup import Entry
from support import EXAMPLES, Invoke

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def example_series(series: Path) -> Path:
    """The repository's example interviews, in the test's series folder."""
    for path in EXAMPLES:
        shutil.copy(path, series / "interviews" / path.name)
    (series / "jeudis.toml").write_text(
        'blog = "Le carnet des Jeudis"\nbase_url = "https://blog.example.com/interviews"\n',
        encoding="utf-8",
    )
    return series


def test_side_by_side_in_the_terminal(invoke: Invoke, example_series: Path) -> None:
    result = invoke("compare", "twitter", "--question", "twitter-ou-facebook")
    assert result.exit_code == 0, result
    out = result.stdout
    assert out.startswith("Préférez-vous Twitter ou Facebook ?\n3 invités répondent\n")
    for guest in ("Amélie Roux", "Claire Fontaine", "Mathieu Durand"):
        assert guest in out
    assert out.index("Amélie Roux") < out.index("Claire Fontaine") < out.index("Mathieu Durand")


def test_no_question_named_shows_every_question_in_turn(
    invoke: Invoke, example_series: Path
) -> None:
    """design.md's ``jeudis compare QUESTIONNAIRE [--question ID]``: the whole series
    compared, each question with every guest's answer (it asked which question)."""
    result = invoke("compare", "twitter", env={"COLUMNS": "100"})

    assert result.exit_code == 0, result
    out = result.stdout
    asked = ["Depuis combien de temps", "de followers ?", "Question inverse"]
    assert [out.index(q) for q in asked] == sorted(out.index(q) for q in asked)
    assert out.count(" répondent\n") == 13
    # A year is no quantity: "Juin 2010" drew a bar of "2 010".
    first = out[: out.index("de followers ?")]
    assert "█" not in first and "2 010" not in first
    assert "█" in out[out.index("de followers ?") :]


def test_no_question_named_for_a_roundup_lists_the_questions(
    invoke: Invoke, example_series: Path
) -> None:
    """Said of the questionnaire by its id, as any word: "twitter's questions" read
    "maker-mondays's questions" in a series of another name."""
    result = invoke("compare", "twitter", "--format", "md")

    assert result.exit_code == 2
    listed = (
        "1. depuis-quand, 2. followers, 3. utilisations, 4. apport, 5. premier-tweet,"
        " 6. dernier-tweet, 7. meilleur-souvenir, 8. conseils, 9. avenir,"
        " 10. twitter-ou-facebook, 11. influence, 12. follower-reve, 13. pas-suivi"
    )
    assert result.stderr.splitlines() == [
        (
            "error: which question? a roundup post is of one: name it after the questionnaire,"
            " its id or its number"
        ),
        f"hint: `jeudis compare twitter ID`; the questions of twitter: {listed}",
    ]


def test_side_by_side_on_an_80_column_terminal(invoke: Invoke, example_series: Path) -> None:
    """Two answers a row, each with its date and file whole under it; the count on its line."""
    out = invoke("compare", "twitter", "--question", "apport", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[2] == "3 invités répondent"  # under the question's two lines, not cut in it
    assert sum(line.count("╭─ ") for line in lines) == 3
    assert max(line.count("╭─ ") for line in lines) == 2
    for below in ("2011-03-24 · amelie-roux", "2011-03-31 · claire-fontaine"):
        assert below in out


class _Screen(io.StringIO):
    """Standard output that keeps what it had shown at each flush, as a terminal shows it."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def flush(self) -> None:
        self.shown.append(self.getvalue())


def test_the_answers_are_shown_a_row_at_a_time(
    invoke: Invoke, example_series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every answer was laid out before the first was shown: with thousands of guests, the
    heading stood alone for a minute, then everything came at once (and a gigabyte was
    held). A row is shown as soon as it is drawn, and the whole is as it was."""
    screen = _Screen()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(sys, "argv", ["jeudis", "compare", "twitter", "apport"])
    monkeypatch.setenv("COLUMNS", "80")  # two answers a row
    with pytest.raises(SystemExit) as leaving:
        main()

    assert leaving.value.code == 0
    first_row = next(shown for shown in screen.shown if "╰" in shown)
    assert "Amélie Roux" in first_row and "Claire Fontaine" in first_row
    assert "Mathieu Durand" not in first_row
    whole = invoke("compare", "twitter", "apport", env={"COLUMNS": "80"}).stdout
    assert screen.shown[-1] == whole and whole.count("╭─ ") == 3


def test_under_every_answer_the_date_with_its_file_or_the_date_alone(
    invoke: Invoke, example_series: Path
) -> None:
    """At 100 columns three panels leave no room for "2011-03-31 · claire-fontaine": the
    date alone under each, not the file under the first only."""
    out = invoke("compare", "twitter", "--question", "apport", env={"COLUMNS": "100"}).stdout
    bottoms = "\n".join(line for line in out.splitlines() if "╰" in line)
    assert bottoms.count("╰") == 3 and "·" not in bottoms
    assert all(date in bottoms for date in ("2011-03-24", "2011-03-31", "2011-04-07"))


def test_a_roundup_leaves_out_an_interview_still_to_come(
    invoke: Invoke, example_series: Path
) -> None:
    later = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    path = example_series / "interviews" / "claire-fontaine.toml"
    path.write_text(
        re.sub(r"(?m)^date = .*$", f"date = {later}", path.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    result = invoke("compare", "twitter", "--question", "apport", "-f", "md")
    assert result.exit_code == 0, result
    assert "Claire Fontaine" not in result.stdout and "claire-fontaine" not in result.stdout
    title = result.stdout.splitlines()[1]
    assert title.startswith('title: "Qu’est-ce que') and title.endswith(' – 2 invités répondent"')
    assert f"note: claire-fontaine: dated {later}, left out until that day" in result.stderr
    shown = invoke("compare", "twitter", "--question", "apport").stdout  # for the host: all
    assert "Claire Fontaine" in shown and "3 invités répondent" in shown
    for path in (example_series / "interviews").glob("*.toml"):  # every one to come
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^date = .*$", f"date = {later}", text), encoding="utf-8")
    nothing = invoke("compare", "twitter", "--question", "apport", "-f", "md")
    assert nothing.exit_code == 3 and nothing.stdout == ""
    assert "no interview out yet answers twitter [apport] (3 dated after today)" in nothing.stderr


def test_an_interview_that_does_not_read_is_left_out_and_said(
    invoke: Invoke, example_series: Path
) -> None:
    path = example_series / "interviews" / "claire-fontaine.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("date =", "date = = ", 1))
    for args in ([], ["-f", "md"]):
        result = invoke("compare", "twitter", "--question", "apport", *args)
        assert result.exit_code == 0, result
        assert "Claire Fontaine" not in result.stdout
        assert (
            f"warning: {path}:" in result.stderr and "(left out; `jeudis check`)" in result.stderr
        )


def test_numeric_question_draws_bars_in_the_terminal(invoke: Invoke, example_series: Path) -> None:
    result = invoke("compare", "twitter", "-q", "followers")
    assert result.exit_code == 0, result
    assert "█" in result.stdout
    assert "6\u202f120" in result.stdout.replace("\n", "")
    # The guests' words around their numbers, below the chart.
    assert "communicants." in result.stdout and "robots." in result.stdout


@pytest.mark.parametrize("columns", [40, 60])
def test_a_narrow_terminal_shortens_the_bars_not_the_values(
    invoke: Invoke, example_series: Path, columns: int
) -> None:
    """Forty cells of bar whatever the width: at 60 columns the values were cut to "6 …"."""
    out = invoke("compare", "twitter", "-q", "followers", env={"COLUMNS": str(columns)}).stdout

    rows = [line for line in out.splitlines() if "█" in line]
    assert [row.split()[-2:] for row in rows] == [["2", "980"], ["6", "120"], ["4", "350"]]
    assert all(len(row) <= columns for row in rows)


@pytest.mark.parametrize("question", ["followers", "meilleur-souvenir", "twitter-ou-facebook"])
def test_the_terminal_view_ends_no_line_in_spaces(
    invoke: Invoke, example_series: Path, question: str
) -> None:
    """Rich padded a chart's last column, a row of answers short of its neighbour and a
    question wrapped at a word: a file or a pipe kept the spaces."""
    out = invoke("compare", "twitter", "-q", question, env={"COLUMNS": "80"}).stdout

    assert [line for line in out.splitlines() if line != line.rstrip()] == []
    assert "╭─ Mathieu Durand" in out


@pytest.mark.parametrize("roundup", [["--flavor", "hugo"], ["--title", "X"]])
def test_which_question(invoke: Invoke, example_series: Path, roundup: list[str]) -> None:
    """A roundup's option with no question: which one (--title was left unsaid)."""
    result = invoke("compare", "twitter", *roundup)
    assert result.exit_code == 2
    assert "jeudis compare twitter ID" in result.stderr
    assert "twitter-ou-facebook" in result.stderr
    result = invoke("compare", "twitter", "-q", "nope")
    assert result.exit_code == 3
    assert "twitter has no question 'nope'" in result.stderr
    assert "1. depuis-quand, 2. followers" in result.stderr


def test_a_question_may_be_given_by_its_number(invoke: Invoke, example_series: Path) -> None:
    """`inspect` numbers the questions; `-q 2` is the second, as `-q followers`."""
    by_number = invoke("compare", "twitter", "-q", "2", "--format", "md")
    assert by_number.exit_code == 0, by_number
    assert (
        by_number.stdout == invoke("compare", "twitter", "-q", "followers", "--format", "md").stdout
    )
    assert invoke("compare", "twitter", "-q", "14").exit_code == 3
    assert invoke("compare", "twitter", "-q", "0").exit_code == 3


def test_markdown_roundup_links_each_answer(invoke: Invoke, example_series: Path) -> None:
    result = invoke(
        "compare", "twitter", "-q", "twitter-ou-facebook", "--format", "md",
        "--title", "Twitter ou Facebook ? 3 invités répondent",
    )  # fmt: skip
    assert result.exit_code == 0, result
    text = result.stdout
    title = text.splitlines()[1].replace("\u202f", " ")
    assert title == 'title: "Twitter ou Facebook ? 3 invités répondent"'  # as given
    assert "## [Amélie Roux](https://blog.example.com/interviews/amelie-roux.html)" in text
    assert "## [Mathieu Durand](https://blog.example.com/interviews/mathieu-durand.html)" in text
    assert "<table" not in text  # no chart in Markdown


def test_reworded_question_is_shown_in_the_roundup(invoke: Invoke, example_series: Path) -> None:
    wording = "Et toi, plutôt Twitter ou plutôt Facebook ?"
    assert (
        invoke(
            "edit", "claire-fontaine", "-q", "twitter-ou-facebook", "--reword", wording
        ).exit_code
        == 0
    )
    text = invoke("compare", "twitter", "-q", "twitter-ou-facebook", "-f", "md").stdout
    assert "plutôt Twitter ou plutôt Facebook" in text
    assert text.count("*") == 2  # only that guest's question is shown


def test_a_question_a_new_version_rewords_shows_what_each_guest_was_asked(
    invoke: Invoke, example_series: Path
) -> None:
    """The questionnaire's version 2 asks "… l’avenir de Twitter, dans cinq ans ?": the
    roundup's heading says it, and the guests who answered version 1's question had
    their answer printed under it, words they were never asked. Each shows the
    question it answered, as one the host reworded for a guest; a guest asked the
    question as the heading words it (in "tu", where the heading says "vous") does not."""
    form = example_series / "questionnaires" / "twitter.toml"
    text = form.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    form.write_text(text.replace("avenir de Twitter ?", "avenir de Twitter, dans cinq ans ?"))
    amelie = example_series / "interviews" / "amelie-roux.toml"
    answered = amelie.read_text(encoding="utf-8")
    amelie.write_text(answered.replace("avenir de Twitter ?", "avenir de Twitter, dans cinq ans ?"))

    post = invoke("compare", "twitter", "-q", "avenir", "-f", "md")
    assert post.exit_code == 0, post
    text = post.stdout.replace("\u202f", " ")  # French typography's thin space before "?"
    assert text.startswith('---\ntitle: "Comment voyez-vous l’avenir de Twitter, dans cinq ans ?')
    assert re.findall(r"^\*(.+)\*$", text, re.MULTILINE) == [
        "Comment vois-tu l’avenir de Twitter ?",  # Claire's
        "Comment voyez-vous l’avenir de Twitter ?",  # Mathieu's
    ]
    assert "amelie-roux.html)\n\nBrillant" in text
    side_by_side = invoke("compare", "twitter", "-q", "avenir", env={"COLUMNS": "200"}).stdout
    assert "Comment vois-tu l’avenir de Twitter ?" in side_by_side
    assert "Comment voyez-vous l’avenir de Twitter ?" in side_by_side


def test_a_question_a_new_version_dropped_is_compared_as_it_was_asked(
    invoke: Invoke, example_series: Path
) -> None:
    """Version 2 drops "Quel sera ton dernier tweet ?": compare refused it ("twitter has
    no question 'dernier-tweet'"), though every interview made before answered it. It
    is headed by the wording they were asked ("vous", as the roundup says it), and a
    guest asked otherwise in their form of address shows what they were asked."""
    form = example_series / "questionnaires" / "twitter.toml"
    text = form.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    dropped = re.search(r'\[\[questions\]\]\nid = "dernier-tweet"\n.*?\n\n', text, re.DOTALL)
    assert dropped is not None
    form.write_text(text.replace(dropped.group(0), ""), encoding="utf-8")

    post = invoke("compare", "twitter", "-q", "dernier-tweet", "-f", "md")

    assert post.exit_code == 0, post
    text = post.stdout.replace("\u202f", " ")  # French typography's thin space before "?"
    assert text.startswith('---\ntitle: "Quel sera votre dernier tweet 😉 ? – 3 invités répondent"')
    assert "## [Amélie Roux]" in text and "## [Mathieu Durand]" in text
    assert not re.findall(r"^\*(.+)\*$", text, re.MULTILINE)  # each asked as the others
    side_by_side = invoke("compare", "twitter", "-q", "dernier-tweet", env={"COLUMNS": "200"})
    assert side_by_side.exit_code == 0, side_by_side
    assert "Quel sera votre dernier tweet" in side_by_side.stdout

    reworded = "Et ton tout dernier tweet ?"
    assert (
        invoke("edit", "claire-fontaine", "-q", "dernier-tweet", "--reword", reworded).exit_code
        == 0
    )
    text = invoke("compare", "twitter", "-q", "dernier-tweet", "-f", "md").stdout
    assert re.findall(r"^\*(.+)\*$", text.replace("\u202f", " "), re.MULTILINE) == [reworded]

    unknown = invoke("compare", "twitter", "-q", "dernier-twet")
    assert unknown.exit_code == 3
    assert "asked by an earlier version: dernier-tweet" in unknown.stderr
    relance = invoke("compare", "twitter", "-q", "relance-1")  # a follow-up: no question
    assert relance.exit_code == 3, relance


def roundup_html(invoke: Invoke, series: Path) -> tuple[Path, str]:
    out = series / "followers.html"
    result = invoke("compare", "twitter", "-q", "followers", "--format", "html", "-o", out)
    assert result.exit_code == 0, result
    return out, out.read_text(encoding="utf-8")


def test_html_roundup_has_an_accessible_chart(invoke: Invoke, example_series: Path) -> None:
    _, page = roundup_html(invoke, example_series)
    html5lib.HTMLParser(strict=True).parse(page)
    assert "<script" not in page and "<svg" not in page
    assert page.count('class="chart"') == 1
    chart = page[page.index('<table class="chart"') : page.index("</table>")]
    assert 'aria-label="Combien avez-vous de followers ?"' in chart
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td><span [^>]*></span> ([^<]+)</td>', chart
    )
    # Names and values are text (not only colour or length), in the roundup's order.
    assert rows == [
        ("Amélie Roux", "2\u202f980"),
        ("Claire Fontaine", "6\u202f120"),
        ("Mathieu Durand", "4\u202f350"),
    ]
    widths = [float(w) for w in re.findall(r'style="width:([0-9.]+)%" aria-hidden="true"', chart)]
    assert widths == [36.5, 75.0, 53.3]  # the longest bar leaves room for its value
    assert 'href="https://blog.example.com/interviews/claire-fontaine.html"' in page


def test_a_guests_name_in_the_chart_is_text(invoke: Invoke, example_series: Path) -> None:
    interview = example_series / "interviews" / "amelie-roux.toml"
    text = interview.read_text(encoding="utf-8")
    interview.write_text(
        text.replace('guest = "Amélie Roux"', 'guest = "<b>Amélie</b> & Roux"'), encoding="utf-8"
    )
    _, page = roundup_html(invoke, example_series)
    assert '<th scope="row">&lt;b&gt;Amélie&lt;/b&gt; &amp; Roux</th>' in page


def test_no_control_character_reaches_a_roundup(invoke: Invoke, example_series: Path) -> None:
    """A terminal's escape sequence typed into a guest's name (or a question reworded by
    hand) is left out of the roundup, as of the interview's post: it went into the page,
    the chart and the Markdown file, where `cat` would run it."""
    interview = example_series / "interviews" / "amelie-roux.toml"
    text = interview.read_text(encoding="utf-8")
    text = text.replace('guest = "Amélie Roux"', 'guest = "\\u001b[31mAmélie\\u0007 Roux"')
    text = text.replace(
        'question = "Combien as-tu de followers ?"',
        'question = "Combien\\u001b[2J as-tu de followers ?"',
    )
    interview.write_text(text, encoding="utf-8")
    _, page = roundup_html(invoke, example_series)
    markdown = invoke("compare", "twitter", "-q", "followers", "--format", "md").stdout

    for written in (page, markdown):
        assert "\x1b" not in written and "\x07" not in written
    # The whole sequence goes, not its control character alone.
    assert '<th scope="row">Amélie Roux</th>' in page
    assert "*Combien as-tu de followers\u202f?*" in markdown


def test_a_question_naming_each_guests_own_heads_the_roundup_with_no_hole(
    invoke: Invoke, example_series: Path
) -> None:
    """The book interview's question greets the guest and names their book: worded for
    no one, the roundup's title read "Bonjour  ! Vous venez de publier «  »". Each
    guest's own wording is shown above their answer."""
    markdown, terminal = (
        re.sub("[\u00a0\u202f]", " ", invoke("compare", "livre", "-q", "motivation", *more).stdout)
        for more in (["--format", "md"], [])
    )

    assert markdown.startswith('---\ntitle: "Bonjour … ! Vous venez de publier « … ». Qu’est-ce')
    assert "*Bonjour Élise ! Tu viens de publier « Vendre sans vitrine ». Qu’est-ce" in markdown
    assert terminal.startswith("Bonjour … ! Vous venez de publier « … ».")
    assert "Vendre sans" in terminal
    assert "«  »" not in markdown + terminal


SHORTCODES = 'Mes photos [gallery ids="1,2"], [embed]https://v.example/v[/embed] et `[video]`.'


def test_a_roundup_pasted_into_wordpress_is_a_fragment_that_runs_no_shortcode(
    invoke: Invoke, example_series: Path
) -> None:
    """``--fragment`` and ``--wordpress`` give the roundup's body, as ``export`` gives a
    post's: no page around it, no title (the blog's theme shows the post's), and every
    ``[`` written ``&#91;``, for WordPress runs a shortcode a guest typed, code included."""
    path = example_series / "interviews" / "amelie-roux.toml"
    text = path.read_text(encoding="utf-8")
    typed = '"Parler de ce qu’on aime vraiment. Ça se voit tout de suite."'
    path.write_text(text.replace(typed, f"'{SHORTCODES}'"), encoding="utf-8")
    command = ("compare", "twitter", "-q", "conseils")
    page = invoke(*command, "--format", "html")
    assert page.exit_code == 0, page
    assert "[gallery ids=" in page.stdout  # a page of the site keeps them: no WordPress
    for flag in ("--fragment", "--wordpress"):
        result = invoke(*command, flag)  # HTML, the only format of a fragment
        assert result.exit_code == 0, result
        body = result.stdout
        assert body.startswith(
            "<!-- wp:html -->\n<article" if flag == "--wordpress" else "<article"
        )
        assert "<html" not in body and "<style" not in body and "<h1" not in body
        assert "[" not in body
        shown = html.unescape(re.sub(r"<[^>]+>", "", body))
        for typed in ('[gallery ids="1,2"]', "[embed]", "[video]"):
            assert typed in shown
        assert "Amélie Roux" in shown and "Lire l’interview" in shown
        assert result.stderr == ""  # its links are the published site's (base_url)


def test_a_roundups_chart_pasted_into_a_blog_carries_its_own_style(
    invoke: Invoke, example_series: Path
) -> None:
    """The page's style sheet does not go into a fragment: the bars are drawn by their
    own style (properties WordPress keeps in a post), or they would not show at all."""
    result = invoke("compare", "twitter", "-q", "followers", "--wordpress")
    assert result.exit_code == 0, result
    bars = re.findall(r'<span class="bar" style="([^"]+)"', result.stdout)
    assert len(bars) == 3
    assert all("float:left" in bar and "height:1.1em" in bar for bar in bars)
    assert "color-mix" not in result.stdout  # WordPress drops a style with parentheses
    html5lib.HTMLParser(strict=True).parseFragment(result.stdout.split("\n", 1)[1])


@pytest.mark.parametrize(
    "args",
    [
        ["--fragment", "--format", "md"],
        ["--wordpress", "-f", "md"],
        ["--fragment", "-o", "roundup.md"],
    ],
)
def test_a_roundup_fragment_is_html_only(
    invoke: Invoke, example_series: Path, tmp_path: Path, args: list[str]
) -> None:
    result = invoke("compare", "twitter", "-q", "followers", *args)
    assert result.exit_code == 2, result
    typed = args[0]
    assert result.stderr == f"error: {typed} is for HTML\nhint: use --format html\n"
    assert not (tmp_path / "roundup.md").exists()


def test_a_roundup_fragment_without_base_url_says_its_links_lead_nowhere(
    invoke: Invoke, example_series: Path
) -> None:
    (example_series / "jeudis.toml").write_text('blog = "Le carnet"\n', encoding="utf-8")
    result = invoke("compare", "twitter", "-q", "followers", "--wordpress")
    assert result.exit_code == 0, result
    assert 'href="amelie-roux.html"' in result.stdout
    assert result.stderr.startswith("warning: the roundup links each interview as SLUG.html")
    assert "set base_url in jeudis.toml" in result.stderr
    assert invoke("compare", "twitter", "-q", "followers", "-f", "html").stderr == ""


def test_a_guests_name_in_the_chart_is_set_as_above_their_answer(
    invoke: Invoke, example_series: Path
) -> None:
    """The chart's row and the answer's heading name the guest alike ("d’Ormesson"):
    the row wrote the name as typed."""
    interview = example_series / "interviews" / "amelie-roux.toml"
    text = interview.read_text(encoding="utf-8")
    interview.write_text(
        text.replace('guest = "Amélie Roux"', 'guest = "Jean d\'Ormesson"'), encoding="utf-8"
    )
    _, page = roundup_html(invoke, example_series)
    assert '<th scope="row">Jean d’Ormesson</th>' in page
    assert ">Jean d’Ormesson</a></h2>" in page


def test_text_question_has_no_chart(invoke: Invoke, example_series: Path) -> None:
    result = invoke("compare", "twitter", "-q", "avenir", "--format", "html")
    assert result.exit_code == 0, result
    assert 'class="chart"' not in result.stdout
    assert "<h2><a href=" in result.stdout


@pytest.mark.browser
def test_html_roundup_in_headless_chromium(invoke: Invoke, example_series: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required under CI")
        pytest.skip("Debian's chromium is not installed")
    path, _ = roundup_html(invoke, example_series)
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                f"--user-data-dir={profile}", "--dump-dom", path.as_uri(),
            ],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    dom = result.stdout
    assert 'class="chart"' in dom and "Claire Fontaine" in dom
    assert "Combien avez-vous de followers" in dom


def test_a_roundup_is_written_again_unless_touched_up_by_hand(
    invoke: Invoke, example_series: Path
) -> None:
    out = example_series / "roundup.md"
    command = ("compare", "twitter", "-q", "conseils", "--format", "md", "-o", str(out))
    assert invoke(*command).exit_code == 0
    assert invoke(*command).exit_code == 0  # new interviews since: the roundup follows
    out.write_text(out.read_text(encoding="utf-8") + "\nMerci à tous !\n", encoding="utf-8")

    refused = invoke(*command)

    assert refused.exit_code == 1
    assert f"error: {out}: changed by hand since jeudis wrote it" in refused.stderr
    assert out.read_text(encoding="utf-8").endswith("Merci à tous !\n")


def test_a_roundup_never_takes_the_place_of_an_interviews_post(
    invoke: Invoke, example_series: Path, tmp_path: Path
) -> None:
    """A guest's file named as the roundup (twitter-followers): the roundup written into
    the folder of their page, which `export -o` recorded as jeudis's, replaced it without
    a word; into the folder `export --all` wrote, it said "already there" and to move
    the page away. A Markdown roundup gave the generator the post's address."""
    interviews = example_series / "interviews"
    shutil.copy(interviews / "amelie-roux.toml", interviews / "twitter-followers.toml")
    site, single = tmp_path / "site", tmp_path / "single"
    assert invoke("export", "--all", "-o", site).exit_code == 0
    page = single / "twitter-followers.html"
    assert invoke("export", "twitter-followers", "-o", page).exit_code == 0
    compare = ("compare", "twitter", "-q", "followers")
    for folder in (single, site):
        before = (folder / page.name).read_bytes()
        for output in (f"{folder}{os.sep}", folder / page.name):
            refused = invoke(*compare, "-f", "html", "-o", output)
            assert refused.exit_code == 1, refused
            assert refused.stderr == (
                f"error: {folder / page.name}: interviews/twitter-followers.toml's page has that"
                " name; nothing written\nhint: write the roundup under another name"
                f" (-o {folder / 'twitter-followers'}-roundup.html, say)\n"
            )
            assert (folder / page.name).read_bytes() == before
    assert invoke(*compare, "-f", "html", "-o", single / "roundup.html").exit_code == 0
    hint = (
        "hint: rename interviews/twitter-followers.toml (twitter-followers-2.toml, say): a"
        " roundup's slug is made of its questionnaire's and its question's ids\n"
    )
    for output in (f"{tmp_path / 'hugo'}{os.sep}", "-"):
        refused = invoke(*compare, "--flavor", "hugo", "-o", output)
        assert refused.exit_code == 1, refused
        written = "" if output == "-" else f"{tmp_path / 'hugo' / 'twitter-followers.md'}: "
        assert refused.stderr == (
            f"error: {written}the roundup's slug, twitter-followers, is the address of"
            " interviews/twitter-followers.toml's post; nothing written\n" + hint
        )
        assert refused.stdout == ""
    assert not (tmp_path / "hugo").exists()


def test_an_interviews_post_never_takes_the_place_of_a_roundup(
    invoke: Invoke, example_series: Path, tmp_path: Path
) -> None:
    """`export SLUG -o` over the roundup `compare -o` wrote there replaced it without a
    word, both files being jeudis's; the roundup is written again over itself, and
    --overwrite lets the post through."""
    folder = tmp_path / "site2"
    roundup = folder / "twitter-followers.html"
    compare = ("compare", "twitter", "-q", "followers", "-f", "html", "-o", f"{folder}{os.sep}")
    assert invoke(*compare).exit_code == 0
    before = roundup.read_bytes()

    refused = invoke("export", "amelie-roux", "-o", roundup)

    assert refused.exit_code == 1, refused
    assert refused.stderr == (
        f"error: {roundup}: a roundup jeudis wrote (jeudis compare); not written over\n"
        "hint: pass --overwrite to replace it, or write elsewhere with -o\n"
    )
    assert roundup.read_bytes() == before
    assert invoke(*compare).exit_code == 0
    assert invoke("export", "amelie-roux", "-o", roundup, "--overwrite").exit_code == 0
    assert "Amélie Roux" in roundup.read_text(encoding="utf-8")
    assert invoke("export", "amelie-roux", "-o", roundup).exit_code == 0  # the post's now


def test_export_all_never_writes_through_a_link_to_a_roundup(
    invoke: Invoke, example_series: Path, tmp_path: Path
) -> None:
    """A page's place in the site folder a link to a roundup `compare -o` wrote
    elsewhere, under another name: refused as the roundup is, which is left whole."""
    roundup = tmp_path / "followers.html"
    compare = ("compare", "twitter", "-q", "followers", "-f", "html", "-o", roundup)
    assert invoke(*compare).exit_code == 0
    before = roundup.read_bytes()
    site = tmp_path / "site"
    site.mkdir()
    (site / "amelie-roux.html").symlink_to(roundup)

    refused = invoke("export", "--all", "-o", site)

    assert refused.exit_code == 1, refused
    assert refused.stderr.startswith(
        f"error: {site / 'amelie-roux.html'}: a roundup jeudis wrote (jeudis compare);"
        " nothing written\n"
    ), refused
    assert roundup.read_bytes() == before


@pytest.mark.parametrize("older", [False, True])
def test_export_all_never_writes_an_interviews_page_over_a_roundup(
    invoke: Invoke, example_series: Path, tmp_path: Path, older: bool
) -> None:
    """`export --all` took every file `compare -o` wrote into its folder for its own: the
    page of a guest's file made since, named as the roundup (twitter-followers), replaced
    it without a word. Refused, the roundup recorded as one or by an older jeudis as any
    file; --overwrite lets the page through, which the next export finds its own."""
    site = tmp_path / "site"
    assert invoke("export", "--all", "-o", site).exit_code == 0
    roundup = site / "twitter-followers.html"
    compare = ("compare", "twitter", "-q", "followers", "-f", "html", "-o", f"{site}{os.sep}")
    assert invoke(*compare).exit_code == 0
    if older:
        record = example_series / ".jeudis-cache" / "exports.json"
        data = json.loads(record.read_text(encoding="utf-8"))
        del data["roundups"]
        record.write_text(json.dumps(data), encoding="utf-8")
    assert invoke("export", "--all", "-o", site).exit_code == 0  # no page of that name
    before = roundup.read_bytes()
    interviews = example_series / "interviews"
    shutil.copy(interviews / "amelie-roux.toml", interviews / "twitter-followers.toml")
    index = (site / "index.html").read_bytes()

    refused = invoke("export", "--all", "-o", site)

    assert refused.exit_code == 1, refused
    assert refused.stderr == (
        f"error: {roundup}: a roundup jeudis wrote (jeudis compare); nothing written\n"
        "hint: move it away (to twitter-followers-roundup.html, say) or export elsewhere;"
        " --overwrite replaces it\n"
    )
    assert roundup.read_bytes() == before
    assert (site / "index.html").read_bytes() == index
    assert invoke("export", "--all", "-o", site, "--overwrite").exit_code == 0
    assert 'class="jeudis-post' in roundup.read_text(encoding="utf-8")
    guest = interviews / "twitter-followers.toml"
    guest.write_text(
        guest.read_text(encoding="utf-8").replace('guest = "Amélie Roux"', 'guest = "Anne Roux"'),
        encoding="utf-8",
    )
    again = invoke("export", "--all", "-o", site)  # the roundup's record: not what is there
    assert again.exit_code == 0, again
    assert "Anne Roux" in roundup.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options",
    [
        ("-f", "html"),
        ("--fragment",),
        ("--wordpress",),
        ("-f", "md"),
        *(("--flavor", name) for name in FLAVORS),
    ],
)
def test_a_roundup_an_older_jeudis_recorded_as_a_plain_file_reads_as_one(
    invoke: Invoke, example_series: Path, tmp_path: Path, options: tuple[str, ...]
) -> None:
    """Before the record of written files said which are roundups, `compare -o` recorded
    its roundup as any file, which `export SLUG -o` replaced without a word: a roundup
    reads as one; an interview's post, written so with the same options, does not."""
    suffix = ".md" if "--flavor" in options or "md" in options else ".html"
    roundup, post = tmp_path / f"roundup{suffix}", tmp_path / f"post{suffix}"
    assert invoke("compare", "twitter", "-q", "followers", *options, "-o", roundup).exit_code == 0
    record = example_series / ".jeudis-cache" / "exports.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    assert str(roundup.resolve()) in data.pop("roundups")
    record.write_text(json.dumps(data), encoding="utf-8")  # as an older jeudis left it
    before = roundup.read_bytes()

    refused = invoke("export", "amelie-roux", *options, "-o", roundup)

    assert refused.exit_code == 1, refused
    assert refused.stderr == (
        f"error: {roundup}: a roundup jeudis wrote (jeudis compare); not written over\n"
        "hint: pass --overwrite to replace it, or write elsewhere with -o\n"
    )
    assert roundup.read_bytes() == before
    for _ in range(2):
        assert invoke("export", "amelie-roux", *options, "-o", post).exit_code == 0


@pytest.mark.parametrize(
    ("text", "roundup"),
    [
        # The first roundups in Markdown: no front matter, the title a heading.
        ("# Combien ?\n\n## [Amélie Roux](amelie-roux.html)\n\n2 980\n", True),
        # A Pelican post's metadata: the guest's tag beside the questionnaire's.
        ("Title: T\nTags: Amélie Roux, twitter\n\n## [A](https://a.example)\n", False),
        ("Title: T\nTags: twitter\n\n## [Amélie Roux]({filename}/amelie-roux.md)\n", True),
        # A post without numbered questions, whose guest wrote a heading of a link.
        (
            '---\ntags: ["Amélie Roux", "twitter"]\n---\n\n**Q ?**\n\n## [A](https://a.example)\n',
            False,
        ),
        ('---\ntags: ["Roux, \\"A\\"", "twitter"]\n---\n\n## [A](https://a.example)\n', False),
        ('+++\ntags = ["twitter"]\n+++\n\n## 1. Q ?\n\n## [A](https://a.example)\n', False),
        # An answer sheet: its questions' headings.
        (
            "<!-- jeudis-sheet questionnaire=twitter -->\n\n# Interview\n\n## Q1 [followers]\n",
            False,
        ),
        ('<article lang="fr" class="jeudis-post style-numbered">roundup</article>', False),
        ("<p>&lt;article class=&quot;roundup&quot;&gt;</p>", False),
    ],
)
def test_a_roundup_is_told_from_jeudiss_other_files_by_its_text(text: str, roundup: bool) -> None:
    assert reads_as_roundup(text.encode("utf-8")) is roundup


@pytest.mark.parametrize(
    ("value", "number"),
    [
        (9200, 9200.0),
        ("9 200", 9200.0),
        ("9\u202f200", 9200.0),
        ("Presque 8 000. Principalement des utilisateurs français.", 8000.0),
        ("1,5 million, dit-on", 1.5),
        ("Au 30 mars 2011 : 8 572", None),  # which one? no chart rather than a wrong one
        ("beaucoup", None),
        ("1" * 400 + " abonnés", None),  # no number a chart can draw
        (True, None),
        (["9 200"], None),
    ],
)
def test_an_answer_counts_in_a_chart_when_it_holds_one_number(
    value: object, number: float | None
) -> None:
    entry = Entry(guest="G", slug="g", date=dt.date(2011, 3, 10), asked="?", value=value, text="")
    assert entry.number == number


def test_a_question_answered_with_a_date_beside_the_number_has_no_chart(
    invoke: Invoke, example_series: Path
) -> None:
    interview = example_series / "interviews" / "amelie-roux.toml"
    text = interview.read_text(encoding="utf-8")
    interview.write_text(
        text.replace('answer = "2 980"', 'answer = "Au 24 mars 2011 : 2 980"'), encoding="utf-8"
    )
    result = invoke("compare", "twitter", "-q", "followers", "--format", "html")
    assert result.exit_code == 0, result
    assert 'class="chart"' not in result.stdout
    assert "Au 24 mars 2011" in result.stdout


def test_a_roundup_is_never_written_over_the_series_own_files(
    invoke: Invoke, example_series: Path
) -> None:
    questionnaire = example_series / "questionnaires" / "twitter.toml"
    before = questionnaire.read_bytes()
    result = invoke(
        "compare", "twitter", "-q", "followers", "--format", "html", "-o", questionnaire
    )
    assert result.exit_code == 2, result
    assert "among the series' own files" in result.stderr
    assert questionnaire.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "start"), [("c.html", "<!DOCTYPE html>"), ("c.md", '---\ntitle: "Combien')]
)
def test_a_roundup_takes_its_format_from_the_files_suffix(
    invoke: Invoke, example_series: Path, tmp_path: Path, name: str, start: str
) -> None:
    result = invoke("compare", "twitter", "-q", "followers", "-o", tmp_path / name)
    assert result.exit_code == 0, result
    assert result.stdout == ""
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_a_roundup_file_of_no_known_suffix_needs_its_format(
    invoke: Invoke, example_series: Path, tmp_path: Path
) -> None:
    result = invoke("compare", "twitter", "-q", "followers", "-o", tmp_path / "c.txt")
    assert result.exit_code == 2, result
    assert result.stderr.startswith("error: ") and "--format" in result.stderr
    assert not (tmp_path / "c.txt").exists()


FOLLOWERS_EN = """id = "reach"
title = "Five questions for {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "followers"
type = "text"
text = "How many followers?"

[[questions]]
id = "blog"
type = "yesno"
text = "A blog?"
"""


def test_an_english_roundup_reads_numbers_and_yes_no_in_english(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """ "9,200" is 9200 in English (it was read as 9.2, and the chart drawn from it);
    a yes/no answer read "Oui" in an English roundup."""
    (series / "questionnaires" / "reach.toml").write_text(FOLLOWERS_EN, encoding="utf-8")
    for guest, followers, blog in (("Ann Lee", "About 9,200.", "true"), ("Bo Ng", "1,500", "no")):
        data = tmp_path / f"{guest}.toml"
        data.write_text(
            f'[answers]\nfollowers = "{followers}"\nblog = "{blog}"\n', encoding="utf-8"
        )
        made = invoke("new", "reach", "--guest", guest, "--data-file", str(data))
        assert made.exit_code == 0, made

    chart = invoke("compare", "reach", "-q", "followers", env={"COLUMNS": "100"})
    assert chart.exit_code == 0, chart
    assert re.search(r"Ann Lee +█{40} +9,200 *\n", chart.stdout), chart.stdout
    assert re.search(r"Bo Ng +█{6,7} +1,500 *\n", chart.stdout), chart.stdout
    post = invoke("compare", "reach", "-q", "blog", "--format", "md").stdout
    assert "Yes" in post and "No" in post and "Oui" not in post


SINCE = """id = "since"
title = "{guest}"
language = "LANG"
registers = ["vous"]

[[questions]]
id = "blog"
type = "date"
text = "Since when?"
"""


@pytest.mark.parametrize(("language", "shown"), [("fr", "1er mai 2009"), ("en", "May 1, 2009")])
def test_a_date_answer_reads_in_a_roundup_as_in_the_interview_post(
    invoke: Invoke, series: Path, tmp_path: Path, language: str, shown: str
) -> None:
    """The roundup showed the date as stored ("2009-05-01") where the post reads it in words."""
    form = SINCE.replace("LANG", language)
    (series / "questionnaires" / "since.toml").write_text(form, encoding="utf-8")
    data = tmp_path / "answers.toml"
    data.write_text('[answers]\nblog = "2009-05-01"\n', encoding="utf-8")
    made = invoke("new", "since", "--guest", "Ann Lee", "--data-file", str(data))
    assert made.exit_code == 0, made
    assert shown in invoke("export", "ann-lee", "--format", "md").stdout

    for fmt in ("md", "html"):
        roundup = invoke("compare", "since", "-q", "blog", "--format", fmt)
        assert roundup.exit_code == 0, roundup
        assert shown in roundup.stdout and "2009-05-01" not in roundup.stdout
    terminal = invoke("compare", "since", "-q", "blog", env={"COLUMNS": "100"})
    assert shown in terminal.stdout, terminal.stdout


def test_the_terminal_shows_an_answer_as_written_not_as_markdown(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """A German date, "1. Mai 2009", read "1\\. Mai 2009" in the terminal: the post's
    Markdown, escaped so as not to open a list. The Markdown roundup keeps the escape."""
    form = SINCE.replace("LANG", "de")
    (series / "questionnaires" / "since.toml").write_text(form, encoding="utf-8")
    data = tmp_path / "answers.toml"
    data.write_text('[answers]\nblog = "1. Mai 2009"\n', encoding="utf-8")
    made = invoke("new", "since", "--guest", "Ann Lee", "--data-file", str(data))
    assert made.exit_code == 0, made

    terminal = invoke("compare", "since", "-q", "blog", env={"COLUMNS": "100"})
    assert re.search(r"│ 1\. Mai 2009 +│", terminal.stdout), terminal.stdout
    assert "\\" not in terminal.stdout
    post = invoke("compare", "since", "-q", "blog", "--format", "md").stdout
    assert "\n1\\. Mai 2009\n" in post


def test_an_answer_with_a_carriage_return_breaks_the_line_in_a_roundup_as_in_the_post(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """A lone CR (a data file's, an old Mac's) was left raw in a roundup, Markdown or HTML
    (a terminal showing it wrote "trois" over the line); the post makes it a line break."""
    form = SINCE.replace("LANG", "fr").replace('type = "date"', 'type = "long"')
    (series / "questionnaires" / "since.toml").write_text(form, encoding="utf-8")
    data = tmp_path / "answers.toml"
    data.write_text('[answers]\nblog = "Depuis 2009, fin\\rtrois ans après"\n', encoding="utf-8")
    made = invoke("new", "since", "--guest", "Ann Lee", "--data-file", str(data))
    assert made.exit_code == 0, made
    assert "fin\ntrois" in invoke("export", "ann-lee", "--format", "md").stdout

    for fmt in ("md", "html"):
        roundup = invoke("compare", "since", "-q", "blog", "--format", fmt)
        assert roundup.exit_code == 0, roundup
        assert "fin\ntrois" in roundup.stdout and "\r" not in roundup.stdout


BOOKS = """
id = "books"
title = "Books: {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "read"
type = "yesno"
text = "Have you read {host}'s latest book?"
"""


@pytest.mark.parametrize("named_in", ["jeudis.toml", "--host"])
def test_a_roundups_question_names_the_host(invoke: Invoke, series: Path, named_in: str) -> None:
    """It read "Have you read 's latest book?": the heading was worded with no host."""
    (series / "questionnaires" / "books.toml").write_text(BOOKS, encoding="utf-8")
    (series / "answers.toml").write_text("[answers]\nread = true\n", encoding="utf-8")
    host = ["--host", "Alex Smith"]
    if named_in == "jeudis.toml":
        (series / "jeudis.toml").write_text('host = "Alex Smith"\n', encoding="utf-8")
        host = []
    for guest in ("Ann Lee", "Bo Chen"):
        args = ("new", "books", "--guest", guest, "--data-file", str(series / "answers.toml"))
        assert invoke(*args, *host).exit_code == 0
    result = invoke("compare", "books", "-q", "read")
    assert result.exit_code == 0, result
    assert result.stdout.startswith("Have you read Alex Smith's latest book?\n2 guests answer\n")
    result = invoke("compare", "books", "-q", "read", "--format", "md")
    assert "Have you read Alex Smith’s latest book?" in result.stdout  # typography, in a post
    assert "read 's" not in result.stdout


def test_a_roundup_page_says_its_question_once(invoke: Invoke, example_series: Path) -> None:
    """The default title holds the question: the page said it again under it."""
    asked = "Combien avez-vous de followers\u202f?"
    _, page = roundup_html(invoke, example_series)
    assert f'<h1>{asked}</h1>\n<p class="subtitle">3 invités répondent</p>' in page
    assert '<p class="intro">' not in page
    titled = invoke("compare", "twitter", "-q", "followers", "-f", "html", "--title", "Abonnés")
    assert f'<p class="intro">{asked}</p>' in titled.stdout  # the title does not say it
    fragment = invoke("compare", "twitter", "-q", "followers", "--fragment").stdout
    assert f'<p class="intro">{asked}</p>' in fragment  # the blog's own title is the post's


@pytest.mark.parametrize("kind", ["--fragment", "--wordpress"])
def test_a_roundup_fragment_says_how_many_answer(
    invoke: Invoke, example_series: Path, kind: str
) -> None:
    """The page says it under its title; the fragment, under the blog's title, said only
    the question. A paragraph, which WordPress keeps (tests/test_wordpress.py)."""
    asked = "Combien avez-vous de followers\u202f?"
    result = invoke("compare", "twitter", "-q", "followers", kind)
    assert result.exit_code == 0, result
    said = f'<p class="intro">{asked}</p>\n<p class="subtitle">3 invités répondent</p>\n'
    assert said in result.stdout
    titled = invoke("compare", "twitter", "-q", "followers", kind, "--title", "Abonnés")
    assert 'class="subtitle"' not in titled.stdout  # as on the page: the title is the host's
