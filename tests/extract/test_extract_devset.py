"""A regression guard on the development set: the figures bench/eval_events.py prints stay above floors.

The floors sit below the measured figures (see the closing note of issue 3) so that a
change that breaks a stage fails here, not one that moves a single item.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).parents[2] / "bench" / "eval_events.py"


def _bench():
    spec = importlib.util.spec_from_file_location("eval_events", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_development_set_figures(extractor) -> None:
    bench = _bench()
    items = bench.load_items("tune") + bench.load_items("heldout")
    results = bench.run(items, extractor)
    scores = bench.Scores()
    for item in items:
        scores.add(results[item["id"]])
    figures = scores.report("dev (tune+heldout)")
    assert figures["event_type"] >= 0.9
    assert figures["sub_event_wF1"] >= 0.85
    assert figures["date_stated"] >= 0.93
    assert figures["fatalities"] >= 0.85
    assert figures["actor1_nocountry"] >= 0.85
