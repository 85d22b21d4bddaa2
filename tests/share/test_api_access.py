"""Access control through the REST API: every endpoint authenticated, nothing of another agency leaks."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from borderwatch.api import create_app
from borderwatch.model import Agency, Marking
from borderwatch.settings import Settings
from borderwatch.store import Reader, Role, Store
from borderwatch.store._schema import actors
from tests.api.conftest import fake_border_strip
from tests.share.helpers import event_ids_of, fresh_db, fuse, mention, new_report
from tests.share.test_access import USERS, _build, _oracle, worlds

_READS = ["/api/events?limit=1000", "/api/events/points", "/api/events/timeline", "/api/meta", "/api/actors",
          "/api/places", "/api/reports?limit=1000", "/api/alerts"]  # fmt: skip


def _app(store: Store, folder: Path) -> TestClient:
    settings = Settings(db=store.url, cookie_secure=False)
    app = create_app(settings, store=store, border_strip=fake_border_strip, background=False,
                     make_extractor=lambda: None)  # fmt: skip
    return TestClient(app, base_url="http://centre.test")


def _token(store: Store, user: str) -> dict[str, str]:
    secret, _ = store.accounts.create_token(user, "test")
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def centre(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(fresh_db(tmp_path))
    for agency in ("dz-cnc", "tn-gn"):
        store.accounts.add_agency(Agency(id=agency, name=agency))
    store.accounts.add_user("dz-analyst", "dz-cnc", Role.ANALYST)
    store.accounts.add_user("tn-admin", "tn-gn", Role.ADMIN)
    secret = new_report("SYNTHETIC. DZ AMBER: the Oued Zitoun cell met at the Bir Haddad well.", agency="dz-cnc",
                        mentions=[mention("e1", "met at the Bir Haddad well", place="Bir Haddad well",
                                          actor1="Oued Zitoun cell", country="DZ")])  # fmt: skip
    shared = new_report("SYNTHETIC. TN GREEN: a patrol reported smoke near Nefta.", agency="tn-gn",
                        marking=Marking.GREEN, mentions=[mention("e1", "smoke near Nefta", place="Nefta",
                                                                 actor1=None, country="TN", lat=33.87, lon=7.88,
                                                                 date="2025-06-20")])  # fmt: skip
    store.add_reports([secret, shared])
    client = _app(store, tmp_path)
    yield store, client, secret.report.id, event_ids_of(store, secret.report.id)[0]
    client.close()
    store.close()


def test_every_endpoint_needs_credentials(centre) -> None:  # type: ignore[no-untyped-def]
    _, client, _, _ = centre
    checked = 0
    for template, operations in client.app.openapi()["paths"].items():
        if template.startswith(("/auth/login", "/static", "/vendor")) or template in ("/", "/docs", "/openapi.json"):
            continue
        if template == "/api/stream":  # a stream never ends: its refusal is checked apart (below)
            continue
        for method in operations:
            path = re.sub(r"\{(\w+)\}", "1", template)
            response = client.request(method.upper(), path, json={})
            assert response.status_code in (401, 404, 405), (method, path, response.status_code)
            checked += 1
    assert checked > 25
    assert client.get("/api/stream").status_code == 401


def test_another_agencys_token_gets_nothing_on_every_endpoint(centre) -> None:  # type: ignore[no-untyped-def]
    store, client, report_id, event_id = centre
    with store._engine.connect() as c:
        actor_id = c.execute(select(actors.c.id).where(actors.c.name == "Oued Zitoun cell")).scalar_one()
    tn = _token(store, "tn-admin")
    values = {"event_id": event_id, "report_id": report_id, "actor_id": str(actor_id), "geonameid": "x",
              "zone_id": "1", "alert_id": "1", "webhook_id": "1", "user_id": "dz-analyst", "token_id": "x",
              "collection_id": "x", "object_id": "x", "status_id": "x"}  # fmt: skip
    for template, operations in client.app.openapi()["paths"].items():
        if template == "/api/stream":  # never ends; what it sends is each item read as the subscriber
            continue
        for method in operations:
            path = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), template)
            response = client.request(method.upper(), path, headers=tn, json={})
            body = response.text
            for secret in ("Oued Zitoun", "Bir Haddad", report_id, event_id):
                assert secret not in body or (response.status_code == 404 and secret in (report_id, event_id)), (
                    method, path, response.status_code, body[:300])  # fmt: skip
    assert client.get(f"/api/events/{event_id}", headers=tn).status_code == 404
    assert client.get(f"/api/reports/{report_id}", headers=tn).status_code == 404
    assert client.get(f"/api/actors/{actor_id}", headers=tn).status_code == 404
    # The same agency's analyst sees it.
    dz = _token(store, "dz-analyst")
    assert client.get(f"/api/events/{event_id}", headers=dz).json()["location"]["name"] == "Bir Haddad well"


def test_a_token_files_only_in_its_agencys_name(centre) -> None:  # type: ignore[no-untyped-def]
    store, client, _, _ = centre
    tn = _token(store, "tn-admin")
    refused = client.post("/api/reports", headers=tn, json={"text": "SYNTHETIC. Not ours.", "agency": "dz-cnc"})
    assert refused.status_code == 403
    read_only = {"Authorization": f"Bearer {store.accounts.create_token('tn-admin', 'ro', ['read'])[0]}"}
    assert client.post("/api/reports", headers=read_only, json={"text": "SYNTHETIC. x"}).status_code == 403
    assert client.post("/api/webhooks", headers=read_only, json={}).status_code == 403


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world=worlds())
def test_no_reader_receives_through_the_api_what_it_may_not_see(
    tmp_path_factory: pytest.TempPathFactory, world: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("api-world")
    with Store(fresh_db(folder)) as store:
        _, owners = _build(store, world)
        client = _app(store, folder)
        try:
            for user in USERS:
                headers = _token(store, user[0])
                visible = {k for k, r in enumerate(world["reports"]) if _oracle(user, r, world["members"])}
                hidden = [r["token"] for k, r in enumerate(world["reports"]) if k not in visible]
                expected = {e for e, srcs in owners.items() if any(k in visible for k, _ in srcs)}
                page = client.get("/api/events?limit=1000", headers=headers).json()
                assert {e["id"] for e in page["items"]} <= expected
                received = json.dumps(page)
                for path in _READS[1:]:
                    received += client.get(path, headers=headers).text
                for event_id in owners:
                    answer = client.get(f"/api/events/{event_id}", headers=headers)
                    assert (answer.status_code == 200) == (event_id in expected), event_id
                    received += answer.text
                for token in hidden:
                    assert token not in received, f"{user[0]} received {token}"
        finally:
            client.close()


def test_fused_event_through_the_api_shows_only_visible_sources(tmp_path: Path) -> None:
    with Store(fresh_db(tmp_path)) as store:
        store.accounts.add_agency(Agency(id="tn-gn", name="tn"))
        store.accounts.add_user("hela", "tn-gn", Role.ANALYST)
        green = new_report(
            "SYNTHETIC. GREEN: clash near Tebessa.",
            agency="tn-gn",
            marking=Marking.GREEN,
            mentions=[mention("e1", "clash", place="Tebessa area", fatalities=5, geo_precision=2)],
        )
        red = new_report(
            "SYNTHETIC. RED: clash at the Bir Secret well.",
            agency="dz-cnc",
            marking=Marking.RED,
            mentions=[mention("e1", "clash", place="Bir Secret", fatalities=3, geo_precision=1)],
        )
        store.add_reports([green, red])
        event_id = fuse(store, event_ids_of(store, green.report.id) + event_ids_of(store, red.report.id))
        client = _app(store, tmp_path)
        headers = _token(store, "hela")
        detail = client.get(f"/api/events/{event_id}", headers=headers).json()
        assert (detail["location"]["name"], detail["fatalities"], detail["sources"], detail["marking"]) == (
            "Tebessa area", 5, 1, "GREEN")  # fmt: skip
        assert [m["report"]["id"] for m in detail["mentions"]] == [green.report.id]
        everything = "".join(client.get(p, headers=headers).text for p in _READS)
        assert "Bir Secret" not in everything and "Bir Secret" not in json.dumps(detail)
        admin = client.app.state.store.get_event(event_id, reader=Reader.local_admin())
        assert admin["location"]["name"] == "Bir Secret"
        client.close()
