"""Place names that words around them present, proposed to the locator as entity spans: French word order ('près de
Torodi', 'à Tessit', 'le poste de gendarmerie de Dori') and a field report's header ('Post Ayorou, 05 AUG 2026:',
'SITREP Ménaka', 'Djibo sector,').

The English model the pipeline parses with tags few places in a French sentence or a report's shorthand header,
and the locator's own locative words are English prepositions ('in', 'near'): without these spans such a report's
towns go unlocated, and its unnamed attackers get no country ("Unidentified Armed Group" where ACLED names the
country the event happened in). A span is only a proposal: the locator keeps it where the gazetteer knows the name.
The French words are the places stage's own (`locatives`, "fr", in borderwatch/geo/data/recognition.json: one
vocabulary for both stages, read as data, for extraction does not import the places stage); the header words are
`place_hints.header_words` in data/actors.json.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from ._contracts import EntitySpan
from ._roles_fr import is_french
from ._segment import Sentence
from ._text import load_data

__all__ = ["geo_locatives", "place_marker_spans"]

_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
# "Bordj Badji Mokhtar", "In Guezzam", "Sidi Bou Zid", "Tin-Zaouatine": capitalised words, with a linking particle
_NAME = r"(?P<name>" + _WORD + r"(?:[ \-](?:(?:de|du|el|al|ag|ben|bou|n)[ \-])?" + _WORD + r"){0,3})"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def geo_locatives() -> dict:
    """The places stage's locative vocabulary (`locatives` in borderwatch/geo/data/recognition.json): read as data,
    for extraction does not import the places stage, and shared so that the two stages' words cannot drift."""
    ref = resources.files("borderwatch").joinpath("geo", "data", "recognition.json")
    return json.loads(ref.read_text(encoding="utf-8"))["locatives"]


@cache
def _french() -> re.Pattern[str]:
    words = geo_locatives()
    # 'près de', 'à', 'entre' ...; 'le village de', 'au nord de', 'la route d'': a place noun and its link
    nouns = rf"(?:{_alternatives(words['place_nouns']['fr'])})\s+(?:{_alternatives(words['links']['fr'])})"
    markers = _alternatives(words["strong"]["fr"] + words["weak"]["fr"]) + "|" + nouns
    # the markers in any case ("Près de", "À"), the name with its capital; an elided "d'" glues to the name
    return re.compile(r"(?<![\w'’])(?i:" + markers + r")(?:(?<=['’])|\s+)(?:l['’])?" + _NAME)


@cache
def _headers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in load_data("actors.json")["place_hints"]["header_words"])
    # "Post Ayorou, 05 AUG 2026:", "SITREP Ménaka 05 AUG:" / "Ops log, Djibo sector, 17 MAY 2026:": the line's header
    before = re.compile(r"^\s*(?i:" + words + r")\s+" + _NAME + r"(?=\s*[,:;—–-]|\s+\d)")
    after = re.compile(r"^\s*(?:[A-Za-z ]{1,20},\s*)?" + _NAME + r"\s+(?i:" + words + r")(?=\s*[,:;—–-])")
    return before, after


def place_marker_spans(sentences: list[Sentence]) -> list[EntitySpan]:
    """Report offsets of the names French place markers and field reports' headers present."""
    return [
        EntitySpan(sentence.start + start, sentence.start + end, "GPE")
        for sentence in sentences
        for start, end in _marked_names(sentence.text)
    ]


# Detection reads the markers of each candidate sentence, then the report's places those of every sentence: the same
# sentences twice. A sentence's spans depend on its text alone.
@lru_cache(maxsize=1024)
def _marked_names(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets of the names in `text` that its French place markers and field headers present."""
    matches = list(_french().finditer(text)) if is_french(text) else []
    matches += [m for rx in _headers() if (m := rx.match(text)) is not None]
    return tuple(match.span("name") for match in matches)
