"""Reading a report's events through the store's reader-aware queries, and the figures made of them.

Everything comes through a store bound to the reader (`Store.as_reader`): the report holds only what
that reader may see, and the store audits the reads of restricted material as it does for every read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from ..model import Marking
from ..store import EventFilter, EventQuery
from ._request import SitrepRequest, settings_data

__all__ = ["EventReader", "Figures", "Sitrep", "gather"]

_PAGE = 1000


class EventReader(Protocol):
    """The reads a report needs, already bound to its reader (`BoundStore`)."""

    def search_events(self, query: EventQuery) -> tuple[list[dict[str, Any]], str | None]: ...

    def get_event(self, event_id: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Figures:
    events: int
    fatalities: int
    by_type: dict[str, int]


@dataclass
class Sitrep:
    """Everything a rendered report shows, as plain data."""

    request: SitrepRequest
    events: list[dict[str, Any]]
    figures: Figures
    previous: Figures
    significant: list[dict[str, Any]]
    weeks: list[date]
    events_per_week: dict[str, list[int]]
    fatalities_per_week: list[int]
    actors: list[tuple[str, int]]
    borders: list[tuple[str, int]]
    marking: Marking
    sources: int = 0
    precision: dict[str, Counter[int | None]] = field(default_factory=dict)


def gather(store: EventReader, request: SitrepRequest) -> Sitrep:
    """Read the period's and the previous period's events and compute what the report shows."""
    data = settings_data()
    events = _read_all(store, request.filter_for(request.start, request.end))
    before = _read_all(store, request.filter_for(*request.previous))
    significant = [_with_evidence(store, e) for e in _most_significant(events, data)]
    weeks = _weeks(request.start, request.end)
    marking = _most_restrictive(
        [request.area.marking]
        + [Marking(e["marking"]) for e in (*events, *before) if e.get("marking")]
        + [Marking(s["marking"]) for e in significant for s in e["evidence"] if s.get("marking")]
    )
    per_week, fatalities = _per_week(events, weeks)
    return Sitrep(
        request=request,
        events=events,
        figures=_figures(events),
        previous=_figures(before),
        significant=significant,
        weeks=weeks,
        events_per_week=per_week,
        fatalities_per_week=fatalities,
        actors=_actor_counts(events).most_common(int(data["top_actors"])),
        borders=Counter(e["location"]["border"] or "none known" for e in events).most_common(int(data["top_borders"])),
        marking=marking,
        sources=sum(e.get("sources") or 0 for e in events),
        precision={
            "geo_precision": Counter(e["location"]["geo_precision"] for e in events),
            "time_precision": Counter(e["time_precision"] for e in events),
        },
    )


def _read_all(store: EventReader, events: EventFilter) -> list[dict[str, Any]]:
    """Every event the filter selects that the reader may see, oldest first, one keyset page at a time."""
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = EventQuery(**events.model_dump(), sort="date", limit=_PAGE, cursor=cursor)
        page, cursor = store.search_events(query)
        found += page
        if cursor is None or not page:
            return found


def _figures(events: list[dict[str, Any]]) -> Figures:
    by_type = Counter(e["event_type"] for e in events)
    return Figures(
        events=len(events),
        fatalities=sum(e["fatalities"] or 0 for e in events),
        by_type=dict(sorted(by_type.items(), key=lambda item: (-item[1], item[0]))),
    )


def _most_significant(events: list[dict[str, Any]], data: dict[str, Any]) -> list[dict[str, Any]]:
    severity = data["type_severity"]

    def weight(event: dict[str, Any]) -> tuple[int, int, int, float, str]:
        return (
            event["fatalities"] or 0,
            int(severity.get(event["event_type"], 0)),
            event.get("sources") or 0,
            event["confidence"] or 0.0,
            event["date"] or "",
        )

    return sorted(events, key=weight, reverse=True)[: int(data["significant_events"])]


def _with_evidence(store: EventReader, event: dict[str, Any]) -> dict[str, Any]:
    """The event with its visible sources' sentences (the store gives only the mentions the reader may see)."""
    limit = int(settings_data()["sentences_per_event"])
    detail = store.get_event(event["id"])
    evidence = []
    for mention in detail.get("mentions", [])[:limit]:
        report = mention["report"]
        evidence.append(
            {
                "sentence": mention["sentence"],
                "source": report.get("source") or report.get("title") or report["id"],
                "published": report.get("published"),
                "marking": report.get("marking"),
            }
        )
    return {**event, "evidence": evidence, "mentions": len(detail.get("mentions", []))}


def _weeks(start: date, end: date) -> list[date]:
    """The Mondays of the weeks that the period touches."""
    monday = start - timedelta(days=start.weekday())
    return [monday + timedelta(weeks=i) for i in range((end - monday).days // 7 + 1)]


def _per_week(events: list[dict[str, Any]], weeks: list[date]) -> tuple[dict[str, list[int]], list[int]]:
    counts: dict[str, list[int]] = {}
    fatalities = [0] * len(weeks)
    for event in events:
        if not event["date"]:
            continue
        day = date.fromisoformat(str(event["date"])[:10])
        index = (day - weeks[0]).days // 7
        if 0 <= index < len(weeks):
            counts.setdefault(event["event_type"], [0] * len(weeks))[index] += 1
            fatalities[index] += event["fatalities"] or 0
    return counts, fatalities


def _actor_counts(events: list[dict[str, Any]]) -> Counter[str]:
    """Events each actor took part in (as actor 1 or 2; an actor counted once per event)."""
    counts: Counter[str] = Counter()
    for event in events:
        names = {(event.get(role) or {}).get("name") for role in ("actor1", "actor2")}
        counts.update(name for name in names if name)
    return counts


def _most_restrictive(markings: list[Marking]) -> Marking:
    return max(markings, key=lambda m: m.rank, default=Marking.CLEAR)
