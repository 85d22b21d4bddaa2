"""POST /api/reports/extract: named reports again, or a bounded slice of those stored without an extraction.

SYNTHETIC: invented incidents; the extractor is the API tests' keyword stand-in.
"""

from __future__ import annotations

import httpx
import pytest

from borderwatch.model import Agency, EventType, Marking, Report
from borderwatch.store import NewReport, Role, Store
from tests.api.fixtures import KASSERINE, KeywordExtractor, SyntheticEvent

pytestmark = pytest.mark.anyio

TEXT = "SYNTHETIC. Gunmen clashed with a patrol near Kasserine on Tuesday. Later the patrol withdrew."


async def _post(client: httpx.AsyncClient, text: str = TEXT) -> str:
    body = {"text": text, "published": "2025-07-02", "marking": "GREEN"}
    response = await client.post("/api/reports", json=body)
    assert response.status_code == 201, response.text
    report_id: str = response.json()["report"]["id"]
    return report_id


async def test_a_named_report_is_extracted_again_and_only_a_change_counts(
    client: httpx.AsyncClient, extractor: KeywordExtractor
) -> None:
    report_id = await _post(client)
    assert len((await client.get(f"/api/reports/{report_id}")).json()["events"]) == 1
    # A better vocabulary: the withdrawal becomes an event of its own.
    extractor.rules["withdrew"] = SyntheticEvent(
        "",
        EventType.STRATEGIC_DEVELOPMENTS,
        "Other",
        KASSERINE,
        "2025-07-02",
        "Military Forces of Tunisia",
        None,
        0,
        [],
        0.7,
    )
    response = await client.post("/api/reports/extract", json={"ids": [report_id]})
    assert response.status_code == 200, response.text
    assert response.json() == {"reports": 1, "changed": 1, "mentions": 2, "failures": [], "remaining": 0}
    events = (await client.get(f"/api/reports/{report_id}")).json()["events"]
    assert sorted(e["sub_event_type"] for e in events) == ["Armed clash", "Other"]
    again = (await client.post("/api/reports/extract", json={"ids": [report_id]})).json()
    assert (again["reports"], again["changed"]) == (1, 0)


async def test_pending_reports_are_extracted_a_slice_at_a_time(client: httpx.AsyncClient, store: Store) -> None:
    texts = [f"SYNTHETIC {n}. Gunmen clashed with a patrol near Kasserine." for n in range(3)]
    store.add_reports([NewReport(report=Report(text=t, agency="test-centre")) for t in texts])
    first = (await client.post("/api/reports/extract", json={"pending": True, "limit": 2})).json()
    assert (first["reports"], first["changed"], first["remaining"]) == (2, 2, 1)
    second = (await client.post("/api/reports/extract", json={"pending": True, "limit": 2})).json()
    assert (second["reports"], second["remaining"]) == (1, 0)
    none_left = (await client.post("/api/reports/extract", json={"pending": True})).json()
    assert none_left["reports"] == 0


@pytest.mark.parametrize(
    "body", [{}, {"ids": ["a"], "pending": True}, {"ids": []}, {"pending": True, "limit": 0}, {"ids": "a"}]
)
async def test_a_request_that_selects_nothing_or_both_is_422(client: httpx.AsyncClient, body: dict) -> None:
    response = await client.post("/api/reports/extract", json=body)
    assert response.status_code == 422, response.text


async def test_another_agencys_report_is_refused_and_nothing_is_extracted(
    client: httpx.AsyncClient, store: Store, app: object, extractor: KeywordExtractor
) -> None:
    own = await _post(client)
    store.accounts.add_agency(Agency(id="other-centre", name="Synthetic other centre"))
    store.accounts.add_user("otto", "other-centre", Role.ANALYST)
    secret, _ = store.accounts.create_token("otto", "tests")
    hidden = NewReport(report=Report(text="SYNTHETIC. Gunmen clashed near Kasserine, AMBER.", agency="test-centre",
                                     marking=Marking.AMBER))  # fmt: skip
    store.add_reports([hidden])
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {secret}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://bw.test", headers=headers) as other:
        calls = extractor.calls
        visible = await other.post("/api/reports/extract", json={"ids": [own]})
        assert visible.status_code == 403, visible.text
        missing = await other.post("/api/reports/extract", json={"ids": [hidden.report.id]})
        assert missing.status_code == 404 and hidden.report.id in missing.text
        assert (await other.post("/api/reports/extract", json={"ids": ["nope"]})).status_code == 404
        assert extractor.calls == calls
