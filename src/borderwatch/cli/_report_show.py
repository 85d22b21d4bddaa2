"""`borderwatch reports show ID`: a report as an analyst reads it — its metadata, its text with the sentences
that events were coded from underlined, and those events."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..store import report_for_reader
from ._tables import cell

__all__ = ["print_report", "report_json"]

_METADATA = ("title", "kind", "published", "source", "url", "origin", "agency", "marking", "sharing_groups",
             "post_id", "category", "ingested_at")  # fmt: skip


def report_json(report: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """One JSON object: the report as the API gives it (`GET /api/reports/{id}`), with its events."""
    return json.dumps({**report_for_reader(report), "events": events}, default=_plain, ensure_ascii=False)


def print_report(report: dict[str, Any], events: list[dict[str, Any]]) -> None:
    console = Console() if sys.stdout.isatty() else Console(width=160)
    console.print(_metadata(report))
    console.print(_text(report["text"], events))
    if events:
        console.print(_events(events))
    else:
        console.print("no event was coded from this report")
    for duplicate in report.get("near_duplicates") or []:
        console.print(f"near-duplicate of {duplicate.get('report_id') or duplicate}")


def _metadata(report: dict[str, Any]) -> Table:
    table = Table(title=f"report {report['id']}", header_style="bold", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for field in _METADATA:
        value = report.get(field)
        if value not in (None, "", [], ()):
            table.add_row(field, cell(value))
    if report.get("lat") is not None:
        table.add_row("position", f"{report['lat']:.5f}, {report['lon']:.5f}")
    return table


def _text(text: str, events: list[dict[str, Any]]) -> Text:
    """The text, each evidence sentence underlined and followed by the numbers of the events it supports."""
    spans: dict[tuple[int, int], list[int]] = {}
    for number, event in enumerate(events, start=1):
        evidence = event.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.setdefault((start, end), []).append(number)
    shown = Text()
    done = 0
    for (start, end), numbers in sorted(spans.items()):
        if start < done:  # a sentence inside one already shown (rare): its number goes with that one
            shown.append(f" [{', '.join(map(str, numbers))}]", style="bold cyan")
            continue
        shown.append(text[done:start])
        shown.append(text[start:end], style="underline")
        shown.append(f" [{', '.join(map(str, numbers))}]", style="bold cyan")
        done = end
    shown.append(text[done:])
    return shown


def _events(events: list[dict[str, Any]]) -> Table:
    table = Table(title="events coded from this report", header_style="bold")
    for column in ("#", "event", "date", "type", "actors", "place", "fatalities", "sentence"):
        table.add_column(column, overflow="fold")
    for number, event in enumerate(events, start=1):
        actors = " → ".join(a["name"] for a in (event.get("actor1"), event.get("actor2")) if a)
        location = event.get("location") or {}
        place = ", ".join(str(p) for p in (location.get("name"), location.get("country")) if p)
        kind = f"{event['event_type']} / {event['sub_event_type']}"
        sentence = (event.get("evidence") or {}).get("sentence", "")
        table.add_row(str(number), event["id"], cell(event.get("date")), kind, actors, place,
                      cell(event.get("fatalities")), sentence)  # fmt: skip
    return table


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else str(value)
