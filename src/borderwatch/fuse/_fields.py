"""The fused event's fields, each taken from its mentions by a stated rule, with the mention it came from.

Rules (ACLED's where ACLED has one):
- type and sub-type: the one most mentions give, weighted by their confidence; ties to the earlier mention.
- date: the best `time_precision` any mention has, and among those the earliest date.
- location: the most precise (`geo_precision` 1 before 2 before 3); ties to the place most mentions
  name, then to the more confident mention. Border and distance come with the location.
- fatalities: the lowest figure any mention reports (ACLED's most conservative); a mention that gives
  0 counts only when no mention reports deaths (a brief silent on a toll is not a denial).
- actor 1 and 2: the actor most mentions name in that role, a named actor before a generic one
  ("Unidentified Armed Group"); associated actors: all others named, in order.
- tags: all, in order of first mention. Notes: the evidence sentence of the most confident mention.

The function is pure, so that a reader who may see only some of an event's reports can be shown the
fields derived from those alone (issue 7).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, Field

from ..model import Actor, EventMention, EventType, Location

__all__ = ["FusedFields", "SourcedMention", "derive_fields"]

_GENERIC = ("unidentified", "unknown")


@dataclass(frozen=True, slots=True)
class SourcedMention:
    """A stored mention: its key, its report and the mention as extracted."""

    key: str
    report_id: str
    mention: EventMention


class FusedFields(BaseModel):
    event_type: EventType
    sub_event_type: str
    tags: list[str] = Field(default_factory=list)
    date: str | None = None
    time_precision: int | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    fatalities: int | None = None
    notes: str = ""
    provenance: dict[str, str] = Field(default_factory=dict, description="field -> key of the mention it came from")


def derive_fields(mentions: Sequence[SourcedMention]) -> FusedFields:
    """The fields of one event from its mentions (in the order they were stored)."""
    if not mentions:
        raise ValueError("an event needs at least one mention")
    provenance: dict[str, str] = {}
    typed = _type(mentions)
    provenance["event_type"] = provenance["sub_event_type"] = typed.key
    fields = FusedFields(
        event_type=typed.mention.event_type,
        sub_event_type=typed.mention.sub_event_type,
        tags=list(dict.fromkeys(t for m in mentions for t in m.mention.tags)),
        notes=max(mentions, key=lambda m: m.mention.confidence).mention.evidence.sentence,
    )
    if dated := _date(mentions):
        fields.date, fields.time_precision = dated.mention.date, dated.mention.time_precision or 1
        provenance["date"] = dated.key
    if located := _location(mentions):
        fields.location = located.mention.location
        provenance["location"] = located.key
    if counted := _fatalities(mentions):
        fields.fatalities = counted.mention.fatalities
        provenance["fatalities"] = counted.key
    _actors(mentions, fields, provenance)
    fields.provenance = provenance
    return fields


def _type(mentions: Sequence[SourcedMention]) -> SourcedMention:
    weight: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        weight[(m.mention.event_type.value, m.mention.sub_event_type)] += m.mention.confidence or 0.01
    best = max(weight.values())
    winners = {k for k, v in weight.items() if v == best}
    chosen = [m for m in mentions if (m.mention.event_type.value, m.mention.sub_event_type) in winners]
    return max(chosen, key=lambda m: m.mention.confidence) if len(winners) == 1 else chosen[0]


def _date(mentions: Sequence[SourcedMention]) -> SourcedMention | None:
    dated = [m for m in mentions if _valid_date(m.mention.date)]
    if not dated:
        return None
    best = min(m.mention.time_precision or 1 for m in dated)
    return min((m for m in dated if (m.mention.time_precision or 1) == best), key=lambda m: m.mention.date or "")


def _valid_date(value: str | None) -> bool:
    try:
        return value is not None and bool(date.fromisoformat(value))
    except ValueError:
        return False


def _location(mentions: Sequence[SourcedMention]) -> SourcedMention | None:
    located = [m for m in mentions if m.mention.location is not None and m.mention.location.lat is not None]
    if not located:
        named = [m for m in mentions if m.mention.location is not None]
        return named[0] if named else None
    places = Counter(_place_key(m) for m in located)

    def rank(m: SourcedMention) -> tuple[int, int, float]:
        loc = m.mention.location
        precision = loc.geo_precision if loc and loc.geo_precision else 4
        return (precision, -places[_place_key(m)], -m.mention.confidence)

    return min(located, key=rank)


def _place_key(m: SourcedMention) -> str:
    loc = m.mention.location
    if loc is None:
        return ""
    return str(loc.geonameid) if loc.geonameid is not None else f"{loc.lat:.2f},{loc.lon:.2f}"


def _fatalities(mentions: Sequence[SourcedMention]) -> SourcedMention | None:
    counted = [m for m in mentions if m.mention.fatalities is not None]
    reported = [m for m in counted if m.mention.fatalities]
    pool = reported or counted
    return min(pool, key=lambda m: m.mention.fatalities or 0) if pool else None


def _actors(mentions: Sequence[SourcedMention], fields: FusedFields, provenance: dict[str, str]) -> None:
    first = _vote([(m, m.mention.actor1) for m in mentions], exclude=set())
    if first:
        fields.actor1, provenance["actor1"] = first[1], first[0].key
    taken = {fields.actor1.name} if fields.actor1 else set()
    second = _vote([(m, m.mention.actor2) for m in mentions], exclude=taken)
    if second:
        fields.actor2, provenance["actor2"] = second[1], second[0].key
        taken.add(second[1].name)
    assoc: dict[str, Actor] = {}
    for m in mentions:
        for actor in (m.mention.actor1, m.mention.actor2, *m.mention.assoc_actors):
            if actor is not None and actor.name not in taken and actor.name not in assoc:
                assoc[actor.name] = actor
    fields.assoc_actors = list(assoc.values())


def _vote(pairs: list[tuple[SourcedMention, Actor | None]], exclude: set[str]) -> tuple[SourcedMention, Actor] | None:
    named = [(m, a) for m, a in pairs if a is not None and a.name not in exclude]
    if not named:
        return None
    counts = Counter(a.name for _, a in named)

    def rank(item: tuple[SourcedMention, Actor]) -> tuple[bool, int]:
        actor = item[1]
        return (not actor.name.casefold().startswith(_GENERIC), counts[actor.name])

    best = max(rank(item) for item in named)
    return next(item for item in named if rank(item) == best)
