"""What the session asks of a prompter: one question as a :class:`Prompt`, and the reply.

A :class:`Prompt` holds everything needed to ask one question, independent of
any terminal library: :func:`prompt_for` makes it of a question, a pure function
the unit tests call without a terminal. A :class:`Prompter` asks it and returns
the raw answer, :data:`BACK` for the previous question, or raises :class:`Paused`.
The real one is :class:`jeudis.prompter.TerminalPrompter`; tests pass a scripted fake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from jeudis import answers as answer_rules
from jeudis import wording
from jeudis.interview import Interview, Typed, fits
from jeudis.questionnaire import Question, Questionnaire, yes_or_no

BACK = object()
"""What a prompter returns when the person asks for the previous question."""


class Paused(Exception):
    """The session must stop: Ctrl-C / Ctrl-D (``partial`` is what was being typed, at
    a multiple choice the choices ticked), or a signal (``signal_name``: SIGTERM, SIGHUP)."""

    def __init__(self, partial: Typed = "", *, signal_name: str = "") -> None:
        super().__init__("paused")
        self.partial = partial
        self.signal_name = signal_name


@dataclass(frozen=True)
class Prompt:
    """Everything needed to ask one question, independent of any terminal library."""

    id: str
    kind: str  # text | long | select | checkbox
    message: str
    counter: str = ""
    help: str = ""
    default: Any = None
    choices: tuple[str, ...] = ()
    required: bool = True
    placeholder: str = ""
    can_go_back: bool = True
    question: Question | None = field(default=None, compare=False, repr=False)
    from_review: bool = False  # Page↑ goes back to the review, the change given up
    # Answered, and not the questionnaire's any more (a later version dropped it): its
    # answer is kept for the post, the guest may change it, or empty it to take it out.
    dropped: bool = False
    # The bytes a text typed may take in the interview's file, for jeudis to read it
    # back (:meth:`Interview.room`); None: not measured.
    room: int | None = None

    def validate(self, raw: Any) -> str | None:
        """None when ``raw`` is acceptable, else the message to show."""
        if self.question is None:
            return None
        if self.room is not None and isinstance(raw, str) and not fits(raw, self.room):
            return answer_rules.too_large(self.question.language)
        try:
            answer_rules.coerce(self.question, raw)
        except answer_rules.InvalidAnswer as exc:
            return str(exc)
        return None


SKIP_CHOICE = "— passer —"
YES, NO = "Oui", "Non"
# What a yes/no question offers, and the choice that skips an optional one, in the
# questionnaire's language (English for one jeudis does not speak, as on screen): its
# yes and no as its posts write them, each picked by its initial ("J/N", "S/N").
CHOICE_WORDS = {
    language: (*wording.YES_NO[language], skip)
    for language, skip in (
        ("fr", SKIP_CHOICE),
        ("en", "— skip —"),
        ("de", "— überspringen —"),
        ("es", "— saltar —"),
        ("it", "— salta —"),
        ("nl", "— overslaan —"),
        ("pt", "— pular —"),
    )
}


def choice_words(language: str) -> tuple[str, str, str]:
    """The words for yes, no and skipping an optional choice in ``language``."""
    return CHOICE_WORDS.get(wording.primary_language(language), CHOICE_WORDS["en"])


def prompt_for(
    question: Question,
    message: str,
    *,
    counter: str = "",
    help_text: str = "",
    previous: Any = None,
    can_go_back: bool = True,
    dropped: bool = False,
    placeholder: str | None = None,
) -> Prompt:
    """Turn a question into a :class:`Prompt`. Pure: the unit tests' way into the session.
    ``placeholder``: the greyed hint, filled in (else the question's as written)."""
    kind = {"long": "long", "choice": "select", "yesno": "select", "multi": "checkbox"}.get(
        question.type, "text"
    )
    yes, no, skip = choice_words(question.language)
    choices: tuple[str, ...] = question.choices
    if question.type == "yesno":
        choices = (yes, no)
    if kind == "select" and not question.required:
        choices = (*choices, skip)
    # Not answered yet, a question shows the questionnaire's default: typed in,
    # picked, or ticked.
    given = previous if previous is not None else question.default
    default: Any
    if question.type == "yesno":
        said = yes_or_no(given) if given is not None else None
        default = None if said is None else yes if said else no
    elif kind == "select":
        default = given if given in choices else None
    elif kind == "checkbox":
        ticked = given if isinstance(given, list) else str(given or "").split(",")
        default = [c for c in (str(t).strip() for t in ticked) if c in choices]
    else:
        default = answer_rules.as_input(given, question.language)
    return Prompt(
        id=question.id,
        kind=kind,
        message=message,
        counter=counter,
        help=help_text,
        default=default,
        choices=choices,
        required=question.required,
        placeholder=question.placeholder if placeholder is None else placeholder,
        can_go_back=can_go_back,
        question=question,
        dropped=dropped,
    )


class Prompter(Protocol):
    def ask(self, prompt: Prompt) -> Any:
        """Return the raw answer, or :data:`BACK`; raise :class:`Paused` to pause."""

    def host_part(self, interview: Interview, questionnaire: Questionnaire) -> None: ...

    def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None: ...

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        """Show every answer; return the id of one to change, or None to finish."""

    def thanks(self, interview: Interview) -> None: ...

    def photo_copied(self, path: str) -> None:
        """Tell the host the photo file was copied into the series, at ``path``."""
