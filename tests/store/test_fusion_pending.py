"""The store's index of mentions not written yet finds what fusion's in-memory index finds, in the same order.

SYNTHETIC mentions: invented happenings at real places, dates of every precision and none.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from borderwatch.fuse import Fuser, MentionIndex
from borderwatch.store._fusion_pending import PendingIndex
from tests.fuse._make import PLACES, mention

SUB_TYPES = (
    ("Battles", "Armed clash"),
    ("Strategic developments", "Arrests"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
)
ACTORS = (None, "Katibat Quesnoy", "Network Pyrwell", "Military Forces of Niger")


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


def test_pending_index_finds_what_mention_index_finds() -> None:
    fuser = Fuser()
    rng = random.Random(3)
    expected, pending = MentionIndex(), PendingIndex()
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
