"""What a situation report says: figures, change, marking, filters, access, audit, the empty period.
All data SYNTHETIC (tests/sitrep/conftest.py)."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest
import shapely

from borderwatch.model import Marking
from borderwatch.sitrep import Area, SitrepRequest, gather, situation_report
from borderwatch.store import AuditQuery, EventFilter
from tests.sitrep.conftest import MAY_END, MAY_START, SECRET_WORDS, Centre


def _may(**filters: object) -> SitrepRequest:
    return SitrepRequest(EventFilter(**filters), MAY_START, MAY_END, area=Area("test area"))


def test_figures_count_the_period_and_compare_with_the_previous_one(centre: Centre) -> None:
    report = gather(centre.store.as_reader(centre.dz), _may())
    assert report.figures.events == 4
    assert report.figures.fatalities == 3 + 1
    assert report.figures.by_type == {"Battles": 2, "Protests": 1, "Strategic developments": 1}
    assert (report.previous.events, report.previous.fatalities) == (1, 1)  # 3 to 30 April: El Ma Labiodh
    assert report.request.previous == (date(2025, 4, 3), date(2025, 4, 30))
    assert sum(sum(v) for v in report.events_per_week.values()) == 4
    assert sum(report.fatalities_per_week) == 4
    assert dict(report.borders) == {"DZA-TUN": 3, "LBY-TUN": 1}
    assert report.actors[0] == ("Military Forces of Algeria (2019-)", 4)  # actor 2 of every test event


def test_most_significant_events_come_first_with_their_sentences(centre: Centre) -> None:
    report = gather(centre.store.as_reader(centre.dz), _may())
    first = report.significant[0]
    assert first["fatalities"] == 3
    assert first["evidence"][0]["sentence"].startswith("The Oued Zitoun cell clashed")
    assert first["evidence"][0]["marking"] == "AMBER"
    assert [e["fatalities"] for e in report.significant] == sorted(
        (e["fatalities"] for e in report.significant), reverse=True
    )


def test_the_document_carries_the_most_restrictive_marking_it_contains(centre: Centre) -> None:
    assert gather(centre.store.as_reader(centre.dz), _may()).marking is Marking.AMBER
    assert gather(centre.store.as_reader(centre.tn), _may()).marking is Marking.GREEN
    # Only protests (GREEN, of tn-gn) in May; the previous period holds nothing of that type.
    assert gather(centre.store.as_reader(centre.dz), _may(event_types=("Protests",))).marking is Marking.GREEN
    zone = SitrepRequest(EventFilter(event_types=("Protests",)), MAY_START, MAY_END,
                         area=Area("zone x", shapely.box(7, 30, 12, 37), Marking.RED))  # fmt: skip
    assert gather(centre.store.as_reader(centre.dz), zone).marking is Marking.RED  # the zone's own marking


def test_another_agencys_reader_never_gets_its_amber_content(centre: Centre) -> None:
    request = _may()
    seen = gather(centre.store.as_reader(centre.tn), request)
    assert seen.figures.events == 3 and seen.figures.fatalities == 1
    html = situation_report(centre.store.as_reader(centre.tn), request, "html").decode()
    for word in SECRET_WORDS:
        assert word not in html
    assert "TLP:GREEN" in html and "TLP:AMBER" not in html
    own = situation_report(centre.store.as_reader(centre.dz), request, "html").decode()
    assert "Oued Zitoun" in own and '<meta name="tlp" content="TLP:AMBER">' in own


def test_reads_of_amber_material_are_audited(centre: Centre) -> None:
    situation_report(centre.store.as_reader(centre.dz), _may(), "html")
    situation_report(centre.store.as_reader(centre.tn), _may(), "html")
    audit = centre.store.audit
    assert audit.entries(AuditQuery(actor="dz-analyst", object_id=centre.secret_report))
    assert not audit.entries(AuditQuery(actor="tn-analyst", object_id=centre.secret_report))


def test_filters_select_the_events_of_the_area(centre: Centre) -> None:
    dz = centre.store.as_reader(centre.dz)
    assert gather(dz, _may(border="TUN-DZA", max_border_km=10)).figures.events == 1  # Tamerza, 8 km
    assert gather(dz, _may(bbox=(11, 33, 12, 34))).figures.by_type == {"Protests": 1}
    assert gather(dz, _may(country="TN")).figures.events == 3
    with pytest.raises(ValueError, match="period"):
        SitrepRequest(EventFilter(since=MAY_START), MAY_START, MAY_END)


def test_an_empty_period_gives_a_no_events_report(centre: Centre) -> None:
    request = SitrepRequest(EventFilter(), date(2024, 1, 1), date(2024, 1, 31))
    report = gather(centre.store.as_reader(centre.dz), request)
    assert report.figures.events == 0 and report.significant == [] and report.marking is Marking.CLEAR
    html = situation_report(centre.store.as_reader(centre.dz), request, "html").decode()
    assert 'id="no-events"' in html and "No events" in html
    assert "TLP:CLEAR" in html


def test_html_is_one_self_contained_file(centre: Centre) -> None:
    html = situation_report(centre.store.as_reader(centre.dz), _may(), "html").decode()
    assert "<script" not in html and "<link" not in html
    assert not re.search(r"""\b(?:src|href)\s*=\s*["'](?!#|data:)""", html), "a reference out of the file"
    assert not re.search(r"url\((?!#|data:)", html)
    assert html.count("<svg") == 5  # the map and four charts
    assert "<b>Produced by:</b> local ·" in html  # SitrepRequest's default agency


def test_pdf_is_valid_with_the_marking_on_every_page(centre: Centre) -> None:
    body = situation_report(centre.store.as_reader(centre.dz), _may(), "pdf")
    assert body.startswith(b"%PDF-")
    pages = pypdf.PdfReader(io.BytesIO(body)).pages
    assert len(pages) >= 2
    for page in pages:
        assert page.extract_text().count("TLP:AMBER") >= 2  # header and footer
