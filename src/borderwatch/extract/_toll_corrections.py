"""A toll the report corrects downward, or the figure it says finally stands, in a later sentence: 'The governor
later revised the toll down to 12 dead', 'Le gouverneur a ensuite ramené le bilan à 11 morts', 'le bilan est
finalement de 6 morts'. Such a sentence joins the event told before it (_merge.py) and its count of everyone
replaces the earlier toll (_tolls.py), where otherwise the higher of two tolls stands (a toll that rose). A toll of
everyone told later than another ('Officials later said the toll was 7', 'un bilan actualisé fait état de 7 morts')
replaces it too, unless it is a claim or a denial. The words are data (data/toll_corrections.json)."""

from __future__ import annotations

import re

from ._text import load_data

__all__ = ["CLAIM_OR_DENIAL", "CORRECTED_TOLL", "LATER_TOLL", "corrects_the_toll", "told_later"]

_WORDS = load_data("toll_corrections.json")
CORRECTED_TOLL = r"\b(?:" + "|".join(_WORDS["patterns"]) + r")"
_CORRECTED_TOLL_RX = re.compile(CORRECTED_TOLL, re.IGNORECASE)
# a sentence that tells the toll later ("the army later put the death toll at seven"), for _merge.py to join
LATER_TOLL = r"\b(?:" + "|".join(_WORDS["later_toll_sentences"]) + r")"
_LATER_RX = re.compile(r"\b(?:" + "|".join(_WORDS["later_tellings"]) + r")\b", re.IGNORECASE)
# a claim or a denial competes with the toll however late it comes ('the group later claimed 30')
CLAIM_OR_DENIAL = re.compile(
    r"\b(?:" + "|".join(load_data("ontology.json")["updated_tolls"]["unless"]) + r")\b", re.IGNORECASE
)


def corrects_the_toll(before_count: str) -> bool:
    """Whether the words of a sentence before a count say it corrects the toll ('later revised the toll down to')."""
    return _CORRECTED_TOLL_RX.search(before_count) is not None


def told_later(before_count: str) -> bool:
    """Whether the words of a sentence before a count say the count is told later than the event's first toll
    ('Officials later said the toll was 7', 'Les autorités ont par la suite fait état de 7 morts'), and not as a
    claim or a denial ('the group later claimed 30')."""
    return _LATER_RX.search(before_count) is not None and CLAIM_OR_DENIAL.search(before_count) is None
