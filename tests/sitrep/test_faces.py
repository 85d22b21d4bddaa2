"""`borderwatch sitrep` and GET /api/sitrep over the SYNTHETIC centre of conftest.py."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from fastapi.testclient import TestClient

from borderwatch.api import create_app
from borderwatch.settings import Settings
from tests.api.conftest import fake_border_strip
from tests.conftest import run_cli
from tests.sitrep.conftest import SECRET_WORDS, Centre

_MAY = {"since": "2025-05-01", "until": "2025-05-28"}


@pytest.fixture
def client(centre: Centre) -> Iterator[TestClient]:
    settings = Settings(db=centre.store.url, cookie_secure=False)
    app = create_app(settings, store=centre.store, border_strip=fake_border_strip, background=False,
                     make_extractor=lambda: None)  # fmt: skip
    with TestClient(app, base_url="http://centre.test") as test_client:
        yield test_client


def _token(centre: Centre, user: str) -> dict[str, str]:
    secret, _ = centre.store.accounts.create_token(user, "test")
    return {"Authorization": f"Bearer {secret}"}


def test_api_report_shows_each_reader_what_it_may_see(centre: Centre, client: TestClient) -> None:
    dz = client.get("/api/sitrep", params={**_MAY, "border": "DZA-TUN", "border_km": 50},
                    headers=_token(centre, "dz-analyst"))  # fmt: skip
    assert dz.status_code == 200 and dz.headers["content-type"].startswith("text/html")
    assert "TLP:AMBER" in dz.text and "Oued Zitoun" in dz.text and "DZA-TUN border, 50 km" in dz.text
    tn = client.get("/api/sitrep", params=_MAY, headers=_token(centre, "tn-analyst"))
    assert tn.status_code == 200 and "TLP:GREEN" in tn.text and "TLP:AMBER" not in tn.text
    for word in SECRET_WORDS:
        assert word not in tn.text


def test_api_pdf_and_errors(centre: Centre, client: TestClient) -> None:
    headers = _token(centre, "tn-analyst")
    pdf = client.get("/api/sitrep", params={**_MAY, "format": "pdf", "type": "Protests"}, headers=headers)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and len(pypdf.PdfReader(io.BytesIO(pdf.content)).pages) >= 1
    assert 'filename="sitrep-2025-05-01-2025-05-28.pdf"' in pdf.headers["content-disposition"]
    assert client.get("/api/sitrep", params=_MAY).status_code == 401
    bad = client.get("/api/sitrep", params={"since": "2025-06-01", "until": "2025-05-01"}, headers=headers)
    assert bad.status_code == 422 and "after" in bad.json()["error"]["message"]
    assert client.get("/api/sitrep", params={"format": "docx"}, headers=headers).status_code == 422
    assert client.get("/api/sitrep", params={"zone": 99}, headers=headers).status_code == 404


def test_dashboard_has_the_report_links(client: TestClient) -> None:
    # What the links hold is checked in a browser (tests/browser/test_sitrep_link.py).
    page = client.get("/").text
    assert 'id="sitrep-html"' in page and 'id="sitrep-pdf"' in page


def test_cli_writes_html_and_pdf_as_the_chosen_user(centre: Centre, tmp_path: Path) -> None:
    db = centre.store.url
    html = tmp_path / "may.html"
    done = run_cli("--as", "tn-analyst", "sitrep", "--from", "2025-05-01", "--to", "2025-05-28",
                   "--type", "Battles", "--type", "Protests", "-o", str(html), db=db)  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = html.read_text(encoding="utf-8")
    assert "TLP:GREEN" in text and "Tamerza" in text and "Ras Ajdir" in text and "Nefta" not in text
    for word in SECRET_WORDS:
        assert word not in text
    pdf = tmp_path / "may.pdf"
    done = run_cli("sitrep", "--bbox", "7,33,9,36", "--from", "2025-05-01", "--to", "2025-05-28",
                   "--format", "pdf", "-o", str(pdf), db=db)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_cli_report_of_a_watch_zone_carries_its_marking(centre: Centre, tmp_path: Path) -> None:
    from shapely.geometry import box, mapping

    from borderwatch.zones import ZoneSpec

    area = box(7.9, 34.2, 8.1, 34.6)  # around Tamerza only
    centre.store.create_zone(ZoneSpec(name="Tamerza box", geometry=mapping(area), marking="RED"), area)
    out = tmp_path / "zone.html"
    done = run_cli("sitrep", "--zone", "tamerza BOX", "--from", "2025-05-01", "--to", "2025-05-28", "-o", str(out),
                   db=centre.store.url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "Situation report: zone Tamerza box" in text and '<meta name="tlp" content="TLP:RED">' in text
    assert "Tamerza" in text and "Nefta" not in text and "Ras Ajdir" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-02-30"], "--from '2025-02-30': expected a date"),
        (["--zone", "nowhere"], "--zone 'nowhere': no watch zone of that name"),
        (["--zone", "a", "--bbox", "1,2,3,4"], "give one of them"),
        (["--format", "docx"], "--format 'docx': expected html or pdf"),
        (["--border", "DZA"], "--border: 'DZA': expected two ISO 3166-1 alpha-3 codes"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(centre: Centre, tmp_path: Path, args: list[str], message: str) -> None:
    done = run_cli("sitrep", *args, "-o", str(tmp_path / "r.html"), db=centre.store.url)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    assert not (tmp_path / "r.html").exists()
