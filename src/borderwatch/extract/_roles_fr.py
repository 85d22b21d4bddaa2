"""Roles in French sentences, from word order: the English parser reads French passives poorly.

"Trois civils ont été enlevés par des hommes armés": the parse would make the civilians the
subject of an active verb and leave the gunmen unattached. In a sentence that is French
(by its function words), a party right after "par" following a trigger initiated the
event, and the subject before a passive verb group or an "underwent" phrase ("est tombée
dans une embuscade", "a essuyé des tirs") suffered it. Other parties keep the parse's
role. The vocabulary is data (`data/roles_fr.json`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ._roles import Party
from ._text import fold, load_data

__all__ = ["is_french", "with_french_roles"]

_WORD = re.compile(r"[a-z]+")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:qui|alors|mais|tandis|et)\b|\b(?:lorsque|quand|apres que|alors que)\b")


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], int, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_data("roles_fr.json")
    agent = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in data["agent_markers"]) + r")\s+$")
    passive = re.compile(r"\b(?:" + "|".join(data["passive"]) + r")\b")
    undergoing = re.compile(r"(?:" + "|".join(data["undergoing"]) + r")\b")
    return (
        frozenset(data["function_words"]),
        frozenset(data["english_words"]),
        int(data["min_function_words"]),
        agent,
        passive,
        undergoing,
    )


def is_french(text: str) -> bool:
    french, english, least, *_ = _vocabulary()
    words = _WORD.findall(fold(text))
    fr = sum(w in french for w in words)
    return fr >= least and fr > 2 * sum(w in english for w in words)


def with_french_roles(text: str, parties: list[Party], triggers: list[tuple[int, int]]) -> list[Party]:
    """The parties with the roles French word order gives them (unchanged for a sentence that is not French)."""
    if not parties or not triggers or not is_french(text):
        return parties
    _, _, _, agent_marker, passive, undergoing = _vocabulary()
    folded = fold(text)
    first_trigger = min(start for start, _ in triggers)
    suffered = [m.start() for rx in (passive, undergoing) for m in rx.finditer(folded)]
    out = []
    for party in parties:
        mention = party.mention
        before = folded[max(0, mention.start - 30) : mention.start]
        # "par des hommes armés", "par les terroristes": the article sits between the marker and the name
        bare = re.sub(r"(?:\b(?:des|les|le|la|l|un|une|d|de|du)\s+)+$", "", before)
        if mention.start > first_trigger and agent_marker.search(bare):
            out.append(replace(party, role="agent"))
        elif any(_subject_before(folded, mention.end, at) for at in suffered):
            out.append(replace(party, role="target"))
        else:
            out.append(party)
    return out


def _subject_before(folded: str, end: int, verb_at: int) -> bool:
    """The party ends before the verb group, with no clause boundary and no other verb group between."""
    if verb_at < end or verb_at - end > 60:
        return False
    between = folded[end:verb_at]
    return not _CLAUSE_BREAK.search(between) and " ont " not in f" {between} " and " a " not in f" {between} "
