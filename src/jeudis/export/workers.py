"""The worker processes that render a site's posts when there are many.

:mod:`jeudis.export.sitebuild` hands :func:`team` a job and the entries to render;
below :data:`PARALLEL_FROM` posts, or with one core, or where processes cannot
be forked, they are rendered here, one after the other. Otherwise forked
workers are each given a chunk of entries (fork: nothing to pickle), then the
indexes to render, and a user-facing error in one crosses back to the parent as
:class:`_Failed`.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from jeudis.errors import ExitCode, JeudisError, stop_signals
from jeudis.export.stopping import stopping

if TYPE_CHECKING:
    from jeudis.export.entries import Entry
    from jeudis.export.sitebuild import _Done, _Job

_JOB: _Job | None = None
_STOP: Any = None  # an Event the workers see (fork): set when the export stops half-way
PARALLEL_FROM = 64  # below this, starting processes costs more than it saves
CHUNK = 8  # small: the last chunks finish together (16 was 40 ms of one worker alone)


class _Failed(Exception):
    """A user-facing error raised in a worker, in a form that crosses the process boundary."""

    def __init__(self, message: str, hint: str | None, code: int) -> None:
        super().__init__(message, hint, code)
        self.message, self.hint, self.code = message, hint, code


def _chunk_in_worker(chunk: list[Entry]) -> list[_Done]:
    assert _JOB is not None
    if _STOP is not None and _STOP.is_set():
        return []  # the export is stopping: what is left is skipped
    try:
        return _JOB.do_chunk(chunk)
    except JeudisError as error:
        raise _Failed(error.message, error.hint, int(error.exit_code)) from None


def _leave_interrupts() -> None:
    """In a worker: Ctrl-C is for the parent, which stops the workers (no traceback each),
    and so are SIGTERM and SIGHUP. A worker they ended, sent to the whole process group
    (a terminal window closed, ``kill -TERM -PGID``, a service stopped), took its chunk
    with it, which the pool waited for for ever, the export hung. Should the parent be
    killed outright, the worker ends too: left running, it wrote pages after the export
    had ended, then a traceback for each result it could not send, and waited for work
    for ever (Linux says when)."""
    for stop in (signal.SIGINT, *stop_signals()):
        signal.signal(stop, signal.SIG_IGN)
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the parent went before the line above
            os._exit(1)


def _warm_up(job: _Job) -> None:
    """Compile the templates and load cmark once, before the workers fork.

    Only the templates of the format: compiling one costs tens of milliseconds,
    and a template the workers do not use would be compiled for nothing.
    """
    from jeudis.export import markup
    from jeudis.export.templating import load

    names = (
        ("post.md",)
        if job.fmt == "md"
        else ("post.html", "article.html", "style.css", "index.html")
    )
    for name in names + (("fragment.html",) if job.feed else ()):
        load(job.series.root, name)
    markup.to_html("")


@contextlib.contextmanager
def team(job: _Job, todo: list[Entry]) -> Iterator[Team]:
    """The workers rendering ``todo``'s posts, on every core when there are many
    (fork: nothing to pickle), kept for the site's listings once the posts are done."""
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        yield Team(job, todo, None)
        return
    _warm_up(job)
    global _JOB, _STOP
    context = mp.get_context("fork")
    _JOB, _STOP = job, context.Event()
    # Frozen objects are left out of the workers' garbage collections: a collection
    # touching every object inherited from the parent would copy their pages.
    gc.freeze()
    pool = _pool(context, workers)
    finished = False
    # The parent stops as on Ctrl-C: the workers skip what is left, the manifest says
    # what was written. Ended at once, it left them writing pages, then tracebacks.
    try:
        with stopping():
            try:
                yield Team(job, todo, pool)
                finished = True
            except _Failed as failed:
                error = JeudisError(failed.message, hint=failed.hint)
                error.exit_code = ExitCode(failed.code)
                raise error from None
            finally:
                _wind_up(pool, _STOP, finished)
    finally:
        gc.unfreeze()
        _JOB = _STOP = None


class Team:
    """The posts to render and the pool rendering them (None: rendered here)."""

    def __init__(self, job: _Job, todo: list[Entry], pool: Any) -> None:
        self.job, self.todo, self.pool = job, todo, pool

    def posts(self) -> Iterator[_Done]:
        """Each post rendered, in the order they are done."""
        if self.pool is None:
            for entry in self.todo:
                yield self.job.do(entry)
            return
        chunks = [self.todo[i : i + CHUNK] for i in range(0, len(self.todo), CHUNK)]
        for done in self.pool.imap_unordered(_chunk_in_worker, chunks):
            yield from done

    def spread(
        self, work: Callable[..., str], calls: list[tuple[Any, ...]]
    ) -> Callable[[], list[str]]:
        """Start ``work`` on each of ``calls`` on the workers, done with the posts (the
        indexes, while the parent makes the feed: alone, it made them one after the
        other, the workers idle); the function returned waits for what they make, in
        order. Without workers, the calls are made when it is called."""
        if self.pool is None:
            return lambda: [work(*args) for args in calls]
        pending = self.pool.map_async(_call_in_worker, [(work, args) for args in calls], 1)
        return lambda: list(pending.get())


def _call_in_worker(call: tuple[Callable[..., str], tuple[Any, ...]]) -> str:
    work, args = call
    if _STOP is not None and _STOP.is_set():
        return ""  # the export is stopping: nothing is written of it
    try:
        return work(*args)
    except JeudisError as error:
        raise _Failed(error.message, error.hint, int(error.exit_code)) from None


def _pool(context: Any, workers: int) -> Any:
    """The workers' pool, whose thread keeping the workers waits on the pool's changes
    alone, as a ThreadPool's does: woken by results waiting to be read too, it looped
    without sleeping (0.1 s of CPU taken from the workers on a thousand posts)."""
    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        def _get_sentinels(self) -> list[Any]:
            notifier = getattr(self, "_change_notifier", None)  # multiprocessing's own
            if notifier is None:
                return super()._get_sentinels()  # type: ignore[misc, no-any-return]
            return [notifier._reader]

    return QuietPool(workers, initializer=_leave_interrupts, context=context)


def _wind_up(pool: Any, stop: Any, finished: bool) -> None:
    """Let the workers end on their own, at once when the export stops half-way.

    Not ``Pool.terminate``: a worker killed while it writes a result leaves the
    results' lock taken, and the pool waits on it for ever (a broken interview in
    a large series hung the export so). Stopping, the workers skip the chunks
    left, and finish the one in hand: a few milliseconds.
    """
    if not finished:
        stop.set()
    pool.close()
    try:
        pool.join()
    except KeyboardInterrupt:  # a second Ctrl-C: wait no more
        for worker in getattr(pool, "_pool", ()):  # multiprocessing's own: deaf to SIGTERM
            worker.kill()
        pool.terminate()
        raise
