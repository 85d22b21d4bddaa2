"""The side a sub-type implies when the text leaves it unnamed (ACLED's generic actors): protesters protest, state
forces arrest, an unidentified armed group plants a bomb; violence against civilians always has civilians as
actor2."""

from __future__ import annotations

import datetime as dt

from ..model import Actor
from ._merge import EventGroup
from ._registry import ActorMention, ActorRegistry

__all__ = ["default_actors"]


def default_actors(
    sub: str,
    group: EventGroup,
    registry: ActorRegistry,
    actor1: Actor | None,
    actor2: Actor | None,
    when: dt.date | None,
    country: str | None,
    filer: str | None = None,
    filer_force: str | None = None,
) -> tuple[Actor | None, Actor | None]:
    """The side a sub-type implies when the text leaves it unnamed (ACLED's generic actors). The state forces
    that arrest, patrol, disarm or are fired upon are the filer's (`filer`: a post's or a ministry's state) when
    the report has one, else the event's country's; generic actors and strikes seen from afar are the country's."""
    cues = {c for m in group.members for c in m.cues}
    own = filer or country  # whose forces the unnamed state side of the report's own doings is

    def generic(kind: str) -> Actor:
        return registry.actor_for(ActorMention(0, 0, "", "", generic=kind), when, country).model_copy(
            update={"text": None}
        )

    if group.main.event_type == "Protests" and (actor1 is None or actor1.type != 6):
        # "security forces fired on protesters": the protesters are actor1, the forces actor2
        force = actor1 if actor1 is not None and actor1.type == 1 else None
        actor1, actor2 = generic("protesters"), force or (actor2 if actor2 is not None and actor2.type != 6 else None)
    if group.main.event_type == "Riots" and (actor1 is None or actor1.type != 5):
        # "fishermen clashed with police": the police are the other side, the fishermen the rioters themselves
        force = actor1 if actor1 is not None and actor1.type == 1 else None
        actor1, actor2 = (
            generic("rioters"),
            force or actor2 or (actor1 if actor1 and actor1.type not in (5, 6, 7) else None),
        )
    if sub == "Peaceful protest" and actor2 is not None and actor2.type != 6:
        # ACLED codes a peaceful protest to its protesters (a counter-protest aside): the police who looked on, or
        # the authorities protested against, did nothing to them
        actor2 = None
    if sub in ("Protest with intervention", "Excessive force against protesters") and actor2 is None:
        actor2 = registry.force_actor("police", country, when)
    if group.main.event_type == "Violence against civilians":
        if actor1 is None or actor1.type == 7:
            actor1 = generic("armed")
        if actor2 is None or actor2.type != 7:
            actor2 = generic("civilians")
    if sub == "Shelling/artillery/missile attack" and actor1 is None:
        actor1 = generic("armed")
    if sub in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade") and (
        actor1 is None or actor1.type in (1, 7, 8)
    ):
        # State forces and civilians are the victims of bombs here, not who planted them; an armed group named
        # beside them planted it ("a convoy hit a bomb planted by JNIM").
        if actor2 is not None and actor2.type in (2, 3, 4):
            actor1, actor2 = actor2, actor1
        else:
            actor2 = actor2 if actor2 is not None and (actor1 is None or actor2.type != actor1.type) else actor1
            actor1 = generic("armed")
    remote = group.main.event_type == "Explosions/Remote violence"
    if remote and actor2 is None and "target_state" in cues and (actor1 is None or actor1.type != 1):
        actor2 = registry.force_actor("military", own, when)  # "a military post came under mortar fire"
    if sub in ("Air/drone strike", "Chemical weapon") and actor1 is None and country:
        # Unnamed aircraft are the state's, unless what they struck is the state's own forces ("the army post came
        # under drone attack"): then an armed group the text does not name flew them (ACLED's unidentified actor).
        struck_state = actor2 is not None and actor2.type == 1
        actor1 = generic("armed") if struck_state else registry.force_actor("military", country, when)
    if sub == "Arrests" and actor1 is None:
        # "three support elements were arrested", in a defence ministry's communiqué: by its forces, not the police
        kind = filer_force if filer_force in ("military", "police") else "police"
        actor1 = registry.force_actor(kind, own, when)
    # A post's shorthand names no force ("patrol found and destroyed 1 IED", "joint patrol conducted along the
    # border strip", "checkpoint: seized 1 lorry of fuel"): who disarms bombs, patrols a border or stops its
    # smugglers is the state's military.
    tags = {t for m in group.members for t in m.tags}
    patrolling = sub == "Other" and tags & {"patrol", "joint_operation", "deployment", "smuggling", "trafficking"}
    # What a post or a ministry reports done without saying by whom ("checkpoint: seized 1 lorry of flour") its own
    # forces did.
    patrolling = patrolling or (filer is not None and sub == "Other")
    # "Reinforcements were deployed to Ménaka", "a curfew was imposed in Ménaka": troops move and a curfew is the
    # army's measure whoever orders it (actors.json army_measures), though the text names no one
    patrolling = patrolling or (sub == "Change to group/activity" and "deployment" in tags)
    patrolling = patrolling or (
        "movement_restriction" in tags and any(registry.names_army_measure(m.sentence.text) for m in group.members)
    )
    if (sub == "Disrupted weapons use" or patrolling) and actor1 is None and own:
        actor1 = registry.force_actor("military", own, when)
    battle = group.main.event_type == "Battles"
    if battle and actor2 is None and "target_state" in cues and (actor1 is None or actor1.type != 1):
        actor2 = registry.force_actor("military", own, when)
    if group.main.event_type == "Battles" and actor1 is None and actor2 is not None and actor2.type in (1, 8):
        actor1 = generic("armed")  # "a convoy was ambushed": by someone the text does not name
    if battle and actor1 is None and actor2 is not None and actor2.type in (2, 3) and own:
        actor1 = registry.force_actor("military", own, when)  # "a terrorist was killed in a security operation"
    if group.main.event_type == "Battles" and actor1 is not None and actor2 is None and actor1.type == 1:
        actor2 = generic("armed") if "any_armed_party" in cues else None
    if battle and actor2 is not None and actor2.type == 7:
        # A battle has two armed sides: the people killed in it ("three people were killed when fighting broke
        # out between a brigade and a local armed group") count in its toll, and its other side is armed.
        actor2 = generic("armed")
    if battle and actor1 is None and actor2 is not None:
        actor1, actor2 = actor2, None  # "clashes erupted near Djibo, killing five people": unnamed armed men fought
    if battle and actor1 is None and actor2 is None and country:
        actor1 = generic("armed")  # a post's "contact 10 km E of post; 2 KIA friendly, 3 EKIA": someone unnamed fought
    return actor1, actor2
