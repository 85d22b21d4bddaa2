"""Toll classes of issue 3 (fatalities), one SYNTHETIC sentence each about an invented incident: French per-side
lists, French compound numerals, more dead told in a later sentence, an earlier attack's toll in the dating clause,
communiqués that mourn "the following soldiers", a wounded man or a kin who died later, and a French "bilan" that
lists one side's dead in the singular."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._quantities import find_quantities


def _toll(extractor, text: str, published: str = "2026-04-09") -> int:
    events = extractor(report(text, published=published)).events
    assert events, text
    return events[0].fatalities


def test_a_french_list_of_each_sides_dead_is_added_up(extractor) -> None:
    # "deux" ends like a French plural: it begins the second group, it is no noun of the first
    text = "Six gendarmes et deux assaillants ont été tués mardi lors de l'attaque d'un poste près de Téra."
    assert _toll(extractor, text) == 8


def test_french_compound_numerals_are_read_whole() -> None:
    assert [q.value for q in find_quantities("Vingt et un orpailleurs ont été tués lundi près de Kidal.")] == [21]
    assert [q.value for q in find_quantities("Trente-quatre assaillants ont été neutralisés.")] == [34]
    # a ten's units only: "deux et une dizaine" stays two groups
    assert [q.value for q in find_quantities("Deux soldats et une dizaine de terroristes ont été tués.")] == [2, 10]


def test_other_dead_told_in_a_later_sentence_add_to_the_toll(extractor) -> None:
    text = (
        "Gunmen attacked the hamlet of Bossey near Ouallam on Tuesday, killing three herders. "
        "Two other residents died of their wounds on Wednesday, a local councillor said."
    )
    assert _toll(extractor, text) == 5


def test_an_earlier_attacks_toll_in_the_dating_clause_is_not_the_events(extractor) -> None:
    text = (
        "Armed men shot dead two fishermen near Ayorou on Tuesday, three weeks after an attack on the same landing "
        "stage killed fourteen people."
    )
    assert _toll(extractor, text) == 2


def test_the_soldiers_a_communique_mourns_by_name_are_counted(extractor) -> None:
    text = (
        "The Chief of Staff regrets the death of the following soldiers in the attack on the Kelbo post on 6 April "
        "2026: Sergeant Adama Zerbo, Corporal Luc Yaméogo and Private Issa Tapsoba. Six assailants were also killed."
    )
    assert _toll(extractor, text) == 9


def test_a_wounded_kin_who_later_died_is_one_more_death(extractor) -> None:
    text = (
        "Gunmen killed a shopkeeper and his son near Koro on Monday night. His nephew, who was shot in the leg, "
        "succumbed to his injuries on Tuesday, a relative said."
    )
    assert _toll(extractor, text) == 3


def test_a_french_bilan_counts_one_sides_dead_in_the_singular(extractor) -> None:
    text = (
        "Le 7 avril 2026, une patrouille a été prise à partie par des terroristes près de Tessit. Bilan : côté ami, "
        "un soldat tombé ; côté ennemi, cinq terroristes neutralisés."
    )
    assert _toll(extractor, text) == 6


def test_a_communiques_own_losses_add_to_the_enemys_dead(extractor) -> None:
    text = (
        "Our units repelled an attack on the Kourou post on 7 April 2026 and neutralised five terrorists. "
        "Regrettably, we lost two of our men."
    )
    assert _toll(extractor, text) == 7


def test_a_french_force_that_lost_men_counts_them(extractor) -> None:
    text = (
        "L'armée a perdu quatre hommes mardi lors d'une attaque contre son poste de Mentao. Six terroristes ont été "
        "neutralisés lors de la riposte."
    )
    assert _toll(extractor, text) == 10


def test_a_side_named_before_its_bare_count_is_a_side_of_its_own(extractor) -> None:
    text = (
        "Des hommes armés ont attaqué mardi un poste de police à Gayéri. Deux policiers ont été tués. "
        "Côté assaillants, on compte quatre morts."
    )
    assert _toll(extractor, text) == 6


def test_dead_on_one_side_and_on_the_other_are_added(extractor) -> None:
    text = (
        "07 APR 2026: exchange of fire between two armed groups 15 km W of Ghat. Sources: 4 dead on one side, "
        "1 dead on the other."
    )
    assert _toll(extractor, text) == 5


def test_a_death_told_as_fatally_wounded_is_a_death(extractor) -> None:
    text = "A customs officer was fatally wounded when smugglers opened fire on a patrol near Dehiba on Monday."
    assert _toll(extractor, text) == 1


def test_one_death_told_with_when_it_happened_is_counted(extractor) -> None:
    text = "The driver died instantly when the lorry struck a landmine near Tin-Essako on Monday, residents said."
    assert _toll(extractor, text) == 1


def test_a_soldier_who_lost_his_life_is_counted(extractor) -> None:
    text = "A soldier lost his life on Monday when gunmen attacked an army post near Mondoro."
    assert _toll(extractor, text) == 1


def test_a_body_told_by_whose_it_was_is_a_death(extractor) -> None:
    text = "A trader's body was found on Tuesday near Tessit, two days after gunmen seized him on the road to Gao."
    assert _toll(extractor, text) == 1


def test_a_french_singular_with_a_complement_who_succumbed_is_counted(extractor) -> None:
    text = (
        "Des contrebandiers ont ouvert le feu lundi sur une patrouille près de Ben Guerdane. Un agent de la Garde "
        "nationale a succombé à ses blessures."
    )
    assert _toll(extractor, text) == 1


def test_a_wounded_man_of_a_side_already_counted_adds_to_it(extractor) -> None:
    text = (
        "Des hommes armés ont attaqué lundi un poste de l'armée à Torodi. Trois soldats ont été tués. "
        "Un soldat blessé a succombé jeudi à l'hôpital de Niamey."
    )
    assert _toll(extractor, text) == 4


def test_a_later_death_joins_the_riot_it_came_of(extractor) -> None:
    text = (
        "Des habitants en colère ont incendié lundi le poste de police de Kidira. Un policier a succombé à ses "
        "blessures mardi."
    )
    events = extractor(report(text, published="2026-04-09")).events
    assert [e.fatalities for e in events] == [1]


def test_a_bare_count_of_neutralised_is_the_enemys_and_a_side_by_side_toll_beats_a_local_one(extractor) -> None:
    text = (
        "Soldiers repelled an attack on a patrol near Tidermène on Sunday, the army said, while residents said the "
        "fighting left at least 20 people dead. The army said three soldiers were killed and at least six were "
        "neutralised."
    )
    assert _toll(extractor, text) == 9


def test_shells_that_fell_are_no_dead() -> None:
    text = "Four rockets were fired at the camp in Tessalit on Monday; two of them fell in the market, hurting a boy."
    assert not [q for q in find_quantities(text) if q.kind == "fatalities"]
    assert [q.value for q in find_quantities("Two of them fell in combat.")] == [2]


def test_a_french_running_total_is_not_the_events_toll(extractor) -> None:
    text = (
        "L'attaque de mardi contre le hameau de Bangou a fait cinq morts, ce qui porte à 87 le nombre de civils tués "
        "dans le département depuis janvier."
    )
    assert _toll(extractor, text) == 5


def test_a_french_toll_raised_without_a_noun_is_the_update(extractor) -> None:
    text = (
        "Des hommes armés ont attaqué mardi le village de Bangou, tuant quatre civils. Le bilan provisoire, qui "
        "faisait état de quatre morts, a été porté à sept mercredi."
    )
    assert _toll(extractor, text) == 7


def test_more_bodies_found_a_day_later_join_the_killing(extractor) -> None:
    text = (
        "Gunmen killed three fishermen on the river near Ayorou on Monday. The bodies of two more were found on "
        "Tuesday, a local official said."
    )
    events = extractor(report(text, published="2026-04-09")).events
    assert [e.fatalities for e in events] == [5]


def test_a_field_reports_side_labels_keep_each_sides_dead() -> None:
    found = find_quantities("FAMa: 3 KIA. Assailants: 7 KIA.")
    assert [(q.value, q.side) for q in found] == [(3, "state"), (7, "armed")]


def test_field_report_side_labels_add_up(extractor) -> None:
    text = "08 APR 2026: attack on post Tessit repelled at dawn. FAMa: 3 KIA. Assailants: 7 KIA."
    assert _toll(extractor, text) == 10


def test_a_toll_with_an_aside_of_who_they_were_is_counted(extractor) -> None:
    text = "Six people, four of them children, were killed when gunmen attacked the village of Wiboriyé on Tuesday."
    assert _toll(extractor, text) == 6


def test_an_earlier_attacks_toll_after_a_time_span_without_an_article_is_not_the_events(extractor) -> None:
    text = (
        "Four herders were killed on Tuesday when gunmen raided a camp near Abala, two weeks after nine villagers "
        "were killed in the same commune."
    )
    assert _toll(extractor, text) == 4


def test_a_series_tally_since_a_month_is_not_the_events_toll(extractor) -> None:
    text = (
        "Gunmen killed three traders near Diffa on Tuesday, the latest in a wave of attacks that have killed more "
        "than 40 people since February."
    )
    assert _toll(extractor, text) == 3


def test_a_french_nominal_killing_counts_its_dead(extractor) -> None:
    text = "L'armée a annoncé mardi la neutralisation de onze terroristes lors d'un accrochage près de Tessit."
    assert _toll(extractor, text) == 11


def test_one_of_the_attackers_killed_in_french_is_one_more(extractor) -> None:
    text = (
        "Des hommes armés ont tué deux bergers mardi près de Banibangou avant que l'un d'eux ne soit abattu par des "
        "villageois."
    )
    assert _toll(extractor, text) == 3


def test_a_communiques_toll_line_by_side_is_the_events(extractor) -> None:
    text = (
        "Armed Forces communiqué: On 7 April 2026, our units engaged a group of terrorists near Abala. Provisional "
        "toll: enemy side, nine terrorists neutralised; friendly side, one soldier killed and two wounded."
    )
    assert _toll(extractor, text) == 10


def test_a_french_count_whose_noun_takes_a_complement_is_read(extractor) -> None:
    text = (
        "Trois agents de la Garde nationale sont tombés en martyrs mardi lorsque des contrebandiers ont ouvert le feu "
        "sur leur patrouille près de Dehiba."
    )
    assert _toll(extractor, text) == 3


def test_an_english_count_whose_noun_takes_a_complement_is_read(extractor) -> None:
    text = (
        "Three members of a local self-defence militia were shot dead on Tuesday when gunmen attacked their "
        "checkpoint near Koro."
    )
    assert _toll(extractor, text) == 3
    assert [q.value for q in find_quantities("Two officers of the border police died near Ras Ajdir.")] == [2]


def test_one_of_the_wounded_told_as_one_killed_is_a_death(extractor) -> None:
    text = "Four gendarmes were wounded and one was killed when their vehicle struck a mine near Ménaka on Tuesday."
    assert _toll(extractor, text) == 1


def test_a_count_of_auxiliaries_of_a_long_named_body_is_read(extractor) -> None:
    # the body's full name (seven words and its acronym) between the count and its verb; "auxiliaries" counts people
    text = (
        "Jihadist fighters stormed an army post near Arbinda on Saturday. Two local officials said at least 17 "
        "soldiers and auxiliaries of the Volunteers for the Defence of the Homeland (VDP) were killed."
    )
    assert _toll(extractor, text) == 17
    assert [q.value for q in find_quantities("Sources said nine soldiers and auxiliaries were killed.")] == [9]


def test_a_count_told_of_each_side_is_doubled(extractor) -> None:
    text = "Two armed groups clashed near Ber on Sunday over a gold site; four fighters were killed on each side."
    assert _toll(extractor, text) == 8
    assert [q.value for q in find_quantities("Deux morts de chaque côté, selon un élu local.")] == [4]
    assert [q.value for q in find_quantities("Each side lost three men in the fighting near Ber.")] == [6]
    assert [q.value for q in find_quantities("Chaque camp a perdu deux hommes.")] == [4]
    # losses told on each side say nothing of how the five dead were shared
    assert [q.value for q in find_quantities("Five people were killed in clashes with losses on each side.")] == [5]


def test_the_attackers_after_and_are_no_single_dead_attacker() -> None:
    # "and the attackers lost eleven men": a plural that opens the next clause, not "the attacker" killed
    text = "Troops repelled an assault on their post near Tillia; the army lost four soldiers and the attackers lost "
    text += "eleven men."
    assert [q.value for q in find_quantities(text)] == [4, 11]


def test_enemy_killed_in_action_counts_as_dead(extractor) -> None:
    # none with figures in the text: "EKIA" (enemy killed in action) is a field report's KIA of the other side
    text = "14 MAY 2026, 0520Z: post Tiloa engaged by armed men on motorbikes. Friendly: 2 WIA. Hostile: 6 EKIA."
    assert _toll(extractor, text, published="2026-05-15") == 6


def test_a_sitreps_running_line_is_no_toll_of_the_event(extractor) -> None:
    # over: the sitrep's cumulative line and a sector's month toll are a period's tallies, not the event's dead
    text = "21 MAY 2026, 1940Z: camp Ber hit by 3 rockets from the S. 1 KIA, 2 WIA. "
    text += "Cumulative since 02 MAY: 14 rounds, 5 KIA."
    assert _toll(extractor, text, published="2026-05-22") == 1
    text = "18 MAY 2026, 0700Z: IED strike on water convoy 25 km E of Ber. 2 KIA. Sector toll this month: 9 killed."
    assert _toll(extractor, text, published="2026-05-19") == 2


def test_a_series_sum_told_after_the_event_is_not_its_toll(extractor) -> None:
    # over by >5: the blasts' or strikes' sum is a tally of several events
    text = "A mine killed two herders near Nampala on Monday, the third such blast this month, which have left 11 dead."
    assert _toll(extractor, text, published="2026-05-20") == 2
    text = (
        "Three people were killed on Monday when a drone struck a lorry near Ber. Residents said it was the second "
        "strike on the road in a week, for a total of eight dead."
    )
    assert _toll(extractor, text, published="2026-05-20") == 3


def test_french_dead_whose_noun_takes_a_complement_lost_their_lives(extractor) -> None:
    # none with figures in the text: "Deux éléments de la Garde nationale ont perdu la vie" is two dead
    text = (
        "Deux éléments de la Garde nationale ont perdu la vie et un autre a été blessé lundi lors d'un échange de "
        "tirs avec des contrebandiers près de Dhehiba."
    )
    assert _toll(extractor, text, published="2026-05-20") == 2
    # "ont tué" after the same words is what they did, not their death
    assert [q.value for q in find_quantities("Trois éléments de la Garde nationale ont tué un contrebandier.")] == [1]


def test_a_toll_that_moved_from_one_count_to_another_is_the_second() -> None:
    # under: "passé de cinq à neuf morts" is nine dead; "five to nine" alone stays a range (its lower end)
    assert [q.value for q in find_quantities("Le bilan de l'embuscade est passé de cinq à neuf morts.")] == [9]
    assert [q.value for q in find_quantities("The toll of the ambush rose from five to nine dead.")] == [9]
    assert [q.value for q in find_quantities("Five to nine people were killed in the ambush.")] == [5]


def test_a_ranked_man_and_some_of_his_men_are_added(extractor) -> None:
    # under by 1: "a captain and four of his men" lists two groups of the dead, the second no toll of everyone
    text = "An army captain and four of his men were killed on Monday when gunmen ambushed their convoy near Tessit."
    assert _toll(extractor, text, published="2026-05-20") == 5
    text = "A VDP leader and three of his men were killed on Monday in an ambush near Titao."
    assert _toll(extractor, text, published="2026-05-20") == 4


def test_a_count_after_a_possessive_or_all_is_counted(extractor) -> None:
    # none with figures in the text: "killing its four occupants", "all three passengers"
    text = "A drone strike destroyed a pickup near Anefis on Monday, killing its four occupants, residents said."
    assert _toll(extractor, text, published="2026-05-20") == 4
    assert [q.value for q in find_quantities("The blast killed all three passengers of the minibus.")] == [3]


def test_a_bomber_told_dead_again_in_the_next_sentence_counts_once(extractor) -> None:
    # over by 1: "also" is no noun of the dead; the bomber who blew himself up is the one "also killed"
    text = (
        "A suicide bomber blew himself up at the gate of the camp at Tessit on Monday, killing two soldiers. "
        "The bomber was also killed, the army said."
    )
    assert _toll(extractor, text, published="2026-05-20") == 3


def test_victims_with_a_participle_of_what_befell_them_are_counted(extractor) -> None:
    # none with figures in the text: "two herders abducted on Monday were found dead" counts two dead
    text = "Two herders abducted on Monday were found dead on Wednesday near Bankilaré, relatives said."
    assert _toll(extractor, text, published="2026-05-22") == 2


def test_deaths_told_as_among_the_dead_on_a_side_or_after_a_and_a(extractor) -> None:
    # none / under: four ways a written toll was lost
    text = "Gunmen attacked the army post at Hombori on Monday; three soldiers were among the dead."
    assert _toll(extractor, text, published="2026-05-20") == 3
    text = "Gunmen attacked the post at Hombori on Monday. Losses: three soldiers dead; on the enemy side, nine killed."
    assert _toll(extractor, text, published="2026-05-20") == 12
    text = "L'attaque du poste de Hombori lundi a coûté la vie à trois soldats et à un civil."
    assert _toll(extractor, text, published="2026-05-20") == 4
    text = "Des hommes armés ont attaqué lundi le poste de Hombori. Trois soldats y ont laissé la vie."
    assert _toll(extractor, text, published="2026-05-20") == 3
    # a part of the dead told after a toll stays a part
    text = "Gunmen attacked the post at Hombori on Monday, killing nine. At least five of the dead were soldiers."
    assert _toll(extractor, text, published="2026-05-20") == 9


def test_wounded_who_later_died_add_to_a_toll_of_everyone(extractor) -> None:
    # under by 2: "killing nine people. Two of the wounded later died" is eleven; a breakdown of the toll is not more
    text = "Gunmen attacked the cattle market at Ayorou on Monday, killing nine people. Two of the wounded later died."
    assert _toll(extractor, text, published="2026-05-20") == 11
    text = "Gunmen killed three soldiers near Ayorou on Monday. Two soldiers later died of their wounds."
    assert _toll(extractor, text, published="2026-05-20") == 5
    text = "A bomb killed 11 people at the market in Ayorou on Monday. Nine died at the scene and two more in hospital."
    assert _toll(extractor, text, published="2026-05-20") == 11


def test_a_french_singular_with_a_complement_keeps_the_dead_listed_after_it(extractor) -> None:
    # under by 2: "un chef de village et deux de ses fils" is three dead
    text = "Lundi, des hommes armés ont tué un chef de village et deux de ses fils près de Ouallam."
    assert _toll(extractor, text, published="2026-05-20") == 3


def test_deaths_written_as_a_noun_or_a_set_phrase_are_counted(extractor) -> None:
    # none: a figure the code did not read as dead at all
    post = "Gunmen attacked the army post at Tessit on Monday. "
    assert _toll(extractor, post + "The army reported five fatalities.", published="2026-05-20") == 5
    assert _toll(extractor, post + "The attack cost four soldiers their lives.", published="2026-05-20") == 4
    assert _toll(extractor, post + "Three soldiers paid with their lives.", published="2026-05-20") == 3
    poste = "Des hommes armés ont attaqué lundi le poste militaire de Tessit. "
    assert _toll(extractor, poste + "Cinq soldats sont décédés.", published="2026-05-20") == 5
    assert _toll(extractor, poste + "L'armée a annoncé le décès de six soldats.", published="2026-05-20") == 6
    assert _toll(extractor, poste + "L'état-major déplore la mort de deux gendarmes.", published="2026-05-20") == 2
    # a death noun right after its count is no wounded: "five fatalities and 12 injured"
    assert [(q.kind, q.value) for q in find_quantities("Bilan : cinq décès et huit blessés.")] == [
        ("fatalities", 5),
        ("injured", 8),
    ]


def test_bodies_counted_after_the_side_they_are_of_add_to_the_other_sides_dead(extractor) -> None:
    # under (Battles): bodies say nothing of whose, so the side told before them does
    post = "Gunmen attacked the army post at Tessit on Monday. "
    text = post + "Five soldiers died; on the attackers' side, 12 bodies were recovered."
    assert _toll(extractor, text, published="2026-05-20") == 17
    poste = "Des hommes armés ont attaqué lundi le poste militaire de Tessit. "
    text = poste + "Quatre soldats ont été tués. Côté assaillants, neuf corps ont été dénombrés."
    assert _toll(extractor, text, published="2026-05-20") == 13
    # a noun that says whose keeps its own side: "côté ami, trois soldats tombés" are the state's alone
    text = poste + "Côté assaillants, neuf corps ont été retrouvés; côté ami, trois soldats sont tombés."
    assert _toll(extractor, text, published="2026-05-20") == 12


def test_n_of_them_are_the_dead_of_the_side_named_before_them(extractor) -> None:
    # under (Battles): "20 of them" told by the army is the attackers' dead, not a rival toll of the soldiers'
    text = (
        "Jihadists attacked the army camp at Boulkessi on Saturday, killing 11 soldiers. "
        "The army said the attackers suffered heavy losses, with 20 of them killed."
    )
    assert _toll(extractor, text, published="2026-05-20") == 31
    text = (
        "Des jihadistes ont attaqué samedi le camp militaire de Boulkessi, tuant onze soldats. "
        "Selon l'armée, les assaillants ont subi de lourdes pertes: vingt d'entre eux ont été tués."
    )
    assert _toll(extractor, text, published="2026-05-20") == 31


def test_a_sides_losses_put_at_a_count_are_that_sides_dead(extractor) -> None:
    # under (Battles): "the militants' losses at seven dead" adds to the soldiers' dead, it is no rival toll
    patrol = "Militants ambushed an army patrol near Inates on Friday. "
    text = patrol + "Four soldiers were killed. The army put the militants' losses at seven dead."
    assert _toll(extractor, text, published="2026-05-20") == 11
    text = patrol + "Three soldiers were killed. The rebels' casualties were put at ten dead."
    assert _toll(extractor, text, published="2026-05-20") == 13
    patrouille = "Des militants ont tendu une embuscade vendredi à une patrouille près d'Inates. "
    text = patrouille + "Quatre militaires sont morts. Les pertes ennemies s'élèvent à sept morts."
    assert _toll(extractor, text, published="2026-05-20") == 11


def test_more_dead_told_by_where_they_died_after_a_count_are_added(extractor) -> None:
    # under by 1-2: "died at the scene and another in hospital" is five, "and a fifth died in hospital" too
    patrol = "Militants ambushed an army patrol near Inates on Friday. "
    text = patrol + "Four soldiers died at the scene and another in hospital."
    assert _toll(extractor, text, published="2026-05-20") == 5
    text = patrol + "Four soldiers were killed on the spot and a fifth died in hospital."
    assert _toll(extractor, text, published="2026-05-20") == 5
    patrouille = "Des militants ont tendu une embuscade vendredi à une patrouille près d'Inates. "
    text = patrouille + "Trois militaires sont morts sur le coup et deux autres à l'hôpital."
    assert _toll(extractor, text, published="2026-05-20") == 5
    # "and two others in hospital" with no place of death before may be wounded: not counted
    assert [q.value for q in find_quantities("Three soldiers were killed and two others in hospital.")] == [3]


def test_other_dead_joined_to_a_count_told_dead_are_added(extractor) -> None:
    # none / under: the sum of two written in two clauses ("..., as were five militants")
    post = "On 12 May 2026, militants attacked an army post in Tessit (Gao). "
    assert _toll(extractor, post + "Three soldiers were killed, as were five militants.") == 8
    assert _toll(extractor, post + "Two soldiers were killed, along with six militants.") == 8
    assert _toll(extractor, post + "Three soldiers and five militants were reported dead.") == 8
    poste = "Le 12 mai 2026, des militants ont attaqué un poste de l'armée à Tessit (Gao). "
    assert _toll(extractor, poste + "Trois soldats ont été tués, ainsi que cinq assaillants.") == 8


def test_a_field_reports_label_before_its_figure_counts_the_dead(extractor) -> None:
    # none: "Fatalities: 3" was no count; each side's label adds up
    post = "On 12 May 2026, militants attacked an army post in Tessit (Gao). "
    assert _toll(extractor, post + "Fatalities: 3.") == 3
    assert _toll(extractor, post + "Soldiers killed: 3. Militants killed: 5.") == 8
    # a date or a time after the label is no figure of the dead
    assert find_quantities("Killed: 3 May 2026 ambush near Tessit.") == []
    assert find_quantities("Deaths: 12:30 local time.") == []


def test_the_dead_of_a_side_told_among_it_or_left_behind_by_it_add_up(extractor) -> None:
    # under (Battles): "eight dead among the attackers" is no rival toll; "ont laissé huit corps" is told dead
    post = "Jihadists attacked the gendarmerie post at Tera on Thursday. "
    text = post + "Five gendarmes were killed, a source said, while residents reported eight dead among the attackers."
    assert _toll(extractor, text, published="2026-05-20") == 13
    poste = "Des jihadistes ont attaqué jeudi la brigade de gendarmerie de Téra. "
    text = poste + "Cinq gendarmes ont été tués. Les assaillants ont laissé huit corps sur le terrain."
    assert _toll(extractor, text, published="2026-05-20") == 13
    # "among them" and "among the dead" name no side
    first = next(q.text for q in find_quantities("Nine people were killed, among them two gendarmes."))
    assert first == "Nine people were killed"


def test_a_second_count_whose_verb_is_left_out_is_added(extractor) -> None:
    # none / sum of two written: "killed in the attack and eight attackers in the counter-attack"
    post = "Jihadists attacked the gendarmerie post at Tera on Thursday. "
    text = post + "Five gendarmes were killed in the attack and eight attackers in the counter-attack."
    assert _toll(extractor, text, published="2026-05-20") == 13
    poste = "Des jihadistes ont attaqué jeudi la brigade de gendarmerie de Téra. "
    text = poste + "Trois gendarmes ont été tués lors de l'attaque et six assaillants lors de la riposte."
    assert _toll(extractor, text, published="2026-05-20") == 9
    # another verb for the second group keeps it out
    text = "Five gendarmes were killed in the attack and eight attackers fled into the bush."
    assert [q.value for q in find_quantities(text)] == [5]


def test_another_count_of_the_same_side_adds_to_it(extractor) -> None:
    # under: "Another four soldiers were killed" is more dead of the side, not the same soldiers told again
    text = (
        "Gunmen ambushed a patrol near Ayorou on Monday, killing three soldiers. "
        "Another four soldiers were killed when reinforcements were ambushed."
    )
    assert _toll(extractor, text, published="2026-05-20") == 7
    wounded = find_quantities("Another 12 soldiers were wounded.")
    assert [(q.kind, q.text) for q in wounded] == [("injured", "Another 12 soldiers were wounded")]


def test_a_field_reports_wounded_who_died_of_wounds_are_dead(extractor) -> None:
    # none / under in field shorthand: "1 WIA (DOW)" is one more dead, and the day of that death is not the event's
    text = "13 MAY 2026, 1140Z: IED on route Gao-Bourem km 30. 1 veh destroyed. 2 KIA, 1 WIA (DOW 14 MAY)."
    events = extractor(report(text, published="2026-05-20")).events
    assert [(str(e.date), e.fatalities) for e in events] == [("2026-05-13", 3)]
    text = "14 MAY 2026: IED on convoy near Tessit. 2 KIA, 3 WIA (1 DOW 15 MAY)."
    assert _toll(extractor, text, published="2026-05-20") == 3
    dow = find_quantities("2 KIA, 1 WIA (DOW).")
    assert [(q.kind, q.value) for q in dow if q.kind == "fatalities"] == [("fatalities", 2), ("fatalities", 1)]


def test_the_dead_a_witness_says_were_buried_are_counted(extractor) -> None:
    # none: a toll told only in a quote, as the burial of the dead
    text = (
        "Des hommes armés ont attaqué le village de Dinangourou dans la nuit de samedi. "
        "« Nous avons enterré huit personnes dimanche », a déclaré un notable."
    )
    assert _toll(extractor, text, published="2026-05-20") == 8
    assert [q.value for q in find_quantities('"We buried seven people on Sunday," a village elder said.')] == [7]
    assert find_quantities("They buried two mines on the road.") == []
    assert find_quantities("The militants buried 3 tonnes of explosives near the road.") == []


def test_a_field_reports_side_labels_cover_their_lines_counts(extractor) -> None:
    # under / none in field shorthand: "FF" and "EN" label each side's dead, and a label stands for every count of
    # its line ("approx 12 KIA, 8 bodies counted": the bodies counted are the same dead, the lower figure)
    text = "22 MAY 2026, 0300Z, Abala: raid on National Guard post.\nFF: 3 KIA.\nEN: 5 KIA, 1 captured."
    assert _toll(extractor, text, published="2026-05-23") == 8
    text = "Attack on post Inates repelled on 9 MAY. Hostile: approx 12 KIA, 8 bodies counted. Friendly: 2 KIA."
    assert _toll(extractor, text, published="2026-05-10") == 10
    sides = find_quantities("Hostile: approx. 9 KIA, 6 bodies recovered.")
    assert [(q.value, q.side) for q in sides] == [(9, "armed"), (6, "armed")]


def test_more_dead_told_by_the_place_they_died_add_to_the_toll(extractor) -> None:
    # under: one attack's toll told per place, the second count's verb left out ("and two more at an outpost")
    text = "Militants attacked a base near Gao on Monday. Three soldiers died in the camp and two more at an outpost."
    assert _toll(extractor, text, published="2026-05-20") == 5
    text = (
        "Des jihadistes ont attaqué lundi le camp de Boni. "
        "Quatre soldats ont été tués dans le camp et deux autres au poste de contrôle de l'entrée."
    )
    assert _toll(extractor, text, published="2026-05-20") == 6
    # "in hospital" alone may be the wounded
    hospital = find_quantities("Two soldiers were killed in the ambush and three others in hospital.")
    assert [q.value for q in hospital] == [2]


def test_bodies_the_enemy_abandoned_are_its_dead(extractor) -> None:
    # under: a communiqué's enemy dead told as bodies abandoned on the ground, in a sentence of their own
    attack = "Communiqué : le 15 mai 2026, les FAMa ont repoussé une attaque contre le poste de Diafarabé. "
    text = attack + "Bilan : côté ami, deux morts. Côté terroriste, une dizaine de corps abandonnés."
    assert _toll(extractor, text, published="2026-05-16") == 12
    text = attack + "Les assaillants ont abandonné sept corps sur le terrain."
    assert _toll(extractor, text, published="2026-05-16") == 7


def test_a_telling_verb_ends_the_list_of_who_the_dead_were() -> None:
    # over by 1: the words of telling are roles.json's, not a shorter list of the quantities' own
    text = "Among the dead were two soldiers and a gendarme, a ministry spokesman announced."
    assert [q.value for q in find_quantities(text)] == [3]
    text = "Among the dead were two soldiers and a gendarme, a security source confirmed."
    assert [q.value for q in find_quantities(text)] == [3]


def test_approximate_counts_are_read_whole_in_a_list(extractor) -> None:
    # under: "une dizaine d'assaillants et trois soldats" is two groups; "two dozen" is 24, not 2
    text = "Une dizaine d'assaillants et trois soldats ont été tués mardi dans l'attaque du poste de Tessit."
    assert _toll(extractor, text, published="2026-05-20") == 13
    assert [q.value for q in find_quantities("Two dozen people were killed when gunmen raided Ogossagou.")] == [24]
    assert [q.value for q in find_quantities("Some three dozen fighters were killed.")] == [36]


def test_bodies_counted_impersonally_in_a_sentence_of_their_own_count(extractor) -> None:
    # under: "Du côté des assaillants, on dénombre neuf corps" is the attackers' dead, beside the soldiers'
    text = "Des jihadistes ont attaqué lundi le poste de Tillia, tuant quatre soldats. "
    assert _toll(extractor, text + "Côté assaillants, on a dénombré six corps.", published="2026-05-20") == 10
    assert _toll(extractor, text + "Du côté des assaillants, on dénombre neuf corps.", published="2026-05-20") == 13


def test_a_headline_adds_the_dead_of_a_side_the_body_does_not_count(extractor) -> None:
    # under: the headline tells the soldiers' dead, the body only the assailants killed
    text = (
        "Attack on Tessit camp: three soldiers dead\n"
        "The army camp at Tessit came under attack on Thursday. Troops killed about fifteen assailants, the army said."
    )
    assert _toll(extractor, text, published="2026-05-05") == 18
    # the same side told in both is counted once
    text = (
        "Niger: 12 soldiers killed in attack near Tillia\n"
        "Suspected jihadists attacked an army position near Tillia on Sunday. Twelve soldiers were killed and about "
        "twenty assailants were neutralised."
    )
    assert _toll(extractor, text, published="2026-05-05") == 32


def test_who_some_of_the_dead_were_after_the_verbs_count_adds_none(extractor) -> None:
    # over: ", four of them children" after "killing nine people" says who four of the nine were
    text = "Gunmen attacked a village near Koro on Sunday, killing nine people, four of them children."
    assert _toll(extractor, text, published="2026-05-05") == 9
    assert [q.value for q in find_quantities("Gunmen killed nine people, five of them women, near Bankass.")] == [9]
    assert [q.value for q in find_quantities("Gunmen killed two soldiers and three civilians.")] == [2, 3]


def test_the_dead_a_quoted_fighter_tells_as_ours_and_theirs_are_added(extractor) -> None:
    # under: "we lost three men" is the teller's side, "fifteen of them" the enemy's: two sides, not two estimates
    text = (
        "Jihadists attacked an army base in Tessit on Thursday. "
        '"We lost three men, but we killed at least fifteen of them," an officer said.'
    )
    assert _toll(extractor, text, published="2026-05-05") == 18


def test_a_side_labelled_with_a_colon_counts_its_dead(extractor) -> None:
    # under: a communiqué's "Côté assaillants : cinq tués" is the attackers' dead beside the gendarmes'
    text = (
        "Le 10 mai 2026, des individus armés ont attaqué le poste de Makalondi. "
        "Bilan : trois gendarmes tués, quatre blessés. Côté assaillants : cinq tués."
    )
    assert _toll(extractor, text, published="2026-05-12") == 8
    assert [(q.value, q.side) for q in find_quantities("Côté ennemi: 7 tués.")] == [(7, "armed")]


def test_one_of_the_wounded_who_died_is_one_more_death(extractor) -> None:
    # under by 1: "One of the wounded died" counts like "Two of the wounded died"
    ambush = "Four soldiers were killed and seven wounded in an ambush near Gao on Monday. "
    text = ambush + "One of the wounded died on Tuesday."
    assert _toll(extractor, text, published="2026-05-23") == 5
    assert [q.value for q in find_quantities("One of the injured soldiers later died in hospital.")] == [1]


def test_a_figure_another_source_reports_competes_in_french(extractor) -> None:
    # over: "le gouverneur a fait état de douze morts" is another source's figure for the same dead: the lower
    text = (
        "Une quinzaine de personnes ont été tuées dimanche à Tamou, selon des habitants. "
        "Le gouverneur a fait état de douze morts."
    )
    assert _toll(extractor, text, published="2026-05-23") == 12


def test_a_field_reports_update_line_raises_the_toll_of_the_event_it_updates(extractor) -> None:
    # under / a second event: "UPDATE 22 MAY:" dates the update, not a new happening; its count raises the toll
    text = "21 MAY 2026: ambush on convoy vic Kantchari. 3 KIA, 6 WIA. UPDATE 22 MAY: 5 KIA (2 WIA DOW)."
    events = extractor(report(text, published="2026-05-23")).events
    assert [(str(e.date), e.fatalities) for e in events] == [("2026-05-21", 5)]


def test_a_toll_broken_down_after_a_colon_is_counted_once(extractor) -> None:
    # over: "leaving eight dead: three soldiers and five attackers" is eight; "dead:" after a count is no label
    text = "Soldiers clashed with militants near Boni on Monday, leaving eight dead: three soldiers and five attackers."
    assert _toll(extractor, text, published="2026-05-23") == 8
    assert [q.value for q in find_quantities("Soldiers killed: 3. Militants killed: 5.")] == [3, 5]


def test_the_men_a_side_lost_are_its_dead(extractor) -> None:
    # under: "the bodies of four of their men", "ont perdu une dizaine d'hommes" are the dead of the side named before
    ambush = "Gunmen ambushed a gendarmerie patrol near Tera on Sunday, killing three gendarmes. "
    text = ambush + "The assailants left behind the bodies of four of their men."
    assert _toll(extractor, text, published="2026-05-23") == 7
    embuscade = "Des hommes armés ont tendu dimanche une embuscade à une patrouille près de Téra. "
    text = embuscade + "Le bilan est de trois gendarmes tués. Les assaillants ont perdu une dizaine d'hommes."
    assert _toll(extractor, text, published="2026-05-23") == 13


def test_the_dead_caught_in_crossfire_are_counted(extractor) -> None:
    # a participle with its place between the count and its verb, in French ("pris dans des tirs croisés") and
    # with a noun of people the lists lacked ("passants")
    french = (
        "Quatre bergers pris dans des tirs croisés ont été tués jeudi près de Koro lors d'affrontements entre "
        "l'armée et des hommes armés."
    )
    assert _toll(extractor, french) == 4
    bystanders = "Deux passants pris dans des tirs croisés ont trouvé la mort lundi à Gao lors d'un accrochage."
    assert _toll(extractor, bystanders) == 2
    english = "Three bystanders caught in the crossfire near the market were killed when soldiers and gunmen clashed."
    assert _toll(extractor, english) == 3


def test_a_french_definite_victim_of_a_killing_verb_is_one_death(extractor) -> None:
    text = "Des ravisseurs ont abattu le chauffeur d'un camion avant d'enlever trois commerçants mardi près de Torodi."
    assert _toll(extractor, text) == 1
    text = "Des hommes armés ont tué l'imam du village et enlevé deux notables vendredi près de Ménaka."
    assert _toll(extractor, text) == 1


def test_all_the_occupants_killed_are_counted_in_french(extractor) -> None:
    text = "Une ambulance a sauté sur une mine mercredi près de Mondoro, tuant ses quatre occupants."
    assert _toll(extractor, text) == 4
    text = "Un véhicule civil a heurté un engin explosif samedi près de Sebba, tuant les six occupants."
    assert _toll(extractor, text) == 6


def test_a_toll_the_report_corrects_later_is_replaced_by_the_correction(extractor) -> None:
    english = (
        "Gunmen raided a cattle market near Tera on Friday. Local officials first reported three dead, but the "
        "toll was later raised to eight after bodies were found in the bush."
    )
    assert _toll(extractor, english) == 8
    french = (
        "Le bilan de l'attaque de samedi contre le poste de Tessit, qui faisait d'abord état de quatre gendarmes "
        "tués, a été revu à la hausse : sept militaires ont péri, selon une source sécuritaire."
    )
    assert _toll(extractor, french) == 7
    lowered = (
        "Armed men attacked a bus near Bankass on Tuesday. The toll was revised down on Thursday to five dead "
        "from the nine first announced, a local official said."
    )
    assert _toll(extractor, lowered) == 5


def test_a_figure_said_to_be_not_one_but_another_is_the_second() -> None:
    french = "L'armée rectifie : ce ne sont pas dix mais six soldats qui ont été tués mardi près de Boni."
    assert [q.value for q in find_quantities(french) if q.kind == "fatalities"] == [6]
    english = "The ministry said that not fifteen but eleven soldiers were killed in the attack."
    assert [q.value for q in find_quantities(english) if q.kind == "fatalities"] == [11]


def test_a_field_report_tables_kia_cells_are_each_sides_dead(extractor) -> None:
    text = "DATE 11 MAR 2026 | LOC Post Tessalit | EVENT attack by hostiles | FF KIA 2 WIA 3 | EN KIA 6 | NOTES nil"
    assert [(q.value, q.side) for q in find_quantities(text) if q.kind == "fatalities"] == [(2, "state"), (6, "armed")]
    assert _toll(extractor, text) == 8
    # a count before the word is the count, not a cell: "2 KIA 3 WIA" is two dead
    assert [q.value for q in find_quantities("Own forces: 2 KIA 3 WIA.") if q.kind == "fatalities"] == [2]


def test_the_dead_counted_place_by_place_are_added_up(extractor) -> None:
    text = "Gunmen killed six herders in Inates and four in Tiloa on Saturday in coordinated raids, officials said."
    assert _toll(extractor, text) == 10
    french = "Des hommes armés ont tué trois civils à Sona, deux à Kiri et un à Sévaré dimanche."
    assert [q.value for q in find_quantities(french) if q.kind == "fatalities"] == [6]
    # a month is no place: "12 in March" is another time's count
    months = "Gunmen killed five villagers in Ménaka in January and 12 in March."
    assert [q.value for q in find_quantities(months) if q.kind == "fatalities"] == [5]


def test_one_more_dead_told_by_rank_alone_is_counted(extractor) -> None:
    text = (
        "Militants ambushed a customs patrol near Tahoua on Monday. Three officers were killed. "
        "A fourth died of his wounds on Tuesday, a customs official said."
    )
    assert _toll(extractor, text) == 4
    french = "Deux gendarmes ont été tués lundi dans l'attaque du poste de Kantchari. Un troisième a succombé mardi."
    assert _toll(extractor, french) == 3


def test_a_toll_raised_after_an_aside_on_its_first_figure_is_the_events(extractor) -> None:
    text = (
        "Armed men attacked a gold-mining camp near Intahaka on Friday. The toll, initially given as three, was "
        "later raised to seven, a local official said."
    )
    assert _toll(extractor, text) == 7


def test_a_forces_running_loss_in_a_relative_clause_is_not_the_events(extractor) -> None:
    text = (
        "A roadside bomb killed six soldiers near Douentza on Friday, in the deadliest attack on the army this year, "
        "which has now lost 31 men in the region."
    )
    assert _toll(extractor, text) == 6


def test_the_same_dead_told_again_by_their_own_side_count_once(extractor) -> None:
    text = (
        "Militants attacked the gendarmerie post at Kantchari on Monday, killing three gendarmes. "
        '"We have lost three men," the post commander said.'
    )
    assert _toll(extractor, text) == 3


def test_a_field_reports_update_line_replaces_the_sides_earlier_figure(extractor) -> None:
    text = "22 MAR 2026, 0200Z, Post Tabankort engaged by hostiles. FF 1 KIA. UPDATE 0800Z: FF 4 KIA, 2 WIA. EN: 3 KIA."
    assert _toll(extractor, text) == 7
    # the side word right before a count of KIA says whose dead they are
    assert [(q.value, q.side) for q in find_quantities("UPDATE 0800Z: FF 4 KIA, 2 WIA.") if q.kind == "fatalities"] == [
        (4, "state")
    ]


def test_earlier_attacks_told_as_others_after_which_the_event_came_are_not_its_toll(extractor) -> None:
    french = (
        "Une mine a tué deux soldats mardi près de Hombori, après deux autres explosions qui avaient fait neuf morts."
    )
    assert _toll(extractor, french) == 2
    english = (
        "A roadside bomb killed three gendarmes near Kantchari on Friday, after two others that killed 11 people "
        "on the same road."
    )
    assert _toll(extractor, english) == 3


def test_soldiers_who_paid_the_ultimate_price_are_dead(extractor) -> None:
    text = "On 9 April 2026, a patrol was ambushed near Tin-Akoff; four soldiers paid the ultimate price."
    assert _toll(extractor, text) == 4


def test_a_labels_figure_followed_by_any_month_name_is_a_date() -> None:
    # the month vocabulary (ontology.json `months`) has full names and French abbreviations, not only short English
    for text in ("Last KIA: 3 January, at Post 7.", "Dernier KIA : 14 février, à Boni.", "Tués : 2 déc."):
        assert [q for q in find_quantities(text) if q.kind == "fatalities"] == [], text


def test_a_list_of_victims_by_trade_and_kin_is_added_up(extractor) -> None:
    # a comma-joined list after a killing verb: each group is more of the dead, not another estimate of them
    text = "Gunmen raided the hamlet of Tiguila on Monday, killing a blacksmith, two farmers and the chief's son."
    assert _toll(extractor, text) == 4


def test_a_french_participle_of_killing_counts_whom_it_takes(extractor) -> None:
    # SYNTHETIC: "neutralisant", "abattant", "éliminant" are participles of killing as "tuant" is
    assert [q.value for q in find_quantities("Les militaires ont riposté, neutralisant six assaillants.")] == [6]
    assert [q.value for q in find_quantities("La patrouille a riposté, abattant trois bandits armés.")] == [3]
    text = "Selon un communiqué, les soldats ont repoussé l'attaque près de Djibo lundi, éliminant cinq terroristes."
    assert _toll(extractor, text) == 5


def test_one_victim_of_a_killing_verb_whose_auxiliary_is_the_first_verbs(extractor) -> None:
    # SYNTHETIC: "ont attaqué un camion et tué son chauffeur": "tué" takes the auxiliary of "attaqué"
    assert [q.value for q in find_quantities("Des bandits ont arrêté un minibus puis abattu le convoyeur.")] == [1]
    assert [q.value for q in find_quantities("Des hommes armés ont tiré sur un car, tuant son chauffeur.")] == [1]
    text = "Des hommes armés ont attaqué un camion près de Boulkessi lundi et tué son chauffeur."
    assert _toll(extractor, text) == 1


def test_the_dead_a_communique_mourns_are_its_events_toll(extractor) -> None:
    # SYNTHETIC: a reaction verb's object is background ("condemned the attack"), but the loss of a force's own men
    # it deplores is the toll of the attack the sentence tells
    text = "The Armed Forces deplore the loss of two soldiers during an attack on a patrol near Tillaberi on Monday."
    assert _toll(extractor, text) == 2
    text = "The General Staff mourns the death of a gendarme during a clash with gunmen near Djibo on Friday."
    assert _toll(extractor, text) == 1
    # a death a protest is against is its cause, not its toll
    assert find_quantities("Youths marched in Kasserine against the death of a man in police custody.") == []
    # the dead with a clause of their own still tell their own event ("killed when their vehicle hit a mine")
    text = "The army deplores the loss of two soldiers, killed when their vehicle hit a mine near Boulkessi on Monday."
    events = extractor(report(text, published="2026-04-09")).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Remote explosive/landmine/IED", 2)]


def test_the_arrested_after_a_singular_shot_dead_are_not_dead(extractor) -> None:
    # SYNTHETIC: "un contrebandier abattu et deux autres arrêtés": the second group has its own verb, and lives
    assert [q.value for q in find_quantities("Bilan : un passeur abattu, deux autres arrêtés.")] == [1]
    assert [q.value for q in find_quantities("Un terroriste neutralisé et trois autres capturés.")] == [1]
    # a second group told dead by its own verb still counts
    assert sum(q.value for q in find_quantities("Un bandit abattu et deux autres tués.")) == 3
    text = "Près de Tamanrasset lundi, un contrebandier abattu et deux autres arrêtés par les gardes-frontières."
    assert _toll(extractor, text) == 1


def test_a_dated_update_line_adds_its_dead_to_the_event_it_updates(extractor) -> None:
    # SYNTHETIC: "15 MAR UPDATE:" dates the line, not the deaths' event; a toll "of the attack" that rose updates it
    texts = [
        "Gunmen attacked the gendarmerie post at Tillaberi on 12 March, killing five gendarmes.\n"
        "15 MAR UPDATE: three wounded gendarmes died in hospital.",
        "Des hommes armés ont attaqué le poste de Tillaberi le 12 mars, tuant cinq gendarmes.\n"
        "15 MARS MISE À JOUR : trois gendarmes blessés ont succombé à l'hôpital.",
        "Gunmen attacked the gendarmerie post at Tillaberi on 12 March, killing five gendarmes.\n"
        "On 15 March the death toll from the attack climbed to eight.",
    ]
    for text in texts:
        events = extractor(report(text, published="2026-03-16")).events
        assert [(e.fatalities, str(e.date)) for e in events] == [(8, "2026-03-12")], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: the parse hangs "in an attack" on the condemning verb; the attack is the killing's occasion, so
        # the killing's dead are its toll, not a background dropped with the reaction
        ("The UN condemned the killing of four civilians in an attack on Monday near Mopti.", 4),
        ("The government condemned the killing of three soldiers in an ambush near Ménaka on Sunday.", 3),
        ("The EU denounced the murder of two aid workers during a raid on their convoy near Gao on Friday.", 2),
    ],
)
def test_a_condemned_killing_in_an_attack_is_the_attacks_toll(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text) == expected


def test_a_killing_a_protest_denounces_stays_its_background(extractor) -> None:
    text = "Residents protested on Monday in Kasserine to denounce the killing of a young man by police last week."
    events = extractor(report(text, published="2026-05-20")).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Peaceful protest", 0)]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: a dated update line that tells a new attack on a force's post ("attacked again") is its own
        # event; the post names the force's position after the line's day and label as after a bare time
        "14 MAR: Post Ber attacked 2300Z, 1 KIA.\n15 MAR UPDATE: Post Ber attacked again 0200Z, 2 KIA",
        "14 MAR 2026, 2300Z: post Ber attacked by armed men, 1 KIA.\n"
        "15 MAR 2026 UPDATE: post Ber attacked again at 0200Z, 2 KIA, 1 WIA.",
    ],
)
def test_an_update_line_telling_a_new_attack_is_its_own_event(extractor, text: str) -> None:
    events = extractor(report(text, published="2026-03-16")).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 1), ("Armed clash", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: a relative clause between the one killed and the verb ("a smuggler who had opened fire ... was
        # shot dead") still tells one death, in English as the French "un contrebandier abattu" does
        ("A smuggler who had opened fire on police was shot dead near Ben Guerdane on Friday.", 1),
        ("A trafficker who had fired at a customs patrol was killed near Remada on Thursday, the ministry said.", 1),
        ("A shepherd who was grazing his flock near Mount Semmama was killed by a landmine on Monday.", 1),
    ],
)
def test_one_dead_told_with_a_relative_clause_is_counted(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


def test_a_kia_cell_with_its_number_in_words_and_digits_is_read() -> None:
    # SYNTHETIC: field shorthand writes the number in words and repeats it in digits after the KIA label
    text = "Casualties: KIA three (3) FF; EKIA seven (7), bodies counted."
    assert [(q.kind, q.value) for q in find_quantities(text)] == [("fatalities", 3), ("fatalities", 7)]


def test_a_kia_cell_in_words_is_each_sides_dead(extractor) -> None:
    text = "09 OCT 2027, convoy ambushed near Ménaka. Casualties: KIA three (3) FF; EKIA seven (7), bodies counted."
    assert _toll(extractor, text, published="2027-10-10") == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: field shorthand drops the article of a single dead ("driver killed"), beside the other counts
        ("09 OCT 2027, 0300Z, FOB Ménaka: SVBIED detonated at checkpoint. 3 x FF KIA, driver killed. 4 WIA.", 4),
        ("09 OCT 2027, Gao road: convoy hit by IED 0700Z. Driver killed, 2 WIA.", 1),
    ],
)
def test_a_field_reports_single_dead_without_article_is_counted(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: each side's dead in its own sentence, the second told as what the side "suffered": the side's,
        # added to the other's, not a toll of everyone that would stand for both
        (
            "Militants ambushed an army convoy near Boni on Friday. The army lost four men. "
            "The assailants suffered twelve dead, according to the army.",
            16,
        ),
        (
            "Militants ambushed a patrol near Ansongo on Friday. The army lost three men, and the militants sustained "
            "about twenty dead.",
            23,
        ),
    ],
)
def test_the_dead_a_side_suffered_are_that_sides(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


def test_field_shorthands_multiplier_sign_against_the_digits_is_read(extractor) -> None:
    # SYNTHETIC: "2x KIA" is "2 x KIA" written without the space
    text = "09 OCT 2027, Boni: post attacked 0300Z. 2x KIA (FF), 5x EKIA."
    assert _toll(extractor, text, published="2027-10-10") == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: a two-word label names the side of the count after it ("Pertes amies", "Enemy losses"), so each
        # side's dead add up instead of the friendly count standing as a toll of everyone
        (
            "Le 9 octobre 2027, les FAMa ont été attaquées à Boni. Pertes amies : 3 tués, 4 blessés. "
            "Pertes ennemies : 15 tués.",
            18,
        ),
        (
            "Le 9 octobre 2027, des terroristes ont attaqué le poste de Sebba. Pertes ennemies : 12 tués. "
            "Pertes amies : 2 tués, 3 blessés.",
            14,
        ),
    ],
)
def test_a_two_word_side_label_names_whose_dead(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


def test_suicide_bombers_told_by_their_vests_are_counted_with_their_victims(extractor) -> None:
    # SYNTHETIC: the bombers who "detonated their vests" died with those they killed, as "blew themselves up" tells
    text = (
        "On 9 October 2027, two suicide bombers detonated their vests at a checkpoint in Ouallam, killing a policeman."
    )
    assert _toll(extractor, text, published="2027-10-10") == 3
    french = "Deux kamikazes se sont fait exploser, tuant trois soldats."
    assert sum(q.value for q in find_quantities(french) if q.kind == "fatalities") == 5


def test_a_french_auxiliary_after_a_count_names_no_one_more(extractor) -> None:
    # SYNTHETIC: ", a été revendiquée", ", a indiqué le maire": the French "a" before its participle is no article
    text = "L'attaque du marché de Tin-Akoff vendredi, qui a coûté la vie à sept civils, a été revendiquée par l'EIGS."
    assert _toll(extractor, text, published="2027-10-10") == 7
    told = "Des hommes armés ont tué sept civils, a indiqué le maire."
    assert [q.value for q in find_quantities(told) if q.kind == "fatalities"] == [7]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: who the dead were, told list first ("... were among the dead", "... figurent parmi les morts"):
        # the toll where nothing else counts them, never added to a count of everyone
        ("Gunmen attacked the market of Tin-Akoff on Friday. Three traders and a child are among the dead.", 4),
        (
            "Des hommes armés ont attaqué vendredi le marché de Tin-Akoff. Deux enfants et une femme figurent parmi "
            "les morts.",
            3,
        ),
        (
            "Gunmen killed nine people at the market of Tin-Akoff on Friday. Two children and a teacher are among the "
            "victims, the mayor said.",
            9,
        ),
    ],
)
def test_the_dead_listed_before_among_the_dead_are_the_toll_only_alone(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: some of the dead just counted, told right after them with how they died, are no more dead
        "Militants attacked an army post near Ansongo on Friday. Four soldiers died, including two who succumbed in "
        "hospital.",
        "Des hommes armés ont attaqué vendredi le poste de Tessit. Quatre soldats sont morts, dont deux qui ont "
        "succombé à l'hôpital de Gao.",
    ],
)
def test_a_subset_of_the_dead_told_with_how_they_died_is_not_added(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 4


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: the source's word in scare quotes ('nine "terrorists"', '"neutralised"', '« neutralisé »') is read
        # as if unquoted
        'Militants attacked the Tessit post on Sunday, killing two soldiers. The army said nine "terrorists" were '
        "neutralised.",
        "Militants attacked the Tessit post on Sunday, killing two soldiers.\n\nIn a statement, the army said its "
        'troops had "neutralised" nine assailants while repelling the attack.',
        "Des hommes armés ont attaqué dimanche le poste de Tessit, tuant deux soldats. L'armée affirme avoir "
        "« neutralisé » neuf assaillants lors de la riposte.",
    ],
)
def test_a_count_with_a_word_in_scare_quotes_is_read(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 11


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: a communiqué glosses its verb in brackets before the count ("neutralised (killed) three")
        (
            "Ministry of National Defence: On 9 October 2027, in a search operation near Khenchela, a detachment of "
            "the People's National Army neutralised (killed) three terrorists.",
            3,
        ),
        (
            "Ministère de la Défense nationale : le 9 octobre 2027, un détachement de l'ANP a neutralisé (abattu) "
            "deux terroristes près de Khenchela.",
            2,
        ),
        # "a score of" is twenty, as "scores of" is
        ("Gunmen killed a score of villagers near Djibo on Saturday.", 20),
    ],
)
def test_a_glossed_verb_and_a_score_are_read(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


def test_the_dead_told_by_their_number_are_counted(extractor) -> None:
    # SYNTHETIC: "the dead numbered nine", "les victimes, au nombre de neuf": the toll told as the dead's number
    text = "Gunmen attacked the market of Tin-Akoff on Friday. The dead numbered nine, local officials said."
    assert _toll(extractor, text, published="2027-10-10") == 9
    french = "Les victimes, au nombre de neuf, ont été inhumées samedi."
    assert [q.value for q in find_quantities(french) if q.kind == "fatalities"] == [9]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: "gave their lives", "ont donné leur vie": a force's dead told as its sacrifice
        "Two gendarmes gave their lives when militants attacked the Tessit post on Sunday.",
        "Deux gendarmes ont donné leur vie dimanche lors de l'attaque du poste de Tessit.",
    ],
)
def test_the_dead_who_gave_their_lives_are_counted(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 2


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: a qualifier before the second group of a list of the dead ("and at least nine militants", "as
        # were at least nine militants") keeps the group in the list
        "Militants attacked the Tessit post on Sunday. Two soldiers and at least nine militants were killed, the army "
        "said.",
        "Militants attacked the Tessit post on Sunday. Two soldiers were killed, as were at least nine militants.",
        "Des terroristes ont attaqué dimanche le poste de Tessit. Deux soldats et au moins neuf assaillants ont été "
        "tués, selon l'armée.",
    ],
)
def test_a_qualified_group_in_a_list_of_the_dead_is_added(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 11


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: French approximations and ranges ("près d'une trentaine", "entre 10 et 15": the lower figure)
        ("Des hommes armés ont tué près d'une trentaine de villageois samedi près de Djibo.", 30),
        ("Des hommes armés ont tué entre 10 et 15 villageois samedi près de Djibo.", 10),
        # "chez les assaillants": the side of a count, like "parmi" and "côté"
        (
            "Des terroristes ont attaqué dimanche le poste de Tessit. Les combats ont fait deux morts chez les "
            "soldats et neuf chez les assaillants.",
            11,
        ),
    ],
)
def test_french_approximations_ranges_and_chez_a_side(extractor, text: str, expected: int) -> None:
    assert _toll(extractor, text, published="2027-10-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: soldiers who "sont tombés" in a fight ("lors de", "au cours de", a day word between) died
        ("Trois soldats sont tombés lors de l'attaque du poste de Tessit dimanche.", [3]),
        ("Trois soldats sont tombés dimanche au cours de l'attaque du poste de Tessit.", [3]),
        # shells fall too, and those who "fell into an ambush" were caught in it
        ("Trois obus sont tombés lors de l'attaque du poste de Tessit dimanche.", []),
        ("Deux gendarmes sont tombés dans une embuscade près de Tessit dimanche.", []),
    ],
)
def test_soldiers_who_fell_in_a_fight_are_counted(text: str, expected: list[int]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "fatalities"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: the bodies counted of one side ("nine bodies of the attackers", "neuf corps d'assaillants") are
        # that side's dead, added to the other side's, not a toll of everyone that stands for both
        "Militants attacked the Tessit post on Sunday. Two soldiers were killed; troops recovered nine bodies of the "
        "attackers.",
        "Des terroristes ont attaqué dimanche le poste de Tessit. Deux soldats ont été tués et neuf corps "
        "d'assaillants ont été retrouvés.",
    ],
)
def test_bodies_of_one_side_add_to_the_other_sides_dead(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 11


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: "six dead on one side and four on the other", "six morts d'un côté et quatre de l'autre": the
        # other side's count told without its noun nor verb
        "Clashes between two militias near Ménaka on Sunday left six dead on one side and four on the other.",
        "Des affrontements entre deux milices près de Ménaka ont fait dimanche six morts d'un côté et quatre de "
        "l'autre.",
    ],
)
def test_the_dead_on_one_side_and_on_the_other_are_added(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: a field report's slash list of each side's dead ("KIA: 2 FF / 6 EN", "Tués : 2 amis / 7 ennemis")
        ("KIA: 2 FF / 6 EN.", [2, 6]),
        ("KIA 3 FF / 9 EN. WIA 4 FF.", [3, 9]),
        ("Tués : 2 amis / 7 ennemis.", [2, 7]),
        # a slash list whose words are no sides is left alone
        ("KIA: 2 FF / 6 trucks.", [2]),
    ],
)
def test_a_slash_list_of_each_sides_dead_is_read(text: str, expected: list[int]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "fatalities"] == expected


def test_a_slash_list_of_each_sides_dead_is_added_up(extractor) -> None:
    # SYNTHETIC: field shorthand about an invented contact
    text = "SITREP 14 APR. Contact at Inates 1400Z with JNIM fighters. KIA 3 FF / 9 EN. WIA 4 FF."
    assert _toll(extractor, text, published="2027-04-15") == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: counts told with a dash aside: between the count and its verb, and other dead joined by a dash
        ("Four soldiers - two of them officers - were killed on Sunday near Tessit.", [4]),
        ("Quatre soldats — dont deux officiers — ont été tués dimanche près de Tessit.", [4]),
        ("Three soldiers were killed — and nine militants — the army said.", [3, 9]),
        ("Trois soldats ont été tués - ainsi que neuf assaillants - selon l'armée.", [3, 9]),
        # a bare "and" joins a group to the dead only where its clause ends
        ("Three soldiers were killed, and nine militants.", [3, 9]),
        ("Three soldiers were killed and nine militants were arrested.", [3]),
        ("The ambush near Tessit left 12 soldiers dead and 8 wounded.", [12]),
        ("At least 12 miners were killed and several others abducted.", [12]),
    ],
)
def test_counts_told_with_a_dash_aside(text: str, expected: list[int]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "fatalities"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: one side's dead set against the other's ("against three soldiers", "contre trois soldats") are
        # added, not a second figure for the same dead
        "Militants attacked the Tessit post on Sunday. Nine militants were killed, against three soldiers.",
        "Des terroristes ont attaqué dimanche le poste de Tessit. Neuf terroristes ont été tués, contre trois soldats.",
    ],
)
def test_one_sides_dead_set_against_the_others_are_added(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 12


def test_a_count_set_against_another_time_is_no_more_dead() -> None:
    # SYNTHETIC: a comparison with another period is no side's dead (the guard of the rule above: the group set
    # against must end on a noun of people)
    text = "Nine soldiers were killed near Tessit on Sunday, against three the week before."
    assert [q.value for q in find_quantities(text) if q.kind == "fatalities"] == [9]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: a force's dead "in its ranks" ("dans ses rangs") are its side's, so that the enemy dead it
        # claims beside them are the other side's, added, not a competing figure for the same dead
        "Des terroristes ont attaqué dimanche le poste de Tessit. L'armée déplore trois morts dans ses rangs et "
        "revendique neuf terroristes tués.",
        "Militants attacked the Tessit post on Sunday. The army said it had three dead in its ranks and claimed nine "
        "militants killed.",
    ],
)
def test_a_forces_dead_in_its_ranks_are_its_sides(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: the toll told as the number of the dead, and French ways of killing ("massacrés", "égorgés")
        ("Gunmen attacked the village of Tin-Akoff on Saturday. The number of dead stands at 14.", [14]),
        ("Le nombre de morts s'élève à 14, selon un élu de Tin-Akoff.", [14]),
        ("Quatorze villageois ont été massacrés samedi à Tin-Akoff.", [14]),
        ("Six bergers ont été égorgés samedi près de Tin-Akoff.", [6]),
        # the number of others is no toll
        ("The number of displaced stands at 1400, the agency said.", []),
    ],
)
def test_the_number_of_dead_and_french_killings_are_counted(text: str, expected: list[int]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "fatalities"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: a verb a source is quoted for in single quotes is read as if unquoted, as in double quotes
        ("The army said its troops 'neutralised' nine terrorists near Tessit.", [9]),
        ("The army said its troops ‘neutralised’ nine terrorists near Tessit.", [9]),
        # a field report's figure marked unconfirmed is no count of the dead
        ("Contact at Inates 1400Z. EN: 9x KIA (confirmed), 4x KIA (probable).", [9]),
        ("Accrochage à Inates. Ennemis : 9 tués, 4 tués (non confirmés).", [9]),
    ],
)
def test_single_quoted_verbs_and_unconfirmed_figures(text: str, expected: list[int]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "fatalities"] == expected


def test_a_sides_bilan_told_after_the_side_is_that_sides(extractor) -> None:
    # SYNTHETIC: "Côté assaillants, le bilan est de neuf morts": the side named before a toll of its own
    text = (
        "Des terroristes ont attaqué dimanche le poste de Tessit. Trois soldats ont été tués. Côté assaillants, le "
        "bilan est de neuf morts."
    )
    assert _toll(extractor, text, published="2027-10-10") == 12


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: the dead a force "suffered" are its own even where the parse reads them as its enemies'
        "Militants attacked the Tessit post on Sunday. Nine militants were killed. The army suffered three dead.",
        # other dead joined by "as well as", "plus"
        "Militants attacked the Tessit post on Sunday. Three soldiers were killed, as well as nine militants.",
        "Militants attacked the Tessit post on Sunday. Three soldiers were killed, plus nine militants.",
    ],
)
def test_a_forces_suffered_dead_and_dead_joined_as_well_as(extractor, text: str) -> None:
    assert _toll(extractor, text, published="2027-10-10") == 12
