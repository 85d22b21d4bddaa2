"""The whole extraction on synthetic reports of the four styles (invented incidents, real places; needs spaCy)."""

from __future__ import annotations

import os

import pytest
from extract_helpers import FakeLocator, report

from borderwatch.extract import Extractor
from borderwatch.model import Place

pytestmark = pytest.mark.slow

NOTE = (
    "On 12 May 2023, JNIM militants attacked a military post in Boulkessi (Pobe-Mengao, Soum). "
    "The soldiers repelled the assault. 4 soldiers were killed."
)


def only_event(result):
    assert len(result.events) == 1, [(e.sub_event_type, e.evidence.sentence) for e in result.events]
    return result.events[0]


def test_acled_note_is_one_coded_event(extractor) -> None:
    event = only_event(extractor(report(NOTE, published="2023-05-14")))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.date, event.time_precision) == ("2023-05-12", 1)
    assert event.fatalities == 4
    assert event.actor1 is not None and event.actor1.name == "JNIM: Group for Support of Islam and Muslims"
    assert event.actor1.type == 2
    assert event.evidence.sentence.startswith("On 12 May 2023")
    assert NOTE[event.evidence.start : event.evidence.end] == event.evidence.sentence
    assert 0 <= event.confidence <= 1


def test_violence_against_civilians_names_civilians_as_target(extractor) -> None:
    text = (
        "Unidentified gunmen on motorbikes killed 15 villagers in an attack on a village near Tillaberi, Niger, "
        "on Sunday."
    )
    event = only_event(extractor(report(text, published="2021-08-10")))
    assert (event.event_type, event.sub_event_type, event.fatalities) == ("Violence against civilians", "Attack", 15)
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Niger)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Niger)"
    assert event.date == "2021-08-08"


def test_ied_perpetrator_is_not_the_victim(extractor) -> None:
    text = "On 5 October 2021, a Malian army vehicle struck a mine near Douentza, Mali. 2 soldiers died."
    event = only_event(extractor(report(text, published="2021-10-06")))
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali (2021-)"
    assert event.fatalities == 2


def test_protest_then_police_response_is_one_event(extractor) -> None:
    text = (
        "On 1 December 2020, students held a demonstration in Nouakchott, Mauritania, to protest against new rules. "
        "Police arrested 10 students."
    )
    event = only_event(extractor(report(text, published="2020-12-02")))
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 is not None and event.actor1.name == "Protesters (Mauritania)"


def test_article_with_two_happenings(extractor) -> None:
    text = (
        "Suspected jihadists attacked an army detachment in the northern Burkina Faso town of Sebba on Sunday, "
        "killing 12 soldiers, security sources said.\n"
        "The assailants also burned the town's market before withdrawing.\n"
        "In a separate incident on Monday, an improvised explosive device hit a supply convoy near Dori, "
        "wounding four soldiers."
    )
    result = extractor(report(text, published="2023-05-16", title="Jihadists kill soldiers in Burkina Faso"))
    coded = [(e.sub_event_type, e.date, e.fatalities) for e in result.events]
    assert ("Armed clash", "2023-05-14", 12) in coded
    assert ("Remote explosive/landmine/IED", "2023-05-15", 0) in coded
    assert len(coded) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The army did not attack the village, the defence ministry insisted on Monday.",
        "Jihadist groups aim to expand their attacks towards the coastal states, analysts say.",
        "Authorities may impose a curfew if violence continues, the governor warned.",
        "The 5+5 Dialogue on security cooperation opened in Algiers on Sunday.",
        "Tunisia's economy grew by 2.4 percent in the first quarter.",
        "Twelve migrants drowned when their boat capsized off the coast of Sfax on Wednesday.",
    ],
)
def test_no_event_where_nothing_happened(extractor, text: str) -> None:
    assert extractor(report(text, published="2022-05-10")).events == []


def test_statements_of_intent_kept_with_modality_on_request(modal_extractor) -> None:
    text = "JNIM has threatened to attack any convoy travelling to the town of Djibo."
    events = modal_extractor(report(text, published="2023-02-10")).events
    assert events and all(e.modality == "intent" for e in events)


def test_no_date_without_anchor(extractor) -> None:
    text = "Gunmen killed four gendarmes at a checkpoint in eastern Burkina Faso on Sunday, security sources said."
    event = only_event(extractor(report(text)))
    assert (event.date, event.time_precision) == (None, None)
    assert event.fatalities == 4


def test_claim_names_the_initiator(extractor) -> None:
    text = (
        "05/20/2015: An explosive device detonated beneath a military vehicle near Mount Chaambi, Kasserine "
        "governorate, Tunisia. Two soldiers were killed. The Okba Ibn Nafaa Brigade claimed responsibility."
    )
    event = only_event(extractor(report(text, published="2015-05-21")))
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.date == "2015-05-20"
    assert event.actor1 is not None and event.actor1.name == "Okba Ibn Nafaa Brigade"
    assert event.fatalities == 2


def test_border_tags_and_lower_bound_quantities(extractor) -> None:
    text = "The Algerian Ministry of Defense has deployed more than 20 monitoring centers on the border with Libya."
    event = only_event(extractor(report(text)))
    assert "deployment" in event.tags
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Algeria")
    posts = [q for q in event.quantities if q.kind == "posts"]
    assert posts and (posts[0].value, posts[0].qualifier) == (20, "at_least")


def test_locator_gives_places_locations_and_generic_countries(extractor) -> None:
    locator = FakeLocator()
    located = Extractor.__new__(Extractor)
    located.__dict__.update(extractor.__dict__)
    located._locator = locator
    text = "On 3 June 2022, gunmen killed 5 civilians in Tillaberi."
    result = located(report(text, published="2022-06-04"))
    event = only_event(result)
    assert [p.name for p in result.places] == ["Tillaberi"]
    assert event.location is not None and event.location.country == "NE"
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Niger)"
    assert locator.calls == [event.evidence.sentence]


def test_a_datelines_place_is_not_the_events_place(extractor) -> None:
    located = Extractor.__new__(Extractor)
    located.__dict__.update(extractor.__dict__)
    located._locator = FakeLocator()
    text = (
        "Kasserine, Tunisia, May 21 (Synthetic Wire) — Gunmen killed two herders near Tillaberi on Tuesday, a local "
        "official said."
    )
    event = only_event(located(report(text, published="2025-05-21")))
    assert event.location is not None and event.location.name == "Tillaberi"


def test_a_communiques_label_is_not_who_acted(extractor) -> None:
    text = (
        "SYNTHETIC. Ministry of National Defence communiqué: on 9 June 2025, a detachment of the People's National "
        "Army arrested, in coordination with the border guards, four smugglers at Bordj Badji Mokhtar."
    )
    event = only_event(extractor(report(text, published="2025-06-10")))
    assert event.sub_event_type == "Arrests" and event.date == "2025-06-09"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Algeria (2019-)"


def test_pipe_keeps_order_and_matches_single_calls(extractor) -> None:
    texts = [NOTE, "Nothing happened here.", "Police in Tunis arrested three suspected smugglers on Monday."]
    reports = [report(t, published="2023-05-16", rid=str(i)) for i, t in enumerate(texts)]
    piped = list(extractor.pipe(reports))
    assert [r.report.id for r in piped] == ["0", "1", "2"]
    assert [r.model_dump() for r in piped] == [extractor(r).model_dump() for r in reports]


def test_parallel_extraction_equals_serial(extractor) -> None:
    reports = [
        report(NOTE.replace("4 soldiers", f"{i} soldiers"), published="2023-05-14", rid=str(i)) for i in range(1, 9)
    ]
    serial = [r.model_dump() for r in extractor.pipe(reports)]
    extractor.n_process, extractor.batch_size = 2, 3
    try:
        parallel = [r.model_dump() for r in extractor.pipe(reports)]
    finally:
        extractor.n_process, extractor.batch_size = 1, 64
    assert parallel == serial
    assert [r["events"][0]["fatalities"] for r in parallel] == list(range(1, 9))


def test_field_report_event_takes_the_report_time_when_the_text_states_none(extractor: Extractor) -> None:
    from datetime import datetime

    from borderwatch.model import FieldPosition, Report, ReportKind

    field = Report(
        id="f1",
        kind=ReportKind.FIELD,
        text="SYNTHETIC. Border guards arrested three smugglers at the post.",
        published=datetime(2025, 6, 2, 5, 40),
        position=FieldPosition(lat=21.33, lon=0.95),
    )
    [event] = extractor(field).events
    assert (event.date, event.time_precision) == ("2025-06-02", 1)


def test_field_report_naming_no_place_is_located_at_its_post() -> None:
    from datetime import datetime

    from borderwatch.model import FieldPosition, Report, ReportKind

    extractor = Extractor(locator=FakeLocator())
    field = Report(
        id="f2",
        kind=ReportKind.FIELD,
        post_id="DZ-BBM-03",
        text="SYNTHETIC. Gunmen fired on the post at dawn.",
        published=datetime(2025, 6, 2, 5, 40),
        position=FieldPosition(lat=21.33, lon=0.95),
    )
    [event] = extractor(field).events
    assert event.location is not None
    assert (event.location.name, event.location.lat, event.location.border) == ("post DZ-BBM-03", 21.33, "DZA-MLI")


class _PidLocator(FakeLocator):
    """Answers with the id of the process that made it, to see which process served each report."""

    def __init__(self) -> None:
        super().__init__()
        self.pid = os.getpid()

    def find_places(self, text, entities, country_hint=None):
        return [Place(text=text[:1], start=0, end=1, name=str(self.pid))]


def test_forked_workers_make_their_own_locator() -> None:
    made_here: list[int] = []

    def factory() -> _PidLocator:
        made_here.append(os.getpid())
        return _PidLocator()

    extractor = Extractor(locator_factory=factory, n_process=2, min_parallel=8)
    reports = [report(f"Report {i}: gunmen attacked a village near Djibo.", rid=f"r{i}") for i in range(12)]
    results = list(extractor.pipe(reports))
    assert [r.report.id for r in results] == [f"r{i}" for i in range(12)]
    served = {int(r.places[0].name) for r in results}
    assert os.getpid() not in served and served  # every locator was opened in a worker
    assert made_here == []  # and none in this process
    assert [r.report.id for r in extractor.pipe(reports[:3])] == ["r0", "r1", "r2"]  # few reports: in-process
    assert made_here == [os.getpid()]


@pytest.mark.parametrize("glossed", [False, True])
def test_numbers_written_twice_as_communiques_do(extractor, glossed: bool) -> None:
    """'four (04) smugglers': the figure in brackets changes nothing (synthetic communiqué)."""
    figure = (lambda n: f" ({n:02d})") if glossed else (lambda n: "")
    text = (
        f"SYNTHETIC. On 18 May 2025, border guards intercepted near Illizi four{figure(4)} smugglers and seized "
        f"two{figure(2)} rifles and three{figure(3)} all-terrain vehicles."
    )
    event = only_event(extractor(report(text, published="2025-05-20")))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")
    assert {"smuggling", "weapons_seizure"} <= set(event.tags)
    assert ("weapons", 2) in [(q.kind, q.value) for q in event.quantities]
    assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
