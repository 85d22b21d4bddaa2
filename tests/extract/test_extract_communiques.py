"""Agency communiqués and event notes (SYNTHETIC reports about invented incidents): a toll's later update, the
sub-type an ACLED-style label states, and the force a first-person communiqué speaks for."""

from __future__ import annotations

import pytest
from extract_helpers import report


def _only_event(extractor, text: str, published: str = "2025-05-20"):
    (event,) = extractor(report(text, published=published)).events
    return event


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a source's later figure updates the toll
        ("On 14 May 2025, militants ambushed a Malian army convoy near Hombori. Three soldiers were killed. "
         "Officials later put the toll at 8.", 8),
        ("On 14 May 2025, gunmen shot dead two herders near Tahoua. The toll was later raised to 5.", 5),
        # a claim stays a competing figure, however late: the lowest is coded
        ("On 14 May 2025, militants ambushed a Malian army convoy near Hombori, killing three soldiers. "
         "The group later claimed to have killed 25.", 3),
    ],
)  # fmt: skip
def test_a_later_toll_updates_and_a_claim_competes(extractor, text: str, toll: int) -> None:
    assert _only_event(extractor, text).fatalities == toll
