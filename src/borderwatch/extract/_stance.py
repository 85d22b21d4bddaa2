"""Who started a fight and who answered, where a party's own verbs say so ('terrorists who had attacked a
convoy', 'the officers, who returned fire', 'the army said it had repelled an incursion')."""

from __future__ import annotations

from ._lex import is_verb, lemma
from ._parse_tree import Token, has_object
from ._role_words import (
    ANSWERED_ATTACKS,
    DEFENDING_VERBS,
    INITIATING_VERBS,
    PRONOUNS,
    REPORTING_VERBS,
    RESPONDING_NOUNS,
    RESPONDING_VERBS,
    STRIKING_VERBS,
    STRUCK_UNITS,
)
from ._verb_senses import aimed_at_something, driven_off, repels

__all__ = ["stance_of"]

_FOILING = {"foil", "thwart"}


def stance_of(root: Token, civilian: list[tuple[int, int]], state: bool = False) -> str | None:
    """Who started the fight and who answered, where the sentence says so: the subject of 'opened fire' in a
    clause of its own ('after his group opened fire', 'terrorists who had attacked a convoy') started it; the
    subject of 'returned fire' or 'repelled' answered. `civilian`: the spans of civilian parties, whose attack
    ('soldiers killed two militants who had attacked a village') was an earlier happening, not this fight's start.
    `state`: the party is a state force, whose posts and patrols an attack 'on the post' struck."""
    words_end = root  # the party's own last word, before the climb to the noun it modifies
    while root.dep_ in ("compound", "amod") and root.head.i > root.i and root.head.tag_.startswith("NN"):
        root = root.head  # "Army units responded": the force's word modifies the noun that is the subject
    if root.lower_ in RESPONDING_NOUNS:
        return "responder"  # "the FAMa riposte neutralised 15 assailants"
    for verb in _verbs_of(root):
        word = lemma(verb)
        if driven_off(verb, root):
            return "initiator"  # "2 gendarmes KIA, attackers repelled": they were repelled, they attacked
        if word in RESPONDING_VERBS and not _answers_other_than_attack(verb):
            return "responder"
        if word == "return" and any(c.lower_ == "fire" for c in verb.children):
            return "responder"
        if _in_response_to_attack(verb, state) or (state and _during_attack_on_unit(verb)):
            # "soldiers killed 15 militants in response to an attack on their positions", "our units neutralised
            # ten terrorists during an attack on the Tassia post"
            return "responder"
        if repels(verb):
            return "responder"  # "soldiers fought off an attack by gunmen"
        if word in _FOILING and any(c.dep_ == "dobj" and c.lower_ in ANSWERED_ATTACKS for c in verb.children):
            # "our units foiled a terrorist attack on the post, neutralising five assailants": in the fight that
            # followed, the attackers started it (a foiled plot ended by arrests is no fight: stance is not read)
            return "responder"
        if word in INITIATING_VERBS and verb.dep_ in ("relcl", "advcl", "ccomp", "conj", "acl", "xcomp"):
            if verb.dep_ == "relcl" and _struck_civilians(verb, civilian):
                continue
            if _stranded_aim(verb):
                continue  # "National Guard patrol fired on near Sbiba": a shorthand passive, the patrol was fired on
            if state and _struck_unit_shorthand(root, verb):
                continue  # "Police unit attacked at checkpoint": the auxiliary dropped, the unit was attacked
            return "initiator"
        if word in REPORTING_VERBS and _answered_itself(verb):
            return "responder"  # "the army said it had repelled an incursion"
    if _repels_in_shorthand(words_end):
        return "responder"
    return None


def _repels_in_shorthand(root: Token) -> bool:
    """'FDS repelled attack on Kantchari post', 'Army repels jihadist assault on Djibo camp': a headline's shorthand
    drops the article, and the parser reads the repelling verb as a modifier or a noun ('repelled attack', 'repels')
    whose subject the party is not. The repelling word right after the party's words, and an attack noun within
    two words after it, before any punctuation: the party answered that attack."""
    doc = root.doc
    after = root.i + 1
    if after >= len(doc) or lemma(doc[after]) not in DEFENDING_VERBS & RESPONDING_VERBS:
        return False
    for word in doc[after + 1 : after + 4]:
        if word.is_punct:
            return False
        if word.lower_ in ANSWERED_ATTACKS:
            return True
    return False


def _struck_civilians(verb: Token, civilian: list[tuple[int, int]]) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(start <= o.idx < end for o in objects for start, end in civilian)


def _answered_itself(reporting: Token) -> bool:
    """What the speaker reports is its own answer to an attack: 'said it had repelled', 'said it had killed 30
    terrorists after repelling an attack on its base'."""
    for clause in reporting.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in clause.children):
            continue
        # the reported verb, or a verb of answering attached to it ("after repelling", "while repulsing")
        attached = [g for c in clause.children if c.dep_ in ("advcl", "prep") for g in (c, *c.children)]
        if any(lemma(v) in RESPONDING_VERBS | DEFENDING_VERBS for v in (clause, *attached) if is_verb(v)):
            return True
        if _in_response_to_attack(clause):
            return True  # "the army said it had killed 15 militants in response to an attack on its positions"
    return False


def _in_response_to_attack(verb: Token, state: bool = False) -> bool:
    """The verb's 'in response to an attack (on its positions)': what it does answers an attack on the doer, not
    one on others ('in response to an attack on a village': troops that come to the rescue start a fight).
    `state`: the doer is a state force, whose are the posts, camps and patrols an attack struck."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and noun.lower_ in RESPONDING_NOUNS
        and any(_own_attack(attack, state) for to in noun.children if to.lower_ == "to" for attack in to.children)
        for prep in verb.children
        for noun in prep.children
    )


def _during_attack_on_unit(verb: Token) -> bool:
    """'neutralised ten terrorists during an attack on the Tassia post': what the verb's subject did happened in an
    attack on a post, a base or a patrol (the forces' own), so it answered that attack."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("during", "in")
        and attack.lower_ in ANSWERED_ATTACKS
        and any(
            on.lower_ in ("on", "against") and any(o.dep_ == "pobj" and o.lower_ in STRUCK_UNITS for o in on.children)
            for on in attack.children
        )
        for prep in verb.children
        for attack in prep.children
    )


def _own_attack(attack: Token, state: bool = False) -> bool:
    """An attack noun whose target, if named, is the doer's own ('an attack on its positions', 'on our post'; a
    state force's, 'an attack on the Tessit camp')."""
    if attack.lower_ not in ANSWERED_ATTACKS:
        return False
    struck = [o for p in attack.children if p.lower_ in ("on", "against") for o in p.children if o.dep_ == "pobj"]
    return all(
        any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in o.children) or (state and o.lower_ in STRUCK_UNITS)
        for o in struck
    )


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


def _answers_other_than_attack(verb: Token) -> bool:
    """'responded to reports of cattle theft': what the verb answers after 'to' is no attack."""
    answered = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return bool(answered) and not any(g.lower_ in ANSWERED_ATTACKS for g in answered)


def _struck_unit_shorthand(unit: Token, verb: Token) -> bool:
    """A force's unit ('patrol', 'post') is the subject of a striking verb with no object, no auxiliary and nothing
    it is aimed at: a report's shorthand passive ('Army patrol attacked at checkpoint', 'post attacked overnight')."""
    if unit.lower_ not in STRUCK_UNITS or lemma(verb) not in STRIKING_VERBS or has_object(verb):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not aimed_at_something(verb)


def _stranded_aim(verb: Token) -> bool:
    """'fired on near Sbiba', 'shot at': the verb has no object and its aiming preposition none either, as when a
    report's shorthand drops a passive's auxiliary; the subject is what was aimed at."""
    if has_object(verb) or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    aimed = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "at", "upon")]
    return bool(aimed) and not any(g.dep_ == "pobj" for c in aimed for g in c.children)
