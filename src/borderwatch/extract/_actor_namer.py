"""A party to its canonical actor, with the force a bare country or 'the authorities' stands for in the event:
"Tunisia arrested" is its police, "the authorities imposed a curfew" its army (`implied_forces` in
`data/actors.json`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..model import Actor
from ._party import Party
from ._registry import ActorMention, ActorRegistry
from ._text import load_data

__all__ = ["ActorNamer"]


_IMPLIED = load_data("actors.json")["implied_forces"]
_FORCE_FOR_SUB: dict[str, str] = _IMPLIED["by_sub_event"]
_GOVERNMENT_SUBS = frozenset(_IMPLIED["government_sub_events"])
_MILITARY_TAGS = frozenset(_IMPLIED["military_measure_tags"])
# A movement restriction a civil government orders (closing a border, a governor's ban on motorbikes) stays the
# government's act; a junta's, or a curfew, is its army's (actors.json government.military_rule, army_measures).
_CIVIL_MEASURE_TAGS = frozenset(_IMPLIED["civil_measure_tags"])


class ActorNamer:
    """Party -> canonical actor, with the force a bare country or 'the authorities' stands for in this event."""

    home: str | None = None  # the country of the forces that tell the event: that of its forces named without one

    def __init__(
        self,
        registry: ActorRegistry,
        sub: str,
        tags: set[str],
        when: dt.date | None,
        country: str | None,
        army_measure: bool = False,
    ):
        self.registry, self.sub, self.tags, self.when, self.country = registry, sub, tags, when, country
        self.army_measure = army_measure  # the event's sentences name a curfew or a state of emergency

    def __call__(self, party: Party) -> Actor:
        mention, sub = party.mention, self.sub
        where = mention.country or self.country
        if mention.force == "auto" or (mention.force == "government" and sub not in _GOVERNMENT_SUBS):
            # "Tunisia arrested ...", "the authorities imposed a curfew": the force that does such things.
            if sub in _FORCE_FOR_SUB and sub not in _GOVERNMENT_SUBS:
                kind = _FORCE_FOR_SUB[sub]
            elif self._military_measure(mention) and sub != "Agreement":  # states agree; patrols are what they agree on
                kind = "military"
            else:
                kind = _FORCE_FOR_SUB.get(sub, "military")
            return self.registry.force_actor(kind, where, self.when, mention.text, self.country)
        if mention.force == "government" and self._military_measure(mention) and sub != "Agreement":
            return self.registry.force_actor("military", where, self.when, mention.text, self.country)
        if self.home and mention.force is not None and not mention.country and not mention.named:
            mention = replace(mention, country=self.home)  # "soldiers ..., the Nigerien army said": Niger's
        return self.registry.actor_for(mention, self.when, self.country)

    def _military_measure(self, mention: ActorMention) -> bool:
        """Whether the event is a measure the state's army takes for it: patrols, deployments, seizures always; a
        movement restriction only when a junta or a bare country orders it, or it is a curfew, not when a civil
        government closes a border or bans motorbikes."""
        tags = self.tags & _MILITARY_TAGS
        if mention.force == "government" and not self.army_measure and not self.registry.rules_by_army(mention):
            tags -= _CIVIL_MEASURE_TAGS
        return bool(tags)
