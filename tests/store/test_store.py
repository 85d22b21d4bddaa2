import gc
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from borderwatch.errors import NewerDatabaseError, NotOurDatabaseError, StoreError
from borderwatch.model import (
    Actor,
    ActorType,
    EventMention,
    EventType,
    Evidence,
    ExtractResult,
    Location,
    Report,
    ReportRef,
    Source,
)
from borderwatch.store import EventQuery, NewReport, Reader, ReportQuery, Store, _write
from borderwatch.store._schema import exchange_index, extractions, report_access

ADMIN = Reader.local_admin()


def _report(text: str, **kw: object) -> Report:
    report = Report(id="", text=text, **kw)  # type: ignore[arg-type]
    report.id = report.content_hash[:24]
    return report


def _extraction(report: Report, country: str, day: str, sub_type: str = "Armed clash") -> ExtractResult:
    event = EventMention(
        id="e1",
        event_type=EventType.BATTLES,
        sub_event_type=sub_type,
        date=day,
        time_precision=1,
        actor1=Actor(
            text="the army", name="Military Forces of Tunisia (2021-)", type=ActorType.STATE_FORCES, country="TN"
        ),
        location=Location(
            name="Kasserine", lat=35.17, lon=8.83, country=country, geo_precision=1, border="DZA-TUN", border_km=38.0
        ),
        fatalities=2,
        evidence=Evidence(sentence=report.text, start=0, end=len(report.text)),
        confidence=0.8,
    )
    return ExtractResult(report=ReportRef(id=report.id), events=[event])


def test_new_database_is_created_and_reopened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with Store(url) as store:
        assert store.add_reports([NewReport(report=_report("SYNTHETIC. One."))]) == [True]
    with Store(url) as store:
        assert store.count("reports", ADMIN) == 1
    mode = sqlite3.connect(tmp_path / "a.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_new_file_has_small_pages_and_an_older_one_keeps_its_own(tmp_path: Path) -> None:
    """A new store's pages are 2 KB (each row put in a hash-keyed index rewrites a page); a file created with
    SQLite's 4 KB keeps them, and both checkpoint their WAL at the same number of bytes: 256 MiB, so that a page
    that many batches rewrite is copied into the file once per ~50 batches."""
    older = tmp_path / "older.db"
    with sqlite3.connect(older) as connection:  # a file already written, as an earlier version left it
        connection.execute("PRAGMA page_size=4096")
        connection.execute("PRAGMA journal_mode=WAL")
    checkpoints = {}
    for name, pages in (("new.db", 2048), ("older.db", 4096)):
        with Store(f"sqlite:///{tmp_path / name}") as store:
            store.add_reports([NewReport(report=_report(f"SYNTHETIC. One report in {name}."))])
            with store._engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA page_size").scalar() == pages
                checkpoints[name] = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() * pages
    assert checkpoints["new.db"] == checkpoints["older.db"] == 256 << 20


def test_a_batch_hands_its_extractions_to_the_database_as_json_text(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's extractions go to the driver as JSON text, not as nested dicts and lists (a hundred objects a
    report that the garbage collector would track and promote until the statement freed them), and read back
    as the model's JSON."""
    handed: list[dict[str, object]] = []
    real = _write.bulk_insert

    def spy(connection: object, table: Any, rows: Any, **kw: Any) -> None:
        if table.name == "extractions":
            handed.extend(rows)
        real(connection, table, rows, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_write, "bulk_insert", spy)
    report = _report("SYNTHETIC. Soldiers clashed with an invented band of smugglers near Kasserine.")
    extraction = _extraction(report, "TN", "2025-03-02")
    with Store(db_url) as store:
        assert store.add_reports([NewReport(report=report, extraction=extraction)]) == [True]
        with store._engine.connect() as connection:
            stored = connection.execute(select(extractions.c.result)).scalar_one()
    assert [type(row["result"]) for row in handed] == [str]
    assert not any(gc.is_tracked(value) for row in handed for value in row.values())
    assert stored == extraction.model_dump(mode="json")


def test_a_batch_writes_its_access_and_exchange_rows_straight_through_the_driver(db_url: str) -> None:
    """The rows every report adds to `report_access` and `exchange_index` go to the driver's executemany as
    prepared tuples (`bulk_insert`), not through SQLAlchemy's per-row parameter building, and read back whole."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    texts = [f"SYNTHETIC. Invented smugglers number {n} were stopped near Kasserine." for n in range(3)]
    items = [NewReport(report=_report(text)) for text in texts]
    with Store(db_url) as store:
        event.listen(store._engine, "before_cursor_execute", seen)
        try:
            assert store.add_reports(items) == [True, True, True]
        finally:
            event.remove(store._engine, "before_cursor_execute", seen)
        with store._engine.connect() as connection:
            access = connection.execute(select(report_access.c.report_id)).scalars().all()
            shared = connection.execute(select(exchange_index.c.report_id, exchange_index.c.withdrawn)).all()
    assert not [s for s in statements if "INTO report_access" in s or "INTO exchange_index" in s]
    assert sorted(access) == sorted(i.report.id for i in items)
    assert sorted(shared) == sorted((i.report.id, False) for i in items)


def test_an_event_gaining_a_mention_is_compared_on_the_columns_it_sets(db_url: str) -> None:
    """Re-deriving a stored event that gained a mention reads back only the columns an update sets (not the whole
    row: its creation time and the like were read and converted for nothing), and the event is updated."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    first = _report("SYNTHETIC. Soldiers clashed with an invented band near Kasserine, two dead.")
    second = _report("SYNTHETIC. Two were killed as soldiers clashed with an invented band near Kasserine.")
    with Store(db_url) as store:
        store.add_reports([NewReport(report=first, extraction=_extraction(first, "TN", "2025-03-02"))])
        event.listen(store._engine, "before_cursor_execute", seen)
        try:
            store.add_reports([NewReport(report=second, extraction=_extraction(second, "TN", "2025-03-02"))])
        finally:
            event.remove(store._engine, "before_cursor_execute", seen)
        listed = store.list_events(EventQuery(), ADMIN)
    assert len(listed) == 1 and listed[0]["sources"] == 2
    reread = [s for s in statements if s.lstrip().startswith("SELECT events.id, events.event_type")]
    assert reread and not [s for s in reread if "created_at" in s]


def test_a_batch_makes_each_access_class_once(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The access class of a batch's reports is made once per distinct sharing attributes (a model and a SHA-256
    each), and every report gets the class of its own attributes."""
    made: list[str] = []
    real = _write.AccessClass.of_report

    def counted(report: Report, recipients: Any = (), foreign: bool = False) -> Any:
        made.append(report.id)
        return real(report, recipients, foreign)

    monkeypatch.setattr(_write.AccessClass, "of_report", counted)
    markings = ["GREEN", "AMBER", "GREEN", "GREEN", "AMBER", "CLEAR"]
    items = [
        NewReport(report=_report(f"SYNTHETIC. Invented smugglers number {n} were stopped near Kasserine.", marking=m))
        for n, m in enumerate(markings)
    ]
    with Store(db_url) as store:
        assert store.add_reports(items) == [True] * 6
        with store._engine.connect() as connection:
            classes = dict(connection.execute(select(report_access.c.report_id, report_access.c.class_id)).all())
    assert len(made) == 3
    by_marking: dict[str, set[int]] = {}
    for item, marking in zip(items, markings, strict=True):
        by_marking.setdefault(marking, set()).add(classes[item.report.id])
    assert all(len(ids) == 1 for ids in by_marking.values()) and len(set().union(*by_marking.values())) == 3


def test_same_content_is_stored_once(db_url: str) -> None:
    with Store(db_url) as store:
        first = _report("SYNTHETIC. Guards   arrested two smugglers.")
        rewrapped = _report("SYNTHETIC. Guards arrested\ntwo smugglers.")
        assert store.add_reports([NewReport(report=first)]) == [True]
        assert store.add_reports([NewReport(report=rewrapped)]) == [False]
        assert store.known_hashes([first.content_hash, "0" * 64]) == {first.content_hash}


def test_a_failed_batch_stores_nothing(db_url: str) -> None:
    with Store(db_url) as store:
        good = NewReport(report=_report("SYNTHETIC. Good."))
        bad = NewReport(report=_report("SYNTHETIC. Bad."), near_duplicates=[("no-such-report", 0.9)])
        with pytest.raises(Exception):  # noqa: B017 - the foreign key fails; which class is the driver's
            store.add_reports([good, bad])
        assert store.count("reports", ADMIN) == 0


def test_near_duplicate_links_and_band_candidates(db_url: str) -> None:
    with Store(db_url) as store:
        a, b = _report("SYNTHETIC. Story A."), _report("SYNTHETIC. Story A, edited.")
        store.add_reports([NewReport(report=a, signature=b"sig-a", band_keys=[1, 2])])
        store.add_reports([NewReport(report=b, signature=b"sig-b", band_keys=[2, 3], near_duplicates=[(a.id, 0.8)])])
        assert store.band_candidates([2, 3]) == {2: {a.id: b"sig-a", b.id: b"sig-b"}, 3: {b.id: b"sig-b"}}
        assert store.band_candidates([2], max_per_key=1) == {}
        assert store.get_report(b.id, ADMIN)["near_duplicates"] == [{"report_id": a.id, "similarity": 0.8}]


def test_events_are_stored_with_evidence_and_filtered(db_url: str) -> None:
    with Store(db_url) as store:
        tn = _report("SYNTHETIC. Clash near Kasserine.", source=Source(name="Synthetic Wire"))
        dz = _report("SYNTHETIC. Clash near Tebessa.")
        store.add_reports([NewReport(report=tn, extraction=_extraction(tn, "TN", "2025-03-02"))])
        store.add_reports([NewReport(report=dz, extraction=_extraction(dz, "DZ", "2025-04-10", "Armed clash"))])
        assert store.count("events", ADMIN) == 2
        tunisia = store.list_events(EventQuery(country="tn"), ADMIN)
        assert [e["country"] for e in tunisia] == ["TN"]
        assert tunisia[0]["actor1"] == "Military Forces of Tunisia (2021-)"
        assert tunisia[0]["sources"] == 1
        assert len(store.list_events(EventQuery(since=date(2025, 4, 1)), ADMIN)) == 1
        assert (
            len(store.list_events(EventQuery(event_type="armed clash", border="dza-tun", max_border_km=40), ADMIN)) == 2
        )
        assert store.list_events(EventQuery(event_type="Protests"), ADMIN) == []
        reports = store.list_reports(ReportQuery(country="TN"), ADMIN)
        assert [(r["id"], r["source"], r["events"]) for r in reports] == [(tn.id, "Synthetic Wire", 1)]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes")
    with pytest.raises(NotOurDatabaseError, match="not an SQLite file"):
        Store(f"sqlite:///{path}")
    assert path.read_text() == "these are my notes"


def test_an_sqlite_file_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE customers (id INTEGER)").connection.commit()
    with pytest.raises(NotOurDatabaseError, match="not a borderwatch database"):
        Store(f"sqlite:///{path}")


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    Store(url).close()
    connection = sqlite3.connect(tmp_path / "new.db")
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    with pytest.raises(NewerDatabaseError, match="newer borderwatch"):
        Store(url)


def test_a_database_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{tmp_path / 'nope' / 'x.db'}")
