"""`Store`: the one owner of the database. No other module writes SQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, select

from ..errors import AccessDeniedError, InputError
from ..fuse import Fuser
from ..model import ExtractResult, Marking, Report
from ..settings import Settings
from . import _fusion_access, _report_views, _views
from ._access import AccessClasses, Reader, Role, may_file
from ._accounts import Accounts
from ._audit import AuditLog, current_actor, record
from ._batches import in_chunks
from ._bound import BoundStore
from ._compose import Composer, compose_mentions
from ._engine import open_engine
from ._exchange import ExchangeItem, now_utc
from ._export import stream_events
from ._fusion import FusionSession
from ._fusion_index import FeatureCache
from ._fusion_store import FusionStoreMixin
from ._peers import Exchange
from ._queries import EventFilter, EventQuery, ReportQuery
from ._reextract import ExtractionSelection, extraction_queue, store_extractions
from ._schema import report_bands, reports
from ._screen import ScreenMixin
from ._survivors import put_survivors_aside
from ._write import NewReport, write_batch
from ._zones import ZoneCache

__all__ = ["Store"]


class Store(ScreenMixin, FusionStoreMixin):
    """Reports, events and their evidence in SQLite (default) or another SQLAlchemy engine.

    Event mentions are fused into events as reports are stored, by `fuser` (default: the packaged one);
    how an event is shown to a reader who may see only some of its mentions is `composer`'s business.
    """

    def __init__(self, url: str, fuser: Fuser | None = None, composer: Composer | None = None) -> None:
        self.url = url
        self._engine: Engine = open_engine(url)
        self._source_ids: dict[str, int] = {}
        self._zone_cache = ZoneCache()
        self._fuser = fuser
        # Bounded: a sync of 100,000 events must not keep every mention's features (500 MB) in memory.
        settings = Settings.load()
        self._fusion_cache = FeatureCache(settings.fusion_cache, settings.fusion_index)
        self._classes = AccessClasses()
        self._views = _views.ViewCache()
        # How a partially visible event is composed from its visible mentions (the fusion stage's rules).
        self.composer: Composer = composer or compose_mentions
        self.audit = AuditLog(self._engine)
        self.accounts = Accounts(self._engine)
        self.exchange = Exchange(self._engine, self._classes, self)

    @classmethod
    def open(cls, settings: Settings) -> Store:
        return cls(settings.db_url)

    def as_reader(self, reader: Reader) -> BoundStore:
        """This store as `reader` sees it: every read gets the reader, every write runs as the reader."""
        return BoundStore(self, reader)

    def close(self) -> None:
        self.audit.close()  # the reads' entries still queued are written first
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writes -------------------------------------------------------------------------------

    def add_reports(self, items: Sequence[NewReport], writer: Reader | None = None) -> list[bool]:
        """Store a batch in one transaction; for each item, whether it was new (False: same content stored).

        `writer` (default: the actor of the current context, see `acting_as`) must be allowed to file
        each report; the write is recorded in the audit log in the same transaction.
        """
        writer = writer or current_actor()
        for item in items:
            may_file(writer, item.report)
        try:
            with self._engine.begin() as connection:
                now = now_utc()
                fusion = FusionSession(connection, self.fuser, now, cache=self._fusion_cache)
                stored = write_batch(connection, items, self._source_ids, fusion)
                fusion.flush()
                # Zones and the live stream see the events of this batch in the same transaction.
                self._watch_reports(connection, [i.report.id for i, new in zip(items, stored, strict=True) if new])
                written = [
                    _views.AuditObject("report", i.report.id, i.report.marking, i.report.agency)
                    for i, new in zip(items, stored, strict=True)
                    if new
                ]
                if written:
                    record(connection, writer, "write", f"add {len(written)} report(s)", objects=written)
        except BaseException:
            self._source_ids.clear()  # ids cached inside a rolled-back transaction may not exist
            raise
        put_survivors_aside(len(items))
        return stored

    # -- lookups for ingest -------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        found: set[str] = set()
        with self._engine.connect() as connection:
            for chunk in in_chunks(list(hashes)):
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
            for chunk in in_chunks(list(set(keys))):
                rows = connection.execute(
                    select(report_bands.c.key, report_bands.c.report_id).where(report_bands.c.key.in_(chunk))
                )
                for key, report_id in rows:
                    members.setdefault(key, []).append(report_id)
            members = {k: ids for k, ids in members.items() if len(ids) <= max_per_key}
            wanted = list({rid for ids in members.values() for rid in ids})
            signatures: dict[str, bytes] = {}
            for chunk in in_chunks(wanted):
                rows = connection.execute(select(reports.c.id, reports.c.minhash).where(reports.c.id.in_(chunk)))
                signatures.update({rid: sig for rid, sig in rows if sig is not None})
        return {k: {rid: signatures[rid] for rid in ids if rid in signatures} for k, ids in members.items()}

    # -- reads: every one takes the reader, and sees only what that reader may see ------------------

    def count(self, what: str, reader: Reader) -> int:
        """How many reports, events or event mentions the reader may see."""
        return self._read(reader, _report_views.count, what)

    def get_report(self, report_id: str, reader: Reader) -> dict[str, Any]:
        """A report with its extraction and near-duplicates; NotFoundError if missing or not visible."""
        return self._read(reader, _report_views.get_report, report_id, what=f"get report {report_id}")

    def list_reports(self, query: ReportQuery, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, _report_views.list_reports, query, what="list reports", detail=_detail(query))

    def list_events(self, query: EventQuery, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, _views.list_events, query, what="list events", detail=_detail(query))

    def export_reports(self, query: EventQuery, reader: Reader, chunk: int = 500) -> Iterator[list[ExchangeItem]]:
        """The reports behind the events a query selects (limit and offset ignored), as `reader` sees them.

        Each visible report comes once, with only its mentions of the selected events, in chunks; the
        export is recorded in the audit log as one entry.
        """
        selection: dict[str, set[str]] = {}
        with self._engine.connect() as connection:
            context = _views.ReadContext(connection, reader, self._classes, self.composer, self._views)
            for rows in _views.iter_event_pages(context, query):
                for report_id, ids in _views.mentions_of(context, [r["id"] for r in rows]).items():
                    selection.setdefault(report_id, set()).update(ids)
        if context.audit:
            self.audit.record_soon(reader, "export", "export events", _detail(query), context.audit)
        report_ids = sorted(selection)
        for start in range(0, len(report_ids), chunk):
            wanted = report_ids[start : start + chunk]
            with self._engine.connect() as connection:
                items = self.exchange.items_for(connection, wanted, reader)
            for item in items:
                if item.extraction is not None:
                    keep = selection[item.report_id]
                    item.extraction.events = [m for m in item.extraction.events if m.id in keep]
            yield items

    # -- fusion's reads, as the reader sees them (`_fusion_access`) -----------------------------------------

    def event_provenance(self, event_id: str, *, reader: Reader) -> dict[str, Any]:
        """An event with provenance, sources, sentences and the fusion decisions about it (`events show`)."""
        return self._read(reader, _fusion_access.visible_provenance, event_id, what=f"provenance of {event_id}")

    def stream_events(self, query: EventFilter | None = None, *, reader: Reader) -> Iterator[dict[str, Any]]:
        """Every event the filter selects that the reader may see, in constant memory (for exports)."""
        query = query or EventFilter()
        if not isinstance(reader, Reader):
            raise TypeError("every store read needs a Reader")
        if reader.all_seeing:
            self.audit.record_soon(reader, "export", "export events", _detail(query), [])
            return stream_events(self._engine, query)
        return self._stream_visible(query, reader)

    def _stream_visible(self, query: EventFilter, reader: Reader) -> Iterator[dict[str, Any]]:
        with self._engine.connect() as connection:
            context = _views.ReadContext(connection, reader, self._classes, self.composer, self._views)
            yield from _fusion_access.visible_event_rows(context, query)
        self.audit.record_soon(reader, "export", "export events", _detail(query), context.audit)

    def list_sources(self, *, reader: Reader) -> list[dict[str, Any]]:
        """Sources with at least one report the reader may see."""
        return self._read(reader, _fusion_access.visible_sources, what="list sources")

    # -- changes to reports and events, by the current actor (`acting_as`; default the local administrator) --

    def mark_report(self, report_id: str, marking: Marking | str) -> int:
        """Re-mark one of our reports (a new version for peers); its events follow. Returns their number."""
        return self.exchange.set_marking(report_id, _marking(marking))

    def delete_report(self, report_id: str) -> dict[str, int]:
        """Withdraw one of our reports: it and what was derived from it go, peers that had it are told."""
        return self.exchange.withdraw(report_id)

    def extraction_queue(self, selection: ExtractionSelection) -> list[str]:
        """The reports the current actor would extract (`reports extract`), oldest first."""
        with self._engine.connect() as connection:
            return extraction_queue(connection, self._classes, current_actor(), selection)

    def agency_countries(self, agency_ids: Iterable[str]) -> dict[str, str]:
        """The country of each of these agencies that has one (what extraction may know of who filed a report)."""
        return self.accounts.agency_countries(agency_ids)

    def reports_for_extraction(self, report_ids: Sequence[str]) -> list[Report]:
        """These reports as extraction reads them (those the current actor may not see left out)."""
        with self._engine.connect() as connection:
            items = self.exchange.items_for(connection, report_ids, current_actor(), with_extractions=False)
        return [item.report for item in items if item.report is not None]

    def replace_extractions(self, results: Sequence[ExtractResult]) -> dict[str, int]:
        """Store new extractions of stored reports, in one transaction: the old mentions of each report whose
        result changed leave their events and the new ones are fused; peers that may have it get the new
        version. A result equal to the stored one changes nothing. Returns counts (`changed`, `mentions`)."""
        actor = current_actor()
        now = now_utc()
        with self._engine.begin() as connection:
            session = FusionSession(connection, self.fuser, now, cache=self._fusion_cache)
            touched, counts, objects = store_extractions(connection, self._classes, session, actor, results)
            touched.update(session.flush())
            self._changed(connection, touched, now)
            if counts["changed"]:
                record(connection, actor, "write", f"extract {counts['changed']} report(s) again", counts, objects)
        return counts

    def split_event(self, event_id: str, moved: Sequence[str], by: str = "analyst") -> str:
        actor = self._may_edit_events([event_id])
        new_id = super().split_event(event_id, moved, by)
        self.audit.record(actor, "write", f"split event {event_id} into {new_id}", {"moved": list(moved)})
        return new_id

    def merge_events(self, target: str, others: Sequence[str], by: str = "analyst") -> None:
        actor = self._may_edit_events([target, *others])
        super().merge_events(target, others, by)
        self.audit.record(actor, "write", f"merge events {', '.join(others)} into {target}")

    def refuse(self) -> dict[str, int]:
        actor = current_actor()
        if not actor.all_seeing and actor.role is not Role.ADMIN:
            raise AccessDeniedError(f"{actor.actor} may not run fusion again over the whole store")
        summary = super().refuse()
        self.audit.record(actor, "write", "fuse every stored extraction again", summary)
        return summary

    def _may_edit_events(self, event_ids: Sequence[str]) -> Reader:
        """The current actor, if an analyst or administrator who may see these events (else an error)."""
        actor = current_actor()
        if not actor.all_seeing and actor.role not in (Role.ADMIN, Role.ANALYST):
            raise AccessDeniedError(f"{actor.actor} may not split or merge events")
        for event_id in event_ids:
            self.get_event(event_id, reader=actor)  # NotFoundError when hidden, like a missing one
        return actor

    def _read(self, reader: Reader, fn: Any, *args: Any, what: str = "", detail: dict[str, Any] | None = None) -> Any:
        """Run a read as `reader`; restricted material it returned is recorded in the audit log."""
        if not isinstance(reader, Reader):
            raise TypeError("every store read needs a Reader")
        with self._engine.connect() as connection:
            context = _views.ReadContext(connection, reader, self._classes, self.composer, self._views)
            result = fn(context, *args)
        if context.audit:
            self.audit.record_soon(reader, "read", what or fn.__name__, detail, context.audit)
        return result


def _marking(value: Marking | str) -> Marking:
    if isinstance(value, Marking):
        return value
    try:
        return Marking.parse(value)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _detail(query: Any) -> dict[str, Any]:
    return {k: str(v) for k, v in query.model_dump(exclude_defaults=True).items()}
