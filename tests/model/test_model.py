import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from borderwatch.model import ExtractResult, Marking, Report, content_hash, normalise_text

SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "extract-output.schema.json"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amber", Marking.AMBER),
        ("TLP:AMBER+STRICT", Marking.AMBER_STRICT),
        ("amber_strict", Marking.AMBER_STRICT),
        (" tlp:red ", Marking.RED),
        ("Clear", Marking.CLEAR),
    ],
)
def test_marking_parse_accepts_usual_spellings(text: str, expected: Marking) -> None:
    assert Marking.parse(text) is expected


def test_marking_parse_refuses_unknown_with_the_choices() -> None:
    with pytest.raises(ValueError, match="expected one of CLEAR, GREEN"):
        Marking.parse("WHITE")


def test_marking_rank_orders_by_restriction() -> None:
    assert [m.rank for m in Marking] == [0, 1, 2, 3, 4]
    assert Marking.RED.rank > Marking.AMBER_STRICT.rank > Marking.AMBER.rank


def test_normalise_text_unifies_line_ends_and_drops_controls() -> None:
    assert normalise_text("  a\r\nb\rc\x07d\x00 ") == "a\nb\ncd"
    assert normalise_text("e\u0301") == "\u00e9"  # NFC


def test_content_hash_ignores_wrapping_and_case_but_not_words() -> None:
    assert content_hash("Two guards  were\nkilled.") == content_hash("two guards were killed.")
    assert content_hash("Two guards were killed.") != content_hash("Three guards were killed.")


def test_report_gets_its_content_hash() -> None:
    report = Report(id="x", text="SYNTHETIC. A patrol left the post.")
    assert report.content_hash == content_hash(report.text)


def test_extract_result_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        ExtractResult.model_validate({"report": {"id": "a"}, "places": [], "actors": [], "events": [], "x": 1})


def test_committed_schema_is_the_generated_one() -> None:
    """The schema file in the repo must follow the model (regenerate with `make schema`)."""
    assert json.loads(SCHEMA.read_text()) == ExtractResult.model_json_schema()
