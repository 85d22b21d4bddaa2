"""Read-side filters: what a caller may ask for when listing reports and events."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["EventQuery", "ReportQuery"]


class _Query(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    limit: int = Field(default=100, ge=1, le=100_000)
    offset: int = Field(default=0, ge=0)


class ReportQuery(_Query):
    since: datetime | None = Field(default=None, description="published (or ingested, when unknown) on or after")
    until: datetime | None = Field(default=None, description="published (or ingested) before")
    country: str | None = Field(default=None, description="alpha-2: reports with an event in this country")
    kind: str | None = Field(default=None, description="text, html, feed-entry or field")


class EventQuery(_Query):
    since: date | None = None
    until: date | None = Field(default=None, description="inclusive")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    event_type: str | None = Field(default=None, description="ACLED event type or sub-event type")
    border: str | None = Field(default=None, description="alpha-3 pair, e.g. DZA-TUN")
    max_border_km: float | None = None
