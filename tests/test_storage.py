"""Interview files on disk: safe names, no overwriting, atomic saves, locks, the list cache."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeudis import listing, storage
from jeudis.errors import FileProblem, InterviewLocked, NotFoundError, NotSaved, UsageError
from jeudis.files import write_atomic
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import series_at
from support import ANSWERS_TOML, Invoke, fifo_read, interview_files, write


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Gilles Klein", "gilles-klein"),
        ("Fadhila Brahimi", "fadhila-brahimi"),
        ("Amélie Roux-Déjà", "amelie-roux-deja"),
        ("Stéphane  GARCIA", "stephane-garcia"),
        ("Œuvre Straße Ærø Łódź", "oeuvre-strasse-aero-lodz"),
        ("../../etc", "etc"),
        ("../../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("🎉🎉", "invite"),
        ("...", "invite"),
        ("", "invite"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("a\x00b\nc", "ab-c"),
        ("\x1b]0;pwned\x07Eve \x1b[31mRouge\x1b[0m", "eve-rouge"),
        # The same name typed with either apostrophe is the same interview's file
        # ("d’Ormesson" was "dormesson", "d'Ormesson" "d-ormesson").
        ("Jean d'Ormesson", "jean-d-ormesson"),
        ("Jean d’Ormesson", "jean-d-ormesson"),
        ("Jean dʼOrmesson", "jean-d-ormesson"),
        # Cyrillic and Greek romanized, as their scripts' common romanizations write them:
        # every such name was "invite".
        ("Алексей Навальный", "aleksey-navalnyy"),
        ("Олена Зеленська", "olena-zelenska"),
        ("ЁЖИК Їжак Єва", "yozhik-yizhak-yeva"),
        ("Ђорђе Љубица", "djordje-ljubitsa"),
        ("Γιώργος Σεφέρης", "giorgos-seferis"),
        ("Αθηνά Ψυχογιού", "athina-psychogiou"),
        ("ΟΥΡΑΝΟΣ", "ouranos"),
        ("李小龙", "invite"),  # no letter of a Latin one: the guest's slug
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert storage.slugify(name) == slug


@pytest.mark.parametrize(
    ("name", "language", "slug"),
    [
        ("Anna Müller", "de", "anna-mueller"),
        ("Jürgen Weiß-Öztürk", "de-AT", "juergen-weiss-oeztuerk"),
        ("ÄRGER", "de-CH", "aerger"),
        ("Anna Mu\u0308ller", "de", "anna-mueller"),  # typed decomposed
        ("Søren Ærø Ågård", "da", "soeren-aeroe-aagaard"),
        ("Anna Müller", "fr", "anna-muller"),  # the French write it so
        ("Anna Müller", "en", "anna-muller"),
        ("Anna Müller", "", "anna-muller"),
        # An apostrophe inside a word is part of it, but where it elides a word.
        ("Priya O’Neill", "en-GB", "priya-oneill"),
        ("Bob O'Hara", "en", "bob-ohara"),
        ("Andrea’s Küche", "de", "andreas-kueche"),
        ("Rock ’n’ Roll", "en", "rock-n-roll"),
        ("Jean d’Ormesson", "fr-CA", "jean-d-ormesson"),
        ("Priya O’Neill", "fr", "priya-o-neill"),
        ("Dell’Orto", "it", "dell-orto"),
    ],
)
def test_a_slug_spells_out_the_letters_its_language_does(
    name: str, language: str, slug: str
) -> None:
    """German's "Müller" dropped to "muller", another name to a German reader; WordPress
    on a German site spells it "mueller" too."""
    assert storage.slugify(name, language) == slug


def test_slugify_caps_a_300_character_name_on_a_word() -> None:
    name = " ".join(["Jean-Baptiste"] * 22)[:300]
    slug = storage.slugify(name)
    assert len(slug) <= storage.MAX_SLUG
    assert slug.startswith("jean-baptiste-jean-baptiste")
    assert not slug.endswith("-")
    assert storage.slugify("é" * 300) == "e" * storage.MAX_SLUG


@given(st.text())
def test_any_name_gives_a_safe_slug(name: str) -> None:
    slug = storage.slugify(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= storage.MAX_SLUG


def new_interview(guest: str = "Gilles Klein") -> Interview:
    return Interview(
        questionnaire="twitter",
        guest=guest,
        slug=storage.slugify(guest),
        title=f"Interview Twitter de {guest} [Les Jeudis Twitter]",
        register="vous",
        gender="m",
        date=dt.date(2011, 3, 10),
    )


def test_reserve_path_never_overwrites(series: Path) -> None:
    folder = series_at()
    first = storage.reserve_path(folder, "gilles-klein")
    first.write_text("already here", encoding="utf-8")
    second = storage.reserve_path(folder, "gilles-klein")
    third = storage.reserve_path(folder, "gilles-klein")

    assert [first.name, second.name, third.name] == [
        "gilles-klein.toml",
        "gilles-klein-2.toml",
        "gilles-klein-3.toml",
    ]
    assert first.read_text(encoding="utf-8") == "already here"


@pytest.mark.parametrize(
    "guest", ["../../etc", "<script>alert(1)</script>", "🎉🎉", "x" * 300, "/", ".."]
)
def test_hostile_names_stay_inside_interviews(series: Path, guest: str) -> None:
    folder = series_at()
    interview = new_interview(guest)
    interview.path = storage.reserve_path(folder, interview.slug)
    storage.save(interview)

    [path] = interview_files(series)
    assert path.parent == series / "interviews"
    assert path.resolve().parent == (series / "interviews").resolve()
    assert len(path.name) <= storage.MAX_SLUG + len(".toml")
    assert load_interview(path).guest == guest


def test_save_is_atomic_and_leaves_no_temporary_file(series: Path) -> None:
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    storage.save(interview)
    assert load_interview(interview.path).guest == "Gilles Klein"
    assert sorted(p.name for p in interview.path.parent.iterdir()) == ["gilles-klein.toml"]


def test_a_failed_save_keeps_the_previous_file(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    interview.answers.append(Answer("depuis-quand", "text", "Depuis quand ?", "2007"))
    storage.save(interview)
    before = interview.path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    interview.answers.append(Answer("followers", "number", "Combien ?", 9200))
    with pytest.raises(NotSaved, match=r"gilles-klein\.toml: not saved \(No space left"):
        storage.save(interview)

    assert interview.path.read_bytes() == before
    assert sorted(p.name for p in interview.path.parent.iterdir()) == ["gilles-klein.toml"]


def test_a_draft_corrected_in_the_two_seconds_it_was_read_on_a_usb_stick_is_not_written_over(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT (a USB stick) keeps a file's time to two seconds: a draft corrected in place
    (a co-host's editor, a letter for a letter) in the same two seconds the session
    read or saved it kept its size, inode and time, and the session's next save wrote
    over the correction without a word. It is refused, as any change meanwhile is; a
    draft no one touched is saved."""
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    interview.answers.append(Answer("depuis-quand", "text", "Depuis quand ?", "Depuis 2007"))
    storage.save(interview)
    path = interview.path
    saved = 1_800_000_000 * 10**9  # an even second, as FAT writes times
    os.utime(path, ns=(saved, saved))
    clock = [saved + 500_000_000]
    monkeypatch.setattr(time, "time_ns", lambda: clock[0])
    untouched = load_interview(path)
    session = load_interview(path)  # as `jeudis resume` reads it
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Depuis 2007", "Depuis 2008"), encoding="utf-8")
    os.utime(path, ns=(saved, saved))  # the same two seconds
    clock[0] = saved + 1_500_000_000

    session.answers.append(Answer("followers", "number", "Combien ?", 9200))
    with pytest.raises(NotSaved, match=r"changed since jeudis read it"):
        storage.save(session)
    assert "Depuis 2008" in path.read_text(encoding="utf-8")

    path.write_text(text, encoding="utf-8")  # as it was read: no change to keep
    os.utime(path, ns=(saved, saved))
    clock[0] = saved + 60 * 10**9  # a minute later
    untouched.answers.append(Answer("followers", "number", "Combien ?", 9200))
    storage.save(untouched)
    assert load_interview(path).answers[-1].value == 9200


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="no file modes to keep (Windows)")
@pytest.mark.parametrize("mode", [0o600, 0o640])
def test_a_saved_interview_keeps_its_files_mode(series: Path, invoke: Invoke, mode: int) -> None:
    """An interview the host made private (``chmod 600``: a guest's email, a phone
    number in the notes) stays so once saved again, by jeudis or by ``edit``: a saved
    file is a new file put in its place, which was readable by all."""
    result = invoke(
        "new", "twitter", "--guest", "Amelie Roux", "--data-file", "-", input=ANSWERS_TOML
    )
    assert result.exit_code == 0, result
    path = series / "interviews" / "amelie-roux.toml"
    path.chmod(mode)

    interview = load_interview(path)
    interview.notes = "Son numéro : 06 12 34 56 78"
    storage.save(interview)
    assert path.stat().st_mode & 0o777 == mode

    assert invoke("edit", "amelie-roux", "--guest", "Amélie Roux").exit_code == 0
    assert load_interview(path).guest == "Amélie Roux"
    assert path.stat().st_mode & 0o777 == mode


def test_a_second_session_is_refused(series: Path) -> None:
    path = series / "interviews" / "gilles-klein.toml"
    path.touch()
    with storage.session_lock(path):
        with pytest.raises(InterviewLocked) as refused, storage.session_lock(path):
            pass  # pragma: no cover - never entered
        assert "gilles-klein.toml is open in another jeudis session" in refused.value.message
        assert f"(process {os.getpid()})" in refused.value.message
        assert refused.value.hint
    # Released: a new session may start, and no lock file is left behind.
    with storage.session_lock(path):
        pass
    assert [p.name for p in path.parent.iterdir()] == ["gilles-klein.toml"]


def test_a_lock_left_by_a_crash_names_the_session_that_takes_it(series: Path) -> None:
    """A lock file left by a session killed with the machine holds that session's
    process id: taken again, it holds the new one alone, and a second session is told
    which process has the interview, not the new id run into the old one's digits."""
    path = series / "interviews" / "gilles-klein.toml"
    path.touch()
    lock = path.with_name(".gilles-klein.lock")
    lock.write_text("99999999", encoding="utf-8")

    with storage.session_lock(path):
        assert lock.read_text(encoding="utf-8").split(" ")[0] == str(os.getpid())
        with pytest.raises(InterviewLocked) as refused, storage.session_lock(path):
            pass  # pragma: no cover - never entered
        assert f"open in another jeudis session (process {os.getpid()})" in refused.value.message


@pytest.mark.parametrize("kind", ["link", "dangling link", "folder"])
def test_a_lock_path_that_is_no_file_is_refused_never_written_through(
    series: Path, tmp_path: Path, invoke: Invoke, kind: str
) -> None:
    """A link planted where the lock goes (a clone can ship one) had the process id
    written over the file it named, outside the series."""
    from export_helpers import copy_example

    copy_example(series)
    before = (series / "interviews" / "amelie-roux.toml").read_bytes()
    victim = write(tmp_path / "victim.txt", "mine\n")
    lock = series / "interviews" / ".amelie-roux.lock"
    if kind == "folder":
        lock.mkdir()
    else:
        lock.symlink_to(victim if kind == "link" else tmp_path / "gone.txt")
    write(tmp_path / "answer.md", "9200\n")

    result = invoke("edit", "amelie-roux", "-q", "followers", "--answer-file", "answer.md")

    what = "a folder" if kind == "folder" else "a link"
    assert result.stderr == (
        f"error: {lock}: is {what}, not the interview's lock file: nothing is written"
        " through it\nhint: remove it, then run the command again\n"
    )
    assert result.exit_code == 4
    assert victim.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "gone.txt").exists()
    assert (series / "interviews" / "amelie-roux.toml").read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW (Windows)")
def test_a_lock_made_a_link_after_it_was_looked_at_is_not_followed(
    series: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link planted between the look and the open: the open itself follows none."""
    path = series / "interviews" / "gilles-klein.toml"
    path.touch()
    victim = write(tmp_path / "victim.txt", "mine\n")
    looks = iter([None])  # the first look finds nothing; the link is there by the open

    def planted(lock_path: Path) -> None:
        if next(looks, "again") is None:
            lock_path.symlink_to(victim)
        else:
            real(lock_path)

    real = storage._refuse_planted
    monkeypatch.setattr(storage, "_refuse_planted", planted)
    refused = pytest.raises(FileProblem, match="is a link, not the interview's lock file")
    with refused, storage.session_lock(path):
        pass  # pragma: no cover - never entered
    assert victim.read_text(encoding="utf-8") == "mine\n"


def test_resolve_by_slug_path_and_suggestion(series: Path) -> None:
    folder = series_at()
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    storage.save(interview)

    assert storage.resolve(folder, "gilles-klein") == interview.path
    assert storage.resolve(folder, str(interview.path)) == interview.path
    with pytest.raises(NotFoundError) as missing:
        storage.resolve(folder, "Gilles Klien")
    assert missing.value.hint == "did you mean gilles-klein?"


def test_resolve_for_writing_refuses_a_file_outside_the_series(
    series: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere" / "gilles-klein.toml"
    interview = new_interview()
    interview.path = outside
    storage.save(interview)

    assert storage.resolve(series_at(), str(outside)) == outside
    with pytest.raises(UsageError, match="is not in this series' interviews/ folder"):
        storage.resolve(series_at(), str(outside), writable=True)


def test_summaries_are_cached_and_refreshed(series: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = series_at()
    older = new_interview("Fadhila Brahimi")
    older.date = dt.date(2011, 3, 3)
    older.path = series / "interviews" / "fadhila-brahimi.toml"
    storage.save(older)
    newer = new_interview()
    newer.path = series / "interviews" / "gilles-klein.toml"
    newer.answers.append(Answer("depuis-quand", "text", "Depuis quand ?", "2007"))
    storage.save(newer)

    first = listing.summaries(folder)
    assert [(s.slug, s.answered) for s in first] == [("gilles-klein", 1), ("fadhila-brahimi", 0)]
    assert (series / ".jeudis-cache" / "summaries.json").is_file()

    # A second listing reads the cache, not the files.
    def no_parsing(path: Path) -> Interview:
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(listing, "load_interview", no_parsing)
    assert listing.summaries(folder) == first
    monkeypatch.undo()
    monkeypatch.setenv("JEUDIS_DIR", str(series))

    # A changed file is read again.
    newer.answers.append(Answer("followers", "number", "Combien ?", 9200))
    storage.save(newer)
    os.utime(newer.path, ns=(1, 1))  # a different mtime even on a coarse clock
    assert [s.answered for s in listing.summaries(folder)] == [2, 0]


def test_a_broken_file_is_listed_as_broken(series: Path) -> None:
    (series / "interviews" / "broken.toml").write_text("guest = [", encoding="utf-8")
    [summary] = listing.summaries(series_at())
    assert summary.status == "broken"
    assert "invalid TOML" in summary.problem


def test_a_file_with_a_bad_header_is_listed_as_broken_with_the_reason(series: Path) -> None:
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    storage.save(interview)
    text = interview.path.read_text(encoding="utf-8").replace('status = "draft"', 'status = "fini"')
    interview.path.write_text(text, encoding="utf-8")
    [summary] = listing.summaries(series_at())
    assert summary.status == "broken"
    assert summary.problem.endswith("status must be one of draft, complete, not 'fini'")


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            '[[answers]]\nid = ["depuis-quand"]',
            "answers[0].id: 'id' must be a string, not an array",
        ),
        ('[[pending]]\nid = ["depuis-quand"]\ntext = "Mai"', "pending[0].id: 'id' must be"),
        ("[[answers]]\nid = { a = 1 }", "answers[0].id: 'id' must be a string, not a table"),
    ],
)
def test_an_id_of_no_string_is_listed_as_broken_with_the_reason(
    series: Path, table: str, problem: str
) -> None:
    """The quick look `list` takes at a file hashed the ids: an array raised TypeError."""
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    storage.save(interview)
    with interview.path.open("a", encoding="utf-8") as file:
        file.write(f"\n{table}\n")
    [summary] = listing.summaries(series_at())
    assert summary.status == "broken"
    assert problem in summary.problem


def test_a_corrupt_cache_is_ignored(series: Path) -> None:
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    storage.save(interview)
    cache = series / ".jeudis-cache" / "summaries.json"
    cache.parent.mkdir()
    cache.write_text("{not json", encoding="utf-8")

    assert [s.slug for s in listing.summaries(series_at())] == ["gilles-klein"]


def listed(series: Path) -> tuple[Path, dict[str, Any]]:
    """Gilles Klein's draft, listed: the listing's cache, and what it holds."""
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    storage.save(interview)
    listing.summaries(series_at())
    cache = series / ".jeudis-cache" / "summaries.json"
    return cache, json.loads(cache.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: 7,
        lambda entry: {**entry, "summary": 7},
        lambda entry: {**entry, "summary": {**entry["summary"], "date": 7}},
        lambda entry: {**entry, "summary": {**entry["summary"], "extra": "x"}},
        lambda entry: {**entry, "summary": {"slug": "x"}},
    ],
)
def test_a_cache_edited_out_of_its_shape_is_ignored(series: Path, damage: Any) -> None:
    cache, data = listed(series)
    data["entries"]["gilles-klein.toml"] = damage(data["entries"]["gilles-klein.toml"])
    cache.write_text(json.dumps(data), encoding="utf-8")

    assert [s.guest for s in listing.summaries(series_at())] == ["Gilles Klein"]


def test_a_listing_cache_that_came_with_the_series_is_read_anew(
    series: Path, tmp_path: Path
) -> None:
    """A series received with its cache (a zip keeps each file's size and time): the
    cache said what the files do not, `list` showed a draft as complete, and a file it
    named, outside the series, was the one `resume` opened and wrote. Here, it names
    the received series' file, where it is unpacked; there, the series' own is named."""
    cache, data = listed(series)
    received = tmp_path / "received"
    named = str(received / "interviews" / "gilles-klein.toml")
    data["entries"]["gilles-klein.toml"]["summary"].update(status="complete", path=named)
    cache.write_text(json.dumps(data), encoding="utf-8")
    shutil.copytree(series, received)  # each file's size and time kept, as a zip's

    [here] = listing.summaries(series_at())
    [there] = listing.summaries(series_at(received))

    for summary, root in ((here, series), (there, received)):
        assert summary.path == str(root / "interviews" / "gilles-klein.toml")
        assert summary.status == "draft"


def test_a_listing_cached_by_a_jeudis_that_read_no_set_aside_answers_is_read_anew(
    series: Path,
) -> None:
    """An older jeudis listed a file with answers set aside as broken ("unknown key
    'set_aside'"), and cached it so: the file unchanged, it stayed broken."""
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    interview.set_aside = [Answer("blog", "text", "Un blog ?", "Oui.")]
    storage.save(interview)
    [summary] = listing.summaries(series_at())
    assert summary.status == "draft"
    cache = series / ".jeudis-cache" / "summaries.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    entry = data["entries"]["gilles-klein.toml"]
    entry["summary"].update(status="broken", problem="unknown key 'set_aside'")
    cache.write_text(json.dumps({"version": 2, "entries": data["entries"]}), encoding="utf-8")

    assert [s.status for s in listing.summaries(series_at())] == ["draft"]


def test_a_file_that_cannot_be_written_is_named_not_its_temporary() -> None:
    """The host is told of the file they asked for (/proc takes no new file)."""
    target = Path("/proc/jeudis-post.html")

    with pytest.raises(OSError) as refused:
        write_atomic(target, "<p>x</p>")

    assert refused.value.filename == str(target)
    assert isinstance(refused.value, FileNotFoundError)


def test_a_pipe_or_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    """-o /dev/stdout, -o >(gzip > post.gz): renamed over, /dev/null would become a file."""
    (tmp_path / "out").mkdir()
    fifo = tmp_path / "out" / "post.fifo"
    with fifo_read(fifo) as received:
        write_atomic(fifo, "<p>Café</p>\n")

    assert received == ["<p>Café</p>\n".encode()]
    assert fifo.is_fifo()
    assert [p.name for p in fifo.parent.iterdir()] == ["post.fifo"]  # no temporary left


def test_a_link_keeps_naming_its_file(tmp_path: Path) -> None:
    """The host's link (latest.html -> posts/gilles.html) stays a link; its file is replaced."""
    (tmp_path / "posts").mkdir()
    target = write(tmp_path / "posts" / "gilles.html", "old")
    link = tmp_path / "latest.html"
    link.symlink_to(Path("posts") / "gilles.html")

    write_atomic(link, "new")

    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "next.html"
    dangling.symlink_to(Path("posts") / "marie.html")
    write_atomic(dangling, "marie")
    assert dangling.is_symlink()
    assert (tmp_path / "posts" / "marie.html").read_text(encoding="utf-8") == "marie"


def test_values_nested_too_deeply_are_a_message(tmp_path: Path) -> None:
    from jeudis.errors import FileProblem
    from jeudis.tomlio import parse_toml

    text = "deep = " + "[" * 1000 + "]" * 1000 + "\n"
    with pytest.raises(FileProblem, match="nested too deeply"):
        parse_toml(text, tmp_path / "x.toml")


@pytest.mark.parametrize("where", ["head", "answers"])
@pytest.mark.parametrize("opening", ["[", "{a = "])
def test_an_interview_nested_past_the_fast_parser_is_a_message(
    series: Path, where: str, opening: str
) -> None:
    """toml-rs ends in a segfault on values 5,000 deep: such a file is told, not a crash.

    Run as its own process: a segfault would end pytest, not fail the test.
    """
    import subprocess
    import sys

    from export_helpers import copy_example

    path = interview_files(copy_example(series))[0]
    closing = "]" if opening == "[" else " }"
    deep = "deep = " + opening * 10_000 + "1" + closing * 10_000 + "\n"
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n[") + 1 if where == "head" else len(text)
    path.write_text(text[:cut] + deep + text[cut:], encoding="utf-8")
    jeudis = Path(sys.executable).parent / "jeudis"

    for command in (["export", "--all", "-o", str(series / "site")], ["check"]):
        done = subprocess.run(
            [jeudis, *command], cwd=series, capture_output=True, text=True, check=False
        )
        told = done.stdout + done.stderr
        assert done.returncode in (4, 5), (command, done.returncode, told)
        assert re.search(rf"{path.name}: (error: )?invalid TOML: values nested too deeply", told)
        assert "Traceback" not in told


def test_an_empty_output_name_is_refused_as_empty(invoke: Invoke, series: Path) -> None:
    """It said the current folder "is a folder, not a file": -o "$OUT" with OUT unset."""
    result = invoke("sheet", "twitter", "--guest", "Ana Bel", "-o", "")
    assert result.exit_code == 2, result
    assert result.stderr.startswith("error: -o: empty\n")
    assert "Traceback" not in result.output


def test_a_fifo_among_the_series_files_blocks_nothing(series: Path, invoke: Invoke) -> None:
    """Opened, a FIFO would wait for a writer for ever: it is no questionnaire or interview."""
    os.mkfifo(series / "questionnaires" / "zz.toml")
    os.mkfifo(series / "interviews" / "zz.toml")

    for command in (["questionnaires"], ["list"]):
        result = invoke(*command)
        assert result.exit_code == 0, (command, result)
    # check reads neither, and says so: a questionnaire there was passed over in silence.
    checked = invoke("check")
    assert checked.exit_code == 5, checked
    for folder in ("questionnaires", "interviews"):
        assert f"{series / folder / 'zz.toml'}: error: is a pipe, not a file" in checked.stdout


def test_check_says_a_questionnaire_that_is_a_folder(series: Path, invoke: Invoke) -> None:
    """Its interviews were told it "does not read", and check passed, saying no more."""
    (series / "questionnaires" / "livre.toml").mkdir()
    checked = invoke("check")
    assert checked.exit_code == 5, checked
    assert f"{series / 'questionnaires' / 'livre.toml'}: error: is a folder" in checked.stdout


def test_a_fifo_among_the_interviews_blocks_no_site_export(series: Path) -> None:
    """A process of its own, with a time limit: blocked, it would hang the test run."""
    import subprocess
    import sys

    from export_helpers import make_interview

    make_interview(series, "laurent")
    os.mkfifo(series / "interviews" / "zz.toml")
    jeudis = Path(sys.executable).parent / "jeudis"

    for extra in ([], ["-f", "wxr"], ["-f", "md"]):
        done = subprocess.run(
            [jeudis, "export", "--all", *extra, "-o", f"out{''.join(extra)}"],
            cwd=series,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, (extra, done.stderr)
        assert "zz" not in done.stderr


def test_a_fifo_in_place_of_an_exported_page_is_refused_not_read(series: Path) -> None:
    """Read to compare with what was written, a FIFO would wait for a writer for ever."""
    import subprocess
    import sys

    from export_helpers import make_interview

    make_interview(series, "laurent")
    jeudis = Path(sys.executable).parent / "jeudis"
    run = [jeudis, "export", "--all", "-o", "out"]
    assert subprocess.run(run, cwd=series, capture_output=True, check=False).returncode == 0
    (series / "out" / "laurent.html").unlink()
    os.mkfifo(series / "out" / "laurent.html")
    make_interview(series, "laurent", guest="Laurent Flores-Martin")  # changed: written again

    done = subprocess.run(run, cwd=series, capture_output=True, text=True, timeout=60, check=False)

    assert done.returncode == 1, done.stderr
    assert "laurent.html: changed by hand since jeudis wrote it; nothing written" in done.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["export", "laurent"],
        ["sheet", "livre", "--guest", "Ana", "--host", "Paul", "-F", "book_title=Mer"],
    ],
)
def test_dev_stdout_redirected_to_a_file_is_written_every_time(
    series: Path, tmp_path: Path, command: list[str]
) -> None:
    """-o /dev/stdout > post.html: the shell's file is no export's to refuse or record."""
    import subprocess
    import sys

    from export_helpers import make_interview

    make_interview(series, "laurent")
    jeudis = Path(sys.executable).parent / "jeudis"
    post = tmp_path / "post.out"
    for _ in range(2):  # the second time, the file is there: still the shell's
        with post.open("w", encoding="utf-8") as shell_file:
            done = subprocess.run(
                [jeudis, *command, "-o", "/dev/stdout"],
                cwd=series,
                stdout=shell_file,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        assert done.returncode == 0, done.stderr
        assert post.read_text(encoding="utf-8").startswith(("<!DOCTYPE html>", "<!-- jeudis-sheet"))
        assert "jeudis import" not in done.stderr  # a stream is nothing to import later


def test_what_is_a_stream() -> None:
    from jeudis.files import is_stream

    assert is_stream(Path("/dev/stdout"))  # a link to whatever the shell gave
    assert is_stream(Path("/dev/null"))  # a device
    assert not is_stream(Path("/dev/shm/post.html"))  # a file of a memory folder: a file
    assert not is_stream(Path("/dev/shm"))  # a folder: writing there says so


@pytest.mark.parametrize(
    ("record", "command"),
    [
        ("summaries.json", ["list"]),
        ("exports.json", ["export", "gilles-klein", "-o", "post.html"]),
        ("wordpress.json", ["export", "gilles-klein", "-f", "wxr", "-o", "post.xml"]),
    ],
)
def test_a_link_in_the_cache_folder_is_replaced_never_followed(
    series: Path, tmp_path: Path, invoke: Invoke, record: str, command: list[str]
) -> None:
    """A cache file linked elsewhere would have jeudis write outside the series folder."""
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    interview.status = "complete"
    storage.save(interview)
    victim = write(tmp_path / "victim.txt", "mine\n")
    (series / ".jeudis-cache").mkdir()
    (series / ".jeudis-cache" / record).symlink_to(victim)

    result = invoke(*command)

    assert result.exit_code == 0, result
    assert victim.read_text(encoding="utf-8") == "mine\n"
    assert not (series / ".jeudis-cache" / record).is_symlink()


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_cache_folder_that_is_a_link_or_a_file_is_not_used(
    series: Path, tmp_path: Path, invoke: Invoke, kind: str
) -> None:
    interview = new_interview()
    interview.path = series / "interviews" / "gilles-klein.toml"
    interview.status = "complete"
    storage.save(interview)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if kind == "link":
        (series / ".jeudis-cache").symlink_to(elsewhere)
    else:
        write(series / ".jeudis-cache", "not a folder\n")

    for command in (["list"], ["export", "gilles-klein", "-o", "post.html"], ["export", "--all"]):
        result = invoke(*command)
        assert result.exit_code == 0, result
    assert list(elsewhere.iterdir()) == []
    assert (tmp_path / "post.html").is_file()


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("loop.toml", "cannot be read (Too many levels of symbolic links)"),
        ("gone.toml", "a link to gone.toml, which is not there"),
    ],
    ids=["loop", "dangling"],
)
def test_a_link_in_interviews_that_leads_nowhere_is_a_broken_interview(
    series: Path, invoke: Invoke, target: str, problem: str
) -> None:
    """Said where a broken file is said, and in the way of no command that does not need it."""
    from export_helpers import make_interview

    make_interview(series, "laurent")
    (series / "interviews" / "loop.toml").symlink_to(target)

    checked = invoke("check")
    assert checked.exit_code == 5, checked
    assert f"{series / 'interviews' / 'loop.toml'}: error: {problem}" in checked.stdout
    listed = invoke("list")
    assert listed.exit_code == 0, listed
    assert re.search(r"^loop +\? +\? +broken", listed.stdout, re.MULTILINE), listed.stdout
    for command in (
        ["show", "laurent"],
        ["export", "laurent"],
        ["compare", "livre", "-q", "motivation"],
    ):
        result = invoke(*command)
        assert result.exit_code == 0, result
    resumed = invoke("resume")
    assert "no draft" in resumed.stderr and "symbolic" not in resumed.output, resumed
    everything = invoke("export", "--all")
    assert everything.exit_code == 4, everything
    assert everything.stderr.startswith(f"error: {series / 'interviews' / 'loop.toml'}: {problem}")


HAND_BROKEN = {
    "unknown-key": (
        'id = "depuis-quand"\n',
        'id = "depuis-quand"\nansw = 1\n',
        "answers[0].answ: unknown key 'answ' in an answer (did you mean 'answer'?)",
    ),
    "duplicate-id": (
        'id = "followers"\n',
        'id = "depuis-quand"\n',
        "answers[1].id: duplicate answer id 'depuis-quand'",
    ),
    "table": (
        'answer = "2 980"\n',
        "answer = {a = 1}\n",
        "answers[1].answer: 'answer' must be a string, not a table",
    ),
    "list": (
        'answer = "2 980"\n',
        'answer = ["2", "980"]\n',
        "answers[1].answer: 'answer' must be a string, not an array",
    ),
    "true": (
        'answer = "2 980"\n',
        "answer = true\n",
        "answers[1].answer: 'answer' must be a string, not true or false",
    ),
    # The interview's id, the texts a pause kept, the file's format and its header.
    "id": (
        "format = 1\n",
        'format = 3\nid = "8a364b54-f2d8-40f3-83a8-709a81c80bdX"\n',
        "id: id must be a UUID, as jeudis writes it, not '8a364b54-f2d8-40f3-83a8-709a81c80bdX'",
    ),
    "pending-twice": (
        "[fields]\n",
        '[[pending]]\nid = "apport"\ntext = "a"\n\n[[pending]]\nid = "apport"\ntext = "b"\n\n[fields]\n',
        "pending[1].id: duplicate pending id 'apport'",
    ),
    "pending-key": (
        "[fields]\n",
        '[[pending]]\nid = "apport"\ntexte = "a"\n\n[fields]\n',
        "pending[0].texte: unknown key 'texte' in a pending text (did you mean 'text'?)",
    ),
    "pending-ticked": (
        "[fields]\n",
        '[[pending]]\nid = "apport"\nticked = ["a", 1]\n\n[fields]\n',
        "pending[0].ticked: 'ticked' must be an array of strings",
    ),
    "newer": ("format = 1\n", "format = 4\n", "format: written by a newer jeudis (format 4)"),
    "style": (
        'style = "numbered"\n',
        'style = "dialog"\n',
        "style: style must be one of numbered, dialogue, plain, not 'dialog'",
    ),
}


@pytest.mark.parametrize("damage", HAND_BROKEN.values(), ids=HAND_BROKEN.keys())
def test_list_marks_a_file_edited_into_what_show_refuses_as_broken(
    series: Path, invoke: Invoke, damage: tuple[str, str, str]
) -> None:
    """It said 'complete 13/13' (read fast, answers unchecked), even from a listing cached
    before the edit, while show and export refused the file."""
    from export_helpers import copy_example

    copy_example(series)
    path = series / "interviews" / "amelie-roux.toml"
    assert invoke("list").exit_code == 0  # cached while it was sound
    before, after, problem = damage
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")

    listed = invoke("list")

    assert listed.exit_code == 0, listed
    assert re.search(r"^amelie-roux +\? +\? +broken", listed.stdout, re.MULTILINE), listed.stdout
    [summary] = [s for s in listing.summaries(series_at()) if s.slug == "amelie-roux"]
    assert summary.problem.endswith(problem), summary.problem
    shown = invoke("show", "amelie-roux")
    assert shown.exit_code == 4 and problem in shown.stderr


@pytest.mark.parametrize("command", [["export", "amelie-roux"], ["export", "--all"]])
def test_export_refuses_an_answer_no_question_takes(
    series: Path, invoke: Invoke, command: list[str]
) -> None:
    """A table was published as the list 'a : 1' (exit 0) while check refused it."""
    from export_helpers import copy_example

    copy_example(series)
    path = series / "interviews" / "amelie-roux.toml"
    text = path.read_text(encoding="utf-8").replace('answer = "2 980"\n', "answer = {a = 1}\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("answer = {a = 1}") + 1

    result = invoke(*command)

    assert result.exit_code == 4, result
    assert result.stderr.startswith(
        f"error: {path}:{line}: answers[1].answer: 'answer' must be a string, not a table\n"
    )
    assert "a : 1" not in result.output


def test_a_new_interview_where_interviews_is_a_file_says_so(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """It said "File exists: .../interviews", where list says what is wrong."""
    from support import ANSWERS_TOML

    shutil.rmtree(series / "interviews", ignore_errors=True)
    (series / "interviews").write_text("", encoding="utf-8")
    data = write(tmp_path / "answers.toml", ANSWERS_TOML)
    made = invoke("new", "twitter", "--guest", "Zoé Roy", "--data-file", data)
    assert made.exit_code == 4, made
    assert made.stderr.startswith(f"error: {series / 'interviews'}: is a file, not a folder")


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path: path.mkdir(), "is a folder, not a file"),
        (lambda path: os.mkfifo(path), "is a pipe, not a file"),
        (lambda path: path.symlink_to(path), "cannot be read"),  # a loop
    ],
    ids=["folder", "pipe", "loop"],
)
def test_an_interview_name_that_is_no_file_is_said_as_it_is(
    series: Path, invoke: Invoke, make: Any, said: str
) -> None:
    """It was "no interview 'x'", and for a loop "did you mean x?", the name typed."""
    path = series / "interviews" / "x.toml"
    path.parent.mkdir(exist_ok=True)
    make(path)
    for ref in ("x", str(path)):
        for command in (["show", ref], ["resume", ref], ["export", ref]):
            result = invoke(*command)
            assert result.exit_code == 4, (command, result)
            assert result.stderr.startswith(f"error: {path}: {said}"), (command, result)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows removes no open file")
def test_a_lock_let_go_between_its_opening_and_its_locking_is_taken_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session opened the lock file, the session holding it let go (removing it),
    then the first locked the removed file: a third made a new one and locked it too,
    two sessions on one interview."""
    path = tmp_path / "x.toml"
    path.touch()
    holder = contextlib.ExitStack()
    holder.enter_context(storage.session_lock(path))
    opened = storage._refuse_opened

    def let_go_meanwhile(fd: int, lock_path: Path) -> None:
        opened(fd, lock_path)
        holder.close()  # the first time: the holder's session ends just now

    monkeypatch.setattr(storage, "_refuse_opened", let_go_meanwhile)
    with storage.session_lock(path):
        monkeypatch.setattr(storage, "_refuse_opened", opened)
        with pytest.raises(InterviewLocked), storage.session_lock(path):
            pass
