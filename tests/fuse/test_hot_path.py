"""Fusion's hot path written out for speed gives what the plain rules give (SYNTHETIC mentions at real towns).

The scorer reads its fixed weights once and sums in place, a batch's index checks a block's days, families and
box inline, and the place rules remember which name keys are alike: each is checked here against the plain
definition (`PairScorer.weight_of`, `Block.in_time` / `in_box`, `_keys_alike`) over many random pairs.
"""

from __future__ import annotations

import math
import random

from borderwatch.fuse import Fuser, MentionIndex
from borderwatch.fuse._score import _keys_alike, _keys_alike_uncached

from .test_blocking import _random_mentions


def test_score_weights_and_total_are_the_plain_rules() -> None:
    fuser = Fuser()
    scorer = fuser._scorer
    mentions = _random_mentions(fuser, random.Random(11), 120)
    scored = vetoed = 0
    for i, new in enumerate(mentions):
        for old in mentions[:i]:
            total, veto, features = scorer.score(new, old)
            if veto is not None:
                vetoed += 1
                assert total == -math.inf
                continue
            scored += 1
            for name, value, detail, weight in features:
                assert weight == scorer.weight_of(name, value, detail), (name, value, detail)
            assert total == sum(weight * value for _, value, _, weight in features)
    assert scored > 1000 and vetoed > 100  # both kinds of comparisons were made


def test_batch_index_finds_what_the_block_lets_through() -> None:
    fuser = Fuser()
    mentions = _random_mentions(fuser, random.Random(12), 200)
    index = MentionIndex()
    cells: dict[int, int] = {}
    keys: dict[int, tuple[int, ...]] = {}
    found_some = 0
    for new in mentions:
        block = fuser.block(new)
        found = [id(f) for f in index.lookup(block)]
        expected = {
            id(old)
            for old in index.all()
            if block.in_time(old)
            and ((cells[id(old)] in block.cells and block.in_box(old)) or set(keys[id(old)]) & set(block.keys))
        }
        assert len(found) == len(set(found)) and set(found) == expected
        found_some += bool(found)
        new.event_id = new.key
        cells[id(new)], keys[id(new)] = fuser.cell(new), fuser.keys(new)
        index.add(new, cells[id(new)], keys[id(new)])
    assert found_some > 100


def test_alike_keys_are_remembered_as_computed() -> None:
    rng = random.Random(3)
    letters = "bdgkmnrst"
    words = ["".join(rng.choice(letters) for _ in range(rng.randrange(2, 8))) for _ in range(300)]
    pairs = [(rng.choice(words), rng.choice(words)) for _ in range(3000)]
    pairs += [(w, w[1:]) for w in words if len(w) > 2]  # a sound more or less
    for a, b in pairs:
        assert _keys_alike(a, b) == _keys_alike_uncached(a, b)
        assert _keys_alike(a, b) == _keys_alike_uncached(a, b)  # and again, from memory
    assert any(_keys_alike(a, b) for a, b in pairs) and not all(_keys_alike(a, b) for a, b in pairs)
