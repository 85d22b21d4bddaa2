"""The output of `extract` against the contract's JSON schema (from the product brief, when it is at hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow

_CANDIDATES = [
    Path(__file__).resolve().parents[2].parent / "shared" / "brief" / "extract-output.schema.json",
    Path("/work/shared/brief/extract-output.schema.json"),
]
SCHEMA = next((p for p in _CANDIDATES if p.is_file()), None)


def test_output_validates_against_the_schema(extractor) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if SCHEMA is None:
        pytest.skip("no extract-output.schema.json at hand")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    texts = [
        "On 12 May 2023, JNIM militants attacked a military post in Boulkessi. 4 soldiers were killed.",
        "Police in Tunis fired tear gas to disperse protesters on Monday.",
        "Algeria and Niger on Monday signed an agreement to strengthen security cooperation along their border.",
        "Nothing of note happened.",
    ]
    for i, text in enumerate(texts):
        result = extractor(report(text, published="2023-05-16", rid=f"c{i}"))
        jsonschema.validate(json.loads(result.model_dump_json()), schema)
