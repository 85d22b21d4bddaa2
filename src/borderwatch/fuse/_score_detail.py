"""What a comparison's features rest on, and the shapes of a comparison (`_score`, `_score_*`).

A feature's detail is a text, or a format (or a function) and its values, written out only when a comparison is
explained (`written`): most comparisons are never shown.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Detail", "ExplainedScore", "Feature", "PairScore", "Step", "Veto", "written"]

# What a feature rests on, said for an analyst: a text, or a format (or a function) and its values. Most
# comparisons are never explained (only the best one of each decision is kept), so texts that format numbers and
# names are written only when asked (`explained`): a tuple costs a quarter of formatting the text.
Detail = str | tuple[Any, ...]
# (name, value, detail, weight) for each feature; the weighted total, why the pair was vetoed (None: not
# vetoed): the vetoing feature's name and what it rests on, written "name: detail" only when explained (about
# half the comparisons are vetoed, and only the best one of a decision is shown), and the features compared
# before a veto or all of them.
Feature = tuple[str, float, Detail, float]
Veto = tuple[str, Detail]
PairScore = tuple[float, Veto | None, list[Feature]]
# A comparison written out (`explained`): the veto and each feature's detail as texts.
ExplainedScore = tuple[float, str | None, list[tuple[str, float, str, float]]]
# One feature's name, value (None: a veto) and detail, as each rule returns it.
Step = tuple[str, float | None, Detail]


def written(detail: Detail) -> str:
    """`detail` as a text (a format and its values formatted, a function called with them)."""
    if isinstance(detail, str):
        return detail
    head, *values = detail
    return head.format(*values) if isinstance(head, str) else head(*values)
