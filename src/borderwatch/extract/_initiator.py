"""Which side is actor1 when the roles alone do not settle it: the group that speaks of its own deed, the side
the text says started the fight, the word "attackers", the state force that tells of its own losses, the claimant."""

from __future__ import annotations

import re

from ..model import Actor
from ._actor_namer import ActorNamer
from ._merge import EventGroup
from ._party import Party
from ._role_words import PRONOUNS
from ._tellers import speaks_of_itself, tells
from ._text import fold, load_data, phrase_regex

__all__ = ["attackers_first", "claimed_by", "credited", "initiative", "names_more", "teller_struck", "told_after_clash"]


def credited(
    parties: list[tuple[int, Party]], name: ActorNamer, actor1: Actor | None, actor2: Actor | None, group: EventGroup
) -> tuple[Actor | None, Actor | None]:
    """A named group in the event's sentences, neither target nor bystander, that speaks of its own ("X said its
    fighters", "forces aligned with the GNA said they had recaptured") is who the text credits, if it is of the
    kind actor1 is and actor1 names no one: the unnamed "rebels" of the lead are the group that speaks later."""
    if actor1 is not None and not actor1.name.startswith(
        ("Unidentified Armed Group", "Military Forces of", "Police Forces of")
    ):
        return actor1, actor2
    party = "armed" if actor1 is None or actor1.name.startswith("Unidentified") else "state"
    named = [
        p
        for i, p in parties
        if p.role == "other"
        and p.mention.named
        and p.mention.party == party
        and speaks_of_itself(p, group.members[i])
        and not (actor1 is not None and _struck_there(actor1, i, parties, name, group))
    ]
    if not named:
        return actor1, actor2
    credited = name(named[0])
    # "JNIM said its fighters had attacked a camp": JNIM did it, whatever the bystander pass made it
    return credited, None if actor2 is not None and actor2.name == credited.name else actor2


def _struck_there(
    actor: Actor, member: int, parties: list[tuple[int, Party]], name: ActorNamer, group: EventGroup
) -> bool:
    """'The MSA said its fighters had engaged the attackers': the side the group speaks of striking is the unnamed
    actor1, so the group is its opponent, not its name. Not its own men ('said its fighters had been attacked')."""
    text = group.members[member].sentence.text
    return any(
        j == member
        and p.role == "target"
        and name(p).name == actor.name
        and not _OWN_BEFORE.search(text[max(0, p.mention.start - 12) : p.mention.start])
        for j, p in parties
    )


# "its fighters", "leurs combattants": the speaking group's own men
_OWN_WORDS = sorted(PRONOUNS | {"ses", "leurs", "nos", "son", "sa"})
_OWN_BEFORE = re.compile(rf"\b(?:{'|'.join(_OWN_WORDS)})\s+$", re.IGNORECASE)


def initiative(
    group: EventGroup, parties: list[tuple[int, Party]], name: ActorNamer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """In a fight the text says who started ('terrorists who had attacked a convoy', 'the officers, who returned
    fire'): the one who started it is actor1."""
    if group.main.event_type not in ("Battles", "Explosions/Remote violence"):
        return actor1, actor2
    starters = [name(p) for _, p in parties if p.stance == "initiator"]
    if starters and actor1 is not None and names_more(actor1, starters[0]):
        starters = []  # "JNIM said its fighters had attacked": the fighters are JNIM's
    answering = {name(p).name for _, p in parties if p.stance == "responder"}
    if starters and (actor1 is None or actor1.name != starters[0].name):
        other = actor1 if actor1 is not None and actor1.name != starters[0].name else actor2
        return starters[0], other
    if actor1 is not None and actor1.name in answering and (actor2 is None or actor2.name not in answering):
        return actor2, actor1  # "the army returned fire": who fired first is the other side (unnamed: the defaults)
    return actor1, actor2


def told_after_clash(
    group: EventGroup, parties: list[tuple[int, Party]], name: ActorNamer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """'Nigerien troops clashed with gunmen near Tillabéri. The soldiers had been on patrol when they came under
    fire', 'Des affrontements ont opposé des militaires à des hommes armés. Les assaillants ont attaqué une
    patrouille': the lead tells a clash as mutual, a later sentence of it who attacked whom. The side it names
    attacking, never told struck, started the fight."""
    main = group.main
    if main.event_type != "Battles" or "clash" not in main.cues or "attack" in main.cues:
        return actor1, actor2
    if actor1 is None or actor2 is None or any(p.role == "target" for i, p in parties if i == 0):
        return actor1, actor2  # the lead itself says who struck whom ("troops repelled an attack by ...")
    attackers, attacked = set(), set()
    for i, party in parties:
        if i == 0 or "attack" not in group.members[i].cues:
            continue
        if party.role == "agent":
            attackers.add(name(party).name)
        elif party.role == "target" and not party.fallen:
            attacked.add(name(party).name)
    if actor1.name in attackers or actor2.name in attacked:
        return actor1, actor2
    if actor2.name in attackers:  # the later sentence names who attacked, not only who was struck
        return actor2, actor1
    return actor1, actor2


_ATTACKER_NOUNS = phrase_regex(load_data("roles.json")["attacker_nouns"])


def attackers_first(
    parties: list[tuple[int, Party]], name: ActorNamer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """'One soldier and three attackers were killed': no party of the fight has an active role nor is named
    beside it, and the word that names one side says that it attacked. That side is actor1; the other side it
    struck stays actor2."""
    named_attackers = [
        name(p) for _, p in parties if p.role in ("target", "other") and _ATTACKER_NOUNS.search(fold(p.mention.text))
    ]
    if not named_attackers or (actor1 is not None and actor1.name == named_attackers[0].name):
        return actor1, actor2
    attacker = named_attackers[0]
    struck = [a for a in (actor1, actor2) if a is not None and a.name != attacker.name]
    return attacker, struck[0] if struck else None


def teller_struck(
    group: EventGroup, parties: list[tuple[int, Party]], name: ActorNamer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """'A military convoy hit by gunfire lost two vehicles, the army said': no party of the fight has a role but the
    state force that tells it, and what was struck is the state's (a post, a convoy): the teller's forces were
    struck, by someone the text does not name (the defaults), and did not start it."""
    cues = {c for m in group.members for c in m.cues}
    if actor1 is None or actor1.type != 1 or "target_state" not in cues:
        return actor1, actor2
    tellers = {name(p).name for i, p in parties if p.role == "other" and tells(p, group.members[i])}
    if actor1.name not in tellers:
        return actor1, actor2
    return None, actor1


def names_more(actor: Actor, generic: Actor) -> bool:
    """A named armed group where the text's other words only say 'fighters' or 'militants'."""
    unnamed = generic.name.startswith("Unidentified Armed Group")
    return unnamed and actor.type in (2, 3, 4) and actor.name != generic.name


def claimed_by(
    claimant: Actor, actor1: Actor | None, actor2: Actor | None, others: list[Actor]
) -> tuple[Actor | None, Actor | None]:
    """'X claimed responsibility': X initiated it; a state force or civilians coded first become the target."""
    if actor1 is not None and actor1.name == claimant.name:
        return actor1, actor2
    if claimant.type == 1:  # a state force blamed for it: it struck; what it struck stays the target
        return claimant, actor2 if actor2 is None or actor2.name != claimant.name else None
    if actor1 is not None and actor1.type in (1, 7, 8) and actor2 is None:
        actor2 = actor1
    if actor1 is not None and actor1.type not in (1, 7, 8) and not actor1.name.startswith("Unidentified"):
        others.append(actor1)
    return claimant, actor2
