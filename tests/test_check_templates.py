"""``jeudis check`` tries a series' own templates before an export does.

Each file of ``templates/`` is compiled, and every output export makes (a page, a
fragment, Markdown in each flavor, a WordPress file, the index, the feed, the
sitemap, a roundup) is rendered from the series' most recent interview, or a
sample post when it has none, and from the same filled out to take every optional
branch, and bare: a mistake is said with its file and line, as export says it. A
file jeudis never reads is a warning naming those it reads.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from export_helpers import make_interview
from jeudis.errors import ExitCode
from jeudis.paths import BUNDLED_TEMPLATES
from support import Invoke, findings, write

READS = (
    "jeudis reads article.html, feed.atom, fragment.html, index.html, post.html, post.md,"
    " roundup-article.html, roundup-fragment.html, roundup.html, roundup.md, sitemap.xml,"
    " style.css, wxr.xml, and the files they include"
)


def version_line(name: str) -> str:
    """The first line of jeudis's template ``name``: its version, which a template of the
    series written from scratch says it has caught up with."""
    return (BUNDLED_TEMPLATES / name).read_text(encoding="utf-8").splitlines()[0]


# A mistake, the template it is in, the line and reason check gives, and the export
# that meets it (the series' interview is laurent).
BROKEN = {
    "an if never closed": (
        "post.html",
        "<p>\n{% if post.guest %}\n{{ post.guest }}</p>\n",
        (
            "3: error: template error: Unexpected end of template. Jinja was looking for the"
            " following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be"
            " closed is 'if'."
        ),
        ["laurent"],
    ),
    "an unknown filter": (
        "post.md",
        "{{ post.title }}\n{{ post.guest | shout }}\n",
        "2: error: template error: No filter named 'shout'.",
        ["laurent", "-f", "md"],
    ),
    "an unknown test": (
        "feed.atom",
        "<feed>\n{{ post is shouting }}</feed>\n",
        "2: error: template error: No test named 'shouting'.",
        ["--all", "-o", "site"],
    ),
    "a misspelt attribute": (
        "article.html",
        "<h1>{{ post.title }}</h1>\n{{ post.hots }}\n",
        "2: error: template error: post has no attribute 'hots'",
        ["laurent"],
    ),
    "an error at render time": (
        "fragment.html",
        "<p>\n{{ 1 / 0 }}</p>\n",
        "2: error: template error: ZeroDivisionError: division by zero",
        ["laurent", "--fragment"],
    ),
    "an include of no file": (
        "style.css",
        'body {}\n{% include "nope.css" %}\n',
        "2: error: template error: no template 'nope.css'",
        ["laurent"],
    ),
}


@pytest.mark.parametrize("interview", [True, False], ids=["an interview", "no interview"])
@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_check_finds_a_broken_template_as_export_does(
    case: str, interview: bool, series: Path, invoke: Invoke
) -> None:
    name, body, said, command = BROKEN[case]
    if interview:
        make_interview(series, "laurent")
    path = write(series / "templates" / name, body)

    result = invoke("check")

    assert findings(result.stdout) == [f"{path}:{said}", "1 error, 0 warnings"]
    assert result.exit_code == ExitCode.CHECK_FAILED
    if interview:  # what export says of it, word for word
        exported = invoke("export", *command)
        assert exported.exit_code == ExitCode.INVALID_FILE
        line, _, reason = said.partition(": error: ")
        assert exported.stderr.splitlines()[0] == f"error: {path}:{line}: {reason}"


@pytest.mark.parametrize("interview", [True, False], ids=["an interview", "no interview"])
@pytest.mark.parametrize("name", sorted(p.name for p in BUNDLED_TEMPLATES.iterdir()))
def test_every_template_is_rendered_in_the_output_it_makes(
    name: str, interview: bool, series: Path, invoke: Invoke
) -> None:
    """Roundups, the sitemap (no base_url: a site makes none yet), the WordPress file:
    each is tried, not only the page."""
    if interview:
        make_interview(series, "laurent")
    path = write(series / "templates" / name, "x\n{{ 1 / 0 }}\n")

    result = invoke("check")

    assert findings(result.stdout) == [
        f"{path}:2: error: template error: ZeroDivisionError: division by zero",
        "1 error, 0 warnings",
    ]


@pytest.mark.parametrize("flavor", ["yaml", "hugo", "jekyll", "zola", "pelican", "mkdocs"])
def test_markdown_is_rendered_in_every_flavor(flavor: str, series: Path, invoke: Invoke) -> None:
    """Without --flavor (yaml front matter), and with each."""
    make_interview(series, "laurent")
    body = f'---\n{{% if flavor == "{flavor}" %}}\n{{{{ post.hots }}}}\n{{% endif %}}\n'
    path = write(series / "templates" / "post.md", body)

    result = invoke("check")

    assert f"{path}:3: error: template error: post has no attribute 'hots'" in result.stdout
    assert result.exit_code == ExitCode.CHECK_FAILED


def test_an_unknown_filter_in_a_branch_not_taken_is_found(series: Path, invoke: Invoke) -> None:
    """Jinja leaves a filter inside an if to the render; the post may not take the branch."""
    make_interview(series, "laurent")  # complete: no draft banner
    body = "<p>\n{% if post.draft %}\n{{ post.title | shout }}\n{% endif %}</p>\n"
    path = write(series / "templates" / "article.html", body)

    result = invoke("check")

    assert findings(result.stdout) == [
        f"{path}:3: error: template error: No filter named 'shout'.",
        "1 error, 0 warnings",
    ]


def test_good_templates_are_all_good(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    templates = series / "templates"
    for name in ("post.html", "post.md", "index.html"):  # the bundled ones, and a part
        bundled = (BUNDLED_TEMPLATES / name).read_text(encoding="utf-8")
        write(templates / name, bundled + '{% include "parts/credits.html" %}\n')
    roundup = (BUNDLED_TEMPLATES / "roundup.md").read_text(encoding="utf-8")
    write(templates / "roundup.md", roundup + "{{ blog }}\n")  # a roundup has no site
    write(templates / "parts" / "credits.html", "<p>{{ site.blog }} {{ site.words.by }}</p>\n")
    # A filter the template asks for first is its own business. Written from scratch,
    # with what jeudis's version has: its version line.
    write(
        templates / "style.css",
        f'{version_line("style.css")}\n{{% if "shout" is filter %}}{{{{ "a" | shout }}}}{{% endif %}}\n',
    )

    result = invoke("check")

    assert result.stdout == "All good.\n"
    assert result.exit_code == 0
    assert invoke("export", "--all", "-o", "site").exit_code == 0  # and export agrees


def test_what_a_file_manager_leaves_in_the_folder_is_no_template(
    series: Path, invoke: Invoke
) -> None:
    """Explorer's Thumbs.db (binary) was "not UTF-8 text", an error, and desktop.ini an
    unknown template: `check --strict` failed on a folder opened in Explorer."""
    make_interview(series, "laurent")
    templates = series / "templates"
    write(templates / "post.html", (BUNDLED_TEMPLATES / "post.html").read_text("utf-8"))
    (templates / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\xff\xfe")
    (templates / "parts").mkdir()
    (templates / "parts" / "desktop.ini").write_bytes(b"[.ShellClassInfo]\r\nIconIndex=0\r\n")

    result = invoke("check", "--strict")

    assert (result.exit_code, result.stdout) == (0, "All good.\n")
    exported = invoke("export", "--all", "-o", "site")
    assert exported.exit_code == 0 and exported.stderr.startswith("site: 3 files written")


def test_a_file_jeudis_never_reads_is_a_warning(series: Path, invoke: Invoke) -> None:
    templates = series / "templates"
    write(templates / "post.htm", "{% if %}\n")  # misspelt: never compiled either
    write(templates / "parts" / "old.html", "<p>plus lu</p>\n")
    write(templates / "post.html", "<html>{{ post.title }}</html>\n")  # no article.html
    write(templates / "fragment.html", "<div>{{ post.title }}</div>\n")
    write(templates / "article.html", "<article>{{ post.title }}</article>\n")

    result = invoke("check")

    assert result.stdout.splitlines() == [
        (
            f"{templates / 'article.html'}: warning: jeudis never uses it: the series'"
            " fragment.html and post.html do not include it"
        ),
        '  hint: {% include "article.html" %} where it goes, or delete the file',
        (
            f"{templates / 'parts' / 'old.html'}: warning: unknown template 'parts/old.html':"
            " jeudis never uses it"
        ),
        f"  hint: {READS}",
        (
            f"{templates / 'post.htm'}: warning: unknown template 'post.htm'"
            " (did you mean 'post.html'?): jeudis never uses it"
        ),
        f"  hint: {READS}",
        (
            f"{templates}: note: article.html, fragment.html, post.html name no version of"
            " jeudis's on their first line: check cannot tell whether jeudis's changed since"
        ),
        (
            "  hint: compare with jeudis's (`jeudis templates` says where they are), then"
            f" write first the version caught up with: {version_line('article.html')}"
        ),
        "0 errors, 3 warnings",
    ]
    assert result.exit_code == 0
    assert invoke("check", "--strict").exit_code == ExitCode.CHECK_FAILED


def test_a_template_named_alone_is_checked_as_a_template(
    series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not read as a questionnaire (TOML): its findings alone, named as the user named it."""
    write(series / "templates" / "post.md", "{{ post.title | shout }}\n")
    write(series / "templates" / "post.html", "{% if %}\n")
    monkeypatch.chdir(series)

    result = invoke("check", "templates/post.md")

    assert findings(result.stdout) == [
        "templates/post.md:1: error: template error: No filter named 'shout'.",
        "1 error, 0 warnings",
    ]
    missing = invoke("check", "templates/nope.html")
    assert missing.exit_code == ExitCode.NOT_FOUND  # mistyped, not checked: no finding
    assert missing.stderr == "error: templates/nope.html: no such file or folder\n"
    assert missing.stdout == ""


def test_settings_that_do_not_read_are_said_once(series: Path, invoke: Invoke) -> None:
    settings = write(series / "jeudis.toml", 'base_url = "blog.example.org"\n')
    write(series / "templates" / "post.html", "{{ post.title }}\n")

    result = invoke("check")

    assert findings(result.stdout) == [
        f"{settings}:1: error: base_url must be a web address starting with https:// or http://",
        "1 error, 0 warnings",
    ]


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        (
            'blog = "Mon blog"\nbase_url = "blog.example.org"\n',
            "2: error: base_url must be a web address starting with https:// or http://",
        ),
        ('blog = "Mon blog\n', "1:17: error: invalid TOML: Illegal character '\\n'"),
    ],
    ids=["a setting wrong", "no TOML"],
)
@pytest.mark.parametrize("named", [False, True], ids=["the series", "its templates"])
def test_a_template_is_checked_while_the_settings_do_not_read(
    series: Path, invoke: Invoke, settings: str, said: str, named: bool
) -> None:
    """A misspelt post.titel was said only once jeudis.toml was mended, a run later: the
    templates are tried with the bundled defaults for the settings that do not read, the
    others as they are (the blog's name, which the template reads, where there is one)."""
    path = write(series / "jeudis.toml", settings)
    template = "<h1>{{ post.title }}</h1>\n"
    if "base_url" in settings:
        template += '{% if site.blog == "Mon blog" %}{{ post.titel }}{% endif %}\n'
    else:
        template += "{{ post.titel }}\n"
    write(series / "templates" / "post.html", template)

    result = invoke("check", *([series / "templates"] if named else []))

    assert result.exit_code == ExitCode.CHECK_FAILED
    template_said = "2: error: template error: post has no attribute 'titel'"
    assert findings(result.stdout) == [
        f"{path}:{said}",
        f"{series / 'templates' / 'post.html'}:{template_said}",
        "2 errors, 0 warnings",
    ]


def test_the_rendered_templates_are_the_bundled_ones_no_other_includes() -> None:
    """What tells a series' file jeudis never reads: the names export renders."""
    import jinja2.meta

    from jeudis.export.templating import environment
    from jeudis.export.trial import RENDERED

    env = environment(None)
    included = {
        name
        for path in BUNDLED_TEMPLATES.iterdir()
        for name in jinja2.meta.find_referenced_templates(env.parse(path.read_text("utf-8")))
    }
    assert sorted(RENDERED) == sorted(
        p.name for p in BUNDLED_TEMPLATES.iterdir() if p.name not in included
    )


@pytest.mark.parametrize("templates", [False, True], ids=["no templates", "templates"])
def test_check_imports_jinja_only_for_a_series_templates(templates: bool, series: Path) -> None:
    make_interview(series, "laurent")
    if templates:
        write(
            series / "templates" / "post.html",
            f"{version_line('post.html')}\n{{{{ post.title }}}}\n",
        )
    code = (
        "import sys\n"
        "from jeudis.cli import main\n"
        "sys.argv = ['jeudis', 'check']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('jinja2' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "JEUDIS_DIR": str(series)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == "All good.\n"
    assert done.returncode == 0
    assert done.stderr == f"{templates}\n"


# A mistake inside a branch the series' newest post (laurent: no intro, no photo, no
# newer post, numbered, complete) does not take; the line and reason check gives; and
# how to make the interview export meets it with, and the export.
UNTAKEN = {
    "the link to a newer post": (
        "article.html",
        "<p>\n{% if post.next %}\n{{ post.next.titel }}\n{% endif %}</p>\n",
        "3: error: template error: post.prev / post.next has no attribute 'titel'",
        {"date": dt.date(2011, 5, 12)},
    ),
    "a photo": (
        "post.md",
        "{{ post.title }}\n{% if post.photo %}\n![]({{ post.phto }})\n{% endif %}\n",
        "3: error: template error: post has no attribute 'phto'",
        {"fields": {"photo": "https://example.org/anne.jpg"}, "date": dt.date(2011, 7, 1)},
    ),
    "a dialogue": (
        "article.html",
        '<p>\n{% if post.style == "dialogue" %}\n{{ post.host_lable }}\n{% endif %}</p>\n',
        "3: error: template error: post has no attribute 'host_lable'",
        {"style": "dialogue", "date": dt.date(2011, 7, 1)},
    ),
    "a draft": (
        "post.html",
        "<p>\n{% if post.draft %}\n{{ post.drafted_on }}\n{% endif %}</p>\n",
        "3: error: template error: post has no attribute 'drafted_on'",
        {"status": "draft", "date": dt.date(2011, 7, 1)},
    ),
    "the branch a post without an intro does not take, of one with": (
        "post.md",
        "{% if post.intro_markdown %}\n{{ post.intro_markdown }}\n{% else %}\n{{ post.intr }}\n{% endif %}\n",
        "4: error: template error: post has no attribute 'intr'",
        None,
    ),
}


@pytest.mark.parametrize("interview", [True, False], ids=["an interview", "no interview"])
@pytest.mark.parametrize("case", list(UNTAKEN), ids=list(UNTAKEN))
def test_check_finds_a_mistake_in_a_branch_the_newest_post_does_not_take(
    case: str, interview: bool, series: Path, invoke: Invoke
) -> None:
    """Rendered from the newest post alone, a typo inside `{% if post.next %}` or
    `{% if post.photo %}` went unseen until an export took that branch and failed."""
    name, body, said, other = UNTAKEN[case]
    if interview:
        fields = {"intro": "Laurent écrit."} if other is None else {}
        make_interview(series, "laurent", fields=fields)
    path = write(series / "templates" / name, body)

    result = invoke("check")

    assert findings(result.stdout) == [f"{path}:{said}", "1 error, 0 warnings"]
    assert result.exit_code == ExitCode.CHECK_FAILED
    if interview and other is not None:  # what export says of it, word for word
        make_interview(series, "anne", guest="Anne Morel", **other)
        exported = invoke("export", "anne", "--include-drafts", "-f", name.rpartition(".")[2])
        assert exported.exit_code == ExitCode.INVALID_FILE, exported
        line, _, reason = said.partition(": error: ")
        assert exported.stderr.splitlines()[0] == f"error: {path}:{line}: {reason}"


def test_a_mistake_in_a_roundup_of_a_reworded_question_is_found(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "laurent")
    body = "{% for item in items %}\n{% if item.reworded %}\n{{ item.askd }}\n{% endif %}"
    path = write(series / "templates" / "roundup.md", body + "\n{% endfor %}\n")

    result = invoke("check")

    assert findings(result.stdout) == [
        f"{path}:3: error: template error: dict has no attribute 'askd'",
        "1 error, 0 warnings",
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("interview", [True, False], ids=["an interview", "no interview"])
def test_the_bundled_templates_as_a_series_own_are_all_good(
    language: str, interview: bool, series: Path, invoke: Invoke
) -> None:
    """The posts every branch is tried with are posts as export makes them: a template
    right for every post is right for them (no mistake is said of the bundled ones)."""
    write(series / "jeudis.toml", f'language = "{language}"\n')
    if interview:
        make_interview(series, "laurent", language=language)
    for path in BUNDLED_TEMPLATES.iterdir():
        write(series / "templates" / path.name, path.read_text(encoding="utf-8"))

    result = invoke("check")

    assert result.stdout == "All good.\n"
    assert result.exit_code == 0


def _misplaced(path: Path, kind: str) -> str:
    """Put a folder, or a link to nothing, where ``path`` goes; what jeudis says of it."""
    if kind == "a folder":
        (path / "old").mkdir(parents=True)
        return "is a folder, not a file"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("gone.html")
    return "a link to gone.html, which is not there"


@pytest.mark.parametrize("kind", ["a folder", "a link to nothing"])
@pytest.mark.parametrize("name", ["post.html", "article.html"])
def test_a_template_that_is_no_file_is_said_not_passed_over(
    series: Path, invoke: Invoke, name: str, kind: str
) -> None:
    """Jinja passed over it to the bundled template of that name, without a word."""
    make_interview(series, "laurent")
    template = series / "templates" / name
    said = _misplaced(template, kind)

    checked = invoke("check")
    exported = invoke("export", "--all", "-o", "site")

    assert findings(checked.stdout) == [f"{template}: error: {said}", "1 error, 0 warnings"]
    assert checked.exit_code == ExitCode.CHECK_FAILED
    assert exported.stderr == f"error: {template}: {said}\n"
    assert exported.exit_code == ExitCode.INVALID_FILE
    assert invoke("check", template).stdout.splitlines()[0] == f"{template}: error: {said}"


def test_templates_that_is_a_file_is_said(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    write(series / "templates", "{{ post.title }}\n")

    checked = invoke("check")
    exported = invoke("export", "laurent")

    said = f"{series / 'templates'}: error: is a file, not a folder"
    hint = "  hint: the series' own templates go in a folder of this name"
    assert checked.stdout.splitlines() == [said, hint, "1 error, 0 warnings"]
    assert exported.stderr.splitlines() == ["error: " + said.replace(": error:", ":"), hint[2:]]
    assert exported.exit_code == ExitCode.INVALID_FILE
