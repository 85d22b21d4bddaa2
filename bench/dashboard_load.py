"""Dashboard page load with 10,000 events: headless Chromium against `borderwatch serve` on loopback.

The store holds 10,000 generated events (types, dates in 2025, points over the Maghreb and Sahel); an
analyst logs in, a first visit fills the browser's cache (as for an analyst who uses the dashboard
daily), then three visits are timed from navigation start until the markers, base map and timeline are
drawn (`window.bw.loadMs`, set by the dashboard itself). Target: median under 2 s.

    PYTHONPATH=src python bench/dashboard_load.py [--events 10000] [--visits 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _server import start_serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
USER, PASSWORD = "bench-analyst", "synthetic-bench-password-1"


def _fill(db: Path, count: int) -> None:
    from borderwatch.model import EVENT_TYPES, Agency, Report
    from borderwatch.store import NewReport, Role, Store

    rng = random.Random(5)
    rows = [
        {
            "id": f"gen-{n:06d}",
            "event_type": (kind := rng.choice(EVENT_TYPES)),
            "sub_event_type": f"{kind} (generated)",
            "date": f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            "lat": rng.uniform(12, 37),
            "lon": rng.uniform(-12, 24),
            "fatalities": rng.choice([None, 0, 1, 3, 10]),
            "confidence": 0.7,
            "location_name": f"Place {n % 300}",
        }
        for n in range(count)
    ]
    with Store(f"sqlite:///{db}") as store:
        report = Report(text="SYNTHETIC. Generated events for the page-load benchmark.", title="generated")
        store.add_reports([NewReport(report=report)])
        store.accounts.add_agency(Agency(id=report.agency, name="Synthetic bench centre"))
        store.accounts.add_user(USER, report.agency, Role.ANALYST, password=PASSWORD)
        store.bulk_insert_events(rows, report.id)


def _visit(browser: object, base: str) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 850})  # type: ignore[attr-defined]
    answer = page.request.post(base + "/auth/login", data={"username": USER, "password": PASSWORD})
    if answer.status != 200:
        raise SystemExit(f"login failed: HTTP {answer.status}")
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    load_ms = float(page.evaluate("window.bw.loadMs"))
    markers = int(page.evaluate("window.bw.markerCount()"))
    page.close()
    return load_ms if markers else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=3)
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("playwright is not installed (make setup)") from None
    if not Path(CHROMIUM).exists():
        raise SystemExit("Debian's chromium is not installed (make setup)")
    os.environ["BORDERWATCH_COOKIE_SECURE"] = "false"  # plain HTTP on loopback: the cookie without Secure
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dashboard.db"
        _fill(db, args.events)
        process, base = start_serve(db)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                _visit(browser, base)  # fills the browser's cache
                timings = [_visit(browser, base) for _ in range(args.visits)]
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(
        json.dumps(
            {
                "events": args.events,
                "load_ms": [round(t) for t in timings],
                "median_ms": round(statistics.median(timings)),
                "target_ms": 2000,
                "load_average": round(os.getloadavg()[0], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
