"""`borderwatch extract` writes the product's output contract: one valid JSON object per report, in order."""

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO, run_cli

OUR_SCHEMA = REPO / "schema" / "extract-output.schema.json"
BRIEF_SCHEMA = REPO.parent.parent / "shared" / "brief" / "extract-output.schema.json"

REPORTS = [
    {
        "id": "syn-1",
        "text": "SYNTHETIC. Gunmen attacked a customs post near Dehiba in Tunisia on Monday, killing two officers.",
        "published": "2025-03-04",
        "source": "Synthetic Wire",
    },
    {"id": "syn-2", "text": "SYNTHETIC. Protesters gathered in Agadez, Niger, on Friday.", "title": "Agadez"},
    {"id": "syn-3", "text": "SYNTHETIC. Nothing happened."},
]


def _schemas() -> list[dict[str, object]]:
    schemas = [json.loads(OUR_SCHEMA.read_text())]
    if BRIEF_SCHEMA.exists():
        schemas.append(json.loads(BRIEF_SCHEMA.read_text()))
    return schemas


@pytest.mark.slow
def test_extract_jsonl_output_validates_and_keeps_ids_and_order() -> None:
    stdin = "".join(json.dumps(r) + "\n" for r in REPORTS)
    result = run_cli("extract", "--jsonl", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["report"]["id"] for line in lines] == ["syn-1", "syn-2", "syn-3"]
    assert lines[0]["report"]["published"] == "2025-03-04" and lines[0]["report"]["source"] == "Synthetic Wire"
    for schema in _schemas():
        for line in lines:
            jsonschema.validate(line, schema)
    for line, report in zip(lines, REPORTS, strict=True):
        for place in line["places"]:
            assert report["text"][place["start"] : place["end"]] == place["text"]


@pytest.mark.slow
def test_extract_files_uses_paths_as_ids_and_published(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SYNTHETIC. Soldiers clashed with militants near Kidal on Sunday.")
    (tmp_path / "b.html").write_text(
        "<html><head><title>T</title></head><body><article><p>SYNTHETIC. Police "
        "arrested three smugglers in Tamanrasset, Algeria, on Monday, officials "
        "said in a statement.</p></article></body></html>"
    )
    result = run_cli("extract", "--published", "2025-05-06", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["report"]["id"] for line in lines] == [str(tmp_path / "a.txt"), str(tmp_path / "b.html")]
    assert {line["report"]["published"] for line in lines} == {"2025-05-06"}
