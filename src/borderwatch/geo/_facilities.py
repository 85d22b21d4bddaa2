"""Streets, buildings and venues the gazetteer does not hold ('Barclays Center', 'Desire Street', 'the Holy Redeemer
Church'): such a site lies in the town the report is about, as a coder places it when no gazetteer knows the site
itself (ACLED codes it to that town). When a span that names a site by its last or first word (`facility_words`
of data/recognition.json) stays unresolved, it takes the report's town: the town the report's resolved spans name
most often (the first named on a tie), with a confidence scaled down, for the site is only somewhere in it. A
report that resolves no town places no site; nor is a natural feature ('Cauvery river') a site: a river or a
mountain crosses many towns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ._mention import Resolution
from ._normalise import name_key
from ._recognition_words import facility_words

__all__ = ["place_sites_in_the_report_s_town"]

# A site placed by its report's town is only somewhere in that town: its confidence is the town's times this.
_SITE_SHARE = 0.5


def _names_a_site(name: str) -> bool:
    """By its last word in English ('Desire Street'), by its first in French ('Avenue des Martyrs', 'Rue de Tunis')."""
    words = name_key(name).split()
    return bool(words) and (words[-1] in facility_words() or words[0] in facility_words())


def _report_s_town(resolutions: Sequence[Resolution | None]) -> Resolution | None:
    towns = [r for r in resolutions if r is not None and (r.record.feature_code or "").startswith("PPL")]
    if not towns:
        return None
    # the town named most, the first named on a tie (`most_common` keeps first-seen order among equal counts)
    most, _ = Counter(r.record.id for r in towns).most_common(1)[0]
    return next(r for r in towns if r.record.id == most)


def place_sites_in_the_report_s_town(
    text: str, spans: Sequence[tuple[int, int]], resolutions: list[Resolution | None]
) -> list[Resolution | None]:
    """The resolutions, each unresolved span that names a site given the report's town (see the module)."""
    if all(r is not None for r in resolutions):
        return resolutions
    town = _report_s_town(resolutions)
    if town is None:
        return resolutions
    site = replace(town, confidence=round(town.confidence * _SITE_SHARE, 3), home=None)
    return [site if r is None and _names_a_site(text[s:e]) else r for (s, e), r in zip(spans, resolutions, strict=True)]
