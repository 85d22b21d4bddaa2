"""Headless Chromium (Debian's package) driven by Playwright against a live server on loopback.

Skipped only when the browser is genuinely absent; `make setup` installs it (CI does).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from borderwatch.api import create_app
from borderwatch.model import EventType
from borderwatch.settings import Settings
from borderwatch.store import Store
from tests.api.conftest import fake_border_strip
from tests.api.fixtures import KASSERINE, KeywordExtractor, SyntheticEvent, fill_store
from tests.api.live import live_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
    pytest.skip("Debian's chromium is not installed (make setup installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make setup)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def extractor() -> KeywordExtractor:
    clash = SyntheticEvent("", EventType.BATTLES, "Armed clash", KASSERINE, "2025-07-09", None, None, None, [], 0.8)
    return KeywordExtractor({"clashed": clash})


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, extractor: KeywordExtractor) -> Iterator[tuple[str, Store]]:
    """The dashboard over the synthetic sample store."""
    # Plain HTTP on loopback: the session cookie without its Secure flag.
    settings = Settings(db=str(tmp_path_factory.mktemp("browser") / "dash.db"), cookie_secure=False)
    with Store.open(settings) as store:
        fill_store(store)
        add_analyst(store)
        app = create_app(
            settings, store=store, make_extractor=lambda: extractor, border_strip=fake_border_strip, poll_s=0.2
        )
        with live_server(app) as base:
            yield base, store


USER, PASSWORD = "analyst", "a synthetic pass phrase"


def add_analyst(store: Store, agency: str = "test-centre") -> None:
    """The dashboard's user: an analyst of the centre that filed the test reports."""
    from borderwatch.model import Agency
    from borderwatch.store import Role

    store.accounts.add_agency(Agency(id=agency, name="Synthetic test centre"))
    store.accounts.add_user(USER, agency, Role.ANALYST, password=PASSWORD)


def open_dashboard(browser: Any, base: str, *, via_form: bool = False, **context: Any) -> Any:
    """A new page on the dashboard, logged in (by the login form, or beforehand so that page-load timings are
    the dashboard's own), once it has drawn its markers (console errors fail the test)."""
    page = browser.new_page(viewport={"width": 1400, "height": 850}, **context)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    if not via_form:
        answer = page.request.post(base + "/auth/login", data={"username": USER, "password": PASSWORD})
        assert answer.status == 200, answer.text()
    page.goto(base + "/")
    if via_form:
        page.wait_for_selector("#login-form", timeout=20_000)
        page.fill("#login-form input[name=username]", USER)
        page.fill("#login-form input[name=password]", PASSWORD)
        page.click("#login-form button[type=submit]")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    errors[:] = [e for e in errors if "401" not in e]  # asking who is logged in before anyone is
    page.errors = errors
    return page
