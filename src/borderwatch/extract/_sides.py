"""Whose side a party or a count of the dead is, and what that says of the target.

Counts whose words do not say whose dead they are get a side from the parse ("the soldiers repelled the assault,
killing 11 of them": the adversaries'; "the attackers left 9 bodies behind": theirs) or from a report's labels
("Friendly: 1 KIA ... Enemy: 4 KIA"). The dead then qualify the event: mostly civilians ("killing 49 civilians and 15
soldiers"), or people the vocabulary does not know killed by no state force, make an attack on civilians; French
word order names the places and units struck ("ont attaqué un poste militaire").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ._lex import is_verb, lemma
from ._quantities import MORE_WORDS, PERPETRATOR_WORDS, TOTAL_WORDS, QuantityMention, counted_noun
from ._registry import ActorMention, ActorRegistry
from ._role_words import REPORTING_VERBS
from ._roles_fr import french_place_targets

__all__ = ["civilian_majority", "french_targets", "named_victims", "sides_by_parse", "unnamed_victims"]

# Verbs by which a force tells a toll rather than makes it ("the army reported four dead", "gave a toll of six").
_TELLING = REPORTING_VERBS | {"give", "put", "record", "count", "deplore", "mourn"}


def sides_by_parse(doc: Any, quantities: list[QuantityMention], mentions: list[ActorMention]) -> list[QuantityMention]:
    """Whose dead a count is when its words do not say: killed by state forces ('the soldiers repelled the assault,
    killing 11 of them', 'troops neutralised eight'), the forces' adversaries; lost by a side ('the assailants lost
    about 20 men'), that side's."""
    out = []
    for q in quantities:
        verb = _token_at(doc, q.start, q.end)
        if verb is not None and not is_verb(verb) and verb.head.i != verb.i:
            verb = verb.head.head if verb.dep_ == "nummod" else verb.head  # "left 9 bodies": the verb of the count
        subject = _subject_of(verb) if verb is not None and is_verb(verb) else None
        noun = counted_noun(q.text)
        side = _side_label(doc.text, q.start) if q.kind == "fatalities" else None
        if side is not None and noun in (None, "men", "people", "persons", "bodies", "kia"):
            q = replace(q, side=side)  # "Friendly: 1 KIA ... Enemy: 4 KIA"
        elif q.kind == "fatalities" and (loser := _french_loser(doc.text, q.start, mentions)) is not None:
            q = replace(q, side=loser)  # "les assaillants ont laissé cinq corps sur le terrain"
        elif (
            q.kind == "fatalities"
            and subject is not None
            and noun in (None, "men", "people", "persons", "bodies", "own")
        ):
            party = next((m.party for m in mentions if m.start <= subject.idx < m.end), None)
            if lemma(verb) in ("lose", "leave") and party in ("state", "armed"):
                q = replace(q, side=party)  # "the assailants lost 20 men", "the attackers left 9 bodies behind"
            elif party == "state" and noun is None and lemma(verb) not in _TELLING:
                q = replace(q, side="armed")  # not "the army reported four dead": who tells a toll did not kill them
        out.append(q)
    return out


def named_victims(doc: Any, quantities: list[QuantityMention], kills: list[tuple[int, int]]) -> list[QuantityMention]:
    """One death for each person the parse names as whom a killing verb killed, when no count tells them: 'gunmen
    killed Moussa Ag Ahmed, a trader', 'shot dead councillor Ali Diallo', 'Issa Maiga was killed by gunmen', 'killed
    Moussa Traoré and Ali Diallo' (two). A count at the verb already tells its dead ('killed two traders')."""
    out = []
    for start, end in kills:
        verb = _token_at(doc, start, end)
        if verb is None or not is_verb(verb):
            continue
        if any(q.kind == "fatalities" and q.start <= verb.idx + len(verb) and q.end >= verb.idx for q in quantities):
            continue
        victims = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
        named = [v for victim in victims for v in (victim, *victim.conjuncts) if v.ent_type_ == "PERSON"]
        if named:
            first, last = min(v.left_edge.idx for v in named), max(v.idx + len(v) for v in named)
            out.append(QuantityMention("fatalities", len(named), "exact", first, last, doc.text[first:last]))
    return out


# "les assaillants ont laissé (sur le terrain) cinq corps", "l'ennemi a perdu une dizaine d'hommes": the subject's dead
_FRENCH_LOST = re.compile(
    r"\s+(?:ont|a|avaient|avait)\s+(?:\w+\s+)?(?:laiss[ée]|perdu|abandonn[ée])\s+(?:sur\s+(?:le\s+)?(?:terrain|place)\s+)?$",
    re.IGNORECASE,
)


def _french_loser(text: str, start: int, mentions: list[ActorMention]) -> str | None:
    """The side of a French count that its subject left or lost ('les assaillants ont laissé cinq corps')."""
    for mention in mentions:
        lost = mention.end <= start and _FRENCH_LOST.fullmatch(text, mention.end, start) is not None
        if lost and mention.party in ("state", "armed"):
            return mention.party
    return None


# Field reports' and communiqués' labels for each side's losses: "Enemy: 4 KIA", "Friendly losses: 2 WIA".
_SIDE_LABEL = re.compile(
    r"\b(?P<side>enemy|hostiles?|adversary|friendly|own|our)\s*(?:losses|casualties|side|forces)?\s*[:\-–]\s*(?:[^.;:]*?[,;]\s*)?$",
    re.IGNORECASE,
)


def _side_label(text: str, start: int) -> str | None:
    m = _SIDE_LABEL.search(text[max(0, start - 40) : start])
    if m is None:
        return None
    return "armed" if m.group("side").lower() in ("enemy", "hostile", "hostiles", "adversary") else "state"


def _token_at(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _subject_of(verb: Any) -> Any:
    """The subject of a verb, or of the verb it hangs on ('repelled the assault, killing 11')."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for node in (verb, verb.head if verb.dep_ in ("advcl", "xcomp", "conj") else None):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None) if node is not None else None
        if subject is not None and subject.lower_ in ("it", "they", "we") and node.dep_ == "ccomp":
            # "the army said it had repelled an incursion, killing 23 of them": who says it of itself
            subject = next((c for c in node.head.children if c.dep_ == "nsubj"), subject)
        if subject is not None:
            return subject
    return None


def civilian_majority(quantities: list[QuantityMention], registry: ActorRegistry) -> set[str]:
    """'killing 49 civilians and 15 soldiers': most of the dead were civilians (an attack on them, not a battle)."""
    dead: dict[str, int] = {}
    for q in quantities:
        if q.kind == "fatalities":
            parties = registry.find(q.text)
            side = parties[-1].party if parties else "unknown"
            dead[side] = dead.get(side, 0) + q.value
    fighting = dead.get("state", 0) + dead.get("armed", 0)
    return {"civilian_majority"} if dead.get("civilian", 0) > fighting > 0 else set()


def french_targets(text: str, registry: ActorRegistry, triggers: list[tuple[int, int]], cues: set[str]) -> set[str]:
    """The target cues a French sentence's word order gives ('ont attaqué un poste militaire'), with the ones the
    parse-derived cues imply."""
    targets = {"target_state": registry.state_targets, "target_civilian": registry.civilian_targets}
    found = french_place_targets(text, targets, triggers) - cues
    if "target_state" in found:
        found.add("target_fighting")
    if found:
        found.add("victims_known")
    if "target_civilian" in found and "target_fighting" not in cues | found:
        found.add("target_civilian_only")
    return found


# Counts that name no side: everyone ("12 people"), more of a side already told ("two others"), or men of any side.
_NO_SIDE = TOTAL_WORDS | MORE_WORDS
_NO_SIDE |= {"men", "man", "persons", "person", "hostiles", "elements", "members", "bodies", "kia"}


def unnamed_victims(quantities: list[QuantityMention], registry: ActorRegistry, cues: set[str]) -> set[str]:
    """'Gunmen killed a ferryman and his two stepsons': people the vocabulary does not know, killed by no state
    force and with no force or armed group among the targets, are civilians, as ACLED codes them."""
    if cues & {"agent_state", "target_state", "target_armed", "target_fighting", "target_civilian"}:
        return set()
    for q in quantities:
        noun = counted_noun(q.text) if q.kind == "fatalities" and q.side is None else None
        if noun is None or noun in _NO_SIDE or noun in PERPETRATOR_WORDS:
            continue
        found = registry.find(q.text)
        if not found or found[-1].party == "civilian":  # "hacked two farmers to death": the dead say who was hit
            return {"target_civilian"}
    return set()
