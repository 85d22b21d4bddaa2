"""Strikes the parse shows an aircraft made, when no fixed phrase of the ontology's 'airstrike' cue says so.

'A military plane bombed a market' or 'warplanes bombarded the outskirts' would otherwise be typed by their verb
alone (an attack, shelling); 'a helicopter strike killed eight' by its toll. What the strike was made with is read
from the parse: the striking verb's subject or 'by' agent, or the strike noun's modifier or 'by'/'from' object, is
an aircraft (vocabulary in data/air_strikes.json).
"""

from __future__ import annotations

from typing import Any

from ._lex import is_verb, lemma, register_bases
from ._ontology import CueHit
from ._text import load_data

__all__ = ["aircraft_strikes"]

_DATA = load_data("air_strikes.json")
_AIRCRAFT = frozenset(_DATA["aircraft"])
_VERBS = frozenset(_DATA["striking_verbs"])
_NOUNS = frozenset(_DATA["strike_nouns"])
register_bases(_AIRCRAFT | _VERBS | _NOUNS)

_MODIFIER_DEPS = ("compound", "amod", "nmod")


def aircraft_strikes(doc: Any, hits: list[CueHit]) -> list[CueHit]:
    """An 'airstrike' cue over each striking verb or strike noun an aircraft makes, unless one is already there."""
    if any(h.cue == "airstrike" for h in hits):
        return []
    found = []
    for token in doc:
        if _struck_by_aircraft(token):
            found.append(CueHit("airstrike", token.idx, token.idx + len(token.text)))
    return found


def _struck_by_aircraft(token: Any) -> bool:
    word = lemma(token)
    if is_verb(token) and word in _VERBS:
        doers = [c for c in token.children if c.dep_ == "nsubj"]
        doers += [o for a in token.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        # "struck the camp with drones", "a missile launched from an aircraft"
        doers += _objects_of(token, ("with", "from"))
        if token.dep_ == "xcomp":
            # "used helicopters to strike the hideouts": the aircraft is what the strike was made with
            doers += [c for c in token.head.children if c.dep_ == "dobj"]
        return any(_is_aircraft(d) for d in doers) or any(_is_the_air(o) for o in _objects_of(token, ("from",)))
    if token.tag_.startswith("NN") and word in _NOUNS:
        makers = [c for c in token.children if c.dep_ in _MODIFIER_DEPS] + _objects_of(token, ("by", "from"))
        return any(_is_aircraft(m) for m in makers)
    return False


def _objects_of(token: Any, prepositions: tuple[str, ...]) -> list[Any]:
    """The objects of the token's prepositions among `prepositions` ('from an aircraft' -> aircraft)."""
    return [
        o for p in token.children if p.dep_ == "prep" and p.lower_ in prepositions for o in p.children
        if o.dep_ == "pobj"
    ]  # fmt: skip


def _is_the_air(token: Any) -> bool:
    """'hit from the air': the strike came from above, whatever flew it."""
    return token.lower_ == "air" and not any(c.dep_ in _MODIFIER_DEPS for c in token.children)


def _is_aircraft(token: Any) -> bool:
    """An aircraft noun, or 'air force' ('the air force pounded ...')."""
    if lemma(token) in _AIRCRAFT:
        return True
    return token.lower_ == "force" and any(c.lower_ == "air" for c in token.children)
