"""The places stage's entry point: recognise and resolve place mentions, locate events, measure borders."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pycountry

from ..errors import ConfigError, InputError
from ..model import Evidence, Location, Place
from ._abroad import drop_namesakes_abroad
from ._accept import (
    accept_loose,
    accept_proposal,
    attacked_reading,
    dateline_in_capitals,
    judged_resolution,
    lone_person_words,
    loose_evidence,
    named_area,
    place_among_persons,
    presented_as_place,
    short_name_ok,
)
from ._attack_objects import attacked_regional_place
from ._borders import BorderIndex
from ._build import ensure_index, user_index_path
from ._candidates import CandidateFinder
from ._cues import is_person_s_name
from ._facilities import place_sites_in_the_report_s_town
from ._locate import locate
from ._mention import Resolution
from ._non_place_uses import inside_longer_name, not_a_place
from ._normalise import name_key
from ._recognise import GUARD_NONE, GUARD_ORG, Proposal, propose_spans, text_proposals
from ._recognition_words import adjectives
from ._regions import countries_voted_for
from ._resolve import Resolver
from ._site_words import with_site_names
from ._sources import centre_countries
from ._store import Gazetteer, PlaceRecord

__all__ = ["Geoparser"]

_EXACT = 0.8
# Passes over the model's proposals until the countries of the accepted places are all known (see `_accepted`).
_COUNTRY_PASSES = 3


class Geoparser:
    """Recognises and resolves place mentions against the gazetteer index; fits extraction's `PlaceLocator`.

    `index` is the index file (built on first use when missing or out of date); the users' file beside it
    (`borderwatch gazetteer load|add`) is read too. Instances are cheap to share within one thread. With
    `check_index=False` the file is opened as it is: for a worker whose parent has just ensured it (checking
    again hashes the sources, and a rebuild there would run once per worker).
    """

    def __init__(
        self,
        index: Path | str | None = None,
        min_confidence: float = 0.15,
        user_index: Path | None = None,
        *,
        check_index: bool = True,
    ) -> None:
        path = Path(index) if index and not check_index else ensure_index(Path(index) if index else None)
        self.gazetteer = Gazetteer(path, [user_index or user_index_path(path)])
        self._finder = CandidateFinder(self.gazetteer)
        self._resolver = Resolver(self._finder, min_confidence)
        self._borders: BorderIndex | None = None
        self._lock = threading.Lock()

    # -- resolution of given spans ------------------------------------------------------------------------------
    def resolve(
        self, text: str, mentions: Sequence[tuple[int, int]], country_hint: str | None = None
    ) -> list[Place | None]:
        """Resolve the given character spans of `text` (one document): a Place or None for each, in order."""
        spans = [_checked_span(text, m) for m in mentions]
        self._finder.prefetch([text[s:e] for s, e in spans])
        resolutions = self._resolver.resolve(text, spans, _hint(country_hint))
        # A span an analyst highlights is a place: a street or building the gazetteer lacks is in the report's town.
        resolutions = place_sites_in_the_report_s_town(text, spans, resolutions)
        return [
            self._place(text, s, e, r) if r is not None else None for (s, e), r in zip(spans, resolutions, strict=True)
        ]

    def candidates(self, name: str) -> list[PlaceRecord]:
        """Every place the ranking would choose among for `name`, under any of the readings it tries (the name,
        the name without its qualifiers, a transliterated spelling, a place name inside it): whether the right
        place is among them is the ceiling of ranking."""
        return [candidate.record for candidate in self._finder.find(name)]

    # -- recognition and resolution -----------------------------------------------------------------------------
    def find_places(
        self, text: str, entities: Sequence[tuple[int, int, str]], country_hint: str | None = None
    ) -> list[Place]:
        """Every place mention of a report text, resolved where the gazetteer allows (unresolved: null fields)."""
        entities = [(int(e[0]), int(e[1]), str(e[2])) for e in entities]
        spans = text_proposals(text)
        known = self._finder.known([text[s:e] for s, e, _ in spans])
        proposals, loose = propose_spans(text, entities, known, spans)
        proposals, loose = with_site_names(text, proposals, loose)
        proposals = [p for p in proposals if not not_a_place(text, p.start, p.end)]
        loose = _longest_first([x for x in loose if name_key(text[x[0] : x[1]]) in known], proposals)
        loose = [x for x in loose if not not_a_place(text, x[0], x[1])]
        people = _persons_names(text, [(p.start, p.end) for p in proposals if p.demonym is None] + loose)
        if people:
            proposals = [p for p in proposals if not _a_person_s_mention(text, p.start, p.end, people)]
            loose = [x for x in loose if not _a_person_s_mention(text, x[0], x[1], people)]
        self._finder.prefetch([text[s:e] for s, e, _ in loose] + [text[p.start : p.end] for p in proposals])
        # Untagged words are resolved only when they could pass: a demonym, or a salient place or a locative word.
        # The others are held back: they are places only if the same name is one elsewhere in the text.
        could_pass = [self._may_accept_loose(text, *x) for x in loose]
        held = [x for x, ok in zip(loose, could_pass, strict=True) if not ok]
        loose = [x for x, ok in zip(loose, could_pass, strict=True) if ok]
        # A person's name is resolved only if it could pass: after a locative word, or naming a country or region.
        held += [(p.start, p.end, GUARD_NONE) for p in proposals if not self._may_accept_hint(text, p)]
        proposals = [p for p in proposals if self._may_accept_hint(text, p)]
        spans = [(p.start, p.end) for p in proposals] + [(s, e) for s, e, _ in loose]
        exact_only = [_lookup(text, p)[1] for p in proposals] + [True] * len(loose)
        resolutions = self._resolver.resolve(text, spans, _hint(country_hint), exact_only)
        accepted = _accepted(
            text, entities, proposals, loose, held, resolutions, _hint(country_hint), self._regional_namesakes
        )
        accepted = sorted(accepted + self._places_among_persons(text, entities, accepted, country_hint))
        accepted = drop_namesakes_abroad(text, accepted, _hint(country_hint))
        return [
            self._place(text, s, e, r) if r is not None else Place(text=text[s:e], start=s, end=e)
            for s, e, r in accepted
        ]

    def _places_among_persons(
        self, text: str, entities: Sequence[tuple[int, int, str]], accepted: list[Span], country_hint: str | None
    ) -> list[Span]:
        """One-word 'persons' that are places beside the report's own ('Cheltenham' in a report of races at
        Gloucester): resolved apart, so that a person's name never sways the document's context."""
        spans = lone_person_words(text, entities, [(s, e) for s, e, _ in accepted])
        if not spans:
            return []
        anchors = [r.record for _, _, r in accepted if r is not None]
        resolutions = self._resolver.resolve(text, spans, _hint(country_hint), [True] * len(spans))
        return [
            (s, e, r)
            for (s, e), r in zip(spans, resolutions, strict=True)
            if r is not None and place_among_persons(r, anchors)
        ]

    def _regional_namesakes(self, name: str) -> list[PlaceRecord]:
        """The places of the centre's region bearing `name` as it is written, largest first."""
        region = centre_countries()
        found = [c.record for c in self._finder.find(name, True) if c.match >= _EXACT and c.record.country in region]
        return sorted(found, key=lambda record: -record.population)

    def _may_accept_hint(self, text: str, proposal: Proposal) -> bool:
        if proposal.origin == "place":
            return True
        candidates = self._finder.find(*_lookup(text, proposal))
        if proposal.label != "PERSON" or proposal.locative or proposal.attacked or proposal.demonym is not None:
            return bool(candidates)
        return any(named_area(c.record) for c in candidates if c.match >= _EXACT)

    def _may_accept_loose(self, text: str, start: int, end: int, guard: int) -> bool:
        """Whether an untagged span could pass `accept_loose`: read before resolving, so that spans that cannot
        ('NE' of 'NE of Djanet') neither cost a resolution nor sway the document's context."""
        records = [c.record for c in self._finder.find(text[start:end], True) if c.match >= _EXACT]
        codes = [r.feature_code for r in records]

        def presented() -> bool:
            attacked = any(attacked_regional_place(text, start, record) for record in records)
            return attacked or presented_as_place(text, start, end)

        if not short_name_ok(text, start, end, codes, presented):
            return False
        return name_key(text[start:end]) in adjectives() or any(
            loose_evidence(text, start, end, guard, record) for record in records
        )

    def locate_event(self, text: str, evidence: Evidence, places: Sequence[Place]) -> Location | None:
        """The event's location per ACLED: its own sentence first, then the context; with the nearest border."""
        try:
            borders: BorderIndex | None = self.borders
        except ConfigError:  # an index built without world-atlas: locations without borders, not no locations
            borders = None
        return locate(text, evidence, places, borders)

    def locate_point(self, lat: float, lon: float, name: str | None = None) -> Location:
        """A known position (a monitoring post's report) as an event location: exact, with country and border."""
        location = Location(name=name, lat=lat, lon=lon, geo_precision=1)
        try:
            borders = self.borders
        except ConfigError:
            return location
        alpha3 = borders.country_at(lat, lon)
        country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
        border, km = borders.nearest(lat, lon)
        return location.model_copy(
            update={"country": country.alpha_2 if country else None, "border": border, "border_km": km}
        )

    # -- borders -------------------------------------------------------------------------------------------------
    @property
    def borders(self) -> BorderIndex:
        with self._lock:
            if self._borders is None:
                self._borders = BorderIndex.from_wkb(self.gazetteer.shapes("border"), self.gazetteer.shapes("country"))
            return self._borders

    def nearest_border(self, lat: float, lon: float) -> tuple[str, float]:
        """(alpha-3 pair in alphabetical order, km) of the international border nearest to a point."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"({lat}, {lon}): not a latitude and longitude")
        return self.borders.nearest(lat, lon)

    def border_strip(self, pair: str, km: float, clip: bool = True) -> Any:
        """The zone within `km` of the border of a country pair (shapely geometry, lon/lat)."""
        return self.borders.strip(pair, km, clip)

    def _place(self, text: str, start: int, end: int, res: Resolution) -> Place:
        record = res.record
        return Place(
            text=text[start:end],
            start=start,
            end=end,
            name=record.name,
            geonameid=record.geonameid,
            lat=round(record.lat, 5),
            lon=round(record.lon, 5),
            country=record.country,
            admin1=record.admin1,
            feature_code=record.feature_code,
            confidence=res.confidence,
        )


def _persons_names(text: str, spans: Sequence[Sequence[int]]) -> set[str]:
    """Keys of the names the report shows to be persons' ('"...," said Georgia', 'Georgia's father')."""
    return {name_key(text[s[0] : s[1]]) for s in spans if is_person_s_name(text, s[0], s[1])}


def _a_person_s_mention(text: str, start: int, end: int, people: set[str]) -> bool:
    """One sense per name: a person's name in the report is a person's in every mention the text does not present
    as a place ('Georgia began skating' as much as 'said Georgia'; not 'flew to Georgia')."""
    return name_key(text[start:end]) in people and not presented_as_place(text, start, end)


def _lookup(text: str, proposal: Proposal) -> tuple[str, bool]:
    """The name of a proposal and whether only its exact name is worth looking up: a person's or organisation's
    name is looked up loosely only where a locative word presents it as a place."""
    return text[proposal.start : proposal.end], proposal.origin == "hint" and not proposal.locative


def _hint(country: str | None) -> str | None:
    return country.upper() if country else None


def _checked_span(text: str, mention: Sequence[int]) -> tuple[int, int]:
    try:
        start, end = int(mention[0]), int(mention[1])
    except (TypeError, ValueError, IndexError):
        raise InputError(f"mention {mention!r}: expected a start and an end offset") from None
    if not 0 <= start < end <= len(text):
        raise InputError(f"mention ({start}, {end}): outside the text of {len(text)} characters")
    return start, end


def _longest_first(loose: list[tuple[int, int, int]], proposals: list[Proposal]) -> list[tuple[int, int, int]]:
    """Non-overlapping untagged spans, longest first, outside the model's own place spans."""
    taken = _Taken()
    for p in proposals:
        if p.origin == "place":
            taken.add(p.start, p.end)
    chosen: list[tuple[int, int, int]] = []
    for span in sorted(loose, key=lambda x: (x[0] - x[1], x[0])):
        if not taken.overlaps(span[0], span[1]):
            taken.add(span[0], span[1])
            chosen.append(span)
    return sorted(chosen)


class _Taken:
    """Character offsets already taken by accepted spans."""

    def __init__(self) -> None:
        self._marks: bytearray = bytearray()

    def add(self, start: int, end: int) -> None:
        if len(self._marks) < end:
            self._marks.extend(bytes(end - len(self._marks)))
        self._marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._marks[start:end]


Span = tuple[int, int, Resolution | None]


Namesakes = Callable[[str], Sequence[PlaceRecord]]


def _no_namesakes(name: str) -> list[PlaceRecord]:
    return []


def _accepted(
    text: str,
    entities: Sequence[tuple[int, int, str]],
    proposals: list[Proposal],
    loose: list[tuple[int, int, int]],
    held: list[tuple[int, int, int]],
    resolutions: list[Resolution | None],
    country_hint: str | None = None,
    namesakes: Namesakes = _no_namesakes,
) -> list[Span]:
    """The spans accepted as place mentions (see `_accept`), in text order, with their resolutions; the report's
    country as the caller knows it (`country_hint`) is one of its countries from the start; `namesakes` gives the
    region's countries holding a place of a name (`attacked_reading`)."""
    # Places the model tagged as places first: the countries they lie in are the document's.
    pairs = sorted(zip(proposals, resolutions, strict=False), key=lambda pair: pair[0].origin != "place")
    # The countries of the whole report, not only of what comes before a name: a short town named first ('Oyo was
    # calm, police in Ibadan, Nigeria, said') is judged with the countries of the places named after it. Accepting
    # more countries accepts more places, never fewer: the passes stop when no country is added.
    countries: set[str] = {country_hint} if country_hint else set()
    for _ in range(_COUNTRY_PASSES):
        accepted, rejected, taken, found = _accepted_proposals(text, entities, pairs, countries, namesakes)
        if found <= countries:
            break
        countries |= found
    rejected += [(s, e) for s, e, guard in held if guard < GUARD_ORG]
    for (start, end, guard), resolved in zip(loose, resolutions[len(proposals) :], strict=True):
        if taken.overlaps(start, end):
            continue
        res = attacked_reading(text, Proposal(start, end, "text", False, None, attacked=True), resolved, namesakes)
        if accept_loose(text, start, end, guard, res):
            accepted.append((start, end, res))
            taken.add(start, end)
        elif guard < GUARD_ORG:
            rejected.append((start, end))
    accepted += _same_name_elsewhere(text, accepted, rejected, taken)
    return sorted(accepted, key=lambda a: a[0])


def _accepted_proposals(
    text: str,
    entities: Sequence[tuple[int, int, str]],
    pairs: list[tuple[Proposal, Resolution | None]],
    countries: set[str],
    namesakes: Namesakes = _no_namesakes,
) -> tuple[list[Span], list[tuple[int, int]], _Taken, set[str]]:
    """One pass over the model's proposals, given the report's countries known so far: the spans accepted, those
    rejected, the text they take, and the countries of the accepted places (with those given)."""
    accepted: list[Span] = []
    rejected: list[tuple[int, int]] = []
    taken = _Taken()
    found = set(countries)
    for proposal, resolved in pairs:
        if taken.overlaps(proposal.start, proposal.end):
            continue
        res = attacked_reading(text, proposal, resolved, namesakes)
        if accept_proposal(text, proposal, res, entities, found):
            accepted.append((proposal.start, proposal.end, res))
            taken.add(proposal.start, proposal.end)
            judged = judged_resolution(res, found) if res is not None and proposal.origin != "place" else res
            if judged is not None:
                found.update(countries_voted_for(judged.record))
        elif proposal.demonym is None:
            rejected.append((proposal.start, proposal.end))
    return accepted, rejected, taken, found


def _same_name_elsewhere(text: str, accepted: list[Span], rejected: list[tuple[int, int]], taken: _Taken) -> list[Span]:
    """One sense per name and document: a name the text often presents as a place ('held in Gao', 'from Gao to
    Ansongo': at least a third of its mentions) is that place in its other mentions too ('Gao: residents...',
    the model's 'Gao' PERSON), and so is the place of the report's dateline ('INNISFAIL —' and 'the Innisfail
    skater'). A person named once after a locative word ('met Kelly in ...') is not."""
    # By its main name only: other names include translations ('White House' is a name of Casablanca). The first
    # mention says which place the name is ('Gao, Gao region, Mali. ... residents of Gao': the town, not the region).
    by_key: dict[str, Resolution] = {}
    for s, e, r in sorted(accepted, key=lambda a: a[0]):
        key = name_key(text[s:e])
        if r is not None and r.match >= 1.0 and key not in adjectives():
            by_key.setdefault(key, r)
    if not by_key:
        return []
    mentions: dict[str, set[tuple[int, int]]] = {}
    for start, end in [(s, e) for s, e, _ in accepted] + rejected:
        mentions.setdefault(name_key(text[start:end]), set()).add((start, end))
    found: list[Span] = []
    for start, end in sorted(set(rejected)):
        key = name_key(text[start:end])
        res = by_key.get(key)
        if res is None or taken.overlaps(start, end):
            continue
        spans = mentions[key]
        presented = [presented_as_place(text, s, e) and not inside_longer_name(text, s, e) for s, e in spans]
        # The report's dateline names the place it is written from: that place wherever the report names it.
        if 3 * sum(presented) >= len(spans) or any(dateline_in_capitals(text, s, e) for s, e in spans):
            found.append((start, end, res))
            taken.add(start, end)
    return found
