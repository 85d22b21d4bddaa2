"""The fusion index (`fusion_mentions`, `fusion_keys`): mentions stored in the compact form matching compares,
read back by the fuser's blocking keys.

Reading candidates runs once per mention stored, so its statements are compiled once per dialect and run
on the driver's cursor, and decoded features are kept in a bounded cache shared by the store's sessions
(a mention stored a minute ago is a candidate for the next reports; its row's `seq` tells whether the
cached features are still those stored).
"""

from __future__ import annotations

import threading
import time
from collections import namedtuple
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import islice
from typing import Any

from sqlalchemy import Connection, bindparam, select, union_all

from ..fuse import Block, Fuser, MentionFeatures, day_bucket
from ..fuse import place_keys as place_name_keys
from ..fuse._features import admin_key
from ..fuse._types import shared_set
from ..model import EventMention
from ._schema import fusion_keys, fusion_mentions

__all__ = ["FeatureCache", "Ref", "feature_row", "features_from_row", "key_rows", "next_seq", "read_block"]

_c = fusion_mentions.c
# Lists of cells, keys and families are bound as IN lists of a few fixed lengths (padded by repeating the
# last value), so that the SQL texts are few: each is compiled once and the driver's statement cache is
# hit, and a short list is not padded to the longest. A longer list is read in parts.
_CELL_SLOTS, _KEY_SLOTS, _FAMILY_SLOTS, _BUCKET_SLOTS = (4, 8, 16, 48), (4, 8, 16, 32), (4, 8, 16), (4, 8)
# Blocks read only which mentions they hold (key, event, seq): the features of recent mentions are in the
# cache; the rows of the others are read whole afterwards (`FeatureCache.resolve`).
_REF = (_c.key, _c.event_id, _c.seq)


@cache
def _grid(cells: int, families: int, buckets: int) -> Any:
    return select(*_REF).where(
        _c.bucket.in_([bindparam(name) for name in _slot_names("b", buckets)]),
        _c.cell.in_([bindparam(name) for name in _slot_names("c", cells)]),
        _c.day_hi.between(bindparam("lo"), bindparam("hi")),
        _c.day_lo <= bindparam("day_to"),
        _c.family.in_([bindparam(name) for name in _slot_names("f", families)]),
        _c.lat.between(bindparam("lat_min"), bindparam("lat_max")),
        _c.lon.between(bindparam("lon_min"), bindparam("lon_max")),
    )


@cache
def _keyed(keys: int, families: int, buckets: int) -> Any:
    return (
        select(*_REF)
        .join(fusion_keys, fusion_keys.c.mention == _c.key)
        .where(
            fusion_keys.c.bucket.in_([bindparam(name) for name in _slot_names("b", buckets)]),
            fusion_keys.c.bkey.in_([bindparam(name) for name in _slot_names("k", keys)]),
            fusion_keys.c.day_hi.between(bindparam("lo"), bindparam("hi")),
            fusion_keys.c.day_lo <= bindparam("day_to"),
            fusion_keys.c.family.in_([bindparam(name) for name in _slot_names("f", families)]),
        )
    )


@cache
def _both(cells: int, keys: int, families: int, buckets: int) -> Any:
    return union_all(_grid(cells, families, buckets), _keyed(keys, families, buckets))  # a precise mention's two reads


@cache
def _size(count: int, sizes: tuple[int, ...]) -> int:
    """The shortest list length that holds `count` values (the longest when none does); asked several times a
    mention, of a few dozen counts."""
    return next((size for size in sizes if size >= count), sizes[-1])


_Row = namedtuple("_Row", [c.name for c in fusion_mentions.columns])  # type: ignore[misc]
Ref = namedtuple("Ref", ["key", "event_id", "seq"])  # a stored mention as a block read finds it
_WHOLE = select(fusion_mentions).where(_c.key.in_(bindparam("keys", expanding=True)))
_CHUNK = 500
_COMPILED: dict[tuple[int, str], tuple[str, list[str] | None]] = {}
_LAST_SEQ = [0]
_LEAD = "!"  # marks, in the `names` column, the keys named before the mention's place (`MentionFeatures.lead`)


def next_seq() -> int:
    """Increasing across calls and (by the clock) across processes: the order mentions were stored in."""
    _LAST_SEQ[0] = max(_LAST_SEQ[0] + 1, time.time_ns() // 1000)
    return _LAST_SEQ[0]


def read_block(connection: Connection, block: Block) -> list[Ref]:
    """The stored mentions in a block (each once), through the driver's cursor."""
    # Overlapping [day_from, day_to]: ending from day_from on, and starting by day_to (so ending by day_to
    # plus the longest span): read as a range of last days, which the indexes are ordered by.
    params: dict[str, Any] = {"lo": block.day_from, "hi": block.day_to + block.span_days, "day_to": block.day_to}
    families = _size(len(block.families), _FAMILY_SLOTS)
    params.update(_slots("f", block.families, families))
    rows: dict[str, Any] = {}
    cursor = connection.connection.cursor()
    cells, keys = sorted(set(block.cells)), sorted(set(block.keys))
    periods = list(block.buckets())
    try:
        if cells:
            params.update(lat_min=block.lat_min, lat_max=block.lat_max, lon_min=block.lon_min, lon_max=block.lon_max)
        for start in range(0, len(periods), _BUCKET_SLOTS[-1]):  # more than a few only for very long spans
            part = periods[start : start + _BUCKET_SLOTS[-1]]
            n_buckets = _size(len(part), _BUCKET_SLOTS)
            params.update(_slots("b", part, n_buckets))
            _read_periods(connection, cursor, params, cells, keys, (families, n_buckets), rows)
    finally:
        cursor.close()
    return [Ref(*row) for row in rows.values()]


def _read_periods(
    connection: Connection,
    cursor: Any,
    params: dict[str, Any],
    cells: list[int],
    keys: list[int],
    sizes: tuple[int, int],
    rows: dict[str, Any],
) -> None:
    """The block's mentions in the periods bound in `params`, by cells and keys (one statement when both fit)."""
    if cells and keys and len(cells) <= _CELL_SLOTS[-1] and len(keys) <= _KEY_SLOTS[-1]:
        n_cells, n_keys = _size(len(cells), _CELL_SLOTS), _size(len(keys), _KEY_SLOTS)
        params.update(_slots("k", keys, n_keys))
        _run(connection, cursor, _both(n_cells, n_keys, *sizes), params, "c", cells, n_cells, rows)
        return
    if cells:
        n_cells = _size(len(cells), _CELL_SLOTS)
        _run(connection, cursor, _grid(n_cells, *sizes), params, "c", cells, n_cells, rows)
    if keys:
        n_keys = _size(len(keys), _KEY_SLOTS)
        _run(connection, cursor, _keyed(n_keys, *sizes), params, "k", keys, n_keys, rows)


def _run(
    connection: Connection,
    cursor: Any,
    statement: Any,
    params: dict[str, Any],
    prefix: str,
    values: list[int],
    size: int,
    rows: dict[str, Any],
) -> None:
    sql, order = _compiled(connection, statement)
    for start in range(0, len(values), size):
        params.update(_slots(prefix, values[start : start + size], size))
        cursor.execute(sql, [params[name] for name in order] if order is not None else params)
        rows.update((row[0], row) for row in cursor.fetchall())


def _compiled(connection: Connection, statement: Any) -> tuple[str, list[str] | None]:
    dialect = connection.dialect
    key = (id(statement), f"{dialect.name}:{dialect.paramstyle}")
    if key not in _COMPILED:
        compiled = statement.compile(dialect=dialect)
        order = list(compiled.positiontup) if dialect.positional and compiled.positiontup else None
        _COMPILED[key] = (str(compiled), order)
    return _COMPILED[key]


def _slots(prefix: str, values: Sequence[Any], size: int) -> dict[str, Any]:
    padded = [*values[:size], *([values[-1]] * (size - len(values)))]
    return dict(zip(_slot_names(prefix, size), padded, strict=True))


@cache
def _slot_names(prefix: str, size: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(size))


class FeatureCache:
    """Decoded features of recently stored mentions, by key, at most `size` (the oldest go first); and their
    parsed mentions, which re-deriving an event reads (`mention`, `put_mentions`).

    An entry is used only while its `seq` is the stored row's (a re-extracted mention is stored anew)."""

    def __init__(self, size: int = 100_000) -> None:
        self.size = size
        self._items: dict[str, MentionFeatures] = {}
        # Mentions and their `seq` in two maps rather than (seq, mention) pairs: a pair holding a mention is one
        # more object that every full collection of the garbage collector walks, per cached mention.
        self._mentions: dict[str, EventMention] = {}
        self._mention_seqs: dict[str, int] = {}
        self._lock = threading.Lock()
        self.candidates: Any = None  # the store's `_fusion_memory.CandidateIndex`, made by its first session

    def mention(self, key: str, seq: int) -> EventMention | None:
        """The parsed mention stored as `key` with this `seq`, if still cached (under the lock: a mention and its
        seq are two entries, which a concurrent `put_mentions` changes one after the other)."""
        with self._lock:
            return self._mentions.get(key) if self._mention_seqs.get(key) == seq else None

    def put_mentions(self, mentions: Iterable[tuple[str, int, EventMention]]) -> None:
        with self._lock:
            for key, seq, mention in mentions:
                self._mentions[key] = mention
                self._mention_seqs[key] = seq
            _trim(self._mentions, self.size)
            _trim(self._mention_seqs, self.size)

    def get(self, row: Any) -> MentionFeatures:
        """The features of a stored row (decoded once), with the event it belongs to now."""
        cached = self._items.get(row.key)
        if cached is None or cached.seq != row.seq:
            cached = features_from_row(row)
            self.put([cached])
        cached.event_id = row.event_id
        return cached

    def resolve(self, connection: Connection, refs: Sequence[Ref]) -> list[MentionFeatures]:
        """The features of stored mentions, in the order given, each with the event it belongs to now: from the
        cache, or read whole (in one statement per 500) and decoded once."""
        items = self._items
        found: list[MentionFeatures | None] = []
        missing: list[str] = []
        for ref in refs:
            cached = items.get(ref.key)
            if cached is None or cached.seq != ref.seq:
                missing.append(ref.key)
                cached = None
            found.append(cached)
        if missing:
            read: dict[str, MentionFeatures] = {}
            for start in range(0, len(missing), _CHUNK):
                rows = connection.execute(_WHOLE, {"keys": missing[start : start + _CHUNK]})
                read.update((row.key, features_from_row(row)) for row in rows)
            self.put(read.values())
            found = [f if f is not None else read.get(ref.key) for f, ref in zip(found, refs, strict=True)]
        out = []
        for features, ref in zip(found, refs, strict=True):
            if features is not None:  # None: deleted since the block was read (not within one transaction)
                features.event_id = ref.event_id
                out.append(features)
        return out

    def put(self, features: Iterable[MentionFeatures]) -> None:
        with self._lock:
            for f in features:
                self._items[f.key] = f
            _trim(self._items, self.size)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._mentions.clear()
            self._mention_seqs.clear()
        if self.candidates is not None:
            self.candidates.clear()


def _trim(items: dict[str, Any], size: int) -> None:
    """Drop the oldest entries (a tenth more than needed, so that trimming is rare)."""
    if len(items) > size:
        for key in list(islice(items, len(items) - size + size // 10)):
            del items[key]


def features_from_row(row: Any) -> MentionFeatures:
    listed = row.names.split() if row.names else []
    names = shared_set(frozenset(key.lstrip(_LEAD) for key in listed))
    return MentionFeatures(
        key=row.key,
        report_id=row.report_id,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        family=row.family,
        day_lo=row.day_lo,
        day_hi=row.day_hi,
        anchor=row.anchor,
        dated=bool(row.dated),
        precise_date=bool(row.dated) and row.day_lo == row.day_hi,
        lat=row.lat,
        lon=row.lon,
        geo_precision=row.geo_precision,
        geonameid=row.geonameid,
        place_name=row.place_name,
        country=row.country,
        country_of_place=bool(row.country_of_place),
        admin1=row.admin1,
        named=tuple(row.named_actors.split("|")) if row.named_actors else (),
        state=tuple(row.state_actors.split("|")) if row.state_actors else (),
        quantities=_parse_quantities(row.quantities),
        words=frozenset(row.words.split()),
        names=names,
        lead=shared_set(frozenset(key[1:] for key in listed if key.startswith(_LEAD)), names),
        context=shared_set(frozenset(row.context.split())),
        place_keys=place_name_keys(row.place_name),
        admin_key=admin_key(row.admin1),
        event_id=row.event_id,
        seq=row.seq,
    )


def feature_row(fuser: Fuser, features: MentionFeatures, event_id: str, keys: Sequence[int]) -> dict[str, Any]:
    """The `fusion_mentions` row of a mention indexed by `keys` (its `seq` is given to `features`)."""
    features.seq = next_seq()
    return {
        "key": features.key,
        "event_id": event_id,
        "report_id": features.report_id,
        "family": features.family,
        "event_type": features.event_type,
        "sub_event_type": features.sub_event_type,
        "day_lo": features.day_lo,
        "day_hi": features.day_hi,
        "bucket": day_bucket(features.day_hi),
        "anchor": features.anchor,
        "dated": int(features.dated),
        "cell": fuser.cell(features),
        "lat": features.lat,
        "lon": features.lon,
        "geo_precision": features.geo_precision,
        "geonameid": features.geonameid,
        "place_name": features.place_name,
        "country": features.country,
        "country_of_place": int(features.country_of_place),
        "admin1": features.admin1,
        "named_actors": "|".join(features.named),
        "state_actors": "|".join(features.state),
        "quantities": ";".join(f"{k}={v}:{q}" for k, (v, q) in sorted(features.quantities.items())),
        "words": " ".join(sorted(features.words)),
        "names": " ".join(_LEAD + key if key in features.lead else key for key in sorted(features.names)),
        "context": " ".join(sorted(features.context)),
        "bkeys": " ".join(map(str, keys)),
        "seq": features.seq,
    }


def key_rows(features: MentionFeatures, keys: Iterable[int]) -> list[dict[str, Any]]:
    """The `fusion_keys` rows of a mention indexed by `keys`."""
    shared = {"bucket": day_bucket(features.day_hi), "day_hi": features.day_hi}
    tail = {"mention": features.key, "day_lo": features.day_lo, "family": features.family}
    return [{**shared, "bkey": key, **tail} for key in keys]


def _parse_quantities(text: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for part in text.split(";") if text else ():
        kind, _, rest = part.rpartition("=")
        value, _, qualifier = rest.partition(":")
        found[kind] = (int(value), qualifier)
    return found
