"""The base address a generator's site is built for, against ``jeudis.toml``'s ``base_url``.

Hugo's, Jekyll's and Zola's posts link the guest's photo from the site's root, under
``base_url``'s path (``/blog/images/…``). A site whose own configuration names another
path serves the photo elsewhere: every photo a 404, and nothing said. Only the path
matters to what jeudis writes there: the host and scheme may differ (a staging
domain), for no address in those posts names them. Pelican's and MkDocs's posts link
the photo their generator's way (``{static}/``, relative), whatever either address.

Read with the standard library: TOML and JSON whole, YAML a top-level line of the key
alone. A file that does not read, or a key that is not there, says nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# The key naming the site's address in each generator's configuration.
_KEYS = {"hugo": "baseURL", "jekyll": "baseurl", "zola": "base_url"}


def generator_address(root: Path, flavor: str) -> tuple[Path, str, str] | None:
    """The configuration file of ``flavor``'s site at ``root``, the base address it
    names (as written) and that address's path (``/blog/``, ``/``); None if unsaid."""
    from jeudis.export import SITE_MARKERS

    key = _KEYS.get(flavor)
    names = SITE_MARKERS.get(flavor, ())  # in the order the generator reads them
    found = next((root / name for name in names if (root / name).is_file()), None)
    if key is None or found is None:
        return None
    address = _value(found, key, any_case=flavor == "hugo")  # Hugo's keys ignore case
    if flavor == "jekyll" and address is not None:
        # baseurl is the path. Unset, it is not the root: GitHub Pages sets /REPOSITORY.
        under = address.strip("/")
        address = (_value(found, "url") or "").rstrip("/") + (f"/{under}" if under else "/")
    if not address:
        return None
    return found, address, url_path(address)


def url_path(address: str) -> str:
    """The path an address serves a site under, as ``/blog/``; ``/`` at the root."""
    parts = urlsplit(address).path.strip("/")
    return f"/{parts}/" if parts else "/"


def mismatch(root: Path, flavor: str, base_url: str, settings: Path) -> str | None:
    """A warning when ``flavor``'s site at ``root`` is served under another path than
    ``base_url`` (``settings``: the file naming it), for the photos its posts link."""
    found = generator_address(root, flavor)
    if found is None:
        return None
    config, address, theirs = found
    ours = url_path(base_url)
    if ours == theirs:
        return None
    key = "url + baseurl" if flavor == "jekyll" else _KEYS[flavor]
    ours_said = (
        f"base_url in {settings} is {base_url}" if base_url else f"{settings} has no base_url"
    )
    return (
        f"warning: {ours_said} (under {ours}), {key} in {config} is {address} (under {theirs}):"
        f" the posts link each photo at {ours}images/…, where the site has none (a broken"
        " image); make the two paths agree"
    )


def _value(path: Path, key: str, *, any_case: bool = False) -> str | None:
    """The top-level string ``key`` of a TOML, JSON or YAML file; None if unsaid."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix == ".toml":
        import tomllib

        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return None
        return _in_table(data, key, any_case)
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError:
            return None
        return _in_table(data, key, any_case) if isinstance(data, dict) else None
    return _yaml_value(text, key, any_case)


def _in_table(data: dict[str, Any], key: str, any_case: bool) -> str | None:
    value = next(
        (v for k, v in data.items() if k == key or (any_case and k.lower() == key.lower())), None
    )
    return value if isinstance(value, str) else None


# A top-level line of a key and a plain or quoted scalar, an end-of-line comment after.
_YAML_LINE = r"""^{key}[ \t]*:[ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s#'"&*!|>{{\[][^\n#]*?)|)[ \t]*(?:#[^\n]*)?$"""


def _yaml_value(text: str, key: str, any_case: bool) -> str | None:
    """``key``'s value on a line of its own at the top of a YAML file; None for any
    other form (a block, an anchor, an escape), which this reading does not follow."""
    flags = re.MULTILINE | (re.IGNORECASE if any_case else 0)
    found = re.search(_YAML_LINE.format(key=re.escape(key)), text, flags)
    if found is None:
        return None
    double, single, plain = found.groups()
    if double is None and single is None and plain is None:
        return ""  # `baseurl:` alone: null, Jekyll's default, the root
    return double if double is not None else single if single is not None else plain.strip()
