"""A centre with two agencies and a month of SYNTHETIC events (invented places, groups and people).

dz-cnc files one AMBER report (a clash at the invented "Bir Haddad well", 3 killed, by the invented
"Oued Zitoun cell") and one GREEN report in the previous period; tn-gn files three GREEN reports. Each
agency's analyst may see GREEN material of both and AMBER material of their own agency only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from borderwatch.model import Agency, EventType, Marking
from borderwatch.store import Reader, Role, Store
from tests.share.helpers import fresh_db, mention, new_report

MAY_START, MAY_END = date(2025, 5, 1), date(2025, 5, 28)
SECRET_WORDS = ("Oued Zitoun", "Bir Haddad")


@dataclass
class Centre:
    store: Store
    secret_report: str
    dz: Reader
    tn: Reader


def _reports() -> list:  # type: ignore[type-arg]
    return [
        new_report(
            "SYNTHETIC. The Oued Zitoun cell clashed with gendarmes at the Bir Haddad well; three were killed.",
            agency="dz-cnc",
            marking=Marking.AMBER,
            mentions=[mention("e1", "The Oued Zitoun cell clashed with gendarmes at the Bir Haddad well.",
                              place="Bir Haddad well", actor1="Oued Zitoun cell", date="2025-05-10",
                              lat=35.40, lon=8.12, fatalities=3)],
        ),
        new_report(
            "SYNTHETIC. A patrol reported smoke and two vehicles near Nefta.",
            agency="tn-gn",
            marking=Marking.GREEN,
            mentions=[mention("e1", "A patrol reported smoke and two vehicles near Nefta.", place="Nefta",
                              event_type=EventType.STRATEGIC_DEVELOPMENTS, sub_event_type="Other",
                              actor1=None, country="TN", lat=33.87, lon=7.88, date="2025-05-12", fatalities=0,
                              border_km=15.0)],
        ),
        new_report(
            "SYNTHETIC. Smugglers fired on a customs unit east of Tamerza; one officer was wounded and one killed.",
            agency="tn-gn",
            marking=Marking.GREEN,
            mentions=[mention("e1", "Smugglers fired on a customs unit east of Tamerza.", place="Tamerza",
                              actor1="Synthetic smuggling ring", country="TN", lat=34.38, lon=7.95,
                              date="2025-05-20", fatalities=1, border_km=8.0)],
        ),
        new_report(
            "SYNTHETIC. Protesters gathered at the Ras Ajdir crossing over its closure.",
            agency="tn-gn",
            marking=Marking.GREEN,
            mentions=[mention("e1", "Protesters gathered at the Ras Ajdir crossing.", place="Ras Ajdir",
                              event_type=EventType.PROTESTS, sub_event_type="Peaceful protest",
                              actor1="Protesters (Tunisia)", country="TN", lat=33.15, lon=11.56,
                              date="2025-05-25", fatalities=0, border="LBY-TUN", border_km=1.0)],
        ),
        new_report(
            "SYNTHETIC. An armed group attacked a post near El Ma Labiodh in April; one soldier was killed.",
            agency="dz-cnc",
            marking=Marking.GREEN,
            mentions=[mention("e1", "An armed group attacked a post near El Ma Labiodh.", place="El Ma Labiodh",
                              actor1="Synthetic armed group", date="2025-04-15", lat=35.21, lon=8.16,
                              fatalities=1)],
        ),
    ]  # fmt: skip


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[Centre]:
    store = Store(fresh_db(tmp_path))
    for agency in ("dz-cnc", "tn-gn"):
        store.accounts.add_agency(Agency(id=agency, name=f"Synthetic {agency}"))
    store.accounts.add_user("dz-analyst", "dz-cnc", Role.ANALYST)
    store.accounts.add_user("tn-analyst", "tn-gn", Role.ANALYST)
    reports = _reports()
    store.add_reports(reports)
    try:
        yield Centre(
            store=store,
            secret_report=reports[0].report.id,
            dz=store.accounts.reader_for("dz-analyst"),
            tn=store.accounts.reader_for("tn-analyst"),
        )
    finally:
        store.close()
