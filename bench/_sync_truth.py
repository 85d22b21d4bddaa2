"""The sync benchmark's generated truth: which happening each mention tells, and how B's fused events compare.

The generator records, for each report, the happening of each of its mentions (a second report of a
happening names the same one) and what each happening is (day, point, sub-type, group, locality). After the
first sync, B's events are compared pair by pair with it: pairwise precision and recall, and for each pair
of different happenings fusion joined, what the two have in common, so that an over-merge can be told to
come from the data (happenings the reports tell alike: same day, sub-type, group and locality) or from the
scoring (happenings the reports tell apart).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

__all__ = ["Truth", "ingest_reference", "merges_against_truth", "truth_path"]

_ALIKE = "told alike (same day, sub-type, group, locality)"


def truth_path(db: str) -> Path:
    return Path(f"{db}.truth.json")


class Truth:
    """Happenings by report (in mention order), and what each happening is."""

    def __init__(self) -> None:
        self.reports: dict[str, list[int]] = {}
        self.happenings: dict[int, list[Any]] = {}

    def add(self, report_id: str, happenings: list[dict[str, Any]]) -> None:
        self.reports[report_id] = [h["id"] for h in happenings]
        for h in happenings:
            self.happenings.setdefault(
                h["id"], [h["day"].toordinal(), h["lat"], h["lon"], h["sub_type"], h["group"], h["place"]]
            )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"reports": self.reports, "happenings": self.happenings}))


def merges_against_truth(db_b: str, path: Path) -> dict[str, Any]:
    """B's fused events against the truth: events expected and made, pairwise precision and recall, and the
    wrongly joined pairs of happenings by what tells them apart."""
    import sqlite3

    truth = json.loads(path.read_text())
    happenings = {int(k): v for k, v in truth["happenings"].items()}
    told = truth["reports"]
    with sqlite3.connect(db_b) as connection:
        rows = connection.execute("SELECT report_id, id, event_id FROM event_mentions").fetchall()
    by_event: dict[str, list[int]] = {}
    for report_id, key, event_id in rows:
        index = int(key.rsplit("-e", 1)[1])  # the mention's id in its report ("e0", "e1", ...)
        by_event.setdefault(event_id, []).append(told[report_id][index])
    by_happening = Counter(h for members in by_event.values() for h in members)
    true_pairs = sum(n * (n - 1) // 2 for n in by_happening.values())
    made_pairs = right_pairs = 0
    wrong: Counter[str] = Counter()
    for members in by_event.values():
        for a, b in combinations(members, 2):
            made_pairs += 1
            if a == b:
                right_pairs += 1
            else:
                wrong[_apart(happenings[a], happenings[b])] += 1
    return {
        "events_expected": len(by_happening),
        "events_made": len(by_event),
        "precision": right_pairs / max(1, made_pairs),
        "recall": right_pairs / max(1, true_pairs),
        "wrong_pairs": sum(wrong.values()),
        "told_alike": wrong[_ALIKE],
        "wrong_by_difference": dict(wrong.most_common(8)),
    }


def ingest_reference(db_a: str, db_c: str) -> dict[str, Any]:
    """A's reports fused by the ordinary ingest path into a new installation (`db_c`), in publication order, no
    sync involved, against the same truth: what fusion alone makes of the data, for B's figures to be read
    against (a precision the sync lowers would be the sync's doing; one both share is fusion's)."""
    from borderwatch.store import NewReport, Reader, Store

    with Store(f"sqlite:///{db_a}") as source:
        items = source.exchange.changes(None, 10**9)
    items.sort(key=lambda i: (i.report.published, i.report_id))  # type: ignore[union-attr]
    with Store(f"sqlite:///{db_c}") as target:
        for start in range(0, len(items), 500):
            batch = [NewReport(report=i.report, extraction=i.extraction) for i in items[start : start + 500]]  # type: ignore[arg-type]
            target.add_reports(batch, writer=Reader.local_admin())
    return merges_against_truth(db_c, truth_path(db_a))


def _apart(a: list[Any], b: list[Any]) -> str:
    """What differs between two happenings, as a reader of their reports would see it."""
    days = abs(a[0] - b[0])
    km = math.hypot((a[1] - b[1]) * 111.2, (a[2] - b[2]) * 111.2 * math.cos(math.radians(a[1])))
    same = [name for name, i in (("sub-type", 3), ("group", 4), ("locality", 5)) if a[i] == b[i]]
    if days == 0 and len(same) == 3:
        return _ALIKE
    when = "same day" if days == 0 else f"{days} day(s) apart" if days <= 3 else "over 3 days apart"
    where = f"{10 * math.ceil(km / 10):.0f} km" if km < 60 else "60+ km"
    return f"{when}, within {where}, same {'/'.join(same) or 'nothing else'}"
