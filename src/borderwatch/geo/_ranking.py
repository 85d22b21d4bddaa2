"""The weights of the candidate ranking, read from data/ranking.json (what each weighs is said there, in `about`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ._sources import data_file

__all__ = ["RankingWeights", "ranking_weights"]

_CONTEXT_KEYS = (
    "country", "admin1", "near", "support", "container", "sibling", "hint", "far", "foreign_spelling_penalty",
)  # fmt: skip


@dataclass(frozen=True)
class RankingWeights:
    kind_prior: MappingProxyType[str, float]  # by GeoNames feature code
    curated_prior: float
    match_weight: float
    namesake_town_bonus: float
    context: MappingProxyType[str, float]
    office: float
    division: float
    division_country: float
    doubt_factor: float
    temperature: float

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> RankingWeights:
        """The weights of a table in data/ranking.json's shape; a missing weight is an error, not a default."""
        context = {key: float(table["context"][key]) for key in _CONTEXT_KEYS}
        return cls(
            MappingProxyType({code: float(value) for code, value in table["kind_prior"].items()}),
            float(table["curated_prior"]),
            float(table["match_weight"]),
            float(table["namesake_town_bonus"]),
            MappingProxyType(context),
            float(table["office"]),
            float(table["division"]),
            float(table["division_country"]),
            float(table["doubt_factor"]),
            float(table["temperature"]),
        )


@lru_cache(maxsize=1)
def ranking_weights() -> RankingWeights:
    return RankingWeights.from_table(data_file("ranking.json"))
