"""Fusion at scale: 100,000 generated event mentions over a year and a region, fused through the store.

Generates synthetic happenings (random places in the Maghreb and the Sahel, dates over 2025, types,
actors, tolls), each told by 1-5 reports that vary the wording, the day (reports of a night event
straddle midnight), the place (another spelling resolves a few km away, or only to the province)
and the figures; the reports are stored in publication order in batches, one transaction each, and
every mention goes through blocking, scoring and the fused-event update as in ingest.

Prints: total time and mentions per second; the time per report while the store holds about 10k
mentions and while it holds about 100k (flat when blocking works); and the pairwise precision and
recall of the fusion against the generated truth. Targets (issue 5): 100k mentions in <= 60 s on 2
cores, per-report time flat.

    PYTHONPATH=src python bench/fusion_scale.py [--mentions 100000] [--db /tmp/x.db]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path

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
    """A made-up place name, one per happening ("Koumari"), spelled with made-up syllables."""
    parts = [SYLLABLES[(n >> shift) & 15] for shift in (0, 4, 8, 12, 16) if shift == 0 or n >> shift]
    return "".join(reversed(parts)).capitalize() + ("t" if n % 3 == 0 else "")


def happenings(count: int, rng: random.Random) -> list[dict]:
    """Invented events over a year and a region (lat 12-37, lon -10-25), with their truth."""
    kinds, weights = TYPES, [t[2] for t in TYPES]
    events = []
    for n in range(count):
        etype, sub, _ = rng.choices(kinds, weights)[0]
        lat, lon = rng.uniform(12, 37), rng.uniform(-10, 25)
        area = f"{int(lat // 6)}-{int(lon // 6)}"
        events.append(
            {
                "n": n,
                "type": (etype, sub),
                "day": date(2025, 1, 1) + timedelta(days=rng.randrange(365)),
                "lat": lat,
                "lon": lon,
                "actor": f"Synthetic Armed Group {area}/{rng.randrange(GROUPS_PER_AREA)}",
                "fatalities": rng.choice([0, 0, 1, 2, 3, 5, 8, 12]),
                "words": rng.sample(WORDS, 12),
            }
        )
    return events


def tellings(event: dict, rng: random.Random) -> list[tuple[date, EventMention]]:
    """1-5 reports of one happening, each with its own wording, day, place precision and toll."""
    out = []
    for k in range(rng.choice([1, 1, 2, 2, 3, 4, 5])):
        day = event["day"] + timedelta(days=rng.choice([0, 0, 0, 0, 0, 1]) if k else 0)
        precision = rng.choice([1, 1, 2, 2, 3])
        jitter = {1: 0.02, 2: 0.1, 3: 0.5}[precision]
        location = Location(
            name=place_name(event["n"]),
            geonameid=f"S{event['n']}" if precision < 3 else f"A{event['n'] // 50}",
            lat=event["lat"] + rng.uniform(-jitter, jitter),
            lon=event["lon"] + rng.uniform(-jitter, jitter),
            country="ML",
            admin1=f"Region {int(event['lat'] // 3)}-{int(event['lon'] // 3)}",
            geo_precision=precision,
        )
        words = event["words"][:8] + rng.sample(WORDS, 4)
        sentence = "SYNTHETIC. " + " ".join(rng.sample(words, len(words))) + f" near {place_name(event['n'])}."
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


def generate(total_mentions: int, seed: int = 7) -> tuple[list[tuple[NewReport, int]], int]:
    rng = random.Random(seed)
    reports: list[tuple[datetime, NewReport, int]] = []
    mentions = 0
    for event in happenings(total_mentions, rng):
        for published, mention in tellings(event, rng):
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
    args = parser.parse_args()
    started = time.perf_counter()
    items, count = generate(args.mentions)
    print(f"generated {count} mentions in {len(items)} reports in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "fusion_scale.db")
        with Store(f"sqlite:///{db}") as store:
            timings = run(store, items, args.batch)
            predicted = {r: events[0] for r, events in store.report_event_lists().items()}
    total = sum(t for _, t, _ in timings)
    cpu = sum(c for _, _, c in timings)
    print(f"fused {count} mentions in {total:.1f} s ({cpu:.1f} s CPU): {count / total:.0f} mentions/s")
    print(f"target: 100000 in <= 60 s on 2 cores (machine load now: {os.getloadavg()[0]:.1f})")
    for mark in (10_000, 100_000):
        window = [t for stored, t, _ in timings if mark * 0.9 <= stored <= mark]
        if window and mark <= count:
            per = sum(window) / (len(window) * args.batch) * 1000
            print(f"per report with ~{mark // 1000}k mentions stored: {per:.2f} ms")
    truth = {item.report.id: n for item, n in items}
    precision, recall = pairwise({r: e for r, e in predicted.items() if r in truth}, truth)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(f"pairwise on generated truth: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    sys.exit(0 if total <= 60 else 1)


def run(store: Store, items: list[tuple[NewReport, int]], batch: int) -> list[tuple[int, float, float]]:
    """Store the reports in batches; (mentions stored after the batch, seconds, CPU seconds) per batch."""
    timings = []
    stored = 0
    for start in range(0, len(items), batch):
        chunk = [item for item, _ in items[start : start + batch]]
        began, began_cpu = time.perf_counter(), time.process_time()
        store.add_reports(chunk)
        timings.append((stored + len(chunk), time.perf_counter() - began, time.process_time() - began_cpu))
        stored += len(chunk)
    return timings


if __name__ == "__main__":
    main()
