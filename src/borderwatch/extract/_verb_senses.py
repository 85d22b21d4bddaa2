"""What a verb says of its subject, object or 'by' agent: moved, struck, driven off, answering an attack, dead."""

from __future__ import annotations

from ._lex import lemma
from ._parse_tree import Token, has_object
from ._role_words import (
    AIMING_VERBS,
    ANSWERED_ATTACKS,
    ANSWERING_VERBS,
    BLAMED_BEFORE,
    DEATH_LEMMAS,
    DEATH_WORDS,
    DEFENDING_VERBS,
    INTO_VERBS,
    MOVEMENT_VERBS,
    ONLY_TRANSITIVE_REPELLING,
    RECEIVED_FIRE,
    RECEIVING_VERBS,
    REPELLING_PHRASALS,
)

__all__ = [
    "aimed_at_something", "answers_attack", "blamed_on", "by_party", "casualty_clause", "death_word", "driven_off",
    "moved", "repels", "undergoes",
]  # fmt: skip


def death_word(token: Token) -> bool:
    return token.lower_ in DEATH_WORDS or lemma(token) in DEATH_LEMMAS


def moved(verb: Token) -> bool:
    """'Troops were deployed to the border', 'reinforcements were sent': the passive subject is who moved."""
    return lemma(verb) in MOVEMENT_VERBS


def undergoes(verb: Token) -> bool:
    """'The patrol came under attack', 'ran into an ambush', 'took fire from armed men': its subject is the target."""
    word = lemma(verb)
    if word == "come":
        return any(c.lower_ == "under" for c in verb.children)
    if word in RECEIVING_VERBS:
        return any(c.dep_ == "dobj" and c.lower_ in RECEIVED_FIRE for c in verb.children)
    return word in INTO_VERBS and any(c.lower_ == "into" for c in verb.children)


def driven_off(verb: Token, subject: Token) -> bool:
    """'attackers repelled after 1 hr': a report's shorthand drops the auxiliary of a passive, and the parser makes
    who was driven off the subject of a verb that, active, always has an object. No object and no auxiliary: the
    subject was repelled. Only the subject right before the verb: in '1 soldier WIA, assailants repulsed' the parser
    makes the wounded soldier a subject too."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    return (
        bool(subjects)
        and subjects[-1].i == subject.i
        and lemma(verb) in ONLY_TRANSITIVE_REPELLING
        and verb.tag_ in ("VBN", "VBD")
        and not has_object(verb)
        and not any(c.dep_ in ("aux", "auxpass", "prt") for c in verb.children)
        and not _object_read_as_clause(verb)
    )


def _object_read_as_clause(verb: Token) -> bool:
    """'Army repelled attack on Inates post overnight': with no article, the parser reads the object and the unit
    noun after it as a clause ('attack ... post' as subject and verb); an attack noun heading a clause right after
    the verb is its object."""
    return any(
        c.dep_ in ("ccomp", "xcomp")
        and c.i > verb.i
        and any(s.dep_ == "nsubj" and s.lower_ in ANSWERED_ATTACKS for s in c.children)
        for c in verb.children
    )


def repels(verb: Token) -> bool:
    """'repelled', 'fought off', 'beat back': the verb's subject (or its passive 'by' agent) was attacked."""
    if lemma(verb) in DEFENDING_VERBS:
        return True
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(f"{lemma(verb)} {p}" in REPELLING_PHRASALS for p in particles)


def answers_attack(verb: Token, chain: list[Token]) -> bool:
    """The verb answers the attack the trigger names: 'fought off an attack', 'responded to an attack' (the trigger
    hangs under its 'to'), not 'responded by killing five bandits'."""
    if repels(verb):
        return True
    return lemma(verb) in ANSWERING_VERBS and any(t.dep_ == "prep" and t.lower_ == "to" for t in chain)


def by_party(child: Token) -> bool:
    """'FDS patrol ambushed 10 km N of post by armed men': shorthand drops the auxiliary, its 'by' agent remains. A
    plural or a name after 'by' is who did it; 'by night', 'by surprise', 'by car' say how."""
    if child.lower_ != "by" or child.dep_ not in ("agent", "prep"):
        return False
    return child.dep_ == "agent" or any(c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS", "NNP") for c in child.children)


def blamed_on(trigger: Token, prep: Token) -> bool:
    """'blamed the attack on jihadists', 'attributed the ambush to JNIM': who it is laid on did it. Each blaming verb
    has its own preposition: the 'on' of 'attributed the attack on the post to JNIM' says what was struck, and so
    does the first 'on' of 'blamed the attack on the post on jihadists'."""
    if trigger.dep_ != "dobj":
        return False
    verb = trigger.head
    laid = BLAMED_BEFORE.get(lemma(verb))
    if laid is None or prep.lower_ != laid:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == laid and c.i > prep.i for t in (verb, trigger) for c in t.children)


def casualty_clause(edge: Token, below: list[Token]) -> bool:
    """The party is the object of a participle clause of the trigger that counts the dead or wounded ('hit the camp,
    wounding two soldiers', 'killing three gendarmes'): it was struck."""
    return (
        edge.dep_ in ("advcl", "xcomp", "conj")
        and lemma(edge) in DEATH_LEMMAS
        and bool(below)
        and below[-1].dep_ == "dobj"
    )


def aimed_at_something(trigger: Token) -> bool:
    """The striking verb names what it struck after 'on', 'against' or 'upon' ('fired on a village'), or after 'at'
    for a verb one aims ('shot at a bus'). 'Attacked at (a) checkpoint' says where the unit was when it was struck,
    and 'on Friday' when: neither is struck."""
    preps = {"on", "against", "upon"} | ({"at"} if lemma(trigger) in AIMING_VERBS else set())
    aimed = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps]
    return any(g.dep_ == "pobj" and g.ent_type_ != "DATE" for c in aimed for g in c.children)
