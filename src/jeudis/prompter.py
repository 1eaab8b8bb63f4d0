"""The terminal side of the live session: questionary prompts and rich screens.

Imported only by the commands that run a session, so that ``jeudis list`` and
``jeudis --help`` never pay for questionary and prompt_toolkit.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.application import Application, get_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.filters import to_filter
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, Dimension, Window, walk
from prompt_toolkit.layout.controls import BufferControl
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

from jeudis import softwrap, terminal
from jeudis.errors import JeudisError
from jeudis.followups import WRITING_FOLLOWUP
from jeudis.interview import Answer, Interview
from jeudis.questionnaire import Questionnaire
from jeudis.screen import Fragments, Screen, wrap_text
from jeudis.session import BACK, Paused, Prompt
from jeudis.textsafe import for_terminal
from jeudis.wording import WordingContext, primary_language, render

if TYPE_CHECKING:
    from rich.console import Console

# The id under which a pause keeps the question the host was writing (open interviews).
NEXT_QUESTION = "@next-question"
# What is being typed reaches the file this long after the last key, and at least
# this often while the keys go on: a crash or a `kill -9` loses seconds, not an answer.
AUTOSAVE_IDLE = 1.0
AUTOSAVE_EVERY = 5.0

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "fr": {
        "host_title": "Partie de l’hôte",
        "host_body": "Quelques informations sur {guest} avant de lui passer le clavier.",
        "welcome": "Bienvenue, {guest} !",
        "handover": {
            "tu": "C’est à toi : {total} questions. Chaque réponse est enregistrée dès qu’elle est donnée.",
            "vous": "C’est à vous : {total} questions. Chaque réponse est enregistrée dès qu’elle est donnée.",
        },
        "handover_open": {
            "tu": "C’est à toi : {host} pose les questions au fil de la conversation. Chaque réponse est enregistrée dès qu’elle est donnée.",
            "vous": "C’est à vous : {host} pose les questions au fil de la conversation. Chaque réponse est enregistrée dès qu’elle est donnée.",
        },
        "keys_line": "Entrée : valider · Page↑ : question précédente · Ctrl-C : pause (tout est gardé)",
        "keys_long": {
            "tu": "Réponse longue : Entrée pour un nouveau paragraphe, Échap puis Entrée pour terminer, Ctrl-X Ctrl-E pour ouvrir ton éditeur",
            "vous": "Réponse longue : Entrée pour un nouveau paragraphe, Échap puis Entrée pour terminer, Ctrl-X Ctrl-E pour ouvrir votre éditeur",
        },
        "resumed": "On reprend où l’on s’était arrêté : {done} réponse{plural} déjà enregistrée{plural}.",
        "resumed_followups": "On reprend où l’on s’était arrêté : {done} réponses déjà enregistrées, dont {followups} aux relances.",
        "photo_copied": "Photo copiée dans la série : {path}",
        "photo_missing": "Pas de fichier à ce chemin pour l’instant : {path} (jeudis check le rappellera)",
        "keys_optional": "Question facultative : laisser vide pour passer",
        "ready": {
            "tu": "Prêt{|e} ? Appuie sur Entrée pour commencer.",
            "vous": "Prêt{|e} ? Appuyez sur Entrée pour commencer.",
        },
        "finish_long": "Entrée : nouveau paragraphe · Échap puis Entrée : terminer",
        "finish_long_edit": "Entrée : nouveau paragraphe · Échap puis Entrée : enregistrer",
        "keys_select": "↑↓ puis Entrée",
        "keys_checkbox": "↑↓, Espace pour cocher, Entrée pour valider",
        "toolbar": "Entrée : valider · Page↑ : question précédente · Ctrl-F : relance · Ctrl-C : pause",
        "back_to_review": "Page↑ : retour à la relecture, sans changement",
        "toolbar_long": "Échap Entrée : terminer · Page↑ : précédente · Ctrl-X Ctrl-E : éditeur · Ctrl-F : relance · Ctrl-C : pause",
        "toolbar_edit": "Entrée : enregistrer · Ctrl-F : relance · Ctrl-C ou Page↑ : annuler, rien n’est changé",
        "toolbar_edit_long": "Échap Entrée : enregistrer · Ctrl-X Ctrl-E : éditeur · Ctrl-F : relance · Ctrl-C ou Page↑ : annuler, rien n’est changé",
        "keys_followup": "Ctrl-F (l’hôte) : valider la réponse puis ajouter une question de relance",
        "followup_title": "Relance",
        "followup_ask": "Question de relance (Entrée sur une ligne vide : pas de relance)",
        "open_title": "Question suivante",
        "open_ask": "Écrivez la question (Entrée sur une ligne vide : terminer l’interview)",
        "optional": "facultatif : laisser vide pour passer",
        "review_title": "Relecture",
        "answer_col": "Réponse",
        "review_done": "✔ Tout est bon, terminer",
        "review_change": "Modifier une réponse ?",
        "skipped": "(passée)",
        "thanks": "Merci, {guest} !",
        "thanks_body": {
            "tu": "L’interview est complète. Tu peux rendre le clavier à {host}.",
            "vous": "L’interview est complète. Vous pouvez rendre le clavier à {host}.",
        },
        "your_host": {"tu": "ton hôte", "vous": "votre hôte"},
    },
    "en": {
        "host_title": "Host’s part",
        "host_body": "A few details about {guest} before handing over the keyboard.",
        "welcome": "Welcome, {guest}!",
        "handover": "Over to you: {total} questions. Each answer is saved as soon as you give it.",
        "handover_open": "Over to you: {host} asks the questions as the conversation goes. Each answer is saved as soon as you give it.",
        "keys_line": "Enter: next · PgUp: previous question · Ctrl-C: pause (everything is kept)",
        "keys_long": "Long answers: Enter for a new paragraph, Esc then Enter to finish, Ctrl-X Ctrl-E for your editor",
        "resumed": "Picking up where we left off: {done} answer{plural} already saved.",
        "resumed_followups": "Picking up where we left off: {done} answers already saved, {followups} of them to follow-ups.",
        "photo_copied": "Photo copied into the series: {path}",
        "photo_missing": "No file at that path yet: {path} (jeudis check will remind you)",
        "keys_optional": "Optional question: leave empty to skip",
        "ready": "Ready? Press Enter to start.",
        "finish_long": "Enter: new paragraph · Esc then Enter: finish",
        "finish_long_edit": "Enter: new paragraph · Esc then Enter: save",
        "keys_select": "↑↓ then Enter",
        "keys_checkbox": "↑↓, Space to tick, Enter to confirm",
        "toolbar": "Enter: next · PgUp: previous question · Ctrl-F: follow-up · Ctrl-C: pause",
        "back_to_review": "PgUp: back to the review, unchanged",
        "toolbar_long": "Esc Enter: finish · PgUp: previous · Ctrl-X Ctrl-E: editor · Ctrl-F: follow-up · Ctrl-C: pause",
        "toolbar_edit": "Enter: save · Ctrl-F: follow-up · Ctrl-C or PgUp: cancel, nothing changes",
        "toolbar_edit_long": "Esc Enter: save · Ctrl-X Ctrl-E: editor · Ctrl-F: follow-up · Ctrl-C or PgUp: cancel, nothing changes",
        "keys_followup": "Ctrl-F (the host): accept the answer, then add a follow-up question",
        "followup_title": "Follow-up",
        "followup_ask": "Follow-up question (Enter on an empty line: none)",
        "open_title": "Next question",
        "open_ask": "Write the question (Enter on an empty line: end the interview)",
        "optional": "optional, empty to skip",
        "review_title": "Review",
        "answer_col": "Answer",
        "review_done": "✔ All good, finish",
        "review_change": "Change an answer?",
        "skipped": "(skipped)",
        "thanks": "Thank you, {guest}!",
        "thanks_body": "The interview is complete. You can hand the keyboard back to {host}.",
        "your_host": "your host",
    },
}

STYLE = Style.from_dict(
    {
        "qmark": "fg:ansicyan bold",
        "question": "bold",
        "counter": "fg:ansicyan",
        "instruction": "fg:ansibrightblack italic",
        "answer": "fg:ansigreen",
        "bottom-toolbar": "noreverse fg:ansibrightblack",
        "help": "fg:ansibrightblack",
        "placeholder": "fg:ansibrightblack",
        "notice": "fg:ansiyellow",
        "host": "fg:ansiyellow",
        "guest": "fg:ansicyan",
    }
)


class TerminalPrompter:
    """Asks with questionary; draws with prompt_toolkit, and rich for the review and the end."""

    def __init__(self, language: str = "fr", console: Console | None = None) -> None:
        self.messages = MESSAGES.get(primary_language(language), MESSAGES["en"])
        self._console = console
        self.screen = Screen(STYLE, file=console.file if console is not None else None)
        self.current_id: str | None = None
        # Text typed at a question the guest left with Page↑, by question id.
        self.drafts: dict[str, str] = {}
        # What the guest typed at "press Enter to start": the first answer's start.
        self.typed_ahead = ""
        self.followup_wanted = False
        self.register = "vous"
        self.gender: str | None = None
        # `jeudis edit`: an answer changed, not a session: Ctrl-C and Page↑ cancel it.
        self.editing = False
        # Set by the session: saves what is being typed (question id, text) as the draft's.
        self.autosave: Callable[[str, str], None] | None = None
        # The host's part (fields): no follow-up to ask, Ctrl-F is not offered.
        self.hosting = False

    @property
    def console(self) -> Console:
        """rich, for the review's table and the last screen: loaded when first needed."""
        from jeudis.textsafe import french_line_breaks

        # The review's table: no line starting on "?". Set up once, whoever made the
        # console (a prompter given one skipped it, and its table broke before "?").
        french_line_breaks()
        if self._console is None:
            from rich import console

            self._console = console.Console(highlight=False)
        return self._console

    @property
    def text(self) -> dict[str, str]:
        """The messages for this guest: form of address chosen, gender agreed."""
        # Leave the placeholders filled by str.format in place.
        kept = {
            name: "{" + name + "}"
            for name in ("total", "guest", "host", "done", "followups", "path", "plural")
        }
        context = WordingContext(gender=self.gender, names=kept)
        result = {}
        for key, value in self.messages.items():
            if isinstance(value, dict):
                value = value.get(self.register, next(iter(value.values())))
            result[key] = render(value, context)
        return result

    def _meet(self, interview: Interview) -> None:
        self.register = interview.register
        self.gender = interview.gender

    # -- prompts ---------------------------------------------------------------
    def ask(self, prompt: Prompt) -> Any:
        self.current_id = prompt.id
        draft = self.drafts.get(prompt.id)
        if draft is not None:
            prompt = replace(prompt, default=draft)
        if self.editing:  # Page↑ cancels the change, on any question (the keys say so)
            prompt = replace(prompt, can_go_back=True)
        if self.typed_ahead and prompt.kind in ("text", "long"):
            prompt = replace(prompt, default=str(prompt.default or "") + self.typed_ahead)
        self.typed_ahead = ""
        self.screen.line()
        self._asking(prompt)
        question = self._question(prompt)
        extra = _bindings(prompt)
        app: Application[Any] = question.application
        _refusals_on_their_lines(app)
        _redrawn_when_resized(app, self.screen, lambda: self._asking(prompt))
        if prompt.kind in ("text", "long"):
            softwrap.install(app)
            _left_at_its_end(app)
        followup = None if self.hosting else self._followup_key(prompt)
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, extra, followup) if b is not None]
        )
        self.followup_wanted = False
        if self.autosave is not None and prompt.kind in ("text", "long"):
            _Autosave(app, prompt.id, self.autosave)
        result = terminal.ask(question, prompt)
        self._keep_draft(prompt, result, app)
        return result

    def _asking(self, prompt: Prompt) -> None:
        """The lines above the prompt: the question, its help and its keys."""
        self.screen.wrapped(
            [
                ("class:counter", prompt.counter),
                ("", " "),
                ("class:question", for_terminal(prompt.message)),
            ],
            hang=get_cwidth(prompt.counter) + 1,  # "[4/13] " stands out on the left
        )
        if prompt.help:
            self.screen.wrapped([("class:help", for_terminal(prompt.help))])
        # Wrapped between keys: word by word, a line read "Entrée : terminer".
        for line in packed(self._hint(prompt), self.screen.width):
            self.screen.wrapped([("class:instruction", line)])

    def _keep_draft(self, prompt: Prompt, result: Any, app: Application[Any]) -> None:
        """Page↑ leaves a question unanswered: keep what was typed for when it comes back."""
        if result is BACK and prompt.kind in ("text", "long"):
            typed = app.current_buffer.text
            if typed != str(prompt.default or ""):
                self.drafts[prompt.id] = typed
        else:
            self.drafts.pop(prompt.id, None)

    # -- questions the host writes live (see jeudis.followups) ---------------------------
    def _followup_key(self, prompt: Prompt) -> KeyBindings:
        bindings = KeyBindings()

        @bindings.add(Keys.ControlF, eager=True)
        def _followup(event: KeyPressEvent) -> None:
            self.followup_wanted = True
            if prompt.kind in ("text", "long"):
                event.app.current_buffer.validate_and_handle()

        return bindings

    def followup(self, interview: Interview, after: Answer) -> str | None:
        """The follow-up the host writes after Ctrl-F on an answer, else None.

        What the host was writing when the session paused comes back (the pending
        text, under ``@followup:`` and the answer's id).
        """
        writing = WRITING_FOLLOWUP + after.id
        pending = interview.pending or {}
        if pending.get("id") == writing and pending.get("text"):
            self.typed_ahead = pending["text"] + self.typed_ahead
        elif not self.followup_wanted:
            return None
        self.followup_wanted = False
        return self._host_writes(self.text["followup_title"], self.text["followup_ask"], writing)

    def write_question(self, interview: Interview, number: int) -> str | None:
        """In an open interview: the next question, written by the host (None: the end).

        What the host was typing when the session paused comes back (it is kept
        as the interview's ``pending`` text, under :data:`NEXT_QUESTION`).
        """
        self._meet(interview)
        pending = interview.pending or {}
        if pending.get("id") == NEXT_QUESTION and pending.get("text"):
            self.typed_ahead = pending["text"] + self.typed_ahead
        title = f"{self.text['open_title']} ({number})"
        return self._host_writes(title, self.text["open_ask"], NEXT_QUESTION)

    def _host_writes(self, title: str, instruction: str, typing: str | None = None) -> str | None:
        """A question the host writes; ``typing``: the id a pause keeps the text under."""
        self.current_id = typing
        self.screen.line()

        def asking() -> None:
            rule = f"── {title} "
            self.screen.line([("class:host", rule + "─" * max(self.screen.width - len(rule), 0))])
            self.screen.wrapped([("class:instruction", instruction)])

        asking()
        question = questionary.text("", default=self.typed_ahead, style=STYLE, qmark="✎")
        self.typed_ahead = ""  # typed at "press Enter to start" when the host writes first
        app: Application[Any] = question.application
        _redrawn_when_resized(app, self.screen, asking)
        softwrap.install(app)
        _left_at_its_end(app)
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, _bindings(None, typed=True)) if b is not None]
        )
        text = terminal.ask(question, typed=True)
        if text is BACK:  # Page↑ means nothing here: ask again
            return self._host_writes(title, instruction, typing)
        return text.strip() if isinstance(text, str) and text.strip() else None

    def _hint(self, prompt: Prompt) -> str:
        parts = []
        if prompt.kind == "long":  # in `jeudis edit`, as its keys say: "enregistrer"
            parts.append(self.text["finish_long_edit" if self.editing else "finish_long"])
        if prompt.kind in ("select", "checkbox"):
            parts.append(self.text[f"keys_{prompt.kind}"])
        if not prompt.required and prompt.kind in ("text", "long"):
            parts.append(self.text["optional"])
        return " · ".join(parts)

    def _question(self, prompt: Prompt) -> questionary.Question:
        if prompt.kind == "select":
            return questionary.select(
                "",
                choices=list(prompt.choices),
                default=prompt.default,
                style=STYLE,
                qmark="›",
                instruction=" ",
            )
        if prompt.kind == "checkbox":
            choices = [
                questionary.Choice(c, checked=c in (prompt.default or [])) for c in prompt.choices
            ]
            return questionary.checkbox(
                "",
                choices=choices,
                style=STYLE,
                qmark="›",
                instruction=" ",
                validate=lambda values: _fitted_refusal(prompt.validate(values)),
            )
        return questionary.text(
            "",
            default=str(prompt.default or ""),
            multiline=prompt.kind == "long",
            # A short answer's rows wrapped under its first, as a long answer's lines.
            prompt_continuation=lambda width, *_: " " * width,
            instruction="",
            validate=lambda text: _fitted_refusal(prompt.validate(text)),
            style=STYLE,
            qmark="›",
            bottom_toolbar=_fitted(self._toolbar(prompt)),
            enable_open_in_editor=True,
            placeholder=_placeholder(prompt.placeholder) if prompt.placeholder else None,
        )

    def _toolbar(self, prompt: Prompt) -> str:
        """The keys of this prompt, only those that do something here.

        Page↑ did nothing on a follow-up, an open interview's question or the
        first question, and Ctrl-F nothing but validate in the host's part.
        """
        name = ("toolbar_edit" if self.editing else "toolbar") + (
            "_long" if prompt.kind == "long" else ""
        )
        keys = self.text[name].split(" · ")
        if not (prompt.can_go_back or self.editing):
            keys = [key for key in keys if not key.startswith(("Page↑", "PgUp"))]
        elif prompt.from_review and not self.editing:
            back = self.text["back_to_review"]
            keys = [back if key.startswith(("Page↑", "PgUp")) else key for key in keys]
        if self.hosting:
            keys = [key for key in keys if not key.startswith("Ctrl-F")]
        return " · ".join(keys)

    # -- screens -------------------------------------------------------------------
    def host_part(self, interview: Interview, questionnaire: Questionnaire) -> None:
        self._meet(interview)
        self.hosting = True
        self.screen.box(
            self.text["host_title"],
            [self.text["host_body"].format(guest=for_terminal(interview.guest))],
            border="host",
        )

    def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None:
        self._meet(interview)
        self.hosting = False
        self.screen.clear()
        body: list[Fragments | str] = [
            [("class:question", for_terminal(interview.title))],
            "",
            self._handover(interview, questionnaire, total),
            *self._resumed(interview),
            "",
            f"  • {self.text['keys_line']}",
            *self._keys_asked(questionnaire),
            f"  • {self.text['keys_followup']}",
        ]
        welcome = self.text["welcome"].format(guest=for_terminal(interview.guest))

        def welcoming() -> None:
            self.screen.box(welcome, body, border="guest", padding=1)

        def ready() -> str:
            # Wrapped here: prompt_toolkit would cut "commencer" at a narrow terminal's edge.
            return "\n ".join(wrap_text(self.text["ready"], self.screen.width - 2))

        welcoming()
        if self.screen.is_terminal:
            question = _ready(ready)
            # Resized, the terminal had cut the box's rows at its new edge: drawn anew.
            _redrawn_when_resized(question.application, self.screen, welcoming)
            self.typed_ahead = terminal.ask(question) or ""

    def _keys_asked(self, questionnaire: Questionnaire) -> list[Fragments | str]:
        """The keys of long and optional answers, for a questionnaire that has some
        (an open one has: the host's questions are long, and may be skipped)."""
        questions = questionnaire.questions
        keys: list[Fragments | str] = []
        if questionnaire.open or any(q.type == "long" for q in questions):
            keys.append(f"  • {self.text['keys_long']}")
        if questionnaire.open or any(not q.required for q in questions):
            keys.append(f"  • {self.text['keys_optional']}")
        return keys

    def photo_missing(self, path: str) -> None:
        self.screen.wrapped(
            [("class:notice", self.text["photo_missing"].format(path=for_terminal(path)))]
        )

    def photo_copied(self, path: str) -> None:
        self.screen.line(
            [("class:notice", self.text["photo_copied"].format(path=for_terminal(path)))]
        )

    def _handover(self, interview: Interview, questionnaire: Questionnaire, total: int) -> str:
        if questionnaire.open:
            host = interview.host or self.text["your_host"]
            return self.text["handover_open"].format(host=for_terminal(host))
        return self.text["handover"].format(total=total)

    def _resumed(self, interview: Interview) -> list[Fragments | str]:
        done = sum(1 for a in interview.answers if a.given)  # as the pause counted them
        if not done:
            return []
        # Follow-ups said apart: "14 answers" under "13 questions" read as a mistake.
        followups = sum(1 for a in interview.answers if a.given and a.followup)
        key = "resumed_followups" if followups else "resumed"
        # Said to the guest: "1 réponse", "3 réponses" (with follow-ups, there are two).
        shown = self.text[key].format(
            done=done, followups=followups, plural="s" if done > 1 else ""
        )
        return ["", [("class:notice", shown)]]

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        from rich.markup import escape
        from rich.table import Table  # the review only: not on the way to the first question

        table = Table(title=self.text["review_title"], show_lines=True, expand=True)
        table.add_column("Question", ratio=2)
        table.add_column(self.text["answer_col"], ratio=3)
        for _, label, shown in rows:
            text = for_terminal(shown) or self.text["skipped"]
            if len(text) > 280:
                text = text[:277] + "…"
            table.add_row(escape(for_terminal(label)), escape(text))
        self.console.print()
        self.console.print(table)
        done = questionary.Choice(self.text["review_done"], value="")
        # A choice wider than the terminal is cut at its edge, mid-word: shortened instead
        # (and picked by its question's id: two follow-ups may read alike once shortened).
        labels = [for_terminal(label) for _, label, _ in rows]
        room = self.screen.width - 4  # " » " before it
        picks = [
            questionary.Choice(_shorten(label, room), value=qid)
            for (qid, _, _), label in zip(rows, labels, strict=True)
        ]
        question = questionary.select(
            self.text["review_change"],
            choices=[done, *picks],
            style=STYLE,
            qmark="›",
            instruction=self.text["keys_select"],
        )
        app: Application[Any] = question.application
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, _bindings(None)) if b is not None]
        )
        _picked_fitted(app, get_cwidth(f"› {self.text['review_change']} "))

        def reviewing() -> None:
            """The table and the choices laid out anew, to the terminal's new width."""
            self._draw(table, app.output.get_size().columns)
            room = self.screen.width - 4
            for pick, label in zip(picks, labels, strict=True):
                pick.title = _shorten(label, room)

        _redrawn_when_resized(app, self.screen, reviewing)
        self.current_id = None
        picked = terminal.ask(question)
        if picked is BACK:  # Page↑ from the review: the last question again
            return rows[-1][0] if rows else None
        return str(picked) if picked else None

    def _draw(self, renderable: Any, width: int) -> None:
        """Something rich draws (the review's table), ``width`` cells wide, drawn through
        the screen: from inside a running prompt, on its output, its lines counted."""
        import io

        from prompt_toolkit.formatted_text import ANSI, to_formatted_text
        from rich.console import Console as RichConsole

        drawn = io.StringIO()
        colours = self.console.color_system  # as the rest of the review: NO_COLOR holds
        RichConsole(
            file=drawn, width=width, force_terminal=colours is not None, highlight=False
        ).print(renderable)
        for line in drawn.getvalue().splitlines():
            self.screen.line([(style, text) for style, text, *_ in to_formatted_text(ANSI(line))])

    def thanks(self, interview: Interview) -> None:
        from rich.markup import escape
        from rich.panel import Panel

        host = interview.host or self.text["your_host"]
        self.console.print()
        self.console.print(
            Panel(
                escape(self.text["thanks_body"].format(host=for_terminal(host))),
                title=escape(self.text["thanks"].format(guest=for_terminal(interview.guest))),
                title_align="left",
                border_style="green",
                padding=(1, 2),
                width=self.screen.width,  # as wide as the welcome box
            )
        )


class _Autosave:
    """Saves the text of a running prompt as it changes: :data:`AUTOSAVE_IDLE` seconds
    after the last key, or at once when :data:`AUTOSAVE_EVERY` have passed since the
    last save. A save that fails is left to the answer's own, which says why."""

    def __init__(
        self, app: Application[Any], question_id: str, save: Callable[[str, str], None]
    ) -> None:
        self.app, self.question_id, self.save = app, question_id, save
        self.buffer = app.current_buffer
        self.saved = self.buffer.text
        self.last = time.monotonic()
        self.waiting: Any = None  # the timer of the next save
        self.buffer.on_text_changed += self.changed

    def changed(self, _: object) -> None:
        if self.waiting is not None:
            self.waiting.cancel()
            self.waiting = None
        if time.monotonic() - self.last >= AUTOSAVE_EVERY:
            self.flush()
        elif self.app.loop is not None:
            self.waiting = self.app.loop.call_later(AUTOSAVE_IDLE, self.flush)

    def flush(self) -> None:
        self.waiting = None
        text = self.buffer.text
        if self.app.is_done or text == self.saved:
            return
        self.saved, self.last = text, time.monotonic()
        with contextlib.suppress(OSError, JeudisError):
            self.save(self.question_id, text)


def _ready(message: Callable[[], str]) -> questionary.Question:
    """Wait for Enter; text typed instead starts too, and is returned, not lost.
    ``message``: the invitation, wrapped to the terminal as it is when drawn.

    A guest who starts on the first answer without reading the welcome would
    otherwise see its first letter taken as the key to start.
    """
    from prompt_toolkit import PromptSession

    bindings = KeyBindings()

    @bindings.add(Keys.Any)
    def _typed(event: KeyPressEvent) -> None:
        event.app.exit(result=event.data if event.data.isprintable() else "")

    @bindings.add(Keys.BracketedPaste)
    def _pasted(event: KeyPressEvent) -> None:
        event.app.exit(result=event.data.replace("\r\n", "\n").replace("\r", "\n"))

    @bindings.add(Keys.Enter)
    def _start(event: KeyPressEvent) -> None:
        event.app.exit(result="")

    @bindings.add(Keys.ControlC, eager=True)
    @bindings.add(Keys.ControlD, eager=True)  # a pause, as at any question
    def _pause(event: KeyPressEvent) -> None:
        event.app.exit(exception=Paused(""))

    session: PromptSession[str] = PromptSession(
        lambda: [("class:question", f" {message()} ")], key_bindings=bindings, style=STYLE
    )
    return questionary.Question(session.app)


def _bindings(prompt: Prompt | None, *, typed: bool = False) -> KeyBindings:
    """Pause, Page↑ and Enter; ``typed``: a pause keeps the text typed (a question the
    host writes, which has no prompt of a guest's)."""
    bindings = KeyBindings()
    keeps = typed or (prompt is not None and prompt.kind in ("text", "long"))

    @bindings.add(Keys.ControlC, eager=True)
    @bindings.add(Keys.ControlD, eager=True)
    def _pause(event: KeyPressEvent) -> None:
        event.app.exit(exception=Paused(event.app.current_buffer.text if keeps else ""))

    @bindings.add(Keys.PageUp, eager=True)
    def _back(event: KeyPressEvent) -> None:
        if typed:  # a question the host writes: nothing to go back to, nothing redrawn
            return
        if prompt is None or prompt.can_go_back:
            event.app.exit(result=BACK)

    if prompt is not None and prompt.kind in ("text", "long"):

        @bindings.add(Keys.ControlX, Keys.ControlE, eager=True)
        def _editor(event: KeyPressEvent) -> None:
            """The answer in the editor, then back in the prompt to read and finish.

            prompt_toolkit's own binding ("edit and execute", as in a shell) sent
            it the moment the editor closed, before the guest saw it.
            """
            event.current_buffer.open_in_editor(validate_and_handle=False)

    if prompt is not None and prompt.kind == "text":

        @bindings.add(Keys.BracketedPaste)
        def _paste_on_one_line(event: KeyPressEvent) -> None:
            """Lines pasted into a one-line answer are joined: kept, they were drawn
            out of the prompt, and stored as lines the question does not expect."""
            lines = event.data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            event.current_buffer.insert_text(
                " ".join(line.strip() for line in lines if line.strip())
            )

    if prompt is not None and prompt.kind == "long":
        _finish_keys(bindings)

    return bindings


class _Escaped:
    """Whether Échap was the last key of a long answer: any change since (an edit, even
    one undone, a cursor move) makes Entrée a new paragraph again."""

    def __init__(self) -> None:
        self.buffer: Buffer | None = None
        self.watched: set[int] = set()

    def arm(self, buffer: Buffer) -> None:
        if id(buffer) not in self.watched:
            buffer.on_text_changed += self.disarm
            buffer.on_cursor_position_changed += self.disarm
            self.watched.add(id(buffer))
        self.buffer = buffer

    def disarm(self, _: object = None) -> None:
        self.buffer = None


def _finish_keys(bindings: KeyBindings) -> None:
    """Entrée starts a paragraph (:func:`new_paragraph`); Échap, then Entrée whenever,
    finishes the answer.

    prompt_toolkit reads Échap then Entrée as one key only if Entrée comes within a
    second; a guest who took longer got a new line, and no answer.
    """
    escaped = _Escaped()

    @bindings.add(Keys.Escape)
    def _escape(event: KeyPressEvent) -> None:
        escaped.arm(event.current_buffer)

    @bindings.add(Keys.Enter)
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if escaped.buffer is buffer:
            escaped.disarm()
            buffer.validate_and_handle()
        else:
            new_paragraph(buffer)


# A line where Entrée goes to the next line only: a list item, a quote, a table row,
# indented code (four spaces or a tab).
_LINE_BLOCK = re.compile(r"[ ]{0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)|[ ]{0,3}[>|]|[ ]{4}|\t")


def new_paragraph(buffer: Buffer) -> None:
    """Entrée in a long answer: a new paragraph, as the welcome screen says.

    A single line break is no break in Markdown: the lines a guest wrote one
    under the other were published run together. So Entrée leaves a blank line,
    which the guest sees, except where a line of its own is meant (a list item,
    a quote, a table, code) or a blank line is there already. A new line starts
    at the margin, not under the line above's indent, which would make code of it.
    """
    before = buffer.document.text_before_cursor
    line = buffer.document.current_line_before_cursor
    fenced = sum(1 for row in before.split("\n") if row.lstrip().startswith(("```", "~~~"))) % 2
    if fenced or (line.strip() and _LINE_BLOCK.match(line)):
        buffer.newline(copy_margin=False)
    elif not before.strip() or (before.endswith("\n\n") and not line):
        return  # no blank lines before the answer, nor two in a row
    elif not line.strip():
        buffer.newline(copy_margin=False)
    else:
        buffer.insert_text("\n\n")


def _shorten(text: str, width: int) -> str:
    """``text`` in ``width`` terminal cells at most, cut after a word with "…" if it must be."""
    if get_cwidth(text) <= width:
        return text
    used = end = 0
    for end, char in enumerate(text):  # noqa: B007 - where the room ends
        used += get_cwidth(char)
        if used > width - 1:
            break
    cut = text[:end]
    words = cut.rsplit(" ", 1)[0] if " " in cut[width // 2 :] else cut
    return words.rstrip(" ,;:") + "…"


def _left_at_its_end(app: Application[Any]) -> None:
    """The text typed, once given, is left on the screen as far as its end.

    prompt_toolkit leaves the rows around the cursor, no more than the screen holds:
    an answer taller than the screen, finished with the cursor near its start, was
    left cut mid-sentence, as if the rest was lost.
    """
    buffer = app.current_buffer

    def to_the_end(_: object) -> None:
        if app.is_done:
            buffer.cursor_position = len(buffer.text)

    app.before_render += to_the_end


def _redrawn_when_resized(
    app: Application[Any], screen: Screen, asking: Callable[[], None]
) -> None:
    """A terminal made narrower or wider is cleared; ``asking`` draws the question again
    above the prompt, laid out to the new width, and the prompt is drawn under it.

    prompt_toolkit erases what it drew by going up as many rows as it drew them in.
    A terminal that reflows its lines on a resize (tmux, GNOME Terminal, iTerm2,
    kitty...) had made more rows of them, each cut at the new edge: the rows above
    were left on the screen over the prompt drawn again, the answer twice, the keys
    twice. Where the prompt now starts cannot be known (terminals reflow each their
    own way, some not at all), so the screen is drawn anew from its top. The rows
    above the question go (the review shows every answer again).

    The prompt's row is then known: it is the one under the lines drawn. The
    terminal's own answer is not waited for, and one to a question asked before
    the screen was drawn anew (prompt_toolkit asks on each resize, before it draws)
    is of a screen that is gone: the prompt took it for room below, and scrolled
    the top of the question off the screen.
    """
    drawn: list[int] = []  # the width last drawn at
    row: list[int] = []  # the prompt's row (1: the top one), once the screen is drawn anew
    renderer = app.renderer
    reported = renderer.report_absolute_cursor_row

    def report(answer: int) -> None:
        reported(row[0] if row else answer)

    def resized(_: object) -> None:
        width = app.output.get_size().columns
        if drawn and drawn[0] != width and not app.is_done:
            app.output.erase_screen()
            app.output.cursor_goto(0, 0)
            renderer.reset(leave_alternate_screen=False)  # drawn from here, whole
            with screen.drawing_to(app.output):
                asking()
                row[:] = [min(screen.lines_drawn + 1, app.output.get_size().rows)]
            # The rows left under the question, for the keys at the bottom of the screen.
            report(row[0])
        drawn[:] = [width]

    renderer.report_absolute_cursor_row = report  # type: ignore[method-assign,assignment]
    app.before_render += resized


def _picked_fitted(app: Application[Any], before: int) -> None:
    """The choice picked, shown after the question once it is picked (``before``
    cells), shortened to the room left on the line: the terminal cut it at its edge
    ("… vous appo" / "rte ?")."""
    from questionary.prompts.common import InquirerControl

    [choices] = [
        w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)
    ]

    def shorten(_: object) -> None:
        picked = choices.get_pointed_at()
        if app.is_done and isinstance(picked.title, str):
            picked.title = _shorten(picked.title, app.output.get_size().columns - before - 1)

    app.before_render += shorten


def _fitted_refusal(message: str | None) -> str | bool:
    """A refused answer's message (questionary's validator returns it, or True when the
    answer is fine), word-wrapped to the terminal: see :func:`_refusals_on_their_lines`."""
    if message is None:
        return True
    return "\n".join(wrap_text(message, get_app().output.get_size().columns - 1))


def _refusals_on_their_lines(app: Application[Any]) -> None:
    """The line that says why an answer is refused takes the lines its message needs:
    prompt_toolkit gives it one, cut at a narrow terminal's edge ("Un nombre de
    followers, par exemple 9 20").

    And it is right under the answer. The window of the text typed took the blank
    rows down to the keys at the screen's bottom, and the message was drawn there,
    or halfway down once it could take rows too. The message's window takes them
    instead, its message at the top, and is kept while there is none, empty: it
    then takes no row the answer needs.
    """
    typed = app.layout.current_window
    control = typed.content
    # The prompt's own refusals (a choice's are drawn another way).
    checked = isinstance(control, BufferControl) and control.buffer.validator is not None

    def rows() -> Dimension | None:
        refused = isinstance(control, BufferControl) and control.buffer.validation_error
        return None if refused else Dimension(preferred=0)

    for container in walk(app.layout.container):
        if not isinstance(container, ConditionalContainer):
            continue
        window = container.content
        shows = getattr(getattr(window, "content", None), "text", None)
        if isinstance(window, Window) and getattr(shows, "__qualname__", "").startswith(
            "ValidationToolbar."
        ):
            window.height = rows if checked else None
            if checked:
                container.filter = to_filter(True)
                typed.dont_extend_height = to_filter(True)


def _fitted(toolbar: str) -> Callable[[], str]:
    """The keys' toolbar on as many lines as the terminal's width needs (it would be cut)."""

    def lines() -> str:
        return fit_toolbar(toolbar, get_app().output.get_size().columns)

    return lines


def fit_toolbar(toolbar: str, width: int) -> str:
    """The toolbar's items (``a · b · c``) packed into lines of at most ``width - 1`` cells.

    Cut at the terminal's edge, "Ctrl-C : pause" was the first to go at 80 columns.
    """
    return "\n".join(" " + line for line in packed(toolbar, width - 1))


def packed(keys: str, width: int) -> list[str]:
    """The items of ``keys`` (``a · b · c``) packed into lines of fewer than ``width``
    cells, a line breaking between items only (an item wider than a line is alone on it)."""
    lines: list[str] = []
    for item in keys.split(" · ") if keys else []:
        if lines and get_cwidth(lines[-1]) + get_cwidth(item) + 3 < width:
            lines[-1] += " · " + item
        else:
            lines.append(item)
    return lines


def _placeholder(text: str) -> Callable[[], Fragments]:
    """The example shown in an empty answer, dimmed, and gone once the answer is given.

    prompt_toolkit draws it as typed text, and leaves it on the answered line:
    a question skipped read as answered "@pseudo".
    """
    shown: Fragments = [("class:placeholder", for_terminal(text))]
    return lambda: [] if get_app().is_done else shown
