"""Many new reports in a few statements: the write path of `_write.py`, one `executemany` per table.

Used for what peers send (a first sync brings tens of thousands of reports). The rows are the same as
`write_report` writes, report by report; `tests/share/test_bulk.py` compares both on the same input, so
that a change to one that is not made to the other fails there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from ..model import Actor, Report
from ._access import AccessClass, class_id_for
from ._exchange import Provenance, next_instants, stix_report_id
from ._schema import (
    actors,
    event_mentions,
    events,
    exchange_index,
    extractions,
    places,
    report_access,
    report_bands,
    report_links,
    reports,
    sources,
)
from ._write import NewReport, insert_ignoring_conflicts

__all__ = ["write_new_reports"]

_IN = 500


def write_new_reports(connection: Connection, items: Sequence[NewReport]) -> list[bool]:
    """Store reports not stored yet, in bulk; for each item, whether it was stored (False: same content there)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    stored = _fresh(connection, items)
    todo = [i for i, new in zip(items, stored, strict=True) if new]
    if not todo:
        return stored
    source_ids = _source_ids(connection, [i.report for i in todo])
    connection.execute(reports.insert(), [_report_row(i, source_ids, now) for i in todo])
    bands = [{"key": k, "report_id": i.report.id} for i in todo for k in i.band_keys]
    if bands:
        connection.execute(report_bands.insert(), bands)
    links = [
        {"report_id": i.report.id, "other_id": o, "kind": "near_duplicate", "similarity": s}
        for i in todo
        for o, s in i.near_duplicates
    ]
    if links:
        connection.execute(
            insert_ignoring_conflicts(connection, report_links, ["report_id", "other_id", "kind"]), links
        )
    _write_extractions(connection, [i for i in todo if i.extraction is not None], now)
    _write_sharing(connection, todo)
    return stored


def _fresh(connection: Connection, items: Sequence[NewReport]) -> list[bool]:
    """Items whose content and id are stored neither before nor earlier in the batch."""
    hashes = {i.report.content_hash for i in items}
    ids = {i.report.id for i in items}
    known_hashes: set[str] = set()
    known_ids: set[str] = set()
    for chunk in _chunks(sorted(hashes)):
        known_hashes.update(
            connection.execute(select(reports.c.content_hash).where(reports.c.content_hash.in_(chunk))).scalars()
        )
    for chunk in _chunks(sorted(ids)):
        known_ids.update(connection.execute(select(reports.c.id).where(reports.c.id.in_(chunk))).scalars())
    fresh: list[bool] = []
    for item in items:
        new = item.report.content_hash not in known_hashes and item.report.id not in known_ids
        known_hashes.add(item.report.content_hash)
        known_ids.add(item.report.id)
        fresh.append(new)
    return fresh


def _source_ids(connection: Connection, batch: Iterable[Report]) -> dict[str, int]:
    wanted = {r.source.name: r.source for r in batch if r.source is not None}
    if not wanted:
        return {}
    rows = [{"name": s.name, "url": s.url, "reliability": s.reliability} for s in wanted.values()]
    connection.execute(insert_ignoring_conflicts(connection, sources, ["name"]), rows)
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(wanted)):
        for name, source_id in connection.execute(
            select(sources.c.name, sources.c.id).where(sources.c.name.in_(chunk))
        ):
            found[name] = source_id
    return found


def _report_row(item: NewReport, source_ids: dict[str, int], now: datetime) -> dict[str, Any]:
    report = item.report
    published = report.published
    if published is not None and published.tzinfo is not None:
        published = published.astimezone(UTC).replace(tzinfo=None)
    return {
        "id": report.id,
        "content_hash": report.content_hash,
        "kind": report.kind.value,
        "title": report.title,
        "text": report.text,
        "raw": report.raw,
        "source_id": source_ids.get(report.source.name) if report.source else None,
        "url": report.url,
        "origin": report.origin,
        "published": published,
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


def _write_extractions(connection: Connection, todo: Sequence[NewReport], now: datetime) -> None:
    if not todo:
        return
    dumps = {i.report.id: i.extraction.model_dump(mode="json") for i in todo}  # type: ignore[union-attr]
    connection.execute(
        extractions.insert(), [{"report_id": rid, "extracted_at": now, "result": dump} for rid, dump in dumps.items()]
    )
    place_rows: dict[str, dict[str, Any]] = {}
    for item in todo:
        for place in item.extraction.places:  # type: ignore[union-attr]
            if place.geonameid is not None and place.name:
                row = {k: getattr(place, k) for k in ("name", "lat", "lon", "country", "admin1", "feature_code")}
                place_rows.setdefault(str(place.geonameid), {"geonameid": str(place.geonameid), **row})
    if place_rows:
        connection.execute(insert_ignoring_conflicts(connection, places, ["geonameid"]), list(place_rows.values()))
    # Each mention as JSON is the extraction's own dump of it: serialised once.
    mentions = [
        (i.report.id, m, dumps[i.report.id]["events"][k]) for i in todo for k, m in enumerate(i.extraction.events)
    ]  # type: ignore[union-attr]
    if not mentions:
        return
    actor_ids = _actor_ids(connection, [a for _, m, _ in mentions for a in (m.actor1, m.actor2) if a is not None])
    event_rows, mention_rows = [], []
    for report_id, mention, dumped in mentions:
        event_id = f"{report_id[:16]}-{mention.id}"
        location = mention.location
        event_rows.append(
            {
                "id": event_id,
                "event_type": mention.event_type.value,
                "sub_event_type": mention.sub_event_type,
                "tags": mention.tags,
                "date": mention.date,
                "time_precision": mention.time_precision,
                "actor1_id": actor_ids[mention.actor1.name] if mention.actor1 else None,
                "actor2_id": actor_ids[mention.actor2.name] if mention.actor2 else None,
                "location_name": location.name if location else None,
                "geonameid": str(location.geonameid) if location and location.geonameid is not None else None,
                "lat": location.lat if location else None,
                "lon": location.lon if location else None,
                "country": location.country if location else None,
                "admin1": location.admin1 if location else None,
                "geo_precision": location.geo_precision if location else None,
                "border": location.border if location else None,
                "border_km": location.border_km if location else None,
                "fatalities": mention.fatalities,
                "confidence": mention.confidence,
                "created_at": now,
                "updated_at": now,
            }
        )
        mention_rows.append(
            {
                "id": event_id,
                "event_id": event_id,
                "report_id": report_id,
                "sentence": mention.evidence.sentence,
                "start": mention.evidence.start,
                "end": mention.evidence.end,
                "mention": dumped,
            }
        )
    connection.execute(insert_ignoring_conflicts(connection, events, ["id"]), event_rows)
    connection.execute(event_mentions.insert(), mention_rows)


def _actor_ids(connection: Connection, found: Iterable[Actor]) -> dict[str, int]:
    first: dict[str, Actor] = {}
    for actor in found:
        first.setdefault(actor.name, actor)
    if not first:
        return {}
    rows = [{"name": a.name, "type": int(a.type) if a.type else None, "country": a.country} for a in first.values()]
    connection.execute(insert_ignoring_conflicts(connection, actors, ["name"]), rows)
    ids: dict[str, int] = {}
    for chunk in _chunks(sorted(first)):
        for name, actor_id in connection.execute(select(actors.c.name, actors.c.id).where(actors.c.name.in_(chunk))):
            ids[name] = actor_id
    return ids


def _write_sharing(connection: Connection, todo: Sequence[NewReport]) -> None:
    """Access classes and exchange index rows, as `record_report_access` and `record_exchange` write them."""
    class_ids: dict[str, int] = {}
    access_rows = []
    for item in todo:
        provenance = item.provenance or Provenance()
        access = AccessClass(
            agency=item.report.agency,
            marking=item.report.marking,
            groups=tuple(item.report.sharing_groups),
            post_id=item.report.post_id,
            recipients=tuple(provenance.recipients),
            foreign=provenance.foreign,
        )
        key = access.key
        if key not in class_ids:
            class_ids[key] = class_id_for(connection, access)
        access_rows.append({"report_id": item.report.id, "class_id": class_ids[key]})
    connection.execute(report_access.insert(), access_rows)
    ids = [i.report.id for i in todo]
    tombstones: set[str] = set()
    for chunk in _chunks(ids):
        tombstones.update(
            connection.execute(
                select(exchange_index.c.report_id).where(exchange_index.c.report_id.in_(chunk))
            ).scalars()
        )
    for chunk in _chunks(sorted(tombstones)):  # withdrawn reports that come back
        connection.execute(exchange_index.delete().where(exchange_index.c.report_id.in_(chunk)))
    instants = next_instants(connection, len(todo))
    rows = []
    for item, added in zip(todo, instants, strict=True):
        provenance = item.provenance or Provenance()
        rows.append(
            {
                "report_id": item.report.id,
                "stix_id": stix_report_id(item.report.id),
                "created": provenance.created or added,
                "modified": provenance.modified or added,
                "date_added": added,
                "withdrawn": False,
                "origin_peer": provenance.peer,
                "origin_installation": provenance.installation,
            }
        )
    connection.execute(exchange_index.insert(), rows)


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), _IN):
        yield values[i : i + _IN]
