"""Per-peer rules: what goes to whom, and what no rule can make go."""

from __future__ import annotations

from datetime import datetime

import pytest

from borderwatch.errors import InputError
from borderwatch.model import EventType, ExtractResult, Marking, Report, ReportRef
from borderwatch.share import PeerRule, Zone, select_for_peer
from borderwatch.store import ExchangeItem
from tests.share.helpers import mention

NOW = datetime(2025, 6, 1)


def _item(
    marking: Marking,
    *,
    groups: tuple[str, ...] = (),
    agency: str = "dz-mdn",
    origin: str | None = None,
    mentions: list | None = None,
) -> ExchangeItem:
    report = Report(
        text=f"SYNTHETIC {marking} {groups} {agency}", agency=agency, marking=marking, sharing_groups=groups
    )
    events = mentions if mentions is not None else [mention("e1", "x")]
    return ExchangeItem(
        report.id,
        NOW,
        NOW,
        NOW,
        False,
        origin,
        None,
        report,
        ExtractResult(report=ReportRef(id=report.id), events=events),
    )


def test_up_to_never_implies_red_or_amber_strict() -> None:
    rule = PeerRule.up_to(Marking.AMBER)
    assert rule.markings == {Marking.CLEAR, Marking.GREEN, Marking.AMBER}
    for marking in (Marking.AMBER_STRICT, Marking.RED):
        assert rule.select(_item(marking)) is None
        with pytest.raises(InputError, match="explicitly"):
            PeerRule.up_to(marking)
    explicit = PeerRule.up_to(Marking.GREEN, also=[Marking.RED])
    assert explicit.select(_item(Marking.RED)) is not None
    assert explicit.select(_item(Marking.AMBER)) is None


def test_group_restricted_reports_need_a_rule_naming_their_group() -> None:
    open_rule = PeerRule.up_to(Marking.AMBER)
    assert open_rule.select(_item(Marking.GREEN, groups=("dz-tn",))) is None
    assert open_rule.select(_item(Marking.CLEAR, groups=("dz-tn",))) is not None
    joint = PeerRule.up_to(Marking.AMBER, groups=frozenset({"dz-tn"}))
    assert joint.select(_item(Marking.AMBER, groups=("dz-tn", "other"))) is not None
    assert joint.select(_item(Marking.AMBER)) is None


def test_received_reports_are_forwarded_only_clear_or_green_and_never_back() -> None:
    rule = PeerRule.up_to(Marking.AMBER)
    assert rule.select(_item(Marking.GREEN, origin="ly-centre")) is None
    forward = PeerRule.up_to(Marking.AMBER, forward=True)
    assert forward.select(_item(Marking.GREEN, origin="ly-centre")) is not None
    assert forward.select(_item(Marking.AMBER, origin="ly-centre")) is None
    assert select_for_peer([forward], _item(Marking.GREEN, origin="tn-centre"), "tn-centre") is None


def test_zone_and_event_types_choose_the_events_that_go() -> None:
    near = mention("e1", "near", border="DZA-TUN", border_km=30)
    far = mention("e2", "far", border="DZA-TUN", border_km=90)
    other = mention("e3", "other border", border="DZA-LBY", border_km=5)
    protest = mention(
        "e4",
        "protest",
        event_type=EventType.PROTESTS,
        sub_event_type="Peaceful protest",
        border="TUN-DZA",
        border_km=10,
    )
    item = _item(Marking.AMBER, mentions=[near, far, other, protest])
    strip = PeerRule.up_to(Marking.AMBER, zone=Zone(border="tun-dza", km=50))
    assert [m.id for m in select_for_peer([strip], item, "tn")] == ["e1", "e4"]
    battles = PeerRule.up_to(Marking.AMBER, event_types=frozenset({"battles"}), zone=Zone(border="DZA-TUN", km=50))
    assert [m.id for m in select_for_peer([battles], item, "tn")] == ["e1"]
    assert select_for_peer([battles], _item(Marking.AMBER, mentions=[far]), "tn") is None
    both = select_for_peer([battles, PeerRule.up_to(Marking.AMBER, zone=Zone(border="DZA-LBY", km=10))], item, "tn")
    assert [m.id for m in both] == ["e1", "e3"]


def test_polygon_zone() -> None:
    square = {"type": "Polygon", "coordinates": [[[8.0, 35.0], [9.0, 35.0], [9.0, 36.0], [8.0, 36.0], [8.0, 35.0]]]}
    rule = PeerRule.up_to(Marking.GREEN, zone=Zone(polygon=square))
    inside, outside = mention("e1", "in", lat=35.5, lon=8.5), mention("e2", "out", lat=33.0, lon=8.5)
    assert [m.id for m in rule.select(_item(Marking.GREEN, mentions=[inside, outside]))] == ["e1"]
    with pytest.raises(ValueError):
        Zone(polygon={"type": "Point", "coordinates": [8, 35]})
    with pytest.raises(ValueError):
        Zone(border="DZA-TUN")


def test_agencies_filter_and_rules_round_trip_as_json() -> None:
    rule = PeerRule.up_to(Marking.GREEN, agencies=frozenset({"dz-mdn"}), zone=Zone(border="DZA-TUN", km=50))
    assert rule.select(_item(Marking.GREEN, agency="dz-anp")) is None
    assert PeerRule.model_validate(rule.model_dump(mode="json")) == rule
