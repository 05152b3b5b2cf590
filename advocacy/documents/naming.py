"""File names for generated letters: meaningful, safe on every system, unique within a zip.

Why ASCII: the names travel through e-mail, zip tools and Windows file systems, several of which
still mangle æøå. So æ→ae, ø→o, å→aa (the Norwegian transliteration), other accents are dropped,
and everything else that is not a letter or digit becomes a hyphen.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_NORWEGIAN = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "aa", "Å": "Aa", "ß": "ss"}
)
_NOT_SAFE = re.compile(r"[^a-z0-9]+")
MAX_PART = 40
MAX_NAME = 120


def slug(text: object) -> str:
    """ "Kari Nordmann" -> "kari-nordmann"; "Bø i Telemark" -> "bo-i-telemark"."""
    ascii_text = unicodedata.normalize("NFKD", str(text).translate(_NORWEGIAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SAFE.sub("-", ascii_text).strip("-")[:MAX_PART].strip("-")


def document_filename(*parts: object, extension: str = "docx") -> str:
    """Join the non-empty parts as slugs with "_": dates as 2026-03-12.

    >>> document_filename(dt.date(2026, 3, 12), "oppfolgingsbrev", "Drammen", "Kari Nordmann")
    '2026-03-12_oppfolgingsbrev_drammen_kari-nordmann.docx'
    """
    pieces = [p.isoformat()[:10] if isinstance(p, dt.date) else slug(p) for p in parts if p]
    stem = "_".join(piece for piece in pieces if piece)[:MAX_NAME].strip("_-") or "dokument"
    return f"{stem}.{extension}"


def letter_filename(kind: str, context: dict, date: dt.date | None = None) -> str:
    """The usual name for a letter: date, kind, municipality, recipient, from merge fields."""
    when = date or context.get("dato") or dt.date.today()
    if isinstance(when, str):
        when = _parse_date(when)
    recipient = context.get("mottaker_navn") or context.get("tittel")
    return document_filename(when, kind, context.get("kommune"), recipient)


class UniqueNames:
    """Hands out names, adding -2, -3 … before the extension when a name is taken."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        safe = _safe_name(name)
        stem, dot, ext = safe.rpartition(".")
        if not dot:
            stem, ext = safe, ""
        candidate, n = safe, 1
        while candidate.lower() in self._taken:
            n += 1
            candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
        self._taken.add(candidate.lower())
        return candidate


def _safe_name(name: str) -> str:
    """A caller's name made safe: no folders, no control characters, never empty."""
    stem, dot, ext = name.replace("\\", "/").rsplit("/", 1)[-1].rpartition(".")
    if not dot:
        stem, ext = ext, ""
    stem = "_".join(slug(piece) for piece in stem.split("_") if slug(piece)) or "dokument"
    ext = slug(ext)
    return f"{stem[:MAX_NAME]}.{ext}" if ext else stem[:MAX_NAME]


def _parse_date(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return text


# --- Names as people write them, for files a user downloads and opens («Oppfølgingsbrev –
# Åse Vik.docx»): letters, digits, spaces and punctuation kept, æøå included; what no file
# system takes, or could mislead (folders, control and bidi characters), left out. A zip
# carries such names as UTF-8 (its flag 0x800, which Python sets), read right by Windows'
# Explorer, macOS and unzip alike.

_NOT_IN_FILE_NAMES = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
             *(f"LPT{n}" for n in range(10))}
MAX_READABLE = 100


def readable_name(text: object) -> str:
    """A file name stem as written, made safe: «Oppfølgingsbrev – Åse Vik»; «../x» → «.. x»."""
    text = unicodedata.normalize("NFC", str(text))
    kept = "".join(" " if c in _NOT_IN_FILE_NAMES or unicodedata.category(c)[0] in "CZ" else c
                   for c in text)
    name = " ".join(kept.split()).strip(" .")
    if len(name) > MAX_READABLE:
        name = name[: MAX_READABLE - 1].rstrip(" .") + "…"
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name or "dokument"


class ReadableNames:
    """Like UniqueNames, for names as people write them: a name taken (in any case) gets
    « (2)», « (3)» … before the extension."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        stem, dot, ext = str(name).rpartition(".")
        if not dot:
            stem, ext = ext, ""
        stem, ext = readable_name(stem), slug(ext)
        suffix = f".{ext}" if ext else ""
        candidate, n = f"{stem}{suffix}", 1
        while candidate.casefold() in self._taken:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        self._taken.add(candidate.casefold())
        return candidate
