"""What one name's candidates are before any context is read: their priors (population, kind of place, how well the
name matched, a town that is its namesake province's seat) and their columns (positions, countries, divisions), both
computed once per distinct candidate list and kept across documents, since the same names recur."""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ._candidates import Candidate
from ._normalise import name_key
from ._ranking import ranking_weights
from ._store import PlaceRecord

if TYPE_CHECKING:
    from ._mention import Resolution

__all__ = [
    "AREA_CODES",
    "COUNTRY_CODES",
    "DIVISION_CODES",
    "HOLDING_CODES",
    "LOOSE_MATCH",
    "MATCH_WEIGHT",
    "CandidateArrays",
    "candidate_arrays",
    "candidate_priors",
    "haversine",
]

_WEIGHTS = ranking_weights()
# By feature code; a building in the index is a landmark the news names on its own (the White House, the Kremlin).
_KIND_PRIOR = _WEIGHTS.kind_prior
_CURATED_PRIOR = _WEIGHTS.curated_prior
# Kinds of place by GeoNames feature code: countries, areas (a country, a first-level division, a continent),
# divisions, and what holds the places written before it ('Tacoma, Washington').
COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "TERR"}
AREA_CODES = COUNTRY_CODES | {"ADM1", "CONT"}
DIVISION_CODES = {"ADM1", "ADM2"}
HOLDING_CODES = COUNTRY_CODES | DIVISION_CODES
# A town that bears its province's name is its seat (see `candidate_priors`).
_NAMESAKE_TOWN_BONUS = _WEIGHTS.namesake_town_bonus
_NAMESAKE_KM = 400
_SEAT_SHARE = 0.05  # a division's seat holds at least this share of the people of the towns counted in it
_USUAL_SEAT_SHARE = 0.2  # and most often about this share: the guess for a seat whose population is unknown
_NAMED_MATCH = 0.8  # a candidate that bears the name itself (main 1.0, other name 0.8), not a loose reading of it
_TWIN_KM = 30  # a town and its namesake across a border this close are twins (see `_twin_town_lift`)
_SAME_SPOT_KM = 100  # namesakes this close are one place as far as confidence goes (a town and its province)
LOOSE_MATCH = 0.75
MATCH_WEIGHT = _WEIGHTS.match_weight  # of how well the name matched, in a candidate's prior


def _prior(candidate: Candidate) -> float:
    record = candidate.record
    kind = _KIND_PRIOR.get(record.feature_code or "", 0.0)
    curated = _CURATED_PRIOR if record.source.startswith("borderwatch") else 0.0
    return math.log10(max(record.population, 0) + 10) + kind + curated + MATCH_WEIGHT * candidate.match


@lru_cache(maxsize=20000)
def candidate_priors(candidates: tuple[Candidate, ...]) -> np.ndarray:
    priors = np.array([_prior(c) for c in candidates])
    # A town and the province named after it (its seat: Adrar, Kebili, New York): the name alone most often means
    # the town. Both have the same name, or both bear the name looked up (the town maybe as another of its names:
    # 'New York City'). A village that only shares a great division's name (Wales, Florida NY) is no seat of it; a
    # town whose population GeoNames does not give (0: Djanet) is taken to hold a seat's usual share.
    # Second-level divisions with a known population count too (the province of Rome, whose seat is Rome); not
    # counties whose population the index does not hold, which every namesake town of their state would match.
    provinces: dict[str | None, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.record.feature_code == "ADM1" or (c.record.feature_code == "ADM2" and c.record.population > 0):
            provinces[c.record.country].append(c)
    for i, candidate in enumerate(candidates):
        record = candidate.record
        if record.feature_class != "P":
            continue
        for province in (p.record for p in provinces.get(record.country, ()) if _namesakes(candidate, p)):
            if record.admin1 is not None and record.admin1 != province.admin1:
                continue  # not in it (Mexico City is no town of the State of Mexico)
            unknown = record.population <= 0
            if not unknown and record.population < _SEAT_SHARE * province.population:
                continue
            distance = haversine(record.lat, record.lon, np.array([province.lat]), np.array([province.lon]))[0]
            if distance >= _NAMESAKE_KM:
                continue
            if unknown:
                priors[i] += math.log10(_USUAL_SEAT_SHARE * province.population + 10) - math.log10(10)
            priors[i] += _NAMESAKE_TOWN_BONUS
            break
    priors += _twin_town_lift(candidates)
    return priors


def _twin_town_lift(candidates: tuple[Candidate, ...]) -> np.ndarray:
    """What each town bearing the name gains so that its twin across a border does not outweigh it by population:
    a border town and its namesake on the other side (Tinzaouaten, Mali and Tin Zaouatine, Algeria; Rafah, Egypt
    and Rafah, Gaza; Niagara Falls) are one name at one spot, and the report's country, not which side is the
    larger or has a population on record (our supplement's villages have none), says which is meant."""
    lift = np.zeros(len(candidates))
    towns = [
        i
        for i, c in enumerate(candidates)
        if c.record.feature_class == "P" and c.record.country and c.match >= _NAMED_MATCH
    ]
    if len({candidates[i].record.country for i in towns}) < 2:
        return lift
    lats = np.array([candidates[i].record.lat for i in towns])
    lons = np.array([candidates[i].record.lon for i in towns])
    sizes = np.array([math.log10(max(candidates[i].record.population, 0) + 10) for i in towns])
    countries = np.array([candidates[i].record.country for i in towns])
    for n, i in enumerate(towns):
        twins = (haversine(lats[n], lons[n], lats, lons) < _TWIN_KM) & (countries != countries[n])
        if twins.any():
            lift[i] = max(0.0, float(sizes[twins].max() - sizes[n]))
    return lift


def _namesakes(town: Candidate, province: Candidate) -> bool:
    if min(town.match, province.match) >= _NAMED_MATCH:
        return True
    return name_key(town.record.name) == name_key(province.record.name)


def haversine(lat: Any, lon: Any, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))


class CandidateArrays(NamedTuple):
    """Per-candidate columns of one name's candidates, computed once per distinct candidate list."""

    lats: np.ndarray
    lons: np.ndarray
    countries: list[str | None]
    admin1s: list[tuple[str, str] | None]
    areas: list[int]
    loose: np.ndarray
    spots: dict[int, np.ndarray]  # filled by `same_spot`
    plain: list[tuple[Resolution, float]]  # the ranking without context, once made
    inner_towns: list[tuple[int, int]]  # (town, division): a town inside a division the same name names
    # (town, division): a town of the country of a first-level division the same name names, outside it
    towns_named_after: list[tuple[int, int]]
    holding: np.ndarray  # 1.0 for divisions and countries, which have offices and assemblies ('Texas Gov.')

    def same_spot(self, index: int) -> np.ndarray:
        """Which candidates lie within _SAME_SPOT_KM of candidate `index` (kept: the same names recur)."""
        row = self.spots.get(index)
        if row is None:
            distances = haversine(self.lats[index], self.lons[index], self.lats, self.lons)
            row = self.spots[index] = distances < _SAME_SPOT_KM
        return row


@lru_cache(maxsize=20000)
def candidate_arrays(candidates: tuple[Candidate, ...]) -> CandidateArrays:
    records = [c.record for c in candidates]
    return CandidateArrays(
        np.array([r.lat for r in records]),
        np.array([r.lon for r in records]),
        [r.country for r in records],
        # A division's own support is the places inside it (see `_nearness`), not the shares of its admin1.
        [(r.country, r.admin1) if r.country and r.admin1 and r.feature_code != "ADM1" else None for r in records],
        [i for i, r in enumerate(records) if r.feature_code in AREA_CODES],
        np.array([c.match < LOOSE_MATCH for c in candidates]),
        {},
        [],
        _inner_towns(records),
        _towns_named_after_a_division(records),
        np.array([r.feature_code in HOLDING_CODES for r in records], dtype=float),
    )


def _inner_towns(records: list[PlaceRecord]) -> list[tuple[int, int]]:
    """(town, division) pairs among one name's candidates: populated places inside a first-level division that is
    itself a candidate of the name."""
    divisions = {(r.country, r.admin1): j for j, r in enumerate(records) if r.feature_code == "ADM1" and r.admin1}
    if not divisions:
        return []
    return [
        (i, divisions[(r.country, r.admin1)])
        for i, r in enumerate(records)
        if r.feature_class == "P" and (r.country, r.admin1) in divisions
    ]


def _towns_named_after_a_division(records: list[PlaceRecord]) -> list[tuple[int, int]]:
    """(town, division) pairs among one name's candidates: populated places of the country of a first-level division
    that is itself a candidate of the name, known to lie outside it (Wyoming, Delaware; West Point, Virginia, which
    GeoNames also calls Delaware). Towns inside it are `_inner_towns`; a town whose division GeoNames does not give
    (the seats of Algeria's new wilayas: Djanet, In Guezzam) or gives under another spelling (Kufra, in 'Al Kufrah'),
    and that bears the division's name near it, is taken for its seat, not for a town called after it."""
    divisions: dict[str, int] = {}
    for j, r in enumerate(records):
        if r.feature_code == "ADM1" and r.country:
            divisions.setdefault(r.country, j)
    if not divisions:
        return []
    pairs = []
    for i, r in enumerate(records):
        j = divisions.get(r.country or "")
        if r.feature_class != "P" or j is None or r.admin1 is None or r.admin1 == records[j].admin1:
            continue
        division = records[j]
        seat_distance = haversine(r.lat, r.lon, np.array([division.lat]), np.array([division.lon]))[0]
        if name_key(r.name) == name_key(division.name) and seat_distance < _NAMESAKE_KM:
            continue
        pairs.append((i, j))
    return pairs
