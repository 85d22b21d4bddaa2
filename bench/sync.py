"""Sync benchmark: 100,000 events pulled over TAXII 2.1 from one local installation into another.

Installation A (a SQLite file) holds 50,000 synthetic reports of two agencies (GREEN and AMBER), each
describing two happenings along the Algerian border with Tunisia and Libya: HAPPENINGS_PER_DAY a day up to
the end of 2025 (two years at least), points drawn anywhere within 60 km of the border line and named after
invented localities, ACLED types, actors from a pool of armed groups and state forces. About 3% of the
reports are a second report of an earlier happening (the same day, type and actors, a point within 2 km,
from the other agency): those are the events fusion should join. A stores one event per mention, unfused
(`_unfused.py`). Its TAXII server runs as `borderwatch peers serve` on 127.0.0.1 (uvicorn, its own
process). Installation B, empty, pulls everything its rule allows (up to AMBER: all of it) with the sync
client, in its own process, and fuses what it receives as it arrives, as it would ingested reports. Then B
syncs again (nothing new) and once more from the start (the idempotent re-sync). Then A re-marks, raises
to RED and withdraws a few percent of its reports and B syncs once more (`_sync_changes.py`). Targets: ≤ 60 s for the
100,000 events, < 500 MB per process. With `--profile`, the client's first sync runs under cProfile and the
time is split between transport, STIX mapping, the write path and fusion. With `--ingest-reference`, A's
reports are also fused by the ordinary ingest path (no sync) and scored against the same truth: B's
precision is fusion's own when the two agree (at 10,000 events: .639 through the sync, .634 by ingest).

    PYTHONPATH=src python bench/sync.py [--reports 50000] [--events-per-report 2] [--page 2000] [--profile]
                                        [--ingest-reference] [--sender-fused]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _server import free_port  # noqa: E402
from _sync_changes import client_once, holdings, make_changes  # noqa: E402
from _sync_profile import client_stages, server_stages, timed_fetches  # noqa: E402
from _sync_truth import Truth, ingest_reference, merges_against_truth, truth_path  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
SECOND_REPORTS = 0.03  # the share of reports that are a second report of an earlier happening
# Happenings a day along the whole strip: more than ACLED codes in Algeria, Tunisia and Libya together (a few
# thousand events a year), so that fusion meets denser data than real; 100,000 events span about 23 years. A
# fixed rate, not a fixed period: the density fusion has to tell happenings apart in stays the same whatever
# the size asked for (two years of 100,000 events would put ten times more happenings on each day and place).
HAPPENINGS_PER_DAY = 12
LAST_DAY = date(2025, 12, 31)
_HAPPENING_IDS = itertools.count()


# The border line, north to south: the Algeria-Tunisia border, then Algeria-Libya (approximate vertices).
BORDER_LINE = (
    (36.93, 8.62, "DZA-TUN"),
    (36.45, 8.40, "DZA-TUN"),
    (35.80, 8.35, "DZA-TUN"),
    (35.20, 8.30, "DZA-TUN"),
    (34.50, 8.25, "DZA-TUN"),
    (33.90, 7.85, "DZA-TUN"),
    (32.40, 9.10, "DZA-TUN"),
    (30.25, 9.55, "DZA-LBY"),
    (28.50, 9.85, "DZA-LBY"),
    (26.40, 10.20, "DZA-LBY"),
)
# Localities along the strip, invented: one every ~20 km along the line, in six columns 20 km apart (from 60 km
# inside Algeria to 60 km inside its neighbour). A happening is named after the locality it falls next to, as
# a report names the nearest village; a few hundred names, as many as a border strip of this length has.
LOCALITY_KM = 20.0
_HEADS = ("Ag", "Tin", "Ouar", "Taf", "Im", "Tam", "Sel", "Til", "Igh", "Am", "Ber", "Kel", "Sen", "Dor", "Mez")
_MIDS = ("zar", "rem", "zig", "sut", "zad", "kur", "lel", "zer", "lok", "ran", "tef", "han", "vin", "ghil", "mok")
_TAILS = ("", "a", "et", "ouf", "ine", "ar")
# (ACLED type, sub-type, weight, how a report words it)
KINDS = (
    ("Battles", "Armed clash", 4, "fighters of the {group} exchanged fire with the {state} {where}{toll}"),
    ("Strategic developments", "Arrests", 3, "the {state} arrested {n} suspected members of the {group} {where}"),
    ("Strategic developments", "Looting/property destruction", 1, "men of the {group} ransacked a fuel depot {where}"),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        1,
        "a roadside device attributed to the {group} struck a vehicle of the {state} {where}{toll}",
    ),
    ("Violence against civilians", "Attack", 1, "gunmen of the {group} attacked herders {where}{toll}"),
    (
        "Strategic developments",
        "Disrupted weapons use",
        2,
        "the {state} seized {n} rifles and a pickup truck from the {group} {where}",
    ),
)
# Invented armed groups, no two sharing a word of their name (shared words would make them look alike), and no
# word a locality's name could be.
GROUPS = tuple(
    f"{first} {second}"
    for first, second in zip(
        (
            *("Katibat", "Network", "Brigade", "Ring", "Band", "Cell", "Front", "League", "Legion", "Column"),
            *("Council", "Army", "Battalion", "Circle", "Guard", "Union", "Militia", "Order", "Squadron", "Company"),
            *("Vanguard", "Movement", "Alliance", "Faction", "Syndicate", "Party", "Clan", "Rally", "Bloc", "Assembly"),
        ),
        (
            *("Quesnoy", "Pyrwell", "Bexhollow", "Crudwick", "Fyndale", "Wolvercote", "Nuxley", "Prestmoor", "Quenby"),
            *("Hythorn", "Jarrowby", "Ockendon", "Vellacott", "Brumfitt", "Caddock", "Dunsforth", "Eskrigg", "Frobury"),
            *("Gulvaston", "Hambling", "Ixworth", "Kelloway", "Lumbers", "Mowbury", "Nettlebed", "Plumtree", "Rudyard"),
            *("Scarrow", "Thwaite", "Upcott"),
        ),
        strict=True,
    )
)
DETAILS = (
    "The convoy carried fuel and cigarettes.",
    "Witnesses described three vehicles heading east.",
    "A shepherd alerted the nearest post.",
    "The suspects crossed at night through a dry riverbed.",
    "Drones were used to follow the group.",
    "Ammunition boxes were found at the scene.",
    "Local notables called for calm.",
    "The route is known for migrant smuggling.",
)
STATES = {
    "DZ": "Military Forces of Algeria (2019-)",
    "TN": "National Guard of Tunisia",
    "LY": "Military Forces of Libya",
}


def generate(db: str, reports: int, per_report: int, fused: bool = False) -> None:
    """Installation A: `reports` synthetic reports, `per_report` happenings each, about 3% of the reports
    a second report of an earlier happening; stored unfused (one event per mention), or with `fused` through
    the ordinary ingest path, fused as an installation fuses what it ingests (slower to build)."""
    from _unfused import write_unfused  # bench/ is on the path: it is the script's folder
    from borderwatch.store import NewReport, Reader, Store

    rng = random.Random(7)
    days = max(731, math.ceil(reports * per_report / HAPPENINGS_PER_DAY))
    recent: list[dict[str, Any]] = []  # happenings a second report may be about
    seconds = 0
    truth = Truth()
    with Store(f"sqlite:///{db}") as store:
        for start in range(0, reports, 1000):
            made = [_report(rng, i, per_report, days, recent) for i in range(start, min(start + 1000, reports))]
            seconds += sum(second for _, second, _ in made)
            for report, _, happenings in made:
                truth.add(report.report.id, happenings)
            if fused:  # in the order they are made, as reports arrive at an installation
                batch = [NewReport(report=r.report, extraction=r.extraction) for r, _, _ in made]
                store.add_reports(batch, writer=Reader.local_admin())
            else:
                write_unfused(store, [report for report, _, _ in made])
    truth.save(truth_path(db))
    print(json.dumps({"second_reports": seconds}))


def _report(
    rng: random.Random, i: int, per_report: int, days: int, recent: list[dict[str, Any]]
) -> tuple[Any, bool, list[dict[str, Any]]]:
    """A report, whether it is a second report of an earlier happening, and the happenings it tells."""
    from borderwatch.model import ExtractResult, Marking, Report, ReportRef
    from borderwatch.store import NewReport

    agency = "dz-cnc" if i % 3 else "dz-anp"
    second = bool(recent) and rng.random() < SECOND_REPORTS
    if second:  # an earlier happening, seen by the other agency
        earlier = rng.choice(recent[-3000:])
        agency = "dz-anp" if earlier["agency"] == "dz-cnc" else "dz-cnc"
        happenings = [_again(rng, earlier)] + [_happening(rng, agency, days) for _ in range(per_report - 1)]
    else:
        happenings = [_happening(rng, agency, days) for _ in range(per_report)]
        recent.extend(happenings)
    sentences = [_sentence(h) for h in happenings]
    told = " ".join(f"{s} {h['detail']}" for s, h in zip(sentences, happenings, strict=True))
    text = f"SYNTHETIC bench report {i}. {told}"
    day = max(h["day"] for h in happenings)
    published = datetime.combine(day, datetime.min.time()) + timedelta(days=rng.choice((0, 0, 1, 2)), hours=9)
    marking = Marking.AMBER if rng.random() < 0.5 else Marking.GREEN
    report = Report(text=text, agency=agency, marking=marking, published=published)
    mentions = [_mention(h, j, text, s) for j, (h, s) in enumerate(zip(happenings, sentences, strict=True))]
    extraction = ExtractResult(report=ReportRef(id=report.id), events=mentions)
    return NewReport(report=report, extraction=extraction), second, happenings


def _happening(rng: random.Random, agency: str, days: int) -> dict[str, Any]:
    """A new happening: one of the `days` days up to 2025-12-31, a point within 60 km of the border line, named
    after its locality, a kind, actors."""
    k = rng.randrange(len(BORDER_LINE) - 1)
    (lat1, lon1, border), (lat2, lon2, _) = BORDER_LINE[k], BORDER_LINE[k + 1]
    t = rng.random()
    offset_km = rng.uniform(-60, 60)  # west (Algeria) or east of the line
    lat = lat1 + t * (lat2 - lat1) + rng.uniform(-0.05, 0.05)
    lon = lon1 + t * (lon2 - lon1) + offset_km / (111.2 * math.cos(math.radians(lat)))
    place = _locality(k, t, offset_km)
    country = "DZ" if offset_km < 0 else ("TN" if border == "DZA-TUN" else "LY")
    kind = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
    group = rng.choice(GROUPS)
    return {
        "id": next(_HAPPENING_IDS),  # not drawn from `rng`: the generated data is what it was before ids
        "agency": agency,
        "day": LAST_DAY - timedelta(days=rng.randrange(days)),
        "lat": round(lat, 5),
        "lon": round(lon, 5),
        "place": place,
        "country": country,
        "border": border,
        "border_km": round(abs(offset_km), 1),
        "precision": rng.choice((1, 2, 2)),
        "type": kind[0],
        "sub_type": kind[1],
        "wording": kind[3],
        "where": _where(rng, place),
        "n": rng.randint(2, 12),
        "detail": rng.choice(DETAILS),
        "group": group,
        "state": STATES[country],
        "killed": rng.choice((0, 0, 0, 1, 2, 3, 5)),
        "confidence": round(rng.uniform(0.55, 0.95), 2),
    }


def _locality(segment: int, t: float, offset_km: float) -> str:
    """The name of the locality next to a point of the strip: its segment of the line, its step of
    LOCALITY_KM along it and its column across it, numbered and spelled from syllables."""
    steps = _steps()
    column = min(5, int((offset_km + 60) // LOCALITY_KM))
    number = (sum(steps[:segment]) + round(t * steps[segment])) * 6 + column
    # Neighbours differ in their first syllable, so that no two nearby names read alike.
    head, rest = number % len(_HEADS), number // len(_HEADS)
    return f"{_HEADS[head]}{_MIDS[rest % len(_MIDS)]}{_TAILS[(rest // len(_MIDS)) % len(_TAILS)]}"


@cache
def _steps() -> tuple[int, ...]:
    """How many localities each segment of the line has along it."""
    return tuple(
        max(1, round(_segment_km(BORDER_LINE[i], BORDER_LINE[i + 1]) / LOCALITY_KM))
        for i in range(len(BORDER_LINE) - 1)
    )


def _segment_km(a: tuple[float, float, str], b: tuple[float, float, str]) -> float:
    dy = (b[0] - a[0]) * 111.2
    dx = (b[1] - a[1]) * 111.2 * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dx, dy)


def _again(rng: random.Random, earlier: dict[str, Any]) -> dict[str, Any]:
    """The same happening as another agency reports it: its own point (within 2 km) and toll."""
    lat = earlier["lat"] + rng.uniform(-0.015, 0.015)
    lon = earlier["lon"] + rng.uniform(-0.015, 0.015)
    killed = max(0, earlier["killed"] + rng.choice((-1, 0, 0, 1)))
    where = f"{earlier['where']} ({earlier['place']} district)"
    again = {"lat": round(lat, 5), "lon": round(lon, 5), "killed": killed, "where": where, "confidence": 0.7}
    return {**earlier, **again, "detail": rng.choice(DETAILS)}


def _where(rng: random.Random, place: str) -> str:
    side = rng.choice(("north", "south", "east", "west"))
    return rng.choice((f"near {place}", f"{rng.randint(2, 9)} km {side} of {place}", f"outside {place}"))


def _sentence(h: dict[str, Any]) -> str:
    toll = f", killing {h['killed']}" if h["killed"] else ""
    said = h["wording"].format(group=h["group"], state=h["state"], where=h["where"], toll=toll, n=h["n"])
    return f"On {h['day']:%d %B %Y}, {said}."


def _mention(h: dict[str, Any], j: int, text: str, sentence: str) -> Any:
    from borderwatch.model import Actor, ActorType, EventMention, Evidence, Location

    start = text.index(sentence)
    return EventMention(
        id=f"e{j}",
        event_type=h["type"],
        sub_event_type=h["sub_type"],
        date=h["day"].isoformat(),
        time_precision=1,
        actor1=Actor(name=h["group"], type=ActorType.REBEL_GROUP),
        actor2=Actor(name=h["state"], type=ActorType.STATE_FORCES),
        location=Location(
            name=h["place"],
            lat=h["lat"],
            lon=h["lon"],
            country=h["country"],
            geo_precision=h["precision"],
            border=h["border"],
            border_km=h["border_km"],
        ),
        fatalities=h["killed"],
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
        confidence=h["confidence"],
    )


def _cli(db: str, *args: str) -> str:
    command = [sys.executable, "-m", "borderwatch", "--db", db, *args]
    return subprocess.run(command, env=ENV, check=True, capture_output=True, text=True).stdout.strip()


def _resident() -> dict[str, float]:
    """This process's resident memory now, in MB: the heap (anonymous) and mapped files (SQLite's mmap)."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("RssAnon", "RssFile", "VmHWM"):
            found[name] = int(value.split()[0]) / 1024
    return found


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def client(db: str, page: int, profile: bool) -> None:
    """Installation B's side: pull from peer-a; again (nothing new); again from the start (everything
    unchanged: the idempotent re-sync); print the figures as JSON (with `profile`, the first sync's time
    split by stage)."""
    import cProfile

    from _fusion_counts import counting_fusion_work
    from borderwatch.share import PeerClient
    from borderwatch.store import Reader, Store

    traced = os.environ.get("BW_SYNC_TRACEMALLOC")  # a file: what the first sync's heap holds, by owner
    if traced:
        tracemalloc.start(16)  # frames enough to name the owner of what a library allocated
    with Store(f"sqlite:///{db}") as store:
        timings, cpu_times, reports, stages = [], [], [], {}
        for run in range(3):
            if run == 2:
                store.exchange.update_peer("peer-a", pull_after=None)
            peer = store.exchange.peer("peer-a")
            profiler = cProfile.Profile(time.thread_time) if profile and run == 0 else None
            started, started_cpu = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            with timed_fetches(PeerClient) as fetch_cpu, counting_fusion_work() as work:
                sync = PeerClient(store, peer, page_size=page)
                result = sync.sync(pull=True, push=False)
                sync.close()
            if profiler:
                profiler.disable()
                stages = client_stages(profiler, fetch_cpu[0])
                if os.environ.get("BW_SYNC_PROFILE_OUT"):  # the whole profile, for pstats
                    profiler.dump_stats(os.environ["BW_SYNC_PROFILE_OUT"])
            timings.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - started_cpu)
            reports.append(dict(result.pulled))
            if run == 0:
                resident = _resident()
                first_work = work
                if traced:
                    _write_heap(tracemalloc.take_snapshot(), traced)
                    tracemalloc.stop()
        # The syncs' peak, before this benchmark's own checks: they read whole tables through SQLite's memory
        # map, whose pages count in the process's resident memory (the sync itself reads unmapped).
        sync_peak = _resident().get("VmHWM", 0.0)
        admin = Reader.local_admin()
        counts = {what: store.count(what, admin) for what in ("reports", "events", "event_mentions")}
        joined = _joined_reports(store)
        grouped = _grouped_mentions(store)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    figures = {
        "seconds": timings,
        "cpu_seconds": cpu_times,
        "pulled": reports,
        "counts": counts,
        "joined": joined,
        "grouped": grouped,
        "stages": stages,
        "fusion_work": first_work.as_dict(),
    }
    figures["resident"] = resident
    figures["sync_peak_mb"] = sync_peak
    print(json.dumps({**figures, "peak_mb": peak, "cpu": cpu}))


def _write_heap(snapshot: tracemalloc.Snapshot, path: str) -> None:
    """The heap still held after the first sync, by source file and by line (the 40 largest of each)."""
    lines = []
    for grouping in ("filename", "lineno"):
        stats = snapshot.statistics(grouping)
        lines.append(f"by {grouping}: {sum(s.size for s in stats) / 1e6:.1f} MB in all")
        lines += [f"{s.size / 1e6:8.2f} MB {s.count:9d} blocks  {s.traceback}" for s in stats[:40]]
    for s in snapshot.statistics("traceback")[:8]:
        lines.append(f"{s.size / 1e6:8.2f} MB {s.count:9d} blocks, allocated by:")
        lines += [f"    {frame}" for frame in s.traceback.format()]
    Path(path).write_text("\n".join(lines) + "\n")


def _joined_reports(store: Any) -> int:
    """How many events hold mentions from more than one report (second reports fusion joined)."""
    from sqlalchemy import func, select

    from borderwatch.store._schema import event_mentions

    per_event = (
        select(event_mentions.c.event_id)
        .group_by(event_mentions.c.event_id)
        .having(func.count(func.distinct(event_mentions.c.report_id)) > 1)
        .subquery()
    )
    with store._engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(per_event)).scalar_one())


def _grouped_mentions(store: Any) -> int:
    """How many received mentions joined the event of their sender's group without being matched again."""
    from sqlalchemy import func, select

    from borderwatch.store._import_fusion import GROUPED_BY
    from borderwatch.store._schema import fusion_decisions

    counted = select(func.count()).where(fusion_decisions.c.decided_by == GROUPED_BY)
    with store._engine.connect() as connection:
        return int(connection.execute(counted).scalar_one())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--events-per-report", type=int, default=2)
    parser.add_argument("--page", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="split the first sync's time by stage (cProfile)")
    parser.add_argument(
        "--ingest-reference",
        action="store_true",
        help="also fuse A's reports by ingest (no sync) and score them against the same truth (not timed)",
    )
    parser.add_argument("--client", nargs=3, metavar=("DB", "PAGE", "PROFILE"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--sender-fused",
        action="store_true",
        help="A fuses its reports as it ingests them (its events then travel as groups B need not match again)",
    )
    parser.add_argument("--generate", nargs=4, metavar=("DB", "REPORTS", "PER", "FUSED"), help=argparse.SUPPRESS)
    parser.add_argument("--client-once", nargs=2, metavar=("DB", "PAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client_once:
        client_once(args.client_once[0], int(args.client_once[1]))
        return
    if args.generate:
        generate(args.generate[0], int(args.generate[1]), int(args.generate[2]), args.generate[3] == "1")
        return
    if args.client:
        client(args.client[0], int(args.client[1]), args.client[2] == "1")
        return
    with tempfile.TemporaryDirectory(prefix="bw-sync-") as folder:
        db_a, db_b = f"{folder}/a.db", f"{folder}/b.db"
        started = time.perf_counter()
        generator = [sys.executable, __file__, "--generate", db_a, str(args.reports), str(args.events_per_report)]
        generator.append("1" if args.sender_fused else "0")
        made = subprocess.run(generator, env=ENV, check=True, capture_output=True, text=True)
        seconds = json.loads(made.stdout.strip().splitlines()[-1])["second_reports"]
        events = args.reports * args.events_per_report
        print(
            f"installation A: {args.reports} reports, {events} events ({'fused' if args.sender_fused else 'unfused'}), "
            "built in "
            f"{time.perf_counter() - started:.1f} s (not counted)"
        )
        port = free_port()
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
                [sys.executable, __file__, "--client", db_b, str(args.page), "1" if args.profile else "0"],
                env=ENV,
                check=True,
                capture_output=True,
                text=True,
            )
            server_peak = _peak_mb(server.pid)
            server_cpu = _cpu_seconds(server.pid) - server_cpu_before
            against_truth = merges_against_truth(db_b, truth_path(db_a))
            if args.ingest_reference:  # A as B first received it, fused by ingest once the syncs are over
                with sqlite3.connect(db_a) as live, sqlite3.connect(f"{folder}/a-first.db") as copy:
                    live.backup(copy)  # the server has A open: SQLite's backup copies it consistently
            changes = make_changes(db_a)
            once = subprocess.run(
                [sys.executable, __file__, "--client-once", db_b, str(args.page)],
                env=ENV,
                check=True,
                capture_output=True,
                text=True,
            )
            changed = json.loads(once.stdout.strip().splitlines()[-1])
            expected = holdings(db_a, up_to_amber=True)
            expected["fused_mentions"] = expected["mentions"]
        finally:
            server.terminate()
            server.wait(timeout=30)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        reference = None
        if args.ingest_reference:
            shutil.copy(truth_path(db_a), truth_path(f"{folder}/a-first.db"))
            reference = ingest_reference(f"{folder}/a-first.db", f"{folder}/c.db")
        server_split = server_stages(db_a, "peer-b", args.page) if args.profile else {}
    first, second, third = figures["seconds"]
    cpu_first, _, cpu_third = figures["cpu_seconds"]
    counts = figures["counts"]
    print(
        f"first sync: {counts['event_mentions']} events in {counts['reports']} reports pulled in {first:.1f} s "
        f"({counts['event_mentions'] / first:,.0f} events/s; client CPU {cpu_first:.1f} s, "
        f"{cpu_first / counts['event_mentions'] * 1000:.2f} ms per event); target ≤ 60 s for 100,000"
    )
    if args.profile:  # cProfile times every call: fusion's many small ones cost more than twice as much under it
        print("  (the first sync ran under cProfile: its times are about 2.5 times those of a run without --profile)")
    print(
        f"fused on arrival into {counts['events']} events, {figures['joined']} of them joining several reports "
        f"({seconds} reports were second reports of an earlier happening)"
    )
    t = against_truth
    print(
        f"against the generated truth: {t['events_expected']} happenings, {t['events_made']} events; pairwise "
        f"precision {t['precision']:.3f}, recall {t['recall']:.3f}; {t['wrong_pairs']} pairs of different "
        f"happenings joined ({t['told_alike']} of them told alike: same day, sub-type, group and locality), "
        "most often:"
    )
    for difference, count in t["wrong_by_difference"].items():
        print(f"  {count:6d}  {difference}")
    if reference:
        print(
            f"the same reports fused by ingest, no sync: {reference['events_made']} events; pairwise precision "
            f"{reference['precision']:.3f}, recall {reference['recall']:.3f}; {reference['wrong_pairs']} pairs of "
            "different happenings joined"
        )
    print(
        f"{figures['grouped']} mentions joined the event of their sender's group without being matched again"
        + ("" if args.sender_fused else " (A stores its reports unfused: each of its mentions is a group of its own)")
    )
    work = figures["fusion_work"]
    per = max(1, work["decisions"])
    print(
        f"first sync's blocking: {work['decisions']} mentions decided, {work['candidate_events'] / per:.2f} "
        f"candidate events and {work['comparisons'] / per:.2f} comparisons per mention ({work['comparisons']})"
    )
    if figures["stages"]:
        print("client's first sync, by stage (cProfile, main thread; the fetch thread's CPU time apart):")
    for label, spent in figures["stages"].items():
        print(f"  {label:62} {spent:6.1f} s")
    if server_split:
        print("server's work for the same pages, replayed in one process without HTTP (cProfile):")
    for label, spent in server_split.items():
        print(f"  {label:62} {spent:6.1f} s")
    print(f"second sync (nothing new): {second:.1f} s, outcomes {figures['pulled'][1]}")
    print(
        f"third sync, from the start again: {third:.1f} s (client CPU {cpu_third:.1f} s), "
        f"outcomes {figures['pulled'][2]}; still "
        f"{counts['reports']} reports and {counts['events']} events (no duplicate)"
    )
    print(
        f"peak memory: client {figures['sync_peak_mb']:.0f} MB during the syncs ({figures['peak_mb']:.0f} MB with "
        f"the checks that follow), server {server_peak:.0f} MB; target < 500 MB each"
    )
    resident = figures["resident"]
    print(
        f"client after the first sync: heap {resident.get('RssAnon', 0):.0f} MB, mapped files "
        f"{resident.get('RssFile', 0):.0f} MB (peak so far {resident.get('VmHWM', 0):.0f} MB)"
    )
    print(
        f"CPU time: client {figures['cpu']:.1f} s (three syncs), server {server_cpu:.1f} s; machine load average "
        f"{load_before:.1f} at the start on {os.cpu_count()} cores (other work slows the wall-clock figure)"
    )
    same = changed["holdings"] == expected
    print(
        f"changes: A re-marked {changes['swapped']} reports AMBER<->GREEN, raised {changes['raised']} to RED and "
        f"withdrew {changes['withdrawn']}; one sync in {changed['seconds']:.1f} s ({changed['cpu']:.1f} s CPU, "
        f"peak {changed['peak_mb']:.0f} MB), outcomes {changed['pulled']}; B holds "
        f"{'exactly' if same else 'NOT'} what A's rule lets through: {changed['holdings']}"
        + ("" if same else f" where A lets through {expected}")
    )
    unchanged = figures["pulled"][2] == {"unchanged": args.reports}
    ok = counts["event_mentions"] == events and unchanged and first <= 60 * events / 100_000
    ok = ok and figures["sync_peak_mb"] < 500 and server_peak < 500 and same
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
