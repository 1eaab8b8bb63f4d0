"""Real tools read what jeudis writes: static site generators build it, Chromium shows it.

Hugo, Jekyll (and its default theme, minima), Pelican and Chromium come from Debian
(``.ci/run`` installs them), Material for MkDocs from the dev dependencies. Elsewhere
these tests skip with a reason; under CI (``CI`` set) a missing tool is a failure.
Zola, which Debian does not package, runs from npm's build of it as a Node.js addon
(tests/zola_runner.py). The hostile answers are built too (tests/test_export_hostile.py).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

import pytest

from export_helpers import (
    REPO,
    build,
    built_page,
    chromium,
    copy_example,
    export_and_build,
    make_interview,
    need_binary,
    need_generator,
    need_jekyll_theme,
    run_tool,
    served_file,
    shown_photo,
)
from support import Invoke

# What each generator must show of the example series: the page's title (with its
# French typography, as the site's own pages) and date.
EXPECTED_POSTS = {
    "mathieu-durand": ("Interview Twitter de Mathieu Durand [Les Jeudis Twitter]", "2011-04-07"),
    "amelie-roux": ("Interview Twitter d’Amélie Roux [Les Jeudis Twitter]", "2011-03-24"),
    "elise-garnier": ("Un livre, un auteur\u00a0: Élise Garnier", "2011-05-12"),
}


def built_example(series: Path, invoke: Invoke, tmp_path: Path, flavor: str) -> Path:
    """The example series exported with ``--flavor``, then built by its generator."""
    copy_example(series)
    return export_and_build(invoke, tmp_path, flavor)


PHOTO = REPO / "images" / "mathieu-durand.svg"


# A web address the guest typed bare (Élise Garnier's closing words): a link on every
# generator, not only those that link bare addresses themselves (Hugo).
BARE_ADDRESS = 'href="https://www.example.com/vendre-sans-vitrine"'


def built_title_and_date(page: Path) -> tuple[str, str]:
    text = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
    date = re.search(r'<time datetime="([^"]*)"', text)
    assert title and date, page
    return html.unescape(title.group(1)).strip(), date.group(1)


def assert_shows_the_example(out: Path, flavor: str) -> None:
    """The built site shows the example series' posts: title, date, rendered Markdown,
    a bare address linked, the portrait."""
    assert BARE_ADDRESS in built_page(out, flavor, "elise-garnier").read_text(encoding="utf-8")
    assert shown_photo(out, flavor, "mathieu-durand").read_bytes() == PHOTO.read_bytes()
    for slug, expected in EXPECTED_POSTS.items():
        page_file = built_page(out, flavor, slug)
        assert built_title_and_date(page_file) == expected
        assert "<strong>" in page_file.read_text(encoding="utf-8")  # the Markdown was rendered


@pytest.mark.generators
def test_hugo_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    out = built_example(series, invoke, tmp_path, "hugo")
    assert_shows_the_example(out, "hugo")
    summary = built_page(out, "hugo", "mathieu-durand").read_text(encoding="utf-8")
    assert "\u202f?" in summary  # French typography made it through Hugo


@pytest.mark.generators
def test_jekyll_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    out = built_example(series, invoke, tmp_path, "jekyll")
    assert_shows_the_example(out, "jekyll")
    excerpts = (out / "excerpts.html").read_text(encoding="utf-8")
    assert excerpts.count("<div>") == 4
    assert "1. Depuis combien de temps" not in excerpts  # the intro only, not the questions
    assert "mathieu-durand.svg" not in excerpts  # nor the portrait (the front matter's image)


# A Jekyll site as its own starter makes it: the default theme, each post's excerpt listed.
MINIMA_CONFIG = "title: Test\nlang: fr\ntheme: minima\nshow_excerpts: true\n"


@pytest.mark.generators
def test_jekylls_default_theme_lists_the_posts_and_feeds_their_description_as_set(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """minima, Jekyll's default theme: its home lists each post's intro, its page shows the
    photo and the host, and its feed (jekyll-feed) summarizes each post with the front
    matter's description, which read as typed ("Pourquoi lui ?" with a breaking space,
    "d'Ormesson") beside the post's "lui\u202f?" and "d’Ormesson", where jeudis's own feed
    and index set it; themes show it too (PaperMod under a Hugo post's title)."""
    jekyll = need_jekyll_theme("minima")
    copy_example(series)
    intro = "Pourquoi lui ? Parce que Jean d'Ormesson le lit."
    make_interview(series, "gilles", guest="Gilles Klein", fields={"intro": intro})
    site = tmp_path / "jekyll"
    assert invoke("export", "--all", "-f", "md", "--flavor", "jekyll", "-o", site).exit_code == 0
    (site / "_config.yml").write_text(MINIMA_CONFIG, encoding="utf-8")
    (site / "index.md").write_text("---\nlayout: home\n---\n", encoding="utf-8")
    out = tmp_path / "public"

    done = run_tool([jekyll, "build", "--quiet", "-s", str(site), "-d", str(out)], cwd=site)

    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.count('class="post-link"') == 5
    assert "accueillir <strong>Mathieu Durand</strong>" in home  # the intro, rendered...
    assert "1. Depuis combien" not in home and "more--" not in home  # ...cut at the divider
    post = built_page(out, "jekyll", "mathieu-durand").read_text(encoding="utf-8")
    assert '<span class="p-author h-card" itemprop="name">Alexis</span>' in post
    # Its share's locale, as jeudis's own pages say it (jekyll-seo-tag: "fr", from lang).
    assert '<meta property="og:locale" content="fr_FR" />' in post
    assert shown_photo(out, "jekyll", "mathieu-durand").read_bytes() == PHOTO.read_bytes()
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    summaries = re.findall(r"<summary[^>]*><!\[CDATA\[(.*?)\]\]>", feed, re.DOTALL)
    assert "Pourquoi lui\u202f? Parce que Jean d’Ormesson le lit." in summaries


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll"])
def test_hugo_and_jekyll_hold_a_post_dated_after_today(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """jeudis gives them the posts to come (they wait for their day themselves)."""
    copy_example(series)
    make_interview(series, "a-venir", guest="Paul Avenir", date=dt.date.today() + dt.timedelta(3))
    out = export_and_build(invoke, tmp_path, flavor)
    posts = list((tmp_path / flavor).rglob("*a-venir.md"))
    assert len(posts) == 1, posts  # written...
    assert built_page(out, flavor, "amelie-roux").is_file()
    built = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".xml")]
    assert built and not [p for p in built if "Avenir" in p.read_text(encoding="utf-8")]
    assert not list(out.rglob("*a-venir*")), "...and held by the generator until its day"


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola", "pelican", "mkdocs"])
def test_a_draft_exported_with_its_series_is_held_by_the_generator(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """``--include-drafts`` gives a draft to the generator marked as one, which
    publishes no page of it, nor lists it (Pelican builds it apart, in drafts/)."""
    need_generator(flavor)
    copy_example(series)
    make_interview(series, "brouillon", guest="Paul Brouillon", status="draft")
    site, out = tmp_path / flavor, tmp_path / "public"
    export = ("export", "--all", "-f", "md", "--flavor", flavor, "--include-drafts")
    assert invoke(*export, "-o", site).exit_code == 0
    assert len(list(site.rglob("*brouillon.md"))) == 1  # written...
    done = build(site, out, flavor)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    assert built_page(out, flavor, "amelie-roux").is_file()
    published = [
        p
        for p in out.rglob("*")
        if p.suffix in (".html", ".xml") and "drafts" not in p.relative_to(out).parts
    ]
    assert published and not [p for p in published if "Brouillon" in p.read_text("utf-8")]


@pytest.mark.generators
@pytest.mark.parametrize(
    ("flavor", "photo"),
    [
        ("hugo", "images/Paul #2 (été).jpg"),
        ("jekyll", "images/Paul #2 (été).jpg"),
        ("mkdocs", "images/Paul #2 (été).jpg"),
        # Pelican writes a {static} file's address unquoted: a "#" ends it (the export
        # warns); a space, brackets and an accent show.
        ("pelican", "images/Paul (été).jpg"),
        ("zola", "images/Paul #2 (été).jpg"),
    ],
    ids=["hugo", "jekyll", "mkdocs", "pelican", "zola"],
)
def test_a_photo_named_with_a_space_a_hash_or_an_accent_shows_on_the_built_post(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str, photo: str
) -> None:
    """images/Paul #2 (été).jpg: the built page's photo led to images/Paul, the rest of
    its name taken for an anchor; so did Hugo's og:image, made from the front matter."""
    copy_example(series)
    portrait = b"\xff\xd8\xff\xe0 Paul's portrait"
    (series / photo).write_bytes(portrait)
    make_interview(series, "paul", guest="Paul", fields={"photo": photo})

    out = export_and_build(invoke, tmp_path, flavor)

    assert shown_photo(out, flavor, "paul").read_bytes() == portrait
    if flavor == "hugo":
        page = built_page(out, flavor, "paul")
        shared = re.search(r'property="og:image" content="([^"]+)"', page.read_text("utf-8"))
        assert shared and shared.group(1).startswith("https://example.org/images/")
        assert served_file(out, page, html.unescape(shared.group(1))).read_bytes() == portrait


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola"])
def test_a_photo_shows_on_a_site_served_under_a_path(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """A blog at https://example.org/blog/: the photo, linked from the site's root as
    /images/paul.jpg, was a 404 on the page, in Hugo's og:image and in the feeds; it is
    under base_url's path, and the front matter as each generator's themes read it."""
    need_generator(flavor)
    copy_example(series)
    (series / "jeudis.toml").write_text('base_url = "https://example.org/blog/"\n', "utf-8")
    portrait = b"\xff\xd8\xff\xe0 Paul's portrait"
    (series / "images" / "paul.jpg").write_bytes(portrait)
    make_interview(series, "paul", guest="Paul", fields={"photo": "images/paul.jpg"})
    site, out = tmp_path / flavor, tmp_path / "public"
    assert invoke("export", "--all", "--flavor", flavor, "-o", site).exit_code == 0
    done = build(site, out, flavor, under="blog")
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])

    page = built_page(out, flavor, "paul")
    shown = re.search(r'<img[^>]*\bsrc="([^"]+)"', page.read_text(encoding="utf-8"))
    assert shown and shown.group(1) == "/blog/images/paul.jpg"
    assert (out / "images" / "paul.jpg").read_bytes() == portrait  # served at /blog/images/
    front = next(site.rglob("*paul.md")).read_text(encoding="utf-8")
    if flavor == "hugo":  # its opengraph template's absURL keeps an address from the root
        shared = re.search(r'property="og:image" content="([^"]+)"', page.read_text("utf-8"))
        assert shared and shared.group(1) == "https://example.org/blog/images/paul.jpg"
        assert 'images = ["/blog/images/paul.jpg"]' in front
    else:  # jekyll-seo-tag's absolute_url and Zola's get_url add the site's path
        assert 'image: "/images/paul.jpg"' in front or 'image = "/images/paul.jpg"' in front


@pytest.mark.generators
def test_zola_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    """Zola builds every post with its title and date, its taxonomies' pages, and its
    feed naming the host as each post's author (it read "Unknown" from ``[extra]``)."""
    out = built_example(series, invoke, tmp_path, "zola")
    assert_shows_the_example(out, "zola")
    listed = (out / "categories" / "les-jeudis-twitter" / "index.html").read_text(encoding="utf-8")
    assert listed.count("<a href=") == 3  # the series' category: its three interviews
    feed = (out / "atom.xml").read_text(encoding="utf-8")
    authors = re.findall(r"<author>\s*<name>\s*(.*?)\s*</name>", feed)
    assert authors == ["Alexis"] * 4
    # Published when the site's own feed says, newest first (Zola had them at midnight).
    published = re.findall(r"<published>(.*?)</published>", feed)
    days = ["2011-05-12", "2011-04-07", "2011-03-31", "2011-03-24"]
    assert published == [f"{day}T08:00:00+00:00" for day in days]


@pytest.mark.generators
def test_pelican_builds_the_exported_series(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    out = built_example(series, invoke, tmp_path, "pelican")
    assert BARE_ADDRESS in built_page(out, "pelican", "elise-garnier").read_text(encoding="utf-8")
    assert shown_photo(out, "pelican", "mathieu-durand").read_bytes() == PHOTO.read_bytes()
    for slug, (title, date) in EXPECTED_POSTS.items():
        text = html.unescape(built_page(out, "pelican", slug).read_text(encoding="utf-8"))
        # The theme writes <title> through striptags, which folds every space.
        assert f"<title>Test - {' '.join(title.split())}</title>" in text
        assert f">{title}</a></h2>" in text  # the article's heading keeps them
        text = built_page(out, "pelican", slug).read_text(encoding="utf-8")
        assert f'datetime="{date}T08:00:00+00:00"' in text
        assert "<strong>" in text
    category = (out / "category" / "les-jeudis-twitter.html").read_text(encoding="utf-8")
    assert category.count("<article") == 3  # the series is the category: three Jeudis


@pytest.mark.generators
def test_pelicans_list_pages_show_the_intro_as_the_others_do(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """Pelican's index showed the plain 160-character description under each title, where
    Hugo, Jekyll and MkDocs show the intro (the text before the excerpt divider), its bold
    and its links. Its code keeps its lines; a post with no intro shows its description."""
    intro = (
        "Voici **Gilles Klein** et son [blog](https://gilles.example/a_b).\n"
        'Il dit "bonjour" : *salut*.\n\n'
        "Deuxième paragraphe, et du code :\n\n```\nun *deux*\n  trois <b>\n```"
    )
    make_interview(series, "gilles", guest="Gilles Klein", fields={"intro": intro})
    make_interview(series, "sans-intro", guest="Anne Sans", date=dt.date(2011, 6, 1))
    out = export_and_build(invoke, tmp_path, "pelican")
    index = (out / "index.html").read_text(encoding="utf-8")
    start = index.index("Voici")
    summary = index[start : index.index("</div>", start)]
    assert "<strong>Gilles Klein</strong>" in summary
    assert '<a href="https://gilles.example/a_b">blog</a>' in summary
    # Python-Markdown's smarty set English quotes in a French post; jeudis sets « ».
    assert "Il dit «\u00a0bonjour\u00a0»\u00a0: <em>salut</em>." in summary
    assert "</p>\n<p>Deuxième paragraphe, et du code\u00a0:</p>\n<pre>" in summary
    assert "<code>un *deux*&#10;  trois &lt;b&gt;&#10;</code>" in summary  # as written
    assert "1. " not in summary  # the intro, not the questions
    assert "L’envie de partager. Et toi\u202f?" in index  # no intro: the description


@pytest.mark.generators
def test_material_for_mkdocs_builds_the_exported_series(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    out = built_example(series, invoke, tmp_path, "mkdocs")
    assert BARE_ADDRESS in built_page(out, "mkdocs", "elise-garnier").read_text(encoding="utf-8")
    assert shown_photo(out, "mkdocs", "mathieu-durand").read_bytes() == PHOTO.read_bytes()
    for slug, (title, date) in EXPECTED_POSTS.items():
        text = built_page(out, "mkdocs", slug).read_text(encoding="utf-8")
        assert f"<title>{title} - Test</title>" in html.unescape(text)
        assert f'<time datetime="{date} 00:00:00+00:00"' in text
    listing = (out / "blog" / "index.html").read_text(encoding="utf-8")
    assert listing.count("Continuer à lire") == 4  # each post listed as an excerpt...
    assert "1. Depuis combien de temps" not in listing  # ...cut at <!-- more -->
    assert "mathieu-durand.svg" not in listing  # after the intro, before the portrait


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola", "pelican", "mkdocs"])
def test_a_roundup_beside_the_exported_posts_links_each_interview(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """``compare --flavor`` writes a roundup the generator builds as a post of the site
    ``export --all --flavor`` made: its title and date (Hugo showed none, and
    0001-01-01), each guest's name as typed ("---", which Hugo's and Jekyll's
    typographers made "—"), and a link to each guest's interview page (it linked
    SLUG.html, which none of these sites has)."""
    from jeudis.export.frontmatter import flavor as flavor_for

    need_generator(flavor)
    copy_example(series)
    path = series / "interviews" / "amelie-roux.toml"
    text = path.read_text(encoding="utf-8").replace('guest = "Amélie Roux"', 'guest = "---"')
    path.write_text(text, encoding="utf-8")
    site = tmp_path / flavor
    assert invoke("export", "--all", "-f", "md", "--flavor", flavor, "-o", site).exit_code == 0
    posts = site / flavor_for(flavor).folder
    command = ("compare", "twitter", "-q", "followers", "--flavor", flavor, "--date", "2011-06-01")
    assert invoke(*command, "-o", f"{posts}/").exit_code == 0

    out = tmp_path / "public"
    done = build(site, out, flavor)

    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    page = built_page(out, flavor, "twitter-followers")
    shown = page.read_text(encoding="utf-8")
    if flavor in ("hugo", "jekyll", "zola"):
        heading = "Combien avez-vous de followers\u202f? – 3 invités répondent"
        assert built_title_and_date(page) == (heading, "2011-06-01")
    links = re.findall(r'<h2[^>]*><a href="([^"]+)">([^<]+)</a>', shown)
    assert [html.unescape(guest) for _, guest in links] == ["---", *GUESTS[1:]]
    for (href, _), slug in zip(links, SLUGS, strict=True):
        target = served_file(out, page, html.unescape(href))
        target = target / "index.html" if target.is_dir() else target
        assert target == built_page(out, flavor, slug).resolve(), href
    assert "<table>" in shown and "█" in shown  # its chart, a table of the Markdown
    # Listed among the posts by its chart (Material listed it whole; Jekyll, its first block).
    listed = {"jekyll": out / "excerpts.html", "mkdocs": out / "blog" / "index.html"}
    if flavor in listed:
        listing = listed[flavor].read_text(encoding="utf-8")
        assert "█" in listing and "quelques robots" not in listing


GUESTS = ["Amélie Roux", "Claire Fontaine", "Mathieu Durand"]
SLUGS = ["amelie-roux", "claire-fontaine", "mathieu-durand"]


# A guest's links to relative addresses, which name no file of the host's site; the
# same in code, which stays as written.
RELATIVE_LINKS = (
    "Voir [mon article](page.html), ![mon portrait](portrait.png), [le sommaire](../x.md), "
    "[l’accueil](../../index.md), [ma note][n] et [ailleurs](https://ex.example/a.html).\n\n"
    "- une liste : [la suite](suite.html)\n\n"
    "Du code : `[a](page.html)`\n\n```\n[b](page.html)\n```\n\n[n]: notes.html\n\n"
    # A span holding a backtick: text for every parser, each backtick escaped.
    "Du code : ``x ` [une page](une-page.md)`` fin\n\n"
    # Text to CommonMark, a link to Python-Markdown; and a span it reads otherwise.
    "Pas un lien : [ma page](ma page.html), [là]( x y\nz {filename}/g1.md)\n\n"
    "Et : ```a`` [un mot](un-mot.md) `` fin"
)


@pytest.mark.generators
def test_mkdocs_strict_builds_a_post_whose_guest_linked_relative_addresses(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """MkDocs takes every relative link for one to its own docs: ``page.html``, not
    found, aborted ``mkdocs build --strict``, and ``../../index.md`` became a link to
    the host's home page. A guest's are written as HTML, which MkDocs leaves as they
    are: the page links them as written, as the other generators' do. What CommonMark
    reads as text, Python-Markdown read as links (to "ma page.html"): text."""
    make_interview(series, "liens", answers=[("liens", "Des liens ?", RELATIVE_LINKS)])
    out = export_and_build(invoke, tmp_path, "mkdocs")  # --strict
    page = built_page(out, "mkdocs", "liens").read_text(encoding="utf-8")
    for link in (
        '<a href="page.html">mon article</a>',
        '<img src="portrait.png" alt="mon portrait" />',
        '<a href="../x.md">le sommaire</a>',
        '<a href="../../index.md">l’accueil</a>',
        '<a href="notes.html">ma note</a>',
        '<a href="suite.html">la suite</a>',
        '<a href="https://ex.example/a.html">ailleurs</a>',
        '<a href="une-page.md">une page</a>',
        '<a href="un-mot.md">un mot</a>',
    ):
        assert link in page, link
    assert "[ma page](ma page.html), [là]( x y\nz {filename}/g1.md)" in html.unescape(page)
    assert "<code>[a](page.html)</code>" in page
    assert "[b](page.html)" in html.unescape(page)  # the code block, as written
    assert "[n]: notes.html" not in page
    hugo = invoke("export", "liens", "-f", "md", "--flavor", "hugo").stdout
    assert "[mon article](page.html)" in hugo and "[n]: notes.html" in hugo  # MkDocs's only


@pytest.mark.generators
def test_material_for_mkdocs_keeps_no_break_spaces_in_its_table_of_contents(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """Python-Markdown names a table-of-contents entry after its heading with every
    space folded (``str.split``): the side bar's ``Twitter ?`` broke before its ``?``.
    The question's heading and one the guest wrote keep their no-break spaces there."""
    question = "Depuis quand : « Twitter » ?"
    answer = "## Et ensuite ?\n\nLa suite, et du code :\n\n```\n# un\u00a0commentaire\n```"
    make_interview(series, "gilles", guest="Gilles Klein", answers=[("depuis", question, answer)])
    out = export_and_build(invoke, tmp_path, "mkdocs")
    page = html.unescape(built_page(out, "mkdocs", "gilles").read_text(encoding="utf-8"))
    start = page.index('data-md-component="toc"')
    toc = page[start : page.index("</nav>", start)]
    for heading in ("1. Depuis quand\u00a0: «\u00a0Twitter\u00a0»\u202f?", "Et ensuite\u202f?"):
        assert heading in toc, heading
    assert "# un\u00a0commentaire" in page  # code is shown as written


CONSOLE = re.compile(r"CONSOLE\(\d+\)\]?.*|Uncaught .*|Failed to load resource.*|ERR_[A-Z_]+")


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "pelican", "mkdocs"])
def test_a_guests_apostrophe_is_set_in_the_caption_and_alt_as_in_the_title(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """The name under the photo is set as the title sets it (``d’Ormesson``): posts
    mixed the two apostrophes, and Hugo 0.111 wrote its own curly one in the photo's
    ``alt`` as ``d&amp;rsquo;Ormesson`` (gohugoio/hugo#11045)."""
    copy_example(series)
    path = series / "interviews" / "mathieu-durand.toml"
    text = path.read_text(encoding="utf-8").replace("Mathieu Durand", "Jean d'Ormesson")
    path.write_text(text, encoding="utf-8")
    assert "<figcaption>Jean d’Ormesson</figcaption>" in invoke("export", "mathieu-durand").stdout
    out = export_and_build(invoke, tmp_path, flavor)
    page = built_page(out, flavor, "mathieu-durand").read_text(encoding="utf-8")
    alt = re.search(r'<img[^>]*\balt="([^"]*)"', page)
    assert alt and html.unescape(alt.group(1)) == "Jean d’Ormesson"
    assert "Interview Twitter de Jean d’Ormesson" in html.unescape(page)
    assert "<em>Jean d’Ormesson</em>" in html.unescape(page)


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "pelican", "mkdocs"])
def test_a_name_of_markup_characters_shows_as_the_post_sets_it_on_the_built_post(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """Pelican and MkDocs showed "Zoé \\<3" (no escape to Python-Markdown); Hugo's and
    Jekyll's typographers made "---" a dash, where the others showed the hyphens: the
    dash is jeudis's, the same on every generator, and nothing else is touched."""
    typed = "Zoé <3 --- ~x~"
    name = "Zoé <3 — ~x~"  # spaced hyphens are a dash in print
    copy_example(series)
    path = series / "interviews" / "mathieu-durand.toml"
    text = path.read_text(encoding="utf-8").replace("Mathieu Durand", typed)
    path.write_text(text, encoding="utf-8")
    out = export_and_build(invoke, tmp_path, flavor)
    page = html.unescape(built_page(out, flavor, "mathieu-durand").read_text(encoding="utf-8"))
    assert f"<em>{name}</em>" in page


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
    target = (Path(keep).absolute() if keep else tmp_path) / f"{page}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    done = chromium(
        [f"--screenshot={target}", "--window-size=1200,1600", "--hide-scrollbars", url],
        tmp_path / "profile",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert target.stat().st_size > 10_000  # a rendered page, not a blank one


@pytest.mark.generators
@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "pelican"])
def test_two_answers_footnotes_of_the_same_label_each_keep_their_note(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str
) -> None:
    """Each answer is Markdown of its own: two with a ``[^1]`` were one footnote in
    the built post, the first guest's note lost."""
    make_interview(
        series,
        "notes",
        guest="Paul Notes",
        answers=[
            # A lone backtick before the note, code after it: no code span between.
            ("q1", "Un ?", "C`est oui[^1].\n\nPar `tweetdeck`.\n\n[^1]: Première note."),
            ("q2", "Deux ?", "Non[^1], et `[^1]` en code.\n\n[^1]: Seconde note."),
        ],
    )
    out = export_and_build(invoke, tmp_path, flavor)

    page = built_page(out, flavor, "notes").read_text(encoding="utf-8")
    assert "Première note." in page and "Seconde note." in page
    assert "[^1]</code>" in page  # in code, as written
