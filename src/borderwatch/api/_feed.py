"""The live feed: new and updated events and alerts, read from the store's change log and fanned out.

The change log is written in the transaction that stores the events, by whichever process stores them
(this server, or `borderwatch ingest` beside it), so polling it sees every change, in commit order.
A write through this server nudges the feed so that its subscribers hear of it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

from ..store import Store

__all__ = ["ChangeFeed", "FeedMessage"]

log = logging.getLogger("borderwatch.api")


@dataclass(frozen=True)
class FeedMessage:
    seq: int
    kind: str  # "event" or "alert"
    data: dict[str, Any]


class ChangeFeed:
    def __init__(self, store: Store, poll_s: float = 1.0, queue_size: int = 1000) -> None:
        self._store = store
        self._poll_s = poll_s
        self._queue_size = queue_size
        self._subscribers: set[asyncio.Queue[FeedMessage]] = set()
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.last_seq = 0

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self.last_seq = await asyncio.to_thread(self._store.last_change)
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll_s)
            self._wake.clear()
            try:
                await self._poll()
            except Exception:  # a locked or briefly unavailable database: try again at the next poll
                log.exception("live feed: reading the change log failed")

    def nudge(self) -> None:
        """Poll now (callable from any thread)."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def _poll(self) -> None:
        while True:
            changes = await asyncio.to_thread(self._store.changes_after, self.last_seq, 500)
            if not changes:
                return
            messages = await asyncio.to_thread(self.messages, changes)
            self.last_seq = changes[-1][0]
            for message in messages:
                for queue in list(self._subscribers):
                    if queue.full():  # a client that does not read: drop it rather than hold memory
                        self._subscribers.discard(queue)
                        continue
                    queue.put_nowait(message)

    def messages(self, changes: list[tuple[int, str, str]]) -> list[FeedMessage]:
        """The changes as messages naming the items; several changes of one item make one.

        The items' state is read for each subscriber as that subscriber sees it (`api._stream`): what one
        agency may not see is never put on a stream another agency reads.
        """
        latest: dict[tuple[str, str], int] = {}
        for seq, kind, item_id in changes:
            if kind in ("event", "alert"):
                latest[(kind, item_id)] = seq
        out = [FeedMessage(seq, kind, {"id": item}) for (kind, item), seq in latest.items()]
        return sorted(out, key=lambda m: m.seq)

    def subscribe(self) -> asyncio.Queue[FeedMessage | None]:
        queue: asyncio.Queue[FeedMessage | None] = asyncio.Queue(self._queue_size)
        self._subscribers.add(queue)  # type: ignore[arg-type]
        return queue

    def close(self) -> None:
        """End every open stream (the server is stopping); callable from any thread."""

        def end() -> None:
            for queue in list(self._subscribers):
                with contextlib.suppress(asyncio.QueueFull):
                    queue.put_nowait(None)  # type: ignore[arg-type]

        if self._loop is not None:
            self._loop.call_soon_threadsafe(end)

    def unsubscribe(self, queue: asyncio.Queue[FeedMessage | None]) -> None:
        self._subscribers.discard(queue)  # type: ignore[arg-type]

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    async def replay(self, after_seq: int, until_seq: int, limit: int = 2000) -> list[FeedMessage]:
        """What a reconnecting client missed (its Last-Event-ID up to where the live feed is)."""
        changes = await asyncio.to_thread(self._store.changes_after, after_seq, limit)
        changes = [c for c in changes if c[0] <= until_seq]
        return await asyncio.to_thread(self.messages, changes) if changes else []
