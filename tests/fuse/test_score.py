"""Pairwise decisions on hand-made mentions: what must merge, and the near misses that must stay apart."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.fuse import Candidate, Fuser, MentionFeatures, named_key
from borderwatch.model import EventMention, Quantity

from ._make import mention

FUSER = Fuser()
ATTACK = {"etype": "Violence against civilians", "sub": "Attack"}


def features(m: EventMention, report: str = "r1", published: str = "2025-04-07") -> MentionFeatures:
    return FUSER.features(m, f"{report}-{m.id}", report, date.fromisoformat(published))


def decide(new: EventMention, old: EventMention) -> tuple[str | None, float, str | None]:
    old_features = features(old, "r0")
    decision = FUSER.decide(features(new, "r1"), [Candidate("E0", [old_features])])
    best = decision.best
    return decision.event_id, best.score if best else float("-inf"), best.vetoed if best else None


def test_same_attack_told_differently_merges() -> None:
    old = mention(
        **ATTACK,
        actor1="Islamic State Sahel",
        fatalities=7,
        sentence="Gunmen killed seven civilians at the Ouallam livestock market.",
    )
    new = mention(
        **ATTACK,
        actor1="Islamic State Sahel",
        fatalities=8,
        sentence="An armed terrorist group attacked the livestock market of Ouallam, killing eight civilians.",
    )
    event_id, score, _ = decide(new, old)
    assert event_id == "E0"
    assert score >= FUSER.config.merge_threshold


def test_explanation_names_every_feature() -> None:
    old, new = mention(**ATTACK), mention(**ATTACK, fatalities=3)
    decision = FUSER.decide(features(new), [Candidate("E0", [features(old, "r0")])])
    assert decision.best is not None
    names = [f.name for f in decision.best.features]
    assert names == ["type", "date", "place", "actors", "quantities", "text", "names"]
    assert sum(f.contribution for f in decision.best.features) == pytest.approx(decision.best.score, abs=0.01)
    assert decision.best.features[1].detail == "same day"


def test_same_town_a_week_apart_stays_apart() -> None:
    first = mention(**ATTACK, day="2025-04-06", actor1="Islamic State Sahel")
    second = mention(**ATTACK, day="2025-04-13", actor1="Islamic State Sahel")
    event_id, _, veto = decide(second, first)
    assert event_id is None
    assert veto == "date: 7 days apart"


def test_same_day_eighty_km_apart_stays_apart() -> None:
    tessalit = mention(place="Tessalit", geo_precision=2, actor1="JNIM", day="2025-08-10")
    aguelhok = mention(place="Aguelhok", geo_precision=1, actor1="JNIM", day="2025-08-10")
    event_id, _, veto = decide(aguelhok, tessalit)
    assert event_id is None
    assert veto is not None and veto.startswith("place:")
    # "near" on both sides gives 30 km of slack each, but a clash is at one point: two towns 80 km apart that
    # neither report names each other's are two happenings, however near their "near" may be.
    near = mention(place="Aguelhok", geo_precision=2, actor1="JNIM", day="2025-08-10")
    decision = FUSER.decide(features(near), [Candidate("E0", [features(tessalit, "r0")])])
    assert decision.event_id is None
    assert "two happenings at two points" in (decision.best.vetoed or "")  # type: ignore[union-attr]


def test_attack_and_arrests_that_followed_stay_apart() -> None:
    ambush = mention(place="Sbiba", day="2025-03-09", actor1="Okba Ibn Nafaa", fatalities=2)
    arrests = mention(
        etype="Strategic developments", sub="Arrests", place="Sbiba", day="2025-03-10", actor1="Okba Ibn Nafaa"
    )
    event_id, score, _ = decide(arrests, ambush)
    assert event_id is None
    assert score < FUSER.config.merge_threshold


def test_clash_and_protest_are_never_compared() -> None:
    clash = mention(place="Ben Guerdane", day="2025-07-19")
    protest = mention(etype="Protests", sub="Peaceful protest", place="Ben Guerdane", day="2025-07-19")
    _, _, veto = decide(protest, clash)
    assert veto is not None and veto.startswith("type:")
    assert "protest" not in FUSER.config.compatible_families("battle")


def test_undated_mention_matches_within_its_reports_window() -> None:
    dated = mention(**ATTACK, actor1="Islamic State Sahel", fatalities=7)
    undated = mention(**ATTACK, day=None, actor1="Islamic State Sahel", fatalities=7)
    event_id, _, _ = decide(undated, dated)
    assert event_id == "E0"
    assert features(undated, published="2025-04-07").dated is False


def test_different_named_groups_count_against() -> None:
    old = mention(actor1="Islamic State Sahel")
    new = mention(actor1="JNIM")
    decision = FUSER.decide(features(new), [Candidate("E0", [features(old, "r0")])])
    actors = next(f for f in decision.best.features if f.name == "actors")  # type: ignore[union-attr]
    assert actors.value < 0


def test_actor_period_and_spelling_do_not_separate() -> None:
    old = mention(actor1="Military Forces of Niger (2023-)")
    new = mention(actor1="Military Forces of Niger (2011-2023)")
    decision = FUSER.decide(features(new), [Candidate("E0", [features(old, "r0")])])
    actors = next(f for f in decision.best.features if f.name == "actors")  # type: ignore[union-attr]
    assert actors.value > 0


def test_quantities_far_apart_count_against() -> None:
    rifles4 = [Quantity(kind="weapons", value=4), Quantity(kind="arrests", value=2)]
    rifles2 = [Quantity(kind="weapons", value=2), Quantity(kind="arrests", value=4)]
    seize = {"etype": "Strategic developments", "sub": "Disrupted weapons use"}
    decision = FUSER.decide(
        features(mention(**seize, quantities=rifles2)),
        [Candidate("E0", [features(mention(**seize, quantities=rifles4), "r0")])],
    )
    quantities = next(f for f in decision.best.features if f.name == "quantities")  # type: ignore[union-attr]
    assert quantities.value < 0


def test_mentions_of_one_report_are_kept_apart_unless_everything_agrees() -> None:
    a = mention("e1", **ATTACK, place="Ouallam")
    b = mention("e2", **ATTACK, place="Ouallam", sentence="SYNTHETIC. Another attack took place elsewhere in town.")
    decision = FUSER.decide(features(b, "r1"), [Candidate("E0", [features(a, "r1")])])
    assert any(f.name == "same_report" for f in decision.best.features)  # type: ignore[union-attr]


def test_block_covers_cells_around_the_place_and_the_time_window() -> None:
    f = features(mention(place="Ouallam", actor1="JNIM"))
    block = FUSER.block(f)
    assert FUSER.cell(f) in block.cells
    assert named_key("vague-actor", "jnim") in block.keys  # placeless mentions of its actor
    assert named_key("vague-area", "NE", "") in block.keys  # mentions known only to its country
    assert block.day_from < f.day_lo and block.day_to > f.day_hi
    assert "civilians" in block.families
    placeless = features(mention(place=None, actor1="JNIM"))
    assert FUSER.cell(placeless) == 0 and not FUSER.block(placeless).cells
    assert named_key("actor", "jnim") in FUSER.block(placeless).keys  # every mention of its actor
    assert named_key("actor", "jnim") in FUSER.keys(f)
    nothing = features(mention(place=None, sentence="SYNTHETIC. gunmen attacked the market."))
    assert FUSER.block(nothing).keys == () and FUSER.block(nothing).cells == ()
