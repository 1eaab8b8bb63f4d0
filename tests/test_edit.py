"""``jeudis edit``: answers, a question reworded for one guest, fields and notes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from jeudis.errors import ExitCode
from jeudis.interview_reading import load_interview
from support import (
    LU,
    PORTRAITS_V1,
    PORTRAITS_V2,
    REPO,
    Invoke,
    interview_files,
    new_portrait,
    write,
)

EXAMPLE = REPO / "interviews" / "amelie-roux.toml"
JEUDIS = Path(sys.executable).parent / "jeudis"


@pytest.fixture
def amelie(series: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, series / "interviews" / "amelie-roux.toml"))


def editor(tmp_path: Path, body: str) -> str:
    """An $EDITOR that runs ``body`` (Python, ``path`` and ``text`` given) on the file."""
    script = write(
        tmp_path / "fake_editor.py",
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\n"
        "text = path.read_text(encoding='utf-8')\n" + body + "\n",
    )
    return f"{sys.executable} {script}"


def use_editor(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """$EDITOR is ``command``, and no $VISUAL comes before it."""
    monkeypatch.setenv("EDITOR", command)
    monkeypatch.delenv("VISUAL", raising=False)


@pytest.fixture
def in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if ``jeudis edit`` ran in a terminal: the in-process runner's ends are not one."""
    import jeudis.cli.running

    monkeypatch.setattr(jeudis.cli.running, "_require_terminal", lambda **_: None)


def test_replace_an_answer_from_a_file(invoke: Invoke, amelie: Path, tmp_path: Path) -> None:
    before = load_interview(amelie)
    answer = write(tmp_path / "a.md", "Depuis toujours, ou presque 🙂\n\n- d’abord en lectrice\n")
    result = invoke("edit", "amelie-roux", "--question", "depuis-quand", "--answer-file", answer)
    assert result.exit_code == 0, result
    assert "answer depuis-quand replaced" in result.stdout
    after = load_interview(amelie)
    assert after.answer("depuis-quand").value == (  # type: ignore[union-attr]
        "Depuis toujours, ou presque 🙂\n\n- d’abord en lectrice"
    )
    assert after.updated > before.updated
    assert after.status == "complete"
    assert [a.id for a in after.answers] == [a.id for a in before.answers]


def test_replace_an_answer_from_standard_input(invoke: Invoke, amelie: Path) -> None:
    """``--answer-file -`` reads standard input, as a user expects of a file option."""
    result = invoke(
        "edit", "amelie-roux", "--question", "followers", "--answer-file", "-", input="12 000\n"
    )
    assert result.exit_code == 0, result
    assert load_interview(amelie).answer("followers").value == "12 000"  # type: ignore[union-attr]


def test_a_question_is_named_by_its_number_as_the_post_numbers_it(
    invoke: Invoke, amelie: Path
) -> None:
    """`--question 2` is the question the post and `jeudis show` number 2: a skipped
    question has no number, so the ones after it move up."""
    interview = load_interview(amelie)
    interview.answers[1].skipped, interview.answers[1].value = True, None  # followers
    amelie.write_text(interview.to_toml(), encoding="utf-8")

    result = invoke("edit", "amelie-roux", "-q", "2", "--answer-file", "-", input="Tout.\n")

    assert result.exit_code == 0, result
    assert "answer utilisations replaced" in result.stdout
    after = load_interview(amelie)
    assert after.answer("utilisations").value == "Tout."  # type: ignore[union-attr]
    assert after.answer("followers").skipped  # type: ignore[union-attr]
    shown = invoke("show", "amelie-roux", env={"COLUMNS": "200"}).stdout
    post = invoke("export", "amelie-roux", "--format", "md").stdout
    assert "2. Quelle(s) utilisation(s)" in shown and "## 2. Quelle(s) utilisation(s)" in post
    missing = invoke("edit", "amelie-roux", "-q", "13", "--answer-file", "-", input="x\n")
    assert missing.exit_code == ExitCode.NOT_FOUND
    assert "amelie-roux has no answer '13'" in missing.stderr
    assert "1. depuis-quand, followers, 2. utilisations" in missing.stderr


def test_an_answer_is_checked_like_a_live_one(invoke: Invoke, amelie: Path, tmp_path: Path) -> None:
    answer = write(tmp_path / "a.md", "beaucoup")
    result = invoke("edit", "amelie-roux", "--question", "followers", "--answer-file", answer)
    assert result.exit_code == ExitCode.MISSING_ANSWERS  # as a data file's or a sheet's: 2 was
    assert result.stderr.splitlines()[0] == (
        f"error: {answer}: followers: Un nombre de followers, par exemple 9 200."
    )
    assert load_interview(amelie).answer("followers").value == "2 980"  # type: ignore[union-attr]
    typed = invoke("edit", "amelie-roux", "-q", "followers", "--answer-file", "-", input="lots\n")
    assert typed.exit_code == ExitCode.MISSING_ANSWERS
    assert typed.stderr.startswith("error: <stdin>: followers: Un nombre de followers")


def test_the_same_answer_given_again_writes_nothing(
    invoke: Invoke, amelie: Path, tmp_path: Path
) -> None:
    """A script applying its answers again: "answer conseils replaced", a new time, and
    the next export rewrote the page and the feed's date, as if the post had changed."""
    before = amelie.read_bytes()
    same = load_interview(amelie).answer("followers").value  # type: ignore[union-attr]
    answer = write(tmp_path / "a.md", f"{same}\n")

    result = invoke("edit", "amelie-roux", "-q", "followers", "--answer-file", answer)

    assert result.exit_code == 0, result
    assert result.stdout == "amelie-roux: unchanged\n"
    assert amelie.read_bytes() == before


def test_an_answer_file_with_windows_line_endings_is_read_as_lines(
    invoke: Invoke, amelie: Path, tmp_path: Path
) -> None:
    """Its "\\r\\n" were kept in the answer, written on one escaped line of the file."""
    answer = tmp_path / "a.md"
    answer.write_bytes(b"Ligne un.\r\n\r\nLigne deux.\r\n")

    result = invoke("edit", "amelie-roux", "-q", "apport", "--answer-file", answer)

    assert result.exit_code == 0, result
    assert load_interview(amelie).answer("apport").value == "Ligne un.\n\nLigne deux."  # type: ignore[union-attr]
    assert 'answer = """\nLigne un.\n\nLigne deux."""' in amelie.read_text(encoding="utf-8")


def test_an_empty_answer_refused_on_standard_input_is_not_kept(
    invoke: Invoke, amelie: Path, series: Path
) -> None:
    """A script's empty answer, refused, left a hidden file in interviews/, which check
    warned of (and --strict failed on), though it held nothing."""
    result = invoke("edit", "amelie-roux", "-q", "followers", "--answer-file", "-", input="\n")
    assert result.exit_code == ExitCode.MISSING_ANSWERS, result
    assert kept_files(series) == []


REFUSED = "error: <stdin>: followers: Un nombre de followers, par exemple 9 200."


@pytest.mark.pty
def test_an_answer_typed_on_standard_input_that_is_refused_is_kept_in_a_file(
    series: Path, amelie: Path
) -> None:
    """`--answer-file -`, the answer typed at the terminal, then Ctrl-D: refused (not a
    number), it was gone with the error, to be typed again. It is kept, as a failed
    save keeps it, and the hint names the file."""
    env = {**os.environ, "TERM": "xterm-256color", "JEUDIS_DIR": str(series)}
    typed = "beaucoup, vraiment\ntrop pour les compter"
    child = pexpect.spawn(
        str(JEUDIS),
        ["edit", "amelie-roux", "-q", "followers", "--answer-file", "-"],
        env=env,
        dimensions=(40, 200),
        encoding="utf-8",
        timeout=float(os.environ.get("JEUDIS_PTY_TIMEOUT", "10")),
    )
    try:
        child.send(typed.replace("\n", "\r") + "\r")
        child.sendeof()
        child.expect(pexpect.EOF)
        said = re.sub(r"\x1b\[[0-9;]*m", "", (child.before or "").replace("\r\n", "\n"))
    finally:
        child.close()
    assert child.exitstatus == ExitCode.MISSING_ANSWERS
    kept = series / "interviews" / ".amelie-roux.answer.txt"
    assert f"{REFUSED}\nhint: the answer read from standard input is kept in {kept}\n" in said
    assert kept.read_text(encoding="utf-8") == typed + "\n"
    assert load_interview(amelie).answer("followers").value == "2 980"  # type: ignore[union-attr]


def test_an_answer_piped_that_is_refused_is_kept_in_a_file(
    invoke: Invoke, amelie: Path, series: Path
) -> None:
    """Piped, from a command that may not give it twice (a script that asks a service,
    a clipboard since changed), the answer refused is kept as a typed one is: a pipe
    from `cat answer.md` looks the same."""
    result = invoke("edit", "amelie-roux", "-q", "followers", "--answer-file", "-", input="lots\n")

    assert result.exit_code == ExitCode.MISSING_ANSWERS
    kept = series / "interviews" / ".amelie-roux.answer.txt"
    assert result.stderr == (
        f"{REFUSED}\nhint: the answer read from standard input is kept in {kept}\n"
    )
    assert kept.read_text(encoding="utf-8") == "lots\n"


def test_an_answer_refused_read_from_a_file_on_standard_input_is_not_copied(
    amelie: Path, series: Path, tmp_path: Path
) -> None:
    """`--answer-file - < answer.md`: the file has it still."""
    answer = write(tmp_path / "answer.md", "lots\n")
    with answer.open("rb") as given:
        result = subprocess.run(
            [JEUDIS, "edit", "amelie-roux", "-q", "followers", "--answer-file", "-"],
            stdin=given,
            capture_output=True,
            text=True,
            check=False,
        )

    assert result.returncode == ExitCode.MISSING_ANSWERS
    assert result.stderr == f"{REFUSED}\n"
    assert kept_files(series) == []


def test_unknown_question_lists_the_ids(invoke: Invoke, amelie: Path) -> None:
    result = invoke("edit", "amelie-roux", "--question", "nope", "--reword", "Et alors ?")
    assert result.exit_code == 3
    assert "amelie-roux has no answer 'nope'" in result.stderr
    assert "1. depuis-quand, 2. followers" in result.stderr


def test_an_interview_renamed_on_disk_is_named_by_its_file(
    invoke: Invoke, amelie: Path, tmp_path: Path
) -> None:
    """The host renames amelie-roux.toml (the guest married, say): list, show and export
    take the new name, and so must what edit and import say, rather than the name the
    file still records inside (`slug`), which no command finds any more."""
    renamed = amelie.rename(amelie.with_name("amelie-roux-dupont.toml"))
    result = invoke("edit", "amelie-roux-dupont", "--question", "nope", "--reword", "Et ?")
    assert result.exit_code == 3
    assert "amelie-roux-dupont has no answer 'nope'" in result.stderr

    sheet = tmp_path / "amelie.md"
    made = invoke("sheet", "twitter", "--guest", "Amélie Roux", "-o", sheet)
    assert made.exit_code == 0, made
    again = invoke("import", sheet)
    assert again.exit_code == 1
    said = " ".join(again.stderr.split())
    assert "interview amelie-roux-dupont (complete, 13 answers)" in said
    assert "`jeudis show amelie-roux-dupont`" in said
    assert "amelie-roux " not in said and "amelie-roux`" not in said
    assert invoke("show", "amelie-roux-dupont").exit_code == 0

    assert invoke("edit", "amelie-roux-dupont", "-q", "1", "--reword", "Depuis ?").exit_code == 0
    assert 'slug = "amelie-roux-dupont"' in renamed.read_text(encoding="utf-8")


def test_reworded_question_shows_in_the_export_and_is_not_drift(
    invoke: Invoke, amelie: Path
) -> None:
    wording = "Te considères-tu comme une twittos influente… ou plutôt discrète ?"
    result = invoke("edit", "amelie-roux", "--question", "influence", "--reword", wording)
    assert result.exit_code == 0, result
    answer = load_interview(amelie).answer("influence")
    assert answer is not None
    assert (answer.question, answer.reworded) == (wording, True)
    exported = invoke("export", "amelie-roux", "--format", "md")
    assert exported.exit_code == 0, exported
    assert "ou plutôt discrète" in exported.stdout
    assert "Te considères-tu comme une twittos influente ?" not in exported.stdout
    checked = invoke("check")
    assert "influence" not in checked.output


@pytest.mark.usefixtures("in_a_terminal")
def test_fields_in_the_editor(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (
        "assert 'intro = ' in text and 'site = ' in text\n"
        "text = text.replace('community manager', 'responsable de la communication')\n"
        "path.write_text(text, encoding='utf-8')"
    )
    use_editor(monkeypatch, editor(tmp_path, body))
    result = invoke("edit", "amelie-roux", "--fields")
    assert result.exit_code == 0, result
    assert "fields intro" in result.stdout
    assert "responsable de la communication" in load_interview(amelie).fields["intro"]


@pytest.mark.usefixtures("in_a_terminal")
def test_a_photo_file_named_in_the_editor_is_copied_into_the_series(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    portrait = write(tmp_path / "Amélie.PNG", "png")
    line = f'photo = "{portrait}"'
    body = (
        "import re\n"
        f"text = re.sub(r'(?m)^photo = .*$', {line!r}, text)\n"
        "path.write_text(text, encoding='utf-8')"
    )
    use_editor(monkeypatch, editor(tmp_path, body))

    result = invoke("edit", "amelie-roux", "--fields")

    assert result.exit_code == 0, result
    assert load_interview(amelie).fields["photo"] == "images/amelie-roux.png"
    assert (series / "images" / "amelie-roux.png").read_text(encoding="utf-8") == "png"


@pytest.mark.usefixtures("in_a_terminal")
def test_a_bad_field_changes_nothing(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "path.write_text(text.replace('site = \"https', 'site = \"ftp'), encoding='utf-8')"
    use_editor(monkeypatch, editor(tmp_path, body))
    monkeypatch.setattr("jeudis.editor.AT_ONCE", 0.0)  # reopened with the problem, and closed
    before = amelie.read_bytes()
    result = invoke("edit", "amelie-roux", "--fields")
    assert result.exit_code == 4
    assert "site: Une adresse complète est attendue" in result.stderr
    assert amelie.read_bytes() == before


@pytest.mark.usefixtures("in_a_terminal")
def test_private_notes_are_never_exported(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "path.write_text(text + 'Lui envoyer le lien du billet.\\n', encoding='utf-8')"
    use_editor(monkeypatch, editor(tmp_path, body))
    result = invoke("edit", "amelie-roux", "--notes")
    assert result.exit_code == 0, result
    assert load_interview(amelie).notes == "Lui envoyer le lien du billet."
    for fmt in ("md", "html"):
        exported = invoke("export", "amelie-roux", "--format", fmt)
        assert exported.exit_code == 0, exported
        assert "Lui envoyer le lien" not in exported.stdout


@pytest.mark.parametrize(
    "options",
    [
        ["--fields"],
        ["--notes"],
        ["--question", "followers", "--answer-file", "answer.md", "--fields"],
        ["--question", "followers", "--reword", "Combien ?", "--notes"],
    ],
    ids=["fields", "notes", "answer-file-and-fields", "reword-and-notes"],
)
def test_fields_and_notes_need_a_terminal_and_nothing_is_half_done(
    invoke: Invoke,
    amelie: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
) -> None:
    """Piped, $EDITOR (vim) would draw escape codes and fail, and the answer given with
    it was lost: refused before anything opens or changes, with what works instead."""
    opened = tmp_path / "opened"
    use_editor(monkeypatch, editor(tmp_path, f"pathlib.Path({str(opened)!r}).touch()"))
    write(tmp_path / "answer.md", "12 000")
    monkeypatch.chdir(tmp_path)
    before = amelie.read_bytes()

    result = invoke("edit", "amelie-roux", *options)

    assert result.exit_code == ExitCode.NO_TERMINAL, result
    assert result.stderr.splitlines()[0] == (
        f"error: {options[-1]} opens $EDITOR, which needs a terminal (standard input is not one)"
    )
    assert result.stderr.splitlines()[1].startswith("hint: ")
    assert not opened.exists()
    assert amelie.read_bytes() == before


@pytest.mark.usefixtures("in_a_terminal")
def test_an_answer_given_with_an_editor_that_fails_is_not_half_saved(
    invoke: Invoke,
    amelie: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_editor(monkeypatch, editor(tmp_path, "sys.exit(1)"))
    answer = write(tmp_path / "answer.md", "12 000")
    before = amelie.read_bytes()

    result = invoke(
        "edit", "amelie-roux", "--question", "followers", "--answer-file", answer, "--notes"
    )

    assert result.exit_code == 2, result
    assert "the editor exited with status 1; nothing was changed" in result.stderr
    assert amelie.read_bytes() == before


def test_live_edit_needs_a_terminal(invoke: Invoke, amelie: Path) -> None:
    result = invoke("edit", "amelie-roux", "--question", "depuis-quand")
    assert result.exit_code == 7
    assert "--answer-file" in result.stderr or "terminal" in result.stderr


def edit_in_a_terminal(series: Path, *args: str, columns: int = 120) -> pexpect.spawn:
    """The installed ``jeudis edit ARGS`` in a pseudo-terminal, on ``series``."""
    env = {**os.environ, "TERM": "xterm-256color", "JEUDIS_DIR": str(series)}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        str(JEUDIS),
        ["edit", *args],
        env=env,
        dimensions=(40, columns),
        encoding="utf-8",
        timeout=float(os.environ.get("JEUDIS_PTY_TIMEOUT", "10")),
    )


@pytest.mark.pty
def test_reask_one_answer_prefilled_in_a_terminal(series: Path, amelie: Path) -> None:
    child = edit_in_a_terminal(series, "amelie-roux", "--question", "depuis-quand")
    try:
        child.expect("Depuis combien de temps utilises-tu Twitter")
        child.expect("un peu par hasard")  # the answer given, prefilled
        child.send(" Et pour de bon.\r")
        child.expect("answer depuis-quand saved")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert load_interview(amelie).answer("depuis-quand").value == (  # type: ignore[union-attr]
        "Juin 2010, un peu par hasard. Et pour de bon."
    )


class Scripted:
    """A prompter for the live edit: one answer, maybe a follow-up, then the review's picks."""

    def __init__(self, answers: list[str], followup: str | None = None) -> None:
        self.answers = iter(answers)
        self.followup_text = followup
        self.picks = iter(["followers"])
        self.rows: list[tuple[str, str, str]] = []

    def ask(self, prompt: Any) -> Any:
        return next(self.answers)

    def followup(self, interview: Any, after: Any) -> str | None:
        text, self.followup_text = self.followup_text, None
        return text

    def review(self, interview: Any, rows: list[tuple[str, str, str]]) -> str | None:
        self.rows = rows
        return next(self.picks, None)


def test_an_answer_saved_as_it_was_changes_nothing(amelie: Path) -> None:
    """Entrée on the prefilled answer said "saved" and stamped the answer and the
    interview anew; a follow-up added after it is a change, the answer kept as it was."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    form = load_questionnaire(REPO / "questionnaires" / "twitter.toml")
    before = amelie.read_bytes()
    given = load_interview(amelie).answer("followers")
    assert given is not None
    assert not edit.reask(form, load_interview(amelie), "followers", Scripted([given.value]))
    assert amelie.read_bytes() == before
    with_followup = Scripted([given.value, "Des libraires."], followup="Qui vous suit ?")
    assert edit.reask(form, load_interview(amelie), "followers", with_followup)
    saved = load_interview(amelie)
    assert saved.answer("relance-1").value == "Des libraires."  # type: ignore[union-attr]
    assert saved.answer("followers").answered_at == given.answered_at  # type: ignore[union-attr]


PODCAST = """
id = "podcast"
title = "Podcast talk with {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "show"
text = "What is your show?"

[[questions]]
id = "live"
type = "yesno"
text = "Do you record live?"

[[questions]]
id = "tools"
type = "multi"
text = "Tools?"
choices = ["Audacity", "Reaper", "GarageBand"]

[[questions]]
id = "since"
type = "date"
text = "Since when?"
"""


@pytest.fixture
def dropped(series: Path, invoke: Invoke) -> Path:
    """An English interview whose questionnaire's version 2 dropped all but its first question."""
    form = write(series / "questionnaires" / "podcast.toml", PODCAST)
    answers = '[answers]\nshow = "Tech"\nlive = "yes"\ntools = ["Audacity", "Reaper"]\n'
    made = invoke("new", "podcast", "--guest", "Cy Young", "--data-file", "-",
                  input=answers + "since = 2010-05-01\n")  # fmt: skip
    assert made.exit_code == 0, made
    form.write_text(
        PODCAST.replace('id = "podcast"', 'id = "podcast"\nversion = 2').split(
            '\n[[questions]]\nid = "live"'
        )[0],
        encoding="utf-8",
    )
    return series / "interviews" / "cy-young.toml"


def test_an_answer_to_a_question_no_longer_asked_is_edited_as_its_type(
    invoke: Invoke, dropped: Path
) -> None:
    """Its question gone from the questionnaire, an answer was read from a file as
    French ("01/05/2010" the 1st of May in an American English interview, a
    choice refused as "Choix inconnu") and every choice refused; it reads in the
    interview's language, and a choice it holds may be kept."""

    def replaced(question: str, text: str) -> Any:
        result = invoke("edit", "cy-young", "-q", question, "--answer-file", "-", input=text)
        assert result.exit_code == 0, result
        return load_interview(dropped).answer(question).value  # type: ignore[union-attr]

    assert replaced("since", "01/05/2010") == dt.date(2010, 1, 5)
    assert replaced("live", "no") is False
    assert replaced("tools", "Audacity") == ["Audacity"]
    refused = invoke("edit", "cy-young", "-q", "tools", "--answer-file", "-", input="Vim")
    assert refused.exit_code == ExitCode.MISSING_ANSWERS
    assert refused.stderr.startswith(
        "error: <stdin>: tools: Unknown choice: Vim ("
    )  # then the choices


def test_an_answer_to_a_question_no_longer_asked_is_asked_again_as_its_type(
    dropped: Path,
) -> None:
    """Asked again live, it was a long text prefilled with "Oui" (a yes in English),
    "Audacity, Reaper" or "2010-05-01", and Enter on it saved that text in the
    answer's place: the post read "Oui", a list became a line, a date its ISO form.
    It is asked as its type now, and Enter on it changes nothing."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    class Enter:
        """Enter on what is prefilled."""

        def __init__(self) -> None:
            self.prompts: list[Any] = []

        def ask(self, prompt: Any) -> Any:
            self.prompts.append(prompt)
            return prompt.default

    form = load_questionnaire(dropped.parent.parent / "questionnaires" / "podcast.toml")
    before = dropped.read_bytes()
    prompter = Enter()
    for question in ("live", "tools", "since"):
        assert not edit.reask(form, load_interview(dropped), question, prompter)
    assert dropped.read_bytes() == before
    assert [(p.kind, p.default) for p in prompter.prompts] == [
        ("select", "Yes"),
        ("checkbox", ["Audacity", "Reaper"]),
        ("text", "May 1, 2010"),  # as the review writes it
    ]
    # Its number in the post, which publishes it: a version dropping its question
    # does not change a post.
    assert [p.counter for p in prompter.prompts] == ["[2/4]", "[3/4]", "[4/4]"]


def test_the_review_numbers_the_questions_as_the_post_does(amelie: Path) -> None:
    """A skipped question has no number in the post: the review's numbers were one
    ahead after it, and `edit -q N` takes the post's."""
    from jeudis import edit

    interview = load_interview(amelie)
    interview.answers[1].skipped, interview.answers[1].value = True, None  # followers
    prompter = Scripted([])
    prompter.picks = iter([])
    edit.review(None, interview, prompter)
    labels = [label for _, label, _ in prompter.rows[:3]]
    assert labels[0].startswith("1. ") and labels[2].startswith("2. Quelle(s) utilisation(s)")
    assert labels[1] == interview.answers[1].question


def test_review_screen_edit_with_a_followup(amelie: Path) -> None:
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    form = load_questionnaire(REPO / "questionnaires" / "twitter.toml")
    interview = load_interview(amelie)
    prompter = Scripted(["3 100", "Surtout des libraires."], followup="Qui vous suit, surtout ?")
    assert edit.review(form, interview, prompter) == 1
    saved = load_interview(amelie)
    assert [a.id for a in saved.answers][:4] == [
        "depuis-quand",
        "followers",
        "relance-1",
        "utilisations",
    ]
    assert saved.answer("followers").value == "3 100"  # type: ignore[union-attr]
    assert saved.answer("relance-1").followup  # type: ignore[union-attr]
    assert [label[:3] for _, label, _ in prompter.rows[:4]] == ["1. ", "2. ", "↳ Q", "3. "]


@pytest.mark.parametrize(
    ("command", "body", "message"),
    [
        ("'", None, "$EDITOR is not a command"),  # an unclosed quote
        (" ", None, "$EDITOR is not a command"),
        (None, "path.write_bytes(b'site = \"\\xff\"')", "saved text that is not UTF-8"),
        (None, "path.unlink()", "removed the file it was given"),
    ],
)
@pytest.mark.usefixtures("in_a_terminal")
def test_an_editor_that_misbehaves_changes_nothing(
    invoke: Invoke,
    amelie: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str | None,
    body: str | None,
    message: str,
) -> None:
    use_editor(monkeypatch, command if command is not None else editor(tmp_path, body or ""))
    before = amelie.read_bytes()

    result = invoke("edit", "amelie-roux", "--fields")

    assert result.exit_code == 2, result
    assert message in result.stderr
    assert "Traceback" not in result.output and "/tmp/jeudis-" not in result.output
    assert amelie.read_bytes() == before


@pytest.mark.parametrize(
    ("variable", "installed", "hint"),
    [
        ("EDITOR", ["vim"], "hint: set $EDITOR to an editor this machine has (e.g. EDITOR=vim)"),
        (
            "VISUAL",
            ["emacs"],
            "hint: set $VISUAL to an editor this machine has (e.g. VISUAL=emacs)",
        ),
        # A nano there whose interpreter is not: never named as the editor to use.
        ("EDITOR", ["nano", "vi"], "(e.g. EDITOR=vi)"),
        ("EDITOR", [], "hint: install an editor, or set $EDITOR to the command of one"),
    ],
)
@pytest.mark.usefixtures("in_a_terminal")
def test_an_editor_not_installed_is_said_with_one_that_is(
    invoke: Invoke,
    amelie: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    installed: list[str],
    hint: str,
) -> None:
    """``EDITOR=nano`` on a machine without nano: the hint names the variable the
    editor came from ($VISUAL comes first) and an editor there is, not nano again."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in installed:
        program = folder / name
        program.write_text("#!/nowhere/sh\n" if name == "nano" else "#!/bin/sh\n", "utf-8")
        program.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("EDITOR", "nano")
    if variable == "VISUAL":
        monkeypatch.setenv("VISUAL", "nano")
    else:
        monkeypatch.delenv("VISUAL", raising=False)
    before = amelie.read_bytes()

    result = invoke("edit", "amelie-roux", "--fields")

    assert result.exit_code == 2, result
    assert "error: cannot start the editor 'nano': No such file or directory" in result.stderr
    assert hint in result.stderr
    assert amelie.read_bytes() == before


@pytest.mark.pty
def test_killed_while_the_editor_is_open_leaves_no_copy_of_the_notes(
    amelie: Path, tmp_path: Path
) -> None:
    """The temporary copy may hold the host's private notes: removed on SIGTERM too."""
    import signal
    import time

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    opened = tmp_path / "opened"
    script = write(
        tmp_path / "slow_editor.py",
        f"import pathlib, time\npathlib.Path({str(opened)!r}).touch()\ntime.sleep(30)\n",
    )
    env = {
        **os.environ,
        "EDITOR": f"{sys.executable} {script}",
        "TMPDIR": str(temporary),
        "JEUDIS_DIR": str(amelie.parent.parent),
    }
    env.pop("VISUAL", None)
    # In a terminal of its own: --notes opens $EDITOR only in one.
    child = pexpect.spawn(str(JEUDIS), ["edit", "amelie-roux", "--notes"], env=env, timeout=20)
    try:
        deadline = time.monotonic() + 20
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(temporary.glob("jeudis-*")), "the editor was not given a copy"
        child.kill(signal.SIGTERM)
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 128 + signal.SIGTERM
    finally:
        child.close(force=True)
    assert not list(temporary.glob("jeudis-*"))


@pytest.mark.pty
@pytest.mark.parametrize("left", ["os.mkfifo(path)", "path.mkdir()"])
def test_an_editor_that_leaves_no_file_in_its_place_changes_nothing(
    amelie: Path, tmp_path: Path, left: str
) -> None:
    """A FIFO there would block the read for ever: a process of its own, with a time limit."""

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {
        **os.environ,
        "EDITOR": editor(tmp_path, f"import os\npath.unlink()\n{left}"),
        "TMPDIR": str(temporary),
        "JEUDIS_DIR": str(amelie.parent.parent),
    }
    env.pop("VISUAL", None)
    before = amelie.read_bytes()

    # In a terminal of its own (--fields opens $EDITOR only in one), with a time limit.
    child = pexpect.spawn(
        str(JEUDIS), ["edit", "amelie-roux", "--fields"], env=env, timeout=60, encoding="utf-8"
    )
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 2, child.before
    assert "the editor removed the file it was given; nothing was changed" in child.before
    assert amelie.read_bytes() == before
    assert not list(temporary.iterdir())  # nothing left behind in the temporary folder


@pytest.mark.usefixtures("in_a_terminal")
def test_a_field_that_does_not_read_opens_the_editor_again_with_the_problem(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the host typed is not lost: the problem is shown above it, and they fix it."""
    seen = tmp_path / "seen.txt"
    body = (
        f"seen = pathlib.Path({str(seen)!r})\n"
        "if '# ! ' not in text:  # first: a TOML slip, and a new site\n"
        "    text = text.replace('site = \"https://www.example.com/amelie-roux\"',"
        " 'site = \"https://amelie.example\"\\nbroken = = 1')\n"
        "else:  # then: the problem read, the slip taken out\n"
        "    seen.write_text(text, encoding='utf-8')\n"
        "    text = text.replace('broken = = 1\\n', '')\n"
        "path.write_text(text, encoding='utf-8')"
    )
    use_editor(monkeypatch, editor(tmp_path, body))
    result = invoke("edit", "amelie-roux", "--fields")
    assert result.exit_code == 0, result
    assert load_interview(amelie).fields["site"] == "https://amelie.example"  # kept
    second = seen.read_text(encoding="utf-8")
    first, problem, last = second.splitlines()[:3]
    assert first.startswith("# ! jeudis could not read these fields")
    assert problem.startswith("# ! line ") and "invalid TOML" in problem
    line = int(problem.split("line ")[1].split(":")[0])
    assert second.splitlines()[line - 1] == "broken = = 1"  # the line it names
    assert last.startswith("# ! correct them and save")
    assert "# !" not in amelie.read_text(encoding="utf-8")


@pytest.mark.usefixtures("in_a_terminal")
def test_an_editor_that_drops_the_problem_lines_but_not_the_slip_stops(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same fields twice, problem lines kept or not: given up, not an endless loop."""
    body = (
        "text = '\\n'.join(l for l in text.splitlines() if not l.startswith('# !'))\n"
        "text = text.replace('site = \"https', 'site = \"ftp')\n"
        "path.write_text(text, encoding='utf-8')"
    )
    use_editor(monkeypatch, editor(tmp_path, body))
    before = amelie.read_bytes()
    result = invoke("edit", "amelie-roux", "--fields")
    assert result.exit_code == 4, result
    assert "site: Une adresse complète est attendue" in result.stderr
    assert amelie.read_bytes() == before
    assert kept_files(amelie.parent.parent) == []  # given up: nothing to keep


# -- a save that fails after the editor: what the host wrote is kept --------------------------


def kept_files(series: Path) -> list[Path]:
    """The files beside the interviews and in the cache, the interviews aside."""
    found = [p for p in (series / "interviews").iterdir() if p.suffix != ".lock"]
    found += (
        list((series / ".jeudis-cache").glob("*")) if (series / ".jeudis-cache").is_dir() else []
    )
    return sorted(p for p in found if p not in interview_files(series))


@pytest.mark.usefixtures("in_a_terminal")
def test_fields_too_large_to_save_are_kept_in_a_file_the_hint_names(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save refused (the interview would be too large to read back), the temporary
    file went with the editor, and the host's fields with it."""
    amelie.chmod(0o640)
    body = (
        "text = text.replace('community manager', 'responsable ' + 'x' * 10_500_000)\n"
        "path.write_text(text, encoding='utf-8')"
    )
    use_editor(monkeypatch, editor(tmp_path, body))
    before = amelie.read_bytes()

    result = invoke("edit", "amelie-roux", "--fields")

    assert result.exit_code == 1, result
    kept = series / "interviews" / ".amelie-roux.fields.toml"
    refused = "too large: it would be more than 10 MB, the most jeudis reads"
    shorten = "shorten what is added to it, then run the command again"
    assert result.stderr.splitlines() == [
        f"error: {amelie}: not saved ({refused})",
        f"hint: {shorten}; the fields you edited are kept in {kept}",
    ]
    assert amelie.read_bytes() == before
    assert kept_files(series) == [kept]
    text = kept.read_text(encoding="utf-8")
    assert "intro = " in text and "responsable " + "x" * 10_500_000 in text
    assert kept.stat().st_mode & 0o777 == 0o640  # as private as the interview
    # Not an interview: no command lists it, checks it or exports it.
    assert [i["slug"] for i in json.loads(invoke("list", "--json").stdout)] == ["amelie-roux"]
    assert invoke("check").exit_code == 0
    again = invoke("edit", "amelie-roux", "--fields")  # a second failure: a file of its own
    assert again.stderr.endswith(f"{kept.with_name('.amelie-roux.fields-2.toml')}\n")
    assert kept.read_text(encoding="utf-8") == text


@pytest.mark.usefixtures("in_a_terminal")
def test_notes_a_session_keeps_from_being_saved_are_kept_in_a_file(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session opened on the interview while the host wrote the notes: not saved."""
    from jeudis import storage

    body = "path.write_text(text + 'Lui envoyer le lien du billet.\\n', encoding='utf-8')"
    use_editor(monkeypatch, editor(tmp_path, body))

    with storage.session_lock(amelie):
        result = invoke("edit", "amelie-roux", "--notes")

    assert result.exit_code == ExitCode.LOCKED, result
    kept = series / "interviews" / ".amelie-roux.notes.txt"
    assert result.stderr.splitlines()[1] == (
        "hint: finish or pause that session first; only one session per interview; the notes"
        f" you edited are kept in {kept}"
    )
    assert kept.read_text(encoding="utf-8").endswith("\nLui envoyer le lien du billet.\n")
    assert load_interview(amelie).notes == ""


def test_an_answer_read_from_standard_input_that_a_save_refused_is_kept_in_a_file(
    invoke: Invoke, amelie: Path, series: Path
) -> None:
    """`--answer-file -`: typed at the terminal, or piped from a command that may not give
    it twice, the answer was in jeudis only when the save was refused."""
    from jeudis import storage

    with storage.session_lock(amelie):
        result = invoke(
            "edit", "amelie-roux", "-q", "followers", "--answer-file", "-", input="12 000\n"
        )

    assert result.exit_code == ExitCode.LOCKED, result
    kept = series / "interviews" / ".amelie-roux.answer.txt"
    assert result.stderr.splitlines()[1] == (
        "hint: finish or pause that session first; only one session per interview; the answer"
        f" read from standard input is kept in {kept}"
    )
    assert kept.read_text(encoding="utf-8") == "12 000\n"
    assert load_interview(amelie).answer("followers").value == "2 980"  # type: ignore[union-attr]


@pytest.mark.usefixtures("in_a_terminal")
def test_an_answer_read_from_standard_input_is_kept_when_the_editor_stops_the_command(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --fields, the editor came after the answer: failing (or the host giving up
    on fields that do not read), it stopped the command, and the answer was gone."""
    use_editor(monkeypatch, editor(tmp_path, "sys.exit(1)"))

    result = invoke(
        "edit", "amelie-roux", "-q", "followers", "--answer-file", "-", "--fields",
        input="12 000\n",
    )  # fmt: skip

    assert result.exit_code == ExitCode.USAGE, result
    kept = series / "interviews" / ".amelie-roux.answer.txt"
    assert result.stderr.splitlines()[0] == (
        "error: the editor exited with status 1; nothing was changed"
    )
    assert result.stderr.splitlines()[1] == (
        f"hint: the answer read from standard input is kept in {kept}"
    )
    assert kept.read_text(encoding="utf-8") == "12 000\n"
    assert load_interview(amelie).answer("followers").value == "2 980"  # type: ignore[union-attr]
    # Said once, in a hint: `check` reminds of it until the host deletes it.
    checked = invoke("check")
    assert checked.exit_code == 0, checked
    assert f"{kept}: warning: kept from a save that failed: what it holds is in no interview" in (
        checked.stdout + checked.stderr
    )
    assert str(kept) not in invoke("check", amelie).output  # a file named: that file only
    kept.unlink()
    assert str(kept) not in invoke("check").output


def test_an_answer_read_from_a_file_that_a_save_refused_is_not_copied(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path
) -> None:
    """The file given is there still, and so is a wording given with --reword."""
    from jeudis import storage

    answer = write(tmp_path / "answer.txt", "12 000\n")
    with storage.session_lock(amelie):
        result = invoke(
            "edit",
            "amelie-roux",
            "-q",
            "followers",
            "--answer-file",
            answer,
            "--reword",
            "Combien ?",
        )

    assert result.exit_code == ExitCode.LOCKED, result
    assert result.stderr.splitlines()[1] == (
        "hint: finish or pause that session first; only one session per interview"
    )
    assert kept_files(series) == []


@pytest.mark.usefixtures("in_a_terminal")
def test_fields_and_notes_a_read_only_folder_refuses_are_kept_in_the_series_cache(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """interviews/ read-only: nothing is written there, the kept files neither."""
    import errno

    body = (
        "if text.startswith('# Private'):\n"
        "    text += 'Lui envoyer le lien.\\n'\n"
        "else:\n"
        "    text = text.replace('community manager', 'responsable de la communication')\n"
        "path.write_text(text, encoding='utf-8')"
    )
    use_editor(monkeypatch, editor(tmp_path, body))
    real_open = os.open
    interviews = series / "interviews"

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).parent == interviews:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    before = amelie.read_bytes()

    result = invoke("edit", "amelie-roux", "--fields", "--notes")

    assert result.exit_code == 1, result
    cache = series / ".jeudis-cache"
    assert result.stderr.splitlines()[1] == (
        "hint: make its folder writable, then run the command again; the fields you edited"
        f" are kept in {cache / 'amelie-roux.fields.toml'}; the notes you edited are kept in"
        f" {cache / 'amelie-roux.notes.txt'}"
    )
    assert "responsable de la communication" in (cache / "amelie-roux.fields.toml").read_text(
        encoding="utf-8"
    )
    assert (cache / "amelie-roux.notes.txt").read_text(encoding="utf-8").endswith("lien.\n")
    assert amelie.read_bytes() == before


@pytest.mark.usefixtures("in_a_terminal")
def test_notes_no_file_can_take_on_a_full_disk_are_printed_to_copy(
    invoke: Invoke, amelie: Path, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    body = "path.write_text(text + 'Lui envoyer le lien du billet.\\n', encoding='utf-8')"
    use_editor(monkeypatch, editor(tmp_path, body))

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)

    result = invoke("edit", "amelie-roux", "--notes")

    assert result.exit_code == 1, result
    header = "# Private notes on Amélie Roux's interview, never exported."
    assert result.stderr.splitlines() == [
        "not saved, the notes as you edited them (copy them):",
        f"{header} This line is dropped.",
        "",
        "Lui envoyer le lien du billet.",
        f"error: {amelie}: not saved ({os.strerror(errno.ENOSPC)})",
        "hint: free some space on the disk, then run the command again",
    ]
    assert kept_files(series) == []


def test_edit_keeps_the_question_the_host_was_writing(series: Path) -> None:
    """Changing an answer of an open interview's draft keeps its paused host question."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire
    from jeudis.storage import save

    path = Path(shutil.copy(REPO / "interviews" / "elise-garnier.toml", series / "interviews"))
    draft = load_interview(path)
    draft.status = "draft"
    draft.pending = {"@next-question": "Quel est ton personnage pré"}
    save(draft, touch=False)
    form = load_questionnaire(REPO / "questionnaires" / "livre.toml")
    assert edit.reask(form, load_interview(path), "motivation", Scripted(["Autre réponse."]))
    saved = load_interview(path)
    assert saved.answer("motivation").value == "Autre réponse."  # type: ignore[union-attr]
    assert saved.pending == {"@next-question": "Quel est ton personnage pré"}


@pytest.mark.parametrize("with_", ["--fields", "--notes"])
def test_a_question_to_ask_again_with_fields_or_notes_is_refused(
    invoke: Invoke, amelie: Path, with_: str
) -> None:
    """The editor ran and the question was never asked, without a word."""
    before = amelie.read_bytes()
    result = invoke("edit", "amelie-roux", "--question", "depuis-quand", with_)
    assert result.exit_code == 2, result
    assert result.stderr.startswith(
        "error: --question depuis-quand asks the answer again, live, on its own\n"
    )
    assert amelie.read_bytes() == before


LECTURES = """
id = "lectures"
title = "Les lectures de {guest}"
registers = ["vous"]

[[fields]]
id = "ville"
text = "Ville de {guest}"

[[questions]]
id = "livre"
text = "Quel livre lisez-vous à {field:ville} ?"

[[questions]]
id = "auteur"
text = "Qui a écrit « {answer:livre} » ?"
"""


@pytest.fixture
def lectures(invoke: Invoke, series: Path, tmp_path: Path) -> Path:
    write(series / "questionnaires" / "lectures.toml", LECTURES)
    data = write(
        tmp_path / "data.toml",
        '[fields]\nville = "Angers"\n[answers]\nlivre = "Dune"\nauteur = "Frank Herbert"\n',
    )
    assert invoke("new", "lectures", "--guest", "Yves Martin", "--data-file", data).exit_code == 0
    return series / "interviews" / "yves-martin.toml"


def test_an_answer_replaced_from_a_file_is_quoted_anew(
    invoke: Invoke, lectures: Path, tmp_path: Path
) -> None:
    answer = write(tmp_path / "a.md", "Fondation\n")
    result = invoke("edit", "yves-martin", "--question", "livre", "--answer-file", answer)
    assert result.exit_code == 0, result
    assert load_interview(lectures).answer("auteur").question == "Qui a écrit « Fondation » ?"  # type: ignore[union-attr]


@pytest.mark.usefixtures("in_a_terminal")
def test_a_field_changed_in_the_editor_is_quoted_anew(
    invoke: Invoke, lectures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "path.write_text(text.replace('Angers', 'Orléans'), encoding='utf-8')"
    use_editor(monkeypatch, editor(tmp_path, body))
    result = invoke("edit", "yves-martin", "--fields")
    assert result.exit_code == 0, result
    saved = load_interview(lectures)
    assert saved.answer("livre").question == "Quel livre lisez-vous à Orléans ?"  # type: ignore[union-attr]


def read_it(invoke: Invoke, series: Path, tmp_path: Path, lu: str) -> Path:
    """Anne Roux's interview, complete: she read the book (``lu = "oui"``) and says
    what she thought, or not."""
    write(series / "questionnaires" / "lu.toml", LU)
    opinion = 'avis = "Un beau livre, très fort."\n' if lu == "oui" else ""
    data = write(tmp_path / "data.toml", f'[answers]\nlu = "{lu}"\n{opinion}fin = "Merci"\n')
    assert invoke("new", "lu", "--guest", "Anne Roux", "--data-file", data).exit_code == 0
    return series / "interviews" / "anne-roux.toml"


def test_an_answer_its_condition_leaves_out_goes_to_the_notes_not_the_post(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """A "Non" where "Oui" was: the opinion on the book is not asked any more, so the
    post must not have it; the host keeps it in the notes."""
    path = read_it(invoke, series, tmp_path, "oui")

    result = invoke("edit", "anne-roux", "-q", "lu", "--answer-file", write(tmp_path / "a", "non"))

    assert result.exit_code == 0, result
    assert "[avis] not asked any more: kept in the private notes" in " ".join(result.stderr.split())
    saved = load_interview(path)
    assert [a.id for a in saved.answers] == ["lu", "fin"]
    assert saved.status == "complete"
    assert "[avis] Qu'en as-tu pensé ? (not asked since [lu] is 'Non')" in saved.notes
    assert "Un beau livre, très fort." in saved.notes
    post = invoke("export", "anne-roux", "--format", "md")
    assert post.exit_code == 0, post
    assert "beau livre" not in post.stdout


def test_a_question_a_changed_answer_now_asks_makes_the_interview_a_draft(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """A "Oui" where "Non" was: the opinion is asked now, and the interview is not
    complete without it; `jeudis resume` asks it."""
    path = read_it(invoke, series, tmp_path, "non")

    result = invoke("edit", "anne-roux", "-q", "lu", "--answer-file", write(tmp_path / "a", "oui"))

    assert result.exit_code == 0, result
    said = " ".join(result.stderr.split())
    assert "[avis] asked now, and not answered; a draft again: `jeudis resume anne-roux`" in said
    saved = load_interview(path)
    assert saved.status == "draft" and saved.completed is not None  # its first kept
    assert invoke("export", "anne-roux").exit_code != 0  # a draft is not published


def test_a_live_edit_asks_the_question_the_new_answer_asks(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    from jeudis import edit
    from jeudis.prompts import BACK
    from jeudis.questionnaire import load_questionnaire

    path = read_it(invoke, series, tmp_path, "non")
    form = load_questionnaire(series / "questionnaires" / "lu.toml")

    assert edit.reask(form, load_interview(path), "lu", Scripted(["Oui", "Bouleversant."]))

    saved = load_interview(path)
    assert [(a.id, a.value) for a in saved.answers] == [
        ("lu", True),
        ("avis", "Bouleversant."),
        ("fin", "Merci"),
    ]
    assert saved.status == "complete"
    # Non, then Oui again, the opinion set aside by an older jeudis (in the notes
    # only), Page↑ on it: left for `jeudis resume`.
    assert edit.reask(form, load_interview(path), "lu", Scripted(["Non"]))
    older = load_interview(path)
    older.set_aside = []
    aftermath = edit.Aftermath()
    assert edit.reask(form, older, "lu", Scripted(["Oui", BACK]), aftermath)  # type: ignore[list-item]
    assert aftermath.missing == ["avis"] and aftermath.reopened
    saved = load_interview(path)
    assert saved.status == "draft"
    assert "Bouleversant." in saved.notes  # the opinion given, from the "Non"


def test_the_file_is_a_draft_while_the_question_a_change_asks_is_asked(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """The machine off while the host types the opinion a new "Oui" asks: the file
    said complete without it, which `jeudis resume` refuses and an export publishes.
    It is a draft from the save of the "Oui" on, complete again, as it was, once the
    opinion is given."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    path = read_it(invoke, series, tmp_path, "non")
    form = load_questionnaire(series / "questionnaires" / "lu.toml")
    completed = load_interview(path).completed
    on_disk: list[tuple[str, object]] = []

    class Looking(Scripted):
        def ask(self, prompt: Any) -> Any:
            saved = load_interview(path)
            on_disk.append((saved.status, saved.answer("lu").value))  # type: ignore[union-attr]
            return super().ask(prompt)

    assert edit.reask(form, load_interview(path), "lu", Looking(["Oui", "Bouleversant."]))

    assert on_disk == [("complete", False), ("draft", True)]
    saved = load_interview(path)
    assert saved.status == "complete" and saved.completed == completed
    assert saved.answer("avis").value == "Bouleversant."  # type: ignore[union-attr]


def test_what_a_change_a_save_refused_did_is_not_said_as_done(
    invoke: Invoke, series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the changes of `jeudis edit` did is said before the error of a save that
    failed: as the file holds it. "Non" saved (the opinion set aside), then "Oui" the
    disk refused: the opinion is still in the notes, not back. "Oui" saved on an
    interview where it was "Non", then the opinion it asks refused: one answer changed."""
    import errno

    from jeudis import edit, storage
    from jeudis.errors import NotSaved
    from jeudis.questionnaire import load_questionnaire

    saves = storage.save

    def full_from(count: int) -> None:
        calls = iter(range(1, 1000))

        def save(interview: Any) -> Path:
            if next(calls) >= count:
                assert interview.path is not None
                raise NotSaved(interview.path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
            return saves(interview)

        monkeypatch.setattr(storage, "save", save)

    interview = load_interview(read_it(invoke, series, tmp_path, "oui"))
    form = load_questionnaire(series / "questionnaires" / "lu.toml")
    aftermath = edit.Aftermath()
    assert edit.reask(form, interview, "lu", Scripted(["Non"]), aftermath)
    full_from(1)
    with pytest.raises(NotSaved):
        edit.reask(form, interview, "lu", Scripted(["Oui"]), aftermath)
    assert (aftermath.changed, aftermath.aside, aftermath.moves.back) == (1, ["avis"], [])

    monkeypatch.setattr(storage, "save", saves)
    assert interview.path is not None
    interview.path.unlink()
    path = read_it(invoke, series, tmp_path, "non")
    aftermath = edit.Aftermath()
    full_from(2)  # "Oui" saved, the opinion it asks refused
    with pytest.raises(NotSaved):
        edit.reask(form, load_interview(path), "lu", Scripted(["Oui", "Bouleversant."]), aftermath)
    assert aftermath.changed == 1
    assert load_interview(path).answer("lu").value is True  # type: ignore[union-attr]


def test_an_answer_set_aside_comes_back_when_the_review_changes_it_back(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """At `jeudis edit`'s review, "Non" then "Oui" again: the opinion comes back as it
    was, out of the notes, as in a live session; it was asked again, empty, its text
    left in the notes, and the warning said it went to the notes though it was back."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    path = read_it(invoke, series, tmp_path, "oui")
    form = load_questionnaire(series / "questionnaires" / "lu.toml")
    prompter = Scripted(["Non", "Oui"])
    prompter.picks = iter(["lu", "lu"])
    aftermath = edit.Aftermath()

    assert edit.review(form, load_interview(path), prompter, aftermath) == 2

    saved = load_interview(path)
    assert [(a.id, a.value) for a in saved.answers] == [
        ("lu", True),
        ("avis", "Un beau livre, très fort."),
        ("fin", "Merci"),
    ]
    assert saved.notes == ""
    assert saved.status == "complete"
    assert aftermath.said("anne-roux") == []


def test_the_edit_review_reads_a_yes_or_no_as_the_post_does(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """`jeudis edit`'s review said "oui" where the post says "Oui"."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    path = read_it(invoke, series, tmp_path, "oui")
    prompter = Scripted([])
    prompter.picks = iter([])

    edit.review(
        load_questionnaire(series / "questionnaires" / "lu.toml"), load_interview(path), prompter
    )

    assert prompter.rows[0] == ("lu", "1. As-tu lu le livre ?", "Oui")
    post = invoke("export", "anne-roux", "--format", "md")
    assert "Oui" in post.stdout


def test_the_review_says_once_each_answer_left_out_at_the_end(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """At the review, "Non", "Oui", "Non": the opinion is in the notes once, and said once."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    path = read_it(invoke, series, tmp_path, "oui")
    form = load_questionnaire(series / "questionnaires" / "lu.toml")
    prompter = Scripted(["Non", "Oui", "Non"])
    prompter.picks = iter(["lu", "lu", "lu"])
    aftermath = edit.Aftermath()

    edit.review(form, load_interview(path), prompter, aftermath)

    saved = load_interview(path)
    assert [a.id for a in saved.answers] == ["lu", "fin"]
    assert saved.notes.count("Un beau livre, très fort.") == 1
    assert [line.split(" not asked")[0] for line in aftermath.said("anne-roux")] == ["[avis]"]


# -- an answer set aside, back in a later run --------------------------------------------


def read_then_not(invoke: Invoke, series: Path, tmp_path: Path) -> Path:
    """Anne Roux read the book, said what she thought, was asked why; then `jeudis
    edit` made her "Oui" a "Non": the opinion and its follow-up are set aside."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    path = read_it(invoke, series, tmp_path, "oui")
    form = load_questionnaire(series / "questionnaires" / "lu.toml")
    why = Scripted(["Un beau livre, très fort.", "Le style."], followup="Pourquoi fort ?")
    assert edit.reask(form, load_interview(path), "avis", why)
    no = invoke("edit", "anne-roux", "-q", "lu", "--answer-file", write(tmp_path / "no", "non"))
    assert no.exit_code == 0, no
    assert [a.id for a in load_interview(path).set_aside] == ["avis", "relance-1"]
    return path


def back_as_it_was(path: Path) -> None:
    saved = load_interview(path)
    assert [(a.id, a.value) for a in saved.answers] == [
        ("lu", True),
        ("avis", "Un beau livre, très fort."),
        ("relance-1", "Le style."),
        ("fin", "Merci"),
    ]
    assert saved.status == "complete"
    assert saved.set_aside == [] and saved.notes == ""


def test_an_answer_set_aside_by_one_edit_comes_back_with_the_next(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """`edit -q lu --answer-file`, "Non", then another, "Oui": the opinion was missing,
    the interview a draft for `jeudis resume` to ask it again, its text in the notes."""
    path = read_then_not(invoke, series, tmp_path)

    yes = invoke("edit", "anne-roux", "-q", "lu", "--answer-file", write(tmp_path / "yes", "oui"))

    assert yes.exit_code == 0, yes
    assert " ".join(yes.stderr.split()) == (
        "warning: anne-roux: [avis] asked again: back in the post as answered before, out of"
        " the private notes"
    )
    back_as_it_was(path)


def test_an_answer_set_aside_comes_back_at_a_later_live_edit(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """`jeudis edit -q lu` (and its review), "Oui" where an earlier run said "Non": the
    opinion is back, not asked again (the script has no answer for it)."""
    from jeudis import edit
    from jeudis.questionnaire import load_questionnaire

    path = read_then_not(invoke, series, tmp_path)
    form = load_questionnaire(series / "questionnaires" / "lu.toml")
    aftermath = edit.Aftermath()

    assert edit.reask(form, load_interview(path), "lu", Scripted(["Oui"]), aftermath)

    assert aftermath.said("anne-roux") == [
        "[avis] asked again: back in the post as answered before, out of the private notes"
    ]
    back_as_it_was(path)
    for said in ("Non", "Oui"):  # each at the review of a run of its own
        prompter = Scripted([said])
        prompter.picks = iter(["lu"])
        assert edit.review(form, load_interview(path), prompter) == 1
    back_as_it_was(path)


def test_an_answer_set_aside_is_never_published_nor_warned_of(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Kept in the file, apart from its answers: no post, page, WordPress file, site or
    `show` has it (the host's notes, rewritten, hold it no more), and `check` is content."""
    from jeudis import storage

    path = read_then_not(invoke, series, tmp_path)
    interview = load_interview(path)
    interview.notes = "Relancer en juin."
    storage.save(interview)
    assert "Le style." in path.read_text(encoding="utf-8")

    checked = invoke("check", str(path))
    assert (checked.exit_code, checked.stdout) == (0, "All good.\n"), checked
    for args in (
        ["--format", "md"],
        ["--format", "html"],
        ["--format", "wxr"],
        ["--fragment"],
        ["--wordpress"],
        ["--flavor", "hugo"],
    ):
        post = invoke("export", "anne-roux", *args)
        assert post.exit_code == 0, post
        assert "Merci" in post.stdout
        for kept in ("beau livre", "Le style", "Pourquoi fort", "Qu'en as-tu pensé", "Qu’en"):
            assert kept not in post.output, (args, kept)
    site = invoke("export", "--all", "-o", tmp_path / "site")
    assert site.exit_code == 0, site
    for page in (tmp_path / "site").rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".atom", ".md", ".json"):
            assert "Le style" not in page.read_text(encoding="utf-8"), page
    shown = invoke("show", "anne-roux")
    assert shown.exit_code == 0, shown
    assert "Relancer en juin." in shown.stdout
    assert "beau livre" not in shown.stdout and "Le style" not in shown.stdout


STORED = '[[set_aside]]\nid = "avis"\nquestion = "Q ?"\n'


@pytest.mark.parametrize(
    ("table", "at", "said"),
    [
        (STORED + 'answer = "x"\nsaved = 1\n', "saved = 1", "unknown key 'saved' in an answer"),
        (STORED, "[[set_aside]]", "answer 'avis' has neither 'answer' nor 'skipped = true'"),
        (f'{STORED}answer = "x"\n\n{STORED}skipped = true\n', 'id = "avis"', "duplicate answer id"),
        (STORED + "answer = true\n", "answer = true", "'answer' must be a string"),
        ('[set_aside]\navis = "x"\n', "[set_aside]", "'set_aside' must be an array, not a table"),
    ],
)
def test_a_broken_set_aside_table_is_said_in_one_line(
    invoke: Invoke, series: Path, tmp_path: Path, table: str, at: str, said: str
) -> None:
    """Answers set aside, edited by hand: a line naming the file, the line and the key."""
    path = read_it(invoke, series, tmp_path, "non")
    text = path.read_text(encoding="utf-8") + "\n" + table
    path.write_text(text, encoding="utf-8")
    rows = text.splitlines()
    line = len(rows) - rows[::-1].index(at)  # the last such line

    for args in (["show"], ["export"], ["edit", "-q", "lu", "--answer-file", str(path)], ["list"]):
        result = invoke(*args, *([] if args == ["list"] else ["anne-roux"]))
        assert "Traceback" not in result.output
        if args == ["list"]:  # listed broken, its problem under the table
            # (a table with no answer lists, as in [[answers]]: show and check say it)
            assert ("broken" in result.stdout) == ("neither" not in said), result
            assert ("broken" not in result.stdout) or said in " ".join(result.output.split())
            continue
        assert result.exit_code == ExitCode.INVALID_FILE, result
        [error] = [row for row in result.stderr.splitlines() if row.startswith("error:")]
        assert error.startswith(f"error: {path}:{line}: set_aside"), error
        assert said in error


@pytest.mark.usefixtures("in_a_terminal")
def test_a_change_saved_meanwhile_is_never_written_over(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the notes were open in $EDITOR, another command saved a new answer; saving
    the notes wrote the interview as it was read, and the answer went back, unsaid."""
    series = amelie.parent.parent
    other = [str(JEUDIS), "-C", str(series), "edit", "amelie-roux", "-q", "followers"]
    body = (
        "import subprocess\n"
        f"subprocess.run({[*other, '--answer-file', '-']!r}, input='99 999', text=True,"
        " check=True, capture_output=True)\n"
        "path.write_text(text + 'Relancer en mai.\\n', encoding='utf-8')\n"
    )
    use_editor(monkeypatch, editor(tmp_path, body))

    result = invoke("edit", "amelie-roux", "--notes")

    assert result.exit_code == 1, result
    assert result.stderr.splitlines()[0] == (
        f"error: {amelie}: not saved (changed since jeudis read it:"
        " saved meanwhile by another command, or by hand)"
    )
    kept = amelie.parent / ".amelie-roux.notes.txt"
    assert result.stderr.splitlines()[1] == (
        "hint: see it as it is now (jeudis show amelie-roux), then run the command again;"
        f" the notes you edited are kept in {kept}"
    )
    assert "Relancer en mai." in kept.read_text(encoding="utf-8")
    after = load_interview(amelie)
    assert after.answer("followers").value == "99 999"  # type: ignore[union-attr]
    assert "Relancer" not in after.notes


def test_an_interview_is_saved_over_only_as_it_was_read(amelie: Path) -> None:
    from jeudis import storage
    from jeudis.errors import ChangedMeanwhile, NotSaved

    mine, theirs = load_interview(amelie), load_interview(amelie)
    theirs.notes = "theirs"
    storage.save(theirs)
    storage.save(theirs)  # its own save is what it read now
    saved = amelie.read_bytes()
    mine.notes = "mine"

    with pytest.raises(NotSaved) as refused:
        storage.save(mine)

    assert isinstance(refused.value.error, ChangedMeanwhile)
    assert amelie.read_bytes() == saved
    mine = load_interview(amelie)
    amelie.write_bytes(saved)  # the same written again (a sync tool): the same file
    mine.notes = "mine"
    assert storage.save(mine) == amelie
    amelie.unlink()  # gone: made again with all it has, rather than lost
    storage.save(mine)
    assert load_interview(amelie).notes == "mine"


@pytest.mark.usefixtures("in_a_terminal")
@pytest.mark.parametrize(
    "command",
    [
        ["edit", "amelie-roux", "-q", "followers", "--answer-file", "-"],
        ["edit", "interviews/amelie-roux.toml", "--fields"],
        ["edit", "amelie-roux", "--guest", "Amélie Roux-Martin"],
        ["resume", "amelie-roux"],
        ["resume"],
    ],
)
def test_an_interview_made_read_only_is_not_written_over(
    invoke: Invoke, amelie: Path, series: Path, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``chmod a-w`` on a published interview: the atomic save replaced it all the same
    (root passes every permission, and the folder let the new file in), mode and all."""
    if "resume" in command:  # a draft, for resume to take
        amelie.write_text(
            amelie.read_text(encoding="utf-8").replace('status = "complete"', 'status = "draft"'),
            encoding="utf-8",
        )
    amelie.chmod(0o444)
    before = amelie.read_bytes()
    monkeypatch.chdir(series)

    result = invoke(*command, input="12 000\n")

    named = command[1] if command[1:2] == ["interviews/amelie-roux.toml"] else amelie
    assert result.exit_code == ExitCode.ERROR, result
    assert result.stderr.splitlines() == [
        f"error: {named} is read-only: jeudis writes over no file made so",
        f"hint: make it writable to change it: chmod u+w {named}",
    ]
    assert amelie.read_bytes() == before and interview_files(series) == [amelie]
    # Read, it is as any other.
    assert invoke("show", "amelie-roux").exit_code == 0
    assert invoke("export", "amelie-roux", "--include-drafts").exit_code == 0


NOTES_WITH_HASHES = (
    "Mis de côté : Twitter m’a fait connaître le quartier.\n\n#nantes est venu de là\n\n"
    "# Mon verdict\n\nCinq étoiles."
)


def with_notes_holding_hashes(path: Path) -> None:
    """The interview at ``path`` given notes of guest text with lines starting with #."""
    text = path.read_text(encoding="utf-8")
    notes = f'notes = """{NOTES_WITH_HASHES}"""\nstatus = "complete"'
    path.write_text(text.replace('status = "complete"', notes), encoding="utf-8")


@pytest.mark.usefixtures("in_a_terminal")
@pytest.mark.parametrize("option", ["--notes", "--fields"])
def test_notes_or_fields_opened_and_closed_as_they_were_change_nothing(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    """The notes hold guest text (an answer set aside, what was typed at a pause): a
    no-op --notes dropped its ``#nantes`` and ``# Mon verdict`` lines, and either,
    changing nothing, wrote the file again, stamped updated (a page and the feed written
    again at the next export)."""
    with_notes_holding_hashes(amelie)
    assert load_interview(amelie).notes == NOTES_WITH_HASHES
    before = amelie.read_bytes()
    use_editor(monkeypatch, editor(tmp_path, "pass"))
    monkeypatch.setattr("jeudis.editor.AT_ONCE", 0.0)  # read and closed: no editor is so quick

    result = invoke("edit", "amelie-roux", option)

    assert result.exit_code == 0, result
    assert result.stdout == f"amelie-roux: {option.removeprefix('--')} unchanged\n"
    assert amelie.read_bytes() == before


@pytest.mark.usefixtures("in_a_terminal")
@pytest.mark.parametrize("option", ["--notes", "--fields"])
def test_an_editor_returning_at_once_is_said_and_how_to_make_it_wait(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    """`code` without --wait hands the file to a window already open and returns: what the
    host then wrote there went nowhere, after "notes unchanged"."""
    before = amelie.read_bytes()
    use_editor(monkeypatch, editor(tmp_path, "pass"))

    result = invoke("edit", "amelie-roux", option)

    assert result.exit_code == ExitCode.USAGE, result
    assert result.stderr.splitlines() == [
        "error: the editor returned at once, the file unchanged; nothing was changed",
        (
            "hint: an editor opening files in a window already open must wait for it to be"
            ' closed: EDITOR="code --wait" (subl -w, mate -w, notepad++ -multiInst -nosession)'
        ),
    ]
    assert amelie.read_bytes() == before


@pytest.mark.usefixtures("in_a_terminal")
def test_notes_edited_keep_their_lines_with_a_hash(
    invoke: Invoke, amelie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "path.write_text(text + '\\n#suivi Lui envoyer le lien.\\n', encoding='utf-8')"
    use_editor(monkeypatch, editor(tmp_path, body))
    with_notes_holding_hashes(amelie)

    assert invoke("edit", "amelie-roux", "--notes").stdout == "amelie-roux: notes changed\n"
    assert load_interview(amelie).notes == NOTES_WITH_HASHES + "\n\n#suivi Lui envoyer le lien."


def test_an_answer_changed_of_an_interview_made_with_an_earlier_version_keeps_it_published(
    series: Path, invoke: Invoke
) -> None:
    """Version 2 added a question asked when the answer is "Oui": "Oui" on a 2024
    interview made with version 1 made it a draft for lack of it, and the next export
    took its post down; its resume asked every question added since. ("Non" on one that
    said "Oui" made it version 2's: test_edit_anew.)"""
    form = series / "questionnaires" / "p.toml"
    form.write_text(PORTRAITS_V1, encoding="utf-8")
    data = '[answers]\noutils = "Un carnet."\ntwitter = false\n'
    new_portrait(invoke, data)
    form.write_text(PORTRAITS_V2, encoding="utf-8")
    assert invoke("export", "--all").exit_code == 0

    changed = invoke("edit", "hugo-lambert", "-q", "twitter", "--answer-file", "-", input="Oui")
    assert changed.exit_code == 0, changed

    assert changed.stderr == (
        "warning: hugo-lambert: [pourquoi] asked now by version 2 of the questionnaire, not by"
        " version 1, which this interview was made with: left unasked, the interview complete"
        " as it was (`jeudis edit hugo-lambert -q pourquoi` asks it)\n"
    )
    interview = load_interview(series / "interviews" / "hugo-lambert.toml")
    assert interview.is_complete and interview.completed is not None
    exported = invoke("export", "--all")
    assert "removed" not in exported.stderr, exported
    assert "Un carnet." in (series / "site" / "hugo-lambert.html").read_text("utf-8")
    given = invoke(
        "edit", "hugo-lambert", "-q", "pourquoi", "--answer-file", "-", input="La veille."
    )
    assert given.stdout == (
        "hugo-lambert: answer pourquoi given; made with version 2 of p now: it answers all"
        " that version asks it\n"
    ), given
    interview = load_interview(series / "interviews" / "hugo-lambert.toml")
    assert interview.is_complete and [a.id for a in interview.answers] == [
        "outils",
        "twitter",
        "pourquoi",
    ]
    assert interview.questionnaire_version == 2


def test_the_intro_is_replaced_from_a_file_as_an_answer_is(invoke: Invoke, amelie: Path) -> None:
    """design.md's `jeudis edit INTERVIEW --question ID  # re-ask answers, or the intro`:
    `-q intro` said "amelie-roux has no answer 'intro'", the intro changed only in
    $EDITOR, a TOML table of every field, in a terminal."""
    intro = "Cette semaine : **Amélie Roux**, [son site](https://www.example.com/amelie-roux)."

    replaced = invoke("edit", "amelie-roux", "-q", "intro", "--answer-file", "-", input=intro)

    assert (replaced.exit_code, replaced.stdout) == (0, "amelie-roux: field intro replaced\n")
    assert load_interview(amelie).fields["intro"] == intro
    assert "<strong>Amélie Roux</strong>" in invoke("export", "amelie-roux", "--fragment").stdout
    before = amelie.read_bytes()
    again = invoke("edit", "amelie-roux", "-q", "intro", "--answer-file", "-", input=intro)
    assert again.stdout == "amelie-roux: field intro unchanged\n" and amelie.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "typed", "code", "said"),
    [
        (["-q", "site"], "mon blog", ExitCode.MISSING_ANSWERS, "error: <stdin>: site: Une adresse"),
        (
            ["-q", "intro", "--guest", "Amélie Roux-Martin"],
            "",
            ExitCode.USAGE,
            "error: --question intro",
        ),
        (["-q", "nope"], "", ExitCode.NOT_FOUND, "; its fields: site, twitter, photo, intro\n"),
    ],
)
def test_a_field_refused_or_mixed_with_other_changes_changes_nothing(
    invoke: Invoke, amelie: Path, args: list[str], typed: str, code: int, said: str
) -> None:
    before = amelie.read_bytes()
    result = invoke("edit", "amelie-roux", *args, "--answer-file", "-", input=typed)
    assert result.exit_code == code, result
    assert said in result.stderr
    assert amelie.read_bytes() == before


@pytest.mark.pty
def test_the_intro_is_asked_again_prefilled_in_a_terminal(series: Path, amelie: Path) -> None:
    child = edit_in_a_terminal(series, "amelie-roux", "-q", "intro", columns=200)
    try:
        child.expect("Chapeau du billet")
        child.expect("astuces sur")  # the intro, prefilled
        child.send("\x1b[F Bienvenue !")  # End, then more
        child.expect("Bienvenue !")
        child.send("\x1b\r")  # Échap puis Entrée: saved
        child.expect("amelie-roux: field intro replaced")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert (
        load_interview(amelie)
        .fields["intro"]
        .endswith("(https://www.example.com/amelie-roux). Bienvenue !")
    )
