"""What the benchmarks share."""

from __future__ import annotations

from pathlib import Path


def compile_jeudis() -> None:
    """Measure jeudis as installed: with its bytecode and its dependencies'.

    pip compiles what it installs; an editable install (``uv run`` in this
    repository) leaves jeudis' own modules as source, and uv installs without
    bytecode unless asked. Where PYTHONDONTWRITEBYTECODE is set nothing is ever
    cached, so every run would compile typer, rich, jinja2... anew: compile
    them once, as an install would, for jeudis and for the references alike.
    """
    import compileall
    import sysconfig

    import jeudis

    compileall.compile_dir(Path(jeudis.__file__).parent, quiet=1)
    compileall.compile_dir(sysconfig.get_paths()["purelib"], quiet=1)
