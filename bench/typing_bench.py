"""Typing benchmark: what word wrap adds to each key press in a long answer.

Every key press makes prompt_toolkit lay out and draw the whole answer again.
Draws, in memory, the same 5,000-character answer (a paragraph of French with
emoji and accents) in a real prompt_toolkit window of 80 columns, as the live
session does, with and without jeudis' word wrap (:mod:`jeudis.softwrap`), and
prints the time of one drawing each (the best of several runs, taking turns):

- a drawing with word wrap against one without                    (target ≤ 1.5×)

Run it with ``uv run python bench/typing_bench.py``. It prints a ratio; it
asserts nothing (speed targets are not tests).
"""

from __future__ import annotations

import asyncio
import os
import time

from prompt_toolkit.application import Application
from prompt_toolkit.application.current import set_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.layout import Layout
from prompt_toolkit.layout.containers import Window
from prompt_toolkit.layout.controls import BufferControl
from prompt_toolkit.layout.mouse_handlers import MouseHandlers
from prompt_toolkit.layout.screen import Screen, WritePosition
from prompt_toolkit.output import DummyOutput

from jeudis.softwrap import SoftWrap

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
WIDTH = 80
TEXT = ("Une phrase de longueur moyenne, avec un emoji 😉 et des accents : déjà ! " * 80)[:5000]


def drawing(wrapped: bool) -> tuple[Application[None], Window]:
    buffer = Buffer(document=Document(TEXT, len(TEXT)))
    control = BufferControl(buffer)
    window = Window(
        control,
        wrap_lines=True,
        get_line_prefix=lambda line, row: [("", "›  " if (line, row) == (0, 0) else "   ")],
    )
    if wrapped:
        control.input_processors = [SoftWrap(window, buffer).processor]
    with create_pipe_input() as keys:
        app: Application[None] = Application(
            layout=Layout(window), input=keys, output=DummyOutput()
        )
    return app, window


async def draw(app: Application[None], window: Window) -> float:
    """One key press's drawing: the window's height asked, then the window drawn."""
    with set_app(app):
        start = time.perf_counter()
        height = window.preferred_height(WIDTH, 10_000).preferred
        window.write_to_screen(
            Screen(), MouseHandlers(), WritePosition(0, 0, WIDTH, height), "", False, None
        )
        return time.perf_counter() - start


async def main() -> None:
    plain, wrapped = drawing(False), drawing(True)
    await draw(*plain), await draw(*wrapped)  # warm-up
    without, with_wrap = [], []
    for _ in range(RUNS):
        without.append(await draw(*plain))
        with_wrap.append(await draw(*wrapped))
    best_without, best_with = min(without), min(with_wrap)
    print(f"a 5,000-character answer drawn at {WIDTH} columns, best of {RUNS} runs each:")
    print(f"prompt_toolkit alone:          {best_without * 1000:6.1f} ms")
    print(f"with jeudis' word wrap:        {best_with * 1000:6.1f} ms")
    print(f"ratio with/without word wrap:  {best_with / best_without:6.2f}  (target <= 1.5)")


if __name__ == "__main__":
    asyncio.run(main())
