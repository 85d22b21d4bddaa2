"""Roles that the words right around a party give, whatever the parse made of them.

"in coordination with X" makes X a partner, "a checkpoint manned by X" the side struck, "drones operated by X"
the side that struck, "crossed from Mali" a place of origin; "forces loyal to X" lend X their role; the party
right after a trigger and its "by" did it. Vocabulary in `data/roles.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ._party import Party
from ._registry import ActorMention
from ._text import fold, load_data

__all__ = ["agent_by_order", "moves_subject", "standing_for", "with_marked_roles"]


def standing_for(text: str, mention: ActorMention) -> tuple[int, int]:
    """The span whose role is the mention's: 'Forces loyal to the GNU clashed with a militia' makes the forces the
    subject, and the GNU, whose forces they are, takes their part (roles.json `allegiance_markers`)."""
    head = _ALLEGIANCE.search(fold(text[max(0, mention.start - 60) : mention.start]))
    if head is None:
        return mention.start, mention.end
    offset = max(0, mention.start - 60)
    return offset + head.start("head"), offset + head.end("head")


_ALLEGIANCE = re.compile(
    r"\b(?P<head>[a-z]+)\s+(?:"
    + "|".join(load_data("roles.json")["allegiance_markers"])
    + r")\s+(?:the\s+|la\s+|le\s+|l\s+)?$"
)


@dataclass(frozen=True)
class _Markers:
    partner: re.Pattern[str]  # "in coordination with", "backed by", "appuyés par" right before a party
    holder: re.Pattern[str]  # "a checkpoint manned by", "tenu par" right before a party
    blamed: re.Pattern[str]  # "attributed the attack to", "residents blamed", "imputée à" right before a party
    origin: re.Pattern[str]  # "crossed from", "venus du" right before a country's name: where from, not who
    movement_participle: re.Pattern[str]  # French "déployés", "envoyés": a passive that moves its subject
    operator: re.Pattern[str]  # "drones operated by", "des drones pilotés par" right before a party: who used them
    operated: re.Pattern[str]  # "operated by" right after an equipment party ("Turkish drones operated by ...")
    equipment: re.Pattern[str]  # a party's words that end on equipment ("Turkish drones")


@cache
def _markers() -> _Markers:
    data = load_data("roles.json")
    gap = r"(?:(?:" + "|".join(data["gap_words"]) + r")\s+){0," + str(int(data["max_words_between"])) + "}"

    def before(key: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(data[key]) + r")\s+" + gap + "$")

    return _Markers(
        partner=before("partner_markers"),
        holder=before("holder_markers"),
        blamed=before("blame_markers"),
        origin=re.compile(r"\b(?:" + "|".join(data["origin_markers"]) + r")\s+(?:the\s+|la\s+|l\s+)?$"),
        movement_participle=re.compile(r"\b(?:" + "|".join(data["movement_participles"]) + r")\b"),
        operator=re.compile(
            r"\b(?:"
            + "|".join(data["equipment_words"])
            + r")\s+(?:"
            + "|".join(data["operating_markers"])
            + r")\s+"
            + gap
            + "$"
        ),
        operated=re.compile(r"\s+(?:" + "|".join(data["operating_markers"]) + r")\b"),
        equipment=re.compile(r"\b(?:" + "|".join(data["equipment_words"]) + r")$"),
    )


def with_marked_roles(text: str, parties: list[Party]) -> list[Party]:
    """Roles the words right before a party give, whatever the parse made of them: a partner ('Nigerien forces,
    in coordination with the Chadian army, repelled ...', 'backed by French drones') acted beside a side and is
    neither; the armed group the deed is laid on ('attributed the attack to IS Sahel') did it; who operated the
    equipment that struck ('drones operated by the army') did it, and the equipment is no
    party; the force that mans a place ('a checkpoint manned by soldiers came under fire') is struck with it; a
    country named as where someone came from ('fighters who had crossed from Mali') is not its state acting."""
    if not parties:
        return parties
    markers = _markers()
    folded = fold(text)
    out = []
    for party in parties:
        before = folded[max(0, party.mention.start - 80) : party.mention.start]
        if _equipment(party, folded, markers):
            continue  # "Turkish drones operated by the Malian army": what was used, not who used it
        if markers.operator.search(before):
            out.append(replace(party, role="agent", stance=None))
        elif party.mention.force == "auto" and markers.origin.search(before):
            out.append(replace(party, role="other", stance=None))  # "fighters who had come from Burkina Faso"
        elif markers.partner.search(before):
            out.append(replace(party, role="partner", stance=None))
        elif markers.holder.search(before):
            out.append(replace(party, role="target", stance=None))
        elif markers.blamed.search(before) and party.mention.party == "armed":
            # "local sources attributed the attack to IS Sahel", "residents blamed IS Sahel fighters": who the
            # deed is laid on did it, however the parser hung the group's name
            out.append(replace(party, role="agent", stance=None))
        else:
            out.append(party)
    return out


def _equipment(party: Party, folded: str, markers: _Markers) -> bool:
    """The party names equipment that the words after it say someone else operated ('Turkish drones operated by')."""
    named = folded[party.mention.start : party.mention.end]
    return bool(markers.equipment.search(named)) and markers.operated.match(folded, party.mention.end) is not None


def moves_subject(verb_group: str) -> bool:
    """A French passive whose participle moves its subject ('des renforts ont été déployés'): it did it."""
    return _markers().movement_participle.search(fold(verb_group)) is not None


_ROLES = load_data("roles.json")
_BY_DETERMINERS = r"(?:(?:" + "|".join(_ROLES["by_determiners"]) + r")\s+)*"
# "ambushed by approx. 20 armed men", "by about 30 gunmen", "by dozens of fighters": how many, between 'by' and who;
# a field report's 'est. 40', 'ca. 30' as well as a wire's 'about 40', 'an estimated 40'
_HOW_MANY = r"(?:(?:" + "|".join(_ROLES["count_qualifiers"]) + r")\s+)?"
_HOW_MANY += r"(?:(?:" + "|".join(_ROLES["group_counts"]) + r")\s+)?"
_BY_THEN = re.compile(r"\s+(?:\w+ly\s+)?by\s+" + _BY_DETERMINERS + _HOW_MANY, re.IGNORECASE)
_DETERMINERS = re.compile(r"\s+" + _BY_DETERMINERS + _HOW_MANY, re.IGNORECASE)
_WARDING_OFF = re.compile(r"(?:" + "|".join(_ROLES["warding_off_stems"]) + ")", re.IGNORECASE)


def agent_by_order(text: str, mention: ActorMention, triggers: list[tuple[int, int]]) -> bool:
    """'ambushed by IS Sahel fighters': the party right after a trigger and its 'by' did it, however the parser
    read the words ('IS' taken for a verb leaves the fighters hanging)."""
    for start, end in triggers:
        if end > mention.start or mention.start - end > 40 or _WARDING_OFF.match(text, start):
            continue  # "were repelled by the army": the army was attacked
        between = text[end : mention.start]
        joined = _DETERMINERS if text[start:end].lower().endswith(" by") else _BY_THEN
        if joined.fullmatch(between):
            return True
        if _UNDER.search(text[start:end]) and _FROM_THEN.fullmatch(between):
            return True  # "came under fire from IS Sahel militants": who it came from did it
    return False


# a trigger phrase that undergoes ("came under fire", "coming under attack"), then 'from' and who
_UNDER = re.compile(r"\bunder\s+\w+$", re.IGNORECASE)
_FROM_THEN = re.compile(r"\s+from\s+" + _BY_DETERMINERS + _HOW_MANY, re.IGNORECASE)
