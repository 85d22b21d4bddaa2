"""Streets, buildings and venues the gazetteer does not hold lie in the report's town (geo/_facilities.py): a span
an analyst highlights that names a site ('the Al-Amal Clinic', 'Avenue des Martyrs') and stays unresolved takes the
town the report names most. Every report sentence here is SYNTHETIC: invented incidents and invented sites in real
towns."""

from __future__ import annotations

import pytest
from geo_helpers import span

# (text, the site, the town it must be placed in, the names highlighted), worded differently, English and French.
CASES = [
    ("Synthetic: gunmen opened fire outside the Al-Amal Clinic in Gao on Monday.", "Al-Amal Clinic", "Gao",
     ["Al-Amal Clinic", "Gao"]),
    ("Synthetic: traders marched down Avenue des Martyrs in Kasserine after the market closed.",
     "Avenue des Martyrs", "Kasserine", ["Avenue des Martyrs", "Kasserine"]),
    ("Synthetic: delegates from Niamey met in Agadez; in Agadez the Tafadek Zephyr Hall was closed for the talks.",
     "Tafadek Zephyr Hall", "Agadez", ["Niamey", "Agadez", "Tafadek Zephyr Hall", "Agadez"]),
    ("Synthetic: des manifestants se sont rassemblés boulevard Ibn Zephyr, à Tataouine, samedi.",
     "boulevard Ibn Zephyr", "Tataouine", ["boulevard Ibn Zephyr", "Tataouine"]),
]  # fmt: skip


def _resolved(geoparser, text: str, names: list[str]) -> dict[str, object]:
    spans, found, cursor = [], {}, 0
    for name in names:
        start = text.index(name, cursor if name in text[cursor:] else 0)
        spans.append((start, start + len(name)))
        cursor = start + len(name)
    for (start, end), place in zip(spans, geoparser.resolve(text, spans), strict=True):
        found.setdefault(text[start:end], place)
    return found


@pytest.mark.parametrize(("text", "site", "town", "names"), CASES, ids=[c[1] for c in CASES])
def test_a_site_lies_in_the_report_s_town(geoparser, text: str, site: str, town: str, names: list[str]) -> None:
    found = _resolved(geoparser, text, names)
    assert found[town] is not None and found[site] is not None
    assert found[site].geonameid == found[town].geonameid
    assert found[site].confidence < found[town].confidence  # only somewhere in the town


def test_a_site_of_a_report_that_names_no_town_stays_unresolved(geoparser) -> None:
    text = "Synthetic: the Zephyr Hall was evacuated after a threat on Monday."
    assert geoparser.resolve(text, [span(text, "Zephyr Hall")]) == [None]


def test_a_natural_feature_is_no_site(geoparser) -> None:
    """A river or a mountain crosses many towns: it is not placed in the report's town."""
    text = "Synthetic: herders crossed the Zephyrine River near Dori on Monday."
    found = _resolved(geoparser, text, ["Zephyrine River", "Dori"])
    assert found["Dori"] is not None and found["Zephyrine River"] is None


def test_find_places_does_not_place_sites(geoparser) -> None:
    """Recognition keeps its own rules: the fallback is for spans given to `resolve`."""
    text = "Synthetic: gunmen opened fire outside the Al-Amal Clinic in Gao on Monday."
    places = geoparser.find_places(text, [span(text, "Gao", "GPE")])
    assert [p.text for p in places if p.lat is not None] == ["Gao"]
