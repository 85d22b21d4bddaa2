"""Fusion's pair scoring: CPU time per comparison, with the explanation's texts left unwritten (as `decide`
scores every candidate) and written out (as they were for every comparison before they were made lazy).

Takes `bench/fusion_scale.py`'s generated mentions (SYNTHETIC), fuses them in memory with `Fuser.cluster`
once to collect the pairs that blocking hands the scorer, then scores those same pairs again, each way,
in alternating rounds, so that both figures meet the same machine load. Prints the comparisons made, the CPU
microseconds per comparison each way, their ratio, and the CPU time of the whole in-memory fusion.

    PYTHONPATH=src python bench/fusion_score.py [--mentions 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import time

from borderwatch.fuse import Fuser, MentionFeatures, PairScorer
from borderwatch.fuse._score import explained
from fusion_scale import generate  # bench/ is on the path: it is the script's folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    items, count = generate(args.mentions)
    fuser = Fuser()
    features = [
        fuser.features(item.extraction.events[0], item.report.id, item.report.id, item.report.published.date())
        for item, _ in items
    ]
    scorer: PairScorer = fuser._scorer  # the scorer `decide` uses: record the pairs it is handed
    pairs: list[tuple[MentionFeatures, MentionFeatures]] = []
    score = scorer.score

    def recording(new: MentionFeatures, old: MentionFeatures):  # type: ignore[no-untyped-def]
        pairs.append((new, old))
        return score(new, old)

    scorer.score = recording  # type: ignore[method-assign]
    began = time.process_time()
    for _ in fuser.cluster(features):
        pass
    fused = time.process_time() - began
    scorer.score = score  # type: ignore[method-assign]

    lazy = written = 0.0
    for _ in range(args.rounds):
        began = time.process_time()
        for new, old in pairs:
            score(new, old)
        lazy += time.process_time() - began
        began = time.process_time()
        for new, old in pairs:
            explained(score(new, old))
        written += time.process_time() - began
    per = 1e6 / (len(pairs) * args.rounds)
    print(f"{count} mentions fused in memory: {len(pairs)} comparisons, {fused:.1f} s CPU in all")
    print(f"per comparison, details left unwritten (decide): {lazy * per:.2f} us CPU")
    print(f"per comparison, details written (as before):     {written * per:.2f} us CPU")
    load = os.getloadavg()[0]
    print(f"ratio written / unwritten: {written / lazy:.2f} (load average {load:.1f}, {args.rounds} rounds)")


if __name__ == "__main__":
    main()
