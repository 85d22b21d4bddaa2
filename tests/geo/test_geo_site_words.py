"""Site nouns (data/recognition.json `site_nouns`, `_site_words`): a capitalised name right after the word for a
settlement, a commune or a post and 'de', 'of' ('la localité de X', 'le village de X', 'le poste de X', 'la commune
rurale de X', 'the village of X') is a place, whatever the entity model made of it and even when no installed source
holds it (then kept unresolved). Every report sentence here is SYNTHETIC: invented incidents; the unheld names are
invented villages."""

from __future__ import annotations

import pytest
from geo_helpers import probe_places

from borderwatch.geo._site_words import site_named_spans

# Invented village names no source holds, after differently worded site phrases, French and English.
UNHELD = [
    ("Des hommes armés ont attaqué le village de Kouroutaga mardi, tuant trois civils.", "Kouroutaga"),
    ("Une patrouille a été prise à partie près de la localité de Zimbatouré.", "Zimbatouré"),
    ("Le poste de Takoubayaré a été incendié dans la nuit de samedi.", "Takoubayaré"),
    ("Les jihadistes ont occupé la commune rurale de Tangoundaré après le départ des forces.", "Tangoundaré"),
    ("Gunmen stormed the military post of Wassakoré overnight, witnesses said.", "Wassakoré"),
    ("Residents fled the hamlet of Bandiakoré after the raid.", "Bandiakoré"),
]

# Places the gazetteer holds, named after a site phrase where the model tags them persons or organisations.
HELD = [
    ("Des hommes armés ont attaqué le poste de Djibasso, dans la province de la Kossi.", "Djibasso", "BF"),
    ("Une embuscade a visé une patrouille près de la localité de Mangaizé mardi.", "Mangaizé", "NE"),
    ("Les habitants du village de Banibangou ont fui après l'attaque.", "Banibangou", "NE"),
    ("L'attaque a visé la commune rurale d'Inates dans la nuit.", "Inates", "NE"),
    ("Gunmen attacked the gendarmerie post of Téra on Sunday night, killing two gendarmes.", "Téra", "NE"),
]


@pytest.mark.parametrize(("text", "name"), UNHELD, ids=[u[1] for u in UNHELD])
def test_an_unheld_name_after_a_site_phrase_is_kept_unresolved(geoparser, entity_model, text, name) -> None:
    found, _ = probe_places(geoparser, entity_model, {"text": text, "name": name})
    assert [(p.text, p.lat) for p in found] == [(name, None)]


@pytest.mark.parametrize(("text", "name", "country"), HELD, ids=[h[1] for h in HELD])
def test_a_held_name_after_a_site_phrase_is_resolved(geoparser, entity_model, text, name, country) -> None:
    found, location = probe_places(geoparser, entity_model, {"text": text, "name": name})
    assert [(p.text, p.country) for p in found] == [(name, country)]
    assert location is not None and location.country == country


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The name's words joined as in a name; a weekday, a month or a title after it is none of them.
        ("Le village de Tin Akoff a été attaqué.", ["Tin Akoff"]),
        ("Gunmen attacked the village of Diafarabé on Sunday.", ["Diafarabé"]),
        ("Le poste de Kouroutaga Mai a été visé.", ["Kouroutaga"]),
        # French elision, and an article after the link word.
        ("La commune rurale d'In-Tillit a été visée.", ["In-Tillit"]),
        ("Les habitants de la ville de la Tapoa sont partis.", ["Tapoa"]),
        # The noun as an office, and a village's division after 'village of', are no site names.
        ("Il a été nommé au poste de Premier ministre.", []),
        ("Elle a quitté le poste de Directeur général en mai.", []),
        ("Le Poste de Commandement avancé a été déplacé.", []),
        ("Le poste de Gendarmerie de Téra a été attaqué.", ["Téra"]),
        ("She fled Torkula village of Guma Local Government Area.", []),
        # Lower-case words after the phrase are no names.
        ("Le poste de contrôle a été renforcé.", []),
    ],
)
def test_site_named_spans(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in site_named_spans(text)] == names
