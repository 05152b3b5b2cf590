"""Length of a text as newspapers measure it: characters including spaces, and words.

The rule (the same one the page's live counter runs in the browser, see ui/live_count.py):

- **Characters are what a reader sees**: user-perceived characters (Unicode extended grapheme
  clusters), so "æ", "ø", "å", an "e" with a combining accent and an emoji such as 👍🏽 or 👨‍👩‍👧
  count once each, however many code points or bytes they take.
- **Spaces count** ("tegn inkl. mellomrom"), every one of them, as typed.
- **A line break counts as one character**, like the space it replaces when the editor pastes
  the text. A paragraph break (a blank line, or several) also counts as one: editors measure
  the text, not the empty lines between paragraphs. Windows line ends (CR LF) are one break.
  Word's own count leaves line breaks out altogether, so ours is at most one character per
  line higher: a letter that fits here fits there.
- Blank space before the first and after the last visible character is not counted.

Words are runs of non-blank characters holding at least one letter or digit, so a lone dash
("–") between two words is not a word.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_LINE_ENDS = regex.compile(r"\r\n?")
_BLANK_LINES = regex.compile(r"\n(?:[ \t]*\n)+")
_GRAPHEME = regex.compile(r"\X")
_WORD = regex.compile(r"\S+")
_HAS_LETTER = regex.compile(r"[\p{L}\p{N}]")


def normalise(text: str | None) -> str:
    """The text as it is counted: LF line ends, paragraph breaks as one, ends trimmed."""
    text = _LINE_ENDS.sub("\n", text or "")
    return _BLANK_LINES.sub("\n", text).strip()


def count_chars(text: str | None) -> int:
    """Characters including spaces, counted as a reader sees them (see the module docstring)."""
    return len(_GRAPHEME.findall(normalise(text)))


def count_words(text: str | None) -> int:
    return sum(1 for word in _WORD.findall(text or "") if _HAS_LETTER.search(word))


@dataclass(frozen=True)
class Length:
    """A text's length against a limit (None: the newspaper has no limit on record)."""

    chars: int
    words: int
    limit: int | None = None

    @property
    def over(self) -> int:
        """How many characters too many (0 when within the limit or without one)."""
        return max(0, self.chars - self.limit) if self.limit else 0

    @property
    def is_over(self) -> bool:
        return self.over > 0

    @property
    def remaining(self) -> int | None:
        return None if not self.limit else self.limit - self.chars


def measure(text: str | None, limit: int | None = None) -> Length:
    return Length(count_chars(text), count_words(text), limit or None)
