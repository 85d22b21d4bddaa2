"""Place names French word order presents ('près de Torodi', 'à Tessit', 'le poste de gendarmerie de Dori'), proposed
to the locator as entity spans.

The English model the pipeline parses with tags few places in a French sentence, and the locator's own locative
words are English ('in', 'near'): without these spans a French report's towns go unlocated, and its unnamed
attackers get no country ("Unidentified Armed Group" where ACLED names the country the event happened in). A span
is only a proposal: the locator keeps it where the gazetteer knows the name. The words before a name are
`place_markers` in data/roles_fr.json.
"""

from __future__ import annotations

import re
from functools import cache

from ._contracts import EntitySpan
from ._roles_fr import is_french
from ._segment import Sentence
from ._text import load_data

__all__ = ["french_place_spans"]

_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
# "Bordj Badji Mokhtar", "In Guezzam", "Sidi Bou Zid", "Tin-Zaouatine": capitalised words, with a linking particle
_LINKED = r"(?:[ \-](?:(?:de|du|el|al|ag|ben|bou|n)[ \-])?" + _WORD + r"){0,3}"


@cache
def _pattern() -> re.Pattern[str]:
    markers = load_data("roles_fr.json")["place_markers"]
    # a marker ending in an elided "d'" glues to the name; any other is followed by a space
    # the markers in any case ("Près de", "À"), the name with its capital
    return re.compile(
        r"(?<![\w'’])(?i:" + "|".join(markers) + r")(?:(?<=['’])|\s+)(?:l['’])?(?P<name>" + _WORD + _LINKED + r")"
    )


def french_place_spans(sentences: list[Sentence]) -> list[EntitySpan]:
    """Report offsets of the capitalised names after French place markers, in the French sentences only."""
    spans = []
    pattern = _pattern()
    for sentence in sentences:
        if not is_french(sentence.text):
            continue
        for match in pattern.finditer(sentence.text):
            start, end = match.span("name")
            spans.append(EntitySpan(sentence.start + start, sentence.start + end, "GPE"))
    return spans
