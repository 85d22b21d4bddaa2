"""The mentions of a batch that fusion decided on but has not written yet, found as stored ones are.

A sync page or an ingest batch holds thousands of mentions spread over years; each new mention looks for
candidates among them too. `fuse.MentionIndex` lists them by grid cell and key only, so every lookup
walked every pending mention of its cells and keys whatever its date. This index also files them by a
bucket of their last day, as the store's index is ordered by it, so a lookup visits only the days its
block reaches, and yields what `MentionIndex.lookup` yields, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..fuse import Block, MentionFeatures
from ..fuse._blocking import UNLOCATED_CELL

__all__ = ["PendingIndex"]

_BUCKET_DAYS = 16  # about a block's width: a lookup reads two to four buckets per cell or key

_Entry = tuple[int, MentionFeatures]  # (order added, features)


class PendingIndex:
    """Mentions in memory by (cell, day bucket) and (key, day bucket)."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[_Entry]] = {}
        self._keys: dict[tuple[int, int], list[_Entry]] = {}
        self._all: list[MentionFeatures] = []

    def add(self, features: MentionFeatures, cell: int, keys: tuple[int, ...]) -> None:
        entry = (len(self._all), features)
        self._all.append(features)
        bucket = features.day_hi // _BUCKET_DAYS
        if cell != UNLOCATED_CELL:
            self._cells.setdefault((cell, bucket), []).append(entry)
        for key in keys:
            self._keys.setdefault((key, bucket), []).append(entry)

    def all(self) -> Iterator[MentionFeatures]:
        yield from self._all

    def lookup(self, block: Block) -> Iterator[MentionFeatures]:
        """The mentions in the block: those of its cells inside its box, then those of its keys, each once.

        A mention in the block's time ends on or after `day_from` and, as no date interval is longer than
        `span_days`, on or before `day_to + span_days`: only those buckets are read."""
        buckets = range(block.day_from // _BUCKET_DAYS, (block.day_to + block.span_days) // _BUCKET_DAYS + 1)
        seen: set[int] = set()
        for cell in dict.fromkeys(block.cells):
            for _, other in self._gather(self._cells, cell, buckets):
                if id(other) not in seen and block.in_time(other) and block.in_box(other):
                    seen.add(id(other))
                    yield other
        for key in block.keys:
            for _, other in self._gather(self._keys, key, buckets):
                if id(other) not in seen and block.in_time(other):
                    seen.add(id(other))
                    yield other

    @staticmethod
    def _gather(index: dict[tuple[int, int], list[_Entry]], name: int, buckets: range) -> list[_Entry]:
        """The entries of one cell or key over the buckets, in the order they were added."""
        lists = [found for bucket in buckets if (found := index.get((name, bucket)))]
        if len(lists) == 1:
            return lists[0]  # one bucket's entries are in the order added already
        merged = [entry for found in lists for entry in found]
        merged.sort(key=lambda entry: entry[0])
        return merged
