"""`MentionFeatures.vague` and `located` are computed once, when a mention's features are made (the place rules read
`vague` about four times per comparison), and agree with the place fields however the features are built."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from borderwatch.fuse import MentionFeatures


def _features(**place: object) -> MentionFeatures:
    return MentionFeatures(
        key="k",
        report_id="r",
        event_type="Battles",
        sub_event_type="Armed clash",
        family="battle",
        day_lo=1,
        day_hi=1,
        **place,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("place", "located", "vague"),
    [
        ({"lat": 13.5, "lon": 2.1, "geo_precision": 1}, True, False),
        ({"lat": 13.5, "lon": 2.1, "geo_precision": 2}, True, False),
        ({"lat": 13.5, "lon": 2.1, "geo_precision": None}, True, False),
        ({"lat": 13.5, "lon": 2.1, "geo_precision": 3}, True, True),
        ({"lat": None, "lon": 2.1, "geo_precision": 1}, False, True),
        ({}, False, True),
    ],
)
def test_vague_and_located_follow_the_place(place: dict, located: bool, vague: bool) -> None:
    features = _features(**place)
    assert (features.located, features.vague) == (located, vague)
    # A copy with another place (the store's feature cache builds features from rows by keyword) derives anew.
    moved = dataclasses.replace(features, lat=1.0, lon=1.0, geo_precision=1)
    assert (moved.located, moved.vague) == (True, False)


def test_vague_and_located_are_values_not_recomputed_at_each_read() -> None:
    for name in ("vague", "located"):
        assert not isinstance(inspect.getattr_static(MentionFeatures, name), property), name
    assert "vague" not in {f.name for f in dataclasses.fields(MentionFeatures) if f.init}
