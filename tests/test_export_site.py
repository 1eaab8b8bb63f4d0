"""`jeudis export --all`: pages, indexes, feed, incremental runs, valid HTML5."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Self
from urllib.parse import unquote, urljoin

import html5lib
import pytest

import jeudis
from export_helpers import copy_example, make_interview
from jeudis.export.manifest import MANIFEST, write_file
from jeudis.export.site import export_site
from jeudis.export.written import content_stamp
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from support import Invoke

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def parse_html5(path: Path) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(path.read_bytes())  # strict: raises on the first parse error
    assert not parser.errors, (path, parser.errors)


def test_all_writes_pages_indexes_and_feed(series: Path, invoke: Invoke) -> None:
    copy_example(series)
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    # Not a terminal: one line, no progress bar (tests/test_pty.py draws it).
    assert result.stderr == f"{series / 'site'}: 10 files written, 0 unchanged\n"
    site = series / "site"
    pages = sorted(p.name for p in site.glob("*.html"))
    assert "index.html" in pages
    assert {"index-twitter.html", "index-livre.html"} <= set(pages)  # two questionnaires
    for slug in ("amelie-roux", "claire-fontaine", "mathieu-durand", "elise-garnier"):
        assert f"{slug}.html" in pages
    for page in site.glob("*.html"):
        parse_html5(page)
    index = (site / "index.html").read_text(encoding="utf-8")
    order = [
        index.index(f'href="{s}.html"')
        for s in ("elise-garnier", "mathieu-durand", "claire-fontaine", "amelie-roux")
    ]
    assert order == sorted(order), "index is newest first"
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    # The title as the page's <h1> writes it, with its French typography.
    assert entries[0].findtext(f"{ATOM}title") == "Un livre, un auteur\u00a0: Élise Garnier"
    content = entries[0].findtext(f"{ATOM}content")
    assert content and "<article" in content  # full content, as HTML
    # Links in the content resolve against the post's page, not the feed: a question's
    # anchor leads to that question, not to the home page.
    mathieu_entry = next(e for e in entries if "Mathieu" in (e.findtext(f"{ATOM}title") or ""))
    base = urljoin(
        str(feed.get(XML_BASE)),
        str(mathieu_entry.find(f"{ATOM}content").get(XML_BASE)),  # type: ignore[union-attr]
    )
    assert urljoin(base, "#q-depuis") == "https://blog.example.org/mathieu-durand.html#q-depuis"
    # prev/next stay inside one questionnaire: Mathieu (7 April) sits between Claire and nobody newer.
    mathieu = (site / "mathieu-durand.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="claire-fontaine.html"' in mathieu
    assert 'rel="next"' not in mathieu
    assert 'rel="canonical" href="https://blog.example.org/mathieu-durand.html"' in mathieu
    # The photo is copied beside the pages (the ninth file), linked relatively.
    assert '<img src="images/mathieu-durand.svg"' in mathieu
    assert (site / "images" / "mathieu-durand.svg").is_file()
    assert '"https://blog.example.org/images/mathieu-durand.svg"' in mathieu  # JSON-LD's
    assert 'property="og:image"' not in mathieu  # no social network shows an SVG
    # A sitemap (the example has a base_url): the indexes, then the published posts.
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    urls = [
        (u.findtext(f"{SITEMAP}loc"), u.findtext(f"{SITEMAP}lastmod"))
        for u in sitemap.iter(f"{SITEMAP}url")
    ]
    base = "https://blog.example.org/"
    assert [loc for loc, _ in urls] == [
        base + name
        for name in (
            "",  # index.html, the folder's own page
            "index-livre.html",
            "index-twitter.html",
            "elise-garnier.html",
            "mathieu-durand.html",
            "claire-fontaine.html",
            "amelie-roux.html",
        )
    ]
    assert dict(urls)[base + "mathieu-durand.html"] == "2011-04-07"


def test_second_run_skips_everything_then_follows_changes(series: Path) -> None:
    for n in range(5):
        make_interview(series, f"invite-{n}", guest=f"Invité {n}", date=dt.date(2011, 1, 1 + n))
    out = series / "site"
    first = export_site(Series(series), out)
    assert len(first.written) == 5 + 2  # pages, index, feed
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}
    again = export_site(Series(series), out)
    assert again.unchanged and again.written == []
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")} == stamps
    # One interview's answer changes: its page, the index and the feed are written again
    # (its guest's name, shown by its neighbours' links, would write them too).
    path = series / "interviews" / "invite-2.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("L’envie", "Le désir"), encoding="utf-8"
    )
    os.utime(path, ns=(1, 1))
    changed = export_site(Series(series), out)
    names = sorted(p.name for p in changed.written)
    assert names == ["feed.xml", "index.html", "invite-2.html"]
    assert "Le désir" in (out / "invite-2.html").read_text(encoding="utf-8")
    # A new interview: it and its older neighbour (whose "next" link changes) are written.
    make_interview(series, "invite-9", guest="Invité 9", date=dt.date(2011, 2, 1))
    added = sorted(p.name for p in export_site(Series(series), out).written)
    assert added == ["feed.xml", "index.html", "invite-4.html", "invite-9.html"]


def test_an_export_with_nothing_changed_imports_no_rendering_nor_hashing(series: Path) -> None:
    """An up-to-date site is known from stamps alone: neither Jinja, cmark nor the
    workers' machinery is imported, nor hashlib (OpenSSL: a few ms, a tenth of such
    an export's own time; the manifest's stamps are content stamps, length and CRC),
    nor what reads interviews (the files are listed by jeudis.files), nor TOML: the
    settings are stamped, not read."""
    for n in range(3):
        path = make_interview(
            series, f"invite-{n}", guest=f"Invité {n}", date=dt.date(2011, 1, 1 + n)
        )
        written_earlier(path)
    export_site(Series(series), series / "site")
    code = (
        "import sys\n"
        f"sys.argv = ['jeudis', 'export', '--all', '-C', {str(series)!r}]\n"
        "from jeudis.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = ('jinja2', 'cmarkgfm', 'multiprocessing', 'hashlib', 'jeudis.interview_reading',"
        " 'tomllib')\n"
        "print('LOADED', [m for m in bad if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "up to date" in done.stderr, done.stderr
    assert "LOADED []" in done.stdout


def test_the_index_and_the_links_set_the_guests_name_as_the_title_does(
    series: Path, invoke: Invoke
) -> None:
    """The index's byline and the previous/next links read "d’Ormesson", as the post's
    title and caption do: they wrote the name as typed, beside the title's."""
    make_interview(series, "avant", guest="Anne Avant", date=dt.date(2011, 1, 1))
    make_interview(series, "jean", guest="Jean d'Ormesson", date=dt.date(2011, 1, 8))
    make_interview(series, "apres", guest="Paul Après", date=dt.date(2011, 1, 15))
    make_interview(series, "english", guest="Ann O'Neil", date=dt.date(2011, 1, 22), language="en")
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "</time> · Jean d’Ormesson</p>" in index
    assert "</time> · Ann O’Neil</p>" in index  # the English post's typography
    older = "Interview précédente\u00a0: Jean d’Ormesson"
    newer = "Interview suivante\u00a0: Jean d’Ormesson"
    assert older in (site / "apres.html").read_text(encoding="utf-8")
    assert newer in (site / "avant.html").read_text(encoding="utf-8")
    # The English page speaks English around the link, and sets it so: as typed.
    assert "Previous interview: Paul Après" in (site / "english.html").read_text(encoding="utf-8")
    # One page exported alone links its neighbours the same way.
    assert newer in invoke("export", "avant").stdout


def test_the_byline_and_the_feeds_author_set_the_hosts_name_as_the_guests(
    series: Path, invoke: Invoke
) -> None:
    """The byline ("par Marc d’Alembert") under the title, and in the feed, as the caption sets the
    guest's name: the byline read "d'Alembert" as typed. Front matter keeps it as typed."""
    make_interview(series, "jean", host="Marc d'Alembert")
    assert invoke("export", "--all").exit_code == 0
    page = (series / "site" / "jean.html").read_text(encoding="utf-8")
    assert "</time> · par Marc d’Alembert</p>" in page
    entry = ET.parse(series / "site" / "feed.xml").getroot().find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}author/{ATOM}name") == "Marc d’Alembert"
    assert 'author: "Marc d\'Alembert"' in invoke("export", "jean", "-f", "md").stdout


def test_the_feeds_summary_and_the_index_set_the_description_as_the_post_does(
    series: Path, invoke: Invoke
) -> None:
    """The summary under a post's title in the index, the feed and WordPress is text
    as its intro is: "d’Ormesson", a no-break space before "?". It read as typed
    (the description, kept as written for the pages' <meta> and JSON-LD)."""
    intro = "Voici Jean d'Ormesson. Pourquoi lui ? Parce que."
    make_interview(series, "jean", guest="Jean d'Ormesson", fields={"intro": intro})
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    shown = "Voici Jean d’Ormesson. Pourquoi lui\u202f? Parce que."
    assert f"<p>{shown}</p>" in (site / "index.html").read_text(encoding="utf-8")
    entry = ET.parse(site / "feed.xml").getroot().find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}summary") == shown
    page = (site / "jean.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Voici Jean d&#39;Ormesson. Pourquoi lui ? ' in page
    wxr = ET.fromstring(invoke("export", "jean", "-f", "wxr").stdout)
    excerpt = "{http://wordpress.org/export/1.2/excerpt/}encoded"
    assert wxr.findtext(f"channel/item/{excerpt}") == shown


def test_an_index_or_feed_that_reads_as_it_did_is_not_written_again(
    series: Path, invoke: Invoke
) -> None:
    """A guest's correction to an answer of an older post changes its page (and the
    sitemap's date for it); the indexes and the feed, which do not show that answer,
    were written again all the same, and counted: "7 files written" for two changed,
    and every index sent again by an upload that goes by date. One touched up by hand
    since, or removed, is written again as ever with --overwrite."""
    (series / "jeudis.toml").write_text('base_url = "https://blog.example.org"\n', "utf-8")
    for n in range(25):  # more than the feed holds: the first is in no feed
        make_interview(series, f"invite-{n}", guest=f"Invité {n}", date=dt.date(2011, 1, 1 + n))
    make_interview(series, "anne", guest="Anne Autre", questionnaire="twitter")
    out = series / "site"
    export_site(Series(series), out)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    fixed = invoke("edit", "invite-0", "-q", "definition", "--answer-file", "-", input="La vente.")
    assert fixed.exit_code == 0, fixed

    result = invoke("export", "--all")

    assert result.exit_code == 0, result
    assert result.stderr.startswith(f"{out}: 2 files written, 25 unchanged\n"), result.stderr
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert sorted(n for n in after if after[n] != before[n]) == [
        MANIFEST,
        "invite-0.html",
        "sitemap.xml",
    ]
    (out / "index.html").write_text("touched up", encoding="utf-8")
    (out / "feed.xml").unlink()
    invoke("edit", "invite-0", "-q", "definition", "--answer-file", "-", input="Tout.")
    again = export_site(Series(series), out, overwrite=True)
    assert {"index.html", "feed.xml"} <= {p.name for p in again.written}
    assert (out / "feed.xml").is_file() and "<html" in (out / "index.html").read_text("utf-8")


def test_a_page_or_photo_that_reads_as_it_did_is_not_written_again(
    series: Path, invoke: Invoke
) -> None:
    """The blog's description, which the indexes and the feed show, changes in
    jeudis.toml: every page was written again, the same, and counted ("9 files
    written"), and every photo copied again. Markdown posts likewise."""
    settings = series / "jeudis.toml"
    settings.write_text('description = "Chaque jeudi."\n', encoding="utf-8")
    (series / "images").mkdir()
    (series / "images" / "invite-0.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for n in range(3):
        fields = {"photo": "images/invite-0.png"} if n == 0 else {}
        make_interview(series, f"invite-{n}", date=dt.date(2011, 1, 1 + n), fields=fields)
    out = series / "site"
    assert invoke("export", "--all").exit_code == 0
    hugo = series / "hugo"
    assert invoke("export", "--all", "--flavor", "hugo", "-o", hugo).exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in [*out.rglob("*"), *hugo.rglob("*")]}
    settings.write_text('description = "Des interviews."\n', encoding="utf-8")

    result = invoke("export", "--all")
    markdown = invoke("export", "--all", "--flavor", "hugo", "-o", hugo)

    assert result.stderr.startswith(f"{out}: 2 files written, 3 unchanged\n"), result
    assert markdown.stderr.startswith(f"{hugo}: up to date (3 interviews unchanged)\n"), markdown
    after = {p: p.stat().st_mtime_ns for p in before}
    assert sorted(p.name for p in before if after[p] != before[p]) == [
        MANIFEST,
        MANIFEST,
        "feed.xml",
        "index.html",
    ]


def test_an_output_written_from_its_bytes_is_written_and_stamped_as_from_its_text(
    tmp_path: Path,
) -> None:
    """A page whose stamp was taken goes to the disk as the bytes the stamp was taken
    of, not encoded again: the same file, the same stamp, new or written over."""
    text = "« Déjà vu ? »\n"
    stamps = [write_file(tmp_path / "text.html", text)]
    for _ in range(2):  # new, then replacing the file there
        stamps.append(write_file(tmp_path / "bytes.html", text.encode("utf-8")))
    assert stamps == [content_stamp(text.encode("utf-8"))] * 3
    assert (tmp_path / "bytes.html").read_bytes() == (tmp_path / "text.html").read_bytes()


def test_a_change_of_jeudis_s_code_anywhere_makes_the_site_again(tmp_path: Path) -> None:
    """jeudis's source pulled anew, dates.py or wording.py changed (a date written
    otherwise), export/ not: the site was said up to date, its posts as before. Every
    module of the package counts, by its content; its compiled copies do not."""
    from jeudis.export.manifest import code_stamp

    package = tmp_path / "jeudis"
    for name in ("__init__.py", "dates.py", "export/render.py", "cli/__init__.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("x = 1\n", encoding="utf-8")
    (package / "__pycache__").mkdir()
    before = code_stamp(package)
    (package / "__pycache__" / "dates.cpython-311.pyc").write_bytes(b"compiled")
    assert code_stamp(package) == before
    # The same jeudis installed again, or the other machine's of a synced series: its
    # files written anew, the same. The whole site was made again at each switch.
    for module in package.rglob("*.py"):
        module.write_bytes(module.read_bytes())
        os.utime(module, ns=(1_000_000_000, 1_000_000_000))
    assert code_stamp(package) == before
    for name in ("dates.py", "export/render.py", "cli/__init__.py"):
        (package / name).write_text("x = 22\n", encoding="utf-8")
        assert code_stamp(package) != before, name
        before = code_stamp(package)


@pytest.mark.parametrize("there", [False, True])
@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_a_page_stopped_half_written_is_no_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, there: bool, stop: type[BaseException]
) -> None:
    """Ctrl-C (or a kill, raised as an exception) as a page went to the disk: half of it
    was left as the page, which the next export took for a page of someone else's."""
    from jeudis.export import manifest

    (site := tmp_path / "site").mkdir()
    page = site / "invite.html"
    if there:
        write_file(page, "before\n")
    real = open

    class Half:
        def __init__(self, fd: int, mode: str, buffering: int) -> None:
            self.file = real(fd, mode, buffering=buffering)

        def __enter__(self) -> Self:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: memoryview) -> int:
            self.file.write(data[:10])
            raise stop

    monkeypatch.setattr(manifest, "open", Half, raising=False)
    with pytest.raises(stop):
        write_file(page, "<!doctype html><p>" + "x" * 5000)
    assert sorted(p.name for p in site.iterdir()) == (["invite.html"] if there else [])
    if there:
        assert page.read_text(encoding="utf-8") == "before\n"


def test_a_file_another_export_makes_in_a_new_folder_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two exports at once into a folder not there yet: the other one made the
    manifest between this one's folder and its file. It said "error: File exists"."""
    target = tmp_path / "site" / MANIFEST
    made = Path.mkdir

    def mkdir_then_the_other(self: Path, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        if self == target.parent:
            target.write_text('{"the": "other export"}', encoding="utf-8")

    monkeypatch.setattr(Path, "mkdir", mkdir_then_the_other)
    write_file(target, '{"this": "export"}')
    assert target.read_text(encoding="utf-8") == '{"this": "export"}'


def test_two_exports_replacing_one_file_at_once_both_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other export (another process) replaces the page while this one has its new
    text beside it, not yet renamed: each renames its own temporary file. They shared
    one name, and the second rename said "No such file or directory"."""
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "index.html"
    page.write_text("before", encoding="utf-8")
    renamed = Path.replace
    other = [True]

    def the_other_export_then(self: Path, target: Path) -> Path:
        if other.pop() if other else False:  # the other export, whole, between two steps
            write_file(page, "the other export's")
        return renamed(self, target)

    monkeypatch.setattr(Path, "replace", the_other_export_then)
    write_file(page, "this export's")
    assert page.read_text(encoding="utf-8") == "this export's"
    assert [p.name for p in page.parent.iterdir()] == ["index.html"]  # no file left beside


def test_a_link_planted_beside_a_page_leads_it_nowhere(tmp_path: Path) -> None:
    """A page there is replaced through a temporary file beside it, which was named
    after the process (``.index.html.PID.tmp``): a link under that name (a clone can
    ship them) had the page written over the file it named, outside the folder."""
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "index.html"
    page.write_text("before", encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n", encoding="utf-8")
    (tmp_path / "site" / f".index.html.{os.getpid()}.tmp").symlink_to(victim)

    write_file(page, "this export's")

    assert victim.read_text(encoding="utf-8") == "mine\n"
    assert page.read_text(encoding="utf-8") == "this export's"
    assert not page.is_symlink()


def test_a_guest_renamed_is_renamed_in_the_links_of_the_posts_beside(series: Path) -> None:
    """A neighbour's page shows the guest's name in its link: written again with it."""
    for n in range(4):
        make_interview(series, f"invite-{n}", guest=f"Invité {n}", date=dt.date(2011, 1, 1 + n))
    out = series / "site"
    export_site(Series(series), out)
    path = series / "interviews" / "invite-2.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('guest = "Invité 2"', 'guest = "Jean d\'Ormesson"'), "utf-8")

    names = sorted(p.name for p in export_site(Series(series), out).written)

    # The feed shows the title, not the name alone: it reads the same, and is left as it was.
    assert names == ["index.html", "invite-1.html", "invite-2.html", "invite-3.html"]
    assert "suivante\u00a0: Jean d’Ormesson" in (out / "invite-1.html").read_text("utf-8")
    assert "précédente\u00a0: Jean d’Ormesson" in (out / "invite-3.html").read_text("utf-8")
    assert export_site(Series(series), out).unchanged


@pytest.mark.parametrize("missing", [("guest_text", "title"), ("guest_text",)])
def test_a_manifest_of_an_older_export_is_rendered_again_not_crashed_on(
    series: Path, invoke: Invoke, missing: tuple[str, ...]
) -> None:
    """An entry lacking what this export records (the guest's name set, its neighbours'
    names) is no up-to-date post: its page is rendered again, and the index lists it
    (as it did: each reads as it did, and is left as it was)."""
    make_interview(series, "jean", guest="Jean d'Ormesson", date=dt.date(2011, 1, 8))
    make_interview(series, "paul", guest="Paul", date=dt.date(2011, 1, 15))
    assert invoke("export", "--all").exit_code == 0
    manifest = series / "site" / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for meta in data["entries"].values():
        for key in missing:
            del meta[key]
    manifest.write_text(json.dumps(data), encoding="utf-8")

    result = invoke("export", "--all")

    assert result.exit_code == 0, result
    assert result.stderr.endswith("up to date (2 interviews unchanged)\n"), result.stderr
    assert "guest_text" in json.loads(manifest.read_text(encoding="utf-8"))["entries"]["jean"]
    index = (series / "site" / "index.html").read_text(encoding="utf-8")
    assert "</time> · Jean d’Ormesson</p>" in index
    assert invoke("export", "--all").stderr.endswith("up to date (2 interviews unchanged)\n")


def test_a_photo_added_changed_or_removed_shows_on_the_next_export(series: Path) -> None:
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.png"})
    out = series / "site"
    export_site(Series(series), out)
    assert "<img" not in (out / "invite.html").read_text(encoding="utf-8")  # not there yet
    photo = series / "images" / "invite.png"
    photo.parent.mkdir()
    photo.write_bytes(b"first")
    added = export_site(Series(series), out)
    assert '<img src="images/invite.png"' in (out / "invite.html").read_text(encoding="utf-8")
    assert (out / "images" / "invite.png").read_bytes() == b"first"
    assert {p.name for p in added.written} >= {"invite.html", "invite.png"}
    assert export_site(Series(series), out).unchanged
    photo.write_bytes(b"second, longer")
    export_site(Series(series), out)
    assert (out / "images" / "invite.png").read_bytes() == b"second, longer"
    photo.unlink()
    export_site(Series(series), out)
    assert "<img" not in (out / "invite.html").read_text(encoding="utf-8")


def test_a_photo_added_shows_in_the_wordpress_file_of_a_folder_at_the_next_export(
    series: Path, invoke: Invoke
) -> None:
    """``export --all --format wxr -o wxr``: the import file stayed "up to date", the
    photo left out, and its warning replayed, the file there since."""
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.png"})
    (series / "jeudis.toml").write_text('base_url = "https://x.example"\n', encoding="utf-8")
    wxr = ["export", "--all", "--format", "wxr", "-o", str(series / "wxr")]
    missing = invoke(*wxr)
    assert "photo images/invite.png left out: no such file" in missing.stderr
    photo = series / "images" / "invite.png"
    photo.parent.mkdir()
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")

    added = invoke(*wxr)

    assert "up to date" not in added.stderr and "left out" not in added.stderr, added
    assert "https://x.example/images/invite.png" in (series / "wxr" / "wordpress.xml").read_text(
        "utf-8"
    )
    assert "up to date" in invoke(*wxr).stderr


@pytest.mark.parametrize("output", ["all.xml", "site"])
def test_a_wordpress_file_of_more_interviews_takes_no_more_memory(
    series: Path, invoke: Invoke, output: str
) -> None:
    """``export --all --format wxr`` of ten thousand interviews took 2 GB: every post and
    its body were held until the file's text was made, whole, then a copy of it, and
    the file there was read whole to be checked. Each post is let go once written."""
    import tracemalloc

    copy_example(series)
    example = (series / "interviews" / "mathieu-durand.toml").read_text(encoding="utf-8")
    command = ["export", "--all", "--format", "wxr", "-o", str(series / output)]

    def most_memory(count: int) -> int:
        for n in range(count):
            path = series / "interviews" / f"invite-{n:03d}.toml"
            path.write_text(example, encoding="utf-8")
        tracemalloc.start()
        try:
            assert invoke(*command).exit_code == 0
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    invoke(*command)  # the modules imported, the templates compiled
    few, many = most_memory(10), most_memory(50)
    assert many - few < 500_000, (few, many)  # forty interviews more: 3 MB more, held


@pytest.mark.parametrize(
    ("output", "target"), [("all.xml", "all.xml"), ("site", "site/wordpress.xml")]
)
def test_a_wordpress_file_stopped_half_way_leaves_the_one_there(
    series: Path, invoke: Invoke, output: str, target: str
) -> None:
    """The WordPress file is written as it is made, aside, and put in place once whole:
    a template failing at the second post leaves the file there as it was, and no
    half file beside it."""
    copy_example(series)
    command = ["export", "--all", "--format", "wxr", "-o", str(series / output)]
    assert invoke(*command).exit_code == 0
    file = series / target
    before = file.read_bytes()
    bundled = (Path(jeudis.__file__).parent / "templates" / "wxr.xml").read_text("utf-8")
    failing = bundled.replace("<item>", "<item>{% if loop.index == 2 %}{{ 1 // 0 }}{% endif %}")
    (series / "templates").mkdir()
    (series / "templates" / "wxr.xml").write_text(failing, encoding="utf-8")

    result = invoke(*command)

    assert result.exit_code != 0
    assert "wxr.xml" in result.stderr and "ZeroDivisionError" in result.stderr, result
    assert file.read_bytes() == before
    assert not [path.name for path in file.parent.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.parametrize("where", ["absolute", "parent", "home"])
def test_a_photo_outside_the_series_is_never_published(
    where: str, series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """An interview may come from someone else (an imported sheet): no file of the host leaks."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the web")
    named = {"absolute": str(secret), "parent": "../secret.png", "home": "~/secret.png"}[where]
    make_interview(series, "invite", guest="Invité", fields={"photo": named})
    (series / "jeudis.toml").write_text('base_url = "https://x.example"\n', encoding="utf-8")
    warning = (
        f"warning: invite: photo {named} left out: it is not in the series folder "
        '(copy it to images/secret.png there and write photo = "images/secret.png")'
    )

    hugo = ["--all", "-f", "md", "--flavor", "hugo", "-o", str(series / "hugo")]
    for command in (["--all"], ["--all"], hugo):
        result = invoke("export", *command)
        assert result.exit_code == 0, result
        assert warning in result.stderr.splitlines()  # at every export, until it is fixed
    single = invoke("export", "invite", "-f", "html")
    wxr = invoke("export", "--all", "-f", "wxr", "-o", str(series / "wp"))

    assert warning in single.stderr.splitlines() and warning in wxr.stderr.splitlines()
    written = [p for p in series.rglob("*") if p.is_file() and p.suffix != ".toml"]
    texts = {p.name: p.read_bytes() for p in written} | {"-": single.stdout.encode()}
    assert not [name for name, text in texts.items() if b"not for the web" in text]
    # Only the manifest names it, in the warning it repeats at the next export.
    assert {name for name, text in texts.items() if b"secret" in text} == {MANIFEST}
    assert "<img" not in (series / "site" / "invite.html").read_text(encoding="utf-8")


def test_a_photo_of_another_scheme_is_left_out_with_a_warning(series: Path, invoke: Invoke) -> None:
    make_interview(series, "invite", guest="Invité", fields={"photo": "file:///home/a/g.jpg"})
    warning = (
        "warning: invite: photo file:///home/a/g.jpg left out:"
        " not a web address nor a file of the series"
    )

    for command in (["--all"], ["invite"], ["--all", "-f", "wxr", "-o", str(series / "wp")]):
        result = invoke("export", *command)
        assert result.exit_code == 0, result
        assert warning in result.stderr.splitlines()
    assert "g.jpg" not in (series / "site" / "invite.html").read_text(encoding="utf-8")


def test_a_photo_naming_another_file_of_the_series_publishes_nothing(
    series: Path, invoke: Invoke
) -> None:
    """Another interview (its private notes), the settings: never copied into a site."""
    make_interview(series, "victime", guest="Victime", notes="NOTE-PRIVEE")
    make_interview(series, "invite", guest="Invité", fields={"photo": "interviews/victime.toml"})

    for command in (["--all"], ["--all", "-f", "md", "--flavor", "hugo", "-o", "hugo"]):
        result = invoke("export", *command)
        assert result.exit_code == 0, result
        assert (
            "warning: invite: photo interviews/victime.toml left out: not an image" in result.stderr
        )
    interviews = series / "interviews"
    published = [p for p in series.parent.rglob("*") if p.is_file() and interviews not in p.parents]
    assert not [p for p in published if b"NOTE-PRIVEE" in p.read_bytes()]
    assert "photo interviews/victime.toml is not an image" in invoke("check").stdout


def test_an_svg_photo_holding_script_is_never_published(series: Path, invoke: Invoke) -> None:
    """Opened on its own at the blog's address, the drawing's script would run there."""
    photo = series / "images" / "invite.svg"
    photo.parent.mkdir(exist_ok=True)
    photo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>',
        encoding="utf-8",
    )
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.svg"})
    warning = (
        "warning: invite: photo images/invite.svg left out:"
        " an SVG with an onload handler; save it as PNG, JPEG or WebP"
    )
    blog = series / "blog"
    (blog / "content" / "posts").mkdir(parents=True)
    (blog / "hugo.toml").write_text('title = "blog"\n', encoding="utf-8")
    commands = (
        ["--all"],
        ["invite", "-o", str(series / "elsewhere" / "invite.html")],
        ["invite", "-f", "md", "--flavor", "hugo", "-o", str(blog / "content" / "posts" / "i.md")],
        ["--all", "-f", "wxr", "-o", str(series / "wp")],
    )

    for command in commands:
        result = invoke("export", *command)
        assert result.exit_code == 0, result
        assert warning in result.stderr.splitlines()
    published = [p for p in series.rglob("*") if p.is_file() and p != photo]
    assert not [p for p in published if b"alert(document.cookie)" in p.read_bytes()]
    assert "invite.svg" not in (series / "site" / "invite.html").read_text(encoding="utf-8")
    checked = invoke("check")
    assert "photo images/invite.svg is an SVG with an onload handler" in checked.stdout

    # Cleaned by the host, it is published at the next export.
    photo.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    assert "invite.svg" not in result.stderr
    assert (series / "site" / "images" / "invite.svg").read_bytes() == photo.read_bytes()
    assert 'src="images/invite.svg"' in (series / "site" / "invite.html").read_text(
        encoding="utf-8"
    )


def test_an_svg_published_before_it_was_known_unsafe_is_taken_down(
    series: Path, invoke: Invoke
) -> None:
    photo = series / "images" / "invite.svg"
    photo.parent.mkdir(exist_ok=True)
    photo.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.svg"})
    assert invoke("export", "--all").exit_code == 0
    assert (series / "site" / "images" / "invite.svg").is_file()

    photo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', encoding="utf-8")
    result = invoke("export", "--all")

    assert result.exit_code == 0, result
    assert "an SVG with a <script> element" in result.stderr
    assert not (series / "site" / "images" / "invite.svg").exists()
    assert "<img" not in (series / "site" / "invite.html").read_text(encoding="utf-8")


def test_a_missing_photo_is_left_out_with_a_warning(series: Path, invoke: Invoke) -> None:
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.png"})

    result = invoke("export", "--all")

    assert "warning: invite: photo images/invite.png left out: no such file" in result.stderr
    assert "<img" not in (series / "site" / "invite.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--fragment"],
        ["--format", "md"],
        ["--format", "md", "--flavor", "hugo"],
        ["--format", "wxr"],
    ],
    ids=["page", "fragment", "markdown", "hugo", "wxr"],
)
def test_a_single_export_leaves_a_missing_photo_out_as_the_site_does(
    series: Path, invoke: Invoke, options: list[str]
) -> None:
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.png"})

    result = invoke("export", "invite", *options)

    assert result.exit_code == 0, result
    assert "warning: invite: photo images/invite.png left out: no such file" in result.stderr
    assert "invite.png" not in result.stdout
    assert "La promotion des marques" in result.stdout


def test_a_page_written_to_a_file_leaves_a_missing_photo_out(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.png"})

    result = invoke("export", "invite", "-o", str(tmp_path / "invite.html"))

    assert result.exit_code == 0, result
    assert "left out: no such file" in result.stderr
    assert "not copied" not in result.stderr
    assert "<img" not in (tmp_path / "invite.html").read_text(encoding="utf-8")


def test_a_post_a_single_export_wrote_there_is_jeudis_own_to_all(
    series: Path, invoke: Invoke
) -> None:
    """`export X -o blog/content/posts/X.md`, then `export --all -o blog`: the post was
    refused as "not written by jeudis". Touched up by hand since, it still is."""
    make_interview(series, "claire-martin", guest="Claire Martin")
    make_interview(series, "paul", guest="Paul", date=dt.date(2011, 7, 7))
    blog = series / "blog"
    post = blog / "content" / "posts" / "claire-martin.md"
    post.parent.mkdir(parents=True)
    single = invoke("export", "claire-martin", "-f", "md", "--flavor", "hugo", "-o", str(post))
    assert single.exit_code == 0, single
    hugo = ("export", "--all", "-f", "md", "--flavor", "hugo", "-o", str(blog))
    assert invoke(*hugo).exit_code == 0
    post.write_text(post.read_text(encoding="utf-8") + "Retouché.\n", encoding="utf-8")
    (blog / ".jeudis-manifest.json").unlink()  # as if --all had never run there
    (blog / "content" / "posts" / "paul.md").unlink()
    refused = invoke(*hugo)
    assert refused.exit_code == 1
    assert "changed by hand since jeudis wrote it" in refused.stderr


def test_a_file_of_the_hosts_own_is_never_written_over(series: Path, invoke: Invoke) -> None:
    """A generator's site holds the host's own posts: one of the same name stops the export."""
    make_interview(series, "claire-martin", guest="Claire Martin")
    make_interview(series, "paul", guest="Paul", date=dt.date(2011, 7, 7))
    blog = series / "blog"
    own = blog / "content" / "posts" / "claire-martin.md"
    own.parent.mkdir(parents=True)
    own.write_text("my own post\n", encoding="utf-8")
    hugo = ("export", "--all", "-f", "md", "--flavor", "hugo", "-o", str(blog))

    refused = invoke(*hugo)

    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f"error: {own}: already there, not written by jeudis; nothing written",
        "hint: move it away or export elsewhere; --overwrite replaces such files",
    ]
    assert sorted(p.name for p in blog.rglob("*")) == ["claire-martin.md", "content", "posts"]
    assert own.read_text(encoding="utf-8") == "my own post\n"

    assert invoke(*hugo, "--overwrite").exit_code == 0
    assert own.read_text(encoding="utf-8").startswith("+++\n")
    assert invoke(*hugo).exit_code == 0  # jeudis's own now: written over as it changes


@pytest.mark.parametrize(
    ("command", "touched"),
    [
        (("-f", "md", "--flavor", "hugo", "-o", "blog"), "blog/content/posts/paul.md"),
        (("-o", "site"), "site/paul.html"),
        (("-o", "site"), "site/index.html"),
        (("-f", "wxr", "-o", "wp"), "wp/wordpress.xml"),
    ],
)
def test_a_file_touched_up_by_hand_is_never_written_over(
    command: tuple[str, ...], touched: str, series: Path, invoke: Invoke
) -> None:
    """A post jeudis wrote and the host then edited in their site: the edit is not lost."""
    paul = make_interview(series, "paul", guest="Paul")
    make_interview(series, "anne", guest="Anne", date=dt.date(2011, 7, 7))
    export = ("export", "--all", *command)
    assert invoke(*export).exit_code == 0
    target = series.parent / touched  # -o is relative to the current folder, the test's
    target.write_text(target.read_text(encoding="utf-8") + "Touched up by hand.\n", "utf-8")
    paul.write_text(paul.read_text(encoding="utf-8").replace("Paul", "Paul Martin"), "utf-8")

    refused = invoke(*export)

    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == (
        f"error: {touched}: changed by hand since jeudis wrote it; nothing written"
    )
    assert target.read_text(encoding="utf-8").endswith("Touched up by hand.\n")
    assert invoke(*export, "--overwrite").exit_code == 0
    assert "Touched up by hand" not in target.read_text(encoding="utf-8")
    assert invoke(*export).exit_code == 0  # as jeudis wrote it again: its own


def test_a_post_touched_up_by_hand_stays_while_its_interview_does_not_change(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "paul", guest="Paul")
    assert invoke("export", "--all").exit_code == 0
    page = series / "site" / "paul.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- mine -->\n", "utf-8")

    again = invoke("export", "--all")

    assert again.exit_code == 0, again
    assert page.read_text(encoding="utf-8").endswith("<!-- mine -->\n")


def test_a_photo_of_the_hosts_own_of_the_same_name_stays(series: Path, invoke: Invoke) -> None:
    make_interview(series, "paul", guest="Paul", fields={"photo": "images/paul.png"})
    (series / "images").mkdir()
    (series / "images" / "paul.png").write_bytes(b"the series' portrait")
    blog = series / "blog"
    theirs = blog / "static" / "images" / "paul.png"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"the host's own picture")

    result = invoke("export", "--all", "-f", "md", "--flavor", "hugo", "-o", str(blog))

    assert result.exit_code == 0, result
    assert f"warning: paul: photo not copied: {theirs} is already there" in result.stderr
    assert theirs.read_bytes() == b"the host's own picture"
    assert "](/images/paul.png)" in (blog / "content" / "posts" / "paul.md").read_text("utf-8")
    (series / "interviews" / "paul.toml").unlink()
    assert invoke("export", "--all", "-f", "md", "--flavor", "hugo", "-o", str(blog)).exit_code == 0
    assert theirs.read_bytes() == b"the host's own picture"  # not the export's: never removed


def test_an_index_of_the_hosts_own_stops_a_site_export(series: Path, invoke: Invoke) -> None:
    make_interview(series, "paul", guest="Paul")
    site = series / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>my page</p>\n", encoding="utf-8")
    (site / "about.html").write_text("<p>about</p>\n", encoding="utf-8")

    result = invoke("export", "--all")

    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {site}: not empty, and no earlier export's")
    assert sorted(p.name for p in site.iterdir()) == ["about.html", "index.html"]
    assert invoke("export", "--all", "--overwrite").exit_code == 0
    assert (site / "about.html").read_text(encoding="utf-8") == "<p>about</p>\n"  # not ours


def test_sitemap_only_with_a_base_url_and_never_a_draft(series: Path, invoke: Invoke) -> None:
    make_interview(series, "fini", guest="Fini")
    make_interview(series, "brouillon", guest="Brouillon", status="draft")
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    assert not (series / "site" / "sitemap.xml").exists()  # no base_url: no absolute URL
    (series / "jeudis.toml").write_text('base_url = "https://x.example/s/"\n', encoding="utf-8")
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    assert (series / "site" / "brouillon.html").exists()
    sitemap = ET.parse(series / "site" / "sitemap.xml").getroot()
    locs = [u.findtext(f"{SITEMAP}loc") for u in sitemap.iter(f"{SITEMAP}url")]
    assert locs == ["https://x.example/s/", "https://x.example/s/fini.html"]
    # Nor in the feed: a reader would keep the draft, by the final post's id.
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") or "" for e in feed.iter(f"{ATOM}entry")]
    assert [title.rsplit(" ", 1)[-1] for title in titles] == ["Fini"]


def test_a_sitemaps_lastmod_is_never_before_the_posts_date(series: Path, invoke: Invoke) -> None:
    """Changed on 7 April 2011 (the helper's stamp), dated the 9th: modified the 9th."""
    make_interview(series, "date", guest="Daté", date=dt.date(2011, 4, 9))
    (series / "jeudis.toml").write_text('base_url = "https://x.example"\n', encoding="utf-8")
    assert invoke("export", "--all").exit_code == 0
    sitemap = ET.parse(series / "site" / "sitemap.xml").getroot()
    lastmods = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in sitemap}
    assert lastmods["https://x.example/date.html"] == "2011-04-09"


def test_what_the_series_no_longer_holds_leaves_the_folder(series: Path, invoke: Invoke) -> None:
    """A deleted interview, a draft no longer included, a sitemap without base_url: removed.

    Only files an export wrote: the host's own files in the folder stay.
    """
    for slug in ("garde", "retire"):
        make_interview(series, slug, guest=slug.title())
    make_interview(series, "brouillon", guest="Brouillon", status="draft")
    (series / "jeudis.toml").write_text('base_url = "https://x.example"\n', encoding="utf-8")
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    site = series / "site"
    (site / "CNAME").write_text("x.example\n", encoding="utf-8")  # the host's own
    assert {"retire.html", "brouillon.html", "sitemap.xml"} <= {p.name for p in site.iterdir()}
    (series / "interviews" / "retire.toml").unlink()
    (series / "jeudis.toml").write_text("", encoding="utf-8")
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    assert sorted(p.name for p in site.iterdir()) == [
        ".jeudis-manifest.json",
        "CNAME",
        "feed.xml",
        "garde.html",
        "index.html",
    ]
    # Each a published address gone: named, not only counted.
    assert "0 unchanged, 3 removed (brouillon.html, retire.html, sitemap.xml)\n" in result.stderr
    # The same folder, now a WordPress file: the pages go, the host's file stays.
    assert invoke("export", "--all", "-f", "wxr", "--overwrite").exit_code == 0
    assert sorted(p.name for p in site.iterdir()) == [
        ".jeudis-manifest.json",
        "CNAME",
        "wordpress.xml",
    ]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("first", "then", "held", "wanted"),
    [
        ([], ["--flavor", "hugo"], "the HTML site", "write the Hugo posts"),
        ([], ["-f", "wxr"], "the HTML site", "write the WordPress import file"),
        (["-f", "wxr"], [], "the WordPress import file", "write the HTML site"),
        (["--flavor", "hugo"], ["--flavor", "jekyll"], "the Hugo posts", "write the Jekyll posts"),
        (["-f", "md"], ["--flavor", "zola"], "the Markdown posts", "write the Zola posts"),
    ],
    ids=["html-hugo", "html-wxr", "wxr-html", "hugo-jekyll", "md-zola"],
)
def test_an_export_of_another_kind_never_replaces_the_folders_own(
    series: Path, invoke: Invoke, first: list[str], then: list[str], held: str, wanted: str
) -> None:
    """``export --all --flavor hugo`` into ``site/``, the HTML site's folder, removed
    the whole site ("10 removed"): the site the host uploads, gone to a try of Hugo."""
    make_interview(series, "paul", guest="Paul")
    assert invoke("export", "--all", *first).exit_code == 0
    site = series / "site"
    before = _files(site)

    refused = invoke("export", "--all", *then)

    assert refused.exit_code == 1, refused
    assert refused.stderr.splitlines()[0] == (
        f"error: {site}: holds {held} an earlier export wrote; nothing written"
    )
    assert refused.stderr.splitlines()[1].startswith(f"hint: {wanted} into another folder")
    assert _files(site) == before
    # Elsewhere, or in its place when asked: the one kind, then the other, each its own.
    assert invoke("export", "--all", *then, "-o", series / "other").exit_code == 0
    replaced = invoke("export", "--all", *then, "--overwrite")
    assert replaced.exit_code == 0, replaced
    assert not set(before) - {".jeudis-manifest.json"} & set(_files(site))
    assert invoke("export", "--all", *then).exit_code == 0  # now the folder's own kind


def test_a_folder_an_older_export_wrote_is_told_by_its_files(series: Path, invoke: Invoke) -> None:
    """A manifest written before manifests named their kind: the HTML site shows by its
    index; a folder whose files are all gone holds nothing to keep."""
    make_interview(series, "paul", guest="Paul")
    assert invoke("export", "--all").exit_code == 0
    site = series / "site"
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    manifest.pop("kind", None)
    (site / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")

    assert invoke("export", "--all", "--flavor", "hugo").exit_code == 1
    for page in site.glob("*.*ml"):
        page.unlink()
    assert invoke("export", "--all", "--flavor", "hugo").exit_code == 0


def test_the_files_removed_are_named_the_first_few(series: Path, invoke: Invoke) -> None:
    """As the folder names them (a generator's post sits in a folder of its own), three,
    then "…": a thousand posts renamed are not a thousand names on one line."""
    for slug in ("garde", "alpha", "beta", "gamma", "delta"):
        make_interview(series, slug, guest=slug.title())
    assert invoke("export", "--all", "--flavor", "hugo").exit_code == 0
    (series / "interviews" / "gamma.toml").unlink()
    result = invoke("export", "--all", "--flavor", "hugo")
    assert result.stderr.endswith(", 1 removed (content/posts/gamma.md)\n"), result.stderr
    for slug in ("alpha", "beta", "delta"):
        (series / "interviews" / f"{slug}.toml").unlink()
    (series / "interviews" / "garde.toml").rename(series / "interviews" / "gardee.toml")

    result = invoke("export", "--all", "--flavor", "hugo")

    assert result.exit_code == 0, result
    named = ", ".join(f"content/posts/{slug}.md" for slug in ("alpha", "beta", "delta"))
    assert result.stderr.endswith(f", 4 removed ({named}, …)\n"), result.stderr  # not garde
    assert (series / "site" / "content" / "posts" / "gardee.md").is_file()


def test_a_page_touched_up_by_hand_stays_when_its_interview_goes(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "garde", guest="Garde")
    retire = make_interview(series, "retire", guest="Retire", date=dt.date(2011, 7, 7))
    assert invoke("export", "--all").exit_code == 0
    page = series / "site" / "retire.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- mine -->\n", "utf-8")
    retire.unlink()

    result = invoke("export", "--all")

    assert result.exit_code == 0, result
    assert f"warning: {page}: kept, changed by hand since jeudis wrote it" in result.stderr
    assert page.read_text(encoding="utf-8").endswith("<!-- mine -->\n")


@pytest.mark.parametrize("parallel", [False, True])
def test_an_export_stopped_by_a_broken_interview_is_finished_by_the_next(
    parallel: bool, series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages written before the failure are the export's: the next one writes over them."""
    from jeudis.export import workers

    monkeypatch.setattr(workers, "PARALLEL_FROM", 2 if parallel else 10_000)
    monkeypatch.setattr(workers, "CHUNK", 2)
    for n in range(12):
        make_interview(series, f"invite-{n:02d}", guest=f"Invité {n}", date=dt.date(2011, 1, n + 1))
    broken = series / "interviews" / "invite-06.toml"
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good + "\n[[answers]]\nid = 3\n", encoding="utf-8")

    failed = invoke("export", "--all")

    assert failed.exit_code == 4
    assert failed.stderr.startswith(f"error: {broken}:")
    assert list((series / "site").glob("invite-*.html"))  # some written before the failure
    broken.write_text(good, encoding="utf-8")
    finished = invoke("export", "--all")
    assert finished.exit_code == 0, finished
    assert len(list((series / "site").glob("invite-*.html"))) == 12


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)
def test_the_thread_keeping_the_workers_sleeps_while_results_wait() -> None:
    """multiprocessing's Pool woke that thread whenever the results' pipe held some,
    and it looped without sleeping while they waited to be read: 0.1 s of CPU on a
    thousand posts, taken from the workers. What wakes it: the pool's changes."""
    from jeudis.export import workers

    pool = workers._pool(multiprocessing.get_context("fork"), 1)
    try:
        assert pool._get_sentinels() == [pool._change_notifier._reader]
        assert list(pool.imap_unordered(abs, [-1, -2])) in ([1, 2], [2, 1])
    finally:
        pool.close()
        pool.join()


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)
def test_a_sigterm_stops_the_workers_as_a_ctrl_c_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed at once by SIGTERM, the export left its workers writing pages, each then
    printing a traceback for the results it could not send. Now the workers skip what
    is left, and the export ends with one line (the CLI's), 143, as a shell reports it."""
    import signal

    from jeudis.export import workers
    from jeudis.export.stopping import Stopped

    class Job:
        def do_chunk(self, chunk: list[int]) -> list[int]:
            if chunk[0] == 3 * workers.CHUNK:  # a worker sends it: the parent is mid-way
                os.kill(os.getppid(), signal.SIGTERM)
            return chunk

    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "_warm_up", lambda job: None)
    before = signal.getsignal(signal.SIGTERM)
    done: list[int] = []
    todo = list(range(40 * workers.CHUNK))
    with pytest.raises(Stopped) as stopped, workers.team(Job(), todo) as team:  # type: ignore[arg-type]
        done.extend(team.posts())
    assert (stopped.value.message, int(stopped.value.exit_code)) == (
        "export stopped by SIGTERM",
        143,
    )
    assert len(done) < 40 * workers.CHUNK  # what was left was skipped
    assert signal.getsignal(signal.SIGTERM) is before
    assert multiprocessing.active_children() == []  # no worker left running


# Run in a process group of its own: the signal goes to the whole group, as a terminal
# window closed sends SIGHUP to the job, `kill -TERM -PGID` and a service's stop SIGTERM.
GROUP_STOPPED = """
import os, signal, sys
from jeudis.export import workers
from jeudis.export.stopping import Stopped

workers.os.cpu_count = lambda: 2
workers._warm_up = lambda job: None
phase, name = sys.argv[1], sys.argv[2]


def stop_all():
    os.killpg(os.getpgrp(), getattr(signal, name))


def index(number):
    if phase == "indexes" and number == 0:
        stop_all()
    return str(number)


class Job:
    def do_chunk(self, chunk):
        if phase == "posts" and chunk[0] == 3 * workers.CHUNK:
            stop_all()
        return chunk


try:
    with workers.team(Job(), list(range(40 * workers.CHUNK))) as team:
        done = list(team.posts())
        team.spread(index, [(number,) for number in range(4)])()
except Stopped as stopped:
    print(stopped.message)
    sys.exit(int(stopped.exit_code))
print("not stopped")
"""


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)
@pytest.mark.parametrize("phase", ["posts", "indexes"])
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_stop_sent_to_the_workers_too_ends_the_export(
    phase: str, name: str, code: int, tmp_path: Path
) -> None:
    """A terminal window closed as `export --all` ran: its SIGHUP, sent to the workers as
    to the parent, ended each with the chunk or the index in its hands, which the pool
    then waited for for ever; the export hung, its new workers idle."""
    script = tmp_path / "stopped.py"
    script.write_text(GROUP_STOPPED, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), phase, name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.communicate()
        pytest.fail(f"the export stopped by {name} among its {phase} hung")
    assert (out, process.returncode) == (f"export stopped by {name}\n", code), err
    assert "Traceback" not in err


def test_an_interview_file_named_by_hand_gets_links_that_work(series: Path, invoke: Invoke) -> None:
    """ "Q&A #2 été.toml": a space, "#", "?" or an accent must not break the links to it."""
    paul = make_interview(series, "paul", guest="Paul")
    paul.rename(paul.with_name("Q&A #2 été?.toml"))
    make_interview(series, "anne", guest="Anne", date=dt.date(2011, 7, 7))
    (series / "jeudis.toml").write_text('base_url = "https://x.example"\n', encoding="utf-8")

    assert invoke("export", "--all").exit_code == 0

    site = series / "site"
    quoted = "Q%26A%20%232%20%C3%A9t%C3%A9%3F.html"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{quoted}"' in index
    assert f'href="{quoted}"' in (site / "anne.html").read_text(encoding="utf-8")  # previous
    assert (site / unquote(quoted)).is_file()
    page = (site / "Q&A #2 été?.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://x.example/{quoted}">' in page
    assert f"<loc>https://x.example/{quoted}</loc>" in (site / "sitemap.xml").read_text("utf-8")
    parse_html5(site / "index.html")


@pytest.mark.parametrize("name", ["index", "Index"])
def test_an_interview_named_as_the_index_stops_the_export(
    series: Path, invoke: Invoke, name: str
) -> None:
    """ "index.toml", named by hand: its page was written over by the series' index, the
    post gone without a word and its neighbour's link leading to the index. "Index.html"
    is "index.html" where case is ignored (macOS, Windows)."""
    make_interview(series, "paul", guest="Paul")
    make_interview(series, name, guest="Anne", date=dt.date(2011, 7, 7))
    site = series / "site"

    result = invoke("export", "--all")

    assert result.exit_code == 1, result
    assert result.stderr == (
        f"error: {series / 'interviews' / name}.toml: its page would be {name}.html,"
        " named as the series' index is: one would be lost\n"
        f"hint: rename the file ({name}-2.toml, say): the post's address goes with its name\n"
    )
    assert not site.exists()  # nothing written
    (series / "interviews" / f"{name}.toml").rename(series / "interviews" / f"{name}-2.toml")
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    assert result.stderr == f"{site}: 4 files written, 0 unchanged\n"  # 2 posts, index, feed
    assert f'href="{name}-2.html"' in (site / "index.html").read_text(encoding="utf-8")
    assert f'rel="next" href="{name}-2.html"' in (site / "paul.html").read_text(encoding="utf-8")


def test_an_interview_named_as_a_questionnaires_index_stops_the_export(
    series: Path, invoke: Invoke
) -> None:
    """With two questionnaires, index-livre.html lists the livre questionnaire's interviews:
    an interview named so is refused then, and only then. The name suggested is free."""
    make_interview(series, "index-livre", guest="Paul")
    make_interview(series, "index-livre-2", guest="Anne", status="draft")
    assert invoke("export", "--all").exit_code == 0  # one questionnaire: one index.html
    make_interview(series, "zoe", guest="Zoé", questionnaire="twitter")

    result = invoke("export", "--all")

    assert result.exit_code == 1, result
    assert result.stderr.splitlines() == [
        (
            f"error: {series / 'interviews' / 'index-livre.toml'}: its page would be"
            " index-livre.html, named as the index of questionnaire livre is: one would be lost"
        ),
        "hint: rename the file (index-livre-3.toml, say): the post's address goes with its name",
    ]
    assert not (series / "site" / "zoe.html").exists()


@pytest.mark.parametrize(
    ("flavor", "name", "said"),
    [
        (
            "hugo",
            "index",
            (
                "Hugo reads content/posts/index.md as the folder's own page (a bundle),"
                " every other post hidden in it"
            ),
        ),
        (
            "hugo",
            "_index",
            "Hugo reads content/posts/_index.md as the page listing the posts, not as a post",
        ),
        (
            "zola",
            "index",
            (
                "Zola reads content/index.md as a page bundle,"
                " which it refuses beside the site's home page"
            ),
        ),
        ("zola", "_Index", "Zola reads content/_Index.md as the site's home page, not as a post"),
    ],
    ids=["hugo-index", "hugo-_index", "zola-index", "zola-_Index"],
)
def test_a_post_its_generator_would_read_as_no_post_stops_the_export(
    series: Path, invoke: Invoke, flavor: str, name: str, said: str
) -> None:
    """Hugo took content/posts/index.md for a bundle, every other post its resources:
    the blog built with none of them, and said nothing."""
    make_interview(series, "paul", guest="Paul")
    make_interview(series, name, guest="Anne")
    out = series / "blog"

    result = invoke("export", "--all", "-f", "md", "--flavor", flavor, "-o", out)

    assert result.exit_code == 1, result
    assert result.stderr.splitlines()[0] == (f"error: {series / 'interviews' / name}.toml: {said}")
    assert not out.exists()
    for other in ("jekyll", "mkdocs"):  # a post there is dated, or its page in a folder of its own
        done = invoke("export", "--all", "-f", "md", "--flavor", other, "-o", series / other)
        assert done.exit_code == 0, done


def test_drafts_only_when_asked(series: Path, invoke: Invoke) -> None:
    make_interview(series, "fini", guest="Fini")
    make_interview(
        series, "brouillon", guest="Brouillon Draft", status="draft", date=dt.date(2011, 7, 1)
    )
    everything = invoke("export", "--all")
    assert everything.exit_code == 0
    assert not (series / "site" / "brouillon.html").exists()
    assert everything.stderr.splitlines()[-1] == (
        "note: 1 draft left out (brouillon): --include-drafts exports them, marked"
    )
    for n in range(3):  # more than three: the first three, then "…", as removed files are
        make_interview(series, f"brouillon-{n}", status="draft")
    many = invoke("export", "--all").stderr.splitlines()[-1]
    assert many.startswith("note: 4 drafts left out (brouillon, brouillon-0, brouillon-1, …): ")
    result = invoke("export", "brouillon")
    assert (
        result.exit_code == 2 and "draft" in result.stderr and "--include-drafts" in result.stderr
    )
    assert "is a draft (2 answers)" in result.stderr
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    page = (series / "site" / "brouillon.html").read_text(encoding="utf-8")
    assert 'class="draft"' in page and 'name="robots" content="noindex"' in page
    md = invoke("export", "brouillon", "--include-drafts", "-f", "md", "--flavor", "hugo").stdout
    assert "draft = true" in md


def test_export_alone_names_the_last_interview_finished_when_the_newest_is_a_draft(
    series: Path, invoke: Invoke
) -> None:
    """The host in the middle of an interview types `jeudis export` for the one before."""

    def touched(path: Path, when: str) -> None:
        text = path.read_text(encoding="utf-8")
        stamp = path.stat().st_mtime_ns
        path.write_text(text.replace(text.split("updated = ")[1][:19], when), "utf-8")
        os.utime(path, ns=(stamp + 10**9, stamp + 10**9))  # the list's cache sees a change

    touched(make_interview(series, "ancienne", guest="Anne Ancienne"), "2011-04-01 09:30:00")
    touched(make_interview(series, "finie", guest="Fanny Finie"), "2011-04-02 09:30:00")
    draft = make_interview(series, "en-cours", guest="Eva Encours", status="draft")
    touched(draft, "2011-04-03 09:30:00")

    result = invoke("export")

    assert result.exit_code == 2, result
    assert result.stderr.splitlines() == [
        "error: en-cours, the most recent interview, is a draft (2 answers)",
        (
            "hint: finish it with `jeudis resume en-cours`, pass --include-drafts,"
            " or export the last one finished: `jeudis export finie`"
        ),
    ]
    assert "Fanny Finie" in invoke("export", "finie").stdout
    assert "Eva Encours" in invoke("export", "--include-drafts").stdout
    touched(draft, "2011-04-01 08:00:00")  # no longer the newest: the newest is exported
    assert "Fanny Finie" in invoke("export").stdout


def test_export_alone_with_nothing_finished_says_so(series: Path, invoke: Invoke) -> None:
    make_interview(series, "en-cours", guest="Eva Encours", status="draft")

    result = invoke("export")

    assert result.exit_code == 2, result
    assert result.stderr.splitlines()[1:] == [
        "hint: finish it with `jeudis resume en-cours`, or pass --include-drafts"
    ]


def test_an_interview_dated_after_today_waits_for_its_day(series: Path, invoke: Invoke) -> None:
    today = dt.date.today()
    make_interview(series, "passee", guest="Anne Passée", date=today - dt.timedelta(days=7))
    make_interview(series, "du-jour", guest="Jean Dujour", date=today)
    make_interview(series, "jeudi", guest="Paul Jeudi", date=today + dt.timedelta(days=7))
    make_interview(series, "plus-tard", guest="Léa Tard", date=today + dt.timedelta(days=14))
    site = series / "site"
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    notes = result.stderr.splitlines()[1:]
    later = (today + dt.timedelta(days=7)).isoformat(), (today + dt.timedelta(days=14)).isoformat()
    assert notes == [  # the next one first
        f"note: jeudi: dated {later[0]}, left out until that day (--include-future publishes it now)",
        f"note: plus-tard: dated {later[1]}, left out until that day (--include-future publishes it now)",
    ]
    assert (site / "du-jour.html").is_file()  # today's is due
    assert not (site / "jeudi.html").exists() and not (site / "plus-tard.html").exists()
    shown = "".join(
        p.read_text(encoding="utf-8") for p in (site / "du-jour.html", site / "index.html")
    )
    shown += (site / "feed.xml").read_text(encoding="utf-8")
    assert "Paul Jeudi" not in shown and "jeudi.html" not in shown  # no link to it, no "next"
    # Up to date, the host is still told what waits.
    again = invoke("export", "--all")
    assert "up to date" in again.stderr and "note: jeudi:" in again.stderr
    assert invoke("export", "--all", "--include-future").exit_code == 0
    assert (site / "jeudi.html").is_file() and "jeudi.html" in (site / "du-jour.html").read_text(
        encoding="utf-8"
    )
    # Exported without it again, the early page is taken back, as a draft left out is.
    assert invoke("export", "--all").exit_code == 0
    assert not (site / "jeudi.html").exists()
    # On its day, it is published: its neighbour's next link and the index follow.
    export_site(Series(series), site, today=today + dt.timedelta(days=7))
    assert (site / "jeudi.html").is_file() and not (site / "plus-tard.html").exists()
    assert "jeudi.html" in (site / "index.html").read_text(encoding="utf-8")


def test_one_page_exported_links_no_interview_still_to_come(series: Path, invoke: Invoke) -> None:
    """As in the site export --all writes: no link to a page that is not there yet."""
    copy_example(series)
    later = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    path = series / "interviews" / "claire-fontaine.toml"
    path.write_text(
        re.sub(r"(?m)^date = .*$", f"date = {later}", path.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    page = invoke("export", "mathieu-durand").stdout  # the newest out, claire's the next
    assert "claire-fontaine.html" not in page and 'rel="next"' not in page
    assert (
        'rel="next" href="https://blog.example.org/mathieu-durand.html"'
        in invoke("export", "amelie-roux").stdout
    )
    named = invoke("export", "claire-fontaine").stdout  # named, it is exported, linked
    assert (
        'rel="prev" href="https://blog.example.org/mathieu-durand.html"' in named
    )  # now the one before it
    assert 'rel="next"' not in named


def test_an_index_with_nothing_published_yet_says_so(series: Path, invoke: Invoke) -> None:
    make_interview(series, "jeudi", guest="Paul Jeudi", date=dt.date.today() + dt.timedelta(days=3))
    assert invoke("export", "--all").exit_code == 0
    index = series / "site" / "index.html"
    parse_html5(index)
    text = index.read_text(encoding="utf-8")
    assert '<p class="empty">Aucune interview publiée pour l’instant.</p>' in text
    assert "<ol" not in text  # no empty list for a screen reader to announce


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["-f", "md", "--flavor", "hugo"], True),  # Hugo holds it (buildFuture is off)
        (["-f", "md", "--flavor", "jekyll"], True),  # so does Jekyll (future: false)
        (["-f", "wxr"], True),  # WordPress schedules it
        (["-f", "md", "--flavor", "zola"], False),  # these would publish it at once
        (["-f", "md", "--flavor", "pelican"], False),
        (["-f", "md", "--flavor", "mkdocs"], False),
        (["-f", "md"], False),
    ],
)
def test_a_blog_that_schedules_posts_gets_the_future_ones(
    series: Path, invoke: Invoke, args: list[str], written: bool
) -> None:
    make_interview(series, "jeudi", guest="Paul Jeudi", date=dt.date.today() + dt.timedelta(days=3))
    result = invoke("export", "--all", *args, "-o", series / "out")
    assert result.exit_code == 0, result
    found = [p for p in (series / "out").rglob("*") if p.is_file() and p.name != MANIFEST]
    assert bool(found) is written, found
    assert ("note: jeudi:" in result.stderr) is not written
    if "wxr" in args:
        assert "<wp:status>publish</wp:status>" in found[0].read_text("utf-8")


def test_include_future_is_for_a_whole_series(series: Path, invoke: Invoke) -> None:
    make_interview(series, "jeudi", guest="Paul Jeudi", date=dt.date.today() + dt.timedelta(days=3))
    result = invoke("export", "jeudi", "--include-future")
    assert result.exit_code == 2 and "--include-future is for --all" in result.stderr
    assert "Paul Jeudi" in invoke("export", "jeudi").stdout  # named, it is exported


def test_notes_are_never_exported(series: Path, invoke: Invoke) -> None:
    make_interview(series, "secret", notes="NOTE-PRIVEE: ne pas publier")
    outputs = [
        invoke("export", "secret", *args).stdout
        for args in ([], ["-f", "md"], ["-f", "wxr"], ["--fragment"])
    ]
    assert invoke("export", "--all").exit_code == 0
    outputs += [p.read_text(encoding="utf-8") for p in (series / "site").iterdir() if p.is_file()]
    assert all("NOTE-PRIVEE" not in text for text in outputs)


def test_markdown_site_layout_per_flavor(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent-flores")
    for flavor, expected in [
        ("jekyll", "_posts/2011-06-30-laurent-flores.md"),
        ("hugo", "content/posts/laurent-flores.md"),
        ("mkdocs", "docs/blog/posts/laurent-flores.md"),
    ]:
        out = series / f"out-{flavor}"
        result = invoke("export", "--all", "-f", "md", "--flavor", flavor, "-o", out)
        assert result.exit_code == 0, result
        assert (out / expected).is_file()


QUOTED_PHOTO = "images/Paul%20%232%20%28%C3%A9t%C3%A9%29.jpg"


@pytest.mark.parametrize(
    ("flavor", "post", "link", "field"),
    [
        (None, "paul.md", QUOTED_PHOTO, f'image: "{QUOTED_PHOTO}"'),
        ("hugo", "content/posts/paul.md", f"/{QUOTED_PHOTO}", f'images = ["/{QUOTED_PHOTO}"]'),
        ("jekyll", "_posts/2011-06-30-paul.md", f"/{QUOTED_PHOTO}", f'image: "/{QUOTED_PHOTO}"'),
        ("zola", "content/paul.md", f"/{QUOTED_PHOTO}", f'image = "/{QUOTED_PHOTO}"'),
        ("pelican", "content/paul.md", f"{{static}}/{QUOTED_PHOTO}", f"Image: {QUOTED_PHOTO}"),
        ("mkdocs", "docs/blog/posts/paul.md", f"../../{QUOTED_PHOTO}", None),
    ],
    ids=["markdown", "hugo", "jekyll", "zola", "pelican", "mkdocs"],
)
def test_a_markdown_posts_photo_named_with_a_hash_is_linked_quoted_for_a_url(
    series: Path, invoke: Invoke, flavor: str | None, post: str, link: str, field: str | None
) -> None:
    """images/Paul #2 (été).jpg: the link ended at its "#", and the front matter's field,
    an address to a theme (Hugo's og:image, jekyll-seo-tag's), held the path as it is.
    Pelican's {static} stays outside the quoting, or it would find no file."""
    photo = "images/Paul #2 (été).jpg"
    (series / "images").mkdir()
    (series / photo).write_bytes(b"jpeg")
    make_interview(series, "paul", guest="Paul", fields={"photo": photo})
    out = series / "out"
    chosen = ["--flavor", flavor] if flavor else []

    result = invoke("export", "--all", "-f", "md", *chosen, "-o", out)

    assert result.exit_code == 0, result
    text = (out / post).read_text(encoding="utf-8")
    assert f"![Paul]({link})" in text
    assert field is None or field in text.splitlines()
    single = invoke("export", "paul", "-f", "md", *chosen)
    assert f"![Paul]({link})" in single.stdout
    # Where the generator writes the address unquoted again, no name jeudis writes shows it.
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    if flavor in ("jekyll", "pelican"):
        assert warned == single.stderr.splitlines()[:1]  # the same, from a single export
        assert warned[0].startswith(f"warning: paul: photo {photo}: ")
        assert warned[0].endswith(
            'a "#" or a "?" ends it: name the file without them for it to show'
        )
    else:
        assert warned == []


def test_wxr_all(series: Path, invoke: Invoke) -> None:
    copy_example(series)
    assert invoke("export", "--all", "-f", "wxr").exit_code == 0
    root = ET.parse(series / "site" / "wordpress.xml").getroot()
    assert len(root.findall("channel/item")) == 4


def test_wxr_gives_guests_named_in_other_scripts_a_tag_each(series: Path, invoke: Invoke) -> None:
    """WordPress keeps one tag per slug: folded to ASCII, every such name was ``invite``."""
    make_interview(series, "li", guest="李小龙", host="Алексей", date=dt.date(2011, 1, 6))
    make_interview(series, "ivan", guest="Иван Петров", host="Борис", date=dt.date(2011, 1, 13))
    wp = "http://wordpress.org/export/1.2/"

    assert invoke("export", "--all", "-f", "wxr").exit_code == 0

    channel = ET.parse(series / "site" / "wordpress.xml").getroot().find("channel")
    assert channel is not None
    tags = {
        t.findtext(f"{{{wp}}}tag_name"): t.findtext(f"{{{wp}}}tag_slug")
        for t in channel.iter(f"{{{wp}}}tag")
    }
    assert tags["李小龙"] == "%e6%9d%8e%e5%b0%8f%e9%be%99"  # as WordPress's sanitize_title
    assert tags["Иван Петров"] == "%d0%b8%d0%b2%d0%b0%d0%bd-%d0%bf%d0%b5%d1%82%d1%80%d0%be%d0%b2"
    logins = [a.findtext(f"{{{wp}}}author_login") for a in channel.iter(f"{{{wp}}}author")]
    assert len(set(logins)) == 2 and all(re.fullmatch(r"[a-z0-9-]+", str(x)) for x in logins)
    creators = {
        i.findtext("{http://purl.org/dc/elements/1.1/}creator") for i in channel.iter("item")
    }
    assert creators == set(logins)


@pytest.mark.parametrize(
    ("language", "series_slug", "guest_slug"),
    [
        ("fr", "linterview-du-jeudi", "jurgen-muller-oneil"),
        ("de", "linterview-du-jeudi", "juergen-mueller-oneil"),
    ],
)
def test_wxr_slugs_are_those_the_blog_already_has(
    series: Path, invoke: Invoke, language: str, series_slug: str, guest_slug: str
) -> None:
    """The importer finds the blog's category by its slug, WordPress's own (checked with
    its sanitize_title): another slug made a second "L'interview du jeudi" for the posts."""
    path = make_interview(series, "jurgen", guest="Jürgen Müller O’Neil")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('series = "Interviews"', 'series = "L\'interview du jeudi"'), "utf-8"
    )
    (series / "jeudis.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    wp = "{http://wordpress.org/export/1.2/}"

    assert invoke("export", "--all", "-f", "wxr").exit_code == 0

    channel = ET.parse(series / "site" / "wordpress.xml").getroot().find("channel")
    assert channel is not None
    assert [c.findtext(f"{wp}category_nicename") for c in channel.iter(f"{wp}category")] == [
        series_slug
    ]
    tags = {t.findtext(f"{wp}tag_slug") for t in channel.iter(f"{wp}tag")}
    assert tags == {guest_slug, "livre"}
    terms = {c.get("nicename") for c in channel.iter("category")}
    assert terms == {series_slug, guest_slug, "livre"}


@pytest.mark.parametrize(
    ("kind", "into"),
    [
        ("all", "the WordPress file"),
        ("one", "the WordPress file"),
        ("--fragment", "the fragment"),
        ("--wordpress", "the fragment"),
    ],
)
def test_a_photo_wordpress_could_not_show_is_left_out(
    series: Path, invoke: Invoke, kind: str, into: str
) -> None:
    """WordPress gets no copy of the series' files: without base_url, a broken image."""
    make_interview(series, "invite", guest="Invité", fields={"photo": "images/invite.png"})
    (series / "images").mkdir()
    (series / "images" / "invite.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    written = series / ("site/wordpress.xml" if kind == "all" else "wp.out")
    args = {
        "all": ["--all", "-f", "wxr"],
        "one": ["invite", "-f", "wxr", "-o", str(written)],
    }.get(kind, ["invite", kind, "-o", str(written)])

    result = invoke("export", *args)

    assert result.exit_code == 0, result.output
    assert f"warning: invite: photo images/invite.png left out of {into}: upload it" in " ".join(
        result.output.split()
    )
    assert "images/invite.png" not in written.read_text(encoding="utf-8")
    # With the site's address, the post shows the photo from the published site.
    (series / "jeudis.toml").write_text('base_url = "https://x.example"\n', encoding="utf-8")
    result = invoke("export", *args, "--overwrite")
    assert "left out" not in result.output
    assert 'src="https://x.example/images/invite.png"' in written.read_text(encoding="utf-8")


def test_wxr_marks_a_draft_by_its_status_alone(series: Path, invoke: Invoke) -> None:
    """A banner in the body would stay once the host publishes the post in WordPress."""
    make_interview(series, "brouillon", guest="Invité", status="draft")
    make_interview(series, "publie", guest="Publié", date=dt.date(2011, 7, 7))
    wp = "http://wordpress.org/export/1.2/"

    assert invoke("export", "--all", "-f", "wxr", "--include-drafts").exit_code == 0

    root = ET.parse(series / "site" / "wordpress.xml").getroot()
    items = {i.findtext(f"{{{wp}}}post_name"): i for i in root.findall("channel/item")}
    assert {name: i.findtext(f"{{{wp}}}status") for name, i in items.items()} == {
        "brouillon": "draft",
        "publie": "publish",
    }
    body = items["brouillon"].findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    assert "Brouillon" not in body and "draft" not in body
    # WordPress reckons the GMT time from the site's time zone (08:00 on its own clock).
    assert {i.findtext(f"{{{wp}}}post_date_gmt") for i in items.values()} == {"0000-00-00 00:00:00"}
    assert items["publie"].findtext(f"{{{wp}}}post_date") == "2011-07-07 08:00:00"


def _under(url: str, base: str) -> bool:
    """The WordPress importer's ``is_child_url_of``: same scheme and host, path below."""
    from urllib.parse import urlsplit

    child, parent = urlsplit(url), urlsplit(base)
    if not parent.scheme or not parent.netloc:
        return False  # no base: the importer rewrites nothing
    path = unquote(child.path).rstrip("/") + "/"
    return (child.scheme, child.hostname) == (parent.scheme, parent.hostname) and path.startswith(
        unquote(parent.path).rstrip("/") + "/"
    )


def test_wxr_links_to_the_published_site_survive_the_importers_url_rewriting(
    series: Path, invoke: Invoke
) -> None:
    """The importer (0.9.1 on) moves every link under ``wp:base_site_url`` to the blog's
    own address, a box ticked by default: the photo, served from the series' site, and a
    guest's link to it would point at pages the blog does not have."""
    make_interview(
        series,
        "invite",
        guest="Invité",
        fields={"photo": "images/invite.png"},
        answers=[("q", "Un lien ?", "Lire [la précédente](https://x.example/amelie-roux.html).")],
    )
    (series / "images").mkdir()
    (series / "images" / "invite.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (series / "jeudis.toml").write_text('base_url = "https://x.example/"\n', encoding="utf-8")
    wp = "http://wordpress.org/export/1.2/"

    assert invoke("export", "--all", "-f", "wxr").exit_code == 0

    channel = ET.parse(series / "site" / "wordpress.xml").getroot().find("channel")
    assert channel is not None
    body = channel.findtext("item/{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    links = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert "https://x.example/images/invite.png" in links
    assert "https://x.example/amelie-roux.html" in links
    for base in (
        channel.findtext(f"{{{wp}}}base_site_url"),
        channel.findtext(f"{{{wp}}}base_blog_url"),
    ):
        assert [link for link in links if _under(link, base or "")] == [], base


@pytest.mark.parametrize("args", [["--all", "-o", "-"], ["--all", "--fragment"], ["--all", "x"]])
def test_all_usage_errors(series: Path, invoke: Invoke, args: list[str]) -> None:
    make_interview(series, "x")
    result = invoke("export", *args)
    assert result.exit_code == 2, result
    assert "Traceback" not in result.output


def test_two_questionnaires_of_one_series_have_indexes_told_apart(
    series: Path, invoke: Invoke
) -> None:
    """Each questionnaire's index is named by its series: two of one series read
    "Interviews (1)" and "Interviews (1)", on every index and as the pages' titles."""
    make_interview(series, "anne", guest="Anne", questionnaire="livre")
    make_interview(series, "paul", guest="Paul", questionnaire="twitter")

    assert invoke("export", "--all").exit_code == 0

    index = (series / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a href="index-livre.html" dir="auto">Interviews – livre</a> (1)' in index
    assert '<a href="index-twitter.html" dir="auto">Interviews – twitter</a> (1)' in index
    livre = (series / "site" / "index-livre.html").read_text(encoding="utf-8")
    assert '<h1 dir="auto">Interviews – livre</h1>' in livre


@pytest.mark.parametrize("under", ["", "site"])
def test_all_onto_a_file_says_which_file(series: Path, invoke: Invoke, under: str) -> None:
    """``-o README.md`` (a file, or below one) said "Not a directory", in the words of
    the system, naming the folder to be."""
    make_interview(series, "x")
    afile = series / "notes.md"
    afile.write_text("mine\n", encoding="utf-8")

    result = invoke("export", "--all", "-o", afile / under if under else afile)

    assert result.exit_code == 1, result
    assert result.stderr.splitlines() == [
        f"error: {afile} is a file, not a folder; nothing was written",
        "hint: --all writes a site into a folder: give -o FOLDER, or leave -o out for site/",
    ]
    assert afile.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("option", ["--fragment", "--wordpress"])
def test_all_with_a_fragment_names_the_option_typed(
    series: Path, invoke: Invoke, option: str
) -> None:
    make_interview(series, "x")
    result = invoke("export", "--all", option, "--format", "html")
    assert result.stderr == f"error: --all writes whole pages; {option} is for one interview\n"
    assert result.exit_code == 2
    markdown = invoke("export", "x", option, "--format", "md")
    assert markdown.stderr.splitlines()[0] == f"error: {option} is for HTML"


def test_a_broken_interview_in_a_large_series_is_a_message(series: Path, invoke: Invoke) -> None:
    for n in range(70):  # enough for the export to use worker processes
        make_interview(series, f"invite-{n:02d}", guest=f"Invité {n}")
    broken = series / "interviews" / "invite-33.toml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('type = "long"', "type = 3", 1), encoding="utf-8"
    )
    result = invoke("export", "--all")
    assert result.exit_code == 4, result
    assert "invite-33.toml" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    "notes",
    ["", "x" * 10_000, "a table-like line inside the notes:\n[answers]\nend"],
    ids=["short", "longer-than-the-first-read", "header-inside-a-string"],
)
def test_the_series_is_ordered_from_each_file_head(series: Path, notes: str) -> None:
    from jeudis.export.loading import head

    path = copy_example(series) / "interviews" / "mathieu-durand.toml"
    interview = load_interview(path)
    interview.notes = notes
    path.write_text(interview.to_toml(), encoding="utf-8")
    top = head(path)
    assert (top["guest"], top["date"], top["status"]) == (
        interview.guest,
        interview.date,
        interview.status,
    )


def test_a_thousand_missing_photos_are_not_a_thousand_lines(series: Path, invoke: Invoke) -> None:
    for n in range(13):
        make_interview(series, f"i{n:02d}", guest=f"I {n}", fields={"photo": "images/x.png"})

    result = invoke("export", "--all")

    lines = result.stderr.splitlines()
    assert lines[0].endswith("15 files written, 0 unchanged")  # the pages, index, feed
    assert lines[1:11] == [  # newest first
        f"warning: i{n:02d}: photo images/x.png left out: no such file" for n in range(12, 2, -1)
    ]
    assert lines[11:] == ["... and 3 more"]


@pytest.mark.parametrize(
    "manifest",
    [
        '{"entries": []}',
        '{"entries": {"paul": {"outputs": "paul.html"}}}',
        '{"written": 3}',
        "[]",
        # Of the right containers, with values of the wrong kind (found by fuzzing):
        '{"entries": {"paul": {"outputs": [1]}}}',
        '{"entries": {"paul": {"date": "x"}}}',
        '{"entries": {"paul": {"date": 1}}}',
        '{"entries": {"paul": {"questionnaire": []}}}',
        '{"entries": {"paul": {"photo_source": 7}}}',
        '{"entries": {"paul": {"note": 7}}}',
        '{"entries": {"paul": {"nav": [1, 2]}}}',
        '{"files": [7]}',
        '{"entries": {"paul": {"written": {"paul.html": 1}}}}',
        '{"entries": {"paul": {"draft": "no"}}}',
        '{"entries": {"paul": {"nav": [null, null, null]}}}',
        '{"entries": {"paul": "paul.html"}}',
        '{"wxr": []}',
        '{"notes": "x"}',
    ],
)
def test_a_manifest_edited_out_of_shape_is_no_manifest(
    manifest: str, series: Path, invoke: Invoke
) -> None:
    make_interview(series, "paul", guest="Paul")
    assert invoke("export", "--all").exit_code == 0
    (series / "site" / MANIFEST).write_text(manifest, encoding="utf-8")

    result = invoke("export", "--all")

    assert result.exit_code == 1  # its files are no longer known as the export's: said so
    assert "already there, not written by jeudis" in result.stderr
    assert invoke("export", "--all", "--overwrite").exit_code == 0


def test_a_status_misspelt_stops_the_export_and_removes_nothing(
    series: Path, invoke: Invoke
) -> None:
    """ "Complete" is not a draft: taking it for one would take the published page down."""
    path = make_interview(series, "publie", guest="Publié")
    assert invoke("export", "--all").exit_code == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('status = "complete"', 'status = "Complete"'), encoding="utf-8")
    line = text.split("\n").index('status = "complete"') + 1

    result = invoke("export", "--all")

    assert result.exit_code == 4, result
    assert result.stderr.startswith(f"error: {path}:{line}: status: "), result.stderr
    assert (series / "site" / "publie.html").is_file()
    row = invoke("list").stdout.splitlines()[1]
    assert row.startswith("publie ") and " broken " in row, row


def test_wxr_all_into_a_file_named_xml_or_to_standard_output(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """ "-o all.xml" names the WordPress file itself; "-o -" prints it."""
    copy_example(series)
    result = invoke("export", "--all", "-f", "wxr", "-o", "all.xml")
    assert result.exit_code == 0, result
    target = tmp_path / "all.xml"
    assert target.is_file()
    assert len(ET.parse(target).getroot().findall("channel/item")) == 4
    assert invoke("export", "--all", "-f", "wxr", "-o", "all.xml").exit_code == 0  # its own
    printed = invoke("export", "--all", "-f", "wxr", "-o", "-")
    assert printed.exit_code == 0, printed
    assert len(ET.fromstring(printed.stdout).findall("channel/item")) == 4
    assert not (tmp_path / "-").exists() and not (series / "site").exists()


@pytest.mark.parametrize(
    ("fields", "before_divider"),
    [
        ({"intro": "Une intro."}, "Une intro."),
        ({"photo": "https://example.org/laurent.jpg"}, "*Laurent Flores*"),
        ({}, "L’envie de **partager**. Et toi\u202f?"),
    ],
)
def test_the_excerpt_is_never_empty(
    series: Path, invoke: Invoke, fields: dict[str, str], before_divider: str
) -> None:
    """The excerpt divider opened a post without an intro: list pages showed its title
    and nothing under it. It follows the intro, else the photo, else the first answer."""
    make_interview(series, "sans-intro", fields=fields)
    for flavor, divider in (("hugo", "<!--more-->"), ("zola", "<!-- more -->")):
        post = invoke("export", "sans-intro", "--format", "md", "--flavor", flavor).stdout
        body = post.split(divider)[0].rstrip().rsplit("\n\n", 1)[-1]
        assert body == before_divider, (flavor, post)


def test_an_excerpt_reads_a_list_as_a_sentence(series: Path, invoke: Invoke) -> None:
    """An intro's list items ran together in the description: "Aussi : COBOL la Navy"."""
    intro = "Aussi :\n\n- COBOL\n- la Navy\n\nEnsuite, un « mot » !\n\nFin"
    make_interview(series, "liste", fields={"intro": intro})

    page = invoke("export", "liste", "--format", "html").stdout

    assert (
        '<meta name="description" content="Aussi : COBOL, la Navy. Ensuite, un « mot » ! Fin">'
        in (page)
    )


def test_a_days_interviews_keep_their_order_when_one_is_edited(
    series: Path, invoke: Invoke
) -> None:
    """Interviews of the same day stand as they were begun: editing the older one moved
    it to the top of the index, the feed and ``list``, and changed every previous/next."""
    for slug, hour in (("anne", 9), ("bruno", 11)):
        path = make_interview(series, slug, guest=slug.title())
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "created = 2011-04-07 09:30:00+00:00", f"created = 2011-04-07 {hour:02d}:00:00Z"
            ),
            encoding="utf-8",
        )

    def order() -> tuple[list[str], list[str]]:
        listed = invoke("list", "--json")
        assert listed.exit_code == 0, listed
        assert invoke("export", "--all").exit_code == 0
        index = (series / "site" / "index.html").read_text(encoding="utf-8")
        return [row["slug"] for row in json.loads(listed.stdout)], re.findall(
            r'href="(anne|bruno)\.html"', index
        )

    assert order() == (["bruno", "anne"], ["bruno", "anne"])
    edited = invoke("edit", "anne", "--question", "motivation", "--answer-file", "-", input="Oui.")
    assert edited.exit_code == 0, edited
    assert order() == (["bruno", "anne"], ["bruno", "anne"])


@pytest.mark.parametrize(
    ("key", "value", "kind"),
    [
        ("guest", '["Claire"]', "an array"),
        ("title", "7", "an integer"),
        ("questionnaire", "5", "an integer"),
    ],
)
def test_a_head_key_of_the_wrong_type_is_said_at_its_line(
    series: Path, invoke: Invoke, key: str, value: str, kind: str
) -> None:
    """``export --all`` read the file's head alone and said "missing required key
    'guest'" of a guest that was there, an array, with no line."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    text = re.sub(rf"(?m)^{key} = .*$", lambda _: f"{key} = {value}", path.read_text("utf-8"))
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key} ="))
    result = invoke("export", "--all")
    assert result.exit_code == 4
    assert result.stderr.startswith(
        f"error: {path}:{line}: {key}: {key!r} must be a string, not {kind}"
    )


def test_an_index_tells_its_questionnaires_description_as_it_is_now(
    series: Path, invoke: Invoke
) -> None:
    """One questionnaire's index, or a site of one, said the blog's description (or
    none); it now tells the questionnaire's, and is made again when it changes, the
    posts, which do not tell it, left as they are."""
    copy_example(series)
    (series / "jeudis.toml").write_text('blog = "Le carnet"\n', encoding="utf-8")
    for path in (series / "interviews").glob("*.toml"):
        if path.stem == "elise-garnier":  # the only livre interview: a site of one questionnaire
            path.unlink()
    form = series / "questionnaires" / "twitter.toml"
    assert invoke("export", "--all").exit_code == 0
    index = series / "site" / "index.html"
    said = "Chaque jeudi, un·e twittos raconte son usage de Twitter en 13 questions."
    assert f'<meta name="description" content="{said}">' in index.read_text("utf-8")
    assert f'<meta property="og:description" content="{said}">' in index.read_text("utf-8")

    form.write_text(
        form.read_text("utf-8").replace(said, "Chaque jeudi : un twittos !"), encoding="utf-8"
    )
    result = invoke("export", "--all")

    assert result.stderr.startswith(f"{series / 'site'}: 1 file written, 3 unchanged\n"), result
    assert '<p class="meta">Chaque jeudi\u00a0: un twittos\u202f!</p>' in index.read_text("utf-8")
    assert invoke("export", "--all").stderr.startswith(f"{series / 'site'}: up to date")


def test_each_questionnaires_index_tells_its_own_description_the_sites_the_blogs(
    series: Path, invoke: Invoke
) -> None:
    """A site of two questionnaires: its index tells the blog's description, each
    questionnaire's index its own, not the blog's."""
    copy_example(series)
    assert invoke("export", "--all").exit_code == 0

    def description(name: str) -> str:
        page = (series / "site" / name).read_text("utf-8")
        found = re.search(r'<meta name="description" content="([^"]*)">', page)
        assert found is not None, page
        return found.group(1)

    assert description("index.html") == "Interviews de blogueurs et de twittos, chaque jeudi."
    twitter = "Chaque jeudi, un·e twittos raconte son usage de Twitter en 13 questions."
    assert description("index-twitter.html") == twitter
    assert description("index-livre.html").startswith("Un·e auteur·e parle de son nouveau livre")


COPIES = [
    "claire-fontaine (Ann's conflicted copy 2011-04-01)",  # Dropbox's
    "claire-fontaine-DESKTOP-4F2K1",  # OneDrive's
    "claire-fontaine - Copy",  # Explorer's
    "claire-fontaine copy 2",  # Finder's
    "claire-fontaine.sync-conflict-20110401-101112-ABCDEFG",  # Syncthing's
]


@pytest.mark.parametrize("copy", COPIES)
def test_a_sync_tools_copy_of_an_interview_is_no_second_post(
    series: Path, invoke: Invoke, copy: str
) -> None:
    """A series in a synced folder gets such copies: each was a post of the same interview
    at its own address, linked from the index, its entry in the feed of the same id."""
    copy_example(series)
    interviews = series / "interviews"
    (interviews / f"{copy}.toml").write_bytes((interviews / "claire-fontaine.toml").read_bytes())

    result = invoke("export", "--all")
    again = invoke("export", "--all", "--format", "wxr", "-o", "-")

    assert result.exit_code == 0, result
    site = series / "site"
    assert sorted(p.name for p in site.glob("claire*")) == ["claire-fontaine.html"]
    assert "copy" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "feed.xml").read_text(encoding="utf-8").count("<entry>") == 4
    warning = (
        f"warning: {copy}.toml left out: a copy of claire-fontaine.toml (the same interview,"
        " by its name a sync tool's or a file manager's); keep in claire-fontaine.toml what"
        " it holds of its own, then delete it"
    )
    assert warning in result.stderr.splitlines()
    assert again.stdout.count("<wp:post_name>") == 4 and warning in again.stderr.splitlines()


def test_an_interview_of_a_name_jeudis_never_gives_is_published(
    series: Path, invoke: Invoke
) -> None:
    """Named by hand, recording a slug of its own: not a copy of the one it begins as."""
    copy_example(series)
    interviews = series / "interviews"
    text = (interviews / "claire-fontaine.toml").read_text(encoding="utf-8")
    (interviews / "claire-fontaine (2012).toml").write_text(
        text.replace('slug = "claire-fontaine"', 'slug = "claire-fontaine-2012"'),
        encoding="utf-8",
    )

    result = invoke("export", "--all")

    assert result.exit_code == 0, result
    assert (series / "site" / "claire-fontaine (2012).html").is_file()
    assert "left out" not in result.stderr


def rendered_posts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the posts an export run in this process renders, in turn (a series
    of fewer than ``workers.PARALLEL_FROM`` interviews: no worker)."""
    from jeudis.export import sitebuild

    rendered: list[str] = []
    do = sitebuild._Job.do

    def spied(job: Any, entry: Any) -> Any:
        rendered.append(entry.slug)
        return do(job, entry)

    monkeypatch.setattr(sitebuild._Job, "do", spied)
    return rendered


def test_an_export_a_broken_interview_stopped_renders_only_its_own_once_mended(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slip in one interview (a quote left open) stops `export --all` once it has claimed
    the folder: the next export, the slip mended, rendered the whole site again (a
    minute at ten thousand interviews), where only the interviews changed need it."""
    from jeudis.errors import JeudisError

    copy_example(series)
    out = series / "site"
    export_site(Series(series), out)
    amelie = series / "interviews" / "amelie-roux.toml"
    amelie.write_text(
        amelie.read_text("utf-8").replace("Juin 2010, un peu", "Juillet 2010, un peu"), "utf-8"
    )
    claire = series / "interviews" / "claire-fontaine.toml"
    good = claire.read_text("utf-8")
    claire.write_text(good + 'answer = "unclosed\n', "utf-8")
    with pytest.raises(JeudisError):
        export_site(Series(series), out)
    claire.write_text(good, "utf-8")
    rendered = rendered_posts(monkeypatch)

    export_site(Series(series), out)

    assert sorted(rendered) == ["amelie-roux", "claire-fontaine"]
    assert "Juillet 2010" in (out / "amelie-roux.html").read_text("utf-8")
    assert export_site(Series(series), out).unchanged


def test_files_written_again_the_same_render_no_post(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`git checkout`, a backup restored or a sync tool writes every file of the series
    again, the same, new times: the next export rendered every post again (35 s for
    5,000 interviews), to find each the same. Now the interviews' bytes are compared
    with those they were rendered from, and the settings', questionnaires' and
    templates' content is stamped: nothing is rendered, no page written, and the next
    export is the quick one again. An interview edited is rendered, its page and the
    feed written."""
    from jeudis.paths import BUNDLED_TEMPLATES

    copy_example(series)
    template = series / "templates" / "post.html"
    template.parent.mkdir()
    template.write_bytes((BUNDLED_TEMPLATES / "post.html").read_bytes())
    out = series / "site"
    export_site(Series(series), out)
    pages = [path for path in out.iterdir() if path.name != MANIFEST]
    times = {page.name: page.stat().st_mtime_ns for page in pages}
    later = 1_900_000_000_000_000_000  # 2030: every file written again
    for path in [*series.glob("*/*.toml"), series / "jeudis.toml", template]:
        os.utime(path, ns=(later, later))
    rendered = rendered_posts(monkeypatch)

    assert export_site(Series(series), out).unchanged
    assert rendered == []
    assert {page.name: page.stat().st_mtime_ns for page in pages} == times  # none written
    assert export_site(Series(series), out).unchanged and rendered == []

    claire = series / "interviews" / "claire-fontaine.toml"
    text = claire.read_text(encoding="utf-8")
    claire.write_text(text.replace("Deux ans déjà", "Deux années déjà"), encoding="utf-8")
    result = export_site(Series(series), out)

    assert rendered == ["claire-fontaine"]
    assert "Deux années déjà" in (out / "claire-fontaine.html").read_text("utf-8")
    assert set(result.written) == {out / "claire-fontaine.html", out / "feed.xml"}


def written_earlier(path: Path) -> None:
    """A file dated a day ago: one written in the last two seconds is compared by its
    bytes at the next export (on FAT, it could change again keeping its date)."""
    earlier = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).timestamp()
    os.utime(path, (earlier, earlier))


def hashed_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files an export run in this process hashes to tell whether one whose time
    changed holds the same bytes: none when the times are those recorded."""
    from jeudis.export import entries, manifest

    hashed: list[Path] = []
    content_hash = manifest.content_hash

    def spied(path: Path) -> str:
        hashed.append(path)
        return content_hash(path)

    for module in (manifest, entries):
        monkeypatch.setattr(module, "content_hash", spied)
    return hashed


@pytest.mark.parametrize("flavor", [None, "hugo"])
def test_a_photo_written_again_the_same_renders_no_post_and_is_not_copied(
    series: Path, monkeypatch: pytest.MonkeyPatch, flavor: str | None
) -> None:
    """A photo whose time alone changed (`git checkout`, `rsync` without -t) had its
    post rendered again at the next export, to find it the same. Now its bytes are
    compared with those the post was made with: nothing is rendered nor copied, and
    the next export is the quick one again. A photo changed, of the same size, is
    rendered and copied again."""
    photo = series / "images" / "invite.png"
    photo.parent.mkdir()
    photo.write_bytes(b"\x89PNG\r\n\x1a\nfirst")
    make_interview(series, "invite", fields={"photo": "images/invite.png"})
    make_interview(series, "autre", guest="Autre", date=dt.date(2011, 1, 1))
    for path in series.glob("interviews/*.toml"):
        written_earlier(path)
    out = series / "out"
    fmt = "md" if flavor else "html"
    export_site(Series(series), out, fmt=fmt, flavor=flavor)
    files = [path for path in out.rglob("*") if path.is_file() and path.name != MANIFEST]
    (copy,) = (path for path in files if path.name == "invite.png")
    times = {path: path.stat().st_mtime_ns for path in files}
    later = 1_900_000_000_000_000_000
    os.utime(photo, ns=(later, later))
    rendered = rendered_posts(monkeypatch)

    assert export_site(Series(series), out, fmt=fmt, flavor=flavor).unchanged
    assert rendered == []
    assert {path: path.stat().st_mtime_ns for path in files} == times  # none written
    hashed = hashed_files(monkeypatch)
    assert export_site(Series(series), out, fmt=fmt, flavor=flavor).unchanged
    assert hashed == []  # the photo's new time was recorded

    photo.write_bytes(b"\x89PNG\r\n\x1a\nother")  # the same size
    os.utime(photo, ns=(later + 1, later + 1))
    export_site(Series(series), out, fmt=fmt, flavor=flavor)

    assert rendered == ["invite"]
    assert copy.read_bytes() == photo.read_bytes()


def test_a_wordpress_file_whose_sources_were_written_again_the_same_stays(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`git checkout` (every file of the series written again, the same) made the whole
    WordPress file of `export --all --format wxr` again, a long while for a large
    series, to find it the same. Now the interviews' and the photos' bytes are compared
    with those it was made from: it stays as it is, and the next export is the quick
    one again. An interview edited, or a photo, makes it again."""
    from jeudis.export import sitebuild

    copy_example(series)
    out = series / "wxr"
    export_site(Series(series), out, fmt="wxr")
    wxr = out / "wordpress.xml"
    made = wxr.stat().st_mtime_ns
    later = 1_900_000_000_000_000_000
    for path in [*series.glob("interviews/*.toml"), *series.glob("images/*")]:
        os.utime(path, ns=(later, later))
    built: list[int] = []
    export_wxr = sitebuild.export_wxr
    monkeypatch.setattr(sitebuild, "export_wxr", lambda *args: built.append(1) or export_wxr(*args))

    assert export_site(Series(series), out, fmt="wxr").unchanged
    assert built == [] and wxr.stat().st_mtime_ns == made
    hashed = hashed_files(monkeypatch)
    assert export_site(Series(series), out, fmt="wxr").unchanged
    assert hashed == []  # the files' new times were recorded

    photo = series / "images" / "mathieu-durand.svg"
    photo.write_bytes(photo.read_bytes().replace(b"<svg", b"<svg ", 1)[:-1])  # the same size
    os.utime(photo, ns=(later + 1, later + 1))
    assert not export_site(Series(series), out, fmt="wxr").unchanged
    assert built == [1]

    claire = series / "interviews" / "claire-fontaine.toml"
    text = claire.read_text(encoding="utf-8")
    claire.write_text(text.replace("Deux ans déjà", "Deux années déjà"), encoding="utf-8")
    assert not export_site(Series(series), out, fmt="wxr").unchanged
    assert built == [1, 1]
    assert "Deux années déjà" in wxr.read_text(encoding="utf-8")


def test_an_export_stopped_half_way_renders_only_what_it_had_left(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C at the 1,341st post of 4,759 said "the next export finishes it", and the
    next one rendered all 4,759 again: what was written is now recorded as such."""
    from jeudis.export import sitebuild

    copy_example(series)
    out = series / "site"
    rendered: list[str] = []
    do = sitebuild._Job.do
    stopping = [True]

    def spied(job: Any, entry: Any) -> Any:
        if len(rendered) == 2 and stopping and stopping.pop():
            raise KeyboardInterrupt  # the first export, at its third post
        rendered.append(entry.slug)
        return do(job, entry)

    monkeypatch.setattr(sitebuild._Job, "do", spied)
    with pytest.raises(KeyboardInterrupt):
        export_site(Series(series), out)
    first = list(rendered)

    result = export_site(Series(series), out)

    left = {"amelie-roux", "claire-fontaine", "elise-garnier", "mathieu-durand"} - set(first)
    again = rendered[2:]
    # All but a post written whose neighbour was not: its links are checked against it.
    assert len(first) == 2 and set(again) >= left and len(again) < 4
    assert (out / "index.html").is_file() and not result.unchanged
    assert export_site(Series(series), out).unchanged


def test_an_export_stopped_after_its_last_post_makes_the_indexes_next_time(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped once every post was rendered, before the indexes (Ctrl-C as the workers
    wind up): the next export found nothing to do and said "up to date", the index and
    the feed naming the blog as it was, with bundled questionnaires alone."""
    from jeudis.export import workers

    (series / "questionnaires" / "twitter.toml").unlink()  # the bundled one runs
    for name in ("amelie-roux", "mathieu-durand"):
        make_interview(series, name, guest=name.replace("-", " ").title())
    out = series / "site"
    export_site(Series(series), out)
    settings = series / "jeudis.toml"
    settings.write_text('blog = "Nouveau Carnet"\n', encoding="utf-8")
    posts = workers.Team.posts

    def stopped_once_done(team: workers.Team) -> Any:
        yield from posts(team)
        raise KeyboardInterrupt  # as the workers wind up

    monkeypatch.setattr(workers.Team, "posts", stopped_once_done)
    with pytest.raises(KeyboardInterrupt):
        export_site(Series(series), out)
    monkeypatch.setattr(workers.Team, "posts", posts)

    result = export_site(Series(series), out)

    assert not result.unchanged
    assert "Nouveau Carnet" in (out / "index.html").read_text(encoding="utf-8")
    assert "Nouveau Carnet" in (out / "feed.xml").read_text(encoding="utf-8")


def test_a_series_name_is_typeset_as_the_titles_beside_it(series: Path, invoke: Invoke) -> None:
    """A series named "L'atelier" showed its straight quote on its pages, in the indexes'
    list of questionnaires and as the WordPress category, beside titles reading
    "L’atelier…". Its category's address is the generators' and WordPress's, made of
    it as typed (a slug, a front matter's categories): they stay so."""
    (series / "jeudis.toml").write_text('language = "fr"\ntypography = "fr"\n', "utf-8")
    for slug, qid, name in (("ana", "atelier", "L'atelier..."), ("bob", "livre", "Livres")):
        path = make_interview(series, slug, guest=slug.title(), questionnaire=qid)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('series = "Interviews"', f'series = "{name}"'), "utf-8")
    site = series.parent / "site"

    assert invoke("export", "--all", "-o", site).exit_code == 0
    assert invoke("export", "--all", "-f", "wxr", "-o", series.parent / "wp").exit_code == 0
    assert (
        invoke("export", "--all", "--flavor", "hugo", "-o", series.parent / "hugo").exit_code == 0
    )

    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="index-atelier.html" dir="auto">L’atelier…</a> (1)' in index
    own = (site / "index-atelier.html").read_text(encoding="utf-8")
    assert "<title>L’atelier…</title>" in own and '<h1 dir="auto">L’atelier…</h1>' in own
    page = (site / "ana.html").read_text(encoding="utf-8")
    assert '<p class="series"><a href="index-atelier.html">L’atelier…</a></p>' in page
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert '<category term="L&#39;atelier..." label="L’atelier…"/>' in feed
    assert '<category term="Livres"/>' in feed
    wxr = (series.parent / "wp" / "wordpress.xml").read_text(encoding="utf-8")
    assert '<category domain="category" nicename="latelier"><![CDATA[L’atelier…]]>' in wxr
    post = series.parent / "hugo" / "content" / "posts" / "ana.md"
    assert 'categories = ["L\'atelier..."]' in post.read_text(encoding="utf-8")
