"""The seed reports (read from ../shared/seeds when present; their text is never copied into the repository).

Seed 000 has no publication date, seed 004 was published on 2013-04-10.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borderwatch.model import Report

pytestmark = [pytest.mark.slow, pytest.mark.seeds]

_CANDIDATES = [Path(__file__).resolve().parents[2].parent / "shared" / "seeds", Path("/work/shared/seeds")]
SEEDS = next((p for p in _CANDIDATES if p.is_dir()), None)


def _seed(prefix: str, published: dt.datetime | None) -> Report:
    if SEEDS is None:
        pytest.skip("no ../shared/seeds folder")
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not found")
    return Report(id=path.name, text=path.read_text(encoding="utf-8"), published=published)


@pytest.fixture(scope="module")
def seed_000(extractor):
    return extractor(_seed("000", None))


@pytest.fixture(scope="module")
def seed_004(extractor):
    return extractor(_seed("004", dt.datetime(2013, 4, 10)))


def _with_tag(result, tag: str):
    return [e for e in result.events if tag in e.tags]


def test_joint_operation_near_el_kef_dated_9_april(seed_004) -> None:
    joint = [e for e in _with_tag(seed_004, "joint_operation") if "El Kef" in e.evidence.sentence]
    assert joint and joint[0].date == "2013-04-09" and joint[0].time_precision == 1


def test_ghadames_agreement(seed_004) -> None:
    agreements = [e for e in seed_004.events if e.sub_event_type == "Agreement"]
    assert agreements
    assert any("Ghadames" in e.evidence.sentence or "agreed" in e.evidence.sentence for e in agreements)
    assert agreements[0].event_type == "Strategic developments"


def test_tunisian_arrests_and_seizures(seed_004) -> None:
    arrests = [e for e in seed_004.events if e.sub_event_type == "Arrests"]
    assert arrests
    assert "weapons_seizure" in arrests[0].tags
    assert arrests[0].actor1 is not None and arrests[0].actor1.country == "TN"


def test_aqim_is_a_resolved_actor(seed_004) -> None:
    assert "AQIM: Al Qaeda in the Islamic Maghreb" in {a.name for a in seed_004.actors}


def test_the_5_plus_5_dialogue_and_may_are_no_dates(seed_004) -> None:
    dated = {e.date for e in seed_004.events if e.date}
    assert all(d.startswith("2013-") for d in dated), dated


def test_algeria_deploys_monitoring_centres(seed_000) -> None:
    deployments = _with_tag(seed_000, "deployment")
    assert deployments
    event = deployments[0]
    assert event.actor1 is not None and event.actor1.country == "DZ"
    assert any(q.kind == "posts" and q.value == 20 and q.qualifier == "at_least" for q in event.quantities)


def test_movement_restriction_near_the_southern_border(seed_000) -> None:
    restrictions = _with_tag(seed_000, "movement_restriction")
    assert restrictions
    assert restrictions[0].sub_event_type == "Other" and restrictions[0].modality is None


def test_undated_report_has_no_dates(seed_000) -> None:
    assert seed_000.events
    assert all(e.date is None and e.time_precision is None for e in seed_000.events)
