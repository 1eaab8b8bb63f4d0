"""``jeudis check`` on a corpus of broken files: the exact message, and a non-zero exit.

Each ``tests/corpus/<kind>/NAME.toml`` sits beside ``NAME.expected``, the whole
output ``jeudis check <kind>/NAME.toml`` must print, run from the series folder.
Messages are ``file:line[:column]: error: key: reason``: a person goes straight
to the line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from export_helpers import copy_example, make_interview
from jeudis.errors import ExitCode
from jeudis.files import read_text
from jeudis.paths import BUNDLED_TEMPLATES
from support import Invoke, findings

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*/*.toml"))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def test_the_corpus_is_big_enough() -> None:
    kinds = {path.parent.name for path in CASES}
    assert kinds == {"questionnaires", "interviews"}
    assert len(CASES) >= 12
    for path in CASES:
        assert path.with_suffix(".expected").is_file(), f"{path.name} has no .expected"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_check_prints_the_expected_message(
    case: Path, series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind = case.parent.name
    shutil.copy(case, series / kind / case.name)
    monkeypatch.chdir(series)

    result = invoke("check", f"{kind}/{case.name}")

    assert result.stdout == case.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.exit_code == ExitCode.CHECK_FAILED
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_check_json_names_the_same_problem(
    case: Path, series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind = case.parent.name
    shutil.copy(case, series / kind / case.name)
    monkeypatch.chdir(series)

    result = invoke("check", "--json", f"{kind}/{case.name}")

    findings = json.loads(result.stdout)
    lines = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    expected = lines[0]
    assert [f["severity"] for f in findings] == ["error"]
    assert findings[0]["path"] == f"{kind}/{case.name}"
    assert findings[0]["message"] in expected
    # What to do about it, under the finding in the text (a line of its own), a key in JSON.
    hint = findings[0]["hint"]
    assert lines[1] == (f"  hint: {hint}" if hint else "1 error, 0 warnings")
    if findings[0]["line"] is not None:
        assert f"{kind}/{case.name}:{findings[0]['line']}" in expected
    assert result.exit_code == ExitCode.CHECK_FAILED


def test_check_lists_every_problem_of_a_series(series: Path, invoke: Invoke) -> None:
    for case in CASES:
        shutil.copy(case, series / case.parent.name / case.name)

    result = invoke("check")

    for case in CASES:
        assert str(series / case.parent.name / case.name) in result.stdout, case.name
    # The cases that read are one interview edited each its way, and keep its id; most
    # others are one questionnaire, copied: those sharing its id are said for it too.
    warned = [line for line in result.stdout.splitlines() if ": warning: " in line]
    assert all(": warning: id: the same id as " in line for line in warned)
    shared = [line for line in findings(result.stdout) if "'s id too: `jeudis new" in line]
    assert f"{len(CASES) + len(shared)} errors, {len(warned)} warnings" in result.stdout
    assert result.exit_code == ExitCode.CHECK_FAILED


def test_check_a_clean_series(series: Path, invoke: Invoke) -> None:
    result = invoke("check")

    assert result.stdout == "All good.\n"
    assert result.exit_code == 0


def test_check_a_series_on_the_bundled_questionnaires_alone(series: Path, invoke: Invoke) -> None:
    """``jeudis new twitter`` works from any folder: its series has no questionnaires/,
    which check said was "no such file", an error, exit 5 (a CI job failing for ever)."""
    shutil.rmtree(series / "questionnaires")
    make_interview(series, "gilles", guest="Gilles Klein")

    result = invoke("check")

    assert (result.exit_code, result.stdout) == (0, "All good.\n")


@pytest.mark.parametrize(
    ("written", "why"), [(None, "not found"), ('id = "podcast"\n', "does not read")]
)
def test_an_interview_whose_questionnaire_is_gone_or_broken_is_said_which(
    series: Path, invoke: Invoke, written: str | None, why: str
) -> None:
    """Both were "not found or broken", with nothing of what it costs."""
    make_interview(series, "laurent", questionnaire="podcast")
    if written is not None:
        (series / "questionnaires" / "podcast.toml").write_text(written, encoding="utf-8")

    result = invoke("check", str(series / "interviews"))

    assert result.stdout.splitlines() == [
        (
            f"{series / 'interviews' / 'laurent.toml'}: warning: questionnaire: questionnaire"
            f" 'podcast' {why}: the answers go unchecked, and resume or edit --question cannot run"
        ),
        "  hint: export needs none: the interview keeps its questions as asked",
        "0 errors, 1 warning",
    ]
    assert result.exit_code == 0


QUESTIONNAIRES = sorted(CORPUS.glob("questionnaires/*.toml"))


@pytest.mark.parametrize("case", QUESTIONNAIRES, ids=_id)
def test_new_on_a_broken_questionnaire_says_where_in_one_line(
    case: Path, series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = series / "questionnaires" / case.name
    shutil.copy(case, target)
    monkeypatch.chdir(series)

    result = invoke("new", f"questionnaires/{case.name}", "--guest", "Gilles Klein")

    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()[0]
    where, _, rest = expected.partition(": error: ")
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert error_lines == [f"error: {where}: {rest}"]
    assert result.exit_code == ExitCode.INVALID_FILE
    assert "Traceback" not in result.output
    assert not list((series / "interviews").iterdir()), "no interview file for a broken form"


def test_a_broken_file_in_questionnaires_does_not_break_the_others(
    series: Path, invoke: Invoke
) -> None:
    for case in QUESTIONNAIRES:
        shutil.copy(case, series / "questionnaires" / case.name)

    listing = invoke("questionnaires", "--json")
    inspected = invoke("inspect", "twitter", "--register", "vous", "--gender", "m")

    assert listing.exit_code == 0, listing
    rows = {q["id"]: q for q in json.loads(listing.stdout)}
    assert rows["twitter"]["problem"] is None  # none: null, which jq's select() takes as none
    assert rows["not-utf8"]["problem"].endswith("not-utf8.toml:6: not UTF-8 text")
    # What a file that does not read says nothing of is not known: null, not "" nor 0.
    assert [rows["not-utf8"][key] for key in ("title", "version", "questions", "style")] == [
        None
    ] * 4
    assert inspected.exit_code == 0, inspected
    assert "1. Depuis combien de temps utilisez-vous Twitter ?" in inspected.stdout


def test_check_lists_every_problem_of_a_file_in_line_order(
    series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    (series / "questionnaires" / "many.toml").write_text(
        """id = "many"
title = "De {guest}"
colour = "blue"

[[questions]]
id = "a"
type = "integer"
text = "A ?"

[[questions]]
id = "a"
text = "Encore A ?"

[[questions]]
id = "c"
type = "choice"
text.tu = "C ?"
""",
        encoding="utf-8",
    )
    monkeypatch.chdir(series)

    result = invoke("check", "questionnaires/many.toml")

    assert findings(result.stdout) == [
        "questionnaires/many.toml:3: error: colour: unknown key 'colour'",
        (
            "questionnaires/many.toml:7: error: questions[0].type: unknown type 'integer' "
            "(use text, long, number, date, choice, multi, yesno, url)"
        ),
        "questionnaires/many.toml:11: error: questions[1].id: duplicate id 'a' (also questions[0])",
        (
            "questionnaires/many.toml:14: error: questions[2].choices: a 'choice' question needs a "
            "non-empty 'choices' list"
        ),
        (
            "questionnaires/many.toml:17: error: questions[2].text: missing wording for the form of "
            "address 'vous'"
        ),
        "5 errors, 0 warnings",
    ]
    assert result.exit_code == ExitCode.CHECK_FAILED


@pytest.mark.parametrize(
    ("photo", "problem"),
    [
        ("/home/alexis/gilles.jpg", "is not in the series folder: exports leave it out"),
        ("../gilles.jpg", "is not in the series folder: exports leave it out"),
        ("images/gilles.jpg", "is missing: a site leaves it out"),
        (
            "file:///home/alexis/gilles.jpg",
            "is not a web address (https://...): exports leave it out",
        ),
    ],
)
def test_check_warns_of_a_photo_no_export_can_show(
    photo: str, problem: str, series: Path, invoke: Invoke
) -> None:
    path = make_interview(series, "gilles", guest="Gilles", fields={"photo": photo})
    line = path.read_text(encoding="utf-8").splitlines().index(f'photo = "{photo}"') + 1

    result = invoke("check")

    assert result.stdout.splitlines() == [
        f"{path}:{line}: warning: fields.photo: photo {photo} {problem}",
        "0 errors, 1 warning",
    ]
    assert result.exit_code == 0
    assert invoke("check", "--strict").exit_code == ExitCode.CHECK_FAILED
    (series / "images").mkdir()
    (series / "images" / "gilles.jpg").write_bytes(b"jpeg")
    assert (invoke("check").stdout == "All good.\n") is (photo == "images/gilles.jpg")


def test_check_compiles_the_series_templates(series: Path, invoke: Invoke) -> None:
    templates = series / "templates"
    templates.mkdir()
    (templates / "post.html").write_text("<p>\n{% for x in %}\n", encoding="utf-8")
    (templates / "index.html").write_text("{{ title | nofilter }}\n", encoding="utf-8")
    (templates / "post.htm").write_text("misnamed\n", encoding="utf-8")
    (templates / "feed.atom").write_text("<feed>{{ title }}</feed>\n", encoding="utf-8")  # fine
    (templates / "fragment.html").write_text('{% include "credits.html" %}\n', encoding="utf-8")
    (templates / "credits.html").write_text("<p>Merci</p>\n", encoding="utf-8")  # included

    result = invoke("check")

    assert result.stdout.splitlines() == [
        f"{templates / 'index.html'}:1: error: template error: No filter named 'nofilter'.",
        (
            f"{templates / 'post.htm'}: warning: unknown template 'post.htm'"
            " (did you mean 'post.html'?): jeudis never uses it"
        ),
        (
            "  hint: jeudis reads article.html, feed.atom, fragment.html, index.html, post.html,"
            " post.md, roundup-article.html, roundup-fragment.html, roundup.html, roundup.md,"
            " sitemap.xml, style.css, wxr.xml, and the files they include"
        ),
        (
            f"{templates / 'post.html'}:2: error: template error:"
            " Expected an expression, got 'end of statement block'"
        ),
        (  # none of them is a copy of jeudis's: check cannot tell
            f"{templates}: note: feed.atom, fragment.html, index.html, post.html name no"
            " version of jeudis's on their first line: check cannot tell whether jeudis's"
            " changed since"
        ),
        (
            "  hint: compare with jeudis's (`jeudis templates` says where they are), then"
            " write first the version caught up with:"
            f" {(BUNDLED_TEMPLATES / 'feed.atom').read_text(encoding='utf-8').splitlines()[0]}"
        ),
        "2 errors, 1 warning",
    ]
    assert result.exit_code == ExitCode.CHECK_FAILED


def test_answers_are_checked_against_the_version_they_were_given_with(
    series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older questionnaire may have had other rules: its answers are not held to today's."""
    case = CORPUS / "interviews" / "answer-the-rules-refuse.toml"
    older = case.read_text(encoding="utf-8").replace(
        "questionnaire_version = 1", "questionnaire_version = 0"
    )
    (series / "interviews" / case.name).write_text(older, encoding="utf-8")
    monkeypatch.chdir(series)

    result = invoke("check", f"interviews/{case.name}")

    assert "answers.followers" not in result.stdout
    assert result.exit_code == ExitCode.OK, result.stdout


@pytest.mark.parametrize(
    ("slug", "why"),
    [
        ("con", "CON is a device's name there, whatever the extension"),
        ("NUL", "NUL is a device's name there, whatever the extension"),
        ("Aux", "AUX is a device's name there, whatever the extension"),
        ("prn.old", "PRN is a device's name there, whatever the extension"),
        ("com1", "COM1 is a device's name there, whatever the extension"),
        ("lpt9", "LPT9 is a device's name there, whatever the extension"),
        ("ana:b", "no name holds ':' there"),
        ('qui?"vive"', "no name holds '\"' or '?' there"),
        ("a<b>|c*", "no name holds '*' or '<' or '>' or '|' there"),
    ],
)
def test_check_warns_of_a_file_windows_cannot_hold(
    slug: str, why: str, series: Path, invoke: Invoke
) -> None:
    """It works here: a warning. A series folder kept in git, cloned on Windows, would not."""
    path = make_interview(series, slug, guest="Gilles")

    result = invoke("check")

    assert result.stdout.splitlines() == [
        f"{path}: warning: Windows cannot give a file this name: {why}",
        (
            "  hint: rename it: a copy of the series on Windows (a git clone) could not hold it;"
            " the slug, and the post's address, go with the name"
        ),
        "0 errors, 1 warning",
    ]
    assert result.exit_code == 0
    assert invoke("check", "--strict").exit_code == ExitCode.CHECK_FAILED


def test_check_warns_of_a_name_windows_cannot_end(
    series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name ending in a dot or a space, named to check (no folder's ``*.toml`` is one);
    and a questionnaire, whose renaming leaves its id as it was."""
    for number, name in enumerate(("gilles.toml.", "gilles.toml ")):
        made = make_interview(series, f"gilles-{number}", guest="Gilles")
        made.rename(series / "interviews" / name)
    (series / "questionnaires" / "Con.toml").write_text(
        'id = "con"\ntitle = "Con"\n\n[[questions]]\nid = "a"\ntext = "A ?"\n', encoding="utf-8"
    )
    monkeypatch.chdir(series)

    result = invoke("check", "interviews/gilles.toml.", "interviews/gilles.toml ", "questionnaires")

    said = "warning: Windows cannot give a file this name:"
    assert findings(result.stdout) == [
        f"interviews/gilles.toml.: {said} no name ends in a dot or a space there",
        f"interviews/gilles.toml : {said} no name ends in a dot or a space there",
        f"questionnaires/Con.toml: {said} CON is a device's name there, whatever the extension",
        "0 errors, 3 warnings",
    ]
    hints = [line for line in result.stdout.splitlines() if line.startswith("  hint: ")]
    assert (
        hints[2]
        == "  hint: rename it: a copy of the series on Windows (a git clone) could not hold it"
    )


@pytest.mark.parametrize("slug", ["index", "Index", "_index", "index-twitter"])
def test_check_warns_of_an_interview_named_as_a_page_of_the_site(
    slug: str, series: Path, invoke: Invoke
) -> None:
    """``export --all`` stops on it (the series' index, a questionnaire's, Hugo's or
    Zola's section): said before, with a name that is free."""
    path = make_interview(series, slug, guest="Gilles")
    make_interview(series, f"{slug}-2", guest="Gilles")

    result = invoke("check")

    assert result.stdout.splitlines() == [
        (
            f"{path}: warning: named as a page the site itself has (index.html; index-ID.html"
            " with several questionnaires; Hugo's and Zola's index.md, _index.md):"
            " `jeudis export --all` stops on it"
        ),
        f"  hint: rename it ({slug}-3.toml, say): the post's address goes with its name",
        "0 errors, 1 warning",
    ]
    assert result.exit_code == 0


@pytest.mark.parametrize("slug", ["index-2", "indexes", "index-card", "my-index", "_indexed"])
def test_check_says_nothing_of_a_name_the_site_has_no_page_of(
    slug: str, series: Path, invoke: Invoke
) -> None:
    make_interview(series, slug, guest="Gilles")
    assert invoke("check").stdout == "All good.\n"


@pytest.mark.parametrize("slug", ["conrad", "com10", "console", "nul-1", "lpt", "a.b", "é"])
def test_check_says_nothing_of_a_name_windows_can_hold(
    slug: str, series: Path, invoke: Invoke
) -> None:
    make_interview(series, slug, guest="Gilles")
    assert invoke("check").stdout == "All good.\n"


def test_check_warns_of_an_image_an_answer_shows_from_a_file(series: Path, invoke: Invoke) -> None:
    """``![Ma courbe](images/courbe.png)``: no post publishes a file of the series but the
    guest's photo, and the page showed a broken image, with no word."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    answer = "Ma courbe :\\n\\n![Courbe](images/courbe.png)\\n\\n![Logo](https://example.org/l.png)"
    assert (
        invoke(
            "edit", "claire-fontaine", "-q", "utilisations", "--answer-file", "-", input=answer
        ).exit_code
        == 0
    )

    result = invoke("check")

    assert result.exit_code == 0  # a warning
    assert findings(result.stdout)[0] == (
        f"{path}: warning: answer utilisations shows images/courbe.png, a file no post"
        " publishes (only the guest's photo is copied with a post)"
    )
    assert "https://example.org/l.png" not in result.stdout


@pytest.mark.parametrize(
    ("field", "typed", "hint"),
    [
        ("twitter", "voir son blog", "@pseudo"),
        ("mastodon", "@gklein", "@pseudo@instance.social"),
        ("bluesky", "gklein", "@pseudo.bsky.social"),
    ],
)
def test_check_warns_of_a_profile_no_post_can_link(
    field: str, typed: str, hint: str, series: Path, invoke: Invoke
) -> None:
    """A handle a post leaves out (``@gklein`` under mastodon: on which server?) was
    dropped from every post with no word."""
    make_interview(series, "gilles", guest="Gilles Klein", fields={field: typed})
    path = series / "interviews" / "gilles.toml"
    line = read_text(path).splitlines().index(f"{field} = {typed!r}".replace("'", '"')) + 1

    result = invoke("check")

    assert result.exit_code == 0  # a warning
    assert findings(result.stdout) == [
        (
            f"{path}:{line}: warning: fields.{field}: {typed!r} is no {field.capitalize()}"
            " handle: posts leave it out"
        ),
        "0 errors, 1 warning",
    ]
    assert hint in result.stdout


@pytest.mark.parametrize(
    "handle",
    ["https://x.com/clairefontaine", "https://twitter.com/clairefontaine/", "clairefontaine"],
)
def test_the_bundled_twitter_rule_takes_a_profile_s_address_the_post_links(
    series: Path, invoke: Invoke, handle: str
) -> None:
    """A guest gives the address of their profile as often as their @pseudo: twitter.toml's
    rule took only the pseudo, and check refused what the post links."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    path.write_text(
        read_text(path).replace('twitter = "@clairefontaine"', f'twitter = "{handle}"'),
        encoding="utf-8",
    )

    result = invoke("check")
    post = invoke("export", "claire-fontaine", "--format", "html", "--fragment")

    assert result.exit_code == 0, result.stdout
    assert 'href="https://x.com/clairefontaine"' in post.stdout


def test_check_says_which_of_two_files_of_one_interview_is_a_sync_tools_copy(
    series: Path, invoke: Invoke
) -> None:
    """The copy's name sorts before the original's: the warning said to give the
    original, the published post, an id of its own (a new entry in every feed reader)."""
    copy_example(series)
    interviews = series / "interviews"
    copy = interviews / "claire-fontaine (Ann's conflicted copy 2011-04-01).toml"
    copy.write_bytes((interviews / "claire-fontaine.toml").read_bytes())

    result = invoke("check")

    assert findings(result.stdout) == [
        (
            f"{copy}: warning: a copy of claire-fontaine.toml (the same id), by its name a"
            " sync tool's or a file manager's: export --all leaves it out"
        ),
        "0 errors, 1 warning",
    ]
    assert (
        "  hint: keep in claire-fontaine.toml what this copy holds of its own, then delete"
        " the copy\n" in result.stdout
    )


def test_check_says_a_handle_its_questionnaires_rule_refuses_once(
    series: Path, invoke: Invoke
) -> None:
    """twitter.toml's own rule refuses "voir son blog": its message alone is said."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    path.write_text(
        read_text(path).replace('twitter = "@clairefontaine"', 'twitter = "voir son blog"'),
        encoding="utf-8",
    )

    result = invoke("check")

    assert [f.split(": ", 2)[1:] for f in findings(result.stdout)[:-1]] == [
        [
            "error",
            (
                "fields.twitter: Un pseudo Twitter (lettres, chiffres et _, 15 caractères au plus)"
                " ou l’adresse de son profil."
            ),
        ]
    ]
