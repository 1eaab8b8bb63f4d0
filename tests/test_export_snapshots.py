"""Snapshots of what users publish: every format, flavor, style and --fragment."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

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


@pytest.mark.parametrize("flavor", [None, "jekyll", "mkdocs", "hugo", "zola"])
def test_front_matter_parses(series: Path, invoke: Invoke, flavor: str | None) -> None:
    copy_example(series)
    args = ["-f", "md"] + (["--flavor", flavor] if flavor else [])
    for slug in ("amelie-roux", "claire-fontaine", "mathieu-durand", "elise-garnier"):
        text = invoke("export", slug, *args).stdout
        mark = "+++" if flavor in ("hugo", "zola") else "---"
        head = text.split(f"\n{mark}\n", 1)[0].removeprefix(f"{mark}\n")
        data = tomllib.loads(head) if mark == "+++" else yaml.safe_load(head)
        assert data["title"].endswith(("]", "Garnier"))
        assert str(data["date"]).startswith("2011-")


@pytest.mark.parametrize(
    ("flavor", "authors"),
    [(None, ["author"]), ("jekyll", ["author"]), ("hugo", ["author"]),
     ("zola", ["authors", "author"]), ("pelican", ["Authors"])],
)  # fmt: skip
def test_a_series_with_no_host_names_no_author(
    series: Path, invoke: Invoke, flavor: str | None, authors: list[str]
) -> None:
    """`jeudis init` without --host leaves host = "": the posts said `author = ""`,
    Zola's `authors = [""]`."""
    make_interview(series, "sans-hote", host="")
    make_interview(series, "avec-hote", host="Stéphane")
    args = ["-f", "md"] + (["--flavor", flavor] if flavor else [])
    for slug, named in (("sans-hote", []), ("avec-hote", authors)):
        text = invoke("export", slug, *args).stdout
        if flavor == "pelican":
            head = text.split("\n\n", 1)[0].splitlines()
            keys = [line.split(":", 1)[0] for line in head if line.startswith("Authors:")]
        else:
            mark = "+++" if flavor in ("hugo", "zola") else "---"
            head_text = text.split(f"\n{mark}\n", 1)[0].removeprefix(f"{mark}\n")
            data = tomllib.loads(head_text) if mark == "+++" else yaml.safe_load(head_text)
            data |= data.get("extra", {})
            keys = [key for key in ("authors", "author") if key in data]
            assert all(data[key] in ("Stéphane", ["Stéphane"]) for key in keys)
        assert sorted(keys) == sorted(named), slug


def test_fragment_has_no_line_break_inside_a_paragraph(series: Path, invoke: Invoke) -> None:
    make_interview(
        series,
        "laurent",
        answers=[
            (
                "a",
                "Question ?",
                "Une ligne\ncoupée en deux\net en trois.\n\n```\ncode\nsur deux lignes\n```",
            )
        ],
    )
    text = invoke("export", "laurent", "--fragment").stdout
    assert text.startswith('<article lang="fr"')
    assert "<h1" not in text and "<head>" not in text
    for paragraph in re.findall(r"<p\b.*?</p>", text, re.DOTALL):
        assert "\n" not in paragraph
    assert "<pre><code>code\nsur deux lignes\n</code></pre>" in text
    wrapped = invoke("export", "laurent", "--wordpress").stdout
    assert wrapped.startswith("<!-- wp:html -->\n<article") and wrapped.endswith(
        "<!-- /wp:html -->\n"
    )


@pytest.mark.parametrize("index", ["index.html", "index-livre.html"])
def test_site_indexes(series: Path, invoke: Invoke, index: str) -> None:
    """The site's index and a questionnaire's, as their visitors and a search engine
    read them (the style sheet, a page's, aside)."""
    copy_example(series)
    assert invoke("export", "--all").exit_code == 0
    page = (series / "site" / index).read_text(encoding="utf-8")
    check_snapshot(
        f"site-{index}",
        re.sub(r"(?s)<style>.*?</style>", "<style>/* the pages' style sheet */</style>", page),
    )
