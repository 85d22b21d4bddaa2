"""The TAXII 2.1 server: resources, paging by added_after, manifests, pushes, rights, credentials."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderwatch.model import Marking
from borderwatch.share import TAXII_MEDIA_TYPE, PeerRule, Zone
from borderwatch.store import Reader
from tests.share.helpers import Installation, mention, new_report, pair

ADMIN = Reader.local_admin()


@pytest.fixture
def installations(tmp_path: Path):  # type: ignore[no-untyped-def]
    a, b = pair(tmp_path)
    yield a, b
    a.close()
    b.close()


def _rules(inst: Installation, peer: str, *rules: PeerRule) -> None:
    inst.store.exchange.update_peer(peer, rules=[r.model_dump(mode="json") for r in rules])


def _peer_token(inst: Installation, peer: str) -> dict[str, str]:
    token, _ = inst.store.accounts.create_token(peer, "test", ["taxii"])
    return {"Authorization": f"Bearer {token}", "Accept": TAXII_MEDIA_TYPE}


def test_discovery_collections_and_paging(installations) -> None:  # type: ignore[no-untyped-def]
    a, _ = installations
    reports = [
        new_report(f"SYNTHETIC. Green item {i} near Nefta.", agency="dz-cnc", marking=Marking.GREEN) for i in range(7)
    ]
    a.store.add_reports(reports)
    _rules(a, "peer-b", PeerRule.up_to(Marking.GREEN))
    headers = _peer_token(a, "peer-b")
    discovery = a.client.get("/taxii2/", headers=headers)
    assert discovery.status_code == 200 and discovery.headers["content-type"] == TAXII_MEDIA_TYPE
    root = discovery.json()["default"]
    assert a.client.get(root, headers=headers).json()["versions"] == [TAXII_MEDIA_TYPE]
    collections = a.client.get(root + "collections/", headers=headers).json()["collections"]
    shared = next(c for c in collections if c["alias"] == "shared")
    assert (shared["can_read"], shared["can_write"]) == (True, False)
    url = f"{root}collections/{shared['id']}/objects/"
    seen, after, pages = [], None, 0
    while True:
        params = {"limit": 8, **({"added_after": after} if after else {})}
        response = a.client.get(url, params=params, headers=headers)
        body = response.json()
        seen += [o["id"] for o in body.get("objects", []) if o["type"] == "report"]
        pages += 1
        if not body["more"]:
            break
        after = response.headers["X-TAXII-Date-Added-Last"]
    assert pages > 2 and len(seen) == len(set(seen)) == 7
    manifest = a.client.get(f"{root}collections/{shared['id']}/manifest/", headers=headers).json()
    assert {m["id"] for m in manifest["objects"]} >= set(seen)
    one = a.client.get(f"{url}{seen[0]}/", headers=headers).json()["objects"]
    assert [o["id"] for o in one] == [seen[0]]
    assert a.client.get(f"{url}{seen[0]}/versions/", headers=headers).json()["versions"] == [one[0]["modified"]]


def test_pushes_go_only_to_writable_collections_and_are_marked_with_their_origin(installations) -> None:  # type: ignore[no-untyped-def]
    a, b = installations
    b.store.add_reports(
        [new_report("SYNTHETIC. TN GREEN note on a seizure at Ras Jedir.", agency="tn-cnc", marking=Marking.GREEN)]
    )
    _rules(b, "peer-a", PeerRule.up_to(Marking.GREEN))
    from borderwatch.share import outbound_page

    page = outbound_page(b.store, b.store.exchange.peer("peer-a"), None, 100)
    envelope = {"objects": page.with_definitions()}
    headers = {**_peer_token(a, "peer-b"), "Content-Type": TAXII_MEDIA_TYPE}
    collections = {
        c["alias"]: c["id"] for c in a.client.get("/taxii2/api/collections/", headers=headers).json()["collections"]
    }
    refused = a.client.post(f"/taxii2/api/collections/{collections['shared']}/objects/", json=envelope, headers=headers)
    assert refused.status_code == 403
    accepted = a.client.post(f"/taxii2/api/collections/{collections['inbox']}/objects/", json=envelope, headers=headers)
    assert accepted.status_code == 202
    status = accepted.json()
    assert (status["status"], status["failure_count"], status["outcomes"]) == ("complete", 0, {"created": 1})
    assert (
        a.client.get(f"/taxii2/api/status/{status['id']}/", headers=headers).json()["success_count"]
        == status["success_count"]
    )
    [item] = [i for i in a.store.exchange.changes(None, 10) if i.report]
    assert item.origin_peer == "peer-b" and item.report.marking is Marking.GREEN
    # What a peer sends is seen by the recipients configured for it, not by the sender's agency name.
    assert (
        len(
            a.store.list_reports(
                __import__("borderwatch.store", fromlist=["ReportQuery"]).ReportQuery(),
                Reader(agency="dz-cnc", user="u"),
            )
        )
        == 1
    )
    # The same push again changes nothing.
    again = a.client.post(f"/taxii2/api/collections/{collections['inbox']}/objects/", json=envelope, headers=headers)
    assert again.json()["outcomes"] == {"unchanged": 1}
    rights_off = a.store.exchange
    rights_off.set_rights("peer-b", "inbox", read=False, write=False)
    assert (
        a.client.post(
            f"/taxii2/api/collections/{collections['inbox']}/objects/", json=envelope, headers=headers
        ).status_code
        == 404
    )


def test_credentials_and_content_negotiation(installations) -> None:  # type: ignore[no-untyped-def]
    a, _ = installations
    assert a.client.get("/taxii2/").status_code == 401
    assert a.client.get("/taxii2/", headers={"Authorization": "Bearer bw_0000000000000000_nope"}).status_code == 401
    a.store.accounts.add_user("analyst", "dz-cnc", __import__("borderwatch.store", fromlist=["Role"]).Role.ANALYST)
    analyst, _ = a.store.accounts.create_token("analyst", "t")
    assert a.client.get("/taxii2/", headers={"Authorization": f"Bearer {analyst}"}).status_code == 403
    headers = _peer_token(a, "peer-b")
    assert a.client.get("/taxii2/", headers={**headers, "Accept": "application/xml"}).status_code == 406
    assert a.client.get("/taxii2/api/collections/nope/objects/", headers=headers).status_code == 404
    import base64

    token = headers["Authorization"].removeprefix("Bearer ")
    basic = base64.b64encode(f"peer-b:{token}".encode()).decode()
    assert a.client.get("/taxii2/", headers={"Authorization": f"Basic {basic}"}).status_code == 200


def test_rules_decide_what_a_peer_reads(installations) -> None:  # type: ignore[no-untyped-def]
    a, _ = installations
    near = new_report(
        "SYNTHETIC. AMBER: clash 20 km from the border near Tebessa.",
        agency="dz-cnc",
        marking=Marking.AMBER,
        mentions=[mention("e1", "clash", border="DZA-TUN", border_km=20)],
    )
    far = new_report(
        "SYNTHETIC. AMBER: clash far south near Tamanrasset.",
        agency="dz-cnc",
        marking=Marking.AMBER,
        mentions=[mention("e1", "far clash", border="DZA-NER", border_km=300)],
    )
    red = new_report(
        "SYNTHETIC. RED: source reporting near Tebessa.",
        agency="dz-cnc",
        marking=Marking.RED,
        mentions=[mention("e1", "red", border="DZA-TUN", border_km=10)],
    )
    strict = new_report(
        "SYNTHETIC. AMBER+STRICT: post note near Tebessa.",
        agency="dz-cnc",
        marking=Marking.AMBER_STRICT,
        mentions=[mention("e1", "strict", border="DZA-TUN", border_km=5)],
    )
    a.store.add_reports([near, far, red, strict])
    _rules(a, "peer-b", PeerRule.up_to(Marking.AMBER, zone=Zone(border="DZA-TUN", km=50)))
    headers = _peer_token(a, "peer-b")
    shared = next(
        c["id"]
        for c in a.client.get("/taxii2/api/collections/", headers=headers).json()["collections"]
        if c["alias"] == "shared"
    )
    body = a.client.get(f"/taxii2/api/collections/{shared}/objects/", headers=headers).json()
    texts = [o["description"] for o in body["objects"] if o["type"] == "report"]
    assert texts == [near.report.text]
    markings = {o["object_marking_refs"][0] for o in body["objects"] if o["type"] not in ("marking-definition",)}
    from borderwatch.share import MARKING_IDS

    assert markings <= {MARKING_IDS[Marking.AMBER], MARKING_IDS[Marking.CLEAR]}
    # The reads of AMBER material by the peer are in the audit log.
    from borderwatch.store import AuditQuery

    [entry] = a.store.audit.entries(AuditQuery(actor="peer-b", action="read"))
    assert entry["interface"] == "taxii" and [o["id"] for o in entry["objects"]] == [near.report.id]


def test_a_peer_that_receives_little_gets_short_pages_not_a_long_request(installations) -> None:  # type: ignore[no-untyped-def]
    a, _ = installations
    a.store.add_reports([new_report(f"SYNTHETIC. AMBER item {i}.", agency="dz-cnc") for i in range(30)])
    a.store.add_reports([new_report("SYNTHETIC. The one GREEN item.", agency="dz-cnc", marking=Marking.GREEN)])
    _rules(a, "peer-b", PeerRule.up_to(Marking.GREEN))
    from borderwatch.share import outbound_page

    peer = a.store.exchange.peer("peer-b")
    first = outbound_page(a.store, peer, None, 100, scan=10)
    assert first.objects == [] and first.more and first.last is not None
    pages, after, texts = 1, first.last, []
    while True:
        page = outbound_page(a.store, peer, after, 100, scan=10)
        pages += 1
        texts += [o["description"] for o in page.objects if o["type"] == "report"]
        if not page.more:
            break
        after = page.last
    assert texts == ["SYNTHETIC. The one GREEN item."] and pages >= 2
