"""Feeds fetched over HTTP (a loopback server only), with conditional GET on the next poll."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from borderwatch.ingest import ReadOptions, fetch_feed, read_bytes
from tests.conftest import run_cli
from tests.ingest.test_reader import RSS


class _FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/missing.xml":
            self.send_response(404)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body = RSS.encode() if self.path == "/feed.xml" else b"<html><body>SYNTHETIC. A page.</body></html>"
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def feed_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_feed_uses_conditional_get(feed_server: str) -> None:
    data, headers = fetch_feed(f"{feed_server}/feed.xml")
    assert data is not None and headers["etag"] == '"v1"'
    assert len(list(read_bytes(data, "feed", ReadOptions(), feed=True))) == 2
    again, _ = fetch_feed(f"{feed_server}/feed.xml", etag=headers["etag"])
    assert again is None


def test_ingest_feed_url_and_failures(feed_server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    result = run_cli(
        "ingest",
        "--no-extract",
        "--feed",
        f"{feed_server}/feed.xml",
        "--feed",
        f"{feed_server}/missing.xml",
        "--feed",
        f"{feed_server}/page.html",
        db=db,
    )
    assert result.returncode == 1
    assert "stored 2 new report(s)" in result.stderr
    assert "missing.xml: the server answered HTTP 404" in result.stderr
    assert "page.html: not an RSS or Atom feed" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_feed_is_one_failure(tmp_path: Path) -> None:
    result = run_cli("ingest", "--no-extract", "--feed", "http://127.0.0.1:9/feed.xml", db=str(tmp_path / "b.db"))
    assert result.returncode == 1
    assert "cannot fetch the feed" in result.stderr and "Traceback" not in result.stderr


def test_ingest_from_standard_input(tmp_path: Path) -> None:
    result = run_cli(
        "ingest",
        "--no-extract",
        "-",
        db=str(tmp_path / "b.db"),
        stdin="SYNTHETIC. Guards stopped a fuel convoy near Ben Guerdane.",
    )
    assert result.returncode == 0 and "stored 1 new report(s)" in result.stderr
