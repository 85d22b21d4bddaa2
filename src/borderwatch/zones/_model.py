"""Watch zones and their rules: what a zone is, which events raise an alert, what counts as a spike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..model import Marking

__all__ = ["SpikeRule", "WatchedEvent", "ZoneRules", "ZoneSpec"]


class SpikeRule(BaseModel):
    """Activity over the last `days` against the zone's own baseline of the `baseline_days` before.

    A spike is at least `min_events` matching events in the window and at least `factor` times
    what the baseline rate predicts for a window of that length.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: int = Field(default=7, ge=1, le=365, description="length of the recent window, in days")
    baseline_days: int = Field(default=90, ge=1, le=3650, description="length of the baseline before the window")
    factor: float = Field(default=3.0, gt=1, le=1000, description="how many times the baseline rate is a spike")
    min_events: int = Field(default=3, ge=1, le=100_000, description="fewest events in the window for a spike")


class ZoneRules(BaseModel):
    """Which events in the zone raise an alert. Empty lists mean any; all given conditions must hold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_types: tuple[str, ...] = Field(default=(), description="ACLED event types or sub-event types (any of)")
    tags: tuple[str, ...] = Field(default=(), description="border-security tags (any of)")
    actors: tuple[str, ...] = Field(default=(), description="actor names or parts of them (any of)")
    min_confidence: float = Field(default=0.0, ge=0, le=1)
    alert_events: bool = Field(default=True, description="alert on each matching event (false: spikes only)")
    spike: SpikeRule | None = Field(default=None, description="also alert when activity spikes")

    @field_validator("event_types", "tags", "actors", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(v.strip() for v in value if v.strip())
        return value

    def matches(self, event: WatchedEvent) -> bool:
        """Whether the event satisfies the type, tag, actor and confidence conditions."""
        if event.confidence < self.min_confidence:
            return False
        if self.event_types:
            wanted = {t.casefold() for t in self.event_types}
            if event.event_type.casefold() not in wanted and event.sub_event_type.casefold() not in wanted:
                return False
        if self.tags and not {t.casefold() for t in self.tags} & {t.casefold() for t in event.tags}:
            return False
        if self.actors:
            names = [a.casefold() for a in event.actors]
            if not any(part.casefold() in name for part in self.actors for name in names):
                return False
        return True

    def describe(self) -> str:
        """The conditions in words, for alert reasons."""
        parts = []
        if self.event_types:
            parts.append("type " + " or ".join(self.event_types))
        if self.tags:
            parts.append("tag " + " or ".join(self.tags))
        if self.actors:
            parts.append("actor " + " or ".join(self.actors))
        if self.min_confidence:
            parts.append(f"confidence ≥ {self.min_confidence:g}")
        return ", ".join(parts) or "any event"


class ZoneSpec(BaseModel):
    """A zone as a user gives it: a GeoJSON geometry, or a border pair and a width."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    geometry: dict[str, Any] | None = Field(
        default=None, description="GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection (lon/lat)"
    )
    border: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description="e.g. DZA-TUN")
    km: float | None = Field(default=None, gt=0, le=500, description="width of a border strip on each side")
    rules: ZoneRules = Field(default_factory=ZoneRules)
    marking: Marking = Marking.AMBER
    sharing_groups: list[str] = Field(
        default_factory=list, max_length=50, description="groups that may see the zone besides its agency"
    )
    active: bool = True

    @field_validator("marking", mode="before")
    @classmethod
    def _parse_marking(cls, value: Any) -> Any:
        return Marking.parse(value) if isinstance(value, str) else value

    @property
    def kind(self) -> Literal["polygon", "border"]:
        return "border" if self.border else "polygon"


@dataclass(frozen=True)
class WatchedEvent:
    """What zone rules look at in a stored event."""

    id: str
    lat: float
    lon: float
    date: str | None
    event_type: str
    sub_event_type: str
    tags: tuple[str, ...]
    actors: tuple[str, ...]
    confidence: float
