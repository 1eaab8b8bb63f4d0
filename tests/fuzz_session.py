"""Random keys typed into live sessions in a pseudo-terminal: does one ever break?

Not a test pytest collects (it takes minutes): a search for what the session tests
(tests/test_pty.py) do not type yet. Each round starts ``jeudis new`` on a copy of
the repository's questionnaires (a third of the time one of them changed at random,
as long as ``jeudis check`` takes it), goes through the host's part or not, then
types random keys, texts, pastes, terminal reports and resizes, and pauses; then
``resume`` or, once the interview is complete, ``edit``, and again. After each
process it looks for a traceback, a fault of jeudis's own, or an exit code no
session ends with, and then reads the interview with ``check``, ``show`` and
``export``. What it prints is a bug: add the keys to tests/test_pty.py, then fix it.

    python tests/fuzz_session.py [--seed 1] [--count 20]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

import pexpect
import tomli_w

REPO = Path(__file__).resolve().parent.parent
JEUDIS = str(Path(sys.executable).parent / "jeudis")
KEYS = [
    *("\r", "\x1b\r", "\x1b[5~", "\x1b[6~", "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x7f"),
    *("\x1b[H", "\x1b[F", "\x15", "\x06", "\x04", "\x18\x05", "\t", "\x1b", "\x17", "\x0b"),
    *("\x1a", "\x0c", "\x1b[3~", "\x1bOP", " ", "\x01", "\x05", "\x03", "\x13", "\x12"),
    *("\x0f", "\x11", "\x00", "\x1d"),
]
TEXTS = [
    *("oui", "Depuis 2009 !", "- un\n- deux", "> cité", "https://x.example/a?b=c", "12 000"),
    *("été « là » ; ok ?", "😉🇫🇷", "a\tb", "```\ncode\n```", "é" * 200, "[lien](javascript:x)"),
    *("1. un\nsuite", "• un\n• deux", "الجزائر", "漢字テスト", " ", "\\", "{{ x }}", "---"),
    # What terminals send that is no key: colours, reports, links, controls.
    *("\x1b[31mrouge", "\x1b[1;2;3;4M", "\x1b[M\x7f!!", "\x1b[999;1R", "\x9b31m", "\x00"),
    *("\x1b]8;;http://x\x07lien\x1b]8;;\x07", "\x1bP+q\x1b\\", "\ufeff", "\u202e", "e\u0301"),
]
VALUES: list[Any] = [0, -1, 10**20, 1.5, True, "", " ", "{guest}", "{un|une}", [], ["a", 2], {}]
BROKEN = ("Traceback", "Unhandled exception", "a fault in jeudis")
SESSION_ENDS = (0, 2, 129, 130)  # done; "already complete"; a closed terminal; a pause


def mutated(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``document`` with one value somewhere replaced by a value of another kind."""
    document = copy.deepcopy(document)
    places: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        keys = node.keys() if isinstance(node, dict) else range(len(node))
        for key in keys:
            places.append((node, key))
            if isinstance(node[key], dict | list):
                walk(node[key])

    walk(document)
    parent, key = rng.choice(places)
    parent[key] = copy.deepcopy(rng.choice(VALUES))
    return document


def series(root: Path, rng: random.Random) -> None:
    """A series folder in ``root``: the repository's questionnaires, maybe one changed."""
    shutil.copy(REPO / "jeudis.toml", root)
    shutil.copytree(REPO / "questionnaires", root / "questionnaires")
    (root / "interviews").mkdir()
    if rng.random() < 0.3:
        path = rng.choice(sorted((root / "questionnaires").glob("*.toml")))
        original = path.read_text(encoding="utf-8")
        for _ in range(30):
            path.write_text(tomli_w.dumps(mutated(tomllib.loads(original), rng)), encoding="utf-8")
            if run(root, "check", str(path)).returncode == 0:
                print(f"  {path.name} changed", flush=True)
                return
        path.write_text(original, encoding="utf-8")


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [JEUDIS, "-C", str(root), *args],
        check=False,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


class Typist:
    """A ``jeudis`` process in a pseudo-terminal, and all it has shown."""

    def __init__(self, root: Path, command: list[str], rng: random.Random) -> None:
        env = dict(os.environ, EDITOR="true", VISUAL="true", JEUDIS_DIR=str(root))
        env["TERM"] = "xterm-256color"
        size = rng.choice([(24, 80), (40, 120), (12, 40), (30, 60)])
        self.child = pexpect.spawn(JEUDIS, command, env=env, dimensions=size, encoding="utf-8")
        self.shown: list[str] = []
        time.sleep(0.6)

    def send(self, text: str, pause: float) -> None:
        self.child.send(text)
        time.sleep(pause)
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
            self.shown.append(self.child.read_nonblocking(100_000, timeout=0.01))

    def end(self) -> str:
        """Ctrl-C if it still runs; all it showed."""
        if self.child.isalive():
            self.send("\x03", 0.5)
        with contextlib.suppress(pexpect.ExceptionPexpect):
            self.shown.append(self.child.read())
        self.child.close(force=True)
        return "".join(self.shown)


def typed_at_random(typist: Typist, rng: random.Random, new: bool) -> None:
    if rng.random() < 0.7:  # through the host's part and the welcome, to the answers
        for key in ["\r", "\r", "\r", "\x1b\r", "\r"] if new else ["\r"]:
            typist.send(key, 0.3)
    if rng.random() < 0.5:  # every question answered, to the review and beyond
        for _ in range(18):
            typist.send(rng.choice(["oui", "12 000", "Depuis 2009 !", "- un"]) + "\x1b\r", 0.25)
    for _ in range(rng.randint(20, 160)):
        if not typist.child.isalive():
            return
        draw = rng.random()
        if draw < 0.15:
            typist.send(rng.choice(TEXTS) + rng.choice(["\r", "\x1b\r"]), 0.05)
        elif draw < 0.25:
            typist.send(rng.choice(TEXTS), rng.choice([0, 0.01, 0.05]))
        elif draw < 0.35:  # pasted, as a terminal marks a paste
            typist.send("\x1b[200~" + rng.choice(TEXTS) + rng.choice(TEXTS) + "\x1b[201~", 0.05)
        elif draw < 0.98:
            typist.send(rng.choice(KEYS), rng.choice([0, 0.01, 0.05, 0.1]))
        else:
            typist.child.setwinsize(rng.randint(8, 50), rng.randint(20, 160))


def session(root: Path, command: list[str], rng: random.Random, new: bool) -> str:
    """One process typed into at random; the problem found, if any."""
    typist = Typist(root, command, rng)
    typed_at_random(typist, rng, new)
    shown, child = typist.end(), typist.child
    if any(sign in shown for sign in BROKEN):
        return f"{' '.join(command)}: broken\n{shown[-3000:]}"
    if child.signalstatus is None and child.exitstatus not in SESSION_ENDS:
        return f"{' '.join(command)}: exit {child.exitstatus}\n{shown[-1500:]}"
    return ""


def round_(seed: int, root: Path) -> list[str]:
    """One guest: ``new``, then ``resume`` or ``edit`` three times, read after each."""
    rng = random.Random(seed)
    series(root, rng)
    problems, slug = [], ""
    for _ in range(4):
        if not slug:
            command = ["new", rng.choice(["twitter", "livre"]), "--guest", f"Guest {seed}"]
        elif 'status = "complete"' in (
            text := (root / "interviews" / f"{slug}.toml").read_text("utf-8")
        ):
            # A question the interview has: the book's first, the Twitter series' eighth.
            asked = "motivation" if 'questionnaire = "livre"' in text else "conseils"
            choice = rng.choice([[], ["--question", asked], ["--fields"], ["--notes"]])
            command = ["edit", slug, *choice]
        else:
            command = ["resume", slug]
        if problem := session(root, command, rng, new=not slug):
            problems.append(problem)
        files = sorted((root / "interviews").glob("*.toml"))
        if not files:
            continue
        slug = files[0].stem
        for reading in (
            ["check", str(files[0])],
            ["show", slug],
            ["export", slug, "--include-drafts"],
            ["export", slug, "--include-drafts", "-f", "md"],
        ):
            done = run(root, *reading)
            if done.returncode not in (0, 5) or any(s in done.stderr for s in BROKEN):
                problems.append(f"{' '.join(reading)}: exit {done.returncode}\n{done.stderr}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=20, help="guests, four sessions each")
    args = parser.parse_args()
    found = 0
    for seed in range(args.seed, args.seed + args.count):
        with tempfile.TemporaryDirectory(prefix="jeudis-fuzz-") as tmp:
            problems = round_(seed, Path(tmp))
        print(f"seed {seed}: {len(problems)} problems", flush=True)
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
        found += len(problems)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
