"""Ranking candidate places for the mentions of one document.

Two passes. The first ranks each distinct name on its own (population, kind of place, how well the name
matches). The document's context is read from that pass: the countries it is about, places already placed,
and administrative hints written next to a name ("Dogofri (Niono, Segou)", "Edmonton, Ky."). Context passes
rank again with it (a second one only for names still undecided): candidates in the document's countries and
near its other places gain; candidates far from all of them, in countries it does not name, lose with the
distance (a report about Mali needs strong evidence for a place 10,000 km away) and are marked `remote`, so
that recognition asks the text to present them as places. Every resolution carries a confidence: the share of
the score mass of its best candidate, scaled by how well the name matched; below `min_confidence` a mention
stays unresolved.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from ._candidates import Candidate, CandidateFinder
from ._loose_names import agreeing_countries, loose_name_change
from ._normalise import name_key
from ._recognise import names_an_office_s_seat
from ._store import PlaceRecord

__all__ = ["Resolution", "Resolver"]

_KIND_PRIOR = {
    "PCLI": 4.0, "PCLD": 3.0, "PCLS": 3.0, "PCLF": 3.0, "TERR": 2.5, "CONT": 4.0, "ADM1": -0.3, "ADM2": 0.5,
    "PPLC": 2.5, "PPLA": 0.8, "RGN": 3.0, "OCN": 4.0, "SEA": 3.5, "GULF": 3.0, "PEN": 3.0, "MTS": 2.0, "MT": 1.5,
    "DSRT": 3.0, "PSTB": 1.0, "LK": 2.5, "STRT": 2.5, "CNL": 2.5,
    # A building in the index is a landmark the news names on its own (the White House, the Kremlin).
    "BLDG": 2.5,
}  # fmt: skip
# 'A, B', 'A (B', 'A in B', and with a part of B between: 'A, northern B', 'A in south-eastern B'.
_CONTAINER_GAP = re.compile(
    r"^\s*[,(]\s*$|^\s*,\s*\(?\s*$|^\s+in\s+$"
    r"|^\s*(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+$"
    r"|^\s*(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:central|upper|lower)\s+$"
)
_LIST_END = re.compile(r"^\s*,?\s*(?:and|or|&)\s+$")
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "TERR"}
_AREA_CODES = _COUNTRY_CODES | {"ADM1", "CONT"}
_DIVISION_CODES = {"ADM1", "ADM2"}
_HOLDING_CODES = _COUNTRY_CODES | _DIVISION_CODES
_GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
    "coast", "gulf", "centre", "center", "island", "islands", "valley", "city", "border", "lake", "river",
    "mountain", "mountains", "desert", "highlands", "lowlands", "riviera", "delta", "plateau",
}  # fmt: skip
_TEMPERATURE = 1.0
_CONTEXT_WEIGHT = 3.0
_NEAR_WEIGHT = 2.0
_CONTAINER_WEIGHT = 5.0
_OFFICE_WEIGHT = 3.0  # 'New York Gov.': the name is a division or country (more than a seat's edge on its division)
_OFFICE_GROUP = "#office"
_SIBLING_WEIGHT = 1.0
_SIBLING_CHARS = 150  # about a sentence: divisions named together
_HINT_WEIGHT = 1.5
_ADMIN1_WEIGHT = 2.0
_FOREIGN_SPELLING_PENALTY = 2.0
_CONTEXT_PASSES = 2
_PAIR_CONFIDENCE = 0.8  # of a place and its division settled together ('PARIS, Mo.'): the text pairs them
_SETTLED_MARGIN = _CONTEXT_WEIGHT
_DOUBT_FACTOR = 0.2
_NAMESAKE_TOWN_BONUS = 1.0
_NAMESAKE_KM = 400
_SEAT_SHARE = 0.05  # a division's seat holds at least this share of the people of the towns counted in it
_USUAL_SEAT_SHARE = 0.2  # and most often about this share: the guess for a seat whose population is unknown
_NAMED_MATCH = 0.8  # a candidate that bears the name itself (main 1.0, other name 0.8), not a loose reading of it
_SAME_SPOT_KM = 100
# A candidate far from every other place of the document, in a country the document is not about, needs more
# evidence: its score falls with the log of the distance beyond _FAR_KM, by up to _FAR_WEIGHT at 10 x _FAR_KM.
_FAR_KM = 1000.0
_FAR_WEIGHT = 2.0
_REMOTE_KM = 3000.0
_LOOSE_MATCH = 0.75
_MATCH_WEIGHT = 2.0  # of how well the name matched, in a candidate's prior


@dataclass(frozen=True)
class Resolution:
    record: PlaceRecord
    confidence: float
    match: float = 1.0  # how the name matched: 1 main name, 0.8 other name, less when transliterated or partial
    remote: bool = False  # far from every other place of the document, in a country it is not about


@dataclass
class _Mention:
    index: int
    start: int
    end: int
    key: str
    candidates: tuple[Candidate, ...]
    # The name its candidates bear ('paris' for 'Paris Regional Medical Center'): the context counts the mentions of
    # that name as the mention's own, so that a name read inside a longer one gets no vote from the very place
    # name it holds (the Paris the plain mentions first read, before 'Paris, Texas' settled them).
    name: str = ""
    containers: list[int] = field(default_factory=list)
    contained: list[int] = field(default_factory=list)  # mentions this name is written after as their container
    office: bool = False  # written with an office or assembly of a division or country ('Texas Gov.')
    _priors: np.ndarray | None = None
    _arrays: _Arrays | None = None

    @property
    def priors(self) -> np.ndarray:
        """The candidates' priors (computed once per mention: hashing a long candidate tuple is not free)."""
        if self._priors is None:
            self._priors = _priors(self.candidates)
        return self._priors

    @property
    def arrays(self) -> _Arrays:
        if self._arrays is None:
            self._arrays = _arrays(self.candidates)
        return self._arrays


def _prior(candidate: Candidate) -> float:
    record = candidate.record
    kind = _KIND_PRIOR.get(record.feature_code or "", 0.0)
    curated = 1.5 if record.source.startswith("borderwatch") else 0.0
    return math.log10(max(record.population, 0) + 10) + kind + curated + _MATCH_WEIGHT * candidate.match


@lru_cache(maxsize=20000)
def _priors(candidates: tuple[Candidate, ...]) -> np.ndarray:
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
            distance = _haversine(record.lat, record.lon, np.array([province.lat]), np.array([province.lon]))[0]
            if distance >= _NAMESAKE_KM:
                continue
            if unknown:
                priors[i] += math.log10(_USUAL_SEAT_SHARE * province.population + 10) - math.log10(10)
            priors[i] += _NAMESAKE_TOWN_BONUS
            break
    return priors


def _namesakes(town: Candidate, province: Candidate) -> bool:
    if min(town.match, province.match) >= _NAMED_MATCH:
        return True
    return name_key(town.record.name) == name_key(province.record.name)


def _haversine(lat: Any, lon: Any, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))


class Resolver:
    def __init__(self, finder: CandidateFinder, min_confidence: float = 0.15) -> None:
        self._finder = finder
        self.min_confidence = min_confidence

    def resolve(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        country_hint: str | None = None,
        exact_only: Sequence[bool] | None = None,
    ) -> list[Resolution | None]:
        """Resolve spans of one document; `exact_only[i]`: look span i up by its exact name only."""
        exact = exact_only or [False] * len(spans)
        mentions = []
        for i, (s, e) in enumerate(spans):
            candidates = self._finder.find(text[s:e], exact[i])
            mentions.append(_Mention(i, s, e, name_key(text[s:e]), candidates, self._finder.read_as(text[s:e])))
        groups = _link_containers(text, mentions)
        for mention in mentions:
            # 'New York Gov.' names the state, and only that mention does: the dateline 'NEW YORK (AP)' and the 'New
            # York Police Department' of the same story are the city (a group of their own).
            if names_an_office_s_seat(text, mention.start, mention.end):
                mention.office = True
                key, hints = groups[mention.index]
                groups[mention.index] = (key, (*hints, _OFFICE_GROUP))
        # One sense per name and document (unless hints tell namesakes apart): each group is ranked once.
        first_of: dict[tuple[str, tuple[str, ...]], _Mention] = {}
        for mention in mentions:
            first_of.setdefault(groups[mention.index], mention)
        by_group = {group: self._rank(m, None) for group, m in first_of.items()}
        ranked = {m.index: by_group[groups[m.index]][0] for m in mentions}
        geometry: dict[tuple[int | str, ...], _Geometry] = {}  # distances, by the document's places: kept across passes
        for _ in range(_CONTEXT_PASSES):
            context = _Context.from_pass(mentions, ranked, country_hint, geometry)
            # A name whose best candidate already leads by more than the document's countries alone can move a
            # score (_CONTEXT_WEIGHT) is settled: a further pass would not change it.
            by_group = {
                group: by_group[group] if by_group[group][1] > _SETTLED_MARGIN else self._rank(m, context)
                for group, m in first_of.items()
            }
            ranked = {m.index: by_group[groups[m.index]][0] for m in mentions}
        if _settle_pairs(mentions, groups, by_group):
            ranked = {m.index: by_group[groups[m.index]][0] for m in mentions}
        results: list[Resolution | None] = []
        for mention in mentions:
            res = ranked[mention.index]
            if res is not None and _outside_its_country(mention, res, ranked):
                res = None
            results.append(res if res is not None and res.confidence >= self.min_confidence else None)
        return results

    def _rank(self, mention: _Mention, context: _Context | None) -> tuple[Resolution | None, float]:
        """The best candidate of a mention with its confidence, and its lead over the second (once context is
        read: a single candidate has nothing left to decide)."""
        if not mention.candidates:
            return None, math.inf
        if len(mention.candidates) == 1:
            return _only_candidate(mention, context), (math.inf if context is not None else 0.0)
        if context is not None:
            return self._scored(mention, context)
        if mention.office:
            return self._scored(mention, None)
        # Without context the ranking depends on the candidates alone: kept with them, for the next document.
        kept = mention.arrays.plain
        if not kept:
            kept.append(self._scored(mention, None))
        return kept[0]

    def _scored(self, mention: _Mention, context: _Context | None) -> tuple[Resolution, float]:
        scores = mention.priors.copy()
        if mention.office:
            scores += _OFFICE_WEIGHT * mention.arrays.holding
        doubtful = np.zeros(len(scores), dtype=bool)
        if context is not None:
            bonus, doubtful = context.bonus(mention)
            # What the document says about a division's area (its other places, its admin1) speaks for the division
            # as much as for a town in it that bears the same name ('Montana City' for 'Montana', 'Maryland City'):
            # context cannot favour the town over the division; priors (a seat's population) decide between them.
            for town, division in mention.arrays.inner_towns:
                bonus[town] = min(bonus[town], bonus[division])
            scores += bonus
            # A name no candidate bears, read through a looser spelling: the report's countries and the likeness
            # of the spelling rank it, not population (`_loose_names`); a candidate they agree on is no doubt.
            # (A name's candidates all come from one reading: the first tells whether it was a spelling's.)
            if mention.candidates[0].spelling:
                agrees = context.agrees(mention)
                change = loose_name_change(mention.candidates, mention.priors, _MATCH_WEIGHT, agrees)
                if change is not None:
                    scores += change + _FOREIGN_SPELLING_PENALTY * (doubtful & agrees)
                    doubtful = doubtful & ~agrees
        best = int(np.argmax(scores))
        weights = np.exp((scores - scores[best]) / _TEMPERATURE)
        # Confidence is about where the place is: namesakes at the same spot (a town and its province, one
        # place from two sources) do not divide it.
        same_spot = mention.arrays.same_spot(best)
        share = float(weights[same_spot].sum() / weights.sum())
        candidate = mention.candidates[best]
        confidence = share * candidate.match * (_DOUBT_FACTOR if doubtful[best] else 1.0)
        remote = context is not None and context.remote(mention, best)
        margin = float(scores[best] - np.partition(scores, -2)[-2]) if context is not None else 0.0
        return Resolution(candidate.record, round(confidence, 3), candidate.match, remote), margin


def _settle_pairs(
    mentions: list[_Mention],
    groups: dict[int, tuple[str, tuple[str, ...]]],
    by_group: dict[tuple[str, tuple[str, ...]], tuple[Resolution | None, float]],
) -> bool:
    """'PARIS, Mo.', 'Tacoma, Washington': a place written before a division (state, province, county) that can hold
    it is read with it.
    Context passes rank both names at once from the previous pass, so the two can miss each other (Paris in
    Missouri while 'Mo.' went to a town near Paris, France); when the pair as resolved does not fit, the most
    likely pair that does (a place inside a division or country of the other name) replaces it. Returns whether
    anything changed."""
    changed = False
    for mention in mentions:
        if not mention.containers:
            continue
        holder = mentions[mention.containers[0]]
        place, division = by_group[groups[mention.index]][0], by_group[groups[holder.index]][0]
        if place is not None and division is not None and _inside(place.record, division.record):
            continue
        if place is not None and place.record.feature_code in _COUNTRY_CODES | {"CONT"}:
            continue  # 'in Russia, U.S. officials said': a country is in no list of this kind
        best: tuple[float, int, int] | None = None
        for j, outer in enumerate(holder.candidates):
            if outer.record.feature_code not in _DIVISION_CODES:
                continue
            for i, inner in enumerate(mention.candidates):
                score = float(mention.priors[i] + holder.priors[j])
                if (best is None or score > best[0]) and _inside(inner.record, outer.record):
                    best = (score, i, j)
        if best is None:
            continue
        _, i, j = best
        for who, k in ((mention, i), (holder, j)):
            chosen = who.candidates[k]
            by_group[groups[who.index]] = (Resolution(chosen.record, round(_PAIR_CONFIDENCE * chosen.match, 3),
                                                      chosen.match), math.inf)  # fmt: skip
        changed = True
    return changed


def _outside_its_country(mention: _Mention, res: Resolution, ranked: dict[int, Resolution | None]) -> bool:
    """'Inata, northern Burkina Faso' that only a namesake abroad matches loosely (Nata, Botswana): the text says
    which country the place is in, and no place is better than a wrong one (the event keeps the country)."""
    for index in mention.containers:
        holder = ranked.get(index)
        if holder is not None and holder.record.feature_code in _COUNTRY_CODES:
            # A record under its own main name is trusted against the container ('Saipan, Guam' in a text about
            # the islands); a loose or other-name match in another country is the namesake the text rules out.
            foreign = res.record.country is not None and res.record.country != holder.record.country
            return foreign and res.match < 1.0 and res.record.feature_code not in _AREA_CODES
    return False


def _only_candidate(mention: _Mention, context: _Context | None) -> Resolution:
    """Nothing to choose between: only whether to believe it (a loose match or a generic word may be doubted)."""
    candidate = mention.candidates[0]
    doubtable = candidate.match < _LOOSE_MATCH or mention.key in _GENERIC_WORDS
    doubtful = context is not None and doubtable and bool(context.doubtful(mention)[0])
    confidence = candidate.match * (_DOUBT_FACTOR if doubtful else 1.0)
    remote = context is not None and context.remote(mention, 0)
    return Resolution(candidate.record, round(confidence, 3), candidate.match, remote)


def _link_containers(text: str, mentions: list[_Mention]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """'A, B' and 'A (B, C)': B (and C) may be what contains A. A mention without such a hint takes the hints
    of the other mentions of its name when they all agree. Returns each mention's group: (name, hint names)."""
    ordered = sorted(mentions, key=lambda m: m.start)

    def gap(k: int) -> str:  # the text between the k-th mention and the next
        return text[ordered[k].end : ordered[k + 1].start] if k + 1 < len(ordered) else "."

    for i, mention in enumerate(ordered):
        last = i
        for j in range(i + 1, min(i + 3, len(ordered))):
            if not _CONTAINER_GAP.match(gap(j - 1)):
                break
            mention.containers.append(ordered[j].index)
            last = j
        # 'Washington, New York and Boston' is a list of peers, not Washington in New York; 'Tacoma, Washington and
        # Boise, Idaho' still pairs each town with its state.
        if mention.containers and _LIST_END.match(gap(last)) and not _CONTAINER_GAP.match(gap(last + 1)):
            mention.containers.clear()
    # A division written as the container of its namesake seat ('Gao, Gao region, Mali': the second Gao) says
    # nothing of what the name's other mentions are: they are the seat's ('residents of Gao').
    namesake_holders = {i for m in mentions for i in m.containers if mentions[i].key == m.key}
    hint_sets: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    donors: dict[str, list[int]] = {}
    for mention in mentions:
        if mention.containers and mention.index not in namesake_holders:
            hint_sets[mention.key].add(tuple(mentions[i].key for i in mention.containers))
            donors.setdefault(mention.key, mention.containers)
    groups = {}
    for mention in mentions:
        # Not to the holder itself, which would be read in one group with the seat it contains.
        if (
            not mention.containers
            and len(hint_sets.get(mention.key, ())) == 1
            and mention.index not in namesake_holders
        ):
            mention.containers = list(donors[mention.key])
        groups[mention.index] = (mention.key, tuple(mentions[i].key for i in mention.containers))
    # The other way round: 'Tacoma, Washington' tells which Washington as much as which Tacoma (every mention of
    # the name learns it: one sense per name).
    contained: dict[str, list[int]] = defaultdict(list)
    for mention in mentions:
        for i in mention.containers:
            contained[mentions[i].key].append(mention.index)
    for mention in mentions:
        mention.contained = contained.get(mention.key, [])
    return groups


class _Arrays(NamedTuple):
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
    holding: np.ndarray  # 1.0 for divisions and countries, which have offices and assemblies ('Texas Gov.')

    def same_spot(self, index: int) -> np.ndarray:
        """Which candidates lie within _SAME_SPOT_KM of candidate `index` (kept: the same names recur)."""
        row = self.spots.get(index)
        if row is None:
            distances = _haversine(self.lats[index], self.lons[index], self.lats, self.lons)
            row = self.spots[index] = distances < _SAME_SPOT_KM
        return row


@lru_cache(maxsize=20000)
def _arrays(candidates: tuple[Candidate, ...]) -> _Arrays:
    records = [c.record for c in candidates]
    return _Arrays(
        np.array([r.lat for r in records]),
        np.array([r.lon for r in records]),
        [r.country for r in records],
        # A division's own support is the places inside it (see `_nearness`), not the shares of its admin1.
        [(r.country, r.admin1) if r.country and r.admin1 and r.feature_code != "ADM1" else None for r in records],
        [i for i, r in enumerate(records) if r.feature_code in _AREA_CODES],
        np.array([c.match < _LOOSE_MATCH for c in candidates]),
        {},
        [],
        _inner_towns(records),
        np.array([r.feature_code in _HOLDING_CODES for r in records], dtype=float),
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


class _Geometry(NamedTuple):
    """Per name (key, candidate arrays): distances to the document's other places, and what they make of it."""

    distances: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]]
    farness: dict[tuple[str, int], np.ndarray]
    nearness: dict[tuple[str, int], np.ndarray]


@dataclass
class _Context:
    """What the document is about, as read from a ranking pass; a name's own mentions never vote for it."""

    by_index: dict[int, Resolution | None]
    hint: str | None
    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1s: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    own_countries: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    own_admin1s: dict[str, dict[tuple[str, str], float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )
    anchors: list[PlaceRecord] = field(default_factory=list)
    anchor_keys: list[str] = field(default_factory=list)
    points: list[PlaceRecord] = field(default_factory=list)  # every place with a country: anchors and areas
    point_keys: list[str] = field(default_factory=list)
    point_starts: list[int] = field(default_factory=list)
    starts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # of each name's mentions
    total: float = 0.0
    _share_cache: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _geometry: _Geometry = field(default_factory=lambda: _Geometry({}, {}, {}))
    # By name (its own votes left out): the document's countries, and those next to its main ones.
    _agreeing: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def from_pass(
        cls,
        mentions: list[_Mention],
        ranked: dict[int, Resolution | None],
        hint: str | None,
        geometry: dict[tuple[int | str, ...], _Geometry] | None = None,
    ) -> _Context:
        """The context of a ranking pass; `geometry` keeps distances for the next pass of the same document: they
        depend only on which places it holds (most often the same ones again)."""
        context = cls(ranked, hint)
        for mention in mentions:
            context.starts[mention.name].append(mention.start)
            res = ranked[mention.index]
            if res is None or res.record.country is None:
                continue
            record, weight = res.record, res.confidence
            context.countries[record.country] += weight
            context.own_countries[mention.name][record.country] += weight
            if record.admin1:
                context.admin1s[(record.country, record.admin1)] += weight
                context.own_admin1s[mention.name][(record.country, record.admin1)] += weight
            if record.feature_code not in _AREA_CODES:
                context.anchors.append(record)
                context.anchor_keys.append(mention.name)
            context.points.append(record)
            context.point_keys.append(mention.name)
            context.point_starts.append(mention.start)
        context.total = sum(context.countries.values())
        context._point_lats = np.array([r.lat for r in context.points])[None, :]
        context._point_lons = np.array([r.lon for r in context.points])[None, :]
        context._point_key_array = np.array(context.point_keys, dtype=object)
        context._point_is_anchor = np.array([r.feature_code not in _AREA_CODES for r in context.points], dtype=bool)
        if geometry is not None:
            # A record's id gives its position and kind; a name's key which mentions are its own.
            signature = tuple(r.id for r in context.points) + tuple(context.point_keys)
            context._geometry = geometry.setdefault(signature, _Geometry({}, {}, {}))
        return context

    def _nearest(self, mention: _Mention, arrays: _Arrays) -> tuple[np.ndarray, np.ndarray]:
        """Each candidate's distance (km) to the nearest other place of the document that is not an area, and to
        the nearest other place of any kind (inf when there is none); one distance matrix per name and pass."""
        cache_key = (mention.name, id(arrays))
        cached = self._geometry.distances.get(cache_key)
        if cached is not None:
            return cached
        size = len(arrays.lats)
        others = self._point_key_array != mention.name if self.points else np.zeros(0, dtype=bool)
        to_anchor = to_point = np.full(size, np.inf)
        if others.any():
            distances = _haversine(arrays.lats[:, None], arrays.lons[:, None], self._point_lats, self._point_lons)
            distances[:, ~others] = np.inf
            to_point = distances.min(axis=1)
            anchors = others & self._point_is_anchor
            if anchors.any():
                to_anchor = distances[:, anchors].min(axis=1)
        self._geometry.distances[cache_key] = (to_anchor, to_point)
        return to_anchor, to_point

    def _shares(self, mention: _Mention, arrays: _Arrays) -> tuple[np.ndarray, np.ndarray]:
        """Each candidate's share of the document's country (and division) votes, the name's own excluded."""
        cached = self._share_cache.get((mention.name, id(arrays)))
        if cached is not None:
            return cached
        size = len(arrays.countries)
        own = self.own_countries.get(mention.name, {})
        total = self.total - sum(own.values())
        if total <= 0:
            return np.zeros(size), np.zeros(size)
        best_other = max((w - own.get(c, 0.0) for c, w in self.countries.items()), default=0.0)
        get = self.countries.get
        country = np.array([get(c, 0.0) - own.get(c, 0.0) if c else best_other for c in arrays.countries])
        admin1 = np.zeros(size)
        if self.admin1s:
            own_admin1 = self.own_admin1s.get(mention.name, {})
            admin1 = np.array([self.admin1s.get(a, 0.0) - own_admin1.get(a, 0.0) if a else 0.0
                               for a in arrays.admin1s])  # fmt: skip
        shares = np.maximum(0.0, country / total), np.maximum(0.0, admin1 / total)
        self._share_cache[(mention.name, id(arrays))] = shares
        return shares

    def bonus(self, mention: _Mention) -> tuple[np.ndarray, np.ndarray]:
        """Context score of each candidate, and whether it is doubtful (a loose match outside the context)."""
        arrays = mention.arrays
        country, admin1 = self._shares(mention, arrays)
        bonus = _CONTEXT_WEIGHT * country + _ADMIN1_WEIGHT * np.minimum(1.0, 2 * admin1)
        if self.hint:
            bonus += _HINT_WEIGHT * np.array([c == self.hint for c in arrays.countries], dtype=float)
        bonus += self._nearness(mention, arrays)
        bonus -= _FAR_WEIGHT * self._farness(mention, arrays) * (country < 0.1)
        if mention.containers or mention.contained:
            bonus += self._containment(mention)
        # A spelling matched only through transliteration, or a generic word, is believed in the document's own
        # countries only.
        doubtful = self.doubtful(mention)
        bonus -= _FOREIGN_SPELLING_PENALTY * doubtful
        return bonus, doubtful

    def doubtful(self, mention: _Mention) -> np.ndarray:
        """Whether each candidate is a loose match (or a generic word) outside the document's countries."""
        arrays = mention.arrays
        if self.total <= 0:
            return np.zeros(len(arrays.lats), dtype=bool)
        country, _ = self._shares(mention, arrays)
        # Far from everything else the document names, a loose match is doubtful even in a country it names.
        far = self._farness(mention, arrays) >= math.log10(_REMOTE_KM / _FAR_KM)
        return (arrays.loose & far) | ((arrays.loose | (mention.key in _GENERIC_WORDS)) & (country < 0.1))

    def agrees(self, mention: _Mention) -> np.ndarray:
        """Whether each candidate lies in the document's countries or next to its main ones, and not far from
        every other place it names."""
        agreeing = self._agreeing.get(mention.name)
        if agreeing is None:
            own = self.own_countries.get(mention.name, {})
            votes = {c: w - own.get(c, 0.0) for c, w in self.countries.items()}
            agreeing = self._agreeing[mention.name] = agreeing_countries(votes, sum(votes.values()))
        arrays = mention.arrays
        farness = self._farness(mention, arrays)
        in_own = np.array([c in agreeing[0] for c in arrays.countries], dtype=bool)
        next_door = np.array([c in agreeing[1] for c in arrays.countries], dtype=bool)
        # In a neighbour, only within _FAR_KM of another of the report's places: Russia borders half of Asia.
        return (in_own & (farness < math.log10(_REMOTE_KM / _FAR_KM))) | (next_door & (farness <= 0.0))

    def remote(self, mention: _Mention, index: int) -> bool:
        """Whether candidate `index` lies over _REMOTE_KM from every other place of the document, in a country
        the document is not otherwise about."""
        arrays = mention.arrays
        if arrays.countries[index] is None or mention.candidates[index].record.feature_code in _COUNTRY_CODES:
            return False  # a country is near to every document that names it ('US dollars' in a Kazakh report)
        country, _ = self._shares(mention, arrays)
        return bool(country[index] < 0.1 and self._farness(mention, arrays)[index] >= math.log10(_REMOTE_KM / _FAR_KM))

    def _farness(self, mention: _Mention, arrays: _Arrays) -> np.ndarray:
        """0 within _FAR_KM of another place of the document, rising with the log of the distance to 1 at ten times
        that; 0 for everything when the document names no other place, and for places without a country."""
        cache_key = (mention.name, id(arrays))
        cached = self._geometry.farness.get(cache_key)
        if cached is not None:
            return cached
        _, to_point = self._nearest(mention, arrays)
        farness = np.zeros(len(arrays.lats))
        if np.isfinite(to_point).any():
            farness = np.clip(np.log10(np.maximum(to_point, 1.0) / _FAR_KM), 0.0, 1.0)
            farness[[c is None for c in arrays.countries]] = 0.0
        self._geometry.farness[cache_key] = farness
        return farness

    def _nearness(self, mention: _Mention, arrays: _Arrays) -> np.ndarray:
        cache_key = (mention.name, id(arrays))
        cached = self._geometry.nearness.get(cache_key)
        if cached is None:
            cached = self._geometry.nearness[cache_key] = self._compute_nearness(mention, arrays)
        return cached

    def _compute_nearness(self, mention: _Mention, arrays: _Arrays) -> np.ndarray:
        nearest, _ = self._nearest(mention, arrays)
        near = np.zeros(len(arrays.lats))
        if np.isfinite(nearest).any():
            near = _NEAR_WEIGHT * (nearest < 150) + 0.5 * _NEAR_WEIGHT * (nearest < 400)
            # Seas, regions and continents are not near or far from anything: neither helped nor hurt.
            near[[c is None for c in arrays.countries]] = 0.75 * _NEAR_WEIGHT
        # Divisions are read even in a document that names no town: sibling divisions still tell.
        for i in arrays.areas:
            area = mention.candidates[i].record
            holds = any(
                _inside(o, area) for o, key in zip(self.anchors, self.anchor_keys, strict=True) if key != mention.name
            )
            near[i] = _NEAR_WEIGHT if holds else _SIBLING_WEIGHT * self._has_sibling(mention.name, area)
        return near

    def _has_sibling(self, key: str, area: PlaceRecord) -> bool:
        """Another division of the same level and country named beside the name, within _SIBLING_CHARS of one of
        its mentions ('Florida' beside 'New Jersey', 'Kebili' beside 'Tozeur'): a name among divisions is a
        division, not a town called after one. A division named elsewhere in the report says nothing of it
        ('grew up in New York' in a story that names Texas further on)."""
        if area.feature_code != "ADM1":
            return False
        own = self.starts.get(key, [])
        return any(
            p.feature_code == "ADM1"
            and p.country == area.country
            and p.id != area.id
            and any(abs(start - s) <= _SIBLING_CHARS for s in own)
            for p, k, start in zip(self.points, self.point_keys, self.point_starts, strict=True)
            if k != key
        )

    def _containment(self, mention: _Mention) -> np.ndarray:
        """Candidates inside the places written as this mention's containers, and divisions that hold the places
        this name is written as the container of."""
        bonus = np.zeros(len(mention.candidates))
        for index in mention.containers:
            container = self.by_index.get(index)
            if container is None:
                continue
            inside = [_inside(c.record, container.record) for c in mention.candidates]
            bonus += _CONTAINER_WEIGHT * np.array(inside, dtype=float)
        held = {r.record.id: r.record for r in (self.by_index.get(i) for i in mention.contained) if r is not None}
        if held:
            # Only a division or a country holds what is written before it: a town beside a town is no proof.
            holds = [
                c.record.feature_code in _HOLDING_CODES and any(_inside(h, c.record) for h in held.values())
                for c in mention.candidates
            ]
            bonus += _CONTAINER_WEIGHT * np.array(holds, dtype=float)
        return bonus


def _inside(record: PlaceRecord, container: PlaceRecord) -> bool:
    if record.id == container.id or record.country != container.country or record.country is None:
        return False
    if container.feature_code in _COUNTRY_CODES:
        return True
    if container.feature_code == "ADM1":
        return record.admin1 is not None and record.admin1 == container.admin1 and record.feature_code != "ADM1"
    return float(_haversine(container.lat, container.lon, np.array([record.lat]), np.array([record.lon]))[0]) < 150
