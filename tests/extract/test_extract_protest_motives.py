"""Which blockades are protests, round types30b (issue 3): a road blocked while 'demanding', 'denouncing' or
'calling for' something (a participle, not only 'to demand ...') is a peaceful protest, in English and French; a
ransom demanded is no protest's motive. Synthetic sentences about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


def _sub_types(extractor, text: str) -> list[str]:
    (result,) = extractor.pipe([report(text, "2027-06-20")])
    return [e.sub_event_type for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "Unemployed youths blocked the road to the phosphate site in Redeyef on Sunday, demanding jobs.",
        "Farmers blocked the bridge into Kasserine on Monday morning denouncing the water cuts.",
        "Des jeunes ont bloqué la route de Dehiba lundi, réclamant des emplois.",
        "Des commerçants ont bloqué l'accès au poste frontalier de Ras Jedir mardi, dénonçant sa fermeture.",
    ],
)
def test_a_blockade_demanding_something_is_a_peaceful_protest(extractor, text: str) -> None:
    assert _sub_types(extractor, text) == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen blocked the road near Djibo on Monday, demanding a ransom for the driver.",
        "Soldiers blocked the road near Kidal on Monday.",
    ],
)
def test_a_blockade_without_a_protest_motive_is_no_protest(extractor, text: str) -> None:
    assert "Peaceful protest" not in _sub_types(extractor, text)
