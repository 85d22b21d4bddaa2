"""GET /api/events and friends: filters, sorting, keyset pages, GeoJSON, points, timeline, one event."""

from __future__ import annotations

import httpx
import pytest

from borderwatch.store import Store
from tests.api.fixtures import SAMPLE_REPORTS, XSS_SCRIPT, event_at

pytestmark = pytest.mark.anyio

TOTAL = sum(len(r.events) for r in SAMPLE_REPORTS)


async def _ids(client: httpx.AsyncClient, **params: object) -> list[str]:
    response = await client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return [e["location"]["name"].split(" <")[0] for e in response.json()["items"]]


async def test_list_is_newest_first_with_actors_location_and_marking(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/events")
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == TOTAL
    assert [e["date"] for e in items] == sorted((e["date"] for e in items), reverse=True)
    kasserine = next(e for e in items if e["location"]["name"] == "Kasserine")
    assert kasserine["actor1"]["name"] == "Unidentified Armed Group (Tunisia)"
    assert kasserine["location"]["border"] == "DZA-TUN"
    assert kasserine["marking"] == "GREEN"
    assert kasserine["sources"] == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "Battles"}, ["Kasserine"]),
        ({"type": "battles"}, ["Kasserine"]),
        ({"type": ["Riots", "Protests"]}, ["Tataouine", "Ben Guerdane"]),
        ({"type": "Arrests"}, ["Djanet"]),
        ({"sub_type": "Disrupted weapons use"}, ["Djanet"]),
        ({"tag": "smuggling"}, ["Djanet", "Djanet"]),
        ({"tag": "weapons seizure"}, ["Djanet"]),
        ({"country": "ml"}, ["Gao", "Ménaka"]),
        ({"bbox": "7,30,12,37.5"}, ["Tataouine", "Kasserine", "Ben Guerdane"]),
        ({"since": "2025-03-01", "until": "2025-05-13"}, ["Gao", "Tataouine", "Kasserine"]),
        ({"border": "lby-tun", "border_km": 50}, ["Ben Guerdane"]),
        ({"min_confidence": 0.85}, ["Gao", "Kasserine"]),
        ({"actor": "guard"}, ["Djanet", "Djanet", "Kasserine"]),
        ({"q": "rifles"}, ["Djanet"]),
        ({"q": "ménaka"}, ["Ménaka"]),
        ({"marking": "clear"}, ["Ben Guerdane"]),
        ({"marking": ["AMBER+STRICT", "amber"]}, ["Djanet", "Djanet", "Ménaka"]),
        ({"type": "Battles", "bbox": "7,30,12,37.5", "since": "2025-01-01"}, ["Kasserine"]),
        ({"type": "Battles", "country": "ML"}, []),
    ],
)
async def test_filters(client: httpx.AsyncClient, params: dict[str, object], expected: list[str]) -> None:
    assert await _ids(client, **params) == expected


async def test_actor_filter_by_id(client: httpx.AsyncClient, store: Store) -> None:
    kasserine = event_at(store, "Kasserine")
    assert await _ids(client, actor=str(kasserine["actor2"]["id"])) == ["Kasserine"]


@pytest.mark.parametrize("sort", ["-date", "date", "-confidence", "confidence", "-fatalities", "fatalities", "updated"])
async def test_cursor_pages_cover_everything_once_in_order(client: httpx.AsyncClient, sort: str) -> None:
    seen: list[dict[str, object]] = []
    cursor = None
    for _ in range(TOTAL + 1):
        params = {"limit": 2, "sort": sort, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/events", params=params)).json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == TOTAL
    assert len({e["id"] for e in seen}) == TOTAL
    key = sort.lstrip("-").replace("updated", "updated_at")
    values = [e[key] for e in seen if e[key] is not None]
    assert values == sorted(values, reverse=sort.startswith("-"))
    nulls = [i for i, e in enumerate(seen) if e[key] is None]
    if nulls:  # NULLs come last when descending, first when ascending
        assert nulls == (
            list(range(len(seen) - len(nulls), len(seen))) if sort.startswith("-") else list(range(len(nulls)))
        )


async def test_geojson(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/events", params={"format": "geojson", "type": "Battles"})
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    (feature,) = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [8.8365, 35.1676]}
    assert feature["properties"]["sub_event_type"] == "Armed clash"


async def test_points_for_the_map(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/events/points")).json()
    assert len(body["points"]) == TOTAL and not body["truncated"]
    first = body["points"][0]
    assert body["types"][first[3]] == "Strategic developments"
    truncated = (await client.get("/api/events/points", params={"limit": 2})).json()
    assert len(truncated["points"]) == 2 and truncated["truncated"]


async def test_timeline_by_week_and_month(client: httpx.AsyncClient) -> None:
    week = (await client.get("/api/events/timeline", params={"bucket": "week"})).json()
    assert {"start": "2025-06-09", "counts": {"Strategic developments": 2}} in week["buckets"]
    month = (await client.get("/api/events/timeline", params={"bucket": "month", "country": "TN"})).json()
    assert [b["start"] for b in month["buckets"]] == ["2025-02-01", "2025-03-01", "2025-04-01"]


async def test_one_event_with_its_sources_and_spans(client: httpx.AsyncClient, store: Store) -> None:
    event = event_at(store, "Tataouine " + XSS_SCRIPT)
    body = (await client.get(f"/api/events/{event['id']}")).json()
    (mention,) = body["mentions"]
    text = mention["report"]["text"]
    assert text[mention["start"] : mention["end"]] == mention["sentence"]
    assert "set tyres on fire" in mention["sentence"]
    assert mention["report"]["marking"] == "GREEN"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "190,0,5,1"}, "bbox"),
        ({"bbox": "0,-95,1,1"}, "bbox"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2025-05-01", "until": "2025-01-01"}, "until"),
        ({"limit": 0}, "limit"),
        ({"limit": 5000}, "limit"),
        ({"sort": "colour"}, "sort"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WyJ4IiwgMV0"}, "cursor"),
        ({"marking": "purple"}, "marking"),
        ({"country": "ALG"}, "country"),
        ({"border": "DZA"}, "border"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"zone": 0}, "zone"),
        ({"format": "kml"}, "format"),
    ],
)
async def test_bad_input_is_422_naming_the_field(
    client: httpx.AsyncClient, params: dict[str, object], field: str
) -> None:
    response = await client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"].startswith(field)


async def test_bad_timeline_bucket_and_unknown_event(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/events/timeline", params={"bucket": "year"})).status_code == 422
    response = await client.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E404"
