"""Which events a report states, and of which type: error classes found on unseen text (issue 3), one synthetic
sentence per class, about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


def _types(extractor, text: str, published: str = "2026-05-20") -> list[str]:
    (result,) = extractor.pipe([report(text, published)])
    return [e.sub_event_type for e in result.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrest made after an exchange of fire is the clash (ACLED codes the most violent part), not arrests
        (
            "Gendarmes arrested three suspected jihadists after a brief exchange of fire near Ouallam on Thursday.",
            ["Armed clash"],
        ),
        (
            "Deux contrebandiers ont été interpellés après un échange de tirs avec les douaniers jeudi à Dehiba.",
            ["Armed clash"],
        ),
        # a French seizure of rifles is disrupted weapons use
        ("Les gendarmes ont saisi huit fusils et des cartouches jeudi près de Tébessa.", ["Disrupted weapons use"]),
        # "residents beat ... on Thursday": a past told of one day, not a generic present; a lynching is mob violence
        ("Angry youths beat to death a suspected thief near Tahoua on Thursday.", ["Mob violence"]),
        # a French landmine ("par une mine", "sauté sur une mine") is a remote explosive, not a clash
        ("Deux soldats ont été tués jeudi par une mine près d'Aguelhok.", ["Remote explosive/landmine/IED"]),
        # a past tense the parse joined to an infinitive ("foiled an attempt to smuggle ... and arrested") happened
        (
            "National Guard officers foiled an attempt to smuggle migrants by sea near Zarzis on Thursday and arrested "
            "two smugglers.",
            ["Arrests"],
        ),
        # "storm" the verb is an assault, not the weather
        (
            "Militants tried to storm an army post near Tessit on Thursday but were repelled by the troops.",
            ["Armed clash"],
        ),
        # deaths in a collapse are an accident, no event
        ("Quatre orpailleurs ont péri jeudi dans l'effondrement d'une galerie près de Kidal.", []),
        # field shorthand: contact with an armed group, fire received and returned, a device found and destroyed
        ("0640Z: section made contact with hostile elements 5 km W of post; 1 hostile KIA.", ["Armed clash"]),
        ("2330Z: checkpoint received small-arms fire from the north; fire returned; no casualties.", ["Armed clash"]),
        (
            "0910Z: IED spotted on the road 6 km E of post, destroyed in place; no casualties.",
            ["Disrupted weapons use"],
        ),
        ("1410Z: 1 pickup intercepted, 2 drivers held.", ["Arrests"]),
        # field shorthand without an auxiliary: "2 bodies (male) found ..." is a killing found, not nothing
        ("0715Z: 2 bodies (male) found 3 km N of post, gunshot wounds.", ["Attack"]),
        # field shorthand openings: a post "engaged by" armed men, a "Contact" line
        ("Post Inates engaged by approx 20 armed men on motorbikes at 0230Z. 2 friendly KIA, 3 WIA.", ["Armed clash"]),
        ("Contact 12 km S of Menaka 0900Z, 2 hostiles KIA, 1 friendly WIA.", ["Armed clash"]),
        ("A law firm engaged by the armed forces ministry reviewed the contracts on Thursday.", []),
        # "engaged by EN": field shorthand for the enemy (OPFOR) firing on our unit; an office "engaged by" stays none
        ("0200Z: Post Ber engaged by EN from the north; 1 friendly WIA.", ["Armed clash"]),
        ("0310Z: patrol Alpha engaged by EN with small arms 4 km S of Tessit. No casualties.", ["Armed clash"]),
        ("The contract was engaged by Energy Ministry officials in Niamey on Thursday.", []),
        # enemy dead a field report counts ("2 EKIA") fell in a fight of the reporting force, not an attack on
        # civilians; a "contact" line, a unit "engaged at/from", fire returned are the fight
        ("0500Z: contact with JNIM elements 4 km E of Boni; 2 EKIA.", ["Armed clash"]),
        ("0200Z patrol contact vic Tin-Essako, 2 EKIA.", ["Armed clash"]),
        ("Platoon had contact with ISGS fighters 6 km E of Tongo Tongo at 0900Z, 4 EKIA.", ["Armed clash"]),
        ("1015Z: recce team in contact 3 km W of Tin-Zaouatene, 2 EKIA.", ["Armed clash"]),
        ("Patrol engaged at 0600Z 5 km S of Ber; 1 FF WIA.", ["Armed clash"]),
        ("Post Tessit received fire from NE at 0410Z, returned fire, 3 EKIA.", ["Armed clash"]),
        ("Le poste de Tessit a été pris à partie à 0300Z par une vingtaine d'hommes armés ; 2 EKIA.", ["Armed clash"]),
        ("The mayor stayed in contact with the families of the victims.", []),
        # fire on a force's own position in a field report is a fight with it; indirect fire is shelling; bodies
        # of civilians found shot are an attack, not a crowd's violence
        ("Post came under small-arms fire from a ridge at 0215Z, 1 FF WIA, enemy withdrew.", ["Armed clash"]),
        ("Harassing fire on post from the south 2200Z-2230Z; no casualties.", ["Armed clash"]),
        ("FOB Gao engaged by indirect fire at 2210Z, no casualties.", ["Shelling/artillery/missile attack"]),
        ("Le poste de Tessit a été harcelé à 2300Z par des tirs d'armes légères ; pas de blessés.", ["Armed clash"]),
        ("Le poste de directeur a été attaqué en justice par un syndicat.", []),
        ("2 civilians found dead 5 km N of post, shot at close range.", ["Attack"]),
        ("The post office of Gafsa was robbed on Tuesday.", []),
        # field shorthand arrests: the people counted, then "held", "captured", "handed over to the gendarmerie"
        ("1410Z: 2 x pax held at CP Ber, handed to gendarmerie.", ["Arrests"]),
        ("3 suspects handed over to the gendarmerie at 1500Z.", ["Arrests"]),
        ("1 x HVT captured during cordon and search vic Anefis at 0500Z.", ["Arrests"]),
        ("The suspects were held responsible for the attack, the minister said.", []),
        # a helicopter or aircraft that "engaged" or "opened fire on" fighters is an air strike, in French too
        ("An army helicopter engaged gunmen fleeing toward the border on Monday, killing six.", ["Air/drone strike"]),
        (
            "Un hélicoptère de combat a ouvert le feu sur des hommes armés près de Gossi mardi, en tuant cinq.",
            ["Air/drone strike"],
        ),
        ("The aircraft engaged in the operation returned to base on Tuesday.", []),
        # a French device that "a explosé"/"a sauté" is a remote explosive, not the fire that followed it
        (
            "Une bombe artisanale a explosé jeudi devant un marché de Diffa, tuant quatre civils.",
            ["Remote explosive/landmine/IED"],
        ),
        (
            "Une mine a explosé au passage d'un convoi près de Gossi mardi, tuant deux soldats. Les assaillants ont "
            "ensuite ouvert le feu sur le convoi.",
            ["Remote explosive/landmine/IED"],
        ),
        (
            "Un véhicule de l'armée a sauté sur la route de Gossi mardi ; deux soldats ont été tués.",
            ["Remote explosive/landmine/IED"],
        ),
        # the noun "incendie" (a fire) is no arson: an accidental fire is no riot
        ("Le dépôt de carburant a explosé jeudi à Zarzis à la suite d'un incendie accidentel.", []),
        ("Un incendie a ravagé jeudi le marché de Zarzis.", []),
        # the raid a looting is told again as ("The assailants raided the shops") is the looting, or an attack when
        # it killed; the fight for a town taken is its capture; a fight elsewhere or on another day is its own
        (
            "Jihadists looted the market of Tin-Akoff on Wednesday. The assailants raided the shops and set fire to "
            "the stalls.",
            ["Looting/property destruction"],
        ),
        (
            "Jihadists looted the market of Tin-Akoff on Wednesday. The assailants raided the shops and shot dead two "
            "traders.",
            ["Attack"],
        ),
        (
            "Jihadists looted the market of Tin-Akoff on Wednesday. Soldiers later clashed with a group of bandits "
            "near Markoye.",
            ["Looting/property destruction", "Armed clash"],
        ),
        (
            "Jihadists torched the school of Tin-Akoff on Tuesday. They also shot at villagers who tried to put out "
            "the fire.",
            ["Looting/property destruction"],
        ),
        (
            "Jihadists looted the market of Tin-Akoff on Wednesday. A bomb exploded near the mosque of Djibo on "
            "Wednesday.",
            ["Looting/property destruction", "Remote explosive/landmine/IED"],
        ),
        (
            "Troops recaptured the town of Léré on Sunday. Fighting with the jihadists lasted four hours, the army "
            "said.",
            ["Government regains territory"],
        ),
        (
            "Troops recaptured the town of Léré on Sunday. Militants attacked a checkpoint in Niono on Monday, "
            "killing two soldiers.",
            ["Government regains territory", "Armed clash"],
        ),
        # clashes with no armed group told after a protest are the crowd's fight with the police: a violent
        # demonstration, not a battle beside a peaceful protest; jihadists clashing elsewhere stay a battle
        (
            "Hundreds of residents protested in Djibo on Friday against the army's failure to stop the attacks. "
            "Clashes broke out with the security forces.",
            ["Violent demonstration"],
        ),
        (
            "Des manifestants ont bloqué jeudi la route de Redeyef. Des affrontements ont éclaté avec la garde "
            "nationale.",
            ["Violent demonstration"],
        ),
        (
            "Hundreds of residents protested in Djibo on Friday. Jihadists later clashed with soldiers near Arbinda.",
            ["Peaceful protest", "Armed clash"],
        ),
        # ... and a protest the police fired on to kill stays excessive force, the clashes told after it its own
        (
            "Police opened fire on protesters in Tataouine on Friday, killing two. Clashes broke out with the security "
            "forces later in the day.",
            ["Excessive force against protesters"],
        ),
        # ... but bodies "found last week" that a later sentence tells of are no new find
        ("The two bodies found last week near Ayorou were buried on Thursday.", []),
        # French gunfire aimed at a post ("des tirs ont visé", "la cible de tirs", "visé par des tirs"), even with
        # no victims, is an attack on it
        ("Des tirs nourris ont visé jeudi soir un poste de l'armée à Tessit, sans faire de victimes.", ["Armed clash"]),
        ("Un poste de l'armée a été la cible de tirs jeudi soir à Tessit, sans faire de victimes.", ["Armed clash"]),
        ("Un camp de la gendarmerie a été visé jeudi par des rafales près de Ménaka.", ["Armed clash"]),
        # a road blockade the police broke up, the intervention in the next clause: a protest with intervention
        (
            "Des habitants ont bloqué jeudi la route de Redeyef ; la garde nationale est intervenue pour la rouvrir.",
            ["Protest with intervention"],
        ),
        (
            "Residents blocked the main road of Redeyef on Thursday, before police dispersed them with tear gas.",
            ["Protest with intervention"],
        ),
        # a crowd attacking a police station is a riot, not a clash of armed groups
        (
            "A crowd attacked the police station of Dosso on Thursday after a detainee died in custody.",
            ["Mob violence"],
        ),
        # the attack a suspect is held for is an earlier happening, not a clash of this sentence
        (
            "Gendarmes arrested three men on Thursday in connection with the attack on a customs post near Ayorou, "
            "in which an officer was killed last month.",
            ["Arrests"],
        ),
        (
            "Police detained the suspected leader of the gang behind the killing of two herders near Tahoua on "
            "Thursday, the ministry said.",
            ["Arrests"],
        ),
        # a road blocked with burning tyres is a violent demonstration (the tyres are no property destroyed), in
        # French too; a road blocked "pour réclamer" something is a protest even with no intervention
        ("Villagers blocked the road to Ouallam with burning tyres on Thursday.", ["Violent demonstration"]),
        (
            "Des jeunes ont bloqué jeudi la route de Fériana en brûlant des pneus pour réclamer des emplois.",
            ["Violent demonstration"],
        ),
        ("Des habitants de Thala ont bloqué jeudi la route nationale pour réclamer un pont.", ["Peaceful protest"]),
        # ... but armed men blocking a road for a ransom are no protesters
        ("Des hommes armés ont bloqué jeudi la route près de Ménaka pour exiger une rançon.", []),
        # French troop deployments and bases opened ("a déployé", "des renforts", "l'ouverture d'une base")
        (
            "L'armée a déployé jeudi un bataillon supplémentaire à Dehiba pour renforcer la surveillance de la "
            "frontière.",
            ["Change to group/activity"],
        ),
        ("L'armée malienne a inauguré jeudi un camp militaire à Tessalit.", ["Headquarters or base established"]),
        (
            "Le LNA a annoncé jeudi l'ouverture d'une nouvelle base à Waw al-Namus pour surveiller la frontière.",
            ["Headquarters or base established"],
        ),
        # a search "sans signaler d'accrochage" tells that no clash happened; "sans tarder" negates nothing
        ("Les militaires ont mené jeudi une opération de fouille près de Kasserine, sans signaler d'accrochage.", []),
        (
            "Les militaires ont riposté sans tarder à l'attaque des jihadistes jeudi près de Tessit, tuant cinq "
            "assaillants.",
            ["Armed clash"],
        ),
        # hostages that soldiers freed in a fight: the fight, not an abduction (the kidnappers are its other side);
        # kidnappers releasing some of their hostages still abducted them
        ("Soldiers stormed the kidnappers' hideout near Téra on Thursday and freed four hostages.", ["Armed clash"]),
        (
            "Gunmen opened fire on a bus near Téra on Thursday and abducted five passengers, later releasing two.",
            ["Abduction/forced disappearance"],
        ),
        # a border closure an authority decided or announced is the restriction (the decree), told as to come or
        # not; one that only may come is none
        ("The government of Mali decided on Thursday to close the border crossing at Gogui for ten days.", ["Other"]),
        ("Niger's government said on Thursday it would close the Assamaka border crossing from next week.", ["Other"]),
        ("Tunisia may close the Ras Jedir crossing if the situation worsens, the ministry announced on Thursday.", []),
        # terrorists "neutralisés" or "abattus" with their rifles recovered: the operation's fight, in French as in
        # English, not a seizure with a toll
        ("Nos unités ont neutralisé deux terroristes jeudi près de Jijel et récupéré deux fusils.", ["Armed clash"]),
        # a man arrested "carrying" grenades or "en possession de" them: an arrest with a seizure, not a grenade attack
        ("Police arrested a man carrying three grenades at the entrance of Gao market on Thursday.", ["Arrests"]),
        ("Un homme en possession de deux grenades a été interpellé jeudi à l'entrée du marché de Gao.", ["Arrests"]),
        # French executions of passengers, drivers, miners ("exécuté quatre passagers") are killings
        ("Des hommes armés ont intercepté jeudi un bus près de Djibo et exécuté quatre passagers.", ["Attack"]),
        # French "avant d'interpeller": the arrest happened after the warning shots (no fight)
        (
            "Les militaires ont effectué des tirs de sommation avant d'interpeller deux contrebandiers jeudi près de "
            "Dehiba.",
            ["Arrests"],
        ),
        # protesters fighting the police are rioters, not an armed clash; nor are "clashes" the police broke up
        ("Des jeunes ont affronté les policiers jeudi soir à Siliana, selon des témoins.", ["Violent demonstration"]),
        (
            "Residents blocked the main road of Redeyef on Thursday to demand water. Police fired tear gas to reopen "
            "it; clashes went on for hours.",
            ["Violent demonstration"],
        ),
        # communiqué arrests: gold prospectors "intercepted", and "l'arrestation, <date>, de ..."
        (
            "Ministry of National Defence: on 14 May 2026, a detachment intercepted nine gold prospectors near "
            "Tin Zaouatine and seized two generators.",
            ["Arrests"],
        ),
        (
            "La Garde nationale annonce l'arrestation, jeudi 14 mai 2026, de deux passeurs présumés à Zarzis.",
            ["Arrests"],
        ),
        # arrests made at a march are the protest's intervention
        (
            "Une trentaine de personnes ont été interpellées jeudi lors d'une marche des enseignants à Nouakchott.",
            ["Protest with intervention"],
        ),
        # activists arrested who had staged a sit-in: the arrests ended the protest (unless it had a day of its own)
        (
            "Police arrested twelve activists on Thursday who had staged a sit-in in Gafsa.",
            ["Protest with intervention"],
        ),
        ("Police arrested twelve activists who had staged a sit-in in Gafsa last month.", ["Arrests"]),
        # what a denied report told, a running total since January, a drill: no event
        ("The army dismissed reports of an attack on its base at Tessit on Thursday as false.", []),
        ("The army denied on Thursday reports that militants had overrun its post at Boulkessi.", []),
        (
            "The army confirmed reports that militants had overrun its post at Boulkessi on Thursday.",
            ["Non-state actor overtakes territory"],
        ),
        ("Les affrontements entre l'armée et les rebelles ont fait fuir des milliers d'habitants depuis mars.", []),
        ("Troops conducted a shooting exercise near the Kati camp on Thursday, the army said.", []),
        # an air strike told in French with the aircraft as subject, or in the passive "par l'aviation"
        ("L'aviation a bombardé un rassemblement de terroristes près de Tessit jeudi.", ["Air/drone strike"]),
        ("Des hélicoptères ont pilonné une base terroriste jeudi près de Tessit.", ["Air/drone strike"]),
        ("Un convoi de jihadistes a été frappé par l'aviation jeudi près de Ménaka.", ["Air/drone strike"]),
        # a patrol or post "targeted" / "visé" / "ciblé" by armed men in the active voice is an attack on it
        ("Militants targeted an army patrol near Kidal on Thursday.", ["Armed clash"]),
        ("Des hommes armés ont ciblé une patrouille de l'armée près de Kidal jeudi.", ["Armed clash"]),
        ("Des assaillants ont visé un poste de la gendarmerie à Tillia jeudi.", ["Armed clash"]),
        # a French ban or suspension of movement is a movement restriction (Strategic developments / Other)
        ("Le gouverneur de Diffa a interdit la circulation des motos jeudi.", ["Other"]),
        ("La circulation a été suspendue jeudi entre Ben Guerdane et Ras Jedir.", ["Other"]),
        # deaths told with the attack that caused them, in a report that tells nothing else, are its happening
        ("Une attaque contre le poste de Tillia a fait six morts jeudi.", ["Armed clash"]),
        ("Le bilan de l'attaque de jeudi contre le poste de Tillia s'est alourdi à six morts.", ["Armed clash"]),
        # deaths alone, with no attack named, stay no event of their own
        ("Six morts ont été dénombrés jeudi à Tillia.", []),
        # a patrol "caught in crossfire" was in a fight, not caught by the police; "caught" smugglers were arrested
        ("An army patrol was caught in crossfire near Tessit on Thursday.", ["Armed clash"]),
        ("Police caught two smugglers near Ben Guerdane on Thursday.", ["Arrests"]),
        # drones with a longer description before the verb ("drones turcs pilotés par l'armée malienne ont bombardé")
        (
            "Des drones turcs pilotés par l'armée malienne ont bombardé un campement près de Tessit jeudi.",
            ["Air/drone strike"],
        ),
        # SYNTHETIC: a drone that destroyed or neutralised what it hit struck it, as one that "a frappé"
        ("Un drone a détruit un véhicule près de Ménaka jeudi, tuant tous ses occupants.", ["Air/drone strike"]),
        ("Un drone de l'armée a neutralisé cinq terroristes près de Tessit jeudi.", ["Air/drone strike"]),
        # SYNTHETIC: residents who "ont marché" or "ont défilé" on a place protest (a march is no riot unless violence
        # is told); migrants walking toward a border are no protest
        ("Des habitants en colère ont marché sur le commissariat de Kasserine jeudi.", ["Peaceful protest"]),
        (
            "Des centaines de jeunes ont défilé dans les rues de Kasserine jeudi pour réclamer des emplois.",
            ["Peaceful protest"],
        ),
        ("Des migrants ont marché vers la frontière près de Ben Guerdane jeudi.", []),
        # SYNTHETIC: a field report's line that names a camp, an OP or a garrison attacked, with no attacker, is a
        # fight at a force's position as "Post X attacked" is
        ("Camp Tessit attacked 0415Z. 4 KIA, 6 WIA.", ["Armed clash"]),
        ("OP Kalaat attacked 0300Z. 2 KIA.", ["Armed clash"]),
        # a standing word of the same roots that restricts nothing is no event
        ("Les deux pays ont discuté jeudi à Tunis de la circulation des marchandises.", []),
    ],
)
def test_detection_class(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


def test_arrest_after_clashes_elsewhere_stays_arrests(extractor) -> None:
    # no exchange of fire at the arrest: the arrests are their own event
    assert _types(extractor, "Police arrested twelve people in Gafsa on Thursday, two days after a protest.") == [
        "Arrests"
    ]


def test_reinforcements_sent_after_an_attack_are_its_response(extractor) -> None:
    text = (
        "Gunmen killed five herders near Abala on Thursday, local officials said. The army sent reinforcements to "
        "the area, the governor said."
    )
    assert _types(extractor, text) == ["Attack"]


def test_reinforcements_sent_on_another_day_are_still_the_response(extractor) -> None:
    text = (
        "Gunmen attacked the army camp of Boulkessi on Thursday, killing five soldiers. Reinforcements were sent to "
        "the area the next day."
    )
    assert _types(extractor, text) == ["Armed clash"]


def test_shorthand_cues_keep_to_their_sense(extractor) -> None:
    # a bomb that went off is not a device found, even with "found" later in the sentence; fire trucks are no fire
    text = "A bomb exploded in the market of Gao on Thursday, where police later found two wounded traders."
    assert _types(extractor, text) == ["Remote explosive/landmine/IED"]
    assert _types(extractor, "The civil protection of Gao received new fire trucks on Thursday.") == []


def test_air_support_after_a_ground_assault_keeps_the_battle_and_its_toll(extractor) -> None:
    # the air strikes are the defenders' support in the battle an armed group began, not the means of its assault
    text = (
        "Jihadists attacked the army camp of Boulkessi on Thursday. The army said 40 assailants were killed during "
        "the attack, and that air strikes destroyed several of their vehicles."
    )
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Armed clash", 40)]
    # a bomb told after a fight is still its means
    text = "Gunmen attacked an army convoy near Tessit on Thursday. A roadside bomb hit the lead vehicle."
    assert _types(extractor, text) == ["Remote explosive/landmine/IED"]


def test_second_reported_statement_tells_its_own_happening(extractor) -> None:
    # "said X, and that Y": two statements, each with its event
    text = (
        "The governor said gendarmes arrested two smugglers at Dehiba on Thursday, and that a roadside bomb "
        "wounded a soldier near Remada."
    )
    assert _types(extractor, text) == ["Arrests", "Remote explosive/landmine/IED"]


def test_doers_of_the_event_told_before_are_no_new_event(extractor) -> None:
    # a later day's sentence whose only cue is the attackers (found gone, no trace of them) tells no fight of its own
    text = (
        "Militants ambushed an army convoy near Ansongo on Thursday, killing four soldiers. Reinforcements arrived "
        "on Friday and found no trace of the attackers."
    )
    assert _types(extractor, text) == ["Armed clash"]
    text = (
        "Gunmen killed three herders near Abala on Thursday. Soldiers sent to the village on Friday found the "
        "attackers gone."
    )
    assert _types(extractor, text) == ["Attack"]


def test_fight_an_arrest_or_a_rescue_ended_in_is_the_clash_with_its_toll(extractor) -> None:
    # "freed ... after a gunfight that killed": the rescue's own fight (ACLED codes the most violent part), not a
    # past happening; its deaths count, as those of the fight an arrest ended in
    cases = {
        "Soldiers freed four hostages near Téra on Thursday after a gunfight that killed three of the kidnappers.": 3,
        "Gendarmes arrested three smugglers near Dosso on Thursday after a gunfight that killed one of them.": 1,
    }
    for text, toll in cases.items():
        (result,) = extractor.pipe([report(text, "2026-05-20")])
        assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Armed clash", toll)]


def test_air_strikes_beside_a_ground_assault_are_the_battle_with_its_toll(extractor) -> None:
    # one clause of air strikes, one of the ground assault ("while ground troops stormed", no comma): the battle on
    # the ground is the event and its toll is the battle's, not the strikes'
    for text in (
        "Chadian aircraft bombed rebel positions near Wour on Thursday while ground troops stormed the camp, killing "
        "ten rebels.",
        "Libyan aircraft struck smugglers' vehicles near Qatrun on Thursday. Ground troops then attacked the convoy, "
        "killing ten smugglers.",
    ):
        (result,) = extractor.pipe([report(text, "2026-05-20")])
        assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Armed clash", 10)]
    # ... but an armed group's fire at the aircraft is no ground battle of the side that struck
    text = "An air strike destroyed a JNIM base near Boni on Thursday. The army said militants fired on its aircraft."
    assert _types(extractor, text) == ["Air/drone strike"]


def test_french_seizure_and_the_next_days_fight_are_two_events(extractor) -> None:
    # "a saisi ... litres de carburant" is a seizure; "le lendemain" tells another day's happening, not the same one
    text = (
        "Lundi, la garde nationale a saisi 2 000 litres de carburant à Ben Guerdane. Le lendemain, des contrebandiers "
        "ont ouvert le feu sur une patrouille près de Dehiba, blessant un garde."
    )
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [(e.sub_event_type, e.date) for e in result.events] == [
        ("Other", "2026-05-18"),
        ("Armed clash", "2026-05-19"),
    ]


def test_a_communiques_next_item_is_another_operation(extractor) -> None:
    # "In the same period" / "Par ailleurs": the communiqué's next operation, not the arrests the fight made
    for text in (
        "On 15 May 2026, units of the ANP neutralised two terrorists near Médéa. In the same period, detachments "
        "arrested eight support elements of terrorist groups in Batna.",
        "Le 15 mai 2026, des unités de l'ANP ont neutralisé deux terroristes près de Médéa. Par ailleurs, des "
        "détachements ont arrêté cinq éléments de soutien aux groupes terroristes à Batna.",
    ):
        assert _types(extractor, text) == ["Armed clash", "Arrests"]
    # ... but the captives of the fight itself are its own
    assert _types(extractor, "Soldiers killed three militants near Boni on Thursday and arrested two others.") == [
        "Armed clash"
    ]


def test_a_mine_that_killed_is_a_remote_explosive(extractor) -> None:
    # "a mine killed", "une mine a tué": the mine is the subject, no "hit a mine" wording; still no clash
    for text in (
        "A mine killed two soldiers near Aguelhok on Thursday.",
        "Une mine a tué deux soldats jeudi près d'Aguelhok.",
        "On Thursday a mine wounded three herders near Tessit.",
        "Une mine a fait trois morts jeudi près de Tessit parmi des bergers.",
    ):
        assert _types(extractor, text) == ["Remote explosive/landmine/IED"], text
    # a mine that employs people is no weapon
    assert _types(extractor, "The mine employed three hundred workers near Arlit on Thursday.") == []


def test_a_gathering_of_armed_men_is_no_protest(extractor) -> None:
    # "un rassemblement de terroristes": armed men massed, not a rally; a rally of people stays a protest
    for text in (
        "Les militaires ont dispersé jeudi un rassemblement de terroristes près de Ménaka.",
        "Un rassemblement d'hommes armés a été signalé jeudi près de Tessit.",
        "Les forces armées ont détruit jeudi un rassemblement de véhicules des groupes armés près de Ménaka.",
    ):
        assert _types(extractor, text) == [], text
    for text in (
        "Un rassemblement des enseignants a eu lieu jeudi devant le ministère à Tunis.",
        # retired soldiers rallying for their pensions are protesters
        "Un rassemblement de militaires retraités a eu lieu jeudi devant le ministère de la Défense à Tunis pour "
        "réclamer leurs pensions.",
    ):
        assert _types(extractor, text) == ["Peaceful protest"], text


def test_french_passive_deaths_of_people_are_an_attack(extractor) -> None:
    # "Quinze personnes ont été tuées": French "personnes", like "people", are civilians killed, not an addendum
    # to an event told before (none here)
    for text, dead in (
        ("Quinze personnes ont été tuées mercredi au marché de Ménaka.", 15),
        ("Cinq personnes ont été tuées jeudi dans le village de Tessit.", 5),
        ("Des inconnus ont tué jeudi deux personnes près de Ouallam.", 2),
    ):
        (result,) = extractor.pipe([report(text, "2026-05-20")])
        assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Attack", dead)], text


def test_a_running_total_beside_the_event_is_not_its_toll(extractor) -> None:
    # "..., bringing to 31 the number killed since January": the event stays with its own dead; the period's total
    # is neither its toll nor a reason to read the whole sentence as a tally
    for text in (
        "Gunmen attacked a village near Ouallam on Thursday, killing five civilians and bringing to 31 the number "
        "killed since January.",
        "Des hommes armés ont attaqué jeudi un village près de Ouallam, tuant cinq civils, portant à 31 le nombre "
        "de victimes depuis janvier.",
        "Des hommes armés ont tué jeudi cinq bergers près d'Abala, portant ainsi à 31 le nombre de civils tués dans "
        "la zone cette année.",
    ):
        (result,) = extractor.pipe([report(text, "2026-05-20")])
        assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Attack", 5)], text


def test_french_deaths_told_of_another_place_are_another_event(extractor) -> None:
    # "... près de Ouallam": French place markers name the place the English parse does not tag; deaths told of
    # another town are not the attack's toll, deaths told of the same town (or of none) still are
    cases = {
        "Des hommes armés ont attaqué jeudi un poste de l'armée près d'Ayorou. Deux soldats ont été tués le même "
        "jour près de Ouallam.": [("Armed clash", 0), ("Armed clash", 2)],
        "Des jihadistes ont attaqué jeudi un camp militaire à Tessit. Trois militaires ont été tués le même jour "
        "dans le village de Gossi.": [("Armed clash", 0), ("Armed clash", 3)],
        "Des hommes armés ont attaqué jeudi un poste de l'armée près d'Ayorou. Deux soldats ont été tués lors de "
        "l'attaque près d'Ayorou.": [("Armed clash", 2)],
        "Des jihadistes ont attaqué jeudi un camp militaire à Tessit. Trois militaires ont été tués.": [
            ("Armed clash", 3)
        ],
    }
    for text, expected in cases.items():
        (result,) = extractor.pipe([report(text, "2026-05-20")])
        assert [(e.sub_event_type, e.fatalities) for e in result.events] == expected, text


def test_deaths_told_after_the_ground_battle_stay_with_it_not_the_strike(extractor) -> None:
    # a strike, then the ground fight it was part of, then a deaths-only sentence: the deaths must not hand the
    # event back to the strike; a strike with deaths and no ground fight stays the strike
    cases = {
        "An air strike hit a JNIM camp near Boni on Thursday. Later that day, soldiers clashed with militants near "
        "Boni. Seven militants were killed in the clashes.": [("Armed clash", 7)],
        "Malian aircraft bombed a JNIM base near Boni on Thursday. Ground troops then stormed the base. Nine "
        "militants were killed.": [("Armed clash", 9)],
        "An air strike destroyed a JNIM base near Boni on Thursday. Nine militants were killed.": [
            ("Air/drone strike", 9)
        ],
    }
    for text, expected in cases.items():
        (result,) = extractor.pipe([report(text, "2026-05-20")])
        assert [(e.sub_event_type, e.fatalities) for e in result.events] == expected, text


def test_french_forces_that_came_under_fire_were_attacked(extractor) -> None:
    # "essuyé jeudi des coups de feu", "pris sous le feu", "prise à partie par des hommes armés": fire received, a
    # fight with the force even with no victims; criticism "essuyée" is none
    for text in (
        "Une patrouille de douaniers a essuyé jeudi des coups de feu près de Ben Guerdane.",
        "Les militaires ont essuyé jeudi d'intenses tirs près de Ménaka.",
        "Un convoi de l'armée a été pris sous le feu d'hommes armés jeudi près d'Ansongo.",
        "Une patrouille a été prise à partie jeudi par des hommes armés près de Ménaka.",
    ):
        assert _types(extractor, text) == ["Armed clash"], text
    assert _types(extractor, "Le gouvernement a essuyé des critiques jeudi à Tunis.") == []


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a non-restrictive "which" clause telling what the happening caused is its toll, whatever noun the parse
        # hangs it on (the day, the dead, a "fighting" subject); the attackers stay the attackers
        ("Troops repelled an attack on their base near Kantchari on Saturday, which also left 11 attackers dead.", 11),
        (
            "Jihadists attacked the army camp at Boulkessi on Friday; the fighting, which also left 11 attackers dead, "
            "lasted two hours.",
            11,
        ),
        (
            "Gunmen stormed a gendarmerie post in Tillia on Sunday, killing three gendarmes, which also left 11 "
            "attackers dead.",
            14,
        ),
        # ... but an earlier attack an arrest is linked to keeps its dead to itself
        (
            "Police arrested two men on Tuesday in Sfax in connection with the 2021 attack on a hotel, which left 38 "
            "dead.",
            0,
        ),
    ],
)
def test_result_clause_is_the_events_toll(extractor, text: str, dead: int) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    (event,) = result.events
    assert (event.fatalities or 0) == dead
    if dead:
        assert event.actor1 is not None and "Unidentified Armed Group" in event.actor1.name


@pytest.mark.parametrize(
    "text",
    [
        # a French day told with the verb of telling dates the announcement, not a second happening
        "Des hommes armés ont attaqué vendredi soir le poste militaire de Tessit. Dimanche, l'armée a annoncé que ses "
        "unités avaient neutralisé six assaillants lors de la riposte.",
        "Des jihadistes ont attaqué jeudi un convoi près de Ménaka. L'état-major a indiqué samedi que ses hommes "
        "avaient tué huit assaillants.",
    ],
)
def test_french_day_of_telling_is_no_second_event(extractor, text: str) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == ["Armed clash"]
    assert str(result.events[0].date) in ("2026-05-14", "2026-05-15")  # Thursday, Friday


def test_french_day_of_the_happening_told_stays_its_own(extractor) -> None:
    # the telling's day aside, a day inside what is told ("avaient neutralisé samedi") is that happening's
    text = (
        "Des hommes armés ont attaqué jeudi le poste de Tessit. Dimanche, l'armée a annoncé que ses unités avaient "
        "neutralisé samedi six terroristes près d'Inates."
    )
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert sorted(str(e.date) for e in result.events) == ["2026-05-14", "2026-05-16"]


def test_a_peaceful_protest_takes_no_toll_from_the_past_it_recalls(extractor) -> None:
    text = "Residents of Tillia, which lost 40 villagers in an attack last year, marched on Thursday to demand troops."
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Peaceful protest", 0)]


@pytest.mark.parametrize(
    "text",
    [
        # a drone told by its make: the English one was a clash, the French one no event at all
        "A Bayraktar TB2 struck a convoy of armed men near Léré on Monday, killing six of them, the army said.",
        "Un Bayraktar TB2 de l'armée malienne a frappé lundi un pick-up d'hommes armés près de Léré, tuant quatre "
        "d'entre eux.",
        "Six fighters were killed by a Turkish-made Akinci near Tessit on Monday, the army said.",
    ],
)
def test_a_drone_named_by_its_make_is_an_air_strike(extractor, text: str) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]


def test_a_drone_bought_is_no_strike(extractor) -> None:
    text = "Mali bought two more Bayraktar TB2 drones from Turkey last month, the defence ministry said on Monday."
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert result.events == []


@pytest.mark.parametrize(
    "text",
    [
        # the fire the arrested had opened, told after the arrest with no day of its own, was a second event (a clash)
        "Gendarmes arrested two smugglers near Tahoua on Tuesday after a chase. The suspects had fired on the "
        "gendarmes, wounding one.",
        "Les gendarmes ont interpellé mardi trois suspects à Dosso. Ceux-ci avaient ouvert le feu sur les gendarmes "
        "avant d'être maîtrisés.",
    ],
)
def test_fire_the_arrested_had_opened_is_no_second_event(extractor, text: str) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == ["Arrests"]


def test_a_fight_after_an_arrest_by_other_hands_stays_its_own(extractor) -> None:
    text = (
        "Police arrested two smugglers in Agadez on Tuesday. The next day, gunmen attacked the police station, "
        "killing a policeman."
    )
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == ["Arrests", "Armed clash"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the French verb of a clash ("ont accroché la bande") was no cue: no event
        ("Lundi, les militaires ont accroché la bande près de Tidermène, tuant quatre assaillants.", ["Armed clash"]),
        ("Les gendarmes ont accroché des contrebandiers armés mardi près de Dirkou.", ["Armed clash"]),
        # attacks on posts (plural) in a field report are a fight with the posts' force, as one on a post is
        ("18 MAY 2026, 0400Z: attacks on posts at Tera and Gotheye. 3 KIA.", ["Armed clash"]),
        # "accrocher" a flag is no fight
        ("Les habitants ont accroché des drapeaux lundi aux façades de Zinder pour la fête nationale.", []),
    ],
)
def test_french_clash_verb_and_attacks_on_posts(extractor, text: str, expected: list[str]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the attack an arrest was made over, and the deaths of its "in which" clause (which the parse hangs on the
        # suspects), were the sentence's event: an Attack by the police
        "Police arrested four suspects in Gao on Monday over the attack on the market, in which gunmen had killed six "
        "people last week.",
        "Gendarmes detained two men in Dosso on Monday for the ambush on the Niamey road, in which three soldiers had "
        "died in April.",
    ],
)
def test_the_happening_an_arrest_was_made_over_is_background(extractor, text: str) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == ["Arrests"]


def test_funerals_held_for_the_dead_keep_the_bomb_as_the_event(extractor) -> None:
    text = (
        "Funerals were held in Gao on Friday for the soldiers killed when an improvised explosive device struck "
        "their convoy on the Ansongo road last Monday."
    )
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lynching told again as the crowd's beating was a second event, an Attack by protesters
        (
            "Residents lynched a suspected kidnapper in Tahoua on Monday. The man was beaten to death by the crowd.",
            [("Mob violence", 1)],
        ),
        # the dead of a burning told after it, with no doers of their own, were a second event: the burning killed
        (
            "Armed men set fire to houses in Djibo on Monday. Two elderly residents died in the flames.",
            [("Attack", 2)],
        ),
    ],
)
def test_deaths_told_after_a_lynching_or_a_burning_are_its_own(extractor, text: str, expected: list) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # suspects "picked up" by a force were no arrest (no event)
        ("Police picked up four suspects in Gao on Monday.", ["Arrests"]),
        ("Two suspected jihadists were picked up by gendarmes near Dosso on Monday.", ["Arrests"]),
        # migrants picked up at sea are rescued, not arrested
        ("The navy picked up 40 migrants off Zarzis on Monday.", []),
    ],
)
def test_suspects_picked_up_are_arrested(extractor, text: str, expected: list[str]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the attack a French march recalls ("une semaine après l'attaque qui a fait 14 morts") made it mob violence
        (
            "Des habitants ont manifesté lundi à Gao pour réclamer la sécurité, une semaine après l'attaque qui a "
            "fait 14 morts.",
            [("Peaceful protest", 0)],
        ),
        (
            "Des femmes ont manifesté lundi à Djibo pour dénoncer l'enlèvement de leurs maris par des hommes armés.",
            [("Peaceful protest", 0)],
        ),
        # "après avoir attaqué" (no determiner) is the same story, still told
        (
            "Les assaillants ont pris la fuite lundi après avoir attaqué le poste de Téra, tuant deux gendarmes.",
            [("Armed clash", 2)],
        ),
    ],
)
def test_a_french_happening_recalled_after_apres_is_background(extractor, text: str, expected: list) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past perfect placed before the story by its own words was an extra clash on the arrest's day
        (
            "Soldiers arrested three suspects in Dori on Monday. The army said the men had been ambushed by its "
            "troops in a previous operation.",
            ["Arrests"],
        ),
        (
            "Police detained two smugglers in Agadez on Monday. The smugglers had previously fired on a customs "
            "patrol near Arlit.",
            ["Arrests"],
        ),
        # "had already killed" is the same story, still told
        (
            "By the time troops reached Dargol on Monday, gunmen had already killed nine villagers.",
            ["Attack"],
        ),
    ],
)
def test_a_past_perfect_told_as_earlier_is_background(extractor, text: str, expected: list[str]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what rumours or reports told, said to be false, was an Armed clash
        ("Rumours of an attack on the Ménaka camp on Monday were false, the army said.", []),
        ("Rumors about an attack on the Ménaka camp on Monday were unfounded, officials said.", []),
        ("Reports of an attack on the Ménaka camp on Monday were confirmed by the army.", ["Armed clash"]),
    ],
)
def test_what_reports_said_to_be_false_told_is_no_event(extractor, text: str, expected: list[str]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what did not happen during a march (no clash, no arrest) took the march's own telling with it: no event
        ("No clashes were reported during Monday's march in Gafsa.", ["Peaceful protest"]),
        ("No arrests were made during the march in Gafsa on Monday.", ["Peaceful protest"]),
        # a march that did not take place stays none
        ("No march took place in Gafsa on Monday.", []),
    ],
)
def test_a_march_during_which_nothing_happened_took_place(extractor, text: str, expected: list[str]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a strike" that neutralised or killed, with no other word of its means, was an armed clash
        ("On 16 May, a strike near Tillia neutralised 12 terrorists, the army said.", ["Air/drone strike"]),
        ("Le 16 mai, une frappe près de Tillia a neutralisé douze terroristes, selon l'armée.", ["Air/drone strike"]),
        # a labour strike stays a protest
        ("Teachers went on strike in Niamey on Monday to demand unpaid wages.", ["Peaceful protest"]),
    ],
)
def test_a_strike_that_killed_is_an_air_strike(extractor, text: str, expected: list[str]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [e.sub_event_type for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: a crowd of one side of the clash told before killing the other, with no day of its own, is the
        # clash told again by a witness: one event with its dead, not a second (mob violence)
        (
            "Farmers and herders clashed near Tahoua on Monday. A witness said a crowd of herders killed seven "
            "farmers.",
            [("Armed clash", 7)],
        ),
        (
            "Herders and farmers clashed near Tahoua on Monday. According to residents, a mob of herders killed five "
            "farmers.",
            [("Armed clash", 5)],
        ),
        # guards: a lynching on another day, a crowd of no side of the fight, stay their own mob violence
        (
            "Farmers and herders clashed near Tahoua on Monday. On Wednesday a crowd of herders lynched two farmers "
            "in Tahoua.",
            [("Armed clash", 0), ("Mob violence", 2)],
        ),
        (
            "Jihadists attacked an army post near Tahoua on Monday. A witness said an angry crowd lynched a suspected "
            "thief in the market.",
            [("Armed clash", 0), ("Mob violence", 1)],
        ),
    ],
)
def test_a_crowd_of_one_side_tells_the_clash_again(extractor, text: str, expected: list[tuple[str, int]]) -> None:
    (result,) = extractor.pipe([report(text, "2026-05-20")])
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SYNTHETIC: angry residents who tell of a raid are its sources, not a mob that did it
        ("The village of Tin-Hama was raided on Thursday, angry residents said.", ["Attack"]),
        (
            "Gunmen raided the village of Tin-Hama on Thursday and killed two herders, angry villagers told reporters.",
            ["Attack"],
        ),
        ("The village of Tin-Hama was raided on Thursday, angry locals later told reporters.", ["Attack"]),
        # guards: angry villagers who beat or attack are the mob
        ("Angry villagers beat a suspected thief to death in Tin-Hama on Thursday.", ["Mob violence"]),
        ("Angry residents attacked two men accused of theft in Tahoua on Thursday.", ["Mob violence"]),
    ],
)
def test_angry_tellers_are_no_mob(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC: residents who fled a raid the parse hangs under their verb are its aftermath, not a mob doing it
        "The village of Tin-Hama was raided; a crowd of residents fled to Ménaka.",
        "The village of Tin-Hama was raided on Thursday; hundreds of villagers fled to Ménaka.",
    ],
)
def test_those_who_fled_a_raid_are_no_mob(extractor, text: str) -> None:
    assert _types(extractor, text) == ["Attack"]
