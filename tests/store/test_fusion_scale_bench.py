"""bench/fusion_scale.py --unextracted: the same generated reports stored without extractions (the write path alone)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from borderwatch.store import Reader, Store

BENCH = Path(__file__).parents[2] / "bench"


def _bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))  # the benchmark imports its helpers (_fusion_counts, _wal_frames) by name
    try:
        spec = importlib.util.spec_from_file_location("fusion_scale", BENCH / "fusion_scale.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


def test_unextracted_reports_are_the_same_reports_stored_without_events(tmp_path: Path) -> None:
    bench = _bench()
    items, count = bench.generate(60)
    plain = bench.without_extractions(items)
    assert [item.report.id for item, _ in plain] == [item.report.id for item, _ in items]
    assert [truth for _, truth in plain] == [truth for _, truth in items]
    assert all(item.extraction is not None for item, _ in items)
    assert all(item.extraction is None for item, _ in plain)
    with Store(f"sqlite:///{tmp_path / 'plain.db'}") as store:
        timings = bench.run(store, plain, 25)
        assert [stored for stored, _, _ in timings] == [25, 50, 60]
        assert store.count("reports", Reader.local_admin()) == len(items) == count
        assert store.count("events", Reader.local_admin()) == 0
