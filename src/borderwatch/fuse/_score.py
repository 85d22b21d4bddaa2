"""Comparing two mentions: one value in [-1, 1] per feature, weighted and summed, or a veto.

Each feature says what it rests on (`detail`), so that a merge can be explained to an analyst; the texts are
written only for the comparisons that are explained (`explained`). The features are computed by rules of their
kind (`_score_date`, `_score_place`, `_score_actors`, `_score_content`); this module weighs them, and holds the
rules that read several features at once (an undated side's support, a village told alike, distant kinds).
"""

from __future__ import annotations

import math

from . import _score_detail
from ._config import FusionConfig
from ._score_actors import ActorRules, held_after_detail
from ._score_content import ContentRules
from ._score_date import DAYS_APART, FOLLOW_UP, UNDATED, DateRules, statement_day, statement_day_alone
from ._score_detail import Detail, ExplainedScore, Feature, PairScore, Step, Veto
from ._score_place import (
    PLACE_UNKNOWN,
    PlaceRules,
    haversine_km,
    names_elsewhere_alone,
    two_points,
    unknown_village_in_area,
    village_in_area,
)
from ._types import MentionFeatures

__all__ = ["FOLLOW_UP", "Detail", "ExplainedScore", "PairScore", "PairScorer", "Veto", "explained", "haversine_km"]

_UNDATED_ALONE = "one date unknown, and nothing but type and area in common (no shared town, toll, group or name)"
_DISTANT_ALONE = (
    "distantly related kinds sharing only their day and area (no figure, name, state force or wording in common), "
    "or naming different things struck or seized with no figure or name in common"
)
_KINDS_ALONE = (
    "two kinds sharing only their day and place (no figure, name, actor or wording in common), or naming "
    "different things struck or seized with no figure or name in common"
)
# Features of one weight whatever their value (actors: when they agree; `weight_of`).
_FIXED_WEIGHTS = ("type", "date", "actors", "quantities", "text", "names", "targets", "same_report")


class PairScorer:
    """Scores a new mention against a stored one with the weights and rules of a `FusionConfig`."""

    def __init__(self, config: FusionConfig) -> None:
        self.config = config
        self._weights = config.weights
        # The fixed weights, read once: a comparison is scored for every candidate member, and at 100k stored
        # mentions a new one is compared with eleven (`weight_of` says which weight a value takes).
        self._fixed = {name: self._weights.get(name, 0.0) for name in _FIXED_WEIGHTS}
        self.dates = DateRules(config)
        self.places = PlaceRules(config)
        self.actors = ActorRules(config)
        self.content = ContentRules(config)
        # The three features that may veto, in their order (each computed only when the one before did not veto).
        self._vetoing = (self._type, self.dates.compare, self.places.compare)

    def score(self, new: MentionFeatures, old: MentionFeatures) -> PairScore:
        features: list[Feature] = []
        fixed = self._fixed
        content = self.content
        for feature in self._vetoing:  # each may veto: the next is not computed
            name, value, detail = feature(new, old)
            if value is None:
                return -math.inf, (name, detail), features
            against = name == "place" or (name == "date" and value < 0)  # the two whose weight depends on value
            weight = self.weight_of(name, value, detail) if against else fixed[name]
            features.append((name, value, detail, weight))
        if new.family != old.family:
            held = self.actors.held_after(new, old)
            if held:  # the attackers arrested, the attacked force arresting: a follow-up, whatever else is shared
                return -math.inf, ("actors", (held_after_detail, held)), features
        name, value, detail = self.actors.compare(new, old)
        features.append((name, value, detail, self.weight_of(name, value, detail) if value < 0 else fixed[name]))
        for name, value, detail in (content.quantities(new, old), content.text(new, old), content.names(new, old)):
            features.append((name, value, detail, fixed[name]))
        targets = content.targets(new, old)
        if targets is not None:  # most pairs: one sentence or both name no target, and the feature says nothing
            features.append((*targets, fixed["targets"]))
        date, place = features[1], features[2]  # the vetoing three come first, in their order: type, date, place
        # The heads of the date's and the place's details, read once: the rules below ask each of them twice.
        date_head = date[2][0] if isinstance(date[2], tuple) else None
        place_head = place[2][0] if isinstance(place[2], tuple) else None
        if date[2] is UNDATED and not self._undated_supported(new, old, features):
            # One report gives no day: its window holds the other's day, and in a busy region another happening
            # of one type; without a shared town, toll, group or name, type and area alone do not make one event.
            features[1] = ("date", self.config.date.undated_unsupported, _UNDATED_ALONE, fixed["date"])
        elif date_head is statement_day and not self._undated_supported(new, old, features):
            # The later is dated on its own statement's day: the happening's own day is then unknown, as for an
            # undated side, and a region's second happening of one kind a day or two later is as likely.
            value = self.config.date.reported_late_unsupported
            features[1] = ("date", value, (statement_day_alone, date[2][1]), self._weights.get("date_against", 0.0))
        if place_head is unknown_village_in_area and not self._told_alike(features):
            # Without a toll or another name in common, a village named elsewhere is another happening of the area.
            value, detail = self.config.place.names_elsewhere, (names_elsewhere_alone, *place[2][1:])
            features[2] = ("place", value, detail, self.weight_of("place", value, detail))
        elif place_head is village_in_area and not self._told_alike(features):
            # A village and a nearby town's area without a toll or a name in common: two happenings at two points,
            # as for any two places each named alone (the province's second happening of one kind; one group
            # raids two places of its area on one day).
            return -math.inf, ("place", (two_points, *place[2][1:])), features[:2]
        elif new.family != old.family and not self._kinds_told_alike(features):
            # A clash and an abduction, a march and a riot, at one town on one day share nothing else: two
            # happenings of the town's day, unless a figure, a name, an actor or a wording tells the same story;
            # and two kinds that name different things struck or seized are two, unless a figure or name says one.
            alone = _DISTANT_ALONE if self._distant(new, old) else _KINDS_ALONE
            return -math.inf, ("type", alone), features[:2]
        if new.report_id == old.report_id:
            features.append(("same_report", -1.0, "both from the same report", fixed["same_report"]))
        total = 0.0  # summed in the features' order, as `sum` did: the very same float
        for _, value, _, weight in features:
            total += weight * value
        return total, None, features

    def _undated_supported(self, new: MentionFeatures, old: MentionFeatures, features: list[Feature]) -> bool:
        """Whether a pair with one side undated shares positive evidence beyond type and area: a named group,
        figures that agree, another proper name, or one town for happenings of one family (both places precise, or
        one's sentence naming the other's town, and of one name or closer); a province named by one and held by the
        other is area, and so is a toll merely close (one dead or two). A town's happenings of two kinds (an attack
        on its post, an air strike near it) are no more one for being told at one town."""
        values = _values(features)
        # A town named, its geocoding failed:
        precise = not (new.vague or old.vague) or self.places.place_stated(new, old)
        one_kind = new.family == old.family
        town = one_kind and precise and values.get("place", 0.0) >= self.config.place.same_name
        return town or values.get("actors", 0.0) >= self.config.actors.shared_specific or self._told_alike(features)

    def _told_alike(self, features: list[Feature]) -> bool:
        """Whether two mentions share what tells one happening from another of its area and day: figures that agree
        (a toll, a number arrested) or another proper name. A named group is not enough: one group acts in several
        places of its area on one day."""
        values = _values(features)
        return values.get("quantities", 0.0) >= self.config.quantities.equal or values.get("names", 0.0) > 0

    def _distant(self, new: MentionFeatures, old: MentionFeatures) -> bool:
        """Whether the two are of families only distantly related (`type.distant_families`): a clash and an
        abduction, an abduction and arrests (what a veto of two kinds says)."""
        if new.family == old.family:
            return False
        value = self.config.compatibility_of(new.family, old.family)
        return value is not None and value <= self.config.type.distant_families

    def _kinds_told_alike(self, features: list[Feature]) -> bool:
        """Whether two mentions of different families share what makes them one happening told as two kinds, beyond
        type, day and place: figures that agree or another proper name; or a state force or group, or wording
        (`type.distant_wording`), in common, unless the two name different things struck or seized (an assault on
        a camp and the air strike on the column withdrawing from it, a clash with smugglers' escort and the
        seizure of their fuel). A town's day often holds two happenings of two kinds (a peaceful march by day, a
        riot at night), which share nothing more than that day and town."""
        if self._told_alike(features):
            return True
        values = _values(features)
        if values.get("targets", 0.0) < 0:
            return False
        return (
            values.get("actors", 0.0) >= self.config.actors.shared_state
            or values.get("text", 0.0) >= self.config.type.distant_wording
        )

    def place_stated(self, new: MentionFeatures, old: MentionFeatures) -> bool:
        """`PlaceRules.place_stated`: one vague, its sentence naming the other's precise place."""
        return self.places.place_stated(new, old)

    def weight_of(self, name: str, value: float, detail: Detail = "") -> float:
        """A feature's weight; a place that disagrees weighs more than one that agrees (two towns 80 km
        apart are two happenings, whatever else they share), but a place merely unknown does not."""
        if name == "place" and value < 0 and detail is not PLACE_UNKNOWN:
            return self._weights.get("place_against", self._weights.get("place", 0.0))
        if name == "actors" and value < 0:  # two named groups: ACLED tells events apart by their actors
            return self._weights.get("actors_against", self._weights.get("actors", 0.0))
        if name == "date" and value < 0 and isinstance(detail, tuple) and detail[0] is DAYS_APART:
            # Two reports that each state the day of their happening, and differ by a day or two with no night
            # to straddle and no statement's day to explain it: reports of one happening mostly agree on its day,
            # and a town's second killing or clash a day later shares its type and place with the first.
            return self._weights.get("date_against", self._weights.get("date", 0.0))
        return self._weights.get(name, 0.0)

    # -- features -------------------------------------------------------------------------------

    def _type(self, new: MentionFeatures, old: MentionFeatures) -> Step:
        if new.event_type == old.event_type and new.sub_event_type == old.sub_event_type:
            return "type", self.config.type.same_sub_type, ("same sub-type ({})", new.sub_event_type)
        value = self.config.compatibility_of(new.family, old.family)
        if value is None:
            return "type", None, ("{} / {} are never the same happening", new.sub_event_type, old.sub_event_type)
        kind = "same family" if new.family == old.family else "related families"
        return "type", value, ("{}: {} / {}", kind, new.sub_event_type, old.sub_event_type)


def _values(features: list[Feature]) -> dict[str, float]:
    """Each feature's value by its name."""
    return {name: value for name, value, _, _ in features}


def explained(pair: PairScore) -> ExplainedScore:
    """`pair` with its veto and each feature's detail written out (what an explanation stores and shows)."""
    total, veto, features = pair
    write = _score_detail.written  # read at each call: a test counts the texts written
    text = None if veto is None else f"{veto[0]}: {write(veto[1])}"
    return total, text, [(name, value, write(detail), weight) for name, value, detail, weight in features]
