"""The production password cost: the suite hashes cheaply (tests/conftest.py), the app does not."""

from __future__ import annotations

import argon2
from argon2.profiles import RFC_9106_LOW_MEMORY

from advocacy.accounts import accounts


def test_the_app_hashes_with_argon2s_recommended_cost():
    production = accounts._BoundedHasher(1)
    stored = production.hash("et langt nok passord")
    assert argon2.extract_parameters(stored) == RFC_9106_LOW_MEMORY
    assert production.verify(stored, "et langt nok passord")


def test_a_cheap_test_hash_is_upgraded_when_the_app_checks_it():
    cheap = accounts._hasher.hash("et langt nok passord")
    assert accounts._BoundedHasher(1).check_needs_rehash(cheap)


def test_an_unknown_name_is_checked_against_a_hash_of_the_same_cost():
    production = accounts._BoundedHasher(1)
    dummy = production.dummy_hash()
    assert argon2.extract_parameters(dummy) == RFC_9106_LOW_MEMORY
    assert production.dummy_hash() is dummy  # made once
    assert argon2.extract_parameters(accounts._hasher.dummy_hash()) == (
        argon2.extract_parameters(accounts._hasher.hash("et langt nok passord")))
