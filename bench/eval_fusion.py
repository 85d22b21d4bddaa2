"""Fusion quality on the development clusters (bench/data/fusion_dev.jsonl): pairwise precision, recall, F1.

Every unordered pair of the 150 reports is a "same event" decision; a pair is positive in the gold when
both reports have the same `cluster`, and predicted positive when both reports' main events are the
same fused event. A report's main event is the event of its first-stated mention (news put the main
happening first); a report without any event is alone. The "any shared event" figure counts a pair
as predicted positive when the two reports share any event at all (a report that mentions an earlier
happening in passing then joins that happening too, as it should, but the gold counts it wrong).

Two ways to run it:
- `--mode e2e` (default): ingest the reports into a fresh store with `pipeline.ingest` (extraction,
  places, fusion as in production: agency, source and publication date of each item) and read the
  stored events back.
- `--mode fusion`: extract once (or read `--extraction FILE` saved with `--save-extraction FILE`), then
  fuse in memory with `Fuser.cluster`: fusion alone, given the extractor's output.

Target (issue 5): F1 >= 0.95.

    PYTHONPATH=src python bench/eval_fusion.py [--mode e2e|fusion] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

from borderwatch.fuse import Fuser
from borderwatch.model import ExtractResult, Report, Source
from borderwatch.pipeline import extract_reports, ingest
from borderwatch.settings import Settings
from borderwatch.store import Store

DATA = Path(__file__).with_name("data") / "fusion_dev.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_report(item: dict) -> Report:
    return Report(
        id=item["id"],
        text=item["text"],
        published=datetime.fromisoformat(item["published"]),
        source=Source(name=item["source"]),
        agency=item["agency"],
        origin=f"fusion_dev:{item['id']}",
    )


def end_to_end(items: list[dict]) -> dict[str, list[str]]:
    """Ingest into a fresh store; each report's events, its first-stated mention's first."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(db=str(Path(tmp) / "eval.db"))
        with Store.open(settings) as store:
            ingest([to_report(i) for i in items], store, settings)
            return store.report_event_lists()


def fusion_only(items: list[dict], extraction: Path | None, save: Path | None) -> dict[str, list[str]]:
    """Fuse the extractor's output in memory, report by report in arrival order."""
    results = _extractions(items, extraction, save)
    fuser = Fuser()
    features = []
    for item in items:
        anchor = date.fromisoformat(item["published"])
        mentions = sorted(results[item["id"]].events, key=lambda m: m.evidence.start)
        features += [fuser.features(m, f"{item['id']}-{m.id}", item["id"], anchor) for m in mentions if not m.modality]
    event_of = {d.mention: d.event_id or d.mention for d in fuser.cluster(features)}
    lists: dict[str, list[str]] = defaultdict(list)
    for f in features:
        lists[f.report_id].append(event_of[f.key])
    return lists


def _extractions(items: list[dict], extraction: Path | None, save: Path | None) -> dict[str, ExtractResult]:
    if extraction is not None:
        results = [ExtractResult.model_validate_json(line) for line in extraction.read_text().splitlines()]
    else:
        results = list(extract_reports([to_report(i) for i in items], Settings.load()))
    if save is not None:
        save.write_text("".join(r.model_dump_json() + "\n" for r in results), encoding="utf-8")
    return {r.report.id: r for r in results}


def pairwise(items: list[dict], events: dict[str, list[str]], any_shared: bool) -> tuple[float, float, float, list]:
    tp = fp = fn = 0
    mistakes = []
    for a, b in combinations(items, 2):
        gold = a["cluster"] == b["cluster"]
        ea, eb = events.get(a["id"], []), events.get(b["id"], [])
        predicted = bool(set(ea) & set(eb)) if any_shared else bool(ea and eb and ea[0] == eb[0])
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
        if gold != predicted:
            mistakes.append(("merged" if predicted else "split", a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, mistakes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["e2e", "fusion"], default="e2e")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--extraction", type=Path, help="fusion mode: extractor output saved earlier")
    parser.add_argument("--save-extraction", type=Path, help="fusion mode: save the extractor output here")
    parser.add_argument("--verbose", action="store_true", help="list the pairs decided wrongly")
    args = parser.parse_args()
    items = load(args.data)
    began = time.perf_counter()
    events = end_to_end(items) if args.mode == "e2e" else fusion_only(items, args.extraction, args.save_extraction)
    seconds = time.perf_counter() - began
    without = sum(1 for i in items if not events.get(i["id"]))
    print(f"{len(items)} reports, {len({e for v in events.values() for e in v})} events ({args.mode}, {seconds:.0f} s)")
    print(f"reports without any event: {without}")
    precision, recall, f1, mistakes = pairwise(items, events, any_shared=False)
    print(f"pairwise (main event):       P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   (target F1 >= 0.95)")
    p_any, r_any, f_any, _ = pairwise(items, events, any_shared=True)
    print(f"pairwise (any shared event): P {p_any:.3f}  R {r_any:.3f}  F1 {f_any:.3f}")
    if args.verbose:
        for kind, a, b in mistakes:
            print(f"  {kind}: {a['id']} ({a['cluster']}) / {b['id']} ({b['cluster']})")
    sys.exit(0 if f1 >= 0.95 else 1)


if __name__ == "__main__":
    main()
