"""bench/_wal_frames.py: the pages a store's commits wrote, counted by the table or index they belong to."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from borderwatch.model import Report
from borderwatch.store import NewReport, Store

BENCH = Path(__file__).parents[2] / "bench" / "_wal_frames.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_wal_frames", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("_wal_frames", module)
    spec.loader.exec_module(module)
    return module


def _report(text: str) -> Report:
    report = Report(id="", text=text)  # type: ignore[arg-type]
    report.id = report.content_hash[:24]
    return report


def test_the_frames_of_a_batch_are_counted_by_the_tables_and_indexes_it_wrote(tmp_path: Path) -> None:
    wal_frames = _bench()
    path = tmp_path / "frames.db"
    with Store(f"sqlite:///{path}") as store:
        store.add_reports([NewReport(report=_report("SYNTHETIC. A first report about Kasserine."))])
        with wal_frames.WalFrames(store._engine, path) as frames:
            texts = [f"SYNTHETIC. Report {n}: an invented patrol near Nalut." for n in range(50)]
            store.add_reports([NewReport(report=_report(t)) for t in texts])
            store.close()  # the WAL stays: the counting connection still uses it
            counts = frames.count()
            wal = Path(f"{path}-wal")
            page_size = 2048
            assert sum(counts.values()) == (wal.stat().st_size - 32) // (24 + page_size)
    assert counts["reports"] >= 1
    assert counts["sqlite_autoindex_reports_2"] >= 1  # the content hashes' unique index
    assert counts["exchange_index"] >= 1
    assert not wal.exists()  # removed when the last connection closed
