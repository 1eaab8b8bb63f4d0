"""An interview's questions in the order its post lists them, and how they are counted.

A draft begun with another version of its questionnaire holds its own answers, as
they were asked: one to a question this version dropped, which its post publishes
all the same (:mod:`jeudis.conditions` sets aside only the answers a condition
leaves out), and answers in another order than this version's. The live session
goes through the questions in the post's order, counts the dropped ones in its
welcome and its ``[n/N]``, and numbers its review as the post does; ``jeudis
edit`` shows an answer's number in the post.
"""

from __future__ import annotations

from dataclasses import replace

from jeudis.followups import place
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Question, Questionnaire


def applicable(questionnaire: Questionnaire, interview: Interview) -> list[Question]:
    """The questionnaire's questions to ask this guest, given the answers so far (conditions)."""
    return questionnaire.asked(interview.values())


def kept(questionnaire: Questionnaire, interview: Interview) -> list[Answer]:
    """The interview's answers to questions ``questionnaire`` does not have (another
    version's): kept as they were asked, and published."""
    return [a for a in interview.answers if not a.followup and questionnaire.question(a.id) is None]


def question_for(questionnaire: Questionnaire | None, answer: Answer, language: str) -> Question:
    """The rules an answer is checked with: its questionnaire's; else, its question
    gone (a live one, or one a later version dropped), its own type's, in the
    interview's ``language``, offering the choices it holds (the others are not known)."""
    found = questionnaire.question(answer.id) if questionnaire is not None else None
    if found is not None:
        return found
    held = answer.value if isinstance(answer.value, list) else [answer.value]
    return Question(
        id=answer.id,
        type=answer.type,
        text={"*": answer.question},
        required=False,
        choices=tuple(str(c) for c in held if c) if answer.type in ("choice", "multi") else (),
        language=language,
    )


def in_order(questionnaire: Questionnaire, interview: Interview) -> list[Question]:
    """The interview's questions in the order its post will list them: those it asks
    (:func:`applicable`) and those another version asked it that it answered (as
    :func:`question_for` makes them), in the order of its answers, each question not
    answered yet where its answer will go (:func:`jeudis.followups.place`)."""
    asked = {q.id: q for q in applicable(questionnaire, interview)}
    own = [
        a
        for a in interview.answers
        if not a.followup and (a.id in asked or questionnaire.question(a.id) is None)
    ]
    placed = replace(interview, answers=own)  # where each one to come goes, as it will
    for qid, question in asked.items():
        if interview.answer(qid) is None:
            place(questionnaire, placed, Answer(qid, question.type, ""))
    return [asked.get(a.id) or question_for(None, a, interview.language) for a in placed.answers]


def expected_total(questionnaire: Questionnaire, interview: Interview) -> int:
    """How many questions this guest may be asked in all: the ``N`` of ``[n/N]``, the
    answers kept from another version's questions counted.

    A question whose condition waits on an answer not given yet counts, so the
    total shown only ever shrinks (a condition turning out false), never grows.
    """
    values = interview.values()
    decided = {answer.id for answer in interview.answers}
    by_id = {q.id: q for q in questionnaire.questions}
    known: dict[str, bool] = {}

    def may_apply(question: Question, depth: int = 0) -> bool:
        if question.id not in known:
            when = question.when
            if when is None:
                known[question.id] = True
            elif when.question in decided or when.question not in by_id or depth > len(by_id):
                known[question.id] = when.holds(values)
            else:  # undecided while the question it waits on may still be asked
                waited = may_apply(by_id[when.question], depth + 1)
                known[question.id] = waited or when.holds(values)
        return known[question.id]

    asked = sum(1 for q in questionnaire.questions if may_apply(q))
    return asked + len(kept(questionnaire, interview))


def post_counter(interview: Interview, answer_id: str) -> str:
    """``[n/N]`` for an answer of a saved interview (``jeudis edit``): its number in the
    post, of how many it numbers; a skipped one's, the number it takes once given."""
    numbered = [
        a.id for a in interview.answers if not a.followup and (not a.skipped or a.id == answer_id)
    ]
    return f"[{numbered.index(answer_id) + 1}/{len(numbered)}]"
