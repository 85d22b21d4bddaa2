"""Cues the parse must confirm before they count ('five traffickers held in Djanet' is an arrest, 'a meeting held in
Algiers' is nothing; 'engaged by UAG' is a fight, 'engaged by the ministry' is not), read as the cue they count as."""

from __future__ import annotations

from typing import Any

from ._lex import is_verb
from ._ontology import CueHit, Ontology
from ._quantities import is_person_noun
from ._registry import ActorRegistry

__all__ = ["confirmed_cues"]

_PERSON_PRONOUNS = {"he", "she", "they", "them", "him", "who", "whom"}


def confirmed_cues(doc: Any, hits: list[CueHit], ontology: Ontology, registry: ActorRegistry) -> list[CueHit]:
    """Cues the parse must confirm, read as the cue they count as ('five traffickers held in Djanet' is an arrest;
    'a meeting held in Algiers' is nothing)."""
    out = []
    for hit in hits:
        if hit.cue in ontology.person_patient and not _acts_on_person(doc, hit, registry):
            continue
        if hit.cue in ontology.armed_agent and not _by_armed_group(doc, hit, registry):
            continue
        out.append(CueHit(ontology.counts_as[hit.cue], hit.start, hit.end) if hit.cue in ontology.counts_as else hit)
    return out


def _acts_on_person(doc: Any, hit: CueHit, registry: ActorRegistry) -> bool:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    verbs = [t for t in span if is_verb(t)] if span is not None else []
    for verb in verbs:
        patients = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        if verb.tag_ == "VBN" and not patients and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            # shorthand passive without its auxiliary ("2 drivers held", "three smugglers held near Djanet")
            patients = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("acl", "relcl") and verb.head.i != verb.i:
            patients.append(verb.head)  # "the traffickers held in Djanet", "men who were held"
        for patient in patients:
            if patient.lower_ in ("who", "whom") and patient.head.dep_ == "relcl":
                patient = patient.head.head
            words = doc[patient.left_edge.i : patient.i + 1].text
            if patient.lower_ in _PERSON_PRONOUNS or is_person_noun(patient.lower_) or registry.find(words):
                return True
    return False


def _by_armed_group(doc: Any, hit: CueHit, registry: ActorRegistry) -> bool:
    """The passive's agent is an armed group the registry knows, however it is written ('engaged by UAG', 'engaged
    by JNIM fighters', 'accrochée par les éléments de l'EIGS'): a fight, not a meeting the patrol was engaged by."""
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    for word in span:
        if word.dep_ != "agent" and word.lower_ != "par":
            continue
        for obj in (c for c in word.children if c.dep_ == "pobj"):
            words = doc[obj.left_edge.i : obj.right_edge.i + 1].text
            if any(m.party == "armed" for m in registry.find(words)):
                return True
    return False
