"""Helpers for the export tests: the example series, hand-made interviews, snapshots."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from jeudis.interview import Answer, Interview
from jeudis.storage import save

REPO = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "export"
UPDATE = os.environ.get("JEUDIS_UPDATE_SNAPSHOTS") == "1"
STAMP = dt.datetime(2011, 4, 7, 9, 30, tzinfo=dt.UTC)


def copy_example(series: Path) -> Path:
    """The repository's example series (questionnaires, interviews, jeudis.toml)."""
    for name in ("questionnaires", "interviews"):
        shutil.copytree(REPO / name, series / name, dirs_exist_ok=True)
    shutil.copy(REPO / "jeudis.toml", series / "jeudis.toml")
    return series


def make_interview(
    series: Path,
    slug: str,
    *,
    guest: str = "Laurent Flores",
    style: str = "numbered",
    date: dt.date = dt.date(2011, 6, 30),
    status: str = "complete",
    answers: list[tuple[str, str, str]] | None = None,
    followups: tuple[str, ...] = (),
    fields: dict[str, Any] | None = None,
    title: str | None = None,
    host: str = "Stéphane",
    questionnaire: str = "livre",
    notes: str = "",
    language: str = "fr",
) -> Path:
    """Write an interview file by hand (no session), return its path."""
    triples = answers or [
        ("motivation", "Qu’est-ce qui t’a motivé ?", "L’envie de **partager**. Et toi ?"),
        ("definition", "C’est quoi le marketing digital ?", "La promotion des marques : tout."),
    ]
    built = [
        Answer(
            id=answer_id,
            type="long",
            question=question,
            value=value,
            answered_at=STAMP,
            followup=answer_id in followups,
        )
        for answer_id, question, value in triples
    ]
    interview = Interview(
        questionnaire=questionnaire,
        guest=guest,
        slug=slug,
        title=title or f"Mesurer l’efficacité : {guest}",
        register="tu",
        host=host,
        style=style,
        series="Interviews",
        date=date,
        status=status,
        created=STAMP,
        updated=STAMP,
        notes=notes,
        fields=fields or {},
        answers=built,
        language=language,
        path=series / "interviews" / f"{slug}.toml",
    )
    (series / "interviews").mkdir(parents=True, exist_ok=True)
    save(interview, touch=False)
    return series / "interviews" / f"{slug}.toml"


def check_snapshot(name: str, text: str) -> None:
    """Compare with ``tests/snapshots/export/NAME``; JEUDIS_UPDATE_SNAPSHOTS=1 rewrites it."""
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"snapshot {name} was missing and has been written; check it and rerun")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed; JEUDIS_UPDATE_SNAPSHOTS=1 to accept"


def need_binary(path: str, reason: str) -> str:
    """The binary's path; skip without it, but fail under CI (where it must be installed)."""
    found = shutil.which(path) or (path if Path(path).exists() else None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing under CI: {reason}")
        pytest.skip(f"{path} not installed: {reason}")
    return found
