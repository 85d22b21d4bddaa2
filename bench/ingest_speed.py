"""Ingest benchmarks (issue 2): field reports per second into SQLite without NLP, the duplicate path,
and peak memory of `borderwatch ingest` on a 10,000-report folder against a 1,000-report one.

Run: `make bench` (or `python bench/ingest_speed.py`). Prints medians of repeated runs.
All reports are generated here, synthetic.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from borderwatch.ingest import ReadOptions, read_paths
from borderwatch.model import Report
from borderwatch.pipeline import ingest
from borderwatch.settings import Settings
from borderwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
PLACES = [
    ("Bordj Badji Mokhtar", 21.33, 0.95),
    ("In Guezzam", 19.57, 5.77),
    ("Dehiba", 32.02, 10.70),
    ("Ras Ajdir", 33.15, 11.56),
    ("Ghadames", 30.13, 9.50),
    ("Tin Zaouatine", 19.96, 2.97),
]


def field_reports(n: int, seed: str = "") -> list[dict[str, object]]:
    out = []
    for i in range(n):
        name, lat, lon = PLACES[i % len(PLACES)]
        out.append(
            {
                "post_id": f"POST-{i % 40:03d}",
                "time": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
                "position": {"lat": lat + (i % 17) / 1000, "lon": lon},
                "category": "sighting",
                "marking": "GREEN",
                "text": f"SYNTHETIC {seed}{i}. Post near {name} reports {i % 9 + 1} vehicles moving along the "
                f"track at {i % 24:02d}:00, no contact, convoy heading {'north' if i % 2 else 'south'}.",
            }
        )
    return out


def time_field_ingest(n: int, repeats: int = 3) -> tuple[float, float]:
    """(reports/s for new reports, reports/s for the same reports again)."""
    new_rates, dup_rates = [], []
    for r in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "posts.jsonl"
            path.write_text("".join(json.dumps(x) + "\n" for x in field_reports(n, f"r{r}-")))
            settings = Settings.load(db=str(Path(tmp) / "b.db"))
            with Store.open(settings) as store:
                for rates in (new_rates, dup_rates):
                    start = time.perf_counter()
                    summary = ingest(read_paths([str(path)], ReadOptions()), store, settings, extract=False)
                    rates.append(n / (time.perf_counter() - start))
                assert summary.duplicates == n
    return statistics.median(new_rates), statistics.median(dup_rates)


def time_text_duplicates(n: int = 1000, repeats: int = 3) -> float:
    """Text reports already seen, with extraction on: the hash path must not run NLP."""
    rates = []
    texts = [f"SYNTHETIC {i}. Guards intercepted a smuggling convoy near Ras Ajdir carrying fuel." for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(db=str(Path(tmp) / "t.db"))
        with Store.open(settings) as store:
            ingest((Report(id="", text=t) for t in texts), store, settings, extract=False)
            for _ in range(repeats):
                start = time.perf_counter()
                summary = ingest((Report(id="", text=t) for t in texts), store, settings, extract=True)
                rates.append(n / (time.perf_counter() - start))
                assert summary.duplicates == n and summary.stored == 0
    return statistics.median(rates)


def peak_memory_mb(n_files: int) -> float:
    """Peak resident memory (MB) of a real `borderwatch ingest --no-extract` on a folder of n text files."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i in range(n_files):
            (folder / f"r{i:05d}.txt").write_text(
                f"Synthetic report {i}\n\nSYNTHETIC. Patrol {i} observed {i % 7} vehicles near Dehiba. " * 3
            )
        command = [
            sys.executable,
            "-c",
            "import resource, runpy, sys; sys.argv=['borderwatch']+sys.argv[1:];\n"
            "try: runpy.run_module('borderwatch', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)",
            "--db",
            str(Path(tmp) / "m.db"),
            "ingest",
            "--no-extract",
            str(folder),
        ]
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        return int(result.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    new_rate, dup_rate = time_field_ingest(5000)
    print(f"field reports, new, no NLP:        {new_rate:8.0f} reports/s   (target >= 2000)")
    print(f"field reports, already stored:     {dup_rate:8.0f} reports/s")
    print(f"text reports already seen (1,000): {time_text_duplicates():8.0f} reports/s   (target >= 5000)")
    small, large = peak_memory_mb(1000), peak_memory_mb(10_000)
    print(
        f"peak memory, ingest of 1,000 files: {small:6.0f} MB; of 10,000 files: {large:6.0f} MB "
        f"(ratio {large / small:.2f}; flat means ~1)"
    )


if __name__ == "__main__":
    main()
