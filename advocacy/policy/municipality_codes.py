"""Turning what a spreadsheet says about a municipality into a 2024 kommunenummer.

Volunteers' files hold numbers (often without the leading zero, which Excel drops), names, names
with "kommune" after them, Sami or Norwegian name forms, and numbers from 2020–2023 for the
counties that were split on 1 January 2024 (30 Viken, 38 Vestfold og Telemark, 54 Troms og
Finnmark). data/kommunenummer-2020-2023.csv holds the old → new numbers; where a municipality was
itself split, it has no new number and the value is refused with the reason, never guessed.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

import sqlite_utils

from advocacy import texts
from advocacy.db import ROOT
from advocacy.errors import ValidationError

OLD_NUMBERS_CSV = ROOT / "data" / "kommunenummer-2020-2023.csv"
_NUMBER = re.compile(r"^(\d{3,4})(?:\s+.*)?$")
_SUFFIX = re.compile(r"\s+(kommune|kommun|gielda|suohkan)$")
_QUALIFIER = re.compile(r"\s*\(.*\)$")


@dataclass(frozen=True)
class Resolved:
    kommunenummer: str
    note: str | None = None  # said in the preview when an old number was translated


@functools.cache
def old_numbers() -> dict[str, dict[str, str]]:
    """gammelt_nummer → its row (gammelt_navn, nytt_nummer, nytt_navn, merknad)."""
    with OLD_NUMBERS_CSV.open(encoding="utf-8", newline="") as f:
        return {row["gammelt_nummer"]: row for row in csv.DictReader(f)}


def _key(name: str) -> str:
    return " ".join(name.lower().replace("–", " ").replace("-", " ").split())


class MunicipalityIndex:
    """All municipalities, looked up by number or any of their names; built once per import."""

    def __init__(self, db: sqlite_utils.Database):
        self.names: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}
        for knr, navn, navn_norsk in db.execute(
            "select kommunenummer, navn, navn_norsk from municipalities"
        ):
            self.names[knr] = texts.municipality_name(navn, navn_norsk)
            forms = {navn, _QUALIFIER.sub("", navn), self.names[knr]}
            if navn_norsk:
                forms |= {navn_norsk, f"{navn_norsk} – {navn}"}
            for form in forms:
                self.by_name.setdefault(_key(form), set()).add(knr)

    def resolve(self, value: str) -> Resolved:
        """The 2024 kommunenummer for a number or name; ValidationError says why not."""
        text = " ".join(str(value or "").split())
        if not text:
            raise ValidationError(texts.MUNICIPALITY_REQUIRED)
        number = _NUMBER.match(text)
        if number:
            knr = number.group(1).zfill(4)
            if knr in self.names:
                return Resolved(knr)
            old = old_numbers().get(knr)
            if old is None:
                raise ValidationError(texts.MUNICIPALITY_UNKNOWN.format(value=text))
            if not old["nytt_nummer"]:
                raise ValidationError(texts.MUNICIPALITY_OLD_REFUSED.format(
                    old=knr, name=old["gammelt_navn"], note=old["merknad"]))
            new = old["nytt_nummer"]
            return Resolved(new, texts.MUNICIPALITY_OLD_MAPPED.format(
                old=knr, name=old["gammelt_navn"], new=new, new_name=self.names[new]))
        key = _key(_SUFFIX.sub("", text.lower()))
        matches = self.by_name.get(key, set())
        if len(matches) == 1:
            return Resolved(next(iter(matches)))
        if matches:
            names = ", ".join(f"{k} {self.names[k]}" for k in sorted(matches))
            raise ValidationError(texts.MUNICIPALITY_AMBIGUOUS.format(value=text, names=names))
        raise ValidationError(texts.MUNICIPALITY_UNKNOWN.format(value=text))
