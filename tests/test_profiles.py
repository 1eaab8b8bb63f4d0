"""Reading a guest's handles from what a host types or pastes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeudis.profiles import NETWORKS, Profile, bluesky, mastodon, twitter


@pytest.mark.parametrize(
    ("read", "typed", "expected"),
    [
        (twitter, " @gklein ", Profile("gklein", "https://x.com/gklein")),
        (twitter, "https://x.com/gklein?lang=fr", Profile("gklein", "https://x.com/gklein")),
        (twitter, "www.twitter.com/@gklein", Profile("gklein", "https://x.com/gklein")),
        (twitter, "@much_too_long_handle", None),
        (twitter, "https://x.com/gklein/status/1", None),  # a post, not the profile
        (mastodon, "ines@piaille.fr", Profile("ines@piaille.fr", "https://piaille.fr/@ines")),
        (
            mastodon,
            "@Ines_B@Mastodon.Social",
            Profile("Ines_B@mastodon.social", "https://mastodon.social/@Ines_B"),
        ),
        (
            mastodon,
            "https://pixelfed.social/@ines/",
            Profile("ines@pixelfed.social", "https://pixelfed.social/@ines"),
        ),
        (
            mastodon,
            "@ines@café.social",
            Profile("ines@café.social", "https://xn--caf-dma.social/@ines"),
        ),
        (mastodon, "@ines", None),
        (mastodon, "ines@localhost", None),
        (mastodon, "https://piaille.fr/@ines/11223344", None),  # a post
        (
            bluesky,
            "@Ines.bsky.social",
            Profile("ines.bsky.social", "https://bsky.app/profile/ines.bsky.social"),
        ),
        (
            bluesky,
            "bsky.app/profile/ines.example",
            Profile("ines.example", "https://bsky.app/profile/ines.example"),
        ),
        (bluesky, "ines", None),
        (bluesky, "ines@bsky.social", None),  # an address, or a fediverse handle
    ],
)
def test_a_handle_is_read_from_what_a_host_types(
    read: Callable[[str], Profile | None], typed: str, expected: Profile | None
) -> None:
    assert read(typed) == expected


@given(st.sampled_from(sorted(NETWORKS)), st.text())
def test_whatever_is_typed_no_profile_leads_off_its_network(network: str, typed: str) -> None:
    """A page puts the address in an ``href`` and the handle in its text: neither may
    hold a quote, a space or a mark of markup, whatever an edited file holds."""
    found = NETWORKS[network][1](typed)
    if found is None:
        return
    assert re.fullmatch(r"[\w.@-]+", found.handle)  # letters of any alphabet: café.social
    assert re.fullmatch(r"https://[a-z0-9.-]+/[A-Za-z0-9_.@/-]+", found.url)


@given(st.from_regex(r"[A-Za-z0-9_]{1,20}@(?:[a-z0-9]{1,10}\.){1,3}[a-z]{2,6}", fullmatch=True))
def test_every_whole_fediverse_handle_is_read_back_from_its_profile(typed: str) -> None:
    found = mastodon(typed)
    assert found is not None and mastodon(found.url) == found
