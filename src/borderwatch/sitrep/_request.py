"""What a situation report covers: an event filter, its period, and the area it is about."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

from shapely.geometry.base import BaseGeometry

from ..errors import InputError
from ..model import Marking
from ..store import EventFilter

__all__ = ["Area", "SitrepRequest", "settings_data"]


@cache
def settings_data() -> dict[str, Any]:
    """The report's vocabulary and thresholds (`data/sitrep.json`)."""
    return json.loads(resources.files("borderwatch.sitrep").joinpath("data", "sitrep.json").read_text("utf-8"))


@dataclass(frozen=True)
class Area:
    """The zone a report is about, drawn on its map: a watch zone, a border strip or a box."""

    label: str
    geometry: BaseGeometry | None = None
    marking: Marking = Marking.CLEAR  # a watch zone's own marking counts towards the document's


@dataclass(frozen=True)
class SitrepRequest:
    """A report of the events `events` selects between `start` and `end` (inclusive), about `area`.

    `events` must not carry dates of its own: the period is given apart, so that the previous period of
    the same length can be read with the same filter.
    """

    events: EventFilter
    start: date
    end: date
    area: Area = field(default_factory=lambda: Area("all events"))
    agency: str = "local"
    reader: str = "the local administrator"  # who the report was made for (it shows what they may see)
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    def __post_init__(self) -> None:
        if self.events.since is not None or self.events.until is not None:
            raise ValueError("give the period as start and end, not in the event filter")
        if self.start > self.end:
            raise InputError(f"period: its first day {self.start} is after its last day {self.end}")

    @classmethod
    def for_period(cls, events: EventFilter, start: date | None, end: date | None, **more: Any) -> SitrepRequest:
        """A request whose missing dates default to the last `default_days` days up to today (UTC)."""
        days = int(settings_data()["default_days"])
        end = end or datetime.now(UTC).date()
        start = start or end - timedelta(days=days - 1)
        return cls(events.model_copy(update={"since": None, "until": None}), start, end, **more)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> tuple[date, date]:
        """The period of the same length just before this one."""
        return self.start - timedelta(days=self.days), self.start - timedelta(days=1)

    def filter_for(self, start: date, end: date) -> EventFilter:
        return self.events.model_copy(update={"since": start, "until": end})
