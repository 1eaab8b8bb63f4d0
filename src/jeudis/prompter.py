"""The terminal side of the live session: questionary prompts and rich screens.

Imported only by the commands that run a session, so that ``jeudis list`` and
``jeudis --help`` never pay for questionary and prompt_toolkit.
"""

from __future__ import annotations

from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.styles import Style
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from jeudis.interview import Interview
from jeudis.questionnaire import Questionnaire
from jeudis.session import BACK, Paused, Prompt
from jeudis.textsafe import for_terminal

MESSAGES = {
    "fr": {
        "host_title": "Partie de l’hôte",
        "host_body": "Quelques informations sur {guest} avant de lui passer le clavier.",
        "welcome": "Bienvenue, {guest} !",
        "handover": "C’est à vous : {total} questions. Chaque réponse est enregistrée dès qu’elle est donnée.",
        "keys_line": "Entrée : valider · Page↑ : question précédente · Ctrl-C : pause (tout est gardé)",
        "keys_long": "Réponse longue : Entrée pour un nouveau paragraphe, Échap puis Entrée pour terminer, Ctrl-X Ctrl-E pour ouvrir votre éditeur",
        "keys_optional": "Question facultative : laisser vide pour passer",
        "ready": "Prêt·e ? Appuyez sur Entrée pour commencer.",
        "finish_long": "Échap puis Entrée pour terminer",
        "optional": "facultatif, vide pour passer",
        "review_title": "Relecture",
        "review_done": "✔ Tout est bon, terminer",
        "review_change": "Modifier une réponse ?",
        "skipped": "(passée)",
        "thanks": "Merci, {guest} !",
        "thanks_body": "L’interview est complète. Vous pouvez rendre le clavier à {host}.",
        "your_host": "votre hôte",
    },
    "en": {
        "host_title": "Host’s part",
        "host_body": "A few details about {guest} before handing over the keyboard.",
        "welcome": "Welcome, {guest}!",
        "handover": "Over to you: {total} questions. Each answer is saved as soon as you give it.",
        "keys_line": "Enter: next · PgUp: previous question · Ctrl-C: pause (everything is kept)",
        "keys_long": "Long answers: Enter for a new paragraph, Esc then Enter to finish, Ctrl-X Ctrl-E for your editor",
        "keys_optional": "Optional question: leave empty to skip",
        "ready": "Ready? Press Enter to start.",
        "finish_long": "Esc then Enter to finish",
        "optional": "optional, empty to skip",
        "review_title": "Review",
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
    }
)


class TerminalPrompter:
    """Asks with questionary, draws screens with rich."""

    def __init__(self, language: str = "fr", console: Console | None = None) -> None:
        self.text = MESSAGES.get(language.split("-")[0], MESSAGES["en"])
        self.console = console or Console(highlight=False)
        self.current_id: str | None = None

    # -- prompts ---------------------------------------------------------------
    def ask(self, prompt: Prompt) -> Any:
        self.current_id = prompt.id
        self.console.print()
        if prompt.help:
            self.console.print(f"  [dim]{escape(for_terminal(prompt.help))}[/dim]")
        question = self._question(prompt)
        extra = _bindings(prompt)
        app: Application[Any] = question.application
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, extra) if b is not None]
        )
        return question.unsafe_ask()

    def _question(self, prompt: Prompt) -> questionary.Question:
        message = f"{prompt.counter} {for_terminal(prompt.message)}".strip()
        toolbar = self._toolbar(prompt)
        if prompt.kind == "select":
            return questionary.select(
                message,
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
                message,
                choices=choices,
                style=STYLE,
                qmark="›",
                validate=lambda values: prompt.validate(values) or True,
            )
        instruction = self.text["finish_long"] if prompt.kind == "long" else ""
        if not prompt.required:
            instruction = (
                f"{instruction} · {self.text['optional']}" if instruction else self.text["optional"]
            )
        return questionary.text(
            message,
            default=str(prompt.default or ""),
            multiline=prompt.kind == "long",
            instruction=f"({instruction})" if instruction else "",
            validate=lambda text: prompt.validate(text) or True,
            style=STYLE,
            qmark="›",
            bottom_toolbar=toolbar,
            enable_open_in_editor=True,
            placeholder=prompt.placeholder or None,
        )

    def _toolbar(self, prompt: Prompt) -> str:
        return " " + self.text["keys_line"]

    # -- screens -------------------------------------------------------------------
    def host_part(self, interview: Interview, questionnaire: Questionnaire) -> None:
        self.console.print(
            Panel(
                escape(self.text["host_body"].format(guest=for_terminal(interview.guest))),
                title=escape(self.text["host_title"]),
                title_align="left",
                border_style="yellow",
            )
        )

    def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None:
        self.console.clear()
        body = "\n".join(
            [
                f"[bold]{escape(for_terminal(interview.title))}[/bold]",
                "",
                escape(self.text["handover"].format(total=total)),
                "",
                f"  • {escape(self.text['keys_line'])}",
                f"  • {escape(self.text['keys_long'])}",
                f"  • {escape(self.text['keys_optional'])}",
            ]
        )
        self.console.print(
            Panel(
                body,
                title=escape(self.text["welcome"].format(guest=for_terminal(interview.guest))),
                title_align="left",
                border_style="cyan",
                padding=(1, 2),
            )
        )
        if self.console.is_terminal:
            questionary.press_any_key_to_continue(self.text["ready"]).unsafe_ask()

    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        table = Table(title=self.text["review_title"], show_lines=True, expand=True)
        table.add_column("Question", ratio=2)
        table.add_column("Réponse" if self.text is MESSAGES["fr"] else "Answer", ratio=3)
        for _, label, shown in rows:
            text = for_terminal(shown) or self.text["skipped"]
            if len(text) > 280:
                text = text[:277] + "…"
            table.add_row(escape(for_terminal(label)), escape(text))
        self.console.print()
        self.console.print(table)
        done = self.text["review_done"]
        labels = {for_terminal(label)[:90]: qid for qid, label, _ in rows}
        question = questionary.select(
            self.text["review_change"], choices=[done, *labels], style=STYLE, qmark="›"
        )
        app: Application[Any] = question.application
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, _bindings(None)) if b is not None]
        )
        self.current_id = None
        picked = question.unsafe_ask()
        if picked is BACK or picked == done:
            return None
        return labels.get(picked)

    def thanks(self, interview: Interview) -> None:
        host = interview.host or self.text["your_host"]
        self.console.print()
        self.console.print(
            Panel(
                escape(self.text["thanks_body"].format(host=for_terminal(host))),
                title=escape(self.text["thanks"].format(guest=for_terminal(interview.guest))),
                title_align="left",
                border_style="green",
                padding=(1, 2),
            )
        )


def _bindings(prompt: Prompt | None) -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(Keys.ControlC, eager=True)
    @bindings.add(Keys.ControlD, eager=True)
    def _pause(event: KeyPressEvent) -> None:
        text = event.app.current_buffer.text if prompt and prompt.kind in ("text", "long") else ""
        event.app.exit(exception=Paused(text))

    @bindings.add(Keys.PageUp, eager=True)
    def _back(event: KeyPressEvent) -> None:
        if prompt is None or prompt.can_go_back:
            event.app.exit(result=BACK)

    return bindings
