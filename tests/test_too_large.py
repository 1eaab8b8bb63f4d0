"""What jeudis writes, it reads back: no interview (nor ``jeudis.toml``, nor a sheet) is
written larger than the 10 MB it reads. Refused before the write, the file keeps what
was saved before, every command still reads it, and the command says so in one line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeudis import storage
from jeudis.errors import NotSaved, TooLarge
from jeudis.files import MAX_FILE_SIZE
from jeudis.interview import ROOM_SLACK, Answer, Interview, _dump, fits, written_size
from jeudis.interview_reading import load_interview
from jeudis.paths import series_at
from jeudis.prompts import prompt_for
from jeudis.questionnaire import find_questionnaire
from jeudis.session import Session
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


def six_megabytes(invoke: Invoke, series: Path, tmp_path: Path) -> Path:
    """Gilles Klein's interview, made by `new --data-file` with an answer of 6 MB."""
    data = data_file(tmp_path, words(6_000_000))
    assert invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", data).exit_code == 0
    return series / "interviews" / "gilles-klein.toml"


def test_edit_with_an_answer_file_too_large_to_read_back_leaves_the_interview(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    path = six_megabytes(invoke, series, tmp_path)
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
    path = six_megabytes(invoke, series, tmp_path)
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


# -- how much a text takes, and the room an answer has ------------------------------------------


@given(st.text(alphabet=st.sampled_from('aé😉\n\r"\\\b\f\t\x00\x1f\x7f\u2028')))
def test_written_size_is_what_the_file_takes(text: str) -> None:
    dumped = _dump({"answer": text}).encode()
    assert written_size(text) == len(dumped) - len(b"answer = \n")


def test_a_text_the_room_takes_fits_and_a_longer_one_does_not() -> None:
    assert fits("x" * 98, 100)
    assert not fits("x" * 99, 100)
    assert not fits('"' * 50, 100)  # each written in two: \"
    assert fits("\x01" * 16, 100)  # each in six: \u0001
    assert not fits("\x01" * 17, 100)


def test_a_text_given_in_the_room_an_answer_has_is_saved(series: Path) -> None:
    interview = gilles(series)
    interview.answers.append(Answer("apport", "long", "Et alors ?", words(MAX_FILE_SIZE // 2)))
    interview.pending["conseils"] = "Écouter"  # gone once given
    storage.save(interview)
    room = interview.room("conseils", "Des conseils ?")
    assert 0 < room < MAX_FILE_SIZE // 2

    given_in_room = "x" * (room - len('""'))
    assert written_size(given_in_room) == room
    interview.answers.append(Answer.given_now("conseils", "long", "Des conseils ?", given_in_room))
    interview.pending.clear()
    storage.save(interview)  # read back, as below
    assert load_interview(interview.path).values()["conseils"] == given_in_room  # type: ignore[arg-type]

    # The room an answer has falls short of the file's by what else giving it writes.
    interview.answers[-1].value = words(room + ROOM_SLACK)
    with pytest.raises(NotSaved):
        storage.save(interview)


def test_the_room_of_an_answer_given_counts_it_out(series: Path) -> None:
    interview = gilles(series)
    interview.answers.append(Answer("apport", "long", "Et alors ?", words(MAX_FILE_SIZE // 2)))
    # Changed, the answer of 5 MB leaves its room to the new one.
    assert interview.room("apport", "Et alors ?") > MAX_FILE_SIZE - 4096
    assert interview.room("conseils", "Des conseils ?") < MAX_FILE_SIZE // 2


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("fr", "Trop long : l’entretien dépasserait 10 Mo. À raccourcir."),
        ("en", "Too long: the interview would be over 10 MB. Shorten it."),
    ],
)
def test_a_prompt_refuses_a_text_beyond_its_room(series: Path, language: str, said: str) -> None:
    form = find_questionnaire(series_at(None), "twitter")
    question = form.question("apport")
    assert question is not None
    prompt = prompt_for(replace(question, language=language), "?")

    assert prompt.validate("x" * 5000) is None  # no room known: no limit but the save's
    measured = replace(prompt, room=1000)
    assert measured.validate("x" * 998) is None
    assert measured.validate("x" * 999) == said


class _Typing:
    """A prompter the session gives its hooks to; it asks nothing."""

    autosave: Callable[[str, str], None] | None = None
    room: Callable[[str, str], int] | None = None


def test_megabytes_typed_are_not_kept_and_what_was_kept_stays(series: Path) -> None:
    form = find_questionnaire(series_at(None), "twitter")
    interview = gilles(series)
    interview.answers.append(Answer("apport", "long", "Et alors ?", words(MAX_FILE_SIZE // 2)))
    interview.pending["conseils"] = "Écouter"
    storage.save(interview)
    assert interview.path is not None
    before = interview.path.read_bytes()
    prompter = _Typing()
    session = Session(form, interview, prompter)  # type: ignore[arg-type]

    session._keep_typing("conseils", words(MAX_FILE_SIZE // 2 + 1))  # pasted: no error

    assert interview.path.read_bytes() == before
    assert interview.pending == {"conseils": "Écouter"}
    # What the session tells its prompter: the room a text given there has.
    assert prompter.room is not None
    assert prompter.room("conseils", "Des conseils ?") == interview.room(
        "conseils", "Des conseils ?"
    )
    session._keep_typing("conseils", "Écouter, lire")  # shortened: kept again
    assert load_interview(interview.path).pending == {"conseils": "Écouter, lire"}
