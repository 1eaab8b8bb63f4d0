"""Turning what a guest typed into a checked answer value. Pure functions, no terminal."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from jeudis.questionnaire import Question

YES = {"oui", "o", "yes", "y", "true", "vrai", "1"}
NO = {"non", "n", "no", "false", "faux", "0"}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


class InvalidAnswer(ValueError):
    """The text cannot be this question's answer; the message says why, for the guest."""


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def coerce(question: Question, raw: Any) -> Any:
    """Check ``raw`` against the question's type and validation; return the value to store.

    Raises :class:`InvalidAnswer` with the message to show. An empty answer to
    an optional question returns None (skipped).
    """
    if is_empty(raw):
        if question.required:
            raise InvalidAnswer("Une réponse est nécessaire.")
        return None
    kind = question.type
    if kind in ("text", "long", "url"):
        if isinstance(raw, bool | list | dict):  # from a data file: never print a Python repr
            raise InvalidAnswer("Un texte est attendu.")
        value: Any = _text(question, str(raw))
    elif kind == "number":
        value = parse_number(str(raw))
    elif kind == "date":
        value = parse_date(str(raw))
    elif kind == "yesno":
        value = parse_yesno(raw)
    elif kind == "choice":
        value = str(raw)
        if value not in question.choices:
            raise InvalidAnswer("Choisir parmi : " + ", ".join(question.choices))
    elif kind == "multi":
        value = [str(v) for v in raw] if isinstance(raw, list) else _split_choices(str(raw))
        unknown = [v for v in value if v not in question.choices]
        if unknown:
            raise InvalidAnswer("Choix inconnu : " + ", ".join(unknown))
    else:  # pragma: no cover - the questionnaire loader rejects other types
        value = raw
    _check_bounds(question, value)
    return value


def _text(question: Question, raw: str) -> str:
    # Trailing blank lines and spaces are an artefact of typing, not part of the answer.
    value = raw.rstrip() if question.type == "long" else raw.strip()
    if question.type == "url":
        check_url(value)
    return value


def check_url(value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise InvalidAnswer("Une adresse complète est attendue, qui commence par https://")


def parse_number(raw: str) -> int | float:
    # "9 200", "9 200" (narrow no-break space), "8 572", "1,5" and "1.5" all read.
    text = re.sub(r"[\s\u00a0\u202f_']", "", raw.strip())
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d*[.,]\d+", text):
        return float(text.replace(",", "."))
    raise InvalidAnswer("Un nombre est attendu (par exemple 9 200).")


def parse_date(raw: str) -> dt.date:
    text = raw.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidAnswer("Une date est attendue, au format AAAA-MM-JJ ou JJ/MM/AAAA.")


def parse_yesno(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise InvalidAnswer("Répondre par oui ou par non.")


def _split_choices(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _check_bounds(question: Question, value: Any) -> None:
    rules = question.validation
    message = rules.message
    if isinstance(value, str):
        if rules.pattern and not re.fullmatch(rules.pattern, value):
            raise InvalidAnswer(message or "La réponse n’a pas la forme attendue.")
        if rules.min_length is not None and len(value) < rules.min_length:
            raise InvalidAnswer(
                message or f"Au moins {rules.min_length} caractères, s’il vous plaît."
            )
        if rules.max_length is not None and len(value) > rules.max_length:
            raise InvalidAnswer(
                message or f"Au plus {rules.max_length} caractères (il y en a {len(value)})."
            )
        words = len(value.split())
        if rules.min_words is not None and words < rules.min_words:
            raise InvalidAnswer(message or f"Au moins {rules.min_words} mots, s’il vous plaît.")
        if rules.max_words is not None and words > rules.max_words:
            raise InvalidAnswer(message or f"Au plus {rules.max_words} mots (il y en a {words}).")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if rules.min is not None and value < rules.min:
            raise InvalidAnswer(message or f"Au moins {rules.min:g}.")
        if rules.max is not None and value > rules.max:
            raise InvalidAnswer(message or f"Au plus {rules.max:g}.")
    if isinstance(value, list):
        if rules.min is not None and len(value) < rules.min:
            raise InvalidAnswer(message or f"Au moins {rules.min:g} choix.")
        if rules.max is not None and len(value) > rules.max:
            raise InvalidAnswer(message or f"Au plus {rules.max:g} choix.")


def as_input(value: Any) -> str:
    """An answer value as text to prefill an input with."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
