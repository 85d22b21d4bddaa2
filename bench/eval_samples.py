"""Score extraction on the sample reports (samples/) against their answer key (bench/data/events_dev_samples.jsonl).

The answer key is `samples/README.md` written out per report: which invented incidents each report
tells (required), which it only mentions in passing (optional: a background mention may be coded or
not), which of its lines are observations that are no ACLED event (any output or none is fine), and
which reports state no event at all (N1-N3: intent, denial, threat). Extraction runs through the
real composition root (`pipeline.make_extractor`, so with the geo stage), each report with its agency's country
as `make demo` registers the sample agencies (`AGENCY_COUNTRIES`).

Printed: per report mention, the incidents found, and of those found the event type, sub-event type,
date (inside the stated range for weekly round-ups), fatalities and actor1 right; events that match
nothing (false positives). With `--fused`, the samples are also ingested into a fresh database and the
fused event list (`borderwatch events`) is matched to the incidents (country, date within a day of
the range, place within 150 km or same event type).

    PYTHONPATH=src python bench/eval_samples.py [--errors] [--fused]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from borderwatch.ingest._reader import ReadOptions, read_paths
from borderwatch.model import EventMention, Report
from borderwatch.pipeline import make_extractor
from borderwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
KEY = ROOT / "bench" / "data" / "events_dev_samples.jsonl"
FOLDERS = [str(ROOT / "samples" / f) for f in ("news", "web", "feeds", "field")]


def _origin(report: Report) -> str:
    origin = str(report.origin or report.id)
    return origin[origin.index("samples/") :] if "samples/" in origin else origin


def _dates(gold: dict) -> tuple[str, str]:
    date = gold["date"]
    return (date[0], date[1]) if isinstance(date, list) else (date, date)


def _date_ok(gold: dict, date: str | None, slack: int = 0) -> bool:
    if date is None:
        return False
    lo, hi = _dates(gold)
    day = dt.date.fromisoformat(date)
    return (
        dt.date.fromisoformat(lo) - dt.timedelta(days=slack)
        <= day
        <= dt.date.fromisoformat(hi) + dt.timedelta(days=slack)
    )


def _score(gold: dict, pred: EventMention) -> float:
    if gold.get("any"):
        return 0.5
    if pred.sub_event_type in gold["sub_event_types"]:
        score = 3.0
    else:
        score = 2.0 if pred.event_type == gold["event_type"] else 0.0
    return score + (1.0 if _date_ok(gold, pred.date, 1) else 0.0)


def match(golds: list[dict], preds: list[EventMention]) -> tuple[list[tuple[dict, EventMention | None]], list]:
    """Required golds first (best pairs first), then optional ones; 'any' golds absorb every leftover event."""
    pairs: list[tuple[dict, EventMention | None]] = []
    left = list(preds)
    for wanted in (False, True):
        group = [g for g in golds if bool(g.get("optional")) == wanted and not g.get("any")]
        scored = ((_score(g, p), gi, pi) for gi, g in enumerate(group) for pi, p in enumerate(left))
        ranked = sorted(scored, reverse=True)
        used_g, used_p = set(), set()
        for score, gi, pi in ranked:
            if score >= 1 and gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                pairs.append((group[gi], left[pi]))
        pairs += [(g, None) for gi, g in enumerate(group) if gi not in used_g]
        left = [p for pi, p in enumerate(left) if pi not in used_p]
    if any(g.get("any") for g in golds):
        left = []
    return pairs, left


# The sample posts' agencies and their countries, as `make demo` registers them (the Makefile's DEMO_AGENCIES): the
# pipeline gives extraction an agency's country from the store; without a store it is given here.
AGENCY_COUNTRIES = {"dz-anp": "DZ", "dz-ggf": "DZ", "tn-armee": "TN", "tn-gn": "TN", "ly-moi": "LY", "ne-pn": "NE"}


def score_mentions(show_errors: bool) -> Counter:
    key = {json.loads(line)["report"]: json.loads(line)["events"] for line in KEY.open(encoding="utf-8")}
    reports = [r for r in read_paths(FOLDERS, ReadOptions()) if isinstance(r, Report)]
    for report in reports:
        report.agency_country = AGENCY_COUNTRIES.get(report.agency)
    n: Counter = Counter()
    for report, result in zip(reports, make_extractor(Settings()).pipe(reports), strict=True):
        golds = key.get(_origin(report))
        if golds is None:
            print(f"no answer for {_origin(report)}")
            continue
        pairs, extra = match(golds, result.events)
        for gold, pred in pairs:
            if gold.get("optional"):
                continue
            _count(n, gold, pred)
            if show_errors and not _all_right(gold, pred):
                print(f"  {_origin(report)} {gold['incident']}: gold {_gold_line(gold)}\n      pred {_pred_line(pred)}")
        n["false_positive"] += len(extra)
        if show_errors:
            for pred in extra:
                print(f"  {_origin(report)} EXTRA: {_pred_line(pred)}")
    return n


def _count(n: Counter, gold: dict, pred: EventMention | None) -> None:
    n["incidents"] += 1
    if pred is None:
        return
    n["found"] += 1
    n["type"] += pred.event_type == gold["event_type"]
    n["sub_type"] += pred.sub_event_type in gold["sub_event_types"]
    n["date"] += _date_ok(gold, pred.date)
    n["fatalities"] += pred.fatalities == gold["fatalities"]
    n["actor1"] += (pred.actor1.name if pred.actor1 else None) in gold["actor1"]


def _all_right(gold: dict, pred: EventMention | None) -> bool:
    return (
        pred is not None
        and pred.sub_event_type in gold["sub_event_types"]
        and _date_ok(gold, pred.date)
        and pred.fatalities == gold["fatalities"]
        and (pred.actor1.name if pred.actor1 else None) in gold["actor1"]
    )


def _gold_line(gold: dict) -> str:
    return f"{gold['sub_event_types'][0]} {gold['date']} fat={gold['fatalities']} a1={gold['actor1'][0]}"


def _pred_line(pred: EventMention | None) -> str:
    if pred is None:
        return "(not found)"
    a1 = pred.actor1.name if pred.actor1 else None
    return f"{pred.sub_event_type} {pred.date} fat={pred.fatalities} a1={a1} | {pred.evidence.sentence[:90]!r}"


def print_counts(title: str, n: Counter) -> None:
    found = max(n["found"], 1)
    fields = ("type", "sub_type", "date", "fatalities", "actor1")
    cells = "  ".join(f"{k}={n[k]}/{found} ({n[k] / found:.2f})" for k in fields)
    print(f"{title}: incidents found {n['found']}/{n['incidents']}  of those right: {cells}", end="")
    print(f"  false positives={n['false_positive']}")


# --- the fused event list -----------------------------------------------------------------------------------------
def score_fused() -> Counter:
    key = [json.loads(line) for line in KEY.open(encoding="utf-8")]
    incidents = {e["incident"]: e for r in key for e in r["events"] if not e.get("optional")}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "samples.db")
        cli = [sys.executable, "-m", "borderwatch", "--db", db]
        for agency, country in AGENCY_COUNTRIES.items():
            add = ["agencies", "add", agency, "--name", f"{agency} (sample agency)", "--country", country]
            subprocess.run([*cli, *add], check=True, capture_output=True)
        subprocess.run([*cli, "ingest", *FOLDERS], check=True, capture_output=True)
        out = subprocess.run([*cli, "events", "--format", "json", "--limit", "1000"], check=True, capture_output=True)
    events = [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]
    scored = ((_fused_score(gold, e), name, i) for name, gold in incidents.items() for i, e in enumerate(events))
    ranked = sorted((x for x in scored if x[0]), reverse=True)
    used_i, used_e, n = set(), set(), Counter()
    for _, name, index in ranked:
        if name not in used_i and index not in used_e:
            used_i.add(name)
            used_e.add(index)
            _count_fused(n, incidents[name], events[index])
    n["incidents"] = len(incidents)
    n["false_positive"] = len(events) - len(used_e)
    return n


def _fused_score(gold: dict, event: dict) -> float:
    if not _date_ok(gold, event.get("date"), 1) or (event.get("country") and event["country"] != gold["country"]):
        return 0.0
    same_type = event["event_type"] == gold["event_type"]
    near = _km(gold, event)
    if near is not None and near > 150 and not same_type:
        return 0.0
    if near is None and not same_type:
        return 0.0
    return 1 + same_type + (event["sub_event_type"] in gold["sub_event_types"]) + (near is not None and near < 50)


def _km(gold: dict, event: dict) -> float | None:
    if gold.get("lat") is None or event.get("lat") is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (gold["lat"], gold["lon"], event["lat"], event["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _count_fused(n: Counter, gold: dict, event: dict) -> None:
    n["found"] += 1
    n["type"] += event["event_type"] == gold["event_type"]
    n["sub_type"] += event["sub_event_type"] in gold["sub_event_types"]
    n["date"] += _date_ok(gold, event.get("date"))
    n["fatalities"] += event.get("fatalities") == gold["fatalities"]
    n["actor1"] += event.get("actor1") in gold["actor1"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every mention that is not all right")
    parser.add_argument("--fused", action="store_true", help="also score the fused event list of a fresh database")
    args = parser.parse_args()
    print_counts("report mentions", score_mentions(args.errors))
    if args.fused:
        print_counts("fused events   ", score_fused())
    return 0


if __name__ == "__main__":
    sys.exit(main())
