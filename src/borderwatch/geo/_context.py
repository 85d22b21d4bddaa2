"""What a document is about, as read from a ranking pass: the countries and divisions its places lie in, where
they are, and which of its names are written as containers of others. A name's own mentions never vote for it.

Candidates in the document's countries and near its other places gain; candidates far from all of them, in
countries it does not name, lose with the distance (a report about Mali needs strong evidence for a place 10,000 km
away) and are marked `remote`; a loose spelling outside the document's countries is doubtful.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ._candidate_arrays import AREA_CODES, COUNTRY_CODES, HOLDING_CODES, CandidateArrays, haversine
from ._loose_names import agreeing_countries, foreign_aliases
from ._mention import GENERIC_WORDS, Mention, Resolution
from ._ranking import ranking_weights
from ._regions import countries_voted_for, region_extent
from ._sources import thinly_held_countries
from ._store import PlaceRecord

__all__ = ["CONTEXT_WEIGHT", "FOREIGN_SPELLING_PENALTY", "Context", "Geometry", "inside"]

_WEIGHTS = ranking_weights().context
CONTEXT_WEIGHT = _WEIGHTS["country"]
_NEAR_WEIGHT = _WEIGHTS["near"]
_SUPPORT_WEIGHT = _WEIGHTS["support"]
_CONTAINER_WEIGHT = _WEIGHTS["container"]
_SIBLING_WEIGHT = _WEIGHTS["sibling"]
_SIBLING_CHARS = 150  # about a sentence: divisions named together
_HINT_WEIGHT = _WEIGHTS["hint"]
_ADMIN1_WEIGHT = _WEIGHTS["admin1"]
FOREIGN_SPELLING_PENALTY = _WEIGHTS["foreign_spelling_penalty"]
# A candidate far from every other place of the document, in a country the document is not about, needs more
# evidence: its score falls with the log of the distance beyond _FAR_KM, by up to _FAR_WEIGHT at 10 x _FAR_KM.
_FAR_KM = 1000.0
_FAR_WEIGHT = _WEIGHTS["far"]
_REMOTE_KM = 3000.0


class Geometry(NamedTuple):
    """Per name (key, candidate arrays): distances to the document's other places, and what they make of it."""

    distances: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]]
    farness: dict[tuple[str, int], np.ndarray]
    nearness: dict[tuple[str, int], np.ndarray]


@dataclass
class Context:
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
    total: float = 0.0  # the votes of the document's places: a region's counted once, not once per country
    own_totals: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    # By name and other name: which of the name's candidates the other name could lie beside (`_support`).
    support: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    lonely: set[str] = field(default_factory=set)  # names whose reading in this pass no other name backs
    # Names no place bears, read as a look-alike: no votes (`_unknown_name`).
    unknown: set[str] = field(default_factory=set)
    # Regions that cover part of a country (`region_extent`): (name, (south, north, west, east), countries, vote).
    partial_regions: list[tuple[str, tuple[float, float, float, float], frozenset[str], float]] = field(
        default_factory=list
    )
    _share_cache: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _geometry: Geometry = field(default_factory=lambda: Geometry({}, {}, {}))
    # By name (its own votes left out): the document's countries, and those next to its main ones.
    _agreeing: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def from_pass(
        cls,
        mentions: list[Mention],
        ranked: dict[int, Resolution | None],
        hint: str | None,
        geometry: dict[tuple[int | str, ...], Geometry] | None = None,
        support: dict[str, dict[str, np.ndarray]] | None = None,
    ) -> Context:
        """The context of a ranking pass; `geometry` keeps distances for the next pass of the same document: they
        depend only on which places it holds (most often the same ones again)."""
        context = cls(ranked, hint, support=support or {})
        for mention in mentions:
            context.starts[mention.name].append(mention.start)
            res = ranked[mention.index]
            if res is None:
                continue
            if _unknown_name(mention, res):
                context.unknown.add(mention.name)
                continue
            record, weight = res.record, res.confidence
            if record.country is None:
                # A region that covers several countries ('the Sahel') votes for each as a town of each would; the
                # report's votes grow by one place's all the same.
                covered = countries_voted_for(record)
                for country in covered:
                    context.countries[country] += weight
                    context.own_countries[mention.name][country] += weight
                if covered:
                    context.total += weight
                    context.own_totals[mention.name] += weight
                    extent = region_extent(record)
                    if extent is not None:
                        context.partial_regions.append((mention.name, extent, frozenset(covered), weight))
                continue
            context.countries[record.country] += weight
            context.own_countries[mention.name][record.country] += weight
            context.total += weight
            context.own_totals[mention.name] += weight
            if record.admin1:
                context.admin1s[(record.country, record.admin1)] += weight
                context.own_admin1s[mention.name][(record.country, record.admin1)] += weight
            if record.feature_code not in AREA_CODES:
                context.anchors.append(record)
                context.anchor_keys.append(mention.name)
            context.points.append(record)
            context.point_keys.append(mention.name)
            context.point_starts.append(mention.start)
        context._point_lats = np.array([r.lat for r in context.points])[None, :]
        context._point_lons = np.array([r.lon for r in context.points])[None, :]
        context._point_key_array = np.array(context.point_keys, dtype=object)
        context._point_is_anchor = np.array([r.feature_code not in AREA_CODES for r in context.points], dtype=bool)
        if geometry is not None:
            # A record's id gives its position and kind; a name's key which mentions are its own.
            signature = tuple(r.id for r in context.points) + tuple(context.point_keys)
            context._geometry = geometry.setdefault(signature, Geometry({}, {}, {}))
        if context.support:
            context.lonely = context._lonely_names(mentions)
        return context

    def _lonely_names(self, mentions: list[Mention]) -> set[str]:
        """The names read in this pass as a place in a country none of the document's other names lies in, over
        _FAR_KM from all of them: readings nothing else of the document speaks for."""
        lonely: set[str] = set()
        seen: set[str] = set()
        for mention in mentions:
            res = self.by_index.get(mention.index)
            if mention.name in seen or res is None or res.record.country is None:
                continue
            seen.add(mention.name)
            ids = [c.record.id for c in mention.candidates]
            if res.record.id not in ids or res.record.feature_code in AREA_CODES:
                continue
            index = ids.index(res.record.id)
            if self.outside_countries(mention)[index] and self._farness(mention, mention.arrays)[index] > 0.0:
                lonely.add(mention.name)
        return lonely

    def _support(self, mention: Mention) -> np.ndarray | float:
        """How many other names could lie beside each candidate, when the name's reading is lonely and no other name
        could lie beside it; only other names whose own reading is lonely count. A joint choice between scattered
        readings: 'London', 'St. Thomas' and 'Delhi' read as England, the Virgin Islands and India all lie in
        Ontario. A name whose reading the document supports is no evidence of where another name lies (the London
        of a story about the U.S. and Britain does not move its 'Washington' to Sussex)."""
        by_other = self.support.get(mention.name)
        if by_other is None or mention.name not in self.lonely:
            return 0.0
        counts = np.zeros(len(mention.candidates))
        for other, backed in by_other.items():
            if other in self.lonely:
                counts += backed
        res = self.by_index.get(mention.index)
        ids = [c.record.id for c in mention.candidates]
        if res is not None and res.record.id in ids and counts[ids.index(res.record.id)] > 0:
            return 0.0  # the reading is backed as much as any: nothing to choose jointly
        return counts

    def _nearest(self, mention: Mention, arrays: CandidateArrays) -> tuple[np.ndarray, np.ndarray]:
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
            distances = haversine(arrays.lats[:, None], arrays.lons[:, None], self._point_lats, self._point_lons)
            distances[:, ~others] = np.inf
            to_point = distances.min(axis=1)
            anchors = others & self._point_is_anchor
            if anchors.any():
                to_anchor = distances[:, anchors].min(axis=1)
        self._geometry.distances[cache_key] = (to_anchor, to_point)
        return to_anchor, to_point

    def _held_by_partial_regions(self, mention: Mention, arrays: CandidateArrays) -> np.ndarray:
        """Whether each candidate lies inside a region that covers part of its country, named by another name."""
        held = np.zeros(len(arrays.lats), dtype=bool)
        for name, extent, covered, _ in self.partial_regions:
            if name != mention.name:
                held |= _region_masks(arrays, extent, covered)[1]
        return held

    def _shares(self, mention: Mention, arrays: CandidateArrays) -> tuple[np.ndarray, np.ndarray]:
        """Each candidate's share of the document's country (and division) votes, the name's own excluded."""
        cached = self._share_cache.get((mention.name, id(arrays)))
        if cached is not None:
            return cached
        size = len(arrays.countries)
        own = self.own_countries.get(mention.name, {})
        total = self.total - self.own_totals.get(mention.name, 0.0)
        if total <= 0:
            return np.zeros(size), np.zeros(size)
        best_other = max((w - own.get(c, 0.0) for c, w in self.countries.items()), default=0.0)
        get = self.countries.get
        country = np.array([get(c, 0.0) - own.get(c, 0.0) if c else best_other for c in arrays.countries])
        for name, extent, covered, weight in self.partial_regions:
            if name == mention.name:
                continue
            # The region votes for its countries' places inside it only: 'the Sahel' is not southern Chad.
            in_covered, inside = _region_masks(arrays, extent, covered)
            country -= weight * (in_covered & ~inside)
        admin1 = np.zeros(size)
        if self.admin1s:
            own_admin1 = self.own_admin1s.get(mention.name, {})
            admin1 = np.array([self.admin1s.get(a, 0.0) - own_admin1.get(a, 0.0) if a else 0.0
                               for a in arrays.admin1s])  # fmt: skip
        shares = np.maximum(0.0, country / total), np.maximum(0.0, admin1 / total)
        self._share_cache[(mention.name, id(arrays))] = shares
        return shares

    def bonus(self, mention: Mention) -> tuple[np.ndarray, np.ndarray]:
        """Context score of each candidate, and whether it is doubtful (a loose match outside the context)."""
        arrays = mention.arrays
        country, admin1 = self._shares(mention, arrays)
        bonus = CONTEXT_WEIGHT * country + _ADMIN1_WEIGHT * np.minimum(1.0, 2 * admin1)
        if self.hint:
            bonus += _HINT_WEIGHT * np.array([c == self.hint for c in arrays.countries], dtype=float)
        bonus += self._nearness(mention, arrays)
        bonus += _SUPPORT_WEIGHT * self._support(mention)
        bonus -= _FAR_WEIGHT * self._farness(mention, arrays) * (country < 0.1)
        bonus += self.containment(mention)
        # A spelling matched only through transliteration, or a generic word, is believed in the document's own
        # countries only.
        doubtful = self.doubtful(mention)
        bonus -= FOREIGN_SPELLING_PENALTY * doubtful
        return bonus, doubtful

    def doubtful(self, mention: Mention) -> np.ndarray:
        """Whether each candidate is a loose match (or a generic word) outside the document's countries."""
        arrays = mention.arrays
        # A place outside the region reached only through a spelling of another of its names is doubted outside the
        # document's countries, however closely it is spelt, and when the document names nothing else: a bare
        # 'Boulkessi' is no Maglić, Serbia, by its German name 'Bulkes' (`foreign_aliases`).
        alias = self.foreign_aliases(mention)
        if self.total <= 0 and not self.unknown:
            return alias
        country, _ = self._shares(mention, arrays)
        # Far from everything else the document names, a loose match is doubtful even in a country it names.
        far = self._farness(mention, arrays) >= math.log10(_REMOTE_KM / _FAR_KM)
        return (arrays.loose & far) | ((arrays.loose | alias | (mention.key in GENERIC_WORDS)) & (country < 0.1))

    def foreign_aliases(self, mention: Mention) -> np.ndarray:
        """`foreign_aliases` of a mention's candidates, the caller's country excepted."""
        return foreign_aliases(mention.candidates, self.hint)

    def outside_countries(self, mention: Mention) -> np.ndarray:
        """Whether each candidate lies outside the document's countries (under a tenth of the votes of its other
        names); none is when the document names no other place."""
        arrays = mention.arrays
        if self.total - self.own_totals.get(mention.name, 0.0) <= 0:
            return np.zeros(len(arrays.lats), dtype=bool)
        country, _ = self._shares(mention, arrays)
        return country < 0.1

    def agrees(self, mention: Mention) -> np.ndarray:
        """Whether each candidate lies in the document's countries or next to its main ones, and not far from
        every other place it names."""
        agreeing = self._agreeing.get(mention.name)
        if agreeing is None:
            own = self.own_countries.get(mention.name, {})
            votes = {c: w - own.get(c, 0.0) for c, w in self.countries.items()}
            agreeing = agreeing_countries(votes, self.total - self.own_totals.get(mention.name, 0.0))
            if not agreeing[0] and self.hint is None:
                # A report that names no other place, for no caller's country, is about the product's region: a
                # name no place bears is read as the region's ('Dhehiba' alone is Dehiba, Tunisia, not Diéhiba,
                # Côte d'Ivoire, the likelier by population).
                agreeing = (thinly_held_countries(), frozenset())
            self._agreeing[mention.name] = agreeing
        arrays = mention.arrays
        farness = self._farness(mention, arrays)
        in_own = np.array([c in agreeing[0] for c in arrays.countries], dtype=bool)
        next_door = np.array([c in agreeing[1] for c in arrays.countries], dtype=bool)
        if mention.candidates[0].shape:
            # A name reached only by its vowel shape is weak evidence: the report's own countries must hold it
            # ('Gossi' near Malian soldiers is not Gousi, a village of Burkina Faso).
            next_door[:] = False
        # In a neighbour, only within _FAR_KM of another of the report's places: Russia borders half of Asia.
        return (in_own & (farness < math.log10(_REMOTE_KM / _FAR_KM))) | (next_door & (farness <= 0.0))

    def remote(self, mention: Mention, index: int) -> bool:
        """Whether candidate `index` lies over _REMOTE_KM from every other place of the document, in a country
        the document is not otherwise about."""
        arrays = mention.arrays
        if arrays.countries[index] is None or mention.candidates[index].record.feature_code in COUNTRY_CODES:
            return False  # a country is near to every document that names it ('US dollars' in a Kazakh report)
        country, _ = self._shares(mention, arrays)
        return bool(country[index] < 0.1 and self._farness(mention, arrays)[index] >= math.log10(_REMOTE_KM / _FAR_KM))

    def _farness(self, mention: Mention, arrays: CandidateArrays) -> np.ndarray:
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

    def _nearness(self, mention: Mention, arrays: CandidateArrays) -> np.ndarray:
        cache_key = (mention.name, id(arrays))
        cached = self._geometry.nearness.get(cache_key)
        if cached is None:
            cached = self._geometry.nearness[cache_key] = self._compute_nearness(mention, arrays)
        return cached

    def _compute_nearness(self, mention: Mention, arrays: CandidateArrays) -> np.ndarray:
        nearest, _ = self._nearest(mention, arrays)
        near = np.zeros(len(arrays.lats))
        if np.isfinite(nearest).any():
            near = _NEAR_WEIGHT * (nearest < 150) + 0.5 * _NEAR_WEIGHT * (nearest < 400)
            # Seas, regions and continents are not near or far from anything: neither helped nor hurt.
            near[[c is None for c in arrays.countries]] = 0.75 * _NEAR_WEIGHT
        # A place inside a region the report names, in a country the region covers, lies by it as by a town: the
        # region holds it ('Léré' of a report about the Sahel).
        if self.partial_regions:  # most reports name no such region: no arrays to build
            held = self._held_by_partial_regions(mention, arrays)
            near = np.where(held, np.maximum(near, _NEAR_WEIGHT), near)
        # Divisions are read even in a document that names no town: sibling divisions still tell.
        for i in arrays.areas:
            area = mention.candidates[i].record
            holds = any(
                inside(o, area) for o, key in zip(self.anchors, self.anchor_keys, strict=True) if key != mention.name
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

    def containment(self, mention: Mention) -> np.ndarray:
        """Candidates inside the places written as this mention's containers, and divisions that hold the places
        this name is written as the container of."""
        bonus = np.zeros(len(mention.candidates))
        if not (mention.containers or mention.contained):
            return bonus
        for index in mention.containers:
            container = self.by_index.get(index)
            if container is None:
                continue
            within = [inside(c.record, container.record) for c in mention.candidates]
            bonus += _CONTAINER_WEIGHT * np.array(within, dtype=float)
        held = {r.record.id: r.record for r in (self.by_index.get(i) for i in mention.contained) if r is not None}
        if held:
            # Only a division or a country holds what is written before it: a town beside a town is no proof.
            holds = [
                c.record.feature_code in HOLDING_CODES and any(inside(h, c.record) for h in held.values())
                for c in mention.candidates
            ]
            bonus += _CONTAINER_WEIGHT * np.array(holds, dtype=float)
        return bonus


def _region_masks(
    arrays: CandidateArrays, extent: tuple[float, float, float, float], covered: frozenset[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Which candidates are of a country the region covers, and which of those lie inside its extent."""
    south, north, west, east = extent
    in_covered = np.array([c in covered for c in arrays.countries], dtype=bool)
    inside = (arrays.lats >= south) & (arrays.lats <= north) & (arrays.lons >= west) & (arrays.lons <= east)
    return in_covered, in_covered & inside


def _unknown_name(mention: Mention, res: Resolution) -> bool:
    """Whether the gazetteer does not know the name: no place bears it, and its reading is a look-alike found through
    a looser spelling, outside the region whose names reports transliterate ('Gunmen', tagged a place by the entity
    model, read as Kunming). Such a guess says nothing of what the report is about and must not move its other names
    ('Nara' of 'Gunmen attacked Nara' to Japan); a transliteration of a name of the region ('Bourj Baji Mukhtar')
    still votes."""
    return (
        bool(mention.candidates)
        and mention.candidates[0].spelling
        and res.record.country not in thinly_held_countries()
    )


def inside(record: PlaceRecord, container: PlaceRecord) -> bool:
    if record.id == container.id or record.country != container.country or record.country is None:
        return False
    if container.feature_code in COUNTRY_CODES:
        return True
    if container.feature_code == "ADM1":
        return record.admin1 is not None and record.admin1 == container.admin1 and record.feature_code != "ADM1"
    return float(haversine(container.lat, container.lon, np.array([record.lat]), np.array([record.lon]))[0]) < 150
