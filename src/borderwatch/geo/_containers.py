"""Names written as the containers of others: 'A, B' and 'A (B, C)' read B as holding A ('Tacoma, Washington',
'Dogofri (Niono, Segou)'), but 'A, B and C' is a list; a place and its division the context passes left apart are
settled as a pair, and a country written after a name rules out its loose namesakes abroad."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ._candidate_arrays import AREA_CODES, COUNTRY_CODES, DIVISION_CODES
from ._context import inside
from ._mention import Mention, Resolution

__all__ = ["link_containers", "outside_its_container", "settle_pairs"]

# 'A, B', 'A (B', 'A in B', and with a part of B between: 'A, northern B', 'A in south-eastern B'; and B written
# with the kind of its division: 'A, in the province of B', 'A, dans la province de la B', 'A (cercle de B'.
_DIVISION_KINDS_EN = r"(?:province|region|cercle|circle|department|district|governorate|wilaya|commune)"
_DIVISION_KINDS_FR = (
    r"(?:province|région|cercle|département|commune(?:\s+rurale|\s+urbaine)?|préfecture|gouvernorat|wilaya|daïra)"
)
_CONTAINER_GAP = re.compile(
    r"^\s*[,(]\s*$|^\s*,\s*\(?\s*$|^\s+in\s+$"
    r"|^\s*(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+$"
    r"|^\s*(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:central|upper|lower)\s+$"
    rf"|(?i:^\s*(?:,\s*|\s+)in\s+the\s+{_DIVISION_KINDS_EN}\s+of\s+(?:the\s+)?$)"
    rf"|(?i:^\s*(?:,\s*|\s+|\s*\(\s*)(?:(?:dans|en)\s+)?(?:(?:la|le)\s+|l['’]\s*)?{_DIVISION_KINDS_FR}"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+|du\s+|des\s+|d['’]\s*)$)"
)
_LIST_END = re.compile(r"^\s*,?\s*(?:and|or|&)\s+$")
# 'Tinzaouaten, on the Malian side (of the border)': the side's country holds the place, as 'A, B' would say.
_SIDE_GAP = re.compile(r"^\s*,?\s*(?:on|from)\s+the\s+$", re.IGNORECASE)
_SIDE_AFTER = re.compile(r"\s+side\b", re.IGNORECASE)
_PAIR_CONFIDENCE = 0.8  # of a place and its division settled together ('PARIS, Mo.'): the text pairs them


def settle_pairs(
    mentions: list[Mention],
    groups: dict[int, tuple[str, tuple[str, ...]]],
    by_group: dict[tuple[str, tuple[str, ...]], tuple[Resolution | None, float]],
) -> bool:
    """'PARIS, Mo.', 'Tacoma, Washington': a place written before a division (state, province, county) that can hold
    it is read with it.
    Context passes rank both names at once from the previous pass, so the two can miss each other (Paris in
    Missouri while 'Mo.' went to a town near Paris, France); when the pair as resolved does not fit, the most
    likely pair that does (a place inside a division or country of the other name) replaces it. Returns whether
    anything changed."""
    changed = False
    for mention in mentions:
        if not mention.containers:
            continue
        holder = mentions[mention.containers[0]]
        place, division = by_group[groups[mention.index]][0], by_group[groups[holder.index]][0]
        if place is not None and division is not None and inside(place.record, division.record):
            continue
        if place is not None and place.record.feature_code in COUNTRY_CODES | {"CONT"}:
            continue  # 'in Russia, U.S. officials said': a country is in no list of this kind
        best: tuple[float, int, int] | None = None
        for j, outer in enumerate(holder.candidates):
            if outer.record.feature_code not in DIVISION_CODES:
                continue
            for i, inner in enumerate(mention.candidates):
                score = float(mention.priors[i] + holder.priors[j])
                if (best is None or score > best[0]) and inside(inner.record, outer.record):
                    best = (score, i, j)
        if best is None:
            continue
        _, i, j = best
        for who, k in ((mention, i), (holder, j)):
            chosen = who.candidates[k]
            by_group[groups[who.index]] = (Resolution(chosen.record, round(_PAIR_CONFIDENCE * chosen.match, 3),
                                                      chosen.match), math.inf)  # fmt: skip
        changed = True
    return changed


def outside_its_container(mention: Mention, res: Resolution, ranked: dict[int, Resolution | None]) -> bool:
    """'Inata, northern Burkina Faso' that only a namesake abroad matches loosely (Nata, Botswana), 'Bourasso, dans
    la province de la Kossi' that only another province's town matches loosely (Boulsa, by its other name
    'Burusa'): the text says which country or division the place is in, and no place is better than a wrong one
    (the event keeps the country or the division)."""
    for index in mention.containers:
        holder = ranked.get(index)
        if holder is None or holder.record.feature_code not in COUNTRY_CODES | DIVISION_CODES:
            continue
        # A record under its own main name is trusted against the container ('Saipan, Guam' in a text about the
        # islands); a loose or other-name match outside it is the namesake the text rules out.
        if holder.record.feature_code in COUNTRY_CODES:
            outside = res.record.country is not None and res.record.country != holder.record.country
        else:
            outside = not inside(res.record, holder.record)
        return outside and res.match < 1.0 and res.record.feature_code not in AREA_CODES
    return False


def link_containers(text: str, mentions: list[Mention]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """'A, B' and 'A (B, C)': B (and C) may be what contains A. A mention without such a hint takes the hints
    of the other mentions of its name when they all agree. Returns each mention's group: (name, hint names)."""
    ordered = sorted(mentions, key=lambda m: m.start)

    def gap(k: int) -> str:  # the text between the k-th mention and the next
        return text[ordered[k].end : ordered[k + 1].start] if k + 1 < len(ordered) else "."

    def holds(k: int) -> bool:  # the next mention is written as what holds the k-th ('A, B', 'A, on the B side')
        if _CONTAINER_GAP.match(gap(k)):
            return True
        return bool(_SIDE_GAP.match(gap(k))) and _SIDE_AFTER.match(text, ordered[k + 1].end) is not None

    for i, mention in enumerate(ordered):
        last = i
        for j in range(i + 1, min(i + 3, len(ordered))):
            if not holds(j - 1):
                break
            mention.containers.append(ordered[j].index)
            last = j
        # 'Washington, New York and Boston' is a list of peers, not Washington in New York; 'Tacoma, Washington and
        # Boise, Idaho' still pairs each town with its state.
        if mention.containers and _LIST_END.match(gap(last)) and not _CONTAINER_GAP.match(gap(last + 1)):
            mention.containers.clear()
    # A division written as the container of its namesake seat ('Gao, Gao region, Mali': the second Gao) says
    # nothing of what the name's other mentions are: they are the seat's ('residents of Gao').
    namesake_holders = {i for m in mentions for i in m.containers if mentions[i].key == m.key}
    hint_sets: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    donors: dict[str, list[int]] = {}
    for mention in mentions:
        if mention.containers and mention.index not in namesake_holders:
            hint_sets[mention.key].add(tuple(mentions[i].key for i in mention.containers))
            donors.setdefault(mention.key, mention.containers)
    groups = {}
    for mention in mentions:
        # Not to the holder itself, which would be read in one group with the seat it contains.
        if (
            not mention.containers
            and len(hint_sets.get(mention.key, ())) == 1
            and mention.index not in namesake_holders
        ):
            mention.containers = list(donors[mention.key])
        groups[mention.index] = (mention.key, tuple(mentions[i].key for i in mention.containers))
    # The other way round: 'Tacoma, Washington' tells which Washington as much as which Tacoma (every mention of
    # the name learns it: one sense per name).
    contained: dict[str, list[int]] = defaultdict(list)
    for mention in mentions:
        for i in mention.containers:
            contained[mentions[i].key].append(mention.index)
    for mention in mentions:
        mention.contained = contained.get(mention.key, [])
    return groups
