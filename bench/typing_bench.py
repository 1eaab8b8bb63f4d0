"""Typing benchmark: what word wrap adds to each key press in a long answer.

Every key press makes prompt_toolkit lay out and draw the whole answer again.
Types a letter at the end of a 5,000-character answer (French with emoji and
accents) and draws it, in memory, in a real prompt_toolkit window of 80 columns,
as the live session does, with and without jeudis' word wrap
(:mod:`jeudis.softwrap`), and prints the time of one key press each (the best of
several runs, taking turns), for the answer written as one paragraph and as 25:

- a key press with word wrap against one without                  (target ≤ 1.5×)

The paragraph typed in is laid out again from the row before the letter typed;
the others are not. Run it with ``uv run python bench/typing_bench.py``.
It prints ratios; it asserts nothing (speed targets are not tests).
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
SENTENCE = "Une phrase de longueur moyenne, avec un emoji 😉 et des accents : déjà ! "
ANSWERS = {
    "one paragraph": (SENTENCE * 80)[:5000],
    "25 paragraphs": "\n\n".join([SENTENCE * 3] * 25)[:5000],
}


def drawing(text: str, wrapped: bool) -> tuple[Application[None], Window]:
    buffer = Buffer(document=Document(text, len(text)))
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
    """One key press: a letter typed, the window's height asked, then the window drawn."""
    assert isinstance(window.content, BufferControl)
    with set_app(app):
        start = time.perf_counter()
        window.content.buffer.insert_text("a")
        height = window.preferred_height(WIDTH, 10_000).preferred
        window.write_to_screen(
            Screen(), MouseHandlers(), WritePosition(0, 0, WIDTH, height), "", False, None
        )
        return time.perf_counter() - start


async def main() -> None:
    print(
        f"a letter typed at the end of a 5,000-character answer, {WIDTH} columns, best of {RUNS}:"
    )
    for name, text in ANSWERS.items():
        plain, wrapped = drawing(text, False), drawing(text, True)
        await draw(*plain), await draw(*wrapped)  # warm-up
        without, with_wrap = [], []
        for _ in range(RUNS):
            without.append(await draw(*plain))
            with_wrap.append(await draw(*wrapped))
        best_without, best_with = min(without), min(with_wrap)
        print(
            f"{name}:  prompt_toolkit alone {best_without * 1000:5.1f} ms,"
            f"  with word wrap {best_with * 1000:5.1f} ms,"
            f"  ratio {best_with / best_without:5.2f}  (target <= 1.5)"
        )


if __name__ == "__main__":
    asyncio.run(main())
