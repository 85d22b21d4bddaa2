"""bench/eval_fusion.py scores pairs per mention: a report that tells another happening besides its own (`also`)
is not counted as a false merge when its mention of that happening joins the happening's event."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_fusion.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_fusion_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Synthetic: an ambush told by two reports, and arrests told by two, one of which also tells the ambush.
_ITEMS = [
    {"id": "a1", "cluster": "x01"},
    {"id": "a2", "cluster": "x01"},
    {"id": "b1", "cluster": "x02", "also": ["x01"]},
    {"id": "b2", "cluster": "x02"},
]


def test_a_told_happening_joined_to_its_event_is_not_a_false_merge() -> None:
    bench = _bench()
    # b1's only mention is the ambush it tells (the extractor coded it), joined to the ambush's event.
    events = {"a1": ["E1"], "a2": ["E1"], "b1": ["E1"], "b2": ["E2"]}
    scored = bench.pairwise(_ITEMS, events, "all")
    assert (scored["tp"], scored["fp"], scored["fn"]) == (1, 0, 1)
    assert (scored["optional"], scored["optional_fused"]) == (2, 2)
    former = bench.pairwise(_ITEMS, events, "all", per_mention=False)
    assert (former["tp"], former["fp"], former["fn"]) == (1, 2, 1)


def test_a_second_mention_in_another_event_counts_per_mention() -> None:
    bench = _bench()
    # b1 tells its arrests first and the ambush second: both events reached, each pair scored by any shared event.
    events = {"a1": ["E1"], "a2": ["E1"], "b1": ["E2", "E1"], "b2": ["E2"]}
    scored = bench.pairwise(_ITEMS, events, "all")
    assert (scored["tp"], scored["fp"], scored["fn"]) == (2, 0, 0)


def test_a_pair_of_different_clusters_sharing_an_event_without_also_is_a_false_merge() -> None:
    bench = _bench()
    items = [{"id": "a1", "cluster": "x01"}, {"id": "b2", "cluster": "x02"}]
    scored = bench.pairwise(items, {"a1": ["E1"], "b2": ["E3", "E1"]}, "all")
    assert (scored["fp"], scored["optional"]) == (1, 0)


def test_classes_name_a_veto_s_rule_without_its_names() -> None:
    bench = _bench()
    kind = bench._veto_kind("place: 412 km apart, beyond the 80 km their precisions allow")
    assert kind == "place (beyond reach)"
    assert bench._veto_kind(
        "place: 45 km apart, two places each named alone (Kari / Dori): two happenings at two points"
    ) == ("place (two points)")
    assert bench._veto_kind("date: 4 days apart and of different kinds (a follow-up event)") == "date (follow-up)"
    assert bench._veto_kind("type: Attack / Arrests are never the same happening") == "type (never the same)"
