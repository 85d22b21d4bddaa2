"""A killing told as what a party condemned, with the attack it happened in hung by the parse on the condemning verb
('The UN condemned the killing of four civilians in an attack on Monday': 'in an attack' attaches to 'condemned').
The attack is the killing's occasion, so the killing is no background of it: both tell the sentence's happening."""

from __future__ import annotations

from typing import Any

from ._text import load_data

_OCCASION_PREPOSITIONS = frozenset(load_data("clauses.json")["occasion_prepositions"]["words"])


def joins_its_occasion(background: Any, kept: list[Any]) -> bool:
    """Whether `background` (a noun trigger told as the object of a verb) shares that verb with a kept trigger that
    is the object of an occasion preposition on it ('condemned [the killing] ... in [an attack]')."""
    if background.dep_ not in ("dobj", "nsubjpass") or background.head.i == background.i:
        return False
    verb = background.head
    for token in kept:
        prep = token.head
        if (
            token.dep_ == "pobj"
            and prep.dep_ == "prep"
            and prep.head.i == verb.i
            and prep.lower_ in _OCCASION_PREPOSITIONS
        ):
            return True
    return False
