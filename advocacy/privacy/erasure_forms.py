"""The forms a person takes in free text, as patterns an erasure finds and replaces.

A name is found whatever the spacing between its parts (repeated, non-breaking or zero-width
spaces, line breaks; a soft hyphen inside a word), in any case, composed or decomposed («å» or
«a» + ring), with the Norwegian letters also written the ASCII way («Nygaard», «Nygard»), with
an ending on the last
part (genitive «Nygårds», «Nygårds'», «Nygårdsʼ», «Nygård-saken») and with the order turned
(«Nygård, Kari»). An e-mail address is found in any case; a phone number with or without
spaces, dots or dashes between its digits and with or without +47 / 0047. JSON values (merge
fields, drafts, the papirkurv) are read as JSON, so escaped text («\\u00e5», «\\n») is found
too, and files kept in them as base64 are handed to `on_blob`.

The surname alone is not erased: `Forms.surname` finds it for the list the leader reviews.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections.abc import Callable, Iterable

from advocacy import texts
from advocacy.errors import ValidationError
from advocacy.privacy.erasure_marks import ERASED

MIN_TERM = 3
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters
INVISIBLE_GAP = f"[{INVISIBLE}]*"
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)
SPACE = r"[\s\u200b\u2060\ufeff]+"  # any whitespace (incl. NBSP, NNBSP, line breaks), ZWSP
ENDING = r"(?:\w*(?:(?<=s)['’ʼ]|['’ʼ]s)?)"  # Nygårds, Nygårds', Nygård's, Nygårdsen
FILE_GAP = r"[_\-]+"  # a name in a file name: kari-nygard, Kari_Nygård
NOT_BEFORE = r"(?<![\w-])"  # «Anne-Kari» is not «Kari»
ASCII_FORMS = {"å": ("aa", "a"), "æ": ("ae",), "ø": ("oe", "o")}
PHONE_CHARS = re.compile(r"^[\d\s+().\-/\u00a0]+$")
PHONE_GAP = r"[\s.\-/\u00a0]*"
PHONE_SQUEEZE = re.compile(r"[^\d]+")
BLOB_KEY = "$base64"  # how the papirkurv keeps a file inside its JSON (advocacy.privacy.trash)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_term(term) -> str:
    """A name as stored or typed: NFC, invisible characters out, single spaces."""
    return nfc(" ".join(str(term).translate(_DROP_INVISIBLE).split()))


def _letter(char: str) -> str:
    """One letter of a name as a pattern: itself, its ASCII spellings, its base letter."""
    forms = [re.escape(char)]
    lower = char.lower()
    forms += [re.escape(f) for f in ASCII_FORMS.get(lower, ())]
    base = "".join(c for c in unicodedata.normalize("NFD", char)
                   if not unicodedata.combining(c))
    if base and base != char and re.escape(base) not in forms:
        forms.append(re.escape(base))
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def _word(word: str) -> str:
    """A word as a pattern; a soft hyphen or zero-width character may stand between letters."""
    return INVISIBLE_GAP.join(_letter(c) for c in word)


def _name_patterns(term: str) -> list[str]:
    words = term.split()
    found = [NOT_BEFORE + SPACE.join(_word(w) for w in words) + ENDING + r"(?!\w)"]
    if len(words) > 1:  # «Nygård, Kari» / «Nygård Kari»
        found.append(NOT_BEFORE + _word(words[-1]) + r",?" + SPACE
                     + SPACE.join(_word(w) for w in words[:-1]) + r"(?!\w)")
    return found


def _national(digits: str, term: str) -> str:
    if digits.startswith("0047"):
        return digits[4:]
    if term.lstrip().startswith("+47") or (digits.startswith("47") and len(digits) == 10):
        return digits[2:]
    return digits


def _phone_pattern(term: str) -> str:
    digits = _national(re.sub(r"\D", "", term), term)
    # +47, 0047, (+47), 47: each starts with its own character, so a run of spaces is passed
    # over at once.
    prefix = (r"(?:(?:\+|00|\(\+?|\(00)?4" + PHONE_GAP + "7" + r"\)?" + PHONE_GAP + ")?")
    return r"(?<![\d+])" + prefix + PHONE_GAP.join(digits) + r"(?!\d)"


def is_phone(term: str) -> bool:
    return bool(PHONE_CHARS.match(term)) and len(re.sub(r"\D", "", term)) >= 5


def _core(word: str) -> str:
    """The longest run of letters written only one way (casefolded): any form of the word
    holds it, so a text without it cannot name the person."""
    runs = re.split("|".join(re.escape(c) for c in word if _letter(c) != re.escape(c))
                    or r"(?!)", word)
    return max(runs, key=len).casefold()


def term_anchor(term: str) -> tuple[str, str]:
    """("text", core) or ("phone", digits): what every form of the term contains."""
    term = clean_term(term)
    if "@" in term:
        return "text", term.casefold()
    if is_phone(term):
        return "phone", _national(re.sub(r"\D", "", term), term)
    return "text", max((_core(w) for w in term.split()), key=len)


def term_patterns(term: str) -> list[str]:
    term = clean_term(term)
    if len(term) < MIN_TERM:
        return []
    if "@" in term:
        return [r"(?<![\w.+-])" + re.escape(term) + r"(?![\w-])"]
    if is_phone(term):
        return [_phone_pattern(term)]
    return _name_patterns(term)


class Forms:
    """Finds and replaces one person's name(s), e-mail and phone in text and JSON values.

    `on_blob(data)` is asked about each file kept inside JSON: None leaves it, b"" drops it,
    other bytes replace it."""

    def __init__(self, terms: Iterable, surname: str | None = None,
                 on_blob: Callable[[bytes], bytes | None] | None = None,
                 slugs: Iterable[str] = ()):
        terms = [t for t in terms if t and term_patterns(t)]
        found = {p for t in terms for p in term_patterns(t)}
        # A name in a file name ("brev-til-kari-nygard_2.docx"): between any non-letters.
        file_names = [clean_term(s.replace("-", " ")).split() for s in slugs
                      if len(s) >= MIN_TERM]
        found |= {r"(?<![^\W_])" + FILE_GAP.join(_word(w) for w in words) + r"(?![^\W_])"
                  for words in file_names if len(words) > 1}
        patterns = sorted(found, key=len, reverse=True)
        anchors = [term_anchor(t) for t in terms]
        anchors += [("text", max((_core(w) for w in words), key=len))
                    for words in file_names if len(words) > 1]
        self.cores = {a for kind, a in anchors if kind == "text"}
        self.phones = {a for kind, a in anchors if kind == "phone"}
        if any(len(a) < 2 for a in self.cores | self.phones):
            self.cores = None  # no safe shortcut: always search
        if not patterns:
            raise ValidationError(texts.PRIVACY_NAME_TOO_SHORT)
        self.pattern = re.compile("|".join(patterns), re.IGNORECASE)
        surname = clean_term(surname or "")
        self.surname, self.surname_core = None, _core(surname)
        if len(surname) >= MIN_TERM and not self.pattern.fullmatch(surname):
            self.surname = re.compile(NOT_BEFORE + _word(surname) + ENDING + r"(?!\w)",
                                      re.IGNORECASE)
        self.on_blob = on_blob

    # --- plain text ---

    def may_name(self, text: str) -> bool:
        """A quick test (plain substring search): False means the text cannot name them."""
        if self.cores is None:
            return True
        folded = text.translate(_DROP_INVISIBLE).casefold()
        if any(core in folded for core in self.cores):
            return True
        return bool(self.phones) and any(d in PHONE_SQUEEZE.sub("", text) for d in self.phones)

    def hit_text(self, text: str) -> bool:
        return self.may_name(text) and bool(self.pattern.search(nfc(text)))

    def replace_text(self, text: str) -> str:
        return self.pattern.sub(ERASED, nfc(text)) if self.may_name(text) else text

    def surname_only(self, text: str) -> str | None:
        """An excerpt around the first mention of the surname that is not part of a full-name
        form (None if there is none)."""
        if (self.surname is None or not isinstance(text, str)
                or self.surname_core not in text.translate(_DROP_INVISIBLE).casefold()):
            return None
        rest = self.replace_text(text)
        found = self.surname.search(rest)
        if found is None:
            return None
        start, end = max(found.start() - 40, 0), min(found.end() + 40, len(rest))
        excerpt = " ".join(rest[start:end].split())
        return ("…" if start else "") + excerpt + ("…" if end < len(rest) else "")

    # --- column values: text or JSON ---

    @staticmethod
    def _json(value: str):
        if value[:1] not in "{[" or ("\\" not in value and BLOB_KEY not in value):
            return None
        try:
            return json.loads(value)
        except ValueError:
            return None

    def hit(self, value) -> int:
        if not isinstance(value, str):
            return 0
        if self.hit_text(value):
            return 1
        parsed = self._json(value)
        return int(parsed is not None and self._walk(parsed)[1])

    def replace(self, value):
        if not isinstance(value, str):
            return value
        parsed = self._json(value)
        if parsed is not None:
            new, changed = self._walk(parsed)
            value = json.dumps(new, ensure_ascii=False) if changed else value
        return self.replace_text(value) if self.hit_text(value) else value

    def _walk(self, item):
        """(item with every string scrubbed, whether anything changed)."""
        if isinstance(item, str):
            new = self.replace_text(item) if self.hit_text(item) else item
            return new, new != item
        if isinstance(item, list):
            pairs = [self._walk(i) for i in item]
            return [p[0] for p in pairs], any(p[1] for p in pairs)
        if isinstance(item, dict):
            if set(item) == {BLOB_KEY} and self.on_blob is not None:
                new = self.on_blob(base64.b64decode(item[BLOB_KEY]))
                if new is None:
                    return item, False
                return ({BLOB_KEY: base64.b64encode(new).decode("ascii")} if new else None), True
            pairs = {k: self._walk(v) for k, v in item.items()}
            return {k: p[0] for k, p in pairs.items()}, any(p[1] for p in pairs.values())
        return item, False
