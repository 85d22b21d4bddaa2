"""Whether a resolved span is a place mention: the evidence each kind of span needs (see `Geoparser.find_places`).

A span the entity model tagged as a place needs little; a person's or organisation's name, or capitalised words
the model left untagged, need a salient place, a locative word, a route ('from Gao to Ansongo') or a country
the document is about. Some names need more whatever their origin: two- and three-letter words (abbreviations
unless the text presents them as places), makes of vehicles and weapons ('Toyota'), and places far from
everything else the document names ('remote').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from ._actor_names import actor_names
from ._attack_objects import after_attack_word, attacked_regional_place
from ._borders import haversine_km
from ._cues import in_location_line, is_institution_s_seat
from ._division_names import division_kind_after
from ._line_heads import heads_a_line, opens_an_agency_dateline
from ._locatives import is_locative, is_strongly_locative
from ._mention import Resolution
from ._non_place_uses import inside_longer_name, is_counted, is_speaker
from ._normalise import is_vowel_shape, name_key, spelling_key
from ._place_phrases import is_route, names_a_post
from ._recognise import GUARD_INITIAL, GUARD_ORG, GUARD_PERSON, PLACE_LABELS, Proposal
from ._recognition_words import abbreviations, adjectives, brands
from ._sources import centre_countries, supplement_countries
from ._store import PlaceRecord

__all__ = [
    "accept_loose",
    "accept_proposal",
    "attacked_reading",
    "dateline_in_capitals",
    "judged_resolution",
    "lone_person_words",
    "loose_evidence",
    "named_area",
    "place_among_persons",
    "presented_as_place",
    "salient",
    "short_name_ok",
]

_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "TERR", "CONT"}
# Divisions of both levels: a county or department that countrystatecity lists beside its region is as much a
# named area as the region (US counties are indexed as 'X County', never under a bare word).
_DIVISION_CODES = {"ADM1", "ADM2"}
_AREA_CODES = _COUNTRY_CODES | _DIVISION_CODES | {"RGN", "OCN", "SEA", "MTS", "DSRT", "GULF", "PEN"}
_SALIENT_CODES = _AREA_CODES | {"PPLC"}
_AFTER_COMMA = re.compile(r",\s*$")
# What follows the place of a dateline ('GAO, Mali, Jan. 15 (AP) —', 'GAO (Reuters) -', 'GAO —'): its country or
# region, a date, the agency, then a dash, all on the place's line.
_DATELINE_REST = re.compile(
    r"(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}){0,2}[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?:[—–]|--?[ \t])"
)
_CONTAINER_AFTER = re.compile(r"\s*(?:,|\()\s*[A-Z]")
_EXACT = 0.8
_ACRONYM_LETTERS = 5  # a word this short in capitals is an acronym ('FIFA', 'USTR'), not a town's name spelt loosely
_PARTIAL = 0.7
_LOOSE_CONFIDENCE = 0.3
_SALIENT_POPULATION = 100_000
_HINT_CONFIDENCE = 0.45
# The confidence of a town of the region taken, after an attack word, over a namesake abroad the resolver preferred:
# one reading of two, as `_abroad` weighs a namesake at home.
_ATTACKED_CONFIDENCE = 0.5
_TEXT_CONFIDENCE = 0.6
_GREAT_CITY = 1_000_000
_NEIGHBOUR_KM = 100.0


def salient(record: PlaceRecord) -> bool:
    return (
        record.feature_code in _SALIENT_CODES
        or record.population >= _SALIENT_POPULATION
        or record.source.startswith("borderwatch")
    )


def accept_proposal(
    text: str,
    proposal: Proposal,
    res: Resolution | None,
    entities: Sequence[tuple[int, int, str]],
    countries: set[str],
) -> bool:
    """A span of the entity model (GPE/LOC/FAC, or ORG/PERSON/NORP) resolved to `res`; `countries`: those of the
    places already accepted."""
    if proposal.demonym is not None:
        return res is not None  # a French adjective is written in lower case ('la frontière algérienne')
    if _title_after_a_name(text, proposal.start, proposal.end, entities):
        return False
    if proposal.attacked and res is not None and attacked_regional_place(text, proposal.start, res.record):
        # 'Gunmen attacked Kaya' (Kaya a 'person'): the place attacked, when the name is a town of the region.
        proposal = replace(proposal, locative=True)
    if text[proposal.start : proposal.end].islower() and not presented_as_place(text, proposal.start, proposal.end):
        return False  # a name in lower case is a word ('the congress delegation'), unless written as a place
    presented = proposal.locative or _has_container(text, proposal.end)
    if name_key(text[proposal.start : proposal.end]) in brands() and not presented:
        return False
    if res is not None and (_counted(text, proposal.start, res.record) or _actor_far_away(text, proposal, res)):
        return False
    name = text[proposal.start : proposal.end]
    if res is not None and res.match < _EXACT and name.isupper() and len(name) <= _ACRONYM_LETTERS:
        return False  # an acronym is no other spelling of a town it resembles ('at FIFA': Fife, 'in USTR's report')
    if proposal.origin == "place":
        # A facility nobody can place (a building, a road) is not worth listing; a GPE/LOC still is.
        if res is None:
            # Unknown to the gazetteer: kept (unresolved) when the text presents it as a place.
            return (proposal.site or not _is_facility(proposal, entities)) and presented
        if res.match < _PARTIAL:  # only a place named inside it ('Helen Kunz'): where the text says so
            return proposal.locative
        if res.match < _EXACT and _by_vowel_shape(text[proposal.start : proposal.end]):
            # A name of one or two consonants that the gazetteer knows only by its vowel shape ('Taoua' for Tahoua)
            # is as often a person's name or a word the model took for a place ('Modi', 'the House'): a place where
            # the text presents it as one ('near Taoua', 'Taoua, Niger') and it lies near what the report is about.
            return presented and not res.remote
        if res.remote and not presented and not salient(res.record):
            # A small town far from everything else the report names, in a country it is not about, that the text
            # does not present as a place: most often a person the model took for a place ('girlfriend Olivia').
            return False
        if not _short_ok(text, proposal.start, proposal.end, res, proposal.locative):
            # 'NE of Djanet' tagged a place: an abbreviation, unless it stands for a country or a great city (LA),
            # or a short town of the report's country or our region written as a name ('Gunmen attacked Gao').
            return _great_city(text, proposal, res) or _short_town(text, proposal, res, countries)
        return res.match >= _EXACT or res.confidence >= _LOOSE_CONFIDENCE
    if res is not None:
        # A person's or organisation's name is judged as the place it would be: a namesake abroad that the report's
        # countries rule out is put at its namesake at home by `_abroad` ('Léré' of a report about Mali, which
        # population reads as Lere, Nigeria, is Léré, Mali), so it is that namesake that must pass.
        res = judged_resolution(res, countries)
    if res is None or not _short_ok(text, proposal.start, proposal.end, res, proposal.locative and res.match >= 1.0):
        return False
    if res.remote and not presented:
        return False
    if res.match < _EXACT:
        # A person's or organisation's name that only resembles a place: only where the text says it is one.
        return proposal.locative and res.confidence >= _LOOSE_CONFIDENCE
    if res.confidence < _HINT_CONFIDENCE:
        return False
    if proposal.locative or named_area(res.record):
        return True
    if proposal.label == "PERSON":
        return False
    # An organisation named like a place (by its main name) is mostly that place's team, police, council...:
    # the place, when it is a well-known one or lies in a country the document is about.
    return res.match >= 1.0 and (salient(res.record) or res.record.country in countries)


def judged_resolution(res: Resolution, countries: set[str]) -> Resolution:
    """The place a person's or organisation's name is judged as: the resolver's namesake bearing the name in one of
    the report's countries (`Resolution.home`) when the place it found lies in none of them, else that place."""
    home = res.home
    if res.record.country in countries or home is None or home.match < 1.0 or home.record.country not in countries:
        return res
    return home


def attacked_reading(
    text: str, proposal: Proposal, res: Resolution | None, namesakes: Callable[[str], Sequence[PlaceRecord]]
) -> Resolution | None:
    """The reading of a name written after an attack word ('gunmen attacked Gaya'): the resolver's place when it
    lies in the centre's region; else, when the region holds places bearing the name in one country only
    (`namesakes`, largest first: 'Léré' is a town of Mali and of Chad, and without a country to go by it is
    neither), the resolver's namesake there (`Resolution.home`: Gaya, Niger, which population had ranked below Gaya,
    India) or the largest of them (Boni, Mali, which another name of Bonn had outranked); else the resolver's place
    as it is. Armed attacks on a town abroad that bears a Sahel town's name are not what the centre's reports tell."""
    if res is None or not proposal.attacked or proposal.demonym is not None:
        return res
    if res.record.country in centre_countries() or not after_attack_word(text, proposal.start):
        return res
    regional = namesakes(text[proposal.start : proposal.end])
    if not regional or len({record.country for record in regional}) != 1:
        return res
    home = res.home
    if home is not None and home.match >= 1.0 and home.record.country == regional[0].country:
        return home
    return Resolution(regional[0], _ATTACKED_CONFIDENCE, 1.0)


def _actor_far_away(text: str, proposal: Proposal, res: Resolution) -> bool:
    """A name the actor registry knows as a group's or a force's ('the FAMa camp in Kidal', 'Wagner fighters'),
    resolved to a small place far from everything else the report names: the actor, wherever the text seems to
    present it as a place (a locative word before 'the FAMa camp' is about the camp). A town named like a group
    near the report's other places, or a country or region, stays a place."""
    if not res.remote or named_area(res.record) or _well_known(res.record):
        return False
    return name_key(text[proposal.start : proposal.end]) in actor_names()


def _by_vowel_shape(name: str) -> bool:
    """Whether a name is looked up by spelling under its vowel shape (it has fewer than three consonants)."""
    return is_vowel_shape(spelling_key(name_key(name)))


def accept_loose(text: str, start: int, end: int, guard: int, res: Resolution | None) -> bool:
    """Capitalised words the model did not tag as a place (see `loose_evidence`)."""
    if res is None:
        return False
    presented = presented_as_place(text, start, end) or attacked_regional_place(text, start, res.record)
    if res.confidence < (_HINT_CONFIDENCE if presented else _TEXT_CONFIDENCE):
        return False
    if name_key(text[start:end]) in adjectives():
        return _short_ok(text, start, end, res, False)
    if not _short_ok(text, start, end, res, presented and res.match >= 1.0):
        return False
    if ((res.remote or name_key(text[start:end]) in brands()) and not presented) or _counted(text, start, res.record):
        return False
    if _actor_far_away(text, Proposal(start, end, "text", presented, None), res):
        return False
    if res.match < 1.0 and inside_longer_name(text, start, end) and not (presented or _well_known(res.record)):
        return False  # another name of a place, read inside a longer name ('Point Zero'): not enough
    if res.match < 1.0 and not (presented or named_area(res.record)):
        # Words the model did not tag that are only another name of a town (a translation or an old name: 'White
        # House' of Casablanca, 'Julia' of Plovdiv, 'Google' of Topeka) are a place only where the text says so.
        return False
    return res.match >= _EXACT and loose_evidence(text, start, end, guard, res.record)


def loose_evidence(text: str, start: int, end: int, guard: int, record: PlaceRecord) -> bool:
    """Inside a person's name only adjectives count ('the Libyan envoy'); inside an organisation's name a
    well-known place ('Washington Post', 'Tunis Chamber') or a town's own institution ('the Glasgow Police
    Department'); opening a sentence a country, division or region, a well-known place in capitals, or a town's
    institution ('Winnipeg police said') or the head of a line ('Djibo: ...'); elsewhere a well-known place or any
    place after a locative word, on a route, before the word for a post ('the Tessit post'), heading a line or
    before its institution; anywhere but in a person's name, the place of a dateline in capitals; and anywhere,
    an item of a location line ('Nefta, Tozeur, Tunisia.')."""
    if in_location_line(text, start, end):
        return True  # 'Nefta, Tozeur, Tunisia.': the line is nothing but places
    if guard == GUARD_PERSON:
        return False
    if dateline_in_capitals(text, start, end) or opens_an_agency_dateline(text, start, end):
        return True  # 'INNISFAIL —', 'Niamey (ANP) -': however small the town
    if guard == GUARD_ORG:
        return salient(record) or is_institution_s_seat(text, start, end)
    if guard == GUARD_INITIAL:
        return (
            named_area(record)
            or (_dateline(text, start, end) and salient(record))
            or is_institution_s_seat(text, start, end)
            or heads_a_line(text, start, end)
        )
    return (
        is_locative(text, start)
        or is_route(text, start, end)
        or division_kind_after(text, start, end)
        or names_a_post(text, start, end)
        or heads_a_line(text, start, end)
        or salient(record)
        or is_institution_s_seat(text, start, end)
        or attacked_regional_place(text, start, record)
    )


def _title_after_a_name(text: str, start: int, end: int, entities: Sequence[tuple[int, int, str]]) -> bool:
    """'Jane Roe, M.D.', 'Roe & Doe, P.A.': a short name after a comma is a degree or a firm's kind when what the
    comma follows is a person's or an organisation's name ('Ashland, KY' follows a town's, and so does a dateline
    in capitals that the model took for an organisation: 'COLUMBIA, Ky.')."""
    comma = _AFTER_COMMA.search(text[max(0, start - 3) : start])
    if comma is None or _long_name(text[start:end]):
        return False
    before = max(0, start - 3) + comma.start()
    return any(
        e == before and (label == "PERSON" or (label == "ORG" and not text[s:e].isupper())) for s, e, label in entities
    )


def _counted(text: str, start: int, record: PlaceRecord) -> bool:
    """A counted town ('3 Toyota 4x4 vehicles') is a make or a model; a counted country or province is not."""
    return record.feature_code not in _AREA_CODES and is_counted(text, start)


def _well_known(record: PlaceRecord) -> bool:
    """A country, region or sea, or a city of over _SALIENT_POPULATION: found inside longer names by right ('New
    York Times', 'Gulf Security Conference'); a province is not ('Point Zero' is no Ziro, Burkina Faso)."""
    return record.feature_code in _AREA_CODES - _DIVISION_CODES or record.population >= _SALIENT_POPULATION


@lru_cache(maxsize=8192)
def presented_as_place(text: str, start: int, end: int) -> bool:
    """The text presents the span as a place: a strong locative word, a route, what contains it after it, the word
    for a post ('the Tessit post'), the head of a line ('Djibo: ...'), its own police, council or mayor, a dateline
    in capitals ('INNISFAIL —') or a location line ('Nefta, Tozeur, Tunisia.')."""
    return (
        is_strongly_locative(text, start)
        or is_route(text, start, end)
        or _has_container(text, end)
        or division_kind_after(text, start, end)
        or names_a_post(text, start, end)
        or heads_a_line(text, start, end)
        or is_institution_s_seat(text, start, end)
        or dateline_in_capitals(text, start, end)
        or opens_an_agency_dateline(text, start, end)
        or in_location_line(text, start, end)
    )


def dateline_in_capitals(text: str, start: int, end: int) -> bool:
    """'INNISFAIL —', 'GAO, Mali —': a place name in capitals opening a line in a dateline's shape."""
    return text[start:end].isupper() and _dateline_place(text, start, end)


def _has_container(text: str, end: int) -> bool:
    """'Dogofri (Niono, Segou)', 'Tin Essako, Mali': followed by what contains it."""
    return bool(_CONTAINER_AFTER.match(text, end))


def _is_facility(proposal: Proposal, entities: Sequence[tuple[int, int, str]]) -> bool:
    for start, end, label in entities:
        if start <= proposal.start and proposal.end <= end:
            return label not in PLACE_LABELS - {"FAC"}
    return False


def named_area(record: PlaceRecord) -> bool:
    """A country, division, continent, region or one of our curated places: not a person's name by accident."""
    return record.feature_code in _AREA_CODES or record.source.startswith("borderwatch")


def _great_city(text: str, proposal: Proposal, res: Resolution) -> bool:
    """A short name that stands for a great city or state: its main name, or another in capitals ('LA') or
    written as an abbreviation ('Ga.'); not a word written as a name that is only another name of one ('Jas
    gunmen': Jos, Nigeria, among whose other names it is)."""
    if res.record.population < _GREAT_CITY:
        return False
    name = text[proposal.start : proposal.end]
    return res.match >= 1.0 or name.isupper() or name_key(name) in abbreviations()


def short_name_ok(
    text: str, start: int, end: int, feature_codes: Sequence[str | None], presented: Callable[[], bool]
) -> bool:
    """`_short_ok` before resolution: whether any of the candidates' feature codes could let the span pass.
    `presented` (whether the text presents the span as a place) is asked only of a short name."""
    if not feature_codes:
        return False
    if _long_name(text[start:end]):
        return True
    is_presented = presented()
    return any(_short_ok_code(text, start, end, code, is_presented) for code in feature_codes)


def _short_town(text: str, proposal: Proposal, res: Resolution, countries: set[str]) -> bool:
    """A three-letter name the model tagged GPE/LOC (not a facility, not an organisation), written as a name (not in
    capitals like an acronym: 'GAO' may be an office), that is exactly the main name of a town of a country the
    report is about or of our region ('Gao was shelled', 'the attack on Gao'), and no actor's name or abbreviation:
    short towns matter to the region, and acronyms ('the UN', 'AU', 'G5') fail one of these tests."""
    name = text[proposal.start : proposal.end]
    written_as_name = len(name) == 3 and name.isalpha() and name[0].isupper() and name[1:].islower()
    if proposal.label not in {"GPE", "LOC"} or not written_as_name or res.match < 1.0 or res.remote:
        return False
    key = name_key(name)
    if key in abbreviations() or key in actor_names() or inside_longer_name(text, proposal.start, proposal.end):
        return False
    country = res.record.country
    return country in countries or country in supplement_countries() or res.record.source.startswith("borderwatch")


def _long_name(words: str) -> bool:
    """More than three letters and no abbreviation: a name `_short_ok_code` lets pass whatever its kind."""
    return len(words.replace(".", "").replace(" ", "")) > 3 and name_key(words) not in abbreviations()


def _short_ok(text: str, start: int, end: int, res: Resolution, presented: bool) -> bool:
    return _short_ok_code(text, start, end, res.record.feature_code, presented)


def _short_ok_code(text: str, start: int, end: int, feature_code: str | None, presented: bool) -> bool:
    """Two- and three-letter names (KY, La, BA) and abbreviations (Mass., Ind.) are places only as countries or
    after a comma ('Ashland, KY'); a three-letter name written as a name ('Gao') also where the text presents
    it as a place ('held in Gao'), and in capitals too as the place of a dateline ('GAO, Mali —')."""
    words = text[start:end]
    letters = words.replace(".", "").replace(" ", "")
    key = name_key(words)
    if _long_name(words):
        return True
    if feature_code in _COUNTRY_CODES or _AFTER_COMMA.search(text[max(0, start - 3) : start]):
        return True
    written_as_name = len(letters) == 3 and words.isalpha() and words[0].isupper() and words[1:].islower()
    if (written_as_name or (len(letters) == 3 and words.isalpha() and words.isupper())) and _dateline_place(
        text, start, end
    ):
        return key not in abbreviations()  # 'GAO, Mali —', 'Gao (AP) —': a dateline presents its place as one
    alone = not inside_longer_name(text, start, end)  # 'Ben' of 'Ben Guerdane' is no name of its own
    return presented and written_as_name and alone and key not in abbreviations()


def _dateline(text: str, start: int, end: int) -> bool:
    """'TORONTO — ...': a place name in capitals opening a line or a report (a short one only in a dateline's
    shape, 'GAO, Mali —': alone, three capitals are most often an acronym); or in mixed case with its agency
    ('Niamey (ANP) -')."""
    word = text[start:end]
    return (word.isupper() and (len(word) >= 4 or _dateline_place(text, start, end))) or opens_an_agency_dateline(
        text, start, end
    )


def _dateline_place(text: str, start: int, end: int) -> bool:
    """The span opens a line and is followed by the rest of a dateline: 'GAO, Mali, Jan. 15 (AP) —'."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _DATELINE_REST.match(text, end) is not None


def lone_person_words(
    text: str, entities: Sequence[tuple[int, int, str]], taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-word PERSON spans that are no part of a longer person's name in the report ('Burton' beside 'Jenson
    Burton' is not; 'Cheltenham' alone may be a place), are not speaking ('said Sbeitla') and overlap no accepted
    place."""
    persons = [(s, e) for s, e, label in entities if label == "PERSON"]
    full_names = {w for s, e in persons if len(words := text[s:e].split()) > 1 for w in words}
    return [
        (s, e)
        for s, e in persons
        if len(text[s:e].split()) == 1
        and text[s:e] not in full_names
        and text[s:e][:1].isupper()
        and not is_speaker(text, s, e)
        and not any(s < te and ts < e for ts, te in taken)
    ]


def place_among_persons(res: Resolution, anchors: Sequence[PlaceRecord]) -> bool:
    """A one-word 'person' is a place when it names one by its main name, without doubt, near a place the report
    names (a town, within _NEIGHBOUR_KM) in the same country."""
    record = res.record
    if res.match < 1.0 or res.confidence < _HINT_CONFIDENCE or record.feature_code in _AREA_CODES:
        return False
    return any(
        a.country == record.country
        and a.feature_code not in _AREA_CODES
        and a.id != record.id
        and haversine_km(a.lat, a.lon, record.lat, record.lon) <= _NEIGHBOUR_KM
        for a in anchors
    )
