"""What the benchmarks share."""

from __future__ import annotations

from pathlib import Path


def compile_jeudis() -> None:
    """Measure jeudis as installed: with its bytecode.

    A wheel install compiles it, and uv installs the dependencies compiled
    (``compile-bytecode`` in pyproject.toml); an editable install leaves jeudis'
    own modules as source, recompiled by every run where PYTHONDONTWRITEBYTECODE
    is set. Compile them once, as an install would.
    """
    import compileall

    import jeudis

    compileall.compile_dir(Path(jeudis.__file__).parent, quiet=1)
