"""Account administration over HTTP: users and tokens of one's own agency, one's own audit trail.

An agency's admin manages its own agency only; everyone manages their own tokens. Agencies, sharing
groups and peers are the local administrator's, through the CLI.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from ..errors import AccessDeniedError, AuthError, BorderwatchError, InputError, NotFoundError
from ..store import AuditQuery, Role, Store
from ._auth import Principal, get_store, require

__all__ = ["accounts_router", "http_errors"]


@contextmanager
def http_errors() -> Iterator[None]:
    """Our coded errors as HTTP answers (a hidden item is a missing one: 404)."""
    try:
        yield
    except NotFoundError as exc:
        raise HTTPException(404, exc.message) from None
    except AccessDeniedError as exc:
        raise HTTPException(403, exc.message) from None
    except AuthError as exc:
        raise HTTPException(401, exc.message) from None
    except InputError as exc:
        raise HTTPException(422, exc.message) from None
    except BorderwatchError as exc:
        raise HTTPException(400, exc.message) from None


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")
    role: Role = Role.ANALYST
    name: str | None = Field(default=None, max_length=200)
    post_id: str | None = Field(default=None, max_length=64)
    password: str | None = Field(default=None, min_length=12, max_length=1000)


class NewToken(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    scopes: list[str] | None = None
    days: float = Field(default=90, gt=0, le=366)
    user: str | None = Field(default=None, description="an admin may create tokens for its agency's users")


StoreDep = Annotated[Store, Depends(get_store)]
Admin = Annotated[Principal, Depends(require("admin"))]
Anyone = Annotated[Principal, Depends(require("read"))]

accounts_router = APIRouter(prefix="/api/share", tags=["accounts"])


@accounts_router.get("/users")
def list_users(store: StoreDep, admin: Admin) -> list[dict[str, Any]]:
    return [u.__dict__ | {"role": u.role.value} for u in store.accounts.list_users(admin.user.agency)]


@accounts_router.post("/users", status_code=201)
def add_user(body: NewUser, store: StoreDep, admin: Admin) -> dict[str, Any]:
    if body.role is Role.PEER:
        raise HTTPException(422, "peers are added by the local administrator (borderwatch peers add)")
    with http_errors():
        user = store.accounts.add_user(
            body.id,
            admin.user.agency,
            body.role,
            name=body.name,
            post_id=body.post_id,
            password=body.password,
            actor=admin.reader,
        )
    return user.__dict__ | {"role": user.role.value}


@accounts_router.post("/users/{user_id}/disable")
def disable_user(user_id: str, store: StoreDep, admin: Admin) -> dict[str, str]:
    with http_errors():
        if store.accounts.get_user(user_id).agency != admin.user.agency:
            raise NotFoundError(f"no user {user_id!r}")
        store.accounts.set_disabled(user_id, True, actor=admin.reader)
    return {"status": "disabled"}


@accounts_router.get("/tokens")
def list_tokens(store: StoreDep, principal: Anyone) -> list[dict[str, Any]]:
    return [_plain(t) for t in store.accounts.list_tokens(principal.user.id)]


@accounts_router.post("/tokens", status_code=201)
def create_token(body: NewToken, store: StoreDep, principal: Anyone) -> dict[str, Any]:
    owner = body.user or principal.user.id
    with http_errors():
        if owner != principal.user.id and store.accounts.get_user(owner).agency != principal.user.agency:
            raise NotFoundError(f"no user {owner!r}")
        token, info = store.accounts.create_token(owner, body.name, body.scopes, body.days)
    return {
        "token": token,
        "id": info.id,
        "user": owner,
        "scopes": sorted(info.scopes),
        "expires_at": info.expires_at.isoformat() + "Z",
    }


@accounts_router.delete("/tokens/{token_id}")
def revoke_token(token_id: str, store: StoreDep, principal: Anyone) -> dict[str, str]:
    mine = {t["id"] for t in store.accounts.list_tokens(principal.user.id)}
    with http_errors():
        if token_id not in mine:
            owners = {t["id"]: t["user_id"] for t in store.accounts.list_tokens()}
            owner = owners.get(token_id)
            if (
                owner is None
                or principal.user.role is not Role.ADMIN
                or (store.accounts.get_user(owner).agency != principal.user.agency)
            ):
                raise NotFoundError(f"no token {token_id!r}")
        store.accounts.revoke_token(token_id)
    return {"status": "revoked"}


@accounts_router.get("/audit")
def audit(
    store: StoreDep,
    admin: Admin,
    since: datetime | None = None,
    action: str | None = None,
    limit: Annotated[int, Field(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:
    """What the admin's agency did, and what was done with its material (other agencies' items left out)."""
    agency = admin.user.agency
    own = store.audit.entries(AuditQuery(agency=agency, since=since, action=action, limit=limit))
    about = store.audit.entries(AuditQuery(object_agency=agency, since=since, action=action, limit=limit))
    merged = {e["id"]: e for e in [*own, *about]}
    entries = sorted(merged.values(), key=lambda e: e["id"], reverse=True)[:limit]
    for entry in entries:
        entry["objects"] = [o for o in entry["objects"] if o["agency"] == agency]
    return [_plain(e) for e in entries]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() + "Z" if isinstance(v, datetime) else v) for k, v in row.items()}
