"""The interview: one guest's answers, as one self-contained TOML file.

The file records every question as it was asked, so rewording the questionnaire
later never changes an interview already given. It is written by tomli-w with
multi-line strings, so long answers read (and diff) as the guest typed them. It is
read back, every key checked, by :mod:`jeudis.interview_reading`.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from jeudis.files import MAX_FILE_SIZE, Stamp, byte_size

FORMAT = 3
"""The newest file format jeudis reads, and the one it writes. 2 added the
``[[set_aside]]`` answers; 3 the interview's ``id`` and the ``[[pending]]`` texts (one a
question, a text or the choices ticked at a multiple choice; format 1 kept a single
``[pending]`` table), which an older jeudis, not knowing them, would refuse: it says to
upgrade instead."""
STATUSES = ("draft", "complete")
STYLES = ("numbered", "dialogue", "plain")  # how a post sets out its questions
# Written above the answers a condition left out, for whoever opens the file.
SET_ASIDE_COMMENT = (
    "# Answers a condition leaves out now (the notes say which, and why): never published,\n"
    "# each comes back as it is once its condition holds again."
)
# Written above the texts typed and not given yet, for whoever opens the file.
PENDING_COMMENT = "# Typed in a session, not given yet: `jeudis resume` asks each with its text."

Typed = str | list[str]
"""What a session keeps being typed at a question and not given: its text, or at a
multiple choice the choices ticked (a ``[[pending]]`` table's ``text`` or ``ticked``)."""


def typed_text(typed: Typed) -> str:
    """What was typed, as a line of the notes or the terminal says it: the choices
    ticked one after another ("fr, en"), as the review and the post list them."""
    return typed if isinstance(typed, str) else ", ".join(typed)


def holds_something(typed: Typed) -> bool:
    """Whether ``typed`` is worth keeping: a text not blank, or a choice ticked."""
    return bool(typed.strip() if isinstance(typed, str) else typed)


# A questionnaire's id, as ``questionnaires/ID.toml`` is named (and a question's id).
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


# An interview's id: a UUID, as RFC 4122 writes it (an Atom entry's is "urn:uuid:" and it).
ID_FORM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# The namespace of the ids made for the files written before ids were (a UUID 5's).
_OLD_FILES = bytes.fromhex("8c1f5a52d6c94b0e9b5e3f7a2d41c0e6")


def new_id() -> str:
    """A new interview's id: random (a UUID 4), without the uuid module's import."""
    return uuid_from(os.urandom(16), 4)


def derived_id(questionnaire: str, slug: str, created: dt.datetime) -> str:
    """The id of an interview whose file has none (written before ids were): made of
    what the file records from the start, its questionnaire, the name it was made
    with and when (a UUID 5). Written into the file at its next save, it stays then,
    whatever becomes of its name."""
    moment = created.astimezone(dt.UTC).isoformat()
    name = f"{questionnaire}/{slug}/{moment}".encode()
    return uuid_from(hashlib.sha1(_OLD_FILES + name, usedforsecurity=False).digest(), 5)


def uuid_from(raw: bytes, version: int) -> str:
    """A UUID of ``version`` (4: random bytes; 5: a SHA-1 digest), in its text form."""
    data = bytearray(raw[:16])
    data[6] = (data[6] & 0x0F) | (version << 4)
    data[8] = (data[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = data.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@dataclass
class Answer:
    """One question as it was asked, and the guest's answer to it."""

    id: str
    type: str
    question: str
    value: Any = None
    skipped: bool = False
    answered_at: dt.datetime | None = None
    followup: bool = False
    reworded: bool = False

    @classmethod
    def given_now(
        cls, question_id: str, kind: str, asked: str, value: Any, **flags: bool
    ) -> Answer:
        """An answer just given (None: the question was skipped), stamped now."""
        return cls(
            id=question_id,
            type=kind,
            question=asked,
            value=value,
            skipped=value is None,
            answered_at=now(),
            **flags,
        )

    @property
    def given(self) -> bool:
        return not self.skipped and self.value not in (None, "", [])

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "question": self.question}
        if self.skipped:
            data["skipped"] = True
        elif self.value is not None:
            data["answer"] = self.value
        if self.answered_at is not None:
            data["answered_at"] = self.answered_at
        if self.followup:
            data["followup"] = True
        if self.reworded:
            data["reworded"] = True
        return data


@dataclass
class Interview:
    questionnaire: str
    guest: str
    slug: str
    title: str
    register: str
    questionnaire_version: int | str = 1
    gender: str | None = None
    # The guest's first name as the host said it (``new --first-name``), where the rule
    # reading it from the name would not find it ("María José"); "": by the rule.
    first_name: str = ""
    host: str = ""
    language: str = "fr"
    style: str = "numbered"
    series: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    status: str = "draft"
    # False: withdrawn (``edit --unpublish``, a guest's wish): kept, never exported,
    # whatever its status; its pages go at the next ``export --all``.
    published: bool = True
    created: dt.datetime = field(default_factory=now)
    updated: dt.datetime = field(default_factory=now)
    completed: dt.datetime | None = None
    notes: str = ""
    # The post's names before a rename (``edit --guest``): its site leads them to it.
    former_slugs: list[str] = field(default_factory=list)
    # What was being typed and not given yet, by where it was typed: a question's or a
    # field's id, a follow-up being written ("@followup:" and the answer it follows),
    # an open interview's next question ("@next-question"). One text each (at a
    # multiple choice, the choices ticked), so going back to change an answer keeps
    # the text typed further on.
    pending: dict[str, Typed] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    # Questions the host worded otherwise for this guest before asking them (``new`` and
    # ``sheet``'s ``--reword``), by id: each goes into its answer, marked reworded, once
    # it is given or skipped.
    rewordings: dict[str, str] = field(default_factory=dict)
    answers: list[Answer] = field(default_factory=list)
    # Answers a condition left out, each with its follow-ups after it, as they were
    # (:mod:`jeudis.conditions`): never published, put back if it holds again.
    set_aside: list[Answer] = field(default_factory=list)
    path: Path | None = None
    # Its own id, given when its file is made, and never changed: neither by a new
    # name (``jeudis edit --guest``) nor by a new address of the site. A feed reader
    # or WordPress knows the post by it. "": none yet (:attr:`key` makes one).
    id: str = ""
    # The file as this interview was read from it, or last saved to it (its stamp, its
    # text): a save finding another there (saved meanwhile) refuses to write over it.
    read_from: tuple[Stamp | None, str] | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> str:
        """The id, or the one made of what the interview records from the start."""
        return self.id or derived_id(self.questionnaire, self.slug, self.created)

    @property
    def guest_first(self) -> str:
        """The guest's first name, as questions, greetings and a dialogue's labels say it."""
        from jeudis.wording import first_name

        return first_name(self.guest, self.first_name)

    # -- answers ---------------------------------------------------------------
    def answer(self, answer_id: str) -> Answer | None:
        for answer in self.answers:
            if answer.id == answer_id:
                return answer
        return None

    def add_notes(self, block: str) -> None:
        """A block of text at the end of the private notes, a blank line before it."""
        self.notes = f"{self.notes.rstrip()}\n\n{block}".lstrip()

    def values(self) -> dict[str, Any]:
        """Answer values by question id (what conditions and wordings look at)."""
        return {a.id: a.value for a in self.answers if not a.skipped}

    def set_answer(self, new: Answer, *, after: str | None = None) -> None:
        """Record an answer, replacing the one with the same id or inserting it in place."""
        for index, old in enumerate(self.answers):
            if old.id == new.id:
                self.answers[index] = new
                return
        if after is not None:
            for index, old in enumerate(self.answers):
                if old.id == after:
                    self.answers.insert(index + 1, new)
                    return
        self.answers.append(new)

    def given_answers(self) -> Iterator[Answer]:
        return (a for a in self.answers if a.given)

    def numbers(self) -> dict[str, int]:
        """The questions' numbers, as the post numbers them: follow-ups and skipped
        questions have none (a question not answered yet has its place)."""
        numbered = (a.id for a in self.answers if not a.followup and not a.skipped)
        return {answer_id: number for number, answer_id in enumerate(numbered, 1)}

    @property
    def is_complete(self) -> bool:
        return self.status == "complete"

    # -- TOML ----------------------------------------------------------------------
    def room(self, key: str, asked: str, *, field: bool = False) -> int:
        """The bytes a text given at ``key`` may take, written (:func:`written_size`),
        for the file to stay one jeudis reads (:data:`~jeudis.files.MAX_FILE_SIZE`):
        a field's, or the answer to the question asked as ``asked``. What was typed
        there and kept goes once it is given; so does the answer it replaces."""
        probe = copy.copy(self)
        probe.pending = {where: typed for where, typed in self.pending.items() if where != key}
        if field:
            probe.fields = {**self.fields, key: ""}
        else:
            stored = self.answer(key)
            blank = (
                Answer.given_now(key, "long", asked, "")
                if stored is None
                else replace(stored, value="", skipped=False, answered_at=now())
            )
            probe.answers = [blank if answer is stored else answer for answer in self.answers]
            if stored is None:
                probe.answers.append(blank)
        taken = byte_size(probe.to_toml()) - written_size("")
        return MAX_FILE_SIZE - taken - ROOM_SLACK

    def to_toml(self) -> str:
        head: dict[str, Any] = {
            "format": FORMAT,
            "id": self.key,
            "questionnaire": self.questionnaire,
            "questionnaire_version": self.questionnaire_version,
            "title": self.title,
            "slug": self.slug,
            "guest": self.guest,
            "register": self.register,
        }
        if self.gender:
            head["gender"] = self.gender
        if self.first_name:  # written only when given: a file without reads by the rule
            head["first_name"] = self.first_name
        head.update(
            host=self.host,
            language=self.language,
            style=self.style,
            series=self.series,
            date=self.date,
            status=self.status,
        )
        if not self.published:  # written only when withdrawn, beside the status
            head["published"] = False
        head.update(created=self.created, updated=self.updated)
        if self.completed is not None:
            head["completed"] = self.completed
        if self.notes:
            head["notes"] = self.notes
        if self.former_slugs:
            head["former_slugs"] = self.former_slugs
        chunks = [_dump(head)]
        if self.pending:
            # Each under its own [[pending]] header, as the answers are: a long text
            # between triple quotes, a diff showing which question's text changed. The
            # choices ticked, a list: as an answer, read back as they were ticked.
            chunks.append(PENDING_COMMENT)
            chunks.extend(
                "[[pending]]\n"
                + _dump({"id": where, "text" if isinstance(typed, str) else "ticked": typed})
                for where, typed in self.pending.items()
            )
        if self.fields:
            chunks.append(_dump({"fields": self.fields}))
        if self.rewordings:
            chunks.append(_dump({"rewordings": self.rewordings}))
        # Each answer under its own [[answers]] header: left to itself, tomli-w
        # writes a short answer as an inline `answers = [...]`, which would land
        # inside the [fields] table (or repeat the key) and break the file.
        chunks.extend("[[answers]]\n" + _dump(a.to_dict()) for a in self.answers)
        if self.set_aside:
            chunks.append(SET_ASIDE_COMMENT)
            chunks.extend("[[set_aside]]\n" + _dump(a.to_dict()) for a in self.set_aside)
        return "\n".join(chunks)


# What giving a text writes besides it, which :meth:`Interview.room` leaves room for:
# its time, the interview completed, an answer set aside and the comment above it.
ROOM_SLACK = 512
# The characters tomli-w escapes in two (\" \\ \b \f), and in six (\u0001).
_ESCAPED_IN_TWO = '"\\\b\f'
_ESCAPED_IN_SIX = "".join(chr(n) for n in (*range(32), 127) if chr(n) not in "\t\n\r\b\f")


def written_size(text: str) -> int:
    """The bytes ``text`` takes in an interview file, as :func:`_dump` writes an answer's
    string: quoted and escaped, between triple quotes when it has lines (and no "\\r").
    Counted, not written: tomli-w takes a second for ten megabytes."""
    lines = "\n" in text and "\r" not in text
    size = byte_size(text) + (len('"""\n"""') if lines else len('""'))
    size += sum(map(text.count, _ESCAPED_IN_TWO))
    if not lines:
        size += text.count("\n") + text.count("\r")
    return size + 5 * sum(map(text.count, _ESCAPED_IN_SIX))


def fits(text: str, room: int) -> bool:
    """Whether ``text`` takes ``room`` bytes at most, written (:func:`written_size`)."""
    # Six bytes at most to a character (\u0001): a text that short is not counted.
    return len(text) * 6 + len('"""\n"""') <= room or written_size(text) <= room


def _dump(data: Mapping[str, Any]) -> str:
    # tomli-w folds CRLF to LF in multi-line strings; keep a pasted "\r" by
    # writing that table's strings on one line, escaped.
    return tomli_w.dumps(data, multiline_strings=not _has_cr(data))


def _has_cr(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, Mapping):
        return any(_has_cr(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_cr(v) for v in value)
    return False
