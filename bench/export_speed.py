"""Export speed: 1,000,000 generated events exported in each format, through the command a user runs.

Generates synthetic fused events (random dates over 2025, places in the Maghreb and the Sahel, ACLED
types, actors with types, tolls, sources, notes) straight into a store with `Store.import_events`, then
runs `borderwatch export --format F -o FILE` in a child process for each format and reports its wall
time, events per second, peak memory (max RSS of the child) and file size.

Targets (issue 5): 1,000,000 events in <= 60 s with memory under 500 MB.

    PYTHONPATH=src python bench/export_speed.py [--events 1000000] [--formats acled-csv,geojson,jsonl,parquet]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from borderwatch.store import Store

TYPES = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Protests", "Peaceful protest"),
]
COUNTRIES = ["DZ", "TN", "LY", "ML", "NE", "TD", "MR", "MA", "EG"]
BORDERS = ["DZA-TUN", "DZA-LBY", "DZA-MLI", "DZA-NER", "LBY-TUN", "LBY-NER", "LBY-TCD", "MLI-NER"]


def generated(count: int, seed: int = 11) -> Iterator[dict]:
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    for n in range(count):
        etype, sub = rng.choice(TYPES)
        yield {
            "id": f"E{n:016x}",
            "event_type": etype,
            "sub_event_type": sub,
            "tags": rng.choice([[], ["smuggling"], ["infiltration", "patrol"]]),
            "date": (start + timedelta(days=rng.randrange(365))).isoformat(),
            "time_precision": rng.choice([1, 1, 2]),
            "actor1": f"Synthetic Group {rng.randrange(300)}",
            "actor1_type": rng.choice([1, 2, 3]),
            "actor2": rng.choice([None, "Civilians (Mali)", "Military Forces of Niger (2023-)"]),
            "actor2_type": rng.choice([1, 7]),
            "location_name": f"Place {rng.randrange(5000)}",
            "lat": rng.uniform(12, 37),
            "lon": rng.uniform(-10, 25),
            "country": rng.choice(COUNTRIES),
            "admin1": f"Region {rng.randrange(40)}",
            "geo_precision": rng.choice([1, 2, 3]),
            "border": rng.choice(BORDERS),
            "border_km": rng.uniform(0, 400),
            "fatalities": rng.choice([0, 0, 1, 2, 5, 12]),
            "confidence": rng.random(),
            "source_names": "Synthetic Wire (synthetic); Sahel Dispatch (synthetic)",
            "notes": "SYNTHETIC. Gunmen attacked a convoy on the road north of the town, residents said.",
            "reports": 2,
            "independent_sources": 2,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--formats", default="acled-csv,geojson,jsonl,parquet")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "export.db"
        began = time.perf_counter()
        with Store(f"sqlite:///{db}") as store:
            store.import_events(generated(args.events))
        print(
            f"generated {args.events} events in {time.perf_counter() - began:.0f} s ({db.stat().st_size / 1e6:.0f} MB)"
        )
        worst = 0.0
        for fmt in args.formats.split(","):
            seconds, cpu, peak_mb, size_mb = export(db, fmt, Path(tmp) / f"events.{fmt}")
            worst = max(worst, seconds)
            print(
                f"{fmt:>10}: {seconds:5.1f} s ({cpu:.1f} s CPU), {args.events / seconds:,.0f} events/s, "
                f"peak {peak_mb:.0f} MB, file {size_mb:.0f} MB"
            )
    print(f"target: {args.events} events in <= 60 s, memory < 500 MB (slowest format: {worst:.1f} s)")
    print(f"machine load: {os.getloadavg()[0]:.1f} (on a shared machine the CPU time is the steadier figure)")
    sys.exit(0 if worst <= 60 else 1)


def export(db: Path, fmt: str, out: Path) -> tuple[float, float, float, float]:
    """Run the export command in a child; (seconds, its CPU seconds, its peak RSS in MB, file size in MB)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-m", "borderwatch", "--db", str(db), "export", "--format", fmt, "-o", str(out)]
    began = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory, not the largest so far
    seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export {fmt} failed: {child.stderr.read().decode() if child.stderr else ''}")
    size = out.stat().st_size / 1e6
    out.unlink()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, size


if __name__ == "__main__":
    main()
