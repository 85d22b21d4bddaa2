"""What the app holds while it runs: settings, the store, the loaded extractor, the live feed, the deliverer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import Request

from ..settings import Settings
from ..store import Store
from ..zones import BorderStripMaker, default_border_strip

if TYPE_CHECKING:
    from ._delivery import WebhookDeliverer
    from ._feed import ChangeFeed

__all__ = ["AppState", "get_state"]


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


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.borderwatch
    return state
