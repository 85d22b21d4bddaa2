"""Where a store's disk writes go: the frames of SQLite's WAL counted by the table or index of their page.

Every frame of a WAL is one page that a commit wrote, and its header names the page; SQLite's `dbstat` table
names the B-tree (table or index) each page belongs to. While `WalFrames` is open, the store's connections do
not checkpoint and a connection of its own keeps the WAL from being removed when the store closes, so the WAL
holds every page the store wrote meanwhile; `count()` attributes them. What checkpoints would copy into the
file afterwards is not counted (each page the WAL holds, once per checkpoint), hence the bytes written in
this mode are the WAL's alone.

A row put at a random place of a B-tree keyed by a hash (report, content, STIX, mention ids) rewrites a page
of its own once the tree holds some ten thousand rows; a row appended at the end shares its page with the
batch's other rows. Those counts say which keys to change.
"""

from __future__ import annotations

import sqlite3
import struct
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event

__all__ = ["WalFrames", "frames_by_btree"]

_WAL_HEADER = 32
_FRAME_HEADER = 24
FREE = "(free or new)"


class WalFrames:
    """Hold the WAL of the store's SQLite file at `path` (engine `engine`) while open; `count()` the frames."""

    def __init__(self, engine: Engine, path: str | Path) -> None:
        self._engine = engine
        self._path = Path(path)
        self._reader: sqlite3.Connection | None = None

    def __enter__(self) -> WalFrames:
        event.listen(self._engine, "connect", _no_checkpoints)
        self._engine.dispose()  # connections already pooled were opened without the listener
        self._reader = sqlite3.connect(self._path)
        self._reader.execute("SELECT count(*) FROM sqlite_master").fetchall()  # now one of the WAL's users
        return self

    def count(self) -> Counter[str]:
        assert self._reader is not None, "count() inside the with block"
        return frames_by_btree(self._reader, Path(f"{self._path}-wal"))

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        event.remove(self._engine, "connect", _no_checkpoints)
        if self._reader is not None:
            self._reader.close()  # the last connection: SQLite checkpoints the WAL and removes it


def _no_checkpoints(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def frames_by_btree(connection: sqlite3.Connection, wal: Path) -> Counter[str]:
    """The WAL's current frames (those of its present salt: frames left from before a reset are skipped) by
    the name of the table or index of their page, as `dbstat` names it through `connection`."""
    names = dict(connection.execute("SELECT pageno, name FROM dbstat"))
    counts: Counter[str] = Counter()
    with wal.open("rb") as handle:
        header = handle.read(_WAL_HEADER)
        if len(header) < _WAL_HEADER:
            return counts
        page_size = struct.unpack(">I", header[8:12])[0]
        salts = header[16:24]
        while True:
            frame = handle.read(_FRAME_HEADER)
            if len(frame) < _FRAME_HEADER or frame[8:16] != salts:
                break
            counts[names.get(struct.unpack(">I", frame[:4])[0], FREE)] += 1
            handle.seek(page_size, 1)
    return counts
