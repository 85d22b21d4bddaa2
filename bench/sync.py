"""Sync benchmark: 100,000 events pulled over TAXII 2.1 from one local installation into another.

Installation A (a SQLite file) holds 50,000 synthetic reports with two events each; its TAXII server runs
as `borderwatch peers serve` on 127.0.0.1 (uvicorn, its own process). Installation B, empty, pulls
everything its rule allows (up to AMBER: all of it) with the sync client, in its own process. Then B syncs
again (nothing new: the idempotent case). Targets: ≤ 60 s for the 100,000 events, < 500 MB per process.

    PYTHONPATH=src python bench/sync.py [--reports 50000] [--events-per-report 2] [--page 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def generate(db: str, reports: int, per_report: int) -> None:
    """Installation A: synthetic reports near the DZA-TUN border, GREEN and AMBER, two agencies."""
    from _unfused import write_unfused  # bench/ is on the path: it is the script's folder
    from borderwatch.model import (
        Actor,
        ActorType,
        EventMention,
        EventType,
        Evidence,
        ExtractResult,
        Location,
        Marking,
        Report,
        ReportRef,
    )
    from borderwatch.store import Store
    from borderwatch.store._write import NewReport

    places = [("Tebessa", 35.40, 8.12), ("Kasserine", 35.17, 8.83), ("El Kef", 36.18, 8.71), ("Nefta", 33.87, 7.88)]
    groups = ["Synthetic Katiba of the Dunes", "Synthetic Border Brigade", "Synthetic Smuggling Ring"]
    with Store(f"sqlite:///{db}") as store:
        for start in range(0, reports, 1000):
            batch = []
            for i in range(start, min(start + 1000, reports)):
                text = (
                    f"SYNTHETIC bench report {i}. Armed men of an invented group clashed with a patrol "
                    f"near a border post; {i % 7} were killed. A second patrol seized a vehicle nearby."
                )
                report = Report(
                    text=text, agency="dz-cnc" if i % 3 else "dz-anp", marking=Marking.AMBER if i % 2 else Marking.GREEN
                )
                mentions = []
                for j in range(per_report):
                    name, lat, lon = places[(i + j) % len(places)]
                    mentions.append(
                        EventMention(
                            id=f"e{j}",
                            event_type=EventType.BATTLES,
                            sub_event_type="Armed clash",
                            date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                            time_precision=1,
                            actor1=Actor(name=groups[i % 3], type=ActorType.REBEL_GROUP),
                            actor2=Actor(name="Military Forces of Algeria (2019-)", type=ActorType.STATE_FORCES),
                            location=Location(
                                name=name,
                                lat=lat,
                                lon=lon,
                                country="DZ",
                                geo_precision=1,
                                border="DZA-TUN",
                                border_km=10.0 + j,
                            ),
                            fatalities=i % 7,
                            evidence=Evidence(sentence=text[:120], start=0, end=120),
                            confidence=0.7,
                        )
                    )
                extraction = ExtractResult(report=ReportRef(id=report.id), events=mentions)
                batch.append(NewReport(report=report, extraction=extraction))
            write_unfused(store, batch)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(db: str, *args: str) -> str:
    command = [sys.executable, "-m", "borderwatch", "--db", db, *args]
    return subprocess.run(command, env=ENV, check=True, capture_output=True, text=True).stdout.strip()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def client(db: str, page: int) -> None:
    """Installation B's side: pull from peer-a; again (nothing new); again from the start (everything
    unchanged: the idempotent re-sync); print the figures as JSON."""
    from borderwatch.share import PeerClient
    from borderwatch.store import Reader, Store

    with Store(f"sqlite:///{db}") as store:
        timings = []
        reports = []
        for run in range(3):
            if run == 2:
                store.exchange.update_peer("peer-a", pull_after=None)
            peer = store.exchange.peer("peer-a")
            started = time.perf_counter()
            sync = PeerClient(store, peer, page_size=page)
            result = sync.sync(pull=True, push=False)
            sync.close()
            timings.append(time.perf_counter() - started)
            reports.append(dict(result.pulled))
        admin = Reader.local_admin()
        counts = {what: store.count(what, admin) for what in ("reports", "events", "event_mentions")}
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    print(json.dumps({"seconds": timings, "pulled": reports, "counts": counts, "peak_mb": peak, "cpu": cpu}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--events-per-report", type=int, default=2)
    parser.add_argument("--page", type=int, default=2000)
    parser.add_argument("--client", nargs=2, metavar=("DB", "PAGE"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", nargs=3, metavar=("DB", "REPORTS", "PER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate[0], int(args.generate[1]), int(args.generate[2]))
        return
    if args.client:
        client(args.client[0], int(args.client[1]))
        return
    with tempfile.TemporaryDirectory(prefix="bw-sync-") as folder:
        db_a, db_b = f"{folder}/a.db", f"{folder}/b.db"
        started = time.perf_counter()
        generator = [sys.executable, __file__, "--generate", db_a, str(args.reports), str(args.events_per_report)]
        subprocess.run(generator, env=ENV, check=True)
        events = args.reports * args.events_per_report
        print(
            f"installation A: {args.reports} reports, {events} events, built in "
            f"{time.perf_counter() - started:.1f} s (not counted)"
        )
        port = _free_port()
        _cli(db_a, "peers", "add", "peer-b", "--agency", "tn-cnc")
        _cli(db_a, "peers", "rule", "peer-b", "--up-to", "AMBER")
        token = _cli(db_a, "tokens", "create", "peer-b", "--name", "bench", "--scope", "taxii")
        _cli(
            db_b,
            "peers",
            "add",
            "peer-a",
            "--agency",
            "dz-cnc",
            "--url",
            f"http://127.0.0.1:{port}/taxii2/api/",
            "--token",
            token,
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "borderwatch", "--db", db_a, "peers", "serve", "--port", str(port)],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait(port)
            server_cpu_before = _cpu_seconds(server.pid)
            load_before = os.getloadavg()[0]
            out = subprocess.run(
                [sys.executable, __file__, "--client", db_b, str(args.page)],
                env=ENV,
                check=True,
                capture_output=True,
                text=True,
            )
            server_peak = _peak_mb(server.pid)
            server_cpu = _cpu_seconds(server.pid) - server_cpu_before
        finally:
            server.terminate()
            server.wait(timeout=30)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
    first, second, third = figures["seconds"]
    print(
        f"first sync: {figures['counts']['events']} events in {figures['counts']['reports']} reports pulled in "
        f"{first:.1f} s ({figures['counts']['events'] / first:,.0f} events/s); target ≤ 60 s for 100,000"
    )
    print(f"second sync (nothing new): {second:.1f} s, outcomes {figures['pulled'][1]}")
    print(
        f"third sync, from the start again: {third:.1f} s, outcomes {figures['pulled'][2]}; still "
        f"{figures['counts']['reports']} reports and {figures['counts']['events']} events (no duplicate)"
    )
    print(f"peak memory: client {figures['peak_mb']:.0f} MB, server {server_peak:.0f} MB; target < 500 MB each")
    print(
        f"CPU time: client {figures['cpu']:.1f} s (three syncs), server {server_cpu:.1f} s; machine load average "
        f"{load_before:.1f} at the start on {os.cpu_count()} cores (other work slows the wall-clock figure)"
    )
    unchanged = figures["pulled"][2] == {"unchanged": args.reports}
    ok = figures["counts"]["events"] == events and unchanged and first <= 60 * events / 100_000
    ok = ok and figures["peak_mb"] < 500 and server_peak < 500
    print("OK" if ok else "TARGET MISSED")


def _wait(port: int) -> None:
    import httpx

    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/taxii2/", timeout=0.5)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the TAXII server did not start")


if __name__ == "__main__":
    main()
