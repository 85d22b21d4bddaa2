"""The place attacked: a name written right after a verb or noun of attack ('gunmen attacked Boni', 'the attack on
Gaya', 'des hommes armés ont attaqué Léré'; `attack_verbs` of data/recognition.json, English and French). Security
reports name the town attacked this way without any locative word, and the entity model most often takes such a
one-word town for a person or an organisation; but 'attacked Obama' names a person, so the cue counts only for a
town of the centre's region (`attacked_regional_place`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ._recognition_words import alternatives, vocabulary
from ._sources import centre_countries
from ._store import PlaceRecord

__all__ = ["after_attack_word", "attacked_regional_place"]

_WINDOW = 30


@lru_cache(maxsize=1)
def _attack_pattern() -> re.Pattern[str]:
    """An attack word ending right before the name, with at most an article between ('attacked the', "attaque
    d'"): the name is what the attack is on."""
    words = vocabulary()["attack_verbs"]
    verbs = alternatives(sorted({w for language in words.values() for w in language}))
    elided = [a for a in vocabulary()["locatives"]["articles"] if a[-1] in "'’"]
    return re.compile(rf"\b(?:{verbs})(?:\s+|(?<=['’]))(?:{alternatives(elided)})?$", re.IGNORECASE)


def after_attack_word(text: str, start: int) -> bool:
    """An attack word stands right before the name at `start` ('attacked Boni', "l'attaque d'Abala")."""
    return bool(_attack_pattern().search(text[max(0, start - _WINDOW) : start]))


def attacked_regional_place(text: str, start: int, record: PlaceRecord) -> bool:
    """The name at `start` follows an attack word and `record`, its reading, lies in the centre's region (the
    countries of the Maghreb-Sahel supplement and of data/thinly_held_countries.json, or a place of the supplement
    itself)."""
    regional = record.country in centre_countries() or record.source.startswith("borderwatch")
    return regional and after_attack_word(text, start)
