"""/api/events: filtered, sorted, paged lists (JSON or GeoJSON), map points, timelines, one event."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from ._params import EventFilters, EventFormat, Sort
from ._schemas import ErrorOut, EventDetail, EventPage, PointsOut, TimelineOut
from ._state import AppState, get_state

__all__ = ["router"]

router = APIRouter(prefix="/api/events", tags=["events"])
State = Annotated[AppState, Depends(get_state)]
Filters = Annotated[EventFilters, Depends()]


def _json(body: Any, media_type: str = "application/json") -> Response:
    # Pages are built as plain dicts in the store's shape: dumping them directly keeps a page of 500 fast.
    return Response(orjson.dumps(body), media_type=media_type)


@router.get("", response_model=EventPage, responses={422: {"model": ErrorOut}})
def list_events(
    state: State,
    filters: Filters,
    sort: Annotated[Sort, Query(description="field to sort by; a leading - sorts descending")] = "-date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=500, description="next_cursor of the previous page")] = None,
    format: Annotated[EventFormat, Query(description="json or geojson (a FeatureCollection)")] = "json",
) -> Response:
    """Events matching every given filter, one page at a time (keyset pagination)."""
    items, next_cursor = state.store.search_events(filters.query(sort=sort, limit=limit, cursor=cursor))
    if format == "geojson":
        return _json(_feature_collection(items, next_cursor), "application/geo+json")
    return _json({"items": items, "next_cursor": next_cursor})


def _feature_collection(items: list[dict[str, Any]], next_cursor: str | None) -> dict[str, Any]:
    features = []
    for item in items:
        location = item["location"]
        geometry = None
        if location["lat"] is not None and location["lon"] is not None:
            geometry = {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
        features.append({"type": "Feature", "id": item["id"], "geometry": geometry, "properties": item})
    return {"type": "FeatureCollection", "features": features, "next_cursor": next_cursor}


@router.get("/points", response_model=PointsOut, responses={422: {"model": ErrorOut}})
def event_points(state: State, filters: Filters, limit: Annotated[int, Query(ge=1, le=100_000)] = 50_000) -> Response:
    """Every located event matching the filters, compactly, for the map (most recent first)."""
    return _json(state.store.event_points(filters.query(limit=limit)))


@router.get("/timeline", response_model=TimelineOut, responses={422: {"model": ErrorOut}})
def event_timeline(
    state: State, filters: Filters, bucket: Annotated[Literal["day", "week", "month"], Query()] = "day"
) -> dict[str, Any]:
    """Number of events per day, week or month, by event type."""
    return state.store.event_timeline(filters.query(), bucket)


@router.get("/{event_id}", response_model=EventDetail, responses={404: {"model": ErrorOut}})
def get_event(state: State, event_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    """One event with every source: the report, its text, and the span of the supporting sentence."""
    return state.store.get_event(event_id)
