"""Date expressions in a sentence, resolved against the report's publication date with ACLED time precision.

Precision 1 is a day, 2 a week (or a few days), 3 a month. An expression that needs an
anchor (a weekday, "last week", "in January", "during Ramadan") and has none resolves
to nothing: dates are never invented. Month names are matched capitalised only, so the
verb "may" is no date, and nothing here reads bare numbers, so "5+5 Dialogue" is none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from hijridate import Gregorian, Hijri

from ._text import fold, load_data, phrase_trie

__all__ = ["DateMention", "ResolvedDate", "find_dates", "resolve", "warm_up"]

# Month names from ontology.json `months`, as reports write them: English ones capitalised ("March", "Sept"), French
# ones in lower case, with or without their accents ("février", "fevrier"), and every one in capitals too, as field
# reports and message headers write them ("12 MAR 2026, 0330Z", "MERCREDI 20 MAI"). Matched case-sensitively, so
# that the English verb "may" is no month.
_MONTH_WORDS = load_data("ontology.json")["months"]


def _month_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    for number, (english, abbreviations, french) in enumerate(
        zip(_MONTH_WORDS["en"], _MONTH_WORDS["abbreviations"], _MONTH_WORDS["fr"], strict=True), start=1
    ):
        written = [w.capitalize() for w in (english, *abbreviations)] + [french, fold(french)]
        forms.update(dict.fromkeys(written, number))
        forms.update({w.upper(): number for w in written})
    return forms


_MONTHS = _month_forms()
_WEEKDAYS = {d: i for i, d in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}
# French weekdays are written in lower case, save at the head of a sentence ("Dimanche, des hommes armés ...")
_FRENCH_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_WEEKDAYS.update({d: i for i, d in enumerate(_FRENCH_WEEKDAYS)})
_WEEKDAYS.update({d.capitalize(): i for i, d in enumerate(_FRENCH_WEEKDAYS)})
# field reports and headers write them in capitals too ("MONDAY: post at Téra attacked", "LUNDI, ...")
_WEEKDAYS.update({d.upper(): i for d, i in list(_WEEKDAYS.items())})
_HIJRI_MONTHS = {
    "Muharram": 1, "Safar": 2, "Rabi al-Awwal": 3, "Rabi' al-Awwal": 3, "Rabi al-Thani": 4, "Jumada al-Awwal": 5,
    "Jumada al-Thani": 6, "Rajab": 7, "Shaaban": 8, "Sha'ban": 8, "Shaban": 8, "Ramadan": 9, "Ramadhan": 9,
    "Ramazan": 9, "Shawwal": 10, "Dhu al-Qadah": 11, "Dhu al-Hijjah": 12,
}  # fmt: skip

# "on New Year's Eve", "le jour de la Tabaski": a holiday's day (ontology.json holiday_dates), by calendar
_HOLIDAYS = {
    calendar: {name.replace("'", "['’]"): tuple(day) for name, day in names.items()}
    for calendar, names in load_data("ontology.json")["holiday_dates"].items()
    if calendar != "about"
}
_HOLIDAY = "(?P<holiday>" + "|".join(name for names in _HOLIDAYS.values() for name in names) + ")"

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
_HIJRI_NAMES = {number: name for name, number in reversed(_HIJRI_MONTHS.items())}  # each month's first name
_HIJRI = r"(?P<hijri>" + "|".join(sorted(map(re.escape, _HIJRI_MONTHS), key=len, reverse=True)) + ")"
_PART = r"early|mid|late|end of|beginning of|the end of|the beginning of"
# a weekday may stand before either day of a night or a span ("la nuit du dimanche 24 au lundi 25 mai")
_ANY_WEEKDAY = r"(?:(?:" + "|".join(_WEEKDAYS) + r")\s+)?"
_NIGHT_OF = rf"(?i:\b(?:(?:the\s+)?night\s+(?:of|from)\s+(?:the\s+)?|nuit\s+du\s+|night\s+)){_ANY_WEEKDAY}"
_NIGHT_TO = rf"\s*(?i:to|into|au|and|et|-|–|/)\s*(?i:the\s+)?{_ANY_WEEKDAY}[0-3]?\d(?:st|nd|rd|th|er)?\s+(?i:of\s+)?"
_FEW_DAYS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
}  # fmt: skip
_FEW = "|".join(_FEW_DAYS)
_HIJRI_LEAD = r"the (?:holy |fasting )?month of |holy month of |during |in |since "
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<num>[0-3]?\d([/.-])[0-3]?\d\2(?:19|20)\d\d)\b")),
    # a field report's two-digit year ("SITREP 19/05/26", "19.05.26"), all in pairs of digits and not with dashes
    # ("4-4-22", "version 1.2.33" are no dates)
    ("numeric", re.compile(r"\b(?P<num>[0-3]\d([/.])[01]\d\2\d\d)\b(?![/.-]?\d)")),
    # a field report's day and month without the year ("SITREP 14/03:", "le 05/06"), both in two digits (so "24/7"
    # and "3/4 of them" are none); dotted only after "on"/"le" ("on 18.05."), since "18.05 km" is a distance
    ("numeric_dm", re.compile(
        r"\b(?P<nday>[0-3]\d)/(?P<nmonth>0[1-9]|1[0-2])\b(?![/.-]?\d)"
        r"|(?i:\b(?:on|le)\s+)(?P<dday>[0-3]\d)\.(?P<dmonth>0[1-9]|1[0-2])\b(?!\.?\d)"
    )),
    # "the night of 2 to 3 July", "dans la nuit du 5 au 6 mai", "NIGHT 19/20 MAR 2027": a night is coded on the day it
    # began (ACLED's first day), not on the day after it written next to the month
    ("dmy", re.compile(rf"{_NIGHT_OF}{_DAY}{_NIGHT_TO}{_MONTH},? {_YEAR}\b")),
    ("dm", re.compile(rf"{_NIGHT_OF}{_DAY}{_NIGHT_TO}{_MONTH}(?![\w])")),
    ("dmy", re.compile(rf"{_NIGHT_OF}{_DAY} {_MONTH}{_NIGHT_TO}\w+\.?,? {_YEAR}\b")),  # "du 30 avril au 1er mai 2026"
    ("dm", re.compile(rf"{_NIGHT_OF}{_DAY} {_MONTH}{_NIGHT_TO}\w+")),
    # "on 23 and 24 May", "les 23 et 24 mai", "between 20 and 22 May", "22-23 May", "May 22-23": a span of days is
    # coded on its first, as a night is
    ("dmy", re.compile(rf"\b{_ANY_WEEKDAY}{_DAY}{_NIGHT_TO}{_MONTH},? {_YEAR}\b")),
    ("dm", re.compile(rf"\b{_ANY_WEEKDAY}{_DAY}{_NIGHT_TO}{_MONTH}(?![\w])")),
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY}\s*(?i:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?,? {_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH} {_DAY}\s*(?i:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?(?![\w/])")),
    # "overnight Tuesday into Wednesday", "overnight on Sunday": the weekday says which night
    ("weekday", re.compile(rf"(?i:\bovernight\s+(?:on\s+|from\s+)?){_WEEKDAY}(?![\w])")),
    # a military date-time group: "051400Z MAY 26" is 5 May 2026, 14:00 Zulu
    ("dtg", re.compile(rf"\b(?P<day>[0-3]\d)[0-2]\d[0-5]\d\s?Z\s*{_MONTH}\s*(?:20)?(?P<yy>\d\d)\b")),
    # a message header's date run together in capitals: "25MAY26"
    ("dtg", re.compile(rf"\b(?P<day>[0-3]\d)(?P<month>{'|'.join(m for m in _MONTHS if m.isupper() and len(m) == 3)})"
                       r"(?P<yy>\d\d)\b")),
    ("dmy", re.compile(rf"\b{_DAY}(?: of)? {_MONTH},? {_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("dm", re.compile(rf"\b{_DAY}(?: of)? {_MONTH}(?![\w])")),
    ("md", re.compile(rf"\b{_MONTH} (?:the )?{_DAY}(?![\w/])")),
    ("month_year", re.compile(rf"\b(?:(?P<part>{_PART})[- ])?{_MONTH},? {_YEAR}\b")),
    (
        "month",
        re.compile(
            rf"(?i:\b(?P<lead>in|since|during|last|early|mid|late|this|by|until|through|throughout|the|the end of|"
            rf"the beginning of|en|depuis|d[ée]but|fin|mi|courant|[àa] la mi)(?: (?P<part>early|mid|late))?[- ])"
            rf"{_MONTH}(?![\w])(?! [0-3]?\d\b)"
        ),
    ),
    # "for Thursday" is a day to come, but "responsibility for Sunday's ambush" is the ambush's day
    ("weekday", re.compile(rf"(?i:\b(?P<rel>last|this|past|next|on|late|early|for(?!\s+\w+['’]s\b)|until|till)? ?){_WEEKDAY}(?![\w])")),  # noqa: E501
    # "on the 5th", "le 5 courant": a day of the month of publication (of the month before when it is still to come)
    ("day_of_month", re.compile(
        r"(?i:\bon\s+(?:the\s+)?)(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
        r"(?!\s+(?:of\b|day|anniversary|floor|time|round|minute))"
        r"|(?i:\ble\s+)(?P<cday>[0-3]?\d|1er)\s+(?i:courant|du\s+mois(?:\s+en\s+cours)?)\b"
        # "le 19, des hommes armés ...", "le 19 au soir": a bare day after "le" ends a clause or is told a time of it
        r"|(?i:\ble\s+)(?P<lday>[0-3]?\d|1er)(?=\s*[,;.)]|\s*$|\s+(?i:au\s+(?:soir|matin)|dans\s+la\s+nuit)\b)"
    )),
    # "two days ago", "il y a trois jours"
    ("days_ago", re.compile(
        rf"(?i)\b(?P<ago>{_FEW}|\d)\s+days\s+ago\b|\bil\s+y\s+a\s+(?P<ilya>{_FEW}|\d)\s+jours\b"
    )),
    # "during Ramadan", "on 23 Shawwal 1447": a Hijri month, or a day of it
    ("hijri", re.compile(
        rf"(?i:\b(?:{_HIJRI_LEAD})?)(?:(?P<hday>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_HIJRI}"
        r"(?:,? (?P<hyear>1[34]\d\d))?\b"
    )),
    # only after a word that dates by it: "ahead of Tabaski", "sheep for Tabaski" date nothing
    ("holiday", re.compile(
        r"(?i)\b(?:on|at|during|over|the\s+day\s+of|lors\s+de|pendant|durant|le\s+jour\s+de|du\s+jour\s+de|le|la|à)\s+"
        r"(?:the\s+|la\s+|l['’]\s*)?(?:(?:first\s+)?day\s+of\s+(?:the\s+)?|f[êe]te\s+de\s+(?:la\s+|l['’]\s*)?)?"
        rf"{_HOLIDAY}(?![\w-])"
    )),
    ("relative", re.compile(
        r"(?i)(?<![\w-])(?P<rel>the day before yesterday|avant-hier|a week ago|il y a une semaine|la nuit derni[èe]re|"
        r"la semaine pass[ée]e|ce\s+matin|ce\s+soir|cet\s+apr[èe]s-midi|"
        r"yesterday|today|tonight|this (?:morning|afternoon|evening)|"
        r"earlier today|last night|overnight|last week|this week|past week|last weekend|this weekend|"
        r"over the weekend|at the weekend|"
        r"last month|this month|past month|hier|aujourd'hui|la semaine dernière|le mois dernier|"
        r"(?:le|ce|pendant\s+le|durant\s+le|au\s+cours\s+du)\s+week-?end(?:\s+dernier)?)\b")),
]  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    """A date expression: where it is in the sentence, what kind it is and its matched parts."""

    start: int
    end: int
    kind: str
    parts: dict[str, str]


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month


# Every pattern needs one of these: a cheap test that skips the sentences without any. Only whether it occurs is
# asked, so the words are laid out as a trie (`_text.phrase_trie`): as one flat alternation of some 150 names the
# engine tried each in turn at every character, a millisecond a report for sentences that mostly hold none.
_HINT_WORDS = (
    "day night week month tonight morning afternoon evening hier aujourd jours semaine mois nuit matin soir midi"
)
_HINT = re.compile(
    rf"\d|{phrase_trie([*_MONTHS, *_WEEKDAYS])}"
    rf"|(?i:{phrase_trie([*_HINT_WORDS.split(), *(name.lower() for name in _HIJRI_MONTHS)])})"
    + "|"
    + _HOLIDAY.replace("(?P<holiday>", "(?i:")
)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in `text`; where two overlap, the longer (more specific) one wins."""
    return list(_dates_in(text))


# Detection reads the dates of an event's sentence, the timeline those of the sentences around undated events
# (the same sentences again, often): each sentence's patterns run once. Mentions are frozen; no caller changes
# their parts.
@lru_cache(maxsize=256)
def _dates_in(text: str) -> tuple[DateMention, ...]:
    if _HINT.search(text) is None:
        return ()
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parts = {k: v for k, v in m.groupdict().items() if v}
            found.append(DateMention(m.start(), m.end(), kind, parts))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    kept = [m for m in kept if not (m.kind in _DAY_KINDS and _PERIOD_START.search(text, 0, m.start))]
    kept = [m for m in kept if not (m.kind == "relative" and _IN_A_SERIES.search(text, 0, m.start))]
    kept = [m for m in kept if not _RITES.search(text, 0, m.start)]
    kept = [m for m in kept if not (m.kind == "numeric_dm" and _is_ratio(text, m))]
    return tuple(_days_before(_week_of_weekdays(_attach_weekdays(kept, text), text), text))


# "Cumulative since 01 MAY: 9 rounds, 4 KIA", "missing since 1 October", "depuis le 3 mars": the day a period
# began, from which something is counted or lasts, dates no happening of its own.
_DAY_KINDS = frozenset({"iso", "numeric", "numeric_dm", "dmy", "mdy", "dm", "md"})
_PERIOD_START = re.compile(r"\b(?:since|depuis(?:\s+le)?)\s+$", re.IGNORECASE)
# "Funerals were held in Gao on Friday for the soldiers killed ... last Monday": the rite's day is not the event's
_RITES = re.compile("|".join(load_data("ontology.json")["rites_dates"]["patterns"]), re.IGNORECASE)
# "scored 10/10", "10/10 of its engagements": a day and month in figures that is a score or a ratio
_RATIO_BEFORE = re.compile("|".join(load_data("ontology.json")["ratio_figures"]["before"]), re.IGNORECASE)
_RATIO_AFTER = re.compile("|".join(load_data("ontology.json")["ratio_figures"]["after"]), re.IGNORECASE)


def _is_ratio(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(_RATIO_BEFORE.search(before) or _RATIO_AFTER.match(text, mention.end))


# "the fourth such blast this month", "the third strike on the town this week": the period counts a series of
# happenings, it does not date the one told
_IN_A_SERIES = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|such)\b"
    r"(?:\s+[\w-]+){0,5}?\s+(?:(?:in|on|of|against)\s+(?:\w+\s+){1,3})?$",
    re.IGNORECASE,
)


# "on Monday last week", "lundi de la semaine dernière": that weekday of the week before publication's; "lundi
# dernier", "le vendredi précédent", "on Friday last": the last such day before publication, as 'last Monday'.
_PREVIOUS_WEEK = re.compile(
    r",?\s+(?:of\s+)?(?:last|the\s+previous|the\s+past)\s+week\b|,?\s+a\s+week\s+ago\b"
    r"|\s+de\s+la\s+semaine\s+derni[èe]re\b",
    re.IGNORECASE,
)
_FRENCH_LAST = re.compile(
    r"\s+(?:dernier|pass[ée]|pr[ée]c[ée]dent|last(?!\s+(?:week|night|month|year|weekend)\b))\b", re.IGNORECASE
)


def _week_of_weekdays(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A weekday with the week it falls in written after it: one mention, resolved in that week."""
    out = list(mentions)
    for i, mention in enumerate(out):
        if mention.kind != "weekday" or mention.parts.get("rel", "").lower() in ("next", "for", "until", "till"):
            continue
        week = _PREVIOUS_WEEK.match(text, mention.end)
        if week is not None:
            out[i] = DateMention(mention.start, week.end(), "weekday", {**mention.parts, "rel": "previous week"})
        elif (last := _FRENCH_LAST.match(text, mention.end)) is not None:
            out[i] = DateMention(mention.start, last.end(), "weekday", {**mention.parts, "rel": "last"})
    # the relative mention the weekday took in ('last week') is no date of its own
    return [m for m in out if not any(o is not m and o.start <= m.start and m.end <= o.end for o in out)]


# "said on Wednesday that they had intercepted three trucks ... the previous day": a day counted back from the date
# told before it in the sentence. "the day before the attack" counts from an event, not a date: no date.
_DAY_BEFORE = re.compile(
    r"\b(?:the\s+(?:previous|preceding)\s+(?:day|evening|night|morning|afternoon)"
    r"|the\s+day\s+before(?!\s+(?:yesterday|the|an?|its|his|her|their|our)\b)"
    r"|la\s+veille(?!\s+(?:de|du|des|d['’]|au|à)\b))\b",
    re.IGNORECASE,
)


_TOLD_ON = re.compile(r"\b(?:said|says|told|reported|announced|added|indiqu[ée]|affirm[ée]|déclar[ée])\s+(?:on\s+)?$")


def _days_before(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Each 'the previous day' after a date in the sentence: a mention of the day before that date, where the phrase
    stands (it dates what is told there, the date before it often only the telling)."""
    out = list(mentions)
    for m in _DAY_BEFORE.finditer(text):
        before = [d for d in mentions if d.end <= m.start() and d.kind != "day_before"]
        # "killed two traders the previous evening, the mayor said on Wednesday": the day of the telling after it
        before = before or [d for d in mentions if d.start >= m.end() and _TOLD_ON.search(text, 0, d.start)][:1]
        if before and not any(d.start < m.end() and m.start() < d.end for d in mentions):
            anchor = before[-1]
            out.append(DateMention(m.start(), m.end(), "day_before", {**anchor.parts, "anchor": anchor.kind}))
    return sorted(out, key=lambda d: d.start)


def _attach_weekdays(mentions: list[DateMention], text: str) -> list[DateMention]:
    """'on Tuesday (April 9th)', 'Tuesday, April 9': one mention whose weekday checks the day."""
    out: list[DateMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "weekday"
            and mention.kind in ("dm", "md", "dmy", "mdy")
            and re.fullmatch(r"[\s,(]*(?:the\s+)?", text[prev.end : mention.start])
        ):
            out[-1] = DateMention(
                prev.start, mention.end, mention.kind, {**mention.parts, "weekday": prev.parts["weekday"]}
            )
            continue
        out.append(mention)
    return out


def resolve(mention: DateMention, published: dt.date | None) -> ResolvedDate | None:
    """The date and precision of a mention, against the publication date; None when it cannot be known."""
    try:
        return _RESOLVERS[mention.kind](mention.parts, published)
    except (ValueError, OverflowError):
        return None


def _absolute(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    if "iso" in parts:
        return ResolvedDate(dt.date.fromisoformat(parts["iso"]), 1)
    if "num" in parts:
        return _numeric(re.sub(r"[.-]", "/", parts["num"]), published)
    day = dt.date(int(parts["year"]), _MONTHS[parts["month"]], int(parts["day"]))
    return ResolvedDate(day, 1)


def warm_up() -> None:
    """Have dateparser load its language data now (a seventh of a second, on its first parse): in a process about
    to fork its workers, so that they inherit it instead of each loading it again."""
    _numeric("01/02/2020", None)


def _numeric(value: str, published: dt.date | None) -> ResolvedDate | None:
    """'12/05/2023': day first (the region's usage) unless only month first is a date, or only it fits publication."""
    readings = []
    for order in ("DMY", "MDY"):
        parsed = dateparser.parse(value, languages=["en"], settings={"DATE_ORDER": order, "STRICT_PARSING": True})
        if parsed is not None and parsed.date() not in readings:
            readings.append(parsed.date())
    if published is not None:
        fitting = sorted((published - d, d) for d in readings if d <= published)
        readings = [d for _, d in fitting] or readings  # the reading closest before publication
    return ResolvedDate(readings[0], 1) if readings else None


def _day_month(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """A day and month without a year: the latest such date not after publication. A weekday written with it
    ('on Tuesday (April 9th)') does not pick the year: where it disagrees with that date, a slip of the
    writer's is likelier than a story a year old told without its year."""
    if published is None:
        return None
    month, day = _MONTHS[parts["month"]], int(parts["day"])
    candidates = [dt.date(y, month, day) for y in (published.year, published.year - 1) if _valid(y, month, day)]
    candidates = [c for c in candidates if c <= published + dt.timedelta(days=2)]
    return ResolvedDate(candidates[0], 1) if candidates else None


def _numeric_day_month(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """'14/03', 'on 18.05.': day first, the latest such date not after publication (as a written month)."""
    day, month = parts.get("nday") or parts["dday"], parts.get("nmonth") or parts["dmonth"]
    month_name = next(name for name, number in _MONTHS.items() if number == int(month))
    return _day_month({"day": day, "month": month_name}, published)


def _date_time_group(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    year, month, day = 2000 + int(parts["yy"]), _MONTHS[parts["month"]], int(parts["day"])
    return ResolvedDate(dt.date(year, month, day), 1) if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _month_year(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    return ResolvedDate(dt.date(int(parts["year"]), _MONTHS[parts["month"]], 1), 3)


def _month(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """'in January', 'last March', 'since early May': the latest such month not after publication
    (before it, for 'last')."""
    if published is None:
        return None
    month = _MONTHS[parts["month"]]
    year = published.year if month <= published.month else published.year - 1
    if parts.get("lead", "").lower() == "last" and month == published.month:
        year -= 1
    return ResolvedDate(dt.date(year, month, 1), 3)


def _weekday(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """The latest such weekday on or before publication ('on Monday' in a Monday report is that day)."""
    if published is None:
        return None
    rel = (parts.get("rel") or "").lower()
    if rel in ("next", "for", "until", "till"):
        return None  # "a strike called for Thursday": a day still to come
    if rel == "previous week":  # "on Monday last week": in the week (Monday to Sunday) before publication's
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return ResolvedDate(monday + dt.timedelta(days=_WEEKDAYS[parts["weekday"]]), 1)
    back = (published.weekday() - _WEEKDAYS[parts["weekday"]]) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    return ResolvedDate(published - dt.timedelta(days=back), 1)


_RELATIVE_DAYS = {
    "the day before yesterday": (-2, 1), "yesterday": (-1, 1), "hier": (-1, 1), "today": (0, 1), "tonight": (0, 1),
    "aujourd'hui": (0, 1), "this morning": (0, 1), "this afternoon": (0, 1), "this evening": (0, 1),
    "earlier today": (0, 1), "last night": (-1, 1), "avant-hier": (-2, 1), "la nuit dernière": (-1, 1),
    "la nuit derniere": (-1, 1), "a week ago": (-7, 2), "il y a une semaine": (-7, 2), "la semaine passée": (-7, 2),
    "la semaine passee": (-7, 2), "ce matin": (0, 1), "ce soir": (0, 1), "cet après-midi": (0, 1),
    "cet apres-midi": (0, 1), "overnight": (0, 1), "last week": (-7, 2), "past week": (-3, 2),
    "this week": (0, 2), "la semaine dernière": (-7, 2), "last weekend": (None, 2), "this weekend": (None, 2),
    "over the weekend": (None, 2), "at the weekend": (None, 2),
}  # fmt: skip
# "le week-end dernier", "ce week-end", "pendant le week-end": French for the weekend before publication
_FRENCH_WEEKEND = re.compile(r"(?:le|ce|pendant\s+le|durant\s+le|au\s+cours\s+du)\s+week-?end(?:\s+dernier)?")


def _relative(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    if published is None:
        return None
    rel = " ".join(parts["rel"].lower().split())  # "ce  matin" across a line break is "ce matin"
    if rel in ("last month", "le mois dernier"):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return ResolvedDate(first.replace(day=1), 3)
    if rel in ("this month", "past month"):
        return ResolvedDate(published.replace(day=1), 3)
    offset, precision = (None, 2) if _FRENCH_WEEKEND.fullmatch(rel) else _RELATIVE_DAYS[rel]
    if rel in ("last weekend", "this weekend"):
        return ResolvedDate(_weekend_saturday(published, last=rel == "last weekend"), 2)
    if offset is None:  # the weekend before publication: its Saturday
        offset = -((published.weekday() - 5) % 7 or 7)
    return ResolvedDate(published + dt.timedelta(days=offset), precision)


def _holiday(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """A holiday's latest day not after publication."""
    if published is None:
        return None
    for calendar, names in _HOLIDAYS.items():
        for name, (month, day) in names.items():
            if re.fullmatch(name, parts["holiday"], re.IGNORECASE):
                if calendar == "hijri":
                    return _hijri({"hijri": _HIJRI_NAMES[month], "hday": str(day)}, published)
                years = (published.year, published.year - 1)
                return ResolvedDate(next(d for y in years if (d := dt.date(y, month, day)) <= published), 1)
    return None


def _weekend_saturday(published: dt.date, last: bool) -> dt.date:
    """The Saturday of 'this weekend' (the one publication falls in, else the one just before it) or of 'last
    weekend' (the one before publication's, told on a weekend; else the one just before it)."""
    back = (published.weekday() - 5) % 7  # days since the last Saturday, 0 on a Saturday
    in_weekend = published.weekday() >= 5
    return published - dt.timedelta(days=back + (7 if last and in_weekend else 0))


def _hijri(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """An Islamic month (Umm al-Qura calendar): its first day, with month precision; a day of it ('23 Shawwal'), that
    day. Without its year, the latest such month or day not after publication."""
    month = _HIJRI_MONTHS[next(k for k in _HIJRI_MONTHS if k.lower() == parts["hijri"].lower())]
    day, precision = (int(parts["hday"]), 1) if "hday" in parts else (1, 3)
    if "hyear" in parts:
        return ResolvedDate(_from_hijri(int(parts["hyear"]), month, day), precision)
    if published is None:
        return None
    hyear = Gregorian(published.year, published.month, published.day).to_hijri().year
    for year in (hyear, hyear - 1):
        first = _from_hijri(year, month, day)
        if first <= published:
            return ResolvedDate(first, precision)
    return None


def _from_hijri(year: int, month: int, day: int) -> dt.date:
    start = Hijri(year, month, day).to_gregorian()
    return dt.date(start.year, start.month, start.day)


def _day_before(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """The day before the date a 'the previous day' counts from (a day only: 'the week before' is no day)."""
    anchor = {k: v for k, v in parts.items() if k != "anchor"}
    resolved = _RESOLVERS[parts["anchor"]](anchor, published)
    if resolved is None or resolved.precision != 1:
        return None
    return ResolvedDate(resolved.date - dt.timedelta(days=1), 1)


def _day_of_month(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """'on the 5th' in a report of the 8th: the 5th of that month; on the 3rd, the 5th of the month before."""
    if published is None:
        return None
    day = int(parts.get("day") or (parts.get("cday") or parts["lday"]).replace("1er", "1"))
    month_start = published.replace(day=1)
    if day > published.day:
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    if not _valid(month_start.year, month_start.month, day):
        return None
    return ResolvedDate(month_start.replace(day=day), 1)


def _days_ago(parts: dict[str, str], published: dt.date | None) -> ResolvedDate | None:
    """'two days ago', 'il y a trois jours': counted back from publication."""
    if published is None:
        return None
    words = (parts.get("ago") or parts["ilya"]).lower()
    back = int(words) if words.isdigit() else _FEW_DAYS[words]
    return ResolvedDate(published - dt.timedelta(days=back), 1)


_RESOLVERS = {
    "iso": _absolute, "numeric": _absolute, "dmy": _absolute, "mdy": _absolute, "dm": _day_month, "md": _day_month,
    "month_year": _month_year, "month": _month, "weekday": _weekday, "relative": _relative, "hijri": _hijri,
    "day_before": _day_before, "day_of_month": _day_of_month, "days_ago": _days_ago,
    "dtg": _date_time_group, "numeric_dm": _numeric_day_month, "holiday": _holiday,
}  # fmt: skip
