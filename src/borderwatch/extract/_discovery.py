"""Parties that did not do what their sentence tells: whoever finds the bodies, and the dead themselves.

"Residents found the bodies of four herders", "soldiers discovered the bodies of three men executed by jihadists":
the subject of a verb of finding whose object is the bodies is a finder, not the event's agent (ACLED codes the
killing, by the party the text names or an unidentified armed group, with the finders out of it). Whoever the text
says did the killing ("executed by jihadists") keeps the role the parse gives.

"Among the dead were a teacher and two children", "the toll stands at 7: four traders and three herders", "two
villagers died": when no word of the sentence kills anyone (the dead, a toll, a passive, "died"), the civilians it
names are the victims, not a mob (the parse makes them subjects).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ._lex import is_verb, lemma, register_bases
from ._ontology import CueHit
from ._roles import Party

__all__ = ["victims_not_agents", "without_finders"]

_BODY_WORDS = {"bodies", "body", "corpses", "corpse", "remains", "corps", "cadavres", "cadavre"}
_FINDING = {"find", "discover", "recover", "retrieve", "unearth", "exhume", "locate", "pull", "spot"}
register_bases(_FINDING)


def without_finders(doc: Any, parties: list[Party]) -> list[Party]:
    """The parties, with the subjects of a verb of finding whose object is the dead made bystanders."""
    spans = [
        (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
        for token in doc
        if lemma(token) in _FINDING and _finds_bodies(token)
        for subject in token.children
        if subject.dep_ == "nsubj"
    ]
    if not spans:
        return parties
    return [replace(p, role="other") if p.role in ("agent", "both") and _inside(p, spans) else p for p in parties]


def _finds_bodies(verb: Any) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _BODY_WORDS for c in verb.children)


def _inside(party: Party, spans: list[tuple[int, int]]) -> bool:
    return any(start <= party.mention.start < end for start, end in spans)


_DYING = {"die", "perish", "succumb"}
register_bases(_DYING)
_BYSTANDER_CLASSES = ("civilian", "people")


def victims_not_agents(doc: Any, hits: list[CueHit], eventive: set[str], parties: list[Party]) -> list[Party]:
    """Civilians made agents by the parse become the victims when the sentence's only happening is deaths that no
    word of it inflicts."""
    if eventive != {"kill"} or not all(_no_killer(doc, h) for h in hits if h.cue == "kill"):
        return parties
    return [
        replace(p, role="target") if p.role in ("agent", "both") and p.mention.party in _BYSTANDER_CLASSES else p
        for p in parties
    ]


def _no_killer(doc: Any, hit: CueHit) -> bool:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if not is_verb(token) or "toll" in span.text.lower():
        return True  # "the dead", "the toll", "bodies"
    if lemma(token) in _DYING:
        return True  # "two villagers died"
    return any(c.dep_ == "auxpass" for c in token.children) or token.dep_ in ("acl", "amod")  # "were killed"
