"""Who is calling: FastAPI dependencies for API tokens and dashboard sessions, and the login routes.

- `Authorization: Bearer bw_…` (or HTTP Basic with the token as password, for TAXII clients) → the token's
  user, with the token's scopes.
- The `bw_session` cookie (HttpOnly, SameSite=Strict, Secure) → the session's user, with every scope of
  the user's role; unsafe methods also need the session's CSRF token in `X-CSRF-Token`, and a cross-site
  `Origin` is refused.
- Nothing valid → 401. A valid caller without the scope an endpoint needs → 403.

The app must keep its `Store` in `app.state.store` and its `Settings` in `app.state.settings`.
Authenticating also sets the audit actor (`store.acting_as`) for the rest of the request.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from starlette.middleware.base import BaseHTTPMiddleware

from ..errors import AuthError
from ..settings import Settings
from ..store import LoginThrottled, Reader, Store, User, scopes_of, set_actor

__all__ = [
    "SESSION_COOKIE",
    "Principal",
    "SecurityHeaders",
    "auth_router",
    "authenticate",
    "get_store",
    "require",
]

SESSION_COOKIE = "bw_session"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Principal:
    user: User
    reader: Reader
    scopes: frozenset[str]
    via: str  # "token" or "session"
    csrf_token: str | None = None


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": 'Bearer realm="borderwatch"'})


async def authenticate(request: Request) -> Principal:
    """The caller, from a token or a session; sets the audit actor for this request."""
    store = get_store(request)
    token = _token_of(request)
    try:
        if token is not None:
            info = store.accounts.authenticate_token(token)
            interface = "taxii" if request.url.path.startswith("/taxii2") else "api"
            principal = Principal(info.user, store.accounts.reader_for(info.user, interface), info.scopes, "token")
        else:
            principal = _session_principal(request, store)
    except AuthError as exc:
        raise _unauthorized(exc.message) from None
    # Async dependency: the context variable stays set for the endpoint that follows.
    set_actor(principal.reader)
    request.state.principal = principal
    return principal


def _token_of(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if scheme.lower() == "basic" and value.strip():
        try:
            _, _, password = base64.b64decode(value.strip()).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            raise _unauthorized("malformed Basic credentials") from None
        return password
    return None


def _session_principal(request: Request, store: Store) -> Principal:
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        raise AuthError("authentication required: an API token or a dashboard session")
    session = store.accounts.session(secret)
    if request.method in _UNSAFE:
        _check_csrf(request, session.csrf_token)
    reader = store.accounts.reader_for(session.user, "dashboard")
    return Principal(session.user, reader, scopes_of(session.user.role), "session", session.csrf_token)


def _check_csrf(request: Request, expected: str) -> None:
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.url.netloc:
        raise HTTPException(403, "cross-site request refused")
    given = request.headers.get("x-csrf-token", "")
    if not hmac.compare_digest(given, expected):
        raise HTTPException(403, "missing or wrong CSRF token (X-CSRF-Token)")


def require(scope: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the caller, who must hold `scope` (read, write, admin, taxii)."""

    async def dependency(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if scope not in principal.scopes:
            raise HTTPException(403, f"this credential lacks the {scope!r} scope")
        return principal

    return dependency


# -- login, logout, who am I ----------------------------------------------------------------------

auth_router = APIRouter(prefix="/auth", tags=["auth"])


@auth_router.post("/login")
async def login(request: Request, response: Response) -> dict[str, Any]:
    """Log in with `username` and `password` (JSON or form); sets the session cookie, returns the CSRF token."""
    username, password = await _credentials(request)
    store, settings = get_store(request), _settings(request)
    client = request.client.host if request.client else "unknown"
    try:
        secret, session = store.accounts.login(username, password, client)
    except LoginThrottled as exc:
        raise HTTPException(429, exc.message, headers={"Retry-After": str(exc.retry_after)}) from None
    except AuthError as exc:
        raise HTTPException(401, exc.message) from None
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=int(settings.session_hours * 3600),
        httponly=True,
        secure=settings.cookie_secure,
        samesite="strict",
        path="/",
    )
    return {
        "user": session.user.id,
        "agency": session.user.agency,
        "role": session.user.role.value,
        "csrf_token": session.csrf_token,
        "expires_at": session.expires_at.isoformat() + "Z",
    }


async def _credentials(request: Request) -> tuple[str, str]:
    body = await request.body()
    if len(body) > 4096:
        raise HTTPException(413, "login request too large")
    kind = request.headers.get("content-type", "")
    try:
        if kind.startswith("application/json"):
            data = json.loads(body or b"{}")
        else:
            data = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(422, "expected username and password as JSON or a form") from None
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or not username or not password:
        raise HTTPException(422, "expected username and password")
    return username, password


@auth_router.post("/logout")
async def logout(
    request: Request, response: Response, principal: Annotated[Principal, Depends(authenticate)]
) -> dict[str, str]:
    secret = request.cookies.get(SESSION_COOKIE)
    if principal.via == "session" and secret:
        get_store(request).accounts.logout(secret)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return {"status": "logged out"}


@auth_router.get("/me")
async def me(principal: Annotated[Principal, Depends(authenticate)]) -> dict[str, Any]:
    reader = principal.reader
    return {
        "user": principal.user.id,
        "agency": principal.user.agency,
        "role": principal.user.role.value,
        "post_id": principal.user.post_id,
        "groups": sorted(reader.groups),
        "scopes": sorted(principal.scopes),
        "csrf_token": principal.csrf_token,
    }


class SecurityHeaders(BaseHTTPMiddleware):
    """Headers every response carries: no framing, no sniffing, a strict content security policy."""

    CSP = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", self.CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Cache-Control", "no-store")
        return response
