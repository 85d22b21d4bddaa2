"""The API's response shapes, for the OpenAPI document and for checking what the endpoints return."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "ActorDetail",
    "ActorOut",
    "AlertOut",
    "AlertPage",
    "DeliveryOut",
    "ErrorOut",
    "EventDetail",
    "EventOut",
    "EventPage",
    "MetaOut",
    "PlaceDetail",
    "PlaceOut",
    "PointsOut",
    "ReportDetail",
    "ReportOut",
    "ReportPosted",
    "TimelineOut",
    "WebhookIn",
    "WebhookOut",
    "ZoneActivity",
    "ZoneOut",
]


class _Error(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorOut(BaseModel):
    error: _Error
    detail: list[dict[str, Any]] | None = None


class ActorRef(BaseModel):
    id: int
    name: str | None


class LocationOut(BaseModel):
    name: str | None
    geonameid: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    geo_precision: int | None
    border: str | None
    border_km: float | None


class EventOut(BaseModel):
    id: str
    event_type: str
    sub_event_type: str
    tags: list[str]
    date: str | None = Field(description="YYYY-MM-DD; null when unknown")
    time_precision: int | None
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: LocationOut
    fatalities: int | None
    confidence: float
    sources: int = Field(description="number of distinct reports")
    marking: str | None = Field(description="most restrictive TLP marking among the event's reports")
    created_at: str | None
    updated_at: str | None


class EventPage(BaseModel):
    items: list[EventOut]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null at the end")


class MentionReport(BaseModel):
    id: str
    title: str | None
    kind: str
    source: str | None
    reliability: str | None
    url: str | None
    published: str | None
    ingested_at: str | None
    agency: str
    marking: str
    text: str


class MentionOut(BaseModel):
    id: str
    report: MentionReport
    sentence: str
    start: int = Field(description="offset of the sentence in the report's text")
    end: int
    event_type: str | None
    sub_event_type: str | None
    date: str | None
    fatalities: int | None
    quantities: list[dict[str, Any]]
    assoc_actors: list[str | None]
    modality: str | None
    confidence: float | None
    merge_reason: Any = None


class EventDetail(EventOut):
    mentions: list[MentionOut]
    quantities: list[dict[str, Any]]
    merge_reasons: list[Any]


class PointsOut(BaseModel):
    types: list[str] = Field(description="event types; each point's 4th value indexes this list")
    points: list[list[Any]] = Field(description="[id, lat, lon, type index, fatalities, date, confidence]")
    truncated: bool


class TimelineBucket(BaseModel):
    start: str
    counts: dict[str, int]


class TimelineOut(BaseModel):
    bucket: str
    buckets: list[TimelineBucket]
    undated: int


class ReportOut(BaseModel):
    id: str
    kind: str
    title: str | None
    published: Any
    source: str | None
    agency: str
    marking: str
    origin: str | None
    events: int


class ReportDetail(BaseModel):
    id: str
    kind: str
    title: str | None
    text: str
    url: str | None
    origin: str | None
    published: Any
    ingested_at: Any
    source: str | None
    agency: str
    marking: str
    sharing_groups: list[str]
    post_id: str | None
    lat: float | None
    lon: float | None
    category: str | None
    near_duplicates: list[dict[str, Any]]
    events: list[dict[str, Any]]


class ReportPosted(BaseModel):
    report: ReportDetail
    stored: bool = Field(description="false when a report with the same content was already stored")


class ActorOut(BaseModel):
    id: int
    name: str
    type: int | None
    country: str | None
    events: int


class ActorDetail(ActorOut):
    as_actor1: int
    by_month: list[dict[str, Any]]
    places: list[dict[str, Any]]
    recent: list[EventOut]


class PlaceOut(BaseModel):
    geonameid: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature_code: str | None
    events: int


class PlaceDetail(PlaceOut):
    by_type: dict[str, int]
    recent: list[EventOut]


class ZoneOut(BaseModel):
    id: int
    name: str
    kind: str
    border: str | None
    km: float | None
    geometry: dict[str, Any]
    bbox: list[float]
    rules: dict[str, Any]
    marking: str
    agency: str = Field(description="the agency that drew the zone")
    sharing_groups: list[str]
    active: bool
    created_at: str
    updated_at: str
    events: int = Field(description="events inside the zone that the caller sees whole")
    open_alerts: int


class ZoneActivity(BaseModel):
    zone_id: int
    from_: str = Field(alias="from")
    to: str
    days: list[dict[str, Any]]


class AlertZone(BaseModel):
    id: int
    name: str


class AlertOut(BaseModel):
    id: int
    zone: AlertZone
    kind: str = Field(description="event or spike")
    event_id: str | None
    reason: str
    details: dict[str, Any]
    marking: str
    created_at: str
    acknowledged_at: str | None
    acknowledged_by: str | None


class AlertPage(BaseModel):
    items: list[AlertOut]
    next_before_id: int | None = Field(description="pass as `before_id` for the next page; null at the end")


class WebhookIn(BaseModel):
    url: str = Field(description="http(s) URL that receives each alert as a signed JSON POST")
    secret: str = Field(min_length=16, description="key of the HMAC-SHA256 signature (X-Borderwatch-Signature)")
    zone_id: int | None = Field(default=None, description="only this zone's alerts (default: every zone)")


class WebhookOut(BaseModel):
    id: int
    url: str
    zone_id: int | None
    owner: str | None = Field(description="the user as whom alerts are told (null: the operator at the machine)")
    agency: str
    active: bool
    created_at: str
    deliveries: dict[str, int] = Field(description="number of deliveries by status")


class DeliveryOut(BaseModel):
    id: int
    alert_id: int
    status: str = Field(description="pending, delivered, failed, or withheld (the owner may not see the alert)")
    attempts: int
    next_attempt_at: str | None
    created_at: str
    delivered_at: str | None
    log: list[dict[str, Any]] = Field(description="every try: attempt, at, status_code, error, ms")


class MetaOut(BaseModel):
    version: str
    event_types: list[str]
    markings: list[str]
    counts: dict[str, int]
    countries: list[str]
    borders: list[str]
    date_range: list[str | None]
    sorts: list[str]
