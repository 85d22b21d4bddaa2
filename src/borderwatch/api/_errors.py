"""Errors as HTTP answers: 422 naming the field for bad input, 404 for unknown ids, never a 500 for either."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from ..errors import AccessDeniedError, AuthError, BorderwatchError, InputError, NotFoundError, StoreError

__all__ = ["install_error_handlers", "validated"]

log = logging.getLogger("borderwatch.api")


def validated(cls: Any, where: str = "query", **values: Any) -> Any:
    """Build a pydantic object from request values; a bad value is a 422 that names its field."""
    try:
        return cls(**values)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": (where, *[str(p) for p in e["loc"]]) if e["loc"] else (where,)} for e in exc.errors()]
        ) from None


def _field_of(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path", "header")]
    return ".".join(parts) or str(loc[0] if loc else "request")


def _error(status: int, code: str, message: str, field: str | None = None, detail: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if field:
        body["error"]["field"] = field
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status)


async def _on_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    field = _field_of(first["loc"])
    return _error(422, InputError.code, f"{field}: {first['msg']}", field, errors)


async def _on_ours(_request: Request, exc: BorderwatchError) -> JSONResponse:
    if isinstance(exc, NotFoundError):
        return _error(404, exc.code, exc.message)
    if isinstance(exc, InputError):
        field, sep, _ = exc.message.partition(": ")
        return _error(422, exc.code, exc.message, field if sep and " " not in field else None)
    if isinstance(exc, StoreError):
        return _error(503, exc.code, exc.message)
    if isinstance(exc, AccessDeniedError):
        return _error(403, exc.code, exc.message)
    if isinstance(exc, AuthError):
        return _error(401, exc.code, exc.message)
    return _error(500, exc.code, exc.message)


async def _on_http(_request: Request, exc: HTTPException) -> JSONResponse:
    code = {404: "E404", 405: "E405", 413: "E413"}.get(exc.status_code, f"E{exc.status_code}")
    response = _error(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})  # WWW-Authenticate on 401, Retry-After on 429
    return response


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return _error(500, "E000", f"internal error ({type(exc).__name__})")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(BorderwatchError, _on_ours)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_unexpected)
