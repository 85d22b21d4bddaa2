"""A count found in a sentence (`QuantityMention`) and the reading of the words that give a number, shared by the
modules that find counts (_quantities.py, _dead_lists.py, _side_counts.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._ontology import load_ontology
from ._quantity_patterns import KILL_VERB, NOUN_KIND

__all__ = [
    "MORE_WORDS",
    "PERPETRATOR_WORDS",
    "TOTAL_WORDS",
    "WORDS_OF",
    "QuantityMention",
    "counted_noun",
    "group_words",
    "is_person_noun",
    "parse_number",
]


@dataclass(frozen=True)
class QuantityMention:
    kind: str
    value: int
    qualifier: str
    start: int
    end: int
    text: str
    side: str | None = None  # whose dead, when the parse says and the words do not ("killing 11 of them")


def is_person_noun(word: str) -> bool:
    """Whether a (plural) noun counts people: 'smugglers', 'migrants', 'militaires'."""
    return NOUN_KIND.get(word.lower()) == "person"


def parse_number(words: str) -> int | None:
    """'12', '1,200', 'twenty-one', 'dozens' -> int; None for words that state no number ('many')."""
    token = words.strip().lower()
    digits = re.sub(r"[,\s]", "", token)
    if digits.isdigit():
        return int(digits)
    vague = load_ontology().vague_numbers
    if token in vague:
        return vague[token]
    head, _, tail = re.sub(r"[\s-]+et[\s-]+", " ", token).replace("-", " ").partition(" ")  # "vingt et un"
    if head in vague and tail in vague and vague[head] is not None and vague[tail] is not None:
        return vague[head] + vague[tail]  # type: ignore[operator]
    return None


PERPETRATOR_WORDS = {
    "assaillants",
    "terroristes",
    "djihadistes",
    "jihadistes",
    "assailants",
    "attackers",
    "gunmen",
    "militants",
    "jihadists",
    "terrorists",
    "bombers",
    "insurgents",
    "kamikazes",
}
TOTAL_WORDS = {
    "people", "persons", "victims", "bodies", "individuals", "casualties", "personnes", "victimes", "morts", "corps",
    "cadavres", "fatalities", "deaths", "décès", "deces",
}  # fmt: skip
# "Twelve residents were killed and four others died": others are more dead, never everyone.
MORE_WORDS = {"others", "more"}


WORDS_OF = re.compile(r"[^\W\d_]+")  # letters, accented ones too: 'été' is one word, not 't'
_NOT_NOUNS = {
    "were", "was", "have", "has", "had", "been", "being", "are", "is", "reportedly", "reported", "all", "and", "the",
    "a", "an", "of", "his", "her", "their", "its", "at", "least", "more", "than", "some", "about", "around", "up", "to",
    "or", "between", "over", "nearly", "almost", "them", "in", "total", "leaving", "left", "killing", "killed",
    "ont", "été", "sont", "avaient", "avait", "les", "des", "de", "du", "d", "l", "leurs", "leur", "au", "moins",
    "plus", "him", "also", "too", "later", "subsequently", "likewise", "aussi", "également", "ensuite",
}  # fmt: skip


def group_words(text: str) -> str:
    """The words of a count that say whose it is: not numbers, killing verbs or the `_NOT_NOUNS` ('9 soldiers were
    killed' -> 'soldiers')."""
    return " ".join(_noun_words(text))


def counted_noun(text: str) -> str | None:
    """What a count counts ('killed 2 worshippers' -> 'worshippers'); None for a bare figure ('4 dead', 'killing
    12') that counts everyone."""
    words = _noun_words(text)
    return words[-1] if words else None


def _noun_words(text: str) -> list[str]:
    words = [w for w in WORDS_OF.findall(text.lower()) if w not in _NOT_NOUNS and parse_number(w) is None]
    return [w for w in words if not re.fullmatch(KILL_VERB, w, re.IGNORECASE)]
