"""An agency's country, set from the command line, reaches extraction: a post's own forces become its state's.

SYNTHETIC: an invented agency and post (XX-*), an invented patrol; the position is a real border area.
"""

import json
from pathlib import Path

import pytest

from tests.conftest import field_report, run_cli, write_jsonl

pytestmark = pytest.mark.slow

# A post a few km from the Algeria-Mali border whose position the gazetteer's borders place in Mali.
PATROL = field_report(
    1,
    post_id="XX-TST-03",
    agency="xx-army",
    position={"lat": 21.05, "lon": 0.9},
    category="patrol",
    text="SYNTHETIC. Patrol found and destroyed 1 IED on the track 12 km S of the post.",
)


def _actor1s(db: str) -> list[str]:
    events = run_cli("events", "--format", "json", db=db)
    assert events.returncode == 0, events.stderr
    return [json.loads(line)["actor1"] for line in events.stdout.splitlines()]


def test_setting_an_agencys_country_recodes_its_posts_own_forces(tmp_path: Path) -> None:
    db = str(tmp_path / "bw.db")
    assert run_cli("agencies", "add", "xx-army", "--name", "Synthetic army", db=db).returncode == 0
    assert run_cli("ingest", str(write_jsonl(tmp_path / "posts.jsonl", [PATROL])), db=db).returncode == 0
    assert _actor1s(db) == ["Military Forces of Mali (2021-)"]  # an agency with no country: the position's
    changed = run_cli("agencies", "country", "xx-army", "dz", db=db)
    assert changed.returncode == 0, changed.stderr
    assert run_cli("reports", "extract", "--all", db=db).returncode == 0
    assert _actor1s(db) == ["Military Forces of Algeria (2019-)"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("agencies", "country", "xx-army", "Algeria"), "country 'Algeria': expected an ISO 3166-1 alpha-2 code"),
        (("agencies", "country", "xx-nowhere", "DZ"), "no agency 'xx-nowhere'"),
        (("agencies", "add", "xx-guard", "--name", "Synthetic guard", "--country", "DZA"), "country 'DZA'"),
    ],
)
def test_a_bad_agency_country_gives_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    db = str(tmp_path / "bw.db")
    assert run_cli("agencies", "add", "xx-army", "--name", "Synthetic army", db=db).returncode == 0
    result = run_cli(*args, db=db)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(lines) == 1 and message in lines[0], result.stderr


def _extracted_actor1s(result_stdout: str) -> list[str]:
    return [event["actor1"]["name"] for line in result_stdout.splitlines() for event in json.loads(line)["events"]]


def test_extract_takes_the_filing_agencys_country_from_the_command_line(tmp_path: Path) -> None:
    posts = str(write_jsonl(tmp_path / "posts.jsonl", [PATROL]))
    unfiled = run_cli("extract", posts)
    assert unfiled.returncode == 0, unfiled.stderr
    assert _extracted_actor1s(unfiled.stdout) == ["Military Forces of Mali (2021-)"]
    filed = run_cli("extract", posts, "--agency-country", "dz")
    assert filed.returncode == 0, filed.stderr
    assert _extracted_actor1s(filed.stdout) == ["Military Forces of Algeria (2019-)"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("extract", "--jsonl", "-", "--agency-country", "Algeria"), "", "--agency-country 'Algeria'"),
        (("extract", "--jsonl", "-", "--agency-country", "QQ"), "", "--agency-country 'QQ'"),
        (("extract", "--jsonl", "-"), '{"id": "a", "text": "SYNTHETIC.", "agency_country": 12}\n', '"agency_country"'),
        (("extract", "--jsonl", "-"), '{"id": "a", "text": "SYNTHETIC.", "agency_country": "DZA"}\n', "line 1"),
    ],
)
def test_a_bad_extract_agency_country_gives_one_line(args: tuple[str, ...], stdin: str, message: str) -> None:
    result = run_cli(*args, stdin=stdin)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(lines) == 1 and message in lines[0], result.stderr
