"""The issue's test: three differently-worded reports of one invented attack and one of another attack in
the same town, through the real pipeline (extraction, places, fusion), give two events with the right
sources. All synthetic: invented incidents and people, a real town."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from borderwatch.model import Report, Source
from borderwatch.pipeline import ingest
from borderwatch.settings import Settings
from borderwatch.store import EventQuery, Reader, Store

ADMIN = Reader.local_admin()

pytestmark = pytest.mark.slow

ATTACK = [
    (
        "2025-05-12",
        "Sahel Gazette (synthetic)",
        "sahel-gazette",
        "Gunmen on motorbikes killed six civilians at the livestock market in Ouallam, in Niger's Tillaberi "
        "region, on Sunday, residents said.",
    ),
    (
        "2025-05-12",
        "Ministry of Defence communique (synthetic)",
        "ne-mdn-synthetic",
        "On Sunday 11 May 2025, an armed terrorist group attacked the livestock market of Ouallam, Tillaberi "
        "region, killing six (6) civilians. The Defence and Security Forces are pursuing the assailants.",
    ),
    (
        "2025-05-13",
        "Niger Radio Desk (synthetic)",
        "niger-radio-synthetic",
        "Six people were shot dead when armed men raided the cattle market of Ouallam on Sunday, a local "
        "official said.",
    ),
]
OTHER = (
    "2025-05-19",
    "Sahel Gazette (synthetic)",
    "sahel-gazette",
    "Gunmen killed four villagers at a water well in Ouallam, Tillaberi region, on Sunday, a week after "
    "the market massacre, residents said.",
)


def report(published: str, source: str, agency: str, text: str) -> Report:
    return Report(text=text, published=datetime.fromisoformat(published), source=Source(name=source), agency=agency)


def test_three_reports_of_one_attack_and_another_attack_give_two_events(tmp_path: Path) -> None:
    settings = Settings.load(db=str(tmp_path / "e2e.db"))
    attack_reports = [report(*item) for item in ATTACK]
    other_report = report(*OTHER)
    with Store.open(settings) as store:
        summary = ingest([*attack_reports, other_report], store, settings)
        assert summary.stored == 4
        events = store.list_events(EventQuery(), ADMIN)
        by_report = store.report_event_lists()
    assert len(events) == 2, events
    attack_event = {by_report[r.id][0] for r in attack_reports}
    assert len(attack_event) == 1, by_report
    (attack_id,) = attack_event
    assert by_report[other_report.id][0] != attack_id
    counts = {e["id"]: e["sources"] for e in events}
    assert counts[attack_id] == 3 and counts[by_report[other_report.id][0]] == 1
