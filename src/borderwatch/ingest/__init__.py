"""Ingest stage: bytes -> Report. Text in any common encoding, HTML, RSS/Atom, field reports, folders, zips.

Public entry points: `read_paths` (files, folders, archives, stdin), `read_bytes` (one item),
`feed_reports` / `fetch_feed` (feeds), and `NearDuplicateFinder` (MinHash). It never opens a database.
"""

from ._dedupe import NearDuplicateFinder, Signature
from ._feed import feed_reports, fetch_feed
from ._field import FieldReportIn
from ._reader import Failure, ReadOptions, read_bytes, read_paths
from ._sources import count_items

__all__ = [
    "Failure",
    "FieldReportIn",
    "NearDuplicateFinder",
    "ReadOptions",
    "Signature",
    "count_items",
    "feed_reports",
    "fetch_feed",
    "read_bytes",
    "read_paths",
]
