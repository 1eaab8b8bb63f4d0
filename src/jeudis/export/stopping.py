"""SIGTERM and SIGHUP stopping an export as Ctrl-C does: by an exception, so that what
it was writing is cleaned up (a file half made, beside the one it replaces) and the
export ends with one line saying what it left.

Apart from :mod:`jeudis.export.workers`: one post into a file needs this, and not
the workers' multiprocessing (tens of milliseconds to import).
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from typing import Any

from jeudis.errors import ExitCode, JeudisError, stop_signals

# What a site's export stopped half-way leaves, and a WordPress file's (made beside the
# file there, put in place once whole). Not "`jeudis export --all` again": that is the
# HTML site into site/, whatever the export stopped (-f wxr -o all.xml, -o public).
SITE_LEFT = "what is written stays; the same export run again finishes it"
FILE_LEFT = (
    "the WordPress file there is as it was (the new one goes in place once whole);"
    " the same export run again writes it"
)


class Stopped(JeudisError):
    """The export stopped by a signal (SIGTERM, SIGHUP); ``hint``: what it left, and
    that the same export again finishes it."""

    def __init__(self, name: str, hint: str = SITE_LEFT) -> None:
        super().__init__(f"export stopped by {name}", hint=hint)
        self.exit_code = ExitCode(128 + signal.Signals[name].value)


@contextlib.contextmanager
def stopping(hint: str = SITE_LEFT) -> Iterator[None]:
    """Meanwhile SIGTERM and SIGHUP stop the export as Ctrl-C does, by an exception
    (a :class:`Stopped`, ``hint`` its hint): what it was writing is cleaned up (a
    WordPress file half made, beside the one there)."""

    def stopped(signum: int, frame: Any) -> None:
        raise Stopped(signal.Signals(signum).name, hint)

    before = {stop: signal.signal(stop, stopped) for stop in stop_signals()}
    try:
        yield
    finally:
        for stop, handler in before.items():
            signal.signal(stop, handler)
