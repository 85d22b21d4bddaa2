"""Blocking: which stored mentions a new one may be the same happening as, found through indexed keys.

A mention with a precise place (geo_precision 1 or 2) is indexed by its grid cell; every mention is
also indexed by secondary keys (negative integers): its province and country, its actors, and the
proper names of its sentence and place. A precise mention looks for precise ones in the grid cells
its precision reaches, and for vague ones (no place, or only a province or country) of its province,
of its country known only as such, of its actors, and for any mention sharing a name (a namesake
resolved to another continent names the same town as the others). A vague mention looks for every
mention of its province (or, known only to its country, of its country), of its actors, and sharing a
name. Keys are built so that each pair of mentions that should meet meets whichever is stored first.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ._names import fold
from ._types import MentionFeatures

__all__ = [
    "UNLOCATED_CELL",
    "Block",
    "MentionIndex",
    "cell_of",
    "day_bucket",
    "grid_cells",
    "index_keys",
    "lookup_keys",
    "named_key",
]

UNLOCATED_CELL = 0
_KM_PER_DEGREE = 111.2
# Mentions are filed by a period of their last day (in memory and in the store's index) as well as by cell or
# key: a block reads only the periods it reaches, and the store's new entries all go near the end of time
# (reports mostly come within days of what they tell), so a batch writes a few index pages, not one per key.
# About a block's width: a lookup reads two to four periods per cell or key.
_BUCKET_DAYS = 16


def day_bucket(day: int) -> int:
    """The period (of `_BUCKET_DAYS` days) a mention whose last day is `day` is filed under."""
    return day // _BUCKET_DAYS


def cell_of(lat: float | None, lon: float | None, degrees: float) -> int:
    """The grid cell a place falls in (a positive integer), or UNLOCATED_CELL."""
    if lat is None or lon is None:
        return UNLOCATED_CELL
    row = math.floor((lat + 90.0) / degrees)
    column = math.floor((lon + 180.0) / degrees)
    return 1 + row * 100_000 + column


@lru_cache(maxsize=65536)
def named_key(*parts: str) -> int:
    """A secondary key (a negative integer) named by its parts ("area", "ML", "kdl")."""
    name = "|".join(parts)
    return -1 - int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=6).digest(), "little") // 2


def grid_cells(lat: float, lon: float, km: float, degrees: float) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """The grid cells within `km` of a point, and the box (lat_min, lat_max, lon_min, lon_max) they cover."""
    dlat = km / _KM_PER_DEGREE
    dlon = km / (_KM_PER_DEGREE * max(0.05, math.cos(math.radians(lat))))
    box = (lat - dlat, lat + dlat, lon - dlon, lon + dlon)
    rows = range(math.floor((box[0] + 90) / degrees), math.floor((box[1] + 90) / degrees) + 1)
    columns = range(math.floor((box[2] + 180) / degrees), math.floor((box[3] + 180) / degrees) + 1)
    return tuple(1 + r * 100_000 + c for r in rows for c in columns), box


def _area(features: MentionFeatures) -> str:
    """The province, folded ("Tillabéri" and "Tillaberi" alike; "Region 3" and "Region 4" not)."""
    return fold(features.admin1) if features.admin1 else ""


def index_keys(features: MentionFeatures) -> tuple[int, ...]:
    """The secondary keys a stored mention is found by (see the module's docstring)."""
    keys: list[int] = []
    country = features.country
    if country:
        keys.append(named_key("area", country, ""))
        if features.admin1:
            keys.append(named_key("area", country, _area(features)))
        if features.vague:
            keys.append(named_key("vague-area", country, _area(features)))
    for actor in (*features.named, *features.state):
        keys.append(named_key("actor", actor))
        if features.vague:
            keys.append(named_key("vague-actor", actor))
    keys += _name_keys(features.names, features.context, features.place_keys)
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=1024)
def _name_keys(names: frozenset[str], context: frozenset[str], place_keys: frozenset[str]) -> tuple[int, ...]:
    """The keys of a mention's proper names, in name order: asked twice per mention stored (its lookup, then its
    own index entry) with the same three sets, whose hashes are cached, so the second time is one dict lookup."""
    return tuple(named_key("name", name) for name in sorted(names | context | place_keys))


def lookup_keys(features: MentionFeatures) -> tuple[int, ...]:
    """The secondary keys under which a new mention's candidates are (see the module's docstring)."""
    keys: list[int] = []
    country = features.country
    actors = (*features.named, *features.state)
    if not features.vague:
        if country:
            keys.append(named_key("vague-area", country, ""))
            if features.admin1:
                keys.append(named_key("vague-area", country, _area(features)))
        keys += [named_key("vague-actor", actor) for actor in actors]
    else:
        if country:
            keys.append(named_key("area", country, _area(features)))
            if features.admin1:
                keys.append(named_key("vague-area", country, ""))
        keys += [named_key("actor", actor) for actor in actors]
    keys += _name_keys(features.names, features.context, features.place_keys)
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True, slots=True)
class Block:
    """Which stored mentions a new one is compared with.

    A stored mention is a candidate when its family is in `families`, its date interval reaches into
    [`day_from`, `day_to`] (so its last day is at most `day_to + span_days`), and it is either a
    precise mention in one of the grid `cells` inside the box, or indexed under one of `keys`.
    """

    families: tuple[str, ...]
    day_from: int
    day_to: int
    span_days: int
    cells: tuple[int, ...] = ()
    lat_min: float = -90.0
    lat_max: float = 90.0
    lon_min: float = -180.0
    lon_max: float = 180.0
    keys: tuple[int, ...] = ()

    def buckets(self) -> range:
        """The periods (`day_bucket`) of the last days a mention in the block can have: it ends on or after
        `day_from` and, as no date interval is longer than `span_days`, on or before `day_to + span_days`."""
        return range(day_bucket(self.day_from), day_bucket(self.day_to + self.span_days) + 1)

    def in_time(self, other: MentionFeatures) -> bool:
        return other.family in self.families and other.day_hi >= self.day_from and other.day_lo <= self.day_to

    def in_box(self, other: MentionFeatures) -> bool:
        return (
            other.lat is not None
            and other.lon is not None
            and self.lat_min <= other.lat <= self.lat_max
            and self.lon_min <= other.lon <= self.lon_max
        )


_Entry = tuple[int, MentionFeatures]  # (order added, features)


class MentionIndex:
    """Mentions in memory, found by the same blocking as in the store (for `Fuser.cluster`, and for the
    store's mentions of a batch not yet written), by cell or key, then day bucket.

    A sync page or an ingest batch holds thousands of mentions spread over years: filed by a bucket of their
    last day, as the store's index is ordered by it, a lookup visits only the days its block reaches; and a
    block names a dozen or more cells and keys of which a batch holds few, so each is looked up once."""

    def __init__(self) -> None:
        self._cells: dict[int, dict[int, list[_Entry]]] = {}
        self._keys: dict[int, dict[int, list[_Entry]]] = {}
        self._all: list[MentionFeatures] = []

    def add(self, features: MentionFeatures, cell: int, keys: tuple[int, ...]) -> None:
        entry = (len(self._all), features)
        self._all.append(features)
        bucket = day_bucket(features.day_hi)
        if cell != UNLOCATED_CELL:
            self._cells.setdefault(cell, {}).setdefault(bucket, []).append(entry)
        for key in keys:
            self._keys.setdefault(key, {}).setdefault(bucket, []).append(entry)

    def all(self) -> Iterator[MentionFeatures]:
        yield from self._all

    def lookup(self, block: Block) -> Iterator[MentionFeatures]:
        """The mentions in the block: those of its cells inside its box, then those of its keys, each once, in
        the order added. Only the periods the block reaches (`Block.buckets`) are read."""
        buckets = block.buckets()
        seen: set[int] = set()
        cells, keys = self._cells, self._keys
        # `Block.in_time` and `in_box` written out: a batch's index is looked up for each of its mentions.
        families, day_from, day_to = block.families, block.day_from, block.day_to
        lat_min, lat_max, lon_min, lon_max = block.lat_min, block.lat_max, block.lon_min, block.lon_max
        for cell in dict.fromkeys(block.cells):
            if (filed := cells.get(cell)) is not None:
                for _, other in _gather(filed, buckets):
                    if id(other) in seen or other.family not in families:
                        continue
                    if other.day_hi < day_from or other.day_lo > day_to or other.lat is None or other.lon is None:
                        continue
                    if lat_min <= other.lat <= lat_max and lon_min <= other.lon <= lon_max:
                        seen.add(id(other))
                        yield other
        for key in block.keys:
            if (filed := keys.get(key)) is not None:
                for _, other in _gather(filed, buckets):
                    if id(other) in seen or other.family not in families:
                        continue
                    if day_from <= other.day_hi and other.day_lo <= day_to:
                        seen.add(id(other))
                        yield other


def _gather(filed: dict[int, list[_Entry]], buckets: range) -> list[_Entry]:
    """The entries of one cell or key over the buckets, in the order they were added."""
    lists = [found for bucket in buckets if (found := filed.get(bucket))]
    if len(lists) == 1:
        return lists[0]  # one bucket's entries are in the order added already
    merged = [entry for found in lists for entry in found]
    merged.sort(key=lambda entry: entry[0])
    return merged
