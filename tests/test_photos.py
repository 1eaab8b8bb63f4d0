"""The guest's photo given as a file: brought into the series folder, never anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from jeudis.photos import adopt


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
