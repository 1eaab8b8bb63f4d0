"""Real tools read what jeudis writes: Hugo builds it, Chromium shows it.

Both binaries come from Debian (``.ci/run`` installs them). Elsewhere these tests
skip with a reason; under CI (``CI`` set) a missing binary is a failure.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

import pytest

from export_helpers import copy_example, need_binary
from support import Invoke

HUGO_CONFIG = 'baseURL = "https://example.org/"\nlanguageCode = "fr-fr"\ntitle = "Test"\n'
HUGO_SINGLE = (
    "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>"
    '<time datetime="{{ .Date.Format "2006-01-02" }}"></time>{{ .Content }}</body></html>\n'
)
BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.mark.hugo
def test_hugo_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    hugo = need_binary("hugo", "builds the --flavor hugo export")
    copy_example(series)
    site = tmp_path / "hugo"
    result = invoke("export", "--all", "-f", "md", "--flavor", "hugo", "-o", site)
    assert result.exit_code == 0, result
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(
        "{{ range .Pages }}{{ .Title }}\n{{ end }}", encoding="utf-8"
    )
    built = subprocess.run(
        [hugo, "--quiet", "-s", str(site), "-d", str(tmp_path / "public")],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    expected = {
        "mathieu-durand": (
            "Interview Twitter de Mathieu Durand [Les Jeudis Twitter]",
            "2011-04-07",
        ),
        "amelie-roux": ("Interview Twitter de Amélie Roux [Les Jeudis Twitter]", "2011-03-24"),
        "elise-garnier": ("Un livre, un auteur : Élise Garnier", "2011-05-12"),
    }
    for slug, (title, date) in expected.items():
        page = (tmp_path / "public" / "posts" / slug / "index.html").read_text(encoding="utf-8")
        assert html.unescape(re.search(r"<title>(.*?)</title>", page).group(1)) == title  # type: ignore[union-attr]
        assert f'<time datetime="{date}">' in page
        assert "<strong>" in page  # the Markdown body was rendered
    summary = (tmp_path / "public" / "posts" / "mathieu-durand" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "\u202f?" in summary  # French typography made it through Hugo


def chromium(args: list[str], profile: Path, timeout: int = 90) -> subprocess.CompletedProcess[str]:
    browser = need_binary("/usr/bin/chromium", "opens the exported pages")
    return subprocess.run(
        [browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


CONSOLE = re.compile(r"CONSOLE\(\d+\)\]?.*|Uncaught .*|Failed to load resource.*|ERR_[A-Z_]+")


@pytest.mark.browser
@pytest.mark.parametrize("page", ["mathieu-durand.html", "index.html"])
def test_chromium_opens_the_site(series: Path, invoke: Invoke, tmp_path: Path, page: str) -> None:
    need_binary("/usr/bin/chromium", "opens the exported pages")
    copy_example(series)
    assert invoke("export", "--all").exit_code == 0
    url = (series / "site" / page).as_uri()
    dom = chromium(["--dump-dom", url], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<article" in dom.stdout or "index-list" in dom.stdout
    problems = [m.group() for m in CONSOLE.finditer(dom.stderr)]
    assert problems == [], problems
    # JEUDIS_SCREENSHOTS=DIR keeps the screenshots, to look at them.
    keep = os.environ.get("JEUDIS_SCREENSHOTS")
    target = (Path(keep) if keep else tmp_path) / f"{page}.png"
    done = chromium(
        [f"--screenshot={target}", "--window-size=1200,1600", "--hide-scrollbars", url],
        tmp_path / "profile",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert target.stat().st_size > 10_000  # a rendered page, not a blank one
