"""Locative words right before a name ('in the ', 'près de ', '10 km north of ', "la route d'"), which present
it as a place: `locatives` of data/recognition.json, English and French."""

from __future__ import annotations

import re
from functools import lru_cache

from ._recognition_words import alternatives, vocabulary

__all__ = ["is_locative", "is_strongly_locative", "locative_pattern"]


def _all_languages(words: dict[str, list[str]]) -> list[str]:
    """The words of every language of a `locatives` kind, once each."""
    return sorted({word for language in words.values() for word in language})


@lru_cache(maxsize=2)
def locative_pattern(strong: bool) -> re.Pattern[str]:
    """The locative words (data/recognition.json `locatives`) right before a name, ending where the name starts: 'in
    the ', 'près de ', '10 km north of ', 'la route d'' (French elides before a vowel: the name follows the
    apostrophe)."""
    words = vocabulary()["locatives"]
    words = words | {kind: _all_languages(words[kind]) for kind in ("strong", "weak", "place_nouns", "links")}
    # 'town of', 'au nord de', 'le poste de gendarmerie de': what presents the name after it as a place (both kinds).
    nouns = rf"(?:{alternatives(words['place_nouns'])})\s+(?:{alternatives(words['links'])})"
    kinds = [*words["strong"]] if strong else [*words["strong"], *words["weak"]]
    phrases = [alternatives(kinds), nouns]
    if not strong:
        phrases.append(rf"of the (?:{alternatives(words['weak_place_nouns'])})")
    # An article after a space ('in the ', 'à la '; 'the' also glued: 'in theGhadames'), or the name right after an
    # elided word ("d'", "l'").
    elided = [a for a in words["articles"] if a[-1] in "'’"]
    spaced = [a for a in words["articles"] if a not in elided and a != "the"]
    ending = rf"(?:\s+(?:the\s*|(?:{alternatives(spaced)})\s+|{alternatives(elided)})?|(?<=['’]))"
    return re.compile(r"(?:\b(?:" + "|".join(phrases) + r")" + ending + r")$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    """The words a locative phrase can end with, right before the name ('in', 'de', "d'", 'the', 'town')."""
    words = vocabulary()["locatives"]
    phrases = [*words["articles"], *words["weak_place_nouns"]]
    phrases += [w for kind in ("strong", "weak", "links") for w in _all_languages(words[kind])]
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


_LAST_WORD = re.compile(r"([\w'’\-]+)\s*$")


def _locative_window(text: str, start: int) -> str | None:
    """The 40 characters before the name, or None when the word right before it ends no locative phrase (most
    names: the long pattern is then not tried)."""
    window = text[max(0, start - 40) : start]
    last = _LAST_WORD.search(window)
    if last is None:
        return None
    word = last.group(1).lower()
    return window if word in _last_words() or word.endswith(("'", "’")) else None


@lru_cache(maxsize=8192)
def is_strongly_locative(text: str, start: int) -> bool:
    """A locative word that does not also introduce people ('to', 'from', 'and' do: 'said to Trump')."""
    window = _locative_window(text, start)
    return window is not None and bool(locative_pattern(True).search(window))


@lru_cache(maxsize=8192)
def is_locative(text: str, start: int) -> bool:
    window = _locative_window(text, start)
    return window is not None and bool(locative_pattern(False).search(window))
