"""The `Store` methods of fusion and provenance (mixed into `Store`): each one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select, update

from ..errors import InputError, NotFoundError
from ..fuse import Fuser
from ..model import Actor
from . import _zones
from ._exchange import now_utc
from ._fusion_analyst import merge_events, refuse_all, split_event
from ._fusion_bulk import bulk_insert
from ._fusion_events import EventRefresher
from ._fusion_index import FeatureCache
from ._schema import event_fusion, event_mentions, events, reports, sources

__all__ = ["FusionStoreMixin"]

_GRADES = "ABCDEF"


class FusionStoreMixin:
    _engine: Engine
    _fuser: Fuser | None
    _zone_cache: _zones.ZoneCache
    _fusion_cache: FeatureCache

    @property
    def fuser(self) -> Fuser:
        """The fusion stage this store fuses with (the packaged configuration unless one was given)."""
        if self._fuser is None:
            self._fuser = Fuser()
        return self._fuser

    # -- sources -------------------------------------------------------------------------------

    def set_source_reliability(self, name: str, grade: str | None) -> int:
        """Set a source's Admiralty reliability (A-F, or None for unknown); returns the events re-scored."""
        if grade is not None and (len(grade) != 1 or grade.upper() not in _GRADES):
            raise InputError(f"reliability {grade!r}: expected one letter A (reliable) to F (cannot be judged)")
        now = now_utc()
        with self._engine.begin() as connection:
            source_id = connection.execute(select(sources.c.id).where(sources.c.name == name)).scalar()
            if source_id is None:
                raise NotFoundError(f"no source {name!r}")
            connection.execute(
                update(sources).where(sources.c.id == source_id).values(reliability=grade.upper() if grade else None)
            )
            report_ids = list(
                connection.execute(select(reports.c.id).where(reports.c.source_id == source_id)).scalars()
            )
            touched = _events_of_reports(connection, report_ids)
            EventRefresher(connection, self.fuser, now).refresh_many(touched)
            self._changed(connection, touched, now)
        return len(touched)

    # -- analysts ------------------------------------------------------------------------------

    def split_event(self, event_id: str, moved: Sequence[str], by: str = "analyst") -> str:
        """Move mentions (by key, or all mentions of the given reports) into a new event; returns its id."""
        now = now_utc()
        with self._engine.begin() as connection:
            new_id = split_event(connection, self.fuser, event_id, moved, by, now)
            self._changed(connection, [event_id, new_id], now)
            return new_id

    def merge_events(self, target: str, others: Sequence[str], by: str = "analyst") -> None:
        """Move every mention of `others` into `target`; the others disappear."""
        now = now_utc()
        with self._engine.begin() as connection:
            merge_events(connection, self.fuser, target, others, by, now)
            self._changed(connection, [target, *others], now)

    def refuse(self) -> dict[str, int]:
        """Run fusion again over every stored extraction (after new thresholds), keeping analysts' decisions."""
        now = now_utc()
        self._fusion_cache.clear()
        with self._engine.begin() as connection:
            before = set(connection.execute(select(events.c.id)).scalars())
            summary = refuse_all(connection, self.fuser, now)
            after = set(connection.execute(select(events.c.id)).scalars())
            self._changed(connection, before | after, now)
        self._fusion_cache.clear()
        return summary

    def _changed(self, connection: Any, event_ids: Iterable[str], now: datetime) -> None:
        """Events changed outside `add_reports` (deleted, re-derived, split, merged): zones, alerts and the live
        stream see them in the same transaction (what `Store.events_changed` does in its own)."""
        ids = sorted(set(event_ids))
        if ids:
            _zones.watch_events(connection, ids, self._zone_cache, now)

    def import_events(self, rows: Iterable[dict[str, Any]], chunk: int = 10_000) -> int:
        """Write fused events from elsewhere (a benchmark's generated data, a bulk load) as given, without
        mentions: each row has the `events` columns (actor names as `actor1`/`actor2`, with `actor1_type`/
        `actor2_type`) and optionally `source_names` and `notes`. Returns how many were written."""
        now = now_utc()
        count = 0
        batch: list[dict[str, Any]] = []
        with self._engine.begin() as connection:
            refresher = EventRefresher(connection, self.fuser, now)
            for row in rows:
                batch.append(row)
                if len(batch) >= chunk:
                    count += _import_batch(connection, refresher, batch, now)
                    batch = []
            count += _import_batch(connection, refresher, batch, now)
        return count

    def report_event_lists(self) -> dict[str, list[str]]:
        """Each report's events, in the order its text states them (for evaluation and summaries)."""
        found: dict[str, list[str]] = {}
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(event_mentions.c.report_id, event_mentions.c.event_id).order_by(
                    event_mentions.c.report_id, event_mentions.c.start, event_mentions.c.id
                )
            )
            for report_id, event_id in rows:
                found.setdefault(report_id, []).append(event_id)
        return found


def _import_batch(connection: Any, refresher: EventRefresher, batch: list[dict[str, Any]], now: datetime) -> int:
    if not batch:
        return 0
    columns = [c.name for c in events.columns]
    event_rows, summaries = [], []
    for row in batch:
        values = {name: row.get(name) for name in columns}
        for side in ("actor1", "actor2"):
            name = row.get(side)
            actor = Actor(name=name, type=row.get(f"{side}_type")) if name else None
            values[f"{side}_id"] = refresher.actor_id(actor)
        values["tags"] = values["tags"] or []
        values["access_class"] = None  # no mention: seen by no reader but the all-seeing one
        values["created_at"] = values["created_at"] or now
        values["updated_at"] = values["updated_at"] or now
        event_rows.append(values)
        summaries.append(
            {
                "event_id": row["id"],
                "provenance": {},
                "assoc_actors": row.get("assoc_actors", []),
                "notes": row.get("notes", ""),
                "source_names": row.get("source_names", ""),
                "reports": row.get("reports", 0),
                "independent_sources": row.get("independent_sources", 0),
                "source_groups": [],
                "reliability": row.get("reliability"),
            }
        )
    bulk_insert(connection, events, event_rows)
    bulk_insert(connection, event_fusion, summaries)
    return len(batch)


def _events_of_reports(connection: Any, report_ids: list[str]) -> list[str]:
    if not report_ids:
        return []
    rows = connection.execute(
        select(event_mentions.c.event_id).where(event_mentions.c.report_id.in_(report_ids)).distinct()
    )
    return sorted(rows.scalars())
