"""Snapshots of what users publish: every format, flavor, style and --fragment."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_helpers import check_snapshot, copy_example, make_interview
from support import Invoke

FORMATS = [
    ("html", []),
    ("fragment.html", ["--fragment"]),
    ("wordpress.html", ["--wordpress"]),
    ("md", ["--format", "md"]),
    ("hugo.md", ["--format", "md", "--flavor", "hugo"]),
    ("jekyll.md", ["--format", "md", "--flavor", "jekyll"]),
    ("zola.md", ["--format", "md", "--flavor", "zola"]),
    ("pelican.md", ["--format", "md", "--flavor", "pelican"]),
    ("mkdocs.md", ["--format", "md", "--flavor", "mkdocs"]),
    ("wxr.xml", ["--format", "wxr"]),
]


@pytest.mark.parametrize(("suffix", "args"), FORMATS, ids=[f[0] for f in FORMATS])
@pytest.mark.parametrize("slug", ["mathieu-durand", "elise-garnier"])
def test_example_series(
    series: Path, invoke: Invoke, slug: str, suffix: str, args: list[str]
) -> None:
    copy_example(series)
    result = invoke("export", slug, *args)
    assert result.exit_code == 0, result
    check_snapshot(f"{slug}.{suffix}", result.stdout)


@pytest.mark.parametrize("style", ["numbered", "dialogue", "plain"])
@pytest.mark.parametrize(("suffix", "args"), [FORMATS[0], FORMATS[1], FORMATS[3]])
def test_styles(series: Path, invoke: Invoke, style: str, suffix: str, args: list[str]) -> None:
    make_interview(
        series,
        "laurent-flores",
        style=style,
        answers=[
            ("motivation", "Qu’est-ce qui t’a motivé ?", "L’envie de partager.\n\n- un\n- deux"),
            ("relance", "Vraiment ?", "Oui !"),
            ("defis", "Quels défis pour le marketeur ?", "Penser client : agir client."),
        ],
        followups=("relance",),
        fields={
            "intro": "Le livre « Mesurer » sort.",
            "closing": "Pour en savoir plus : https://example.org/",
        },
    )
    result = invoke("export", "laurent-flores", *args)
    assert result.exit_code == 0, result
    check_snapshot(f"style-{style}.{suffix}", result.stdout)
