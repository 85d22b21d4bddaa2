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
from itertools import islice
from typing import Any

from sqlalchemy import Connection, bindparam, select, union_all

from ..fuse import Block, Fuser, MentionFeatures
from ..fuse import place_keys as place_name_keys
from ..fuse._features import admin_key
from ._schema import fusion_keys, fusion_mentions

__all__ = ["FeatureCache", "feature_row", "features_from_row", "next_seq", "read_block"]

_c = fusion_mentions.c
# Fixed numbers of parameters (padded by repeating the last value) keep the SQL text constant, so that it
# is compiled once and the driver's statement cache is hit; a block with more cells or keys is read in parts.
_CELL_SLOTS, _KEY_SLOTS, _FAMILY_SLOTS = 48, 32, 16
_FAMILIES = [bindparam(f"f{i}") for i in range(_FAMILY_SLOTS)]
_GRID = select(fusion_mentions).where(
    _c.cell.in_([bindparam(f"c{i}") for i in range(_CELL_SLOTS)]),
    _c.day_lo.between(bindparam("lo"), bindparam("hi")),
    _c.day_hi >= bindparam("day_from"),
    _c.family.in_(_FAMILIES),
    _c.lat.between(bindparam("lat_min"), bindparam("lat_max")),
    _c.lon.between(bindparam("lon_min"), bindparam("lon_max")),
)
_KEYED = (
    select(fusion_mentions)
    .join(fusion_keys, fusion_keys.c.mention == _c.key)
    .where(
        fusion_keys.c.bkey.in_([bindparam(f"k{i}") for i in range(_KEY_SLOTS)]),
        fusion_keys.c.day_lo.between(bindparam("lo"), bindparam("hi")),
        _c.day_hi >= bindparam("day_from"),
        _c.family.in_(_FAMILIES),
    )
)
_BOTH = union_all(_GRID, _KEYED)  # a precise mention's two reads in one statement
_Row = namedtuple("_Row", [c.name for c in fusion_mentions.columns])  # type: ignore[misc]
_COMPILED: dict[tuple[int, str], tuple[str, list[str] | None]] = {}
_LAST_SEQ = [0]
_LEAD = "!"  # marks, in the `names` column, the keys named before the mention's place (`MentionFeatures.lead`)


def next_seq() -> int:
    """Increasing across calls and (by the clock) across processes: the order mentions were stored in."""
    _LAST_SEQ[0] = max(_LAST_SEQ[0] + 1, time.time_ns() // 1000)
    return _LAST_SEQ[0]


def read_block(connection: Connection, block: Block) -> list[Any]:
    """The stored mentions in a block (rows of `fusion_mentions`, each once), through the driver's cursor."""
    params: dict[str, Any] = {"lo": block.day_from - block.span_days, "hi": block.day_to, "day_from": block.day_from}
    params.update(_slots("f", block.families, _FAMILY_SLOTS))
    rows: dict[str, Any] = {}
    cursor = connection.connection.cursor()
    cells, keys = sorted(set(block.cells)), sorted(set(block.keys))
    try:
        if cells:
            params.update(lat_min=block.lat_min, lat_max=block.lat_max, lon_min=block.lon_min, lon_max=block.lon_max)
        if cells and keys and len(cells) <= _CELL_SLOTS and len(keys) <= _KEY_SLOTS:
            params.update(_slots("k", keys, _KEY_SLOTS))
            _run(connection, cursor, _BOTH, params, "c", cells, _CELL_SLOTS, rows)
        else:
            if cells:
                _run(connection, cursor, _GRID, params, "c", cells, _CELL_SLOTS, rows)
            if keys:
                _run(connection, cursor, _KEYED, params, "k", keys, _KEY_SLOTS, rows)
    finally:
        cursor.close()
    return [_Row(*row) for row in rows.values()]


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
    return {f"{prefix}{i}": value for i, value in enumerate(padded)}


class FeatureCache:
    """Decoded features of recently stored mentions, by key, at most `size` (the oldest go first).

    An entry is used only while its `seq` is the stored row's (a re-extracted mention is stored anew)."""

    def __init__(self, size: int = 100_000) -> None:
        self.size = size
        self._items: dict[str, MentionFeatures] = {}
        self._lock = threading.Lock()

    def get(self, row: Any) -> MentionFeatures:
        """The features of a stored row (decoded once), with the event it belongs to now."""
        cached = self._items.get(row.key)
        if cached is None or cached.seq != row.seq:
            cached = features_from_row(row)
            self.put([cached])
        cached.event_id = row.event_id
        return cached

    def put(self, features: Iterable[MentionFeatures]) -> None:
        with self._lock:
            for f in features:
                self._items[f.key] = f
            if len(self._items) > self.size:
                for key in list(islice(self._items, len(self._items) - self.size + self.size // 10)):
                    del self._items[key]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def features_from_row(row: Any) -> MentionFeatures:
    listed = row.names.split() if row.names else []
    names = frozenset(key.lstrip(_LEAD) for key in listed)
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
        lead=frozenset(key[1:] for key in listed if key.startswith(_LEAD)),
        context=frozenset(row.context.split()) if row.context else frozenset(),
        place_keys=place_name_keys(row.place_name),
        admin_key=admin_key(row.admin1),
        event_id=row.event_id,
        seq=row.seq,
    )


def feature_row(fuser: Fuser, features: MentionFeatures, event_id: str) -> dict[str, Any]:
    """The `fusion_mentions` row of a mention (its `seq` is given to `features`)."""
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
        "seq": features.seq,
    }


def _parse_quantities(text: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for part in text.split(";") if text else ():
        kind, _, rest = part.rpartition("=")
        value, _, qualifier = rest.partition(":")
        found[kind] = (int(value), qualifier)
    return found
