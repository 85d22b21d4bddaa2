"""The fight that answers a one-sided act told before it: the troops' response to an attack on civilians, the
resistance to an arrest, an air strike's ground phase ('Gunmen killed nine villagers in Kouri. Soldiers engaged the
attackers, who fled'). Read by `_merge.py`: such a fight joins the act as part of it while it kills no one, and leaves
it as an armed clash of its own when the fighters' deaths are told.
"""

from __future__ import annotations

import re

from ._detect import SentenceEvent
from ._text import load_data, phrase_alternation

__all__ = ["deadly_response", "fight_with_the_doers", "fighters_dead"]


def _doers_pattern() -> re.Pattern[str]:
    spec = load_data("clauses.json")["fight_with_the_doers"]
    nouns = phrase_alternation(spec["nouns"])
    told = rf"(?:(?:{phrase_alternation(spec['determiners'])})\s+(?:[\w-]+\s+)?|\bl['’]\s*)(?:{nouns})"
    return re.compile(rf"(?<![\w-])(?:{told}|{phrase_alternation(spec['pronouns'])})(?![\w-])", re.IGNORECASE)


_DOERS_AGAIN = _doers_pattern()  # "Soldiers engaged the attackers": the people the one-sided act before was about
# acts with one side doing and the other undergoing (an air strike's targets cannot strike back): a fight told after
# one, with those people, is part of it: the response to an attack, the resistance to an arrest, a strike's ground phase
_ONE_SIDED = {
    "Attack", "Abduction/forced disappearance", "Sexual violence", "Looting/property destruction", "Arrests",
    "Disrupted weapons use", "Air/drone strike",
}  # fmt: skip
# of those, the acts on people a state force may answer by fighting their doers (not its own arrests and seizures,
# nor an air strike, whose targets cannot strike back)
_ANSWERABLE = _ONE_SIDED - {"Arrests", "Disrupted weapons use", "Air/drone strike"}


def fight_with_the_doers(main: SentenceEvent, event: SentenceEvent) -> bool:
    """'Gunmen killed nine villagers in Kouri. Soldiers engaged the attackers, who fled', 'Police arrested three
    suspects in Kasserine. Shots were exchanged with the suspects during the operation': a fight told after a one-sided
    act, with the people that act was about (or with no other side named: 'a firefight ensued'), that kills no one and
    has no day of its own, is that act's fight (the response to the attack, the resistance to the arrest), not an
    armed clash of its own. A fight that kills ('Soldiers fought back, killing 20 of the attackers') stays one of its
    own."""
    return (
        main.sub_event_type in _ONE_SIDED
        and event.sub_event_type == "Armed clash"
        and not event.fatalities
        and (event.date is None or event.date_weak)
        and (bool(_DOERS_AGAIN.search(event.sentence.text)) or not _other_side_named(event))
    )


def _other_side_named(event: SentenceEvent) -> bool:
    """'Security forces intervened and a firefight ensued': a fight that names no armed group fights the one told."""
    return any(p.mention.party == "armed" for p in event.parties)


def fighters_dead(event: SentenceEvent) -> bool:
    """Deaths among the fighting sides ('4 soldiers and 11 militants were killed'), not the act's victims."""
    return bool(event.fatalities) and bool(event.cues & {"target_armed", "target_state"})


def deadly_response(main: SentenceEvent, event: SentenceEvent) -> bool:
    """'JNIM militants attacked Dallah, killing 6 civilians. FAMa later clashed with the militants near the village,
    killing 4 of them': state forces, absent from the one-sided act, fought its doers and killed; an armed clash of
    its own, though the doers are named in both (the clash's own 'with the militants' makes them a side of it)."""
    return (
        main.sub_event_type in _ANSWERABLE
        and event.sub_event_type == "Armed clash"
        and bool(event.fatalities)
        and "clash" in event.cues  # a fight told as one: 'police shot the gunman dead' ends the attack, part of it
        and "agent_state" in event.cues
        and "agent_state" not in main.cues
    )
