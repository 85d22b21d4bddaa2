"""Read-side filters: what a caller may ask for when listing reports, events, actors, places and alerts.

Every read of the CLI and the API goes through one of these objects, so that access control
(issue 7) is added here, in one place, for every command, endpoint and export.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from ..model import Marking

__all__ = ["EVENT_SORTS", "ActorQuery", "AlertQuery", "EventFilter", "EventQuery", "PlaceQuery", "ReportQuery"]

_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
EVENT_SORTS = ("-date", "date", "-confidence", "confidence", "-fatalities", "fatalities", "-updated", "updated")


class _Query(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    limit: int = Field(default=100, ge=1, le=100_000)
    offset: int = Field(default=0, ge=0)


class ReportQuery(_Query):
    since: datetime | None = Field(default=None, description="published (or ingested, when unknown) on or after")
    until: datetime | None = Field(default=None, description="published (or ingested) before")
    country: str | None = Field(default=None, description="alpha-2: reports with an event in this country")
    kind: str | None = Field(default=None, description="text, html, feed-entry or field")


class EventFilter(BaseModel):
    """Which events. Every list, page, count, map, timeline and export of events goes through
    `event_conditions` (store/_event_filter.py), the one place where these become SQL and where a
    reader's access rule joins them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    since: date | None = None
    until: date | None = Field(default=None, description="inclusive")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    event_type: str | None = Field(default=None, description="ACLED event type or sub-event type")
    border: str | None = Field(default=None, description="alpha-3 pair, e.g. DZA-TUN")
    max_border_km: float | None = None
    # The API's and the dashboard's filters.
    event_types: tuple[str, ...] = Field(default=(), description="any of these ACLED event types or sub-types")
    sub_event_types: tuple[str, ...] = Field(default=(), description="any of these ACLED sub-event types")
    tags: tuple[str, ...] = Field(default=(), description="events with any of these border-security tags")
    actor: str | None = Field(
        default=None, description="actor id, or part of the name of actor 1, actor 2 or an associated actor"
    )
    place: str | None = Field(default=None, description="GeoNames id of the event's place")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="west, south, east, north in degrees (west > east crosses the antimeridian)"
    )
    zone_id: int | None = Field(default=None, description="events inside this watch zone")
    min_confidence: float | None = Field(default=None, ge=0, le=1)
    text: str | None = Field(default=None, min_length=1, max_length=200, description="words in place, actors, evidence")
    markings: tuple[Marking, ...] = Field(default=(), description="events whose marking is one of these")

    @field_validator("bbox")
    @classmethod
    def _check_bbox(cls, value: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
        if value is None:
            return None
        west, south, east, north = value
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise ValueError(
                "expected west,south,east,north with longitudes in -180..180 and -90 ≤ south ≤ north ≤ 90 "
                "(west > east crosses the antimeridian)"
            )
        return value

    @field_validator("country")
    @classmethod
    def _check_country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not _ALPHA2.fullmatch(code) or (not code.startswith("X") and pycountry.countries.get(alpha_2=code) is None):
            raise ValueError(f"{value!r}: expected an ISO 3166-1 alpha-2 country code, e.g. DZ")
        return code

    @field_validator("border")
    @classmethod
    def _check_border(cls, value: str | None) -> str | None:
        """A border is stored as its two alpha-3 codes in alphabetical order; "tun-dza" asks for DZA-TUN."""
        if value is None:
            return None
        codes = value.strip().upper().split("-")
        if len(codes) != 2 or not all(_ALPHA3.fullmatch(code) for code in codes) or codes[0] == codes[1]:
            raise ValueError(f"{value!r}: expected two ISO 3166-1 alpha-3 codes, e.g. DZA-TUN")
        for code in codes:
            # X.. codes are ISO's user-assigned range (Kosovo's XKX in Natural Earth); the rest must exist.
            if not code.startswith("X") and pycountry.countries.get(alpha_3=code) is None:
                raise ValueError(f"{value!r}: {code} is not an ISO 3166-1 alpha-3 country code")
        return "-".join(sorted(codes))

    @field_validator("max_border_km")
    @classmethod
    def _check_km(cls, value: float | None) -> float | None:
        if value is not None and not 0 <= value <= 20_000:
            raise ValueError(f"{value}: expected a distance in km between 0 and 20000")
        return value

    @field_validator("until")
    @classmethod
    def _check_range(cls, value: date | None, info: ValidationInfo) -> date | None:
        since = info.data.get("since")
        if value is not None and since is not None and since > value:
            raise ValueError(f"{value} is before since ({since})")
        return value


class EventQuery(EventFilter, _Query):
    """Events as a page: a filter, an order and where the page starts."""

    sort: Literal["-date", "date", "-confidence", "confidence", "-fatalities", "fatalities", "-updated", "updated"] = (
        "-date"
    )
    cursor: str | None = Field(default=None, description="from the previous page's next_cursor")


class ActorQuery(_Query):
    text: str | None = Field(default=None, max_length=200, description="part of the actor's name")
    type: int | None = Field(default=None, ge=1, le=8, description="ACLED actor type 1-8")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")


class PlaceQuery(_Query):
    text: str | None = Field(default=None, max_length=200, description="part of the place's name")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")


class AlertQuery(_Query):
    zone_id: int | None = None
    acknowledged: bool | None = Field(default=None, description="true: only acknowledged; false: only open")
    kind: Literal["event", "spike"] | None = None
    before_id: int | None = Field(default=None, ge=1, description="cursor: alerts older than this id")
