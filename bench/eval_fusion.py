"""Fusion quality on the development clusters (bench/data/fusion_dev.jsonl) and on the sample reports.

Every unordered pair of the reports is a "same event" decision, scored per mention: a pair is positive in the
gold when both reports have the same `cluster`, and predicted positive when any event mention of one is in the
same fused event as any mention of the other (a report without any event is alone). A report may tell other
happenings besides its own (arrests "of the militants who killed two officers in Sunday's ambush"): `also` lists
the clusters of those, and a pair that only such a told happening joins (one's `cluster` in the other's `also`,
or an `also` in common) is optional, scored neither way, as the extraction set's optional events are: the
extractor may code the told happening, and fusion then rightly joins that mention to its event. The counts of
optional pairs, and of those fused, are printed. "One cluster per report, main event" is the former convention,
kept for comparison: every pair of different clusters negative, a pair predicted positive when both reports'
first-stated mentions are in one event.

Held-out half: the clusters are split by the parity of their number. The rules and weights were tuned
looking at the odd clusters only; the even clusters are held out. Pairs are reported in three groups:
both reports in odd clusters (tuning), both in even clusters (held out), and one in each (all negative:
the false merges across the halves). "Ceiling" is the best recall fusion could reach given the
extractor's output: a report without any event mention can join nothing.

Modes:
- `--mode e2e` (default): ingest the reports into a fresh store with `pipeline.ingest` (extraction,
  places, fusion as in production: agency, source and publication date of each item) and read the
  stored events back.
- `--mode fusion`: extract once (or read `--extraction FILE` saved with `--save-extraction FILE`), then
  fuse in memory with `Fuser.cluster`: fusion alone, given the extractor's output. `--why` explains each
  pair of one cluster kept apart feature by feature, and tallies the causes per half. `--classes` prints only
  aggregate counts, no item: the pairs of different clusters fused into one event by what their main mentions
  share (days apart, sub-type, place, actors, targets), and the same-event pairs kept apart by cause (a veto's
  kind, or the feature that weighed most against): allowed on a sealed split, as its figures are.
- `--mode samples`: ingest samples/ (news, web, feeds, field) and check the answer key in
  bench/data/samples_incidents.json: incidents told by several reports that end as one event, and
  pairs of different happenings kept apart.

`--config FILE` fuses with another fusion configuration (same shape as fuse/data/fusion.json).
`--data bench/data/fusion_sealed.jsonl` scores the sealed split (other invented incidents, written before a
round of changes; `fusion_sealed2.jsonl` ... `fusion_sealed9.jsonl` likewise, by later rounds): a check of
generalisation, to be measured before and after a change and never tuned on (read only its figures and
`--classes`, not `--verbose` or `--why`).
Target (issue 5): F1 >= 0.95.

    PYTHONPATH=src python bench/eval_fusion.py [--mode e2e|fusion|samples] [--verbose] [--why] [--classes]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

from borderwatch.fuse import Fuser, MentionFeatures, load_config
from borderwatch.ingest import ReadOptions, read_paths
from borderwatch.model import ExtractResult, Report, Source
from borderwatch.pipeline import extract_reports, ingest
from borderwatch.settings import Settings
from borderwatch.store import Reader, ReportQuery, Store

DATA = Path(__file__).with_name("data") / "fusion_dev.jsonl"
SAMPLES_KEY = Path(__file__).with_name("data") / "samples_incidents.json"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


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


def end_to_end(items: list[dict], fuser: Fuser) -> dict[str, list[str]]:
    """Ingest into a fresh store; each report's events, its first-stated mention's first."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(db=str(Path(tmp) / "eval.db"))
        with Store(settings.db_url, fuser) as store:
            ingest([to_report(i) for i in items], store, settings)
            return store.report_event_lists()


def fusion_only(
    items: list[dict],
    fuser: Fuser,
    extraction: Path | None,
    save: Path | None,
    why: bool = False,
    classes: bool = False,
) -> dict[str, list[str]]:
    """Fuse the extractor's output in memory, report by report in arrival order; `why`: print why each pair of
    one cluster ended apart (the comparison of the two reports' first-stated mentions, feature by feature)."""
    results = _extractions(items, extraction, save)
    features: list[MentionFeatures] = []
    for item in items:
        anchor = date.fromisoformat(item["published"])
        mentions = sorted(results[item["id"]].events, key=lambda m: m.evidence.start)
        kept = [m for m in mentions if not m.modality]
        features += [fuser.features(m, f"{item['id']}-{m.id}", item["id"], anchor, item["text"]) for m in kept]
    event_of = {d.mention: d.event_id or d.mention for d in fuser.cluster(features)}
    lists: dict[str, list[str]] = defaultdict(list)
    for f in features:
        lists[f.report_id].append(event_of[f.key])
    first = {f.report_id: f for f in reversed(features)}
    if why:
        explain_splits(items, lists, first, fuser)
    if classes:
        tally_classes(items, lists, first, fuser)
    return lists


def tally_classes(
    items: list[dict], events: dict[str, list[str]], first: dict[str, MentionFeatures], fuser: Fuser
) -> None:
    """Counts only: wrongly fused pairs by what their main mentions share, and same-event pairs kept apart by
    cause. No item is named, so that a sealed split can be read this way."""
    merged: Counter[str] = Counter()
    apart: Counter[str] = Counter()
    for a, b in combinations(items, 2):
        fa, fb = first.get(a["id"]), first.get(b["id"])
        if fa is None or fb is None:
            continue
        if optional(a, b):
            continue
        fused = together(a, b, events)
        if a["cluster"] != b["cluster"] and fused:
            merged[_shared_class(fa, fb, fuser)] += 1
        elif a["cluster"] == b["cluster"] and not fused:
            explained = fuser.explain(fb, fa, "-")
            if explained.vetoed:
                apart["veto " + _veto_kind(explained.vetoed)] += 1
            else:
                worst = min(explained.features, key=lambda f: f.contribution)
                apart[f"below threshold, most against: {worst.name}"] += 1
    print("pairs of different clusters fused (by what their main mentions share):")
    for what, count in merged.most_common():
        print(f"  {count:3d}  {what}")
    print("same-event pairs kept apart (by cause):")
    for what, count in apart.most_common():
        print(f"  {count:3d}  {what}")


# What a veto rests on, by words of its text that name no item (a place's or a group's name is left out): the rule.
_VETO_KINDS = (
    ("two points", "two happenings at two points"),
    ("beyond reach", "their precisions allow"),
    ("follow-up", "a follow-up event"),
    ("days apart, both to the day", "both known to the day"),
    ("days apart", "days apart"),
    ("never the same", "are never the same happening"),
    ("distant kinds", "distantly related kinds"),
)


def _veto_kind(vetoed: str) -> str:
    """A veto's feature and the rule it rests on, without the names or figures of its text (`--classes`)."""
    name, _, detail = vetoed.partition(":")
    return name + next((f" ({kind})" for kind, words in _VETO_KINDS if words in detail), "")


def _shared_class(a: MentionFeatures, b: MentionFeatures, fuser: Fuser) -> str:
    gap = max(0, max(a.day_lo, b.day_lo) - min(a.day_hi, b.day_hi)) if a.dated and b.dated else None
    when = "undated" if gap is None else "same day" if gap == 0 else f"{gap} day(s) apart"
    kind = (
        "same sub-type"
        if a.sub_event_type == b.sub_event_type
        else "same family"
        if a.family == b.family
        else "other family"
    )
    where = "same place" if a.place_name is not None and a.place_name == b.place_name else "other or no place"
    named = set(a.named) & set(b.named)
    actors = "same named actor" if named else "no named actor in common"
    explained = fuser.explain(b, a, "-")
    targets = "targets differ" if any(f.name == "targets" for f in explained.features) else "targets not compared"
    return f"{when}, {kind}, {where}, {actors}, {targets}"


def explain_splits(
    items: list[dict], events: dict[str, list[str]], first: dict[str, MentionFeatures], fuser: Fuser
) -> None:
    """For each pair of one cluster whose main events differ: the later mention compared with the earlier, and
    a tally of what kept the pairs apart (a veto's kind, or the feature that weighed most against them)."""
    tally: Counter[str] = Counter()
    print("why pairs of one cluster ended apart (later report / earlier; score, threshold, features):")
    for a, b in combinations(items, 2):
        if a["cluster"] != b["cluster"] or together(a, b, events) or a["id"] not in first or b["id"] not in first:
            continue
        half = half_of(a)
        explained = fuser.explain(first[b["id"]], first[a["id"]], "-")
        if explained.vetoed:
            cause = "veto " + explained.vetoed.split(":")[0]
            verdict = f"vetoed ({explained.vetoed})"
        else:
            worst = min(explained.features, key=lambda f: f.contribution)
            cause = f"below threshold, most against: {worst.name}"
            verdict = f"{explained.score:.2f} < {explained.threshold:.1f}"
        tally[f"{cause} ({half})"] += 1
        print(f"  {b['id']} / {a['id']} ({a['cluster']}, {half}): {verdict}")
        for f in explained.features:
            print(f"      {f.name:<11} {f.value:+.2f} x {f.weight:.1f} = {f.contribution:+.2f}  {f.detail}")
    for cause, count in tally.most_common():
        print(f"  {count:3d} pairs: {cause}")


def _extractions(items: list[dict], extraction: Path | None, save: Path | None) -> dict[str, ExtractResult]:
    if extraction is not None:
        results = [ExtractResult.model_validate_json(line) for line in extraction.read_text().splitlines()]
    else:
        results = list(extract_reports([to_report(i) for i in items], Settings.load()))
    if save is not None:
        save.write_text("".join(r.model_dump_json() + "\n" for r in results), encoding="utf-8")
    return {r.report.id: r for r in results}


def half_of(item: dict) -> str:
    # cluster ids are a letter prefix and a number ("c07" in the dev set, "k07" in fusion_sealed2)
    return "odd" if int(item["cluster"].lstrip("abcdefghijklmnopqrstuvwxyz")) % 2 else "even"


def optional(a: dict, b: dict) -> bool:
    """Whether two reports of different clusters are joined only by a happening one of them tells besides its own
    (one's cluster in the other's `also`, or an `also` in common): scored neither way."""
    told_a, told_b = set(a.get("also", ())), set(b.get("also", ()))
    return a["cluster"] != b["cluster"] and (a["cluster"] in told_b or b["cluster"] in told_a or bool(told_a & told_b))


def together(a: dict, b: dict, events: dict[str, list[str]], per_mention: bool = True) -> bool:
    """Whether fusion put the two reports in one event: any mention of each (per mention), or their main events."""
    ea, eb = events.get(a["id"], []), events.get(b["id"], [])
    return not set(ea).isdisjoint(eb) if per_mention else bool(ea and eb and ea[0] == eb[0])


def pairwise(items: list[dict], events: dict[str, list[str]], group: str, per_mention: bool = True) -> dict:
    """Counts and figures over the pairs of one group ("all", "odd", "even", "cross"); `per_mention`: the
    convention of the module's docstring (optional pairs left out), else one cluster per report, main events."""
    tp = fp = fn = reachable = optional_pairs = optional_fused = 0
    mistakes = []
    for a, b in combinations(items, 2):
        halves = {half_of(a), half_of(b)}
        if group != "all" and (halves != {group} if group != "cross" else len(halves) == 1):
            continue
        gold = a["cluster"] == b["cluster"]
        ea, eb = events.get(a["id"], []), events.get(b["id"], [])
        predicted = together(a, b, events, per_mention)
        if per_mention and optional(a, b):
            optional_pairs += 1
            optional_fused += predicted
            continue
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
        reachable += gold and bool(ea) and bool(eb)
        if gold != predicted:
            mistakes.append(("merged" if predicted else "split", a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ceiling = reachable / (tp + fn) if tp + fn else 1.0
    counts = {"tp": tp, "fp": fp, "fn": fn, "optional": optional_pairs, "optional_fused": optional_fused}
    return {"p": precision, "r": recall, "f1": f1, **counts, "ceiling": ceiling, "mistakes": mistakes}


def report_dev(items: list[dict], events: dict[str, list[str]], mode: str, seconds: float, verbose: bool) -> float:
    without = sum(1 for i in items if not events.get(i["id"]))
    print(f"{len(items)} reports, {len({e for v in events.values() for e in v})} events ({mode}, {seconds:.0f} s)")
    print(f"reports without any event: {without}")
    labels = {"all": "all pairs", "odd": "odd clusters (tuning)", "even": "even clusters (held out)"}
    for group, label in labels.items():
        s = pairwise(items, events, group)
        print(
            f"{label:>26}: P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}   "
            f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']}; recall ceiling {s['ceiling']:.3f})"
        )
    cross = pairwise(items, events, "cross")
    print(f"{'odd x even (all apart)':>26}: {cross['fp']} false merges")
    overall = pairwise(items, events, "all")
    print(f"{'optional pairs (also)':>26}: {overall['optional']}, of which fused {overall['optional_fused']}")
    main = pairwise(items, events, "all", per_mention=False)
    print(f"{'one cluster per report':>26}: P {main['p']:.3f}  R {main['r']:.3f}  F1 {main['f1']:.3f}   (main events)")
    if verbose:
        for kind, a, b in overall["mistakes"]:
            print(f"  {kind}: {a['id']} ({a['cluster']}) / {b['id']} ({b['cluster']})")
    print("target: F1 >= 0.95")
    return overall["f1"]


def samples(fuser: Fuser, verbose: bool) -> bool:
    """Ingest samples/ and check the answer key; True when every incident is one event and every pair apart."""
    key = json.loads(SAMPLES_KEY.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(db=str(Path(tmp) / "samples.db"))
        with Store(settings.db_url, fuser) as store:
            paths = [str(SAMPLES / part) for part in ("news", "web", "feeds", "field")]
            summary = ingest(read_paths(paths, ReadOptions()), store, settings)
            lists = store.report_event_lists()
            origins = {r["origin"]: r["id"] for r in store.list_reports(ReportQuery(limit=1000), Reader.local_admin())}
            total_events = len({e for v in lists.values() for e in v})
    print(f"samples: {summary.stored} reports, {summary.events} event mentions, {total_events} events")

    def report_id(suffix: str) -> str:
        return next(rid for origin, rid in origins.items() if origin.endswith(suffix))

    together = 0
    for incident, members in key["together"].items():
        event_sets = [set(lists.get(report_id(m), [])) for m in members]
        one = bool(set.intersection(*event_sets))
        together += one
        if verbose or not one:
            print(f"  {incident}: {'one event' if one else 'NOT one event'} over {len(members)} reports")
    apart = 0
    for left, right, what in key["apart"]:
        a, b = lists.get(report_id(left), []), lists.get(report_id(right), [])
        kept = not (a and b and a[0] == b[0])
        apart += kept
        if verbose or not kept:
            print(f"  {what}: {'apart' if kept else 'MERGED'}")
    print(f"incidents told by several reports that end as one event: {together} of {len(key['together'])}")
    print(f"pairs of different happenings kept apart: {apart} of {len(key['apart'])}")
    return together == len(key["together"]) and apart == len(key["apart"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["e2e", "fusion", "samples"], default="e2e")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--config", type=Path, help="a fusion configuration to use instead of the packaged one")
    parser.add_argument("--extraction", type=Path, help="fusion mode: extractor output saved earlier")
    parser.add_argument("--save-extraction", type=Path, help="fusion mode: save the extractor output here")
    parser.add_argument("--verbose", action="store_true", help="list the pairs decided wrongly")
    parser.add_argument(
        "--why", action="store_true", help="fusion mode: explain, feature by feature, each same-event pair kept apart"
    )
    parser.add_argument(
        "--classes", action="store_true", help="fusion mode: counts of wrong merges and misses by class, no item"
    )
    args = parser.parse_args()
    fuser = Fuser(load_config(args.config) if args.config else None)
    if args.mode == "samples":
        sys.exit(0 if samples(fuser, args.verbose) else 1)
    items = load(args.data)
    began = time.perf_counter()
    if args.mode == "e2e":
        events = end_to_end(items, fuser)
    else:
        events = fusion_only(items, fuser, args.extraction, args.save_extraction, args.why, args.classes)
    f1 = report_dev(items, events, args.mode, time.perf_counter() - began, args.verbose)
    sys.exit(0 if f1 >= 0.95 else 1)


if __name__ == "__main__":
    main()
