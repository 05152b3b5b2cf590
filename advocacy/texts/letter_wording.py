"""Letter wording: lists of names, signatures, the length of free texts and field labels.

The helpers here are pure text (Babel's list patterns for nb), so the domain, the render
context and the pages join names and signatures the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel.lists import format_list

from advocacy.texts.common import format_number


def join_list(items: Iterable[object]) -> str:
    """«A», «A og B», «A, B og C»: the non-empty items as a Norwegian list."""
    names = [str(i).strip() for i in items if i is not None and str(i).strip()]
    return format_list(names, locale="nb") if names else ""


def join_parts(parts: Iterable[object], sep: str = ", ") -> str:
    """A signature line from its parts, leaving out the empty ones (no «, ,»)."""
    return sep.join(str(p).strip() for p in parts if p is not None and str(p).strip())


# --- Free-text limits ---
# Generous: a real summary is a page or two; these stop a pasted book, not a long meeting.
MEETING_TEXT_LIMITS = {
    "summary": 20_000, "asks": 10_000, "promises": 10_000, "our_participants": 2_000,
    "topics": 2_000, "outcome": 2_000,
}
MEETING_TEXT_NOUNS = {
    "summary": "Sammendraget", "asks": "«Det vi ba om»",
    "promises": "«Det som ble lovet eller avtalt»", "our_participants": "«Våre deltakere»",
    "topics": "«Tema»", "outcome": "«Utfall»",
}
LETTER_TEXT_LIMIT = 20_000
TEXT_TOO_LONG = "{noun} kan være høyst {limit} tegn; nå er det {n}."
FIELD_TOO_LONG = "«{label}» kan være høyst {limit} tegn; nå er det {n}."


def text_too_long(noun: str, limit: int, n: int) -> str:
    return TEXT_TOO_LONG.format(noun=noun, limit=format_number(limit), n=format_number(n))


def field_too_long(label: str, limit: int, n: int) -> str:
    return FIELD_TOO_LONG.format(label=label, limit=format_number(limit), n=format_number(n))


# --- Field labels ---
MISSING_FIELDS = "Disse flettefeltene mangler verdi: {names}."
MISSING_VALUES = "Mangler verdi: {names}"
AVTALT_HELP = ("Brevet skriver «Dette ble avtalt i møtet:» foran teksten, så skriv hele "
               "setninger, for eksempel «Ordføreren tar saken opp i formannskapet.»")
AVTALT_PLACEHOLDER = "F.eks. Ordføreren tar saken opp i formannskapet."
AVTALT_DEFAULT = "Vi sender deg en kort oppsummering av det vi tok opp."

LIMIT_COUNT = "{n} av {limit} tegn"
LIMIT_OVER = " – {over} for mye"
