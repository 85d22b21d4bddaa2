"""A store bound to one reader: what a request handler holds, so that it cannot read without the reader.

`Store.as_reader(reader)` gives every read the reader and runs every write as that reader (the audit log
names it). A method of `Store` this class does not list is not reachable through it: a new read added to
the store must be added here, with its reader, before an endpoint can call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._access import Reader
from ._audit import acting_as

if TYPE_CHECKING:
    from ._store import Store

__all__ = ["BoundStore"]

# Reads: called with reader=...
_READS = frozenset(
    {
        "acknowledge_alert",
        "count",
        "event_facets",
        "event_points",
        "event_provenance",
        "event_timeline",
        "events_by_id",
        "export_reports",
        "get_actor",
        "get_alerts",
        "get_event",
        "get_place",
        "get_report",
        "get_zone",
        "list_actors",
        "list_alerts",
        "list_events",
        "list_places",
        "list_reports",
        "list_sources",
        "list_zones",
        "report_events",
        "search_events",
        "stream_events",
        "zone_activity",
    }
)
# Writes and lookups that reveal no report or event: run as the reader.
_AS_READER = frozenset(
    {
        "add_reports",
        "add_webhook",
        "agency_countries",
        "band_candidates",
        "create_zone",
        "delete_webhook",
        "delete_zone",
        "extraction_queue",
        "known_hashes",
        "list_webhooks",
        "replace_extractions",
        "reports_for_extraction",
        "update_zone",
        "webhook_deliveries",
    }
)


class BoundStore:
    def __init__(self, store: Store, reader: Reader) -> None:
        self._store = store
        self.reader = reader

    @property
    def url(self) -> str:
        return self._store.url

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._store, name) if name in _READS | _AS_READER else None
        if method is None:
            raise AttributeError(f"Store.{name} is not reachable with a reader (see store/_bound.py)")
        reader = self.reader
        if name in _READS:

            def read(*args: Any, **kwargs: Any) -> Any:
                return method(*args, reader=reader, **kwargs)

            return read

        def as_reader(*args: Any, **kwargs: Any) -> Any:
            with acting_as(reader):
                return method(*args, **kwargs)

        return as_reader
