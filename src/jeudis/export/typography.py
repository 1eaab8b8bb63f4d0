"""Typography, applied to text and never to markup (dates are :mod:`jeudis.wording`'s).

French puts a thin no-break space (U+202F) before ``;`` ``!`` ``?`` and a
no-break space (U+00A0) before ``:`` and inside « guillemets ». Hugo's and
WordPress's typographers do not, so the exporter does it, in HTML and in
Markdown alike, on text only: never in a URL, in code, in an attribute, or
inside an HTML character reference (``&amp;`` ends with a ``;``).

Variants (setting ``typography`` in ``jeudis.toml``):

Every French variant also groups the digits of a number with U+202F
(``4 350`` typed with a space stays whole at the end of a line), and writes an
apostrophe typed between two letters as the typographic one (``L’envie``).

- ``fr``: U+202F before ``;!?``, U+00A0 before ``:`` and inside « ».
- ``fr-CA``: no space before ``;!?``, U+00A0 before ``:`` and inside « ».
- ``fr-CH``: U+202F before ``;!?:`` and inside « ».
- ``off``: text left as written.

No French space is put against a word written from right to left (Arabic, Hebrew,
Syriac, Thaana, N'Ko...): not before a mark after one (``سارة!``), nor inside « »
next to one. Such a guest's paragraph reads from the right (see
:mod:`jeudis.export.bidi`), where a space before its ``!`` would show it apart.

What a keyboard types for the marks it lacks is set as WordPress's typographer
sets it in the post's locale (a French WordPress blog shows « », … and –), in
French and in the other languages jeudis writes posts in (variants ``en``,
``de``, ``de-CH``, ``es``, ``it``, ``nl``, ``pt``, each language's by default,
with no spaces and no digit groups): an apostrophe between letters, three dots
into …, hyphens into dashes (``---`` and a spaced ``--`` into —, ``--`` between
words and a spaced ``-`` into –), and straight quotes paired: double ones into
« » in French, “ ” in English, „ “ in German, « » in Swiss German, and single ones
into ‘ ’, ‚ ‘ and ‹ › in these three (an elision's mark, ``'n'``, ``'s``, ``'90s``,
``Andreas'``, or one opening none that closes, being the apostrophe ’); Spanish,
Italian, Dutch and Portuguese keep the quotes typed, French its single ones. What would
change what a Markdown parser reads is left as typed: a link's title
(``"title"``), a quote after a backslash, a line of hyphens (a rule, a heading's
underline, a table's), a list's marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

from jeudis.errors import UsageError
from jeudis.export.addresses import TRAILING
from jeudis.export.bidi import RTL, first_strong, last_strong, may_rtl
from jeudis.paths import TYPOGRAPHY_VARIANTS as VARIANTS
from jeudis.wording import is_french, post_language, primary_language

NNBSP = "\u202f"
NBSP = "\u00a0"
# What stands for a token while text is fixed: a held piece of Markdown (tokens.HOLD),
# a character reference of HTML.
HELD = "\ue000"


# The languages whose keyboard marks are set, but French; German as Switzerland and
# Liechtenstein write it, with « ».
_MARKED = frozenset({"en", "de", "es", "it", "nl", "pt"})
_SWISS_GERMAN = frozenset({"de-ch", "de-li"})


def variant_for(language: str, setting: object) -> str:
    """The typography variant for a post: the series setting for French posts; for
    the other languages jeudis writes posts in, the language (``en``, ``de``,
    ``de-CH``...) unless the setting is ``off``; ``off`` for any other."""
    if not is_french(language):
        primary = primary_language(language)
        if primary not in _MARKED or setting == "off":
            return "off"
        tag = language.lower().replace("_", "-")
        return "de-CH" if tag[:5] in _SWISS_GERMAN else primary
    if setting is None:
        return "fr-CA" if language.lower().replace("_", "-") == "fr-ca" else "fr"
    if not isinstance(setting, str) or setting not in VARIANTS:
        raise UsageError(
            f"typography = {setting!r} in jeudis.toml", hint="use " + ", ".join(VARIANTS)
        )
    return setting


def series_variant(language: str, settings: Mapping[str, object]) -> str:
    """:func:`variant_for` a post in ``language`` of a series of ``settings`` (jeudis.toml's):
    in the language :func:`~jeudis.wording.post_language` says it is written in."""
    series = str(settings.get("language") or "")
    return variant_for(post_language(language, series), settings.get("typography"))


# Typography works on the text reversed: a space to set goes *before* its mark,
# and reversed, a pattern can open on the mark itself. A pattern that opens on one
# literal character is searched for in C at memchr speed; one opening on a class of
# characters or on a lookbehind is tried at every position, five to ten times slower.
# Every replacement is a plain string, so no Python runs for each match either.
#
# Reading the patterns: in the reversed text R, an original run of marks "x ?!" is
# "!? x": the character before a run in R is the one *after* it in the text, and
# the spaces and the word after it in R are the ones before it.
_SPACE = "[ \t\u00a0\u202f\u2009]"  # spaces a writer may have typed before a mark
# After a run (before it in R), anything but a space, the end or one of these
# characters keeps a mark as it is: "a;b", "10:30", "?x".
_NOT_FOLLOW = '[^\\s)»"”’.,<*_\ue000]'
# In R, after the spaces before a mark: a list's or a quote's marker opening its line
# (``- :``, ``> »``), whose space is the marker's, never the mark's.
_MARKER = "(?:[-*+>]|[.)][0-9]{1,9})(?:[ \t>*+-]|[.)][0-9]{1,9})*(?:\n|$)"
# A lone ; ! or ?, spaces or not before it (after it in R), preceded by a word.
_HIGH_ONE = {
    mark: re.compile(
        f"{re.escape(mark)}(?<!{_NOT_FOLLOW}{re.escape(mark)})"
        f"(?:{_SPACE}+(?=\\S)(?!{_MARKER})|(?=[^\\s;:!?]))"
    )
    for mark in ";!?"
}
# A lone colon ending a clause (a space or the end after it): "Note :".
_COLON_ONE = re.compile(f":(?<!\\S:)(?:{_SPACE}+(?=[^\\s:])(?!{_MARKER})|(?=[^\\s;:!?]))")
# Any run opening (in the text) on ; ! or ?: "?!", "!!!", "?:". Only run when some
# mark was not settled by the patterns above, for it opens on a class.
_HIGH_RUN = re.compile(
    f"(?P<run>[;:!?](?<!{_NOT_FOLLOW}.)[;:!?]*)(?<=[;!?])"
    f"(?:{_SPACE}+(?=\\S)(?!{_MARKER})|(?=[^\\s;:!?]))"
)
_OPEN = re.compile(f"«{_SPACE}*")
# In R: the spaces before a closing », but a line's indentation (``    »`` is code).
_CLOSE = re.compile(f"»(?:{_SPACE}*+)(?!{_MARKER}|\n|$)")


@cache
def _spaces(variant: str) -> tuple[str, str, str]:
    """The space before ;!?, before :, and inside « »."""
    high = "" if variant == "fr-CA" else NNBSP
    colon = NNBSP if variant == "fr-CH" else NBSP
    quote = NNBSP if variant == "fr-CH" else NBSP
    return high, colon, quote


def label_colon(language: str, variant: str) -> str:
    """The colon after a label ("Site :", "Website:"): spaced in French, as the variant spaces it.

    A label is written by jeudis, not by the host: French spaces it even when the
    series' typography is ``off`` (a plain space then, as the host types it).
    """
    if not is_french(language):
        return ":"
    return (" " if variant == "off" else _spaces(variant)[1]) + ":"


def fix_text(text: str, variant: str) -> str:
    """Apply typography to plain text (no markup), URLs left as they are."""
    if variant == "off":
        return text
    spans = _url_spans(text)
    if not spans:
        return _fix_plain(text, variant)
    # Each address held by a mark, as in Markdown: the text around it is fixed whole
    # ("voir https://x.fr ?" spaced in French, as in the post). A mark the text held
    # already stands for itself.
    gaps = [text[a:b] for a, b in _gaps(spans, len(text))]
    held: list[str] = []  # what each mark of the fixed text stands for
    for gap, (start, end) in zip(gaps, spans, strict=False):  # one gap more than spans
        held += [HELD] * gap.count(HELD)
        held.append(text[start:end])
    held += [HELD] * gaps[-1].count(HELD)
    # Pieces and addresses interleaved (a ValueError should typography ever drop a mark).
    woven = [""] * (2 * len(held) + 1)
    woven[0::2] = _fix_plain(HELD.join(gaps), variant).split(HELD)
    woven[1::2] = held
    return "".join(woven)


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of text between ``spans`` (and before and after them)."""
    ends = [0, *(end for _, end in spans)]
    starts = [*(start for start, _ in spans), length]
    return list(zip(ends, starts, strict=True))


_URL_HINT = re.compile(r"://|www\.|mailto:|@")
# What ends an address, as a bare one in Markdown ends (addresses._BARE): a set quote
# too, and a held mark, or a second pass took "x@y.fr «" whole, its space unset.
_URL_STOP = frozenset(" \t\n\r<>\"'()[]\u00a0\u202f«»“”‘’„‚‹›" + HELD)


def _one_address(text: str) -> bool:
    """Whether ``text`` is an address and nothing else: a link's text, as typed
    (``<https://x.fr/a...>``), its dots not a sentence's."""
    return _URL_HINT.search(text) is not None and _URL_STOP.isdisjoint(text)


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs, e-mail addresses and @handles are: from a hint out to the spaces."""
    spans: list[tuple[int, int]] = []
    # Substring tests (C speed) first: most text holds no URL at all. A test for one
    # character runs at memchr speed, ten times quicker than one for several: a text
    # with no ":" holds no "://" nor "mailto:", one with no "w" no "www.".
    if (
        "@" not in text
        and (":" not in text or ("://" not in text and "mailto:" not in text))
        and ("w" not in text or "www." not in text)
    ):
        return spans
    for hint in _URL_HINT.finditer(text):
        start, end = hint.start(), hint.end()
        if spans and start < spans[-1][1]:
            continue
        while start > 0 and text[start - 1] not in _URL_STOP:
            start -= 1
        while end < len(text) and text[end] not in _URL_STOP:
            end += 1
        # Not the marks ending the sentence around it, as the address's link leaves
        # them out: "voir https://x.fr..." has its ellipsis set, in a description as
        # in the post.
        while end > hint.end() and text[end - 1] in TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


# A space between the digit groups of a number ("4 350", "1 234 567"): after one to
# three digits, before three and no more. A year before a number ("en 2011 200
# personnes") is four digits, and stays apart. Opens on the space (memchr speed).
_DIGIT_GROUP = re.compile(r" (?<=[0-9] )(?<![0-9]{4} )(?=[0-9]{3}(?![0-9]))")
# The pattern opens on a space, tried at each one (30 us on a post's answers): a
# long text is first looked through for a digit, ten memchr scans (2 us).
_DIGITS = "0123456789"
_LONG = 256


# An apostrophe between two letters, or a plural's after a number ("the 90's"): the
# typographic one. Not a quote opening or closing a word ('oui'), nor a foot or
# minute mark after a digit (5'30). Opens on the quote itself (memchr speed).
_APOSTROPHE = re.compile(r"'(?:(?<=[^\W\d_]')(?=[^\W\d_])|(?<=[0-9]')(?=s(?![^\W_])))")


def _fix_plain(text: str, variant: str) -> str:
    """The spaces before ; : ! ? and inside « », on text holding no URL.

    A run of marks ("?!") takes one space, before it, when it opens on ; ! or ?,
    follows a word, and ends the clause (a space, the end, or a closing character
    after it); a lone colon takes its space when it ends a clause. Spaces the
    writer typed there are replaced; elsewhere marks are left alone ("10:30").
    """
    if variant not in _FRENCH:
        return _keyboard_marks(text, variant)
    if len(text) < _LONG or any(digit in text for digit in _DIGITS):
        text = _DIGIT_GROUP.sub(NNBSP, text)
    text = _keyboard_marks(text, variant)
    # The colon first: fr-CA drops the space before ;!?, which would hide the end of a
    # clause from a colon right before it ("Note : ;").
    marks = [mark for mark in ":;!?" if mark in text]
    guillemets = "«" in text or "»" in text
    if not marks and not guillemets:
        return text
    guarded = may_rtl(text) and _STAND_IN_SET.isdisjoint(text)
    if guarded:
        text = _guarded(text)
        marks = [mark for mark in marks if mark in text]
    high, colon, quote = _spaces(variant)
    reverse = text[::-1]
    if "»" in reverse:  # first: a mark before it then sees the space it ends with
        reverse = _CLOSE.sub("»" + quote, reverse)
    settled = 0
    for mark in marks:
        if mark == ":":
            reverse, count = _COLON_ONE.subn(":" + colon, reverse)
        else:
            reverse, count = _HIGH_ONE[mark].subn(mark + high, reverse)
        settled += count
    if settled < sum(reverse.count(mark) for mark in marks):
        reverse = _HIGH_RUN.sub("\\g<run>" + high, reverse)
    text = reverse[::-1]
    if "«" in text:
        text = _OPEN.sub("«" + quote, text)
    return text.translate(_UNGUARDED) if guarded else text


# A mark next to a word written from right to left takes no French space: Arabic and
# Hebrew put none there, and "سارة\u202f!" showed the "!" on the wrong side of its
# space. While the text is fixed, such a mark is a private-use character of its own.
_GUARDED_MARKS = ";:!?»«"
_STAND_INS = "\U0010fff0\U0010fff1\U0010fff2\U0010fff3\U0010fff4\U0010fff5"
_GUARD = dict(zip(_GUARDED_MARKS, _STAND_INS, strict=True))
_UNGUARDED = str.maketrans(_STAND_INS, _GUARDED_MARKS)
_STAND_IN_SET = frozenset(_STAND_INS)
_MARK_OR_LINE = re.compile("[;:!?»«\n]")


def _guarded(text: str) -> str:
    """``text`` with each mark whose space would touch a word written from right to left
    held by its stand-in: ``;`` ``:`` ``!`` ``?`` and ``»`` after such a word, ``«``
    before one (the nearest letter on the line, past spaces, digits and other marks),
    on a line that reads from the right (its first letter is such a word's). A French
    sentence quoting an Arabic word keeps its spaces ("Que veut dire سلام\u202f?").
    Each character is looked at once at most, however many marks there are."""
    found = list(_MARK_OR_LINE.finditer(text))
    held: list[int] = []
    right_to_left = _lines_from_the_right(text)
    before = None
    last = 0
    for match in found:
        at = match.start()
        before = last_strong(text, last, at) or before
        last = at + 1
        if match.group() == "\n":
            before = None
        elif match.group() != "«" and before == RTL:
            held.append(at)
    if "«" in text:
        after = None
        last = len(text)
        for match in reversed(found):
            at = match.start()
            after = first_strong(text, at + 1, last) or after
            last = at
            if match.group() == "\n":
                after = None
            elif match.group() == "«" and after == RTL:
                held.append(at)
    held = [at for at in held if right_to_left(at)]
    if not held:
        return text
    chars = list(text)
    for at in held:
        chars[at] = _GUARD[chars[at]]
    return "".join(chars)


def _lines_from_the_right(text: str) -> Callable[[int], bool]:
    """Whether the line holding a place of ``text`` reads from the right: its first
    letter read one way is written so (Unicode's rule for a paragraph's direction)."""
    directions: dict[int, bool] = {}

    def right_to_left(at: int) -> bool:
        start = text.rfind("\n", 0, at) + 1
        if start not in directions:
            end = text.find("\n", at)
            directions[start] = first_strong(text, start, end if end >= 0 else None) == RTL
        return directions[start]

    return right_to_left


def _keyboard_marks(text: str, variant: str) -> str:
    """Apostrophes, quotes, ellipses and dashes typed on a keyboard, set as print sets them."""
    if "'" in text:  # "L'envie" typed on a keyboard is "L’envie" in print
        text = _APOSTROPHE.sub("’", text)
    if '"' in text and variant in _DOUBLE:
        text = _paired(text, '"', *_DOUBLE[variant], spaced=variant in _FRENCH)
    if "'" in text and variant in _SINGLE:
        text = _N_IDIOM.sub("’\\g<n>’", text)  # no quotes: two apostrophes
        text = _paired(text, "'", *_SINGLE[variant], alone="’", elided=_ELIDED[variant])
    # No test for "..." nor "--" first: searching a text for them costs more than
    # these patterns do, each opening on one character.
    if "." in text:
        text = _ELLIPSIS.sub("…", text)
    if "-" in text:
        text = _WORD_DASHES.sub(_dash, text)
    return text


_FRENCH = frozenset(VARIANTS) - {"off"}
# Double quotes as each language prints them; Spanish, Italian, Dutch and Portuguese
# keep the ones typed: each has two usages, « » and “ ”, and a writer their own.
_DOUBLE = {
    **dict.fromkeys(_FRENCH, ("«", "»")),
    "en": ("“", "”"),
    "de": ("„", "“"),
    "de-CH": ("«", "»"),
}
# Single quotes as English and German print them (Switzerland's inside its « »);
# Spanish, Italian, Dutch and Portuguese keep them as typed, as they keep their double
# ones: ‘ ’ beside a straight " would mix two sets; French, whose second quotes are
# “ ” or ‹ ›, as its writer chooses, keeps them too.
_SINGLE = {"en": ("‘", "’"), "de": ("‚", "‘"), "de-CH": ("‹", "›")}
# A word a quote before it elides, the quote an apostrophe: "'em", "rock 'n roll",
# German's "'s" and "'ne" (wptexturize's list for English, and 'n).
_ELIDED_DE = re.compile(r"(?i:s|n|ne|nen|nem|ner|nes)(?![^\W_])")
_ELIDED = {
    "en": re.compile(r"(?i:n|tis|twas|twere|twill|til|bout|nuff|round|cause|em)(?![^\W_])"),
    "de": _ELIDED_DE,
    "de-CH": _ELIDED_DE,
}
# "Rock 'n' roll", in English and German: an n a word apart between two apostrophes.
_N_IDIOM = re.compile(r"'(?<![\w\\]')(?P<n>[nN])'(?!\w)")
_DELIMITERS = "*_~"  # emphasis, strikethrough
# A quote opens after these (or at the start), and closes before these (or at the end).
# Every quote mark, straight or set, is in both: a quote's neighbour set in a pass
# is seen as it was before it, and a second pass changes nothing.
_QUOTE_MARKS = "\"'«»“”‘’„‚‹›"
_OPENS_AFTER = frozenset(" \t\n\r\u00a0\u202f([{—–-/*_" + _QUOTE_MARKS)
_CLOSES_BEFORE = frozenset(" \t\n\r\u00a0\u202f.,;:!?)]}…—–-/*_" + _QUOTE_MARKS)
# A link's title after its held destination (``](url "title")``), or a definition's.
_TITLE_OPENS = re.compile(f"{HELD}[ \t]*(?:\n[ \t]*)?$")
_LINK_ENDS = re.compile(r"[ \t]*\)")
_LINE_ENDS = re.compile(r"[ \t]*(?:\n|$)")


def _paired(
    text: str,
    mark: str,
    opening: str,
    closing: str,
    *,
    alone: str = "",
    elided: re.Pattern[str] | None = None,
    spaced: bool = False,
) -> str:
    """Straight quotes paired, from the left, as wptexturize pairs them: one opens after
    a space or an opening character, closes before a space or a punctuation mark, and
    with a space on both sides closes one open or opens one. A closing one with none
    open is left as typed (``6"``, ``="x"``), or is ``alone`` (an apostrophe:
    ``dogs'``, ``'90s``); one between two letters, after a backslash or around a
    link's title too. A blank line (a new paragraph) closes what is open.

    With ``alone``, one opening before what ``elided`` matches is ``alone`` (``'em``),
    and so is one opening none that closes in its paragraph: only a pair is surely
    quotes (``Hast du 'ne Idee?``).

    ``spaced`` (French: a space inside « »): a quote is left as typed next to the
    ``*``, ``_`` or ``~`` of emphasis inside it, which the space would keep from
    opening or closing (``"*mot*"``, ``*a "*``).
    """
    pieces: list[str] = []
    last = 0
    # The quotes open, each by where its mark is in pieces (None: left as typed, and
    # the one closing it too).
    opened: list[int | None] = []
    skip_to = 0
    seen = 0  # the text up to here is looked through for blank lines and line starts
    line = 0  # where the line of the quote starts
    at = text.find(mark)
    while at != -1:
        if at >= skip_to:
            before = text[at - 1] if at else "\n"
            after = text[at + 1] if at + 1 < len(text) else "\n"
            line = max(line, text.rfind("\n", seen, at) + 1)
            if opened and (
                text.find("\n\n", max(0, seen - 1), at) != -1 or _opens_item(text, line, at)
            ):
                _unclosed(pieces, opened, alone)
            seen = at
            left, right = before in _OPENS_AFTER, after in _CLOSES_BEFORE
            put = None
            if before == "\\" or not (left or right):
                pass  # escaped, or inside a word
            elif left and _title(text, at, mark):
                skip_to = text.find(mark, at + 1) + 1
            elif right and opened:
                opening_at = opened.pop()
                if opening_at is not None and spaced and before in _DELIMITERS:
                    pieces[opening_at] = mark  # both as typed
                elif opening_at is not None:
                    put = closing
            elif left and alone and (after.isdigit() or (elided and elided.match(text, at + 1))):
                put = alone
            elif left and spaced and after in _DELIMITERS:
                opened.append(None)
            elif left:
                put = opening
                opened.append(len(pieces) + 1)
            elif alone:
                put = alone
            if put:
                pieces += (text[last:at], put)
                last = at + 1
        at = text.find(mark, at + 1)
    _unclosed(pieces, opened, alone)
    return "".join(pieces) + text[last:] if pieces else text


def _unclosed(pieces: list[str], opened: list[int | None], alone: str) -> None:
    """The quotes ``opened`` left open: ``alone`` if there is one (an elision's
    apostrophe), else as they were set. None is open after."""
    if alone:
        for at in opened:
            if at is not None:
                pieces[at] = alone
    opened.clear()


def _opens_item(text: str, line: int, at: int) -> bool:
    """Whether ``at`` opens a list item's or a quote's text (``- "``): a block of its own.

    ``line``: where its line starts. Only a short prefix is looked at: a long one is text.
    """
    return 0 < at - line <= 40 and (
        not text[line:at].isspace() and _LINE_MARKERS.fullmatch(text, line, at) is not None
    )


def _title(text: str, at: int, mark: str) -> bool:
    """Whether the quote at ``at`` opens a link's title: after a held destination, and
    closed by the next one before the link's ``)``, or before the line's end when the
    held token opens its line (a definition: ``[a]: https://… "title"``)."""
    if HELD not in text[max(0, at - 40) : at]:
        return False
    end = text.find(mark, at + 1)
    held = _TITLE_OPENS.search(text, max(0, at - 40), at)
    if end == -1 or held is None:
        return False
    if _LINK_ENDS.match(text, end + 1):
        return True
    start = held.start()
    return (
        _LINE_ENDS.match(text, end + 1) is not None
        and _LINE_MARKERS.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None
    )


# Each opens on one literal character (which the regex engine skips to in C), its
# context looked at after it: a pattern opening on a lookbehind is tried at every
# position, 25 times slower, and one opening on "..." is searched for twice as slowly.
_ELLIPSIS = re.compile(r"\.(?<!\.\.)\.\.(?!\.)")
# Hyphens for a dash, between words only: a line of them (a rule, a heading's or a
# table's underline), a list's marker, an option (``--help``) or a punycode name
# (``xn--``) stay as typed. Spaced, the spaces are kept.
_WORD_DASHES = re.compile(
    r"-(?:"
    r"--(?<=[^\W_]---)(?=[^\W_])"
    r"|--(?<=[^\s|\-] ---)(?= [^\s|\-])"
    r"|-(?<=[^\W_]--)(?<![xX][nN]--)(?=[^\W_])"
    r"|-(?<=[^\s|\-] --)(?= [^\s|\-])"
    r"|(?<=[^\s|\-] -)(?= [^\s|\-])"
    r")"
)
# What may open a line before a spaced hyphen that is a list's marker (``* - a``).
_LINE_MARKERS = re.compile(r"[ \t>*+\-]*(?:[0-9]{1,9}[.)][ \t>*+\-]*)*")


def _dash(match: re.Match[str]) -> str:
    run, text, at = match.group(), match.string, match.start()
    if text[at - 1] != " ":
        return "—" if run == "---" else "–"
    # A nested list's marker, after its parent's: looked for in a short prefix only
    # (a line of thousands of spaced hyphens was read back from each).
    start = text.rfind("\n", max(0, at - 41), at) + 1
    if (start or at <= 41) and _LINE_MARKERS.fullmatch(text, start, at - 1):
        return run
    return "–" if run == "-" else "—"


# HTML: tags, comments and character references are copied; text between them is fixed;
# nothing inside <code>, <pre>, <script>, <style>, <kbd>, <samp> is touched.
_HTML_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;", re.DOTALL)
_RAW_ELEMENTS = re.compile(r"<(/?)(code|pre|script|style|kbd|samp)\b", re.IGNORECASE)
_ENTITY_MARK = HELD


def fix_html(html: str, variant: str) -> str:
    """Apply typography to the text of an HTML fragment (not tags, not code).

    Character references are replaced by a private-use mark for the time of the
    pass, so ``&amp;`` keeps its ``;`` and the text around it is still seen whole;
    ``&quot;`` is a quote to pair, and a quote left straight is ``&quot;`` again.
    """
    if variant == "off" or not html:
        return html
    out: list[str] = []
    text: list[str] = []
    entities: list[str] = []
    depth = 0
    last = 0

    def flush() -> None:
        if text:
            chunk = "".join(text)
            fixed = chunk if depth or _one_address(chunk) else fix_text(chunk, variant)
            if '"' in fixed:
                fixed = fixed.replace('"', "&quot;")
            if entities:
                pieces = fixed.split(_ENTITY_MARK)
                fixed = pieces[0] + "".join(
                    e + p for e, p in zip(entities, pieces[1:], strict=True)
                )
                entities.clear()
            out.append(fixed)
            text.clear()

    for match in _HTML_TOKEN.finditer(html):
        text.append(html[last : match.start()])
        token = match.group()
        last = match.end()
        if token == "&quot;":
            text.append('"')
            continue
        if token.startswith("&"):
            text.append(_ENTITY_MARK)
            entities.append(token)
            continue
        flush()
        raw = _RAW_ELEMENTS.match(token)
        if raw:
            depth = max(0, depth + (-1 if raw.group(1) else 1))
        out.append(token)
    text.append(html[last:])
    flush()
    return "".join(out)
