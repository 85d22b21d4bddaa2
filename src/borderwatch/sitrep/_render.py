"""A gathered report as one self-contained HTML file (Jinja2, inline SVG) or as PDF (WeasyPrint, same page).

Report content enters the page only through Jinja2's autoescaping; the SVG we draw is the one thing put in
as markup. The PDF is laid out from the same HTML with paged media: the TLP label is in the header and the
footer of every page, as TLP 2.0 asks.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..errors import ConfigError
from ._charts import charts
from ._gather import Sitrep
from ._map import event_map
from ._request import settings_data

__all__ = ["render_html", "render_pdf"]

_ENV = Environment(
    loader=PackageLoader("borderwatch.sitrep", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_CSS_SAFE = re.compile(r"[^\w .,:/()+-]")  # what may go inside a CSS string of the page's footer
_FILTER_NAMES = {"max_border_km": "within km of border", "event_types": "types", "sub_event_types": "sub-types"}


def render_html(report: Sitrep, world: Any | None, *, pdf: bool = False) -> str:
    data = settings_data()
    request = report.request
    previous_start, previous_end = request.previous
    marking = report.marking.value
    return _ENV.get_template("sitrep.html").render(
        pdf=pdf,
        marking=marking,
        tlp_colours=data["tlp_colours"],
        tlp_meaning=data["tlp_meaning"][marking],
        area=request.area.label,
        area_css=_CSS_SAFE.sub("", request.area.label)[:80],
        zone_drawn=request.area.geometry is not None,
        base_map=world is not None,
        start=request.start.isoformat(),
        end=request.end.isoformat(),
        days=request.days,
        previous_start=previous_start.isoformat(),
        previous_end=previous_end.isoformat(),
        agency=request.agency,
        reader=request.reader,
        generated_at=request.generated_at.strftime("%Y-%m-%d %H:%M"),
        filters=_filters(report),
        figures=report.figures,
        previous=report.previous,
        sources=report.sources,
        types=_types(report),
        map=event_map(report, world),
        charts=charts(report),
        significant=report.significant,
        geo_precision=_precision(report, "geo_precision"),
        time_precision=_precision(report, "time_precision"),
        change=_change,
        colour=lambda t: data["type_colours"].get(t, data["other_colour"]),
        actors=_actors,
    )


def render_pdf(report: Sitrep, world: Any | None) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango missing (make setup installs it)
        raise ConfigError(f"PDF reports need WeasyPrint and Pango ({exc}); HTML reports work without them") from None
    html = render_html(report, world, pdf=True)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()  # type: ignore[no-any-return]


def _no_fetch(url: str, *_args: Any, **_kwargs: Any) -> dict[str, Any]:
    """The page is self-contained: any fetch is a mistake, and must not reach the network."""
    raise ValueError(f"situation reports load nothing from outside ({url})")


def _change(now: int, before: int) -> str:
    if now == before:
        return "no change"
    if before == 0:
        return f"+{now} (none before)"
    return f"{now - before:+d} ({(now - before) / before:+.0%})"


def _types(report: Sitrep) -> list[tuple[str, int, int]]:
    names = list(report.figures.by_type) + [t for t in report.previous.by_type if t not in report.figures.by_type]
    return [(t, report.figures.by_type.get(t, 0), report.previous.by_type.get(t, 0)) for t in names]


def _precision(report: Sitrep, field: str) -> list[tuple[str, str, int]]:
    meanings = settings_data()["precision_notes"][field]
    counts = report.precision.get(field, {})
    rows = [(code, meaning, counts.get(int(code), 0)) for code, meaning in meanings.items()]
    if counts.get(None):
        rows.append(("unknown", "not coded", counts[None]))
    return rows


def _filters(report: Sitrep) -> list[str]:
    chosen = report.request.events.model_dump(exclude_defaults=True)
    described = []
    for name, value in chosen.items():
        if isinstance(value, tuple | list):
            value = ", ".join(str(v) for v in value)
        described.append(f"{_FILTER_NAMES.get(name, name.replace('_', ' '))}: {value}")
    return described


def _actors(event: dict[str, Any]) -> str:
    names = [(event.get(role) or {}).get("name") for role in ("actor1", "actor2")]
    return "; ".join(n for n in names if n) or "not named"
