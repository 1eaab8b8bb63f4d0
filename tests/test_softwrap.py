"""Word wrap of the text being typed: the rows laid out, and drawn by prompt_toolkit.

:func:`drawn_by_prompt_toolkit` renders a real prompt_toolkit window (its own
wrapping at the edge, its own cursor) into a screen in memory: what these tests
read is what a terminal would show, the prompt's mark at the left of the first
row and its continuation at the left of the others.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import Application
from prompt_toolkit.application.current import set_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.layout import Layout
from prompt_toolkit.layout.containers import Window
from prompt_toolkit.layout.controls import BufferControl
from prompt_toolkit.layout.mouse_handlers import MouseHandlers
from prompt_toolkit.layout.processors import AfterInput
from prompt_toolkit.layout.screen import Screen, WritePosition
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.utils import get_cwidth

from jeudis import graphemes
from jeudis.graphemes import TAB_CELLS, EmojiWidths, cluster_end, next_boundary, previous_boundary
from jeudis.softwrap import SoftWrap
from jeudis.softwrap_rows import relaid, rows

MARK, MORE = "›  ", "   "  # what a long answer's prompt draws left of its rows
SENTENCE = (
    "Depuis mars 2007, quand une amie m'a parlé de cette drôle de "
    "conversation permanente entre inconnus."
)


@dataclass
class Drawn:
    """A prompt drawn: its rows as a terminal shows them, and where the cursor is."""

    rows: list[str]
    cursor: tuple[int, int]  # (row, column)
    wrap: SoftWrap
    buffer: Buffer
    window: Window
    app: Application[None]
    screen: Screen

    def at_cursor(self) -> str:
        """The text of the cursor's row left of the cursor."""
        row, column = self.cursor
        return cells_left(self.rows[row], column)

    def redraw(self, width: int | None = None) -> Drawn:
        return _draw(self.app, self.wrap, width or self.width)

    def at(self, cursor: int) -> Drawn:
        """Drawn again, the cursor at ``cursor``."""
        self.buffer.cursor_position = cursor
        return self.redraw()

    @property
    def width(self) -> int:
        info = self.window.render_info
        assert info is not None
        return info.window_width


def cells_left(row: str, column: int) -> str:
    """The characters of ``row`` in its first ``column`` cells."""
    used, kept = 0, ""
    for char in row:
        if used >= column and get_cwidth(char):  # an accent is in its letter's cell
            break
        used += get_cwidth(char)
        kept += char
    return kept


def drawn_by_prompt_toolkit(
    text: str,
    width: int,
    cursor: int | None = None,
    *,
    more: str = MORE,
    wrapped: bool = True,
    placeholder: str = "",
) -> Drawn:
    buffer = Buffer(document=Document(text, len(text) if cursor is None else cursor))
    control = BufferControl(buffer)
    if placeholder:
        control.input_processors = [AfterInput(placeholder)]

    def prefix(lineno: int, row: int) -> list[tuple[str, str]]:
        return [("", MARK if (lineno, row) == (0, 0) else more)]

    window = Window(control, wrap_lines=True, get_line_prefix=prefix)
    wrap = SoftWrap(window, buffer)
    if wrapped:
        control.input_processors = [*(control.input_processors or []), wrap.processor]
    with create_pipe_input() as keys:  # no keys read: the window is drawn, not run
        app: Application[None] = Application(
            layout=Layout(window), input=keys, output=DummyOutput()
        )
    return _draw(app, wrap, width)


def _draw(app: Application[None], wrap: SoftWrap, width: int) -> Drawn:
    window = wrap.window

    async def draw() -> tuple[Screen, int]:  # a buffer loads its history in a task
        with set_app(app):
            height = window.preferred_height(width, 10_000).preferred
            screen = Screen()
            position = WritePosition(0, 0, width, height)
            window.write_to_screen(screen, MouseHandlers(), position, "", False, None)
            return screen, height

    screen, height = asyncio.run(draw())
    shown = [
        "".join(screen.data_buffer[y][x].char for x in range(width)).rstrip() for y in range(height)
    ]
    point = screen.get_cursor_position(window)
    return Drawn(shown, (point.y, point.x), wrap, wrap.buffer, window, app, screen)


def row_texts(drawn: Drawn) -> list[str]:
    """The rows without the prompt's mark and continuation."""
    return [row[len(MARK) :] for row in drawn.rows]


# -- the rows ---------------------------------------------------------------------------


def test_a_word_that_does_not_fit_moves_whole_to_the_next_row() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 21)
    assert drawn.rows == [
        "›  Depuis mars 2007,",
        "   quand une amie",
        "   m'a parlé de",
        "   cette drôle de",
        "   conversation",
        "   permanente entre",
        "   inconnus.",
    ]
    assert drawn.at_cursor() == "   inconnus."


def test_prompt_toolkit_alone_cuts_the_words_at_the_edge() -> None:
    """What the guest saw before: the check above would fail without the wrap."""
    alone = drawn_by_prompt_toolkit(SENTENCE, 20, wrapped=False)
    assert alone.rows[:2] == ["›  Depuis mars 2007,", "    quand une amie m"]
    wrapped = drawn_by_prompt_toolkit(SENTENCE, 20)
    assert [row.split() for row in row_texts(wrapped)] == [
        ["Depuis", "mars"],
        ["2007,", "quand", "une"],
        ["amie", "m'a", "parlé"],
        ["de", "cette", "drôle"],
        ["de", "conversation"],
        ["permanente", "entre"],
        ["inconnus."],
    ]


def test_the_rows_hold_the_text_as_typed_but_the_spaces_at_the_breaks() -> None:
    typed = "  Deux espaces   au milieu,\tune tabulation, des     espaces à la coupure" + " " * 20
    shown = row_texts(drawn_by_prompt_toolkit(typed, 23))
    assert shown == [
        "  Deux espaces   au",
        "milieu,    une",  # a tab, drawn as blanks
        "tabulation, des",
        "espaces à la",
        "coupure",
        "",  # the spaces after it hang past the edge; the cursor after them is here
    ]


def test_a_tab_is_drawn_as_blanks_and_kept_in_the_text() -> None:
    """A list pasted with tabs reads indented; prompt_toolkit drew "^I"."""
    typed = "Deux usages :\n\t- la veille ;\n\t\t- le partage"
    drawn = drawn_by_prompt_toolkit(typed, 30, cursor=typed.index("- la"))
    assert row_texts(drawn) == ["Deux usages :", "    - la veille ;", "        - le partage"]
    assert drawn.cursor == (1, len(MORE) + TAB_CELLS)  # after the tab: past its blanks
    assert drawn.at(typed.index("- la") - 1).cursor == (1, len(MORE))  # before it
    assert drawn.buffer.text == typed
    alone = drawn_by_prompt_toolkit(typed, 30, wrapped=False)
    assert alone.rows[1] == "   ^I- la veille ;"


def test_the_cursor_moves_over_a_tab_in_the_cells_it_is_drawn_in() -> None:
    typed = "\tab\n\tcd"
    drawn = drawn_by_prompt_toolkit(typed, 20, cursor=3)  # after "ab"
    assert drawn.cursor == (0, len(MARK) + TAB_CELLS + 2)
    assert drawn.wrap.vertically(1)
    assert drawn.buffer.cursor_position == len(typed)  # after "cd", under "ab"'s end
    drawn.buffer.cursor_position = 4 + 1  # after the second line's tab
    assert drawn.wrap.vertically(-1)
    assert drawn.buffer.cursor_position == 1  # after the first line's tab, not in "ab"


@pytest.mark.parametrize("width", range(4, 31))
def test_rows_with_tabs_are_laid_out_in_the_cells_drawn(width: int) -> None:
    """Tabs take their cells in the rows laid out as on the screen: no row passes the
    edge (the window would wrap it again), the cursor is on the character after it."""
    typed = "Liste :\n\t- un mot\n\t\t- deux\tmots\tici et\tlà"
    first = drawn_by_prompt_toolkit(typed, width, 0)
    places = []
    for at in range(len(typed) + 1):
        drawn = first.at(at)
        row, column = drawn.cursor
        assert column < width or at == len(typed)
        if at < len(typed) and typed[at] not in " \t\n":
            assert drawn.rows[row][column] == typed[at], (at, drawn.rows)
        places.append(drawn.cursor)
    assert places == sorted(places)
    laid = [len(kept[3]) for kept in first.wrap._laid.values()]
    assert len(first.rows) == sum(laid)  # the window wrapped no row of its own
    assert all(len(row) <= width for row in first.rows)


def test_a_word_longer_than_a_row_is_cut_at_the_edge() -> None:
    drawn = drawn_by_prompt_toolkit("le mot anticonstitutionnellement", 16)
    assert row_texts(drawn) == ["le mot", "anticonstitu", "tionnellemen", "t"]


def test_spaces_at_a_break_stay_at_the_end_of_the_row() -> None:
    # "2007," leaves the row's last cell: one space is drawn there, the others hang
    # past the edge.
    drawn = drawn_by_prompt_toolkit("Depuis mars 2007,    quand", 21, cursor=21)
    assert row_texts(drawn) == ["Depuis mars 2007,", "quand"]
    # The cursor on a space past the edge is where the next character goes: the next row.
    assert drawn.cursor == (1, len(MORE))
    # After "2007,": in the last cell, kept for it.
    assert drawn.at(17).cursor == (0, 20)


def test_a_space_typed_at_the_edge_puts_the_cursor_on_the_next_row() -> None:
    drawn = drawn_by_prompt_toolkit("Depuis mars 2007, ab ", 21)
    assert row_texts(drawn) == ["Depuis mars 2007,", "ab"]
    assert drawn.cursor == (1, len(MORE) + 3)
    full = drawn_by_prompt_toolkit("Depuis mars 2007, a ", 23)  # "a" a cell before the edge
    assert row_texts(full) == ["Depuis mars 2007, a", ""]
    assert full.cursor == (1, len(MORE))
    assert full.at(19).cursor == (0, 22)  # after "a", before the space: in the last cell


def test_a_question_mark_stays_with_its_word() -> None:
    """As everything jeudis prints: no row starts on "?", none ends on "«"."""
    drawn = drawn_by_prompt_toolkit("Tu veux savoir pourquoi ? Eh « bien » non", 20)
    assert row_texts(drawn) == ["Tu veux savoir", "pourquoi ? Eh", "« bien » non"]


def test_wide_characters_take_two_cells() -> None:
    drawn = drawn_by_prompt_toolkit("Les rencontres 😉 et 日本語の本", 21)
    assert row_texts(drawn) == ["Les rencontres 😉", "et 日本語の本"]
    # One cell left at the edge: a wide character of a word cut goes to the next row.
    cut = drawn_by_prompt_toolkit("a 日本語の本を読みました", 12)
    assert row_texts(cut) == ["a", "日本語の", "本を読み", "ました"]  # 9 cells a row
    assert cut.at_cursor() == "   ました"


def test_an_accent_that_combines_takes_no_cell_and_stays_with_its_letter() -> None:
    decomposed = "Cafe\u0301 cre\u0300me bru\u0302le\u0301e"  # as macOS pastes names
    drawn = drawn_by_prompt_toolkit(decomposed, 3 + 11)
    assert row_texts(drawn) == ["Cafe\u0301 cre\u0300me", "bru\u0302le\u0301e"]
    one_row = drawn_by_prompt_toolkit("abcdef cafe\u0301", 3 + 12)  # 11 cells, and the cursor
    assert row_texts(one_row) == ["abcdef cafe\u0301"]
    assert one_row.cursor == (0, len(MARK) + 11)


def test_the_rows_follow_the_prompt_s_prefix() -> None:
    """A one-line answer's rows after the first have no continuation: the full width."""
    drawn = drawn_by_prompt_toolkit(SENTENCE, 21, more="")
    assert drawn.rows == [
        "›  Depuis mars 2007,",
        "quand une amie m'a",
        "parlé de cette drôle",
        "de conversation",
        "permanente entre",
        "inconnus.",
    ]


def test_a_placeholder_is_wrapped_too() -> None:
    drawn = drawn_by_prompt_toolkit("", 20, placeholder="Par exemple : depuis toujours")
    assert row_texts(drawn) == ["Par exemple :", "depuis toujours"]
    assert drawn.cursor == (0, len(MARK))


def test_paragraphs_are_wrapped_each() -> None:
    text = "Trois usages, surtout :\n\n- la veille ;\n- le partage de liens 😉"
    drawn = drawn_by_prompt_toolkit(text, 20)
    assert row_texts(drawn) == [
        "Trois usages,",
        "surtout :",
        "",
        "- la veille ;",
        "- le partage de",
        "liens 😉",
    ]


def test_a_resized_terminal_rewraps_the_text() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 40)
    assert row_texts(drawn)[0] == "Depuis mars 2007, quand une amie m'a"
    narrower = drawn.redraw(21)
    assert row_texts(narrower)[:2] == ["Depuis mars 2007,", "quand une amie"]
    assert narrower.at_cursor() == "   inconnus."


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 10),
        ("     ", 6),  # spaces only, more than a row
        ("😉😉", 4),  # one cell for a wide character
        ("abc", 3),  # no cell left of the prompt's mark
        ("abc", 1),
        ("\u0301\u0301 \u0301x", 8),  # accents with no letter
        ("a\x01b\tc" * 3, 8),  # control characters, drawn "^A", "^I"
        ("👨\u200d👩\u200d👧 famille", 9),  # joined emoji
    ],
)
def test_odd_text_and_widths_are_drawn_without_failing(text: str, width: int) -> None:
    drawn = drawn_by_prompt_toolkit(text, width)
    for cursor in range(len(text) + 1):
        drawn.at(cursor)
    assert drawn.buffer.text == text


def test_a_key_pressed_lays_out_again_only_the_paragraph_it_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every paragraph was laid out again at each key press, twice: an answer of many
    paragraphs took twice as long to draw as without word wrap."""
    from jeudis import softwrap, softwrap_rows

    laid: list[str] = []
    lay_out = softwrap_rows.rows
    for module in (softwrap, softwrap_rows):  # the prompt's first layout, relaid's fallback
        monkeypatch.setattr(
            module, "rows", lambda line, room: laid.append(line) or lay_out(line, room)
        )
    text = "\n\n".join(f"Paragraphe {n} : {SENTENCE}" for n in range(20))
    drawn = drawn_by_prompt_toolkit(text, 40, cursor=text.index("Paragraphe 7"))
    lines = text.split("\n")
    assert len(laid) == len(lines)  # each line once, not once for its height and again
    laid.clear()
    drawn.buffer.insert_text("X")
    typed = drawn.redraw()
    assert laid == [f"XParagraphe 7 : {SENTENCE}"]
    assert typed.at_cursor() == "   X"
    laid.clear()
    drawn.redraw(30)  # a resize lays out every line anew
    assert len(laid) == len(lines)
    assert drawn.redraw().rows == drawn_by_prompt_toolkit(drawn.buffer.text, 30).rows


# Pieces a paragraph is typed of: words, a word longer than any row, marks no row starts
# or ends on, wide characters, accents that combine (after a letter, or after a space).
PIECES = st.sampled_from(
    [
        *("le", "mot", "été,", "a", "conversation", "anticonstitutionnellement" * 2),
        *("?", "!", "«", "»", ":", "?!", "😉", "日本語", "e\u0301", "\u0301", "\u0301\u0301"),
        *(" ", " ", " ", "  ", "     "),
    ]
)
LINES = st.lists(PIECES, max_size=60).map("".join)
EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000),  # where, of the line's length + 1
        st.integers(0, 12),  # characters deleted there
        LINES.map(lambda text: text[:12]),  # inserted
        st.booleans(),  # at the very end, as when typing
    ),
    min_size=1,
    max_size=12,
)


@given(
    line=LINES,
    edits=EDITS,
    first=st.integers(1, 30),
    rest=st.integers(1, 30),
)
@example(  # "???" was glued to "bb", and the two did not fit on the first row; "????" is not
    line="aaaa bb ??? cc", edits=[(11, 0, "?", False)], first=10, rest=10
)
@settings(max_examples=300, deadline=None)
def test_a_line_changed_is_laid_out_again_as_from_scratch(
    line: str, edits: list[tuple[int, int, str, bool]], first: int, rest: int
) -> None:
    """Only the rows from the change on are laid out again: kept or not, every row is
    the one :func:`rows` lays out for the whole line."""

    def room(row: int) -> int:  # the prompt's mark on the first row, its continuation after
        return first if row == 0 else rest

    laid = rows(line, room)
    for where, deleted, inserted, at_end in edits:
        at = len(line) if at_end else where % (len(line) + 1)
        changed = line[:at] + inserted + line[at + deleted :]
        laid = relaid(line, laid, changed, room)
        line = changed
        assert laid == rows(line, room), line


def test_a_letter_typed_at_the_end_lays_out_only_the_last_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Typing at the end of a long paragraph laid it all out again at each letter:
    a key press took twice the time of prompt_toolkit's alone."""
    from jeudis import softwrap_rows

    units: list[int] = []
    every_unit = softwrap_rows._units
    monkeypatch.setattr(
        softwrap_rows, "_units", lambda line, at=0: units.append(at) or every_unit(line, at)
    )
    line = " ".join([SENTENCE] * 20)
    laid = rows(line, lambda row: 40)
    units.clear()
    typed = relaid(line, laid, line + "s", lambda row: 40)
    assert units and min(units) > len(line) - 80  # from the last rows only
    assert typed == rows(line + "s", lambda row: 40)


# -- the cursor, wherever it is -----------------------------------------------------------

WORDS = st.sampled_from(
    [
        *("le", "mot", "conversation", "anticonstitutionnellement", "a", "été,"),
        *("café", "cafe\u0301", "😉", "日本語"),  # an accent that combines, wide characters
        *("?", "«", "»"),  # marks no row starts on
    ]
)
TEXTS = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "    "])),
    max_size=30,
).map(lambda parts: "".join(word + gap for word, gap in parts))


@given(text=TEXTS, width=st.integers(8, 40), more=st.sampled_from(["", "   "]))
@settings(max_examples=50, deadline=None)
def test_no_row_ends_mid_word_and_the_cursor_is_where_the_next_character_goes(
    text: str, width: int, more: str
) -> None:
    # Where the cursor is drawn at each place of the text: on the character there.
    places = []
    first = drawn_by_prompt_toolkit(text, width, 0, more=more)
    for at in range(len(text) + 1):
        drawn = first.at(at)
        row, column = drawn.cursor
        assert (row, column) != (0, 0)  # prompt_toolkit's answer for a cursor it lost
        assert column < width or at == len(text)
        if at < len(text) and text[at] not in " \n" and get_cwidth(text[at]):
            cell = cells_left(drawn.rows[row], column + 1)[len(drawn.at_cursor()) :]
            assert cell.startswith(text[at]), (at, drawn.rows, drawn.cursor)
        places.append(drawn.cursor)
    assert places == sorted(places)
    # Two letters of a word on two rows: only a word wider than any row.
    for at in range(len(text) - 1):
        if " " in text[at : at + 2] or "\n" in text[at : at + 2]:
            continue
        if places[at][0] != places[at + 1][0] and get_cwidth(text[at + 1]):
            start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
            word = re.match(r"[^ \n]*", text[start:])
            assert word is not None
            # Words take all of a row's cells but the last (the cursor's).
            assert get_cwidth(word.group()) > width - len(MARK) - 1, f"{word.group()!r} cut"


# -- the keys that follow the rows ---------------------------------------------------------


@given(text=TEXTS, width=st.integers(8, 40))
@settings(max_examples=25, deadline=None)
def test_up_and_down_move_one_row_drawn_from_anywhere(text: str, width: int) -> None:
    first = drawn_by_prompt_toolkit(text, width, 0)
    for at in range(len(text) + 1):
        row = first.at(at).cursor[0]
        for step in (-1, 1):
            first.buffer.cursor_position = at
            first.wrap.goal = None
            if first.wrap.vertically(step):
                assert first.redraw().cursor[0] == row + step
            else:
                assert row == (0 if step < 0 else len(first.rows) - 1)


def test_up_and_down_move_by_the_rows_drawn() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 21, cursor=SENTENCE.index("ntre"))
    assert drawn.at_cursor() == "   permanente e"
    assert drawn.wrap.vertically(-1)
    assert drawn.redraw().at_cursor() == "   conversation"  # on the space after it
    assert drawn.wrap.vertically(-1)
    assert drawn.redraw().at_cursor() == "   cette drôle "
    assert drawn.wrap.vertically(1)
    assert drawn.wrap.vertically(1)
    assert drawn.redraw().at_cursor() == "   permanente e"  # the column kept, through a short row
    assert drawn.wrap.vertically(1)
    assert drawn.redraw().at_cursor() == "   inconnus."  # a short row: its end
    assert not drawn.wrap.vertically(1)  # the last row: nothing below


def test_up_from_the_first_row_is_not_a_move() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 21, cursor=3)
    assert not drawn.wrap.vertically(-1)
    assert drawn.buffer.cursor_position == 3


def test_up_and_down_cross_paragraphs_row_by_row() -> None:
    text = "Une réponse assez longue pour deux rangs.\n\nEt une autre, bien plus longue encore."
    drawn = drawn_by_prompt_toolkit(text, 21, cursor=text.index("autre"))
    assert drawn.at_cursor() == "   Et une "
    assert drawn.wrap.vertically(-1)
    assert drawn.redraw().cursor == (3, len(MORE))  # the blank line between
    assert drawn.wrap.vertically(-1)
    moved = drawn.redraw()
    assert moved.cursor[0] == 2
    assert moved.at_cursor() == "   rangs."  # the first paragraph's last row, as near as can be
    assert drawn.wrap.vertically(-1)
    assert drawn.redraw().at_cursor() == "   longue "  # the column it started from


def test_up_into_a_one_line_prompt_s_first_row_keeps_the_screen_column() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 21, cursor=SENTENCE.index("une amie"), more="")
    assert drawn.at_cursor() == "quand "
    assert drawn.wrap.vertically(-1)
    assert drawn.redraw().at_cursor() == "›  Dep"


def test_home_and_end_go_to_the_row_s_ends_then_the_paragraph_s() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 21, cursor=SENTENCE.index("une amie"))
    drawn.wrap.end()
    assert drawn.redraw().at_cursor() == "   quand une amie"
    drawn.wrap.end()
    assert drawn.buffer.cursor_position == len(SENTENCE)
    drawn.wrap.home()
    assert drawn.redraw().at_cursor() == "   "
    assert drawn.redraw().cursor[0] == 6
    drawn.wrap.home()
    assert drawn.buffer.cursor_position == 0


def test_the_keys_follow_a_resize() -> None:
    drawn = drawn_by_prompt_toolkit(SENTENCE, 40, cursor=SENTENCE.index("drôle"))
    narrower = drawn.redraw(21)
    assert narrower.at_cursor() == "   cette "
    assert drawn.wrap.vertically(-1)
    assert drawn.redraw().at_cursor() == "   m'a pa"


# -- characters of several code points -----------------------------------------------------

# Each drawn as one character: a flag, skin tone, joined emoji, keycap, heart in colour,
# a letter and the accent that combines with it.
EMOJI = ["🇫🇷", "👍🏽", "👩\u200d💻", "👨\u200d👩\u200d👧", "1\ufe0f\u20e3", "❤\ufe0f", "e\u0301"]


def characters(text: str) -> list[str]:
    """``text`` cut where :func:`cluster_end` says characters end."""
    cut, at = [], 0
    while at < len(text):
        end = cluster_end(text, at)
        cut.append(text[at:end])
        at = end
    return cut


def test_a_character_of_several_code_points_is_one() -> None:
    text = "a" + "".join(EMOJI) + "🇫🇷🇩🇪 z"  # two flags in a row: two characters
    assert characters(text) == ["a", *EMOJI, "🇫🇷", "🇩🇪", " ", "z"]
    places = [0]
    for character in characters(text):
        places.append(places[-1] + len(character))
    for before, after in itertools.pairwise(places):
        assert next_boundary(text, before) == after
        assert previous_boundary(text, after) == before
    assert next_boundary(text, len(text)) == len(text) and previous_boundary(text, 0) == 0


@pytest.mark.parametrize("emoji", EMOJI)
def test_a_word_longer_than_a_row_is_never_cut_inside_a_character(emoji: str) -> None:
    """Cut by code point, a row ended on half a flag, or on a joiner and the next row
    started on the emoji it joined."""
    word = emoji * 12
    for width in range(cells(emoji), 15):  # narrower: see the test of a character wider
        laid = rows(word, lambda row, width=width: width)  # type: ignore[misc]
        assert all(row.start % len(emoji) == 0 for row in laid), (width, laid)


@pytest.mark.parametrize("emoji", EMOJI)
def test_up_and_down_never_land_inside_a_character(emoji: str) -> None:
    """Up and Down go to the column they started from or the nearest before, a
    character's start: inside it, a letter typed split the emoji in two."""
    text = "a" * 30 + " " + "b" + emoji * 12
    for width in range(8, 20):
        drawn = drawn_by_prompt_toolkit(text, width, 0)
        for column in range(len(text) + 1):
            for step in (-1, 1):
                drawn.buffer.cursor_position = column
                drawn.wrap.goal = None
                if drawn.wrap.vertically(step):
                    at = drawn.buffer.cursor_position - 32
                    assert at < 0 or at % len(emoji) == 0, (width, column, step)


# -- the cells the terminal draws a character in ----------------------------------------

# As kitty, WezTerm, foot, iTerm2 draw them: each character in two cells.
JOINING = EmojiWidths(selected=2, toned=2, joined=2, flag=2, half_flag=2)
TMUX_3_3 = EmojiWidths(selected=1, toned=4, joined=2, flag=2, half_flag=1)  # as tmux 3.3a
cells = graphemes.width


@pytest.fixture
def terminal_draws() -> Iterator[Callable[[EmojiWidths | None], None]]:
    """Sets how the terminal draws emoji (as it answered), for the test only."""
    yield graphemes.use_emoji_widths
    graphemes.use_emoji_widths(None)


def test_the_cells_of_a_character_are_the_terminal_s(
    terminal_draws: Callable[[EmojiWidths], None],
) -> None:
    as_prompt_toolkit = [cells(emoji) for emoji in EMOJI]
    assert as_prompt_toolkit == [sum(get_cwidth(char) for char in emoji) for emoji in EMOJI]
    terminal_draws(JOINING)
    assert [cells(emoji) for emoji in EMOJI] == [2, 2, 2, 2, 2, 2, 1]
    terminal_draws(TMUX_3_3)
    assert [cells(emoji) for emoji in EMOJI] == [2, 4, 2, 2, 1, 1, 1]
    # A joiner or a skin tone after a letter joins nothing; nor a selector after "é".
    assert cells("a\u200db a\U0001f3fd e\u0301\ufe0f 漢字") == 2 + 1 + 3 + 1 + 1 + 1 + 4


@pytest.mark.parametrize(
    ("widths", "shown"),
    [
        (None, ["👍", "🏽", "👩\u200d", "💻"]),  # as prompt_toolkit counts them: four cells
        (TMUX_3_3, ["👍", "🏽", "👩\u200d💻"]),  # 👍 and 🏽 two cells each, 👩‍💻 two
        (JOINING, ["👍🏽", "👩\u200d💻"]),
    ],
)
def test_a_character_wider_than_a_row_is_cut_where_the_terminal_draws_it_apart(
    terminal_draws: Callable[[EmojiWidths], None], widths: EmojiWidths | None, shown: list[str]
) -> None:
    """👍🏽 in tmux, drawn as 👍 and 🏽 of two cells each: kept whole on a row of three
    cells, the window cut it at its edge itself, its rows were no longer those laid
    out, and the cursor was drawn rows away from the text, or nowhere. A character
    the terminal draws as one is not cut; the cursor is never inside one."""
    if widths is not None:
        terminal_draws(widths)
    text = "a 👍🏽 👩\u200d💻 b"
    drawn = drawn_by_prompt_toolkit(text, len(MARK) + 3)
    assert row_texts(drawn) == ["a", *shown, "b"]
    places = list(itertools.accumulate(map(len, ["", *characters(text)])))
    for at in places[:-1]:  # the cursor before each character is on it
        row, column = drawn.at(at).cursor
        assert drawn.screen.data_buffer[row][column].char[:1] == text[at], (at, drawn.rows)
    for at in places:  # Up and Down go over the rows inside a character
        for step in (-1, 1):
            drawn.at(at)
            drawn.wrap.goal = None
            if drawn.wrap.vertically(step):
                assert drawn.buffer.cursor_position in places, (at, step)
                assert drawn.buffer.cursor_position != at, (at, step)


def test_a_character_drawn_as_one_wider_than_a_row_is_cut_off_at_the_edge(
    terminal_draws: Callable[[EmojiWidths], None],
) -> None:
    """👩🏽‍💻 in four cells (tmux: 👩🏽 in four, 💻 joined to it) on rows of three: the
    window drew the rest of its stand-in on a row of its own, not laid out, and the
    emoji twice; "b" and the cursor after it were drawn a row below their place."""
    terminal_draws(TMUX_3_3)
    text = "a 👩🏽\u200d💻 b"
    assert cells("👩🏽\u200d💻") == 4
    drawn = drawn_by_prompt_toolkit(text, len(MARK) + 3)
    assert row_texts(drawn) == ["a", "👩🏽\u200d💻", "b"]
    row = drawn.screen.data_buffer[1]
    assert (row[3].char, row[3].width) == ("👩🏽\u200d💻", 3)  # as many cells as the row has
    assert drawn.cursor == (2, len(MORE) + 1)


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_a_skin_tone_after_a_space_is_laid_out_as_one_character_with_it(
    terminal_draws: Callable[[EmojiWidths], None], widths: EmojiWidths
) -> None:
    """A skin tone alone (pasted) is one character with the space before it: laid out
    again from it, as if a word started there, 🏽‍💻 was one emoji of two cells, and
    four from the line's start."""
    terminal_draws(widths)
    line = " 🏽\u200d💻 🇫🇷🇫🇷 "
    changed = line.replace("🇫🇷 ", "🇫🇷🇫🇷 ")
    for width in range(1, 6):
        laid = rows(line, lambda row, width=width: width)  # type: ignore[misc]
        again = relaid(line, laid, changed, lambda row, width=width: width)  # type: ignore[misc]
        assert again == rows(changed, lambda row, width=width: width), width  # type: ignore[misc]


def test_the_terminal_s_answer_is_read_from_where_it_put_the_cursor() -> None:
    assert graphemes.answered([1, 3, 3, 3, 3, 2]) == EmojiWidths(2, 2, 2, 2, 1)
    assert graphemes.answered([1, 3, 3]) is None  # some probes unanswered
    assert graphemes.answered([5, 5, 7, 7, 7, 6]) is None  # a probe drawn in no cell


def test_rows_hold_the_characters_the_terminal_draws(
    terminal_draws: Callable[[EmojiWidths], None],
) -> None:
    """In two cells each, 🇫🇷 and 👩‍💻 take half the room prompt_toolkit counts."""
    text = "Vive 🇫🇷🇫🇷🇫🇷🇫🇷 et 👩\u200d💻👩\u200d💻 ok"
    assert row_texts(drawn_by_prompt_toolkit(text, 3 + 22)) == [
        "Vive 🇫🇷🇫🇷🇫🇷🇫🇷",  # 21 cells as prompt_toolkit counts them
        "et 👩\u200d💻👩\u200d💻 ok",
    ]
    terminal_draws(JOINING)
    assert row_texts(drawn_by_prompt_toolkit(text, 3 + 22)) == [
        "Vive 🇫🇷🇫🇷🇫🇷🇫🇷 et 👩\u200d💻👩\u200d💻",  # 21 cells
        "ok",
    ]


@pytest.mark.parametrize("widths", [JOINING, TMUX_3_3])
def test_a_character_is_drawn_whole_in_the_cells_the_terminal_draws_it_in(
    terminal_draws: Callable[[EmojiWidths], None], widths: EmojiWidths
) -> None:
    """prompt_toolkit wrote each code point on its own, and moved the cursor by the
    cells it counts: by four after 👩‍💻 on a terminal that draws it in two, so the
    cursor was drawn two cells right of the text, and what was drawn after it was
    drawn off by as much."""
    terminal_draws(widths)
    text = "a " + " ".join(EMOJI) + " b"
    drawn = drawn_by_prompt_toolkit(text, 80)
    row = drawn.screen.data_buffer[0]
    shown = characters(text)
    for at, character in zip(itertools.accumulate(map(len, ["", *shown])), shown, strict=False):
        x = len(MARK) + cells(text[:at])  # where the terminal draws it
        if character in EMOJI and cells(character) != sum(map(get_cwidth, character)):
            # Written whole, and prompt_toolkit moves on by the cells the terminal does.
            assert (row[x].char, row[x].width) == (character, cells(character))
        else:  # as prompt_toolkit draws it: a code point, and the accents with it
            assert row[x].char.startswith(character[0]), (character, x)
        assert drawn.at(at).cursor == (0, x)  # the cursor on it
    assert drawn.at(len(text)).cursor == (0, len(MARK) + cells(text))


def test_the_answer_given_keeps_its_characters_cells(
    terminal_draws: Callable[[EmojiWidths], None],
) -> None:
    """Once given, the answer is styled anew ("class:accepted"), each cell made again as
    wide as prompt_toolkit counts it: the answer left on the screen was drawn off."""
    terminal_draws(JOINING)
    drawn = drawn_by_prompt_toolkit("a 👩\u200d💻 b", 20)
    drawn.screen.append_style_to_content("class:accepted")
    row = drawn.screen.data_buffer[0]
    assert (row[5].char, row[5].width, row[7].char) == ("👩\u200d💻", 2, " ")
    assert "class:accepted" in row[5].style


EMOJI_TEXTS = st.lists(
    st.tuples(
        st.lists(st.sampled_from([*EMOJI, "a", "mot", "🇫🇷", "👍🏽", "日"]), min_size=1, max_size=8),
        st.sampled_from([" ", " ", "  ", "\n"]),
    ),
    max_size=12,
).map(lambda parts: "".join("".join(word) + gap for word, gap in parts))


@given(text=EMOJI_TEXTS, width=st.integers(6, 30), widths=st.sampled_from([JOINING, TMUX_3_3]))
# 👍🏽 in tmux (👍 and 🏽, two cells each) on rows of three cells: the window cut it itself.
@example(text="👍🏽👍🏽👍🏽👍🏽 ", width=6, widths=TMUX_3_3)
@example(text="👍🏽🇫🇷 ", width=6, widths=TMUX_3_3)
@settings(max_examples=60, deadline=None)
def test_the_cursor_is_on_the_character_after_it_and_no_row_passes_the_edge(
    text: str, width: int, widths: EmojiWidths
) -> None:
    """Whatever the terminal's cells: a character is drawn whole where the cursor before
    it is, and prompt_toolkit moves on by the cells the terminal does."""
    graphemes.use_emoji_widths(widths)
    try:
        first = drawn_by_prompt_toolkit(text, width, 0)
        for y, row in first.screen.data_buffer.items():  # as prompt_toolkit writes them
            x = 0
            while x < width and any(at >= x for at in row):
                x += max(row[x].width, 1)
            assert x <= width, (y, first.rows)
        at = 0
        while at < len(text):
            drawn = first.at(at)
            row, column = drawn.cursor
            if text[at] not in " \n":  # the character after the cursor is drawn under it
                character = text[at : next_boundary(text, at)]
                cell = drawn.screen.data_buffer[row][column]
                assert cell.char in (character, character[0]), (at, drawn.rows)
                if cell.char == character:  # written whole: in the terminal's cells
                    assert cell.width == cells(character)
            at = next_boundary(text, at)
    finally:
        graphemes.use_emoji_widths(None)
