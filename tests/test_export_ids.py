"""A post's id in the feed and in WordPress's import never changes (RFC 4287 4.2.6):
not with a new ``base_url``, nor with the guest's name corrected; and no two
interviews share one, not even two of the same guest."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tomllib
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from export_helpers import copy_example
from jeudis.errors import FileProblem
from jeudis.interview import derived_id, new_id
from jeudis.interview_reading import interview_from_toml, load_interview
from support import AGAIN_TOML, ANSWERS_TOML, Invoke, write

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_ids(invoke: Invoke, series: Path) -> dict[str, str]:
    """``export --all``, then each feed entry's id by its title; the feed's own as ``""``."""
    result = invoke("export", "--all")
    assert result.exit_code == 0, result
    feed = ET.parse(series / "site" / "feed.xml").getroot()
    ids = {
        e.findtext(f"{ATOM}title") or "": e.findtext(f"{ATOM}id") or ""
        for e in feed.iter(f"{ATOM}entry")
    }
    return {"": feed.findtext(f"{ATOM}id") or "", **ids}


def guids(invoke: Invoke) -> dict[str, str]:
    """Each WordPress item's guid by its ``wp:post_name``."""
    result = invoke("export", "--all", "-f", "wxr", "-o", "-")
    assert result.exit_code == 0, result
    wp = "{http://wordpress.org/export/1.2/}"
    items = ET.fromstring(result.stdout).iter("item")
    return {i.findtext(f"{wp}post_name") or "": i.findtext("guid") or "" for i in items}


def new(invoke: Invoke, guest: str, answers: str = ANSWERS_TOML) -> Path:
    result = invoke("new", "twitter", "--guest", guest, "--data-file", "-", input=answers)
    assert result.exit_code == 0, result
    return Path(result.stdout.split("Saved: ", 1)[1].split("\n", 1)[0])


def test_a_new_base_url_keeps_every_id(invoke: Invoke, series: Path) -> None:
    copy_example(series)
    before, wxr = feed_ids(invoke, series), guids(invoke)
    settings = series / "jeudis.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("https://blog.example.org/", "https://jeudis.example.net/blog/"),
        encoding="utf-8",
    )

    after = feed_ids(invoke, series)

    assert after == before
    assert guids(invoke) == wxr
    assert len(set(before.values())) == len(before) == 5  # the feed's, and four posts'
    assert all(i.startswith("urn:uuid:") for i in before.values())
    assert set(wxr.values()) == set(before.values()) - {before[""]}  # one id per post
    assert "jeudis.example.net" in (series / "site" / "feed.xml").read_text(encoding="utf-8")


def rename_blog(series: Path, name: str, address: str) -> None:
    settings = series / "jeudis.toml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('"Le carnet des Jeudis"', f'"{name}"')
    settings.write_text(text.replace("https://blog.example.org/", address), encoding="utf-8")


# The feed's id a reader subscribed to the example series before the blog's name could
# change without changing it: made of the name, as jeudis made it.
EXAMPLE_FEED_ID = "urn:uuid:d7a1b576-73af-5aa6-a59c-d39fc3a7ad10"


def test_a_blog_renamed_keeps_its_feeds_id_and_every_entrys(invoke: Invoke, series: Path) -> None:
    """Renaming the blog gave the feed a new id: a feed reader took it for another feed.
    A series' first export since keeps the id its readers know."""
    copy_example(series)
    before = feed_ids(invoke, series)
    assert before[""] == EXAMPLE_FEED_ID
    rename_blog(series, "Les Jeudis de Nina", "https://nina.example.net/")

    after = feed_ids(invoke, series)

    assert after == before
    assert "nina.example.net" in (series / "site" / "feed.xml").read_text(encoding="utf-8")


def test_a_feed_id_in_the_settings_is_the_feeds_whatever_its_name_and_its_site(
    invoke: Invoke, series: Path
) -> None:
    """A site built afresh (a CI's) has no feed of before to keep the id of: the id
    recorded in jeudis.toml (which jeudis init writes) is the feed's."""
    copy_example(series)
    settings = series / "jeudis.toml"
    recorded = "tag:blog.example.org,2011:jeudis"
    settings.write_text(
        settings.read_text(encoding="utf-8") + f'feed_id = "{recorded}"\n', encoding="utf-8"
    )
    before = feed_ids(invoke, series)
    assert before[""] == recorded
    rename_blog(series, "Les Jeudis de Nina", "https://nina.example.net/")
    shutil.rmtree(series / "site")

    assert feed_ids(invoke, series) == before


def test_init_records_a_feed_id_that_a_new_name_leaves_alone(
    invoke: Invoke, tmp_path: Path
) -> None:
    folder = tmp_path / "mardis"
    assert invoke("init", folder, "--blog", "Les Mardis").exit_code == 0
    recorded = tomllib.loads((folder / "jeudis.toml").read_text(encoding="utf-8"))["feed_id"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", recorded)
    assert uuid.UUID(recorded.removeprefix("urn:uuid:")).version == 4
    result = invoke("export", "--all", "-C", folder)
    assert result.exit_code == 0, result
    feed = ET.parse(folder / "site" / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}id") == recorded


def test_check_refuses_a_feed_id_that_is_no_uri(invoke: Invoke, series: Path) -> None:
    write(series / "jeudis.toml", 'blog = "Les Jeudis"\nfeed_id = "les jeudis"\n')
    result = invoke("check")
    assert result.exit_code == 5  # a problem found
    assert f"{series / 'jeudis.toml'}:2: error: feed_id must be a URI" in result.output


def test_the_guest_renamed_keeps_the_id(invoke: Invoke, series: Path) -> None:
    new(invoke, "Gilles Klien")
    (entry_id,) = [i for title, i in feed_ids(invoke, series).items() if title]
    (guid,) = guids(invoke).values()

    assert invoke("edit", "gilles-klien", "--guest", "Gilles Klein").exit_code == 0

    after = feed_ids(invoke, series)
    assert after["Interview Twitter de Gilles Klein [Les Jeudis Twitter]"] == entry_id
    assert guids(invoke) == {"gilles-klein": guid}
    assert guid == entry_id


def test_a_file_from_before_ids_keeps_its_id_once_renamed(invoke: Invoke, series: Path) -> None:
    """The example files have no ``id``: theirs is made of what they record from the
    start, and written into the file at the rename, before its name changes."""
    copy_example(series)
    before = guids(invoke)
    assert "\nid =" not in (series / "interviews" / "amelie-roux.toml").read_text().split("[")[0]

    assert invoke("edit", "amelie-roux", "--guest", "Amélie Rousseau").exit_code == 0

    after = guids(invoke)
    assert after["amelie-rousseau"] == before["amelie-roux"]
    assert "amelie-roux" not in after
    text = (series / "interviews" / "amelie-rousseau.toml").read_text(encoding="utf-8")
    assert f'id = "{before["amelie-roux"].removeprefix("urn:uuid:")}"' in text
    assert text.startswith("format = 3\n")


def test_two_interviews_of_one_guest_have_two_ids(invoke: Invoke, series: Path) -> None:
    """Made in the same second (a script running ``new --data-file``), of one guest."""
    first, second = new(invoke, "Gilles Klein"), new(invoke, "Gilles Klein", AGAIN_TOML)
    assert (first.name, second.name) == ("gilles-klein.toml", "gilles-klein-2.toml")
    ids = guids(invoke)
    assert len(set(ids.values())) == 2
    # And two files from before ids were, made in the same second too (said so here:
    # the two commands may straddle a second on a busy machine).
    created = re.search(r"^created = .*$", first.read_text(encoding="utf-8"), re.MULTILINE)
    assert created is not None
    for path in (first, second):
        text = re.sub(
            r'^id = ".*"\n', "", path.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE
        )
        path.write_text(
            re.sub(r"^created = .*$", created.group(), text, count=1, flags=re.MULTILINE),
            encoding="utf-8",
        )
        assert load_interview(path).id != load_interview(first if path == second else second).id
    assert load_interview(first).created == load_interview(second).created
    derived = guids(invoke)
    assert len(set(derived.values())) == 2 and not set(derived.values()) & set(ids.values())


def test_an_id_is_written_once_and_kept(invoke: Invoke, series: Path, tmp_path: Path) -> None:
    """A file from before ids gets, at its next save, the id its exports had: the same."""
    copy_example(series)
    path = series / "interviews" / "claire-fontaine.toml"
    derived = load_interview(path).id
    answer = write(tmp_path / "a.txt", "Depuis 2009.\n")

    assert invoke("edit", "claire-fontaine", "-q", "1", "--answer-file", answer).exit_code == 0

    assert f'id = "{derived}"' in path.read_text(encoding="utf-8")
    assert load_interview(path).id == derived


def test_ids_are_uuids() -> None:
    made = new_id()
    assert uuid.UUID(made).version == 4 and str(uuid.UUID(made)) == made
    assert new_id() != made
    created = dt.datetime(2011, 3, 10, 9, tzinfo=dt.UTC)
    derived = uuid.UUID(derived_id("twitter", "gilles-klein", created))
    namespace = uuid.UUID("8c1f5a52-d6c9-4b0e-9b5e-3f7a2d41c0e6")
    assert derived == uuid.uuid5(namespace, f"twitter/gilles-klein/{created.isoformat()}")
    later = created.astimezone(dt.timezone(dt.timedelta(hours=2)))  # the same moment
    assert derived_id("twitter", "gilles-klein", later) == str(derived)
    assert derived_id("twitter", "gilles-klein-2", created) != str(derived)


def test_an_id_edited_into_no_uuid_is_refused(tmp_path: Path) -> None:
    text = (
        'format = 3\nid = "gilles"\nquestionnaire = "twitter"\ntitle = "T"\nslug = "g"\n'
        'guest = "G"\nregister = "tu"\ndate = 2011-03-10\nstatus = "draft"\n'
        "created = 2011-03-10 09:00:00+00:00\n"
    )
    try:
        interview_from_toml(text, tmp_path / "g.toml")
    except FileProblem as problem:
        assert problem.line == 2
        assert problem.reason == "id must be a UUID, as jeudis writes it, not 'gilles'"
    else:
        raise AssertionError("an id that is no UUID was read")
    upper = text.replace('"gilles"', '"8C1F5A52-D6C9-4B0E-9B5E-3F7A2D41C0E6"')
    assert interview_from_toml(upper, tmp_path / "g.toml").id == (
        "8c1f5a52-d6c9-4b0e-9b5e-3f7a2d41c0e6"
    )


def test_check_warns_of_a_file_copied_with_its_id(invoke: Invoke, series: Path) -> None:
    """A host who copies an interview to start the next one copies its id too."""
    first = new(invoke, "Gilles Klein")
    copy = first.with_name("isabelle-mathieu.toml")
    copy.write_text(
        first.read_text(encoding="utf-8").replace("Gilles Klein", "Isabelle Mathieu"),
        encoding="utf-8",
    )

    result = invoke("check")

    assert result.stdout.splitlines()[0] == (
        f"{copy}:2: warning: id: the same id as gilles-klein.toml: a feed reader would take"
        " the two posts for one"
    )
    hint = result.stdout.splitlines()[1]
    assert re.fullmatch(r'  hint: give this one an id of its own: id = "[0-9a-f-]{36}", say', hint)
    fresh = hint.split('"')[1]
    copy.write_text(
        re.sub(r'^id = ".*"$', f'id = "{fresh}"', copy.read_text(), count=1, flags=re.MULTILINE)
    )
    assert "same id" not in invoke("check").stdout


# A site as jeudis wrote it before interviews had ids (its manifest and its feed), of
# the example series with and without a base_url: each entry's id was its address, or
# without one a tag: URI.
BEFORE_IDS = Path(__file__).parent / "upgrade"


def entry_ids(feed: Path) -> dict[str, str]:
    """Each feed entry's id by its page."""
    entries = ET.parse(feed).getroot().iter(f"{ATOM}entry")
    return {
        next(link.get("href") or "" for link in e.iter(f"{ATOM}link")): e.findtext(f"{ATOM}id")
        or ""
        for e in entries
    }


def site_before_ids(series: Path, old: str) -> dict[str, str]:
    """The example series, its site as jeudis wrote it before ids (``old``: its feed's
    ids addresses, or without a base_url tag: URIs); the feed's entries' ids."""
    copy_example(series)
    if old == "feed-of-tags":
        settings = series / "jeudis.toml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(
            text.replace('base_url = "https://blog.example.org/"\n', ""), encoding="utf-8"
        )
    shutil.copytree(BEFORE_IDS / old, series / "site")
    return entry_ids(series / "site" / "feed.xml")


@pytest.mark.parametrize("old", ["feed-of-addresses", "feed-of-tags"])
def test_a_feed_written_before_ids_keeps_its_entries_ids(
    invoke: Invoke, series: Path, old: str
) -> None:
    """On the upgrade, every entry took the interview's id, and a feed reader showed
    every post of the feed again as new. Each keeps the id its readers know; a post
    published since has the interview's."""
    before = site_before_ids(series, old)
    assert len(before) == 4
    new(invoke, "Gilles Klein")

    assert invoke("export", "--all").exit_code == 0

    after = entry_ids(series / "site" / "feed.xml")
    assert after["gilles-klein.html"].startswith("urn:uuid:")
    assert {page: i for page, i in after.items() if page != "gilles-klein.html"} == before
    assert invoke("export", "--all").exit_code == 0
    assert entry_ids(series / "site" / "feed.xml") == after
    # Through a rename since, as the post's own id would have held.
    assert invoke("edit", "amelie-roux", "--guest", "Amélie Rousseau").exit_code == 0
    assert invoke("export", "--all").exit_code == 0
    renamed = entry_ids(series / "site" / "feed.xml")
    assert renamed.pop("amelie-rousseau.html") == after.pop("amelie-roux.html")
    assert renamed == after


@pytest.mark.parametrize("old", ["feed-of-addresses", "feed-of-tags"])
def test_an_entry_keeps_its_id_of_before_ids_when_its_post_is_dated_anew(
    invoke: Invoke, series: Path, old: str
) -> None:
    """A tag: URI says the post's date: the post dated anew (edit --date) after the
    upgrade took a new id, and a reader showed it again as new."""
    before = site_before_ids(series, old)
    assert invoke("export", "--all").exit_code == 0

    assert invoke("edit", "claire-fontaine", "--date", "2011-04-01").exit_code == 0
    assert invoke("export", "--all").exit_code == 0

    assert entry_ids(series / "site" / "feed.xml") == before
