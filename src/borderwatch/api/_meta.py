"""/api/meta: what the dashboard's filters offer, and the store's counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from .. import __version__
from ..model import EVENT_TYPES, Marking
from ..store import EVENT_SORTS
from ._schemas import MetaOut
from ._state import AppState, get_state

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["meta"])
State = Annotated[AppState, Depends(get_state)]


@router.get("/meta", response_model=MetaOut)
def meta(state: State) -> dict[str, Any]:
    facets = state.store.event_facets()
    counts = {what: state.store.count(what) for what in ("reports", "events")}
    return {
        "version": __version__,
        "event_types": list(EVENT_TYPES),
        "markings": [m.value for m in Marking],
        "counts": counts,
        "sorts": list(EVENT_SORTS),
        **facets,
    }
