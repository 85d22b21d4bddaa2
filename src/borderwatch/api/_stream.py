"""/api/stream: new and updated events and alerts as Server-Sent Events; resumes from Last-Event-ID."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from fastapi.sse import EventSourceResponse, ServerSentEvent

from ._feed import FeedMessage
from ._state import AppState, get_state

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["stream"])
State = Annotated[AppState, Depends(get_state)]


def _sse(message: FeedMessage) -> ServerSentEvent:
    return ServerSentEvent(event=message.kind, id=str(message.seq), data=message.data)


async def _as_seen(state: AppState, message: FeedMessage) -> ServerSentEvent | None:
    """The item a message names, as this subscriber sees it now (None: it may not see it)."""
    item = message.data["id"]
    if message.kind == "event":
        found = await asyncio.to_thread(state.store.events_by_id, [item])
    else:
        found = await asyncio.to_thread(state.store.get_alerts, [int(item)])
    return _sse(FeedMessage(message.seq, message.kind, found[0])) if found else None


@router.get("/stream", response_class=EventSourceResponse)
async def stream(
    state: State,
    last_event_id: Annotated[str | None, Header(description="resume after this change (sent by browsers)")] = None,
    after: Annotated[
        int | None, Query(ge=0, description="resume after this change (for clients without headers)")
    ] = None,
) -> AsyncIterable[ServerSentEvent]:
    """`event: event` (an event's current state) and `event: alert` messages, each with the change's id."""
    feed = state.feed
    queue = feed.subscribe()
    try:
        resume = after if after is not None else int(last_event_id) if (last_event_id or "").isdigit() else None
        sent = feed.last_seq
        yield ServerSentEvent(comment="borderwatch live feed", retry=3000)
        if resume is not None:
            for message in await feed.replay(resume, sent):
                if (seen := await _as_seen(state, message)) is not None:
                    yield seen
        while True:
            message = await queue.get()
            if message is None:  # the server is stopping
                return
            if message.seq > sent:
                sent = max(sent, message.seq)
                if (seen := await _as_seen(state, message)) is not None:
                    yield seen
    finally:
        feed.unsubscribe(queue)
