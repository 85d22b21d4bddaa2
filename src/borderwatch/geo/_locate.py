"""An event's location, coded the way ACLED does.

The place comes from the event's own sentence first (the most specific resolved place there, preferring one
introduced by a locative word), then from the sentences before it, then from the report's most mentioned
place, never the place of the report's opening dateline when the sentence names another. `geo_precision`: 1 the
town itself; 2 "near"/"outskirts of"/"km from" a town (and the French and 'between' words of
data/location_words.json: 'près de', 'au nord de', 'entre'), a district ('le cercle de Bankass') or a natural
feature or region, or a place taken from the context; 3 only a first-level division or country is known,
coded to its centroid. Every location gets the nearest international border and its distance; a country-level
location gets the border the sentence names ("the Libyan border") and no distance, which would be meaningless.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from ..model import Evidence, Location, Place
from ._division_names import names_a_division
from ._line_heads import agency_dateline
from ._named_borders import on_named_border
from ._non_place_uses import is_compound_adjective
from ._normalise import name_key
from ._place_phrases import is_road_qualifier
from ._recognition_words import demonyms
from ._sources import data_file

__all__ = ["locate"]

_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "TERR", "CONT"}
_COARSE_CODES = _COUNTRY_CODES | {"ADM1", "RGN", "OCN", "SEA", "DSRT", "GULF"}
_AREA_CODES = {"ADM2", "ADM3", "MTS", "MT", "PLAT", "ERG", "WAD", "PASS", "PEN", "LK", "OILF", "MNA", "PRK"}
# 'near Gao', '10 km north of Gao'; not 'the nearby Ras Ajdir crossing', an adjective: the crossing is near the
# place the sentence is about, the event is not placed near the crossing.
_NEAR = re.compile(
    r"\b(?:near|(?<!the )nearby|close to|outside|outskirts of|vicinity of|area of|region of|around|surroundings of|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)? of|(?-i:[NSEW]{1,3}) of|"
    r"\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:from|of|(?:north|south|east|west|(?-i:[NSEW]{1,3})) of))\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# 'in Gao', 'in the town of Gao', 'in the southern Tunisian town of Ben Guerdane', 'through the centre of Agadez'.
_AT = re.compile(
    r"\b(?:in|at|inside|into|on|through)\s+(?:the\s+)?"
    r"(?:(?:[\w'-]+\s+){0,3}?(?:town|city|village|locality|cent(?:re|er)|heart|streets|suburbs?)\s+of\s+)?$",
    re.IGNORECASE,
)
_BORDER = re.compile(r"\bborder|frontier|crossing\b", re.IGNORECASE)
# '15 km au nord de Gao', 'à 20 km d'Ansongo': a French distance from a town.
_FRENCH_DISTANCE = (
    r"\d+\s*(?:km|kilomètres)\s+(?:(?:au\s+(?:nord|sud)(?:-(?:est|ouest))?|à\s+l['’](?:est|ouest))\s+)?(?:de|d['’])"
)
_CONTEXT_SENTENCES_BACK = 600  # characters of text before the sentence searched for the place
# A report's opening dateline: a place in capitals, then its country or region, a date, the agency, and a dash.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’. -]{2,}(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}){0,2}[ \t]*(?:\([^)\n]{1,40}\))?"
    r"[ \t]*(?:[—–]|--?[ \t])"
)


class _Borders(Protocol):
    borders: dict[str, object]

    def nearest(self, lat: float, lon: float) -> tuple[str, float]: ...

    def country_at(self, lat: float, lon: float) -> str | None: ...


@lru_cache(maxsize=1)
def _near_before() -> re.Pattern[str]:
    """The words of data/location_words.json (French 'près de', 'au nord de', 'entre'; English 'between') or a
    French distance, right before a name, with an article and a kind of place between ('près de la ville de')."""
    words = [w for language in data_file("location_words.json")["near_before"].values() for w in language]
    phrases = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    kind = r"(?:(?:la|le|l['’])\s*)?(?:ville|localité|commune|village|town|city|village)\s+(?:de|d['’]|of)\s*"
    return re.compile(
        rf"(?:(?<![\w'’])(?:{phrases})|{_FRENCH_DISTANCE})(?:\s+|(?<=['’]))(?:the\s+)?(?:{kind})?$", re.IGNORECASE
    )


def _near(before: str) -> bool:
    return bool(_NEAR.search(before) or _near_before().search(before))


def _rank(place: Place) -> int:
    code = place.feature_code or ""
    if code in _COUNTRY_CODES:
        return 3
    if code in _COARSE_CODES:
        return 2
    if code in _AREA_CODES:
        return 1
    return 0


def _pick(text: str, places: list[Place]) -> tuple[Place, bool] | None:
    """The most specific place, preferring one after a locative word; and whether 'near' qualifies it.

    A demonym ('Malian soldiers') gives a country only when no named place is there, and a road's end ('the
    Ansongo road') counts as near it, after the places the text puts the event in."""
    places = [p for p in places if not (_is_demonym(p) and is_compound_adjective(text, p.end))]
    # A dateline ('BAMAKO — Gunmen attacked Léré') says where the report was written: the event is at a place the
    # sentence names after it, if it names one.
    after_dateline = [p for p in places if p.start >= _dateline_end(text) and not _is_demonym(p)]
    if after_dateline:
        places = [p for p in places if p.start >= _dateline_end(text)]
    if not places:
        return None
    scored = []
    for place in places:
        before = text[max(0, place.start - 40) : place.start]
        road = is_road_qualifier(text, place.end)
        # 'the cercle de Bankass', 'Téra department': a district, not the town that bears its name; so it ranks
        # as an area after the towns the sentence names ('from Sakiet Sidi Youssef, in the governorate of El Kef').
        district = _rank(place) == 0 and names_a_division(text, place.start, place.end)
        near = _near(before) or road or district
        at = bool(_AT.search(before)) and not road
        rank = 1 if district else _rank(place)
        scored.append((_is_demonym(place), rank, road, not (near or at), place.start, place, near))
    best = min(scored, key=lambda s: s[:5])
    return best[5], best[6]


def _dateline_end(text: str) -> int:
    """Where the report's opening dateline ends ('BAMAKO —', 'GAO, Mali, Jan. 15 (AP) —', 'Niamey (ANP) -'), or 0
    without one."""
    found = _DATELINE.match(text) or agency_dateline(text, len(text) - len(text.lstrip()))
    return found.end() if found else 0


def _is_demonym(place: Place) -> bool:
    """'the Libyan border', 'Turkish-made drones': an adjective describes, it does not place."""
    return name_key(place.text) in demonyms()


def _precision(place: Place, near: bool, from_context: bool) -> int:
    rank = _rank(place)
    if rank >= 2:
        return 3
    if rank == 1 or near or from_context:
        return 2
    return 1


def locate(text: str, evidence: Evidence, places: Sequence[Place], borders: _Borders | None) -> Location | None:
    resolved = [p for p in places if p.lat is not None and p.lon is not None]
    own = [p for p in resolved if evidence.start <= p.start and p.end <= evidence.end]
    picked = _pick(text, own)
    from_context = False
    if picked is None or _rank(picked[0]) >= 2 or _is_demonym(picked[0]):
        # Only a country, province or region here (or nothing): a town named just before, inside it, is finer.
        before = [p for p in resolved if evidence.start - _CONTEXT_SENTENCES_BACK <= p.start < evidence.start]
        earlier = _pick(text, [p for p in before if _rank(p) < 2 and not _is_demonym(p)])
        if earlier is not None and (picked is None or _within(earlier[0], picked[0])):
            picked, from_context = earlier, True
    if picked is None:
        picked = _most_mentioned(text, resolved)
        if picked is None:
            return None
        from_context = True
    place, near = picked
    precision = _precision(place, near, from_context)
    if precision == 3 and borders is not None:
        # 'near the Malian border' names a border, not the country: the event lies on it (`_named_borders`).
        on_border = on_named_border(text, place, own, resolved, borders)
        if on_border is not None:
            return on_border
    border, border_km = _border(evidence, own, place, precision, borders)
    return Location(
        name=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        geo_precision=precision,  # type: ignore[arg-type]
        border=border,
        border_km=border_km,
    )


def _most_mentioned(text: str, resolved: list[Place]) -> tuple[Place, bool] | None:
    """The report's most mentioned place, a named one before a demonym (then a town before a country)."""
    usable = [p for p in resolved if p.geonameid is not None and not is_compound_adjective(text, p.end)]
    counts = Counter(p.geonameid for p in usable)
    if not counts:
        return None
    best = min(usable, key=lambda p: (_is_demonym(p), -counts[p.geonameid], _rank(p) >= 2, p.start))
    return best, False


def _within(finer: Place, coarse: Place) -> bool:
    """Whether a finer place may stand for a coarser one: in the same country, or the coarse one is a region
    without a country ('the Sahel') or only a demonym's country ('Malian soldiers')."""
    return coarse.country is None or _is_demonym(coarse) or _same_country(finer, coarse)


def _same_country(a: Place, b: Place) -> bool:
    return a.country is not None and a.country == b.country


def _border(
    evidence: Evidence, own: list[Place], place: Place, precision: int, borders: _Borders | None
) -> tuple[str | None, float | None]:
    if borders is None or place.lat is None or place.lon is None:
        return None, None
    if precision < 3:
        pair, km = borders.nearest(place.lat, place.lon)
        return pair, km
    named = _named_border(evidence, own, place, borders)
    return named, None


def _named_border(evidence: Evidence, own: list[Place], place: Place, borders: _Borders) -> str | None:
    """'on the Libyan border', 'the Algerian-Tunisian border': the pair of the countries the sentence names."""
    if not _BORDER.search(evidence.sentence):
        return None
    import pycountry

    codes = {p.country for p in own if p.country}
    if place.country:
        codes.add(place.country)
    words = re.findall(r"[A-Z][a-z]+", evidence.sentence)
    codes |= {demonyms()[w.lower()] for w in words if w.lower() in demonyms()}
    alpha3 = sorted({c.alpha_3 for code in codes if (c := pycountry.countries.get(alpha_2=code))})
    pairs = [f"{a}-{b}" for i, a in enumerate(alpha3) for b in alpha3[i + 1 :] if f"{a}-{b}" in borders.borders]
    return pairs[0] if len(pairs) == 1 else None
