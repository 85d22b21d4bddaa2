"""Names that no candidate bears, found only through a looser spelling ('Salloum' for As Sallūm, 'Tamanrasset'
spelt 'Tamenghest'), ranked by the report's countries more than by population.

A transliterated match is scored on how alike it is as written; every large place of the world has some alike
name, so among such candidates population mostly measures how many namesakes a spelling can reach (Salem, India
for 'Salloum'), not which one the report means. When the report's countries agree with some candidate (it lies in
one of them, or in a country next to one: 'arriving from Libya' for a town on Egypt's side), the population and
kind of place count for little and the written likeness for more; when none agrees nothing changes, and the
foreign-spelling doubt of `_context` still holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from ._candidates import Candidate
from ._sources import data_file, thinly_held_countries

__all__ = ["agreeing_countries", "foreign_aliases", "loose_name_change", "neighbours"]

# A candidate bearing the name itself matches at least this (main name 1.0, another of its names 0.8).
_NAMED_MATCH = 0.8
# Only a close spelling of a place the report agrees with outweighs population: looser likenesses are as often
# a person's or a firm's name that merely resembles a town of the report's country ('Barrette': Everett).
_CLOSE_SPELLING = 0.75
# How much of a candidate's prior apart from its match (population, kind of place, curated source) is kept.
_PRIOR_KEPT = 0.25
# The index holds every country under its names in the region's languages (exact keys): a spelling that reaches a
# country and a place in it the report agrees with is the place's ('Wargla' is Ouargla, not Algeria).
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "TERR"})
# Score per unit of match: transliterated matches run from about .71 to .80, so .05 apart is 1.0.
_LIKENESS_WEIGHT = 20.0
# A country with at least this share of the report's place votes is one of its countries; its neighbours count
# from a larger share, so that a passing mention does not lend its whole neighbourhood.
_OWN_SHARE = 0.1
_NEIGHBOUR_SHARE = 0.25


@lru_cache(maxsize=1)
def neighbours() -> Mapping[str, frozenset[str]]:
    """Countries with a land border, by ISO alpha-2 code (data/neighbours.json)."""
    table = data_file("neighbours.json")["neighbours"]
    return {country: frozenset(others) for country, others in table.items()}


def agreeing_countries(votes: Mapping[str, float], total: float) -> tuple[frozenset[str], frozenset[str]]:
    """The report's countries, and the countries next to its main ones, from the place votes of a ranking pass."""
    if total <= 0:
        return frozenset(), frozenset()
    own = frozenset(c for c, w in votes.items() if w / total >= _OWN_SHARE)
    table = neighbours()
    near = frozenset(n for c, w in votes.items() if w / total >= _NEIGHBOUR_SHARE for n in table.get(c, ())) - own
    return own, near


def foreign_aliases(candidates: Sequence[Candidate], hint: str | None = None) -> np.ndarray:
    """Whether each candidate is a place outside the region (and outside the caller's country `hint`) that the
    name reaches only through a looser spelling of another of its names ('Boulkessi': Maglić, Serbia, through its
    German name 'Bulkes'; 'Sobane': Savannah, US, through its Korean name's romanisation). Such a match says little:
    outside the report's countries, or with no country to go by, it is doubted."""
    region = thinly_held_countries()
    return np.array(
        [c.alias and c.record.country not in region and c.record.country != hint for c in candidates], dtype=bool
    )


def loose_name_change(
    candidates: Sequence[Candidate], priors: np.ndarray, match_weight: float, agrees: np.ndarray
) -> np.ndarray | None:
    """The change to the scores of a name's candidates when no candidate bears the name and the report's
    countries agree with some of them (`agrees`); None when the ranking stands as it is."""
    if not agrees.any() or not all(c.spelling for c in candidates):
        return None  # names inside longer ones ('Bank of Mexico') keep population: they are no spelling variants
    matches = np.array([c.match for c in candidates])
    if matches.max() >= _NAMED_MATCH or not (agrees & (matches >= _CLOSE_SPELLING)).any():
        return None
    rest = priors - match_weight * matches  # the prior apart from the match: population, kind of place, source
    towns_of = {c.record.country for c, agreed in zip(candidates, agrees, strict=True) if agreed} - {None}
    closest = matches.max()
    kept = np.array([_kept_share(c, towns_of, c.match >= closest) for c in candidates])
    return -(1.0 - kept) * rest + _LIKENESS_WEIGHT * (matches - closest)


def _kept_share(candidate: Candidate, countries_of_agreeing: set[str | None], closest: bool) -> float:
    """How much of a candidate's prior (apart from its match) stands. A country's name is known the world over,
    and its looser forms are its own ('Austro-Hungarian'): it keeps its prior when no place is written more alike
    (a short name's vowels and one consonant, 'Tahwah', reach 'Thai' as they reach Tahoua's 'Tahwa'), and unless
    another candidate the report agrees with lies in it."""
    record = candidate.record
    if record.feature_code not in _COUNTRY_CODES:
        return _PRIOR_KEPT
    if record.country in countries_of_agreeing:
        return 0.0
    return 1.0 if closest else _PRIOR_KEPT
