"""Stored views of events seen in part and the listed classes of mixed events (`store/_partial_views.py`):
written where events are derived, read instead of composing and of looking at each mention's report, equal to
a computation from scratch, and deleted by the database when what they were made from changes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from borderwatch.model import Agency, Marking
from borderwatch.store import EventQuery, Reader, Store
from borderwatch.store import _composed_views as composed_views
from borderwatch.store._compose import compose_mentions
from borderwatch.store._partial_views import store_views
from borderwatch.store._schema import event_classes, event_mentions, report_access, reports
from tests.share.helpers import event_ids_of, expected_views, fresh_db, fuse, mention, new_report, views_of

OUTSIDER = Reader(agency="tn-b", user="ub")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    url = pg.create_database() if pg else fresh_db(tmp_path)
    try:
        with Store(url) as opened:
            for agency in ("dz-a", "tn-b"):
                opened.accounts.add_agency(Agency(id=agency, name=agency))
            yield opened
    finally:
        if pg:
            pg.drop_database(url)


def _seen_in_part(store: Store) -> str:
    """One happening told by an AMBER report of dz-a (three dead, at Tebessa) and a CLEAR one (one dead, at
    Kasserine), fused by an analyst: tn-b sees it through the CLEAR report only."""
    amber = new_report(
        "SYNTHETIC. An AMBER report of an invented ambush.",
        agency="dz-a",
        marking=Marking.AMBER,
        mentions=[mention("e1", "SYNTHETIC ambush.", place="Tebessa", fatalities=3, confidence=0.9)],
    )
    clear = new_report(
        "SYNTHETIC. A CLEAR report of the same invented ambush.",
        agency="dz-a",
        marking=Marking.CLEAR,
        mentions=[
            mention("e1", "SYNTHETIC ambush.", place="Kasserine", lat=35.17, lon=8.83, fatalities=1, confidence=0.6)
        ],
    )
    store.add_reports([amber, clear])
    return fuse(store, [*event_ids_of(store, amber.report.id), *event_ids_of(store, clear.report.id)])


def test_an_event_seen_in_part_is_served_from_its_stored_view(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    event_id = _seen_in_part(store)
    stored = views_of(store, event_id)
    assert stored and stored == expected_views(store, event_id)[1]

    def no_composing(*_: Any) -> None:
        raise AssertionError("composed at read time although its view was stored")

    monkeypatch.setattr(composed_views, "_compose_pending", no_composing)
    (seen,) = store.list_events(EventQuery(), OUTSIDER)
    assert (seen["id"], seen["location_name"], seen["fatalities"], seen["sources"]) == (event_id, "Kasserine", 1, 1)
    assert isinstance(seen["created_at"], datetime)
    detail = json.dumps(store.get_event(event_id, reader=OUTSIDER), default=str)
    assert "Kasserine" in detail and "Tebessa" not in detail


def test_writing_a_mention_or_a_report_s_time_deletes_the_event_s_views(store: Store) -> None:
    """Changes behind the store's back: the views go, and the reader's event is composed again, right."""
    event_id = _seen_in_part(store)
    assert views_of(store, event_id)
    with store._engine.begin() as c:  # a mention rewritten in place, by hand
        c.execute(update(event_mentions).where(event_mentions.c.event_id == event_id).values(sentence="SYNTHETIC."))
    assert views_of(store, event_id) == {}
    with store._engine.begin() as c:
        store_views(c, [event_id])
    assert views_of(store, event_id) == expected_views(store, event_id)[1]
    with store._engine.begin() as c:  # a report's time changed, by hand
        later = datetime(2030, 1, 1)
        c.execute(update(reports).where(reports.c.marking == "CLEAR").values(ingested_at=later))
    assert views_of(store, event_id) == {}
    (seen,) = store.list_events(EventQuery(), OUTSIDER)
    assert seen["location_name"] == "Kasserine" and seen["created_at"] == later


def test_a_store_with_another_composer_composes_at_read_time(tmp_path: Path) -> None:
    """Stored views are the default composer's: a store given its own composer is not served them."""

    def shouting(mentions: Any) -> dict[str, Any]:
        view = compose_mentions(mentions)
        view["location_name"] = str(view["location_name"]).upper()
        return view

    url = fresh_db(tmp_path)
    with Store(url) as writer:
        for agency in ("dz-a", "tn-b"):
            writer.accounts.add_agency(Agency(id=agency, name=agency))
        _seen_in_part(writer)
    with Store(url, composer=shouting) as reader:
        (seen,) = reader.list_events(EventQuery(), OUTSIDER)
    assert seen["location_name"] == "KASSERINE"


def test_a_mixed_event_s_classes_are_listed_and_guarded(store: Store) -> None:
    event_id = _seen_in_part(store)
    with store._engine.connect() as c:
        listed = set(c.execute(select(event_classes.c.class_id).where(event_classes.c.event_id == event_id)).scalars())
        mentioned = set(
            c.execute(
                select(report_access.c.class_id)
                .join(event_mentions, event_mentions.c.report_id == report_access.c.report_id)
                .where(event_mentions.c.event_id == event_id)
            ).scalars()
        )
    assert len(listed) == 2 and listed == mentioned
    with pytest.raises(IntegrityError), store._engine.begin() as c:  # a class none of its reports has
        c.execute(insert(event_classes).values(event_id=event_id, class_id=max(listed) + 1000))
    assert store.list_events(EventQuery(), OUTSIDER)[0]["id"] == event_id


def test_a_report_s_class_changed_by_hand_unlists_its_events_classes(store: Store) -> None:
    """The reader's check then reads the mentions: the CLEAR report taken out of every class, by hand, hides
    the event from a reader who saw it only through that report."""
    event_id = _seen_in_part(store)
    assert store.list_events(EventQuery(), OUTSIDER)[0]["id"] == event_id
    with store._engine.begin() as c:
        clear = c.execute(select(reports.c.id).where(reports.c.marking == "CLEAR")).scalar_one()
        c.execute(report_access.delete().where(report_access.c.report_id == clear))
        assert c.execute(select(event_classes).where(event_classes.c.event_id == event_id)).all() == []
    assert store.list_events(EventQuery(), OUTSIDER) == []
    assert store.count("events", OUTSIDER) == 0
