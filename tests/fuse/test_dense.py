"""Near misses of dense data: distinct happenings that look alike (one town on two days, two villages a few
dozen km apart, namesakes, a province-level report naming another town), and the one place two reports name
when neither geocoder resolved it. All synthetic: invented incidents at real places."""

from __future__ import annotations

from datetime import date

from borderwatch.fuse import Candidate, Decision, Fuser, MentionFeatures
from borderwatch.model import EventMention

from ._make import mention

FUSER = Fuser()
CLASH = {"sub": "Armed clash", "etype": "Battles"}


def features(m: EventMention, report: str, published: str = "2025-08-11") -> MentionFeatures:
    return FUSER.features(m, f"{report}-{m.id}", report, date.fromisoformat(published))


def decide(new: MentionFeatures, old: MentionFeatures) -> Decision:
    return FUSER.decide(new, [Candidate("E0", [old])])


def place_feature(decision: Decision) -> tuple[float, str]:
    assert decision.best is not None
    place = next(f for f in decision.best.features if f.name == "place")
    return place.value, place.detail


def test_two_attacks_on_one_town_three_days_apart_are_two_events() -> None:
    first = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-04")
    second = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-07")
    decision = decide(features(second, "r1", "2025-08-10"), features(first, "r0", "2025-08-05"))
    assert decision.event_id is None
    assert decision.best is not None and "both known to the day" in (decision.best.vetoed or "")


FUNERAL = "SYNTHETIC. The five soldiers killed in the attack were buried on Friday in Ouallam."


def test_a_date_taken_from_a_funeral_the_day_before_publication_is_not_a_second_event() -> None:
    attack = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-04")
    funeral = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-08", sentence=FUNERAL)  # Aug 8
    decision = decide(features(funeral, "r1", "2025-08-09"), features(attack, "r0", "2025-08-05"))
    assert decision.best is not None and decision.best.vetoed is None


def test_a_fresh_report_four_days_later_without_an_aftermath_is_a_second_event() -> None:
    # Most reports are dated on or the day before their publication: that alone is no sign of a statement's day.
    attack = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-04")
    again = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-08")
    decision = decide(features(again, "r1", "2025-08-09"), features(attack, "r0", "2025-08-05"))
    assert decision.event_id is None
    assert decision.best is not None and "both known to the day" in (decision.best.vetoed or "")


def test_one_day_apart_in_one_town_is_still_one_event() -> None:
    night = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-04")
    morning = mention(**CLASH, place="Ouallam", actor1="JNIM", day="2025-08-05")
    assert decide(features(morning, "r1", "2025-08-06"), features(night, "r0", "2025-08-05")).event_id == "E0"


def test_two_villages_of_one_name_in_one_country_are_not_one_place() -> None:
    here = mention(**CLASH, place="Tessalit", actor1="JNIM")
    there = here.model_copy(
        update={"location": here.location.model_copy(update={"geonameid": 99, "lat": 21.5})}  # type: ignore[union-attr]
    )
    decision = decide(features(there, "r1"), features(here, "r0"))
    assert decision.event_id is None
    assert decision.best is not None and (decision.best.vetoed or "").startswith("place:")


def test_two_clashes_at_places_of_two_names_that_neither_report_names_are_two_happenings() -> None:
    # About 45 km apart, beyond the reach of either "near" place: a clash happens at one point.
    kasserine = mention(
        **CLASH, place="Kasserine", geo_precision=2, sentence="SYNTHETIC. Gunmen clashed with a patrol near Kasserine."
    )
    sbiba = mention(
        **CLASH, place="Sbiba", geo_precision=2, sentence="SYNTHETIC. Smugglers exchanged fire with guards at Sbiba."
    )
    decision = decide(features(sbiba, "r1"), features(kasserine, "r0"))
    assert decision.event_id is None
    assert decision.best is not None and "two happenings at two points" in (decision.best.vetoed or "")


PATROL = {"sub": "Other", "etype": "Strategic developments"}


def test_a_patrol_told_from_two_places_neither_report_names_only_counts_against() -> None:
    # A joint patrol spreads along a border: each side may name its own town (`place.spread_families`).
    kasserine = mention(
        **PATROL, place="Kasserine", geo_precision=2, sentence="SYNTHETIC. A joint patrol set off near Kasserine."
    )
    sbiba = mention(
        **PATROL, place="Sbiba", geo_precision=2, sentence="SYNTHETIC. Guards took part in the patrol from Sbiba."
    )
    value, detail = place_feature(decide(features(sbiba, "r1"), features(kasserine, "r0")))
    assert value == FUSER.config.place.names_apart and "each named alone" in detail


def test_places_of_two_names_one_report_names_both_stay_comparable() -> None:
    kasserine = mention(
        **CLASH, place="Kasserine", geo_precision=2, sentence="SYNTHETIC. Gunmen clashed with a patrol near Kasserine."
    )
    sbiba = mention(
        **CLASH,
        place="Sbiba",
        geo_precision=2,
        sentence="SYNTHETIC. Guards exchanged fire with gunmen at Sbiba, north of Kasserine.",
    )
    value, detail = place_feature(decide(features(sbiba, "r1"), features(kasserine, "r0")))
    assert value > 0 and "each named alone" not in detail


def test_a_province_level_report_naming_another_town_counts_against() -> None:
    elsewhere = mention(**CLASH, place=None, sentence="SYNTHETIC. Gunmen attacked an army post near Aguelhok.")
    tessalit = mention(**CLASH, place="Tessalit", sentence="SYNTHETIC. Soldiers fought gunmen at dawn.")
    decision = decide(features(elsewhere, "r1"), features(tessalit, "r0"))
    value, detail = place_feature(decision)
    assert value == FUSER.config.place.names_elsewhere and detail.startswith("one names other places")
    assert decision.event_id is None


def test_two_reports_naming_one_unresolved_place_agree_on_it() -> None:
    precise = mention(
        **CLASH,
        place="Tessalit",
        geo_precision=2,
        sentence="SYNTHETIC. Soldiers fought gunmen at the Intahaka gold site north of Tessalit.",
    )
    placeless = mention(**CLASH, place=None, sentence="SYNTHETIC. Miners at In-Tahaka said the fighting lasted hours.")
    decision = decide(features(placeless, "r1"), features(precise, "r0"))
    value, detail = place_feature(decision)
    assert value == FUSER.config.place.named and detail.startswith("both name")
    assert decision.event_id == "E0"


def test_one_army_fighting_two_named_groups_is_no_agreement_on_actors() -> None:
    # Two clashes of one front on one day: the army in common must not outweigh the two different groups.
    army = "Military Forces of Niger (2023-)"
    first = mention(**CLASH, place="Ouallam", actor1="JNIM", actor2=army, day="2025-08-04")
    second = mention(**CLASH, place="Ouallam", actor1="Islamic State Sahel", actor2=army, day="2025-08-04")
    decision = decide(features(second, "r1"), features(first, "r0"))
    assert decision.best is not None
    actors = next(f for f in decision.best.features if f.name == "actors")
    assert actors.value < 0 and "different groups" in actors.detail and "same state force" in actors.detail
    same = mention(**CLASH, place="Ouallam", actor1="JNIM", actor2=army, day="2025-08-04")
    agreeing = decide(features(same, "r2"), features(first, "r0")).best
    assert agreeing is not None and next(f for f in agreeing.features if f.name == "actors").value > 0


def test_a_province_level_report_does_not_join_a_town_of_a_distant_province() -> None:
    # The Agadez region named alone (its centre), Ouallam in Tillabéri some 700 km away: same day, type and group.
    told = "SYNTHETIC. Fighting in Agadez."
    region = mention(**CLASH, place="Ouallam", actor1="JNIM", geo_precision=3, sentence=told)
    where = {"name": "Agadez", "geonameid": 5, "lat": 17.0, "lon": 8.0, "admin1": "Agadez"}
    region = region.model_copy(update={"location": region.location.model_copy(update=where)})  # type: ignore[union-attr]
    town = mention(**CLASH, place="Ouallam", actor1="JNIM")
    decision = decide(features(region, "r1"), features(town, "r0"))
    value, detail = place_feature(decision)
    assert value == FUSER.config.place.other_province and "two provinces" in detail
    assert decision.event_id is None


def test_two_nearby_places_each_named_alone_vouch_for_less_than_one_place() -> None:
    # Two villages about 20 km apart: within the reach of two precision-2 places, but neither report names the
    # other's village.
    here = mention(**CLASH, place="Kasserine", geo_precision=2)
    where = {"name": "Foussana", "geonameid": 7, "lat": 35.15, "lon": 8.62}
    there = here.model_copy(update={"location": here.location.model_copy(update=where)})  # type: ignore[union-attr]
    value, detail = place_feature(decide(features(there, "r1"), features(here, "r0")))
    assert value == FUSER.config.place.names_differ and "each named alone" in detail


def test_two_named_groups_keep_two_clashes_with_one_army_apart() -> None:
    # One town, one day, one army: ACLED codes the clash with each group as its own event.
    army = "Military Forces of Niger"
    told = "SYNTHETIC. JNIM fighters attacked an army post at dawn."
    first = mention(**CLASH, place="Ouallam", actor1="JNIM", actor2=army, sentence=told)
    told = "SYNTHETIC. Soldiers repelled an Islamic State Sahel raid on the market."
    second = mention(**CLASH, place="Ouallam", actor1="Islamic State Sahel", actor2=army, sentence=told)
    decision = decide(features(second, "r1"), features(first, "r0"))
    assert decision.event_id is None
    actors = next(f for f in decision.best.features if f.name == "actors")  # type: ignore[union-attr]
    assert actors.weight == FUSER.config.weights["actors_against"] and "different groups" in actors.detail


def test_a_placeless_sentence_that_names_the_town_counts_as_the_same_place() -> None:
    # The geocoder missed "Ouallam" in a headline-style sentence; the sentence still states the place.
    told = "SYNTHETIC. Ouallam: two dead in a night attack on the market on Saturday."
    unplaced = mention(**CLASH, place=None, sentence=told)
    town = mention(**CLASH, place="Ouallam")
    decision = decide(features(unplaced, "r1"), features(town, "r0"))
    value, detail = place_feature(decision)
    assert value == FUSER.config.place.named_in_sentence and "names the other's place" in detail
    assert decision.best.threshold == FUSER.config.merge_threshold  # type: ignore[union-attr]
    around = mention(**CLASH, place=None, sentence="SYNTHETIC. Two dead in a night attack on the market.")
    text = f"{told} {around.evidence.sentence}"  # the report: the headline, then the sentence of the mention
    span = {"start": len(told) + 1, "end": len(text)}
    around = around.model_copy(update={"evidence": around.evidence.model_copy(update=span)})
    new = FUSER.features(around, "r2-e1", "r2", date(2025, 8, 11), text)
    decision = decide(new, features(town, "r0"))
    value, _ = place_feature(decision)
    assert value == FUSER.config.place.named  # named only in the lines around: less than in the sentence itself
    assert decision.best.threshold == FUSER.config.merge_threshold_unlocated  # type: ignore[union-attr]


def test_a_group_named_in_both_counts_once_as_an_actor_not_again_as_a_name() -> None:
    told = "SYNTHETIC. Fighters of the Katibat Quesnoy attacked a patrol near Ouallam."
    first = mention(**CLASH, place="Ouallam", actor1="Katibat Quesnoy", sentence=told)
    second = mention(**CLASH, place="Ouallam", actor1="Katibat Quesnoy", sentence=told.replace("patrol", "convoy"))
    decision = decide(features(second, "r1"), features(first, "r0"))
    by_name = {f.name: f for f in decision.best.features}  # type: ignore[union-attr]
    assert by_name["actors"].value == FUSER.config.actors.shared_specific
    assert by_name["names"].value == 0.0
