"""Fusion's candidate index in memory: where and when each stored mention is, by period, grid cell and key.

Every mention stored is a candidate for the next ones; reading each block from the database (a few index
range scans per mention) was a fifth of fusion's cost. This index holds, for whole periods
(`fuse.day_bucket`: 16 days of last days), each stored mention's compact entry (key, event, storing order,
family, days, point), read from `fusion_mentions` the first time a block reaches the period (its narrow
columns only), kept up to date with what this process stores, and dropped least recently used first beyond
a capacity (a count of mentions; a block's own periods are never dropped while it is read). A lookup
filters the entries; the features of those found come from the store's `FeatureCache` (which this
process's own new mentions enter as they are stored) or are read by key and decoded, so that a period costs
about half a kilobyte a mention, not the seven of decoded features: a store of a few hundred thousand
mentions stays whole in memory, and mentions arriving in random date order (a sync's backlog) reread no
period (whole decoded periods, evicted and read again, made such a sync five times slower).

It is never trusted blindly. Every write to `fusion_mentions`, by any connection or process, sets the
`bw_meta` row `fusion_generation` to a new random token (database triggers, made when a store is opened),
and a session's own flush sets one it chose after its rows. Before each lookup the token is read (one
indexed row through the driver's cursor: a few microseconds): the index is used as it is only if the
token is the one it is true to (the last it read, or the one the last flush wrote, which a rollback
undoes); otherwise (another writer, a rolled-back batch, mentions removed earlier in the same transaction)
it is emptied and periods are read again. On PostgreSQL the read locks the row, so that fusion writers
take turns from then on (a writer's trigger waits for the lock).

One session uses the shared index at a time; a concurrent session gets an index of its own for its
transaction (correct, only slower).
"""

from __future__ import annotations

import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, insert, select, text, update

from ..fuse import UNLOCATED_CELL, Block, MentionFeatures, day_bucket
from ._fusion_index import FeatureCache
from ._schema import fusion_mentions, meta

__all__ = [
    "GENERATION_KEY",
    "CandidateIndex",
    "CandidateView",
    "install_generation_triggers",
    "read_generation",
    "shared_index",
]

GENERATION_KEY = "fusion_generation"

_c = fusion_mentions.c
_PERIOD = select(_c.key, _c.event_id, _c.seq, _c.family, _c.day_lo, _c.day_hi, _c.lat, _c.lon, _c.cell, _c.bkeys).where(
    _c.bucket == bindparam("bucket")
)
_READ = select(meta.c.value).where(meta.c.key == GENERATION_KEY)
_READ_SQL = f"SELECT value FROM bw_meta WHERE key = '{GENERATION_KEY}'"  # a constant: no parameter to bind
_WRITE = update(meta).where(meta.c.key == GENERATION_KEY).values(value=bindparam("token"))

# SQLite fires triggers per row only (a few microseconds each); PostgreSQL's fires once per statement.
_SQLITE_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS bw1_fusion_generation_{event} AFTER {event} ON fusion_mentions BEGIN "
    f"UPDATE bw_meta SET value = lower(hex(randomblob(8))) WHERE key = '{GENERATION_KEY}'; END"
)
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION bw1_fusion_generation() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN "
    "UPDATE bw_meta SET value = md5(random()::text || clock_timestamp()::text) "
    f"WHERE key = '{GENERATION_KEY}'; RETURN NULL; END $body$"
)
_PG_TRIGGER = (
    "CREATE TRIGGER bw1_fusion_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fusion_mentions "
    "FOR EACH STATEMENT EXECUTE FUNCTION bw1_fusion_generation()"
)


def install_generation_triggers(connection: Connection) -> None:
    """Create the generation row and the triggers that change it, where missing (when a store is opened)."""
    if connection.execute(_READ).first() is None:
        connection.execute(insert(meta).values(key=GENERATION_KEY, value=secrets.token_hex(8)))
    dialect = connection.dialect.name
    if dialect == "sqlite":
        for event in ("INSERT", "UPDATE", "DELETE"):
            connection.execute(text(_SQLITE_TRIGGER.format(event=event)))
    elif dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(7310043)"))  # two processes opening a new database
        present = connection.execute(text("SELECT 1 FROM pg_trigger WHERE tgname = 'bw1_fusion_generation'")).first()
        if present is None:
            connection.execute(text(_PG_FUNCTION))
            connection.execute(text(_PG_TRIGGER))


def read_generation(connection: Connection) -> str | None:
    """The current token (locked until the transaction ends on PostgreSQL); None where there is no row. Read
    before every lookup: plain SQL on the driver's cursor (SQLAlchemy's own execution cost ten times more)."""
    sql = _READ_SQL + (" FOR UPDATE" if connection.dialect.name == "postgresql" else "")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        row = cursor.fetchone()
    finally:
        cursor.close()
    return None if row is None else row[0]


def shared_index(cache: FeatureCache) -> CandidateIndex:
    """The candidate index that goes with a store's feature cache (made on first use, of `index_size` mentions)."""
    if cache.candidates is None:
        cache.candidates = CandidateIndex(cache.index_size)
    return cache.candidates


class CandidateIndex:
    """The shared index of a store (see the module's docstring). `capacity`: mentions held at most (soft).

    Mentions are filed by cell (precise places) and by each secondary key, then by period, in one map across
    the loaded periods, so that a lookup visits each of its block's cells and keys once; what it finds is
    checked against the block's days, families and box as the store's reads did (`Block.in_time`, `in_box`)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._cells: _Filed = {}
        self._keys: _Filed = {}
        self._periods: OrderedDict[int, _Period] = OrderedDict()  # loaded periods, least recently used first
        self._held = 0
        self._token: str | None = None  # the generation the periods are true to (None: unknown)
        self._owner: weakref.ref[CandidateView] | None = None
        self._lock = threading.Lock()
        self._families: dict[str, str] = {}  # one string per family (`_entry`)

    def view(self, connection: Connection, cache: FeatureCache) -> CandidateView:
        """This index for one session's transaction (features from `cache`); an index of the session's own when
        another session holds this one. Each lookup checks it against the store first."""
        with self._lock:
            free = self._owner is None or self._owner() is None
            index = self if free else CandidateIndex(self.capacity)
            view = CandidateView(index, connection, cache)
            if free:
                self._owner = weakref.ref(view)
        return view

    @property
    def held(self) -> int:
        """Mentions held now."""
        return self._held

    def forget(self) -> None:
        """Trust nothing held: the next lookup reads its periods again (safe from any thread)."""
        self._token = None

    def clear(self) -> None:
        self._cells.clear()
        self._keys.clear()
        self._periods.clear()
        self._held = 0
        self._token = None

    def _check(self, token: str | None) -> None:
        if token is None or token != self._token:
            self.clear()
            self._token = token

    def _release(self, view: CandidateView) -> None:
        with self._lock:
            if self._owner is not None and self._owner() is view:
                self._owner = None

    def _entry(
        self,
        key: str,
        event_id: str,
        seq: int,
        family: str,
        day_lo: int,
        day_hi: int,
        lat: float | None,
        lon: float | None,
    ) -> _Stored:
        """A mention's entry, its family one shared string (not one per row read)."""
        return (key, event_id, seq, self._families.setdefault(family, family), day_lo, day_hi, lat, lon)

    def _file(self, entry: _Stored, cell: int, keys: Sequence[int], bucket: int) -> None:
        period = self._periods[bucket]
        if cell != UNLOCATED_CELL:
            self._cells.setdefault(cell, {}).setdefault(bucket, []).append(entry)
            period.cells.add(cell)
        for key in keys:
            self._keys.setdefault(key, {}).setdefault(bucket, []).append(entry)
        period.keys.update(keys)
        period.size += 1
        self._held += 1

    def _load(self, connection: Connection, buckets: range) -> None:
        """Read the block's periods not held yet; then drop the least recently used others beyond capacity."""
        for bucket in buckets:
            if bucket in self._periods:
                self._periods.move_to_end(bucket)
                continue
            self._periods[bucket] = _Period()
            for *fields, cell, bkeys in connection.execute(_PERIOD, {"bucket": bucket}):
                self._file(self._entry(*fields), cell, [int(k) for k in bkeys.split()], bucket)
        for bucket in list(self._periods):
            if self._held <= self.capacity:
                return
            if bucket not in buckets:
                self._drop(bucket)

    def _drop(self, bucket: int) -> None:
        period = self._periods.pop(bucket)
        for filed, names in ((self._cells, period.cells), (self._keys, period.keys)):
            for name in names:
                by_period = filed[name]
                del by_period[bucket]
                if not by_period:
                    del filed[name]
        self._held -= period.size

    def _lookup(self, block: Block) -> list[_Stored]:
        """The entries in the block, each once. An entry is filed under each of its cell and keys, and a block
        names several of them: one found already is not filtered again. The entries are returned as they are
        (their first three fields are a `Ref`'s, which `FeatureCache.resolve` reads by position): a `Ref` made
        of each found entry per lookup was a fifth of the lookup's time."""
        buckets = block.buckets()
        families, day_from, day_to = block.families, block.day_from, block.day_to
        lat_min, lat_max, lon_min, lon_max = block.lat_min, block.lat_max, block.lon_min, block.lon_max
        found: dict[str, _Stored] = {}
        for filed, names, boxed in ((self._cells, set(block.cells), True), (self._keys, set(block.keys), False)):
            for name in names:
                by_period = filed.get(name)
                if by_period is None:
                    continue
                for bucket in buckets:
                    for other in by_period.get(bucket, ()):
                        key, _, _, family, day_lo, day_hi, lat, lon = other
                        if key in found or family not in families or day_hi < day_from or day_lo > day_to:
                            continue
                        if boxed and not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):  # type: ignore[operator]
                            continue
                        found[key] = other
        return list(found.values())


# A stored mention as the index files it, enough to filter a block and to fetch its features: (key, event id, seq,
# family, first day, last day, lat, lon). A plain tuple of strings and numbers, not an object with slots nor a
# named tuple: the garbage collector stops tracking an exact tuple of untracked values the first time it examines
# it, so the index's hundreds of thousands of entries are neither walked by every full collection nor counted among
# the survivors that trigger one (a slotted object or a tuple subclass always is).
_Stored = tuple[str, str, int, str, int, int, float | None, float | None]


_Filed = dict[int, dict[int, list[_Stored]]]  # cell or key -> period -> mentions


@dataclass(slots=True)
class _Period:
    """What a loaded period filed, so that dropping it visits only its own cells and keys."""

    cells: set[int] = field(default_factory=set)
    keys: set[int] = field(default_factory=set)
    size: int = 0


class CandidateView:
    """One session's use of a `CandidateIndex`: lookups through its connection, then what it stored."""

    def __init__(self, index: CandidateIndex, connection: Connection, cache: FeatureCache) -> None:
        self._index = index
        self._connection = connection
        self._cache = cache

    def lookup(self, block: Block) -> list[MentionFeatures]:
        """The stored mentions in the block, each once (in no particular order), with their current events."""
        index = self._index
        index._check(read_generation(self._connection))
        index._load(self._connection, block.buckets())
        return self._cache.resolve(self._connection, index._lookup(block))

    def stored(self, added: Sequence[tuple[MentionFeatures, int, tuple[int, ...]]]) -> None:
        """The session wrote these mentions (features, cell, keys): the feature cache and the loaded periods take
        them, a token of its own marks the index true to this transaction (a rollback brings the old token back,
        and the next check empties the index), and the index is handed back."""
        index = self._index
        token = secrets.token_hex(8)
        self._connection.execute(_WRITE, {"token": token})
        self._cache.put(features for features, _, _ in added)
        for f, cell, keys in added:
            bucket = day_bucket(f.day_hi)
            if bucket in index._periods:  # a period not loaded is read from the store, with these rows, when needed
                entry = index._entry(f.key, f.event_id, f.seq, f.family, f.day_lo, f.day_hi, f.lat, f.lon)  # type: ignore[arg-type]
                index._file(entry, cell, keys, bucket)
        index._token = token
        index._release(self)
