"""`Fuser`: the fusion stage's entry point. Pure: the store hands it candidates and keeps what it decides.

For each new mention: `block` says which stored mentions may be the same happening (a time window
around its date, cells around its place, compatible event families), the store reads those through
its indexes, and `decide` scores the mention against each candidate event and picks the best one
above the threshold, or none (a new event). `cluster` runs the same decisions in memory, for
evaluation and for callers without a store.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..model import EventMention
from ._config import FusionConfig, load_config
from ._corroboration import Corroboration, ReportSource, corroborate
from ._features import mention_features
from ._fields import FusedFields, SourcedMention, derive_fields
from ._score import PairScorer
from ._types import AnalystLinks, Candidate, Decision, FeatureScore, MatchExplanation, MentionFeatures

__all__ = ["UNLOCATED_CELL", "Block", "Fuser", "MentionIndex", "actor_cell", "area_cell", "cell_of"]

UNLOCATED_CELL = 0
_KM_PER_DEGREE = 111.2
_MAX_SPAN_DAYS = 31  # the longest date interval (a month, time precision 3)


def cell_of(lat: float | None, lon: float | None, degrees: float) -> int:
    """The grid cell a place falls in (a positive integer), or UNLOCATED_CELL."""
    if lat is None or lon is None:
        return UNLOCATED_CELL
    row = math.floor((lat + 90.0) / degrees)
    column = math.floor((lon + 180.0) / degrees)
    return 1 + row * 100_000 + column


def area_cell(country: str | None, admin1: str | None) -> int:
    """The cell (a negative integer) of mentions located only to a province (or a country)."""
    return _named_cell(f"area|{(country or '').upper()}|{(admin1 or '').casefold()}")


def actor_cell(actor: str) -> int:
    """The cell (a negative integer) of mentions without a place, by the (folded) name of their actor."""
    return _named_cell(f"actor|{actor}")


def _named_cell(name: str) -> int:
    return -1 - int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest(), "little") // 2


@dataclass(frozen=True, slots=True)
class Block:
    """Which stored mentions a new one is compared with.

    A stored mention is a candidate when its family is in `families`, its date interval reaches into
    [`day_from`, `day_to`] (so its first day is at least `day_from - span_days`), and, when `cells` is
    is indexed under one of `cells` and, for a grid cell, lies inside the bounding box, or is in one of
    `countries`. No cells and no countries: no candidates.
    """

    families: tuple[str, ...]
    day_from: int
    day_to: int
    span_days: int
    cells: tuple[int, ...] = ()
    lat_min: float = -90.0
    lat_max: float = 90.0
    lon_min: float = -180.0
    lon_max: float = 180.0
    countries: tuple[str, ...] = ()  # a mention without a place: every mention of these countries

    def admits(self, other: MentionFeatures, other_cell: int) -> bool:
        if other.family not in self.families or other.day_hi < self.day_from or other.day_lo > self.day_to:
            return False
        if other.country is not None and other.country in self.countries:
            return True
        if other_cell not in self.cells:
            return False
        if other_cell <= 0 or other.lat is None or other.lon is None:
            return True  # unlocated, or only its province known: the cell is the whole test
        return self.lat_min <= other.lat <= self.lat_max and self.lon_min <= other.lon <= self.lon_max


class Fuser:
    """Matches event mentions to events; derives fused fields and corroboration. See `data/fusion.json`."""

    def __init__(self, config: FusionConfig | None = None) -> None:
        self.config = config or load_config()
        self._scorer = PairScorer(self.config)

    # -- features and blocking -------------------------------------------------------------------

    def features(self, mention: EventMention, key: str, report_id: str, anchor: date) -> MentionFeatures:
        return mention_features(mention, key, report_id, anchor, self.config)

    def cell(self, features: MentionFeatures) -> int:
        """The cell a mention is indexed by: a grid cell for a place; its province's cell when only the
        province (or country) is known; without a place, its first named actor's (or state force's) cell;
        UNLOCATED_CELL (found by no one) when it has neither."""
        if features.located and features.geo_precision != 3:
            return cell_of(features.lat, features.lon, self.config.blocking.cell_degrees)
        if features.country:
            return area_cell(features.country, features.admin1)
        actors = features.named or features.state
        return actor_cell(actors[0]) if actors else UNLOCATED_CELL

    def block(self, features: MentionFeatures) -> Block:
        """Where a mention's candidates are: compatible families, the days around its date, and the places
        its own precision and the finest others' allow, with its province's imprecise mentions and the
        placeless mentions of its actors. A mention without a place meets only those last two."""
        blocking = self.config.blocking
        span = max(blocking.undated_days_before_publication, _MAX_SPAN_DAYS)
        families = self.config.compatible_families(features.family)
        day_from, day_to = features.day_lo - blocking.days, features.day_hi + blocking.days
        named = tuple(actor_cell(a) for a in (*features.named, *features.state))
        if features.lat is None or features.lon is None:
            countries = (features.country,) if features.country else ()
            return Block(families, day_from, day_to, span, named, countries=countries)
        area = (area_cell(features.country, features.admin1), area_cell(features.country, None))
        radius = self.config.place.radius_km
        km = radius[str(features.geo_precision or 2)] + radius["2"] + self.config.place.falloff_km
        dlat = km / _KM_PER_DEGREE
        dlon = km / (_KM_PER_DEGREE * max(0.05, math.cos(math.radians(features.lat))))
        box = (features.lat - dlat, features.lat + dlat, features.lon - dlon, features.lon + dlon)
        return Block(families, day_from, day_to, span, area + named + self._cells(*box), *box)

    def _cells(self, lat_min: float, lat_max: float, lon_min: float, lon_max: float) -> tuple[int, ...]:
        degrees = self.config.blocking.cell_degrees
        rows = range(math.floor((lat_min + 90) / degrees), math.floor((lat_max + 90) / degrees) + 1)
        columns = range(math.floor((lon_min + 180) / degrees), math.floor((lon_max + 180) / degrees) + 1)
        return tuple(1 + r * 100_000 + c for r in rows for c in columns)

    # -- decisions -------------------------------------------------------------------------------

    def decide(
        self, features: MentionFeatures, candidates: Iterable[Candidate], links: AnalystLinks | None = None
    ) -> Decision:
        """The event `features` joins (the best candidate scoring at least the threshold), or a new one.

        A mention is compared with an event's most informative mentions: a located mention with its
        located ones and a dated one with its dated ones when it has any, so that a vague mention
        never bridges two happenings. A mention without a place, whose window is the whole region,
        joins an event only when no other comes close (`ambiguity_margin`).
        """
        links = links or AnalystLinks()
        scored: list[tuple[float, str, MentionFeatures | None]] = []
        considered = 0
        for candidate in candidates:
            considered += 1
            if links and any(links.apart(features.key, m.key) for m in candidate.members):
                continue
            if links and any(links.together(features.key, m.key) for m in candidate.members):
                return Decision(mention=features.key, event_id=candidate.event_id, reason="analyst-merge")
            members = _informative(features, candidate.members)[-self.config.blocking.max_members_compared :]
            best, against = max(((self._scorer.score(features, m)[0], m) for m in members), key=lambda p: p[0])
            scored.append((best, candidate.event_id, against))
        scored.sort(key=lambda item: (-item[0], item[1]))
        others = [(event_id, round(s, 3)) for s, event_id, _ in scored[1:4] if s > -math.inf]
        if not scored:
            return Decision(mention=features.key, event_id=None, reason="new", candidates=considered)
        score, event_id, against = scored[0]
        explanation = self.explain(features, against, event_id) if against else None
        threshold = self.config.merge_threshold
        if against is not None and not (features.located and against.located):
            threshold = self.config.merge_threshold_unlocated
        merged = score >= threshold and score > -math.inf
        reason = "matched" if merged else "new"
        contested = len(scored) > 1 and scored[1][0] > score - self.config.ambiguity_margin
        if merged and not features.located and contested:
            merged, reason = False, "ambiguous"
        return Decision(
            mention=features.key,
            event_id=event_id if merged else None,
            reason=reason,
            best=explanation,
            candidates=considered,
            others=others,
        )

    def explain(self, new: MentionFeatures, old: MentionFeatures, event_id: str) -> MatchExplanation:
        """The feature-by-feature comparison of two mentions, as stored with a decision."""
        total, veto, features = self._scorer.score(new, old)
        weight = self._scorer.weight_of
        return MatchExplanation(
            event_id=event_id,
            against=old.key,
            score=round(total, 3) if veto is None else -999.0,
            threshold=self.config.merge_threshold,
            vetoed=veto,
            features=[
                FeatureScore(
                    name=name,
                    value=value,
                    weight=weight(name, value),
                    contribution=round(weight(name, value) * value, 3),
                    detail=detail,
                )
                for name, value, detail in features
            ],
        )

    # -- fused fields and corroboration ----------------------------------------------------------

    def derive(self, mentions: Sequence[SourcedMention]) -> FusedFields:
        return derive_fields(mentions)

    def corroborate(self, sources: Sequence[ReportSource], near_duplicates: Iterable[tuple[str, str]]) -> Corroboration:
        return corroborate(sources, near_duplicates, self.config)

    # -- in memory -------------------------------------------------------------------------------

    def cluster(self, mentions: Iterable[MentionFeatures], links: AnalystLinks | None = None) -> Iterator[Decision]:
        """Fuse mentions in the order given without a store; yields one decision per mention.

        New events are named after their first mention's key. Candidates are found with the same
        blocking as in the store, through an in-memory grid.
        """
        index = MentionIndex(self.config.blocking.cell_degrees)
        for features in mentions:
            block = self.block(features)
            candidates: dict[str, Candidate] = {}
            for other in index.lookup(block):
                assert other.event_id is not None
                candidates.setdefault(other.event_id, Candidate(other.event_id)).members.append(other)
            decision = self.decide(features, candidates.values(), links)
            features.event_id = decision.event_id or features.key
            index.add(features, self.cell(features))
            yield decision


def _informative(features: MentionFeatures, members: list[MentionFeatures]) -> list[MentionFeatures]:
    chosen = members
    if features.located:
        located = [m for m in chosen if m.located]
        chosen = located or chosen
    if features.dated:
        dated = [m for m in chosen if m.dated]
        chosen = dated or chosen
    return chosen


class MentionIndex:
    """Mentions in memory, found by the same blocking as in the store (for `cluster`, and for the store's
    mentions of a batch not yet written)."""

    def __init__(self, cell_degrees: float) -> None:
        self._degrees = cell_degrees
        self._cells: dict[int, list[MentionFeatures]] = {}

    def add(self, features: MentionFeatures, cell: int) -> None:
        self._cells.setdefault(cell, []).append(features)

    def all(self) -> Iterator[MentionFeatures]:
        for members in self._cells.values():
            yield from members

    def lookup(self, block: Block) -> Iterator[MentionFeatures]:
        cells = list(self._cells) if block.countries else list(dict.fromkeys(block.cells))
        for cell in cells:
            for other in self._cells.get(cell, ()):
                if block.admits(other, cell):
                    yield other
