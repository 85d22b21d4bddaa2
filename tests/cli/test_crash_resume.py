"""A batch killed half-way (kill -9) and run again ends with every report stored exactly once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, field_report, write_jsonl

N = 6000


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM reports").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


@pytest.mark.slow
def test_kill_minus_nine_then_rerun_stores_each_report_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for part in range(6):
        write_jsonl(
            folder / f"posts-{part}.jsonl",
            [field_report(part * 1000 + i, post_id=f"P{part}-{i}") for i in range(N // 6)],
        )
    db = tmp_path / "bw.db"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "BORDERWATCH_BATCH_SIZE": "25"}
    command = [sys.executable, "-m", "borderwatch", "--db", str(db), "ingest", "--no-extract", str(folder)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(db) < 200 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored_before = _count(db)
    assert 0 < stored_before < N, "the kill must land half-way for this test to mean something"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored_before} already stored" in rerun.stderr
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT post_id, count(*) FROM reports GROUP BY post_id").fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(rows) == N and all(count == 1 for _, count in rows)
