"""The live session against a scripted prompter: no terminal, every step on disk.

``Script`` plays the guest: each ``ask`` takes the next scripted reply (a value,
``BACK``, or an exception such as ``Paused``) and checks, before answering,
that every answer given so far is already in the file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jeudis.datafile import fill_from_data
from jeudis.errors import (
    ExitCode,
    InterviewLocked,
    MissingAnswers,
    SessionInterrupted,
    UsageError,
)
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from jeudis.numbering import expected_total
from jeudis.paths import series_at
from jeudis.prompts import BACK, SKIP_CHOICE, Paused, Prompt, prompt_for
from jeudis.questionnaire import Questionnaire, find_questionnaire, load_questionnaire
from jeudis.session import Session
from jeudis.starting import Options, create, prepare
from support import LU, write

Reply = Any  # a raw answer, BACK, an exception to raise, or a callable(prompt) -> reply


class Script:
    """A fake :class:`~jeudis.prompts.Prompter` that replays a list of replies."""

    def __init__(
        self, replies: list[Reply], reviews: list[str | Paused | None] | None = None
    ) -> None:
        self.replies = list(replies)
        self.reviews = list(reviews or [None])
        self.prompts: list[Prompt] = []
        self.screens: list[str] = []
        self.review_rows: list[list[tuple[str, str, str]]] = []
        self.current_id: str | None = None
        self.on_disk: list[int] = []  # answers in the file when each question was asked

    def ask(self, prompt: Prompt) -> Any:
        self.current_id = prompt.id
        self.prompts.append(prompt)
        if self.path is not None:
            self.on_disk.append(len(load_interview(self.path).answers))
        assert self.replies, f"no reply scripted for {prompt.id} {prompt.counter}"
        reply = self.replies.pop(0)
        if callable(reply) and not isinstance(reply, type):
            reply = reply(prompt)
        if isinstance(reply, BaseException):
            raise reply
        if reply is not BACK and prompt.kind != "select":  # a select offers valid choices only
            assert prompt.validate(reply) is None, (prompt.id, reply, prompt.validate(reply))
        return reply

    path: Path | None = None

    def host_part(self, interview: Interview, questionnaire: Questionnaire) -> None:
        self.path = interview.path
        self.screens.append("host")

    def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None:
        self.path = interview.path
        self.screens.append(f"hand_over {total}")

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        self.screens.append("review")
        self.review_rows.append(rows)
        picked = self.reviews.pop(0)
        if isinstance(picked, Paused):  # Ctrl-C at the review
            raise picked
        return picked

    def thanks(self, interview: Interview) -> None:
        self.screens.append("thanks")

    def paused(self, interview: Interview, answered: int, *, too_large: bool = False) -> None:
        self.screens.append(f"paused {answered}" + (" (too large)" if too_large else ""))

    def photo_copied(self, path: str) -> None:
        self.screens.append(f"photo copied: {path}")

    def photo_missing(self, path: str) -> None:
        self.screens.append(f"photo missing: {path}")

    @property
    def asked(self) -> list[str]:
        return [f"{p.counter} {p.id}" for p in self.prompts]


FIELDS = ["https://www.arretsurimages.net", "@gillesklein", "", ""]
ANSWERS = [
    "Depuis mars 2007.",
    "9 200",
    "Trois usages :\n\n- la veille ;\n- le partage ;\n- les rencontres.",
    "Beaucoup.\n\nUne organisation différente.",
    "« Hello world »",
    "Le dernier 😉",
    "Une rencontre…",
    "Suivre, écouter, puis parler.",
    "Radieux.",
    "Twitter.",
    "Non.",
    "Barack Obama",
    "Les robots.",
]


def start(guest: str = "Gilles Klein", register: str = "vous", gender: str = "m") -> Interview:
    series = series_at()
    form = find_questionnaire(series, "twitter")
    interview = prepare(series, form, Options(guest=guest, register=register, gender=gender))
    return create(series, interview)


def run(interview: Interview, script: Script, form: Questionnaire | None = None) -> Interview:
    form = form or find_questionnaire(series_at(), interview.questionnaire)
    return Session(form, interview, script).run()


def test_a_photo_file_given_by_the_host_is_copied_into_the_series(
    series: Path, tmp_path: Path
) -> None:
    portrait = tmp_path / "Téléchargements" / "portrait gilles.jpeg"
    portrait.parent.mkdir()
    portrait.write_bytes(b"jpeg")
    interview = start()
    script = Script([FIELDS[0], FIELDS[1], f"'{portrait}' ", "", *ANSWERS])

    run(interview, script)

    assert script.screens[:2] == ["host", "photo copied: images/gilles-klein.jpeg"]
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.fields["photo"] == "images/gilles-klein.jpeg"
    assert (series / "images" / "gilles-klein.jpeg").read_bytes() == b"jpeg"


def test_a_photo_path_that_names_no_file_yet_is_kept_and_said(series: Path, tmp_path: Path) -> None:
    """The host may add the file later: kept as typed, and told there is none yet."""
    interview = start()
    script = Script([FIELDS[0], FIELDS[1], "images/gilles.jpg", "", *ANSWERS])
    run(interview, script)
    assert script.screens[:2] == ["host", "photo missing: images/gilles.jpg"]
    assert load_interview(series / "interviews" / "gilles-klein.toml").fields["photo"] == (
        "images/gilles.jpg"
    )
    web = Script([FIELDS[0], FIELDS[1], "https://x.example/g.jpg", "", *ANSWERS])
    run(start("Ada Lovelace"), web)
    assert not any("photo" in screen for screen in web.screens)  # an address: nothing to say


def test_a_whole_interview(series: Path) -> None:
    interview = start()
    script = Script([*FIELDS, *ANSWERS])

    run(interview, script)

    assert script.screens == ["host", "hand_over 13", "review", "thanks"]
    assert script.asked[:5] == [
        "[1/4] site",
        "[2/4] twitter",
        "[3/4] photo",
        "[4/4] intro",
        "[1/13] depuis-quand",
    ]
    assert script.asked[-1] == "[13/13] pas-suivi"
    # Every answer was on disk before the next question appeared.
    assert script.on_disk[4:] == list(range(13))
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.status == "complete"
    assert saved.completed is not None
    assert saved.fields == {
        "site": "https://www.arretsurimages.net",
        "twitter": "@gillesklein",
        "photo": "",
        "intro": "",
    }
    values = {a.id: a.value for a in saved.answers}
    assert values["followers"] == "9 200"
    assert values["utilisations"] == ANSWERS[2]
    assert values["dernier-tweet"] == "Le dernier 😉"
    asked = {a.id: a.question for a in saved.answers}
    assert asked["influence"] == "Vous considérez-vous comme un twittos influent ?"
    assert asked["pas-suivi"] == (
        "Question inverse, par qui ne souhaiteriez-vous surtout pas être suivi ?"
    )
    assert all(a.answered_at is not None for a in saved.answers)
    assert saved.title == "Interview Twitter de Gilles Klein [Les Jeudis Twitter]"
    assert (saved.register, saved.gender, saved.questionnaire_version) == ("vous", "m", 1)
    assert not list((series / "interviews").glob(".*.lock"))


def test_back_shows_the_earlier_answer_prefilled(series: Path) -> None:
    interview = start()
    script = Script(
        [*FIELDS, ANSWERS[0], ANSWERS[1], BACK, "9 300", ANSWERS[2], BACK, BACK, *ANSWERS[1:]]
    )

    run(interview, script)

    assert script.asked[4:12] == [
        "[1/13] depuis-quand",
        "[2/13] followers",
        "[3/13] utilisations",
        "[2/13] followers",
        "[3/13] utilisations",
        "[4/13] apport",
        "[3/13] utilisations",
        "[2/13] followers",
    ]
    by_step = script.prompts[4:12]
    assert by_step[3].default == "9 200"  # the answer given before going back
    assert by_step[6].default == ANSWERS[2]
    assert by_step[7].default == "9 300"
    assert not by_step[0].can_go_back
    assert by_step[1].can_go_back
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.answer("followers").value == "9 200"  # type: ignore[union-attr]


def test_back_on_the_first_host_field_stays_there(series: Path) -> None:
    interview = start()
    script = Script([BACK, *FIELDS, *ANSWERS])
    run(interview, script)
    assert script.asked[:2] == ["[1/4] site", "[1/4] site"]
    assert not script.prompts[0].can_go_back


def test_review_changes_an_answer(series: Path) -> None:
    interview = start()
    script = Script(
        [*FIELDS, *ANSWERS, lambda p: "10 000" if p.default == "9 200" else "wrong prefill"],
        reviews=["followers", None],
    )

    run(interview, script)

    assert script.screens == ["host", "hand_over 13", "review", "review", "thanks"]
    assert script.asked[-1] == "[2/13] followers"
    first, second = script.review_rows
    assert first[1] == ("followers", "2. Combien avez-vous de followers ?", "9 200")  # as typed
    assert second[1][2] == "10 000"
    assert len(first) == 13
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.answer("followers").value == "10 000"  # type: ignore[union-attr]
    assert saved.status == "complete"


def test_pause_saves_the_partial_text_and_resume_prefills_it(series: Path) -> None:
    interview = start()
    script = Script([*FIELDS, *ANSWERS[:4], Paused("Mon premier tweet disait")])

    with pytest.raises(SessionInterrupted) as stopped:
        run(interview, script)

    assert stopped.value.answered == 4
    assert stopped.value.exit_code == ExitCode.INTERRUPTED
    assert script.screens[-1] == "paused 4"  # said by the session, in its language
    path = series / "interviews" / "gilles-klein.toml"
    draft = load_interview(path)
    assert draft.status == "draft"
    assert [a.id for a in draft.answers] == [
        "depuis-quand",
        "followers",
        "utilisations",
        "apport",
    ]
    assert draft.pending == {"premier-tweet": "Mon premier tweet disait"}
    assert not list((series / "interviews").glob(".*.lock")), "the lock is released"

    again = Script([*ANSWERS[4:]])
    run(draft, again)

    assert "host" not in again.screens, "the host's fields are not asked twice"
    assert again.asked[0] == "[5/13] premier-tweet"
    assert again.prompts[0].default == "Mon premier tweet disait"
    done = load_interview(path)
    assert done.status == "complete"
    assert done.pending == {}
    assert [a.value for a in done.answers][:4] == ANSWERS[:4]


class Typing(Script):
    """A :class:`Script` whose guest types: the session saves it as typed. A
    :func:`typed` reply is typed, then ends as its ``then`` says."""

    autosave: Any = None

    def ask(self, prompt: Prompt) -> Any:
        reply = self.replies[0] if self.replies else None
        if isinstance(reply, Typed):
            self.replies[0] = reply.then
            self.autosave(prompt.id, reply.text)
        return super().ask(prompt)


@dataclass(frozen=True)
class Typed:
    text: str
    then: Any = BACK  # Page↑ after it, or Paused(): Ctrl-C, or a reply


def typed(text: str, then: Any = BACK) -> Typed:
    """``text`` typed at the question, not given: the autosave keeps it as typed."""
    return Typed(text, then)


def test_a_pause_on_an_answer_not_changed_keeps_what_was_typed_further_on(series: Path) -> None:
    """Typing at question 5, Page↑ to look at question 4, Ctrl-C: the answer 4 shown,
    unchanged, became the pending text, and question 5's draft was gone on resume."""

    script = Typing([*FIELDS, *ANSWERS[:4], typed("Mon premier tweet disait"), Paused(ANSWERS[3])])
    with pytest.raises(SessionInterrupted):
        run(start(), script)
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    assert draft.pending == {"premier-tweet": "Mon premier tweet disait"}

    again = Script([*ANSWERS[4:]])
    run(draft, again)
    assert again.asked[0] == "[5/13] premier-tweet"
    assert again.prompts[0].default == "Mon premier tweet disait"


def test_a_pause_on_an_answer_back_as_it_was_keeps_no_text_of_it(series: Path) -> None:
    """Changed, then typed back as it was before the pause: nothing is being changed."""

    def typed_then_paused(prompt: Prompt) -> Any:
        script.autosave(prompt.id, ANSWERS[3] + " Et plus.")
        return Paused(ANSWERS[3])

    script = Typing([*FIELDS, *ANSWERS[:4], BACK, typed_then_paused])
    with pytest.raises(SessionInterrupted):
        run(start(), script)
    assert load_interview(series / "interviews" / "gilles-klein.toml").pending == {}


def test_a_pause_after_page_up_goes_on_from_there_on_resume(series: Path) -> None:
    """Question 4 changed after Page↑ from question 5, then a pause: resumed, question 4
    came as if picked at the review, its keys saying Page↑ went back to a review the
    guest had not reached, and Page↑ went on to question 5."""
    script = Script([*FIELDS, *ANSWERS[:4], BACK, Paused("Beaucoup, vraiment.")])
    with pytest.raises(SessionInterrupted):
        run(start(), script)
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    assert draft.pending == {"apport": "Beaucoup, vraiment."}

    again = Script(["Beaucoup, vraiment.", *ANSWERS[4:]])
    run(draft, again)
    assert again.asked[:2] == ["[4/13] apport", "[5/13] premier-tweet"]
    assert not again.prompts[0].from_review and again.prompts[0].can_go_back
    assert again.prompts[0].default == "Beaucoup, vraiment."
    done = load_interview(series / "interviews" / "gilles-klein.toml")
    assert done.answer("apport").value == "Beaucoup, vraiment."  # type: ignore[union-attr]
    assert done.status == "complete" and done.pending == {}

    # Page↑ there is the question before it, as before the pause.
    paused = Script([*FIELDS, *ANSWERS[:4], BACK, Paused("Beaucoup, vraiment.")])
    with pytest.raises(SessionInterrupted):
        run(start("Fadhila Brahimi", "tu", "f"), paused)
    resumed = Script([BACK, Paused()])
    with pytest.raises(SessionInterrupted):
        run(load_interview(series / "interviews" / "fadhila-brahimi.toml"), resumed)
    assert resumed.asked == ["[4/13] apport", "[3/13] utilisations"]


def test_a_change_typed_after_page_up_keeps_the_text_typed_further_on(series: Path) -> None:
    """Typing at question 5, Page↑, a change typed at question 4, a pause: the draft kept
    one text, question 4's, and question 5's was lost (a Ctrl-C, SIGHUP or `kill -9`
    alike: the autosave had put question 4's text in its place)."""

    changed = "Beaucoup, vraiment."
    script = Typing(
        [*FIELDS, *ANSWERS[:4], typed("Mon premier tweet disait", BACK), typed(changed, Paused())]
    )
    with pytest.raises(SessionInterrupted):
        run(start(), script)
    path = series / "interviews" / "gilles-klein.toml"
    draft = load_interview(path)
    assert draft.pending == {"premier-tweet": "Mon premier tweet disait", "apport": changed}
    assert draft.answer("apport").value == ANSWERS[3]  # type: ignore[union-attr]

    # Resumed, each text at its own question: the change first, where the guest was.
    again = Script([lambda p: p.default, lambda p: p.default + " : « Hello »", *ANSWERS[5:]])
    run(draft, again)
    assert again.asked[:2] == ["[4/13] apport", "[5/13] premier-tweet"]
    assert [p.default for p in again.prompts[:2]] == [changed, "Mon premier tweet disait"]
    done = load_interview(path)
    assert done.answer("apport").value == changed  # type: ignore[union-attr]
    assert done.answer("premier-tweet").value == "Mon premier tweet disait : « Hello »"  # type: ignore[union-attr]
    assert done.pending == {} and "being typed" not in done.notes


def test_enter_after_page_up_goes_on_to_the_next_question_not_past_a_change(
    series: Path,
) -> None:
    """At question 5, Page↑, a change typed at question 4, Page↑ again, Entrée at
    question 3: the session went on at question 5, the first not answered, and the
    change typed at question 4 was neither seen nor given. Entrée after Page↑ goes on
    to the next question, as a form's Next does, its answer prefilled (with the change
    typed), until the question Page↑ left."""

    changed = "Beaucoup, vraiment."
    script = Typing(
        [
            *FIELDS,
            *ANSWERS[:4],
            typed("Mon premier tweet disait"),
            typed(changed),
            ANSWERS[2],  # Entrée at question 3, as it was
            lambda p: p.default,  # question 4, the change prefilled: given
            lambda p: p.default,  # question 5, what was typed at it prefilled
            *ANSWERS[5:],
        ]
    )
    run(start(), script)
    assert script.asked[8:14] == [
        "[5/13] premier-tweet",
        "[4/13] apport",
        "[3/13] utilisations",
        "[4/13] apport",
        "[5/13] premier-tweet",
        "[6/13] dernier-tweet",
    ]
    assert script.prompts[11].default == changed
    assert script.prompts[12].default == "Mon premier tweet disait"
    done = load_interview(series / "interviews" / "gilles-klein.toml")
    assert done.answer("apport").value == changed  # type: ignore[union-attr]
    assert done.answer("premier-tweet").value == "Mon premier tweet disait"  # type: ignore[union-attr]
    assert done.pending == {}


def test_a_resumed_draft_goes_through_every_change_kept_in_order(series: Path) -> None:
    """Changes typed at questions 2 and 4 on the way back from question 5, then a
    pause: resumed, the questions go on from question 2, one by one, to question 5;
    Page↑ and Entrée there as before the pause."""
    interview = start()
    with pytest.raises(SessionInterrupted):
        run(interview, Script([*FIELDS, *ANSWERS[:4], Paused("Mon premier")]))
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    draft.pending.update({"followers": "10 000", "apport": "Beaucoup, vraiment."})
    again = Script(
        ["10 000", ANSWERS[2], BACK, ANSWERS[2], "Beaucoup, vraiment.", "Mon premier tweet"]
    )
    again.replies += ANSWERS[5:]
    run(draft, again)
    assert again.asked[:6] == [
        "[2/13] followers",
        "[3/13] utilisations",
        "[4/13] apport",
        "[3/13] utilisations",
        "[4/13] apport",
        "[5/13] premier-tweet",
    ]
    assert [p.default for p in again.prompts[:3]] == ["10 000", ANSWERS[2], "Beaucoup, vraiment."]
    assert again.prompts[5].default == "Mon premier"
    done = load_interview(series / "interviews" / "gilles-klein.toml")
    assert [a.value for a in done.answers[1:5]] == [
        "10 000",
        ANSWERS[2],
        "Beaucoup, vraiment.",
        "Mon premier tweet",
    ]


def test_enter_after_page_up_in_the_host_part_goes_on_to_the_next_field(series: Path) -> None:
    """The same in the host's part: a change typed at the second field on the way back
    was passed over by Entrée at the first, the session going on at the third."""

    def typed_then_back(prompt: Prompt) -> Any:
        script.autosave(prompt.id, "@gklein")
        return BACK

    script = Typing([FIELDS[0], FIELDS[1], BACK, typed_then_back, FIELDS[0]])
    script.replies += [lambda p: p.default, *FIELDS[2:], *ANSWERS]
    run(start(), script)
    assert script.asked[:6] == [
        "[1/4] site",
        "[2/4] twitter",
        "[3/4] photo",
        "[2/4] twitter",
        "[1/4] site",
        "[2/4] twitter",
    ]
    assert script.prompts[5].default == "@gklein"
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.fields["twitter"] == "@gklein" and saved.pending == {}


def test_text_typed_at_a_question_a_change_leaves_out_goes_to_the_notes(series: Path) -> None:
    """Typed at the opinion, Page↑, "lu" changed to no, finished: the text typed was
    dropped with the draft's pending text when the interview was completed."""
    form = load_questionnaire(write(series / "questionnaires" / "lu.toml", LU))
    interview = create(series_at(), prepare(series_at(), form, Options(guest="Yves Martin")))

    def typed_then_back(prompt: Prompt) -> Any:
        script.autosave(prompt.id, "Un livre magnifique")
        return BACK

    script = Typing(["Oui", typed_then_back, "Non", "Merci."])
    run(interview, script, form)
    done = load_interview(interview.path)  # type: ignore[arg-type]
    assert "[avis] (typed, never given)\nUn livre magnifique" in done.notes
    assert done.status == "complete" and done.pending == {}


RESEAUX = """
id = "reseaux"
title = "Les réseaux de {guest}"
registers = ["tu"]

[[questions]]
id = "social"
type = "yesno"
text = "Es-tu sur les réseaux ?"

[[questions]]
id = "reseaux"
type = "multi"
text = "Lesquels ?"
choices = ["Twitter", "Mastodon", "LinkedIn"]
when = { question = "social", equals = true }

[[questions]]
id = "fin"
type = "text"
text = "Un dernier mot ?"
"""


@pytest.mark.parametrize("answered", [False, True])
def test_boxes_ticked_at_a_question_a_change_leaves_out_go_to_the_notes(
    series: Path, answered: bool
) -> None:
    """As a text typed there does: ticked, Page↑, "Oui" changed to no, finished. The
    choices ticked are in the notes, as the review lists them; an answer given there is
    set aside, the choices ticked to change it noted with it."""
    form = load_questionnaire(write(series / "questionnaires" / "reseaux.toml", RESEAUX))
    interview = create(series_at(), prepare(series_at(), form, Options(guest="Yves Martin")))
    given = [["Twitter"], BACK] if answered else []
    script = Typing(["Oui", *given, typed(["Mastodon", "LinkedIn"]), "Non", "Merci."])

    run(interview, script, form)

    done = load_interview(interview.path)  # type: ignore[arg-type]
    said = "being typed in a paused session" if answered else "typed, never given"
    assert f"[reseaux] ({said})\nMastodon, LinkedIn" in done.notes, done.notes
    assert done.status == "complete" and done.pending == {}
    assert [a.value for a in done.set_aside] == ([["Twitter"]] if answered else [])


def test_pause_on_a_host_field_keeps_the_fields_given(series: Path) -> None:
    interview = start()
    with pytest.raises(SessionInterrupted):
        run(interview, Script([FIELDS[0], Paused("@gil")]))
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    assert draft.fields == {"site": FIELDS[0]}
    assert draft.pending == {"twitter": "@gil"}

    again = Script([lambda p: "@gillesklein" if p.default == "@gil" else "?", *FIELDS[2:]])
    again.replies += ANSWERS
    run(draft, again)
    assert again.asked[0] == "[2/4] twitter"  # the first field not given, prefilled


def test_a_field_typed_before_a_pause_then_given_is_no_longer_being_typed(series: Path) -> None:
    """ "@gil" typed at the Twitter field, paused; resumed, "@gillesklein" given, paused
    again at the photo: the draft still held "@gil" as being typed, so the next resume
    went back to the Twitter field, "@gil" in it, and a finished interview noted it
    as typed, never given."""
    path = series / "interviews" / "gilles-klein.toml"
    with pytest.raises(SessionInterrupted):
        run(start(), Script([FIELDS[0], Paused("@gil")]))
    draft = load_interview(path)
    assert draft.pending == {"twitter": "@gil"}

    with pytest.raises(SessionInterrupted):
        run(draft, Script(["@gillesklein", Paused("")]))

    assert draft.pending == {}  # as the session holds it
    again = load_interview(path)
    assert again.pending == {} and again.fields["twitter"] == "@gillesklein"
    last = Script([*FIELDS[2:], *ANSWERS])
    run(again, last)
    assert last.asked[0] == "[3/4] photo"
    assert "@gil" not in load_interview(path).notes


def test_a_new_interview_paused_after_a_field_is_given_keeps_it(series: Path) -> None:
    """The site given, Ctrl-C at the next field with nothing typed: no answer, nothing
    being typed, but a field given all the same, and the draft holds it."""
    path = series / "interviews" / "gilles-klein.toml"
    form = find_questionnaire(series_at(), "twitter")
    with pytest.raises(SessionInterrupted) as stopped:
        Session(form, start(), Script([FIELDS[0], Paused("")]), begun_now=True).run()

    assert not stopped.value.dropped
    assert load_interview(path).fields == {"site": FIELDS[0]}


def test_an_answer_whose_save_ctrl_c_stopped_is_saved_by_the_pause(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C as the fifth answer was being saved, before the file was written: the
    pause said five answers kept, and the file held four."""
    from jeudis import storage

    save = storage.save
    stopped_at: list[int] = []

    def stopped_once(interview: Interview, **options: Any) -> Path:
        if len(interview.answers) == 5 and not stopped_at:
            stopped_at.append(len(interview.answers))
            raise KeyboardInterrupt
        return save(interview, **options)

    monkeypatch.setattr(storage, "save", stopped_once)
    script = Script([*FIELDS, *ANSWERS[:5]])
    with pytest.raises(SessionInterrupted) as stopped:
        run(start(), script)

    assert stopped_at == [5] and stopped.value.answered == 5
    assert script.screens[-1] == "paused 5"
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    assert [a.value for a in draft.answers] == ANSWERS[:5]


def test_a_text_typed_before_a_pause_goes_once_the_answer_is_given(series: Path) -> None:
    """ "Mon premier tweet disait" typed, paused; resumed, another answer given, paused
    at the next question: the draft still held the text typed as being typed, and
    the finished interview noted it, "typed, never given", beside the answer."""
    path = series / "interviews" / "gilles-klein.toml"
    with pytest.raises(SessionInterrupted):
        run(start(), Script([*FIELDS, *ANSWERS[:4], Paused("Mon premier tweet disait")]))
    draft = load_interview(path)

    with pytest.raises(SessionInterrupted):
        run(draft, Script(["« Hello world »", Paused("")]))

    assert draft.pending == {}  # as the session holds it
    again = load_interview(path)
    assert again.pending == {} and again.answer("premier-tweet").value == "« Hello world »"  # type: ignore[union-attr]
    run(again, Script(ANSWERS[5:]))
    assert "Mon premier tweet" not in load_interview(path).notes


@pytest.mark.parametrize("typed", ["", "https://www.ar"])
def test_a_new_interview_paused_before_anything_is_given_leaves_no_draft(
    series: Path, typed: str
) -> None:
    """Ctrl-C at the first field (a host who sees a misspelt name): the empty draft was
    kept, and the next `jeudis new` made gilles-klein-2 beside it. Something typed is
    kept, as a pause keeps it; a draft resumed is never removed."""
    path = series / "interviews" / "gilles-klein.toml"
    interview = start()
    form = find_questionnaire(series_at(), "twitter")
    with pytest.raises(SessionInterrupted) as stopped:
        Session(form, interview, Script([Paused(typed)]), begun_now=True).run()

    assert stopped.value.dropped == (not typed)
    assert path.exists() == bool(typed)
    if typed:
        assert load_interview(path).pending == {"site": typed}
    resumed = start(guest="Anne Roux")
    with pytest.raises(SessionInterrupted) as stopped:
        run(resumed, Script([Paused("")]))
    assert not stopped.value.dropped
    assert (series / "interviews" / "anne-roux.toml").exists()


REWORDED = "Qui rêverais-tu d’avoir parmi tes followers, toi qui en as déjà tant ?"


def test_a_question_reworded_for_the_guest_is_asked_so_and_kept_through_a_pause(
    series: Path,
) -> None:
    """The seed's host reworded a question for Isabelle: `edit --reword` could only do it
    once she had answered the questionnaire's, so the post showed a question she never
    read. Worded before (`new --reword`), it is asked so, after a pause too, and its
    answer holds it, marked reworded."""
    series_ = series_at()
    form = find_questionnaire(series_, "twitter")
    options = Options(guest="Isabelle Mathieu", register="tu", gender="f",
                      rewordings={"12": f"  {REWORDED}\n"})  # fmt: skip
    interview = create(series_, prepare(series_, form, options))
    path = series / "interviews" / "isabelle-mathieu.toml"
    assert load_interview(path).rewordings == {"follower-reve": REWORDED}  # by number
    with pytest.raises(SessionInterrupted):
        run(interview, Script([*FIELDS, *ANSWERS[:11], Paused("Bar")]))
    draft = load_interview(path)
    assert draft.rewordings == {"follower-reve": REWORDED}
    assert "[rewordings]\nfollower-reve = " in path.read_text(encoding="utf-8")

    script = Script([*ANSWERS[11:]])
    run(draft, script)

    assert script.prompts[0].message == REWORDED
    done = load_interview(path)
    answer = done.answer("follower-reve")
    assert answer is not None and answer.question == REWORDED and answer.reworded
    assert done.rewordings == {}
    others = [a for a in done.answers if a.id != "follower-reve"]
    assert not any(a.reworded for a in others)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"99": "Et toi ?"}, "--reword 99: twitter has no such question"),
        ({"site": "Ton site ?"}, "--reword site: twitter has no such question"),
        ({"12": " \n "}, "--reword: the new wording is empty"),
        ({"12": "Qui\x1b[31m ?"}, "--reword: a control character in the wording"),
    ],
)
def test_a_rewording_that_cannot_be_is_refused(given: dict[str, str], said: str) -> None:
    form = find_questionnaire(series_at(), "twitter")
    with pytest.raises(UsageError, match=re.escape(said)):
        prepare(series_at(), form, Options(guest="Isabelle Mathieu", rewordings=given))


def test_the_greyed_hint_in_the_input_is_filled_in(series: Path) -> None:
    form = load_questionnaire(
        write(
            series / "questionnaires" / "indice.toml",
            'id = "indice"\ntitle = "{guest}"\nregisters = ["tu"]\n\n[[questions]]\nid = "site"\n'
            'text = "Ton site ?"\nplaceholder = "le blog de {first_name}"\n',
        )
    )
    interview = create(series_at(), prepare(series_at(), form, Options(guest="Léa Martin")))
    script = Script(["https://lea.example"])
    run(interview, script, form)
    assert script.prompts[0].placeholder == "le blog de Léa"


def test_a_resumed_host_part_keeps_its_numbers_and_goes_back_to_a_field_given(
    series: Path,
) -> None:
    """Resumed, the fields were numbered anew ("[1/3]" where it had been "[2/4]"), and
    Page↑ could not reach the site given before the pause."""
    interview = start()
    with pytest.raises(SessionInterrupted):
        run(interview, Script([FIELDS[0], Paused("")]))
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    again = Script([BACK, "https://www.asi.fr", *FIELDS[1:], *ANSWERS])
    run(draft, again)
    assert again.asked[:4] == ["[2/4] twitter", "[1/4] site", "[2/4] twitter", "[3/4] photo"]
    assert again.prompts[1].default == FIELDS[0]  # the site given, prefilled
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.fields["site"] == "https://www.asi.fr"
    assert load_interview(series / "interviews" / "gilles-klein.toml").fields["twitter"] == (
        "@gillesklein"
    )


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_end_like_a_pause(series: Path, signum: int, code: int) -> None:
    interview = start()

    def killed(prompt: Prompt) -> str:
        os.kill(os.getpid(), signum)
        return "never reached"

    previous = signal.getsignal(signum)
    script = Script([*FIELDS, *ANSWERS[:2], killed])
    with pytest.raises(SessionInterrupted) as stopped:
        run(interview, script)

    assert not any(s.startswith("paused") for s in script.screens), "the CLI says a signal's"
    assert stopped.value.signal_name == signal.Signals(signum).name
    assert stopped.value.exit_code == code
    assert signal.getsignal(signum) == previous, "the handler is put back"
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    assert [a.id for a in draft.answers] == ["depuis-quand", "followers"]


def test_a_second_session_on_the_same_interview_is_refused(series: Path) -> None:
    interview = start()
    refused: list[InterviewLocked] = []

    def second_session(prompt: Prompt) -> str:
        other = load_interview(series / "interviews" / "gilles-klein.toml")
        try:
            run(other, Script([]))
        except InterviewLocked as exc:
            refused.append(exc)
        return ANSWERS[0]

    run(interview, Script([*FIELDS, second_session, *ANSWERS[1:]]))

    assert len(refused) == 1
    assert "open in another jeudis session" in refused[0].message


def test_the_same_guest_twice_gets_two_files(series: Path) -> None:
    first, second = start(), start()
    assert first.path != second.path
    assert [p.name for p in sorted((series / "interviews").glob("*.toml"))] == [
        "gilles-klein-2.toml",
        "gilles-klein.toml",
    ]
    assert second.slug == "gilles-klein-2"


def test_a_guest_named_as_a_page_of_the_site_gets_a_file_of_another_name(series: Path) -> None:
    """A guest called "Index" was given index.toml: its page, index.html, was the site's
    index and written over by it. Nor "Index Livre" index-livre.toml: with a second
    questionnaire, index-livre.html lists the livre questionnaire's interviews."""
    assert start("Index").slug == "index-2"
    assert start("INDEX").slug == "index-3"
    assert start("Index Livre").slug == "index-livre-2"
    assert start("Index Card").slug == "index-card"  # no page of the site's is called so
    assert sorted(p.stem for p in (series / "interviews").glob("*.toml")) == [
        "index-2",
        "index-3",
        "index-card",
        "index-livre-2",
    ]


# -- a questionnaire with every kind of question -------------------------------------

KINDS = """
id = "kinds"
title = "Tout sur {guest}"
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
id = "reseau"
type = "choice"
text = "Ton réseau préféré ?"
choices = ["Twitter", "Facebook"]
required = false

[[questions]]
id = "pourquoi"
type = "long"
text = "Pourquoi {answer:reseau} ?"
when = { question = "reseau", answered = true }

[[questions]]
id = "langues"
type = "multi"
text = "Tes langues ?"
choices = ["fr", "en", "es"]

[[questions]]
id = "depuis"
type = "date"
text = "Depuis quand ?"
required = false
"""


@pytest.fixture
def kinds(series: Path) -> Questionnaire:
    return load_questionnaire(write(series / "questionnaires" / "kinds.toml", KINDS))


def start_kinds(kinds: Questionnaire) -> Interview:
    return create(series_at(), prepare(series_at(), kinds, Options(guest="Fadhila Brahimi")))


def test_conditions_skips_and_every_type(kinds: Questionnaire, series: Path) -> None:
    interview = start_kinds(kinds)
    script = Script(["Oui", "https://example.org", "Facebook", "Parce que.", ["fr", "en"], ""])

    run(interview, script, kinds)

    # Questions waiting on an answer count from the start: the total never grows.
    assert script.screens == ["hand_over 6", "review", "thanks"]
    assert script.asked == [
        "[1/6] blog",
        "[2/6] blog-url",
        "[3/6] reseau",
        "[4/6] pourquoi",
        "[5/6] langues",
        "[6/6] depuis",
    ]
    assert script.prompts[0].choices == ("Oui", "Non")
    assert script.prompts[2].choices == ("Twitter", "Facebook", SKIP_CHOICE)
    assert script.prompts[3].message == "Pourquoi Facebook ?"
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert {a.id: (a.value, a.skipped) for a in saved.answers} == {
        "blog": (True, False),
        "blog-url": ("https://example.org", False),
        "reseau": ("Facebook", False),
        "pourquoi": ("Parce que.", False),
        "langues": (["fr", "en"], False),
        "depuis": (None, True),
    }


def test_the_review_reads_each_answer_as_its_post_does(kinds: Questionnaire) -> None:
    """The review said "oui", "2011-03-10" and "fr, en" where the post and `jeudis show`
    say "Oui", "10 mars 2011" and list them."""
    from jeudis.export.values import value_markdown

    interview = start_kinds(kinds)
    script = Script(["Oui", "https://example.org", SKIP_CHOICE, ["fr", "en"], "2011-03-10"])

    run(interview, script, kinds)

    saved = load_interview(interview.path)  # type: ignore[arg-type]
    shown = {qid: cell for qid, _, cell in script.review_rows[-1]}
    assert shown == {
        "blog": "Oui",
        "blog-url": "https://example.org",
        "reseau": "",
        "langues": "- fr\n- en",
        "depuis": "10 mars 2011",
    }
    assert all(shown[a.id] == (value_markdown(a, "fr") if a.given else "") for a in saved.answers)


def test_a_condition_that_stops_holding_sets_its_answer_aside(kinds: Questionnaire) -> None:
    interview = start_kinds(kinds)
    script = Script(
        ["Oui", "https://example.org", SKIP_CHOICE, ["es"], "2011-03-10", "Non"],
        reviews=["blog", None],
    )

    run(interview, script, kinds)

    assert script.asked[:5] == [
        "[1/6] blog",
        "[2/6] blog-url",
        "[3/6] reseau",
        "[4/5] langues",  # "pourquoi" is not asked: no network chosen, the total shrinks
        "[5/5] depuis",
    ]
    assert script.prompts[-1].default == "Oui"  # the review re-asks, prefilled
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    values = {a.id: a.value for a in saved.answers}
    assert values == {
        "blog": False,
        "reseau": None,
        "langues": ["es"],
        "depuis": dt.date(2011, 3, 10),
    }
    assert [row[0] for row in script.review_rows[-1]] == ["blog", "reseau", "langues", "depuis"]
    # Not in the post, nor lost: the address the guest gave is in the private notes.
    assert "[blog-url] Son adresse ? (not asked since [blog] is 'Non')\nhttps://example.org" in (
        saved.notes
    )


def test_an_answer_left_out_by_page_up_goes_to_the_notes(kinds: Questionnaire) -> None:
    interview = start_kinds(kinds)
    script = Script(
        ["Oui", "https://example.org", BACK, BACK, "Non", SKIP_CHOICE, ["es"], "2011-03-10"]
    )

    run(interview, script, kinds)

    assert script.asked[:6] == [
        "[1/6] blog",
        "[2/6] blog-url",
        "[3/6] reseau",
        "[2/6] blog-url",
        "[1/6] blog",
        "[2/5] reseau",
    ]
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert saved.answer("blog-url") is None
    assert saved.is_complete
    assert "https://example.org" in saved.notes


def test_a_condition_that_starts_holding_at_the_review_asks_its_question(
    kinds: Questionnaire,
) -> None:
    """A "Non" changed to "Oui" at the review: the question it asks now is asked before
    the review comes back, and the interview is not complete without it."""
    interview = start_kinds(kinds)
    script = Script(
        ["Non", SKIP_CHOICE, ["es"], "", "Oui", "https://example.org"],
        reviews=["blog", None],
    )

    run(interview, script, kinds)

    assert script.asked[-2:] == ["[1/4] blog", "[2/5] blog-url"]
    assert [row[0] for row in script.review_rows[-1]] == [
        "blog",
        "blog-url",
        "reseau",
        "langues",
        "depuis",
    ]
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert saved.is_complete
    url = saved.answer("blog-url")
    assert url is not None and url.value == "https://example.org"


def test_an_answer_changed_back_in_the_same_session_comes_back(kinds: Questionnaire) -> None:
    """Oui, then Non at the review, then Oui again: the address given first is back,
    not asked again, and no longer in the notes (the host's own stay as they were)."""
    interview = start_kinds(kinds)
    interview.notes = "Relancer en juin.\n\n\n- son blog ?"
    script = Script(
        ["Oui", "https://example.org", SKIP_CHOICE, ["es"], "", "Non", "Oui"],
        reviews=["blog", "blog", None],
    )

    run(interview, script, kinds)

    assert [row[0] for row in script.review_rows[1]] == ["blog", "reseau", "langues", "depuis"]
    assert [p.id for p in script.prompts].count("blog-url") == 1
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    url = saved.answer("blog-url")
    assert url is not None and url.value == "https://example.org"
    assert [a.id for a in saved.answers][:2] == ["blog", "blog-url"]
    assert saved.notes == "Relancer en juin.\n\n\n- son blog ?"


def test_an_answer_changed_back_after_a_pause_comes_back(kinds: Questionnaire) -> None:
    """Oui, then Non at the review, a pause, and Oui again on resume: the address was
    asked again, empty, though it was in the notes."""
    interview = start_kinds(kinds)
    first = Script(
        ["Oui", "https://example.org", SKIP_CHOICE, ["es"], "", "Non"],
        reviews=["blog", Paused()],
    )
    with pytest.raises(SessionInterrupted):
        run(interview, first, kinds)
    paused = load_interview(interview.path)  # type: ignore[arg-type]
    assert paused.answer("blog-url") is None and "https://example.org" in paused.notes

    again = Script(["Oui"], reviews=["blog", None])
    run(paused, again, kinds)

    assert [p.id for p in again.prompts] == ["blog"]  # the address is not asked again
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    url = saved.answer("blog-url")
    assert url is not None and url.value == "https://example.org"
    assert [a.id for a in saved.answers][:2] == ["blog", "blog-url"]
    assert saved.set_aside == [] and saved.notes == ""
    assert saved.is_complete


def test_a_file_changed_by_hand_to_ask_an_answer_set_aside_gets_it_back(
    kinds: Questionnaire,
) -> None:
    """A "Non" made "Oui" in the file itself: resumed, the address set aside comes back."""
    interview = start_kinds(kinds)
    first = Script(
        ["Oui", "https://example.org", SKIP_CHOICE, ["es"], "", "Non"],
        reviews=["blog", Paused()],
    )
    with pytest.raises(SessionInterrupted):
        run(interview, first, kinds)
    path = interview.path
    assert path is not None
    path.write_text(
        path.read_text(encoding="utf-8").replace("answer = false", "answer = true", 1),
        encoding="utf-8",
    )

    again = Script([], reviews=[None])
    run(load_interview(path), again, kinds)

    assert again.prompts == []
    url = load_interview(path).answer("blog-url")
    assert url is not None and url.value == "https://example.org"


def test_a_draft_holding_an_answer_its_condition_leaves_out_is_finished_without_it(
    kinds: Questionnaire,
) -> None:
    """A draft written by hand (or by an older jeudis) with an answer its condition
    leaves out: finished, the answer is in the notes, not in the post."""
    interview = start_kinds(kinds)
    interview.answers = [
        Answer.given_now("blog", "yesno", "As-tu un blog ?", False),
        Answer.given_now("blog-url", "url", "Son adresse ?", "https://example.org"),
    ]
    script = Script([SKIP_CHOICE, ["es"], ""])

    run(interview, script, kinds)

    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert saved.is_complete
    assert saved.answer("blog-url") is None
    assert "[blog-url] Son adresse ? (not asked since [blog] is 'Non')" in saved.notes


def test_prompt_for_is_pure(kinds: Questionnaire) -> None:
    blog, url, reseau, pourquoi, langues, depuis = kinds.questions

    yes = prompt_for(blog, "As-tu un blog ?", counter="[1/6]", previous=False, can_go_back=False)
    assert (yes.kind, yes.choices, yes.default, yes.counter) == (
        "select",
        ("Oui", "Non"),
        "Non",
        "[1/6]",
    )
    assert prompt_for(reseau, "?", previous="Mastodon").default is None
    assert prompt_for(reseau, "?", previous="Facebook").default == "Facebook"
    assert not prompt_for(reseau, "?").required
    assert prompt_for(langues, "?", previous=["fr"]).default == ["fr"]
    assert prompt_for(langues, "?").kind == "checkbox"
    assert prompt_for(pourquoi, "?", previous="Parce que.").kind == "long"
    assert prompt_for(depuis, "?", previous=dt.date(2011, 3, 10)).default == "10 mars 2011"
    assert prompt_for(url, "?").default == ""
    assert prompt_for(url, "?").validate("javascript:alert(1)") is not None
    assert prompt_for(url, "?").validate("https://example.org") is None
    assert prompt_for(blog, "?") == prompt_for(blog, "?")


# -- --data-file ---------------------------------------------------------------------


def test_data_file_reports_every_missing_answer_at_once(series: Path) -> None:
    form = find_questionnaire(series_at(), "twitter")
    interview = prepare(series_at(), form, Options(guest="Gilles Klein", register="vous"))
    data = {
        "fields": {"site": "pas une adresse", "age": 3},
        "answers": {"depuis-quand": "2007", "followers": "beaucoup", "inconnue": "?"},
    }

    with pytest.raises(MissingAnswers) as caught:
        fill_from_data(form, interview, data, Path("answers.toml"))

    missing = [
        "utilisations", "apport", "premier-tweet", "dernier-tweet", "meilleur-souvenir",
        "conseils", "avenir", "twitter-ou-facebook", "influence", "follower-reve", "pas-suivi",
    ]  # fmt: skip
    assert caught.value.message.splitlines() == [
        "answers.toml: 15 problems:",
        "  answers.toml: answers.inconnue: no such question in twitter",
        "  answers.toml: fields.age: no such field in twitter",
        "  answers.toml: fields.site: Une adresse complète est attendue, qui commence par https://",
        "  answers.toml: answers.followers: Un nombre de followers, par exemple 9 200.",
        f"  answers.toml: 11 answers missing: {', '.join(missing)}",
    ]
    assert caught.value.exit_code == ExitCode.MISSING_ANSWERS
    assert list((series / "interviews").iterdir()) == []


def test_data_file_fills_a_complete_interview(series: Path) -> None:
    form = find_questionnaire(series_at(), "twitter")
    interview = prepare(
        series_at(), form, Options(guest="Fadhila Brahimi", register="tu", gender="f")
    )
    ids = [q.id for q in form.questions]
    data = {"fields": {"twitter": "@fadhila"}, "answers": dict(zip(ids, ANSWERS, strict=True))}

    fill_from_data(form, interview, data, Path("answers.toml"))
    create(series_at(), interview)

    saved = load_interview(series / "interviews" / "fadhila-brahimi.toml")
    assert saved.status == "complete"
    assert saved.answer("followers").value == "9 200"  # type: ignore[union-attr]
    assert saved.answer("influence").question == (  # type: ignore[union-attr]
        "Te considères-tu comme une twittos influente ?"
    )
    assert saved.fields["twitter"] == "@fadhila"


def test_prepare_refuses_an_empty_guest_and_an_unknown_register() -> None:
    form = find_questionnaire(series_at(), "twitter")
    from jeudis.errors import UsageError

    with pytest.raises(UsageError, match="the guest's name is empty"):
        prepare(series_at(), form, Options(guest="   "))
    with pytest.raises(UsageError, match='--register il: twitter is worded for "tu" and "vous"'):
        prepare(series_at(), form, Options(guest="X", register="il"))


def test_ctrl_c_on_the_hand_over_screen_is_a_pause(series: Path) -> None:
    class InterruptedHandOver(Script):
        def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None:
            raise KeyboardInterrupt

    interview = start()
    script = InterruptedHandOver([*FIELDS])
    with pytest.raises(SessionInterrupted) as stopped:
        run(interview, script)

    assert stopped.value.exit_code == ExitCode.INTERRUPTED
    assert stopped.value.answered == 0
    assert script.screens[-1] == "paused 0"
    draft = load_interview(series / "interviews" / "gilles-klein.toml")
    assert draft.fields["site"] == FIELDS[0]
    assert not list((series / "interviews").glob(".*.lock"))


def test_the_total_counts_what_may_still_be_asked(kinds: Questionnaire) -> None:
    interview = start_kinds(kinds)
    assert expected_total(kinds, interview) == 6  # nothing answered: all may apply
    interview.answers.append(Answer(id="blog", type="yesno", question="?", value=False))
    assert expected_total(kinds, interview) == 5  # no blog: no address to ask
    interview.answers.append(Answer(id="reseau", type="choice", question="?", skipped=True))
    assert expected_total(kinds, interview) == 4  # no network: no "why"


def test_the_thank_you_comes_once_saved_with_signals_back_to_normal(series: Path) -> None:
    """A SIGTERM on the thank-you screen ends the program; none is caught and turned into a pause."""
    seen: list[object] = []

    class Thanked(Script):
        def thanks(self, interview: Interview) -> None:
            seen.append(signal.getsignal(signal.SIGTERM))
            seen.append(load_interview(interview.path).status)  # type: ignore[arg-type]
            assert not list((series / "interviews").glob(".*.lock"))

    before = signal.getsignal(signal.SIGTERM)
    run(start(), Thanked([*FIELDS, *ANSWERS], reviews=[None]))
    assert seen == [before, "complete"]


def test_a_signal_while_completing_is_a_pause_not_a_traceback(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stopped(*args: object) -> None:
        raise Paused(signal_name="SIGTERM")

    monkeypatch.setattr("jeudis.followups.record_closing", stopped)
    with pytest.raises(SessionInterrupted) as interrupted:
        run(start(), Script([*FIELDS, *ANSWERS], reviews=[None]))
    assert interrupted.value.signal_name == "SIGTERM"
    assert load_interview(series / "interviews" / "gilles-klein.toml").status == "draft"


def test_page_up_on_an_answer_changed_at_the_review_gives_the_change_up(series: Path) -> None:
    """What was typed of it stayed the draft's pending text, and came back on resume
    although the guest had backed out of the change."""

    class Typing(Script):
        autosave: Any = None  # the session sets it: what is typed is saved as typed

    def typed_then_back(prompt: Prompt) -> Any:
        assert prompt.from_review
        script.autosave(prompt.id, "Presque 10 000")
        assert load_interview(series / "interviews" / "gilles-klein.toml").pending
        return BACK

    script = Typing([*FIELDS, *ANSWERS, typed_then_back], reviews=["followers", None])
    done = run(start(), script)
    saved = load_interview(series / "interviews" / "gilles-klein.toml")
    assert saved.pending == {} and done.pending == {}
    assert saved.answer("followers").value == "9 200"  # type: ignore[union-attr]


def test_the_first_question_changed_at_the_review_goes_back_to_it_too() -> None:
    """Page↑ went back to the review from any answer being changed but the first's,
    where it did nothing and the keys left it out: the change could not be given up."""
    script = Script([*FIELDS, *ANSWERS, BACK], reviews=["depuis-quand", None])
    run(start(), script)
    changed = script.prompts[-1]
    assert (changed.id, changed.from_review, changed.can_go_back) == ("depuis-quand", True, True)


# -- what a questionnaire's author writes: its language, its defaults, its quotes ------------

ENGLISH = """
id = "five"
title = "Five questions for {guest}"
language = "en"
registers = ["you"]

[[questions]]
id = "remote"
type = "yesno"
text = "Do you work remotely?"

[[questions]]
id = "tool"
type = "choice"
text = "Your favourite tool?"
choices = ["Paper", "A laptop"]
required = false
"""


def test_an_english_questionnaire_offers_yes_no_and_skip_in_english(series: Path) -> None:
    form = load_questionnaire(write(series / "questionnaires" / "five.toml", ENGLISH))
    interview = create(series_at(), prepare(series_at(), form, Options(guest="Ana Smith")))
    script = Script(["Yes", "— skip —"])

    run(interview, script, form)

    assert script.prompts[0].choices == ("Yes", "No")
    assert script.prompts[1].choices == ("Paper", "A laptop", "— skip —")
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert {a.id: (a.value, a.skipped) for a in saved.answers} == {
        "remote": (True, False),
        "tool": (None, True),
    }


DEFAULTS = """
id = "defaults"
title = "Le podcast de {guest}"
registers = ["tu"]

[[questions]]
id = "rythme"
type = "choice"
text = "À quel rythme publies-tu ?"
choices = ["Chaque semaine", "Chaque mois"]
default = "Chaque mois"

[[questions]]
id = "video"
type = "yesno"
text = "Filmes-tu tes épisodes ?"
default = false

[[questions]]
id = "outils"
type = "multi"
text = "Tes outils ?"
choices = ["Audacity", "Reaper", "GarageBand"]
default = ["Reaper", "GarageBand"]
"""


def test_a_choice_a_yes_no_and_a_multi_show_their_default(series: Path) -> None:
    form = load_questionnaire(write(series / "questionnaires" / "defaults.toml", DEFAULTS))
    rythme, video, outils = form.questions

    assert prompt_for(rythme, "?").default == "Chaque mois"
    assert prompt_for(video, "?").default == "Non"
    assert prompt_for(outils, "?").default == ["Reaper", "GarageBand"]
    # An answer given wins over the default.
    assert prompt_for(rythme, "?", previous="Chaque semaine").default == "Chaque semaine"
    assert prompt_for(video, "?", previous=True).default == "Oui"
    assert prompt_for(outils, "?", previous=["Audacity"]).default == ["Audacity"]


QUOTES = """
id = "lectures"
title = "Les lectures de {guest}"
registers = ["vous"]

[[questions]]
id = "livre"
text = "Quel livre lisez-vous ?"

[[questions]]
id = "format"
type = "choice"
text = "« {answer:livre} » : papier ou liseuse ?"
choices = ["Papier", "Liseuse"]

[[questions]]
id = "auteur"
text = "Qui a écrit « {answer:livre} » ?"
"""


def test_a_question_quoting_an_answer_changed_with_page_up_quotes_the_new_one(
    series: Path,
) -> None:
    form = load_questionnaire(write(series / "questionnaires" / "lectures.toml", QUOTES))
    interview = create(series_at(), prepare(series_at(), form, Options(guest="Yves Martin")))
    script = Script(["Dune", "Liseuse", BACK, BACK, "Fondation", "Liseuse", "Isaac Asimov"])

    run(interview, script, form)

    # Entrée after Page↑ goes on to the next question, which quotes the new book.
    assert script.prompts[5].message == "« Fondation » : papier ou liseuse ?"
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [a.question for a in saved.answers] == [
        "Quel livre lisez-vous ?",
        "« Fondation » : papier ou liseuse ?",
        "Qui a écrit « Fondation » ?",
    ]


def test_a_quoted_answer_changed_at_the_review_rewords_what_quotes_it_but_a_rewording(
    series: Path,
) -> None:
    class RewordsFirst(Script):
        def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
            if not self.review_rows:  # as `jeudis edit --reword` would, before the change
                stored = interview.answer("format")
                assert stored is not None
                stored.question, stored.reworded = "Et « Dune », en papier ?", True
            return super().review(interview, rows)

    form = load_questionnaire(write(series / "questionnaires" / "lectures.toml", QUOTES))
    interview = create(series_at(), prepare(series_at(), form, Options(guest="Yves Martin")))
    script = RewordsFirst(["Dune", "Liseuse", "Frank Herbert", "Fondation"], ["livre", None])

    run(interview, script, form)

    saved = load_interview(interview.path)  # type: ignore[arg-type]
    assert [a.question for a in saved.answers] == [
        "Quel livre lisez-vous ?",
        "Et « Dune », en papier ?",  # reworded for this guest: the host's own words stay
        "Qui a écrit « Fondation » ?",
    ]


def test_a_data_file_answer_to_a_question_not_asked_is_reported_not_dropped(
    kinds: Questionnaire,
) -> None:
    """The session forgets an answer whose condition no longer holds; from a file, the
    answer was written for a reason, and dropped silently it would be lost."""
    interview = prepare(series_at(), kinds, Options(guest="Fadhila Brahimi"))
    data = {"answers": {"blog": "non", "blog-url": "https://fadhila.example", "langues": ["fr"]}}

    with pytest.raises(MissingAnswers) as caught:
        fill_from_data(kinds, interview, data, Path("answers.toml"))

    assert caught.value.message == (
        "answers.toml: answers.blog-url: not asked, as its condition on blog"
        " does not hold: remove it, or change answers.blog"
    )


def test_an_answer_given_again_as_it_was_keeps_its_time(kinds: Questionnaire) -> None:
    """Changed at the review to what it was, an answer was stamped anew and the file
    written again; only a different answer is a change."""
    interview = start_kinds(kinds)
    script = Script(
        ["Oui", "https://example.org", SKIP_CHOICE, ["es"], "2011-03-10", "Oui", "Non"],
        reviews=["blog", "blog", None],
    )
    run(interview, script, kinds)
    saved = load_interview(interview.path)  # type: ignore[arg-type]
    blog = saved.answer("blog")
    assert blog is not None and blog.value is False  # the second change holds
    assert blog.answered_at is not None
    first = load_interview(interview.path)  # type: ignore[arg-type]
    session = Session(kinds, first, Script([]))
    question = kinds.question("blog")
    assert question is not None
    before = interview.path.read_bytes()  # type: ignore[union-attr]
    assert not session._record(question, "Non")  # as it was: nothing written
    assert interview.path.read_bytes() == before  # type: ignore[union-attr]
    assert session._record(question, "Oui")


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="Windows sets no zone by TZ")
def test_an_interview_finished_records_the_hosts_offset(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its date is the host's day: finished at 05:02 in Sydney, it was recorded 18:02
    UTC the day before, and its post published at 19:00 there, a post to come for
    Hugo and Jekyll built at once."""
    monkeypatch.setenv("TZ", "Australia/Sydney")
    time.tzset()
    try:
        test_data_file_fills_a_complete_interview(series)
        saved = load_interview(series / "interviews" / "fadhila-brahimi.toml")
    finally:
        monkeypatch.undo()  # the zone this process had, at once: not at teardown
        time.tzset()
    assert saved.completed is not None
    assert saved.completed.utcoffset() in (dt.timedelta(hours=10), dt.timedelta(hours=11))
