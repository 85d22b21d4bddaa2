"""What the two reports say besides type, date, place and actors: figures, wording, other proper names, and what
was struck or seized."""

from __future__ import annotations

from ._config import FusionConfig
from ._score_actors import actor_keys
from ._score_detail import Detail
from ._types import MentionFeatures

__all__ = ["ContentRules"]

_NONE: frozenset[str] = frozenset()  # one empty set for every sentence that names no target
_TARGETS_HELD = 200_000  # sentences whose target words are kept (`ContentRules.targets_named`)


class ContentRules:
    """The quantities, text, names and targets features with the rules of a `FusionConfig`."""

    def __init__(self, config: FusionConfig) -> None:
        self.config = config
        self.target_of = {
            word: (heading, kind)
            for heading, kinds in config.targets.kinds.items()
            for kind, words in kinds.items()
            for word in words
        }
        self.target_words = frozenset(self.target_of)
        self._kinds_of: dict[frozenset[str], frozenset[tuple[str, str]]] = {}  # bounded: subsets of the vocabulary
        self.targets_of: dict[frozenset[str], frozenset[str]] = {}  # bounded: `_TARGETS_HELD`

    def names(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        rules = self.config.names
        shared = (new.names & old.names) - new.place_keys - old.place_keys  # the places: the place feature's
        if shared:  # and the actors' names, the actor feature's: one name in common counts once
            shared -= actor_keys((*new.named, *new.state, *old.named, *old.state))
        if not shared:
            return "names", 0.0, "no other proper name in common"
        value = min(rules.most, rules.per_shared * len(shared))
        return "names", round(value, 3), (_names_in_common, shared)

    def quantities(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        if not (new.quantities and old.quantities):  # most pairs: one report gives no figure
            return "quantities", 0.0, "no figure to compare"
        rules = self.config.quantities
        values: list[float] = []
        notes: list[tuple[str, int, int]] = []
        for kind in sorted(new.quantities.keys() & old.quantities.keys()):
            (a, qa), (b, qb) = new.quantities[kind], old.quantities[kind]
            if kind == "fatalities" and (a == 0 or b == 0):
                continue  # a report silent on deaths is coded 0: not a disagreement
            if a == b:
                values.append(rules.equal)
            elif _close(a, qa, b, qb, rules.close_ratio):
                values.append(rules.close)
            else:
                values.append(rules.fatalities_far if kind == "fatalities" else rules.far)
            notes.append((kind, a, b))
        if not values:
            return "quantities", 0.0, "no figure to compare"
        return "quantities", round(sum(values) / len(values), 3), (_figures, notes)

    def text(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail]:
        rules = self.config.text
        if min(len(new.words), len(old.words)) < rules.min_words:
            return "text", 0.0, "sentence too short to compare"
        shared = new.words & old.words
        # A word of a name both sentences give (a place, a group, a person) is scored by the place, actor or names
        # feature: counted again here, one shared name lifted two features ("Inates" in both: place and text).
        # The shared words that are either sentence's name words (`MentionFeatures.name_words`, found once each).
        named = len(shared.intersection(new.name_words + old.name_words)) if new.name_words or old.name_words else 0
        common = len(shared) - named
        dice = 2 * common / (len(new.words) + len(old.words) - 2 * named)
        value = max(0.0, (dice - rules.floor) / (1 - rules.floor))
        return "text", round(value, 3), ("{} words in common (Dice {:.2f})", common, dice)

    def targets(self, new: MentionFeatures, old: MentionFeatures) -> tuple[str, float, Detail] | None:
        """What each sentence says was struck or seized (a post, a convoy; fuel, sheep): None unless both name some
        under one heading and no heading has a kind in both."""
        mine_words = self.targets_named(new.words)  # most sentences name none: that ends most comparisons
        if not mine_words:
            return None
        theirs_words = self.targets_named(old.words)
        if not theirs_words:
            return None
        mine, theirs = self._kinds(mine_words), self._kinds(theirs_words)
        if not mine.isdisjoint(theirs):
            return None
        headings = {heading for heading, _ in mine} & {heading for heading, _ in theirs}
        if not headings:
            return None  # one tells what was struck, the other what was seized: nothing to compare
        mine = frozenset(kind for heading, kind in mine if heading in headings)
        theirs = frozenset(kind for heading, kind in theirs if heading in headings)
        return "targets", self.config.targets.disjoint, (_targets_differ, mine, theirs)

    def targets_named(self, words: frozenset[str]) -> frozenset[str]:
        """The target words among a sentence's `words`, found once per sentence rather than once per comparison (a
        mention is compared with eleven others at 100k stored). Keyed by the sentence's own word set, whose hash
        Python keeps: a lookup costs less than the intersection; emptied when full, as `_ALIKE_KEYS` is."""
        found = self.targets_of.get(words)
        if found is None:
            if len(self.targets_of) >= _TARGETS_HELD:
                self.targets_of.clear()
            found = words & self.target_words
            self.targets_of[words] = found = found or _NONE
        return found

    def _kinds(self, words: frozenset[str]) -> frozenset[tuple[str, str]]:
        """The (heading, kind) of each of `words`, all of them target words (few sets recur: kept once made)."""
        found = self._kinds_of.get(words)
        if found is None:
            target_of = self.target_of
            found = self._kinds_of[words] = frozenset(target_of[word] for word in words)
        return found


def _targets_differ(mine: frozenset[str], theirs: frozenset[str]) -> str:
    return f"different targets: {', '.join(sorted(mine))} / {', '.join(sorted(theirs))}"


def _names_in_common(shared: frozenset[str]) -> str:
    return f"names in common: {', '.join(sorted(shared))}"


def _figures(notes: list[tuple[str, int, int]]) -> str:
    return ", ".join(f"{kind} {a}/{b}" for kind, a, b in notes)


def _close(a: int, qa: str, b: int, qb: str, ratio: float) -> bool:
    low, high = (a, b) if a <= b else (b, a)
    low_q = qa if a <= b else qb
    if low_q == "at_least" or "about" in (qa, qb):
        return True  # "at least 5" agrees with 7; "about ten" with 8
    return low / high >= ratio or high - low <= 1
