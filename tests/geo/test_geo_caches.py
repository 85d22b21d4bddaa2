"""What the places stage keeps between calls never changes an answer (synthetic reports)."""

from __future__ import annotations

import pytest
from geo_helpers import span

import borderwatch.geo._geoparser as geoparser_module
from borderwatch.errors import ConfigError
from borderwatch.geo import Geoparser
from borderwatch.geo._normalise import fold

_FIRST = (
    "Synthetic: gunmen attacked a checkpoint near Gao on Monday; the army said reinforcements left Kidal "
    "and Menaka for the Gao region, and a convoy from Niamey reached Ansongo."
)
_SECOND = (
    "Synthetic: smugglers were stopped near Djanet in Algeria on Tuesday, and two vehicles seized in Gao were "
    "driven to Kidal, officials in Tamanrasset said."
)


def _places(parser: Geoparser, text: str, *names: str) -> list:
    return parser.find_places(text, [span(text, name, "GPE") for name in names])


def test_a_report_reads_the_same_after_others(geoparser) -> None:
    fresh = Geoparser(geoparser.gazetteer.path)
    _places(fresh, _FIRST, "Gao", "Kidal", "Menaka", "Niamey", "Ansongo")
    after_another = _places(fresh, _SECOND, "Djanet", "Algeria", "Gao", "Kidal", "Tamanrasset")
    alone = _places(Geoparser(geoparser.gazetteer.path), _SECOND, "Djanet", "Algeria", "Gao", "Kidal", "Tamanrasset")
    assert after_another == alone
    assert {p.country for p in alone if p.name in ("Gao", "Kidal")} == {"ML"}


def test_a_worker_opens_the_index_its_parent_ensured_as_it_is(geoparser, monkeypatch) -> None:
    def no_check(path: object) -> None:
        raise AssertionError("the index was checked again")

    monkeypatch.setattr(geoparser_module, "ensure_index", no_check)
    worker = Geoparser(geoparser.gazetteer.path, check_index=False)
    names = ("Gao", "Kidal", "Menaka", "Niamey", "Ansongo")
    assert _places(worker, _FIRST, *names) == _places(geoparser, _FIRST, *names)
    with pytest.raises(AssertionError):
        Geoparser(geoparser.gazetteer.path)


def test_border_answers_kept_per_point_are_the_computed_ones(geoparser) -> None:
    try:
        borders = geoparser.borders
    except ConfigError:
        pytest.skip("an index without world-atlas borders")
    for lat, lon in [(33.15, 11.22), (24.55, 9.48), (16.27, -0.04)]:
        assert borders.nearest(lat, lon) == borders._nearest(lat, lon) == borders.nearest(lat, lon)
        assert borders.country_at(lat, lon) == borders.country_at(lat, lon) is not None


@pytest.mark.parametrize("name", ["Tamanrasset", "Bordj Badji Mokhtar", "St. Louis", "in`Amenas", "AL-KUFRA"])
def test_ascii_names_fold_as_by_decomposition(name: str) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.replace("`", "'"))
    assert fold(name) == "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    assert fold("Tébessa") == "tebessa"
