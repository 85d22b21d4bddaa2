"""Date classes of issue 3 (a stated date), one SYNTHETIC report each about an invented incident: the day a ministry
told of an event ('said on Tuesday') does not date it when the sentence before states when it happened, a sentence
that opens another story ('Separately, ...') takes no date from the story before it, and 'the previous day' counts
back from the date told before it."""

from __future__ import annotations

from extract_helpers import report

from borderwatch.extract._dates import find_dates


def _dates(extractor, text: str, published: str) -> dict[str, str | None]:
    return {e.sub_event_type: e.date for e in extractor(report(text, published=published)).events}


def test_the_day_of_the_telling_yields_to_the_day_stated_before(extractor) -> None:
    # off by one day (late): the riot's sentence has no date; the arrests were told on Tuesday, the riot was Monday
    text = (
        "ROSSO, May 8 (Synthetic Wire) — Police fired tear gas at hundreds of traders who gathered outside the "
        "customs office in Rosso on Monday to protest against a new levy.\n\n"
        "Protesters burned tyres and threw stones at the customs building, according to residents.\n\n"
        "The interior ministry said on Tuesday that 21 people had been arrested for vandalism."
    )
    dates = _dates(extractor, text, "2025-05-08")
    assert dates.get("Violent demonstration") == "2025-05-05", dates


def test_a_separate_story_takes_no_date_from_the_one_before(extractor) -> None:
    text = (
        "KASSERINE, Tunisia, Oct 9 (Synthetic Wire) — A soldier was killed on Wednesday when a mine exploded under "
        "his patrol's vehicle on Mount Semmama, the defence ministry said.\n\n"
        "The patrol had been searching the area since a shepherd reported armed men there on Sunday.\n\n"
        "Separately, the interior ministry announced the arrest on Monday in Sbeitla of a suspected supplier of "
        "the militants."
    )
    dates = _dates(extractor, text, "2025-10-09")
    assert dates.get("Arrests") == "2025-10-06", dates


def test_the_previous_day_counts_back_from_the_day_told_before_it(extractor) -> None:
    # off by one day (late): the raids were the day before the gendarmerie told of them
    text = (
        "The gendarmerie in Touggourt said on Thursday it had dismantled a fuel-smuggling ring, arresting six men in "
        "raids on farms outside the town the previous day."
    )
    assert _dates(extractor, text, "2025-09-12") == {"Arrests": "2025-09-10"}


def test_the_day_before_an_event_is_no_date() -> None:
    assert find_dates("The suspect had been seen in Tamanrasset the day before the ambush.") == []


def test_a_weekday_of_last_week_is_in_the_week_before(extractor) -> None:
    # weekday resolved to the wrong week (late): "on Monday last week" in a Thursday report is ten days before it
    text = "Gunmen ambushed a customs patrol near Bordj Badji Mokhtar on Monday last week, killing two officers."
    assert list(_dates(extractor, text, "2025-06-19").values()) == ["2025-06-09"]
    assert [m.parts.get("rel") for m in find_dates("Des hommes armés ont attaqué le poste jeudi dernier.")] == ["last"]


def test_the_day_a_period_began_dates_no_event(extractor) -> None:
    # another day: "since 02 MAY" starts a running count; the rocket fire is the field report's own day
    text = "21 MAY 2026, 1940Z: camp Ber hit by 3 rockets from the S. 1 KIA, 2 WIA. "
    text += "Cumulative since 02 MAY: 14 rounds, 5 KIA."
    events = extractor(report(text, published="2026-05-22")).events
    assert [e.date for e in events] == ["2026-05-21"], events
    assert [m.kind for m in find_dates("They had been missing since 3 March.")] == []


def test_a_night_across_two_days_is_dated_by_its_first(extractor) -> None:
    # off by one day (late): "the night of 11 to 12 May" is coded on the 11th, the day the night began
    texts = [
        "Gunmen attacked the gendarmerie post at Dargol in the night of 11 to 12 May, killing a gendarme.",
        "Des hommes armés ont attaqué le poste de Dargol dans la nuit du 11 au 12 mai, tuant un gendarme.",
        "NIGHT 11/12 MAY 2026: gendarmerie post Dargol attacked by armed men. 1 KIA.",
        "Gunmen attacked the gendarmerie post at Dargol overnight Monday into Tuesday, killing a gendarme.",
    ]
    for text in texts:
        assert [e.date for e in extractor(report(text, published="2026-05-14")).events] == ["2026-05-11"], text
    # a night across two months: the first month's day
    text = "Dans la nuit du 31 mai au 1er juin 2026, des hommes armés ont tué un gendarme à Dargol."
    assert [e.date for e in extractor(report(text, published="2026-06-03")).events] == ["2026-05-31"]


def test_the_period_of_a_series_does_not_date_the_event(extractor) -> None:
    # another day: "this month" counts the blasts, "on Monday" dates this one
    text = "A mine killed two herders near Nampala on Monday, the third such blast this month, which have left 11 dead."
    assert [e.date for e in extractor(report(text, published="2026-05-20")).events] == ["2026-05-18"]


def test_a_day_of_the_month_or_days_ago_is_a_stated_date(extractor) -> None:
    # no date: "on the 5th", "le 5 courant", "two days ago", "il y a trois jours" state the day
    texts = {
        "Gunmen killed two herders near Inatès on the 18th, relatives said.": "2026-05-18",
        "Des hommes armés ont tué deux bergers près d'Inatès le 18 courant.": "2026-05-18",
        "Gunmen killed two herders near Inatès two days ago, relatives said.": "2026-05-18",
        "Des hommes armés ont tué deux bergers près d'Inatès il y a trois jours.": "2026-05-17",
        # a day still to come this month is last month's
        "Gunmen killed two herders near Inatès on the 24th, relatives said.": "2026-04-24",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-20")).events] == [date], text
    assert find_dates("The 5th battalion moved north.") == []


def test_a_french_weekend_is_the_weekend_before_publication(extractor) -> None:
    # no date: "le week-end dernier", "ce week-end" as "over the weekend" (its Saturday, week precision)
    texts = ("Deux gendarmes ont été tués le week-end dernier à Téra.", "Un gendarme a été tué ce week-end à Téra.")
    for text in texts:
        assert [e.date for e in extractor(report(text, published="2026-05-20")).events] == ["2026-05-16"], text


def test_the_previous_evening_counts_back_from_the_telling_after_it_and_a_dtg_is_a_date(extractor) -> None:
    # off by one day (late): the day told after "the previous evening" is the telling's
    text = "Gunmen shot dead two traders in Ansongo the previous evening, the mayor said on Tuesday."
    assert [e.date for e in extractor(report(text, published="2026-05-20")).events] == ["2026-05-18"]
    # no date / another year: a date-time group "181400Z MAY 26" is 18 May 2026
    text = "181400Z MAY 26: armed men killed 2 traders at Ansongo market."
    assert [e.date for e in extractor(report(text, published="2026-05-20")).events] == ["2026-05-18"]


def test_the_day_of_the_funerals_is_not_the_events(extractor) -> None:
    # another day (late): funerals held on Friday for soldiers killed last Monday; an attack on a funeral keeps its day
    text = (
        "Funerals were held in Tessalit on Friday for the soldiers killed when a mine struck their truck on the "
        "Aguelhok road last Monday. The army said three soldiers died."
    )
    assert [e.date for e in extractor(report(text, published="2026-05-23")).events] == ["2026-05-18"]
    text = "Gunmen attacked a funeral procession near Tessalit on Friday, killing two mourners."
    assert [e.date for e in extractor(report(text, published="2026-05-23")).events] == ["2026-05-22"]


def test_french_and_english_days_counted_back_from_publication(extractor) -> None:
    # off by one day (late) / no date: "avant-hier" is two days back (not "hier"), "la nuit dernière" the night
    # before, "a week ago" / "il y a une semaine" seven days back (week precision)
    texts = {
        "Des hommes armés ont tué deux bergers près de Ménaka avant-hier.": "2026-05-20",
        "Des hommes armés ont tué deux bergers près de Ménaka la nuit dernière.": "2026-05-21",
        "Gunmen killed two herders near Ménaka a week ago, relatives said.": "2026-05-15",
        "Des hommes armés ont tué deux bergers près de Ménaka il y a une semaine.": "2026-05-15",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-22")).events] == [date], text


def test_a_day_and_month_in_figures_or_a_bare_day_is_a_stated_date(extractor) -> None:
    # no date: a field report's "19/05" without its year, "19.05.2026", "on 19th", "le 19," state the day
    texts = {
        "SITREP 19/05: gunmen killed 2 herders near Ménaka.": "2026-05-19",
        "Le 19/05, des hommes armés ont tué deux bergers près de Ménaka.": "2026-05-19",
        "On 18.05. gunmen killed 2 herders near Ménaka.": "2026-05-18",
        "On 19.05.2026 gunmen killed 2 herders near Ménaka.": "2026-05-19",
        "On 19-05-2026 gunmen killed 2 herders near Ménaka.": "2026-05-19",
        "Gunmen killed two herders near Ménaka on 19th, relatives said.": "2026-05-19",
        "Le 19, des hommes armés ont tué deux bergers près de Ménaka.": "2026-05-19",
        # a day and month still to come this year are last year's
        "SITREP 28/12: gunmen killed 2 herders near Ménaka.": "2025-12-28",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-22")).events] == [date], text
    for text in ("Patrols run 24/7 along the border.", "3/4 of the village fled.", "The convoy drove 18.05 km.",
                 "Le 19e régiment a quitté Gao."):  # fmt: skip
        assert find_dates(text) == [], text


def test_a_span_of_days_is_dated_by_its_first_and_a_hijri_day_is_a_day(extractor) -> None:
    # off by one day (late): a span told with both days, a night told with its weekdays, is coded on its first day
    texts = {
        "Gunmen killed two herders near Ménaka on 23 and 24 May.": "2026-05-23",
        "Des hommes armés ont tué deux bergers près de Ménaka les 23 et 24 mai.": "2026-05-23",
        "Gunmen killed two herders near Ménaka between 20 and 22 May.": "2026-05-20",
        "Gunmen killed two herders near Ménaka on 22-23 May.": "2026-05-22",
        "Gunmen killed two herders near Ménaka on May 22-23, 2026.": "2026-05-22",
        "Des hommes armés ont tué deux bergers à Ménaka dans la nuit du dimanche 24 au lundi 25 mai.": "2026-05-24",
        "Gunmen killed two herders near Ménaka on the night of Sunday 24 to Monday 25 May.": "2026-05-24",
        # weekday resolved to the wrong week (late): "on Monday a week ago" is last week's Monday
        "Gunmen killed two herders near Ménaka on Monday a week ago.": "2026-05-18",
        # same month, another day: a day of a Hijri month is that day (23 Shawwal 1447 is 11 April 2026)
        "Gunmen killed two herders near Ménaka on 23 Shawwal.": "2026-04-11",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-25")).events] == [date], text


def test_relative_dates_count_from_the_datelines_day_before_publication(extractor) -> None:
    # weekday resolved to the wrong week (late) / off by one day (late): a story filed on Thursday 21 May and stored
    # on Friday 22 May tells "on Friday" of the Friday before and "yesterday" of Wednesday
    texts = {
        "GAO, Mali, May 21 (Synthetic Wire) — Gunmen killed two herders near Ménaka on Friday, relatives said.": (
            "2026-05-15"
        ),
        "GAO, Mali, May 21 (Synthetic Wire) — Gunmen killed two herders near Ménaka yesterday, relatives said.": (
            "2026-05-20"
        ),
        "GAO, 21 mai (Synthetic Wire) — Des hommes armés ont tué deux bergers près de Ménaka avant-hier.": "2026-05-19",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-22")).events] == [date], text
    # a dateline far from publication is no telling day of this report: publication's day stands
    text = "GAO, Mali, March 2 (Synthetic Wire) — Gunmen killed two herders near Ménaka yesterday, relatives said."
    assert [e.date for e in extractor(report(text, published="2026-05-22")).events] == ["2026-05-21"]


def test_a_weekday_said_to_be_the_last_and_french_times_of_today(extractor) -> None:
    # weekday resolved to the wrong week (late): in a Friday report "on Friday last" and "le vendredi précédent" are
    # the Friday before; no date: "ce matin" is the day of publication; a French month in capitals is a month
    texts = {
        "Gunmen attacked an army post in Boni on Friday last, killing three soldiers.": "2026-05-15",
        "Des hommes armés ont attaqué un poste de l'armée à Boni le vendredi précédent, tuant trois soldats.": (
            "2026-05-15"
        ),
        "Des hommes armés ont attaqué un poste de l'armée à Boni ce matin, tuant trois soldats.": "2026-05-22",
        "MERCREDI 20 MAI - Des hommes armés ont attaqué un poste de l'armée à Boni, tuant trois soldats.": "2026-05-20",
        "Gunmen attacked an army post in Boni on May the 20th, killing three soldiers.": "2026-05-20",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-22")).events] == [date], text
    # "last week" after a weekday keeps its own reading: that weekday of the week before
    assert [m.parts.get("rel") for m in find_dates("He was seen on Friday last week.")] == ["previous week"]


def test_a_later_sentence_telling_when_it_took_place_dates_the_event(extractor) -> None:
    # off by one day / another day (late): the event's sentence gives only the day of the telling, or none; the next
    # sentence says when the attack took place
    texts = {
        "NIAMEY, May 25 (Synthetic Wire) — Gunmen on motorbikes killed 12 villagers in Karou, a local official said "
        "on Monday.\n\nThe attack took place on Saturday evening, he said.": "2026-05-23",
        "Unidentified gunmen killed 12 villagers in Karou, local sources said. The attack occurred on the night of "
        "22 May.": "2026-05-22",
        "Des hommes armés ont tué 12 villageois à Karou, selon des sources locales. L'attaque s'est produite samedi "
        "soir.": "2026-05-23",
        "The army said on Monday it had killed 20 militants in air strikes near Tillabéri. The strikes were carried "
        "out on Friday and Saturday.": "2026-05-22",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-25")).events] == [date], text
    # a rite that took place later dates no event (its date is the funerals')
    text = "Gunmen killed 12 villagers in Karou, a local official said. The funerals took place on Sunday."
    assert [e.date for e in extractor(report(text, published="2026-05-25")).events] != ["2026-05-24"]


def test_a_weekend_a_french_part_of_a_month_and_a_run_together_header_date(extractor) -> None:
    # another day / wrong week (early): in a Wednesday report "last weekend" is Saturday the 23rd (it was the 20th, a
    # week before publication); "début mai", "mi-mai", "fin avril" are months; "252200Z MAY 2026", "25MAY26" days
    texts = {
        "Gunmen attacked the post at Téra last weekend, killing two gendarmes.": "2026-05-23",
        "Des hommes armés ont attaqué le poste de Téra début mai, tuant deux gendarmes.": "2026-05-01",
        "Des hommes armés ont attaqué le poste de Téra à la mi-mai, tuant deux gendarmes.": "2026-05-01",
        "Des hommes armés ont attaqué le poste de Téra fin avril, tuant deux gendarmes.": "2026-04-01",
        "Des hommes armés ont attaqué le poste de Téra le 24 du mois, tuant deux gendarmes.": "2026-05-24",
        "252200Z MAY 2026: gunmen attacked the post at Téra, 2 KIA.": "2026-05-25",
        "25MAY26: gunmen attacked the post at Téra, 2 KIA.": "2026-05-25",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-27")).events] == [date], text
    # told on a weekend, "last weekend" is the one before; "this weekend" the one it falls in
    weekends = {"2026-05-24": ("2026-05-16", "2026-05-23"), "2026-05-25": ("2026-05-23", "2026-05-23")}
    for published, (last, this) in weekends.items():
        for text, date in (("Gunmen raided Téra last weekend.", last), ("Gunmen raided Téra this weekend.", this)):
            assert [e.date for e in extractor(report(text, published=published)).events] == [date], (text, published)


def test_a_field_reports_date_with_a_two_digit_year(extractor) -> None:
    # no date: "SITREP 19/05/26", "19.05.26" are 19 May 2026; "version 1.2.33" and "4-4-22" are no dates
    for text in ("SITREP 19/05/26: gunmen killed 2 herders near Ménaka.", "19.05.26 - gunmen killed 2 herders."):
        assert [e.date for e in extractor(report(text, published="2026-05-27")).events] == ["2026-05-19"], text
    assert find_dates("The radios run version 1.2.33 of the software in a 4-4-22 pattern.") == []


def test_a_weekday_in_capitals_is_a_weekday(extractor) -> None:
    # no date: a field report's "MONDAY:" or a French "LUNDI," heading the sentence
    texts = (
        "MONDAY: gunmen attacked the post at Téra, killing two gendarmes.",
        "LUNDI, des hommes armés ont attaqué le poste de Téra, tuant deux gendarmes.",
    )
    for text in texts:
        assert [e.date for e in extractor(report(text, published="2026-05-27")).events] == ["2026-05-25"], text


def test_a_holiday_dates_an_event_told_on_it(extractor) -> None:
    # no date: a holiday's day, the latest not after publication (Tabaski 1447 is 27 May 2026 in Umm al-Qura)
    texts = {
        "Gunmen killed two herders near Ménaka on New Year's Eve, relatives said.": "2025-12-31",
        "Des hommes armés ont tué deux bergers près de Ménaka le jour de la Tabaski.": "2026-05-27",
        "Gunmen killed two herders near Ménaka on the first day of Eid al-Fitr.": "2026-03-20",
    }
    for text, date in texts.items():
        assert [e.date for e in extractor(report(text, published="2026-05-28")).events] == [date], text
    # a holiday that dates nothing told, or a first name, is no date
    for text in ("Gunmen stole 200 sheep meant for Tabaski.", "Noël Kaboré, a herder, was killed near Ménaka."):
        assert find_dates(text) == [], text


def test_weeks_and_hours_later_count_from_the_event_told_before(extractor) -> None:
    # date: the body found "a week later" was dated with the abduction (and in French joined to it); "48 hours
    # later" and "deux semaines plus tard" were no chain at all
    cases = {
        "Gunmen abducted a teacher near Djibo on 2 May. A week later, his body was found near a well.": [
            ("Abduction/forced disappearance", "2026-05-02"),
            ("Attack", "2026-05-09"),
        ],
        "Des hommes armés ont enlevé un commerçant près de Djibo le 2 mai. Une semaine plus tard, son corps a été "
        "retrouvé près d'un puits.": [("Abduction/forced disappearance", "2026-05-02"), ("Attack", "2026-05-09")],
        "Gunmen killed three herders near Ménaka on 4 May. 48 hours later, soldiers clashed with the gang near "
        "Tidermène, killing four.": [("Attack", "2026-05-04"), ("Armed clash", "2026-05-06")],
    }
    for text, expected in cases.items():
        events = extractor(report(text, published="2026-05-20")).events
        assert [(e.sub_event_type, e.date) for e in events] == expected, text


def test_chained_days_read_from_the_vocabulary() -> None:
    from borderwatch.extract._chained_dates import chain_days

    assert chain_days("Two weeks later, the army retook the town.") == 14
    assert chain_days("Deux semaines plus tard, l'armée a repris la ville.") == 14
    assert chain_days("36 hours later, the army retook the town.") is None  # no whole day
    assert chain_days("Le lendemain, l'armée a repris la ville.") == 1
    assert chain_days("Three days earlier, gunmen had looted the market.") == -3


def test_a_french_telling_set_after_what_it_tells_dates_only_the_telling(extractor) -> None:
    # the day right after ", a indiqué" dated the deaths (a second event on Monday) or hid the day told after it
    cases = {
        "Des hommes armés ont attaqué samedi un poste militaire près de Boni. Trois soldats ont été tués, a indiqué "
        "lundi le ministère de la défense.": [("Armed clash", "2026-05-16", 3)],
        "Des hommes armés ont attaqué un poste militaire près de Boni, a indiqué lundi le ministère de la défense, "
        "précisant que l'attaque a eu lieu samedi.": [("Armed clash", "2026-05-16", 0)],
    }
    for text, expected in cases.items():
        events = extractor(report(text, published="2026-05-20")).events
        assert [(e.sub_event_type, e.date, e.fatalities) for e in events] == expected, text
    # with no other day, the telling's day still dates the event
    text = "Des hommes armés ont tué trois civils près de Djibo, a indiqué lundi le ministère de la sécurité."
    assert [e.date for e in extractor(report(text, published="2026-05-20")).events] == ["2026-05-18"]


def test_a_score_or_a_ratio_in_figures_is_no_date(extractor) -> None:
    # "10/10" after a word of scoring, or before "of", was read as 10 October
    for text in (
        "The army said its units won 10/10 of their engagements near Boni this year.",
        "Les inspecteurs ont attribué une note de 10/10 au poste de Tessalit.",
        "The post was rated 10/10 by the inspectors.",
    ):
        assert find_dates(text) == [], text
    # a field report's day and month stays a date, with a French article after it
    for text in ("SITREP 14/03: gunmen killed 2 herders.", "Le 14/03, des hommes armés ont attaqué le poste."):
        assert len(find_dates(text)) == 1, text
    text = "The army said on Monday it had won 10/10 of its engagements, killing two gunmen near Boni."
    assert [e.date for e in extractor(report(text, published="2026-10-21")).events] == ["2026-10-19"]


def test_a_weekday_told_beside_a_dated_telling_is_the_last_one_up_to_the_telling(extractor) -> None:
    # weekday resolved to the wrong week (late): told on Monday 25 May, "on Tuesday" is 19 May, not publication's
    # Tuesday 26 May
    for text in (
        "The army said on Monday that gunmen had killed three herders near Ménaka on Tuesday.",
        "Gunmen killed three herders near Ménaka on Tuesday, the army said on Monday.",
        "L'armée a indiqué lundi que des hommes armés avaient tué trois bergers mardi près de Ménaka.",
    ):
        assert [e.date for e in extractor(report(text, published="2026-05-26")).events] == ["2026-05-19"], text
    text = "The army said on Monday that gunmen had killed three herders near Ménaka on Sunday."
    assert [e.date for e in extractor(report(text, published="2026-05-26")).events] == ["2026-05-24"]


def test_a_possessive_weekday_dates_the_happening_it_stands_before_not_the_telling(extractor) -> None:
    # "claimed Wednesday's rocket fire ..., in a statement published on Sunday": Wednesday was taken for the claim's
    # day, and the fire was dated the Sunday before the statement (a week and a half early)
    text = (
        "The Islamic State Sahel Province claimed Wednesday's rocket fire on the airport of Gao, in a statement "
        "published on Sunday by its propaganda outlet."
    )
    assert [e.date for e in extractor(report(text, published="2025-07-07")).events] == ["2025-07-02"]
    text = "JNIM claimed Monday's ambush on a customs convoy near Ansongo in a statement released on Thursday."
    assert [e.date for e in extractor(report(text, published="2025-07-11")).events] == ["2025-07-07"]


def test_the_day_of_a_background_happening_does_not_date_the_sentences_own(extractor) -> None:
    # the blast told again was dated by "after the discovery on Sunday" and so made a second IED event on Sunday
    text = (
        "Two soldiers were killed on Tuesday when their vehicle struck a landmine on Mount Chaambi, the ministry said. "
        "The blast occurred during a combing operation launched after the discovery on Sunday of a hideout "
        "containing two rifles."
    )
    events = extractor(report(text, published="2025-12-03")).events
    assert [(e.sub_event_type, e.date) for e in events] == [("Remote explosive/landmine/IED", "2025-12-02")]
