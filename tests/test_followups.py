"""Questions the host writes live: follow-ups after an answer, open interviews (livre)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest

from jeudis import starting
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from jeudis.prompts import BACK, Prompt
from jeudis.questionnaire import load_questionnaire
from jeudis.session import Session
from support import EXAMPLES, OPEN_LU, REPO, Invoke

LIVRE = REPO / "questionnaires" / "livre.toml"
TWITTER = REPO / "questionnaires" / "twitter.toml"


class Scripted:
    """A prompter that answers from a script; follow-ups and live questions too."""

    def __init__(
        self,
        answers: list[Any],
        followups: dict[str, list[str]] | None = None,
        written: list[str] | None = None,
        pause_at: tuple[str, str] | None = None,
    ) -> None:
        self.answers: Iterator[Any] = iter(answers)
        self.followups = followups or {}
        self.written = iter(written or [])
        self.asked: list[Prompt] = []
        self.pause_at = pause_at  # (question id, text being typed): the session pauses there
        self.current_id: str | None = None

    def ask(self, prompt: Prompt) -> Any:
        from jeudis.prompts import Paused

        self.current_id = prompt.id  # what a pause keeps the text under
        if self.pause_at and prompt.id == self.pause_at[0]:
            raise Paused(self.pause_at[1])
        self.asked.append(prompt)
        return next(self.answers)

    def followup(self, interview: Interview, after: Answer) -> str | None:
        queue = self.followups.get(after.id, [])
        return queue.pop(0) if queue else None

    def write_question(self, interview: Interview, number: int) -> str | None:
        return next(self.written, None)

    def host_part(self, *args: Any) -> None: ...
    def hand_over(self, *args: Any) -> None: ...
    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        self.rows = rows
        return None

    def thanks(self, interview: Interview) -> None: ...


def start(series: Path, form_path: Path, guest: str = "Claire Martin") -> tuple[Any, Interview]:
    form = load_questionnaire(form_path)
    interview = starting.prepare(
        Series(series), form, starting.Options(guest=guest, gender="f", host="Stéphane")
    )
    starting.create(Series(series), interview)
    return form, interview


def test_followup_is_stored_after_its_answer(series: Path) -> None:
    form, interview = start(series, TWITTER)
    answers: list[Any] = [f"réponse {n}" for n in range(13)]
    answers[1] = "4 000"
    answers.insert(3, "Surtout la veille, quelques conversations.")  # the follow-up's answer
    answers = ["", "", "", "", *answers]  # the host's fields, left empty
    prompter = Scripted(answers, followups={"utilisations": ["La veille, c’est-à-dire ?"]})
    Session(form, interview, prompter).run()
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    ids = [a.id for a in saved.answers]
    assert ids[:5] == ["depuis-quand", "followers", "utilisations", "relance-1", "apport"]
    followup = saved.answer("relance-1")
    assert followup is not None
    assert followup.followup
    assert followup.question == "La veille, c’est-à-dire ?"
    assert followup.value == "Surtout la veille, quelques conversations."
    assert saved.status == "complete"
    assert [row[1][:2] for row in prompter.rows[2:5]] == ["3.", "↳ ", "4."]


BOOKS = """
id = "books"
title = "Books: {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "reading"
type = "long"
text = "What are you reading?"

[[questions]]
id = "next"
type = "text"
text = "And next?"
"""


def test_a_follow_up_in_an_english_interview_is_no_relance(series: Path, invoke: Invoke) -> None:
    """Ctrl-F in an English interview wrote "relance-1", French, into its file and its
    post's anchors (#q-relance-1). A "relance-" follow-up written before still follows."""
    path = series / "questionnaires" / "books.toml"
    path.write_text(BOOKS, encoding="utf-8")
    form, interview = start(series, path, guest="Ann Lee")
    prompter = Scripted(
        ["Dune.", "Very.", "Because.", "Emma."],
        followups={"reading": ["Is it long?"], "followup-1": ["Why?"]},
    )
    Session(form, interview, prompter).run()
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [(a.id, a.followup) for a in saved.answers] == [
        ("reading", False), ("followup-1", True), ("followup-2", True), ("next", False),
    ]  # fmt: skip
    assert [row[1][:2] for row in prompter.rows] == ["1.", "↳ ", "↳ ", "2."]
    page = invoke("export", "ann-lee").stdout
    assert 'id="q-followup-1"' in page and "relance" not in page


@pytest.mark.parametrize(
    ("answer_id", "followup", "follows_it"),
    [("relance-1", True, True), ("followup-1", True, True), ("question-1", True, False),
     ("followup-1", False, False)],
)  # fmt: skip
def test_a_follow_up_goes_with_its_answer_whatever_its_language(
    answer_id: str, followup: bool, follows_it: bool
) -> None:
    from jeudis.followups import follows

    answer = Answer(answer_id, "long", "Is it long?", "Very.", followup=followup)
    assert follows(answer) is follows_it


def test_open_interview_with_live_questions_and_a_chain_of_followups(series: Path) -> None:
    form, interview = start(series, LIVRE)
    assert form.open and form.style == "dialogue"
    prompter = Scripted(
        [
            "Les Mots du Jardin", "", "https://example.com/livre", "",  # the host's fields
            "Bonjour Stéphane ! L’envie de transmettre.",
            "Vingt ans de potager.",
            "Un carnet de notes.",
            "Oui, au printemps.",
            "",  # an optional follow-up left empty is skipped
        ],
        followups={"motivation": ["Transmettre quoi ?"], "question-1": ["Un second tome ?"]},
        written=["C’est quoi, un jardin de mots ?"],
    )  # fmt: skip
    Session(form, interview, prompter).run()
    # The fixed question is the first of more to come: "[1]", not "[1/1]".
    assert [p.counter for p in prompter.asked if p.id == "motivation"] == ["[1]"]
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [(a.id, a.followup) for a in saved.answers] == [
        ("motivation", False),
        ("relance-1", True),
        ("question-1", True),
        ("relance-2", True),
    ]
    assert saved.answer("relance-2").value == "Oui, au printemps."  # type: ignore[union-attr]
    assert saved.fields["closing"] == (
        "Pour en savoir plus sur « Les Mots du Jardin » et se le procurer : "
        "https://example.com/livre"
    )


def test_a_prompter_without_live_questions_still_runs(series: Path) -> None:
    class Plain(Scripted):
        followup = None  # type: ignore[assignment]
        write_question = None  # type: ignore[assignment]

    form, interview = start(series, LIVRE)
    Session(form, interview, Plain(["Titre", "", "https://example.com/l", "", "Réponse"])).run()
    assert [a.id for a in interview.answers] == ["motivation"]


def test_a_closing_the_host_wrote_in_a_draft_is_kept_when_it_is_finished(series: Path) -> None:
    """The host wrote the post's closing words in the draft (``edit --fields``), in
    place of the questionnaire's ("en librairie le 3 mai"): the guest's last answer
    finished the interview, and the questionnaire's closing was written over them."""
    from jeudis import storage
    from jeudis.errors import SessionInterrupted

    form, interview = start(series, LIVRE)
    first = Scripted(
        ["Les Mots du Jardin", "", "https://example.com/l", ""], pause_at=("motivation", "")
    )
    with pytest.raises(SessionInterrupted):
        Session(form, interview, first).run()
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    own = "« Les Mots du Jardin » est en librairie le 3 mai : https://example.com/l"
    draft.fields["closing"] = own
    storage.save(draft)

    Session(form, draft, Scripted(["L’envie de transmettre."])).run()

    finished = load_interview(draft.path)  # type: ignore[arg-type]
    assert finished.status == "complete"
    assert finished.fields["closing"] == own


def test_live_question_written_but_not_answered_is_asked_on_resume(series: Path) -> None:
    from jeudis.errors import SessionInterrupted

    form, interview = start(series, LIVRE)
    first = Scripted(
        ["Titre", "", "https://example.com/l", "", "Réponse"],
        written=["Et la suite ?"],
        pause_at=("question-1", ""),
    )
    with pytest.raises(SessionInterrupted):
        Session(form, interview, first).run()
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    assert draft.answer("question-1").question == "Et la suite ?"  # type: ignore[union-attr]
    second = Scripted(["Au printemps."])
    Session(form, draft, second).run()
    assert [p.message for p in second.asked] == ["Et la suite ?"]
    assert load_interview(draft.path).answer("question-1").value == "Au printemps."  # type: ignore[arg-type, union-attr]


def test_a_followup_paused_on_comes_back_first_on_resume_with_its_counter(series: Path) -> None:
    """Asked after question 13, it came with nothing to tie it to the answer it follows;
    an open interview's question came back as a follow-up ("↳", not "[3]")."""
    from jeudis.errors import SessionInterrupted

    form, interview = start(series, TWITTER)
    answers = ["", "", "", "", "réponse 1", "4 000", "réponse 3"]
    first = Scripted(
        answers,
        followups={"utilisations": ["Lequel ?"]},
        pause_at=("relance-1", "Un salon à Lyon."),
    )
    with pytest.raises(SessionInterrupted):
        Session(form, interview, first).run()
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    assert draft.pending == {"relance-1": "Un salon à Lyon."}
    second = Scripted([f"réponse {n}" for n in range(1, 12)])
    Session(form, draft, second).run()
    asked = [(p.id, p.counter, p.default) for p in second.asked[:2]]
    assert asked == [("relance-1", "↳", "Un salon à Lyon."), ("apport", "[4/13]", "")]


def test_a_followup_the_host_was_writing_comes_back_on_resume(series: Path) -> None:
    """Paused (or the terminal closed) while the host wrote it, it was lost: resume
    went on to the next question."""
    from jeudis.errors import SessionInterrupted
    from jeudis.followups import WRITING_FOLLOWUP
    from jeudis.prompts import Paused

    class Writing(Scripted):
        def followup(self, interview: Interview, after: Answer) -> str | None:
            if after.id != "utilisations":
                return None
            if kept := interview.pending.get(WRITING_FOLLOWUP + after.id):  # as the prompter does
                return kept + " exactement ?"
            self.current_id = WRITING_FOLLOWUP + after.id
            raise Paused("Tu lis quoi")

    form, interview = start(series, TWITTER)
    answers = ["", "", "", "", "réponse 1", "4 000", "réponse 3"]
    with pytest.raises(SessionInterrupted):
        Session(form, interview, Writing(answers)).run()
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    assert draft.pending == {"@followup:utilisations": "Tu lis quoi"}
    second = Writing(["La presse.", *(f"réponse {n}" for n in range(4, 14))])
    Session(form, draft, second).run()
    assert [(p.id, p.message) for p in second.asked[:2]] == [
        ("relance-1", "Tu lis quoi exactement ?"),
        ("apport", second.asked[1].message),
    ]
    done = load_interview(interview.path)  # type: ignore[arg-type]
    assert done.pending == {} and done.answer("relance-1").value == "La presse."  # type: ignore[union-attr]


def test_an_open_question_paused_on_keeps_its_number(series: Path) -> None:
    from jeudis.errors import SessionInterrupted

    form, interview = start(series, LIVRE)
    first = Scripted(
        ["Titre", "", "https://example.com/l", "", "Réponse", "Oui."],
        written=["Et la suite ?", "Et après ?"],
        pause_at=("question-2", ""),
    )
    with pytest.raises(SessionInterrupted):
        Session(form, interview, first).run()
    second = Scripted(["Plus tard."])
    Session(form, load_interview(interview.path), second).run()  # type: ignore[arg-type]
    assert [(p.id, p.counter) for p in second.asked] == [("question-2", "[3]")]


def test_an_answer_being_changed_at_the_review_is_asked_again_on_resume(series: Path) -> None:
    """It was dropped: the review came back with the old answer, and finishing
    threw away what had been typed."""
    from jeudis.errors import SessionInterrupted
    from jeudis.prompts import Paused

    class Changing(Scripted):
        def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
            return "utilisations"

        def ask(self, prompt: Prompt) -> Any:
            self.current_id = prompt.id  # what the pause keeps the text under
            if prompt.id == "utilisations" and prompt.default:
                raise Paused(str(prompt.default) + " Et des blogs.")
            return super().ask(prompt)

    form, interview = start(series, TWITTER)
    answers: list[Any] = ["", "", "", "", *(f"réponse {n}" for n in range(1, 14))]
    answers[5] = "4 000"
    with pytest.raises(SessionInterrupted):
        Session(form, interview, Changing(answers)).run()
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    assert draft.pending == {"utilisations": "réponse 3 Et des blogs."}
    second = Scripted(["réponse 3 Et des blogs, surtout."])
    Session(form, draft, second).run()
    assert [(p.id, p.default) for p in second.asked] == [
        ("utilisations", "réponse 3 Et des blogs.")
    ]
    done = load_interview(interview.path)  # type: ignore[arg-type]
    assert done.status == "complete" and done.pending == {}
    assert done.answer("utilisations").value == "réponse 3 Et des blogs, surtout."  # type: ignore[union-attr]


def test_ctrl_f_on_an_answer_changed_at_the_review_adds_a_followup(series: Path) -> None:
    class Reviewing(Scripted):
        picks = iter(["utilisations", None])

        def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
            return next(self.picks)

    form, interview = start(series, TWITTER)
    answers: list[Any] = ["", "", "", "", *(f"réponse {n}" for n in range(1, 14))]
    answers[5] = "4 000"
    answers += ["réponse 3, revue", "Des blogs."]
    followups = {"utilisations": ["", "Lesquels ?"]}  # none the first time
    Session(form, interview, Reviewing(answers, followups=followups)).run()
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [a.id for a in saved.answers][2:4] == ["utilisations", "relance-1"]
    assert saved.answer("relance-1").value == "Des blogs."  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("form_path", "picked", "counter"),
    [(LIVRE, "question-1", "[2]"), (TWITTER, "relance-1", "↳")],
)
def test_a_live_question_changed_at_the_review_goes_back_to_it_with_page_up(
    series: Path, form_path: Path, picked: str, counter: str
) -> None:
    """Page↑ did nothing there (the keys did not offer it), and an open interview's
    question came back as a follow-up, "↳" instead of its number."""
    from jeudis.prompts import BACK

    class Reviewing(Scripted):
        picks = iter([picked, None])

        def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
            return next(self.picks)

    form, interview = start(series, form_path)
    given = "Au jardin." if form.open else "La veille."  # the live question's answer
    if form.open:
        answers: list[Any] = ["Titre", "", "https://example.com/l", "", "Réponse", given]
        prompter = Reviewing([*answers, BACK], written=["Et la suite ?"])
    else:
        answers = ["", "", "", "", *(f"réponse {n}" for n in range(1, 14))]
        answers[5] = "4 000"
        answers.insert(7, given)  # after question 3, which it follows
        prompter = Reviewing([*answers, BACK], followups={"utilisations": ["Laquelle ?"]})
    Session(form, interview, prompter).run()
    changed = prompter.asked[-1]
    assert (changed.id, changed.counter) == (picked, counter)
    assert changed.can_go_back and changed.from_review  # the keys say where Page↑ goes
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert saved.answer(picked).value == given  # type: ignore[union-attr]
    assert saved.status == "complete" and saved.pending == {}


def test_page_up_on_a_live_question_changed_at_the_review_drops_the_change_kept(
    series: Path,
) -> None:
    """What a pause kept of the change is given up with it: it would come back."""
    from jeudis.errors import SessionInterrupted
    from jeudis.prompts import BACK, Paused

    class Changing(Scripted):
        def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
            return "question-1"

        def ask(self, prompt: Prompt) -> Any:
            self.current_id = prompt.id  # what the pause keeps the text under
            if prompt.from_review:
                raise Paused("Au potager.")
            return super().ask(prompt)

    form, interview = start(series, LIVRE)
    answers: list[Any] = ["Titre", "", "https://example.com/l", "", "Réponse", "Au jardin."]
    with pytest.raises(SessionInterrupted):
        Session(form, interview, Changing(answers, written=["Et la suite ?"])).run()
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    assert draft.pending == {"question-1": "Au potager."}
    second = Scripted([BACK])
    Session(form, draft, second).run()
    assert [(p.id, p.from_review) for p in second.asked] == [("question-1", True)]
    done = load_interview(interview.path)  # type: ignore[arg-type]
    assert done.pending == {} and done.answer("question-1").value == "Au jardin."  # type: ignore[union-attr]


def test_bundled_questionnaires_are_the_repository_copies() -> None:
    bundled = REPO / "src" / "jeudis" / "questionnaires"
    for name in ("twitter.toml", "livre.toml"):
        assert (bundled / name).read_bytes() == (REPO / "questionnaires" / name).read_bytes()


def test_example_livre_interview_checks(invoke: Invoke, series: Path) -> None:
    examples = list(EXAMPLES)
    livre = [p for p in examples if 'questionnaire = "livre"' in p.read_text(encoding="utf-8")]
    assert livre, "an example interview of the livre questionnaire ships in interviews/"
    shutil.copy(LIVRE, series / "questionnaires" / "livre.toml")
    for path in livre:
        shutil.copy(path, series / "interviews" / path.name)
        interview = load_interview(path)
        assert interview.style == "dialogue"
        assert any(a.followup for a in interview.answers)
    result = invoke("check")
    assert result.exit_code == 0, result


# -- in a real terminal ------------------------------------------------------------------

JEUDIS = Path(sys.executable).parent / "jeudis"
TIMEOUT = float(os.environ.get("JEUDIS_PTY_TIMEOUT", "10"))
ESC_ENTER = "\x1b\r"
CTRL_F = "\x06"


def livre_session(series: Path, *args: str) -> pexpect.spawn:
    """The installed ``jeudis ARGS`` in a pseudo-terminal, on a series with ``livre``."""
    shutil.copy(LIVRE, series / "questionnaires" / "livre.toml")
    env = {**os.environ, "TERM": "xterm-256color", "JEUDIS_DIR": str(series)}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        str(JEUDIS), list(args), env=env, dimensions=(40, 120), encoding="utf-8", timeout=TIMEOUT
    )


def livre_host_part(child: pexpect.spawn, intro: str = "") -> None:
    """The host's fields of the book interview: title, no publisher, the book's page."""
    child.expect("Titre du livre")
    child.sendline("Les Mots du Jardin")
    child.expect("Éditeur")
    child.sendline("")
    child.expect("Adresse de la page du livre")
    child.sendline("https://example.com/mots-du-jardin")
    child.expect("Chapeau du billet")
    child.send(intro + ESC_ENTER)


@pytest.mark.pty
def test_open_interview_in_a_terminal(series: Path, invoke: Invoke) -> None:
    child = livre_session(
        series, "new", "livre", "--guest", "Claire Martin", "--gender", "f", "--host", "Stéphane"
    )
    try:
        livre_host_part(child, "Claire Martin publie son premier livre.")
        child.expect("Ctrl-F")
        child.expect("Entrée pour commencer")
        child.send("\r")
        child.expect("motivée")
        child.send("Bonjour Stéphane ! L’envie de transmettre.")
        child.send(CTRL_F)  # the host wants a follow-up on this answer
        child.expect("Question de relance")
        child.sendline("Transmettre quoi ?")
        child.expect("Transmettre quoi")
        child.send("Vingt ans de potager :\r\r- les semis\r- les erreurs 🌱" + ESC_ENTER)
        for number, (question, answer) in enumerate(
            [
                ("C’est quoi, un jardin de mots ?", "Un carnet de notes."),
                ("À qui s’adresse le livre ?", "Aux débutants."),
                ("Un prochain livre ?", "Peut-être sur les haies."),
            ],
            start=2,  # the follow-up goes with the first question: not counted
        ):
            child.expect(rf"Question suivante \({number}\)")
            child.sendline(question)
            child.expect("Échap puis Entrée")
            child.send(answer + ESC_ENTER)
        child.expect(r"Question suivante \(5\)")
        child.sendline("")  # no more questions
        child.expect("Modifier une réponse")
        child.send("\r")
        child.expect("Saved:")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    saved = load_interview(series / "interviews" / "claire-martin.toml")
    assert [(a.id, a.followup) for a in saved.answers] == [
        ("motivation", False),
        ("relance-1", True),
        ("question-1", True),
        ("question-2", True),
        ("question-3", True),
    ]
    assert saved.answer("relance-1").value == (  # type: ignore[union-attr]
        "Vingt ans de potager :\n\n- les semis\n- les erreurs 🌱"
    )
    assert saved.answer("question-2").question == "À qui s’adresse le livre ?"  # type: ignore[union-attr]
    assert saved.status == "complete"
    assert_dialogue_export(invoke, "claire-martin")


def assert_dialogue_export(invoke: Invoke, slug: str) -> None:
    """The post reads as a dialogue: the host's first name, then the guest's."""
    result = invoke("export", slug, "--format", "md")
    assert result.exit_code == 0, result
    text = result.stdout.replace("\xa0", " ").replace("\u202f", " ")  # French typography
    assert "**Stéphane :** Bonjour Claire ! Tu viens de publier « Les Mots du Jardin »." in text
    assert "**Claire :** Bonjour Stéphane ! L’envie de transmettre." in text
    assert "**Stéphane :** Transmettre quoi ?" in text
    assert "**Claire :** Vingt ans de potager :\n\n- les semis\n- les erreurs 🌱" in text
    assert "**Stéphane :** À qui s’adresse le livre ?" in text
    assert text.index("motivée") < text.index("Transmettre quoi") < text.index("jardin de mots")
    assert text.rstrip().endswith(
        "Pour en savoir plus sur « Les Mots du Jardin » et se le procurer : "
        "<https://example.com/mots-du-jardin>"  # a link to every generator
    )


@pytest.mark.pty
def test_a_question_the_host_was_writing_comes_back_after_a_pause(series: Path) -> None:
    """Ctrl-C while the host types the next question: resume gives the half-typed text back."""
    child = livre_session(
        series, "new", "livre", "--guest", "Claire Martin", "--gender", "f", "--host", "Stéphane"
    )
    try:
        livre_host_part(child)
        child.expect("Entrée pour commencer")
        child.send("\r")
        child.expect("motivée")
        child.send("L’envie de transmettre." + ESC_ENTER)
        child.expect(r"Question suivante \(2\)")
        child.expect("✎")
        child.send("Quel est ton personnage pré")
        child.expect("personnage pré")
        child.send("\x03")  # Ctrl-C
        child.expect("jeudis resume claire-martin")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    assert load_interview(series / "interviews" / "claire-martin.toml").pending == {
        "@next-question": "Quel est ton personnage pré",
    }
    child = livre_session(series, "resume", "claire-martin")
    try:
        child.expect("Entrée pour reprendre")  # an answer given
        child.send("\r")
        child.expect(r"Question suivante \(2\)")
        child.expect("Quel est ton personnage pré")  # prefilled
        child.send("féré ?\r")
        child.expect("Échap puis Entrée")
        child.send("La mésange." + ESC_ENTER)
        child.expect(r"Question suivante \(3\)")
        child.sendline("")
        child.expect("Modifier une réponse")
        child.send("\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    saved = load_interview(series / "interviews" / "claire-martin.toml")
    assert saved.answer("question-1").question == "Quel est ton personnage préféré ?"  # type: ignore[union-attr]
    assert saved.status == "complete" and saved.pending == {}


BLOG = """
id = "blog"
title = "Le blog de {guest}"
registers = ["tu"]

[[questions]]
id = "blog"
type = "yesno"
text = "As-tu un blog ?"

[[questions]]
id = "blog-url"
type = "url"
text = "Son adresse ?"
when = { question = "blog", equals = true }

[[questions]]
id = "fin"
type = "text"
text = "Un dernier mot ?"
"""


def test_a_followup_goes_to_the_notes_with_the_answer_it_follows(series: Path) -> None:
    """An answer its condition leaves out takes its follow-ups with it: the post would
    ask them about an answer it does not have."""
    path = series / "questionnaires" / "blog.toml"
    path.write_text(BLOG, encoding="utf-8")
    form, interview = start(series, path)
    back = BACK
    prompter = Scripted(
        ["Oui", "https://example.org", "Depuis 2010.", back, back, "Non", "Merci"],
        followups={"blog-url": ["Depuis quand ?"]},
    )

    Session(form, interview, prompter).run()

    assert [p.id for p in prompter.asked] == [
        "blog",
        "blog-url",
        "relance-1",
        "fin",
        "blog-url",
        "blog",
        "fin",
    ]
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [a.id for a in saved.answers] == ["blog", "fin"]
    assert saved.notes.splitlines()[1:] == [
        "[blog-url] Son adresse ? (not asked since [blog] is 'Non')",
        "https://example.org",
        "[relance-1] Depuis quand ? (a follow-up to [blog-url])",
        "Depuis 2010.",
    ]


class Reviewing(Scripted):
    """A prompter that picks answers to change at the review, then finishes."""

    def __init__(self, answers: list[Any], picks: list[str], **kwargs: Any) -> None:
        super().__init__(answers, **kwargs)
        self.picks = iter(picks)

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        self.rows = rows
        return next(self.picks, None)


def test_an_answer_back_in_an_open_interview_is_in_its_place_before_the_hosts_questions(
    series: Path,
) -> None:
    """At the review, "Non", then "Oui" again: the opinion and its follow-up come back
    after "As-tu lu le livre ?", where they were; they came back after the question the
    host wrote after them, and the post asked it before the opinion."""
    path = series / "questionnaires" / "lu-ouvert.toml"
    path.write_text(OPEN_LU, encoding="utf-8")
    form, interview = start(series, path)
    prompter = Reviewing(
        ["Oui", "Un beau livre.", "La fin.", "Vingt ans.", "Non", "Oui"],
        ["lu", "lu"],
        followups={"avis": ["Et la fin ?"]},
        written=["Depuis quand lis-tu ?"],
    )

    Session(form, interview, prompter).run()

    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [(a.id, a.value) for a in saved.answers] == [
        ("lu", True),
        ("avis", "Un beau livre."),
        ("relance-1", "La fin."),
        ("question-1", "Vingt ans."),
    ]
    assert saved.notes == ""


NUMBERED_OPEN = """
id = "carnet"
title = "Carnet : {guest}"
registers = ["tu"]
open = true

[[questions]]
id = "debut"
text = "Tes débuts ?"

[[questions]]
id = "outil"
text = "Ton outil ?"
required = false
"""


def test_an_open_numbered_interview_numbers_its_live_questions_as_its_review_does(
    series: Path, invoke: Invoke
) -> None:
    """The review numbered the live questions "3.", "4." after a skipped question, and
    a skipped live one too; the post had them as unnumbered follow-ups (### …): a
    live question of an open interview stands alone, numbered, as a fixed one is."""
    path = series / "questionnaires" / "carnet.toml"
    path.write_text(NUMBERED_OPEN, encoding="utf-8")
    form, interview = start(series, path)

    written_at: list[int] = []

    class Counting(Scripted):
        def write_question(self, interview: Interview, number: int) -> str | None:
            written_at.append(number)
            return super().write_question(interview, number)

    prompter = Counting(
        ["En 2009.", "", "Un roman.", "Le premier.", "", "Bientôt."],
        followups={"question-1": ["Lequel ?"]},
        written=["Ton livre ?", "Un regret ?", "La suite ?"],
    )
    Session(form, interview, prompter).run()

    # The session counts the questions as the review does, follow-ups left out: after
    # the follow-up "Lequel ?", the next was "Question suivante (5)", then "[5]".
    assert written_at == [3, 4, 5, 6]
    live = [(p.id, p.counter) for p in prompter.asked if p.id.startswith("question-")]
    assert live == [("question-1", "[3]"), ("question-2", "[4]"), ("question-3", "[5]")]
    assert [label for _, label, _ in prompter.rows] == [
        "1. Tes débuts ?",
        "Ton outil ?",  # skipped: not in the post
        "2. Ton livre ?",
        "↳ Lequel ?",
        "Un regret ?",  # skipped too
        "3. La suite ?",
    ]
    post = invoke("export", interview.slug, "-f", "md").stdout
    headings = [line.replace("\u202f", " ") for line in post.splitlines() if line[:1] == "#"]
    assert headings == [
        "## 1. Tes débuts ?",
        "## 2. Ton livre ?",
        "### Lequel ?",
        "## 3. La suite ?",
    ]
    page = invoke("export", interview.slug).stdout
    assert '<section id="q-question-1" class="question">' in page
    assert '<section id="q-relance-1" class="question followup">' in page


def test_a_question_added_on_an_earlier_answer_goes_after_that_answer(tmp_path: Path) -> None:
    """Version 2 moved [conseil] before [twitter] and asks "Qu’y trouvez-vous ?" on
    [twitter]: in a version 1 interview it went after [conseil], the post's last
    question, its "y" far from Twitter."""
    from jeudis.followups import place
    from jeudis.interview import Answer, Interview
    from jeudis.questionnaire import load_questionnaire

    path = tmp_path / "p.toml"
    path.write_text(
        'id = "p"\nversion = 2\ntitle = "P : {guest}"\nlanguage = "fr"\nregisters = ["vous"]\n'
        + "".join(
            f'[[questions]]\nid = "{qid}"\ntype = "{kind}"\ntext = "{qid} ?"\n{when}'
            for qid, kind, when in [
                ("outils", "long", ""),
                ("conseil", "long", ""),
                ("twitter", "yesno", ""),
                ("pourquoi", "text", 'when = { question = "twitter", equals = true }\n'),
                ("ville", "text", ""),
            ]
        ),
        encoding="utf-8",
    )
    form = load_questionnaire(path)
    interview = Interview("p", "Anne Martin", "anne-martin", "P : Anne Martin", "vous")
    for qid, kind, value in [
        ("outils", "long", "Un carnet."),
        ("twitter", "yesno", True),
        ("conseil", "long", "Lire."),
    ]:
        interview.answers.append(Answer(qid, kind, f"{qid} ?", value))

    place(form, interview, Answer("pourquoi", "text", "pourquoi ?", "La veille."))
    place(form, interview, Answer("ville", "text", "ville ?", "Nantes"))

    assert [a.id for a in interview.answers] == [
        "outils",
        "twitter",
        "pourquoi",
        "conseil",
        "ville",
    ]
