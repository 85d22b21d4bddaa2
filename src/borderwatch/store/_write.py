"""The write path: reports with their near-duplicate bands and links, extractions, events and evidence.

Everything here runs inside the caller's transaction, so a batch is stored whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from ..model import ExtractResult, Report
from ._fusion import FusionSession
from ._schema import (
    extractions,
    places,
    report_bands,
    report_links,
    reports,
    sources,
)

__all__ = ["NewReport", "insert_ignoring_conflicts", "write_report"]


@dataclass
class NewReport:
    """A report to store, with what ingest worked out about it."""

    report: Report
    signature: bytes | None = None
    band_keys: list[int] = field(default_factory=list)
    near_duplicates: list[tuple[str, float]] = field(default_factory=list)
    extraction: ExtractResult | None = None


def insert_ignoring_conflicts(connection: Connection, table: Table, keys: list[str]) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING in the connection's dialect."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=keys)


def write_report(connection: Connection, item: NewReport, source_ids: dict[str, int], fusion: FusionSession) -> bool:
    """Store one report; False when a report with the same content is already there."""
    report = item.report
    now = datetime.now(UTC).replace(tzinfo=None)
    values = {
        "id": report.id,
        "content_hash": report.content_hash,
        "kind": report.kind.value,
        "title": report.title,
        "text": report.text,
        "raw": report.raw,
        "source_id": _source_id(connection, report, source_ids),
        "url": report.url,
        "origin": report.origin,
        "published": _naive_utc(report.published),
        "ingested_at": now,
        "agency": report.agency,
        "marking": report.marking.value,
        "sharing_groups": list(report.sharing_groups),
        "post_id": report.post_id,
        "lat": report.position.lat if report.position else None,
        "lon": report.position.lon if report.position else None,
        "category": report.category,
        "minhash": item.signature,
    }
    inserted = connection.execute(insert_ignoring_conflicts(connection, reports, ["content_hash"]), values)
    if inserted.rowcount == 0:
        return False
    if item.band_keys:
        connection.execute(report_bands.insert(), [{"key": k, "report_id": report.id} for k in item.band_keys])
    for other_id, similarity in item.near_duplicates:
        link = {"report_id": report.id, "other_id": other_id, "kind": "near_duplicate", "similarity": similarity}
        connection.execute(insert_ignoring_conflicts(connection, report_links, ["report_id", "other_id", "kind"]), link)
    if item.extraction is not None:
        write_extraction(connection, report, item.extraction, now, fusion)
    return True


def write_extraction(
    connection: Connection, report: Report, result: ExtractResult, now: datetime, fusion: FusionSession
) -> None:
    """The extraction result as it came, its places, and its event mentions fused into events."""
    connection.execute(
        extractions.insert(),
        {"report_id": report.id, "extracted_at": now, "result": result.model_dump(mode="json")},
    )
    for place in result.places:
        if place.geonameid is not None and place.name:
            row = {k: getattr(place, k) for k in ("name", "lat", "lon", "country", "admin1", "feature_code")}
            row["geonameid"] = str(place.geonameid)
            connection.execute(insert_ignoring_conflicts(connection, places, ["geonameid"]), row)
    fusion.fuse_report(report.id, report.published, result.events, fallback=now, text=report.text)


def _source_id(connection: Connection, report: Report, cache: dict[str, int]) -> int | None:
    if report.source is None:
        return None
    name = report.source.name
    if name not in cache:
        row = {"name": name, "url": report.source.url, "reliability": report.source.reliability}
        connection.execute(insert_ignoring_conflicts(connection, sources, ["name"]), row)
        cache[name] = connection.execute(select(sources.c.id).where(sources.c.name == name)).scalar_one()
    return cache[name]


def _naive_utc(value: datetime | None) -> datetime | None:
    """Stored as naive UTC: SQLite has no time zones."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)
