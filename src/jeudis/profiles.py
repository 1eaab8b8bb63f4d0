"""A guest's social profiles, from the fields the host fills in: ``twitter``,
``mastodon`` (any fediverse account) and ``bluesky``.

Each is read from what a host types or pastes, a handle or the profile's address,
and gives the handle as a post shows it and the profile's address. What is none of
them (a hand edit's "voir son blog") gives nothing: a post leaves it out, and
``jeudis check`` says so.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A domain name: labels of letters (any alphabet's: café.social), digits and hyphens,
# a top level of letters (punycode's xn-- included).
_DOMAIN = r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[A-Za-z0-9-]{1,59})"

_TWITTER = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_TWITTER_URL = re.compile(
    r"(?:https?://)?(?:www\.|mobile\.)?(?:x|twitter)\.com/@?([A-Za-z0-9_]{1,15})/?(?:[?#].*)?",
    re.IGNORECASE,
)
# A fediverse account: @user@host, or its address, https://host/@user (Mastodon's,
# Pixelfed's, GoToSocial's, ...). Users of letters, digits, _ . and - (Mastodon's
# are letters, digits and _; others allow more).
_FEDIVERSE = re.compile(rf"@?([A-Za-z0-9_][A-Za-z0-9_.-]{{0,63}})@({_DOMAIN})")
_FEDIVERSE_URL = re.compile(
    rf"https?://({_DOMAIN})/@([A-Za-z0-9_][A-Za-z0-9_.-]{{0,63}})/?(?:[?#].*)?"
)
_BLUESKY = re.compile(rf"@?({_DOMAIN})")
_BLUESKY_URL = re.compile(
    rf"(?:https?://)?bsky\.app/profile/@?({_DOMAIN})/?(?:[?#].*)?", re.IGNORECASE
)


class Profile(NamedTuple):
    """A profile on one network: its handle without the first @ (``ines@piaille.fr``,
    shown ``@ines@piaille.fr``) and its address."""

    handle: str
    url: str


def twitter(value: str) -> Profile | None:
    """A Twitter (X) profile: ``@pseudo``, ``pseudo`` or ``https://x.com/pseudo``."""
    value = value.strip()
    found = _TWITTER.fullmatch(value) or _TWITTER_URL.fullmatch(value)
    if not found:
        return None
    name = found.group(1)
    return Profile(name, f"https://x.com/{name}")


def mastodon(value: str) -> Profile | None:
    """A fediverse profile: ``@ines@piaille.fr`` or ``https://piaille.fr/@ines``."""
    value = value.strip()
    if found := _FEDIVERSE.fullmatch(value):
        user, host = found.groups()
    elif found := _FEDIVERSE_URL.fullmatch(value):
        host, user = found.groups()
    else:
        return None
    host = host.lower()
    try:  # a server of letters beyond ASCII (café.social): its address, as browsers write it
        address = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return Profile(f"{user}@{host}", f"https://{address}/@{user}")


def bluesky(value: str) -> Profile | None:
    """A Bluesky profile: ``@ines.bsky.social``, a handle of one's own domain
    (``@ines.example``), or ``https://bsky.app/profile/ines.bsky.social``."""
    value = value.strip()
    found = _BLUESKY_URL.fullmatch(value) or _BLUESKY.fullmatch(value)
    if not found:
        return None
    handle = found.group(1).lower()
    if not handle.isascii():  # Bluesky's handles are ASCII (IDNs as xn--)
        return None
    return Profile(handle, f"https://bsky.app/profile/{handle}")


# The fields read as profiles, in the order a post lists them, by the network's name
# as a post shows it.
NETWORKS = {
    "twitter": ("Twitter", twitter),
    "mastodon": ("Mastodon", mastodon),
    "bluesky": ("Bluesky", bluesky),
}
