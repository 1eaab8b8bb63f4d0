"""The recent interviews of a long series: ``list`` and ``compare`` with ``--since``,
``--until`` and ``-n``/``--limit``, as ``git log`` takes them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from export_helpers import make_interview
from jeudis.errors import ExitCode
from support import Invoke

# The series: five complete interviews of livre, a draft after them.
GUESTS = (
    ("anne", "Anne Alpha", "2011-01-06"),
    ("bruno", "Bruno Beta", "2011-02-03"),
    ("chloe", "Chloé Gamma", "2011-03-03"),
    ("david", "David Delta", "2011-03-10"),
    ("emma", "Emma Epsilon", "2011-04-07"),
)


@pytest.fixture(autouse=True)
def dated(series: Path) -> Path:
    for slug, guest, date in GUESTS:
        make_interview(
            series,
            slug,
            guest=guest,
            date=dt.date.fromisoformat(date),
            answers=[("motivation", "Qu’est-ce qui t’a motivé ?", f"La réponse de {guest}.")],
        )
    make_interview(series, "fanny", guest="Fanny Zeta", date=dt.date(2011, 5, 5), status="draft")
    return series


def slugs(listed: str) -> list[str]:
    """The interviews a listing shows, in its order (its header and last line aside)."""
    return [line.split()[0] for line in listed.splitlines()[1:] if not line.startswith("…")]


def listed_json(invoke: Invoke, *options: str) -> list[str]:
    result = invoke("list", "--json", *options)
    assert result.exit_code == 0, result
    return [row["slug"] for row in json.loads(result.stdout)]


# -- list ---------------------------------------------------------------------------------


def test_list_n_shows_the_newest_and_says_how_many_older_are_left_out(invoke: Invoke) -> None:
    result = invoke("list", "-n", "2")

    assert result.exit_code == 0, result
    assert slugs(result.stdout) == ["fanny", "emma"]
    assert result.stdout.splitlines()[-1] == "… and 4 older (`-n 0` lists them all)"
    assert listed_json(invoke, "--limit", "2") == ["fanny", "emma"]  # no such line in JSON


def test_list_n_0_and_a_limit_above_the_count_list_them_all(invoke: Invoke) -> None:
    every = invoke("list").stdout

    assert slugs(every) == ["fanny", "emma", "david", "chloe", "bruno", "anne"]
    assert invoke("list", "-n", "0").stdout == every
    assert invoke("list", "-n", "6").stdout == every  # nothing left out: no line said
    assert "older" not in every


def test_list_limit_counts_after_the_other_filters(invoke: Invoke) -> None:
    result = invoke("list", "--status", "complete", "-q", "livre", "-n", "3")

    assert slugs(result.stdout) == ["emma", "david", "chloe"]
    assert result.stdout.splitlines()[-1] == "… and 2 older (`-n 0` lists them all)"


@pytest.mark.parametrize(
    ("since", "until"),
    [("2011-02-03", "2011-03-10"), ("3 février 2011", "jeudi 10 mars 2011"), ("3/2/2011", None)],
)
def test_list_since_and_until_include_both_days(
    invoke: Invoke, since: str, until: str | None
) -> None:
    """A date as ``compare --date`` and ``new --date`` take one: YYYY-MM-DD or written
    out in the series' language (French here)."""
    options = ["--since", since, *(["--until", until] if until else [])]
    result = invoke("list", *options)

    assert result.exit_code == 0, result
    expected = (
        ["david", "chloe", "bruno"] if until else ["fanny", "emma", "david", "chloe", "bruno"]
    )
    assert slugs(result.stdout) == expected
    assert "older" not in result.stdout  # left out by their date: no limit cut them
    assert listed_json(invoke, *options) == expected


def test_list_until_alone_and_with_a_limit(invoke: Invoke) -> None:
    assert listed_json(invoke, "--until", "2011-03-03") == ["chloe", "bruno", "anne"]
    limited = invoke("list", "--until", "2011-03-03", "-n", "1")
    assert slugs(limited.stdout) == ["chloe"]
    assert limited.stdout.splitlines()[-1] == "… and 2 older (`-n 0` lists them all)"
    assert listed_json(invoke, "--until", "2011-03-03", "-n", "1") == ["chloe"]


@pytest.mark.parametrize(
    "options", [["-n", "2"], ["--since", "2011-04-01"], ["--until", "2011-03-01"]]
)
def test_a_file_that_does_not_read_is_listed_whatever_the_dates_or_the_limit(
    invoke: Invoke, series: Path, options: list[str]
) -> None:
    """It has no date: sorted last, -n cut it and counted it among the older ones, and a
    span left it out, so a host who lists the recent ones never saw it, nor why."""
    (series / "interviews" / "oops.toml").write_text('id = "x"\nguest = \n', encoding="utf-8")

    result = invoke("list", *options)

    assert result.exit_code == 0, result
    assert "oops" in slugs(result.stdout)
    assert any(line.startswith("oops: oops.toml:2") for line in result.stdout.splitlines())
    assert "oops" in listed_json(invoke, *options)
    if options[0] == "-n":
        assert result.stdout.splitlines()[-1] == "… and 4 older (`-n 0` lists them all)"


def test_list_with_no_interview_in_the_dates_says_so(invoke: Invoke) -> None:
    result = invoke("list", "--since", "2012-01-01")

    assert result.exit_code == 0, result
    assert result.stdout == "No interview matches (6 in all: `jeudis list` shows them).\n"
    assert listed_json(invoke, "--since", "2012-01-01") == []


@pytest.mark.parametrize(
    ("options", "error", "hint"),
    [
        (
            ["--since", "2011-02-30"],
            "--since '2011-02-30' is not a date",
            "use YYYY-MM-DD, or write it out: 7 avril 2011",
        ),
        (
            ["--until", "mardi 10 mars 2011"],
            "--until 'mardi 10 mars 2011': March 10, 2011 was a Thursday",
            "correct the day, or leave the day of the week out",
        ),
        (
            ["--since", "2011-03-10", "--until", "2011-03-03"],
            "--since 2011-03-10 is after --until 2011-03-03",
            "the interviews dated from --since to --until, both days included",
        ),
        (["-n", "-1"], "--limit -1: give how many, or 0 for all", "-n 20: the 20 newest"),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["compare", "livre", "1"]])
def test_a_bad_date_or_limit_is_a_usage_error(
    invoke: Invoke, command: list[str], options: list[str], error: str, hint: str
) -> None:
    result = invoke(*command, *options)

    assert result.exit_code == ExitCode.USAGE, result
    assert result.stdout == ""
    assert result.stderr == f"error: {error}\nhint: {hint}\n"


# -- compare ------------------------------------------------------------------------------


def guests_shown(out: str) -> list[str]:
    """The guests a side-by-side view or a roundup post shows, in its order."""
    found = [(out.find(guest), guest) for _, guest, _ in GUESTS if guest in out]
    return [guest for _, guest in sorted(found)]


def test_compare_n_shows_the_most_recent_guests_oldest_first(invoke: Invoke) -> None:
    result = invoke("compare", "livre", "motivation", "-n", "2")

    assert result.exit_code == 0, result
    assert "\n2 invités répondent\n" in result.stdout and "5 invités" not in result.stdout
    assert guests_shown(result.stdout) == ["David Delta", "Emma Epsilon"]
    every = invoke("compare", "livre", "motivation", "-n", "0").stdout
    assert every == invoke("compare", "livre", "motivation").stdout
    assert guests_shown(every) == [guest for _, guest, _ in GUESTS]


def test_compare_since_and_until_include_both_days(invoke: Invoke) -> None:
    result = invoke(
        "compare", "livre", "motivation", "--since", "3 février 2011", "--until", "2011-03-10"
    )

    assert result.exit_code == 0, result
    assert "\n3 invités répondent\n" in result.stdout
    assert guests_shown(result.stdout) == ["Bruno Beta", "Chloé Gamma", "David Delta"]
    one = invoke("compare", "livre", "motivation", "--since", "2011-02-01", "-n", "1")
    assert guests_shown(one.stdout) == ["Emma Epsilon"]


def test_compare_of_no_guest_in_the_dates_says_it_as_french_says_zero(invoke: Invoke) -> None:
    """ "0 invités répondent": French counts zero in the singular, "0 invité répond"."""
    result = invoke("compare", "livre", "motivation", "--since", "1er janvier 2024")

    assert result.exit_code == 0, result
    assert "\n0 invité répond\n" in result.stdout


@pytest.mark.parametrize(
    ("language", "said"),
    [("fr", "0 invité répond"), ("fr-CA", "0 invité répond"), ("pt-BR", "0 convidado responde"),
     ("pt-PT", "0 convidados respondem"), ("en", "0 guests answer")],
)  # fmt: skip
def test_zero_guests_agree_as_each_language_counts_zero(language: str, said: str) -> None:
    """CLDR: French and Brazil's Portuguese count zero as one, Portugal's as many."""
    from jeudis.roundup import answered

    assert answered(0, language) == said


def test_compare_n_counts_the_guests_who_answer(invoke: Invoke, series: Path) -> None:
    """The 2 most recent guests: an interview answering something else is not one."""
    make_interview(
        series,
        "gilles",
        guest="Gilles Eta",
        date=dt.date(2011, 4, 14),
        answers=[("definition", "C’est quoi ?", "Rien.")],
    )
    result = invoke("compare", "livre", "motivation", "-n", "2")

    assert "\n2 invités répondent\n" in result.stdout
    assert guests_shown(result.stdout) == ["David Delta", "Emma Epsilon"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_roundup_post_of_the_recent_guests_counts_them(invoke: Invoke, fmt: str) -> None:
    result = invoke("compare", "livre", "motivation", "-f", fmt, "-n", "3", "--until", "2011-04-01")

    assert result.exit_code == 0, result
    assert "3 invités répondent" in result.stdout and "5 invités" not in result.stdout
    assert guests_shown(result.stdout) == ["Bruno Beta", "Chloé Gamma", "David Delta"]
    assert "anne.html" not in result.stdout and "emma.html" not in result.stdout


def test_a_roundups_recent_guests_are_those_out_by_its_date(invoke: Invoke, series: Path) -> None:
    """-n 2 of a post: the 2 latest published, a guest still to come said aside."""
    later = dt.date.today() + dt.timedelta(days=7)
    make_interview(
        series,
        "zoe",
        guest="Zoé Theta",
        date=later,
        answers=[("motivation", "Qu’est-ce qui t’a motivé ?", "Demain.")],
    )
    result = invoke("compare", "livre", "motivation", "-f", "md", "-n", "2")

    assert result.exit_code == 0, result
    assert guests_shown(result.stdout) == ["David Delta", "Emma Epsilon"]
    assert "Zoé Theta" not in result.stdout and "2 invités répondent" in result.stdout
    assert f"note: zoe: dated {later.isoformat()}, left out until that day" in result.stderr


def test_a_roundup_of_no_guest_in_the_dates_says_which_dates(invoke: Invoke) -> None:
    result = invoke("compare", "livre", "motivation", "-f", "md", "--since", "2011-06-01")

    assert result.exit_code == ExitCode.NOT_FOUND, result
    assert result.stderr.startswith(
        "error: no interview dated 2011-06-01 or after out yet answers livre [motivation]\n"
    )


def test_compare_every_question_takes_the_recent_guests_too(invoke: Invoke, series: Path) -> None:
    (series / "questionnaires" / "twitter.toml").unlink()  # livre's alone, one question
    result = invoke("compare", "livre", "-n", "1")

    assert result.exit_code == 0, result
    assert "\n1 invité répond\n" in result.stdout
    assert guests_shown(result.stdout) == ["Emma Epsilon"]


@pytest.mark.pty
def test_on_a_terminal_the_line_of_those_left_out_is_dim(series: Path) -> None:
    import os
    import sys

    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    child = pexpect.spawn(
        str(Path(sys.executable).parent / "jeudis"), ["list", "-n", "1"], env={**env, "TERM": "xterm"},
        dimensions=(40, 100), encoding="utf-8", timeout=15,
    )  # fmt: skip
    out = child.read()
    child.close()

    assert child.exitstatus == 0, out
    assert out.replace("\r\n", "\n").endswith(
        "\x1b[2m… and 5 older (`-n 0` lists them all)\x1b[0m\n"
    )
