"""Counts of the dead a report hedges beside a firmer one: '8 militants confirmed killed and up to 15 more probably
killed', 'another seven were likely killed', '12 EKIA confirmed, 5 EKIA probable', 'quatre autres vraisemblablement
tués'. ACLED codes the most conservative figure, so _tolls.py drops a hedged count when another count of the event
tells the dead (a hedged count alone is still the report's toll). The words are data (data/toll_hedges.json)."""

from __future__ import annotations

import re

from ._quantity_mention import QuantityMention
from ._text import load_data

__all__ = ["is_hedged"]

_WORDS = load_data("toll_hedges.json")
# the adverb inside the count's own words ("were probably killed", "probablement tués"), not one of a clause around it
_HEDGE_INSIDE = re.compile(r"(?<![\w-])(?:" + "|".join(_WORDS["adverbs"]) + r")(?![\w-])", re.IGNORECASE)
# the adjective right after the count ("5 EKIA probable", "4 EKIA non confirmés"), a comma or a bracket apart at most
_HEDGE_AFTER = re.compile(r"\s*[,(]?\s*(?:" + "|".join(_WORDS["after"]) + r")(?![\w-])", re.IGNORECASE)


def is_hedged(sentence: str, q: QuantityMention) -> bool:
    """Whether the sentence marks this count of the dead as probable, possible or unconfirmed."""
    return bool(_HEDGE_INSIDE.search(q.text)) or _HEDGE_AFTER.match(sentence, q.end) is not None
