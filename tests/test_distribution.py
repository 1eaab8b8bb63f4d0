"""What an install of jeudis carries, as pip, pipx or uv tool install it: read from
the installed distribution (``uv sync`` installs it so too)."""

from __future__ import annotations

from importlib import metadata


def test_the_install_carries_the_license_its_metadata_names() -> None:
    """The metadata said MIT, which asks that its notice go with every copy, and no
    install (wheel or sdist) held the notice: a packager had no text to ship."""
    jeudis = metadata.distribution("jeudis")
    assert jeudis.metadata["License-Expression"] == "MIT"
    named = jeudis.metadata.get_all("License-File") or []
    assert named, "no License-File in the metadata (run `uv sync` after a pyproject change)"
    for name in named:
        text = jeudis.read_text(f"licenses/{name}")
        assert text is not None, name
        assert "MIT License" in text
        assert "Permission is hereby granted" in text
