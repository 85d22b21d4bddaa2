"""The ranking-loss table of bench/eval_geo.py (--ranking), on a synthetic corpus written for this test."""

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_geo.py"


@pytest.fixture(scope="module")
def eval_geo():
    spec = importlib.util.spec_from_file_location("eval_geo_under_test", _BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc(text: str, name: str, lat: float, lon: float, geonameid: str) -> dict:
    start = text.index(name)
    gold = {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon, "geonameid": geonameid}
    return {"text": text, "toponyms": [gold]}


def test_a_namesake_abroad_chosen_over_the_right_town_is_a_ranking_loss_by_class(geoparser, eval_geo) -> None:
    # Gold: London, Ontario; a text that says nothing of Canada, so the ranking takes London, England.
    doc = _doc("Synthetic: an invented shelter in London opened twenty beds.", "London", 42.98, -81.23, "6058560")
    table, losses = eval_geo.ranking_table(geoparser, [doc])
    assert losses == 1
    assert table["kind"] == {"town for town": 1}
    assert table["population"] == {"over 10x": 1}
    assert table["country"] == {"another country": 1}
    assert table["distance"] == {"over 3000 km": 1}


def test_a_place_resolved_right_or_without_any_right_candidate_is_no_ranking_loss(geoparser, eval_geo) -> None:
    right = _doc("Synthetic: an invented convoy reached Tamanrasset.", "Tamanrasset", 22.785, 5.523, "2478216")
    nowhere = _doc("Synthetic: an invented boat sank off Tamanrasset.", "Tamanrasset", -40.0, 170.0, "1")
    _, losses = eval_geo.ranking_table(geoparser, [right, nowhere])
    assert losses == 0
