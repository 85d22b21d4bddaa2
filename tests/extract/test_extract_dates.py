"""Date expressions resolved against the publication date; never invented without an anchor (synthetic sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from borderwatch.extract._dates import find_dates, resolve

PUB = dt.date(2013, 4, 10)  # a Wednesday


def first(text: str, published: dt.date | None = PUB):
    mentions = find_dates(text)
    assert mentions, f"no date found in {text!r}"
    return resolve(mentions[0], published)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("The minister on Tuesday (April 9th) said that operations were under way.", "2013-04-09", 1),
        ("On 12 May 2012, militants attacked a post.", "2012-05-12", 1),
        ("March 3, 2011 was quiet.", "2011-03-03", 1),
        ("Soldiers clashed with gunmen on Monday.", "2013-04-08", 1),
        ("Protesters gathered on Wednesday.", "2013-04-10", 1),  # the report is itself from a Wednesday
        ("Police arrested two men yesterday.", "2013-04-09", 1),
        ("He spoke at a press conference last week.", "2013-04-03", 2),
        ("During the January meeting, the three countries agreed.", "2013-01-01", 3),
        ("Since last March, forces have searched the border.", "2013-03-01", 3),
        ("Talks resumed in April.", "2013-04-01", 3),
        ("Talks collapsed last April.", "2012-04-01", 3),
        ("Cases of infiltration were recorded during the month of Ramadan.", "2012-07-20", 3),
        ("Incursions rose in Ramadan 1434.", "2013-07-09", 3),
        ("The report dated 2013-02-01 says so.", "2013-02-01", 1),
        ("Gunmen raided the village over the weekend.", "2013-04-06", 2),
        # field reports and message headers write the month in capitals
        ("08 APR 2013, 0330Z: detachment engaged an armed group 9 km S of the post.", "2013-04-08", 1),
        ("Sector 5, 2 SEPT 2012: mine exploded under a patrol vehicle.", "2012-09-02", 1),
        # a French weekday takes a capital at the head of a sentence
        ("Lundi, des hommes armés ont attaqué un poste de police.", "2013-04-08", 1),
    ],
)
def test_dates_resolve_against_publication(text: str, date: str, precision: int) -> None:
    resolved = first(text)
    assert resolved is not None
    assert (resolved.date.isoformat(), resolved.precision) == (date, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers clashed with gunmen on Monday.",
        "Cases of infiltration were recorded during the month of Ramadan.",
        "He spoke at a press conference last week.",
        "On Tuesday (April 9th) the minister spoke.",
    ],
)
def test_dates_without_anchor_stay_unknown(text: str) -> None:
    assert first(text, published=None) is None


@pytest.mark.parametrize(
    "text",
    [
        'He spoke after the "5+5 Dialogue" session in Algiers.',
        "Rear bases may be used to secure weapons.",
        "The 11 terrorists may flee.",
        "THE 11 TERRORISTS MAY FLEE.",
        "A group of 2013 fighters is not a date.",
    ],
)
def test_false_dates_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_weekday_that_disagrees_does_not_move_a_day_and_month_a_year_back() -> None:
    # 9 April 2014 was a Wednesday, 9 April 2013 a Tuesday: three days before publication, not a year and three.
    resolved = first("on Tuesday (April 9th)", published=dt.date(2014, 4, 12))
    assert resolved is not None and resolved.date == dt.date(2014, 4, 9)
    resolved = first("on Tuesday, December 31", published=dt.date(2014, 1, 3))
    assert resolved is not None and resolved.date == dt.date(2013, 12, 31)


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("03/18/2015: Assailants opened fire.", dt.date(2015, 3, 19), "2015-03-18"),  # month first: only reading
        ("12/05/2023 attack", dt.date(2023, 5, 14), "2023-05-12"),  # day first fits the publication
        ("08/07/2015: militants stormed a hotel.", dt.date(2015, 8, 8), "2015-08-07"),  # the closer reading
    ],
)
def test_numeric_dates_pick_the_reading_that_fits(text: str, published: dt.date, date: str) -> None:
    resolved = first(text, published)
    assert resolved is not None and resolved.date.isoformat() == date


def test_a_sentence_s_dates_read_again_are_the_same_and_each_caller_s_own_list() -> None:
    """find_dates keeps what it found for a sentence read again (detection, then the timeline): the second reading
    gives the same mentions, and a caller that changes its list changes nothing another caller reads.
    SYNTHETIC sentence of an invented incident."""
    text = "SYNTHETIC. On 12 March 2025 an invented patrol was ambushed near Tabankort; on Tuesday it returned."
    first = find_dates(text)
    assert [m.kind for m in first] and find_dates(text) == first
    first.clear()
    assert find_dates(text) != first


def test_the_hint_lets_through_every_name_a_date_pattern_reads() -> None:
    """The hint (a trie of the names) must pass every sentence a pattern could date, and skip the ones with none."""
    from borderwatch.extract._dates import _HIJRI_MONTHS, _HINT, _MONTHS, _WEEKDAYS

    names = [*_MONTHS, *_WEEKDAYS, *_HIJRI_MONTHS, *(n.upper() for n in _HIJRI_MONTHS), "Tonight", "la NUIT", "Tabaski"]
    for name in names:
        assert _HINT.search(f"Gunmen came ({name}) to the well.") is not None, name
    assert _HINT.search("3 killed") is not None
    assert _HINT.search("Gunmen came to the well and the mayor fled.") is None  # "may" is a month capitalised only
