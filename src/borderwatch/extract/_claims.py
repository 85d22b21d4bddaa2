"""Claims and attributions: which group a report says did the event told before ("JNIM claimed the attack").

A sentence that claims or attributes an attack names its doer; one that says nobody claimed it names none. The
named group joins the claimants of the latest event of the kind the claim names (a kidnapping, a bombing, an
attack), told before or in the claim's sentence; `_merge.py` lets such a sentence join that event whatever its date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._registry import ActorMention, ActorRegistry
from ._segment import Sentence

if TYPE_CHECKING:
    from ._merge import EventGroup

__all__ = ["attach_claims", "is_claim", "of_claimed_kind"]


_CLAIM = re.compile(
    r"\b(?:believed|thought|understood|said)\s+to\s+(?:be|belong|have\s+been)\b|"
    r"\b(?:is|are|was|were)\s+(?:widely\s+|also\s+)?suspected\b(?!\s+(?:militants|jihadists|terrorists|smugglers))|"
    r"\b(?:was|were|is|are)\s+blamed\s+for\b|\b(?:blamed|accused)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:army|forces|troops|soldiers|military|police|gendarmerie|FAMa)\b|\bblamed\s+(?:\w+\s+){1,5}?for\b|\bclaim(?:ed|ing|s)?\s+(?:responsibility|(?:the|both|this|that|these|those|all|an|the\s+twin)\s+(?:\w+\s+)?(?:attack|assault|ambush|kidnapping|abduction|operation|"
    r"bombing|killing|raid|attacks|killings)|it)\b|\bclaimed\s+by\b|\b(?:blamed|attributed)\s+(?:on|to)\b|"
    r"\bresponsibility\s+(?:for|was\s+claimed)|\brevendiqu|"
    # "sources attributed the incident to IS Sahel": a deed's noun that no trigger reads ('incident'), laid on a group
    r"\b(?:attributed|imputed)\s+(?:the|this|that|these|those|both)\s+(?:\w+\s+){0,2}?(?:incidents?|attacks?|ambush|"
    r"assault|killings?|abduction|kidnapping|bombing|explosion|blast|raid|massacre)\s+to\b",
    re.IGNORECASE,
)


def _is_blamed(text: str, mention: ActorMention) -> bool:
    """The force is who is blamed ('blamed the Malian army', 'accused the army of'), not who blames."""
    before = text[max(0, mention.start - 30) : mention.start]
    return bool(re.search(r"\b(?:blamed|accused|held\s+responsible)\s+(?:the\s+)?$", before, re.IGNORECASE))


_NO_CLAIM = re.compile(
    r"\b(?:no\s+(?:group|one|organi[sz]ation|faction)|nobody|none\s+of\s+the\s+groups)\b[^.;]{0,40}?\bclaim|"
    r"\b(?:not|never|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?claim|\bunclaimed\b|\bdenied\s+(?:any\s+)?(?:responsibility|involvement)",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r",?\s+but\s+|;|\s+while\s+|\s+whereas\s+")


def is_claim(text: str) -> bool:
    """A claim of responsibility or an attribution, not its absence ('No group has claimed the attack'), read
    clause by clause ('Officials blamed Katiba Macina, but no group claimed the attack' is one)."""
    return any(_CLAIM.search(part) and not _NO_CLAIM.search(part) for part in _CLAUSE_BREAK.split(text))


_CLAIMED_KIND = re.compile(
    r"\b(?:kidnappings?|abductions?|bombings?|explosions?|ambush|killings?|rape|attacks?|assaults?|raids?)\b",
    re.IGNORECASE,
)
_CLAIMED_TYPES = {
    "kidnapping": {"Abduction/forced disappearance"}, "abduction": {"Abduction/forced disappearance"},
    "bombing": {"Explosions/Remote violence"}, "explosion": {"Explosions/Remote violence"},
    "ambush": {"Battles"}, "killing": {"Attack", "Battles"}, "rape": {"Sexual violence"},
    # "claimed the attack": a ground attack, on forces or on civilians; a bomb is claimed as a bombing or a blast
    "attack": {"Battles", "Attack"}, "assault": {"Battles", "Attack"}, "raid": {"Battles", "Attack"},
}  # fmt: skip


def of_claimed_kind(claim: str, groups: list[EventGroup]) -> list[EventGroup]:
    """The groups of the kind a claim names ('JNIM claimed the ambush': the battles), or all when none is."""
    kind = _CLAIMED_KIND.search(claim)
    if kind is None:
        return groups
    wanted = _CLAIMED_TYPES[kind.group().lower().rstrip("s")]
    return [g for g in groups if g.main.sub_event_type in wanted or g.main.event_type in wanted] or groups


def attach_claims(groups: list[EventGroup], sentences: list[Sentence], registry: ActorRegistry) -> None:
    """'The Islamic State claimed responsibility': the named group initiated the event told before (or in) it."""
    if not groups:
        return
    for sentence in sentences:
        if not is_claim(sentence.text):
            continue
        mentions = registry.find(sentence.text)
        # Who is blamed, not who blames ("The CSP ... accused the Malian army of"); else the groups that claim.
        named = [m for m in mentions if (m.named or m.force in ("military", "police")) and _is_blamed(sentence.text, m)]
        named = named or [m for m in mentions if m.named and m.party == "armed"]
        before = [g for g in groups if g.main.sentence.start <= sentence.start and g.main.modality is None]
        before = of_claimed_kind(sentence.text, before)
        if named and before:
            shifted = [
                ActorMention(
                    m.start + sentence.start,
                    m.end + sentence.start,
                    m.text,
                    m.party,
                    m.named,
                    m.force,
                    country=m.country,
                )
                for m in named
            ]
            before[-1].claimants.extend(shifted)
