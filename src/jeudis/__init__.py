"""jeudis: run interview series from the terminal and publish them as blog posts."""

from __future__ import annotations

__version__ = "0.1.0"
