"""The TAXII 2.1 server: discovery, one API root, collections, objects, manifests, statuses.

Callers are peers, authenticated with a token of their account (Bearer, or HTTP Basic with the token as
password). The `outbound` collection serves, to each peer, what its rules let through (`_outbound.py`),
paged by `added_after`/`next` in the order things were added here; `inbound` collections take pushes from
the peers that may write to them, applied at once (the status is complete when the answer arrives).
Anyone else gets 401 (no credentials) or 403 (not a peer), and a collection a peer has no right to is 404.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import NotFoundError
from ..store import Collection, Peer, Store
from ..store._exchange import now_utc
from ..store._survivors import collector_paused
from ._auth import Principal, get_store, require
from ._outbound import OutboundPage, ReportManifest, outbound_page, outbound_reports
from ._stix_map import incoming_from_objects
from ._stix_objects import parse_time, stix_time

__all__ = ["TAXII_MEDIA_TYPE", "taxii_router"]

TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1"
_ACCEPTABLE = ("application/taxii+json", "application/json", "*/*", "application/*")
_API_ROOT = "api"
_MICROSECOND = timedelta(microseconds=1)


class TaxiiResponse(JSONResponse):
    media_type = TAXII_MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)  # compact UTF-8, as json.dumps(ensure_ascii=False) but several times faster


def _check_accept(request: Request) -> None:
    accept = request.headers.get("accept", "*/*")
    if not any(kind in accept for kind in _ACCEPTABLE) or ("version=" in accept and "version=2.1" not in accept):
        raise HTTPException(406, f"this server speaks {TAXII_MEDIA_TYPE}")


async def _peer(request: Request, principal: Annotated[Principal, Depends(require("taxii"))]) -> Peer:
    _check_accept(request)
    try:
        return get_store(request).exchange.peer_of_user(principal.user.id)
    except NotFoundError:
        raise HTTPException(403, "this account is not a peer's") from None


PeerDep = Annotated[Peer, Depends(_peer)]
StoreDep = Annotated[Store, Depends(get_store)]


def _collection_resource(col: Collection) -> dict[str, Any]:
    return {
        "id": col.id,
        "title": col.title,
        "alias": col.alias,
        "description": col.description or f"{col.kind} collection",
        "can_read": col.can_read,
        "can_write": col.can_write,
        "media_types": [TAXII_MEDIA_TYPE],
    }


def _collection(store: Store, peer: Peer, collection_id: str) -> Collection:
    for col in store.exchange.collections(peer.id):
        if col.id == collection_id:
            return col
    raise HTTPException(404, f"no collection {collection_id!r}")


def taxii_router(max_content_length: int = 20_000_000, page_size: int = 1000) -> APIRouter:
    router = APIRouter(prefix="/taxii2", tags=["taxii"], default_response_class=TaxiiResponse)

    @router.get("/")
    def discovery(request: Request, _peer: PeerDep) -> dict[str, Any]:
        root = str(request.url_for("api_root"))
        return {
            "title": "borderwatch",
            "description": "Events shared by this borderwatch installation",
            "default": root,
            "api_roots": [root],
        }

    @router.get(f"/{_API_ROOT}/", name="api_root")
    def api_root(_peer: PeerDep) -> dict[str, Any]:
        return {
            "title": "borderwatch events",
            "versions": [TAXII_MEDIA_TYPE],
            "max_content_length": max_content_length,
        }

    @router.get(f"/{_API_ROOT}/collections/")
    def collections(store: StoreDep, peer: PeerDep) -> dict[str, Any]:
        found = [_collection_resource(c) for c in store.exchange.collections(peer.id)]
        return {"collections": found} if found else {}

    @router.get(f"/{_API_ROOT}/collections/{{collection_id}}/")
    def collection(collection_id: str, store: StoreDep, peer: PeerDep) -> dict[str, Any]:
        return _collection_resource(_collection(store, peer, collection_id))

    @router.get(f"/{_API_ROOT}/collections/{{collection_id}}/objects/")
    def get_objects(
        collection_id: str,
        store: StoreDep,
        peer: PeerDep,
        added_after: str | None = None,
        limit: Annotated[int, Query(ge=1, le=10_000)] = page_size,
        next_: Annotated[str | None, Query(alias="next")] = None,
        match_id: Annotated[str | None, Query(alias="match[id]")] = None,
        match_type: Annotated[str | None, Query(alias="match[type]")] = None,
    ) -> Response:
        page = _read_page(store, peer, collection_id, next_ or added_after, limit)
        objects = page.with_definitions()
        if match_id:
            objects = [o for o in objects if o["id"] in match_id.split(",")]
        if match_type:
            objects = [o for o in objects if o["type"] in match_type.split(",")]
        body: dict[str, Any] = {"more": page.more}
        if page.more and page.last:
            body["next"] = stix_time(page.last)
        if objects:
            body["objects"] = objects
        return TaxiiResponse(body, headers=_date_headers(page.first, page.last))

    @router.get(f"/{_API_ROOT}/collections/{{collection_id}}/manifest/")
    def get_manifest(
        collection_id: str,
        store: StoreDep,
        peer: PeerDep,
        added_after: str | None = None,
        limit: Annotated[int, Query(ge=1, le=10_000)] = page_size,
        next_: Annotated[str | None, Query(alias="next")] = None,
        match_type: Annotated[str | None, Query(alias="match[type]")] = None,
    ) -> Response:
        types = set(match_type.split(",")) if match_type else None
        if types == {"report"}:
            # Reports only (what a sync client asks to tell what it lacks): listed from the exchange index and
            # the rules, without building the objects; `limit` counts reports.
            manifest = _report_manifest(store, peer, collection_id, next_ or added_after, limit)
            body: dict[str, Any] = {"more": manifest.more}
            if manifest.records:
                body["objects"] = manifest.records
            return TaxiiResponse(body, headers=_date_headers(manifest.first, manifest.last))
        page = _read_page(store, peer, collection_id, next_ or added_after, limit, record=False)
        records = [
            {
                "id": o["id"],
                "date_added": stix_time(page.added[o["id"]]),
                "version": o.get("modified", o.get("created")),
                "media_type": "application/stix+json;version=2.1",
            }
            for o in page.objects
            if types is None or o["type"] in types
        ]
        body = {"more": page.more}
        if records:
            body["objects"] = records
        return TaxiiResponse(body, headers=_date_headers(page.first, page.last))

    @router.get(f"/{_API_ROOT}/collections/{{collection_id}}/objects/{{object_id}}/")
    def get_object(collection_id: str, object_id: str, store: StoreDep, peer: PeerDep) -> Response:
        page = _object_page(store, peer, collection_id, object_id)
        wanted = [o for o in page.with_definitions() if o["id"] == object_id]
        if not wanted:
            raise HTTPException(404, f"no object {object_id!r}")
        return TaxiiResponse({"more": False, "objects": wanted}, headers=_date_headers(page.first, page.last))

    @router.get(f"/{_API_ROOT}/collections/{{collection_id}}/objects/{{object_id}}/versions/")
    def get_versions(collection_id: str, object_id: str, store: StoreDep, peer: PeerDep) -> Response:
        page = _object_page(store, peer, collection_id, object_id)
        versions = [o.get("modified", o.get("created")) for o in page.objects if o["id"] == object_id]
        if not versions:
            raise HTTPException(404, f"no object {object_id!r}")
        return TaxiiResponse({"more": False, "versions": versions}, headers=_date_headers(page.first, page.last))

    @router.post(f"/{_API_ROOT}/collections/{{collection_id}}/objects/", status_code=202)
    async def add_objects(collection_id: str, request: Request, store: StoreDep, peer: PeerDep) -> Response:
        col = _collection(store, peer, collection_id)
        if not col.can_write:
            raise HTTPException(403, f"peer {peer.id} may not write to collection {col.alias}")
        body = await request.body()
        if len(body) > max_content_length:
            raise HTTPException(413, f"more than {max_content_length} bytes")
        try:
            envelope = orjson.loads(body)
            objects = envelope.get("objects", []) if isinstance(envelope, dict) else None
        except ValueError:
            objects = None
        if not isinstance(objects, list):
            raise HTTPException(422, 'expected a TAXII envelope {"objects": [...]}')
        principal: Principal = request.state.principal
        status = _apply_push(store, peer, principal, col, objects)
        return TaxiiResponse(status, status_code=202)

    @router.get(f"/{_API_ROOT}/status/{{status_id}}/")
    def get_status(status_id: str, store: StoreDep, peer: PeerDep) -> dict[str, Any]:
        try:
            row = store.exchange.status(status_id, peer.id)
        except NotFoundError:
            raise HTTPException(404, f"no status {status_id!r}") from None
        return _status_resource(row)

    @router.delete(f"/{_API_ROOT}/collections/{{collection_id}}/objects/{{object_id}}/")
    def delete_object(collection_id: str, object_id: str, store: StoreDep, peer: PeerDep) -> None:
        _collection(store, peer, collection_id)
        raise HTTPException(403, "objects are withdrawn by pushing a revoked version, not deleted")

    return router


def _read_page(store: Store, peer: Peer, collection_id: str, after: str | None, limit: int, record: bool = True) -> Any:
    col = _readable(store, peer, collection_id)
    if col.kind != "outbound":
        return OutboundPage()
    page = outbound_page(store, peer, _cursor(after), limit)
    if record and page.sent:
        store.exchange.record_deliveries(peer.id, page.sent, _peer_reader(store, peer), page.audit)
    return page


def _readable(store: Store, peer: Peer, collection_id: str) -> Collection:
    col = _collection(store, peer, collection_id)
    if not col.can_read:
        raise HTTPException(403, f"peer {peer.id} may not read collection {col.alias}")
    return col


def _cursor(after: str | None) -> datetime | None:
    try:
        return parse_time(after) if after else None
    except ValueError:
        raise HTTPException(422, f"added_after/next {after!r}: expected a timestamp") from None


def _report_manifest(store: Store, peer: Peer, collection_id: str, after: str | None, limit: int) -> ReportManifest:
    col = _readable(store, peer, collection_id)
    if col.kind != "outbound":
        return ReportManifest()
    return outbound_reports(store, peer, _cursor(after), limit)


def _object_page(store: Store, peer: Peer, collection_id: str, object_id: str) -> Any:
    """The page holding one report (looked up by its STIX id in the exchange index)."""
    found = store.exchange.find_stix(object_id)
    if found is None:
        raise HTTPException(404, f"no object {object_id!r}")
    before = found - _MICROSECOND
    return _read_page(store, peer, collection_id, stix_time(before), 1)


def _date_headers(first: datetime | None, last: datetime | None) -> dict[str, str]:
    if first is None or last is None:
        return {}
    return {"X-TAXII-Date-Added-First": stix_time(first), "X-TAXII-Date-Added-Last": stix_time(last)}


def _peer_reader(store: Store, peer: Peer) -> Any:
    return store.accounts.reader_for(peer.user_id, "taxii")


def _apply_push(store: Store, peer: Peer, principal: Principal, col: Collection, objects: list[Any]) -> dict[str, Any]:
    with collector_paused():  # as the sync client maps a page it pulled (`_sync.py`)
        incoming, failures = incoming_from_objects(objects)
    outcomes = store.exchange.apply(incoming, peer=peer, actor=principal.reader)
    failed = {oid for oid, _ in failures}
    successes = [
        {"id": o["id"], "version": o.get("modified", o.get("created"))}
        for o in objects
        if isinstance(o, dict) and "id" in o and o["id"] not in failed
    ]
    status = {
        "id": str(uuid.uuid4()),
        "peer_id": peer.id,
        "collection_id": col.id,
        "created_at": now_utc(),
        "status": "complete",
        "total": len(objects),
        "successes": successes,
        "failures": [{"id": oid, "message": reason} for oid, reason in failures],
    }
    store.exchange.save_status(status)
    resource = _status_resource(status)
    resource["outcomes"] = {o: outcomes.count(o) for o in sorted(set(outcomes))}
    return resource


def _status_resource(row: dict[str, Any]) -> dict[str, Any]:
    successes, failures = list(row["successes"]), list(row["failures"])
    return {
        "id": row["id"],
        "status": row["status"],
        "request_timestamp": stix_time(row["created_at"]),
        "total_count": row["total"],
        "success_count": len(successes),
        "successes": successes,
        "failure_count": len(failures),
        "failures": failures,
        "pending_count": 0,
    }
