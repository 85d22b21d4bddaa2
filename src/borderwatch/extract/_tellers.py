"""Who tells an event rather than takes part in it: "the army said", "according to the gendarmerie", "a annoncé
l'armée"; who speaks of its own doing ("JNIM said its fighters"); a sentence that lays the event at someone's door."""

from __future__ import annotations

import re

from ._detect import SentenceEvent
from ._merge import EventGroup
from ._party import Party
from ._text import load_data, phrase_regex

__all__ = ["blames", "speaks_of_itself", "tellers_country", "tells"]


# A party that tells the event: followed by a speech verb ("the army said", "a gendarmerie source said", "military
# sources told") or after one ("according to the army", "a annoncé l'armée", "selon la gendarmerie"); the words are
# roles.json `telling_verbs` and `telling_markers`.
_TOLD_AFTER = re.compile(
    r"\s*(?:sources?\s+|spokes(?:man|woman|person)\s+)?(?:,\s*)?"
    + phrase_regex(load_data("roles.json")["telling_verbs"]).pattern,
    re.IGNORECASE,
)


_TOLD_BEFORE = re.compile(
    phrase_regex(load_data("roles.json")["telling_markers"]).pattern
    + r"\s+(?:(?:the|an?|le|la|les|des|une?)\s+|l['’]\s*)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


_BLAME = re.compile(r"\b(?:blam|accus|attribut|imput|responsib|responsab|held|tenu)", re.IGNORECASE)


def blames(member: SentenceEvent) -> bool:
    """The sentence lays the event at someone's door ('residents blamed the army', 'accusent l'armée')."""
    return bool(_BLAME.search(member.sentence.text))


def tells(party: Party, member: SentenceEvent) -> bool:
    """The party is who tells the event in its sentence ('X said', 'according to X'), no side of it."""
    text = member.sentence.text
    mention = party.mention
    return bool(
        _TOLD_AFTER.match(text, mention.end) or _TOLD_BEFORE.search(text[max(0, mention.start - 60) : mention.start])
    )


_SELF = re.compile(
    r"\b(?:its|their|our|we|they|itself|themselves)\b"
    # "the Islamic State's Sahel branch later said it carried out the attack": 'it' only right after the saying
    r"|\b(?:said|says|claimed|claims|announced|stated)\s+(?:that\s+)?it\b",
    re.IGNORECASE,
)


def speaks_of_itself(party: Party, main: SentenceEvent) -> bool:
    """'X said its fighters ...', 'X said they had ...': the group tells of its own doing (not 'according to X')."""
    return bool(_SELF.search(main.sentence.text, party.mention.end))


def tellers_country(group: EventGroup, parties: list[tuple[int, Party]]) -> str | None:
    """The one country of the state forces that tell the event ('..., the Nigerien army said', 'selon l'armée
    malienne'): the forces the event names without a country ('soldiers killed eight militants near the border
    with Mali') are theirs, wherever the place lies."""
    homes = {
        p.mention.country
        for i, p in parties
        if p.role == "other"
        and p.mention.force not in (None, "auto")
        and p.mention.country
        and tells(p, group.members[i])
    }
    return homes.pop() if len(homes) == 1 else None
