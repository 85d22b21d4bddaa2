"""Listing what is stored, as a table, JSON lines or CSV: the work of `borderwatch reports` and `borderwatch events`
(their options are declared once, on those commands; the shared option types are here)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..errors import InputError
from ..store import EventQuery, ReportQuery, Store
from ._context import app_state
from ._tables import print_table

__all__ = ["day_range", "print_events", "print_reports"]


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


_EVENT_COLUMNS = (
    "id",
    "date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location_name",
    "country",
    "border",
    "border_km",
    "fatalities",
    "confidence",
    "sources",
    "marking",
)
_REPORT_COLUMNS = ("id", "kind", "published", "source", "title", "agency", "marking", "events", "origin")

Since = Annotated[str | None, typer.Option(help="from this date, YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="up to this date, YYYY-MM-DD")]
Country = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code")]
Limit = Annotated[int, typer.Option(help="at most this many rows")]
Format = Annotated[OutputFormat, typer.Option("--format", help="table, json (one object a line) or csv")]


def print_events(
    since: str | None,
    until: str | None,
    country: str | None,
    type_: str | None,
    border: str | None,
    km: float | None,
    limit: int,
    output: OutputFormat,
) -> None:
    """List stored events, most recent first."""
    query = _query(
        EventQuery,
        since=_day(since, "--since"),
        until=_day(until, "--until"),
        country=country,
        event_type=type_,
        border=border,
        max_border_km=km,
        limit=limit,
    )
    with Store.open(app_state.settings()) as store:
        rows = store.list_events(query, app_state.reader(store))
    _emit(rows, _EVENT_COLUMNS, output, "events")


def print_reports(
    since: str | None, until: str | None, country: str | None, kind: str | None, limit: int, output: OutputFormat
) -> None:
    """List stored reports, most recent first."""
    start, end = day_range(since, until)
    query = _query(ReportQuery, country=country, kind=kind, limit=limit, since=start, until=end)
    with Store.open(app_state.settings()) as store:
        rows = store.list_reports(query, app_state.reader(store))
    _emit(rows, _REPORT_COLUMNS, output, "reports")


# Filter fields whose command-line option has another name.
_OPTION_OF_FIELD = {"max_border_km": "km", "event_type": "type"}


def _query(cls: Any, **values: Any) -> Any:
    from pydantic import ValidationError

    try:
        return cls(**values)
    except ValidationError as exc:
        raise option_error(exc) from None


def option_error(exc: Any) -> InputError:
    """A pydantic ValidationError of options as one line naming the command-line option."""
    first = exc.errors()[0]
    names = [str(part) for part in first["loc"] if isinstance(part, str)]
    field = names[-1] if names else ""
    option = "--" + _OPTION_OF_FIELD.get(field, field.replace("_", "-")) if field else "options"
    return InputError(f"{option}: {first['msg'].removeprefix('Value error, ')}")


def day_range(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """`--since` and `--until` days as instants: from the first day's start to the last day's end."""
    start, end = _day(since, "--since"), _day(until, "--until")
    return (
        datetime.combine(start, datetime.min.time()) if start else None,
        datetime.combine(end, datetime.max.time()) if end else None,
    )


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r}: expected a date YYYY-MM-DD") from None


def _emit(rows: list[dict[str, Any]], columns: Sequence[str], output: OutputFormat, what: str) -> None:
    if output is OutputFormat.JSON:
        for row in rows:
            sys.stdout.write(
                json.dumps({k: _plain(v) for k, v in row.items() if k != "raw"}, ensure_ascii=False) + "\n"
            )
    elif output is OutputFormat.CSV:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_plain(row.get(c)) for c in columns] for row in rows])
    else:
        print_table(rows, columns, what)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
