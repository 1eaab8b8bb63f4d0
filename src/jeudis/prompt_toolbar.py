"""The keys' toolbar under each prompt of the live session: which keys, and how they fit.

Every prompt has one, a choice as a typed answer, the review's list too: the key
that gives the answer, Page↑ (or Shift-Tab) where it goes back, the editor in a long
answer, the host's Ctrl-F, and how to pause, each only where it does something,
worded alike (:mod:`jeudis.prompter_text`). On a narrow or a short terminal the
toolbar takes fewer rows, so that the answer keeps its own: shorter wordings first,
Shift-Tab left unsaid in the shortest, then the keys least needed left out (the
editor, the follow-up, then Page↑), those kept in the longest wordings that fit.
Before Page↑ is, the keys left are said in their fewest words ("Entrée OK · Page↑
préc. · Ctrl-C pause", the one row of a 40 × 12 terminal): the guest who cannot see
it cannot go back. How to finish and how to pause are always there, and no key is
ever cut.

Imported with :mod:`jeudis.prompter`, by the commands that run a session only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import is_done, renderer_height_is_known
from prompt_toolkit.layout import ConditionalContainer, Dimension, HSplit, Window
from prompt_toolkit.layout.controls import FormattedTextControl

from jeudis.graphemes import width as cells
from jeudis.prompt_keys import finishing
from jeudis.prompt_layout import packed
from jeudis.prompts import Prompt
from jeudis.screen import keys_wrapped

# How soon a key is left out of a toolbar with no room for it: the higher, the sooner.
_BACK, _FOLLOWUP, _EDITOR = 1, 2, 3

# The rows a toolbar takes at most, and at most on a terminal shorter than SHORT (the
# rows how to finish and how to pause need, if they need more).
ROWS, SHORT = 2, 16


@dataclass(frozen=True)
class Key:
    """A key of the toolbar: what it says, the longest first (``"Page↑ ou Maj-Tab :
    question précédente"``, ``"Page↑ ou Maj-Tab : précédente"``, then ``"Page↑ :
    précédente"``); ``spare``: 0 for a key always shown, else how soon it is left
    out where there is no room for it; ``tight``: the last of ``said`` is its fewest
    words (``"Page↑ préc."``), said only where Page↑ would be left out otherwise."""

    said: tuple[str, ...]
    spare: int = 0
    tight: bool = False
    escape_first: bool = False  # Échap then Entrée: said without Échap once it is pressed

    @property
    def usual(self) -> tuple[str, ...]:
        """What it says, its fewest words aside."""
        return self.said[:-1] if self.tight else self.said

    def escaped(self) -> Key:
        """The key once Échap is pressed, Entrée alone left to press ("Entrée :
        terminer"): each wording names Échap first."""
        if not self.escape_first:
            return self
        return replace(self, said=tuple(s.split(" ", 1)[-1] for s in self.said))


def toolbar_keys(
    text: dict[str, str], prompt: Prompt | None, *, editing: bool = False, hosting: bool = False
) -> list[Key]:
    """The keys of ``prompt`` (None: the review's list), only those that do something
    there; ``text``: the session's messages, ``editing``: in ``jeudis edit``,
    ``hosting``: in the host's part.

    Page↑ does nothing on a follow-up, an open interview's question or the first
    question; Ctrl-F in the host's part nothing but validate. At the review, Page↑
    changes the last answer, Ctrl-C pauses (in ``jeudis edit``, it ends the changes).
    """

    def key(name: str, spare: int = 0, *, escape_first: bool = False) -> Key:
        said = [text[name]]
        # Cut at the comma of what it does, not of its keys ("Ctrl-C, Page↑ ou Maj-Tab").
        keys, colon, does = said[0].partition(":")
        if "," in does:  # "annuler, rien n’est changé": "annuler"
            said.append(keys + colon + does.split(",")[0])
        said += [text[f"{name}{s}"] for s in ("_short", "_shorter") if f"{name}{s}" in text]
        if tight := f"{name}_tight" in text:
            said.append(text[f"{name}_tight"])
        return Key(tuple(said), spare, tight, escape_first)

    if prompt is None:
        keys = [key("toolbar_choose")]
        if not editing:  # in jeudis edit, the review comes first: no question before it
            keys.append(key("toolbar_back", _BACK))
        return [*keys, key("toolbar_quit" if editing else "toolbar_pause")]
    long = prompt.kind == "long"
    if editing:
        keys = [key("toolbar_save_long" if long else "toolbar_save", escape_first=long)]
    else:
        keys = [key("toolbar_finish" if long else "toolbar_next", escape_first=long)]
        if prompt.can_go_back:
            keys.append(key("toolbar_back_review" if prompt.from_review else "toolbar_back", _BACK))
    if long:
        keys.append(key("toolbar_editor", _EDITOR))
    if not hosting:
        keys.append(key("toolbar_followup", _FOLLOWUP))
    return [*keys, key("toolbar_cancel" if editing else "toolbar_pause")]


def key_names(text: dict[str, str]) -> frozenset[str]:
    """The words the toolbar names keys with in ``text`` (those before a colon:
    "Page↑", "ou", "Maj-Tab"), for a line of keys wrapped never after one."""
    names: set[str] = set()
    for name, said in text.items():
        keys, colon, _ = said.partition(":")
        if name.startswith("toolbar_") and colon:
            names.update(word.strip(",") for word in keys.split())
    return frozenset(names)


def writing_keys(text: dict[str, str], *, editing: bool = False) -> list[Key]:
    """The keys where the host writes a question: no Page↑, no follow-up to it. In
    ``jeudis edit``, Ctrl-C gives up the follow-up, the answer changed kept."""
    return [
        Key((text["toolbar_next"],)),
        Key((text["toolbar_drop" if editing else "toolbar_pause"],)),
    ]


def fit_keys(keys: Sequence[Key], columns: int, rows: int) -> list[str]:
    """The toolbar's lines on a terminal of ``columns`` × ``rows``, each of fewer than
    ``columns - 1`` cells, broken between keys.

    It takes :data:`ROWS` at most (one on a terminal shorter than :data:`SHORT`):
    all the keys if they fit, else in shorter wordings (the shortest without
    Shift-Tab beside Page↑), else without the keys least needed, the others in the
    longest wordings that then fit; Page↑ last, once even the fewest words leave it
    no room. The keys always shown take the rows they need; one wider than the
    terminal is broken between words.
    """
    room = columns - 1
    spares = sorted({k.spare for k in keys if k.spare}, reverse=True)
    tried = _wordings(keys)
    for left_out in spares:  # the editor, then the follow-up too, then Page↑ too
        if left_out == _BACK:  # before Page↑ is, every key in its fewest words
            tried.append([k.said[-1] for k in keys if k.spare <= _BACK])
        tried += _wordings([k for k in keys if not k.spare or k.spare < left_out])
    most = max(1 if rows < SHORT else ROWS, len(_lines(tried[-1], room)))
    return next(lines for items in tried if len(lines := _lines(items, room)) <= most)


def _wordings(keys: Sequence[Key]) -> list[list[str]]:
    """``keys`` said in their usual wordings, the longest first, then each shorter."""
    wordings = max((len(k.usual) for k in keys), default=1)
    return [[k.usual[min(i, len(k.usual) - 1)] for k in keys] for i in range(wordings)]


def _lines(items: list[str], room: int) -> list[str]:
    """``items`` packed into lines of fewer than ``room`` cells (see :func:`packed`)."""
    lines = packed(" · ".join(items), room)
    return [
        "".join(part for _, part in row)
        for line in lines
        for row in (keys_wrapped(line, room - 1) if cells(line) >= room else [[("", line)]])
    ]


def fitted(keys: Sequence[Key]) -> Callable[[], str]:
    """The toolbar, fitted to the terminal as it is when drawn (a prompt's
    ``bottom_toolbar``): one cell in from the left, as the answer is.

    Once Échap is pressed in a long answer, it says that Entrée finishes it: nothing
    else on the screen changes, and a guest who pressed it for the first time could
    not tell whether it was taken."""

    def lines() -> str:
        app = get_app()
        size = app.output.get_size()
        shown = [k.escaped() for k in keys] if finishing(app.current_buffer) else keys
        return "\n".join(" " + line for line in fit_keys(shown, size.columns, size.rows))

    return lines


def toolbar_under_choices(app: Application[Any], toolbar: Callable[[], str]) -> None:
    """A list's toolbar on the terminal's bottom rows, as a typed answer's is.

    questionary gives a list no toolbar of its own: one given to it is drawn on
    the question's line, above the choices. The rows between the choices (and a
    refusal under them) and the toolbar are left blank.
    """
    container = app.layout.container
    assert isinstance(container, HSplit)  # questionary's: question, choices, refusal
    shown = Window(
        FormattedTextControl(toolbar, style="class:bottom-toolbar.text"),
        style="class:bottom-toolbar",
        dont_extend_height=True,
        height=Dimension(min=1),
    )
    container.children.append(
        ConditionalContainer(HSplit([Window(), shown]), filter=~is_done & renderer_height_is_known)
    )
