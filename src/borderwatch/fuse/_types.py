"""What fusion works on and what it decides.

`MentionFeatures` is the compact form of one event mention that matching needs (the store keeps it
indexed, so candidates are read without parsing whole mentions). `Decision` and `MatchExplanation`
are what fusion decided and why; the store keeps them beside each event (`events show ID --why`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from ._names import skeleton

__all__ = ["AnalystLinks", "Candidate", "Decision", "FeatureScore", "MatchExplanation", "MentionFeatures", "shared_set"]

# Every frozenset is an object the garbage collector tracks (Python 3.11 has no empty singleton), and the store
# keeps the features of tens of thousands of recent mentions: each full collection walks them all. Features
# therefore share one empty set, and a subset equal to its superset is that superset (`shared_set`).
_EMPTY: frozenset[str] = frozenset()


def shared_set(keys: frozenset[str], *alike: frozenset[str]) -> frozenset[str]:
    """`keys`, or an equal set already held (the shared empty set, or one of `alike`)."""
    if not keys:
        return _EMPTY
    return next((other for other in alike if other == keys), keys)


@dataclass(slots=True)
class MentionFeatures:
    """One event mention reduced to what matching compares. Days are proleptic ordinals (`date.toordinal`)."""

    key: str
    report_id: str
    event_type: str
    sub_event_type: str
    family: str
    day_lo: int  # first possible day of the event
    day_hi: int  # last possible day of the event
    anchor: int = 0  # the report's publication (or ingest) day
    dated: bool = True
    precise_date: bool = True
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    geonameid: str | None = None
    place_name: str | None = None  # folded
    country: str | None = None  # of the place; of the actors when there is no place
    country_of_place: bool = True  # False: `country` is only the actors' (a hint, never a disagreement)
    admin1: str | None = None
    named: tuple[str, ...] = ()  # named actors other than state forces, folded ("jnim", "islamic state sahel")
    state: tuple[str, ...] = ()  # state forces, folded, without their period ("military forces of niger")
    # Of `named` and `state`, the one that acted (ACLED's actor1: the attacker, the force arresting) and the one
    # acted upon (actor2: the attacked, the arrested); "" when that actor is generic, absent or not known (a row
    # stored before roles were kept).
    acting: str = ""
    acted_on: str = ""
    quantities: dict[str, tuple[int, str]] = field(default_factory=dict)
    words: frozenset[str] = _EMPTY
    names: frozenset[str] = _EMPTY  # name keys of the sentence's proper names (`_names.name_keys`)
    context: frozenset[str] = _EMPTY  # name keys of the report's lines around the sentence, not in it
    place_keys: frozenset[str] = _EMPTY  # name keys of the resolved place's name
    lead: frozenset[str] = _EMPTY  # of `names`, those named before the place (all: the place is not named)
    admin_key: str | None = None  # name key of the place's province
    event_id: str | None = None
    seq: int = 0  # the store's storing order (0: not stored)
    # Derived from the place at construction: the rules read them several times per comparison (`vague` about
    # four), and a property recomputed them at each read. The place fields are never changed afterwards.
    located: bool = field(init=False, repr=False, compare=False)  # has coordinates
    vague: bool = field(init=False, repr=False, compare=False)  # no place, or only a province or country
    # Of `words`, those of the sentence's own names and place (their key in `names` or `place_keys`): the text
    # feature leaves them out, and found them by each shared word's key at every comparison. A tuple: one or two
    # words most often, held by every stored mention.
    name_words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.located = self.lat is not None and self.lon is not None
        # A province's or country's centroid says little about where it happened.
        self.vague = not self.located or self.geo_precision == 3
        names, place = self.names, self.place_keys
        self.name_words = (
            tuple(word for word in self.words if (key := skeleton(word)) in names or key in place)
            if names or place
            else ()
        )


@dataclass(slots=True)
class Candidate:
    """A stored event as matching sees it: its id and the features of its (most recent) mentions."""

    event_id: str
    members: list[MentionFeatures] = field(default_factory=list)


class AnalystLinks:
    """Analysts' decisions that bind fusion: mentions that must be in one event, and pairs that cannot.

    "Must" links are transitive (a merge of A and B, then of B and C, puts all three together).
    """

    __slots__ = ("_cannot", "_group")

    def __init__(self, must: Iterable[tuple[str, str]] = (), cannot: Iterable[tuple[str, str]] = ()) -> None:
        self._cannot = {frozenset(pair) for pair in cannot}
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in must:
            parent[find(a)] = find(b)
        self._group = {key: find(key) for key in parent}

    def __bool__(self) -> bool:
        return bool(self._cannot or self._group)

    def apart(self, left: str, right: str) -> bool:
        return frozenset((left, right)) in self._cannot

    def together(self, left: str, right: str) -> bool:
        group = self._group.get(left)
        return group is not None and group == self._group.get(right) and left != right

    def partners(self, key: str) -> list[str]:
        """Other mentions an analyst put in the same event as `key`."""
        group = self._group.get(key)
        return [] if group is None else sorted(k for k, g in self._group.items() if g == group and k != key)

    def involves(self, key: str) -> bool:
        return key in self._group or any(key in pair for pair in self._cannot)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class FeatureScore(_Out):
    """One feature of a comparison: its value in [-1, 1], its weight and what it rests on."""

    name: str
    value: float
    weight: float
    contribution: float
    detail: str


class MatchExplanation(_Out):
    """The comparison of a new mention with one stored event, through its best-matching mention."""

    event_id: str
    against: str = Field(description="key of the event's mention the new one matched best")
    score: float
    threshold: float
    vetoed: str | None = Field(default=None, description="why the pair could not be the same event")
    features: list[FeatureScore] = Field(default_factory=list)


class Decision(_Out):
    """What fusion decided for one mention: the event it joins (None: a new event) and why."""

    mention: str
    event_id: str | None
    reason: str = Field(
        description="matched; new (nothing scored enough); ambiguous (an unlocated mention fitting several "
        "events: kept apart); analyst-merge; analyst-split"
    )
    best: MatchExplanation | None = None
    candidates: int = Field(default=0, description="stored events that blocking let through")
    others: list[tuple[str, float]] = Field(default_factory=list, description="next-best events and their scores")
