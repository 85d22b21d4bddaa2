"""Where the sync benchmark's time goes (`bench/sync.py --profile`): the client's first sync split by stage,
and the server's work for the same pages replayed in one process.

Profiles count CPU time (`time.thread_time`): the machine is shared, and wall time would count other
processes' work. cProfile sees only the thread it runs in: the client fetches the next page in a second
thread while it applies one, so that thread's CPU time (HTTP and JSON decoding) is summed around each
fetch. The server runs under uvicorn, whose endpoints run in worker threads, so its split comes from a
replay of what the objects endpoint does for each page (read the page for the peer, record the
deliveries, serialise the body), without HTTP, under cProfile in this process.
"""

from __future__ import annotations

import cProfile
import pstats
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["client_stages", "server_stages", "timed_fetches"]

# (label, module path ending, function): cumulative time of each in the client's first sync.
_CLIENT = (
    ("waiting for the next page", "concurrent/futures/_base.py", "result"),
    ("STIX parse and mapping", "share/_stix_map.py", "incoming_from_objects"),
    ("apply: everything in the transaction", "store/_peers.py", "apply"),
    ("  fusion: matching (fuse_report)", "store/_fusion.py", "fuse_report"),
    ("  fusion: writes, event refresh (flush)", "store/_fusion.py", "flush"),
    ("  fusion: mentions leaving events", "store/_fusion_events.py", "remove_report_mentions"),
    ("  zones and alerts", "store/_fusion_store.py", "_changed"),
    ("  audit log", "store/_audit.py", "record"),
    ("  commits", "~", "<method 'commit' of 'sqlite3.Connection' objects>"),
)
_REST = "  store writes (reports, extractions, access, exchange index)"

_SERVER = (
    ("page for the peer (outbound_page)", "share/_outbound.py", "outbound_page"),
    ("  reading versions (index, reports, extractions)", "store/_peers.py", "changes"),
    ("  delivery log lookups", "store/_peers.py", "delivered"),
    ("  rules", "share/_rules.py", "select_for_peer"),
    ("  STIX objects", "share/_stix_map.py", "report_objects"),
    ("deliveries and audit recorded", "store/_peers.py", "record_deliveries"),
    ("JSON serialisation", "~", "<orjson.dumps>"),
)


def _cumulative(stats: dict[Any, Any], path: str, name: str) -> float:
    return sum(v[3] for (file, _, func), v in stats.items() if func == name and file.endswith(path))


def client_stages(profiler: cProfile.Profile, fetch_cpu: float) -> dict[str, float]:
    profile = pstats.Stats(profiler)
    stats = profile.stats  # type: ignore[attr-defined]
    out = {"main thread, all (CPU)": profile.total_tt, "HTTP and JSON (fetch thread CPU)": fetch_cpu}  # type: ignore[attr-defined]
    out.update({label: _cumulative(stats, path, name) for label, path, name in _CLIENT})
    inside = ("fusion", "zones", "audit", "commits")
    parts = sum(v for k, v in out.items() if k.startswith("  ") and any(w in k for w in inside))
    out[_REST] = out["apply: everything in the transaction"] - parts
    return {k: round(v, 2) for k, v in out.items()}


@contextmanager
def timed_fetches(client_class: Any) -> Iterator[list[float]]:
    """CPU time spent in `client_class._page` (each fetch, in whichever thread runs it), summed."""
    original: Callable[..., Any] = client_class._page
    spent = [0.0]
    lock = threading.Lock()

    def page(self: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            with lock:
                spent[0] += time.thread_time() - started

    client_class._page = page
    try:
        yield spent
    finally:
        client_class._page = original


def server_stages(db: str, peer_id: str, page: int) -> dict[str, float]:
    """The server's work for every page of a full pull by `peer_id`, replayed without HTTP (CPU seconds)."""
    import orjson

    from borderwatch.share._outbound import outbound_page
    from borderwatch.store import Store

    with Store(f"sqlite:///{db}") as store:
        peer = store.exchange.peer(peer_id)
        reader = store.accounts.reader_for(peer.user_id, "taxii")
        profiler = cProfile.Profile(time.thread_time)  # CPU time: the machine is shared
        started = time.thread_time()
        profiler.enable()
        after = None
        while True:
            found = outbound_page(store, peer, after, page)
            if found.sent:
                store.exchange.record_deliveries(peer.id, found.sent, reader, found.audit)
            orjson.dumps({"more": found.more, "objects": found.with_definitions()})
            if not found.more or found.last is None:
                break
            after = found.last
        profiler.disable()
        total = time.thread_time() - started
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    out = {"total (replayed, CPU)": total}
    out.update({label: _cumulative(stats, path, name) for label, path, name in _SERVER})
    return {k: round(v, 2) for k, v in out.items()}
