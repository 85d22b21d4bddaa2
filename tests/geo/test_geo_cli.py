"""`borderwatch places resolve`, `zones border` and `gazetteer` through the real command line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-m", "borderwatch", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.slow
def test_places_resolve_keeps_order_and_marks_unknown_names_null(tmp_path) -> None:
    text = "Synthetic: fuel smugglers were stopped between Ras Jedir and Zuwara, not far from Qwxzvbnm."
    mentions = [{"start": text.index(w), "end": text.index(w) + len(w)} for w in ("Ras Jedir", "Zuwara", "Qwxzvbnm")]
    lines = [json.dumps({"id": "a", "text": text, "mentions": mentions}), "",
             json.dumps({"id": 2, "text": "Synthetic: Tunis.", "mentions": []})]  # fmt: skip
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run("places", "resolve", "--input", str(source))
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == "a" and second == {"id": 2, "mentions": []}
    ras_jedir, zuwara, unknown = first["mentions"]
    assert ras_jedir["name"] == "Ras Ajdir" and ras_jedir["country"] == "TN"
    assert zuwara["country"] == "LY" and (zuwara["start"], zuwara["end"]) == (mentions[1]["start"], mentions[1]["end"])
    assert set(ras_jedir) == {"start", "end", "name", "geonameid", "lat", "lon", "country", "admin1", "feature_code",
                              "confidence"}  # fmt: skip
    assert unknown is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("not json\n", "line 1: not JSON"),
        ('{"id": 1, "text": "abc", "mentions": [{"start": 2, "end": 9}]}\n', "outside the text"),
        ('{"id": 1, "text": "abc", "mentions": [{"start": "a", "end": 2}]}\n', "must be integers"),
        ('{"id": 1, "mentions": []}\n', 'expected an object with "id", "text"'),
        ('{"id": 1, "text": "abc", "mentions": "all"}\n', "must be a list"),
    ],
)
def test_places_resolve_bad_input_is_one_error_line_and_exit_2(stdin, message) -> None:
    result = _run("places", "resolve", "--input", "-", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


@pytest.mark.slow
def test_places_resolve_missing_file() -> None:
    result = _run("places", "resolve", "--input", "/nonexistent/in.jsonl")
    assert result.returncode == 2 and "no such file" in result.stderr


@pytest.mark.slow
def test_zones_border_prints_a_geojson_feature() -> None:
    result = _run("zones", "border", "TUN-DZA", "--km", "30")
    assert result.returncode == 0, result.stderr
    feature = json.loads(result.stdout)
    assert feature["type"] == "Feature" and feature["properties"] == {"border": "DZA-TUN", "km": 30.0}
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    bad = _run("zones", "border", "DZA-XYZ", "--km", "30")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_gazetteer_build_is_fast_when_up_to_date() -> None:
    result = _run("gazetteer", "build")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout or "places" in result.stdout
