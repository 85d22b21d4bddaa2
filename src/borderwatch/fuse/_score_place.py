"""The place feature: how far apart two mentions' places are, at what precisions, and what each report names (a
village and a nearby town's area, a place the geocoder missed, a namesake abroad, two points of one area)."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pycountry
from rapidfuzz import fuzz

from ._config import FusionConfig
from ._names import fold, generic_heads, place_keys
from ._score_actors import actor_keys
from ._score_detail import Step
from ._types import MentionFeatures

__all__ = [
    "PLACE_UNKNOWN",
    "PlaceRules",
    "haversine_km",
    "names_elsewhere_alone",
    "two_points",
    "unknown_village_in_area",
    "village_in_area",
]

_EARTH_KM = 6371.0088
PLACE_UNKNOWN = "place unknown in one of them"  # the one place detail that is not a disagreement
_KEY_EXTRA = 1  # what one key may have more than another inside it: a prefix's sound ("n" of "In-Tahaka")
_KEY_MIN_FUZZY = 4  # keys shorter than this are alike only when one ends the other
_KEY_RATIO = 80  # two spellings' keys ("ndrmbkn" / "ndrnbkn" 86; "kmr" / "tgb" 0)
_LETTERS = re.compile(r"[a-z]+")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


class PlaceRules:
    """The place feature with the rules of a `FusionConfig`."""

    def __init__(self, config: FusionConfig) -> None:
        self.config = config
        self._radius = {int(k): v for k, v in config.place.radius_km.items()}
        self._region_words = config.place.region_words

    def place_stated(self, new: MentionFeatures, old: MentionFeatures) -> bool:
        """Whether one is vague (no place, or only a province or country) and its own sentence names the other's
        precise place: the place is stated, only its geocoding failed ("Ben Guerdane: one dead in ...")."""
        vague, other = (new, old) if new.vague else (old, new)
        return (
            vague.vague
            and not other.vague
            and not vague.names.isdisjoint(other.place_keys)
            and not self._region_namesake(vague, other)
        )

    def _region_namesake(self, vague: MentionFeatures, other: MentionFeatures) -> bool:
        """Whether `vague` is known only to its province, its sentence speaks of a province ("in the Ménaka
        region"), and `other`'s town bears the province's name: the name the two share is the province's, which
        holds many happenings besides the town's, not a statement of the town."""
        return (
            vague.geo_precision == 3
            and not vague.words.isdisjoint(self._region_words)
            and not vague.place_keys.isdisjoint(other.place_keys)
        )

    def compare(self, new: MentionFeatures, old: MentionFeatures) -> Step:
        rules = self.config.place
        if new.vague or old.vague:
            return self._vague_place(new, old)
        if new.geonameid is not None and new.geonameid == old.geonameid:
            if new.geo_precision == old.geo_precision == 2 and new.lead and old.lead:
                # Both near one town, each at a village of its own it names ("a hamlet north of Ménaka" / "à
                # Inkadogotan, au sud de Ménaka"): the town is where the geocoder could place them, not one point.
                mine, theirs = _names_elsewhere(new, old, True), _names_elsewhere(old, new, True)
                if mine and theirs:
                    return (
                        "place",
                        rules.names_apart,
                        ("both near {}, at other places ({} / {})", new.place_name, mine, theirs),
                    )
            return "place", rules.same_geonameid, ("same place (GeoNames {})", new.geonameid)
        km = haversine_km(new.lat, new.lon, old.lat, old.lon)  # type: ignore[arg-type]
        alike = (new.place_name is not None and new.place_name == old.place_name) or bool(
            new.place_keys & old.place_keys
        )
        reach = self._reach(new) + self._reach(old)
        if km <= reach:
            value = round(1.0 - 0.5 * km / reach, 3)
            if alike and value < rules.same_name:
                return (
                    "place",
                    rules.same_name,
                    ("names alike ({} / {}), {:.0f} km apart", new.place_name, old.place_name, km),
                )
            if not alike and not _cross_named(new, old, self._region_words):
                if self._told_from_each_side(new, old, km):
                    return self._across_border(new, old, km)
                detail = ("{:.0f} km apart, two places each named alone ({} / {})", km, new.place_name, old.place_name)
                if km > min(self._reach(new), self._reach(old)) and (
                    self._village_in_area(new, old, km) or self._toward(new, old, km)
                ):
                    return "place", rules.village_in_area, (village_in_area, *detail[1:])
                if km > max(self._reach(new), self._reach(old)) and self._two_points(new, old):
                    return "place", None, (two_points, *detail[1:])
                if km > min(self._reach(new), self._reach(old)):
                    return "place", min(value, rules.names_apart), detail
                if new.place_name and old.place_name:
                    # Near, but each report names its own place and neither the other's: reports of one
                    # happening mostly name the same place, so nearness alone vouches for less.
                    return "place", min(value, rules.names_differ), detail
            return "place", value, ("{:.0f} km apart (precision {}/{})", km, _show(new), _show(old))
        if alike and _abroad(new, old) and not (_at_home(new) and _at_home(old)):
            # One spelling resolved to a namesake in another country; not when each report's own state forces
            # are of its place's country (the army of one at a village of one, the guard of the other at a
            # village of the other): two places that happen to be named alike.
            return (
                "place",
                rules.same_name,
                ("names alike ({} / {}), {:.0f} km apart", new.place_name, old.place_name, km),
            )
        if _admin_named(new, old):
            return "place", rules.admin_named, ("{:.0f} km apart; one is named after the other's province", km)
        named = _named_in_sentence(new, old) or _named_in_sentence(old, new)
        if km <= reach + rules.falloff_km:
            value = round(0.5 - 1.5 * (km - reach) / rules.falloff_km, 3)
            if named and value < rules.named_near:
                return "place", rules.named_near, ("{:.0f} km apart, but one sentence names the other's place", km)
            if not named and not _cross_named(new, old, self._region_words):
                if self._told_from_each_side(new, old, km):
                    return self._across_border(new, old, km)
                detail = ("{:.0f} km apart, two places each named alone ({} / {})", km, new.place_name, old.place_name)
                if self._village_in_area(new, old, km) or self._toward(new, old, km):
                    return "place", rules.village_in_area, (village_in_area, *detail[1:])
                if self._two_points(new, old):
                    return "place", None, (two_points, *detail[1:])
                if value > rules.names_apart:
                    return "place", rules.names_apart, detail
            return "place", value, ("{:.0f} km apart (precision {}/{})", km, _show(new), _show(old))
        if named:  # the geocoder picked another place the sentence names (where people fled, a patrol's end)
            value = rules.named_far if km >= rules.misplaced_km else rules.named_near
            return "place", value, ("{:.0f} km apart, but one sentence names the other's place", km)
        return (
            "place",
            None,
            ("{:.0f} km apart, beyond the {:.0f} km their precisions allow", km, reach + rules.falloff_km),
        )

    def _vague_place(self, new: MentionFeatures, old: MentionFeatures) -> Step:
        """One (or both) known only to a province or country, or not at all: the areas, and whether the vague
        one's sentence names the other's place."""
        rules = self.config.place
        for vague, other in ((new, old), (old, new)):
            if vague.vague and not other.vague and _named(vague, other) and not self._region_namesake(vague, other):
                # Named in the vague one's own sentence: the place is stated, only the geocoder missed it.
                value = rules.named_in_sentence if self.place_stated(vague, other) else rules.named
                return "place", value, ("one names the other's place ({})", other.place_name)
        for vague, other in ((new, old), (old, new)):
            # The precise one's report names the vague one's place (its province, or a town the geocoder knew
            # only coarsely): the precise geocoding may be the one that went astray ("held in Djanet ... bought
            # in Ghat", placed at Ghat).
            if vague.vague and not other.vague and _named(other, vague) and not self._region_namesake(vague, other):
                return "place", rules.named, ("one names the other's place ({})", vague.place_name)
        both = _both_name(new, old)
        if both:  # a place neither geocoder resolved precisely ("the Intahaka mine north of Gao" / "In-Tahaka")
            return "place", rules.named, ("both name a place the geocoders did not resolve ({})", both)
        # Each way once (the rule below reads each twice when both are vague).
        new_elsewhere = _names_elsewhere(new, old) if new.vague else ""
        old_elsewhere = _names_elsewhere(old, new) if old.vague else ""
        for vague, other, elsewhere, other_elsewhere in (
            (new, old, new_elsewhere, old_elsewhere),
            (old, new, old_elsewhere, new_elsewhere),
        ):
            # Both vague: the other names a place too, elsewhere or as its own district ("the Sebba department").
            if elsewhere and (not other.vague or other_elsewhere or _district(other)):
                if _town_area_of(other, vague) or _area_only(other, vague, other_elsewhere):
                    # A village the geocoder does not know, placed in its province (or nowhere), and a nearby town's
                    # area ("near Dori") of that province, or a report that names only an area of the village's
                    # country (its province, department or wilaya): reports name the town or the area of a village
                    # they do not know.
                    return "place", rules.village_in_area, (unknown_village_in_area, elsewhere, other.place_name)
                return "place", rules.names_elsewhere, ("one names other places ({}), not the other's", elsewhere)
        placed = new.country_of_place and old.country_of_place
        if placed and new.country and old.country and new.country != old.country:
            return "place", rules.other_country, ("countries differ ({} / {})", new.country, old.country)
        if new.located and old.located:
            if new.admin1 and old.admin1 and fold(new.admin1) == fold(old.admin1):
                return "place", rules.same_admin1_imprecise, "same province, one known only to its province"
            if _admin_named(new, old):
                return "place", rules.admin_named, "one is named after the other's province"
            km = haversine_km(new.lat, new.lon, old.lat, old.lon)  # type: ignore[arg-type]
            if new.admin1 and old.admin1 and km > self._reach(new) + self._reach(old) + rules.falloff_km:
                # Two provinces, and farther apart than a province's extent allows: a report placed in one
                # province does not tell of a happening in a town of another.
                detail = ("in two provinces ({} / {}), {:.0f} km apart", new.admin1, old.admin1, km)
                return "place", rules.other_province, detail
            return "place", 0.0, "one known only to its province or country"
        if new.country and new.country == old.country:
            return "place", rules.same_country_unlocated, ("same country ({}), place unknown in one", new.country)
        return "place", rules.unknown, PLACE_UNKNOWN

    def _village_in_area(self, new: MentionFeatures, old: MentionFeatures, km: float) -> bool:
        """Whether one place is a village (precision 1) and the other a town's area (precision 2, "near Dori") of
        one province, within `place.area_km`: reports name the nearby town of a village they do not know, so the
        two may be one happening at the village."""
        precisions = {new.geo_precision, old.geo_precision}
        return (
            precisions == {1, 2}
            and km <= self.config.place.area_km
            and new.admin1 is not None
            and old.admin1 is not None
            and fold(new.admin1) == fold(old.admin1)
        )

    def _toward(self, new: MentionFeatures, old: MentionFeatures, km: float) -> bool:
        """Whether one is a town's area (precision 2) whose sentence gives a direction off the town ("north of
        Bourem") and the other's place, of one province, lies that way within `place.direction_km`: the town is
        where the report could place a village it does not name."""
        rules = self.config.place
        if km > rules.direction_km or new.admin1 is None or old.admin1 is None or fold(new.admin1) != fold(old.admin1):
            return False
        if not self._two_points(new, old):  # a patrol's or deployment's places are not one point to look for
            return False
        for town, other in ((new, old), (old, new)):
            north = east = 0.0
            own = frozenset(_LETTERS.findall(town.place_name or ""))  # "Tazrouk-Nord": a name, not a direction
            for word in (town.words & rules.direction_words.keys()) - own:
                step = rules.direction_words[word]
                north, east = north + step[0], east + step[1]
            if town.geo_precision != 2 or (north == 0.0 and east == 0.0):
                continue
            to_north = other.lat - town.lat  # type: ignore[operator]
            to_east = (other.lon - town.lon) * math.cos(math.radians(town.lat))  # type: ignore[operator, arg-type]
            turn = abs(math.degrees(math.atan2(to_east, to_north) - math.atan2(east, north))) % 360
            if min(turn, 360 - turn) <= rules.direction_degrees:
                return True
        return False

    def _two_points(self, new: MentionFeatures, old: MentionFeatures) -> bool:
        """Whether two named places (already known to be apart and neither named by the other report) are two
        happenings: both are of kinds that happen at one point (a clash, an arrest, a seizure), not spread over an
        area or told from several places (a patrol along a border, a deployment: `place.spread_families`). A
        position without a name (a post's) may be anywhere the other report's place stands for."""
        spread = self.config.place.spread_families
        named = bool(new.place_name and old.place_name)
        return named and new.family not in spread and old.family not in spread

    def _told_from_each_side(self, new: MentionFeatures, old: MentionFeatures, km: float) -> bool:
        """Whether two places of other names lie in two countries within `place.cross_border_km` (so each within
        that distance of the border between them), and each report names its own country's forces (`_at_home`):
        one happening told from each side of the border, each side placing it at its own town (a border clash told
        by the army of one and the guard of the other). The kinds are the type feature's to weigh: each side may
        code it its own way (smugglers' fire on a patrol, a clash), and two kinds still join only on what the rules
        of distinct kinds ask."""
        return km <= self.config.place.cross_border_km and _abroad(new, old) and _at_home(new) and _at_home(old)

    def _across_border(self, new: MentionFeatures, old: MentionFeatures, km: float) -> Step:
        """The place value of a pair told from each side of a border (`_told_from_each_side`): from
        `place.cross_border_near` at no distance to `place.cross_border_far` at `place.cross_border_km`."""
        rules = self.config.place
        near, far = rules.cross_border_near, rules.cross_border_far
        value = round(near + (far - near) * km / rules.cross_border_km, 3)
        told = "{:.0f} km apart across the {}-{} border, each report naming its own country's forces ({} / {})"
        return "place", value, (told, km, new.country, old.country, new.place_name, old.place_name)

    def _reach(self, features: MentionFeatures) -> float:
        return self._radius.get(features.geo_precision or 2, self._radius[2])


def two_points(km: float, one: str | None, other: str | None) -> str:
    return f"{km:.0f} km apart, two places each named alone ({one} / {other}): two happenings at two points"


def village_in_area(km: float, one: str | None, other: str | None) -> str:
    return f"{km:.0f} km apart, a village and a nearby town's area in one province ({one} / {other})"


def unknown_village_in_area(elsewhere: str, town: str | None) -> str:
    return f"a village known only to its province ({elsewhere}) and a nearby town's area of it ({town})"


def names_elsewhere_alone(elsewhere: str, town: str | None) -> str:
    return f"one names other places ({elsewhere}), not the other's ({town}), and no toll or other name in common"


def _named(vague: MentionFeatures, other: MentionFeatures) -> bool:
    """Whether `vague`'s sentence (or the lines around it) names `other`'s place."""
    return bool((vague.names | vague.context) & other.place_keys)


def _at_home(features: MentionFeatures) -> bool:
    """Whether one of the mention's state forces is of its place's country ("military forces of algeria" at a
    place in DZ): the report itself places its happening in that country."""
    return features.country_of_place and any(_state_country(name) == features.country for name in features.state)


@lru_cache(maxsize=256)
def _state_country(name: str) -> str | None:
    """The ISO code of the country a state force is of ("national guard of tunisia": TN), None when unknown. The
    country is what follows the force's first "of", up to a period within the name ("military forces of libya
    (2021-) government of national unity": LY)."""
    country = name.partition(" of ")[2].partition(" (")[0]
    try:
        return str(pycountry.countries.lookup(country).alpha_2) if country else None
    except LookupError:
        return None


def _abroad(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Whether two places lie in different countries: two places of one name far apart in one country are
    namesakes (two villages), but one of them abroad is most often a geocoder's pick for a name it did not know."""
    return a.country is not None and b.country is not None and a.country != b.country


def _names_elsewhere(vague: MentionFeatures, other: MentionFeatures, near_one_town: bool = False) -> str:
    """The name keys of `vague`'s sentence that are neither its own place, province nor actors, nor `other`'s
    province, nor named around `other`'s sentence: places where its happening was, when its geocoder could only
    place it in a province or country ("near Koumari" resolved to the province). Empty when the sentence names
    the other's place, unless both are known only to that area (two reports placed in "Seno province", each naming
    its own village of it; `near_one_town`: both placed at one town, "a hamlet north of Ménaka")."""
    stated = vague.names & other.place_keys
    if stated and not near_one_town and (not other.vague or stated - vague.place_keys):
        return ""
    known = vague.place_keys | other.place_keys | other.names | other.context | {vague.admin_key, other.admin_key}
    unknown = vague.lead - known
    if not unknown:  # most often: nothing left to compare (nor actors' names to add)
        return ""
    for actor in (*vague.named, *vague.state):
        known |= place_keys(actor)
    elsewhere = [key for key in unknown - known if not any(_keys_alike(key, other) for other in known if other)]
    return ", ".join(sorted(elsewhere))


def _town_area_of(town: MentionFeatures, vague: MentionFeatures) -> bool:
    """Whether `town` is placed at a town's area (precision 2, "near Dori") of the province `vague` is known to."""
    return (
        town.geo_precision == 2
        and vague.geo_precision == 3
        and town.admin1 is not None
        and vague.admin1 is not None
        and fold(town.admin1) == fold(vague.admin1)
    )


def _area_only(area: MentionFeatures, vague: MentionFeatures, area_elsewhere: str) -> bool:
    """Whether `area` is known only to an area (a province, or a district named as such: "dans la province de la
    Kompienga", "in the wilaya of Tebessa") and names no other place, and `vague` (placed nowhere finer than a
    province, its sentence naming a village the geocoder could not place) is of no other country: the village may
    be anywhere in that area, which is all the other report says."""
    return (
        area.located
        and area.vague
        and not area_elsewhere
        and (vague.country is None or area.country is None or vague.country == area.country)
    )


def _district(features: MentionFeatures) -> bool:
    """Whether a mention known only to an area is placed at a named district of its province, not at the province
    itself (a town the sentence names as its department or cercle, "in the Sebba department"): its report states
    where its happening was, as a report naming a village does."""
    province = features.admin_key
    return bool(features.place_keys) and province is not None and province not in features.place_keys


def _both_name(a: MentionFeatures, b: MentionFeatures) -> str:
    """The name keys that one sentence names before its own (vague or other) place and the other report names
    too, leaving out the names of either's actors. A report placed at a town names other places after its own as
    references ("at Ténenkou, two days after the raid on Diafarabé"), not as where its happening was."""
    said_a = (a.names | a.context) if a.vague else (a.lead | a.context)
    said_b = (b.names | b.context) if b.vague else (b.lead | b.context)
    shared = (a.lead & said_b) | (b.lead & said_a)
    if not shared:  # most pairs: nothing to leave out
        return ""
    actors: set[str] = set()
    for name in (*a.named, *a.state, *b.named, *b.state):
        actors |= place_keys(name)
    return ", ".join(sorted(shared - actors - a.place_keys - b.place_keys))


def _cross_named(a: MentionFeatures, b: MentionFeatures, region_words: frozenset[str]) -> bool:
    """Whether either report names, around its sentence, the other's place (or a spelling of it). The words of
    its actors' names name no place ("Militia" is not a spelling of "Amlel", whose key is inside it), and a
    sentence that speaks of a province names its own province, not the town of that name ("on Mount Semmama, in
    the Kasserine governorate" does not name the town of Kasserine)."""
    for one, other in ((a, b), (b, a)):
        said = (one.names | one.context) - actor_keys((*one.named, *one.state))
        if one.admin_key in said and not one.words.isdisjoint(region_words):
            said = said - {one.admin_key}
        if any(_keys_alike(key, name) for key in other.place_keys for name in said):
            return True
    return False


# Name keys compared before, and whether alike: the place rules compare every name of one report with every
# name of the other, for each candidate, and a town's names meet again and again (a hot spot's reports).
# Plain strings and booleans in one dict (nothing the garbage collector walks, unlike an lru_cache's links).
_ALIKE_KEYS: dict[tuple[str, str], bool] = {}
_ALIKE_KEYS_HELD = 200_000


def _keys_alike(a: str, b: str) -> bool:
    """`_keys_alike_uncached`, remembered."""
    found = _ALIKE_KEYS.get((a, b))
    if found is None:
        if len(_ALIKE_KEYS) >= _ALIKE_KEYS_HELD:
            _ALIKE_KEYS.clear()
        found = _ALIKE_KEYS[(a, b)] = _keys_alike_uncached(a, b)
    return found


def _keys_alike_uncached(a: str, b: str) -> bool:
    """Two name keys that may be one name: one ending the other but for one sound before it ("tk" of "Tahaka",
    "ntk" of "In-Tahaka": the particles In-, Ain-, El- go before a name; a short key inside a longer one, "sn" in
    "snrm", is another name, and so is one that begins another, "sm" of "Semmama" / "smb" of "Chaambi"), or spelled
    nearly alike ("ndrmbkn" / "ndrnbkn": Anderamboukane / Anderanboukane)."""
    if abs(len(a) - len(b)) <= _KEY_EXTRA and (a.endswith(b) or b.endswith(a)):
        return True
    # One letter of a key of two or three is a third of it: "sm" / "smb" score 80 and are two names.
    if min(len(a), len(b)) < _KEY_MIN_FUZZY or fuzz.ratio(a, b) < _KEY_RATIO:
        return False
    # A generic part (Jebel, Mount, Bordj) run into two names' keys makes them look alike ("jblsm" / "jblsmb",
    # Jebel Semmama / Jebel Chaambi, 91): the names are what follows it (after each part both may begin with:
    # "mnt" and "mnts" of Mount Semmama, "mntsm").
    return all(
        _keys_alike_uncached(a[len(head) :], b[len(head) :])
        for head in generic_heads()
        if a.startswith(head) and b.startswith(head) and len(head) < min(len(a), len(b))
    )


def _named_in_sentence(one: MentionFeatures, other: MentionFeatures) -> bool:
    """Whether `one`'s own sentence (not the lines around it) names `other`'s place before its own (a place
    named after it is most often a reference: "80 km south of ...", "fled to ...")."""
    return bool(one.lead & other.place_keys)


def _admin_named(a: MentionFeatures, b: MentionFeatures) -> bool:
    """One place bears the name of the other's province (a town picked for its province by the geocoder)."""
    return (a.admin_key is not None and a.admin_key in b.place_keys) or (
        b.admin_key is not None and b.admin_key in a.place_keys
    )


def _show(features: MentionFeatures) -> str:
    return str(features.geo_precision) if features.geo_precision else "?"
