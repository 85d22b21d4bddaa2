"""The matching rules for what extraction gets wrong: namesakes, towns read for provinces, places missing or
misread, statement dates, vague places that must not bridge two happenings. All synthetic."""

from __future__ import annotations

from datetime import date

from borderwatch.fuse import Candidate, Fuser, MentionFeatures, place_keys
from borderwatch.model import EventMention, Location

from ._make import mention

FUSER = Fuser()
CLASH = {"sub": "Armed clash", "etype": "Battles"}


def features(m: EventMention, report: str, published: str = "2025-08-11", text: str | None = None) -> MentionFeatures:
    return FUSER.features(m, f"{report}-{m.id}", report, date.fromisoformat(published), text)


def place_of(decision_features: list) -> tuple[float, str]:
    place = next(f for f in decision_features if f.name == "place")
    return place.value, place.detail


def decide(new: MentionFeatures, *old: MentionFeatures):
    return FUSER.decide(new, [Candidate("E0", list(old))])


def located(m: EventMention, **where: object) -> EventMention:
    assert m.location is not None
    return m.model_copy(update={"location": m.location.model_copy(update=where)})


def test_a_namesake_on_another_continent_named_in_the_sentence_still_matches() -> None:
    sentence = "SYNTHETIC. Army units arrested twenty gold miners east of In Guezzam on Wednesday."
    home = mention(**CLASH, place="Tessalit", sentence=sentence)
    home = located(home, name="In Guezzam", geonameid=1, lat=19.57, lon=5.77, country="DZ", admin1="Tamanrasset")
    abroad = located(home, name="Guézem", geonameid=2, lat=6.26, lon=-6.19, country="CI", admin1="Goh")
    decision = decide(features(abroad, "r1"), features(home, "r0"))
    assert decision.event_id == "E0"
    value, detail = place_of(decision.best.features)  # type: ignore[union-attr]
    assert value > 0 and "km apart" in detail


def test_towns_eighty_km_apart_stay_apart_even_when_one_report_names_the_other() -> None:
    tessalit = mention(**CLASH, place="Tessalit", geo_precision=2, actor1="JNIM", day="2025-08-10")
    aguelhok = mention(
        **CLASH,
        place="Aguelhok",
        actor1="JNIM",
        day="2025-08-10",
        sentence="SYNTHETIC. JNIM militants attacked the army camp at Aguelhok, about 80 km south of Tessalit.",
    )
    decision = decide(features(aguelhok, "r1"), features(tessalit, "r0"))
    assert decision.event_id is None and decision.best.vetoed.startswith("place:")  # type: ignore[union-attr]


def test_a_town_named_after_its_province_may_stand_for_the_province() -> None:
    ansongo = mention(**CLASH, place="Tessalit")
    ansongo = located(ansongo, name="Ansongo", geonameid=3, lat=15.66, lon=0.50, country="ML", admin1="Gao")
    gao = located(ansongo, name="Gao", geonameid=4, lat=16.27, lon=-0.04, admin1="Gao", geo_precision=2)
    value, detail = place_of(decide(features(gao, "r1"), features(ansongo, "r0")).best.features)  # type: ignore[union-attr]
    assert value > 0 and "province" in detail


def test_a_place_the_report_does_not_name_is_ignored() -> None:
    text = "SYNTHETIC. The Islamic State Sahel Province claimed the rocket fire on Gao airport on Wednesday."
    misread = mention(sub="Shelling/artillery/missile attack", etype="Explosions/Remote violence", sentence=text)
    misread = located(misread, name="Sulu", geonameid=5, lat=5.99, lon=121.08, country="PH", geo_precision=3)
    f = features(misread, "r1", text=text)
    assert not f.located and f.country is None and f.vague
    kept = features(misread, "r1")  # without the report's text nothing can be checked
    assert kept.located


def test_a_place_named_before_the_geocoded_one_is_where_it_happened() -> None:
    mine = mention(**CLASH, place="Tessalit", geo_precision=2, actor1="JNIM", day="2025-08-10")
    fled = mention(
        **CLASH,
        place="Tessalit",
        actor1="JNIM",
        day="2025-08-10",
        sentence="SYNTHETIC. Fighting at Tessalit on Sunday killed 12, said miners who fled to Aguelhok.",
    )
    fled = located(fled, name="Aguelhok", geonameid=7, lat=19.46, lon=0.86)  # the geocoder's pick: 84 km off
    decision = decide(features(fled, "r1"), features(mine, "r0"))
    assert decision.event_id == "E0"
    value, detail = place_of(decision.best.features)  # type: ignore[union-attr]
    assert value < 0 and "names the other's place" in detail


def test_a_placeless_sentence_borrows_the_place_from_the_line_before() -> None:
    text = "SYNTHETIC. The army post of Abala was attacked on Thursday. Ten soldiers were killed."
    sentence = "Ten soldiers were killed."
    toll = mention(**CLASH, place=None, day="2025-01-09", fatalities=10, sentence=sentence)
    toll = toll.model_copy(update={"evidence": toll.evidence.model_copy(update={"start": text.index(sentence)})})
    toll = toll.model_copy(update={"evidence": toll.evidence.model_copy(update={"end": len(text)})})
    attack = mention(**CLASH, place="Ouallam", day="2025-01-09", fatalities=10)
    attack = located(attack, name="Abala", geonameid=6, lat=14.94, lon=3.43, admin1="Tillaberi")
    new = features(toll, "r1", "2025-01-10", text)
    assert place_keys("Abala") <= new.context
    decision = decide(new, features(attack, "r0", "2025-01-10"))
    assert decision.event_id == "E0"
    assert place_of(decision.best.features)[1].startswith("one names the other's place")  # type: ignore[union-attr]


def test_a_date_that_is_the_reports_own_day_counts_less_against() -> None:
    said = "SYNTHETIC. The group claimed Wednesday's attack in a statement on Sunday."
    claim = mention(**CLASH, day="2025-07-06", sentence=said)  # a claim published on Sunday about the attack
    attack = mention(**CLASH, day="2025-07-02")
    late = features(claim, "r1", "2025-07-06")
    on_time = features(claim, "r1", "2025-07-09")
    old = features(attack, "r0", "2025-07-03")
    dated = {f.name: f for f in decide(late, old).best.features}["date"]  # type: ignore[union-attr]
    assert dated.value == FUSER.config.date.reported_late and "report's own day" in dated.detail
    plain = decide(on_time, old)  # the same 4 days when neither is its report's day: two happenings
    assert plain.event_id is None and "both known to the day" in (plain.best.vetoed or "")  # type: ignore[union-attr]


def test_type_and_date_alone_do_not_merge_a_vague_mention() -> None:
    province = mention(**CLASH, place=None, day="2025-04-06", sentence="SYNTHETIC. Clashes were reported.")
    town = mention(**CLASH, day="2025-04-06", sentence="SYNTHETIC. Soldiers and gunmen fought near the town.")
    decision = decide(features(province, "r1", "2025-04-07"), features(town, "r0", "2025-04-07"))
    assert decision.event_id is None
    assert decision.best.threshold == FUSER.config.merge_threshold_unlocated  # type: ignore[union-attr]


def test_a_vague_member_never_bridges_an_event_whose_precise_member_is_too_far() -> None:
    tessalit = features(mention(**CLASH, place="Tessalit", actor1="JNIM", day="2025-08-10"), "r0")
    vague = features(mention(**CLASH, place=None, actor1="JNIM", day="2025-08-10"), "r1")
    aguelhok = features(mention(**CLASH, place="Aguelhok", actor1="JNIM", day="2025-08-10"), "r2")
    assert FUSER.decide(aguelhok, [Candidate("E0", [tessalit, vague])]).event_id is None


def test_vague_and_precise_mentions_meet_whichever_is_stored_first() -> None:
    sentence = "SYNTHETIC. Gunmen killed five civilians near Ouallam."
    precise = features(mention(sub="Attack", etype="Violence against civilians", sentence=sentence), "r0")
    vague = mention(sub="Attack", etype="Violence against civilians", sentence=sentence)
    vague = vague.model_copy(update={"location": Location(name="Tillaberi", country="NE", admin1="Tillaberi",
                                                           lat=14.2, lon=1.45, geo_precision=3)})  # fmt: skip
    province = features(vague, "r1")
    for first, second in ((precise, province), (province, precise)):
        assert set(FUSER.keys(first)) & set(FUSER.block(second).keys), (first.key, second.key)


def test_a_persons_name_after_a_title_is_not_a_place_told_elsewhere() -> None:
    """SYNTHETIC: a ban decreed for a province, told by a country-level report that names the governor."""
    ban = {"sub": "Other", "etype": "Strategic developments", "day": "2025-08-10"}
    country = {"name": "Niger", "geonameid": 3, "lat": 17.6, "lon": 8.1, "admin1": None, "geo_precision": 3}
    town = mention(**ban, sentence="SYNTHETIC. Traders in Ouallam say the ban decreed on Sunday hurts the markets.")
    titled = "SYNTHETIC. Tillaberi has banned motorbikes, by a decree signed on Sunday by General Moussa Kalla."
    elsewhere = "SYNTHETIC. Tillaberi has banned motorbikes in Dargol, by a decree signed on Sunday."
    old = features(town, "r0", text=town.evidence.sentence)
    for sentence, told_elsewhere in ((titled, False), (elsewhere, True)):
        vague = located(mention(**ban, sentence=sentence), **country)
        decision = decide(features(vague, "r1", text=sentence), old)
        _, detail = place_of(decision.best.features)  # type: ignore[union-attr]
        assert ("names other places" in detail) is told_elsewhere, detail


def test_a_precise_report_that_names_the_vague_ones_place_agrees_with_it() -> None:
    """SYNTHETIC: arrests known to their province in one report; the other names that province's town but was
    geocoded to the place across the border it also names."""
    arrests = {"sub": "Arrests", "etype": "Strategic developments", "day": "2025-08-10"}
    kidal = {"name": "Kidal", "geonameid": 4, "lat": 19.5, "lon": 1.4, "admin1": "Kidal", "geo_precision": 3}
    vague = located(mention(**arrests, sentence="SYNTHETIC. Police in Kidal arrested five arms traffickers."), **kidal)
    sentence = "SYNTHETIC. The five traffickers held in Kidal on Sunday bought pistols in Bordj Badji Mokhtar."
    astray = located(
        mention(**arrests, sentence=sentence),
        name="Bordj Badji Mokhtar",
        geonameid=5,
        lat=21.33,
        lon=0.95,
        country="DZ",
        admin1="Bordj Badji Mokhtar",
    )
    decision = decide(features(astray, "r1", text=sentence), features(vague, "r0", text=vague.evidence.sentence))
    value, detail = place_of(decision.best.features)  # type: ignore[union-attr]
    assert value == FUSER.config.place.named and "names the other's place (kidal)" in detail
    assert decision.event_id == "E0"


def test_a_clash_and_mob_violence_are_compared_but_a_clash_and_a_protest_are_not() -> None:
    """Reports of one shoot-out call its parties armed men or a mob; nobody calls it a peaceful protest."""
    assert FUSER.config.compatibility_of("battle", "riot") is not None
    assert FUSER.config.compatibility_of("battle", "protest") is None
    clash = mention(**CLASH, fatalities=2, sentence="SYNTHETIC. Two people were killed in a shoot-out at the market.")
    told = "SYNTHETIC. A shoot-out at the market killed two."
    mob = mention(sub="Mob violence", etype="Riots", fatalities=2, sentence=told)
    assert decide(features(mob, "r1"), features(clash, "r0")).event_id == "E0"
