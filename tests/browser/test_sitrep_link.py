"""The dashboard's situation report links follow its filters and brushed dates (headless Chromium).

Over the SYNTHETIC sample store of the browser tests."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from borderwatch.store import Store
from tests.browser.conftest import open_dashboard

pytestmark = pytest.mark.slow


def test_links_carry_the_filters_and_open_the_report(browser: Any, served: tuple[str, Store]) -> None:
    base, _ = served
    page = open_dashboard(browser, base)
    page.locator("#type-filter input[value='Strategic developments']").uncheck()
    box = page.locator("#timeline svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 31, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 5, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("#panel-list h3:has-text(' to ')")
    query = parse_qs(urlsplit(page.locator("#sitrep-html").get_attribute("href") or "").query)
    assert "Strategic developments" not in query["type"] and "Battles" in query["type"]
    assert query["since"] and query["until"]
    pdf_query = parse_qs(urlsplit(page.locator("#sitrep-pdf").get_attribute("href") or "").query)
    assert pdf_query == {**query, "format": ["pdf"]}
    answer = page.request.get(page.locator("#sitrep-html").get_attribute("href"))  # the page's session
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    body = answer.text()
    assert "Situation report" in body and 'id="by-type"' in body and "Strategic developments" not in body
    assert page.errors == []
    page.close()
