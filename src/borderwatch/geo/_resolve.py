"""Ranking candidate places for the mentions of one document.

Two passes. The first ranks each distinct name on its own (population, kind of place, how well the name
matches). The document's context is read from that pass: the countries it is about, places already placed,
and administrative hints written next to a name ("Dogofri (Niono, Segou)", "Edmonton, Ky."). The second
pass ranks again with that context. Every resolution carries a confidence: the share of the score mass of
its best candidate, scaled by how well the name matched; below `min_confidence` a mention stays unresolved.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ._candidates import Candidate, CandidateFinder
from ._normalise import name_key
from ._store import PlaceRecord

__all__ = ["Resolution", "Resolver"]

_KIND_PRIOR = {
    "PCLI": 4.0, "PCLD": 3.0, "PCLS": 3.0, "PCLF": 3.0, "TERR": 2.5, "CONT": 4.0, "ADM1": -0.3, "ADM2": 0.5, "PPLC": 2.5,
    "PPLA": 0.8, "RGN": 3.0, "OCN": 4.0, "SEA": 3.5, "GULF": 3.0, "PEN": 3.0, "MTS": 2.0, "MT": 1.5, "DSRT": 3.0,
    "PSTB": 1.0, "LK": 2.5, "STRT": 2.5, "CNL": 2.5,
}  # fmt: skip
_CONTAINER_GAP = re.compile(r"^\s*[,(]\s*$|^\s*,\s*\(?\s*$|^\s+in\s+$")
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "TERR"}
_AREA_CODES = _COUNTRY_CODES | {"ADM1", "CONT"}
_GENERIC_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
                  "coast", "gulf", "centre", "center", "island", "islands", "valley", "city", "border", "lake", "river",
                  "mountain", "mountains", "desert", "highlands", "lowlands", "riviera", "delta", "plateau"}  # fmt: skip
_TEMPERATURE = 1.0
_CONTEXT_WEIGHT = 3.0
_NEAR_WEIGHT = 2.0
_CONTAINER_WEIGHT = 5.0
_HINT_WEIGHT = 1.5
_ADMIN1_WEIGHT = 2.0
_FOREIGN_SPELLING_PENALTY = 2.0
_CONTEXT_PASSES = 2
_DOUBT_FACTOR = 0.2


@dataclass(frozen=True)
class Resolution:
    record: PlaceRecord
    confidence: float


@dataclass
class _Mention:
    index: int
    start: int
    end: int
    key: str
    candidates: Sequence[Candidate]
    containers: list[int] = field(default_factory=list)


def _prior(candidate: Candidate) -> float:
    record = candidate.record
    kind = _KIND_PRIOR.get(record.feature_code or "", 0.0)
    curated = 1.5 if record.source.startswith("borderwatch") else 0.0
    return math.log10(max(record.population, 0) + 10) + kind + curated + 2.0 * candidate.match


def _haversine(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))


class Resolver:
    def __init__(self, finder: CandidateFinder, min_confidence: float = 0.15) -> None:
        self._finder = finder
        self.min_confidence = min_confidence

    def resolve(
        self, text: str, spans: Sequence[tuple[int, int]], country_hint: str | None = None
    ) -> list[Resolution | None]:
        mentions = [
            _Mention(i, s, e, name_key(text[s:e]), self._finder.find(text[s:e])) for i, (s, e) in enumerate(spans)
        ]
        _link_containers(text, mentions)
        ranked = {m.index: self._rank(m, None) for m in mentions}
        for _ in range(_CONTEXT_PASSES):
            context = _Context.from_pass(mentions, ranked, country_hint)
            ranked = {m.index: self._rank(m, context) for m in mentions}
        results: list[Resolution | None] = []
        for mention in mentions:
            res = ranked[mention.index]
            results.append(res if res is not None and res.confidence >= self.min_confidence else None)
        return results

    def _rank(self, mention: _Mention, context: _Context | None) -> Resolution | None:
        if not mention.candidates:
            return None
        scores = np.array([_prior(c) for c in mention.candidates])
        doubtful = np.zeros(len(scores), dtype=bool)
        if context is not None:
            bonus, doubtful = context.bonus(mention)
            scores += bonus
        best = int(np.argmax(scores))
        weights = np.exp((scores - scores[best]) / _TEMPERATURE)
        share = float(1.0 / weights.sum())
        candidate = mention.candidates[best]
        confidence = share * candidate.match * (_DOUBT_FACTOR if doubtful[best] else 1.0)
        return Resolution(candidate.record, round(confidence, 3))


def _link_containers(text: str, mentions: list[_Mention]) -> None:
    """'A, B' and 'A (B, C)': B (and C) may be what contains A; a hint for every mention of the same name."""
    ordered = sorted(mentions, key=lambda m: m.start)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(ordered):
        for j in range(i + 1, min(i + 3, len(ordered))):
            gap = text[ordered[j - 1].end : ordered[j].start]
            if not _CONTAINER_GAP.match(gap):
                break
            by_key[mention.key].append(ordered[j].index)
    for mention in mentions:
        mention.containers = [i for i in by_key.get(mention.key, []) if i != mention.index]


@dataclass
class _Context:
    """What the document is about, as read from a ranking pass; a name's own mentions never vote for it."""

    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    own_countries: dict[str, dict[str, float]]
    own_admin1s: dict[str, dict[tuple[str, str], float]]
    anchors: list[tuple[str, PlaceRecord]]
    by_index: dict[int, Resolution | None]
    hint: str | None

    @classmethod
    def from_pass(cls, mentions: list[_Mention], ranked: dict[int, Resolution | None], hint: str | None) -> _Context:
        context = cls(defaultdict(float), defaultdict(float), defaultdict(lambda: defaultdict(float)),
                      defaultdict(lambda: defaultdict(float)), [], ranked, hint)  # fmt: skip
        for mention in mentions:
            res = ranked[mention.index]
            if res is None or res.record.country is None:
                continue
            record = res.record
            context.countries[record.country] += res.confidence  # type: ignore[index]
            context.own_countries[mention.key][record.country] += res.confidence  # type: ignore[index]
            if record.admin1:
                context.admin1s[(record.country, record.admin1)] += res.confidence  # type: ignore[index]
                context.own_admin1s[mention.key][(record.country, record.admin1)] += res.confidence  # type: ignore[index]
            if record.feature_code not in _AREA_CODES:
                context.anchors.append((mention.key, record))
        context.total = sum(context.countries.values())
        return context

    total: float = 0.0

    def _share(self, mention: _Mention, record: PlaceRecord) -> tuple[float, float]:
        own = self.own_countries.get(mention.key, {})
        total = self.total - sum(own.values())
        if total <= 0:
            return 0.0, 0.0
        if record.country is None:
            country = max((w - own.get(c, 0.0) for c, w in self.countries.items()), default=0.0)
            return country / total, 0.0
        country = self.countries.get(record.country, 0.0) - own.get(record.country, 0.0)
        admin1 = 0.0
        if record.admin1 and record.feature_code != "ADM1" or record.feature_code == "ADM2":
            key = (record.country, record.admin1 or "")
            admin1 = self.admin1s.get(key, 0.0) - self.own_admin1s.get(mention.key, {}).get(key, 0.0)
        return max(0.0, country / total), max(0.0, admin1 / total)

    def bonus(self, mention: _Mention) -> tuple[np.ndarray, np.ndarray]:
        """Context score of each candidate, and whether it is doubtful (a loose match outside the context)."""
        records = [c.record for c in mention.candidates]
        shares = np.array([self._share(mention, r) for r in records]).reshape(-1, 2)
        bonus = _CONTEXT_WEIGHT * shares[:, 0] + _ADMIN1_WEIGHT * np.minimum(1.0, 2 * shares[:, 1])
        if self.hint:
            bonus += _HINT_WEIGHT * np.array([r.country == self.hint for r in records], dtype=float)
        bonus += self._nearness(mention, records)
        bonus += self._containment(mention, records)
        doubtful = np.zeros(len(records), dtype=bool)
        if self.total > 0:
            # A spelling matched only through transliteration, or a generic word, is believed in the document's
            # own countries only.
            generic = mention.key in _GENERIC_WORDS
            loose = np.array([c.match < 0.75 for c in mention.candidates])
            doubtful = (generic | loose) & (shares[:, 0] < 0.1)
            bonus -= _FOREIGN_SPELLING_PENALTY * doubtful
        return bonus, doubtful

    def _nearness(self, mention: _Mention, records: list[PlaceRecord]) -> np.ndarray:
        others = [r for key, r in self.anchors if key != mention.key]
        if not others:
            return np.zeros(len(records))
        lats = np.array([r.lat for r in others])
        lons = np.array([r.lon for r in others])
        near = np.zeros(len(records))
        for i, record in enumerate(records):
            if record.feature_code in _AREA_CODES:
                near[i] = _NEAR_WEIGHT * any(_inside(o, record) for o in others)
                continue
            nearest = float(_haversine(record.lat, record.lon, lats, lons).min())
            near[i] = _NEAR_WEIGHT * (nearest < 150) + 0.5 * _NEAR_WEIGHT * (nearest < 400)
        return near

    def _containment(self, mention: _Mention, records: list[PlaceRecord]) -> np.ndarray:
        bonus = np.zeros(len(records))
        for index in mention.containers:
            container = self.by_index.get(index)
            if container is None:
                continue
            bonus += _CONTAINER_WEIGHT * np.array([_inside(r, container.record) for r in records], dtype=float)
        return bonus


def _inside(record: PlaceRecord, container: PlaceRecord) -> bool:
    if record.id == container.id or record.country != container.country or record.country is None:
        return False
    if container.feature_code in _COUNTRY_CODES:
        return True
    if container.feature_code == "ADM1":
        return record.admin1 is not None and record.admin1 == container.admin1 and record.feature_code != "ADM1"
    return float(_haversine(container.lat, container.lon, np.array([record.lat]), np.array([record.lon]))[0]) < 150
