"""``jeudis edit --guest NAME`` (and ``--gender``, ``--register``, ``--host``, ``--date``):
the guest's name corrected, and what jeudis made of it follows."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from jeudis import storage
from jeudis.errors import ExitCode
from jeudis.interview_reading import load_interview
from support import AGAIN_TOML, ANSWERS_TOML, REPO, Invoke, interview_files, write


def new(invoke: Invoke, guest: str, *options: str, answers: str = ANSWERS_TOML) -> Path:
    """A complete twitter interview of ``guest``, as ``jeudis new --data-file`` makes it."""
    result = invoke("new", "twitter", "--guest", guest, *options, "--data-file", "-", input=answers)
    assert result.exit_code == 0, result
    return Path(result.stdout.split("Saved: ", 1)[1].split("\n", 1)[0])


@pytest.fixture
def elise(series: Path) -> Path:
    """The book interview: its opening question greets the guest by her first name."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires")
    return Path(shutil.copy(REPO / "interviews" / "elise-garnier.toml", series / "interviews"))


def test_a_typo_in_the_name_is_corrected_and_the_file_renamed(invoke: Invoke, series: Path) -> None:
    klien = new(invoke, "Gilles Klien")
    assert klien.name == "gilles-klien.toml"

    result = invoke("edit", "gilles-klien", "--guest", "Gilles Klein")

    assert result.exit_code == 0, result
    assert result.stdout == (
        "gilles-klien: guest Gilles Klein; title worded again\n"
        "gilles-klien.toml renamed gilles-klein.toml: `jeudis export --all` replaces its page\n"
    )
    assert result.stderr == ""
    assert interview_files(series) == [series / "interviews" / "gilles-klein.toml"]
    renamed = load_interview(series / "interviews" / "gilles-klein.toml")
    assert renamed.guest == "Gilles Klein"
    assert renamed.title == "Interview Twitter de Gilles Klein [Les Jeudis Twitter]"
    assert 'slug = "gilles-klein"' in renamed.path.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert renamed.answer("utilisations").value.startswith("Trois usages")  # type: ignore[union-attr]
    assert not list((series / "interviews").glob(".*")), "no lock or temporary file left"


def test_an_accent_the_guest_wants_keeps_the_file_and_elides_the_title(
    invoke: Invoke, series: Path
) -> None:
    """ "Amelie" → "Amélie": the same slug, so the same file; the title's "de" elides."""
    new(invoke, "Amelie Roux")

    result = invoke("edit", "amelie-roux", "--guest", "Amélie  Roux ")

    assert result.exit_code == 0, result
    assert result.stdout == "amelie-roux: guest Amélie Roux; title worded again\n"
    renamed = load_interview(series / "interviews" / "amelie-roux.toml")
    assert (renamed.guest, renamed.title) == (
        "Amélie Roux",
        "Interview Twitter d’Amélie Roux [Les Jeudis Twitter]",
    )


def test_a_title_the_host_reworded_is_left_and_said(invoke: Invoke, series: Path) -> None:
    path = new(invoke, "Gilles Klien")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Interview Twitter de Gilles Klien", "Gilles Klien, le twittos"),
        encoding="utf-8",
    )

    result = invoke("edit", "gilles-klien", "--guest", "Gilles Klein")

    assert result.exit_code == 0, result
    assert result.stdout.startswith("gilles-klien: guest Gilles Klein\n")
    assert result.stderr == (
        "warning: gilles-klein: title left as it is (not the questionnaire's): it still names “Gilles Klien”;"
        " edit `title` in the file\n"
    )
    renamed = load_interview(series / "interviews" / "gilles-klein.toml")
    assert renamed.title == "Gilles Klien, le twittos [Les Jeudis Twitter]"


def test_questions_as_asked_follow_the_name(invoke: Invoke, series: Path, elise: Path) -> None:
    """The opening question, worded by the questionnaire ({first_name}), is worded again;
    a follow-up the host typed with her name has it replaced; the intro, the host's prose,
    is said; the answers are the guest's own."""
    text = elise.read_text(encoding="utf-8")
    elise.write_text(
        text.replace("Un dernier mot pour nos lecteurs ?", "Un dernier mot, Élise ? Élisette ?"),
        encoding="utf-8",
    )
    before = load_interview(elise)

    result = invoke("edit", "elise-garnier", "--guest", "Éliane Garnier")

    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[0] == (
        "elise-garnier: guest Éliane Garnier; title worded again;"
        " questions [motivation], [question-3] worded again"
    )
    assert result.stderr == (
        "warning: eliane-garnier: field intro still names “Élise Garnier”: `jeudis edit eliane-garnier -q intro`\n"
    )
    after = load_interview(series / "interviews" / "eliane-garnier.toml")
    questions = {a.id: a.question for a in after.answers}
    assert questions["motivation"].startswith("Bonjour Éliane ! Tu viens de publier")
    assert questions["question-3"] == "Un dernier mot, Éliane ? Élisette ?"
    assert [a.value for a in after.answers] == [a.value for a in before.answers]
    assert after.fields == before.fields
    assert after.title == "Un livre, un auteur : Éliane Garnier"


def test_a_second_interview_of_the_guest_keeps_its_number(invoke: Invoke, series: Path) -> None:
    new(invoke, "Gilles Klien")
    second = new(invoke, "Gilles Klien", answers=AGAIN_TOML)
    assert second.name == "gilles-klien-2.toml"

    assert invoke("edit", "gilles-klien-2", "--guest", "Gilles Klein").exit_code == 0

    assert [p.name for p in interview_files(series)] == ["gilles-klein-2.toml", "gilles-klien.toml"]


def test_a_guest_renamed_as_a_page_of_the_site_takes_the_next_number(
    invoke: Invoke, series: Path
) -> None:
    """ "Indx" → "Index": index.toml would have its page written over by the site's
    index (index.html); the file takes the number a second guest of the name would."""
    new(invoke, "Indx")

    result = invoke("edit", "indx", "--guest", "Index")

    assert result.exit_code == 0, result
    assert "indx.toml renamed index-2.toml" in result.stdout
    assert [p.name for p in interview_files(series)] == ["index-2.toml"]


GERMAN = """id = "eins"
title = "Gespräch mit {guest}"
series = "Bloggergespräche"
language = "de"

[[questions]]
id = "seit"
text = "Seit wann bloggst du?"
"""


@pytest.mark.parametrize(
    ("language", "guest", "made", "renamed", "slug"),
    [
        ("de", "Anna Müller", "anna-mueller", "Anna Müller-Lang", "anna-mueller-lang"),
        ("de", "Anna Müller", "anna-muller", "Anna Müller-Lang", "anna-mueller-lang"),
        ("en", "Bob O’Hara", "bob-ohara", "Bob O'Hara-Lang", "bob-ohara-lang"),
        ("en", "Bob O’Hara", "bob-o-hara", "Bob O'Hara-Lang", "bob-ohara-lang"),
        # Named before jeudis romanized Cyrillic: the slug of no letters.
        ("en", "Олена Зеленська", "invite", "Олена Зеленська-Ліс", "olena-zelenska-lis"),
        ("en", "Олена Зеленська", "invite-2", "Олена Зеленська-Ліс", "olena-zelenska-lis-2"),
    ],
)
def test_a_guest_renamed_keeps_the_spelling_of_the_language(
    invoke: Invoke, series: Path, language: str, guest: str, made: str, renamed: str, slug: str
) -> None:
    """A file is named as its language spells the name (German's "mueller", English's
    "ohara" one word); one named before jeudis did so ("muller", "o-hara", "invite") is
    renamed as well."""
    write(series / "questionnaires" / "eins.toml", GERMAN.replace('"de"', f'"{language}"'))
    data = write(series / "data.toml", '[answers]\nseit = "2009"\n')
    assert invoke("new", "eins", "--guest", guest, "--data-file", data).exit_code == 0
    [path] = interview_files(series)
    path.rename(path.with_name(f"{made}.toml"))

    result = invoke("edit", made, "--guest", renamed)

    assert result.exit_code == 0, result
    assert f"{made}.toml renamed {slug}.toml" in result.stdout
    assert [p.name for p in interview_files(series)] == [f"{slug}.toml"]


def test_a_file_not_named_after_the_guest_keeps_its_name(invoke: Invoke, series: Path) -> None:
    path = new(invoke, "Gilles Klien")
    path.rename(path.with_name("jeudi-31-mars.toml"))

    result = invoke("edit", "jeudi-31-mars", "--guest", "Gilles Klein")

    assert result.exit_code == 0, result
    assert "renamed" not in result.stdout
    assert "the file keeps its name, jeudi-31-mars.toml" in result.stderr
    assert load_interview(series / "interviews" / "jeudi-31-mars.toml").guest == "Gilles Klein"


def test_another_interview_is_never_written_over(invoke: Invoke, series: Path) -> None:
    klein = new(invoke, "Gilles Klein")
    klien = new(invoke, "Gilles Klien")
    texts = {p: p.read_bytes() for p in (klein, klien)}

    result = invoke("edit", "gilles-klien", "--guest", "Gilles  KLEIN")

    # An error, as every refusal to write over a file (export -o, init): it said usage (2).
    assert result.exit_code == ExitCode.ERROR
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "error: gilles-klein.toml is another interview: not written over; nothing was changed"
    )
    assert "gilles-klein-2.toml" in result.stderr  # what to do instead
    assert {p: p.read_bytes() for p in (klein, klien)} == texts


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "--guest: the name is empty"),
        ("  \u00a0 ", "--guest: the name is empty"),
        ("Gilles\nKlein", "--guest: a control character in the name"),
        ("Gilles \x1b[31mKlein", "--guest: a control character in the name"),
        ("Gilles\x1b]0;pwned\x07 Klein", "--guest: a control character in the name"),
        ("Gilles \u202eKlein", "--guest: a control character in the name"),
    ],
)
def test_a_name_that_is_no_name_is_refused(
    invoke: Invoke, series: Path, name: str, said: str
) -> None:
    path = new(invoke, "Gilles Klien")
    text = path.read_bytes()

    result = invoke("edit", "gilles-klien", "--guest", name)

    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == f"error: {said}"
    assert "\x1b" not in result.stderr
    assert path.read_bytes() == text
    assert interview_files(series) == [path]


def test_refused_while_the_session_runs(invoke: Invoke, series: Path) -> None:
    path = new(invoke, "Gilles Klien")
    text = path.read_bytes()

    with storage.session_lock(path):  # as a live session holds it
        result = invoke("edit", "gilles-klien", "--guest", "Gilles Klein")

    assert result.exit_code == ExitCode.LOCKED
    assert result.stderr.startswith("error: gilles-klien.toml is open in another jeudis session")
    assert interview_files(series) == [path]
    assert path.read_bytes() == text


def test_gender_and_form_of_address_word_the_questions_again(invoke: Invoke, series: Path) -> None:
    """Created with "tu" and no gender for a guest the series says "vous" to: each
    question as the questionnaire words it for "vous"; one reworded by hand is said."""
    path = new(invoke, "Gilles Klein")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'question = "Combien as-tu de followers ?"',
            'question = "Tu as combien de followers ?"\nreworded = true',
        ),
        encoding="utf-8",
    )

    result = invoke("edit", "gilles-klein", "--register", "vous", "--gender", "m")

    assert result.exit_code == 0, result
    assert result.stdout == "gilles-klein: gender m; register vous; 12 questions worded again\n"
    assert result.stderr == (
        "warning: gilles-klein: question [followers] left as asked (reworded by hand, a"
        " follow-up or an earlier wording): read it for the new gender or form of address\n"
    )
    after = load_interview(path)
    assert (after.register, after.gender) == ("vous", "m")
    questions = {a.id: a.question for a in after.answers}
    assert questions["depuis-quand"] == "Depuis combien de temps utilisez-vous Twitter ?"
    assert questions["followers"] == "Tu as combien de followers ?"


def test_a_register_the_questionnaire_lacks_is_refused(invoke: Invoke, series: Path) -> None:
    path = new(invoke, "Gilles Klein")
    text = path.read_bytes()

    result = invoke("edit", "gilles-klein", "--register", "toi")

    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == 'error: --register toi: twitter is worded for "tu" and "vous"\n'
    assert path.read_bytes() == text


def test_host_and_date(invoke: Invoke, series: Path, elise: Path) -> None:
    result = invoke("edit", "elise-garnier", "--host", "Stéphane", "--date", "2011-05-19")

    assert result.exit_code == 0, result
    assert result.stdout == "elise-garnier: host Stéphane; date 2011-05-19\n"
    after = load_interview(elise)
    assert (after.host, after.date.isoformat()) == ("Stéphane", "2011-05-19")


def test_the_same_particulars_change_nothing(invoke: Invoke, series: Path) -> None:
    path = new(invoke, "Gilles Klein", "--register", "vous")
    text = path.read_bytes()

    result = invoke("edit", "gilles-klein", "--guest", "Gilles Klein", "--register", "vous")

    assert result.exit_code == 0, result
    assert result.stdout == "gilles-klein: unchanged\n"
    assert path.read_bytes() == text


def test_a_bad_date_is_refused(invoke: Invoke, series: Path) -> None:
    new(invoke, "Gilles Klein")
    result = invoke("edit", "gilles-klein", "--date", "31/02/2011")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines() == [
        "error: --date '31/02/2011' is not a date",
        "hint: use YYYY-MM-DD, or write it out: 7 avril 2011",
    ]
    wrong_day = invoke("edit", "gilles-klein", "--date", "mercredi 7 avril 2011")
    assert wrong_day.exit_code == ExitCode.USAGE
    assert wrong_day.stderr.splitlines()[0] == (
        "error: --date 'mercredi 7 avril 2011': April 7, 2011 was a Thursday"
    )


@pytest.mark.parametrize(
    "typed", ["07/04/2011", "7 avril 2011", "jeudi 7 avril 2011", "7. April 2011"]
)
def test_a_date_is_taken_as_a_date_answer_takes_it(
    invoke: Invoke, series: Path, typed: str
) -> None:
    """--date took YYYY-MM-DD only, where the interview's date answer took "7 avril 2011"."""
    new(invoke, "Gilles Klein")

    result = invoke("edit", "gilles-klein", "--date", typed)

    assert result.exit_code == 0, result
    assert load_interview(series / "interviews" / "gilles-klein.toml").date == dt.date(2011, 4, 7)


def test_not_with_an_answer_asked_live(invoke: Invoke, series: Path) -> None:
    """``--question ID`` alone re-asks live: with --guest it would be left out unsaid."""
    new(invoke, "Gilles Klien")
    result = invoke("edit", "gilles-klien", "--question", "followers", "--guest", "Gilles Klein")
    assert result.exit_code == ExitCode.USAGE
    assert "run it apart from --guest" in result.stderr
    assert [p.name for p in interview_files(series)] == ["gilles-klien.toml"]


def test_with_an_answer_given_in_a_file(invoke: Invoke, series: Path, tmp_path: Path) -> None:
    new(invoke, "Gilles Klien")
    answer = write(tmp_path / "a.txt", "10 000\n")

    result = invoke(
        "edit",
        "gilles-klien",
        "--guest",
        "Gilles Klein",
        "-q",
        "followers",
        "--answer-file",
        answer,
    )

    assert result.exit_code == 0, result
    after = load_interview(series / "interviews" / "gilles-klein.toml")
    assert after.answer("followers").value == "10 000"  # type: ignore[union-attr]


def test_export_all_then_replaces_the_page_and_leads_the_old_address_to_it(
    invoke: Invoke, series: Path
) -> None:
    """The new page is written; the old one leads to it (it was removed: a 404 for every
    link to it, shared, from other sites, in search engines); Hugo's post names it in
    its aliases."""
    new(invoke, "Gilles Klien")
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    assert (site / "gilles-klien.html").is_file()

    assert invoke("edit", "gilles-klien", "--guest", "Gilles Klein").exit_code == 0
    result = invoke("export", "--all")

    assert result.exit_code == 0, result
    assert "removed" not in result.stderr
    page = (site / "gilles-klein.html").read_text(encoding="utf-8")
    assert "Gilles Klein" in page and "Klien" not in page
    assert "Klien" not in (site / "index.html").read_text(encoding="utf-8")
    old = (site / "gilles-klien.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=gilles-klein.html">' in old
    assert '<a href="gilles-klein.html">' in old and '<meta name="robots" content="noindex">' in old
    assert "gilles-klien" not in (site / "feed.xml").read_text(encoding="utf-8")
    hugo = invoke("export", "gilles-klein", "--flavor", "hugo").stdout
    assert '\naliases = ["gilles-klien"]\n' in hugo
    zola = invoke("export", "gilles-klein", "--flavor", "zola").stdout
    assert '\naliases = ["gilles-klien/"]\n' in zola
    assert invoke("export", "--all").stderr.startswith(f"{site}: up to date")


def test_a_former_address_another_interview_takes_is_its_page_then_leads_on_again(
    invoke: Invoke, series: Path
) -> None:
    """Taken, the page there is the other interview's; that one deleted, its page stayed
    published there (a guest asking to be withdrawn still online), the site "up to date"."""
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires")
    shutil.copy(REPO / "interviews" / "elise-garnier.toml", series / "interviews")
    new(invoke, "Gilles Klien")
    assert invoke("edit", "gilles-klien", "--guest", "Gilles Klein").exit_code == 0
    assert invoke("export", "--all").exit_code == 0
    old = series / "site" / "gilles-klien.html"
    assert "url=gilles-klein.html" in old.read_text("utf-8")
    # Another interview of that name since, of another questionnaire (its neighbours
    # are not this one's: nothing else writes this one's pages again).
    other = Path(
        shutil.copy(
            REPO / "interviews" / "elise-garnier.toml",
            old.parent.parent / "interviews" / "gilles-klien.toml",
        )
    )
    assert invoke("export", "--all").exit_code == 0
    assert "url=gilles-klein.html" not in old.read_text("utf-8")

    other.unlink()
    assert invoke("export", "--all").exit_code == 0

    assert "url=gilles-klein.html" in old.read_text("utf-8")
    assert invoke("export", "--all").stderr.startswith(f"{series / 'site'}: up to date")


def test_a_draft_renamed_leaves_no_address_behind(invoke: Invoke, series: Path) -> None:
    """Never published: its old name leads nowhere worth keeping."""
    path = new(invoke, "Gilles Klien")
    path.write_text(
        path.read_text("utf-8").replace('status = "complete"', 'status = "draft"'), "utf-8"
    )
    assert invoke("edit", "gilles-klien", "--guest", "Gilles Klein").exit_code == 0
    assert load_interview(series / "interviews" / "gilles-klein.toml").former_slugs == []


def with_photo_copied_in(invoke: Invoke, series: Path) -> Path:
    """An interview of "Gilles Klien" whose photo jeudis copied in as images/gilles-klien.jpg."""
    klien = new(invoke, "Gilles Klien")
    interview = load_interview(klien)
    (series / "images").mkdir()
    write(series / "images" / "gilles-klien.jpg", "jpeg")
    interview.fields["photo"] = "images/gilles-klien.jpg"
    storage.save(interview)
    return klien


def test_the_photo_copied_in_under_the_old_name_takes_the_new_one(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Copied in as images/gilles-klien.jpg, the photo kept the typo in the address of
    every post's image. One named otherwise, or whose new name is taken, keeps its own."""
    with_photo_copied_in(invoke, series)

    result = invoke("edit", "gilles-klien", "--guest", "Gilles Klein")

    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[-1] == (
        "images/gilles-klien.jpg renamed images/gilles-klein.jpg"
    )
    assert sorted(p.name for p in (series / "images").iterdir()) == ["gilles-klein.jpg"]
    renamed = load_interview(series / "interviews" / "gilles-klein.toml")
    assert renamed.fields["photo"] == "images/gilles-klein.jpg"
    assert invoke("export", "gilles-klein", "-o", tmp_path / "p.html").exit_code == 0
    assert 'src="images/gilles-klein.jpg"' in (tmp_path / "p.html").read_text(encoding="utf-8")

    write(series / "images" / "gilles-klein-x.jpg", "another")
    assert invoke("edit", "gilles-klein", "--guest", "Gilles Klein X").exit_code == 0
    kept = load_interview(series / "interviews" / "gilles-klein-x.toml")
    assert kept.fields["photo"] == "images/gilles-klein.jpg"  # its new name taken: kept
    assert (series / "images" / "gilles-klein-x.jpg").read_text(encoding="utf-8") == "another"


def test_a_rename_the_disk_refuses_leaves_the_photo_as_it_was(
    invoke: Invoke, series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    klien = with_photo_copied_in(invoke, series)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = invoke("edit", "gilles-klien", "--guest", "Gilles Klein")

    assert result.exit_code != 0
    assert sorted(p.name for p in (series / "images").iterdir()) == ["gilles-klien.jpg"]
    assert interview_files(series) == [klien]
    assert load_interview(klien).fields["photo"] == "images/gilles-klien.jpg"


CLOSING_TOML = """id = "court"
title = "Court : {guest}"
language = "en"
closing = "Read {first_name} at {field:site}, on « {answer:blog} »."

[[fields]]
id = "site"
type = "url"
text = "Site?"
required = false

[[questions]]
id = "blog"
text = "Your blog?"
"""


def test_the_closing_jeudis_wrote_follows_what_it_quotes(invoke: Invoke, series: Path) -> None:
    """The closing words, rendered once when the interview was finished, kept the old
    name, site or answer after an edit: the post's last line said one address, its
    footer the new one. A site filled in since brings the closing its absence left out."""
    write(series / "questionnaires" / "court.toml", CLOSING_TOML)
    given = '[fields]\nsite = "https://old.example"\n[answers]\nblog = "Old Notes"\n'
    assert (
        invoke("new", "court", "--guest", "Ann Lee", "--data-file", "-", input=given).exit_code == 0
    )
    path = series / "interviews" / "ann-lee.toml"

    def closing() -> object:
        return load_interview(path).fields.get("closing")

    assert closing() == "Read Ann at https://old.example, on « Old Notes »."
    assert (
        invoke("edit", "ann-lee", "-q", "blog", "--answer-file", "-", input="New Notes\n").exit_code
        == 0
    )
    assert closing() == "Read Ann at https://old.example, on « New Notes »."
    assert invoke("edit", "ann-lee", "--guest", "Anna Lee").exit_code == 0
    path = series / "interviews" / "anna-lee.toml"
    assert closing() == "Read Anna at https://old.example, on « New Notes »."

    # The host's own closing is theirs: an edit leaves it.
    text = path.read_text(encoding="utf-8").replace("Read Anna at", "Find Anna at")
    path.write_text(text, encoding="utf-8")
    assert (
        invoke("edit", "anna-lee", "-q", "blog", "--answer-file", "-", input="Notes\n").exit_code
        == 0
    )
    assert closing() == "Find Anna at https://old.example, on « New Notes »."


def test_a_closing_left_out_for_a_missing_field_comes_once_it_is_given(
    invoke: Invoke, series: Path
) -> None:
    write(series / "questionnaires" / "court.toml", CLOSING_TOML)
    given = "[answers]\nblog = 'Notes'\n"
    assert (
        invoke("new", "court", "--guest", "Ann Lee", "--data-file", "-", input=given).exit_code == 0
    )
    path = series / "interviews" / "ann-lee.toml"
    assert "closing" not in load_interview(path).fields  # "Read Ann at , on …": none
    text = path.read_text(encoding="utf-8").replace('site = ""', 'site = "https://ann.example"')
    assert "https://ann.example" in text, text
    path.write_text(text, encoding="utf-8")
    assert (
        invoke("edit", "ann-lee", "-q", "blog", "--answer-file", "-", input="Notes!\n").exit_code
        == 0
    )
    assert (
        load_interview(path).fields.get("closing")
        == "Read Ann at https://ann.example, on « Notes! »."
    )


@pytest.mark.generators
@pytest.mark.parametrize("generator", ["hugo", "zola"])
def test_a_generator_leads_a_renamed_guests_old_address_to_the_post(
    invoke: Invoke, series: Path, tmp_path: Path, generator: str
) -> None:
    """Hugo's and Zola's aliases: each makes a page at the old address leading on."""
    from export_helpers import built_page, export_and_build

    new(invoke, "Gilles Klien")
    assert invoke("edit", "gilles-klien", "--guest", "Gilles Klein").exit_code == 0

    out = export_and_build(invoke, tmp_path, generator)

    page = built_page(out, generator, "gilles-klein")
    assert page.is_file()
    address = "/" + page.parent.relative_to(out).as_posix() + "/"
    old = built_page(out, generator, "gilles-klien").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in old and address in old


def test_a_name_typed_in_other_capitals_is_the_files_own(invoke: Invoke, series: Path) -> None:
    """macOS and Windows open gilles-klein.toml as "Gilles-Klein": the name as typed became
    the post's slug and address, and `edit --guest` said the file kept it. On Linux it
    was "no interview"."""
    new(invoke, "Gilles Klein")
    assert invoke("export", "--all").exit_code == 0

    shown = invoke("show", "Gilles-KLEIN")
    posted = invoke("export", "GILLES-klein", "--flavor", "hugo")
    renamed = invoke("edit", "Gilles-Klein", "--guest", "Gilles Klain")

    assert shown.exit_code == 0 and "Gilles Klein" in shown.stdout
    assert '\nslug = "gilles-klein"\n' in posted.stdout
    assert renamed.exit_code == 0, renamed
    assert "keeps its name" not in renamed.stderr
    assert [p.name for p in interview_files(series)] == ["gilles-klain.toml"]
    assert load_interview(series / "interviews" / "gilles-klain.toml").former_slugs == [
        "gilles-klein"
    ]


def test_a_name_two_files_answer_to_in_other_capitals_is_neither(
    invoke: Invoke, series: Path
) -> None:
    """Two files differing only in capitals (a case-sensitive file system): no guess."""
    path = new(invoke, "Ann Lee")
    shutil.copy(path, path.with_name("Ann-Lee.toml"))

    result = invoke("show", "ANN-LEE")

    assert result.exit_code == ExitCode.NOT_FOUND, result
    assert "no interview 'ANN-LEE'" in result.stderr


def test_a_name_of_no_latin_letter_is_said_and_slug_names_it(invoke: Invoke, series: Path) -> None:
    """张伟's interview was invite.toml, its post invite.html, with no word of it, and
    no way to name it otherwise."""
    result = invoke("new", "twitter", "--guest", "张伟", "--data-file", "-", input=ANSWERS_TOML)
    named = invoke(
        "new", "twitter", "--guest", "张伟", "--slug", "zhang-wei",
        "--data-file", "-", input=ANSWERS_TOML,
    )  # fmt: skip

    assert result.exit_code == 0, result
    assert result.stderr.splitlines()[-1] == (
        "note: 张伟: no letter of the name goes into a file's name; the interview is invite,"
        " and so its post's address (--slug names a new one otherwise: --slug zhang-wei)"
    )
    assert named.exit_code == 0, named
    assert "no letter" not in named.stderr
    assert load_interview(series / "interviews" / "zhang-wei.toml").guest == "张伟"
    assert [p.name for p in interview_files(series)] == ["invite.toml", "zhang-wei.toml"]


@pytest.mark.parametrize("slug", ["Zhang Wei", "zhang_wei", "../x", "con", "-x", "a" * 61])
def test_a_slug_jeudis_would_not_make_is_refused(invoke: Invoke, series: Path, slug: str) -> None:
    result = invoke(
        "new", "twitter", "--guest", "张伟", "--slug", slug, "--data-file", "-", input=ANSWERS_TOML
    )

    assert result.exit_code == ExitCode.USAGE, result
    assert "a slug is lowercase letters a-z and digits, words joined by -" in result.stderr
    assert interview_files(series) == []


def test_a_first_name_given_follows_the_name_and_is_said(
    invoke: Invoke, series: Path, elise: Path
) -> None:
    """A first name the host gave (new --first-name) is kept by an accent's correction,
    spelled as the name is now, dropped by another name, and said either way;
    edit --first-name gives it, or leaves it to the rule again with ""."""

    def motivation(slug: str) -> str:
        interview = load_interview(series / "interviews" / f"{slug}.toml")
        return interview.answer("motivation").question.split("!")[0]  # type: ignore[union-attr]

    given = invoke(
        "edit", "elise-garnier", "--guest", "Élise Marie Garnier", "--first-name", "Élise Marie"
    )
    assert given.exit_code == 0, given
    assert given.stdout.splitlines()[0] == (
        "elise-garnier: guest Élise Marie Garnier; first name Élise Marie; title worded again;"
        " question [motivation] worded again"
    )
    assert motivation("elise-marie-garnier") == "Bonjour Élise Marie "

    accent = invoke("edit", "elise-marie-garnier", "--guest", "Elise Marie Garnier")
    assert accent.stdout.splitlines()[0] == (
        "elise-marie-garnier: guest Elise Marie Garnier; first name Élise Marie kept, as Elise"
        " Marie; title worded again; question [motivation] worded again"
    ), accent
    assert motivation("elise-marie-garnier") == "Bonjour Elise Marie "

    other = invoke("edit", "elise-marie-garnier", "--guest", "Marie Garnier")
    assert other.stdout.splitlines()[0] == (
        "elise-marie-garnier: guest Marie Garnier; first name Elise Marie dropped, not in the"
        " new name: read from it (Marie); --first-name gives it again; title worded again;"
        " question [motivation] worded again"
    ), other
    assert motivation("marie-garnier") == "Bonjour Marie "

    again = invoke("edit", "marie-garnier", "--first-name", "Marie-Élise")
    assert (
        again.stdout
        == "marie-garnier: first name Marie-Élise; question [motivation] worded again\n"
    )
    assert motivation("marie-garnier") == "Bonjour Marie-Élise "
    ruled = invoke("edit", "marie-garnier", "--first-name", "")
    assert ruled.stdout == (
        "marie-garnier: first name read from the name; question [motivation] worded again\n"
    )
    assert motivation("marie-garnier") == "Bonjour Marie "
