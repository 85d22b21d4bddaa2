"""How much work blocking hands the scorer: candidate events per mention and pairwise comparisons.

The benchmarks count through thin wrappers around `Fuser.decide` (each decision says how many candidate events
blocking let through) and `PairScorer.score` (one call per mention compared), so the library carries no counter
on its hot path. Wrapping costs well under a microsecond a call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from borderwatch.fuse import _fuser, _score


@dataclass
class FusionWork:
    decisions: int = 0
    candidate_events: int = 0
    comparisons: int = 0

    def line(self) -> str:
        per = max(1, self.decisions)
        return (
            f"blocking: {self.decisions} mentions decided, {self.candidate_events / per:.2f} candidate events and "
            f"{self.comparisons / per:.2f} comparisons per mention ({self.comparisons} comparisons)"
        )

    def as_dict(self) -> dict[str, int]:
        return {"decisions": self.decisions, "candidate_events": self.candidate_events, "comparisons": self.comparisons}


@contextmanager
def counting_fusion_work() -> Iterator[FusionWork]:
    """Count decisions, candidate events and comparisons made inside the block."""
    work = FusionWork()
    decide, score = _fuser.Fuser.decide, _score.PairScorer.score

    def counted_decide(self: Any, *args: Any, **kwargs: Any) -> Any:
        decision = decide(self, *args, **kwargs)
        work.decisions += 1
        work.candidate_events += decision.candidates
        return decision

    def counted_score(self: Any, *args: Any, **kwargs: Any) -> Any:
        work.comparisons += 1
        return score(self, *args, **kwargs)

    _fuser.Fuser.decide, _score.PairScorer.score = counted_decide, counted_score  # type: ignore[method-assign]
    try:
        yield work
    finally:
        _fuser.Fuser.decide, _score.PairScorer.score = decide, score  # type: ignore[method-assign]
