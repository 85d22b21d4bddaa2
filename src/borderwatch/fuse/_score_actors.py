"""The actor feature: named groups and state forces in common or in conflict, and spellings of one name."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ._config import FusionConfig
from ._names import place_keys
from ._score_detail import Detail
from ._types import MentionFeatures

__all__ = ["ActorRules", "actor_keys", "held_after_detail"]

_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[a-z0-9]{3,}")
_WORD_RATIO = 75  # one word spelled two ways ("liberation" / "liberacion" 90; "mali" / "mauritania" 43)


class ActorRules:
    """The actor feature with the rules of a `FusionConfig`."""

    def __init__(self, config: FusionConfig) -> None:
        self.config = config

    def compare(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        rules = self.config.actors
        mine, theirs = (new.named, new.state), (old.named, old.state)
        shared = self._shared(mine[0], theirs[0])
        if shared:
            return "actors", rules.shared_specific, ("same group: {}", shared)
        shared = self._shared(mine[1], theirs[1], fuzzy=False)  # "of Niger" / "of Nigeria": exact only
        related = _related_state(mine[1], theirs[1])
        if mine[0] and theirs[0]:
            # Different named groups: two actor pairs, two events in ACLED's coding, even when one army fought
            # both (a state force in common is what two clashes of one front share, so it does not soften this).
            return "actors", rules.conflicting_specific, (_different_groups, mine[0], theirs[0], shared)
        if shared:
            return "actors", rules.shared_state, ("same state force: {}", shared)
        if related:
            return "actors", rules.related_state, ("forces of one state: {}", related)
        return "actors", 0.0, "no named actor to compare"

    def held_after(self, new: MentionFeatures, old: MentionFeatures) -> str:
        """The named group or state force that acts in one mention and is acted upon in the other, when one is of a
        family whose second actor is held by its first (`actors.holding_families`: arrests) and the other of
        another family: the attackers arrested, or the attacked force arresting, tell of arrests that followed the
        happening, not of the happening. "" otherwise (a force that clashed with a group and arrested its men acts
        in both). Roles are compared across families only: two reports of one clash may name its sides either way
        round."""
        holding = self.config.actors.holding_families
        if new.family == old.family or (new.family not in holding and old.family not in holding):
            return ""
        held, other = (new, old) if new.family in holding else (old, new)
        for acting, acted_on in ((held.acted_on, other.acting), (held.acting, other.acted_on)):
            if acting and acted_on and self._one_actor(acting, acted_on):
                return acting
        return self._arrests_of_suspects(held, other)

    def _arrests_of_suspects(self, held: MentionFeatures, other: MentionFeatures) -> str:
        """The state force arresting when the other mention is of a kind someone starts (an attack, a blast, an
        abduction: `actors.unknown_attacker_families`) by no one named (actor1 unidentified or missing, no named
        group) and that force takes no part in it: the gunmen unknown and the police not there, the arrests are of
        suspects afterwards. A force that fought and took prisoners is a side of the fight; "" otherwise."""
        rules = self.config.actors
        force = held.acting
        if other.family not in rules.unknown_attacker_families or other.acting or other.named:
            return ""
        if not force.startswith(rules.state_prefixes) or force in other.state:
            return ""
        return force

    def _one_actor(self, a: str, b: str) -> bool:
        """Whether two folded actor names are one actor: equal, or (named groups) one part of the other or a
        spelling of it; state forces only when equal ("of Niger" / "of Nigeria")."""
        state = self.config.actors.state_prefixes
        if a.startswith(state) or b.startswith(state):
            return a == b
        return bool(self._shared((a,), (b,)))

    def _shared(self, mine: tuple[str, ...], theirs: tuple[str, ...], fuzzy: bool = True) -> str:
        for a in mine:
            for b in theirs:
                if a == b or (fuzzy and (_part_of(a, b) or self._spelling_variants(a, b))):
                    return a
        return ""

    def _spelling_variants(self, a: str, b: str) -> bool:
        """Two spellings of one name not in the actor registry (accents, a doubled letter, a typo): the whole
        names close, every word of one close to a word of the other, the same numbers. Transliterations
        ("Uqba" / "Okba") are the registry's job, not this one's."""
        if _DIGITS.findall(a) != _DIGITS.findall(b) or fuzz.token_sort_ratio(a, b) < self.config.actors.fuzzy_min_ratio:
            return False
        words_b = b.split()
        return all(max(fuzz.ratio(w, v) for v in words_b) >= _WORD_RATIO for w in a.split())


def held_after_detail(name: str) -> str:
    return (
        f"{name} acts in one and is acted upon in the other, or arrests after a happening of unnamed attackers it "
        "took no part in: arrests that followed the happening"
    )


def _different_groups(mine: tuple[str, ...], theirs: tuple[str, ...], state: str) -> str:
    also = f"; same state force: {state}" if state else ""
    return f"different groups: {', '.join(mine)} / {', '.join(theirs)}{also}"


@lru_cache(maxsize=4096)
def actor_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The name keys of actors' names ("jnim", "katibat uqba ibn nafi": each word's and the whole name's)."""
    return frozenset().union(*(place_keys(name) for name in names))


def _part_of(a: str, b: str) -> bool:
    """Every word of the shorter name is in the longer ("islamic state" in "islamic state (sahel)")."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False  # "... 2-3/1" and "... 2-3/2" are two groups
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    words = set(_WORDS.findall(long))
    mine = _WORDS.findall(short)
    return bool(mine) and all(w in words for w in mine)


def _related_state(mine: tuple[str, ...], theirs: tuple[str, ...]) -> str:
    """Forces of one state under two names ("police forces of tunisia" / "military forces of tunisia")."""
    of_mine = {name.rpartition(" of ")[2]: name for name in mine if " of " in name}
    for name in theirs:
        country = name.rpartition(" of ")[2]
        if " of " in name and country in of_mine:
            return country
    return ""
