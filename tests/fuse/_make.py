"""Hand-made event mentions and reports for fusion tests. All synthetic: invented incidents, real places."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from borderwatch.fuse import Candidate, Decision, Fuser, MentionFeatures
from borderwatch.model import (
    Actor,
    EventMention,
    Evidence,
    ExtractResult,
    Location,
    Quantity,
    Report,
    ReportRef,
    Source,
)
from borderwatch.store import NewReport

# Real places, approximate coordinates.
PLACES: dict[str, dict[str, Any]] = {
    "Ouallam": {"geonameid": 2440371, "lat": 14.318, "lon": 2.086, "country": "NE", "admin1": "Tillaberi"},
    "Ayorou": {"geonameid": 2446796, "lat": 14.731, "lon": 0.919, "country": "NE", "admin1": "Tillaberi"},
    "Tessalit": {"geonameid": 2451184, "lat": 20.199, "lon": 1.011, "country": "ML", "admin1": "Kidal"},
    "Aguelhok": {"geonameid": 2460954, "lat": 19.462, "lon": 0.855, "country": "ML", "admin1": "Kidal"},
    "Kasserine": {"geonameid": 2473457, "lat": 35.167, "lon": 8.836, "country": "TN", "admin1": "Kasserine"},
    "Sbiba": {"geonameid": 2465030, "lat": 35.543, "lon": 9.073, "country": "TN", "admin1": "Kasserine"},
    "Sbeitla": {"geonameid": 2464979, "lat": 35.232, "lon": 9.123, "country": "TN", "admin1": "Kasserine"},
    "Ben Guerdane": {"geonameid": 2472706, "lat": 33.138, "lon": 11.220, "country": "TN", "admin1": "Medenine"},
    "Dori": {"geonameid": 2361082, "lat": 14.035, "lon": -0.035, "country": "BF", "admin1": "Sahel"},
    "Seytenga": {"geonameid": 2355474, "lat": 13.970, "lon": 0.300, "country": "BF", "admin1": "Sahel"},
    # Pairs of towns a short way apart on either side of a border (for reports told from each side).
    "Bouchebka": {"geonameid": "bw:tn-bouchebka", "lat": 35.167, "lon": 8.450, "country": "TN", "admin1": "Kasserine"},
    "El Ma Labiodh": {
        "geonameid": "bw:dz-bouchebka-dz",
        "lat": 35.200,
        "lon": 8.170,
        "country": "DZ",
        "admin1": "Tebessa",
    },
    "Assamaka": {"geonameid": "bw:ne-assamaka", "lat": 19.355, "lon": 5.770, "country": "NE", "admin1": "Agadez"},
    "In Guezzam": {"geonameid": 2493273, "lat": 19.574, "lon": 5.768, "country": "DZ", "admin1": "In Guezzam"},
    "Dehiba": {"geonameid": 2474031, "lat": 32.008, "lon": 10.701, "country": "TN", "admin1": "Tataouine"},
    "Nalut": {"geonameid": 2214433, "lat": 31.868, "lon": 10.981, "country": "LY", "admin1": "Nalut"},
    "Inates": {"geonameid": "bw:ne-inates", "lat": 15.220, "lon": 1.050, "country": "NE", "admin1": "Tillaberi"},
    "Ouatagouna": {"geonameid": "bw:ml-ouatagouna", "lat": 15.180, "lon": 0.720, "country": "ML", "admin1": "Gao"},
    "Tebessa": {"geonameid": 2477461, "lat": 35.404, "lon": 8.124, "country": "DZ", "admin1": "Tebessa"},
    "Kompienga": {"geonameid": 2597260, "lat": 11.449, "lon": 0.977, "country": "BF", "admin1": "Est"},  # a province
    "Soum": {"geonameid": 2355248, "lat": 14.286, "lon": -1.345, "country": "BF", "admin1": "Sahel"},  # a province
    "Bir el Ater": {"geonameid": 2503878, "lat": 34.745, "lon": 8.060, "country": "DZ", "admin1": "Tebessa"},
}


def mention(
    mid: str = "e1",
    *,
    sub: str = "Armed clash",
    etype: str = "Battles",
    day: str | None = "2025-04-06",
    precision: int | None = 1,
    place: str | None = "Ouallam",
    geo_precision: int = 1,
    actor1: str | None = None,
    actor2: str | None = None,
    fatalities: int | None = None,
    sentence: str = "SYNTHETIC. Gunmen attacked the livestock market, killing several civilians.",
    confidence: float = 0.8,
    quantities: list[Quantity] | None = None,
    modality: str | None = None,
    tags: list[str] | None = None,
) -> EventMention:
    location = None
    if place is not None:
        location = Location(name=place, geo_precision=geo_precision, border="MLI-NER", border_km=40.0, **PLACES[place])
    return EventMention(
        id=mid,
        event_type=etype,
        sub_event_type=sub,
        date=day,
        time_precision=precision if day else None,
        location=location,
        actor1=Actor(name=actor1, type=2) if actor1 else None,
        actor2=Actor(name=actor2, type=1) if actor2 else None,
        fatalities=fatalities,
        quantities=quantities or [],
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        confidence=confidence,
        modality=modality,
        tags=tags or [],
    )


def report(
    text: str,
    events: list[EventMention],
    *,
    published: str = "2025-04-07",
    source: str | None = "Synthetic Wire (synthetic)",
    agency: str = "local",
    reliability: str | None = None,
    near_duplicates: list[tuple[str, float]] | None = None,
) -> NewReport:
    item = Report(
        text=text,
        published=datetime.fromisoformat(published),
        source=Source(name=source, reliability=reliability) if source else None,
        agency=agency,
    )
    result = ExtractResult(report=ReportRef(id=item.id, published=published), events=events)
    return NewReport(report=item, extraction=result, near_duplicates=near_duplicates or [])


# -- one pair scored by the packaged rules (tests of single decisions) ------------------------------

FUSER = Fuser()


def features(m: EventMention, report: str, published: str) -> MentionFeatures:
    """A mention's fusion features as report `report` published on `published` (ISO day) would give them."""
    return FUSER.features(m, f"{report}-{m.id}", report, date.fromisoformat(published))


def decide(new: MentionFeatures, old: MentionFeatures) -> Decision:
    """The packaged rules' decision for `new` against one stored event holding `old`."""
    return FUSER.decide(new, [Candidate("E0", [old])])


def date_value(decision: Decision) -> float:
    """The value the date feature gave the best candidate."""
    assert decision.best is not None
    return next(f.value for f in decision.best.features if f.name == "date")
