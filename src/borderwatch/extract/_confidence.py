"""Confidence that an event is right: a raw evidence score, mapped to a calibrated probability.

The raw score adds up what makes a coding trustworthy (a specific rule rather than a
fallback, several cues agreeing, named parties, a date, a short sentence), and takes off
for a report that tells several events: each of an article's events is wrong more often
than the one event of a short note (on the development splits, 13% against 2%). The map
from raw score to probability is fitted on the labelled development set by
`bench/eval_events.py --calibrate` (isotonic regression by pool-adjacent-violators
over the raw scores of the events it extracts from the development splits, each right
or wrong, with Laplace-smoothed block rates) and shipped as
`data/calibration.json`; events at 0.9 are then right about 90% of the time on it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._text import load_data

if TYPE_CHECKING:
    from ._merge import EventGroup

__all__ = ["Calibration", "fit_isotonic", "load_calibration", "raw_score"]

_STRUCTURAL = ("agent_", "target_", "any_", "victims_", "kill_")


def raw_score(group: EventGroup, *, has_actor: bool, has_date: bool, crowded: bool = False) -> float:
    """The evidence for one event; `crowded`: its report tells other events too."""
    main = group.main
    explicit = {c for c in main.cues if not c.startswith(_STRUCTURAL)}
    score = 0.3
    score += 0.2 if main.rule >= 0 else 0.0
    score += 0.1 if len(explicit) >= 2 else 0.0
    score += 0.1 if any(p.role in ("agent", "target", "both") for p in main.parties) else 0.0
    score += 0.05 if has_actor else 0.0
    score += 0.05 if has_date else 0.0
    score += 0.1 if len(group.members) > 1 else 0.0
    score -= 0.1 if len(main.sentence.text.split()) > 45 else 0.0
    score -= 0.2 if main.modality is not None else 0.0
    score -= 0.15 if crowded else 0.0
    return max(0.0, min(1.0, score))


class Calibration:
    """A monotone step map from raw scores to probabilities (identity until one is fitted)."""

    def __init__(self, thresholds: Sequence[float] = (), values: Sequence[float] = ()) -> None:
        self.thresholds = list(thresholds)
        self.values = list(values)

    def __call__(self, raw: float) -> float:
        if not self.thresholds:
            return round(raw, 3)
        index = bisect.bisect_right(self.thresholds, raw) - 1
        return round(self.values[max(0, index)], 3)

    def to_json(self) -> dict:
        return {"thresholds": self.thresholds, "values": self.values}


def fit_isotonic(scores: Sequence[float], correct: Sequence[bool]) -> Calibration:
    """Pool-adjacent-violators: the non-decreasing step function closest to the observed hit rates."""
    # Events with the same raw score start as one block: the map can only give them one value, and sorting the
    # wrong ones before the right ones would otherwise leave the right ones' rate as that value.
    tied: dict[float, list[float]] = {}
    for score, ok in zip(scores, correct, strict=True):
        tied.setdefault(score, [0.0, 0.0])
        tied[score][0] += float(ok)
        tied[score][1] += 1.0
    blocks: list[list[float]] = []  # [min score, sum correct, count]
    for score in sorted(tied):
        blocks.append([score, *tied[score]])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    # Laplace-smoothed block rates: a block of 30 right answers says "about 0.97", not "certain". Smoothing pulls a
    # small block further than a large one, so the running maximum keeps the map non-decreasing.
    values: list[float] = []
    for b in blocks:
        values.append(max((b[1] + 1) / (b[2] + 2), values[-1] if values else 0.0))
    return Calibration([b[0] for b in blocks], values)


def load_calibration() -> Calibration:
    try:
        data = load_data("calibration.json")
    except FileNotFoundError:
        return Calibration()
    return Calibration(data["thresholds"], data["values"])
