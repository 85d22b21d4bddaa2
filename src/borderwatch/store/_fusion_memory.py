"""Fusion's candidate index in memory: stored mentions' features by period, grid cell and secondary key.

Every mention stored is a candidate for the next ones; reading each block from the database (a few index
range scans, then the rows' features decoded or found in a cache) was a fifth of fusion's cost. This index
holds the decoded features of whole periods (`fuse.day_bucket`: 16 days of last days), loaded from
`fusion_mentions` the first time a block reaches them, kept up to date with what this process stores, and
dropped least recently used first beyond a capacity (a count of mentions; a block's own periods are never
dropped while it is read).

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
from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, bindparam, insert, select, text, update

from ..fuse import Block, MentionFeatures, MentionIndex, day_bucket
from ._fusion_index import FeatureCache, features_from_row
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

_PERIOD = select(fusion_mentions).where(fusion_mentions.c.bucket == bindparam("bucket"))
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
    """The candidate index that goes with a store's feature cache (made on first use, as large as the cache)."""
    if cache.candidates is None:
        cache.candidates = CandidateIndex(cache.size)
    return cache.candidates


class CandidateIndex:
    """The shared index of a store (see the module's docstring). `capacity`: mentions held at most (soft)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._periods: OrderedDict[int, MentionIndex] = OrderedDict()  # least recently used first
        self._sizes: dict[int, int] = {}
        self._held = 0
        self._token: str | None = None  # the generation the periods are true to (None: unknown)
        self._owner: weakref.ref[CandidateView] | None = None
        self._lock = threading.Lock()

    def view(self, connection: Connection) -> CandidateView:
        """This index for one session's transaction, checked against the store; an index of the session's own
        when another session holds this one."""
        with self._lock:
            free = self._owner is None or self._owner() is None
            index = self if free else CandidateIndex(self.capacity)
            view = CandidateView(index, connection)
            if free:
                self._owner = weakref.ref(view)
        return view

    @property
    def held(self) -> int:
        """Mentions held now."""
        return self._held

    def clear(self) -> None:
        self._periods.clear()
        self._sizes.clear()
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

    def _period(self, connection: Connection, bucket: int, keep: range) -> MentionIndex:
        found = self._periods.get(bucket)
        if found is not None:
            self._periods.move_to_end(bucket)
            return found
        found = MentionIndex()
        count = 0
        for row in connection.execute(_PERIOD, {"bucket": bucket}):
            found.add(features_from_row(row), row.cell, tuple(int(k) for k in row.bkeys.split()))
            count += 1
        self._periods[bucket] = found
        self._sizes[bucket] = count
        self._held += count
        self._evict(keep)
        return found

    def _evict(self, keep: range) -> None:
        for bucket in list(self._periods):
            if self._held <= self.capacity:
                return
            if bucket not in keep:
                del self._periods[bucket]
                self._held -= self._sizes.pop(bucket)


class CandidateView:
    """One session's use of a `CandidateIndex`: lookups through its connection, then what it stored."""

    def __init__(self, index: CandidateIndex, connection: Connection) -> None:
        self._index = index
        self._connection = connection

    def lookup(self, block: Block) -> Iterator[MentionFeatures]:
        """The stored mentions in the block (as `MentionIndex.lookup` finds them), each once."""
        self._index._check(read_generation(self._connection))
        buckets = block.buckets()
        for bucket in buckets:
            yield from self._index._period(self._connection, bucket, buckets).lookup(block)

    def stored(self, added: Sequence[tuple[MentionFeatures, int, tuple[int, ...]]]) -> None:
        """The session wrote these mentions (features, cell, keys): the loaded periods take them, a token of
        its own marks the index true to this transaction (a rollback brings the old token back, and the next
        check empties the index), and the index is handed back."""
        index = self._index
        token = secrets.token_hex(8)
        self._connection.execute(_WRITE, {"token": token})
        for features, cell, keys in added:
            period = index._periods.get(day_bucket(features.day_hi))
            if period is not None:  # a period not loaded is read from the store, with these rows, when needed
                period.add(features, cell, keys)
                index._sizes[day_bucket(features.day_hi)] += 1
                index._held += 1
        index._token = token
        index._release(self)
