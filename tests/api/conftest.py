"""An app over a store filled from code, called in-process through httpx's ASGI transport."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import shapely
from fastapi import FastAPI

from borderwatch.api import create_app
from borderwatch.model import EventType
from borderwatch.settings import Settings
from borderwatch.store import Store
from tests.api.fixtures import GAO, KASSERINE, KeywordExtractor, SyntheticEvent, fill_store


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def settings(db_url: str) -> Settings:
    """On the embedded SQLite file and on PostgreSQL (`db_url` is parametrized)."""
    return Settings(db=db_url)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with Store.open(settings) as store:
        fill_store(store)
        yield store


@pytest.fixture
def token(store: Store) -> str:
    """An API token of an admin of the centre that filed the test reports (it sees all of them)."""
    from borderwatch.model import Agency
    from borderwatch.store import Role

    store.accounts.add_agency(Agency(id="test-centre", name="Synthetic test centre"))
    store.accounts.add_user("tester", "test-centre", Role.ADMIN)
    secret, _ = store.accounts.create_token("tester", "tests")
    return secret


def fake_border_strip(pair: str, km: float) -> shapely.Geometry:
    """A stand-in for the places stage's border strips: a box around a straight 'border' at lon 8.3."""
    if pair != "DZA-TUN":
        from borderwatch.errors import InputError

        raise InputError(f"{pair}: no common land border (test stand-in knows DZA-TUN)")
    half = km / 100
    return shapely.box(8.3 - half, 32.0, 8.3 + half, 37.0)


@pytest.fixture
def extractor() -> KeywordExtractor:
    return KeywordExtractor(
        {
            "clashed": SyntheticEvent("", EventType.BATTLES, "Armed clash", KASSERINE, "2025-07-01",
                                      "Unidentified Armed Group (Tunisia)", None, 1, ["patrol"], 0.8),
            "roadside bomb": SyntheticEvent("", EventType.EXPLOSIONS, "Remote explosive/landmine/IED", GAO,
                                            "2025-07-02", None, None, 2, [], 0.9),
        }
    )  # fmt: skip


@pytest.fixture
def app(settings: Settings, store: Store, extractor: KeywordExtractor) -> FastAPI:
    return create_app(
        settings, store=store, make_extractor=lambda: extractor, border_strip=fake_border_strip, background=False
    )


@pytest.fixture
async def client(app: FastAPI, token: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://bw.test", headers=headers) as client:
        yield client
