"""The places stage's entry point: recognise and resolve place mentions, locate events, measure borders."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry

from ..errors import ConfigError, InputError
from ..model import Evidence, Location, Place
from ._borders import BorderIndex
from ._build import ensure_index, user_index_path
from ._candidates import CandidateFinder
from ._locate import locate
from ._normalise import name_key
from ._recognise import (
    GUARD_INITIAL,
    GUARD_ORG,
    GUARD_PERSON,
    PLACE_LABELS,
    Proposal,
    abbreviations,
    adjectives,
    is_locative,
    propose_spans,
    text_proposals,
)
from ._resolve import Resolution, Resolver
from ._store import Gazetteer, PlaceRecord

__all__ = ["Geoparser"]

_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "TERR", "CONT"}
_AREA_CODES = _COUNTRY_CODES | {"ADM1", "RGN", "OCN", "SEA", "MTS", "DSRT", "GULF", "PEN"}
_SALIENT_CODES = _AREA_CODES | {"PPLC"}
_AFTER_COMMA = re.compile(r",\s*$")
_CONTAINER_AFTER = re.compile(r"\s*(?:,|\()\s*[A-Z]")
_EXACT = 0.8
_PARTIAL = 0.7
_LOOSE_CONFIDENCE = 0.3
_SALIENT_POPULATION = 100_000
_HINT_CONFIDENCE = 0.45
_TEXT_CONFIDENCE = 0.6


def _salient(record: PlaceRecord) -> bool:
    return (
        record.feature_code in _SALIENT_CODES
        or record.population >= _SALIENT_POPULATION
        or record.source.startswith("borderwatch")
    )


class Geoparser:
    """Recognises and resolves place mentions against the gazetteer index; fits extraction's `PlaceLocator`.

    `index` is the index file (built on first use when missing or out of date); the users' file beside it
    (`borderwatch gazetteer load|add`) is read too. Instances are cheap to share within one thread.
    """

    def __init__(
        self, index: Path | str | None = None, min_confidence: float = 0.15, user_index: Path | None = None
    ) -> None:
        path = ensure_index(Path(index) if index else None)
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
        return [
            self._place(text, s, e, r) if r is not None else None for (s, e), r in zip(spans, resolutions, strict=True)
        ]

    # -- recognition and resolution -----------------------------------------------------------------------------
    def find_places(
        self, text: str, entities: Sequence[tuple[int, int, str]], country_hint: str | None = None
    ) -> list[Place]:
        """Every place mention of a report text, resolved where the gazetteer allows (unresolved: null fields)."""
        entities = [(int(e[0]), int(e[1]), str(e[2])) for e in entities]
        spans = text_proposals(text)
        known = self._finder.known([text[s:e] for s, e, _ in spans])
        proposals, loose = propose_spans(text, entities, known, spans)
        loose = _longest_first([x for x in loose if name_key(text[x[0] : x[1]]) in known], proposals)
        self._finder.prefetch([text[s:e] for s, e, _ in loose] + [text[p.start : p.end] for p in proposals])
        # Untagged words are resolved only when they could pass: a demonym, or a salient place or a locative word.
        loose = [x for x in loose if self._may_accept_loose(text, *x)]
        proposals = [p for p in proposals if p.origin == "place" or self._finder.find(*_lookup(text, p))]
        spans = [(p.start, p.end) for p in proposals] + [(s, e) for s, e, _ in loose]
        exact_only = [_lookup(text, p)[1] for p in proposals] + [True] * len(loose)
        resolutions = self._resolver.resolve(text, spans, _hint(country_hint), exact_only)
        accepted: list[tuple[int, int, Resolution | None]] = []
        # Places the model tagged as places first: the countries they lie in are the document's.
        pairs = sorted(zip(proposals, resolutions, strict=False), key=lambda pair: pair[0].origin != "place")
        countries: set[str] = set()
        for proposal, res in pairs:
            if _accept_proposal(text, proposal, res, entities, countries) and not _overlaps(
                proposal.start, proposal.end, accepted
            ):
                accepted.append((proposal.start, proposal.end, res))
                if res is not None and res.record.country:
                    countries.add(res.record.country)
        for (start, end, guard), res in zip(loose, resolutions[len(proposals) :], strict=True):
            if _accept_loose(text, start, end, guard, res) and not _overlaps(start, end, accepted):
                accepted.append((start, end, res))
        accepted.sort(key=lambda a: a[0])
        return [
            self._place(text, s, e, r) if r is not None else Place(text=text[s:e], start=s, end=e)
            for s, e, r in accepted
        ]

    def _may_accept_loose(self, text: str, start: int, end: int, guard: int) -> bool:
        records = [c.record for c in self._finder.find(text[start:end], True) if c.match >= _EXACT]
        return name_key(text[start:end]) in adjectives() or any(
            _loose_evidence(text, start, end, guard, record) for record in records
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


def _longest_first(loose: list[tuple[int, int, bool]], proposals: list[Proposal]) -> list[tuple[int, int, bool]]:
    """Non-overlapping untagged spans, longest first, outside the model's own place spans."""
    taken = [(p.start, p.end) for p in proposals if p.origin == "place"]
    chosen: list[tuple[int, int, bool]] = []
    for span in sorted(loose, key=lambda x: (x[0] - x[1], x[0])):
        if not any(span[0] < e and s < span[1] for s, e in taken):
            taken.append((span[0], span[1]))
            chosen.append(span)
    return sorted(chosen)


def _overlaps(start: int, end: int, accepted: list[tuple[int, int, Resolution | None]]) -> bool:
    return any(start < e and s < end for s, e, _ in accepted)


def _accept_proposal(
    text: str,
    proposal: Proposal,
    res: Resolution | None,
    entities: Sequence[tuple[int, int, str]],
    countries: set[str],
) -> bool:
    if proposal.demonym is not None:
        return res is not None
    if proposal.origin == "place":
        # A facility nobody can place (a building, a road) is not worth listing; a GPE/LOC still is.
        if res is None:
            # Unknown to the gazetteer: kept (unresolved) when the text presents it as a place.
            return not _is_facility(proposal, entities) and (proposal.locative or _has_container(text, proposal.end))
        if res.match < _PARTIAL:  # only a place named inside it ('Helen Kunz'): where the text says so
            return proposal.locative
        return res.match >= _EXACT or res.confidence >= _LOOSE_CONFIDENCE
    if res is None or not _short_ok(text, proposal.start, proposal.end, res):
        return False
    if res.match < _EXACT:
        # A person's or organisation's name that only resembles a place: only where the text says it is one.
        return proposal.locative and res.confidence >= _LOOSE_CONFIDENCE
    if res.confidence < _HINT_CONFIDENCE:
        return False
    if proposal.locative or _named_area(res.record):
        return True
    if proposal.label == "PERSON":
        return False
    # An organisation named like a place (by its main name) is mostly that place's team, police, council...:
    # the place, when it is a well-known one or lies in a country the document is about.
    return res.match >= 1.0 and (_salient(res.record) or res.record.country in countries)


def _has_container(text: str, end: int) -> bool:
    """'Dogofri (Niono, Segou)', 'Tin Essako, Mali': followed by what contains it."""
    return bool(_CONTAINER_AFTER.match(text, end))


def _is_facility(proposal: Proposal, entities: Sequence[tuple[int, int, str]]) -> bool:
    for start, end, label in entities:
        if start <= proposal.start and proposal.end <= end:
            return label not in PLACE_LABELS - {"FAC"}
    return False


def _named_area(record: PlaceRecord) -> bool:
    """A country, division, continent, region or one of our curated places: not a person's name by accident."""
    return record.feature_code in _AREA_CODES or record.source.startswith("borderwatch")


def _short_ok(text: str, start: int, end: int, res: Resolution) -> bool:
    """Two- and three-letter names (KY, La, BA) and abbreviations (Mass., Ind.) are places only as countries or
    after a comma ('Ashland, KY')."""
    words = text[start:end]
    if len(words.replace(".", "").replace(" ", "")) > 3 and name_key(words) not in abbreviations():
        return True
    return res.record.feature_code in _COUNTRY_CODES or bool(_AFTER_COMMA.search(text[max(0, start - 3) : start]))


def _accept_loose(text: str, start: int, end: int, guard: int, res: Resolution | None) -> bool:
    """Capitalised words the model did not tag as a place (see `_loose_evidence`)."""
    if res is None or res.confidence < _TEXT_CONFIDENCE or not _short_ok(text, start, end, res):
        return False
    if name_key(text[start:end]) in adjectives():
        return True
    return res.match >= _EXACT and _loose_evidence(text, start, end, guard, res.record)


def _loose_evidence(text: str, start: int, end: int, guard: int, record: PlaceRecord) -> bool:
    """Inside a person's name only adjectives count ('the Libyan envoy'); inside an organisation's name a
    well-known place ('Washington Post', 'Tunis Chamber'); opening a sentence a country, division or region,
    or a dateline in capitals; elsewhere a well-known place or any place after a locative word."""
    if guard == GUARD_PERSON:
        return False
    if guard == GUARD_ORG:
        return _salient(record)
    if guard == GUARD_INITIAL:
        return _named_area(record) or (_dateline(text, start, end) and _salient(record))
    return is_locative(text, start) or _salient(record)


def _dateline(text: str, start: int, end: int) -> bool:
    """'TORONTO — ...': a place name in capitals opening a line or a report."""
    word = text[start:end]
    return word.isupper() and len(word) >= 4
