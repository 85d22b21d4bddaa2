"""The word lists that decide whether a capitalised name is used as a place (data/recognition.json), and the
demonyms, adjectives and abbreviations of countries and divisions (data/countries.json, admin_abbreviations.json),
as name keys."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ._normalise import name_key
from ._sources import data_file

__all__ = [
    "abbreviations",
    "adjectives",
    "alternatives",
    "brands",
    "calendar_words",
    "compound_suffixes",
    "demonyms",
    "facility_words",
    "function_words",
    "keys",
    "language_words",
    "natural_feature_words",
    "vocabulary",
    "water_words",
]


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """data/recognition.json as it is written."""
    return data_file("recognition.json")  # type: ignore[no-any-return]


def keys(section: str) -> frozenset[str]:
    """The name keys of one word list of data/recognition.json."""
    return frozenset(name_key(word) for word in vocabulary()[section])


def alternatives(words: list[str]) -> str:
    """A regular-expression alternation of the words, longest first (so that 'border post' wins over 'border')."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym and adjective keys -> country alpha-2."""
    table: dict[str, str] = {}
    for code, entry in data_file("countries.json")["countries"].items():
        for word in entry.get("demonyms", []):
            table.setdefault(name_key(word), code)
    return table


@lru_cache(maxsize=1)
def abbreviations() -> set[str]:
    """Keys of the abbreviations of divisions ('Ky.', 'Mass.', 'B.C.'): places only in 'Town, Abbr.' position."""
    table = data_file("admin_abbreviations.json")["abbreviations"]
    return {name_key(a) for names in table.values() for a in names if len(name_key(a)) <= 5}


@lru_cache(maxsize=1)
def adjectives() -> dict[str, str]:
    """Demonyms of countries (-> alpha-2) and of continents (-> 'continent:XX'): adjectives that name places."""
    table = dict(demonyms())
    for code, entry in data_file("countries.json")["continents"].items():
        for word in entry.get("demonyms", []):
            table.setdefault(name_key(word), f"continent:{code}")
    return table


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Keys of month and weekday names (English, French), some of which are also towns ('March', 'August')."""
    return keys("calendar_words")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Keys of English determiners, quantifiers and pronouns, some of which name towns ('Most', 'Many')."""
    return keys("function_words")


@lru_cache(maxsize=1)
def brands() -> frozenset[str]:
    """Keys of makes of vehicles, weapons and equipment that are also place names ('Toyota'), and of common nouns
    written with a capital that are also towns ('Congress', 'Olympic'): places only where the text says so."""
    return keys("brands") | keys("common_nouns")


@lru_cache(maxsize=1)
def natural_feature_words() -> frozenset[str]:
    """Last words of names of rivers, mountains, coasts...: 'Niger River' is not the place Niger."""
    return keys("natural_feature_words")


@lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    """Last words of names of streets and buildings: alone ('Street', 'Church') they name no place."""
    return keys("facility_words")


@lru_cache(maxsize=1)
def compound_suffixes() -> frozenset[str]:
    return keys("compound_suffixes")


@lru_cache(maxsize=1)
def water_words() -> frozenset[str]:
    return keys("water_words")


@lru_cache(maxsize=1)
def language_words() -> frozenset[str]:
    return keys("language_words")
