"""The fusion and export commands, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from borderwatch.cli import app
from borderwatch.store import EventQuery, Reader, Store

from ..conftest import run_cli
from .test_store_fusion import market_attack_reports

ADMIN = Reader.local_admin()

RUNNER = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with Store(f"sqlite:///{path}") as store:
        store.add_reports(market_attack_reports())
    return path


def cli(db: str, *args: str) -> str:
    result = RUNNER.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def event_ids(db: str) -> dict[int, str]:
    """Event id by toll (7: the market attack, 5: the attack at the well)."""
    with Store(f"sqlite:///{db}") as store:
        return {e["fatalities"]: e["id"] for e in store.list_events(EventQuery(), ADMIN)}


def count_events(db: str) -> int:
    with Store(f"sqlite:///{db}") as store:
        return store.count("events", ADMIN)


def test_events_list_still_works_with_filters(db: str) -> None:
    lines = cli(db, "events", "--type", "Attack", "--format", "json").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["sub_event_type"] == "Attack" for line in lines)


def test_show_why_explains_the_merge(db: str) -> None:
    output = cli(db, "events", "show", event_ids(db)[7], "--why")
    assert "3 reports, 3 independent sources" in output
    assert "matched" in output and "same day" in output and "threshold" in output
    detail = json.loads(cli(db, "events", "show", event_ids(db)[7], "--json"))
    assert len(detail["mentions"]) == 3


def test_split_merge_and_rebuild(db: str) -> None:
    event_id = event_ids(db)[7]
    report_id = market_attack_reports()[2].report.id
    new_id = cli(db, "events", "split", event_id, report_id, "--by", "tester").strip()
    assert new_id.startswith("E") and count_events(db) == 3
    assert "events" in cli(db, "events", "rebuild")
    assert count_events(db) == 3
    cli(db, "events", "merge", event_id, new_id)
    assert count_events(db) == 2


def test_reports_delete_and_mark_and_sources(db: str) -> None:
    items = market_attack_reports()
    assert "1 events updated" in cli(db, "reports", "mark", items[0].report.id, "RED")
    assert "0 events updated, 1 removed" in cli(db, "reports", "delete", items[3].report.id)
    assert count_events(db) == 1
    assert "Niamey Evening (synthetic)" in cli(db, "sources")
    assert "re-scored" in cli(db, "sources", "reliability", "Niamey Evening (synthetic)", "B")
    assert len(cli(db, "reports", "--format", "json").splitlines()) == 3


def test_export_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    cli(db, "export", "--format", "acled-csv", "--country", "NE", "--from", "2025-04-01", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year") and len(lines) == 3


@pytest.mark.slow
def test_bad_input_is_one_line_and_exit_2(db: str, tmp_path: Path) -> None:
    for args in (
        ("events", "show", "Enope"),
        ("export", "--format", "xml"),
        ("export", "--bbox", "1,2,3"),
        ("export", "--format", "parquet"),
        ("reports", "delete", "nope"),
        ("sources", "reliability", "Niamey Evening (synthetic)", "Z"),
    ):
        result = run_cli(*args, db=db)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("borderwatch: error E"), result.stderr
