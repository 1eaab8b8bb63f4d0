"""Helpers shared by the test modules (fixtures live in ``conftest.py``)."""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeudis.interview import Interview
from jeudis.interview_reading import load_interview

REPO = Path(__file__).resolve().parent.parent
TWITTER = REPO / "questionnaires" / "twitter.toml"
# The example interviews the repository ships, by name: an interview a user runs in
# the repository (the README's tour) is theirs, and no test's.
EXAMPLES = tuple(
    REPO / "interviews" / f"{slug}.toml"
    for slug in ("amelie-roux", "claire-fontaine", "elise-garnier", "mathieu-durand")
)


@dataclass(frozen=True)
class Run:
    """What one in-process ``jeudis`` command printed, and how it ended."""

    exit_code: int
    stdout: str
    stderr: str
    output: str  # stdout and stderr interleaved

    def __str__(self) -> str:  # what pytest shows when an assertion on a Run fails
        return (
            f"exit {self.exit_code}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )


Invoke = Callable[..., Run]


def findings(checked: str) -> list[str]:
    """The lines of ``jeudis check``'s output less the hints printed under findings, and
    less the note on the series' templates that name no version of jeudis's (a test's
    own template, written to try something else): tests/test_template_copies.py has it."""
    lines = checked.splitlines()
    noted = [i for i, line in enumerate(lines) if _NO_VERSION in line]
    for index in reversed(noted):  # the note, and its hint
        del lines[index : index + 2]
    return [line for line in lines if not line.startswith("  hint: ")]


_NO_VERSION = "no version of jeudis's on"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def fill_sheet(sheet: str, answers: dict[str, Any]) -> str:
    """Each answer under its question on an answer sheet, as a guest writes it in an editor."""
    out = []
    current = None
    for line in sheet.split("\n"):
        if marker := re.match(r"## Q\d+ \[(.+)\]", line):
            current = marker.group(1)
        out.append(line)
        if current and line.startswith("**"):
            out += ["", *str(answers.get(current, "")).split("\n")]
            current = None
    return "\n".join(out)


def only_interview(series: Path) -> Interview:
    """The one interview of ``series``."""
    files = sorted((series / "interviews").glob("*.toml"))
    assert len(files) == 1, files
    return load_interview(files[0])


def interview_files(series: Path) -> list[Path]:
    """The interview files of a series folder (lock and temporary files left out)."""
    return sorted(p for p in (series / "interviews").glob("*.toml") if not p.name.startswith("."))


@contextlib.contextmanager
def fifo_read(path: Path) -> Iterator[list[bytes]]:
    """A FIFO at ``path``, read whole in the background: what came through, once the block ends."""
    os.mkfifo(path)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(path.read_bytes()))
    reader.start()
    yield received
    reader.join(timeout=30)


# A book questionnaire with a condition: the opinion is asked only of who read the book.
LU = """
id = "lu"
title = "Lectures de {guest}"
registers = ["tu"]

[[questions]]
id = "lu"
type = "yesno"
text = "As-tu lu le livre ?"

[[questions]]
id = "avis"
type = "long"
text = "Qu'en as-tu pensé ?"
when = { question = "lu", equals = true }

[[questions]]
id = "fin"
type = "text"
text = "Un dernier mot ?"
"""


# The same, open: the host writes questions of their own after them.
OPEN_LU = """
id = "lu-ouvert"
title = "Lectures de {guest}"
registers = ["tu"]
open = true

[[questions]]
id = "lu"
type = "yesno"
text = "As-tu lu le livre ?"

[[questions]]
id = "avis"
type = "long"
text = "Qu'en as-tu pensé ?"
when = { question = "lu", equals = true }
"""


# A guest's answers to every question of twitter.toml, for `jeudis new --data-file`.
ANSWERS_TOML = '''
[fields]
site = "https://www.arretsurimages.net"
twitter = "@gillesklein"

[answers]
depuis-quand = "Depuis mars 2007."
followers = "9 200"
utilisations = """
Trois usages :

- la veille ;
- le partage ;
- les rencontres 😉
"""
apport = "Beaucoup."
premier-tweet = "« Hello »"
dernier-tweet = "Bye"
meilleur-souvenir = "Une rencontre…"
conseils = "Écouter."
avenir = "Radieux."
twitter-ou-facebook = "Twitter."
influence = "Non."
follower-reve = "Personne."
pas-suivi = "Les robots."
'''
# Another interview's of the same guest: the same data file again makes none.
AGAIN_TOML = ANSWERS_TOML.replace('followers = "9 200"', 'followers = "9 300"')


# A questionnaire of two versions: the second asks a question on the first's yes or no.
PORTRAITS_V1 = """id = "p"
version = 1
title = "Portrait : {guest}"
language = "fr"
registers = ["vous"]
[[questions]]
id = "outils"
type = "long"
text = "Vos outils ?"
[[questions]]
id = "twitter"
type = "yesno"
text = "Êtes-vous sur Twitter ?"
"""
PORTRAITS_V2 = (
    PORTRAITS_V1.replace("version = 1", "version = 2")
    + """[[questions]]
id = "pourquoi"
type = "text"
text = "Qu’y trouvez-vous ?"
when = { question = "twitter", equals = true }
"""
)


def new_portrait(invoke: Invoke, data: str) -> None:
    """Hugo Lambert's interview of questionnaire p, complete, from its answers ``data``."""
    made = invoke(
        "new", "p", "--guest", "Hugo Lambert", "--date", "2024-06-27", "--data-file", "-",
        input=data,
    )  # fmt: skip
    assert made.exit_code == 0, made


class Scripted:
    """A guest answering a session's questions with ``answers``, in turn (library tests
    of :class:`jeudis.session.Session`), and pausing at the question ``pause_at``; the
    ids asked, in ``asked``."""

    def __init__(self, answers: list[Any], pause_at: str | None = None) -> None:
        self.answers = iter(answers)
        self.pause_at = pause_at
        self.asked: list[str] = []

    def ask(self, prompt: Any) -> Any:
        from jeudis.prompts import Paused

        if prompt.id == self.pause_at:
            raise Paused("")
        self.asked.append(prompt.id)
        return next(self.answers)

    def host_part(self, *args: Any) -> None: ...
    def hand_over(self, *args: Any) -> None: ...
    def review(self, *args: Any) -> str | None:
        return None

    def thanks(self, *args: Any) -> None: ...
