import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from borderwatch.ingest import Failure, ReadOptions, read_bytes, read_paths
from borderwatch.model import Marking, Report, ReportKind
from tests.conftest import field_report, write_jsonl

HTML = """<!DOCTYPE html><html><head><title>Clash near Dehiba | Synthetic Times</title>
<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Clash near Dehiba</h1>
<p>SYNTHETIC REPORT. Gunmen attacked a customs post near Dehiba on Monday, wounding two officers, the
interior ministry said in a statement issued late on Tuesday.</p>
<p>The attackers fled toward the Libyan side of the border, according to spokesman Karim Invented.</p>
</article><footer>Copyright Synthetic Times. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Synthetic Sahel Wire</title>
<link>https://example.org/</link><description>synthetic</description>
<item><title>Patrol ambushed near Menaka</title><link>https://example.org/a1</link>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;SYNTHETIC. A patrol was ambushed near Menaka on Monday.&lt;/p&gt;</description></item>
<item><title>Market reopens in Gao</title><link>https://example.org/a2</link>
<pubDate>Wed, 05 Mar 2025 09:30:00 GMT</pubDate><description>SYNTHETIC. The market reopened.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Synthetic Maghreb Monitor</title><id>urn:x</id><updated>2025-04-02T00:00:00Z</updated>
<entry><title>Seizure at Ras Ajdir</title><link href="https://example.net/s1"/><id>urn:s1</id>
<updated>2025-04-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;SYNTHETIC. Customs seized 40 rifles at Ras Ajdir.&lt;/p&gt;</content></entry>
</feed>"""

OPTIONS = ReadOptions()


def _reports(items: list[Report | Failure]) -> list[Report]:
    return [i for i in items if isinstance(i, Report)]


def test_text_report_takes_its_headline_and_the_batch_defaults() -> None:
    options = ReadOptions(
        agency="tn-gn", marking=Marking.GREEN, sharing_groups=("dz-tn-cell",), published=datetime(2025, 1, 2)
    )
    data = b"Smugglers arrested near Kasserine\n\nSYNTHETIC. Guards arrested four smugglers on Sunday."
    [report] = _reports(list(read_bytes(data, "news/a.txt", options)))
    assert report.kind is ReportKind.TEXT
    assert report.title == "Smugglers arrested near Kasserine"
    assert report.text.endswith("on Sunday.")
    assert (report.agency, report.marking, report.sharing_groups) == ("tn-gn", Marking.GREEN, ("dz-tn-cell",))
    assert report.published == datetime(2025, 1, 2)
    assert report.id == report.content_hash[:24]
    assert report.raw == data


def test_text_without_headline_has_no_title() -> None:
    [report] = _reports(list(read_bytes(b"SYNTHETIC. Guards arrested four smugglers.", "b.txt", OPTIONS)))
    assert report.title is None


def test_html_page_gives_main_text_title_and_date() -> None:
    [report] = _reports(list(read_bytes(HTML.encode(), "web/dehiba.html", OPTIONS)))
    assert report.kind is ReportKind.HTML
    assert report.title == "Clash near Dehiba"
    assert report.published is not None and report.published.date().isoformat() == "2025-03-04"
    assert "customs post near Dehiba" in report.text
    assert "newsletter" not in report.text and "Weather" not in report.text


def test_rss_entries_become_reports_with_link_date_and_source() -> None:
    reports = _reports(list(read_bytes(RSS.encode(), "feed.xml", OPTIONS)))
    assert [r.title for r in reports] == ["Patrol ambushed near Menaka", "Market reopens in Gao"]
    first = reports[0]
    assert first.kind is ReportKind.FEED_ENTRY
    assert first.url == "https://example.org/a1"
    assert first.published == datetime(2025, 3, 4, 8, 0, tzinfo=UTC)
    assert first.text == "SYNTHETIC. A patrol was ambushed near Menaka on Monday."
    assert first.source is not None and first.source.name == "Synthetic Sahel Wire"


def test_a_feed_cut_off_keeps_the_entries_read_and_reports_the_break() -> None:
    cut = RSS[: RSS.index("<item><title>Market")] + "<item><title>Market reo"
    items = list(read_bytes(cut.encode(), "cut.xml", OPTIONS))
    reports = [item for item in items if isinstance(item, Report)]
    failures = [item for item in items if isinstance(item, Failure)]
    assert [r.title for r in reports] == ["Patrol ambushed near Menaka"]
    assert len(failures) == 1 and "malformed feed" in failures[0].reason


def test_a_feed_with_a_wrongly_declared_encoding_is_not_an_error() -> None:
    latin = RSS.replace('encoding="UTF-8"', 'encoding="us-ascii"').replace("Gao", "Gaó")
    items = list(read_bytes(latin.encode("utf-8"), "feed.xml", OPTIONS))
    assert all(isinstance(item, Report) for item in items) and len(items) == 2


def test_feed_entries_without_title_or_text_are_counted_as_failed() -> None:
    blank = RSS.replace("</channel>", "<item><link>https://example.org/a3</link></item></channel>")
    items = list(read_bytes(blank.encode(), "feed.xml", OPTIONS))
    assert len([item for item in items if isinstance(item, Report)]) == 2
    [failure] = [item for item in items if isinstance(item, Failure)]
    assert "1 feed entry without title or text" in failure.reason


def test_atom_feed_is_sniffed_without_a_telling_file_name() -> None:
    [report] = _reports(list(read_bytes(ATOM.encode(), "download", OPTIONS)))
    assert report.url == "https://example.net/s1"
    assert "40 rifles" in report.text


def test_a_page_that_is_not_a_feed_is_refused_as_feed() -> None:
    [item] = list(read_bytes(HTML.encode(), "https://example.org/page", OPTIONS, feed=True))
    assert isinstance(item, Failure)
    assert "not an RSS or Atom feed" in item.reason


def test_field_reports_keep_their_marking_agency_position_and_time() -> None:
    data = json.dumps(field_report(3, marking="amber+strict", agency="dz-anp", sharing_groups=["g1"])).encode()
    [report] = _reports(list(read_bytes(data, "post.json", OPTIONS)))
    assert report.kind is ReportKind.FIELD
    assert report.marking is Marking.AMBER_STRICT
    assert report.agency == "dz-anp"
    assert report.sharing_groups == ("g1",)
    assert report.position is not None and report.position.lat == pytest.approx(19.6)
    assert report.published == datetime(2025, 5, 4, 3, 3, tzinfo=UTC)
    assert report.post_id == "DZ-TEST-03"


def test_same_words_from_two_posts_are_two_reports() -> None:
    a = field_report(1, text="Nothing to report.")
    b = field_report(2, text="Nothing to report.")
    data = (json.dumps(a) + "\n" + json.dumps(b) + "\n").encode()
    reports = _reports(list(read_bytes(data, "posts.jsonl", OPTIONS)))
    assert len({r.content_hash for r in reports}) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"position": {"lat": 95, "lon": 5}}, "field 'position.lat'"),
        ({"category": "picnic"}, "field 'category'"),
        ({"time": "yesterday"}, "field 'time'"),
        ({"marking": "WHITE"}, "field 'marking'"),
        ({"txet": "typo"}, "field 'txet'"),
    ],
)
def test_bad_field_report_names_the_field_and_line(change: dict[str, object], message: str) -> None:
    good, bad = field_report(1), field_report(2, **change)
    data = (json.dumps(good) + "\n" + json.dumps(bad) + "\n").encode()
    items = list(read_bytes(data, "posts.jsonl", OPTIONS))
    assert isinstance(items[0], Report)
    assert isinstance(items[1], Failure)
    assert items[1].origin == "posts.jsonl line 2"
    assert message in items[1].reason


def test_missing_field_is_named() -> None:
    item = field_report(1)
    del item["post_id"]
    [failure] = list(read_bytes(json.dumps([item]).encode(), "posts.json", OPTIONS))
    assert isinstance(failure, Failure)
    assert failure.origin == "posts.json item 1" and "'post_id'" in failure.reason


def test_malformed_json_file_is_one_failure() -> None:
    [failure] = list(read_bytes(b'[{"post_id": ', "broken.json", OPTIONS))
    assert isinstance(failure, Failure) and "malformed JSON" in failure.reason


def test_folders_zips_and_failures_in_one_batch(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("SYNTHETIC. First report about a patrol near Tebessa.")
    (tmp_path / "sub" / "deeper" / "b.txt").write_text("SYNTHETIC. Second report about a seizure near Tozeur.")
    (tmp_path / ".hidden.txt").write_text("not read")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03")
    write_jsonl(tmp_path / "sub" / "posts.jsonl", [field_report(i) for i in range(3)])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner/c.txt", "SYNTHETIC. Third report about protesters in Ben Guerdane.")
        archive.writestr("inner/feed.xml", RSS)
    (tmp_path / "bundle.zip").write_bytes(buffer.getvalue())
    items = list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")], OPTIONS))
    reports = _reports(items)
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(reports) == 2 + 3 + 1 + 2
    assert any(r.origin and r.origin.endswith("bundle.zip!inner/c.txt") for r in reports)
    assert sorted(f.reason for f in failures) == ["binary file, not a report", "empty", "no such file or folder"]


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("SYNTHETIC. " * 200)
    [failure] = list(read_paths([str(big)], ReadOptions(max_bytes=1000)))
    assert isinstance(failure, Failure) and "over the limit" in failure.reason


def test_text_header_gives_metadata_and_is_not_part_of_the_text() -> None:
    data = (
        b"Published: 2025-07-16\nSource: Synthetic Wire\nMarking: GREEN\nGroups: dz-tn-cell, g2\n\n"
        b"Patrol ambushed near Abala\nSYNTHETIC. Armed men ambushed a patrol near Abala on Tuesday."
    )
    [report] = _reports(list(read_bytes(data, "a.txt", OPTIONS)))
    assert report.published == datetime(2025, 7, 16)
    assert report.source is not None and report.source.name == "Synthetic Wire"
    assert report.marking is Marking.GREEN and report.sharing_groups == ("dz-tn-cell", "g2")
    assert report.title == "Patrol ambushed near Abala"
    assert report.text.startswith("Patrol ambushed")


def test_a_first_paragraph_that_only_looks_like_a_header_is_text() -> None:
    data = b"Note: the convoy left at dawn.\n\nSYNTHETIC. Guards stopped it near Nefta."
    [report] = _reports(list(read_bytes(data, "b.txt", OPTIONS)))
    assert report.text.startswith("Note: the convoy")


def test_a_bad_header_date_is_one_failure() -> None:
    [failure] = list(read_bytes(b"Published: soon\n\nSYNTHETIC. Text.", "c.txt", OPTIONS))
    assert isinstance(failure, Failure) and "header Published 'soon'" in failure.reason
