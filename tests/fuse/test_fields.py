"""The fused event's fields follow their stated rules and say which mention each came from."""

from __future__ import annotations

from borderwatch.fuse import SourcedMention, derive_fields

from ._make import mention

ATTACK = {"etype": "Violence against civilians", "sub": "Attack"}


def sourced(*mentions_: object) -> list[SourcedMention]:
    return [SourcedMention(f"r{i}-e1", f"r{i}", m) for i, m in enumerate(mentions_)]  # type: ignore[arg-type]


def test_most_conservative_fatalities_and_a_silent_report_does_not_count() -> None:
    fields = derive_fields(sourced(mention(fatalities=8), mention(fatalities=0), mention(fatalities=7), mention()))
    assert fields.fatalities == 7
    assert fields.provenance["fatalities"] == "r2-e1"
    assert derive_fields(sourced(mention(fatalities=0), mention())).fatalities == 0
    assert derive_fields(sourced(mention())).fatalities is None


def test_best_precision_then_earliest_date() -> None:
    fields = derive_fields(
        sourced(
            mention(day="2025-04-01", precision=3),
            mention(day="2025-04-07", precision=1),
            mention(day="2025-04-06", precision=1),
            mention(day=None),
        )
    )
    assert (fields.date, fields.time_precision, fields.provenance["date"]) == ("2025-04-06", 1, "r2-e1")


def test_most_precise_location_wins() -> None:
    fields = derive_fields(sourced(mention(place="Ouallam", geo_precision=2), mention(place="Ayorou", geo_precision=1)))
    assert fields.location is not None and fields.location.name == "Ayorou"
    assert fields.provenance["location"] == "r1-e1"


def test_type_by_weighted_vote() -> None:
    fields = derive_fields(
        sourced(
            mention(confidence=0.9),
            mention(**ATTACK, confidence=0.6),
            mention(**ATTACK, confidence=0.6),
        )
    )
    assert fields.sub_event_type == "Attack"
    assert fields.provenance["sub_event_type"] in {"r1-e1", "r2-e1"}


def test_named_actor_before_generic_and_the_rest_associated() -> None:
    fields = derive_fields(
        sourced(
            mention(actor1="Unidentified Armed Group (Niger)", actor2="Civilians (Niger)"),
            mention(actor1="Unidentified Armed Group (Niger)"),
            mention(actor1="Islamic State Sahel", actor2="Civilians (Niger)"),
        )
    )
    assert fields.actor1 is not None and fields.actor1.name == "Islamic State Sahel"
    assert fields.actor2 is not None and fields.actor2.name == "Civilians (Niger)"
    assert [a.name for a in fields.assoc_actors] == ["Unidentified Armed Group (Niger)"]
    assert fields.provenance["actor1"] == "r2-e1"


def test_tags_united_and_notes_from_the_surest_mention() -> None:
    fields = derive_fields(
        sourced(
            mention(tags=["smuggling"], confidence=0.5, sentence="SYNTHETIC. a"),
            mention(tags=["infiltration", "smuggling"], confidence=0.9, sentence="SYNTHETIC. b"),
        )
    )
    assert fields.tags == ["smuggling", "infiltration"]
    assert fields.notes == "SYNTHETIC. b"
