"""Questionnaires that change between seasons: drafts catch up, published posts stay put."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jeudis import starting
from jeudis.errors import ExitCode, SessionInterrupted
from jeudis.interview import Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from jeudis.prompts import Prompt
from jeudis.questionnaire import load_questionnaire
from jeudis.session import Session
from support import LU, Invoke, Scripted, findings, write

V1 = """
id = "saison"
version = 1
title = "Saison : {guest}"

[[questions]]
id = "debut"
text = "Comment as-tu commencé ?"

[[questions]]
id = "outil"
text = "Ton outil préféré ?"

[[questions]]
id = "ancienne"
text = "Une question de l’an dernier ?"
"""

V2 = """
id = "saison"
version = 2
title = "Saison : {guest}"

[[questions]]
id = "debut"
text = "Comment as-tu débuté, au tout début ?"

[[questions]]
id = "nouvelle"
text = "Qu’est-ce qui a changé cette année ?"

[[questions]]
id = "outil"
text = "Ton outil préféré ?"

[[questions]]
id = "fin"
text = "Un mot pour finir ?"
"""


def questionnaire_file(series: Path, text: str) -> Path:
    return write(series / "questionnaires" / "saison.toml", text)


def new_interview(series: Path, guest: str) -> tuple[Any, Interview]:
    form = load_questionnaire(series / "questionnaires" / "saison.toml")
    interview = starting.prepare(Series(series), form, starting.Options(guest=guest))
    starting.create(Series(series), interview)
    return form, interview


def test_resumed_draft_keeps_answers_by_id_and_asks_only_what_is_new(series: Path) -> None:
    questionnaire_file(series, V1)
    form, interview = new_interview(series, "Inès Roy")
    with pytest.raises(SessionInterrupted):
        Session(form, interview, Scripted(["En 2009.", "Un carnet."], pause_at="ancienne")).run()

    questionnaire_file(series, V2)
    form2 = load_questionnaire(series / "questionnaires" / "saison.toml")
    draft = load_interview(interview.path)  # type: ignore[arg-type]
    prompter = Scripted(["Tout !", "Merci."])
    Session(form2, draft, prompter).run()
    assert prompter.asked == ["nouvelle", "fin"]
    done = load_interview(interview.path)  # type: ignore[arg-type]
    assert [(a.id, a.question, a.value) for a in done.answers] == [
        ("debut", "Comment as-tu commencé ?", "En 2009."),  # as it was asked
        ("nouvelle", "Qu’est-ce qui a changé cette année ?", "Tout !"),
        ("outil", "Ton outil préféré ?", "Un carnet."),
        ("fin", "Un mot pour finir ?", "Merci."),
    ]
    assert done.status == "complete"
    assert done.questionnaire_version == 2


def test_published_interview_never_changes_and_check_says_what_differs(
    series: Path, invoke: Invoke
) -> None:
    questionnaire_file(series, V1)
    form, interview = new_interview(series, "Inès Roy")
    Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    assert invoke("check").exit_code == 0
    before_file = interview.path.read_bytes()  # type: ignore[union-attr]
    before_post = invoke("export", "ines-roy", "--format", "md").stdout

    questionnaire_file(series, V2)
    after_post = invoke("export", "ines-roy", "--format", "md").stdout
    assert after_post == before_post
    assert "Une question de l’an dernier" in after_post
    assert "Comment as-tu commencé" in after_post
    result = invoke("resume", "ines-roy")
    assert result.exit_code == 2
    assert "already complete" in result.stderr
    assert interview.path.read_bytes() == before_file  # type: ignore[union-attr]

    checked = invoke("check")
    line = next(ln for ln in checked.output.splitlines() if "ines-roy.toml" in ln)
    assert "made with saison version 1, now version 2" in line
    assert "new: nouvelle, fin" in line
    assert "dropped: ancienne" in line
    assert "reworded: debut" in line


def test_a_question_reworded_by_the_host_is_not_drift(series: Path, invoke: Invoke) -> None:
    questionnaire_file(series, V1)
    form, interview = new_interview(series, "Inès Roy")
    Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    assert invoke("edit", "ines-roy", "-q", "debut", "--reword", "Tes débuts ?").exit_code == 0
    questionnaire_file(series, V2)
    line = next(ln for ln in invoke("check").output.splitlines() if "ines-roy.toml" in ln)
    assert "reworded:" not in line


def test_a_name_elided_in_a_question_is_not_drift(series: Path, invoke: Invoke) -> None:
    """ "Le livre préféré de {guest} ?" asked Amélie "… d’Amélie Roux ?": French
    elision, not a rewording, and `check` said "reworded" of it after any version bump."""
    elided = V1.replace("Ton outil préféré ?", "L’outil préféré de {guest} ?")
    questionnaire_file(series, elided)
    form, interview = new_interview(series, "Amélie Roux")
    Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    asked = load_interview(interview.path).answer("outil").question  # type: ignore[arg-type, union-attr]
    assert asked == "L’outil préféré d’Amélie Roux ?"

    questionnaire_file(series, elided.replace("version = 1", "version = 2"))
    line = next(ln for ln in invoke("check").output.splitlines() if "amelie-roux.toml" in ln)
    assert "now version 2 (no question differs)" in line


def test_check_says_the_interviews_of_an_older_version_one_line_a_version(
    series: Path, invoke: Invoke
) -> None:
    """After a new version, check said a line for each older interview (332 in a big
    series), and an error among them went unseen. One line a version now: how many,
    what differs, the first few by name; the exit code is as before."""
    questionnaire_file(series, V1)
    for guest in ("Ana Bel", "Bea Cor", "Cyd Dal", "Dom Eck", "Eva Fox"):
        form, interview = new_interview(series, guest)
        Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    questionnaire_file(series, V2)
    for guest in ("Gil Ho", "Hugo Ivy"):
        form, interview = new_interview(series, guest)
        Session(form, interview, Scripted(["Tôt.", "Tout.", "Vim.", "Merci."])).run()
    questionnaire_file(series, V2.replace("version = 2", "version = 3"))
    folder = series / "interviews"

    checked = invoke("check")

    assert findings(checked.stdout) == [
        (
            f"{folder}: warning: questionnaire_version: 5 interviews made with saison version 1,"
            " now version 3 (new: nouvelle, fin; dropped: ancienne; reworded: debut):"
            " ana-bel, bea-cor, cyd-dal, …"
        ),
        (
            f"{folder}: warning: questionnaire_version: 2 interviews made with saison version 2,"
            " now version 3 (no question differs): gil-ho, hugo-ivy"
        ),
        "0 errors, 2 warnings",
    ]
    assert checked.exit_code == 0
    assert invoke("check", "--strict").exit_code == ExitCode.CHECK_FAILED
    assert len(json.loads(invoke("check", "--json").stdout)) == 2

    # An error among them is seen; one interview alone is said as itself.
    broken = folder / "dom-eck.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace('"complete"', '"fini"'), "utf-8")
    checked = invoke("check")
    assert checked.exit_code == ExitCode.CHECK_FAILED
    assert [line.split(": ")[1] for line in findings(checked.stdout)[:-1]] == [
        "warning",
        "error",
        "warning",
    ]
    alone = invoke("check", str(folder / "gil-ho.toml"))
    assert findings(alone.stdout)[0] == (
        f"{folder / 'gil-ho.toml'}: warning: questionnaire_version: made with saison version 2,"
        " now version 3 (no question differs)"
    )


# The book questionnaire of the conditions' tests, as this file's "saison".
CONDITIONAL = LU.replace('id = "lu"\ntitle', 'id = "saison"\nversion = 1\ntitle', 1)


def test_a_question_its_conditions_left_out_is_not_new(series: Path, invoke: Invoke) -> None:
    """A "Non", so no opinion asked: after a new version, check called the opinion "new"."""
    questionnaire_file(series, CONDITIONAL)
    form, interview = new_interview(series, "Inès Roy")
    Session(form, interview, Scripted([False, "Merci."])).run()
    questionnaire_file(series, CONDITIONAL.replace("version = 1", "version = 2"))

    line = next(ln for ln in invoke("check").output.splitlines() if "ines-roy.toml" in ln)

    assert line.endswith("made with saison version 1, now version 2 (no question differs)")


def test_questions_added_with_no_new_version_are_new_to_some(series: Path, invoke: Invoke) -> None:
    """Added to version 1, then the version raised: the interviews made before lacked
    them, those after had them, and check said "no question differs" of the lot; a
    draft's questions still ahead were not new either."""
    questionnaire_file(series, V1)
    for guest in ("Ana Bel", "Bea Cor"):
        form, interview = new_interview(series, guest)
        Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    added = V1 + '\n[[questions]]\nid = "fin"\ntext = "Un mot pour finir ?"\n'
    questionnaire_file(series, added)
    form, interview = new_interview(series, "Cyd Dal")
    Session(form, interview, Scripted(["Tôt.", "Vim.", "Non.", "Merci."])).run()
    form, interview = new_interview(series, "Dom Eck")  # a draft: all of it ahead
    questionnaire_file(series, added.replace("version = 1", "version = 2"))

    said = findings(invoke("check").stdout)

    assert said[0].endswith(
        "4 interviews made with saison version 1, now version 2 (new to some: fin):"
        " ana-bel, bea-cor, cyd-dal, …"
    )


def test_a_draft_among_interviews_of_an_older_version_leaves_new_questions_new(
    series: Path, invoke: Invoke
) -> None:
    """Two complete interviews of version 1 and a draft: a question of version 2 none of
    them answers was "new to some", the draft, which has its questions ahead, counted
    as one that had it."""
    questionnaire_file(series, V1)
    for guest in ("Ana Bel", "Bea Cor"):
        form, interview = new_interview(series, guest)
        Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    new_interview(series, "Cyd Dal")  # a draft: all of it ahead
    added = V1 + '\n[[questions]]\nid = "fin"\ntext = "Un mot pour finir ?"\n'
    questionnaire_file(series, added.replace("version = 1", "version = 2"))

    said = findings(invoke("check").stdout)

    assert said[0].endswith(
        "3 interviews made with saison version 1, now version 2 (new: fin):"
        " ana-bel, bea-cor, cyd-dal"
    )


class Watching(Scripted):
    """What the welcome counts, the counters and the review's rows."""

    def __init__(self, answers: list[Any], picks: tuple[str, ...] = ()) -> None:
        super().__init__(answers)
        self.counters: list[str] = []
        self.total = 0
        self.rows: list[tuple[str, str, str]] = []
        self.picks = iter(picks)  # the answers picked at the review, to change

    def ask(self, prompt: Prompt) -> Any:
        self.counters.append(f"{prompt.counter} {prompt.id}")
        return super().ask(prompt)

    def hand_over(self, interview: Interview, form: Any, total: int) -> None:
        self.total = total

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        self.rows = rows
        return next(self.picks, None)


def test_a_resumed_draft_counts_and_numbers_an_answer_to_a_dropped_question_as_its_post(
    series: Path, invoke: Invoke
) -> None:
    """A draft answered "ancienne", which version 2 drops: its post publishes that
    answer, but the review hid it and numbered the rest one short, the welcome said 3
    answers given of 4 questions, and the counters counted 4. They count and number
    the interview's own answers, as its post does."""
    questionnaire_file(series, V1 + '\n[[questions]]\nid = "encore"\ntext = "Encore ?"\n')
    form, interview = new_interview(series, "Inès Roy")
    first = Scripted(["En 2009.", "Un carnet.", "Oui."], pause_at="encore")
    with pytest.raises(SessionInterrupted):
        Session(form, interview, first).run()

    questionnaire_file(series, V2)
    form2 = load_questionnaire(series / "questionnaires" / "saison.toml")
    prompter = Watching(["Tout !", "Merci.", "Non, finalement."], picks=("ancienne",))
    Session(form2, load_interview(interview.path), prompter).run()  # type: ignore[arg-type]

    assert prompter.total == 5  # with the 3 answers given, "ancienne" among them
    # Picked at the review, it is asked again (it was not: the review came back).
    assert prompter.counters == ["[2/5] nouvelle", "[4/5] fin", "[5/5] ancienne"]
    changed = load_interview(interview.path).answer("ancienne")  # type: ignore[arg-type]
    assert changed is not None and changed.value == "Non, finalement."
    assert changed.question == "Une question de l’an dernier ?"
    assert [label for _, label, _ in prompter.rows] == [
        "1. Comment as-tu commencé ?",
        "2. Qu’est-ce qui a changé cette année ?",
        "3. Ton outil préféré ?",
        "4. Un mot pour finir ?",
        "5. Une question de l’an dernier ?",
    ]
    post = invoke("export", "ines-roy", "--format", "md").stdout.replace("\u202f", " ")
    headings = [line for line in post.splitlines() if line.startswith("## ")]
    assert headings == [f"## {label}" for _, label, _ in prompter.rows]


def test_edit_counts_an_answer_as_its_post_numbers_it(series: Path) -> None:
    """`jeudis edit -q outil` on an interview version 1 made showed "[3/4]", its place
    in version 2, where the post numbers it 2 of 3."""
    from jeudis import edit

    questionnaire_file(series, V1)
    form, interview = new_interview(series, "Inès Roy")
    Session(form, interview, Scripted(["En 2009.", "Un carnet.", "Oui."])).run()
    questionnaire_file(series, V2)
    form2 = load_questionnaire(series / "questionnaires" / "saison.toml")

    class Enter:
        def __init__(self) -> None:
            self.counters: list[str] = []

        def ask(self, prompt: Prompt) -> Any:
            self.counters.append(prompt.counter)
            return prompt.default

    prompter = Enter()
    for question in ("debut", "2", "ancienne"):
        edit.reask(form2, load_interview(interview.path), question, prompter)  # type: ignore[arg-type]
    assert prompter.counters == ["[1/3]", "[2/3]", "[3/3]"]


def test_a_resumed_draft_reviews_its_answers_in_its_posts_order_when_a_version_reorders(
    series: Path,
) -> None:
    """Version 2 asks "outil" before "debut": the draft's post keeps its order, and the
    review, in that order, numbered each by its place in version 2 ("2.", then "1.")."""
    questionnaire_file(series, V1)
    form, interview = new_interview(series, "Inès Roy")
    with pytest.raises(SessionInterrupted):
        Session(form, interview, Scripted(["En 2009.", "Un carnet."], pause_at="ancienne")).run()
    reordered = V1.replace("version = 1", "version = 2").replace('id = "debut"', 'id = "tmp"')
    reordered = reordered.replace('id = "outil"', 'id = "debut"').replace(
        'id = "tmp"', 'id = "outil"'
    )
    questionnaire_file(series, reordered)
    form2 = load_questionnaire(series / "questionnaires" / "saison.toml")

    prompter = Watching(["Oui."])
    Session(form2, load_interview(interview.path), prompter).run()  # type: ignore[arg-type]

    assert [(qid, label[:3]) for qid, label, _ in prompter.rows] == [
        ("debut", "1. "),
        ("outil", "2. "),
        ("ancienne", "3. "),
    ]


def test_the_review_numbers_a_skipped_question_as_the_post_does(series: Path) -> None:
    """The post leaves a skipped question out, the numbers after it one less: the
    review numbered it, and each after it one more than the post ("3." for its "2.")."""
    questionnaire_file(
        series,
        V1.replace(
            'text = "Ton outil préféré ?"', 'text = "Ton outil préféré ?"\nrequired = false'
        ),
    )
    form, interview = new_interview(series, "Inès Roy")
    prompter = Watching(["En 2009.", "", "Oui."])
    Session(form, interview, prompter).run()
    assert [label for _, label, _ in prompter.rows] == [
        "1. Comment as-tu commencé ?",
        "Ton outil préféré ?",
        "2. Une question de l’an dernier ?",
    ]


class Prompts(Scripted):
    """Every prompt asked, as the prompter gets it."""

    def __init__(self, answers: list[Any]) -> None:
        super().__init__(answers)
        self.prompts: list[Prompt] = []

    def ask(self, prompt: Prompt) -> Any:
        self.prompts.append(prompt)
        return super().ask(prompt)


def test_an_answer_to_a_dropped_question_is_asked_as_kept_not_as_optional(
    series: Path,
) -> None:
    """Page↑ onto an answer to a question version 2 dropped showed it as an optional
    question ("facultatif : laisser vide pour passer"), and `jeudis edit` asked a
    one-line answer as a long one. It is said to be kept for the post; emptied, it
    is taken out of it, and optional again as a question skipped is; a question of
    the questionnaire is not said dropped."""
    from jeudis import edit
    from jeudis.prompts import BACK

    encore = '\n[[questions]]\nid = "encore"\ntext = "Encore ?"\n'
    questionnaire_file(series, V1 + encore)
    form, interview = new_interview(series, "Inès Roy")
    first = Scripted(["En 2009.", "Un carnet.", "Oui."], pause_at="encore")
    with pytest.raises(SessionInterrupted):
        Session(form, interview, first).run()
    v2 = V1.replace("version = 1", "version = 2").replace(
        '\n[[questions]]\nid = "outil"\ntext = "Ton outil préféré ?"\n', ""
    )
    questionnaire_file(
        series, v2 + encore + '\n[[questions]]\nid = "fin"\ntext = "Fin ?"\nrequired = false\n'
    )
    form2 = load_questionnaire(series / "questionnaires" / "saison.toml")
    prompter = Prompts([BACK, BACK, "", "Oui.", "Toujours.", ""])
    Session(form2, load_interview(interview.path), prompter).run()  # type: ignore[arg-type]

    asked = [(p.id, p.counter, p.dropped, p.required) for p in prompter.prompts]
    assert asked == [
        ("encore", "[4/5]", False, True),
        ("ancienne", "[3/5]", False, True),
        ("outil", "[2/5]", True, False),  # may be emptied
        ("ancienne", "[3/5]", False, True),  # the next one, after Page↑
        ("encore", "[4/5]", False, True),
        ("fin", "[5/5]", False, False),  # optional, of the questionnaire
    ]
    done = load_interview(interview.path)  # type: ignore[arg-type]
    assert done.answer("outil").skipped  # type: ignore[union-attr]

    class Enter:
        def __init__(self) -> None:
            self.prompts: list[Prompt] = []

        def ask(self, prompt: Prompt) -> Any:
            self.prompts.append(prompt)
            return f"Un outil, {len(self.prompts)}."

    enter = Enter()
    assert edit.reask(form2, done, "outil", enter)  # skipped: optional, as it was
    assert edit.reask(form2, load_interview(interview.path), "outil", enter)  # type: ignore[arg-type]
    assert [(p.kind, p.dropped, p.required, p.counter) for p in enter.prompts] == [
        ("text", False, False, "[2/4]"),
        ("text", True, False, "[2/4]"),
    ]


def test_check_says_an_answer_of_a_choice_a_new_version_renamed(
    series: Path, invoke: Invoke
) -> None:
    """Version 2 renamed "Développeur" "Développeur·se": check said nothing of it, and
    the roundup tallied the old name apart, an empty bar beside the new."""
    v1 = V1.replace(
        'id = "outil"\ntext = "Ton outil préféré ?"',
        'id = "outil"\ntype = "choice"\nchoices = ["Développeur", "Autre"]\ntext = "Ton métier ?"',
    )
    questionnaire_file(series, v1)
    form, interview = new_interview(series, "Inès Roy")
    Session(form, interview, Scripted(["En 2009.", "Développeur", "Oui."])).run()
    questionnaire_file(
        series,
        v1.replace("version = 1", "version = 2").replace('"Développeur"', '"Développeur·se"'),
    )

    line = next(ln for ln in invoke("check").output.splitlines() if "ines-roy.toml" in ln)

    assert "made with saison version 1, now version 2" in line
    assert "answered with a choice no longer offered: outil" in line
