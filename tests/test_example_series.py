"""The example series shipped in the repository works as the README says, right after a clone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jeudis.interview_reading import load_interview
from support import EXAMPLES, REPO, Invoke


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's series folder (the tests never write into the repo)."""
    copy = tmp_path / "example"
    copy.mkdir()
    for name in ("questionnaires", "images"):
        shutil.copytree(REPO / name, copy / name)
    (copy / "interviews").mkdir()
    for path in EXAMPLES:
        shutil.copy(path, copy / "interviews" / path.name)
    if (REPO / "jeudis.toml").is_file():
        shutil.copy(REPO / "jeudis.toml", copy / "jeudis.toml")
    monkeypatch.setenv("JEUDIS_DIR", str(copy))
    return copy


def test_the_example_series_is_clean(example: Path, invoke: Invoke) -> None:
    result = invoke("check", "--strict")
    assert result.stdout == "All good.\n", result
    assert result.exit_code == 0


def test_the_example_interviews(example: Path, invoke: Invoke) -> None:
    rows = json.loads(invoke("list", "--questionnaire", "twitter", "--json").stdout)
    assert len(rows) >= 3
    interviews = [load_interview(Path(row["path"])) for row in rows]
    forms = sorted((i.register, i.gender) for i in interviews)
    assert ("vous", "m") in forms
    assert forms.count(("tu", "f")) >= 2
    for interview in interviews:
        assert interview.status == "complete"
        assert len(interview.answers) >= 13
    texts = "\n".join(
        [str(a.value) for i in interviews for a in i.answers]
        + [str(v) for i in interviews for v in i.fields.values()]
    )
    assert "\n- " in texts, "a bullet list"
    assert "https://" in texts, "a link"
    assert any(ord(c) > 0x1F000 for c in texts), "an emoji"
    for row in rows:
        shown = invoke("show", row["slug"])
        assert shown.exit_code == 0, shown
        assert "1. " in shown.stdout


def test_the_example_answers_were_asked_word_for_word(example: Path, invoke: Invoke) -> None:
    """Each example records the questions as the questionnaire words them for that guest."""
    for row in json.loads(invoke("list", "--questionnaire", "twitter", "--json").stdout):
        interview = load_interview(Path(row["path"]))
        gender = interview.gender or "m"
        args = ["--register", interview.register, "--gender", gender, "--json"]
        asked = json.loads(invoke("inspect", "twitter", *args).stdout)
        wording = {q["id"]: q["text"] for q in asked["questions"]}
        for answer in interview.answers:
            if answer.id in wording and not answer.reworded:
                assert answer.question == wording[answer.id], (row["slug"], answer.id)


def readme_transcript(command: str) -> str:
    """What the README's tour shows ``uv run jeudis COMMAND`` printing: the lines under
    it, up to the next command or the end of its block."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"$ uv run jeudis {command}") + 1
    shown = []
    for line in lines[start:]:
        if line.startswith(("$ ", "```")):
            break
        shown.append(line)
    return "\n".join(shown).strip("\n") + "\n"


@pytest.mark.parametrize("command", ["questionnaires", "list"])
def test_the_readme_tour_shows_what_the_example_series_prints(
    example: Path, invoke: Invoke, command: str
) -> None:
    result = invoke(command, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    assert result.stdout == readme_transcript(command)
