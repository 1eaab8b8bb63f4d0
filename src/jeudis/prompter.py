"""The terminal side of the live session: the prompter that asks with questionary.

:class:`TerminalPrompter` is the :class:`~jeudis.prompts.Prompter` the commands
that run a session use. It asks each question with questionary, adding its own
keys (:mod:`jeudis.prompt_keys`), the toolbar that says them
(:mod:`jeudis.prompt_toolbar`) and the pieces that keep a prompt whole on the
terminal (:mod:`jeudis.prompt_layout`); it draws the welcome and the host's part
through :mod:`jeudis.screen`, and the review and the end with rich; what it says
is in :mod:`jeudis.prompter_text`.

Imported only by the commands that run a session, so that ``jeudis list`` and
``jeudis --help`` never pay for questionary and prompt_toolkit.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.key_binding import KeyBindings, KeyPress, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.utils import get_cwidth

from jeudis import softwrap, terminal
from jeudis.answers import choices_hint, date_hint, limits_said, too_large
from jeudis.followups import NEXT_QUESTION, WRITING_FOLLOWUP
from jeudis.interview import Answer, Interview, Typed, fits, typed_text
from jeudis.prompt_keys import (
    initials,
    keys_for,
    one_line,
    paragraphs_as_typed,
    ready_question,
)
from jeudis.prompt_layout import (
    STYLE,
    dimmed_placeholder,
    fitted_refusal,
    left_at_its_end,
    packed,
    redrawn_when_resized,
    refusals_on_their_lines,
    ticked_shown,
)
from jeudis.prompt_toolbar import (
    Key,
    fitted,
    key_names,
    toolbar_keys,
    toolbar_under_choices,
    writing_keys,
)
from jeudis.prompt_typing import Autosave, held
from jeudis.prompter_text import MESSAGES, worded
from jeudis.prompts import BACK, Paused, Prompt
from jeudis.questionnaire import Questionnaire
from jeudis.screen import Fragments, KeysLine, Screen, wrap_text
from jeudis.textsafe import for_terminal
from jeudis.wording import plural, primary_language

if TYPE_CHECKING:
    from rich.console import Console


@contextlib.contextmanager
def _ctrl_c_pauses() -> Iterator[None]:
    """Ctrl-C pressed as a question or the review is drawn, before its prompt reads the
    keys (a tenth of a second on a loaded machine), is the terminal's interrupt, not the
    prompt's key: a pause all the same. `jeudis edit` ended on it with 130 and not a
    word, where the prompt's Ctrl-C cancels the change and says what the file holds."""
    try:
        yield
    except KeyboardInterrupt:
        raise Paused("") from None


class TerminalPrompter:
    """Asks with questionary; draws with prompt_toolkit, and rich for the review and the end."""

    def __init__(self, language: str = "fr", console: Console | None = None) -> None:
        self.messages = MESSAGES.get(primary_language(language), MESSAGES["en"])
        self.language = language
        self._console = console
        self.screen = Screen(STYLE, file=console.file if console is not None else None)
        self.current_id: str | None = None
        # Text typed at a question the guest left with Page↑ (at a multiple choice,
        # the choices ticked), by question id.
        self.drafts: dict[str, Typed] = {}
        # What the guest typed at "press Enter to start": the first answer's start.
        self.typed_ahead = ""
        self.followup_wanted = False
        self.register = "vous"
        self.gender: str | None = None
        # `jeudis edit`: an answer changed, not a session: Ctrl-C and Page↑ cancel it.
        self.editing = False
        # Set by the session: saves what is being typed (question id, text or choices
        # ticked) as the draft's.
        self.autosave: Callable[[str, Typed], None] | None = None
        # Set by the session: the bytes a text given at a question or a field (its id,
        # and the question's wording) may take for the file to stay readable.
        self.room: Callable[[str, str], int] | None = None
        # The host's part (fields): no follow-up to ask, Ctrl-F is not offered.
        self.hosting = False
        # What is drawn above the next prompt's question (the host's box): drawn again
        # with it when the screen is drawn anew (see redrawn_when_resized).
        self._above: Callable[[], None] | None = None

    @property
    def console(self) -> Console:
        """rich, for the review's table and the last screen: loaded when first needed."""
        from jeudis.textsafe import french_line_breaks

        # The review's table: no line starting on "?". Set up once, whoever made the
        # console (a prompter given one skipped it, and its table broke before "?").
        french_line_breaks()
        if self._console is None:
            from rich import console

            self._console = console.Console(highlight=False, emoji=False)
        return self._console

    @property
    def text(self) -> dict[str, str]:
        """The messages for this guest: form of address chosen, gender agreed."""
        return worded(self.messages, self.register, self.gender)

    def _meet(self, interview: Interview) -> None:
        self.register = interview.register
        self.gender = interview.gender

    # -- prompts ---------------------------------------------------------------
    @_ctrl_c_pauses()
    def ask(self, prompt: Prompt) -> Any:
        self.current_id = prompt.id
        draft = self.drafts.get(prompt.id)
        if draft is not None:
            if isinstance(draft, list):  # the choices ticked, of those it offers
                draft = [choice for choice in draft if choice in prompt.choices]
            prompt = replace(prompt, default=draft)
            if self.autosave is not None:  # the text kept for a pause: this one again
                self.autosave(prompt.id, draft)
        if self.editing:  # Page↑ cancels the change, on any question (the keys say so)
            prompt = replace(prompt, can_go_back=True)
        if self.typed_ahead and prompt.kind in ("text", "long"):
            typed = self.typed_ahead  # lines pasted at the start: joined on one line
            typed = one_line(typed) if prompt.kind == "text" and "\n" in typed else typed
            prompt = replace(prompt, default=str(prompt.default or "") + typed)
        self.typed_ahead = ""
        if self.room is not None and prompt.kind in ("text", "long"):
            prompt = replace(prompt, room=self.room(prompt.id, prompt.message))
        above, self._above = self._above, None

        def asking() -> None:
            if above is not None:
                above()
                self.screen.line()
            self._asking(prompt)

        self.screen.line()
        self._asking(prompt)
        question = self._question(prompt)
        extra = keys_for(prompt, unedited=self.text["unedited"])
        app: Application[Any] = question.application
        refusals_on_their_lines(app)
        redrawn_when_resized(app, self.screen, asking)
        if prompt.kind in ("text", "long"):
            softwrap.install(app)
            left_at_its_end(app)
        if prompt.kind == "checkbox":
            ticked_shown(app, get_cwidth("› "))
        if prompt.kind in ("select", "checkbox"):
            toolbar_under_choices(app, fitted(self._toolbar(prompt)))
        followup = None if self.hosting else self._followup_key(prompt)
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, extra, followup) if b is not None]
        )
        self.followup_wanted = False
        if self.autosave is not None and prompt.kind in ("text", "long", "checkbox"):
            Autosave(app, prompt, self.autosave, unsaved=self.text["unsaved"])
        result = terminal.ask(question, prompt)
        self._keep_draft(prompt, result, app)
        if prompt.kind == "long" and isinstance(result, str) and not self.editing:
            # Typed here, with Entrée's paragraphs (not an answer given before, edited).
            result = paragraphs_as_typed(result)
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
        """Page↑ leaves a question unanswered: keep what was typed (the boxes ticked) for
        when it comes back, and for a pause (saved now: the last second typed had not
        been). Not a change given up (at the review, in ``jeudis edit``): picked again,
        the answer is the one given."""
        if result is not BACK or prompt.from_review or self.editing:
            self.drafts.pop(prompt.id, None)
            return
        typed = held(app, prompt)
        if typed is None or typed == str(prompt.default or ""):
            return  # as it was shown: nothing typed, no box ticked or unticked
        self.drafts[prompt.id] = typed
        if self.autosave is not None:
            self.autosave(prompt.id, typed)

    # -- questions the host writes live (see jeudis.followups) ---------------------------
    def _followup_key(self, prompt: Prompt) -> KeyBindings:
        bindings = KeyBindings()

        @bindings.add(Keys.ControlF, eager=True)
        def _followup(event: KeyPressEvent) -> None:
            self.followup_wanted = True
            if prompt.kind in ("text", "long"):
                event.app.current_buffer.validate_and_handle()
            else:  # a choice: given as its Entrée gives it, its own rules checked
                event.key_processor.feed(KeyPress(Keys.ControlM, "\r"), first=True)

        return bindings

    def followup(self, interview: Interview, after: Answer) -> str | None:
        """The follow-up the host writes after Ctrl-F on an answer, else None.

        What the host was writing when the session paused comes back (the pending
        text, under ``@followup:`` and the answer's id).
        """
        writing = WRITING_FOLLOWUP + after.id
        if kept := interview.pending.get(writing):
            self.typed_ahead = typed_text(kept) + self.typed_ahead
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
        if kept := interview.pending.get(NEXT_QUESTION):
            self.typed_ahead = typed_text(kept) + self.typed_ahead
        title = f"{self.text['open_title']} ({number})"
        return self._host_writes(title, self.text["open_ask"], NEXT_QUESTION)

    def _host_writes(self, title: str, instruction: str, typing: str | None = None) -> str | None:
        """A question the host writes; ``typing``: the id a pause keeps the text under."""
        self.current_id = typing
        self.screen.line()

        def asking() -> None:
            rule = f"── {title} "
            self.screen.line(
                [
                    ("class:host", "── "),
                    ("class:host.title", title),
                    ("class:host", " " + "─" * max(self.screen.width - len(rule), 0)),
                ]
            )
            self.screen.wrapped([("class:instruction", instruction)])

        asking()
        typed = one_line(self.typed_ahead) if "\n" in self.typed_ahead else self.typed_ahead
        # Refused as a guest's answer is, when it would make the file too large to read.
        room = self.room(typing or "", "") if self.room is not None else None
        refusal = too_large(self.language)
        question = questionary.text(
            "",
            default=typed,
            style=STYLE,
            qmark="✎",
            bottom_toolbar=fitted(writing_keys(self.text, editing=self.editing)),
            validate=None
            if room is None
            else lambda text: fitted_refusal(None if fits(text, room) else refusal),
        )
        self.typed_ahead = ""  # typed at "press Enter to start" when the host writes first
        app: Application[Any] = question.application
        if room is not None:
            refusals_on_their_lines(app)
        redrawn_when_resized(app, self.screen, asking)
        softwrap.install(app)
        left_at_its_end(app)
        app.key_bindings = merge_key_bindings(
            [b for b in (app.key_bindings, keys_for(None, typed=True)) if b is not None]
        )
        text = terminal.ask(question, typed=True)
        if text is BACK:  # Page↑ means nothing here: ask again
            return self._host_writes(title, instruction, typing)
        return text.strip() if isinstance(text, str) and text.strip() else None

    def _hint(self, prompt: Prompt) -> str:
        parts = []
        if prompt.kind == "long":  # in `jeudis edit`, as its keys say: "enregistrer"
            parts.append(self.text["finish_long_edit" if self.editing else "finish_long"])
        if prompt.kind == "select":
            parts.append(self._select_keys(prompt))
        if prompt.kind == "checkbox":
            parts.append(self.text["keys_checkbox"])
            if prompt.question is not None and (count := choices_hint(prompt.question)):
                parts.append(count.rstrip("."))
        if prompt.question is not None and prompt.question.type == "date":
            # As the answer sheet says it; without it, the format came with a refusal.
            parts.append(date_hint(prompt.question.language).rstrip("."))
        if prompt.question is not None and prompt.question.type == "number":
            # As the sheet says it: a German guest's "1,200" was 1.2, said nowhere.
            from jeudis.sheet import number_note, sheet_text

            language = prompt.question.language
            parts.append(number_note(sheet_text(language), language).rstrip("."))
        typed = prompt.kind in ("text", "long")
        if typed and prompt.question is not None:
            # "Au plus 300 mots", as the sheet says it: not first heard once 400 are typed.
            parts += [limit.rstrip(".") for limit in limits_said(prompt.question)]
        if prompt.dropped:  # not "optional": answered, and kept unless taken out
            parts.append(self.text["dropped_empty" if typed else "dropped"])
        elif not prompt.required and typed:
            parts.append(self.text["optional"])
        return " · ".join(parts)

    def _select_keys(self, prompt: Prompt) -> str:
        """The keys of a choice: its letters ("O/N") where each choice has one (the
        optional's "— passer —" aside, last), else the arrows only."""
        yes_no = prompt.question is not None and prompt.question.type == "yesno"
        keys = initials(prompt.choices)
        if yes_no:
            return self.text["keys_yesno"].format(keys="/".join(k.upper() for k in keys[:2]))
        if all(keys if prompt.required else keys[:-1]):
            return self.text["keys_select_initial"]
        return self.text["keys_select"]

    def _question(self, prompt: Prompt) -> questionary.Question:
        if prompt.kind == "select":
            return questionary.select(
                "",
                choices=list(prompt.choices),
                default=prompt.default,
                style=STYLE,
                qmark="›",
                instruction=" ",
                # A letter goes to the choice it starts, j and k as any (prompt_keys):
                # vim's moves took them, a German guest's "k" for "Kondensator" moving
                # the pointer up to another choice, given unseen with Enter.
                use_jk_keys=False,
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
                use_jk_keys=False,  # as at a choice: "k" for "Kabel" moved the pointer up
                validate=lambda values: fitted_refusal(prompt.validate(values)),
            )
        return questionary.text(
            "",
            default=str(prompt.default or ""),
            multiline=prompt.kind == "long",
            # A short answer's rows wrapped under its first, as a long answer's lines.
            prompt_continuation=lambda width, *_: " " * width,
            instruction="",
            validate=lambda text: fitted_refusal(prompt.validate(text)),
            style=STYLE,
            qmark="›",
            bottom_toolbar=fitted(self._toolbar(prompt)),
            enable_open_in_editor=True,
            placeholder=dimmed_placeholder(prompt.placeholder) if prompt.placeholder else None,
        )

    def _toolbar(self, prompt: Prompt) -> list[Key]:
        return toolbar_keys(self.text, prompt, editing=self.editing, hosting=self.hosting)

    # -- screens -------------------------------------------------------------------
    def host_part(self, interview: Interview, questionnaire: Questionnaire) -> None:
        self._meet(interview)
        self.hosting = True
        body = self.text["host_body"].format(guest=for_terminal(interview.guest))

        def hosting() -> None:
            self.screen.box(self.text["host_title"], [body], border="host")

        hosting()
        self._above = hosting

    def hand_over(self, interview: Interview, questionnaire: Questionnaire, total: int) -> None:
        self._meet(interview)
        self.hosting = False
        self.screen.clear()
        body: list[Fragments | str | KeysLine] = [
            [("class:question", for_terminal(interview.title))],
            "",
            self._handover(interview, questionnaire, total),
            *self._resumed(interview, questionnaire),
            "",
            *self._keys(questionnaire),
        ]
        welcome = self.text["welcome"].format(guest=for_terminal(interview.guest))
        invitation = self.text["ready_again" if self._begun(interview, questionnaire) else "ready"]

        def welcoming() -> None:
            self.screen.box(welcome, body, border="guest", padding=1)

        def ready() -> str:
            # Wrapped here: prompt_toolkit would cut "commencer" at a narrow terminal's edge.
            return "\n ".join(wrap_text(invitation, self.screen.width - 2))

        welcoming()
        if self.screen.is_terminal:
            question = ready_question(ready)
            # Resized, the terminal had cut the box's rows at its new edge: drawn anew.
            redrawn_when_resized(question.application, self.screen, welcoming)
            self.typed_ahead = terminal.ask(question) or ""

    @staticmethod
    def _begun(interview: Interview, questionnaire: Questionnaire) -> bool:
        """Whether the guest had begun (an answer given, or text kept at a question of
        theirs): the welcome back says "reprendre", not "commencer"."""
        return any(a.given for a in interview.answers) or any(
            questionnaire.field(kept) is None for kept in interview.pending
        )

    def _keys(self, questionnaire: Questionnaire) -> list[KeysLine]:
        """The welcome's keys, each never broken from what it does (the words naming
        keys are those the toolbar names them with); those of long and optional answers
        for a questionnaire that has some (an open one has: the host's questions are
        long, and may be skipped)."""
        text = self.text
        questions = questionnaire.questions
        keys = [text["keys_line"]]
        if questionnaire.open or any(q.type == "long" for q in questions):
            keys.append(text["keys_long"])
        if questionnaire.open or any(not q.required for q in questions):
            keys.append(text["keys_optional"])
        names = key_names(text)
        return [KeysLine(f"  • {said}", names) for said in (*keys, text["keys_followup"])]

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
        return self.text["handover"].format(total=total, plural=plural(total, self.language))

    def _resumed(self, interview: Interview, questionnaire: Questionnaire) -> list[Fragments | str]:
        done = sum(1 for a in interview.answers if a.given)  # as the pause counted them
        if not done:
            return []
        # Follow-ups said apart: "14 answers" under "13 questions" read as a mistake.
        # An open interview says no count of questions, and its host's are follow-ups.
        followups = sum(
            1 for a in interview.answers if a.given and a.followup and not questionnaire.open
        )
        key = "resumed_followups" if followups else "resumed"
        # Said to the guest: "1 réponse", "3 réponses" (with follow-ups, there are two).
        among = self.text["followups_one" if followups == 1 else "followups_many"]
        shown = self.text[key].format(
            done=done,
            followups=among.format(followups=followups),
            plural=plural(done, self.language),
        )
        return ["", [("class:notice", shown)]]

    @_ctrl_c_pauses()
    def review(self, interview: Interview, rows: list[tuple[str, str, str]]) -> str | None:
        from jeudis.prompt_review import pick_to_change

        self.current_id = None
        keys = toolbar_keys(self.text, None, editing=self.editing)
        return pick_to_change(self.console, self.screen, self.text, rows, keys)

    def paused(self, interview: Interview, answered: int, *, too_large: bool = False) -> None:
        """A pause (Ctrl-C, Ctrl-D), said to whoever paused: the guest, most often.
        Where the draft is and how to resume are said to the host, by the CLI.
        ``too_large``: what was being typed was not kept, the draft keeping what was
        kept of it before, if anything."""
        self._meet(interview)
        said = self.text["paused"] if answered else self.text["paused_none"]
        said = said.format(done=answered, plural=plural(answered, self.language))
        if too_large:
            before = interview.pending.get(self.current_id or "")
            said += "\n" + self.text["paused_too_large" if before else "paused_too_large_none"]
        self.screen.line()
        self.screen.wrapped([("class:notice", said)])

    def thanks(self, interview: Interview) -> None:
        from rich.panel import Panel

        from jeudis.rich_cells import laid_out, print_laid_out
        from jeudis.textsafe import markup_escape as escape

        host = interview.host or self.text["your_host"]
        body = self.text["thanks_body"].format(host=for_terminal(host))
        title = self.text["thanks"].format(guest=for_terminal(interview.guest))
        self.console.print()
        print_laid_out(
            self.console,
            Panel(
                escape(laid_out(body)),
                title=escape(laid_out(title)),
                title_align="left",
                border_style="green",
                padding=(1, 2),
                width=self.screen.width,  # as wide as the welcome box
            ),
        )
