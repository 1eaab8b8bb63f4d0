"""Every kind of HTML page jeudis writes, checked by the Nu HTML Checker (``vnu.jar``,
the W3C's validator), its style sheet included.

An HTML5 parser reads nearly anything without an error; the checker knows what a
page may hold (an ``<img>`` needs a source, a ``<time>`` a date it can read, a
``<meta>`` a name it knows), as a blog platform or a browser's next version does.
It runs on Java: ``JEUDIS_VNU`` names the jar (``.ci/run`` installs it); without
it the test skips, and fails under CI.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from export_helpers import SNAPSHOTS, copy_example, make_interview, need_binary
from support import Invoke
from test_export_directions import CLOSING, DANA, INTRO, MIXED, SARA
from test_export_hostile import ANSWERS, NAME, TITLE

ROUNDUPS = SNAPSHOTS.parent / "roundup"
# What a CMS page around a pasted fragment holds, at the least.
AROUND = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Blog</title></head>'


def vnu() -> list[str]:
    """The command running the checker."""
    jar = os.environ.get("JEUDIS_VNU", "")
    if not Path(jar).is_file():
        if os.environ.get("CI"):
            pytest.fail("JEUDIS_VNU names no vnu.jar under CI: it checks the exported HTML")
        pytest.skip("JEUDIS_VNU names no vnu.jar (npm's vnu-jar): it checks the exported HTML")
    return [need_binary("java", "runs the Nu HTML Checker"), "-jar", jar]


def errors(pages: list[Path]) -> list[str]:
    """The checker's errors on the pages (its info and warnings left out), one line each."""
    done = subprocess.run(
        [*vnu(), "--format", "json", "--also-check-css", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(done.stderr)["messages"]
    assert all("url" in m for m in messages), messages  # each names its page
    return [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]"
        for m in messages
        if m["type"] != "info"  # "error", and "non-document-error" (a page it could not read)
    ]


def test_the_checker_finds_what_a_page_must_not_hold(tmp_path: Path) -> None:
    """The check below can fail: an image without a source is an error to it."""
    page = tmp_path / "bad.html"
    page.write_text(f'{AROUND}<body><p><img src="" alt="i"></p></body></html>', "utf-8")
    found = errors([page])
    assert len(found) == 1 and "src" in found[0], found


def test_every_page_jeudis_writes_is_valid_html(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """The example series as a site (posts, drafts, an index per questionnaire), with a
    guest's hostile answers, a post in Arabic and answers in Arabic and Hebrew (their
    blocks' dir="auto") and tables among them; every page and fragment
    of the snapshots (each style, WordPress, roundups), a fragment inside a page."""
    copy_example(series)
    make_interview(series, "hostile", guest=NAME, title=TITLE, answers=ANSWERS)
    arabic = [("q", "ما الذي دفعك إلى التدوين؟", "الرغبة في **المشاركة**. وأنت؟")]
    make_interview(
        series, "salma", guest="Salma", language="ar", answers=arabic, date=dt.date(2011, 6, 2)
    )
    # Named in Arabic, by a host named in Hebrew, with an intro and closing words in
    # Arabic: the names in <bdi> (the title, the byline, the links, the index, a chart).
    fields = {"photo": "https://x.example/sara.jpg", "intro": INTRO, "closing": CLOSING}
    make_interview(
        series, "sara", guest=SARA, title=f"Interview de {SARA} · 3 juin 2011", host=DANA,
        answers=[*MIXED, ("followers", "Combien ?", "9 200")], date=dt.date(2011, 6, 3),
        fields=fields, questionnaire="twitter",
    )  # fmt: skip
    make_interview(series, "sara-dialogue", answers=MIXED, style="dialogue")
    # Tables, one read from the right (dir="auto"): a page's take tabindex="0".
    tables = "| Année | Tweets |\n|---|---:|\n| 2010 | 4500 |\n\n| سنة | تغريدات |\n|---|---|\n| ٢٠١٠ | ٤٥٠٠ |"
    make_interview(series, "tables", answers=[("t", "Tes chiffres ?", tables)])
    site = tmp_path / "site"
    result = invoke("export", "--all", "--include-drafts", "-o", site)
    assert result.exit_code == 0, result
    pages = sorted(site.glob("*.html"))
    assert {"index.html", "hostile.html", "salma.html", "sara.html"} <= {p.name for p in pages}
    assert 'dir="auto"' in (site / "sara-dialogue.html").read_text(encoding="utf-8")
    assert "<bdi>" in (site / "sara.html").read_text(encoding="utf-8")
    assert '<table tabindex="0" dir="auto">' in (site / "tables.html").read_text(encoding="utf-8")
    chart = invoke("compare", "twitter", "-q", "followers", "-f", "html").stdout
    assert "<bdi>" in chart
    pages.append(tmp_path / "roundup-names.html")
    pages[-1].write_text(chart, encoding="utf-8")

    snapshots = sorted(SNAPSHOTS.glob("*.html")) + sorted(ROUNDUPS.glob("*.html"))
    assert len(snapshots) >= 16
    for snapshot in snapshots:
        text = snapshot.read_text(encoding="utf-8")
        if not text.startswith("<!DOCTYPE html>"):
            text = f"{AROUND}<body>\n{text}</body></html>\n"
        pages.append(tmp_path / f"{snapshot.parent.name}-{snapshot.name}")
        pages[-1].write_text(text, encoding="utf-8")

    assert errors(pages) == []
