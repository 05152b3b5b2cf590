"""Turn a merge context into plain, XML-safe data before it reaches a template.

Why: a template is code written by someone else. Handing it a database handle or a model object
would let it walk to anything reachable from there; handing it a control character would corrupt
the Word XML. So only dicts, lists, text, numbers, booleans, dates and None get through, and text
is cleaned so that what the user typed is what the letter shows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from advocacy.documents.errors import UnsafeContext
from advocacy.texts import format_date

# Characters XML 1.0 forbids (everything below 0x20 except tab, newline and carriage return, and
# the two non-characters). A user pasting from a PDF can bring these along.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# docxtpl turns "\a" inside a text run into a paragraph break (same paragraph style) and "\n"
# into a line break. A blank line typed by the user is a new paragraph; one newline is a break.
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
PARAGRAPH_BREAK = "\a"

MAX_DEPTH = 8


def clean_text(value: str) -> str:
    """Text as typed, minus what XML cannot hold; blank lines become paragraph breaks."""
    text = _XML_FORBIDDEN.sub("", value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Surrogates (from broken copy-paste) cannot be encoded to UTF-8.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _BLANK_LINES.sub(PARAGRAPH_BREAK, text.strip("\n"))


def plain_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """A validated copy of ``context`` ready for rendering.

    Dates become Norwegian text ("12. mars 2026"). Raises UnsafeContext naming the field whose
    value is not plain data.
    """
    if not isinstance(context, Mapping):
        raise UnsafeContext("Flettefeltene må være et oppslag fra feltnavn til verdi.")
    return _plain_mapping(context, "", 0)


def _plain_mapping(mapping: Mapping[str, Any], path: str, depth: int) -> dict[str, Any]:
    result = {}
    for key, value in mapping.items():
        if not isinstance(key, str):
            raise UnsafeContext(
                f"Feltnavnet {key!r} i «{path or 'flettefeltene'}» må være tekst.", path=path
            )
        result[key] = _plain(value, f"{path}.{key}" if path else key, depth + 1)
    return result


def _plain(value: Any, path: str, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise UnsafeContext(f"Feltet «{path}» er nøstet for dypt.", path=path)
    if value is None or type(value) in (bool, int, float):
        return value
    if isinstance(value, str):
        # str() drops subclasses such as markupsafe.Markup, which would skip autoescaping.
        return clean_text(str.__str__(value))
    if isinstance(value, dt.date):  # datetime is a date too: shown as its date
        return format_date(value)
    if isinstance(value, Mapping) and type(value) is dict:
        return _plain_mapping(value, path, depth)
    if type(value) in (list, tuple):
        return [_plain(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
    raise UnsafeContext(
        f"Feltet «{path}» har en verdi som ikke er tekst, tall, dato, liste eller oppslag. "
        "Bare slike enkle verdier kan flettes inn i en mal.",
        path=path,
    )
