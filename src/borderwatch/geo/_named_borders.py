"""A border the report names by a country: 'near the Malian border', 'the Niger border', 'près de la frontière
nigérienne'. Such a phrase names a border, not the country: an event placed by nothing finer than a country or
province lies on that border (ACLED geo_precision 2, a named feature; its border distance 0), on the side of the
country the report is in, which is most often not the demonym's ('clashes near the Malian border' in a report
about Burkina Faso happened in Burkina Faso). The report's country is the country or province the event's sentence
is placed by, else the country most of the report's other places lie in, else another demonym of the sentence
('Burkinabe soldiers ... near the Malian border'); with none, or when that country does not border the named one,
nothing more is known and the location stays the country's.

The border words are data (data/location_words.json `border_words`): English ones follow the country's word, French
ones come before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pycountry
from shapely import Point
from shapely.ops import nearest_points

from ..model import Location, Place
from ._borders import border_pair
from ._candidate_arrays import COUNTRY_CODES
from ._normalise import name_key
from ._recognition_words import demonyms
from ._sources import data_file

__all__ = ["on_named_border"]

# Between the country's word and an English border word: a second country ('the Malian-Nigerien border') or none.
_ENGLISH_GAP = r"(?:\s*[-–]\s*[\w'’]+)?\s+"


@lru_cache(maxsize=1)
def _border_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(English words right after a name, French words right before one, with an article or 'de' between)."""
    words = data_file("location_words.json")["border_words"]

    def alternation(language: str) -> str:
        return "|".join(re.escape(w) for w in sorted(words[language], key=len, reverse=True))

    english = re.compile(rf"^{_ENGLISH_GAP}(?:{alternation('en')})\b", re.IGNORECASE)
    french = re.compile(
        rf"(?<![\w'’])(?:{alternation('fr')})\s+(?:(?:avec|de|du|d['’])\s*)?(?:(?:le|la|l['’])\s*)?$", re.IGNORECASE
    )
    return english, french


def names_a_border(text: str, place: Place) -> bool:
    """Whether the place is a country (by name or demonym) written as the name of a border."""
    if not place.country or not (place.feature_code in COUNTRY_CODES or name_key(place.text) in demonyms()):
        return False
    english, french = _border_patterns()
    return bool(
        english.match(text[place.end : place.end + 40]) or french.search(text[max(0, place.start - 40) : place.start])
    )


def _alpha3(country: str) -> str | None:
    found = pycountry.countries.get(alpha_2=country)
    return found.alpha_3 if found else None


def _report_country(
    text: str, picked: Place, own: Sequence[Place], resolved: Sequence[Place], named: str
) -> Place | None:
    """The place that says which country the report is in (see the module), other than the named border's."""
    if picked.country and picked.country != named and not names_a_border(text, picked):
        return picked
    others = [p for p in resolved if p.country and p.country != named and not names_a_border(text, p)]
    # Demonyms describe people and things ('Malian soldiers'): named places first, demonyms of the sentence last.
    places = [p for p in others if name_key(p.text) not in demonyms()]
    if places:
        country, _ = Counter(p.country for p in places).most_common(1)[0]
        return next(p for p in places if p.country == country)
    return next((p for p in others if p in own), None)


def on_named_border(
    text: str, picked: Place, own: Sequence[Place], resolved: Sequence[Place], borders: Any
) -> Location | None:
    """The event's location on the border its sentence names, when the sentence places it no finer than a country
    or province (`picked`); None when the sentence names no border by a country or the report's country is not
    known to border it."""
    named = next((p for p in own if names_a_border(text, p)), None)
    if named is None or named.country is None:
        return None
    home = _report_country(text, picked, own, resolved, named.country)
    if home is None or home.country is None or home.lat is None or home.lon is None:
        return None
    codes = (_alpha3(home.country), _alpha3(named.country))
    if None in codes:
        return None
    pair = border_pair(*codes)  # type: ignore[arg-type]
    line = borders.borders.get(pair)
    if line is None:
        return None
    # The stretch of the border nearest the report's place: a province's border, or the country's side of it.
    point, _ = nearest_points(line, Point(home.lon, home.lat))
    return Location(
        name=home.name,
        geonameid=None,  # a point on the border, no gazetteer record's
        lat=round(point.y, 4),
        lon=round(point.x, 4),
        country=home.country,
        admin1=home.admin1 if home.feature_code not in COUNTRY_CODES else None,
        geo_precision=2,
        border=pair,
        border_km=0.0,
    )
