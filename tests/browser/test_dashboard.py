"""The dashboard in headless Chromium: loads, shows markers, filters, highlights evidence, runs no report code."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from borderwatch.store import Store
from tests.api.fixtures import SAMPLE_REPORTS, XSS_IMG, XSS_SCRIPT, KeywordExtractor, event_at
from tests.browser.conftest import ARTIFACTS, add_analyst, open_dashboard

pytestmark = pytest.mark.slow

TOTAL = sum(len(r.events) for r in SAMPLE_REPORTS)


def _markers(page: Any) -> int:
    return int(page.evaluate("window.bw.markerCount()"))


def test_page_loads_with_markers_borders_and_timeline(browser: Any, served: tuple[str, Store]) -> None:
    base, _ = served
    page = open_dashboard(browser, base)
    assert _markers(page) == TOTAL
    # Clusters or single markers are on the map, the base map is drawn, the timeline has bars.
    assert page.locator(".leaflet-marker-icon, path.event-marker").count() > 0
    assert page.locator("canvas").count() >= 1
    assert page.locator("#timeline rect").count() >= 6
    assert page.locator(".event-row").count() == TOTAL
    assert page.locator("#counts").inner_text() == f"{TOTAL} events · 6 reports"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".event-row", has_text="Remote explosive").click()
    page.wait_for_selector("#panel-detail mark")
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))
    assert page.errors == []
    page.close()


def test_type_filter_changes_markers(browser: Any, served: tuple[str, Store]) -> None:
    base, _ = served
    page = open_dashboard(browser, base)
    page.locator("#type-filter input[value='Strategic developments']").uncheck()
    _wait_markers(page, TOTAL - 2)
    for box in page.locator("#type-filter input").all():
        box.uncheck()
    page.locator("#type-filter input[value='Battles']").check()
    _wait_markers(page, 1)
    _wait_rows(page, 1)
    assert "Armed clash" in page.locator(".event-row").inner_text()
    page.locator("button[type=reset]").click()
    _wait_markers(page, TOTAL)
    page.close()


def _wait_markers(page: Any, expected: int, timeout_s: float = 10) -> None:
    _wait_for(lambda: _markers(page), expected, page, timeout_s)


def _wait_rows(page: Any, expected: int, timeout_s: float = 10) -> None:
    _wait_for(lambda: page.locator(".event-row").count(), expected, page, timeout_s)


def _wait_for(value: Any, expected: int, page: Any, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while (found := value()) != expected:
        assert time.monotonic() < deadline, f"{found}, expected {expected}"
        page.wait_for_timeout(50)


def test_event_panel_highlights_the_source_sentence(browser: Any, served: tuple[str, Store]) -> None:
    base, _ = served
    page = open_dashboard(browser, base)
    page.locator(".event-row", has_text="Disrupted weapons use").click()
    mark = page.wait_for_selector("#panel-detail mark")
    assert (
        mark.inner_text() == "Border guards seized four rifles and ammunition from a smuggling convoy east of Djanet."
    )
    text = page.locator("#panel-detail .report-text").inner_text()
    assert text.startswith("SYNTHETIC REPORT") and text.endswith("Officials did not comment further.")
    assert "weapons seizure, smuggling" in page.locator("#panel-detail").inner_text()
    # The actor link opens the actor's page.
    page.locator("#panel-detail button.link", has_text="Border Guards of Algeria").click()
    page.wait_for_selector("#panel-actor h3")
    assert page.locator("#panel-actor h3").inner_text() == "Border Guards of Algeria"
    assert page.locator("#panel-actor .event-row").count() == 2
    page.close()


def test_report_markup_is_shown_as_text_and_runs_nothing(browser: Any, served: tuple[str, Store]) -> None:
    base, store = served
    event = event_at(store, "Tataouine " + XSS_SCRIPT)
    # Without the page's Content-Security-Policy, so that only the rendering code stands between the
    # report and the browser: a payload that ran would set window.__xss.
    page = open_dashboard(browser, base, bypass_csp=True)
    row = page.locator(".event-row", has_text="Violent demonstration")
    assert XSS_SCRIPT in row.inner_text()
    row.click()
    page.wait_for_selector("#panel-detail mark")
    panel = page.locator("#panel-detail")
    text = panel.inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert panel.locator("script, img").count() == 0
    assert page.locator("img[src=x], script:not([src])").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert re.search(r"Tataouine <script>", page.locator("#panel-detail dl").inner_text())
    assert event["location"]["name"].startswith("Tataouine")
    page.close()


def test_zone_drawn_on_the_map_and_live_alert(
    browser: Any, served: tuple[str, Store], extractor: KeywordExtractor
) -> None:
    base, _ = served
    page = open_dashboard(browser, base)
    page.locator("#tabs button[data-tab=zones]").click()
    form = page.locator("form.zone-form")
    form.locator("input[name=name]").fill("Drawn box")
    form.locator("button", has_text="Start drawing").click()
    box = page.locator("#map").bounding_box()
    assert box is not None
    for dx, dy in ((0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7)):
        page.mouse.click(box["x"] + box["width"] * dx, box["y"] + box["height"] * dy)
    form.locator("button", has_text="Finish").click()
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".zone-row >> text=Drawn box")
    assert page.locator("#map path[stroke='#b00020']").count() >= 1
    (zone,) = [z for z in page.request.get(base + "/api/zones").json() if z["name"] == "Drawn box"]
    west, south, east, north = zone["bbox"]
    template = extractor.rules["clashed"]
    template.place = ("Synthetic wadi", (south + north) / 2, (west + east) / 2, "DZ")
    # A report posted by someone else arrives live: a new marker, an alert in the badge, a toast.
    before = _markers(page)
    csrf = page.request.get(base + "/auth/me").json()["csrf_token"]  # the session's: it posts with it
    posted = page.request.post(
        base + "/api/reports", data={"text": "SYNTHETIC. Gunmen clashed with a patrol."}, headers={"X-CSRF-Token": csrf}
    )
    assert posted.status == 201
    page.wait_for_selector("#toast div:has-text('Alert in Drawn box')", timeout=10_000)
    page.wait_for_function("document.getElementById('alert-badge').textContent === '1'", timeout=10_000)
    _wait_markers(page, before + 1)
    # The inbox: acknowledge the alert.
    page.locator("#alerts-button").click()
    row = page.locator(".alert-row", has_text="Drawn box")
    row.locator("button.ack").click()
    page.wait_for_selector(".alert-row:not(.open) >> text=acknowledged by dashboard")
    assert page.locator("#alert-badge").inner_text() == "0"
    page.close()


def test_brushing_the_timeline_filters_the_map(browser: Any, served: tuple[str, Store]) -> None:
    base, _ = served
    page = open_dashboard(browser, base)
    total = _markers(page)
    box = page.locator("#timeline svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    # Drag over the first third of the time axis: only the earlier events stay on the map and in the list.
    page.mouse.move(box["x"] + 31, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 3, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("#panel-list h3:has-text(' to ')")
    shown = _markers(page)
    assert 0 < shown < total
    assert page.locator(".event-row").count() == shown
    page.locator("#timeline svg").dblclick()
    _wait_markers(page, total)
    page.close()


def test_page_with_ten_thousand_events_draws_them_all(browser: Any, tmp_path: Any) -> None:
    from borderwatch.api import create_app
    from borderwatch.model import Report
    from borderwatch.settings import Settings
    from borderwatch.store import NewReport
    from tests.api.live import live_server

    settings = Settings(db=str(tmp_path / "ten-thousand.db"), cookie_secure=False)
    with Store.open(settings) as store:
        report = Report(text="SYNTHETIC. Generated events for the page-load test.", title="generated")
        store.add_reports([NewReport(report=report)])
        add_analyst(store, report.agency)
        store.bulk_insert_events(generated_event_rows(10_000), report.id)
        with live_server(create_app(settings, store=store)) as base:
            page = open_dashboard(browser, base)
            assert _markers(page) == 10_000
            assert page.evaluate("window.bw.loadMs") > 0  # how long it takes: bench/dashboard_load.py
            page.close()


def generated_event_rows(count: int, seed: int = 5) -> list[dict[str, object]]:
    import random

    from borderwatch.model import EVENT_TYPES

    rng = random.Random(seed)
    return [
        {"id": f"gen-{n:06d}", "event_type": (t := rng.choice(EVENT_TYPES)), "sub_event_type": f"{t} (generated)",
         "date": f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", "lat": rng.uniform(12, 37),
         "lon": rng.uniform(-12, 24), "fatalities": rng.choice([None, 0, 1, 3, 10]), "confidence": 0.7,
         "location_name": f"Place {n % 300}"}
        for n in range(count)
    ]  # fmt: skip


def test_login_form_and_filing_with_a_marking_and_groups(browser: Any, served: tuple[str, Store]) -> None:
    """The analyst logs in through the form, files a report choosing its marking and sharing groups; items
    show their markings."""
    from borderwatch.store import ReportQuery

    base, store = served
    if "dz-tn" not in {g["id"] for g in store.accounts.list_groups()}:
        store.accounts.add_group("dz-tn", "Synthetic joint cell")
        store.accounts.set_members("dz-tn", ["agency:test-centre"])
    page = open_dashboard(browser, base, via_form=True)
    assert "analyst · test-centre" in page.locator("#who").inner_text()
    assert page.locator(".event-row .marking").count() > 0  # every listed event shows its marking
    page.locator("#tabs button[data-tab=file]").click()
    page.fill("#file-form textarea[name=text]", "SYNTHETIC. A patrol saw smoke near an invented well.")
    page.select_option("#file-form select[name=marking]", "AMBER+STRICT")
    page.check("#file-form input[name=group][value=dz-tn]")
    page.click("#file-form button[type=submit]")
    page.wait_for_selector("#toast div:has-text('Report filed')", timeout=10_000)
    admin = __import__("borderwatch.store", fromlist=["Reader"]).Reader.local_admin()
    filed = [r for r in store.list_reports(ReportQuery(limit=1000), admin) if r["origin"] == "api"]
    newest = filed[0]
    assert (newest["marking"], newest["sharing_groups"], newest["agency"]) == (
        "AMBER+STRICT", ["dz-tn"], "test-centre",
    )  # fmt: skip
    assert page.errors == []
    page.close()


def test_a_wrong_password_is_refused_in_the_form(browser: Any, served: tuple[str, Store]) -> None:
    base, _ = served
    page = browser.new_page()
    page.goto(base + "/")
    page.wait_for_selector("#login-form")
    page.fill("#login-form input[name=username]", "analyst")
    page.fill("#login-form input[name=password]", "not the password")
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#login-message:has-text('wrong user name or password')")
    assert page.locator("body[data-ready='1']").count() == 0
    page.close()
