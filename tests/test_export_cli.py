"""`jeudis export` from the command line: defaults, outputs, mistakes."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from export_helpers import copy_example, make_interview
from jeudis.errors import ExitCode
from support import Invoke, fifo_read


def test_no_interview_exports_the_most_recent(series: Path, invoke: Invoke) -> None:
    make_interview(series, "ancien", guest="Ancien Invité", date=dt.date(2011, 1, 6))
    newest = make_interview(series, "recent", guest="Récent Invité", date=dt.date(2011, 1, 13))
    newest.touch()
    result = invoke("export")
    assert result.exit_code == 0, result
    assert "<h1>" in result.stdout and "Récent Invité" in result.stdout
    assert "Ancien Invité" in result.stdout  # as the "previous interview" link only
    assert 'rel="prev" href="ancien.html"' in result.stdout


@pytest.mark.parametrize(
    ("written", "link"),
    [
        ("nina.example", "https://nina.example"),  # written by hand in the file
        ("www.nina.example/blog", "https://www.nina.example/blog"),
        ("https://nina.example", "https://nina.example"),
    ],
)
def test_the_guests_site_links_to_the_site(
    series: Path, invoke: Invoke, written: str, link: str
) -> None:
    """A site named without https:// is the site, not a page beside the post."""
    make_interview(series, "nina", guest="Nina", fields={"site": written})

    result = invoke("export", "nina")

    assert result.exit_code == 0, result
    assert f'<a class="url" href="{link}" rel="noopener">{link}</a>' in result.stdout


def test_output_file(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    make_interview(series, "laurent")
    target = tmp_path / "elsewhere" / "post.md"
    target.parent.mkdir()
    result = invoke("export", "laurent", "-f", "md", "--flavor", "jekyll", "-o", target)
    assert result.exit_code == 0, result
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("---\nlayout: post\n")


def test_several_interviews_into_a_folder(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    make_interview(series, "un", guest="Un")
    make_interview(series, "deux", guest="Deux")
    result = invoke(
        "export", "un", "deux", "-f", "md", "--flavor", "jekyll", "-o", tmp_path / "posts"
    )
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (tmp_path / "posts").iterdir()) == [
        "2011-06-30-deux.md",
        "2011-06-30-un.md",
    ]
    one_file = invoke("export", "un", "deux", "-f", "wxr")
    assert one_file.stdout.count("<item>") == 2


@pytest.mark.parametrize(
    ("args", "writes"),
    [
        (["un", "deux", "-f", "md"], "several interviews make several files"),
        (["un", "deux"], "several interviews make several files"),
        (["--all"], "--all writes a folder"),
        (["--all", "--flavor", "hugo"], "--all writes a folder"),
    ],
)
@pytest.mark.parametrize("name", ["both.md", "site.HTML", "posts.xml"])
def test_a_folder_is_not_made_under_a_posts_name(
    series: Path, invoke: Invoke, tmp_path: Path, args: list[str], writes: str, name: str
) -> None:
    """``-o both.md`` with two posts, or ``--all -o site.html``, meant a file: no folder so named."""
    make_interview(series, "un", guest="Un")
    make_interview(series, "deux", guest="Deux")
    if name == "posts.xml" and "-f" not in args and "--flavor" not in args:
        args = [*args, "-f", "html"]  # else .xml asks for one WordPress file, which it is
    target = tmp_path / name
    result = invoke("export", *args, "-o", target)
    assert result.exit_code == 2, result
    stem = target.with_suffix("")
    assert result.stderr.splitlines() == [
        f"error: {writes}, and {target} is named as a file ({target.suffix})",
        f"hint: give -o a folder, such as {stem}/; or {target}/ for a folder of that name",
    ]
    assert not target.exists() and not stem.exists()
    # As the hint says: a trailing slash, or a folder there already, is a folder.
    assert invoke("export", *args, "-o", f"{target}/").exit_code == 0
    assert target.is_dir() and len(list(target.iterdir())) >= 2
    again = invoke("export", *args, "-o", target, "--overwrite")
    assert again.exit_code == 0, again


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["nobody"], 3, "no interview 'nobody'"),
        (["laurent", "--flavor", "gatsby", "-f", "md"], 2, "--flavor 'gatsby'"),
        (["laurent", "--flavor", "hugo", "-f", "html"], 2, "--flavor is for Markdown"),
        (["laurent", "-f", "pdf"], 2, "--format 'pdf'"),
        (["laurent", "-f", "md", "--fragment"], 2, "--fragment"),
        # Each hinted at the other's format: "use --format html", then "add --format md".
        (["laurent", "--flavor", "hugo", "--fragment"], 2, "--flavor and --fragment: one or"),
        (["laurent", "--flavor", "hugo", "--wordpress", "-f", "html"], 2, "and --wordpress: one"),
        (["laurent", "laurent"], 2, "several interviews"),
    ],
)
def test_mistakes_get_a_message_not_a_traceback(
    series: Path, invoke: Invoke, args: list[str], code: int, message: str
) -> None:
    make_interview(series, "laurent")
    result = invoke("export", *args)
    assert result.exit_code == code, result
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_empty_series(invoke: Invoke) -> None:
    result = invoke("export")
    assert result.exit_code == 3
    assert "jeudis new" in result.stderr


def test_typography_setting_off(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    (series / "jeudis.toml").write_text('typography = "off"\n', encoding="utf-8")
    assert "\u202f" not in invoke("export", "laurent", "-f", "md").stdout
    (series / "jeudis.toml").write_text('typography = "fr"\n', encoding="utf-8")
    assert "motivé\u202f?" in invoke("export", "laurent", "-f", "md").stdout


def test_series_templates_override_the_bundled_ones(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    (series / "templates").mkdir()
    (series / "templates" / "post.html").write_text(
        "<p>{{ post.guest }} — {{ post.date_text }} — {{ '<b>' }}</p>\n", encoding="utf-8"
    )
    result = invoke("export", "laurent")
    assert result.stdout == "<p>Laurent Flores — 30 juin 2011 — &lt;b&gt;</p>\n"  # autoescaped


def test_a_series_template_put_aside_in_a_subfolder_is_no_longer_used_by_the_site(
    series: Path, invoke: Invoke
) -> None:
    """``mv templates/post.html templates/old/`` keeps its size and time: its stamp, by
    name, was the same, and the site stayed "up to date" with the pages it made."""
    from jeudis.export import templating

    make_interview(series, "laurent")
    (series / "templates").mkdir()
    override = series / "templates" / "post.html"
    override.write_text("<p>OVERRIDE {{ post.guest }}</p>\n", encoding="utf-8")
    assert invoke("export", "--all").exit_code == 0
    page = series / "site" / "laurent.html"
    assert "OVERRIDE" in page.read_text("utf-8")

    (series / "templates" / "old").mkdir()
    override.rename(series / "templates" / "old" / "post.html")
    templating._environment.cache_clear()  # as a new jeudis process would start
    result = invoke("export", "--all")

    assert "up to date" not in result.stderr, result
    assert "OVERRIDE" not in page.read_text("utf-8")


@pytest.mark.parametrize(
    ("template", "body", "message"),
    [
        ("style.css", "{{ 1 / 0 }}\n", "style.css:1: template error: ZeroDivisionError"),
        ("article.html", "x\n{{ 'x' | speaker }}\n", "article.html:2: template error: TypeError"),
        ("style.css", '{% include "style.css" %}\n', "style.css:1: template error: RecursionError"),
        ("style.css", '{% include "nope.css" %}\n', "style.css:1: template error: no template"),
        ("article.html", "{% if %}\n", "article.html:1: template error: Expected an expression"),
        ("article.html", "x\n{{ nope }}\n", "article.html:2: template error: 'nope' is undefined"),
        (
            "post.html",
            "{{ post.hots }}\n",
            "post.html:1: template error: post has no attribute 'hots'",
        ),
        (
            "article.html",
            "{% for item in post.items %}{{ item.answer }}{% endfor %}\n",
            "article.html:1: template error: item has no attribute 'answer'",
        ),
    ],
)
def test_a_mistake_in_a_series_template_is_a_message_with_its_line(
    series: Path, invoke: Invoke, template: str, body: str, message: str
) -> None:
    for n in range(70):  # enough for --all to compile the templates before its workers fork
        make_interview(series, f"invite-{n:02d}", guest=f"Invité {n}")
    (series / "templates").mkdir()
    (series / "templates" / template).write_text(body, encoding="utf-8")

    for command in (["invite-01"], ["--all"]):
        result = invoke("export", *command)
        assert result.exit_code == 4, result
        assert message in result.stderr
        assert "Traceback" not in result.output


def test_a_series_template_that_is_not_utf8_is_named(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    (series / "templates").mkdir()
    (series / "templates" / "style.css").write_bytes(b"\xff\xfe body {}")
    result = invoke("export", "laurent")
    assert result.exit_code == 4, result
    assert f"{series / 'templates' / 'style.css'}: not UTF-8 text" in result.stderr


def test_an_interview_whose_name_is_not_utf8_is_named(series: Path, invoke: Invoke) -> None:
    """Copied from a Latin-1 system: its name would be the page's, which no file can take."""
    import os

    make_interview(series, "laurent")
    make_interview(series, "marie", guest="Marie Curie", date=dt.date(2011, 7, 7))
    latin1 = series / "interviews" / os.fsdecode(b"caf\xe9.toml")
    (series / "interviews" / "laurent.toml").rename(latin1)

    for command in (["--all"], ["--all", "-f", "md"], ["--all", "-f", "wxr"]):
        result = invoke("export", *command)
        assert result.exit_code == 4, (command, result)
        assert result.stderr.splitlines()[0].endswith(".toml: its name is not UTF-8"), command
    alone = invoke("export", "marie")  # its neighbours are looked for among the others
    assert alone.exit_code == 0, alone
    assert "caf" not in alone.stdout
    listed = invoke("list")
    assert re.search(r"caf\\udce9 .* broken", listed.stdout)
    assert "caf\\udce9: caf\\udce9.toml: its name is not UTF-8\n" in listed.stdout  # below
    header, *rows = listed.stdout.splitlines()
    row = next(r for r in rows if r.startswith("caf") and " ?" in r)
    assert row.index(" ?") + 1 == header.index("Guest")  # measured as it is shown
    checked = invoke("check")
    assert checked.exit_code == 5, checked
    assert ".toml: error: its name is not UTF-8" in checked.stdout


def test_timestamps_written_by_hand_read_as_dates_and_utc(series: Path, invoke: Invoke) -> None:
    """A date written with a time, a timestamp without its offset: read, not a traceback."""
    for n in range(70):
        make_interview(series, f"invite-{n:02d}", guest=f"Invité {n}")
    path = series / "interviews" / "invite-05.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("date = 2011-06-30", "date = 2011-07-14T08:00:00+02:00")
    text = re.sub(r"created = (\S+) (\S+)\+00:00", r"created = \1 \2", text)
    path.write_text(text + "", encoding="utf-8")

    for command in (["invite-05"], ["--all", "-f", "wxr", "-o", "wp"], ["--all"]):
        result = invoke("export", *command)
        assert result.exit_code == 0, (command, result)
    index = (series / "site" / "index.html").read_text(encoding="utf-8")
    assert index.index("Invité 5<") < index.index("Invité 4<")  # the newest, 14 July


def test_compiled_templates_are_cached_and_follow_their_source(
    series: Path, invoke: Invoke
) -> None:
    from jeudis.export import templating

    make_interview(series, "laurent")
    template = series / "templates" / "post.html"
    template.parent.mkdir()
    for version in ("v1", "v2 (edited)"):
        template.write_text(f"<p>{version}: {{{{ post.guest }}}}</p>\n", encoding="utf-8")
        templating._environment.cache_clear()  # as a new jeudis process would start
        assert invoke("export", "laurent").stdout == f"<p>{version}: Laurent Flores</p>\n"
    [cache] = (series / ".jeudis-cache").glob("templates-*")
    assert any(cache.iterdir())


def plant_compiled(series: Path, name: str, source: str) -> None:
    """Code compiled from ``source`` in the series' template cache as ``name``'s, with the
    checksum of ``name``'s own source, as anyone can compute it."""
    from jinja2.bccache import Bucket

    from jeudis.export import templating

    templating._environment.cache_clear()
    env = templating.environment(series)
    cache = env.bytecode_cache
    assert cache is not None and env.loader is not None
    own, filename, _ = env.loader.get_source(env, name)
    bucket = Bucket(env, cache.get_cache_key(name, filename), cache.get_source_checksum(own))
    bucket.code = env.compile(source, name, filename)
    cache.dump_bytecode(bucket)


def test_compiled_templates_from_another_machine_are_not_run(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """A series received with a .jeudis-cache of someone else's ran their code at its first
    export, with no template of its own: Jinja checks cached code against a checksum of
    the source, which anyone computes for a bundled template."""
    from jeudis.export import templating

    make_interview(series, "laurent")
    plant_compiled(series, "post.html", "<p>THEIRS</p>")  # as if compiled here
    received = Path(shutil.copytree(series, tmp_path / "received"))  # a git clone, a zip
    templating._environment.cache_clear()
    assert invoke("export", "laurent").stdout == "<p>THEIRS</p>"  # as made here, it runs

    templating._environment.cache_clear()
    result = invoke("export", "laurent", "--dir", received)

    assert result.exit_code == 0, result
    assert "THEIRS" not in result.stdout and "Laurent Flores" in result.stdout
    templating._environment.cache_clear()  # compiled again there, and noted: its own now
    assert invoke("export", "laurent", "--dir", received).stdout == result.stdout


def test_a_cache_folder_that_cannot_be_made_costs_only_time(series: Path, invoke: Invoke) -> None:
    from jeudis.export import templating

    make_interview(series, "laurent")
    (series / ".jeudis-cache").write_text("not a folder", encoding="utf-8")
    templating._environment.cache_clear()
    result = invoke("export", "laurent")
    assert result.exit_code == 0, result
    assert "Laurent Flores" in result.stdout


def test_help_does_not_import_the_export_machinery() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['jeudis', '--help']\n"
        "from jeudis.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in ('jinja2', 'cmarkgfm', 'markdown_it', 'jeudis.export') if m in sys.modules]\n"
        "print('LOADED', bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in done.stdout


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["-o", "{dir}/post.md"], "---\ntitle: "),  # the suffix says Markdown
        (["-o", "{dir}/post.markdown"], "---\ntitle: "),
        (["-o", "{dir}/post.html"], "<!DOCTYPE html>"),
        (["-o", "{dir}/wordpress.xml"], '<?xml version="1.0" encoding="UTF-8"?>'),
        (["--flavor", "hugo", "-o", "{dir}/post.txt"], "+++\ntitle = "),  # a flavor is Markdown
        (["-f", "html", "-o", "{dir}/post.md"], "<!DOCTYPE html>"),  # --format wins
        (["-o", "{dir}/post.txt"], "<!DOCTYPE html>"),  # otherwise HTML
    ],
)
def test_the_format_follows_the_output_file_and_the_flavor(
    series: Path, invoke: Invoke, tmp_path: Path, args: list[str], starts: str
) -> None:
    make_interview(series, "laurent")
    argv = [a.replace("{dir}", str(tmp_path)) for a in args]
    result = invoke("export", "laurent", *argv)
    assert result.exit_code == 0, result
    assert Path(argv[-1]).read_text(encoding="utf-8").startswith(starts)


def test_a_flavor_alone_prints_markdown(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    result = invoke("export", "laurent", "--flavor", "zola")
    assert result.exit_code == 0, result
    assert result.stdout.startswith("+++\ntitle = ")


@pytest.mark.parametrize(
    ("flavor", "link", "place"),
    [
        ("hugo", "/images/g.png", "static/images/g.png in your Hugo site"),
        ("pelican", "{static}/images/g.png", "content/images/g.png in your Pelican site"),
        ("mkdocs", "../../images/g.png", "docs/images/g.png in your MkDocs site"),
    ],
)
def test_a_single_post_links_its_photo_the_generators_way_and_says_where_it_goes(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str, link: str, place: str
) -> None:
    with_photo(series)
    for output in ([], ["-o", str(tmp_path / "post.md")]):
        result = invoke("export", "invite", "--flavor", flavor, *output)
        assert result.exit_code == 0, result
        text = (tmp_path / "post.md").read_text(encoding="utf-8") if output else result.stdout
        assert f"]({link})" in text
        assert f"invite: copy the photo images/g.png to {place}\n" in result.stderr
    # Without a flavor the post stays beside the series' own folders: nothing to say.
    plain = invoke("export", "invite", "-f", "md")
    assert "](images/g.png)" in plain.stdout and "copy the photo" not in plain.stderr


def with_photo(series: Path) -> None:
    """An interview, ``invite``, whose photo is a file of the series, ``images/g.png``."""
    make_interview(series, "invite", fields={"photo": "images/g.png"})
    (series / "images").mkdir()
    (series / "images" / "g.png").write_bytes(b"png")


@pytest.mark.parametrize(
    ("flavor", "marker", "post", "photo"),
    [
        ("hugo", "hugo.toml", "content/posts/invite.md", "static/images/g.png"),
        ("jekyll", "_config.yml", "_posts/2011-06-30-invite.md", "images/g.png"),
        ("zola", "config.toml", "content/invite.md", "static/images/g.png"),
        ("pelican", "pelicanconf.py", "content/invite.md", "content/images/g.png"),
        ("mkdocs", "mkdocs.yml", "docs/blog/posts/invite.md", "docs/images/g.png"),
    ],
)
def test_a_single_post_written_into_a_generators_site_brings_its_photo(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str, marker: str, post: str, photo: str
) -> None:
    with_photo(series)
    site = tmp_path / "blog"
    (site / post).parent.mkdir(parents=True)
    (site / marker).write_text("", encoding="utf-8")

    result = invoke("export", "invite", "--flavor", flavor, "-o", str(site / post))

    assert result.exit_code == 0, result
    assert result.stderr.splitlines() == [
        f"Written: {site / post}",
        f"invite: photo copied to {site / photo}",
    ]
    assert (site / photo).read_bytes() == b"png"


@pytest.mark.parametrize(
    ("flavor", "config", "written", "named", "posts"),
    [
        ("hugo", "hugo.toml", 'baseURL = "https://nina-blog.fr/"\n', "baseURL", "content/posts"),
        ("hugo", "config.yaml", "baseurl: https://nina-blog.fr/  # old\n", "baseURL", "content"),
        (
            "jekyll",
            "_config.yml",
            'url: "https://nina-blog.fr"\nbaseurl: ""\n',
            "url + baseurl",
            "_posts",
        ),
        ("zola", "config.toml", 'base_url = "https://nina-blog.fr/"\n', "base_url", "content"),
    ],
)
def test_a_generators_site_served_under_another_path_than_base_url_is_said(
    series: Path,
    invoke: Invoke,
    tmp_path: Path,
    flavor: str,
    config: str,
    written: str,
    named: str,
    posts: str,
) -> None:
    """The blog moved to https://nina.example.org/blog/ in jeudis.toml, its site's own
    configuration still at the root: every photo the posts linked at /blog/images/ was a
    404, and nothing said. The host may differ (a staging domain): the path may not."""
    with_photo(series)
    settings = series / "jeudis.toml"
    settings.write_text('base_url = "https://nina.example.org/blog/"\n', encoding="utf-8")
    site = tmp_path / "blog"
    (site / posts).mkdir(parents=True)
    (site / config).write_text(written, encoding="utf-8")
    said = (
        f"warning: base_url in {settings} is https://nina.example.org/blog/ (under /blog/),"
        f" {named} in {site / config} is https://nina-blog.fr/ (under /): the posts link"
        " each photo at /blog/images/…, where the site has none (a broken image);"
        " make the two paths agree"
    )

    whole = invoke("export", "--all", "--flavor", flavor, "-o", site)
    again = invoke("export", "--all", "--flavor", flavor, "-o", site)  # up to date
    alone = invoke("export", "invite", "--flavor", flavor, "-o", site / posts / "alone.md")
    settings.write_text('base_url = "https://staging.example.org"\n', encoding="utf-8")
    staging = invoke("export", "--all", "--flavor", flavor, "-o", site)

    for result in (whole, again, alone, staging):
        assert result.exit_code == 0, result
    assert said in whole.stderr.splitlines()
    assert said in again.stderr.splitlines()
    assert said in alone.stderr.splitlines()
    assert "warning" not in staging.stderr


def test_a_site_with_its_path_and_a_series_with_no_base_url_are_said_apart(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """No base_url links the photos from the root, where a Jekyll site under /blog/
    has none; a configuration that does not read says nothing."""
    with_photo(series)
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text('baseurl: "/blog" # GitHub Pages\n', encoding="utf-8")
    hugo = tmp_path / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://x.fr/blog/\n', encoding="utf-8")

    jekyll = invoke("export", "invite", "--flavor", "jekyll", "-o", site / "_posts")
    unread = invoke("export", "invite", "--flavor", "hugo", "-o", hugo / "content" / "posts")

    assert jekyll.exit_code == 0 and unread.exit_code == 0, (jekyll, unread)
    assert (
        f"warning: {series / 'jeudis.toml'} has no base_url (under /), url + baseurl in"
        f" {site / '_config.yml'} is /blog (under /blog/): the posts link each photo at"
        " /images/…, where the site has none (a broken image); make the two paths agree"
    ) in jekyll.stderr.splitlines()
    assert "warning" not in unread.stderr


def test_a_photo_is_not_copied_over_another_file_nor_outside_the_sites_posts(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    with_photo(series)
    site = tmp_path / "blog"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text("", encoding="utf-8")
    theirs = site / "static" / "images" / "g.png"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"another picture")

    into = invoke("export", "invite", "--flavor", "hugo", "-o", str(site / "content" / "posts"))
    beside = invoke("export", "invite", "--flavor", "hugo", "-o", str(site / "draft.md"))

    assert f"invite: photo not copied: {theirs} is already there" in into.stderr
    assert theirs.read_bytes() == b"another picture"
    # Beside the configuration, not among the posts: maybe not a site at all; nothing copied.
    assert "invite: copy the photo images/g.png to static/images/g.png" in beside.stderr


def test_a_page_written_elsewhere_brings_its_photo(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    with_photo(series)
    page = tmp_path / "web" / "invite.html"
    page.parent.mkdir()

    result = invoke("export", "invite", "-o", str(page))

    assert result.exit_code == 0, result
    assert f"invite: photo copied to {page.parent / 'images' / 'g.png'}" in result.stderr
    assert '<img src="images/g.png"' in page.read_text(encoding="utf-8")
    assert (page.parent / "images" / "g.png").read_bytes() == b"png"
    # In the series folder itself, the photo is where the page links it already.
    beside = invoke("export", "invite", "-o", str(series / "invite.html"))
    assert "photo" not in beside.stderr
    # A fragment is pasted elsewhere: nothing to copy (and, with no base_url, no photo).
    fragment = invoke("export", "invite", "--fragment", "-o", str(page)).stderr
    assert "copied" not in fragment and "left out of the fragment" in fragment


def test_a_page_written_into_a_pipe_brings_no_photo(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """-o /dev/stdout or a FIFO is a stream: nothing lands beside it (/dev/images, say)."""
    with_photo(series)
    (tmp_path / "web").mkdir()
    fifo = tmp_path / "web" / "invite.html"
    with fifo_read(fifo) as received:
        result = invoke("export", "invite", "-o", str(fifo))

    assert result.exit_code == 0, result
    assert b'<img src="images/g.png"' in received[0]
    assert sorted(p.name for p in fifo.parent.iterdir()) == ["invite.html"]
    assert fifo.is_fifo()
    assert "photo" not in result.stderr


def test_an_exported_post_touched_up_by_hand_is_not_written_over(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """Export, touch the post up in the blog, fix the interview, export again: nothing lost."""
    interview = make_interview(series, "invite", guest="Invité")
    post = tmp_path / "blog" / "invite.md"
    export = ("export", "invite", "--flavor", "hugo", "-o", str(post))
    assert invoke(*export).exit_code == 0
    assert invoke(*export).exit_code == 0  # as jeudis wrote it: written over freely
    post.write_text(post.read_text(encoding="utf-8") + "\nUne note de l’hôte.\n", "utf-8")
    interview.write_text(interview.read_text("utf-8").replace("Invité", "Invitée"), "utf-8")

    refused = invoke(*export)

    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f"error: {post}: changed by hand since jeudis wrote it; not written over",
        "hint: pass --overwrite to replace it, or write elsewhere with -o",
    ]
    assert post.read_text(encoding="utf-8").endswith("Une note de l’hôte.\n")
    assert invoke(*export, "--overwrite").exit_code == 0
    assert "Invitée" in post.read_text(encoding="utf-8")


def test_a_file_jeudis_did_not_write_is_not_written_over(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    make_interview(series, "invite")
    make_interview(series, "autre", date=dt.date(2011, 7, 7))
    mine = tmp_path / "notes.md"
    mine.write_text("mes notes\n", encoding="utf-8")
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "autre.html").write_text("<p>à moi</p>\n", encoding="utf-8")

    single = invoke("export", "invite", "-o", str(mine))
    several = invoke("export", "invite", "autre", "-o", str(folder))

    assert single.stderr.startswith(f"error: {mine}: already there; not written over\n")
    assert mine.read_text(encoding="utf-8") == "mes notes\n"
    assert several.exit_code == 1
    assert several.stderr.startswith(f"error: {folder / 'autre.html'}: already there")
    assert sorted(p.name for p in folder.iterdir()) == ["autre.html"]  # checked before writing


@pytest.mark.parametrize(
    ("site_args", "post", "args"),
    [
        ([], "invite.html", []),
        (["--flavor", "hugo"], "content/posts/invite.md", ["--flavor", "hugo"]),
        # Three folders down: it was "already there", then --all's own "changed by hand".
        (["--flavor", "mkdocs"], "docs/blog/posts/invite.md", ["--flavor", "mkdocs"]),
    ],
)
def test_a_single_export_onto_a_sites_page_says_whose_it_is(
    series: Path, invoke: Invoke, tmp_path: Path, site_args: list[str], post: str, args: list[str]
) -> None:
    """A site's page is the site export's: a single export there is refused, as any file
    it did not write, but saying so; it said "already there", as of a stranger's file."""
    make_interview(series, "invite")
    site = tmp_path / "site"
    if site_args:
        site.mkdir()
        config = (
            ("mkdocs.yml", "site_name: x\n")
            if "mkdocs" in site_args
            else ("hugo.toml", 'title = "x"\n')
        )
        (site / config[0]).write_text(config[1], encoding="utf-8")
    assert invoke("export", "--all", *site_args, "-o", str(site)).exit_code == 0
    before = (site / post).read_bytes()

    refused = invoke("export", "invite", *args, "-o", str(site / post))

    assert refused.exit_code == 1, refused
    error = f"{site / post}: a file of the site `jeudis export --all` wrote in {site}"
    hint = f"export the site again to bring it up to date (jeudis export --all -o {site})"
    assert refused.stderr.splitlines() == [
        f"error: {error}; not written over",
        f"hint: {hint}, or write elsewhere with -o",
    ]
    assert (site / post).read_bytes() == before


def test_all_goes_where_single_exports_went_before(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """``export invite -o site/invite.html``, then ``export --all -o site``: the folder held
    only jeudis's page and the photo it brought, and was refused as "not empty, and
    no earlier export's". A file of the host's there still stops it."""
    with_photo(series)
    site = tmp_path / "site"
    assert invoke("export", "invite", "-o", str(site / "invite.html")).exit_code == 0
    assert (site / "images" / "g.png").is_file()
    (site / "images" / "mine.png").write_bytes(b"png of the host's")

    refused = invoke("export", "--all", "-o", str(site))
    (site / "images" / "mine.png").unlink()
    result = invoke("export", "--all", "-o", str(site))

    assert refused.exit_code == 1
    assert f"{site}: not empty, and no earlier export's (it holds images);" in refused.stderr
    assert result.exit_code == 0, result
    assert {"invite.html", "index.html", "feed.xml"} <= {p.name for p in site.iterdir()}


def test_a_single_export_onto_a_sites_page_after_the_site_took_it_or_touched_up(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """A page written by ``export -o``, then taken by the site's export (which writes it
    again): the site's, not "changed by hand". Changed by hand since the site wrote it:
    said so, not "already there"."""
    make_interview(series, "invite")
    site = tmp_path / "site"
    page = site / "invite.html"
    assert invoke("export", "invite", "-o", str(page)).exit_code == 0
    assert invoke("export", "--all", "-o", str(site)).exit_code == 0

    taken = invoke("export", "invite", "-o", str(page))
    page.write_text(page.read_text(encoding="utf-8") + "<!-- à moi -->\n", encoding="utf-8")
    touched = invoke("export", "invite", "-o", str(page))

    assert taken.exit_code == touched.exit_code == 1
    assert taken.stderr.startswith(f"error: {page}: a file of the site `jeudis export --all`")
    assert touched.stderr.startswith(f"error: {page}: changed by hand since jeudis wrote it;")
    assert page.read_text(encoding="utf-8").endswith("<!-- à moi -->\n")


def test_all_outside_a_series_folder_writes_nothing(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("JEUDIS_DIR", str(elsewhere))

    result = invoke("export", "--all")

    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        f"error: {elsewhere} is not a series folder: no interviews/ in it"
    )
    assert not list(elsewhere.iterdir())


def test_o_naming_a_folder_not_there_yet_makes_it(series: Path, invoke: Invoke) -> None:
    """``-o site/`` (a trailing slash) is a folder, even before it exists: not a file."""
    copy_example(series)
    target = series / "posts"
    result = invoke("export", "mathieu-durand", "-o", f"{target}/")
    assert result.exit_code == 0, result
    assert (target / "mathieu-durand.html").is_file()
    assert (target / "images" / "mathieu-durand.svg").is_file()  # its photo beside it, inside
    assert not (series / "posts.html").exists()


def test_a_file_named_for_another_format_is_written_as_asked_and_said(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    make_interview(series, "laurent")
    result = invoke("export", "laurent", "-f", "md", "-o", tmp_path / "laurent.html")
    assert result.exit_code == 0, result
    assert (tmp_path / "laurent.html").read_text(encoding="utf-8").startswith("---\n")
    assert f"warning: {tmp_path / 'laurent.html'} is named as html, and holds md" in result.stderr


def test_a_complete_interview_missing_a_required_answer_is_exported_and_said(
    series: Path, invoke: Invoke
) -> None:
    """An answer's id edited by hand: the post lacks it, and the host is told, as check does."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "followers"', 'id = "followers-x"'),
        encoding="utf-8",
    )
    result = invoke("export", "claire-fontaine")
    assert result.exit_code == 0, result
    assert (
        "warning: claire-fontaine: complete, but required answers are missing: followers"
        in result.stderr
    )
    assert "missing" not in invoke("export", "amelie-roux").stderr


def test_a_wordpress_file_asked_into_a_folder_is_one_file_there(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    copy_example(series)
    result = invoke("export", "amelie-roux", "mathieu-durand", "-f", "wxr", "-o", f"{tmp_path}/wp/")
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (tmp_path / "wp").iterdir()) == ["wordpress.xml"]
    text = (tmp_path / "wp" / "wordpress.xml").read_text(encoding="utf-8")
    assert text.count("<item>") == 2 and "warning" not in result.stderr


def test_a_folder_named_with_the_systems_separator_gets_the_wordpress_file(
    series: Path, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows's `-o wp\\` (a folder not made yet) got the posts as HTML pages, one each."""
    copy_example(series)
    monkeypatch.setattr("os.sep", "\\")
    folder = f"{tmp_path}/wp\\"  # one name on this system: its end alone tells a folder

    result = invoke("export", "amelie-roux", "mathieu-durand", "-f", "wxr", "-o", folder)

    assert result.exit_code == 0, result
    [written] = Path(folder).iterdir()
    assert written.name == "wordpress.xml"
    assert written.read_text(encoding="utf-8").count("<item>") == 2


def test_a_site_address_with_a_line_break_stays_one_markdown_link(
    series: Path, invoke: Invoke
) -> None:
    """A hand-edited site holding a line break and a fence opened a code block."""
    make_interview(series, "nina", fields={"site": "https://a.example/x\n\n```\n"})
    post = invoke("export", "nina", "-f", "md").stdout
    assert "(https://a.example/x%0A%0A```)" in post
    assert post.count("```") == 1  # inside the link's target only: no block opened


@pytest.mark.parametrize(
    "site", ["https://a.example/x)y", "https://a.example/(x", "https://a.example/x))"]
)
def test_a_site_address_with_an_unpaired_parenthesis_is_linked_whole(
    series: Path, invoke: Invoke, site: str
) -> None:
    """A ")" in the guest's site ended the Markdown link there: it led to
    https://a.example/x, the rest shown after it as text."""
    import markdown
    from markdown_it import MarkdownIt

    make_interview(series, "nina", fields={"site": site})
    post = invoke("export", "nina", "-f", "md").stdout
    for rendered in (MarkdownIt("commonmark").render(post), markdown.markdown(post)):
        [href] = re.findall(r'<a href="([^"]*)"', rendered)
        assert unquote(href) == site, rendered


@pytest.mark.parametrize(
    "args",
    [
        ["laurent", "-o", "series/interviews/laurent.toml", "--overwrite"],
        ["laurent", "-o", "series/interviews/nouveau.toml"],
        ["laurent", "-o", "series/interviews/"],
        ["laurent", "-o", "series/jeudis.toml", "--overwrite"],
        ["laurent", "-o", "series/questionnaires/twitter.toml", "--overwrite"],
        ["laurent", "-o", "series/site/../questionnaires/x.html"],
        ["laurent", "-o", "lien.html", "--overwrite"],  # a link to the interview file
        ["laurent", "-f", "wxr", "-o", "series/questionnaires/"],
        ["--all", "-o", "series/interviews/site", "--overwrite"],
        ["--all", "-o", "series/questionnaires"],
    ],
)
def test_an_export_never_writes_into_the_series_own_files(
    series: Path, invoke: Invoke, tmp_path: Path, args: list[str]
) -> None:
    interview = make_interview(series, "laurent")
    (series / "jeudis.toml").write_text('blog = "Le blog"\n', encoding="utf-8")
    (tmp_path / "lien.html").symlink_to(interview)

    def own_files() -> dict[Path, bytes]:
        found = [*series.glob("interviews/**/*"), *series.glob("questionnaires/**/*")]
        return {p: p.read_bytes() for p in [*found, series / "jeudis.toml"] if p.is_file()}

    before = own_files()

    result = invoke("export", *args)

    assert result.exit_code == 2, result
    assert result.stderr.startswith("error: "), result.stderr
    assert "the series' own files" in result.stderr
    assert own_files() == before


@pytest.mark.parametrize(
    ("finished", "hugo", "jekyll"),
    [
        # Finished at 7:30 on its day and built at once: Hugo and Jekyll left out a post
        # dated 8:00, one to come.
        (dt.datetime(2011, 6, 30, 7, 30, 12, tzinfo=dt.UTC), "2011-06-30T07:30:12Z",
         "2011-06-30 07:30:12 +0000"),
        (dt.datetime(2011, 6, 30, 9, 30, tzinfo=dt.UTC), "2011-06-30T08:00:00Z",
         "2011-06-30 08:00:00 +0000"),
        (dt.datetime(2011, 6, 29, 22, 0, tzinfo=dt.UTC), "2011-06-30T08:00:00Z",
         "2011-06-30 08:00:00 +0000"),  # finished the day before: its own date's morning
        # At 05:02 in Sydney on its day (19:02 UTC the day before): its date's morning,
        # not the day before, which a site built in UTC would show.
        (dt.datetime(2011, 6, 30, 5, 2, tzinfo=dt.timezone(dt.timedelta(hours=10))),
         "2011-06-30T08:00:00Z", "2011-06-30 08:00:00 +0000"),
        # At 23:00 in Paris the day before its date: its date's morning.
        (dt.datetime(2011, 6, 29, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
         "2011-06-30T08:00:00Z", "2011-06-30 08:00:00 +0000"),
    ],
)  # fmt: skip
def test_a_post_finished_early_on_its_day_is_published_when_finished(
    series: Path, invoke: Invoke, finished: dt.datetime, hugo: str, jekyll: str
) -> None:
    from jeudis.interview_reading import load_interview
    from jeudis.storage import save

    path = make_interview(series, "laurent")
    interview = load_interview(path)
    interview.completed = finished
    interview.path = path
    save(interview, touch=False)
    assert f"date = {hugo}\n" in invoke("export", "laurent", "--flavor", "hugo").stdout
    assert f"date: {jekyll}\n" in invoke("export", "laurent", "--flavor", "jekyll").stdout


def test_every_file_written_is_said_alike(series: Path, invoke: Invoke, tmp_path: Path) -> None:
    """export said "written: post.md", sheet and compare "Written: sheet.md"."""
    make_interview(series, "laurent")
    said = []
    for args, target in (
        (("export", "laurent", "--format", "md"), tmp_path / "post.md"),
        (("export", "laurent", "--format", "wxr"), tmp_path / "one.xml"),
        (("export", "--all", "--format", "wxr"), tmp_path / "all.xml"),
        (("export", "laurent", "--format", "wxr"), tmp_path / "folder"),
        (("compare", "livre", "-q", "motivation", "--format", "md"), tmp_path / "roundup.md"),
    ):
        (tmp_path / "folder").mkdir(exist_ok=True)
        result = invoke(*args, "-o", str(target))
        assert result.exit_code == 0, result
        said.append(result.stderr.splitlines()[0])
    assert said == [
        f"Written: {tmp_path / 'post.md'}",
        f"Written: {tmp_path / 'one.xml'}",
        f"Written: {tmp_path / 'all.xml'}",
        f"Written: {tmp_path / 'folder' / 'wordpress.xml'}",
        f"Written: {tmp_path / 'roundup.md'}",
    ]


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (
            [],
            "export into a new or empty folder (-o site, say), or give --overwrite to use this one",
        ),
        (
            ["-f", "md", "--flavor", "hugo"],
            (
                "give -o the Hugo site's folder (where its hugo.toml, hugo.yaml... is); or export into a new or"
                " empty folder (-o site, say), or give --overwrite to use this one"
            ),
        ),
    ],
    ids=["a site", "a generator's posts"],
)
def test_all_is_never_written_among_files_no_export_wrote(
    series: Path, invoke: Invoke, tmp_path: Path, given: list[str], hint: str
) -> None:
    """``-o ~`` by mistake: a site is not scattered among the host's own files."""
    make_interview(series, "laurent")
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "notes.txt").write_text("mes notes\n", encoding="utf-8")
    (home / ".bashrc").write_text("", encoding="utf-8")

    result = invoke("export", "--all", *given, "-o", home)

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        (
            f"error: {home}: not empty, and no earlier export's (it holds Documents and 1 more);"
            " nothing written"
        ),
        f"hint: {hint}",
    ]
    assert sorted(p.name for p in home.iterdir()) == [".bashrc", "Documents", "notes.txt"]
    assert invoke("export", "--all", *given, "-o", home, "--overwrite").exit_code == 0


def test_all_writes_into_an_empty_folder_its_own_or_a_generators_site(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    make_interview(series, "laurent")
    empty = tmp_path / "empty"
    (empty / ".git").mkdir(parents=True)  # a clone of the site's repository, say
    assert invoke("export", "--all", "-o", empty).exit_code == 0
    (empty / "notes.txt").write_text("", encoding="utf-8")  # the export's folder now
    assert invoke("export", "--all", "-o", empty).exit_code == 0
    blog = tmp_path / "blog"
    (blog / "themes").mkdir(parents=True)
    (blog / "hugo.toml").write_text('title = "Blog"\n', encoding="utf-8")
    assert invoke("export", "--all", "-f", "md", "--flavor", "hugo", "-o", blog).exit_code == 0
    assert (blog / "content" / "posts" / "laurent.md").is_file()


def test_wordpress_exports_say_where_they_link_the_photos(series: Path, invoke: Invoke) -> None:
    """At the base URL, which may be the WordPress blog's own address, with no images/
    there: a broken image, and nothing said of it but a comment inside the WXR file."""
    with_photo(series)
    (series / "jeudis.toml").write_text('base_url = "https://blog.example"\n', encoding="utf-8")

    pasted = invoke("export", "invite", "--wordpress")
    imported = invoke("export", "invite", "-f", "wxr")

    assert pasted.exit_code == 0 and imported.exit_code == 0
    for result in (pasted, imported):
        assert result.stderr == (
            "note: invite: its photo is linked at https://blog.example/images/g.png, where it"
            " shows once images/g.png is there (with the series site, or uploaded)\n"
        )
    assert 'src="https://blog.example/images/g.png"' in pasted.stdout


def test_a_page_written_alone_without_base_url_links_only_what_is_beside_it(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """With no base_url to link the site's pages at, a page written alone linked its
    index and its neighbours beside it, where no such page was: three dead links. Where
    the site is, or the neighbours are written with it, they are kept."""
    copy_example(series)
    (series / "jeudis.toml").write_text('blog = "Le carnet"\n', encoding="utf-8")
    alone = tmp_path / "alone"
    assert invoke("export", "claire-fontaine", "-f", "html", "-o", alone / "c.html").exit_code == 0
    page = (alone / "c.html").read_text(encoding="utf-8")
    assert 'rel="prev"' not in page and 'rel="next"' not in page
    assert '<p class="series">Les Jeudis Twitter</p>' in page  # named, not linked

    together = tmp_path / "together"
    slugs = ("amelie-roux", "claire-fontaine", "mathieu-durand")
    assert invoke("export", *slugs, "-f", "html", "-o", together).exit_code == 0
    middle = (together / "claire-fontaine.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="amelie-roux.html"' in middle
    assert 'rel="next" href="mathieu-durand.html"' in middle
    assert 'href="index-twitter.html"' not in middle  # no index written there

    site = series / "site"
    assert invoke("export", "--all").exit_code == 0
    (site / "claire-fontaine.html").unlink()
    assert (
        invoke(
            "export", "claire-fontaine", "-f", "html", "-o", site / "claire-fontaine.html"
        ).exit_code
        == 0
    )
    beside = (site / "claire-fontaine.html").read_text(encoding="utf-8")
    assert 'href="index-twitter.html"' in beside and 'rel="prev"' in beside


@pytest.mark.parametrize(
    ("flavor", "marker", "inside", "posts"),
    [
        ("hugo", "config.toml", "content/posts", "content/posts"),
        ("hugo", "hugo.toml", "content", "content/posts"),
        ("jekyll", "_config.yml", "_posts", "_posts"),
        ("mkdocs", "mkdocs.yml", "docs/blog", "docs/blog/posts"),
    ],
)
def test_a_flavors_export_into_a_folder_of_its_site_names_the_site(
    series: Path, invoke: Invoke, tmp_path: Path, flavor: str, marker: str, inside: str, posts: str
) -> None:
    """``-o blog/content/posts``, as a single post's ``-o`` names it: the site's folders
    were made again inside (``content/posts/content/posts/``), and Jekyll published no
    post of ``_posts/_posts/``; the hint named hugo.toml of a site holding config.toml."""
    make_interview(series, "laurent")
    site = tmp_path / "blog"
    site.mkdir()
    (site / marker).write_text("title = 'x'\n", encoding="utf-8")
    given = site / inside

    result = invoke("export", "--all", "--flavor", flavor, "-o", str(given))

    assert result.exit_code == 1, result
    assert result.stderr.splitlines() == [
        f"error: {given}: inside the {flavor.capitalize() if flavor != 'mkdocs' else 'MkDocs'} site {site} (it holds {marker}); nothing written",
        f"hint: give -o the site's folder: -o {site}; the posts go in its {posts}/",
    ]
    assert [p.relative_to(site).as_posix() for p in site.rglob("*")] == [marker]
    assert invoke("export", "--all", "--flavor", flavor, "-o", str(site)).exit_code == 0


def test_a_cache_that_is_no_folder_is_named_when_a_post_of_jeudis_is_refused(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """.jeudis-cache made a file: jeudis kept no record of the page it wrote, refused to
    write it again as "already there", and said nothing of why."""
    make_interview(series, "invite")
    (series / ".jeudis-cache").write_text("", encoding="utf-8")
    page = tmp_path / "p.html"
    assert invoke("export", "invite", "-o", page).exit_code == 0

    again = invoke("export", "invite", "-o", page)

    assert again.exit_code == 1
    assert again.stderr.splitlines()[1].startswith(
        f"hint: {series / '.jeudis-cache'} is not a folder, so jeudis keeps no record of the"
        " files it writes: remove it;"
    )
    (series / ".jeudis-cache").unlink()
    assert invoke("export", "invite", "-o", page, "--overwrite").exit_code == 0
    assert invoke("export", "invite", "-o", page).exit_code == 0


def test_several_posts_into_a_file_say_it_is_no_folder(series: Path, invoke: Invoke) -> None:
    """It said "error: Not a directory: afile/amelie-roux.html", exit 1, where a single
    post into afile/x.html said "afile: is a file, not a folder", exit 4."""
    copy_example(series)
    (series / "afile").write_text("mine\n", encoding="utf-8")
    result = invoke("export", "amelie-roux", "claire-fontaine", "-o", series / "afile")
    assert result.exit_code == ExitCode.INVALID_FILE
    assert result.stderr == (
        f"error: {series / 'afile'}: is a file, not a folder\n"
        "hint: several posts make several files: give -o FOLDER\n"
    )
    assert (series / "afile").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("flavor", "line"),
    [
        ("hugo", r"lastmod = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"),
        ("zola", r"updated = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"),
        ("jekyll", r"last_modified_at: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000"),
        ("pelican", r"Modified: \d{4}-\d\d-\d\d \d\d:\d\d\+00:00"),
        ("mkdocs", r"  updated: \d{4}-\d\d-\d\d"),  # Material's date.updated
    ],
)
def test_a_post_changed_after_its_day_says_when_to_its_generator(
    series: Path, invoke: Invoke, flavor: str, line: str
) -> None:
    """An answer edited after publication: the page said so (article:modified_time), the
    Markdown post not, and the generator's sitemap and feeds never showed the change."""
    make_interview(series, "invite")
    before = invoke("export", "invite", "--flavor", flavor).stdout
    assert not re.search(rf"(?m)^{line}$", before)  # not changed since its day
    edited = invoke("edit", "invite", "-q", "motivation", "--answer-file", "-", input="Autre.\n")
    assert edited.exit_code == 0, edited
    after = invoke("export", "invite", "--flavor", flavor).stdout
    assert re.search(rf"(?m)^{line}$", after), after[:600]


@pytest.mark.parametrize("flavor", ["hugo", "zola", "jekyll", "pelican", "mkdocs"])
def test_an_old_interview_entered_today_is_no_post_changed_today(
    series: Path, invoke: Invoke, flavor: str
) -> None:
    """A 2011 interview moved into jeudis today (``new --date``, ``import``) was
    finished and saved today: its post said it changed today (Pelican's ``Modified``,
    the feed's ``updated``), every post of a series moved in."""
    from jeudis.interview import now
    from jeudis.interview_reading import load_interview
    from jeudis.storage import save

    path = make_interview(series, "invite")
    interview = load_interview(path)
    interview.completed = now()
    interview.path = path
    save(interview)  # updated now

    post = invoke("export", "invite", "--flavor", flavor).stdout
    page = invoke("export", "invite").stdout

    assert not re.search(r"(?m)^\s*(lastmod|updated|last_modified_at|Modified)\b", post), post[:600]
    published = re.search(r'article:published_time" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert f'article:modified_time" content="{published}"' in page


def test_a_post_corrected_the_day_it_was_finished_in_sydney_is_not_changed_a_later_day(
    series: Path, invoke: Invoke
) -> None:
    """Finished at 05:02 in Sydney (19:02 UTC the day before), corrected at 11:30 there:
    the same day where it was made, another day in UTC, and its post said lastmod."""
    from jeudis.interview_reading import load_interview
    from jeudis.storage import save

    path = make_interview(series, "invite")
    interview = load_interview(path)
    sydney = dt.timezone(dt.timedelta(hours=10))
    interview.completed = dt.datetime(2011, 6, 30, 5, 2, tzinfo=sydney)
    interview.updated = dt.datetime(2011, 6, 30, 1, 30, tzinfo=dt.UTC)
    interview.path = path
    save(interview, touch=False)

    post = invoke("export", "invite", "--flavor", "hugo").stdout

    assert "date = 2011-06-30T08:00:00Z\n" in post and "lastmod" not in post


def test_a_post_finished_again_after_a_question_was_added_says_it_changed(
    series: Path, invoke: Invoke
) -> None:
    """A 2020 interview a changed answer made a draft again, finished today: its
    completion was today's, so its post said it never changed (no lastmod), a question
    answered since."""
    from jeudis import conditions, followups
    from jeudis.interview_reading import load_interview
    from jeudis.paths import series_at
    from jeudis.questionnaire import find_questionnaire
    from jeudis.storage import save

    path = make_interview(series, "invite")
    interview = load_interview(path)
    interview.completed = dt.datetime(2011, 6, 30, 9, 0, tzinfo=dt.UTC)
    assert conditions.reopen(interview, ["a-question-asked-since"])
    form = find_questionnaire(series_at(series), interview.questionnaire)
    followups.complete(form, interview)
    interview.path = path
    save(interview)  # updated now

    assert re.search(r"(?m)^lastmod = ", invoke("export", "invite", "--flavor", "hugo").stdout)


KILLED_AT_THE_FSYNC = """
import os, signal, sys
from jeudis.__main__ import main
real = os.fsync
def fsync(fd):  # the kill comes as the file half made is flushed
    os.kill(os.getpid(), signal.SIGTERM)
    real(fd)
os.fsync = fsync
sys.argv = ["jeudis", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is not sent on Windows")
@pytest.mark.parametrize("there", [False, True])
def test_one_file_killed_as_it_is_written_leaves_no_half_file(
    series: Path, tmp_path: Path, there: bool
) -> None:
    """`export -f wxr -o post.xml`, killed (SIGTERM) as it wrote: the process ended
    there, its file half made left beside post.xml, and no word said."""
    copy_example(series)
    target = tmp_path / "post.xml"
    if there:
        target.write_text("before\n", encoding="utf-8")
    command = [sys.executable, "-c", KILLED_AT_THE_FSYNC, "export", "amelie-roux"]
    done = subprocess.run(
        [*command, "-f", "wxr", "-o", str(target), "--overwrite", "-C", str(series)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 143, done
    left = "post.xml is as it was (the new one goes in place once whole)"
    assert done.stderr.splitlines() == [
        "error: export stopped by SIGTERM",
        f"hint: {left if there else 'no post.xml was written'}; the same export run again writes it",
    ]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != series.name) == (
        ["post.xml"] if there else []
    )
    if there:
        assert target.read_text(encoding="utf-8") == "before\n"
