"""``jeudis init``: a new series folder, ready for a first interview.

It writes a starter questionnaire, ``jeudis.toml``, an empty ``interviews/``
and a ``.gitignore``, and never overwrites a file that is already there: an
existing file is reported and the whole command stops before writing anything.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from jeudis.errors import JeudisError, UsageError
from jeudis.export.typography import variant_for
from jeudis.files import file_in_the_way, readable, write_atomic
from jeudis.interview import uuid_from
from jeudis.paths import (
    BUNDLED_QUESTIONNAIRES,
    SETTINGS_FILE,
    canonical_language,
    settings_problems,
)
from jeudis.questionnaire_schema import unspoken
from jeudis.storage import slugify
from jeudis.wording import is_french, primary_language

GITIGNORE = """\
# jeudis: the listing cache and the exported site are made again from the interviews.
.jeudis-cache/
site/
# What jeudis keeps beside an interview for this machine alone: a session's lock, a
# save under way, a text it could not save (private: copy it back, then delete it).
interviews/.*
"""

STARTER = """\
# {name}: the questions asked to every guest. Edit freely, then
# `jeudis inspect {qid}` shows them as a guest will read them.
# Wordings come in two forms of address (tu / vous); {{masculine|feminine}}
# pieces agree with the guest's gender. Bump `version` when you change questions.

id = "{qid}"
version = 1
title = {title}
series = {series}
language = "{language}"
style = "numbered"
registers = ["tu", "vous"]
default_register = "{register}"

[[fields]]
id = "site"
type = "url"
text = "Site ou blog de {{guest}}"
placeholder = "https://"
required = false

[[fields]]
id = "photo"
type = "text"
text = "Photo de {{guest}} : un fichier image (il est copié dans images/), ou son adresse"
required = false

[[fields]]
id = "intro"
type = "long"
text = "Chapeau du billet : qui est {{guest}} ? (Markdown, liens permis)"
required = false

[[questions]]
id = "presentation"
type = "long"
text.tu = "Peux-tu te présenter en quelques lignes ?"
text.vous = "Pouvez-vous vous présenter en quelques lignes ?"

[[questions]]
id = "projet"
type = "long"
text.tu = "Sur quoi travailles-tu en ce moment ?"
text.vous = "Sur quoi travaillez-vous en ce moment ?"

[[questions]]
id = "conseil"
type = "long"
text.tu = "Quel conseil donnerais-tu à {{un|une}} débutant{{|e}} ?"
text.vous = "Quel conseil donneriez-vous à {{un|une}} débutant{{|e}} ?"

[[questions]]
id = "lien"
type = "url"
text.tu = "Où peut-on te lire ?"
text.vous = "Où peut-on vous lire ?"
required = false
"""

# For a series in any other language: English, one form of address.
STARTER_EN = """\
# {name}: the questions asked to every guest. Edit freely, then
# `jeudis inspect {qid}` shows them as a guest will read them.
# {{guest}} and {{first_name}} name the guest in a wording. Bump `version` when
# you change questions.

id = "{qid}"
version = 1
title = {title}
series = {series}
language = "{language}"
style = "numbered"
registers = ["you"]

[[fields]]
id = "site"
type = "url"
text = "{{guest}}'s website or blog"
placeholder = "https://"
required = false

[[fields]]
id = "photo"
type = "text"
text = "A photo of {{guest}}: an image file (it is copied into images/), or its address"
required = false

[[fields]]
id = "intro"
type = "long"
text = "The post's intro: who is {{guest}}? (Markdown, links allowed)"
required = false

[[questions]]
id = "about"
type = "long"
text = "Could you introduce yourself in a few lines?"

[[questions]]
id = "project"
type = "long"
text = "What are you working on at the moment?"

[[questions]]
id = "advice"
type = "long"
text = "What advice would you give a beginner?"

[[questions]]
id = "link"
type = "url"
text = "Where can people read you?"
required = false
"""

# The starter in the other languages jeudis writes posts in (and its screen speaks):
# the wordings of the fields and the questions, each question's in every form of
# address (the first one the default), by id.
STARTERS: dict[str, dict[str, Any]] = {
    "de": {
        "registers": ("du", "Sie"),
        "site": "Website oder Blog von {guest}",
        "photo": "Foto von {guest}: eine Bilddatei (sie wird nach images/ kopiert) oder ihre Adresse",
        "intro": "Einleitung des Beitrags: Wer ist {guest}? (Markdown, Links erlaubt)",
        "questions": {
            "vorstellung": (
                "Kannst du dich in ein paar Zeilen vorstellen?",
                "Können Sie sich in ein paar Zeilen vorstellen?",
            ),
            "projekt": ("Woran arbeitest du gerade?", "Woran arbeiten Sie gerade?"),
            "rat": (
                "Welchen Rat würdest du {einem Anfänger|einer Anfängerin} geben?",
                "Welchen Rat würden Sie {einem Anfänger|einer Anfängerin} geben?",
            ),
            "link": ("Wo kann man dich lesen?", "Wo kann man Sie lesen?"),
        },
    },
    "es": {
        "registers": ("tu", "usted"),
        "site": "Web o blog de {guest}",
        "photo": "Foto de {guest}: un archivo de imagen (se copia en images/) o su dirección",
        "intro": "Entradilla del artículo: ¿quién es {guest}? (Markdown, enlaces permitidos)",
        "questions": {
            "presentacion": (
                "¿Puedes presentarte en unas pocas líneas?",
                "¿Puede presentarse en unas pocas líneas?",
            ),
            "proyecto": ("¿En qué estás trabajando ahora?", "¿En qué está trabajando ahora?"),
            "consejo": (
                "¿Qué consejo le darías a {un principiante|una principiante}?",
                "¿Qué consejo le daría a {un principiante|una principiante}?",
            ),
            "enlace": ("¿Dónde se te puede leer?", "¿Dónde se le puede leer?"),
        },
    },
    "it": {
        "registers": ("tu", "Lei"),
        "site": "Sito o blog di {guest}",
        "photo": "Foto di {guest}: un file immagine (viene copiato in images/) o il suo indirizzo",
        "intro": "Introduzione dell’articolo: chi è {guest}? (Markdown, link ammessi)",
        "questions": {
            "presentazione": (
                "Puoi presentarti in poche righe?",
                "Può presentarsi in poche righe?",
            ),
            "progetto": (
                "A cosa stai lavorando in questo momento?",
                "A cosa sta lavorando in questo momento?",
            ),
            "consiglio": (
                "Che consiglio daresti a {un principiante|una principiante}?",
                "Che consiglio darebbe a {un principiante|una principiante}?",
            ),
            "link": ("Dove ti si può leggere?", "Dove La si può leggere?"),
        },
    },
    "nl": {
        "registers": ("je", "u"),
        "site": "Website of blog van {guest}",
        "photo": "Foto van {guest}: een afbeelding (wordt naar images/ gekopieerd) of het adres ervan",
        "intro": "Inleiding van het bericht: wie is {guest}? (Markdown, links toegestaan)",
        "questions": {
            "voorstellen": (
                "Kun je jezelf in een paar regels voorstellen?",
                "Kunt u uzelf in een paar regels voorstellen?",
            ),
            "project": ("Waar werk je op dit moment aan?", "Waar werkt u op dit moment aan?"),
            "advies": (
                "Welk advies zou je een beginner geven?",
                "Welk advies zou u een beginner geven?",
            ),
            "link": ("Waar kunnen we je lezen?", "Waar kunnen we u lezen?"),
        },
    },
    "pt": {
        "registers": ("você",),
        "site": "Site ou blog de {guest}",
        "photo": "Foto de {guest}: um arquivo de imagem (é copiado para images/) ou o seu endereço",
        "intro": "Introdução do post: quem é {guest}? (Markdown, links permitidos)",
        "questions": {
            "apresentacao": ("Você pode se apresentar em poucas linhas?",),
            "projeto": ("Em que você está trabalhando no momento?",),
            "conselho": ("Que conselho você daria a {um iniciante|uma iniciante}?",),
            "link": ("Onde podemos ler você?",),
        },
    },
}
# What the starter's fields are, by their wording's key above.
_STARTER_FIELDS = (
    ("site", 'type = "url"\nplaceholder = "https://"'),
    ("photo", 'type = "text"'),
    ("intro", 'type = "long"'),
)


# The languages jeudis writes posts in and its screen speaks, by name (init says which
# one a new series is in).
LANGUAGE_NAMES = {
    "fr": "French",
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
}


@dataclass(frozen=True)
class Created:
    root: Path
    questionnaire: str
    files: list[Path]
    warnings: list[str]
    language: str  # the series', as jeudis.toml says it


def language_name(language: str) -> str:
    """``language`` by its English name when jeudis speaks it ("French" for fr-CA), else its tag."""
    return LANGUAGE_NAMES.get(primary_language(language), language)


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The language the host's locale names (LC_ALL, then LC_MESSAGES, then LANG, as
    POSIX reads them), when jeudis speaks it: "de" for de_DE.UTF-8; None for C, POSIX
    or none. Init suggests it, and keeps French as its default: a machine's locale is its
    menus' language, not always its blog's (a container's is C.UTF-8)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name):
            language = primary_language(value.partition(".")[0].partition("@")[0])
            return language if language in LANGUAGE_NAMES else None
    return None


def init_series(
    root: Path,
    *,
    blog: str,
    host: str = "",
    base_url: str = "",
    language: str = "fr",
    questionnaire: str = "",
) -> Created:
    """Create the series folder at ``root``; refuse if any file it would write exists."""
    # The folder, or one above it, a file ("Not a directory" named a folder to be):
    # a file in the way (1), as below, not a usage error (2).
    if blocking := file_in_the_way(root):
        raise JeudisError(f"{blocking} is a file, not a folder; nothing was written")
    blog = " ".join(blog.split()) or root.resolve().name
    language = canonical_language(language) or language  # a wrong one is refused below
    qid = slugify(questionnaire or blog, language)
    settings = _settings(blog, base_url, host, language)
    problems = settings_problems(tomllib.loads(settings), settings, root / SETTINGS_FILE)
    if problems:
        raise UsageError(f"{problems[0].reason}; nothing was written", hint=problems[0].hint)
    files: dict[Path, str] = {
        root / SETTINGS_FILE: settings,
        root / "questionnaires" / f"{qid}.toml": _bundled(qid) or _starter(qid, blog, language),
        root / ".gitignore": GITIGNORE,
    }
    existing = [path for path in files if path.exists()]
    if existing:  # not a usage error (2): the options are fine, a file is in the way (1)
        raise JeudisError(
            f"{existing[0]} already exists; nothing was written",
            hint="`jeudis init` starts a new series; pick an empty folder, or edit the files",
        )
    for path, text in files.items():  # each one jeudis reads back, before any is written
        readable(path, text, hint="shorten --blog or --host; nothing was written")
    (root / "interviews").mkdir(parents=True, exist_ok=True)
    (root / "questionnaires").mkdir(exist_ok=True)
    for path, text in files.items():
        write_atomic(path, text)
    # "--language fe" for "fr": a series made in English, said now rather than at check.
    said = unspoken(language)
    warnings = [f"{said}; the starter questionnaire is in English"] if said else []
    return Created(root, qid, [*files, root / "interviews"], warnings, language)


def _bundled(qid: str) -> str | None:
    """A questionnaire bundled with jeudis named as the starter (``--questionnaire
    twitter``): copied, to be made the series' own. A starter of that name took its
    place in the series unsaid, four questions for its thirteen."""
    bundled = BUNDLED_QUESTIONNAIRES / f"{qid}.toml"
    return bundled.read_text(encoding="utf-8") if bundled.is_file() else None


def _starter(qid: str, blog: str, language: str) -> str:
    """The first questionnaire, in the series' language: French, German, Spanish,
    Italian, Dutch or Portuguese, else English."""
    if words := STARTERS.get(primary_language(language)):
        return _starter_in(words, qid, blog, language)
    french = is_french(language)
    return (STARTER if french else STARTER_EN).format(
        qid=qid,
        name=blog,
        title=_toml_string(_literal(blog) + (" : {guest}" if french else ": {guest}")),
        series=_toml_string(blog),
        language=language,
        register="tu",
    )


def _starter_in(words: dict[str, Any], qid: str, blog: str, language: str) -> str:
    """The starter of :data:`STARTERS` in one language."""
    registers: tuple[str, ...] = words["registers"]
    several = len(registers) > 1
    forms = f"# Wordings come in {len(registers)} forms of address ({' / '.join(registers)})."
    lines = [
        f"# {blog}: the questions asked to every guest. Edit freely, then",
        f"# `jeudis inspect {qid}` shows them as a guest will read them.",
        *([forms] if several else []),
        "# {masculine|feminine} pieces agree with the guest's gender. Bump `version`",
        "# when you change questions.",
        "",
        f"id = {_toml_string(qid)}",
        "version = 1",
        f"title = {_toml_string(_literal(blog) + ': {guest}')}",
        f"series = {_toml_string(blog)}",
        f"language = {_toml_string(language)}",
        'style = "numbered"',
        f"registers = [{', '.join(map(_toml_string, registers))}]",
    ]
    for key, kind in _STARTER_FIELDS:
        lines += ["", "[[fields]]", f"id = {_toml_string(key)}", *kind.split("\n")]
        lines += [f"text = {_toml_string(words[key])}", "required = false"]
    for index, (key, texts) in enumerate(words["questions"].items()):
        last = index == len(words["questions"]) - 1  # the guest's address: a url, optional
        lines += ["", "[[questions]]", f"id = {_toml_string(key)}"]
        lines.append(f"type = {_toml_string('url' if last else 'long')}")
        if several:
            lines += [
                f"text.{r} = {_toml_string(t)}" for r, t in zip(registers, texts, strict=True)
            ]
        else:
            lines.append(f"text = {_toml_string(texts[0])}")
        lines += ["required = false"] if last else []
    return "\n".join(lines) + "\n"


SETTINGS_HELP = {
    "blog": "the blog's name: page titles, the index, the feed",
    "base_url": "where the site is published (https://...): canonical links, feed, sitemap",
    "host": "who asks the questions (jeudis new --host says otherwise for one interview)",
    "language": "the posts' language: fr, fr-CA, fr-CH, en...",
    "feed_id": "the feed's id, by which readers know it: keep it when the blog is renamed",
}
OPTIONAL_SETTINGS = """\
# typography = "fr"  # French spacing before ; ! ? : and inside « », quotes, …, dashes: fr, fr-CA, fr-CH or off
# description = ""   # the series in a sentence: the index's and the feed's description
# author_url = ""    # the host's own page, named as the author of each post
"""
# Posts in English, German, Spanish, Italian, Dutch or Portuguese take their language's
# typography (quotes, …, dashes): off keeps what is typed.
MARKS_TYPOGRAPHY = '# typography = "off"  # quotes, apostrophes, … and dashes are set unless off\n'


def _settings(blog: str, base_url: str, host: str, language: str) -> str:
    """``jeudis.toml``, each setting with what it does (``jeudis check`` checks them)."""
    # Made once, here: a feed's id is of no name nor address, which a blog may change.
    feed_id = "urn:uuid:" + uuid_from(os.urandom(16), 4)
    data = {
        "blog": blog,
        "base_url": base_url,
        "host": host,
        "language": language,
        "feed_id": feed_id,
    }
    lines = ["# The series' settings; `jeudis check` checks them."]
    for key, value in data.items():
        lines.append(f"{tomli_w.dumps({key: value}).strip()}  # {SETTINGS_HELP[key]}")
    optional = OPTIONAL_SETTINGS.splitlines(keepends=True)
    if not is_french(language):  # French spacing is for posts in French alone
        optional = [line for line in optional if not line.startswith("# typography")]
        if variant_for(language, None) != "off":
            optional.insert(0, MARKS_TYPOGRAPHY)
    return "\n".join(lines) + "\n" + "".join(optional)


def _literal(text: str) -> str:
    """Text kept as it is inside a wording template (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes).
    return json.dumps(text, ensure_ascii=False)
