"""Shared fixtures. All report texts in the tests are synthetic: invented incidents, invented people."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._postgres import PostgresServer, find_pg_bin, postgres_server

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the session (skipped where PostgreSQL is not installed)."""
    if find_pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (make setup installs it where it may)")
    folder = Path(tempfile.mkdtemp(prefix="bw-pg-"))  # not under pytest's 0700 root folder: postgres must enter it
    try:
        with postgres_server(folder) as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The store's URL: each test that takes it runs on the embedded SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)


def field_report(n: int, **overrides: object) -> dict[str, object]:
    """A synthetic field report from an invented post near In Guezzam."""
    report: dict[str, object] = {
        "post_id": f"DZ-TEST-{n % 7:02d}",
        "time": f"2025-05-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00Z",
        "position": {"lat": 19.57 + (n % 10) / 100, "lon": 5.77},
        "category": "sighting",
        "text": f"SYNTHETIC. Patrol {n} observed {n % 5 + 1} vehicles moving north along the wadi.",
        "marking": "GREEN",
    }
    report.update(overrides)
    return report


def write_jsonl(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def run_cli(
    *args: str, db: str | None = None, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m borderwatch` for real, as a user would."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "200", **(env or {})}
    command = [sys.executable, "-m", "borderwatch", *(["--db", db] if db else []), *args]
    return subprocess.run(command, capture_output=True, text=True, env=full_env, input=stdin, timeout=timeout)
