"""The cues the classification rules read from the parties' roles: agent_<class>, target_<class>,
target_fighting, victims_known, any_armed_party; and what a trigger struck when it is a place or a unit ('attacked
a military post' is an attack on a force, 'attacked a market' on civilians)."""

from __future__ import annotations

import re
from typing import Any

from ._parse_tree import token_at
from ._party import Party
from ._registry import ActorRegistry, outermost_matches
from ._role_paths import role_of
from ._text import fold

__all__ = ["derived_cues"]


def derived_cues(
    parties: list[Party], sentence: str, registry: ActorRegistry, doc: Any, triggers: list[tuple[int, int]]
) -> set[str]:
    """Cues about the parties: agent_<class>, target_<class>, target_fighting, victims_known, any_armed_party."""
    cues: set[str] = set()
    for party in parties:
        cls = party.mention.party
        if party.role in ("agent", "both"):
            cues.add(f"agent_{cls}")
        if party.mention.force == "auto":
            continue  # a country's name is its state only as the subject ("Tunisia arrested"), never as a place
        if party.role in ("target", "both"):
            cues.add(f"target_{cls}")
        if cls in ("state", "armed"):
            cues.add("any_armed_party")
    cues |= _place_targets(sentence, registry, doc, triggers)
    if cues & {"target_state", "target_armed"}:
        cues.add("target_fighting")
    if any(c.startswith("target_") for c in cues):
        cues.add("victims_known")
    if "target_civilian" in cues and "target_fighting" not in cues:
        cues.add("target_civilian_only")
    return cues


def _place_targets(sentence: str, registry: ActorRegistry, doc: Any, triggers: list[tuple[int, int]]) -> set[str]:
    """'attacked a military post' is an attack on a force; 'attacked a market', on civilians."""
    folded = fold(sentence)
    trigger_tokens = [t for t in (token_at(doc, s, e) for s, e in triggers) if t is not None]
    cues: set[str] = set()
    targets = {"target_state": registry.state_targets, "target_civilian": registry.civilian_targets}
    for cue, m in outermost_matches(folded, targets):
        root = token_at(doc, m.start(), m.end())
        if root is not None and any(role_of(root, t) in ("target", "both") for t in trigger_tokens):
            cues.add(_of_whom(sentence, m.end(), registry) or cue)
    return cues


_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?=\w)")


def _of_whom(sentence: str, end: int, registry: ActorRegistry) -> str | None:
    """'a convoy of traders', 'a patrol of the National Guard': the party the place or unit is made of."""
    m = _OF.match(sentence, end)
    if m is None:
        return None
    found = registry.find(sentence[m.end() : m.end() + 40])
    party = found[0].party if found and found[0].start == 0 else None
    return {"civilian": "target_civilian", "state": "target_state", "armed": "target_armed"}.get(party or "")
