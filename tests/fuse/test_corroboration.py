"""Independent sources: one agency's outlets and copies of one wire story count once; reliability weighs."""

from __future__ import annotations

from borderwatch.fuse import Fuser, ReportSource

FUSER = Fuser()


def source(rid: str, key: str, reliability: str | None = None, confidence: float = 0.8) -> ReportSource:
    return ReportSource(report_id=rid, independence_key=key, reliability=reliability, confidence=confidence)


def test_same_agency_and_near_duplicates_count_once() -> None:
    sources = [
        source("a", "agency:x"),
        source("b", "agency:x"),
        source("c", "source:wire"),
        source("d", "source:paper"),
    ]
    result = FUSER.corroborate(sources, [("c", "d")])
    assert result.reports == 4
    assert result.independent_sources == 2
    assert result.groups == [["a", "b"], ["c", "d"]]


def test_more_independent_sources_raise_confidence() -> None:
    one = FUSER.corroborate([source("a", "agency:x")], [])
    two = FUSER.corroborate([source("a", "agency:x"), source("b", "agency:y")], [])
    copies = FUSER.corroborate([source("a", "agency:x"), source("b", "agency:x")], [])
    assert two.confidence > one.confidence
    assert copies.confidence == one.confidence


def test_reliability_grades_weigh() -> None:
    reliable = FUSER.corroborate([source("a", "k", "A")], [])
    unreliable = FUSER.corroborate([source("a", "k", "E")], [])
    unknown = FUSER.corroborate([source("a", "k")], [])
    # An unrated source leaves the extraction's calibrated confidence as it is; poor grades lower it.
    assert reliable.confidence == unknown.confidence == 0.8
    assert unknown.confidence > unreliable.confidence
    assert reliable.reliability == "A"
