"""Start-up benchmark: how long jeudis makes a person wait, against typer itself.

Prints, each measured in this run (the best of several runs after a warm-up, as
timeit does: on a shared machine the fastest run is the one least disturbed):

- ``jeudis --help`` against ``python -c "import typer"``           (target ≤ 1.5×)
- ``jeudis list`` over 1,000 generated interviews, same reference   (target ≤ 3×)
- time until the first question of ``jeudis new`` is on screen,
  against ``python -c "import typer, questionary"``                 (target ≤ 1.5×)

Run it with ``uv run python bench/startup_bench.py``. It prints ratios; it
asserts nothing (speed targets are not tests).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

from _common import compile_jeudis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
JEUDIS = str(BIN / "jeudis")
RUNS = int(os.environ.get("BENCH_RUNS", "9"))


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


def best(command: list[str], env: dict[str, str]) -> float:
    timed(command, env)  # warm the file cache (and jeudis' list cache)
    return min(timed(command, env) for _ in range(RUNS))


def best_cold(command: list[str], env: dict[str, str], cache: Path) -> float:
    """The best of several runs, each with jeudis' summary cache removed first."""
    times = []
    for _ in range(RUNS):
        shutil.rmtree(cache, ignore_errors=True)
        times.append(timed(command, env))
    return min(times)


def until_on_screen(command: list[str], pattern: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", dimensions=(40, 120))
    child.expect(pattern, timeout=30)
    elapsed = time.perf_counter() - start
    child.terminate(force=True)
    return elapsed


def best_on_screen(command: list[str], pattern: str, env: dict[str, str]) -> float:
    until_on_screen(command, pattern, env)
    return min(until_on_screen(command, pattern, env) for _ in range(RUNS))


def generate(series: Path, count: int) -> None:
    """Write ``count`` complete interviews with 13 long answers each."""
    sys.path.insert(0, str(ROOT / "src"))
    from jeudis.interview import Answer, Interview

    folder = series / "interviews"
    folder.mkdir(parents=True)
    paragraph = (
        "Une réponse de plusieurs lignes, avec une liste :\n\n- un point ;\n- un autre 😉\n\n" * 3
    )
    for n in range(count):
        interview = Interview(
            questionnaire="twitter",
            guest=f"Invité {n}",
            slug=f"invite-{n}",
            title=f"Interview Twitter de Invité {n} [Les Jeudis Twitter]",
            register="tu",
            status="complete",
            answers=[
                Answer(id=f"q{i}", type="long", question=f"Question {i} ?", value=paragraph)
                for i in range(13)
            ],
        )
        (folder / f"invite-{n}.toml").write_text(interview.to_toml(), encoding="utf-8")


def report(label: str, value: float, reference: float, target: float) -> None:
    ratio = value / reference
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(f"{label:<44} {value * 1000:7.0f} ms  {ratio:5.2f}×  (target ≤ {target}×, {verdict})")


def main() -> None:
    compile_jeudis()
    with tempfile.TemporaryDirectory() as tmp:
        series = Path(tmp)
        generate(series, 1000)
        shutil.copytree(ROOT / "questionnaires", series / "questionnaires")
        env = {**os.environ, "JEUDIS_DIR": str(series), "TERM": "xterm-256color", "NO_COLOR": "1"}
        python = sys.executable

        ref_typer = best([python, "-c", "import typer"], env)
        label = 'reference: python -c "import typer"'
        print(f"{label:<44} {ref_typer * 1000:7.0f} ms")
        report("jeudis --help", best([JEUDIS, "--help"], env), ref_typer, 1.5)

        cold = best_cold([JEUDIS, "list"], env, series / ".jeudis-cache")
        report("jeudis list, 1,000 interviews (cached)", best([JEUDIS, "list"], env), ref_typer, 3)
        report("jeudis list, 1,000 interviews (first run)", cold, ref_typer, 3)

        ref_tq = best_on_screen(
            [python, "-c", "import typer, questionary; print('ready')"], "ready", env
        )
        print(f"{'reference: import typer, questionary':<44} {ref_tq * 1000:7.0f} ms")
        first = best_on_screen([JEUDIS, "new", "twitter", "--guest", "Bench"], r"\[1/\d+\]", env)
        report("jeudis new: first question on screen", first, ref_tq, 1.5)


if __name__ == "__main__":
    main()
