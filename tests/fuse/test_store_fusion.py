"""Fusion through the store: events built as reports are stored, provenance, idempotence, analysts' decisions."""

from __future__ import annotations

import pytest

from borderwatch.errors import InputError, NotFoundError
from borderwatch.model import ExtractResult, ReportRef
from borderwatch.store import EventQuery, NewReport, Reader, Store

from ._make import mention, report

ATTACK = {"etype": "Violence against civilians", "sub": "Attack", "actor1": "Islamic State Sahel"}

ADMIN = Reader.local_admin()


def market_attack_reports() -> list[NewReport]:
    """Three reports of one invented market attack in Ouallam, and one of another attack there a week later."""
    return [
        report(
            "SYNTHETIC. Gunmen killed seven civilians at the Ouallam livestock market on Sunday.",
            [
                mention(
                    **ATTACK, fatalities=7, sentence="Gunmen killed seven civilians at the Ouallam livestock market."
                )
            ],
            source="Niamey Evening (synthetic)",
        ),
        report(
            "SYNTHETIC. An armed group attacked the livestock market of Ouallam on 6 April: eight civilians killed.",
            [mention(**ATTACK, fatalities=8, sentence="An armed group attacked the livestock market of Ouallam.")],
            source="Ministry communique (synthetic)",
            agency="ne-mdn",
            reliability="B",
            published="2025-04-08",
        ),
        report(
            "SYNTHETIC. At least 7 people were shot dead when militants raided the cattle market in Ouallam.",
            [
                mention(
                    **ATTACK, fatalities=7, sentence="At least 7 people were shot dead at the cattle market in Ouallam."
                )
            ],
            source="Sahel Dispatch (synthetic)",
        ),
        report(
            "SYNTHETIC. Five villagers were killed at a well near Ouallam on Sunday, a week after the market raid.",
            [
                mention(
                    **ATTACK,
                    day="2025-04-13",
                    fatalities=5,
                    sentence="Five villagers were killed at a well near Ouallam.",
                )
            ],
            published="2025-04-14",
        ),
    ]


@pytest.fixture
def store(db_url: str) -> Store:
    with Store(db_url) as opened:
        opened.add_reports(market_attack_reports())
        yield opened


def events_by_fatalities(store: Store) -> dict[int, dict]:
    return {e["fatalities"]: e for e in store.list_events(EventQuery(), ADMIN)}


def test_three_reports_one_event_and_the_other_attack_apart(store: Store) -> None:
    events = events_by_fatalities(store)
    assert sorted(events) == [5, 7]
    assert events[7]["sources"] == 3 and events[5]["sources"] == 1
    assert events[7]["date"] == "2025-04-06" and events[7]["actor1"] == "Islamic State Sahel"


def test_detail_gives_provenance_sources_and_why(store: Store) -> None:
    event_id = events_by_fatalities(store)[7]["id"]
    detail = store.event_provenance(event_id, reader=ADMIN)
    assert len(detail["mentions"]) == 3
    assert {m["source"] for m in detail["mentions"]} >= {"Niamey Evening (synthetic)", "Sahel Dispatch (synthetic)"}
    assert detail["provenance"]["fatalities"] in {m["id"] for m in detail["mentions"]}
    assert detail["independent_sources"] == 3 and detail["reliability"] == "B"
    reasons = [d["reason"] for d in detail["decisions"]]
    assert reasons == ["new", "matched", "matched"]
    matched = detail["decisions"][1]["explanation"]["best"]
    assert matched["score"] >= matched["threshold"]
    assert {f["name"] for f in matched["features"]} >= {"type", "date", "place", "actors"}


def test_storing_the_same_reports_again_changes_nothing(store: Store) -> None:
    before = sorted(e["id"] for e in store.list_events(EventQuery(), ADMIN))
    assert store.add_reports(market_attack_reports()) == [False] * 4
    assert sorted(e["id"] for e in store.list_events(EventQuery(), ADMIN)) == before


def test_re_extracting_gives_the_same_events(store: Store) -> None:
    before = {e["id"]: e["sources"] for e in store.list_events(EventQuery(), ADMIN)}
    for item in market_attack_reports():
        assert item.extraction is not None
        assert store.replace_extractions([item.extraction])["changed"] == 0  # the same result changes nothing
        edited = item.extraction.model_copy(deep=True)
        edited.events[0].confidence = round(edited.events[0].confidence / 2, 3)
        assert store.replace_extractions([edited])["changed"] == 1
    assert {e["id"]: e["sources"] for e in store.list_events(EventQuery(), ADMIN)} == before
    assert store.count("event_mentions", ADMIN) == 4


def test_deleting_a_report_updates_or_removes_its_events(store: Store) -> None:
    items = market_attack_reports()
    store.delete_report(items[3].report.id)
    assert sorted(events_by_fatalities(store)) == [7]
    result = store.delete_report(items[0].report.id)
    assert result == {"events_changed": 1, "events_removed": 0}
    (event,) = store.list_events(EventQuery(), ADMIN)
    assert event["sources"] == 2
    with pytest.raises(NotFoundError):
        store.delete_report(items[0].report.id)


def test_re_extraction_without_events_removes_an_only_sourced_event(store: Store) -> None:
    item = market_attack_reports()[3]
    store.replace_extractions([ExtractResult(report=ReportRef(id=item.report.id))])
    assert sorted(events_by_fatalities(store)) == [7]


def test_split_and_merge_are_respected_by_a_rerun(store: Store) -> None:
    items = market_attack_reports()
    event_id = events_by_fatalities(store)[7]["id"]
    new_id = store.split_event(event_id, [items[2].report.id], by="tester")
    assert store.count("events", ADMIN) == 3
    store.refuse()
    ids = {e["id"]: e["sources"] for e in store.list_events(EventQuery(), ADMIN)}
    assert ids[event_id] == 2 and ids[new_id] == 1
    assert store.event_provenance(new_id, reader=ADMIN)["decisions"][0]["reason"] == "analyst-split"
    store.merge_events(event_id, [new_id], by="tester")
    store.refuse()
    assert {e["id"]: e["sources"] for e in store.list_events(EventQuery(), ADMIN)}[event_id] == 3
    assert store.count("events", ADMIN) == 2


def test_a_new_report_respects_a_split(store: Store) -> None:
    items = market_attack_reports()
    event_id = events_by_fatalities(store)[7]["id"]
    store.split_event(event_id, [items[2].report.id])
    assert items[2].extraction is not None
    edited = items[2].extraction.model_copy(deep=True)
    edited.events[0].fatalities = 6  # a changed result: its mention is fused again
    assert store.replace_extractions([edited]) == {"reports": 1, "changed": 1, "mentions": 1, "merged": 0}
    assert store.count("events", ADMIN) == 3


def test_split_needs_mentions_on_both_sides(store: Store) -> None:
    event_id = events_by_fatalities(store)[5]["id"]
    with pytest.raises(InputError):
        store.split_event(event_id, [market_attack_reports()[3].report.id])
    with pytest.raises(InputError):
        store.split_event(event_id, ["no-such-mention"])
    with pytest.raises(NotFoundError):
        store.merge_events(event_id, ["Enope"])


def test_source_reliability_changes_confidence(store: Store) -> None:
    before = events_by_fatalities(store)[5]["confidence"]
    assert store.set_source_reliability("Synthetic Wire (synthetic)", "E") == 1
    assert events_by_fatalities(store)[5]["confidence"] < before
    with pytest.raises(InputError):
        store.set_source_reliability("Synthetic Wire (synthetic)", "G")


def test_mentions_of_intent_are_not_events(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([report("SYNTHETIC. The group threatened to attack.", [mention(modality="intent")])])
        assert store.count("events", ADMIN) == 0


def test_near_duplicate_copies_count_once(db_url: str) -> None:
    with Store(db_url) as store:
        first = market_attack_reports()[0]
        copy = report(
            "SYNTHETIC. Gunmen killed seven civilians at the Ouallam livestock market on Sunday, a copy.",
            [
                mention(
                    **ATTACK, fatalities=7, sentence="Gunmen killed seven civilians at the Ouallam livestock market."
                )
            ],
            source="Desert Courier (synthetic)",
            near_duplicates=[(first.report.id, 0.9)],
        )
        store.add_reports([first])
        store.add_reports([copy])
        (event,) = store.list_events(EventQuery(), ADMIN)
        assert event["sources"] == 2
        assert store.event_provenance(event["id"], reader=ADMIN)["independent_sources"] == 1


def test_cached_and_cold_reads_give_the_same_events(tmp_path) -> None:
    """Reports stored one batch at a time by one store (features and mentions from its cache) and by a new
    store for each batch (everything read from the database) end in the same events and decisions."""
    results = []
    for cold in (False, True):
        url = f"sqlite:///{tmp_path / f'cold{cold}.db'}"
        warm = Store(url)
        for item in market_attack_reports():
            if cold:
                with Store(url) as fresh:
                    fresh.add_reports([item])
            else:
                warm.add_reports([item])
        events = events_by_fatalities(warm)
        details = {f: warm.event_provenance(e["id"], reader=ADMIN) for f, e in events.items()}
        warm.close()
        results.append(
            {
                f: (e["id"], e["sources"], e["date"], [d["reason"] for d in details[f]["decisions"]])
                for f, e in events.items()
            }
        )
    assert results[0] == results[1] and sorted(results[0]) == [5, 7]


def test_an_event_update_sets_only_the_columns_that_change(store: Store) -> None:
    """An UPDATE that sets an indexed column rewrites its index entry even to the same value: a refreshed
    event is written only in the columns whose values changed (and its update time)."""
    from datetime import datetime

    from sqlalchemy import select

    from borderwatch.store._fusion_events import _changes
    from borderwatch.store._schema import events

    with store._engine.begin() as connection:
        stored = dict(connection.execute(select(events).order_by(events.c.id)).first()._mapping)  # type: ignore[union-attr]
        same = {k: v for k, v in stored.items() if k != "created_at"}
        now = datetime(2025, 4, 9, 12, 0)
        groups = _changes(connection, [{**same, "confidence": 0.123, "updated_at": now}])
        assert groups == [[{"id": stored["id"], "confidence": 0.123, "updated_at": now}]]
        moved = {**same, "lat": stored["lat"] + 0.5, "updated_at": now}
        assert _changes(connection, [moved]) == [[{"id": stored["id"], "lat": stored["lat"] + 0.5, "updated_at": now}]]
        gone = {**same, "id": "E-not-stored", "updated_at": now}
        assert _changes(connection, [gone]) == [[gone]]


def test_deleting_a_report_leaves_no_fusion_row_behind(store: Store) -> None:
    from sqlalchemy import func, select

    from borderwatch.store._schema import event_mentions, fusion_mentions

    def counts() -> tuple[int, int]:
        with store._engine.connect() as connection:
            total = connection.execute(select(func.count()).select_from(fusion_mentions)).scalar_one()
            orphans = connection.execute(
                select(func.count())
                .select_from(fusion_mentions)
                .where(fusion_mentions.c.key.not_in(select(event_mentions.c.id)))
            ).scalar_one()
        return total, orphans

    before, _ = counts()
    items = market_attack_reports()
    store.delete_report(items[3].report.id)
    after, orphans = counts()
    assert 0 < after < before and orphans == 0
    for item in items[:3]:
        store.delete_report(item.report.id)
    assert counts() == (0, 0)


def test_new_events_ids_follow_their_reports_days(db_url: str) -> None:
    """An event's id starts with its first report's day (the events here are four days apart), so that the
    B-trees keyed by event id (events, the event indexes of mentions and decisions) take a later day's new
    events at their end, not at random pages; the same input still gives the same ids."""
    places = ["Ouallam", "Ayorou", "Tessalit", "Aguelhok", "Kasserine", "Sbiba", "Ben Guerdane"]
    items = [
        report(
            f"SYNTHETIC. Soldiers clashed with gunmen near {place} on day {n}.",
            [mention(place=place, day=f"2025-05-{4 * n + 1:02d}", sentence=f"Soldiers clashed near {place}.")],
            published=f"2025-05-{4 * n + 2:02d}",
        )
        for n, place in enumerate(places)
    ]

    def ids_in_storing_order(url: str) -> list[str]:
        with Store(url) as opened:
            for item in items:
                opened.add_reports([item])
            by_report = opened.report_event_lists()
        return [by_report[item.report.id][0] for item in items]

    ids = ids_in_storing_order(db_url)
    assert len(set(ids)) == len(places) and ids == sorted(ids)
    assert ids_in_storing_order(db_url + "-again" if db_url.startswith("sqlite") else db_url) == ids
