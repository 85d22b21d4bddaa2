"""Shared fixtures. All report texts in the tests are synthetic: invented incidents, invented people."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent.parent / "shared" / "seeds"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


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
