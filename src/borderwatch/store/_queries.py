"""Read-side filters: what a caller may ask for when listing reports and events."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["EventFilter", "EventQuery", "ReportQuery"]


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
    """Which events: every list, count and export of events goes through `event_conditions` (in the store),
    the one place where these become SQL (and where a reader's access rule joins them)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    since: date | None = None
    until: date | None = Field(default=None, description="inclusive")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    event_type: str | None = Field(default=None, description="ACLED event type or sub-event type")
    border: str | None = Field(default=None, description="alpha-3 pair, e.g. DZA-TUN")
    max_border_km: float | None = None
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="west, south, east, north in degrees (west > east crosses the antimeridian)"
    )
    actor: str | None = Field(default=None, description="part of the name of actor 1, actor 2 or an associated actor")

    @field_validator("bbox")
    @classmethod
    def _valid_bbox(cls, value: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
        if value is None:
            return None
        west, south, east, north = value
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise ValueError("expected west,south,east,north with -180..180 longitudes and south <= north")
        return value


class EventQuery(EventFilter, _Query):
    """Events as a page: a filter with a limit and an offset."""
