"""Field codes, for the upload guard (guard.py): the fields that make Word run commands or fetch
other files when the letter is opened, however they are spelt or assembled (split over runs, in
``w:fldSimple``, the field name built from nested ``QUOTE`` fields).
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from advocacy import texts
from advocacy.documents.guard_links import (
    _UNC_IN_FIELD,
    _attribute,
    _check_link,
    _local,
    _refuse,
)

# Field codes that make Word run commands or fetch other files when the letter is opened.
_DANGEROUS_FIELDS = {
    "DDE": "et DDE-felt, som kan kjøre kommandoer",
    "DDEAUTO": "et DDE-felt, som kan kjøre kommandoer",
    "INCLUDETEXT": "et INCLUDETEXT-felt, som henter inn andre filer",
    "INCLUDEPICTURE": "et INCLUDEPICTURE-felt, som henter bilder utenfra",
    "INCLUDE": "et INCLUDE-felt, som henter inn andre filer",
    "IMPORT": "et IMPORT-felt, som henter inn andre filer",
    "LINK": "et LINK-felt, som kobler til andre filer",
    "DATABASE": "et DATABASE-felt, som henter data fra en database utenfra",
    "RD": "et RD-felt, som henter inn andre filer",
}
_FIELD_NAME = re.compile(r"[^A-Za-z]*([A-Za-z]+)")
_FIELD_TARGET = re.compile(r"^\s*[A-Za-z]+\s+(?:\\[a-z]\s+)*\"?([^\"\s]+)")
_QUOTE_CODES = re.compile(r"^\s*QUOTE\s+((?:\d+\s*)+)$", re.I)
_QUOTE_TEXT = re.compile(r"^\s*QUOTE\s+\"?(.*?)\"?\s*$", re.I | re.S)


def _check_fields(name: str, root: etree._Element) -> None:
    for instruction, computed in _field_instructions(root):
        field = _without_invisible(instruction)
        match = _FIELD_NAME.match(field)
        field_name = match.group(1).upper() if match else ""
        if field_name in _DANGEROUS_FIELDS:
            raise _refuse(f"Malen inneholder {_DANGEROUS_FIELDS[field_name]}.")
        if computed:
            raise _refuse(texts.GUARD_COMPUTED_FIELD)
        if field_name == "HYPERLINK":
            target = _FIELD_TARGET.match(field)
            if target:
                _check_link(target.group(1), name, external=True)
        elif _UNC_IN_FIELD.search(field):
            raise _refuse(texts.GUARD_UNC_PATH.format(value=field.strip()[:80], name=name))


def _without_invisible(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


_FIELD_TAGS = tuple("{*}" + name for name in ("fldSimple", "fldChar", "instrText", "delInstrText", "t"))


class _Field:
    """An open complex field: its instruction so far, and its result text once separated."""

    def __init__(self) -> None:
        self.instruction: list[str] = []
        self.result: list[str] = []
        self.separated = False
        self.computed = False  # a nested field came before the field's name

    def text(self) -> str:
        return "".join(self.instruction)

    def value(self) -> str:
        """What the field stands for inside another field's instruction."""
        instruction = self.text()
        codes = _QUOTE_CODES.match(instruction)
        if codes:
            return "".join(chr(int(n)) for n in codes.group(1).split() if int(n) < 0x110000)
        quoted = _QUOTE_TEXT.match(instruction)
        if quoted:
            return quoted.group(1)
        return "".join(self.result)


def _field_instructions(root: etree._Element) -> list[tuple[str, bool]]:
    """Every field instruction in a part, complex fields joined across runs, with whether its
    name was built from nested fields.

    A complex field is ``fldChar begin`` … ``instrText`` runs … ``fldChar separate/end``; the
    instruction can be split over many runs ("IN" + "CLUDETEXT") and fields can nest. A nested
    field in an instruction stands for its value there (a QUOTE field for its text or character
    codes, others for their shown result), so ``{ {QUOTE "DD"}{QUOTE "E"} … }`` reads as DDE.
    """
    result: list[tuple[str, bool]] = []
    stack: list[_Field] = []
    for el in root.iter(_FIELD_TAGS):
        local = _local(el.tag)
        if local == "fldSimple":
            result.append((_attribute(el, "instr") or "", False))
        elif local == "fldChar":
            kind = (_attribute(el, "fldCharType") or "").lower()
            if kind == "begin":
                if stack and not stack[-1].separated and not stack[-1].text().strip():
                    stack[-1].computed = True
                stack.append(_Field())
            elif kind == "separate" and stack and not stack[-1].separated:
                stack[-1].separated = True
                result.append((stack[-1].text(), stack[-1].computed))
            elif kind == "end" and stack:
                field = stack.pop()
                if not field.separated:
                    result.append((field.text(), field.computed))
                if stack and not stack[-1].separated:
                    stack[-1].instruction.append(field.value())
        elif local in ("instrText", "delInstrText"):
            if stack and not stack[-1].separated:
                stack[-1].instruction.append(el.text or "")
            else:
                result.append((el.text or "", False))  # outside a field: judge it anyway
        elif local == "t" and stack and stack[-1].separated:
            stack[-1].result.append(el.text or "")
    result.extend((field.text(), field.computed) for field in stack if not field.separated)
    # A field whose instruction holds nested fields is judged again with their values in place.
    return result
