"""A pull reads the peer's manifest of reports and fetches the objects of only the versions it lacks.

Every report here is SYNTHETIC: invented seizures at invented posts.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from borderwatch.errors import PeerError
from borderwatch.model import Marking
from borderwatch.share import TAXII_MEDIA_TYPE, PeerClient, PeerRule, Zone
from borderwatch.store import Reader, acting_as
from tests.share.helpers import Installation, mention, new_report, pair

ADMIN = Reader.local_admin()


class Recorder(httpx.BaseTransport):
    """Remembers each request's path and the report objects each answer carried; answers 404 to manifests
    when `manifests` is off (a peer without them), and can cut the connection after `cut_after` object pages."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.paths: list[str] = []
        self.reports: list[str] = []
        self.manifests = True
        self.manifest_dates = True  # off: manifests come without the X-TAXII-Date-Added-* headers
        self.cut_after: int | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        if request.url.path.endswith("/manifest/") and not self.manifests:
            return httpx.Response(404, json={"detail": "Not Found"}, request=request)
        is_page = request.url.path.endswith("/objects/") and request.method == "GET"
        if is_page and self.cut_after is not None and self.object_pages() > self.cut_after:
            raise httpx.ReadError("cut before the answer arrived", request=request)
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/manifest/") and not self.manifest_dates:
            headers = {k: v for k, v in response.headers.items() if not k.lower().startswith("x-taxii-date")}
            return httpx.Response(response.status_code, headers=headers, content=response.read(), request=request)
        if request.url.path.endswith("/objects/") and request.method == "GET":
            body = response.read()
            objects = httpx.Response(200, content=body).json().get("objects", [])
            self.reports += [o["id"] for o in objects if o["type"] == "report"]
            return httpx.Response(response.status_code, headers=response.headers, content=body, request=request)
        return response

    def object_pages(self) -> int:
        return sum(1 for p in self.paths if p.endswith("/objects/"))


@pytest.fixture
def recorded(tmp_path: Path):  # type: ignore[no-untyped-def]
    recorders: list[Recorder] = []

    def wrap(inner: httpx.BaseTransport) -> httpx.BaseTransport:
        recorders.append(Recorder(inner))
        return recorders[-1]

    a, b = pair(tmp_path, wrap)  # wraps A's transport to B, then B's to A
    yield a, b, recorders[1]
    a.close()
    b.close()


def _share(a: Installation, count: int, *rules: PeerRule) -> list[str]:
    texts = [
        f"SYNTHETIC report {i}: a smugglers' pickup seized at the invented post Oued-Sefra-{i}." for i in range(count)
    ]
    items = [new_report(t, agency="dz-cnc", marking=Marking.GREEN, mentions=[mention("e1", t)]) for t in texts]
    a.store.add_reports(items)
    a.store.exchange.update_peer("peer-b", rules=[r.model_dump(mode="json") for r in rules])
    return [i.report.id for i in items]


def _pull(b: Installation, page_size: int = 8) -> dict[str, int]:
    client = PeerClient(b.store, b.store.exchange.peer("peer-a"), http=b.http, page_size=page_size)  # type: ignore[attr-defined]
    return dict(client.sync(pull=True, push=False).pulled)


def _received(b: Installation) -> dict[str, str]:
    return {
        i.report_id: i.report.marking.value
        for i in b.store.exchange.changes(None, 1000)
        if i.report is not None and i.origin_peer == "peer-a"
    }


def test_the_report_manifest_lists_what_the_objects_would_carry_without_the_other_objects(recorded) -> None:  # type: ignore[no-untyped-def]
    a, _, _ = recorded
    near = Zone(border="DZA-TUN", km=50)
    ids = _share(a, 5, PeerRule.up_to(Marking.AMBER, zone=near))
    far = new_report(
        "SYNTHETIC far report: a camel caravan stopped near the invented well of Bir-Tamesna.",
        agency="dz-cnc",
        marking=Marking.GREEN,
        mentions=[mention("e1", "far", border="DZA-NER", border_km=300)],
    )
    red = new_report(
        "SYNTHETIC red report: a source at the invented post Oued-Sefra.", agency="dz-cnc", marking=Marking.RED
    )
    a.store.add_reports([far, red])
    token, _ = a.store.accounts.create_token("peer-b", "test", ["taxii"])
    headers = {"Authorization": f"Bearer {token}", "Accept": TAXII_MEDIA_TYPE}
    collections = a.client.get("/taxii2/api/collections/", headers=headers).json()["collections"]
    shared = next(c for c in collections if c["alias"] == "shared")
    root = f"/taxii2/api/collections/{shared['id']}/"
    objects = a.client.get(root + "objects/", params={"limit": 1000}, headers=headers).json()["objects"]
    served = {o["id"]: o["modified"] for o in objects if o["type"] == "report"}

    listed, after = [], None
    while True:
        params = {"match[type]": "report", "limit": 2, **({"added_after": after} if after else {})}
        response = a.client.get(root + "manifest/", params=params, headers=headers)
        body = response.json()
        assert len(body.get("objects", [])) <= 2
        listed += body.get("objects", [])
        if not body["more"]:
            break
        after = response.headers["X-TAXII-Date-Added-Last"]
    assert {r["id"]: r["version"] for r in listed} == served
    assert len(listed) == len(ids) and {r["id"][:8] for r in listed} == {"report--"}
    assert [r["date_added"] for r in listed] == sorted(r["date_added"] for r in listed)
    # A report the peer had and may no longer read is listed as the withdrawal it would be sent.
    with acting_as(ADMIN):
        a.store.exchange.set_marking(ids[0], Marking.RED)
    again = a.client.get(root + "manifest/", params={"match[type]": "report"}, headers=headers).json()["objects"]
    withdrawal = a.client.get(root + "objects/", params={"added_after": again[-2]["date_added"]}, headers=headers)
    revoked = next(o for o in withdrawal.json()["objects"] if o["type"] == "report")
    assert revoked["revoked"] and (again[-1]["id"], again[-1]["version"]) == (revoked["id"], revoked["modified"])


def test_a_resync_from_the_start_fetches_no_objects_and_a_change_fetches_only_its_report(recorded) -> None:  # type: ignore[no-untyped-def]
    a, b, recorder = recorded
    ids = _share(a, 6, PeerRule.up_to(Marking.AMBER))
    assert _pull(b) == {"created": 6}
    assert sorted(recorder.reports) == sorted(set(recorder.reports)) and len(recorder.reports) == 6

    recorder.paths.clear()
    b.store.exchange.update_peer("peer-a", pull_after=None)
    assert _pull(b) == {"unchanged": 6}
    assert recorder.object_pages() == 0 and any(p.endswith("/manifest/") for p in recorder.paths)

    with acting_as(ADMIN):
        a.store.exchange.set_marking(ids[2], Marking.AMBER)
    recorder.reports.clear()
    b.store.exchange.update_peer("peer-a", pull_after=None)
    assert _pull(b) == {"unchanged": 5, "updated": 1}
    assert len(recorder.reports) == 1 and _received(b)[ids[2]] == "AMBER"


def test_a_pull_cut_between_pages_resumes_from_the_manifest_without_fetching_again(recorded) -> None:  # type: ignore[no-untyped-def]
    a, b, recorder = recorded
    ids = _share(a, 9, PeerRule.up_to(Marking.AMBER))
    recorder.cut_after = 2  # two pages of objects arrive, the third request is cut
    with pytest.raises(PeerError):
        _pull(b, page_size=4)
    applied = set(_received(b))
    assert 0 < len(applied) < 9
    recorder.cut_after = None
    b.store.exchange.update_peer("peer-a", pull_after=None)  # even from the start: the manifest tells what is held
    recorder.reports.clear()
    assert _pull(b, page_size=4) == {"created": 9 - len(applied), "unchanged": len(applied)}
    assert set(_received(b)) == set(ids)
    fetched = {i.report_id for i in b.store.exchange.changes(None, 1000)} & set(ids)
    assert fetched == set(ids) and len(recorder.reports) == 9 - len(applied)


def test_a_peer_without_manifests_is_pulled_page_by_page(recorded) -> None:  # type: ignore[no-untyped-def]
    a, b, recorder = recorded
    ids = _share(a, 5, PeerRule.up_to(Marking.AMBER))
    recorder.manifests = False
    assert _pull(b, page_size=4) == {"created": 5}
    assert set(_received(b)) == set(ids) and recorder.object_pages() >= 2


def test_a_manifest_without_date_headers_is_paged_by_its_records_dates(recorded) -> None:  # type: ignore[no-untyped-def]
    a, b, recorder = recorded
    ids = _share(a, 7, PeerRule.up_to(Marking.AMBER))
    recorder.manifest_dates = False
    assert _pull(b, page_size=3) == {"created": 7}  # manifest pages of 3 reports: three of them
    assert set(_received(b)) == set(ids) and sum(p.endswith("/manifest/") for p in recorder.paths) >= 3
