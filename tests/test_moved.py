"""A series folder moved, renamed, copied to another machine or kept on a USB stick:
every command goes on as it did, its records following the folder."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from export_helpers import copy_example
from support import Invoke


def _moved(series: Path, to: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The series folder moved (``mv``) or copied (``cp -a``, ``rsync -a``) to ``to``,
    and the commands run there, as the host would on the other side."""
    if how == "moved":
        shutil.move(series, to)
    else:
        shutil.copytree(series, to, symlinks=True)
        shutil.rmtree(series)
    monkeypatch.setenv("JEUDIS_DIR", str(to))
    monkeypatch.chdir(to)
    return to


@pytest.mark.parametrize("older", [False, True], ids=["this jeudis", "an older jeudis"])
@pytest.mark.parametrize("how", ["moved", "copied"])
def test_the_files_written_in_the_series_folder_are_its_own_there_after(
    series: Path,
    tmp_path: Path,
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    older: bool,
) -> None:
    """A WordPress file, a post, an answer sheet and a roundup written into the series
    folder (``-o all.xml``) were recorded by their absolute path: the folder moved
    (``mv ~/blog/jeudis ~/Documents/``) or copied to another machine, the same command
    refused the file it had written as "already there; not written over". A record an
    older jeudis kept so still names them where the folder was: the first of each
    command after refused its own file, only --overwrite mending it."""
    copy_example(series)
    monkeypatch.chdir(series)
    commands = [
        ("export", "--all", "-f", "wxr", "-o", "all.xml"),
        ("export", "amelie-roux", "-o", "posts/amelie-roux.html"),
        ("sheet", "twitter", "--guest", "Paul Martin", "-o", "paul.txt"),
        ("compare", "twitter", "-q", "followers", "-f", "html", "-o", "followers.html"),
    ]
    for command in commands:
        assert invoke(*command).exit_code == 0
    if older:
        _as_an_older_jeudis_recorded(series)
    elise = series / "interviews" / "elise-garnier.toml"
    elise.write_text(elise.read_text(encoding="utf-8").replace("Garnier", "Garnie"), "utf-8")

    _moved(series, tmp_path / "Documents", how, monkeypatch)

    for command in commands:
        again = invoke(*command)
        assert again.exit_code == 0, (command, again)
        assert "not written over" not in again.stderr
    assert "Élise Garnie</" in Path("all.xml").read_text(encoding="utf-8")


def test_a_record_an_older_jeudis_kept_by_absolute_paths_is_read(
    series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files an older jeudis recorded, by their absolute path, are still its own."""
    import json

    copy_example(series)
    monkeypatch.chdir(series)
    command = ("export", "--all", "-f", "wxr", "-o", "all.xml")
    assert invoke(*command).exit_code == 0
    record = series / ".jeudis-cache" / "exports.json"
    (stamp,) = json.loads(record.read_text(encoding="utf-8")).values()
    older = {str((series / "all.xml").resolve()): stamp}
    record.write_text(json.dumps(older), encoding="utf-8")
    elise = series / "interviews" / "elise-garnier.toml"
    elise.write_text(elise.read_text(encoding="utf-8").replace("Garnier", "Garnie"), "utf-8")

    again = invoke(*command)

    assert again.exit_code == 0, again
    assert "Élise Garnie</" in (series / "all.xml").read_text(encoding="utf-8")


def _as_an_older_jeudis_recorded(series: Path) -> None:
    """The series' record of the files it wrote, as a jeudis of before it named them
    by their place in the series folder wrote it: by their absolute path."""
    import json

    record = series / ".jeudis-cache" / "exports.json"
    kept = json.loads(record.read_text(encoding="utf-8"))
    root = series.resolve()

    def absolute(key: str) -> str:
        return str(root / key.removeprefix("./")) if key.startswith("./") else key

    older = {absolute(key): stamp for key, stamp in kept.items() if key != "roundups"}
    if "roundups" in kept:
        older["roundups"] = [absolute(key) for key in kept["roundups"]]
    record.write_text(json.dumps(older), encoding="utf-8")


def test_a_file_an_older_jeudis_recorded_by_absolute_path_is_its_own_only_as_it_wrote_it(
    series: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its name alone, where the series folder was, makes no file jeudis's: one changed
    since, or another in its place, is still refused once the folder moved."""
    copy_example(series)
    monkeypatch.chdir(series)
    for command in (
        ("export", "amelie-roux", "-o", "amelie-roux.html"),
        ("export", "amelie-roux", "-o", "posts/amelie-roux.html"),
    ):
        assert invoke(*command).exit_code == 0
    _as_an_older_jeudis_recorded(series)
    moved = _moved(series, tmp_path / "Documents", "moved", monkeypatch)
    touched = moved / "amelie-roux.html"  # touched up by hand since
    touched.write_text(touched.read_text(encoding="utf-8") + "<p>Merci !</p>\n", "utf-8")
    theirs = moved / "posts" / "amelie-roux.html"  # the host's own, in its place
    theirs.write_text("<p>Le mien.</p>\n", encoding="utf-8")

    for target in ("amelie-roux.html", "posts/amelie-roux.html"):
        refused = invoke("export", "amelie-roux", "-o", target)
        assert refused.exit_code == 1, (target, refused)
        assert f"{target}: already there; not written over" in refused.stderr
    assert "Merci !" in touched.read_text(encoding="utf-8")
    assert theirs.read_text(encoding="utf-8") == "<p>Le mien.</p>\n"


def test_an_interview_edited_twice_in_two_seconds_on_a_usb_stick_is_exported(
    series: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT (a USB stick) keeps a file's time to two seconds: an interview exported, then
    corrected in the same two seconds (a letter for a letter), kept its size and time,
    and every export after said "up to date", the correction never published."""
    copy_example(series)
    claire = series / "interviews" / "claire-fontaine.toml"
    saved = 1_800_000_000 * 10**9  # an even second, as FAT writes times
    os.utime(claire, ns=(saved, saved))
    clock = [saved + 500_000_000]
    monkeypatch.setattr(time, "time_ns", lambda: clock[0])
    assert invoke("export", "--all").exit_code == 0
    text = claire.read_text(encoding="utf-8")
    claire.write_text(text.replace("Deux ans", "Deux ANS"), encoding="utf-8")
    os.utime(claire, ns=(saved, saved))  # the same two seconds
    clock[0] = saved + 1_500_000_000

    assert invoke("export", "--all").exit_code == 0

    page = series / "site" / "claire-fontaine.html"
    assert "Deux ANS" in page.read_text(encoding="utf-8")
    clock[0] = saved + 60 * 10**9  # a minute later: known as it is, nothing written
    assert "up to date" in invoke("export", "--all").stderr


@pytest.mark.parametrize("how", ["moved", "copied"])
def test_a_post_written_beside_the_series_is_its_own_with_both_moved(
    series: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A post written into the blog beside the series (``-o ../hugo/content/posts/…``) was
    recorded by its absolute path: the two moved together (``~/blog`` copied to a new
    machine's home), the same command refused the post as "already there". The series
    moved alone, a post written elsewhere is still its own."""
    blog = tmp_path / "blog"
    (blog / "hugo").mkdir(parents=True)
    (blog / "hugo" / "hugo.toml").write_text('title = "Blog"\n', encoding="utf-8")
    copy_example(series)
    _moved(series, blog / "jeudis", "moved", monkeypatch)
    beside = ("export", "amelie-roux", "--flavor", "hugo", "-o", "../hugo/content/posts/a.md")
    elsewhere = tmp_path / "elsewhere" / "amelie-roux.html"
    elsewhere.parent.mkdir()
    elsewhere_command = ("export", "amelie-roux", "-o", elsewhere)
    for command in (beside, elsewhere_command):
        assert invoke(*command).exit_code == 0

    _moved(blog, tmp_path / "Documents", how, monkeypatch)
    monkeypatch.chdir(tmp_path / "Documents" / "jeudis")
    monkeypatch.setenv("JEUDIS_DIR", str(tmp_path / "Documents" / "jeudis"))
    again = invoke(*beside)
    assert again.exit_code == 0, again

    _moved(tmp_path / "Documents" / "jeudis", tmp_path / "alone", "moved", monkeypatch)
    again = invoke(*elsewhere_command)
    assert again.exit_code == 0, again


OTHER_MACHINE = "4242 atelier-imac"
SAID = "warning: elise-garnier was open in a session on atelier-imac (process 4242)"


def test_any_command_taking_another_machine_s_lock_says_it(series: Path, invoke: Invoke) -> None:
    """edit, import --update, a rename took over the lock a session on the other
    machine left, and removed it, without a word: only resume said it, and the resume
    after found nothing to say."""
    copy_example(series)
    lock = series / "interviews" / ".elise-garnier.lock"
    lock.write_text(OTHER_MACHINE, encoding="utf-8")

    edited = invoke("edit", "elise-garnier", "--host", "Camille")

    assert edited.exit_code == 0, edited
    assert edited.stderr.startswith(SAID)


def test_a_check_for_a_session_leaves_another_machine_s_lock_as_it_is(series: Path) -> None:
    """`new` for a guest with a draft asks whether the draft is open in a session: it
    took the lock to know, and removed the other machine's, which resume then never
    told of."""
    from jeudis.storage import in_session

    copy_example(series)
    lock = series / "interviews" / ".elise-garnier.lock"
    lock.write_text(OTHER_MACHINE, encoding="utf-8")

    assert in_session(series / "interviews" / "elise-garnier.toml") is False
    assert lock.read_text(encoding="utf-8") == OTHER_MACHINE


@pytest.mark.skipif(os.name == "nt", reason="flock")
def test_a_lock_held_here_under_another_machine_s_name_is_refused_untold(
    series: Path, invoke: Invoke
) -> None:
    """A container sharing the folder: its session holds the lock, named after the
    container. The host was told to go on, then refused."""
    import fcntl

    copy_example(series)
    lock = series / "interviews" / ".elise-garnier.lock"
    lock.write_text(OTHER_MACHINE, encoding="utf-8")
    with lock.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        edited = invoke("edit", "elise-garnier", "--host", "Camille")

    assert edited.exit_code == 6, edited
    assert "warning" not in edited.stderr
    assert edited.stderr.startswith("error: elise-garnier.toml is open in another jeudis session")
