"""Pages of events as a reader sees them: the page's ids are chosen in SQL with the reader's visibility, and
the built statements are kept between reads; no reader may get another reader's page."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from borderwatch.model import Marking
from borderwatch.store import EventQuery, Reader, ReportQuery, Store
from tests.share.helpers import event_ids_of, fresh_db, mention, new_report

ADMIN = Reader.local_admin()
READERS = {
    "tn analyst": Reader(agency="tn-gn", user="analyst-tn"),
    "dz analyst": Reader(agency="dz-mdn", user="analyst-dz"),
    "ly analyst": Reader(agency="ly-x", user="analyst-ly"),
    "administrator": ADMIN,
}
MARKINGS = (Marking.CLEAR, Marking.GREEN, Marking.AMBER, Marking.RED, Marking.AMBER_STRICT)
PLACES = (("Tebessa", 35.40, 8.12, "DZ"), ("Ghat", 24.96, 10.17, "LY"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(fresh_db(tmp_path)) as opened:
        items = []
        for k in range(20):
            # Two happenings a day, 900 km apart: pages must break ties between same-day events by id.
            day = (date(2024, 1, 1) + timedelta(days=10 * (k // 2))).isoformat()
            place, lat, lon, country = PLACES[k % 2]
            text = f"SYNTHETIC page test {k}: an invented clash near {place}."
            found = mention("e1", text, date=day, place=place, lat=lat, lon=lon, country=country)
            agency = ("dz-mdn", "tn-gn")[k % 2 if k % 3 else 0]
            items.append(new_report(text, agency=agency, marking=MARKINGS[k % 5], mentions=[found]))
        opened.add_reports(items)
        yield opened  # type: ignore[misc]


def _expected(store: Store, reader: Reader) -> list[str]:
    """The events of the reports the reader may see, most recent first (ties by id)."""
    ids = {e for r in store.list_reports(ReportQuery(limit=1000), reader) for e in event_ids_of(store, r["id"])}
    everything = store.list_events(EventQuery(limit=1000), ADMIN)
    return [e["id"] for e in everything if e["id"] in ids]


def test_pages_are_the_readers_list_cut_in_order(store: Store) -> None:
    everything = store.list_events(EventQuery(limit=1000), ADMIN)
    assert len(everything) == 20
    for newer, older in pairwise(everything):
        assert newer["date"] > older["date"] or (newer["date"] == older["date"] and newer["id"] < older["id"])
    wanted = {name: _expected(store, reader) for name, reader in READERS.items()}
    assert len({tuple(ids) for ids in wanted.values()}) == len(READERS)  # the readers see different events
    for size in (1, 3, 7):
        for offset in range(0, 21, size):
            for name, reader in READERS.items():  # the readers take turns: statements are kept between reads
                page = store.list_events(EventQuery(limit=size, offset=offset), reader)
                assert [e["id"] for e in page] == wanted[name][offset : offset + size], (name, size, offset)


def test_filtered_pages_keep_to_the_reader(store: Store) -> None:
    for name, reader in READERS.items():
        wanted = [e for e in _expected(store, reader) if e in _events_in(store, "LY")]
        pages = [store.list_events(EventQuery(country="LY", limit=2, offset=k), reader) for k in range(0, 12, 2)]
        got = [e["id"] for page in pages for e in page]
        assert got == wanted, name


def test_a_class_made_after_a_read_is_seen_by_its_readers(store: Store) -> None:
    reader = READERS["ly analyst"]
    before = store.list_events(EventQuery(limit=1000), reader)
    # An agency's first RED report makes a new access class; its own analyst sees it at once.
    text = "SYNTHETIC page test: an invented RED note near Ghat."
    late = new_report(text, agency="ly-x", marking=Marking.RED, mentions=[mention("e1", text, date="2026-01-01")])
    store.add_reports([late])
    after = store.list_events(EventQuery(limit=1000), reader)
    assert [e["id"] for e in after] == event_ids_of(store, late.report.id) + [e["id"] for e in before]
    assert after[0]["marking"] == "RED"
    assert event_ids_of(store, late.report.id)[0] not in {
        e["id"] for e in store.list_events(EventQuery(limit=1000), READERS["tn analyst"])
    }


def _events_in(store: Store, country: str) -> set[str]:
    return {e["id"] for e in store.list_events(EventQuery(country=country, limit=1000), ADMIN)}
