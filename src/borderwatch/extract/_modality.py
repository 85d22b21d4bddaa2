"""Did it happen? The modality of an event's trigger: None for a fact, else negated, future, intent, hypothetical.

Read from the dependency parse around the trigger: a negation on its clause ("did
not attack"), a future auxiliary ("will prevent"), a modal or an "if" clause
("could attack"), a verb of intent or threat governing it ("aims to", "plans to",
"threatened to"), a purpose infinitive ("measures to counter smuggling"), or a noun
of threat before it ("the threat of attacks"). Reported speech is transparent:
"said that militants attacked" is a fact, and the walk stops at the reporting verb.
"""

from __future__ import annotations

import re
from typing import Any

from ._lex import is_verb, lemma, register_bases
from ._text import load_data

__all__ = ["background_kind", "french_without", "is_background", "modality_of", "tells_result", "years_before"]

Token = Any

_FUTURE = {"will", "shall", "'ll", "wo"}
_MODAL = {"could", "might", "may", "would", "should", "must", "can", "ca"}
_INTENT = {
    "aim", "plan", "intend", "want", "seek", "hope", "threaten", "vow", "pledge", "prepare", "plot", "try", "attempt",
    "wish", "expect", "propose", "promise", "decide", "consider", "mean", "need", "urge", "ask", "call", "demand",
    "order", "instruct", "allow", "enable", "help", "require", "able", "ready", "determined", "seeking", "likely",
    "designed", "intended", "meant", "aimed", "going", "set", "poised", "due",
}  # fmt: skip
_REPORTING = {
    "say", "tell", "report", "announce", "claim", "confirm", "state", "declare", "add", "note", "reveal", "indicate",
    "explain", "recount", "describe", "write", "accuse", "acknowledge", "admit", "show", "learn",
}  # fmt: skip
_NEGATING_VERBS = {"deny", "refute", "dismiss", "reject", "prevent", "foil", "thwart", "avert", "stop", "deter"}
_THREAT_NOUNS = {"threat", "threats", "risk", "risks", "fear", "fears", "danger", "possibility", "prospect", "spectre",
                 "fight", "fighting", "war", "campaign", "struggle", "measures", "plans", "plan", "efforts", "bid",
                 "strategy", "policy", "capabilities", "capacity", "prevention", "countering", "combating",
                 "framework", "context"}  # fmt: skip
_NEED = {"need", "require", "must", "should"}
# "fired tear gas to disperse migrants who were protesting": the means told is used, so its purpose is no plan and
# the protest it broke up took place
_DISPERSING = {"disperse", "scatter", "quell", "break", "repel", "push"}
_FEARING = {"fear", "dread", "anticipate", "predict", "forecast", "foresee", "risk"}
_HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest", "should"}


def modality_of(trigger: Token) -> str | None:
    """None when the trigger states something that happened; otherwise why it did not."""
    own = _modality_of(trigger)
    if own == "negated" and trigger.dep_ == "pobj" and trigger.head.lower_ in _SETTING_PREPS:
        # "No clashes were reported during Monday's march": what did not happen happened during one that did
        return "negated" if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children) else None
    return own


_SETTING_PREPS = {"during", "throughout"}


def _modality_of(trigger: Token) -> str | None:
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negated"  # "there was no attack"
    if trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ == "without":
        return "negated"  # "handed over the camp without fighting"
    if trigger.dep_ == "dobj" and lemma(trigger.head) in _INTENT:
        return "intent"  # "a cell planning attacks", "threatened reprisals"
    if trigger.dep_ == "dobj" and lemma(trigger.head) in _FEARING:
        return "hypothetical"  # "residents fear new attacks"
    if _report_said_false(trigger):
        return "negated"  # "Rumours of an attack on the Ménaka camp were false"
    if _denied_report(trigger) or _denied_told_clause(trigger):
        return "negated"  # "the ministry rejected reports of fighting near Fada", "denied reports that ... overran"
    if (
        trigger.dep_ == "acl"
        and trigger.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("aux", "mark") for c in trigger.children)
    ):
        return _own_modality(trigger)  # "dispersed people demonstrating": what a participle describes is the case
    clause = _clause_verb(trigger)
    if _asked_for(trigger, clause):
        return "intent"  # "called for peaceful demonstrations", "appealed for a ceasefire"
    own = _own_modality(clause)
    if own is not None:
        return own
    if trigger.i != clause.i and _under_threat_noun(trigger, clause):
        return "hypothetical"
    return _governing_modality(clause)


_FALSE = {"false", "untrue", "unfounded", "baseless", "groundless", "wrong", "fake", "erroneous", "inaccurate"}


def _report_said_false(trigger: Token) -> bool:
    """The trigger is what reports or rumours told, and they are said to be false ('Rumours of an attack on the
    camp were false', 'Reports about clashes near Boni are unfounded')."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in ("of", "about"):
        return False
    told = trigger.head.head
    if told.lower_ not in _TOLD_NOUNS or told.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in _FALSE for c in told.head.children)


_TOLD_NOUNS = {"report", "reports", "claim", "claims", "allegation", "allegations", "rumour", "rumours", "rumor",
               "rumors", "account", "accounts", "news", "statement", "statements"}  # fmt: skip


def _denied_report(trigger: Token) -> bool:
    """The trigger is what a denied report told: 'denied reports of clashes', 'dismissed claims of an attack'."""
    of = trigger.head
    if trigger.dep_ != "pobj" or of.lower_ not in ("of", "about") or of.head.i == of.i:
        return False
    told = of.head
    return told.lower_ in _TOLD_NOUNS and told.dep_ in ("dobj", "nsubjpass") and lemma(told.head) in _NEGATING_VERBS


def _denied_told_clause(trigger: Token) -> bool:
    """The trigger's clause is what a denied report told: 'denied reports that militants had overrun its post'."""
    clause = _clause_verb(trigger)
    told = clause.head
    if clause.dep_ not in ("ccomp", "acl") or told.i == clause.i or told.lower_ not in _TOLD_NOUNS:
        return False
    return told.dep_ in ("dobj", "nsubjpass") and lemma(told.head) in _NEGATING_VERBS


def _asked_for(trigger: Token, clause: Token) -> bool:
    node = trigger
    while node.head.i != node.i and node.head.i != clause.i:
        node = node.head
    return node.dep_ == "prep" and node.lower_ in ("for", "to") and lemma(clause) in _INTENT and node.i != trigger.i


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds the trigger (the trigger itself when it is a verb)."""
    node = token
    for _ in range(8):
        if is_verb(node) or node.head.i == node.i:
            return node
        node = node.head
    return node


def _own_modality(verb: Token) -> str | None:
    children = list(verb.children)
    if any(c.dep_ == "neg" and c.lower_ != "nt" for c in children):
        return "negated"  # not the "nt" the tokenizer cuts from the French "dont" ("douze morts, dont quatre enfants")
    if any(c.dep_ in ("nsubj", "nsubjpass") and _is_nobody(c) for c in children):
        return "negated"  # "no one was arrested", "nobody was hurt"
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE or ({"going"} <= auxes):
        return "future"
    if auxes & _MODAL:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in children) and verb.dep_ == "advcl":
        return "hypothetical"
    return None


def _is_nobody(token: Token) -> bool:
    if token.lower_ in ("nobody", "none", "nothing", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _under_threat_noun(trigger: Token, clause: Token) -> bool:
    """'the threat of terrorist attacks', 'the fight against smuggling': the noun names no happening."""
    node = trigger
    while node.i != clause.i and node.head.i != node.i:
        head = node.head
        if head.lower_ in ("of", "against", "on") and head.head.lower_ in _THREAT_NOUNS:
            return True
        if head.lower_ in _THREAT_NOUNS and node.dep_ in ("compound", "amod", "nmod"):
            return True
        node = head
    return False


def _governing_modality(verb: Token) -> str | None:
    """Walk up the clauses above the trigger's until a reporting verb (transparent) or the root."""
    node = verb
    for _ in range(6):
        if node.head.i == node.i or (lemma(node) in _REPORTING and is_verb(node)):
            return None
        dep, head = node.dep_, node.head
        if dep == "conj" and node.tag_ == "VBD" and head.tag_ == "VB":
            # "foiled an attempt to smuggle migrants and arrested two smugglers": a past tense cannot share the
            # infinitive's "to" the parse joined it to; it goes with the finite verb above
            node = _finite_above(head)
            continue
        if _result_of_foiling(node):
            # "foiled an attempt by terrorists to cross the border, killing three": the participle after the comma
            # tells what the foiling did, though the parse hung it on the infinitive of what was foiled
            node = _finite_above(head)
            continue
        is_infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
        if (
            dep
            in (
                "xcomp",
                "ccomp",
                "advcl",
                "acl",
                "relcl",
                "pcomp",
                "conj",
                "prep",
                "pobj",
                "dobj",
                "nsubj",
                "csubj",
                "nsubjpass",
            )
            or is_infinitive
        ):
            if lemma(head) in _NEGATING_VERBS and dep in ("xcomp", "ccomp", "dobj", "pcomp", "prep"):
                return "negated"
            if lemma(head) in _INTENT and dep in ("xcomp", "ccomp", "prep", "pcomp"):
                return "intent"
            if lemma(head) in _NEED and dep == "conj":
                return "intent"  # "co-ordination needs more procedures ... [and to] run joint patrols"
            if (
                is_infinitive
                and dep in ("advcl", "acl", "relcl")
                and lemma(head) not in _REPORTING
                and lemma(node) not in _DISPERSING
            ):
                return "intent"  # "measures to counter", "in order to prevent"
            modal = _own_modality(head)
            if modal is not None and modal != "negated":
                return modal  # negation stays in its clause ("no one was hurt when gunmen fired")
        node = head
    return None


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _result_of_foiling(node: Token) -> bool:
    """A participle after a comma hung on the infinitive of an attempt that a finite verb above foiled."""
    head = node.head
    if node.dep_ != "advcl" or node.tag_ != "VBG" or head.tag_ != "VB" or node.i == 0:
        return False
    if node.doc[node.i - 1].text != ",":
        return False
    return lemma(_finite_above(head)) in _NEGATING_VERBS


def _finite_above(token: Token) -> Token:
    node = token
    while node.tag_ not in _FINITE and node.head.i != node.i:
        node = node.head
    return node


_BACKGROUND_PREPS = {"after", "before", "following", "since", "amid", "despite", "over", "against", "for", "to"}
_BACKGROUND_MARKS = {"before", "after", "until", "since", "following", "once"}
_REACTION = {"condemn", "denounce", "mourn", "commemorate", "investigate", "protest", "decry", "deplore", "probe",
             "recall", "remember", "blame", "demand", "follow", "avenge", "retaliate", "respond", "mark", "response",
             "retaliation", "reprisal", "reaction", "anger", "outrage", "end", "halt", "stop", "cessation",
             "responsibility"}  # fmt: skip


_ALLEGING = {"accuse", "suspect", "charge", "convict", "sentence", "prosecute", "indict", "jail", "want", "try"}
# what a suspect is held for: the happening named after these is an earlier one, not the sentence's own
_LINKING_PREPS = {"with", "to", "for", "in"}
_LINKED = {"connection", "relation", "link", "connect", "relate", "responsible", "responsibility", "involvement",
           "implicate", "involve", "participation", "complicity", "role"}  # fmt: skip
# "arrested four suspects over the attack on the market", "detained for the killing of": the happening an arrest is
# made for is an earlier one, not the sentence's own
_HELD_FOR_PREPS = {"over", "for"}
_HELD = {"arrest", "detain", "apprehend", "interrogate", "nab", "jail"}  # not "hold": "funerals held for the dead"
_DEATHS = {"fall", "die", "kill", "perish", "martyr"}
_HURT = {"wound", "injure", "hurt", "succumb"}
_TIME_SPANS = {"minute", "hour", "day", "week", "month", "year", "night", "morning"}
# "the soldiers, who responded, killing three": the answer within the same fight
_SAME_FIGHT = {"respond", "return", "repel", "repulse", "riposte", "retaliate"}
# "freed the hostages after a gunfight", "arrested two smugglers following an exchange of fire": the fight the act
# ended in, of the same story and the same day (its deaths count), not an earlier happening
_OWN_FIGHT = load_data("clauses.json")["own_fight"]
_FIGHT_ENDING_ACTS = frozenset(_OWN_FIGHT["acts"])
_FIGHT_NOUNS = frozenset(_OWN_FIGHT["fights"])
# "..., which also left 11 attackers dead": what the happening told before caused
_RESULT_VERBS = frozenset(load_data("clauses.json")["result_clauses"]["verbs"])
# "deplore the loss of two soldiers during an attack": a reaction that tells the dead of the sentence's own happening
_MOURNED_DEATHS = frozenset(load_data("clauses.json")["mourned_deaths"]["nouns"])
_EVENT_NOUNS = {"attack", "assault", "ambush", "raid", "clash", "fighting", "explosion", "blast", "bombing", "incident",
                "fight", "crisis", "siege", "standoff", "operation", "offensive", "battle", "violence", "massacre",
                "strike", "kidnapping", "abduction", "protest", "demonstration", "riot", "unrest",
                "shooting"}  # fmt: skip


def _cleft(clause: Token) -> bool:
    """'It was IS Sahel that carried out the attack': the relative clause is what the sentence asserts."""
    head = clause.head
    return (
        head.dep_ == "attr"
        and lemma(head.head) == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.head.children)
    )


def _result_of_told(clause: Token) -> bool:
    """'repelled an attack on Saturday, which also left 11 attackers dead': a non-restrictive 'which' clause telling
    what the sentence's happening caused, though the parse hangs it on the nearest noun (the day, a place, the
    dead)."""
    which = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "which"]
    return lemma(clause) in _RESULT_VERBS and bool(which) and which[0].i > 0 and clause.doc[which[0].i - 1].text == ","


def tells_result(trigger: Token) -> bool:
    """The trigger is in a clause telling what the happening told before it caused ('..., which also left 11
    attackers dead'): its toll counts, but who did what is read around the happening itself."""
    node = trigger
    for _ in range(4):
        if node.dep_ == "relcl":
            return _result_of_told(node)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _in_which(clause: Token) -> bool:
    """'in which', 'during which': a relative clause that tells what happened in the event itself."""
    return any(c.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in c.children) for c in clause.children)


def _event_noun_before(clause: Token) -> Token | None:
    """The event noun an 'in which' clause the parse hung on another noun refers to: the nearest one before it."""
    for token in reversed(clause.doc[: clause.left_edge.i]):
        if token.tag_.startswith("NN") and lemma(token) in _EVENT_NOUNS:
            return token
    return None


def _agent_told(verb: Token) -> bool:
    """The death or wound is told with who caused it ('killed by gunmen', 'gunmen killed')."""
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    active = not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return active and lemma(verb) == "kill" and any(c.dep_ == "nsubj" for c in verb.children)


def _telegraphic(clause: Token) -> bool:
    """A passive participle hung on a sentence that has no verb of its own: the shorthand of field reports ('FAMa
    post Léré attacked by approx. 20 armed pers.') tells its happening so, not as a relative clause."""
    head = clause.head
    # "Provisional toll: enemy side, seven terrorists neutralised": a count with its participle, read as a past tense
    counted = clause.tag_ == "VBD" and any(
        c.dep_ == "nsubj" and any(g.dep_ == "nummod" for g in c.children) for c in clause.children
    )
    return (
        (clause.tag_ == "VBN" or counted)
        and head.dep_ == "ROOT"
        and not is_verb(head)
        and not any(c.tag_ in ("WDT", "WP", "WP$") or c.dep_ in ("aux", "auxpass") for c in clause.children)
    )


def _after_label(clause: Token) -> bool:
    """A clause told after a colon that follows its head ('Daily summary, Tillabéri region, 3 August 2027: armed men
    abducted two teachers'): the label's item, which the parse hangs on the label's noun, not a relative clause."""
    head = clause.head
    if head.i >= clause.i or any(c.tag_ in ("WDT", "WP", "WP$") for c in clause.children):
        return False
    return any(t.text == ":" for t in clause.doc[head.i + 1 : clause.left_edge.i])


def is_background(trigger: Token) -> bool:
    """A happening told as the background of another: 'after repeated attacks', 'to denounce the killing of',
    'before security forces regained control', 'the town, which was attacked last year'."""
    return background_kind(trigger) is not None


def _french_without_pattern() -> re.Pattern[str]:
    spec = load_data("clauses.json")["french_without"]
    between = sorted(spec["between"], key=len, reverse=True)
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in between)
    return re.compile(rf"\b{spec['word']}\s+(?:(?:{words})(?:\s+|(?<=['’])))*$", re.IGNORECASE)


_FRENCH_WITHOUT = _french_without_pattern()


def _french_background_pattern() -> re.Pattern[str]:
    spec = load_data("clauses.json")["french_background"]

    def words(items: list[str]) -> str:
        ordered = sorted(items, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)

    opener = rf"\b(?:{words(spec['openers'])})\s*(?:{words(spec['determiners'])})\s*"
    noun = r"(?:[\w-]+\s+){0,2}?"
    relative = rf"[\w-]+(?:\s+[\w'’-]+){{0,6}}?\s+(?:{words(spec['relatives'])})\s+(?:[\w'’-]+\s+){{0,3}}?"
    return re.compile(rf"{opener}(?:{noun}|{relative})$", re.IGNORECASE)


_FRENCH_BACKGROUND = _french_background_pattern()


def french_background(text: str, start: int) -> bool:
    """A French trigger told as the background of the sentence's happening: the noun after 'après l'', 'pour
    dénoncer l'', 'à la suite de l'' or in a relative clause of that noun ('une semaine après l'attaque qui a fait 14
    morts')."""
    before = re.split(r"[.;:]", text[max(0, start - 120) : start])[-1]
    return _FRENCH_BACKGROUND.search(before) is not None


def french_without(text: str, start: int) -> bool:
    """A French trigger right after 'sans', with only a reporting verb or 'aucun' between, in its clause: 'fouillé la
    zone sans signaler d'accrochage', 'sans qu'aucun accrochage ne soit signalé' (no fight happened)."""
    before = re.split(r"[.;:]", text[max(0, start - 60) : start])[-1]
    return _FRENCH_WITHOUT.search(before) is not None


# "the men had been ambushed by its troops in a previous operation", "had previously attacked the post": a past
# perfect the sentence itself places before its story
_EARLIER_WORDS = {"previous", "prior", "earlier", "past", "former"}
_EARLIER_ADVERBS = {"previously", "formerly"}  # not "already": "the gunmen had already killed nine"


def _told_as_earlier(trigger: Token) -> bool:
    """A past perfect verb placed before the story by its own words: 'in a previous operation', 'previously'."""
    verb = trigger if is_verb(trigger) else None
    if verb is None or not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _EARLIER_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if any(a.dep_ == "amod" and a.lower_ in _EARLIER_WORDS for o in objects for a in o.children):
                return True
    return False


_LAST = {"last", "previous"}
_YEARS = {"year", "years"}


def years_before(trigger: Token) -> bool:
    """A verb its own words place a year or more before the story ('where jihadists had killed eleven villagers last
    year', 'militants attacked the camp two years ago'): a happening recalled, whatever its tense, as no report of
    this week tells a current one so. Not 'last week' or 'last night', the story's own days in reported speech."""
    if not is_verb(trigger):
        return False
    for child in trigger.children:
        below = {c.lower_ for c in child.children}
        if child.dep_ == "npadvmod" and child.lower_ in _YEARS and below & (_LAST | {"ago"}):
            return True  # "last year", "the previous year", "two years ago" (years hanging on the verb)
        if child.dep_ == "advmod" and child.lower_ == "ago" and below & _YEARS:
            return True  # "two years ago" ("ago" hanging on the verb)
    return False


def _own_fight(noun: Token, governor: Token) -> bool:
    return lemma(noun) in _FIGHT_NOUNS and lemma(governor) in _FIGHT_ENDING_ACTS


def _mourned_toll(trigger: Token) -> bool:
    """'deplore the loss of two soldiers during an attack': the dead mourned are the toll of the sentence's own
    happening, unless a clause of their own tells how they died ('the loss of two soldiers, killed when ...')."""
    return lemma(trigger) in _MOURNED_DEATHS and not any(
        lemma(t) in _DEATHS for t in trigger.subtree if t.i != trigger.i
    )


def background_kind(trigger: Token) -> str | None:
    """'clause' for a temporal clause of the sentence's own story ('... before security forces killed the two
    assailants'), 'phrase' for a happening only referred to; None when the trigger is in the foreground."""
    if _told_as_earlier(trigger) or years_before(trigger):
        return "phrase"
    node = trigger
    death_told = False  # came up through "who fell on Tuesday": the reaction's object is the dead, not the event
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "pobj" and head.lower_ in _BACKGROUND_PREPS:
            governor = head.head
            if head.lower_ in ("after", "following", "during", "in") and _own_fight(node, governor):
                return None
            if (
                head.lower_ in ("after", "before", "following", "since", "amid", "despite")
                or lemma(governor) in _REACTION
            ):
                return True
        if node.dep_ in ("dobj", "nsubjpass") and lemma(head) in _REACTION and not death_told:
            if node.i == trigger.i and _mourned_toll(trigger):
                return None
            return "phrase"
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in ("of", "for", "over") and lemma(head.head) in _ALLEGING:
            return "phrase"  # "a soldier accused of killing a civilian was arrested": the arrest is the event
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in _LINKING_PREPS and lemma(head.head) in _LINKED:
            return "phrase"  # "arrested in connection with last week's attack", "suspects linked to the killing"
        if node.dep_ == "pobj" and head.lower_ in _HELD_FOR_PREPS and lemma(head.head) in _HELD:
            return "phrase"  # "arrested four suspects over the attack on the market, in which gunmen had killed six"
        if node.dep_ == "pobj" and head.lower_ == "behind" and node.tag_.startswith("NN"):
            return "phrase"  # "arrested the leader of the cell behind the killing of two soldiers": no place
        if node.dep_ == "relcl" and lemma(head) not in _EVENT_NOUNS and _in_which(node):
            told = _event_noun_before(node)
            if told is not None and background_kind(told):
                return "phrase"  # "over the attack on the market, in which gunmen had killed six": hung on "suspects"
        if (
            node.dep_ == "relcl"
            and lemma(head) not in _EVENT_NOUNS
            and not _in_which(node)
            and node.tag_ != "VBG"
            and lemma(node) not in _DEATHS | _SAME_FIGHT
            and not _cleft(node)
            and not _telegraphic(node)
            and not _after_label(node)
            and not _result_of_told(node)
        ):
            # but "an attack in which 53 soldiers were killed" is the attack, "migrants who were protesting" protest,
            # and "mourns Corporal X, who fell on Tuesday" tells the death (an old one is history by its date)
            return "phrase"
        # "mourns one soldier killed in action" as "... who fell on Tuesday"; not one "killed last month" (another day)
        told_death = node.dep_ == "relcl" or (
            node.dep_ == "acl" and not any(c.dep_ == "npadvmod" for c in node.children)
        )
        death_told = death_told or (told_death and lemma(node) in _DEATHS)
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in node.children):
            marks = [m for m in node.children if m.dep_ == "mark"]
            cause = any(m.lower_ in ("after", "following") for m in marks)  # not "killed before troops stormed"
            distant = any(  # "a week after", "two days after"
                c.dep_ == "npadvmod" and lemma(c) in _TIME_SPANS
                for c in [*node.children, *(k for m in marks for k in m.children)]
            )
            if cause and not distant and lemma(head) in _DEATHS | _HURT and not _agent_told(head):
                return None  # "a man died of his wounds after police opened fire on protesters": how he died
            # "a day after the militants killed eight villagers": another day's happening, whose dead are not these
            return "phrase" if distant else "clause"
        if is_verb(node) and node.dep_ in ("ROOT", "ccomp"):
            return None
        node = head
    return None


register_bases(
    _INTENT
    | _REPORTING
    | _NEGATING_VERBS
    | _REACTION
    | _NEED
    | _EVENT_NOUNS
    | _THREAT_NOUNS
    | _DEATHS
    | _SAME_FIGHT
    | _ALLEGING
    | _FEARING
    | _DISPERSING
    | _FIGHT_ENDING_ACTS
    | _FIGHT_NOUNS
    | _LINKED
    | _HELD
    | _RESULT_VERBS
    | _TIME_SPANS
)
