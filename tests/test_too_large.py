"""What jeudis writes, it reads back: no interview (nor ``jeudis.toml``, nor a sheet) is
written larger than the 10 MB it reads. Refused before the write, the file keeps what
was saved before, every command still reads it, and the command says so in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jeudis import storage
from jeudis.errors import NotSaved, TooLarge
from jeudis.files import MAX_FILE_SIZE
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from support import ANSWERS_TOML, REPO, Invoke, interview_files, write

# A guest's words, quotes and all: each '"' is written escaped, '\"', in the file.
SAID = 'Il a dit "oui". '
REFUSED = "not saved (too large: it would be more than 10 MB, the most jeudis reads)"
HINT = "hint: shorten what is added to it, then run the command again"


def words(size: int) -> str:
    """Text of ``size`` characters (bytes: ASCII), a sentence over and over."""
    return (SAID * (size // len(SAID) + 1))[:size]


def gilles(series: Path) -> Interview:
    interview = Interview(
        questionnaire="twitter",
        guest="Gilles Klein",
        slug="gilles-klein",
        title="Gilles Klein",
        register="vous",
    )
    interview.path = series / "interviews" / "gilles-klein.toml"
    interview.answers.append(Answer("depuis-quand", "text", "Depuis quand ?", "2007"))
    return interview


# -- the save ---------------------------------------------------------------------------------


def test_a_save_that_would_be_too_large_keeps_the_file_as_it_was(series: Path) -> None:
    interview = gilles(series)
    storage.save(interview)
    assert interview.path is not None
    before = interview.path.read_bytes()

    interview.answers.append(Answer("apport", "long", "Et alors ?", words(MAX_FILE_SIZE)))
    with pytest.raises(NotSaved) as refused:
        storage.save(interview)

    assert isinstance(refused.value.error, TooLarge)
    assert refused.value.message == f"{interview.path}: {REFUSED}"
    assert refused.value.hint == "shorten what is added to it, then run the command again"
    assert interview.path.read_bytes() == before  # no temporary file left either
    assert sorted(p.name for p in interview.path.parent.iterdir()) == ["gilles-klein.toml"]
    assert load_interview(interview.path).values() == {"depuis-quand": "2007"}


def test_an_interview_of_just_10_mb_is_saved_and_read_back(series: Path) -> None:
    interview = gilles(series)
    interview.answers.append(Answer("apport", "long", "Et alors ?", ""))
    storage.save(interview)
    assert interview.path is not None
    # The answer's room to the byte: the file is then as large as jeudis reads.
    left = MAX_FILE_SIZE - interview.path.stat().st_size
    interview.answers[-1].value = "x" * left
    storage.save(interview)

    assert interview.path.stat().st_size == MAX_FILE_SIZE
    assert load_interview(interview.path).values()["apport"] == "x" * left
    interview.answers[-1].value += "x"
    with pytest.raises(NotSaved):
        storage.save(interview)


# -- the commands -------------------------------------------------------------------------------


def data_file(tmp_path: Path, apport: str) -> Path:
    """ANSWERS_TOML with ``apport`` answered so (in a literal string: its quotes as typed)."""
    text = ANSWERS_TOML.replace('apport = "Beaucoup."', f"apport = '''{apport}'''")
    assert text != ANSWERS_TOML
    return write(tmp_path / "answers.toml", text)


def test_new_with_a_data_file_too_large_to_read_back_writes_nothing(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    # 9.6 MB read, and over 10 MB written: its quotes are escaped in the interview.
    data = data_file(tmp_path, words(9_600_000))
    assert data.stat().st_size < MAX_FILE_SIZE

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data)

    assert result.exit_code == 1
    path = series / "interviews" / "gilles-klein.toml"
    assert result.stderr.splitlines() == [f"error: {path}: {REFUSED}", HINT]
    assert interview_files(series) == []  # the file reserved for it is gone


def test_edit_with_an_answer_file_too_large_to_read_back_leaves_the_interview(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = data_file(tmp_path, words(6_000_000))
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    path = series / "interviews" / "gilles-klein.toml"
    before = path.read_bytes()
    answer = write(tmp_path / "conseils.txt", words(6_000_000))

    result = invoke("edit", "gilles-klein", "--question", "conseils", "--answer-file", answer)

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {path}: {REFUSED}", HINT]
    assert path.read_bytes() == before
    assert len(load_interview(path).answers) == 13


def sheet_answered(invoke: Invoke, series: Path, answer: str) -> Path:
    """Gilles Klein's answer sheet, ``answer`` written under its first question."""
    sheet = series / "sheet.md"
    made = invoke("sheet", "twitter", "--guest", "Gilles Klein", "-o", sheet)
    assert made.exit_code == 0, made
    lines = sheet.read_text(encoding="utf-8").split("\n")
    first = next(n for n, line in enumerate(lines) if line.startswith("**"))
    lines[first + 1 : first + 1] = ["", answer]
    return write(sheet, "\n".join(lines))


def test_import_of_a_sheet_too_large_to_read_back_writes_nothing(
    invoke: Invoke, series: Path
) -> None:
    sheet = sheet_answered(invoke, series, words(9_600_000))
    assert sheet.stat().st_size < MAX_FILE_SIZE

    result = invoke("import", sheet)

    assert result.exit_code == 1
    path = series / "interviews" / "gilles-klein.toml"
    assert result.stderr.splitlines() == [f"error: {path}: {REFUSED}", HINT]
    assert interview_files(series) == []


def test_import_update_too_large_to_read_back_leaves_the_interview(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    data = data_file(tmp_path, words(6_000_000))
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    path = series / "interviews" / "gilles-klein.toml"
    before = path.read_bytes()
    sheet = sheet_answered(invoke, series, words(6_000_000))

    result = invoke("import", sheet, "--update", "gilles-klein")

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {path}: {REFUSED}", HINT]
    assert path.read_bytes() == before


def test_init_writes_no_series_it_could_not_read(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("init", tmp_path / "blog", "--blog", "x" * MAX_FILE_SIZE)

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {tmp_path / 'blog' / 'jeudis.toml'}: too large: it would be more than"
        " 10 MB, the most jeudis reads"
    )
    assert not (tmp_path / "blog").exists()


def test_a_sheet_too_large_to_import_is_not_written(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    shutil.copy(REPO / "questionnaires" / "livre.toml", series / "questionnaires")
    title = "book_title=" + words(MAX_FILE_SIZE)

    result = invoke(
        "sheet", "livre", "--guest", "Léa Martin", "--host", "Stéphane", "--field", title,
        "-o", "s.md",
    )  # fmt: skip

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: the answer sheet would be more than 10 MB, the most `jeudis import` reads;"
        + " nothing was written",
        "hint: shorten its questions, or the --field values they quote",
    ]
    assert not (tmp_path / "s.md").exists()
