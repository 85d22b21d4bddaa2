"""The ranking's weights are data (data/ranking.json), each explained there, and all of them are required."""

from __future__ import annotations

import copy

import pytest

from borderwatch.geo._candidate_arrays import MATCH_WEIGHT
from borderwatch.geo._context import CONTEXT_WEIGHT
from borderwatch.geo._ranking import RankingWeights, ranking_weights
from borderwatch.geo._sources import data_file


def test_the_ranking_reads_its_weights_from_the_data_file() -> None:
    table = data_file("ranking.json")
    weights = ranking_weights()
    assert dict(weights.kind_prior) == table["kind_prior"]
    assert table["match_weight"] == MATCH_WEIGHT
    assert table["context"]["country"] == CONTEXT_WEIGHT


def test_every_weight_is_explained() -> None:
    table = data_file("ranking.json")
    named = {key for key in table if key not in ("source", "about")} - {"context"}
    named |= {f"context.{key}" for key in table["context"]}
    assert named == set(table["about"])


@pytest.mark.parametrize("path", [("office",), ("context", "near"), ("kind_prior",)])
def test_a_missing_weight_is_an_error_not_a_default(path: tuple[str, ...]) -> None:
    table = copy.deepcopy(data_file("ranking.json"))
    holder = table
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    with pytest.raises(KeyError):
        RankingWeights.from_table(table)
