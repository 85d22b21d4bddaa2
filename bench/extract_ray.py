"""Extraction on Ray against the local paths, on one SYNTHETIC corpus, in one run: documents per second.

Generates news-like reports about invented incidents (templates of events, places, actors and numbers
between filler sentences, about 1,200 characters each), then measures, one after another in this process:

- local, one process: `pipeline.make_extractor(settings, n_process=1)`;
- local, forked workers: the same with `n_process` = the machine's cores (what `ingest` runs without --ray);
- Ray, a private local runtime with 1 actor, then with one actor per core: the time to start the runtime
  and load the actors (paid once per run), then the extraction of the same reports.

For each: wall-clock documents per second and its ratio to the local one-process run, and CPU time per
document (this process, its reaped forked workers, and the Ray actors' processes read from /proc) with its
ratio: other jobs on a shared machine sway CPU time far less than the wall clock, so the CPU ratio is the
overhead of a configuration, and `cores / CPU per document` what it would reach with the cores to itself.
It checks that every configuration returns exactly the local one-process results, and prints the load
average around the run.

    PYTHONPATH=src python bench/extract_ray.py [--reports N] [--batch-size B]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from borderwatch.model import ExtractResult, Report
from borderwatch.pipeline import gazetteer_index, make_extractor
from borderwatch.settings import Settings

_PLACES = ["Tin Zaouatine", "Ghadames", "Ben Guerdane", "Kasserine", "In Guezzam", "Djanet", "Ghat", "El Kef"]
_EVENTS = [
    "Gunmen ambushed an army patrol near {place} on {day}, killing {n} soldiers, the defence ministry said.",
    "Border guards seized {n0} rifles and {n} pick-up trucks near {place} on {day} and arrested {n} smugglers.",
    "Hundreds of people protested in {place} on {day} against the closure of the border crossing.",
    "A roadside bomb struck a gendarmerie vehicle near {place} on {day}, wounding {n} gendarmes.",
    "Soldiers clashed with an armed group near {place} on {day}; {n} fighters were killed, the army said.",
    "Armed men abducted {n} villagers near {place} on {day} night, a local official said.",
    "Units of the two armies began a joint patrol along the border near {place} on {day}.",
]
_FILLER = [
    "The report could not be verified independently.",
    "Officials gave no further details about the operation.",
    "The area has seen several similar incidents in recent months.",
    "Residents said the road to the market remained closed for most of the day.",
    "A spokesman for the regional council declined to comment.",
    "The ministry said investigations were continuing.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_reports(count: int, seed: int = 7) -> list[Report]:
    """SYNTHETIC reports: invented incidents, each with a headline-free body of events and filler."""
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        sentences = [
            rng.choice(_EVENTS).format(
                place=rng.choice(_PLACES), day=rng.choice(_DAYS), n=rng.randint(2, 9), n0=rng.randint(10, 90)
            )
            for _ in range(rng.randint(2, 4))
        ]
        sentences += rng.sample(_FILLER, 4)
        rng.shuffle(sentences)
        text = f"SYNTHETIC report {i}. " + " ".join(sentences * 2)
        reports.append(Report(id=f"syn-{i:05d}", text=text, published=None))
    return reports


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _proc_cpu(pids: list[int]) -> float:
    """User + system seconds of running processes (Ray actors), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def _measure(name: str, run: Callable[[], list[Any]], pids: Callable[[], list[int]], count: int) -> dict[str, Any]:
    cpu0, proc0, start = _own_cpu(), _proc_cpu(pids()), time.perf_counter()
    results = run()
    wall = time.perf_counter() - start
    cpu = _own_cpu() - cpu0 + _proc_cpu(pids()) - proc0
    return {"name": name, "results": results, "docs_s": count / wall, "wall": wall, "cpu_ms": 1000 * cpu / count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=160)
    parser.add_argument("--batch-size", type=int, default=8, help="reports per Ray task")
    args = parser.parse_args()
    if importlib.util.find_spec("ray") is None:
        sys.exit("ray is not installed: pip install 'borderwatch[ray]'")
    cores = len(os.sched_getaffinity(0))
    reports = synthetic_reports(args.reports)
    chars = sum(len(r.text) for r in reports) / len(reports)
    settings = Settings.load(gazetteer=str(gazetteer_index(Settings.load()).resolve()))
    load_before = os.getloadavg()
    print(f"{len(reports)} SYNTHETIC reports, {chars:.0f} characters each on average; {cores} cores")
    print(f"load average before: {load_before[0]:.1f} {load_before[1]:.1f} {load_before[2]:.1f}")
    rows = []

    for n_process in (1, cores):
        extractor = make_extractor(settings, n_process=n_process)
        extractor.min_parallel = 1
        list(extractor.pipe(reports[:4]))  # warm: model, gazetteer, borders
        name = f"local, {n_process} process{'es' if n_process > 1 else ''}"
        rows.append(_measure(name, lambda e=extractor: list(e.pipe(reports)), list, len(reports)))

    from borderwatch.scale import RayExtraction, RayRuntime

    with RayRuntime(num_cpus=cores) as runtime:
        print(f"Ray local runtime started in {runtime.started_seconds:.1f} s")
        for actors in sorted({1, cores}):
            start = time.perf_counter()
            backend = RayExtraction(runtime, settings, actors=actors, batch_size=args.batch_size)
            print(f"  {actors} actor(s) loaded in {time.perf_counter() - start:.1f} s")
            list(backend.extract(reports[: 4 * actors]))  # warm every actor
            pids = [pid for _host, pid in backend.workers]
            rows.append(
                _measure(
                    f"Ray, {actors} actor{'s' if actors > 1 else ''}",
                    lambda b=backend: list(b.extract(reports)),
                    lambda p=pids: p,
                    len(reports),
                )
            )
            backend.close()

    load_after = os.getloadavg()
    reference = [_dump(r) for r in rows[0]["results"]]
    print(f"\n{'configuration':<18} {'docs/s':>7} {'x local 1':>9} {'CPU ms/doc':>10} {'CPU x local 1':>13}  identical")
    for row in rows:
        same = [_dump(r) for r in row["results"]] == reference
        speed, cpu = row["docs_s"] / rows[0]["docs_s"], row["cpu_ms"] / rows[0]["cpu_ms"]
        print(f"{row['name']:<18} {row['docs_s']:7.2f} {speed:9.2f} {row['cpu_ms']:10.0f} {cpu:13.2f}  {same}")
    print(f"load average after: {load_after[0]:.1f} {load_after[1]:.1f} {load_after[2]:.1f}")


def _dump(result: ExtractResult | Any) -> str:
    return result.model_dump_json() if isinstance(result, ExtractResult) else repr(result)


if __name__ == "__main__":
    main()
