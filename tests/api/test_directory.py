"""Actors and places, meta, the OpenAPI document and the dashboard's files."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.anyio


async def test_actors_list_and_page(client: httpx.AsyncClient) -> None:
    actors = (await client.get("/api/actors")).json()
    assert actors[0]["name"] == "Border Guards of Algeria" and actors[0]["events"] == 2
    mali = (await client.get("/api/actors", params={"q": "mali"})).json()
    assert {a["name"] for a in mali} == {"Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)",
                                         "Civilians (Mali)"}  # fmt: skip
    page = (await client.get(f"/api/actors/{actors[0]['id']}")).json()
    assert page["by_month"] == [{"month": "2025-06", "counts": {"Strategic developments": 2}}]
    assert page["places"][0]["name"] == "Djanet" and page["places"][0]["events"] == 2
    assert len(page["recent"]) == 2
    assert (await client.get("/api/actors/9999")).status_code == 404
    assert (await client.get("/api/actors/zero")).status_code == 422
    assert (await client.get("/api/actors", params={"type": 9})).status_code == 422


async def test_places_list_and_page(client: httpx.AsyncClient) -> None:
    places = (await client.get("/api/places")).json()
    assert places[0]["name"] == "Djanet" and places[0]["events"] == 2
    page = (await client.get(f"/api/places/{places[0]['geonameid']}")).json()
    assert page["by_type"] == {"Strategic developments": 2}
    assert (await client.get("/api/places/unknown")).status_code == 404
    assert (await client.get("/api/places", params={"country": "Tunisia"})).status_code == 422


async def test_meta(client: httpx.AsyncClient) -> None:
    meta = (await client.get("/api/meta")).json()
    assert meta["counts"] == {"reports": 6, "events": 7}
    assert meta["countries"] == ["DZ", "ML", "TN"]
    assert "DZA-TUN" in meta["borders"]
    assert meta["date_range"] == ["2025-02-03", "2025-06-09"]
    assert "Battles" in meta["event_types"] and "AMBER+STRICT" in meta["markings"]


async def test_openapi_documents_every_endpoint(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    schemas = spec["components"]["schemas"]
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            assert operation.get("summary") or operation.get("description"), f"{method} {path}"
    for name in ("TextReportIn", "HtmlReportIn", "FieldReportIn", "EventPage", "ZoneSpec", "AlertPage"):
        assert name in schemas, name
    assert (await client.get("/docs")).status_code == 200


async def test_dashboard_files_and_security_headers(client: httpx.AsyncClient) -> None:
    index = await client.get("/")
    assert index.status_code == 200 and "<title>borderwatch" in index.text
    assert "script-src 'self'" in index.headers["content-security-policy"]
    assert (await client.get("/static/js/app.js")).status_code == 200
    assert (await client.get("/vendor/leaflet/package.json")).status_code == 404
    assert (await client.get("/vendor/../../etc/passwd")).status_code == 404
    assert (await client.get("/api/nothing-here")).status_code == 404


async def test_unknown_method_is_405(client: httpx.AsyncClient) -> None:
    assert (await client.delete("/api/events")).status_code == 405
