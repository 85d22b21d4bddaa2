"""The role of a party relative to one trigger word, read from the dependency path between them.

The subject of an active trigger verb, its "by" agent, the possessor or modifier of a trigger noun ("JNIM's
attack", "a JNIM attack") initiate; objects, passive subjects, the victims of "killing" and the objects of
"on/against" are targets; a party and a trigger under a common head take the role the head's verb gives.
"""

from __future__ import annotations

from ._lex import is_verb, lemma
from ._parse_tree import Token, bearing, has_object, head_of_phrase, passive, path_up
from ._role_words import (
    ACCUSING_VERBS,
    AFTERMATH_VERBS,
    AIMING_VERBS,
    ANNOUNCING_VERBS,
    BLAMING_VERBS,
    CLAIM_WORDS,
    DEATH_WORDS,
    DEFENDING_VERBS,
    PRONOUNS,
    REACTING_VERBS,
    REPORTING_VERBS,
    SEQUENCE_PREPS,
    STRIKING_VERBS,
    STRUCK_UNITS,
    SUFFERING_VERBS,
    TARGET_NOUNS,
    TARGET_PREPS,
    TOLL_CODES,
    VICTIM_NOUNS,
)
from ._verb_senses import (
    aimed_at_something,
    answers_attack,
    blamed_on,
    by_party,
    casualty_clause,
    driven_off,
    moved,
    repels,
    undergoes,
)

__all__ = ["role_of"]


_TARGET_DEPS = {"dobj", "nsubjpass", "attr", "dative", "oprd", "pobj", "npadvmod"}


_AGENT_DEPS = {"poss", "compound", "nmod", "amod", "agent"}


_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}


_UNIT_PARTS = _MODIFIER_DEPS | {"appos"}  # "National Guard patrol ...; 1 guardsman KIA": the dead hung on it


def role_of(root: Token, trigger: Token) -> str:
    if root.i == trigger.i:
        return "other"
    up = path_up(root)
    if trigger in up:
        edge = up[up.index(trigger) - 1]
        below = up[: up.index(edge)]
        if edge is root and trigger.lower_ in TOLL_CODES | {"ekia"} and root.dep_ in _AGENT_DEPS | {"nummod"}:
            return "target"  # "EN 7 KIA", "1 VDP KIA": a field report's code counts the dead of the party before it
        if edge.dep_ in ("prep", "agent") and below and below[-1].dep_ == "pobj":
            below = below[:-1]  # "an attack on a village", "ambushed by JNIM fighters": the object fills the role
        if (
            edge.lower_ == "under"
            and len(below) > 1
            and below[-1].dep_ == "prep"
            and below[-1].lower_ in ("from", "by")
        ):
            # "came under attack from JNIM fighters": the trigger phrase holds the attack, whose 'from' names who
            return "agent" if head_of_phrase(below[:-2]) else "other"
        if not head_of_phrase(below):
            return "other"  # "executed herders accused of collaborating with jihadists": the jihadists are no target
        if _struck_unit(edge, below, trigger):
            return "target"
        if casualty_clause(edge, below):
            return "target"  # "a mortar round hit the camp, wounding two soldiers"
        return _edge_role(edge, trigger, up)
    trig_up = path_up(trigger)
    if root in trig_up:
        child = trig_up[trig_up.index(root) - 1]
        if child.dep_ in ("acl", "relcl"):
            return "target" if child.tag_ == "VBN" and not _participle_has_object(root, child) else "agent"
        if child is trigger and child.dep_ in ("appos", "npadvmod", "dobj") and trigger.lower_ in TOLL_CODES:
            return "target"  # "; 1 gendarme KIA": a field report's code after the noun counts the force's own dead
        return "other"
    if _unit_struck_by_reduced_relative(root, trigger):
        return "target"
    return _shared_role(up, trig_up, root, trigger)


def _unit_struck_by_reduced_relative(root: Token, trigger: Token) -> bool:
    """'Garde nationale patrol fired on near Kasserine': the parser hangs the shorthand's striking verb on the unit
    as a reduced relative, and the force's words modify the unit. With no object, nor a place it was aimed at, the
    verb says the unit was struck, and the force with it."""
    unit = root
    while unit.dep_ in _UNIT_PARTS and unit.head.i != unit.i and unit.lower_ not in STRUCK_UNITS:
        unit = unit.head
    if unit is root or unit.lower_ not in STRUCK_UNITS or trigger.head.i != unit.i or trigger.dep_ != "acl":
        return False
    if lemma(trigger) not in STRIKING_VERBS or has_object(trigger):
        return False
    return not aimed_at_something(trigger)


def _participle_has_object(noun: Token, participle: Token) -> bool:
    """'Moroccan gendarmes placed in custody three men': a past form the parser hung on the noun as a reduced relative
    (the gendarmes placed) that is followed by its own object (a direct object, or a noun phrase the parser made the
    noun's appositive without a comma) is the noun's past tense: the noun did it. 'Soldiers killed in the attack,
    three conscripts,' sets its appositive off with a comma and stays passive."""
    if any(c.dep_ == "dobj" for c in participle.children):
        return True
    after = participle.right_edge.i
    return any(
        c.dep_ == "appos" and c.left_edge.i == after + 1 and c.doc[after].dep_ != "punct" and not bearing(c)
        for c in noun.children
    )


def _struck_unit(edge: Token, below: list[Token], trigger: Token) -> bool:
    """'Army position at Inates shelled overnight', 'National Guard patrol fired on near Sbiba': a report's shorthand
    drops the auxiliary, and the parser makes the unit the subject of a striking verb that has no object. The force
    whose word modifies that unit was struck (not 'the army patrol attacked the village', nor 'gunmen attacked')."""
    if edge.dep_ != "nsubj" or not below or below[-1].dep_ not in _UNIT_PARTS or edge.lower_ not in STRUCK_UNITS:
        return False
    if lemma(trigger) not in STRIKING_VERBS or has_object(trigger) or any(c.dep_ == "aux" for c in trigger.children):
        return False
    return not aimed_at_something(trigger)  # "fired on a village": it fired


def _edge_role(edge: Token, trigger: Token, path: list[Token]) -> str:
    dep = edge.dep_
    if dep in ("nsubj", "csubj") or (dep == "prep" and _date_glued(edge, path[0])):
        return _subject_role(trigger, edge)
    if dep == "dobj" and lemma(trigger) == "lose":
        return "other"  # the men the army lost are the army's own
    if lemma(trigger) in DEFENDING_VERBS and (dep == "nsubjpass" or (dep in ("prep", "agent") and edge.lower_ == "by")):
        return "agent" if dep == "nsubjpass" else "target"  # "IS Sahel fighters were repelled by the army"
    if dep == "prep":
        word = edge.lower_
        if blamed_on(trigger, edge):
            return "agent"  # "the army blamed the attack on jihadists"
        if word == "by" or (word == "from" and undergoes(trigger)):
            return "agent"  # "came under fire from gunmen"
        if word == "between" or word == "among":
            return "both"
        if word == "at":
            # "fired at a convoy", "opened fire at", not "shot dead by soldiers at a checkpoint"
            aimed = lemma(trigger) in AIMING_VERBS and 0 < edge.i - trigger.i <= 2
            return "target" if aimed else "other"
        if word in TARGET_PREPS:
            return "target"
        if word in ("with", "alongside"):
            if not trigger.lower_.startswith(("clash", "fight", "battl", "skirmish", "exchang")):
                return "other"
            return "target" if _fight_before_subjects_deed(trigger) else "both"
        return "other"
    if dep in _AGENT_DEPS:
        return "target" if trigger.lower_ in VICTIM_NOUNS else "agent"  # "civilian deaths", "the soldiers' bodies"
    if dep == "nsubjpass" and moved(trigger):
        return "agent"
    if dep in _TARGET_DEPS:
        return "target"
    if any(t.lower_ in CLAIM_WORDS for t in path[: path.index(edge) + 1]) and any(t.lower_ == "by" for t in path):
        return "agent"
    return "other"


def _fight_before_subjects_deed(fight: Token) -> bool:
    """'Militants seized control of Léré after fighting with the army': the fight is an adjunct of a verb whose
    subject did the deed, so who it was fought with is that subject's opponent (the target), not a side that
    initiated anything."""
    prep = fight.head if fight.dep_ in ("pcomp", "pobj") else None
    if prep is None or prep.lower_ not in SEQUENCE_PREPS or prep.dep_ != "prep":
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
        and trigger.lower_ not in VICTIM_NOUNS  # "the army confirmed the death of four soldiers": its losses
        and lemma(trigger.head) in ANNOUNCING_VERBS
        and not any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in trigger.children)
    )


def _subject_role(trigger: Token, subject: Token | None = None) -> str:
    intransitive = trigger.lower_ in DEATH_WORDS and not has_object(trigger)
    # "the army repelled an attack": the army was attacked; "attackers repelled" (a shorthand passive): they attacked
    defended = lemma(trigger) in DEFENDING_VERBS and not (subject is not None and driven_off(trigger, subject))
    lost = lemma(trigger) == "lose"  # "the army lost four men": the army was hit
    # "patrol ambushed 8 km E of post": a report's shorthand drops the auxiliary; one ambushes someone
    ambushed = lemma(trigger) == "ambush" and not has_object(trigger)
    shorthand = any(by_party(c) for c in trigger.children)
    undergone = passive(trigger) or intransitive or defended or lost or ambushed or shorthand or undergoes(trigger)
    return "target" if undergone else "agent"


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
        if trigger.lower_ in DEATH_WORDS | TOLL_CODES:
            return "other"  # "Gendarmerie post attacked ...; 3 gendarmes KIA": a toll of its own says who died, not who
        return "agent" if root.i < trigger.i else "target"
    r_edge = up[up.index(common) - 1] if up.index(common) > 0 else root
    t_edge = trig_up[trig_up.index(common) - 1] if trig_up.index(common) > 0 else trigger
    if casualty_clause(r_edge, up[: up.index(r_edge)]):
        return "target"  # "a mortar round hit the camp, wounding two soldiers"
    if _pronoun_stands_for(r_edge, t_edge, trigger):
        # "five militants were killed when they attacked a post": "they" are the militants, the attack's doers
        return _subject_role(trigger)
    if r_edge.dep_ == "prep" and blamed_on(t_edge, r_edge):
        return "agent"  # "the army attributed the ambush to IS Sahel", the parser hanging 'to' on the verb
    if r_edge.dep_ == "dobj" and lemma(common) in ACCUSING_VERBS and t_edge.dep_ != "dobj":
        return "agent"  # "2 bodies found; local sources blame armed bandits", "residents accused soldiers of"
    if r_edge.dep_ in _MODIFIER_DEPS and t_edge is trigger and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return "target"  # "FAMa post at Hombori attacked by armed men": the participle struck the force's post
    if r_edge.dep_ in ("nsubj", "csubj"):
        below = up[: up.index(r_edge)]
        if not head_of_phrase(below[:-1] if below and below[-1].dep_ == "pobj" else below):
            return "other"  # "the attack in Mali left 12 soldiers dead": Mali only says where
        if lemma(common) in REPORTING_VERBS and is_verb(common):
            # Who says it is not who did it ("the army said militants attacked"), unless they speak of themselves
            # ("the rebels said they had killed", "Algeria said it closed its border").
            chain = trig_up[: trig_up.index(common)]
            if _announced_own(trigger, t_edge):
                return "agent"  # "France announced the withdrawal of its troops", "the army announced the arrest of"
            if not is_verb(trigger) or not _pronoun_subject(chain):
                return "other"
            # "said it had repelled an attack", "said it had lost five soldiers in an attack": it was attacked
            suffered = any(lemma(t) in DEFENDING_VERBS | SUFFERING_VERBS | {"lose"} or undergoes(t) for t in chain)
            return "target" if suffered else "agent"
        if lemma(common) in REACTING_VERBS or (lemma(common) in BLAMING_VERBS and t_edge.dep_ == "dobj"):
            # "the ministry mourns two guardsmen who fell when ...", "the army blamed the attack on jihadists"
            return "other"
        if lemma(common) in BLAMING_VERBS | ACCUSING_VERBS and t_edge.dep_ == "prep" and t_edge.lower_ in ("for", "of"):
            return "other"  # "authorities blamed Boko Haram for the raid", "accused the rebels of the killings"
        if lemma(common) in AFTERMATH_VERBS and common is not trigger:
            return "other"  # "troops arrived after gunmen killed five villagers": they came after it
        if any(t.lower_ == "under" for t in trig_up[: trig_up.index(common)]):
            return "target"  # "the post came under attack"
        if lemma(common) == "be" and any(t.lower_ in TARGET_NOUNS for t in trig_up[: trig_up.index(common)]):
            return "target"  # "the post was the target of an attack by armed men", "were the victims of"
        if answers_attack(common, trig_up[: trig_up.index(common)]):
            return "target"  # "army units responded to an attack by terrorists", "soldiers fought off an attack"
        if lemma(common) in DEFENDING_VERBS | SUFFERING_VERBS or lemma(common) == "lose" or undergoes(common):
            # "troops repelled an attack by ...", "the army lost four men in an ambush", "suffered an ambush"
            return "target"
        intransitive = common.lower_ in DEATH_WORDS and not has_object(common)
        shorthand = any(by_party(c) for c in common.children)  # "patrol attacked 5 km E of X by JNIM fighters"
        return "target" if passive(common) or intransitive or shorthand else "agent"
    if r_edge.dep_ == "prep" and r_edge.lower_ in ("between", "among") and t_edge.dep_ == "nsubj":
        # "fighting broke out between rival militias", "clashes erupted between X and Y" (not "in Zawiya, Libya")
        below = up[: up.index(r_edge)]
        return "both" if head_of_phrase(below[:-1] if below and below[-1].dep_ == "pobj" else below) else "other"
    if r_edge.dep_ == "nsubjpass":
        return "agent" if moved(common) else "target"
    if r_edge.dep_ == "agent":
        return "target" if repels(common) else "agent"  # "the attackers were repelled by the army": it was attacked
    if r_edge.dep_ == "dobj" and t_edge.dep_ == "nsubj" and not is_verb(trigger):
        return "target"  # "the attack left 12 soldiers dead", "the blast wounded two guards"
    if _complementizer_as_determiner(common, r_edge, t_edge) and t_edge is trigger:
        return _subject_role(trigger)
    if r_edge.dep_ == "dobj" and t_edge.dep_ in ("advcl", "xcomp", "conj", "acl") and common.i < trigger.i:
        return "target" if t_edge.dep_ == "conj" else "other"
    return "other"


_COREFERRING = {"they", "he", "she"}  # a person's pronoun: "it" is as often the army that speaks of itself


def _pronoun_stands_for(r_edge: Token, t_edge: Token, trigger: Token) -> bool:
    """The party is the subject of a clause whose adverbial or conjoined clause is the trigger verb, with a personal
    pronoun for subject ('five militants were killed when they attacked the post', 'three soldiers died as they
    repelled the assault'): the pronoun is the party, and it does what that verb says."""
    if r_edge.dep_ not in ("nsubj", "nsubjpass") or t_edge.dep_ not in ("advcl", "conj") or not is_verb(t_edge):
        return False
    node = trigger  # "as they tried to storm the post": the pronoun's verb, or one it governs by "to"
    while node is not t_edge and node.dep_ == "xcomp":
        node = node.head
    if node is not t_edge or not is_verb(trigger) or r_edge.i > trigger.i:
        return False
    if r_edge.dep_ == "nsubj" and has_object(r_edge.head):
        return False  # "soldiers killed five jihadists after they attacked the market": "they" may be either
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _COREFERRING for c in t_edge.children)


def _complementizer_as_determiner(common: Token, r_edge: Token, t_edge: Token) -> bool:
    """'The ministry announces that army units ... clashed with': the parser took 'that' for the units' determiner,
    made the units what is announced and left the verb after them without a subject. The units are its subject."""
    return (
        lemma(common) in REPORTING_VERBS
        and r_edge.dep_ == "dobj"
        and any(c.dep_ == "det" and c.lower_ == "that" and c.i < r_edge.i for c in r_edge.children)
        and is_verb(t_edge)
        and t_edge.dep_ in ("advcl", "ccomp", "conj")
        and r_edge.i < t_edge.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t_edge.children)
    )


def _pronoun_subject(chain: list[Token]) -> bool:
    for node in chain:
        if is_verb(node):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "poss")]
            if subjects:
                return any(c.lower_ in PRONOUNS for c in subjects)
    return False
