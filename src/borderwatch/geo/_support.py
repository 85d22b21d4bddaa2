"""Mutual support between a document's names, read from their candidate lists before any of them is chosen.

A ranking pass reads context from the places it has already chosen: when population chose great namesakes scattered
over the world for several names of one local story at once ('London', 'St. Thomas', 'Delhi' of Ontario read as
England, the Virgin Islands and India), no chosen place supports the local reading of any of them, and the passes
keep the scattered choice. Here each candidate learns which other names could lie beside it: a likely candidate of
theirs within _NEAR_KM of it, or a first-level division of theirs holding it. `Context` counts only the other names
whose own reading is as lonely (in a country no other name lies in, far from all of them): a joint choice between
scattered readings, never a vote against a reading the document supports (Paris and London both have namesakes in
Ontario, but London and Paris lie 340 km apart).
"""

from __future__ import annotations

import numpy as np

from ._candidate_arrays import AREA_CODES, COUNTRY_CODES, haversine
from ._mention import Mention

__all__ = ["mutual_support"]

_NEAR_KM = 150.0
# Only a name's likelier candidates can back another name: every small name has a namesake somewhere, and a reading
# this far below the name's likeliest (in log10 of population) is none the document could mean (the Russia and the
# London of Ohio do not back an Ohio reading of the story's other names).
_SUPPORTER_CANDIDATES = 20
_PLAUSIBLE_GAP = 5.0
_NAMED_MATCH = 0.8  # a candidate bearing the name itself, not a looser reading of it


def mutual_support(mentions: list[Mention]) -> dict[str, dict[str, np.ndarray]]:
    """By name: for each other name of the document, which of the name's candidates it could lie beside. Only names
    worth reading again are kept: several candidates, a likeliest one that is a place (not a country or a first-level
    division: such a name is read as one by the usual context; its towns are found everywhere) and some candidate
    that another name backs."""
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.candidates:
            first.setdefault(mention.name, mention)
    if len(first) < 2:
        return {}
    pools = {name: _supporters(mention) for name, mention in first.items()}
    support: dict[str, dict[str, np.ndarray]] = {}
    for name, mention in first.items():
        if len(mention.candidates) < 2 or mention.candidates[int(np.argmax(mention.priors))].record.feature_code in (
            AREA_CODES
        ):
            continue
        arrays = mention.arrays
        places = np.array([c.record.feature_code not in AREA_CODES for c in mention.candidates], dtype=bool)
        by_other: dict[str, np.ndarray] = {}
        for other, (lats, lons, holders) in pools.items():
            if other == name:
                continue
            backed = np.zeros(len(mention.candidates), dtype=bool)
            if len(lats):
                distances = haversine(arrays.lats[:, None], arrays.lons[:, None], lats[None, :], lons[None, :])
                backed |= (distances < _NEAR_KM).any(axis=1)
            if holders:
                pairs = zip(arrays.countries, arrays.admin1s, strict=True)
                backed |= np.array([c is not None and (c in holders or a in holders) for c, a in pairs], dtype=bool)
            backed &= places
            if backed.any():
                by_other[other] = backed
        if by_other:
            support[name] = by_other
    return support


def _supporters(mention: Mention) -> tuple[np.ndarray, np.ndarray, set[object]]:
    """A name's likelier candidates bearing it: the points of its places (not of its first-level divisions or
    countries, whose centres say little), and the divisions ((country, admin1)) and countries it may be."""
    order = np.argsort(-mention.priors)[:_SUPPORTER_CANDIDATES]
    order = order[mention.priors[order] >= mention.priors[order[0]] - _PLAUSIBLE_GAP]
    points: list[int] = []
    holders: set[object] = set()
    for i in order:
        candidate = mention.candidates[int(i)]
        record = candidate.record
        if candidate.match < _NAMED_MATCH or record.country is None:
            continue
        if record.feature_code in COUNTRY_CODES:
            continue  # the document's countries already count (context.country); a country holds all its namesakes
        if record.feature_code == "ADM1":
            if record.admin1:
                holders.add((record.country, record.admin1))  # the shape of `CandidateArrays.admin1s`
        else:
            points.append(int(i))
    arrays = mention.arrays
    return arrays.lats[points], arrays.lons[points], holders
