"""The date feature: how far apart two mentions' days are, and when days apart are still one happening (a
statement's or claim's own day taken for the event's, a night told on its two days)."""

from __future__ import annotations

from . import _score_detail
from ._config import FusionConfig
from ._score_detail import Detail, Step
from ._types import MentionFeatures

__all__ = ["DAYS_APART", "FOLLOW_UP", "UNDATED", "DateRules", "statement_day", "statement_day_alone"]

UNDATED = "one date unknown; the other within its report's window"  # the date feature's detail it rests on
DAYS_APART = "{} day{} apart"  # two dates known to the day that differ, neither a night's nor a statement's
# The date veto of a follow-up (arrests days after an attack): it rests on the member's type, so it does not rule
# out the member's whole event (`Fuser._best_member`), unlike the other date vetoes.
FOLLOW_UP = "{} days apart and of different kinds (a follow-up event)"


class DateRules:
    """The date feature with the rules of a `FusionConfig`."""

    def __init__(self, config: FusionConfig) -> None:
        self.config = config

    def compare(self, new: MentionFeatures, old: MentionFeatures) -> Step:
        rules = self.config.date
        gap = max(0, max(new.day_lo, old.day_lo) - min(new.day_hi, old.day_hi))
        if not (new.dated and old.dated):
            if gap == 0:
                return "date", rules.undated_in_window, UNDATED
            return "date", rules.further, ("one date unknown; the other {} days outside its report's window", gap)
        if gap > rules.veto_gap_days:
            return "date", None, ("{} days apart", gap)
        if new.precise_date and old.precise_date:
            if gap >= rules.follow_up_gap_days and new.family != old.family:
                # Arrests after an attack, a protest after a killing: ACLED codes the follow-up apart.
                return "date", None, (FOLLOW_UP, gap)
            late = 0 < gap <= rules.report_lag_days and _dated_by_report(new, old, rules.aftermath_words)
            if gap >= rules.precise_veto_gap_days and not late:
                return "date", None, ("{} days apart, both known to the day", gap)
            value = (rules.same_day, rules.one_day, rules.two_days)[gap] if gap <= 2 else rules.further
            detail: Detail = "same day" if gap == 0 else (DAYS_APART, gap, "s" if gap > 1 else "")
            night = not (new.words.isdisjoint(rules.night_words) and old.words.isdisjoint(rules.night_words))
            if gap == 1 and night and new.sub_event_type == old.sub_event_type:
                # One night's happening told on its two days is coded alike; two kinds of one family a day apart
                # (an evening air strike, the next day's shelling at the town) are two happenings.
                value, detail = rules.one_day_night, "1 day apart, told of a night (it may straddle midnight)"
        elif gap == 0:
            value, detail = rules.overlap_imprecise, "date ranges overlap (one date imprecise)"
        else:
            value, detail = rules.two_days if gap <= 2 else rules.further, ("date ranges {} days apart", gap)
        late = 0 < gap <= rules.report_lag_days and _dated_by_report(new, old, rules.aftermath_words)
        if value < rules.reported_late and late:
            return "date", rules.reported_late, (statement_day, detail)
        return "date", value, detail


def statement_day(detail: Detail) -> str:
    return f"{_score_detail.written(detail)}; the later is its report's own day (a statement or claim)"


def statement_day_alone(detail: Detail) -> str:
    return (
        f"{_score_detail.written(detail)}; the later is its report's own day (a statement or claim), and nothing but "
        "type and area in common (no shared town, toll, group or name)"
    )


def _dated_by_report(new: MentionFeatures, old: MentionFeatures, aftermath: frozenset[str]) -> bool:
    """Whether the later-dated of the two tells of an aftermath (a claim, a funeral, a toll: `aftermath`) and
    is dated on (or the day before) its own report's publication: the day of that statement may have been
    taken for the event's ("funerals were held on Friday for the soldiers killed last Monday"). Most reports
    are dated so, being fresh; without the aftermath, two dates days apart are two happenings."""
    later, earlier = (new, old) if new.day_lo >= old.day_lo else (old, new)
    return (
        later.anchor > 0
        and later.day_hi >= later.anchor - 1
        and not later.words.isdisjoint(aftermath)
        and not _cites_as_elsewhere(later, earlier)
    )


def _cites_as_elsewhere(later: MentionFeatures, earlier: MentionFeatures) -> bool:
    """Whether `later` is placed at a town of its own and names `earlier`'s place only after it, as a reference
    ("claimed an attack on the post at Ténenkou, two days after its raid on Diafarabé"): it tells of another
    happening, whatever its claim's day. `earlier`'s place is its resolved name, or, known only to its province,
    the names its sentence gives before it."""
    if later.vague:
        return False
    stated = earlier.lead if earlier.vague else earlier.place_keys
    return (
        bool(stated)
        and not later.names.isdisjoint(stated)
        and later.place_keys.isdisjoint(stated)
        and later.lead.isdisjoint(stated)
    )
