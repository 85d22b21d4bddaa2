"""A report placing its happening "north of Bourem" tells of a point off the town in that direction: a village another
report names that way (Tarkint, 77 km north-east) may be its place, when the two share a toll; a village the other
way is not. All synthetic: invented incidents, real places."""

from __future__ import annotations

from typing import Any

from borderwatch.model import EventMention, Location

from ._make import decide, features, mention

BLAST = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence", "day": "2026-09-12"}
# Real places, approximate coordinates.
PLACES: dict[str, dict[str, Any]] = {
    "Bourem": {"geonameid": "synthetic-bourem", "lat": 16.955, "lon": -0.349, "country": "ML", "admin1": "Gao"},
    "Tarkint": {"geonameid": "synthetic-tarkint", "lat": 17.48, "lon": 0.12, "country": "ML", "admin1": "Gao"},
}


def _at(place: str, sentence: str, fatalities: int = 4) -> EventMention:
    located = mention(**BLAST, place=None, sentence=sentence, fatalities=fatalities)
    return located.model_copy(update={"location": Location(name=place, geo_precision=2, **PLACES[place])})


NEAR_TARKINT = "SYNTHETIC. A roadside bomb struck an army convoy near Tarkint on Saturday, killing four soldiers."


def test_a_blast_north_of_a_town_joins_the_village_that_way() -> None:
    north = _at("Bourem", "SYNTHETIC. Four soldiers died when their convoy hit a roadside bomb north of Bourem.")
    decision = decide(features(north, "r1", "2026-09-13"), features(_at("Tarkint", NEAR_TARKINT), "r0", "2026-09-12"))
    assert decision.event_id == "E0"


def test_a_blast_south_of_the_town_stays_apart_from_the_village_to_its_north() -> None:
    south = _at("Bourem", "SYNTHETIC. Four soldiers died when their convoy hit a roadside bomb south of Bourem.")
    decision = decide(features(south, "r1", "2026-09-13"), features(_at("Tarkint", NEAR_TARKINT), "r0", "2026-09-12"))
    assert decision.event_id is None


def test_without_a_toll_in_common_the_direction_does_not_join() -> None:
    north = _at("Bourem", "SYNTHETIC. Two soldiers died when their convoy hit a roadside bomb north of Bourem.", 2)
    decision = decide(features(north, "r1", "2026-09-13"), features(_at("Tarkint", NEAR_TARKINT), "r0", "2026-09-12"))
    assert decision.event_id is None


def test_a_direction_word_of_the_towns_own_name_gives_no_direction() -> None:
    at_quarter = mention(
        **BLAST, place=None, fatalities=4, sentence="SYNTHETIC. Four soldiers died when a bomb went off at Bourem Nord."
    )
    where = Location(name="Bourem Nord", geo_precision=2, **PLACES["Bourem"])
    at_quarter = at_quarter.model_copy(update={"location": where})
    tarkint = features(_at("Tarkint", NEAR_TARKINT), "r0", "2026-09-12")
    decision = decide(features(at_quarter, "r1", "2026-09-13"), tarkint)
    assert decision.event_id is None
