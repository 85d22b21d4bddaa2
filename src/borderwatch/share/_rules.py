"""What goes to whom: the rules of a peer, applied to one report version at a time.

A rule names the markings it lets through, and optionally sharing groups, originating agencies, event
types and a zone: "events within 50 km of the DZA-TUN border, up to AMBER" is
`PeerRule.up_to(Marking.AMBER, zone=Zone(border="DZA-TUN", km=50))`. A report goes to a peer when at
least one of the peer's rules lets it through, with the events those rules select (the report's text goes
whole: it is the evidence of every event in it).

What no rule can change:
- a marking is sent as it is, never raised or lowered;
- RED and AMBER+STRICT go only under a rule that names them (`up_to` never includes them);
- a report restricted to sharing groups goes only under a rule naming one of its groups (CLEAR excepted);
- a report received from a peer never goes back to it, and goes on to others only under a rule with
  `forward` and only when CLEAR or GREEN (TLP: AMBER and above stay with their recipient).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from shapely.geometry import Point, shape
from shapely.prepared import PreparedGeometry, prep

from ..errors import InputError
from ..model import EventMention, Location, Marking
from ..store import ExchangeItem

__all__ = ["EXPLICIT_ONLY", "PeerRule", "Zone", "parse_rules", "reads_mentions", "select_for_peer"]

EXPLICIT_ONLY = frozenset({Marking.AMBER_STRICT, Marking.RED})
_FORWARDABLE = frozenset({Marking.CLEAR, Marking.GREEN})


class Zone(BaseModel):
    """A strip along a border (`border` + `km`) or a GeoJSON polygon (longitude, latitude)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    border: str | None = Field(default=None, description="alpha-3 pair, e.g. DZA-TUN")
    km: float | None = Field(default=None, gt=0)
    polygon: dict[str, Any] | None = None

    @field_validator("border")
    @classmethod
    def _pair(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = value.upper().split("-")
        if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
            raise ValueError(f"border {value!r}: expected an alpha-3 pair such as DZA-TUN")
        return "-".join(sorted(parts))

    @model_validator(mode="after")
    def _one_kind(self) -> Zone:
        strip = self.border is not None and self.km is not None
        if strip == (self.polygon is not None):
            raise ValueError("a zone is either a border strip (border and km) or a polygon")
        if self.polygon is not None:
            geometry = shape(self.polygon)
            if geometry.geom_type not in ("Polygon", "MultiPolygon") or not geometry.is_valid:
                raise ValueError("a zone's polygon must be a valid GeoJSON Polygon or MultiPolygon")
        return self

    @cached_property
    def _prepared(self) -> PreparedGeometry:
        return prep(shape(self.polygon))

    def contains(self, location: Location | None) -> bool:
        if location is None:
            return False
        if self.polygon is not None:
            if location.lat is None or location.lon is None:
                return False
            return bool(self._prepared.covers(Point(location.lon, location.lat)))
        if location.border is None or location.border_km is None:
            return False
        # The event's nearest border: an event near a tri-point counts for the nearest one only.
        return "-".join(sorted(location.border.upper().split("-"))) == self.border and location.border_km <= (
            self.km or 0
        )


class PeerRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    markings: frozenset[Marking] = Field(min_length=1)
    groups: frozenset[str] = Field(default=frozenset(), description="only reports of these sharing groups")
    agencies: frozenset[str] = Field(default=frozenset(), description="only reports of these agencies")
    event_types: frozenset[str] = Field(default=frozenset(), description="ACLED types, sub-types or tags")
    zone: Zone | None = None
    forward: bool = Field(default=False, description="also CLEAR and GREEN reports received from other peers")

    @classmethod
    def up_to(cls, marking: Marking, *, also: Iterable[Marking] = (), **fields: Any) -> PeerRule:
        """CLEAR up to `marking`; RED and AMBER+STRICT only when named in `also`."""
        if marking in EXPLICIT_ONLY:
            raise InputError(f"{marking.value} is never implied: name it explicitly (--marking {marking.value})")
        markings = {m for m in Marking if m.rank <= marking.rank and m not in EXPLICIT_ONLY} | set(also)
        return cls(markings=frozenset(markings), **fields)

    def select(self, item: ExchangeItem) -> list[EventMention] | None:
        """The events of this report version the rule lets through; None if the report does not pass."""
        report = item.report
        if report is None or report.marking not in self.markings:
            return None
        if item.origin_peer is not None and (not self.forward or report.marking not in _FORWARDABLE):
            return None
        groups = set(report.sharing_groups)
        if self.groups:
            if not groups & self.groups:
                return None
        elif groups and report.marking is not Marking.CLEAR:
            return None
        if self.agencies and report.agency not in self.agencies:
            return None
        mentions = list(item.extraction.events) if item.extraction else []
        if not self.event_types and self.zone is None:
            return mentions
        chosen = [m for m in mentions if self._type_ok(m) and (self.zone is None or self.zone.contains(m.location))]
        return chosen or None

    def _type_ok(self, mention: EventMention) -> bool:
        if not self.event_types:
            return True
        wanted = {t.casefold() for t in self.event_types}
        names = {mention.event_type.value.casefold(), mention.sub_event_type.casefold()}
        return bool(wanted & (names | {t.casefold() for t in mention.tags}))


def parse_rules(raw: Sequence[dict[str, Any]]) -> list[PeerRule]:
    return [PeerRule.model_validate(r) for r in raw]


def reads_mentions(rules: Sequence[PeerRule]) -> bool:
    """Whether any rule decides by a report's events (zone, event types): otherwise whether a report passes
    depends on its row alone, and its extraction need not be read to know."""
    return any(rule.zone is not None or rule.event_types for rule in rules)


def select_for_peer(rules: Sequence[PeerRule], item: ExchangeItem, peer_id: str) -> list[EventMention] | None:
    """The events of a report version that go to a peer, in the report's order; None: nothing goes."""
    if item.withdrawn or item.report is None or item.origin_peer == peer_id:
        return None
    chosen: dict[str, EventMention] = {}
    passed = False
    for rule in rules:
        selected = rule.select(item)
        if selected is not None:
            passed = True
            chosen.update({m.id: m for m in selected})
    if not passed:
        return None
    order = [m.id for m in item.extraction.events] if item.extraction else []
    return [chosen[i] for i in order if i in chosen]
