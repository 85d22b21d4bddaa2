"""Fusion stage: event mentions -> events. One event per happening, every source kept, every merge explained.

Public entry point: `Fuser` (`features`, `block`, `decide`, `cluster`, `derive`, `corroborate`). Pure
logic: the store reads candidates and writes decisions; thresholds and families are data
(`data/fusion.json`).
"""

from ._blocking import UNLOCATED_CELL, Block, MentionIndex, cell_of, day_bucket, index_keys, lookup_keys, named_key
from ._config import FusionConfig, load_config
from ._corroboration import Corroboration, ReportSource, corroborate
from ._features import classify_actors, content_words, date_interval, fold_name, mention_features
from ._fields import FusedFields, SourcedMention, derive_fields
from ._fuser import Fuser
from ._names import name_keys, name_keys_within, names_place, place_keys
from ._score import PairScorer, haversine_km
from ._types import AnalystLinks, Candidate, Decision, FeatureScore, MatchExplanation, MentionFeatures

__all__ = [
    "UNLOCATED_CELL",
    "AnalystLinks",
    "Block",
    "Candidate",
    "Corroboration",
    "Decision",
    "FeatureScore",
    "FusedFields",
    "Fuser",
    "FusionConfig",
    "MatchExplanation",
    "MentionFeatures",
    "MentionIndex",
    "PairScorer",
    "ReportSource",
    "SourcedMention",
    "cell_of",
    "classify_actors",
    "content_words",
    "corroborate",
    "date_interval",
    "day_bucket",
    "derive_fields",
    "fold_name",
    "haversine_km",
    "index_keys",
    "load_config",
    "lookup_keys",
    "mention_features",
    "name_keys",
    "name_keys_within",
    "named_key",
    "names_place",
    "place_keys",
]
