"""Comparing two mentions: one value in [-1, 1] per feature, weighted and summed, or a veto.

Each feature says what it rests on (`detail`), so that a merge can be explained to an analyst; the texts are
written only for the comparisons that are explained (`explained`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

import pycountry
from rapidfuzz import fuzz

from ._config import FusionConfig
from ._names import fold, generic_heads, place_keys, skeleton
from ._types import MentionFeatures

__all__ = ["FOLLOW_UP", "Detail", "ExplainedScore", "PairScore", "PairScorer", "Veto", "explained", "haversine_km"]

_EARTH_KM = 6371.0088
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[a-z0-9]{3,}")
_PLACE_UNKNOWN = "place unknown in one of them"  # the one place detail that is not a disagreement
_UNDATED = "one date unknown; the other within its report's window"  # the date feature's detail it rests on
_UNDATED_ALONE = "one date unknown, and nothing but type and area in common (no shared town, toll, group or name)"
_DISTANT_ALONE = (
    "distantly related kinds sharing only their day and area (no figure, name, state force or wording in common)"
)
_DAYS_APART = "{} day{} apart"  # two dates known to the day that differ, neither a night's nor a statement's
# The date veto of a follow-up (arrests days after an attack): it rests on the member's type, so it does not rule
# out the member's whole event (`Fuser._best_member`), unlike the other date vetoes.
FOLLOW_UP = "{} days apart and of different kinds (a follow-up event)"
_KEY_EXTRA = 1  # what one key may have more than another inside it: a prefix's sound ("n" of "In-Tahaka")
_KEY_MIN_FUZZY = 4  # keys shorter than this are alike only when one ends the other
_KEY_RATIO = 80  # two spellings' keys ("ndrmbkn" / "ndrnbkn" 86; "kmr" / "tgb" 0)
# Features of one weight whatever their value (actors: when they agree; `weight_of`).
_FIXED_WEIGHTS = ("type", "date", "actors", "quantities", "text", "names", "targets", "same_report")
_NONE: frozenset[str] = frozenset()  # one empty set for every sentence that names no target
_TARGETS_HELD = 200_000  # sentences whose target words are kept (`PairScorer._targets_named`)
_WORD_RATIO = 75  # one word spelled two ways ("liberation" / "liberacion" 90; "mali" / "mauritania" 43)

# What a feature rests on, said for an analyst: a text, or a format (or a function) and its values. Most
# comparisons are never explained (only the best one of each decision is kept), so texts that format numbers and
# names are written only when asked (`explained`): a tuple costs a quarter of formatting the text.
Detail = str | tuple[Any, ...]
# (name, value, detail, weight) for each feature; the weighted total, why the pair was vetoed (None: not
# vetoed): the vetoing feature's name and what it rests on, written "name: detail" only when explained (about
# half the comparisons are vetoed, and only the best one of a decision is shown), and the features compared
# before a veto or all of them.
Feature = tuple[str, float, Detail, float]
Veto = tuple[str, Detail]
PairScore = tuple[float, Veto | None, list[Feature]]
# A comparison written out (`explained`): the veto and each feature's detail as texts.
ExplainedScore = tuple[float, str | None, list[tuple[str, float, str, float]]]
_Step = tuple[str, float | None, Detail]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


class PairScorer:
    """Scores a new mention against a stored one with the weights and rules of a `FusionConfig`."""

    def __init__(self, config: FusionConfig) -> None:
        self.config = config
        self._weights = config.weights
        self._radius = {int(k): v for k, v in config.place.radius_km.items()}
        # The fixed weights, read once: a comparison is scored for every candidate member, and at 100k stored
        # mentions a new one is compared with eleven (`weight_of` says which weight a value takes).
        self._fixed = {name: self._weights.get(name, 0.0) for name in _FIXED_WEIGHTS}
        self._target_of = {
            word: (heading, kind)
            for heading, kinds in config.targets.kinds.items()
            for kind, words in kinds.items()
            for word in words
        }
        self._target_words = frozenset(self._target_of)
        self._region_words = config.place.region_words
        self._kinds_of: dict[frozenset[str], frozenset[tuple[str, str]]] = {}  # bounded: subsets of the vocabulary
        self._targets_of: dict[frozenset[str], frozenset[str]] = {}  # bounded: `_TARGETS_HELD`

    def score(self, new: MentionFeatures, old: MentionFeatures) -> PairScore:
        features: list[Feature] = []
        fixed = self._fixed
        for feature in (self._type, self._date, self._place):  # each may veto: the next is not computed
            name, value, detail = feature(new, old)
            if value is None:
                return -math.inf, (name, detail), features
            against = name == "place" or (name == "date" and value < 0)  # the two whose weight depends on value
            weight = self.weight_of(name, value, detail) if against else fixed[name]
            features.append((name, value, detail, weight))
        name, value, detail = self._actors(new, old)
        features.append((name, value, detail, self.weight_of(name, value, detail) if value < 0 else fixed[name]))
        for name, value, detail in (self._quantities(new, old), self._text(new, old), self._names(new, old)):
            features.append((name, value, detail, fixed[name]))
        targets = self._targets(new, old)
        if targets is not None:  # most pairs: one sentence or both name no target, and the feature says nothing
            features.append((*targets, fixed["targets"]))
        date, place = features[1], features[2]  # the vetoing three come first, in their order: type, date, place
        # The heads of the date's and the place's details, read once: the rules below ask each of them twice.
        date_head = date[2][0] if isinstance(date[2], tuple) else None
        place_head = place[2][0] if isinstance(place[2], tuple) else None
        if date[2] is _UNDATED and not self._undated_supported(new, old, features):
            # One report gives no day: its window holds the other's day, and in a busy region another happening
            # of one type; without a shared town, toll, group or name, type and area alone do not make one event.
            features[1] = ("date", self.config.date.undated_unsupported, _UNDATED_ALONE, fixed["date"])
        elif date_head is _statement_day and not self._undated_supported(new, old, features):
            # The later is dated on its own statement's day: the happening's own day is then unknown, as for an
            # undated side, and a region's second happening of one kind a day or two later is as likely.
            value = self.config.date.reported_late_unsupported
            features[1] = ("date", value, (_statement_day_alone, date[2][1]), self._weights.get("date_against", 0.0))
        if place_head is _unknown_village_in_area and not self._told_alike(features):
            # Without a toll or another name in common, a village named elsewhere is another happening of the area.
            value, detail = self.config.place.names_elsewhere, (_names_elsewhere_alone, *place[2][1:])
            features[2] = ("place", value, detail, self.weight_of("place", value, detail))
        elif place_head is _village_in_area and not self._told_alike(features):
            # A village and a nearby town's area without a toll or a name in common: two happenings at two points,
            # as for any two places each named alone (the province's second happening of one kind; one group
            # raids two places of its area on one day).
            return -math.inf, ("place", (_two_points, *place[2][1:])), features[:2]
        elif self._distant(new, old) and not self._told_alike(features) and not self._shared_force_or_wording(features):
            # A clash and an abduction, or arrests, at one town on one day share nothing else: two happenings of
            # the town's day, unless a figure, a name, a state force or a wording tells the same story.
            return -math.inf, ("type", _DISTANT_ALONE), features[:2]
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
        precise = not (new.vague or old.vague) or self.place_stated(new, old)  # a town named, its geocoding failed
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
        abduction, an abduction and arrests."""
        if new.family == old.family:
            return False
        value = self.config.compatibility_of(new.family, old.family)
        return value is not None and value <= self.config.type.distant_families

    def _shared_force_or_wording(self, features: list[Feature]) -> bool:
        """Whether the two name one state force or group, or share wording beyond names (`type.distant_wording`):
        one village stormed, told by one report as the attack fought off, by another as the men taken."""
        values = _values(features)
        return (
            values.get("actors", 0.0) >= self.config.actors.shared_state
            or values.get("text", 0.0) >= self.config.type.distant_wording
        )

    def place_stated(self, new: MentionFeatures, old: MentionFeatures) -> bool:
        """Whether one is vague (no place, or only a province or country) and its own sentence names the other's
        precise place: the place is stated, only its geocoding failed ("Ben Guerdane: one dead in ...")."""
        vague, other = (new, old) if new.vague else (old, new)
        return (
            vague.vague
            and not other.vague
            and not vague.names.isdisjoint(other.place_keys)
            and not self._region_namesake(vague, other)
        )

    def _region_namesake(self, vague: MentionFeatures, other: MentionFeatures) -> bool:
        """Whether `vague` is known only to its province, its sentence speaks of a province ("in the Ménaka
        region"), and `other`'s town bears the province's name: the name the two share is the province's, which
        holds many happenings besides the town's, not a statement of the town."""
        return (
            vague.geo_precision == 3
            and not vague.words.isdisjoint(self._region_words)
            and not vague.place_keys.isdisjoint(other.place_keys)
        )

    def weight_of(self, name: str, value: float, detail: Detail = "") -> float:
        """A feature's weight; a place that disagrees weighs more than one that agrees (two towns 80 km
        apart are two happenings, whatever else they share), but a place merely unknown does not."""
        if name == "place" and value < 0 and detail is not _PLACE_UNKNOWN:
            return self._weights.get("place_against", self._weights.get("place", 0.0))
        if name == "actors" and value < 0:  # two named groups: ACLED tells events apart by their actors
            return self._weights.get("actors_against", self._weights.get("actors", 0.0))
        if name == "date" and value < 0 and isinstance(detail, tuple) and detail[0] is _DAYS_APART:
            # Two reports that each state the day of their happening, and differ by a day or two with no night
            # to straddle and no statement's day to explain it: reports of one happening mostly agree on its day,
            # and a town's second killing or clash a day later shares its type and place with the first.
            return self._weights.get("date_against", self._weights.get("date", 0.0))
        return self._weights.get(name, 0.0)

    # -- features -------------------------------------------------------------------------------

    def _type(self, new: MentionFeatures, old: MentionFeatures) -> _Step:
        if new.event_type == old.event_type and new.sub_event_type == old.sub_event_type:
            return "type", self.config.type.same_sub_type, ("same sub-type ({})", new.sub_event_type)
        value = self.config.compatibility_of(new.family, old.family)
        if value is None:
            return "type", None, ("{} / {} are never the same happening", new.sub_event_type, old.sub_event_type)
        kind = "same family" if new.family == old.family else "related families"
        return "type", value, ("{}: {} / {}", kind, new.sub_event_type, old.sub_event_type)

    def _date(self, new: MentionFeatures, old: MentionFeatures) -> _Step:
        rules = self.config.date
        gap = max(0, max(new.day_lo, old.day_lo) - min(new.day_hi, old.day_hi))
        if not (new.dated and old.dated):
            if gap == 0:
                return "date", rules.undated_in_window, _UNDATED
            return "date", rules.further, ("one date unknown; the other {} days outside its report's window", gap)
        if gap > rules.veto_gap_days:
            return "date", None, ("{} days apart", gap)
        if new.precise_date and old.precise_date:
            if gap >= rules.follow_up_gap_days and new.family != old.family:
                # Arrests after an attack, a protest after a killing: ACLED codes the follow-up apart.
                return "date", None, (FOLLOW_UP, gap)
            late = 0 < gap <= rules.report_lag_days and _dated_by_report(new, old, rules.aftermath_words)
            if gap >= rules.precise_veto_gap_days and not late:
                return "date", None, ("{} days apart, both known to the day", gap)
            value = (rules.same_day, rules.one_day, rules.two_days)[gap] if gap <= 2 else rules.further
            detail: Detail = "same day" if gap == 0 else (_DAYS_APART, gap, "s" if gap > 1 else "")
            night = not (new.words.isdisjoint(rules.night_words) and old.words.isdisjoint(rules.night_words))
            if gap == 1 and night and new.sub_event_type == old.sub_event_type:
                # One night's happening told on its two days is coded alike; two kinds of one family a day apart
                # (an evening air strike, the next day's shelling at the town) are two happenings.
                value, detail = rules.one_day_night, "1 day apart, told of a night (it may straddle midnight)"
        elif gap == 0:
            value, detail = rules.overlap_imprecise, "date ranges overlap (one date imprecise)"
        else:
            value, detail = rules.two_days if gap <= 2 else rules.further, ("date ranges {} days apart", gap)
        late = 0 < gap <= rules.report_lag_days and _dated_by_report(new, old, rules.aftermath_words)
        if value < rules.reported_late and late:
            return "date", rules.reported_late, (_statement_day, detail)
        return "date", value, detail

    def _place(self, new: MentionFeatures, old: MentionFeatures) -> _Step:
        rules = self.config.place
        if new.vague or old.vague:
            return self._vague_place(new, old)
        if new.geonameid is not None and new.geonameid == old.geonameid:
            if new.geo_precision == old.geo_precision == 2 and new.lead and old.lead:
                # Both near one town, each at a village of its own it names ("a hamlet north of Ménaka" / "à
                # Inkadogotan, au sud de Ménaka"): the town is where the geocoder could place them, not one point.
                mine, theirs = _names_elsewhere(new, old, True), _names_elsewhere(old, new, True)
                if mine and theirs:
                    return (
                        "place",
                        rules.names_apart,
                        ("both near {}, at other places ({} / {})", new.place_name, mine, theirs),
                    )
            return "place", rules.same_geonameid, ("same place (GeoNames {})", new.geonameid)
        km = haversine_km(new.lat, new.lon, old.lat, old.lon)  # type: ignore[arg-type]
        alike = (new.place_name is not None and new.place_name == old.place_name) or bool(
            new.place_keys & old.place_keys
        )
        reach = self._reach(new) + self._reach(old)
        if km <= reach:
            value = round(1.0 - 0.5 * km / reach, 3)
            if alike and value < rules.same_name:
                return (
                    "place",
                    rules.same_name,
                    ("names alike ({} / {}), {:.0f} km apart", new.place_name, old.place_name, km),
                )
            if not alike and not _cross_named(new, old, self._region_words):
                detail = ("{:.0f} km apart, two places each named alone ({} / {})", km, new.place_name, old.place_name)
                if km > min(self._reach(new), self._reach(old)) and (
                    self._village_in_area(new, old, km) or self._toward(new, old, km)
                ):
                    return "place", rules.village_in_area, (_village_in_area, *detail[1:])
                if km > max(self._reach(new), self._reach(old)) and self._two_points(new, old):
                    return "place", None, (_two_points, *detail[1:])
                if km > min(self._reach(new), self._reach(old)):
                    return "place", min(value, rules.names_apart), detail
                if new.place_name and old.place_name:
                    # Near, but each report names its own place and neither the other's: reports of one
                    # happening mostly name the same place, so nearness alone vouches for less.
                    return "place", min(value, rules.names_differ), detail
            return "place", value, ("{:.0f} km apart (precision {}/{})", km, _show(new), _show(old))
        if alike and _abroad(new, old) and not (_at_home(new) and _at_home(old)):
            # One spelling resolved to a namesake in another country; not when each report's own state forces
            # are of its place's country (the army of one at a village of one, the guard of the other at a
            # village of the other): two places that happen to be named alike.
            return (
                "place",
                rules.same_name,
                ("names alike ({} / {}), {:.0f} km apart", new.place_name, old.place_name, km),
            )
        if _admin_named(new, old):
            return "place", rules.admin_named, ("{:.0f} km apart; one is named after the other's province", km)
        named = _named_in_sentence(new, old) or _named_in_sentence(old, new)
        if km <= reach + rules.falloff_km:
            value = round(0.5 - 1.5 * (km - reach) / rules.falloff_km, 3)
            if named and value < rules.named_near:
                return "place", rules.named_near, ("{:.0f} km apart, but one sentence names the other's place", km)
            if not named and not _cross_named(new, old, self._region_words):
                detail = ("{:.0f} km apart, two places each named alone ({} / {})", km, new.place_name, old.place_name)
                if self._village_in_area(new, old, km) or self._toward(new, old, km):
                    return "place", rules.village_in_area, (_village_in_area, *detail[1:])
                if self._two_points(new, old):
                    return "place", None, (_two_points, *detail[1:])
                if value > rules.names_apart:
                    return "place", rules.names_apart, detail
            return "place", value, ("{:.0f} km apart (precision {}/{})", km, _show(new), _show(old))
        if named:  # the geocoder picked another place the sentence names (where people fled, a patrol's end)
            value = rules.named_far if km >= rules.misplaced_km else rules.named_near
            return "place", value, ("{:.0f} km apart, but one sentence names the other's place", km)
        return (
            "place",
            None,
            ("{:.0f} km apart, beyond the {:.0f} km their precisions allow", km, reach + rules.falloff_km),
        )

    def _vague_place(self, new: MentionFeatures, old: MentionFeatures) -> _Step:
        """One (or both) known only to a province or country, or not at all: the areas, and whether the vague
        one's sentence names the other's place."""
        rules = self.config.place
        for vague, other in ((new, old), (old, new)):
            if vague.vague and not other.vague and _named(vague, other) and not self._region_namesake(vague, other):
                # Named in the vague one's own sentence: the place is stated, only the geocoder missed it.
                value = rules.named_in_sentence if self.place_stated(vague, other) else rules.named
                return "place", value, ("one names the other's place ({})", other.place_name)
        for vague, other in ((new, old), (old, new)):
            # The precise one's report names the vague one's place (its province, or a town the geocoder knew
            # only coarsely): the precise geocoding may be the one that went astray ("held in Djanet ... bought
            # in Ghat", placed at Ghat).
            if vague.vague and not other.vague and _named(other, vague) and not self._region_namesake(vague, other):
                return "place", rules.named, ("one names the other's place ({})", vague.place_name)
        both = _both_name(new, old)
        if both:  # a place neither geocoder resolved precisely ("the Intahaka mine north of Gao" / "In-Tahaka")
            return "place", rules.named, ("both name a place the geocoders did not resolve ({})", both)
        for vague, other in ((new, old), (old, new)):
            elsewhere = _names_elsewhere(vague, other) if vague.vague else ""
            # Both vague: the other names a place too, elsewhere or as its own district ("the Sebba department").
            if elsewhere and (not other.vague or _names_elsewhere(other, vague) or _district(other)):
                if _town_area_of(other, vague):
                    # A village the geocoder does not know, placed in its province, and a nearby town's area
                    # ("near Dori") of that province: reports name the town of a village they do not know.
                    return "place", rules.village_in_area, (_unknown_village_in_area, elsewhere, other.place_name)
                return "place", rules.names_elsewhere, ("one names other places ({}), not the other's", elsewhere)
        placed = new.country_of_place and old.country_of_place
        if placed and new.country and old.country and new.country != old.country:
            return "place", rules.other_country, ("countries differ ({} / {})", new.country, old.country)
        if new.located and old.located:
            if new.admin1 and old.admin1 and fold(new.admin1) == fold(old.admin1):
                return "place", rules.same_admin1_imprecise, "same province, one known only to its province"
            if _admin_named(new, old):
                return "place", rules.admin_named, "one is named after the other's province"
            km = haversine_km(new.lat, new.lon, old.lat, old.lon)  # type: ignore[arg-type]
            if new.admin1 and old.admin1 and km > self._reach(new) + self._reach(old) + rules.falloff_km:
                # Two provinces, and farther apart than a province's extent allows: a report placed in one
                # province does not tell of a happening in a town of another.
                detail = ("in two provinces ({} / {}), {:.0f} km apart", new.admin1, old.admin1, km)
                return "place", rules.other_province, detail
            return "place", 0.0, "one known only to its province or country"
        if new.country and new.country == old.country:
            return "place", rules.same_country_unlocated, ("same country ({}), place unknown in one", new.country)
        return "place", rules.unknown, _PLACE_UNKNOWN

    def _actors(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        rules = self.config.actors
        mine, theirs = (new.named, new.state), (old.named, old.state)
        shared = self._shared(mine[0], theirs[0])
        if shared:
            return "actors", rules.shared_specific, ("same group: {}", shared)
        shared = self._shared(mine[1], theirs[1], fuzzy=False)  # "of Niger" / "of Nigeria": exact only
        related = _related_state(mine[1], theirs[1])
        if mine[0] and theirs[0]:
            # Different named groups: two actor pairs, two events in ACLED's coding, even when one army fought
            # both (a state force in common is what two clashes of one front share, so it does not soften this).
            return "actors", rules.conflicting_specific, (_different_groups, mine[0], theirs[0], shared)
        if shared:
            return "actors", rules.shared_state, ("same state force: {}", shared)
        if related:
            return "actors", rules.related_state, ("forces of one state: {}", related)
        return "actors", 0.0, "no named actor to compare"

    def _names(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        rules = self.config.names
        shared = (new.names & old.names) - new.place_keys - old.place_keys  # the places: the place feature's
        if shared:  # and the actors' names, the actor feature's: one name in common counts once
            shared -= _actor_keys((*new.named, *new.state, *old.named, *old.state))
        if not shared:
            return "names", 0.0, "no other proper name in common"
        value = min(rules.most, rules.per_shared * len(shared))
        return "names", round(value, 3), (_names_in_common, shared)

    def _quantities(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        if not (new.quantities and old.quantities):  # most pairs: one report gives no figure
            return "quantities", 0.0, "no figure to compare"
        rules = self.config.quantities
        values: list[float] = []
        notes: list[tuple[str, int, int]] = []
        for kind in sorted(new.quantities.keys() & old.quantities.keys()):
            (a, qa), (b, qb) = new.quantities[kind], old.quantities[kind]
            if kind == "fatalities" and (a == 0 or b == 0):
                continue  # a report silent on deaths is coded 0: not a disagreement
            if a == b:
                values.append(rules.equal)
            elif _close(a, qa, b, qb, rules.close_ratio):
                values.append(rules.close)
            else:
                values.append(rules.fatalities_far if kind == "fatalities" else rules.far)
            notes.append((kind, a, b))
        if not values:
            return "quantities", 0.0, "no figure to compare"
        return "quantities", round(sum(values) / len(values), 3), (_figures, notes)

    def _text(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        rules = self.config.text
        if min(len(new.words), len(old.words)) < rules.min_words:
            return "text", 0.0, "sentence too short to compare"
        shared = new.words & old.words
        # A word of a name both sentences give (a place, a group, a person) is scored by the place, actor or names
        # feature: counted again here, one shared name lifted two features ("Inates" in both: place and text).
        named = 0
        for word in shared:  # a few words: looked up in the four small sets rather than building their union
            key = skeleton(word)
            named += key in new.names or key in old.names or key in new.place_keys or key in old.place_keys
        common = len(shared) - named
        dice = 2 * common / (len(new.words) + len(old.words) - 2 * named)
        value = max(0.0, (dice - rules.floor) / (1 - rules.floor))
        return "text", round(value, 3), ("{} words in common (Dice {:.2f})", common, dice)

    def _targets(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail] | None:
        """What each sentence says was struck or seized (a post, a convoy; fuel, sheep): None unless both name some
        under one heading and no heading has a kind in both."""
        mine_words = self._targets_named(new.words)  # most sentences name none: that ends most comparisons
        if not mine_words:
            return None
        theirs_words = self._targets_named(old.words)
        if not theirs_words:
            return None
        mine, theirs = self._kinds(mine_words), self._kinds(theirs_words)
        if not mine.isdisjoint(theirs):
            return None
        headings = {heading for heading, _ in mine} & {heading for heading, _ in theirs}
        if not headings:
            return None  # one tells what was struck, the other what was seized: nothing to compare
        mine = frozenset(kind for heading, kind in mine if heading in headings)
        theirs = frozenset(kind for heading, kind in theirs if heading in headings)
        return "targets", self.config.targets.disjoint, (_targets_differ, mine, theirs)

    def _targets_named(self, words: frozenset[str]) -> frozenset[str]:
        """The target words among a sentence's `words`, found once per sentence rather than once per comparison (a
        mention is compared with eleven others at 100k stored). Keyed by the sentence's own word set, whose hash
        Python keeps: a lookup costs less than the intersection; emptied when full, as `_ALIKE_KEYS` is."""
        found = self._targets_of.get(words)
        if found is None:
            if len(self._targets_of) >= _TARGETS_HELD:
                self._targets_of.clear()
            found = words & self._target_words
            self._targets_of[words] = found = found or _NONE
        return found

    def _kinds(self, words: frozenset[str]) -> frozenset[tuple[str, str]]:
        """The (heading, kind) of each of `words`, all of them target words (few sets recur: kept once made)."""
        found = self._kinds_of.get(words)
        if found is None:
            target_of = self._target_of
            found = self._kinds_of[words] = frozenset(target_of[word] for word in words)
        return found

    # -- helpers --------------------------------------------------------------------------------

    def _village_in_area(self, new: MentionFeatures, old: MentionFeatures, km: float) -> bool:
        """Whether one place is a village (precision 1) and the other a town's area (precision 2, "near Dori") of
        one province, within `place.area_km`: reports name the nearby town of a village they do not know, so the
        two may be one happening at the village."""
        precisions = {new.geo_precision, old.geo_precision}
        return (
            precisions == {1, 2}
            and km <= self.config.place.area_km
            and new.admin1 is not None
            and old.admin1 is not None
            and fold(new.admin1) == fold(old.admin1)
        )

    def _toward(self, new: MentionFeatures, old: MentionFeatures, km: float) -> bool:
        """Whether one is a town's area (precision 2) whose sentence gives a direction off the town ("north of
        Bourem") and the other's place, of one province, lies that way within `place.direction_km`: the town is
        where the report could place a village it does not name."""
        rules = self.config.place
        if km > rules.direction_km or new.admin1 is None or old.admin1 is None or fold(new.admin1) != fold(old.admin1):
            return False
        if not self._two_points(new, old):  # a patrol's or deployment's places are not one point to look for
            return False
        for town, other in ((new, old), (old, new)):
            north = east = 0.0
            own = frozenset(_LETTERS.findall(town.place_name or ""))  # "Tazrouk-Nord": a name, not a direction
            for word in (town.words & rules.direction_words.keys()) - own:
                step = rules.direction_words[word]
                north, east = north + step[0], east + step[1]
            if town.geo_precision != 2 or (north == 0.0 and east == 0.0):
                continue
            to_north = other.lat - town.lat  # type: ignore[operator]
            to_east = (other.lon - town.lon) * math.cos(math.radians(town.lat))  # type: ignore[operator, arg-type]
            turn = abs(math.degrees(math.atan2(to_east, to_north) - math.atan2(east, north))) % 360
            if min(turn, 360 - turn) <= rules.direction_degrees:
                return True
        return False

    def _two_points(self, new: MentionFeatures, old: MentionFeatures) -> bool:
        """Whether two named places (already known to be apart and neither named by the other report) are two
        happenings: both are of kinds that happen at one point (a clash, an arrest, a seizure), not spread over an
        area or told from several places (a patrol along a border, a deployment: `place.spread_families`). A
        position without a name (a post's) may be anywhere the other report's place stands for."""
        spread = self.config.place.spread_families
        named = bool(new.place_name and old.place_name)
        return named and new.family not in spread and old.family not in spread

    def _reach(self, features: MentionFeatures) -> float:
        return self._radius.get(features.geo_precision or 2, self._radius[2])

    def _shared(self, mine: tuple[str, ...], theirs: tuple[str, ...], fuzzy: bool = True) -> str:
        for a in mine:
            for b in theirs:
                if a == b or (fuzzy and (_part_of(a, b) or self._spelling_variants(a, b))):
                    return a
        return ""

    def _spelling_variants(self, a: str, b: str) -> bool:
        """Two spellings of one name not in the actor registry (accents, a doubled letter, a typo): the whole
        names close, every word of one close to a word of the other, the same numbers. Transliterations
        ("Uqba" / "Okba") are the registry's job, not this one's."""
        if _DIGITS.findall(a) != _DIGITS.findall(b) or fuzz.token_sort_ratio(a, b) < self.config.actors.fuzzy_min_ratio:
            return False
        words_b = b.split()
        return all(max(fuzz.ratio(w, v) for v in words_b) >= _WORD_RATIO for w in a.split())


def _values(features: list[Feature]) -> dict[str, float]:
    """Each feature's value by its name."""
    return {name: value for name, value, _, _ in features}


def explained(pair: PairScore) -> ExplainedScore:
    """`pair` with its veto and each feature's detail written out (what an explanation stores and shows)."""
    total, veto, features = pair
    written = None if veto is None else f"{veto[0]}: {_written(veto[1])}"
    return total, written, [(name, value, _written(detail), weight) for name, value, detail, weight in features]


def _written(detail: Detail) -> str:
    if isinstance(detail, str):
        return detail
    head, *values = detail
    return head.format(*values) if isinstance(head, str) else head(*values)


_LETTERS = re.compile(r"[a-z]+")


def _two_points(km: float, one: str | None, other: str | None) -> str:
    return f"{km:.0f} km apart, two places each named alone ({one} / {other}): two happenings at two points"


def _village_in_area(km: float, one: str | None, other: str | None) -> str:
    return f"{km:.0f} km apart, a village and a nearby town's area in one province ({one} / {other})"


def _unknown_village_in_area(elsewhere: str, town: str | None) -> str:
    return f"a village known only to its province ({elsewhere}) and a nearby town's area of it ({town})"


def _names_elsewhere_alone(elsewhere: str, town: str | None) -> str:
    return f"one names other places ({elsewhere}), not the other's ({town}), and no toll or other name in common"


def _statement_day(detail: Detail) -> str:
    return f"{_written(detail)}; the later is its report's own day (a statement or claim)"


def _statement_day_alone(detail: Detail) -> str:
    return (
        f"{_written(detail)}; the later is its report's own day (a statement or claim), and nothing but type and "
        "area in common (no shared town, toll, group or name)"
    )


def _targets_differ(mine: frozenset[str], theirs: frozenset[str]) -> str:
    return f"different targets: {', '.join(sorted(mine))} / {', '.join(sorted(theirs))}"


def _names_in_common(shared: frozenset[str]) -> str:
    return f"names in common: {', '.join(sorted(shared))}"


def _figures(notes: list[tuple[str, int, int]]) -> str:
    return ", ".join(f"{kind} {a}/{b}" for kind, a, b in notes)


def _different_groups(mine: tuple[str, ...], theirs: tuple[str, ...], state: str) -> str:
    also = f"; same state force: {state}" if state else ""
    return f"different groups: {', '.join(mine)} / {', '.join(theirs)}{also}"


@lru_cache(maxsize=4096)
def _actor_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The name keys of actors' names ("jnim", "katibat uqba ibn nafi": each word's and the whole name's)."""
    return frozenset().union(*(place_keys(name) for name in names))


def _dated_by_report(new: MentionFeatures, old: MentionFeatures, aftermath: frozenset[str]) -> bool:
    """Whether the later-dated of the two tells of an aftermath (a claim, a funeral, a toll: `aftermath`) and
    is dated on (or the day before) its own report's publication: the day of that statement may have been
    taken for the event's ("funerals were held on Friday for the soldiers killed last Monday"). Most reports
    are dated so, being fresh; without the aftermath, two dates days apart are two happenings."""
    later, earlier = (new, old) if new.day_lo >= old.day_lo else (old, new)
    return (
        later.anchor > 0
        and later.day_hi >= later.anchor - 1
        and not later.words.isdisjoint(aftermath)
        and not _cites_as_elsewhere(later, earlier)
    )


def _cites_as_elsewhere(later: MentionFeatures, earlier: MentionFeatures) -> bool:
    """Whether `later` is placed at a town of its own and names `earlier`'s place only after it, as a reference
    ("claimed an attack on the post at Ténenkou, two days after its raid on Diafarabé"): it tells of another
    happening, whatever its claim's day. `earlier`'s place is its resolved name, or, known only to its province,
    the names its sentence gives before it."""
    if later.vague:
        return False
    stated = earlier.lead if earlier.vague else earlier.place_keys
    return (
        bool(stated)
        and not later.names.isdisjoint(stated)
        and later.place_keys.isdisjoint(stated)
        and later.lead.isdisjoint(stated)
    )


def _named(vague: MentionFeatures, other: MentionFeatures) -> bool:
    """Whether `vague`'s sentence (or the lines around it) names `other`'s place."""
    return bool((vague.names | vague.context) & other.place_keys)


def _at_home(features: MentionFeatures) -> bool:
    """Whether one of the mention's state forces is of its place's country ("military forces of algeria" at a
    place in DZ): the report itself places its happening in that country."""
    return features.country_of_place and any(_state_country(name) == features.country for name in features.state)


@lru_cache(maxsize=256)
def _state_country(name: str) -> str | None:
    """The ISO code of the country a state force is of ("national guard of tunisia": TN), None when unknown."""
    country = name.rpartition(" of ")[2]
    try:
        return str(pycountry.countries.lookup(country).alpha_2) if country else None
    except LookupError:
        return None


def _abroad(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Whether two places lie in different countries: two places of one name far apart in one country are
    namesakes (two villages), but one of them abroad is most often a geocoder's pick for a name it did not know."""
    return a.country is not None and b.country is not None and a.country != b.country


def _names_elsewhere(vague: MentionFeatures, other: MentionFeatures, near_one_town: bool = False) -> str:
    """The name keys of `vague`'s sentence that are neither its own place, province nor actors, nor `other`'s
    province, nor named around `other`'s sentence: places where its happening was, when its geocoder could only
    place it in a province or country ("near Koumari" resolved to the province). Empty when the sentence names
    the other's place, unless both are known only to that area (two reports placed in "Seno province", each naming
    its own village of it; `near_one_town`: both placed at one town, "a hamlet north of Ménaka")."""
    stated = vague.names & other.place_keys
    if stated and not near_one_town and (not other.vague or stated - vague.place_keys):
        return ""
    known = vague.place_keys | other.place_keys | other.names | other.context | {vague.admin_key, other.admin_key}
    unknown = vague.lead - known
    if not unknown:  # most often: nothing left to compare (nor actors' names to add)
        return ""
    for actor in (*vague.named, *vague.state):
        known |= place_keys(actor)
    elsewhere = [key for key in unknown - known if not any(_keys_alike(key, other) for other in known if other)]
    return ", ".join(sorted(elsewhere))


def _town_area_of(town: MentionFeatures, vague: MentionFeatures) -> bool:
    """Whether `town` is placed at a town's area (precision 2, "near Dori") of the province `vague` is known to."""
    return (
        town.geo_precision == 2
        and vague.geo_precision == 3
        and town.admin1 is not None
        and vague.admin1 is not None
        and fold(town.admin1) == fold(vague.admin1)
    )


def _district(features: MentionFeatures) -> bool:
    """Whether a mention known only to an area is placed at a named district of its province, not at the province
    itself (a town the sentence names as its department or cercle, "in the Sebba department"): its report states
    where its happening was, as a report naming a village does."""
    province = features.admin_key
    return bool(features.place_keys) and province is not None and province not in features.place_keys


def _both_name(a: MentionFeatures, b: MentionFeatures) -> str:
    """The name keys that one sentence names before its own (vague or other) place and the other report names
    too, leaving out the names of either's actors. A report placed at a town names other places after its own as
    references ("at Ténenkou, two days after the raid on Diafarabé"), not as where its happening was."""
    actors: set[str] = set()
    for name in (*a.named, *a.state, *b.named, *b.state):
        actors |= place_keys(name)
    said_a = (a.names | a.context) if a.vague else (a.lead | a.context)
    said_b = (b.names | b.context) if b.vague else (b.lead | b.context)
    shared = (a.lead & said_b) | (b.lead & said_a)
    return ", ".join(sorted(shared - actors - a.place_keys - b.place_keys))


def _cross_named(a: MentionFeatures, b: MentionFeatures, region_words: frozenset[str]) -> bool:
    """Whether either report names, around its sentence, the other's place (or a spelling of it). The words of
    its actors' names name no place ("Militia" is not a spelling of "Amlel", whose key is inside it), and a
    sentence that speaks of a province names its own province, not the town of that name ("on Mount Semmama, in
    the Kasserine governorate" does not name the town of Kasserine)."""
    for one, other in ((a, b), (b, a)):
        said = (one.names | one.context) - _actor_keys((*one.named, *one.state))
        if one.admin_key in said and not one.words.isdisjoint(region_words):
            said = said - {one.admin_key}
        if any(_keys_alike(key, name) for key in other.place_keys for name in said):
            return True
    return False


# Name keys compared before, and whether alike: the place rules compare every name of one report with every
# name of the other, for each candidate, and a town's names meet again and again (a hot spot's reports).
# Plain strings and booleans in one dict (nothing the garbage collector walks, unlike an lru_cache's links).
_ALIKE_KEYS: dict[tuple[str, str], bool] = {}
_ALIKE_KEYS_HELD = 200_000


def _keys_alike(a: str, b: str) -> bool:
    """`_keys_alike_uncached`, remembered."""
    found = _ALIKE_KEYS.get((a, b))
    if found is None:
        if len(_ALIKE_KEYS) >= _ALIKE_KEYS_HELD:
            _ALIKE_KEYS.clear()
        found = _ALIKE_KEYS[(a, b)] = _keys_alike_uncached(a, b)
    return found


def _keys_alike_uncached(a: str, b: str) -> bool:
    """Two name keys that may be one name: one ending the other but for one sound before it ("tk" of "Tahaka",
    "ntk" of "In-Tahaka": the particles In-, Ain-, El- go before a name; a short key inside a longer one, "sn" in
    "snrm", is another name, and so is one that begins another, "sm" of "Semmama" / "smb" of "Chaambi"), or spelled
    nearly alike ("ndrmbkn" / "ndrnbkn": Anderamboukane / Anderanboukane)."""
    if abs(len(a) - len(b)) <= _KEY_EXTRA and (a.endswith(b) or b.endswith(a)):
        return True
    # One letter of a key of two or three is a third of it: "sm" / "smb" score 80 and are two names.
    if min(len(a), len(b)) < _KEY_MIN_FUZZY or fuzz.ratio(a, b) < _KEY_RATIO:
        return False
    # A generic part (Jebel, Mount, Bordj) run into two names' keys makes them look alike ("jblsm" / "jblsmb",
    # Jebel Semmama / Jebel Chaambi, 91): the names are what follows it (after each part both may begin with:
    # "mnt" and "mnts" of Mount Semmama, "mntsm").
    return all(
        _keys_alike_uncached(a[len(head) :], b[len(head) :])
        for head in generic_heads()
        if a.startswith(head) and b.startswith(head) and len(head) < min(len(a), len(b))
    )


def _named_in_sentence(one: MentionFeatures, other: MentionFeatures) -> bool:
    """Whether `one`'s own sentence (not the lines around it) names `other`'s place before its own (a place
    named after it is most often a reference: "80 km south of ...", "fled to ...")."""
    return bool(one.lead & other.place_keys)


def _admin_named(a: MentionFeatures, b: MentionFeatures) -> bool:
    """One place bears the name of the other's province (a town picked for its province by the geocoder)."""
    return (a.admin_key is not None and a.admin_key in b.place_keys) or (
        b.admin_key is not None and b.admin_key in a.place_keys
    )


def _part_of(a: str, b: str) -> bool:
    """Every word of the shorter name is in the longer ("islamic state" in "islamic state (sahel)")."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False  # "... 2-3/1" and "... 2-3/2" are two groups
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    words = set(_WORDS.findall(long))
    mine = _WORDS.findall(short)
    return bool(mine) and all(w in words for w in mine)


def _related_state(mine: tuple[str, ...], theirs: tuple[str, ...]) -> str:
    """Forces of one state under two names ("police forces of tunisia" / "military forces of tunisia")."""
    of_mine = {name.rpartition(" of ")[2]: name for name in mine if " of " in name}
    for name in theirs:
        country = name.rpartition(" of ")[2]
        if " of " in name and country in of_mine:
            return country
    return ""


def _show(features: MentionFeatures) -> str:
    return str(features.geo_precision) if features.geo_precision else "?"


def _close(a: int, qa: str, b: int, qb: str, ratio: float) -> bool:
    low, high = (a, b) if a <= b else (b, a)
    low_q = qa if a <= b else qb
    if low_q == "at_least" or "about" in (qa, qb):
        return True  # "at least 5" agrees with 7; "about ten" with 8
    return low / high >= ratio or high - low <= 1
