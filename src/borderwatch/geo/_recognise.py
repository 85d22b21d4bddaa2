"""Finding place mentions in a text: spaCy's entity spans as hints, and the gazetteer itself.

The small English model misses places of the region: it tags "Bourj Baji Mukhtar" an organisation, "Ain
Ghazzam" and "Niger" persons, and cannot split "theGhadames". So every span is a proposal: GPE/LOC/FAC
spans are places unless nothing in the gazetteer bears the name; ORG/PERSON/NORP spans and capitalised
word runs the model did not tag are places when the gazetteer knows the name and the evidence is strong
enough (a salient place, a locative word before it, a route such as "from Gao to Ansongo" or "the Ansongo
road", a country the document is about). Demonyms used as adjectives ("the Libyan border") are mentions of
their country, unless they name a language ("translated from French"). Vocabularies that decide the reading
(makes of vehicles and weapons, feature words, compound suffixes, language words) are in data/recognition.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ._normalise import name_key
from ._sources import data_file

__all__ = [
    "GUARD_INITIAL",
    "GUARD_NONE",
    "GUARD_ORG",
    "GUARD_PERSON",
    "HINT_LABELS",
    "PLACE_LABELS",
    "Proposal",
    "abbreviations",
    "actor_acronyms",
    "actor_names",
    "adjectives",
    "agency_dateline",
    "brands",
    "demonyms",
    "division_kind_after",
    "facility_words",
    "heads_a_line",
    "inside_longer_name",
    "is_compound_adjective",
    "is_counted",
    "is_language_use",
    "is_locative",
    "is_road_qualifier",
    "is_route",
    "is_speaker",
    "is_strongly_locative",
    "names_a_post",
    "names_an_office_s_seat",
    "natural_feature_words",
    "not_a_place",
    "opens_an_agency_dateline",
    "propose_spans",
    "text_proposals",
]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
HINT_LABELS = {"ORG", "PERSON", "NORP"}
# Month and weekday names inside the model's dates and times are part of them ('in March'); the small model also
# tags places as dates ('in Manbij'), so only calendar words are set aside.
_COMMA_BEFORE = re.compile(r"[,(]\s*$")
_TEMPORAL_LABELS = {"DATE", "TIME"}

_LOWER_WORD = re.compile(r"(?<![\w'’.\-])[a-zà-ÿ]")
# A capitalised word, also right after a French elided preposition or article ("la commune rurale d'Inékar").
_CAPITALISED = re.compile(r"(?:(?<![\w'’.\-])|(?<=(?<!\w)[dlDL]['’]))[A-ZÀ-ÖØ-Þ][\w'’.\-]*")
_CONNECTORS = {"de", "des", "du", "el", "al", "ad", "ar", "as", "ech", "la", "le", "of", "n", "bou", "ben", "bin",
               "sur", "on", "upon", "en", "y", "da", "do", "di", "del"}  # fmt: skip
# Between two words of a name: a space or hyphen, with a connector ('Ras el Oued') or an elided one ("Côte d'Ivoire").
_LINK = re.compile(r"[ -](?:(" + "|".join(sorted(_CONNECTORS)) + r")[ -]|([dl]['’]))?")
_GLUED = re.compile(r"\b(?:the|in|at|of|from|near|to|and|on)([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)*)")
_GLUED_START = re.compile(r"^(the|in|at|of|from|near|to)[A-Z][a-z]{2,}")
# French elides 'de' before a vowel ("le camp de réfugiés d'Abala"): the model's span may open with it, and the
# name is what follows ('d'' in lower case only: "D'Kar" and "L'Ariana" are names).
_ELIDED_DE_START = re.compile(r"^d['’](?=[A-ZÀ-Þ])")
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "god", "allah", "ramadan", "eid", "christmas", "easter", "i", "mr", "mrs", "ms", "dr"}  # fmt: skip
_MAX_RUN = 5
_NAME = r"[A-Z][\w'’.\-]*(?:[ -][A-Z][\w'’.\-]*)*"
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^\s+to\s+(?:the\s+)?[A-Z]")
_FROM_NAME_TO_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?" + _NAME + r"\s+to\s+(?:the\s+)?$")
_ROAD_WORDS = r"(?:road|axis|highway|route|corridor|track|motorway)s?\b"
_CAPITALISED_BEFORE = re.compile(
    r"(?<![.!?:;\n]\s)\b(?!(?:The|A|An|In|On|At|Of|And|But|For|From|To|By|With|As|Its|His|Her|Their|Near|Into|"
    r"Outside|Around|Towards?|Inside|Across|Via|Through|Beyond|Along|Between|Past|After|Before|Since|Despite)\b)"
    r"[A-Z][\w'’.]*[ -]$"
)
_CAPITALISED_AFTER = re.compile(r"[ -][A-Z]")
_ROAD_AFTER = re.compile(r"^(?:\s*[–—/-]\s*" + _NAME + r")?\s+(?i:" + _ROAD_WORDS + ")")
_COUNT_BEFORE = re.compile(
    r"(?:(?<![\d,.$€£])\b\d{1,3}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"dozens of|hundreds of|scores of|multiple|many|numerous|few))\s+$",
    re.IGNORECASE,
)
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from|speaks?|spoke|speaking|translated\s+(?:from|into))\s+$", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_LANGUAGE_END = re.compile(r"^\s*(?:$|[),.;:!?\"”\n])")
# How much a capitalised span the model did not tag as a place needs to count as one (see `Geoparser`).
GUARD_NONE, GUARD_INITIAL, GUARD_ORG, GUARD_PERSON = 0, 2, 3, 4
_GUARD_OF_LABEL = {"PERSON": GUARD_PERSON, "ORG": GUARD_ORG, "NORP": GUARD_ORG}


@dataclass(frozen=True)
class Proposal:
    """A span that may be a place: where it came from decides how much evidence it needs."""

    start: int
    end: int
    origin: str  # "place" (GPE/LOC/FAC), "hint" (ORG/PERSON/NORP), "text" (untagged capitalised words)
    locative: bool  # a locative word stands right before it
    demonym: str | None  # what a demonym adjective stands for: a country (alpha-2) or 'continent:XX'
    label: str = ""  # the entity model's label


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym and adjective keys -> country alpha-2."""
    table: dict[str, str] = {}
    for code, entry in data_file("countries.json")["countries"].items():
        for word in entry.get("demonyms", []):
            table.setdefault(name_key(word), code)
    return table


@lru_cache(maxsize=1)
def abbreviations() -> set[str]:
    """Keys of the abbreviations of divisions ('Ky.', 'Mass.', 'B.C.'): places only in 'Town, Abbr.' position."""
    table = data_file("admin_abbreviations.json")["abbreviations"]
    return {name_key(a) for names in table.values() for a in names if len(name_key(a)) <= 5}


@lru_cache(maxsize=1)
def adjectives() -> dict[str, str]:
    """Demonyms of countries (-> alpha-2) and of continents (-> 'continent:XX'): adjectives that name places."""
    table = dict(demonyms())
    for code, entry in data_file("countries.json")["continents"].items():
        for word in entry.get("demonyms", []):
            table.setdefault(name_key(word), f"continent:{code}")
    return table


@lru_cache(maxsize=1)
def _actor_aliases() -> tuple[str, ...]:
    """The names and acronyms that extraction's actor registry (extract/data/actors.json) knows as armed groups' or
    state forces' ('FAMa', 'Wagner', 'JNIM'), as the registry writes them: read from the registry itself, so that a
    group it learns is known here too. Some are also the names of small towns far away (Fama, Brazil)."""
    registry = json.loads(resources.files("borderwatch.extract").joinpath("data", "actors.json").read_text("utf-8"))
    names = [alias for group in registry["groups"] for alias in group["aliases"]]
    names += [alias for country in registry["countries"].values() for kind in country.get("extra", {}).values()
              for alias in kind]  # fmt: skip
    return tuple(names)


@lru_cache(maxsize=1)
def actor_names() -> frozenset[str]:
    """Keys of the actor registry's names and acronyms (see `_actor_aliases`)."""
    return frozenset(name_key(name) for name in _actor_aliases())


@lru_cache(maxsize=1)
def actor_acronyms() -> frozenset[str]:
    """The registry's one-word names with more than one capital ('FAMa', 'JNIM', 'EIGS'), as written: written so
    in a report they are the acronym, whatever town bears the name written as a name ('Fama')."""
    return frozenset(name for name in _actor_aliases() if " " not in name and sum(c.isupper() for c in name) > 1)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    return data_file("recognition.json")  # type: ignore[no-any-return]


def _keys(section: str) -> frozenset[str]:
    return frozenset(name_key(word) for word in _vocabulary()[section])


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Keys of month and weekday names (English, French), some of which are also towns ('March', 'August')."""
    return _keys("calendar_words")


@lru_cache(maxsize=1)
def _office_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(section: str) -> str:
        return "|".join(re.escape(w) for w in sorted(_vocabulary()[section], key=len, reverse=True))

    after = re.compile(rf"\s+(?:{alternation('office_titles_after')})(?![\w-])")
    before = re.compile(rf"(?<![\w-])(?:{alternation('office_titles_before')})\s+(?:the\s+)?$")
    return after, before


def names_an_office_s_seat(text: str, start: int, end: int) -> bool:
    """The name written with an office or assembly of a state, province or country ('New York Gov.', 'the Alberta
    legislature', 'the governor of Kasserine', 'the wilaya of Adrar'): it names the division, not a town."""
    after, before = _office_patterns()
    return bool(after.match(text, end)) or bool(before.search(text[max(0, start - 30) : start]))


@lru_cache(maxsize=1)
def _division_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The kind of a division written after a name ('Kidal region') or before it with 'of' or 'de' ('wilaya de
    Tamanrasset'): as written around a span, and as they read in a name key (folded: 'daira de bordj ...')."""

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    words = _vocabulary()
    after, before = words["division_words_after"], words["division_words_before"]
    connectors = words["division_connectors"]
    keyed = [name_key(w) for w in connectors if name_key(w)] + ["d'"]
    return (
        re.compile(rf"\s+(?:{alternation(after)})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{alternation(before)})\s+(?:{alternation(connectors)})\s*$", re.IGNORECASE),
        re.compile(rf"(?P<name>.+?)\s+(?:{alternation([name_key(w) for w in after])})"),
        re.compile(rf"(?:{alternation([name_key(w) for w in before])})\s+(?:{alternation(keyed)})\s*(?P<name>.+)"),
    )


def division_kind_after(text: str, start: int, end: int) -> bool:
    """'Kourakou, Torodi department', 'Tabatol (Ansongo circle)': a name after a comma or an opening parenthesis
    with the kind of its division written right after it is the division of the place before it, presented as a
    place as a locative word presents one, whatever the entity model made of it (a person, an organisation,
    nothing), so that a village's location line names its country. Only there: elsewhere ('Giza's Haram district')
    the kind names a quarter of a city that the gazetteer holds only as a namesake abroad."""
    return bool(_COMMA_BEFORE.search(text, max(0, start - 3), start)) and bool(_division_patterns()[0].match(text, end))


def names_a_division(text: str, start: int, end: int) -> bool:
    """The name written with the kind of its division, in its span or around it ('the Ouargla wilaya', 'Kidal
    region', 'the cercle de Niono', 'Region of Peel'): it names the division (or a region), not a town."""
    after, before, _, _ = _division_patterns()
    if after.match(text, end):
        return True
    # Most names follow no connector: the search for the kind word before one is skipped for them.
    preceding = text[max(0, start - 40) : start]
    if preceding.rstrip().lower().endswith(_connector_ends()) and before.search(preceding):
        return True
    return division_s_name(name_key(text[start:end])) is not None


@lru_cache(maxsize=1)
def _kind_countries_patterns() -> tuple[dict[str, frozenset[str]], re.Pattern[str], re.Pattern[str]]:
    """The division kinds few countries use (data/division_kind_countries.json) by lower-case word, and the patterns
    of one written after a name and before it with a connector ('Ansongo circle', 'le cercle de Koro')."""
    table = {
        kind.lower(): frozenset(countries)
        for kind, countries in data_file("division_kind_countries.json")["kinds"].items()
    }
    kinds = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    connectors = "|".join(re.escape(c) for c in sorted(_vocabulary()["division_connectors"], key=len, reverse=True))
    return (
        table,
        re.compile(rf"\s+(?P<kind>{kinds})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?P<kind>{kinds})\s+(?:{connectors})\s*$", re.IGNORECASE),
    )


@lru_cache(maxsize=8192)
def division_kind_countries(text: str, start: int, end: int) -> frozenset[str]:
    """The countries whose divisions are of the kind written with the name, when few countries use that kind ('le
    cercle de Koro', 'the Ansongo circle', 'la commune rurale de Tillia'); empty for any other name."""
    table, after, before = _kind_countries_patterns()
    preceding = text[max(0, start - 40) : start]
    found = after.match(text, end) or (
        before.search(preceding) if preceding.rstrip().lower().endswith(_connector_ends()) else None
    )
    return table[found.group("kind").lower()] if found else frozenset()


@lru_cache(maxsize=1)
def _connector_ends() -> tuple[str, ...]:
    return tuple({c.lower().rsplit(" ", 1)[-1] for c in _vocabulary()["division_connectors"]})


@lru_cache(maxsize=16384)
def division_s_name(key: str) -> str | None:
    """The name inside a division's name key written with its kind ('wilaya de tamanrasset', 'ansongo cercle',
    'guma local government area' -> 'tamanrasset', 'ansongo', 'guma'); None when it is not written so."""
    _, _, after, before = _division_patterns()
    found = after.fullmatch(key) or before.fullmatch(key)
    if found is None:
        return None
    name = found.group("name")
    # 'department of state' is no division named 'department of': a name ends in no connector or kind word.
    last = name.rsplit(" ", 1)[-1]
    return None if last in _division_vocabulary_keys() else name


@lru_cache(maxsize=1)
def _division_vocabulary_keys() -> frozenset[str]:
    words = _vocabulary()
    every = words["division_words_after"] + words["division_words_before"] + words["division_connectors"]
    return frozenset(part for w in every for part in name_key(w).split()) | {"d'"}


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Keys of English determiners, quantifiers and pronouns, some of which name towns ('Most', 'Many')."""
    return _keys("function_words")


def _calendar_word(text: str, start: int, end: int, temporal: list[tuple[int, int]]) -> bool:
    """A month or weekday name inside one of the model's dates or times."""
    return name_key(text[start:end]) in calendar_words() and any(s <= start and end <= e for s, e in temporal)


@lru_cache(maxsize=1)
def brands() -> frozenset[str]:
    """Keys of makes of vehicles, weapons and equipment that are also place names ('Toyota'), and of common nouns
    written with a capital that are also towns ('Congress', 'Olympic'): places only where the text says so."""
    return _keys("brands") | _keys("common_nouns")


@lru_cache(maxsize=1)
def natural_feature_words() -> frozenset[str]:
    """Last words of names of rivers, mountains, coasts...: 'Niger River' is not the place Niger."""
    return _keys("natural_feature_words")


@lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    """Last words of names of streets and buildings: alone ('Street', 'Church') they name no place."""
    return _keys("facility_words")


@lru_cache(maxsize=1)
def _compound_suffixes() -> frozenset[str]:
    return _keys("compound_suffixes")


@lru_cache(maxsize=1)
def _speech_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in sorted(_vocabulary()["speech_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s*,?\s*$", re.IGNORECASE), re.compile(rf"\s*,?\s*(?:{words})\b", re.IGNORECASE)


def is_speaker(text: str, start: int, end: int) -> bool:
    """A name right after or before a speech word ('said Sbeitla', 'Sbeitla told reporters'): someone speaking."""
    before, after = _speech_pattern()
    return bool(before.search(text[max(0, start - 30) : start]) or after.match(text, end))


@lru_cache(maxsize=1)
def _water_words() -> frozenset[str]:
    return _keys("water_words")


@lru_cache(maxsize=1)
def _language_words() -> frozenset[str]:
    return _keys("language_words")


@lru_cache(maxsize=8192)  # per text: the same spans are asked about several times
def is_road_qualifier(text: str, end: int) -> bool:
    """'the Ansongo road', 'the Gao–Ansongo axis': the name says where a road leads, not where it is."""
    return bool(_ROAD_AFTER.match(text[end : end + 80]))


@lru_cache(maxsize=8192)
def inside_longer_name(text: str, start: int, end: int) -> bool:
    """Capitalised words right before or after the span ('Point Zero', 'Zero Point'): part of another name."""
    return bool(_CAPITALISED_BEFORE.search(text[max(0, start - 30) : start]) or _CAPITALISED_AFTER.match(text, end))


@lru_cache(maxsize=8192)
def is_route(text: str, start: int, end: int) -> bool:
    """'from Gao to Ansongo', 'the Gao–Ansongo axis', 'the Ansongo road': names of the ends of a route or of a
    road are places, whatever the entity model made of them ('between X and Y' is as often about people)."""
    before, after = text[max(0, start - 80) : start], text[end : end + 80]
    if _FROM_BEFORE.search(before) and _TO_AFTER.match(after):
        return True
    if _FROM_NAME_TO_BEFORE.search(before):
        return True
    return bool(_ROAD_AFTER.match(after))


@lru_cache(maxsize=1)
def _crossing_after() -> re.Pattern[str]:
    words = sorted(_vocabulary()["crossing_words"], key=len, reverse=True)
    return re.compile(r"\s+(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


@lru_cache(maxsize=8192)
def names_a_crossing(text: str, end: int) -> bool:
    """'the Salloum land port', 'the Ras Jedir crossing', 'In Guezzam border post': a name written before the word
    for a border crossing is the place of the crossing, whatever the entity model made of it (spaCy reads
    'Salloum' as a group of people, NORP). Crossing words are `crossing_words` in data/recognition.json."""
    return bool(_crossing_after().match(text, end))


# A dateline in mixed case ('Niamey (ANP) -', 'Ouagadougou, 12 mars (AIB) —'): a place of a few capitalised words
# opening a line, perhaps its country or a date, then the agency in parentheses and a dash. Without the agency
# such a line is most often a sentence ('Gao - the town ...'): only capitals say dateline then (`_accept`).
_AGENCY_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,3})"
    r"(?:,[ \t]*[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,3}){0,2}[ \t]*\([^)\n]{1,40}\)[ \t]*(?:[—–]|--?[ \t])"
)


def agency_dateline(text: str, start: int = 0) -> re.Match[str] | None:
    """The dateline in mixed case with its agency that opens the line at `start`, if any (see _AGENCY_DATELINE)."""
    return _AGENCY_DATELINE.match(text, start)


@lru_cache(maxsize=8192)
def opens_an_agency_dateline(text: str, start: int, end: int) -> bool:
    """'Niamey (ANP) - ...': the span is the place of a dateline with its agency, opening a line."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    found = agency_dateline(text, start)
    return found is not None and found.end("place") == end


_COLON_AFTER = re.compile(r"[ \t]*:[ \t]+\S")


@lru_cache(maxsize=8192)
def heads_a_line(text: str, start: int, end: int) -> bool:
    """'Djibo: two soldiers were killed ...': a name opening a line before a colon is what the line is about, as
    field notes and digests write a place before what happened there (the entity model tags few such names)."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _COLON_AFTER.match(text, end) is not None


@lru_cache(maxsize=1)
def _post_after() -> re.Pattern[str]:
    words = sorted(_vocabulary()["post_words"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s+$")


@lru_cache(maxsize=8192)
def names_a_post(text: str, start: int, end: int) -> bool:
    """'the Tessit post', 'the Djibo military camp': a name written between 'the' and the word for a military or
    security post is the place of the post, whatever the entity model made of it (it tags few such names). The
    word in lower case only ('the Washington Post' is a newspaper) and 'the' before the name ('a Facebook post' is
    no place). Post words are `post_words` in data/recognition.json."""
    return bool(_THE_BEFORE.search(text[max(0, start - 5) : start])) and bool(_post_after().match(text, end))


@lru_cache(maxsize=8192)
def is_counted(text: str, start: int) -> bool:
    """'3 Toyota 4x4 vehicles', 'two Kamaz trucks' (not '2,000 U.S. troops', 'in 2016 Tunisia'): a counted name
    is a make or a model unless it names a country or a province ('two Illinois locations')."""
    return bool(_COUNT_BEFORE.search(text[max(0, start - 15) : start]))


def is_compound_adjective(text: str, end: int) -> bool:
    """'Turkish-made drones', 'a Saudi-led coalition': where a thing or an actor comes from, not a location."""
    match = re.match(r"[-‐]\s*([A-Za-z]+)", text[end : end + 20])
    return match is not None and match.group(1).lower() in _compound_suffixes()


@lru_cache(maxsize=8192)
def is_language_use(text: str, start: int, end: int) -> bool:
    """'translated from French', 'spoke in Arabic', 'French-language press': a language, not a country."""
    after = text[end : end + 20]
    word = re.match(r"[\s-]*([A-Za-z]+)", after)
    if word is not None and word.group(1).lower() in _language_words():
        return True
    return bool(_LANGUAGE_BEFORE.search(text[max(0, start - 30) : start]) and _LANGUAGE_END.match(after))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' (also glued: 'theGhadames') or French elided 'd'' ("d'Abala"), and a trailing
    possessive or punctuation, from a span."""
    span = text[start:end]
    lowered = span.lower()
    if lowered.startswith("the ") and len(span) > 4:
        start += 4
    elif glued := _GLUED_START.match(span):
        start += glued.end(1)
    elif elided := _ELIDED_DE_START.match(span):
        start += elided.end()
    while end > start and text[end - 1] in ".,;:'’)":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


@lru_cache(maxsize=8192)
def not_a_place(text: str, start: int, end: int) -> bool:
    """Spans that name no place whatever the gazetteer says: a demonym naming a language ('translated from
    French'), the name of a river ('along the Niger river': not the country)."""
    if name_key(text[start:end]) in adjectives():
        return is_language_use(text, start, end)
    word = _NEXT_WORD.match(text, end)
    return word is not None and word.group(1).lower() in _water_words()


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _all_languages(words: dict[str, list[str]]) -> list[str]:
    """The words of every language of a `locatives` kind, once each."""
    return sorted({word for language in words.values() for word in language})


@lru_cache(maxsize=2)
def _locative_pattern(strong: bool) -> re.Pattern[str]:
    """The locative words (data/recognition.json `locatives`) right before a name, ending where the name starts: 'in
    the ', 'près de ', '10 km north of ', 'la route d'' (French elides before a vowel: the name follows the
    apostrophe)."""
    words = _vocabulary()["locatives"]
    words = words | {kind: _all_languages(words[kind]) for kind in ("strong", "weak", "place_nouns", "links")}
    # 'town of', 'au nord de', 'le poste de gendarmerie de': what presents the name after it as a place (both kinds).
    nouns = rf"(?:{_alternatives(words['place_nouns'])})\s+(?:{_alternatives(words['links'])})"
    kinds = [*words["strong"]] if strong else [*words["strong"], *words["weak"]]
    phrases = [_alternatives(kinds), nouns]
    if not strong:
        phrases.append(rf"of the (?:{_alternatives(words['weak_place_nouns'])})")
    # An article after a space ('in the ', 'à la '; 'the' also glued: 'in theGhadames'), or the name right after an
    # elided word ("d'", "l'").
    elided = [a for a in words["articles"] if a[-1] in "'’"]
    spaced = [a for a in words["articles"] if a not in elided and a != "the"]
    ending = rf"(?:\s+(?:the\s*|(?:{_alternatives(spaced)})\s+|{_alternatives(elided)})?|(?<=['’]))"
    return re.compile(r"(?:\b(?:" + "|".join(phrases) + r")" + ending + r")$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    """The words a locative phrase can end with, right before the name ('in', 'de', "d'", 'the', 'town')."""
    words = _vocabulary()["locatives"]
    phrases = [*words["articles"], *words["weak_place_nouns"]]
    phrases += [w for kind in ("strong", "weak", "links") for w in _all_languages(words[kind])]
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


_LAST_WORD = re.compile(r"([\w'’\-]+)\s*$")


def _locative_window(text: str, start: int) -> str | None:
    """The 40 characters before the name, or None when the word right before it ends no locative phrase (most
    names: the long pattern is then not tried)."""
    window = text[max(0, start - 40) : start]
    last = _LAST_WORD.search(window)
    if last is None:
        return None
    word = last.group(1).lower()
    return window if word in _last_words() or word.endswith(("'", "’")) else None


@lru_cache(maxsize=8192)
def is_strongly_locative(text: str, start: int) -> bool:
    """A locative word that does not also introduce people ('to', 'from', 'and' do: 'said to Trump')."""
    window = _locative_window(text, start)
    return window is not None and bool(_locative_pattern(True).search(window))


@lru_cache(maxsize=8192)
def is_locative(text: str, start: int) -> bool:
    window = _locative_window(text, start)
    return window is not None and bool(_locative_pattern(False).search(window))


def _comma_parts(text: str, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A place span of the model that holds a place and what contains it ('Thruxton, Hampshire', 'Tin Essako,
    Mali'), as its parts: the whole names no place, and the words inside a place span are not looked at again."""
    parts = []
    for start, end, label in entities:
        if label not in PLACE_LABELS or "," not in text[start:end]:
            parts.append((start, end, label))
            continue
        for match in re.finditer(r"[^,]+", text[start:end]):
            words = match.group()
            lead = len(words) - len(words.lstrip())
            if words.strip():
                parts.append((start + match.start() + lead, start + match.start() + len(words.rstrip()), label))
    return parts


def _entity_proposals(text: str, entities: Sequence[tuple[int, int, str]]) -> list[Proposal]:
    found = []
    table = adjectives()
    for start, end, label in _comma_parts(text, entities):
        if label not in PLACE_LABELS and label not in HINT_LABELS:
            continue
        start, end = _trim(text, start, end)
        start, end, presented = _after_locative_inside(text, start, end)
        if end <= start or _only_kind_words(text[start:end]):
            continue
        key = name_key(text[start:end])
        if key in _CALENDAR:
            continue
        demonym = table.get(key)
        crossing = demonym is None and names_a_crossing(text, end)
        if label == "NORP" and demonym is None and not crossing:
            continue
        origin = "place" if label in PLACE_LABELS or (label == "NORP" and crossing) else "hint"
        locative = is_locative(text, start) if origin == "place" else is_strongly_locative(text, start)
        division = demonym is None and division_kind_after(text, start, end)
        post = demonym is None and names_a_post(text, start, end)
        dateline = demonym is None and opens_an_agency_dateline(text, start, end)
        # A person's name before a colon is a speaker's ('Traoré: we were attacked'), not a line's place.
        heading = demonym is None and label != "PERSON" and heads_a_line(text, start, end)
        locative = locative or presented or crossing or post or division or dateline or heading
        locative = locative or (demonym is None and is_route(text, start, end))
        found.append(Proposal(start, end, origin, locative, demonym, label))
    return found


@lru_cache(maxsize=1)
def _kind_vocabulary() -> frozenset[str]:
    """Articles and the words for kinds of place and division, in lower case (data/recognition.json)."""
    words = _vocabulary()
    found = [*words["kind_words"], *words["division_words_before"], *words["division_words_after"]]
    found += [*words["locatives"]["articles"], *words["locatives"]["weak_place_nouns"]]
    found += [w for language in words["locatives"]["place_nouns"].values() for w in language]
    return frozenset(word.lower() for phrase in found for word in re.split(r"[\s'’]+", phrase) if word)


def _only_kind_words(span: str) -> bool:
    """'la province', 'the region': a span of the model written in lower case with only articles and words for
    kinds of place names no place (it stood between a village and its province: 'Bourasso, dans la province de la
    Kossi', and hid the province as its container)."""
    words = [w for w in re.split(r"[\s'’]+", span) if w]
    return bool(words) and span.islower() and all(w in _kind_vocabulary() for w in words)


def _after_locative_inside(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """A model span that holds the locative words before the name ('nord de Ménaka', 'de Ayorou' of 'la route de
    Ayorou', 'Le village de Bankilaré', 'de Sebba jeudi': the English model reads French poorly) is the name alone,
    presented as a place by those words: (start, end, presented). Other spans are returned as they are."""
    if not _LOWER_WORD.search(text, start, end):
        return start, end, False  # no word in lower case: no locative words inside (most spans: read cheaply)
    for word in _CAPITALISED.finditer(text, start + 1, end):
        found = _locative_pattern(True).search(text[max(0, word.start() - 40) : word.start()])
        if found is None:
            continue
        phrase_start = max(0, word.start() - 40) + found.start()
        lead = text[start:phrase_start].strip().lower()
        if phrase_start > start and lead not in _vocabulary()["locatives"]["articles"]:
            continue
        # The name's own words: trailing lower-case words are the sentence's ('de Sebba jeudi').
        name_end = word.end()
        for more in _CAPITALISED.finditer(text, word.end(), end):
            if not _LINK.fullmatch(text[name_end : more.start()]):
                break
            name_end = more.end()
        return word.start(), name_end, True
    return start, end, False


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with lower-case name connectors inside), as lists of word spans; a
    connector's end is stored negative: it cannot end a name."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for match in _CAPITALISED.finditer(text):
        if match.group().lower() in _CALENDAR:
            continue
        gap = text[last_end : match.start()]
        joinable = current and last_end == current[-1][1] and not _ends_sentence(text[current[-1][0] : last_end])
        link = _LINK.fullmatch(gap) if joinable else None
        if link is None:
            if current:
                runs.append(current)
            current = []
        elif link.group(1) or link.group(2):
            group = 1 if link.group(1) else 2
            current.append((last_end + link.start(group), -(last_end + link.end(group))))
        current.append((match.start(), match.end()))
        last_end = match.end()
    if current:
        runs.append(current)
    return runs


def _ends_sentence(word: str) -> bool:
    """'Turk.' ends a sentence; 'St.', 'Mt.' and 'U.S.' are abbreviations that go on."""
    return word.endswith(".") and len(word) > 3 and word.count(".") == 1


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return start == 0 or before == "" or before[-1] in '.!?\n"“:'


def text_proposals(text: str) -> list[tuple[int, int, bool]]:
    """Every sub-span (up to five words) of every capitalised run: (start, end, sentence-initial single word)."""
    spans = []
    for run in _runs(text):
        for i, (start, _) in enumerate(run):
            if run[i][1] < 0:
                continue
            for j in range(i, min(i + _MAX_RUN, len(run))):
                end = run[j][1]
                if end < 0:
                    continue
                s, e = _trim(text, start, end)
                if e > s:
                    spans.append((s, e, i == j and _sentence_initial(text, s)))
    for match in _GLUED.finditer(text):
        spans.append((match.start(1), match.end(1), False))
    return spans


def propose_spans(
    text: str,
    entities: Sequence[tuple[int, int, str]],
    known: set[str] | None = None,
    spans: list[tuple[int, int, bool]] | None = None,
) -> tuple[list[Proposal], list[tuple[int, int, int]]]:
    """Entity proposals, and the untagged capitalised spans outside them, each with its guard level.

    With `known` (the name keys the gazetteer has) untagged spans are kept only when known, and a place span
    of the model that a longer known name contains is read as that name ('Jebel' GPE + 'Semmama' PERSON:
    'Jebel Semmama'). `spans` are the `text_proposals` of the text, when already computed.
    """
    spans = text_proposals(text) if spans is None else spans
    proposals = _entity_proposals(text, entities)
    if known is not None:
        known_spans = [(s, e) for s, e, _ in spans if name_key(text[s:e]) in known]
        proposals = [_narrowed(text, _extended(text, p, known_spans), known, known_spans) for p in proposals]
    proposals = _with_lower_case_demonyms(text, proposals)
    covered = bytearray(len(text) + 1)
    for p in proposals:
        # Inside a person's or organisation's name, words stay candidates but are marked as such.
        mark = GUARD_NONE + 1 if p.origin == "place" or p.demonym is not None else _GUARD_OF_LABEL.get(p.label, 0)
        covered[p.start : p.end] = bytes([mark]) * (p.end - p.start)
    temporal = [(start, end) for start, end, label in entities if label in _TEMPORAL_LABELS]
    loose = []
    for s, e, initial in spans:
        if known is not None and name_key(text[s:e]) not in known:
            continue
        if (temporal and _calendar_word(text, s, e, temporal)) or name_key(text[s:e]) in function_words():
            continue
        marks = covered[s:e]
        if GUARD_NONE + 1 in marks:
            continue
        # Guarded only when wholly inside one such name; a longer place name across the model's spans
        # ('Sakiet' NORP + 'Sidi Youssef' PERSON) is the better reading.
        inside = set(marks)
        guard = inside.pop() if len(inside) == 1 and inside <= {GUARD_PERSON, GUARD_ORG} else GUARD_NONE
        loose.append((s, e, GUARD_INITIAL if initial and guard == GUARD_NONE else guard))
    return proposals, loose


@lru_cache(maxsize=1)
def _lower_case_demonym_pattern() -> re.Pattern[str]:
    """The demonyms data/countries.json writes in lower case, as French writes them ('malien', 'algériennes')."""
    words = [
        word
        for entry in data_file("countries.json")["countries"].values()
        for word in entry.get("demonyms", [])
        if word[:1].islower()
    ]
    return re.compile(r"(?<![\w'’-])(?:" + _alternatives(words) + r")(?![\w'’-])")


def _with_lower_case_demonyms(text: str, proposals: list[Proposal]) -> list[Proposal]:
    """The proposals, with every French demonym in lower case ('les soldats maliens', 'la frontière algérienne'):
    what country a report is about, which the entity model does not tag. One inside a person's or organisation's
    span of the model ("L'armée malienne" PERSON) replaces that span, which names no place."""
    found = [
        Proposal(m.start(), m.end(), "hint", False, demonyms()[name_key(m.group())], "NORP")
        for m in _lower_case_demonym_pattern().finditer(text)
    ]
    if not found:
        return proposals
    kept = [
        p
        for p in proposals
        if p.origin == "place" or p.demonym is not None or not any(p.start <= d.start and d.end <= p.end for d in found)
    ]
    taken = [(p.start, p.end) for p in kept]
    return kept + [d for d in found if not any(s < d.end and d.start < e for s, e in taken)]


def _narrowed(text: str, proposal: Proposal, known: set[str], known_spans: list[tuple[int, int]]) -> Proposal:
    """A place span of the model that is no known name but holds one with only kind words around it ('West
    Virginia State' of 'West Virginia State Police', 'City of Turkey'), read as that name: looked up whole it is
    matched loosely to another place ('Virginia', 'Tracy'). A name whose other words are not kind words is left
    whole ('Ain Ghazzam' is no 'Ain')."""
    if proposal.origin != "place" or name_key(text[proposal.start : proposal.end]) in known:
        return proposal
    kind = _keys("kind_words")
    inner = [
        (s, e)
        for s, e in known_spans
        if proposal.start <= s and e <= proposal.end and (s, e) != (proposal.start, proposal.end)
        and all(w in kind for w in name_key(text[proposal.start : s] + " " + text[e : proposal.end]).split())
    ]  # fmt: skip
    if not inner:
        return proposal
    start, end = max(inner, key=lambda span: span[1] - span[0])
    locative = is_locative(text, start) or is_route(text, start, end)
    return Proposal(start, end, "place", locative, None, proposal.label)


def _extended(text: str, proposal: Proposal, known_spans: list[tuple[int, int]]) -> Proposal:
    """A place span of the model grown to the longest known name that contains it."""
    if proposal.origin != "place":
        return proposal
    size = proposal.end - proposal.start
    longer = [(s, e) for s, e in known_spans if s <= proposal.start and proposal.end <= e and e - s > size]
    if not longer:
        return proposal
    start, end = max(longer, key=lambda span: span[1] - span[0])
    locative = is_locative(text, start) or is_route(text, start, end)
    return Proposal(start, end, "place", locative, None, proposal.label)
