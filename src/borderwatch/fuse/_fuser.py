"""`Fuser`: the fusion stage's entry point. Pure: the store hands it candidates and keeps what it decides.

For each new mention: `block` says which stored mentions may be the same happening (a time window
around its date, cells around its place, compatible event families), the store reads those through
its indexes, and `decide` scores the mention against each candidate event and picks the best one
above the threshold, or none (a new event). `cluster` runs the same decisions in memory, for
evaluation and for callers without a store.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from ..model import EventMention
from ._blocking import UNLOCATED_CELL, Block, MentionIndex, cell_of, grid_cells, index_keys, lookup_keys
from ._config import FusionConfig, load_config
from ._corroboration import Corroboration, ReportSource, corroborate
from ._features import mention_features
from ._fields import FusedFields, SourcedMention, derive_fields
from ._score import FOLLOW_UP, PairScore, PairScorer, Veto, explained
from ._types import AnalystLinks, Candidate, Decision, MatchExplanation, MentionFeatures

__all__ = ["Fuser"]

_MAX_SPAN_DAYS = 31  # the longest date interval (a month, time precision 3)
_NO_LINKS = AnalystLinks()  # shared: an empty one built per decision was 6% of deciding


class Fuser:
    """Matches event mentions to events; derives fused fields and corroboration. See `data/fusion.json`."""

    def __init__(self, config: FusionConfig | None = None) -> None:
        self.config = config or load_config()
        self._scorer = PairScorer(self.config)

    # -- features and blocking -------------------------------------------------------------------

    def features(
        self, mention: EventMention, key: str, report_id: str, anchor: date, text: str | None = None
    ) -> MentionFeatures:
        """What matching compares of a mention (`anchor`: its report's day; `text`: its report's text)."""
        return mention_features(mention, key, report_id, anchor, self.config, text)

    def cell(self, features: MentionFeatures) -> int:
        """The grid cell a mention with a precise place is indexed by; UNLOCATED_CELL for a vague one."""
        if features.vague:
            return UNLOCATED_CELL
        return cell_of(features.lat, features.lon, self.config.blocking.cell_degrees)

    def keys(self, features: MentionFeatures) -> tuple[int, ...]:
        """The secondary keys a stored mention is indexed by: its areas, actors and names (`_blocking`)."""
        return index_keys(features)

    def block(self, features: MentionFeatures) -> Block:
        """Where a mention's candidates are: compatible families, the days around its date, the grid cells its
        precision and the finest others' allow (a precise mention), and the keys of `_blocking.lookup_keys`."""
        blocking = self.config.blocking
        span = max(blocking.undated_days_before_publication, _MAX_SPAN_DAYS)
        families = self.config.compatible_families(features.family)
        day_from, day_to = features.day_lo - blocking.days, features.day_hi + blocking.days
        keys = lookup_keys(features)
        if features.vague:
            return Block(families, day_from, day_to, span, keys=keys)
        radius = self.config.place.radius_km
        km = radius[str(features.geo_precision or 2)] + radius["2"] + self.config.place.falloff_km
        cells, box = grid_cells(features.lat, features.lon, km, blocking.cell_degrees)  # type: ignore[arg-type]
        return Block(families, day_from, day_to, span, cells, *box, keys=keys)

    # -- decisions -------------------------------------------------------------------------------

    def decide(
        self, features: MentionFeatures, candidates: Iterable[Candidate], links: AnalystLinks | None = None
    ) -> Decision:
        """The event `features` joins (the best candidate scoring at least the threshold), or a new one.

        A mention is compared with an event's (most recent) mentions and scores as its best match, unless
        one of them rules it out: a precisely located mention whose place is too far, or a dated one whose
        date is too far, so that a vague mention never bridges two happenings that places or dates tell
        apart. When the best comparison rests on a vague place (no place, or only a province or country),
        the mention joins only if no other event comes close (`ambiguity_margin`).
        """
        links = links or _NO_LINKS
        bound = bool(links)  # asked once: most stores have no analyst's link, and each candidate asked twice
        scored: list[tuple[float, str, MentionFeatures | None, PairScore | None]] = []
        considered = 0
        for candidate in candidates:
            considered += 1
            if bound and any(links.apart(features.key, m.key) for m in candidate.members):
                continue
            if bound and any(links.together(features.key, m.key) for m in candidate.members):
                return Decision(mention=features.key, event_id=candidate.event_id, reason="analyst-merge")
            best, against, pair = self._best_member(features, candidate.members)
            scored.append((best, candidate.event_id, against, pair))
        scored.sort(key=lambda item: (-item[0], item[1]))
        others = [(event_id, round(s, 3)) for s, event_id, _, _ in scored[1:4] if s > -math.inf]
        if not scored:
            return Decision(mention=features.key, event_id=None, reason="new", candidates=considered)
        score, event_id, against, pair = scored[0]
        vague = against is not None and (features.vague or against.vague)
        threshold = self.threshold(features, against)
        explanation = self._explanation(features, against, event_id, pair, threshold) if against else None
        merged = score >= threshold and score > -math.inf
        reason = "matched" if merged else "new"
        contested = len(scored) > 1 and scored[1][0] > score - self.config.ambiguity_margin
        if merged and vague and contested:
            merged, reason = False, "ambiguous"
        return Decision(
            mention=features.key,
            event_id=event_id if merged else None,
            reason=reason,
            best=explanation,
            candidates=considered,
            others=others,
        )

    def _best_member(
        self, features: MentionFeatures, members: list[MentionFeatures]
    ) -> tuple[float, MentionFeatures | None, PairScore | None]:
        """The best score of `features` against an event's most recent mentions (-inf when one rules it out),
        the member it was reached with, and that comparison."""
        best, against, pair = -math.inf, None, None
        for member in members[-self.config.blocking.max_members_compared :]:
            scored = self._scorer.score(features, member)
            veto = scored[1]
            if veto is not None and _binding(veto, member):
                return -math.inf, member, scored
            if against is None or scored[0] > best:
                best, against, pair = scored[0], member, scored
        return best, against, pair

    def threshold(self, new: MentionFeatures, old: MentionFeatures | None) -> float:
        """The score two mentions need to be one event: higher when either place is vague (no place, or only
        a province or country), since the place then vouches for little, unless the vague one's sentence names
        the other's place."""
        if old is not None and (new.vague or old.vague) and not self._scorer.place_stated(new, old):
            return self.config.merge_threshold_unlocated
        return self.config.merge_threshold

    def explain(self, new: MentionFeatures, old: MentionFeatures, event_id: str) -> MatchExplanation:
        """The feature-by-feature comparison of two mentions, as stored with a decision."""
        return self._explanation(new, old, event_id, None)

    def _explanation(
        self,
        new: MentionFeatures,
        old: MentionFeatures,
        event_id: str,
        pair: PairScore | None,
        threshold: float | None = None,
    ) -> MatchExplanation:
        """`explain`, from the comparison `decide` already made when there is one (scoring is pure), and the
        threshold it applied (`threshold(new, old)`)."""
        total, veto, features = explained(pair if pair is not None else self._scorer.score(new, old))
        # One per mention stored, validated in one call from plain dicts: pydantic-core builds the explanation and
        # its eight or so features in one pass, where a model constructed per feature cost a Python `__init__`
        # each (and `model_construct` sets fields in Python, slower still).
        return MatchExplanation.model_validate(
            {
                "event_id": event_id,
                "against": old.key,
                "score": round(total, 3) if veto is None else -999.0,
                "threshold": self.threshold(new, old) if threshold is None else threshold,
                "vetoed": veto,
                "features": [
                    {
                        "name": name,
                        "value": value,
                        "weight": weight,
                        "contribution": round(weight * value, 3),
                        "detail": detail,
                    }
                    for name, value, detail, weight in features
                ],
            }
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
        index = MentionIndex()
        for features in mentions:
            block = self.block(features)
            candidates: dict[str, Candidate] = {}
            for other in index.lookup(block):
                assert other.event_id is not None
                candidates.setdefault(other.event_id, Candidate(other.event_id)).members.append(other)
            decision = self.decide(features, candidates.values(), links)
            features.event_id = decision.event_id or features.key
            index.add(features, self.cell(features), self.keys(features))
            yield decision


def _binding(veto: Veto, member: MentionFeatures) -> bool:
    """Whether a member's veto rules its whole event out: one about a precise place or a known date (not a
    type, nor a follow-up, which rest on the member's type: another member may be typed otherwise)."""
    name, detail = veto
    if name == "place":
        return not member.vague
    return name == "date" and member.dated and not (isinstance(detail, tuple) and detail[0] is FOLLOW_UP)
