"""Corroboration: how many independent sources report an event, how reliable they are, and the confidence.

Reports are one source when they share an independence key (the originating agency, or the outlet
for reports of no particular agency) or are near-duplicates (copies of one wire story). Each
independent source counts with the best Admiralty reliability among its reports (A reliable ... E
unreliable, F cannot be judged) times its most confident mention; confidence is the chance that at
least one of them is right, taking them as independent: 1 - prod(1 - weight * confidence).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from ._config import FusionConfig

__all__ = ["Corroboration", "ReportSource", "corroborate"]

_RELIABILITY_ORDER = "ABCDEF"


@dataclass(frozen=True, slots=True)
class ReportSource:
    """One report behind an event: who it stands for, how reliable its source is, how sure its mention is."""

    report_id: str
    independence_key: str
    reliability: str | None
    confidence: float
    source_name: str | None = None


class Corroboration(BaseModel):
    reports: int
    independent_sources: int
    groups: list[list[str]] = Field(description="report ids, one list per independent source")
    reliability: str | None = Field(default=None, description="best Admiralty grade among the sources")
    confidence: float


def corroborate(
    sources: Sequence[ReportSource], near_duplicates: Iterable[tuple[str, str]], config: FusionConfig
) -> Corroboration:
    """Group an event's reports into independent sources and combine them into a confidence."""
    by_report: dict[str, ReportSource] = {}
    for source in sources:  # several mentions of one report: keep its most confident
        kept = by_report.get(source.report_id)
        if kept is None or source.confidence > kept.confidence:
            by_report[source.report_id] = source
    groups = _groups(list(by_report.values()), near_duplicates)
    weights = config.independence.reliability_weight
    doubt = 1.0
    for group in groups:
        members = [by_report[r] for r in group]
        weight = max(weights.get(m.reliability or "unknown", weights["unknown"]) for m in members)
        doubt *= 1.0 - weight * max(m.confidence for m in members)
    grades = sorted({s.reliability for s in by_report.values() if s.reliability}, key=_RELIABILITY_ORDER.find)
    return Corroboration(
        reports=len(by_report),
        independent_sources=len(groups),
        groups=groups,
        reliability=grades[0] if grades else None,
        confidence=round(1.0 - doubt, 4),
    )


def _groups(sources: list[ReportSource], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    parent = {s.report_id: s.report_id for s in sources}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    first_of_key: dict[str, str] = {}
    for source in sources:
        union(source.report_id, first_of_key.setdefault(source.independence_key, source.report_id))
    for a, b in links:
        union(a, b)
    groups: dict[str, list[str]] = {}
    for source in sources:
        groups.setdefault(find(source.report_id), []).append(source.report_id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
