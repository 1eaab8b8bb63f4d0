"""The least a Python exporter of the benchmark's posts does: a reference, not jeudis.

For each interview file of FOLDER: read it, parse it with toml-rs, render each answer
with cmark-gfm, put the question (escaped) and the answer in a one-line page, and
write it into OUT. One forked process per core, each a share of the files, as jeudis
renders. No typography, no cleaning of the guest's Markdown, no template, no index,
feed or manifest: what :mod:`export_bench` times beside Hugo, to show how far below
Hugo Python can go on this machine at all.

    python bench/bare_pipeline.py FOLDER OUT
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path


def render(out: Path, files: list[Path]) -> None:
    import cmarkgfm
    import toml_rs

    for path in files:
        interview = toml_rs.loads(path.read_bytes().decode("utf-8"))
        sections = "".join(
            f"<section><h2>{html.escape(answer['question'])}</h2>"
            f"{cmarkgfm.github_flavored_markdown_to_html(answer['answer'])}</section>"
            for answer in interview["answers"]
        )
        title = html.escape(interview["title"])
        page = f"<!DOCTYPE html><title>{title}</title><h1>{title}</h1>{sections}"
        (out / (path.stem + ".html")).write_text(page, encoding="utf-8")


def main() -> int:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(source.glob("*.toml"))
    cores = os.cpu_count() or 1
    children = []
    for core in range(cores):
        child = os.fork()
        if child == 0:
            render(out, files[core::cores])
            os._exit(0)
        children.append(child)
    failed = [child for child in children if os.waitpid(child, 0)[1] != 0]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
