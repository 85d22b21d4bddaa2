"""Keeping fused events true to their mentions: re-deriving fields and corroboration, removing mentions.

Every change to an event's mentions (a new mention, a deleted or re-extracted report, an analyst's
split or merge, a source's new reliability) ends in `EventRefresher.refresh`, which derives the
event's fields from what is stored by the `Fuser`'s rules, or deletes the event when no mention is
left. Statements are built once (module level) because this runs for every mention stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select

from ..fuse import Corroboration, FusedFields, Fuser, ReportSource, SourcedMention
from ..model import Actor, EventMention
from ._access import event_access_class
from ._access_triggers import GUARDED_DIALECTS
from ._fusion_bulk import bulk_insert, bulk_update
from ._fusion_index import FeatureCache
from ._partial_views import store_views
from ._schema import (
    actors,
    event_fusion,
    event_mentions,
    events,
    fusion_decisions,
    fusion_mentions,
    report_access,
    report_links,
    reports,
    sources,
)

__all__ = ["DEFAULT_AGENCY", "EventRefresher", "ReportInfo", "independence_key"]

DEFAULT_AGENCY = "local"  # reports ingested for no agency in particular: their outlet is the source

_CHUNK = 500
_READ_MENTIONS = (
    select(event_mentions.c.event_id, event_mentions.c.id, event_mentions.c.report_id, event_mentions.c.mention)
    .join(fusion_mentions, fusion_mentions.c.key == event_mentions.c.id)
    .where(event_mentions.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(fusion_mentions.c.seq)
)
# With a cache of parsed mentions: which mentions the events have (and their `seq`), then the misses' JSON.
_LIST_MENTIONS = (
    select(fusion_mentions.c.event_id, fusion_mentions.c.key, fusion_mentions.c.report_id, fusion_mentions.c.seq)
    .where(fusion_mentions.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(fusion_mentions.c.seq)
)
_MENTION_JSON = select(event_mentions.c.id, event_mentions.c.mention).where(
    event_mentions.c.id.in_(bindparam("ids", expanding=True))
)
_REPORT_INFO = (
    select(reports.c.id, reports.c.agency, sources.c.name, sources.c.reliability)
    .outerjoin(sources, sources.c.id == reports.c.source_id)
    .where(reports.c.id.in_(bindparam("ids", expanding=True)))
)
_LINKS_FROM = select(report_links.c.report_id, report_links.c.other_id).where(
    report_links.c.report_id.in_(bindparam("ids", expanding=True))
)
_ACTOR_ID = select(actors.c.id).where(actors.c.name == bindparam("name"))
_ACTOR_IDS = select(actors.c.name, actors.c.id).where(actors.c.name.in_(bindparam("names", expanding=True)))
_CLASSES = select(report_access.c.report_id, report_access.c.class_id).where(
    report_access.c.report_id.in_(bindparam("ids", expanding=True))
)


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """What corroboration needs to know about a report."""

    independence_key: str
    reliability: str | None
    source_name: str | None


def independence_key(report_id: str, agency: str | None, source_name: str | None) -> str:
    """Reports with one key are one source: their agency, or their outlet when filed for no agency."""
    if agency and agency != DEFAULT_AGENCY:
        return f"agency:{agency}"
    if source_name:
        return f"source:{source_name}"
    return f"report:{report_id}"


class EventRefresher:
    """Re-derives events inside one transaction, caching actor ids and report facts as it goes."""

    def __init__(self, connection: Connection, fuser: Fuser, now: datetime, cache: FeatureCache | None = None) -> None:
        self.connection = connection
        self.fuser = fuser
        self.now = now
        self.cache = cache  # parsed mentions of recent batches: an event's mentions are read without parsing
        self._actor_ids: dict[str, int] = {}
        self._reports: dict[str, ReportInfo] = {}

    def refresh(self, event_id: str) -> bool:
        """Derive one event's fields and confidence from its stored mentions; False when it had none (deleted)."""
        return event_id in self.refresh_many([event_id])

    def refresh_many(
        self,
        event_ids: Sequence[str],
        pending: Mapping[str, list[SourcedMention]] | None = None,
        new: Set[str] = frozenset(),
    ) -> set[str]:
        """Re-derive events from their stored mentions, deleting those left without; returns those that remain.

        `pending`: mentions of these events not written yet (a batch being stored); `new`: events not in
        the store yet, inserted whole from their pending mentions instead of read back and updated."""
        stored = self._read_mentions([e for e in event_ids if e not in new])
        for event_id, mentions in (pending or {}).items():
            stored.setdefault(event_id, []).extend(mentions)
        gone = [e for e in event_ids if e not in stored]
        for start in range(0, len(gone), _CHUNK):
            chunk = gone[start : start + _CHUNK]
            self.connection.execute(delete(fusion_decisions).where(fusion_decisions.c.event_id.in_(chunk)))
            self.connection.execute(delete(events).where(events.c.id.in_(chunk)))
        reports = {m.report_id for mentions in stored.values() for m in mentions}
        self._know_reports(reports)
        links = self._links_among(reports)
        classes = self._classes_of(reports)
        derived = {event_id: self.fuser.derive(mentions) for event_id, mentions in stored.items()}
        self._know_actors([a for f in derived.values() for a in (f.actor1, f.actor2) if a is not None])
        inserts, summaries, updates, summary_updates = [], [], [], []
        for event_id, mentions in stored.items():
            fields = derived[event_id]
            corroboration, names = self._corroboration(mentions, links)
            values = self._event_values(fields, corroboration.confidence)
            # Who may see the event, from the same mentions as its fields (read now: never cached, a
            # report's class may have changed since this refresher last looked).
            values["access_class"] = event_access_class(classes.get(m.report_id) for m in mentions) if classes else None
            summary = _summary(fields, corroboration, names)
            if event_id in new:
                inserts.append({"id": event_id, "created_at": self.now, **values})
                summaries.append({"event_id": event_id, **summary})
            else:
                updates.append({"id": event_id, **values})
                summary_updates.append({"event_id": event_id, **summary})
        bulk_insert(self.connection, events, inserts)
        bulk_insert(self.connection, event_fusion, summaries)
        for group in _changes(self.connection, updates):
            bulk_update(self.connection, events, "id", group)
        bulk_update(self.connection, event_fusion, "event_id", summary_updates)
        if pending is None:  # with pending mentions, the caller stores the views once it has written them
            store_views(self.connection, sorted(stored))
        return set(stored)

    def _read_mentions(self, event_ids: Sequence[str]) -> dict[str, list[SourcedMention]]:
        if self.cache is not None:
            return self._read_mentions_cached(event_ids, self.cache)
        found: dict[str, list[SourcedMention]] = {}
        for start in range(0, len(event_ids), _CHUNK):
            chunk = list(event_ids[start : start + _CHUNK])
            for event_id, key, report_id, mention in self.connection.execute(_READ_MENTIONS, {"ids": chunk}):
                found.setdefault(event_id, []).append(
                    SourcedMention(key, report_id, EventMention.model_validate(mention))
                )
        return found

    def _read_mentions_cached(self, event_ids: Sequence[str], cache: FeatureCache) -> dict[str, list[SourcedMention]]:
        """`_read_mentions` through the cache: only the mentions it misses are read whole and parsed."""
        listed: list[tuple[str, str, str, int]] = []
        for start in range(0, len(event_ids), _CHUNK):
            chunk = list(event_ids[start : start + _CHUNK])
            listed += [tuple(row) for row in self.connection.execute(_LIST_MENTIONS, {"ids": chunk})]
        parsed = {key: m for _, key, _, seq in listed if (m := cache.mention(key, seq)) is not None}
        missing = [key for _, key, _, _ in listed if key not in parsed]
        for start in range(0, len(missing), _CHUNK):
            rows = self.connection.execute(_MENTION_JSON, {"ids": missing[start : start + _CHUNK]})
            parsed.update((key, EventMention.model_validate(mention)) for key, mention in rows)
        cache.put_mentions((key, seq, parsed[key]) for _, key, _, seq in listed if key in parsed)
        found: dict[str, list[SourcedMention]] = {}
        for event_id, key, report_id, _ in listed:
            if key in parsed:  # a mention without its row in event_mentions is being deleted
                found.setdefault(event_id, []).append(SourcedMention(key, report_id, parsed[key]))
        return found

    def _know_reports(self, report_ids: set[str]) -> None:
        missing = sorted(r for r in report_ids if r not in self._reports)
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            for rid, agency, name, reliability in self.connection.execute(_REPORT_INFO, {"ids": chunk}):
                self._reports[rid] = ReportInfo(independence_key(rid, agency, name), reliability, name)

    def _classes_of(self, report_ids: set[str]) -> dict[str, int]:
        """Each report's access class (none where the database does not guard `events.access_class`)."""
        found: dict[str, int] = {}
        if self.connection.dialect.name not in GUARDED_DIALECTS:
            return found
        ids = sorted(report_ids)
        for start in range(0, len(ids), _CHUNK):
            found.update(self.connection.execute(_CLASSES, {"ids": ids[start : start + _CHUNK]}).all())
        return found

    def _links_among(self, report_ids: set[str]) -> dict[str, list[str]]:
        """Near-duplicate links between the given reports, both ways."""
        ids = sorted(report_ids)
        links: dict[str, list[str]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for a, b in self.connection.execute(_LINKS_FROM, {"ids": chunk}):
                if b in report_ids:
                    links.setdefault(a, []).append(b)
                    links.setdefault(b, []).append(a)
        return links

    def remove_report_mentions(self, report_ids: Iterable[str]) -> set[str]:
        """Take the reports' mentions out of their events and refresh those; returns the events touched."""
        ids = list(report_ids)
        if not ids:
            return set()
        connection = self.connection
        touched = set(
            connection.execute(
                select(event_mentions.c.event_id).where(event_mentions.c.report_id.in_(ids)).distinct()
            ).scalars()
        )
        keys = select(event_mentions.c.id).where(event_mentions.c.report_id.in_(ids))
        connection.execute(delete(fusion_decisions).where(fusion_decisions.c.mention_key.in_(keys)))
        connection.execute(delete(fusion_mentions).where(fusion_mentions.c.key.in_(keys)))
        connection.execute(delete(event_mentions).where(event_mentions.c.report_id.in_(ids)))
        self.refresh_many(sorted(touched))
        return touched

    def _know_actors(self, found: Sequence[Actor]) -> None:
        """Look up the ids of the actors not known yet in one statement per 500 (an event's actors are
        mostly known ones: a statement per event was a tenth of re-deriving); `actor_id` adds the new ones."""
        names = sorted({a.name for a in found if a.name not in self._actor_ids})
        for start in range(0, len(names), _CHUNK):
            rows = self.connection.execute(_ACTOR_IDS, {"names": names[start : start + _CHUNK]})
            self._actor_ids.update((name, int(actor_id)) for name, actor_id in rows)

    def actor_id(self, actor: Actor | None) -> int | None:
        if actor is None:
            return None
        cached = self._actor_ids.get(actor.name)
        if cached is not None:
            return cached
        found = self.connection.execute(_ACTOR_ID, {"name": actor.name}).scalar()
        if found is None:
            row = {"name": actor.name, "type": int(actor.type) if actor.type else None, "country": actor.country}
            found = self.connection.execute(insert(actors), row).inserted_primary_key[0]
        self._actor_ids[actor.name] = int(found)
        return int(found)

    def _event_values(self, fields: FusedFields, confidence: float) -> dict[str, Any]:
        location = fields.location
        values = {
            "event_type": fields.event_type.value,
            "sub_event_type": fields.sub_event_type,
            "tags": fields.tags,
            "date": fields.date,
            "time_precision": fields.time_precision,
            "actor1_id": self.actor_id(fields.actor1),
            "actor2_id": self.actor_id(fields.actor2),
            "location_name": location.name if location else None,
            "geonameid": str(location.geonameid) if location and location.geonameid is not None else None,
            "lat": location.lat if location else None,
            "lon": location.lon if location else None,
            "country": location.country.upper() if location and location.country else None,
            "admin1": location.admin1 if location else None,
            "geo_precision": location.geo_precision if location else None,
            "border": location.border if location else None,
            "border_km": location.border_km if location else None,
            "fatalities": fields.fatalities,
            "confidence": confidence,
            "updated_at": self.now,
        }
        return values

    def _corroboration(
        self, mentions: Sequence[SourcedMention], links: dict[str, list[str]]
    ) -> tuple[Corroboration, list[str]]:
        confidence: dict[str, float] = {}
        for m in mentions:
            confidence[m.report_id] = max(confidence.get(m.report_id, 0.0), m.mention.confidence)
        unknown = ReportInfo("", None, None)
        report_sources = []
        for rid in sorted(confidence):
            info = self._reports.get(rid, unknown)
            key = info.independence_key or f"report:{rid}"
            report_sources.append(ReportSource(rid, key, info.reliability, confidence[rid], info.source_name))
        pairs = [(a, b) for a in confidence for b in links.get(a, ()) if b in confidence]
        names = sorted({s.source_name for s in report_sources if s.source_name})
        return self.fuser.corroborate(report_sources, pairs), names


def _changes(connection: Connection, updates: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The updates of stored events reduced to the columns whose values change (and `updated_at`), grouped by
    the columns they set. A new mention seldom moves its event's date, place, type or actors, and an UPDATE
    that sets an indexed column rewrites that index's entry even to the same value: each of the event
    indexes would be a page written per event and batch (and an unchanged `access_class` need not be
    checked again by its trigger)."""
    stored: dict[str, Any] = {}
    if not updates:
        return []
    ids = [row["id"] for row in updates]
    # Only the columns compared (every update sets the same ones): the whole row's creation time and the like
    # were read and converted for nothing.
    compared = [events.c.id, *(events.c[c] for c in updates[0] if c not in ("id", "updated_at"))]
    for start in range(0, len(ids), _CHUNK):
        statement = select(*compared).where(events.c.id.in_(ids[start : start + _CHUNK]))
        stored.update((row.id, row._mapping) for row in connection.execute(statement))
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in updates:
        before = stored.get(row["id"])
        changed = {
            column: value
            for column, value in row.items()
            if before is None or column in ("id", "updated_at") or before[column] != value
        }
        groups.setdefault(tuple(changed), []).append(changed)
    return list(groups.values())


def _summary(fields: FusedFields, corroboration: Corroboration, names: list[str]) -> dict[str, Any]:
    values = {
        "provenance": fields.provenance,
        "assoc_actors": [a.model_dump(mode="json") for a in fields.assoc_actors],
        "notes": fields.notes,
        "source_names": "; ".join(names),
        "reports": corroboration.reports,
        "independent_sources": corroboration.independent_sources,
        "source_groups": corroboration.groups,
        "reliability": corroboration.reliability,
    }
    return values
