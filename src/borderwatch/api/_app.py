"""`create_app(settings)`: the FastAPI application of `borderwatch serve` (API, live stream, dashboard)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from starlette.middleware.gzip import GZipMiddleware

from .. import __version__
from ..settings import Settings
from ..share import mount_share
from ..store import Store
from ..zones import BorderStripMaker, default_border_strip
from . import _alerts, _directory, _events, _meta, _report_extraction, _reports, _sitrep, _stream, _zones
from ._delivery import WebhookDeliverer
from ._errors import install_error_handlers
from ._feed import ChangeFeed
from ._state import AppState
from ._web import install_web

__all__ = ["create_app"]

# The page loads only our own files: a report's text can never bring in a script, even if shown wrongly.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(
    settings: Settings,
    *,
    store: Store | None = None,
    make_extractor: Callable[[], Any] | None = None,
    border_strip: BorderStripMaker = default_border_strip,
    background: bool = True,
    poll_s: float = 1.0,
    webhook_backoff_s: float = 1.0,
) -> FastAPI:
    """The app over one store. `background` runs the live feed and webhook delivery with the app.

    Tests hand in a `store` filled from code, a `make_extractor` that needs no model, a `border_strip`
    that needs no gazetteer, and shorter `poll_s` and `webhook_backoff_s`.
    """
    the_store = store or Store.open(settings)

    def default_extractor() -> Any:
        from ..pipeline import make_extractor as make

        return make(settings)

    state = AppState(
        settings=settings,
        store=the_store,
        make_extractor=make_extractor or default_extractor,
        feed=ChangeFeed(the_store, poll_s=poll_s),
        deliverer=WebhookDeliverer(the_store, settings, poll_s=poll_s, backoff_base_s=webhook_backoff_s),
        border_strip=border_strip,
    )

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        tasks = (
            [asyncio.create_task(state.feed.run()), asyncio.create_task(state.deliverer.run())] if background else []
        )
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if store is None:
                the_store.close()

    app = FastAPI(
        title="borderwatch",
        version=__version__,
        summary="Reports in; mapped, fused events, watch zones and alerts out.",
        lifespan=lifespan,
        max_body_size=int(settings.max_file_mb * 1_000_000),
    )
    app.state.borderwatch = state
    # Sharing (issue 7): login and sessions, account administration, TAXII 2.1; they read these two.
    app.state.store, app.state.settings = the_store, settings
    the_store.accounts.session_hours = settings.session_hours
    the_store.accounts.idle_minutes = settings.session_idle_minutes
    mount_share(app, settings)
    install_error_handlers(app)
    for router in (
        _report_extraction.router,
        _reports.router,
        _events.router,
        _sitrep.router,
        _directory.actors_router,
        _directory.places_router,
        _zones.router,
        _alerts.alerts_router,
        _alerts.webhooks_router,
        _stream.router,
        _meta.router,
    ):
        app.include_router(router)
    install_web(app, settings)
    _document_report_bodies(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=4)  # level 9 costs more than it saves

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def _document_report_bodies(app: FastAPI) -> None:
    """POST /api/reports reads its body itself (three JSON shapes or raw text): add their schemas to the document."""
    from ..ingest import FieldReportIn
    from ._reports import HtmlReportIn, TextReportIn

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in (TextReportIn, HtmlReportIn, FieldReportIn):
                found = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(found.pop("$defs", {}))
                components[model.__name__] = found
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
