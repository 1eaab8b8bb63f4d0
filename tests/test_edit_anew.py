"""``jeudis edit SLUG -q ID`` of a question a newer version of the questionnaire added:
asked under that version's conditions, the interview's answers judged by them; and an
answer changed so that the interview answers all the newer version asks it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jeudis.edit import Aftermath, reask, review
from jeudis.edit_anew import answer_anew, unanswered_question
from jeudis.errors import ExitCode, NotFoundError
from jeudis.interview_reading import load_interview
from jeudis.questionnaire import Questionnaire, load_questionnaire
from support import PORTRAITS_V1, PORTRAITS_V2, Invoke, Scripted, new_portrait, write

# Version 1 asked an opinion of the book; version 2 asks first whether the guest read
# it, then the opinion and the title after "Oui" only, and why Twitter after "Oui".
TWITTER = '[[questions]]\nid = "twitter"'
V1 = PORTRAITS_V1.replace(
    TWITTER,
    '[[questions]]\nid = "avis"\ntype = "long"\ntext = "Votre avis sur le livre ?"\n' + TWITTER,
)
V2 = PORTRAITS_V2.replace(
    TWITTER,
    """[[questions]]
id = "lu"
type = "yesno"
text = "Avez-vous lu le livre ?"
[[questions]]
id = "avis"
type = "long"
text = "Votre avis sur le livre ?"
when = { question = "lu", equals = true }
[[questions]]
id = "titre"
type = "text"
text = "Son titre ?"
when = { question = "lu", equals = true }
"""
    + TWITTER,
)


@pytest.fixture
def hugo(series: Path, invoke: Invoke) -> Path:
    """Hugo's interview, complete, made with version 1; the questionnaire at version 2."""
    form = write(series / "questionnaires" / "p.toml", V1)
    data = '[answers]\noutils = "Un carnet."\navis = "Très bien."\ntwitter = false\n'
    new_portrait(invoke, data)
    write(form, V2)
    return series / "interviews" / "hugo-lambert.toml"


def version_2(series: Path) -> Questionnaire:
    return load_questionnaire(series / "questionnaires" / "p.toml")


def test_a_question_its_answers_leave_out_is_refused_saying_which_answer(
    series: Path, hugo: Path
) -> None:
    """Version 2 asks why Twitter after "Oui" only: Hugo said "Non", and an answer given
    all the same would be published after it."""
    with pytest.raises(NotFoundError) as refused:
        unanswered_question(version_2(series), load_interview(hugo), "pourquoi")
    assert refused.value.message == (
        "hugo-lambert: [pourquoi] is not asked since [twitter] is 'Non'"
    )
    assert refused.value.hint == "`jeudis edit hugo-lambert -q twitter` changes [twitter]"


def test_an_answer_leaving_out_one_the_interview_has_sets_it_aside(
    series: Path, hugo: Path
) -> None:
    """ "Non" to version 2's "lu": the opinion version 1 asked is not asked after it; it
    stayed, the post reading "Non", then an opinion of the book."""
    form = version_2(series)
    interview = load_interview(hugo)
    question = unanswered_question(form, interview, "lu")
    assert question is not None

    aftermath = answer_anew(form, interview, question, None, "Non")

    assert aftermath is not None and aftermath.aside == ["avis"]
    saved = load_interview(hugo)
    assert [a.id for a in saved.answers] == ["outils", "lu", "twitter"]
    assert [a.id for a in saved.set_aside] == ["avis"]
    assert "[avis] Votre avis sur le livre ? (not asked since [lu] is 'Non')\nTrès bien." in (
        saved.notes
    )
    # All version 2 asks it is answered now: made with it, as a resumed draft would be.
    assert saved.is_complete and saved.questionnaire_version == 2


def test_an_answer_asking_a_question_it_lacks_leaves_it_unasked_and_complete(
    series: Path, hugo: Path
) -> None:
    """ "Oui" asks the title, which Hugo never answered: the interview became a draft in
    silence, its post taken down at the next export."""
    form = version_2(series)
    interview = load_interview(hugo)
    question = unanswered_question(form, interview, "lu")
    assert question is not None

    aftermath = answer_anew(form, interview, question, None, "Oui")

    assert aftermath is not None and aftermath.unasked == ["titre"]
    saved = load_interview(hugo)
    assert saved.is_complete and saved.questionnaire_version == 1
    assert [a.id for a in saved.answers] == ["outils", "lu", "avis", "twitter"]


def test_asked_live_the_questions_its_answer_asks_come_next(series: Path, hugo: Path) -> None:
    form = version_2(series)
    interview = load_interview(hugo)
    question = unanswered_question(form, interview, "lu")
    assert question is not None
    guest = Scripted(["Oui", "Dune"])

    aftermath = answer_anew(form, interview, question, guest)

    assert guest.asked == ["lu", "titre"]
    assert aftermath is not None and aftermath.unasked == [] and aftermath.recorded == "2"
    saved = load_interview(hugo)
    assert saved.is_complete and saved.questionnaire_version == 2
    assert {a.id for a in saved.answers} == {"outils", "lu", "avis", "titre", "twitter"}


def test_check_show_export_and_resume_agree_after_it(
    series: Path, hugo: Path, invoke: Invoke
) -> None:
    before = hugo.read_bytes()
    refused = invoke("edit", "hugo-lambert", "-q", "pourquoi", "--answer-file", "-", input="Oui.")
    assert refused.exit_code == ExitCode.NOT_FOUND, refused
    assert refused.stderr == (
        "error: hugo-lambert: [pourquoi] is not asked since [twitter] is 'Non'\n"
        "hint: `jeudis edit hugo-lambert -q twitter` changes [twitter]\n"
    )
    assert hugo.read_bytes() == before

    given = invoke("edit", "hugo-lambert", "-q", "lu", "--answer-file", "-", input="Non")

    assert given.exit_code == 0, given
    assert given.stdout == (
        "hugo-lambert: answer lu given; made with version 2 of p now: it answers all that"
        " version asks it\n"
    )
    assert given.stderr == (
        "warning: hugo-lambert: [avis] not asked any more: kept in the private notes, out of"
        " the post (`jeudis edit hugo-lambert --notes`)\n"
    )
    assert invoke("check").stdout == "All good.\n"
    shown = invoke("show", "hugo-lambert").stdout
    assert "2. Avez-vous lu le livre ?" in shown and "3. Êtes-vous sur Twitter ?" in shown
    post = invoke("export", "hugo-lambert", "--fragment").stdout
    assert "Avez-vous lu le livre" in post and "Votre avis" not in post
    resumed = invoke("resume", "hugo-lambert")
    assert "hugo-lambert is already complete" in resumed.stderr


def test_left_for_later_the_question_it_asks_is_said(
    series: Path, hugo: Path, invoke: Invoke
) -> None:
    given = invoke("edit", "hugo-lambert", "-q", "lu", "--answer-file", "-", input="Oui")

    assert (given.exit_code, given.stdout) == (0, "hugo-lambert: answer lu given\n"), given
    assert given.stderr == (
        "warning: hugo-lambert: [titre] asked now by version 2 of the questionnaire, not by"
        " version 1, which this interview was made with: left unasked, the interview complete"
        " as it was (`jeudis edit hugo-lambert -q titre` asks it)\n"
    )
    assert "made with p version 1, now version 2 (new: titre)" in invoke("check").stdout
    listed = invoke("list").stdout
    assert "complete" in listed and "draft" not in listed
    titled = invoke("edit", "hugo-lambert", "-q", "titre", "--answer-file", "-", input="Dune")
    assert "made with version 2 of p now" in titled.stdout, titled
    assert invoke("check").stdout == "All good.\n"


@pytest.fixture
def on_twitter(series: Path, invoke: Invoke) -> Path:
    """Hugo's interview, complete, made with version 1 and on Twitter; the questionnaire
    at version 2, which asks then what Hugo finds there, never answered."""
    form = write(series / "questionnaires" / "p.toml", PORTRAITS_V1)
    new_portrait(invoke, '[answers]\noutils = "Un carnet."\ntwitter = true\n')
    write(form, PORTRAITS_V2)
    return series / "interviews" / "hugo-lambert.toml"


def test_an_answer_changed_so_that_it_answers_all_the_new_version_asks_records_it(
    on_twitter: Path, invoke: Invoke
) -> None:
    """Off Twitter, Hugo's interview answers all version 2 asks it: it stayed made with
    version 1, and check warned of it for good ("no question differs")."""
    assert "made with p version 1, now version 2 (new: pourquoi)" in invoke("check").stdout
    kept = invoke("edit", "hugo-lambert", "-q", "outils", "--answer-file", "-", input="Deux.")
    assert kept.stdout == "hugo-lambert: answer outils replaced\n", kept
    assert load_interview(on_twitter).questionnaire_version == 1  # [pourquoi] unanswered

    changed = invoke("edit", "hugo-lambert", "-q", "twitter", "--answer-file", "-", input="Non")

    assert changed.exit_code == 0, changed
    assert changed.stdout == (
        "hugo-lambert: answer twitter replaced; made with version 2 of p now: it answers all"
        " that version asks it\n"
    )
    assert load_interview(on_twitter).questionnaire_version == 2
    assert invoke("check").stdout == "All good.\n"
    assert "Non" in invoke("export", "hugo-lambert", "--fragment").stdout
    # Version 2's from now on: "Oui" again asks what Hugo finds there, as of any of its
    # interviews.
    again = invoke("edit", "hugo-lambert", "-q", "twitter", "--answer-file", "-", input="Oui")
    assert "[pourquoi] asked now, and not answered; a draft again" in again.stderr, again


def test_an_answer_changed_live_so_that_it_answers_all_the_new_version_asks_records_it(
    series: Path, on_twitter: Path
) -> None:
    aftermath = Aftermath()

    assert reask(
        version_2(series), load_interview(on_twitter), "twitter", Scripted(["Non"]), aftermath
    )

    assert aftermath.recorded == "2"
    saved = load_interview(on_twitter)
    assert saved.is_complete and saved.questionnaire_version == 2


class Reviewing(Scripted):
    """A host picking ``picked`` at the review, then done."""

    def __init__(self, answers: list[Any], picked: list[str]) -> None:
        super().__init__(answers)
        self.picked = iter(picked)

    def review(self, *args: Any) -> str | None:
        return next(self.picked, None)


def test_an_answer_changed_at_the_review_so_that_it_answers_all_the_new_version_asks_records_it(
    series: Path, on_twitter: Path
) -> None:
    aftermath = Aftermath()

    changed = review(
        version_2(series), load_interview(on_twitter), Reviewing(["Non"], ["twitter"]), aftermath
    )

    assert changed == 1 and aftermath.recorded == "2"
    assert load_interview(on_twitter).questionnaire_version == 2


def test_an_interview_answering_a_question_the_new_version_dropped_keeps_its_version(
    series: Path, invoke: Invoke
) -> None:
    """Hugo's post asks what version 1 asked of his reading, which version 2 dropped: an
    answer changed recorded it as made with version 2, and check no longer said the
    question dropped that the post publishes."""
    lecture = '[[questions]]\nid = "lecture"\ntype = "long"\ntext = "Votre lecture ?"\n'
    form = write(series / "questionnaires" / "p.toml", PORTRAITS_V1 + lecture)
    new_portrait(invoke, '[answers]\noutils = "Un carnet."\ntwitter = false\nlecture = "Proust."\n')
    write(form, PORTRAITS_V1.replace("version = 1", "version = 2"))

    changed = invoke("edit", "hugo-lambert", "-q", "outils", "--answer-file", "-", input="Deux.")

    assert changed.stdout == "hugo-lambert: answer outils replaced\n", changed
    assert "made with p version 1, now version 2 (dropped: lecture)" in invoke("check").stdout
    assert "Proust." in invoke("export", "hugo-lambert", "--fragment").stdout


def test_an_interview_lacking_a_field_the_new_version_requires_keeps_its_version(
    series: Path, invoke: Invoke
) -> None:
    """Version 2 requires the guest's town, which Hugo's interview never had: an answer
    changed recorded it as made with version 2 all the same."""
    form = write(series / "questionnaires" / "p.toml", PORTRAITS_V1)
    new_portrait(invoke, '[answers]\noutils = "Un carnet."\ntwitter = false\n')
    town = '[[fields]]\nid = "ville"\ntype = "text"\ntext = "Ville de {guest}"\n'
    write(form, PORTRAITS_V1.replace("version = 1", "version = 2") + town)

    changed = invoke("edit", "hugo-lambert", "-q", "outils", "--answer-file", "-", input="Deux.")

    assert changed.stdout == "hugo-lambert: answer outils replaced\n", changed
    assert "made with p version 1, now version 2" in invoke("check").stdout


def test_an_answer_changed_leaving_one_the_new_version_would_not_ask_records_nothing(
    series: Path, invoke: Invoke
) -> None:
    """Version 1 asked what Hugo finds on Twitter of everyone, version 2 only after
    "Oui": Hugo, off Twitter, told it all the same. His tools changed, his interview
    still holds that answer, which version 2 leaves out: it is not one of version 2's."""
    unconditioned = PORTRAITS_V2.replace("version = 2", "version = 1").replace(
        'when = { question = "twitter", equals = true }\n', ""
    )
    form = write(series / "questionnaires" / "p.toml", unconditioned)
    new_portrait(invoke, '[answers]\noutils = "Un carnet."\ntwitter = false\npourquoi = "Rien."\n')
    write(form, PORTRAITS_V2)
    path = series / "interviews" / "hugo-lambert.toml"

    changed = invoke("edit", "hugo-lambert", "-q", "outils", "--answer-file", "-", input="Deux.")

    assert changed.stdout == "hugo-lambert: answer outils replaced\n", changed
    assert load_interview(path).questionnaire_version == 1
