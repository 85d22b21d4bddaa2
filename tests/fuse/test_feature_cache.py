"""Fusion's feature cache and the compact rows it decodes: what is read back is what was stored, and the sets
that recur are shared (each set is an object the garbage collector walks). SYNTHETIC mentions and reports."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from borderwatch.fuse import Fuser
from borderwatch.store._fusion_index import FeatureCache, feature_row, features_from_row

from ._make import mention

TEXT = (
    "SYNTHETIC. Ouallam: attack on the market.\n"
    "Gunmen attacked the livestock market of Ouallam on Sunday, killing seven civilians.\n"
    "The governor Ali Moussa visited Ayorou the next day."
)


def _features(sentence: str, text: str | None, key: str = "r1-e1", place: str = "Ouallam"):
    start = text.index(sentence) if text else 0
    m = mention(sentence=sentence, fatalities=7, place=place)
    m = m.model_copy(update={"evidence": m.evidence.model_copy(update={"start": start, "end": start + len(sentence)})})
    return Fuser().features(m, key, "r1", date(2025, 4, 7), text)


def test_a_stored_row_decodes_to_the_features_stored() -> None:
    fuser = Fuser()
    stored = _features("Gunmen attacked the livestock market of Ouallam on Sunday, killing seven civilians.", TEXT)
    assert stored.names and stored.context and stored.words  # the case worth checking: every set filled
    row = feature_row(fuser, stored, "E1", fuser.keys(stored))
    stored.event_id = "E1"
    decoded = features_from_row(SimpleNamespace(**row))
    assert decoded == stored


def test_empty_and_equal_sets_are_shared() -> None:
    fuser = Fuser()
    sentence = "SYNTHETIC. Gunmen attacked the market of Ouallam, case {}."
    at_place = [_features(sentence.format(n), None, f"r{n}-e1") for n in (1, 2)]
    elsewhere = _features(sentence.format(3), None, "r3-e1", place="Ayorou")  # its place not named: all names lead
    assert not at_place[0].lead and at_place[0].lead is at_place[1].lead is at_place[1].context  # one empty set
    assert elsewhere.names and elsewhere.lead is elsewhere.names
    for features in (*at_place, elsewhere):
        decoded = features_from_row(SimpleNamespace(**feature_row(fuser, features, "E1", fuser.keys(features))))
        assert decoded.context is at_place[0].context
        assert decoded.lead is (decoded.names if features.lead else at_place[0].context)


def test_a_cached_mention_is_used_only_for_its_seq() -> None:
    cache = FeatureCache(2, mention_size=2)
    first, second = mention("e1"), mention("e2")
    cache.put_mentions([("k1", 10, first), ("k2", 11, second)])
    assert cache.mention("k1", 10) is first and cache.mention("k1", 12) is None
    cache.put_mentions([("k3", 12, first), ("k4", 13, second)])  # over its size: the oldest go first
    assert cache.mention("k1", 10) is None and cache.mention("k4", 13) is second


def test_parsed_mentions_are_held_within_their_own_bound() -> None:
    cache = FeatureCache(40)  # features of 40 mentions; their parsed mentions: a quarter of that
    parsed = mention("e1")
    for n in range(100):
        cache.put_mentions([(f"k{n}", n, parsed)])
        assert len(cache._mentions) <= 10 and len(cache._mention_seqs) <= 10
    assert cache.mention("k99", 99) is parsed and cache.mention("k0", 0) is None  # the most recent are kept


def test_a_word_of_many_mentions_is_one_string() -> None:
    fuser = Fuser()
    sentence = "SYNTHETIC. Gunmen attacked the livestock market of Ouallam, case {}."
    made = [_features(sentence.format(n), None, f"r{n}-e1") for n in (1, 2)]
    decoded = [features_from_row(SimpleNamespace(**feature_row(fuser, f, "E1", fuser.keys(f)))) for f in made]
    words = [{w: w for w in f.words} for f in (*made, *decoded)]
    assert "livestock" in words[0]
    assert all(found["livestock"] is words[0]["livestock"] for found in words[1:])
