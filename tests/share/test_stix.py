"""STIX 2.1: export → import keeps every field of ours, bundles validate, markings are TLP 2.0."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import stix2
from stix2validator import ValidationOptions, validate_string

from borderwatch.errors import InputError
from borderwatch.model import (
    Actor,
    ActorType,
    EventType,
    ExtractResult,
    FieldPosition,
    Marking,
    Place,
    Quantity,
    Report,
    ReportKind,
    ReportRef,
    Source,
)
from borderwatch.share import (
    EXT_EVENT,
    EXT_REPORT,
    MARKING_IDS,
    TLP2_EXTENSION,
    export_stix,
    import_bundle,
    zone_from_object,
    zone_object,
)
from borderwatch.store import EventQuery, NewReport, Reader, Store
from tests.share.helpers import fresh_db, mention, new_report

ADMIN = Reader.local_admin()


def _rich_reports() -> list[NewReport]:
    """Reports that use every field we carry."""
    text = "SYNTHETIC. Gunmen attacked a patrol near Tebessa on Tuesday; two soldiers and one attacker died."
    news = Report(
        text=text,
        kind=ReportKind.HTML,
        title="Patrol attacked near Tebessa",
        published=datetime(2025, 5, 6, 8, 30),
        source=Source(name="Synthetic Daily", url="https://synthetic.example/daily", reliability="B"),
        url="https://synthetic.example/daily/1",
        origin="web/daily-1.html",
        agency="dz-mdn",
        marking=Marking.AMBER,
        sharing_groups=("dz-tn-joint",),
        raw=b"<html><p>SYNTHETIC \xc3\xa9</p></html>",
    )
    first = mention("e1", text, fatalities=3, tags=["patrol", "joint operation"], confidence=0.83)
    first.quantities = [Quantity(kind="fatalities", value=3, qualifier="at_least", text="three")]
    first.assoc_actors = [Actor(text="locals", name="Civilians (Algeria)", type=ActorType.CIVILIANS, country="DZ")]
    first.modality = None
    second = mention(
        "e2",
        text,
        event_type=EventType.STRATEGIC_DEVELOPMENTS,
        sub_event_type="Arrests",
        date="2025-05",
        time_precision=2,
        place=None,
        lat=None,
        lon=None,
        country="DZ",
        geo_precision=None,
        border=None,
        border_km=None,
        fatalities=None,
        actor1=None,
    )
    extraction = ExtractResult(
        report=ReportRef(id=news.id, source="Synthetic Daily", title=news.title, published="2025-05-06"),
        places=[
            Place(
                text="Tebessa",
                start=42,
                end=49,
                name="Tebessa",
                geonameid=2477461,
                lat=35.40,
                lon=8.12,
                country="DZ",
                admin1="Tebessa",
                feature_code="PPLA",
                confidence=0.9,
            )
        ],
        actors=[Actor(text="Gunmen", name="Unidentified Armed Group (Algeria)", type=ActorType.REBEL_GROUP)],
        events=[first, second],
    )
    post_text = "SYNTHETIC. Post DZ-BBM-03 saw two pickups heading south at dawn."
    post = Report(
        text=post_text,
        kind=ReportKind.FIELD,
        published=datetime(2025, 6, 2, 5, 40),
        agency="dz-anp",
        marking=Marking.RED,
        post_id="DZ-BBM-03",
        position=FieldPosition(lat=21.33, lon=0.95),
        category="sighting",
        origin="posts.jsonl#3",
    )
    sighting = mention(
        "e1",
        post_text,
        event_type=EventType.STRATEGIC_DEVELOPMENTS,
        sub_event_type="Other",
        place="Bordj Badji Mokhtar",
        lat=21.33,
        lon=0.95,
        border="DZA-MLI",
        border_km=12.5,
        tags=["infiltration"],
    )
    green = new_report(
        "SYNTHETIC. A protest in Ghadames ended peacefully.",
        agency="ly-x",
        marking=Marking.GREEN,
        mentions=[
            mention(
                "e1",
                "A protest in Ghadames.",
                event_type=EventType.PROTESTS,
                sub_event_type="Peaceful protest",
                country="LY",
                place="Ghadames",
                border="DZA-LBY",
                border_km=8.0,
                fatalities=0,
                actor1="Protesters (Libya)",
                actor1_type=ActorType.PROTESTERS,
            )
        ],
    )
    return [
        NewReport(report=news, extraction=extraction),
        NewReport(report=post, extraction=ExtractResult(report=ReportRef(id=post.id), events=[sighting])),
        green,
        new_report(
            "SYNTHETIC. CLEAR bulletin: border crossing reopened.",
            agency="tn-gn",
            marking=Marking.CLEAR,
            mentions=[
                mention(
                    "e1",
                    "Crossing reopened.",
                    event_type=EventType.STRATEGIC_DEVELOPMENTS,
                    sub_event_type="Change to group/activity",
                    country="TN",
                    fatalities=None,
                )
            ],
        ),
    ]


@pytest.fixture
def source(tmp_path: Path) -> Store:
    with Store(fresh_db(tmp_path, "a.db")) as store:
        store.add_reports(_rich_reports())
        yield store  # type: ignore[misc]


def _export(store: Store, reader: Reader, query: EventQuery | None = None) -> dict[str, Any]:
    out = io.StringIO()
    export_stix(store, reader, query or EventQuery(), out)
    return json.loads(out.getvalue())


def _versions(store: Store) -> dict[str, tuple[Report, ExtractResult | None]]:
    return {i.report_id: (i.report, i.extraction) for i in store.exchange.changes(None, 1000) if i.report}


def test_export_then_import_keeps_every_field(source: Store, tmp_path: Path) -> None:
    bundle = _export(source, ADMIN)
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    with Store(fresh_db(tmp_path, "b.db")) as target:
        summary = import_bundle(target, path, ADMIN, recipients=("agency:tn-gn",))
        assert (dict(summary.outcomes), summary.failures) == ({"created": 4}, [])
        assert _versions(target) == _versions(source)
        columns = (
            "id",
            "event_type",
            "sub_event_type",
            "tags",
            "date",
            "location_name",
            "lat",
            "lon",
            "country",
            "geo_precision",
            "border",
            "border_km",
            "fatalities",
            "confidence",
            "actor1",
            "actor2",
            "marking",
        )
        events = [{k: e[k] for k in columns} for e in source.list_events(EventQuery(), ADMIN)]
        assert [{k: e[k] for k in columns} for e in target.list_events(EventQuery(), ADMIN)] == events
        # The same bundle again changes nothing; the reports stay one each.
        again = import_bundle(target, path, ADMIN, recipients=("agency:tn-gn",))
        assert dict(again.outcomes) == {"unchanged": 4}
        assert target.count("reports", ADMIN) == 4


def test_bundle_validates_and_carries_tlp2_markings(source: Store) -> None:
    bundle = _export(source, ADMIN)
    results = validate_string(json.dumps(bundle), ValidationOptions(version="2.1"))
    assert results.is_valid, results.errors
    # Our ids are UUIDv5 on purpose (the same report has the same id everywhere): the only warning allowed.
    assert [w for w in results.warnings if "{103}" not in w] == []
    by_id = {o["id"]: o for o in bundle["objects"]}
    for marking, ref in MARKING_IDS.items():
        definition = by_id[ref]
        assert definition["name"] == f"TLP:{marking.value}"
        assert definition["extensions"][TLP2_EXTENSION]["tlp_2_0"] == marking.value.lower()
    for obj in bundle["objects"]:
        stix2.parse(obj, allow_custom=False, version="2.1")
        if obj["type"] not in ("marking-definition",):
            assert len(obj["object_marking_refs"]) == 1 and obj["object_marking_refs"][0] in MARKING_IDS.values()
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    for report in reports:
        for ref in report["object_refs"]:
            if not ref.startswith("identity--") or "agency" not in by_id[ref].get("description", ""):
                assert by_id[ref]["object_marking_refs"] == report["object_marking_refs"], ref
    kinds = {o["type"] for o in bundle["objects"]}
    assert {
        "report",
        "incident",
        "location",
        "identity",
        "threat-actor",
        "sighting",
        "marking-definition",
        "extension-definition",
    } <= kinds
    incident = next(o for o in bundle["objects"] if o["type"] == "incident" and "Armed clash" in o["name"])
    fields = incident["extensions"][EXT_EVENT]
    assert {"event_type", "sub_event_type", "fatalities", "time_precision", "location", "evidence"} <= set(fields)
    assert {"geo_precision", "border", "border_km"} <= set(fields["location"])


def test_export_holds_only_what_the_reader_may_see(source: Store) -> None:
    bundle = _export(source, Reader(agency="tn-gn", user="u"))
    text = json.dumps(bundle)
    for secret in ("Gunmen attacked", "pickups", "Bordj Badji Mokhtar", "Synthetic Daily", "DZ-BBM-03"):
        assert secret not in text
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    assert sorted(o["extensions"][EXT_REPORT]["agency"]["id"] for o in reports) == ["ly-x", "tn-gn"]
    assert _export(source, Reader(agency="tn-gn", user="u"), EventQuery(country="LY"))["objects"][-1]["name"] == (
        "SYNTHETIC. A protest in Ghadames ended peacefully."
    )


def test_a_lowered_marking_inside_a_bundle_is_refused(source: Store, tmp_path: Path) -> None:
    bundle = _export(source, ADMIN)
    for obj in bundle["objects"]:
        if obj["type"] == "incident" and obj["object_marking_refs"] == [MARKING_IDS[Marking.RED]]:
            obj["object_marking_refs"] = [MARKING_IDS[Marking.GREEN]]
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(bundle))
    with Store(fresh_db(tmp_path, "b.db")) as target:
        summary = import_bundle(target, path, ADMIN)
        assert dict(summary.outcomes) == {"created": 3}
        assert [reason for _, reason in summary.failures] == [
            f"{o} is not marked like its report (RED)"
            for o in [next(o["id"] for o in bundle["objects"] if o["type"] == "incident" and "Other" in o["name"])]
        ]


def test_foreign_stix_reports_keep_their_marking(tmp_path: Path) -> None:
    author = stix2.Identity(name="Synthetic Partner Centre", identity_class="organization")
    marked = stix2.Report(
        name="SYNTHETIC partner note",
        description="SYNTHETIC. A convoy was seen near Nalut.",
        published="2025-04-01T00:00:00Z",
        object_refs=[author.id],
        created_by_ref=author.id,
        object_marking_refs=[stix2.TLP_GREEN],
    )
    unmarked = stix2.Report(name="SYNTHETIC unmarked", published="2025-04-02T00:00:00Z", object_refs=[author.id])
    path = tmp_path / "foreign.json"
    path.write_text(stix2.Bundle(author, marked, unmarked, allow_custom=True).serialize())
    with Store(fresh_db(tmp_path)) as store:
        summary = import_bundle(store, path, ADMIN)
        assert dict(summary.outcomes) == {"created": 1} and len(summary.failures) == 1
        [item] = [i for i in store.exchange.changes(None, 10) if i.report]
        assert (item.report.marking, item.report.agency) == (Marking.GREEN, "synthetic-partner-centre")
        import_bundle(store, path, ADMIN, default_marking=Marking.AMBER)
        markings = sorted(i.report.marking.value for i in store.exchange.changes(None, 10) if i.report)
        assert markings == ["AMBER", "GREEN"]


def test_not_a_bundle_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"type": "report"}')
    with Store(fresh_db(tmp_path)) as store, pytest.raises(InputError, match="not a STIX bundle"):
        import_bundle(store, path, ADMIN)


def test_zone_polygons_round_trip() -> None:
    zone = {
        "name": "Synthetic Kasserine strip",
        "kind": "polygon",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[8.3, 35.0], [8.9, 35.0], [8.9, 35.5], [8.3, 35.5], [8.3, 35.0]]],
        },
        "border": None,
        "km": None,
        "rules": {"event_types": ["Battles"], "min_confidence": 0.5},
    }
    obj = zone_object(zone, Marking.AMBER)
    stix2.parse(obj, allow_custom=False, version="2.1")
    assert 35.0 <= obj["latitude"] <= 35.5 and 8.3 <= obj["longitude"] <= 8.9
    assert zone_from_object(obj) == zone
    strip = zone_object(
        {"name": "DZA-TUN 30 km", "kind": "border", "border": "DZA-TUN", "km": 30, "geometry": zone["geometry"]}
    )
    assert zone_from_object(strip)["border"] == "DZA-TUN" and zone_from_object(strip)["km"] == 30


def test_a_report_version_derives_each_of_its_own_ids_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building a report's objects hashes each id of the version once (report, incidents, sightings): a peer's
    page is hundreds of reports. Shared objects (places, actors, agencies) come from a cache. SYNTHETIC."""
    from borderwatch.share import _stix_objects
    from borderwatch.share._stix_map import report_objects
    from borderwatch.store import ExchangeItem
    from tests.share.helpers import mention, new_report

    text = "SYNTHETIC: the invented Dune Katiba clashed twice with a patrol near the invented post Bir Tamesna."
    built = new_report(text, mentions=[mention("e1", text), mention("e2", text, date="2025-05-04")])
    when = datetime(2025, 5, 5, 9)
    item = ExchangeItem(built.report.id, when, when, when, False, None, None, built.report, built.extraction)
    report_objects(item, None, "installation-a")  # shared objects cached
    hashed: list[tuple[str, str]] = []
    original = _stix_objects.stix_id

    def counting(kind: str, name: str) -> str:
        hashed.append((kind, name))
        return original(kind, name)

    monkeypatch.setattr(_stix_objects, "stix_id", counting)
    monkeypatch.setattr(_stix_objects, "stix_report_id", lambda rid: counting("report", f"report|{rid}"))
    objects = report_objects(item, None, "installation-a")
    own = {o["id"] for o in objects if o["type"] in ("report", "incident", "sighting")}
    assert len(own) == 5 and len(hashed) == len(set(hashed)) == 5


def test_compact_drops_none_and_what_empties_but_keeps_falsy_scalars() -> None:
    from borderwatch.share._stix_objects import compact

    value = {"a": None, "b": [], "c": {"d": None, "e": []}, "f": 0, "g": "", "h": False, "i": [{"j": None}, (1, None)]}
    assert compact(value) == {"f": 0, "g": "", "h": False, "i": [{}, [1, None]]}


@pytest.mark.parametrize(
    "name",
    ["", "report|37f771bbf1503fb1319499e1", "incident|r1|e0", "location|geonames:2507480|AMBER", "é|ğ|ع", "x" * 300],
)
def test_stable_ids_are_uuid5_in_our_namespace(name: str) -> None:
    """Another installation (or an older version of ours) derives the same ids with `uuid.uuid5`: the hand-made
    digest must give exactly that UUID, version and variant bits included."""
    import uuid

    from borderwatch.store._exchange import STIX_NAMESPACE, stix_id

    made = stix_id("incident", name)
    expected = uuid.uuid5(STIX_NAMESPACE, name)
    assert made == f"incident--{expected}"
    assert uuid.UUID(made.removeprefix("incident--")).version == 5
