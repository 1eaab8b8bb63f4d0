"""A series' copy of a template jeudis bundles, told when jeudis's own has changed since.

A host copies ``post.html`` into the series' ``templates/`` and adds a footer; jeudis
is upgraded, its ``post.html`` gains a meta tag or a fix: the copy never had it, and
nothing said so. Each bundled template says its version on its first line, which the
copy keeps: ``jeudis check`` warns of a copy of an older version, ``export --all``
says it in a line, and ``jeudis templates`` lists them and copies one in.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from export_helpers import make_interview
from jeudis.errors import ExitCode
from jeudis.paths import BUNDLED_TEMPLATES
from support import Invoke, write

# Each bundled template's version, and the hash of what follows its version line.
# A template changed: raise the version on its first line, then write both here. Until
# jeudis's first release (0.1.0 not yet out) no copy of an older one can be in a series:
# each stays version 1, its hash alone written again.
VERSIONS = {
    "article.html": (1, "a584dfefb27685cc"),
    "feed.atom": (1, "93a07a6fe00d94c8"),
    "fragment.html": (1, "8962719f955415c0"),
    "index.html": (1, "1a7a97f11fc49e2b"),
    "post.html": (1, "a456fcfcf25a99f2"),
    "post.md": (1, "415fd392eaf5b273"),
    "roundup-article.html": (1, "6d2d73a966723738"),
    "roundup-fragment.html": (1, "defaeef32fd170b9"),
    "roundup.html": (1, "547c04be6a0b37b6"),
    "roundup.md": (1, "c49ce99bd55d4473"),
    "sitemap.xml": (1, "d023cefad881a684"),
    "style.css": (1, "6bd6ad6f5a819bdd"),
    "wxr.xml": (1, "8807200f695b15f6"),
}

VERSION_LINE = re.compile(r"\{# jeudis: (?P<name>\S+), version (?P<version>\d+) #\}")


def bundled(name: str) -> tuple[str, str]:
    """The first line of jeudis's template ``name``, and the rest."""
    first, _, rest = (BUNDLED_TEMPLATES / name).read_text(encoding="utf-8").partition("\n")
    return first, rest


def test_every_bundled_template_says_its_version_and_raises_it_when_it_changes() -> None:
    names = sorted(path.name for path in BUNDLED_TEMPLATES.iterdir() if path.is_file())
    assert names == sorted(VERSIONS), "a template added or removed: list it in VERSIONS"
    for name in names:
        first, rest = bundled(name)
        said = VERSION_LINE.fullmatch(first)
        assert said is not None and said["name"] == name, (
            f"{name}: its first line must be {{# jeudis: {name}, version N #}}"
        )
        version = int(said["version"])
        digest = hashlib.sha256(rest.replace("\r\n", "\n").encode()).hexdigest()[:16]
        was, hashed = VERSIONS[name]
        if digest != hashed and version == was:
            pytest.fail(
                f"{name} changed: raise its version on its first line to {was + 1}, so that a"
                f" series' copy of version {was} is told it is behind, then write"
                f' {name!r}: ({was + 1}, "{digest}") in VERSIONS'
            )
        assert (version, digest) == (was, hashed), (
            f'{name} is version {version} now: write {name!r}: ({version}, "{digest}") in VERSIONS'
        )


def copy_of(series: Path, name: str, version: int, extra: str = "") -> Path:
    """The series' copy of jeudis's ``name`` as it was at ``version``, with ``extra``
    added at its end (the host's footer)."""
    _, rest = bundled(name)
    return write(
        series / "templates" / name, f"{{# jeudis: {name}, version {version} #}}\n{rest}{extra}"
    )


def current(name: str) -> int:
    first, _ = bundled(name)
    return int(VERSION_LINE.fullmatch(first)["version"])  # type: ignore[index]


def test_a_copy_of_an_older_version_is_a_warning_at_its_first_line(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "laurent")
    now = current("post.html")
    copy = copy_of(series, "post.html", now - 1, "<footer>Merci</footer>\n")

    result = invoke("check")

    assert result.stdout.splitlines() == [
        (
            f"{copy}:1: warning: a copy of jeudis's post.html version {now - 1}, now version"
            f" {now}: what changed since is not in it"
        ),
        (
            f"  hint: see what differs (diff -u {BUNDLED_TEMPLATES / 'post.html'} {copy}),"
            f" bring in what you want, then write version {now} on its first line"
        ),
        "0 errors, 1 warning",
    ]
    assert result.exit_code == 0
    assert invoke("check", "--strict").exit_code == ExitCode.CHECK_FAILED
    assert invoke("check", copy).stdout.startswith(f"{copy}:1: warning: a copy of")


def test_a_copy_brought_up_to_date_is_all_good(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    copy_of(series, "post.html", current("post.html"), "<footer>Merci</footer>\n")
    copy_of(series, "style.css", current("style.css"), "footer{color:red}\n")

    result = invoke("check", "--strict")

    assert result.stdout == "All good.\n"
    assert result.exit_code == 0


def test_a_copy_from_a_newer_jeudis_is_a_warning_to_upgrade(series: Path, invoke: Invoke) -> None:
    """A series exported from two machines: the newer jeudis's copy of post.html may use
    what the older one does not give it. check said "All good."."""
    make_interview(series, "laurent")
    now = current("post.html")
    copy = copy_of(series, "post.html", now + 1)

    result = invoke("check")

    assert result.stdout.splitlines() == [
        (
            f"{copy}:1: warning: a copy of jeudis's post.html version {now + 1}, from a newer"
            f" jeudis than this one (version {now}): it may use what this jeudis does not"
            " give it"
        ),
        "  hint: upgrade jeudis where this series is exported",
        "0 errors, 1 warning",
    ]
    assert invoke("check", "--strict").exit_code == ExitCode.CHECK_FAILED
    listed = invoke("templates", "post.html").stdout
    assert f"overridden, from version {now + 1}, of a newer jeudis" in listed


def test_a_template_of_no_version_is_a_note_that_fails_no_strict_check(
    series: Path, invoke: Invoke
) -> None:
    """Made before jeudis said versions, or from scratch: check cannot tell whether it is
    behind. Said once for them all, and never a failure: a series whose templates did
    not change would fail `check --strict` after an upgrade."""
    make_interview(series, "laurent")
    _, rest = bundled("post.html")
    write(series / "templates" / "post.html", rest)  # a copy made before this
    write(series / "templates" / "style.css", "body{margin:0}\n")

    result = invoke("check", "--strict")

    assert result.stdout.splitlines() == [
        (
            f"{series / 'templates'}: note: post.html, style.css name no version of jeudis's"
            " on their first line: check cannot tell whether jeudis's changed since"
        ),
        (
            "  hint: compare with jeudis's (`jeudis templates` says where they are), then"
            f" write first the version caught up with: {bundled('post.html')[0]}"
        ),
        "All good.",
    ]
    assert result.exit_code == 0
    notes = json.loads(invoke("check", "--json").stdout)
    assert [(note["path"], note["severity"]) for note in notes] == [
        (str(series / "templates"), "note")
    ]


def test_export_all_says_in_one_line_that_a_copy_is_behind(series: Path, invoke: Invoke) -> None:
    make_interview(series, "laurent")
    copy_of(series, "post.html", current("post.html") - 1)
    copy_of(series, "style.css", current("style.css") - 1)
    behind = (
        "note: templates/ holds copies (post.html, style.css) of an older version of"
        " jeudis's: jeudis check says what to do"
    )

    first = invoke("export", "--all", "-o", "site")
    again = invoke("export", "--all", "-o", "site")  # up to date, and still behind

    assert first.stderr.splitlines()[-1] == behind
    assert again.stderr.splitlines() == ["site: up to date (1 interview unchanged)", behind]
    copy_of(series, "post.html", current("post.html"))
    copy_of(series, "style.css", current("style.css"))
    assert "note:" not in invoke("export", "--all", "-o", "site").stderr


def test_templates_lists_jeudis_s_where_they_are_and_the_series_copies(
    series: Path, invoke: Invoke
) -> None:
    copy_of(series, "post.html", current("post.html") - 1)
    copy_of(series, "post.md", current("post.md"))
    write(series / "templates" / "style.css", "body{margin:0}\n")

    result = invoke("templates")

    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0] == ["Template", "Version", "State", "File"]
    states = {row[0]: " ".join(row[2:]) for row in rows[1:-2]}
    assert states["post.html"] == (
        f"overridden, from version {current('post.html') - 1} templates/post.html"
    )
    assert states["post.md"] == "overridden, up to date templates/post.md"
    assert states["style.css"] == "overridden, no version said templates/style.css"
    assert states["article.html"] == "bundled"
    assert len(states) == len(VERSIONS)
    assert result.stdout.splitlines()[-2:] == [
        f"jeudis's are in {BUNDLED_TEMPLATES}",
        "jeudis check says how to see what changed in jeudis's since a copy",
    ]
    listed = json.loads(invoke("templates", "post.html", "--json").stdout)
    assert listed == [
        {
            "name": "post.html",
            "bundled": str(BUNDLED_TEMPLATES / "post.html"),
            "version": current("post.html"),
            "copy": str(series / "templates" / "post.html"),
            "copied": current("post.html") - 1,
            "state": "behind",
        }
    ]


def test_templates_copy_makes_the_series_own_and_never_writes_over_it(
    series: Path, invoke: Invoke
) -> None:
    make_interview(series, "laurent")
    bundled_page = invoke("export", "laurent", "-o", "-").stdout

    copied = invoke("templates", "post.html", "style.css", "--copy")

    assert copied.stdout == "Copied: templates/post.html\nCopied: templates/style.css\n"
    for name in ("post.html", "style.css"):
        assert (series / "templates" / name).read_bytes() == (BUNDLED_TEMPLATES / name).read_bytes()
    assert invoke("export", "laurent", "-o", "-").stdout == bundled_page  # the same page
    assert invoke("check", "--strict").stdout == "All good.\n"

    mine = copy_of(series, "post.html", current("post.html"), "<footer>Merci</footer>\n")
    again = invoke("templates", "article.html", "post.html", "--copy")

    assert again.exit_code == ExitCode.ERROR
    assert again.stderr.splitlines() == [
        f"error: {mine} is there already; nothing was copied",
        (
            "hint: jeudis writes over no template of the series: move it aside to start again"
            " from jeudis's; to see how they differ,"
            f" diff -u {BUNDLED_TEMPLATES / 'post.html'} {mine}"
        ),
    ]
    assert mine.read_text(encoding="utf-8").endswith("<footer>Merci</footer>\n")
    assert not (series / "templates" / "article.html").exists()


def test_templates_names_a_template_jeudis_has(series: Path, invoke: Invoke) -> None:
    result = invoke("templates", "pots.html", "--copy")

    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == (
        "error: unknown template 'pots.html' (did you mean 'post.html'?)"
    )
    assert not (series / "templates").exists()
    nothing = invoke("templates", "--copy")
    assert nothing.exit_code == ExitCode.USAGE
    assert nothing.stderr.splitlines()[0] == "error: --copy copies the templates named"
