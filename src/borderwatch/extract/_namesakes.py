"""The region's country a report's places name when the gazetteer read them as namesakes elsewhere.

ACLED names an unnamed attacker after the country the event happened in. A village of the Sahel that
the gazetteer resolves to a namesake abroad ("near Boni" read as Bonn in Germany, "Abala" as a town in
Ethiopia) gives the event a country the registry does not know, and the report's generic actors no
country at all. When nothing else in the report says where, a place name whose exact namesakes in the
region (`place_hints.countries` in `data/actors.json`) all lie in one country names that country; a name
the region shares between two countries ("Léré" in Mali and in Chad) names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from ..model import Place
from ._text import fold, load_data

__all__ = ["header_country", "namesake_country"]


@cache
def _region() -> frozenset[str]:
    return frozenset(load_data("actors.json")["place_hints"]["countries"])


def _key(name: str) -> str:
    """A name as spellings agree on it: folded, without spaces or hyphens ('Banibangou', 'Bani-Bangou')."""
    return "".join(fold(name).replace("-", " ").split())


def _unplaced(places: Sequence[Place], known: Callable[[str | None], bool]) -> list[str]:
    """The names of the places the gazetteer left unresolved or resolved to a country the registry does not know."""
    return [p.text for p in places if not (p.country and known(p.country))]


def namesake_country(
    places: Sequence[Place],
    known: Callable[[str | None], bool],
    candidates: Callable[[str], Iterable[Any]],
    more_names: Sequence[str] = (),
) -> str | None:
    """The one region country that the exact namesakes of the report's unplaced names lie in, or None.

    `known` says whether the registry knows a country; `candidates` gives a name's gazetteer records (with
    `name` and `country`), as the locator's `candidates` does; `more_names` are names no place was made of (those
    after locative words: 'in the commune of Banibangou')."""
    return _one_country([*_unplaced(places, known), *more_names], candidates)


def _one_country(names: Iterable[str], candidates: Callable[[str], Iterable[Any]]) -> str | None:
    countries: set[str] = set()
    for name in dict.fromkeys(names):
        countries |= _region_namesakes(name, candidates)
        if len(countries) > 1:
            return None
    return next(iter(countries)) if countries else None


def _region_namesakes(name: str, candidates: Callable[[str], Iterable[Any]]) -> set[str]:
    key = _key(name)
    if len(key) < 3:
        return set()
    region = _region()
    return {
        str(r.country).upper()
        for r in candidates(name)
        if r.country and str(r.country).upper() in region and _key(r.name) == key
    }


# A field report's header: what comes before its first colon or dash ("SITREP POST TESSALIT 11 OCT 2026.",
# "TESSIT, 11 OCT:", "11 OCT 2026, Tessit:"), in its first 80 characters.
_HEADER_END = re.compile(r":|\s[—–-]\s|\.\s")
_HEADER_SPAN = 80
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’-]*")


@cache
def _header_vocabulary() -> frozenset[str]:
    """Words of a header that are no place: the header words ('post', 'sitrep', 'sector'), months and the like."""
    words = {_key(w) for w in load_data("actors.json")["place_hints"]["header_words"] for w in w.split()}
    months = {name for names in load_data("ontology.json")["months"]["abbreviations"] for name in names}
    return frozenset(words | months | _NOT_PLACES)


_NOT_PLACES = {"from", "report", "log", "ops", "flash", "update", "spot", "incident", "daily", "summary", "to",
               "subject"}  # fmt: skip


def header_country(text: str, candidates: Callable[[str], Iterable[Any]]) -> str | None:
    """The one region country whose exact namesakes the capitalised names of a field report's header lie in: the
    place a post files from or about ('SITREP POST TESSALIT', 'TESSIT, 11 OCT:') that no parser tags. Each run of
    capitalised words is tried whole, then by its shorter parts, longest first; header words and months are none."""
    end = _HEADER_END.search(text, 0, _HEADER_SPAN)
    if end is None or not any(c.isdigit() for c in text[: end.start()]):
        return None  # no header, or an opening sentence with no date or time: no field report's header
    names = []
    for run in _capitalised_runs(text[: end.start()]):
        names += _longest_names(run, candidates)
    return _one_country(names, candidates)


def _capitalised_runs(header: str) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for word in re.split(r"[\s,()]+", header):
        if _CAPITALISED.fullmatch(word) and _key(word) not in _header_vocabulary():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _longest_names(run: list[str], candidates: Callable[[str], Iterable[Any]]) -> list[str]:
    """The names a run of words holds: its longest sub-runs that have a namesake in the region."""
    for size in range(len(run), 0, -1):
        for first in range(len(run) - size + 1):
            name = " ".join(run[first : first + size])
            if _region_namesakes(name, candidates):
                return [
                    name,
                    *_longest_names(run[:first], candidates),
                    *_longest_names(run[first + size :], candidates),
                ]
    return []
