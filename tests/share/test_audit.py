"""The audit log: who read restricted material or wrote what, when, through which interface; tamper-evident."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from borderwatch.model import Marking
from borderwatch.store import AuditQuery, EventQuery, Reader, ReportQuery, Store, acting_as
from tests.share.helpers import event_ids_of, fresh_db, new_report

ADMIN = Reader.local_admin()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(fresh_db(tmp_path)) as opened:
        yield opened  # type: ignore[misc]


def test_reads_of_amber_and_red_are_recorded_and_others_are_not(store: Store) -> None:
    green = new_report("SYNTHETIC. GREEN note.", agency="tn-gn", marking=Marking.GREEN)
    amber = new_report("SYNTHETIC. AMBER note.", agency="tn-gn", marking=Marking.AMBER)
    red = new_report("SYNTHETIC. RED note.", agency="tn-gn", marking=Marking.RED)
    store.add_reports([green, amber, red])
    outsider = Reader(agency="ly-x", user="libyan", interface="api")
    store.list_events(EventQuery(), outsider)
    store.get_report(green.report.id, outsider)
    assert store.audit.entries(AuditQuery(actor="libyan")) == []
    analyst = Reader(agency="tn-gn", user="hela", interface="dashboard")
    store.list_events(EventQuery(), analyst)
    store.get_event(event_ids_of(store, red.report.id)[0], reader=analyst)
    entries = store.audit.entries(AuditQuery(actor="hela"))
    assert [(e["action"], e["interface"], e["agency"]) for e in entries] == [("read", "dashboard", "tn-gn")] * 2
    listed = {(o["kind"], o["id"], o["marking"]) for o in entries[1]["objects"]}
    assert ("report", amber.report.id, "AMBER") in listed and ("report", red.report.id, "RED") in listed
    assert not any(o["id"] == green.report.id for o in entries[1]["objects"])
    assert [e["what"] for e in store.audit.entries(AuditQuery(object_id=red.report.id, actor="hela"))] == [
        f"get event {event_ids_of(store, red.report.id)[0]}",
        "list events",
    ]
    assert store.audit.entries(AuditQuery(marking=Marking.RED, actor="hela"))[0]["id"] == entries[0]["id"]


def test_writes_are_recorded_with_their_writer(store: Store) -> None:
    writer = Reader(agency="dz-mdn", user="amine", interface="api")
    report = new_report("SYNTHETIC. A report filed through the API.", marking=Marking.GREEN)
    with acting_as(writer):
        store.add_reports([report])
        store.exchange.set_marking(report.report.id, Marking.AMBER)
        store.exchange.withdraw(report.report.id)
    whats = [(e["actor"], e["action"], e["what"]) for e in store.audit.entries(AuditQuery(actor="amine"))]
    assert whats == [
        ("amine", "write", f"withdraw report {report.report.id}"),
        ("amine", "write", f"mark report {report.report.id} AMBER"),
        ("amine", "write", "add 1 report(s)"),
    ]
    assert store.list_reports(ReportQuery(), ADMIN) == []


def test_the_chain_shows_an_edited_or_removed_entry(store: Store, tmp_path: Path) -> None:
    store.add_reports([new_report(f"SYNTHETIC. AMBER {i}.") for i in range(3)])
    for _ in range(3):
        store.list_reports(ReportQuery(), ADMIN)
    checked, broken = store.audit.verify()
    assert (checked, broken) == (4, None)
    db = sqlite3.connect(store.url.removeprefix("sqlite:///"))
    db.execute("UPDATE audit_log SET actor = 'someone-else' WHERE id = 2")
    db.commit()
    assert store.audit.verify() == (1, 2)
    db.execute("UPDATE audit_log SET actor = 'local-admin' WHERE id = 2")
    db.execute("DELETE FROM audit_objects WHERE entry_id = 4")
    db.execute("DELETE FROM audit_log WHERE id = 4")
    db.commit()
    assert store.audit.verify() == (3, -1)
    db.close()
