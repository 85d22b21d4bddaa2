"""The command line as a user meets it: real subprocesses, one error line, no traceback."""

import json
from pathlib import Path

import pytest

from tests.conftest import field_report, run_cli, write_jsonl


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    return lines[0]


def test_ingest_twice_stores_once_and_lists(tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "posts.jsonl", [field_report(i) for i in range(12)])
    first = run_cli("ingest", "--no-extract", str(tmp_path / "in"), db=db)
    assert first.returncode == 0, first.stderr
    assert "stored 12 new report(s)" in first.stderr
    second = run_cli("ingest", "--no-extract", str(tmp_path / "in"), db=db)
    assert "stored 0 new report(s)" in second.stderr and "12 already stored" in second.stderr
    listed = run_cli("reports", "--format", "json", "--limit", "50", db=db)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 12 and {r["kind"] for r in rows} == {"field"}
    csv_out = run_cli("reports", "--format", "csv", "--kind", "field", "--limit", "3", db=db)
    assert csv_out.stdout.splitlines()[0].startswith("id,kind,published")
    assert len(csv_out.stdout.splitlines()) == 4


def test_partly_failed_batch_names_each_failure_and_exits_non_zero(tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("SYNTHETIC. Guards arrested two smugglers near Nefta.")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02")
    result = run_cli("ingest", "--no-extract", str(folder), str(folder / "missing.txt"), db=db)
    assert result.returncode == 1
    assert "stored 1 new report(s)" in result.stderr
    assert "blob.txt: binary file" in result.stderr and "missing.txt: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_reports_stored_without_extraction_are_extracted_later(tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    (tmp_path / "raid.txt").write_text(
        "SYNTHETIC. Gunmen attacked a customs post near Nefta on 3 March 2025, killing two customs officers."
    )
    assert run_cli("ingest", "--no-extract", str(tmp_path / "raid.txt"), db=db).returncode == 0
    first = run_cli("reports", "extract", db=db)
    assert first.returncode == 0, first.stderr
    assert "extracted 1 report(s): 1 changed, 0 unchanged; 1 event mention(s) fused" in first.stderr
    events = run_cli("events", "--format", "json", db=db)
    assert [json.loads(line)["location_name"] for line in events.stdout.splitlines()] == ["Nefta"]
    again = run_cli("reports", "extract", "--all", db=db)
    assert "extracted 1 report(s): 0 changed, 1 unchanged" in again.stderr
    assert "no report 'R404'" in _one_error_line(run_cli("reports", "extract", "R404", db=db).stderr)


def test_reports_show_gives_the_text_and_the_events_coded_from_it(tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    text = "SYNTHETIC. Gunmen attacked a customs post near Nefta on 3 March 2025, killing two customs officers."
    (tmp_path / "raid.txt").write_text("Title: Synthetic raid\n\n" + text)
    assert run_cli("ingest", str(tmp_path / "raid.txt"), db=db).returncode == 0
    (listed,) = run_cli("reports", "--format", "json", db=db).stdout.splitlines()
    report_id = json.loads(listed)["id"]
    shown = json.loads(run_cli("reports", "show", report_id, "--json", db=db).stdout)
    assert shown["title"] == "Synthetic raid" and "raw" not in shown and "minhash" not in shown
    (event,) = shown["events"]
    assert event["location"]["name"] == "Nefta"
    assert shown["text"][event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["sentence"]
    table = run_cli("reports", "show", report_id, db=db)
    assert table.returncode == 0, table.stderr
    assert "killing two customs officers. [1]" in table.stdout and event["id"] in table.stdout
    assert "no report 'R404'" in _one_error_line(run_cli("reports", "show", "R404", db=db).stderr)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ingest",), "give files, folders or archives"),
        (("ingest", "--marking", "WHITE", "x.txt"), "setting marking"),
        (("ingest", "--every", "soon", "--feed", "x.xml"), "--every 'soon'"),
        (("extract", "--published", "yesterday", "x.txt"), "--published 'yesterday'"),
        (("events", "--since", "2025-13-01"), "--since '2025-13-01'"),
        (("events", "--limit", "0"), "--limit"),
        (("export", "--border", "DZA-TUS"), "TUS is not an ISO 3166-1 alpha-3"),
        (("export", "--border", "DZA"), "two ISO 3166-1 alpha-3 codes"),
        (("export", "--country", "Algeria"), "--country: 'Algeria'"),
        (("events", "--km", "-5"), "--km: -5.0"),
    ],
)
def test_bad_options_give_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args, db=str(tmp_path / "bw.db"))
    assert result.returncode == 2
    assert message in _one_error_line(result.stderr)


def test_a_database_that_is_not_ours_gives_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes")
    result = run_cli("reports", db=str(notes))
    assert result.returncode == 2
    assert "is not a borderwatch database" in _one_error_line(result.stderr)


def test_a_feed_that_is_not_a_feed_fails_cleanly(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>SYNTHETIC. Not a feed at all.</p></body></html>")
    result = run_cli("ingest", "--no-extract", "--feed", str(page), db=str(tmp_path / "bw.db"))
    assert result.returncode == 1
    assert "not an RSS or Atom feed" in result.stderr and "Traceback" not in result.stderr


def test_malformed_jsonl_for_extract_gives_one_line(tmp_path: Path) -> None:
    result = run_cli("extract", "--jsonl", "-", stdin='{"id": "a", "text": "x"}\n{oops\n')
    assert result.returncode == 2
    assert "line 2: not JSON" in _one_error_line(result.stderr)
