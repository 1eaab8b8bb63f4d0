"""Patterns that can take forever on some answers are refused; usual ones are not.

Each refused pattern here takes seconds, then hours, on some answer of a few dozen
characters (an "aaaa...a#" not matching), each letter more doubling the time: shown by
hand, not here, where no test is timed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jeudis.backtracking import RISKS, backtracking_risk
from jeudis.errors import ExitCode, FileProblems
from jeudis.paths import BUNDLED_QUESTIONNAIRES
from jeudis.questionnaire import load_questionnaire
from support import REPO, Invoke, findings, write

DANGEROUS = {
    "(a+)+$": "nested",
    "(\\w+\\s?)*$": "nested",
    "^(\\d+)*x": "nested",
    "(x\\w+y)+": "nested",  # \w takes x and y: a round can run on into the next
    "(a?a)+b": "nested",
    "(a+){6}b": "nested",  # bounded, but six rounds of any length
    "([a-z]+ ?)+!": "nested",
    "((ab)+)+c": "nested",
    "(\\w+[.-]?)+@": "nested",
    "(?i)(A+a)+b": "nested",
    "([^x]+y?)+z": "nested",
    "(a*)*b": "empty",
    "(a?b?)*c": "empty",
    "(\\w*\\s?)+$": "empty",
    "(a|a)*b": "alternatives",
    "(\\w+|\\d+)+!": "alternatives",
    "(a|aa)+b": "alternatives",
    "(x(a|a)y)*z": "alternatives",
    "(.|\\n)*x": "alternatives",
    "(?:a+|b)*c": "nested",  # a+ takes a round and the next
    "(?:\\r?\\n|.)*x": "alternatives",
    # Two repetitions side by side in a round: each round splits in several ways.
    "(?:a+a+b)*!": "nested",
    "(?:\\w+\\s*\\w+,)*!": "nested",
    # The end of a round and the start of the next share the a's between the b's.
    "(?:a+ba+)*!": "nested",
    # Three repetitions side by side that can take the same characters: cubic, minutes
    # on a few thousand characters.
    "\\d*\\d*\\d*x": "adjacent",
    ".*.*.*=.*": "adjacent",
    "\\w+\\s*\\w*\\s*\\w*": "adjacent",
    "\\d*(?:\\d*)?\\d*x": "adjacent",
}

SAFE = [
    "^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$",  # an email
    "^@?\\w{1,15}$",
    "^https?://\\S+$",
    "^(\\+33|0)[1-9](\\s?\\d{2}){4}$",  # a French phone number
    "^\\d{5}$",  # a French postcode
    "^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$",  # a British one
    "^(19|20)\\d{2}$",  # a year
    "^\\d{4}$",
    "(\\.[\\w-]+)+$",
    "(\\w+\\s)*\\w+$",  # words between single spaces
    "(\\w+[.-])+\\w+$",
    "^[A-Z][a-z]+(-[A-Z][a-z]+)*$",
    "^\\d{2}(\\.\\d{2}){2}$",
    "(\\d{3}[- ]?)+$",
    "(\\w|\\d)+x",  # Python makes it one class, [\w\d]
    "(a+)++b",  # possessive: a round is never tried again
    "(?>a+)+b",  # atomic, as well
    "(?s).*[0-9].*",
    # A few rounds of a body with no unbounded repetition: a few ways in all, whatever
    # the answer's length.
    "(?:(?:[01]?\\d|2[0-3]):){1,2}[0-5]\\d",  # a time
    "(?:(?:0?[1-9]|1[0-2])/){2}\\d{4}",  # a date
    "(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)",  # IPv4
    "(?:(?:un|deux|trois) ?){1,3}",
    # Alternatives of several widths, each round told by its first character.
    '"(?:[^"\\\\]|\\\\.)*"',  # a string literal
    "(?:\\*\\*|[^*])*",
    "(\\w)\\1*",  # a back reference matches nothing only when its group can
    # A round that must take a character its repetition cannot: rounds split one way.
    "(a?ba)*",
    "(ab?)*",
    "(?:[^,]+, ){0,4}[^,]+",
    "([\\w ]+, )*[\\w ]+",
    # Two repetitions side by side: quadratic, a few seconds on 10,000 characters.
    "\\d*\\d*x",
    "[A-Za-z]+[ -]?[A-Za-z]*",
    # Repetitions apart by a character they can take: slow only on answers full of it.
    "\\S+@\\S+\\.\\S+",
    ".+@.+\\..+",
    # 1,548 ways at most: half a millisecond.
    "(\\+\\d{1,3}[ .-]?)?\\(?\\d{1,4}\\)?([ .-]?\\d{2,4}){2,4}",
    # Many rounds of a few alternatives: the count of ways is not worked out to the end.
    "(?:a|bc|de){300000000}",
]

# What hosts write: times, dates, e-mail addresses, addresses, handles, postcodes, phone
# numbers, names with accents, optional groups.
WRITTEN = [
    line
    for line in (Path(__file__).parent / "written_patterns.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("# ")
]


@pytest.mark.parametrize("pattern", list(DANGEROUS))
def test_a_pattern_that_can_take_forever_is_found(pattern: str) -> None:
    assert backtracking_risk(pattern, re.DOTALL) == DANGEROUS[pattern]


@pytest.mark.parametrize("pattern", SAFE)
def test_a_usual_pattern_is_not_refused(pattern: str, tmp_path: Path) -> None:
    load_questionnaire(questionnaire(tmp_path, pattern))


def test_the_patterns_hosts_write_are_found() -> None:
    assert len(WRITTEN) >= 60


@pytest.mark.parametrize("pattern", WRITTEN)
def test_a_pattern_hosts_write_is_not_refused(pattern: str) -> None:
    assert backtracking_risk(pattern, re.DOTALL) is None


def documented_patterns() -> list[str]:
    """Every pattern the docs and the bundled questionnaires write."""
    files = [*REPO.glob("docs/*.md"), REPO / "README.md", *BUNDLED_QUESTIONNAIRES.glob("*.toml")]
    found = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("validation = {") and "pattern" in line:
                found.append(tomllib.loads(line)["validation"]["pattern"])
    return found


def test_the_documented_patterns_are_found() -> None:
    assert len(documented_patterns()) >= 4


@pytest.mark.parametrize("pattern", documented_patterns())
def test_a_documented_pattern_is_not_refused(pattern: str, tmp_path: Path) -> None:
    load_questionnaire(questionnaire(tmp_path, pattern))


def test_the_bundled_questionnaires_load() -> None:
    for path in BUNDLED_QUESTIONNAIRES.glob("*.toml"):
        load_questionnaire(path)


def questionnaire(folder: Path, pattern: str) -> Path:
    return write(
        folder / "q.toml",
        'id = "q"\ntitle = "Q"\n\n[[questions]]\nid = "mots"\ntype = "text"\ntext = "Des mots ?"\n'
        f"validation = {{ pattern = '{pattern}', message = \"Des mots.\" }}\n",
    )


def test_a_pattern_that_can_take_forever_is_refused_with_its_line(tmp_path: Path) -> None:
    path = questionnaire(tmp_path, "(\\w+\\s?)*")

    with pytest.raises(FileProblems) as raised:
        load_questionnaire(path)

    [problem] = raised.value.problems
    assert (problem.line, problem.key) == (8, "questions[0].validation.pattern")
    assert "can take forever on some answers" in problem.reason
    assert problem.hint is not None and "write (a+)+ as a+" in problem.hint


@pytest.mark.parametrize(
    ("pattern", "reason", "hint"),
    [
        (
            "(\\w+\\s?)*$",
            "a repetition inside a repetition can take forever on some answers",
            (
                "hint: repeat once: write (a+)+ as a+, (\\w+\\s?)* as [\\w\\s]*; or end each"
                " round with a character the inner repetition cannot take, as in ([\\w-]+\\.)+"
            ),
        ),
        (
            "(a?b?)*c",
            "a repeated group that can match nothing can take forever on some answers",
            (
                "hint: make each round take at least one character: write (a?b?)* as [ab]*,"
                " (a*)+ as a*"
            ),
        ),
        (
            "(a|a)*b",
            (
                "repeated alternatives that can begin with the same character can take forever"
                " on some answers"
            ),
            (
                "hint: make the alternatives begin differently, or merge them:"
                " write (\\w+|\\d+)+ as \\w+, (a|aa)+ as a+, (.|\\n)* as .*"
            ),
        ),
        (
            "\\d*\\d*\\d*x",
            (
                "three repetitions side by side that can take the same characters take"
                " minutes on a long answer"
            ),
            (
                "hint: make them not overlap: put between them a character one cannot take,"
                " or merge them: write \\d*\\d*\\d*x as \\d*x, .*.*=.* as [^=]*=.*,"
                " \\w+\\s*\\w*\\s*\\w* as \\w+(\\s\\w+){0,2}"
            ),
        ),
    ],
    ids=["nested", "empty", "alternatives", "adjacent"],
)
def test_new_and_check_refuse_a_pattern_that_can_take_forever(
    series: Path, invoke: Invoke, pattern: str, reason: str, hint: str
) -> None:
    """The session waited for ever on the guest's answer, and `check` on an interview's;
    now both refuse the questionnaire, saying the pattern's line, why, and what to write
    instead."""
    path = questionnaire(series / "questionnaires", pattern)
    said = f"{path}:8: questions[0].validation.pattern: regular expression: {reason}"

    started = invoke("new", "q", "--guest", "Inès Martin")
    checked = invoke("check", path)

    assert started.exit_code == ExitCode.INVALID_FILE, started
    assert started.stderr == f"error: {said}\n{hint}\n"
    assert not list((series / "interviews").iterdir())
    assert checked.exit_code == ExitCode.CHECK_FAILED, checked
    assert findings(checked.stdout) == [
        said.replace(":8: ", ":8: error: ", 1),
        "1 error, 0 warnings",
    ]
    assert f"  {hint}" in checked.stdout.splitlines()


# Characters of several kinds: ASCII, accented, those whose case maps to several
# characters (ß is SS, İ is i̇, ﬁ is FI), or to an ASCII one (ſ, the Kelvin sign).
_CHARS = ["a", "b", "Z", "0", "9", " ", "-", "é", "ß", "İ", "ı", "ﬁ", "ſ", "\u212a", "Ж", "٣"]
_ESCAPES = ["\\d", "\\w", "\\s", "\\W", "\\.", "\\n", "\\\\", "\\*", "\\b", "^", "$", "."]


def _class() -> st.SearchStrategy[str]:
    char = st.sampled_from(_CHARS)
    item = st.one_of(
        char,
        st.tuples(char, char).map(lambda pair: "-".join(sorted(pair))),  # a range
        st.sampled_from(["\\d", "\\w", "\\s", "\\W", "\\]", "^a"]),
    )
    return st.tuples(st.booleans(), st.lists(item, min_size=1, max_size=4)).map(
        lambda built: "[" + ("^" if built[0] else "") + "".join(built[1]) + "]"
    )


_ATOMS = st.one_of(
    st.sampled_from(_CHARS), st.sampled_from(_ESCAPES), _class(), st.sampled_from(["\\1", "\\2"])
)
_QUANTIFIERS = st.tuples(
    st.sampled_from(["*", "+", "?", "{3}", "{0,2}", "{1,10}", "{2,}", "{11}", "{,4}"]),
    st.sampled_from(["", "?", "+"]),  # greedy, lazy, possessive
).map("".join)
_GROUPS = ["(", "(?:", "(?i:", "(?s:", "(?x:", "(?-i:", "(?=", "(?!", "(?<=", "(?>", "(?P<n>"]


def _compose(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(st.sampled_from(_GROUPS), inner).map(lambda built: built[0] + built[1] + ")"),
        st.tuples(inner, inner).map("|".join),
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, _QUANTIFIERS).map("".join),
        st.tuples(inner, inner).map(lambda built: f"(?(1){built[0]}|{built[1]})"),
    )


_PATTERNS = st.tuples(
    st.sampled_from(["", "(?i)", "(?s)", "(?x)", "(?a)", "(?ix)"]),
    st.recursive(_ATOMS, _compose, max_leaves=12),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PATTERNS)
@example("(?i)[a-z0-9 ]{3,10}")
@example("(?i)[0-9]+")
@example("(a)(?:\\1|b)+")
def test_every_pattern_python_reads_is_judged_without_a_fault(pattern: str) -> None:
    """A pattern with (?i) and a range, as (?i)[a-z0-9 ]{3,10}, stopped every command
    reading the questionnaire with a fault of jeudis: whatever Python compiles, the
    detector answers."""
    with warnings.catch_warnings():  # [a--b]: a set difference, some day
        warnings.simplefilter("ignore", FutureWarning)
        try:
            re.compile(pattern, re.DOTALL)
        except re.error:
            return
        assert backtracking_risk(pattern, re.DOTALL) in (None, *RISKS)


def test_a_case_insensitive_range_is_checked(series: Path, invoke: Invoke) -> None:
    """check said "a fault in jeudis stopped it (TypeError)", as new and sheet did."""
    path = questionnaire(series / "questionnaires", "(?i)[a-z0-9 ]{3,10}")

    checked = invoke("check", path)

    assert checked.exit_code == 0, checked
    assert findings(checked.stdout) == ["All good."]


def test_a_pattern_nested_deeper_than_the_test_walks_loads(tmp_path: Path) -> None:
    """Python compiles it: the test of its shape never refuses a questionnaire on its own
    failure (it was "invalid regular expression: too large")."""
    load_questionnaire(questionnaire(tmp_path, "(" * 400 + "a" + ")" * 400))


def test_check_shows_a_pattern_s_warning_once_as_its_own(tmp_path: Path) -> None:
    """Python's own FutureWarning, with a line of jeudis's source, followed check's."""
    path = questionnaire(tmp_path, "[[:alpha:]]+")

    checked = subprocess.run(
        [sys.executable, "-m", "jeudis", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert "possible nested set at position 1" in checked.stdout
    assert checked.stderr == ""
