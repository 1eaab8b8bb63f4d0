"""The ``jeudis`` command's start: the console script's, and ``python -m jeudis``'s."""

from __future__ import annotations

import sys


def main() -> None:
    """:func:`jeudis.cli.main`, loaded here: a Ctrl-C while the CLI and typer are still
    loading (a tenth of a second) ends it as a Ctrl-C later does, quietly with 130,
    where it printed a traceback. Nothing else is imported first: start-up is waited on.
    """
    try:
        from jeudis.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.exit(130)  # ExitCode.INTERRUPTED: its module may be the one stopped loading


if __name__ == "__main__":
    main()
