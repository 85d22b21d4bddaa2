"""Phrases that present a name as a place whatever the entity model made of it: the ends of a route ('from Gao to
Ansongo', 'the Gao–Ansongo axis'), a border crossing ('the Ras Jedir crossing') and a military or security post ('the
Tessit post'). Road, crossing and post words are `road_words`, `crossing_words` and `post_words` of
data/recognition.json."""

from __future__ import annotations

import re
from functools import lru_cache

from ._recognition_words import vocabulary

__all__ = ["is_road_qualifier", "is_route", "names_a_crossing", "names_a_post"]

_NAME = r"[A-Z][\w'’.\-]*(?:[ -][A-Z][\w'’.\-]*)*"
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^\s+to\s+(?:the\s+)?[A-Z]")
_FROM_NAME_TO_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?" + _NAME + r"\s+to\s+(?:the\s+)?$")
_ROAD_WORDS = r"(?:" + "|".join(re.escape(w) for w in vocabulary()["road_words"]) + r")s?\b"
_ROAD_AFTER = re.compile(r"^(?:\s*[–—/-]\s*" + _NAME + r")?\s+(?i:" + _ROAD_WORDS + ")")


@lru_cache(maxsize=8192)  # per text: the same spans are asked about several times
def is_road_qualifier(text: str, end: int) -> bool:
    """'the Ansongo road', 'the Gao–Ansongo axis': the name says where a road leads, not where it is."""
    return bool(_ROAD_AFTER.match(text[end : end + 80]))


@lru_cache(maxsize=8192)
def is_route(text: str, start: int, end: int) -> bool:
    """'from Gao to Ansongo', 'the Gao–Ansongo axis', 'the Ansongo road': names of the ends of a route or of a
    road are places, whatever the entity model made of them ('between X and Y' is as often about people)."""
    before, after = text[max(0, start - 80) : start], text[end : end + 80]
    if _FROM_BEFORE.search(before) and _TO_AFTER.match(after):
        return True
    if _FROM_NAME_TO_BEFORE.search(before):
        return True
    return bool(_ROAD_AFTER.match(after))


@lru_cache(maxsize=1)
def _crossing_after() -> re.Pattern[str]:
    words = sorted(vocabulary()["crossing_words"], key=len, reverse=True)
    return re.compile(r"\s+(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


@lru_cache(maxsize=8192)
def names_a_crossing(text: str, end: int) -> bool:
    """'the Salloum land port', 'the Ras Jedir crossing', 'In Guezzam border post': a name written before the word
    for a border crossing is the place of the crossing, whatever the entity model made of it (spaCy reads
    'Salloum' as a group of people, NORP). Crossing words are `crossing_words` in data/recognition.json."""
    return bool(_crossing_after().match(text, end))


@lru_cache(maxsize=1)
def _post_after() -> re.Pattern[str]:
    words = sorted(vocabulary()["post_words"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s+$")


@lru_cache(maxsize=8192)
def names_a_post(text: str, start: int, end: int) -> bool:
    """'the Tessit post', 'the Djibo military camp': a name written between 'the' and the word for a military or
    security post is the place of the post, whatever the entity model made of it (it tags few such names). The
    word in lower case only ('the Washington Post' is a newspaper) and 'the' before the name ('a Facebook post' is
    no place). Post words are `post_words` in data/recognition.json."""
    return bool(_THE_BEFORE.search(text[max(0, start - 5) : start])) and bool(_post_after().match(text, end))
