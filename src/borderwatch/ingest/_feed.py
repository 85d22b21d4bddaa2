"""RSS and Atom feeds (feedparser): each entry a report with its link and date."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from ..errors import FeedError
from ..model import Report, ReportKind, Source, normalise_text
from ._html import html_to_text

__all__ = ["feed_reports", "fetch_feed"]

_TIMEOUT_S = 30.0


def fetch_feed(url: str, etag: str | None = None, modified: str | None = None) -> tuple[bytes | None, dict[str, str]]:
    """GET a feed; (None, headers) when the server says it has not changed since the last poll."""
    import httpx

    headers = {"User-Agent": "borderwatch feed reader"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        response = httpx.get(url, headers=headers, timeout=_TIMEOUT_S, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise FeedError(f"{url}: cannot fetch the feed ({type(exc).__name__}: {exc})") from None
    if response.status_code == 304:
        return None, dict(response.headers)
    if response.status_code >= 400:
        raise FeedError(f"{url}: the server answered HTTP {response.status_code}")
    return response.content, dict(response.headers)


def feed_reports(data: bytes, origin: str) -> Iterator[Report]:
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"{origin}: not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    channel = parsed.feed
    source = Source(name=channel.get("title") or origin, url=channel.get("link"))
    empty = 0
    for index, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        title = normalise_text(entry.get("title", "")) or None
        if not text:
            text = title or ""
        if not text:
            empty += 1
            continue
        yield Report(
            id="",
            kind=ReportKind.FEED_ENTRY,
            text=text,
            title=title,
            published=_entry_time(entry),
            source=source,
            url=entry.get("link"),
            origin=f"{origin} entry {index}",
            raw=text.encode("utf-8"),
        )
    # A feed cut off mid-way parses "successfully" into fewer (or empty) entries: the entries read are
    # kept, and the breakage is reported so that the lost tail is not silent. Other "bozo" flags
    # (a declared encoding that was wrong, a text/plain content type) are harmless and common.
    reason = parsed.get("bozo_exception")
    if isinstance(reason, SAXException):
        raise FeedError(f"{origin}: malformed feed, entries after the break are lost ({reason})")
    if empty:
        raise FeedError(f"{origin}: {empty} feed entr{'y' if empty == 1 else 'ies'} without title or text")


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    return html_to_text(html)


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None
