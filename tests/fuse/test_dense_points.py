"""Dense data told in one house style: happenings of one group, or at one town, on one day, that reports word
alike. What keeps them apart is where (a clash is at one point), who (two named groups), and whose country a
namesake is in. All SYNTHETIC: invented localities, groups and incidents."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from borderwatch.errors import ConfigError
from borderwatch.fuse import Candidate, Decision, Fuser, MentionFeatures, load_config
from borderwatch.model import EventMention, Location

from ._make import mention

FUSER = Fuser()
CLASH = {"sub": "Armed clash", "etype": "Battles"}
PATROL = {"sub": "Other", "etype": "Strategic developments"}
ARMY = "Military Forces of Algeria (2019-)"


def features(m: EventMention, report: str) -> MentionFeatures:
    return FUSER.features(m, f"{report}-{m.id}", report, date(2025, 8, 11))


def decide(new: EventMention, old: EventMention) -> Decision:
    return FUSER.decide(features(new, "r1"), [Candidate("E0", [features(old, "r0")])])


def at(
    m: EventMention, name: str | None, lat: float, lon: float, country: str = "DZ", precision: int = 2
) -> EventMention:
    where = Location(name=name, lat=lat, lon=lon, country=country, geo_precision=precision, admin1="Synthetic")
    return m.model_copy(update={"location": where})


def told(group: str, place: str, state: str = ARMY, kind: dict[str, str] = CLASH) -> EventMention:
    """A bulletin's sentence: the same words for every happening but the group's and the place's."""
    sentence = f"SYNTHETIC. Fighters of the {group} exchanged fire with the army near {place} on Sunday."
    return mention(**kind, actor1=group, actor2=state, day="2025-08-10", sentence=sentence)


def test_one_groups_clashes_at_two_villages_forty_km_apart_are_two_events() -> None:
    # Within the 60 km two "near" places may stretch to, but beyond either's 30 km: no one point is both.
    first = at(told("Band Quillmoor", "Tazrouk-Nord"), "Tazrouk-Nord", 27.00, 8.00)
    second = at(told("Band Quillmoor", "Oued Fennak"), "Oued Fennak", 27.36, 8.00)  # 40 km north
    decision = decide(second, first)
    assert decision.event_id is None
    assert "two happenings at two points" in (decision.best.vetoed or "")  # type: ignore[union-attr]


def test_one_groups_clash_near_a_village_and_in_the_next_one_is_still_one_event() -> None:
    # 8 km apart: within the finer place's reach, one clash between two villages.
    first = at(told("Band Quillmoor", "Tazrouk-Nord"), "Tazrouk-Nord", 27.00, 8.00)
    second = at(told("Band Quillmoor", "Oued Fennak"), "Oued Fennak", 27.07, 8.00, precision=1)
    assert decide(second, first).event_id == "E0"


def test_a_patrol_told_from_villages_forty_km_apart_is_not_ruled_out_by_place() -> None:
    first = at(told("Band Quillmoor", "Tazrouk-Nord", kind=PATROL), "Tazrouk-Nord", 27.00, 8.00)
    second = at(told("Band Quillmoor", "Oued Fennak", kind=PATROL), "Oued Fennak", 27.36, 8.00)
    decision = decide(second, first)
    assert decision.best is not None and decision.best.vetoed is None


def test_a_position_without_a_name_is_not_a_second_point() -> None:
    # A post's position (no place name) forty km from the village another report names: the post may have
    # reported where its patrol stood, not where the clash was.
    first = at(told("Band Quillmoor", "Tazrouk-Nord"), "Tazrouk-Nord", 27.00, 8.00)
    second = at(told("Band Quillmoor", "the post"), None, 27.36, 8.00)
    decision = decide(second, first)
    assert decision.best is not None and decision.best.vetoed is None


def test_a_groups_name_does_not_name_the_other_village() -> None:
    # "Militia" holds the key of "Amlel" ("ml"): a group's name is no place its report names.
    first = at(told("Militia Hexworth", "Amlel"), "Amlel", 27.00, 8.00)
    second = at(told("Militia Hexworth", "Tizret"), "Tizret", 27.36, 8.00)
    decision = decide(second, first)
    assert decision.event_id is None
    assert "two happenings at two points" in (decision.best.vetoed or "")  # type: ignore[union-attr]


def test_two_groups_told_alike_at_one_village_on_one_day_are_two_events() -> None:
    first = at(told("Band Quillmoor", "Tazrouk-Nord"), "Tazrouk-Nord", 27.00, 8.00)
    second = at(told("Column Ravensby", "Tazrouk-Nord"), "Tazrouk-Nord", 27.00, 8.00)
    decision = decide(second, first)
    assert decision.event_id is None and decision.best is not None
    assert decision.best.score < decision.best.threshold


def test_one_attack_blamed_on_two_groups_joins_when_toll_and_names_agree() -> None:
    # Two attributions of one attack: the toll and the chief's name, which no other happening shares, outweigh it.
    def blamed(group: str) -> EventMention:
        sentence = (
            f"SYNTHETIC. Fighters of the {group} killed four guards and the chief Moussa Agrafel near Tazrouk-Nord."
        )
        m = mention(**CLASH, actor1=group, actor2=ARMY, day="2025-08-10", sentence=sentence, fatalities=4)
        return at(m, "Tazrouk-Nord", 27.00, 8.00)

    assert decide(blamed("Column Ravensby"), blamed("Band Quillmoor")).event_id == "E0"


def test_villages_named_alike_on_two_sides_of_a_border_each_with_its_own_forces_are_two_places() -> None:
    # "Tamzar" in Algeria, where the Algerian army was, and "Tamzara" in Tunisia, where the National Guard was:
    # each report places its happening in its own country, so neither is a geocoder's namesake.
    first = at(told("Band Quillmoor", "Tamzar"), "Tamzar", 27.00, 8.00)
    guard = "National Guard of Tunisia"
    second = at(told("Band Quillmoor", "Tamzara", state=guard), "Tamzara", 33.00, 9.50, country="TN")
    decision = decide(second, first)
    assert decision.event_id is None
    assert (decision.best.vetoed or "").startswith("place:")  # type: ignore[union-attr]


def test_a_namesake_abroad_without_forces_of_its_country_is_still_a_geocoders_pick() -> None:
    first = at(told("Band Quillmoor", "Tamzar"), "Tamzar", 27.00, 8.00)
    second = at(told("Band Quillmoor", "Tamzar", state="Unidentified Armed Group"), "Tamzar", 33.00, 9.50, "TN")
    decision = decide(second, first)
    assert decision.event_id == "E0"


def test_a_short_name_inside_a_longer_one_is_another_place() -> None:
    # The line after one report's sentence names "Senia" (key "sn"), which is inside "Senrem" ("snrm") but is
    # another village: that report does not name the other's place.
    first = at(told("Band Quillmoor", "Senrem"), "Senrem", 27.00, 8.00)
    second = at(told("Band Quillmoor", "Tizret"), "Tizret", 27.36, 8.00)
    text = f"{second.evidence.sentence} Herders from Senia alerted the post."
    new = FUSER.features(second, "r1-e1", "r1", date(2025, 8, 11), text)
    decision = FUSER.decide(new, [Candidate("E0", [features(first, "r0")])])
    assert "sn" in new.context
    assert "two happenings at two points" in (decision.best.vetoed or "")  # type: ignore[union-attr]


def test_a_spread_family_the_configuration_does_not_define_is_one_clear_error(tmp_path: Path) -> None:
    data = json.loads(resources.files("borderwatch.fuse").joinpath("data", "fusion.json").read_text("utf-8"))
    data["place"]["spread_families"] = ["posture", "patrols"]
    path = tmp_path / "fusion.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match="spread_families names unknown family 'patrols'"):
        load_config(path)
