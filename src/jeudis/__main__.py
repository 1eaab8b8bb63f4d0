"""Allow ``python -m jeudis``."""

from __future__ import annotations

from jeudis.cli import main

main()
