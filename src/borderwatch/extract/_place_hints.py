"""The country a report's place names point to, for naming generic actors when nothing else says where.

ACLED names an unnamed attacker after the country the event happened in ("Unidentified Armed
Group (Niger)"). The locator normally gives that country; without one (or where it finds no place),
a report that names no country ("gunmen killed a village chief near Ouallam, Tillaberi") still names
its province or capital. The hints are the first-level divisions of the region's countries in the
registry (pycountry's ISO 3166-2 names, so every province without a list of our own, and the English or older
spellings in `province_aliases`) and each country's capital (`place_hints` and `capitals` in
`data/actors.json`); names shared by two countries, a country's own name ("Niger" is also a Nigerian
state), and the generic words some divisions are called ("Centre", "Sahel", "Est": `place_hints.exclude`), are no
hint. Only names
written with a capital count, so "the centre" or "est" say nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pycountry

from ._place_markers import geo_locatives
from ._text import fold, load_data, phrase_regex

__all__ = ["locative_name_spans", "place_country"]

_MIN_LENGTH = 3  # "Gao" and "Bam" are provinces; two letters are abbreviations, not names
_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
# "Ben Guerdane", "Oued Zitoun", "Tin-Akof", "Bordj el Haouas": capitalised words, with a linking particle
_NAME = r"(?P<name>" + _WORD + r"(?:[ \-](?:(?:de|du|el|al|ag|ben|bou|n)[ \-])?" + _WORD + r"){0,3})"


@cache
def _hints() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_data("actors.json")
    spec_of = data["countries"]
    config = data["place_hints"]
    excluded = {_key(w) for w in config["exclude"]}
    excluded |= {_key(w) for spec in spec_of.values() for w in [*spec["names"], *spec["adjectives"], *spec["fr"]]}
    owners: dict[str, set[str]] = {}
    for code in config["countries"]:
        spec = spec_of[code]
        names = [s.name for s in pycountry.subdivisions.get(country_code=code) or []]
        for name in [*names, *spec.get("capitals", []), *spec.get("province_aliases", [])]:
            key = _key(name)
            if len(key) >= _MIN_LENGTH and key not in excluded:
                owners.setdefault(key, set()).add(code)
    country_of = {key: codes.pop() for key, codes in owners.items() if len(codes) == 1}
    return phrase_regex(country_of), country_of


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def place_country(text: str) -> str | None:
    """The one country whose provinces and capital `text` names most, or None (none named, or a tie)."""
    pattern, country_of = _hints()
    counts: Counter[str] = Counter()
    for m in pattern.finditer(fold(text)):
        if text[m.start()].isupper():
            counts[country_of[" ".join(m.group().split())]] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _locatives() -> re.Pattern[str]:
    """The places stage's locative words (English and French, strong and weak) and its place nouns with their link
    ('north of', 'village of', 'commune de') before a capitalised name. One vocabulary for both stages."""
    words = geo_locatives()
    every = [w for kind in ("strong", "weak") for language in words[kind].values() for w in language]
    nouns = [w for language in words["place_nouns"].values() for w in language]
    links = [w for language in words["links"].values() for w in language]
    before = rf"{_alternatives(every)}|(?:{_alternatives(nouns)})\s+(?:{_alternatives(links)})"
    # the words as written, so in lower case ("In Guezzam" is a name, "At dawn" a sentence's opening), the name
    # capitalised; after an elided "d'" ("près d'Inékar") the name follows the apostrophe
    return re.compile(r"(?<![\w'’])(?:" + before + r")(?:(?<=['’])|\s+)" + _NAME)


@cache
def _named_units() -> tuple[re.Pattern[str], frozenset[str]]:
    """A capitalised name right before a unit noun ('the Boni post', 'the Ouallam National Guard post', 'Inates
    military camp'), a force's word maybe between (`place_hints.unit_qualifiers`): the unit is named after its
    place. The name is the shortest run of capitalised words before them, so that 'National Guard' stays the force's."""
    qualifiers = load_data("actors.json")["place_hints"]["unit_qualifiers"]
    units = load_data("roles.json")["struck_units"]
    name = r"(?P<name>" + _WORD + r"(?:[ \-](?:(?:de|du|el|al|ag|ben|bou|n)[ \-])?" + _WORD + r"){0,3}?)"
    pattern = re.compile(
        r"(?<![\w'’])" + name + rf"\s+(?i:(?:{_alternatives(qualifiers)})\s+)?(?i:{_alternatives(units)})(?![\w])"
    )
    return pattern, frozenset(_key(w) for w in [*qualifiers, *units])


def locative_name_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the capitalised names English or French locative words put before them ('near Inabelbel', 'left
    Ben Guerdane') or that name a unit ('the Boni post'): proposals for the gazetteer where the parser tagged no
    place, kept only where it knows them."""
    spans = {m.span("name") for m in _locatives().finditer(text)}
    pattern, force_words = _named_units()
    spans |= {m.span("name") for m in pattern.finditer(text) if _key(m.group("name")) not in force_words}
    return sorted(spans)
