"""API latency with 1,000,000 events in SQLite: bbox + time + type queries returning a page of 500.

Generates the events once (cached in $BORDERWATCH_BENCH_DIR or /tmp, keyed by the generator's version),
starts `borderwatch serve` on 127.0.0.1 in its own process and times GET /api/events over real HTTP.
Target: p95 <= 50 ms.
Prints the figures; exits 1 when the target is missed.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _server import admin_token, start_serve  # noqa: E402
from borderwatch.model import EVENT_TYPES, Report  # noqa: E402
from borderwatch.store import NewReport, Store  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "400"))
TARGET_P95_MS = 50.0
GENERATOR = "v1-share"
REGION = (-17.0, 10.0, 25.0, 38.0)  # west, south, east, north: the Maghreb and the Sahel
DAYS = 3 * 365
SUB_TYPES = {
    "Battles": "Armed clash",
    "Explosions/Remote violence": "Remote explosive/landmine/IED",
    "Violence against civilians": "Attack",
    "Protests": "Peaceful protest",
    "Riots": "Mob violence",
    "Strategic developments": "Arrests",
}


def database() -> Path:
    folder = Path(os.environ.get("BORDERWATCH_BENCH_DIR", "/tmp"))
    path = folder / f"borderwatch-bench-api-{GENERATOR}-{EVENTS}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in folder.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    with Store(f"sqlite:///{partial}") as store:
        report = Report(text="SYNTHETIC. Generated events for the API latency benchmark.", title="bench")
        store.add_reports([NewReport(report=report)])
        rng = random.Random(42)
        for start in range(0, EVENTS, 50_000):
            store.bulk_insert_events([_event(rng, n) for n in range(start, min(EVENTS, start + 50_000))], report.id)
    partial.rename(path)
    print(f"generated {EVENTS:,} events in {time.perf_counter() - started:.0f} s")
    return path


def _event(rng: random.Random, n: int) -> dict[str, object]:
    west, south, east, north = REGION
    event_type = rng.choice(EVENT_TYPES)
    return {
        "id": f"bench-{n:08d}",
        "event_type": event_type,
        "sub_event_type": SUB_TYPES[event_type],
        "date": (date(2023, 1, 1) + timedelta(days=rng.randrange(DAYS))).isoformat(),
        "time_precision": 1,
        "lat": round(rng.uniform(south, north), 4),
        "lon": round(rng.uniform(west, east), 4),
        "country": "DZ",
        "location_name": f"Place {rng.randrange(5000)}",
        "geo_precision": 1,
        "fatalities": rng.choice([None, 0, 0, 1, 2, 5]),
        "confidence": round(rng.uniform(0.3, 1.0), 2),
    }


def queries(rng: random.Random) -> list[dict[str, object]]:
    """Analysts' questions: a box of 4-8 degrees, 60-180 days, one event type."""
    out = []
    west, south, east, north = REGION
    for _ in range(QUERIES):
        width, height = rng.uniform(4, 8), rng.uniform(4, 8)
        x, y = rng.uniform(west, east - width), rng.uniform(south, north - height)
        first = date(2023, 1, 1) + timedelta(days=rng.randrange(DAYS - 180))
        out.append({
            "bbox": f"{x:.3f},{y:.3f},{x + width:.3f},{y + height:.3f}",
            "since": first.isoformat(),
            "until": (first + timedelta(days=rng.randrange(60, 180))).isoformat(),
            "type": rng.choice(EVENT_TYPES),
            "limit": 500,
        })  # fmt: skip
    return out


def main() -> int:
    path = database()
    headers = {"Authorization": f"Bearer {admin_token(path)}"}
    process, base = start_serve(path)
    timings, sizes = [], []
    try:
        with httpx.Client(base_url=base, timeout=30, headers=headers) as client:
            for params in queries(random.Random(1))[:20]:  # warm the page cache
                client.get("/api/events", params=params).raise_for_status()
            for params in queries(random.Random(2)):
                started = time.perf_counter()
                response = client.get("/api/events", params=params)
                timings.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
                sizes.append(len(response.json()["items"]))
    finally:
        process.terminate()
        process.wait(15)
    full = [t for t, n in zip(timings, sizes, strict=True) if n == 500]
    p50, p95 = statistics.median(timings), statistics.quantiles(timings, n=20)[18]
    print(f"events: {EVENTS:,}  queries: {len(timings)} (bbox 4-8 deg, 60-180 days, one type, limit 500)")
    print(f"results per query: median {statistics.median(sizes):.0f}, full pages of 500: {len(full)}")
    print(f"latency over HTTP: p50 {p50:.1f} ms  p95 {p95:.1f} ms  max {max(timings):.1f} ms  (target p95 <= 50 ms)")
    if full:
        print(f"full pages only: p95 {statistics.quantiles(full, n=20)[18] if len(full) > 1 else full[0]:.1f} ms")
    return 0 if p95 <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
