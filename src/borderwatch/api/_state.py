"""What the app holds while it runs: settings, the store, the loaded extractor, the live feed, the deliverer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import HTTPException, Request

from ..settings import Settings
from ..store import BoundStore, Store
from ..zones import BorderStripMaker, default_border_strip

if TYPE_CHECKING:
    from ._delivery import WebhookDeliverer
    from ._feed import ChangeFeed

__all__ = ["AppState", "RequestState", "get_state"]


@dataclass
class AppState:
    settings: Settings
    store: Store
    make_extractor: Callable[[], Any]
    feed: ChangeFeed
    deliverer: WebhookDeliverer
    border_strip: BorderStripMaker = default_border_strip
    _extractor: Any = None
    _load_lock: threading.Lock = field(default_factory=threading.Lock)
    _extract_lock: threading.Lock = field(default_factory=threading.Lock)

    def extractor(self) -> Any:
        """The extractor, loaded once (spaCy takes a second or two) and shared by the requests."""
        with self._load_lock:
            if self._extractor is None:
                self._extractor = self.make_extractor()
            return self._extractor

    @property
    def extract_lock(self) -> threading.Lock:
        """spaCy pipelines are not safe to call from two threads at once: reports are extracted one at a time."""
        return self._extract_lock

    def written(self) -> None:
        """Something was stored: wake the live feed and the deliverer now rather than at their next poll."""
        self.feed.nudge()
        self.deliverer.nudge()


class RequestState:
    """The app's state for one authenticated request: the same, but its store sees as the caller does."""

    def __init__(self, state: AppState, store: BoundStore) -> None:
        self._state = state
        self.store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state, name)


async def get_state(request: Request) -> AppState:
    """The caller (token or session: 401 without), its scope checked (reads need `read`, other methods
    `write`, webhooks `admin`), and the state with the store bound to the caller's reader."""
    from ..share import authenticate

    principal = await authenticate(request)
    scope = "read" if request.method in ("GET", "HEAD") else "write"
    if request.url.path.startswith("/api/webhooks"):
        scope = "admin"
    if scope not in principal.scopes:
        raise HTTPException(403, f"this credential lacks the {scope!r} scope")
    state: AppState = request.app.state.borderwatch
    return RequestState(state, state.store.as_reader(principal.reader))  # type: ignore[return-value]
