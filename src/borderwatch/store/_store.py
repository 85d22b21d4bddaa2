"""`Store`: the one owner of the database. No other module writes SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import aliased

from ..errors import NotFoundError
from ..fuse import Fuser
from ..settings import Settings
from ._engine import open_engine
from ._event_filter import event_conditions
from ._fusion import FusionSession
from ._fusion_index import FeatureCache
from ._fusion_store import FusionStoreMixin
from ._queries import EventQuery, ReportQuery
from ._schema import actors, event_mentions, events, extractions, report_bands, report_links, reports, sources
from ._screen import ScreenMixin
from ._write import NewReport, write_batch
from ._zones import ZoneCache

__all__ = ["Store"]

_IN_CHUNK = 500  # bound on bound parameters per IN (...) query


class Store(ScreenMixin, FusionStoreMixin):
    """Reports, events and their evidence in SQLite (default) or another SQLAlchemy engine.

    Event mentions are fused into events as reports are stored, by `fuser` (default: the packaged one).
    """

    def __init__(self, url: str, fuser: Fuser | None = None) -> None:
        self.url = url
        self._engine: Engine = open_engine(url)
        self._source_ids: dict[str, int] = {}
        self._zone_cache = ZoneCache()
        self._fuser = fuser
        self._fusion_cache = FeatureCache()

    @classmethod
    def open(cls, settings: Settings) -> Store:
        return cls(settings.db_url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writes -------------------------------------------------------------------------------

    def add_reports(self, items: Sequence[NewReport]) -> list[bool]:
        """Store a batch in one transaction; for each item, whether it was new (False: same content stored)."""
        try:
            with self._engine.begin() as connection:
                now = datetime.now(UTC).replace(tzinfo=None)
                fusion = FusionSession(connection, self.fuser, now, cache=self._fusion_cache)
                stored = write_batch(connection, items, self._source_ids, fusion)
                fusion.flush()
                # Zones and the live stream see the events of this batch in the same transaction.
                self._watch_reports(connection, [i.report.id for i, new in zip(items, stored, strict=True) if new])
                return stored
        except BaseException:
            self._source_ids.clear()  # ids cached inside a rolled-back transaction may not exist
            raise

    # -- lookups for ingest -------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        found: set[str] = set()
        with self._engine.connect() as connection:
            for chunk in _chunks(list(hashes)):
                rows = connection.execute(select(reports.c.content_hash).where(reports.c.content_hash.in_(chunk)))
                found.update(rows.scalars())
        return found

    def band_candidates(self, keys: Iterable[int], max_per_key: int = 50) -> dict[int, dict[str, bytes]]:
        """For each MinHash band key, the reports that share it and their signatures.

        A key shared by more than `max_per_key` reports is boilerplate (a template, a stock
        phrase) and is left out, so that the cost per report does not grow with the store.
        """
        members: dict[int, list[str]] = {}
        with self._engine.connect() as connection:
            for chunk in _chunks(list(set(keys))):
                rows = connection.execute(
                    select(report_bands.c.key, report_bands.c.report_id).where(report_bands.c.key.in_(chunk))
                )
                for key, report_id in rows:
                    members.setdefault(key, []).append(report_id)
            members = {k: ids for k, ids in members.items() if len(ids) <= max_per_key}
            wanted = list({rid for ids in members.values() for rid in ids})
            signatures: dict[str, bytes] = {}
            for chunk in _chunks(wanted):
                rows = connection.execute(select(reports.c.id, reports.c.minhash).where(reports.c.id.in_(chunk)))
                signatures.update({rid: sig for rid, sig in rows if sig is not None})
        return {k: {rid: signatures[rid] for rid in ids if rid in signatures} for k, ids in members.items()}

    # -- reads --------------------------------------------------------------------------------

    def count(self, what: str) -> int:
        table = {"reports": reports, "events": events, "event_mentions": event_mentions}[what]
        with self._engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    def get_report(self, report_id: str) -> dict[str, Any]:
        with self._engine.connect() as connection:
            row = connection.execute(
                select(reports, sources.c.name.label("source"))
                .outerjoin(sources, sources.c.id == reports.c.source_id)
                .where(reports.c.id == report_id)
            ).first()
            if row is None:
                raise NotFoundError(f"no report {report_id!r}")
            result = dict(row._mapping)
            links = connection.execute(
                select(report_links.c.other_id, report_links.c.similarity).where(report_links.c.report_id == report_id)
            )
            result["near_duplicates"] = [{"report_id": o, "similarity": s} for o, s in links]
            extraction = connection.execute(
                select(extractions.c.result).where(extractions.c.report_id == report_id)
            ).scalar()
            result["extraction"] = extraction
        return result

    def list_reports(self, query: ReportQuery) -> list[dict[str, Any]]:
        when = func.coalesce(reports.c.published, reports.c.ingested_at)
        stmt = (
            select(
                reports.c.id,
                reports.c.kind,
                reports.c.title,
                reports.c.published,
                reports.c.ingested_at,
                sources.c.name.label("source"),
                reports.c.agency,
                reports.c.marking,
                reports.c.origin,
                select(func.count())
                .select_from(event_mentions)
                .where(event_mentions.c.report_id == reports.c.id)
                .scalar_subquery()
                .label("events"),
            )
            .outerjoin(sources, sources.c.id == reports.c.source_id)
            .order_by(when.desc(), reports.c.id)
            .limit(query.limit)
            .offset(query.offset)
        )
        if query.since:
            stmt = stmt.where(when >= query.since)
        if query.until:
            stmt = stmt.where(when < query.until)
        if query.kind:
            stmt = stmt.where(reports.c.kind == query.kind)
        if query.country:
            in_country = (
                select(event_mentions.c.report_id)
                .join(events, events.c.id == event_mentions.c.event_id)
                .where(events.c.country == query.country.upper())
            )
            stmt = stmt.where(reports.c.id.in_(in_country))
        with self._engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(stmt)]

    def list_events(self, query: EventQuery) -> list[dict[str, Any]]:
        actor1, actor2 = aliased(actors), aliased(actors)
        stmt = (
            select(
                events,
                actor1.c.name.label("actor1"),
                actor2.c.name.label("actor2"),
                select(func.count(func.distinct(event_mentions.c.report_id)))
                .where(event_mentions.c.event_id == events.c.id)
                .scalar_subquery()
                .label("sources"),
            )
            .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
            .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
            .order_by(events.c.date.desc().nulls_last(), events.c.id)
            .limit(query.limit)
            .offset(query.offset)
        )
        stmt = stmt.where(*event_conditions(query, self._engine.dialect.name))
        with self._engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(stmt)]


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]
