"""/api/sitrep: a situation report of the filtered events, as the caller may see them, in HTML or PDF."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ..store import EventFilter
from ._errors import validated
from ._params import EventFilters
from ._schemas import ErrorOut
from ._state import AppState, get_state

__all__ = ["router"]

router = APIRouter(prefix="/api/sitrep", tags=["reports"])
State = Annotated[AppState, Depends(get_state)]
Filters = Annotated[EventFilters, Depends()]
_MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@router.get(
    "",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}, "application/pdf": {}}, "description": "the report"},
        404: {"model": ErrorOut},
        422: {"model": ErrorOut},
    },
)
def situation_report(
    request: Request,
    state: State,
    filters: Filters,
    format: Annotated[Literal["html", "pdf"], Query(description="html (one self-contained page) or pdf")] = "html",
) -> Response:
    """A situation report of the events the filters select between `since` and `until` (default: the last
    28 days): key figures against the previous period, map, charts, the most significant events with their
    sources' sentences. It holds only what the caller may see and carries the most restrictive TLP marking
    of what it holds. `zone`, or `border` with `border_km`, or `bbox` is the area drawn on its map."""
    from ..sitrep import SitrepRequest, filter_area, zone_area
    from ..sitrep import situation_report as make_report

    values = dict(filters.values)
    since, until = values.pop("since"), values.pop("until")
    events: EventFilter = validated(EventFilter, **values)
    if events.zone_id is not None:
        area = zone_area(state.store.get_zone(events.zone_id))  # 404 for an unknown zone
    else:
        area = filter_area(events, state.border_strip)
    reader = state.store.reader
    agency = request.app.state.store.accounts.agency_name(state.settings.agency)
    sitrep = SitrepRequest.for_period(events, since, until, area=area, agency=agency, reader=reader.actor)
    body = make_report(state.store, sitrep, format)
    name = f"sitrep-{sitrep.start}-{sitrep.end}.{format}"
    return Response(body, media_type=_MEDIA[format], headers={"Content-Disposition": f'inline; filename="{name}"'})
