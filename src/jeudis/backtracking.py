"""Regular expressions that can take forever: found as a questionnaire is read.

Python's ``re`` backtracks, and has no timeout: a pattern such as ``(a+)+`` tries every
way of cutting an answer into rounds before it says no, twice as many for each letter
more, and ``jeudis check``, the live session (the guest typing) and Ctrl-C wait for it.
:func:`backtracking_risk` reads Python's own parse tree of a pattern and refuses, as
linters such as safe-regex and recheck do, the shapes that allow this. For each
repetition that can take more than one round (``*``, ``+``, ``{2,}``, ``{4}``):

- its body can match nothing (``(a?b?)*``, ``(a*)+``);
- a repetition or an alternation of several widths inside it can take both the first
  and the last character of a round (``(a+)+``, ``(\\w+\\s?)*``, ``(x\\w+y)+``,
  ``(a|aa)+``): the same text then splits into rounds in many ways. A character
  between them that the inner one cannot take keeps the rounds apart, so
  ``(\\.[\\w-]+)+`` and ``(\\w+\\s)*`` are fine, as is a fixed width
  (``(\\s?\\d{2}){4}``);
- two alternatives inside it can begin with the same character (``(\\w+|\\d+)+``,
  ``(.|\\n)*``), or both match nothing (``(a|a)*``, which Python reads as ``a(|)*``).

Not refused: alternatives that are a whole round and begin differently, whatever
their widths (``"(?:[^"\\\\]|\\\\.)*"``); a back reference whose group cannot match
nothing; a repetition of a few rounds of a bounded body, ``(?:\\d?\\d\\.){3}``, which
can match in at most :data:`_FEW_WAYS` ways from one place, however long the answer.

The test is on the pattern's shape, not on answers: it refuses a few patterns that
would have been quick (``(a?ba)*``), and lets through those that are only slow on
long answers without repeating a repetition (``\\d*\\d*\\d*x``). Characters are
compared on a sample (ASCII, the pattern's own, a few letters, digits and spaces of
other scripts), which is enough to tell ``\\w`` from ``\\s`` or ``\\.``.
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
    reader.sequence(list(tree))
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
        """Whether a round of a repetition (its body) can be matched in several ways."""
        if shape.empty:
            return "empty"
        shapes = _Reader(self.state, self.sample, check=False)
        shapes.sets = self.sets
        whole = _whole_branch(body)
        for op, value, inside in _parts(body, flags):
            if op == "BRANCH":
                if _overlap([shapes.sequence(list(branch), inside) for branch in value[1]]):
                    return "alternatives"
                if value is whole:  # each round is one alternative, told by its first character
                    continue
            elif op not in _REPEATS or value[0] == value[1] or op == "POSSESSIVE_REPEAT":
                continue
            part = shapes.item(op, value, inside)
            # Of several widths, and able to take a round's first and last characters: it
            # can take the end of a round and the start of the next, or leave them.
            if not part.fixed and part.chars & shape.first and part.chars & shape.last:
                return "nested" if op in _REPEATS else "alternatives"
        return None


def _parts(items: Sequence[tuple[Any, Any]], flags: int) -> Iterator[tuple[str, Any, int]]:
    """Every part of a pattern, at any depth, with the flags it is read with; not those
    of an atomic group, ``(?>...)``, which takes its first match and never tries another."""
    for op, value in items:
        name = str(op)
        yield name, value, flags
        if name == "SUBPATTERN":
            _, added, removed, body = value
            yield from _parts(list(body), (flags | added) & ~removed)
        elif name == "BRANCH":
            for branch in value[1]:
                yield from _parts(list(branch), flags)
        elif name == "GROUPREF_EXISTS":
            for branch in value[1:]:
                yield from _parts(list(branch) if branch else [], flags)
        elif name in _REPEATS:
            yield from _parts(list(value[2]), flags)


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
_FEW_WAYS = 1000


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
        total += ways**rounds  # below a million: the sum so far is at most _FEW_WAYS
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
