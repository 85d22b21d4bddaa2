"""Fusion's hot path written out for speed gives what the plain rules give (SYNTHETIC mentions at real towns).

The scorer reads its fixed weights once and sums in place, a batch's index checks a block's days, families and
box inline, and the place rules remember which name keys are alike: each is checked here against the plain
definition (`PairScorer.weight_of`, `Block.in_time` / `in_box`, `_keys_alike`) over many random pairs.
"""

from __future__ import annotations

import math
import random

from borderwatch.fuse import AnalystLinks, Candidate, Fuser, MentionFeatures, MentionIndex
from borderwatch.fuse._score_place import _keys_alike, _keys_alike_uncached

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


class _CountedLinks(AnalystLinks):
    """Analysts' links that count how often their truth is asked."""

    asked = 0

    def __bool__(self) -> bool:
        type(self).asked += 1
        return super().__bool__()


class _CountedFuser(Fuser):
    """A fuser that counts the thresholds it works out."""

    thresholds = 0

    def threshold(self, new: MentionFeatures, old: MentionFeatures | None) -> float:
        type(self).thresholds += 1
        return super().threshold(new, old)


def test_a_decision_asks_its_threshold_and_the_links_truth_once_whatever_the_candidates() -> None:
    """`decide` works out the threshold of its best comparison once (for the merge and the explanation alike) and
    asks once whether analysts' links exist, not twice per candidate; the decisions are the plain fuser's."""
    fuser, plain = _CountedFuser(), Fuser()
    mentions = _random_mentions(plain, random.Random(13), 60)
    links = _CountedLinks(must=[("nobody-1", "nobody-2")])
    compared = 0
    for i, new in enumerate(mentions[20:], start=20):
        candidates = [Candidate(f"E{j}", [old]) for j, old in enumerate(mentions[:i])]
        _CountedLinks.asked = _CountedFuser.thresholds = 0
        decision = fuser.decide(new, candidates, links)
        assert _CountedLinks.asked <= 2  # `links or ...` and the one question
        assert _CountedFuser.thresholds == 1
        assert decision == plain.decide(new, candidates, AnalystLinks(must=[("nobody-1", "nobody-2")]))
        compared += len(candidates)
    assert compared > 1000


def test_veto_text_is_written_only_when_explained(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """About half the comparisons are vetoed and only a decision's best one is shown: scoring leaves the veto's
    text unwritten, and the explanation writes it as "feature: detail"."""
    from borderwatch.fuse import _score, _score_detail

    written = _score_detail.written
    calls = 0

    def counted(detail: _score_detail.Detail) -> str:
        nonlocal calls
        calls += 1
        return written(detail)

    monkeypatch.setattr(_score_detail, "written", counted)
    fuser = Fuser()
    mentions = _random_mentions(fuser, random.Random(13), 80)
    vetoed = [
        pair
        for i, new in enumerate(mentions)
        for old in mentions[:i]
        if (pair := fuser._scorer.score(new, old))[1] is not None
    ]
    assert len(vetoed) > 100 and calls == 0
    names = set()
    for pair in vetoed:
        _, veto, _ = _score.explained(pair)
        assert veto is not None
        name, _, detail = veto.partition(": ")
        names.add(name)
        assert detail and name in ("type", "date", "place")
    assert {"date", "place"} <= names and calls >= len(vetoed)


def test_a_sentence_s_target_words_are_found_once_and_are_the_plain_intersection(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The target words of a sentence are looked up once per sentence, not once per comparison, and are what
    intersecting its words with the targets' vocabulary gives; the store of them is bounded."""
    from borderwatch.fuse import _score_content

    fuser = Fuser()
    scorer = fuser._scorer.content
    mentions = _random_mentions(fuser, random.Random(14), 60)
    for i, new in enumerate(mentions):
        for old in mentions[:i]:
            fuser._scorer.score(new, old)
    held = scorer.targets_of
    assert 0 < len(held) <= len({m.words for m in mentions})  # one entry per sentence, whatever its comparisons
    for mention in mentions:
        assert scorer.targets_named(mention.words) == mention.words & scorer.target_words
    monkeypatch.setattr(_score_content, "_TARGETS_HELD", 3)
    held.clear()
    for mention in mentions:
        scorer.targets_named(mention.words)
        assert len(held) <= 3


def test_text_leaves_out_the_name_words_found_once_per_mention() -> None:
    """The text feature's Dice leaves out the shared words of either sentence's names or place; the words are found
    once per mention (`MentionFeatures.name_words`) and the count is what looking up each shared word's key gives."""
    from borderwatch.fuse._names import skeleton

    fuser = Fuser()
    content = fuser._scorer.content
    mentions = _random_mentions(fuser, random.Random(15), 80)
    left_out = 0
    for mention in mentions:
        keys = mention.names | mention.place_keys
        assert set(mention.name_words) == {w for w in mention.words if skeleton(w) in keys}
    for i, new in enumerate(mentions):
        for old in mentions[:i]:
            shared = new.words & old.words
            named = sum(1 for w in shared if {skeleton(w)} & (new.names | old.names | new.place_keys | old.place_keys))
            left_out += named
            _, _, detail = content.text(new, old)
            if isinstance(detail, tuple):
                assert detail[1] == len(shared) - named
    assert left_out > 0


def test_a_vague_comparison_reads_each_way_of_names_elsewhere_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Two vague mentions are compared for the places each names elsewhere, each way once (the rule reads each
    twice): a pure function, so asking it once gives the same decisions."""
    from borderwatch.fuse import _score_place

    plain = _score_place._names_elsewhere
    calls: list[tuple[str, str]] = []

    def counted(vague: MentionFeatures, other: MentionFeatures, near_one_town: bool = False) -> str:
        calls.append((vague.key, other.key))
        return plain(vague, other, near_one_town)

    monkeypatch.setattr(_score_place, "_names_elsewhere", counted)
    fuser = Fuser()
    mentions = _random_mentions(fuser, random.Random(16), 150)
    both_vague = 0
    for i, new in enumerate(mentions):
        for old in mentions[:i]:
            calls.clear()
            fuser._scorer.places.compare(new, old)
            assert len(calls) == len(set(calls)) <= 2
            both_vague += len(calls) == 2
    assert both_vague > 20


def test_an_explanation_validated_in_one_call_is_the_one_built_feature_by_feature() -> None:
    """`Fuser.explain` validates the explanation and its features from plain dicts in one call: the result is the
    model built the plain way, one `FeatureScore` per feature (vetoed comparisons and scored ones alike)."""
    from borderwatch.fuse import _score
    from borderwatch.fuse._types import FeatureScore, MatchExplanation

    fuser = Fuser()
    mentions = _random_mentions(fuser, random.Random(16), 50)
    vetoed = scored = 0
    for i, new in enumerate(mentions):
        for old in mentions[:i]:
            total, veto, features = _score.explained(fuser._scorer.score(new, old))
            plain = MatchExplanation(
                event_id="E1",
                against=old.key,
                score=round(total, 3) if veto is None else -999.0,
                threshold=fuser.threshold(new, old),
                vetoed=veto,
                features=[
                    FeatureScore(name=n, value=v, weight=w, contribution=round(w * v, 3), detail=d)
                    for n, v, d, w in features
                ],
            )
            assert fuser.explain(new, old, "E1") == plain
            vetoed += veto is not None
            scored += veto is None
    assert vetoed > 50 and scored > 50


def test_name_keys_are_those_of_the_mention_s_names_whichever_asks_first() -> None:
    """A mention's name keys, shared by its lookup and its index entry (`_blocking._name_keys`, remembered), are
    the keys of its sentence's, context's and place's names in name order, asked in either order."""
    from borderwatch.fuse._blocking import index_keys, lookup_keys, named_key

    fuser = Fuser()
    mentions = _random_mentions(fuser, random.Random(17), 120)
    for i, mention in enumerate(mentions):
        plain = [named_key("name", n) for n in sorted(mention.names | mention.context | mention.place_keys)]
        first, second = (index_keys, lookup_keys) if i % 2 else (lookup_keys, index_keys)
        for asked in (first(mention), second(mention)):
            tail = asked[len(asked) - len(set(plain)) :] if plain else ()
            assert set(plain) <= set(asked) and list(tail) == list(dict.fromkeys(plain))
    assert any(m.names for m in mentions) and any(m.place_keys for m in mentions)
