"""Regular expressions that can take forever: found as a questionnaire is read.

Python's ``re`` backtracks, and has no timeout: a pattern such as ``(a+)+`` tries every
way of cutting an answer into rounds before it says no, twice as many for each letter
more, and ``jeudis check``, the live session (the guest typing) and Ctrl-C wait for it.
:func:`backtracking_risk` reads Python's own parse tree of a pattern and refuses, as
linters such as safe-regex and recheck do, the shapes that allow this. For each
repetition that can take more than one round (``*``, ``+``, ``{2,}``, ``{4}``):

- its body can match nothing (``(a?b?)*``, ``(a*)+``);
- a repetition or an alternation of several widths inside it shares characters with
  the same part of the next round, or with another such part of the round, and what
  lies between them need not take a character one of them cannot (``(a+)+``,
  ``(\\w+\\s?)*``, ``(x\\w+y)+``, ``(a|aa)+``, ``(a+ba+)*``, ``(a+a+b)*``): the same
  text then splits into rounds, or a round into its parts, in many ways. ``(\\.[\\w-]+)+``,
  ``(\\w+\\s)*``, ``(a?ba)*`` and a fixed width (``(\\s?\\d{2}){4}``) are fine;
- two alternatives inside it can begin with the same character (``(\\w+|\\d+)+``,
  ``(.|\\n)*``), or both match nothing (``(a|a)*``, which Python reads as ``a(|)*``).

Not refused: alternatives that are a whole round and begin differently, whatever
their widths (``"(?:[^"\\\\]|\\\\.)*"``); a back reference whose group cannot match
nothing; a repetition of a few rounds of a bounded body, ``(?:\\d?\\d\\.){3}``, which
can match in at most :data:`_FEW_WAYS` ways from one place, however long the answer.

Outside any repetition, three repetitions of many rounds side by side (nothing but
what can match nothing between them) that can take a character in common are refused
too: ``\\d*\\d*\\d*x`` takes the cube of the answer's length, 5 seconds on 1,000
digits; two (``\\d*\\d*x``), its square, 2.5 seconds on 10,000, are let through.

The test is on the pattern's shape, not on answers. Characters are compared on a
sample (ASCII, the pattern's own, a few letters, digits and spaces of other scripts),
which is enough to tell ``\\w`` from ``\\s`` or ``\\.``.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Python's parser of regular expressions (``sre_parse`` before 3.11), without type stubs.
_parser: Any = importlib.import_module("re._parser")

# What each kind of risk is called, and what to write instead.
RISKS = {
    "empty": (
        "a repeated group that can match nothing can take forever on some answers",
        "make each round take at least one character: write (a?b?)* as [ab]*, (a*)+ as a*",
    ),
    "nested": (
        "a repetition inside a repetition can take forever on some answers",
        (
            "repeat once: write (a+)+ as a+, (\\w+\\s?)* as [\\w\\s]*; or end each round"
            " with a character the inner repetition cannot take, as in ([\\w-]+\\.)+"
        ),
    ),
    "alternatives": (
        (
            "repeated alternatives that can begin with the same character can take forever"
            " on some answers"
        ),
        (
            "make the alternatives begin differently, or merge them: write (\\w+|\\d+)+ as \\w+,"
            " (a|aa)+ as a+, (.|\\n)* as .*"
        ),
    ),
    "adjacent": (
        (
            "three repetitions side by side that can take the same characters take minutes"
            " on a long answer"
        ),
        (
            "make them not overlap: put between them a character one cannot take, or merge"
            " them: write \\d*\\d*\\d*x as \\d*x, .*.*=.* as [^=]*=.*,"
            " \\w+\\s*\\w*\\s*\\w* as \\w+(\\s\\w+){0,2}"
        ),
    ),
}

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
# Beside ASCII and the pattern's own characters: letters, digits and spaces that \w, \d
# and \s take beyond ASCII, and line breaks.
_SAMPLE = string.printable + "éÉßЖж中٣\u00a0\u2028\u3000\x85"
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


@dataclass(frozen=True)
class _Shape:
    """What a part of a pattern can match: nothing at all, which characters first, last,
    and anywhere, and whether its width is fixed."""

    empty: bool
    first: frozenset[str]
    last: frozenset[str]
    chars: frozenset[str]
    fixed: bool


_NOTHING = _Shape(True, frozenset(), frozenset(), frozenset(), True)


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """The kind of risk (a key of :data:`RISKS`) of a pattern ``re`` compiles, or None.

    Raises what ``re`` does on a pattern it cannot read, and RecursionError on one
    nested too deep to walk."""
    tree = _parser.parse(pattern, flags)
    reader = _Reader(tree.state, frozenset(_SAMPLE + pattern + pattern.swapcase()))
    items = list(tree)
    reader.sequence(items)
    if reader.risk is None and reader.degree(items) >= _REFUSED_DEGREE:
        return "adjacent"
    return reader.risk


class _Reader:
    """The shape of each part of a pattern; with ``check``, the first risk met."""

    def __init__(self, state: Any, sample: frozenset[str], *, check: bool = True) -> None:
        self.risk: str | None = None
        self.sample = sample
        self.state = state  # the parse's: its flags, and each group's width for \1
        self.flags: int = state.flags
        self.check = check
        self.sets: dict[tuple[str, str, int], frozenset[str]] = {}  # each set read once

    def sequence(self, items: Sequence[tuple[Any, Any]], flags: int | None = None) -> _Shape:
        flags = self.flags if flags is None else flags
        shapes = [self.item(str(op), value, flags) for op, value in items]
        first: set[str] = set()
        for shape in shapes:
            first |= shape.first
            if not shape.empty:
                break
        last: set[str] = set()
        for shape in reversed(shapes):
            last |= shape.last
            if not shape.empty:
                break
        return _Shape(
            empty=all(shape.empty for shape in shapes),
            first=frozenset(first),
            last=frozenset(last),
            chars=frozenset().union(*(shape.chars for shape in shapes)),
            fixed=all(shape.fixed for shape in shapes),
        )

    def item(self, op: str, value: Any, flags: int) -> _Shape:
        if op in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            key = (op, repr(value), flags)
            if key not in self.sets:
                self.sets[key] = self._set(op, value, flags)
            return self._one(self.sets[key])
        if op in ("AT", "ASSERT", "ASSERT_NOT"):
            if op != "AT":
                self.sequence(list(value[1]), flags)  # its own repetitions are looked at
            return _NOTHING
        if op == "SUBPATTERN":
            _, added, removed, body = value
            return self.sequence(list(body), (flags | added) & ~removed)
        if op == "ATOMIC_GROUP":
            return self.sequence(list(value), flags)
        if op == "BRANCH":
            return self._branch([list(branch) for branch in value[1]], flags)
        if op == "GROUPREF_EXISTS":
            _, yes, no = value
            return self._branch([list(yes), list(no) if no else []], flags)
        if op in _REPEATS:
            return self._repeat(op, value, flags)
        # A back reference (\1), or what a later Python adds: anything, of any width; a
        # back reference matches nothing only when its group can.
        empty = op != "GROUPREF" or self._group_can_be_empty(value)
        return _Shape(empty, self.sample, self.sample, self.sample, False)

    def _group_can_be_empty(self, group: Any) -> bool:
        try:
            return bool(self.state.groupwidths[group][0] == 0)
        except (AttributeError, TypeError, IndexError):  # another Python's parse
            return True

    def _one(self, chars: frozenset[str]) -> _Shape:
        return _Shape(False, chars, chars, chars, True)

    def _set(self, op: str, value: Any, flags: int) -> frozenset[str]:
        if op == "ANY":  # answers are matched with re.DOTALL: "." takes a line break too
            return self.sample
        items = [(str(kind), item) for kind, item in value] if op == "IN" else [("LITERAL", value)]
        negated = items[:1] == [("NEGATE", None)]
        taken = {char for char in self.sample if self._takes(items, char, flags)}
        if negated != (op == "NOT_LITERAL"):
            taken = set(self.sample) - taken
        return frozenset(taken)

    def _takes(self, items: list[tuple[str, Any]], char: str, flags: int) -> bool:
        folded = char.casefold() if flags & re.IGNORECASE else char
        for kind, item in items:
            if kind in ("LITERAL", "NOT_LITERAL"):
                own = chr(item)
                if own == char or (flags & re.IGNORECASE and own.casefold() == folded):
                    return True
            elif kind == "RANGE":
                low, high = item
                if any(low <= ord(case) <= high for case in self._cases(char, flags)):
                    return True
            elif (
                kind == "CATEGORY"
                and str(item) in _CATEGORIES
                and re.fullmatch(_CATEGORIES[str(item)], char, flags & re.ASCII)
            ):
                return True
        return False

    @staticmethod
    def _cases(char: str, flags: int) -> set[str]:
        """The character, and with (?i) each character its case maps to: only the single
        ones, as ``re`` does (ß upper-cased is SS, two characters, which no range holds)."""
        if not flags & re.IGNORECASE:
            return {char}
        cases = {char, char.lower(), char.upper(), char.casefold()}
        cases |= {case.lower() for case in cases}
        return {case for case in cases if len(case) == 1}

    def _branch(self, branches: list[list[tuple[Any, Any]]], flags: int) -> _Shape:
        shapes = [self.sequence(branch, flags) for branch in branches]
        widths = {self._width(branch) for branch in branches}
        return _Shape(
            empty=any(shape.empty for shape in shapes),
            first=frozenset().union(*(shape.first for shape in shapes)),
            last=frozenset().union(*(shape.last for shape in shapes)),
            chars=frozenset().union(*(shape.chars for shape in shapes)),
            fixed=len(widths) == 1 and None not in widths,
        )

    def _width(self, items: list[tuple[Any, Any]]) -> int | None:
        low, high = _parser.SubPattern(self.state, items).getwidth()
        return int(low) if low == high else None

    def _repeat(self, op: str, value: Any, flags: int) -> _Shape:
        least, most, body = value[0], value[1], list(value[2])
        shape = self.sequence(body, flags)
        # A possessive repetition never gives back what it took: no round is tried again.
        # A few rounds of a body of few ways: a few ways in all, whatever the answer.
        if (
            self.check
            and most > 1
            and op != "POSSESSIVE_REPEAT"
            and self.risk is None
            and not _few_ways(op, value)
        ):
            self.risk = self._round_risk(body, shape, flags)
        if most == 0:
            return _NOTHING
        return _Shape(
            empty=least == 0 or shape.empty,
            first=shape.first,
            last=shape.last,
            chars=shape.chars,
            fixed=least == most and shape.fixed,
        )

    def _round_risk(self, body: list[tuple[Any, Any]], shape: _Shape, flags: int) -> str | None:
        """Whether a round of a repetition (its body) can be matched in several ways, or
        two rounds cut apart in several places."""
        if shape.empty:
            return "empty"
        shapes = self._shapes()
        whole = _whole_branch(body)
        parts: list[_Part] = []
        for op, value, inside, path in _placed(body, flags):
            if op == "BRANCH":
                if _overlap([shapes.sequence(list(branch), inside) for branch in value[1]]):
                    return "alternatives"
                if value is whole:  # each round is one alternative, told by its first character
                    continue
            elif op not in _REPEATS or value[0] == value[1] or op == "POSSESSIVE_REPEAT":
                continue
            part = shapes.item(op, value, inside)
            if not part.fixed:
                parts.append(_Part(op, part.chars, path))
        # Two parts of several widths that can take the same characters, one a round's and
        # the other the next round's (or the same part in both), or one after the other in
        # a round: unless what lies between them must take a character one of them cannot,
        # the text between can be shared between them in several ways, in each round.
        for one in parts:
            for other in parts:
                common = one.chars & other.chars
                if not common:
                    continue
                across = [*_after(one.path), *_before(other.path)]
                within = _between(one.path, other.path)
                if not shapes.requires(across, common) or (
                    within is not None and not shapes.requires(within, common)
                ):
                    repeated = one.op in _REPEATS or other.op in _REPEATS
                    return "nested" if repeated else "alternatives"
        return None

    def _shapes(self) -> _Reader:
        shapes = _Reader(self.state, self.sample, check=False)
        shapes.sets = self.sets
        return shapes

    def requires(self, items: Sequence[tuple[Any, int]], allowed: frozenset[str]) -> bool:
        """Whether every match of ``items`` (each with the flags it is read with) takes a
        character outside ``allowed``."""
        return any(self._requires(str(item[0]), item[1], flags, allowed) for item, flags in items)

    def _requires(self, op: str, value: Any, flags: int, allowed: frozenset[str]) -> bool:
        if op in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            return not self.item(op, value, flags).chars & allowed
        if op == "SUBPATTERN":
            _, added, removed, body = value
            inside = (flags | added) & ~removed
            return self.requires([(item, inside) for item in body], allowed)
        if op == "ATOMIC_GROUP":
            return self.requires([(item, flags) for item in value], allowed)
        if op == "BRANCH":
            return all(
                self.requires([(item, flags) for item in branch], allowed) for branch in value[1]
            )
        if op == "GROUPREF_EXISTS":
            _, yes, no = value
            return all(
                self.requires([(item, flags) for item in branch], allowed)
                for branch in (yes, no or [])
            )
        if op in _REPEATS:
            return bool(value[0] > 0) and self.requires(
                [(item, flags) for item in value[2]], allowed
            )
        return False  # an anchor, a lookaround, a back reference: perhaps nothing

    def degree(self, items: list[tuple[Any, Any]]) -> int:
        """How many repetitions of many rounds, side by side, can share one stretch of the
        answer (3 at most): on an answer they do not match, the time grows as its length
        to that power (``\\d*\\d*\\d*x``: cubic). Side by side: with nothing between them
        but what can match nothing. A character between them that both can take
        (``\\S+@\\S+\\.\\S+``) is slow only on answers full of it, not on any text pasted."""
        long = [
            _Part(op, self.item(op, value, inside).chars, path)
            for op, value, inside, path in _placed(items, self.flags)
            if op in _REPEATS and op != "POSSESSIVE_REPEAT" and value[1] > _LONG
        ]
        nothing: frozenset[str] = frozenset()
        best = 1 if long else 0
        for one in long:
            for two in long:
                common = one.chars & two.chars
                between = _between(one.path, two.path)
                if not common or between is None or self.requires(between, nothing):
                    continue
                best = 2
                for three in long:
                    after = _between(two.path, three.path)
                    if (
                        common & three.chars
                        and after is not None
                        and not self.requires(after, nothing)
                    ):
                        return 3
        return best


# Repetitions side by side that can share a stretch of the answer: refused from three.
_REFUSED_DEGREE = 3
# A repetition of more rounds than this takes a part of the answer as long as it is.
_LONG = 100


@dataclass(frozen=True)
class _Part:
    """A part of several widths: what it is, the characters it takes, and where it is."""

    op: str
    chars: frozenset[str]
    path: tuple[_Step, ...]


@dataclass(frozen=True)
class _Step:
    """One step down to a part: the sequence it is in (read with ``flags``), and which of
    its items leads on."""

    items: list[tuple[Any, Any]]
    at: int
    flags: int


def _placed(
    items: list[tuple[Any, Any]], flags: int, path: tuple[_Step, ...] = ()
) -> Iterator[tuple[str, Any, int, tuple[_Step, ...]]]:
    """Every part of a sequence, at any depth, with the flags it is read with and the steps
    down to it; not those of an atomic group, ``(?>...)``, which takes its first match
    and never tries another."""
    for at, (op, value) in enumerate(items):
        name = str(op)
        here = (*path, _Step(items, at, flags))
        yield name, value, flags, here
        if name == "SUBPATTERN":
            _, added, removed, body = value
            yield from _placed(list(body), (flags | added) & ~removed, here)
        elif name == "BRANCH":
            for branch in value[1]:
                yield from _placed(list(branch), flags, here)
        elif name == "GROUPREF_EXISTS":
            for branch in value[1:]:
                yield from _placed(list(branch) if branch else [], flags, here)
        elif name in _REPEATS:
            yield from _placed(list(value[2]), flags, here)


def _after(path: tuple[_Step, ...]) -> list[tuple[Any, int]]:
    """What every way on from a part to the end of the sequence matches."""
    return [(item, step.flags) for step in reversed(path) for item in step.items[step.at + 1 :]]


def _before(path: tuple[_Step, ...]) -> list[tuple[Any, int]]:
    """What every way from the start of the sequence to a part matches."""
    return [(item, step.flags) for step in path for item in step.items[: step.at]]


def _between(one: tuple[_Step, ...], other: tuple[_Step, ...]) -> list[tuple[Any, int]] | None:
    """What every way from one part on to the other matches, or None when the other does
    not come after it (it comes before, in another alternative, or inside it)."""
    for depth, (mine, theirs) in enumerate(zip(one, other, strict=False)):
        if mine.items is not theirs.items:
            return None  # two alternatives of one branch
        if mine.at != theirs.at:
            if mine.at > theirs.at:
                return None
            return [
                *_after(one[depth + 1 :]),
                *[(item, mine.flags) for item in mine.items[mine.at + 1 : theirs.at]],
                *_before(other[depth + 1 :]),
            ]
    return None  # one holds the other


def _whole_branch(body: Sequence[tuple[Any, Any]]) -> Any:
    """The alternatives that are the whole of a round, as in ``(?:a|bc)*``, or None."""
    while len(body) == 1:
        op, value = body[0]
        if str(op) == "BRANCH":
            return value
        if str(op) != "SUBPATTERN":
            return None
        body = list(value[3])
    return None


# A bounded repetition tries at most this many ways of matching from each place in the
# answer (the ways of one round, to the power of the rounds): as quick as any pattern.
# An international phone number's ([ .-]?\d{2,4}){2,4} has 1,548, and takes at most
# half a millisecond on any answer.
_FEW_WAYS = 10_000


def _few_ways(op: str, value: Any) -> bool:
    """A repetition that can match in at most :data:`_FEW_WAYS` ways from one place: the
    time ``(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}`` takes does not grow with the answer,
    as that of ``(a+){6}``, with an unbounded repetition inside, does."""
    ways = _ways([(op, value)])
    return ways is not None and ways <= _FEW_WAYS


def _ways(items: Sequence[tuple[Any, Any]]) -> int | None:
    """How many ways, at most, a part of a pattern can match from one place (above
    :data:`_FEW_WAYS`, more than that), or None when an unbounded repetition can take as
    many characters as the answer has."""
    total = 1
    for op, value in items:
        name = str(op)
        ways: int | None = 1  # a character, an anchor, a lookaround (tried once), \1
        if name == "SUBPATTERN":
            ways = _ways(list(value[3]))
        elif name == "BRANCH":
            ways = _sum([_ways(list(branch)) for branch in value[1]])
        elif name == "GROUPREF_EXISTS":
            ways = _sum([_ways(list(branch) if branch else []) for branch in value[1:]])
        elif name in _REPEATS:
            least, most, body = value[0], value[1], list(value[2])
            ways = None if most == _parser.MAXREPEAT else _rounds(_ways(body), least, most)
        elif name == "ATOMIC_GROUP":
            ways = _ways(list(value))
        if ways is None:
            return None
        total = min(total * ways, _FEW_WAYS + 1)
    return total


def _sum(counts: list[int | None]) -> int | None:
    if None in counts:
        return None
    return min(sum(count for count in counts if count is not None), _FEW_WAYS + 1)


def _rounds(ways: int | None, least: int, most: int) -> int | None:
    """The ways of ``least`` to ``most`` rounds of a body of ``ways`` ways."""
    if ways is None:
        return None
    total = 0
    for rounds in range(least, most + 1):
        if ways > 1 and rounds > _FEW_WAYS.bit_length():  # not ways**300000000, for ever
            return _FEW_WAYS + 1
        total += ways**rounds  # the sum so far is at most _FEW_WAYS
        if total > _FEW_WAYS:
            return _FEW_WAYS + 1
    return total


def _overlap(branches: list[_Shape]) -> bool:
    """Two alternatives that can both begin with one character, or both match nothing."""
    if sum(branch.empty for branch in branches) > 1:
        return True
    seen: set[str] = set()
    for branch in branches:
        if branch.first & seen:
            return True
        seen |= branch.first
    return False
