"""Fusion at scale: 100,000 generated event mentions over a year and a region, fused through the store.

Generates synthetic happenings (at towns of the Maghreb and the Sahel, a few of them hot spots that
see an event every few days, and some attacks followed by arrests in the same town: the near misses of
real data; `--places uniform`: each at its own random point, as the first version of this benchmark
did; dates over 2025, types, actors, tolls), each told by 1-5 reports that vary the wording, the
spelling of the town, the day (reports of a night event straddle midnight), the place (another
spelling resolves to a record of the same name a few km away, or only to the province) and the
figures; the reports are stored in publication order in batches, one transaction each, and every
mention goes through blocking, scoring and the fused-event update as in ingest.

Prints: total time (wall and CPU: on a shared machine CPU time is the steadier figure) and mentions per
second; the garbage collector's share of the CPU; resident memory before storing and at the peak; the bytes
written to disk; the time per report (wall and CPU) while the store holds about 10k, 50k and 100k mentions
(flat when blocking works); and the pairwise precision and recall of the fusion against the generated truth.
Targets (issue 5): 100k mentions in <= 60 s on 2 cores, per-report time flat.

The generated input is frozen out of the garbage collector's sight before storing starts (an ingest reads its
reports a batch at a time; the first versions of this benchmark did not, `--keep-input-in-gc`). `--profile FILE
--profile-from 90000` profiles only the batches stored once 90,000 mentions are (what grows with the store).
`--wal-frames N` holds the WAL's checkpoints off and prints the N tables and indexes whose pages its frames
rewrote most (`_wal_frames.py`: where the bytes written come from). `--unextracted` stores the same reports
without their extractions: the store's own write path (reports, access classes, exchange index, audit objects:
B-trees keyed by report ids, content hashes and STIX ids) with no fusion, whose growth with the store's size is
then measured apart from fusion's (at 100k: 14.6 s CPU and 1778 MB written, 0.12 ms CPU a report at 10k stored
and 0.16 at 100k, where the whole benchmark took 74 s CPU and wrote 4578 MB, 0.65 -> 0.80 ms a report).

    PYTHONPATH=src python bench/fusion_scale.py [--mentions 100000] [--db /tmp/x.db] [--profile FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from itertools import accumulate, combinations
from pathlib import Path

from _fusion_counts import counting_fusion_work
from _wal_frames import WalFrames
from borderwatch.model import Actor, EventMention, Evidence, ExtractResult, Location, Report, ReportRef, Source
from borderwatch.store import NewReport, Store

TYPES = [
    ("Battles", "Armed clash", 0.3),
    ("Violence against civilians", "Attack", 0.2),
    ("Explosions/Remote violence", "Air/drone strike", 0.08),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.07),
    ("Strategic developments", "Arrests", 0.15),
    ("Strategic developments", "Disrupted weapons use", 0.1),
    ("Protests", "Peaceful protest", 0.1),
]
GROUPS_PER_AREA = 3  # armed groups are regional: a few active in each 6-degree square
WORDS = [
    "gunmen",
    "attacked",
    "village",
    "market",
    "convoy",
    "patrol",
    "soldiers",
    "killed",
    "wounded",
    "fighters",
    "ambush",
    "camp",
    "post",
    "base",
    "motorbikes",
    "vehicles",
    "weapons",
    "seized",
    "arrested",
    "smugglers",
    "fuel",
    "border",
    "crossing",
    "mine",
    "explosion",
    "drone",
    "strike",
    "protest",
    "march",
    "residents",
    "traders",
    "herders",
    "gold",
    "miners",
    "checkpoint",
    "road",
    "well",
    "oasis",
    "mountain",
    "valley",
    "night",
    "morning",
    "raid",
    "fire",
    "clash",
    "assault",
    "hostages",
    "cattle",
    "trucks",
    "rifles",
    "ammunition",
]


SYLLABLES = ["ta", "kou", "ma", "ne", "ri", "sa", "lou", "di", "ga", "zou", "fi", "ba", "mo", "ke", "ha", "ti"]


def place_name(n: int) -> str:
    """A made-up place name, one per town ("Koumari"), spelled with made-up syllables."""
    parts = [SYLLABLES[(n >> shift) & 15] for shift in (0, 4, 8, 12, 16) if shift == 0 or n >> shift]
    return "".join(reversed(parts)).capitalize() + ("t" if n % 3 == 0 else "")


TOWNS = 20_000  # places events happen at; a few are hot spots (a provincial capital, a mining site)
TOWN_SKEW = 0.5  # Zipf exponent of how often a town sees an event: the busiest ~140 a year, most a few
FOLLOW_UP = 0.12  # share of violent happenings followed by arrests in the same town 1-4 days later
PROVINCE_DEGREES = 3
NEIGHBOUR = 0.2  # share of precise tellings geocoded to another record of the town's name, a few km off


def towns(rng: random.Random) -> tuple[list[tuple[float, float]], list[float]]:
    """Places in the region (lat 12-37, lon -10-25) and how often each sees a happening (Zipf, cumulated)."""
    places = [(rng.uniform(12, 37), rng.uniform(-10, 25)) for _ in range(TOWNS)]
    return places, list(accumulate(1 / (rank + 1) ** TOWN_SKEW for rank in range(TOWNS)))


def happenings(count: int, rng: random.Random, places: str = "towns") -> list[dict]:
    """Invented events over a year and a region, with their truth. `towns`: events happen at towns, some
    of them again and again (two attacks on one town days apart, an attack and the arrests that follow it:
    the near misses of real data); `uniform`: each at its own random point (the earlier generator)."""
    kinds, weights = TYPES, [t[2] for t in TYPES]
    spots, popularity = towns(rng) if places == "towns" else ([], [])
    events: list[dict] = []
    while len(events) < count:
        etype, sub, _ = rng.choices(kinds, weights)[0]
        if spots:
            town = rng.choices(range(TOWNS), cum_weights=popularity)[0]
            (lat, lon), name_n = spots[town], town
        else:
            lat, lon, name_n = rng.uniform(12, 37), rng.uniform(-10, 25), len(events)
        area = f"{int(lat // 6)}-{int(lon // 6)}"
        event = {
            "n": len(events),
            "place": name_n,
            "type": (etype, sub),
            "day": date(2025, 1, 1) + timedelta(days=rng.randrange(365)),
            "lat": lat,
            "lon": lon,
            "actor": f"Synthetic Armed Group {area}/{rng.randrange(GROUPS_PER_AREA)}",
            "fatalities": rng.choice([0, 0, 1, 2, 3, 5, 8, 12]),
            "words": rng.sample(WORDS, 12),
        }
        events.append(event)
        if spots and etype != "Strategic developments" and etype != "Protests" and rng.random() < FOLLOW_UP:
            follow = dict(event, n=len(events), type=("Strategic developments", "Arrests"), fatalities=0)
            follow.update(day=event["day"] + timedelta(days=rng.choice([1, 1, 2, 3, 4])), words=rng.sample(WORDS, 12))
            follow["actor"] = "Military Forces of Mali"
            events.append(follow)
    return events[:count]


def province(lat: float, lon: float) -> tuple[str, float, float]:
    """The (invented) province a point lies in, and its centre."""
    row, column = int(lat // PROVINCE_DEGREES), int(lon // PROVINCE_DEGREES)
    centre = ((row + 0.5) * PROVINCE_DEGREES, (column + 0.5) * PROVINCE_DEGREES)
    return f"Region {row}-{column}", *centre


def spelling(name: str, rng: random.Random) -> str:
    """Another transliteration of a name, now and then ("Koumari" / "Kumari" / "Koumary")."""
    roll = rng.random()
    if roll < 0.15:
        return name.replace("ou", "u")
    if roll < 0.25 and name.endswith("i"):
        return name[:-1] + "y"
    return name


def tellings(event: dict, rng: random.Random, places: str = "towns") -> list[tuple[date, EventMention]]:
    """1-5 reports of one happening, each with its own wording, day, place precision and toll. A report
    placing it only in its province (precision 3) is geocoded to the province (`towns`), or to the town's
    name a few dozen km off (`uniform`, the earlier generator)."""
    out = []
    town = place_name(event["place"] if "place" in event else event["n"])
    region, centre_lat, centre_lon = province(event["lat"], event["lon"])
    for k in range(rng.choice([1, 1, 2, 2, 3, 4, 5])):
        day = event["day"] + timedelta(days=rng.choice([0, 0, 0, 0, 0, 1]) if k else 0)
        precision = rng.choice([1, 1, 2, 2, 3])
        jitter = {1: 0.02, 2: 0.1, 3: 0.5}[precision]
        lat, lon = event["lat"] + rng.uniform(-jitter, jitter), event["lon"] + rng.uniform(-jitter, jitter)
        name, geonameid = town, f"S{event.get('place', event['n'])}"
        if places == "towns" and precision < 3 and rng.random() < NEIGHBOUR:
            geonameid += f"-{rng.randrange(1, 4)}"  # the commune, a quarter or a well of the town's name
            lat, lon = lat + rng.uniform(-0.08, 0.08), lon + rng.uniform(-0.08, 0.08)
        if precision == 3:
            geonameid = f"A{event['n'] // 50}"
            if places == "towns":
                name, geonameid, lat, lon = region, f"A{region}", centre_lat, centre_lon
        location = Location(
            name=name,
            geonameid=geonameid,
            lat=lat,
            lon=lon,
            country="ML",
            admin1=region,
            geo_precision=precision,
        )
        words = event["words"][:8] + rng.sample(WORDS, 4)
        told = spelling(town, rng) if places == "towns" else town
        sentence = "SYNTHETIC. " + " ".join(rng.sample(words, len(words))) + f" near {told}."
        fatalities = event["fatalities"] + (rng.choice([0, 0, 1]) if event["fatalities"] else 0)
        mention = EventMention(
            id="e1",
            event_type=event["type"][0],
            sub_event_type=event["type"][1],
            date=day.isoformat() if rng.random() > 0.05 else None,
            time_precision=1,
            actor1=Actor(name=event["actor"] if rng.random() > 0.3 else "Unidentified Armed Group (Mali)", type=2),
            location=location if rng.random() > 0.05 else None,
            fatalities=fatalities,
            evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
            confidence=rng.uniform(0.5, 0.95),
        )
        out.append((day + timedelta(days=rng.choice([0, 1, 1, 2, 3])), mention))
    return out


def generate(total_mentions: int, seed: int = 7, places: str = "towns") -> tuple[list[tuple[NewReport, int]], int]:
    rng = random.Random(seed)
    reports: list[tuple[datetime, NewReport, int]] = []
    mentions = 0
    for event in happenings(total_mentions, rng, places):
        for published, mention in tellings(event, rng, places):
            if mentions >= total_mentions:
                break
            mentions += 1
            text = f"SYNTHETIC report {mentions}: {mention.evidence.sentence}"
            when = datetime.combine(published, datetime.min.time()) + timedelta(seconds=mentions)
            report = Report(text=text, published=when, source=Source(name=f"Outlet {rng.randrange(60)}"))
            result = ExtractResult(report=ReportRef(id=report.id), events=[mention])
            reports.append((when, NewReport(report=report, extraction=result), event["n"]))
        if mentions >= total_mentions:
            break
    reports.sort(key=lambda item: item[0])
    return [(item, truth) for _, item, truth in reports], mentions


def without_extractions(items: list[tuple[NewReport, int]]) -> list[tuple[NewReport, int]]:
    """The same reports with nothing extracted (`--unextracted`): storing them runs the store's own write path
    (the report, its access class, exchange index row and audit objects, each in its hash-keyed B-trees) and no
    fusion, so that the growth of that path with the store's size is measured apart from fusion's."""
    return [(NewReport(report=item.report), truth) for item, truth in items]


class _CollectorTime:
    """CPU time the garbage collector takes (a `gc.callbacks` entry): in all, and in full collections."""

    def __init__(self) -> None:
        self.total = self.full = 0.0
        self.full_count = 0
        self._began = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._began = time.process_time()
            return
        spent = time.process_time() - self._began
        self.total += spent
        if info["generation"] == 2:
            self.full += spent
            self.full_count += 1


def _memory(field: str) -> int:
    """A memory figure of this process in kB from /proc/self/status (Linux: VmRSS now, VmHWM peak), or -1."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return -1
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(field + ":")), -1)


def _written() -> int:
    """Bytes this process has had written to disk so far (Linux), or -1."""
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        return -1
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("write_bytes:")), -1)


def pairwise(predicted: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """Precision and recall of "same event" over report pairs (only pairs within a cluster are enumerated)."""

    def pairs(groups: dict[object, list[str]]) -> set[tuple[str, str]]:
        return {tuple(sorted(p)) for members in groups.values() for p in combinations(members, 2)}  # type: ignore[misc]

    by_pred: dict[object, list[str]] = defaultdict(list)
    by_true: dict[object, list[str]] = defaultdict(list)
    for rid, event_id in predicted.items():
        by_pred[event_id].append(rid)
        by_true[truth[rid]].append(rid)
    p, t = pairs(by_pred), pairs(by_true)
    return len(p & t) / max(1, len(p)), len(p & t) / max(1, len(t))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--db", default=None)
    parser.add_argument(
        "--places", choices=["towns", "uniform"], default="towns", help="happenings at towns, or at random points"
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile (CPU time) of the fusing phase to this file")
    parser.add_argument(
        "--profile-from", type=int, default=0, help="profile only the batches stored once this many mentions are"
    )
    parser.add_argument(
        "--wal-frames",
        type=int,
        default=0,
        metavar="N",
        help="hold WAL checkpoints off and print the N tables and indexes whose pages the WAL's frames rewrote most",
    )
    parser.add_argument(
        "--unextracted",
        action="store_true",
        help="store the reports without their extractions: the store's own write path alone, no fusion",
    )
    parser.add_argument(
        "--keep-input-in-gc",
        action="store_true",
        help="leave the generated input in the garbage collector's sight (as the first versions did)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    items, count = generate(args.mentions, places=args.places)
    print(f"generated {count} mentions in {len(items)} reports in {time.perf_counter() - started:.1f} s")
    if args.unextracted:
        items = without_extractions(items)
    if not args.keep_input_in_gc:
        # The generated input (100,000 reports as pydantic models, about two million objects) is what an ingest
        # reads from files a batch at a time: kept whole in this process, every full collection of the garbage
        # collector would walk it, a cost that grows with the benchmark's size and is none of the store's.
        gc.collect()
        gc.freeze()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "fusion_scale.db")
        with Store(f"sqlite:///{db}") as store:
            profile = cProfile.Profile(time.process_time) if args.profile else None
            load, written, resident = os.getloadavg()[0], _written(), _memory("VmRSS")
            collector = _CollectorTime()
            gc.callbacks.append(collector)
            frames = WalFrames(store._engine, db) if args.wal_frames else contextlib.nullcontext()
            try:
                with frames, counting_fusion_work() as work:
                    timings = run(store, items, args.batch, profile, args.profile_from)
                    written = _written() - written
                    if isinstance(frames, WalFrames):
                        _print_frames(frames.count(), args.wal_frames)
            finally:
                gc.callbacks.remove(collector)
            predicted = {r: events[0] for r, events in store.report_event_lists().items()}
    if profile is not None:
        profile.dump_stats(args.profile)
    total = sum(t for _, t, _ in timings)
    cpu = sum(c for _, _, c in timings)
    print(f"fused {count} mentions in {total:.1f} s ({cpu:.1f} s CPU): {count / total:.0f} mentions/s")
    print(f"target: 100000 in <= 60 s on 2 cores (machine load at start {load:.1f}, now {os.getloadavg()[0]:.1f})")
    print(
        f"garbage collector: {collector.total:.1f} s CPU, of which {collector.full:.1f} s in "
        f"{collector.full_count} full collections"
    )
    if resident >= 0:
        print(
            f"memory: {resident / 1e3:.0f} MB resident before storing (the generated input), "
            f"{_memory('VmHWM') / 1e3:.0f} MB at the peak"
        )
    if written >= 0:
        print(f"written to disk: {written / 1e6:.0f} MB ({written / max(1, count) / 1e3:.1f} kB per mention)")
    for mark in (10_000, 50_000, 100_000):
        window = [(t, c) for stored, t, c in timings if mark * 0.9 <= stored <= mark]
        if window and mark <= count:
            reports = len(window) * args.batch
            per, per_cpu = (sum(w[i] for w in window) / reports * 1000 for i in (0, 1))
            print(f"per report with ~{mark // 1000}k mentions stored: {per:.2f} ms ({per_cpu:.2f} ms CPU)")
    if not args.unextracted:
        truth = {item.report.id: n for item, n in items}
        precision, recall = pairwise({r: e for r, e in predicted.items() if r in truth}, truth)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(f"pairwise on generated truth: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    print(work.line())
    sys.exit(0 if total <= 60 else 1)


def _print_frames(counts: Counter[str], shown: int) -> None:
    total = sum(counts.values())
    print(f"WAL frames (checkpoints held off: bytes written are the WAL's alone): {total}")
    for name, frames in counts.most_common(shown):
        print(f"  {name:40s} {frames:9d} {100 * frames / max(1, total):5.1f}%")


def run(
    store: Store,
    items: list[tuple[NewReport, int]],
    batch: int,
    profile: cProfile.Profile | None = None,
    profile_from: int = 0,
) -> list[tuple[int, float, float]]:
    """Store the reports in batches; (mentions stored after the batch, seconds, CPU seconds) per batch. With a
    `profile`, the batches stored once `profile_from` mentions are run under it."""
    timings = []
    stored = 0
    for start in range(0, len(items), batch):
        chunk = [item for item, _ in items[start : start + batch]]
        began, began_cpu = time.perf_counter(), time.process_time()
        if profile is not None and stored >= profile_from:
            profile.runcall(store.add_reports, chunk)
        else:
            store.add_reports(chunk)
        timings.append((stored + len(chunk), time.perf_counter() - began, time.process_time() - began_cpu))
        stored += len(chunk)
    return timings


if __name__ == "__main__":
    main()
