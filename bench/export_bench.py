"""Benchmark: `jeudis export --all --format html` against Hugo, on 1,000 interviews.

Generates a series of N interviews (13 long answers each) in a temporary folder,
exports it once as Hugo Markdown (untimed) to give Hugo the same posts, then
times, in the same run:

- ``hugo`` building the 1,000 Markdown posts (minimal layouts, no theme);
- ``jeudis export --all --format html`` (first run, empty output folder);
- the same export again with nothing changed (the incremental path);
- for orientation, ``bench/bare_pipeline.py``: the least a Python exporter of these
  posts does (read, toml-rs, cmark-gfm, a one-line page, write), forked as jeudis is.

Each is run ``--runs`` times (Hugo and jeudis taking turns, each first build
into a folder of its own, the disk synced before it) and the best time counts.
Nothing is deleted until the end: on ext4, for a minute or so after thousands of
files are deleted, creating a file costs far more (seen here: 20 µs a file, then
425 µs, the allocator skipping the inodes just freed), so a build right after an
emptied folder paid for the deletion.

Wall time and peak memory come from ``/usr/bin/time -v`` when present, else from
``resource.getrusage(RUSAGE_CHILDREN)``: the peak of the largest single process.
jeudis renders on every core with forked workers, so a second measure samples
the summed memory of its whole process tree. Prints the ratios; asserts nothing.

    python bench/export_bench.py [--count 1000] [--runs 3] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import compile_jeudis
from jeudis.interview import Answer, Interview

WORDS = [
    "twitter",
    "conversation",
    "veille",
    "blog",
    "lecteurs",
    "marketing",
    "marque",
    "communauté",
    "réseau",
    "partage",
    "liens",
    "échange",
    "conseil",
    "idée",
    "projet",
    "écriture",
    "journée",
    "semaine",
    "abonnés",
    "rencontre",
    "événement",
    "question",
    "réponse",
    "découverte",
    "curiosité",
    "métier",
    "client",
]
HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "fr-fr"
title = "Les Jeudis Twitter"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_SINGLE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}</article></body></html>
"""
HUGO_LIST = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}
</ul></body></html>
"""


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.capitalize() + ". Et vous, qu’en pensez-vous ? [Un lien](https://example.org/x) !"


def long_answer(rng: random.Random) -> str:
    parts = [paragraph(rng, 60), "- un **premier** point\n- un *second* point\n- un troisième"]
    parts += [paragraph(rng, 50) for _ in range(2)]
    return "\n\n".join(parts)


def generate(root: Path, count: int) -> None:
    rng = random.Random(7)
    folder = root / "interviews"
    folder.mkdir(parents=True)
    (root / "jeudis.toml").write_text(
        'blog = "Les Jeudis Twitter"\nbase_url = "https://example.org"\n', encoding="utf-8"
    )
    start = dt.date(2010, 1, 7)
    for n in range(count):
        slug = f"invite-{n:04d}"
        interview = Interview(
            questionnaire="twitter",
            guest=f"Invité {n}",
            slug=slug,
            title=f"Interview Twitter de Invité {n} [Les Jeudis Twitter]",
            register="tu",
            host="Stéphane",
            series="Les Jeudis Twitter",
            date=start + dt.timedelta(days=n),
            status="complete",
            fields={"intro": paragraph(rng, 40)},
            answers=[
                Answer(
                    id=f"q{i}",
                    type="long",
                    question=f"Question {i} : qu’en dis-tu ?",
                    value=long_answer(rng),
                )
                for i in range(1, 14)
            ],
        )
        (folder / f"{slug}.toml").write_text(interview.to_toml(), encoding="utf-8")


def measure(command: list[str], sync: bool = False) -> tuple[float, int, float]:
    """Wall seconds, peak resident memory (KiB) and CPU seconds (user + system,
    every process and thread) of a command.

    ``sync``: everything written so far is flushed to disk first.
    """
    if sync:
        os.sync()
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    if Path("/usr/bin/time").exists():
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-v", *command],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - start
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        cpu = sum(
            float(m.group(1))
            for m in re.finditer(r"(?:User|System) time \(seconds\): ([0-9.]+)", done.stderr)
        )
        return wall, int(match.group(1)) if match else 0, cpu
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, max(after.ru_maxrss, before.ru_maxrss), cpu


def _tree_rss_kib(root: int) -> int:
    """Proportional resident memory (PSS) of a process and its descendants (KiB)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            rollup = (entry / "smaps_rollup").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        memory = dict(line.split(":", 1) for line in rollup.splitlines()[1:] if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip())
        # Pss: shared pages (a forked worker shares the parent's) counted once overall.
        rss[int(entry.name)] = int(memory.get("Pss", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def tree_peak(command: list[str]) -> int:
    """Peak of the summed resident memory of a command's process tree, sampled every 20 ms."""
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        time.sleep(0.02)
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (the best counts)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    compile_jeudis()
    hugo = shutil.which("hugo")
    if hugo is None:
        print("hugo not found: install Debian's hugo", file=sys.stderr)
        return 2
    jeudis = [sys.executable, "-m", "jeudis"]
    tmp = Path(tempfile.mkdtemp(prefix="jeudis-bench-"))
    try:
        series = tmp / "series"
        generate(series, args.count)
        site = tmp / "hugo"
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
        (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
        (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
        subprocess.run(
            [
                *jeudis,
                "export",
                "--all",
                "--format",
                "md",
                "--flavor",
                "hugo",
                "-C",
                str(series),
                "-o",
                str(site),
            ],
            check=True,
            capture_output=True,
        )
        posts = len(list((site / "content" / "posts").glob("*.md")))
        command = [*jeudis, "export", "--all", "--format", "html", "-C", str(series), "-o"]
        hugo_command = [hugo, "--quiet", "-s", str(site), "-d"]
        # Best of N, Hugo and jeudis taking turns, each into a new folder after a
        # sync: neither pays for the other's (or the generator's) pending writes,
        # which on some disks cost more than the build itself.
        bare = [sys.executable, str(Path(__file__).with_name("bare_pipeline.py"))]
        bare += [str(series / "interviews")]
        hugo_runs, first_runs, second_runs, bare_runs = [], [], [], []
        for run in range(args.runs):
            out = str(tmp / f"out-{run}")
            hugo_runs.append(measure([*hugo_command, str(tmp / f"public-{run}")], sync=True))
            first_runs.append(measure([*command, out], sync=True))
            second_runs.append(measure([*command, out]))
            bare_runs.append(measure([*bare, str(tmp / f"bare-{run}")], sync=True))
        hugo_wall, hugo_rss = min(r[0] for r in hugo_runs), max(r[1] for r in hugo_runs)
        first_wall, first_rss = min(r[0] for r in first_runs), max(r[1] for r in first_runs)
        second_wall = min(r[0] for r in second_runs)
        hugo_cpu, first_cpu = min(r[2] for r in hugo_runs), min(r[2] for r in first_runs)
        bare_wall, bare_cpu = min(r[0] for r in bare_runs), min(r[2] for r in bare_runs)
        pages = len(list(Path(out).glob("*.html")))
        os.sync()
        jeudis_tree = tree_peak([*command, str(tmp / "out-tree")])
        hugo_tree = tree_peak([*hugo_command, str(tmp / "public-tree")])
        print(
            f"interviews: {args.count} (13 long answers each); hugo posts: {posts}; html pages: {pages}"
        )
        print(f"best of {args.runs} runs each, Hugo and jeudis taking turns:")
        print(f"hugo build:              {hugo_wall:6.2f} s  peak {hugo_rss / 1024:6.1f} MiB")
        print(f"jeudis export --all:     {first_wall:6.2f} s  peak {first_rss / 1024:6.1f} MiB")
        print(f"jeudis export (again):   {second_wall:6.2f} s")
        print(f"wall time ratio jeudis/hugo:   {first_wall / hugo_wall:.2f}  (target <= 0.5)")
        print(f"peak memory ratio jeudis/hugo: {first_rss / hugo_rss:.2f}  (target <= 0.3)")
        print(f"second/first run ratio:        {second_wall / first_wall:.3f} (target <= 0.1)")
        # For orientation, not a target: the work each does, whatever the cores share of it.
        print(
            f"CPU time (user + system, best run): hugo {hugo_cpu:.2f} s, jeudis {first_cpu:.2f} s,"
            f" ratio {first_cpu / hugo_cpu:.2f}"
        )
        # The least Python does here (bench/bare_pipeline.py): read, parse, render, write.
        print(
            f"bare pipeline (toml-rs, cmark-gfm, a one-line page; no typography, template,"
            f" index or feed): {bare_wall:.2f} s, {bare_cpu:.2f} s CPU,"
            f" ratio to hugo {bare_wall / hugo_wall:.2f}"
        )
        print(
            f"sampled peak PSS of the whole process tree (parent + workers): "
            f"jeudis {jeudis_tree / 1024:.1f} MiB, hugo {hugo_tree / 1024:.1f} MiB, "
            f"ratio {jeudis_tree / max(hugo_tree, 1):.2f}"
        )
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
