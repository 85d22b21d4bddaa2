"""From an extracted event mention to the compact features that matching compares."""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from datetime import date
from functools import cache
from importlib import resources
from sys import intern

from ..model import Actor, EventMention, Location
from ._config import FusionConfig
from ._names import lead_keys, name_keys, name_keys_within, names_place, place_keys, skeleton
from ._types import MentionFeatures, shared_set

__all__ = ["admin_key", "classify_actors", "content_words", "date_interval", "fold_name", "mention_features"]

_WORD = re.compile(r"[a-z]{3,}")
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)$")  # "(2023-)" in ACLED state-force names: a period, not an identity


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("borderwatch.fuse").joinpath("data", "stopwords.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text)["words"])


def content_words(text: str) -> frozenset[str]:
    """Lower-cased, accent-free words of three letters or more that are not function words."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    stop = _stopwords()
    # Interned: the same few thousand words recur in every report, and each cached mention's set held its own
    # copies (about half of a set's 1.3 KB).
    return frozenset(intern(w) for w in _WORD.findall(folded) if w not in stop)


def date_interval(day: date, precision: int | None) -> tuple[int, int]:
    """The days an event dated `day` at ACLED `time_precision` may fall on (1 day, 2 week, 3 month)."""
    ordinal = day.toordinal()
    if precision == 2:
        return ordinal - 3, ordinal + 3
    if precision == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1).toordinal(), day.replace(day=last).toordinal()
    return ordinal, ordinal


def mention_features(
    mention: EventMention,
    key: str,
    report_id: str,
    anchor: date,
    config: FusionConfig,
    text: str | None = None,
) -> MentionFeatures:
    """Features of `mention`; `anchor` is the report's publication (or ingest) day, for undated mentions;
    `text` is the report's text, whose lines around the evidence give the names its sentence leaves out
    ("the post of Abala was attacked. Ten soldiers were killed...")."""
    dated, day_lo, day_hi = _days(mention, anchor, config)
    sentence = mention.evidence.sentence
    names, context = _names(mention, text)
    location = _trusted(mention.location, text, names | context)
    located = location is not None and location.lat is not None and location.lon is not None
    keys_of_place = place_keys(location.name if location else None)
    return MentionFeatures(
        key=key,
        report_id=report_id,
        event_type=mention.event_type.value,
        sub_event_type=mention.sub_event_type,
        family=config.family_of(mention.event_type.value, mention.sub_event_type),
        day_lo=day_lo,
        day_hi=day_hi,
        anchor=anchor.toordinal(),
        dated=dated,
        precise_date=dated and day_lo == day_hi,
        lat=location.lat if located and location else None,
        lon=location.lon if located and location else None,
        geo_precision=_precision(location, sentence, keys_of_place, config.place.region_words),
        geonameid=str(location.geonameid) if location and location.geonameid is not None else None,
        place_name=fold_name(location.name) if location and location.name else None,
        country=_country(location) or _actor_country(mention),
        country_of_place=_country(location) is not None,
        admin1=location.admin1 if location else None,
        **dict(zip(("named", "state"), classify_actors(_actor_names(mention), config), strict=True)),
        acting=_role(mention.actor1, config),
        acted_on=_role(mention.actor2, config),
        quantities=_quantities(mention),
        words=content_words(sentence),
        names=shared_set(names),
        context=shared_set(context),
        place_keys=keys_of_place,
        lead=shared_set(_lead(mention, text, names, keys_of_place), names),
        admin_key=admin_key(location.admin1 if location else None),
    )


_BEFORE, _AFTER = 400, 200  # characters of the report around the evidence sentence read for names


def _names(mention: EventMention, text: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """Name keys of the evidence sentence, and of the report's lines around it (headline, dateline, the
    sentence naming the place) when the report's text is known and holds the sentence where the extractor
    said."""
    evidence = mention.evidence
    if not text or text[evidence.start : evidence.end] != evidence.sentence:
        return name_keys(evidence.sentence), frozenset()
    names = name_keys_within(text, evidence.start, evidence.end)
    around = name_keys_within(text, max(0, evidence.start - _BEFORE), evidence.end + _AFTER)
    return names, around - names


def _lead(mention: EventMention, text: str | None, names: frozenset[str], place: frozenset[str]) -> frozenset[str]:
    """The sentence's names before its own place's (`_names.lead_keys`; all but persons' when the place has no
    name key), read where `_names` read them."""
    if not names:
        return names
    evidence = mention.evidence
    if text and text[evidence.start : evidence.end] == evidence.sentence:
        return lead_keys(text, evidence.start, evidence.end, place) & names
    return lead_keys(evidence.sentence, 0, len(evidence.sentence), place) & names


def _trusted(location: Location | None, text: str | None, near: frozenset[str]) -> Location | None:
    """The mention's location, unless it was looked up by a name the report does not contain (a geocoder's
    reading of "Sahel Province" as Sulu): fusion then treats the mention as placeless. Positions (a post's,
    without a gazetteer id), countries, and places of mentions whose report text is not at hand are kept."""
    if text is None or location is None or location.geonameid is None or not location.name:
        return location
    if place_keys(location.name) & near:
        return location  # named around the sentence: no need to read the whole report
    return location if names_place(text, location.name) else None


# Words, and the punctuation that ends a name ("near Thala (Kasserine governorate)": Thala is not the governorate's
# name); hyphens and apostrophes join or elide within a name ("In-Atès", "wilaya d'Illizi") and are skipped.
_TOKEN = re.compile(r"[A-Za-z]+|[^\sA-Za-z'\u2019-]")
# Words between a province's word and its name ("wilaya de", "region of the", "gouvernorat d'"): folded tokens.
_CONNECTORS = frozenset({"de", "du", "des", "la", "le", "l", "d", "of", "the"})


def _precision(
    location: Location | None, sentence: str, keys: frozenset[str], region_words: frozenset[str]
) -> int | None:
    """The location's precision, or 3 (an area) when the sentence names the town only as the province or district
    that bears its name ("dans la wilaya de Bordj Badji Mokhtar", "in the Tahoua region", "a village in the Ouallam
    department", "le cercle de Douentza"): the geocoder's town stands for the area, which holds the happening at a
    village it does not name, 80 km or more from the town."""
    if location is None or location.geo_precision not in (1, 2) or not keys:
        return location.geo_precision if location else None
    return 3 if _named_as_province(sentence, keys, region_words) else location.geo_precision


def _named_as_province(sentence: str, keys: frozenset[str], region_words: frozenset[str]) -> bool:
    """Whether every word of `sentence` that names the place (by its key) belongs to a name that stands beside a
    word for a province: after the word and its connectors ("wilaya de Bordj Badji Mokhtar", "the region of X") or
    just before it ("X region", "X governorate")."""
    plain = unicodedata.normalize("NFKD", sentence).encode("ascii", "ignore").decode("ascii")
    tokens = _TOKEN.findall(plain)
    naming = [i for i, token in enumerate(tokens) if skeleton(token.lower()) in keys]
    return bool(naming) and all(_beside_province_word(tokens, i, region_words) for i in naming)


def _beside_province_word(tokens: list[str], at: int, region_words: frozenset[str]) -> bool:
    """Whether the capitalised name holding `tokens[at]` has a province's word just after it or just before it
    (past the connectors "de", "of the")."""

    def name_word(i: int) -> bool:
        return tokens[i][:1].isupper() and tokens[i].lower() not in region_words

    after = at + 1
    while after < len(tokens) and name_word(after):
        after += 1
    if after < len(tokens) and tokens[after].lower() in region_words:
        return True
    before = at - 1
    while before >= 0 and name_word(before):
        before -= 1
    while before >= 0 and tokens[before].lower() in _CONNECTORS:
        before -= 1
    return before >= 0 and tokens[before].lower() in region_words


def admin_key(admin1: str | None) -> str | None:
    """The name key of a province ("Tillabéri" and "Tillaberi" alike), to compare with place names."""
    return skeleton(admin1) if admin1 else None


def _days(mention: EventMention, anchor: date, config: FusionConfig) -> tuple[bool, int, int]:
    if mention.date:
        try:
            lo, hi = date_interval(date.fromisoformat(mention.date), mention.time_precision)
            return True, lo, hi
        except ValueError:
            pass  # an unreadable date is treated as no date, never guessed
    hi = anchor.toordinal()
    return False, hi - config.blocking.undated_days_before_publication, hi


def _country(location: Location | None) -> str | None:
    """The country of the place (a name without coordinates still tells its country)."""
    return location.country.upper() if location is not None and location.country else None


def _actor_country(mention: EventMention) -> str | None:
    """Without a place, the country of the first actor that has one: a hint for blocking, not a place."""
    for actor in (mention.actor1, mention.actor2, *mention.assoc_actors):
        if actor is not None and actor.country:
            return actor.country.upper()
    return None


def _actor_names(mention: EventMention) -> tuple[str, ...]:
    names = [a.name for a in (mention.actor1, mention.actor2, *mention.assoc_actors) if a is not None and a.name]
    return tuple(dict.fromkeys(names))


def _role(actor: Actor | None, config: FusionConfig) -> str:
    """The folded name of the mention's actor1 (`acting`) or actor2 (`acted_on`) when it is a named group or a
    state force (`classify_actors`), else "": who did what to whom, which the merged `named` and `state` do not
    say."""
    if actor is None or not actor.name:
        return ""
    named, state = classify_actors((actor.name,), config)
    return intern((named or state or ("",))[0])


def classify_actors(names: tuple[str, ...], config: FusionConfig) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Named actors and state forces, folded for comparison; generic ones ("Unidentified Armed Group") left out."""
    rules = config.actors
    named: list[str] = []
    state: list[str] = []
    for name in names:
        key = fold_name(name)
        if key.startswith(rules.generic_prefixes) or any(word in key.split() for word in rules.generic_words):
            continue  # "Unidentified Armed Group", "Military Forces of Unidentified Country": no identity
        (state if key.startswith(rules.state_prefixes) else named).append(key)
    return tuple(dict.fromkeys(named)), tuple(dict.fromkeys(state))


def fold_name(name: str) -> str:
    """Lower case, no accents, no ACLED period ("(2023-)"): the form names are compared in."""
    name = _PERIOD.sub("", name)
    return unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode("ascii").strip()


def _quantities(mention: EventMention) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for quantity in mention.quantities:
        kind = quantity.kind.casefold()
        if kind not in found or quantity.value > found[kind][0]:
            found[kind] = (quantity.value, quantity.qualifier)
    if mention.fatalities is not None:
        found["fatalities"] = (mention.fatalities, found.get("fatalities", (0, "exact"))[1])
    return found
