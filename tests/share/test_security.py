"""Credentials: tokens of one agency against every endpoint, expired and revoked tokens, login throttling,
sessions, CSRF, cookie flags and security headers."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from borderwatch.model import Agency, Marking
from borderwatch.share import SESSION_COOKIE
from borderwatch.store import Role, acting_as
from borderwatch.store._exchange import now_utc
from borderwatch.store._schema import api_tokens, sessions, users
from tests.share.helpers import Installation, new_report

PASSWORD = "correct horse battery staple"


@pytest.fixture
def centre(tmp_path: Path):  # type: ignore[no-untyped-def]
    inst = Installation(tmp_path, "centre", "dz-cnc")
    accounts = inst.store.accounts
    accounts.add_agency(Agency(id="tn-gn", name="Synthetic TN guard"))
    accounts.add_user("dz-admin", "dz-cnc", Role.ADMIN, password=PASSWORD)
    accounts.add_user("dz-analyst", "dz-cnc", Role.ANALYST, name="Synthetic Nadia Kheloufi", password=PASSWORD)
    accounts.add_user("tn-admin", "tn-gn", Role.ADMIN, password=PASSWORD)
    accounts.add_user("tn-analyst", "tn-gn", Role.ANALYST, password=PASSWORD)
    inst.store.add_reports(
        [new_report("SYNTHETIC. DZ AMBER secret about Oued Souf.", agency="dz-cnc", marking=Marking.AMBER)]
    )
    inst.store.exchange.add_peer("peer-x", "dz-cnc", recipients=["agency:dz-cnc"])
    yield inst
    inst.close()


def _bearer(inst: Installation, user: str, scopes: list[str] | None = None) -> dict[str, str]:
    token, _ = inst.store.accounts.create_token(user, "test", scopes)
    return {"Authorization": f"Bearer {token}"}


def test_tokens_of_one_agency_get_nothing_of_another_on_every_endpoint(centre: Installation) -> None:
    dz_token_id = centre.store.accounts.create_token("dz-analyst", "dz")[1].id
    tn = _bearer(centre, "tn-admin")
    values = {
        "user_id": "dz-analyst",
        "token_id": dz_token_id,
        "collection_id": "shared",
        "object_id": "report--x",
        "status_id": "s",
    }
    checked = 0
    for template, operations in centre.app.openapi()["paths"].items():  # every endpoint the app declares
        for method in operations:
            path = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), template)
            response = centre.client.request(method.upper(), path, headers=tn, json={})
            checked += 1
            body = response.text
            assert "Oued Souf" not in body and "Kheloufi" not in body, (method, path, body[:200])
            if template.startswith(("/taxii2", "/api/share/users/{", "/api/share/tokens/{")):
                assert response.status_code in (403, 404, 405, 422), (method, path, response.status_code)
    assert checked >= 15
    users_seen = centre.client.get("/api/share/users", headers=tn).json()
    assert {u["agency"] for u in users_seen} == {"tn-gn"}
    assert centre.client.delete(f"/api/share/tokens/{dz_token_id}", headers=tn).status_code == 404
    hidden = centre.client.post("/api/share/users/dz-analyst/disable", headers=tn).json()["detail"]
    missing = centre.client.post("/api/share/users/nobody/disable", headers=tn).json()["detail"]
    assert hidden.replace("dz-analyst", "?") == missing.replace("nobody", "?")
    audit = centre.client.get("/api/share/audit", headers=tn).json()
    assert all(o["agency"] == "tn-gn" for e in audit for o in e["objects"])


def test_expired_revoked_and_forged_tokens_are_refused(centre: Installation) -> None:
    token, info = centre.store.accounts.create_token("dz-analyst", "t")
    ok = {"Authorization": f"Bearer {token}"}
    assert centre.client.get("/auth/me", headers=ok).status_code == 200
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for bad in (forged, "bw_" + "0" * 16 + "_x", "not-a-token", ""):
        assert centre.client.get("/auth/me", headers={"Authorization": f"Bearer {bad}"}).status_code == 401
    with centre.store._engine.begin() as c:
        c.execute(update(api_tokens).where(api_tokens.c.id == info.id).values(expires_at=now_utc() - timedelta(1)))
    assert centre.client.get("/auth/me", headers=ok).status_code == 401
    token2, info2 = centre.store.accounts.create_token("dz-analyst", "t2")
    centre.store.accounts.revoke_token(info2.id)
    assert centre.client.get("/auth/me", headers={"Authorization": f"Bearer {token2}"}).status_code == 401
    token3, _ = centre.store.accounts.create_token("dz-analyst", "t3")
    centre.store.accounts.set_disabled("dz-analyst", True)
    assert centre.client.get("/auth/me", headers={"Authorization": f"Bearer {token3}"}).status_code == 401
    # Only hashes are stored.
    with centre.store._engine.connect() as c:
        stored = [
            *c.execute(select(api_tokens.c.secret_hash)).scalars(),
            *c.execute(select(users.c.password_hash)).scalars(),
        ]
    assert not any(token.split("_", 2)[2] in (s or "") for s in stored)
    assert all(s.startswith("$argon2id$") for s in stored if s and s.startswith("$"))


def test_scopes_limit_what_a_token_does(centre: Installation) -> None:
    reader = _bearer(centre, "dz-admin", ["read"])
    assert centre.client.get("/api/share/users", headers=reader).status_code == 403
    assert centre.client.get("/api/share/users", headers=_bearer(centre, "dz-admin", ["admin"])).status_code == 200
    with pytest.raises(Exception, match="may have scopes"):
        centre.store.accounts.create_token("dz-analyst", "x", ["admin"])


def test_login_brute_force_is_slowed(centre: Installation) -> None:
    for _ in range(5):
        assert (
            centre.client.post("/auth/login", json={"username": "dz-analyst", "password": "wrong"}).status_code == 401
        )
    blocked = centre.client.post("/auth/login", json={"username": "dz-analyst", "password": PASSWORD})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 1
    time.sleep(int(blocked.headers["Retry-After"]) + 0.1)
    assert centre.client.post("/auth/login", json={"username": "dz-analyst", "password": PASSWORD}).status_code == 200
    # Many user names from one client are slowed too.
    for i in range(20):
        centre.client.post("/auth/login", json={"username": f"guess{i}", "password": "wrong"})
    assert centre.client.post("/auth/login", json={"username": "dz-admin", "password": PASSWORD}).status_code == 429


def test_session_cookie_csrf_and_logout(centre: Installation) -> None:
    login = centre.client.post("/auth/login", data={"username": "dz-admin", "password": PASSWORD})
    assert login.status_code == 200
    cookie = login.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    csrf = login.json()["csrf_token"]
    assert centre.client.get("/auth/me").json()["user"] == "dz-admin"
    new_token = {"name": "from the dashboard"}
    assert centre.client.post("/api/share/tokens", json=new_token).status_code == 403
    assert centre.client.post("/api/share/tokens", json=new_token, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    cross = {"X-CSRF-Token": csrf, "Origin": "https://evil.example"}
    assert centre.client.post("/api/share/tokens", json=new_token, headers=cross).status_code == 403
    assert centre.client.post("/api/share/tokens", json=new_token, headers={"X-CSRF-Token": csrf}).status_code == 201
    assert centre.client.post("/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 200
    centre.client.cookies.set(SESSION_COOKIE, login.cookies[SESSION_COOKIE])
    assert centre.client.get("/auth/me").status_code == 401


def test_secure_cookie_and_idle_sessions(tmp_path: Path) -> None:
    inst = Installation(tmp_path, "secure", "dz-cnc")
    try:
        inst.app.state.settings = inst.settings.model_copy(update={"cookie_secure": True})
        inst.store.accounts.add_user("u", "dz-cnc", Role.ANALYST, password=PASSWORD)
        login = inst.client.post("/auth/login", json={"username": "u", "password": PASSWORD})
        assert "Secure" in login.headers["set-cookie"]
        secret = login.cookies[SESSION_COOKIE]
        with inst.store._engine.begin() as c:
            c.execute(update(sessions).values(last_seen_at=now_utc() - timedelta(hours=2)))
        assert inst.client.get("/auth/me", cookies={SESSION_COOKIE: secret}).status_code == 401
    finally:
        inst.close()


def test_security_headers_and_json_only(centre: Installation) -> None:
    with acting_as(__import__("borderwatch.store", fromlist=["Reader"]).Reader.local_admin()):
        centre.store.accounts.add_user("x-script", "dz-cnc", Role.ANALYST, name="<script>alert(1)</script>")
    response = centre.client.get("/api/share/users", headers=_bearer(centre, "dz-admin"))
    assert response.headers["content-type"].startswith("application/json")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"
