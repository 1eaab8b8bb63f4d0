"""Random hostile answers, exported for each generator and built by it: does anything run?

Not a test pytest collects (it takes minutes): a search for the cases the hostile
corpus (tests/test_export_hostile.py) does not hold yet. Each interview's answers
are random strings of fragments that open markup somewhere (Liquid, shortcodes,
attribute lists, fences, code spans, tags, link targets, definitions). The
series is exported with ``--all --flavor`` and built with the real tool, then
every built page is read with an HTML5 parser: an event handler with a guest's
``alert``, or a link or image to ``javascript:``/``data:``, is printed. Add what
it finds to the corpus, then fix it.

    python tests/fuzz_generators.py [--seed 1] [--count 50] [--flavors hugo,jekyll,...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import html5lib

from export_helpers import build, make_interview
from jeudis.export.frontmatter import flavor as flavor_for

FRAGMENTS = [
    *("{{< x >}}", "{{% y %}}", "{{<", "{{%", "}}", "{%", "%}", "{{", "{{ a }}", "{% raw %}"),
    *("{: .c}", "{:", "{", "}", "{#id}", "{onclick=alert(1)}", "{: onclick=alert(1)}"),
    *("{{ f(a=1) }}", "{% q() %}b{% end %}", "{{/* c() */}}", "{{</* z */>}}"),
    *("---", "+++", "<!--more-->", "```", "~~~", "`", "``", "    code", "\n", "\n\n", " "),
    *("*", "_", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&quot;", "\\", "#", "|", "\t"),
    *("- ", "1. ", "> ", "<div>", "</div>", "<script>", "<b>", "mot", "é", "«", " ?", " :"),
    *('"', "'", "http://x.org/a?b", "[l](https://x.org)", "[x]", "[^1]", "[^1]: note"),
    *('```x"onclick="alert(1)\n', "~~~ {.x onclick=alert(1)}\n", 'onmouseover="alert(1)"'),
    *('[a](https://x.org "t" onclick="alert(1)")', '<https://x.org/" onclick="alert(1)>'),
    *("[x]: javascript:alert(1)", "[j](javascript:alert(1))", "[j](<javascript:alert(1)>)"),
    *("[j]( javascript:alert(1))", "[j](jav&#x61;script:alert(1))", "![i](data:x)"),
    *("<a href=javascript:alert(1)>", "javascript:alert(1)", "*[HTML]: onclick", "$$"),
    *("<!-- more -->", "<![i", "<![CDATA[x]]>"),
    *("{::nomarkdown}", "{:/}", "{::comment}", "{:/comment}", "!!! note", '<div markdown="1">'),
    *("[a]({attach}x.txt)", "{index}", "[b]({filename}/g1.md)", "^[n]", "[^n]: <b>"),
    *("www.x.org/a", "https://x.org/(b", "](javascript:alert(1)", "[x]:", "    <b>", "|"),
    *("\n• ", "• ", "\n◦\t", "\n  ▪\u00a0"),
]
_LIVE_URL = re.compile(r"(javascript|data|vbscript):", re.IGNORECASE)
QUESTIONNAIRE = 'id = "fuzz"\ntitle = "Fuzz : {guest}"\n\n' + "".join(
    f'[[questions]]\nid = "q{k}"\ntype = "long"\ntext = "Q {k} ?"\n\n' for k in range(3)
)


def answer(rng: random.Random) -> str:
    return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 25))).strip() or "x"


def live(page: Path) -> list[str]:
    """What a browser would run on the page: handlers and script links from a guest."""
    found = []
    document = html5lib.HTMLParser(namespaceHTMLElements=False).parse(page.read_bytes())
    for element in document.iter():
        if element.tag == "script" and "alert" in (element.text or ""):
            found.append(f"{page}: <script>{(element.text or '')[:60]!r}")
        for attr, value in element.attrib.items():
            url = re.sub(r"[\t\n\r]", "", value).lstrip("\x00 ")
            if (attr.startswith("on") and "alert" in value) or (
                attr in ("href", "src") and _LIVE_URL.match(url)
            ):
                found.append(f"{page}: <{element.tag} {attr}={value[:60]!r}>")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=50, help="interviews, 3 answers each")
    parser.add_argument("--flavors", default="hugo,jekyll,zola,pelican,mkdocs")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    problems = 0
    with tempfile.TemporaryDirectory(prefix="jeudis-fuzz-") as tmp:
        series = Path(tmp) / "series"
        (series / "questionnaires").mkdir(parents=True)
        (series / "questionnaires" / "fuzz.toml").write_text(QUESTIONNAIRE, encoding="utf-8")
        for n in range(args.count):
            make_interview(
                series,
                f"g{n}",
                # A third of the guests have names as hostile as the answers.
                guest=f"G {n} {answer(rng)[:30]}" if n % 3 == 0 else f"G {n}",
                date=dt.date(2011, 1, 1) + dt.timedelta(days=n),
                answers=[(f"q{k}", f"Q {k} ?", answer(rng)) for k in range(3)],
                questionnaire="fuzz",
            )
        for flavor in args.flavors.split(","):
            site, out = Path(tmp) / flavor, Path(tmp) / f"{flavor}-out"
            jeudis = [sys.executable, "-m", "jeudis"]
            export = ["export", "--all", "-f", "md", "--flavor", flavor, "-C", str(series)]
            subprocess.run([*jeudis, *export, "-o", str(site)], check=True, capture_output=True)
            # A roundup of the first answers, a post among the interviews.
            posts = f"{site / flavor_for(flavor).folder}/"
            roundup = ["compare", "fuzz", "-q", "q0", "--flavor", flavor, "-C", str(series)]
            subprocess.run([*jeudis, *roundup, "-o", posts], check=True, capture_output=True)
            done = build(site, out, flavor)
            if done.returncode != 0:
                print(f"{flavor}: the build failed\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
                problems += 1
                continue
            found = [line for page in sorted(out.rglob("*.html")) for line in live(page)]
            print(f"{flavor}: {len(found)} live")
            for line in found:
                print("  " + line)
            problems += len(found)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
