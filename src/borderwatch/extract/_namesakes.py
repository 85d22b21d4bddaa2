"""The region's country a report's places name when the gazetteer read them as namesakes elsewhere.

ACLED names an unnamed attacker after the country the event happened in. A village of the Sahel that
the gazetteer resolves to a namesake abroad ("near Boni" read as Bonn in Germany, "Abala" as a town in
Ethiopia) gives the event a country the registry does not know, and the report's generic actors no
country at all. When nothing else in the report says where, a place name whose exact namesakes in the
region (`place_hints.countries` in `data/actors.json`) all lie in one country names that country; a name
the region shares between two countries ("Léré" in Mali and in Chad) names none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from ..model import Place
from ._text import fold, load_data

__all__ = ["namesake_country"]


@cache
def _region() -> frozenset[str]:
    return frozenset(load_data("actors.json")["place_hints"]["countries"])


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


def _unplaced(places: Sequence[Place], known: Callable[[str | None], bool]) -> list[str]:
    """The names of the places the gazetteer left unresolved or resolved to a country the registry does not know."""
    return [p.text for p in places if not (p.country and known(p.country))]


def namesake_country(
    places: Sequence[Place], known: Callable[[str | None], bool], candidates: Callable[[str], Iterable[Any]]
) -> str | None:
    """The one region country that the exact namesakes of the report's unplaced names lie in, or None.

    `known` says whether the registry knows a country; `candidates` gives a name's gazetteer records (with
    `name` and `country`), as the locator's `candidates` does."""
    region = _region()
    countries: set[str] = set()
    for name in dict.fromkeys(_unplaced(places, known)):
        key = _key(name)
        if len(key) < 3:
            continue
        countries |= {
            str(r.country).upper()
            for r in candidates(name)
            if r.country and str(r.country).upper() in region and _key(r.name) == key
        }
        if len(countries) > 1:
            return None
    return next(iter(countries)) if countries else None
