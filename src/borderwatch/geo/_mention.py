"""A place mention of a document as the resolver ranks it, and the resolution it ends with."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._candidate_arrays import CandidateArrays, candidate_arrays, candidate_priors
from ._candidates import Candidate
from ._store import PlaceRecord

__all__ = ["GENERIC_WORDS", "Mention", "Resolution"]

# Words that name a kind of place or a part of one as often as a place: believed only in the document's countries.
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
    "coast", "gulf", "centre", "center", "island", "islands", "valley", "city", "border", "lake", "river",
    "mountain", "mountains", "desert", "highlands", "lowlands", "riviera", "delta", "plateau",
}  # fmt: skip


@dataclass(frozen=True)
class Resolution:
    record: PlaceRecord
    confidence: float
    match: float = 1.0  # how the name matched: 1 main name, 0.8 other name, less when transliterated or partial
    remote: bool = False  # far from every other place of the document, in a country it is not about
    # When the best candidate lies outside the countries the document agrees with: its best namesake inside them
    # (the Léré of a report about Mali, where population chose Lere, Nigeria), for the namesake check to fall back
    # on once the document's accepted places rule the first one out (`_abroad`).
    home: Resolution | None = None


@dataclass
class Mention:
    index: int
    start: int
    end: int
    key: str
    candidates: tuple[Candidate, ...]
    # The name its candidates bear ('paris' for 'Paris Regional Medical Center'): the context counts the mentions of
    # that name as the mention's own, so that a name read inside a longer one gets no vote from the very place
    # name it holds (the Paris the plain mentions first read, before 'Paris, Texas' settled them).
    name: str = ""
    containers: list[int] = field(default_factory=list)
    contained: list[int] = field(default_factory=list)  # mentions this name is written after as their container
    office: bool = False  # written with an office or assembly of a division or country ('Texas Gov.')
    division: bool = False  # written with the kind of its division ('the Ouargla wilaya', 'cercle de Niono')
    kind_countries: frozenset[str] = frozenset()  # the only countries with divisions of that kind ('cercle': Mali)
    dateline: bool = False  # the city of a wire dateline ('WASHINGTON (Reuters) —'): ranked without the context
    _priors: np.ndarray | None = None
    _arrays: CandidateArrays | None = None

    @property
    def priors(self) -> np.ndarray:
        """The candidates' priors (computed once per mention: hashing a long candidate tuple is not free)."""
        if self._priors is None:
            self._priors = candidate_priors(self.candidates)
        return self._priors

    @property
    def arrays(self) -> CandidateArrays:
        if self._arrays is None:
            self._arrays = candidate_arrays(self.candidates)
        return self._arrays
