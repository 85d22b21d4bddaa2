"""What extraction produces: places, actors and events, each with its evidence.

The shapes here are the `borderwatch extract` output contract of the product
brief (`schema/extract-output.schema.json` is generated from `ExtractResult`).
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "ActorType",
    "Event",
    "EventMention",
    "EventType",
    "Evidence",
    "ExtractResult",
    "Location",
    "Place",
    "Quantity",
    "ReportRef",
]


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


EVENT_TYPES: tuple[str, ...] = tuple(t.value for t in EventType)


class ActorType(IntEnum):
    """ACLED's inter codes."""

    STATE_FORCES = 1
    REBEL_GROUP = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER = 8


class _Contract(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportRef(_Contract):
    id: str
    source: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD")


class Place(_Contract):
    """A place mention in a report and the gazetteer record it resolves to (null fields when unresolved)."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    feature_code: str | None = None
    confidence: float | None = None


class Actor(_Contract):
    text: str | None = Field(default=None, description="the words of the report that name it")
    name: str = Field(description="canonical name, ACLED conventions")
    type: ActorType | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")


class Location(_Contract):
    name: str | None = None
    geonameid: int | str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geo_precision: Literal[1, 2, 3] | None = None
    border: str | None = Field(default=None, description="nearest border, alpha-3 pair in order, e.g. DZA-LBY")
    border_km: float | None = None


class Evidence(_Contract):
    sentence: str
    start: int = Field(description="offset of the sentence in the report's text")
    end: int


class Quantity(_Contract):
    kind: str = Field(description="fatalities, injured, fighters, arrests, weapons, vehicles, posts, hostages, ...")
    value: int
    qualifier: Literal["exact", "at_least", "at_most", "about"] = "exact"
    text: str | None = None


class EventMention(_Contract):
    """One event as one report states it."""

    id: str
    event_type: EventType
    sub_event_type: str
    tags: list[str] = Field(default_factory=list)
    modality: str | None = Field(default=None, description="null for events that happened; 'intent', 'negated', ...")
    date: str | None = Field(default=None, description="YYYY-MM-DD, null when unknown")
    time_precision: Literal[1, 2, 3] | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    fatalities: int | None = Field(default=None, ge=0)
    quantities: list[Quantity] = Field(default_factory=list)
    evidence: Evidence
    confidence: float = Field(ge=0, le=1)


class ExtractResult(_Contract):
    """The output contract of `borderwatch extract`: one per report."""

    report: ReportRef
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[EventMention] = Field(default_factory=list)


class Event(BaseModel):
    """A happening as the store knows it: fused from one or more mentions in one or more reports."""

    id: str
    event_type: EventType
    sub_event_type: str
    tags: list[str] = Field(default_factory=list)
    date: dt.date | None = None
    time_precision: Literal[1, 2, 3] | None = None
    actor1: str | None = None
    actor2: str | None = None
    location: Location | None = None
    fatalities: int | None = None
    confidence: float = 0.0
    report_ids: list[str] = Field(default_factory=list)
