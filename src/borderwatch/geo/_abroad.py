"""Namesakes abroad: a small town that the report's other places rule out ('Léré' of a report about Mali read as
Lere, Nigeria; 'Sévaré airport' as Savé airport, Benin). The gazetteer holds many small Sahel towns under no name
or under another spelling, and their nearest match is then a namesake or a look-alike in another country: the
mention is kept as a place, unresolved, rather than placed a thousand kilometres away (the event keeps the
report's country), unless the resolver found a place of that name in the report's own countries
(`Resolution.home`: Léré, Mali, of the regional supplement, which population had ranked below Lere, Nigeria): that
place it is. Only in a report about a country of that region (data/thinly_held_countries.json), or about the region
itself (a report that names no other place, for no caller's country: 'Abala' alone is Abala, Niger, not Abala,
Ethiopia, as the resolver's `Context.agrees` reads such a report): elsewhere the
gazetteer holds small towns well enough that a town abroad is most often the one meant. Read after
acceptance: only the places accepted as mentions say what the report is about (the resolver's own context also
holds words that recognition rejects). A name that the actor registry knows as a group's or a force's ('FAMa',
'Wagner'), resolved to a small place over _REMOTE_KM from all the report's other places, in none of their
countries, is the actor: dropped (two actors' namesakes, Wagner and Fama in Brazil, do not vouch for each other);
so is one of its acronyms written as the registry writes it ('the FAMa camp') where the place's name is written
otherwise ('Fama'), however few places the report names. The report's country as the caller knows it (a title's
'Mali:', the issuing ministry's, the forces' names: `country_hint`) votes as one more place, for a report whose text
names no other place ('the market of Léré' under the title 'Mali: ...'). The population that keeps a town abroad
needs the name it bears: a loose reading ('Dogon' for Yangon) keeps no large city, and another of its names
('Boni' for Bonn) only one known the world over."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ._accept import named_area
from ._actor_names import actor_acronyms, actor_names
from ._borders import haversine_km
from ._loose_names import agreeing_countries
from ._mention import Resolution
from ._normalise import name_key
from ._regions import countries_voted_for
from ._sources import thinly_held_countries

__all__ = ["drop_namesakes_abroad"]

# A town this large is known abroad: named in a report about another country, it is most often that town.
_KNOWN_ABROAD_POPULATION = 100_000
# ... but by one of its other names ('Boni' for Bonn, where a Burkinabe village is meant) only a city this large is:
# foreign cities' other names that reports use are those of world cities ('Le Caire').
_KNOWN_BY_OTHER_NAMES_POPULATION = 1_000_000
# A match this high is the place's main name; between _NAMED_MATCH and this, another of its names.
_MAIN_NAME_MATCH = 1.0
# A match below this is a loose reading of the name (a spelling, a transliteration), not a name the place bears.
_NAMED_MATCH = 0.8
# An exact namesake is ruled out only this far from every other place of the report.
_FAR_KM = 1000.0
# An actor's namesake this far from every other place of the report is not what the report is about.
_REMOTE_KM = 3000.0

# A namesake in the report's countries stands in for one abroad only with this share among such namesakes.
_HOME_CONFIDENCE = 0.5

Span = tuple[int, int, Resolution | None]


def drop_namesakes_abroad(text: str, accepted: list[Span], country_hint: str | None = None) -> list[Span]:
    """The accepted spans, a namesake abroad left unresolved and an actor's namesake far away dropped (see the
    module); `country_hint` is the report's country (ISO alpha-2) as the caller knows it, or None."""
    accepted = [(s, e, r) for s, e, r in accepted if not _actor_far_away(text, s, e, r, accepted)]
    ruled: list[Span] = []
    for s, e, r in accepted:
        alone = r is not None and _alone(text, s, e, accepted, country_hint)
        own = _abroad(text, s, e, r, accepted, country_hint, alone) if r is not None else None
        home = None if r is None or own is None else _home_namesake(r, own)
        # Alone, a name that no place of the region bears keeps its reading ('Bondo' alone is Bondo, Kenya): only
        # the region's namesake stands in for it.
        if alone and own is not None and home is None:
            home = r
        ruled.append((s, e, r if own is None else home))
    return ruled


def _alone(text: str, start: int, end: int, accepted: list[Span], country_hint: str | None) -> bool:
    """Whether the report names no other place than this name (whatever its resolution), for no caller's country."""
    key = name_key(text[start:end])
    return not country_hint and not any(r is not None and name_key(text[s:e]) != key for s, e, r in accepted)


def _home_namesake(res: Resolution, own: frozenset[str]) -> Resolution | None:
    """In place of a namesake abroad, the place of the same name in the report's own countries (not those next
    door) that the resolver found (Léré, Mali, beside Lere, Nigeria), however small; else none. It is sure as much
    as it leads the report's other namesakes and the one abroad was not."""
    home = res.home
    if home is None or home.confidence < _HOME_CONFIDENCE or home.record.country not in own:
        return None
    return replace(home, confidence=round(home.confidence * (1.0 - res.confidence), 3))


def _actor_far_away(text: str, start: int, end: int, res: Resolution | None, accepted: list[Span]) -> bool:
    if res is None or named_area(res.record) or res.record.population >= _KNOWN_ABROAD_POPULATION:
        return False
    actors = actor_names()
    if name_key(text[start:end]) not in actors:
        return False
    record = res.record
    if text[start:end] in actor_acronyms() and text[start:end] != record.name:
        return True
    others = [r.record for s, e, r in accepted if r is not None and name_key(text[s:e]) not in actors]
    placed = [o for o in others if o.lat is not None]
    return (
        bool(placed)
        and record.country not in {o.country for o in others}
        and all(haversine_km(o.lat, o.lon, record.lat, record.lon) > _REMOTE_KM for o in placed)
    )


def _known_abroad(res: Resolution) -> bool:
    """Whether the place is large enough to be the one meant, by the name the report writes (see the module)."""
    if res.match < _NAMED_MATCH:
        return False
    floor = _KNOWN_ABROAD_POPULATION if res.match >= _MAIN_NAME_MATCH else _KNOWN_BY_OTHER_NAMES_POPULATION
    return res.record.population >= floor


def _abroad(
    text: str, start: int, end: int, res: Resolution, accepted: list[Span], country_hint: str | None, alone: bool
) -> frozenset[str] | None:
    """The report's own countries when they rule the place out as a namesake abroad, else None (`alone`: the
    report names no other place, for no caller's country; see `_alone`)."""
    record = res.record
    # A country, division or region, or one of our curated places of the region, is no look-alike.
    if record.country is None or named_area(record) or _known_abroad(res):
        return None
    key = name_key(text[start:end])
    # The places placed with more confidence rule on it (two namesakes do not rule each other out: the likelier
    # one stands), and so, for a place the resolver found far from all the others ('remote'), do those it did not
    # ('Solhan' read in Turkey beside Yagha and Burkina Faso, all as sure); the name's own mentions do not vote.
    others = [
        r.record
        for s, e, r in accepted
        if r is not None
        and name_key(text[s:e]) != key
        and (r.confidence > res.confidence or (res.remote and not r.remote))
    ]
    votes: dict[str, float] = defaultdict(float)
    total = 0.0
    for other in others:
        # A region that covers several countries ('the Sahel') votes for each, as one place.
        covered = countries_voted_for(other)
        for country in covered:
            votes[country] += 1.0
        total += 1.0 if covered else 0.0
    if country_hint:
        votes[country_hint.upper()] += 1.0
        total += 1.0
    own, next_door = agreeing_countries(votes, total)
    if alone:
        # A report that names no other place, for no caller's country, is about the product's region, as the
        # resolver reads it (`Context.agrees`): a small town abroad is a namesake of the region's ('Abala' alone).
        own, next_door = thinly_held_countries(), frozenset()
    if not own & thinly_held_countries() or record.country in own or record.country in next_door:
        return None
    if res.match < _NAMED_MATCH:
        return own
    far = all(haversine_km(o.lat, o.lon, record.lat, record.lon) > _FAR_KM for o in others if o.lat is not None)
    return own if far else None
