"""Characters including spaces, as newspapers count them: what a reader sees."""

import pytest

from advocacy.writing import char_count


@pytest.mark.parametrize(
    ("text", "chars"),
    [
        ("", 0),
        ("Hei på deg", 10),
        ("æøå ÆØÅ", 7),
        ("e\u0301", 1),  # e + combining acute accent: one letter on the page
        ("👍", 1),
        ("👍🏽", 1),  # emoji with a skin tone
        ("👨‍👩‍👧", 1),  # a family: three emoji joined with zero-width joiners
        ("🇳🇴", 1),  # a flag: two regional indicators
        ("Ja 👍🏽 takk", 9),
        ("  innrykk og hale  ", 15),  # blank space at the ends is not counted
        ("a\nb", 3),  # a line break counts as one
        ("a\r\nb", 3),  # Windows line end: one break
        ("a\rb", 3),
        ("a\n\nb", 3),  # a paragraph break counts as one
        ("a\n  \n\n\nb", 3),  # however many blank lines
        ("a  b", 4),  # spaces count as typed
        ("a\u00a0b", 3),  # a no-break space is a space
    ],
)
def test_characters_including_spaces(text, chars):
    assert char_count.count_chars(text) == chars


def test_norwegian_letters_are_one_character_each_whatever_the_bytes():
    text = "Blåbærsyltetøy"
    assert len(text.encode()) == 17
    assert char_count.count_chars(text) == 14


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("Hei på deg", 3), ("skjenketid – og vold", 3), ("kl. 02.00!", 2),
     ("linje\nto\n\ntre", 3), ("👍🏽", 0)],
)
def test_words(text, words):
    assert char_count.count_words(text) == words


def test_length_against_a_limit():
    fits = char_count.measure("x" * 100, 100)
    assert (fits.chars, fits.is_over, fits.over, fits.remaining) == (100, False, 0, 0)
    over = char_count.measure("æ" * 101, 100)
    assert (over.is_over, over.over, over.remaining) == (True, 1, -1)
    unlimited = char_count.measure("x" * 10_000, None)
    assert (unlimited.is_over, unlimited.remaining) == (False, None)
