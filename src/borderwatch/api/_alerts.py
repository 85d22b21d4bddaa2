"""/api/alerts and /api/webhooks: the alert inbox with acknowledgement, webhooks and their delivery log."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Response

from ..errors import NotFoundError
from ..store import AlertQuery
from ._errors import validated
from ._schemas import AlertOut, AlertPage, DeliveryOut, ErrorOut, WebhookIn, WebhookOut
from ._state import AppState, get_state

__all__ = ["alerts_router", "webhooks_router"]

alerts_router = APIRouter(prefix="/api/alerts", tags=["alerts"])
webhooks_router = APIRouter(prefix="/api/webhooks", tags=["alerts"])
State = Annotated[AppState, Depends(get_state)]


@alerts_router.get("", response_model=AlertPage, responses={422: {"model": ErrorOut}})
def list_alerts(
    state: State,
    zone: Annotated[int | None, Query(ge=1)] = None,
    acknowledged: Annotated[bool | None, Query(description="true: acknowledged only; false: open only")] = None,
    kind: Annotated[Literal["event", "spike"] | None, Query()] = None,
    before_id: Annotated[int | None, Query(ge=1, description="next_before_id of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Alerts, newest first."""
    query = validated(AlertQuery, zone_id=zone, acknowledged=acknowledged, kind=kind, before_id=before_id, limit=limit)
    items, next_before = state.store.list_alerts(query)
    return {"items": items, "next_before_id": next_before}


@alerts_router.get("/{alert_id}", response_model=AlertOut, responses={404: {"model": ErrorOut}})
def get_alert(state: State, alert_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    found = state.store.get_alerts([alert_id])
    if not found:
        raise NotFoundError(f"no alert {alert_id}")
    return found[0]


@alerts_router.post("/{alert_id}/ack", response_model=AlertOut, responses={404: {"model": ErrorOut}})
def acknowledge_alert(
    state: State,
    alert_id: Annotated[int, Path(ge=1)],
    by: Annotated[str | None, Body(embed=True, max_length=200, description="who acknowledges")] = None,
) -> dict[str, Any]:
    """Acknowledge an alert (acknowledging twice keeps the first time)."""
    alert = state.store.acknowledge_alert(alert_id, by)
    state.written()
    return alert


@webhooks_router.get("", response_model=list[WebhookOut])
def list_webhooks(state: State) -> list[dict[str, Any]]:
    return state.store.list_webhooks()


@webhooks_router.post("", status_code=201, response_model=WebhookOut, responses={422: {"model": ErrorOut}})
def add_webhook(state: State, hook: WebhookIn) -> dict[str, Any]:
    """Send every alert (or one zone's) to a URL as a JSON POST signed with HMAC-SHA256 of the secret."""
    return state.store.add_webhook(hook.url, hook.secret, hook.zone_id)


@webhooks_router.delete("/{webhook_id}", status_code=204, responses={404: {"model": ErrorOut}})
def delete_webhook(state: State, webhook_id: Annotated[int, Path(ge=1)]) -> Response:
    state.store.delete_webhook(webhook_id)
    return Response(status_code=204)


@webhooks_router.get("/{webhook_id}/deliveries", response_model=list[DeliveryOut], responses={404: {"model": ErrorOut}})
def webhook_deliveries(
    state: State, webhook_id: Annotated[int, Path(ge=1)], limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    """The delivery log: each delivery with every try (status code or error, duration)."""
    return state.store.webhook_deliveries(webhook_id, limit)
