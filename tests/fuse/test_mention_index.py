"""Fusion's in-memory index, filed by day buckets, finds what a plain scan of its cells and keys finds, in the
same order.

SYNTHETIC mentions: invented happenings at real places, dates of every precision and none.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from borderwatch.fuse import Block, Fuser, MentionFeatures, MentionIndex
from borderwatch.fuse._blocking import UNLOCATED_CELL
from tests.fuse._make import PLACES, mention

SUB_TYPES = (
    ("Battles", "Armed clash"),
    ("Strategic developments", "Arrests"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
)
ACTORS = (None, "Katibat Quesnoy", "Network Pyrwell", "Military Forces of Niger")


class _PlainIndex:
    """The reference: mentions by cell and key only, every lookup walks all of a cell's or key's mentions."""

    def __init__(self) -> None:
        self._cells: dict[int, list[MentionFeatures]] = {}
        self._keys: dict[int, list[MentionFeatures]] = {}
        self._all: list[MentionFeatures] = []

    def add(self, features: MentionFeatures, cell: int, keys: tuple[int, ...]) -> None:
        self._all.append(features)
        if cell != UNLOCATED_CELL:
            self._cells.setdefault(cell, []).append(features)
        for key in keys:
            self._keys.setdefault(key, []).append(features)

    def all(self) -> list[MentionFeatures]:
        return self._all

    def lookup(self, block: Block) -> list[MentionFeatures]:
        found: dict[int, MentionFeatures] = {}
        for cell in dict.fromkeys(block.cells):
            for other in self._cells.get(cell, ()):
                if block.in_time(other) and block.in_box(other):
                    found.setdefault(id(other), other)
        for key in block.keys:
            for other in self._keys.get(key, ()):
                if block.in_time(other):
                    found.setdefault(id(other), other)
        return list(found.values())


def _features(fuser: Fuser, rng: random.Random, n: int) -> list:
    out = []
    for i in range(n):
        etype, sub = rng.choice(SUB_TYPES)
        undated = rng.random() < 0.1
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(400))
        place = rng.choice((None, *PLACES))
        m = mention(
            f"e{i}",
            etype=etype,
            sub=sub,
            day=None if undated else day.isoformat(),
            precision=rng.choice((1, 1, 2, 3)),
            place=place,
            geo_precision=rng.choice((1, 2, 3)),
            actor1=rng.choice(ACTORS),
            sentence=f"SYNTHETIC. Gunmen of the {rng.choice(ACTORS) or 'group'} struck near {place or 'the border'}.",
        )
        out.append(fuser.features(m, f"r{i}-e{i}", f"r{i}", day + timedelta(days=rng.randrange(3))))
    return out


def test_the_bucketed_index_finds_what_a_plain_scan_finds() -> None:
    fuser = Fuser()
    rng = random.Random(3)
    expected, pending = _PlainIndex(), MentionIndex()
    found_any = 0
    for features in _features(fuser, rng, 1500):
        block = fuser.block(features)
        want = [f.key for f in expected.lookup(block)]
        assert [f.key for f in pending.lookup(block)] == want
        found_any += bool(want)
        features.event_id = features.key
        cell, keys = fuser.cell(features), fuser.keys(features)
        expected.add(features, cell, keys)
        pending.add(features, cell, keys)
    assert found_any > 100  # the comparison met candidates, not only empty blocks
    assert [f.key for f in pending.all()] == [f.key for f in expected.all()]
