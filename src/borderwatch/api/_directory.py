"""/api/actors and /api/places: who and where, with their events over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ..store import ActorQuery, PlaceQuery
from ._errors import validated
from ._schemas import ActorDetail, ActorOut, ErrorOut, PlaceDetail, PlaceOut
from ._state import AppState, get_state

__all__ = ["actors_router", "places_router"]

actors_router = APIRouter(prefix="/api/actors", tags=["actors"])
places_router = APIRouter(prefix="/api/places", tags=["places"])
State = Annotated[AppState, Depends(get_state)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


@actors_router.get("", response_model=list[ActorOut], responses={422: {"model": ErrorOut}})
def list_actors(
    state: State,
    q: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
    type: Annotated[int | None, Query(ge=1, le=8, description="ACLED actor type")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """Actors, most active first."""
    query = validated(ActorQuery, text=q, type=type, country=country, limit=limit, offset=offset)
    return state.store.list_actors(query)


@actors_router.get("/{actor_id}", response_model=ActorDetail, responses={404: {"model": ErrorOut}})
def get_actor(state: State, actor_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """An actor with its events per month, the places it was reported at and its latest events."""
    return state.store.get_actor(actor_id)


@places_router.get("", response_model=list[PlaceOut], responses={422: {"model": ErrorOut}})
def list_places(
    state: State,
    q: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """GeoNames places that events refer to, with their number of events."""
    return state.store.list_places(validated(PlaceQuery, text=q, country=country, limit=limit, offset=offset))


@places_router.get("/{geonameid}", response_model=PlaceDetail, responses={404: {"model": ErrorOut}})
def get_place(state: State, geonameid: Annotated[str, Path(max_length=32)]) -> dict[str, Any]:
    return state.store.get_place(geonameid)
