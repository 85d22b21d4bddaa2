"""Fusion's thresholds, weights and event families: data (`data/fusion.json`), validated here."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from ..errors import ConfigError

__all__ = ["FusionConfig", "load_config"]


class _FamilyLookup:
    def __init__(self, families: dict[str, tuple[str, ...]]) -> None:
        self._exact: dict[str, str] = {}
        self._by_type: dict[str, str] = {}
        for family, patterns in families.items():
            for pattern in patterns:
                if pattern.endswith("/*"):
                    self._by_type[pattern.removesuffix("/*")] = family
                else:
                    self._exact[pattern.casefold()] = family

    def __call__(self, event_type: str, sub_event_type: str) -> str:
        exact = self._exact.get(f"{event_type}/{sub_event_type}".casefold())
        return exact or self._by_type.get(event_type, "other")


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Blocking(_Section):
    days: int = Field(ge=0, description="days searched beyond a mention's date interval")
    undated_days_before_publication: int = Field(ge=0)
    cell_degrees: float = Field(gt=0, description="side of the grid cells the store indexes places by")
    max_members_compared: int = Field(ge=1, description="an event's most recent mentions compared with a new one")


class DateRules(_Section):
    same_day: float
    one_day: float = Field(
        description="two dates known to the day one day apart, neither sentence telling of a night or a late hour: "
        "reports of one happening stated to the day mostly agree on it, so a day's difference leans to two; "
        "weighed `weights.date_against` (as is `two_days` between two dates known to the day)"
    )
    one_day_night: float = Field(
        description="as `one_day`, when either sentence tells of a night or an evening (`night_words`) and both are "
        "of one sub-type: a night event straddles midnight and reports split over its two days, coding it alike"
    )
    night_words: frozenset[str] = Field(
        description="content words of a sentence that places a happening at night or late in the day ('overnight', "
        "'nuit'): the words `one_day_night` rests on (none of them a function word of stopwords.json); not 'late', "
        "which mostly tells when a statement was made ('the ministry said late on Friday'), not the happening"
    )
    two_days: float
    further: float
    overlap_imprecise: float
    undated_in_window: float
    undated_unsupported: float = Field(
        description="one date unknown and the other in its report's window, with nothing in common but type and "
        "area (no shared group, figure, other proper name, nor a place of one name): a region's second happening "
        "of one kind reported without its day"
    )
    veto_gap_days: int = Field(ge=0)
    precise_veto_gap_days: int = Field(
        ge=0,
        description="two dates known to the day this many days apart or more are two happenings (reports of one "
        "event agree on its day within a day or two), unless the later is a statement's day (`report_lag_days`)",
    )
    follow_up_gap_days: int = Field(
        ge=1, description="precise dates this far apart with types of different families: a follow-up event"
    )
    report_lag_days: int = Field(
        ge=0,
        description="a mention dated on (or the day before) its own report's publication may carry the day of "
        "the statement, claim or funeral it reports rather than the event's: up to this many days after the "
        "other's date, the gap counts as `reported_late`",
    )
    reported_late: float
    reported_late_unsupported: float = Field(
        le=0,
        description="`reported_late` when the two share nothing beyond type and area (no town, toll, group or "
        "name, as `undated_unsupported`), weighed `weights.date_against`: the statement's day hides the "
        "happening's, and a region's second happening of one kind is as likely",
    )
    aftermath_words: frozenset[str] = Field(
        description="words of a sentence that tells of what followed a happening (a claim, a funeral, mourning, a "
        "toll that rose), whose date may be that of the telling: only such a sentence gets `report_lag_days`"
    )


class PlaceRules(_Section):
    radius_km: dict[str, float] = Field(description="how far from its coordinates a place of each precision may be")
    falloff_km: float = Field(
        gt=0, description="beyond their two radii, the distance over which agreement falls to -1 (and then a veto)"
    )
    same_country_unlocated: float = Field(description="one place unknown, the countries (of place or actors) agree")
    same_name: float = Field(description="the same place name resolved to two places (namesakes): likely one")
    same_geonameid: float
    unknown: float = Field(description="value when one of the two has no place: less evidence than agreement")
    other_country: float
    other_province: float = Field(
        description="one known only to its province, the other placed in another province, farther apart than "
        "their precisions and `falloff_km` allow"
    )
    same_admin1_imprecise: float
    named: float = Field(description="one has no place (or only its province or country) and its sentence names "
                         "the other's place")  # fmt: skip
    named_in_sentence: float = Field(description="as `named`, when the vague one's own sentence (not the lines "
                                     "around it) names the other's place")  # fmt: skip
    named_far: float = Field(description="the places are implausibly far apart (`misplaced_km`) but one sentence "
                             "names the other's place: a geocoder's namesake, not a second happening")  # fmt: skip
    named_near: float = Field(description="the places are too far apart for their precisions (but less than "
                              "`misplaced_km`) and one sentence names the other's place: the geocoder may have "
                              "picked another place of the sentence; a weak disagreement, not a veto")  # fmt: skip
    misplaced_km: float = Field(gt=0)
    names_apart: float = Field(
        description="two places of different names, farther apart than the finer precision allows, and neither "
        "report names the other's: two happenings more often than one place geocoded twice (at most this)"
    )
    names_differ: float = Field(
        description="two places of different names within the finer precision's distance, and neither report "
        "names the other's: near, but each tells of its own place (at most this)"
    )
    area_km: float = Field(
        gt=0,
        description="how far from a town a village may lie and still be the happening a report places 'near' the "
        "town (precision 2: the town's area, a district; precision 1: the village itself), in one province",
    )
    village_in_area: float = Field(
        description="a village (precision 1) and a town's area (precision 2) of other names in one province within "
        "`area_km`, neither report naming the other's place: the area report may name the nearby town for the "
        "village, when the two share a toll or another proper name (else two happenings at two points)"
    )
    direction_words: dict[str, tuple[float, float]] = Field(
        default_factory=dict,
        description="compass words (folded) and their (north, east) unit steps: a sentence placing its happening "
        "'north of Bourem' or 'au sud de Ménaka' tells of a point off the town in that direction, which a village "
        "named by another report may be (as a village within `area_km` of a town's area)",
    )
    direction_km: float = Field(
        default=0.0, ge=0, description="how far off its town a place told '<direction> of <town>' may lie"
    )
    direction_degrees: float = Field(
        default=60.0,
        ge=0,
        le=180,
        description="how far the other place's bearing from the town may turn from the stated direction",
    )
    names_elsewhere: float = Field(
        description="one known only to its province or country, and its sentence names places, none of them the "
        "other's: it tells of somewhere else"
    )
    admin_named: float = Field(description="one place has the name of the other's province (\"Gao\" for the "
                               "Gao region): a geocoder's pick of the town for the province")  # fmt: skip
    region_words: frozenset[str] = Field(
        description="content words by which a sentence speaks of a province ('in the Ménaka region', 'gouvernorat "
        "de Kasserine'): a mention known only to its province whose sentence holds one names its province, not the "
        "town of that name, when it names the province's own name"
    )
    spread_families: frozenset[str] = Field(
        description="families whose happenings spread over an area or are told from several places (a joint "
        "patrol along a border, a deployment, an agreement): for every other family a happening is at one point, "
        "and two precise places of different names that neither report names, farther apart than the coarser "
        "place's reach, are two happenings"
    )
    cross_border_km: float = Field(
        default=0.0,
        ge=0,
        description="how far apart two places in two countries may lie and be one happening told from each side of "
        "their border, when each report names its own country's forces (a border clash told by the army of one "
        "and the guard of the other): both places then lie within this distance of the border between them",
    )
    cross_border_near: float = Field(
        default=0.0, description="the place value of such a pair at no distance, falling to `cross_border_far`"
    )
    cross_border_far: float = Field(default=0.0, description="the place value of such a pair `cross_border_km` apart")


class ActorRules(_Section):
    shared_specific: float
    shared_state: float
    related_state: float = Field(description="other forces of one state (its police and its army)")
    conflicting_specific: float
    fuzzy_min_ratio: float = Field(ge=0, le=100)
    generic_prefixes: tuple[str, ...]
    generic_words: tuple[str, ...] = Field(description="an actor name with one of these words names no one")
    state_prefixes: tuple[str, ...]
    holding_families: frozenset[str] = Field(
        default=frozenset(),
        description="families whose second actor is held by the first (arrests: the force arresting, then the "
        "arrested): against a happening of another family, a named group or state force that acts in one and is "
        "acted upon in the other (the attackers arrested, the attacked force arresting) tells of a follow-up",
    )
    unknown_attacker_families: frozenset[str] = Field(
        default=frozenset(),
        description="families of happenings that someone starts (an attack, a blast, an abduction): one whose actor1 "
        "is unidentified or missing and that names no group, against arrests by a state force that takes no part "
        "in it, tells of the suspects arrested afterwards (the gunmen unknown, the police not there)",
    )


class QuantityRules(_Section):
    equal: float
    close: float
    far: float
    fatalities_far: float
    close_ratio: float = Field(gt=0, le=1)


class TargetRules(_Section):
    disjoint: float = Field(
        description="both sentences name what the happening struck or seized (`kinds`), and no kind is in both: an "
        "attack on a post is not the ambush of a convoy, a fuel seizure not a seizure of sheep"
    )
    kinds: dict[str, dict[str, frozenset[str]]] = Field(
        description="by what a sentence tells (what was struck, what was seized), kinds of target and the content "
        "words (folded, none a stopword) that name them; words of one kind are the ways reports of one happening "
        "name it. Kinds are compared within one heading only: a convoy struck is not told apart from the weapons it "
        "carried"
    )


class NameRules(_Section):
    per_shared: float = Field(gt=0, description="value of each proper name (key) the two sentences share")
    most: float = Field(gt=0, le=1)


class TextRules(_Section):
    floor: float = Field(ge=0, lt=1, description="similarity at or below which text adds nothing")
    min_words: int = Field(ge=1)


class TypeRules(_Section):
    same_sub_type: float
    same_family: float
    distant_families: float = Field(
        description="a `compatibility` at or below which two families are only distantly related (a clash and an "
        "abduction, an abduction and arrests), named as such in a veto; every pair of different families joins only "
        "on a figure, another name, a state force or group, or wording in common, since a town's day often holds "
        "both kinds as two happenings"
    )
    distant_wording: float = Field(
        ge=0,
        description="the text feature's value from which two kinds (different families) share wording: more than "
        "a word or two in common ('village', 'nine men' and 'stormed' against 'attacked')",
    )


class Independence(_Section):
    reliability_weight: dict[str, float]


class FusionConfig(_Section):
    version: int
    about: str = ""
    merge_threshold: float
    merge_threshold_unlocated: float = Field(
        description="threshold when one of the two mentions has no place, or only its province or country"
    )
    ambiguity_margin: float = Field(
        ge=0, description="lead the best event needs over the next when the comparison rests on a vague place"
    )
    blocking: Blocking
    weights: dict[str, float]
    date: DateRules
    place: PlaceRules
    actors: ActorRules
    quantities: QuantityRules
    text: TextRules
    names: NameRules
    targets: TargetRules
    families: dict[str, tuple[str, ...]]
    type: TypeRules
    compatibility: tuple[tuple[str, str, float], ...]
    independence: Independence
    _family_lookup: _FamilyLookup = PrivateAttr()
    _pairs: dict[tuple[str, str], float] = PrivateAttr()
    _compatible: dict[str, tuple[str, ...]] = PrivateAttr()

    @model_validator(mode="after")
    def _known_families(self) -> FusionConfig:
        for left, right, _value in self.compatibility:
            for name in (left, right):
                if name not in self.families:
                    raise ValueError(f"compatibility names unknown family {name!r}")
        for name, listed in (
            ("place.spread_families", self.place.spread_families),
            ("actors.holding_families", self.actors.holding_families),
            ("actors.unknown_attacker_families", self.actors.unknown_attacker_families),
        ):
            unknown = sorted(listed - self.families.keys())
            if unknown:
                raise ValueError(f"{name} names unknown family {unknown[0]!r}")
        return self

    def model_post_init(self, _context: object) -> None:
        pairs: dict[tuple[str, str], float] = {}
        for left, right, value in self.compatibility:
            pairs[(left, right)] = value
            pairs[(right, left)] = value
        self._pairs = pairs
        self._family_lookup = _FamilyLookup(self.families)
        self._compatible = {
            family: tuple(sorted({family, *(right for (left, right) in pairs if left == family)}))
            for family in self.families
        }

    # The lookups below run for every comparison: they read the private attributes directly, not through
    # pydantic's attribute hook.

    def family_of(self, event_type: str, sub_event_type: str) -> str:
        """The family of an ACLED type and sub-type ('other' when none lists it)."""
        return self.__pydantic_private__["_family_lookup"](event_type, sub_event_type)  # type: ignore[index]

    def compatibility_of(self, left: str, right: str) -> float | None:
        """Value of comparing two families; None when they are never compared."""
        if left == right:
            return self.type.same_family
        return self.__pydantic_private__["_pairs"].get((left, right))  # type: ignore[index]

    def compatible_families(self, family: str) -> tuple[str, ...]:
        """Families a mention of `family` may be compared with (itself included), sorted."""
        found = self.__pydantic_private__["_compatible"].get(family)  # type: ignore[index]
        return found if found is not None else (family,)


def load_config(path: str | Path | None = None) -> FusionConfig:
    """The packaged configuration, or one read from `path` (a JSON file of the same shape)."""
    if path is None:
        return _packaged()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return FusionConfig.model_validate(data)
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"fusion configuration {path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"fusion configuration {path}: {where}: {first['msg']}") from None


@cache
def _packaged() -> FusionConfig:
    text = resources.files("borderwatch.fuse").joinpath("data", "fusion.json").read_text(encoding="utf-8")
    return FusionConfig.model_validate(json.loads(text))
