"""An event's fatalities across its sentences, by ACLED's rules: each side's dead, tolls that stand for everyone,
updates that raise a toll, and competing figures (claims, other sources) of which the lowest is coded; 0 when the
report tells of no death."""

from __future__ import annotations

import re

from ._detect import SentenceEvent
from ._habitual import running_total_spans
from ._merge import UPDATE_LINE as _UPDATE_LINE
from ._merge import EventGroup
from ._quantities import (
    DEAD_LISTED,
    DEAD_LISTED_AFTER,
    MORE_WORDS,
    PERPETRATOR_WORDS,
    TOTAL_WORDS,
    QuantityMention,
    counted_noun,
    is_bomber_death,
)
from ._quantity_patterns import BARE_NUMBER, RANKED_ITEM
from ._registry import ActorMention, ActorRegistry
from ._text import load_data
from ._toll_corrections import CLAIM_OR_DENIAL, corrects_the_toll, told_later
from ._toll_hedges import is_hedged

__all__ = ["fatalities_of_event"]


def fatalities_of_event(group: EventGroup, registry: ActorRegistry) -> int:
    """ACLED's count across the event's sentences: the deaths of each side (added up within a sentence; the same
    side told again in another sentence counts once, at its most conservative), and figures for everyone (a toll,
    'people', 'N dead') that stand for them all.

    A count the text corrects ('revising an earlier count of eleven') is dropped, and a vague one ('dozens') when
    a precise one is given for the same people. When both a toll and the deaths of both fighting sides are told,
    they are two estimates of one fight and the lower one is coded; attackers killed beside a toll of victims add
    to it. A competing figure ('the group claimed to have killed 30', 'though a hospital put the toll at 20')
    counts the same dead again: the lower figure is coded.
    """
    counts = _death_counts(group, registry)
    precise_sides = {_side_in(m, q, registry) for m, q, vague, _ in counts if not vague}
    # A vague count ('dozens of bodies') yields to a precise one for the same people (or for anyone, for a toll).
    counts = [
        c
        for c in counts
        if not c[2]
        or (
            _side_in(c[0], c[1], registry) not in precise_sides
            and (_side_in(c[0], c[1], registry) or not precise_sides)
        )
    ]
    competing = _competing(counts, registry)
    totals: list[int] = []
    sides: dict[str, int] = {}
    last_total, first_more = -1, len(counts)  # where the tolls of everyone and the dead told as more stand
    corrected: int | None = None  # the last toll of everyone the report says it corrects or finally stands
    later_total: int | None = None  # the last toll of everyone told later than another, which it replaces
    for member in {id(m): m for m, _, _, _ in counts}.values():
        in_sentence: dict[str, int] = {}
        bodies: dict[str, int] = {}  # a side's bodies counted, beside its dead told otherwise
        listed_side, listed_end, listed_text = None, -1, ""
        for _, q, _, order in (c for c in counts if c[0] is member and id(c[1]) not in competing):
            side = _side_in(member, q, registry)
            gap = member.sentence.text[listed_end : q.start] if listed_end >= 0 else "."
            if (
                side is None
                and listed_side is not None
                # "killing a teacher, two farmers and ...": a list's next group by a comma too, when it names whom
                and (_LIST_JOIN.fullmatch(gap) or (_LIST_GAP.fullmatch(gap) and _names_a_group(q.text)))
            ):
                side = (
                    listed_side  # "An army captain and four of his men were killed": the list's next group, not a toll
                )
            listed = (
                side is None
                and listed_side is None
                and _LIST_GAP.fullmatch(gap) is not None
                and _names_a_group(q.text)
                and _names_a_group(listed_text)
            )
            listed_side, listed_end, listed_text = side, q.end, q.text
            if listed:
                totals[-1] += q.value  # "killing a teacher, two farmers and the chief's son": one list of the dead
            elif side is None:
                before_count = member.sentence.text[: q.end]
                if corrects_the_toll(before_count):
                    corrected = q.value  # "later revised the toll down to 12": it replaces the counts before
                elif totals and told_later(before_count):
                    later_total = q.value  # "killing 11 people. Officials later said the toll was 7": the tolls before
                totals.append(q.value)
                last_total = max(last_total, order)
            else:
                if side == "more" and _DIED_LATER.search(member.sentence.text):
                    first_more = min(first_more, order)
                counts_bodies = side != "more" and counted_noun(q.text) in _BODY_NOUNS
                tally = bodies if counts_bodies else in_sentence
                tally[side] = tally.get(side, 0) + q.value
        for side, value in bodies.items():
            # "Hostile: approx 12 KIA, 8 bodies counted": the bodies counted are the same dead, the conservative figure
            in_sentence[side] = min(in_sentence[side], value) if side in in_sentence else value
        updates = _UPDATE_LINE.match(member.sentence.text) is not None
        if updates and any(side in sides for side in in_sentence if side != "more"):
            in_sentence.pop("more", None)  # "UPDATE: 5 KIA (2 WIA DOW)": the wounded who died are among the five
        for side, value in in_sentence.items():
            # "Initial: FF 2 KIA. UPDATE 1400Z: FF 5 KIA": an update line's figure replaces the side's earlier one
            sides[side] = value if updates or side not in sides else min(sides[side], value)
    if corrected is not None and len(counts) > 1:
        return corrected  # "killing 30 people ... The governor later revised the toll down to 12 dead"
    if later_total is not None:
        totals = [later_total]  # each side's dead still count beside it, as beside any toll
    rival_totals, rival_sides = [], {}
    for side, value in competing.values():
        if side is not None and side in sides:
            sides[side] = min(sides[side], value)
        elif side is not None:  # 'residents said 20 died; the army said three soldiers and six attackers': one figure
            rival_sides[side] = min(rival_sides.get(side, value), value)
        else:
            rival_totals.append(value)  # a claim against a toll of everyone ('12 people died; X claimed 30 soldiers')
    if rival_sides:
        rival_totals.append(sum(rival_sides.values()))
    ours = sides.get("ours")
    if ours is not None and any(v == ours for side, v in sides.items() if side not in ("ours", "more")):
        # "killing four soldiers ... 'We lost four men,' the commander said": the same dead, told again by their side
        sides.pop("ours")
    armed = sides.pop("armed", 0)
    # "killing ten people. Two of the wounded later died": more dead after a toll of everyone add to it, unless a
    # toll told after them already counts them ("..., bringing the toll to 12")
    more = sides.pop("more", 0) if totals and last_total < first_more < len(counts) else 0
    others = sum(sides.values())
    if not totals:
        told = others + armed
        return min(told, *rival_totals) if rival_totals and told else (told or min(rival_totals, default=0))
    total = (min(max(totals), *rival_totals) if rival_totals else max(totals)) + more
    if "state" in sides and armed:
        return min(total, others + armed)  # a toll and each side's losses: two estimates of one fight
    if armed and not others and total == armed:
        return armed  # "a smuggler was shot dead ... one man was killed": the same dead told twice, with no side
    return max(total, others) + armed


def _names_a_group(text: str) -> bool:
    """Whether a count names whom it counts by a noun of its own ('two farmers', 'a teacher'), not everyone ('nine
    people', 'the toll')."""
    noun = counted_noun(re.split(r",|\(", text.strip(", "))[0])
    lowered = text.lower()
    return noun is not None and noun not in TOTAL_WORDS and "toll" not in lowered and "bilan" not in lowered


def _competing(
    counts: list[tuple[SentenceEvent, QuantityMention, bool, int]], registry: ActorRegistry
) -> dict[int, tuple[str | None, int]]:
    """The counts that compete with an earlier one for the same dead (id -> side, value): a claim or another
    source's figure after a count of the same side, or of everyone ('the army said 5 soldiers died, while the
    militants claimed to have killed 30')."""
    out: dict[int, tuple[str | None, int]] = {}
    earlier: list[tuple[str | None, int, SentenceEvent]] = []  # (side, end, member) of the counts told before
    for member, q, _, _ in sorted(counts, key=lambda c: c[3]):
        side = _side_in(member, q, registry)
        if side != "more":
            for before_side, end, before_member in reversed(earlier):
                if before_side not in (side, None) and side is not None:
                    continue
                start = end if before_member is member else 0
                # "put the toll at 9", "gave a toll of 21": the count's own words finish the source's wording
                between = member.sentence.text[start : q.start] + _TOLL_AT.match(q.text).group()
                # "..., but the toll was later raised to nine": the count's own words may tell the update
                if _COMPETING.search(between) and not _is_update(f"{between} {q.text}"):
                    out[id(q)] = (side, q.value)
                break
        earlier.append((side, q.end, member))
    return out


_COMPETING = re.compile(
    r"\b(?:" + "|".join(load_data("ontology.json")["competing_tolls"]["patterns"]) + r")\b", re.IGNORECASE
)
_TOLL_AT = re.compile(r"(?:(?:death\s+)?(?:toll|figure)\s+(?:at|of)\s+)?", re.IGNORECASE)
_UPDATED = load_data("ontology.json")["updated_tolls"]
_UPDATE = re.compile(r"\b(?:" + "|".join(_UPDATED["patterns"]) + r")\b", re.IGNORECASE)


def _is_update(between: str) -> bool:
    """'Officials later put the toll at 10', 'the toll was revised to 10': a source's later figure is the toll's
    update, not a competing one, unless it is a claim or a denial ('the group later claimed 30')."""
    return bool(_UPDATE.search(between)) and not CLAIM_OR_DENIAL.search(between)


def _side_in(member: SentenceEvent, q: QuantityMention, registry: ActorRegistry) -> str | None:
    """Whose dead a count of its sentence counts: 'N of them' with no side of its own is the dead of the fighting
    side its sentence named last before it ('the attackers suffered heavy losses, with 20 of them killed')."""
    before = member.sentence.text[: q.start]
    if _WE_LOST.search(before) and _LOSS.match(q.text):
        return "ours"  # "we lost three men": the teller's own dead, a side of their own
    if _LOSS.match(q.text) or _OF_THEIR_MEN.search(q.text):
        # "the assailants left behind the bodies of four of their men", "les assaillants ont perdu une dizaine
        # d'hommes": the dead of the side the sentence names before them; the subject of the verb of losing when the
        # parse found it ("the soldiers killed 9 assailants but lost 3 of their own": not the assailants)
        if q.side in ("state", "armed"):
            return q.side
        # not a party counted as killed before it ("Les militaires ont neutralisé 9 assaillants mais ont perdu 3
        # des leurs": the soldiers lost them)
        named = [
            m
            for m in _fighting_sides(registry, before)
            if not _COUNTED_BEFORE.search(before[max(0, m.start - 20) : m.start])
        ]
        if named:
            return named[-1].party
    if _SUFFERED.search(before) and counted_noun(q.text) in (None, *TOTAL_WORDS):
        # "the assailants suffered twelve dead", "les assaillants ont enregistré une dizaine de morts": a count of
        # the dead that a side suffered is that side's, the side its subject names (before any side the parse gave
        # it: "The army suffered three dead" is no count of the army's enemies)
        named = _fighting_sides(registry, before)
        if named:
            return named[-1].party
    if _LEFT_BEHIND.search(before) and counted_noun(q.text) in _BODY_NOUNS:
        # "les assaillants ont été repoussés, laissant sur le terrain 12 corps", "the attackers fled, leaving behind
        # nine bodies": the bodies a side left behind are its own dead, the side its sentence names
        named = _fighting_sides(registry, before)
        if named:
            return named[-1].party
    left = _LEFT_BEHIND_BY.search(before) if counted_noun(q.text) in (None, *TOTAL_WORDS) else None
    if left is not None:
        # "The militants left behind 16 dead", "les assaillants ont laissé sur le terrain 16 morts": the dead a side
        # left behind it, the side the verb's subject names right before it (not "..., leaving behind 16 dead")
        named = _fighting_sides(registry, before[: left.start()])
        if named and not before[named[-1].end : left.start()].strip():
            return named[-1].party
    side = _side(q, registry)
    if side is not None or not _OF_THEM.search(q.text):
        return side
    named = _fighting_sides(registry, before)
    if not named and _WE.search(before):
        return "armed"  # "we lost three men, but we killed fifteen of them": the teller's enemies
    return named[-1].party if named else None


def _fighting_sides(registry: ActorRegistry, text: str) -> list[ActorMention]:
    """The state forces and armed groups `text` names, in order: the sides a count of the dead may be of."""
    return [m for m in registry.find(text) if m.party in ("state", "armed")]


# a number right before a party: the party is counted, the object of a verb, not who lost men ("killed 9 assailants")
_COUNTED_BEFORE = re.compile(rf"(?:\d+|\b(?:{BARE_NUMBER}))\s+$", re.IGNORECASE)
# "20 of them", "trois d'entre eux": a count whose people are named before it
_OF_THEM = re.compile(r"\b(?:of\s+them|d['’]\s*entre\s+(?:eux|elles))\b", re.IGNORECASE)
_OF_THEIR_MEN = re.compile(
    r"\bof\s+their\s+(?:own\s+)?(?:men|fighters|comrades|ranks)\b|\bde\s+leurs\s+(?:hommes|combattants)\b"
    r"|\bof\s+(?:their|its)\s+own\b|\bdes\s+(?:leurs|siens)\b"  # "lost three of their own", "perdu trois des leurs"
    r"|\b(?:dans|in|among|parmi)\s+(?:ses|leurs|its|their)\s+(?:own\s+)?(?:rangs|ranks)\b",
    re.IGNORECASE,
)
# a side's losses told by their verb right before the count: "suffered twelve dead", "ont enregistré une dizaine de"
_SUFFERED = re.compile(
    r"\b(?:suffered|sustained|ont\s+(?:subi|enregistr[ée])|a\s+(?:subi|enregistr[ée]))\s+"
    r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|au\s+moins|environ|pr[èe]s\s+de|plus\s+de)\s+)?$",
    re.IGNORECASE,
)
# a fighter or officer quoted: "we lost three men", "nous avons perdu trois hommes"
_WE = re.compile(r"\b(?:we|nous)\b", re.IGNORECASE)
_WE_LOST = re.compile(r"\b(?:we|nous)\s+(?:have\s+|had\s+)?$", re.IGNORECASE)
# "lost", "ont perdu 14 hommes": the count's own verb of losing, its French auxiliary included
_LOSS = re.compile(r"(?:(?:avons|avions|ont|a|avaient|avait)\s+)?(?:lost|perdu)\b", re.IGNORECASE)
# "laissant sur le terrain", "leaving behind", "ont abandonné sur place": what a side left behind it as it fled
_LEFT_BEHIND = re.compile(
    r"\b(?:left|leaving|leave|abandon(?:ed|ing)?|laiss(?:ant|[ée]|[ée]s)|abandonn(?:ant|[ée]|[ée]s))"
    r"(?:\s+(?:behind|on\s+the\s+(?:ground|field|battlefield)|sur\s+(?:le\s+terrain|place)|derri[èe]re\s+eux))?\s+"
    r"(?:(?:at\s+least|about|some|nearly|more\s+than|au\s+moins|environ|pr[èe]s\s+de|plus\s+de|the|les)\s+)?$",
    re.IGNORECASE,
)


_LEFT_BEHIND_BY = re.compile(
    r"\s+(?:had\s+)?left\s+behind\s+(?:(?:at\s+least|about|some|nearly|more\s+than)\s+)?$"
    r"|\s+(?:ont|avaient)\s+laiss[ée]\s+(?:sur\s+(?:le\s+terrain|place)|derri[èe]re\s+eux)\s+"
    r"(?:(?:au\s+moins|environ|pr[èe]s\s+de|plus\s+de)\s+)?$",
    re.IGNORECASE,
)


def _side(q: QuantityMention, registry: ActorRegistry) -> str | None:
    """Whose dead a count counts (None: everyone's)."""
    lowered = q.text.lower()
    if lowered in ("himself", "herself") or is_bomber_death(lowered):
        return "armed"  # the bomber
    noun = counted_noun(re.split(r",|\(", q.text)[0])  # "15 people, among them civilians, died": people
    if q.side is not None and (noun is None or noun in TOTAL_WORDS or noun in ("men", "persons", "kia")):
        return q.side
    if noun in MORE_WORDS or _MORE.search(lowered):
        return "more"  # "two more died in hospital", "a fourth soldier succumbed": more dead, told after
    if _OURS.search(lowered):
        return "ours"  # "we lost three of our men": the teller's own dead, a side of their own
    if noun is None and _ENEMY_VERB.search(lowered):
        return "armed"  # "at least five neutralised": a word forces use only of their enemies' dead
    if noun is None or noun in TOTAL_WORDS or "toll" in lowered or lowered.startswith("bilan"):
        return None
    if noun in PERPETRATOR_WORDS or noun + "s" in PERPETRATOR_WORDS or noun == "gunman":
        return "armed"
    parties = registry.find(re.split(r",|\(", q.text)[0])
    if parties and parties[-1].named and all(n.beside_state for n in parties[-1].named):
        return "state"  # "eight soldiers and three VDP auxiliaries died": one side's dead
    if not parties and RANKED_ITEM.match(q.text.strip()):
        # "Sergeant Ali Kone and Corporal Paul Zongo were killed": men named by military rank are the state forces'
        # dead (the same two as 'two soldiers died' told after), not a side named after the last of them
        return "state"
    side = parties[-1].party if parties else noun
    return None if side == "people" else side


# "1 WIA (DOW)", "3 WIA (1 DOW 15 APR)": a field report's wounded who died of their wounds (ontology.json
# `death_phrases.died_of_wounds`)
_DIED_OF_WOUNDS = "|".join(load_data("ontology.json")["death_phrases"]["died_of_wounds"])
# "Two of the wounded later died", "succumbed the next day": deaths after the toll was told, not its breakdown
_DIED_LATER = re.compile(
    r"\b(?:later|subsequently|succumb\w*|died\s+of\s+(?:their|his|her)\s+(?:wounds|injuries)|the\s+(?:next|following)\s+day|"
    rf"le\s+lendemain|plus\s+tard|succomb[ée]\w*|{_DIED_OF_WOUNDS})\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|et|as\s+well\s+as)\s+)?", re.IGNORECASE)
_BODY_NOUNS = {"bodies", "corpses", "corps", "cadavres"}
_LIST_JOIN = re.compile(r"(?:\s+[\w'-]+)?\s*,?\s*(?:and|et|as\s+well\s+as)\s+", re.IGNORECASE)
_ENEMY_VERB = re.compile(r"\bneutrali[sz]ed\b|\bneutralis[ée]e?s?\b|\beliminated\b|\b[ée]limin[ée]e?s?\b")
_OURS = re.compile(r"\b(?:of\s+our|de\s+nos|our\s+(?:men|soldiers|troops|comrades|fighters|brothers))\b")
_MORE = re.compile(
    r"\b(?:more|others?|another|second|third|fourth|fifth|sixth|autres?|supplémentaires|seconde|deuxième|troisième|"
    r"quatrième|cinquième|sixième)\b(?!\s+than)"
    # "a wounded soldier succumbed", "un soldat blessé a succombé": one of the wounded, not the dead told before
    r"|(?<!fatally )(?<!mortally )\b(?:wounded|injured|wia)\b|(?<!mortellement )\bbless[ée]e?s?\b"
    r"|\blater\s+(?:died|succumbed)\b"  # "three soldiers later died of their wounds": more dead, told after
    rf"|\b(?:{_DIED_OF_WOUNDS})\b"  # "1 DOW": one of the wounded, dead since
)
# "up from 17", "initially reported four dead", "qui faisait d'abord état de six soldats tués", "Initial: FF 2 KIA": a
# figure the report corrects (ontology.json `superseded_tolls`)
_SUPERSEDED = re.compile(
    r"(?:" + "|".join(load_data("ontology.json")["superseded_tolls"]["patterns"]) + r")$", re.IGNORECASE
)
# "a month after an attack killed eleven people", "deux semaines après une embuscade qui avait fait six morts": a count
# in the clause that dates the event by an earlier one is the earlier one's toll.
# "the third blast this month, after two others that killed 12", "après celles qui ont fait 12 morts": earlier ones'
_EARLIER_EVENT = re.compile(
    r"\b(?:(?:hours?|days?|weeks?|months?|years?)\s+after|(?:heures?|jours?|semaines?|mois|ans)\s+après)\s+"
    r"[^,;:]*$"
    r"|\b(?:after|following|après)\s+(?:(?:two|three|several|deux|trois|plusieurs)\s+)?(?:others?|those|similar\s+\w+|"
    r"celles?|ceux|celui|d['’]autres|autres)\s+(?:[\w'’-]+\s+){0,3}?(?:that|which|qui)\s+(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\b(?:after|following|après)\s+$", re.IGNORECASE)
_OTHER_ONES = re.compile(r"\S+\s+(?:others|autres)\b", re.IGNORECASE)
_MONTHS = "|".join(load_data("ontology.json")["months"]["en"])  # matched case-insensitively
_MOIS = "|".join(load_data("ontology.json")["months"]["fr"])
_TALLY_AFTER = re.compile(
    rf"[^,;:.]{{0,40}}?\b(?:since\s+(?:{_MONTHS}|the\s+(?:start|beginning)\s+of|(?:19|20)\d\d)|(?:so\s+far\s+)?this\s+year|"
    rf"depuis\s+(?:{_MOIS}|le\s+d[ée]but\s+de|(?:19|20)\d\d)|cette\s+ann[ée]e)\b",
    re.IGNORECASE,
)
# "Cumulative since 01 MAY: 9 rounds, 4 KIA", "Sector toll this month: 14 killed": a sitrep's running line before a
# count in its own sentence makes it a period's tally
_TALLY_BEFORE = re.compile("|".join(load_data("ontology.json")["tally_labels"]["patterns"]), re.IGNORECASE)
_LOST = re.compile(r"(?:lost|perdu)\s+", re.IGNORECASE)
_VAGUE = {"dozens", "dozen", "several", "hundreds", "tens", "scores", "many", "numerous", "some", "few"}


def _death_counts(group: EventGroup, registry: ActorRegistry) -> list[tuple[SentenceEvent, QuantityMention, bool, int]]:
    """(member, count, vague, order) for every death count of the event's sentences; the headline's only when the body
    gives none or only other sides' dead, and none the text itself corrects."""
    members = [m for m in group.members if not m.sentence.headline]
    if not any(q.kind == "fatalities" for m in members for q in m.quantities):
        members = group.members  # the headline repeats the body's toll; it counts only when the body gives none
    else:
        members += [m for m in group.members if m.sentence.headline and _headline_adds(m, members, registry)]
    out = []
    # the counts the text corrects or hedges ('probably killed'): dropped when another count tells the dead
    superseded: list[int] = []
    for member in sorted(members, key=lambda m: m.sentence.start):
        for q in sorted(member.quantities, key=lambda q: q.start):
            if q.kind != "fatalities":
                continue
            if _EARLIER_EVENT.search(member.sentence.text[: q.start]):
                continue  # "..., a week after an attack in the same area killed nine": that attack's dead
            if _AFTER.search(member.sentence.text[: q.start]) and _OTHER_ONES.match(q.text):
                continue  # "..., after two others that killed 11": the earlier attacks, not their dead
            # "killing five civilians and bringing to 31 the number killed since January": the period is the
            # total's, told in a clause of its own after the count, not this count's
            total = next((s for s, _ in running_total_spans(member.sentence.text) if s >= q.end), None)
            if _TALLY_AFTER.match(member.sentence.text[:total], q.end):
                continue  # "attacks that have killed more than 60 people since March": a period's tally
            # "the army, which has now lost 23 men": the count's own verb of losing ends the running line's words
            lost = _LOST.match(q.text)
            if _TALLY_BEFORE.search(member.sentence.text[: q.start] + (lost.group() if lost else "")):
                continue
            vague = not any(ch.isdigit() for ch in q.text) and bool(_VAGUE & set(q.text.lower().split()))
            if _SUPERSEDED.search(member.sentence.text[max(0, q.start - 60) : q.start]) or is_hedged(
                member.sentence.text, q
            ):
                superseded.append(len(out))
            out.append((member, q, vague, len(out)))  # the last: the count's place in the text
    if len(superseded) < len(out):
        out = [(m, q, vague, order) for order, (m, q, vague, _) in enumerate(c for c in out if c[3] not in superseded)]
    # "Among the dead were four children and two women": who some of the dead were, the toll only when nothing else
    # counts them
    listed = [c for c in out if _is_listed(c[0], c[1])]
    return [c for c in out if c not in listed] or listed


def _headline_adds(headline: SentenceEvent, body: list[SentenceEvent], registry: ActorRegistry) -> bool:
    """'Attack on Tessit camp: three soldiers dead' over a body that counts only the assailants killed: the headline
    tells a side's dead the body does not, and adds them. Only the two fighting sides are told apart so: any other
    count (everyone's, 'the elimination of two terrorists' read as no side) may be the same dead."""
    deaths = [q for q in headline.quantities if q.kind == "fatalities"]
    heads = {_side_in(headline, q, registry) for q in deaths}
    told = {_side_in(m, q, registry) for m in body for q in m.quantities if q.kind == "fatalities"}
    return bool(deaths) and heads | told <= {"state", "armed"} and not heads & told


def _is_listed(member: SentenceEvent, q: QuantityMention) -> bool:
    marker = DEAD_LISTED.search(member.sentence.text, max(0, q.start - 60), q.start)
    return (marker is not None and marker.end() == q.start) or DEAD_LISTED_AFTER.match(member.sentence.text, q.end)
