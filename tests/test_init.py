"""``jeudis init``: a new series folder, then a first interview in it."""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path

import pytest
import tomli_w

from jeudis.errors import ExitCode
from jeudis.interview_reading import load_interview
from support import Invoke, write


def test_the_gitignore_keeps_what_jeudis_writes_for_one_machine_out_of_git(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A session's lock, a save under way and a text kept when not saved (private notes
    among them) were committed by `git add -A`; the interviews are not left out."""
    folder = tmp_path / "serie"
    assert invoke("init", folder, "--blog", "Blog", "--host", "Alexis").exit_code == 0
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    hidden = [
        "interviews/.paul-martin.lock",
        "interviews/.paul-martin.toml.0a1b2c3d.tmp",
        "interviews/.paul-martin.notes.txt",
        "interviews/.paul-martin.not-saved.txt",
        "site/index.html",
    ]
    kept = ["interviews/paul-martin.toml", "questionnaires/blog.toml", "jeudis.toml"]

    ignored = subprocess.run(
        ["git", "-C", str(folder), "check-ignore", "--no-index", *hidden, *kept],
        capture_output=True,
        text=True,
        check=False,  # 1 when some are not ignored
    )

    assert ignored.stdout.splitlines() == hidden


def test_init_then_new_in_an_empty_folder(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mardis"
    result = invoke(
        "init", folder, "--blog", "Les Mardis {Vélo}", "--host", "Alexis",
        "--base-url", "https://velo.example.com",
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "jeudis new les-mardis-velo --guest" in result.stdout
    settings = tomllib.loads((folder / "jeudis.toml").read_text(encoding="utf-8"))
    assert settings.pop("feed_id").startswith("urn:uuid:")  # made once, here
    assert settings == {
        "blog": "Les Mardis {Vélo}",
        "base_url": "https://velo.example.com",
        "host": "Alexis",
        "language": "fr",
    }
    assert (folder / "interviews").is_dir()
    assert not list((folder / "interviews").iterdir())
    gitignore = (folder / ".gitignore").read_text(encoding="utf-8")
    assert ".jeudis-cache/" in gitignore and "site/" in gitignore

    monkeypatch.setenv("JEUDIS_DIR", str(folder))
    assert invoke("check").exit_code == 0
    inspected = invoke("inspect", "les-mardis-velo", "--register", "vous", "--gender", "f")
    assert "Quel conseil donneriez-vous à une débutante ?" in inspected.stdout
    assert "Les Mardis {Vélo} : " in inspected.stdout

    data = tmp_path / "answers.toml"
    data.write_text(
        tomli_w.dumps(
            {
                "answers": {
                    "presentation": "Cycliste du dimanche 🚲",
                    "projet": "- un tour de Bretagne\n- un carnet de route",
                    "conseil": "Partir tôt.",
                }
            }
        ),
        encoding="utf-8",
    )
    result = invoke("new", "les-mardis-velo", "--guest", "Inès Roy", "--data-file", data)
    assert result.exit_code == 0, result
    interview = load_interview(folder / "interviews" / "ines-roy.toml")
    assert interview.status == "complete"
    assert interview.host == "Alexis"
    assert interview.answer("projet").value == "- un tour de Bretagne\n- un carnet de route"  # type: ignore[union-attr]
    exported = invoke("export", "ines-roy", "--format", "md")
    assert exported.exit_code == 0, exported
    assert "un carnet de route" in exported.stdout


def test_init_never_overwrites(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "series"
    folder.mkdir(exist_ok=True)
    (folder / ".gitignore").write_text("mine\n", encoding="utf-8")
    result = invoke("init", folder, "--blog", "Blog")
    # An error, as every refusal to write over a file: it said usage (2), the options fine.
    assert result.exit_code == ExitCode.ERROR
    assert ".gitignore already exists; nothing was written" in result.stderr
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "mine\n"
    assert not (folder / "jeudis.toml").exists()


@pytest.mark.parametrize("under", ["", "deeper/still"])
def test_init_onto_a_file_says_which_file(invoke: Invoke, tmp_path: Path, under: str) -> None:
    """A file where the series folder, or a folder above it, would be: named, with the
    code of a file in the way. Below a file, it was "Not a directory" naming the
    folder to be, ``interviews/`` inside it."""
    afile = tmp_path / "notes.txt"
    afile.write_text("mine\n", encoding="utf-8")

    result = invoke("init", afile / under if under else afile, "--blog", "Blog")

    assert result.exit_code == ExitCode.ERROR, result
    assert result.stderr == f"error: {afile} is a file, not a folder; nothing was written\n"
    assert afile.read_text(encoding="utf-8") == "mine\n"


def test_init_offers_the_typography_of_the_series_language(invoke: Invoke, tmp_path: Path) -> None:
    """The starter jeudis.toml offered `typography = "fr"` to an English series too,
    where it does nothing: French spacing is for posts in French. English and German
    posts have their own typography, which `off` turns off; Japanese ones none."""
    for language in ("fr-CA", "en-GB", "de", "ja"):
        assert invoke("init", tmp_path / language, "--language", language).exit_code == 0
    french, english, german, japanese = (
        (tmp_path / language / "jeudis.toml").read_text(encoding="utf-8")
        for language in ("fr-CA", "en-GB", "de", "ja")
    )
    assert '# typography = "fr"' in french
    assert '# typography = "off"' in english and '"fr"' not in english
    assert '# typography = "off"' in german
    assert "typography" not in japanese
    assert "# description = " in english and "# author_url = " in english
    # Uncommented as it stands, it is a valid setting.
    (tmp_path / "en-GB" / "jeudis.toml").write_text(
        english.replace("# typography", "typography"), encoding="utf-8"
    )
    assert invoke("check", "--dir", tmp_path / "en-GB").stdout == "All good.\n"


def test_init_twice_refuses(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    assert invoke("init", folder).exit_code == 0
    before = (folder / "jeudis.toml").read_bytes()
    result = invoke("init", folder, "--blog", "Autre")
    assert result.exit_code == ExitCode.ERROR
    assert (folder / "jeudis.toml").read_bytes() == before


def test_init_defaults_to_the_folder_name(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "carnet"
    assert invoke("init", folder).exit_code == 0
    assert (folder / "questionnaires" / "carnet.toml").is_file()


def test_bad_base_url(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("init", tmp_path / "x", "--base-url", "velo.example.com")
    assert result.exit_code == 2
    assert "start it with https://" in result.stderr


def test_the_settings_say_what_each_one_does(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "mardis"
    assert invoke("init", folder).exit_code == 0
    text = (folder / "jeudis.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    settings = [line for line in lines if not line.startswith("#")]
    keys = [line.split(" = ")[0] for line in settings]
    assert keys == ["blog", "base_url", "host", "language", "feed_id"]
    assert all("  # " in line for line in settings)  # each with what it does
    optional = [line for line in lines if line.startswith("# ") and " = " in line]
    assert [line[2:].split(" = ")[0] for line in optional] == [
        "typography",
        "description",
        "author_url",
    ]
    # Each optional setting, uncommented as it stands, is a valid one.
    (folder / "jeudis.toml").write_text(
        text.replace('# typography = "fr"', 'typography = "fr"').replace(
            "# description", "description"
        ),
        encoding="utf-8",
    )
    assert invoke("check", "--dir", folder).stdout == "All good.\n"


@pytest.mark.parametrize(
    ("typed", "written"),
    [("EN-gb", "en-GB"), ("FR", "fr"), ("fr_ca", "fr-CA"), ("sr-latn-rs", "sr-Latn-RS")],
)
def test_init_writes_the_language_tag_in_its_usual_case(
    invoke: Invoke, tmp_path: Path, typed: str, written: str
) -> None:
    folder = tmp_path / "mardis"
    result = invoke("init", folder, "--language", typed, "--questionnaire", "q")

    assert result.exit_code == 0, result
    settings = tomllib.loads((folder / "jeudis.toml").read_text(encoding="utf-8"))
    starter = tomllib.loads((folder / "questionnaires" / "q.toml").read_text(encoding="utf-8"))
    assert (settings["language"], starter["language"]) == (written, written)


@pytest.mark.parametrize(
    ("typed", "warned"), [("fe", True), ("sr-Latn-RS", True), ("pt-BR", False)]
)
def test_a_language_jeudis_does_not_speak_is_said_at_once(
    invoke: Invoke, tmp_path: Path, typed: str, warned: bool
) -> None:
    """ "--language fe" for "fr": the series is made, in English, and init says so now,
    not the first `jeudis check` after the questions are written."""
    result = invoke("init", tmp_path / "mardis", "--language", typed)

    assert result.exit_code == 0, result
    assert result.stderr == (
        f"warning: jeudis speaks fr, en, de, es, it, nl and pt, not {typed!r}: the guest's"
        " screen, its messages and the words around the post will be in English; the"
        " starter questionnaire is in English\n"
        if warned
        else ""
    )
    assert (tmp_path / "mardis" / "jeudis.toml").is_file()


@pytest.mark.parametrize("typed", ["français", "fr fr", "123", "fr-", ""])
def test_a_language_that_is_not_a_tag_writes_nothing(
    invoke: Invoke, tmp_path: Path, typed: str
) -> None:
    result = invoke("init", tmp_path / "mardis", "--language", typed)

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        (
            f"error: language must be a language tag such as fr, fr-CA or en, not {typed!r};"
            " nothing was written"
        ),
        "hint: a language, then a country if need be: fr, fr-CA, en-GB",
    ]
    assert not (tmp_path / "mardis").exists()


def test_init_says_what_to_type_next_as_it_can_be_typed(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EDITOR", "vim")
    monkeypatch.delenv("VISUAL", raising=False)
    result = invoke("init", "mes interviews", "--questionnaire", "q")
    assert result.exit_code == 0, result
    steps = result.stdout.split("Next:\n", 1)[1].splitlines()
    assert steps[0] == "  cd 'mes interviews'"  # quoted: one word for the shell
    assert len({line.index("# ") for line in steps[1:]}) == 1  # the comments in a column
    # No --host, no --base-url: the posts would name no author, and have no address.
    assert steps[1].startswith("  $EDITOR jeudis.toml ") and steps[1].endswith(
        "# set host and base_url"
    )
    assert steps[4].startswith('  jeudis new q --guest "First Last"')
    # A long name on a narrow terminal: each step stays one line (pasted, a comment
    # wrapped onto a line of its own would run as a command).
    long = invoke("init", "interviews-litteraires-2025", env={"COLUMNS": "60"})
    steps = long.stdout.split("Next:\n", 1)[1].splitlines()
    assert len(steps) == 5 and all("# " in line for line in steps[1:])
    # Each one given, the step says what is left; both, it is not there.
    for option, value, left in (
        ("--host", "Al", "base_url"),
        ("--base-url", "https://a.example", "host"),
    ):
        told = invoke("init", f"{left}-left", option, value).stdout
        assert told.split("Next:\n", 1)[1].splitlines()[1].endswith(f"# set {left}")
    both = invoke("init", "both", "--host", "Al", "--base-url", "https://a.example").stdout
    assert "jeudis.toml " not in both.split("Next:\n", 1)[1]


def test_an_english_series_starts_with_english_questions(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "five"
    result = invoke("init", folder, "--blog", "Five Questions", "--language", "en", "--host", "Al")
    assert result.exit_code == 0, result
    monkeypatch.setenv("JEUDIS_DIR", str(folder))
    assert invoke("check").stdout == "All good.\n"

    inspected = invoke("inspect", "five-questions", "--guest", "Ana Smith")
    assert "Five Questions: Ana Smith  (five-questions v1, you)" in inspected.stdout
    assert "What advice would you give a beginner?" in inspected.stdout
    data = write(
        tmp_path / "answers.toml",
        '[fields]\nsite = "ana.example"\n[answers]\nabout = "A maker."\nproject = "Toys."\nadvice = "Start."\n',
    )
    assert (
        invoke("new", "five-questions", "--guest", "Ana Smith", "--data-file", data).exit_code == 0
    )
    interview = load_interview(folder / "interviews" / "ana-smith.toml")
    assert (interview.language, interview.register) == ("en", "you")
    assert interview.answer("advice").question == "What advice would you give a beginner?"  # type: ignore[union-attr]


# A question of the starter in each language, in each form of address, to a woman.
IN_ITS_LANGUAGE = {
    "de": ("rat", {"du": "Welchen Rat würdest du einer Anfängerin geben?",
                   "Sie": "Welchen Rat würden Sie einer Anfängerin geben?"}),
    "es": ("consejo", {"tu": "¿Qué consejo le darías a una principiante?",
                       "usted": "¿Qué consejo le daría a una principiante?"}),
    "it": ("consiglio", {"tu": "Che consiglio daresti a una principiante?",
                         "Lei": "Che consiglio darebbe a una principiante?"}),
    "nl": ("advies", {"je": "Welk advies zou je een beginner geven?",
                      "u": "Welk advies zou u een beginner geven?"}),
    "pt-BR": ("conselho", {"você": "Que conselho você daria a uma iniciante?"}),
}  # fmt: skip


@pytest.mark.parametrize("language", IN_ITS_LANGUAGE)
def test_a_series_in_a_language_jeudis_writes_posts_in_starts_with_its_questions(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """A German series began with English questions to translate; it begins in German,
    in each form of address, and its post is German around them."""
    folder = tmp_path / "five"
    result = invoke("init", folder, "--blog", "Cinco", "--language", language, "--host", "Al")
    assert result.exit_code == 0, result
    monkeypatch.setenv("JEUDIS_DIR", str(folder))
    checked = invoke("check")
    assert checked.exit_code == 0 and checked.stdout == "All good.\n", checked  # its screen too

    asked, wordings = IN_ITS_LANGUAGE[language]
    for register, wording in wordings.items():
        args = ["--register", register, "--gender", "f", "--guest", "Ana Lima"]
        inspected = invoke("inspect", "cinco", *args)
        assert inspected.exit_code == 0, inspected
        assert f"3. {wording}  long" in inspected.stdout
    questions = tomllib.loads((folder / "questionnaires" / "cinco.toml").read_text("utf-8"))
    ids = [q["id"] for q in questions["questions"]]
    assert ids[2] == asked and len(ids) == 4
    answers = {qid: f"Réponse {n}" for n, qid in enumerate(ids[:3])}
    data = write(tmp_path / "answers.toml", tomli_w.dumps({"answers": answers}))
    made = invoke("new", "cinco", "--guest", "Ana Lima", "--gender", "f", "--data-file", data)
    assert made.exit_code == 0, made
    interview = load_interview(folder / "interviews" / "ana-lima.toml")
    assert interview.register == next(iter(wordings))  # the first form, the default
    post = invoke("export", "ana-lima", "--format", "md")
    assert post.exit_code == 0, post
    assert f"## 3. {wordings[interview.register]}" in post.stdout


def test_init_makes_the_series_in_the_folder_dash_c_names(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`jeudis -C ~/blog init`, as every other command takes -C: it made the series in
    the current folder, exit 0."""
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    monkeypatch.chdir(here)

    result = invoke("-C", there, "init", "--blog", "Blog")

    assert result.exit_code == 0, result
    assert (there / "jeudis.toml").is_file() and list(here.iterdir()) == []
    assert invoke("-C", there, "init", here / "third", "--blog", "B").exit_code == 0
    assert (here / "third" / "jeudis.toml").is_file()  # a folder named wins, as -C elsewhere


@pytest.mark.parametrize(
    ("visual", "editor", "programs", "typed"),
    [
        ("", "", ["nano", "vim"], "nano"),
        ("", "", ["vim"], "vim"),
        ("", "", [], "vi"),
        ("", " ", ["vim"], "vim"),  # set, to nothing: typed, it is nothing too
        ("", "emacs", [], "$EDITOR"),
        ("code -w", "emacs", [], "$VISUAL"),  # the one jeudis edit opens
    ],
)
def test_init_next_steps_name_an_editor_that_opens(
    invoke: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    visual: str,
    editor: str,
    programs: list[str],
    typed: str,
) -> None:
    """With no $EDITOR (most Macs), "$EDITOR jeudis.toml" typed ran jeudis.toml as a
    command ("permission denied"); an editor the machine has is named instead."""
    import shutil

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VISUAL", visual)
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.setattr(
        shutil, "which", lambda name: f"/usr/bin/{name}" if name in programs else None
    )
    result = invoke("init", "s", "--questionnaire", "q")
    assert result.exit_code == 0, result
    steps = result.stdout.split("Next:\n", 1)[1].splitlines()
    assert steps[1].startswith(f"  {typed} jeudis.toml ")
    assert steps[2].startswith(f"  {typed} questionnaires/q.toml ")


@pytest.mark.parametrize("qid", ["twitter", "livre"])
def test_init_copies_a_bundled_questionnaire_named_as_the_starter(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qid: str
) -> None:
    """``--questionnaire twitter`` wrote a four-question starter named twitter, which
    took the bundled thirteen questions' place in the series, unsaid: the bundled
    questionnaire is copied instead, to be made the series' own."""
    from jeudis.paths import BUNDLED_QUESTIONNAIRES

    monkeypatch.chdir(tmp_path)
    result = invoke("init", "s", "--questionnaire", qid)
    assert result.exit_code == 0, result
    copied = tmp_path / "s" / "questionnaires" / f"{qid}.toml"
    assert copied.read_bytes() == (BUNDLED_QUESTIONNAIRES / f"{qid}.toml").read_bytes()
    listed = invoke("questionnaires", "--json", "-C", str(tmp_path / "s"))
    assert listed.exit_code == 0, listed
    (entry,) = [q for q in json.loads(listed.stdout) if q["id"] == qid]
    assert Path(entry["path"]) == copied.resolve()


@pytest.mark.parametrize(
    ("locale", "other"),
    [
        ({"LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}, "English (--language en)"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}, "English (--language en)"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "German (--language de)"),
        ({"LANG": "es_ES.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}, "Spanish (--language es)"),
    ],
)
def test_init_says_the_series_language_and_how_to_make_another(
    invoke: Invoke, tmp_path: Path, locale: dict[str, str | None], other: str
) -> None:
    """No --language: the series is French, as before, whatever the locale, and init says
    so, with the way to the locale's language, else English. A host writing English made
    a French series without a word: its index and feed French around English posts."""
    folder = tmp_path / "five"
    result = invoke("init", folder, "--blog", "Five Questions", env=locale)

    assert result.exit_code == 0, result
    language, way = other.split(" (")
    assert (
        f'\nPosts in French (language = "fr"); for posts in {language}, init an empty folder'
        f" with {way.rstrip(')')}\n" in result.stdout
    )
    settings = tomllib.loads((folder / "jeudis.toml").read_text(encoding="utf-8"))
    assert settings["language"] == "fr"

    chosen = invoke("init", tmp_path / "funf", "--language", "de-AT", env=locale)
    assert '\nPosts in German (language = "de-AT")\n' in chosen.stdout
    assert "init an empty folder" not in chosen.stdout


def test_check_warns_of_a_series_in_another_language_than_its_interviews(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A series made French (init with no --language), its questionnaire rewritten in
    English: its index and feed were French (lang="fr", "Flux Atom") around English
    posts, and `check --strict` said "All good"."""
    folder = tmp_path / "five"
    assert invoke("init", folder, "--blog", "Five Questions", "--host", "Sam").exit_code == 0
    english = tmp_path / "english"
    assert invoke("init", english, "--blog", "Five Questions", "--language", "en").exit_code == 0
    starter = folder / "questionnaires" / "five-questions.toml"
    starter.write_text(
        (english / "questionnaires" / "five-questions.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    monkeypatch.setenv("JEUDIS_DIR", str(folder))
    data = write(
        tmp_path / "answers.toml",
        '[answers]\nabout = "A maker."\nproject = "Toys."\nadvice = "Start."\n',
    )
    made = invoke("new", "five-questions", "--guest", "Ana Smith", "--data-file", data)
    assert made.exit_code == 0, made
    settings = folder / "jeudis.toml"
    line = 1 + settings.read_text(encoding="utf-8").splitlines().index(
        'language = "fr"  # the posts\' language: fr, fr-CA, fr-CH, en...'
    )

    checked = invoke("check", "--strict")

    assert checked.exit_code == ExitCode.CHECK_FAILED, checked
    assert checked.stdout.splitlines()[:2] == [
        (
            f'{settings}:{line}: warning: language = "fr" but the series\' interviews are in'
            " en: its index and feed are in the series' language, around posts in their"
            " interview's"
        ),
        '  hint: set language = "en" in jeudis.toml',
    ]

    settings.write_text(
        settings.read_text(encoding="utf-8").replace('language = "fr"', 'language = "en-GB"'),
        encoding="utf-8",
    )
    assert invoke("check", "--strict").stdout == "All good.\n"
    exported = invoke("export", "--all")
    assert exported.exit_code == 0, exported
    index = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in index and "Flux Atom" not in index


def test_check_warns_though_the_starter_questionnaire_is_left_in_the_series_language(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The French questionnaire init wrote left beside the English one the host wrote,
    never used: it silenced the warning, every post English in a French site. With
    interviews in two languages, the hint named the first in the alphabet's order."""
    folder = tmp_path / "five"
    assert invoke("init", folder, "--blog", "Five Questions", "--host", "Sam").exit_code == 0
    english = tmp_path / "english"
    assert invoke("init", english, "--blog", "Five Questions", "--language", "en").exit_code == 0
    form = (english / "questionnaires" / "five-questions.toml").read_text(encoding="utf-8")
    assert 'id = "five-questions"' in form
    own = folder / "questionnaires" / "five-en.toml"
    own.write_text(form.replace('id = "five-questions"', 'id = "five-en"'), encoding="utf-8")
    monkeypatch.setenv("JEUDIS_DIR", str(folder))
    data = write(
        tmp_path / "answers.toml",
        '[answers]\nabout = "A maker."\nproject = "Toys."\nadvice = "Start."\n',
    )
    for guest in ("Ana Smith", "Bo Lee"):
        made = invoke("new", "five-en", "--guest", guest, "--data-file", data)
        assert made.exit_code == 0, made

    checked = invoke("check")

    assert 'language = "fr" but the series\' interviews are in en:' in checked.stdout, checked
    assert '  hint: set language = "en" in jeudis.toml' in checked.stdout.splitlines()

    german = own.read_text(encoding="utf-8").replace('language = "en"', 'language = "de"')
    (folder / "questionnaires" / "funf.toml").write_text(
        german.replace('id = "five-en"', 'id = "funf"'), encoding="utf-8"
    )
    made = invoke("new", "funf", "--guest", "Jana Roth", "--data-file", data)
    assert made.exit_code == 0, made
    hints = [line for line in invoke("check").stdout.splitlines() if "hint: set" in line]
    assert hints == ['  hint: set language in jeudis.toml to that of most posts: "de" or "en"']
