"""Events checked against zones as they are stored: membership, one alert per event and zone, spikes."""

from __future__ import annotations

from pathlib import Path

import shapely
from sqlalchemy import update

from borderwatch.model import EventType
from borderwatch.store import AlertQuery, EventQuery, Reader, Store
from borderwatch.store._schema import events
from borderwatch.zones import SpikeRule, ZoneRules, ZoneSpec, polygon_from_geojson
from tests.api.fixtures import KASSERINE, SyntheticEvent, SyntheticReport, event_at, fill_store, make_report, square


def _store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'watch.db'}")


def _zone(store: Store, name: str, rules: ZoneRules, geometry: dict | None = None) -> int:  # type: ignore[type-arg]
    spec = ZoneSpec(name=name, geometry=geometry or square(KASSERINE[2], KASSERINE[1]), rules=rules)
    return int(store.create_zone(spec, polygon_from_geojson(spec.geometry))["id"])


def _alerts(store: Store) -> list[dict]:  # type: ignore[type-arg]
    return store.list_alerts(AlertQuery(limit=1000), reader=Reader.local_admin())[0]


def test_only_matching_events_in_the_zone_raise_alerts_once(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        battles = _zone(store, "battles", ZoneRules(event_types=("Battles",)))
        riots = _zone(store, "riots", ZoneRules(event_types=("Riots",)))
        everything = _zone(
            store,
            "world",
            ZoneRules(),
            {"type": "Polygon", "coordinates": [[[-20, 0], [40, 0], [40, 40], [-20, 40], [-20, 0]]]},
        )
        fill_store(store)
        alerts = _alerts(store)
        assert {(a["zone"]["id"], a["kind"]) for a in alerts if a["zone"]["id"] != everything} == {(battles, "event")}
        assert len([a for a in alerts if a["zone"]["id"] == everything]) == 7
        assert all(a["zone"]["id"] != riots for a in alerts)
        kasserine = event_at(store, "Kasserine")
        assert store.events_changed([kasserine["id"]]) == []  # checked again: no second alert
        assert len(_alerts(store)) == 8
        assert len(store.search_events(EventQuery(zone_id=battles), reader=Reader.local_admin())[0]) == 1


def test_an_event_that_comes_to_match_after_an_update_alerts_once(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        zone = _zone(store, "confident", ZoneRules(min_confidence=0.9))
        fill_store(store)
        assert _alerts(store) == []
        kasserine = event_at(store, "Kasserine")
        # What fusion does when a later report corroborates the event: it raises its confidence.
        with store._engine.begin() as connection:
            connection.execute(update(events).where(events.c.id == kasserine["id"]).values(confidence=0.95))
        (alert_id,) = store.events_changed([kasserine["id"]])
        assert store.events_changed([kasserine["id"]]) == []
        (alert,) = _alerts(store)
        assert alert["id"] == alert_id and alert["zone"]["id"] == zone and alert["event_id"] == kasserine["id"]


def test_an_event_moved_out_of_a_zone_leaves_it(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        zone = _zone(store, "box", ZoneRules())
        fill_store(store)
        kasserine = event_at(store, "Kasserine")
        assert [e["id"] for e in store.search_events(EventQuery(zone_id=zone), reader=Reader.local_admin())[0]] == [
            kasserine["id"]
        ]
        with store._engine.begin() as connection:
            connection.execute(update(events).where(events.c.id == kasserine["id"]).values(lat=30.0))
        store.events_changed([kasserine["id"]])
        assert store.search_events(EventQuery(zone_id=zone), reader=Reader.local_admin())[0] == []
        assert store.get_zone(zone, reader=Reader.local_admin())["events"] == 0


def test_spike_against_the_zones_own_baseline(tmp_path: Path) -> None:
    spike = SpikeRule(days=7, baseline_days=56, factor=3, min_events=3)
    with _store(tmp_path) as store:
        zone = _zone(store, "spiky", ZoneRules(alert_events=False, spike=spike))
        # A quiet baseline: one clash a fortnight for eight weeks, then four in one week.
        days = [
            "2025-01-06",
            "2025-01-20",
            "2025-02-03",
            "2025-02-17",
            "2025-03-03",
            "2025-03-04",
            "2025-03-05",
        ]
        # The week's incidents differ in town or kind: fusion rightly takes same-town clashes a day apart
        # for one happening.
        towns = [KASSERINE] * 5 + [("Sbeitla", 35.23, 9.13, "TN"), ("Feriana", 34.95, 8.57, "TN")]
        kinds = [(EventType.BATTLES, "Armed clash")] * 5 + [
            (EventType.EXPLOSIONS, "Remote explosive/landmine/IED"),
            (EventType.BATTLES, "Armed clash"),
        ]
        for n, (day, town, (kind, sub)) in enumerate(zip(days, towns, kinds, strict=True)):
            event = SyntheticEvent(f"Incident number {n} near {town[0]}.", kind, sub, town, day)
            store.add_reports([make_report(SyntheticReport(title=f"r{n}", published=day, events=[event]))])
        alerts = _alerts(store)
        assert [(a["kind"], a["details"]["recent"], a["details"]["window"]["to"]) for a in alerts] == [
            ("spike", 3, "2025-03-05")
        ]
        assert alerts[0]["zone"]["id"] == zone and alerts[0]["event_id"] is None
        assert "activity spike: 3 events in the 7 days to 2025-03-05" in alerts[0]["reason"]


def test_zones_written_by_another_process_are_seen(tmp_path: Path) -> None:
    with _store(tmp_path) as writer, _store(tmp_path) as other:
        fill_store(writer, [])  # the writer's zone index is loaded (empty) before the zone exists
        _zone(other, "box", ZoneRules())
        fill_store(writer)
        assert len(_alerts(writer)) == 1


def test_index_is_rebuilt_only_when_zones_change(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        _zone(store, "box", ZoneRules())
        with store._engine.connect() as connection:
            first = store._zone_cache.get(connection)[0]
            assert store._zone_cache.get(connection)[0] is first
        _zone(store, "second", ZoneRules(), {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]})
        with store._engine.connect() as connection:
            index = store._zone_cache.get(connection)[0]
        assert index is not first and len(index) == 2
        assert shapely.Point(0, 0) is not None
