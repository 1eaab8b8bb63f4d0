"""Email interviews: an answer sheet in Markdown, for a guest who answers by email.

The sheet is a plain Markdown file a guest fills in with any editor or mail
client. Each question sits under a marker line, ``## Q3 [utilisations]``: the
number is for the guest, the id in brackets is what the import trusts. The
first line records who the sheet is for, so importing needs nothing else
(:mod:`jeudis.sheet_reading` reads it back, :mod:`jeudis.sheet_import` makes an
interview of it).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from jeudis import answers as answer_rules
from jeudis.errors import UsageError
from jeudis.interview import Interview
from jeudis.prompter_text import ADDRESS
from jeudis.questionnaire import Condition, Question, Questionnaire, yes_or_no
from jeudis.session import asked_text, context_for
from jeudis.sheet_languages import MORE_TEXT
from jeudis.textsafe import control_in
from jeudis.wording import (
    WordingContext,
    as_text,
    format_number,
    placeholders,
    primary_language,
)

HEADER_TAG = "jeudis-sheet"

TEXT = {
    "fr": {
        "hello": "Bonjour {guest},",
        "intro": (
            "Merci d’avoir accepté de répondre à ces questions ! Écrivez chaque réponse "
            "sous sa question, dans l’espace laissé libre, avec le logiciel de votre choix "
            "(ou directement dans votre réponse à l’e-mail)."
        ),
        "rules": [
            (
                "Ne modifiez pas les lignes qui commencent par `## Q` (par exemple `## Q1 [{first}]`) "
                "ni la première ligne : elles permettent de retrouver chaque réponse."
            ),
            (
                "Vos réponses peuvent faire plusieurs paragraphes, des listes (une ligne par point, "
                "qui commence par « - »), des liens et des emoji."
            ),
            "Une question sans réponse ? Laissez simplement l’espace vide.",
            (
                "Renvoyez la feuille en pièce jointe, ou dans le corps de votre réponse : "
                "les « > » ajoutés par la messagerie ne gênent pas."
            ),
        ],
        "optional": "(facultatif)",
        "choices": "Choisir parmi : {choices}",
        "choices_multi": "Un ou plusieurs choix, séparés par des virgules : {choices}",
        "choices_counted": "{count}, séparés par des virgules : {choices}",
        "yesno": "Répondre par oui ou par non.",
        "number": "Un nombre, par exemple 9 200.",
        "when": "(Seulement si vous avez répondu {value} à la question {number}.)",
        "when_not": "(Seulement si vous n’avez pas répondu {value} à la question {number}.)",
        "when_answered": "(Seulement si vous avez répondu à la question {number}.)",
        "when_unanswered": "(Seulement si vous n’avez pas répondu à la question {number}.)",
        "quote": "« {} »",
        "or": " ou ",
        "quoted": "votre réponse à la question {number}",
        "yes": "oui",
        "no": "non",
        "end": "Fin des questions : merci beaucoup !",
        "end_marker": "## FIN",
    },
    "fr-tu": {
        "intro": (
            "Merci d’avoir accepté de répondre à ces questions ! Écris chaque réponse "
            "sous sa question, dans l’espace laissé libre, avec le logiciel de ton choix "
            "(ou directement dans ta réponse à l’e-mail)."
        ),
        "rules": [
            (
                "Ne modifie pas les lignes qui commencent par `## Q` (par exemple `## Q1 [{first}]`) "
                "ni la première ligne : elles permettent de retrouver chaque réponse."
            ),
            (
                "Tes réponses peuvent faire plusieurs paragraphes, des listes (une ligne par point, "
                "qui commence par « - »), des liens et des emoji."
            ),
            "Une question sans réponse ? Laisse simplement l’espace vide.",
            (
                "Renvoie la feuille en pièce jointe, ou dans le corps de ta réponse : "
                "les « > » ajoutés par la messagerie ne gênent pas."
            ),
        ],
        "when": "(Seulement si tu as répondu {value} à la question {number}.)",
        "when_not": "(Seulement si tu n’as pas répondu {value} à la question {number}.)",
        "when_answered": "(Seulement si tu as répondu à la question {number}.)",
        "when_unanswered": "(Seulement si tu n’as pas répondu à la question {number}.)",
        "quoted": "ta réponse à la question {number}",
    },
    "en": {
        "hello": "Hello {guest},",
        "intro": (
            "Thank you for answering these questions! Write each answer below its question, "
            "in the empty space, with any editor (or right in your reply to the email)."
        ),
        "rules": [
            (
                "Please leave the lines starting with `## Q` (e.g. `## Q1 [{first}]`) and the first "
                "line as they are: they tell which answer is which."
            ),
            (
                "Answers may have several paragraphs, lists (one line per item, starting with "
                "“- ”), links and emoji."
            ),
            "No answer to a question? Just leave its space empty.",
            (
                "Send the sheet back as an attachment or in the body of your reply: the “>” your "
                "mail program adds are fine."
            ),
        ],
        "optional": "(optional)",
        "choices": "Pick from: {choices}",
        "choices_multi": "Pick one or more, separated by commas: {choices}",
        "choices_counted": "{count}, separated by commas: {choices}",
        "yesno": "Answer yes or no.",
        "number": "A number, e.g. {example}.",
        "when": "(Only if you answered {value} to question {number}.)",
        "when_not": "(Only if you did not answer {value} to question {number}.)",
        "when_answered": "(Only if you answered question {number}.)",
        "when_unanswered": "(Only if you did not answer question {number}.)",
        "quote": "“{}”",
        "or": " or ",
        "quoted": "your answer to question {number}",
        "yes": "yes",
        "no": "no",
        "end": "End of the questions: thank you!",
        "end_marker": "## END",
    },
    **MORE_TEXT,
}
TEXT["fr-tu"] = TEXT["fr"] | TEXT["fr-tu"]  # the familiar form's words, where they differ
# The line below the last question: in the sheet's language, and read in any.
END_MARKERS = tuple(dict.fromkeys(str(words["end_marker"]) for words in TEXT.values()))


def sheet_text(language: str, register: str = "vous") -> dict[str, Any]:
    """The sheet's own words (:data:`TEXT`) in ``language``, to a guest one says ``register``
    to: the familiar form's ("fr-tu", "de-tu" for du), or the language's (vous, Sie...)."""
    base = primary_language(language)
    address = ADDRESS.get(register.casefold(), register)
    return TEXT.get(f"{base}-{address}", TEXT.get(base, TEXT["en"]))


def familiar(register: str) -> bool:
    """Whether ``register`` is a familiar form of address (tu, du, tú, je...), or English's
    "you": the sheet greets the guest by their first name then."""
    return register == "you" or ADDRESS.get(register.casefold(), register) == "tu"


# The first line's key of a question the host wrote for an open questionnaire's sheet
# (``jeudis sheet livre --question "..."``): ``asked.question-1='Quel est le pitch ?'``.
ASKED = "asked."
# And of a question the host worded otherwise for the guest (``--reword``): ``reword.12=...``.
REWORD = "reword."


class HostQuestion(Question):
    """A question the host wrote for an open questionnaire's sheet. It may be left
    empty, as a live one may, and is not marked optional: the sheet's rules say that
    any question may be left empty, and the host asks it for an answer."""


def optional_mark(question: Question, words: Mapping[str, Any]) -> str:
    """What follows an optional question's wording on the sheet: " (facultatif)"."""
    if question.required or isinstance(question, HostQuestion):
        return ""
    return " " + str(words["optional"])


def numbered(texts: Sequence[str], first: int = 1) -> dict[str, str]:
    """The host's questions for a sheet by id, as a live session numbers them:
    ``question-1``, ``question-2``... (from ``first``: after those an interview the
    sheet will update has)."""
    from jeudis.followups import OPEN_PREFIX

    return {f"{OPEN_PREFIX}-{number}": text for number, text in enumerate(texts, first)}


def with_asked(questionnaire: Questionnaire, asked: Mapping[str, str]) -> Questionnaire:
    """An open questionnaire with the questions the host wrote for a sheet (by id) after
    its fixed ones, as a live session asks them: free text the guest may leave empty
    (:func:`jeudis.followups.live_question`)."""
    questions = tuple(
        HostQuestion(
            id=qid,
            type="long",
            # As written: a brace is no placeholder.
            text={"*": text.replace("{", "{{").replace("}", "}}")},
            required=False,
            language=questionnaire.language,
        )
        for qid, text in asked.items()
    )
    return replace(questionnaire, questions=(*questionnaire.questions, *questions))


def marker(number: int, question_id: str) -> str:
    return f"## Q{number} [{question_id}]"


# What would be markup in the bold line of a question: German's gender star above all,
# "Autor*in oder Leser*in" read "Autor<em>in oder Leser</em>in" by any Markdown.
MARKUP = "\\`*_[]<~"
_MARKUP = re.compile(f"[{re.escape(MARKUP)}]")
_ESCAPED = re.compile(f"\\\\([{re.escape(MARKUP)}])")


def bold(wording: str) -> str:
    """A question's line on the sheet: its wording in bold, its markup escaped, as the
    Markdown post escapes it ("Autor\\*in")."""
    escaped = _MARKUP.sub(r"\\\g<0>", wording)
    return f"**{escaped}**"


def unescaped(printed: str) -> str:
    """A question's wording as :func:`bold` printed it (inside the stars), its escapes
    read: as asked, for the interview to record."""
    return _ESCAPED.sub(r"\1", printed)


def render_sheet(
    questionnaire: Questionnaire,
    interview: Interview,
    words: Mapping[str, Any] | None = None,
    asked: Sequence[str] = (),
    asked_from: int = 1,
) -> str:
    """The answer sheet for ``interview`` (prepared, not yet saved) as Markdown: in the
    questionnaire's language, or in ``words`` (another of :data:`TEXT`, as an older sheet was);
    with ``asked``, the questions the host wrote for an open questionnaire's sheet, numbered
    from ``asked_from``."""
    own = numbered(asked, asked_from)
    questionnaire = with_asked(questionnaire, own)
    words = words or sheet_text(questionnaire.language, interview.register)
    numbers = {q.id: n for n, q in enumerate(questionnaire.questions, 1)}
    context = sheet_context(questionnaire, interview, words, numbers)
    meta = {
        "questionnaire": questionnaire.id,
        "version": str(questionnaire.version),
        "guest": interview.guest,
        "first_name": interview.first_name,  # given (--first-name): the import's too
        "register": interview.register,
        "gender": interview.gender or "",
        "host": interview.host,
    }
    # The host's fields its questions quote: the import words them as the sheet did.
    meta |= {
        f"field.{key}": as_text(interview.fields[key], questionnaire.language)
        for key in quoted_fields(questionnaire, interview.register)
        if interview.fields.get(key) not in (None, "")
    }
    # The host's own questions: the import asks them as the sheet did.
    meta |= {f"{ASKED}{qid}": text for qid, text in own.items()}
    # Worded for this guest: the import records each as reworded, the sheet's bold line
    # however the guest's mail program left it.
    meta |= {f"{REWORD}{qid}": text for qid, text in interview.rewordings.items()}
    header = " ".join(f"{key}={_quoted(value)}" for key, value in meta.items() if value)
    lines = [f"<!-- {HEADER_TAG} {header} -->", "", f"# {interview.title}", ""]
    # "Bonjour Nina," to a guest one says tu to (or du, tú...); "Bonjour Nina Petit," to
    # one one says vous to (or Sie, usted...); "Hello Nina," in English, which has only "you".
    name = interview.guest_first if familiar(interview.register) else interview.guest
    lines += [words["hello"].format(guest=name or interview.guest), "", words["intro"], ""]
    first = questionnaire.questions[0].id if questionnaire.questions else "id"
    lines += [f"- {rule.format(first=first)}" for rule in words["rules"]]
    lines += [""]
    for number, question in enumerate(questionnaire.questions, 1):
        lines += ["", marker(number, question.id), ""]
        wording = asked_text(question, interview, context) + optional_mark(question, words)
        lines += [bold(wording)]
        notes = question_notes(question, interview, questionnaire, words, numbers, context)
        if notes:
            lines += ["", *(f"_{note}_" for note in notes)]
        lines += ["", "", "", ""]
    lines += ["", words["end_marker"], "", words["end"], ""]
    return "\n".join(lines)


# What ends an HTML comment: "-->", and "--!>" in a browser.
_COMMENT_END = re.compile(r"(?<=--)!?>")


def _quoted(value: str) -> str:
    """``value`` as the sheet's first line holds it: quoted for :func:`shlex.split`, and
    never ending the line's HTML comment, which a Markdown viewer would end early on a
    name holding "-->" and show the rest of the line.

    A value with an apostrophe, common in French ("C'est quoi ?"), is double-quoted, as
    the guest reads it: single quotes wrote ``'C'"'"'est quoi ?'``. A ``>`` ending a
    comment is written outside the quotes, escaped: ``'Zoé --'\\>' Paris'`` reads back
    as "Zoé --> Paris"."""
    if "'" in value:
        quote = '"'
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        quote, quoted = "'", shlex.quote(value)
    return _COMMENT_END.sub(lambda end: f"{end.group()[:-1]}{quote}\\>{quote}", quoted)


def sheet_context(
    questionnaire: Questionnaire,
    interview: Interview,
    words: Mapping[str, Any],
    numbers: Mapping[str, int],
) -> WordingContext:
    """How the sheet words its questions: written before any answer, one quoting an
    earlier answer says which ("« votre réponse à la question 1 »"), not «  »."""
    quoted = {qid: words["quoted"].format(number=number) for qid, number in numbers.items()}
    return context_for(
        questionnaire,
        interview.guest,
        interview.host,
        interview.gender,
        quoted,
        interview.fields,
        interview.first_name,
    )


def question_notes(
    question: Question,
    interview: Interview,
    questionnaire: Questionnaire,
    words: Mapping[str, Any],
    numbers: Mapping[str, int],
    context: WordingContext,
) -> list[str]:
    """The notes under a question on the sheet (``context``: :func:`sheet_context`)."""
    notes = []
    if question.help:
        notes.append(question.help_text(interview.register, context))
    if question.type in ("choice", "multi"):
        choices = answer_rules.listed(question.choices)
        if count := answer_rules.choices_hint(question):  # "De 2 à 3 choix", not "un ou plusieurs"
            notes.append(words["choices_counted"].format(count=count.rstrip("."), choices=choices))
        else:
            key = "choices_multi" if question.type == "multi" else "choices"
            notes.append(words[key].format(choices=choices))
    elif question.type == "yesno":
        notes.append(words["yesno"])
    elif question.type == "number":
        notes.append(number_note(words, questionnaire.language))
    elif question.type == "date":
        notes.append(answer_rules.date_hint(questionnaire.language))
    if rules := answer_rules.rules_note(question):
        # Refused on import, an answer out of bounds held up every other: told before.
        notes.append(rules)
    if question.when is not None:
        notes += _condition_notes(question.when, questionnaire, words, numbers)
    return notes


def number_note(words: Mapping[str, Any], language: str) -> str:
    """How a number is typed, in ``words`` (:func:`sheet_text`): "9,200" in English,
    "9.200" in German, as the language writes it, and reads it."""
    return str(words["number"]).format(example=format_number(9200, language))


def earlier_notes(
    question: Question, questionnaire: Questionnaire, words: Mapping[str, Any]
) -> list[str]:
    """The notes a sheet in English (``words``) of a questionnaire in another language
    printed under ``question`` besides :func:`question_notes`'s: before the sheet spoke
    German (or Spanish...), it said how to write a date and how many choices to make in
    English ("A date, as YYYY-MM-DD or DD.MM.YYYY."), then in the questionnaire's language."""
    if words is not TEXT["en"] or primary_language(questionnaire.language) == "en":
        return []
    if question.type == "date":
        return [_english_date_hint(questionnaire.language)]
    if count := answer_rules.choices_hint(question, "en"):
        choices = answer_rules.listed(question.choices)
        return [words["choices_counted"].format(count=count.rstrip("."), choices=choices)]
    return []


def _english_date_hint(language: str) -> str:
    return answer_rules.date_hint("en").replace(
        answer_rules.short_date("en"), answer_rules.short_date(language)
    )


def note_templates(words: Mapping[str, Any], language: str) -> list[str]:
    """The notes :func:`question_notes` prints under any question of their kind, as
    templates ("Choisir parmi : {choices}"): the ones no help of a host's words. (An
    English sheet of another language's questionnaire said how to write a date in either.)"""
    kinds = ["choices", "choices_multi", "choices_counted", "yesno", "number"]
    kinds += ["when", "when_not", "when_answered", "when_unanswered"]
    dates = dict.fromkeys([answer_rules.date_hint(language), _english_date_hint(language)])
    return [words[kind] for kind in kinds] + list(dates)


def _condition_notes(
    when: Condition,
    questionnaire: Questionnaire,
    words: Mapping[str, Any],
    numbers: Mapping[str, int],
) -> list[str]:
    """What the condition asks, as the guest answers: "(Only if you answered “yes” to
    question 2.)"; every test it makes (equals, not_equals, in, answered)."""
    looked_at = questionnaire.question(when.question)
    number = numbers.get(when.question, "?")

    def said(value: Any) -> str:
        if looked_at is not None and looked_at.type == "yesno" and yes_or_no(value) is not None:
            # "yes" on an English sheet, "oui" on a French one, "Ja" on a German one
            value = words["yes"] if yes_or_no(value) else words["no"]
        return str(words["quote"]).format(as_text(value, questionnaire.language))

    notes = []
    if when.equals is not None:
        notes.append(words["when"].format(value=said(when.equals), number=number))
    if when.one_of is not None:
        value = str(words["or"]).join(said(one) for one in when.one_of)
        notes.append(words["when"].format(value=value, number=number))
    if when.not_equals is not None:
        notes.append(words["when_not"].format(value=said(when.not_equals), number=number))
    if when.answered is not None:
        notes.append(
            words["when_answered" if when.answered else "when_unanswered"].format(number=number)
        )
    return notes


def quoted_fields(questionnaire: Questionnaire, register: str) -> dict[str, str]:
    """The host's fields a sheet's questions quote (``{field:book_title}``, in a question
    or its help): field id, with the marker of the first question quoting it."""
    quoted: dict[str, str] = {}
    for number, question in enumerate(questionnaire.questions, 1):
        for template in question.templates(register):
            for inner in placeholders(template):
                kind, _, ref = inner.partition(":")
                if kind == "field" and ref:
                    quoted.setdefault(ref, marker(number, question.id).lstrip("# "))
    return quoted


def sheet_fields(
    questionnaire: Questionnaire, register: str, given: Mapping[str, str]
) -> dict[str, Any]:
    """For ``jeudis sheet``: the fields its questions quote, given as ``ID=VALUE`` text.

    Each is checked as in a live session, and every one quoted is needed: a sheet
    would go to the guest with a hole in a question. Only those: the others (the
    intro, the photo) are the host's to fill after the import, not the sheet's.
    Raises :class:`UsageError` for anything else.
    """
    quoted = quoted_fields(questionnaire, register)
    fields: dict[str, Any] = {}
    for key, raw in given.items():
        if questionnaire.field(key) is None:
            known = ", ".join(f.id for f in questionnaire.fields) or "none"
            raise UsageError(
                f"{questionnaire.id} has no field {key!r}", hint=f"its fields: {known}"
            )
        if key not in quoted:
            raise UsageError(
                f"no question of the sheet quotes the field {key!r}",
                hint=f"give it when the sheet comes back: `jeudis import SHEET --field {key}=...`",
            )
        if "\n" in raw or "\r" in raw or "-->" in raw:
            raise UsageError(f"field {key}: one line, without -->, to fit the sheet's first line")
        fields[key] = field_value(questionnaire, key, raw)
    for key, where in quoted.items():
        if fields.get(key) in (None, ""):
            raise UsageError(
                f"{where} quotes the field {key!r}, not given",
                hint=f'give it: --field {key}="..."',
            )
    return fields


def field_value(questionnaire: Questionnaire, key: str, raw: str) -> Any:
    """A field's value given as text (``--field``, a returned sheet's first line), checked
    as a live session would, and as one line of plain text: it is quoted in questions."""
    spec = questionnaire.field(key)
    assert spec is not None
    if control_in(raw):
        raise UsageError(f"field {key}: a control character in the value")
    try:
        value = answer_rules.coerce(spec, raw)
    except answer_rules.InvalidAnswer as exc:
        raise UsageError(f"field {key}: {exc}") from None
    return "" if value is None else value
