"""Who did what to whom: the role of each party of a sentence relative to the event's trigger words.

Roles come from the dependency parse (`_role_paths`: the subject of an active trigger
verb, its "by" agent, the possessor or modifier of a trigger noun initiate; objects,
passive subjects, the victims of "killing" and the objects of "on/against" are
targets); parties a parse does not connect fall back on word order, and the words right
before a party can overrule both (`_role_markers`). Who started a fight and who answered
is the party's stance (`_stance`). The roles then give the derived cues the
classification rules read (`_role_cues`: agent_state, target_civilian, ...).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from ._lex import doc_text, register_bases
from ._parse_tree import Token, token_at
from ._party import Party
from ._registry import ActorMention
from ._role_cues import derived_cues
from ._role_markers import agent_by_order, moves_subject, standing_for, with_marked_roles
from ._role_paths import role_of
from ._role_words import (
    AFTERMATH_VERBS,
    AIMING_VERBS,
    BLAMING_VERBS,
    DEATH_LEMMAS,
    DEFENDING_VERBS,
    INITIATING_VERBS,
    INTO_VERBS,
    MOVEMENT_VERBS,
    REACTING_VERBS,
    REPORTING_VERBS,
    RESPONDING_VERBS,
    SUFFERING_VERBS,
)
from ._stance import stance_of
from ._verb_senses import death_word

__all__ = ["REPORTING_VERBS", "Party", "assign_roles", "derived_cues", "moves_subject", "with_marked_roles"]


def assign_roles(doc: Any, mentions: list[ActorMention], triggers: list[tuple[int, int]]) -> list[Party]:
    """The role of every mention relative to the trigger spans (character offsets into the sentence)."""
    trigger_tokens = [t for t in (token_at(doc, s, e) for s, e in triggers) if t is not None]
    civilian = [(m.start, m.end) for m in mentions if m.party == "civilian"]
    parties = []
    text = doc_text(doc)
    unit_of = _units_of_forces(text, mentions)
    for n, mention in enumerate(mentions):
        if any(n == unit for unit in unit_of.values()):
            continue  # "border guards of the National Guard": the National Guard stands for its guards
        stand = mentions[unit_of[n]] if n in unit_of else mention
        root = token_at(doc, *standing_for(text, stand))
        roles = _roles_toward(root, trigger_tokens, mention.party == "state") if root is not None else set()
        role = "agent" if agent_by_order(text, mention, triggers) else _combine(roles)
        stance = stance_of(root, civilian, mention.party == "state") if root is not None else None
        fallen = role == "target" and root is not None and _only_fallen(root, trigger_tokens)
        parties.append(Party(mention, role, stance, fallen))
    return with_marked_roles(text, parties)


# "border guards of the National Guard", "les gardes-frontières de la garde nationale": a unit, then whose it is
_OF_FORCE = re.compile(r"\s+(?:of|de|du|des|d['’])\s*(?:(?:the|la|le|les|l['’])\s*)?", re.IGNORECASE)


def _units_of_forces(text: str, mentions: list[ActorMention]) -> dict[int, int]:
    """Owner index -> unit index, for a state force's words right followed by 'of (the)' and another state force:
    the force named last says which force the unit is ('border guards' are the military's, but those 'of the
    National Guard' the police's), and takes the unit's place in the sentence."""
    forces = [n for n, m in enumerate(mentions) if m.party == "state" and m.force not in (None, "auto", "government")]
    owned: dict[int, int] = {}
    for unit, owner in itertools.pairwise(forces):
        if _OF_FORCE.fullmatch(text[mentions[unit].end : mentions[owner].start]):
            owned[owner] = unit
    return owned


def _roles_toward(root: Token, triggers: list[Token], force: bool) -> set[str]:
    """The party's roles toward the sentence's triggers. A participle that describes a state force ('Burkinabe
    troops fighting in Niger were ambushed', 'soldiers battling jihadists in the area came under fire') says what
    its campaign is, not what this sentence tells: where another trigger gives the force a role, that one counts.
    Not so for others: 'residents protesting insecurity were fired on' protest in this very event."""
    if not force:
        return {role_of(root, t) for t in triggers}
    telling = {role_of(root, t) for t in triggers if not _describes(root, t)}
    if telling - {"other"}:
        return telling
    return telling | {role_of(root, t) for t in triggers if _describes(root, t)}


def _describes(root: Token, trigger: Token) -> bool:
    return trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.i == root.i


def _only_fallen(root: Token, triggers: list[Token]) -> bool:
    """The party is the subject or object of a death word ('a Chadian soldier was killed', 'was wounded', 'killing
    a Chadian soldier'), and a trigger of the sentence ('attacked') says what was struck: it is counted among the dead,
    whose side is what was struck."""
    return (
        root.dep_ in ("nsubjpass", "nsubj", "dobj")
        and death_word(root.head)
        and any(not death_word(t) for t in triggers)
    )


def _combine(roles: set[str]) -> str:
    if "both" in roles:
        return "both"
    if "agent" in roles and "target" in roles:
        return "agent"  # the subject of one verb is rarely the object of the next in one sentence
    for role in ("agent", "target"):
        if role in roles:
            return role
    return "other"


register_bases(
    DEFENDING_VERBS
    | SUFFERING_VERBS
    | REPORTING_VERBS
    | AIMING_VERBS
    | INITIATING_VERBS
    | RESPONDING_VERBS
    | REACTING_VERBS
    | INTO_VERBS
    | MOVEMENT_VERBS
    | AFTERMATH_VERBS
    | DEATH_LEMMAS
    | BLAMING_VERBS
    | {"come", "lose"}
)
