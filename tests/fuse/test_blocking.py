"""Blocking's name keys: a precise mention meets one whose report names its place around the sentence, and
blocking finds every pair the scorer would join.

SYNTHETIC reports: invented happenings at real places, invented groups.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from borderwatch.fuse import Candidate, Fuser, MentionFeatures, MentionIndex
from borderwatch.model import Evidence
from tests.fuse._make import PLACES, mention

GROUPS = ("Katibat Quesnoy", "Network Pyrwell", "Brigade Bexhollow")
TOWNS = tuple(PLACES)


def _told(
    fuser: Fuser,
    key: str,
    sentence: str,
    around: str,
    place: str | None,
    *,
    geo_precision: int = 1,
    day: str = "2025-04-06",
    actor: str | None = None,
) -> MentionFeatures:
    """The features of a mention whose report tells `sentence`, then `around` (its other happening)."""
    text = f"{sentence} {around}"
    told = mention(key, place=place, geo_precision=geo_precision, day=day, actor1=actor, sentence=sentence)
    told = told.model_copy(update={"evidence": Evidence(sentence=sentence, start=0, end=len(sentence))})
    return fuser.features(told, f"{key}-e", key, date.fromisoformat(day), text)


def _meets(fuser: Fuser, old: MentionFeatures, new: MentionFeatures) -> bool:
    index = MentionIndex()
    old.event_id = old.key
    index.add(old, fuser.cell(old), fuser.keys(old))
    return any(found is old for found in index.lookup(fuser.block(new)))


def test_a_precise_mention_meets_one_whose_report_names_its_place_around_the_sentence() -> None:
    # A location line names Tessalit; the geocoder placed the sentence at Ouallam: they meet, either stored first.
    fuser = Fuser()
    tessalit = _told(fuser, "r1", "SYNTHETIC. A drone struck a vehicle near Tessalit.", "", "Tessalit")
    misplaced = _told(
        fuser, "r2", "SYNTHETIC. Soldiers said a drone struck a vehicle at Ouallam.", "Tessalit, Mali.", "Ouallam"
    )
    assert _meets(fuser, tessalit, misplaced)
    assert _meets(fuser, misplaced, tessalit)


def _random_mentions(fuser: Fuser, rng: random.Random, n: int) -> list[MentionFeatures]:
    """Reports of two happenings each, at real towns; a sentence names its town, or another (a geocoder's
    mistake), or none; places of every precision (always a place: a placeless mention without actors or
    names joins on type, day and words alone, which no key can block; one whose report does not name its
    town loses it, `_features._trusted`); a few days apart, so that many pairs
    are in time."""
    out = []
    for i in range(n):
        town, other = rng.sample(TOWNS, 2)
        group, group2 = rng.choice(GROUPS), rng.choice(GROUPS)
        named = rng.choice((town, town, other, None))
        where = f" near {named}" if named else ""
        sentence = f"SYNTHETIC. Fighters of the {group} attacked a post{where}."
        around = rng.choice(("", f"{other}, {PLACES[other]['admin1']}.", f"The {group2} struck near {other}."))
        placed = rng.choice((town, town, other))
        day = (date(2025, 4, 1) + timedelta(days=rng.randrange(6))).isoformat()
        features = _told(
            fuser,
            f"r{i}",
            sentence,
            around,
            placed,
            geo_precision=rng.choice((1, 2, 3)),
            day=day,
            actor=rng.choice((group, None)),
        )
        out.append(features)
    return out


def test_blocking_finds_every_pair_the_scorer_would_join() -> None:
    fuser = Fuser()
    mentions = _random_mentions(fuser, random.Random(5), 300)
    index = MentionIndex()
    joined = joined_by_name = 0
    for new in mentions:
        block = fuser.block(new)
        found = {id(f) for f in index.lookup(block)}
        for old in index.all():
            if not block.in_time(old) or not (new.country and old.country) or (new.vague and old.vague):
                # A mention without a place or country (its town not in its report) has no key to meet by; two
                # known only to their provinces meet by province, not by the 340 km the scorer allows them.
                continue
            decision = fuser.decide(new, [Candidate(old.key, [old])])
            if decision.event_id is None:
                continue
            joined += 1
            assert id(old) in found, f"{new.key} would join {old.key} but blocking does not find it"
            joined_by_name += not (block.in_box(old) and not old.vague and not new.vague)
        new.event_id = new.key
        index.add(new, fuser.cell(new), fuser.keys(new))
    assert joined > 200 and joined_by_name > 20  # pairs found through cells and through names were checked
