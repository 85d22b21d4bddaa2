"""The sharing endpoints as one FastAPI app (for `borderwatch peers serve`), or mounted into the API's.

`mount_share(app, settings)` adds login and session routes, account administration and the TAXII 2.1
server to an app that keeps its store in `app.state.store` and its settings in `app.state.settings`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ..settings import Settings
from ..store import Store
from ._accounts_api import accounts_router
from ._auth import SecurityHeaders, auth_router
from ._taxii import taxii_router

__all__ = ["create_share_app", "mount_share"]


def mount_share(app: FastAPI, settings: Settings) -> None:
    app.include_router(auth_router)
    app.include_router(accounts_router)
    app.include_router(
        taxii_router(max_content_length=int(settings.taxii_max_mb * 1_000_000), page_size=settings.taxii_page_size)
    )


def create_share_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """A standalone app with the sharing endpoints over the settings' database (or the given store)."""
    owned = store is None
    the_store = store or Store.open(settings)
    the_store.accounts.session_hours = settings.session_hours
    the_store.accounts.idle_minutes = settings.session_idle_minutes

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            the_store.close()

    app = FastAPI(title="borderwatch sharing", version="1", lifespan=lifespan)
    app.state.store = the_store
    app.state.settings = settings
    app.add_middleware(SecurityHeaders)
    mount_share(app, settings)
    return app
