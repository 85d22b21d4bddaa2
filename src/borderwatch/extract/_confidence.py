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

Rules tuned on a split are right more often there than on text nobody looked at, so a map fitted on
the tuned splits alone promises too much (expected calibration error 0.12 on held-out splits).
The map's log-odds are therefore scaled by one factor (`log_odds_scale`, at most 1: it only tempers)
fitted on held-out splits that are scored as a whole and never opened for tuning; the newest sealed
split stays out of the fit and tells how well it holds.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._text import load_data

if TYPE_CHECKING:
    from ._merge import EventGroup

__all__ = ["Calibration", "fit_isotonic", "fit_log_odds_scale", "load_calibration", "raw_score"]

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

    def __init__(
        self, thresholds: Sequence[float] = (), values: Sequence[float] = (), log_odds_scale: float = 1.0
    ) -> None:
        self.thresholds = list(thresholds)
        self.values = list(values)
        self.log_odds_scale = log_odds_scale

    def __call__(self, raw: float) -> float:
        if not self.thresholds:
            return round(raw, 3)
        index = bisect.bisect_right(self.thresholds, raw) - 1
        return round(_scaled(self.values[max(0, index)], self.log_odds_scale), 3)

    def with_scale(self, log_odds_scale: float) -> Calibration:
        return Calibration(self.thresholds, self.values, log_odds_scale)

    def to_json(self) -> dict:
        return {"thresholds": self.thresholds, "values": self.values, "log_odds_scale": self.log_odds_scale}


def _scaled(p: float, scale: float) -> float:
    if scale == 1.0 or not 0.0 < p < 1.0:
        return p
    return 1.0 / (1.0 + math.exp(-scale * math.log(p / (1.0 - p))))


def fit_log_odds_scale(mapped: Sequence[float], correct: Sequence[bool]) -> float:
    """The factor in [0.2, 1] on the log-odds of already mapped probabilities that fits held-out outcomes best
    (least log loss; a grid of 0.01 steps: one number needs no optimiser)."""

    def loss(scale: float) -> float:
        total = 0.0
        for p, ok in zip(mapped, correct, strict=True):
            q = min(max(_scaled(p, scale), 1e-6), 1 - 1e-6)
            total -= math.log(q if ok else 1.0 - q)
        return total

    return min((s / 100 for s in range(20, 101)), key=loss) if mapped else 1.0


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
    return Calibration(data["thresholds"], data["values"], data.get("log_odds_scale", 1.0))
