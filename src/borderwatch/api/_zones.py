"""/api/zones: watch zones drawn, uploaded as GeoJSON or made as border strips; their activity."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response
from shapely.geometry.base import BaseGeometry
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..zones import BorderStripMaker, ZoneSpec, polygon_from_geojson
from ._schemas import ErrorOut, ZoneActivity, ZoneOut
from ._state import AppState, get_state

__all__ = ["router", "zone_geometry"]

router = APIRouter(prefix="/api/zones", tags=["zones"])
State = Annotated[AppState, Depends(get_state)]
ZoneId = Annotated[int, Path(ge=1)]


def zone_geometry(spec: ZoneSpec, border_strip: BorderStripMaker) -> BaseGeometry:
    """The zone's polygon: its GeoJSON, or the strip along its border."""
    if spec.geometry is not None and spec.border:
        raise InputError("geometry: give a geometry or a border and km, not both")
    if spec.geometry is not None:
        return polygon_from_geojson(spec.geometry)
    if spec.border:
        if spec.km is None:
            raise InputError("km: a border strip needs its width in km")
        try:
            return border_strip(spec.border.upper(), spec.km)
        except InputError as exc:
            raise InputError(f"border: {exc.message}") from None
    raise InputError("geometry: give a GeoJSON geometry, or a border (e.g. DZA-TUN) and km")


@router.get("", response_model=list[ZoneOut])
def list_zones(state: State) -> list[dict[str, Any]]:
    """Every zone with its rules, the number of events inside and of open alerts."""
    return state.store.list_zones()


@router.get(".geojson", response_model=dict[str, Any])
def zones_geojson(state: State) -> Response:
    """Every zone as a GeoJSON FeatureCollection."""
    features = [
        {"type": "Feature", "id": z["id"], "geometry": z["geometry"],
         "properties": {k: v for k, v in z.items() if k != "geometry"}}
        for z in state.store.list_zones()
    ]  # fmt: skip
    body = json.dumps({"type": "FeatureCollection", "features": features})
    return Response(body, media_type="application/geo+json")


@router.post("", status_code=201, response_model=ZoneOut, responses={422: {"model": ErrorOut}})
async def create_zone(state: State, spec: ZoneSpec) -> dict[str, Any]:
    """A polygon (`geometry`: GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection) or a border
    strip (`border`: "DZA-TUN", `km`: 30), with its alert rules."""
    geometry = await run_in_threadpool(zone_geometry, spec, state.border_strip)
    zone = await run_in_threadpool(state.store.create_zone, spec, geometry)
    return zone


@router.get("/{zone_id}", response_model=ZoneOut, responses={404: {"model": ErrorOut}})
def get_zone(state: State, zone_id: ZoneId) -> dict[str, Any]:
    return state.store.get_zone(zone_id)


@router.put("/{zone_id}", response_model=ZoneOut, responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
def replace_zone(state: State, zone_id: ZoneId, spec: ZoneSpec) -> dict[str, Any]:
    """Change a zone's shape, rules or name (the events inside are worked out again)."""
    state.store.get_zone(zone_id)
    return state.store.update_zone(zone_id, spec, zone_geometry(spec, state.border_strip))


@router.delete("/{zone_id}", status_code=204, responses={404: {"model": ErrorOut}})
def delete_zone(state: State, zone_id: ZoneId) -> Response:
    """Delete a zone with its alerts."""
    state.store.delete_zone(zone_id)
    return Response(status_code=204)


@router.get("/{zone_id}/activity", response_model=ZoneActivity, responses={404: {"model": ErrorOut}})
def zone_activity(
    state: State,
    zone_id: ZoneId,
    days: Annotated[int, Query(ge=1, le=3650)] = 90,
    until: Annotated[date | None, Query(description="last day (default: the latest event inside)")] = None,
) -> dict[str, Any]:
    """Events inside the zone per day."""
    return state.store.zone_activity(zone_id, days, until)
