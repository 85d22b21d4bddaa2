"""Extraction's French place markers are the places stage's French locatives (geo/data/recognition.json): one
vocabulary, so that a word added there presents names to both stages. Every sentence is SYNTHETIC: invented
incidents in real places."""

from __future__ import annotations

import json
from importlib import resources

from borderwatch.extract._place_markers import place_marker_spans
from borderwatch.extract._segment import split_sentences


def _names(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in place_marker_spans(split_sentences(text))]


def test_the_french_markers_are_the_places_stage_s_french_locatives() -> None:
    ref = resources.files("borderwatch").joinpath("geo", "data", "recognition.json")
    french = json.loads(ref.read_text(encoding="utf-8"))["locatives"]["place_nouns"]["fr"]
    assert "commune rurale" in french
    text = "Des hommes armés ont incendié le dispensaire de la commune rurale de Tillia dans la nuit de lundi."
    assert _names(text) == ["Tillia"]


def test_an_english_locative_is_no_french_marker() -> None:
    # 'In' opens the names of Saharan towns ('In Guezzam'): read as the English 'in', it would cut the name in two.
    text = "Des contrebandiers ont été arrêtés à In Guezzam et près de Tamanrasset la semaine dernière."
    assert _names(text) == ["In Guezzam", "Tamanrasset"]
