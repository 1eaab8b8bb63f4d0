"""Questions the host writes live: follow-ups after an answer, and open interviews.

A follow-up is stored in the interview right after the answer it follows, as an
:class:`~jeudis.interview.Answer` with ``followup = true``: it has no place in
the questionnaire, so the interview file is its only record. In an open
interview (``open = true``, or no fixed questions at all) the host writes every
question this way, one after the other, until they leave the question empty.

A question is saved as soon as the host has written it (with an empty answer),
so a pause while the guest answers loses nothing: ``resume`` asks it again.
The prompter offers these through two optional methods, ``followup`` and
``write_question``; a prompter without them simply never adds a question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from jeudis import storage, wording
from jeudis.interview import Answer, Interview, holds_something, now
from jeudis.questionnaire import Question, Questionnaire

if TYPE_CHECKING:
    from jeudis.session import Session

# A follow-up's id: "relance-1" in a French interview, "followup-1" in any other.
FOLLOWUP_PREFIXES = ("relance", "followup")
OPEN_PREFIX = "question"
# The pending text's id while the host writes a follow-up to answer X: "@followup:X".
WRITING_FOLLOWUP = "@followup:"
# The pending text's id while the host writes an open interview's next question.
NEXT_QUESTION = "@next-question"


def followup_prefix(interview: Interview) -> str:
    """What a new follow-up's id starts with, in the interview's language."""
    return FOLLOWUP_PREFIXES[0] if wording.is_french(interview.language) else FOLLOWUP_PREFIXES[1]


def is_followup_id(answer_id: str) -> bool:
    """Whether ``answer_id`` is a follow-up's ("relance-2", "followup-2")."""
    return answer_id.startswith(tuple(prefix + "-" for prefix in FOLLOWUP_PREFIXES))


def follows(answer: Answer) -> bool:
    """Whether ``answer`` is a follow-up to the answer before it ("relance-N"), which
    goes with that answer; an open interview's question ("question-N") stands alone."""
    return answer.followup and is_followup_id(answer.id)


def stands_alone(answer: Answer) -> bool:
    """Whether ``answer`` is an open interview's question ("question-N"), written live
    as a follow-up is but numbered in its post and review as a fixed question is; any
    other written live (a file edited by hand may name one otherwise) goes with the
    answer before it."""
    return answer.followup and re.fullmatch(re.escape(OPEN_PREFIX) + r"-\d+", answer.id) is not None


def live_question(answer: Answer) -> Question:
    """The question behind a live answer, for prompting: free text, may be left empty."""
    return Question(id=answer.id, type="long", text={"*": answer.question}, required=False)


def next_id(interview: Interview, prefix: str) -> str:
    """A new live question's id: none an answer has, nor one set aside (which may
    come back, its follow-ups with it)."""
    return f"{prefix}-{next_number(taken_ids(interview), prefix)}"


def taken_ids(interview: Interview) -> set[str]:
    """The ids an interview's answers and the answers set aside hold."""
    return {a.id for a in (*interview.answers, *interview.set_aside)}


def next_number(taken: set[str], prefix: str) -> int:
    """The number after the highest of the ``prefix-N`` ids ``taken``."""
    numbers = [
        int(m.group(1)) for qid in taken if (m := re.fullmatch(re.escape(prefix) + r"-(\d+)", qid))
    ]
    number = max(numbers, default=0) + 1
    while f"{prefix}-{number}" in taken:  # pragma: no cover - defensive
        number += 1
    return number


def add_question(interview: Interview, text: str, *, after: str | None, prefix: str) -> Answer:
    """Record a live question (not yet answered) in its place and save it."""
    answer = Answer(
        id=next_id(interview, prefix),
        type="long",
        question=" ".join(text.split()),
        value="",
        followup=True,
    )
    interview.set_answer(answer, after=after)
    storage.save(interview)
    return answer


def ask_live(
    session: Session, answer: Answer, counter: str = "", *, from_review: bool = False
) -> bool:
    """Ask the guest a live question and save the answer in place; False when left
    with Page↑ (in ``jeudis edit``, which cancels: nothing is saved; ``from_review``:
    an answer changed at the review, which Page↑ goes back to, the change given up)."""
    from jeudis.prompts import BACK, prompt_for

    question = live_question(answer)
    previous = session._pending_for(answer.id) or (answer.value or None)
    prompt = prompt_for(
        question, answer.question, counter=counter, previous=previous, can_go_back=from_review
    )
    raw: Any = session.prompter.ask(replace(prompt, from_review=from_review))
    if raw is BACK:
        if from_review and session.interview.pending.pop(answer.id, None) is not None:
            storage.save(session.interview)  # what was typed of the change, given up too
        return False
    value = session._accept(question, raw)
    answer.value = value
    answer.skipped = value is None
    answer.answered_at = now()
    session.interview.pending.pop(answer.id, None)
    storage.save(session.interview)
    return True


def after(session: Session, answer_id: str) -> None:
    """Follow-ups the host asks for after the answer ``answer_id`` (none, one, or a chain)."""
    ask = getattr(session.prompter, "followup", None)
    if ask is None:
        return
    current = session.interview.answer(answer_id)
    while current is not None:
        text = ask(session.interview, current)
        if session.interview.pending.pop(WRITING_FOLLOWUP + current.id, None) is not None:
            storage.save(session.interview)  # what a pause kept came back in the prompt
        if not text or not text.strip():
            return
        prefix = followup_prefix(session.interview)
        live = add_question(session.interview, text, after=current.id, prefix=prefix)
        ask_live(session, live, counter="↳")
        current = live


def unanswered_live(interview: Interview) -> list[Answer]:
    """Live questions written but never answered (the session paused on them)."""
    return [a for a in interview.answers if a.followup and a.value == "" and not a.skipped]


def counter(interview: Interview, answer: Answer) -> str:
    """A live question's counter: "↳" for a follow-up, "[n]" for an open interview's,
    n counting the questions before it as their counters did, follow-ups left out."""
    if answer.id.startswith(OPEN_PREFIX + "-"):
        before = interview.answers[: interview.answers.index(answer)]
        return f"[{_questions(before) + 1}]"
    return "↳"


def _questions(answers: list[Answer]) -> int:
    """How many of ``answers`` are questions of their own, follow-ups left out."""
    return sum(1 for answer in answers if not follows(answer))


def resume_live(session: Session) -> None:
    """Live questions the session paused on, asked first on resume: where it stopped.

    A follow-up comes right after the answer it follows, not after the last
    question; the host may follow it up again, as before the pause. A follow-up
    the host was writing comes back first, with what was typed.
    """
    for writing in list(session.interview.pending):
        answered = writing.removeprefix(WRITING_FOLLOWUP)
        if writing.startswith(WRITING_FOLLOWUP) and session.interview.answer(answered):
            after(session, answered)
    for answer in unanswered_live(session.interview):
        ask_live(session, answer, counter=counter(session.interview, answer))
        after(session, answer.id)


def open_questions(session: Session) -> None:
    """Pick up live questions left unanswered, then, in an open interview, write new ones."""
    resume_live(session)
    if not session.questionnaire.open:
        return
    write = getattr(session.prompter, "write_question", None)
    if write is None:
        return
    while True:
        number = _questions(session.interview.answers) + 1
        text = write(session.interview, number)
        # What a pause kept of it came back in the prompt.
        session.interview.pending.pop(NEXT_QUESTION, None)
        if not text or not text.strip():
            return
        last = session.interview.answers[-1].id if session.interview.answers else None
        live = add_question(session.interview, text, after=last, prefix=OPEN_PREFIX)
        ask_live(session, live, counter=f"[{number}]")
        after(session, live.id)


def review_rows(
    interview: Interview, rows: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """The review table with every live question in its place, numbered as the post
    numbers it: after the fixed question before it (a skipped one has no number), and
    not when skipped (the post leaves it out)."""
    by_id = {row[0]: row for row in rows}
    result: list[tuple[str, str, str]] = []
    placed: set[str] = set()
    number = 0
    for answer in interview.answers:
        if answer.id in by_id:
            result.append(by_id[answer.id])
            placed.add(answer.id)
            if numbered := re.match(r"(\d+)\. ", by_id[answer.id][1]):
                number = int(numbered.group(1))
        elif answer.followup:
            shown = review_cell(answer, interview.language)
            if not stands_alone(answer):
                label = f"↳ {answer.question}"
            elif answer.given:
                number += 1
                label = f"{number}. {answer.question}"
            else:
                label = answer.question
            result.append((answer.id, label, shown))
    result += [row for row in rows if row[0] not in placed]
    return result


def review_cell(answer: Answer, language: str) -> str:
    """An answer in the review's table: a text as typed, any other as its post and
    ``jeudis show`` read it, by the post's own function ("Non", "1er mai 2009", a
    list an item a line)."""
    if not answer.given:
        return ""
    if isinstance(answer.value, str):
        return answer.value
    from jeudis.export.values import value_text  # the review only: not on the way in

    return value_text(answer, language)


def reask(session: Session, answer_id: str) -> bool:
    """Re-ask a live question picked at the review; False when it is not one."""
    answer = session.interview.answer(answer_id)
    if answer is None or not answer.followup:
        return False
    ask_live(session, answer, counter=counter(session.interview, answer), from_review=True)
    return True


def complete(questionnaire: Questionnaire, interview: Interview) -> tuple[list[str], list[str]]:
    """Mark the interview complete, now, with its closing words: every question is answered.

    What a pause kept being typed (``pending``) and no prompt took back goes to the
    notes: a session finishing asked every question it asks again, an import answered
    them, and a text left is one a condition now leaves out, or a question another
    version asked. An answer its condition leaves out (a draft written by hand, or by
    an older jeudis, or one resumed after the questionnaire changed) goes to the notes
    too: the post must not publish it. Returns the ids of those answers, and of the
    questions whose text went so, for the host to be told.
    """
    from jeudis import conditions

    # Judged by the questionnaire it was made with only: another version may ask otherwise.
    same = str(interview.questionnaire_version) == str(questionnaire.version)
    gone = conditions.not_asked(questionnaire, interview) if same else []
    if gone:
        conditions.set_aside(questionnaire, interview, gone, "Not asked, left out by a condition")
    kept = [
        where.removeprefix(WRITING_FOLLOWUP)
        for where, typed in interview.pending.items()
        if holds_something(typed)
    ]
    if typed := conditions.typed_out(interview, lambda where: True, "typed, never given"):
        interview.add_notes("\n".join([conditions.heading("Typed, never given"), *typed]))
    interview.status = "complete"
    # With the host's offset (its day where it was finished). A draft again, finished
    # once more, keeps its first: its post changed now (a question answered since).
    interview.completed = interview.completed or now().astimezone()
    record_closing(questionnaire, interview)
    return list(gone), list(dict.fromkeys(kept))


def record_closing(questionnaire: Questionnaire, interview: Interview) -> None:
    """Render the questionnaire's closing words (a link to the book...) into the interview.

    Stored once, like every question, as the ``closing`` field the post ends
    with; a closing the host already wrote is kept.
    """
    if not questionnaire.closing or str(interview.fields.get("closing") or "").strip():
        return
    closing = closing_of(questionnaire, interview)
    if closing:
        interview.fields["closing"] = closing


def closing_of(questionnaire: Questionnaire, interview: Interview) -> str:
    """The questionnaire's closing words as this interview renders them; "" when it
    has none, or when an answer or field it quotes is not given: a closing with a hole
    ("se le procurer : ", "Go read , Kim!") is worse than none."""
    from jeudis.session import interview_context

    if not questionnaire.closing:
        return ""

    def empty(kind: str, ref: str) -> bool:
        if kind == "field":
            return str(interview.fields.get(ref) or "").strip() == ""
        answer = interview.answer(ref)
        return kind == "answer" and (answer is None or not answer.given)

    placeholders = (p.partition(":") for p in wording.placeholders(questionnaire.closing))
    if any(empty(kind, ref) for kind, _, ref in placeholders):
        return ""
    return wording.render(questionnaire.closing, interview_context(questionnaire, interview))


def renew_closing(questionnaire: Questionnaire | None, interview: Interview, was: str) -> None:
    """The closing words jeudis wrote, written anew once what they quote has changed:
    ``was``, how they read before the change. A site or a name edited afterwards left
    the old one in the post's last line, beside the new one in its footer; a field
    filled in since (the site, left empty) left the post with no closing at all. A
    closing that is not ``was`` is the host's own, and stays.
    """
    if questionnaire is None or not questionnaire.closing or not interview.is_complete:
        return
    stored = str(interview.fields.get("closing") or "")
    if stored.strip() and stored != was:
        return
    closing = closing_of(questionnaire, interview)
    if closing:
        interview.fields["closing"] = closing
    else:
        interview.fields.pop("closing", None)


def place(questionnaire: Questionnaire, interview: Interview, answer: Answer) -> None:
    """Record an answer in the questionnaire's order (a question added since goes in its place).

    An answer already there is replaced where it stands; a new one goes after the
    earlier questions answered (after the one its condition reads, if any), past that
    answer's follow-ups (not past an open interview's questions, which come after the
    questionnaire's).
    """
    if interview.answer(answer.id) is not None:
        interview.set_answer(answer)
        return
    earlier: list[str] = []
    for question in questionnaire.questions:
        if question.id == answer.id:
            break
        earlier.append(question.id)
    positions = {a.id: i for i, a in enumerate(interview.answers)}
    anchors = [positions[qid] for qid in earlier if qid in positions]
    if not anchors:
        if questionnaire.question(answer.id) is None:
            interview.answers.append(answer)
        else:
            interview.answers.insert(0, answer)
        return
    index = max(anchors) + 1
    # A question asked on an earlier answer goes after that answer: a version that
    # moved [conseil] before [twitter] put [twitter]'s "Qu'y trouvez-vous ?" after an
    # older interview's [conseil], its "y" far from what it follows.
    asked = questionnaire.question(answer.id)
    if asked is not None and asked.when is not None and asked.when.question in earlier:
        index = positions.get(asked.when.question, index - 1) + 1
    while index < len(interview.answers) and follows(interview.answers[index]):
        index += 1
    interview.answers.insert(index, answer)
