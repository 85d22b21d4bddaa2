"""Two happenings of one kind at one town two days apart (a second roadside bomb, a second abduction), each dated to
the day and sharing nothing but place, type and an unnamed actor, are two; one happening whose later report is
dated on its own statement's day (a claim, a funeral) two days on stays one. All synthetic: invented incidents, real
places."""

from __future__ import annotations

from ._make import decide, features, mention

IED = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence"}
ABDUCTION = {"sub": "Abduction/forced disappearance", "etype": "Violence against civilians"}


def _vetoed_as_two_days(decision) -> bool:  # type: ignore[no-untyped-def]
    best = decision.best
    return decision.event_id is None and best is not None and "days apart, both known to the day" in (best.vetoed or "")


def test_a_towns_second_blast_or_abduction_two_days_on_is_another_happening() -> None:
    pairs = [
        (
            mention(
                **IED,
                day="2025-05-05",
                place="Kasserine",
                actor1="Unidentified Armed Group (Tunisia)",
                fatalities=1,
                sentence="SYNTHETIC. A roadside bomb struck a National Guard vehicle near Kasserine on Monday, killing "
                "one guardsman.",
            ),
            mention(
                **IED,
                day="2025-05-07",
                place="Kasserine",
                actor1="Unidentified Armed Group (Tunisia)",
                fatalities=2,
                sentence="SYNTHETIC. Un engin explosif a visé mercredi une patrouille près de Kasserine, blessant deux "
                "militaires.",
            ),
        ),
        (
            mention(
                **ABDUCTION,
                day="2025-05-05",
                place="Ayorou",
                actor1="Unidentified Armed Group (Niger)",
                sentence="SYNTHETIC. Armed men abducted a village chief near Ayorou on Monday.",
            ),
            mention(
                **ABDUCTION,
                day="2025-05-07",
                place="Ayorou",
                actor1="Unidentified Armed Group (Niger)",
                sentence="SYNTHETIC. Des hommes armés ont enlevé mercredi deux commerçants près d'Ayorou.",
            ),
        ),
    ]
    for first, second in pairs:
        decision = decide(features(second, "r2", "2025-05-07"), features(first, "r1", "2025-05-05"))
        assert _vetoed_as_two_days(decision), second.evidence.sentence


def test_one_happening_told_on_its_statement_day_two_days_later_stays_one() -> None:
    blast = mention(
        **IED,
        day="2025-05-05",
        place="Kasserine",
        actor1="Unidentified Armed Group (Tunisia)",
        fatalities=1,
        sentence="SYNTHETIC. A roadside bomb struck a National Guard vehicle near Kasserine on Monday, killing one "
        "guardsman.",
    )
    cases = [
        "SYNTHETIC. Mourners buried on Wednesday the guardsman killed by a roadside bomb near Kasserine.",
        "SYNTHETIC. Les obsèques du garde national tué par un engin explosif près de Kasserine ont eu lieu mercredi.",
    ]
    for sentence in cases:
        funeral = mention(
            **IED,
            day="2025-05-07",
            place="Kasserine",
            actor1="Unidentified Armed Group (Tunisia)",
            fatalities=1,
            sentence=sentence,
        )
        decision = decide(features(funeral, "r2", "2025-05-07"), features(blast, "r1", "2025-05-05"))
        assert decision.event_id == "E0", sentence
