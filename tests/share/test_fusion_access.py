"""Fusion's own reads and writes under access control: provenance, exports, sources, re-marking, withdrawal.

Two agencies report one invented clash (synthetic): both reports are AMBER (each agency's own).
Fusion makes them one event; a Tunisian reader must see that event through its own report only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from borderwatch.errors import AccessDeniedError, NotFoundError
from borderwatch.model import Agency, Marking, Source
from borderwatch.store import AccessClass, EventFilter, NewReport, Reader, Role, Store, acting_as, class_visible
from tests.conftest import run_cli
from tests.share.helpers import event_ids_of, fresh_db, mention, new_report

ADMIN = Reader.local_admin()
TN = Reader(agency="tn-gn", user="tn-analyst", role=Role.ANALYST)
OUTSIDER = Reader(agency="ly-x", user="ly-analyst", role=Role.ANALYST)


def _with_source(item: NewReport, name: str) -> NewReport:
    item.report = item.report.model_copy(update={"source": Source(name=name)})
    return item


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[tuple[Store, str, NewReport, NewReport]]:
    dz = _with_source(
        new_report(
            "SYNTHETIC. DZ AMBER: the Synthetic Katiba of the Dunes clashed with a patrol near Tebessa; two killed.",
            agency="dz-cnc",
            marking=Marking.AMBER,
            mentions=[mention("e1", "clashed with a patrol near Tebessa; two killed", tags=("infiltration",))],
        ),
        "Synthetic Oasis Wire",
    )
    tn = _with_source(
        new_report(
            "SYNTHETIC. TN AMBER: gunfire near Tebessa between a patrol and armed men, two dead.",
            agency="tn-gn",
            marking=Marking.AMBER,
            mentions=[mention("e1", "gunfire near Tebessa between a patrol and armed men, two dead")],
        ),
        "Synthetic Coast Radio",
    )
    with Store(fresh_db(tmp_path)) as store:
        for agency in ("dz-cnc", "tn-gn", "ly-x"):
            store.accounts.add_agency(Agency(id=agency, name=agency))
        store.add_reports([dz, tn])
        (event_id,) = event_ids_of(store, dz.report.id)
        yield store, event_id, dz, tn


def test_the_two_reports_are_one_event_seen_in_part_by_the_other_agency(centre) -> None:  # type: ignore[no-untyped-def]
    store, event_id, _dz, tn = centre
    assert event_ids_of(store, tn.report.id) == [event_id]
    assert not class_visible(TN, AccessClass(agency="dz-cnc", marking=Marking.AMBER))
    assert class_visible(TN, AccessClass(agency="tn-gn", marking=Marking.AMBER))


def test_provenance_shows_only_the_visible_sources(centre) -> None:  # type: ignore[no-untyped-def]
    store, event_id, dz, tn = centre
    whole = store.event_provenance(event_id, reader=ADMIN)
    assert {m["report_id"] for m in whole["mentions"]} == {dz.report.id, tn.report.id}
    seen = store.event_provenance(event_id, reader=TN)
    assert {m["report_id"] for m in seen["mentions"]} == {tn.report.id}
    assert all(d["mention_key"].startswith(tn.report.id[:16]) for d in seen["decisions"])
    text = json.dumps(seen, default=str)
    assert dz.report.id not in text and "Oasis Wire" not in text and "infiltration" not in text
    with pytest.raises(NotFoundError):
        store.event_provenance(event_id, reader=OUTSIDER)


def test_exports_hold_what_the_reader_may_see(centre) -> None:  # type: ignore[no-untyped-def]
    store, event_id, _dz, _tn = centre
    (whole,) = list(store.stream_events(EventFilter(), reader=ADMIN))
    assert whole["reports"] == 2 and "Synthetic Oasis Wire" in whole["source_names"]
    (seen,) = list(store.stream_events(EventFilter(), reader=TN))
    assert seen["id"] == event_id and seen["reports"] == 1
    assert seen["source_names"] == "Synthetic Coast Radio" and seen["tags"] == [] and seen["notes"] == ""
    assert list(store.stream_events(EventFilter(), reader=OUTSIDER)) == []
    with pytest.raises(TypeError):
        store.stream_events(EventFilter())  # type: ignore[call-arg]


def test_sources_are_listed_through_visible_reports(centre) -> None:  # type: ignore[no-untyped-def]
    store, *_ = centre
    assert [s["name"] for s in store.list_sources(reader=TN)] == ["Synthetic Coast Radio"]
    assert [s["name"] for s in store.list_sources(reader=ADMIN)] == ["Synthetic Coast Radio", "Synthetic Oasis Wire"]
    assert store.list_sources(reader=OUTSIDER) == []


def test_re_marking_a_report_changes_who_sees_its_part_of_the_event(centre) -> None:  # type: ignore[no-untyped-def]
    store, _event_id, dz, _tn = centre
    assert store.mark_report(dz.report.id, "green") == 1
    (seen,) = list(store.stream_events(EventFilter(), reader=TN))
    assert seen["reports"] == 2 and "infiltration" in seen["tags"]


def test_withdrawing_a_report_keeps_the_event_of_the_other(centre) -> None:  # type: ignore[no-untyped-def]
    store, event_id, dz, tn = centre
    assert store.delete_report(dz.report.id) == {"events_changed": 1, "events_removed": 0}
    (left,) = list(store.stream_events(EventFilter(), reader=ADMIN))
    assert left["id"] == event_id and left["reports"] == 1 and left["tags"] == []
    assert store.delete_report(tn.report.id) == {"events_changed": 0, "events_removed": 1}
    assert list(store.stream_events(EventFilter(), reader=ADMIN)) == []


def test_only_who_sees_an_event_may_split_or_merge_it(centre) -> None:  # type: ignore[no-untyped-def]
    store, event_id, dz, tn = centre
    with acting_as(OUTSIDER), pytest.raises(NotFoundError):
        store.split_event(event_id, [dz.report.id])
    post = Reader(agency="tn-gn", user="post-1", role=Role.POST, post_id="P1")
    with acting_as(post), pytest.raises(AccessDeniedError):
        store.split_event(event_id, [tn.report.id])
    new_id = store.split_event(event_id, [dz.report.id], by="test")
    assert event_ids_of(store, dz.report.id) == [new_id] != [event_id]


def test_cli_exports_stix_and_csv_as_the_named_user(tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    with Store(f"sqlite:///{db}") as store:
        store.accounts.add_agency(Agency(id="dz-cnc", name="dz-cnc"))
        store.accounts.add_agency(Agency(id="tn-gn", name="tn-gn"))
        store.accounts.add_user("tn-analyst", "tn-gn", Role.ANALYST)
        store.add_reports([new_report("SYNTHETIC. DZ AMBER: a clash near Tebessa.", agency="dz-cnc")])
    bundle = tmp_path / "out.json"
    done = run_cli("export", "--format", "stix", "-o", str(bundle), db=db)
    assert done.returncode == 0, done.stderr
    objects = json.loads(bundle.read_text(encoding="utf-8"))["objects"]
    assert any(o["type"] == "report" for o in objects)
    done = run_cli("--as", "tn-analyst", "export", "--format", "stix", "-o", str(bundle), db=db)
    assert done.returncode == 0, done.stderr
    assert not any(o["type"] == "report" for o in json.loads(bundle.read_text(encoding="utf-8"))["objects"])
    done = run_cli("--as", "tn-analyst", "export", "--format", "jsonl", db=db)
    assert done.returncode == 0 and done.stdout == "", done.stderr
    assert "exported 0 events" in done.stderr
