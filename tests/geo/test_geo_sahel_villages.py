"""Villages and small towns of the Mali-Burkina-Niger border area that cities500 lacks, held by the regional
supplement (data/maghreb_sahel.json): each resolves, in French and English reports, to the supplement's place.
Every sentence is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


@pytest.mark.parametrize(
    ("text", "name", "gold", "others"),
    [
        (
            "Le village de Tamou, au Niger, a accueilli des familles déplacées.",
            "Tamou",
            "ne-tamou",
            [("Niger", "GPE")],
        ),
        (
            "Gunmen on motorbikes stormed a market in Tamou, in south-western Niger.",
            "Tamou",
            "ne-tamou",
            [("Niger", "GPE")],
        ),
        (
            "Un pont a été détruit près de Hombori, sur la route de Gao, au Mali.",
            "Hombori",
            "ml-hombori",
            [("Gao", "GPE"), ("Mali", "GPE")],
        ),
        (
            "A convoy of Malian troops hit a mine north of Hombori on Monday.",
            "Hombori",
            "ml-hombori",
            [("Malian", "NORP")],
        ),
        (
            "Des tirs ont visé le commissariat de Kantchari, au Burkina Faso.",
            "Kantchari",
            "bf-kantchari",
            [("Burkina Faso", "GPE")],
        ),
        (
            "Burkinabe soldiers repelled an attack on Kantchari, near the border with Niger.",
            "Kantchari",
            "bf-kantchari",
            [("Burkinabe", "NORP"), ("Niger", "GPE")],
        ),
        (
            "La foire de Gossi, au Mali, a été suspendue après des menaces.",
            "Gossi",
            "ml-gossi",
            [("Mali", "GPE")],
        ),
        (
            "Residents of Konna, in central Mali, fled after the clashes.",
            "Konna",
            "ml-konna",
            [("Mali", "GPE")],
        ),
        (
            "Des civils ont été tués à Ouatagouna, dans le cercle d'Ansongo au Mali.",
            "Ouatagouna",
            "ml-ouatagouna",
            [("Ansongo", "GPE"), ("Mali", "GPE")],
        ),
        (
            "Malian troops arrived in Sévaré after the attack on the airport.",
            "Sévaré",
            "ml-sevare",
            [("Malian", "NORP")],
        ),
    ],
)
def test_a_border_area_village_resolves_to_the_supplement(geoparser, text, name, gold, others) -> None:
    entities = [span(text, name, "GPE")] + [span(text, word, label) for word, label in others]
    found = {p.text: p.geonameid for p in geoparser.find_places(text, entities)}
    assert found[name] == f"bw:{gold}"
