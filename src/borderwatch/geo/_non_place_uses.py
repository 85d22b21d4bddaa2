"""Uses of a name that are not a place whatever the gazetteer says: a speaker ('said Sbeitla'), a make counted
('two Toyota trucks'), an origin ('Turkish-made drones'), a language ('translated from French'), a river ('the Niger
river'), a word of a longer name ('Point Zero'). The word lists are in data/recognition.json."""

from __future__ import annotations

import re
from functools import lru_cache

from ._normalise import name_key
from ._recognition_words import adjectives, compound_suffixes, language_words, vocabulary, water_words

__all__ = ["inside_longer_name", "is_compound_adjective", "is_counted", "is_language_use", "is_speaker", "not_a_place"]


def _words(section: str, any_space: bool = False) -> str:
    """The words of a list of data/recognition.json as an alternation, in their order; with `any_space` a space
    between two words stands for any run of white space ('translated  from')."""
    words = [re.escape(w) for w in vocabulary()[section]]
    return "|".join(w.replace(r"\ ", r"\s+") for w in words) if any_space else "|".join(words)


# Capitalised words that open a phrase ('The', 'Near') are no part of the name after them.
_CAPITALISED_BEFORE = re.compile(
    r"(?<![.!?:;\n]\s)\b(?!(?:" + _words("phrase_opening_words") + r")\b)[A-Z][\w'’.]*[ -]$"
)
_CAPITALISED_AFTER = re.compile(r"[ -][A-Z]")
_COUNT_BEFORE = re.compile(
    r"(?:(?<![\d,.$€£])\b\d{1,3}|\b(?:" + _words("count_words") + r"))\s+$",
    re.IGNORECASE,
)
_LANGUAGE_BEFORE = re.compile(r"\b(?:" + _words("language_verbs", any_space=True) + r")\s+$", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_LANGUAGE_END = re.compile(r"^\s*(?:$|[),.;:!?\"”\n])")


@lru_cache(maxsize=1)
def _speech_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in sorted(vocabulary()["speech_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s*,?\s*$", re.IGNORECASE), re.compile(rf"\s*,?\s*(?:{words})\b", re.IGNORECASE)


def is_speaker(text: str, start: int, end: int) -> bool:
    """A name right after or before a speech word ('said Sbeitla', 'Sbeitla told reporters'): someone speaking."""
    before, after = _speech_pattern()
    return bool(before.search(text[max(0, start - 30) : start]) or after.match(text, end))


@lru_cache(maxsize=8192)
def inside_longer_name(text: str, start: int, end: int) -> bool:
    """Capitalised words right before or after the span ('Point Zero', 'Zero Point'): part of another name."""
    return bool(_CAPITALISED_BEFORE.search(text[max(0, start - 30) : start]) or _CAPITALISED_AFTER.match(text, end))


@lru_cache(maxsize=8192)
def is_counted(text: str, start: int) -> bool:
    """'3 Toyota 4x4 vehicles', 'two Kamaz trucks' (not '2,000 U.S. troops', 'in 2016 Tunisia'): a counted name
    is a make or a model unless it names a country or a province ('two Illinois locations')."""
    return bool(_COUNT_BEFORE.search(text[max(0, start - 15) : start]))


def is_compound_adjective(text: str, end: int) -> bool:
    """'Turkish-made drones', 'a Saudi-led coalition': where a thing or an actor comes from, not a location."""
    match = re.match(r"[-‐]\s*([A-Za-z]+)", text[end : end + 20])
    return match is not None and match.group(1).lower() in compound_suffixes()


@lru_cache(maxsize=8192)
def is_language_use(text: str, start: int, end: int) -> bool:
    """'translated from French', 'spoke in Arabic', 'French-language press': a language, not a country."""
    after = text[end : end + 20]
    word = re.match(r"[\s-]*([A-Za-z]+)", after)
    if word is not None and word.group(1).lower() in language_words():
        return True
    return bool(_LANGUAGE_BEFORE.search(text[max(0, start - 30) : start]) and _LANGUAGE_END.match(after))


@lru_cache(maxsize=8192)
def not_a_place(text: str, start: int, end: int) -> bool:
    """Spans that name no place whatever the gazetteer says: a demonym naming a language ('translated from
    French'), the name of a river ('along the Niger river': not the country)."""
    if name_key(text[start:end]) in adjectives():
        return is_language_use(text, start, end)
    word = _NEXT_WORD.match(text, end)
    return word is not None and word.group(1).lower() in water_words()
