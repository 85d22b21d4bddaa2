"""Exports of events in the formats analysts use: ACLED CSV, GeoJSON, JSON lines, Parquet.

Public entry point: `export_events(store, query, format, out, reader)`; formats come from a registry of
versioned names (`register_exporter`), so that more (STIX) can be added without touching this one.
"""

from __future__ import annotations

from typing import BinaryIO

from ..store import EventFilter, Reader, Store
from ._acled import ACLED_COLUMNS, interaction_code
from ._fields import EVENT_FIELDS, plain_event
from ._registry import Exporter, exporter_names, get_exporter, register_exporter

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_FIELDS",
    "Exporter",
    "export_events",
    "exporter_names",
    "get_exporter",
    "interaction_code",
    "plain_event",
    "register_exporter",
]


def export_events(store: Store, query: EventFilter, format: str, out: BinaryIO, reader: Reader) -> int:
    """Write every event the filter selects that `reader` may see to `out` in `format`; returns how many."""
    return get_exporter(format).write(store.stream_events(query, reader=reader), out)
