"""Cues around a name that say whose it is: a town's own institutions ('Winnipeg police', 'Enfield Council'), a
location line ('Nefta, Tozeur, Tunisia.') and the marks of a person ('"...," said Georgia', 'his wife, Nina',
'Georgia's father'); vocabularies in data/recognition.json."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ._non_place_uses import inside_longer_name
from ._normalise import name_key
from ._sources import data_file

__all__ = ["in_location_line", "is_institution_s_seat", "is_person_s_name"]

# A line or sentence that is only a place and what contains it, ending with a country: the location line of
# event notes, field reports and agency bulletins ('Gao, Gao region, Mali.', 'Tessalit, Kidal region, Mali').
# Items are names of up to four words ('Bordj Badji Mokhtar'), a division's kind word allowed ('Kidal region').
_ITEM = r"[A-Z][^\s,.;:()]*(?:[ \t]+[^\s,.;:()]+){0,3}"
_LOCATION_LINE = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?][ \t]))[ \t]*({_ITEM}(?:,[ \t]*{_ITEM}){{1,3}})[ \t]*(?:\.(?=\s|$)|\n|$)"
)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    return data_file("recognition.json")  # type: ignore[no-any-return]


@lru_cache(maxsize=4)
def _keys(section: str) -> frozenset[str]:
    return frozenset(name_key(word) for word in _vocabulary()[section])


@lru_cache(maxsize=1)
def _institution_pattern() -> re.Pattern[str]:
    words = sorted(_vocabulary()["institutions_after"], key=len, reverse=True)
    return re.compile(r"(?:['’]s)?\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


@lru_cache(maxsize=8192)
def is_institution_s_seat(text: str, start: int, end: int) -> bool:
    """The name written before a town's own police, council or mayor ('Winnipeg police', 'the Glasgow Police
    Department', 'Enfield Council's', 'Beaconsfield Mayor'): it names the town, whatever the entity model made
    of it; not a word that says what kind of police or council it is ('Federal Police', 'Security Council')."""
    if not _institution_pattern().match(text, end):
        return False
    return name_key(text[start:end]) not in _keys("institution_qualifiers")


@lru_cache(maxsize=1)
def _person_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Verbs only: a report or an agency is quoted 'according to' a country as much as a person.
    speech = "|".join(re.escape(w) for w in _vocabulary()["speech_words"] if " " not in w)
    kin = "|".join(re.escape(w) for w in sorted(_vocabulary()["kin_words"], key=len, reverse=True))
    # Quoted as a speaker ('," said Georgia'), or named as someone's kin ('his wife, Nina', 'girlfriend Olivia';
    # in lower case: 'Mother Russia' is a country).
    quoted = re.compile(rf"(?:[\"”]\s*,?\s*(?:{speech})|\b(?:{kin})s?,?)\s+$")
    return quoted, re.compile(rf"(?:['’]s\s+(?:{kin})|\s+(?:herself|himself))\b")


def is_person_s_name(text: str, start: int, end: int) -> bool:
    """A name quoted as a speaker ('"...," said Georgia'), named as someone's kin ('his wife, Nina') or with its
    kin ('Georgia's father') or 'herself': a person's, not a place's. A country or town speaks only in the
    reporter's words ('Russia said')."""
    quoted, kin = _person_patterns()
    if kin.match(text, end):
        return True
    # Not a longer name's first word: '," said Montreal Mayor Denis Coderre' quotes the mayor.
    return bool(quoted.search(text[max(0, start - 30) : start])) and not inside_longer_name(text, start, end)


@lru_cache(maxsize=1024)
def _location_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each location line of a text: items joined by commas, the last one a country."""
    import pycountry

    found = []
    for match in _LOCATION_LINE.finditer(text):
        last = match.group(1).rsplit(",", 1)[1].strip()
        try:
            pycountry.countries.lookup(last)
        except LookupError:
            continue
        found.append(match.span(1))
    return tuple(found)


def in_location_line(text: str, start: int, end: int) -> bool:
    """The name is an item of a location line ('Nefta, Tozeur, Tunisia.'): the line says it is a place, however
    small, even opening a sentence where a capital letter says nothing."""
    return any(s <= start and end <= e for s, e in _location_lines(text))
