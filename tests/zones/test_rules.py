"""Zone rules, spike arithmetic, the spatial index, zone shapes and webhook signatures: pure logic."""

from __future__ import annotations

from datetime import date

import pytest
import shapely

from borderwatch.errors import InputError
from borderwatch.zones import (
    SpikeRule,
    WatchedEvent,
    ZoneIndex,
    ZoneRules,
    backoff_seconds,
    is_spike,
    polygon_from_geojson,
    sign,
    spike_window,
    verify_signature,
)
from tests.api.fixtures import square


def _event(**overrides: object) -> WatchedEvent:
    values: dict[str, object] = {
        "id": "e1", "lat": 35.0, "lon": 8.8, "date": "2025-03-02", "event_type": "Battles",
        "sub_event_type": "Armed clash", "tags": ("patrol",), "actors": ("Unidentified Armed Group (Tunisia)",),
        "confidence": 0.7,
    }  # fmt: skip
    values.update(overrides)
    return WatchedEvent(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rules", "matches"),
    [
        (ZoneRules(), True),
        (ZoneRules(event_types=("battles",)), True),
        (ZoneRules(event_types=("Armed clash",)), True),
        (ZoneRules(event_types=("Riots", "Protests")), False),
        (ZoneRules(tags=("Patrol",)), True),
        (ZoneRules(tags=("smuggling",)), False),
        (ZoneRules(actors=("armed group",)), True),
        (ZoneRules(actors=("JNIM",)), False),
        (ZoneRules(min_confidence=0.7), True),
        (ZoneRules(min_confidence=0.71), False),
        (ZoneRules(event_types=("Battles",), tags=("smuggling",)), False),
    ],
)
def test_rules(rules: ZoneRules, matches: bool) -> None:
    assert rules.matches(_event()) is matches


def test_rules_read_strings_and_describe_themselves() -> None:
    rules = ZoneRules.model_validate({"event_types": "Battles", "tags": [" smuggling ", ""], "min_confidence": 0.5})
    assert rules.event_types == ("Battles",) and rules.tags == ("smuggling",)
    assert rules.describe() == "type Battles, tag smuggling, confidence ≥ 0.5"
    assert ZoneRules().describe() == "any event"


def test_spike_window_and_verdict() -> None:
    rule = SpikeRule(days=7, baseline_days=70, factor=3, min_events=3)
    window = spike_window(rule, date(2025, 3, 10))
    assert (window.baseline_start, window.start, window.end) == (
        date(2024, 12, 24),
        date(2025, 3, 4),
        date(2025, 3, 10),
    )
    assert is_spike(rule, recent=3, baseline=0) == (True, 0.0)
    assert is_spike(rule, recent=2, baseline=0)[0] is False  # too few to call a spike
    assert is_spike(rule, recent=6, baseline=20) == (True, 2.0)  # 3 times the 2 a week the baseline predicts
    assert is_spike(rule, recent=5, baseline=20)[0] is False


def test_index_finds_only_the_zones_that_hold_a_point() -> None:
    index = ZoneIndex(
        [(1, shapely.box(0, 0, 10, 10)), (2, shapely.box(5, 5, 15, 15)), (3, shapely.box(20, 20, 21, 21))]
    )
    assert index.containing(7, 7) == [1, 2]
    assert index.containing(1, 1) == [1]
    assert index.containing(10, 2) == [1]  # the edge belongs to the zone
    assert index.containing(50, 50) == []
    assert ZoneIndex([]).containing(0, 0) == []


def test_geojson_shapes() -> None:
    feature = {"type": "Feature", "properties": {}, "geometry": square(8.0, 35.0)}
    assert polygon_from_geojson(feature).bounds == (7.5, 34.5, 8.5, 35.5)
    collection = {"type": "FeatureCollection", "features": [feature, {"type": "Feature", "geometry": square(10, 35)}]}
    assert polygon_from_geojson(collection).geom_type == "MultiPolygon"
    bow_tie = {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}
    repaired = polygon_from_geojson(bow_tie)
    assert repaired.is_valid and repaired.area == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("not geojson", "GeoJSON object"),
        ({"type": "Point", "coordinates": [1, 2]}, "not a Point"),
        ({"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "not a LineString"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}, "not valid GeoJSON"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [2, 0], [0, 0]]]}, "no area"),
        ({"type": "Polygon", "coordinates": [[[170, 0], [190, 0], [190, 1], [170, 0]]]}, "within -180..180"),
        ({"type": "FeatureCollection", "features": []}, "no features"),
        ({"type": "Feature", "geometry": None}, "GeoJSON object"),
    ],
)
def test_bad_shapes_are_refused_with_the_reason(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        polygon_from_geojson(data)


def test_signature_and_backoff() -> None:
    body = b'{"type": "alert"}'
    signature = sign("0123456789abcdef", 1_700_000_000, body)
    assert signature.startswith("sha256=") and len(signature) == 7 + 64
    assert verify_signature("0123456789abcdef", body, "1700000000", signature, now=1_700_000_100)
    assert not verify_signature("0123456789abcdef", body + b" ", "1700000000", signature, now=1_700_000_100)
    assert not verify_signature("0123456789abcdef", body, "1700000000", signature, now=1_700_009_999)  # replayed
    assert not verify_signature("0123456789abcdef", body, "soon", signature)
    assert [backoff_seconds(n) for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff_seconds(30) == 300
