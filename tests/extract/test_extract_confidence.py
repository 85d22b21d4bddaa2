"""The confidence map: monotone after smoothing, and lower for the events of a report that tells several
(SYNTHETIC reports about invented incidents)."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._confidence import Calibration, fit_isotonic, fit_log_odds_scale


def test_the_fitted_map_never_decreases() -> None:
    # a large block of right answers, then a small perfect one that smoothing would pull below it
    scores = [0.5] * 10 + [0.7] * 40 + [0.9] * 2
    correct = [False] * 5 + [True] * 5 + [True] * 39 + [False] + [True] * 2
    fitted = fit_isotonic(scores, correct)
    values = [fitted(s) for s in (0.5, 0.7, 0.9)]
    assert values == sorted(values)
    assert values[0] < 0.6 < values[1]


def test_an_event_among_several_is_less_certain(extractor) -> None:
    alone = extractor(report("Gunmen killed four herders near Tillia, Niger, on Monday.", "2025-03-12")).events
    crowded = extractor(
        report(
            "Gunmen killed four herders near Tillia, Niger, on Monday.\n"
            "On Tuesday, soldiers arrested six suspects in Tahoua, Niger.\n"
            "Residents of Niamey marched on Wednesday to demand more security.",
            "2025-03-12",
        )
    ).events
    assert len(alone) == 1 and len(crowded) == 3
    assert crowded[0].sub_event_type == alone[0].sub_event_type
    assert crowded[0].confidence < alone[0].confidence


def test_the_held_out_factor_tempers_an_overconfident_map() -> None:
    # A map that says 0.98 for events right 80% of the time on held-out data is pulled towards 0.8; one that is
    # right there keeps its values (the factor never sharpens: at most 1).
    mapped = [0.98] * 100
    overconfident = fit_log_odds_scale(mapped, [True] * 80 + [False] * 20)
    assert 0.3 < overconfident < 0.5
    assert Calibration([0.0], [0.98], overconfident)(0.5) == pytest.approx(0.8, abs=0.02)
    assert fit_log_odds_scale(mapped, [True] * 98 + [False] * 2) == 1.0
    assert Calibration([0.0, 0.5], [0.3, 0.98], 0.5)(0.1) > 0.3  # low values move up towards 0.5 too
