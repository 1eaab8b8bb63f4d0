"""The guest's photo given as a file: brought into the series folder, never anything else."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from jeudis.photos import adopt, refusal, svg_hazard
from support import ANSWERS_TOML, Invoke, write


@pytest.fixture
def root(series: Path) -> Path:
    return series


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "Mes photos"
    folder.mkdir()
    (folder / "Gilles.JPG").write_bytes(b"jpeg bytes")
    return folder / "Gilles.JPG"


@pytest.mark.parametrize(
    "written",
    [
        "{path}",
        "'{path}'",  # dropped on the terminal: in quotes...
        '"{path}"',
        "{escaped}",  # ...or with its spaces escaped
        "  '{path}' ",
        "{uri}",  # some terminals drop a file as its URI
    ],
)
def test_an_image_elsewhere_is_copied_into_the_series(
    written: str, root: Path, elsewhere: Path
) -> None:
    given = written.format(
        path=elsewhere, escaped=str(elsewhere).replace(" ", "\\ "), uri=elsewhere.as_uri()
    )

    assert adopt(root, "gilles-klein", given) == ("images/gilles-klein.jpg", True)
    assert (root / "images" / "gilles-klein.jpg").read_bytes() == b"jpeg bytes"
    assert elsewhere.read_bytes() == b"jpeg bytes"
    assert sorted(p.name for p in (root / "images").iterdir()) == ["gilles-klein.jpg"]


def test_a_path_from_home(root: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(elsewhere.parent.parent))

    assert adopt(root, "gilles-klein", "~/Mes photos/Gilles.JPG")[0] == "images/gilles-klein.jpg"


def test_another_image_of_the_same_name_is_never_written_over(root: Path, elsewhere: Path) -> None:
    (root / "images").mkdir()
    (root / "images" / "gilles-klein.jpg").write_bytes(b"an older portrait")

    assert adopt(root, "gilles-klein", str(elsewhere)) == ("images/gilles-klein-2.jpg", True)
    assert (root / "images" / "gilles-klein.jpg").read_bytes() == b"an older portrait"
    # The same image again: the copy already there is named, not a third one made.
    assert adopt(root, "gilles-klein", str(elsewhere)) == ("images/gilles-klein-2.jpg", True)
    assert len(list((root / "images").iterdir())) == 2


def test_a_link_planted_beside_the_copy_leads_it_nowhere(
    root: Path, elsewhere: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """The copy went through a fixed name (``.gilles-klein.jpg.tmp``): a link there (a
    clone can ship one) had the photo written over the file it named, outside the
    series, and the image renamed into place was that link."""
    victim = write(tmp_path / "victim.txt", "mine\n")
    (root / "images").mkdir()
    (root / "images" / ".gilles-klein.jpg.tmp").symlink_to(victim)
    data = ANSWERS_TOML.replace("[fields]\n", f"[fields]\nphoto = {str(elsewhere)!r}\n")
    write(tmp_path / "data.toml", data)

    result = invoke("new", "twitter", "--guest", "Gilles Klein", "--data-file", "data.toml")

    assert result.exit_code == 0, result
    assert victim.read_text(encoding="utf-8") == "mine\n"
    copied = root / "images" / "gilles-klein.jpg"
    assert not copied.is_symlink()
    assert copied.read_bytes() == b"jpeg bytes"


def test_a_file_of_the_series_is_named_from_the_series_folder(root: Path) -> None:
    (root / "images").mkdir()
    (root / "images" / "gilles.png").write_bytes(b"png")

    assert adopt(root, "gilles-klein", str(root / "images" / "gilles.png")) == (
        "images/gilles.png",
        False,
    )
    assert adopt(root, "gilles-klein", "./images/../images/gilles.png") == (
        "images/gilles.png",
        False,
    )


@pytest.mark.parametrize(
    "given",
    [
        "https://example.org/gilles.jpg",  # a web address
        "images/not-yet.jpg",  # nothing there yet: `jeudis check` will say so
        "/nowhere/gilles.jpg",
        "",
        "~nosuchuser/gilles.jpg",  # no such home folder
        "file://[x/gilles.jpg",  # a URI no parser reads (an unclosed IPv6 host)
    ],
)
def test_anything_else_is_kept_as_written(given: str, root: Path) -> None:
    assert adopt(root, "gilles-klein", given) == (given, False)
    assert not (root / "images").exists()


def test_a_file_that_is_not_an_image_is_never_copied(root: Path, tmp_path: Path) -> None:
    """An interview may come from someone else: no other file of the host's enters the site."""
    key = tmp_path / "id_ed25519"
    key.write_text("PRIVATE KEY", encoding="utf-8")

    assert adopt(root, "gilles-klein", str(key)) == (str(key), False)
    assert not (root / "images").exists()


def test_an_image_that_cannot_be_copied_is_kept_as_written(root: Path, elsewhere: Path) -> None:
    (root / "images").write_text("a file where the folder should be", encoding="utf-8")

    assert adopt(root, "gilles-klein", str(elsewhere)) == (str(elsewhere), False)


def test_a_path_no_file_can_have_breaks_nothing(root: Path) -> None:
    from jeudis.paths import outside

    assert outside(root, "images/a\x00b.jpg")  # a NUL byte: no file of the series
    for name in ("images/a\x00b.jpg", "images/" + "x" * 5000 + ".jpg"):  # nor a name too long
        assert adopt(root, "gilles-klein", name) == (name, False)


def test_a_photo_named_past_what_a_file_can_be_is_refused_not_a_stop(root: Path) -> None:
    """Its check raised ENAMETOOLONG, which ended `check` and `export --all` at the first such photo."""
    (root / "images").mkdir()  # else the missing folder is all the system says
    assert refusal(root, "images/" + "a" * 300 + ".png") == "out of reach (File name too long)"
    assert refusal(root, "images/not-yet.png") is None  # missing is another matter


def test_a_huge_photo_value_is_cut_short_in_its_warnings(series: Path, invoke: Invoke) -> None:
    from export_helpers import make_interview

    make_interview(series, "laurent", fields={"photo": "A" * 300_000})

    for command in (["check"], ["export", "laurent", "-o", "laurent.html"], ["export", "--all"]):
        result = invoke(*command)
        assert result.exit_code == 0, (command, result)
        assert max(map(len, result.output.splitlines())) < 400, command
        assert "photo " + "A" * 79 + "… " in result.output, command


def test_a_photo_named_too_long_leaves_the_others_checked_and_exported(
    series: Path, invoke: Invoke
) -> None:
    from export_helpers import make_interview

    long_name = "images/" + "a" * 300 + ".png"
    (series / "images").mkdir()
    make_interview(series, "laurent", fields={"photo": long_name})
    make_interview(series, "marie", guest="Marie Curie", date=dt.date(2011, 7, 7))

    checked = invoke("check")
    assert checked.exit_code == 0, checked
    assert "out of reach (File name too long): exports leave it out" in checked.stdout
    exported = invoke("export", "--all")
    assert exported.exit_code == 0, exported
    assert "left out: out of reach (File name too long)\n" in exported.stderr
    assert (series / "site" / "laurent.html").is_file()
    assert (series / "site" / "marie.html").is_file()


def test_a_photo_stored_in_the_other_unicode_form_is_found(series: Path, invoke: Invoke) -> None:
    """A Mac stores "é" as e and an accent, and finds the file either way; the interview
    names it as typed, "é" one character. Linux said "missing" of the file `ls` shows,
    and every export left the photo out."""
    import unicodedata

    from export_helpers import make_interview, tiny_png

    typed = "images/Hélène.png"
    stored = series / unicodedata.normalize("NFD", typed)
    write(stored, "")
    stored.write_bytes(tiny_png())
    make_interview(series, "helene", guest="Hélène Boucher", fields={"photo": typed})

    checked = invoke("check")
    exported = invoke("export", "--all")

    assert (checked.exit_code, checked.stdout) == (0, "All good.\n")
    assert exported.exit_code == 0 and "warning" not in exported.stderr, exported
    page = (series / "site" / "helene.html").read_text(encoding="utf-8")
    [img] = re.findall(r'<img src="([^"]+)"', page)
    assert (series / "site" / unquote(img)).read_bytes() == tiny_png()


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("../.git/config", "a link to a file that is not an image"),
        ("../interviews/ann.toml", "a link to a file that is not an image"),
        ("../.hidden/portrait.jpg", "a link to a hidden file"),
        ("../../elsewhere.jpg", "a link to a file out of the series folder"),
        ("../portraits/gilles.jpg", None),  # an image of the series, by another name
    ],
)
def test_a_photo_that_is_a_link_publishes_only_an_image_of_the_series(
    series: Path, invoke: Invoke, target: str, why: str | None
) -> None:
    """A series received from someone else held images/gilles.jpg leading to
    ../.git/config: check said "All good." and the export published the host's token
    to their repository (or an interview, private notes and all) as the photo."""
    from export_helpers import make_interview, tiny_png

    for name in (".git/config", ".hidden/portrait.jpg"):
        write(series / name, "[remote]\nurl = https://ann:SECRET@example.com/s.git\n")
    ann = make_interview(series, "ann", guest="Ann Lee", date=dt.date(2011, 1, 6))
    ann.write_text(ann.read_text("utf-8") + "# SECRET, her private notes\n", "utf-8")
    write(series.parent / "elsewhere.jpg", "SECRET")
    write(series / "portraits" / "gilles.jpg", "")
    (series / "portraits" / "gilles.jpg").write_bytes(tiny_png())
    (series / "images").mkdir()
    (series / "images" / "gilles.jpg").symlink_to(target)
    make_interview(series, "gilles-klein", fields={"photo": "images/gilles.jpg"})

    checked = invoke("check")
    exported = invoke("export", "--all")

    assert refusal(series, "images/gilles.jpg") == why
    assert exported.exit_code == 0, exported
    published = b"".join(p.read_bytes() for p in (series / "site").rglob("*") if p.is_file())
    assert b"SECRET" not in published
    if why is None:
        assert checked.stdout == "All good.\n"
        assert tiny_png() in published
    else:
        assert f"photo images/gilles.jpg is {why}: exports leave it out" in checked.stdout
        assert f"photo images/gilles.jpg left out: {why} (put the image itself" in exported.stderr


SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


@pytest.mark.parametrize(
    ("drawing", "hazard"),
    [
        (f"<svg {SVG}><script>alert(1)</script></svg>", "an SVG with a <script> element"),
        (f"<svg {SVG}><SCRIPT>alert(1)</SCRIPT></svg>", "an SVG with a <script> element"),
        (f'<svg {SVG} onload="alert(1)"/>', "an SVG with an onload handler"),
        (f'<svg {SVG}><rect OnClick="alert(1)"/></svg>', "an SVG with an onclick handler"),
        (
            f'<svg {SVG}><a xlink:href="javascript:alert(1)"><rect/></a></svg>',
            "an SVG linking to another file",
        ),
        (
            f'<svg {SVG}><a href=" javascript:alert(1)">x</a></svg>',
            "an SVG linking to another file",
        ),
        (f'<svg {SVG}><image href="https://tracker.example/p.png"/></svg>', "an SVG linking"),
        (f'<svg {SVG}><image href="data:image/svg+xml,&lt;svg"/></svg>', "an SVG linking"),
        (
            f'<svg {SVG}><a><set attributeName="href" to="javascript:alert(1)"/>x</a></svg>',
            "an SVG with a <set> element",
        ),
        (f'<svg {SVG}><animate attributeName="href"/></svg>', "an SVG with a <animate> element"),
        (
            (
                f'<svg {SVG}><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
                "</foreignObject></svg>"
            ),
            "an SVG with a <foreignobject> element",
        ),
        (f'<svg {SVG}><h:b xmlns:h="http://www.w3.org/1999/xhtml"/></svg>', "an SVG holding HTML"),
        (
            (
                '<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>'
                '<svg xmlns="http://www.w3.org/2000/svg"/>'
            ),
            "an SVG with DTD declarations",
        ),
        (  # an entity declaration is refused before it is expanded (no "billion laughs")
            (
                '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                f"<svg {SVG}><text>&b;</text></svg>"
            ),
            "an SVG with DTD declarations",
        ),
        (
            '<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            "an SVG calling a style sheet",
        ),
        (f"<svg {SVG}><rect></svg>", "an SVG that is not well-formed (line 1)"),
        ("", "an SVG that is not well-formed (line 1)"),
        ("<html><body>x</body></html>", "not an SVG drawing"),
    ],
)
def test_an_svg_that_could_act_is_refused(root: Path, drawing: str, hazard: str) -> None:
    """Opened on its own, an SVG is a document of the blog: its script would run there."""
    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "g.svg").write_text(drawing, encoding="utf-8")

    found = svg_hazard(root / "images" / "g.svg")

    assert found is not None and found.startswith(hazard)
    assert refusal(root, "images/g.svg") == found


def test_an_svg_in_another_encoding_is_read_as_such(root: Path) -> None:
    drawing = f'<?xml version="1.0" encoding="UTF-16"?><svg {SVG} onload="alert(1)"/>'
    (root / "g.svg").write_bytes(drawing.encode("utf-16"))

    assert svg_hazard(root / "g.svg") == "an SVG with an onload handler"


def test_a_drawing_is_published(root: Path) -> None:
    """What drawing programs write: gradients, reused shapes, embedded rasters, metadata."""
    drawing = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg {SVG} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="48" height="48">
  <title>Gilles Klein</title>
  <metadata><rdf:RDF/></metadata>
  <style>.a {{ fill: url(#g); }}</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>
    <circle id="c" r="4"/></defs>
  <use xlink:href="#c" inkscape:label="head"/><use href="#c"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="8" height="8"/>
  <text class="a">Gilles &amp; moi</text>
</svg>
"""
    (root / "g.svg").write_text(drawing, encoding="utf-8")

    assert svg_hazard(root / "g.svg") is None
    assert refusal(root, "g.svg") is None


def test_a_missing_svg_is_not_refused_for_its_content(root: Path) -> None:
    """Missing is another matter, which exports and jeudis check say in their own words."""
    assert refusal(root, "images/nobody.svg") is None


def test_an_svg_in_an_unknown_encoding_is_refused(root: Path) -> None:
    (root / "g.svg").write_text(
        '<?xml version="1.0" encoding="bogus"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        encoding="utf-8",
    )
    assert refusal(root, "g.svg") == "an SVG in an unknown encoding"


def test_an_svg_that_is_no_file_is_not_read(root: Path) -> None:
    """A FIFO would block the check for ever; a symlink loop names no file of the series."""
    os.mkfifo(root / "fifo.svg")
    (root / "loop.svg").symlink_to("again.svg")
    (root / "again.svg").symlink_to("loop.svg")

    assert svg_hazard(root / "fifo.svg") is None  # missing, to the caller: never published
    assert refusal(root, "loop.svg") == "not in the series folder"


def test_a_drawing_with_a_large_embedded_image_is_published(root: Path) -> None:
    """Read whole: in chunks, expat rescanned the image's attribute (8 MB: 20 s)."""
    image = "A" * (8 << 20)
    (root / "g.svg").write_text(
        f'<svg {SVG}><image href="data:image/png;base64,{image}"/></svg>', encoding="utf-8"
    )
    assert svg_hazard(root / "g.svg") is None


def test_a_photo_folder_kept_elsewhere_is_the_series_own(
    series: Path, tmp_path: Path, invoke: Invoke
) -> None:
    """images/ itself a link (kept in a synced folder, shared by the host's series), as
    interviews/ and templates/ may be: every photo in it was "a link to a file out of the
    series folder", left out of every export, and check failed on each."""
    from export_helpers import make_interview, tiny_png

    kept = tmp_path / "Dropbox" / "photos"
    kept.mkdir(parents=True)
    (kept / "gilles.png").write_bytes(tiny_png())
    (kept / "ann.png").symlink_to("gilles.png")  # a link within the folder: its own file
    (series / "images").symlink_to(kept)
    make_interview(series, "gilles-klein", fields={"photo": "images/gilles.png"})
    make_interview(series, "ann", guest="Ann Lee", fields={"photo": "images/ann.png"})

    checked = invoke("check")
    exported = invoke("export", "--all")

    assert refusal(series, "images/gilles.png") is None
    assert refusal(series, "images/ann.png") is None
    assert (checked.exit_code, checked.stdout) == (0, "All good.\n")
    assert exported.exit_code == 0 and "warning" not in exported.stderr, exported
    for slug in ("gilles-klein", "ann"):
        page = (series / "site" / f"{slug}.html").read_text(encoding="utf-8")
        [img] = re.findall(r'<img src="([^"]+)"', page)
        assert (series / "site" / unquote(img)).read_bytes() == tiny_png()
    # Named from the series, as its own: never copied in again under another name.
    assert adopt(series, "gilles-klein", str(kept / "gilles.png")) == ("images/gilles.png", False)
    assert adopt(series, "gilles-klein", "images/gilles.png") == ("images/gilles.png", False)
    assert sorted(p.name for p in kept.iterdir()) == ["ann.png", "gilles.png"]


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("{private}/portrait.png", "a link to a file out of the series folder"),
        ("../notes.toml", "a link to a file out of the series folder"),  # out of images/ too
        ("notes.toml", "a link to a file that is not an image"),
        (".hidden/portrait.png", "a link to a hidden file"),
    ],
)
def test_a_photo_in_a_folder_kept_elsewhere_follows_the_rule_of_files(
    series: Path, tmp_path: Path, target: str, why: str
) -> None:
    """In images/ kept elsewhere, a photo that is itself a link is published as anywhere
    only when it leads to an image of the folder, out of hidden folders."""
    from export_helpers import tiny_png

    kept = tmp_path / "Dropbox" / "photos"
    private = tmp_path / "private"
    for folder in (kept / ".hidden", private):
        folder.mkdir(parents=True)
        (folder / "portrait.png").write_bytes(tiny_png())
    write(kept / "notes.toml", "SECRET")
    write(kept.parent / "notes.toml", "SECRET")
    (kept / "gilles.png").symlink_to(target.format(private=private))
    (series / "images").symlink_to(kept)

    assert refusal(series, "images/gilles.png") == why


def test_a_path_climbing_out_of_a_photo_folder_kept_elsewhere_is_not_the_series(
    series: Path, tmp_path: Path
) -> None:
    from export_helpers import tiny_png

    kept = tmp_path / "Dropbox" / "photos"
    kept.mkdir(parents=True)
    (kept.parent / "private.png").write_bytes(tiny_png())
    (series / "images").symlink_to(kept)

    assert refusal(series, "images/../private.png") == "not in the series folder"
