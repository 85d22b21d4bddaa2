"""Twin border towns: one name at one spot on both sides of a border (Tinzaouaten, Mali and Tin Zaouatine, Algeria;
Rafah, Egypt and Rafah, Gaza; Niagara Falls). Which side the report means is told by its country, not by which twin is
the larger or has a population on record (`_candidate_arrays._twin_town_lift`); the spellings of the Tinzaouaten
twins are written for either side, so both bear them (data/maghreb_sahel.json). Report sentences here are SYNTHETIC:
invented incidents."""

from __future__ import annotations

import math

import pytest
from geo_helpers import probe_places

from borderwatch.geo._candidate_arrays import _twin_town_lift, candidate_priors
from borderwatch.geo._candidates import Candidate
from borderwatch.geo._store import PlaceRecord

SPELLINGS = [
    "Tinzaouaten",
    "Tin Zaouaten",
    "Tin-Zaouaten",
    "Tinzaouatine",
    "Tin Zaouatine",
    "Tinzawaten",
    "Tinzaouatène",
]
ALGERIAN = "bw:dz-tin-zaouatine"
MALIAN = "bw:ml-tinzaouaten"

# (report, the twin it means): the country is told by places, a demonym, a capital or the forces named.
REPORTS = [
    ("L'armée algérienne a renforcé ses positions à {name}, dans la wilaya de Tamanrasset.", ALGERIAN),
    ("Algerian soldiers patrolled near {name} in Tamanrasset province on Sunday.", ALGERIAN),
    ("Selon le ministère algérien de la Défense, des contrebandiers ont été interceptés à {name}.", ALGERIAN),
    ("Des combats ont opposé l'armée à des rebelles à {name}, dans la région de Kidal au Mali.", MALIAN),
    ("Des drones ont frappé {name}, près de Tessalit, dimanche.", MALIAN),
    ("Selon une source sécuritaire malienne, des combats ont eu lieu à {name} samedi.", MALIAN),
    ("The Malian army said its soldiers repelled an attack at {name}.", MALIAN),
]


@pytest.mark.parametrize(("report", "place_id"), REPORTS, ids=[f"{r[1][3:5]}-{i}" for i, r in enumerate(REPORTS)])
def test_the_twin_of_the_report_s_country_is_chosen_whatever_the_spelling(
    geoparser, entity_model, report, place_id
) -> None:
    for name in SPELLINGS:
        found, _ = probe_places(geoparser, entity_model, {"text": report.format(name=name), "name": name})
        assert [p.geonameid for p in found] == [place_id], name


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Egyptian border guards arrested two smugglers in Rafah, North Sinai, on Friday.", "Rafah", "EG"),
        ("Residents of Rafah in the southern Gaza Strip reported shelling near Khan Younis.", "Rafah", "PS"),
        ("Police in Niagara Falls, New York, said a man was arrested near Buffalo.", "Niagara Falls", "US"),
        (
            "Ontario Provincial Police in Niagara Falls, Ontario, closed a road near St. Catharines.",
            "Niagara Falls",
            "CA",
        ),
        ("Police in Laufenburg, Baden-Württemberg, Germany, detained a suspect near Waldshut.", "Laufenburg", "DE"),
        ("A customs officer was injured in Laufenburg, in the Swiss canton of Aargau.", "Laufenburg", "CH"),
    ],
)
def test_twins_elsewhere_are_told_apart_by_the_report_s_country(geoparser, entity_model, text, name, country) -> None:
    found, _ = probe_places(geoparser, entity_model, {"text": text, "name": name})
    assert [p.country for p in found] == [country]


def _town(place_id: int, country: str, lat: float, lon: float, population: int) -> PlaceRecord:
    return PlaceRecord(place_id, place_id, "Twin", lat, lon, country, None, None, "P", "PPL", population, "geonames")


def test_a_twin_across_the_border_is_lifted_to_its_larger_twin_s_population() -> None:
    small, large = _town(1, "ML", 19.95, 2.95, 0), _town(2, "DZ", 19.96, 2.96, 50_000)
    candidates = (Candidate(large, 0.8), Candidate(small, 1.0))
    lift = _twin_town_lift(candidates)
    assert lift[1] == pytest.approx(math.log10(50_010) - math.log10(10)) and lift[0] == 0.0
    priors = candidate_priors(candidates)
    assert priors[1] > priors[0]  # what is left is how well the name matched: the small twin's own name


@pytest.mark.parametrize(
    "other",
    [
        Candidate(_town(3, "DZ", 24.0, 5.0, 50_000), 1.0),  # a namesake 500 km away is no twin
        Candidate(_town(4, "ML", 19.96, 2.96, 50_000), 1.0),  # nor a namesake on the same side
        Candidate(_town(5, "DZ", 19.96, 2.96, 50_000), 0.6),  # nor a place reached by a looser reading
    ],
)
def test_only_a_namesake_across_a_border_at_the_same_spot_is_a_twin(other) -> None:
    small = Candidate(_town(1, "ML", 19.95, 2.95, 0), 1.0)
    assert not _twin_town_lift((other, small)).any()
