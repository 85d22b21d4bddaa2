"""One event per happening: sentence events of a report that tell the same happening become one group.

A sentence joins the event before it when it adds to it rather than tells something
new: same event type (or a violent type with only deaths to add), no other date, no
other place, and either close by (same paragraph, next sentence) or pointing back
("The attack was claimed by ..."). Sentences with a modality never merge with facts.
A claim or an attribution ("JNIM claimed the attack on Monday", read by `_claims.py`) joins the violent event
told before it whatever its own date (the claim's). The headline's events join the body's
events of the same family; a headline event the body does not tell stands alone only when
the body tells no event at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ._claims import is_claim, of_claimed_kind
from ._dates import ResolvedDate
from ._detect import SentenceEvent
from ._ontology import Ontology
from ._registry import ActorMention
from ._response_fights import deadly_response, fight_with_the_doers, fighters_dead
from ._segment import Sentence
from ._text import load_data, phrase_alternation
from ._toll_corrections import CORRECTED_TOLL, LATER_TOLL

__all__ = ["EventGroup", "complete_protests", "merge_events"]

_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_SEPARATE = re.compile(
    r"\b(?:in a separate|separately|elsewhere|meanwhile|in another|another (?:attack|incident|ambush|explosion)|"
    r"(?:a|one|two|three) (?:days?|weeks?) (?:later|earlier)|the (?:next|following|previous) day|"
    r"the day (?:before|after)|"
    r"le lendemain|le jour suivant|la veille|le surlendemain|(?:un|deux|trois|quatre|cinq|six|sept) jours? "
    r"(?:plus tard|plus t[ôo]t|auparavant)|dans un autre incident|"
    # "..., while another detachment discovered a cache": another unit's operation (a clause of its own, _clauses.py)
    r"^(?:another|other|a second|a third|un autre|une autre|d['’]autres) (?:[\w-]+ ){0,2}?"
    r"(?:detachments?|units?|patrols?|teams?|squads?|détachements?|unités?|patrouilles?|équipes?))\b",
    re.IGNORECASE,
)
# a communiqué's next item ("In the same period, detachments arrested ...", "Par ailleurs, ..."): another operation,
# unless the sentence only adds deaths to the one before
_NEXT_ITEM = re.compile(
    r"\b(?:in|during|over) the same period\b|\b(?:durant|pendant|au cours de|dans) la même période\b|"
    r"^\W*par ailleurs\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-–•*▪·]|\(?\d{1,2}[.)])\s+")
_STRONG_CUES = {
    "chemical", "airstrike", "suicide", "shelling", "ied", "grenade", "regain", "overtake", "transfer", "abduct",
    "hostage", "sexual", "protest", "riot", "mob", "agreement", "hq", "change_group", "loot", "defuse",
}  # fmt: skip
_MINOR_TAGS = {"infiltration", "smuggling", "trafficking", "diplomatic_appeal"}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
_CROWDS = {"protesters", "rioters", "civilian"}  # the parties a crowd is read as
_THEY = re.compile(r"^\W*(?:they|ils|elles)\b", re.IGNORECASE)  # the doers told just before


def _pointer_pattern() -> re.Pattern[str]:
    spec = load_data("clauses.json")["arrested_pointers"]
    nouns = rf"(?:{phrase_alternation(spec['determiners'])})\s+(?:[\w-]+\s+)?(?:{phrase_alternation(spec['nouns'])})"
    return re.compile(rf"^\W*(?:{nouns}|{phrase_alternation(spec['pronouns'])})(?![\w-])", re.IGNORECASE)


_ARRESTED = _pointer_pattern()  # "The suspects had opened fire ...": the people the arrest before took


# "A drone later struck the retreating assailants": a strike after the ground fight, on its attackers as they left
# "...; the troops returned fire": the attacked side's answer to the attack told before
_FOUGHT_BACK = re.compile(
    r"\b(?:" + "|".join(load_data("clauses.json")["fought_back"]["patterns"]) + r")\b", re.IGNORECASE
)
_AFTER_THE_FIGHT = re.compile(
    r"\b(?:" + "|".join(load_data("clauses.json")["strike_after_fight"]["patterns"]) + r")\b", re.IGNORECASE
)


@dataclass
class EventGroup:
    """Sentence events telling one happening; the first is the main one (its sub-type and evidence)."""

    members: list[SentenceEvent] = field(default_factory=list)
    claimants: list[ActorMention] = field(default_factory=list)  # groups a later sentence says claimed it
    # the fight with a one-sided act's doers that joined it as its response ('Soldiers engaged the attackers'):
    # it and what follows leave the act as a clash of their own when fighters' deaths are told next
    response: SentenceEvent | None = None

    @property
    def main(self) -> SentenceEvent:
        return self.members[0]


def merge_events(events: list[SentenceEvent]) -> list[EventGroup]:
    groups: list[EventGroup] = []
    unattached: list[SentenceEvent] = []
    for event in events:
        if event.sentence.headline:
            continue
        target = _claimed_group(groups, event) or next((g for g in reversed(groups[-3:]) if _joins(g, event)), None)
        if target is not None and target.response is not None and fighters_dead(event):
            target = _fight_of_its_own(groups, target)
        elif target is not None and _only_a_response(target.main, event):
            target.response = event
        if target is None and "_addendum" in event.tags:
            unattached.append(event)
            continue  # deaths with no event to add to
        if target is None:
            groups.append(EventGroup([event]))
        else:
            target.members.append(event)
            _promote(target)
    if not groups:
        # "Une attaque contre le poste de Tillia a fait six morts dimanche": deaths told with the attack that
        # caused them are the report's happening when it tells no other, though no party says which kind
        groups = [EventGroup([event]) for event in unattached[:1] if "attack" in event.cues]
    body = len(groups)
    for event in events:
        if event.sentence.headline:
            target = _headline_group(groups[:body], event)
            if target is not None:
                target.members.append(event)
                _promote(target)
            elif not body:
                groups.insert(0, EventGroup([event]))
    return groups


def _family(event_type: str) -> str:
    if event_type in _VIOLENT:
        return "violent"
    return "demonstration" if event_type in ("Protests", "Riots") else event_type


_UPDATE = re.compile(
    r"\b(?:bringing|raising|taking|pushing|putting)\s+the\s+(?:death\s+)?(?:toll|number\s+of\s+dead)\b|"
    # "the attack brings to 120 the number of soldiers killed this year": a running total told of this event
    r"\b(?:brings?|bringing|raises?|raising|takes?|taking|pushes|pushing)\s+to\s+(?:[\w,.]+\s+){1,3}?"
    r"the\s+(?:total\s+|overall\s+)?(?:number|toll|tally)\s+of\b|"
    # "the toll of the attack on the post rose to eight", "the death toll from Monday's ambush has climbed to 9"
    r"\b(?:death\s+)?toll\s+(?:(?:of|from|in)\s+[^.;:!?]{1,60}?\s+)?(?:has\s+|had\s+)?"
    r"(?:later\s+|since\s+|subsequently\s+|then\s+|now\s+|further\s+)?(?:risen|rose|climbed|increased|reached)\b|"
    r"\bdied\s+(?:of|from)\s+(?:his|her|their)\s+(?:wounds|injuries)|\bsuccumbed\b|"
    r"\b(?:one|two|three|\w+)\s+of\s+the\s+(?:wounded|injured)\b[^.]{0,40}\bdied\b|"
    # "the toll was later revised upward to ten", "a fourth victim died in hospital", French updates
    r"\b(?:death\s+)?toll\s+(?:was|has\s+been|had\s+been)\s+(?:later\s+|since\s+|then\s+)?(?:revised|raised|updated)\b|"
    r"\b(?:a|another)\s+(?:second|third|fourth|fifth|sixth|seventh)\s+\w+\s+(?:later\s+)?died\b|"
    r"\b(?:a|the|one)\s+(?:wounded|injured)\s+\w+\s+(?:later\s+)?died\b|"  # "a wounded soldier died in hospital"
    # "the bodies of two more were found on Tuesday", "two more died overnight": more dead of the same event
    r"\bbodies\s+of\s+(?:\w+\s+)?more\b|\b\w+\s+more\s+(?:bodies|victims)\s+(?:were|have\s+been)\s+(?:found|recovered)\b|"
    r"\b\w+\s+more\s+(?:\w+\s+)?(?:later\s+)?died\b|"
    r"\bsuccomb[ée]s?\b|\bbilan\b[^.;]{0,80}?(?:s['’]est\s+alourdi|est\s+pass[ée]|a\s+grimp[ée]|a\s+[ée]t[ée]\s+(?:revu|port[ée]))|"
    # a toll corrected down: "the governor later revised the toll down to 12", "le bilan a été ramené à 9"
    + CORRECTED_TOLL
    # a toll told later: "the army later put the death toll at seven", "le bilan a ensuite été fixé à 7 morts"
    + "|"
    + LATER_TOLL,
    re.IGNORECASE,
)


# "UPDATE 1400Z:", "15 MAR UPDATE:", "Revised:": a field report's line that updates the figures told before it
UPDATE_LINE = re.compile(
    r"\W*(?:[\w/]+\s+){0,3}?(?:"
    + "|".join(load_data("ontology.json")["updated_tolls"]["line_labels"])
    + r")\b[^:.;]{0,20}:",
    re.IGNORECASE,
)
_EVENTIVE = frozenset(name for name, spec in load_data("ontology.json")["cues"].items() if spec["eventive"])
_DEATH_CUES = frozenset({"kill", "bodies_found"})


def _toll_update_line(event: SentenceEvent) -> bool:
    """'15 MAR UPDATE: three wounded gendarmes died in hospital': an update line that tells deaths and no happening of
    its own is the earlier event's toll, though its date is the day it was written ('UPDATE 1400Z: post attacked
    again' tells a new attack)."""
    if UPDATE_LINE.match(event.sentence.text) is None:
        return False
    told = event.cues & _EVENTIVE
    return bool(told) and told <= _DEATH_CUES


def _claimed_group(groups: list[EventGroup], event: SentenceEvent) -> EventGroup | None:
    """A claim or attribution of a violent event, or a later word on its toll ('one of the wounded died overnight,
    bringing the toll to two'), joins the violent event told before it, whatever its own date."""
    claim = is_claim(event.sentence.text)
    if not claim and not _UPDATE.search(event.sentence.text) and not _toll_update_line(event):
        return None
    same_status = [g for g in groups if (g.main.modality is None) == (event.modality is None)]
    # a riot's toll is updated too ("un policier a succombé à ses blessures"); only violence is claimed
    kinds = _VIOLENT if claim else _VIOLENT | {"Riots"}
    violent = of_claimed_kind(event.sentence.text, [g for g in same_status if g.main.event_type in kinds])
    return violent[-1] if violent else None


def _headline_group(groups: list[EventGroup], event: SentenceEvent) -> EventGroup | None:
    """The body event a headline event sums up: the first of the same sub-type, else of the same event type, else
    of the same family."""
    facts = [g for g in groups if (g.main.modality is None) == (event.modality is None)]
    for same in (
        lambda g: g.main.sub_event_type == event.sub_event_type,
        lambda g: g.main.event_type == event.event_type,
        lambda g: _family(g.main.event_type) == _family(event.event_type),
    ):
        target = next((g for g in facts if same(g)), None)
        if target is not None:
            return target
    return None


def _joins(group: EventGroup, event: SentenceEvent) -> bool:
    main, last = group.main, max(group.members, key=lambda m: m.sentence.start)
    if (main.modality is None) != (event.modality is None):
        return False
    if not (_same_kind(main, event) or _completes(main, event) or fight_with_the_doers(main, event)):
        return False
    # troops sent after a violent event are its response whatever day they went ("reinforcements arrived on Friday")
    response = main.event_type in _VIOLENT and (_deployment_only(event) or "_doers_only" in event.tags)
    if _dates_differ(group, event) and not response and not _its_edge(group, event):
        return False
    if _places_differ(group, event) and not event.anaphoric:
        return False  # "The fighting took place near X": the place told more closely, not another place
    if _told_another_day(event) and not response:
        return False  # "Une semaine plus tard, son corps a été retrouvé": days after the event told before
    if (_SEPARATE.search(event.sentence.text) and not response) or _BULLET.match(event.sentence.text):
        return False  # "Separately, ...", or the next item of a list
    if _NEXT_ITEM.search(event.sentence.text) and not response and "_addendum" not in event.tags:
        return False
    if _pursuit(main, event) or _strike_after_fight(main, event) or _strikers_own_dead(main, event):
        return False
    if deadly_response(main, event):
        return False
    close = event.sentence.paragraph - last.sentence.paragraph <= 2 and event.sentence.start - last.sentence.end < 400
    return close or event.anaphoric


def _only_a_response(main: SentenceEvent, event: SentenceEvent) -> bool:
    """A fight that joins a one-sided act only as its response, which no other reading would have joined."""
    return fight_with_the_doers(main, event) and not (_same_kind(main, event) or _completes(main, event))


def _fight_of_its_own(groups: list[EventGroup], act: EventGroup) -> EventGroup:
    """'Soldiers pursued the assailants and clashed with them; 4 soldiers and 11 militants were killed': the response
    fight killed, so it leaves the act told before as an armed clash of its own, taking its toll with it."""
    start = next(i for i, member in enumerate(act.members) if member is act.response)
    fight = EventGroup(act.members[start:])
    del act.members[start:]
    act.response = None
    groups.append(fight)
    return fight


def _strikers_own_dead(main: SentenceEvent, event: SentenceEvent) -> bool:
    """'Air strikes on Sunday hit the fleeing columns. At least 30 soldiers were killed': a state's air or drone strike
    kills its targets, never its own men; a toll of state forces alone (auxiliaries fighting beside them included),
    told with no doer of its own, is the toll of the ground fight told before the strike."""
    if main.sub_event_type != "Air/drone strike" or "agent_armed" in main.cues:
        return False
    if not event.fatalities or _agents(event) or not _is_weak(event):
        return False
    sides = {
        "state" if p.mention.named and all(n.beside_state for n in p.mention.named) else p.mention.party
        for p in event.parties
    }
    return sides == {"state"}


def _pursuit(main: SentenceEvent, event: SentenceEvent) -> bool:
    """'Our units pursued them and killed 11 assailants': other hands than the first event's went after its
    authors and fought them, a second clash of their own initiative; a pursuit that kills no one stays the story's."""
    if "pursuit" not in event.cues or main.event_type not in _VIOLENT or not event.fatalities:
        return False
    return bool(_agents(event)) and bool(_agents(main)) and not _agents(event) & _agents(main)


def _strike_after_fight(main: SentenceEvent, event: SentenceEvent) -> bool:
    """'Gunmen attacked the post ... A drone later struck the retreating assailants near Diapaga': a strike told as
    after the ground battle, on its attackers as they left, is an engagement of its own (an air strike), not the
    defenders' air support during the fight, which stays part of the battle."""
    return (
        main.event_type == "Battles"
        and event.sub_event_type == "Air/drone strike"
        and bool(_AFTER_THE_FIGHT.search(event.sentence.text))
    )


def _same_kind(main: SentenceEvent, event: SentenceEvent) -> bool:
    if main.sub_event_type == event.sub_event_type:
        return main.rule >= 0 or event.rule >= 0 or bool(main.tags & event.tags - _MINOR_TAGS)
    if main.event_type == event.event_type == "Explosions/Remote violence":
        return True  # how the bomb or the strike was delivered, told in the next sentence
    if main.event_type in ("Protests", "Riots") and _crowd_clash(event):
        return True  # "Residents protested ... Clashes broke out with the security forces": the protest turned violent
    if main.sub_event_type in _TERRITORY and event.sub_event_type == "Armed clash" and _is_weak(event):
        return True  # "recaptured Léré ... Fighting with the jihadists lasted four hours": the fight for the town
    if main.sub_event_type == "Attack" and _fought_back(event):
        return True  # "... killing three miners; the troops returned fire": the victims' side fought, one clash
    if main.event_type in _VIOLENT and _crowd_of_a_side(main, event):
        return True  # "Farmers and herders clashed ... A witness said a crowd of herders killed seven farmers"
    if main.event_type in _VIOLENT and event.event_type in _VIOLENT:
        # A sentence that only adds deaths or the fight itself belongs to the violent event told before it,
        # unless other hands did it ("Jihadists killed 35 civilians ... Soldiers fought back, killing 80").
        if _agents(main) and _agents(event) and not _agents(main) & _agents(event):
            return False
        if main.event_type == event.event_type and not _agents(event):
            return True  # "Gunmen took 170 hostages ... At least 20 hostages were killed": the same story
        return _is_weak(event) or _is_weak(main) or event.anaphoric
    if {main.event_type, event.event_type} == {"Protests", "Riots"}:
        return True  # the demonstration and the violence it turned to
    return main.event_type == event.event_type and event.anaphoric


def _fought_back(event: SentenceEvent) -> bool:
    """'The troops returned fire', 'les militaires ont riposté': a clash that only tells the attacked side's answer,
    with no dead and no day of its own."""
    return (
        event.sub_event_type == "Armed clash"
        and not event.fatalities
        and event.date is None
        and bool(_FOUGHT_BACK.search(event.sentence.text))
    )


def _crowd_of_a_side(main: SentenceEvent, event: SentenceEvent) -> bool:
    """Mob violence told with no day of its own by a crowd of one of the sides of the fight told before, against
    the other: the same happening told again (by a witness), not a second event; 'crowd' names the side's numbers."""
    if event.sub_event_type != "Mob violence" or event.date is not None:
        return False
    sides = {_head_word(p.mention.text) for p in main.parties if p.role in ("agent", "both", "target")}
    doers = {_head_word(p.mention.text) for p in event.parties if p.role in ("agent", "both")}
    struck = {_head_word(p.mention.text) for p in event.parties if p.role == "target"}
    return bool(doers & sides) and bool(struck & sides)


def _head_word(text: str) -> str:
    return text.lower().split()[-1] if text.split() else ""


def _crowd_clash(event: SentenceEvent) -> bool:
    """A clash told with no armed group on either side ('Clashes broke out with the security forces', 'des
    affrontements ont éclaté avec la garde nationale'): after a protest, the crowd's own fight with the police."""
    return (
        event.sub_event_type == "Armed clash"
        and not event.cues & {"agent_armed", "target_armed"}
        and _agents(event) <= {"state"}
        and not event.tags - {"_addendum"}
    )


def _crowd_turned_violent(main: SentenceEvent, added: SentenceEvent) -> bool:
    """A protest, peaceful or broken up, whose crowd then clashed with the police: a violent demonstration. One
    the police fired on to kill stays excessive force (its clash is the force told again)."""
    peaceful = main.sub_event_type in ("Peaceful protest", "Protest with intervention")
    unarmed = not added.fatalities and "lethal" not in added.cues
    return peaceful and added is not main and _crowd_clash(added) and unarmed


def _completes(main: SentenceEvent, event: SentenceEvent) -> bool:
    """Sentences that finish the story of the one before: the police response to a protest or a riot, the arms and
    prisoners a battle left, the deaths, the plunder and the burning a violent event caused, the arms an arrest
    found (and the arrests a seizure made), what a seizure's cache held, the patrol or smuggling it began with."""
    sub = event.sub_event_type
    if main.event_type in ("Protests", "Riots") and event.event_type in ("Protests", "Strategic developments"):
        return sub == "Arrests" or "intervene" in event.cues
    if "_addendum" in event.tags or "_doers_only" in event.tags:
        return main.event_type in _VIOLENT  # its deaths, or what became of its doers ("found the attackers gone")
    if main.sub_event_type == "Looting/property destruction" and event.event_type in _VIOLENT:
        # "Jihadists looted the market ... The assailants raided the shops", "They also shot at villagers": the raid
        # told again, pointing back to the same hands
        pointing_back = event.anaphoric or bool(_THEY.match(event.sentence.text))
        if not _agents(event) and event.fatalities and "target_civilian" in event.cues:
            return True  # "Two elderly residents died in the flames": the dead of the burning, no doers of their own
        return pointing_back and (not _agents(event) or bool(_agents(event) & _agents(main)))
    if main.sub_event_type == "Mob violence" and sub == "Attack" and _agents(event) <= _CROWDS:
        return True  # "Residents lynched a suspected kidnapper ... The man was beaten to death by the crowd"
    if main.event_type in _VIOLENT and sub == "Looting/property destruction":
        # "They also seized livestock", "The attackers burned the lorries": the same hands, told after
        return event.anaphoric or not _agents(event) or bool(_agents(event) & _agents(main))
    if main.sub_event_type == "Arrests" and sub == "Armed clash" and _ARRESTED.match(event.sentence.text):
        # "The suspects had opened fire on the officers": their resistance to the arrest; "the smugglers opened fire
        # and one was killed": the fight the interception became, one happening (_promote puts the fight first)
        return True
    if main.event_type == "Battles" and (sub in ("Disrupted weapons use", "Arrests") or _is_seizure(event)):
        return True  # and the interception that began it, told after it ("the patrol had intercepted two vehicles")
    if (main.sub_event_type in _INTERDICTION and sub in _INTERDICTION) and (
        _is_seizure(main) or _is_seizure(event) or main.sub_event_type != sub
    ):
        return True  # arrests, seizures of arms or of contraband in one operation
    if _is_seizure(main) and event.event_type in _VIOLENT:
        return True  # "intercepted a convoy ... occupants opened fire": the interception began the fight
    if main.sub_event_type in ("Disrupted weapons use", "Arrests") and event.event_type == "Explosions/Remote violence":
        return not event.fatalities and not any(c.startswith("target_") for c in event.cues)  # the cache's content
    if main.event_type in _VIOLENT and _deployment_only(event):
        return True  # "reinforcements were sent to the area": the response to the attack, no happening of its own
    return _context_only(event) or _context_only(main)


def _arrest_became_fight(main: SentenceEvent, added: SentenceEvent) -> bool:
    """'Customs officers intercepted smugglers near Ben Guerdane. The smugglers opened fire and one was killed': the
    people the arrest took fought back, and the fight killed; without deaths the arrest stays the happening."""
    return (
        main.sub_event_type == "Arrests"
        and added is not main
        and added.sub_event_type == "Armed clash"
        and bool(added.fatalities)
        and not added.sentence.headline
        and bool(_ARRESTED.match(added.sentence.text))
    )


def _deployment_only(event: SentenceEvent) -> bool:
    """Coded by the deployment tag alone (troops sent, reinforced, deployed), with no act of its own."""
    return event.rule < 0 and "deployment" in event.tags and event.tags <= _CONTEXT_TAGS | {"deployment", "_addendum"}


_INTERDICTION = {"Arrests", "Disrupted weapons use", "Other"}


def _is_seizure(event: SentenceEvent) -> bool:
    return event.sub_event_type == "Other" and "seizure" in event.cues


_CONTEXT_TAGS = {"patrol", "infiltration", "smuggling", "trafficking", "joint_operation"}


def _context_only(event: SentenceEvent) -> bool:
    """Coded by a border tag alone that tells how it began (a patrol, a crossing), not what happened."""
    return event.rule < 0 and bool(event.tags) and event.tags <= _CONTEXT_TAGS | {"_addendum"}


def _agents(event: SentenceEvent) -> set[str]:
    return {p.mention.party for p in event.parties if p.role in ("agent", "both") and p.mention.force != "auto"}


def _air_support(main: SentenceEvent, member: SentenceEvent) -> bool:
    """Air strikes told after an armed group's assault on a state force are the defenders' air support, a part
    of the ground battle (whose toll they must not take), not the means of the assault: the group has no aircraft."""
    assault = {"agent_armed", "target_state"} <= main.cues and "agent_state" not in main.cues
    return assault and member.sub_event_type == "Air/drone strike"


def _ground_fight(event: SentenceEvent) -> bool:
    """A fight of its own on the ground (an attack, a clash) by state forces, the side with the aircraft: not deaths or
    doers added to the event before, nor an armed group's fire at the aircraft."""
    return (
        event.sub_event_type == "Armed clash"
        and event.rule >= 0
        and "agent_state" in event.cues
        and not event.tags & {"_addendum", "_doers_only"}
        and bool(event.cues & {"attack", "clash", "direct_fire"})
    )


def _is_weak(event: SentenceEvent) -> bool:
    """A sentence that names no means, no territory, no kind of act of its own: only fighting, deaths, arrests."""
    return not event.cues & _STRONG_CUES


def _dates_differ(group: EventGroup, event: SentenceEvent) -> bool:
    """Dates that cannot be the same day: a weekend, a week or a month holds the days inside it."""
    if event.date is None or event.date_weak:
        return False
    return any(m.date is not None and not m.date_weak and not _same_time(m.date, event.date) for m in group.members)


def _its_edge(group: EventGroup, event: SentenceEvent) -> bool:
    """'Soldiers clashed with jihadists near Boni on Sunday night. The fighting, which lasted until early Monday, ...',
    'According to local sources, the fighting began on Saturday evening': the happening named again with a day next
    to its own is its start or its end told, not another happening."""
    if not event.same_happening or event.date is None or event.date.precision != 1:
        return False
    days = [m.date for m in group.members if m.date is not None and not m.date_weak]
    return bool(days) and all(d.precision == 1 and abs((d.date - event.date.date).days) <= 1 for d in days)


def _told_another_day(event: SentenceEvent) -> bool:
    """A happening dated only by days counted from the one told before ('A week later', 'le lendemain'): another day,
    so another event; deaths it adds ('two of the wounded died the next day') still count for the first."""
    own_date = event.date is not None and not event.date_weak
    if event.same_happening:
        return False  # "Cette attaque intervient une semaine après des affrontements": the days count to another
    return bool(event.chain_days) and not own_date and "_addendum" not in event.tags


def _same_time(a: ResolvedDate, b: ResolvedDate) -> bool:
    if a.precision == b.precision == 1:
        return a.date == b.date
    if 3 in (a.precision, b.precision):
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return abs((a.date - b.date).days) <= 3


def _places_differ(group: EventGroup, event: SentenceEvent) -> bool:
    if not event.places:
        return False
    names = {p[2].lower() for m in group.members for p in m.places}
    return bool(names) and not names & {p[2].lower() for p in event.places}


def _promote(group: EventGroup) -> None:
    """A specific sentence (an IED, an abduction) codes the group rather than a vaguer one before it;
    a police response makes a protest one 'with intervention' (or of excessive force, when it kills)."""
    main = group.main
    if main.event_type == "Protests" and group.members[-1].event_type == "Riots":
        group.members.insert(0, group.members.pop())  # a demonstration that turned violent is a riot
        return
    if _crowd_turned_violent(main, group.members[-1]):
        group.members[0] = replace(main, sub_event_type="Violent demonstration", event_type="Riots")
        return
    if main.event_type == "Protests" and main.sub_event_type == "Peaceful protest":
        added = group.members[-1]
        if added is not main and _completes(main, added):
            lethal = bool(added.fatalities) or "lethal" in added.cues
            sub = "Excessive force against protesters" if lethal else "Protest with intervention"
            group.members[0] = replace(main, sub_event_type=sub)
        return
    if _is_seizure(main) and not group.members[-1].sentence.headline:
        added = group.members[-1]
        # the fight outranks the interception that began it; so do the weapons the searched vehicle carried
        if added.event_type in _VIOLENT or added.sub_event_type == "Disrupted weapons use":
            group.members.insert(0, group.members.pop())
        return
    if _arrest_became_fight(main, group.members[-1]):
        group.members.insert(0, group.members.pop())  # the deaths make the fight the happening ACLED codes
        return
    if main.sub_event_type == "Looting/property destruction" and not group.members[-1].sentence.headline:
        added = group.members[-1]
        if added.event_type in _VIOLENT and added.fatalities:
            group.members.insert(0, group.members.pop())  # the raid killed: violence against people outranks plunder
        return
    if _context_only(main):
        index = next((i for i, m in enumerate(group.members[1:], 1) if not _context_only(m)), None)
        if index is not None and not group.members[index].sentence.headline:
            group.members.insert(0, group.members.pop(index))  # "patrol detected 4 persons ... 2 arrested": arrests
        return
    added = group.members[-1]
    if main.sub_event_type == "Attack" and added is not main and _fought_back(added):
        # ACLED codes an attack whose targets fought back as one armed clash
        group.members[0] = replace(main, sub_event_type="Armed clash", event_type="Battles")
        return
    if main.sub_event_type == "Air/drone strike" and _ground_fight(added) and not added.sentence.headline:
        # "aircraft struck the convoy while ground troops attacked it, killing five": the strikes were part of the
        # battle on the ground, which ACLED codes (with its toll)
        group.members.insert(0, group.members.pop())
        return
    if not _is_weak(main):
        return
    for index, member in enumerate(group.members[1:], 1):
        # Only the means (a bomb, a strike) recodes a fight; a capture or a killing told after it is part of it.
        if _air_support(main, member):
            continue
        if _ground_fight(main) and member.sub_event_type == "Air/drone strike":
            continue  # the battle on the ground a strike was promoted under keeps the deaths told after it
        if not _is_weak(member) and member.event_type == "Explosions/Remote violence" and not member.sentence.headline:
            group.members.insert(0, group.members.pop(index))
            return


def complete_protests(groups: list[EventGroup], sentences: list[Sentence], ontology: Ontology) -> None:
    """A peaceful protest whose next sentences (no event of their own) tell the police breaking it up ('Police
    dispersed them with tear gas.') is a protest with intervention."""
    starts = sorted(m.sentence.index for g in groups for m in g.members)
    for group in groups:
        main = group.main
        if main.sub_event_type != "Peaceful protest" or main.modality is not None:
            continue
        last = max(m.sentence.index for m in group.members)
        following = [s for s in sentences[last + 1 : last + 3] if s.paragraph - main.sentence.paragraph <= 1]
        following = [s for s in following if s.index not in starts]
        if any(ontology.finds("intervene", s.text) for s in following):
            group.members[0] = replace(main, sub_event_type="Protest with intervention")
