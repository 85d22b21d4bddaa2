"""Zones, alerts and webhooks through the API; the live stream and webhook delivery on a loopback server."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest
from fastapi import FastAPI

from borderwatch.api import create_app
from borderwatch.settings import Settings
from borderwatch.store import Store
from borderwatch.zones import verify_signature
from tests.api.conftest import fake_border_strip
from tests.api.fixtures import KASSERINE, KeywordExtractor, square
from tests.api.live import WebhookReceiver, live_server

CLASH = "SYNTHETIC. Gunmen of an invented group clashed with a patrol near Kasserine."
KASSERINE_BOX = square(KASSERINE[2], KASSERINE[1])


@pytest.mark.anyio
async def test_zone_raises_one_alert_per_event(client: httpx.AsyncClient) -> None:
    rules = {"event_types": ["Battles"], "min_confidence": 0.5}
    zone = await client.post("/api/zones", json={"name": "Kasserine box", "geometry": KASSERINE_BOX, "rules": rules})
    assert zone.status_code == 201, zone.text
    zone_id = zone.json()["id"]
    assert zone.json()["events"] == 1  # the stored clash lies inside; no alert for the past
    assert (await client.get("/api/alerts")).json()["items"] == []
    posted = await client.post("/api/reports", json={"text": CLASH, "published": "2025-07-02"})
    event_id = posted.json()["report"]["events"][0]["id"]
    alerts = (await client.get("/api/alerts")).json()["items"]
    assert [(a["zone"]["id"], a["event_id"], a["kind"]) for a in alerts] == [(zone_id, event_id, "event")]
    assert "Armed clash" in alerts[0]["reason"] and "Kasserine box" in alerts[0]["reason"]
    # A battle elsewhere, and the same report again, raise nothing new.
    await client.post("/api/reports", json={"text": CLASH, "published": "2025-07-02"})
    assert len((await client.get("/api/alerts")).json()["items"]) == 1
    inside = (await client.get("/api/events", params={"zone": zone_id})).json()["items"]
    assert len(inside) == 2
    activity = (await client.get(f"/api/zones/{zone_id}/activity", params={"days": 7})).json()
    assert activity["to"] == "2025-07-01" and sum(d["events"] for d in activity["days"]) == 1


@pytest.mark.anyio
async def test_acknowledge_and_filter_alerts(client: httpx.AsyncClient) -> None:
    await client.post("/api/zones", json={"name": "box", "geometry": KASSERINE_BOX})
    await client.post("/api/reports", json={"text": CLASH})
    (alert,) = (await client.get("/api/alerts", params={"acknowledged": False})).json()["items"]
    acked = (await client.post(f"/api/alerts/{alert['id']}/ack", json={"by": "duty officer"})).json()
    assert acked["acknowledged_by"] == "duty officer" and acked["acknowledged_at"]
    again = (await client.post(f"/api/alerts/{alert['id']}/ack", json={"by": "someone else"})).json()
    assert again["acknowledged_by"] == "duty officer"
    assert (await client.get("/api/alerts", params={"acknowledged": False})).json()["items"] == []
    assert (await client.get(f"/api/alerts/{alert['id']}")).json()["id"] == alert["id"]
    assert (await client.post("/api/alerts/999/ack")).status_code == 404
    assert (await client.get("/api/alerts/999")).status_code == 404
    assert (await client.get("/api/alerts", params={"kind": "other"})).status_code == 422


@pytest.mark.anyio
async def test_border_strip_zone_and_zone_editing(client: httpx.AsyncClient) -> None:
    strip = await client.post("/api/zones", json={"name": "DZA-TUN 30 km", "border": "DZA-TUN", "km": 30})
    assert strip.status_code == 201, strip.text
    body = strip.json()
    assert body["kind"] == "border" and body["border"] == "DZA-TUN" and body["km"] == 30
    assert body["bbox"] == pytest.approx([8.0, 32.0, 8.6, 37.0])
    zone_id = body["id"]
    moved = await client.put(f"/api/zones/{zone_id}", json={"name": "wider", "border": "DZA-TUN", "km": 60})
    assert moved.json()["events"] == 1 and moved.json()["name"] == "wider"  # now holds Kasserine (lon 8.84)
    collection = (await client.get("/api/zones.geojson")).json()
    assert collection["features"][0]["properties"]["name"] == "wider"
    assert (await client.delete(f"/api/zones/{zone_id}")).status_code == 204
    assert (await client.get(f"/api/zones/{zone_id}")).status_code == 404
    assert (await client.delete(f"/api/zones/{zone_id}")).status_code == 404


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "x"}, "geometry"),
        ({"name": "x", "geometry": {"type": "Point", "coordinates": [8, 35]}}, "geometry"),
        ({"name": "x", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}, "geometry"),
        ({"name": "x", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [300, 0], [300, 1], [0, 0]]]}},
         "geometry"),
        ({"name": "x", "geometry": {"type": "FeatureCollection", "features": []}}, "geometry"),
        ({"name": "x", "geometry": "POLYGON((0 0, 1 0, 1 1, 0 0))"}, "geometry"),
        ({"name": "x", "border": "DZA-TUN"}, "km"),
        ({"name": "x", "border": "ALGERIA", "km": 5}, "border"),
        ({"name": "x", "border": "DZA-MAR", "km": 5}, "border"),
        ({"name": "x", "border": "DZA-TUN", "km": -1}, "km"),
        ({"name": "x", "border": "DZA-TUN", "km": 5, "geometry": KASSERINE_BOX}, "geometry"),
        ({"name": "", "geometry": KASSERINE_BOX}, "name"),
        ({"name": "x", "geometry": KASSERINE_BOX, "rules": {"min_confidence": 3}}, "rules.min_confidence"),
        ({"name": "x", "geometry": KASSERINE_BOX, "rules": {"spike": {"factor": 0.5}}}, "rules.spike.factor"),
        ({"name": "x", "geometry": KASSERINE_BOX, "rules": {"colour": "red"}}, "rules.colour"),
        ({"name": "x", "geometry": KASSERINE_BOX, "marking": "purple"}, "marking"),
    ],
)  # fmt: skip
async def test_bad_zones_are_422(client: httpx.AsyncClient, body: dict[str, object], field: str | None) -> None:
    response = await client.post("/api/zones", json=body)
    assert response.status_code == 422, response.text
    if field:
        assert response.json()["error"].get("field") == field, response.json()


@pytest.mark.anyio
async def test_webhooks_crud_and_bad_input(client: httpx.AsyncClient) -> None:
    secret = "s3cret-s3cret-s3cret"
    assert (await client.post("/api/webhooks", json={"url": "ftp://x", "secret": secret})).status_code == 422
    assert (
        await client.post("/api/webhooks", json={"url": "http://127.0.0.1:9/h", "secret": "short"})
    ).status_code == 422
    unknown_zone = await client.post(
        "/api/webhooks", json={"url": "http://127.0.0.1:9/h", "secret": secret, "zone_id": 7}
    )
    assert unknown_zone.status_code == 404
    hook = (await client.post("/api/webhooks", json={"url": "http://127.0.0.1:9/h", "secret": secret})).json()
    assert "secret" not in hook and hook["deliveries"] == {}
    assert [h["id"] for h in (await client.get("/api/webhooks")).json()] == [hook["id"]]
    assert (await client.get(f"/api/webhooks/{hook['id']}/deliveries")).json() == []
    assert (await client.delete(f"/api/webhooks/{hook['id']}")).status_code == 204
    assert (await client.get(f"/api/webhooks/{hook['id']}/deliveries")).status_code == 404


def _app(settings: Settings, store: Store, extractor: KeywordExtractor) -> FastAPI:
    return create_app(settings, store=store, make_extractor=lambda: extractor, border_strip=fake_border_strip,
                      poll_s=0.1, webhook_backoff_s=0.05)  # fmt: skip


@pytest.mark.slow
def test_webhook_signed_retried_and_logged(
    settings: Settings, store: Store, extractor: KeywordExtractor, token: str
) -> None:
    receiver = WebhookReceiver(fail_first=2)
    secret = "loopback-secret-123"
    with (
        live_server(receiver.app()) as hook_base,
        live_server(_app(settings, store, extractor)) as base,
        httpx.Client(base_url=base, timeout=10, headers={"Authorization": f"Bearer {token}"}) as http,
    ):
        http.post("/api/zones", json={"name": "box", "geometry": KASSERINE_BOX}).raise_for_status()
        hook = http.post("/api/webhooks", json={"url": hook_base + "/hook", "secret": secret}).json()
        http.post("/api/reports", json={"text": CLASH}).raise_for_status()
        assert receiver.arrived.wait(10), "webhook never delivered"
        deadline = time.monotonic() + 5
        while (log := http.get(f"/api/webhooks/{hook['id']}/deliveries").json())[0]["status"] != "delivered":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    (delivery,) = log
    assert delivery["attempts"] == 3
    assert [a["status_code"] for a in delivery["log"]] == [503, 503, 200]
    last = receiver.received[-1]
    headers = last["headers"]
    assert verify_signature(
        secret, last["body"], headers["x-borderwatch-timestamp"], headers["x-borderwatch-signature"]
    )
    assert not verify_signature("wrong-secret-000000", last["body"], headers["x-borderwatch-timestamp"],
                                headers["x-borderwatch-signature"])  # fmt: skip
    payload = json.loads(last["body"])
    assert payload["type"] == "alert" and payload["alert"]["zone"]["name"] == "box"


@pytest.mark.slow
def test_stream_sends_new_events_and_alerts_and_resumes(
    settings: Settings, store: Store, extractor: KeywordExtractor, token: str
) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    with live_server(_app(settings, store, extractor)) as base:
        box = {"name": "box", "geometry": KASSERINE_BOX}
        httpx.post(base + "/api/zones", json=box, headers=auth).raise_for_status()
        received = asyncio.run(
            _listen(base, auth, after_connect=lambda: httpx.post(base + "/api/reports", json={"text": CLASH},
                                                                 headers=auth))
        )  # fmt: skip
        kinds = [m["event"] for m in received]
        assert kinds == ["event", "alert"], received
        assert received[0]["data"]["sub_event_type"] == "Armed clash"
        assert received[1]["data"]["zone"]["name"] == "box"
        # A client that comes back with Last-Event-ID gets what it missed.
        first_id = received[0]["id"]
        again = asyncio.run(_listen(base, {**auth, "Last-Event-ID": first_id}, count=1))
        assert again[0]["event"] == "alert" and again[0]["id"] == received[1]["id"]


async def _listen(
    base: str, headers: dict[str, str], after_connect: object = None, count: int = 2
) -> list[dict[str, object]]:
    messages: list[dict[str, object]] = []
    async with (
        httpx.AsyncClient(base_url=base, timeout=10) as client,
        client.stream("GET", "/api/stream", headers=headers) as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        current: dict[str, object] = {}
        lines = response.aiter_lines()
        first = await asyncio.wait_for(lines.__anext__(), 5)  # the greeting comment
        assert first.startswith(":")
        if callable(after_connect):
            await asyncio.to_thread(after_connect)
        while len(messages) < count:
            line = await asyncio.wait_for(lines.__anext__(), 10)
            if line.startswith("event: "):
                current["event"] = line[7:]
            elif line.startswith("data: "):
                current["data"] = json.loads(line[6:])
            elif line.startswith("id: "):
                current["id"] = line[4:]
            elif line == "" and "event" in current:
                messages.append(current)
                current = {}
    return messages
