"""The confidence map: monotone after smoothing, and lower for the events of a report that tells several
(SYNTHETIC reports about invented incidents)."""

from __future__ import annotations

from extract_helpers import report

from borderwatch.extract._confidence import fit_isotonic


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
