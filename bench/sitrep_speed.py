"""Situation report speed: the time to read, draw and lay out a report of many events, HTML and PDF.

Generates synthetic events over 2025 (random places in the Maghreb and the Sahel, ACLED types, borders,
tolls), each cited by one SYNTHETIC AMBER report, into a store; then makes the report of one month, one
quarter and the whole year, as the local administrator and as an analyst of the report's agency (whose
reads go through the access rule and the audit log), in this process. For each it prints the events in
it, the wall and CPU time of reading them (the store's reader-aware pages) and of the whole HTML and PDF
reports (reading included), and the sizes of the files. CPU time is the figure to compare on a shared
machine; wall time is printed beside it with the load average.

    PYTHONPATH=src python bench/sitrep_speed.py [--events 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from borderwatch.model import EVENT_TYPES, Marking, Report
from borderwatch.sitrep import Area, SitrepRequest, gather, situation_report
from borderwatch.store import BoundStore, EventFilter, NewReport, Reader, Role, Store

PERIODS = {
    "month": (date(2025, 6, 1), date(2025, 6, 30)),
    "quarter": (date(2025, 4, 1), date(2025, 6, 30)),
    "year": (date(2025, 1, 1), date(2025, 12, 31)),
}
BORDERS = ["DZA-TUN", "DZA-LBY", "DZA-MLI", "DZA-NER", "LBY-TUN", "LBY-NER", "LBY-TCD", "MLI-NER", None]


def generate(store: Store, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    report = Report(text="SYNTHETIC. Generated events for the sitrep benchmark.", agency="bench",
                    marking=Marking.AMBER)  # fmt: skip
    store.add_reports([NewReport(report=report)])
    rows = []
    for n in range(count):
        event_type = rng.choice(EVENT_TYPES)
        rows.append({
            "id": f"bench-{n:08d}", "event_type": event_type, "sub_event_type": "Other",
            "date": (date(2025, 1, 1) + timedelta(days=rng.randrange(365))).isoformat(), "time_precision": 1,
            "lat": round(rng.uniform(12, 37), 4), "lon": round(rng.uniform(-10, 25), 4), "country": "DZ",
            "location_name": f"Place {rng.randrange(5000)}", "geo_precision": rng.choice([1, 2, 3]),
            "border": rng.choice(BORDERS), "border_km": round(rng.uniform(0, 300), 1),
            "fatalities": rng.choice([None, 0, 0, 1, 2, 5]), "confidence": round(rng.uniform(0.3, 1.0), 2),
        })  # fmt: skip
    store.bulk_insert_events(rows, report.id)


def timed(step: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run(who: str, store: BoundStore, period: str) -> None:
    request = SitrepRequest(EventFilter(), *PERIODS[period], area=Area(f"the whole {period}"))
    report, read_wall, read_cpu = timed(lambda: gather(store, request))
    html, html_wall, html_cpu = timed(lambda: situation_report(store, request, "html"))
    pdf, pdf_wall, pdf_cpu = timed(lambda: situation_report(store, request, "pdf"))
    print(
        f"{who:>7} {period:>7}: {report.figures.events:6,} events"
        f" | read {read_wall:5.2f} s wall {read_cpu:5.2f} s CPU"
        f" | html {html_wall:5.2f} s wall {html_cpu:5.2f} s CPU, {len(html) / 1e3:5.0f} KB"
        f" | pdf {pdf_wall:5.2f} s wall {pdf_cpu:5.2f} s CPU, {len(pdf) / 1e3:5.0f} KB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{Path(tmp) / 'sitrep.db'}") as store:
        generate(store, args.events)
        admin = store.as_reader(Reader.local_admin())
        analyst = store.as_reader(Reader(agency="bench", user="bench-analyst", role=Role.ANALYST))
        # The first report loads matplotlib, the base map (Natural Earth from the gazetteer index) and fonts.
        _, wall, cpu = timed(lambda: situation_report(admin, SitrepRequest(EventFilter(), *PERIODS["month"])))
        print(f"first report of the process (imports, base map): {wall:.2f} s wall, {cpu:.2f} s CPU")
        for period in PERIODS:
            run("admin", admin, period)
        run("analyst", analyst, "quarter")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB; load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
