"""A toll the report corrects downward, or the figure it says finally stands, in a later sentence: 'The governor
later revised the toll down to 12 dead', 'Le gouverneur a ensuite ramené le bilan à 11 morts', 'le bilan est
finalement de 6 morts'. Such a sentence joins the event told before it (_merge.py) and its count of everyone
replaces the earlier toll (_tolls.py), where otherwise the higher of two tolls stands (a toll that rose). The words
are data (data/toll_corrections.json)."""

from __future__ import annotations

import re

from ._text import load_data

__all__ = ["CORRECTED_TOLL", "corrects_the_toll"]

CORRECTED_TOLL = r"\b(?:" + "|".join(load_data("toll_corrections.json")["patterns"]) + r")"
_CORRECTED_TOLL_RX = re.compile(CORRECTED_TOLL, re.IGNORECASE)


def corrects_the_toll(before_count: str) -> bool:
    """Whether the words of a sentence before a count say it corrects the toll ('later revised the toll down to')."""
    return _CORRECTED_TOLL_RX.search(before_count) is not None
