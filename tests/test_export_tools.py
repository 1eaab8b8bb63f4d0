"""Real tools read what jeudis writes: static site generators build it, Chromium shows it.

Hugo, Jekyll, Pelican and Chromium come from Debian (``.ci/run`` installs them),
Material for MkDocs from the dev dependencies. Elsewhere these tests skip with a
reason; under CI (``CI`` set) a missing tool is a failure. Zola is checked by
parsing its front matter only (tests/test_export_snapshots.py): no build of it
runs on this Debian.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from export_helpers import copy_example, need_binary
from support import Invoke

HUGO_CONFIG = 'baseURL = "https://example.org/"\nlanguageCode = "fr-fr"\ntitle = "Test"\n'
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
# What each generator must show of the example series: the page's title and date.
EXPECTED_POSTS = {
    "mathieu-durand": ("Interview Twitter de Mathieu Durand [Les Jeudis Twitter]", "2011-04-07"),
    "amelie-roux": ("Interview Twitter de Amélie Roux [Les Jeudis Twitter]", "2011-03-24"),
    "elise-garnier": ("Un livre, un auteur : Élise Garnier", "2011-05-12"),
}
MINIMAL_PAGE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body>"
    '<time datetime="{date}"></time>{content}</body></html>\n'
)


def exported(series: Path, invoke: Invoke, tmp_path: Path, flavor: str) -> Path:
    """The example series exported with ``--flavor`` into a generator's source folder."""
    copy_example(series)
    site = tmp_path / flavor
    result = invoke("export", "--all", "-f", "md", "--flavor", flavor, "-o", site)
    assert result.exit_code == 0, result
    return site


def built_title_and_date(page: Path) -> tuple[str, str]:
    text = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
    date = re.search(r'<time datetime="([^"]*)"', text)
    assert title and date, page
    return html.unescape(title.group(1)).strip(), date.group(1)


def run_tool(command: list[str], cwd: Path, **env: str) -> None:
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        check=False,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])


@pytest.mark.generators
def test_hugo_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    hugo = need_binary("hugo", "builds the --flavor hugo export")
    site = exported(series, invoke, tmp_path, "hugo")
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    page = MINIMAL_PAGE.format(
        title="{{ .Title }}", date='{{ .Date.Format "2006-01-02" }}', content="{{ .Content }}"
    )
    (layouts / "single.html").write_text(page, encoding="utf-8")
    (layouts / "list.html").write_text(
        "{{ range .Pages }}{{ .Title }}\n{{ end }}", encoding="utf-8"
    )
    out = tmp_path / "public"
    run_tool([hugo, "--quiet", "-s", str(site), "-d", str(out)], cwd=site)
    for slug, expected in EXPECTED_POSTS.items():
        page_file = out / "posts" / slug / "index.html"
        assert built_title_and_date(page_file) == expected
        assert "<strong>" in page_file.read_text(encoding="utf-8")  # the Markdown was rendered
    summary = (out / "posts" / "mathieu-durand" / "index.html").read_text(encoding="utf-8")
    assert "\u202f?" in summary  # French typography made it through Hugo


@pytest.mark.generators
def test_jekyll_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    jekyll = need_binary("jekyll", "builds the --flavor jekyll export")
    site = exported(series, invoke, tmp_path, "jekyll")
    (site / "_config.yml").write_text("title: Test\nlang: fr\n", encoding="utf-8")
    layouts = site / "_layouts"
    layouts.mkdir()
    page = MINIMAL_PAGE.format(
        title="{{ page.title }}", date='{{ page.date | date: "%Y-%m-%d" }}', content="{{ content }}"
    )
    (layouts / "post.html").write_text(page, encoding="utf-8")
    # An index of excerpts: Jekyll cuts each post at the excerpt_separator it was given.
    (site / "excerpts.html").write_text(
        "---\n---\n{% for post in site.posts %}<div>{{ post.excerpt }}</div>\n{% endfor %}",
        encoding="utf-8",
    )
    out = tmp_path / "public"
    run_tool([jekyll, "build", "--quiet", "-s", str(site), "-d", str(out)], cwd=site)
    for slug, expected in EXPECTED_POSTS.items():
        [page_file] = out.rglob(f"{slug}.html")
        assert built_title_and_date(page_file) == expected
        assert "<strong>" in page_file.read_text(encoding="utf-8")
    excerpts = (out / "excerpts.html").read_text(encoding="utf-8")
    assert excerpts.count("<div>") == 4
    assert "1. Depuis combien de temps" not in excerpts  # the intro only, not the questions


@pytest.mark.generators
def test_pelican_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    pelican = need_binary("pelican", "builds the --flavor pelican export")
    site = exported(series, invoke, tmp_path, "pelican")
    (site / "pelicanconf.py").write_text(
        'SITENAME = "Test"\nTIMEZONE = "UTC"\nDEFAULT_LANG = "fr"\nRELATIVE_URLS = True\n'
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
        "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n",
        encoding="utf-8",
    )
    out = tmp_path / "public"
    run_tool(
        [pelican, "content", "-o", str(out), "-s", "pelicanconf.py", "--fatal", "errors"],
        cwd=site,
    )
    for slug, (title, date) in EXPECTED_POSTS.items():
        text = (out / f"{slug}.html").read_text(encoding="utf-8")
        assert f"<title>Test - {title}</title>" in html.unescape(text)
        assert f'datetime="{date}T08:00:00+00:00"' in text
        assert "<strong>" in text
    category = (out / "category" / "les-jeudis-twitter.html").read_text(encoding="utf-8")
    assert category.count("<article") == 3  # the series is the category: three Jeudis


@pytest.mark.generators
def test_material_for_mkdocs_builds_the_exported_series(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    pytest.importorskip("material", reason="mkdocs-material (a dev dependency) builds the export")
    site = exported(series, invoke, tmp_path, "mkdocs")
    (site / "mkdocs.yml").write_text(
        "site_name: Test\ntheme:\n  name: material\n  language: fr\nplugins:\n  - blog\n",
        encoding="utf-8",
    )
    (site / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (site / "docs" / "blog" / "index.md").write_text("# Interviews\n", encoding="utf-8")
    out = tmp_path / "public"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    run_tool(mkdocs, cwd=site, NO_MKDOCS_2_WARNING="1")
    for slug, (title, date) in EXPECTED_POSTS.items():
        year, month, day = date.split("-")
        text = (out / "blog" / year / month / day / slug / "index.html").read_text(encoding="utf-8")
        assert f"<title>{title} - Test</title>" in html.unescape(text)
        assert f'<time datetime="{date} 00:00:00+00:00"' in text
    listing = (out / "blog" / "index.html").read_text(encoding="utf-8")
    assert listing.count("Continuer à lire") == 4  # each post listed as an excerpt...
    assert "1. Depuis combien de temps" not in listing  # ...cut at <!-- more -->


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
