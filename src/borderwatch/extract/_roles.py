"""Who did what to whom: the role of each party of a sentence relative to the event's trigger words.

Roles come from the dependency parse: the subject of an active trigger verb, its
"by" agent, the possessor or modifier of a trigger noun ("JNIM's attack", "a JNIM
attack") initiate; objects, passive subjects, the victims of "killing" and the
objects of "on/against" are targets. Parties a parse does not connect fall back on
word order. The roles then give the derived cues the classification rules read
(agent_state, target_civilian, target_fighting, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ._lex import is_verb, lemma, register_bases
from ._registry import ActorMention, ActorRegistry
from ._text import fold, load_data

__all__ = ["REPORTING_VERBS", "Party", "assign_roles", "derived_cues", "moves_subject", "with_marked_roles"]

Token = Any  # spacy.tokens.Token; typed loosely so this module imports without spaCy

_TARGET_DEPS = {"dobj", "nsubjpass", "attr", "dative", "oprd", "pobj", "npadvmod"}
_AGENT_DEPS = {"poss", "compound", "nmod", "amod", "agent"}
_TARGET_PREPS = {"on", "against", "at", "upon", "targeting", "toward", "towards", "into", "of"}
_DEATH_WORDS = {"died", "dead", "perished", "lost", "killed", "die", "dies", "slain", "wounded", "injured", "kidnapped",
                "abducted", "arrested", "detained", "neutralised", "neutralized", "executed", "fell", "fallen",
                "succumbed", "martyred"}  # fmt: skip
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "announce", "claim", "confirm", "state", "declare", "add", "note", "reveal", "indicate",
    "explain", "accuse", "acknowledge", "admit", "insist", "deny", "warn", "write", "inform", "specify",
})  # fmt: skip
_REPORTING = REPORTING_VERBS
_AIMING = {"fire", "shoot", "throw", "hurl", "lob", "aim", "launch", "strike", "shell", "open"}
_VICTIM_NOUNS = {"death", "deaths", "casualties", "casualty", "losses", "bodies", "body", "victims", "victim", "dead",
                 "fatalities", "toll", "corpses", "wounded", "injured"}  # fmt: skip
_CLAIM_WORDS = {"claimed", "claim", "claims", "blamed", "attributed", "carried", "perpetrated", "led", "launched"}


@dataclass(frozen=True)
class Party:
    mention: ActorMention
    role: str  # agent | target | both | other | partner (beside a side: an associated actor, never actor1/2)
    stance: str | None = None  # initiator ("terrorists who had attacked"), responder ("officers, who returned fire")
    # a target only as the dead or wounded of a sentence whose other trigger says what was struck ("a Chadian soldier
    # was killed when jihadists attacked a Nigerien army position"): counted among the side struck, not that side
    fallen: bool = False


def assign_roles(doc: Any, mentions: list[ActorMention], triggers: list[tuple[int, int]]) -> list[Party]:
    """The role of every mention relative to the trigger spans (character offsets into the sentence)."""
    trigger_tokens = [t for t in (_token_at(doc, s, e) for s, e in triggers) if t is not None]
    civilian = [(m.start, m.end) for m in mentions if m.party == "civilian"]
    parties = []
    for mention in mentions:
        root = _token_at(doc, *_standing_for(doc.text, mention))
        roles = {_role_of(root, t) for t in trigger_tokens} if root is not None else set()
        role = "agent" if _agent_by_order(doc.text, mention, triggers) else _combine(roles)
        stance = _stance(root, civilian, mention.party == "state") if root is not None else None
        fallen = role == "target" and root is not None and _only_fallen(root, trigger_tokens)
        parties.append(Party(mention, role, stance, fallen))
    return with_marked_roles(doc.text, parties)


def _standing_for(text: str, mention: ActorMention) -> tuple[int, int]:
    """The span whose role is the mention's: 'Forces loyal to the GNU clashed with a militia' makes the forces the
    subject, and the GNU, whose forces they are, takes their part (roles.json `allegiance_markers`)."""
    head = _ALLEGIANCE.search(fold(text[max(0, mention.start - 60) : mention.start]))
    if head is None:
        return mention.start, mention.end
    offset = max(0, mention.start - 60)
    return offset + head.start("head"), offset + head.end("head")


_ALLEGIANCE = re.compile(
    r"\b(?P<head>[a-z]+)\s+(?:"
    + "|".join(load_data("roles.json")["allegiance_markers"])
    + r")\s+(?:the\s+|la\s+|le\s+|l\s+)?$"
)


def _only_fallen(root: Token, triggers: list[Token]) -> bool:
    """The party is the subject or object of a death word ('a Chadian soldier was killed', 'was wounded', 'killing
    a Chadian soldier'), and a trigger of the sentence ('attacked') says what was struck: it is counted among the dead,
    whose side is what was struck."""
    return (
        root.dep_ in ("nsubjpass", "nsubj", "dobj")
        and _death_word(root.head)
        and any(not _death_word(t) for t in triggers)
    )


def _blamed_on(trigger: Token, word: str) -> bool:
    """'blamed the attack on jihadists', 'attributed the ambush to JNIM': who it is laid on did it."""
    return trigger.dep_ == "dobj" and lemma(trigger.head) in _BLAMING and word in ("on", "to")


_BLAMING = {"blame", "attribute", "impute"}
_ACCUSING = {"blame", "accuse", "suspect"}  # whom they blame, accuse or suspect (of a deed another clause tells) did it


def _casualty_clause(edge: Token, below: list[Token]) -> bool:
    """The party is the object of a participle clause of the trigger that counts the dead or wounded ('hit the camp,
    wounding two soldiers', 'killing three gendarmes'): it was struck."""
    return (
        edge.dep_ in ("advcl", "xcomp", "conj")
        and lemma(edge) in _DEATH_LEMMAS
        and bool(below)
        and below[-1].dep_ == "dobj"
    )


def _death_word(token: Token) -> bool:
    return token.lower_ in _DEATH_WORDS or lemma(token) in _DEATH_LEMMAS


_DEATH_LEMMAS = {"kill", "die", "wound", "injure", "perish", "succumb"}


@dataclass(frozen=True)
class _Markers:
    partner: re.Pattern[str]  # "in coordination with", "backed by", "appuyés par" right before a party
    holder: re.Pattern[str]  # "a checkpoint manned by", "tenu par" right before a party
    origin: re.Pattern[str]  # "crossed from", "venus du" right before a country's name: where from, not who
    movement_participle: re.Pattern[str]  # French "déployés", "envoyés": a passive that moves its subject
    operator: re.Pattern[str]  # "drones operated by", "des drones pilotés par" right before a party: who used them
    operated: re.Pattern[str]  # "operated by" right after an equipment party ("Turkish drones operated by ...")
    equipment: re.Pattern[str]  # a party's words that end on equipment ("Turkish drones")


@cache
def _markers() -> _Markers:
    data = load_data("roles.json")
    gap = r"(?:(?:" + "|".join(data["gap_words"]) + r")\s+){0," + str(int(data["max_words_between"])) + "}"

    def before(key: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(data[key]) + r")\s+" + gap + "$")

    return _Markers(
        partner=before("partner_markers"),
        holder=before("holder_markers"),
        origin=re.compile(r"\b(?:" + "|".join(data["origin_markers"]) + r")\s+(?:the\s+|la\s+|l\s+)?$"),
        movement_participle=re.compile(r"\b(?:" + "|".join(data["movement_participles"]) + r")\b"),
        operator=re.compile(
            r"\b(?:"
            + "|".join(data["equipment_words"])
            + r")\s+(?:"
            + "|".join(data["operating_markers"])
            + r")\s+"
            + gap
            + "$"
        ),
        operated=re.compile(r"\s+(?:" + "|".join(data["operating_markers"]) + r")\b"),
        equipment=re.compile(r"\b(?:" + "|".join(data["equipment_words"]) + r")$"),
    )


def with_marked_roles(text: str, parties: list[Party]) -> list[Party]:
    """Roles the words right before a party give, whatever the parse made of them: a partner ('Nigerien forces,
    in coordination with the Chadian army, repelled ...', 'backed by French drones') acted beside a side and is
    neither; who operated the equipment that struck ('drones operated by the army') did it, and the equipment is no
    party; the force that mans a place ('a checkpoint manned by soldiers came under fire') is struck with it; a
    country named as where someone came from ('fighters who had crossed from Mali') is not its state acting."""
    if not parties:
        return parties
    markers = _markers()
    folded = fold(text)
    out = []
    for party in parties:
        before = folded[max(0, party.mention.start - 80) : party.mention.start]
        if _equipment(party, folded, markers):
            continue  # "Turkish drones operated by the Malian army": what was used, not who used it
        if markers.operator.search(before):
            out.append(replace(party, role="agent", stance=None))
        elif party.mention.force == "auto" and markers.origin.search(before):
            out.append(replace(party, role="other", stance=None))  # "fighters who had come from Burkina Faso"
        elif markers.partner.search(before):
            out.append(replace(party, role="partner", stance=None))
        elif markers.holder.search(before):
            out.append(replace(party, role="target", stance=None))
        else:
            out.append(party)
    return out


def _equipment(party: Party, folded: str, markers: _Markers) -> bool:
    """The party names equipment that the words after it say someone else operated ('Turkish drones operated by')."""
    named = folded[party.mention.start : party.mention.end]
    return bool(markers.equipment.search(named)) and markers.operated.match(folded, party.mention.end) is not None


def moves_subject(verb_group: str) -> bool:
    """A French passive whose participle moves its subject ('des renforts ont été déployés'): it did it."""
    return _markers().movement_participle.search(fold(verb_group)) is not None


_MOVEMENT = frozenset(load_data("roles.json")["movement_verbs"])
_AFTERMATH = frozenset(load_data("roles.json")["aftermath_verbs"])
_STRUCK_UNITS = frozenset(load_data("roles.json")["struck_units"])
_STRIKING = frozenset(load_data("roles.json")["striking_verbs"])
_RECEIVING = frozenset(load_data("roles.json")["receiving_verbs"])
_RECEIVED_FIRE = frozenset(load_data("roles.json")["received_fire"])
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
_UNIT_PARTS = _MODIFIER_DEPS | {"appos"}  # "National Guard patrol ...; 1 guardsman KIA": the dead hung on it


def _moved(verb: Token) -> bool:
    """'Troops were deployed to the border', 'reinforcements were sent': the passive subject is who moved."""
    return lemma(verb) in _MOVEMENT


# "ambushed by approx. 20 armed men", "by about 30 gunmen", "by dozens of fighters": how many, between 'by' and who
# a field report's 'est. 40', 'ca. 30' as well as a wire's 'about 40', 'an estimated 40'
_HOW_MANY = r"(?:(?:approx\.?|approximately|about|around|some|nearly|over|more than|at least|up to|an estimated"
_HOW_MANY += r"|est\.|estimated|ca\.)\s+)?"
_HOW_MANY += r"(?:(?:\d+|a dozen|dozens of|scores of|hundreds of|a group of|a band of)\s+)?"
_BY_THEN = re.compile(
    r"\s+(?:\w+ly\s+)?by\s+(?:(?:the|a|an|some|several|suspected|alleged)\s+)*" + _HOW_MANY, re.IGNORECASE
)
_WARDING_OFF = re.compile(r"(?:repel|repuls|resist|fend|fended|withst|surviv|foil|thwart)", re.IGNORECASE)
_DETERMINERS = re.compile(r"\s+(?:(?:the|a|an|some|several|suspected|alleged)\s+)*" + _HOW_MANY, re.IGNORECASE)


def _agent_by_order(text: str, mention: ActorMention, triggers: list[tuple[int, int]]) -> bool:
    """'ambushed by IS Sahel fighters': the party right after a trigger and its 'by' did it, however the parser
    read the words ('IS' taken for a verb leaves the fighters hanging)."""
    for start, end in triggers:
        if end > mention.start or mention.start - end > 40 or _WARDING_OFF.match(text, start):
            continue  # "were repelled by the army": the army was attacked
        between = text[end : mention.start]
        joined = _DETERMINERS if text[start:end].lower().endswith(" by") else _BY_THEN
        if joined.fullmatch(between):
            return True
    return False


_INITIATING = {"attack", "ambush", "raid", "storm", "assault", "open", "fire", "shoot", "infiltrate", "provoke"}
# Answering within the same fight; who fights back or gives chase afterwards starts a fight of their own.
_RESPONDING = {"repel", "repulse", "riposte", "parry", "respond"}


def _stance(root: Token, civilian: list[tuple[int, int]], state: bool = False) -> str | None:
    """Who started the fight and who answered, where the sentence says so: the subject of 'opened fire' in a
    clause of its own ('after his group opened fire', 'terrorists who had attacked a convoy') started it; the
    subject of 'returned fire' or 'repelled' answered. `civilian`: the spans of civilian parties, whose attack
    ('soldiers killed two militants who had attacked a village') was an earlier happening, not this fight's start.
    `state`: the party is a state force, whose posts and patrols an attack 'on the post' struck."""
    while root.dep_ in ("compound", "amod") and root.head.i > root.i and root.head.tag_.startswith("NN"):
        root = root.head  # "Army units responded": the force's word modifies the noun that is the subject
    if root.lower_ in _RESPONDING_NOUNS:
        return "responder"  # "the FAMa riposte neutralised 15 assailants"
    for verb in _verbs_of(root):
        word = lemma(verb)
        if _driven_off(verb, root):
            return "initiator"  # "2 gendarmes KIA, attackers repelled": they were repelled, they attacked
        if word in _RESPONDING and not _answers_other_than_attack(verb):
            return "responder"
        if word == "return" and any(c.lower_ == "fire" for c in verb.children):
            return "responder"
        if _in_response_to_attack(verb) or (state and _during_attack_on_unit(verb)):
            # "soldiers killed 15 militants in response to an attack on their positions", "our units neutralised
            # ten terrorists during an attack on the Tassia post"
            return "responder"
        if _repels(verb):
            return "responder"  # "soldiers fought off an attack by gunmen"
        if word in _INITIATING and verb.dep_ in ("relcl", "advcl", "ccomp", "conj", "acl", "xcomp"):
            if verb.dep_ == "relcl" and _struck_civilians(verb, civilian):
                continue
            if _stranded_aim(verb):
                continue  # "National Guard patrol fired on near Sbiba": a shorthand passive, the patrol was fired on
            return "initiator"
        if word in _REPORTING and _answered_itself(verb):
            return "responder"  # "the army said it had repelled an incursion"
    return None


def _struck_civilians(verb: Token, civilian: list[tuple[int, int]]) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(start <= o.idx < end for o in objects for start, end in civilian)


def _answered_itself(reporting: Token) -> bool:
    """What the speaker reports is its own answer to an attack: 'said it had repelled', 'said it had killed 30
    terrorists after repelling an attack on its base'."""
    for clause in reporting.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in clause.children):
            continue
        # the reported verb, or a verb of answering attached to it ("after repelling", "while repulsing")
        attached = [g for c in clause.children if c.dep_ in ("advcl", "prep") for g in (c, *c.children)]
        if any(lemma(v) in _RESPONDING | _DEFENDING for v in (clause, *attached) if is_verb(v)):
            return True
        if _in_response_to_attack(clause):
            return True  # "the army said it had killed 15 militants in response to an attack on its positions"
    return False


def _in_response_to_attack(verb: Token) -> bool:
    """The verb's 'in response to an attack (on its positions)': what it does answers an attack on the doer, not
    one on others ('in response to an attack on a village': troops that come to the rescue start a fight)."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and noun.lower_ in _RESPONDING_NOUNS
        and any(_own_attack(attack) for to in noun.children if to.lower_ == "to" for attack in to.children)
        for prep in verb.children
        for noun in prep.children
    )


def _during_attack_on_unit(verb: Token) -> bool:
    """'neutralised ten terrorists during an attack on the Tassia post': what the verb's subject did happened in an
    attack on a post, a base or a patrol (the forces' own), so it answered that attack."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("during", "in")
        and attack.lower_ in _ANSWERED_ATTACKS
        and any(
            on.lower_ in ("on", "against") and any(o.dep_ == "pobj" and o.lower_ in _STRUCK_UNITS for o in on.children)
            for on in attack.children
        )
        for prep in verb.children
        for attack in prep.children
    )


def _own_attack(attack: Token) -> bool:
    """An attack noun whose target, if named, is the doer's own ('an attack on its positions', 'on our post')."""
    if attack.lower_ not in _ANSWERED_ATTACKS:
        return False
    struck = [o for p in attack.children if p.lower_ in ("on", "against") for o in p.children if o.dep_ == "pobj"]
    return all(any(c.dep_ == "poss" and c.lower_ in _PRONOUNS for c in o.children) for o in struck)


def _verbs_of(root: Token) -> list[Token]:
    """The verbs the mention is the subject of: its own relative clause ('terrorists who had attacked'), the verb
    it is the subject of, and that verb's conjuncts ('opened fire and fled')."""
    verbs = [c for c in root.children if c.dep_ == "relcl" and is_verb(c)]
    # "terrorists who were trying to attack the post", "who attempted to storm": the attempt's verb
    verbs += [x for v in verbs for x in v.children if x.dep_ == "xcomp" and is_verb(x)]
    if root.dep_ in ("nsubj", "csubj") and is_verb(root.head):
        verbs.append(root.head)
        verbs.extend(c for c in root.head.children if c.dep_ == "conj" and is_verb(c))
    return verbs


def _combine(roles: set[str]) -> str:
    if "both" in roles:
        return "both"
    if "agent" in roles and "target" in roles:
        return "agent"  # the subject of one verb is rarely the object of the next in one sentence
    for role in ("agent", "target"):
        if role in roles:
            return role
    return "other"


def _token_at(doc: Any, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ in ("prep", "punct", "cc"):
        # "terrorists of the so-called Islamic State in the Sahel", with "in the Sahel" attached above the span: the
        # phrase's noun heads it, not the preposition that also hangs from outside
        nouns = [t for t in span if t.tag_.startswith("NN") and not span.start <= t.head.i < span.end]
        if nouns:
            return nouns[0]
    if root.dep_ in ("aux", "auxpass") and _acronym(root):  # "IS Sahel fighters": the fighters head the phrase
        heads = [t for t in span if t.i != root.i and not span.start <= t.head.i < span.end]
        return heads[0] if heads else root
    return root


def _path_up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 40:
        path.append(path[-1].head)
    return path


def _role_of(root: Token, trigger: Token) -> str:
    if root.i == trigger.i:
        return "other"
    up = _path_up(root)
    if trigger in up:
        edge = up[up.index(trigger) - 1]
        below = up[: up.index(edge)]
        if edge is root and trigger.lower_ in _TOLL_CODES | {"ekia"} and root.dep_ in _AGENT_DEPS | {"nummod"}:
            return "target"  # "EN 7 KIA", "1 VDP KIA": a field report's code counts the dead of the party before it
        if edge.dep_ in ("prep", "agent") and below and below[-1].dep_ == "pobj":
            below = below[:-1]  # "an attack on a village", "ambushed by JNIM fighters": the object fills the role
        if not _head_of_phrase(below):
            return "other"  # "executed herders accused of collaborating with jihadists": the jihadists are no target
        if _struck_unit(edge, below, trigger):
            return "target"
        if _casualty_clause(edge, below):
            return "target"  # "a mortar round hit the camp, wounding two soldiers"
        return _edge_role(edge, trigger, up)
    trig_up = _path_up(trigger)
    if root in trig_up:
        child = trig_up[trig_up.index(root) - 1]
        if child.dep_ in ("acl", "relcl"):
            return "target" if child.tag_ == "VBN" and not _participle_has_object(root, child) else "agent"
        if child is trigger and child.dep_ in ("appos", "npadvmod", "dobj") and trigger.lower_ in _TOLL_CODES:
            return "target"  # "; 1 gendarme KIA": a field report's code after the noun counts the force's own dead
        return "other"
    if _unit_struck_by_reduced_relative(root, trigger):
        return "target"
    return _shared_role(up, trig_up, root, trigger)


def _stranded_aim(verb: Token) -> bool:
    """'fired on near Sbiba', 'shot at': the verb has no object and its aiming preposition none either, as when a
    report's shorthand drops a passive's auxiliary; the subject is what was aimed at."""
    if _has_object(verb) or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    aimed = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "at", "upon")]
    return bool(aimed) and not any(g.dep_ == "pobj" for c in aimed for g in c.children)


def _unit_struck_by_reduced_relative(root: Token, trigger: Token) -> bool:
    """'Garde nationale patrol fired on near Kasserine': the parser hangs the shorthand's striking verb on the unit
    as a reduced relative, and the force's words modify the unit. With no object, nor a place it was aimed at, the
    verb says the unit was struck, and the force with it."""
    unit = root
    while unit.dep_ in _UNIT_PARTS and unit.head.i != unit.i and unit.lower_ not in _STRUCK_UNITS:
        unit = unit.head
    if unit is root or unit.lower_ not in _STRUCK_UNITS or trigger.head.i != unit.i or trigger.dep_ != "acl":
        return False
    if lemma(trigger) not in _STRIKING or _has_object(trigger):
        return False
    aimed = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon")]
    return not any(g.dep_ == "pobj" for c in aimed for g in c.children)


def _participle_has_object(noun: Token, participle: Token) -> bool:
    """'Moroccan gendarmes placed in custody three men': a past form the parser hung on the noun as a reduced relative
    (the gendarmes placed) that is followed by its own object (a direct object, or a noun phrase the parser made the
    noun's appositive without a comma) is the noun's past tense: the noun did it. 'Soldiers killed in the attack,
    three conscripts,' sets its appositive off with a comma and stays passive."""
    if any(c.dep_ == "dobj" for c in participle.children):
        return True
    after = participle.right_edge.i
    return any(
        c.dep_ == "appos" and c.left_edge.i == after + 1 and c.doc[after].dep_ != "punct" and not _bearing(c)
        for c in noun.children
    )


_PHRASE_DEPS = {"conj", "appos", "compound", "nmod", "amod", "nummod", "cc", "det", "poss", "quantmod", "npadvmod"}


def _struck_unit(edge: Token, below: list[Token], trigger: Token) -> bool:
    """'Army position at Inates shelled overnight', 'National Guard patrol fired on near Sbiba': a report's shorthand
    drops the auxiliary, and the parser makes the unit the subject of a striking verb that has no object. The force
    whose word modifies that unit was struck (not 'the army patrol attacked the village', nor 'gunmen attacked')."""
    if edge.dep_ != "nsubj" or not below or below[-1].dep_ not in _UNIT_PARTS or edge.lower_ not in _STRUCK_UNITS:
        return False
    if lemma(trigger) not in _STRIKING or _has_object(trigger) or any(c.dep_ == "aux" for c in trigger.children):
        return False
    aimed = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon")]
    return not any(g.dep_ == "pobj" for c in aimed for g in c.children)  # "fired on a village": it fired


def _head_of_phrase(below_edge: list[Token]) -> bool:
    """The mention heads the phrase that fills the role, or is one of its conjuncts or 'of' complements."""
    for node in below_edge:
        if node.dep_ in _PHRASE_DEPS:
            continue
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "between", "among", "including"):
            continue
        if node.dep_ == "prep" and node.lower_ in ("of", "between", "among", "including"):
            continue
        return False
    return True


def _edge_role(edge: Token, trigger: Token, path: list[Token]) -> str:
    dep = edge.dep_
    if dep in ("nsubj", "csubj") or (dep == "prep" and _date_glued(edge, path[0])):
        return _subject_role(trigger, edge)
    if dep == "dobj" and lemma(trigger) == "lose":
        return "other"  # the men the army lost are the army's own
    if lemma(trigger) in _DEFENDING and (dep == "nsubjpass" or (dep in ("prep", "agent") and edge.lower_ == "by")):
        return "agent" if dep == "nsubjpass" else "target"  # "IS Sahel fighters were repelled by the army"
    if dep == "prep":
        word = edge.lower_
        if _blamed_on(trigger, word):
            return "agent"  # "the army blamed the attack on jihadists"
        if word == "by" or (word == "from" and _undergoes(trigger)):
            return "agent"  # "came under fire from gunmen"
        if word == "between" or word == "among":
            return "both"
        if word == "at":
            # "fired at a convoy", "opened fire at", not "shot dead by soldiers at a checkpoint"
            aimed = lemma(trigger) in _AIMING and 0 < edge.i - trigger.i <= 2
            return "target" if aimed else "other"
        if word in _TARGET_PREPS:
            return "target"
        if word in ("with", "alongside"):
            if not trigger.lower_.startswith(("clash", "fight", "battl", "skirmish", "exchang")):
                return "other"
            return "target" if _fight_before_subjects_deed(trigger) else "both"
        return "other"
    if dep in _AGENT_DEPS:
        return "target" if trigger.lower_ in _VICTIM_NOUNS else "agent"  # "civilian deaths", "the soldiers' bodies"
    if dep == "nsubjpass" and _moved(trigger):
        return "agent"
    if dep in _TARGET_DEPS:
        return "target"
    if any(t.lower_ in _CLAIM_WORDS for t in path[: path.index(edge) + 1]) and any(t.lower_ == "by" for t in path):
        return "agent"
    return "other"


_SEQUENCE_PREPS = {"after", "following", "before", "during", "amid"}


def _fight_before_subjects_deed(fight: Token) -> bool:
    """'Militants seized control of Léré after fighting with the army': the fight is an adjunct of a verb whose
    subject did the deed, so who it was fought with is that subject's opponent (the target), not a side that
    initiated anything."""
    prep = fight.head if fight.dep_ in ("pcomp", "pobj") else None
    if prep is None or prep.lower_ not in _SEQUENCE_PREPS or prep.dep_ != "prep":
        return False
    verb = prep.head
    return is_verb(verb) and any(c.dep_ == "nsubj" for c in verb.children)


def _announced_own(trigger: Token, t_edge: Token) -> bool:
    """The speaker's own doing, named as the object of its announcement ('announced the withdrawal of its troops',
    'announced the closure of the border'): a noun the speaker announces that says nobody else did it (no 'by')."""
    return (
        t_edge is trigger
        and trigger.dep_ == "dobj"
        and not is_verb(trigger)
        and trigger.lower_ not in _VICTIM_NOUNS  # "the army confirmed the death of four soldiers": its losses
        and lemma(trigger.head) in _ANNOUNCING
        and not any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in trigger.children)
    )


_ANNOUNCING = {"announce", "declare"}


def _subject_role(trigger: Token, subject: Token | None = None) -> str:
    intransitive = trigger.lower_ in _DEATH_WORDS and not _has_object(trigger)
    # "the army repelled an attack": the army was attacked; "attackers repelled" (a shorthand passive): they attacked
    defended = lemma(trigger) in _DEFENDING and not (subject is not None and _driven_off(trigger, subject))
    lost = lemma(trigger) == "lose"  # "the army lost four men": the army was hit
    # "patrol ambushed 8 km E of post": a report's shorthand drops the auxiliary; one ambushes someone
    ambushed = lemma(trigger) == "ambush" and not _has_object(trigger)
    shorthand = any(_by_party(c) for c in trigger.children)
    undergone = _passive(trigger) or intransitive or defended or lost or ambushed or shorthand or _undergoes(trigger)
    return "target" if undergone else "agent"


def _by_party(child: Token) -> bool:
    """'FDS patrol ambushed 10 km N of post by armed men': shorthand drops the auxiliary, its 'by' agent remains. A
    plural or a name after 'by' is who did it; 'by night', 'by surprise', 'by car' say how."""
    if child.lower_ != "by" or child.dep_ not in ("agent", "prep"):
        return False
    return child.dep_ == "agent" or any(c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS", "NNP") for c in child.children)


def _date_glued(edge: Token, root: Token) -> bool:
    """'announces that on Monday army units clashed with ...': the parser hung the subject under the date's 'on';
    a party right after the date, before the verb, is the verb's subject, not what it was done on."""
    if edge.lower_ not in ("on", "in") or root.ent_type_ == "DATE" or not edge.i < root.i < edge.head.i:
        return False
    between = edge.doc[edge.i + 1 : root.i]
    return len(between) > 0 and between[0].ent_type_ == "DATE" and between[0].lower_ not in ("the", "a")


def _shared_role(up: list[Token], trig_up: list[Token], root: Token, trigger: Token) -> str:
    """Parties and trigger under a common head: the head's subject initiates what its clauses do."""
    common = next((t for t in up if t in trig_up), None)
    if common is None:
        if trigger.lower_ in _DEATH_WORDS | _TOLL_CODES:
            return "other"  # "Gendarmerie post attacked ...; 3 gendarmes KIA": a toll of its own says who died, not who
        return "agent" if root.i < trigger.i else "target"
    r_edge = up[up.index(common) - 1] if up.index(common) > 0 else root
    t_edge = trig_up[trig_up.index(common) - 1] if trig_up.index(common) > 0 else trigger
    if _casualty_clause(r_edge, up[: up.index(r_edge)]):
        return "target"  # "a mortar round hit the camp, wounding two soldiers"
    if r_edge.dep_ == "prep" and _blamed_on(t_edge, r_edge.lower_):
        return "agent"  # "the army attributed the ambush to IS Sahel", the parser hanging 'to' on the verb
    if r_edge.dep_ == "dobj" and lemma(common) in _ACCUSING and t_edge.dep_ != "dobj":
        return "agent"  # "2 bodies found; local sources blame armed bandits", "residents accused soldiers of"
    if r_edge.dep_ in _MODIFIER_DEPS and t_edge is trigger and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return "target"  # "FAMa post at Hombori attacked by armed men": the participle struck the force's post
    if r_edge.dep_ in ("nsubj", "csubj"):
        below = up[: up.index(r_edge)]
        if not _head_of_phrase(below[:-1] if below and below[-1].dep_ == "pobj" else below):
            return "other"  # "the attack in Mali left 12 soldiers dead": Mali only says where
        if lemma(common) in _REPORTING and is_verb(common):
            # Who says it is not who did it ("the army said militants attacked"), unless they speak of themselves
            # ("the rebels said they had killed", "Algeria said it closed its border").
            chain = trig_up[: trig_up.index(common)]
            if _announced_own(trigger, t_edge):
                return "agent"  # "France announced the withdrawal of its troops", "the army announced the arrest of"
            if not is_verb(trigger) or not _pronoun_subject(chain):
                return "other"
            # "said it had repelled an attack", "said it had lost five soldiers in an attack": it was attacked
            suffered = any(lemma(t) in _DEFENDING | _SUFFERING | {"lose"} or _undergoes(t) for t in chain)
            return "target" if suffered else "agent"
        if lemma(common) in _REACTING or (lemma(common) in _BLAMING and t_edge.dep_ == "dobj"):
            # "the ministry mourns two guardsmen who fell when ...", "the army blamed the attack on jihadists"
            return "other"
        if lemma(common) in _AFTERMATH and common is not trigger:
            return "other"  # "troops arrived after gunmen killed five villagers": they came after it
        if any(t.lower_ == "under" for t in trig_up[: trig_up.index(common)]):
            return "target"  # "the post came under attack"
        if lemma(common) == "be" and any(t.lower_ in _TARGET_NOUNS for t in trig_up[: trig_up.index(common)]):
            return "target"  # "the post was the target of an attack by armed men", "were the victims of"
        if _answers_attack(common, trig_up[: trig_up.index(common)]):
            return "target"  # "army units responded to an attack by terrorists", "soldiers fought off an attack"
        if lemma(common) in _DEFENDING | _SUFFERING or lemma(common) == "lose" or _undergoes(common):
            # "troops repelled an attack by ...", "the army lost four men in an ambush", "suffered an ambush"
            return "target"
        intransitive = common.lower_ in _DEATH_WORDS and not _has_object(common)
        shorthand = any(_by_party(c) for c in common.children)  # "patrol attacked 5 km E of X by JNIM fighters"
        return "target" if _passive(common) or intransitive or shorthand else "agent"
    if r_edge.dep_ == "prep" and r_edge.lower_ in ("between", "among") and t_edge.dep_ == "nsubj":
        # "fighting broke out between rival militias", "clashes erupted between X and Y" (not "in Zawiya, Libya")
        below = up[: up.index(r_edge)]
        return "both" if _head_of_phrase(below[:-1] if below and below[-1].dep_ == "pobj" else below) else "other"
    if r_edge.dep_ == "nsubjpass":
        return "agent" if _moved(common) else "target"
    if r_edge.dep_ == "agent":
        return "target" if _repels(common) else "agent"  # "the attackers were repelled by the army": it was attacked
    if r_edge.dep_ == "dobj" and t_edge.dep_ == "nsubj" and not is_verb(trigger):
        return "target"  # "the attack left 12 soldiers dead", "the blast wounded two guards"
    if _complementizer_as_determiner(common, r_edge, t_edge) and t_edge is trigger:
        return _subject_role(trigger)
    if r_edge.dep_ == "dobj" and t_edge.dep_ in ("advcl", "xcomp", "conj", "acl") and common.i < trigger.i:
        return "target" if t_edge.dep_ == "conj" else "other"
    return "other"


def _complementizer_as_determiner(common: Token, r_edge: Token, t_edge: Token) -> bool:
    """'The ministry announces that army units ... clashed with': the parser took 'that' for the units' determiner,
    made the units what is announced and left the verb after them without a subject. The units are its subject."""
    return (
        lemma(common) in _REPORTING
        and r_edge.dep_ == "dobj"
        and any(c.dep_ == "det" and c.lower_ == "that" and c.i < r_edge.i for c in r_edge.children)
        and is_verb(t_edge)
        and t_edge.dep_ in ("advcl", "ccomp", "conj")
        and r_edge.i < t_edge.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t_edge.children)
    )


_TOLL_CODES = {"kia", "wia", "mia"}  # field reports' killed, wounded and missing in action
_REACTING = {"mourn", "condemn", "denounce", "deplore", "salute", "honour", "honor", "bury", "commemorate", "lament",
             "regret", "hail", "praise", "welcome"}  # fmt: skip
_DEFENDING = {"repel", "repulse", "resist", "survive", "fend", "withstand"}
_SUFFERING = {"suffer", "sustain", "undergo", "endure"}  # "the army suffered an ambush", "... heavy losses when"
_PRONOUNS = {"it", "they", "we", "its", "their", "our"}


def _pronoun_subject(chain: list[Token]) -> bool:
    for node in chain:
        if is_verb(node):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "poss")]
            if subjects:
                return any(c.lower_ in _PRONOUNS for c in subjects)
    return False


def _undergoes(verb: Token) -> bool:
    """'The patrol came under attack', 'ran into an ambush', 'took fire from armed men': its subject is the target."""
    word = lemma(verb)
    if word == "come":
        return any(c.lower_ == "under" for c in verb.children)
    if word in _RECEIVING:
        return any(c.dep_ == "dobj" and c.lower_ in _RECEIVED_FIRE for c in verb.children)
    return word in _INTO_VERBS and any(c.lower_ == "into" for c in verb.children)


def _driven_off(verb: Token, subject: Token) -> bool:
    """'attackers repelled after 1 hr': a report's shorthand drops the auxiliary of a passive, and the parser makes
    who was driven off the subject of a verb that, active, always has an object. No object and no auxiliary: the
    subject was repelled. Only the subject right before the verb: in '1 soldier WIA, assailants repulsed' the parser
    makes the wounded soldier a subject too."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    return (
        bool(subjects)
        and subjects[-1].i == subject.i
        and lemma(verb) in _ONLY_TRANSITIVE_REPELLING
        and verb.tag_ in ("VBN", "VBD")
        and not _has_object(verb)
        and not any(c.dep_ in ("aux", "auxpass", "prt") for c in verb.children)
    )


_ONLY_TRANSITIVE_REPELLING = {"repel", "repulse"}


def _repels(verb: Token) -> bool:
    """'repelled', 'fought off', 'beat back': the verb's subject (or its passive 'by' agent) was attacked."""
    if lemma(verb) in _DEFENDING:
        return True
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(f"{lemma(verb)} {p}" in _REPELLING_PHRASALS for p in particles)


def _answers_other_than_attack(verb: Token) -> bool:
    """'responded to reports of cattle theft': what the verb answers after 'to' is no attack."""
    answered = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return bool(answered) and not any(g.lower_ in _ANSWERED_ATTACKS for g in answered)


def _answers_attack(verb: Token, chain: list[Token]) -> bool:
    """The verb answers the attack the trigger names: 'fought off an attack', 'responded to an attack' (the trigger
    hangs under its 'to'), not 'responded by killing five bandits'."""
    if _repels(verb):
        return True
    return lemma(verb) in _ANSWERING and any(t.dep_ == "prep" and t.lower_ == "to" for t in chain)


_ANSWERING = frozenset(load_data("roles.json")["answering_verbs"])
_RESPONDING_NOUNS = frozenset(load_data("roles.json")["responding_nouns"])
_ANSWERED_ATTACKS = frozenset(load_data("roles.json")["answered_attacks"])
_REPELLING_PHRASALS = frozenset(load_data("roles.json")["repelling_phrasals"])
_INTO_VERBS = {"run", "fall", "drive", "walk", "stumble", "stray"}
_TARGET_NOUNS = {"target", "targets", "victim", "victims", "object"}


def _has_object(verb: Token) -> bool:
    """The verb has a direct object, or shares one with the verb it is joined to ('arrested and flogged two men')."""
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and is_verb(c)]
    return any(
        (c.dep_ == "dobj" and not _bearing(c)) or _misparsed_object(v, c)
        for v in (verb, *conjuncts)
        for c in v.children
    )


_COMPASS = {"n", "s", "e", "w", "ne", "nw", "se", "sw", "nne", "ene", "ese", "sse", "ssw", "wsw", "wnw", "nnw",
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "km", "kms"}  # fmt: skip


def _bearing(noun: Token) -> bool:
    """'ambushed 12 km NW of Ouallam': a field report's distance and bearing the parser took for the object says
    where it happened, not whom it struck."""
    return noun.lower_ in _COMPASS and any(t.like_num for t in noun.subtree)


def _misparsed_object(verb: Token, child: Token) -> bool:
    """A plural noun after the verb that the parser hung on it as a bare adverbial: its object, cut off by an
    aside ('arrested, in coordination with the border guards, four smugglers'); not a day ('arrested Sunday')."""
    return (
        child.dep_ == "npadvmod"
        and child.i > verb.i
        and child.tag_ in ("NNS", "NNPS")
        and child.ent_type_ not in ("DATE", "TIME")
        # "3 smugglers detained, 12 migrants handed to the Red Crescent": a shorthand's next clause, with its own verb
        and not any(c.dep_ == "acl" and c.tag_ == "VBN" for c in child.children)
    )


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") and not _acronym(c) for c in verb.children)


def _acronym(token: Token) -> bool:
    """'IS Sahel fighters attacked': the parser reads the acronym before a name as the auxiliary 'is'."""
    following = token.i + 1 < len(token.doc) and token.nbor(1).tag_ == "NNP"
    return token.text.isupper() and len(token.text) > 1 and following


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
    trigger_tokens = [t for t in (_token_at(doc, s, e) for s, e in triggers) if t is not None]
    cues: set[str] = set()
    for rx, cue in ((registry.state_targets, "target_state"), (registry.civilian_targets, "target_civilian")):
        for m in rx.finditer(folded):
            root = _token_at(doc, m.start(), m.end())
            if root is not None and any(_role_of(root, t) in ("target", "both") for t in trigger_tokens):
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


register_bases(
    _DEFENDING
    | _SUFFERING
    | _REPORTING
    | _AIMING
    | _INITIATING
    | _RESPONDING
    | _REACTING
    | _INTO_VERBS
    | _MOVEMENT
    | _AFTERMATH
    | _DEATH_LEMMAS
    | _BLAMING
    | {"come", "lose"}
)
