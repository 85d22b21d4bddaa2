"""One clash told from each side of a border: each report places it at its own country's town, a short way from
the other's across the border, and names its own country's forces. The place agreement is graded by distance, not
the veto of two points. All synthetic: invented incidents, real places and organisations as actors only."""

from __future__ import annotations

from ._make import decide, features, mention

CLASH = {"sub": "Armed clash", "etype": "Battles", "day": "2026-03-11"}
ARMY = {
    "DZ": "Military Forces of Algeria (2019-)",
    "TN": "Military Forces of Tunisia (2019-)",
    "NE": "Military Forces of Niger (2023-)",
    "ML": "Military Forces of Mali (2021-)",
    # A name whose period stands inside it: the country is still the one after "of".
    "LY": "Military Forces of Libya (2021-) Government of National Unity",
}

# (place, precision, its country's forces, sentence) told from one side, then from the other.
TOLD_FROM_EACH_SIDE = [
    (
        ("Bouchebka", 2, "Police Forces of Tunisia (2019-)", "SYNTHETIC. National Guard units exchanged fire with "
         "armed smugglers near Bouchebka on Wednesday, wounding two."),
        ("El Ma Labiodh", 2, ARMY["DZ"], "SYNTHETIC. Des garde-frontières algériens ont échangé des tirs mercredi "
         "avec des contrebandiers armés près d'El Ma Labiodh."),
    ),
    (
        ("Assamaka", 2, ARMY["NE"], "SYNTHETIC. Nigerien soldiers clashed with armed traffickers near Assamaka on "
         "Wednesday; one soldier was killed."),
        ("In Guezzam", 1, ARMY["DZ"], "SYNTHETIC. Algerian army units fought an armed convoy of traffickers at In "
         "Guezzam on Wednesday, the ministry said."),
    ),
    (
        ("Dehiba", 1, ARMY["TN"], "SYNTHETIC. L'armée tunisienne a ouvert le feu mercredi sur un convoi de "
         "contrebandiers armés à Dehiba."),
        ("Nalut", 2, ARMY["LY"], "SYNTHETIC. Libyan forces said they fought off armed smugglers near Nalut on "
         "Wednesday."),
    ),
    (
        ("Inates", 2, ARMY["NE"], "SYNTHETIC. L'armée nigérienne a repoussé mercredi une attaque près d'Inatès ; "
         "quatre assaillants tués."),
        ("Ouatagouna", 2, ARMY["ML"], "SYNTHETIC. Malian troops fought militants near Ouatagouna on Wednesday, "
         "reporting four assailants dead."),
    ),
]  # fmt: skip


def _told(place: str, precision: int, force: str | None, sentence: str, mid: str = "e1"):
    return mention(mid, **CLASH, place=place, geo_precision=precision, actor1=force, sentence=sentence)


def _place(decision) -> tuple[float, str]:  # type: ignore[no-untyped-def]
    assert decision.best is not None
    found = next(f for f in decision.best.features if f.name == "place")
    return found.value, found.detail


def test_a_clash_told_from_each_side_of_the_border_is_one() -> None:
    for one, other in TOLD_FROM_EACH_SIDE:
        first = features(_told(*one), "r1", "2026-03-12")
        second = features(_told(*other, mid="e2"), "r2", "2026-03-12")
        decision = decide(second, first)
        assert decision.event_id == "E0", (one[0], other[0], decision.best)
        assert "across the" in _place(decision)[1]


def test_the_agreement_falls_with_the_distance_across_the_border() -> None:
    values = []
    for one, other in TOLD_FROM_EACH_SIDE[1], TOLD_FROM_EACH_SIDE[3]:  # about 24 km, then about 36 km apart
        decision = decide(
            features(_told(*other, mid="e2"), "r2", "2026-03-12"), features(_told(*one), "r1", "2026-03-12")
        )
        values.append(_place(decision)[0])
    assert values[0] > values[1]


def test_reports_without_their_own_forces_stay_two_places() -> None:
    """Gunmen killing villagers at a town on each side of the border on one day, no state force named: two
    happenings at two points, as before."""
    for (place, precision, _force, _), (other_place, other_precision, _other_force, _) in TOLD_FROM_EACH_SIDE[2:]:
        left = mention(
            "e1",
            sub="Attack",
            etype="Violence against civilians",
            day="2026-03-11",
            place=place,
            geo_precision=precision,
            actor1="Unidentified Armed Group",
            fatalities=3,
            sentence=f"SYNTHETIC. Gunmen killed three villagers at {place} on Wednesday.",
        )
        right = left.model_copy(
            update={
                "id": "e2",
                "location": mention(place=other_place, geo_precision=other_precision).location,
                "evidence": left.evidence.model_copy(
                    update={
                        "sentence": f"SYNTHETIC. Des hommes armés ont tué trois villageois mercredi à {other_place}."
                    }
                ),
            }
        )
        decision = decide(features(right, "r2", "2026-03-12"), features(left, "r1", "2026-03-12"))
        assert decision.event_id is None, (place, other_place)


def test_one_country_s_forces_on_both_sides_are_not_told_from_each_side() -> None:
    """The Nigerien army at Inates and the Nigerien army at Ouatagouna in Mali: one report is not at home, so the
    two are the two points they seem."""
    (place, precision, force, sentence), (other, other_precision, _, other_sentence) = TOLD_FROM_EACH_SIDE[3]
    first = features(_told(place, precision, force, sentence), "r1", "2026-03-12")
    second = features(_told(other, other_precision, ARMY["NE"], other_sentence, "e2"), "r2", "2026-03-12")
    decision = decide(second, first)
    assert decision.event_id is None
    assert "across the" not in str(decision.best)


def test_towns_farther_apart_than_the_border_distance_stay_apart() -> None:
    """Bir el Ater (Algeria) and Bouchebka (Tunisia), about 50 km apart: beyond `place.cross_border_km`."""
    first = features(
        _told("Bir el Ater", 1, ARMY["DZ"], "SYNTHETIC. The army fought smugglers at Bir el Ater on Wednesday."),
        "r1",
        "2026-03-12",
    )
    second = features(
        _told(
            "Bouchebka", 1, ARMY["TN"], "SYNTHETIC. Des militaires ont affronté des contrebandiers à Bouchebka.", "e2"
        ),
        "r2",
        "2026-03-12",
    )
    assert decide(second, first).event_id is None


def test_each_side_may_code_the_clash_its_own_way() -> None:
    """The Tunisian report tells of smugglers' fire that killed a guardsman (an attack), the Algerian one of a
    clash with the same toll on the same track: one happening of two kinds, scored (not the veto of two points) and
    joined on the figure and the name they share; without the name, two kinds a border apart fall short."""
    attack = mention(
        "e1",
        sub="Attack",
        etype="Violence against civilians",
        day="2026-03-11",
        place="Bouchebka",
        geo_precision=2,
        actor1="Unidentified Armed Group (Tunisia)",
        actor2="Police Forces of Tunisia (2019-)",
        fatalities=1,
        sentence="SYNTHETIC. Smugglers shot dead a National Guard officer on the Oued Hatab track near Bouchebka on "
        "Wednesday.",
    )
    clash = _told(
        "El Ma Labiodh",
        2,
        ARMY["DZ"],
        "SYNTHETIC. Un accrochage avec des contrebandiers armés a fait un mort mercredi sur la piste de l'Oued Hatab, "
        "près d'El Ma Labiodh.",
        "e2",
    )
    clash = clash.model_copy(update={"fatalities": 1})
    decision = decide(features(clash, "r2", "2026-03-12"), features(attack, "r1", "2026-03-12"))
    assert decision.event_id == "E0", decision.best
    assert "across the" in _place(decision)[1]
    unnamed = clash.model_copy(
        update={
            "evidence": clash.evidence.model_copy(
                update={"sentence": "SYNTHETIC. Un mort mercredi près d'El Ma Labiodh."}
            )
        }
    )
    decision = decide(features(unnamed, "r2", "2026-03-12"), features(attack, "r1", "2026-03-12"))
    assert decision.event_id is None and decision.best is not None and decision.best.vetoed is None
