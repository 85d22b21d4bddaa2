"""POST /api/reports (text, HTML, field reports) and the report listing and pages."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.api.fixtures import KeywordExtractor

pytestmark = pytest.mark.anyio

CLASH = (
    "SYNTHETIC. Gunmen of an invented group clashed with a patrol near Kasserine on Tuesday. "
    "The patrol withdrew without losses."
)


async def test_post_text_report_returns_its_events(client: httpx.AsyncClient) -> None:
    body = {"text": CLASH, "title": "Synthetic clash", "published": "2025-07-02", "source": "Test Wire",
            "marking": "tlp:green"}  # fmt: skip
    response = await client.post("/api/reports", json=body)
    assert response.status_code == 201, response.text
    posted = response.json()
    assert posted["stored"] is True
    report = posted["report"]
    assert report["marking"] == "GREEN" and report["source"] == "Test Wire"
    (event,) = report["events"]
    assert event["sub_event_type"] == "Armed clash"
    span = event["evidence"]
    assert report["text"][span["start"] : span["end"]] == span["sentence"]
    again = await client.post("/api/reports", json=body)
    assert again.status_code == 200 and again.json()["stored"] is False
    listed = (await client.get("/api/events", params={"q": "invented group"})).json()["items"]
    assert [e["id"] for e in listed] == [event["id"]]


async def test_post_plain_text_and_html(client: httpx.AsyncClient, extractor: KeywordExtractor) -> None:
    plain = await client.post(
        "/api/reports",
        content=(b"Published: 2025-07-03\nSource: Test Wire\n\nA roadside bomb hit a convoy. SYNTHETIC."),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert plain.status_code == 201, plain.text
    assert plain.json()["report"]["published"].startswith("2025-07-03")
    assert len(plain.json()["report"]["events"]) == 1
    page = (
        "<!doctype html><html><head><title>Synthetic page</title></head><body><article><p>SYNTHETIC. "
        + "Herders said armed men clashed with a patrol near the wells and then fled towards the border. " * 3
        + "</p></article></body></html>"
    )
    html = await client.post("/api/reports", content=page.encode(), headers={"content-type": "text/html"})
    assert html.status_code == 201, html.text
    assert html.json()["report"]["kind"] == "html"
    as_json = await client.post(
        "/api/reports", json={"html": page.replace("wells", "dunes"), "url": "https://x.test/a"}
    )
    assert as_json.status_code == 201 and as_json.json()["report"]["url"] == "https://x.test/a"
    assert extractor.calls == 3


async def test_post_field_report(client: httpx.AsyncClient) -> None:
    field = {"post_id": "TN-TEST-01", "time": "2025-07-04T05:00:00Z", "position": {"lat": 35.2, "lon": 8.7},
             "category": "incident", "text": "SYNTHETIC. Shots exchanged, suspects clashed with the post.",
             "marking": "AMBER+STRICT"}  # fmt: skip
    response = await client.post("/api/reports", json=field)
    assert response.status_code == 201, response.text
    report = response.json()["report"]
    assert report["kind"] == "field" and report["post_id"] == "TN-TEST-01" and report["marking"] == "AMBER+STRICT"


@pytest.mark.parametrize(
    ("content", "content_type", "field"),
    [
        (b"", "text/plain", "body"),
        (b"   \n", "text/plain", "body"),
        (b"{not json", "application/json", "body"),
        (b"[1, 2]", "application/json", "body"),
        (b'{"title": "no text"}', "application/json", "text"),
        (b'{"text": "x", "colour": "red"}', "application/json", "colour"),
        (b'{"text": "x", "marking": "purple"}', "application/json", "marking"),
        (b'{"text": "x", "published": "someday"}', "application/json", "published"),
        (json.dumps({"post_id": "P", "time": "2025-07-04T05:00:00Z", "position": {"lat": 95, "lon": 8},
                     "category": "incident", "text": "t"}).encode(), "application/json", "position.lat"),
        (b"\x00\x01\x02binary\x00", "text/plain", "body"),
        (b"<xml/>", "application/xml", "content-type"),
    ],
)  # fmt: skip
async def test_bad_reports_are_422_naming_the_field(
    client: httpx.AsyncClient, content: bytes, content_type: str, field: str
) -> None:
    response = await client.post("/api/reports", content=content, headers={"content-type": content_type})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field


async def test_list_and_read_reports(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/api/reports")).json()
    assert len(listed) == 6
    assert listed[0]["title"] == "Weapons seized near Djanet" and listed[0]["events"] == 2
    tunisia = (await client.get("/api/reports", params={"country": "TN"})).json()
    assert len(tunisia) == 3
    report = (await client.get(f"/api/reports/{listed[0]['id']}")).json()
    assert "rifles" in report["text"] and len(report["events"]) == 2
    assert "raw" not in report
    assert (await client.get("/api/reports/nope")).status_code == 404
    assert (await client.get("/api/reports", params={"kind": "pdf"})).status_code == 422
    assert (await client.get("/api/reports", params={"since": "2025-13-01"})).status_code == 422


async def test_a_body_over_the_size_limit_is_413(settings: object, store: object, extractor: KeywordExtractor) -> None:
    from borderwatch.api import create_app
    from borderwatch.settings import Settings

    small = Settings(db=settings.db, max_file_mb=0.01)  # type: ignore[attr-defined]
    app = create_app(small, store=store, make_extractor=lambda: extractor, background=False)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bw.test") as client:
        response = await client.post("/api/reports", json={"text": "x" * 20_000})
    assert response.status_code == 413
