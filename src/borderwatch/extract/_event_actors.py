"""An event group's actor1, actor2 and associated actors: the parties of its sentences in their roles, ordered
(the main sentence first, names before generic words, a state's forces before their auxiliaries), then the
corrections of `_initiator` and the defaults of `_default_actors`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import Actor
from ._actor_namer import ActorNamer
from ._default_actors import default_actors
from ._initiator import (
    attackers_first,
    claimed_by,
    credited,
    initiative,
    names_more,
    teller_struck,
    told_after_clash,
)
from ._merge import EventGroup
from ._party import Party
from ._registry import ActorMention, ActorRegistry
from ._tellers import blames, tellers_country, tells
from ._text import fold, load_data, phrase_regex

__all__ = ["event_actors"]


_FIGHTS = {"Battles", "Explosions/Remote violence"}
_CIVILIANS = 7  # ACLED's actor type of civilians


def event_actors(
    group: EventGroup,
    registry: ActorRegistry,
    when: dt.date | None,
    country: str | None,
    filer: str | None = None,
    filer_force: str | None = None,
) -> tuple[Actor | None, Actor | None, list[Actor]]:
    sub = group.main.sub_event_type
    # A country's name stands for its state only as the subject of what happened ("Tunisia arrested ...").
    parties = [
        (i, p)
        for i, m in enumerate(group.members)
        if i == 0 or not _BACKGROUND.search(fold(m.sentence.text))
        for p in m.parties
        if p.mention.force != "auto" or p.role in ("agent", "both")
    ]
    parties = _with_joint_forces(group, parties)
    army_measure = any(registry.names_army_measure(m.sentence.text) for m in group.members)
    name = ActorNamer(registry, sub, {t for m in group.members for t in m.tags}, when, country, army_measure)
    name.home = tellers_country(group, parties)
    agents = [name(p) for p in _ordered(parties, ("agent", "both"))]
    targets = [name(p) for p in _ordered(parties, ("target", "both"))]
    others = [name(p) for p in _ordered(parties, ("other",)) if _kind(p.mention) in ("named", "force", "org")]
    partners = [name(p) for p in _ordered(parties, ("partner",))]  # "in coordination with": associated only
    candidates = others
    if group.main.event_type == "Violence against civilians":
        # "the bodies of five herders were found, a gendarmerie source said", "sept civils ont été tués, a annoncé
        # l'armée": who tells of an attack on civilians is not who committed it (the unnamed attackers are); nor
        # are the forces a report names beside it with no part in it ("troops have launched a search", "les
        # militaires ont ratissé la zone"), unless it lays the killing at their door
        tellers = {name(p).name for i, p in parties if p.role == "other" and tells(p, group.members[i])}
        bystanders = {
            name(p).name
            for i, p in parties
            if p.role == "other" and p.mention.party == "state" and not blames(group.members[i])
        }
        candidates = [a for a in others if a.name not in tellers | bystanders]
    actor1, actor2 = _pick_pair(agents, targets, candidates)
    if group.main.event_type == "Battles" and actor2 is not None and actor2.type == _CIVILIANS:
        # "Jihadists attacked Djibo, killing four soldiers and two civilians": a battle's other side is the force
        # struck, its dead counted first, not the civilians who died beside it
        actor2 = next(
            (a for a in targets if a.type != _CIVILIANS and a.name != (actor1.name if actor1 else "")), actor2
        )
    if actor1 is not None:
        # "Gunmen killed nine villagers in Tillia. Local sources attributed the attack to IS Sahel": the group a later
        # sentence lays the deed on names the unnamed gunmen
        named = next((a for a in agents if names_more(a, actor1) and not _opposes(a, actor1, parties, name)), None)
        if named is not None and (actor2 is None or actor2.name != named.name):
            actor1 = named
    if actor1 is None and group.main.event_type in _FIGHTS:
        actor1, actor2 = attackers_first(parties, name, actor1, actor2)
    elif not agents and not targets and group.main.event_type in _FIGHTS:
        actor1, actor2 = teller_struck(group, parties, name, actor1, actor2)
    actor1, actor2 = credited(parties, name, actor1, actor2, group)
    if sub == "Agreement" and actor2 is None and actor1 is not None:
        actor2 = next((a for a in agents if a.name != actor1.name), None)  # the parties agree with each other
    actor1, actor2 = initiative(group, parties, name, actor1, actor2)
    actor1, actor2 = told_after_clash(group, parties, name, actor1, actor2)
    actor1, actor2 = credited(parties, name, actor1, actor2, group)
    actor1, actor2 = default_actors(sub, group, registry, actor1, actor2, when, country, filer, filer_force)
    if group.claimants and group.main.event_type != "Protests":
        actor1, actor2 = claimed_by(registry.actor_for(group.claimants[0], when, country), actor1, actor2, others)
    seen = {a.name for a in (actor1, actor2) if a is not None}
    assoc = []
    for actor in [*agents, *targets, *others, *partners]:
        if actor.name not in seen and len(assoc) < 3:
            assoc.append(actor)
            seen.add(actor.name)
    if filer and any("joint_operation" in m.tags for m in group.members):
        actor1, assoc = _filer_joins(registry, filer, when, actor1, actor2, assoc)
    return actor1, actor2, assoc


def _opposes(named: Actor, actor1: Actor, parties: list[tuple[int, Party]], name: ActorNamer) -> bool:
    """'Gunmen stormed a village, killing 12 civilians. Dozo hunters fought the attackers': the named group acts in
    a sentence where the unnamed side is its target, so it is that side's opponent, not its name."""
    for i in {i for i, _ in parties}:
        roles = [(p.role, name(p).name) for j, p in parties if j == i]
        if (("agent", named.name) in roles or ("both", named.name) in roles) and ("target", actor1.name) in roles:
            return True
    return False


def _filer_joins(
    registry: ActorRegistry,
    filer: str,
    when: dt.date | None,
    actor1: Actor | None,
    actor2: Actor | None,
    assoc: list[Actor],
) -> tuple[Actor | None, list[Actor]]:
    """A joint operation that a post or a ministry reports is one its own forces take part in ('coordinated sweep
    with Algerian gendarmerie units', filed by a Tunisian post): unless the text names them, they are actor1 and
    the partner force the text names is associated with them, as ACLED codes a joint operation."""
    if any(a is not None and a.type == 1 and a.country == filer for a in (actor1, actor2, *assoc)):
        return actor1, assoc
    own = registry.force_actor("military", filer, when)
    if actor1 is None:
        return own, assoc
    if actor1.type in (1, 8):  # a state's forces (type 8 where they operate abroad)
        return own, [actor1, *assoc][:3]
    return actor1, assoc


def _kind(mention: ActorMention) -> str:
    if mention.named:
        return "named"
    if mention.force:
        return "force"
    return "org" if mention.org else "generic"


def _ordered(parties: list[tuple[int, Party]], roles: tuple[str, ...]) -> list[Party]:
    """Parties of the main sentence first, then of the others; in text order, generic words after names. A force
    that fights beside a state's (Wagner, Africa Corps, the VDP) comes after that state's forces named in the same
    sentence: ACLED codes a joint operation to the national forces, their auxiliaries associated."""
    chosen = [(i, p) for i, p in parties if p.role in roles]
    with_forces = {i for i, p in chosen if p.mention.force not in (None, "auto") and not _auxiliary(p)}
    # 'Customs and army units clashed with smugglers': ACLED codes a joint operation of a state's police and army
    # to its military, the police associated, whichever the text names first.
    with_army = {i for i, p in chosen if p.mention.force == "military"}
    return [
        p
        for _, p in sorted(
            chosen,
            key=lambda ip: (
                ip[0],
                ip[1].fallen,  # the side struck before the dead counted among it
                ip[0] in with_forces and _auxiliary(ip[1]),
                ip[0] in with_army and ip[1].mention.force == "police",
                _kind(ip[1].mention) == "generic",
                ip[1].mention.start,
            ),
        )
    ]


_COORDINATED = re.compile(r"\s*,?\s+(?:and|et)\s+(?:des\s+|les\s+|the\s+)?", re.IGNORECASE)


def _with_joint_forces(group: EventGroup, parties: list[tuple[int, Party]]) -> list[tuple[int, Party]]:
    """'Des mercenaires de Wagner et des soldats maliens ont exécuté ...': a state force coordinated with an
    auxiliary that acts acts with it, whatever role the word order gave it."""
    out = list(parties)
    for i, party in parties:
        if party.role not in ("agent", "both") or not _auxiliary(party):
            continue
        text = group.members[i].sentence.text
        for n, (j, other) in enumerate(out):
            if (
                j == i
                and other.role not in ("agent", "both")
                and other.mention.force not in (None, "auto")
                and other.mention.start >= party.mention.end
                and _COORDINATED.fullmatch(text[party.mention.end : other.mention.start])
            ):
                out[n] = (j, replace(other, role="agent"))
    return out


# a later sentence telling what a party has done before ('IS Sahel has previously shelled positions around Ménaka'):
# no side of this event (roles.json background_markers)
_BACKGROUND = phrase_regex(load_data("roles.json")["background_markers"])


def _auxiliary(party: Party) -> bool:
    return bool(party.mention.named) and all(n.beside_state for n in party.mention.named)


def _pick_pair(agents: list[Actor], targets: list[Actor], others: list[Actor]) -> tuple[Actor | None, Actor | None]:
    actor1 = agents[0] if agents else None
    rest = [a for a in targets if actor1 is None or a.name != actor1.name]
    # the other side first: "LNA forces clashed with Chadian rebels; five rebels and two LNA soldiers died"
    actor2 = next((a for a in rest if actor1 is None or a.type != actor1.type), rest[0] if rest else None)
    if actor1 is None:
        # a party the text names without a role, unless it is the side that suffered ("... selon l'armée")
        actor1 = next((a for a in others if actor2 is None or a.name != actor2.name), None)
    if actor2 is None and actor1 is not None:
        rest = [a for a in [*agents[1:], *others] if a.name != actor1.name]
        # another kind of actor first; two armed groups fight each other too ("between IS Sahel and JNIM")
        actor2 = next((a for a in rest if a.type != actor1.type), None) or next(
            (a for a in rest if actor1.type in (2, 3, 4) and a.type in (2, 3, 4)), None
        )
    return actor1, actor2
