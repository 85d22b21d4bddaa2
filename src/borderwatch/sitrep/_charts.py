"""The report's charts as inline SVG: events per week by type, fatalities per week, actors, borders."""

from __future__ import annotations

from datetime import date
from typing import Any

from ._gather import Sitrep
from ._request import settings_data
from ._svg import drawing, to_svg

__all__ = ["charts"]

_WIDTH, _HEIGHT = 6.8, 2.6  # inches: the text width of an A4 page


def charts(report: Sitrep) -> dict[str, str]:
    """SVG of each chart by name; a chart with nothing to show is left out."""
    if not report.events:
        return {}
    found = {
        "events_per_week": _events_per_week(report.weeks, report.events_per_week),
        "fatalities_per_week": _fatalities_per_week(report.weeks, report.fatalities_per_week),
    }
    if report.actors:
        found["actors"] = _bars(report.actors, "Most active actors (events as actor 1 or 2)", "#4a6fa5")
    if report.borders:
        found["borders"] = _bars(report.borders, "Events by nearest border", "#7a7a52")
    return found


def _week_labels(weeks: list[date]) -> list[str]:
    # With the year when the period spans two, so that no two weeks share a label.
    spans_years = weeks[0].year != weeks[-1].year
    return [week.strftime("%d %b %Y" if spans_years else "%d %b") for week in weeks]


def _events_per_week(weeks: list[date], counts: dict[str, list[int]]) -> str:
    colours = settings_data()["type_colours"]
    other = settings_data()["other_colour"]
    labels = _week_labels(weeks)
    with drawing(_WIDTH, _HEIGHT) as figure:
        axes = figure.add_subplot()
        bottom = [0] * len(weeks)
        for event_type, values in sorted(counts.items()):
            axes.bar(
                range(len(weeks)),
                values,
                bottom=bottom,
                label=event_type,
                color=colours.get(event_type, other),
                width=0.7,
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axes.set_title("Events per week (weeks starting Monday), by event type")
        axes.set_ylabel("events")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        _week_ticks(axes, labels)
        return to_svg(figure, "Bar chart: events per week by event type")


def _fatalities_per_week(weeks: list[date], fatalities: list[int]) -> str:
    labels = _week_labels(weeks)
    with drawing(_WIDTH, _HEIGHT * 0.8) as figure:
        axes = figure.add_subplot()
        axes.bar(range(len(weeks)), fatalities, color="#5b1a1a", width=0.7)
        axes.set_title("Reported fatalities per week (most conservative figure of each event)")
        axes.set_ylabel("fatalities")
        axes.yaxis.get_major_locator().set_params(integer=True)
        _week_ticks(axes, labels)
        return to_svg(figure, "Bar chart: reported fatalities per week")


def _bars(items: list[tuple[str, int]], title: str, colour: str) -> str:
    names = [_short(name) for name, _ in reversed(items)]
    values = [count for _, count in reversed(items)]
    with drawing(_WIDTH, 0.5 + 0.24 * len(items)) as figure:
        axes = figure.add_subplot()
        bars = axes.barh(names, values, color=colour, height=0.6)
        axes.bar_label(bars, padding=2, fontsize=7)
        axes.set_title(title)
        axes.xaxis.get_major_locator().set_params(integer=True)
        return to_svg(figure, f"Bar chart: {title}")


def _week_ticks(axes: Any, labels: list[str]) -> None:
    """At most about twelve week labels, so that they stay readable on a long period."""
    step = max(1, (len(labels) + 11) // 12)
    positions = list(range(0, len(labels), step))
    slanted = len(positions) > 6
    axes.set_xticks(positions, [labels[i] for i in positions], rotation=30 if slanted else 0,
                    ha="right" if slanted else "center")  # fmt: skip


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
