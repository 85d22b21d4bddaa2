"""A store filled from code with synthetic reports (invented incidents and people, real places).

Like datasette's fixtures: the test database is built by code in a temporary folder, with hand-made
`ExtractResult`s, so the API and the dashboard are tested without running extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from borderwatch.model import (
    Actor,
    EventMention,
    EventType,
    Evidence,
    ExtractResult,
    Location,
    Marking,
    Place,
    Quantity,
    Report,
    ReportRef,
    Source,
)
from borderwatch.store import EventQuery, NewReport, Reader, Store

XSS_SCRIPT = "<script>window.__xss = 1</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2">'


@dataclass
class SyntheticEvent:
    sentence: str
    event_type: EventType
    sub_event_type: str
    place: tuple[str, float, float, str]  # name, lat, lon, country
    date: str | None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    tags: list[str] = field(default_factory=list)
    confidence: float = 0.8
    border: tuple[str, float] | None = None


@dataclass
class SyntheticReport:
    title: str
    events: list[SyntheticEvent]
    published: str
    source: str = "Synthetic Wire"
    marking: Marking = Marking.GREEN
    lead: str = "SYNTHETIC REPORT, invented for borderwatch tests."
    tail: str = "Officials did not comment further."


def make_report(item: SyntheticReport) -> NewReport:
    """The report's text is its lead, its event sentences and its tail; each event's evidence points into it."""
    parts = [item.lead]
    spans: list[tuple[int, int]] = []
    offset = len(item.lead) + 1
    for event in item.events:
        spans.append((offset, offset + len(event.sentence)))
        parts.append(event.sentence)
        offset += len(event.sentence) + 1
    parts.append(item.tail)
    text = " ".join(parts)
    report = Report(
        text=text,
        title=item.title,
        published=datetime.fromisoformat(item.published),
        source=Source(name=item.source),
        marking=item.marking,
        agency="test-centre",
    )
    mentions = [_mention(n, e, text, span) for n, (e, span) in enumerate(zip(item.events, spans, strict=True))]
    places = [
        Place(text=e.place[0], start=0, end=1, name=e.place[0], geonameid=_test_geonameid(e.place[0]),
              lat=e.place[1], lon=e.place[2], country=e.place[3])
        for e in item.events
    ]  # fmt: skip
    result = ExtractResult(report=ReportRef(id=report.id, title=item.title), places=places, events=mentions)
    return NewReport(report=report, extraction=result)


def _test_geonameid(name: str) -> str:
    """Invented ids (not GeoNames'): the tests need places, not the gazetteer."""
    return "test-" + "".join(ch for ch in name.lower() if ch.isalnum())[:20]


def _mention(n: int, event: SyntheticEvent, text: str, span: tuple[int, int]) -> EventMention:
    name, lat, lon, country = event.place
    border, border_km = event.border or (None, None)
    quantities = [Quantity(kind="fatalities", value=event.fatalities)] if event.fatalities else []
    return EventMention(
        id=f"e{n}",
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        tags=event.tags,
        date=event.date,
        time_precision=1 if event.date else None,
        actor1=Actor(name=event.actor1) if event.actor1 else None,
        actor2=Actor(name=event.actor2) if event.actor2 else None,
        location=Location(name=name, geonameid=_test_geonameid(name), lat=lat, lon=lon, country=country,
                          geo_precision=1, border=border,
                          border_km=border_km),
        fatalities=event.fatalities,
        quantities=quantities,
        evidence=Evidence(sentence=text[span[0] : span[1]], start=span[0], end=span[1]),
        confidence=event.confidence,
    )  # fmt: skip


KASSERINE = ("Kasserine", 35.1676, 8.8365, "TN")
GAO = ("Gao", 16.2666, -0.0400, "ML")
BEN_GUERDANE = ("Ben Guerdane", 33.1389, 11.2197, "TN")
DJANET = ("Djanet", 24.5542, 9.4846, "DZ")
MENAKA = ("Ménaka", 15.9182, 2.4022, "ML")
TATAOUINE = ("Tataouine", 32.9297, 10.4518, "TN")

SAMPLE_REPORTS = [
    SyntheticReport(
        title="Clash near Kasserine leaves two dead",
        published="2025-03-03",
        events=[
            SyntheticEvent(
                "On Sunday gunmen of an invented cell clashed with a National Guard patrol near Kasserine, "
                "killing two guardsmen.",
                EventType.BATTLES,
                "Armed clash",
                KASSERINE,
                "2025-03-02",
                "Unidentified Armed Group (Tunisia)",
                "National Guard of Tunisia",
                2,
                ["patrol"],
                0.85,
                ("DZA-TUN", 41.0),
            )
        ],
    ),
    SyntheticReport(
        title="Roadside bomb on the Gao road",
        published="2025-05-14",
        source="Sahel Dispatch",
        events=[
            SyntheticEvent(
                "A roadside bomb struck an army truck south of Gao on Tuesday, killing three soldiers.",
                EventType.EXPLOSIONS,
                "Remote explosive/landmine/IED",
                GAO,
                "2025-05-13",
                "Military Forces of Mali (2021-)",
                None,
                3,
                [],
                0.9,
                ("MLI-NER", 150.0),
            )
        ],
    ),
    SyntheticReport(
        title="Traders march in Ben Guerdane",
        published="2025-02-04",
        marking=Marking.CLEAR,
        events=[
            SyntheticEvent(
                "Hundreds of traders marched peacefully in Ben Guerdane against the closure of the crossing.",
                EventType.PROTESTS,
                "Peaceful protest",
                BEN_GUERDANE,
                "2025-02-03",
                "Protesters (Tunisia)",
                None,
                None,
                ["movement restriction"],
                0.75,
                ("LBY-TUN", 28.0),
            )
        ],
    ),
    SyntheticReport(
        title="Weapons seized near Djanet",
        published="2025-06-10",
        marking=Marking.AMBER,
        events=[
            SyntheticEvent(
                "Border guards seized four rifles and ammunition from a smuggling convoy east of Djanet.",
                EventType.STRATEGIC_DEVELOPMENTS,
                "Disrupted weapons use",
                DJANET,
                "2025-06-09",
                "Border Guards of Algeria",
                None,
                None,
                ["weapons seizure", "smuggling"],
                0.8,
                ("DZA-LBY", 90.0),
            ),
            SyntheticEvent(
                "Two drivers of the convoy were arrested near Djanet the same night.",
                EventType.STRATEGIC_DEVELOPMENTS,
                "Arrests",
                DJANET,
                "2025-06-09",
                "Border Guards of Algeria",
                None,
                None,
                ["smuggling"],
                0.7,
                ("DZA-LBY", 90.0),
            ),
        ],
    ),
    SyntheticReport(
        title="Herders abducted near Ménaka",
        published="2025-02-18",
        marking=Marking.AMBER_STRICT,
        events=[
            SyntheticEvent(
                "Armed men abducted three herders near Ménaka on Monday.",
                EventType.VIOLENCE_AGAINST_CIVILIANS,
                "Abduction/forced disappearance",
                MENAKA,
                "2025-02-17",
                "Unidentified Armed Group (Mali)",
                "Civilians (Mali)",
                None,
                [],
                0.7,
                ("MLI-NER", 60.0),
            )
        ],
    ),
    SyntheticReport(
        title="Unrest in Tataouine " + XSS_SCRIPT,
        published="2025-04-02",
        lead="SYNTHETIC REPORT " + XSS_SCRIPT + " with an image " + XSS_IMG + " pasted from a hostile page.",
        events=[
            SyntheticEvent(
                "Youths set tyres on fire in Tataouine " + XSS_IMG + " and threw stones at the police station.",
                EventType.RIOTS,
                "Violent demonstration",
                ("Tataouine " + XSS_SCRIPT, *TATAOUINE[1:]),
                "2025-04-01",
                "Rioters (Tunisia)",
                "Police Forces of Tunisia",
                None,
                [],
                0.65,
                ("LBY-TUN", 95.0),
            )
        ],
    ),
]


def fill_store(store: Store, items: list[SyntheticReport] | None = None) -> list[NewReport]:
    reports = [make_report(r) for r in (items if items is not None else SAMPLE_REPORTS)]
    store.add_reports(reports)
    return reports


def event_at(store: Store, place: str) -> dict[str, Any]:
    """The one stored event at a place (by name), whatever id the write path gave it."""
    found = [
        e
        for e in store.search_events(EventQuery(limit=1000), reader=Reader.local_admin())[0]
        if e["location"]["name"] == place
    ]
    assert len(found) == 1, f"{len(found)} events at {place}"
    return found[0]


class KeywordExtractor:
    """A stand-in for the extractor in API tests: one event per sentence that holds a known keyword.

    Extraction itself is tested in tests/extract; here what matters is what the API does with its output.
    """

    def __init__(self, rules: dict[str, SyntheticEvent]) -> None:
        self.rules = rules
        self.calls = 0

    def pipe(self, reports: Any) -> Any:
        for report in reports:
            self.calls += 1
            yield self._extract(report)

    def _extract(self, report: Report) -> ExtractResult:
        mentions = []
        start = 0
        for sentence in report.text.split(". "):
            for keyword, template in self.rules.items():
                if keyword in sentence:
                    offset = report.text.index(sentence, start)
                    event = SyntheticEvent(**{**template.__dict__, "sentence": sentence})
                    mentions.append(_mention(len(mentions), event, report.text, (offset, offset + len(sentence))))
            start += len(sentence)
        return ExtractResult(report=ReportRef(id=report.id, title=report.title), events=mentions)


def square(lon: float, lat: float, half: float = 0.5) -> dict[str, Any]:
    """A GeoJSON square polygon around a point."""
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


_TYPES = [
    (EventType.BATTLES, "Armed clash"),
    (EventType.EXPLOSIONS, "Remote explosive/landmine/IED"),
    (EventType.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    (EventType.PROTESTS, "Peaceful protest"),
    (EventType.RIOTS, "Mob violence"),
    (EventType.STRATEGIC_DEVELOPMENTS, "Arrests"),
]
_ACTORS = ["Unidentified Armed Group (Mali)", "Military Forces of Niger", "Police Forces of Tunisia",
           "Border Guards of Algeria", "Protesters (Libya)", "Civilians (Mali)"]  # fmt: skip


def synthetic_reports(events: int, per_report: int = 10, seed: int = 7) -> list[NewReport]:
    """Generated reports of invented events scattered over the Maghreb and the Sahel through 2025."""
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    items: list[NewReport] = []
    for r in range((events + per_report - 1) // per_report):
        batch = []
        for _ in range(min(per_report, events - r * per_report)):
            event_type, sub_type = rng.choice(_TYPES)
            lat, lon = rng.uniform(12, 37), rng.uniform(-12, 24)
            day = (date(2025, 1, 1) + timedelta(days=rng.randrange(365))).isoformat()
            batch.append(
                SyntheticEvent(
                    f"Generated incident {r}-{len(batch)}: {sub_type.lower()} reported on {day}.",
                    event_type, sub_type, (f"Place {rng.randrange(500)}", round(lat, 4), round(lon, 4), "DZ"), day,
                    rng.choice(_ACTORS), None, rng.choice([None, 0, 1, 2, 5, 12]), [], round(rng.uniform(0.3, 1), 2),
                )
            )  # fmt: skip
        items.append(make_report(SyntheticReport(title=f"Generated report {r}", published="2025-12-31", events=batch,
                                                 lead=f"SYNTHETIC generated report {r} (seed {seed}).")))  # fmt: skip
    return items
