"""Query parameters shared by the event endpoints, turned into the store's one filter object."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from ..model import Marking
from ..store import EventQuery
from ._errors import validated

__all__ = ["EventFilters", "EventFormat", "Sort", "parse_bbox"]

EventFormat = Literal["json", "geojson"]
Sort = Literal["-date", "date", "-confidence", "confidence", "-fatalities", "fatalities", "-updated", "updated"]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise RequestValidationError(
            [{"loc": ("query", "bbox"), "msg": "expected four numbers west,south,east,north", "type": "value_error"}]
        )
    return numbers  # type: ignore[return-value]


def _markings(values: list[str]) -> tuple[Marking, ...]:
    try:
        return tuple(Marking.parse(v) for v in values)
    except ValueError as exc:
        raise RequestValidationError([{"loc": ("query", "marking"), "msg": str(exc), "type": "value_error"}]) from None


class EventFilters:
    """The filters of the event list, map points, timeline and GeoJSON export (FastAPI dependency)."""

    def __init__(
        self,
        bbox: Annotated[
            str | None, Query(description="west,south,east,north in degrees", examples=["7,30,12,37.5"])
        ] = None,
        since: Annotated[date | None, Query(description="on or after, YYYY-MM-DD")] = None,
        until: Annotated[date | None, Query(description="on or before, YYYY-MM-DD")] = None,
        type: Annotated[
            list[str] | None, Query(description="ACLED event type or sub-type (repeatable: any of)")
        ] = None,
        sub_type: Annotated[list[str] | None, Query(description="ACLED sub-event type (repeatable)")] = None,
        tag: Annotated[list[str] | None, Query(description="border-security tag (repeatable: any of)")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="actor id or part of its name")] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")] = None,
        border: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description="e.g. DZA-TUN")] = None,
        border_km: Annotated[float | None, Query(ge=0, description="at most this far from the border")] = None,
        zone: Annotated[int | None, Query(ge=1, description="inside this watch zone")] = None,
        place: Annotated[str | None, Query(max_length=32, description="GeoNames id of the place")] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        q: Annotated[
            str | None, Query(min_length=1, max_length=200, description="words in place, actors, evidence")
        ] = None,
        marking: Annotated[list[str] | None, Query(description="TLP marking (repeatable: any of)")] = None,
    ) -> None:
        self.values = {
            "bbox": parse_bbox(bbox),
            "since": since,
            "until": until,
            "event_types": tuple(type or ()),
            "sub_event_types": tuple(sub_type or ()),
            "tags": tuple(tag or ()),
            "actor": actor,
            "country": country,
            "border": border,
            "max_border_km": border_km,
            "zone_id": zone,
            "place": place,
            "min_confidence": min_confidence,
            "text": q,
            "markings": _markings(marking or []),
        }

    def query(self, **more: object) -> EventQuery:
        query: EventQuery = validated(EventQuery, **self.values, **more)
        return query
